//! Participation statistics over the attendance snapshots. A person is counted once
//! however many events they came to (a registry person by their id — also when an earlier
//! attendance knew them only by an e-mail that is now theirs in the registry, which links
//! it — anyone else by e-mail or folded name), and described by the snapshot of their latest attendance in
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
    /// Only this event (a report's line per activity).
    pub event_id: Option<i64>,
}

impl Filter {
    /// Every event from `from` to `to` (inclusive Riga dates), or only the public ones.
    pub fn between(from: Date, to: Date, public_only: bool) -> Filter {
        Filter {
            from,
            to,
            event_type: None,
            series: None,
            territory_id: None,
            target_group: None,
            public_only,
            event_id: None,
        }
    }
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
    /// People by the planning region of their place (riga, vidzeme, kurzeme, zemgale,
    /// latgale), and not_stated (no Latvian place).
    pub by_region: BTreeMap<&'static str, i64>,
    pub latvian_places_by_category: BTreeMap<&'static str, i64>,
}

/// One group of participants with the same latest snapshot: (category, gender, age
/// group, youth, Roma answer, place unit, its planning region, people).
type Group = (
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<String>,
    Option<i64>,
    Option<String>,
    i64,
);

/// The figures for the events the filter selects; `youth` says who counts as youth.
///
/// Every attendance carries its participant's number (`participant`: a registry person's
/// id, or a negative number for someone known only by e-mail or name), so one narrow
/// aggregate over the selected events' entries of the covering `(event_id, participant)`
/// index finds each participant's latest attendance (latest start, then highest id), whose
/// snapshot is read from the covering `attendances_snapshot` index and grouped in SQL — a
/// few hundred rows come back. Participations (distinct participant and event pairs) are
/// the selected attendances less the duplicates, which only re-linked attendances (an
/// e-mail linked to a registry person, a merge) can make and the partial
/// `attendances_relinked` index holds (migration 19).
pub async fn participation(db: &Db, f: &Filter, youth: Youth) -> crate::Result<Participation> {
    let from = riga_day_start(f.from);
    let to = riga_day_start(f.to.tomorrow().unwrap_or(f.to));
    // The selected events, as a CTE both queries start from.
    let events_cte = "WITH ev AS MATERIALIZED (
        SELECT e.id, e.starts_at, e.status FROM events e
        WHERE e.starts_at >= $1 AND e.starts_at < $2
          AND e.status NOT IN ('draft', 'cancelled')
          AND ($3 IS NULL OR e.event_type = $3)
          AND ($4 IS NULL OR e.series = $4)
          AND ($5 IS NULL OR e.territory_id = $5
               OR e.territory_id IN (SELECT id FROM territories WHERE parent_id = $5))
          AND ($6 IS NULL OR e.target_group = $6)
          AND ($7 = 0 OR (e.is_public = 1 AND e.published_at IS NOT NULL))
          AND ($8 IS NULL OR e.id = $8)
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
                .bind(f.event_id)
        };
    }
    // A re-linked attendance is a duplicate when its participant has, at the same event,
    // an attendance of their own ('p:' key) or an earlier re-linked one: k attendances of
    // one participant at one event count k - 1 duplicates.
    let (events, participations): (i64, i64) =
        bind_filter!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{events_cte}
         SELECT (SELECT COUNT(*) FROM ev WHERE status IN ('held', 'reported')
                    OR EXISTS (SELECT 1 FROM attendances a WHERE a.event_id = ev.id)),
                (SELECT COUNT(*) FROM ev CROSS JOIN attendances a WHERE a.event_id = ev.id)
              - (SELECT COUNT(*) FROM ev CROSS JOIN attendances r INDEXED BY attendances_relinked
                  WHERE r.event_id = ev.id
                    AND r.participant > 0 AND r.identity_key <> 'p:' || r.participant
                    AND EXISTS (SELECT 1 FROM attendances b
                                 WHERE b.event_id = r.event_id AND b.participant = r.participant
                                   AND b.id <> r.id
                                   AND (b.identity_key = 'p:' || b.participant OR b.id < r.id)))"
        ))))
        .fetch_one(&db.reader)
        .await?;
    // The age groups that lie wholly inside the youth range count as youth when the age in
    // years is not known.
    let youth_groups: String = AGE_GROUPS
        .iter()
        .filter(|g| youth.includes(None, Some(g)))
        .copied()
        .collect::<Vec<_>>()
        .join(",");
    // `starts_at * 2^30 + id` orders by start, then id, within 64 bits (until about 2240,
    // for attendance ids below 2^30).
    let groups: Vec<Group> = bind_filter!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{events_cte},
         per AS (
            SELECT MAX(ev.starts_at * 1073741824 + a.id) % 1073741824 AS latest_id
            FROM ev CROSS JOIN attendances a
            WHERE a.event_id = ev.id
            GROUP BY a.participant
         )
         SELECT x.category, x.gender, x.age_group,
                COALESCE(CASE WHEN x.age_years IS NOT NULL THEN x.age_years BETWEEN $9 AND $10
                     ELSE instr(',' || $11 || ',', ',' || x.age_group || ',') > 0 END, 0) AS youth,
                x.roma_self_identified, x.place_unit_id,
                (SELECT t.planning_region FROM territories t WHERE t.id = x.place_unit_id),
                COUNT(*)
         FROM per JOIN attendances x INDEXED BY attendances_snapshot ON x.id = per.latest_id
         GROUP BY 1, 2, 3, 4, 5, 6"
    ))))
    .bind(youth.min)
    .bind(youth.max)
    .bind(&youth_groups)
    .fetch_all(&db.reader)
    .await?;

    let mut p = Participation {
        events,
        participations,
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
    for r in domain::territory::PlanningRegion::ALL
        .iter()
        .map(|r| r.as_str())
        .chain(["not_stated"])
    {
        p.by_region.insert(r, 0);
    }
    let mut places: BTreeSet<i64> = BTreeSet::new();
    let mut places_by: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    for (category, gender, age_group, is_youth, roma, place, region, people) in &groups {
        p.participants += people;
        let c = Category::parse(category)
            .unwrap_or(Category::Other)
            .as_str();
        *p.by_category.entry(c).or_default() += people;
        let g = match gender.as_deref() {
            Some("female") => "female",
            Some("male") => "male",
            Some("other") => "other",
            _ => "not_stated",
        };
        *p.by_gender.entry(g).or_default() += people;
        let a = AGE_GROUPS
            .into_iter()
            .find(|x| Some(*x) == age_group.as_deref())
            .unwrap_or("not_stated");
        *p.by_age_group.entry(a).or_default() += people;
        if *is_youth {
            p.youth += people;
        }
        let r = match roma.as_deref() {
            Some("yes") => "yes",
            Some("no") => "no",
            _ => "not_stated",
        };
        *p.roma_self_identified.entry(r).or_default() += people;
        let region = domain::territory::PlanningRegion::ALL
            .iter()
            .map(|r| r.as_str())
            .find(|r| Some(*r) == region.as_deref())
            .unwrap_or("not_stated");
        *p.by_region.entry(region).or_default() += people;
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

/// The Riga year of the first event that counts (`public_only`: of those the public sees).
pub async fn first_year(db: &Db, public_only: bool) -> crate::Result<Option<i16>> {
    let first: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(starts_at) FROM events WHERE status NOT IN ('draft', 'cancelled')
           AND ($1 = 0 OR (is_public = 1 AND published_at IS NOT NULL))",
    )
    .bind(public_only)
    .fetch_one(&db.reader)
    .await?;
    Ok(first.map(|at| {
        jiff::Timestamp::from_second(at)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .to_zoned_datetime(
                jiff::tz::TimeZone::get("Europe/Riga").unwrap_or(jiff::tz::TimeZone::UTC),
            )
            .year()
    }))
}
