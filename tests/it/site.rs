//! The public site's robots.txt, sitemap.xml and accessibility statement.

use testkit::TestApp;

#[tokio::test]
async fn robots_and_the_sitemap_list_the_public_pages_in_both_languages() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let robots = c.get("/robots.txt").await;
    assert_eq!(robots.status, 200);
    assert!(robots.text.contains("Disallow: /api/"), "{}", robots.text);
    let sitemap_line = format!(
        "Sitemap: {}/sitemap.xml",
        app.state.settings().public_url.trim_end_matches('/')
    );
    assert!(robots.text.contains(&sitemap_line), "{}", robots.text);
    let res = c.get("/sitemap.xml").await;
    assert_eq!(res.status, 200);
    // Well-formed XML, one <url> per language of every page, every address once.
    let locs = texts_of(&res.text, "loc");
    let unique: std::collections::BTreeSet<&String> = locs.iter().collect();
    assert_eq!(unique.len(), locs.len(), "{locs:?}");
    for page in [
        "/lv/",
        "/en/",
        "/lv/calendar",
        "/en/accessibility",
        "/lv/processing",
    ] {
        assert!(locs.iter().any(|l| l.ends_with(page)), "{page}: {locs:?}");
    }
    assert!(res.text.contains("hreflang=\"en\""));
    assert!(!res.text.contains("/workspace"), "{}", res.text);
}

#[tokio::test]
async fn the_accessibility_statement_says_its_status_evaluation_and_contact() {
    let app = TestApp::spawn().await;
    let c = app.client();
    let lv = c.get("/lv/accessibility").await;
    assert_eq!(lv.status, 200);
    for expected in [
        "Paziņojums par piekļūstamību",
        "daļēji atbilst",
        "Pēdējā novērtējuma datums",
        "mailto:platforma@example.invalid",
    ] {
        assert!(lv.text.contains(expected), "{expected}: {}", lv.text);
    }
    let en = c.get("/en/accessibility").await;
    assert!(en.text.contains("partially compliant"));
    // Linked from every page's footer.
    assert!(c.get("/en/").await.text.contains("/en/accessibility"));
}

#[tokio::test]
async fn coordinators_edit_the_site_pages_and_no_script_reaches_the_public() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    assert_eq!(
        anon.get("/lv/pages/about").await.status,
        404,
        "not saved yet"
    );
    let c = app.login(domain::auth::Role::Coordinator).await;
    let list = c.get("/lv/site/pages").await;
    assert!(list.text.contains("Par platformu"), "{}", list.text);
    // The Latvian title is needed; what was typed stays.
    let res = c
        .post_form(
            "/lv/site/pages/about/edit",
            &[("body_lv", "Teksts bez virsraksta")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"title_lv-error\""), "{}", res.text);
    assert!(res.text.contains("Teksts bez virsraksta"));
    let res = c
        .post_form(
            "/lv/site/pages/about/edit",
            &[
                ("title_lv", "Par Latvijas Romu platformu"),
                (
                    "body_lv",
                    "<h2>Mērķi</h2><p onclick=\"alert(1)\">Sadarbība <a href=\"javascript:alert(1)\">šeit</a></p><script>alert(2)</script><img src=x onerror=alert(3)>",
                ),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let page = anon.get("/lv/pages/about").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("<h2>Mērķi</h2>"), "{}", page.text);
    for bad in ["onclick", "javascript:", "<script>alert", "onerror"] {
        assert!(!page.text.contains(bad), "{bad}: {}", page.text);
    }
    // No English text yet: the Latvian one, marked as Latvian.
    let en = anon.get("/en/pages/about").await;
    assert!(en.text.contains("<article lang=\"lv\">"), "{}", en.text);
    assert!(en.text.contains("available in Latvian only"));
    // Plain text becomes paragraphs.
    let res = c
        .post_form(
            "/lv/site/pages/contacts/edit",
            &[
                ("title_lv", "Kontakti"),
                ("body_lv", "Kultūras ministrija\nRīga\n\nRakstiet mums"),
                ("title_en", "Contacts"),
                ("body_en", "Ministry of Culture"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = anon.get("/lv/pages/contacts").await;
    assert!(
        page.text.contains("<p>Kultūras ministrija<br>Rīga</p>"),
        "{}",
        page.text
    );
    assert!(
        anon.get("/en/pages/contacts")
            .await
            .text
            .contains("<p>Ministry of Culture</p>")
    );
    assert_eq!(anon.get("/lv/pages/other").await.status, 404);
    let sitemap = anon.get("/sitemap.xml").await;
    assert!(
        sitemap.text.contains("/lv/pages/about<"),
        "{}",
        sitemap.text
    );
}

/// Parses an XML document, panicking when it is not well-formed; returns the text of every
/// element named `name`.
pub(crate) fn texts_of(xml: &str, name: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => inside = e.name().into_inner() == name,
            Ok(quick_xml::events::Event::Text(t)) if inside => {
                let text: &str = t.as_ref();
                out.push(text.to_owned());
            }
            Ok(quick_xml::events::Event::End(_)) => inside = false,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{xml}"),
        }
    }
    out
}

#[tokio::test]
async fn a_draft_is_never_public_and_a_published_item_is_in_the_list_the_feed_and_the_sitemap() {
    let app = TestApp::spawn().await;
    let c = app.login(domain::auth::Role::Coordinator).await;
    let anon = app.client();
    // Refused: the Latvian summary is missing; what was typed stays.
    let res = c
        .post_form(
            "/lv/site/news/new/edit",
            &[
                ("kind", "call"),
                ("title_lv", "Aicinām pieteikties jauniešu darbnīcai"),
                ("body_lv", "Teksts"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"summary_lv-error\""), "{}", res.text);
    assert!(res.text.contains("Aicinām pieteikties jauniešu darbnīcai"));
    // Half an English version (a title only) is refused at the parts missing.
    let res = c
        .post_form(
            "/lv/site/news/new/edit",
            &[
                ("kind", "call"),
                ("title_lv", "Aicinām pieteikties jauniešu darbnīcai"),
                ("summary_lv", "Darbnīca romu jauniešiem Jelgavā (tests)"),
                ("body_lv", "Teksts"),
                ("title_en", "Apply for the youth workshop"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"summary_en-error\""), "{}", res.text);
    assert!(res.text.contains("id=\"body_en-error\""));
    assert!(res.text.contains("Apply for the youth workshop"));
    // A draft.
    let res = c
        .post_form(
            "/lv/site/news/new/edit",
            &[
                ("kind", "call"),
                ("title_lv", "Aicinām pieteikties jauniešu darbnīcai"),
                ("summary_lv", "Darbnīca romu jauniešiem Jelgavā (tests)"),
                (
                    "body_lv",
                    "<p>Pieteikties līdz 10. decembrim.</p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>",
                ),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let id = crate::ok(store::news::all(&app.db).await)
        .first()
        .map(|i| i.id)
        .unwrap_or_default();
    assert!(id > 0);
    assert_eq!(
        anon.get(&format!("/lv/news/{id}")).await.status,
        404,
        "a draft"
    );
    assert!(
        !anon
            .get("/lv/news")
            .await
            .text
            .contains("jauniešu darbnīcai")
    );
    assert!(texts_of(&anon.get("/lv/news.atom").await.text, "title").len() == 1);
    assert!(!anon.get("/sitemap.xml").await.text.contains("/news/"));
    // Published: in the list with a readable address, in the feed and the sitemap.
    let res = c
        .post_form(
            &format!("/lv/site/news/{id}/edit"),
            &[
                ("kind", "call"),
                ("title_lv", "Aicinām pieteikties jauniešu darbnīcai"),
                ("summary_lv", "Darbnīca romu jauniešiem Jelgavā (tests)"),
                (
                    "body_lv",
                    "<p>Pieteikties līdz 10. decembrim.</p><script>alert(1)</script>",
                ),
                ("publish", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let path = format!("/lv/news/{id}-aicinam-pieteikties-jauniesu-darbnicai");
    let list = anon.get("/lv/news").await;
    assert!(list.text.contains(&path), "{}", list.text);
    let page = anon.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("<p>Pieteikties līdz 10. decembrim.</p>"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("alert(1)"), "{}", page.text);
    let feed = anon.get("/lv/news.atom").await;
    assert!(feed.text.starts_with("<?xml"));
    let titles = texts_of(&feed.text, "title");
    assert!(
        titles
            .iter()
            .any(|t| t == "Aicinām pieteikties jauniešu darbnīcai"),
        "{titles:?}"
    );
    assert!(
        texts_of(&feed.text, "id")
            .iter()
            .any(|i| i.ends_with(&format!("/lv/news/{id}")))
    );
    let sitemap = anon.get("/sitemap.xml").await;
    assert!(sitemap.text.contains(&path), "{}", sitemap.text);
    // English: the Latvian text, marked, until it is translated.
    let en = anon.get(&format!("/en/news/{id}")).await;
    assert!(en.text.contains("<article lang=\"lv\">"), "{}", en.text);
    // The public API: prefix words, diacritics ignored; kinds; the language's fallback.
    let api = |q: &'static str| {
        let anon = app.client();
        async move { anon.get(&format!("/api/v1/news{q}")).await }
    };
    let res = api("?q=DARBN%20jaunies").await;
    assert_eq!(res.status, 200, "{}", res.text);
    let body = res.json();
    assert_eq!(body["items"].as_array().map(Vec::len), Some(1), "{body}");
    assert_eq!(body["items"][0]["kind"], "call");
    assert!(
        body["items"][0]["url"]
            .as_str()
            .unwrap_or_default()
            .ends_with(&path)
    );
    assert!(!res.text.contains("alert(1)"));
    assert_eq!(
        api("?q=skola").await.json()["items"]
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    assert_eq!(
        api("?kind=event").await.json()["items"]
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    assert_eq!(api("?kind=nav").await.status, 422);
    assert_eq!(api("?lang=en").await.json()["items"][0]["language"], "lv");
    // Back to a draft: gone from the public at once.
    let res = c
        .post_form(
            &format!("/lv/site/news/{id}/edit"),
            &[
                ("kind", "call"),
                ("title_lv", "Aicinām pieteikties jauniešu darbnīcai"),
                ("summary_lv", "Darbnīca romu jauniešiem Jelgavā (tests)"),
                ("body_lv", "Teksts"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(anon.get(&path).await.status, 404);
    assert!(
        !anon
            .get("/lv/news.atom")
            .await
            .text
            .contains("jauniešu darbnīcai")
    );
}

#[tokio::test]
async fn the_events_feed_lists_upcoming_public_events_as_well_formed_atom() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    for (lang, title) in [
        ("lv", "Ikgadējā sanāksme (tests)"),
        ("en", "Annual meeting (test)"),
    ] {
        let res = anon.get(&format!("/{lang}/calendar.atom")).await;
        assert_eq!(res.status, 200);
        assert!(res.text.contains("xmlns=\"http://www.w3.org/2005/Atom\""));
        let titles = texts_of(&res.text, "title");
        assert!(titles.iter().any(|t| t == title), "{titles:?}");
        assert!(
            res.text
                .contains(&format!("/{lang}/calendar/{}", app.fixtures.event))
        );
    }
    assert!(
        anon.get("/lv/calendar")
            .await
            .text
            .contains("/lv/calendar.atom")
    );
}

/// The `src`/`href` values of a page that point at another origin than the platform's.
fn foreign_references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\"", "action=\""] {
        for (i, _) in html.match_indices(attr) {
            let value = html[i + attr.len()..].split('"').next().unwrap_or_default();
            // Links a person follows (media coverage, mailto) are not loaded by the page.
            let before = &html[..i];
            let tag_start = before.rfind('<').unwrap_or(0);
            let tag = &html[tag_start..i];
            let navigation = tag.starts_with("<a ")
                || tag.starts_with("<link rel=\"canonical\"")
                || tag.starts_with("<link rel=\"alternate\"");
            if (value.starts_with("http") || value.starts_with("//")) && !navigation {
                out.push(value.to_owned());
            }
        }
    }
    out
}

#[tokio::test]
async fn public_pages_set_no_cookie_load_nothing_from_elsewhere_and_carry_open_graph() {
    use crate::stories::{consent, photo, write_story};
    let app = TestApp::spawn().await;
    let anon = app.client();
    // A published story with a photo and a media link, so the lists are not empty.
    let c = app.login(domain::auth::Role::Coordinator).await;
    let story = write_story(&c, "Stāsts ar foto").await;
    let desk = format!("/lv/site/stories/{story}");
    c.post_multipart(
        &format!("{desk}/photo"),
        &[("alt_lv", "Portrets")],
        "photo",
        "a.jpg",
        &photo(300, 200),
    )
    .await;
    c.post_form(
        &format!("{desk}/media"),
        &[
            ("kind", "online"),
            ("outlet", "Portāls"),
            ("media_title", "Raksts"),
            ("url", "https://example.invalid/raksts"),
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
    let res = c
        .post_form(&format!("{desk}/step"), &[("step", "publish")])
        .await;
    assert_eq!(res.status, 303);
    let story_page = format!("/lv/stories/{story}");
    for path in [
        story_page.as_str(),
        "/lv/",
        "/en/",
        "/lv/calendar",
        "/lv/news",
        "/lv/stories",
        "/lv/practices",
        "/lv/policy",
        "/lv/participation",
        "/lv/directory",
        "/lv/privacy",
        "/en/accessibility",
    ] {
        let res = anon.get(path).await;
        assert_eq!(res.status, 200, "{path}");
        assert!(res.header("set-cookie").is_none(), "{path} sets a cookie");
        let foreign = foreign_references(&res.text);
        assert!(foreign.is_empty(), "{path}: {foreign:?}");
    }
    // The home page: Open Graph with the absolute address, the public navigation, figures.
    let home = anon.get("/lv/").await;
    let base = app
        .state
        .settings()
        .public_url
        .trim_end_matches('/')
        .to_owned();
    assert!(
        home.text.contains(&format!(
            "<meta property=\"og:url\" content=\"{base}/lv/\">"
        )),
        "{}",
        home.text
    );
    assert!(home.text.contains("og:locale\" content=\"lv_LV\""));
    // One canonical address and the language alternates, absolute, with a default; a
    // description on every page (the home page's own).
    for expected in [
        format!("<link rel=\"canonical\" href=\"{base}/lv/\">"),
        format!("<link rel=\"alternate\" hreflang=\"lv\" href=\"{base}/lv/\">"),
        format!("<link rel=\"alternate\" hreflang=\"en\" href=\"{base}/en/\">"),
        format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}/lv/\">"),
    ] {
        assert!(home.text.contains(&expected), "{expected}: {}", home.text);
    }
    assert_eq!(home.text.matches("rel=\"canonical\"").count(), 1);
    assert_eq!(home.text.matches("<meta name=\"description\"").count(), 1);
    let searched = anon.get("/en/practices?q=skola").await;
    assert!(
        searched.text.contains(&format!(
            "<link rel=\"canonical\" href=\"{base}/en/practices\">"
        )),
        "{}",
        searched.text
    );
    assert!(
        searched
            .text
            .contains("<meta name=\"description\" content=\"")
    );
    assert!(home.text.contains("aria-label=\"Vietne\""));
    assert!(home.text.contains("Nākamie pasākumi"));
    assert!(
        home.text.contains("Ikgadējā sanāksme (tests)"),
        "the fixture's public event"
    );
    // A logged-in user gets the workspace navigation instead.
    let c = app.login(domain::auth::Role::Ngo).await;
    assert!(!c.get("/lv/").await.text.contains("aria-label=\"Vietne\""));
}

#[tokio::test]
async fn the_privacy_notice_names_the_controller_the_rights_and_the_records() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let lv = anon.get("/lv/privacy").await;
    assert_eq!(lv.status, 200);
    for expected in [
        "Kultūras ministrija",
        "Datu valsts inspekcijā",
        "neizmanto sīkdatnes",
        "href=\"/lv/processing\"",
        "mailto:platforma@example.invalid",
    ] {
        assert!(lv.text.contains(expected), "{expected}");
    }
    let en = anon.get("/en/privacy").await;
    assert!(en.text.contains("Data State Inspectorate"));
    assert!(
        anon.get("/en/news")
            .await
            .text
            .contains("href=\"/en/privacy\"")
    );
}
