//! Support for the cockpit tests: a hand-made workspace and a session that drives the real
//! keymap, `update` and `view` into a TestBackend.
#![allow(dead_code)]

pub mod catalogue;
pub mod fixture;
pub mod session;
