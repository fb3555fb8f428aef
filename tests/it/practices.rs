//! The good-practice library: submission and review, what is public when, the full-text
//! search with its folding, prefixes, ranking and facets, and the public API.

use domain::auth::Role;
use store::practices::{Decision, Editor, Practice, Query};
use testkit::TestApp;

use crate::ok;

pub(crate) async fn place(app: &TestApp, code: &str) -> i64 {
    ok(store::territories::by_code(&app.db, code).await).id
}

/// A practice written straight through the store by the coordinator; `publish` publishes it.
pub(crate) async fn seed(app: &TestApp, p: Practice, publish: bool) -> i64 {
    let actor = store::Actor::cli();
    let editor = Editor {
        user_id: app.user_id(Role::Coordinator),
        organisation_id: None,
        coordinator: true,
    };
    let id = ok(store::practices::save(&app.db, app.clock_now(), &actor, editor, &p, true).await);
    if publish {
        ok(
            store::practices::review(&app.db, app.clock_now(), &actor, id, &Decision::Publish)
                .await,
        );
    }
    id
}

pub(crate) fn practice(title: &str, summary: &str, body: &str, territory_id: i64) -> Practice {
    Practice {
        title_lv: title.to_owned(),
        summary_lv: summary.to_owned(),
        problem_lv: format!("<p>{body}</p>"),
        activities_lv: "<p>Nodarbības.</p>".to_owned(),
        results_lv: "<p>Rezultāti.</p>".to_owned(),
        target_groups: vec![domain::site::PracticeTarget::Children],
        areas: vec![domain::event::Objective::Education],
        territory_id,
        year_from: 2024,
        implementers: "Pašvaldība".to_owned(),
        ..Practice::default()
    }
}

const FORM: &[(&str, &str)] = &[
    ("title_lv", "Mācību atbalsts romu bērniem"),
    ("summary_lv", "Skolotāja palīgs divreiz nedēļā."),
    (
        "problem_lv",
        "Bērni kavēja skolu.<script>alert(1)</script><img src=x onerror=alert(2)>",
    ),
    ("activities_lv", "Nodarbības pēc stundām."),
    ("results_lv", "18 no 24 pabeidza gadu."),
    ("targets", "children"),
    ("targets", "families"),
    ("areas", "education"),
    ("year_from", "2024"),
    ("implementers", "Biedrība \"Romu ceļš\""),
    ("cost", "12 000"),
];

#[tokio::test]
async fn a_practice_is_public_only_while_published() {
    let app = TestApp::spawn().await;
    let anon = app.client();
    let ngo = app.login(Role::Ngo).await;
    let ventspils = place(&app, "ventspils").await.to_string();

    // Missing place: refused at the field, what was typed stays, nothing saved.
    let res = ngo
        .post_form("/lv/practice-submissions/new/edit", FORM)
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(
        res.text.contains("id=\"territory_id-error\""),
        "{}",
        res.text
    );
    assert!(res.text.contains("18 no 24 pabeidza gadu."));
    assert!(res.text.contains("value=\"families\" checked"));

    // A place that does not exist and a missing title: both named at once.
    let mut fields: Vec<(&str, &str)> = FORM
        .iter()
        .copied()
        .filter(|(k, _)| *k != "title_lv")
        .collect();
    fields.push(("territory_id", "999999"));
    let res = ngo
        .post_form("/lv/practice-submissions/new/edit", &fields)
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    for field in ["title_lv", "territory_id"] {
        assert!(
            res.text.contains(&format!("id=\"{field}-error\"")),
            "{field}: {}",
            res.text
        );
    }
    let (hits, _) = ok(store::practices::search(&app.db, &Query::default(), 2026).await);
    assert!(hits.is_empty());
    let none: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM practices")
        .fetch_one(&mut crate::cli::open_read_only(&app.settings.database).await)
        .await
        .unwrap_or(-1);
    assert_eq!(none, 0);

    // A draft: the author sees it, nobody else does.
    let mut fields = FORM.to_vec();
    fields.push(("territory_id", &ventspils));
    let res = ngo
        .post_form("/lv/practice-submissions/new/edit", &fields)
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let preview_path = res.location().unwrap_or_default().to_owned();
    let id: i64 = preview_path
        .trim_start_matches("/lv/practice-submissions/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    assert!(id > 0, "{preview_path}");
    let preview = ngo.get(&preview_path).await;
    assert_eq!(preview.status, 200);
    assert!(preview.text.contains("Melnraksts"), "{}", preview.text);
    let public = format!("/lv/practices/{id}");
    let municipality = app.login(Role::Municipality).await;
    for c in [&anon, &municipality] {
        assert_eq!(c.get(&public).await.status, 404);
    }
    assert_eq!(
        municipality
            .get(&format!("/lv/practice-submissions/{id}"))
            .await
            .status,
        404,
        "another organisation's draft"
    );
    assert_eq!(
        municipality
            .post_form(&format!("/lv/practice-submissions/{id}/edit"), &fields)
            .await
            .status,
        404
    );

    // A coordinator cannot publish a draft the author has not submitted.
    let coord = app.login(Role::Coordinator).await;
    let res = coord
        .post_form(
            &format!("/lv/practice-submissions/{id}/review"),
            &[("decision", "publish")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(anon.get(&public).await.status, 404);

    // Submitted: the author can no longer change it; still not public.
    let mut submit = fields.clone();
    submit.push(("action", "submit"));
    let res = ngo
        .post_form(&format!("/lv/practice-submissions/{id}/edit"), &submit)
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    assert_eq!(
        ngo.get(&format!("/lv/practice-submissions/{id}/edit"))
            .await
            .status,
        404
    );
    assert_eq!(anon.get(&public).await.status, 404);
    // Only a coordinator reviews.
    assert_eq!(
        ngo.post_form(
            &format!("/lv/practice-submissions/{id}/review"),
            &[("decision", "publish")]
        )
        .await
        .status,
        403
    );

    // Returned: a comment is needed; the author sees it and may change the practice.
    let queue = coord.get("/lv/practice-submissions").await;
    assert!(queue.text.contains("Gaida izskatīšanu"), "{}", queue.text);
    let review = format!("/lv/practice-submissions/{id}/review");
    let res = coord.post_form(&review, &[("decision", "return")]).await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("id=\"comment-error\""), "{}", res.text);
    let res = coord
        .post_form(
            &review,
            &[("decision", "return"), ("comment", "Pievienojiet avotus.")],
        )
        .await;
    assert_eq!(res.status, 303);
    let returned = ngo
        .get(&format!("/lv/practice-submissions/{id}/edit"))
        .await;
    assert!(returned.text.contains("Pievienojiet avotus."));
    // The texts come back as typed, not as the HTML they are kept in.
    assert!(
        returned
            .text
            .contains(">Nodarbības pēc stundām.</textarea>"),
        "{}",
        returned.text
    );
    assert!(!returned.text.contains("&lt;p&gt;Nodarbības"));
    assert_eq!(anon.get(&public).await.status, 404);
    let api = anon.get("/api/v1/practices").await;
    assert!(!api.text.contains("Mācību atbalsts"), "{}", api.text);

    // Published: on its page, in the library, the sitemap and the API — scripts removed.
    let res = ngo
        .post_form(&format!("/lv/practice-submissions/{id}/edit"), &submit)
        .await;
    assert_eq!(res.status, 303);
    let res = coord.post_form(&review, &[("decision", "publish")]).await;
    assert_eq!(res.status, 303);
    let page = anon.get(&public).await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Bērni kavēja skolu."), "{}", page.text);
    for bad in ["<script>alert", "onerror", "alert(", "src=\"x\""] {
        assert!(!page.text.contains(bad), "{bad}: {}", page.text);
    }
    assert!(
        page.text.contains("<dd>12\u{a0}000,00\u{a0}€</dd>")
            || page.text.contains("<dd>12 000,00 €</dd>"),
        "{}",
        page.text
    );
    let slugged = format!("/lv/practices/{id}-macibu-atbalsts-romu-berniem");
    assert!(
        anon.get("/lv/practices")
            .await
            .text
            .contains(&format!("href=\"{slugged}\""))
    );
    assert!(anon.get("/sitemap.xml").await.text.contains(&slugged));
    assert!(
        anon.get("/api/v1/practices")
            .await
            .text
            .contains("Mācību atbalsts")
    );

    // Taken off the site: gone from every place in the same request.
    let res = coord
        .post_form(
            &review,
            &[("decision", "return"), ("comment", "Jāprecizē izmaksas.")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(anon.get(&public).await.status, 404);
    assert!(!anon.get("/lv/practices").await.text.contains(&slugged));
    assert!(!anon.get("/sitemap.xml").await.text.contains(&slugged));
    assert!(
        !anon
            .get("/api/v1/practices?q=macibu")
            .await
            .text
            .contains("Mācību atbalsts")
    );
    assert_eq!(
        ok(store::audit::count(&app.db, "practice_published").await),
        1
    );
}

#[tokio::test]
async fn the_search_folds_diacritics_matches_word_starts_ranks_and_counts_facets() {
    let app = TestApp::spawn().await;
    let ventspils = place(&app, "ventspils").await;
    let valga = place(&app, "ee-valga").await;
    let rezekne = place(&app, "rezekne").await;
    let pupils = seed(
        &app,
        practice(
            "Skolēni mācās kopā",
            "Pēc stundām",
            "Atbalsts bērniem",
            ventspils,
        ),
        true,
    )
    .await;
    let in_title = seed(
        &app,
        practice(
            "Atbalsts skolas vecākiem",
            "Vecāku tikšanās",
            "Sarunas",
            rezekne,
        ),
        true,
    )
    .await;
    let in_body = seed(
        &app,
        practice(
            "Vecāku vakari",
            "Tikšanās reizi mēnesī",
            "Notiek skolas zālē",
            rezekne,
        ),
        true,
    )
    .await;
    let abroad = seed(
        &app,
        Practice {
            areas: vec![domain::event::Objective::Employment],
            target_groups: vec![domain::site::PracticeTarget::Adults],
            year_from: 2021,
            year_to: Some(2022),
            ..practice(
                "Darba konsultanti",
                "Palīdzība darba meklēšanā",
                "Kursi",
                valga,
            )
        },
        true,
    )
    .await;
    let draft = seed(
        &app,
        practice("Skolas melnraksts", "Nav publicēts", "skola", ventspils),
        false,
    )
    .await;
    let find = |q: &str| Query {
        q: q.to_owned(),
        ..Query::default()
    };
    let ids = |hits: &[store::practices::Hit]| hits.iter().map(|h| h.id).collect::<Vec<_>>();

    // "skola" finds "skolas" (title ranked above body), not the draft; not "Skolēni".
    let (hits, _) = ok(store::practices::search(&app.db, &find("skola"), 2026).await);
    assert_eq!(ids(&hits), vec![in_title, in_body]);
    assert!(!ids(&hits).contains(&draft));
    // "skolen" and "SKOLĒN" find "Skolēni"; "vecaku" finds "Vecāku".
    for q in ["skolen", "SKOLĒN", "skolēni mācās"] {
        let (hits, _) = ok(store::practices::search(&app.db, &find(q), 2026).await);
        assert_eq!(ids(&hits), vec![pupils], "{q}");
    }
    let (hits, _) = ok(store::practices::search(&app.db, &find("vecaku"), 2026).await);
    assert_eq!(hits.len(), 2);
    // Place names are searchable, in both languages; FTS syntax typed is just words.
    let (hits, _) = ok(store::practices::search(&app.db, &find("igaunija"), 2026).await);
    assert_eq!(ids(&hits), vec![abroad]);
    let (hits, _) = ok(store::practices::search(&app.db, &find("NEAR( \"* OR"), 2026).await);
    assert!(hits.is_empty());

    // Facets: each counted with the other choices applied.
    let (hits, facets) = ok(store::practices::search(&app.db, &Query::default(), 2026).await);
    assert_eq!(hits.len(), 4);
    assert_eq!(facets.area.get("education"), Some(&3));
    assert_eq!(facets.area.get("employment"), Some(&1));
    assert_eq!(facets.place.get("latgale"), Some(&2));
    assert_eq!(facets.place.get("EE"), Some(&1));
    assert_eq!(facets.year.get(&2021), Some(&1));
    assert_eq!(
        facets.year.get(&2026),
        Some(&3),
        "open periods run to this year"
    );
    let q = Query {
        place: Some("latgale".to_owned()),
        ..Query::default()
    };
    let (hits, facets) = ok(store::practices::search(&app.db, &q, 2026).await);
    assert_eq!(hits.len(), 2);
    assert_eq!(
        facets.place.get("kurzeme"),
        Some(&1),
        "the place facet ignores its own choice"
    );
    assert_eq!(facets.area.get("employment"), None);
    let q = Query {
        year: Some(2022),
        ..Query::default()
    };
    let (hits, _) = ok(store::practices::search(&app.db, &q, 2026).await);
    assert_eq!(ids(&hits), vec![abroad]);

    // The public page: the same search, and a wrong facet value is a message, not a 500.
    let anon = app.client();
    let page = anon.get("/lv/practices?q=skolen").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Skolēni mācās kopā"));
    assert!(!page.text.contains("Vecāku vakari"));
    let page = anon.get("/en/practices?place=EE").await;
    assert!(page.text.contains("Darba konsultanti"), "{}", page.text);
    assert!(page.text.contains("Estonia (1)"), "{}", page.text);
    let bad = anon.get("/lv/practices?area=%3Cscript%3E&year=abc").await;
    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("id=\"area-error\""), "{}", bad.text);
    assert!(!bad.text.contains("<script>"));
}

#[tokio::test]
async fn the_api_lists_published_practices_with_search_and_facets() {
    let app = TestApp::spawn().await;
    let valga = place(&app, "ee-valga").await;
    let id = seed(
        &app,
        Practice {
            title_en: Some("Cross-border mediators".to_owned()),
            summary_en: Some("Mediators of two countries meet.".to_owned()),
            ..practice(
                "Pārrobežu mediatori",
                "Divu valstu mediatori tiekas.",
                "Tikšanās",
                valga,
            )
        },
        true,
    )
    .await;
    let c = app.client();
    let res = c.get("/api/v1/practices?q=mediat&lang=en").await;
    assert_eq!(res.status, 200);
    let v: serde_json::Value = serde_json::from_str(&res.text).unwrap_or_default();
    let item = &v["items"][0];
    assert_eq!(item["id"], id);
    assert_eq!(item["title"], "Cross-border mediators");
    assert_eq!(item["language"], "en");
    assert_eq!(item["country"], "EE");
    assert_eq!(
        item["sections"]["problem"], "<p>Tikšanās</p>",
        "falls back to Latvian"
    );
    assert!(
        item["url"]
            .as_str()
            .unwrap_or_default()
            .ends_with(&format!("/en/practices/{id}-cross-border-mediators"))
    );
    assert_eq!(v["facets"]["place"]["EE"], 1);
    let res = c.get("/api/v1/practices?target=aliens&lang=de").await;
    assert_eq!(res.status, 422);
    assert!(res.text.contains("target"), "{}", res.text);
    let doc = c.get("/api/v1/openapi.json").await;
    assert!(doc.text.contains("/api/v1/practices"));
}

#[tokio::test]
async fn a_practice_s_images_and_documents_follow_its_status() {
    let app = TestApp::spawn().await;
    let ngo = app.login(Role::Ngo).await;
    let ventspils = place(&app, "ventspils").await.to_string();
    let mut fields = FORM.to_vec();
    fields.push(("territory_id", &ventspils));
    let res = ngo
        .post_form("/lv/practice-submissions/new/edit", &fields)
        .await;
    assert_eq!(res.status, 303);
    let preview = res
        .location()
        .unwrap_or_default()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    let id: i64 = preview
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    let upload = format!("{preview}/files");
    let jpeg = crate::stories::photo(2400, 1200);
    // An image needs its alt text; what was typed stays.
    let res = ngo
        .post_multipart(
            &upload,
            &[("file_title", "Nodarbība")],
            "file",
            "a.jpg",
            &jpeg,
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text);
    assert!(res.text.contains("id=\"alt_lv-error\""), "{}", res.text);
    assert!(res.text.contains("value=\"Nodarbība\""));
    let res = ngo
        .post_multipart(
            &upload,
            &[
                ("file_title", "Nodarbība"),
                ("alt_lv", "Bērni pie galda ar grāmatām"),
            ],
            "file",
            "a.jpg",
            &jpeg,
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let res = ngo
        .post_multipart(
            &upload,
            &[("file_title", "Izvērtējums")],
            "file",
            "izvertejums.pdf",
            b"%PDF-1.7\n1 0 obj\n%%EOF",
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.text);
    let files = ok(store::practices::files(&app.db, id).await);
    assert_eq!(files.len(), 2);
    assert_eq!((files[0].width, files[0].height), (Some(1600), Some(800)));
    let image = format!("/practices/{id}/files/{}", files[0].id);
    let document = format!("/practices/{id}/files/{}", files[1].id);
    // A draft's files: its author only.
    let anon = app.client();
    let other = app.login(Role::Municipality).await;
    assert_eq!(ngo.get_bytes(&image).await.0, 200);
    for c in [&anon, &other] {
        assert_eq!(c.get_bytes(&image).await.0, 404);
        assert_eq!(c.get_bytes(&document).await.0, 404);
    }
    assert_eq!(
        other
            .post_form(&format!("{preview}/files/{}/remove", files[1].id), &[])
            .await
            .status,
        404
    );
    // Published: everyone; the image carries no metadata, the document is an attachment.
    let coord = app.login(Role::Coordinator).await;
    assert_eq!(
        ngo.post_form(
            &format!("/lv/practice-submissions/{id}/edit"),
            &[fields.clone(), vec![("action", "submit")]].concat()
        )
        .await
        .status,
        303
    );
    assert_eq!(
        coord
            .post_form(
                &format!("/lv/practice-submissions/{id}/review"),
                &[("decision", "publish")]
            )
            .await
            .status,
        303
    );
    let (status, bytes) = anon.get_bytes(&image).await;
    assert_eq!(status, 200);
    assert!(!bytes.windows(7).any(|w| w == b"SPYCAM1"));
    let res = anon.get(&document).await;
    assert_eq!(res.status, 200);
    assert!(
        res.header("content-disposition")
            .unwrap_or_default()
            .starts_with("attachment")
    );
    let page = anon.get(&format!("/lv/practices/{id}")).await;
    assert!(
        page.text.contains("alt=\"Bērni pie galda ar grāmatām\""),
        "{}",
        page.text
    );
    assert!(page.text.contains(&format!("href=\"{document}\"")));
    // The author can no longer change a published practice; a coordinator can.
    assert_eq!(
        ngo.post_form(&format!("{preview}/files/{}/remove", files[1].id), &[])
            .await
            .status,
        404
    );
    assert_eq!(
        coord
            .post_form(&format!("{preview}/files/{}/remove", files[1].id), &[])
            .await
            .status,
        303
    );
    assert_eq!(anon.get_bytes(&document).await.0, 404);
}

#[tokio::test]
async fn a_merged_organisation_stays_the_contact_of_its_practices() {
    let app = TestApp::spawn().await;
    let cli = store::Actor::cli();
    let (survivor, duplicate) = (app.fixtures.org_a, app.fixtures.org_b);
    for org in [survivor, duplicate] {
        ok(store::listings::set(
            &app.db,
            app.clock_now(),
            &cli,
            store::listings::Subject::Organisation(org),
            &["name".to_owned()],
            "2026-11-01",
            "1",
        )
        .await);
    }
    let ventspils = place(&app, "ventspils").await;
    let id = seed(
        &app,
        Practice {
            contacts: vec![("organisation".to_owned(), duplicate)],
            organisation_id: Some(duplicate),
            ..practice("Kopīgs darbs", "Īsi", "Teksts", ventspils)
        },
        true,
    )
    .await;
    ok(
        store::merge::merge_organisations(&app.db, app.clock_now(), &cli, survivor, duplicate)
            .await,
    );
    let p = ok(store::practices::get(&app.db, id, true).await);
    assert_eq!(p.contacts, vec![("organisation".to_owned(), survivor)]);
    let page = app.client().get(&format!("/lv/practices/{id}")).await;
    let name = ok(store::organisations::get(&app.db, survivor).await).name_lv;
    assert!(page.text.contains(&name), "{}", page.text);
}
