## Roma mediation

nav-mediation = Families
nav-mediation-assignments = Mediators
families-title = The families I work with
families-intro = The families of your case work. Only you see them; ministries, municipalities and NGOs get aggregate figures only. The list shows families by code; names are shown when you open a family's record (every opening is logged).
families-none = You have no families yet.
families-search = Search by code
families-found = { $count ->
        [0] No family with such a code.
        [one] { $count } family found.
       *[other] { $count } families found.
    }
families-search-clear = Show all
families-last-contact = Last contact
families-next-step = Next step
families-never-contacted = none yet
family-code = Code
family-members = Family members
family-new = New family
family-new-hint = The code is generated, not made from names. Enter a name and contact details only when your work needs them; they are stored encrypted.
family-household-size = Household size (persons)
family-name = Family name or name
family-contact = Contact details
family-open = Open the family's record
family-title = Family
family-confidential = Confidential: only the family's mediator sees this record. Every view is logged.
family-confidential-supervised = Confidential: the case is seen by the family's mediator and — read-only, with a logged purpose — the supervisor. Every view is logged.
family-members-none = No family member has been added yet.
member-add = Add a family member
member-relation = Place in the family
member-birth-year = Year of birth
member-name = Name
member-school = School (children)
member-grade = Grade
member-grade-n = grade { $grade }
relation-head = Head of the family
relation-partner = Partner
relation-child = Child
relation-grandparent = Grandparent
relation-other-relative = Other relative
relation-other = Other
case-status-active = Active
case-status-dormant = Dormant
case-status-closed = Closed
mediation-number-invalid = Enter a number within the allowed range.
mediation-household-size-invalid = Enter the number of people in the family: a whole number from 1 to 30.
mediation-birth-year-invalid = Enter the year of birth with four digits, from 1900 to this year.
mediation-grade-invalid = Enter the grade: a whole number from 0 to 12.
mediation-duration-invalid = Enter the duration in minutes: a whole number from 1 to 1440 (24 hours).
mediation-hours-invalid = Enter the hours per week: a whole number from 1 to 60.
mediation-territory-missing = Choose a municipality you work in.
mediation-no-assignment = You are not yet assigned to a municipality; a coordinator does that.
mediation-mediator-missing = Choose a mediator.
access-title = Who viewed this record
access-hint = Every view or change of the family's record: who, when and for what purpose.
access-what = Action
access-purpose = Purpose
access-view = viewed
access-change = changed
access-purpose-case-work = case work
assignments-title = Roma mediators
assignments-intro = Mediators' assignments to municipalities: the period, the work plan (hours a week, reception hours and place) and the supervision. One coordinator proposes a supervisor; it takes effect once a second one approves it.
assignments-none = There is no assignment yet.
assignment-mediator = Mediator
assignment-plan = Work plan
assignment-hours-n = { $hours } hours a week
assignment-supervisor = Supervisor
assignment-new = New assignment
assignment-from = From
assignment-to = To
assignment-hours = Hours a week
assignment-reception = Reception hours and place
assignment-add = Assign
contact-add = Record a contact
contact-date = Date
contact-date-future = A contact's date cannot be in the future.
followup-date-future = The date the risk was noticed cannot be in the future.
contact-next-before = The next step's date cannot be before the contact's date.
consent-date-future = A consent's date cannot be in the future.
referral-date-future = A referral's date cannot be in the future.
contact-place = Where
contact-place-office = At the office
contact-place-home-visit = Home visit
contact-place-institution = At an institution
contact-place-phone = By phone
contact-areas = Areas
contact-area-missing = Tick at least one area.
area-education = Education
area-social-services = Social services
area-employment = Employment
area-health = Health
area-housing = Housing
area-documents = Documents
area-childrens-rights = Children's rights
area-other = Other
contact-done = What was done
contact-more = More (duration, family member, institution, outcome, next step)
contact-duration = Duration, minutes
contact-member = Family member
contact-whole-family = The whole family
contact-institution = Institution
contact-outcome = Outcome
contact-next-step = Next step
contact-next-date = Date of the next step
contact-save = Save the contact
contact-recorded = Contact recorded.
contacts-title = Contacts
contacts-none = No contact yet.
contact-minutes-n = { $minutes } min
family-sections = Parts of the case
case-work-consent-first = Before recording anything in the case, record the family's consent to case work.
case-work-consent-missing = First record the family's consent to case work.
consents-title = Consents
consents-hint = A consent for each purpose on its own: case work, sharing information with a named institution, inclusion in statistics, appearing in a success story. Withdrawal is one click and works at once.
consents-none = No consent yet.
consent-add = Record a consent
consent-save = Save the consent
consent-recorded = Consent recorded.
consent-withdrawn = Consent withdrawn.
consent-withdrawn-blocked = Consent withdrawn. The referrals that rested on it are stopped; they go on only with a recorded reason of urgent necessity, which the supervisor sees.
consent-purpose = Purpose
consent-purpose-case-work = Case work
consent-purpose-sharing = Sharing information with an institution
consent-purpose-statistics = Inclusion in statistics
consent-purpose-success-story = Success story
consent-whose = Whose consent
consent-given-by = Given by
consent-given-by-person = The person themself
consent-given-by-parent = A parent (for a child)
consent-given-by-guardian = A guardian (for a child)
mediation-consent-given-on = Date
consent-more = Institution (for sharing) and the child's view
consent-institution-kind = Kind of institution
consent-institution = Name of the institution
consent-institution-missing = For sharing, enter the institution's name.
consent-child-missing = A parent or guardian consents for a child (under 18): choose the child; an adult consents for themselves.
consent-minor-by-parent = For a family member under 18, a parent or guardian gives the consent (with the child's view).
consent-child-view = The child's own view
consent-notice-n = notice version { $version }
consent-notice-current = The consent is recorded under the current privacy notice, version { $version }.
mediation-consent-recorded-by = recorded by
mediation-consent-withdraw = Withdraw
consent-withdrawn-on = Withdrawn { $date }
child-view-agrees = Agrees
child-view-disagrees = Disagrees
child-view-too-young = Too young to give a view
child-view-not-asked = Not asked
institution-school = School
institution-social-service = Social service
institution-health-care = Health care
institution-employment-agency = State Employment Agency
institution-esf-programme = ESF-funded programme
institution-municipal-programme = Municipal programme
institution-other = Other institution
referrals-title = Referrals
referrals-none = No referral yet.
referral-add = Record a referral
referral-recorded = Referral recorded.
referral-date = Date
referral-kind = Referred to
referral-institution = Institution or programme
referral-consent = Consent to share information
referral-consent-none = None (urgent necessity)
referral-consent-missing = Choose a sharing consent in force, or enter the reason of urgent necessity.
referral-more = More (family member, note, urgent necessity)
referral-note = Note
referral-urgent-reason = Reason of urgent necessity
referral-urgent-hint = Only when acting without consent cannot wait (for instance, a child's safety). The reason is logged and shown to the supervisor.
referral-override = Reason of urgent necessity
referral-blocked = The sharing consent was withdrawn: the referral goes on only with a reason of urgent necessity (or is cancelled).
referral-new-status = New status
referral-update = Save the status
referral-status-open = Referred
referral-status-in-progress = In progress
referral-status-helped = Resolved: helped
referral-status-not-helped = Resolved: did not help
referral-status-cancelled = Cancelled
school-title = School attendance
school-hint = For school-age children: attendance and drop-out-risk follow-up per term — the risk, the action taken and the result at the end of the term.
school-none = No child is followed yet.
school-add = Follow a child this term
school-child = Child
school-year = School year (the year it starts)
school-term = Term
school-term-n = term { $term }
school-term-autumn = Term 1 (autumn)
school-term-spring = Term 2 (spring)
school-noted-on = When the risk was noted
school-risk = Drop-out risk
school-action = Action taken
school-result = Result at the end of the term
school-result-pending = Not known yet
followup-child-missing = Choose a child of the family.
followup-term-taken = This child is already followed this term.
risk-low = Low
risk-medium = Medium
risk-high = High
followup-result-stayed = Stayed in school
followup-result-dropped-out = Dropped out
followup-result-moved-away = Moved away
followup-result-unknown = Not known
case-status-title = Case status
close-reason = Reason for closing
close-reason-missing = When closing the case, choose a reason.
close-reason-goals-reached = Goals reached
close-reason-moved-away = The family moved away
close-reason-family-request = At the family's request
close-reason-no-contact = No contact possible
close-reason-other = Other reason
nav-mediation-figures = Mediation figures
figures-title = Roma mediation in figures
figures-exact-intro = Exact figures: for a mediator about their families, for the supervisor about every municipality. Only families with a statistics consent; the others are only in the "no consent" total.
figures-controlled-intro = Aggregate figures about Roma mediation, without any family's case. Only families with a statistics consent; the others are only in the "no consent" total.
figures-definitions = A family is assisted in the period when it has a contact, a referral or a school follow-up in it; persons assisted are the family members those entries name, and one person (the family's contact person) for each family with an entry that names nobody.
figures-group = Periods
figures-group-month = By month
figures-group-quarter = By quarter
figures-group-year = By year
figures-period = Period
figures-families = Families assisted
figures-persons = Persons assisted
figures-contacts = Contacts
figures-hours = Hours of contacts
figures-referrals = Referrals
figures-children-followed = Pupils followed
figures-stayed = Stayed in school
figures-stayed-share = Stayed in school, share
figures-no-consent = Families without a statistics consent
figures-by-area = Contacts by area
figures-by-status = Referrals by status
figures-by-municipality = By municipality
figures-by-period = By period
figures-by-mediator = By mediator
nav-mediation-supervision = Supervision
supervision-title = Supervision of mediation
supervision-intro = The families of the mediators you supervise (codes only), the cases of urgent necessity and unusual access to the cases. You open a case only for a purpose with a note; both are logged in the access log, and the mediator sees them.
supervised-families = Families of the mediators you supervise
supervised-none = You do not supervise any mediator yet.
overrides-title = Cases of urgent necessity
overrides-hint = Referrals that went on without a sharing consent in force. You see the reason by opening the case.
overrides-none = No such case.
unusual-title = Unusual access: { $month }
unusual-month = { $month }
unusual-hint = Views by other users, refused attempts to open someone else's case, views at night (before 7:00 or after 21:00) and many cases on one day. You also get a summary of the previous month by e-mail.
unusual-none = No unusual access this month.
unusual-what = What is unusual
unusual-who = Who
unusual-detail = Detail
unusual-other-user = Another user
unusual-refused = Refused attempt
unusual-at-night = At night
unusual-many-in-a-day = Many cases on one day
unusual-account-changed = A change to a mediator's account (role, password, second factor) or to who supervises them
supervise-title = Open the case
supervise-intro = A supervisor opens a case only for a purpose from the list, with a note. Both go into the case's access log, which the family's mediator reads (the note is stored sealed); the case opens read-only.
supervise-open = Open the case, read-only
supervise-read-only = Opened for supervision, read-only; your purpose and note are logged.
access-purpose-supervision = supervision
mail-access-summary-subject = Access summary of the mediation cases: { $month }
mail-access-summary-body = Hello { $name },
    
    Unusual access to the cases of the mediators you supervise in { $month }:
    { $lines }
    
    Details (after logging in): { $link }
retention-title = Retention of mediation cases
retention-intro = A closed case is anonymised { $years } years after it closed: names, contact details, schools, notes, institutions, reasons, birth years, genders and grades are deleted; dates, areas, statuses and consents stay, so the figures of past periods do not change. It happens automatically.
retention-done = Anonymised so far: { $count }.
retention-next = To be anonymised by { $date }
retention-none = No case is due for anonymisation in the next month.
retention-closed-on = Closed
retention-on = Anonymised on
retention-link = Retention
export-title = Data about the person
export-intro = Everything the platform holds about this person and their family's case (entries about them and about the whole family), and every access to the case: when, by whom and for which purpose. Other family members' data is not included.
export-print = PDF: print this page and choose "Save as PDF".
export-json = Download JSON
export-person = Person
export-family = Family's case
export-access = Access to the case
access-purpose-export = data subject's request
subject-rights = Data subject's rights
subject-export = All data about the person
erase-member = Erase the person
erase-member-hint = Erases the person and every entry naming them from every table. It cannot be undone; the erasure is logged without the erased content and repeated if the database is restored from an older backup.
erase-family = Erase the whole family's case
erase-family-hint = Erases the family, all its members and all entries. It cannot be undone; the erasure is logged without the erased content and repeated if the database is restored from an older backup.
erase-confirm = I confirm the person asked for it and the data need not be kept for another reason
erase-unconfirmed = Nothing was erased: tick the confirmation first.
member-erased = The person and every entry about them are erased.
family-erased = The family's case is erased.
nav-mediation-reports = Monthly report
mreport-title = Mediator's monthly report: { $month }
mreport-intro = The report comes from your case entries. Check the figures, write notes for the supervisor and submit; a submitted report no longer changes.
mreport-months = Months
mreport-submitted = submitted
mreport-submitted-at = Submitted { $at }
mreport-live = Figures from the current entries (not submitted yet). Hours over every contact; the other figures over the families with a statistics consent.
mreport-hours = Time of contacts (hours:minutes)
mreport-notes = Notes for the supervisor
mreport-notes-hint = Difficulties, support needed, plans. Do not write names; the notes are stored sealed.
mreport-submit = Submit the report
mreport-confirm-title = Submit the report for { $month }?
mreport-confirm-final = A submitted report cannot be changed: its figures and notes stay as they are now, and your supervisor sees them. If something is still to be added, go back and submit later.
mreport-confirm-button = Yes, submit the report
mreport-confirm-back = No, back to the report
mreport-no-notes = No notes.
mreport-download = Download the report
mediator-report-submitted = Report submitted to the supervisor.
supervised-reports = Mediators' monthly reports
supervised-reports-none = No report submitted yet.
referral-consent-scope = This consent does not cover this person or this kind of institution. Choose one that does, or enter the reason of urgent necessity.
case-anonymised = The case is anonymised and cannot be reopened. If the family comes back, open a new case.
assignment-end = End today
figures-report-year = Annual report for { $year }
figures-report-mediator = Roma mediator's annual report
figures-report-municipality = Roma mediation in the municipality: annual report
figures-report-all = Roma mediation: annual report
figures-report-made = Made on { $date }
figures-report-supervised = Roma mediation: annual report on the supervised families

# Supervision with four eyes (issue 17, item 5)
supervisor-title = Supervision
supervisor-intro = A supervisor can open the mediator's families' cases read-only. So one coordinator proposes a supervisor and the appointment takes effect only when a second coordinator approves it; until then the current one stays. The mediator is mailed when their supervision changes and sees it on their families page. A supervisor can be removed at once.
supervisor-current = Supervision now
supervisor-since = In effect since
supervisor-approved-by = Approved by
supervisor-none = There is no supervisor.
supervisor-none-short = no supervisor
supervisor-pending = Awaiting approval
supervisor-proposed = Proposed supervisor
supervisor-proposed-by = Proposed by
supervisor-proposed-by-cli = the command line
supervisor-own-hint = You made this proposal; another coordinator approves it. You can withdraw it.
supervisor-decide-hint = Approve only if you know why this person is to supervise the mediator: once approved, they can open the mediator's families' cases read-only.
supervisor-approve = Approve
supervisor-refuse = Refuse
supervisor-withdraw = Withdraw the proposal
supervisor-change = Change the supervision
supervisor-change-hint = The person chosen starts supervising once a second coordinator approves it. "No supervisor" removes the current one at once.
supervisor-option-none = — no supervisor —
supervisor-submit = Save
supervisor-new-hint = This is a proposal: the supervision takes effect once a second coordinator approves it.
supervisor-awaits = Awaiting approval:
supervisor-manage = Supervision
supervisor-proposed-notice = Proposal saved; the other coordinators were mailed to decide on it.
supervisor-removed-notice = Supervisor removed; the mediator was mailed.
supervisor-approved-notice = Approved: the supervision is in effect; the mediator and the supervisor were mailed.
supervisor-refused-notice = The proposal was refused or withdrawn; the current supervision stays.
supervisor-unchanged = That is already so; nothing to change.
supervisor-own-proposal = You cannot approve your own proposal: another coordinator approves it.
supervisor-proposal-changed = The proposal has changed or been decided meanwhile; check what awaits now.
supervisor-no-longer-coordinator = The person proposed is no longer an active coordinator; the proposal can only be refused.
supervisor-awaiting-n = { $count ->
    [one] One supervision proposal awaits your decision.
   *[other] { $count } supervision proposals await your decision.
}
my-supervision-title = Supervision
my-supervision-hint = A supervisor can open your families' cases read-only and only stating a purpose; every opening shows in the case's access log. Two coordinators approve a supervision.
my-supervision-no-assignment = You have no assignment today.
my-supervision-since = since { $date }
my-supervision-pending = Proposed change: { $name } (awaiting a second coordinator's approval)
supervise-purpose = Purpose
supervision-purpose-quality-review = Quality review
supervision-purpose-complaint = A complaint
supervision-purpose-safeguarding = A concern for a child's or an adult's safety
supervision-purpose-legal-request = A lawful request from a court, the police or another authority
supervision-purpose-other = Other
supervise-note = Note
supervise-note-hint = What prompted the opening, e.g. the complaint's date and gist. Do not write names. The note is stored sealed; the family's mediator reads it.
supervise-note-invalid = Write what prompted the opening: 10–500 characters, at least two words and at least five different letters.
supervise-purpose-missing = Choose a purpose.
mail-supervisor-proposed-subject = Roma Platform: a supervision proposal awaits a decision
mail-supervisor-proposed-body = Hello, { $name }!

    { $proposer } proposes a new supervision of a mediator.

    Mediator: { $mediator }
    Municipality: { $territory }
    Proposed supervisor: { $supervisor }

    A supervisor can open the mediator's families' cases read-only, so the supervision takes effect only when a second coordinator approves it. Approve or refuse it here: { $link }

    If the proposal seems unusual to you, refuse it and contact the coordination.
mail-supervisor-approved-subject = Roma Platform: your work's supervision changed
mail-supervisor-approved-body = Hello, { $name }!

    From now on your work in { $territory } is supervised by { $supervisor } (proposed by { $proposer }, approved by { $approver }).

    A supervisor can open your families' cases read-only and only stating a purpose; every opening shows in the case's access log.

    If you have questions, contact the platform's coordinators.
mail-supervisor-appointed-subject = Roma Platform: you now supervise a mediator
mail-supervisor-appointed-body = Hello, { $name }!

    You now supervise a mediator's work (proposed by { $proposer }, approved by { $approver }).

    Mediator: { $mediator }
    Municipality: { $territory }

    The supervision page: { $link }
mail-supervisor-removed-subject = Roma Platform: your work no longer has a supervisor
mail-supervisor-removed-body = Hello, { $name }!

    { $supervisor } no longer supervises your work in { $territory } and can no longer reach your families' cases.

    If you have questions, contact the platform's coordinators.

# Handing families to another mediator (issue 17, item 4)
handover-title = Hand families to another mediator
handover-intro = When a mediator stops working, or an account is to get another role, their families' cases go to another mediator. One coordinator proposes it; the families move only when a second one approves it. The families move in the municipalities where the receiving mediator is assigned today; the others stay until handed to someone who works there. Both mediators are mailed, and each family's access log keeps a row.
handover-pending = Awaiting approval
handover-none-pending = No handover awaits approval.
handover-from = Whose families
handover-to = To which mediator
handover-to-hint = Only the families in the municipalities where this mediator is assigned today move.
handover-families = Families
handover-movable = would move: { $moved }
handover-held = in all: { $held }
handover-decide-hint = On approval the families' cases go to the other mediator, who can open and add to them.
handover-new = A new handover
handover-no-holders = No mediator holds families.
handover-propose = Propose the handover
handover-from-missing = Choose a mediator who holds families.
handover-to-missing = Choose another, active mediator.
handover-no-territory = The receiving mediator is not assigned today to any municipality where these families are; assign them there first.
handover-proposed-notice = Handover proposed; the other coordinators were mailed to decide on it.
handover-approved-notice = Approved: the families were handed over; both mediators were mailed.
handover-refused-notice = The handover was refused or withdrawn; the families stay where they were.
access-purpose-handover = handed to another mediator
mail-handover-proposed-subject = Roma Platform: a handover of families awaits a decision
mail-handover-proposed-body = Hello, { $name }!

    { $proposer } proposes to hand a mediator's families' cases to another mediator.

    From: { $from }
    To: { $to }
    Families now: { $count }

    The cases move only when a second coordinator approves it. Approve or refuse it here: { $link }

    If the proposal seems unusual to you, refuse it and contact the coordination.
mail-handover-given-subject = Roma Platform: your families' cases were handed over
mail-handover-given-body = Hello, { $name }!

    Your families' cases ({ $count }) were handed to the mediator { $to }; { $approver } approved it. You can no longer reach these cases.

    If you have questions, contact the platform's coordinators.
mail-handover-received-subject = Roma Platform: families' cases were handed to you
mail-handover-received-body = Hello, { $name }!

    Families' cases ({ $count }) so far in the care of { $from } were handed to you; { $approver } approved it. You find them under "Families".

    If you have questions, contact the platform's coordinators.
supervisor-kept-notice = The current supervisor stays; the pending change was dropped.
supervisor-proposer-gone = The one who proposed it is no longer an active coordinator; the proposal can only be refused.
supervisor-proposal-expired = The proposal has waited more than 14 days; it can only be refused and, if still needed, proposed again.
supervisor-approver-made-by-proposer = Your account was created or given its role by the one who proposed this, so you cannot be the second pair of eyes; another coordinator approves it (or one whose account the platform's IT set up).
handover-account-created = Account created
mail-supervision-ended-subject = Roma Platform: you no longer supervise a mediator
mail-supervision-ended-body = Hello, { $name }!

    You no longer supervise a mediator's work; you can no longer reach this mediator's families' cases.

    Mediator: { $mediator }
    Municipality: { $territory }

    If you know nothing of this, contact the platform's coordinators.
supervisor-own-appointment = You cannot approve your own appointment as supervisor: another coordinator approves it.
handover-awaiting-n = { $count ->
    [one] One handover of families awaits your decision.
   *[other] { $count } handovers of families await your decision.
}
member-gender-female = female
member-gender-male = male
member-gender-other = another gender
referral-service = Service from the directory
referral-service-hint = Services in force in the family's municipality or in all Latvia. If the service is not in the directory, name the institution below.
figures-by-service = Referrals by service (from the directory)
figures-by-service-area = Referrals by the service's area
figures-no-service = Not from the directory
figures-other-services = Other services of the directory
