//! The user guide's screenshots, taken from the demo world in a real browser, so the pictures
//! show what the platform is. Every image the book and the README show (`docs/images/*.png`)
//! is one of [`SHOTS`], and every shot is shown somewhere.
//!
//! By default the shots go to a temporary folder and are checked (a PNG of the window's width,
//! of the page asked for, not a login or error page). With `ROMA_SCREENSHOTS=write` they are
//! written into `docs/images/`: run `ROMA_SCREENSHOTS=write cargo test --test it screenshots`
//! after a change of look and commit the pictures (the demo's dates follow today's, so the
//! pictures change with every run and are not compared).

use std::path::{Path, PathBuf};

use serde_json::json;
use testkit::webdriver::Browser;

use crate::demo::{start_demo, stop};

/// Who looks (a demo role, or nobody signed in), the window, and what they look at.
struct Shot {
    file: &'static str,
    role: Option<&'static str>,
    phone: bool,
    /// A path, or `first:` and a path whose first link to an item opens it.
    path: &'static str,
}

const SHOTS: [Shot; 10] = [
    Shot {
        file: "home.png",
        role: None,
        phone: false,
        path: "/lv/",
    },
    Shot {
        file: "calendar.png",
        role: None,
        phone: false,
        path: "/lv/calendar",
    },
    Shot {
        file: "practices.png",
        role: None,
        phone: false,
        path: "/lv/practices",
    },
    Shot {
        file: "policy.png",
        role: None,
        phone: false,
        path: "/lv/policy",
    },
    Shot {
        file: "workspace.png",
        role: Some("coordinator"),
        phone: false,
        path: "/lv/workspace",
    },
    Shot {
        file: "workspace-mediator.png",
        role: Some("mediator"),
        phone: true,
        path: "/lv/workspace",
    },
    Shot {
        file: "event.png",
        role: Some("coordinator"),
        phone: false,
        path: "first:/lv/events",
    },
    Shot {
        file: "organisations.png",
        role: Some("coordinator"),
        phone: false,
        path: "/lv/organisations",
    },
    Shot {
        file: "report-builder.png",
        role: Some("coordinator"),
        phone: false,
        path: "/lv/report-builder",
    },
    Shot {
        file: "mediation-phone.png",
        role: Some("mediator"),
        phone: true,
        path: "/lv/mediation",
    },
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every `images/NAME.png` named in the README and the book's pages.
fn images_shown() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "md") {
                out.push(path);
            }
        }
    }
    let mut pages = vec![root().join("README.md")];
    walk(&root().join("docs"), &mut pages);
    let mut shown = Vec::new();
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{e}"));
        for (i, _) in text.match_indices("images/") {
            let name: String = text[i + "images/".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
                .collect();
            if name.ends_with(".png") && !shown.contains(&name) {
                shown.push(name);
            }
        }
    }
    shown
}

#[test]
fn every_picture_in_the_guide_is_a_screenshot_the_browser_takes() {
    let shown = images_shown();
    let taken: Vec<&str> = SHOTS.iter().map(|s| s.file).collect();
    for name in &shown {
        assert!(
            taken.contains(&name.as_str()),
            "docs show images/{name}, which no browser test takes"
        );
    }
    for name in &taken {
        assert!(
            shown.iter().any(|s| s == name),
            "{name} is taken but no page shows it"
        );
        assert!(
            root().join("docs/images").join(name).exists(),
            "docs/images/{name} is missing: run ROMA_SCREENSHOTS=write cargo test --test it screenshots"
        );
    }
}

/// The width in a PNG's header.
fn png_width(png: &[u8]) -> u32 {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let bytes: [u8; 4] = png
        .get(16..20)
        .and_then(|b| b.try_into().ok())
        .unwrap_or_else(|| panic!("a PNG without its header"));
    u32::from_be_bytes(bytes)
}

async fn sign_in(b: &Browser, base: &str, email: &str, password: &str) {
    b.goto(&format!("{base}/lv/login")).await;
    b.find("#email").await.send_keys(email).await;
    b.find("#password").await.send_keys(password).await;
    b.find("form[action$='/login'] button[type=submit]")
        .await
        .click()
        .await;
    b.wait_for_url("/lv/workspace").await;
}

#[tokio::test]
async fn the_guide_s_screenshots_are_taken_from_the_demo() {
    let write = std::env::var("ROMA_SCREENSHOTS").is_ok_and(|v| v == "write");
    let scratch = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = if write {
        root().join("docs/images")
    } else {
        scratch.path().to_path_buf()
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut child, logins, base, _) = start_demo(dir.path());
    for role in [None, Some("coordinator"), Some("mediator")] {
        let b = Browser::start().await;
        if let Some(role) = role {
            let (_, email, password) = logins
                .iter()
                .find(|(r, _, _)| r == role)
                .unwrap_or_else(|| panic!("the demo has no {role}"));
            sign_in(&b, &base, email, password).await;
        }
        for shot in SHOTS.iter().filter(|s| s.role == role) {
            let width = if shot.phone { 390 } else { 1280 };
            b.set_window_size(width, if shot.phone { 844 } else { 860 })
                .await;
            let path = match shot.path.strip_prefix("first:") {
                None => shot.path.to_owned(),
                Some(list) => {
                    b.goto(&format!("{base}{list}")).await;
                    let href = b
                        .execute(
                            "const a = [...document.querySelectorAll('main a')]
                               .find(a => new RegExp('^' + arguments[0] + '/[0-9]+$')
                               .test(new URL(a.href).pathname));
                             return a ? new URL(a.href).pathname : null;",
                            vec![json!(list)],
                        )
                        .await;
                    href.as_str()
                        .unwrap_or_else(|| panic!("no item to open on {list}"))
                        .to_owned()
                }
            };
            b.goto(&format!("{base}{path}")).await;
            let at = b.wait_for("main h1").await;
            let url = b.current_url().await;
            assert!(url.ends_with(&path), "{}: went to {url}", shot.file);
            let status = b
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     fetch(location.href).then(r => done(r.status), () => done(0));",
                    vec![],
                )
                .await;
            assert_eq!(status, json!(200), "{}: {path}", shot.file);
            let title = at.text().await;
            assert!(!title.is_empty(), "{}: a page without a heading", shot.file);
            // No scroll bar in the picture: it is the browser's, not the page's.
            b.execute(
                "document.documentElement.style.scrollbarWidth = 'none';",
                vec![],
            )
            .await;
            let png = b.screenshot().await;
            let got = png_width(&png);
            assert!(
                got.abs_diff(width) <= 20,
                "{}: {got} px wide, the window is {width}",
                shot.file
            );
            std::fs::write(out.join(shot.file), &png).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    stop(&mut child);
}
