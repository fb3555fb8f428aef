//! Why the store refused a change, as types: one enum per area, each variant with the code
//! it had as a string before (kept for logs and the audit trail). Handlers match the variants,
//! so a misspelt code does not compile.

/// Declares an area's conflicts: the enum and its codes.
macro_rules! conflicts {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// The code, for logs and the audit trail.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }
        }

        impl From<$name> for crate::Error {
            fn from(c: $name) -> crate::Error {
                crate::Error::Conflict(c.into())
            }
        }
    };
}

conflicts! {
    /// Refusals in needs and questions: a step that does not fit where the need stands
    /// (answering one not assigned…), a merge into itself or into one merged or unknown, an
    /// organisation not in the registry, publishing a need not answered or neither consented
    /// to nor anonymised, a link to an action, measure or practice that does not exist.
    DialogueConflict {
        Status = "need-status",
        MergeTarget = "merge-target",
        Organisation = "need-organisation",
        Unpublishable = "need-unpublishable",
        Link = "need-link",
    }
}

conflicts! {
    /// Refusals in accounts, tokens, second factors.
    PlatformConflict {
        Email = "email",
        Enrolled = "enrolled",
        HoldsAssignment = "holds_assignment",
        HoldsFamilies = "holds_families",
        NoFactor = "no_factor",
        Organisation = "organisation",
        Taken = "taken",
        Token = "token",
        TooMany = "too_many",
    }
}

conflicts! {
    /// Refusals in territories, organisations, people, imports and merges.
    DirectoryConflict {
        Applied = "applied",
        Dates = "dates",
        Email = "email",
        Fields = "fields",
        NotAMerge = "not-a-merge",
        Organisation = "organisation",
        Parent = "parent",
        Same = "same",
        Territory = "territory",
        Undone = "undone",
    }
}

conflicts! {
    /// Refusals in events, registrations, invitations, attendance, minutes, actions, feedback.
    EventConflict {
        AgendaItem = "agenda_item",
        AlreadyPresent = "already_present",
        Answered = "answered",
        Applied = "applied",
        Cancelled = "cancelled",
        Closed = "closed",
        Duplicate = "duplicate",
        Empty = "empty",
        NoEmail = "no_email",
        NotHeld = "not_held",
        NotStarted = "not_started",
        Organisation = "organisation",
        Reason = "reason",
        Speaker = "speaker",
        Status = "status",
        Territory = "territory",
        Used = "used",
    }
}

conflicts! {
    /// Refusals in plans, measures, indicators, reporting rounds.
    PlanConflict {
        Changed = "changed",
        Closed = "closed",
        Code = "code",
        Comment = "comment",
        EuTarget = "eu_target",
        Incomplete = "incomplete",
        Indicator = "indicator",
        Locked = "locked",
        Measure = "measure",
        NoMeasures = "no_measures",
        Organisation = "organisation",
        Overlap = "overlap",
        Place = "place",
        PlanClosed = "plan_closed",
        Reason = "reason",
        State = "state",
        Task = "task",
        TooMany = "too_many",
    }
}

conflicts! {
    /// Refusals in families, case log, supervisors, handovers, monthly reports.
    MediationConflict {
        Anonymised = "anonymised",
        ApproverMadeByProposer = "approver_made_by_proposer",
        CaseWorkConsent = "case_work_consent",
        Changed = "changed",
        ChildView = "child_view",
        Consent = "consent",
        ConsentScope = "consent_scope",
        Expired = "expired",
        From = "from",
        GivenBy = "given_by",
        Institution = "institution",
        Kind = "kind",
        Mediator = "mediator",
        Member = "member",
        Minor = "minor",
        Month = "month",
        NoTerritory = "no_territory",
        OwnAppointment = "own_appointment",
        OwnProposal = "own_proposal",
        Proposer = "proposer",
        Purpose = "purpose",
        Reason = "reason",
        Result = "result",
        Risk = "risk",
        Status = "status",
        Submitted = "submitted",
        Supervisor = "supervisor",
        Term = "term",
        Territory = "territory",
        To = "to",
        Unchanged = "unchanged",
    }
}

conflicts! {
    /// Refusals in pages, news, practices, success stories.
    SiteConflict {
        Alt = "alt",
        Areas = "areas",
        Channel = "channel",
        Child = "child",
        Consent = "consent",
        ConsentStanding = "consent_standing",
        Contacts = "contacts",
        Kind = "kind",
        Named = "named",
        Photo = "photo",
        Status = "status",
        TargetGroups = "target_groups",
    }
}

conflicts! {
    /// Refusals in the database itself.
    DatabaseConflict {
        Migrations = "migrations",
        Stale = "stale",
    }
}

/// A refused change, by area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conflict {
    Dialogue(DialogueConflict),
    Platform(PlatformConflict),
    Directory(DirectoryConflict),
    Events(EventConflict),
    Plans(PlanConflict),
    Mediation(MediationConflict),
    Site(SiteConflict),
    Database(DatabaseConflict),
}

impl Conflict {
    /// The code, for logs and the audit trail.
    pub fn as_str(self) -> &'static str {
        match self {
            Conflict::Dialogue(c) => c.as_str(),
            Conflict::Platform(c) => c.as_str(),
            Conflict::Directory(c) => c.as_str(),
            Conflict::Events(c) => c.as_str(),
            Conflict::Plans(c) => c.as_str(),
            Conflict::Mediation(c) => c.as_str(),
            Conflict::Site(c) => c.as_str(),
            Conflict::Database(c) => c.as_str(),
        }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<DialogueConflict> for Conflict {
    fn from(c: DialogueConflict) -> Conflict {
        Conflict::Dialogue(c)
    }
}

impl From<PlatformConflict> for Conflict {
    fn from(c: PlatformConflict) -> Conflict {
        Conflict::Platform(c)
    }
}

impl From<DirectoryConflict> for Conflict {
    fn from(c: DirectoryConflict) -> Conflict {
        Conflict::Directory(c)
    }
}

impl From<EventConflict> for Conflict {
    fn from(c: EventConflict) -> Conflict {
        Conflict::Events(c)
    }
}

impl From<PlanConflict> for Conflict {
    fn from(c: PlanConflict) -> Conflict {
        Conflict::Plans(c)
    }
}

impl From<MediationConflict> for Conflict {
    fn from(c: MediationConflict) -> Conflict {
        Conflict::Mediation(c)
    }
}

impl From<SiteConflict> for Conflict {
    fn from(c: SiteConflict) -> Conflict {
        Conflict::Site(c)
    }
}

impl From<DatabaseConflict> for Conflict {
    fn from(c: DatabaseConflict) -> Conflict {
        Conflict::Database(c)
    }
}
