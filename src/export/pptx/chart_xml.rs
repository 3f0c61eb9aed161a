//! A native chart: the DrawingML chart part (`ppt/charts/chartN.xml`) and the workbook
//! embedded beside it, whose cells the chart's formulas name, so PowerPoint's and WPS's
//! "Edit Data" open the figures and the chart can be restyled like any other.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::Rgb;
use super::drawing::{
    axis_line, fill, label_flags, line, marker, rich, solid, str_cache, text_props,
};
use super::xml::Xml;
use crate::chart::style::Look;
use crate::export::table::{self, Cell};

/// The sheet of the embedded workbook that the chart's formulas name.
pub const DATA_SHEET: &str = "Sheet1";

/// How a chart draws its series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChartKind {
    /// Bars along the value axis: horizontal rows (growth, progress, compare) from
    /// `cross_at` (0, or 100 for progress), or upright columns (a levels cell).
    Bars {
        horizontal: bool,
        cross_at: Option<f64>,
    },
    /// Lines through the categories (trend), a point's segment dashed where it is implied.
    Lines,
}

/// A point of a series: the number charted, its label as the image writes it, its look.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// The number charted: a range's low bound.
    pub value: f64,
    /// A range's high bound: drawn as a band from the bar's end (or the line's point) up to
    /// it, an error bar whose length the workbook holds beside the series.
    pub high: Option<f64>,
    /// Lines of the label (≈6%, 4.5–5% ✓); empty for no label.
    pub label: String,
    pub look: Look,
    /// The line into this point is dashed (implied or a target), in a line chart.
    pub dashed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub name: String,
    pub color: Rgb,
    /// One per category; `None` draws nothing there (never a zero).
    pub points: Vec<Option<ChartPoint>>,
    /// Markers only, no line (earlier years' targets in a trend).
    pub no_line: bool,
}

/// Everything a chart part and its workbook hold.
#[derive(Clone, Debug, PartialEq)]
pub struct NativeChart {
    pub kind: ChartKind,
    /// A title inside the chart (a levels cell names its indicator and unit).
    pub title: Option<String>,
    pub categories: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// What the value axis measures (%, the unit, the index); `None` hides the axis.
    pub value_axis: Option<String>,
    /// The value axis' top, leaving room above the bars for labels (a levels cell).
    pub value_max: Option<f64>,
    /// Whether the categories are named along their axis (a levels cell's title names
    /// its one category already).
    pub category_axis: bool,
    pub legend: bool,
    /// The figures behind the chart, as the data export writes them: a second sheet.
    pub figures: Vec<Vec<Cell>>,
    pub lang_tag: &'static str,
    /// The header word of a range's column in the workbook ("区间幅度": high − low).
    pub range_word: &'static str,
}

/// Excel's name of column `c` (0 = A).
fn column(c: usize) -> String {
    let mut name = String::new();
    let mut n = c + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        name.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    name
}

/// `Sheet1!$B$2:$B$9`.
fn range(col: usize, first_row: usize, last_row: usize) -> String {
    let c = column(col);
    if first_row == last_row {
        format!("{DATA_SHEET}!${c}${first_row}")
    } else {
        format!("{DATA_SHEET}!${c}${first_row}:${c}${last_row}")
    }
}

/// Numbers as the chart caches them: the shortest form that reads back the same.
fn number(v: f64) -> String {
    format!("{v}")
}

impl NativeChart {
    /// The workbook column of each series' range widths (high − low), for the series that
    /// have a range: after the series' own columns, in series order.
    fn range_columns(&self) -> Vec<Option<usize>> {
        let mut next = self.series.len() + 1;
        self.series
            .iter()
            .map(|series| {
                let ranged = series.points.iter().flatten().any(|p| p.high.is_some());
                ranged.then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    }

    /// How wide a range's band is drawn, in EMU: about half a bar's thickness, from the
    /// rows the plot shares (a slide's plot is about 4.5 inches, 324 points, across them).
    fn band_width(&self) -> u32 {
        let per_category = match self.kind {
            ChartKind::Bars { .. } => {
                let slots = self.series.len() as f64 + 0.6;
                324.0 / (self.categories.len().max(1) as f64 * slots)
            }
            ChartKind::Lines => 16.0,
        };
        let points = (per_category * 0.5).clamp(2.0, 12.0);
        (points * 12700.0) as u32
    }

    /// The embedded workbook: the categories down column A, one column per series with its
    /// name on top (the cells the chart's formulas name); then a sheet of the figures.
    pub fn workbook(&self, figures_sheet: &str) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(DATA_SHEET)?;
        for (r, name) in self.categories.iter().enumerate() {
            sheet.write_string(r as u32 + 1, 0, name)?;
        }
        for (s, series) in self.series.iter().enumerate() {
            let col = s as u16 + 1;
            sheet.write_string(0, col, &series.name)?;
            for (r, point) in series.points.iter().enumerate() {
                if let Some(p) = point {
                    sheet.write_number(r as u32 + 1, col, p.value)?;
                }
            }
            sheet.set_column_width(col, 14)?;
        }
        for (series, col) in self.series.iter().zip(self.range_columns()) {
            let Some(col) = col else { continue };
            let col = col as u16;
            sheet.write_string(0, col, format!("{} {}", series.name, self.range_word))?;
            for (r, point) in series.points.iter().enumerate() {
                if let Some(width) = point.as_ref().and_then(range_width) {
                    sheet.write_number(r as u32 + 1, col, width)?;
                }
            }
            sheet.set_column_width(col, 18)?;
        }
        sheet.set_column_width(0, 28)?;
        if !self.figures.is_empty() {
            let sheet = book.add_worksheet();
            table::fill_sheet(sheet, &self.figures, figures_sheet)?;
        }
        book.save_to_buffer()
    }

    /// The chart part, its embedded workbook related as `workbook_rel`.
    pub fn part(&self, workbook_rel: &str) -> Vec<u8> {
        let mut x = Xml::new();
        x.el(
            "c:chartSpace",
            &[
                (
                    "xmlns:c",
                    "http://schemas.openxmlformats.org/drawingml/2006/chart",
                ),
                (
                    "xmlns:a",
                    "http://schemas.openxmlformats.org/drawingml/2006/main",
                ),
                (
                    "xmlns:r",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                ),
            ],
            |x| {
                x.val("c:date1904", "0");
                x.val("c:lang", self.lang_tag);
                x.val("c:roundedCorners", "0");
                x.el("c:chart", &[], |x| self.chart(x));
                x.el("c:spPr", &[], |x| {
                    x.empty("a:noFill", &[]);
                    x.el("a:ln", &[], |x| x.empty("a:noFill", &[]));
                });
                text_props(x, 1200, None);
                x.el("c:externalData", &[("r:id", workbook_rel)], |x| {
                    x.val("c:autoUpdate", "0");
                });
            },
        );
        x.finish()
    }

    fn chart(&self, x: &mut Xml) {
        if let Some(title) = &self.title {
            x.el("c:title", &[], |x| {
                x.el("c:tx", &[], |x| rich(x, title, 1200, true));
                x.val("c:overlay", "0");
            });
        }
        x.val(
            "c:autoTitleDeleted",
            if self.title.is_some() { "0" } else { "1" },
        );
        x.el("c:plotArea", &[], |x| {
            x.empty("c:layout", &[]);
            match self.kind {
                ChartKind::Bars { horizontal, .. } => x.el("c:barChart", &[], |x| {
                    x.val("c:barDir", if horizontal { "bar" } else { "col" });
                    x.val("c:grouping", "clustered");
                    x.val("c:varyColors", "0");
                    self.all_series(x);
                    x.val("c:gapWidth", "60");
                    x.val("c:axId", CAT_AXIS);
                    x.val("c:axId", VAL_AXIS);
                }),
                ChartKind::Lines => x.el("c:lineChart", &[], |x| {
                    x.val("c:grouping", "standard");
                    x.val("c:varyColors", "0");
                    self.all_series(x);
                    x.val("c:marker", "1");
                    x.val("c:axId", CAT_AXIS);
                    x.val("c:axId", VAL_AXIS);
                }),
            }
            self.axes(x);
            x.el("c:spPr", &[], |x| x.empty("a:noFill", &[]));
        });
        if self.legend {
            x.el("c:legend", &[], |x| {
                x.val("c:legendPos", "t");
                x.val("c:overlay", "0");
            });
        }
        x.val("c:plotVisOnly", "1");
        x.val("c:dispBlanksAs", "gap");
    }

    fn all_series(&self, x: &mut Xml) {
        let n = self.categories.len();
        let ranges = self.range_columns();
        for (s, series) in self.series.iter().enumerate() {
            let idx = s.to_string();
            x.el("c:ser", &[], |x| {
                x.val("c:idx", &idx);
                x.val("c:order", &idx);
                x.el("c:tx", &[], |x| {
                    x.el("c:strRef", &[], |x| {
                        x.text("c:f", &[], &range(s + 1, 1, 1));
                        str_cache(x, std::slice::from_ref(&series.name));
                    });
                });
                self.series_body(x, series);
                if let Some(col) = ranges[s] {
                    self.band(x, series, col);
                }
                x.el("c:cat", &[], |x| {
                    x.el("c:strRef", &[], |x| {
                        x.text("c:f", &[], &range(0, 2, n + 1));
                        str_cache(x, &self.categories);
                    });
                });
                x.el("c:val", &[], |x| {
                    x.el("c:numRef", &[], |x| {
                        x.text("c:f", &[], &range(s + 1, 2, n + 1));
                        x.el("c:numCache", &[], |x| {
                            x.text("c:formatCode", &[], "General");
                            x.val("c:ptCount", &n.to_string());
                            for (i, p) in series.points.iter().enumerate() {
                                if let Some(p) = p {
                                    x.el("c:pt", &[("idx", &i.to_string())], |x| {
                                        x.text("c:v", &[], &number(p.value));
                                    });
                                }
                            }
                        });
                    });
                });
                if self.kind == ChartKind::Lines {
                    x.val("c:smooth", "0");
                }
            });
        }
    }

    /// A series' ranges as error bars from each point's low bound up by its width (the
    /// workbook's range column), drawn as a pale band of the series' colour.
    fn band(&self, x: &mut Xml, series: &ChartSeries, col: usize) {
        let n = self.categories.len();
        x.el("c:errBars", &[], |x| {
            if self.kind == ChartKind::Lines {
                x.val("c:errDir", "y");
            }
            x.val("c:errBarType", "plus");
            x.val("c:errValType", "cust");
            x.val("c:noEndCap", "1");
            x.el("c:plus", &[], |x| {
                x.el("c:numRef", &[], |x| {
                    x.text("c:f", &[], &range(col, 2, n + 1));
                    x.el("c:numCache", &[], |x| {
                        x.text("c:formatCode", &[], "General");
                        x.val("c:ptCount", &n.to_string());
                        for (i, p) in series.points.iter().enumerate() {
                            if let Some(width) = p.as_ref().and_then(range_width) {
                                x.el("c:pt", &[("idx", &i.to_string())], |x| {
                                    x.text("c:v", &[], &number(width));
                                });
                            }
                        }
                    });
                });
            });
            x.el("c:spPr", &[], |x| {
                let width = self.band_width().to_string();
                x.el("a:ln", &[("w", &width), ("cap", "flat")], |x| {
                    x.el("a:solidFill", &[], |x| {
                        x.el("a:srgbClr", &[("val", &series.color.hex())], |x| {
                            x.val("a:alpha", "45000")
                        });
                    });
                });
            });
        });
    }

    /// A series' look, its points' own looks and its labels, in the schema's order.
    fn series_body(&self, x: &mut Xml, series: &ChartSeries) {
        let lines = self.kind == ChartKind::Lines;
        x.el("c:spPr", &[], |x| {
            if lines {
                line(x, series.color, false, series.no_line);
            } else {
                fill(x, Look::Solid, series.color);
            }
        });
        if lines {
            marker(x, series.color, Look::Solid);
        } else {
            x.val("c:invertIfNegative", "0");
        }
        for (i, p) in series.points.iter().enumerate() {
            let Some(p) = p else { continue };
            let plain = p.look == Look::Solid && !p.dashed;
            if plain {
                continue;
            }
            x.el("c:dPt", &[], |x| {
                x.val("c:idx", &i.to_string());
                if lines {
                    marker(x, series.color, p.look);
                } else {
                    x.val("c:invertIfNegative", "0");
                }
                x.val("c:bubble3D", "0");
                x.el("c:spPr", &[], |x| {
                    if lines {
                        line(x, series.color, p.dashed, series.no_line);
                    } else {
                        fill(x, p.look, series.color);
                    }
                });
            });
        }
        let position = match self.kind {
            ChartKind::Bars { .. } => "outEnd",
            ChartKind::Lines => "r",
        };
        x.el("c:dLbls", &[], |x| {
            for (i, p) in series.points.iter().enumerate() {
                let Some(p) = p else { continue };
                x.el("c:dLbl", &[], |x| {
                    x.val("c:idx", &i.to_string());
                    if p.label.is_empty() {
                        x.val("c:delete", "1");
                        return;
                    }
                    x.el("c:tx", &[], |x| rich(x, &p.label, 1100, false));
                    x.val("c:dLblPos", position);
                    label_flags(x, true);
                });
            }
            text_props(x, 1100, None);
            x.val("c:dLblPos", position);
            label_flags(x, false);
        });
    }

    fn axes(&self, x: &mut Xml) {
        let (horizontal, cross_at) = match self.kind {
            ChartKind::Bars {
                horizontal,
                cross_at,
            } => (horizontal, cross_at),
            ChartKind::Lines => (false, None),
        };
        x.el("c:catAx", &[], |x| {
            x.val("c:axId", CAT_AXIS);
            // Rows read top-down in the image's order: the category axis runs max to min.
            x.el("c:scaling", &[], |x| {
                x.val(
                    "c:orientation",
                    if horizontal { "maxMin" } else { "minMax" },
                )
            });
            x.val("c:delete", if self.category_axis { "0" } else { "1" });
            x.val("c:axPos", if horizontal { "l" } else { "b" });
            x.empty(
                "c:numFmt",
                &[("formatCode", "General"), ("sourceLinked", "1")],
            );
            x.val("c:majorTickMark", "none");
            x.val("c:minorTickMark", "none");
            x.val("c:tickLblPos", "low");
            axis_line(x, Some(GREY));
            text_props(x, 1200, None);
            x.val("c:crossAx", VAL_AXIS);
            match cross_at {
                // Progress bars grow from 100, as in the image.
                Some(at) => x.val("c:crossesAt", &number(at)),
                None => x.val("c:crosses", "autoZero"),
            }
            x.val("c:auto", "1");
            x.val("c:lblAlgn", "ctr");
            x.val("c:lblOffset", "100");
            x.val("c:noMultiLvlLbl", "0");
        });
        x.el("c:valAx", &[], |x| {
            x.val("c:axId", VAL_AXIS);
            x.el("c:scaling", &[], |x| {
                x.val("c:orientation", "minMax");
                if let Some(max) = self.value_max {
                    x.val("c:max", &number(max));
                }
            });
            x.val(
                "c:delete",
                if self.value_axis.is_some() { "0" } else { "1" },
            );
            x.val("c:axPos", if horizontal { "b" } else { "l" });
            if self.value_axis.is_some() {
                x.el("c:majorGridlines", &[], |x| {
                    x.el("c:spPr", &[], |x| {
                        x.el("a:ln", &[("w", "6350")], |x| solid(x, LIGHT_GREY));
                    });
                });
            }
            if let Some(title) = &self.value_axis {
                x.el("c:title", &[], |x| {
                    x.el("c:tx", &[], |x| rich(x, title, 1100, false));
                    x.val("c:overlay", "0");
                });
            }
            x.empty(
                "c:numFmt",
                &[("formatCode", "General"), ("sourceLinked", "0")],
            );
            x.val("c:majorTickMark", "none");
            x.val("c:minorTickMark", "none");
            x.val("c:tickLblPos", "nextTo");
            axis_line(x, None);
            text_props(x, 1100, Some(GREY));
            x.val("c:crossAx", CAT_AXIS);
            // With the rows reversed, "max" keeps the value axis below them.
            x.val("c:crosses", if horizontal { "max" } else { "autoZero" });
            x.val("c:crossBetween", "between");
        });
    }
}

const CAT_AXIS: &str = "50010001";
const VAL_AXIS: &str = "50010002";
const GREY: Rgb = Rgb(0x59, 0x59, 0x59);
const LIGHT_GREY: Rgb = Rgb(0xD9, 0xD9, 0xD9);

/// A range's width (high − low), if the point is a range.
fn range_width(p: &ChartPoint) -> Option<f64> {
    p.high.map(|high| high - p.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(range(1, 2, 9), "Sheet1!$B$2:$B$9");
        assert_eq!(range(2, 1, 1), "Sheet1!$C$1");
    }
}
