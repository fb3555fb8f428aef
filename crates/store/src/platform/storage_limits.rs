//! Storage limitation outside mediation (`domain::retention`): for each rule, what is due
//! before a cutoff — counted for the coordinators' view of what the coming month removes,
//! and applied by the scheduled jobs, every rule in its own transaction with one audit entry
//! saying how much went. Statistics never depend on what these rules remove: they remove
//! links, texts of mail, previews and the like, not the records figures are counted from.

use crate::Db;
use crate::audit::{self, Event as AuditEvent};
use domain::audit::AuditAction;

/// A rule's statements: how to count what is due before the cutoff (`$1`), and what to
/// run to remove it.
struct Statements {
    count: &'static str,
    apply: &'static [&'static str],
}

fn statements(key: &str) -> Option<Statements> {
    Some(match key {
        "sessions" => Statements {
            count: "SELECT COUNT(*) FROM sessions WHERE last_seen_at < $1",
            apply: &["DELETE FROM sessions WHERE last_seen_at < $1"],
        },
        "notices" => Statements {
            count: "SELECT COUNT(*) FROM notices WHERE COALESCE(mailed_at, created_at) < $1",
            apply: &["DELETE FROM notices WHERE COALESCE(mailed_at, created_at) < $1"],
        },
        // Sent or given up on: a failed mail's one-time links go as well.
        "outbox_bodies" => Statements {
            count: "SELECT COUNT(*) FROM outbox
                    WHERE COALESCE(sent_at, failed_at) < $1 AND body <> ''",
            apply: &["UPDATE outbox SET body = ''
                      WHERE COALESCE(sent_at, failed_at) < $1 AND body <> ''"],
        },
        "outbox" => Statements {
            count: "SELECT COUNT(*) FROM outbox WHERE COALESCE(sent_at, failed_at) < $1",
            apply: &["DELETE FROM outbox WHERE COALESCE(sent_at, failed_at) < $1"],
        },
        // A link's hash is replaced by a value no secret hashes to ("expired:" and the
        // row's id: unique, as the column must be).
        "event_links" => Statements {
            count: "SELECT
                 (SELECT COUNT(*) FROM feedback_links WHERE token_hash NOT LIKE 'expired:%'
                    AND event_id IN (SELECT id FROM events WHERE ends_at < $1))
               + (SELECT COUNT(*) FROM invitations WHERE token_hash NOT LIKE 'expired:%'
                    AND event_id IN (SELECT id FROM events WHERE ends_at < $1))
               + (SELECT COUNT(*) FROM registrations WHERE token_hash NOT LIKE 'expired:%'
                    AND event_id IN (SELECT id FROM events WHERE ends_at < $1))
               + (SELECT COUNT(*) FROM registration_links WHERE registration_id IN
                    (SELECT id FROM registrations WHERE event_id IN (SELECT id FROM events WHERE ends_at < $1)))",
            apply: &[
                // Kept, expired: how many were asked is a figure of the grant report.
                "UPDATE feedback_links SET token_hash = 'expired:' || id
                 WHERE token_hash NOT LIKE 'expired:%'
                   AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
                "UPDATE invitations SET token_hash = 'expired:' || id
                 WHERE token_hash NOT LIKE 'expired:%'
                   AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
                "UPDATE registrations SET token_hash = 'expired:' || id
                 WHERE token_hash NOT LIKE 'expired:%'
                   AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
                "DELETE FROM registration_links WHERE registration_id IN
                   (SELECT id FROM registrations WHERE event_id IN (SELECT id FROM events WHERE ends_at < $1))",
            ],
        },
        // Not those turned into attendance: the attendance record keeps them (its own rule).
        // The address key becomes unique and unmatched ("erased:" and the id), as the
        // one-registration-per-address index needs.
        "registrations" => Statements {
            count: "SELECT COUNT(*) FROM registrations r
                    WHERE r.name <> '' AND r.event_id IN (SELECT id FROM events WHERE ends_at < $1)
                      AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.registration_id = r.id)",
            apply: &["UPDATE registrations SET
                          name = '', email = '', email_key = 'erased:' || id, person_id = NULL,
                          organisation_id = NULL, organisation_text = NULL, territory_id = NULL,
                          stats_consent_at = NULL, stats_notice_version = NULL,
                          gender = NULL, age_group = NULL, roma_self_identified = NULL,
                          cancel_reason = NULL
                      WHERE name <> '' AND event_id IN (SELECT id FROM events WHERE ends_at < $1)
                        AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.registration_id = registrations.id)"],
        },
        "invitations" => Statements {
            count: "SELECT COUNT(*) FROM invitations
                    WHERE email_key NOT LIKE 'erased:%'
                      AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
            apply: &["UPDATE invitations SET
                          name = '', email = '', email_key = 'erased:' || id, person_id = NULL
                      WHERE email_key NOT LIKE 'erased:%'
                        AND event_id IN (SELECT id FROM events WHERE ends_at < $1)"],
        },
        "import_batches" => Statements {
            count: "SELECT COUNT(*) FROM import_batches WHERE COALESCE(applied_at, created_at) < $1",
            apply: &["DELETE FROM import_batches WHERE COALESCE(applied_at, created_at) < $1"],
        },
        "audit_details" => Statements {
            count: "SELECT COUNT(*) FROM audit_log
                    WHERE at < $1 AND (detail IS NOT NULL OR ip IS NOT NULL)",
            apply: &["UPDATE audit_log SET detail = NULL, ip = NULL
                      WHERE at < $1 AND (detail IS NOT NULL OR ip IS NOT NULL)"],
        },
        _ => return None,
    })
}

/// How many records a rule would remove with this cutoff (a Unix time: what is older goes).
pub async fn due(db: &Db, key: &str, cutoff: i64) -> crate::Result<i64> {
    let s = statements(key).ok_or(crate::Error::NotFound)?;
    Ok(sqlx::query_scalar(s.count)
        .bind(cutoff)
        .fetch_one(&db.reader)
        .await?)
}

/// Applies a rule: removes what is older than the cutoff, and when anything went, records
/// how much in the audit log (by the system). Returns how many records.
pub async fn apply(db: &Db, now: i64, key: &str, cutoff: i64) -> crate::Result<u64> {
    let s = statements(key).ok_or(crate::Error::NotFound)?;
    let mut tx = db.write().await?;
    let mut removed = 0;
    for sql in s.apply.iter().copied() {
        removed += sqlx::query(sql)
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    if removed > 0 {
        audit::record(
            &mut tx,
            now,
            &crate::Actor {
                user_id: None,
                label: Some("scheduler".to_owned()),
                ip: None,
            },
            &AuditEvent::new(AuditAction::StorageLimitApplied)
                .detail(format!("rule={key} removed={removed}")),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(removed)
}

/// Whether the store knows how to apply a rule (every rule of `domain::retention` must).
pub fn knows(key: &str) -> bool {
    statements(key).is_some()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_has_its_statements() {
        for r in domain::retention::RULES {
            assert!(super::knows(r.key), "{}", r.key);
        }
    }
}
