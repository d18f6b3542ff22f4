//! Notices floating at the foot of the page (over the text, so that one coming or going never
//! moves what is under the pointer), one at a time, the newest first: errors before
//! information; errors stay until closed, information goes away by itself. The
//! banner has a close button and says how many more are waiting.

/// How long information stays once it is shown, in seconds.
pub const INFORMATION_SECONDS: f64 = 8.0;

/// A message shown in a banner under the menu bar (and printed on stderr).
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// How serious it is.
    pub level: Level,
    /// The text, naming the file and the reason.
    pub text: String,
}

/// Severity of a [`Message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something failed; the app goes on. Stays until closed.
    Error,
    /// Something the user should know. Goes away by itself.
    Notice,
}

/// The messages not yet closed, and since when the one shown is on screen.
#[derive(Default)]
pub struct Notices {
    /// With the order they came in, oldest first.
    messages: Vec<(u64, Message)>,
    next: u64,
    /// Which message is on screen and the time (egui's clock) it appeared.
    shown: Option<(u64, f64)>,
}

impl Notices {
    /// Add `message`, unless the same one is there already. New information replaces
    /// older information (it is about what just happened); errors wait to be closed.
    pub fn push(&mut self, message: Message) {
        if message.level == Level::Notice {
            self.messages
                .retain(|(_, m)| m.level == Level::Error || *m == message);
        }
        if !self.messages.iter().any(|(_, m)| *m == message) {
            self.messages.push((self.next, message));
            self.next += 1;
        }
    }

    /// Forget every message (another article was opened).
    pub fn clear(&mut self) {
        self.messages.clear();
        self.shown = None;
    }

    /// Every message not yet closed, newest first.
    pub fn all(&self) -> Vec<&Message> {
        self.messages.iter().rev().map(|(_, m)| m).collect()
    }

    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The message to show at time `now`, and how many more wait: the newest error,
    /// else the newest information. Information that has been on screen for
    /// [`INFORMATION_SECONDS`] goes by itself.
    pub fn current(&mut self, now: f64) -> Option<(&Message, usize)> {
        if let Some((seq, since)) = self.shown
            && now - since >= INFORMATION_SECONDS
            && self.level_of(seq) == Some(Level::Notice)
        {
            self.messages.retain(|(s, _)| *s != seq);
            self.shown = None;
        }
        let best = self
            .messages
            .iter()
            .rev()
            .find(|(_, m)| m.level == Level::Error)
            .or_else(|| self.messages.last())
            .map(|(seq, _)| *seq)?;
        if self.shown.map(|(seq, _)| seq) != Some(best) {
            self.shown = Some((best, now));
        }
        let more = self.messages.len() - 1;
        self.messages
            .iter()
            .find(|(seq, _)| *seq == best)
            .map(|(_, m)| (m, more))
    }

    fn level_of(&self, seq: u64) -> Option<Level> {
        self.messages
            .iter()
            .find(|(s, _)| *s == seq)
            .map(|(_, m)| m.level)
    }

    /// Seconds until the message on screen goes by itself (`None` for an error).
    pub fn remaining(&self, now: f64) -> Option<f64> {
        let (seq, since) = self.shown?;
        (self.level_of(seq)? == Level::Notice)
            .then(|| (INFORMATION_SECONDS - (now - since)).max(0.0))
    }

    /// Close the message on screen; the next one (if any) comes.
    pub fn dismiss(&mut self) {
        if let Some((seq, _)) = self.shown.take() {
            self.messages.retain(|(s, _)| *s != seq);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(text: &str) -> Message {
        Message {
            level: Level::Notice,
            text: text.to_owned(),
        }
    }

    fn error(text: &str) -> Message {
        Message {
            level: Level::Error,
            text: text.to_owned(),
        }
    }

    fn shown(n: &mut Notices, now: f64) -> Option<(String, usize)> {
        n.current(now).map(|(m, more)| (m.text.clone(), more))
    }

    #[test]
    fn one_at_a_time_errors_first_then_the_newest_information() {
        let mut n = Notices::default();
        n.push(notice("old"));
        n.push(error("missing"));
        n.push(error("broken"));
        n.push(notice("new"));
        n.push(notice("new"));
        assert_eq!(shown(&mut n, 0.0), Some(("broken".into(), 2)));
        assert_eq!(
            shown(&mut n, 100.0),
            Some(("broken".into(), 2)),
            "errors stay"
        );
        n.dismiss();
        assert_eq!(shown(&mut n, 100.0), Some(("missing".into(), 1)));
        n.dismiss();
        assert_eq!(
            shown(&mut n, 100.0),
            Some(("new".into(), 0)),
            "newer information replaced the older"
        );
        n.dismiss();
        assert_eq!(shown(&mut n, 100.0), None);
        assert!(n.is_empty());
    }

    #[test]
    fn information_goes_by_itself_and_an_error_comes_before_it() {
        let mut n = Notices::default();
        n.push(notice("1 orphaned"));
        assert_eq!(shown(&mut n, 10.0), Some(("1 orphaned".into(), 0)));
        assert_eq!(n.remaining(12.0), Some(6.0));
        assert_eq!(
            shown(&mut n, 10.0 + INFORMATION_SECONDS - 0.1),
            Some(("1 orphaned".into(), 0))
        );
        assert_eq!(
            shown(&mut n, 10.0 + INFORMATION_SECONDS),
            None,
            "gone by itself"
        );

        n.push(notice("saved elsewhere"));
        assert_eq!(shown(&mut n, 20.0), Some(("saved elsewhere".into(), 0)));
        n.push(error("cannot save"));
        assert_eq!(shown(&mut n, 21.0), Some(("cannot save".into(), 1)));
        assert_eq!(n.remaining(21.0), None);
        n.dismiss();
        assert_eq!(shown(&mut n, 22.0), Some(("saved elsewhere".into(), 0)));
    }
}
