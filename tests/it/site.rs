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
