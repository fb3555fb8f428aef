# Administration: users and the audit log.

users-title = Users
user-new = Add a user
user-new-title = New user
user-edit-title = User account
user-create = Create account
users-back = Back to the list of users
user-created = Account created.
user-created-link-mailed = Account created. The set-password link was mailed to the user: a coordinator's or mediator's link is never shown here.
user-saved = Changes saved.
password-link-once = Send this one-time link to the user: it sets a password within 24 hours. It is shown only now.
password-link-create = Create a new set-password link
organisation-none = (none)
field-disabled = Account disabled (the user cannot log in; all sessions end)
user-name-invalid = Enter a name (1–200 characters).
user-role-invalid = Choose a role.
user-organisation-invalid = Choose an organisation from the list.
user-dpo-organisation = The data protection officer acts for no organisation: leave the organisation empty.
user-email-invalid = Enter a valid e-mail address, like name@institution.lv.
user-email-taken = An account with this e-mail address already exists.
user-cannot-disable-self = You cannot disable your own account: another coordinator can.
user-cannot-rerole-self = You cannot change your own role: another coordinator can.
audit-title = Audit log
audit-action = Action
audit-any = (any)
audit-actor = Who
audit-from = From date
audit-until = Until date
audit-range-reversed = The "until" date is before the "from" date, so nothing was filtered by date. Swap them.
audit-none = No entries match.
audit-when = When
audit-record = Record
audit-address = Address
audit-detail = Detail
audit-login = Login
audit-login-failed = Failed login
audit-lockout = Login locked
audit-logout = Logout
audit-password-changed = Password changed
audit-password-change-failed = Wrong current password when changing the password
audit-password-set = Password set by link
audit-password-link-created = Set-password link created
audit-storage-limit-applied = Storage limit applied
audit-notice-settings-changed = E-mail notice settings changed
audit-user-created = User created
audit-user-updated = User changed
audit-user-disabled = User disabled
audit-user-enabled = User enabled again
audit-token-created = API token created
audit-token-revoked = API token revoked
audit-organisation-created = Organisation created
audit-other = Other action
audit-action-created = Follow-up action created
audit-action-progress = Follow-up action progress recorded
audit-agenda-item-added = Agenda item added
audit-agenda-item-moved = Agenda item moved
audit-agenda-item-removed = Agenda item removed
audit-agenda-item-updated = Agenda item changed
audit-attendance-answers-erased = Attendee's statistical answers erased
audit-attendance-category-set = Attendee's category changed
audit-attendance-recorded = Attendance recorded
audit-attendance-removed = Attendance record removed
audit-document-added = Event document added
audit-document-removed = Event document removed
audit-feedback-requested = Feedback requested from participants
audit-invitation-declined = Invitation declined
audit-invitations-sent = Invitations sent
audit-minutes-published = Minutes published
audit-minutes-saved = Minutes saved
audit-minutes-withdrawn = Minutes withdrawn
audit-case-anonymised = Family's case anonymised after its retention period
audit-case-status-changed = Case status changed
audit-consent-recorded = Consent recorded
audit-consent-withdrawn = Consent withdrawn
audit-contact-recorded = Contact with a family recorded
audit-family-access-denied = Access to a family's case refused
audit-family-erased = Family's data erased
audit-family-member-added = Family member added
audit-family-member-erased = Family member's data erased
audit-family-opened = Family's case opened
audit-family-supervised = Family's case read in supervision
audit-mediation-access-summary-queued = Monthly access summaries queued for mediators
audit-mediation-assigned = Mediator assigned to a municipality
audit-mediation-assignment-ended = Mediator's assignment ended
audit-mediation-key-rotated = Mediation records' key changed
audit-referral-recorded = Referral recorded
audit-referral-updated = Referral updated
audit-referral-urgent-override = Urgent referral without consent recorded
audit-school-followup-result = School follow-up result recorded
audit-school-followup-started = School follow-up started
audit-indicator-created = Indicator created
audit-indicator-updated = Indicator changed
audit-indicator-value-set = Indicator value recorded
audit-measure-created = Measure created
audit-measure-updated = Measure changed
audit-plan-created = Plan created
audit-plan-imported = Plan imported from a table
audit-plan-task-added = Task added to a plan
audit-plan-updated = Plan changed
audit-report-accepted = Progress report accepted
audit-report-file-added = File added to a progress report
audit-report-file-removed = File removed from a progress report
audit-report-returned = Progress report returned for changes
audit-report-saved = Progress report saved
audit-report-submitted = Progress report submitted
audit-round-closed = Reporting round closed
audit-round-opened = Reporting round opened
audit-round-reminded = Reporting round reminder sent
audit-news-published = News item published
audit-news-saved = News item saved
audit-practice-file-added = File added to a good practice
audit-practice-file-removed = File removed from a good practice
audit-practice-published = Good practice published
audit-practice-returned = Good practice returned for changes
audit-practice-saved = Good practice saved
audit-practice-submitted = Good practice submitted for review
audit-site-page-saved = Site page saved
audit-story-back-to-draft = Success story back to draft
audit-story-consent-recorded = Story's consent recorded
audit-story-consent-withdrawn = Story's consent withdrawn
audit-story-deleted = Success story deleted
audit-story-media-added = Media coverage added to a story
audit-story-media-removed = Media coverage removed from a story
audit-story-photo-removed = Story's photo removed
audit-story-photo-set = Story's photo added
audit-story-published = Success story published
audit-story-saved = Success story saved
audit-story-to-review = Success story sent for review

nav-outbox = Outbox
outbox-title = Outbox
outbox-intro = Every e-mail the platform sends. If no mail server is set up, nothing is sent, but the messages can be read here and handed to the addressee another way.
outbox-no-smtp = No mail server (SMTP) is set up: messages are not sent.
outbox-none = No messages.
outbox-created = Created
outbox-to = To
outbox-subject = Subject
outbox-status = Status
outbox-sent = Sent { $date }
outbox-failed = Failed: { $error }
outbox-waiting = Waiting ({ $attempts } attempts)
mail-password-link-subject = Roma Platform: set your password
mail-password-link-body = Hello { $name },

    An account has been created for you on the Roma Platform. To set your password, open this link (valid for { $hours } hours, usable once):

    { $link }

    If you did not expect this message, please do not open the link and contact the platform's coordinator.
user-link-mailed-only = The set-password link was e-mailed to the user. The link of an account already in use is not shown here: it would let someone sign in as its owner (as a mediator, and open the families' records).
audit-registrations-exported = Registrations exported
audit-registration-created = Event registration received
audit-registration-confirmed = Event registration confirmed
audit-registration-cancelled = Event registration cancelled
audit-registration-released = Place of an unconfirmed registration released
audit-registration-promoted = Place given from the waiting list
audit-password-reset-requested = Password reset requested
audit-attendance-exported = Attendance list exported
audit-users-exported = User list exported
audit-stories-exported = Story list exported
audit-assignments-exported = Mediators' assignments exported
audit-audit-exported = Audit log exported
audit-report-narratives-saved = Report texts saved
audit-report-issued = Report issued
audit-report-withdrawn = Report taken off the site
audit-mediator-report-submitted = Mediator's monthly report submitted
audit-mediator-report-downloaded = Mediator's monthly report downloaded
user-role-holds-families = This account holds mediation families. Its role can change only once the families are handed to another mediator (two coordinators approve it); until then the account can be disabled.
user-role-holds-assignment = This mediator has a current assignment; end it first (Roma mediators → "End today"), then change the role.
mail-account-role-changed-subject = Roma Platform: your account's role changed
mail-account-role-changed-body = Hello, { $name }!

    The coordination changed your account's role on the Roma Platform. You have been signed out everywhere; sign in again to see what you can now reach.

    If you know nothing of this change, contact the platform's coordinators at once.
mail-account-password-set-subject = Roma Platform: your account's password was set
mail-account-password-set-body = Hello, { $name }!

    Your account's password on the Roma Platform was just set with a one-time link. Every earlier session has ended.

    If this was not you, contact the platform's coordinators at once.
user-mfa-reset = Reset two-step sign-in
user-mfa-reset-hint = When the user's phone is lost: the second step is removed, all of the user's sessions end, and the user gets an e-mail. They can then turn it on again.
user-mfa-reset-done = Two-step sign-in was reset; the user was e-mailed.
audit-mfa-enrolled = Two-step sign-in turned on
audit-mfa-reset = Two-step sign-in reset
audit-mfa-failed = Wrong second-step code
mail-account-mfa-reset-subject = Roma Platform: two-step sign-in was reset
mail-account-mfa-reset-body = Hello, { $name }!

    The coordination reset two-step sign-in of your account on the Roma Platform. All of your sessions have ended. After signing in with your password, turn it on again on the account page.

    If nobody on your side asked for this, contact the platform's coordinators at once.
user-mfa-none = Two-step sign-in is not on for this account; nothing was changed.
audit-mfa-recovery-used = Recovery code used
audit-mfa-locked = Second step locked after wrong codes
audit-mfa-disabled = Two-step sign-in turned off
audit-supervisor-proposed = Mediator's supervisor proposed
audit-supervisor-approved = Mediator's supervisor approved
audit-supervisor-refused = Supervisor proposal refused
audit-supervisor-withdrawn = Supervisor proposal withdrawn
audit-supervisor-removed = Mediator's supervisor removed
audit-passkey-added = Passkey added
audit-passkey-removed = Passkey removed
audit-handover-proposed = Handing a mediator's families over proposed
audit-handover-approved = A mediator's families handed to another mediator
audit-handover-refused = Handover of families refused
audit-handover-withdrawn = Handover of families withdrawn
audit-family-handed-over = Family handed to another mediator
audit-mfa-recovery-renewed = New recovery codes made
audit-sessions-ended = Other sessions ended
audit-reauthenticated = Password given again
mail-account-mfa-enrolled-subject = Roma Platform: two-step sign-in turned on
mail-account-mfa-enrolled-body = Hello, { $name }!

    Two-step sign-in was just turned on for your account on the Roma Platform. Every other session has ended. API tokens made before keep working; they can be revoked on the account page.

    If you did not turn it on, contact the platform's coordinators at once.
mail-account-mfa-locked-subject = Roma Platform: someone is trying to sign in to your account
mail-account-mfa-locked-body = Hello, { $name }!

    The right password was typed for your account on the Roma Platform, followed by many wrong codes in a row, so signing in with a code is locked. If this was not you, someone has your password: set a new one with "Forgot your password?" on the sign-in page and one of your recovery codes (or ask a coordinator to reset your second step), and tell the platform's coordinators.
mail-account-mfa-disabled-subject = Roma Platform: two-step sign-in turned off
mail-account-mfa-disabled-body = Hello, { $name }!

    Two-step sign-in was just turned off for your account on the Roma Platform; the password alone now signs in. Every other session has ended.

    If you did not turn it off, contact the platform's coordinators at once.
outbox-last-error = Last attempt: { $error }
mail-platform = Roma Platform
mail-footer = Roma Platform: { $site }
    Questions to the platform's coordinators: { $contact }
mail-unsubscribe = Stop mail of this kind

# The audit log in words (issue 19)
audit-number = No. { $id }
audit-actor-cli = The platform (a command on the server)
audit-actor-demo = Demo data
audit-actor-invitee = The invitee (through their personal link)
audit-actor-public-form = A member of the public (the public form)
audit-actor-registrant = The registrant (through their personal link)
audit-actor-retention = The retention job
audit-actor-scheduler = Scheduled jobs
audit-area-accounts = Accounts and signing in
audit-area-directory = Directory
audit-area-events = Events
audit-area-plans = Plan and progress reports
audit-area-mediation = Mediation
audit-area-site = Public site
audit-area-reports = Reports
audit-area-privacy = Privacy
audit-area-other = Other actions
audit-entity-action = Follow-up action
audit-entity-api-token = API token
audit-entity-audit-log = Audit entry
audit-entity-subject-request = Data subject's request
audit-entity-breach = Personal-data breach
audit-entity-event = Event
audit-entity-family = Family
audit-entity-import = Import
audit-entity-indicator = Indicator
audit-entity-issued-report = Issued report
audit-entity-measure = Measure
audit-entity-mediator-report = Mediator's monthly report
audit-entity-news = News item
audit-entity-organisation = Organisation
audit-entity-person = Person
audit-entity-plan = Plan
audit-entity-practice = Good practice
audit-entity-report = Progress report
audit-entity-round = Reporting round
audit-entity-story = Success story
audit-entity-territory = Territory
audit-entity-user = User
audit-key-basis = Basis
audit-key-measure = Measure
audit-key-practice = Good practice
audit-key-action = Follow-up action
audit-key-already = Already under the new key
audit-key-assignment = Assignment
audit-key-attendance = Attendance record
audit-key-blocked-referrals = Referrals blocked
audit-key-consent = Consent
audit-key-contacts = Contacts
audit-key-count = Count
audit-key-created = Created
audit-key-digest = Delivery
audit-key-rule = Rule
audit-key-kind = Kind
audit-key-people = People
audit-key-risk = Risk
audit-key-fields = Fields changed
audit-key-removed = Records removed
audit-key-off = Notices turned off
audit-notices-none-off = none
audit-notices-weekly = weekly digest
audit-notices-each = each on its own
audit-key-document = Document
audit-key-file = File
audit-key-filters = Filters
audit-key-format = Format
audit-key-from = From
audit-key-handover = Handover
audit-key-invitation = Invitation
audit-key-invited = Invited
audit-key-item = Agenda item
audit-key-key = Key
audit-key-mails = Mails
audit-key-measures = Measures
audit-key-membership = Membership
audit-key-month = Month
audit-key-moved = Families moved
audit-key-organisation = Organisation
audit-key-organisations = New organisations
audit-key-page = Page
audit-key-parents = New parent organisations
audit-key-person = Person
audit-key-plan = Plan
audit-key-proposed-by = Proposed by
audit-key-referral = Referral
audit-key-registration = Registration
audit-key-reports = Reports
audit-key-resealed = Records resealed
audit-key-role = Role
audit-key-rows = Rows
audit-key-sent = Sent
audit-key-skipped = Skipped
audit-key-status = Status
audit-key-supervisor = Supervisor
audit-key-task = Task
audit-key-territory = Territory
audit-key-to = To
audit-key-updated = Updated
audit-key-user = User
audit-key-year = Year
audit-word-anonymised = anonymised
audit-word-consent = with consent
audit-word-api = through the API
audit-word-by-hand = registered by a coordinator
audit-word-confirmed = place confirmed
audit-word-coordinator = released by a coordinator
audit-word-down = down
audit-word-email = e-mail
audit-word-import = from an import
audit-word-invitation = from an invitation
audit-word-name = name
audit-word-organisation = organisation
audit-word-phone = phone
audit-word-registrant = withdrawn by the registrant
audit-word-registration = from a registration
audit-word-replaced = replaced
audit-word-unconfirmed = waiting for the e-mail confirmation
audit-word-up = up
audit-word-waiting = on the waiting list
audit-word-walk-in = walked in
audit-word-website = website

# Storage limits (issue 20)
storage-limits-title = Storage limits
storage-limits-intro = How long the platform keeps personal data outside mediation, and what the scheduled jobs will remove in the next 30 days. The rules are in the records of processing too; each run is recorded in the audit log.
storage-limits-mediation = Mediation cases' retention
storage-limits-done = What was removed
storage-limits-rule = Rule
storage-limits-period = Period
storage-limits-what = What happens
storage-limits-next-month = Records removed in the next 30 days
storage-limits-years = { $years ->
        [one] { $years } year
       *[other] { $years } years
    } ({ $days } days)
storage-limits-days = { $days } { $days ->
        [one] day
       *[other] days
    }
storage-limits-from = from { $from }
storage-limits-settings = The periods can be changed in the configuration (the [retention.days] section, each rule within its bounds); see the operations guide.

# The register of personal-data breaches (issue 20).
breaches-title = Register of personal-data breaches
breaches-intro = Record every personal-data breach as soon as it is discovered, even one that seems small. A breach that may result in a risk to people is notified to Datu valsts inspekcija (the Data State Inspectorate) within 72 hours of discovery; when the risk is high, the people concerned are also told without undue delay. The register and each change of it are kept in the audit log.
breaches-none = No breach is recorded.
breach-new = Record a breach
breach-number = No.
breach-number-of = No. { $number }
breach-title = Short description
breach-discovered = Discovered
breach-discovered-date = Date discovered
breach-discovered-time = Time discovered
breach-occurred-on = When it happened (if known)
breach-what-section = What happened
breach-what-happened = What happened and how it was found
breach-categories = Categories of data concerned
breach-people-count = About how many people
breach-consequences = Likely consequences for the people
breach-measures = Measures taken and planned
breach-risk = Risk to the people
breach-risk-unlikely = Unlikely (not notified to the authority, with the reason)
breach-risk-risk = May result in a risk (notify the authority within 72 hours)
breach-risk-high = High risk (notify the authority and tell the people)
breach-authority-section = Notification to Datu valsts inspekcija
breach-authority-hint = The deadline is 72 hours from discovery. A later notification says why it is late; no notification says why not.
breach-authority = Notifying the authority
breach-notified-date = Date notified
breach-notified-time = Time notified
breach-authority-reference = Notification number or reference
breach-not-notified-reason = Why the authority was not notified
breach-delay-reason = Why it was notified after 72 hours
breach-people-section = Telling the people, and closing
breach-people-hint = When the risk is high, the people concerned are told in plain language: what happened, the likely consequences, what is being done and whom to contact.
breach-people-told-on = When the people were told
breach-people-not-told-reason = Why the people were not told
breach-closed-on = Date closed
breach-open = Open
breach-deadline = Deadline for notifying the authority
breach-recorded-by = Recorded by
breach-reasons = Reason (for no notification or a late one)
breach-form-hint = Do not write the names of the people concerned — describe what happened and the kinds of data; the register is for accountability.
breach-notified-on = Notified: { $date }
breach-notified-late = Notified after the deadline: { $date }
breach-late = Notified after the deadline
breach-recorded = Breach recorded.
breach-people-pending = High risk: the people are to be told
breach-time-missing = Write the time.
breach-notified-future = The time of notification cannot be in the future.
breach-notified-before = The time of notification cannot be before the discovery.
breach-not-notified-reason-missing = Risk unlikely: say why the authority is not notified.
breach-discovered-fixed = The authority was notified or the breach closed: the time of discovery can no longer change.
breach-not-required = Not to be notified (risk unlikely)
breach-not-notified = Not notified (reason on record)
breach-overdue = Overdue: the deadline was { $date }
breach-due-by = To notify; deadline: { $date }
breach-hours-left = { $hours ->
    [one] ({ $hours } hour left)
   *[other] ({ $hours } hours left)
}
breach-title-missing = Write a short description.
breach-future = The time of discovery cannot be in the future.
breach-discovered-missing = Say when the breach was discovered.
breach-occurred-after = A breach cannot have happened after it was discovered.
breach-what-missing = Describe what happened.
breach-categories-missing = Choose at least one category of data concerned.
breach-people-invalid = Write a number (0 or more), or leave it empty while it is not known.
breach-consequences-missing = Describe the likely consequences for the people.
breach-measures-missing = Describe the measures taken or planned.
breach-risk-missing = Choose how great the risk to the people is.
breach-delay-reason-missing = Notified after 72 hours: say why it was late.
breach-date-out-of-range = The date cannot be before the discovery or in the future.
breach-close-authority = Before closing, give the time of notification or why the authority was not notified.
breach-close-notify = The breach may result in a risk: before closing, give the time the authority was notified.
breach-close-people = A high risk: before closing, say when the people were told, or why not.
notice-kind-breach-deadline = Deadline for notifying a personal-data breach
attention-breaches = Personal-data breaches to notify to the authority
audit-breach-recorded = Personal-data breach recorded
audit-breach-updated = Personal-data breach record changed
audit-breaches-exported = Register of personal-data breaches exported
audit-person-data-exported = A person's data made for their request

## Data subjects' requests (GDPR articles 12 and 15–21)
requests-title = Data subjects' requests
requests-intro = Record every request a person makes about their own data on the day it comes — spoken or by e-mail too. The answer is due within one month; for a complex request or many of them the time may be extended by two more months, telling the person within the month and why. The register and each change of it are kept in the audit log.
requests-none = No request is recorded.
request-new = Record a request
request-number = No.
request-number-of = Request No. { $number }
request-kind = What the person asks for
request-kind-access = Access to their data (article 15)
request-kind-rectification = Rectification (article 16)
request-kind-erasure = Erasure (article 17)
request-kind-restriction = Restriction of processing (article 18)
request-kind-portability = Their data in a machine-readable form (article 20)
request-kind-objection = Objection to processing (article 21)
request-requester-name = Requester (name)
request-requester-email = Requester's e-mail
request-reply-to = Where to answer (if not by e-mail)
request-received-on = Received
request-details = What is asked
request-identity-checked = How the requester's identity was checked
request-answer-section = Answer
request-answer-hint = If the time is extended, give the reason — the answer is then due three months after receipt. When closing the request, say what was done; for a refusal, the reason and that the person may complain to the Data State Inspectorate.
request-extension-reason = Reason for extending the time
request-outcome = Outcome
request-outcome-open = Not answered yet
request-outcome-answered = Done
request-outcome-refused = Refused
request-closed-on = Date answered
request-response = What was done, or the reason for refusal
request-due = Answer due
request-standing = Status
request-late = Answered after the deadline
request-person = In the registry
request-person-hint = On the person's page you can make everything held about them, correct it, restrict processing or erase the person.
request-no-person-hint = The request is not linked to a person in the registry. If the person is in the registry, record the request from their page; if they are known only by an e-mail address (registrations, attendance), write it in.
request-recorded-by = Recorded by
request-recorded = Request recorded.
request-anonymised = (data removed after the storage period)
request-due-by = Answer due: { $date }
request-overdue = Overdue: the deadline was { $date }
request-closed-on-day = ({ $date })
request-closed-late = ({ $date }, after the deadline)
request-extended = Time extended, because
request-extension-late = The time can be extended only within the first month, telling the person; that month has passed.
request-days-left = { $days ->
    [one] ({ $days } day left)
   *[other] ({ $days } days left)
}
request-kind-missing = Choose what the person asks for.
request-requester-missing = Write the requester's name.
request-email-invalid = Write a valid e-mail address, for example name@agency.lv, or leave it empty.
request-future = The date received cannot be in the future.
request-details-missing = Describe what the person asks for.
request-outcome-missing = Choose the outcome.
request-date-out-of-range = The date cannot be before the request was received or in the future.
request-closed-missing = Give the date answered.
request-response-missing = Describe what was done.
request-refusal-missing = Give the reason for refusal and that the person may complain to the Data State Inspectorate.
request-identity-missing = Before answering, say how the requester's identity was checked.
attention-requests = Data subjects' requests to answer
audit-subject-request-recorded = Data subject's request recorded
audit-subject-request-updated = Data subject's request record changed
audit-subject-requests-exported = Register of data subjects' requests exported
audit-person-restricted = A person's processing restricted
audit-person-restriction-lifted = A person's restriction of processing lifted
audit-person-erased = A person erased on request

## The data protection officer's overview
privacy-overview-title = Data protection overview
privacy-overview-intro = For the data protection officer: the open requests and breaches, and a month's access log, exports, consents and their withdrawals, erasures and restrictions. No case's content and no sealed value is shown here. A summary of the previous month is mailed at the start of every month.
privacy-processing-link = Records of processing
privacy-open-requests = Open data subjects' requests
privacy-open-breaches = Breaches to notify or to tell the people of
privacy-none = None.
privacy-month-title = Month { $month }
privacy-readers-title = Who read personal data
privacy-readers-hint = How often each user opened a Roma self-identification, the contacts of a person outside their organisation, or exported a list with personal data. Marked: more than 20 Roma self-identification readings or more than 10 exports in the month.
privacy-unusual = (unusually many)
privacy-records-title = Access log records
privacy-exports-title = Exports with personal data
privacy-withdrawals-title = Consents withdrawn
privacy-given-title = Consents given
privacy-shown-of = The latest { $shown } of { $total } are shown; the rest are in the audit log and its export.
privacy-readonly = You can read this record but not change it.
privacy-removed = { $count ->
    [one] ({ $count } record removed)
   *[other] ({ $count } records removed)
}
audit-actor-erasure-list = The erased list (after a restore)
privacy-erasures-title = Erasure, anonymisation and restriction
privacy-action = Action
privacy-about = About
privacy-rows = { $rows ->
    [one] ({ $rows } row)
   *[other] ({ $rows } rows)
}
privacy-number = No. { $number }
privacy-entity-other = Record
privacy-record-legend = Record
audit-privacy-summary-queued = Monthly data protection summary mailed
mail-privacy-summary-subject = Data protection summary: { $month }
mail-privacy-summary-body = Hello { $name },
    
    The Latvian Roma Platform's data protection summary for { $month }:
    - Roma self-identification readings: { $roma }
    - Readings of contacts outside the reader's organisation: { $contacts }
    - Exports: { $exports }
    - Users with unusually many readings or exports: { $unusual }
    - People and families erased: { $erasures }
    - Processing restricted: { $restrictions }
    - Consents and withdrawals: { $consents }
    - Data subjects' requests overdue (today): { $overdue }
    - Breaches to notify or to tell the people of (today): { $breaches }
    
    More (after signing in): { $link }
request-address-title = Someone known only by an e-mail address
request-address-hint = No person in the registry has the address { $address }: it may be in registrations, invitations and attendance records. Make sure the address is the requester's (a reply from it, for example).
request-address-data = Everything held under this address (for the request)
request-address-erase-title = Erase by address
request-address-erase-hint = Registrations and invitations with this address stay without name and address, attendance records are anonymised keeping the statistical categories, and mail to the address leaves the outbox. A hash of the address (not the address) goes into the erased list, so the data is erased again after an older backup is restored. Erasure cannot be undone.
request-address-erase-button = Erase by address
address-erased = The data held under the address was erased.
address-erase-unconfirmed = Tick the box to confirm: erasure cannot be undone.
address-in-registry = A person in the registry has this address: erase the person on their page.
audit-address-erased = Data erased by e-mail address (on request)

# Notices and consents, their versions (privacy/notices)
consent-text-privacy = Privacy notice
consent-text-registration = Notice on registering for an event
consent-text-statistics = Consent to keep statistics answers
consent-text-roma-identity = Consent to record Roma self-identification
consent-text-listing = Consent to a public directory listing
consent-text-mediation = Mediation privacy notice
consent-text-questions = Consents when asking a question on the public form
consent-text-change-needs = Needs and questions sent through the public form added.
consent-text-first = The first version on the platform.
consent-texts-title = Notices and consents
consent-texts-intro = Every notice and consent text has versions; a consent is recorded with the version it was given under. A material change changes what is processed, why, for how long or for whom: after it, consents given under an earlier version are to be renewed. A change of wording does not affect consents.
consent-texts-current = current version { $version }
consent-texts-versions = Versions
consent-texts-version = Version
consent-texts-from = In effect from
consent-texts-kind-of-change = Change
consent-texts-material = material
consent-texts-wording = wording
consent-texts-change = What changed
consent-texts-text = The current text
consent-texts-renew-title = Consents to renew
consent-texts-no-consents = This notice informs; no consent rests on it.
consent-texts-renew-nothing = No material change since the first version: no consent is to be renewed.
consent-texts-renew-none = No consent in force rests on a version before the last material change.
consent-texts-renew-count = { $count ->
    [one] { $count } consent in force rests on a version before the last material change.
   *[other] { $count } consents in force rest on a version before the last material change.
}
consent-texts-renew-mediation = Mediators see them in their families' cases and ask for consent again.
consent-texts-renew-names-hidden = The names are shown to those who keep the records concerned (the directory or events).
consent-texts-whose = Whose
consent-texts-given-on = Given on
privacy-version = Version { $version } (in effect from { $from }).
consent-renew = to renew: the notice has changed materially since
privacy-history = Versions of this notice
consent-texts-initial = initial
consent-texts-public = The current text — the public privacy notice
attention-breaches-watch = Personal-data breaches still to be notified (to follow)
attention-requests-watch = Data subjects' requests still to be answered (to follow)
attention-watch-only = Nothing waits for you to act; to follow:
restricted-no-new-consent = While processing is restricted, the person is not listed in the directory and no new consent is recorded.

# Needs and questions (dialogue): audit words
audit-area-dialogue = Needs and questions
audit-entity-need = Need or question
audit-entity-service = Service
audit-need-raised = A need or question raised
audit-need-assigned = A need given to an institution
audit-need-answered = An institution answered a need
audit-need-closed = A need closed without an answer
audit-need-merged = A need merged into another
audit-need-published = A question and its answer published
audit-need-withdrawn = A question taken off the public page
audit-need-linked = A need linked to an action, a measure or a practice
audit-service-saved = A service of the directory saved
audit-service-withdrawn = A service taken off the public directory
audit-service-restored = A service put back on the public directory
audit-service-reminded = Reminded of a service's end day
audit-consultation-saved = A consultation saved
audit-consultation-published = A consultation published
audit-consultation-commented = A comment added to a consultation
audit-consultation-comment-hidden = A consultation comment hidden
audit-consultation-comment-answered = A consultation comment answered
audit-consultation-summarised = A consultation's summary published
audit-entity-consultation = Consultation
audit-key-comment = Comment
audit-key-due = answer due
audit-key-into = merged into
audit-key-source = received through
audit-word-public = the public form
audit-word-workspace = the workspace

## The system page (issue 22): what the IT department watches, in words.
nav-system = System status
system-title = System status
system-intro = How the platform is doing: backups, background work, mail waiting and the program's version. The IT department's technical figures are at /metrics; the operations guide says how to watch them.
system-backups = Backups
system-backup-off = Scheduled backups are not set up (the configuration's [backup] section, setting dir). Ask the IT department to set them up: without them the data cannot be restored after a disk failure.
system-backup-late = The last successful backup is older than { $hours } hours, or there is none. Ask the IT department to check the nightly backup.
system-backup-last-success = Last successful backup
system-backup-none = none yet
system-backup-last-failure = The last backup failed
system-backup-folder = Folder
system-backup-kept = Kept
system-backup-keep = the newest backup of each of the last { $days } days and of each of the last { $weeks } weeks
system-backup-files = { $count ->
        [one] { $count } uploaded file
       *[other] { $count } uploaded files
    }
system-megabytes = { $mb } MB
system-work = Background work
system-worker = Work
system-worker-every = How often
system-worker-last-success = Last succeeded
system-worker-last-failure = Last failed
system-worker-state = State
system-worker-ok = Running
system-worker-overdue = Overdue
system-worker-mail = Sending e-mail
system-worker-jobs = Scheduled jobs (reminders, storage limits)
system-worker-other = Other background work
system-minutes = every { $count } { $count ->
        [one] minute
       *[other] minutes
    }
system-never = never
system-mail-waiting = Waiting in the outbox: { $count }.
system-mail-failed = Could not be sent: { $count }.
system-program = Program
system-version = Version
system-commit = source version { $commit }, built { $built }
system-migration = Database
system-migration-current = migration { $n } (the latest)
system-migration-behind = migration { $n } of { $latest }: restart the server to finish the upgrade
system-metrics = Figures (/metrics)
system-metrics-open = open to { $count } { $count ->
        [one] address
       *[other] addresses
    }
system-metrics-token = and with a token
system-metrics-closed = open to nobody (the configuration's [metrics] section)
system-seconds = every { $count } { $count ->
        [one] second
       *[other] seconds
    }
system-backup-failed-hint = (The server's own error text.) Ask the IT department to fix it and to check that the next backup succeeds.
