//! SVG from a [`Scene`]: paths as `<path>`, clip rectangles as `<clipPath>`, and text as
//! glyph outlines (viewers and office software ignore fonts embedded in SVG), with the
//! plain text in `<title>` and `aria-label` for search and screen readers.

use std::fmt::Write as _;

use eframe::egui::{Color32, Rect};

use super::vector::{Clipped, Item, Path, Scene, Seg};

/// The SVG document: `width`×`height` pixels showing the scene's points.
pub fn svg(scene: &mut Scene, width: u32, height: u32, title: &str) -> String {
    let mut out = String::with_capacity(256 * 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {} {}" role="img" aria-label="{}">"#,
        num(scene.size.x),
        num(scene.size.y),
        escape(title)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let items = std::mem::take(&mut scene.items);
    let mut clips: Vec<Rect> = Vec::new();
    let mut open: Option<Rect> = None;
    for Clipped { clip, item } in &items {
        if open != *clip {
            if open.is_some() {
                out.push_str("</g>\n");
            }
            if let Some(rect) = clip {
                let id = match clips.iter().position(|c| c == rect) {
                    Some(id) => id,
                    None => {
                        clips.push(*rect);
                        let _ = write!(
                            out,
                            r#"<clipPath id="c{}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                            clips.len() - 1,
                            num(rect.min.x),
                            num(rect.min.y),
                            num(rect.width()),
                            num(rect.height())
                        );
                        clips.len() - 1
                    }
                };
                let _ = write!(out, r#"<g clip-path="url(#c{id})">"#);
            }
            open = *clip;
        }
        match item {
            Item::Fill { path, color } => {
                out.push_str("<path d=\"");
                path_data(&mut out, path);
                out.push('"');
                paint(&mut out, "fill", *color);
                out.push_str("/>\n");
            }
            Item::Stroke { path, width, color } => {
                out.push_str("<path d=\"");
                path_data(&mut out, path);
                let _ = write!(out, r#"" fill="none" stroke-width="{}""#, num(*width));
                paint(&mut out, "stroke", *color);
                out.push_str("/>\n");
            }
            Item::Text(text) => {
                let label = escape(&text.label);
                let _ = write!(
                    out,
                    r#"<g role="img" aria-label="{label}"><title>{label}</title>"#
                );
                for run in &text.runs {
                    let outline = scene.fonts.run_outline(text, run);
                    out.push_str("<path d=\"");
                    path_data(&mut out, &outline);
                    out.push('"');
                    paint(&mut out, "fill", run.color);
                    out.push_str("/>");
                }
                out.push_str("</g>\n");
            }
        }
    }
    scene.items = items;
    if open.is_some() {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// `fill="#rrggbb"` and its opacity when not opaque (egui's colours are premultiplied).
fn paint(out: &mut String, attribute: &str, color: Color32) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let _ = write!(out, r##" {attribute}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(
            out,
            r#" {attribute}-opacity="{}""#,
            num(f32::from(a) / 255.0)
        );
    }
}

fn path_data(out: &mut String, path: &Path) {
    for seg in path {
        let _ = match *seg {
            Seg::Move(p) => write!(out, "M{} {}", num(p.x), num(p.y)),
            Seg::Line(p) => write!(out, "L{} {}", num(p.x), num(p.y)),
            Seg::Quad(c, p) => write!(out, "Q{} {} {} {}", num(c.x), num(c.y), num(p.x), num(p.y)),
            Seg::Cubic(a, b, p) => write!(
                out,
                "C{} {} {} {} {} {}",
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y),
                num(p.x),
                num(p.y)
            ),
            Seg::Close => write!(out, "Z"),
        };
    }
}

/// A coordinate with at most two decimals, without trailing zeros.
fn num(v: f32) -> String {
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".to_owned() } else { s }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(escape("a<b & \"c\"\n"), "a&lt;b &amp; &quot;c&quot; ");
    }
}
