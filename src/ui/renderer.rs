//! Which renderer draws the window, and which one to try when it cannot start.
//!
//! eframe is built with both `glow` (OpenGL) and `wgpu` (Vulkan here) but has no
//! fallback of its own: a machine without working Vulkan, or without GL, would get no
//! window at all. The decision — order, the `--renderer` flag, the `PATHOK_RENDERER`
//! variable, the next one after a failure — is made here, without touching the
//! system, so it is tested on its own; [`super::run`] carries it out.

use crate::tr;
use std::fmt;
use std::str::FromStr;

/// The environment variable naming the preferred renderer (`glow` or `wgpu`).
pub const ENV_VAR: &str = "PATHOK_RENDERER";

/// A renderer eframe can draw with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// OpenGL through glow: starts fastest on this project's machines (see the
    /// README's start-up table), and old Intel GPUs have GL when their Vulkan is weak.
    Glow,
    /// wgpu (Vulkan, or GL where wgpu picks it).
    Wgpu,
}

impl Renderer {
    /// Every renderer, the default first.
    pub const ALL: [Renderer; 2] = [Renderer::Glow, Renderer::Wgpu];

    /// The renderer tried first when nothing says otherwise: the one that reached
    /// the first text frame sooner in the start-up benchmark (`bench/first-frame.py`).
    pub const DEFAULT: Renderer = Renderer::Glow;

    /// The name used on the command line and in [`ENV_VAR`].
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Glow => "glow",
            Renderer::Wgpu => "wgpu",
        }
    }

    /// One line for `--help`.
    pub fn description(self) -> String {
        match self {
            Renderer::Glow => tr!("renderer-glow"),
            Renderer::Wgpu => tr!("renderer-wgpu"),
        }
    }

    /// The other renderer.
    pub fn other(self) -> Renderer {
        match self {
            Renderer::Glow => Renderer::Wgpu,
            Renderer::Wgpu => Renderer::Glow,
        }
    }

    /// The eframe setting for this renderer.
    pub fn to_eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu => eframe::Renderer::Wgpu,
        }
    }
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A renderer name that is neither `glow` nor `wgpu`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown renderer {0:?}: use glow or wgpu")]
pub struct UnknownRenderer(pub String);

impl FromStr for Renderer {
    type Err = UnknownRenderer;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Renderer::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownRenderer(s.to_owned()))
    }
}

/// The window could not be shown, or failed while shown. eframe's error is kept as
/// its message: with glow it holds GL handles that cannot cross threads.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{reason} (renderer {renderer})")]
pub struct WindowError {
    /// The renderer that failed last.
    pub renderer: Renderer,
    /// eframe's message.
    pub reason: String,
}

/// Why the first renderer was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// `--renderer` on the command line.
    Flag,
    /// The [`ENV_VAR`] environment variable.
    Env,
    /// Neither: [`Renderer::DEFAULT`].
    Default,
}

/// The renderers to try, in order, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Tried in this order; the next one only when the one before could not start.
    pub order: Vec<Renderer>,
    /// What decided the first one.
    pub chosen: Chosen,
    /// The environment variable held a name that is no renderer: told on stderr and
    /// otherwise ignored (a mistyped variable must not cost the user the window).
    pub ignored: Option<UnknownRenderer>,
}

impl Plan {
    /// Decide from the `--renderer` flag and the value of [`ENV_VAR`] (`None` when
    /// unset).
    ///
    /// The flag is taken literally: that renderer or none, so a measurement or a bug
    /// report names the renderer that really drew. The variable is a preference set
    /// once for a machine: the other renderer is still tried if it cannot start.
    /// An empty variable counts as unset.
    pub fn new(flag: Option<Renderer>, env: Option<&str>) -> Plan {
        if let Some(renderer) = flag {
            return Plan {
                order: vec![renderer],
                chosen: Chosen::Flag,
                ignored: None,
            };
        }
        let from_env = env.filter(|v| !v.trim().is_empty()).map(Renderer::from_str);
        let (first, chosen, ignored) = match from_env {
            Some(Ok(renderer)) => (renderer, Chosen::Env, None),
            Some(Err(unknown)) => (Renderer::DEFAULT, Chosen::Default, Some(unknown)),
            None => (Renderer::DEFAULT, Chosen::Default, None),
        };
        Plan {
            order: vec![first, first.other()],
            chosen,
            ignored,
        }
    }

    /// The first renderer to try.
    pub fn first(&self) -> Renderer {
        self.order[0]
    }

    /// What to try after `failed` returned an error. Only a renderer that could not
    /// start is replaced: once the app was created (the window was up and the user
    /// may have worked in it) an error ends the run instead of opening a new window.
    pub fn after_failure(&self, failed: Renderer, app_created: bool) -> Option<Renderer> {
        if app_created {
            return None;
        }
        let at = self.order.iter().position(|r| *r == failed)?;
        self.order.get(at + 1).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_default_the_measured_faster_renderer_comes_first_and_the_other_follows() {
        let plan = Plan::new(None, None);
        assert_eq!(
            plan.order,
            vec![Renderer::DEFAULT, Renderer::DEFAULT.other()]
        );
        assert_eq!(plan.chosen, Chosen::Default);
        assert_eq!(plan.ignored, None);
    }

    #[test]
    fn the_flag_is_taken_literally_without_fallback() {
        for r in Renderer::ALL {
            let plan = Plan::new(Some(r), Some(r.other().name()));
            assert_eq!(plan.order, vec![r], "the flag beats the variable");
            assert_eq!(plan.chosen, Chosen::Flag);
            assert_eq!(plan.after_failure(r, false), None);
        }
    }

    #[test]
    fn the_variable_is_a_preference_that_still_falls_back() {
        let plan = Plan::new(None, Some("wgpu"));
        assert_eq!(plan.order, vec![Renderer::Wgpu, Renderer::Glow]);
        assert_eq!(plan.chosen, Chosen::Env);
        assert_eq!(
            plan.after_failure(Renderer::Wgpu, false),
            Some(Renderer::Glow)
        );
        let plan = Plan::new(None, Some(" GLOW "));
        assert_eq!(plan.order, vec![Renderer::Glow, Renderer::Wgpu]);
    }

    #[test]
    fn an_empty_variable_counts_as_unset() {
        assert_eq!(Plan::new(None, Some("")), Plan::new(None, None));
        assert_eq!(Plan::new(None, Some("  ")), Plan::new(None, None));
    }

    #[test]
    fn an_unknown_name_in_the_variable_is_reported_and_the_default_order_kept() {
        let plan = Plan::new(None, Some("vulkan"));
        assert_eq!(plan.order, Plan::new(None, None).order);
        assert_eq!(plan.chosen, Chosen::Default);
        let ignored = plan.ignored.expect("reported");
        assert_eq!(
            ignored.to_string(),
            "unknown renderer \"vulkan\": use glow or wgpu"
        );
    }

    #[test]
    fn after_a_failure_to_start_the_next_is_tried_once_then_nothing() {
        let plan = Plan::new(None, None);
        let first = plan.first();
        let second = plan.after_failure(first, false).expect("a fallback");
        assert_eq!(second, first.other());
        assert_eq!(
            plan.after_failure(second, false),
            None,
            "no third try, no loop"
        );
    }

    #[test]
    fn an_error_after_the_app_was_created_is_not_retried() {
        let plan = Plan::new(None, None);
        assert_eq!(plan.after_failure(plan.first(), true), None);
    }

    #[test]
    fn names_parse_back() {
        for r in Renderer::ALL {
            assert_eq!(r.name().parse::<Renderer>(), Ok(r));
            assert_eq!(r.other().other(), r);
        }
        assert!("opengl".parse::<Renderer>().is_err());
    }
}
