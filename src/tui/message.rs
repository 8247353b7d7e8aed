//! The status line's message: what the last action did, or why it did nothing. It goes at the
//! next action, or by itself after a few seconds (longer for errors, which must be read).

use std::time::{Duration, Instant};

const INFO_FOR: Duration = Duration::from_secs(6);
const ERROR_FOR: Duration = Duration::from_secs(20);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

impl Message {
    pub fn text(&self) -> &str {
        match self {
            Message::Info(t) | Message::Error(t) => t,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Message::Error(_))
    }
}

/// The message on screen and when it was set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusMessage {
    current: Option<(Message, Instant)>,
}

impl StatusMessage {
    pub fn get(&self) -> Option<&Message> {
        self.current.as_ref().map(|(m, _)| m)
    }

    pub fn set(&mut self, message: Message) {
        self.current = Some((message, Instant::now()));
    }

    /// Clears it; true when there was one (the screen changes).
    pub fn clear(&mut self) -> bool {
        self.current.take().is_some()
    }

    /// Clears it once its time is up at `now`; true when it went.
    pub fn expire(&mut self, now: Instant) -> bool {
        let expired = self.current.as_ref().is_some_and(|(message, since)| {
            let ttl = if message.is_error() {
                ERROR_FOR
            } else {
                INFO_FOR
            };
            now.saturating_duration_since(*since) >= ttl
        });
        expired && self.clear()
    }

    /// How long until the message expires (the terminal loop wakes up then to redraw).
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        self.current.as_ref().map(|(message, since)| {
            let ttl = if message.is_error() {
                ERROR_FOR
            } else {
                INFO_FOR
            };
            ttl.saturating_sub(now.saturating_duration_since(*since))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_expire_after_their_time() {
        let mut status = StatusMessage::default();
        status.set(Message::Info("Enregistré".into()));
        let set = Instant::now();
        assert!(!status.expire(set));
        assert!(status.remaining(set).is_some());
        assert!(status.expire(set + INFO_FOR + Duration::from_secs(1)));
        assert_eq!(status.get(), None);
        status.set(Message::Error("refusé".into()));
        assert!(!status.expire(Instant::now() + INFO_FOR + Duration::from_secs(1)));
        assert!(status.expire(Instant::now() + ERROR_FOR + Duration::from_secs(1)));
    }
}
