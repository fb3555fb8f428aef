# Shared terms: layout, navigation, errors, dates, roles.

site-name = Roma Platform
language-name = English
skip-to-content = Skip to content
login = Log in
logout = Log out
nav-label = Workspace
nav-workspace = Workspace
nav-users = Users
nav-audit = Audit log
nav-account = My account
footer-text = Latvian Roma Platform – Ministry of Culture, National Roma Contact Point. The platform is co-funded by the European Union.
back-home = Go to the home page
save = Save
filter = Filter
pager-label = Pages
pager-newer = Newer entries
pager-older = Older entries
form-has-errors = Please correct the errors
error-request-id = Request id:
error-400-title = Bad request
error-400-text = The request could not be processed. Please check what you entered and try again.
error-401-title = Login required
error-401-text = Please log in to see this.
error-403-title = Access denied
error-403-text = You are not allowed to see or do this. If you think this is a mistake, contact a coordinator.
error-404-title = Page not found
error-404-text = There is no such page, or it has moved.
error-405-title = Method not allowed
error-405-text = This page cannot be used that way. Go back to the previous page and try again.
error-429-title = Too many attempts
error-429-text = Please wait a few minutes and try again.
error-500-title = Something went wrong
error-500-text = Something went wrong on our side. We have been notified. If you contact support, please quote this id.
date-long = { $day } { $month ->
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
role-coordinator = National coordinator
role-ministry = Ministry or agency
role-municipality = Municipality
role-mediator = Roma mediator
role-ngo = NGO
field-email = E-mail
field-password = Password
field-name = Name
field-role = Role
field-organisation = Organisation
field-status = Status
field-label = Label
field-created = Created
status-active = Active
status-disabled = Disabled
status-no-password = No password set yet
count-users = { $count ->
    [0] no users
    [one] { $count } user
   *[other] { $count } users
}
home-title = Latvian Roma Platform
home-intro = The Roma Platform coordinates Roma integration policy at national, regional and local level, and brings Roma into it – especially young people and women.
home-intro-2 = Here ministries, municipalities, Roma mediators and NGOs plan events together, follow the implementation of the policy plan and share good practice.
home-login-cta = Log in to the workspace
picker-hint = Type to find (for example, vilaka)
processing-title = Records of processing
processing-intro = Every category of personal data the platform keeps: purpose, legal basis, how long it is kept and who has access. The page is generated from the same registry in the code that the tests check, so it matches what is really stored.
processing-special = special-category data or data about children
processing-purpose = Purpose
processing-basis = Legal basis
processing-retention = Retention
processing-access = Who has access
processing-where = Where it is stored
