//! Participation statistics over the attendance snapshots. A person is counted once
//! however many events they came to (a registry person by their id — also when an earlier
//! attendance knew them only by an e-mail that is now theirs in the registry — anyone else
//! by e-mail or folded name), and described by the snapshot of their latest attendance in
//! the period: its category, gender, age, Roma self-identification and place.
//! The counts are exact; disclosure control for the public is applied by the caller
//! (`domain::participation`).

use std::collections::{BTreeMap, BTreeSet};

use domain::event::{EventType, riga_day_start};
use domain::participation::{AGE_GROUPS, Category, Youth};
use jiff::civil::Date;

use crate::Db;

/// Which events count.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Inclusive Riga dates of the event's start.
    pub from: Date,
    pub to: Date,
    pub event_type: Option<EventType>,
    pub series: Option<String>,
    /// The event's place or the unit it lies in.
    pub territory_id: Option<i64>,
    /// roma_youth, roma_women or mixed (workshops).
    pub target_group: Option<String>,
    /// Only public events (for the public site).
    pub public_only: bool,
}

/// Exact participation figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participation {
    /// Events in the period that took place (held or reported, or with attendance taken).
    pub events: i64,
    /// Attendances: a person at five events is five participations.
    pub participations: i64,
    /// Distinct people.
    pub participants: i64,
    /// Every category of `Category::ALL`, by name.
    pub by_category: BTreeMap<&'static str, i64>,
    /// female, male, other, not_stated.
    pub by_gender: BTreeMap<&'static str, i64>,
    /// The age groups of `AGE_GROUPS` and not_stated.
    pub by_age_group: BTreeMap<&'static str, i64>,
    pub youth: i64,
    /// yes, no, not_stated.
    pub roma_self_identified: BTreeMap<&'static str, i64>,
    /// Distinct Latvian state cities and municipalities represented.
    pub latvian_places: i64,
    pub latvian_places_by_category: BTreeMap<&'static str, i64>,
}

type Latest = (
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

/// The figures for the events the filter selects; `youth` says who counts as youth.
pub async fn participation(db: &Db, f: &Filter, youth: Youth) -> crate::Result<Participation> {
    let from = riga_day_start(f.from);
    let to = riga_day_start(f.to.tomorrow().unwrap_or(f.to));
    // The selected events, as a CTE every query below starts from.
    let events_cte = "WITH ev AS (
        SELECT e.id, e.starts_at, e.status FROM events e
        WHERE e.starts_at >= $1 AND e.starts_at < $2
          AND e.status NOT IN ('draft', 'cancelled')
          AND ($3 IS NULL OR e.event_type = $3)
          AND ($4 IS NULL OR e.series = $4)
          AND ($5 IS NULL OR e.territory_id = $5
               OR e.territory_id IN (SELECT id FROM territories WHERE parent_id = $5))
          AND ($6 IS NULL OR e.target_group = $6)
          AND ($7 = 0 OR (e.is_public = 1 AND e.published_at IS NOT NULL))
    ),
    att AS (
        SELECT a.*, ev.starts_at,
               COALESCE('p:' || a.person_id,
                        (SELECT 'p:' || pe.person_id FROM person_emails pe
                          WHERE a.identity_key LIKE 'e:%' AND pe.email = substr(a.identity_key, 3)),
                        a.identity_key) AS who
        FROM attendances a JOIN ev ON ev.id = a.event_id
    )";
    macro_rules! bind_filter {
        ($q:expr) => {
            $q.bind(from)
                .bind(to)
                .bind(f.event_type.map(|t| t.as_str()))
                .bind(f.series.as_deref())
                .bind(f.territory_id)
                .bind(f.target_group.as_deref())
                .bind(f.public_only)
        };
    }
    let (events, participations): (i64, i64) =
        bind_filter!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{events_cte}
             SELECT
               (SELECT COUNT(*) FROM ev WHERE status IN ('held', 'reported')
                  OR EXISTS (SELECT 1 FROM attendances a WHERE a.event_id = ev.id)),
               (SELECT COUNT(*) FROM (SELECT DISTINCT event_id, who FROM att))"
        ))))
        .fetch_one(&db.reader)
        .await?;
    let latest: Vec<Latest> = bind_filter!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{events_cte}
         SELECT category, gender, age_years, age_group, roma_self_identified, place_unit_id
         FROM (SELECT att.*, ROW_NUMBER() OVER (PARTITION BY who ORDER BY starts_at DESC, id DESC) AS rn
               FROM att)
         WHERE rn = 1"
    ))))
    .fetch_all(&db.reader)
    .await?;

    let mut p = Participation {
        events,
        participations,
        participants: latest.len() as i64,
        ..Participation::default()
    };
    for c in Category::ALL {
        p.by_category.insert(c.as_str(), 0);
        p.latvian_places_by_category.insert(c.as_str(), 0);
    }
    for g in ["female", "male", "other", "not_stated"] {
        p.by_gender.insert(g, 0);
    }
    for g in AGE_GROUPS.into_iter().chain(["not_stated"]) {
        p.by_age_group.insert(g, 0);
    }
    for r in ["yes", "no", "not_stated"] {
        p.roma_self_identified.insert(r, 0);
    }
    let mut places: BTreeSet<i64> = BTreeSet::new();
    let mut places_by: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    for (category, gender, age_years, age_group, roma, place) in &latest {
        let c = Category::parse(category)
            .unwrap_or(Category::Other)
            .as_str();
        *p.by_category.entry(c).or_default() += 1;
        let g = match gender.as_deref() {
            Some("female") => "female",
            Some("male") => "male",
            Some("other") => "other",
            _ => "not_stated",
        };
        *p.by_gender.entry(g).or_default() += 1;
        let a = AGE_GROUPS
            .into_iter()
            .find(|x| Some(*x) == age_group.as_deref())
            .unwrap_or("not_stated");
        *p.by_age_group.entry(a).or_default() += 1;
        let age = age_years.and_then(|a| i32::try_from(a).ok());
        if youth.includes(age, age_group.as_deref()) {
            p.youth += 1;
        }
        let r = match roma.as_deref() {
            Some("yes") => "yes",
            Some("no") => "no",
            _ => "not_stated",
        };
        *p.roma_self_identified.entry(r).or_default() += 1;
        if let Some(place) = place {
            places.insert(*place);
            places_by.entry(c).or_default().insert(*place);
        }
    }
    p.latvian_places = places.len() as i64;
    for (c, set) in places_by {
        p.latvian_places_by_category.insert(c, set.len() as i64);
    }
    Ok(p)
}

/// The series names in use, for the filter's choices (`public_only`: of events the public
/// sees).
pub async fn series(db: &Db, public_only: bool) -> crate::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT series FROM events WHERE series IS NOT NULL AND series <> ''
           AND ($1 = 0 OR (is_public = 1 AND published_at IS NOT NULL
                           AND status NOT IN ('draft', 'cancelled')))
         ORDER BY series",
    )
    .bind(public_only)
    .fetch_all(&db.reader)
    .await?)
}
