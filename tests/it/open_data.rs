//! Open data: the measures dataset as CSV with its DCAT-AP description and the catalogue.

use testkit::TestApp;

#[tokio::test]
async fn the_measures_dataset_is_csv_with_a_dcat_ap_description_in_a_catalogue() {
    let app = TestApp::spawn().await;
    let seeded = crate::plans::seed(&app).await;
    let m = crate::ok(store::measures::get(&app.db, seeded.measure).await);
    let anon = app.client();
    let page = anon.get("/lv/open-data").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("href=\"/open-data/measures.csv\""));
    assert!(page.text.contains("1 rinda"), "{}", page.text);

    let res = anon.get("/open-data/measures.csv").await;
    assert_eq!(res.status, 200);
    assert!(
        res.header("content-type")
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert!(!res.text.starts_with('\u{feff}'), "no BOM for open data");
    let mut reader = csv::ReaderBuilder::new().from_reader(res.text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    assert_eq!(header[0], "plan");
    assert!(header.contains(&"status".to_owned()));
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(rows.len(), 1);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(usize::MAX);
    assert_eq!(&rows[0][col("measure")], m.code.as_str());
    assert_eq!(&rows[0][col("title_lv")], m.title_lv.as_str());
    assert_eq!(&rows[0][col("status")], m.status.as_str());

    let base = app
        .state
        .settings()
        .public_url
        .trim_end_matches('/')
        .to_owned();
    let res = anon.get("/open-data/measures.jsonld").await;
    assert_eq!(res.status, 200);
    assert!(
        res.header("content-type")
            .unwrap_or_default()
            .starts_with("application/ld+json")
    );
    let d: serde_json::Value = serde_json::from_str(&res.text).unwrap_or_default();
    assert_eq!(d["@type"], "dcat:Dataset");
    assert_eq!(d["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    assert_eq!(
        d["dcat:distribution"][0]["dcat:downloadURL"]["@id"],
        format!("{base}/open-data/measures.csv")
    );
    assert_eq!(d["dct:title"][0]["@language"], "lv");
    let cat: serde_json::Value =
        serde_json::from_str(&anon.get("/open-data/catalog.jsonld").await.text).unwrap_or_default();
    assert_eq!(cat["@type"], "dcat:Catalog");
    assert_eq!(
        cat["dcat:dataset"][0]["@id"],
        format!("{base}/open-data/measures.jsonld")
    );
    for missing in [
        "/open-data/nothing.csv",
        "/open-data/measures.xml",
        "/open-data/x.jsonld",
    ] {
        assert_eq!(anon.get(missing).await.status, 404, "{missing}");
    }
}

fn read_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    (header, reader.records().filter_map(Result::ok).collect())
}

/// A published count: empty with a note, or 0, or at least 10 and a multiple of 5.
fn controlled(value: &str, note: &str) -> bool {
    match value.parse::<i64>() {
        Ok(0) => note.is_empty(),
        Ok(n) => n >= 10 && n % 5 == 0 && note.is_empty(),
        Err(_) => value.is_empty() && (note == "<10" || note == "…"),
    }
}

#[tokio::test]
async fn participation_and_mediation_aggregates_are_published_under_disclosure_control() {
    let app = crate::reports::with_demo().await;
    let anon = app.client();
    let page = anon.get("/lv/open-data").await;
    assert!(page.text.contains("href=\"/open-data/participation.csv\""));
    assert!(page.text.contains("href=\"/open-data/mediation.csv\""));

    // Participation: the public statistics page's figures, year by year.
    let res = anon.get("/open-data/participation.csv").await;
    assert_eq!(res.status, 200);
    let (header, rows) = read_csv(&res.text);
    assert_eq!(
        header,
        ["year", "dimension", "group", "participants", "note"]
    );
    let public_2025 = crate::ok(
        store::statistics::participation(
            &app.db,
            &store::statistics::Filter::between(
                jiff::civil::date(2025, 1, 1),
                jiff::civil::date(2025, 12, 31),
                true,
            ),
            app.state.settings().youth(),
        )
        .await,
    );
    let total = rows
        .iter()
        .find(|r| &r[0] == "2025" && &r[1] == "total" && &r[2] == "participants")
        .unwrap_or_else(|| panic!("2025 total"));
    assert_eq!(
        total[3].parse::<i64>().ok(),
        domain::participation::publish_one(public_2025.participants).value()
    );
    for dimension in ["category", "gender", "age", "region", "roma"] {
        assert!(
            rows.iter().any(|r| &r[0] == "2025" && &r[1] == dimension),
            "{dimension}"
        );
    }
    assert!(rows.iter().any(|r| &r[1] == "region" && &r[2] == "latgale"));
    for r in rows
        .iter()
        .filter(|r| &r[1] != "total" || &r[2] != "events")
    {
        assert!(controlled(&r[3], &r[4]), "{r:?}");
    }

    // Mediation: by municipality and in total, never a small number.
    let res = anon.get("/open-data/mediation.csv").await;
    assert_eq!(res.status, 200);
    let (header, rows) = read_csv(&res.text);
    assert_eq!(
        header,
        [
            "year",
            "municipality",
            "families",
            "persons",
            "contacts",
            "referrals",
            "note"
        ]
    );
    assert!(
        rows.iter().any(|r| &r[1] == "total"),
        "a total line per year"
    );
    for r in &rows {
        for i in 2..=5 {
            if r[i].is_empty() {
                assert!(!r[6].is_empty(), "a withheld count has its note: {r:?}");
            } else {
                let n = r[i].parse::<i64>().unwrap_or(-1);
                assert!(n == 0 || (n >= 10 && n % 5 == 0), "{r:?}");
            }
        }
    }

    for name in ["participation", "mediation", "services"] {
        let d: serde_json::Value =
            serde_json::from_str(&anon.get(&format!("/open-data/{name}.jsonld")).await.text)
                .unwrap_or_default();
        assert_eq!(d["@type"], "dcat:Dataset", "{name}");
    }
    let cat: serde_json::Value =
        serde_json::from_str(&anon.get("/open-data/catalog.jsonld").await.text).unwrap_or_default();
    assert_eq!(cat["dcat:dataset"].as_array().map(Vec::len), Some(4));

    // A file is made at most every five minutes: a change shows after that, not before.
    let before = anon.get("/open-data/participation.csv").await.text;
    assert!(before.contains("2025,total,participants,"), "{before}");
    {
        use sqlx::Connection as _;
        let opts = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&app.settings.database)
            .busy_timeout(std::time::Duration::from_secs(10));
        let mut conn = crate::ok(sqlx::SqliteConnection::connect_with(&opts).await);
        crate::ok(
            sqlx::query("UPDATE events SET is_public = 0")
                .execute(&mut conn)
                .await,
        );
    }
    assert_eq!(anon.get("/open-data/participation.csv").await.text, before);
    app.advance_minutes(6);
    let after = anon.get("/open-data/participation.csv").await.text;
    assert_ne!(after, before);
    assert!(!after.contains("2025,total,participants,"), "{after}");
    app.stop().await;
}
