//! Open data (issue 8, item 4): datasets as CSV (RFC 4180: comma, CRLF, UTF-8), each with
//! a DCAT-AP description in JSON-LD, and a catalogue of them — ready for the national
//! open-data portal, downloadable from the public site. Only data that is public anyway:
//! the measures of the plans in force or closed, and aggregates under disclosure control —
//! participation year by year (the public statistics page's figures, from the same
//! function) and mediation by municipality (as coordinators see it) — and the services of
//! the directory in force.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use serde_json::{Value, json};

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::page::PageCtx;

/// A dataset: its file name, title and description message ids, and keywords.
struct Dataset {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    keywords: &'static [&'static str],
}

const DATASETS: &[Dataset] = &[
    Dataset {
        name: "measures",
        title: "open-data-measures-title",
        description: "open-data-measures-description",
        keywords: &[
            "romi",
            "integrācija",
            "rīcības plāns",
            "Roma",
            "integration",
        ],
    },
    Dataset {
        name: "participation",
        title: "open-data-participation-title",
        description: "open-data-participation-description",
        keywords: &["romi", "līdzdalība", "Roma", "participation", "statistics"],
    },
    Dataset {
        name: "mediation",
        title: "open-data-mediation-title",
        description: "open-data-mediation-description",
        keywords: &["romi", "mediācija", "Roma", "mediation", "statistics"],
    },
    Dataset {
        name: "services",
        title: "open-data-services-title",
        description: "open-data-services-description",
        keywords: &["romi", "pakalpojumi", "Roma", "services", "opportunities"],
    },
];

/// The years an aggregate dataset covers: from the first year with data (`first`; this year
/// when none) to this year.
fn years(state: &AppState, first: Option<i16>) -> std::ops::RangeInclusive<i16> {
    let this = state.today().year();
    first.unwrap_or(this).min(this)..=this
}

/// A published count as the two columns of a dataset: the value (empty when withheld) and
/// the note ("<10" for 1–9 people, "…" hidden so a withheld one cannot be worked out).
fn published(cell: &documents::table::Cell) -> [String; 2] {
    match cell {
        documents::table::Cell::Int(n) => [n.to_string(), String::new()],
        other => [String::new(), other.plain()],
    }
}

fn dataset(name: &str) -> AppResult<&'static Dataset> {
    DATASETS
        .iter()
        .find(|d| d.name == name)
        .ok_or(AppError::NotFound)
}

/// The rows of a dataset: (header, rows).
async fn table(state: &AppState, name: &str) -> AppResult<(Vec<&'static str>, Vec<Vec<String>>)> {
    match name {
        "measures" => {
            let header = vec![
                "plan",
                "plan_status",
                "objective",
                "task",
                "measure",
                "title_lv",
                "title_en",
                "responsible",
                "co_responsible",
                "period_start",
                "period_end",
                "status",
                "budget_eur",
                "budget_source",
            ];
            let mut rows = Vec::new();
            for p in store::plans::list_public(state.db()).await? {
                for m in store::measures::for_plan(state.db(), p.id, None).await? {
                    rows.push(vec![
                        p.name_lv.clone(),
                        p.status.as_str().to_owned(),
                        m.objective.as_str().to_owned(),
                        m.task_code.clone().unwrap_or_default(),
                        m.code.clone(),
                        m.title_lv.clone(),
                        m.title_en.clone().unwrap_or_default(),
                        m.responsible_name.clone(),
                        m.partners
                            .iter()
                            .map(|(_, n)| n.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                        m.period_start.to_string(),
                        m.period_end.to_string(),
                        m.status.as_str().to_owned(),
                        m.budget_cents
                            .map(|c| format!("{}.{:02}", c / 100, c % 100))
                            .unwrap_or_default(),
                        m.budget_source
                            .map(|f| f.as_str())
                            .unwrap_or_default()
                            .to_owned(),
                    ]);
                }
            }
            Ok((header, rows))
        }
        "participation" => {
            // The public statistics page's figures, year by year: public events only,
            // every count of people under disclosure control.
            let header = vec!["year", "dimension", "group", "participants", "note"];
            let mut rows = Vec::new();
            let first = store::statistics::first_year(state.db(), true).await?;
            for year in years(state, first) {
                let filter = store::statistics::Filter::between(
                    jiff::civil::date(year, 1, 1),
                    jiff::civil::date(year, 12, 31),
                    true,
                );
                let p =
                    store::statistics::participation(state.db(), &filter, state.settings().youth())
                        .await?;
                let mut line = |dimension: &str, group: &str, cells: [String; 2]| {
                    let [value, note] = cells;
                    rows.push(vec![
                        year.to_string(),
                        dimension.to_owned(),
                        group.to_owned(),
                        value,
                        note,
                    ]);
                };
                line("total", "events", [p.events.to_string(), String::new()]);
                for (group, n) in [
                    ("participants", p.participants),
                    ("participations", p.participations),
                    ("youth", p.youth),
                ] {
                    line(
                        "total",
                        group,
                        published(&crate::figures::published_cell(
                            domain::participation::publish_one(n),
                        )),
                    );
                }
                for b in crate::figures::participation::breakdowns(crate::i18n::Lang::Lv, &p, true)
                {
                    for (l, group) in b
                        .lines
                        .iter()
                        .zip(crate::figures::participation::codes(b.id))
                    {
                        line(b.id.trim_start_matches("by-"), group, published(&l.cell));
                    }
                }
            }
            Ok((header, rows))
        }
        "mediation" => {
            // Mediation's figures as coordinators see them: all municipalities, whole
            // years, under disclosure control, no case.
            let header = vec![
                "year",
                "municipality",
                "families",
                "persons",
                "contacts",
                "referrals",
                "note",
            ];
            let mut rows = Vec::new();
            let first = store::mediation_stats::first_year(state.db()).await?;
            for year in years(state, first) {
                let f = store::mediation_stats::figures(
                    state.db(),
                    store::mediation_stats::FigureScope::All,
                    &store::mediation_stats::FigureFilter {
                        from: jiff::civil::date(year, 1, 1),
                        to: jiff::civil::date(year, 12, 31),
                        territory_id: None,
                        mediator_user_id: None,
                        grouping: store::mediation_stats::Grouping::Year,
                    },
                )
                .await?;
                for (municipality, cells) in crate::figures::mediation::controlled(&f) {
                    let mut row = vec![year.to_string(), municipality];
                    let mut notes = Vec::new();
                    for c in cells {
                        match c.value() {
                            Some(n) => row.push(n.to_string()),
                            None => {
                                row.push(String::new());
                                notes.push(c.text());
                            }
                        }
                    }
                    notes.dedup();
                    row.push(notes.join(" "));
                    rows.push(row);
                }
            }
            Ok((header, rows))
        }
        "services" => {
            let header = vec![
                "id",
                "title_lv",
                "title_en",
                "kind",
                "area",
                "provider",
                "places",
                "target_groups",
                "eligibility",
                "how_to_apply",
                "contact",
                "cost",
                "languages",
                "link",
                "valid_from",
                "valid_to",
            ];
            let rows = store::services::current(
                state.db(),
                state.today(),
                &store::services::Query::default(),
            )
            .await?
            .into_iter()
            .map(|s| {
                let i = s.input;
                let opt = |o: Option<String>| o.unwrap_or_default();
                vec![
                    s.id.to_string(),
                    i.title_lv,
                    opt(i.title_en),
                    s.kind.as_str().to_owned(),
                    s.area.as_str().to_owned(),
                    s.provider_name,
                    s.places
                        .iter()
                        .map(|(_, lv, _)| lv.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    i.target_groups
                        .iter()
                        .map(|g| g.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    opt(i.eligibility),
                    opt(i.how_to_apply),
                    opt(i.contact),
                    opt(i.cost),
                    opt(i.languages),
                    opt(i.link),
                    i.valid_from.map(|d| d.to_string()).unwrap_or_default(),
                    i.valid_to.map(|d| d.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
            Ok((header, rows))
        }
        _ => Err(AppError::NotFound),
    }
}

/// `/open-data/{name}.csv` (a dataset), `/open-data/{name}.jsonld` (its description) or
/// `/open-data/catalog.jsonld` (the catalogue).
pub async fn file(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    match file.strip_suffix(".csv") {
        Some(name) => csv(&state, name).await,
        None => description(&state, &file).await,
    }
}

/// A dataset as CSV (made at most every five minutes).
async fn csv(state: &AppState, name: &str) -> AppResult<Response> {
    let d = dataset(name)?;
    let bytes = match state.open_data_file(d.name) {
        Some(bytes) => bytes,
        None => {
            let (header, rows) = table(state, d.name).await?;
            let bytes = std::sync::Arc::new(documents::table::write_open_csv(&header, &rows));
            state.keep_open_data_file(d.name, std::sync::Arc::clone(&bytes));
            bytes
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.csv\"", d.name),
            ),
        ],
        bytes.as_ref().clone(),
    )
        .into_response())
}

fn base(state: &AppState) -> String {
    state.settings().public_url.trim_end_matches('/').to_owned()
}

/// The DCAT-AP description of one dataset (JSON-LD, without its `@context`).
fn describe(state: &AppState, d: &Dataset, modified: &str) -> Value {
    let base = base(state);
    let t = |id: &str, lang| crate::i18n::t(lang, id);
    json!({
        "@id": format!("{base}/open-data/{}.jsonld", d.name),
        "@type": "dcat:Dataset",
        "dct:identifier": format!("{base}/open-data/{}", d.name),
        "dct:title": [
            {"@language": "lv", "@value": t(d.title, crate::i18n::Lang::Lv)},
            {"@language": "en", "@value": t(d.title, crate::i18n::Lang::En)},
        ],
        "dct:description": [
            {"@language": "lv", "@value": t(d.description, crate::i18n::Lang::Lv)},
            {"@language": "en", "@value": t(d.description, crate::i18n::Lang::En)},
        ],
        "dcat:keyword": d.keywords,
        "dct:publisher": {
            "@type": "foaf:Agent",
            "foaf:name": t("open-data-publisher", crate::i18n::Lang::Lv),
        },
        "dcat:contactPoint": {
            "@type": "vcard:Kind",
            "vcard:hasEmail": format!("mailto:{}", state.settings().contact_email),
        },
        "dct:language": [
            {"@id": "http://publications.europa.eu/resource/authority/language/LAV"},
            {"@id": "http://publications.europa.eu/resource/authority/language/ENG"},
        ],
        "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/LVA"},
        "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
        "dct:modified": {"@type": "xsd:date", "@value": modified},
        "dcat:landingPage": {"@id": format!("{base}/lv/open-data")},
        "dcat:distribution": [{
            "@type": "dcat:Distribution",
            "dcat:accessURL": {"@id": format!("{base}/open-data/{}.csv", d.name)},
            "dcat:downloadURL": {"@id": format!("{base}/open-data/{}.csv", d.name)},
            "dcat:mediaType": {"@id": "http://www.iana.org/assignments/media-types/text/csv"},
            "dct:format": {"@id": "http://publications.europa.eu/resource/authority/file-type/CSV"},
            "dct:license": {"@id": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"},
        }],
    })
}

fn context() -> Value {
    json!({
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

fn jsonld(v: Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/ld+json; charset=utf-8")],
        v.to_string(),
    )
        .into_response()
}

/// One dataset's DCAT-AP description, or the catalogue (`catalog.jsonld`).
async fn description(state: &AppState, file: &str) -> AppResult<Response> {
    let name = file.strip_suffix(".jsonld").ok_or(AppError::NotFound)?;
    let modified = state.today().to_string();
    if name == "catalog" {
        let base = base(state);
        let datasets: Vec<Value> = DATASETS
            .iter()
            .map(|d| describe(state, d, &modified))
            .collect();
        return Ok(jsonld(json!({
            "@context": context(),
            "@id": format!("{base}/open-data/catalog.jsonld"),
            "@type": "dcat:Catalog",
            "dct:title": [
                {"@language": "lv", "@value": crate::i18n::t(crate::i18n::Lang::Lv, "open-data-title")},
                {"@language": "en", "@value": crate::i18n::t(crate::i18n::Lang::En, "open-data-title")},
            ],
            "dct:description": {"@language": "en", "@value": crate::i18n::t(crate::i18n::Lang::En, "open-data-intro")},
            "dct:publisher": {"@type": "foaf:Agent", "foaf:name": crate::i18n::t(crate::i18n::Lang::Lv, "open-data-publisher")},
            "foaf:homepage": {"@id": format!("{base}/lv/open-data")},
            "dcat:dataset": datasets,
        })));
    }
    let d = dataset(name)?;
    let mut v = describe(state, d, &modified);
    if let Some(o) = v.as_object_mut() {
        o.insert("@context".to_owned(), context());
    }
    Ok(jsonld(v))
}

struct Row {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    rows: usize,
}

#[derive(Template)]
#[template(path = "public/open_data.html")]
struct Page {
    ctx: PageCtx,
    datasets: Vec<Row>,
}

/// "Atvērtie dati": the datasets with their files and descriptions.
pub async fn page(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let mut datasets = Vec::new();
    for d in DATASETS {
        datasets.push(Row {
            name: d.name,
            title: d.title,
            description: d.description,
            rows: table(&state, d.name).await?.1.len(),
        });
    }
    Ok(Html(Page { ctx, datasets }.render()?))
}
