# Events.

nav-events = Events
events-title = Events
calendar-title = Events calendar
events-upcoming = Upcoming
events-past = Past
events-none = No events.
event-new = Plan a new event
event-new-title = New event
event-edit-title = Edit event
event-type = Type of event
event-when = When
event-date = Date
event-start = Start
event-end = End
event-title-lv = Title in Latvian
event-title-en = Title in English
event-description-lv = Description in Latvian
event-description-en = Description in English
event-online = Online link
event-series = Series (for example, the annual coordination meeting)
event-capacity = Places
event-deadline = Registration deadline
event-host-country = Host country
event-target-group = Target group
event-objectives = EU Roma strategic framework objectives
event-organisations = Organisers and partners
event-organisers = Organisers
event-partners = Partners
event-partner = partner
event-visibility = Visibility
event-public = Public
event-invitation-only = Invitation only
event-public-check = Public event (on the calendar once published)
event-lifecycle = Event progress
event-status-changed = The event's status changed.
event-cancelled-notice = This event is cancelled.
event-type-invalid = Choose the type of event.
event-title-invalid = Enter a title (up to 300 characters).
text-too-long = The text is too long.
time-invalid = Enter the time as HH:MM.
time-order = The end must be after the start.
online-url-invalid = Enter a link that starts with https://.
capacity-invalid = Enter the number of places (1–100,000).
deadline-after-event = The registration deadline cannot be after the event.
event-type-annual-coordination = Annual coordination meeting
event-type-regional-expert = Regional expert working meeting
event-type-good-practice-visit = Good-practice visit
event-type-interministerial = Interministerial (high-level) meeting
event-type-workshop = Workshop
event-type-mediators-seminar = Mediators' experience-exchange seminar
event-type-cross-border-visit = Cross-border expert visit
event-type-other = Other event
event-status-draft = Draft
event-status-published = Published
event-status-registration-closed = Registration closed
event-status-held = Held
event-status-reported = Reported
event-status-cancelled = Cancelled
event-action-draft = Back to draft
event-action-publish = Publish
event-action-close-registration = Close registration
event-action-held = Mark as held
event-action-reported = Mark as reported
event-action-cancel = Cancel the event
objective-equality = Equality
objective-inclusion = Inclusion
objective-participation = Participation
objective-education = Education
objective-employment = Employment
objective-health = Health
objective-housing = Housing
target-roma-youth = Roma youth
target-roma-women = Roma women
target-mixed = Mixed group
audit-event-created = Event created
audit-event-updated = Event changed
audit-event-status-changed = Event status changed
calendar-subscribe = Subscribe to the calendar (iCalendar)
calendar-add = Add to your calendar (.ics)

## Agenda
agenda-title = Agenda
agenda-manage = Edit the agenda
agenda-back = Back to the event
agenda-empty = The agenda has no items yet.
agenda-time = Time
agenda-item = Item
agenda-speakers = Speakers
agenda-up = Move up
agenda-down = Move down
agenda-remove = Remove
agenda-removed = The item was removed from the agenda.
agenda-add-item = Add an item
agenda-edit-item = Edit the item
agenda-start = Start
agenda-end = End
agenda-item-lv = Item title in Latvian
agenda-item-en = Item title in English
agenda-speaker-people = Speakers from the people registry
agenda-speaker-people-hint = You can choose several (Ctrl or ⌘ + click). On the public page a name shows only if the person agreed to be published.
agenda-speakers-text = Other speakers
agenda-title-invalid = Enter the item's title (up to 300 characters).
agenda-speaker-invalid = The chosen person was not found in the registry.
cancel = Cancel

## Month view
month-title = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
calendar-view-list = List
calendar-view-month = Month view
calendar-prev-month = Previous month
calendar-next-month = Next month
calendar-month-count = { $count ->
    [0] No events this month.
    [one] { $count } event this month.
   *[other] { $count } events this month.
}
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
calendar-today = today
