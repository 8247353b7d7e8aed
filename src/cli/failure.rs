//! A command that could not do its job: the message for stderr and the exit code.

use std::process::ExitCode;

#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// A failure with exit code 1.
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    /// Nothing to say, exit 0: standard output was closed by its reader (`| head`), which
    /// wanted no more.
    pub fn quiet() -> Self {
        Failure {
            message: String::new(),
            code: 0,
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code)
    }
}

/// What a command returns: its exit code, or a failure `run` prints once on stderr.
pub type Outcome = Result<ExitCode, Failure>;
