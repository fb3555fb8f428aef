//! Snapshot tests of the reports over the demo data (issue 8): each report's HTML and the
//! cell values of its XLSX, compared with the files in `tests/snapshots/reports/`. A change
//! that alters a report shows here as a diff; when the change is intended, run
//! `UPDATE_SNAPSHOTS=1 cargo test --test it snapshots` and review the files in the commit.
//!
//! (A few lines instead of the insta crate: the same review-the-diff workflow without a new
//! dependency and its tooling.)

use std::path::PathBuf;

use domain::auth::Role;

use crate::ok;

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("snapshots")
        .join("reports")
        .join(name)
}

/// Compares `actual` with the stored snapshot (or writes it when `UPDATE_SNAPSHOTS` is set).
fn assert_snapshot(name: &str, actual: &str) {
    let path = snapshot_path(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        ok(std::fs::write(&path, actual));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run UPDATE_SNAPSHOTS=1 cargo test --test it snapshots, review and commit it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its snapshot at line {}:\n  stored: {:?}\n  now:    {:?}\n(if intended: UPDATE_SNAPSHOTS=1 cargo test --test it snapshots)",
            first + 1,
            expected.lines().nth(first).unwrap_or_default(),
            actual.lines().nth(first).unwrap_or_default()
        );
    }
}

/// An XLSX's cell values as text: each sheet's name, then its rows, cells tab-separated
/// with their type (n: number, s: text, d: date).
fn xlsx_values(bytes: Vec<u8>) -> String {
    use calamine::{Data, Reader as _};
    let mut book = ok(calamine::Xlsx::new(std::io::Cursor::new(bytes)));
    let mut out = String::new();
    for name in book.sheet_names() {
        out.push_str(&format!("## {name}\n"));
        let range = ok(book.worksheet_range(&name));
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => format!("s:{s}"),
                    Data::Float(f) => format!("n:{f}"),
                    Data::Int(i) => format!("n:{i}"),
                    Data::DateTime(d) => format!("d:{}", d.as_f64()),
                    other => format!("?:{other:?}"),
                })
                .collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    out
}

#[tokio::test]
async fn the_reports_over_the_demo_data_match_their_snapshots() {
    let app = crate::reports::with_demo().await;
    let c = app.login(Role::Coordinator).await;
    for (kind, year, lang, audience) in [
        ("annual", 2025, "lv", "internal"),
        ("annual", 2025, "en", "public"),
        ("national", 2024, "lv", "public"),
        ("grant", 2025, "en", "internal"),
    ] {
        let q = format!(
            "/lv/report-builder/download?kind={kind}&year={year}&rlang={lang}&audience={audience}"
        );
        let name = format!("{kind}-{year}-{lang}-{audience}");
        let (status, html) = c.get_bytes(&format!("{q}&format=html")).await;
        assert_eq!(status, 200, "{name}");
        assert_snapshot(&format!("{name}.html"), &String::from_utf8_lossy(&html));
        let (status, xlsx) = c.get_bytes(&format!("{q}&format=xlsx")).await;
        assert_eq!(status, 200, "{name}");
        assert_snapshot(&format!("{name}.xlsx.txt"), &xlsx_values(xlsx));
    }
    app.stop().await;
}
