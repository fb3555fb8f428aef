//! iCalendar (RFC 5545) for events: one event or a feed. Times are written in UTC (`Z`),
//! which every client shows in its own time zone; the UID stays the same for an event's
//! life and SEQUENCE grows with each change, so updates replace the entry in calendars.

/// One event in a calendar.
#[derive(Debug, Clone)]
pub struct IcsEvent {
    /// Stable for the event's life, e.g. `event-42@roma.example.lv`.
    pub uid: String,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    /// UTC unix seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    /// UTC unix seconds of the last change.
    pub updated_at: i64,
    /// Grows with every change, so calendars replace their copy.
    pub sequence: i64,
    pub cancelled: bool,
}

fn utc(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut count = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if count + len > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(c);
        count += len;
    }
    out.push_str("\r\n");
}

/// A calendar with these events.
pub fn calendar(name: &str, events: &[IcsEvent]) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Roma Platform//Events//LV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(l, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", text(name)), &mut out);
    for e in events {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", e.uid), &mut out);
        fold(&format!("DTSTAMP:{}", utc(e.updated_at)), &mut out);
        fold(&format!("LAST-MODIFIED:{}", utc(e.updated_at)), &mut out);
        fold(
            &format!("SEQUENCE:{}", e.sequence.clamp(0, i64::from(i32::MAX))),
            &mut out,
        );
        fold(&format!("DTSTART:{}", utc(e.starts_at)), &mut out);
        fold(&format!("DTEND:{}", utc(e.ends_at)), &mut out);
        fold(&format!("SUMMARY:{}", text(&e.summary)), &mut out);
        if let Some(d) = &e.description {
            fold(&format!("DESCRIPTION:{}", text(d)), &mut out);
        }
        if let Some(l) = &e.location {
            fold(&format!("LOCATION:{}", text(l)), &mut out);
        }
        if let Some(u) = &e.url {
            fold(&format!("URL:{u}"), &mut out);
        }
        fold(
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
            &mut out,
        );
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_is_well_formed() {
        let e = IcsEvent {
            uid: "event-1@x".into(),
            summary: "Ikgadējā sanāksme; romu jaunieši, sievietes".into(),
            description: Some("Pirmā rinda\notrā rinda ".repeat(10)),
            location: Some("Jelgava, Lielā iela 1".into()),
            url: Some("https://x/lv/calendar/1".into()),
            starts_at: 1_796_889_600,
            ends_at: 1_796_911_200,
            updated_at: 1_795_700_000,
            sequence: 3,
            cancelled: false,
        };
        let ics = calendar("Romu platforma", &[e]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("SUMMARY:Ikgadējā sanāksme\\; romu jaunieši\\, sievietes\r\n"));
        assert!(ics.contains("DTSTART:20261210T080000Z\r\n"));
        assert!(ics.contains("LOCATION:Jelgava\\, Lielā iela 1"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line too long: {line}");
        }
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
    }
}
