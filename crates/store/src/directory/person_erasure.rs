//! Erasing a registry person (GDPR article 17) while every figure stays: the person, their
//! e-mail addresses, memberships, consents, Roma self-identification, directory listings,
//! good-practice contacts and places in events' programmes are deleted; their
//! registrations and invitations are anonymised, and their attendance records anonymised
//! together (`attendance::anonymise_participant`), so the statistics and the reports count
//! the same. Used by the storage limit for people no longer taking part.

use sqlx::SqliteConnection;

use crate::Db;

/// The people no longer taking part: not restricted (kept for the person's claim), no user account, no current membership, no standing
/// listing in the public directory (their own choice) and no activity since `cutoff` (a
/// Unix time) — attendance, registration, invitation (also those anonymised since:
/// `people.last_active_at`), speaking, a membership's end, a consent given or withdrawn, a
/// listing withdrawn, a good practice naming them, or an edit or merge of their record. A
/// merged duplicate goes with its survivor.
const INACTIVE: &str = "SELECT p.id FROM people p
    WHERE p.merged_into_id IS NULL AND p.updated_at < $1 AND p.restricted_at IS NULL
      AND COALESCE(p.last_active_at, 0) < $1
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id
            AND (m.to_date IS NULL OR m.to_date >= date($1, 'unixepoch')))
      AND NOT EXISTS (SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id
            WHERE r.person_id = p.id AND e.ends_at >= $1)
      AND NOT EXISTS (SELECT 1 FROM invitations i JOIN events e ON e.id = i.event_id
            WHERE i.person_id = p.id AND e.ends_at >= $1)
      AND NOT EXISTS (SELECT 1 FROM attendances a JOIN events e ON e.id = a.event_id
            WHERE a.person_id = p.id AND e.ends_at >= $1)
      AND NOT EXISTS (SELECT 1 FROM event_agenda_speakers s
            JOIN event_agenda_items ai ON ai.id = s.item_id JOIN events e ON e.id = ai.event_id
            WHERE s.person_id = p.id AND e.ends_at >= $1)
      AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id
            AND (c.recorded_at >= $1 OR c.withdrawn_at >= $1))
      AND NOT EXISTS (SELECT 1 FROM directory_listings l
            WHERE l.subject_kind = 'person' AND l.subject_id = p.id
              AND (l.withdrawn_at IS NULL OR l.withdrawn_at >= $1))
      AND NOT EXISTS (SELECT 1 FROM practice_contacts pc JOIN practices pr ON pr.id = pc.practice_id
            WHERE pc.subject_kind = 'person' AND pc.subject_id = p.id AND pr.updated_at >= $1)";

/// How many people are no longer taking part since `cutoff`.
pub(crate) async fn count_inactive(db: &Db, cutoff: i64) -> crate::Result<i64> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM ({INACTIVE})"
    )))
    .bind(cutoff)
    .fetch_one(&db.reader)
    .await?)
}

/// The people no longer taking part since `cutoff`.
pub(crate) async fn inactive(conn: &mut SqliteConnection, cutoff: i64) -> crate::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(INACTIVE))
        .bind(cutoff)
        .fetch_all(&mut *conn)
        .await?)
}

/// Erases a person and the duplicates merged into them (see the module). Returns how many
/// people records went.
pub(crate) async fn erase(conn: &mut SqliteConnection, person_id: i64) -> crate::Result<u64> {
    let ids = with_merged(conn, person_id).await?;
    for id in &ids {
        let participants: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT participant FROM attendances
             WHERE person_id = $1 AND participant IS NOT NULL",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        for p in participants {
            crate::attendance::anonymise_participant(conn, p).await?;
        }
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE registrations SET {} WHERE person_id = $1",
            crate::registrations::ANONYMISED
        )))
        .bind(id)
        .execute(&mut *conn)
        .await?;
        for sql in [
            "UPDATE invitations SET name = '', email = '', email_key = 'erased:' || id,
                 person_id = NULL
             WHERE person_id = $1",
            "UPDATE users SET person_id = NULL WHERE person_id = $1",
            "DELETE FROM event_agenda_speakers WHERE person_id = $1",
            "DELETE FROM person_roma_identity WHERE person_id = $1",
            "DELETE FROM consents WHERE person_id = $1",
            "DELETE FROM person_emails WHERE person_id = $1",
            "DELETE FROM memberships WHERE person_id = $1",
            "DELETE FROM directory_listings WHERE subject_kind = 'person' AND subject_id = $1",
            "DELETE FROM practice_contacts WHERE subject_kind = 'person' AND subject_id = $1",
            "UPDATE people SET merged_into_id = NULL WHERE id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *conn).await?;
        }
    }
    let mut n = 0;
    for id in &ids {
        n += sqlx::query("DELETE FROM people WHERE id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    // An erased person's id is never given again (audit entries and API clients name it).
    if let Some(high) = ids.iter().max() {
        never_reuse(conn, *high).await?;
    }
    crate::attendance::forget_unused_participants(conn).await?;
    Ok(n)
}

/// A person and the duplicates merged into them (and into those), by id.
pub(crate) async fn with_merged(
    conn: &mut SqliteConnection,
    person_id: i64,
) -> crate::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE m(id) AS (
             SELECT $1 UNION SELECT p.id FROM people p JOIN m ON p.merged_into_id = m.id)
         SELECT id FROM m",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// New people get ids above `id` (`people::create_in` reads the mark): an erased person's
/// id, or one the access log names, is never given to someone else.
pub(crate) async fn never_reuse(conn: &mut SqliteConnection, id: i64) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO meta (key, value) VALUES ('people_erased_high_water', $1)
         ON CONFLICT (key) DO UPDATE
         SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
    )
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The numbers an erasure of this person removes: theirs and those merged into them (each
/// goes into the erased list, so a backup from before a merge loses the duplicate too).
pub async fn erased_ids(db: &Db, person_id: i64) -> crate::Result<Vec<i64>> {
    let mut conn = db.reader.acquire().await?;
    with_merged(&mut conn, person_id).await
}

/// Erases a person on their request (article 17), in one transaction with its audit entry
/// (by number: the name goes). Returns how many people records went (with merged
/// duplicates); `NotFound` when there is no such person. A merged duplicate is erased too
/// when named (the erased list names every number an erasure removed).
pub async fn erase_on_request(
    db: &Db,
    now: i64,
    actor: &crate::Actor,
    person_id: i64,
) -> crate::Result<u64> {
    let mut tx = db.write().await?;
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM people WHERE id = $1")
        .bind(person_id)
        .fetch_optional(&mut *tx)
        .await?;
    if found.is_none() {
        return Err(crate::Error::NotFound);
    }
    let n = erase(&mut tx, person_id).await?;
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(domain::audit::AuditAction::PersonErased)
            .on("person", person_id)
            .detail(format!("people={n}")),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// The highest number a person may have (far beyond any registry; keeps `MAX(id) + 1` safe).
const MAX_PERSON_ID: i64 = 1 << 52;

/// Erases again the people an erased-people list names (a database restored from a backup
/// made before their erasure holds them again), and keeps their ids from being given to
/// anyone else. Returns how many were erased again.
pub async fn reapply(db: &Db, now: i64, ids: &[i64]) -> crate::Result<usize> {
    let actor = crate::Actor {
        user_id: None,
        label: Some("erasure list".to_owned()),
        ip: None,
    };
    // A number no person can have (a damaged line) is left alone.
    let ids: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| (1..=MAX_PERSON_ID).contains(id))
        .collect();
    let mut again = 0;
    for id in &ids {
        match erase_on_request(db, now, &actor, *id).await {
            Ok(_) => again += 1,
            Err(crate::Error::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    if let Some(high) = ids.iter().max() {
        let mut tx = db.write().await?;
        never_reuse(&mut tx, *high).await?;
        tx.commit().await?;
    }
    Ok(again)
}

/// Whether a registry person, an account or an organisation has the address (compared as
/// the keys are made: Rust's lower case, which SQL's lower() is not beyond ASCII).
async fn held_in(conn: &mut SqliteConnection, key: &str) -> crate::Result<bool> {
    let held: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM person_emails
         UNION ALL SELECT email FROM users
         UNION ALL SELECT email FROM organisations WHERE email IS NOT NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(held.iter().any(|e| address_key(e) == key))
}

/// Whether the address is one a registry person, an account or an organisation has (then
/// it is not erased by address).
pub async fn address_held(db: &Db, email: &str) -> crate::Result<bool> {
    let mut conn = db.reader.acquire().await?;
    held_in(&mut conn, &address_key(email)).await
}

/// The key an e-mail address is found by (trimmed, lower case, as the address keys are).
fn address_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Erases what is held under an e-mail address about someone who is in no registry record
/// (article 17 for people known only from registrations, invitations and attendance): their
/// registrations and invitations made with the address lose name and address, their
/// attendance records are anonymised together (the figures stay), and mail to the address
/// goes from the outbox — what was made by `before` (the erasure's time; a re-erasure after a
/// restore leaves what came later: the person may come back). In one transaction with its
/// audit entry, which names no address. Returns how many records changed; `Conflict` when a
/// registry person, an account or an organisation has the address (a person is erased as a
/// person; an account's or organisation's mail is not theirs alone).
pub async fn erase_address(
    db: &Db,
    now: i64,
    actor: &crate::Actor,
    email: &str,
    request_id: Option<i64>,
    before: i64,
) -> crate::Result<u64> {
    let key = address_key(email);
    if key.is_empty() {
        return Err(crate::Error::NotFound);
    }
    let mut tx = db.write().await?;
    if held_in(&mut tx, &key).await? {
        return Err(crate::Error::Conflict(
            crate::DirectoryConflict::Email.into(),
        ));
    }
    let participants: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT participant FROM attendances
         WHERE person_id IS NULL AND participant IS NOT NULL AND checked_in_at <= $2
           AND (identity_key = 'e:' || $1
                OR registration_id IN (SELECT id FROM registrations
                                       WHERE person_id IS NULL AND email_key = $1))",
    )
    .bind(&key)
    .bind(before)
    .fetch_all(&mut *tx)
    .await?;
    let mut changed = 0u64;
    for p in participants {
        changed += crate::attendance::anonymise_participant(&mut tx, p).await?;
    }
    changed += sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE registrations SET {} WHERE person_id IS NULL AND email_key = $1 AND created_at <= $2",
        crate::registrations::ANONYMISED
    )))
    .bind(&key)
    .bind(before)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    changed += sqlx::query(
        "UPDATE invitations SET name = '', email = '', email_key = 'erased:' || id
         WHERE person_id IS NULL AND organisation_id IS NULL AND email_key = $1
           AND sent_at <= $2",
    )
    .bind(&key)
    .bind(before)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // A need raised from the public form with this address: who raised it is forgotten,
    // and nothing more is written to it.
    let raised: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, raiser_email FROM needs WHERE raiser_email IS NOT NULL AND created_at <= $1",
    )
    .bind(before)
    .fetch_all(&mut *tx)
    .await?;
    for (id, to) in raised {
        if address_key(&to) == key {
            changed += sqlx::query(
                "UPDATE needs SET raiser_name = NULL, raiser_email = NULL, raiser_lang = NULL,
                     contact_consent = 0
                 WHERE id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
    }
    let mails: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, to_address FROM outbox WHERE created_at <= $1")
            .bind(before)
            .fetch_all(&mut *tx)
            .await?;
    for (id, to) in mails {
        if address_key(&to) == key {
            changed += sqlx::query("DELETE FROM outbox WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
    }
    crate::attendance::forget_unused_participants(&mut tx).await?;
    let mut event = crate::audit::Event::new(domain::audit::AuditAction::AddressErased)
        .detail(format!("count={changed}"));
    if let Some(r) = request_id {
        event = event.on("subject_request", r);
    }
    crate::audit::record(&mut tx, now, actor, &event).await?;
    tx.commit().await?;
    Ok(changed)
}

/// The erased list's line for an address erased at `at`: a SHA-256 of its key (the list
/// names no address) and the time, so a re-erasure after a restore takes only what was made
/// by then.
pub fn address_code(email: &str, at: i64) -> String {
    format!("{}:{at}", address_hash(email))
}

fn address_hash(email: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(address_key(email).as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("address:{hex}")
}

/// Erases again what the erased list names by address (a restored backup holds it): each
/// address still found in registrations, invitations or attendance whose hash is listed,
/// as of the listed time. Returns how many addresses had something erased again.
pub async fn reapply_addresses(db: &Db, now: i64, lines: &[String]) -> crate::Result<usize> {
    // hash → the latest erasure's time.
    let mut listed: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for line in lines {
        if let Some((hash, at)) = line.rsplit_once(':')
            && let Ok(at) = at.parse::<i64>()
        {
            let e = listed.entry(hash).or_insert(at);
            *e = (*e).max(at);
        }
    }
    if listed.is_empty() {
        return Ok(0);
    }
    let keys: Vec<String> = sqlx::query_scalar(
        "SELECT email_key FROM registrations WHERE person_id IS NULL AND email_key <> ''
               AND email_key NOT LIKE 'erased:%'
         UNION SELECT email_key FROM invitations WHERE person_id IS NULL AND organisation_id IS NULL
               AND email_key NOT LIKE 'erased:%'
         UNION SELECT substr(identity_key, 3) FROM attendances
               WHERE person_id IS NULL AND identity_key LIKE 'e:%'",
    )
    .fetch_all(&db.reader)
    .await?;
    let actor = crate::Actor {
        user_id: None,
        label: Some("erasure list".to_owned()),
        ip: None,
    };
    let mut again = 0;
    for key in keys {
        let Some(at) = listed.get(address_hash(&key).as_str()) else {
            continue;
        };
        match erase_address(db, now, &actor, &key, None, *at).await {
            Ok(0) => {}
            Ok(_) => again += 1,
            // Now an address of a registry person, an account or an organisation: not
            // the one who asked.
            Err(crate::Error::Conflict(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(again)
}
