//! Loading the workspace for a command that needs it whole and valid.

use super::check::missing_workspace;
use super::failure::Failure;
use crate::domain::Workspace;
use crate::i18n::Lang;
use crate::store::files::contains_workspace;
use crate::store::load::load_workspace;
use std::path::Path;

/// The workspace at `dir`, or a failure that says what is missing or broken (every problem,
/// located) and how to see it again (`ancrage check`).
pub fn load(dir: &Path, lang: Lang) -> Result<Workspace, Failure> {
    if !contains_workspace(dir) {
        return Err(Failure::new(missing_workspace(dir, lang)));
    }
    load_workspace(dir).map_err(|problems| Failure::new(problems.render(lang)))
}
