//! A crash can cut the journal at any byte: every such prefix must read back as the entries
//! written in full before the cut (never an error), and appending afterwards must work.

use ancrage::store::journal::{JournalRead, JournalWriter, read_all};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    seq: u64,
    text: String,
    amount: f64,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_cut_reads_back_the_complete_entries(
        texts in prop::collection::vec("[a-zé \"\\\\\n{}]{0,20}", 1..8),
        cut_ratio in 0.0f64..=1.0,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let entries: Vec<Entry> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Entry { seq: i as u64 + 1, text, amount: i as f64 / 3.0 })
            .collect();
        let mut ends = Vec::new();
        let mut writer = JournalWriter::open(&path, 0).unwrap();
        for entry in &entries {
            writer.append(entry).unwrap();
            ends.push(std::fs::metadata(&path).unwrap().len());
        }
        drop(writer);
        let bytes = std::fs::read(&path).unwrap();
        let cut = ((bytes.len() as f64) * cut_ratio) as usize;
        std::fs::write(&path, &bytes[..cut]).unwrap();

        let read: JournalRead<Entry> = read_all(&path).unwrap();
        let complete = ends.iter().filter(|&&end| end as usize <= cut).count();
        prop_assert_eq!(&read.entries[..], &entries[..complete]);
        prop_assert_eq!(read.torn.is_some(), ends.iter().all(|&e| e as usize != cut) && cut > 0);

        // The next writer cuts the torn tail and appends cleanly.
        let mut writer = JournalWriter::open(&path, read.valid_len).unwrap();
        let extra = Entry { seq: 99, text: "après".into(), amount: 0.1 };
        writer.append(&extra).unwrap();
        let again: JournalRead<Entry> = read_all(&path).unwrap();
        prop_assert!(again.torn.is_none());
        prop_assert_eq!(again.entries.len(), complete + 1);
        prop_assert_eq!(again.entries.last(), Some(&extra));
    }
}
