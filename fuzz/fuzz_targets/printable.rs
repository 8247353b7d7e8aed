#![no_main]
//! See `ancrage::fuzz::printable_text`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| ancrage::fuzz::printable_text(data));
