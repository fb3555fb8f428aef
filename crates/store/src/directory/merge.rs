//! Merging duplicate people and organisations. Every reference moves to the survivor and
//! empty fields of the survivor are filled from the duplicate, in one transaction. The
//! duplicate is not deleted but marked `merged_into_id` and hidden everywhere, so its id is
//! never reused and the merge can be undone ([`undo`]). The audit entry's detail holds only
//! ids and column names — no personal data.

use domain::audit::AuditAction;
use serde_json::{Value, json};
use sqlx::SqliteConnection;

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

/// The person columns a merge may fill on the survivor.
const PERSON_FILLABLE: &[&str] = &["phone", "territory_id", "gender", "birth_year"];
/// The organisation columns a merge may fill on the survivor (the parent is checked apart).
const ORG_FILLABLE: &[&str] = &[
    "name_en",
    "territory_id",
    "email",
    "phone",
    "website",
    "address",
];

/// Live (not merged) row of `table` with this id?
async fn live(conn: &mut SqliteConnection, table: &str, id: i64) -> crate::Result<()> {
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM \"{table}\" WHERE id = $1 AND merged_into_id IS NULL"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    found.map(|_| ()).ok_or(Error::NotFound)
}

/// Fills the survivor's empty columns from the duplicate; returns the columns filled.
async fn fill(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &[&str],
    survivor: i64,
    duplicate: i64,
) -> crate::Result<Vec<String>> {
    let mut filled = Vec::new();
    for c in columns {
        let n = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE \"{table}\" SET \"{c}\" = (SELECT \"{c}\" FROM \"{table}\" WHERE id = $1)
             WHERE id = $2 AND (\"{c}\" IS NULL OR \"{c}\" = '')
               AND (SELECT \"{c}\" FROM \"{table}\" WHERE id = $1) IS NOT NULL
               AND (SELECT \"{c}\" FROM \"{table}\" WHERE id = $1) <> ''"
        )))
        .bind(duplicate)
        .bind(survivor)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if n > 0 {
            filled.push((*c).to_owned());
        }
    }
    Ok(filled)
}

/// References that simply follow a merged person, and move back on undo:
/// (key in the audit entry's detail, table, column).
const PERSON_REFERENCES: &[(&str, &str, &str)] = &[
    ("memberships", "memberships", "person_id"),
    ("consents", "consents", "person_id"),
    ("users", "users", "person_id"),
    ("speakers", "event_agenda_speakers", "person_id"),
    ("registrations", "registrations", "person_id"),
    ("attendances", "attendances", "person_id"),
    ("requests", "subject_requests", "person_id"),
    // A registry person's participant number is their id (statistics count by it).
    ("participants", "attendances", "participant"),
    ("invitations", "invitations", "person_id"),
];

/// The same for a merged organisation.
const ORG_REFERENCES: &[(&str, &str, &str)] = &[
    ("memberships", "memberships", "organisation_id"),
    ("children", "organisations", "parent_id"),
    ("users", "users", "organisation_id"),
    ("registrations", "registrations", "organisation_id"),
    ("attendances", "attendances", "organisation_id"),
    ("invitations", "invitations", "organisation_id"),
    ("actions", "follow_up_actions", "owner_organisation_id"),
    ("practices", "practices", "organisation_id"),
];

/// Moves every reference in `refs` from `from` to `to`; returns the moved ids by key.
async fn move_references(
    conn: &mut SqliteConnection,
    refs: &[(&str, &str, &str)],
    from: i64,
    to: i64,
) -> crate::Result<serde_json::Map<String, Value>> {
    let mut out = serde_json::Map::new();
    for (key, table, column) in refs {
        let ids = move_rows(conn, table, column, from, to).await?;
        out.insert((*key).to_owned(), json!(ids));
    }
    Ok(out)
}

/// Undoes [`move_references`] from the audit entry's detail `d`.
async fn move_references_back(
    conn: &mut SqliteConnection,
    refs: &[(&str, &str, &str)],
    d: &Value,
    survivor: i64,
    restored: i64,
) -> crate::Result<()> {
    for (key, table, column) in refs {
        move_back(conn, table, column, &id_list(&d[*key]), survivor, restored).await?;
    }
    Ok(())
}

/// Moves rows of `table` whose `column` is `from` to `to`; returns their ids.
async fn move_rows(
    conn: &mut SqliteConnection,
    table: &str,
    column: &str,
    from: i64,
    to: i64,
) -> crate::Result<Vec<i64>> {
    let rows: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM \"{table}\" WHERE \"{column}\" = $1"
    )))
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE \"{table}\" SET \"{column}\" = $1 WHERE \"{column}\" = $2"
    )))
    .bind(to)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    Ok(rows)
}

/// Public-directory listings follow the merge. When the survivor has a standing listing of
/// its own, the duplicate's standing one is withdrawn first (a consent covers the record it
/// was given for), so one record is never listed twice or under the other's wider consent.
async fn move_listings(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    kind: &str,
    from: i64,
    to: i64,
) -> crate::Result<Vec<i64>> {
    let survivor_listed: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM directory_listings WHERE subject_kind = $1 AND subject_id = $2 AND withdrawn_at IS NULL",
    )
    .bind(kind)
    .bind(to)
    .fetch_optional(&mut *conn)
    .await?;
    if survivor_listed.is_some() {
        sqlx::query(
            "UPDATE directory_listings SET withdrawn_at = $1, withdrawn_by = $2
             WHERE subject_kind = $3 AND subject_id = $4 AND withdrawn_at IS NULL",
        )
        .bind(now)
        .bind(actor.user_id)
        .bind(kind)
        .bind(from)
        .execute(&mut *conn)
        .await?;
    }
    let rows: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM directory_listings WHERE subject_kind = $1 AND subject_id = $2",
    )
    .bind(kind)
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE directory_listings SET subject_id = $1 WHERE subject_kind = $2 AND subject_id = $3",
    )
    .bind(to)
    .bind(kind)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    // Good practices naming the duplicate as a contact name the survivor (shown while its
    // listing stands). An undo leaves them with the survivor.
    sqlx::query(
        "INSERT OR IGNORE INTO practice_contacts (practice_id, subject_kind, subject_id)
         SELECT practice_id, subject_kind, $1 FROM practice_contacts
         WHERE subject_kind = $2 AND subject_id = $3",
    )
    .bind(to)
    .bind(kind)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM practice_contacts WHERE subject_kind = $1 AND subject_id = $2")
        .bind(kind)
        .bind(from)
        .execute(&mut *conn)
        .await?;
    Ok(rows)
}

async fn record_returning(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    event: &Event<'_>,
) -> crate::Result<i64> {
    audit::record(conn, now, actor, event).await?;
    Ok(sqlx::query_scalar("SELECT MAX(id) FROM audit_log")
        .fetch_one(&mut *conn)
        .await?)
}

/// Merges person `duplicate` into `survivor` (today's date is `today`, for a withdrawal).
/// Returns the audit entry's id.
pub async fn merge_people(
    db: &Db,
    now: i64,
    today: &str,
    actor: &Actor,
    survivor: i64,
    duplicate: i64,
) -> crate::Result<i64> {
    if survivor == duplicate {
        return Err(Error::Conflict(crate::DirectoryConflict::Same.into()));
    }
    let mut tx = db.write().await?;
    live(&mut tx, "people", survivor).await?;
    live(&mut tx, "people", duplicate).await?;
    // Roma self-identification: the survivor's own stands. The duplicate's moves when the
    // survivor has none; otherwise it is erased and its consent closed (data minimisation).
    let survivor_has_roma: Option<i64> =
        sqlx::query_scalar("SELECT person_id FROM person_roma_identity WHERE person_id = $1")
            .bind(survivor)
            .fetch_optional(&mut *tx)
            .await?;
    let dup_has_roma: Option<i64> =
        sqlx::query_scalar("SELECT person_id FROM person_roma_identity WHERE person_id = $1")
            .bind(duplicate)
            .fetch_optional(&mut *tx)
            .await?;
    let roma_moved = dup_has_roma.is_some() && survivor_has_roma.is_none();
    if dup_has_roma.is_some() && !roma_moved {
        sqlx::query("DELETE FROM person_roma_identity WHERE person_id = $1")
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE consents SET withdrawn_on = $1, withdrawn_recorded_by = $2, withdrawn_at = $3
             WHERE person_id = $4 AND purpose = $5 AND withdrawn_at IS NULL",
        )
        .bind(today)
        .bind(actor.user_id)
        .bind(now)
        .bind(duplicate)
        .bind(domain::directory::PURPOSE_ROMA_IDENTITY)
        .execute(&mut *tx)
        .await?;
    } else if roma_moved {
        sqlx::query("UPDATE person_roma_identity SET person_id = $1 WHERE person_id = $2")
            .bind(survivor)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
    }
    let max_pos: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), -1) FROM person_emails WHERE person_id = $1",
    )
    .bind(survivor)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE person_emails SET position = position + $1 WHERE person_id = $2")
        .bind(max_pos + 1)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    let emails = move_rows(&mut tx, "person_emails", "person_id", duplicate, survivor).await?;
    let moved = move_references(&mut tx, PERSON_REFERENCES, duplicate, survivor).await?;
    let listings = move_listings(&mut tx, now, actor, "person", duplicate, survivor).await?;
    let filled = fill(&mut tx, "people", PERSON_FILLABLE, survivor, duplicate).await?;
    sqlx::query("UPDATE people SET merged_into_id = $1, updated_at = $2 WHERE id = $3")
        .bind(survivor)
        .bind(now)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    // A merge is an edit of the survivor, who takes the duplicate's last activity along
    // (the storage limit for people counts from it).
    sqlx::query(
        "UPDATE people SET updated_at = $1, last_active_at = NULLIF(MAX(COALESCE(last_active_at, 0),
             COALESCE((SELECT d.last_active_at FROM people d WHERE d.id = $3), 0)), 0)
         WHERE id = $2",
    )
    .bind(now)
    .bind(survivor)
    .bind(duplicate)
    .execute(&mut *tx)
    .await?;
    let mut detail = json!({
        "survivor": survivor,
        "duplicate": duplicate,
        "emails": emails,
        "email_shift": max_pos + 1,
        "listings": listings,
        "roma_moved": roma_moved,
        "filled": filled,
    });
    if let Some(d) = detail.as_object_mut() {
        d.extend(moved);
    }
    let entry = record_returning(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::PersonMerged)
            .on("person", survivor)
            .detail(detail.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

/// Merges organisation `duplicate` into `survivor`. Returns the audit entry's id.
pub async fn merge_organisations(
    db: &Db,
    now: i64,
    actor: &Actor,
    survivor: i64,
    duplicate: i64,
) -> crate::Result<i64> {
    if survivor == duplicate {
        return Err(Error::Conflict(crate::DirectoryConflict::Same.into()));
    }
    let mut tx = db.write().await?;
    live(&mut tx, "organisations", survivor).await?;
    live(&mut tx, "organisations", duplicate).await?;
    // The survivor must not be under the duplicate (its parent chain would break).
    let under: i64 = sqlx::query_scalar(
        "WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM organisations WHERE id = $1
             UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id
         ) SELECT COUNT(*) FROM up WHERE id = $2",
    )
    .bind(survivor)
    .bind(duplicate)
    .fetch_one(&mut *tx)
    .await?;
    if under > 0 {
        return Err(Error::Conflict(crate::DirectoryConflict::Parent.into()));
    }
    let moved = move_references(&mut tx, ORG_REFERENCES, duplicate, survivor).await?;
    let events = move_event_organisations(&mut tx, duplicate, survivor).await?;
    let listings = move_listings(&mut tx, now, actor, "organisation", duplicate, survivor).await?;
    let mut filled = fill(&mut tx, "organisations", ORG_FILLABLE, survivor, duplicate).await?;
    // The duplicate's parent becomes the survivor's only if the survivor has none and it
    // would not put the survivor under itself.
    let parent_ok: Option<i64> = sqlx::query_scalar(
        "WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM organisations WHERE id = (SELECT parent_id FROM organisations WHERE id = $1)
             UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id
         )
         SELECT d.parent_id FROM organisations d, organisations s
         WHERE d.id = $1 AND s.id = $2 AND s.parent_id IS NULL AND d.parent_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM up WHERE id = $2)",
    )
    .bind(duplicate)
    .bind(survivor)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(parent) = parent_ok {
        sqlx::query("UPDATE organisations SET parent_id = $1 WHERE id = $2")
            .bind(parent)
            .bind(survivor)
            .execute(&mut *tx)
            .await?;
        filled.push("parent_id".to_owned());
    }
    sqlx::query("UPDATE organisations SET merged_into_id = $1, updated_at = $2 WHERE id = $3")
        .bind(survivor)
        .bind(now)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    let mut detail = json!({
        "survivor": survivor,
        "duplicate": duplicate,
        "events": events,
        "listings": listings,
        "filled": filled,
    });
    if let Some(d) = detail.as_object_mut() {
        d.extend(moved);
    }
    let entry = record_returning(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::OrganisationMerged)
            .on("organisation", survivor)
            .detail(detail.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

/// The duplicate's place among an event's organisers and partners moves to the survivor.
/// Where the survivor is already there, the duplicate's row is dropped and the survivor
/// keeps the stronger of the two roles. Returns, per event, the duplicate's role and whether the row moved, for undo.
async fn move_event_organisations(
    conn: &mut SqliteConnection,
    from: i64,
    to: i64,
) -> crate::Result<Vec<Value>> {
    let rows: Vec<(i64, String, bool)> = sqlx::query_as(
        "SELECT d.event_id, d.role,
                NOT EXISTS (SELECT 1 FROM event_organisations s
                            WHERE s.event_id = d.event_id AND s.organisation_id = $2)
         FROM event_organisations d WHERE d.organisation_id = $1 ORDER BY d.event_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (event, role, moves) in rows {
        if moves {
            sqlx::query(
                "UPDATE event_organisations SET organisation_id = $1
                 WHERE event_id = $2 AND organisation_id = $3",
            )
            .bind(to)
            .bind(event)
            .bind(from)
            .execute(&mut *conn)
            .await?;
            out.push(json!({"event": event, "role": role, "moved": true}));
        } else {
            sqlx::query(
                "DELETE FROM event_organisations WHERE event_id = $1 AND organisation_id = $2",
            )
            .bind(event)
            .bind(from)
            .execute(&mut *conn)
            .await?;
            // An organiser merged into a partner keeps the event organised: the survivor
            // takes the stronger role.
            let upgraded = role == "organiser"
                && sqlx::query(
                    "UPDATE event_organisations SET role = 'organiser'
                     WHERE event_id = $1 AND organisation_id = $2 AND role = 'partner'",
                )
                .bind(event)
                .bind(to)
                .execute(&mut *conn)
                .await?
                .rows_affected()
                    > 0;
            out.push(json!({"event": event, "role": role, "moved": false, "upgraded": upgraded}));
        }
    }
    Ok(out)
}

/// Undoes [`move_event_organisations`]: moved rows move back (if the survivor still has
/// them with the same role), dropped rows come back.
async fn restore_event_organisations(
    conn: &mut SqliteConnection,
    rows: &Value,
    survivor: i64,
    restored: i64,
) -> crate::Result<()> {
    for r in rows.as_array().map(Vec::as_slice).unwrap_or_default() {
        let (Some(event), Some(role)) = (r["event"].as_i64(), r["role"].as_str()) else {
            continue;
        };
        if r["moved"].as_bool().unwrap_or(false) {
            sqlx::query(
                "UPDATE event_organisations SET organisation_id = $1
                 WHERE event_id = $2 AND organisation_id = $3 AND role = $4",
            )
            .bind(restored)
            .bind(event)
            .bind(survivor)
            .bind(role)
            .execute(&mut *conn)
            .await?;
        } else {
            if r["upgraded"].as_bool().unwrap_or(false) {
                sqlx::query(
                    "UPDATE event_organisations SET role = 'partner'
                     WHERE event_id = $1 AND organisation_id = $2 AND role = 'organiser'",
                )
                .bind(event)
                .bind(survivor)
                .execute(&mut *conn)
                .await?;
            }
            sqlx::query(
                "INSERT OR IGNORE INTO event_organisations (event_id, organisation_id, role)
                 SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM events WHERE id = $1)",
            )
            .bind(event)
            .bind(restored)
            .bind(role)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

fn id_list(v: &Value) -> Vec<i64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

/// Moves rows listed by id back from the survivor to the restored record (rows that have
/// moved on since are left where they are).
async fn move_back(
    conn: &mut SqliteConnection,
    table: &str,
    column: &str,
    ids: &[i64],
    survivor: i64,
    restored: i64,
) -> crate::Result<()> {
    for id in ids {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE \"{table}\" SET \"{column}\" = $1 WHERE id = $2 AND \"{column}\" = $3"
        )))
        .bind(restored)
        .bind(id)
        .bind(survivor)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Undoes a merge from its audit entry: the duplicate is visible again and what moved
/// moves back; a field filled on the survivor is emptied again if it still holds the
/// duplicate's value. A Roma self-identification erased by the merge stays erased.
/// `Conflict` when the entry is not a merge or was undone already.
pub async fn undo(db: &Db, now: i64, actor: &Actor, entry_id: i64) -> crate::Result<(String, i64)> {
    let mut tx = db.write().await?;
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT action, detail FROM audit_log WHERE id = $1")
            .bind(entry_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((action, Some(detail))) = row else {
        return Err(Error::NotFound);
    };
    let d: Value = serde_json::from_str(&detail)
        .map_err(|_| Error::Conflict(crate::DirectoryConflict::NotAMerge.into()))?;
    let survivor = d["survivor"]
        .as_i64()
        .ok_or(Error::Conflict(crate::DirectoryConflict::NotAMerge.into()))?;
    let restored = d["duplicate"]
        .as_i64()
        .ok_or(Error::Conflict(crate::DirectoryConflict::NotAMerge.into()))?;
    let (table, entity, kind) = match AuditAction::parse(&action) {
        Some(AuditAction::PersonMerged) => ("people", "person", "person"),
        Some(AuditAction::OrganisationMerged) => ("organisations", "organisation", "organisation"),
        _ => return Err(Error::Conflict(crate::DirectoryConflict::NotAMerge.into())),
    };
    let n = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE \"{table}\" SET merged_into_id = NULL, updated_at = $1 WHERE id = $2 AND merged_into_id = $3"
    )))
    .bind(now)
    .bind(restored)
    .bind(survivor)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::Conflict(crate::DirectoryConflict::Undone.into()));
    }
    for c in d["filled"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        let allowed = if table == "people" {
            PERSON_FILLABLE
        } else {
            ORG_FILLABLE
        };
        if allowed.contains(&c) || (table == "organisations" && c == "parent_id") {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE \"{table}\" SET \"{c}\" = NULL
                 WHERE id = $1 AND \"{c}\" IS (SELECT \"{c}\" FROM \"{table}\" WHERE id = $2)"
            )))
            .bind(survivor)
            .bind(restored)
            .execute(&mut *tx)
            .await?;
        }
    }
    if table == "people" {
        let emails = id_list(&d["emails"]);
        move_back(
            &mut tx,
            "person_emails",
            "person_id",
            &emails,
            survivor,
            restored,
        )
        .await?;
        let shift = d["email_shift"].as_i64().unwrap_or(0);
        for id in &emails {
            sqlx::query("UPDATE person_emails SET position = position - $1 WHERE id = $2 AND person_id = $3 AND position >= $1")
                .bind(shift)
                .bind(id)
                .bind(restored)
                .execute(&mut *tx)
                .await?;
        }
        move_references_back(&mut tx, PERSON_REFERENCES, &d, survivor, restored).await?;
        if d["roma_moved"].as_bool() == Some(true) {
            sqlx::query(
                "UPDATE person_roma_identity SET person_id = $1
                 WHERE person_id = $2 AND consent_id IN (SELECT id FROM consents WHERE person_id = $1)",
            )
            .bind(restored)
            .bind(survivor)
            .execute(&mut *tx)
            .await?;
        }
    } else {
        move_references_back(&mut tx, ORG_REFERENCES, &d, survivor, restored).await?;
        restore_event_organisations(&mut tx, &d["events"], survivor, restored).await?;
    }
    for id in id_list(&d["listings"]) {
        sqlx::query("UPDATE directory_listings SET subject_id = $1 WHERE id = $2 AND subject_kind = $3 AND subject_id = $4")
            .bind(restored)
            .bind(id)
            .bind(kind)
            .bind(survivor)
            .execute(&mut *tx)
            .await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new(AuditAction::MergeUndone)
            .on("audit_log", entry_id)
            .detail(format!("{entity}={restored}")),
    )
    .await?;
    tx.commit().await?;
    Ok((entity.to_owned(), restored))
}
