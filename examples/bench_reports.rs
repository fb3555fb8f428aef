//! Benchmark (issue 8): building and rendering the annual coordination meeting summary
//! report, over the demo data and over a dataset a hundred times the demo.
//!
//! First it seeds the demo into a temporary database and times the annual report for 2025
//! (internal: exact figures) — building it from the data, then HTML, PDF, DOCX and XLSX.
//! Then, given the path of a database that `examples/bench_statistics.rs` seeded and kept
//! (3 000 events over 2024–2026, ~150 000 attendances: about 100 times the demo's events and
//! attendances), it times the same over that. One warm-up, then 5 timed runs each, printing
//! min / median in milliseconds and the files' sizes.
//!
//! Usage: `benches/reports.sh` (which makes the big database first), or
//! `cargo run --release --example bench_reports [-- DATABASE]`. See benches/README.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use web::features::reports::{Audience, Kind, Request};
use web::i18n::Lang;

const RUNS: usize = 5;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(times: &mut [Duration]) -> String {
    times.sort();
    format!(
        "min {:8.1} ms   median {:8.1} ms",
        ms(times[0]),
        ms(times[times.len() / 2])
    )
}

async fn bench(name: &str, state: &web::AppState, year: i16) -> anyhow::Result<()> {
    let request = Request {
        kind: Kind::Annual,
        year,
        lang: Lang::Lv,
        audience: Audience::Internal,
        narratives: Default::default(),
        status: "Benchmark".to_owned(),
        today: jiff::civil::date(year, 12, 31),
    };
    println!("== {name}: annual report {year}, Latvian, internal");
    let mut build = Vec::new();
    let mut report = None;
    for run in 0..=RUNS {
        let started = Instant::now();
        let r = web::features::reports::build(state, &request)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        if run > 0 {
            build.push(started.elapsed());
        }
        report = Some(r);
    }
    let Some(report) = report else {
        anyhow::bail!("no report")
    };
    let rows: usize = report.tables().map(|t| t.rows.len()).sum();
    println!(
        "build from the data   {}   ({} sections, {} tables, {rows} table rows)",
        summary(&mut build),
        report.sections.len(),
        report.tables().count()
    );
    type Render = fn(&documents::report::Report) -> anyhow::Result<Vec<u8>>;
    let formats: [(&str, Render); 5] = [
        ("HTML", |r| {
            Ok(documents::report::html_document(r).into_bytes())
        }),
        // typst memoises layout: "PDF cold" forgets it first (a report never rendered
        // before), "PDF warm" is the same report again.
        ("PDF cold", |r| {
            pdf::clear_cache();
            pdf::render(r, (2025, 12, 31)).map_err(|e| anyhow::anyhow!("{e}"))
        }),
        ("PDF warm", |r| {
            pdf::render(r, (2025, 12, 31)).map_err(|e| anyhow::anyhow!("{e}"))
        }),
        ("DOCX", |r| {
            documents::docx::write(r).map_err(|e| anyhow::anyhow!("{e}"))
        }),
        ("XLSX", |r| {
            documents::report::xlsx(r).map_err(|e| anyhow::anyhow!("{e}"))
        }),
    ];
    for (format, render) in formats {
        let mut times = Vec::new();
        let mut size = 0;
        for run in 0..=RUNS {
            let started = Instant::now();
            let bytes = render(&report)?;
            if run > 0 {
                times.push(started.elapsed());
            }
            size = bytes.len();
        }
        println!(
            "render {format:<9}      {}   ({:.0} KiB)",
            summary(&mut times),
            size as f64 / 1024.0
        );
    }
    Ok(())
}

fn state(db: store::Db) -> web::AppState {
    let keyring = domain::sealed::Keyring::new(domain::sealed::Key::generate(), Vec::new());
    web::AppState::new(
        db,
        web::settings::Settings::default(),
        Arc::new(domain::clock::SystemClock),
        keyring,
    )
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let big = std::env::args().nth(1).map(std::path::PathBuf::from);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("demo.db");
    let db = store::Db::open(&store::DbOptions::new(&path)).await?;
    let now = jiff::Timestamp::now().as_second();
    store::migrate::run(&db, now).await?;
    let s = state(db.clone());
    demo::seed(&db, now, s.keyring()).await?;
    bench("demo data", &s, 2025).await?;
    if let Some(big) = big {
        anyhow::ensure!(big.exists(), "{} does not exist", big.display());
        let db = store::Db::open(&store::DbOptions::new(&big)).await?;
        bench("100 × the demo's events and attendances", &state(db), 2025).await?;
    }
    Ok(())
}
