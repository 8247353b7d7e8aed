//! "Did you mean…?" for unknown ids: shared with the import, so it lives in `crate::i18n`.

pub use crate::i18n::suggest::closest;
