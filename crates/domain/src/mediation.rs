//! Roma mediation's closed vocabularies that more than its own pages read (the published
//! figures, reports).

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
