//! The audit log's actions: each a code stored in `audit_log.action` and the message that
//! names it on the audit page, its exports and a subject's copy of their data. The store
//! records only these (`store::audit::Event::new` takes one), so every row reads in words.

crate::vocabulary! {
    /// What an audit log row records.
    pub enum AuditAction (other = Other) {
        Login = ("login", "audit-login"),
        LoginFailed = ("login_failed", "audit-login-failed"),
        Lockout = ("lockout", "audit-lockout"),
        Logout = ("logout", "audit-logout"),
        PasswordChanged = ("password_changed", "audit-password-changed"),
        PasswordChangeFailed = ("password_change_failed", "audit-password-change-failed"),
        PasswordSet = ("password_set", "audit-password-set"),
        PasswordLinkCreated = ("password_link_created", "audit-password-link-created"),
        NoticeSettingsChanged = ("notice_settings_changed", "audit-notice-settings-changed"),
        StorageLimitApplied = ("storage_limit_applied", "audit-storage-limit-applied"),
        NeedRaised = ("need_raised", "audit-need-raised"),
        NeedAssigned = ("need_assigned", "audit-need-assigned"),
        NeedAnswered = ("need_answered", "audit-need-answered"),
        NeedClosed = ("need_closed", "audit-need-closed"),
        NeedMerged = ("need_merged", "audit-need-merged"),
        NeedPublished = ("need_published", "audit-need-published"),
        NeedWithdrawn = ("need_withdrawn", "audit-need-withdrawn"),
        NeedLinked = ("need_linked", "audit-need-linked"),
        ServiceSaved = ("service_saved", "audit-service-saved"),
        ServiceWithdrawn = ("service_withdrawn", "audit-service-withdrawn"),
        ServiceRestored = ("service_restored", "audit-service-restored"),
        ServiceReminded = ("service_reminded", "audit-service-reminded"),
        ConsultationSaved = ("consultation_saved", "audit-consultation-saved"),
        ConsultationPublished = ("consultation_published", "audit-consultation-published"),
        ConsultationCommented = ("consultation_commented", "audit-consultation-commented"),
        ConsultationCommentHidden = ("consultation_comment_hidden", "audit-consultation-comment-hidden"),
        ConsultationCommentAnswered = ("consultation_comment_answered", "audit-consultation-comment-answered"),
        ConsultationSummarised = ("consultation_summarised", "audit-consultation-summarised"),
        BreachRecorded = ("breach_recorded", "audit-breach-recorded"),
        BreachUpdated = ("breach_updated", "audit-breach-updated"),
        BreachesExported = ("breaches_exported", "audit-breaches-exported"),
        PersonDataExported = ("person_data_exported", "audit-person-data-exported"),
        SubjectRequestRecorded = ("subject_request_recorded", "audit-subject-request-recorded"),
        SubjectRequestUpdated = ("subject_request_updated", "audit-subject-request-updated"),
        SubjectRequestsExported = ("subject_requests_exported", "audit-subject-requests-exported"),
        PersonRestricted = ("person_restricted", "audit-person-restricted"),
        PersonRestrictionLifted = ("person_restriction_lifted", "audit-person-restriction-lifted"),
        PersonErased = ("person_erased", "audit-person-erased"),
        AddressErased = ("address_erased", "audit-address-erased"),
        PrivacySummaryQueued = ("privacy_summary_queued", "audit-privacy-summary-queued"),
        UserCreated = ("user_created", "audit-user-created"),
        UserUpdated = ("user_updated", "audit-user-updated"),
        UserDisabled = ("user_disabled", "audit-user-disabled"),
        UserEnabled = ("user_enabled", "audit-user-enabled"),
        TokenCreated = ("token_created", "audit-token-created"),
        TokenRevoked = ("token_revoked", "audit-token-revoked"),
        OrganisationCreated = ("organisation_created", "audit-organisation-created"),
        OrganisationUpdated = ("organisation_updated", "audit-organisation-updated"),
        PersonCreated = ("person_created", "audit-person-created"),
        PersonUpdated = ("person_updated", "audit-person-updated"),
        MembershipAdded = ("membership_added", "audit-membership-added"),
        MembershipEnded = ("membership_ended", "audit-membership-ended"),
        RomaIdentityRecorded = ("roma_identity_recorded", "audit-roma-identity-recorded"),
        RomaIdentityWithdrawn = ("roma_identity_withdrawn", "audit-roma-identity-withdrawn"),
        PersonMerged = ("person_merged", "audit-person-merged"),
        OrganisationMerged = ("organisation_merged", "audit-organisation-merged"),
        MergeUndone = ("merge_undone", "audit-merge-undone"),
        PeopleImported = ("people_imported", "audit-people-imported"),
        EventCreated = ("event_created", "audit-event-created"),
        EventUpdated = ("event_updated", "audit-event-updated"),
        EventStatusChanged = ("event_status_changed", "audit-event-status-changed"),
        OrganisationsImported = ("organisations_imported", "audit-organisations-imported"),
        ListingConsented = ("listing_consented", "audit-listing-consented"),
        ListingWithdrawn = ("listing_withdrawn", "audit-listing-withdrawn"),
        PeopleExported = ("people_exported", "audit-people-exported"),
        OrganisationsExported = ("organisations_exported", "audit-organisations-exported"),
        RegistrationsExported = ("registrations_exported", "audit-registrations-exported"),
        RegistrationCreated = ("registration_created", "audit-registration-created"),
        RegistrationConfirmed = ("registration_confirmed", "audit-registration-confirmed"),
        RegistrationCancelled = ("registration_cancelled", "audit-registration-cancelled"),
        RegistrationReleased = ("registration_released", "audit-registration-released"),
        RegistrationPromoted = ("registration_promoted", "audit-registration-promoted"),
        PasswordResetRequested = ("password_reset_requested", "audit-password-reset-requested"),
        MfaEnrolled = ("mfa_enrolled", "audit-mfa-enrolled"),
        MfaReset = ("mfa_reset", "audit-mfa-reset"),
        MfaFailed = ("mfa_failed", "audit-mfa-failed"),
        MfaRecoveryUsed = ("mfa_recovery_used", "audit-mfa-recovery-used"),
        MfaLocked = ("mfa_locked", "audit-mfa-locked"),
        MfaDisabled = ("mfa_disabled", "audit-mfa-disabled"),
        MfaRecoveryRenewed = ("mfa_recovery_renewed", "audit-mfa-recovery-renewed"),
        SessionsEnded = ("sessions_ended", "audit-sessions-ended"),
        Reauthenticated = ("reauthenticated", "audit-reauthenticated"),
        SupervisorProposed = ("supervisor_proposed", "audit-supervisor-proposed"),
        SupervisorApproved = ("supervisor_approved", "audit-supervisor-approved"),
        SupervisorRefused = ("supervisor_refused", "audit-supervisor-refused"),
        SupervisorWithdrawn = ("supervisor_withdrawn", "audit-supervisor-withdrawn"),
        SupervisorRemoved = ("supervisor_removed", "audit-supervisor-removed"),
        PasskeyAdded = ("passkey_added", "audit-passkey-added"),
        PasskeyRemoved = ("passkey_removed", "audit-passkey-removed"),
        HandoverProposed = ("handover_proposed", "audit-handover-proposed"),
        HandoverApproved = ("handover_approved", "audit-handover-approved"),
        HandoverRefused = ("handover_refused", "audit-handover-refused"),
        HandoverWithdrawn = ("handover_withdrawn", "audit-handover-withdrawn"),
        FamilyHandedOver = ("family_handed_over", "audit-family-handed-over"),
        AttendanceExported = ("attendance_exported", "audit-attendance-exported"),
        UsersExported = ("users_exported", "audit-users-exported"),
        StoriesExported = ("stories_exported", "audit-stories-exported"),
        AssignmentsExported = ("assignments_exported", "audit-assignments-exported"),
        AuditExported = ("audit_exported", "audit-audit-exported"),
        ReportNarrativesSaved = ("report_narratives_saved", "audit-report-narratives-saved"),
        ReportIssued = ("report_issued", "audit-report-issued"),
        ReportWithdrawn = ("report_withdrawn", "audit-report-withdrawn"),
        MediatorReportSubmitted = ("mediator_report_submitted", "audit-mediator-report-submitted"),
        MediatorReportDownloaded = ("mediator_report_downloaded", "audit-mediator-report-downloaded"),
        ActionCreated = ("action_created", "audit-action-created"),
        ActionProgress = ("action_progress", "audit-action-progress"),
        AgendaItemAdded = ("agenda_item_added", "audit-agenda-item-added"),
        AgendaItemMoved = ("agenda_item_moved", "audit-agenda-item-moved"),
        AgendaItemRemoved = ("agenda_item_removed", "audit-agenda-item-removed"),
        AgendaItemUpdated = ("agenda_item_updated", "audit-agenda-item-updated"),
        AttendanceAnswersErased = ("attendance_answers_erased", "audit-attendance-answers-erased"),
        AttendanceCategorySet = ("attendance_category_set", "audit-attendance-category-set"),
        AttendanceRecorded = ("attendance_recorded", "audit-attendance-recorded"),
        AttendanceRemoved = ("attendance_removed", "audit-attendance-removed"),
        DocumentAdded = ("document_added", "audit-document-added"),
        DocumentRemoved = ("document_removed", "audit-document-removed"),
        FeedbackRequested = ("feedback_requested", "audit-feedback-requested"),
        InvitationDeclined = ("invitation_declined", "audit-invitation-declined"),
        InvitationsSent = ("invitations_sent", "audit-invitations-sent"),
        MinutesPublished = ("minutes_published", "audit-minutes-published"),
        MinutesSaved = ("minutes_saved", "audit-minutes-saved"),
        MinutesWithdrawn = ("minutes_withdrawn", "audit-minutes-withdrawn"),
        CaseAnonymised = ("case_anonymised", "audit-case-anonymised"),
        CaseStatusChanged = ("case_status_changed", "audit-case-status-changed"),
        ConsentRecorded = ("consent_recorded", "audit-consent-recorded"),
        ConsentWithdrawn = ("consent_withdrawn", "audit-consent-withdrawn"),
        ContactRecorded = ("contact_recorded", "audit-contact-recorded"),
        FamilyAccessDenied = ("family_access_denied", "audit-family-access-denied"),
        FamilyErased = ("family_erased", "audit-family-erased"),
        FamilyMemberAdded = ("family_member_added", "audit-family-member-added"),
        FamilyMemberErased = ("family_member_erased", "audit-family-member-erased"),
        FamilyOpened = ("family_opened", "audit-family-opened"),
        FamilySupervised = ("family_supervised", "audit-family-supervised"),
        MediationAccessSummaryQueued = ("mediation_access_summary_queued", "audit-mediation-access-summary-queued"),
        MediationAssigned = ("mediation_assigned", "audit-mediation-assigned"),
        MediationAssignmentEnded = ("mediation_assignment_ended", "audit-mediation-assignment-ended"),
        MediationKeyRotated = ("mediation_key_rotated", "audit-mediation-key-rotated"),
        ReferralRecorded = ("referral_recorded", "audit-referral-recorded"),
        ReferralUpdated = ("referral_updated", "audit-referral-updated"),
        ReferralUrgentOverride = ("referral_urgent_override", "audit-referral-urgent-override"),
        SchoolFollowupResult = ("school_followup_result", "audit-school-followup-result"),
        SchoolFollowupStarted = ("school_followup_started", "audit-school-followup-started"),
        IndicatorCreated = ("indicator_created", "audit-indicator-created"),
        IndicatorUpdated = ("indicator_updated", "audit-indicator-updated"),
        IndicatorValueSet = ("indicator_value_set", "audit-indicator-value-set"),
        MeasureCreated = ("measure_created", "audit-measure-created"),
        MeasureUpdated = ("measure_updated", "audit-measure-updated"),
        PlanCreated = ("plan_created", "audit-plan-created"),
        PlanImported = ("plan_imported", "audit-plan-imported"),
        PlanTaskAdded = ("plan_task_added", "audit-plan-task-added"),
        PlanUpdated = ("plan_updated", "audit-plan-updated"),
        ReportAccepted = ("report_accepted", "audit-report-accepted"),
        ReportFileAdded = ("report_file_added", "audit-report-file-added"),
        ReportFileRemoved = ("report_file_removed", "audit-report-file-removed"),
        ReportReturned = ("report_returned", "audit-report-returned"),
        ReportSaved = ("report_saved", "audit-report-saved"),
        ReportSubmitted = ("report_submitted", "audit-report-submitted"),
        RoundClosed = ("round_closed", "audit-round-closed"),
        RoundOpened = ("round_opened", "audit-round-opened"),
        RoundReminded = ("round_reminded", "audit-round-reminded"),
        NewsPublished = ("news_published", "audit-news-published"),
        NewsSaved = ("news_saved", "audit-news-saved"),
        PracticeFileAdded = ("practice_file_added", "audit-practice-file-added"),
        PracticeFileRemoved = ("practice_file_removed", "audit-practice-file-removed"),
        PracticePublished = ("practice_published", "audit-practice-published"),
        PracticeReturned = ("practice_returned", "audit-practice-returned"),
        PracticeSaved = ("practice_saved", "audit-practice-saved"),
        PracticeSubmitted = ("practice_submitted", "audit-practice-submitted"),
        SitePageSaved = ("site_page_saved", "audit-site-page-saved"),
        StoryBackToDraft = ("story_back_to_draft", "audit-story-back-to-draft"),
        StoryConsentRecorded = ("story_consent_recorded", "audit-story-consent-recorded"),
        StoryConsentWithdrawn = ("story_consent_withdrawn", "audit-story-consent-withdrawn"),
        StoryDeleted = ("story_deleted", "audit-story-deleted"),
        StoryMediaAdded = ("story_media_added", "audit-story-media-added"),
        StoryMediaRemoved = ("story_media_removed", "audit-story-media-removed"),
        StoryPhotoRemoved = ("story_photo_removed", "audit-story-photo-removed"),
        StoryPhotoSet = ("story_photo_set", "audit-story-photo-set"),
        StoryPublished = ("story_published", "audit-story-published"),
        StorySaved = ("story_saved", "audit-story-saved"),
        StoryToReview = ("story_to_review", "audit-story-to-review"),
        /// A code this version does not know (written by a later one): "Other action".
        Other = ("other", "audit-other"),
    }
}

/// The part of the platform an audit action belongs to: the audit page's filter groups its
/// actions by these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AuditArea {
    Accounts,
    Dialogue,
    Directory,
    Events,
    Plans,
    Mediation,
    Site,
    Reports,
    Privacy,
    Other,
}

impl AuditArea {
    pub const ALL: [AuditArea; 10] = [
        AuditArea::Accounts,
        AuditArea::Dialogue,
        AuditArea::Directory,
        AuditArea::Events,
        AuditArea::Plans,
        AuditArea::Mediation,
        AuditArea::Site,
        AuditArea::Reports,
        AuditArea::Privacy,
        AuditArea::Other,
    ];

    /// The Fluent message id of the area's name.
    pub const fn label_key(self) -> &'static str {
        match self {
            AuditArea::Accounts => "audit-area-accounts",
            AuditArea::Dialogue => "audit-area-dialogue",
            AuditArea::Directory => "audit-area-directory",
            AuditArea::Events => "audit-area-events",
            AuditArea::Plans => "audit-area-plans",
            AuditArea::Mediation => "audit-area-mediation",
            AuditArea::Site => "audit-area-site",
            AuditArea::Reports => "audit-area-reports",
            AuditArea::Privacy => "audit-area-privacy",
            AuditArea::Other => "audit-area-other",
        }
    }
}

impl AuditAction {
    /// Its area. Every action is listed (a new one does not compile until it has one).
    pub const fn area(self) -> AuditArea {
        use AuditAction::*;
        match self {
            Login
            | LoginFailed
            | Lockout
            | Logout
            | PasswordChanged
            | PasswordChangeFailed
            | PasswordSet
            | PasswordLinkCreated
            | NoticeSettingsChanged
            | StorageLimitApplied
            | PasswordResetRequested
            | UserCreated
            | UserUpdated
            | UserDisabled
            | UserEnabled
            | UsersExported
            | TokenCreated
            | TokenRevoked
            | MfaEnrolled
            | MfaReset
            | MfaFailed
            | MfaRecoveryUsed
            | MfaLocked
            | MfaDisabled
            | MfaRecoveryRenewed
            | SessionsEnded
            | Reauthenticated
            | PasskeyAdded
            | PasskeyRemoved
            | AuditExported => AuditArea::Accounts,
            OrganisationCreated
            | OrganisationUpdated
            | PersonCreated
            | PersonUpdated
            | MembershipAdded
            | MembershipEnded
            | RomaIdentityRecorded
            | RomaIdentityWithdrawn
            | PersonMerged
            | OrganisationMerged
            | MergeUndone
            | PeopleImported
            | OrganisationsImported
            | ListingConsented
            | ListingWithdrawn
            | PeopleExported
            | OrganisationsExported => AuditArea::Directory,
            EventCreated
            | EventUpdated
            | EventStatusChanged
            | RegistrationsExported
            | RegistrationCreated
            | RegistrationConfirmed
            | RegistrationCancelled
            | RegistrationReleased
            | RegistrationPromoted
            | AttendanceExported
            | AttendanceAnswersErased
            | AttendanceCategorySet
            | AttendanceRecorded
            | AttendanceRemoved
            | ActionCreated
            | ActionProgress
            | AgendaItemAdded
            | AgendaItemMoved
            | AgendaItemRemoved
            | AgendaItemUpdated
            | DocumentAdded
            | DocumentRemoved
            | FeedbackRequested
            | InvitationDeclined
            | InvitationsSent
            | MinutesPublished
            | MinutesSaved
            | MinutesWithdrawn => AuditArea::Events,
            IndicatorCreated | IndicatorUpdated | IndicatorValueSet | MeasureCreated
            | MeasureUpdated | PlanCreated | PlanImported | PlanTaskAdded | PlanUpdated
            | ReportAccepted | ReportFileAdded | ReportFileRemoved | ReportReturned
            | ReportSaved | ReportSubmitted | RoundClosed | RoundOpened | RoundReminded => {
                AuditArea::Plans
            }
            SupervisorProposed
            | SupervisorApproved
            | SupervisorRefused
            | SupervisorWithdrawn
            | SupervisorRemoved
            | HandoverProposed
            | HandoverApproved
            | HandoverRefused
            | HandoverWithdrawn
            | FamilyHandedOver
            | AssignmentsExported
            | MediatorReportSubmitted
            | MediatorReportDownloaded
            | CaseAnonymised
            | CaseStatusChanged
            | ConsentRecorded
            | ConsentWithdrawn
            | ContactRecorded
            | FamilyAccessDenied
            | FamilyErased
            | FamilyMemberAdded
            | FamilyMemberErased
            | FamilyOpened
            | FamilySupervised
            | MediationAccessSummaryQueued
            | MediationAssigned
            | MediationAssignmentEnded
            | MediationKeyRotated
            | ReferralRecorded
            | ReferralUpdated
            | ReferralUrgentOverride
            | SchoolFollowupResult
            | SchoolFollowupStarted => AuditArea::Mediation,
            NewsPublished
            | NewsSaved
            | PracticeFileAdded
            | PracticeFileRemoved
            | PracticePublished
            | PracticeReturned
            | PracticeSaved
            | PracticeSubmitted
            | SitePageSaved
            | StoryBackToDraft
            | StoryConsentRecorded
            | StoryConsentWithdrawn
            | StoryDeleted
            | StoryMediaAdded
            | StoryMediaRemoved
            | StoryPhotoRemoved
            | StoryPhotoSet
            | StoryPublished
            | StorySaved
            | StoryToReview
            | StoriesExported => AuditArea::Site,
            ReportNarrativesSaved | ReportIssued | ReportWithdrawn => AuditArea::Reports,
            BreachRecorded
            | BreachUpdated
            | BreachesExported
            | PersonDataExported
            | SubjectRequestRecorded
            | SubjectRequestUpdated
            | SubjectRequestsExported
            | PersonRestricted
            | PersonRestrictionLifted
            | PersonErased
            | AddressErased
            | PrivacySummaryQueued => AuditArea::Privacy,
            NeedRaised
            | NeedAssigned
            | NeedAnswered
            | NeedClosed
            | NeedMerged
            | NeedPublished
            | NeedWithdrawn
            | NeedLinked
            | ServiceSaved
            | ServiceWithdrawn
            | ServiceRestored
            | ServiceReminded
            | ConsultationSaved
            | ConsultationPublished
            | ConsultationCommented
            | ConsultationCommentHidden
            | ConsultationCommentAnswered
            | ConsultationSummarised => AuditArea::Dialogue,
            Other => AuditArea::Other,
        }
    }
}
