//! Input-method (IME) events on their way to the text fields: a log of what the window
//! sends (`PATHOK_IME_LOG`), and [`CommitOrder`], which puts an input method's commits
//! back in the order they were typed.
//!
//! Why the order needs mending: with ibus over XIM (X11), a key the input method does not
//! use — the space after `aami` in `bn:itrans` — may reach the window *before* the
//! commit of the composition it ends. winit reports that key's text as a commit too
//! (`Commit(" ")`), then the pre-edit `মি` is shown again and committed. egui applies the
//! events as they come, so `আ মি` was stored where `আমি ` was typed. The fix holds back
//! a commit that arrives while a different composition is pending until it is known
//! whether that composition comes back (then it is committed first) or was replaced
//! (then the held commit was the input method's own and goes through as it was).
//!
//! Two smaller repairs on the way: a key winit reports as a control character during a
//! composition (Delete as `Commit("\u{7f}")`) becomes that key, and a pre-edit's caret
//! is counted in the chars the fields hold (their display form).

use std::sync::OnceLock;

use egui::{Event, ImeEvent};

/// The environment variable that turns the log on (stderr, one line per frame with
/// keyboard or IME events).
pub const LOG_ENV_VAR: &str = "PATHOK_IME_LOG";

/// How long (seconds of input time) a commit is held at most when nothing tells
/// whether it ended the composition: long enough for the input method's next messages
/// (they came within 10 ms in the recorded ibus sessions), short enough not to be seen
/// as lag.
pub const HOLD_AT_MOST: f64 = 0.25;

fn log_on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os(LOG_ENV_VAR).is_some_and(|v| !v.is_empty()))
}

/// True for the events an input method's composition is made of: keys, text and IME.
fn is_typing_event(event: &Event) -> bool {
    matches!(event, Event::Key { .. } | Event::Text(_) | Event::Ime(_))
}

/// Print this frame's keyboard, text and IME events, if the log is on.
pub fn log_frame(raw_input: &egui::RawInput) {
    if !log_on() {
        return;
    }
    let events: Vec<&Event> = raw_input
        .events
        .iter()
        .filter(|e| is_typing_event(e))
        .collect();
    if !events.is_empty() {
        eprintln!(
            "pathok: ime: {:.3} {events:?}",
            raw_input.time.unwrap_or(0.0)
        );
    }
}

/// Puts commits back in typing order (see the module's comment). Feed it every frame's
/// events with [`CommitOrder::reorder`].
#[derive(Debug, Default)]
pub struct CommitOrder {
    /// The composition last shown and not yet committed ("" when none).
    composing: String,
    /// Events held back since an uncertain commit (the first one), in arrival order.
    held: Vec<Event>,
    /// Input time when the first held event arrived.
    held_since: f64,
    /// The held composition was shown again after the held commit: the commit was a
    /// key typed after it.
    resumed: bool,
}

fn preedit_text(event: &Event) -> Option<&str> {
    match event {
        Event::Ime(ImeEvent::Preedit { text, .. }) => Some(text),
        _ => None,
    }
}

fn commit_text(event: &Event) -> Option<&str> {
    match event {
        Event::Ime(ImeEvent::Commit(text)) => Some(text),
        _ => None,
    }
}

/// The key a control character stands for, when winit reports a key pressed during a
/// composition as the text it would type (Delete as `Commit("\u{7f}")`).
fn control_key(c: char) -> Option<egui::Key> {
    match c {
        '\u{7f}' => Some(egui::Key::Delete),
        '\u{8}' => Some(egui::Key::Backspace),
        '\r' | '\n' => Some(egui::Key::Enter),
        '\t' => Some(egui::Key::Tab),
        '\u{1b}' => Some(egui::Key::Escape),
        _ => None,
    }
}

/// A commit with control characters in it, as the text and the keys it stands for, in
/// order: the fields would otherwise store the control character (Delete pressed while
/// composing left a U+007F in the text) and the key would do nothing.
fn keys_out_of_commit(event: Event) -> Vec<Event> {
    let Some(text) = commit_text(&event) else {
        return vec![event];
    };
    if !text.chars().any(char::is_control) {
        return vec![event];
    }
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if !c.is_control() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(Event::Ime(ImeEvent::Commit(std::mem::take(&mut run))));
        }
        // Other control characters type nothing and stand for no key: dropped.
        if let Some(key) = control_key(c) {
            for pressed in [true, false] {
                out.push(Event::Key {
                    key,
                    physical_key: Some(key),
                    pressed,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                });
            }
        }
    }
    if !run.is_empty() {
        out.push(Event::Ime(ImeEvent::Commit(run)));
    }
    out
}

/// A pre-edit's active range (where its caret is drawn) counted in the chars the
/// fields hold: the input method counts য় (U+09DF) as one char and ো as one, the
/// fields' display form as two (see [`super::text_input`]).
fn range_in_display_chars(event: Event) -> Event {
    let Event::Ime(ImeEvent::Preedit {
        text,
        active_range_chars: Some(range),
    }) = event
    else {
        return event;
    };
    let shown = |end: usize| {
        let prefix: String = text.chars().take(end).collect();
        super::text_input::to_display(&prefix).chars().count()
    };
    let active_range_chars = Some(shown(range.start)..shown(range.end));
    Event::Ime(ImeEvent::Preedit {
        text,
        active_range_chars,
    })
}

impl CommitOrder {
    /// True while a commit is held back: ask for a frame within [`HOLD_AT_MOST`].
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty()
    }

    /// This frame's events, arrived at input time `now`, in typing order. Events held
    /// from earlier frames come first when they are let go.
    pub fn reorder(&mut self, events: Vec<Event>, now: f64) -> Vec<Event> {
        let mut out = Vec::with_capacity(events.len() + self.held.len());
        for event in events {
            if self.held.is_empty() {
                self.pass(event, now, &mut out);
            } else {
                self.decide(event, now, &mut out);
            }
        }
        if self.is_holding() && now - self.held_since >= HOLD_AT_MOST {
            self.release(&mut out);
        }
        out.into_iter()
            .flat_map(keys_out_of_commit)
            .map(range_in_display_chars)
            .collect()
    }

    /// No commit held: note the composition, hold a commit that may not end it.
    fn pass(&mut self, event: Event, now: f64, out: &mut Vec<Event>) {
        if let Some(text) = preedit_text(&event)
            && !text.is_empty()
        {
            text.clone_into(&mut self.composing);
        } else if let Some(text) = commit_text(&event) {
            if !self.composing.is_empty() && text != self.composing {
                self.held.push(event);
                self.held_since = now;
                self.resumed = false;
                return;
            }
            self.composing.clear();
        }
        out.push(event);
    }

    /// A commit is held: this event tells whether it ended the composition.
    fn decide(&mut self, event: Event, now: f64, out: &mut Vec<Event>) {
        if let Some(text) = preedit_text(&event) {
            if text.is_empty() || text == self.composing {
                self.resumed |= !text.is_empty();
                self.held.push(event);
            } else {
                // A new composition: the held commit was the input method's own.
                self.release(out);
                self.pass(event, now, out);
            }
        } else if let Some(text) = commit_text(&event) {
            if self.resumed || text == self.composing {
                // The composition is committed now: it goes first, then what was
                // typed after it. Its pre-edit shown again meanwhile is dropped.
                self.composing.clear();
                out.push(event);
                let held = std::mem::take(&mut self.held);
                out.extend(held.into_iter().filter(|e| preedit_text(e).is_none()));
            } else {
                self.release(out);
                self.pass(event, now, out);
            }
        } else {
            self.held.push(event);
        }
    }

    /// Let the held events go as they came: the held commit ended the composition.
    fn release(&mut self, out: &mut Vec<Event>) {
        self.composing.clear();
        let mut held = std::mem::take(&mut self.held).into_iter();
        // The held commit first; what came after it is looked at again (a pre-edit may
        // start the next composition).
        out.extend(held.next());
        for event in held {
            if let Some(text) = preedit_text(&event)
                && !text.is_empty()
            {
                text.clone_into(&mut self.composing);
            }
            out.push(event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pre(text: &str) -> Event {
        Event::Ime(ImeEvent::Preedit {
            text: text.into(),
            active_range_chars: None,
        })
    }

    fn commit(text: &str) -> Event {
        Event::Ime(ImeEvent::Commit(text.into()))
    }

    fn commits(events: &[Event]) -> Vec<&str> {
        events.iter().filter_map(commit_text).collect()
    }

    #[test]
    fn a_key_reported_before_the_commit_it_ended_goes_after_it() {
        // As ibus (XIM, m17n bn:itrans) sent `aami ` at 150 ms a key.
        let mut order = CommitOrder::default();
        let first = order.reorder(vec![pre(""), pre("ম\u{9cd}"), pre("মি")], 1.0);
        assert_eq!(first.len(), 3, "pre-edits pass at once");
        let frame = vec![
            pre(""),
            commit(" "),
            pre(""),
            pre(""),
            pre("মি"),
            pre(""),
            pre(""),
            commit("মি"),
        ];
        let out = order.reorder(frame, 1.1);
        assert_eq!(commits(&out), ["মি", " "]);
        assert!(!order.is_holding());
    }

    #[test]
    fn an_input_method_commit_that_replaces_the_pre_edit_is_let_go_by_the_next_one() {
        // `aa` shows অ, then commits আ; the next key starts a new composition.
        let mut order = CommitOrder::default();
        let out = order.reorder(vec![pre("অ"), pre(""), commit("আ")], 1.0);
        assert_eq!(commits(&out), Vec::<&str>::new(), "held until it is clear");
        assert!(order.is_holding());
        let out = order.reorder(vec![pre(""), pre("ম\u{9cd}")], 1.05);
        assert_eq!(commits(&out), ["আ"]);
        let last = out.last().and_then(preedit_text);
        assert_eq!(last, Some("ম\u{9cd}"), "the new composition follows");
    }

    #[test]
    fn a_held_commit_goes_after_a_short_while_when_nothing_follows() {
        let mut order = CommitOrder::default();
        assert!(order.reorder(vec![pre("."), commit("ং")], 1.0).len() == 1);
        assert!(order.reorder(Vec::new(), 1.1).is_empty());
        let out = order.reorder(Vec::new(), 1.0 + HOLD_AT_MOST);
        assert_eq!(commits(&out), ["ং"]);
        assert!(!order.is_holding());
    }

    #[test]
    fn delete_pressed_while_composing_deletes_after_the_commit_and_types_nothing() {
        // `k` then Delete in bn:itrans: winit reports the Delete as the text "\u{7f}",
        // before the commit of ক্.
        let mut order = CommitOrder::default();
        order.reorder(vec![pre("ক\u{9cd}")], 1.0);
        let frame = vec![
            pre(""),
            commit("\u{7f}"),
            pre("ক\u{9cd}"),
            pre(""),
            commit("ক\u{9cd}"),
        ];
        let out = order.reorder(frame, 1.1);
        assert_eq!(commits(&out), ["ক\u{9cd}"]);
        let keys: Vec<(egui::Key, bool)> = out
            .iter()
            .filter_map(|e| match e {
                Event::Key { key, pressed, .. } => Some((*key, *pressed)),
                _ => None,
            })
            .collect();
        assert_eq!(
            keys,
            [(egui::Key::Delete, true), (egui::Key::Delete, false)]
        );
        let commit_at = out.iter().position(|e| commit_text(e).is_some());
        let key_at = out.iter().position(|e| matches!(e, Event::Key { .. }));
        assert!(commit_at < key_at, "the commit first: {out:?}");
    }

    #[test]
    fn a_pre_edit_caret_is_counted_in_the_chars_the_field_holds() {
        let mut order = CommitOrder::default();
        let caret_at_end = Event::Ime(ImeEvent::Preedit {
            text: "কো\u{09DF}".into(),
            active_range_chars: Some(3..3),
        });
        let out = order.reorder(vec![caret_at_end], 1.0);
        let Some(Event::Ime(ImeEvent::Preedit {
            active_range_chars, ..
        })) = out.first()
        else {
            panic!("the pre-edit passes: {out:?}");
        };
        assert_eq!(*active_range_chars, Some(5..5), "ক ে া য ় ");
    }

    #[test]
    fn keys_and_commits_without_a_composition_pass_untouched() {
        let mut order = CommitOrder::default();
        let events = vec![
            Event::Text("n".into()),
            commit("ক"),
            pre("কি"),
            commit("কি"),
            Event::Text(" ".into()),
        ];
        assert_eq!(order.reorder(events.clone(), 0.5), events);
        assert!(!order.is_holding());
    }
}
