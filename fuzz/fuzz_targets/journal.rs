#![no_main]
//! See `ancrage::fuzz::journal`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| ancrage::fuzz::journal(data));
