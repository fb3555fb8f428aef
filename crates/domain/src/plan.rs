//! Policy monitoring: plans, measures and their indicators — the closed vocabularies, money
//! in euro cents, indicator values and the gap between Roma and the general population.

/// A plan's status.
pub const PLAN_STATUSES: &[&str] = PlanStatus::CODES;

/// A measure's status — also what a progress report says about it.
pub const MEASURE_STATUSES: &[&str] = MeasureStatus::CODES;

crate::vocabulary! {
    /// A plan's status.
    #[derive(Default)]
    pub enum PlanStatus (other = Closed) {
        #[default]
        Draft = ("draft", "plan-status-draft"),
        InForce = ("in_force", "plan-status-in-force"),
        Closed = ("closed", "plan-status-closed"),
    }
}

crate::vocabulary! {
    /// A measure's status — also what a progress report says about it.
    pub enum MeasureStatus (other = Cancelled) {
        NotStarted = ("not_started", "measure-status-not-started"),
        OnTrack = ("on_track", "measure-status-on-track"),
        Delayed = ("delayed", "measure-status-delayed"),
        Completed = ("completed", "measure-status-completed"),
        Cancelled = ("cancelled", "measure-status-cancelled"),
    }
}

/// Where a measure's planned money comes from.
pub const FUNDING_SOURCES: &[&str] = Funding::CODES;

/// What an indicator measures: an output of the measures, or an outcome for Roma (with the
/// general population's value beside it).
pub const INDICATOR_KINDS: &[&str] = IndicatorKind::CODES;

crate::vocabulary! {
    /// Whether a higher or a lower value is better.
    pub enum Direction (other = HigherIsBetter) {
        HigherIsBetter = ("higher", "direction-higher"),
        LowerIsBetter = ("lower", "direction-lower"),
    }
}

/// The gap between Roma and the general population, signed so that a positive gap means
/// Roma are worse off: for "higher is better" the general value less the Roma value, for
/// "lower is better" the Roma value less the general value.
pub fn gap(direction: Direction, roma: f64, general: f64) -> f64 {
    match direction {
        Direction::HigherIsBetter => general - roma,
        Direction::LowerIsBetter => roma - general,
    }
}

/// How far a value has come from the baseline toward the target, as a share (0.0 at the
/// baseline, 1.0 at the target; below 0 when it moved the wrong way, above 1 past the
/// target). `None` when baseline and target are equal.
pub fn progress(baseline: f64, target: f64, value: f64) -> Option<f64> {
    let span = target - baseline;
    if span.abs() < f64::EPSILON {
        return None;
    }
    Some((value - baseline) / span)
}

/// What an EU 2030 headline target asks of a national indicator, from its baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EuGoal {
    /// The Roma / general-population gap at most this.
    GapAtMost(f64),
    /// The Roma value at most this.
    AtMost(f64),
    /// The Roma value at least this.
    AtLeast(f64),
}

/// The goal an EU target's rule (`reduce_gap`, `reduce`, `increase`, `reach`) and factor
/// set for an indicator with this baseline; `None` when the baseline it needs is missing.
pub fn eu_goal(
    rule: &str,
    factor: f64,
    direction: Direction,
    baseline: Option<f64>,
    baseline_general: Option<f64>,
) -> Option<EuGoal> {
    match rule {
        "reduce_gap" => Some(EuGoal::GapAtMost(
            gap(direction, baseline?, baseline_general?) * factor,
        )),
        "reduce" => Some(EuGoal::AtMost(baseline? * factor)),
        "increase" => Some(EuGoal::AtLeast(baseline? * factor)),
        "reach" => Some(EuGoal::AtLeast(factor)),
        _ => None,
    }
}

/// Parses an amount of euro typed the Latvian or the English way ("1 234,56", "1234.56",
/// "1,234.56", "1.234,56", "€ 12") into cents. With both a comma and a point the last one
/// is the decimal sign and the other groups thousands; a sign that repeats groups
/// thousands. "12,345" (decimals or thousands?) is refused, as are negative amounts and
/// more than two decimals.
pub fn parse_euro_cents(raw: &str) -> Option<i64> {
    let s: String = raw
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if s.is_empty() {
        return None;
    }
    let last_comma = s.rfind(',');
    let last_point = s.rfind('.');
    let (group, decimal) = match (last_comma, last_point) {
        (Some(c), Some(p)) if c > p => (Some('.'), Some(c)),
        (Some(_), Some(p)) => (Some(','), Some(p)),
        (Some(_), None) if s.matches(',').count() > 1 => (Some(','), None),
        (None, Some(_)) if s.matches('.').count() > 1 => (Some('.'), None),
        (Some(c), None) => (None, Some(c)),
        (None, Some(p)) => (None, Some(p)),
        (None, None) => (None, None),
    };
    let (whole, frac) = match decimal {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s.as_str(), ""),
    };
    if frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Thousands groups: 1–3 digits, then groups of exactly three.
    let whole: String = match group {
        Some(g) => {
            let parts: Vec<&str> = whole.split(g).collect();
            let ok = parts.len() > 1
                && (1..=3).contains(&parts[0].len())
                && parts[1..].iter().all(|p| p.len() == 3);
            if !ok {
                return None;
            }
            parts.concat()
        }
        None => whole.to_owned(),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// Cents as typed into a form: "1234,56" (lv), "1234.56" (en).
pub fn euro_input(cents: i64, lang: &str) -> String {
    let sep = if lang == "en" { '.' } else { ',' };
    format!("{}{sep}{:02}", cents / 100, cents % 100)
}

/// Cents as euro the way the language writes them: "1 234,56 €" (lv), "€1,234.56" (en).
pub fn format_euro(cents: i64, lang: &str) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let (whole, frac) = (c / 100, c % 100);
    let digits = whole.to_string();
    let sep = if lang == "en" { ',' } else { '\u{a0}' };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    if lang == "en" {
        format!("{sign}€{grouped}.{frac:02}")
    } else {
        format!("{sign}{grouped},{frac:02}\u{a0}€")
    }
}

/// Parses an indicator value typed with a decimal comma or point ("12,5", "-3.25").
pub fn parse_value(raw: &str) -> Option<f64> {
    let s: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let digits = s.strip_prefix('-').unwrap_or(&s);
    // Plain decimals only (no exponents, no "inf"), and not beyond what any indicator needs.
    if digits.is_empty()
        || s.matches([',', '.']).count() > 1
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let v: f64 = s.replace(',', ".").parse().ok()?;
    (v.is_finite() && v.abs() <= MAX_VALUE).then_some(v)
}

/// The largest magnitude an indicator value may have.
pub const MAX_VALUE: f64 = 1e12;

/// A value the way the language writes it, with at most two decimals and no trailing
/// zeros: "12,5" (lv), "12.5" (en).
pub fn format_value(v: f64, lang: &str) -> String {
    let mut s = format!("{:.2}", v);
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    if lang == "en" { s } else { s.replace('.', ",") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_positive_when_roma_are_worse_off_in_either_direction() {
        // Employment: higher is better; 43 % of Roma, 72 % of everyone.
        assert_eq!(gap(Direction::HigherIsBetter, 43.0, 72.0), 29.0);
        // Poverty: lower is better; 80 % of Roma, 17 % of everyone.
        assert_eq!(gap(Direction::LowerIsBetter, 80.0, 17.0), 63.0);
        // Better off than the general population: a negative gap.
        assert_eq!(gap(Direction::LowerIsBetter, 10.0, 17.0), -7.0);
        assert_eq!(gap(Direction::HigherIsBetter, 80.0, 72.0), -8.0);
    }

    #[test]
    fn eu_targets_turn_a_baseline_into_a_goal() {
        // Halve the employment gap: 29 points at the baseline, 14.5 at most in 2030.
        assert_eq!(
            eu_goal(
                "reduce_gap",
                0.5,
                Direction::HigherIsBetter,
                Some(43.0),
                Some(72.0)
            ),
            Some(EuGoal::GapAtMost(14.5))
        );
        assert_eq!(
            eu_goal(
                "reduce_gap",
                0.5,
                Direction::HigherIsBetter,
                Some(43.0),
                None
            ),
            None
        );
        assert_eq!(
            eu_goal("reduce", 0.5, Direction::LowerIsBetter, Some(26.0), None),
            Some(EuGoal::AtMost(13.0))
        );
        assert_eq!(
            eu_goal("increase", 2.0, Direction::HigherIsBetter, Some(15.0), None),
            Some(EuGoal::AtLeast(30.0))
        );
        assert_eq!(
            eu_goal("reach", 95.0, Direction::HigherIsBetter, None, None),
            Some(EuGoal::AtLeast(95.0))
        );
    }

    #[test]
    fn progress_runs_from_baseline_to_target_in_either_direction() {
        assert_eq!(progress(40.0, 60.0, 50.0), Some(0.5));
        assert_eq!(progress(80.0, 40.0, 60.0), Some(0.5), "lower is better");
        assert_eq!(progress(80.0, 40.0, 90.0), Some(-0.25), "the wrong way");
        assert_eq!(progress(10.0, 10.0, 12.0), None);
    }

    #[test]
    fn euro_amounts_parse_in_both_languages_ways() {
        assert_eq!(parse_euro_cents("1 234,56"), Some(123_456));
        assert_eq!(parse_euro_cents("1234.5"), Some(123_450));
        assert_eq!(parse_euro_cents("12 000 €"), Some(1_200_000));
        assert_eq!(parse_euro_cents("€7"), Some(700));
        assert_eq!(parse_euro_cents("0"), Some(0));
        assert_eq!(parse_euro_cents("1,234.56"), Some(123_456));
        assert_eq!(parse_euro_cents("1.234,56"), Some(123_456));
        assert_eq!(parse_euro_cents("1,234,567"), Some(123_456_700));
        assert_eq!(parse_euro_cents("1.234.567,5"), Some(123_456_750));
        for bad in [
            "",
            "-5",
            "12,345",
            "12,3456",
            "abc",
            "1.2.3",
            ",5",
            "1,23.4",
            "12345,6789",
        ] {
            assert_eq!(parse_euro_cents(bad), None, "{bad}");
        }
        assert_eq!(format_euro(123_456, "lv"), "1\u{a0}234,56\u{a0}€");
        assert_eq!(format_euro(123_456, "en"), "€1,234.56");
        assert_eq!(format_euro(5, "en"), "€0.05");
        assert_eq!(format_euro(100_000_000, "en"), "€1,000,000.00");
        for c in [0, 5, 123_456, 100_000_000] {
            for lang in ["lv", "en"] {
                assert_eq!(parse_euro_cents(&euro_input(c, lang)), Some(c));
                assert_eq!(parse_euro_cents(&format_euro(c, lang)), Some(c), "{lang}");
            }
        }
    }

    #[test]
    fn values_parse_and_print_with_the_languages_decimal_sign() {
        assert_eq!(parse_value("12,5"), Some(12.5));
        assert_eq!(parse_value(" -3.25 "), Some(-3.25));
        assert_eq!(parse_value("1 000"), Some(1000.0));
        assert_eq!(parse_value("1,2,3"), None);
        assert_eq!(parse_value("NaN"), None);
        assert_eq!(parse_value("inf"), None);
        assert_eq!(parse_value("1e308"), None);
        assert_eq!(parse_value("1000000000000000"), None);
        assert_eq!(parse_value("-"), None);
        assert_eq!(format_value(12.5, "lv"), "12,5");
        assert_eq!(format_value(12.5, "en"), "12.5");
        assert_eq!(format_value(40.0, "lv"), "40");
        assert_eq!(format_value(-0.001, "lv"), "0");
        assert_eq!(format_value(1.0 / 3.0, "en"), "0.33");
    }
}

crate::vocabulary! {
    /// A progress report's status in a reporting round.
    pub enum ReportStatus (other = Accepted) {
        Pending = ("pending", "report-status-pending"),
        Submitted = ("submitted", "report-status-submitted"),
        Returned = ("returned", "report-status-returned"),
        Accepted = ("accepted", "report-status-accepted"),
    }
}

crate::vocabulary! {
    /// Where a measure's planned money comes from.
    pub enum Funding (other = Other) {
        StateBudget = ("state_budget", "funding-state-budget"),
        EsfPlus = ("esf_plus", "funding-esf-plus"),
        OtherEu = ("other_eu", "funding-other-eu"),
        Municipal = ("municipal", "funding-municipal"),
        Other = ("other", "funding-other"),
    }
}

crate::vocabulary! {
    /// What an indicator measures: an output of the measures, or an outcome for Roma.
    pub enum IndicatorKind (other = Outcome) {
        Output = ("output", "indicator-kind-output"),
        Outcome = ("outcome", "indicator-kind-outcome"),
    }
}

crate::vocabulary! {
    /// A reporting round: open for reports, or closed.
    pub enum RoundStatus (other = Closed) {
        Open = ("open", "round-open-status"),
        Closed = ("closed", "round-closed"),
    }
}
