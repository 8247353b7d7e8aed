#![no_main]
//! See `ancrage::fuzz::review_state`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| ancrage::fuzz::review_state(data));
