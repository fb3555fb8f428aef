//! Services and opportunities (issue 21, item 3): programmes and services for Roma families,
//! each with its provider (an organisation of the registry) and the places it serves. Kept by
//! coordinators and the provider's own users (every change versioned and audited); the public
//! list holds those in force on a day and not withdrawn; keepers are reminded a month before
//! the end day; a mediator's referral may name one.

use domain::audit::AuditAction;
use domain::dialogue::{NeedConcern, ServiceKind};
use domain::event::Objective;
use jiff::civil::Date;

use crate::audit::{self, Event as AuditEvent};
use crate::outbox::Outgoing;
use crate::{Actor, Db, DialogueConflict, Error};

/// What a service's form gives (validated by the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceInput {
    pub title_lv: String,
    pub title_en: Option<String>,
    pub summary_lv: String,
    pub summary_en: Option<String>,
    pub kind: Option<ServiceKind>,
    pub area: Option<Objective>,
    pub provider_id: i64,
    /// In the vocabulary's order.
    pub target_groups: Vec<NeedConcern>,
    /// Places served (none: all Latvia).
    pub places: Vec<i64>,
    pub eligibility: Option<String>,
    pub how_to_apply: Option<String>,
    pub contact: Option<String>,
    pub cost: Option<String>,
    pub languages: Option<String>,
    pub link: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
}

/// A service as stored, with its provider's and places' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: i64,
    pub input: ServiceInput,
    pub kind: ServiceKind,
    pub area: Objective,
    pub provider_name: String,
    /// (id, Latvian name, English name).
    pub places: Vec<(i64, String, Option<String>)>,
    pub withdrawn_at: Option<i64>,
    pub updated_at: i64,
    pub version: i64,
}

impl Service {
    pub fn title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.input.title_lv, &self.input.title_en)
    }

    pub fn summary(&self, lang: &str) -> &str {
        crate::pick(lang, &self.input.summary_lv, &self.input.summary_en)
    }

    /// In force on `day`: begun, not ended, not withdrawn.
    pub fn current(&self, day: Date) -> bool {
        self.withdrawn_at.is_none()
            && self.input.valid_from.is_none_or(|f| f <= day)
            && self.input.valid_to.is_none_or(|t| day <= t)
    }
}

const SELECT: &str = "SELECT s.id, s.title_lv, s.title_en, s.summary_lv, s.summary_en, s.kind,
        s.area, s.provider_id, o.name_lv AS provider_name, s.target_groups, s.eligibility,
        s.how_to_apply, s.contact, s.cost, s.languages, s.link, s.valid_from, s.valid_to,
        s.withdrawn_at, s.updated_at, s.version
     FROM services s JOIN organisations o ON o.id = s.provider_id";

use crate::optional_date as date;

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Service {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        use sqlx::Row as _;
        let kind: ServiceKind = crate::from_code(&r.try_get::<String, _>("kind")?);
        let area: Objective = crate::from_code(&r.try_get::<String, _>("area")?);
        let groups: String = r.try_get("target_groups")?;
        Ok(Service {
            id: r.try_get("id")?,
            input: ServiceInput {
                title_lv: r.try_get("title_lv")?,
                title_en: r.try_get("title_en")?,
                summary_lv: r.try_get("summary_lv")?,
                summary_en: r.try_get("summary_en")?,
                kind: Some(kind),
                area: Some(area),
                provider_id: r.try_get("provider_id")?,
                target_groups: groups.split(',').filter_map(NeedConcern::parse).collect(),
                places: Vec::new(),
                eligibility: r.try_get("eligibility")?,
                how_to_apply: r.try_get("how_to_apply")?,
                contact: r.try_get("contact")?,
                cost: r.try_get("cost")?,
                languages: r.try_get("languages")?,
                link: r.try_get("link")?,
                valid_from: date(r.try_get("valid_from")?),
                valid_to: date(r.try_get("valid_to")?),
            },
            kind,
            area,
            provider_name: r.try_get("provider_name")?,
            places: Vec::new(),
            withdrawn_at: r.try_get("withdrawn_at")?,
            updated_at: r.try_get("updated_at")?,
            version: r.try_get("version")?,
        })
    }
}

/// Fills in the places of each service.
async fn with_places(db: &Db, mut list: Vec<Service>) -> crate::Result<Vec<Service>> {
    let rows: Vec<(i64, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT p.service_id, t.id, t.name_lv, t.name_en FROM service_places p
         JOIN territories t ON t.id = p.territory_id ORDER BY t.name_lv",
    )
    .fetch_all(&db.reader)
    .await?;
    for s in &mut list {
        s.places = rows
            .iter()
            .filter(|r| r.0 == s.id)
            .map(|r| (r.1, r.2.clone(), r.3.clone()))
            .collect();
        s.input.places = s.places.iter().map(|p| p.0).collect();
    }
    Ok(list)
}

/// Every service (withdrawn ones too), or those of one provider, by title.
pub async fn list(db: &Db, provider: Option<i64>) -> crate::Result<Vec<Service>> {
    let list = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE ($1 IS NULL OR s.provider_id = $1) ORDER BY s.title_lv, s.id"
    )))
    .bind(provider)
    .fetch_all(&db.reader)
    .await?;
    with_places(db, list).await
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Service> {
    let one: Option<Service> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE s.id = $1")))
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
    let one = one.ok_or(Error::NotFound)?;
    with_places(db, vec![one])
        .await?
        .into_iter()
        .next()
        .ok_or(Error::NotFound)
}

/// What the public list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words found at the start of words of the title, summary, eligibility or provider
    /// (diacritics and case ignored).
    pub q: String,
    pub area: Option<Objective>,
    pub kind: Option<ServiceKind>,
    /// Serving this place: the place itself, the novads or state city it lies in, or all
    /// Latvia.
    pub place: Option<i64>,
    pub group: Option<NeedConcern>,
}

/// The services in force on `day` matching the query, by title.
pub async fn current(db: &Db, day: Date, q: &Query) -> crate::Result<Vec<Service>> {
    let day_s = day.to_string();
    let list: Vec<Service> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE s.withdrawn_at IS NULL
           AND (s.valid_from IS NULL OR s.valid_from <= $1)
           AND (s.valid_to IS NULL OR s.valid_to >= $1)
           AND ($2 IS NULL OR s.area = $2)
           AND ($3 IS NULL OR s.kind = $3)
         ORDER BY s.title_lv, s.id"
    )))
    .bind(&day_s)
    .bind(q.area.map(|a| a.as_str()))
    .bind(q.kind.map(|k| k.as_str()))
    .fetch_all(&db.reader)
    .await?;
    let words = domain::text::search_stems(&q.q);
    // A place is served by a service for it or for the unit it lies in (a town's novads).
    let place_and_unit: Vec<i64> = match q.place {
        Some(p) => {
            let mut v = vec![p];
            if let Ok(u) = crate::territories::unit_on(db, p, day).await {
                v.push(u.id);
            }
            let parent: Option<Option<i64>> =
                sqlx::query_scalar("SELECT parent_id FROM territories WHERE id = $1")
                    .bind(p)
                    .fetch_optional(&db.reader)
                    .await?;
            if let Some(Some(parent)) = parent {
                v.push(parent);
            }
            v
        }
        None => Vec::new(),
    };
    let list = with_places(db, list).await?;
    Ok(list
        .into_iter()
        .filter(|s| q.group.is_none_or(|g| s.input.target_groups.contains(&g)))
        .filter(|s| {
            q.place.is_none()
                || s.places.is_empty()
                || s.places
                    .iter()
                    .any(|(id, _, _)| place_and_unit.contains(id))
        })
        .filter(|s| {
            words.is_empty()
                || domain::text::has_word_starts(
                    &words,
                    &format!(
                        "{} {} {} {} {} {}",
                        s.input.title_lv,
                        s.input.title_en.as_deref().unwrap_or_default(),
                        s.input.summary_lv,
                        s.input.summary_en.as_deref().unwrap_or_default(),
                        s.input.eligibility.as_deref().unwrap_or_default(),
                        s.provider_name
                    ),
                )
        })
        .collect())
}

fn search_key(i: &ServiceInput) -> String {
    domain::text::fold(&format!(
        "{} {} {} {} {}",
        i.title_lv,
        i.title_en.as_deref().unwrap_or_default(),
        i.summary_lv,
        i.summary_en.as_deref().unwrap_or_default(),
        i.eligibility.as_deref().unwrap_or_default()
    ))
}

async fn check_refs(conn: &mut sqlx::SqliteConnection, i: &ServiceInput) -> crate::Result<()> {
    let org: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
        .bind(i.provider_id)
        .fetch_optional(&mut *conn)
        .await?;
    if org.is_none() {
        return Err(DialogueConflict::Organisation.into());
    }
    for p in &i.places {
        let t: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE id = $1")
            .bind(p)
            .fetch_optional(&mut *conn)
            .await?;
        if t.is_none() {
            return Err(DialogueConflict::Link.into());
        }
    }
    Ok(())
}

async fn set_places(
    conn: &mut sqlx::SqliteConnection,
    id: i64,
    places: &[i64],
) -> crate::Result<()> {
    sqlx::query("DELETE FROM service_places WHERE service_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for p in places {
        sqlx::query(
            "INSERT OR IGNORE INTO service_places (service_id, territory_id) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(p)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Saves a service: a new one (`id` None) or changes to one (refused as stale when
/// `version` is given and someone saved since). `DialogueConflict::Organisation` for an
/// unknown provider, `DialogueConflict::Link` for an unknown place. Returns its id.
pub async fn save(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: Option<i64>,
    version: Option<i64>,
    i: &ServiceInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    check_refs(&mut tx, i).await?;
    let kind = i.kind.unwrap_or(ServiceKind::Other).as_str();
    let area = i.area.unwrap_or(Objective::Inclusion).as_str();
    let id = match id {
        None => {
            sqlx::query_scalar(
                "INSERT INTO services (title_lv, title_en, summary_lv, summary_en, kind, area,
                     provider_id, target_groups, eligibility, how_to_apply, contact, cost,
                     languages, link, valid_from, valid_to, search_key, created_by,
                     created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                     $16, $17, $18, $19, $19)
                 RETURNING id",
            )
            .bind(&i.title_lv)
            .bind(&i.title_en)
            .bind(&i.summary_lv)
            .bind(&i.summary_en)
            .bind(kind)
            .bind(area)
            .bind(i.provider_id)
            .bind(crate::concern_codes(&i.target_groups))
            .bind(&i.eligibility)
            .bind(&i.how_to_apply)
            .bind(&i.contact)
            .bind(&i.cost)
            .bind(&i.languages)
            .bind(&i.link)
            .bind(i.valid_from.map(|d| d.to_string()))
            .bind(i.valid_to.map(|d| d.to_string()))
            .bind(search_key(i))
            .bind(actor.user_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
        }
        Some(id) => {
            crate::versions::claim(&mut tx, "services", id, version).await?;
            sqlx::query(
                "UPDATE services SET title_lv = $1, title_en = $2, summary_lv = $3,
                     summary_en = $4, kind = $5, area = $6, provider_id = $7,
                     target_groups = $8, eligibility = $9, how_to_apply = $10, contact = $11,
                     cost = $12, languages = $13, link = $14, valid_from = $15, valid_to = $16,
                     search_key = $17, updated_at = $18
                 WHERE id = $19",
            )
            .bind(&i.title_lv)
            .bind(&i.title_en)
            .bind(&i.summary_lv)
            .bind(&i.summary_en)
            .bind(kind)
            .bind(area)
            .bind(i.provider_id)
            .bind(crate::concern_codes(&i.target_groups))
            .bind(&i.eligibility)
            .bind(&i.how_to_apply)
            .bind(&i.contact)
            .bind(&i.cost)
            .bind(&i.languages)
            .bind(&i.link)
            .bind(i.valid_from.map(|d| d.to_string()))
            .bind(i.valid_to.map(|d| d.to_string()))
            .bind(search_key(i))
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    set_places(&mut tx, id, &i.places).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ServiceSaved)
            .on("service", id)
            .detail(format!("organisation={}", i.provider_id)),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws a service from the public list (`false`), or puts it back (`true`).
pub async fn set_withdrawn(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    withdrawn: bool,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "services", id, None).await?;
    sqlx::query(
        "UPDATE services SET withdrawn_at = CASE WHEN $1 THEN COALESCE(withdrawn_at, $2) END,
             updated_at = $2
         WHERE id = $3",
    )
    .bind(withdrawn)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(if withdrawn {
            AuditAction::ServiceWithdrawn
        } else {
            AuditAction::ServiceRestored
        })
        .on("service", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A reminder due: the service, and its keepers' (address, language) — the provider's
/// active users.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub service: Service,
    pub to: Vec<(String, String)>,
}

/// Services ending within `days` of `today` (not withdrawn) whose keepers were not yet
/// reminded for that end day.
pub async fn reminders_due(db: &Db, today: Date, days: i64) -> crate::Result<Vec<Reminder>> {
    let until = today
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(today);
    let list: Vec<Service> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE s.withdrawn_at IS NULL AND s.valid_to IS NOT NULL
           AND s.valid_to >= $1 AND s.valid_to <= $2
           AND (s.reminded_for IS NULL OR s.reminded_for <> s.valid_to)
         ORDER BY s.valid_to, s.id"
    )))
    .bind(today.to_string())
    .bind(until.to_string())
    .fetch_all(&db.reader)
    .await?;
    let mut out = Vec::new();
    for service in with_places(db, list).await? {
        let to: Vec<(String, String)> = sqlx::query_as(
            "SELECT email, preferred_lang FROM users
             WHERE organisation_id = $1 AND disabled_at IS NULL
               AND role IN ('coordinator', 'ministry', 'municipality', 'ngo')
             ORDER BY email",
        )
        .bind(service.input.provider_id)
        .fetch_all(&db.reader)
        .await?;
        out.push(Reminder { service, to });
    }
    Ok(out)
}

/// Queues a reminder's mail and marks the service reminded for its end day (audited).
pub async fn remind(db: &Db, now: i64, id: i64, mails: &[(String, Outgoing)]) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE services SET reminded_for = valid_to
         WHERE id = $1 AND valid_to IS NOT NULL
           AND (reminded_for IS NULL OR reminded_for <> valid_to)",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Ok(());
    }
    for (to, m) in mails {
        crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
    }
    audit::record(
        &mut tx,
        now,
        &Actor {
            user_id: None,
            label: Some("scheduler".to_owned()),
            ip: None,
        },
        &AuditEvent::new(AuditAction::ServiceReminded)
            .on("service", id)
            .detail(format!("mails={}", mails.len())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
