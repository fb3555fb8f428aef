//! Event documents: the type told from the content, photos without their metadata, files
//! outside the web root served only as attachments, public ones only on public events.

use domain::auth::Role;
use testkit::{Client, Resp, TestApp};

use crate::ok;

async fn upload(c: &Client, path: &str, fields: &[(&str, &str)], name: &str, bytes: &[u8]) -> Resp {
    c.post_multipart(path, fields, "file", name, bytes).await
}

/// A small JPEG whose EXIF holds a place and a camera.
fn jpeg_with_exif() -> Vec<u8> {
    let mut j = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".to_vec();
    let exif = b"Exif\x00\x00GPS 56.65N 23.72E Jelgava NIKON";
    j.extend_from_slice(&[0xFF, 0xE1]);
    j.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap_or(0).to_be_bytes());
    j.extend_from_slice(exif);
    // The frame header: 8-bit, 2 × 1 pixels, one component.
    j.extend_from_slice(b"\xFF\xC0\x00\x0B\x08\x00\x01\x00\x02\x01\x01\x11\x00");
    j.extend_from_slice(b"\xFF\xDA\x00\x02PIXELS\xFF\xD9");
    j
}

#[tokio::test]
async fn documents_are_checked_cleaned_kept_apart_and_served_as_attachments() {
    let app = TestApp::spawn().await;
    let event = app.fixtures.event;
    let c = app.login(Role::Coordinator).await;
    let path = format!("/lv/events/{event}/documents");
    assert_eq!(c.get(&path).await.status, 200);
    // An HTML page named .pdf is refused; the title typed stays.
    let res = upload(
        &c,
        &path,
        &[("title", "Ziņojums")],
        "zinojums.pdf",
        b"<html><script>alert(1)</script></html>",
    )
    .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("file-error"));
    assert!(res.text.contains("value=\"Ziņojums\""));
    // No title.
    let res = upload(&c, &path, &[], "a.pdf", b"%PDF-1.7\n%%EOF").await;
    assert_eq!(res.status, 422);
    // A photo (named .png, really a JPEG) loses its EXIF; public.
    let res = upload(
        &c,
        &path,
        &[("title", "Sanāksmes foto"), ("public", "1")],
        "foto.png",
        &jpeg_with_exif(),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.text);
    // An internal PDF.
    let res = upload(
        &c,
        &path,
        &[("title", "Iekšējs protokola projekts")],
        "projekts.pdf",
        b"%PDF-1.7\nsecret\n%%EOF",
    )
    .await;
    assert_eq!(res.status, 303);
    let docs = ok(store::event_documents::for_event(&app.db, event, false).await);
    assert_eq!(docs.len(), 2);
    let photo = docs
        .iter()
        .find(|d| d.title == "Sanāksmes foto")
        .cloned()
        .unwrap_or_else(|| panic!("photo"));
    let draft = docs
        .iter()
        .find(|d| d.kind == "pdf")
        .cloned()
        .unwrap_or_else(|| panic!("pdf"));
    assert_eq!(photo.kind, "jpeg");
    // The bytes are outside the web root, unreadable to others, without the EXIF.
    let file = app.settings.files_dir().join(&photo.sha256);
    let stored = std::fs::read(&file).unwrap_or_default();
    assert!(!stored.is_empty());
    let text = String::from_utf8_lossy(&stored);
    assert!(!text.contains("GPS") && !text.contains("NIKON"));
    assert!(text.contains("PIXELS"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0);
        assert_eq!(mode, 0o600);
    }
    // Workspace download: an attachment with the real type, never sniffed.
    let res = c.get(&format!("{path}/{}", photo.id)).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("image/jpeg"));
    assert!(
        res.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment;") && d.contains(".jpg"))
    );
    assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
    // Public: the public photo yes, the internal draft no; the public page lists only the photo.
    let anon = app.client();
    let public_page = anon.get(&format!("/lv/calendar/{event}")).await;
    assert!(public_page.text.contains("Sanāksmes foto"));
    assert!(!public_page.text.contains("Iekšējs protokola projekts"));
    assert_eq!(
        anon.get(&format!("/lv/calendar/{event}/documents/{}", photo.id))
            .await
            .status,
        200
    );
    assert_eq!(
        anon.get(&format!("/lv/calendar/{event}/documents/{}", draft.id))
            .await
            .status,
        404
    );
    // Internal documents: not for users whose organisation does not organise the event.
    let mediator = app.login(Role::Mediator).await;
    assert_eq!(
        mediator.get(&format!("{path}/{}", draft.id)).await.status,
        404
    );
    assert_eq!(
        mediator.get(&format!("{path}/{}", photo.id)).await.status,
        200
    );
    let ws = mediator.get(&format!("/lv/events/{event}")).await;
    assert!(!ws.text.contains("Iekšējs protokola projekts"));
    // Removing the document removes the file.
    let res = c
        .post_form(&format!("{path}/{}/delete", photo.id), &[])
        .await;
    assert_eq!(res.status, 303);
    assert!(!file.exists());
    assert_eq!(
        anon.get(&format!("/lv/calendar/{event}/documents/{}", photo.id))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn the_size_limit_is_configurable() {
    let app = TestApp::spawn_with(|s| s.files.max_upload_mb = 1).await;
    let c = app.login(Role::Coordinator).await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(1024 * 1024 + 10, b'x');
    let res = upload(
        &c,
        &format!("/lv/events/{}/documents", app.fixtures.event),
        &[("title", "Liels")],
        "liels.pdf",
        &big,
    )
    .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("pārāk liels"));
    assert!(
        ok(store::event_documents::for_event(&app.db, app.fixtures.event, false).await).is_empty()
    );
}
