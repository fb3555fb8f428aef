//! A data subject's rights over mediation records: the export of everything held about a
//! family member, and erasure — of one member (and every entry naming them) or of a whole
//! family — from every table. The erasure is audited without the erased content (the
//! family's id only). The codes erased are kept by the caller in a list outside the
//! database, so a restore from an older backup re-applies them ([`reapply`]).

use domain::audit::AuditAction;
use domain::sealed::Keyring;

use crate::mediation::{Access, CaseScope, Family, Member};
use crate::mediation_log::{Consent, Followup, Referral};
use crate::{Actor, Db, Error};

/// Everything held about one family member, for them.
#[derive(Clone)]
pub struct SubjectExport {
    /// The family's record (its own fields; its members other than the subject are left out).
    pub family: Family,
    pub subject: Member,
    /// Entries about the subject or about the whole family.
    pub consents: Vec<Consent>,
    pub contacts: Vec<crate::mediation::Contact>,
    pub referrals: Vec<Referral>,
    pub followups: Vec<Followup>,
    /// Every access to the family's record: when, by whom, what, for which purpose.
    pub access: Vec<Access>,
}

impl std::fmt::Debug for SubjectExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SubjectExport")
            .field("subject", &self.subject.code)
            .finish_non_exhaustive()
    }
}

/// The export for one member of one of the mediator's families (the read is logged with the
/// purpose `data_subject_export`).
pub async fn export_member(
    db: &Db,
    now: i64,
    keys: &Keyring,
    scope: CaseScope,
    family_id: i64,
    member_id: i64,
) -> crate::Result<SubjectExport> {
    let mut family =
        crate::mediation::family(db, now, keys, scope, family_id, "data_subject_export", None)
            .await?;
    let subject = family
        .members
        .iter()
        .find(|m| m.id == member_id)
        .cloned()
        .ok_or(Error::NotFound)?;
    let about = |m: &Option<String>| m.as_ref().is_none_or(|c| *c == subject.code);
    let consents = family
        .consents
        .iter()
        .filter(|c| c.member_id.is_none_or(|m| m == member_id))
        .cloned()
        .collect();
    let contacts = family
        .contacts
        .iter()
        .filter(|c| about(&c.member_code))
        .cloned()
        .collect();
    let referrals = family
        .referrals
        .iter()
        .filter(|r| about(&r.member_code))
        .cloned()
        .collect();
    let followups = family
        .followups
        .iter()
        .filter(|f| f.member_code == subject.code)
        .cloned()
        .collect();
    let access = access_all(db, keys, family_id).await?;
    family.members.retain(|m| m.id == member_id);
    family.contacts.clear();
    family.consents.clear();
    family.referrals.clear();
    family.followups.clear();
    Ok(SubjectExport {
        family,
        subject,
        consents,
        contacts,
        referrals,
        followups,
        access,
    })
}

/// Every access-log row of a family, the oldest first.
/// Supervisors' notes are left out: a note about the family may be about another member
/// (the purpose stays).
async fn access_all(db: &Db, keys: &Keyring, family_id: i64) -> crate::Result<Vec<Access>> {
    let rows: Vec<crate::mediation::AccessRow> = sqlx::query_as(
        "SELECT l.at, u.name, l.action, l.purpose, f.code, NULL
         FROM mediation_access_log l
         JOIN users u ON u.id = l.user_id JOIN families f ON f.id = l.family_id
         WHERE l.family_id = $1 ORDER BY l.id",
    )
    .bind(family_id)
    .fetch_all(&db.reader)
    .await?;
    crate::mediation::open_access(keys, rows)
}

/// The tables that hold a family's rows by `family_id`, children before parents.
const FAMILY_TABLES: [&str; 6] = [
    "mediation_access_log",
    "school_followups",
    "mediation_referrals",
    "mediation_contacts",
    "mediation_consents",
    "family_members",
];

/// The tables with rows naming a member by `member_id`, children before parents.
const MEMBER_TABLES: [&str; 5] = [
    "mediation_access_log",
    "school_followups",
    "mediation_referrals",
    "mediation_contacts",
    "mediation_consents",
];

/// What an erasure removed: the code to keep in the erased-subjects list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub code: String,
    pub rows: u64,
}

/// The code of one of the mediator's families, or of a member of it (`NotFound` otherwise).
pub async fn code_of(
    db: &Db,
    scope: CaseScope,
    family_id: i64,
    member_id: Option<i64>,
) -> crate::Result<String> {
    let mediator = scope.mediator()?;
    let family: Option<String> =
        sqlx::query_scalar("SELECT code FROM families WHERE id = $1 AND mediator_user_id = $2")
            .bind(family_id)
            .bind(mediator)
            .fetch_optional(&db.reader)
            .await?;
    let family = family.ok_or(Error::NotFound)?;
    match member_id {
        None => Ok(family),
        Some(m) => {
            sqlx::query_scalar("SELECT code FROM family_members WHERE id = $1 AND family_id = $2")
                .bind(m)
                .bind(family_id)
                .fetch_optional(&db.reader)
                .await?
                .ok_or(Error::NotFound)
        }
    }
}

/// Erases a family (`F-…`) or a member (`P-…`) by code, in one transaction; `None` when
/// no such code is in the database (already erased, or never there). With `mediator`, the
/// family must be theirs (checked inside the transaction; `NotFound` otherwise).
pub async fn erase_code(
    db: &Db,
    now: i64,
    actor: &Actor,
    mediator: Option<i64>,
    code: &str,
) -> crate::Result<Option<Erased>> {
    let mut tx = db.write().await?;
    let mut rows = 0;
    let family_id: i64;
    if code.starts_with("F-") {
        let Some((id, owner)) = sqlx::query_as::<_, (i64, i64)>(
            "SELECT id, mediator_user_id FROM families WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(None);
        };
        if mediator.is_some_and(|m| m != owner) {
            return Err(Error::NotFound);
        }
        family_id = id;
        for table in FAMILY_TABLES {
            rows += sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE family_id = $1"
            )))
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        rows += sqlx::query("DELETE FROM families WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // The denied attempts and earlier events keep the family's id only; nothing more.
    } else {
        let Some((id, family, owner)) = sqlx::query_as::<_, (i64, i64, i64)>(
            "SELECT m.id, m.family_id, f.mediator_user_id FROM family_members m
             JOIN families f ON f.id = m.family_id WHERE m.code = $1",
        )
        .bind(code)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(None);
        };
        family_id = family;
        if mediator.is_some_and(|m| m != owner) {
            return Err(Error::NotFound);
        }
        // Referrals of others that rested on this member's consents lose that consent
        // (they show as stopped, like after a withdrawal).
        sqlx::query(
            "UPDATE mediation_referrals SET consent_id = NULL WHERE consent_id IN
               (SELECT id FROM mediation_consents WHERE member_id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        for table in MEMBER_TABLES {
            rows += sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE member_id = $1"
            )))
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        rows += sqlx::query("DELETE FROM family_members WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("UPDATE families SET updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(family)
            .execute(&mut *tx)
            .await?;
    }
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(if code.starts_with("F-") {
            AuditAction::FamilyErased
        } else {
            AuditAction::FamilyMemberErased
        })
        .on("family", family_id),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(Erased {
        code: code.to_owned(),
        rows,
    }))
}

/// Erases again every listed code still in the database (after a restore from a backup
/// made before those erasures). Returns how many were found and erased.
pub async fn reapply(db: &Db, now: i64, codes: &[String]) -> crate::Result<usize> {
    let actor = Actor {
        user_id: None,
        label: Some("erasure list".to_owned()),
        ip: None,
    };
    let mut n = 0;
    for code in codes {
        match erase_code(db, now, &actor, None, code).await {
            Ok(Some(_)) => n += 1,
            Ok(None) => {}
            // One code that cannot be erased now must not stop every start; it is tried
            // again at the next one.
            Err(e) => tracing::error!(code, error = %e, "could not re-apply an erasure"),
        }
    }
    Ok(n)
}
