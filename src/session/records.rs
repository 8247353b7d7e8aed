//! Writing an edit's records to their files: each put saved atomically, each removal deleted,
//! with the store's care (a file that does not load is neither overwritten nor deleted).

use crate::edit::{Edit, Record, RecordKey, Step};
use crate::store::save::{
    SaveError, remove_call, remove_site, remove_structure, save_call, save_site, save_structure,
    save_territory,
};
use std::path::Path;

/// Writes every step of `edit` under the workspace `dir`, in order; stops at the first failure.
pub fn write_edit(dir: &Path, edit: &Edit) -> Result<(), SaveError> {
    for step in &edit.steps {
        match step {
            Step::Put(Record::Territory(t)) => save_territory(dir, t).map(drop)?,
            Step::Put(Record::Site(s)) => save_site(dir, s).map(drop)?,
            Step::Put(Record::Structure(s)) => save_structure(dir, s).map(drop)?,
            Step::Put(Record::Call(c)) => save_call(dir, c).map(drop)?,
            // The territory is never removed (`edit::check` has no such step to let through).
            Step::Remove(RecordKey::Territory) => {}
            Step::Remove(RecordKey::Site(id)) => remove_site(dir, id.as_str()).map(drop)?,
            Step::Remove(RecordKey::Structure(id)) => {
                remove_structure(dir, id.as_str()).map(drop)?
            }
            Step::Remove(RecordKey::Call(id)) => remove_call(dir, id.as_str()).map(drop)?,
        }
    }
    Ok(())
}
