# Logging in, passwords, the user's own account.

login-title = Log in
login-submit = Log in
login-email-missing = Enter your e-mail address.
login-password-missing = Enter your password.
login-failed = Wrong e-mail or password.
login-throttled = Too many failed attempts.
password-change-throttled = Too many wrong current passwords. Please wait a little and try again.
login-wait-seconds = Try again in { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}.
login-wait-minutes = Try again in { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}.
set-password-title = Set your password
set-password-for = Set a password for the account of { $name }
set-password-submit = Set password
set-password-invalid = This link is not valid: it has been used or has expired. Ask a coordinator for a new one.
password-rules = Your password needs at least 12 characters. A sentence of several words works well. It must not be a common password or contain your name or e-mail.
field-current-password = Current password
field-new-password = New password
field-confirm-password = New password again
password-too-short = The password needs at least 12 characters.
password-too-long = The password is too long (256 characters at most).
password-common = This password is too common. Choose another one.
password-personal = The password must not contain your name or e-mail address.
password-mismatch = The passwords do not match.
password-current-wrong = The current password is not right.
password-changed = Password changed. Your other sessions have ended.
change-password-title = Change password
change-password-submit = Change password
account-title = My account
workspace-title = Workspace
workspace-welcome = Welcome, { $name }!

# The workspace home: what needs the user (issue 19)
attention-nothing = Nothing needs you right now.
attention-total = { $count ->
    [one] { $count } thing needs you.
   *[other] { $count } things need you.
}
attention-urgent = Due now
attention-late = Late
attention-all = All ({ $count })
attention-clear = Checked, nothing waiting
attention-submitted-on = Submitted { $date }
attention-deadline = deadline { $date }
attention-due = due { $date }
attention-next-step-on = Next step { $date }
attention-last-contact = Last contact { $date }
attention-no-contact = No contact yet
attention-of-age = 18 years old in { $year } — ask the person themselves for consent
attention-invited-at = invitation sent to { $email }; answer it here
attention-unconfirmed-count = { $count ->
    [one] { $count } registration waits for confirmation
   *[other] { $count } registrations wait for confirmation
}
attention-supervisors-awaiting-count = { $count ->
    [one] { $count } supervisor appointment waits for a second coordinator's approval
   *[other] { $count } supervisor appointments wait for a second coordinator's approval
}
attention-outbox-failed-count = { $count ->
    [one] { $count } message could not be delivered in the last 7 days
   *[other] { $count } messages could not be delivered in the last 7 days
}
attention-month-report-item = The monthly report for { $month ->
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
} { $year } is not submitted yet
attention-reports-submitted = Progress reports waiting for review
attention-reports-late = Progress reports past their deadline: not yet submitted, or returned for correction
attention-reports-open = Your organisation's progress reports to fill in
attention-practices-review = Good practices waiting for review
attention-practices-returned = Your good practices returned for changes
attention-stories-review = Success stories waiting for the editorial review
attention-actions-overdue = Overdue follow-up actions
attention-minutes-missing = Meetings held without minutes (last three months)
attention-registrations-unconfirmed = Registrations waiting for the registrant's confirmation
attention-invitations = Invitations to answer
attention-supervisors-awaiting = Supervisor appointments waiting for approval
attention-outbox-failed = Undelivered mail
attention-month-report = Monthly report
attention-next-steps = Next steps with families (overdue and the next 7 days)
attention-families-quiet = Active families without a contact in 30 days
attention-consents-renew = Consents a parent or guardian gave for someone now of age
tokens-title = API access tokens
tokens-intro = A personal token lets other programs use the platform's API on your behalf. Keep it like a password. A token works for 180 days; then make a new one.
tokens-none = You have no tokens yet.
token-created-once = The new token is shown only now. Copy it somewhere safe:
token-revoked-at = Revoked { $date }
token-expires = Works until
token-expired = Expired
token-revoke = Revoke token “{ $label }”
token-revoked = Token revoked.
token-create = Create token
field-token-label = Token name (for example, the program you will use it in)
token-label-invalid = Enter a name (1–100 characters).
forgot-link = Forgot your password?
forgot-title = Reset your password
forgot-explained = Enter your account's e-mail address. If there is such an account, we will send it a one-time link to set a new password; it works for one hour.
forgot-submit = Send the link
forgot-sent = If an active account has this address, a link to set a new password was sent to it (it works for one hour). If the message does not arrive within a few minutes, check your spam folder or ask the platform's coordinators.
forgot-back = Back to sign-in
mail-password-reset-subject = Roma Platform: set a new password
mail-password-reset-body = Hello, { $name }!

    Someone (we hope you) asked to set a new password for your account on the Roma Platform. You can set it here; the link works for one hour, once:

    { $link }

    If you did not ask, do nothing: your current password stays. If such messages keep coming, tell the platform's coordinators.
mfa-title = Two-step sign-in
mfa-explained = A second step after the password: a code from an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator). Then the password alone does not open your account.
mfa-begin = Turn on two-step sign-in
mfa-scan = Scan this QR code with your authenticator app.
mfa-qr-label = QR code for the authenticator app
mfa-key-text = If you cannot scan it, type this key into the app:
mfa-code = The six-digit code from the app
mfa-confirm = Confirm
mfa-code-wrong = The code is wrong or was used already. Type the code the app shows now.
mfa-on = Two-step sign-in is on.
mfa-recovery-once = These are your recovery codes: each works once, when your phone is not at hand or lost. Write them down or print them and keep them safe — they will not be shown again.
mfa-done = Done — go to the workspace
mfa-is-on = Two-step sign-in is on.
mfa-recovery-left = { $count ->
    [0] No unused recovery codes are left.
    [one] { $count } unused recovery code is left.
   *[other] { $count } unused recovery codes are left.
}
mfa-lost = If your phone is lost and no recovery code is left, ask a coordinator of the platform to reset your second step (a coordinator asks another coordinator).
mfa-login-title = Code from the app
mfa-login-explained = The password is right. Type the six-digit code from your authenticator app, or one of your recovery codes.
mfa-code-or-recovery = Code or recovery code
mfa-login-expired = No sign-in with a code was started here, or its five minutes are up. Sign in again with your password.
mfa-locked = Too many wrong codes in a row: signing in with a code is locked. Set your password anew with "Forgot your password?" and one of your recovery codes, or ask a coordinator of the platform to reset your second step.
mfa-renew = Make new recovery codes
mfa-renew-hint = Ten new codes; the old ones will stop working.
mfa-disable = Turn off two-step sign-in
mfa-required = Two-step sign-in is required in your role: turn it on to go on working on the platform.
reauth-title = Confirm it is you
reauth-explained = This action touches other people's data or your account's security, so type your password again (and the code from your app, if you use two-step sign-in). You will then be back on the page you came from — press the button again. It will not be asked again for ten minutes.
reauth-submit = Confirm
reauth-cancel = Back
reauth-password-wrong = The password is not right.
mfa-code-missing = Type the code from the app, or a recovery code.
sessions-title = Sessions
sessions-intro = These are all the places your account is open now. If you do not recognise one, end it and change your password.
session-address = Address
session-started = Started
session-seen = Last active
session-current = This session
session-end = End session: { $what }
sessions-end-all = End all other sessions
sessions-ended = The chosen sessions have ended.
session-browser-unknown = Another browser
session-system-unknown = unknown system
set-password-code-hint = Your account uses two-step sign-in: type the code from the app or a recovery code as well. With neither the phone nor a recovery code, ask a coordinator to reset your second step.
mfa-open-app = On this phone: open in the authenticator app
mfa-back-account = Back to the account
mfa-off = Two-step sign-in is off; the password alone now signs in.
mfa-renewed = New recovery codes made; the old ones no longer work.
mfa-status-on = on
mfa-status-off = off
password-set-done = Your password is set. Sign in with the new password.
set-password-ask-again = Ask for a new link
mfa-code-malformed = A code is six digits from the app, or a recovery code of ten letters and digits.
mfa-recovery-low = You have two recovery codes or fewer left: make new ones while your phone is at hand.

# Passkeys (issue 17, item 1)
passkeys-title = Passkeys
passkeys-intro = A passkey is a second way to confirm a sign-in, besides the authenticator app's code: your phone's or computer's screen lock (fingerprint, face, PIN) or a security key. It works in browsers that support it, with JavaScript on; the app's code and the recovery codes always work.
passkeys-need-factor = First turn on two-step sign-in with an authenticator app.
passkeys-need-script = Adding a passkey needs a browser with JavaScript and passkey support.
passkeys-none = No passkeys yet.
passkey-added-at = Added
passkey-used-at = used
passkey-remove = Remove
passkey-add = Add a passkey
passkey-name = Name
passkey-name-hint = To know it in the list, e.g. "Work computer" or "Phone".
passkey-name-invalid = Type a name (up to 80 characters).
passkey-failed = The passkey could not be added (cancelled, timed out, or this one is added already). Try again.
passkey-too-many = The account has 10 passkeys already; remove one first.
passkey-added = Passkey added; you were mailed.
passkey-removed = Passkey removed; you were mailed.
passkey-or = Or confirm with a passkey:
passkey-use = Use a passkey
passkey-sign-in-failed = The passkey did not work; try again or type a code.
mail-account-passkey-added-subject = Roma Platform: a passkey was added
mail-account-passkey-added-body = Hello, { $name }!

    A passkey was added to your account on the Roma Platform for the sign-in's second step.

    If it was not you, change your password at once and contact the platform's coordinators.
mail-account-passkey-removed-subject = Roma Platform: a passkey was removed
mail-account-passkey-removed-body = Hello, { $name }!

    A passkey was removed from your account on the Roma Platform.

    If it was not you, contact the platform's coordinators at once.
passkeys-unavailable = Passkeys cannot be used here: the platform's address (public_url) is not a domain name. The app's code works.

## E-mail notices (account page and the mails)
notices-title = E-mail notices
notices-intro = The platform writes to you as work moves on: when a report is submitted or reviewed, a practice returned or published, an action assigned or overdue, and three days before an event you registered for. Tick what you want mail about.
notices-kinds = What to write about
notices-delivery = How to send it
notices-delivery-each = Each notice on its own, as soon as it arises
notices-delivery-weekly = The week's notices in one mail on Monday morning (event reminders still on their own)
notices-save = Save notice settings
notices-saved = Notice settings saved.
notice-kind-report-submitted = An institution submitted a progress report (to coordinators)
notice-kind-report-returned = Your organisation's report was returned for changes
notice-kind-report-accepted = Your organisation's report was accepted
notice-kind-practice-returned = Your good practice was returned for changes
notice-kind-practice-published = Your good practice was published
notice-kind-action-assigned = A follow-up action was given to your organisation
notice-kind-action-overdue = An action of your organisation is past its due date
notice-kind-event-reminder = A reminder three days before an event you registered for
notice-subject-report-submitted = Report submitted: { $title }
notice-subject-report-returned = Report returned for changes: { $title }
notice-subject-report-accepted = Report accepted: { $title }
notice-subject-practice-returned = Practice returned for changes: { $title }
notice-subject-practice-published = Practice published: { $title }
notice-subject-action-assigned = New action for your organisation: { $title }
notice-subject-action-overdue = Action past its due date: { $title }
notice-subject-event-reminder = Reminder: { $title }, { $when }
notice-line-report-submitted = An institution submitted a progress report that waits for review.
notice-line-report-returned = Your organisation's progress report was returned for changes. The comment is on the report's page.
notice-line-report-accepted = Your organisation's progress report was accepted.
notice-line-practice-returned = Your good practice was returned for changes. The comment is on the practice's page.
notice-line-practice-published = Your good practice was published in the practice library.
notice-line-action-assigned = A follow-up action was decided at an event, and your organisation is responsible for it.
notice-line-action-overdue = An action of your organisation is past its due date and not marked as done.
notice-subject-breach-deadline = Personal-data breach { $title }: deadline for notifying
notice-line-breach-deadline = The 72 hours for notifying a personal-data breach to Datu valsts inspekcija end soon or have ended, and neither the notification nor the reason for none is on record yet.
notice-line-event-reminder = Events you registered for
notice-mail-body = Hello { $name },

    { $line }

    { $title }
    { $link }

    Which notices you get, and whether they come as a weekly digest, is up to you on your account page: { $settings }
notice-digest-subject = Weekly digest: { $count } { $count ->
        [one] notice
       *[other] notices
    }
notice-digest-body = Hello { $name },

    This week on the platform, what you asked to hear of ({ $count }):

    { $items }

    Which notices you get, and whether they come as a weekly digest, is up to you on your account page: { $settings }
notice-reminder-body = Hello { $name },

    A reminder that you registered for "{ $title }", which begins { $when }.

    Your registration's page shows the place and the agenda, and if you cannot come you can cancel there, so that someone on the waiting list gets the place:
    { $link }
first-steps-title = First steps
first-steps-help = Every page has a "Help" link at the top to its chapter of the user guide.
first-steps-again = Show the first steps again
first-steps-done = Got it, do not show again
first-step-notices = Choose what you get e-mail notices about
first-step-dpo-overview = Open the data protection overview: requests, breaches, who read what this month
first-step-dpo-processing = Read the records of processing
first-step-dpo-limits = Check the storage limits and what the coming month removes
first-step-coordinator-directory = Check the registry of organisations and people
first-step-coordinator-event = Plan the first event
first-step-coordinator-plan = Look through the plan, its measures and indicators, and open a reporting round
first-step-coordinator-users = Create accounts for institutions, mediators and NGOs
first-step-mediator-family = Open the first family: the list shows it by its code only
first-step-mediator-contact = Record the consent and the first contact on the family's page
first-step-mediator-report = At the end of the month, check and submit the monthly report
first-step-institution-reports = Look at your organisation's progress report forms and their deadlines
first-step-institution-actions = Check the follow-up actions your organisation is responsible for
first-step-institution-practice = Submit a good practice to the practice library
