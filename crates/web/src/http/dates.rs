//! Moments as dates: the Riga calendar date, and RFC 3339 for JSON.

use jiff::civil::Date;

/// The Riga date of a moment.
pub fn riga_date(at: i64) -> Date {
    jiff::Timestamp::from_second(at)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(crate::i18n::riga())
        .date()
}

pub fn rfc3339(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|t| t.to_string())
        .unwrap_or_default()
}
