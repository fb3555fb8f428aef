//! The public site's closed vocabularies: news kinds, practices' target groups, success
//! stories' channels, media and a child's view.

crate::vocabulary! {
    /// What a news item announces.
    #[derive(Default)]
    pub enum NewsKind (other = Announcement) {
        #[default]
        Announcement = ("announcement", "news-kind-announcement"),
        Call = ("call", "news-kind-call"),
        Programme = ("programme", "news-kind-programme"),
        Event = ("event", "news-kind-event"),
    }
}

crate::vocabulary! {
    /// Who a good practice is for.
    pub enum PracticeTarget (other = Institutions) {
        Children = ("children", "practice-target-children"),
        Youth = ("youth", "practice-target-youth"),
        Women = ("women", "practice-target-women"),
        Families = ("families", "practice-target-families"),
        Adults = ("adults", "practice-target-adults"),
        Elderly = ("elderly", "practice-target-elderly"),
        Community = ("community", "practice-target-community"),
        Institutions = ("institutions", "practice-target-institutions"),
    }
}

crate::vocabulary! {
    /// Where a success story may be published.
    pub enum StoryChannel (other = Press) {
        Site = ("site", "story-channel-site"),
        Social = ("social", "story-channel-social"),
        Press = ("press", "story-channel-press"),
    }
}

crate::vocabulary! {
    /// Where a success story appeared in the media.
    #[derive(Default)]
    pub enum StoryMedia (other = Online) {
        #[default]
        Press = ("press", "story-media-press"),
        Tv = ("tv", "story-media-tv"),
        Radio = ("radio", "story-media-radio"),
        Online = ("online", "story-media-online"),
    }
}

crate::vocabulary! {
    /// A child's own view of their story being published.
    pub enum ChildView (other = NotAsked) {
        Agrees = ("agrees", "child-view-agrees"),
        Disagrees = ("disagrees", "child-view-disagrees"),
        TooYoung = ("too_young", "child-view-too-young"),
        NotAsked = ("not_asked", "child-view-not-asked"),
    }
}

crate::vocabulary! {
    /// Where a good practice is in its review.
    #[derive(Default)]
    pub enum PracticeStatus (other = Draft) {
        #[default]
        Draft = ("draft", "practice-status-draft"),
        Submitted = ("submitted", "practice-status-submitted"),
        Returned = ("returned", "practice-status-returned"),
        Published = ("published", "practice-status-published"),
    }
}

impl PracticeStatus {
    /// Whether the author may still change it (coordinators always may).
    pub fn author_edits(self) -> bool {
        matches!(self, PracticeStatus::Draft | PracticeStatus::Returned)
    }
}

crate::vocabulary! {
    /// Where a success story is on the editorial desk.
    #[derive(Default)]
    pub enum StoryStatus (other = Draft) {
        #[default]
        Draft = ("draft", "story-status-draft"),
        Review = ("review", "story-status-review"),
        Published = ("published", "story-status-published"),
        Withdrawn = ("withdrawn", "story-status-withdrawn"),
    }
}
