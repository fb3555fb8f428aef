//! Roma mediation's closed vocabularies: the codes stored for families, contacts,
//! referrals and supervision, with the message ids that name them.

crate::vocabulary! {
    /// The area of a family's life a contact or referral is about.
    pub enum ContactArea (other = Other) {
        Education = ("education", "area-education"),
        SocialServices = ("social_services", "area-social-services"),
        Employment = ("employment", "area-employment"),
        Health = ("health", "area-health"),
        Housing = ("housing", "area-housing"),
        Documents = ("documents", "area-documents"),
        ChildrensRights = ("childrens_rights", "area-childrens-rights"),
        Other = ("other", "area-other"),
    }
}

crate::vocabulary! {
    /// Where a referral to a service stands.
    pub enum ReferralStatus (other = Cancelled) {
        Open = ("open", "referral-status-open"),
        InProgress = ("in_progress", "referral-status-in-progress"),
        Helped = ("helped", "referral-status-helped"),
        NotHelped = ("not_helped", "referral-status-not-helped"),
        Cancelled = ("cancelled", "referral-status-cancelled"),
    }
}

crate::vocabulary! {
    /// A family member's place in the family.
    #[derive(Default)]
    pub enum Relation (other = Other) {
        #[default]
        Head = ("head", "relation-head"),
        Partner = ("partner", "relation-partner"),
        Child = ("child", "relation-child"),
        Grandparent = ("grandparent", "relation-grandparent"),
        OtherRelative = ("other_relative", "relation-other-relative"),
        Other = ("other", "relation-other"),
    }
}

crate::vocabulary! {
    /// Where a family's case stands.
    pub enum CaseStatus (other = Closed) {
        Active = ("active", "case-status-active"),
        Dormant = ("dormant", "case-status-dormant"),
        Closed = ("closed", "case-status-closed"),
    }
}

crate::vocabulary! {
    /// Where a contact with a family took place.
    #[derive(Default)]
    pub enum ContactPlace (other = Phone) {
        #[default]
        Office = ("office", "contact-place-office"),
        HomeVisit = ("home_visit", "contact-place-home-visit"),
        Institution = ("institution", "contact-place-institution"),
        Phone = ("phone", "contact-place-phone"),
    }
}

crate::vocabulary! {
    /// Why a supervisor opens a case.
    pub enum SupervisionPurpose (other = Other) {
        QualityReview = ("quality_review", "supervision-purpose-quality-review"),
        Complaint = ("complaint", "supervision-purpose-complaint"),
        Safeguarding = ("safeguarding", "supervision-purpose-safeguarding"),
        LegalRequest = ("legal_request", "supervision-purpose-legal-request"),
        Other = ("other", "supervision-purpose-other"),
    }
}

crate::vocabulary! {
    /// What a family's consent is for.
    pub enum ConsentPurpose (other = SuccessStory) {
        CaseWork = ("case_work", "consent-purpose-case-work"),
        Sharing = ("sharing", "consent-purpose-sharing"),
        Statistics = ("statistics", "consent-purpose-statistics"),
        SuccessStory = ("success_story", "consent-purpose-success-story"),
    }
}

crate::vocabulary! {
    /// The kind of institution a referral or a sharing consent names.
    pub enum Institution (other = Other) {
        School = ("school", "institution-school"),
        SocialService = ("social_service", "institution-social-service"),
        HealthCare = ("health_care", "institution-health-care"),
        EmploymentAgency = ("employment_agency", "institution-employment-agency"),
        EsfProgramme = ("esf_programme", "institution-esf-programme"),
        MunicipalProgramme = ("municipal_programme", "institution-municipal-programme"),
        Other = ("other", "institution-other"),
    }
}

crate::vocabulary! {
    /// Who gave a consent.
    pub enum GivenBy (other = Guardian) {
        Person = ("person", "consent-given-by-person"),
        Parent = ("parent", "consent-given-by-parent"),
        Guardian = ("guardian", "consent-given-by-guardian"),
    }
}

crate::vocabulary! {
    /// A child's risk of leaving school, as the mediator judges it.
    pub enum Risk (other = High) {
        Low = ("low", "risk-low"),
        Medium = ("medium", "risk-medium"),
        High = ("high", "risk-high"),
    }
}

crate::vocabulary! {
    /// How a school follow-up ended.
    pub enum FollowupResult (other = Unknown) {
        Stayed = ("stayed", "followup-result-stayed"),
        DroppedOut = ("dropped_out", "followup-result-dropped-out"),
        MovedAway = ("moved_away", "followup-result-moved-away"),
        Unknown = ("unknown", "followup-result-unknown"),
    }
}

crate::vocabulary! {
    /// Why a family's case was closed.
    pub enum CloseReason (other = Other) {
        GoalsReached = ("goals_reached", "close-reason-goals-reached"),
        MovedAway = ("moved_away", "close-reason-moved-away"),
        FamilyRequest = ("family_request", "close-reason-family-request"),
        NoContact = ("no_contact", "close-reason-no-contact"),
        Other = ("other", "close-reason-other"),
    }
}

crate::vocabulary! {
    /// A family member's gender, when the mediator records it (words that fit a child as
    /// well as an adult: "sieviešu dzimums", not "Sieviete").
    pub enum Gender (other = Other) {
        Female = ("female", "member-gender-female"),
        Male = ("male", "member-gender-male"),
        Other = ("other", "member-gender-other"),
    }
}
