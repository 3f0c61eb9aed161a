//! The bundled CJK font, so every machine draws the same glyphs and no text is tofu, and a
//! system CJK font behind it for the rare characters the bundled subset leaves out, read
//! only when one of them is drawn.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use eframe::epaint::text::{Blob, FallbackRequest, FontInsert};
use skrifa::MetadataProvider as _;

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

/// Complete CJK fonts that systems ship, by file name, with the face to use in a collection
/// (the Simplified Chinese face of Noto Sans CJK is the third).
const SYSTEM_CJK: &[(&str, u32)] = &[
    ("notosanscjk-regular.ttc", 2),
    ("notosanscjksc-regular.otf", 0),
    ("notosanssc-regular.otf", 0),
    ("notosanssc-regular.ttf", 0),
    ("sourcehansanssc-regular.otf", 0),
    ("sourcehansans-regular.ttc", 2),
    ("wqy-zenhei.ttc", 0),
    ("wqy-microhei.ttc", 0),
    ("msyh.ttc", 0),
    ("simsun.ttc", 0),
    ("pingfang.ttc", 0),
    ("hiragino sans gb.ttc", 0),
];

/// Where fontconfig, macOS and Windows keep fonts.
fn font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/System/Library/Fonts",
        "/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    dirs
}

/// The first system CJK font found, in the order of [`SYSTEM_CJK`]: only file names are
/// looked at, a few directory levels deep, so the search costs milliseconds.
pub fn find_system_cjk() -> Option<(PathBuf, u32)> {
    let mut found: Vec<(usize, PathBuf)> = Vec::new();
    for dir in font_dirs() {
        collect(&dir, 4, &mut found);
    }
    found.sort();
    found
        .into_iter()
        .next()
        .map(|(rank, path)| (path, SYSTEM_CJK[rank].1))
}

fn collect(dir: &Path, depth: u32, found: &mut Vec<(usize, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if depth > 0 {
                collect(&path, depth - 1, found);
            }
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if let Some(rank) = SYSTEM_CJK.iter().position(|(n, _)| *n == name) {
            found.push((rank, path));
        }
    }
}

/// The system CJK font, read once per run, when a character none of the bundled fonts has
/// is first drawn (the window only: exports use the bundled fonts).
fn system_cjk() -> Option<FontData> {
    static FONT: OnceLock<Option<(Blob, u32)>> = OnceLock::new();
    let (blob, index) = FONT
        .get_or_init(|| {
            let (path, index) = find_system_cjk()?;
            let bytes = std::fs::read(path).ok()?;
            Some((Arc::new(bytes) as Blob, index))
        })
        .as_ref()?;
    Some(FontData::from_blob(blob.clone(), *index))
}

/// Whether a font file's face `index` draws `c`.
fn has_glyph(data: &FontData, c: char) -> bool {
    let bytes: &[u8] = (*data.font).as_ref();
    skrifa::FontRef::from_index(bytes, data.index).is_ok_and(|font| font.charmap().map(c).is_some())
}

/// Offers the system CJK font for a character that no bundled font has (a rare place or
/// person name). Asked only then: a window whose text the bundled subset covers never reads
/// the 20 MB system font.
fn system_cjk_for(request: &FallbackRequest<'_>) -> Option<FontInsert> {
    let c = request.cluster.chars().next()?;
    let data = system_cjk().filter(|data| has_glyph(data, c))?;
    Some(FontInsert {
        name: "system_cjk".into(),
        data,
        families: Vec::new(),
    })
}

/// The window's fonts: the bundled ones, then a system CJK font for anything they lack.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
    ctx.add_font_provider(Arc::new(system_cjk_for));
}
