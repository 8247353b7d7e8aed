//! Which pane of a screen has the keys.

/// Which part of a screen has the keys: the main table or the ranked list beside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Ranked,
}
