//! Every sealed column in one registry: where it is, and which code its associated data
//! names (`mediation::place(column, code)`). The key rotation re-seals through it, and a
//! test checks that every `*_sealed` column of the schema is in it.

use domain::audit::AuditAction;
use domain::sealed::Keyring;

use crate::{Db, Error};

/// Whose code a sealed value is bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The row's own `code` (families, family members).
    Own,
    /// The code of the row's family (`family_id`).
    Family,
    /// A mediator's monthly report: its month and mediator (`2026-11/7`).
    Report,
    /// An account's own row (`user/7`): a second factor's key.
    User,
}

/// One sealed column: (table, column, place name, bound to).
pub const SEALED_COLUMNS: [(&str, &str, &str, Bound); 16] = [
    ("families", "name_sealed", "families.name", Bound::Own),
    ("families", "contact_sealed", "families.contact", Bound::Own),
    (
        "family_members",
        "name_sealed",
        "family_members.name",
        Bound::Own,
    ),
    (
        "family_members",
        "school_sealed",
        "family_members.school",
        Bound::Own,
    ),
    (
        "mediation_contacts",
        "institution_sealed",
        "mediation_contacts.institution",
        Bound::Family,
    ),
    (
        "mediation_contacts",
        "done_sealed",
        "mediation_contacts.done",
        Bound::Family,
    ),
    (
        "mediation_contacts",
        "outcome_sealed",
        "mediation_contacts.outcome",
        Bound::Family,
    ),
    (
        "mediation_contacts",
        "next_step_sealed",
        "mediation_contacts.next_step",
        Bound::Family,
    ),
    (
        "mediation_consents",
        "institution_sealed",
        "mediation_consents.institution",
        Bound::Family,
    ),
    (
        "mediation_referrals",
        "institution_sealed",
        "mediation_referrals.institution",
        Bound::Family,
    ),
    (
        "mediation_referrals",
        "override_reason_sealed",
        "mediation_referrals.override",
        Bound::Family,
    ),
    (
        "mediation_referrals",
        "note_sealed",
        "mediation_referrals.note",
        Bound::Family,
    ),
    (
        "school_followups",
        "action_sealed",
        "school_followups.action",
        Bound::Family,
    ),
    (
        "mediator_reports",
        "notes_sealed",
        "mediator_reports.notes",
        Bound::Report,
    ),
    (
        "mediation_access_log",
        "note_sealed",
        "mediation_access_log.note",
        Bound::Family,
    ),
    (
        "totp_factors",
        "key_sealed",
        "totp_factors.key",
        Bound::User,
    ),
];

/// What a rotation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resealed {
    /// Values re-sealed under the current key.
    pub resealed: usize,
    /// Values already under it.
    pub current: usize,
}

/// Re-seals every sealed value not under the keyring's current key, in one transaction: all
/// of it or nothing. A value that does not open (unknown key, forged) stops the rotation
/// with an error naming its table and row.
pub async fn reseal_all(db: &Db, now: i64, keys: &Keyring) -> crate::Result<Resealed> {
    let mut out = Resealed::default();
    let mut tx = db.write().await?;
    for (table, column, place_name, bound) in SEALED_COLUMNS {
        let code = match bound {
            Bound::Own => "t.code",
            Bound::Family => "(SELECT f.code FROM families f WHERE f.id = t.family_id)",
            Bound::Report => "t.month || '/' || t.mediator_user_id",
            Bound::User => "'user/' || t.user_id",
        };
        let rows: Vec<(i64, String, Vec<u8>)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT t.id, {code}, t.{column} FROM {table} t WHERE t.{column} IS NOT NULL"
        )))
        .fetch_all(&mut *tx)
        .await?;
        for (id, code, sealed) in rows {
            if !keys.is_stale(&sealed) {
                out.current += 1;
                continue;
            }
            let place = crate::mediation::place(place_name, &code);
            let text = keys.open(&place, &sealed).map_err(|e| {
                Error::Other(sqlx::Error::Decode(
                    format!("{table}.{column} row {id}: {e}").into(),
                ))
            })?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET {column} = $1 WHERE id = $2"
            )))
            .bind(keys.seal(&place, &text))
            .bind(id)
            .execute(&mut *tx)
            .await?;
            out.resealed += 1;
        }
    }
    crate::audit::record(
        &mut tx,
        now,
        &crate::Actor::cli(),
        &crate::audit::Event::new(AuditAction::MediationKeyRotated).detail(format!(
            "key={} resealed={} already={}",
            keys.current().id(),
            out.resealed,
            out.current
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

/// Every `*_sealed` column of the schema: (table, column).
pub async fn schema_sealed_columns(db: &Db) -> crate::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND p.name LIKE '%\\_sealed' ESCAPE '\\'
         ORDER BY m.name, p.name",
    )
    .fetch_all(&db.reader)
    .await?)
}
