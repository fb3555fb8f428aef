//! A mediator's monthly report: the month's figures from their case log (hours over every
//! contact; families, persons, contacts by area, referrals and pupils from the families with
//! a statistics consent, the others as one total), reviewed by the mediator, given notes for
//! the supervisor and submitted — then frozen: the figures as submitted are kept, so later
//! entries for that month do not change what was sent. The supervisor reads the submitted
//! reports of the mediators they supervise.

use domain::audit::AuditAction;
use domain::sealed::Keyring;
use jiff::civil::Date;

use crate::mediation_stats::{FigureFilter, FigureScope, Grouping};
use crate::{Db, Error};

/// The figures of a monthly report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthFigures {
    pub minutes: i64,
    pub families: i64,
    pub persons: i64,
    pub contacts: i64,
    pub contacts_by_area: Vec<(String, i64)>,
    pub referrals: i64,
    pub referrals_by_status: Vec<(String, i64)>,
    pub children_followed: i64,
    pub stayed_in_school: i64,
    pub no_consent_families: i64,
}

impl MonthFigures {
    fn to_json(&self) -> serde_json::Value {
        let pairs = |v: &[(String, i64)]| -> serde_json::Value {
            v.iter()
                .map(|(k, n)| (k.clone(), serde_json::json!(n)))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        serde_json::json!({
            "minutes": self.minutes,
            "families": self.families,
            "persons": self.persons,
            "contacts": self.contacts,
            "contacts_by_area": pairs(&self.contacts_by_area),
            "referrals": self.referrals,
            "referrals_by_status": pairs(&self.referrals_by_status),
            "children_followed": self.children_followed,
            "stayed_in_school": self.stayed_in_school,
            "no_consent_families": self.no_consent_families,
        })
    }

    fn from_json(v: &serde_json::Value) -> MonthFigures {
        let n = |k: &str| v[k].as_i64().unwrap_or(0);
        let pairs = |k: &str, order: &[&str]| -> Vec<(String, i64)> {
            order
                .iter()
                .map(|a| ((*a).to_owned(), v[k][*a].as_i64().unwrap_or(0)))
                .collect()
        };
        MonthFigures {
            minutes: n("minutes"),
            families: n("families"),
            persons: n("persons"),
            contacts: n("contacts"),
            contacts_by_area: pairs("contacts_by_area", crate::mediation::AREAS),
            referrals: n("referrals"),
            referrals_by_status: pairs(
                "referrals_by_status",
                crate::mediation_log::REFERRAL_STATUSES,
            ),
            children_followed: n("children_followed"),
            stayed_in_school: n("stayed_in_school"),
            no_consent_families: n("no_consent_families"),
        }
    }
}

/// The first day of the month `YYYY-MM` and of the next one.
pub fn month_range(month: &str) -> Option<(Date, Date)> {
    let first: Date = format!("{month}-01").parse().ok()?;
    if format!("{:04}-{:02}", first.year(), first.month()) != month {
        return None;
    }
    let next = first.checked_add(jiff::Span::new().months(1)).ok()?;
    Some((first, next))
}

/// The month's figures as the case log gives them now.
pub async fn generate(db: &Db, mediator: i64, month: &str) -> crate::Result<MonthFigures> {
    let (from, next) = month_range(month).ok_or(Error::NotFound)?;
    let to = next.yesterday().map_err(|_| Error::NotFound)?;
    let f = crate::mediation_stats::figures(
        db,
        FigureScope::Mediator(mediator),
        &FigureFilter {
            from,
            to,
            territory_id: None,
            mediator_user_id: None,
            grouping: Grouping::Month,
        },
    )
    .await?;
    Ok(MonthFigures {
        minutes: f.contact_minutes_all,
        families: f.families,
        persons: f.persons,
        contacts: f.contacts,
        contacts_by_area: f.contacts_by_area,
        referrals: f.referrals,
        referrals_by_status: f.referrals_by_status,
        children_followed: f.children_followed,
        stayed_in_school: f.stayed_in_school,
        no_consent_families: f.no_consent_families,
    })
}

fn place(month: &str, mediator: i64) -> String {
    crate::mediation::place("mediator_reports.notes", &format!("{month}/{mediator}"))
}

/// A submitted report.
#[derive(Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: i64,
    pub mediator_user_id: i64,
    pub mediator: String,
    pub month: String,
    pub figures: MonthFigures,
    pub notes: Option<String>,
    pub submitted_at: i64,
}

impl std::fmt::Debug for Submitted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Submitted")
            .field("id", &self.id)
            .field("month", &self.month)
            .finish_non_exhaustive()
    }
}

/// Freezes the month's figures with the notes (`MediationConflict::Submitted` when that month's
/// report is in already; `MediationConflict::Month` for a month not yet begun).
pub async fn submit(
    w: &crate::mediation_log::CaseWrite<'_>,
    month: &str,
    notes: Option<&str>,
) -> crate::Result<i64> {
    let (db, now, actor, keys) = (w.db, w.now, w.actor, w.keys);
    let mediator = w.scope.mediator()?;
    let (from, _) = month_range(month).ok_or(Error::NotFound)?;
    if from > w.today {
        return Err(Error::Conflict(crate::MediationConflict::Month.into()));
    }
    let figures = generate(db, mediator, month).await?;
    let mut tx = db.write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO mediator_reports (mediator_user_id, month, figures, notes_sealed, submitted_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(mediator)
    .bind(month)
    .bind(figures.to_json().to_string())
    .bind(notes.map(|n| keys.seal(&place(month, mediator), n)))
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| Error::unique(e, crate::MediationConflict::Submitted.into()))?;
    crate::audit::record(
        &mut tx,
        now,
        actor,
        &crate::audit::Event::new(AuditAction::MediatorReportSubmitted)
            .on("mediator_report", id)
            .detail(format!("month={month}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

type Row = (i64, i64, String, String, String, Option<Vec<u8>>, i64);

fn open_row(keys: &Keyring, r: Row) -> crate::Result<Submitted> {
    let figures = serde_json::from_str(&r.4)
        .map(|v| MonthFigures::from_json(&v))
        .map_err(|e| Error::Other(sqlx::Error::Decode(Box::new(e))))?;
    let notes = crate::mediation::open(keys, &place(&r.3, r.1), r.5)?;
    Ok(Submitted {
        id: r.0,
        mediator_user_id: r.1,
        mediator: r.2,
        month: r.3,
        figures,
        notes,
        submitted_at: r.6,
    })
}

const SELECT: &str = "SELECT r.id, r.mediator_user_id, u.name, r.month, r.figures, r.notes_sealed,
                             r.submitted_at
                      FROM mediator_reports r JOIN users u ON u.id = r.mediator_user_id";

/// A mediator's submitted reports, the latest month first.
pub async fn of_mediator(db: &Db, keys: &Keyring, mediator: i64) -> crate::Result<Vec<Submitted>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.mediator_user_id = $1 ORDER BY r.month DESC"
    )))
    .bind(mediator)
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter().map(|r| open_row(keys, r)).collect()
}

/// One submitted report, when its mediator is one the supervisor supervises today.
pub async fn one_for_supervisor(
    db: &Db,
    keys: &Keyring,
    supervisor: i64,
    today: Date,
    id: i64,
) -> crate::Result<Submitted> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.id = $3 AND r.mediator_user_id IN (SELECT sa.mediator_user_id {})",
        crate::mediation::current_supervision("$1", "$2")
    )))
    .bind(supervisor)
    .bind(today.to_string())
    .bind(id)
    .fetch_optional(&db.reader)
    .await?;
    open_row(keys, row.ok_or(Error::NotFound)?)
}

/// The submitted reports of the mediators a supervisor supervises, the latest first.
pub async fn for_supervisor(
    db: &Db,
    keys: &Keyring,
    supervisor: i64,
    today: Date,
) -> crate::Result<Vec<Submitted>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.mediator_user_id IN (SELECT sa.mediator_user_id {})
         ORDER BY r.month DESC, u.name LIMIT 200",
        crate::mediation::current_supervision("$1", "$2")
    )))
    .bind(supervisor)
    .bind(today.to_string())
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter().map(|r| open_row(keys, r)).collect()
}
