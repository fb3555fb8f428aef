//! The one-line notice a page shows after a redirect (`?notice=saved`).

use serde::Deserialize;

/// The `?notice=` of a page after a redirect.

#[derive(Debug, Deserialize)]
pub struct Notice {
    pub notice: Option<String>,
}

impl Notice {
    /// The message for `?notice=` after a redirect.
    pub fn notice_key(&self) -> Option<&'static str> {
        match self.notice.as_deref() {
            Some("saved") => Some("saved-notice"),
            Some("task") => Some("plan-task-added"),
            Some("value") => Some("indicator-value-saved"),
            Some("submitted") => Some("report-submitted-notice"),
            Some("accepted") => Some("report-accepted-notice"),
            Some("returned") => Some("report-returned-notice"),
            Some("imported") => Some("plan-imported"),
            Some("file") => Some("report-file-added"),
            Some("contact") => Some("contact-recorded"),
            Some("consent") => Some("consent-recorded"),
            Some("withdrawn") => Some("consent-withdrawn"),
            Some("withdrawn-blocked") => Some("consent-withdrawn-blocked"),
            Some("referral") => Some("referral-recorded"),
            Some("erase-unconfirmed") => Some("erase-unconfirmed"),
            Some("case-work-consent") => Some("case-work-consent-missing"),
            Some("member-erased") => Some("member-erased"),
            Some("family-erased") => Some("family-erased"),
            Some("file-removed") => Some("report-file-removed"),
            Some("practice-submitted") => Some("practice-submitted-notice"),
            Some("practice-published") => Some("practice-published-notice"),
            Some("practice-returned") => Some("practice-returned-notice"),
            Some("photo") => Some("story-photo-saved"),
            Some("practice-file") => Some("practice-file-added"),
            Some("practice-file-removed") => Some("practice-file-removed"),
            Some("photo-removed") => Some("story-photo-removed"),
            Some("media") => Some("story-media-added"),
            Some("media-removed") => Some("story-media-removed"),
            Some("story-to-review") => Some("story-to-review-notice"),
            Some("story-published") => Some("story-published-notice"),
            Some("story-back-to-draft") => Some("story-back-to-draft-notice"),
            Some("story-back-to-review") => Some("story-back-to-review-notice"),
            Some("story-deleted") => Some("story-deleted-notice"),
            _ => None,
        }
    }
}
