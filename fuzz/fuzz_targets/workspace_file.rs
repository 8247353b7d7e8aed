#![no_main]
//! See `ancrage::fuzz::workspace_file`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| ancrage::fuzz::workspace_file(data));
