//! A save refused because the record changed since its form was loaded (issue 20, item 6:
//! no silent overwrites; `store::versions`). The form comes back with what was typed, the
//! record's current version (so the next save, after merging by hand, goes through), and
//! each field whose stored value now differs from the typed one, with that stored value.

/// What changed, field by field: (the field's label's message id, the value stored now).
#[derive(Debug, Clone, Default)]
pub struct Stale {
    pub fields: Vec<(&'static str, String)>,
}

impl Stale {
    /// From (label id, typed, stored now, the stored value in words) for each field.
    pub fn compare(fields: Vec<(&'static str, &str, &str, String)>) -> Stale {
        Stale {
            fields: fields
                .into_iter()
                .filter(|(_, typed, stored, _)| typed.trim() != stored.trim())
                .map(|(label, _, _, shown)| (label, shown))
                .collect(),
        }
    }
}

/// The version a form was loaded with (a hidden field): `None` when absent or not a number
/// (then the save is not checked, as for an API client that sends none).
pub fn version(raw: &str) -> Option<i64> {
    raw.trim().parse().ok()
}
