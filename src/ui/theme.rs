//! Reading themes: light, dark and sepia, applied to egui's visuals and to the text.

use egui::Color32;

/// A reading theme.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumIter,
)]
pub enum ReaderTheme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
    /// Brown text on warm paper.
    Sepia,
}

/// Colours of the reading view for one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Page background.
    pub page: Color32,
    /// Body text.
    pub text: Color32,
    /// Titles and headings.
    pub heading: Color32,
    /// Captions, list markers, quotes.
    pub muted: Color32,
    /// Links.
    pub link: Color32,
    /// Rules and quote bars.
    pub rule: Color32,
    /// Background of code blocks and image placeholders.
    pub inset: Color32,
}

impl ReaderTheme {
    /// Name shown in menus.
    pub fn label(self) -> String {
        match self {
            ReaderTheme::Light => crate::tr!("theme-light"),
            ReaderTheme::Dark => crate::tr!("theme-dark"),
            ReaderTheme::Sepia => crate::tr!("theme-sepia"),
        }
    }

    /// The reading colours.
    pub fn palette(self) -> Palette {
        match self {
            ReaderTheme::Light => Palette {
                page: Color32::from_rgb(0xfc, 0xfc, 0xfa),
                text: Color32::from_rgb(0x1f, 0x23, 0x28),
                heading: Color32::from_rgb(0x10, 0x13, 0x18),
                muted: Color32::from_rgb(0x5f, 0x66, 0x70),
                link: Color32::from_rgb(0x1a, 0x5f, 0xb4),
                rule: Color32::from_rgb(0xd0, 0xd4, 0xda),
                inset: Color32::from_rgb(0xf0, 0xf1, 0xf3),
            },
            ReaderTheme::Dark => Palette {
                page: Color32::from_rgb(0x1b, 0x1d, 0x21),
                text: Color32::from_rgb(0xdc, 0xdf, 0xe4),
                heading: Color32::from_rgb(0xf2, 0xf3, 0xf5),
                muted: Color32::from_rgb(0x9a, 0xa1, 0xab),
                link: Color32::from_rgb(0x7a, 0xb7, 0xff),
                rule: Color32::from_rgb(0x3a, 0x3e, 0x45),
                inset: Color32::from_rgb(0x25, 0x28, 0x2d),
            },
            ReaderTheme::Sepia => Palette {
                page: Color32::from_rgb(0xf4, 0xec, 0xd8),
                text: Color32::from_rgb(0x43, 0x34, 0x22),
                heading: Color32::from_rgb(0x33, 0x26, 0x16),
                muted: Color32::from_rgb(0x7a, 0x68, 0x50),
                link: Color32::from_rgb(0x8a, 0x4b, 0x1c),
                rule: Color32::from_rgb(0xd8, 0xc9, 0xa8),
                inset: Color32::from_rgb(0xea, 0xdf, 0xc4),
            },
        }
    }

    /// egui visuals matching the theme (menus, panels, dialogs).
    pub fn visuals(self) -> egui::Visuals {
        let palette = self.palette();
        let mut visuals = match self {
            ReaderTheme::Dark => egui::Visuals::dark(),
            ReaderTheme::Light | ReaderTheme::Sepia => egui::Visuals::light(),
        };
        visuals.panel_fill = palette.page;
        visuals.window_fill = palette.page;
        visuals.extreme_bg_color = palette.inset;
        visuals.hyperlink_color = palette.link;
        visuals.override_text_color = None;
        visuals
    }
}
