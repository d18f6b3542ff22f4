//! The bundled fonts: Noto Sans / Noto Serif for Latin and Noto Sans / Serif Bengali,
//! regular and bold, installed so that each family finds Bengali and Latin glyphs in
//! matching faces. egui's own fonts stay last as a fallback for symbols and emoji.
//!
//! **Bengali next to Latin in the interface.** egui places each glyph of a fallback
//! face on that face's own ascent, centred in the primary (Latin) face's row height
//! (`epaint::text::text_layout::galley_from_rows`). Noto Sans has ascent 1069 and
//! descent −293 (per 1000), Noto Sans Bengali 917 and −408, so Bengali in a label, a
//! menu or a tag chip sat 0.13 em above the Latin baseline: it looked smaller and
//! higher than the Latin around it. The interface's family therefore uses a copy of
//! the Bengali face with a [`FontTweak`] that moves it down onto the Latin baseline,
//! computed from the two faces' own `hhea` metrics ([`baseline_tweak`]). Its size is
//! left alone: both faces declare the same x-height (OS/2 `sxHeight` 536/1000), and
//! the Bengali headline stands at 0.625 em, where the faces were designed to meet.
//! The reading view has families of its own without the tweak: an article is almost
//! all Bengali, and its lines are laid out on the Bengali text.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontTweak};

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
    /// The font family for body text (`bold == false`) or headings in the reader.
    pub fn family(self, bold: bool) -> FontFamily {
        let name = match (self, bold) {
            (Typeface::Sans, false) => "sans",
            (Typeface::Sans, true) => "sans-bold",
            (Typeface::Serif, false) => "serif",
            (Typeface::Serif, true) => "serif-bold",
        };
        FontFamily::Name(name.into())
    }

    /// Name shown in menus.
    pub fn label(self) -> &'static str {
        match self {
            Typeface::Sans => "Sans (Noto Sans)",
            Typeface::Serif => "Serif (Noto Serif)",
        }
    }
}

/// A face's vertical metrics from its `hhea` table, in units of the em.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VerticalMetrics {
    /// Above the baseline (positive).
    pub ascent: f32,
    /// Below the baseline (negative).
    pub descent: f32,
    /// Extra space between lines.
    pub line_gap: f32,
}

impl VerticalMetrics {
    /// Read the `head` and `hhea` tables of a TrueType / OpenType font.
    pub fn of(font: &[u8]) -> Option<Self> {
        let u16_at = |at: usize| Some(u16::from_be_bytes([*font.get(at)?, *font.get(at + 1)?]));
        let i16_at = |at: usize| u16_at(at).map(|v| v as i16);
        let u32_at = |at: usize| {
            Some(u32::from_be_bytes([
                *font.get(at)?,
                *font.get(at + 1)?,
                *font.get(at + 2)?,
                *font.get(at + 3)?,
            ]))
        };
        let table = |tag: &[u8; 4]| -> Option<usize> {
            (0..usize::from(u16_at(4)?))
                .map(|i| 12 + 16 * i)
                .find(|&entry| font.get(entry..entry + 4) == Some(tag.as_slice()))
                .and_then(|entry| u32_at(entry + 8))
                .and_then(|offset| usize::try_from(offset).ok())
        };
        let units = f32::from(u16_at(table(b"head")? + 18)?).max(1.0);
        let hhea = table(b"hhea")?;
        Some(Self {
            ascent: f32::from(i16_at(hhea + 4)?) / units,
            descent: f32::from(i16_at(hhea + 6)?) / units,
            line_gap: f32::from(i16_at(hhea + 8)?) / units,
        })
    }

    /// Half-way between ascent and descent, less half the gap: what egui's vertical
    /// centring of a face in a row depends on.
    fn centre(self) -> f32 {
        0.5 * (self.ascent + self.descent - self.line_gap)
    }
}

/// The tweak that puts glyphs of `fallback` on the baseline of `primary` when egui
/// lays them out in one row: egui puts a fallback glyph's baseline at its ascent plus
/// half the difference of the two row heights, i.e. `centre(primary) −
/// centre(fallback)` above the primary baseline; `y_offset_factor` moves it back.
pub fn baseline_tweak(primary: VerticalMetrics, fallback: VerticalMetrics) -> FontTweak {
    FontTweak {
        y_offset_factor: primary.centre() - fallback.centre(),
        ..FontTweak::default()
    }
}

/// Font definitions with Pathok's bundled fonts in front of egui's defaults.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mut egui_fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    // egui's monospace face last: it has the arrows and triangles (▸ in "File ▸ Open
    // folder…") that neither Noto Sans nor egui's proportional faces have.
    if let Some(mono) = fonts.families.get(&FontFamily::Monospace) {
        for face in mono {
            if !egui_fallbacks.contains(face) {
                egui_fallbacks.push(face.clone());
            }
        }
    }
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
    // The interface's Bengali: on the Latin baseline (see the module documentation).
    let ui_bengali = match (VerticalMetrics::of(SANS), VerticalMetrics::of(SANS_BENGALI)) {
        (Some(latin), Some(bengali)) => {
            FontData::from_static(SANS_BENGALI).tweak(baseline_tweak(latin, bengali))
        }
        _ => FontData::from_static(SANS_BENGALI),
    };
    fonts
        .font_data
        .insert("noto-sans-bengali-ui".to_owned(), Arc::new(ui_bengali));
    let family = |latin: &str, bengali: &str| -> Vec<String> {
        let mut list = vec![latin.to_owned(), bengali.to_owned()];
        list.extend(egui_fallbacks.iter().cloned());
        list
    };
    for (name, latin, bengali) in [
        ("sans", "noto-sans", "noto-sans-bengali"),
        ("sans-bold", "noto-sans-bold", "noto-sans-bengali-bold"),
        ("serif", "noto-serif", "noto-serif-bengali"),
        ("serif-bold", "noto-serif-bold", "noto-serif-bengali-bold"),
    ] {
        fonts
            .families
            .insert(FontFamily::Name(name.into()), family(latin, bengali));
    }
    fonts.families.insert(
        FontFamily::Proportional,
        family("noto-sans", "noto-sans-bengali-ui"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_metrics_are_read_from_their_tables() {
        let latin = VerticalMetrics::of(SANS).unwrap();
        let bengali = VerticalMetrics::of(SANS_BENGALI).unwrap();
        assert_eq!((latin.ascent, latin.descent), (1.069, -0.293));
        assert_eq!((bengali.ascent, bengali.descent), (0.917, -0.408));
        assert_eq!(VerticalMetrics::of(b"not a font"), None);
    }

    #[test]
    fn every_symbol_drawn_has_a_glyph_no_missing_glyph_boxes() {
        let ctx = egui::Context::default();
        install(&ctx);
        let mut missing = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            // 📋: the copy button of egui's colour picker (Codebook ▸ colour); the
            // others: Pathok's own labels (✏ marks a note in passages by code, ⚠ a
            // warning, ▸ a menu path in notices, ⏶⏷ the sorted column); 😀 🇧🇩: emoji
            // in articles and notes.
            let symbols = [
                '📋', '×', '…', '—', '–', '−', '·', '“', '”', '▸', '⏶', '⏷', '⚠', '✏', '½', 'α',
                '😀', '🇧', 'ক', 'ৎ',
            ];
            for c in symbols {
                let font = egui::FontId::proportional(12.0);
                if !ui.ctx().fonts_mut(|f| f.has_glyph(&font, c)) {
                    missing.push(c);
                }
            }
        });
        // No renderer here to take the font atlas.
        output.textures_delta.clear();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }

    #[test]
    fn the_interface_bengali_moves_down_onto_the_latin_baseline() {
        let latin = VerticalMetrics::of(SANS).unwrap();
        let bengali = VerticalMetrics::of(SANS_BENGALI).unwrap();
        let tweak = baseline_tweak(latin, bengali);
        // egui: baseline = face ascent + ½(primary row − face row) + offset.
        let row = |m: VerticalMetrics| m.ascent - m.descent + m.line_gap;
        let bengali_baseline =
            bengali.ascent + 0.5 * (row(latin) - row(bengali)) + tweak.y_offset_factor;
        assert!((bengali_baseline - latin.ascent).abs() < 1e-6);
        assert!((tweak.y_offset_factor - 0.1335).abs() < 1e-4, "{tweak:?}");
        assert_eq!(tweak.scale, 1.0);
    }
}
