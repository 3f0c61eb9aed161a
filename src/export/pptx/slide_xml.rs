//! The PresentationML parts a deck writes for itself: slides (text boxes, chart frames,
//! pictures), notes slides, the presentation, and the document properties.

use super::Rgb;
use super::drawing::run_props;
use super::xml::Xml;

pub const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/// A rectangle on the slide, in EMU (914,400 to the inch).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
}

/// A run of text: its words, size in hundredths of a point, weight and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub size: u32,
    pub bold: bool,
    pub color: Rgb,
}

/// What a slide holds, in order of drawing.
pub enum Shape<'a> {
    /// Paragraphs of runs.
    Text {
        name: &'a str,
        rect: Rect,
        paragraphs: Vec<Vec<Run>>,
    },
    /// A native chart, related as `rel`.
    Chart { rect: Rect, rel: String },
    /// A picture, related as `rel`, described by `descr`.
    Picture {
        rect: Rect,
        rel: String,
        descr: &'a str,
    },
}

fn root_attrs() -> [(&'static str, &'static str); 3] {
    [("xmlns:a", NS_A), ("xmlns:r", NS_R), ("xmlns:p", NS_P)]
}

/// The group every shape tree starts with.
fn tree_start(x: &mut Xml) {
    x.el("p:nvGrpSpPr", &[], |x| {
        x.empty("p:cNvPr", &[("id", "1"), ("name", "")]);
        x.empty("p:cNvGrpSpPr", &[]);
        x.empty("p:nvPr", &[]);
    });
    x.el("p:grpSpPr", &[], |x| {
        x.el("a:xfrm", &[], |x| {
            x.empty("a:off", &[("x", "0"), ("y", "0")]);
            x.empty("a:ext", &[("cx", "0"), ("cy", "0")]);
            x.empty("a:chOff", &[("x", "0"), ("y", "0")]);
            x.empty("a:chExt", &[("cx", "0"), ("cy", "0")]);
        });
    });
}

fn xfrm(x: &mut Xml, tag: &str, r: Rect) {
    x.el(tag, &[], |x| {
        x.empty("a:off", &[("x", &r.x.to_string()), ("y", &r.y.to_string())]);
        x.empty(
            "a:ext",
            &[("cx", &r.w.to_string()), ("cy", &r.h.to_string())],
        );
    });
}

/// A slide of shapes on the blank layout.
pub fn slide(shapes: &[Shape<'_>]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("p:sld", &root_attrs(), |x| {
        x.el("p:cSld", &[], |x| {
            x.el("p:spTree", &[], |x| {
                tree_start(x);
                for (n, shape) in shapes.iter().enumerate() {
                    let id = (n + 2).to_string();
                    match shape {
                        Shape::Text {
                            name,
                            rect,
                            paragraphs,
                        } => text_box(x, &id, name, *rect, paragraphs),
                        Shape::Chart { rect, rel } => chart_frame(x, &id, *rect, rel),
                        Shape::Picture { rect, rel, descr } => picture(x, &id, *rect, rel, descr),
                    }
                }
            });
        });
        x.el("p:clrMapOvr", &[], |x| x.empty("a:masterClrMapping", &[]));
    });
    x.finish()
}

fn text_box(x: &mut Xml, id: &str, name: &str, rect: Rect, paragraphs: &[Vec<Run>]) {
    x.el("p:sp", &[], |x| {
        x.el("p:nvSpPr", &[], |x| {
            x.empty("p:cNvPr", &[("id", id), ("name", name)]);
            x.empty("p:cNvSpPr", &[("txBox", "1")]);
            x.empty("p:nvPr", &[]);
        });
        x.el("p:spPr", &[], |x| {
            xfrm(x, "a:xfrm", rect);
            x.el("a:prstGeom", &[("prst", "rect")], |x| {
                x.empty("a:avLst", &[])
            });
            x.empty("a:noFill", &[]);
        });
        x.el("p:txBody", &[], |x| {
            x.el(
                "a:bodyPr",
                &[
                    ("wrap", "square"),
                    ("lIns", "0"),
                    ("tIns", "0"),
                    ("rIns", "0"),
                    ("bIns", "0"),
                    ("anchor", "t"),
                ],
                |x| x.empty("a:normAutofit", &[]),
            );
            x.empty("a:lstStyle", &[]);
            for runs in paragraphs {
                paragraph(x, runs);
            }
        });
    });
}

fn paragraph(x: &mut Xml, runs: &[Run]) {
    x.el("a:p", &[], |x| {
        for run in runs {
            x.el("a:r", &[], |x| {
                run_props(x, "a:rPr", run.size, run.bold, Some(run.color));
                x.text("a:t", &[], &run.text);
            });
        }
        let size = runs.first().map_or(1200, |r| r.size).to_string();
        x.empty("a:endParaRPr", &[("lang", "zh-CN"), ("sz", &size)]);
    });
}

fn chart_frame(x: &mut Xml, id: &str, rect: Rect, rel: &str) {
    x.el("p:graphicFrame", &[], |x| {
        x.el("p:nvGraphicFramePr", &[], |x| {
            x.empty("p:cNvPr", &[("id", id), ("name", &format!("Chart {id}"))]);
            x.empty("p:cNvGraphicFramePr", &[]);
            x.empty("p:nvPr", &[]);
        });
        xfrm(x, "p:xfrm", rect);
        x.el("a:graphic", &[], |x| {
            x.el("a:graphicData", &[("uri", NS_C)], |x| {
                x.empty("c:chart", &[("xmlns:c", NS_C), ("r:id", rel)]);
            });
        });
    });
}

fn picture(x: &mut Xml, id: &str, rect: Rect, rel: &str, descr: &str) {
    x.el("p:pic", &[], |x| {
        x.el("p:nvPicPr", &[], |x| {
            x.empty(
                "p:cNvPr",
                &[
                    ("id", id),
                    ("name", &format!("Picture {id}")),
                    ("descr", descr),
                ],
            );
            x.el("p:cNvPicPr", &[], |x| {
                x.empty("a:picLocks", &[("noChangeAspect", "1")]);
            });
            x.empty("p:nvPr", &[]);
        });
        x.el("p:blipFill", &[], |x| {
            x.empty("a:blip", &[("r:embed", rel)]);
            x.el("a:stretch", &[], |x| x.empty("a:fillRect", &[]));
        });
        x.el("p:spPr", &[], |x| {
            xfrm(x, "a:xfrm", rect);
            x.el("a:prstGeom", &[("prst", "rect")], |x| {
                x.empty("a:avLst", &[])
            });
        });
    });
}

/// The notes page of a slide: the slide's image and the notes, a paragraph per line.
pub fn notes(lines: &[String]) -> Vec<u8> {
    let mut x = Xml::new();
    x.el("p:notes", &root_attrs(), |x| {
        x.el("p:cSld", &[], |x| {
            x.el("p:spTree", &[], |x| {
                tree_start(x);
                x.el("p:sp", &[], |x| {
                    x.el("p:nvSpPr", &[], |x| {
                        x.empty("p:cNvPr", &[("id", "2"), ("name", "Slide Image 1")]);
                        x.el("p:cNvSpPr", &[], |x| {
                            x.empty(
                                "a:spLocks",
                                &[("noGrp", "1"), ("noRot", "1"), ("noChangeAspect", "1")],
                            );
                        });
                        x.el("p:nvPr", &[], |x| x.empty("p:ph", &[("type", "sldImg")]));
                    });
                    x.empty("p:spPr", &[]);
                });
                x.el("p:sp", &[], |x| {
                    x.el("p:nvSpPr", &[], |x| {
                        x.empty("p:cNvPr", &[("id", "3"), ("name", "Notes 2")]);
                        x.el("p:cNvSpPr", &[], |x| {
                            x.empty("a:spLocks", &[("noGrp", "1")])
                        });
                        x.el("p:nvPr", &[], |x| {
                            x.empty("p:ph", &[("type", "body"), ("idx", "1")]);
                        });
                    });
                    x.empty("p:spPr", &[]);
                    x.el("p:txBody", &[], |x| {
                        x.empty("a:bodyPr", &[]);
                        x.empty("a:lstStyle", &[]);
                        for line in lines {
                            x.el("a:p", &[], |x| {
                                x.el("a:r", &[], |x| {
                                    x.empty("a:rPr", &[("lang", "zh-CN"), ("altLang", "en-US")]);
                                    x.text("a:t", &[], line);
                                });
                            });
                        }
                        if lines.is_empty() {
                            x.el("a:p", &[], |x| {
                                x.empty("a:endParaRPr", &[("lang", "zh-CN")])
                            });
                        }
                    });
                });
            });
        });
        x.el("p:clrMapOvr", &[], |x| x.empty("a:masterClrMapping", &[]));
    });
    x.finish()
}

/// The ids of the presentation's relationships to its master, notes master and slides.
pub struct PresentationRels<'a> {
    pub master: &'a str,
    pub notes_master: &'a str,
    pub slides: &'a [String],
}

/// `ppt/presentation.xml`: the slides in order and the slide size in EMU.
pub fn presentation(rels: &PresentationRels<'_>, width: i64, height: i64) -> Vec<u8> {
    let mut x = Xml::new();
    let mut attrs = root_attrs().to_vec();
    attrs.push(("saveSubsetFonts", "1"));
    x.el("p:presentation", &attrs, |x| {
        x.el("p:sldMasterIdLst", &[], |x| {
            x.empty(
                "p:sldMasterId",
                &[("id", "2147483648"), ("r:id", rels.master)],
            );
        });
        x.el("p:notesMasterIdLst", &[], |x| {
            x.empty("p:notesMasterId", &[("r:id", rels.notes_master)]);
        });
        x.el("p:sldIdLst", &[], |x| {
            for (n, rel) in rels.slides.iter().enumerate() {
                x.empty("p:sldId", &[("id", &(256 + n).to_string()), ("r:id", rel)]);
            }
        });
        x.empty(
            "p:sldSz",
            &[("cx", &width.to_string()), ("cy", &height.to_string())],
        );
        x.empty("p:notesSz", &[("cx", "6858000"), ("cy", "9144000")]);
    });
    x.finish()
}

/// `docProps/core.xml`: the title and the program that made the deck.
pub fn core_properties(title: &str) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ],
        |x| {
            x.text("dc:title", &[], title);
            x.text("dc:creator", &[], "gwr-charts");
        },
    );
    x.finish()
}

/// `docProps/app.xml`: the program and the number of slides.
pub fn app_properties(slides: usize) -> Vec<u8> {
    let mut x = Xml::new();
    x.el(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
        |x| {
            x.text("Application", &[], "gwr-charts");
            x.text("Slides", &[], &slides.to_string());
        },
    );
    x.finish()
}
