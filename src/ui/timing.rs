//! Start-up timestamps on stderr, when `PATHOK_TIMING` is set: how long after the
//! process began each step ended, to see where start-up goes (window, renderer, fonts,
//! reading the article, the first frames).

use std::sync::OnceLock;
use std::time::Instant;

/// The environment variable that turns the timestamps on.
pub const ENV_VAR: &str = "PATHOK_TIMING";

struct Clock {
    start: Instant,
    on: bool,
}

fn clock() -> &'static Clock {
    static CLOCK: OnceLock<Clock> = OnceLock::new();
    CLOCK.get_or_init(|| Clock {
        start: Instant::now(),
        on: std::env::var_os(ENV_VAR).is_some_and(|v| !v.is_empty()),
    })
}

/// Start the clock (call first thing in `main`; otherwise the first mark starts it).
pub fn start() {
    clock();
}

/// Print `what` with the time since [`start`], if timing is on.
pub fn mark(what: &str) {
    let clock = clock();
    if clock.on {
        eprintln!(
            "pathok: timing: {:>7.1} ms  {what}",
            clock.start.elapsed().as_secs_f64() * 1000.0
        );
    }
}
