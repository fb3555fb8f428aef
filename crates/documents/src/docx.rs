//! A report as a DOCX (Office Open XML, ECMA-376) that the ministry edits in a word
//! processor: real heading styles (the navigation pane and a table of contents work), table
//! captions, header rows repeated on every page, numbers set right, bulleted lists, the
//! document's language for spelling, a footer with the title and "page / pages". Written directly as the few XML parts a DOCX needs.
//!
//! Charts are not drawn in the DOCX: their data table is there (an editor re-draws a chart
//! from it in two clicks); the PDF and the HTML have the drawing.

use std::io::Write as _;

use crate::report::{Block, Report, Table, paragraphs};

#[derive(Debug, thiserror::Error)]
#[error("the DOCX cannot be written: {0}")]
pub struct DocxError(String);

/// Text for XML content and attributes: escaped, and without the control characters XML
/// 1.0 does not allow (they could come from pasted text).
fn x(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    crate::escape_xml(&clean)
}

fn run(text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{b}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        x(text)
    )
}

fn para(style: Option<&str>, text: &str) -> String {
    let ppr = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{ppr}{}</w:p>", run(text, false))
}

/// The text width of an A4 page at 2 cm margins, upright or on its side, in twentieths of
/// a point.
fn text_width(wide: bool) -> usize {
    if wide {
        16838 - 2 * 1134
    } else {
        11906 - 2 * 1134
    }
}

/// Each column's width in twentieths of a point, as the PDF sets them: every column at
/// least its longest word (at the table's 9 pt, about 100 a character, and the cell's
/// margins), all of them narrowed alike when even that does not fit, and the rest of the
/// width shared by [`Table::column_weights`].
fn column_twips(t: &Table, lang: &str, full: usize) -> Vec<usize> {
    const PER_CHAR: usize = 100;
    const MARGINS: usize = 2 * 108 + 20;
    let mins: Vec<usize> = t.longest_words(lang).iter().map(|w| w * PER_CHAR).collect();
    let fixed = MARGINS * mins.len();
    let words: usize = mins.iter().sum();
    let room = full.saturating_sub(fixed);
    let mins: Vec<usize> = if words > room {
        mins.iter().map(|m| m * room / words.max(1)).collect()
    } else {
        mins
    };
    let spare = room.saturating_sub(mins.iter().sum());
    let weights = t.column_weights(lang);
    let total: usize = weights.iter().sum::<usize>().max(1);
    mins.iter()
        .zip(&weights)
        .map(|(m, w)| m + MARGINS + spare * w / total)
        .collect()
}

fn table_xml(t: &Table, lang: &str, wide: bool) -> String {
    let mut out = String::new();
    out.push_str(&para(Some("Caption"), &t.caption));
    let widths = column_twips(t, lang, text_width(wide));
    out.push_str(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:firstColumn=\"1\" w:lastRow=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
    );
    for col in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{col}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (c, col) in t.columns.iter().zip(&widths) {
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{col}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF5\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc>",
            run(c, true)
        ));
    }
    out.push_str("</w:tr>");
    let numeric = t.numeric_columns();
    for row in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, c) in row.iter().enumerate() {
            let jc = if numeric.get(i).copied().unwrap_or(false) {
                "<w:jc w:val=\"right\"/>"
            } else {
                ""
            };
            let col = widths.get(i).copied().unwrap_or(0);
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{col}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{jc}</w:pPr>{}</w:p></w:tc>",
                run(&c.shown(lang), i == 0 && t.row_headers)
            ));
        }
        // A row shorter than the header still has a cell under every column.
        for i in row.len()..t.columns.len() {
            let col = widths.get(i).copied().unwrap_or(0);
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{col}\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>"
            ));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word joins two tables that touch; an empty paragraph keeps them apart.
    out.push_str("<w:p/>");
    out
}

fn body(r: &Report) -> String {
    let mut out = String::new();
    out.push_str(&para(Some("Title"), &r.title));
    out.push_str(&para(Some("Subtitle"), &r.subtitle));
    out.push_str(&para(None, &r.publisher));
    out.push_str(&para(None, &r.status));
    for n in &r.notes {
        out.push_str(&para(Some("Note"), n));
    }
    for s in &r.sections {
        out.push_str(&para(Some("Heading1"), &s.heading));
        for b in &s.blocks {
            match b {
                Block::Text { text } | Block::Narrative { text, .. } => {
                    for p in paragraphs(text) {
                        out.push_str(&para(None, &p));
                    }
                }
                Block::Figures { items } => {
                    for f in items {
                        out.push_str(&format!(
                            "<w:p>{}{}</w:p>",
                            run(&format!("{}: ", f.label), false),
                            run(&f.value, true)
                        ));
                    }
                }
                Block::Table { table } | Block::Chart { table, .. } => {
                    out.push_str(&table_xml(table, &r.lang, r.is_wide()));
                }
                Block::Items { items } => {
                    for i in items {
                        out.push_str(&format!(
                            "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
                            run(i, false)
                        ));
                    }
                }
                Block::Note { text } => out.push_str(&para(Some("Note"), text)),
            }
        }
    }
    out
}

fn lang_tag(lang: &str) -> &'static str {
    if lang == "lv" { "lv-LV" } else { "en-GB" }
}

fn document_xml(r: &Report) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/>{}<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body(r),
        if r.is_wide() {
            r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#
        } else {
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#
        }
    )
}

fn styles_xml(lang: &str) -> String {
    let tag = lang_tag(lang);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans" w:eastAsia="Liberation Sans"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:color w:val="1D4E89"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1D4E89"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:rPr><w:color w:val="4A4A4A"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="4A4A4A"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"#
    )
}

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// A field Word and LibreOffice fill in (PAGE, NUMPAGES), with a placeholder value.
fn field(instruction: &str) -> String {
    format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    )
}

/// Every page's footer, as in the PDF: the report's title and period, and "page / pages" on
/// the right.
fn footer_xml(r: &Report) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs></w:pPr>{}<w:r><w:tab/></w:r>{}<w:r><w:t xml:space="preserve"> / </w:t></w:r>{}</w:p></w:ftr>"#,
        // The page number at the right edge of the text, upright or on its side.
        text_width(r.is_wide()),
        run(&format!("{} · {}", r.title, r.subtitle), false),
        field("PAGE"),
        field("NUMPAGES")
    )
}

fn core_xml(r: &Report) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>{}</dc:language></cp:coreProperties>"#,
        x(&r.title),
        x(&r.subtitle),
        x(&r.publisher),
        lang_tag(&r.lang)
    )
}

/// The report as DOCX bytes.
pub fn write(r: &Report) -> Result<Vec<u8>, DocxError> {
    let err = |e: &dyn std::fmt::Display| DocxError(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document_xml(r)),
        ("word/styles.xml", styles_xml(&r.lang)),
        ("word/numbering.xml", NUMBERING.to_owned()),
        ("word/footer1.xml", footer_xml(r)),
    ];
    for (name, text) in parts.iter().chain([&("docProps/core.xml", core_xml(r))]) {
        zip.start_file(*name, options).map_err(|e| err(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn part(docx: &[u8], name: &str) -> String {
        let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(docx)) {
            Ok(a) => a,
            Err(e) => panic!("not a zip: {e}"),
        };
        let mut text = String::new();
        if let Ok(mut f) = archive.by_name(name) {
            let _ = f.read_to_string(&mut text);
        }
        text
    }

    #[test]
    fn a_docx_has_its_parts_headings_tables_and_language() {
        let mut r = crate::report::tests::sample();
        r.title.push('\u{1}');
        let bytes = write(&r).unwrap_or_default();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert_eq!(crate::sniff::sniff(&bytes), Some(crate::sniff::Kind::Docx));
        let doc = part(&bytes, "word/document.xml");
        assert!(doc.contains("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Kopsavilkuma ziņojums</w:t>"));
        assert!(doc.contains(
            "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Dalība</w:t>"
        ));
        assert!(doc.contains("<w:tblHeader/>"));
        assert!(doc.contains("Romu NVO &lt;jaunieši&gt;"));
        assert!(doc.contains(
            "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">1\u{a0}234</w:t>"
        ));
        assert!(doc.contains("05.03.2026."));
        assert!(doc.contains("Otrā — ar ģ un š."));
        assert!(!doc.contains('\u{1}'));
        assert!(doc.contains("<w:footerReference w:type=\"default\" r:id=\"rId3\"/>"));
        let footer = part(&bytes, "word/footer1.xml");
        assert!(footer.contains("Kopsavilkuma ziņojums") && footer.contains(" NUMPAGES "));
        assert!(part(&bytes, "word/styles.xml").contains("w:val=\"lv-LV\""));
        assert!(part(&bytes, "docProps/core.xml").contains("<dc:language>lv-LV</dc:language>"));
        // Every part is well-formed XML.
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/footer1.xml",
            "docProps/core.xml",
        ] {
            let text = part(&bytes, name);
            assert!(text.starts_with("<?xml"), "{name}");
        }
    }

    /// LibreOffice (Debian's libreoffice-writer-nogui), as a real word processor, opens the
    /// DOCX and converts it to PDF; the PDF's text has the headings and the table cells.
    #[test]
    fn a_word_processor_opens_the_docx() {
        let bytes = write(&crate::report::tests::sample()).unwrap_or_default();
        let dir = std::env::temp_dir().join(format!("docx-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join("report.docx");
        let _ = std::fs::write(&file, &bytes);
        let converted = std::process::Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}/profile",
                dir.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&file)
            .output();
        match converted {
            Ok(o) if o.status.success() => {}
            Ok(o) => panic!("soffice: {}", String::from_utf8_lossy(&o.stderr)),
            Err(e) => panic!("LibreOffice is needed (Debian: libreoffice-writer-nogui): {e}"),
        }
        let text = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(dir.join("report.pdf"))
            .arg("-")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        let words = text
            .split(|c: char| c.is_whitespace() || c == '\u{a0}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        for needle in [
            "Kopsavilkuma ziņojums",
            "Dalībnieki pēc kategorijas",
            "Romu NVO <jaunieši>",
            "1 234",
            "Otrā — ar ģ un š.",
            "Izaicinājums",
            // The footer's page fields, filled in by the word processor.
            "Kopsavilkuma ziņojums · 2026 1/1",
        ] {
            assert!(words.contains(needle), "{needle} not in: {words}");
        }
    }
}
