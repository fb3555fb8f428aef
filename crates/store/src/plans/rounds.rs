//! Reporting rounds: the coordinator opens a round for a plan (the period it covers and a
//! deadline); each measure running in that period gets a progress report from its
//! responsible organisation and one from every co-responsible organisation. Organisations
//! see and fill in only their own reports ([`OrgScope`], decided in the queries); the
//! coordinator returns a submitted report with a comment or accepts it, and an accepted
//! report of the responsible organisation becomes the measure's progress record (its status,
//! and the indicator values for the year the period ends in).

use domain::audit::AuditAction;
use domain::plan::{MeasureStatus, ReportStatus, RoundStatus};
use jiff::civil::Date;
use sqlx::{Row as _, SqliteConnection};

use crate::audit::{self, Event as AuditEvent};
use crate::notices::To;
use crate::outbox::Outgoing;
use crate::{Actor, Db, Error, OrgScope};
use domain::notice::NoticeKind;

pub const REPORT_STATUSES: &[&str] = domain::plan::ReportStatus::CODES;

fn date_of(r: &sqlx::sqlite::SqliteRow, col: &str) -> Result<Date, sqlx::Error> {
    let s: String = r.try_get(col)?;
    s.parse().map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: i64,
    pub pending: i64,
    pub submitted: i64,
    pub returned: i64,
    pub accepted: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: i64,
    pub plan_id: i64,
    pub plan_name_lv: String,
    pub plan_name_en: Option<String>,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub period_start: Date,
    pub period_end: Date,
    pub deadline: Date,
    pub status: RoundStatus,
    pub opened_at: i64,
    pub counts: Counts,
}

impl Round {
    pub fn title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.title_lv, &self.title_en)
    }

    pub fn plan_name(&self, lang: &str) -> &str {
        crate::pick(lang, &self.plan_name_lv, &self.plan_name_en)
    }

    pub fn is_open(&self) -> bool {
        self.status == RoundStatus::Open
    }
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Round {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        Ok(Round {
            id: r.try_get("id")?,
            plan_id: r.try_get("plan_id")?,
            plan_name_lv: r.try_get("plan_name_lv")?,
            plan_name_en: r.try_get("plan_name_en")?,
            title_lv: r.try_get("title_lv")?,
            title_en: r.try_get("title_en")?,
            period_start: date_of(r, "period_start")?,
            period_end: date_of(r, "period_end")?,
            deadline: date_of(r, "deadline")?,
            status: crate::code(r, "status")?,
            opened_at: r.try_get("opened_at")?,
            counts: Counts {
                total: r.try_get("n_total")?,
                pending: r.try_get("n_pending")?,
                submitted: r.try_get("n_submitted")?,
                returned: r.try_get("n_returned")?,
                accepted: r.try_get("n_accepted")?,
            },
        })
    }
}

const SELECT_ROUND: &str = "SELECT r.id, r.plan_id, p.name_lv AS plan_name_lv,
        p.name_en AS plan_name_en, r.title_lv, r.title_en, r.period_start, r.period_end,
        r.deadline, r.status, r.opened_at,
        (SELECT COUNT(*) FROM progress_reports x WHERE x.round_id = r.id) AS n_total,
        (SELECT COUNT(*) FROM progress_reports x WHERE x.round_id = r.id AND x.status = 'pending') AS n_pending,
        (SELECT COUNT(*) FROM progress_reports x WHERE x.round_id = r.id AND x.status = 'submitted') AS n_submitted,
        (SELECT COUNT(*) FROM progress_reports x WHERE x.round_id = r.id AND x.status = 'returned') AS n_returned,
        (SELECT COUNT(*) FROM progress_reports x WHERE x.round_id = r.id AND x.status = 'accepted') AS n_accepted
     FROM reporting_rounds r JOIN plans p ON p.id = r.plan_id";

/// What the coordinator gives to open a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundInput {
    pub title_lv: String,
    pub title_en: Option<String>,
    pub period_start: Date,
    pub period_end: Date,
    pub deadline: Date,
}

/// Opens a round: a report for every measure of the plan whose period overlaps the round's
/// and that is not cancelled, from its responsible organisation and each co-responsible
/// one. `NotFound` for an unknown plan, `PlanConflict::NoMeasures` when no measure runs in
/// the period, `PlanConflict::PlanClosed` for a closed plan, `PlanConflict::Overlap` when an
/// open round of the plan already covers part of the period.
pub async fn open(
    db: &Db,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    i: &RoundInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    crate::plans::known_in(&mut tx, plan_id).await?;
    // A closed plan takes no more rounds; an open round of the plan covering part of the same
    // period would record a second set of values for the same years.
    let blocked: Option<String> = sqlx::query_scalar(
        "SELECT CASE WHEN p.status = 'closed' THEN 'plan_closed' ELSE 'overlap' END
         FROM plans p
         WHERE p.id = $1 AND (p.status = 'closed' OR EXISTS (
             SELECT 1 FROM reporting_rounds r WHERE r.plan_id = p.id AND r.status = 'open'
               AND r.period_start <= $3 AND r.period_end >= $2))",
    )
    .bind(plan_id)
    .bind(i.period_start.to_string())
    .bind(i.period_end.to_string())
    .fetch_optional(&mut *tx)
    .await?;
    match blocked.as_deref() {
        Some("plan_closed") => return Err(Error::Conflict(crate::PlanConflict::PlanClosed.into())),
        Some(_) => return Err(Error::Conflict(crate::PlanConflict::Overlap.into())),
        None => {}
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reporting_rounds (plan_id, title_lv, title_en, period_start, period_end,
             deadline, status, opened_at, opened_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) RETURNING id",
    )
    .bind(plan_id)
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.period_start.to_string())
    .bind(i.period_end.to_string())
    .bind(i.deadline.to_string())
    .bind(now)
    .bind(actor.user_id)
    .fetch_one(&mut *tx)
    .await?;
    let n = sqlx::query(
        "INSERT INTO progress_reports (round_id, measure_id, organisation_id, role, status, updated_at)
         SELECT $1, m.id, m.responsible_organisation_id, 'responsible', 'pending', $2
           FROM measures m
          WHERE m.plan_id = $3 AND m.status <> 'cancelled'
            AND m.period_start <= $5 AND m.period_end >= $4
         UNION ALL
         SELECT $1, m.id, mp.organisation_id, 'partner', 'pending', $2
           FROM measures m JOIN measure_partners mp ON mp.measure_id = m.id
          WHERE m.plan_id = $3 AND m.status <> 'cancelled'
            AND m.period_start <= $5 AND m.period_end >= $4
            AND mp.organisation_id <> m.responsible_organisation_id",
    )
    .bind(id)
    .bind(now)
    .bind(plan_id)
    .bind(i.period_start.to_string())
    .bind(i.period_end.to_string())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::Conflict(crate::PlanConflict::NoMeasures.into()));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::RoundOpened)
            .on("round", id)
            .detail(format!("plan={plan_id} reports={n}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Rounds, the newest first; `plan` keeps one plan's.
pub async fn list(db: &Db, plan: Option<i64>) -> crate::Result<Vec<Round>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_ROUND} WHERE ($1 IS NULL OR r.plan_id = $1) ORDER BY r.period_end DESC, r.id DESC"
    )))
    .bind(plan)
    .fetch_all(&db.reader)
    .await?)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Round> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_ROUND} WHERE r.id = $1"
    )))
    .bind(id)
    .fetch_optional(&db.reader)
    .await?
    .ok_or(Error::NotFound)
}

/// Closes a round: its reports can no longer be changed or reviewed.
pub async fn close(db: &Db, now: i64, actor: &Actor, id: i64) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let n = sqlx::query(
        "UPDATE reporting_rounds SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        get(db, id).await?;
        return Err(Error::Conflict(crate::PlanConflict::Closed.into()));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::RoundClosed).on("round", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One organisation's progress report on one measure in one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub id: i64,
    pub round_id: i64,
    pub round_title_lv: String,
    pub round_title_en: Option<String>,
    pub round_open: bool,
    pub period_start: Date,
    pub period_end: Date,
    pub deadline: Date,
    pub plan_id: i64,
    pub measure_id: i64,
    pub measure_code: String,
    pub measure_title_lv: String,
    pub measure_title_en: Option<String>,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// responsible or partner.
    pub role: String,
    /// pending, submitted, returned or accepted.
    pub status: ReportStatus,
    pub measure_status: Option<MeasureStatus>,
    pub done: Option<String>,
    pub spent_cents: Option<i64>,
    pub reached_roma: Option<i64>,
    pub reached_women: Option<i64>,
    pub reached_youth: Option<i64>,
    pub evidence: Option<String>,
    pub submitted_at: Option<i64>,
    pub reviewed_at: Option<i64>,
    pub review_comment: Option<String>,
    /// Changes with every save, submission and review: a review names the version it read.
    pub updated_at: i64,
    /// Latvian units covered: (id, name).
    pub places: Vec<(i64, String)>,
    /// Indicator values reported: (indicator id, value, general population's value).
    pub values: Vec<(i64, f64, Option<f64>)>,
}

impl Report {
    pub fn measure_title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.measure_title_lv, &self.measure_title_en)
    }

    pub fn round_title(&self, lang: &str) -> &str {
        crate::pick(lang, &self.round_title_lv, &self.round_title_en)
    }

    /// The organisation can still change it (and submit): pending or returned, round open.
    pub fn is_editable(&self) -> bool {
        self.round_open && matches!(self.status, ReportStatus::Pending | ReportStatus::Returned)
    }

    /// Past the deadline and not yet in (pending or returned), or submitted after it.
    pub fn is_late(&self, today: Date, deadline_end: i64) -> bool {
        match self.status.as_str() {
            "pending" | "returned" => today > self.deadline,
            _ => self.submitted_at.is_some_and(|s| s >= deadline_end),
        }
    }

    pub fn evidence_links(&self) -> Vec<&str> {
        self.evidence
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Report {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        let round_status: String = r.try_get("round_status")?;
        Ok(Report {
            id: r.try_get("id")?,
            round_id: r.try_get("round_id")?,
            round_title_lv: r.try_get("round_title_lv")?,
            round_title_en: r.try_get("round_title_en")?,
            round_open: round_status == "open",
            period_start: date_of(r, "period_start")?,
            period_end: date_of(r, "period_end")?,
            deadline: date_of(r, "deadline")?,
            plan_id: r.try_get("plan_id")?,
            measure_id: r.try_get("measure_id")?,
            measure_code: r.try_get("measure_code")?,
            measure_title_lv: r.try_get("measure_title_lv")?,
            measure_title_en: r.try_get("measure_title_en")?,
            organisation_id: r.try_get("organisation_id")?,
            organisation_name: r.try_get("organisation_name")?,
            role: r.try_get("role")?,
            status: crate::code(r, "status")?,
            measure_status: crate::optional_code(r, "measure_status")?,
            done: r.try_get("done")?,
            spent_cents: r.try_get("spent_cents")?,
            reached_roma: r.try_get("reached_roma")?,
            reached_women: r.try_get("reached_women")?,
            reached_youth: r.try_get("reached_youth")?,
            evidence: r.try_get("evidence")?,
            submitted_at: r.try_get("submitted_at")?,
            reviewed_at: r.try_get("reviewed_at")?,
            review_comment: r.try_get("review_comment")?,
            updated_at: r.try_get("updated_at")?,
            places: Vec::new(),
            values: Vec::new(),
        })
    }
}

const SELECT_REPORT: &str = "SELECT x.id, x.round_id, r.title_lv AS round_title_lv,
        r.title_en AS round_title_en, r.status AS round_status, r.period_start, r.period_end,
        r.deadline, r.plan_id, x.measure_id, m.code AS measure_code,
        m.title_lv AS measure_title_lv, m.title_en AS measure_title_en, x.organisation_id,
        o.name_lv AS organisation_name, x.role, x.status, x.measure_status, x.done,
        x.spent_cents, x.reached_roma, x.reached_women, x.reached_youth, x.evidence,
        x.submitted_at, x.reviewed_at, x.review_comment, x.updated_at
     FROM progress_reports x
     JOIN reporting_rounds r ON r.id = x.round_id
     JOIN measures m ON m.id = x.measure_id
     JOIN organisations o ON o.id = x.organisation_id";

async fn fill(db: &Db, list: &mut [Report]) -> crate::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    let ids = list
        .iter()
        .map(|r| r.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let places: Vec<(i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT rp.report_id, t.id, t.name_lv FROM progress_report_places rp
         JOIN territories t ON t.id = rp.territory_id
         WHERE rp.report_id IN ({ids}) ORDER BY t.name_lv"
    )))
    .fetch_all(&db.reader)
    .await?;
    let values: Vec<(i64, i64, f64, Option<f64>)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT report_id, indicator_id, value, general_value FROM progress_report_values
         WHERE report_id IN ({ids}) ORDER BY indicator_id"
    )))
    .fetch_all(&db.reader)
    .await?;
    for r in list.iter_mut() {
        r.places = places
            .iter()
            .filter(|p| p.0 == r.id)
            .map(|p| (p.1, p.2.clone()))
            .collect();
        r.values = values
            .iter()
            .filter(|v| v.0 == r.id)
            .map(|v| (v.1, v.2, v.3))
            .collect();
    }
    Ok(())
}

fn sort_by_code(list: &mut [Report]) {
    list.sort_by(|a, b| {
        crate::plans::code_order(&a.measure_code, &b.measure_code)
            .then(a.role.cmp(&b.role).reverse())
            .then(a.organisation_name.cmp(&b.organisation_name))
    });
}

/// A round's reports the scope sees, by measure code (the responsible one first).
pub async fn reports(db: &Db, scope: OrgScope, round_id: i64) -> crate::Result<Vec<Report>> {
    let Ok(org) = scope.org() else {
        return Ok(Vec::new());
    };
    let mut list: Vec<Report> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_REPORT} WHERE x.round_id = $1 AND ($2 IS NULL OR x.organisation_id = $2)"
    )))
    .bind(round_id)
    .bind(org)
    .fetch_all(&db.reader)
    .await?;
    sort_by_code(&mut list);
    fill(db, &mut list).await?;
    Ok(list)
}

/// The reports of open rounds the scope sees, for the organisation's to-do list.
pub async fn open_reports(db: &Db, scope: OrgScope) -> crate::Result<Vec<Report>> {
    let Ok(org) = scope.org() else {
        return Ok(Vec::new());
    };
    let mut list: Vec<Report> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_REPORT} WHERE r.status = 'open' AND ($1 IS NULL OR x.organisation_id = $1)
         ORDER BY r.deadline, r.id"
    )))
    .bind(org)
    .fetch_all(&db.reader)
    .await?;
    list.sort_by(|a, b| {
        a.deadline
            .cmp(&b.deadline)
            .then(crate::plans::code_order(&a.measure_code, &b.measure_code))
    });
    fill(db, &mut list).await?;
    Ok(list)
}

/// One report, if the scope sees it (`NotFound` otherwise — also for a guessed id).
pub async fn report(db: &Db, scope: OrgScope, id: i64) -> crate::Result<Report> {
    let org = scope.org()?;
    let r: Report = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_REPORT} WHERE x.id = $1 AND ($2 IS NULL OR x.organisation_id = $2)"
    )))
    .bind(id)
    .bind(org)
    .fetch_optional(&db.reader)
    .await?
    .ok_or(Error::NotFound)?;
    let mut one = [r];
    fill(db, &mut one).await?;
    let [r] = one;
    Ok(r)
}

/// A measure's accepted reports (its progress record), the latest round first.
pub async fn accepted_for_measure(db: &Db, measure_id: i64) -> crate::Result<Vec<Report>> {
    let mut list: Vec<Report> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_REPORT} WHERE x.measure_id = $1 AND x.status = 'accepted'
         ORDER BY r.period_end DESC, x.role DESC, o.sort_key"
    )))
    .bind(measure_id)
    .fetch_all(&db.reader)
    .await?;
    fill(db, &mut list).await?;
    Ok(list)
}

/// For each measure of a plan, its latest accepted report of the responsible organisation:
/// (measure id, when it was accepted, what was done).
pub async fn latest_accepted(
    db: &Db,
    plan_id: i64,
) -> crate::Result<Vec<(i64, i64, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT x.measure_id, x.reviewed_at, x.done
         FROM progress_reports x JOIN reporting_rounds r ON r.id = x.round_id
         WHERE r.plan_id = $1 AND x.status = 'accepted' AND x.role = 'responsible'
           AND NOT EXISTS (
               SELECT 1 FROM progress_reports y JOIN reporting_rounds r2 ON r2.id = y.round_id
               WHERE y.measure_id = x.measure_id AND y.status = 'accepted'
                 AND y.role = 'responsible'
                 AND (r2.period_end > r.period_end
                      OR (r2.period_end = r.period_end AND y.id > x.id)))",
    )
    .bind(plan_id)
    .fetch_all(&db.reader)
    .await?)
}

/// What an organisation reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportInput {
    pub measure_status: Option<MeasureStatus>,
    pub done: Option<String>,
    pub spent_cents: Option<i64>,
    pub reached_roma: Option<i64>,
    pub reached_women: Option<i64>,
    pub reached_youth: Option<i64>,
    pub evidence: Option<String>,
    /// Latvian units covered.
    pub places: Vec<i64>,
    /// (indicator id, value, general population's value) for the measure's indicators.
    pub values: Vec<(i64, f64, Option<f64>)>,
}

/// Saves an organisation's report, and with `submit` hands it in. Only while it is
/// pending or returned and the round open (`PlanConflict::Locked`); a submission needs the
/// measure's status and what was done (`PlanConflict::Incomplete`). Indicators must be the
/// measure's (`PlanConflict::Indicator`), places Latvian units (`PlanConflict::Place`).
#[expect(
    clippy::too_many_arguments,
    reason = "the caller's identity, scope and the form"
)]
pub async fn save(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: OrgScope,
    id: i64,
    i: &ReportInput,
    submit: bool,
    comment: Option<&str>,
) -> crate::Result<()> {
    let r = report(db, scope, id).await?;
    if !r.is_editable() {
        return Err(Error::Conflict(crate::PlanConflict::Locked.into()));
    }
    if submit && (i.measure_status.is_none() || i.done.is_none()) {
        return Err(Error::Conflict(crate::PlanConflict::Incomplete.into()));
    }
    let mut tx = db.write().await?;
    // Re-checked inside the write transaction: not reviewed or closed in between.
    let status = editable_in(&mut tx, id).await?;
    for (indicator, _, _) in &i.values {
        let ok: Option<i64> =
            sqlx::query_scalar("SELECT id FROM indicators WHERE id = $1 AND measure_id = $2")
                .bind(indicator)
                .bind(r.measure_id)
                .fetch_optional(&mut *tx)
                .await?;
        ok.ok_or(Error::Conflict(crate::PlanConflict::Indicator.into()))?;
    }
    for place in &i.places {
        let ok: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM territories WHERE id = $1 AND country = 'LV'
               AND kind IN ('state_city', 'municipality')",
        )
        .bind(place)
        .fetch_optional(&mut *tx)
        .await?;
        ok.ok_or(Error::Conflict(crate::PlanConflict::Place.into()))?;
    }
    sqlx::query(
        "UPDATE progress_reports SET measure_status = $1, done = $2, spent_cents = $3,
             reached_roma = $4, reached_women = $5, reached_youth = $6, evidence = $7,
             status = $8, submitted_at = CASE WHEN $9 THEN $10 ELSE submitted_at END,
             submitted_by = CASE WHEN $9 THEN $11 ELSE submitted_by END, updated_at = $10
         WHERE id = $12",
    )
    .bind(i.measure_status.map(MeasureStatus::as_str))
    .bind(i.done.as_deref())
    .bind(i.spent_cents)
    .bind(i.reached_roma)
    .bind(i.reached_women)
    .bind(i.reached_youth)
    .bind(i.evidence.as_deref())
    .bind(if submit { "submitted" } else { status.as_str() })
    .bind(submit)
    .bind(now)
    .bind(actor.user_id)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM progress_report_places WHERE report_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for place in &i.places {
        sqlx::query(
            "INSERT OR IGNORE INTO progress_report_places (report_id, territory_id) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(place)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM progress_report_values WHERE report_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for (indicator, value, general) in &i.values {
        sqlx::query(
            "INSERT OR REPLACE INTO progress_report_values (report_id, indicator_id, value, general_value)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(indicator)
        .bind(value)
        .bind(general)
        .execute(&mut *tx)
        .await?;
    }
    if submit {
        step(&mut tx, now, actor, id, "submitted", comment).await?;
        let n = report_notice(&r, NoticeKind::ReportSubmitted, To::Everyone, now);
        crate::notices::raise_in(&mut tx, now, actor.user_id, &n).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(if submit {
            AuditAction::ReportSubmitted
        } else {
            AuditAction::ReportSaved
        })
        .on("report", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// `PlanConflict::Locked` unless the report is pending or returned and its round open — read
/// inside the caller's write transaction, so nothing can change it before the write.
async fn editable_in(conn: &mut SqliteConnection, id: i64) -> crate::Result<String> {
    let status: Option<String> = sqlx::query_scalar(
        "SELECT x.status FROM progress_reports x JOIN reporting_rounds r ON r.id = x.round_id
         WHERE x.id = $1 AND r.status = 'open' AND x.status IN ('pending', 'returned')",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    status.ok_or(Error::Conflict(crate::PlanConflict::Locked.into()))
}

async fn step(
    conn: &mut SqliteConnection,
    now: i64,
    actor: &Actor,
    id: i64,
    step: &str,
    comment: Option<&str>,
) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO progress_report_steps (report_id, step, comment, at, actor_user_id, actor_label)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(step)
    .bind(comment)
    .bind(now)
    .bind(actor.user_id)
    .bind(actor.label.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The coordinator's review of a submitted report: return it with a comment (required:
/// `PlanConflict::Comment`), or accept it. Only a submitted report in an open round can be
/// reviewed (`PlanConflict::State`) — a returned one must be submitted again first.
/// Accepting the responsible organisation's report makes it the measure's progress
/// record: the measure takes the reported status and the reported indicator values are
/// recorded for the year the round's period ends in, each with its history row. `version`
/// is the report's `updated_at` the reviewer read (`PlanConflict::Changed` when it has moved
/// on since — the reviewer decides on what they saw).
pub async fn review(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    accept: bool,
    comment: Option<&str>,
    version: Option<i64>,
) -> crate::Result<()> {
    if !accept && comment.is_none_or(|c| c.trim().is_empty()) {
        return Err(Error::Conflict(crate::PlanConflict::Comment.into()));
    }
    let mut tx = db.write().await?;
    if let Some(v) = version {
        let current: Option<i64> =
            sqlx::query_scalar("SELECT updated_at FROM progress_reports WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if current.ok_or(Error::NotFound)? != v {
            return Err(Error::Conflict(crate::PlanConflict::Changed.into()));
        }
    }
    let n = sqlx::query(
        "UPDATE progress_reports SET status = $1, reviewed_at = $2, reviewed_by = $3,
             review_comment = $4, updated_at = $2
         WHERE id = $5 AND status = 'submitted'
           AND EXISTS (SELECT 1 FROM reporting_rounds r WHERE r.id = round_id AND r.status = 'open')",
    )
    .bind(if accept { "accepted" } else { "returned" })
    .bind(now)
    .bind(actor.user_id)
    .bind(comment)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(Error::Conflict(crate::PlanConflict::State.into()));
    }
    step(
        &mut tx,
        now,
        actor,
        id,
        if accept { "accepted" } else { "returned" },
        comment,
    )
    .await?;
    if accept {
        // What is accepted, read in this transaction: exactly what becomes the record.
        let r: Report = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT_REPORT} WHERE x.id = $1"
        )))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if r.role == "responsible" {
            let values: Vec<(i64, f64, Option<f64>)> = sqlx::query_as(
                "SELECT indicator_id, value, general_value FROM progress_report_values
                 WHERE report_id = $1 ORDER BY indicator_id",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            let reason = format!("{} — {}", r.round_title_lv, r.organisation_name);
            if let Some(s) = &r.measure_status {
                crate::measures::set_status_in(&mut tx, now, actor, r.measure_id, *s, &reason)
                    .await?;
            }
            let year = i64::from(r.period_end.year());
            for (indicator, value, general) in values {
                let v = crate::indicators::Value {
                    year,
                    value,
                    general_value: general,
                    note: None,
                };
                crate::indicators::set_value_in(&mut tx, now, actor, indicator, &v, &reason)
                    .await?;
            }
        }
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(if accept {
            AuditAction::ReportAccepted
        } else {
            AuditAction::ReportReturned
        })
        .on("report", id),
    )
    .await?;
    let r: Report = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT_REPORT} WHERE x.id = $1"
    )))
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let kind = if accept {
        NoticeKind::ReportAccepted
    } else {
        NoticeKind::ReportReturned
    };
    let n = report_notice(&r, kind, To::Organisation(r.organisation_id), now);
    crate::notices::raise_in(&mut tx, now, actor.user_id, &n).await?;
    tx.commit().await?;
    Ok(())
}

/// The notice of a report's step: the measure, the organisation and the round; raised once
/// per step (a report returned and submitted again is heard of again).
fn report_notice(r: &Report, kind: NoticeKind, to: To, now: i64) -> crate::notices::Notice {
    let en_measure = r
        .measure_title_en
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&r.measure_title_lv);
    let en_round = r
        .round_title_en
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&r.round_title_lv);
    crate::notices::Notice {
        kind,
        to,
        path: format!("/reports/{}", r.id),
        title_lv: format!(
            "{} {} — {} ({})",
            r.measure_code, r.measure_title_lv, r.organisation_name, r.round_title_lv
        ),
        title_en: Some(format!(
            "{} {en_measure} — {} ({en_round})",
            r.measure_code, r.organisation_name
        )),
        dedupe: format!("{}:{}:{now}", kind.as_str(), r.id),
    }
}

/// One step of a report's review cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub step: String,
    pub comment: Option<String>,
    pub at: i64,
    pub who: Option<String>,
}

pub async fn steps(db: &Db, report_id: i64) -> crate::Result<Vec<Step>> {
    let rows: Vec<(String, Option<String>, i64, Option<String>)> = sqlx::query_as(
        "SELECT s.step, s.comment, s.at, COALESCE(u.name, s.actor_label)
         FROM progress_report_steps s LEFT JOIN users u ON u.id = s.actor_user_id
         WHERE s.report_id = $1 ORDER BY s.id",
    )
    .bind(report_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Step {
            step: r.0,
            comment: r.1,
            at: r.2,
            who: r.3,
        })
        .collect())
}

/// Someone to remind: an active user of an organisation with reports still to hand in
/// (pending or returned) in the round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub lang: String,
    /// The measures' codes and Latvian titles.
    pub measures: Vec<(String, String)>,
}

pub async fn reminder_recipients(db: &Db, round_id: i64) -> crate::Result<Vec<Recipient>> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT u.email, u.name, u.preferred_lang, m.code, m.title_lv
         FROM progress_reports x
         JOIN measures m ON m.id = x.measure_id
         JOIN users u ON u.organisation_id = x.organisation_id AND u.disabled_at IS NULL
         WHERE x.round_id = $1 AND x.status IN ('pending', 'returned')
         ORDER BY u.email",
    )
    .bind(round_id)
    .fetch_all(&db.reader)
    .await?;
    let mut out: Vec<Recipient> = Vec::new();
    for (email, name, lang, code, title) in rows {
        match out.last_mut() {
            Some(r) if r.email == email => r.measures.push((code, title)),
            _ => out.push(Recipient {
                email,
                name,
                lang,
                measures: vec![(code, title)],
            }),
        }
    }
    for r in &mut out {
        r.measures
            .sort_by(|a, b| crate::plans::code_order(&a.0, &b.0));
    }
    Ok(out)
}

/// Queues the reminders in one transaction (`PlanConflict::Closed` for a closed round).
pub async fn remind(
    db: &Db,
    now: i64,
    actor: &Actor,
    round_id: i64,
    mails: &[(String, Outgoing)],
) -> crate::Result<()> {
    if !get(db, round_id).await?.is_open() {
        return Err(Error::Conflict(crate::PlanConflict::Closed.into()));
    }
    let mut tx = db.write().await?;
    for (to, m) in mails {
        crate::outbox::enqueue_in(&mut tx, now, to, m).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::RoundReminded)
            .on("round", round_id)
            .detail(format!("mails={}", mails.len())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An evidence file of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    pub id: i64,
    pub report_id: i64,
    pub title: String,
    /// pdf, docx, xlsx, odt, jpeg or png.
    pub kind: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_at: i64,
}

type FileRow = (i64, i64, String, String, i64, String, i64);

fn file_of(r: FileRow) -> EvidenceFile {
    EvidenceFile {
        id: r.0,
        report_id: r.1,
        title: r.2,
        kind: r.3,
        size: r.4,
        sha256: r.5,
        uploaded_at: r.6,
    }
}

/// A report's files, if the scope sees the report.
pub async fn files(db: &Db, scope: OrgScope, report_id: i64) -> crate::Result<Vec<EvidenceFile>> {
    report(db, scope, report_id).await?;
    let rows: Vec<FileRow> = sqlx::query_as(
        "SELECT id, report_id, title, kind, size, sha256, uploaded_at FROM progress_report_files
         WHERE report_id = $1 ORDER BY id",
    )
    .bind(report_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(file_of).collect())
}

/// One file of a report the scope sees.
pub async fn file(
    db: &Db,
    scope: OrgScope,
    report_id: i64,
    id: i64,
) -> crate::Result<EvidenceFile> {
    files(db, scope, report_id)
        .await?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(Error::NotFound)
}

/// What an upload adds.
#[derive(Debug, Clone)]
pub struct NewFile {
    pub title: String,
    pub kind: String,
    pub size: i64,
    pub sha256: String,
}

/// Adds an evidence file to one's own report while it can still be changed
/// (`PlanConflict::Locked`); at most 20 a report (`PlanConflict::TooMany`).
pub async fn add_file(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: OrgScope,
    report_id: i64,
    f: &NewFile,
) -> crate::Result<i64> {
    report(db, scope, report_id).await?;
    let mut tx = db.write().await?;
    editable_in(&mut tx, report_id).await?;
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM progress_report_files WHERE report_id = $1")
            .bind(report_id)
            .fetch_one(&mut *tx)
            .await?;
    if n >= 20 {
        return Err(Error::Conflict(crate::PlanConflict::TooMany.into()));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO progress_report_files (report_id, title, kind, size, sha256, uploaded_at, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(report_id)
    .bind(&f.title)
    .bind(&f.kind)
    .bind(f.size)
    .bind(&f.sha256)
    .bind(now)
    .bind(actor.user_id)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ReportFileAdded)
            .on("report", report_id)
            .detail(format!("file={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a file from one's own report while it can still be changed; returns the hash
/// when no record uses the bytes any more (the caller may delete the file).
pub async fn remove_file(
    db: &Db,
    now: i64,
    actor: &Actor,
    scope: OrgScope,
    report_id: i64,
    id: i64,
) -> crate::Result<Option<String>> {
    report(db, scope, report_id).await?;
    let mut tx = db.write().await?;
    editable_in(&mut tx, report_id).await?;
    let sha: String = sqlx::query_scalar(
        "SELECT sha256 FROM progress_report_files WHERE id = $1 AND report_id = $2",
    )
    .bind(id)
    .bind(report_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound)?;
    sqlx::query("DELETE FROM progress_report_files WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let unused = crate::event_documents::unused_file(&mut tx, &sha).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::ReportFileRemoved)
            .on("report", report_id)
            .detail(format!("file={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(unused.then_some(sha))
}
