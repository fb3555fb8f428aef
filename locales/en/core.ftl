# Shared terms: layout, navigation, errors, dates, roles.

site-name = Roma Platform
site-description = The Latvian Roma Platform: coordinating the Roma integration policy, events, good practices and success stories.
language-name = English
skip-to-content = Skip to content
login = Log in
logout = Log out
nav-label = Workspace
nav-menu = Menu
nav-workspace = Workspace
nav-users = Users
nav-audit = Audit log
nav-privacy = Data protection
nav-account = My account
footer-text = Latvian Roma Platform – Ministry of Culture, National Roma Contact Point. The platform is co-funded by the European Union.
back-workspace = To the workspace
back-home = Go to the home page
save = Save
filter = Filter
search-submit = Search
help-link = Help
help-pages = Pages of the guide
search-title = Search
search-title-for = Search: { $q }
search-label = Search the workspace
search-placeholder = Search…
search-hint = Events, actions, plan measures, organisations, people, good practices, stories and news by name or title; diacritics need not be typed, the starts of words are enough.
search-found = { $count ->
        [0] Nothing was found.
        [one] { $count } record found.
       *[other] { $count } records found.
    }
search-more = { $count ->
        [one] And { $count } more.
       *[other] And { $count } more.
    }
search-all-in-list = Show all
search-due = due { $date }
search-kind-families = Your families
search-kind-events = Events
search-all-kinds = ← Results of every kind
search-kind-actions = Follow-up actions
search-kind-measures = Plan measures
search-kind-organisations = Organisations
search-kind-people = People
search-kind-practices = Good practices
search-kind-stories = Success stories
search-kind-news = News
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
error-412-title = Changed in the meantime
error-412-text = The record has changed since it was read. Read it again and make the change on its current version.
error-413-title = Too large
error-413-text = What was sent is larger than the platform accepts.
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
role-dpo = Data protection officer
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
title-error-prefix = Error:{ " " }
picker-hint = Search, e.g. vilaka
picker-count = Matches: { $count }. Choose in the list.
picker-one = Found and chosen: { $name }.
processing-title = Records of processing
processing-intro = Every category of personal data the platform keeps: purpose, legal basis, how long it is kept and who has access. The page is generated from the same registry in the code that the tests check, so it matches what is really stored.
processing-special = special-category data or data about children
processing-purpose = Purpose
processing-basis = Legal basis
processing-rule = { $name } — after { $days } { $days ->
        [one] day
       *[other] days
    } from { $from }: { $what } { $why }
processing-retention = Retention
processing-access = Who has access
processing-where = Where it is stored
a11y-title = Accessibility statement
a11y-footer = Accessibility
a11y-intro = The Latvian Roma Platform is committed to making its website accessible in accordance with Cabinet Regulation No. 445 of 14 July 2020 "Procedures by which institutions place information on the internet" and Directive (EU) 2016/2102 of the European Parliament and of the Council. This statement applies to this website, its public part and the workspace.
a11y-status-title = Compliance status
a11y-status = This website is partially compliant with WCAG 2.1 level AA (standard EN 301 549), because of the non-compliances and exemptions listed below.
a11y-issues-title = Non-accessible content
a11y-issue-manual = The website has not yet been evaluated by hand with a screen reader and the keyboard alone in every use; automated checks do not find every non-compliance.
a11y-issue-documents = Documents uploaded by users (for instance PDFs of events) may not be accessible; we provide them in an accessible form on request.
a11y-issue-easy-read = There is no easy-read or Latvian sign language content yet.
a11y-evaluation-title = Evaluation
a11y-evaluated-on = Date of the last evaluation
a11y-evaluated-by = Evaluated by
a11y-evaluated-by-text = The platform's developers (self-assessment)
a11y-method = How
a11y-method-text = Automated checks with axe-core (WCAG 2.1 A and AA rules) in a real browser on every page type in both languages, also at phone width, at every change; a check that every task works without JavaScript.
a11y-prepared-on = Statement prepared on
a11y-alternatives-title = Alternatives
a11y-alternatives = Charts have data tables beside them. If some content is not available to you, write to us — we will prepare it in another form.
a11y-feedback-title = Feedback and contact
a11y-feedback = If you notice an accessibility problem, write to us with your name, e-mail address, the page's address and the format you need:
a11y-enforcement = If the answer does not satisfy you, you may turn to the authority that supervises compliance with Regulation No. 445.
nav-site-pages = Site pages
site-pages-title = Public site pages
site-pages-intro = Pages about the platform, who is who, and contacts. A page becomes public when it is saved.
site-page = Page
site-page-updated = Last saved
site-page-public = Public address
site-page-not-yet = not yet
site-page-about = About the platform
site-page-who-is-who = Who is who
site-page-contacts = Contacts
site-page-only-lv = This page is available in Latvian only.
site-edit-hint = Write plain text (a blank line between paragraphs) or HTML: headings (h2, h3), paragraphs, lists, bold, italics, quotes and links (http, https, mailto) are kept; everything else is removed.
site-title-lv = Title in Latvian
site-title-en = Title in English
site-body-lv = Text in Latvian
site-body-en = Text in English
site-title-missing = Enter the title in Latvian.
site-body-missing = Enter the text in Latvian.
nav-news = News
news-title = News
news-feed = News as an Atom feed
news-none = No news yet.
news-manage-title = News and announcements
news-new = New announcement
news-edit = Edit the announcement
news-kind = Kind
news-kind-announcement = Announcement
news-kind-call = Call to take part
news-kind-programme = Support programme
news-kind-event = Event
news-field-title = Title
news-summary-lv = Short summary in Latvian
news-summary-en = Short summary in English
news-publish = Publish (unticked: a draft only coordinators see)
news-published = Published
news-draft = Draft
news-field-missing = Fill in this field in Latvian.
news-english-incomplete = The English version needs its title, summary and text — or leave it empty.
stale-title = Someone else saved this record after you opened it
stale-hint = What you typed is kept in the form; the record is not saved yet. Below are the fields in which the saved record now holds another value than the form (someone else's change, or your own), with the saved value. Merge the changes and save again.
stale-same = The saved record is now the same as what you typed; save again to confirm.
stale-empty = (empty)
stale-ticked = Ticked
stale-unticked = Not ticked
stale-in-english = in English
stale-in-romani = in Romani
api-param-choice = Use one of the values the API document lists for this parameter.
api-param-date = Give a date as YYYY-MM-DD, for example 2026-12-10.
api-param-integer = Give a whole number within the range the API document states.
api-param-too-long = The value is longer than the API document allows.
