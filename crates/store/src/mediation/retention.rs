//! Retention of mediation records: a closed case is anonymised a configured number of years
//! after it closed — every sealed value (names, contacts, schools, notes, institutions,
//! reasons) and the members' birth years, genders and grades are removed; the dates, places,
//! areas, statuses and consents stay, so the figures of past periods do not change. Run by
//! the scheduled jobs; the coordinator sees what the next month will anonymise.

use domain::audit::AuditAction;
use jiff::civil::Date;

use crate::sealing::{Bound, SEALED_COLUMNS};
use crate::{Actor, Db};

/// A closed case awaiting anonymisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub id: i64,
    pub code: String,
    pub closed_on: Date,
    pub mediator: String,
    pub territory: String,
}

/// Closed, not yet anonymised cases that closed on or before `cutoff`, the oldest first.
pub async fn due(db: &Db, cutoff: Date) -> crate::Result<Vec<Due>> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT f.id, f.code, f.closed_on, u.name, t.name_lv FROM families f
         JOIN users u ON u.id = f.mediator_user_id
         JOIN territories t ON t.id = f.territory_id
         WHERE f.status = 'closed' AND f.anonymised_at IS NULL AND f.closed_on <= $1
         ORDER BY f.closed_on, f.code",
    )
    .bind(cutoff.to_string())
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Due {
                id: r.0,
                code: r.1,
                closed_on: r.2.parse().ok()?,
                mediator: r.3,
                territory: r.4,
            })
        })
        .collect())
}

/// How many closed cases have been anonymised so far.
pub async fn anonymised_count(db: &Db) -> crate::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM families WHERE anonymised_at IS NOT NULL")
            .fetch_one(&db.reader)
            .await?,
    )
}

/// Anonymises every case due at `cutoff`, all in one transaction. Returns how many.
pub async fn anonymise_due(db: &Db, now: i64, cutoff: Date) -> crate::Result<usize> {
    let due = due(db, cutoff).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let mut tx = db.write().await?;
    let mut done = 0;
    for d in &due {
        // Still closed and due, checked inside the transaction (a case reopened meanwhile
        // is left alone).
        let stamped = sqlx::query(
            "UPDATE families SET anonymised_at = $1, updated_at = $1
             WHERE id = $2 AND anonymised_at IS NULL AND status = 'closed' AND closed_on <= $3",
        )
        .bind(now)
        .bind(d.id)
        .bind(cutoff.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if stamped == 0 {
            continue;
        }
        done += 1;
        // A supervisor's note is sealed (mediation_access_log.note_sealed, cleared below with
        // every sealed column); its purpose is a code from a list and stays.
        for (table, column, _, bound) in SEALED_COLUMNS {
            let key = match (table, bound) {
                // A mediator's monthly report is about the month, not one family; an
                // account's second factor is not about a family at all.
                (_, Bound::Report | Bound::User) => continue,
                ("families", _) => "id",
                (_, Bound::Own | Bound::Family) => "family_id",
            };
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET {column} = NULL WHERE {key} = $1"
            )))
            .bind(d.id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE family_members SET birth_year = NULL, gender = NULL, grade = NULL
             WHERE family_id = $1",
        )
        .bind(d.id)
        .execute(&mut *tx)
        .await?;
        crate::audit::record(
            &mut tx,
            now,
            &Actor {
                user_id: None,
                label: Some("scheduler".to_owned()),
                ip: None,
            },
            &crate::audit::Event::new(AuditAction::CaseAnonymised).on("family", d.id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(done)
}
