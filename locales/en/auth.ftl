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
