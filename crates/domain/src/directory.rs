//! The stakeholder directory: organisations, people, and the self-declared attributes used
//! for statistics only. Roma self-identification is special-category data (GDPR art. 9):
//! it exists only together with an explicit consent record.

use jiff::civil::Date;

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    Ministry,
    StateAgency,
    Municipality,
    /// A school, social service, council or other body under a municipality.
    MunicipalInstitution,
    RomaNgo,
    OtherNgo,
    InternationalPartner,
    Media,
    Academia,
    Other,
}

impl OrgKind {
    pub const ALL: [OrgKind; 10] = [
        OrgKind::Ministry,
        OrgKind::StateAgency,
        OrgKind::Municipality,
        OrgKind::MunicipalInstitution,
        OrgKind::RomaNgo,
        OrgKind::OtherNgo,
        OrgKind::InternationalPartner,
        OrgKind::Media,
        OrgKind::Academia,
        OrgKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Ministry => "ministry",
            OrgKind::StateAgency => "state_agency",
            OrgKind::Municipality => "municipality",
            OrgKind::MunicipalInstitution => "municipal_institution",
            OrgKind::RomaNgo => "roma_ngo",
            OrgKind::OtherNgo => "other_ngo",
            OrgKind::InternationalPartner => "international_partner",
            OrgKind::Media => "media",
            OrgKind::Academia => "academia",
            OrgKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            OrgKind::Ministry => "org-kind-ministry",
            OrgKind::StateAgency => "org-kind-state-agency",
            OrgKind::Municipality => "org-kind-municipality",
            OrgKind::MunicipalInstitution => "org-kind-municipal-institution",
            OrgKind::RomaNgo => "org-kind-roma-ngo",
            OrgKind::OtherNgo => "org-kind-other-ngo",
            OrgKind::InternationalPartner => "org-kind-international-partner",
            OrgKind::Media => "org-kind-media",
            OrgKind::Academia => "org-kind-academia",
            OrgKind::Other => "org-kind-other",
        }
    }
}

/// Self-declared gender, for statistics only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
    Other,
    Undisclosed,
}

impl Gender {
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::Other,
        Gender::Undisclosed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
            Gender::Undisclosed => "undisclosed",
        }
    }

    pub fn parse(s: &str) -> Option<Gender> {
        Gender::ALL.into_iter().find(|g| g.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Gender::Female => "gender-female",
            Gender::Male => "gender-male",
            Gender::Other => "gender-other",
            Gender::Undisclosed => "gender-undisclosed",
        }
    }
}

/// Self-declared Roma identity. Special-category data: stored only with consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RomaIdentity {
    Yes,
    No,
    Undisclosed,
}

impl RomaIdentity {
    pub const ALL: [RomaIdentity; 3] = [
        RomaIdentity::Yes,
        RomaIdentity::No,
        RomaIdentity::Undisclosed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RomaIdentity::Yes => "yes",
            RomaIdentity::No => "no",
            RomaIdentity::Undisclosed => "undisclosed",
        }
    }

    pub fn parse(s: &str) -> Option<RomaIdentity> {
        RomaIdentity::ALL.into_iter().find(|g| g.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            RomaIdentity::Yes => "roma-yes",
            RomaIdentity::No => "roma-no",
            RomaIdentity::Undisclosed => "roma-undisclosed",
        }
    }
}

/// The purpose a consent is given for.
pub const PURPOSE_ROMA_IDENTITY: &str = "roma_identity_statistics";

/// The version of the data-processing notice shown when Roma self-identification is asked
/// (`crate::privacy_notices`).
pub const ROMA_NOTICE_VERSION: &str = crate::privacy_notices::ROMA_IDENTITY.current().id;

/// Age groups derived from the year of birth (never stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeGroup {
    Under18,
    /// 18–29: "youth" in the platform's reports.
    From18To29,
    From30To49,
    From50To64,
    From65,
}

impl AgeGroup {
    /// The group of someone born in `birth_year`, in `year` (by the year only).
    pub fn of(birth_year: i32, year: i32) -> Option<AgeGroup> {
        let age = year.checked_sub(birth_year)?;
        Some(match age {
            a if a < 0 => return None,
            0..=17 => AgeGroup::Under18,
            18..=29 => AgeGroup::From18To29,
            30..=49 => AgeGroup::From30To49,
            50..=64 => AgeGroup::From50To64,
            _ => AgeGroup::From65,
        })
    }

    pub fn label_key(self) -> &'static str {
        match self {
            AgeGroup::Under18 => "age-under-18",
            AgeGroup::From18To29 => "age-18-29",
            AgeGroup::From30To49 => "age-30-49",
            AgeGroup::From50To64 => "age-50-64",
            AgeGroup::From65 => "age-65-plus",
        }
    }
}

/// A phone number in E.164 (`+37120000000`). Spaces, dashes, dots and brackets are
/// ignored; `00` means `+`; eight digits without a country code are Latvian (+371).
pub fn parse_phone(input: &str) -> Option<String> {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    let (plus, digits) = if let Some(r) = compact.strip_prefix('+') {
        (true, r)
    } else if let Some(r) = compact.strip_prefix("00") {
        (true, r)
    } else {
        (false, compact.as_str())
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let full = if plus {
        digits.to_owned()
    } else if digits.len() == 8 {
        format!("371{digits}")
    } else {
        return None;
    };
    let ok = (8..=15).contains(&full.len()) && !full.starts_with('0');
    // Latvian numbers have exactly eight digits after 371.
    let latvian_ok = !full.starts_with("371") || full.len() == 11;
    (ok && latvian_ok).then(|| format!("+{full}"))
}

/// A web address: `https://` or `http://`, or a bare domain that gets `https://`.
pub fn parse_website(input: &str) -> Option<String> {
    let s = input.trim();
    if s.is_empty()
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || crate::text::is_hidden_control(c))
        || s.len() > 300
    {
        return None;
    }
    let with_scheme = if s.starts_with("https://") || s.starts_with("http://") {
        s.to_owned()
    } else if s.contains("://") {
        return None;
    } else {
        format!("https://{s}")
    };
    let host = with_scheme.split("://").nth(1)?.split('/').next()?;
    (host.contains('.') && !host.starts_with('.') && !host.ends_with('.')).then_some(with_scheme)
}

/// A person's year of birth: plausible, and not in the future.
pub fn parse_birth_year(input: &str, this_year: i32) -> Option<i32> {
    let y: i32 = input.trim().parse().ok()?;
    (1900..=this_year).contains(&y).then_some(y)
}

/// A from/to date pair: both optional, in order.
pub fn dates_in_order(from: Option<Date>, to: Option<Date>) -> bool {
    match (from, to) {
        (Some(f), Some(t)) => f <= t,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_become_e164_with_latvia_by_default() {
        assert_eq!(parse_phone("2000 0000").as_deref(), Some("+37120000000"));
        assert_eq!(
            parse_phone("+371 67 330 200").as_deref(),
            Some("+37167330200")
        );
        assert_eq!(
            parse_phone("00372 512 3456").as_deref(),
            Some("+3725123456")
        );
        assert_eq!(
            parse_phone("(+370) 612-34567").as_deref(),
            Some("+37061234567")
        );
        for bad in [
            "",
            "123",
            "+371 1234",
            "2000 000x",
            "+0123456789",
            "+371 2000 00001",
        ] {
            assert_eq!(parse_phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn websites() {
        assert_eq!(
            parse_website("km.gov.lv").as_deref(),
            Some("https://km.gov.lv")
        );
        assert_eq!(
            parse_website("http://example.lv/a").as_deref(),
            Some("http://example.lv/a")
        );
        assert_eq!(parse_website("javascript:alert(1)"), None);
        assert_eq!(parse_website("ftp://x.lv"), None);
        assert_eq!(parse_website("no spaces.lv"), None);
        assert_eq!(parse_website("localhost"), None);
    }

    #[test]
    fn age_groups_come_from_the_year_of_birth() {
        assert_eq!(AgeGroup::of(2010, 2026), Some(AgeGroup::Under18));
        assert_eq!(AgeGroup::of(2008, 2026), Some(AgeGroup::From18To29));
        assert_eq!(AgeGroup::of(1997, 2026), Some(AgeGroup::From18To29));
        assert_eq!(AgeGroup::of(1996, 2026), Some(AgeGroup::From30To49));
        assert_eq!(AgeGroup::of(1961, 2026), Some(AgeGroup::From65));
        assert_eq!(AgeGroup::of(2030, 2026), None);
        assert_eq!(parse_birth_year("1985", 2026), Some(1985));
        assert_eq!(parse_birth_year("2027", 2026), None);
        assert_eq!(parse_birth_year("85", 2026), None);
    }
}
