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
attendance-category = Stakeholder category
attendance-category-hint = When not chosen, it comes from the organisation's kind and the person's role.
attendance-category-derived = Decide automatically
attendance-walk-in = walk-in
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
stats-youth-definition = Youth: aged { $range }.
stats-latest-rule = A person's category, place and age are those of their latest attendance in the period.
stats-disclosure = So that nobody can be recognised, counts from 1 to 9 are shown as "<10" and others are rounded to 5; "…" hides a count from which a hidden one could be worked out.
stats-by-category = Participants by stakeholder category
stats-by-gender = Participants by gender
stats-by-age = Participants by age group
stats-by-roma = Participants by Roma self-identification
stats-not-stated = Not stated
stats-col-measure = Measure
stats-col-item = Group
stats-col-count = Count
stats-export-csv = Download CSV
stats-export-xlsx = Download XLSX
stats-date-invalid = Enter the date as YYYY-MM-DD.
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
