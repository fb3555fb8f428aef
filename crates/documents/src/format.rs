//! Numbers, money, shares and dates written the way each language writes them: one place
//! for pages, reports and exports. Latvian groups digits with a no-break space and writes a
//! decimal comma ("12 345,50 €", "45 %", "27.11.2026."); English groups with commas
//! ("€12,345.50", "45%", "27 Nov 2026").

use jiff::civil::Date;

/// Whether a language code is Latvian (anything else is written as English).
fn latvian(lang: &str) -> bool {
    lang == "lv"
}

fn grouped(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number with the language's digit grouping.
pub fn int(lang: &str, n: i64) -> String {
    let sep = if latvian(lang) { '\u{a0}' } else { ',' };
    let body = grouped(&n.unsigned_abs().to_string(), sep);
    if n < 0 { format!("-{body}") } else { body }
}

/// An amount in euro with cents.
pub fn euro(lang: &str, amount: f64) -> String {
    let cents = (amount * 100.0).round();
    // Whole euro and cents without going through a lossy cast: amounts are far below 2^53.
    let negative = cents < 0.0;
    let cents = cents.abs();
    let whole = format!("{:.0}", (cents / 100.0).trunc());
    let rest = format!("{:02.0}", cents % 100.0);
    let sign = if negative { "-" } else { "" };
    if latvian(lang) {
        format!("{sign}{},{rest}\u{a0}€", grouped(&whole, '\u{a0}'))
    } else {
        format!("{sign}€{}.{rest}", grouped(&whole, ','))
    }
}

/// A share in per cent, whole.
pub fn percent(lang: &str, p: f64) -> String {
    let p = format!("{:.0}", p.round());
    if latvian(lang) {
        format!("{p}\u{a0}%")
    } else {
        format!("{p}%")
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date in a table cell: "27.11.2026." or "27 Nov 2026".
pub fn date(lang: &str, d: Date) -> String {
    if latvian(lang) {
        format!("{:02}.{:02}.{}.", d.day(), d.month(), d.year())
    } else {
        let m = usize::try_from(d.month() - 1).unwrap_or(0);
        format!("{} {} {}", d.day(), MONTHS_EN[m.min(11)], d.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_money_shares_and_dates_follow_the_language() {
        assert_eq!(int("lv", 1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(int("en", -1_234), "-1,234");
        assert_eq!(int("en", 12), "12");
        assert_eq!(euro("lv", 12_345.5), "12\u{a0}345,50\u{a0}€");
        assert_eq!(euro("en", 0.049), "€0.05");
        assert_eq!(euro("en", -7.0), "-€7.00");
        assert_eq!(percent("lv", 44.6), "45\u{a0}%");
        assert_eq!(percent("en", 100.0), "100%");
        let d = Date::new(2026, 11, 7).unwrap_or_default();
        assert_eq!(date("lv", d), "07.11.2026.");
        assert_eq!(date("en", d), "7 Nov 2026");
    }
}
