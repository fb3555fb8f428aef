//! Reading and writing files. Kept apart from the web crate so that heavy format
//! libraries compile once: tables (CSV as Latvian Excel writes it, and XLSX), reports
//! (HTML, DOCX, XLSX; PDF is the `pdf` crate), calendars, feeds, charts and photos.

pub mod archive;
pub mod atom;
pub mod chart;
pub mod docx;
pub mod fonts;
pub mod format;
pub mod ics;
pub mod photo;
#[cfg(test)]
mod properties;
pub mod report;
pub mod sniff;
pub mod table;

/// Escapes text for XML or HTML content and attributes (SVG charts, the sitemap, feeds).
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
