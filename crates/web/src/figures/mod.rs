//! Figures as the platform publishes them, in one place for every page, export, report and
//! open-data file that shows them: periods, participation breakdowns and mediation figures,
//! exact for those who may see exact counts, else under the disclosure control of
//! `domain::participation` (no small number that could point to a person).

pub mod mediation;
pub mod needs;
pub mod participation;

use domain::participation::Published;
use jiff::civil::Date;

use crate::http::forms::FormErrors;

/// Reads the filter; a wrong field is reported and left out (the rest still applies).
/// A period from the `from` and `to` query fields: this calendar year by default; a bad
/// date or an end before the start is an error on its field and falls back to the year.
pub fn period(from: &str, to: &str, today: Date, errors: &mut FormErrors) -> (Date, Date) {
    let year_start = Date::new(today.year(), 1, 1).unwrap_or(today);
    let year_end = Date::new(today.year(), 12, 31).unwrap_or(today);
    let mut date = |raw: &str, field: &'static str, default: Date| match raw.trim() {
        "" => default,
        s => s.parse::<Date>().unwrap_or_else(|_| {
            errors.add(field, "stats-date-invalid");
            default
        }),
    };
    let from = date(from, "from", year_start);
    let to = date(to, "to", year_end);
    if to < from {
        errors.add("to", "stats-dates-order");
        return (year_start, year_end);
    }
    (from, to)
}

/// A figure under disclosure control as a typed report cell: a number where one is
/// published, else its text ("<10", "…").
pub(crate) fn published_cell(p: Published) -> documents::table::Cell {
    match p.value() {
        Some(n) => documents::table::Cell::Int(n),
        None => documents::table::Cell::Text(p.text()),
    }
}
