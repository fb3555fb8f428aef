## Policy monitoring: plans, measures, indicators

nav-plans = Plans
plans-title = Action plans
plans-intro = Plans for implementing the Roma strategic framework measures: objectives, tasks, measures, responsible institutions and indicators.
plans-none = There is no plan yet.
plan-new-title = New plan
plan-edit-title = Edit plan
plan-name = Name
plan-name-lv = Name in Latvian
plan-name-en = Name in English
plan-name-missing = Enter a name.
plan-legal-basis = Legal basis
plan-legal-basis-lv = Legal basis in Latvian
plan-legal-basis-en = Legal basis in English
plan-period = Period
plan-period-start = First year
plan-period-end = Last year
plan-period-order = The end cannot be before the start.
plan-year-invalid = Enter a year from 2000 to 2100.
plan-status-draft = Draft
plan-status-in-force = In force
plan-status-closed = Closed
plan-measures = Measures
plan-objective = EU Roma strategic framework objective
plan-objective-empty = The plan has no tasks, measures or indicators for this objective yet.
plan-task-no-measures = This task has no measures yet.
plan-measures-without-task = Measures without a task
plan-outcome-indicators = Outcome indicators
plan-task-add = Add a task
plan-task-hint = A national task under one of the EU framework's objectives, for example "1.2 Reduce early school leaving of Roma children".
plan-task-added = Task added.
plan-task-title-lv = Task in Latvian
plan-task-title-en = Task in English
plan-code = Number
plan-code-missing = Enter a number, for example 1.2.
plan-code-taken = This number is already used in this plan.
plan-title-missing = Enter the title in Latvian.
plan-change-reason = Reason for the change
plan-change-reason-hint = Why are you changing it? The reason is kept in the history with the earlier value. Needed when you change anything already saved.
plan-reason-missing = Give the reason for the change.

measure-new-title = New measure
measure-edit-title = Edit measure
measure-title = Measure
measure-title-lv = Title in Latvian
measure-title-en = Title in English
measure-task = Task
measure-task-hint = A measure under a task serves the task's objective.
measure-description = Description
measure-description-lv = Description in Latvian
measure-description-en = Description in English
measure-responsible = Responsible institution
measure-responsible-missing = Choose the responsible institution.
measure-partners = Co-responsible institutions
measure-period = Implementation period
measure-period-start = Start date
measure-period-end = End date
measure-first-planned-end = first planned end
measure-budget = Planned funding, euro
measure-budget-invalid = Enter an amount in euro, for example 12,500.00.
measure-budget-source = Source of funding
measure-outputs = Expected outputs
measure-outputs-lv = Expected outputs in Latvian
measure-outputs-en = Expected outputs in English
measure-status-not-started = Not started
measure-status-on-track = On track
measure-status-delayed = Delayed
measure-status-completed = Completed
measure-status-cancelled = Cancelled
measure-mine = Your institution's
measure-indicators = Indicators
measure-indicators-none = This measure has no indicators yet.
funding-state-budget = State budget
funding-esf-plus = EU funds: ESF+
funding-other-eu = Other EU funds
funding-municipal = Municipal budget
funding-other = Other

indicator-new-title = New indicator
indicator-edit-title = Edit indicator
indicator-name = Indicator
indicator-name-lv = Name in Latvian
indicator-name-en = Name in English
indicator-name-missing = Enter the indicator's name.
indicator-kind = Kind of indicator
indicator-kind-output = Output indicator (what a measure delivers)
indicator-kind-outcome = Outcome indicator (Roma compared with the general population)
indicator-measure = Measure
indicator-measure-hint = An output indicator belongs to a measure; an outcome indicator to an objective.
indicator-unit = Unit
indicator-unit-lv = Unit in Latvian
indicator-unit-en = Unit in English
indicator-unit-missing = Enter a unit, for example % or persons.
indicator-direction = Direction
direction-higher = Higher is better
direction-lower = Lower is better
indicator-baseline = baseline
indicator-baseline-value = Baseline value (Roma)
indicator-baseline-general = Baseline value for the general population
indicator-baseline-year = Baseline year
indicator-target = Target
indicator-target-value = Target value
indicator-target-year = Target year
indicator-target-before-baseline = The target year cannot be before the baseline year.
indicator-first-planned-target = first planned target
indicator-source = Data source
indicator-source-lv = Data source in Latvian
indicator-source-en = Data source in English
indicator-eu-target = EU 2030 target
eu-goal-gap = From the baseline: a gap of at most { $value } in 2030.
eu-goal-at-most = From the baseline: at most { $value } in 2030.
eu-goal-at-least = From the baseline: at least { $value } in 2030.
indicator-values = Values
indicator-values-none = There is no value yet.
indicator-latest = Latest value
indicator-year = Year
indicator-value = Value
indicator-roma-value = Roma
indicator-general-value = General population
indicator-gap = Gap
indicator-gap-change = Change of the gap since the baseline
indicator-gap-hint = The gap is positive when Roma are worse off than the general population; a negative change means the gap is closing.
indicator-progress = Progress toward the target
indicator-chart-summary = The indicator's values by year ({ $unit }); the same values are in the table below the chart.
indicator-chart-caption = Values by year; exact figures in the table.
indicator-value-add = Record a value
indicator-value-hint = One value a year. If the year already has one, the new value replaces it and the earlier one stays in the history.
indicator-value-invalid = Enter a number, for example 12.5.
indicator-general-missing = For an outcome indicator, enter the general population's value too.
indicator-value-note = Note
indicator-value-reason = This year already has a value; say why you are changing it.
indicator-value-saved = Value saved.

history-title = History of changes
history-none = No changes yet.
history-when = When, who
history-field = Field
history-old = Before
history-new = Now
history-reason = Reason
history-period-start = Start
history-period-end = End
history-other = Other field

## Reporting rounds and progress reports

nav-reports = Progress reports
reports-title = Progress reports
reports-intro = Your institution's reports on the plan's measures in open reporting rounds. Fill them in, save a draft, and submit by the deadline.
reports-no-organisation = Your account is not linked to an institution, so you have no reports to submit.
reports-none = There are no reports to submit at the moment.
rounds-title = Reporting rounds
round-title = Reporting round
round-title-lv = Title in Latvian
round-title-en = Title in English
round-new-title = Open a reporting round
round-new-hint = Every measure running in the period and not cancelled gets a report form — for its responsible institution and for each co-responsible one.
round-open = Open the round
round-period = Period covered
round-period-start = Start of the period
round-period-end = End of the period
round-deadline = Deadline
round-no-measures = No measure of the plan runs in this period.
round-open-status = Open
round-closed = Closed
round-closed-notice = The round is closed; its reports can no longer be changed.
round-summary = Summary
round-count-total = { $count ->
    [0] No reports
    [one] { $count } report in all
   *[other] { $count } reports in all
}
round-count-accepted = { $count ->
    [0] none accepted
    [one] { $count } accepted
   *[other] { $count } accepted
}
round-count-submitted = { $count ->
    [0] none waiting for review
    [one] { $count } waiting for review
   *[other] { $count } waiting for review
}
round-count-returned = { $count ->
    [0] none returned
    [one] { $count } returned for correction
   *[other] { $count } returned for correction
}
round-count-pending = { $count ->
    [0] all submitted
    [one] { $count } not yet submitted
   *[other] { $count } not yet submitted
}
round-count-late = { $count ->
    [0] none late
    [one] { $count } late
   *[other] { $count } late
}
round-remind = Send reminders
round-remind-hint = A reminder goes to every user of the institutions whose reports are not yet submitted or were returned for correction.
round-reminded = { $count ->
    [0] There is nobody to remind.
    [one] { $count } reminder sent.
   *[other] { $count } reminders sent.
}
round-close = Close the round
round-reports = Reports
report-title = Progress report
report-organisation = Institution
report-role-responsible = responsible institution
report-role-partner = co-responsible institution
report-status-pending = Not submitted
report-status-submitted = Submitted, waiting for review
report-status-returned = Returned for correction
report-status-accepted = Accepted
report-late = late
report-submitted-late = submitted after the deadline
report-submitted-at = Submitted
report-measure-page = The measure's page
report-returned-heading = The report was returned for correction
report-measure-status = Status of the measure
report-choose = Choose
report-status-missing = Give the measure's status.
report-done = What was done
report-done-missing = Describe what was done.
report-values = Indicator values in { $year }
report-spent = Money spent, euro
report-reached = People reached
report-reached-roma = Roma
report-reached-women = of them women
report-reached-youth = of them young people
report-count-invalid = Enter a whole number, 0 or more.
report-part-over-roma = Cannot be more than the Roma reached in all.
report-places = Municipalities covered
report-evidence = Evidence (links)
report-evidence-hint = One link a line, for example https://… to a publication, a report or photos.
report-evidence-invalid = Each line must be one link starting with https:// (at most 20).
report-resubmit-comment = What you corrected
report-submit = Submit
report-save-draft = Save a draft
report-locked = This report can no longer be changed: it is submitted or accepted, or the round is closed.
report-content = The report
report-review = Review
report-decision = Decision
report-accept = Accept — the report becomes the measure's progress record
report-return = Return for correction with a comment
report-review-comment = Comment to the submitter (needed when you return the report)
report-review-save = Save the decision
report-comment-missing = When returning a report, write what needs correcting.
report-not-reviewable = Only a submitted report in an open round can be reviewed; a returned report must be submitted again first.
report-steps = The report's course
report-steps-none = The report has not been submitted yet.
report-step-submitted = submitted
report-step-returned = returned for correction
report-step-accepted = accepted
report-submitted-notice = Report submitted.
report-accepted-notice = Report accepted.
report-returned-notice = Report returned for correction.
report-accepted-at = Accepted
measure-progress = Progress records
measure-progress-none = No progress report has been accepted yet.
mail-round-reminder-subject = Reminder: progress report due by { $deadline }
mail-round-reminder-body = Hello { $name },

    In the reporting round "{ $round }" your institution still has to submit reports on these measures:
    { $measures }

    Deadline: { $deadline }.
    You can fill in the reports here: { $link }

    Latvian Roma Platform

## The public accountability view

policy-title = Implementing the Roma integration policy
policy-intro = What state and municipal institutions do under the Roma integration plan: the measures by objective, their status and progress, and the indicators that show whether the gaps between Roma and the general population are closing.
policy-measure-count = { $count ->
    [0] no measures
    [one] { $count } measure
   *[other] { $count } measures
}
policy-accepted-only = Only progress reports the coordinator has accepted are shown here.
policy-last-report = Last accepted report
policy-no-report = none yet

## Links between events, actions and measures

linked-measures = The plan's measures it serves
measure-serving = What serves this measure
measure-serving-none = No meeting or follow-up action is linked to this measure yet.
measure-serving-later = Meetings and follow-up actions are linked from their own forms; good practices and mediation figures will be added when those parts exist.

## Import and export

plan-import-title = Import measures
plan-import-intro = Add measures to the plan from a spreadsheet (CSV or XLSX) made from the template: one row, one measure. Tasks the plan does not have yet are created. Responsible and co-responsible institutions must be in the directory (names are compared ignoring diacritics and case); separate several co-responsible ones with semicolons. You see a preview first; everything is saved or nothing.
plan-import-template = Download the template (CSV)
plan-import-usable = { $count ->
    [0] No row can be added.
    [one] { $count } measure will be added.
   *[other] { $count } measures will be added.
}
plan-import-add = Will be added
plan-import-reject = Will not be added
plan-import-columns = The file needs at least the columns "Pasākuma nr." and "Pasākums" (or "Code" and "Title").
plan-import-objective = neither an objective nor a task is given
plan-import-organisation = the institution is not in the directory
plan-import-source = unknown source of funding
plan-import-status = unknown status
plan-import-changed = Something changed since the preview (a number was taken, say), so nothing was saved. Upload the file again.
plan-imported = Measures imported.
plan-export = Download the plan's measures (XLSX, in the template's columns)
round-export = Download all the round's reports (XLSX)
report-role = Role
indicator-gap-chart-summary = The gap between Roma and the general population by year ({ $unit }); positive means Roma are worse off; the same figures are in the table.
indicator-gap-chart-caption = The gap by year: the shorter the bar, the smaller the gap; exact figures in the table.

## Evidence files of progress reports

report-files = Evidence files
report-files-none = No file is attached.
report-file-title = Name of the file
report-file = File
report-file-hint = PDF, DOCX, XLSX, ODT, JPEG or PNG. The type is told from the content; images lose their metadata. Only your institution and the coordinators see the files.
report-file-add = Add the file
report-file-remove = Remove
report-too-many-files = A report can have at most 20 files.
report-file-added = File added.
report-file-removed = File removed.
report-changed = The report has changed since you opened it; read it again, then decide.
round-plan-closed = The plan is closed; no new reporting round can be opened.
round-overlap = An open round of this plan already covers part of this period; close it first or choose another period.
