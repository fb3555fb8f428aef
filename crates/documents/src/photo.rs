//! Photos for the public site: decoded within limits (no decompression bomb), turned upright
//! by their EXIF orientation, scaled down to a width for the web, and encoded anew — the new
//! file carries no metadata (no camera, time or place), and a JPEG stays a JPEG, a PNG a PNG.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, Limits};

use crate::sniff::Kind;

/// Why a photo was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("not a JPEG or PNG photo")]
    NotAPhoto,
    #[error("the photo is larger than {0} pixels a side or 50 megapixels")]
    TooLarge(u32),
    #[error("the photo cannot be read")]
    Damaged,
}

/// A photo ready for the web.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebPhoto {
    pub kind: Kind,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

pub use crate::sniff::{MAX_PIXELS, MAX_SIDE};
/// The most memory the decoded photo may take (8-bit RGBA of `MAX_PIXELS`; a 16-bit photo
/// must be smaller).
const MAX_DECODED: u64 = MAX_PIXELS * 4;
/// JPEG quality of the re-encoded photo.
const QUALITY: u8 = 82;

/// Decodes, turns upright, scales to at most `max_width` pixels wide and re-encodes.
pub fn for_web(bytes: &[u8], max_width: u32) -> Result<WebPhoto, PhotoError> {
    let kind = match crate::sniff::sniff(bytes) {
        Some(k @ (Kind::Jpeg | Kind::Png)) => k,
        _ => return Err(PhotoError::NotAPhoto),
    };
    let format = if kind == Kind::Jpeg {
        ImageFormat::Jpeg
    } else {
        ImageFormat::Png
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(classify)?;
    // `into_decoder` checks the sides only: check the pixels and the decoded size too.
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(PhotoError::TooLarge(MAX_SIDE));
    }
    limits.reserve(decoder.total_bytes()).map_err(classify)?;
    let orientation = decoder.orientation().map_err(classify)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(classify)?;
    img.apply_orientation(orientation);
    if img.width() > max_width {
        img = img.resize(max_width, u32::MAX, FilterType::Lanczos3);
    }
    let (width, height) = (img.width(), img.height());
    let mut out = Vec::new();
    if kind == Kind::Jpeg {
        let rgb = img.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, QUALITY)
            .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)
            .map_err(|_| PhotoError::Damaged)?;
    } else {
        let rgba = img.to_rgba8();
        PngEncoder::new(&mut out)
            .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)
            .map_err(|_| PhotoError::Damaged)?;
    }
    Ok(WebPhoto {
        kind,
        bytes: out,
        width,
        height,
    })
}

fn classify(e: image::ImageError) -> PhotoError {
    match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge(MAX_SIDE),
        _ => PhotoError::Damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JPEG of `w` × `h` with an EXIF block (orientation `o`, and a camera make that must
    /// not survive).
    fn jpeg_with_exif(w: u32, h: u32, o: u8) -> Vec<u8> {
        let mut exif = b"II\x2a\0\x08\0\0\0\x02\0\x12\x01\x03\0\x01\0\0\0".to_vec();
        exif.extend_from_slice(&[o, 0, 0, 0]);
        // Make (0x010f), ASCII, 8 bytes at offset 38.
        exif.extend_from_slice(b"\x0f\x01\x02\0\x08\0\0\0\x26\0\0\0");
        exif.extend_from_slice(&[0, 0, 0, 0]);
        exif.extend_from_slice(b"SPYCAM1\0");
        let pixels: Vec<u8> = (0..w * h * 3).map(|i| (i % 251) as u8).collect();
        let mut out = Vec::new();
        let mut enc = JpegEncoder::new_with_quality(&mut out, 90);
        enc.set_exif_metadata(exif).unwrap_or_default();
        enc.write_image(&pixels, w, h, image::ExtendedColorType::Rgb8)
            .unwrap_or_default();
        out
    }

    #[test]
    fn a_photo_is_turned_upright_scaled_down_and_loses_its_metadata() {
        let original = jpeg_with_exif(400, 200, 6);
        assert!(
            original.windows(7).any(|w| w == b"SPYCAM1"),
            "the fixture has EXIF"
        );
        let web = for_web(&original, 120).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(web.kind, Kind::Jpeg);
        // Orientation 6 (turn 90°): 400 × 200 stands up as 200 × 400, then 120 wide.
        assert_eq!((web.width, web.height), (120, 240));
        assert!(!web.bytes.windows(7).any(|w| w == b"SPYCAM1"));
        assert!(!web.bytes.windows(4).any(|w| w == b"Exif"));
        let back = image::load_from_memory(&web.bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((back.width(), back.height()), (120, 240));
    }

    #[test]
    fn small_photos_keep_their_size_and_pngs_stay_pngs() {
        let mut png = Vec::new();
        PngEncoder::new(&mut png)
            .write_image(&[200u8; 3 * 4 * 3], 3, 4, image::ExtendedColorType::Rgb8)
            .unwrap_or_default();
        let web = for_web(&png, 1600).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(web.kind, Kind::Png);
        assert_eq!((web.width, web.height), (3, 4));
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_small_file_that_decodes_huge_is_refused_before_decoding() {
        // 9 000 × 9 000 (81 megapixels) of one colour: a few hundred KiB compressed.
        let row = vec![0u8; 9_000 * 3];
        let mut png = Vec::new();
        {
            let enc = PngEncoder::new_with_quality(
                &mut png,
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::NoFilter,
            );
            let pixels: Vec<u8> = row
                .iter()
                .copied()
                .cycle()
                .take(9_000 * 9_000 * 3)
                .collect();
            enc.write_image(&pixels, 9_000, 9_000, image::ExtendedColorType::Rgb8)
                .unwrap_or_default();
        }
        assert!(png.len() < 3 * 1024 * 1024, "{}", png.len());
        assert_eq!(for_web(&png, 800), Err(PhotoError::TooLarge(MAX_SIDE)));
        // 16-bit RGBA of 7 000 × 7 000 (49 MP) needs 392 MB decoded: refused by size.
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&7_000u32.to_be_bytes());
        ihdr.extend_from_slice(&7_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[16, 6, 0, 0, 0]);
        let mut deep = b"\x89PNG\r\n\x1a\n\0\0\0\x0d".to_vec();
        deep.extend_from_slice(&ihdr);
        deep.extend_from_slice(&crc32(&ihdr).to_be_bytes());
        // An (empty) image data chunk, so the header reads as complete.
        let idat = b"IDAT\x78\x01\x01\x00\x00\xff\xff\x00\x00\x00\x01".to_vec();
        deep.extend_from_slice(&u32::try_from(idat.len() - 4).unwrap_or(0).to_be_bytes());
        deep.extend_from_slice(&idat);
        deep.extend_from_slice(&crc32(&idat).to_be_bytes());
        assert_eq!(for_web(&deep, 800), Err(PhotoError::TooLarge(MAX_SIDE)));
    }

    #[test]
    fn other_files_and_broken_photos_are_refused() {
        assert_eq!(for_web(b"%PDF-1.7 ...", 800), Err(PhotoError::NotAPhoto));
        // Cut inside its headers (a JPEG cut within its pixels decodes, grey at the end,
        // as browsers show it).
        let mut broken = jpeg_with_exif(64, 64, 1);
        broken.truncate(40);
        assert_eq!(for_web(&broken, 800), Err(PhotoError::Damaged));
        // A PNG header that claims 100 000 × 100 000 pixels (with its checksum right).
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut bomb = b"\x89PNG\r\n\x1a\n\0\0\0\x0d".to_vec();
        bomb.extend_from_slice(&ihdr);
        bomb.extend_from_slice(&crc32(&ihdr).to_be_bytes());
        assert_eq!(for_web(&bomb, 800), Err(PhotoError::TooLarge(MAX_SIDE)));
    }
}
