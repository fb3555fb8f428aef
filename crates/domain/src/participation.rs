//! Participation: the stakeholder categories of the statistics, the age groups an
//! attendance records, the youth definition, and disclosure control for published counts.

use crate::directory::OrgKind;

/// The stakeholder category an attendance is counted under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Ministries and state agencies.
    StateAuthority,
    /// Municipalities and their institutions.
    MunicipalAuthority,
    /// Non-Roma NGOs.
    Ngo,
    /// Roma NGOs, activists and community members.
    RomaRepresentative,
    Mediator,
    InternationalPartner,
    /// Academia and other experts.
    Expert,
    Media,
    Other,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::StateAuthority,
        Category::MunicipalAuthority,
        Category::Ngo,
        Category::RomaRepresentative,
        Category::Mediator,
        Category::InternationalPartner,
        Category::Expert,
        Category::Media,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::StateAuthority => "state_authority",
            Category::MunicipalAuthority => "municipal_authority",
            Category::Ngo => "ngo",
            Category::RomaRepresentative => "roma_representative",
            Category::Mediator => "mediator",
            Category::InternationalPartner => "international_partner",
            Category::Expert => "expert",
            Category::Media => "media",
            Category::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Category::StateAuthority => "category-state-authority",
            Category::MunicipalAuthority => "category-municipal-authority",
            Category::Ngo => "category-ngo",
            Category::RomaRepresentative => "category-roma-representative",
            Category::Mediator => "category-mediator",
            Category::InternationalPartner => "category-international-partner",
            Category::Expert => "category-expert",
            Category::Media => "category-media",
            Category::Other => "category-other",
        }
    }

    /// The category derived from what is known of a participant: a mediator is a
    /// mediator wherever they work; otherwise the organisation's kind decides; anyone else
    /// is "other" until someone chooses a category. (Never from the Roma answer: the
    /// category is shown one by one, the answer must not be.)
    pub fn derive(org: Option<OrgKind>, mediator: bool) -> Category {
        if mediator {
            return Category::Mediator;
        }
        match org {
            Some(OrgKind::Ministry | OrgKind::StateAgency) => Category::StateAuthority,
            Some(OrgKind::Municipality | OrgKind::MunicipalInstitution) => {
                Category::MunicipalAuthority
            }
            Some(OrgKind::RomaNgo) => Category::RomaRepresentative,
            Some(OrgKind::OtherNgo) => Category::Ngo,
            Some(OrgKind::InternationalPartner) => Category::InternationalPartner,
            Some(OrgKind::Academia) => Category::Expert,
            Some(OrgKind::Media) => Category::Media,
            Some(OrgKind::Other) => Category::Other,
            None => Category::Other,
        }
    }
}

/// The age groups of participation statistics (stored by name).
pub const AGE_GROUPS: [&str; 6] = ["under_18", "18_24", "25_29", "30_49", "50_64", "65_plus"];

/// The age group of someone `age` years old.
pub fn age_group(age: i32) -> Option<&'static str> {
    Some(match age {
        a if a < 0 => return None,
        0..=17 => "under_18",
        18..=24 => "18_24",
        25..=29 => "25_29",
        30..=49 => "30_49",
        50..=64 => "50_64",
        _ => "65_plus",
    })
}

/// The inclusive age range of an age group (65+ is open, given as 65..=150).
pub fn age_group_range(group: &str) -> Option<(i32, i32)> {
    Some(match group {
        "under_18" => (0, 17),
        "18_24" => (18, 24),
        "25_29" => (25, 29),
        "30_49" => (30, 49),
        "50_64" => (50, 64),
        "65_plus" => (65, 150),
        _ => return None,
    })
}

/// Who counts as youth: an inclusive age range (default 13–25, the Latvian Youth Law).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Youth {
    pub min: i32,
    pub max: i32,
}

impl Default for Youth {
    fn default() -> Self {
        Youth { min: 13, max: 25 }
    }
}

impl Youth {
    /// Whether a participant is youth: by their age in years when known, else only when
    /// their whole age group lies inside the range (an unknown age is not youth).
    pub fn includes(self, age: Option<i32>, group: Option<&str>) -> bool {
        match (age, group.and_then(age_group_range)) {
            (Some(a), _) => (self.min..=self.max).contains(&a),
            (None, Some((lo, hi))) => lo >= self.min && hi <= self.max,
            (None, None) => false,
        }
    }
}

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A true zero.
    Zero,
    /// 1–9 people: shown as "<10".
    Few,
    /// Hidden so that a "few" cell cannot be recomputed from the total and the others.
    Hidden,
    /// Any other count, rounded to the nearest 5.
    Rounded(i64),
}

impl Published {
    /// The text a table shows.
    pub fn text(self) -> String {
        match self {
            Published::Zero => "0".to_owned(),
            Published::Few => "<10".to_owned(),
            Published::Hidden => "…".to_owned(),
            Published::Rounded(n) => n.to_string(),
        }
    }

    /// The value for machines (`None` when withheld).
    pub fn value(self) -> Option<i64> {
        match self {
            Published::Zero => Some(0),
            Published::Rounded(n) => Some(n),
            Published::Few | Published::Hidden => None,
        }
    }
}

/// Disclosure control for one count on its own.
pub fn publish_one(n: i64) -> Published {
    match n {
        i64::MIN..=0 => Published::Zero,
        1..=9 => Published::Few,
        _ => Published::Rounded((n + 2) / 5 * 5),
    }
}

/// Disclosure control for the cells of one breakdown whose total is published too:
/// counts 1–9 become "<10"; when exactly one cell is withheld, the smallest other
/// non-zero cell is hidden as well, so the withheld one cannot be recomputed from the
/// total; the rest are rounded to 5.
pub fn publish_breakdown(cells: &[i64]) -> Vec<Published> {
    let mut out: Vec<Published> = cells.iter().map(|&n| publish_one(n)).collect();
    let withheld = out.iter().filter(|p| p.value().is_none()).count();
    if withheld == 1 {
        let second = cells
            .iter()
            .enumerate()
            .filter(|(i, n)| **n > 0 && out[*i].value().is_some())
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        if let Some(i) = second {
            out[i] = Published::Hidden;
        }
    }
    out
}

/// A share in whole percent, published only over a denominator of at least 20.
pub fn publish_share(part: i64, whole: i64) -> Option<i64> {
    if whole < 20 || part < 0 || part > whole {
        return None;
    }
    Some((part * 100 + whole / 2) / whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Category::parse("roma"), None);
    }

    #[test]
    fn categories_come_from_the_organisation_and_the_role() {
        use Category as C;
        assert_eq!(C::derive(Some(OrgKind::Ministry), false), C::StateAuthority);
        assert_eq!(
            C::derive(Some(OrgKind::StateAgency), false),
            C::StateAuthority
        );
        assert_eq!(
            C::derive(Some(OrgKind::MunicipalInstitution), false),
            C::MunicipalAuthority
        );
        assert_eq!(
            C::derive(Some(OrgKind::RomaNgo), false),
            C::RomaRepresentative
        );
        assert_eq!(C::derive(Some(OrgKind::OtherNgo), false), C::Ngo);
        assert_eq!(C::derive(Some(OrgKind::Academia), false), C::Expert);
        assert_eq!(C::derive(Some(OrgKind::Municipality), true), C::Mediator);
        assert_eq!(C::derive(None, false), C::Other);
    }

    #[test]
    fn age_groups_have_edges_where_the_issue_puts_them() {
        let cases = [
            (0, "under_18"),
            (17, "under_18"),
            (18, "18_24"),
            (24, "18_24"),
            (25, "25_29"),
            (29, "25_29"),
            (30, "30_49"),
            (49, "30_49"),
            (50, "50_64"),
            (64, "50_64"),
            (65, "65_plus"),
            (101, "65_plus"),
        ];
        for (age, group) in cases {
            assert_eq!(age_group(age), Some(group), "{age}");
            let (lo, hi) = age_group_range(group).unwrap_or((-1, -1));
            assert!((lo..=hi).contains(&age), "{age} in {group}");
        }
        assert_eq!(age_group(-1), None);
    }

    #[test]
    fn youth_is_by_age_and_else_by_a_group_wholly_inside() {
        let y = Youth::default();
        assert!(y.includes(Some(13), None));
        assert!(y.includes(Some(25), Some("25_29")));
        assert!(!y.includes(Some(26), Some("25_29")));
        assert!(!y.includes(Some(12), Some("under_18")));
        assert!(y.includes(None, Some("18_24")));
        assert!(!y.includes(None, Some("25_29")));
        assert!(!y.includes(None, Some("under_18")));
        assert!(!y.includes(None, None));
        let wide = Youth { min: 0, max: 29 };
        assert!(wide.includes(None, Some("under_18")));
        assert!(wide.includes(None, Some("25_29")));
    }

    #[test]
    fn single_counts_hide_small_numbers_and_round_the_rest() {
        assert_eq!(publish_one(0), Published::Zero);
        for n in 1..=9 {
            assert_eq!(publish_one(n), Published::Few);
        }
        assert_eq!(publish_one(10), Published::Rounded(10));
        assert_eq!(publish_one(12), Published::Rounded(10));
        assert_eq!(publish_one(13), Published::Rounded(15));
        assert_eq!(publish_one(117), Published::Rounded(115));
        assert_eq!(publish_one(118), Published::Rounded(120));
    }

    /// Every published value is within 2 of the truth, and nothing 1–9 is ever shown.
    #[test]
    fn published_values_are_close_and_never_small() {
        for n in 0..2000 {
            match publish_one(n) {
                Published::Zero => assert_eq!(n, 0),
                Published::Few => assert!((1..=9).contains(&n)),
                Published::Hidden => panic!("a single count is never hidden"),
                Published::Rounded(r) => {
                    assert!(r % 5 == 0 && (r - n).abs() <= 2 && r >= 10, "{n} → {r}")
                }
            }
        }
    }

    /// The property of secondary suppression, over every breakdown of 2–4 cells with
    /// values 0–30: either nothing is withheld, or at least two non-zero cells are.
    #[test]
    fn a_withheld_cell_never_stands_alone() {
        let values: Vec<i64> = (0..=30).collect();
        let mut checked = 0;
        for len in 2..=4usize {
            let mut idx = vec![0usize; len];
            loop {
                let cells: Vec<i64> = idx.iter().map(|&i| values[i]).collect();
                let out = publish_breakdown(&cells);
                let withheld = out.iter().filter(|p| p.value().is_none()).count();
                let nonzero_others = cells.iter().filter(|&&n| n > 0).count();
                if withheld == 1 {
                    // Allowed only when no other non-zero cell exists to hide.
                    assert_eq!(nonzero_others, 1, "{cells:?} → {out:?}");
                }
                for (c, p) in cells.iter().zip(&out) {
                    if (1..=9).contains(c) {
                        assert_eq!(*p, Published::Few, "{cells:?}");
                    }
                }
                checked += 1;
                // Next combination.
                let mut k = 0;
                while k < len {
                    idx[k] += 1;
                    if idx[k] < values.len() {
                        break;
                    }
                    idx[k] = 0;
                    k += 1;
                }
                if k == len {
                    break;
                }
            }
        }
        assert!(checked > 900_000);
    }

    #[test]
    fn shares_need_a_denominator_of_twenty() {
        assert_eq!(publish_share(10, 19), None);
        assert_eq!(publish_share(10, 20), Some(50));
        assert_eq!(publish_share(2, 3), None);
        assert_eq!(publish_share(87, 120), Some(73));
        assert_eq!(publish_share(21, 20), None);
    }
}
