# Events.

nav-events = Events
events-title = Events
calendar-title = Events calendar
events-upcoming = Upcoming
events-past = Past
events-none = No events.
event-new = Plan a new event
event-new-type = The new event's type
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
event-online-only = online
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
text-line-break = Write this field on one line: line breaks and other control characters are not allowed.
text-hidden-characters = The text holds invisible characters that change its direction or display (such as U+202E): delete them and type the text again.
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
calendar-atom = Upcoming events as an Atom feed
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

## Registration
reg-title = Registration
reg-register = Register
reg-organisation = Organisation
reg-private-person = I am registering as a private person
reg-city = City or municipality
reg-stats-legend = For statistics (optional)
reg-stats-explained = These answers help the platform report how many different people take part. They are used only in aggregated statistics, where small numbers are never published. Belonging to the Roma community is special-category personal data: give it only if you wish.
reg-gender = Gender
reg-age-group = Age group
reg-roma = Do you consider yourself a member of the Roma community?
reg-not-stated = Prefer not to say
reg-age-under-18 = under 18
reg-age-18-24 = 18–24
reg-age-25-29 = 25–29
reg-age-30-49 = 30–49
reg-age-50-64 = 50–64
reg-age-65-plus = 65 or older
reg-roma-yes = Yes
reg-roma-no = No
reg-stats-consent = I agree that my statistics answers (including on belonging to the Roma community) are kept and used in aggregated form in the platform's reports. I can withdraw by cancelling my registration or writing to the coordinator.
reg-notice = I have read the data-processing notice: the Ministry of Culture, as controller, processes my name, e-mail, organisation and city to organise the event and report on its participants.
reg-submit = Register
reg-submit-waiting = Join the waiting list
reg-full-title = No places left — you can join the waiting list
reg-full-explained = Every place is taken. Your registration will go on the waiting list; if someone cancels, the place is offered in turn and you will hear of it by e-mail.
reg-sent-waiting-title = Almost done: your registration is on the waiting list — confirm it from the e-mail
reg-sent-waiting-explained = There are no places at the moment, so your registration is on the waiting list. We sent a mail with a link to the address you gave: confirm your registration within 48 hours to stay on the list. When a place becomes free, it is offered in turn and you will hear of it by e-mail.
reg-name-invalid = Enter your name (up to 200 characters).
reg-organisation-missing = Enter your organisation or tick that you are registering as a private person.
reg-choice-invalid = Choose from the list.
reg-stats-consent-missing = To keep the statistics answers, tick the consent, or leave the answers empty.
reg-notice-missing = To register, confirm that you have read the data-processing notice.
reg-duplicate = This e-mail address is already registered for the event. The link to the registration is in your e-mail.
reg-closed = Registration for this event is closed.
reg-too-many-recent = Very many people have registered for this event in the last hour. Please try again later, or register with the organisers by phone or e-mail.
reg-mine-title = Your registration
reg-event = Event
reg-status-confirmed = Confirmed
reg-status-waiting = On the waiting list
reg-status-cancelled = Cancelled
reg-cancel = Cancel the registration
reg-cancel-confirm-title = Cancel your registration for "{ $title }"?
reg-cancel-confirm-who = Registration: { $name }.
reg-cancel-confirm-final = A cancelled registration cannot be restored: the place goes to the first on the waiting list, and to come after all you would have to register again (if places are left).
reg-cancel-confirm-button = Yes, cancel the registration
reg-cancel-confirm-back = No, keep the registration
reg-registered-notice = Thank you! Your registration was received; a confirmation was sent to your e-mail.
reg-cancelled-notice = The registration was cancelled.
reg-link-private = This page opens only with the link from your e-mail; do not forward it.
mail-registration-subject = Registration: { $event }
mail-registration-body = Hello, { $name }!

    Your registration for "{ $event }" was received. Status: { $status }.

    You can see or cancel it here:

    { $link }
mail-registration-promoted-subject = You have a place: { $event }
mail-registration-promoted-body = Hello, { $name }!

    A place became free at "{ $event }" and your registration from the waiting list is now confirmed.

    Your registration's page shows the place and the agenda, and if you cannot come after all you can cancel there, so that someone on the waiting list gets the place:
    { $link }
reg-list-title = Registrations
reg-list-link = Registrations
reg-list-empty = No registrations yet.
reg-list-when = Registered
reg-private = private person
mail-event-cancelled-subject = Event cancelled: { $event }
mail-event-cancelled-body = Hello, { $name }!

    We are sorry: "{ $event }" ({ $when }) has been cancelled, and your registration no longer stands.

mail-event-cancelled-invited-body = Hello, { $name }!

    We are sorry: "{ $event }" ({ $when }), to which you were invited, has been cancelled. There is no need to answer the invitation any more.
event-cancelled-done = The event is cancelled. Everyone registered or invited who has an e-mail address has been told.

# Registrations confirmed from the e-mail; registered by hand (issue 16)
mail-registration-confirm-subject = Please confirm your registration: { $event }
mail-registration-confirm-body = Hello!

    We received a registration for "{ $event }" with this e-mail address. Status: { $status }.

    To keep the registration, open the link and press "Confirm registration". Deadline: { $until }.

    { $link }

    If you did not register, do nothing: an unconfirmed registration lapses, and what was typed in it is not kept.
reg-sent-title = Almost done: confirm the registration from your e-mail
reg-sent-explained = We sent a message with a link to the address you gave. Open it and confirm the registration by the deadline it gives (within 48 hours at most); until then the registration stands. If the message has not arrived, check your spam folder or contact the organisers.
reg-sent-another = Register someone else
reg-pending-explained = This registration is not confirmed yet. Deadline to confirm: { $until }. If it is not confirmed, it is cancelled and its place goes to others.
reg-confirm = Confirm registration
reg-confirm-for = Confirm registration: { $name }
reg-confirmed-notice = Thank you! The registration is confirmed.
reg-status-confirmed-pending = Place held; to be confirmed from the e-mail
reg-status-waiting-pending = On the waiting list; to be confirmed from the e-mail
reg-status-released = Released: not confirmed in time
reg-released-explained = The registration was not confirmed within 48 hours, so its place went to others.
reg-register-again = Register again
reg-pending-count = Awaiting confirmation
reg-pending-title = Awaiting confirmation from the e-mail
reg-pending-hint = These registrations from the public form hold a place until the registrant confirms them with the link in their e-mail. If that does not happen within 48 hours, the place is released and the waiting list moves up. If the registrant contacted you, confirm the registration here.
reg-confirm-until = Confirm by
reg-list-others = Other registrations
reg-add = Register a participant
reg-add-title = Register a participant
reg-add-explained = For someone who registered by phone or in person. The registration is confirmed at once (with no places left, it goes on the waiting list). With an e-mail address, a link to see or cancel the registration is sent to it.
reg-add-private-person = The participant registers as a private person
reg-add-lang = Language of the messages
reg-add-notice = The participant has been told how their data is processed (the data-processing notice)
reg-add-submit = Register
reg-add-name-invalid = Enter the participant's name and surname (up to 200 characters).
reg-add-organisation-missing = Enter an organisation, or tick that the participant registers as a private person.
reg-add-notice-missing = Tick that the participant has been told about the data processing.
reg-added-notice = Registration saved; a place is given.
reg-confirmed-by-coordinator = The registration is confirmed.
reg-confirm-too-late = This registration can no longer be confirmed: it was cancelled or its place was released.
reg-duplicate-by-hand = This e-mail address already has an active registration for the event.
reg-closed-by-hand = Participants can be registered only for a published event that has not ended.
reg-by-hand-mark = entered by hand
reg-no-email = no e-mail
reg-release = Release the place
reg-release-for = Release the place: { $name }
reg-pending-actions = Actions
reg-release-all = Release every unconfirmed place ({ $count })
reg-release-all-hint = Use this when the sign-ups are plainly made up. Only the unconfirmed registrations on this page are released; confirmed ones are not touched, and the freed places go to the waiting list.
reg-released-notice = The unconfirmed places were released.
reg-status-released-by-coordinator = Released: unconfirmed (released by hand)
reg-released-by-coordinator-explained = The registration was not confirmed, and the organisers released its place to others.
reg-places-taken = Places taken
reg-released-none = No place was released: these registrations are already confirmed or cancelled.
reg-data-removed = data removed (unconfirmed)
reg-released-one = The place was released.
reg-added-waiting-notice = Registration saved on the waiting list: no places are free. When one frees, it is given automatically.
reg-pending-place = Place
reg-pending-holds = held
reg-add-notice-text = The notice to tell them: the Ministry of Culture, as controller, processes the person's name, e-mail, organisation and city to organise the event and report on its participants. The registration can be cancelled at any time.
event-cancel-confirm-title = Cancel the event "{ $title }"?
event-cancel-confirm-mails = { $count ->
        [0] No registration or unanswered invitation has an e-mail address to tell of the cancellation.
        [one] Word of the cancellation goes to { $count } e-mail address (registrations and invitations not yet answered).
       *[other] Word of the cancellation goes to { $count } e-mail addresses (registrations and invitations not yet answered).
    }
event-cancel-confirm-final = A cancellation cannot be undone: the event stays listed as cancelled, and nobody can register any more.
event-cancel-confirm-button = Yes, cancel the event
event-cancel-confirm-back = No, back to the event
