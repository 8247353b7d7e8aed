//! A yes/no question in a small popup.

use crate::tui::app::App;
use crate::tui::mode::Confirmation;
use crate::tui::text::Msg;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, question: Confirmation, frame: &mut Frame, area: Rect) {
    let text = match question {
        Confirmation::ResetWeights => Msg::ConfirmResetWeights,
    };
    let area = popup::centered(area, 50, 4);
    let inner = popup::frame_popup(frame, area, Line::from(""));
    frame.render_widget(
        Paragraph::new(Line::styled(text.get(app.lang), style::bold())).wrap(Wrap { trim: true }),
        inner,
    );
}
