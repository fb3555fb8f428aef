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
