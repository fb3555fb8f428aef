//! The house plan holds: the web crate's feature areas import the plumbing and their own
//! files only, the plumbing imports no area, and docs/ARCHITECTURE.md's layout names every
//! folder that exists and nothing that does not.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The entries of a folder.
fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A path as the repository names it.
fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Every `.rs` file under a folder, with its path relative to the folder.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for path in entries(&d) {
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The module paths a file names under `crate::features::`, with their line numbers; a
/// grouped import (`crate::features::{a, b}`) counts as naming every area in it.
fn feature_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("crate::features::") {
            rest = &rest[i + "crate::features::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for name in inner.split(',') {
                    let name = name.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        out.push((n + 1, name.to_owned()));
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.push((n + 1, name));
            }
        }
    }
    out
}

fn areas() -> Vec<String> {
    let dir = root().join("crates/web/src/features");
    let mut areas: Vec<String> = entries(&dir)
        .into_iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    areas.sort();
    areas
}

#[test]
fn a_feature_area_imports_the_plumbing_and_its_own_files_only() {
    let features = root().join("crates/web/src/features");
    let areas = areas();
    assert!(
        areas.len() >= 7,
        "the areas are folders under crates/web/src/features: {areas:?}"
    );
    // Nothing but area folders and the module list stand beside the areas.
    for path in entries(&features) {
        assert!(
            path.is_dir() || path.file_name().is_some_and(|n| n == "mod.rs"),
            "{} stands outside every area",
            path.display()
        );
    }
    let mut wrong = Vec::new();
    for area in &areas {
        for file in rust_files(&features.join(area)) {
            let text = read(&file);
            let shown = shown(&file);
            for (line, other) in feature_paths(&text) {
                if &other != area {
                    wrong.push(format!("{shown}:{line} uses the {other} area"));
                }
            }
            for (n, l) in text.lines().enumerate() {
                for needle in [
                    "super::super",
                    "crate::routes",
                    "crate::openapi",
                    "crate::jobs",
                ] {
                    if l.contains(needle) {
                        wrong.push(format!("{shown}:{} uses {needle}", n + 1));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "an area may use the plumbing (crate::http, crate::figures, crate::page, crate::principal, \
         crate::i18n, …) and its own files only; move what two areas share into the plumbing:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_plumbing_imports_no_feature_area() {
    let src = root().join("crates/web/src");
    let mut wrong = Vec::new();
    for file in rust_files(&src) {
        let rel = file
            .strip_prefix(&src)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned();
        // The top floor assembles the areas: the route registry, the OpenAPI document, the
        // scheduled jobs and the crate root.
        if rel.starts_with("features/")
            || ["routes.rs", "openapi.rs", "jobs.rs", "lib.rs"].contains(&rel.as_str())
        {
            continue;
        }
        let text = read(&file);
        for (line, area) in feature_paths(&text) {
            wrong.push(format!("crates/web/src/{rel}:{line} uses the {area} area"));
        }
    }
    assert!(
        wrong.is_empty(),
        "the plumbing is below every area:\n{}",
        wrong.join("\n")
    );
}

/// The paths named in ARCHITECTURE.md's layout block (its first fenced block).
fn layout_paths() -> Vec<String> {
    let doc = read(&root().join("docs/ARCHITECTURE.md"));
    let block = doc
        .split("```")
        .nth(1)
        .unwrap_or_else(|| panic!("a fenced layout block in docs/ARCHITECTURE.md"));
    block
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.contains('/') || w.ends_with(".rs"))
        .map(|w| w.trim_end_matches(':').to_owned())
        .collect()
}

#[test]
fn the_architecture_layout_names_every_folder_and_only_folders_that_exist() {
    let named = layout_paths();
    for path in &named {
        // `locales/{lv,en}/*.ftl` and the like name a pattern: its fixed start must exist.
        let fixed = path.split(['{', '*']).next().unwrap_or(path);
        assert!(
            root().join(fixed).exists(),
            "docs/ARCHITECTURE.md's layout names {path}, which does not exist"
        );
    }
    let mut folders = Vec::new();
    for krate in entries(&root().join("crates")) {
        folders.push(krate.clone());
        let mut todo = vec![krate.join("src")];
        while let Some(d) = todo.pop() {
            for p in entries(&d) {
                if p.is_dir() {
                    folders.push(p.clone());
                    todo.push(p);
                }
            }
        }
    }
    let mut missing = Vec::new();
    for f in folders {
        let rel = format!("{}/", shown(&f));
        if !named.iter().any(|n| n == &rel) {
            missing.push(rel);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "docs/ARCHITECTURE.md's layout does not name: {missing:?}"
    );
}

#[test]
fn all_sql_lives_in_the_store() {
    // The test kit reads the database behind a running app to check what a request did.
    for krate in entries(&root().join("crates")) {
        let name = krate
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let manifest = read(&krate.join("Cargo.toml"));
        let uses_sqlx = manifest.lines().any(|l| l.trim_start().starts_with("sqlx"));
        assert_eq!(
            uses_sqlx,
            ["store", "testkit"].contains(&name.as_str()),
            "crates/{name}: only the store runs SQL (and the test kit, to check it)"
        );
    }
}

#[test]
fn every_page_of_the_book_is_in_its_summary() {
    let docs = root().join("docs");
    let summary = read(&docs.join("SUMMARY.md"));
    let mut todo = vec![docs.clone()];
    let mut missing = Vec::new();
    while let Some(d) = todo.pop() {
        for p in entries(&d) {
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|e| e == "md") {
                let rel = p
                    .strip_prefix(&docs)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .into_owned();
                if rel != "SUMMARY.md" && !summary.contains(&format!("({rel})")) {
                    missing.push(rel);
                }
            }
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "docs/SUMMARY.md does not name: {missing:?}"
    );
}
