//! Mediation's aggregate figures, counted from the case log (contacts, referrals, school
//! follow-ups) over a period — only from families whose statistics consent is in force; the
//! others are counted in one "no consent" total. The counts here are exact; disclosure
//! control for everyone but the mediator and the supervisor is applied by the caller
//! (`domain::participation::publish_*`). Sealed fields are never read.
//!
//! Definitions: a family is *assisted* in the period when it has a contact, a referral or a
//! school follow-up dated in it; *persons assisted* are the distinct members those entries
//! name, and one person for each family with an entry that names none (made with the
//! family's contact person); a *child followed* is a member with a follow-up noted in the period, who
//! *stayed in school* when that term's result says so.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use crate::{Db, Error};

/// Whose families the figures cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureScope {
    /// A mediator's own families.
    Mediator(i64),
    /// The families a supervisor supervises on a day.
    Supervised(i64, Date),
    /// The families in one municipality.
    Territory(i64),
    All,
    Nothing,
}

/// How the period is cut into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Month,
    Quarter,
    Year,
}

impl Grouping {
    pub fn parse(s: &str) -> Option<Grouping> {
        match s {
            "month" => Some(Grouping::Month),
            "quarter" => Some(Grouping::Quarter),
            "year" => Some(Grouping::Year),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::Month => "month",
            Grouping::Quarter => "quarter",
            Grouping::Year => "year",
        }
    }

    /// The label of the group a day falls in: 2026-03, 2026-Q1, 2026.
    pub fn label(self, d: Date) -> String {
        match self {
            Grouping::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Grouping::Quarter => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Grouping::Year => format!("{:04}", d.year()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureFilter {
    pub from: Date,
    pub to: Date,
    /// Within the scope: one municipality only.
    pub territory_id: Option<i64>,
    /// Within the scope: one mediator only.
    pub mediator_user_id: Option<i64>,
    pub grouping: Grouping,
}

/// One row of a breakdown by municipality, mediator or period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub label: String,
    pub families: i64,
    pub persons: i64,
    pub contacts: i64,
    pub referrals: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub families: i64,
    pub persons: i64,
    pub contacts: i64,
    /// Minutes of the contacts that tell their duration.
    pub contact_minutes: i64,
    /// The same over every family, with a statistics consent or not (the mediator's hours).
    pub contact_minutes_all: i64,
    /// Every area (in `mediation::AREAS` order) with its count of contacts.
    pub contacts_by_area: Vec<(String, i64)>,
    pub referrals: i64,
    /// Every status (in `mediation_log::REFERRAL_STATUSES` order) with its count.
    pub referrals_by_status: Vec<(String, i64)>,
    /// Referrals by the service of the directory they name (its Latvian title), the most
    /// first; those naming none last, under "".
    pub referrals_by_service: Vec<(String, i64)>,
    /// Referrals by the area of their service (in `event::OBJECTIVES` order), then those
    /// naming no service, under "".
    pub referrals_by_service_area: Vec<(String, i64)>,
    pub children_followed: i64,
    pub stayed_in_school: i64,
    /// Assisted families without a statistics consent in force: counted here only.
    pub no_consent_families: i64,
    pub by_municipality: Vec<Row>,
    pub by_mediator: Vec<Row>,
    pub by_period: Vec<Row>,
}

/// One dated entry of the case log.
type EntryRow = (
    i64,
    i64,
    String,
    i64,
    String,
    bool,
    Option<i64>,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
);

#[derive(Default)]
struct Acc {
    families: BTreeSet<i64>,
    members: BTreeSet<i64>,
    /// Families with an entry naming no member.
    unnamed: BTreeSet<i64>,
    contacts: i64,
    referrals: i64,
}

impl Acc {
    fn row(&self, key: String, label: String) -> Row {
        Row {
            key,
            label,
            families: self.families.len() as i64,
            persons: (self.members.len() + self.unnamed.len()) as i64,
            contacts: self.contacts,
            referrals: self.referrals,
        }
    }
}

/// The year of the first contact, referral or school follow-up on record (none when there
/// is no mediation work yet): where mediation's figures begin.
pub async fn first_year(db: &Db) -> crate::Result<Option<i16>> {
    let first: Option<String> = sqlx::query_scalar(
        "SELECT MIN(d) FROM (
             SELECT MIN(contact_date) AS d FROM mediation_contacts
             UNION ALL SELECT MIN(referred_on) FROM mediation_referrals
             UNION ALL SELECT MIN(noted_on) FROM school_followups)",
    )
    .fetch_one(&db.reader)
    .await?;
    Ok(first.and_then(|d| d.get(..4)?.parse().ok()))
}

/// The figures for a scope and a period.
pub async fn figures(db: &Db, scope: FigureScope, f: &FigureFilter) -> crate::Result<Figures> {
    let (condition, param, day) = match scope {
        FigureScope::Mediator(m) => (
            "f.mediator_user_id = $3 AND $6 IS NOT NULL".to_owned(),
            m,
            String::new(),
        ),
        FigureScope::Supervised(s, today) => (
            crate::mediation::supervised_by("$3", "$6"),
            s,
            today.to_string(),
        ),
        FigureScope::Territory(t) => (
            "f.territory_id = $3 AND $6 IS NOT NULL".to_owned(),
            t,
            String::new(),
        ),
        FigureScope::All => ("$3 = 0 AND $6 IS NOT NULL".to_owned(), 0, String::new()),
        FigureScope::Nothing => return Ok(empty()),
    };
    let rows: Vec<EntryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH entries AS (
             SELECT family_id, member_id, contact_date AS d, 'contact' AS k, areas AS x,
                    duration_minutes AS minutes, NULL AS service, NULL AS service_area
             FROM mediation_contacts WHERE contact_date BETWEEN $1 AND $2
             UNION ALL
             SELECT r.family_id, r.member_id, r.referred_on, 'referral', r.status, NULL,
                    sv.title_lv, sv.area
             FROM mediation_referrals r LEFT JOIN services sv ON sv.id = r.service_id
             WHERE r.referred_on BETWEEN $1 AND $2
             UNION ALL
             SELECT family_id, member_id, noted_on, 'followup', COALESCE(result, ''), NULL,
                    NULL, NULL
             FROM school_followups WHERE noted_on BETWEEN $1 AND $2
         )
         SELECT f.id, f.territory_id, t.name_lv, f.mediator_user_id, u.name,
                EXISTS (SELECT 1 FROM mediation_consents c WHERE c.family_id = f.id
                          AND c.purpose = 'statistics' AND c.member_id IS NULL
                          AND c.withdrawn_on IS NULL),
                e.member_id, e.d, e.k, e.x, e.minutes, e.service, e.service_area
         FROM entries e
         JOIN families f ON f.id = e.family_id
         JOIN territories t ON t.id = f.territory_id
         JOIN users u ON u.id = f.mediator_user_id
         WHERE {condition}
           AND ($4 IS NULL OR f.territory_id = $4)
           AND ($5 IS NULL OR f.mediator_user_id = $5)"
    )))
    .bind(f.from.to_string())
    .bind(f.to.to_string())
    .bind(param)
    .bind(f.territory_id)
    .bind(f.mediator_user_id)
    .bind(&day)
    .fetch_all(&db.reader)
    .await?;
    let mut out = empty();
    let mut all = Acc::default();
    let mut no_consent = BTreeSet::new();
    let mut areas: BTreeMap<String, i64> = BTreeMap::new();
    let mut statuses: BTreeMap<String, i64> = BTreeMap::new();
    let mut services: BTreeMap<String, i64> = BTreeMap::new();
    let mut service_areas: BTreeMap<String, i64> = BTreeMap::new();
    let mut followed = BTreeSet::new();
    let mut stayed = BTreeSet::new();
    let mut by_territory: BTreeMap<(String, i64), Acc> = BTreeMap::new();
    let mut by_mediator: BTreeMap<(String, i64), Acc> = BTreeMap::new();
    let mut by_period: BTreeMap<String, Acc> = BTreeMap::new();
    for (
        family,
        territory,
        territory_name,
        mediator,
        mediator_name,
        counted,
        member,
        d,
        k,
        x,
        minutes,
        service,
        service_area,
    ) in rows
    {
        if k == "contact" {
            out.contact_minutes_all += minutes.unwrap_or(0);
        }
        if !counted {
            no_consent.insert(family);
            continue;
        }
        let day: Date = d
            .parse()
            .map_err(|e| Error::Other(sqlx::Error::Decode(Box::new(e))))?;
        let period = f.grouping.label(day);
        for acc in [
            &mut all,
            by_territory.entry((territory_name, territory)).or_default(),
            by_mediator.entry((mediator_name, mediator)).or_default(),
            by_period.entry(period).or_default(),
        ] {
            acc.families.insert(family);
            match member {
                Some(m) => acc.members.insert(m),
                None => acc.unnamed.insert(family),
            };
            match k.as_str() {
                "contact" => acc.contacts += 1,
                "referral" => acc.referrals += 1,
                _ => {}
            }
        }
        match k.as_str() {
            "contact" => {
                out.contact_minutes += minutes.unwrap_or(0);
                for a in x.split(',').filter(|a| !a.is_empty()) {
                    *areas.entry(a.to_owned()).or_default() += 1;
                }
            }
            "referral" => {
                *statuses.entry(x).or_default() += 1;
                // A referral not to a service of the directory counts under "".
                *services.entry(service.unwrap_or_default()).or_default() += 1;
                *service_areas
                    .entry(service_area.unwrap_or_default())
                    .or_default() += 1;
            }
            _ => {
                if let Some(m) = member {
                    followed.insert(m);
                    if x == "stayed" {
                        stayed.insert(m);
                    }
                }
            }
        }
    }
    let totals = all.row(String::new(), String::new());
    out.families = totals.families;
    out.persons = totals.persons;
    out.contacts = totals.contacts;
    out.referrals = totals.referrals;
    out.contacts_by_area = crate::mediation::AREAS
        .iter()
        .map(|a| ((*a).to_owned(), areas.get(*a).copied().unwrap_or(0)))
        .collect();
    out.referrals_by_status = crate::mediation_log::REFERRAL_STATUSES
        .iter()
        .map(|s| ((*s).to_owned(), statuses.get(*s).copied().unwrap_or(0)))
        .collect();
    // The directory's services, the most referred to first; then those outside it.
    let outside = services.remove("").unwrap_or(0);
    let mut by_service: Vec<(String, i64)> = services.into_iter().collect();
    by_service.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if outside > 0 {
        by_service.push((String::new(), outside));
    }
    out.referrals_by_service = by_service;
    out.referrals_by_service_area = domain::event::OBJECTIVES
        .iter()
        .map(|a| ((*a).to_owned(), service_areas.get(*a).copied().unwrap_or(0)))
        .chain(std::iter::once((
            String::new(),
            service_areas.get("").copied().unwrap_or(0),
        )))
        .collect();
    out.children_followed = followed.len() as i64;
    out.stayed_in_school = stayed.len() as i64;
    out.no_consent_families = no_consent.len() as i64;
    out.by_municipality = by_territory
        .into_iter()
        .map(|((name, id), acc)| acc.row(id.to_string(), name))
        .collect();
    out.by_mediator = by_mediator
        .into_iter()
        .map(|((name, id), acc)| acc.row(id.to_string(), name))
        .collect();
    out.by_period = by_period
        .into_iter()
        .map(|(label, acc)| acc.row(label.clone(), label))
        .collect();
    Ok(out)
}

fn empty() -> Figures {
    Figures {
        contacts_by_area: crate::mediation::AREAS
            .iter()
            .map(|a| ((*a).to_owned(), 0))
            .collect(),
        referrals_by_status: crate::mediation_log::REFERRAL_STATUSES
            .iter()
            .map(|s| ((*s).to_owned(), 0))
            .collect(),
        ..Figures::default()
    }
}

/// Whether the user supervises any mediator on `today` (then they see those families'
/// figures exactly).
pub async fn is_supervisor(db: &Db, user_id: i64, today: Date) -> crate::Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
        "SELECT EXISTS (SELECT 1 {})",
        crate::mediation::current_supervision("$1", "$2")
    )))
    .bind(user_id)
    .bind(today.to_string())
    .fetch_one(&db.reader)
    .await?
        != 0)
}

/// The municipalities that have families, for the filter: (id, name).
pub async fn territories(db: &Db) -> crate::Result<Vec<(i64, String)>> {
    let mut list: Vec<(i64, String)> = sqlx::query_as(
        "SELECT DISTINCT t.id, t.name_lv FROM families f JOIN territories t ON t.id = f.territory_id",
    )
    .fetch_all(&db.reader)
    .await?;
    // In Latvian alphabetical order (Ā after A, not after Z).
    list.sort_by_cached_key(|(_, name)| domain::text::latvian_sort_key(name));
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_have_readable_labels() {
        let d = jiff::civil::date(2026, 11, 26);
        assert_eq!(Grouping::Month.label(d), "2026-11");
        assert_eq!(Grouping::Quarter.label(d), "2026-Q4");
        assert_eq!(
            Grouping::Quarter.label(jiff::civil::date(2026, 3, 31)),
            "2026-Q1"
        );
        assert_eq!(Grouping::Year.label(d), "2026");
        for g in [Grouping::Month, Grouping::Quarter, Grouping::Year] {
            assert_eq!(Grouping::parse(g.as_str()), Some(g));
        }
    }
}
