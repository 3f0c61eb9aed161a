//! An Open Packaging Conventions package (the zip of a .pptx): parts, each with its content
//! type and relationships, written with `[Content_Types].xml` and the `_rels` parts made from
//! them, so every part is typed and every relationship points at a part that is there.

use std::io::{Cursor, Write as _};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::xml::Xml;

/// Relationship types, under the namespace every Office relationship shares.
pub const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// One relationship of a part: its id, its type and the part it points at.
#[derive(Clone, Debug)]
struct Rel {
    id: String,
    kind: String,
    target: String,
}

#[derive(Clone, Debug)]
struct Part {
    /// The part's name without the leading slash: `ppt/slides/slide1.xml`.
    name: String,
    content_type: String,
    bytes: Vec<u8>,
}

/// The parts of a package and the relationships of each (the package's own under "").
#[derive(Default)]
pub struct Package {
    parts: Vec<Part>,
    rels: Vec<(String, Rel)>,
}

impl Package {
    /// Adds a part named `name` (no leading slash).
    pub fn add(&mut self, name: &str, content_type: &str, bytes: Vec<u8>) {
        self.parts.push(Part {
            name: name.to_owned(),
            content_type: content_type.to_owned(),
            bytes,
        });
    }

    /// Relates the part `from` (the package itself when `from` is empty) to the part `to`
    /// with the relationship type `kind` (a full URI); returns the relationship's id. The
    /// parts need not be added yet: a part names its relationships' ids in its own XML.
    pub fn relate(&mut self, from: &str, kind: &str, to: &str) -> String {
        let n = self.rels.iter().filter(|(f, _)| f == from).count();
        let id = format!("rId{}", n + 1);
        self.rels.push((
            from.to_owned(),
            Rel {
                id: id.clone(),
                kind: kind.to_owned(),
                target: relative(from, to),
            },
        ));
        id
    }

    fn rels_of(&self, from: &str) -> Vec<Rel> {
        self.rels
            .iter()
            .filter(|(f, _)| f == from)
            .map(|(_, r)| r.clone())
            .collect()
    }

    /// The package as the bytes of a zip file: `[Content_Types].xml` first, then every part,
    /// each followed by its relationships.
    pub fn zip(&self) -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let mut put = |name: &str, bytes: &[u8]| -> zip::result::ZipResult<()> {
            zip.start_file(name, options)?;
            zip.write_all(bytes)?;
            Ok(())
        };
        put("[Content_Types].xml", &self.content_types())?;
        put("_rels/.rels", &rels_xml(&self.rels_of("")))?;
        for part in &self.parts {
            put(&part.name, &part.bytes)?;
            let rels = self.rels_of(&part.name);
            if !rels.is_empty() {
                put(&rels_name(&part.name), &rels_xml(&rels))?;
            }
        }
        Ok(zip.finish()?.into_inner())
    }

    /// Every part's type by name; the relationship parts by their extension.
    fn content_types(&self) -> Vec<u8> {
        let mut xml = Xml::new();
        xml.el(
            "Types",
            &[(
                "xmlns",
                "http://schemas.openxmlformats.org/package/2006/content-types",
            )],
            |x| {
                x.empty(
                    "Default",
                    &[
                        ("Extension", "rels"),
                        (
                            "ContentType",
                            "application/vnd.openxmlformats-package.relationships+xml",
                        ),
                    ],
                );
                x.empty(
                    "Default",
                    &[("Extension", "xml"), ("ContentType", "application/xml")],
                );
                for part in &self.parts {
                    x.empty(
                        "Override",
                        &[
                            ("PartName", &format!("/{}", part.name)),
                            ("ContentType", &part.content_type),
                        ],
                    );
                }
            },
        );
        xml.finish()
    }
}

/// `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`.
fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

fn rels_xml(rels: &[Rel]) -> Vec<u8> {
    let mut xml = Xml::new();
    xml.el(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
        |x| {
            for rel in rels {
                x.empty(
                    "Relationship",
                    &[
                        ("Id", &rel.id),
                        ("Type", &rel.kind),
                        ("Target", &rel.target),
                    ],
                );
            }
        },
    );
    xml.finish()
}

/// The target of a relationship from part `from` to part `to`, relative to `from`'s folder
/// (`ppt/slides/slide1.xml` → `ppt/charts/chart1.xml` is `../charts/chart1.xml`); from the
/// package itself, the part's name.
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = match from.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len().saturating_sub(1));
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

/// Where a relationship's target leads, as a part name: the inverse of [`relative`].
pub fn resolve(from: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match from.rsplit_once('/') {
        Some((dir, _)) => dir.split('/').collect(),
        None => Vec::new(),
    };
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_relative_to_the_source_folder() {
        for (from, to, target) in [
            (
                "ppt/slides/slide1.xml",
                "ppt/charts/chart1.xml",
                "../charts/chart1.xml",
            ),
            (
                "ppt/presentation.xml",
                "ppt/slides/slide2.xml",
                "slides/slide2.xml",
            ),
            ("", "ppt/presentation.xml", "ppt/presentation.xml"),
            (
                "ppt/charts/chart3.xml",
                "ppt/embeddings/Microsoft_Excel_Worksheet3.xlsx",
                "../embeddings/Microsoft_Excel_Worksheet3.xlsx",
            ),
        ] {
            assert_eq!(relative(from, to), target);
            assert_eq!(resolve(from, target), to);
        }
        assert_eq!(
            rels_name("ppt/slides/slide1.xml"),
            "ppt/slides/_rels/slide1.xml.rels"
        );
    }
}
