//! What an uploaded file really is — decided from its bytes, never its name — and
//! removal of the metadata (EXIF and the like) that photos carry: camera, time, often the
//! place where they were taken.

/// The largest side accepted from an upload.
pub const MAX_SIDE: u32 = 12_000;
/// The most pixels accepted (a 50-megapixel camera's photo).
pub const MAX_PIXELS: u64 = 50_000_000;

/// The kinds of document the platform accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Docx,
    Xlsx,
    Odt,
    Jpeg,
    Png,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Docx => "docx",
            Kind::Xlsx => "xlsx",
            Kind::Odt => "odt",
            Kind::Jpeg => "jpeg",
            Kind::Png => "png",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        [
            Kind::Pdf,
            Kind::Docx,
            Kind::Xlsx,
            Kind::Odt,
            Kind::Jpeg,
            Kind::Png,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Pdf => "application/pdf",
            Kind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Kind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Kind::Odt => "application/vnd.oasis.opendocument.text",
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
        }
    }

    /// The file name extension a download gets.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            k => k.as_str(),
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, Kind::Jpeg | Kind::Png)
    }
}

fn u16_le(b: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn u32_le(b: &[u8], at: usize) -> Option<usize> {
    let v = u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]);
    usize::try_from(v).ok()
}

/// The entry names of a ZIP archive, from its central directory (`None` if it is not a
/// well-formed archive).
fn zip_names(b: &[u8]) -> Option<Vec<String>> {
    // The end-of-central-directory record is in the last 22 + 65535 bytes.
    let from = b.len().saturating_sub(22 + 65_535);
    let eocd = (from..b.len().checked_sub(21)?)
        .rev()
        .find(|&i| b.get(i..i + 4) == Some(b"PK\x05\x06"))?;
    let count = u16_le(b, eocd + 10)?;
    let mut at = u32_le(b, eocd + 16)?;
    let mut names = Vec::with_capacity(count);
    for _ in 0..count.min(10_000) {
        if b.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        let name_len = u16_le(b, at + 28)?;
        let extra_len = u16_le(b, at + 30)?;
        let comment_len = u16_le(b, at + 32)?;
        let name = b.get(at + 46..at + 46 + name_len)?;
        names.push(String::from_utf8_lossy(name).into_owned());
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

/// An OpenDocument file's declared type: its first entry, `mimetype`, stored uncompressed.
fn odf_mimetype(b: &[u8]) -> Option<&[u8]> {
    if b.get(0..4)? != b"PK\x03\x04" || u16_le(b, 8)? != 0 {
        return None;
    }
    let name_len = u16_le(b, 26)?;
    let extra_len = u16_le(b, 28)?;
    if b.get(30..30 + name_len)? != b"mimetype" {
        return None;
    }
    let size = u32_le(b, 18)?;
    let start = 30 + name_len + extra_len;
    b.get(start..start + size)
}

/// What the bytes are, or `None` for anything not accepted.
pub fn sniff(b: &[u8]) -> Option<Kind> {
    if b.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if b.starts_with(b"\xFF\xD8\xFF") {
        return Some(Kind::Jpeg);
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if b.starts_with(b"PK\x03\x04") {
        if odf_mimetype(b) == Some(b"application/vnd.oasis.opendocument.text") {
            return Some(Kind::Odt);
        }
        let names = zip_names(b)?;
        let has = |n: &str| names.iter().any(|x| x == n);
        if has("[Content_Types].xml") && has("word/document.xml") {
            return Some(Kind::Docx);
        }
        if has("[Content_Types].xml") && has("xl/workbook.xml") {
            return Some(Kind::Xlsx);
        }
    }
    None
}

/// A JPEG with only what decoding needs: APP0 (JFIF), an APP2 ICC colour profile and
/// APP14 (Adobe) stay; every other APPn (EXIF, XMP, IPTC, MPF with its secondary images
/// and their own EXIF…) and comments go, and so does anything after the end marker.
/// `None` if it is malformed.
pub fn strip_jpeg(b: &[u8]) -> Option<Vec<u8>> {
    if !b.starts_with(b"\xFF\xD8") {
        return None;
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(b"\xFF\xD8");
    let mut at = 2;
    loop {
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        match marker {
            // Padding.
            0xFF => {
                at += 1;
                continue;
            }
            0xD9 => {
                out.extend_from_slice(b"\xFF\xD9");
                return Some(out);
            }
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                at += 2;
                continue;
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*b.get(at + 2)?, *b.get(at + 3)?]));
        if len < 2 {
            return None;
        }
        let segment = b.get(at..at + 2 + len)?;
        let payload = &segment[4..];
        let keep = match marker {
            0xE0 | 0xEE => true,
            0xE2 => payload.starts_with(b"ICC_PROFILE\0"),
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(segment);
        }
        at += 2 + len;
        if marker == 0xDA {
            // Entropy-coded data: up to the next marker that is neither a stuffed zero nor
            // a restart marker.
            let start = at;
            loop {
                let byte = *b.get(at)?;
                let next = b.get(at + 1).copied();
                if byte == 0xFF && !matches!(next, Some(0x00 | 0xD0..=0xD7)) && next.is_some() {
                    break;
                }
                at += 1;
            }
            out.extend_from_slice(b.get(start..at)?);
        }
    }
}

/// A PNG without its text, time and EXIF chunks. `None` if it is malformed.
pub fn strip_png(b: &[u8]) -> Option<Vec<u8>> {
    const SIG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !b.starts_with(SIG) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(SIG);
    let mut at = SIG.len();
    while at < b.len() {
        let len = usize::try_from(u32::from_be_bytes([
            *b.get(at)?,
            *b.get(at + 1)?,
            *b.get(at + 2)?,
            *b.get(at + 3)?,
        ]))
        .ok()?;
        let kind = b.get(at + 4..at + 8)?;
        let chunk = b.get(at..at + 12 + len)?;
        let drop = matches!(kind, b"tEXt" | b"zTXt" | b"iTXt" | b"tIME" | b"eXIf");
        if !drop {
            out.extend_from_slice(chunk);
        }
        at += 12 + len;
        if kind == b"IEND" {
            return Some(out);
        }
    }
    None
}

/// Why a file of an accepted kind is still refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// An image declaring more pixels than a photo has (its header is read, nothing
    /// decoded): whoever opens it would need gigabytes.
    #[error("the image declares more than 50 megapixels or 12 000 pixels a side")]
    TooManyPixels,
    /// An image whose header cannot be read.
    #[error("the image header cannot be read")]
    Damaged,
    /// A DOCX, XLSX or ODT that unpacks too far (see [`crate::archive`]).
    #[error("the archive unpacks too far: {0}")]
    Archive(crate::archive::ArchiveError),
}

/// An image's width and height as its header declares them: a PNG's IHDR chunk, a JPEG's
/// frame header (SOFn). Nothing is decoded.
pub fn image_size(kind: Kind, b: &[u8]) -> Option<(u32, u32)> {
    let be16 = |at: usize| {
        Some(u32::from(u16::from_be_bytes([
            *b.get(at)?,
            *b.get(at + 1)?,
        ])))
    };
    let be32 = |at: usize| {
        Some(u32::from_be_bytes([
            *b.get(at)?,
            *b.get(at + 1)?,
            *b.get(at + 2)?,
            *b.get(at + 3)?,
        ]))
    };
    match kind {
        Kind::Png => {
            // Signature (8), then the first chunk, which must be IHDR of 13 bytes.
            if !b.starts_with(b"\x89PNG\r\n\x1a\n") || b.get(8..16)? != b"\0\0\0\x0dIHDR" {
                return None;
            }
            Some((be32(16)?, be32(20)?))
        }
        Kind::Jpeg => {
            if !b.starts_with(b"\xFF\xD8") {
                return None;
            }
            let mut at = 2;
            loop {
                // Stray bytes between segments are skipped, as decoders do.
                if *b.get(at)? != 0xFF {
                    at += 1;
                    continue;
                }
                let marker = *b.get(at + 1)?;
                match marker {
                    0xFF => at += 1,
                    0x01 | 0xD0..=0xD7 => at += 2,
                    // Start of scan or end before a frame header: none declared.
                    0xD9 | 0xDA => return None,
                    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): height, then width.
                    0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                        return Some((be16(at + 7)?, be16(at + 5)?));
                    }
                    _ => at += 2 + usize::try_from(be16(at + 2)?).ok()?,
                }
            }
        }
        _ => None,
    }
}

/// Checks what a file declares before it is kept: an image's size from its header (the
/// photo limits), a ZIP-based document's entries, unpacked size and compression ratio
/// (within `archive`).
pub fn check(kind: Kind, b: &[u8], archive: &crate::archive::Limits) -> Result<(), Refusal> {
    match kind {
        Kind::Jpeg | Kind::Png => {
            let (w, h) = image_size(kind, b)
                .filter(|(w, h)| *w > 0 && *h > 0)
                .ok_or(Refusal::Damaged)?;
            let side = MAX_SIDE;
            if w > side || h > side || u64::from(w) * u64::from(h) > MAX_PIXELS {
                return Err(Refusal::TooManyPixels);
            }
            Ok(())
        }
        Kind::Docx | Kind::Xlsx | Kind::Odt => crate::archive::check(b, archive)
            .map(|_| ())
            .map_err(Refusal::Archive),
        Kind::Pdf => Ok(()),
    }
}

/// The bytes to store: images without their metadata; other kinds as they are.
pub fn clean(kind: Kind, b: &[u8]) -> Option<Vec<u8>> {
    match kind {
        Kind::Jpeg => strip_jpeg(b),
        Kind::Png => strip_png(b),
        _ => Some(b.to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny stored (uncompressed) ZIP with the given entries.
    pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = u32::try_from(out.len()).unwrap_or(0);
            let size = u32::try_from(data.len()).unwrap_or(0);
            let name_len = u16::try_from(name.len()).unwrap_or(0);
            out.extend_from_slice(b"PK\x03\x04");
            out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend_from_slice(&0u32.to_le_bytes()); // crc (not checked)
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&name_len.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(b"PK\x01\x02");
            central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend_from_slice(&0u32.to_le_bytes());
            central.extend_from_slice(&size.to_le_bytes());
            central.extend_from_slice(&size.to_le_bytes());
            central.extend_from_slice(&name_len.to_le_bytes());
            central.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = u32::try_from(out.len()).unwrap_or(0);
        let cd_size = u32::try_from(central.len()).unwrap_or(0);
        let n = u16::try_from(entries.len()).unwrap_or(0);
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06");
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&cd_size.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn kinds_are_told_by_content_not_by_name() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(Kind::Pdf));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Some(Kind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some(Kind::Png));
        let docx = zip(&[
            ("[Content_Types].xml", b"<x/>"),
            ("word/document.xml", b"<w/>"),
        ]);
        assert_eq!(sniff(&docx), Some(Kind::Docx));
        let xlsx = zip(&[
            ("[Content_Types].xml", b"<x/>"),
            ("xl/workbook.xml", b"<w/>"),
        ]);
        assert_eq!(sniff(&xlsx), Some(Kind::Xlsx));
        let odt = zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<o/>"),
        ]);
        assert_eq!(sniff(&odt), Some(Kind::Odt));
        // A plain ZIP, HTML, a script and an executable are refused whatever their name.
        assert_eq!(sniff(&zip(&[("a.txt", b"hello")])), None);
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b"#!/bin/sh\nrm -rf /"), None);
        assert_eq!(sniff(b"MZ\x90\x00"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"PK\x03\x04"), None, "a truncated archive");
    }

    #[test]
    fn jpeg_loses_exif_and_comments_but_keeps_the_image() {
        let mut jpeg = b"\xFF\xD8".to_vec();
        jpeg.extend_from_slice(b"\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00");
        let exif = b"Exif\x00\x00GPS 56.9496N 24.1052E Canon";
        jpeg.extend_from_slice(&[0xFF, 0xE1]);
        jpeg.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap_or(0).to_be_bytes());
        jpeg.extend_from_slice(exif);
        let comment = b"taken at home";
        jpeg.extend_from_slice(&[0xFF, 0xFE]);
        jpeg.extend_from_slice(&u16::try_from(comment.len() + 2).unwrap_or(0).to_be_bytes());
        jpeg.extend_from_slice(comment);
        jpeg.extend_from_slice(b"\xFF\xDB\x00\x04\x01\x02");
        let mpf = b"MPF\x00secondary image with GPS 56.9";
        jpeg.extend_from_slice(&[0xFF, 0xE2]);
        jpeg.extend_from_slice(&u16::try_from(mpf.len() + 2).unwrap_or(0).to_be_bytes());
        jpeg.extend_from_slice(mpf);
        jpeg.extend_from_slice(b"\xFF\xDA\x00\x02IMAGE\xFF\x00DATA\xFF\xD0MORE\xFF\xD9");
        jpeg.extend_from_slice(b"\xFF\xD8\xFF\xE1\x00\x08GPS!!\xFF\xD9 trailer with GPS");
        let out = strip_jpeg(&jpeg).unwrap_or_default();
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("GPS") && !text.contains("Canon") && !text.contains("home"));
        assert!(
            text.contains("JFIF") && text.contains("IMAGE\u{FFFD}\0DATA"),
            "{text}"
        );
        assert!(text.contains("MORE"));
        assert!(out.starts_with(b"\xFF\xD8") && out.ends_with(b"\xFF\xD9"));
        assert_eq!(strip_jpeg(b"\xFF\xD8\xFF\xE1\x00\xFF"), None, "truncated");
    }

    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = u32::try_from(data.len())
            .unwrap_or(0)
            .to_be_bytes()
            .to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    /// A PNG's signature and header chunk declaring `w` × `h` (nothing more is read).
    fn png_header(w: u32, h: u32) -> Vec<u8> {
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([8, 6, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &ihdr));
        png.extend(chunk(b"IEND", b""));
        png
    }

    #[test]
    fn images_declaring_too_many_pixels_are_refused_from_the_header() {
        assert_eq!(
            check(
                Kind::Png,
                &png_header(100_000, 100_000),
                &crate::archive::Limits::default()
            ),
            Err(Refusal::TooManyPixels)
        );
        assert_eq!(
            check(
                Kind::Png,
                &png_header(8_000, 8_000),
                &crate::archive::Limits::default()
            ),
            Err(Refusal::TooManyPixels),
            "64 megapixels"
        );
        assert_eq!(
            check(
                Kind::Png,
                &png_header(13_000, 10),
                &crate::archive::Limits::default()
            ),
            Err(Refusal::TooManyPixels)
        );
        assert_eq!(
            check(
                Kind::Png,
                &png_header(4_000, 3_000),
                &crate::archive::Limits::default()
            ),
            Ok(())
        );
        assert_eq!(
            check(
                Kind::Png,
                b"\x89PNG\r\n\x1a\n",
                &crate::archive::Limits::default()
            ),
            Err(Refusal::Damaged)
        );
        assert_eq!(
            image_size(Kind::Png, &png_header(640, 480)),
            Some((640, 480))
        );
        // Real encoders' files, as a camera or an editor writes them.
        let img = image::DynamicImage::new_rgb8(321, 123);
        for (format, kind) in [
            (image::ImageFormat::Png, Kind::Png),
            (image::ImageFormat::Jpeg, Kind::Jpeg),
        ] {
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, format).unwrap_or_default();
            assert_eq!(
                image_size(kind, out.get_ref()),
                Some((321, 123)),
                "{kind:?}"
            );
            assert_eq!(
                check(kind, out.get_ref(), &crate::archive::Limits::default()),
                Ok(())
            );
        }
        // A JPEG's frame header: 65 000 × 65 000.
        let jpeg = b"\xFF\xD8\xFF\xC0\x00\x11\x08\xFD\xE8\xFD\xE8\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xD9";
        assert_eq!(
            check(Kind::Jpeg, jpeg, &crate::archive::Limits::default()),
            Err(Refusal::TooManyPixels)
        );
        // A frame of no height (left to a later DNL marker) is not taken on trust.
        let unsized_frame = b"\xFF\xD8\xFF\xC0\x00\x11\x08\x00\x00\x00\x10\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xD9";
        assert_eq!(
            check(
                Kind::Jpeg,
                unsized_frame,
                &crate::archive::Limits::default()
            ),
            Err(Refusal::Damaged)
        );
    }

    #[test]
    fn png_loses_text_time_and_exif_chunks() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0; 13]));
        png.extend(chunk(b"tEXt", b"Author\x00Jane"));
        png.extend(chunk(b"eXIf", b"GPS"));
        png.extend(chunk(b"tIME", &[0; 7]));
        png.extend(chunk(b"IDAT", b"PIXELS"));
        png.extend(chunk(b"IEND", b""));
        let out = strip_png(&png).unwrap_or_default();
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("Jane") && !text.contains("GPS") && !text.contains("tIME"));
        assert!(text.contains("IHDR") && text.contains("PIXELS") && text.contains("IEND"));
        assert_eq!(strip_png(&png[..png.len() - 5]), None, "truncated");
    }
}
