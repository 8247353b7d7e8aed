//! Whole-workspace figures worked out on other threads while the cockpit is already drawn:
//! which pairs are eligible (the Lieux counts, the Structures « éligibles » filter, what the
//! best totals read). At 100 000 structures × 1 000 sites that is a quarter of a second on
//! every core; the first frame must not wait for it.
//!
//! Each request gets a ticket; only the answer to the latest request of its kind is taken, so
//! a figure worked out for a workspace since changed (an edit, Ctrl-l) never replaces the
//! newer one, whatever order the threads finish in.

use crate::parallel;
use crate::scoring::Matcher;
use crate::scoring::figures::{self, Eligibility};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, PoisonError};

/// An answer, with the ticket of the request it answers.
struct Answer {
    ticket: u64,
    eligibility: Eligibility,
}

pub struct Background {
    sender: Sender<Answer>,
    /// Behind a mutex only so that the cockpit's context can be lent to the threads that work
    /// out a call's standings; answers are taken through `&mut self`, which needs no lock.
    receiver: Mutex<Receiver<Answer>>,
    /// The ticket of the latest request, and whether its answer is still awaited.
    latest: u64,
    awaited: bool,
}

impl Default for Background {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Background {
            sender,
            receiver: Mutex::new(receiver),
            latest: 0,
            awaited: false,
        }
    }
}

impl Background {
    fn receiver(&mut self) -> &Receiver<Answer> {
        self.receiver
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts working out the eligibility of `matcher`'s pairs on a worker thread (itself
    /// spreading the work over the cores); any earlier request becomes stale.
    pub fn request_eligibility(&mut self, matcher: Arc<Matcher>) {
        let ticket = self.next_ticket();
        let sender = self.sender.clone();
        // One core stays with the interface: the first frames and keys must not wait.
        let threads = parallel::available_threads().saturating_sub(1).max(1);
        std::thread::spawn(move || {
            let eligibility = figures::eligibility(&matcher, threads);
            // The cockpit may be gone (quit): nobody to tell.
            let _ = sender.send(Answer {
                ticket,
                eligibility,
            });
        });
    }

    /// Forgets what is awaited (the figures were worked out at once instead).
    pub fn cancel(&mut self) {
        self.next_ticket();
        self.awaited = false;
    }

    fn next_ticket(&mut self) -> u64 {
        self.latest += 1;
        self.awaited = true;
        self.latest
    }

    /// True while the answer to the latest request has not arrived.
    pub fn is_waiting(&self) -> bool {
        self.awaited
    }

    /// The answer to the latest request, if it has arrived (stale answers are dropped).
    pub fn take(&mut self) -> Option<Eligibility> {
        let mut fresh = None;
        while let Ok(answer) = self.receiver().try_recv() {
            if answer.ticket == self.latest {
                fresh = Some(answer.eligibility);
            }
        }
        if fresh.is_some() {
            self.awaited = false;
        }
        fresh
    }

    /// Waits for the answer to the latest request (tests, benches: the figures as the
    /// officer sees them a moment after start-up).
    pub fn wait(&mut self) -> Option<Eligibility> {
        if !self.awaited {
            return None;
        }
        while let Ok(answer) = self.receiver().recv() {
            if answer.ticket == self.latest {
                self.awaited = false;
                return Some(answer.eligibility);
            }
        }
        None
    }

    /// Delivers an answer as a worker would (tests of the ticket rule).
    #[cfg(test)]
    fn deliver(&self, ticket: u64, eligibility: Eligibility) {
        let _ = self.sender.send(Answer {
            ticket,
            eligibility,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Workspace;
    use crate::scoring::Settings;
    use chrono::NaiveDate;

    fn matcher(workspace: &Workspace) -> Arc<Matcher> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        Arc::new(Matcher::new(workspace, today, &Settings::default()))
    }

    fn demo() -> Workspace {
        crate::pathway::tests::demo()
    }

    #[test]
    fn the_answer_is_the_one_worked_out_at_once() {
        let ws = demo();
        let m = matcher(&ws);
        let mut background = Background::default();
        background.request_eligibility(Arc::clone(&m));
        assert!(background.is_waiting());
        let answer = background.wait().expect("an answer");
        assert_eq!(answer, figures::eligibility(&m, 1));
        assert!(!background.is_waiting());
    }

    #[test]
    fn a_stale_answer_never_replaces_a_newer_one() {
        let ws = demo();
        let old = figures::eligibility(&matcher(&ws), 1);
        let mut smaller = ws.clone();
        smaller.structures.truncate(3);
        let new = figures::eligibility(&matcher(&smaller), 1);
        assert_ne!(old, new);

        let mut background = Background::default();
        let first = background.next_ticket();
        let second = background.next_ticket();
        // The newer answer first, then the older one late: the newer stays.
        background.deliver(second, new.clone());
        background.deliver(first, old.clone());
        assert_eq!(background.take(), Some(new.clone()));
        assert_eq!(background.take(), None);
        // The older one alone is never taken, and the newer is still awaited.
        let third = background.next_ticket();
        background.deliver(third - 1, old);
        assert_eq!(background.take(), None);
        assert!(background.is_waiting());
        background.deliver(third, new.clone());
        assert_eq!(background.take(), Some(new));
    }
}
