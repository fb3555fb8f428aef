//! Everything the platform holds about a registry person, for their right of access (GDPR
//! article 15): the person and their addresses, memberships, Roma self-identification and
//! its consents, public directory listings, registrations, invitations and attendance (by
//! the person or one of their addresses), places in events' programmes, good practices
//! naming them as contact, the account linked to them, and stories naming someone of the
//! same name. The access log's records about them are read by `access_log`.

use crate::Db;

/// One line of what is held: where it is, and its fields in order (name, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub fields: Vec<(&'static str, String)>,
}

/// What is held about a person, by kind (each a list of lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonData {
    pub registrations: Vec<Held>,
    pub invitations: Vec<Held>,
    pub attendances: Vec<Held>,
    pub speaking: Vec<Held>,
    pub listings: Vec<Held>,
    pub practice_contacts: Vec<Held>,
    pub accounts: Vec<Held>,
    /// Stories whose featured person has the same name (they are not linked to the
    /// registry: a coordinator checks whether they are this person).
    pub stories_same_name: Vec<Held>,
}

fn held(fields: Vec<(&'static str, String)>) -> Held {
    Held { fields }
}

fn opt(v: Option<String>) -> String {
    v.unwrap_or_default()
}

type RegistrationRow = (
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);
type AttendanceRow = (
    String,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// What is held about a person beyond their own record (`people::get`, Roma identity and
/// consents are read there). `emails`: the person's addresses (lower case, as the address
/// keys are), which also find what was given by address only — never a row linked to
/// another person, nor a registration whose address was not confirmed (anyone can type
/// anyone's address on the public form).
pub async fn of_person(db: &Db, person_id: i64, emails: &[String]) -> crate::Result<PersonData> {
    let mut out = PersonData::default();
    // One placeholder per address after $1 (a person has at most five).
    let in_emails = if emails.is_empty() {
        "NULL".to_owned()
    } else {
        crate::placeholders(2, emails.len())
    };
    macro_rules! with_emails {
        ($q:expr) => {{
            let mut q = $q.bind(person_id);
            for e in emails {
                q = q.bind(e);
            }
            q
        }};
    }
    let regs: Vec<RegistrationRow> = with_emails!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT e.title_lv, e.starts_at, r.status, r.name, r.email, r.gender, r.age_group,
                    r.roma_self_identified, r.created_at
             FROM registrations r JOIN events e ON e.id = r.event_id
             WHERE r.person_id = $1
                OR (r.person_id IS NULL AND r.email_confirmed_at IS NOT NULL
                    AND r.email_key IN ({in_emails}))
             ORDER BY e.starts_at, r.id"
    ))))
    .fetch_all(&db.reader)
    .await?;
    out.registrations = regs
        .into_iter()
        .map(|r| {
            held(vec![
                ("event", r.0),
                ("event_starts_at", r.1.to_string()),
                ("status", r.2),
                ("name", r.3),
                ("email", r.4),
                ("gender", opt(r.5)),
                ("age_group", opt(r.6)),
                ("roma_self_identified", opt(r.7)),
                ("registered_at", r.8.to_string()),
            ])
        })
        .collect();
    let invs: Vec<(String, i64, String, String, String)> =
        with_emails!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT e.title_lv, e.starts_at, i.status, i.name, i.email
             FROM invitations i JOIN events e ON e.id = i.event_id
             WHERE i.person_id = $1 OR (i.person_id IS NULL AND i.email_key IN ({in_emails}))
             ORDER BY e.starts_at, i.id"
        ))))
        .fetch_all(&db.reader)
        .await?;
    out.invitations = invs
        .into_iter()
        .map(|i| {
            held(vec![
                ("event", i.0),
                ("event_starts_at", i.1.to_string()),
                ("status", i.2),
                ("name", i.3),
                ("email", i.4),
            ])
        })
        .collect();
    let atts: Vec<AttendanceRow> = with_emails!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT e.title_lv, e.starts_at, a.name, a.category, a.organisation_name, a.gender,
                    a.age_group, a.roma_self_identified, a.source
             FROM attendances a JOIN events e ON e.id = a.event_id
             WHERE a.person_id = $1
                OR (a.person_id IS NULL AND a.identity_key LIKE 'e:%'
                    AND substr(a.identity_key, 3) IN ({in_emails}))
             ORDER BY e.starts_at, a.id"
    ))))
    .fetch_all(&db.reader)
    .await?;
    out.attendances = atts
        .into_iter()
        .map(|a| {
            held(vec![
                ("event", a.0),
                ("event_starts_at", a.1.to_string()),
                ("name", a.2),
                ("category", a.3),
                ("organisation", opt(a.4)),
                ("gender", opt(a.5)),
                ("age_group", opt(a.6)),
                ("roma_self_identified", opt(a.7)),
                ("source", a.8),
            ])
        })
        .collect();
    let speaking: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT e.title_lv, e.starts_at, ai.title_lv
         FROM event_agenda_speakers s JOIN event_agenda_items ai ON ai.id = s.item_id
         JOIN events e ON e.id = ai.event_id
         WHERE s.person_id = $1 ORDER BY e.starts_at, ai.id",
    )
    .bind(person_id)
    .fetch_all(&db.reader)
    .await?;
    out.speaking = speaking
        .into_iter()
        .map(|s| {
            held(vec![
                ("event", s.0),
                ("event_starts_at", s.1.to_string()),
                ("agenda_item", s.2),
            ])
        })
        .collect();
    let listings: Vec<(String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT fields, given_on, notice_version, recorded_at, withdrawn_at FROM directory_listings
         WHERE subject_kind = 'person' AND subject_id = $1 ORDER BY id",
    )
    .bind(person_id)
    .fetch_all(&db.reader)
    .await?;
    out.listings = listings
        .into_iter()
        .map(|l| {
            held(vec![
                ("fields", l.0),
                ("given_on", l.1),
                ("notice_version", l.2),
                ("recorded_at", l.3.to_string()),
                (
                    "withdrawn_at",
                    l.4.map(|w| w.to_string()).unwrap_or_default(),
                ),
            ])
        })
        .collect();
    let practices: Vec<(String, String)> = sqlx::query_as(
        "SELECT pr.title_lv, pr.status FROM practice_contacts pc
         JOIN practices pr ON pr.id = pc.practice_id
         WHERE pc.subject_kind = 'person' AND pc.subject_id = $1 ORDER BY pr.id",
    )
    .bind(person_id)
    .fetch_all(&db.reader)
    .await?;
    out.practice_contacts = practices
        .into_iter()
        .map(|p| held(vec![("practice", p.0), ("status", p.1)]))
        .collect();
    let accounts: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT email, role, created_at, disabled_at FROM users WHERE person_id = $1 ORDER BY id",
    )
    .bind(person_id)
    .fetch_all(&db.reader)
    .await?;
    out.accounts = accounts
        .into_iter()
        .map(|u| {
            held(vec![
                ("email", u.0),
                ("role", u.1),
                ("created_at", u.2.to_string()),
                (
                    "disabled_at",
                    u.3.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ])
        })
        .collect();
    let stories: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.title_lv, s.status FROM stories s JOIN people p ON p.id = $1
         WHERE lower(s.person_name) = lower(p.name) ORDER BY s.id",
    )
    .bind(person_id)
    .fetch_all(&db.reader)
    .await?;
    out.stories_same_name = stories
        .into_iter()
        .map(|s| held(vec![("story", s.0), ("status", s.1)]))
        .collect();
    Ok(out)
}
