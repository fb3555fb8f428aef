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
    let (from_given, to_given) = (!from.trim().is_empty(), !to.trim().is_empty());
    let from = date(from, "from", year_start);
    let to = date(to, "to", year_end);
    // One end given outside this year: the other end defaults to that end's year, not to
    // this year's (which would put the period back to front).
    let from = match (from_given, to < from) {
        (false, true) => Date::new(to.year(), 1, 1).unwrap_or(to),
        _ => from,
    };
    let to = match (to_given, to < from) {
        (false, true) => Date::new(from.year(), 12, 31).unwrap_or(from),
        _ => to,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn one_end_of_a_period_takes_the_other_from_its_own_year_when_this_years_would_not_fit() {
        let today = d("2026-12-07");
        let mut e = FormErrors::default();
        assert_eq!(
            period("", "", today, &mut e),
            (d("2026-01-01"), d("2026-12-31"))
        );
        assert_eq!(
            period("2026-03-01", "", today, &mut e),
            (d("2026-03-01"), d("2026-12-31"))
        );
        assert_eq!(
            period("2024-03-01", "", today, &mut e),
            (d("2024-03-01"), d("2026-12-31"))
        );
        assert_eq!(
            period("", "2024-05-31", today, &mut e),
            (d("2024-01-01"), d("2024-05-31"))
        );
        assert_eq!(
            period("2030-02-01", "", today, &mut e),
            (d("2030-02-01"), d("2030-12-31"))
        );
        assert!(e.is_empty());
        period("2026-05-01", "2026-04-01", today, &mut e);
        assert!(!e.is_empty());
    }
}
