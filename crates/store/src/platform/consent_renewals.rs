//! Consents to renew (issue 20, item 7): when a notice changes materially
//! (`domain::privacy_notices`), the consents still in force that were given under an
//! earlier version are listed, so that the people can be asked again. Each list takes the
//! versions under which a consent stands (`Notice::standing`); a consent recorded under any
//! other reference is listed. Restricted people are left out (their data is not processed,
//! and asking them is processing); erased ones have nothing left to renew.

use crate::Db;

/// Whose consent it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Person {
        id: i64,
        name: String,
    },
    Organisation {
        id: i64,
        name: String,
    },
    /// A registration for an event still to come.
    Registration {
        event_id: i64,
        event_title: String,
        name: String,
    },
}

/// A consent to renew: whose, given when, under which version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renewal {
    pub subject: Subject,
    pub given_on: String,
    pub version: String,
}

fn json(standing: &[&str]) -> String {
    serde_json::to_string(standing).unwrap_or_else(|_| "[]".to_owned())
}

/// Registry people whose Roma self-identification rests on a consent given under a version
/// not in `standing`.
pub async fn roma_identity(db: &Db, standing: &[&str]) -> crate::Result<Vec<Renewal>> {
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT p.id, p.name, c.given_on, c.notice_version
         FROM person_roma_identity r
         JOIN consents c ON c.id = r.consent_id
         JOIN people p ON p.id = r.person_id
         WHERE c.withdrawn_at IS NULL AND p.restricted_at IS NULL
           AND c.notice_version NOT IN (SELECT value FROM json_each($1))
         ORDER BY p.sort_key, p.id",
    )
    .bind(json(standing))
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, given_on, version)| Renewal {
            subject: Subject::Person { id, name },
            given_on,
            version,
        })
        .collect())
}

/// (subject kind, subject id, the person's name, the organisation's, given on, version).
type ListingRow = (String, i64, Option<String>, Option<String>, String, String);

/// People and organisations listed in the public directory under a version not in
/// `standing`. `lang` picks the organisation's name.
pub async fn listings(db: &Db, standing: &[&str], lang: &str) -> crate::Result<Vec<Renewal>> {
    let rows: Vec<ListingRow> = sqlx::query_as(
        "SELECT l.subject_kind, l.subject_id, p.name,
                    CASE WHEN $2 = 'en' THEN COALESCE(o.name_en, o.name_lv) ELSE o.name_lv END,
                    l.given_on, l.notice_version
             FROM directory_listings l
             LEFT JOIN people p ON l.subject_kind = 'person' AND p.id = l.subject_id
             LEFT JOIN organisations o ON l.subject_kind = 'organisation' AND o.id = l.subject_id
             WHERE l.withdrawn_at IS NULL
               AND l.notice_version NOT IN (SELECT value FROM json_each($1))
               AND (l.subject_kind = 'organisation' OR p.restricted_at IS NULL)
               AND COALESCE(p.name, o.name_lv) IS NOT NULL
             ORDER BY COALESCE(p.sort_key, o.name_lv), l.id",
    )
    .bind(json(standing))
    .bind(lang)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, id, person, org, given_on, version)| Renewal {
            subject: if kind == "person" {
                Subject::Person {
                    id,
                    name: person.unwrap_or_default(),
                }
            } else {
                Subject::Organisation {
                    id,
                    name: org.unwrap_or_default(),
                }
            },
            given_on,
            version,
        })
        .collect())
}

/// Which of a registration's two consents a list is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationText {
    /// The notice acknowledged on registering (`notice_version`).
    Notice,
    /// The consent to keep the statistics answers (`stats_notice_version`, when given).
    Statistics,
}

/// Registrations (confirmed or waiting) for events starting after `now` whose notice or
/// statistics consent was given under a version not in `standing`; `lang` picks the
/// event's title. Past events' registrations are not asked again: nothing more is done
/// with them than their consent covered.
pub async fn registrations(
    db: &Db,
    now: i64,
    text: RegistrationText,
    standing: &[&str],
    lang: &str,
) -> crate::Result<Vec<Renewal>> {
    let column = match text {
        RegistrationText::Notice => "r.notice_version",
        RegistrationText::Statistics => "r.stats_notice_version",
    };
    let given = match text {
        RegistrationText::Notice => "r.created_at",
        RegistrationText::Statistics => "COALESCE(r.stats_consent_at, r.created_at)",
    };
    let rows: Vec<(i64, String, String, i64, String)> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT e.id, CASE WHEN $3 = 'en' THEN COALESCE(e.title_en, e.title_lv) ELSE e.title_lv END,
                r.name, {given}, {column}
         FROM registrations r JOIN events e ON e.id = r.event_id
         LEFT JOIN people p ON p.id = r.person_id
         WHERE r.status <> 'cancelled' AND e.starts_at > $2 AND {column} IS NOT NULL
           AND (p.id IS NULL OR p.restricted_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM person_emails pe JOIN people rp ON rp.id = pe.person_id
                           WHERE lower(pe.email) = r.email_key AND rp.restricted_at IS NOT NULL)
           AND {column} NOT IN (SELECT value FROM json_each($1))
         ORDER BY e.starts_at, e.id, r.name, r.id"
    )))
        .bind(json(standing))
        .bind(now)
        .bind(lang)
        .fetch_all(&db.reader)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(event_id, event_title, name, at, version)| Renewal {
            subject: Subject::Registration {
                event_id,
                event_title,
                name,
            },
            given_on: jiff::Timestamp::from_second(at)
                .map(|t| {
                    let riga =
                        jiff::tz::TimeZone::get("Europe/Riga").unwrap_or(jiff::tz::TimeZone::UTC);
                    t.to_zoned_datetime(riga).date().to_string()
                })
                .unwrap_or_default(),
            version,
        })
        .collect())
}

/// How many mediation consents in force were given under a version not in `standing`
/// (the families are the mediators' to ask: only the count is shown outside the case).
pub async fn mediation_count(db: &Db, standing: &[&str]) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediation_consents
         WHERE withdrawn_on IS NULL AND notice_version NOT IN (SELECT value FROM json_each($1))",
    )
    .bind(json(standing))
    .fetch_one(&db.reader)
    .await?)
}
