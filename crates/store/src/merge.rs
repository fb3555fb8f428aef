//! Merging duplicate people and organisations. Every reference moves to the survivor,
//! empty fields of the survivor are filled from the duplicate, and the duplicate is
//! deleted — in one transaction, with an audit entry whose detail holds everything needed
//! to undo it (see [`undo`]).

use serde_json::{Value, json};
use sqlx::SqliteConnection;

use crate::audit::{self, Event};
use crate::{Actor, Db, Error};

/// The person columns a merge may fill on the survivor, and that an undo restores.
const PERSON_FILLABLE: &[&str] = &["phone", "territory_id", "gender", "birth_year"];
const ORG_FILLABLE: &[&str] = &[
    "name_en",
    "parent_id",
    "territory_id",
    "email",
    "phone",
    "website",
    "address",
];

/// All columns of a row as JSON (names come from the schema, never from input).
async fn row_json(conn: &mut SqliteConnection, table: &str, id: i64) -> crate::Result<Value> {
    let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
        .bind(table)
        .fetch_all(&mut *conn)
        .await?;
    let select = columns
        .iter()
        .map(|c| format!("'{c}', \"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let text: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT json_object({select}) FROM \"{table}\" WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let text = text.ok_or(Error::NotFound)?;
    serde_json::from_str(&text).map_err(|e| Error::Other(sqlx::Error::Protocol(e.to_string())))
}

/// Fills the survivor's empty columns from the duplicate; returns the columns filled.
async fn fill(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &[&str],
    survivor: i64,
    duplicate: &Value,
) -> crate::Result<Vec<String>> {
    let mut filled = Vec::new();
    for c in columns {
        let v = &duplicate[*c];
        if v.is_null() || v.as_str() == Some("") {
            continue;
        }
        let n = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE \"{table}\" SET \"{c}\" = json_extract($1, '$') WHERE id = $2 AND (\"{c}\" IS NULL OR \"{c}\" = '')"
        )))
        .bind(v.to_string())
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

/// Moves public-directory listings of one subject to another; returns their ids.
async fn move_listings(
    conn: &mut SqliteConnection,
    kind: &str,
    from: i64,
    to: i64,
) -> crate::Result<Vec<i64>> {
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
    Ok(rows)
}

fn ids(rows: Vec<i64>) -> Value {
    Value::from(rows)
}

/// Merges person `duplicate` into `survivor`. Returns the audit entry's id.
pub async fn merge_people(
    db: &Db,
    now: i64,
    actor: &Actor,
    survivor: i64,
    duplicate: i64,
) -> crate::Result<i64> {
    if survivor == duplicate {
        return Err(Error::Conflict("same"));
    }
    let mut tx = db.write().await?;
    row_json(&mut tx, "people", survivor).await?;
    let dup = row_json(&mut tx, "people", duplicate).await?;
    // E-mails: moved, or dropped when the survivor has the same one.
    let emails: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT id, email, position FROM person_emails WHERE person_id = $1")
            .bind(duplicate)
            .fetch_all(&mut *tx)
            .await?;
    let max_pos: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), -1) FROM person_emails WHERE person_id = $1",
    )
    .bind(survivor)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE person_emails SET person_id = $1, position = position + $2 WHERE person_id = $3",
    )
    .bind(survivor)
    .bind(max_pos + 1)
    .bind(duplicate)
    .execute(&mut *tx)
    .await?;
    let memberships: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM memberships WHERE person_id = $1")
            .bind(duplicate)
            .fetch_all(&mut *tx)
            .await?;
    sqlx::query("UPDATE memberships SET person_id = $1 WHERE person_id = $2")
        .bind(survivor)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    let consents: Vec<i64> = sqlx::query_scalar("SELECT id FROM consents WHERE person_id = $1")
        .bind(duplicate)
        .fetch_all(&mut *tx)
        .await?;
    sqlx::query("UPDATE consents SET person_id = $1 WHERE person_id = $2")
        .bind(survivor)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    // Roma identity: the survivor's own stands; the duplicate's moves only if the survivor
    // has none, otherwise it is erased (its consent stays in the history).
    let dup_roma: Option<(String, i64)> =
        sqlx::query_as("SELECT value, consent_id FROM person_roma_identity WHERE person_id = $1")
            .bind(duplicate)
            .fetch_optional(&mut *tx)
            .await?;
    let survivor_has_roma: Option<i64> =
        sqlx::query_scalar("SELECT person_id FROM person_roma_identity WHERE person_id = $1")
            .bind(survivor)
            .fetch_optional(&mut *tx)
            .await?;
    let roma_moved = dup_roma.is_some() && survivor_has_roma.is_none();
    if roma_moved {
        sqlx::query("UPDATE person_roma_identity SET person_id = $1 WHERE person_id = $2")
            .bind(survivor)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
    } else {
        sqlx::query("DELETE FROM person_roma_identity WHERE person_id = $1")
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
    }
    let users: Vec<i64> = sqlx::query_scalar("SELECT id FROM users WHERE person_id = $1")
        .bind(duplicate)
        .fetch_all(&mut *tx)
        .await?;
    sqlx::query("UPDATE users SET person_id = $1 WHERE person_id = $2")
        .bind(survivor)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    let listings = move_listings(&mut tx, "person", duplicate, survivor).await?;
    let filled = fill(&mut tx, "people", PERSON_FILLABLE, survivor, &dup).await?;
    sqlx::query("DELETE FROM people WHERE id = $1")
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    let detail = json!({
        "survivor": survivor,
        "merged": dup,
        "emails": emails.iter().map(|(id, e, p)| json!([id, e, p])).collect::<Vec<_>>(),
        "memberships": ids(memberships),
        "consents": ids(consents),
        // The value itself is never written to the log: an undo moves the row back if it
        // moved; an erased one stays erased.
        "roma_moved": roma_moved,
        "users": ids(users),
        "listings": ids(listings),
        "filled": filled,
    });
    let entry = record_returning(
        &mut tx,
        now,
        actor,
        &Event::new("person_merged")
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
        return Err(Error::Conflict("same"));
    }
    let mut tx = db.write().await?;
    row_json(&mut tx, "organisations", survivor).await?;
    let dup = row_json(&mut tx, "organisations", duplicate).await?;
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
        return Err(Error::Conflict("parent"));
    }
    let mut moved = serde_json::Map::new();
    for (table, column) in [
        ("memberships", "organisation_id"),
        ("organisations", "parent_id"),
        ("users", "organisation_id"),
    ] {
        let rows: Vec<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM \"{table}\" WHERE \"{column}\" = $1"
        )))
        .bind(duplicate)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE \"{table}\" SET \"{column}\" = $1 WHERE \"{column}\" = $2"
        )))
        .bind(survivor)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
        moved.insert(format!("{table}.{column}"), ids(rows));
    }
    let listings = move_listings(&mut tx, "organisation", duplicate, survivor).await?;
    let filled = fill(&mut tx, "organisations", ORG_FILLABLE, survivor, &dup).await?;
    sqlx::query("DELETE FROM organisations WHERE id = $1")
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    let detail = json!({
        "survivor": survivor,
        "merged": dup,
        "moved": moved,
        "listings": ids(listings),
        "filled": filled,
    });
    let entry = record_returning(
        &mut tx,
        now,
        actor,
        &Event::new("organisation_merged")
            .on("organisation", survivor)
            .detail(detail.to_string()),
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
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

/// Re-inserts a deleted row from its JSON (column names checked against the schema).
async fn reinsert(conn: &mut SqliteConnection, table: &str, row: &Value) -> crate::Result<()> {
    let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
        .bind(table)
        .fetch_all(&mut *conn)
        .await?;
    let names = columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let values = columns
        .iter()
        .map(|c| format!("json_extract($1, '$.{c}')"))
        .collect::<Vec<_>>()
        .join(", ");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO \"{table}\" ({names}) VALUES ({values})"
    )))
    .bind(row.to_string())
    .execute(&mut *conn)
    .await
    .map_err(|e| Error::unique(e, "exists"))?;
    Ok(())
}

fn id_list(v: &Value) -> Vec<i64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

/// Undoes a merge from its audit entry: the duplicate comes back with its id, and what
/// moved moves back; fields that were filled on the survivor are emptied again. Refused
/// (`Conflict`) when the entry is not a merge or was undone already.
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
    let undone: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM audit_log WHERE action = 'merge_undone' AND entity_id = $1",
    )
    .bind(entry_id.to_string())
    .fetch_optional(&mut *tx)
    .await?;
    if undone.is_some() {
        return Err(Error::Conflict("undone"));
    }
    let d: Value = serde_json::from_str(&detail).map_err(|_| Error::Conflict("not-a-merge"))?;
    let survivor = d["survivor"]
        .as_i64()
        .ok_or(Error::Conflict("not-a-merge"))?;
    let merged_id = d["merged"]["id"]
        .as_i64()
        .ok_or(Error::Conflict("not-a-merge"))?;
    let (table, fillable): (&str, &[&str]) = match action.as_str() {
        "person_merged" => ("people", PERSON_FILLABLE),
        "organisation_merged" => ("organisations", ORG_FILLABLE),
        _ => return Err(Error::Conflict("not-a-merge")),
    };
    reinsert(&mut tx, table, &d["merged"]).await?;
    for c in d["filled"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if fillable.contains(&c) {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE \"{table}\" SET \"{c}\" = NULL WHERE id = $1"
            )))
            .bind(survivor)
            .execute(&mut *tx)
            .await?;
        }
    }
    if table == "people" {
        for e in d["emails"].as_array().into_iter().flatten() {
            let (Some(id), Some(email), Some(pos)) = (e[0].as_i64(), e[1].as_str(), e[2].as_i64())
            else {
                continue;
            };
            // Moved back if it moved; the survivor keeps an address it had itself.
            sqlx::query("UPDATE person_emails SET person_id = $1, position = $2 WHERE id = $3 AND email = $4 AND person_id = $5")
                .bind(merged_id)
                .bind(pos)
                .bind(id)
                .bind(email)
                .bind(survivor)
                .execute(&mut *tx)
                .await?;
        }
        for (t, list) in [
            ("memberships", &d["memberships"]),
            ("consents", &d["consents"]),
        ] {
            for id in id_list(list) {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "UPDATE \"{t}\" SET person_id = $1 WHERE id = $2"
                )))
                .bind(merged_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
        if d["roma_moved"].as_bool() == Some(true) {
            sqlx::query("UPDATE person_roma_identity SET person_id = $1 WHERE person_id = $2 AND consent_id IN (SELECT id FROM consents WHERE person_id = $1)")
                .bind(merged_id)
                .bind(survivor)
                .execute(&mut *tx)
                .await?;
        }
        for id in id_list(&d["users"]) {
            sqlx::query("UPDATE users SET person_id = $1 WHERE id = $2")
                .bind(merged_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    } else {
        for (key, list) in d["moved"].as_object().into_iter().flatten() {
            let (t, c) = match key.as_str() {
                "memberships.organisation_id" => ("memberships", "organisation_id"),
                "organisations.parent_id" => ("organisations", "parent_id"),
                "users.organisation_id" => ("users", "organisation_id"),
                _ => continue,
            };
            for id in id_list(list) {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "UPDATE \"{t}\" SET \"{c}\" = $1 WHERE id = $2"
                )))
                .bind(merged_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    for id in id_list(&d["listings"]) {
        sqlx::query("UPDATE directory_listings SET subject_id = $1 WHERE id = $2")
            .bind(merged_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let entity = if table == "people" {
        "person"
    } else {
        "organisation"
    };
    audit::record(
        &mut tx,
        now,
        actor,
        &Event::new("merge_undone")
            .on("audit_log", entry_id)
            .detail(format!("{entity}={merged_id}")),
    )
    .await?;
    tx.commit().await?;
    Ok((entity.to_owned(), merged_id))
}
