## Check-in, attendance and participation statistics

attendance-title = Check-in
attendance-count = { $present ->
    [0] nobody checked in yet
    [one] { $present } checked in
   *[other] { $present } checked in
}
attendance-expected = { $registered ->
    [0] no registrations
    [one] { $registered } registration
   *[other] { $registered } registrations
}
attendance-add-walk-in = Add a walk-in
attendance-sheet = Sign-in sheet
attendance-sheet-print-hint = Print this page (Ctrl+P); the blank lines are for walk-ins.
attendance-sheet-notice = By signing you confirm that you took part in the event. The data is used to record participation as the data-processing notice explains.
attendance-signature = Signature
attendance-search = Search by name
attendance-search-hint = Accents can be left out: "berzins" finds "Bērziņš".
attendance-none-found = Nobody matches the search.
attendance-present = present
attendance-check-in = Check in
attendance-undo = Undo check-in
# An attendance record whose name was removed under the storage limit (the figures keep it).
attendance-anonymised = Anonymised record
attendance-category = Stakeholder category
attendance-category-hint = When not chosen, it comes from the organisation's kind and the person's role.
attendance-category-derived = Decide automatically
attendance-walk-in = walk-in
attendance-registered = registered
attendance-imported = from a sign-in sheet
attendance-via-api = from another system
attendance-checked-notice = Checked in.
attendance-removed-notice = Check-in undone.
attendance-added-notice = Walk-in added and checked in.
attendance-already-notice = This participant was already checked in.
attendance-similar-title = This person may already be known
attendance-similar-present = already checked in at this event
attendance-similar-registered = registered for this event
attendance-similar-person = in the registry
attendance-who-is-this = Who is this participant?
attendance-someone-else = Someone else — add as new
attendance-possible-duplicate = Someone with the same name or e-mail was found. Choose whether it is them or someone else.
attendance-already-present = This person is already checked in at this event.
attendance-closed = Attendance can no longer be recorded for this event.
attendance-organisation-registry = Organisation from the registry
attendance-organisation-other = Other organisation (if not in the registry)
attendance-stats-explained = Ask only if the participant agrees to answer. The answers are used only in aggregate statistics.
attendance-stats-consent = The participant agrees that these answers are used in participation statistics.

category-state-authority = State authority
category-municipal-authority = Municipality or its institution
category-ngo = NGO (non-Roma)
category-roma-representative = Roma representative
category-mediator = Roma mediator
category-international-partner = International partner
category-expert = Expert
category-media = Media
category-other = Other

stats-title = Participation statistics
stats-public-intro = How many people took part in the platform's public events. Each person is counted once, however many events they came to.
stats-exact-intro = Exact figures for coordinators. Each person is counted once, however many events they came to.
stats-from = From
stats-to = To
stats-any = All
stats-series = Series
stats-territory = Event place (city or municipality)
stats-show = Show
stats-totals = Totals
stats-events = Events held
stats-participations = Participations
stats-participants = Participants (each counted once)
stats-youth = Youth
stats-places = Latvian cities and municipalities represented
stats-youth-definition = Youth: aged { $range } — by age in years when known (from the registry's year of birth), otherwise only those whose age group lies wholly within the range (registration and the door ask for a group, not an age).
stats-latest-rule = A person's category, place and age are those of their latest attendance in the period.
stats-disclosure = So that nobody can be recognised, counts from 1 to 9 are shown as "<10" and others are rounded to 5; "…" hides a count from which a hidden one could be worked out.
stats-by-category = Participants by stakeholder category
stats-by-gender = Participants by gender
stats-by-age = Participants by age group
stats-by-roma = Participants by Roma self-identification
stats-by-region = Participants by planning region
stats-region-none = No place in Latvia stated
stats-not-stated = Not stated
stats-col-measure = Measure
stats-col-item = Group
stats-col-count = Count
stats-export-csv = Download CSV
stats-export-xlsx = Download XLSX
stats-date-invalid = Pick the date in the calendar or type it, for example 2026-12-10.
stats-dates-order = The end date cannot be before the start date.
nav-statistics = Statistics

attendance-import = Import a sign-in sheet
attendance-import-title = Sign-in sheet import
attendance-import-intro = A scanned sign-in sheet typed into a spreadsheet can be loaded as a CSV or XLSX file. You will first see what happens to each line; nothing is saved until you confirm.
attendance-import-col-name = The participant's full name (required)
attendance-import-col-email = When given, finds the registration or the registry person
attendance-import-col-organisation = The organisation's name; one in the registry is found by its name
attendance-import-col-category = When not given, it is derived (state_authority, municipal_authority, ngo, roma_representative, mediator, international_partner, expert, media, other)
attendance-import-col-stats = Gender (female, male, other), age in years or a group (18-24, 65+), Roma self-identification (yes, no) — only with consent
attendance-import-col-consent = "yes" when the participant agreed to the answers being used in statistics; otherwise the answers are not kept
attendance-import-no-name = The file has no column of participants' names ("Name").
attendance-import-bad-category = unknown category
attendance-import-bad-answer = an answer about gender, age or Roma self-identification that cannot be read
attendance-import-stats-dropped = the statistics answers will not be kept: no consent
attendance-import-twice = this person is already on an earlier line
attendance-import-match = Matched to a registration or a registry person
attendance-import-add = New participant
attendance-import-present = Skipped
attendance-import-reject = Will not be loaded
attendance-import-changed = Someone was checked in or data changed since the preview, so nothing was saved. Upload the file again.
attendance-import-usable = { $count ->
    [0] There is no line to load.
    [one] { $count } line will be loaded.
   *[other] { $count } lines will be loaded.
}
attendance-imported-notice = Sign-in sheet imported.

## Invitations

invitations-title = Invitations
invitations-link = Invitations and answers
invitations-people = Invite people from the registry
invitations-choose-people = People
invitations-people-hint = Several can be chosen (Ctrl or Cmd + click). Only people with an e-mail address are listed.
invitations-organisations = Invite organisations by kind and place
invitations-organisations-hint = The invitation goes to the organisation's e-mail. Organisations without one are counted, not invited.
invitations-place = Place (a city, a municipality or a place within it)
invitations-preview = See who will receive it
invitations-region = Planning region
invitation-none-match = No organisation matches. Change the kind, region or place.
invitations-preview-title = Who will receive the invitation
invitations-preview-count = { $count ->
        [0] Nobody gets a new invitation.
        [one] { $count } recipient will get the invitation.
       *[other] { $count } recipients will get the invitation.
    }
invitations-preview-who = Recipients
invitations-preview-recipient = Recipient (person or organisation)
invitations-preview-mail = Invitation
invitations-preview-new = Will be sent
invitations-preview-already = Invited already — not sent again
invitations-preview-send = { $count ->
        [one] Send { $count } invitation
       *[other] Send { $count } invitations
    }
invitations-preview-back = Back, without sending anything
invitations-sent = Invitations sent
invitations-sent-at = Sent
invitations-none = No invitations sent yet.
invitation-accepted = Accepted
invitation-declined = Declined
invitation-no-answer = No answer
invitation-sent-notice = { $count ->
    [0] No new invitation was sent.
    [one] { $count } invitation sent.
   *[other] { $count } invitations sent.
}
invitation-skipped-notice = { $count ->
    [one] { $count } address had been invited already.
   *[other] { $count } addresses had been invited already.
}
invitation-no-email-notice = { $count ->
    [one] { $count } organisation has no e-mail address.
   *[other] { $count } organisations have no e-mail address.
}
invitation-choose-people = Choose at least one person.
invitation-choose-filter = Choose a kind of organisation, a place, or both.
invitation-closed = Invitations can be sent only for a published event open for registration.
invitation-title = Invitation
invitation-accept = Accept and register
invitation-invited-organisation = Invited organisation
invitation-attendee-explained = This invitation is to an organisation. Say who of you will come: the registration will be in their name.
invitation-attendee = Name (who will come)
invitation-attendee-invalid = Enter the name of the person who will come.
invitation-attendee-email = Their e-mail
invitation-attendee-email-hint = We send the registration's link there. Left empty, the organisation's address gets it.
invitation-attendee-mailed = Thank you! We sent a mail to the address given: the registration must be confirmed with its link within 48 hours.
invitation-decline = Decline
invitation-declined-notice = Thank you for your answer. Your decline is recorded; should you change your mind, you can accept here.
invitation-answered = This invitation has been answered already.
mail-invitation-subject = Invitation: { $event }
mail-invitation-body = Hello, { $name }!

    You are invited to "{ $event }" ({ $when }).

    Please answer here — accept the invitation or decline:

    { $link }

## Minutes and follow-up actions

minutes-title = Minutes
minutes-link = Minutes and follow-up actions
minutes-summary-lv = Summary in Latvian
minutes-summary-en = Summary in English
minutes-decisions-lv = Decisions in Latvian
minutes-decisions-en = Decisions in English
minutes-recommendations-lv = Working groups' recommendations in Latvian
minutes-recommendations-en = Working groups' recommendations in English
minutes-is-published = The minutes are published on the event's public page.
minutes-is-internal = The minutes are seen in the workspace only.
minutes-publish = Publish the minutes
minutes-withdraw = Take the minutes off the public page
minutes-published-notice = Minutes published.
minutes-withdrawn-notice = Minutes taken off the public page.
minutes-empty = Write and save the minutes in Latvian first.
minutes-public-title = Minutes
actions-title = Follow-up actions
actions-intro = Actions decided at meetings that your organisation is responsible for. Overdue ones come first.
actions-intro-all = Actions decided at meetings, of every organisation responsible for them. Overdue ones come first.
actions-none = No actions.
actions-show-all = Show done and dropped ones too
actions-show-pending = Show pending ones only
actions-overdue-count = { $count ->
    [one] { $count } action is overdue.
   *[other] { $count } actions are overdue.
}
actions-from-series = Pending actions from earlier meetings of this series
action-what = Action
action-what-lv = Action in Latvian
action-what-en = Action in English
action-owner = Responsible organisation
action-due = Due
action-decided-at = Decided at
action-overdue = overdue
action-new = New action
action-add = Add the action
action-created-notice = Action added.
action-title-invalid = Write what is to be done (up to 500 characters).
action-owner-invalid = Choose the responsible organisation from the list.
action-status-open = Open
action-status-in-progress = In progress
action-status-done = Done
action-status-dropped = Dropped
action-status-unchanged = Status unchanged
action-notes = Progress
action-notes-none = Nothing recorded yet.
action-progress = Record progress
action-note = Note
action-note-hint = What was done; when dropping the action, why.
action-new-status = New status
action-drop-reason = When dropping an action, write the reason.
action-note-empty = Write a note or choose a new status.
nav-actions = Actions
minutes-summary = Summary
minutes-decisions = Decisions
minutes-recommendations = Working groups' recommendations

## Feedback

feedback-title = Feedback
feedback-link = Feedback
feedback-asked = Survey sent to
feedback-answers = Answers
feedback-good-share = Rate it good or very good
feedback-to-ask = { $count ->
    [0] Every participant with an e-mail address has been asked.
    [one] The survey can go to { $count } more participant.
   *[other] The survey can go to { $count } more participants.
}
feedback-send = Send the survey to the participants
feedback-sent-notice = { $count ->
    [0] No survey was sent.
    [one] The survey went to { $count } participant.
   *[other] The survey went to { $count } participants.
}
feedback-not-held = The survey can be sent once the event has been held.
feedback-nobody-to-ask = No participant has an e-mail address to send the survey to: nobody has been asked yet.
attendance-not-started = Attendance can be recorded from the event's day.
minutes-not-started = Minutes can be written once the meeting has begun.
event-not-started = An event can be marked as held once it has begun.
event-happened-date = The event has happened (it has attendance, minutes or is marked held): its start cannot move into the future.
event-held-after-start = Once the event has begun it can be marked as held; then the minutes can be written and feedback asked for.
feedback-by-rating = Answers by score
feedback-score = Score
feedback-rating = Overall
feedback-usefulness = Usefulness
feedback-comments = Comments
feedback-survey-title = Feedback on the event
feedback-anonymous = The survey is anonymous: your answer cannot be linked to you. It can be sent once.
feedback-rating-question = Overall, how do you rate the event?
feedback-usefulness-question = How useful was the event for your work?
feedback-5 = 5 — very good
feedback-4 = 4 — good
feedback-3 = 3 — fair
feedback-2 = 2 — poor
feedback-1 = 1 — very poor
feedback-comment = Comments and suggestions
feedback-comment-hint = Please do not give names or anything else by which people could be recognised.
feedback-submit = Send the feedback
feedback-thanks = Thank you! Your feedback has been received.
feedback-used = Feedback has already been sent with this link.
feedback-rating-missing = Choose an overall rating.
feedback-public-share = { $share } % of the participants rated the event good or very good.
mail-feedback-subject = Your view: { $event }
mail-feedback-body = Hello, { $name }!

    Thank you for taking part in "{ $event }". Please answer three questions — the survey is anonymous:

    { $link }

## Documents

documents-title = Documents
documents-link = Documents
documents-public-title = Documents
documents-none = No documents yet.
document-title = Title
document-agenda-item = Agenda item
document-whole-event = The whole event
document-kind-size = Type and size
document-public = Public
document-public-yes = yes
document-public-no = no
document-add = Add a document
document-file-hint = PDF, DOCX, XLSX, ODT, JPEG or PNG, up to { $mb } MB. Photos lose their metadata (EXIF: camera, time, place).
document-public-label = Show on the event's public page
document-upload = Upload
document-added-notice = Document added.
document-removed-notice = Document removed.
document-title-invalid = Give the document a title (up to 300 characters).
document-too-large = The file is too large.
document-type-refused = A file of this type cannot be added: PDF, DOCX, XLSX, ODT, JPEG or PNG will do (the type is told from the content, not the name).
document-damaged = The file cannot be read: it seems damaged.
document-unpacks-too-far = The file cannot be added: unpacked, it would be many times larger than such a document can be. Save it again, or as PDF.

attendance-erase-answers = Erase answers (consent withdrawn)
attendance-erased-notice = This participant's gender, age and Roma self-identification are erased at every event.

# Needs and questions (dialogue)
need-status-new = New
need-status-assigned = Given to an institution
need-status-answered = Answered
need-status-closed = Closed
need-status-merged = Merged into another
need-concern-children = Children
need-concern-youth = Youth
need-concern-women = Women
need-concern-families = Families
need-concern-community = The community
need-source-public = The public form
need-source-workspace = On the platform
needs-title = Needs and questions
needs-intro = Needs and questions of the communities that your organisation raised or that were given to it to answer. Coordinators give each to the responsible institution with a day by which to answer.
needs-none = There are no needs or questions now.
need-new = Raise a need or question
need-new-hint = Describe what happens, where, and whom it affects. Coordinators will give it to the institution that can answer.
need-raise = Raise
need-raised-notice = Raised. Coordinators will give it to the responsible institution.
need-number = Need no. { $number }
need-title = In short: what it is about
need-description = Description
need-area = Area
need-place = Place
need-concerns = Whom it affects
need-source = Received
need-standing = Where it stands
need-institution = Responsible institution
need-due-by = answer due: { $date }
need-late-since = answer late; it was due: { $date }
need-merged-into = Merged into
need-close-reason = Reason for closing
need-answer = Answer
need-answered-late = answered after the day it was due
need-answer-give = The institution's answer
need-answer-send = Send the answer
need-triage = Give, merge or close
need-due-on = Answer due by
need-assign = Give to the institution
need-merge-into = Merge into need no.
need-merge = Merge
need-close = Close without an answer
need-history = Steps
need-step-raised = raised
need-step-assigned = given to an institution
need-step-answered = answered
need-step-closed = closed
need-step-merged = merged into
need-assigned-notice = Given to the institution; its users see it in their list.
need-answered-notice = The answer is saved.
need-closed-notice = The need is closed.
need-merged-notice = Merged; follow the one it was merged into from now on.
need-title-missing = Say in short what it is about.
need-description-missing = Describe the need or question.
need-area-missing = Choose an area.
need-status-changed = The need has moved on meanwhile; this step no longer fits.
need-merge-invalid = Give the number of another need that is not merged.
need-organisation-missing = Choose an institution.
need-due-past = The day cannot be in the past.
need-answer-missing = Write the answer.
need-reason-missing = Say why the need is closed.
nav-needs = Needs
need-column = Need
need-area-choose = Choose the area
need-meeting = Meeting where it was raised
need-public = Public
need-public-page = Public page
need-publish-heading = Publish the question and its answer
need-publish-consented = The person who raised it agreed that the question and answer may be published as written. Names and addresses are never shown.
need-publish-not-consented = The person who raised it did not agree to publication as written: before publishing, remove names and anything that could point to a particular person or family, and tick the box below.
need-publish-place = Place on the public page: { $place } (never smaller than a municipality or state city).
need-publish-no-place = No place was given; the public page will show none.
need-public-title = Title on the public page
need-public-question = Question on the public page
need-public-answer = Answer on the public page
need-anonymised = The text is anonymised: it holds no names and nothing that points to a particular person or family
need-publish = Publish
need-publish-again = Save the public text
need-withdraw = Take off the public page
need-link-heading = Linked action, measure or practice
need-link-action = Follow-up action
need-link-measure = Measure of the plan
need-link-practice = Good practice
need-link-save = Save the links
need-step-published = published
need-step-withdrawn = taken off the public page
need-step-linked = links saved
need-published-notice = The question and answer are published.
need-withdrawn-notice = The question is no longer on the public page.
need-linked-notice = The links are saved.
need-publish-refused = Only an answered question can be published, and only with its raiser's consent or anonymised.
need-publish-stale = Someone else saved this question meanwhile; check the text and save again.
need-anonymise-first = The raiser did not agree to publication: anonymise the text and tick this.
need-email-for-contact = Give the e-mail address to write to.
need-contact-consent-missing = If you give an address, tick that you agree we write to it; otherwise leave the address empty.
question-ask = Ask a question or tell us about a need
question-ask-hint = Tell us what is happening, where, and whom it affects. The coordinators at the Ministry of Culture will pass it to the institution that can answer. Your name and address are optional.
question-sent-title = Thank you, your question has been received.
question-sent-explained = The coordinators will pass it to the responsible institution. If you gave an address, we will write to you at each step.
question-ask-another = Ask another question
question-about-you = About you (optional)
question-about-you-hint = To hear about the answer, give an e-mail address and tick your consent. We use the address for this question only and delete it a year after the question is closed.
question-contact-consent = I agree to be written to at this address about this question
question-public-consent = I agree that the question and its answer may be published on the platform's public page (without my name or address)
question-privacy = How we process your data:
question-privacy-link = privacy notice
question-send = Send
questions-title = Questions and answers
questions-intro = Questions and needs raised by communities and answered by the responsible institutions. Places are given no finer than a municipality or state city; no names.
questions-feed = New answers (Atom feed)
questions-search-label = Search the questions
questions-search-hint = Words in the title, question or answer; diacritics need not be typed.
questions-found = { $count ->
    [0] No question was found.
    [one] { $count } question found
   *[other] { $count } questions found
}
question-answered-on = answered { $date }
question-answered = Answered
question-on-time = on time
question-question = Question
mail-need-raised-subject = Question no. { $number } received
mail-need-raised-body = Hello,

    Your question "{ $title }" has been received as no. { $number }. The coordinators will pass it to the institution that can answer, and we will write to you at each step.

    Latvian Roma Platform
mail-need-assigned-subject = Question no. { $number } passed to an institution
mail-need-assigned-body = Hello,

    The question "{ $title }" (no. { $number }) has been given to { $organisation } to answer by { $date }.

    Latvian Roma Platform
mail-need-institution-subject = A question for you, no. { $number }: { $title }
mail-need-institution-body = Hello,

    The coordinators have given your institution, { $organisation }, the question "{ $title }" (no. { $number }). Please answer by { $date }:

    { $link }

    Latvian Roma Platform
mail-need-answered-subject = Answer to question no. { $number }
mail-need-answered-body = Hello,

    The question "{ $title }" (no. { $number }) has been answered:

    { $text }

    Latvian Roma Platform
mail-need-closed-subject = Question no. { $number } closed
mail-need-closed-body = Hello,

    The question "{ $title }" (no. { $number }) has been closed without an answer. The reason:

    { $text }

    Latvian Roma Platform
mail-need-merged-subject = Question no. { $number } merged with a similar one
mail-need-merged-body = Hello,

    The question "{ $title }" (no. { $number }) is the same as no. { $other }, raised before, so the two have been merged. We will write to you when it is answered.

    Latvian Roma Platform
mail-need-published-subject = The answer to question no. { $number } is published
mail-need-published-body = Hello,

    The question "{ $title }" (no. { $number }) and its answer are published on the platform's page (without your name or address):

    { $link }

    Latvian Roma Platform
attention-needs-new = New needs and questions waiting to be given to an institution
attention-needs-late = Questions an institution has not answered by the day asked
attention-needs-to-answer = Questions given to your institution to answer
nav-services = Services
services-title = Services and opportunities
services-intro = Programmes and services that can help Roma families: employment, education support, social services, health, housing, ESF+ projects and grants for organisations. Only those in force are listed.
services-search-label = Search the services
services-search-hint = Words in the title, summary, eligibility or the provider's name; diacritics need not be typed.
services-found = { $count ->
    [0] No service was found.
    [one] { $count } service found
   *[other] { $count } services found
}
services-manage-title = Services directory: your entries
services-manage-intro = The services and programmes your organisation provides (coordinators see all). An entry is in the public directory from its start day to its end day; a month before the end your organisation's users get a reminder.
services-no-organisation = Your account has no organisation, so there are no entries for you to keep.
services-none = No entries yet.
service-new = New service
service-edit = Edit the service
service-saved-notice = The service is saved.
service-withdrawn-note = This service has been taken off the public directory.
service-withdraw = Take off the public directory
service-restore = Put back on the public directory
service-title-lv = Title (Latvian)
service-title-en = Title (English)
service-summary-lv = Short description (Latvian)
service-summary-en = Short description (English)
service-kind = Kind
service-kind-choose = Choose the kind
service-provider = Provider
service-provider-choose = Choose the organisation
service-target-groups = For whom
service-places = Where available
service-places-hint = Choose one or more municipalities or state cities (with Ctrl or Shift); with none chosen, the service is available in all Latvia.
service-place = Place
service-all-latvia = All Latvia
service-eligibility = Who is eligible
service-how-to-apply = How to apply
service-contact = Contact
service-cost = Cost
service-languages = Languages spoken
service-link = Link
service-valid = Valid
service-valid-from = Valid from
service-valid-to = Valid to
service-valid-to-day = end day: { $date }
service-standing-current = In force
service-standing-coming = Not begun yet
service-standing-ended = Ended
service-standing-withdrawn = Taken off the directory
service-title-missing = Write the title in Latvian.
service-summary-missing = Describe the service briefly in Latvian.
service-kind-missing = Choose the kind of service.
service-provider-missing = Choose the provider.
service-link-invalid = Write a web address, for example https://www.nva.gov.lv.
service-dates-order = The end day cannot be before the start day.
service-stale = Someone else saved this entry meanwhile; check the fields and save again.
service-kind-employment = Employment
service-kind-education = Education support
service-kind-social = Social services
service-kind-health = Health
service-kind-housing = Housing
service-kind-esf = ESF+ project
service-kind-grants = Grants for organisations
service-kind-other = Other
mail-service-ending-subject = The service "{ $title }" ends on { $date }
mail-service-ending-body = Hello,

    In the services directory, the entry "{ $title }" is valid until { $date }. After that it leaves the public directory. If the service goes on, extend its dates:

    { $link }

    Latvian Roma Platform
question-too-many = Very many questions have arrived in the last hour. Please try again in a while.
need-public-consent-recorded = Those who raised it agreed that the question and answer may be published as written (without names)
need-public-contact = The public text may hold no e-mail address, phone number or the raiser's name; take them out.
need-anonymise-unchanged = The text is as it was raised, and there is no consent to publish it: take out names, places smaller than a municipality and anything that points to a person, and rewrite it in your own words.
need-merged-into-number = question no. { $number }
service-withdrawn-notice = The service is taken off the public directory.
service-restored-notice = The service is back on the public directory.
figures-col-service = Service
needs-intro-coordinator = Every need and question raised — by the platform's users and through the public form. Give each to the responsible institution with the day its answer is due, merge duplicates or close one with the reason; answered ones may be published.
nav-consultations = Consultations
consultations-title = Consultations
consultations-intro = Draft documents — plans, reports, lists of measures — on which the platform invites comments. Comment section by section while a consultation is open; afterwards we publish a summary: what was taken up and what not, and why.
consultations-none = No consultations yet.
consultations-manage-title = Consultations: preparing and summarising
consultations-manage-intro = Prepare a consultation (the text by sections and its days), publish it, hide unsuitable comments with a reason, and after the close answer each comment and publish the summary.
consultation-new = New consultation
consultation-public-page = Public page
consultation-document = Document
consultation-title = Title
consultation-intro = Introduction: what the consultation is about
consultation-kind = Kind of document
consultation-kind-choose = Choose the kind
consultation-kind-plan = Plan
consultation-kind-report = Report
consultation-kind-measures = List of measures
consultation-kind-other = Other document
consultation-opens-on = Open from
consultation-closes-on = Open until
consultation-public-comments = The public may comment too (without logging in)
consultation-sections = The text by sections
consultation-sections-hint = Begin each section with a line starting "## " and its heading, for example "## 1. Education". After the first comment the sections can no longer change.
consultation-publish = Publish the consultation
consultation-publish-hint = Once published the consultation is visible to all, and comments open on its first day.
consultation-comments = Comments
consultation-no-comments = No comments yet.
consultation-by-user = From the platform (no organisation)
consultation-by-public = A comment from the public
consultation-hidden = Comment hidden
consultation-hide-reason = Why hide it
consultation-hide = Hide
consultation-outcome = What became of the comment
consultation-outcome-choose = Choose
consultation-response = Answer or reason
consultation-answer = Save the answer
consultation-summary = Summary
consultation-summary-hint = The summary can be published after the close, once every shown comment says what became of it. It stays public with the consultation.
consultation-summary-publish = Publish the summary
consultation-stage-draft = Being prepared
consultation-stage-upcoming = Coming soon
consultation-stage-open = Open for comments
consultation-stage-closed = Closed, summary to follow
consultation-stage-summarised = Summary published
comment-outcome-taken-up = Taken up
comment-outcome-partly = Partly taken up
comment-outcome-not-taken-up = Not taken up
consultation-comments-count = { $count ->
    [0] No comments
    [one] { $count } comment
   *[other] { $count } comments
}
consultation-how-to-comment = Comment under each section. Comments are public; no names are shown, for users only their organisation.
consultation-log-in-to-comment = In this consultation the platform's users comment.
consultation-comment-on = Your comment on "{ $section }"
consultation-comment-send = Send the comment
consultation-comment-sent = Thank you, your comment is added.
consultation-saved-notice = The consultation is saved.
consultation-published-notice = The consultation is published.
consultation-hidden-notice = The comment is hidden.
consultation-answered-notice = The answer is saved.
consultation-summarised-notice = The summary is published.
consultation-title-missing = Write the title.
consultation-intro-missing = Say briefly what the consultation is about.
consultation-kind-missing = Choose the kind of document.
consultation-dates-order = The end day cannot be before the start day.
consultation-sections-missing = Write the text with at least one section ("## Heading").
consultation-sections-start = The text must begin with a section heading — a line starting "## ".
consultation-section-heading-missing = After "## " write the section's heading.
consultation-sections-many = At most 100 sections.
consultation-sections-locked = The consultation has comments already, so its sections can no longer change.
consultation-stale = Someone else saved this consultation meanwhile; check the fields and save again.
consultation-reason-missing = Say why the comment is hidden.
consultation-outcome-missing = Choose what became of the comment.
consultation-not-closed = Comments are answered after the consultation closes.
consultation-summary-missing = Write the summary.
consultation-summary-early = The summary can be published after the close, once every shown comment says what became of it.
consultation-comment-missing = Write your comment.
consultation-comment-closed = Comments cannot be made in this consultation now.
consultation-comment-contact = Comments are public: write no e-mail address or phone number in them.
consultation-summarised-locked = The summary is published, so the consultation can no longer change.
consultation-log-in = Log in
