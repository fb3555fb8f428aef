//! Roles, permissions and the role → permission map. Deny by default: a permission
//! that is not listed for a role is not granted.

use serde::{Deserialize, Serialize};

/// A user's role. Every account has exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// National coordination (Ministry of Culture): full administration.
    Coordinator,
    /// A sectoral ministry or state agency.
    Ministry,
    /// A municipality (school, social service, council).
    Municipality,
    /// A Roma mediator.
    Mediator,
    /// A Roma or other NGO.
    Ngo,
    /// The data protection officer (GDPR articles 37–39): reads what privacy needs
    /// overseen, changes nothing, reads no case and no directory.
    Dpo,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Coordinator,
        Role::Ministry,
        Role::Municipality,
        Role::Mediator,
        Role::Ngo,
        Role::Dpo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Ministry => "ministry",
            Role::Municipality => "municipality",
            Role::Mediator => "mediator",
            Role::Ngo => "ngo",
            Role::Dpo => "dpo",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The Fluent message id of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Coordinator => "role-coordinator",
            Role::Ministry => "role-ministry",
            Role::Municipality => "role-municipality",
            Role::Mediator => "role-mediator",
            Role::Ngo => "role-ngo",
            Role::Dpo => "role-dpo",
        }
    }

    /// The permissions this role has. Everything else is denied.
    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Role::Coordinator => &[
                UseWorkspace,
                ManageOwnAccount,
                ManageUsers,
                ViewAuditLog,
                ViewDirectory,
                ManageDirectory,
                ViewRomaIdentity,
                RecordRomaIdentity,
                ViewEvents,
                ManageEvents,
                ViewStatistics,
                ViewPlans,
                ManagePlans,
                ReportProgress,
                ManageMediation,
                ViewMediationFigures,
                ManageSite,
                SubmitPractice,
                IssueReports,
                ManageBreaches,
                ManageSubjectRequests,
                ViewPrivacy,
                RaiseNeeds,
                ManageNeeds,
                MaintainServices,
                ManageServices,
                ManageConsultations,
            ],
            Role::Dpo => &[UseWorkspace, ManageOwnAccount, ViewPrivacy],
            // Mediators' organisation (the municipality) reports; a mediator's own work is
            // confidential case work, not a plan report.
            Role::Mediator => &[
                UseWorkspace,
                ManageOwnAccount,
                ViewDirectory,
                ViewEvents,
                ViewPlans,
                WorkCases,
                ViewMediationFigures,
                SubmitPractice,
                RaiseNeeds,
            ],
            Role::Ministry | Role::Municipality | Role::Ngo => &[
                UseWorkspace,
                ManageOwnAccount,
                ViewDirectory,
                ViewEvents,
                ViewPlans,
                ReportProgress,
                ViewMediationFigures,
                SubmitPractice,
                RaiseNeeds,
                MaintainServices,
            ],
        }
    }

    pub fn has(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named capability. Handlers require one; the role map grants them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the workspace (the area behind login).
    UseWorkspace,
    /// Change one's own password, manage one's own API tokens.
    ManageOwnAccount,
    /// Create, disable and re-role user accounts.
    ManageUsers,
    /// Browse the audit log.
    ViewAuditLog,
    /// See the directory of organisations and people (contacts only of one's own
    /// organisation, unless also `ManageDirectory`).
    ViewDirectory,
    /// Create and edit organisations, people and memberships; see every contact.
    ManageDirectory,
    /// See a person's Roma self-identification (special-category data).
    ViewRomaIdentity,
    /// Record or withdraw Roma self-identification with its consent.
    RecordRomaIdentity,
    /// See the platform's events in the workspace.
    ViewEvents,
    /// Plan events and move them along their lifecycle.
    ManageEvents,
    /// See exact participation statistics (the public sees them with disclosure control).
    ViewStatistics,
    /// See the policy plans, their measures and indicators in the workspace.
    ViewPlans,
    /// Create and re-plan plans, measures and indicators (every change keeps its history),
    /// run reporting rounds and review the reports.
    ManagePlans,
    /// Fill in and submit one's own organisation's progress reports.
    ReportProgress,
    /// A mediator's case work: the families they work with, and nobody else's.
    WorkCases,
    /// Assign mediators to municipalities, with their work plan and supervisor; a
    /// coordinator named as a mediator's supervisor reads that mediator's cases, each time
    /// with a stated reason.
    ManageMediation,
    /// See mediation's aggregate figures: a mediator their own, a municipality its own,
    /// everyone else all municipalities — under disclosure control except for the mediator
    /// and the supervisor. Never a case.
    ViewMediationFigures,
    /// Edit the public site's pages (about, who is who, contacts), news, and review the
    /// good practices submitted.
    ManageSite,
    /// Write good practices for the library and submit them for review (one's own).
    SubmitPractice,
    /// Build the platform's reports (annual summary, progress, grant tables), write their
    /// narrative sections and issue them.
    IssueReports,
    /// Keep the register of personal-data breaches (and be reminded of its deadlines).
    ManageBreaches,
    /// Keep the register of people's requests about their data, and answer them: give a
    /// person their data, restrict and erase a registry person.
    ManageSubjectRequests,
    /// Read what privacy needs overseen: the records of processing, storage limits, the
    /// access log, the requests and breaches registers, exports, consents, erasures — never
    /// a case's content or a sealed value.
    ViewPrivacy,
    /// Raise a need or question for the institutions to answer; follow those one's
    /// organisation raised, and answer those given to it.
    RaiseNeeds,
    /// Triage needs and questions: give them to the responsible institution, merge, close.
    ManageNeeds,
    /// Keep the entries of the services directory one's own organisation provides.
    MaintainServices,
    /// Keep every entry of the services directory, whoever provides it.
    ManageServices,
    /// Open consultations on draft documents, moderate their comments, publish the summary.
    ManageConsultations,
}

impl Permission {
    pub const ALL: [Permission; 28] = [
        Permission::UseWorkspace,
        Permission::ManageOwnAccount,
        Permission::ManageUsers,
        Permission::ViewAuditLog,
        Permission::ViewDirectory,
        Permission::ManageDirectory,
        Permission::ViewRomaIdentity,
        Permission::RecordRomaIdentity,
        Permission::ViewEvents,
        Permission::ManageEvents,
        Permission::ViewStatistics,
        Permission::ViewPlans,
        Permission::ManagePlans,
        Permission::ReportProgress,
        Permission::WorkCases,
        Permission::ManageMediation,
        Permission::ViewMediationFigures,
        Permission::ManageSite,
        Permission::SubmitPractice,
        Permission::IssueReports,
        Permission::ManageBreaches,
        Permission::ManageSubjectRequests,
        Permission::ViewPrivacy,
        Permission::RaiseNeeds,
        Permission::ManageNeeds,
        Permission::MaintainServices,
        Permission::ManageServices,
        Permission::ManageConsultations,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
        assert_eq!(Role::parse("Coordinator"), None);
    }

    #[test]
    fn only_coordinators_administer() {
        for role in Role::ALL {
            let admin = role == Role::Coordinator;
            assert_eq!(role.has(Permission::ManageUsers), admin, "{role}");
            assert_eq!(role.has(Permission::ViewAuditLog), admin, "{role}");
            assert_eq!(role.has(Permission::ManageDirectory), admin, "{role}");
            assert_eq!(role.has(Permission::ViewRomaIdentity), admin, "{role}");
            assert_eq!(role.has(Permission::ViewStatistics), admin, "{role}");
            assert_eq!(
                role.has(Permission::ViewDirectory),
                role != Role::Dpo,
                "{role}"
            );
            assert!(role.has(Permission::UseWorkspace));
            assert!(role.has(Permission::ManageOwnAccount));
        }
    }

    #[test]
    fn the_data_protection_officer_only_reads_privacy() {
        assert_eq!(
            Role::Dpo.permissions(),
            &[
                Permission::UseWorkspace,
                Permission::ManageOwnAccount,
                Permission::ViewPrivacy
            ]
        );
        let readers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.has(Permission::ViewPrivacy))
            .collect();
        assert_eq!(readers, vec![Role::Coordinator, Role::Dpo]);
    }
}
