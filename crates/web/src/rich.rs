//! Coordinators' rich text (site pages; news later): an allow-list of HTML, applied when the
//! text is saved and again when it is shown. Text without tags becomes paragraphs, so a
//! coordinator without an editor (no JavaScript) writes plain text with blank lines.

use std::collections::HashSet;

/// The tags kept; everything else is dropped (scripts and styles with their content).
const TAGS: [&str; 14] = [
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "blockquote",
    "a",
    "hr",
];

/// Cleans HTML to the allow-list: links only to http(s) and mailto, with `rel` set; no
/// attribute but `href`.
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .generic_attributes(HashSet::new())
        .tag_attributes(
            [("a", ["href"].into_iter().collect::<HashSet<_>>())]
                .into_iter()
                .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// What a coordinator typed, as clean HTML: plain text (no `<`) becomes paragraphs at blank
/// lines and line breaks within them; HTML goes through [`sanitise`].
pub fn from_input(input: &str) -> String {
    let input = input.trim();
    if input.contains('<') {
        return sanitise(input);
    }
    input
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                p.lines()
                    .map(documents::escape_xml)
                    .collect::<Vec<_>>()
                    .join("<br>")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Stored text back in its form field: paragraphs written as plain text (only `<p>` and
/// `<br>`) are given back as plain text — blank lines between paragraphs — so whoever edits
/// it does not meet HTML they never typed; anything richer stays as its HTML.
pub fn to_input(html: &str) -> String {
    let plain = html
        .split('<')
        .skip(1)
        .all(|t| t.starts_with("p>") || t.starts_with("/p>") || t.starts_with("br>"));
    if !plain {
        return html.to_owned();
    }
    html.split("</p>")
        .map(|p| p.trim().trim_start_matches("<p>"))
        .filter(|p| !p.is_empty())
        .map(|p| unescape(&p.replace("<br>", "\n")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The entities `documents::escape_xml` (and the sanitiser) write, back as characters.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paragraphs_come_back_as_typed_and_rich_text_as_html() {
        let typed = "Bērni kavēja skolu & \"stundas\".\nOtrā rinda.\n\nJauna rindkopa ar 'pēdiņām' > bultiņa";
        let stored = from_input(typed);
        assert!(stored.starts_with("<p>"), "{stored}");
        assert_eq!(to_input(&stored), typed);
        assert_eq!(from_input(&to_input(&stored)), stored);
        let rich = "<p>Teksts</p><ul><li>viens</li></ul>";
        assert_eq!(to_input(rich), rich);
        assert_eq!(to_input(""), "");
    }

    const PAYLOADS: [&str; 16] = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<svg onload=alert(1)><circle/></svg>",
        "<iframe src=\"https://example.invalid\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "\"><script>alert(1)</script>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>x</details>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<p onclick=\"alert(1)\">x</p>",
        "<style>body{display:none}</style><p>x</p>",
    ];

    #[test]
    fn xss_payloads_leave_nothing_that_runs() {
        for p in PAYLOADS {
            for out in [sanitise(p), from_input(p), sanitise(&sanitise(p))] {
                let lower = out.to_lowercase();
                for bad in [
                    "<script",
                    "onerror",
                    "onload",
                    "onclick",
                    "ontoggle",
                    "javascript:",
                    "<iframe",
                    "style",
                    "<svg",
                    "<object",
                    "<form",
                    "data:",
                    "<math",
                ] {
                    assert!(!lower.contains(bad), "{p:?} gave {out:?}");
                }
            }
        }
    }

    #[test]
    fn allowed_markup_and_plain_text_survive() {
        assert_eq!(
            sanitise(
                "<h2>Par mums</h2><p><strong>Romu</strong> <a href=\"https://km.gov.lv\">saite</a></p>"
            ),
            "<h2>Par mums</h2><p><strong>Romu</strong> <a href=\"https://km.gov.lv\" rel=\"noopener noreferrer nofollow\">saite</a></p>"
        );
        assert_eq!(
            from_input("Pirmā rinda\notrā rinda\n\nJauna rindkopa & vēl"),
            "<p>Pirmā rinda<br>otrā rinda</p>\n<p>Jauna rindkopa &amp; vēl</p>"
        );
    }
}
