//! The bundled fonts: Noto Sans / Noto Serif for Latin and Noto Sans / Serif Bengali,
//! regular and bold, installed so that each family finds Bengali and Latin glyphs in
//! matching faces. egui's own fonts stay last as a fallback for symbols and emoji.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const SANS: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");
const SERIF: &[u8] = include_bytes!("../../fonts/NotoSerif-Regular.ttf");
const SERIF_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerif-Bold.ttf");
const SANS_BENGALI: &[u8] = include_bytes!("../../fonts/NotoSansBengali-Regular.ttf");
const SANS_BENGALI_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansBengali-Bold.ttf");
const SERIF_BENGALI: &[u8] = include_bytes!("../../fonts/NotoSerifBengali-Regular.ttf");
const SERIF_BENGALI_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifBengali-Bold.ttf");

/// The reading typeface the user chose.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Typeface {
    /// Noto Sans + Noto Sans Bengali.
    #[default]
    Sans,
    /// Noto Serif + Noto Serif Bengali.
    Serif,
}

impl Typeface {
    /// The font family for body text (`bold == false`) or headings.
    pub fn family(self, bold: bool) -> FontFamily {
        match (self, bold) {
            (Typeface::Sans, false) => FontFamily::Proportional,
            (Typeface::Sans, true) => FontFamily::Name("sans-bold".into()),
            (Typeface::Serif, false) => FontFamily::Name("serif".into()),
            (Typeface::Serif, true) => FontFamily::Name("serif-bold".into()),
        }
    }

    /// Name shown in menus.
    pub fn label(self) -> &'static str {
        match self {
            Typeface::Sans => "Sans (Noto Sans)",
            Typeface::Serif => "Serif (Noto Serif)",
        }
    }
}

/// Font definitions with Pathok's bundled fonts in front of egui's defaults.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let egui_fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for (name, bytes) in [
        ("noto-sans", SANS),
        ("noto-sans-bold", SANS_BOLD),
        ("noto-serif", SERIF),
        ("noto-serif-bold", SERIF_BOLD),
        ("noto-sans-bengali", SANS_BENGALI),
        ("noto-sans-bengali-bold", SANS_BENGALI_BOLD),
        ("noto-serif-bengali", SERIF_BENGALI),
        ("noto-serif-bengali-bold", SERIF_BENGALI_BOLD),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let family = |latin: &str, bengali: &str| -> Vec<String> {
        let mut list = vec![latin.to_owned(), bengali.to_owned()];
        list.extend(egui_fallbacks.iter().cloned());
        list
    };
    fonts.families.insert(
        FontFamily::Proportional,
        family("noto-sans", "noto-sans-bengali"),
    );
    fonts.families.insert(
        FontFamily::Name("sans-bold".into()),
        family("noto-sans-bold", "noto-sans-bengali-bold"),
    );
    fonts.families.insert(
        FontFamily::Name("serif".into()),
        family("noto-serif", "noto-serif-bengali"),
    );
    fonts.families.insert(
        FontFamily::Name("serif-bold".into()),
        family("noto-serif-bold", "noto-serif-bengali-bold"),
    );
    // Code blocks keep egui's monospace face, with Bengali after it.
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.push("noto-sans-bengali".to_owned());
    }
    fonts
}

/// Install the bundled fonts into `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
