//! Reading a .pptx back as PowerPoint would: its parts, content types, relationships, and
//! the XML of each part as a small tree to query.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use gwr_charts::export::pptx;
use quick_xml::events::Event;

/// An element: its name (with prefix), attributes, children and text.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub text: String,
}

impl Node {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every element named `name` below this one, in document order.
    pub fn all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            out.extend(child.all(name));
        }
        out
    }

    pub fn first(&self, name: &str) -> Option<&Node> {
        self.all(name).into_iter().next()
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of this element and everything in it.
    pub fn all_text(&self) -> String {
        let mut out = self.text.clone();
        for child in &self.children {
            out.push_str(&child.all_text());
        }
        out
    }
}

fn start(e: &quick_xml::events::BytesStart<'_>) -> Node {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("a well-formed attribute");
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.normalized_value(quick_xml::XmlVersion::default())
                    .expect("an escaped value")
                    .into_owned(),
            )
        })
        .collect();
    Node {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs,
        ..Node::default()
    }
}

/// Parses a part; panics (failing the test) on XML that is not well-formed.
pub fn parse(xml: &[u8]) -> Node {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut stack = vec![Node::default()];
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(start(&e)),
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => stack
                .last_mut()
                .unwrap()
                .text
                .extend(gwr_charts::formats::docx::entity_char(&r)),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    stack.pop().unwrap()
}

/// A package read back: every part by name.
pub struct Package {
    pub parts: BTreeMap<String, Vec<u8>>,
}

/// A relationship, its target resolved to a part name.
#[derive(Clone, Debug)]
pub struct Rel {
    pub id: String,
    pub kind: String,
    pub part: String,
}

impl Package {
    pub fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
        let mut parts = BTreeMap::new();
        for n in 0..zip.len() {
            let mut file = zip.by_index(n).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            let name = file.name().expect("a UTF-8 part name").to_string();
            parts.insert(name, bytes);
        }
        Package { parts }
    }

    pub fn xml(&self, part: &str) -> Node {
        parse(
            self.parts
                .get(part)
                .unwrap_or_else(|| panic!("no part {part}")),
        )
    }

    /// The relationships of a part (of the package itself for "").
    pub fn rels(&self, part: &str) -> Vec<Rel> {
        let name = match part.rsplit_once('/') {
            Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
            None if part.is_empty() => "_rels/.rels".to_owned(),
            None => format!("_rels/{part}.rels"),
        };
        let Some(bytes) = self.parts.get(&name) else {
            return Vec::new();
        };
        parse(bytes)
            .all("Relationship")
            .into_iter()
            .map(|r| Rel {
                id: r.attr("Id").unwrap().to_owned(),
                kind: r
                    .attr("Type")
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                part: pptx::resolve(part, r.attr("Target").unwrap()),
            })
            .collect()
    }

    /// The part a relationship id of `part` leads to.
    pub fn target(&self, part: &str, id: &str) -> String {
        self.rels(part)
            .into_iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{part} has no relationship {id}"))
            .part
    }

    /// The slides in the presentation's order.
    pub fn slides(&self) -> Vec<String> {
        let pres = "ppt/presentation.xml";
        self.xml(pres)
            .all("p:sldId")
            .into_iter()
            .map(|s| self.target(pres, s.attr("r:id").unwrap()))
            .collect()
    }

    /// The chart parts a slide shows, in order.
    pub fn charts(&self, slide: &str) -> Vec<String> {
        self.xml(slide)
            .all("c:chart")
            .into_iter()
            .map(|c| self.target(slide, c.attr("r:id").unwrap()))
            .collect()
    }

    /// The text of a slide's speaker notes.
    pub fn notes(&self, slide: &str) -> String {
        match self
            .rels(slide)
            .into_iter()
            .find(|r| r.kind == "notesSlide")
        {
            Some(rel) => self.xml(&rel.part).all_text(),
            None => String::new(),
        }
    }
}

/// A series of a chart part as its XML says it.
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub name_ref: String,
    pub categories: Vec<String>,
    pub category_ref: String,
    pub values: Vec<Option<f64>>,
    pub value_ref: String,
    /// The labels by point index.
    pub labels: Vec<(usize, String)>,
    /// A range's band: the error bars' lengths up from each point (high − low), and the
    /// cells they are read from.
    pub band: Vec<Option<f64>>,
    pub band_ref: Option<String>,
}

fn cached(node: Option<&Node>) -> Vec<(usize, String)> {
    let Some(node) = node else { return Vec::new() };
    node.all("c:pt")
        .into_iter()
        .map(|pt| {
            let idx = pt.attr("idx").unwrap().parse().unwrap();
            (
                idx,
                pt.child("c:v").map(|v| v.text.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

pub fn chart_series(chart: &Node) -> Vec<Series> {
    chart
        .all("c:ser")
        .into_iter()
        .map(|ser| {
            let tx = ser.child("c:tx").unwrap();
            let cat = ser.child("c:cat").unwrap();
            let val = ser.child("c:val").unwrap();
            let count: usize = val
                .first("c:ptCount")
                .unwrap()
                .attr("val")
                .unwrap()
                .parse()
                .unwrap();
            let mut values = vec![None; count];
            for (i, v) in cached(Some(val)) {
                values[i] = Some(v.parse().unwrap());
            }
            let labels = ser
                .child("c:dLbls")
                .map(|d| {
                    d.all("c:dLbl")
                        .into_iter()
                        .filter_map(|l| {
                            let idx = l.child("c:idx")?.attr("val")?.parse().ok()?;
                            let text: Vec<String> =
                                l.all("a:t").into_iter().map(|t| t.text.clone()).collect();
                            (!text.is_empty()).then(|| (idx, text.join("\n")))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let plus = ser.child("c:errBars").and_then(|e| e.child("c:plus"));
            let mut band = vec![None; if plus.is_some() { count } else { 0 }];
            for (i, v) in cached(plus) {
                band[i] = Some(v.parse().unwrap());
            }
            Series {
                band,
                band_ref: plus.map(|p| p.first("c:f").unwrap().text.clone()),
                name: tx.first("c:v").map(|v| v.text.clone()).unwrap_or_default(),
                name_ref: tx.first("c:f").unwrap().text.clone(),
                categories: cached(cat.first("c:strCache"))
                    .into_iter()
                    .map(|(_, v)| v)
                    .collect(),
                category_ref: cat.first("c:f").unwrap().text.clone(),
                values,
                value_ref: val.first("c:f").unwrap().text.clone(),
                labels,
            }
        })
        .collect()
}
