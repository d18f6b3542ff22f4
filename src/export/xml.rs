//! A small XML writer for the REFI-QDA files: elements, attributes and text, escaped;
//! characters XML 1.0 cannot carry (most C0 controls) become U+FFFD.

use std::fmt::Write as _;

/// XML being written into a string, two-space indented.
pub struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
    /// The start tag of the last element is not closed yet (`<a x="1"`).
    in_tag: bool,
}

/// Escape `s` for text (`attr` = false) or a double-quoted attribute value.
pub fn escape_into(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

impl Default for XmlWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl XmlWriter {
    /// A document starting with the XML declaration.
    pub fn new() -> Self {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            open: Vec::new(),
            in_tag: false,
        }
    }

    fn close_tag(&mut self) {
        if self.in_tag {
            self.out.push_str(">\n");
            self.in_tag = false;
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    /// Open element `name`; add attributes with [`XmlWriter::attr`].
    pub fn start(&mut self, name: &'static str) -> &mut Self {
        self.close_tag();
        self.indent();
        let _ = write!(self.out, "<{name}");
        self.open.push(name);
        self.in_tag = true;
        self
    }

    /// Add an attribute to the element just opened.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        debug_assert!(self.in_tag, "attribute outside a start tag");
        let _ = write!(self.out, " {name}=\"");
        escape_into(&mut self.out, value, true);
        self.out.push('"');
        self
    }

    /// Close the innermost open element.
    pub fn end(&mut self) -> &mut Self {
        let Some(name) = self.open.pop() else {
            return self;
        };
        if self.in_tag {
            self.out.push_str("/>\n");
            self.in_tag = false;
        } else {
            self.indent();
            let _ = writeln!(self.out, "</{name}>");
        }
        self
    }

    /// `<name>text</name>` on one line.
    pub fn text_element(&mut self, name: &'static str, text: &str) -> &mut Self {
        self.close_tag();
        self.indent();
        let _ = write!(self.out, "<{name}>");
        escape_into(&mut self.out, text, false);
        let _ = writeln!(self.out, "</{name}>");
        self
    }

    /// The document (closing what is still open).
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.end();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut w = XmlWriter::new();
        w.start("a").attr("x", "\"<&>\n");
        w.text_element("b", "x<y & \u{1}");
        let s = w.finish();
        assert!(s.contains("<a x=\"&quot;&lt;&amp;&gt;&#10;\">"), "{s}");
        assert!(s.contains("<b>x&lt;y &amp; \u{fffd}</b>"), "{s}");
        assert!(s.ends_with("</a>\n"));
    }
}
