//! Storage limitation outside mediation (`domain::retention`): for each rule, what is due
//! before a cutoff — counted for the coordinators' view of what the coming month removes,
//! and applied by the scheduled jobs, every rule in its own transaction with one audit entry
//! saying how much went. No figure changes with what these rules remove: they remove
//! links, texts of mail, previews and the like, and anonymise attendance records keeping
//! every category the statistics count by (tests/it/storage_limits.rs compares the figures).

use crate::Db;
use crate::audit::{self, Event as AuditEvent};
use domain::audit::AuditAction;

/// A rule's statements: how to count what is due before the cutoff (`$1`), and what to
/// run to remove it (statements, or a procedure of the area that owns the data).
struct Statements {
    count: &'static str,
    apply: Apply,
}

enum Apply {
    Sql(&'static [&'static str]),
    /// Each participant last seen before the cutoff, anonymised together.
    Attendances,
    /// Each person no longer taking part since the cutoff, erased.
    People,
    /// Records of the access log (its own file).
    AccessLog,
}

fn statements(key: &str) -> Option<Statements> {
    Some(match key {
        "sessions" => Statements {
            count: "SELECT COUNT(*) FROM sessions WHERE last_seen_at < $1",
            apply: Apply::Sql(&["DELETE FROM sessions WHERE last_seen_at < $1"]),
        },
        "notices" => Statements {
            count: "SELECT COUNT(*) FROM notices WHERE COALESCE(mailed_at, created_at) < $1",
            apply: Apply::Sql(&["DELETE FROM notices WHERE COALESCE(mailed_at, created_at) < $1"]),
        },
        // Sent or given up on: a failed mail's one-time links go as well.
        "outbox_bodies" => Statements {
            count: "SELECT COUNT(*) FROM outbox
                    WHERE COALESCE(sent_at, failed_at) < $1 AND body <> ''",
            apply: Apply::Sql(&["UPDATE outbox SET body = ''
                      WHERE COALESCE(sent_at, failed_at) < $1 AND body <> ''"]),
        },
        "outbox" => Statements {
            count: "SELECT COUNT(*) FROM outbox WHERE COALESCE(sent_at, failed_at) < $1",
            apply: Apply::Sql(&["DELETE FROM outbox WHERE COALESCE(sent_at, failed_at) < $1"]),
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
            apply: Apply::Sql(&[
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
            ]),
        },
        // Not those turned into attendance: the attendance record keeps them (its own rule).
        // The address key becomes unique and unmatched ("erased:" and the id), as the
        // one-registration-per-address index needs.
        "registrations" => Statements {
            count: "SELECT COUNT(*) FROM registrations r
                    WHERE r.name <> '' AND r.event_id IN (SELECT id FROM events WHERE ends_at < $1)
                      AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.registration_id = r.id)",
            apply: Apply::Sql(&[
                // The registry person's last activity stays known once the link goes.
                "UPDATE people SET last_active_at = MAX(COALESCE(last_active_at, 0),
                     (SELECT MAX(e.ends_at) FROM registrations r JOIN events e ON e.id = r.event_id
                      WHERE r.person_id = people.id))
                 WHERE id IN (SELECT person_id FROM registrations WHERE person_id IS NOT NULL
                              AND event_id IN (SELECT id FROM events WHERE ends_at < $1))",
                concat!(
                "UPDATE registrations SET ",
                crate::registrations::anonymised!(),
                " WHERE name <> '' AND event_id IN (SELECT id FROM events WHERE ends_at < $1)
                        AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.registration_id = registrations.id)"
            )]),
        },
        "invitations" => Statements {
            count: "SELECT COUNT(*) FROM invitations
                    WHERE email_key NOT LIKE 'erased:%'
                      AND event_id IN (SELECT id FROM events WHERE ends_at < $1)",
            apply: Apply::Sql(&[
                "UPDATE people SET last_active_at = MAX(COALESCE(last_active_at, 0),
                     (SELECT MAX(e.ends_at) FROM invitations i JOIN events e ON e.id = i.event_id
                      WHERE i.person_id = people.id))
                 WHERE id IN (SELECT person_id FROM invitations WHERE person_id IS NOT NULL
                              AND event_id IN (SELECT id FROM events WHERE ends_at < $1))",
                "UPDATE invitations SET
                          name = '', email = '', email_key = 'erased:' || id, person_id = NULL
                      WHERE email_key NOT LIKE 'erased:%'
                        AND event_id IN (SELECT id FROM events WHERE ends_at < $1)"]),
        },
        // Counted in records; applied to each participant, all their records at once.
        "attendances" => Statements {
            count: "SELECT COUNT(*) FROM attendances
                    WHERE identity_key NOT LIKE 'anon:%' AND participant IN (
                        SELECT a.participant FROM attendances a JOIN events e ON e.id = a.event_id
                        WHERE a.participant IS NOT NULL
                        GROUP BY a.participant HAVING MAX(e.ends_at) < $1)",
            apply: Apply::Attendances,
        },
        // Counted by `person_erasure::count_inactive`.
        "people" => Statements {
            count: "",
            apply: Apply::People,
        },
        // Counted in accounts; their password and what signs in without the second step
        // deleted. The second factor and passkeys stay (sealed, and they keep a re-enabled
        // account from being taken over by its password link alone).
        "disabled_accounts" => Statements {
            count: "SELECT COUNT(*) FROM users u WHERE u.disabled_at < $1
                      AND (u.password_hash IS NOT NULL
                           OR EXISTS (SELECT 1 FROM api_tokens x WHERE x.user_id = u.id)
                           OR EXISTS (SELECT 1 FROM trusted_devices x WHERE x.user_id = u.id)
                           OR EXISTS (SELECT 1 FROM password_links x WHERE x.user_id = u.id))",
            apply: Apply::Sql(&[
                "UPDATE users SET password_hash = NULL
                 WHERE password_hash IS NOT NULL AND disabled_at < $1",
                "UPDATE api_tokens SET parent_id = NULL WHERE parent_id IN
                   (SELECT id FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE disabled_at < $1))",
                "DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE disabled_at < $1)",
                "DELETE FROM trusted_devices WHERE user_id IN (SELECT id FROM users WHERE disabled_at < $1)",
                "DELETE FROM password_links WHERE user_id IN (SELECT id FROM users WHERE disabled_at < $1)",
                "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE disabled_at < $1)",
            ]),
        },
        // Counted and deleted in the access log's file (`access_log`).
        "access_log" => Statements {
            count: "",
            apply: Apply::AccessLog,
        },
        // A month ends before the cutoff's month begins.
        "mediator_notes" => Statements {
            count: "SELECT COUNT(*) FROM mediator_reports
                    WHERE notes_sealed IS NOT NULL AND month < strftime('%Y-%m', $1, 'unixepoch')",
            apply: Apply::Sql(&["UPDATE mediator_reports SET notes_sealed = NULL
                      WHERE notes_sealed IS NOT NULL AND month < strftime('%Y-%m', $1, 'unixepoch')"]),
        },
        "import_batches" => Statements {
            count: "SELECT COUNT(*) FROM import_batches WHERE COALESCE(applied_at, created_at) < $1",
            apply: Apply::Sql(&["DELETE FROM import_batches WHERE COALESCE(applied_at, created_at) < $1"]),
        },
        // A need answered, closed or merged before the cutoff: who raised it is forgotten.
        "needs" => Statements {
            count: "SELECT COUNT(*) FROM needs
                    WHERE done_at < $1 AND (raiser_name IS NOT NULL OR raiser_email IS NOT NULL)",
            apply: Apply::Sql(&["UPDATE needs SET raiser_name = NULL, raiser_email = NULL,
                          raiser_lang = NULL
                      WHERE done_at < $1 AND (raiser_name IS NOT NULL OR raiser_email IS NOT NULL)"]),
        },
        // A consultation summarised before the cutoff: its comments forget the accounts.
        "consultations" => Statements {
            count: "SELECT COUNT(*) FROM consultation_comments
                    WHERE (user_id IS NOT NULL OR hidden_by IS NOT NULL)
                      AND consultation_id IN (SELECT id FROM consultations
                                              WHERE summary_published_at < $1)",
            apply: Apply::Sql(&["UPDATE consultation_comments SET user_id = NULL, hidden_by = NULL
                      WHERE (user_id IS NOT NULL OR hidden_by IS NOT NULL)
                        AND consultation_id IN (SELECT id FROM consultations
                                                WHERE summary_published_at < $1)"]),
        },
        // A request closed on a day before the cutoff's day.
        "subject_requests" => Statements {
            count: "SELECT COUNT(*) FROM subject_requests
                    WHERE closed_on < date($1, 'unixepoch') AND requester_name <> ''",
            apply: Apply::Sql(&["UPDATE subject_requests SET person_id = NULL, requester_name = '',
                        requester_email = NULL, reply_to = NULL, details = '',
                        identity_checked = NULL, extension_reason = NULL, response = NULL
                      WHERE closed_on < date($1, 'unixepoch') AND requester_name <> ''"]),
        },
        "audit_details" => Statements {
            count: "SELECT COUNT(*) FROM audit_log
                    WHERE at < $1 AND (detail IS NOT NULL OR ip IS NOT NULL)",
            apply: Apply::Sql(&["UPDATE audit_log SET detail = NULL, ip = NULL
                      WHERE at < $1 AND (detail IS NOT NULL OR ip IS NOT NULL)"]),
        },
        _ => return None,
    })
}

/// How many records a rule would remove with this cutoff (a Unix time: what is older goes).
pub async fn due(db: &Db, key: &str, cutoff: i64) -> crate::Result<i64> {
    let s = statements(key).ok_or(crate::Error::NotFound)?;
    match s.apply {
        Apply::People => return crate::person_erasure::count_inactive(db, cutoff).await,
        Apply::AccessLog => return crate::access_log::count_before(db, cutoff).await,
        Apply::Sql(_) | Apply::Attendances => {}
    }
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
    // What went is what `due` counts (accounts, records, people), counted in the same
    // transaction, so the coming month's figure and the audit entry compare.
    let removed: u64 = match s.apply {
        Apply::People => u64::try_from(
            crate::person_erasure::inactive(&mut tx, cutoff)
                .await?
                .len(),
        )
        .unwrap_or(0),
        Apply::AccessLog => {
            u64::try_from(crate::access_log::count_before(db, cutoff).await?).unwrap_or(0)
        }
        Apply::Sql(_) | Apply::Attendances => u64::try_from(
            sqlx::query_scalar::<_, i64>(s.count)
                .bind(cutoff)
                .fetch_one(&mut *tx)
                .await?,
        )
        .unwrap_or(0),
    };
    if removed == 0 {
        return Ok(0);
    }
    match s.apply {
        Apply::Sql(statements) => {
            for sql in statements.iter().copied() {
                sqlx::query(sql).bind(cutoff).execute(&mut *tx).await?;
            }
        }
        Apply::Attendances => {
            for p in crate::attendance::participants_last_seen_before(&mut tx, cutoff).await? {
                crate::attendance::anonymise_participant(&mut tx, p).await?;
            }
        }
        Apply::People => {
            for p in crate::person_erasure::inactive(&mut tx, cutoff).await? {
                crate::person_erasure::erase(&mut tx, p).await?;
            }
        }
        // Its own file: deleted there once the audit entry saying how many is written
        // (below); a deletion that fails is tried again at the next run.
        Apply::AccessLog => {}
    }
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
    tx.commit().await?;
    if matches!(s.apply, Apply::AccessLog) {
        crate::access_log::delete_before(db, cutoff).await?;
    }
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
