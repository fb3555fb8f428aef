//! Benchmark (issue 7, item 1): the good-practice search — "results in under 50 ms on the
//! demo data".
//!
//! Seeds the demo world into a fresh database (twelve practices, ten published), then times
//! `store::practices::search` — the full-text match, ranking and facet counts together — for
//! the library's typical requests: no words, one word ("skola"), a folded word start
//! ("skolen"), two words, a facet choice, words with a facet. Then adds 2 000 invented
//! published practices (about two hundred times the demo's library) and times the same
//! cases again. 3 warm-ups, then 50 timed runs each; prints min / median / p95 in
//! milliseconds and the hits found.
//!
//! Usage: `cargo run --release --example bench_practices`. See benches/README.md.

use std::time::{Duration, Instant};

use store::practices::{Decision, Editor, Practice, Query};

const WARM_UPS: usize = 3;
const RUNS: usize = 50;
const EXTRA: usize = 2_000;

fn cases() -> Vec<(&'static str, Query)> {
    let q = |words: &str| Query {
        q: words.to_owned(),
        ..Query::default()
    };
    vec![
        ("everything", Query::default()),
        ("\"skola\"", q("skola")),
        ("\"skolen\"", q("skolen")),
        ("\"romu mediators\"", q("romu mediators")),
        (
            "area=education",
            Query {
                area: Some("education".to_owned()),
                ..Query::default()
            },
        ),
        (
            "\"darb\" + place=LT",
            Query {
                q: "darb".to_owned(),
                place: Some("LT".to_owned()),
                ..Query::default()
            },
        ),
    ]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn time_cases(db: &store::Db, label: &str) -> anyhow::Result<()> {
    println!("\n{label}");
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>6}",
        "case", "min ms", "median", "p95", "hits"
    );
    for (name, query) in cases() {
        for _ in 0..WARM_UPS {
            store::practices::search(db, &query, 2026).await?;
        }
        let mut times = Vec::with_capacity(RUNS);
        let mut hits = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let (found, _) = store::practices::search(db, &query, 2026).await?;
            times.push(started.elapsed());
            hits = found.len();
        }
        times.sort();
        println!(
            "{:<22} {:>9.3} {:>9.3} {:>9.3} {:>6}",
            name,
            ms(times[0]),
            ms(times[RUNS / 2]),
            ms(times[RUNS * 95 / 100]),
            hits
        );
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    let now = jiff::Timestamp::now().as_second();
    let db = store::Db::open(&store::DbOptions::new(&path)).await?;
    store::migrate::run(&db, now).await?;
    let keys = domain::sealed::Keyring::new(domain::sealed::Key::generate(), Vec::new());
    let started = Instant::now();
    demo::seed(&db, now, &keys).await?;
    println!(
        "Roma Platform good-practice search benchmark — demo seeded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    time_cases(&db, "the demo library (10 published practices)").await?;

    // Two thousand more, written and published through the store like real ones.
    let places: Vec<i64> = store::territories::pickable(&db, jiff::civil::date(2026, 11, 27))
        .await?
        .into_iter()
        .map(|(_, id, _, _)| id)
        .collect();
    let words = [
        "skola",
        "skolēni",
        "bērni",
        "vecāki",
        "darbs",
        "nodarbinātība",
        "veselība",
        "mājoklis",
        "mediators",
        "jaunieši",
        "sievietes",
        "kopiena",
        "kultūra",
        "valoda",
        "apmācība",
    ];
    let coordinator = store::users::find_by_email(&db, "koordinators@demo.roma.invalid")
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo coordinator is missing"))?;
    let actor = store::Actor {
        user_id: Some(coordinator.id),
        label: None,
        ip: None,
    };
    let editor = Editor {
        user_id: coordinator.id,
        organisation_id: coordinator.organisation_id,
        coordinator: true,
    };
    let started = Instant::now();
    for i in 0..EXTRA {
        let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
        let p = Practice {
            title_lv: format!("Prakse {i}: {} un {}", w(0), w(1)),
            summary_lv: format!("Izdomāts apraksts par {} un {}.", w(2), w(3)),
            problem_lv: format!("<p>Problēma: {} {}.</p>", w(4), w(5)),
            activities_lv: format!("<p>Darbības: {} {} {}.</p>", w(6), w(7), w(8)),
            results_lv: format!("<p>Rezultāti: {} dalībnieki.</p>", 10 + i % 90),
            target_groups: vec![
                domain::site::PracticeTarget::ALL[i % domain::site::PracticeTarget::ALL.len()],
            ],
            areas: vec![domain::event::Objective::ALL[i % domain::event::Objective::ALL.len()]],
            territory_id: places[i % places.len()],
            year_from: 2018 + (i % 9) as i64,
            implementers: "Izdomāta organizācija".to_owned(),
            ..Practice::default()
        };
        let id = store::practices::save(&db, now, &actor, editor, &p, true).await?;
        store::practices::review(&db, now, &actor, id, &Decision::Publish).await?;
    }
    println!(
        "\n{EXTRA} more practices written and published in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    time_cases(&db, &format!("{} published practices", EXTRA + 10)).await?;
    db.close().await;
    Ok(())
}
