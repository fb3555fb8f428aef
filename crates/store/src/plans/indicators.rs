//! Indicators: output indicators of a measure and outcome indicators of an objective (with
//! the general population's value beside the Roma value, so the gap can be computed), their
//! baseline, target and yearly values, and the EU 2030 headline targets they can be linked
//! to. Changes to an indicator or to a recorded value go to the plan history with a reason.

use domain::audit::AuditAction;
use domain::event::Objective;
use domain::plan::Direction;
use domain::plan::IndicatorKind;
use sqlx::Row as _;

use crate::audit::{self, Event as AuditEvent};
use crate::plans::{change, record_changes};
use crate::{Actor, Db, Error};

/// One of the EU framework's minimum headline targets for 2030 (reference data).
#[derive(Debug, Clone, PartialEq)]
pub struct EuTarget {
    pub key: String,
    pub objective: Objective,
    /// reduce_gap, reduce, increase or reach.
    pub rule: String,
    pub factor: f64,
    pub wording_lv: String,
    pub wording_en: String,
}

impl EuTarget {
    pub fn wording(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.wording_en
        } else {
            &self.wording_lv
        }
    }
}

/// The nine EU targets in the Commission's order.
pub async fn eu_targets(db: &Db) -> crate::Result<Vec<EuTarget>> {
    let rows: Vec<(String, String, String, f64, String, String)> = sqlx::query_as(
        "SELECT key, objective, rule, factor, wording_lv, wording_en FROM eu_targets ORDER BY position",
    )
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| EuTarget {
            key: r.0,
            objective: crate::from_code(&r.1),
            rule: r.2,
            factor: r.3,
            wording_lv: r.4,
            wording_en: r.5,
        })
        .collect())
}

/// A value for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub year: i64,
    /// The Roma value (or the only value of an output indicator).
    pub value: f64,
    pub general_value: Option<f64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: i64,
    pub plan_id: i64,
    pub measure_id: Option<i64>,
    pub measure_code: Option<String>,
    pub objective: Objective,
    /// output or outcome.
    pub kind: IndicatorKind,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub unit_lv: String,
    pub unit_en: Option<String>,
    pub direction: Direction,
    pub baseline_value: Option<f64>,
    pub baseline_general: Option<f64>,
    pub baseline_year: Option<i64>,
    pub target_value: Option<f64>,
    pub target_year: Option<i64>,
    pub source_lv: Option<String>,
    pub source_en: Option<String>,
    pub eu_target: Option<String>,
    /// By year, oldest first.
    pub values: Vec<Value>,
}

impl Indicator {
    pub fn name(&self, lang: &str) -> &str {
        crate::pick(lang, &self.name_lv, &self.name_en)
    }

    pub fn unit(&self, lang: &str) -> &str {
        crate::pick(lang, &self.unit_lv, &self.unit_en)
    }

    pub fn source(&self, lang: &str) -> Option<&str> {
        crate::pick_optional(lang, &self.source_lv, &self.source_en)
    }

    pub fn is_outcome(&self) -> bool {
        self.kind == IndicatorKind::Outcome
    }

    /// The latest recorded value.
    pub fn latest(&self) -> Option<&Value> {
        self.values.last()
    }
}

impl sqlx::FromRow<'_, sqlx::sqlite::SqliteRow> for Indicator {
    fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Self, sqlx::Error> {
        let direction: String = r.try_get("direction")?;
        Ok(Indicator {
            id: r.try_get("id")?,
            plan_id: r.try_get("plan_id")?,
            measure_id: r.try_get("measure_id")?,
            measure_code: r.try_get("measure_code")?,
            objective: crate::code(r, "objective")?,
            kind: crate::code(r, "kind")?,
            name_lv: r.try_get("name_lv")?,
            name_en: r.try_get("name_en")?,
            unit_lv: r.try_get("unit_lv")?,
            unit_en: r.try_get("unit_en")?,
            direction: Direction::parse(&direction).unwrap_or(Direction::HigherIsBetter),
            baseline_value: r.try_get("baseline_value")?,
            baseline_general: r.try_get("baseline_general")?,
            baseline_year: r.try_get("baseline_year")?,
            target_value: r.try_get("target_value")?,
            target_year: r.try_get("target_year")?,
            source_lv: r.try_get("source_lv")?,
            source_en: r.try_get("source_en")?,
            eu_target: r.try_get("eu_target")?,
            values: Vec::new(),
        })
    }
}

/// What the indicator form gives.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorInput {
    pub measure_id: Option<i64>,
    /// Taken from the measure when there is one.
    pub objective: Objective,
    pub kind: IndicatorKind,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub unit_lv: String,
    pub unit_en: Option<String>,
    pub direction: Direction,
    pub baseline_value: Option<f64>,
    pub baseline_general: Option<f64>,
    pub baseline_year: Option<i64>,
    pub target_value: Option<f64>,
    pub target_year: Option<i64>,
    pub source_lv: Option<String>,
    pub source_en: Option<String>,
    pub eu_target: Option<String>,
}

const SELECT: &str = "SELECT i.id, i.plan_id, i.measure_id, m.code AS measure_code, i.objective,
        i.kind, i.name_lv, i.name_en, i.unit_lv, i.unit_en, i.direction, i.baseline_value,
        i.baseline_general, i.baseline_year, i.target_value, i.target_year, i.source_lv,
        i.source_en, i.eu_target
     FROM indicators i LEFT JOIN measures m ON m.id = i.measure_id";

/// (indicator, year, value, general value, note).
type ValueRow = (i64, i64, f64, Option<f64>, Option<String>);

async fn fill_values(db: &Db, list: &mut [Indicator]) -> crate::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    let ids = list
        .iter()
        .map(|i| i.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let rows: Vec<ValueRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT indicator_id, year, value, general_value, note FROM indicator_values
             WHERE indicator_id IN ({ids}) ORDER BY year"
    )))
    .fetch_all(&db.reader)
    .await?;
    for i in list.iter_mut() {
        i.values = rows
            .iter()
            .filter(|r| r.0 == i.id)
            .map(|r| Value {
                year: r.1,
                value: r.2,
                general_value: r.3,
                note: r.4.clone(),
            })
            .collect();
    }
    Ok(())
}

/// A plan's indicators with their values: outcome ones first, by objective, then by id.
pub async fn for_plan(db: &Db, plan_id: i64) -> crate::Result<Vec<Indicator>> {
    let mut list: Vec<Indicator> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.plan_id = $1 ORDER BY i.kind DESC, i.objective, i.id"
    )))
    .bind(plan_id)
    .fetch_all(&db.reader)
    .await?;
    fill_values(db, &mut list).await?;
    Ok(list)
}

/// A measure's indicators with their values.
pub async fn for_measure(db: &Db, measure_id: i64) -> crate::Result<Vec<Indicator>> {
    let mut list: Vec<Indicator> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.measure_id = $1 ORDER BY i.id"
    )))
    .bind(measure_id)
    .fetch_all(&db.reader)
    .await?;
    fill_values(db, &mut list).await?;
    Ok(list)
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Indicator> {
    let i: Indicator = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE i.id = $1")))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(Error::NotFound)?;
    let mut one = [i];
    fill_values(db, &mut one).await?;
    let [i] = one;
    Ok(i)
}

/// The measure in this plan (`PlanConflict::Measure`) and its objective; the EU target
/// (`PlanConflict::EuTarget`).
async fn check(
    conn: &mut sqlx::SqliteConnection,
    plan_id: i64,
    i: &IndicatorInput,
) -> crate::Result<Objective> {
    let mut objective = i.objective;
    if let Some(m) = i.measure_id {
        let found: Option<String> =
            sqlx::query_scalar("SELECT objective FROM measures WHERE id = $1 AND plan_id = $2")
                .bind(m)
                .bind(plan_id)
                .fetch_optional(&mut *conn)
                .await?;
        objective =
            crate::from_code(&found.ok_or(Error::Conflict(crate::PlanConflict::Measure.into()))?);
    }
    if let Some(t) = &i.eu_target {
        let found: Option<String> = sqlx::query_scalar("SELECT key FROM eu_targets WHERE key = $1")
            .bind(t)
            .fetch_optional(&mut *conn)
            .await?;
        found.ok_or(Error::Conflict(crate::PlanConflict::EuTarget.into()))?;
    }
    Ok(objective)
}

pub async fn create(
    db: &Db,
    now: i64,
    actor: &Actor,
    plan_id: i64,
    i: &IndicatorInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    crate::plans::known_in(&mut tx, plan_id).await?;
    let objective = check(&mut tx, plan_id, i).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO indicators (plan_id, measure_id, objective, kind, name_lv, name_en, unit_lv,
             unit_en, direction, baseline_value, baseline_general, baseline_year, target_value,
             target_year, source_lv, source_en, eu_target, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
         RETURNING id",
    )
    .bind(plan_id)
    .bind(i.measure_id)
    .bind(objective.as_str())
    .bind(i.kind.as_str())
    .bind(&i.name_lv)
    .bind(i.name_en.as_deref())
    .bind(&i.unit_lv)
    .bind(i.unit_en.as_deref())
    .bind(i.direction.as_str())
    .bind(i.baseline_value)
    .bind(i.baseline_general)
    .bind(i.baseline_year)
    .bind(i.target_value)
    .bind(i.target_year)
    .bind(i.source_lv.as_deref())
    .bind(i.source_en.as_deref())
    .bind(i.eu_target.as_deref())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::IndicatorCreated).on("indicator", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn num(v: Option<f64>) -> Option<String> {
    v.map(|v| v.to_string())
}

fn int(v: Option<i64>) -> Option<String> {
    v.map(|v| v.to_string())
}

/// Re-plans an indicator (baseline, target, wording…): changed fields go to the history
/// with `reason` (required when anything changes: `PlanConflict::Reason`).
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &IndicatorInput,
    reason: &str,
) -> crate::Result<()> {
    update_checked(db, now, actor, id, i, reason, None).await
}

/// Re-plans an indicator if it is still at `expected` (`crate::versions`): refused as stale
/// when someone saved it since the form was loaded.
pub async fn update_checked(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    i: &IndicatorInput,
    reason: &str,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    crate::versions::claim(&mut tx, "indicators", id, expected).await?;
    // The earlier values, read in this transaction: what the history keeps is what was there.
    let old: Indicator = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE i.id = $1")))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound)?;
    let objective = check(&mut tx, old.plan_id, i).await?;
    let measure_code: Option<String> = match i.measure_id {
        Some(m) => {
            sqlx::query_scalar("SELECT code FROM measures WHERE id = $1")
                .bind(m)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let changes = vec![
        change("measure", old.measure_code.clone(), measure_code),
        change(
            "objective",
            Some(old.objective.as_str().to_owned()),
            Some(objective.as_str().to_owned()),
        ),
        change(
            "kind",
            Some(old.kind.as_str().to_owned()),
            Some(i.kind.as_str().to_owned()),
        ),
        change(
            "name_lv",
            Some(old.name_lv.clone()),
            Some(i.name_lv.clone()),
        ),
        change("name_en", old.name_en.clone(), i.name_en.clone()),
        change(
            "unit_lv",
            Some(old.unit_lv.clone()),
            Some(i.unit_lv.clone()),
        ),
        change("unit_en", old.unit_en.clone(), i.unit_en.clone()),
        change(
            "direction",
            Some(old.direction.as_str().to_owned()),
            Some(i.direction.as_str().to_owned()),
        ),
        change(
            "baseline_value",
            num(old.baseline_value),
            num(i.baseline_value),
        ),
        change(
            "baseline_general",
            num(old.baseline_general),
            num(i.baseline_general),
        ),
        change(
            "baseline_year",
            int(old.baseline_year),
            int(i.baseline_year),
        ),
        change("target_value", num(old.target_value), num(i.target_value)),
        change("target_year", int(old.target_year), int(i.target_year)),
        change("source_lv", old.source_lv.clone(), i.source_lv.clone()),
        change("source_en", old.source_en.clone(), i.source_en.clone()),
        change("eu_target", old.eu_target.clone(), i.eu_target.clone()),
    ];
    if !record_changes(&mut tx, now, actor, "indicator", id, changes, reason).await? {
        return Ok(());
    }
    sqlx::query(
        "UPDATE indicators SET measure_id = $1, objective = $2, kind = $3, name_lv = $4,
             name_en = $5, unit_lv = $6, unit_en = $7, direction = $8, baseline_value = $9,
             baseline_general = $10, baseline_year = $11, target_value = $12, target_year = $13,
             source_lv = $14, source_en = $15, eu_target = $16, updated_at = $17
         WHERE id = $18",
    )
    .bind(i.measure_id)
    .bind(objective.as_str())
    .bind(i.kind.as_str())
    .bind(&i.name_lv)
    .bind(i.name_en.as_deref())
    .bind(&i.unit_lv)
    .bind(i.unit_en.as_deref())
    .bind(i.direction.as_str())
    .bind(i.baseline_value)
    .bind(i.baseline_general)
    .bind(i.baseline_year)
    .bind(i.target_value)
    .bind(i.target_year)
    .bind(i.source_lv.as_deref())
    .bind(i.source_en.as_deref())
    .bind(i.eu_target.as_deref())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::IndicatorUpdated).on("indicator", id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records the value for a year. A first value needs no reason; changing a recorded one
/// does (`PlanConflict::Reason`), and the earlier value stays in the history.
pub async fn set_value(
    db: &Db,
    now: i64,
    actor: &Actor,
    id: i64,
    v: &Value,
    reason: &str,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    set_value_in(&mut tx, now, actor, id, v, reason).await?;
    tx.commit().await?;
    Ok(())
}

/// [`set_value`] inside the caller's transaction.
pub(crate) async fn set_value_in(
    conn: &mut sqlx::SqliteConnection,
    now: i64,
    actor: &Actor,
    id: i64,
    v: &Value,
    reason: &str,
) -> crate::Result<()> {
    let known: Option<i64> = sqlx::query_scalar("SELECT id FROM indicators WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    known.ok_or(Error::NotFound)?;
    let old: Option<(f64, Option<f64>, Option<String>)> = sqlx::query_as(
        "SELECT value, general_value, note FROM indicator_values WHERE indicator_id = $1 AND year = $2",
    )
    .bind(id)
    .bind(v.year)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((value, general, note)) = old {
        // The history's field names carry the year: "value:2025".
        let y = v.year;
        let changes = vec![
            change(
                format!("value:{y}"),
                Some(value.to_string()),
                Some(v.value.to_string()),
            ),
            change(
                format!("general_value:{y}"),
                num(general),
                num(v.general_value),
            ),
            change(format!("value_note:{y}"), note, v.note.clone()),
        ];
        if !record_changes(conn, now, actor, "indicator", id, changes, reason).await? {
            return Ok(());
        }
    }
    sqlx::query(
        "INSERT INTO indicator_values (indicator_id, year, value, general_value, note, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value,
             general_value = excluded.general_value, note = excluded.note,
             recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by",
    )
    .bind(id)
    .bind(v.year)
    .bind(v.value)
    .bind(v.general_value)
    .bind(v.note.as_deref())
    .bind(now)
    .bind(actor.user_id)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        now,
        actor,
        &AuditEvent::new(AuditAction::IndicatorValueSet)
            .on("indicator", id)
            .detail(format!("year={}", v.year)),
    )
    .await?;
    Ok(())
}
