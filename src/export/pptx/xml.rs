//! A thin layer over quick-xml's writer for the parts of a package: elements with
//! attributes, and text that quick-xml escapes.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written into memory.
pub struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// A document with its declaration.
    pub fn new() -> Xml {
        let mut xml = Xml {
            writer: Writer::new(Vec::new()),
        };
        xml.put(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        xml
    }

    /// Writing into a `Vec` cannot fail: quick-xml's errors come from the sink.
    fn put(&mut self, event: Event<'_>) {
        let _ = self.writer.write_event(event);
    }

    fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            start.push_attribute((*key, clean(value).as_str()));
        }
        start
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.put(Event::Start(Xml::start(name, attrs)));
    }

    pub fn close(&mut self, name: &str) {
        self.put(Event::End(BytesEnd::new(name)));
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.put(Event::Empty(Xml::start(name, attrs)));
    }

    /// `<name val="value"/>`, the form of most chart settings.
    pub fn val(&mut self, name: &str, value: &str) {
        self.empty(name, &[("val", value)]);
    }

    /// `<name attrs>text</name>`.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.put(Event::Text(BytesText::new(&clean(text))));
        self.close(name);
    }

    /// `<name attrs>…</name>` with what `inner` writes inside.
    pub fn el(&mut self, name: &str, attrs: &[(&str, &str)], inner: impl FnOnce(&mut Xml)) {
        self.open(name, attrs);
        inner(self);
        self.close(name);
    }

    pub fn finish(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}

/// The text without the characters XML 1.0 cannot hold (control characters other than tab
/// and line breaks, which a PDF's text layer may carry), so no quote makes a part invalid.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_cleaned() {
        let mut xml = Xml::new();
        xml.el("a", &[("t", "x\"<&")], |x| {
            x.text("b", &[], "1 < 2 & \u{0C}3")
        });
        let out = String::from_utf8(xml.finish()).unwrap();
        assert!(
            out.ends_with(r#"<a t="x&quot;&lt;&amp;"><b>1 &lt; 2 &amp; 3</b></a>"#),
            "{out}"
        );
    }
}
