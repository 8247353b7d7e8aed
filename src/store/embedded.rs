//! The catalogue shipped inside the binary (the repository's `sites/` folder).
//!
//! Layout of `sites/`:
//! - `territory.json` — cities, zones, sector taxonomy, impact fund;
//! - `catalogue/<site-id>.json` — one file per real site of Est Ensemble;
//! - `demo/structures/<id>.json`, `demo/calls/<id>.json` — a clearly fictional demo.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_sites.rs"));
}

/// Every embedded file as `(path relative to sites/, contents)`, sorted by path.
pub fn files() -> &'static [(&'static str, &'static str)] {
    generated::FILES
}

/// The embedded files under `prefix` (e.g. `catalogue/`).
pub fn files_under(prefix: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    files()
        .iter()
        .copied()
        .filter(move |(path, _)| path.starts_with(prefix))
}
