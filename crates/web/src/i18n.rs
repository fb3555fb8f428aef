//! Languages and messages. Every visible string is a Fluent message in `locales/<lang>/`;
//! Latvian is the source of truth and the default. The language is part of every page's
//! URL (`/lv/…`, `/en/…`), so public pages need no cookie.
//!
//! Latvian plurals: fluent's plural rules put 111–119 in "other" instead of "zero"; our
//! messages give `zero` and `other` the same wording and use `[0]` for "none".

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use jiff::Timestamp;
use jiff::tz::TimeZone;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Lv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Lv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Lv => "lv",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "lv" => Some(Lang::Lv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a request path starts with (`/en/...`), if it starts with one.
    pub fn in_path(path: &str) -> Option<Lang> {
        path.trim_start_matches('/')
            .split('/')
            .next()
            .and_then(Lang::parse)
    }

    /// The language a request path starts with, Latvian otherwise.
    pub fn from_path(path: &str) -> Lang {
        Lang::in_path(path).unwrap_or(Lang::Lv)
    }

    /// The language the browser prefers among ours (RFC 9110 `Accept-Language` with
    /// q-values), Latvian when it prefers none of them.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let Some(header) = accept_language else {
            return Lang::Lv;
        };
        let mut best: Option<(f32, usize, Lang)> = None;
        for (pos, item) in header.split(',').enumerate() {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            let Some(lang) = Lang::parse(primary) else {
                continue;
            };
            if q <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((bq, bpos, _)) => q > bq || (q == bq && pos < bpos),
            };
            if better {
                best = Some((q, pos, lang));
            }
        }
        best.map_or(Lang::Lv, |(_, _, l)| l)
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Lv => Lang::En,
            Lang::En => Lang::Lv,
        }
    }
}

/// The Fluent sources, per language, as (file name, text).
pub const SOURCES: &[(Lang, &str, &str)] = &[
    (
        Lang::Lv,
        "core.ftl",
        include_str!("../../../locales/lv/core.ftl"),
    ),
    (
        Lang::Lv,
        "auth.ftl",
        include_str!("../../../locales/lv/auth.ftl"),
    ),
    (
        Lang::Lv,
        "admin.ftl",
        include_str!("../../../locales/lv/admin.ftl"),
    ),
    (
        Lang::Lv,
        "territories.ftl",
        include_str!("../../../locales/lv/territories.ftl"),
    ),
    (
        Lang::Lv,
        "directory.ftl",
        include_str!("../../../locales/lv/directory.ftl"),
    ),
    (
        Lang::Lv,
        "events.ftl",
        include_str!("../../../locales/lv/events.ftl"),
    ),
    (
        Lang::Lv,
        "participation.ftl",
        include_str!("../../../locales/lv/participation.ftl"),
    ),
    (
        Lang::Lv,
        "plans.ftl",
        include_str!("../../../locales/lv/plans.ftl"),
    ),
    (
        Lang::Lv,
        "mediation.ftl",
        include_str!("../../../locales/lv/mediation.ftl"),
    ),
    (
        Lang::Lv,
        "library.ftl",
        include_str!("../../../locales/lv/library.ftl"),
    ),
    (
        Lang::Lv,
        "reports.ftl",
        include_str!("../../../locales/lv/reports.ftl"),
    ),
    (
        Lang::En,
        "core.ftl",
        include_str!("../../../locales/en/core.ftl"),
    ),
    (
        Lang::En,
        "auth.ftl",
        include_str!("../../../locales/en/auth.ftl"),
    ),
    (
        Lang::En,
        "admin.ftl",
        include_str!("../../../locales/en/admin.ftl"),
    ),
    (
        Lang::En,
        "territories.ftl",
        include_str!("../../../locales/en/territories.ftl"),
    ),
    (
        Lang::En,
        "directory.ftl",
        include_str!("../../../locales/en/directory.ftl"),
    ),
    (
        Lang::En,
        "events.ftl",
        include_str!("../../../locales/en/events.ftl"),
    ),
    (
        Lang::En,
        "participation.ftl",
        include_str!("../../../locales/en/participation.ftl"),
    ),
    (
        Lang::En,
        "plans.ftl",
        include_str!("../../../locales/en/plans.ftl"),
    ),
    (
        Lang::En,
        "mediation.ftl",
        include_str!("../../../locales/en/mediation.ftl"),
    ),
    (
        Lang::En,
        "library.ftl",
        include_str!("../../../locales/en/library.ftl"),
    ),
    (
        Lang::En,
        "reports.ftl",
        include_str!("../../../locales/en/reports.ftl"),
    ),
];

struct Bundles {
    lv: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::Lv => unic_langid::langid!("lv"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show up in attributes and e-mails; our placeables are
    // all same-direction text.
    bundle.set_use_isolating(false);
    for (l, name, text) in SOURCES {
        if *l != lang {
            continue;
        }
        match FluentResource::try_new((*text).to_owned()) {
            Ok(res) => {
                if let Err(errors) = bundle.add_resource(res) {
                    tracing::error!(file = name, ?errors, "duplicate Fluent messages");
                }
            }
            Err((res, errors)) => {
                tracing::error!(file = name, ?errors, "Fluent syntax errors");
                let _ = bundle.add_resource(res);
            }
        }
    }
    bundle
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    lv: build(Lang::Lv),
    en: build(Lang::En),
});

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Lv => &BUNDLES.lv,
        Lang::En => &BUNDLES.en,
    }
}

/// Looks a message up; a missing message shows its id (and a test fails on it).
pub fn t(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// Looks a message up with arguments.
pub fn t_args(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    format(lang, id, Some(&fa))
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!(id, lang = lang.code(), "missing message");
        return id.to_owned();
    };
    let mut errors = Vec::new();
    let out = b.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "message formatting errors");
    }
    out.into_owned()
}

/// Riga's time zone, where the platform's dates are shown.
pub fn riga() -> TimeZone {
    TimeZone::get("Europe/Riga").unwrap_or(TimeZone::UTC)
}

/// "2026. gada 26. novembris" / "26 November 2026".
pub fn date(lang: Lang, at: Timestamp) -> String {
    let d = at.to_zoned_datetime(riga());
    day(lang, d.date())
}

/// A calendar day in words: "2026. gada 6. decembris" / "6 December 2026".
pub fn day(lang: Lang, d: jiff::civil::Date) -> String {
    t_args(
        lang,
        "date-long",
        &[
            ("year", FluentValue::from(d.year().to_string())),
            ("month", FluentValue::from(i64::from(d.month()))),
            ("day", FluentValue::from(i64::from(d.day()))),
        ],
    )
}

/// The date and the 24-hour time in Riga.
pub fn datetime(lang: Lang, unix_seconds: i64) -> String {
    let at = Timestamp::from_second(unix_seconds).unwrap_or(Timestamp::UNIX_EPOCH);
    let z = at.to_zoned_datetime(riga());
    format!("{}, {:02}:{:02}", date(lang, at), z.hour(), z.minute())
}

/// A whole number with the locale's digit grouping: "12 345" (with a no-break space) in
/// Latvian, "12,345" in English (one implementation with reports: `documents::format`).
pub fn number(lang: Lang, n: i64) -> String {
    documents::format::int(lang.code(), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_ours_by_quality() {
        assert_eq!(Lang::negotiate(None), Lang::Lv);
        assert_eq!(Lang::negotiate(Some("en-GB,en;q=0.9")), Lang::En);
        assert_eq!(Lang::negotiate(Some("de-DE,en;q=0.5,lv;q=0.8")), Lang::Lv);
        assert_eq!(Lang::negotiate(Some("ru,de")), Lang::Lv);
        assert_eq!(Lang::negotiate(Some("en;q=0,lv;q=0.1")), Lang::Lv);
        assert_eq!(Lang::negotiate(Some("EN-us")), Lang::En);
    }

    #[test]
    fn dates_follow_the_locale() {
        let at = Timestamp::from_second(1_795_700_000).unwrap_or(Timestamp::UNIX_EPOCH);
        // 2026-11-26 in Riga.
        assert_eq!(date(Lang::Lv, at), "2026. gada 26. novembris");
        assert_eq!(date(Lang::En, at), "26 November 2026");
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(number(Lang::Lv, 1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::En, -999), "-999");
        assert_eq!(number(Lang::Lv, 0), "0");
    }

    #[test]
    fn latvian_plural_words_are_right_for_all_counts() {
        // Latvian: 1, 21, 101 take the singular; 0, 11–19, 111 take the plural form.
        let n = |k: i64| t_args(Lang::Lv, "count-users", &[("count", FluentValue::from(k))]);
        assert_eq!(n(0), "nav lietotāju");
        assert_eq!(n(1), "1 lietotājs");
        assert_eq!(n(21), "21 lietotājs");
        assert_eq!(n(2), "2 lietotāji");
        assert_eq!(n(11), "11 lietotāji");
        assert_eq!(n(111), "111 lietotāji");
    }
}
