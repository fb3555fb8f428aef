//! A save refused because the record changed since its form was loaded (issue 20, item 6:
//! no silent overwrites; `store::versions`). The form comes back with what was typed, the
//! record's current version (so the next save, after merging by hand, goes through), and
//! each field whose stored value now differs from the typed one, with that stored value.

/// What changed, field by field.
#[derive(Debug, Clone, Default)]
pub struct Stale {
    pub fields: Vec<Changed>,
}

/// A field whose stored value now differs from the typed one.
#[derive(Debug, Clone)]
pub struct Changed {
    /// The field's label's message id.
    pub label: &'static str,
    /// Said after the label (message id), for forms whose fields share labels across
    /// languages: "Title (in English)".
    pub qualifier: Option<&'static str>,
    /// The value stored now, in words.
    pub now: String,
}

/// (label id, typed, stored now, the stored value in words).
pub type Field<'a> = (&'static str, &'a str, &'a str, String);

fn changed(qualifier: Option<&'static str>, fields: Vec<Field<'_>>) -> Vec<Changed> {
    fields
        .into_iter()
        .filter(|(_, typed, stored, _)| typed.trim() != stored.trim())
        .map(|(label, _, _, now)| Changed {
            label,
            qualifier,
            now,
        })
        .collect()
}

impl Stale {
    /// From (label id, typed, stored now, the stored value in words) for each field.
    pub fn compare(fields: Vec<Field<'_>>) -> Stale {
        Stale {
            fields: changed(None, fields),
        }
    }

    /// More fields.
    pub fn and(mut self, fields: Vec<Field<'_>>) -> Stale {
        self.fields.extend(changed(None, fields));
        self
    }

    /// More fields, each label followed by `qualifier` (e.g. the English half of a form
    /// whose Latvian and English fields share their labels).
    pub fn and_in(mut self, qualifier: &'static str, fields: Vec<Field<'_>>) -> Stale {
        self.fields.extend(changed(Some(qualifier), fields));
        self
    }
}

/// A field whose stored value is shown as it is stored (free text, dates, numbers).
pub fn plain<'a>(label: &'static str, typed: &'a str, stored: &'a str) -> Field<'a> {
    (label, typed, stored, stored.to_owned())
}

/// A multiple choice (checkboxes, a multi-select) as one comparable value: the chosen ids
/// in order, whatever order the form sent them in.
pub fn as_set(v: &[String]) -> String {
    let mut v = v.to_vec();
    v.sort();
    v.join(",")
}

/// The message id saying whether a box ("yes" when ticked) is ticked.
pub fn ticked(v: &str) -> &'static str {
    if v == "yes" {
        "stale-ticked"
    } else {
        "stale-unticked"
    }
}

/// The version a form was loaded with (a hidden field): `None` when absent (the save is not
/// checked, as for an API client that sends none); one no record has when it is not a
/// number, so the save is refused as stale and the form comes back with the current one.
pub fn version(raw: &str) -> Option<i64> {
    match raw.trim() {
        "" => None,
        v => Some(v.parse().unwrap_or(-1)),
    }
}
