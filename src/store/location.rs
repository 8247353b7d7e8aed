//! Where the workspace lives: `--workspace DIR` (or `ANCRAGE_WORKSPACE`, which clap reads into
//! the same flag), else the platform data directory.

use std::path::PathBuf;

/// Folder used when the platform has no data directory (no `$HOME`, unusual sandboxes): the
/// current folder, under a name that says what it is.
const FALLBACK: &str = "ancrage-workspace";

/// The workspace folder: the flag when given, else `<data dir>/ancrage`
/// (`~/.local/share/ancrage` on Linux), else `./ancrage-workspace`.
pub fn resolve(flag: Option<PathBuf>) -> PathBuf {
    flag.unwrap_or_else(|| default_location(dirs::data_dir()))
}

fn default_location(data_dir: Option<PathBuf>) -> PathBuf {
    match data_dir {
        Some(dir) => dir.join("ancrage"),
        None => PathBuf::from(".").join(FALLBACK),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins() {
        assert_eq!(
            resolve(Some(PathBuf::from("/tmp/ws"))),
            PathBuf::from("/tmp/ws")
        );
    }

    #[test]
    fn data_dir_then_fallback() {
        assert_eq!(
            default_location(Some(PathBuf::from("/home/a/.local/share"))),
            PathBuf::from("/home/a/.local/share/ancrage")
        );
        assert_eq!(default_location(None), PathBuf::from("./ancrage-workspace"));
    }
}
