//! Drawing pieces the screens and dialogs share: styles, popups, the table, text cut with an
//! ellipsis, the bars around the screen, the ranked pane, the score card and review wording.

pub mod choices;
pub mod cut;
pub mod key_bar;
pub mod popup;
pub mod ranked;
pub mod read_only_banner;
pub mod review_text;
pub mod safe;
pub mod score_card;
pub mod status_bar;
pub mod style;
pub mod tab_bar;
pub mod table;
pub mod text_block;
