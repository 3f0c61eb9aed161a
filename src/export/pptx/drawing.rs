//! The DrawingML pieces a chart part is written with: fills, lines, markers, text
//! properties, cached strings, in the deck's colours and font.

use super::xml::Xml;
use super::{FONT, Rgb};
use crate::chart::style::Look;

pub(super) fn str_cache(x: &mut Xml, values: &[String]) {
    x.el("c:strCache", &[], |x| {
        x.val("c:ptCount", &values.len().to_string());
        for (i, v) in values.iter().enumerate() {
            x.el("c:pt", &[("idx", &i.to_string())], |x| {
                x.text("c:v", &[], v)
            });
        }
    });
}

pub(super) fn solid(x: &mut Xml, color: Rgb) {
    x.el("a:solidFill", &[], |x| x.val("a:srgbClr", &color.hex()));
}

/// A bar's fill and outline in a look: solid, hollow (outline only), or implied (pale).
pub(super) fn fill(x: &mut Xml, look: Look, color: Rgb) {
    match look {
        Look::Solid => solid(x, color),
        // A floor or ceiling (issue 21) is outlined as the picture's mark is.
        Look::Hollow | Look::Missing | Look::Bound => {
            x.empty("a:noFill", &[]);
            x.el("a:ln", &[("w", "19050")], |x| solid(x, color));
        }
        Look::Implied => {
            x.el("a:solidFill", &[], |x| {
                x.el("a:srgbClr", &[("val", &color.hex())], |x| {
                    x.val("a:alpha", "30000")
                });
            });
            x.el("a:ln", &[("w", "19050")], |x| solid(x, color));
        }
    }
}

pub(super) fn line(x: &mut Xml, color: Rgb, dashed: bool, none: bool) {
    x.el("a:ln", &[("w", "28575"), ("cap", "rnd")], |x| {
        if none {
            x.empty("a:noFill", &[]);
            return;
        }
        solid(x, color);
        x.val("a:prstDash", if dashed { "dash" } else { "solid" });
        x.empty("a:round", &[]);
    });
}

/// A line's marker: filled for a reported figure, hollow where worked out.
pub(super) fn marker(x: &mut Xml, color: Rgb, look: Look) {
    x.el("c:marker", &[], |x| {
        x.val("c:symbol", "circle");
        x.val("c:size", "7");
        x.el("c:spPr", &[], |x| {
            if look == Look::Solid {
                solid(x, color);
            } else {
                solid(x, Rgb(0xFF, 0xFF, 0xFF));
            }
            x.el("a:ln", &[("w", "19050")], |x| solid(x, color));
        });
    });
}

pub(super) fn axis_line(x: &mut Xml, color: Option<Rgb>) {
    x.el("c:spPr", &[], |x| {
        x.el("a:ln", &[("w", "9525")], |x| match color {
            Some(c) => solid(x, c),
            None => x.empty("a:noFill", &[]),
        });
    });
}

/// What a data label shows: its own text (`custom`) or nothing by default.
pub(super) fn label_flags(x: &mut Xml, custom: bool) {
    let on = if custom { "1" } else { "0" };
    x.val("c:showLegendKey", "0");
    x.val("c:showVal", on);
    x.val("c:showCatName", "0");
    x.val("c:showSerName", "0");
    x.val("c:showPercent", "0");
    x.val("c:showBubbleSize", "0");
}

/// Run properties in the deck's font: size in hundredths of a point.
pub(super) fn run_props(x: &mut Xml, name: &str, size: u32, bold: bool, color: Option<Rgb>) {
    let size = size.to_string();
    let mut attrs = vec![
        ("lang", "zh-CN"),
        ("altLang", "en-US"),
        ("sz", size.as_str()),
    ];
    if bold {
        attrs.push(("b", "1"));
    }
    x.el(name, &attrs, |x| {
        if let Some(c) = color {
            solid(x, c);
        }
        x.empty("a:latin", &[("typeface", FONT)]);
        x.empty("a:ea", &[("typeface", FONT)]);
    });
}

/// `c:txPr`: the default text of a chart element.
pub(super) fn text_props(x: &mut Xml, size: u32, color: Option<Rgb>) {
    x.el("c:txPr", &[], |x| {
        x.empty("a:bodyPr", &[]);
        x.empty("a:lstStyle", &[]);
        x.el("a:p", &[], |x| {
            x.el("a:pPr", &[], |x| {
                run_props(x, "a:defRPr", size, false, color)
            });
            x.empty("a:endParaRPr", &[("lang", "zh-CN")]);
        });
    });
}

/// `c:rich`: text of its own, a paragraph per line.
pub(super) fn rich(x: &mut Xml, text: &str, size: u32, bold: bool) {
    x.el("c:rich", &[], |x| {
        x.empty("a:bodyPr", &[]);
        x.empty("a:lstStyle", &[]);
        for line in text.lines() {
            x.el("a:p", &[], |x| {
                x.el("a:pPr", &[], |x| run_props(x, "a:defRPr", size, bold, None));
                x.el("a:r", &[], |x| {
                    run_props(x, "a:rPr", size, bold, None);
                    x.text("a:t", &[], line);
                });
            });
        }
    });
}
