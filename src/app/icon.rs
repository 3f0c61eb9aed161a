//! The window icon, decoded from the PNG rendered from `assets/icon/gwr-charts.svg`.
//!
//! On X11 and Windows the window manager shows this icon; Wayland and macOS take theirs from
//! the desktop entry and the .app bundle (see `packaging/`).

use eframe::egui;
use image::ImageFormat;

/// 256 px: large enough for docks and Alt+Tab, small enough to embed (6 KB).
const PNG: &[u8] = include_bytes!("../../assets/icon/gwr-charts-256.png");

/// The app's icon as RGBA pixels for `ViewportBuilder::with_icon`.
pub fn window_icon() -> Result<egui::IconData, image::ImageError> {
    let rgba = image::load_from_memory_with_format(PNG, ImageFormat::Png)?.into_rgba8();
    let (width, height) = rgba.dimensions();
    Ok(egui::IconData {
        rgba: rgba.into_raw(),
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(icon: &egui::IconData, x: u32, y: u32) -> [u8; 4] {
        let at = ((y * icon.width + x) * 4) as usize;
        icon.rgba[at..at + 4].try_into().unwrap()
    }

    #[test]
    fn icon_is_the_bar_pair_at_256_px() {
        let icon = window_icon().unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The SVG's 512 grid halved: blue bar x 48..112 y 112..208, orange x 144..208 y 48..208.
        assert_eq!(
            pixel(&icon, 80, 160),
            [0x00, 0x72, 0xB2, 0xFF],
            "result bar, Okabe–Ito blue"
        );
        assert_eq!(
            pixel(&icon, 176, 80),
            [0xE6, 0x9F, 0x00, 0xFF],
            "target bar, Okabe–Ito orange"
        );
        // Transparent outside the rounded corner, so it sits on any panel colour.
        assert_eq!(pixel(&icon, 0, 0)[3], 0);
    }

    /// The packages install every `gwr-charts-N.png` as the hicolor N×N icon.
    #[test]
    fn every_png_size_decodes_at_its_size() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon");
        let mut sizes = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap();
            let Some(size) = name
                .strip_prefix("gwr-charts-")
                .and_then(|n| n.strip_suffix(".png"))
            else {
                continue;
            };
            let size: u32 = size.parse().unwrap();
            let png = image::open(&path).unwrap_or_else(|err| panic!("{name}: {err}"));
            assert_eq!((png.width(), png.height()), (size, size), "{name}");
            sizes.push(size);
        }
        sizes.sort();
        assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256, 512]);
    }
}
