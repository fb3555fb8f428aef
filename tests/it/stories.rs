//! Success stories: the consent gate, withdrawal taking a story off every place the platform
//! serves it in the same request, photos (alt text, metadata, size) and the API.

use domain::auth::Role;
use image::ImageEncoder;
use testkit::{Client, TestApp};

use crate::ok;

/// Creates a story through the form; returns its id.
pub(crate) async fn write_story(c: &Client, title: &str) -> i64 {
    let res = c
        .post_form(
            "/lv/site/stories/new/edit",
            &[
                ("person_name", "Laura Paraugs"),
                ("title_lv", title),
                ("summary_lv", "Pabeidza koledžu."),
                ("body_lv", "Viņa strādā slimnīcā.\n\nUn mācās tālāk."),
                ("title_en", "From school to a diploma"),
                ("summary_en", "She finished college."),
                ("body_en", "She works in a hospital."),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    res.location()
        .unwrap_or_default()
        .trim_start_matches("/lv/site/stories/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default()
}

pub(crate) fn consent<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("given_on", "2026-11-20"),
        ("form_reference", "KM/2026-17"),
        ("named", "yes"),
        ("photo", "yes"),
    ];
    f.extend_from_slice(extra);
    f
}

#[tokio::test]
async fn a_story_is_public_only_with_consent_and_leaves_everywhere_when_it_is_withdrawn() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let anon = app.client();
    // A version in English needs all three parts; what was typed stays.
    let res = c
        .post_form(
            "/lv/site/stories/new/edit",
            &[
                ("person_name", "Laura"),
                ("title_lv", "Stāsts"),
                ("summary_lv", "Īsi"),
                ("body_lv", "Teksts"),
                ("title_en", "Story only"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"summary_en-error\""), "{}", res.text);
    assert!(res.text.contains("value=\"Story only\""));
    let id = write_story(&c, "No skolas sola līdz diplomam").await;
    let desk = format!("/lv/site/stories/{id}");
    let step = format!("{desk}/step");

    // No consent: it cannot go to review.
    let res = c.post_form(&step, &[("step", "review")]).await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("Nav spēkā esošas piekrišanas"),
        "{}",
        res.text
    );
    // A minor's consent needs the guardian and the child's view.
    let res = c
        .post_form(
            &format!("{desk}/consent"),
            &consent(&[("channels", "site"), ("minor", "yes")]),
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"guardian_name-error\""));
    assert!(res.text.contains("id=\"child_view-error\""));
    assert!(
        res.text.contains("value=\"KM/2026-17\""),
        "typed value kept"
    );
    // A consent for the press only does not open the site.
    let res = c
        .post_form(
            &format!("{desk}/consent"),
            &consent(&[("channels", "press")]),
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c.post_form(&step, &[("step", "review")]).await;
    assert_eq!(res.status, 422);
    assert!(
        res.text.contains("neaptver platformas vietni"),
        "{}",
        res.text
    );
    // A second consent while one stands is refused.
    let res = c
        .post_form(
            &format!("{desk}/consent"),
            &consent(&[("channels", "site")]),
        )
        .await;
    assert_eq!(
        res.status, 422,
        "the form is not offered, and a second is refused"
    );
    assert!(
        res.text.contains("vispirms atsauciet esošo"),
        "{}",
        res.text
    );
    let consents = ok(store::stories::consents(&app.db, id).await);
    assert_eq!(consents.len(), 1);

    // Withdraw the press consent, record one for the site, then review and publish.
    let res = c
        .post_form(
            &format!("{desk}/consent/withdraw"),
            &[("withdrawn_on", "2026-11-21")],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c
        .post_form(
            &format!("{desk}/consent"),
            &consent(&[("channels", "site"), ("channels", "social")]),
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(c.post_form(&step, &[("step", "review")]).await.status, 303);
    let public = format!("/lv/stories/{id}");
    assert_eq!(anon.get(&public).await.status, 404, "in review, not public");
    assert_eq!(c.post_form(&step, &[("step", "publish")]).await.status, 303);
    let page = anon.get(&public).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("<p>Viņa strādā slimnīcā.</p>"),
        "{}",
        page.text
    );
    let slug = format!("/stories/{id}-no-skolas-sola-lidz-diplomam");
    let en_slug = format!("/stories/{id}-from-school-to-a-diploma");
    assert!(anon.get("/lv/stories").await.text.contains(&slug));
    let feed = anon.get("/lv/stories.atom").await;
    assert!(feed.text.contains(&slug));
    assert_eq!(
        crate::site::texts_of(&feed.text, "title"),
        vec![
            "Romu platforma — Veiksmes stāsti",
            "No skolas sola līdz diplomam"
        ],
        "well-formed, one entry"
    );
    assert!(anon.get("/en/stories.atom").await.text.contains(&en_slug));
    assert!(anon.get("/sitemap.xml").await.text.contains(&slug));
    assert!(
        anon.get("/lv/").await.text.contains(&slug),
        "on the home page"
    );
    let page = anon.get(&public).await;
    let base = app
        .state
        .settings()
        .public_url
        .trim_end_matches('/')
        .to_owned();
    assert!(page.text.contains(&format!(
        "<meta property=\"og:url\" content=\"{base}/lv{slug}\">"
    )));
    assert!(
        page.text
            .contains("<meta property=\"og:title\" content=\"No skolas sola līdz diplomam\">")
    );
    assert!(
        anon.get("/api/v1/stories?q=slimnic")
            .await
            .text
            .contains("No skolas sola")
    );

    // Withdrawn: off the page, list, feeds, sitemap and API in the same request; the
    // editor is told, in the editor's language.
    {
        use sqlx::Connection as _;
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&app.settings.database)
            .busy_timeout(std::time::Duration::from_secs(10));
        let mut conn = ok(sqlx::SqliteConnection::connect_with(&opts).await);
        ok(
            sqlx::query("UPDATE users SET preferred_lang = 'en' WHERE email = $1")
                .bind(testkit::email_for(Role::Coordinator))
                .execute(&mut conn)
                .await,
        );
    }
    let res = c
        .post_form(
            &format!("{desk}/consent/withdraw"),
            &[("withdrawn_on", "2026-11-25")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(anon.get(&public).await.status, 404);
    assert!(!anon.get("/lv/stories").await.text.contains(&slug));
    assert!(!anon.get("/lv/stories.atom").await.text.contains(&slug));
    assert!(!anon.get("/en/stories.atom").await.text.contains(&en_slug));
    assert!(!anon.get("/sitemap.xml").await.text.contains(&slug));
    assert!(!anon.get("/lv/").await.text.contains(&slug));
    assert!(
        !anon
            .get("/api/v1/stories")
            .await
            .text
            .contains("No skolas sola")
    );
    let s = ok(store::stories::get(&app.db, id, false).await);
    assert_eq!(s.status, store::stories::Status::Withdrawn);
    let mails = ok(store::outbox::list(&app.db, 0).await).0;
    let mail = mails
        .iter()
        .find(|m| m.kind == "story_consent_withdrawn")
        .unwrap_or_else(|| panic!("no mail: {mails:?}"));
    assert_eq!(mail.to, testkit::email_for(Role::Coordinator));
    assert_eq!(mail.subject, "Consent withdrawn: From school to a diploma");
    assert!(
        mail.body
            .contains("has withdrawn their consent (2026-11-25)")
            && mail.body.contains(&format!("/en/site/stories/{id}")),
        "{}",
        mail.body
    );
    // Only a draft or a withdrawn story can be deleted; this one can.
    let res = c.post_form(&format!("{desk}/delete"), &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(c.get(&desk).await.status, 404);
    assert!(ok(store::stories::consents(&app.db, id).await).is_empty());
}

#[tokio::test]
async fn a_child_who_disagrees_is_not_published_and_nobody_else_reaches_the_desk() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = write_story(&c, "Mūzika skolā").await;
    let desk = format!("/lv/site/stories/{id}");
    let res = c
        .post_form(
            &format!("{desk}/consent"),
            &consent(&[
                ("channels", "site"),
                ("minor", "yes"),
                ("guardian_name", "Māte"),
                ("child_view", "disagrees"),
            ]),
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c
        .post_form(&format!("{desk}/step"), &[("step", "review")])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("Bērns pats nepiekrīt"), "{}", res.text);
    for role in [Role::Ngo, Role::Mediator, Role::Ministry] {
        let other = app.login(role).await;
        assert_eq!(other.get(&desk).await.status, 403, "{role}");
        assert_eq!(
            other
                .post_form(&format!("{desk}/step"), &[("step", "publish")])
                .await
                .status,
            403
        );
    }
}

/// A JPEG of `w` × `h` with EXIF naming a camera.
pub(crate) fn photo(w: u32, h: u32) -> Vec<u8> {
    let mut exif = b"II\x2a\0\x08\0\0\0\x01\0\x0f\x01\x02\0\x08\0\0\0\x1a\0\0\0\0\0\0\0".to_vec();
    exif.extend_from_slice(b"SPYCAM1\0");
    let pixels: Vec<u8> = (0..w * h * 3).map(|i| (i % 241) as u8).collect();
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    enc.set_exif_metadata(exif).unwrap_or_default();
    enc.write_image(&pixels, w, h, image::ExtendedColorType::Rgb8)
        .unwrap_or_default();
    out
}

#[tokio::test]
async fn photos_need_alt_text_lose_their_metadata_are_scaled_and_follow_the_story() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = write_story(&c, "Foto stāsts").await;
    let upload = format!("/lv/site/stories/{id}/photo");
    let original = photo(2000, 1000);
    assert!(original.windows(7).any(|w| w == b"SPYCAM1"));
    // No alt text: refused, nothing kept.
    let res = c
        .post_multipart(
            &upload,
            &[("alt_en", "A girl")],
            "photo",
            "a.jpg",
            &original,
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("id=\"alt_lv-error\""));
    assert!(res.text.contains("value=\"A girl\""));
    // Not a photo.
    let res = c
        .post_multipart(
            &upload,
            &[("alt_lv", "Meitene")],
            "photo",
            "a.jpg",
            b"%PDF-1.7",
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"photo-error\""));
    let res = c
        .post_multipart(
            &upload,
            &[("alt_lv", "Meitene ar vijoli")],
            "photo",
            "a.jpg",
            &original,
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let s = ok(store::stories::get(&app.db, id, false).await);
    let p = s.photo.clone().unwrap_or_else(|| panic!("no photo"));
    assert_eq!((p.width, p.height), (1600, 800));
    // The editor sees it; the public does not while the story is a draft.
    let (status, bytes) = c.get_bytes(&format!("/stories/{id}/photo")).await;
    assert_eq!(status, 200);
    assert!(!bytes.windows(7).any(|w| w == b"SPYCAM1"));
    assert!(!bytes.windows(4).any(|w| w == b"Exif"));
    let back = ok(image::load_from_memory(&bytes));
    assert_eq!((back.width(), back.height()), (1600, 800));
    let anon = app.client();
    assert_eq!(anon.get_bytes(&format!("/stories/{id}/photo")).await.0, 404);
    // Published: the public sees it with its alt text; anonymised: never.
    let desk = format!("/lv/site/stories/{id}");
    c.post_form(
        &format!("{desk}/consent"),
        &consent(&[("channels", "site")]),
    )
    .await;
    c.post_form(&format!("{desk}/step"), &[("step", "review")])
        .await;
    assert_eq!(
        c.post_form(&format!("{desk}/step"), &[("step", "publish")])
            .await
            .status,
        303
    );
    assert_eq!(anon.get_bytes(&format!("/stories/{id}/photo")).await.0, 200);
    let page = anon.get(&format!("/lv/stories/{id}")).await;
    assert!(
        page.text.contains("alt=\"Meitene ar vijoli\""),
        "{}",
        page.text
    );
    let res = c
        .post_form(
            &format!("{desk}/edit"),
            &[
                ("person_name", "Pseidonīms «Marta»"),
                ("anonymised", "yes"),
                ("title_lv", "Foto stāsts"),
                ("summary_lv", "Īsi."),
                ("body_lv", "Teksts."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    // A new name sends it back to review: publish it again.
    assert_eq!(anon.get(&format!("/lv/stories/{id}")).await.status, 404);
    assert_eq!(
        c.post_form(&format!("{desk}/step"), &[("step", "publish")])
            .await
            .status,
        303
    );
    assert_eq!(anon.get_bytes(&format!("/stories/{id}/photo")).await.0, 404);
    let page = anon.get(&format!("/lv/stories/{id}")).await;
    assert!(!page.text.contains("/photo"), "{}", page.text);
    assert!(page.text.contains("Pseidonīms «Marta»"));
}

/// A JPEG of noise: large as a file (as camera photos are), `w` × `h`.
fn noisy_photo(w: u32, h: u32) -> Vec<u8> {
    let mut x: u32 = 2_463_534_242;
    let pixels: Vec<u8> = (0..w * h * 3)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xff) as u8
        })
        .collect();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(&pixels, w, h, image::ExtendedColorType::Rgb8)
        .unwrap_or_default();
    out
}

#[tokio::test]
async fn a_camera_sized_photo_uploads_and_revealing_a_published_story_sends_it_back_to_review() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = write_story(&c, "Lielais foto").await;
    let desk = format!("/lv/site/stories/{id}");
    // Bigger than the 3 MiB form limit, smaller than the upload limit.
    let big = noisy_photo(2400, 1800);
    assert!(big.len() > 3 * 1024 * 1024, "{}", big.len());
    let res = c
        .post_multipart(
            &format!("{desk}/photo"),
            &[("alt_lv", "Ainava")],
            "photo",
            "big.jpg",
            &big,
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let s = ok(store::stories::get(&app.db, id, false).await);
    assert_eq!(s.photo.map(|p| p.width), Some(1600));

    // Anonymised and published: no place, no coverage, no photo in public.
    let res = c
        .post_form(
            &format!("{desk}/edit"),
            &[
                ("person_name", "Pseidonīms"),
                ("anonymised", "yes"),
                (
                    "territory_id",
                    &ok(store::territories::by_code(&app.db, "jelgava").await)
                        .id
                        .to_string(),
                ),
                ("title_lv", "Lielais foto"),
                ("summary_lv", "Īsi."),
                ("body_lv", "Teksts."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    c.post_form(
        &format!("{desk}/media"),
        &[
            ("kind", "press"),
            ("outlet", "Avīze"),
            ("media_title", "Raksts ar īsto vārdu"),
            ("url", "https://example.invalid/x"),
        ],
    )
    .await;
    c.post_form(
        &format!("{desk}/consent"),
        &consent(&[("channels", "site")]),
    )
    .await;
    c.post_form(&format!("{desk}/step"), &[("step", "review")])
        .await;
    c.post_form(&format!("{desk}/step"), &[("step", "publish")])
        .await;
    let anon = app.client();
    let page = anon.get(&format!("/lv/stories/{id}")).await;
    assert_eq!(page.status, 200);
    for hidden in ["Jelgava", "Raksts ar īsto vārdu", "/photo"] {
        assert!(!page.text.contains(hidden), "{hidden}: {}", page.text);
    }
    // Naming the person: off the site until reviewed again.
    let res = c
        .post_form(
            &format!("{desk}/edit"),
            &[
                ("person_name", "Laura Paraugs"),
                ("title_lv", "Lielais foto"),
                ("summary_lv", "Īsi."),
                ("body_lv", "Teksts."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(
        res.location()
            .unwrap_or_default()
            .contains("notice=story-back-to-review")
    );
    assert_eq!(anon.get(&format!("/lv/stories/{id}")).await.status, 404);
    // A withdrawal dated before the consent is refused, the date typed kept.
    let res = c
        .post_form(
            &format!("{desk}/consent/withdraw"),
            &[("withdrawn_on", "2026-01-02")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("value=\"2026-01-02\""));
    assert!(res.text.contains("id=\"withdrawn_on-error\""));
}

#[tokio::test]
async fn a_withdrawn_story_is_deleted_with_its_photo_a_month_later() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = write_story(&c, "Atsaukts stāsts").await;
    let desk = format!("/lv/site/stories/{id}");
    let res = c
        .post_multipart(
            &format!("{desk}/photo"),
            &[("alt_lv", "Portrets")],
            "photo",
            "a.jpg",
            &photo(300, 200),
        )
        .await;
    assert_eq!(res.status, 303);
    let sha = ok(store::stories::get(&app.db, id, false).await)
        .photo
        .map(|p| p.sha256)
        .unwrap_or_default();
    let file = app.state.settings().files_dir().join(&sha);
    assert!(file.exists());
    c.post_form(
        &format!("{desk}/consent"),
        &consent(&[("channels", "site")]),
    )
    .await;
    let today = app.state.today().to_string();
    let res = c
        .post_form(
            &format!("{desk}/consent/withdraw"),
            &[("withdrawn_on", today.as_str())],
        )
        .await;
    assert_eq!(res.status, 303);
    // Kept for the editor for a month…
    app.advance_minutes(29 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.stories_deleted, 0);
    assert!(store::stories::get(&app.db, id, false).await.is_ok());
    // …then deleted with its consents and its photo file.
    app.advance_minutes(2 * 24 * 60);
    let done = ok(web::jobs::run_due(&app.state).await);
    assert_eq!(done.stories_deleted, 1);
    assert!(matches!(
        store::stories::get(&app.db, id, false).await,
        Err(store::Error::NotFound)
    ));
    assert!(ok(store::stories::consents(&app.db, id).await).is_empty());
    assert!(!file.exists());
    assert_eq!(ok(store::audit::count(&app.db, "story_deleted").await), 1);
}

#[tokio::test]
async fn a_consent_that_does_not_cover_the_name_or_the_photo_keeps_the_story_off() {
    let app = TestApp::spawn().await;
    let c = app.login(Role::Coordinator).await;
    let id = write_story(&c, "Bez vārda").await;
    let desk = format!("/lv/site/stories/{id}");
    let res = c
        .post_form(
            &format!("{desk}/consent"),
            &[
                ("channels", "site"),
                ("given_on", "2026-11-20"),
                ("form_reference", "KM/2026-18"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c
        .post_form(&format!("{desk}/step"), &[("step", "review")])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("neļauj nosaukt personu"), "{}", res.text);
    // Anonymised it may go on; an anonymised story shows no photo, so one does not block it.
    let res = c
        .post_form(
            &format!("{desk}/edit"),
            &[
                ("person_name", "Pseidonīms"),
                ("anonymised", "yes"),
                ("title_lv", "Bez vārda"),
                ("summary_lv", "Īsi."),
                ("body_lv", "Teksts."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c
        .post_multipart(
            &format!("{desk}/photo"),
            &[("alt_lv", "Rokas")],
            "photo",
            "a.jpg",
            &photo(200, 100),
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        c.post_form(&format!("{desk}/step"), &[("step", "review")])
            .await
            .status,
        303
    );
    assert_eq!(
        c.post_form(&format!("{desk}/step"), &[("step", "publish")])
            .await
            .status,
        303
    );
    // Named again: back to review, and there it stays without a consent that names.
    let res = c
        .post_form(
            &format!("{desk}/edit"),
            &[
                ("person_name", "Laura Paraugs"),
                ("title_lv", "Bez vārda"),
                ("summary_lv", "Īsi."),
                ("body_lv", "Teksts."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = c
        .post_form(&format!("{desk}/step"), &[("step", "publish")])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("neļauj nosaukt personu"));
    assert_eq!(
        app.client().get(&format!("/lv/stories/{id}")).await.status,
        404
    );
}
