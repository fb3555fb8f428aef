//! Territories: search, "which unit was this place part of on date D", and loading the
//! reference data from `data/territories/`.

use domain::territory::{self, Kind, PlanningRegion};
use domain::text::fold;
use jiff::civil::Date;
use sqlx::SqliteConnection;

use crate::{Db, Error};

pub const UNITS_CSV: &str = include_str!("../../../../data/territories/units.csv");
pub const TOWNS_CSV: &str = include_str!("../../../../data/territories/towns.csv");
pub const FOREIGN_CSV: &str = include_str!("../../../../data/territories/foreign.csv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Territory {
    pub id: i64,
    pub code: String,
    pub kind: Kind,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub iso_3166_2: Option<String>,
    pub atvk: Option<String>,
    pub planning_region: Option<PlanningRegion>,
    pub country: String,
    pub country_name_lv: String,
    pub country_name_en: String,
    pub parent_id: Option<i64>,
    pub historic_parent_id: Option<i64>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub successor_id: Option<i64>,
}

impl Territory {
    /// The name in a language ("lv" or "en"), Latvian when there is no English one.
    pub fn name(&self, lang: &str) -> &str {
        match (lang, &self.name_en) {
            ("en", Some(en)) => en,
            _ => &self.name_lv,
        }
    }

    pub fn valid_on(&self, on: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= on) && self.valid_to.is_none_or(|t| on <= t)
    }
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

macro_rules! select_territories {
    ($tail:literal) => {
        concat!(
            "SELECT id, code, kind, name_lv, name_en, iso_3166_2, atvk, planning_region, country, ",
            "country_name_lv, country_name_en, parent_id, historic_parent_id, valid_from, valid_to, ",
            "successor_id FROM territories ",
            $tail
        )
    };
}

fn from_row(r: Row) -> Territory {
    let parse_date = |s: Option<String>| s.and_then(|s| s.parse().ok());
    Territory {
        id: r.0,
        code: r.1,
        kind: Kind::parse(&r.2).unwrap_or(Kind::Foreign),
        name_lv: r.3,
        name_en: r.4,
        iso_3166_2: r.5,
        atvk: r.6,
        planning_region: r.7.as_deref().and_then(PlanningRegion::parse),
        country: r.8,
        country_name_lv: r.9,
        country_name_en: r.10,
        parent_id: r.11,
        historic_parent_id: r.12,
        valid_from: parse_date(r.13),
        valid_to: parse_date(r.14),
        successor_id: r.15,
    }
}

pub async fn get(db: &Db, id: i64) -> crate::Result<Territory> {
    sqlx::query_as::<_, Row>(select_territories!("WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .map(from_row)
        .ok_or(Error::NotFound)
}

pub async fn by_code(db: &Db, code: &str) -> crate::Result<Territory> {
    sqlx::query_as::<_, Row>(select_territories!("WHERE code = $1"))
        .bind(code)
        .fetch_optional(&db.reader)
        .await?
        .map(from_row)
        .ok_or(Error::NotFound)
}

/// The local government units (state cities and novadi) that existed on a date.
pub async fn units_on(db: &Db, on: Date) -> crate::Result<Vec<Territory>> {
    let day = on.to_string();
    let mut list: Vec<Territory> = sqlx::query_as::<_, Row>(select_territories!(
        "WHERE kind IN ('state_city', 'municipality')
           AND (valid_from IS NULL OR valid_from <= $1)
           AND (valid_to IS NULL OR valid_to >= $1)
         ORDER BY kind DESC, name_lv"
    ))
    .bind(day)
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(from_row)
    .collect();
    // State cities first, then novadi; names in Latvian alphabetical order within each.
    list.sort_by_cached_key(|t| {
        (
            t.kind != Kind::StateCity,
            domain::text::latvian_sort_key(&t.name_lv),
        )
    });
    Ok(list)
}

/// Places whose Latvian or English name contains the words typed, ignoring case and
/// diacritics ("Vilaka" finds "Viļaka"); names that start with them first, then units
/// before towns. At most `limit`.
pub async fn search(db: &Db, query: &str, limit: i64) -> crate::Result<Vec<Territory>> {
    let q = fold(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    // The folded text is matched with LIKE; its wildcards are escaped.
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let contains = format!("%{escaped}%");
    let starts = format!("{escaped}%");
    let word_starts = format!("% {escaped}%");
    Ok(sqlx::query_as::<_, Row>(select_territories!(
        "WHERE search_key LIKE $1 ESCAPE '\\'
         ORDER BY CASE WHEN search_key LIKE $2 ESCAPE '\\' THEN 0
                       WHEN search_key LIKE $3 ESCAPE '\\' THEN 1 ELSE 2 END,
                  CASE kind WHEN 'state_city' THEN 0 WHEN 'municipality' THEN 1 WHEN 'town' THEN 2
                            WHEN 'foreign' THEN 3 ELSE 4 END,
                  name_lv
         LIMIT $4"
    ))
    .bind(contains)
    .bind(starts)
    .bind(word_starts)
    .bind(limit)
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(from_row)
    .collect())
}

/// The local government unit a place was part of on a date: a town before the 2021 reform
/// belonged to its former municipality; after it, to its novads or state city, and a unit
/// that ended (Varakļāni, 2025) hands over to its successor. Foreign places are their own.
pub async fn unit_on(db: &Db, id: i64, on: Date) -> crate::Result<Territory> {
    let place = get(db, id).await?;
    let start = match place.kind {
        Kind::Foreign => return Ok(place),
        Kind::Town if on < territory::reform_date() => match place.historic_parent_id {
            Some(h) => return get(db, h).await,
            None => place.parent_id,
        },
        Kind::Town => place.parent_id,
        Kind::FormerMunicipality if on < territory::reform_date() => return Ok(place),
        Kind::FormerMunicipality => place.parent_id,
        Kind::StateCity | Kind::Municipality => Some(place.id),
    };
    let mut unit = get(db, start.ok_or(Error::NotFound)?).await?;
    // Follow hand-overs; the chain is short, the bound only guards against a cycle.
    for _ in 0..10 {
        match (unit.valid_to, unit.successor_id) {
            (Some(to), Some(next)) if to < on => unit = get(db, next).await?,
            _ => break,
        }
    }
    Ok(unit)
}

fn search_key(names: &[Option<&str>]) -> String {
    names
        .iter()
        .flatten()
        .map(|n| fold(n))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Loads the reference data inside the migration's transaction.
pub(crate) async fn load_reference(conn: &mut SqliteConnection) -> crate::Result<()> {
    let bad = |e: territory::DataError| {
        Error::Other(sqlx::Error::Protocol(format!("reference data: {e}")))
    };
    let units = territory::parse_units(UNITS_CSV).map_err(bad)?;
    let places = territory::parse_places(TOWNS_CSV).map_err(bad)?;
    let foreign = territory::parse_foreign(FOREIGN_CSV).map_err(bad)?;
    let insert =
        "INSERT INTO territories (code, kind, name_lv, name_en, search_key, iso_3166_2, atvk,
                      planning_region, country, country_name_lv, country_name_en, parent_id,
                      historic_parent_id, valid_from, valid_to)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                  RETURNING id";
    for u in &units {
        sqlx::query(insert)
            .bind(&u.code)
            .bind(u.kind.as_str())
            .bind(&u.name_lv)
            .bind(u.name_en.as_deref())
            .bind(search_key(&[Some(&u.name_lv), u.name_en.as_deref()]))
            .bind(u.iso_3166_2.as_deref())
            .bind(u.atvk.as_deref())
            .bind(u.planning_region.map(PlanningRegion::as_str))
            .bind("LV")
            .bind("Latvija")
            .bind("Latvia")
            .bind(None::<i64>)
            .bind(None::<i64>)
            .bind(u.valid_from.map(|d| d.to_string()))
            .bind(u.valid_to.map(|d| d.to_string()))
            .execute(&mut *conn)
            .await?;
    }
    for u in units.iter().filter(|u| u.successor_code.is_some()) {
        sqlx::query(
            "UPDATE territories SET successor_id = (SELECT id FROM territories WHERE code = $1) WHERE code = $2",
        )
        .bind(u.successor_code.as_deref())
        .bind(&u.code)
        .execute(&mut *conn)
        .await?;
    }
    // Former municipalities first, so towns can point to theirs.
    let mut ordered: Vec<_> = places.iter().collect();
    ordered.sort_by_key(|p| p.kind != Kind::FormerMunicipality);
    for p in ordered {
        let parent: Option<i64> = sqlx::query_scalar("SELECT id FROM territories WHERE code = $1")
            .bind(&p.unit_code)
            .fetch_optional(&mut *conn)
            .await?;
        let Some(parent) = parent else {
            return Err(bad(territory::DataError {
                file: "towns.csv",
                line: 0,
                message: format!("{}: unknown unit {}", p.name_lv, p.unit_code),
            }));
        };
        let historic: Option<i64> = match &p.historic_municipality_lv {
            Some(name) => sqlx::query_scalar(
                "SELECT id FROM territories WHERE kind = 'former_municipality' AND name_lv = $1",
            )
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?,
            None => None,
        };
        let prefix = if p.kind == Kind::Town {
            "town"
        } else {
            "former"
        };
        let base = format!("{prefix}:{}", fold(&p.name_lv).replace(' ', "-"));
        // A pre-2021 municipality split between two units has a row for each part; the
        // first is the part with the former centre.
        let taken: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM territories WHERE code = $1 OR code LIKE $2")
                .bind(&base)
                .bind(format!("{base}~%"))
                .fetch_one(&mut *conn)
                .await?;
        let code = if taken == 0 {
            base
        } else {
            format!("{base}~{}", taken + 1)
        };
        let (valid_to, successor) = match p.kind {
            Kind::FormerMunicipality => (Some("2021-06-30".to_owned()), Some(parent)),
            _ => (None, None),
        };
        sqlx::query(insert)
            .bind(&code)
            .bind(p.kind.as_str())
            .bind(&p.name_lv)
            .bind(None::<String>)
            .bind(search_key(&[Some(&p.name_lv)]))
            .bind(None::<String>)
            .bind(None::<String>)
            .bind(None::<String>)
            .bind("LV")
            .bind("Latvija")
            .bind("Latvia")
            .bind(Some(parent))
            .bind(historic)
            .bind(None::<String>)
            .bind(valid_to)
            .execute(&mut *conn)
            .await?;
        if let Some(s) = successor {
            sqlx::query("UPDATE territories SET successor_id = $1 WHERE code = $2")
                .bind(s)
                .bind(&code)
                .execute(&mut *conn)
                .await?;
        }
    }
    for f in &foreign {
        sqlx::query(insert)
            .bind(&f.code)
            .bind(Kind::Foreign.as_str())
            .bind(&f.name_lv)
            .bind(f.name_en.as_deref())
            .bind(search_key(&[Some(&f.name_lv), f.name_en.as_deref()]))
            .bind(None::<String>)
            .bind(None::<String>)
            .bind(None::<String>)
            .bind(&f.country_iso)
            .bind(&f.country_name_lv)
            .bind(&f.country_name_en)
            .bind(None::<i64>)
            .bind(None::<i64>)
            .bind(None::<String>)
            .bind(None::<String>)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The places a form may choose, grouped: today's units (state cities, novadi), towns,
/// places abroad — as (kind, id, Latvian name, English name).
pub async fn pickable(
    db: &Db,
    today: Date,
) -> crate::Result<Vec<(Kind, i64, String, Option<String>)>> {
    let rows: Vec<(String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT kind, id, name_lv, name_en FROM territories
         WHERE kind IN ('state_city', 'municipality', 'town', 'foreign')
           AND (valid_to IS NULL OR valid_to >= $1)
         ORDER BY CASE kind WHEN 'state_city' THEN 0 WHEN 'municipality' THEN 1 WHEN 'town' THEN 2 ELSE 3 END, name_lv",
    )
    .bind(today.to_string())
    .fetch_all(&db.reader)
    .await?;
    let mut out: Vec<_> = rows
        .into_iter()
        .filter_map(|(k, id, lv, en)| Some((Kind::parse(&k)?, id, lv, en)))
        .collect();
    // Latvian alphabetical order within each group (the groups are already in order).
    let group = |k: Kind| match k {
        Kind::StateCity => 0,
        Kind::Municipality => 1,
        Kind::Town => 2,
        _ => 3,
    };
    out.sort_by_cached_key(|(k, _, lv, _)| (group(*k), domain::text::latvian_sort_key(lv)));
    Ok(out)
}
