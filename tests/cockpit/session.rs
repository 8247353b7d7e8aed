//! Drives the cockpit like the terminal loop does: keys through the real keymap into `update`,
//! then a draw into a `TestBackend`, whose buffer is read back as text.

use crate::cockpit::fixture;
use crate::support::today;
use ancrage::domain::Workspace;
use ancrage::i18n::Lang;
use ancrage::tui::{App, Key, KeyCode, Keymap, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;

pub struct Session {
    pub app: App,
    pub ui: UiState,
    pub terminal: Terminal<TestBackend>,
}

impl Session {
    pub fn new(lang: Lang, width: u16, height: u16) -> Session {
        Session::with(fixture::workspace(), lang, width, height)
    }

    pub fn with(workspace: Workspace, lang: Lang, width: u16, height: u16) -> Session {
        let app = App::new(
            workspace,
            PathBuf::from("/srv/ancrage/espace"),
            lang,
            today(),
            Keymap::default(),
            None,
        );
        let mut session = Session {
            app,
            ui: UiState::default(),
            terminal: Terminal::new(TestBackend::new(width, height)).expect("test backend"),
        };
        session.draw();
        session
    }

    pub fn draw(&mut self) {
        let (app, ui) = (&self.app, &mut self.ui);
        self.terminal
            .draw(|frame| app.view(ui, frame))
            .expect("test backend draws");
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        // `draw` notices the new size, as the real terminal loop does on a resize event.
        self.terminal.backend_mut().resize(width, height);
        self.draw();
    }

    /// Presses one key: looked up in the current mode's bindings, applied, drawn.
    pub fn press(&mut self, key: Key) {
        if let Some(action) = self.app.ctx.keymap.lookup(self.app.scope(), key) {
            self.app.handle(action, self.ui.viewport());
        }
        self.draw();
    }

    /// A left click where `needle` is written on screen (its first char), as the terminal loop
    /// turns it into an action. Panics when the text is not on screen.
    pub fn click_on(&mut self, needle: &str) {
        let screen = self.screen();
        let (x, y) = screen
            .lines()
            .enumerate()
            .find_map(|(y, line)| {
                let byte = line.find(needle)?;
                Some((line[..byte].chars().count(), y))
            })
            .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"));
        let (x, y) = (
            u16::try_from(x).expect("column"),
            u16::try_from(y).expect("row"),
        );
        if let Some(action) = self.ui.click(x, y) {
            self.app.handle(action, self.ui.viewport());
        }
        self.draw();
    }

    /// Presses keys written as in `keys.json`, separated by spaces: `"j j enter"`.
    pub fn keys(&mut self, keys: &str) {
        for k in keys.split_whitespace() {
            self.press(Key::parse(k).expect("valid key in test"));
        }
    }

    /// Types text (in the search field, each char is a key).
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(Key::plain(KeyCode::Char(c)));
        }
    }

    pub fn screen(&self) -> String {
        buffer_text(self.terminal.backend().buffer())
    }
}

/// The buffer as lines of text, trailing spaces trimmed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
