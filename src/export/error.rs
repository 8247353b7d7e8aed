//! Why an export could not be written. Nothing is left on disk when it fails.

use crate::domain::CallId;
use crate::export::Format;
use crate::export::report::ReportError;
use crate::i18n::Lang;
use crate::session::SessionError;
use crate::store::atomic::FileKind;
use crate::store::problem::Problems;
use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}\u{a0}: aucun espace de travail ici (ancrage init le crée)", .0.display())]
    NoWorkspace(PathBuf),
    /// The workspace has problems; `ancrage check` lists them too.
    #[error("{0}")]
    Workspace(Problems),
    #[error("appel inconnu «\u{a0}{0}\u{a0}»")]
    UnknownCall(CallId),
    #[error("{0}")]
    Report(#[from] ReportError),
    #[error("{0}")]
    Session(#[from] SessionError),
    #[error(
        "{}\u{a0}: le fichier existe déjà — ajoutez --force pour le remplacer, ou choisissez un autre nom avec -o",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("{}\u{a0}: dossier introuvable", .0.display())]
    NoFolder(PathBuf),
    /// A symbolic link, a folder, a device… is never replaced, even with --force.
    #[error(
        "{}\u{a0}: ce n'est pas un fichier ordinaire mais {}\u{a0}; il n'est pas remplacé — choisissez un autre nom avec -o",
        path.display(),
        kind.label(Lang::Fr)
    )]
    NotRegular { path: PathBuf, kind: FileKind },
    #[error("{}\u{a0}: {}", path.display(), crate::store::atomic::io_message(source, Lang::Fr))]
    Io { path: PathBuf, source: io::Error },
    #[error("écriture du format {format} impossible\u{a0}: {message}")]
    Render { format: Format, message: String },
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::Fr {
            return self.to_string();
        }
        match self {
            ExportError::NoWorkspace(dir) => {
                format!(
                    "{}: no workspace here (ancrage init creates one)",
                    dir.display()
                )
            }
            ExportError::Workspace(problems) => problems.render(lang),
            ExportError::UnknownCall(call) => format!("unknown call `{call}`"),
            ExportError::Report(e) => e.message(lang),
            ExportError::Session(e) => e.message(lang),
            ExportError::Exists(path) => format!(
                "{}: the file already exists — add --force to replace it, or choose another name with -o",
                path.display()
            ),
            ExportError::NoFolder(dir) => format!("{}: no such folder", dir.display()),
            ExportError::NotRegular { path, kind } => format!(
                "{}: not a regular file but {}; it is not replaced — choose another name with -o",
                path.display(),
                kind.label(lang)
            ),
            ExportError::Io { path, source } => format!(
                "{}: {}",
                path.display(),
                crate::store::atomic::io_message(source, lang)
            ),
            ExportError::Render { format, message } => {
                format!("cannot write the {format} format: {message}")
            }
        }
    }

    /// Exit code for the command line: 2 when the request itself is wrong (unknown call or
    /// site, file exists), 1 when the workspace or the disk failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            ExportError::UnknownCall(_)
            | ExportError::Report(_)
            | ExportError::Exists(_)
            | ExportError::NotRegular { .. }
            | ExportError::NoFolder(_) => 2,
            _ => 1,
        }
    }
}
