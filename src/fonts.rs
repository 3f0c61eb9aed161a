//! The bundled CJK font, so every machine draws the same glyphs and no text is tofu.

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};

const REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.subset.otf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Bold.subset.otf");

/// The family used for chart titles.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// egui's fonts with Noto Sans SC first in the proportional family and a bold family.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("noto_sans_sc".into(), FontData::from_static(REGULAR).into());
    fonts.font_data.insert(
        "noto_sans_sc_bold".into(),
        FontData::from_static(BOLD).into(),
    );
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "noto_sans_sc".into());
    let fallbacks = proportional.clone();
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push("noto_sans_sc".into());
    let mut bold = vec!["noto_sans_sc_bold".to_owned()];
    bold.extend(fallbacks);
    fonts.families.insert(self::bold(), bold);
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
