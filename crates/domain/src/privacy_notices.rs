//! Privacy notices and consent texts, versioned (issue 20, item 7; GDPR articles 7(1), 12
//! and 13): what people were told, and agreed to, is the text of one version, so a consent
//! records the version it was given under and can be shown with the words it rests on.
//!
//! The texts are the messages listed for each notice (in the locale files, Latvian and
//! English); the versions are listed here, in the order they took effect. A text and its
//! version change together: the fingerprint of the current version is the SHA-256 of the
//! texts as shipped, and a test fails when a text changes without a new version (the web
//! crate's `privacy::notices` computes it). A version is **material** when it changes what
//! is processed, why, for how long, or who receives it: consents given under an earlier
//! version are then listed for renewal. A correction of wording is not material.

crate::vocabulary! {
    /// A notice or a consent text people are shown.
    pub enum NoticeKind (other = Privacy) {
        /// The public privacy notice (`/lv/privacy`).
        Privacy = ("privacy", "consent-text-privacy"),
        /// What a registrant acknowledges when registering for an event.
        Registration = ("registration", "consent-text-registration"),
        /// The consent to keep a registrant's or participant's statistics answers.
        Statistics = ("statistics", "consent-text-statistics"),
        /// The consent to record a registry person's Roma self-identification.
        RomaIdentity = ("roma_identity", "consent-text-roma-identity"),
        /// The consent to list a person or organisation in the public directory.
        Listing = ("listing", "consent-text-listing"),
        /// The mediation privacy notice under which families' consents are recorded.
        Mediation = ("mediation", "consent-text-mediation"),
        /// What a person raising a need on the public form agrees to: being written to
        /// about it, and its publication as written.
        Questions = ("questions", "consent-text-questions"),
    }
}

/// One version of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    /// As recorded with a consent (kept as the platform first recorded them).
    pub id: &'static str,
    /// The day it took effect (ISO 8601).
    pub from: &'static str,
    /// Changes what is processed, why, how long or for whom: earlier consents are renewed.
    pub material: bool,
    /// The message id saying what changed.
    pub change: &'static str,
    /// The first 16 hex digits of the SHA-256 of the texts (see the module's note).
    pub fingerprint: &'static str,
}

/// A notice: its texts (message ids) and its versions, oldest first (never empty).
#[derive(Debug, Clone, Copy)]
pub struct Notice {
    pub kind: NoticeKind,
    pub messages: &'static [&'static str],
    pub versions: &'static [Version],
}

impl Notice {
    /// The version in effect: the last one.
    pub const fn current(&self) -> &'static Version {
        &self.versions[self.versions.len() - 1]
    }

    /// Whether a consent given under `given_under` rests on an older text than a material
    /// version after it: then it is to be renewed. A version the platform does not know (a
    /// paper consent recorded with another reference, an older release's id) is treated as
    /// older than every version known, so it is renewed once any version is material.
    pub fn needs_renewal(&self, given_under: &str) -> bool {
        renewal_needed(self.versions, given_under)
    }

    /// The versions under which a consent stands without renewal — the last material one
    /// and those after it; a consent under any other reference is to be renewed. `None`
    /// while no version is material: nothing is to be renewed.
    pub fn standing(&self) -> Option<Vec<&'static str>> {
        let versions = self.versions;
        let from = versions.iter().rposition(|v| v.material)?;
        Some(versions[from..].iter().map(|v| v.id).collect())
    }
}

fn renewal_needed(versions: &[Version], given_under: &str) -> bool {
    let after = match versions.iter().position(|v| v.id == given_under) {
        Some(i) => i + 1,
        None => 0,
    };
    versions[after..].iter().any(|v| v.material)
}

/// The first version of every notice: the texts as the platform first shipped them.
const FIRST: &str = "consent-text-first";

pub const PRIVACY: Notice = Notice {
    kind: NoticeKind::Privacy,
    messages: &[
        "privacy-intro",
        "privacy-controller",
        "privacy-visitors-cookies",
        "privacy-visitors-origins",
        "privacy-visitors-logs",
        "privacy-what-registrations",
        "privacy-what-directory",
        "privacy-what-roma",
        "privacy-what-stories",
        "privacy-what-mediation",
        "privacy-what-statistics",
        "privacy-what-needs",
        "privacy-records",
        "privacy-rights",
        "privacy-complaint",
    ],
    versions: &[
        Version {
            id: "2026-11",
            from: "2026-11-01",
            material: false,
            change: FIRST,
            fingerprint: "1bb5822106c92a04",
        },
        Version {
            id: "2026-12",
            from: "2026-12-07",
            material: true,
            change: "consent-text-change-needs",
            fingerprint: "b859e15dd359f750",
        },
    ],
};

pub const REGISTRATION: Notice = Notice {
    kind: NoticeKind::Registration,
    messages: &["reg-notice"],
    versions: &[Version {
        id: "2026-11",
        from: "2026-11-01",
        material: false,
        change: FIRST,
        fingerprint: "a1a94fbae93b1979",
    }],
};

pub const STATISTICS: Notice = Notice {
    kind: NoticeKind::Statistics,
    messages: &["reg-stats-explained", "reg-stats-consent"],
    versions: &[Version {
        id: "2026-11",
        from: "2026-11-01",
        material: false,
        change: FIRST,
        fingerprint: "214a2826decce8f4",
    }],
};

pub const ROMA_IDENTITY: Notice = Notice {
    kind: NoticeKind::RomaIdentity,
    messages: &["consent-statement"],
    versions: &[Version {
        id: "2026-11",
        from: "2026-11-01",
        material: false,
        change: FIRST,
        fingerprint: "25b8100f6355196a",
    }],
};

pub const LISTING: Notice = Notice {
    kind: NoticeKind::Listing,
    messages: &["listing-statement"],
    versions: &[Version {
        id: "directory-2026-11",
        from: "2026-11-01",
        material: false,
        change: FIRST,
        fingerprint: "5d430c96850f6bdd",
    }],
};

pub const MEDIATION: Notice = Notice {
    kind: NoticeKind::Mediation,
    messages: &["privacy-what-mediation", "consents-hint"],
    versions: &[Version {
        id: "2026-1",
        from: "2026-01-01",
        material: false,
        change: FIRST,
        fingerprint: "2e144653137c3cbf",
    }],
};

pub const QUESTIONS: Notice = Notice {
    kind: NoticeKind::Questions,
    messages: &[
        "question-about-you-hint",
        "question-contact-consent",
        "question-public-consent",
    ],
    versions: &[Version {
        id: "questions-2026-12",
        from: "2026-12-07",
        material: false,
        change: FIRST,
        fingerprint: "8a2e4f71eca18896",
    }],
};

/// Every notice, in the order pages list them.
pub const NOTICES: &[Notice] = &[
    PRIVACY,
    REGISTRATION,
    STATISTICS,
    ROMA_IDENTITY,
    LISTING,
    MEDIATION,
    QUESTIONS,
];

/// The notice of a kind.
pub fn notice(kind: NoticeKind) -> &'static Notice {
    match kind {
        NoticeKind::Privacy => &PRIVACY,
        NoticeKind::Registration => &REGISTRATION,
        NoticeKind::Statistics => &STATISTICS,
        NoticeKind::RomaIdentity => &ROMA_IDENTITY,
        NoticeKind::Listing => &LISTING,
        NoticeKind::Mediation => &MEDIATION,
        NoticeKind::Questions => &QUESTIONS,
    }
}

/// The fingerprint of a notice's texts: the first 16 hex digits of the SHA-256 of each
/// message's Latvian and English text, in order, each followed by a zero byte.
pub fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for t in texts {
        h.update(t.as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn v(id: &'static str, material: bool) -> Version {
        Version {
            id,
            from: "2026-01-01",
            material,
            change: FIRST,
            fingerprint: "",
        }
    }

    #[test]
    fn a_consent_is_renewed_only_after_a_material_version() {
        const FOUR: &[Version] = &[v("1", false), v("2", false), v("3", true), v("4", false)];
        const TWO: &[Version] = &[v("1", false), v("2", false)];
        let n = Notice {
            kind: NoticeKind::Privacy,
            messages: &[],
            versions: FOUR,
        };
        // Under 1 or 2: version 3 changed what is processed.
        assert!(n.needs_renewal("1"));
        assert!(n.needs_renewal("2"));
        // Under 3 or 4: only wording changed since.
        assert!(!n.needs_renewal("3"));
        assert!(!n.needs_renewal("4"));
        // An unknown reference: older than all, so renewed.
        assert!(n.needs_renewal("paper-2019"));
        assert_eq!(n.standing(), Some(vec!["3", "4"]));
        assert_eq!(n.current().id, "4");
        // Nothing material yet: every consent stands, even an unknown reference.
        let m = Notice { versions: TWO, ..n };
        assert!(!m.needs_renewal("1"));
        assert!(!m.needs_renewal("paper-2019"));
        assert_eq!(m.standing(), None);
    }

    #[test]
    fn every_kind_has_its_notice_with_versions_in_order_and_distinct() {
        for kind in NoticeKind::ALL {
            let n = notice(*kind);
            assert_eq!(n.kind, *kind);
            assert!(!n.versions.is_empty() && !n.messages.is_empty(), "{kind:?}");
            for w in n.versions.windows(2) {
                assert!(
                    w[0].from < w[1].from,
                    "{kind:?}: {} then {}",
                    w[0].id,
                    w[1].id
                );
                assert_ne!(w[0].id, w[1].id);
            }
        }
        assert_eq!(NOTICES.len(), NoticeKind::ALL.len());
    }

    #[test]
    fn a_fingerprint_tells_texts_apart_and_where_one_ends() {
        assert_eq!(fingerprint(["ab", "c"]).len(), 16);
        assert_ne!(fingerprint(["ab", "c"]), fingerprint(["a", "bc"]));
        assert_eq!(fingerprint(["ab", "c"]), fingerprint(["ab", "c"]));
    }
}
