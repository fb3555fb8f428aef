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
    let mut reader = quick_xml::Reader::from_str(&res.text);
    let mut locs = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => in_loc = e.name().into_inner() == "loc",
            Ok(quick_xml::events::Event::Text(t)) if in_loc => {
                let text: &str = t.as_ref();
                locs.push(text.to_owned());
            }
            Ok(quick_xml::events::Event::End(_)) => in_loc = false,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("sitemap.xml is not well-formed: {e}\n{}", res.text),
        }
    }
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
