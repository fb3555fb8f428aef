//! Help in the app (issue 19, item 11): the user guide served from the same Markdown as the
//! book, each part of the platform linking its chapter from the header, and a new account's
//! first steps on the workspace home until put away.

use domain::auth::Role;
use testkit::TestApp;

#[tokio::test]
async fn the_guide_is_served_in_the_app_and_each_page_links_its_chapter() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let page = anon.get("/lv/help/events").await;
    assert_eq!(page.status, 200);
    // In Latvian on a Latvian page, in English on an English one.
    assert!(page.text.contains("<title>Pasākumi"), "{}", page.text);
    assert!(page.text.contains(">Romu mediācija</a>"), "{}", page.text);
    assert!(
        page.text.contains("<article class=\"guide\">"),
        "{}",
        page.text
    );
    let en = anon.get("/en/help/events").await;
    assert!(en.text.contains("<title>Events"), "{}", en.text);
    assert!(en.text.contains(">Roma mediation</a>"), "{}", en.text);
    // Links between its pages stay in the app; the screenshots are served.
    assert!(
        page.text.contains("href=\"/lv/help/mediation\""),
        "{}",
        page.text
    );
    assert!(
        page.text.contains("src=\"/help/images/calendar.png\""),
        "{}",
        page.text
    );
    let (status, bytes) = anon.get_bytes("/help/images/calendar.png").await;
    assert_eq!(status, 200);
    assert!(bytes.starts_with(b"\x89PNG"));
    assert_eq!(anon.get("/lv/help/nav-tadas").await.status, 404);
    assert_eq!(anon.get_bytes("/help/images/../../Cargo.toml").await.0, 404);
    assert_eq!(anon.get("/lv/help").await.status, 200);
    // The header's "Palīdzība" goes to the chapter of the page one is on.
    let m = app.login(Role::Mediator).await;
    let families = m.get("/lv/mediation").await;
    assert!(
        families
            .text
            .contains("<a href=\"/lv/help/mediation\">Palīdzība</a>"),
        "{}",
        families.text
    );
    let c = app.login(Role::Coordinator).await;
    let events = c.get("/en/events").await;
    assert!(
        events.text.contains("<a href=\"/en/help/events\">Help</a>"),
        "{}",
        events.text
    );
}

#[tokio::test]
async fn a_new_account_sees_its_first_steps_until_it_puts_them_away() {
    let app = TestApp::spawn().await;
    let m = app.login(Role::Mediator).await;
    let home = m.get("/lv/workspace").await;
    assert!(home.text.contains("Pirmie soļi"), "{}", home.text);
    assert!(home.text.contains("Atveriet pirmo ģimeni"), "{}", home.text);
    assert!(
        !home.text.contains("Izveidojiet kontus"),
        "a coordinator's step"
    );
    let c = app.login(Role::Coordinator).await;
    let home = c.get("/lv/workspace").await;
    assert!(
        home.text
            .contains("href=\"/lv/admin/users\">Izveidojiet kontus"),
        "{}",
        home.text
    );
    // Every step's link opens for its role.
    for role in Role::ALL {
        let client = app.login(role).await;
        let home = client.get("/lv/workspace").await;
        let section = home
            .text
            .split("id=\"first-steps\"")
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .unwrap_or_default()
            .to_owned();
        for href in section.split("href=\"").skip(1) {
            let href = href.split('"').next().unwrap_or_default();
            let href = href.split('#').next().unwrap_or_default();
            assert_eq!(client.get(href).await.status, 200, "{role}: {href}");
        }
    }
    // Put away: gone for this account (a button brings them back), still there for others.
    let res = m.post_form("/lv/workspace/first-steps", &[]).await;
    assert_eq!(res.status, 303);
    let home = m.get("/lv/workspace").await;
    assert!(!home.text.contains("Pirmie soļi"), "{}", home.text);
    assert!(
        home.text.contains("Rādīt pirmos soļus vēlreiz"),
        "{}",
        home.text
    );
    assert!(c.get("/lv/workspace").await.text.contains("Pirmie soļi"));
    let res = m
        .post_form("/lv/workspace/first-steps", &[("show", "again")])
        .await;
    assert_eq!(res.status, 303);
    let home = m.get("/lv/workspace").await;
    assert!(home.text.contains("Pirmie soļi"), "{}", home.text);
    assert!(!home.text.contains("Rādīt pirmos soļus vēlreiz"));
}
