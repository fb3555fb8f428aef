//! `cargo run -p xtask -- <chore>`: release chores that read the dependency tree.
//!
//! - `notices --out FILE`: THIRD-PARTY-NOTICES, the licence texts of the crates in the program;
//! - `sbom --out FILE`: a CycloneDX 1.5 JSON SBOM of the same crates.
//!
//! Both take the tree from `cargo metadata --locked --filter-platform x86_64-unknown-linux-gnu`
//! and keep only what the `roma-platform` binary links: the crates reached from it through
//! normal dependencies. Dev-dependencies are left out, and so are build-dependencies and
//! procedural macros (with everything below them): they run while compiling and none of
//! their code is in the binary. The notices list them apart, without texts, for information.
//! The workspace's own members are not third-party and are not listed.

use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{SystemTime, UNIX_EPOCH};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The package whose shipped dependencies are listed.
const ROOT_PACKAGE: &str = "roma-platform";
/// The platform the program is built and shipped for.
const TARGET: &str = "x86_64-unknown-linux-gnu";
const USAGE: &str = "usage: cargo run -p xtask -- (notices | sbom) --out FILE";

/// Runs the chore named on the command line and reports an error on stderr.
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Parses `CHORE --out FILE`, reads the tree and writes the chore's file.
fn run(args: &[String]) -> Result<()> {
    let [chore, flag, out] = args else {
        return Err(USAGE.into());
    };
    if flag != "--out" || !matches!(chore.as_str(), "notices" | "sbom") {
        return Err(USAGE.into());
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let metadata = cargo_metadata(&workspace)?;
    let tree = Tree::from_metadata(&metadata)?;
    let text = if chore == "notices" {
        notices(&tree)
    } else {
        let root = metadata["workspace_root"]
            .as_str()
            .ok_or("metadata: no workspace_root")?;
        let lock = std::fs::read_to_string(Path::new(root).join("Cargo.lock"))?;
        sbom(&tree, &lock_checksums(&lock), &timestamp()?)?
    };
    std::fs::write(out, text)?;
    Ok(())
}

/// Runs `cargo metadata` in the workspace root and parses its JSON.
fn cargo_metadata(workspace: &Path) -> Result<Value> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(workspace)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            TARGET,
        ])
        .output()?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("cargo metadata failed ({}): {stderr}", output.status).into());
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

/// One package of the tree, with what the notices and the SBOM say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Package {
    id: String,
    name: String,
    version: String,
    /// The licence as an SPDX expression (Cargo's old `MIT/Apache-2.0` turned into `OR`).
    license: Option<String>,
    repository: Option<String>,
    /// The folder of its `Cargo.toml`: where its licence files are.
    dir: PathBuf,
    /// `license-file` from its manifest, relative to `dir`.
    license_file: Option<String>,
}

/// The program's package and the third-party packages around it.
#[derive(Debug)]
struct Tree {
    root: Package,
    /// In the binary: reached from the root through normal dependencies, sorted.
    shipped: Vec<Package>,
    /// Only run while building (build scripts' dependencies, proc-macros), sorted.
    build_only: Vec<Package>,
    /// For the root and each shipped package: the shipped packages it depends on directly
    /// (through workspace members, which are not listed themselves).
    depends_on: BTreeMap<String, BTreeSet<String>>,
}

impl Tree {
    /// Walks `resolve.nodes` of `cargo metadata` from the root package.
    fn from_metadata(metadata: &Value) -> Result<Tree> {
        let array = |value: &Value, what: &str| -> Result<Vec<Value>> {
            value
                .as_array()
                .cloned()
                .ok_or_else(|| format!("metadata: no {what}").into())
        };
        let packages: BTreeMap<String, Value> = array(&metadata["packages"], "packages")?
            .into_iter()
            .map(|p| (text(&p["id"]), p))
            .collect();
        let nodes: BTreeMap<String, Value> = array(&metadata["resolve"]["nodes"], "resolve")?
            .into_iter()
            .map(|n| (text(&n["id"]), n))
            .collect();
        let members: BTreeSet<String> = array(&metadata["workspace_members"], "members")?
            .iter()
            .map(text)
            .collect();
        let root_id = members
            .iter()
            .find(|id| packages.get(*id).is_some_and(|p| p["name"] == ROOT_PACKAGE))
            .ok_or("metadata: no roma-platform package")?
            .clone();
        // A node's dependencies, each with whether some of its kinds is normal (null).
        let deps = |id: &str| -> Vec<(String, bool)> {
            let Some(deps) = nodes.get(id).and_then(|n| n["deps"].as_array()) else {
                return Vec::new();
            };
            deps.iter()
                .filter_map(|dep| {
                    let kinds = dep["dep_kinds"].as_array()?;
                    let normal = kinds.iter().any(|k| k["kind"].is_null());
                    let build = kinds.iter().any(|k| k["kind"] == "build");
                    (normal || build).then(|| (text(&dep["pkg"]), normal))
                })
                .collect()
        };
        let is_proc_macro = |id: &str| {
            packages
                .get(id)
                .and_then(|p| p["targets"].as_array())
                .is_some_and(|targets| {
                    targets.iter().any(|t| {
                        t["kind"]
                            .as_array()
                            .is_some_and(|k| k.iter().any(|k| k == "proc-macro"))
                    })
                })
        };
        // Shipped: normal edges, not into proc-macros. Built: every non-dev edge.
        let mut shipped = BTreeSet::new();
        let mut built = BTreeSet::new();
        let mut todo = vec![(root_id.clone(), true)];
        while let Some((id, in_binary)) = todo.pop() {
            let in_binary = in_binary && !is_proc_macro(&id);
            let first_visit = built.insert(id.clone());
            if in_binary && shipped.insert(id.clone()) || first_visit {
                todo.extend(
                    deps(&id)
                        .into_iter()
                        .map(|(dep, normal)| (dep, in_binary && normal)),
                );
            }
        }
        let mut depends_on = BTreeMap::new();
        for id in shipped
            .iter()
            .filter(|id| **id == root_id || !members.contains(*id))
        {
            let mut direct = BTreeSet::new();
            let mut seen = BTreeSet::new();
            let mut todo: Vec<String> = vec![id.clone()];
            while let Some(from) = todo.pop() {
                for (dep, normal) in deps(&from) {
                    if !normal || !shipped.contains(&dep) || !seen.insert(dep.clone()) {
                        continue;
                    }
                    if members.contains(&dep) {
                        todo.push(dep);
                    } else {
                        direct.insert(dep);
                    }
                }
            }
            depends_on.insert(id.clone(), direct);
        }
        let package = |id: &String| -> Result<Package> {
            let p = packages
                .get(id)
                .ok_or_else(|| format!("metadata: no package {id}"))?;
            let manifest = PathBuf::from(text(&p["manifest_path"]));
            Ok(Package {
                id: id.clone(),
                name: text(&p["name"]),
                version: text(&p["version"]),
                license: p["license"].as_str().map(spdx_expression),
                repository: p["repository"].as_str().map(str::to_owned),
                dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
                license_file: p["license_file"].as_str().map(str::to_owned),
            })
        };
        let sorted = |ids: &mut dyn Iterator<Item = &String>| -> Result<Vec<Package>> {
            let mut list = ids
                .filter(|id| !members.contains(*id))
                .map(package)
                .collect::<Result<Vec<_>>>()?;
            list.sort_by(|a, b| {
                (&a.name, version_key(&a.version)).cmp(&(&b.name, version_key(&b.version)))
            });
            Ok(list)
        };
        Ok(Tree {
            root: package(&root_id)?,
            shipped: sorted(&mut shipped.iter())?,
            build_only: sorted(&mut built.difference(&shipped))?,
            depends_on,
        })
    }
}

/// A JSON string's value, or "" for anything else.
fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// Turns Cargo's old licence syntax (`MIT/Apache-2.0`) into an SPDX expression.
fn spdx_expression(license: &str) -> String {
    license
        .split('/')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// Orders versions by their numbers (0.9 before 0.10), then by the rest of the string.
fn version_key(version: &str) -> (Vec<u64>, &str) {
    let core_end = version.find(['-', '+']).unwrap_or(version.len());
    let numbers = version[..core_end]
        .split('.')
        .map(|n| n.parse().unwrap_or(u64::MAX))
        .collect();
    (numbers, &version[core_end..])
}

/// Whether a file name is one of a licence's: LICENSE*, LICENCE*, COPYING*, NOTICE*,
/// COPYRIGHT*, UNLICENSE*, in any case.
fn is_license_name(name: &str) -> bool {
    let upper = name.to_uppercase();
    [
        "LICENSE",
        "LICENCE",
        "COPYING",
        "NOTICE",
        "COPYRIGHT",
        "UNLICENSE",
    ]
    .iter()
    .any(|prefix| upper.starts_with(prefix))
}

/// The licence files in a crate's folder (and in a licence-named folder in it, such as
/// REUSE's `LICENSES/`, and its manifest's `license-file`), as (path in the crate, text):
/// line ends made `\n`, trailing spaces and blank lines at the ends dropped.
fn license_files(package: &Package) -> Result<Vec<(String, String)>> {
    let mut paths = BTreeSet::new();
    let entries = match std::fs::read_dir(&package.dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(format!("{}: {error}", package.dir.display()).into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_license_name(&name) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            for inner in std::fs::read_dir(entry.path())? {
                let inner = inner?;
                if inner.file_type()?.is_file() {
                    paths.insert(format!("{name}/{}", inner.file_name().to_string_lossy()));
                }
            }
        } else {
            paths.insert(name);
        }
    }
    if let Some(file) = &package.license_file
        && package.dir.join(file).is_file()
    {
        paths.insert(file.trim_start_matches("./").to_owned());
    }
    let mut files = Vec::new();
    for path in paths {
        let bytes = std::fs::read(package.dir.join(&path))?;
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
        files.push((path, lines.join("\n").trim_matches('\n').to_owned()));
    }
    Ok(files)
}

/// The THIRD-PARTY-NOTICES text: a header, each shipped crate with its licence texts, the
/// texts shared by several crates, and the build-time crates. Same tree, same bytes.
fn notices(tree: &Tree) -> String {
    let texts: Vec<(&Package, Vec<(String, String)>)> = tree
        .shipped
        .iter()
        .map(|p| {
            (
                p,
                license_files(p).unwrap_or_else(|e| vec![("(unreadable)".into(), e.to_string())]),
            )
        })
        .collect();
    // A text found in two crates or more is printed once, at the end, as [T1], [T2], ...
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, files) in &texts {
        for (_, text) in files {
            *uses.entry(text.as_str()).or_default() += 1;
        }
    }
    let mut shared: Vec<&str> = Vec::new();
    let rule = "=".repeat(78);
    let root = &tree.root;
    let mut out = String::new();
    let _ = writeln!(out, "THIRD-PARTY SOFTWARE NOTICES\n{rule}\n");
    let _ = writeln!(
        out,
        "{} {} is licensed under {}. It includes the {} third-party Rust crates\n\
         listed below, each under its own licence, shown with the licence files found in\n\
         the crate's source package. A text found in several crates is printed once, at the\n\
         end, and referred to as [T1], [T2], ...; each crate's own copyright lines are kept.\n\n\
         Not listed with texts: dev-dependencies, and the {} crates used only while\n\
         building (build scripts' dependencies and procedural macros): none of their code\n\
         is in the program. They are named, for information, at the very end.\n\n\
         Made by `cargo run -p xtask -- notices` from `cargo metadata` ({TARGET}).\n",
        root.name,
        root.version,
        root.license.as_deref().unwrap_or("(no licence given)"),
        tree.shipped.len(),
        tree.build_only.len(),
    );
    for (package, files) in &texts {
        let _ = writeln!(out, "{rule}\n{} {}", package.name, package.version);
        let _ = writeln!(
            out,
            "Licence: {}",
            package.license.as_deref().unwrap_or("(none given)")
        );
        let _ = writeln!(
            out,
            "Repository: {}",
            package.repository.as_deref().unwrap_or("(none given)")
        );
        if files.is_empty() {
            let _ = writeln!(
                out,
                "The crate ships no licence file; it is licensed under {}.",
                package.license.as_deref().unwrap_or("(no licence given)")
            );
        }
        for (path, text) in files {
            if uses.get(text.as_str()).copied().unwrap_or(0) > 1 {
                let index = match shared.iter().position(|t| t == text) {
                    Some(index) => index,
                    None => {
                        shared.push(text);
                        shared.len() - 1
                    }
                };
                let _ = writeln!(out, "{path}: see [T{}] below", index + 1);
            } else {
                let _ = writeln!(out, "\n--- {path} ---\n{text}\n");
            }
        }
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    let _ = writeln!(out, "{rule}\nLICENCE TEXTS SHARED BY SEVERAL CRATES\n");
    for (index, text) in shared.iter().enumerate() {
        let _ = writeln!(out, "--- [T{}] ---\n{text}\n", index + 1);
    }
    // The crates that ship no licence file name their licences by SPDX identifier only: the
    // standard texts of those (from the SPDX licence list, kept in data/licenses/).
    let unshipped: BTreeSet<&str> = texts
        .iter()
        .filter(|(_, files)| files.is_empty())
        .filter_map(|(p, _)| p.license.as_deref())
        .flat_map(spdx_ids)
        .collect();
    let _ = writeln!(
        out,
        "{rule}\nSTANDARD TEXTS OF THE LICENCES NAMED BY CRATES THAT SHIP NO LICENCE FILE\n"
    );
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/licenses");
    for id in unshipped {
        match std::fs::read_to_string(data.join(format!("{id}.txt"))) {
            Ok(text) => {
                let _ = writeln!(out, "--- {id} (the SPDX licence list's text) ---\n{text}");
            }
            Err(_) => {
                let _ = writeln!(
                    out,
                    "--- {id}: no standard text kept in data/licenses/ ---\n"
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "{rule}\nUSED ONLY WHILE BUILDING (not in the program)\n"
    );
    for package in &tree.build_only {
        let license = package.license.as_deref().unwrap_or("(none given)");
        let _ = writeln!(out, "{} {}: {license}", package.name, package.version);
    }
    out
}

/// The licence identifiers of an SPDX expression (`MIT OR Apache-2.0` → MIT, Apache-2.0;
/// `Apache-2.0 WITH LLVM-exception` → Apache-2.0; old `MIT/Apache-2.0` too).
fn spdx_ids(expression: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    let mut after_with = false;
    for word in expression.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '/')) {
        match word {
            "" | "AND" | "OR" => {}
            "WITH" => after_with = true,
            _ if after_with => after_with = false,
            id => ids.push(id.trim_end_matches('+')),
        }
    }
    ids
}

/// `[[package]]` name, version and checksum from Cargo.lock, as (name, version) → SHA-256.
fn lock_checksums(lock: &str) -> BTreeMap<(String, String), String> {
    let mut checksums = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let field = |key: &str| {
            block.lines().find_map(|line| {
                let value = line
                    .strip_prefix(key)?
                    .trim_start()
                    .strip_prefix('=')?
                    .trim();
                Some(value.strip_prefix('"')?.strip_suffix('"')?.to_owned())
            })
        };
        if let (Some(name), Some(version), Some(sum)) =
            (field("name"), field("version"), field("checksum"))
        {
            checksums.insert((name, version), sum);
        }
    }
    checksums
}

/// The package URL of a crate; `+` in a version (build metadata) is percent-encoded.
fn purl(package: &Package) -> String {
    format!(
        "pkg:cargo/{}@{}",
        package.name,
        package.version.replace('+', "%2B")
    )
}

/// The CycloneDX 1.5 JSON SBOM of the shipped crates.
fn sbom(
    tree: &Tree,
    checksums: &BTreeMap<(String, String), String>,
    timestamp: &str,
) -> Result<String> {
    let licenses = |p: &Package| match &p.license {
        Some(expression) => json!([{ "expression": expression }]),
        None => json!([]),
    };
    let components: Vec<Value> = tree
        .shipped
        .iter()
        .map(|p| {
            let mut component = json!({
                "type": "library",
                "bom-ref": purl(p),
                "name": p.name,
                "version": p.version,
                "purl": purl(p),
                "licenses": licenses(p),
            });
            if let Some(sum) = checksums.get(&(p.name.clone(), p.version.clone())) {
                component["hashes"] = json!([{ "alg": "SHA-256", "content": sum }]);
            }
            if let Some(url) = &p.repository {
                component["externalReferences"] = json!([{ "type": "vcs", "url": url }]);
            }
            component
        })
        .collect();
    let by_id: BTreeMap<&str, &Package> = tree
        .shipped
        .iter()
        .chain([&tree.root])
        .map(|p| (p.id.as_str(), p))
        .collect();
    let dependencies: Vec<Value> = std::iter::once(&tree.root)
        .chain(&tree.shipped)
        .map(|p| {
            let depends_on: BTreeSet<String> = tree
                .depends_on
                .get(&p.id)
                .into_iter()
                .flatten()
                .filter_map(|id| by_id.get(id.as_str()).map(|d| purl(d)))
                .collect();
            json!({ "ref": purl(p), "dependsOn": depends_on })
        })
        .collect();
    let root = &tree.root;
    let mut bom = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "version": 1,
        "metadata": {
            "timestamp": timestamp,
            "tools": { "components": [{ "type": "application", "name": "xtask", "version": env!("CARGO_PKG_VERSION") }] },
            "component": {
                "type": "application",
                "bom-ref": purl(root),
                "name": root.name,
                "version": root.version,
                "purl": purl(root),
                "licenses": licenses(root),
            },
        },
        "components": components,
        "dependencies": dependencies,
    });
    bom["serialNumber"] = json!(uuid_from(&serde_json::to_vec(&bom)?));
    Ok(serde_json::to_string_pretty(&bom)? + "\n")
}

/// A `urn:uuid:` made from the content (there is no random source without a dependency): the
/// 128-bit FNV-1a hash of the BOM without its serial number, shaped as a UUID of version 8
/// (RFC 9562: custom) — the same BOM, timestamp included, gets the same serial number.
fn uuid_from(bytes: &[u8]) -> String {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for byte in bytes {
        hash = (hash ^ u128::from(*byte)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
    }
    hash = (hash & !(0xf << 76)) | (0x8 << 76); // version 8
    hash = (hash & !(0x3 << 62)) | (0x2 << 62); // variant 10
    let hex = format!("{hash:032x}");
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The SBOM's time: SOURCE_DATE_EPOCH (seconds) when set, else now; RFC 3339 in UTC.
fn timestamp() -> Result<String> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse()
            .map_err(|e| format!("SOURCE_DATE_EPOCH {value:?}: {e}"))?,
        Err(_) => SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs(),
    };
    Ok(rfc3339(seconds))
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (the civil-from-days algorithm).
fn rfc3339(seconds: u64) -> String {
    let (days, second_of_day) = (seconds / 86_400, seconds % 86_400);
    let z = days + 719_468;
    let (era, day_of_era) = (z / 146_097, z % 146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    let (hour, minute, second) = (
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
    );
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_identifiers_of_an_expression_are_found() {
        assert_eq!(
            super::spdx_ids("MIT OR Apache-2.0"),
            vec!["MIT", "Apache-2.0"]
        );
        assert_eq!(
            super::spdx_ids("(Apache-2.0 WITH LLVM-exception) AND MPL-2.0"),
            vec!["Apache-2.0", "MPL-2.0"]
        );
        assert_eq!(super::spdx_ids("MIT/Apache-2.0"), vec!["MIT", "Apache-2.0"]);
    }

    use super::*;

    /// A package of the hand-made metadata; `pm` marks a proc-macro.
    fn package(name: &str, license: &str, pm: bool) -> Value {
        let kind = if pm { "proc-macro" } else { "lib" };
        json!({
            "id": name, "name": name, "version": "1.0.0", "license": license,
            "manifest_path": format!("/nonexistent/{name}/Cargo.toml"),
            "targets": [{ "kind": [kind] }],
        })
    }

    /// A resolve node whose deps are (package, kind) with kind null, "dev" or "build".
    fn node(id: &str, deps: &[(&str, Value)]) -> Value {
        let deps: Vec<Value> = deps
            .iter()
            .map(|(pkg, kind)| json!({ "pkg": pkg, "dep_kinds": [{ "kind": kind }] }))
            .collect();
        json!({ "id": id, "deps": deps })
    }

    /// roma-platform → member → a → pm (proc-macro) → s; a → c (build); roma-platform → b (dev).
    fn metadata() -> Value {
        json!({
            "workspace_members": ["roma-platform", "member"],
            "packages": [
                package("roma-platform", "EUPL-1.2", false), package("member", "EUPL-1.2", false),
                package("a", "MIT/Apache-2.0", false), package("b", "MIT", false),
                package("c", "MIT", false), package("pm", "MIT", true), package("s", "MIT", false),
            ],
            "resolve": { "nodes": [
                node("roma-platform", &[("member", Value::Null), ("b", json!("dev"))]),
                node("member", &[("a", Value::Null)]),
                node("a", &[("pm", Value::Null), ("c", json!("build"))]),
                node("pm", &[("s", Value::Null)]),
                node("b", &[]), node("c", &[]), node("s", &[]),
            ]},
        })
    }

    #[test]
    fn walks_only_what_the_binary_links() -> Result<()> {
        let tree = Tree::from_metadata(&metadata())?;
        let names = |list: &[Package]| list.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&tree.shipped), ["a"]);
        assert_eq!(names(&tree.build_only), ["c", "pm", "s"]);
        assert_eq!(
            tree.shipped[0].license.as_deref(),
            Some("MIT OR Apache-2.0")
        );
        // The member in between is skipped: the program depends on `a` directly.
        assert_eq!(
            tree.depends_on["roma-platform"],
            BTreeSet::from(["a".to_owned()])
        );
        assert!(notices(&tree).contains("a 1.0.0\nLicence: MIT OR Apache-2.0\nRepository: (none given)\nThe crate ships no licence file"));
        // Its licences' standard texts are at the end.
        let text = notices(&tree);
        assert!(
            text.contains("--- MIT (the SPDX licence list's text) ---"),
            "{text}"
        );
        assert!(
            text.contains("--- Apache-2.0 (the SPDX licence list's text) ---"),
            "{text}"
        );
        Ok(())
    }

    #[test]
    fn sbom_has_hashes_graph_and_a_stable_serial() -> Result<()> {
        let tree = Tree::from_metadata(&metadata())?;
        let lock = "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = \"registry\"\nchecksum = \"abc\"\ndependencies = [\n \"name\",\n]\n";
        let checksums = lock_checksums(lock);
        let first = sbom(&tree, &checksums, &rfc3339(1_700_000_000))?;
        assert_eq!(first, sbom(&tree, &checksums, &rfc3339(1_700_000_000))?);
        let bom: Value = serde_json::from_str(&first)?;
        assert_eq!(bom["metadata"]["timestamp"], "2023-11-14T22:13:20Z");
        assert_eq!(bom["components"][0]["purl"], "pkg:cargo/a@1.0.0");
        assert_eq!(bom["components"][0]["hashes"][0]["content"], "abc");
        assert_eq!(
            bom["dependencies"][0]["dependsOn"],
            json!(["pkg:cargo/a@1.0.0"])
        );
        let serial = bom["serialNumber"].as_str().unwrap_or_default();
        assert_eq!((serial.len(), &serial[23..24]), (45, "8"));
        assert!("89ab".contains(&serial[28..29]));
        Ok(())
    }

    #[test]
    fn orders_versions_by_number() {
        assert!(version_key("0.9.0") < version_key("0.10.0"));
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
