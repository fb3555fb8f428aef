//! Benchmark (issue 4, item 11): the participation statistics query at scale.
//!
//! Builds a fresh database with about 100 times the demo world — 30 000 people (85 % with
//! an e-mail in the registry), 7 000 organisations, 3 000 events over three years
//! (2024–2026) and about 150 000 attendance snapshots written event by event — then times
//! `store::statistics::participation` for a whole year, all three years, one event type,
//! one territory and the public view of a year: 2 warm-ups, then 20 timed runs each,
//! printing min / median / p95 in milliseconds and the row counts. Then it times the
//! rewrite suggested in benches/README.md on the same cases and checks that it gives
//! exactly the same figures.
//!
//! Usage: `cargo run --release --example bench_statistics [-- DATABASE] [--analyze]`.
//! Without a path the database lives in a temporary directory and is removed at the end;
//! with one (a file that must not exist yet) it is kept for `EXPLAIN QUERY PLAN` and the
//! like. `--analyze` runs `ANALYZE` after seeding (the application itself never does).
//! See benches/README.md.

use std::time::{Duration, Instant};

use domain::event::EventType;
use domain::participation::{Category, Youth, age_group};
use domain::text::{fold, latvian_sort_key};
use jiff::civil::{Date, date};
use sqlx::Connection as _;
use store::statistics::{Filter, Participation};

const PEOPLE: usize = 30_000;
const ORGANISATIONS: usize = 7_000;
const EVENTS: usize = 3_000;
/// How many times each case is run before timing, and timed.
const WARM_UPS: usize = 2;
const RUNS: usize = 20;

/// SplitMix64: a small, seeded generator, so every run builds the same dataset.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// An index into `weights`, in proportion to them.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

const FIRST: [&str; 16] = [
    "Anna",
    "Jānis",
    "Līga",
    "Andris",
    "Ilze",
    "Roberts",
    "Dace",
    "Kārlis",
    "Ērika",
    "Normunds",
    "Zane",
    "Aigars",
    "Inese",
    "Mārtiņš",
    "Sandra",
    "Valdis",
];
const LAST: [&str; 16] = [
    "Bērziņš",
    "Kalniņa",
    "Ozols",
    "Jansone",
    "Liepa",
    "Krūmiņš",
    "Grīnberga",
    "Lapsa",
    "Zariņš",
    "Vītola",
    "Balodis",
    "Eglīte",
    "Dimitrijevs",
    "Kozlovska",
    "Mihailovs",
    "Tumanovs",
];
const ORG_KINDS: [(&str, f64); 10] = [
    ("ministry", 0.5),
    ("state_agency", 3.0),
    ("municipality", 1.0),
    ("municipal_institution", 35.0),
    ("roma_ngo", 10.0),
    ("other_ngo", 25.0),
    ("international_partner", 3.0),
    ("media", 4.0),
    ("academia", 5.0),
    ("other", 13.5),
];
/// (type, share of events, relative size).
const EVENT_TYPES: [(EventType, f64, f64); 8] = [
    (EventType::AnnualCoordination, 1.0, 150.0),
    (EventType::RegionalExpert, 20.0, 35.0),
    (EventType::GoodPracticeVisit, 10.0, 20.0),
    (EventType::Interministerial, 8.0, 25.0),
    (EventType::Workshop, 33.0, 25.0),
    (EventType::MediatorsSeminar, 10.0, 18.0),
    (EventType::CrossBorderVisit, 3.0, 12.0),
    (EventType::Other, 15.0, 20.0),
];

fn category_of(org_kind: Option<&str>, mediator: bool) -> Category {
    let kind = org_kind.and_then(domain::directory::OrgKind::parse);
    Category::derive(kind, mediator)
}

/// A place: (territory_id, Latvian unit id).
type Place = (Option<i64>, Option<i64>);

struct Person {
    id: i64,
    name: String,
    /// Whether the registry has an e-mail address of theirs.
    email: bool,
    org: Option<(i64, String)>,
    category: Category,
    place: Place,
    gender: Option<&'static str>,
    birth_year: Option<i64>,
    /// An age group declared without an exact age.
    group_only: Option<&'static str>,
    roma: Option<&'static str>,
}

/// One attendance to write: indexes into the events and people.
struct Snapshot {
    event: usize,
    person: usize,
    /// Checked in as the registry person (else by e-mail, or by name without one).
    linked: bool,
    category: Category,
    place: Place,
    age_years: Option<i64>,
    age_group: Option<&'static str>,
    source: &'static str,
    checked_in_at: i64,
}

struct Ev {
    id: i64,
    starts_at: i64,
    weight: f64,
}

struct Seeded {
    units: Vec<(i64, String)>,
    attendances: usize,
}

fn ts(d: Date, hour: i8) -> anyhow::Result<i64> {
    let tz = jiff::tz::TimeZone::get("Europe/Riga")?;
    Ok(d.at(hour, 0, 0, 0)
        .to_zoned_datetime(tz)?
        .timestamp()
        .as_second())
}

/// Fills the database through one plain SQLite connection, in one transaction.
async fn seed(path: &std::path::Path, now: i64) -> anyhow::Result<Seeded> {
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .foreign_keys(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Normal);
    let mut conn = sqlx::SqliteConnection::connect_with(&opts).await?;
    let mut rng = Rng(0x5EED_2026_0004_0011);
    let mut tx = conn.begin().await?;

    let units: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, code FROM territories WHERE kind IN ('state_city', 'municipality') ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let towns: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, parent_id FROM territories WHERE kind = 'town' AND parent_id IS NOT NULL",
    )
    .fetch_all(&mut *tx)
    .await?;
    let foreign: Vec<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE kind = 'foreign'")
        .fetch_all(&mut *tx)
        .await?;
    anyhow::ensure!(
        units.len() >= 40 && !towns.is_empty(),
        "territories are missing"
    );
    let riga = units.first().map(|u| u.0).unwrap_or_default();
    // A Latvian place: a unit itself or one of its towns; Rīga is heavily weighted.
    let latvian_place = |rng: &mut Rng| -> (i64, i64) {
        if rng.chance(0.25) {
            return (riga, riga);
        }
        if rng.chance(0.4) {
            let (town, unit) = rng.pick(&towns);
            return (town, unit);
        }
        let (unit, _) = &units[rng.below(units.len())];
        (*unit, *unit)
    };

    // Organisations.
    let kind_weights: Vec<f64> = ORG_KINDS.iter().map(|k| k.1).collect();
    let mut orgs: Vec<(i64, String, &'static str)> = Vec::with_capacity(ORGANISATIONS);
    for n in 1..=ORGANISATIONS {
        let kind = ORG_KINDS[rng.weighted(&kind_weights)].0;
        let name = format!("Organizācija {n} ({kind})");
        let territory = (!rng.chance(0.15)).then(|| latvian_place(&mut rng).0);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (name_lv, created_at, kind, territory_id, search_key, sort_key, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $2) RETURNING id",
        )
        .bind(&name)
        .bind(now)
        .bind(kind)
        .bind(territory)
        .bind(fold(&name))
        .bind(latvian_sort_key(&name))
        .fetch_one(&mut *tx)
        .await?;
        orgs.push((id, name, kind));
    }

    // People, with what their attendances will record.
    let mut people: Vec<Person> = Vec::with_capacity(PEOPLE);
    for n in 1..=PEOPLE {
        let name = format!("{} {} {n}", rng.pick(&FIRST), rng.pick(&LAST));
        let gender = match rng.unit() {
            x if x < 0.55 => Some("female"),
            x if x < 0.93 => Some("male"),
            x if x < 0.94 => Some("other"),
            _ => None,
        };
        let birth_year = rng.chance(0.75).then(|| 1950 + rng.below(62) as i64);
        let group_only = (birth_year.is_none() && rng.chance(0.4))
            .then(|| rng.pick(&domain::participation::AGE_GROUPS));
        let roma = match rng.unit() {
            x if x < 0.35 => Some("yes"),
            x if x < 0.60 => Some("no"),
            _ => None,
        };
        let place: Place = match rng.unit() {
            x if x < 0.60 => {
                let (t, u) = latvian_place(&mut rng);
                (Some(t), Some(u))
            }
            x if x < 0.65 => (Some(rng.pick(&foreign)), None),
            _ => (None, None),
        };
        let org = rng.chance(0.75).then(|| {
            let (id, name, kind) = &orgs[rng.below(orgs.len())];
            (*id, name.clone(), *kind)
        });
        let category = category_of(org.as_ref().map(|o| o.2), rng.chance(0.03));
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO people (name, search_key, sort_key, territory_id, gender, birth_year, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(&name)
        .bind(fold(&name))
        .bind(latvian_sort_key(&name))
        .bind(place.0)
        .bind(gender)
        .bind(birth_year)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let email = rng.chance(0.85);
        if email {
            sqlx::query("INSERT INTO person_emails (person_id, email) VALUES ($1, $2)")
                .bind(id)
                .bind(format!("p{id}@bench.invalid"))
                .execute(&mut *tx)
                .await?;
        }
        people.push(Person {
            id,
            name,
            email,
            org: org.map(|(id, name, _)| (id, name)),
            category,
            place,
            gender,
            birth_year,
            group_only,
            roma,
        });
    }

    // Events: 2024-01-01 to 2026-12-31, those before today held or reported (a few
    // cancelled or left as drafts), later ones published or drafts.
    let type_weights: Vec<f64> = EVENT_TYPES.iter().map(|t| t.1).collect();
    let first_day = date(2024, 1, 1);
    let days = i64::from(first_day.until(date(2027, 1, 1))?.get_days());
    let mut past: Vec<Ev> = Vec::new();
    for n in 1..=EVENTS {
        let (event_type, _, size) = EVENT_TYPES[rng.weighted(&type_weights)];
        let day = first_day.checked_add(jiff::Span::new().days(rng.below(days as usize) as i64))?;
        let starts_at = ts(day, 10)?;
        let status = if starts_at < now {
            match rng.unit() {
                x if x < 0.04 => "cancelled",
                x if x < 0.06 => "draft",
                x if x < 0.55 => "held",
                _ => "reported",
            }
        } else if rng.chance(0.8) {
            "published"
        } else {
            "draft"
        };
        let territory = match rng.unit() {
            x if x < 0.1 => None,
            _ => Some(latvian_place(&mut rng).0),
        };
        let series = match event_type {
            EventType::AnnualCoordination => Some("Ikgadējā sanāksme".to_owned()),
            _ if rng.chance(0.3) => Some(format!("Sērija {}", rng.below(40) + 1)),
            _ => None,
        };
        let target_group = (event_type == EventType::Workshop)
            .then(|| rng.pick(&["roma_youth", "roma_women", "mixed"]));
        let is_public = rng.chance(0.6);
        let created_at = starts_at - 30 * 86_400;
        let published_at = (status != "draft" && !(status == "cancelled" && rng.chance(0.3)))
            .then_some(created_at + 86_400);
        let title = format!("Pasākums {n}");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (event_type, title_lv, starts_at, ends_at, territory_id, series, capacity,
                 is_public, target_group, status, created_at, updated_at, published_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
        )
        .bind(event_type.as_str())
        .bind(&title)
        .bind(starts_at)
        .bind(starts_at + 4 * 3600)
        .bind(territory)
        .bind(series)
        .bind((size * 2.0) as i64)
        .bind(is_public)
        .bind(target_group)
        .bind(status)
        .bind(created_at)
        .bind(published_at)
        .fetch_one(&mut *tx)
        .await?;
        if matches!(status, "held" | "reported") {
            past.push(Ev {
                id,
                starts_at,
                // Events of one type still differ in size.
                weight: size * (0.5 + rng.unit()),
            });
        }
    }

    // Attendances: each person came to 1–15 events (most to a few), each time with a
    // snapshot much like the last one. They are written event by event, in the order of
    // the events' dates, as check-in writes them (which keeps an event's rows together).
    let weights: Vec<f64> = past.iter().map(|e| e.weight).collect();
    let categories = Category::ALL;
    let sources = ["registration", "walk_in", "import", "api"];
    let mut rows: Vec<Snapshot> = Vec::with_capacity(160_000);
    let mut chosen: Vec<usize> = Vec::with_capacity(16);
    for (i, p) in people.iter().enumerate() {
        let k = 1 + (15.0 * rng.unit().powf(2.4)) as usize;
        chosen.clear();
        while chosen.len() < k.min(15) {
            let e = rng.weighted(&weights);
            if !chosen.contains(&e) {
                chosen.push(e);
            }
        }
        for &e in &chosen {
            let ev = &past[e];
            let year = i64::from(domain::event::riga_date(ev.starts_at).year());
            let age_years = p.birth_year.map(|b| year - b);
            rows.push(Snapshot {
                event: e,
                person: i,
                linked: rng.chance(0.9),
                category: if rng.chance(0.9) {
                    p.category
                } else {
                    rng.pick(&categories)
                },
                place: if rng.chance(0.95) {
                    p.place
                } else {
                    (None, None)
                },
                age_years,
                age_group: match age_years {
                    Some(a) => age_group(a as i32),
                    None => p.group_only,
                },
                source: rng.pick(&sources),
                checked_in_at: ev.starts_at + rng.below(3600) as i64,
            });
        }
    }
    rows.sort_by_key(|r| (past[r.event].starts_at, past[r.event].id, r.checked_in_at));
    for r in &rows {
        let p = &people[r.person];
        sqlx::query(
            "INSERT INTO attendances (event_id, person_id, identity_key, name, search_key, category,
                 organisation_id, organisation_name, territory_id, place_unit_id, gender, age_years,
                 age_group, roma_self_identified, stats_consent_source, source, checked_in_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(past[r.event].id)
        .bind(r.linked.then_some(p.id))
        .bind(match (r.linked, p.email) {
            (true, _) => format!("p:{}", p.id),
            (false, true) => format!("e:p{}@bench.invalid", p.id),
            (false, false) => format!("n:{}", fold(&p.name)),
        })
        .bind(&p.name)
        .bind(fold(&p.name))
        .bind(r.category.as_str())
        .bind(p.org.as_ref().map(|o| o.0))
        .bind(p.org.as_ref().map(|o| o.1.as_str()))
        .bind(r.place.0)
        .bind(r.place.1)
        .bind(p.gender)
        .bind(r.age_years)
        .bind(r.age_group)
        .bind(p.roma)
        .bind(p.roma.map(|_| "registration"))
        .bind(r.source)
        .bind(r.checked_in_at)
        .execute(&mut *tx)
        .await?;
    }
    let attendances = rows.len();
    // What check-in keeps on every attendance: the participant's number (a registry
    // person's id, or a negative number for someone known by e-mail or name only), with
    // e-mail keys of registry addresses linked to their person (as migration 17 does).
    for sql in [
        "UPDATE attendances
            SET person_id = (SELECT pe.person_id FROM person_emails pe
                              WHERE pe.email = substr(attendances.identity_key, 3))
          WHERE person_id IS NULL AND identity_key LIKE 'e:%'",
        "INSERT OR IGNORE INTO participants (identity_key)
            SELECT identity_key FROM attendances WHERE person_id IS NULL ORDER BY id",
        "UPDATE attendances
            SET participant = COALESCE(person_id,
                -(SELECT p.id FROM participants p WHERE p.identity_key = attendances.identity_key))",
    ] {
        sqlx::query(sql).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    conn.close().await?;
    Ok(Seeded { units, attendances })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `run` `WARM_UPS` times, then `RUNS` times timed; the figures must not change.
async fn timed<F, Fut>(mut run: F) -> anyhow::Result<(Vec<Duration>, Participation)>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Participation>>,
{
    let mut last = Participation::default();
    for _ in 0..WARM_UPS {
        last = run().await?;
    }
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let p = run().await?;
        times.push(start.elapsed());
        anyhow::ensure!(p == last, "the figures changed between runs");
    }
    times.sort();
    Ok((times, last))
}

fn print_row(name: &str, times: &[Duration], p: &Participation) {
    let n = times.len();
    let median = (times[n / 2 - 1] + times[n / 2]) / 2;
    let p95 = times[(n * 95).div_ceil(100) - 1];
    println!(
        "{name:<24} {:>8.1} {:>8.1} {:>8.1} {:>7} {:>15} {:>13} {:>7}",
        ms(times[0]),
        ms(median),
        ms(p95),
        p.events,
        p.participations,
        p.participants,
        p.latvian_places,
    );
}

/// The events a filter selects (the same CTE as `store::statistics`).
const EVENTS_CTE: &str = "WITH ev AS (
    SELECT e.id, e.starts_at, e.status FROM events e
    WHERE e.starts_at >= $1 AND e.starts_at < $2
      AND e.status NOT IN ('draft', 'cancelled')
      AND ($3 IS NULL OR e.event_type = $3)
      AND ($4 IS NULL OR e.series = $4)
      AND ($5 IS NULL OR e.territory_id = $5
           OR e.territory_id IN (SELECT id FROM territories WHERE parent_id = $5))
      AND ($6 IS NULL OR e.target_group = $6)
      AND ($7 = 0 OR (e.is_public = 1 AND e.published_at IS NOT NULL))
)";

/// category, gender, age_years, age_group, roma_self_identified, place_unit_id, and how
/// many distinct events the participant came to.
type LatestRow = (
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
);

/// The same figures as `store::statistics::participation`, computed as benches/README.md
/// suggests: one narrow `GROUP BY` per participant (the registry person, also when only
/// their e-mail was known at the door, else the identity key) that finds their latest
/// attendance — the largest `starts_at * 2^30 + id`, i.e. latest start, then highest id,
/// the window function's order — and counts their distinct events; then the latest rows
/// are read by primary key. No window function, no sort of whole rows, one pass over the
/// attendances instead of two.
async fn suggested(
    pool: &sqlx::SqlitePool,
    f: &Filter,
    youth: Youth,
) -> anyhow::Result<Participation> {
    use std::collections::{BTreeMap, BTreeSet};
    let from = domain::event::riga_day_start(f.from);
    let to = domain::event::riga_day_start(f.to.tomorrow().unwrap_or(f.to));
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
    let events: i64 = bind_filter!(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "{EVENTS_CTE} SELECT COUNT(*) FROM ev WHERE status IN ('held', 'reported')
           OR EXISTS (SELECT 1 FROM attendances a WHERE a.event_id = ev.id)"
    ))))
    .fetch_one(pool)
    .await?;
    let latest: Vec<LatestRow> = bind_filter!(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{EVENTS_CTE},
         per_who AS (
             SELECT MAX(starts_at * 1073741824 + id) % 1073741824 AS latest_id,
                    COUNT(DISTINCT event_id) AS events
             FROM (SELECT a.id, a.event_id, ev.starts_at, a.identity_key,
                          COALESCE(a.person_id,
                                   (SELECT pe.person_id FROM person_emails pe
                                     WHERE a.identity_key LIKE 'e:%'
                                       AND pe.email = substr(a.identity_key, 3))) AS pid
                   FROM ev JOIN attendances a ON a.event_id = ev.id)
             GROUP BY pid, CASE WHEN pid IS NULL THEN identity_key END
         )
         SELECT x.category, x.gender, x.age_years, x.age_group, x.roma_self_identified,
                x.place_unit_id, w.events
         FROM per_who w JOIN attendances x ON x.id = w.latest_id"
    ))))
    .fetch_all(pool)
    .await?;
    let mut p = Participation {
        events,
        participations: latest.iter().map(|r| r.6).sum(),
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
    for g in domain::participation::AGE_GROUPS
        .into_iter()
        .chain(["not_stated"])
    {
        p.by_age_group.insert(g, 0);
    }
    for r in ["yes", "no", "not_stated"] {
        p.roma_self_identified.insert(r, 0);
    }
    let mut places: BTreeSet<i64> = BTreeSet::new();
    let mut places_by: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    for (category, gender, age_years, age_group, roma, place, _) in &latest {
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
        let a = domain::participation::AGE_GROUPS
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

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let mut analyze = false;
    let mut keep: Option<std::path::PathBuf> = None;
    for arg in std::env::args().skip(1) {
        if arg == "--analyze" {
            analyze = true;
        } else {
            keep = Some(arg.into());
        }
    }
    let dir = tempfile::tempdir()?;
    let path = match keep {
        Some(p) => {
            anyhow::ensure!(!p.exists(), "{} exists already", p.display());
            p
        }
        None => dir.path().join("bench.db"),
    };
    let now = jiff::Timestamp::now().as_second();
    let db = store::Db::open(&store::DbOptions::new(&path)).await?;
    store::migrate::run(&db, now).await?;

    let started = Instant::now();
    let seeded = seed(&path, now).await?;
    let seeding = started.elapsed();
    if analyze {
        let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
        let mut conn = sqlx::SqliteConnection::connect_with(&opts).await?;
        sqlx::query("ANALYZE").execute(&mut conn).await?;
        conn.close().await?;
    }
    let size = std::fs::metadata(&path)?.len()
        + std::fs::metadata(path.with_extension("db-wal")).map_or(0, |m| m.len());
    println!(
        "Seeded {PEOPLE} people, {ORGANISATIONS} organisations, {EVENTS} events (2024–2026), {} attendances in {:.1} s; database {:.0} MiB{}",
        seeded.attendances,
        seeding.as_secs_f64(),
        size as f64 / 1_048_576.0,
        if analyze { "; ANALYZE run" } else { "" },
    );

    let all = Filter {
        from: date(2024, 1, 1),
        to: date(2026, 12, 31),
        event_type: None,
        series: None,
        territory_id: None,
        target_group: None,
        public_only: false,
        event_id: None,
    };
    let unit = seeded
        .units
        .iter()
        .find(|u| u.1 == "rezeknes-novads")
        .map(|u| u.0);
    anyhow::ensure!(unit.is_some(), "no Rēzeknes novads");
    let cases = [
        (
            "year 2025",
            Filter {
                from: date(2025, 1, 1),
                to: date(2025, 12, 31),
                ..all.clone()
            },
        ),
        ("2024-2026 (all)", all.clone()),
        (
            "2024-2026 workshops",
            Filter {
                event_type: Some(EventType::Workshop),
                ..all.clone()
            },
        ),
        (
            "2024-2026 Rēzeknes nov.",
            Filter {
                territory_id: unit,
                ..all.clone()
            },
        ),
        (
            "2025 public only",
            Filter {
                from: date(2025, 1, 1),
                to: date(2025, 12, 31),
                public_only: true,
                ..all.clone()
            },
        ),
    ];
    println!(
        "{WARM_UPS} warm-ups, then {RUNS} timed runs of store::statistics::participation per case (ms)"
    );
    println!(
        "{:<24} {:>8} {:>8} {:>8} {:>7} {:>15} {:>13} {:>7}",
        "case", "min", "median", "p95", "events", "participations", "participants", "places"
    );
    let youth = Youth::default();
    let mut expected = Vec::new();
    for (name, f) in &cases {
        let db = &db;
        let (times, p) =
            timed(|| async move { Ok(store::statistics::participation(db, f, youth).await?) })
                .await?;
        print_row(name, &times, &p);
        expected.push(p);
    }

    // The suggested rewrite, on a read pool like the application's, for comparison.
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&path)
                .read_only(true),
        )
        .await?;
    println!("the rewrite suggested in benches/README.md (one narrow GROUP BY), same cases:");
    for ((name, f), want) in cases.iter().zip(&expected) {
        let pool = &pool;
        let (times, mut p) = timed(|| async move { suggested(pool, f, youth).await }).await?;
        print_row(name, &times, &p);
        // The rewrite predates the planning-region split (issue 8) and does not compute it.
        p.by_region = want.by_region.clone();
        anyhow::ensure!(
            &p == want,
            "the rewrite disagrees with store::statistics for {name}"
        );
    }
    pool.close().await;
    db.close().await;
    Ok(())
}
