//! Territories: Latvian state cities and municipalities with validity dates (the 2021
//! reform, the 2025 merger of Varakļāni into Madona), the towns and pre-2021
//! municipalities people still name, and foreign places of partners. The reference data
//! lives in `data/territories/` with its sources; this module parses it.

use jiff::civil::Date;

/// The date the 2021 administrative reform took effect.
pub fn reform_date() -> Date {
    jiff::civil::date(2021, 7, 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Valstspilsēta.
    StateCity,
    /// Novads (since 2021).
    Municipality,
    /// Pilsēta within a novads.
    Town,
    /// A novads of before the 2021 reform.
    FormerMunicipality,
    /// A place abroad.
    Foreign,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::StateCity,
        Kind::Municipality,
        Kind::Town,
        Kind::FormerMunicipality,
        Kind::Foreign,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::StateCity => "state_city",
            Kind::Municipality => "municipality",
            Kind::Town => "town",
            Kind::FormerMunicipality => "former_municipality",
            Kind::Foreign => "foreign",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A local government unit of today's system (a state city or a novads).
    pub fn is_unit(self) -> bool {
        matches!(self, Kind::StateCity | Kind::Municipality)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Kind::StateCity => "territory-kind-state-city",
            Kind::Municipality => "territory-kind-municipality",
            Kind::Town => "territory-kind-town",
            Kind::FormerMunicipality => "territory-kind-former-municipality",
            Kind::Foreign => "territory-kind-foreign",
        }
    }
}

/// Latvia's five planning regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanningRegion {
    Riga,
    Vidzeme,
    Kurzeme,
    Zemgale,
    Latgale,
}

impl PlanningRegion {
    pub const ALL: [PlanningRegion; 5] = [
        PlanningRegion::Riga,
        PlanningRegion::Vidzeme,
        PlanningRegion::Kurzeme,
        PlanningRegion::Zemgale,
        PlanningRegion::Latgale,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanningRegion::Riga => "riga",
            PlanningRegion::Vidzeme => "vidzeme",
            PlanningRegion::Kurzeme => "kurzeme",
            PlanningRegion::Zemgale => "zemgale",
            PlanningRegion::Latgale => "latgale",
        }
    }

    pub fn parse(s: &str) -> Option<PlanningRegion> {
        PlanningRegion::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            PlanningRegion::Riga => "region-riga",
            PlanningRegion::Vidzeme => "region-vidzeme",
            PlanningRegion::Kurzeme => "region-kurzeme",
            PlanningRegion::Zemgale => "region-zemgale",
            PlanningRegion::Latgale => "region-latgale",
        }
    }
}

/// A row of `data/territories/units.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRecord {
    pub code: String,
    pub kind: Kind,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub iso_3166_2: Option<String>,
    pub atvk: Option<String>,
    pub planning_region: Option<PlanningRegion>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub successor_code: Option<String>,
}

/// A row of `data/territories/towns.csv`: a town or a pre-2021 municipality, and the unit
/// it is part of today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceRecord {
    pub name_lv: String,
    pub kind: Kind,
    pub unit_code: String,
    pub historic_municipality_lv: Option<String>,
}

/// A row of `data/territories/foreign.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignRecord {
    pub code: String,
    pub name_lv: String,
    pub name_en: Option<String>,
    pub country_iso: String,
    pub country_name_lv: String,
    pub country_name_en: String,
}

/// A reference data file that does not parse: which line and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// Splits one CSV line (RFC 4180 quoting: `"a, b"`, `""` for a quote).
pub fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// One CSV row as (column name, value) pairs.
type CsvRow = Vec<(String, String)>;

/// The data rows of a CSV file as maps from the header's column names.
fn rows(
    file: &'static str,
    text: &str,
    columns: &[&str],
) -> Result<Vec<(usize, CsvRow)>, DataError> {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(DataError {
            file,
            line: 1,
            message: "empty file".into(),
        });
    };
    let header = csv_fields(header);
    for c in columns {
        if !header.iter().any(|h| h == c) {
            return Err(DataError {
                file,
                line: 1,
                message: format!("column {c} missing"),
            });
        }
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        let fields = csv_fields(line);
        if fields.len() != header.len() {
            return Err(DataError {
                file,
                line: i + 1,
                message: format!("{} fields, the header has {}", fields.len(), header.len()),
            });
        }
        out.push((
            i + 1,
            header
                .iter()
                .cloned()
                .zip(fields.into_iter().map(|f| f.trim().to_owned()))
                .collect(),
        ));
    }
    Ok(out)
}

fn get<'a>(row: &'a [(String, String)], col: &str) -> &'a str {
    row.iter()
        .find(|(k, _)| k == col)
        .map_or("", |(_, v)| v.as_str())
}

fn opt(row: &[(String, String)], col: &str) -> Option<String> {
    Some(get(row, col).to_owned()).filter(|s| !s.is_empty())
}

fn date(file: &'static str, line: usize, s: &str) -> Result<Option<Date>, DataError> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|e| DataError {
        file,
        line,
        message: format!("date {s:?}: {e}"),
    })
}

pub fn parse_units(text: &str) -> Result<Vec<UnitRecord>, DataError> {
    const FILE: &str = "units.csv";
    let cols = [
        "code",
        "kind",
        "name_lv",
        "name_en",
        "iso_3166_2",
        "atvk",
        "planning_region",
        "valid_from",
        "valid_to",
        "successor_code",
    ];
    rows(FILE, text, &cols)?
        .into_iter()
        .map(|(line, r)| {
            let err = |message: String| DataError {
                file: FILE,
                line,
                message,
            };
            let kind = Kind::parse(get(&r, "kind"))
                .filter(|k| k.is_unit())
                .ok_or_else(|| err(format!("kind {:?}", get(&r, "kind"))))?;
            let planning_region = match get(&r, "planning_region") {
                "" => None,
                s => Some(
                    PlanningRegion::parse(s)
                        .ok_or_else(|| err(format!("planning region {s:?}")))?,
                ),
            };
            let code = get(&r, "code").to_owned();
            let name_lv = get(&r, "name_lv").to_owned();
            if code.is_empty() || name_lv.is_empty() {
                return Err(err("code and name_lv are required".into()));
            }
            Ok(UnitRecord {
                code,
                kind,
                name_lv,
                name_en: opt(&r, "name_en"),
                iso_3166_2: opt(&r, "iso_3166_2"),
                atvk: opt(&r, "atvk"),
                planning_region,
                valid_from: date(FILE, line, get(&r, "valid_from"))?,
                valid_to: date(FILE, line, get(&r, "valid_to"))?,
                successor_code: opt(&r, "successor_code"),
            })
        })
        .collect()
}

pub fn parse_places(text: &str) -> Result<Vec<PlaceRecord>, DataError> {
    const FILE: &str = "towns.csv";
    rows(
        FILE,
        text,
        &["name_lv", "kind", "unit_code", "historic_municipality_lv"],
    )?
    .into_iter()
    .map(|(line, r)| {
        let kind = Kind::parse(get(&r, "kind"))
            .filter(|k| matches!(k, Kind::Town | Kind::FormerMunicipality))
            .ok_or_else(|| DataError {
                file: FILE,
                line,
                message: format!("kind {:?}", get(&r, "kind")),
            })?;
        let name_lv = get(&r, "name_lv").to_owned();
        let unit_code = get(&r, "unit_code").to_owned();
        if name_lv.is_empty() || unit_code.is_empty() {
            return Err(DataError {
                file: FILE,
                line,
                message: "name_lv and unit_code are required".into(),
            });
        }
        Ok(PlaceRecord {
            name_lv,
            kind,
            unit_code,
            historic_municipality_lv: opt(&r, "historic_municipality_lv"),
        })
    })
    .collect()
}

pub fn parse_foreign(text: &str) -> Result<Vec<ForeignRecord>, DataError> {
    const FILE: &str = "foreign.csv";
    let cols = [
        "code",
        "name_lv",
        "name_en",
        "country_iso",
        "country_name_lv",
        "country_name_en",
    ];
    rows(FILE, text, &cols)?
        .into_iter()
        .map(|(line, r)| {
            let rec = ForeignRecord {
                code: get(&r, "code").to_owned(),
                name_lv: get(&r, "name_lv").to_owned(),
                name_en: opt(&r, "name_en"),
                country_iso: get(&r, "country_iso").to_owned(),
                country_name_lv: get(&r, "country_name_lv").to_owned(),
                country_name_en: get(&r, "country_name_en").to_owned(),
            };
            if rec.code.is_empty() || rec.name_lv.is_empty() || rec.country_iso.len() != 2 {
                return Err(DataError {
                    file: FILE,
                    line,
                    message: "code, name_lv and a 2-letter country_iso are required".into(),
                });
            }
            Ok(rec)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_lines_split_with_quotes() {
        assert_eq!(csv_fields("a,b,,c"), ["a", "b", "", "c"]);
        assert_eq!(
            csv_fields("\"Rīga, centrs\",\"say \"\"hi\"\"\",x"),
            ["Rīga, centrs", "say \"hi\"", "x"]
        );
    }

    #[test]
    fn units_parse_and_bad_rows_are_named() {
        let text = "code,kind,name_lv,name_en,iso_3166_2,atvk,planning_region,valid_from,valid_to,successor_code\n\
                    madonas-novads,municipality,Madonas novads,Madona Municipality,LV-059,,vidzeme,2021-07-01,,\n\
                    varaklanu-novads,municipality,Varakļānu novads,,LV-102,,,2021-07-01,2025-06-30,madonas-novads\n";
        let units = parse_units(text).unwrap_or_default();
        assert_eq!(units.len(), 2);
        assert_eq!(units[1].valid_to, Some(jiff::civil::date(2025, 6, 30)));
        assert_eq!(units[1].successor_code.as_deref(), Some("madonas-novads"));
        let bad = "code,kind,name_lv,name_en,iso_3166_2,atvk,planning_region,valid_from,valid_to,successor_code\n\
                   x,village,X,,,,,,,\n";
        assert_eq!(parse_units(bad).map_err(|e| e.line), Err(2));
        let bad_date = bad.replace("x,village,X,,,,,,,", "x,municipality,X,,,,,2021-13-01,,");
        assert!(parse_units(&bad_date).is_err());
    }
}
