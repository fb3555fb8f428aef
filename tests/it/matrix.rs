//! The role × route matrix: every route the app has, with the principals allowed to use
//! it. A route missing from this table fails the test, so a new route cannot slip in
//! without a decision about who may use it.

use domain::auth::Role;
use testkit::{Client, Resp, TestApp};

/// Who may use a route.
#[derive(Debug, Clone, Copy)]
enum Allowed {
    /// Everybody, anonymous too.
    Everyone,
    /// Every logged-in role.
    AnyRole,
    /// Every role that works with the platform's content: all but the data protection
    /// officer, who reads only what privacy oversight needs.
    Staff,
    /// Only these roles.
    Only(&'static [Role]),
}

const COORD: &[Role] = &[Role::Coordinator];
/// Who reads the privacy registers: the coordinators and the data protection officer.
const PRIVACY: &[Role] = &[Role::Coordinator, Role::Dpo];
const MEDIATOR: &[Role] = &[Role::Mediator];
/// Everyone whose organisation reports on the plan's measures (not mediators).
const REPORTERS: &[Role] = &[
    Role::Coordinator,
    Role::Ministry,
    Role::Municipality,
    Role::Ngo,
];

/// Who keeps entries of the services directory: coordinators, and the users of an
/// organisation that provides services (the same roles as report on the plan).
const KEEPERS: &[Role] = REPORTERS;

/// (method, route pattern, who may use it). Keep in the order of crates/web/src/routes.rs.
#[rustfmt::skip]
const MATRIX: &[(&str, &str, Allowed)] = &[
    ("GET", "/", Allowed::Everyone),
    ("GET", "/healthz", Allowed::Everyone),
    ("GET", "/readyz", Allowed::Everyone),
    // No role opens it: its own gate is the client address or the token (tests/it/ops.rs).
    ("GET", "/metrics", Allowed::Everyone),
    ("GET", "/static/{file}", Allowed::Everyone),
    ("GET", "/{lang}/", Allowed::Everyone),
    ("GET", "/{lang}/processing", Allowed::Everyone),
    ("GET", "/{lang}/accessibility", Allowed::Everyone),
    ("GET", "/{lang}/privacy", Allowed::Everyone),
    ("GET", "/{lang}/open-data", Allowed::Everyone),
    ("GET", "/open-data/{file}", Allowed::Everyone),
    ("GET", "/{lang}/publications", Allowed::Everyone),
    ("GET", "/{lang}/publications/{id}", Allowed::Everyone),
    ("GET", "/publications/{id}/{format}", Allowed::Everyone),
    ("GET", "/{lang}/pages/{slug}", Allowed::Everyone),
    ("GET", "/{lang}/news", Allowed::Everyone),
    ("GET", "/{lang}/news.atom", Allowed::Everyone),
    ("GET", "/{lang}/news/{item}", Allowed::Everyone),
    ("GET", "/{lang}/site/news", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/news/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/news/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/news/{id}/edit", Allowed::Only(COORD)),
    ("GET", "/{lang}/practices", Allowed::Everyone),
    ("GET", "/{lang}/practices/export", Allowed::Everyone),
    ("GET", "/{lang}/practices/{item}", Allowed::Everyone),
    ("GET", "/practices/{id}/files/{item}", Allowed::Everyone),
    ("GET", "/{lang}/practice-submissions", Allowed::Staff),
    ("GET", "/{lang}/practice-submissions/export", Allowed::Staff),
    ("GET", "/{lang}/practice-submissions/{id}", Allowed::Staff),
    ("GET", "/{lang}/practice-submissions/{id}/edit", Allowed::Staff),
    ("POST", "/{lang}/practice-submissions/{id}/edit", Allowed::Staff),
    ("POST", "/{lang}/practice-submissions/{id}/review", Allowed::Only(COORD)),
    ("POST", "/{lang}/practice-submissions/{id}/files", Allowed::Staff),
    ("POST", "/{lang}/practice-submissions/{id}/files/{item}/remove", Allowed::Staff),
    ("GET", "/{lang}/stories", Allowed::Everyone),
    ("GET", "/{lang}/stories.atom", Allowed::Everyone),
    ("GET", "/{lang}/stories/{item}", Allowed::Everyone),
    ("GET", "/stories/{id}/photo", Allowed::Everyone),
    ("GET", "/{lang}/site/stories", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/stories/{id}", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/stories/{id}/preview", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/stories/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/step", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/consent", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/consent/withdraw", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/photo", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/photo/remove", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/media", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/media/{item}/remove", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/stories/{id}/delete", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/pages", Allowed::Only(COORD)),
    ("GET", "/{lang}/site/pages/{slug}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/site/pages/{slug}/edit", Allowed::Only(COORD)),
    ("GET", "/robots.txt", Allowed::Everyone),
    ("GET", "/sitemap.xml", Allowed::Everyone),
    ("GET", "/{lang}/directory", Allowed::Everyone),
    ("GET", "/{lang}/calendar", Allowed::Everyone),
    ("GET", "/{lang}/calendar/export", Allowed::Everyone),
    ("GET", "/{lang}/calendar/{id}", Allowed::Everyone),
    ("GET", "/{lang}/calendar.ics", Allowed::Everyone),
    ("GET", "/{lang}/calendar.atom", Allowed::Everyone),
    ("GET", "/{lang}/calendar/{id}/event.ics", Allowed::Everyone),
    ("GET", "/{lang}/calendar/{id}/register", Allowed::Everyone),
    ("POST", "/{lang}/calendar/{id}/register", Allowed::Everyone),
    ("GET", "/{lang}/registration/{token}", Allowed::Everyone),
    ("GET", "/{lang}/password/forgot", Allowed::Everyone),
    ("GET", "/{lang}/login/code", Allowed::Everyone),
    ("POST", "/{lang}/login/code", Allowed::Everyone),
    ("POST", "/{lang}/login/passkey/begin", Allowed::Everyone),
    ("POST", "/{lang}/login/passkey", Allowed::Everyone),
    ("POST", "/{lang}/password/forgot", Allowed::Everyone),
    ("POST", "/{lang}/registration/{token}/cancel", Allowed::Everyone),
    ("POST", "/{lang}/registration/{token}/confirm", Allowed::Everyone),
    ("GET", "/{lang}/participation", Allowed::Everyone),
    ("GET", "/{lang}/policy", Allowed::Everyone),
    ("GET", "/{lang}/policy/{id}", Allowed::Everyone),
    ("GET", "/{lang}/policy/measures/{id}", Allowed::Everyone),
    ("GET", "/{lang}/invitation/{token}", Allowed::Everyone),
    ("POST", "/{lang}/invitation/{token}", Allowed::Everyone),
    ("GET", "/{lang}/feedback/{token}", Allowed::Everyone),
    ("POST", "/{lang}/feedback/{token}", Allowed::Everyone),
    ("GET", "/{lang}/calendar/{id}/documents/{item}", Allowed::Everyone),
    ("GET", "/{lang}/login", Allowed::Everyone),
    ("POST", "/{lang}/login", Allowed::Everyone),
    ("POST", "/{lang}/logout", Allowed::AnyRole),
    ("GET", "/{lang}/password/set/{token}", Allowed::Everyone),
    ("POST", "/{lang}/password/set/{token}", Allowed::Everyone),
    ("GET", "/{lang}/workspace", Allowed::AnyRole),
    ("GET", "/{lang}/account", Allowed::AnyRole),
    ("GET", "/{lang}/territories", Allowed::AnyRole),
    ("GET", "/{lang}/events", Allowed::Staff),
    ("GET", "/{lang}/events/export", Allowed::Staff),
    ("GET", "/{lang}/events/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/events", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}", Allowed::Staff),
    ("GET", "/{lang}/events/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/status", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/registrations", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/registrations/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/registrations/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/registrations/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/registrations/{rid}/confirm", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/registrations/{rid}/release", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/registrations/release", Allowed::Only(COORD)),
    // Attendance: any role at the route; the event's organisers only, in the store
    // (others get 404 — tests/it/attendance.rs).
    ("GET", "/{lang}/events/{id}/attendance", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/export", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/check-in", Allowed::Staff),
    ("GET", "/{lang}/events/{id}/attendance/walk-in", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/walk-in", Allowed::Staff),
    ("GET", "/{lang}/events/{id}/attendance/import", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/import", Allowed::Staff),
    ("GET", "/{lang}/events/{id}/attendance/import/{item}", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/import/{item}/confirm", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/{item}/remove", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/{item}/category", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/attendance/{item}/erase-answers", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/sign-in-sheet", Allowed::Staff),
    ("GET", "/{lang}/events/{id}/invitations", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/invitations/people", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/invitations/organisations", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/minutes", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/minutes", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/minutes/publish", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/actions", Allowed::Only(COORD)),
    // Actions: any role at the route; the owner organisation only, in the store.
    ("GET", "/{lang}/plans", Allowed::Staff),
    ("GET", "/{lang}/plans/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/template.csv", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/{id}", Allowed::Staff),
    ("GET", "/{lang}/plans/{id}/export.xlsx", Allowed::Staff),
    ("GET", "/{lang}/plans/{id}/import", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}/import", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/{id}/import/{item}", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}/import/{item}/confirm", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}/tasks", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/{id}/measures/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}/measures", Allowed::Only(COORD)),
    ("GET", "/{lang}/measures/{id}", Allowed::Staff),
    ("GET", "/{lang}/measures/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/measures/{id}", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/{id}/indicators/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}/indicators", Allowed::Only(COORD)),
    ("GET", "/{lang}/indicators/{id}", Allowed::Staff),
    ("GET", "/{lang}/indicators/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/indicators/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/indicators/{id}/values", Allowed::Only(COORD)),
    ("GET", "/{lang}/plans/{id}/rounds/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/plans/{id}/rounds", Allowed::Only(COORD)),
    ("GET", "/{lang}/rounds/{id}", Allowed::Only(COORD)),
    ("GET", "/{lang}/rounds/{id}/export.xlsx", Allowed::Only(COORD)),
    ("POST", "/{lang}/rounds/{id}/remind", Allowed::Only(COORD)),
    ("POST", "/{lang}/rounds/{id}/close", Allowed::Only(COORD)),
    ("GET", "/{lang}/reports", Allowed::Only(REPORTERS)),
    ("GET", "/{lang}/reports/{id}", Allowed::Only(REPORTERS)),
    ("POST", "/{lang}/reports/{id}", Allowed::Only(REPORTERS)),
    ("POST", "/{lang}/reports/{id}/review", Allowed::Only(COORD)),
    ("POST", "/{lang}/reports/{id}/files", Allowed::Only(REPORTERS)),
    ("GET", "/{lang}/reports/{id}/files/{item}", Allowed::Only(REPORTERS)),
    ("POST", "/{lang}/reports/{id}/files/{item}/remove", Allowed::Only(REPORTERS)),
    ("GET", "/{lang}/mediation", Allowed::Only(MEDIATOR)),
    ("POST", "/{lang}/mediation/families", Allowed::Only(MEDIATOR)),
    ("GET", "/{lang}/mediation/families/{id}", Allowed::Only(MEDIATOR)),
    ("POST", "/{lang}/mediation/families/{id}/members", Allowed::Only(MEDIATOR)),
    ("POST", "/{lang}/mediation/families/{id}/contacts", Allowed::Only(MEDIATOR)),
    ("POST", "/{lang}/mediation/families/{id}/consents", Allowed::Only(MEDIATOR)),
    (
        "POST",
        "/{lang}/mediation/families/{id}/consents/{consent}/withdraw",
        Allowed::Only(MEDIATOR),
    ),
    ("POST", "/{lang}/mediation/families/{id}/referrals", Allowed::Only(MEDIATOR)),
    (
        "POST",
        "/{lang}/mediation/families/{id}/referrals/{referral}",
        Allowed::Only(MEDIATOR),
    ),
    ("POST", "/{lang}/mediation/families/{id}/followups", Allowed::Only(MEDIATOR)),
    (
        "POST",
        "/{lang}/mediation/families/{id}/followups/{followup}",
        Allowed::Only(MEDIATOR),
    ),
    ("POST", "/{lang}/mediation/families/{id}/status", Allowed::Only(MEDIATOR)),
    (
        "GET",
        "/{lang}/mediation/families/{id}/members/{member}/export",
        Allowed::Only(MEDIATOR),
    ),
    (
        "POST",
        "/{lang}/mediation/families/{id}/members/{member}/erase",
        Allowed::Only(MEDIATOR),
    ),
    ("POST", "/{lang}/mediation/families/{id}/erase", Allowed::Only(MEDIATOR)),
    ("GET", "/{lang}/mediation/assignments", Allowed::Only(COORD)),
    ("POST", "/{lang}/mediation/assignments/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/mediation/figures", Allowed::Staff),
    ("GET", "/{lang}/mediation/figures/report", Allowed::Staff),
    ("GET", "/{lang}/mediation/supervision", Allowed::Only(COORD)),
    ("GET", "/{lang}/mediation/retention", Allowed::Only(COORD)),
    ("GET", "/{lang}/mediation/reports", Allowed::Only(MEDIATOR)),
    ("POST", "/{lang}/mediation/reports", Allowed::Only(MEDIATOR)),
    ("POST", "/{lang}/mediation/reports/download", Allowed::Only(MEDIATOR)),
    ("GET", "/{lang}/mediation/supervision/reports", Allowed::Only(COORD)),
    (
        "POST",
        "/{lang}/mediation/supervision/reports/{id}/download",
        Allowed::Only(COORD),
    ),
    (
        "GET",
        "/{lang}/mediation/supervision/families/{id}",
        Allowed::Only(COORD),
    ),
    (
        "POST",
        "/{lang}/mediation/supervision/families/{id}",
        Allowed::Only(COORD),
    ),
    ("POST", "/{lang}/mediation/assignments", Allowed::Only(COORD)),
    ("POST", "/{lang}/mediation/assignments/{id}/end", Allowed::Only(COORD)),
    ("GET", "/{lang}/mediation/assignments/{id}/supervisor", Allowed::Only(COORD)),
    ("POST", "/{lang}/mediation/assignments/{id}/supervisor", Allowed::Only(COORD)),
    (
        "POST",
        "/{lang}/mediation/assignments/{id}/supervisor/decide",
        Allowed::Only(COORD),
    ),
    ("GET", "/{lang}/mediation/handover", Allowed::Only(COORD)),
    ("POST", "/{lang}/mediation/handover", Allowed::Only(COORD)),
    ("POST", "/{lang}/mediation/handover/{id}/decide", Allowed::Only(COORD)),
    ("GET", "/{lang}/actions", Allowed::Staff),
    ("GET", "/{lang}/actions/export", Allowed::Staff),
    ("GET", "/{lang}/actions/{id}", Allowed::Staff),
    ("POST", "/{lang}/actions/{id}/progress", Allowed::Staff),
    ("GET", "/{lang}/events/{id}/feedback", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/feedback/send", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/documents", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/documents", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/documents/{item}", Allowed::Staff),
    ("POST", "/{lang}/events/{id}/documents/{item}/delete", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/agenda", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/agenda", Allowed::Only(COORD)),
    ("GET", "/{lang}/events/{id}/agenda/{item}", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/agenda/{item}", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/agenda/{item}/delete", Allowed::Only(COORD)),
    ("POST", "/{lang}/events/{id}/agenda/{item}/move", Allowed::Only(COORD)),
    ("GET", "/{lang}/statistics", Allowed::Only(COORD)),
    ("GET", "/{lang}/statistics/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/report-builder", Allowed::Only(COORD)),
    ("GET", "/{lang}/report-builder/download", Allowed::Only(COORD)),
    ("POST", "/{lang}/report-builder/narratives", Allowed::Only(COORD)),
    ("POST", "/{lang}/report-builder/issue", Allowed::Only(COORD)),
    ("GET", "/{lang}/report-builder/issued/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/report-builder/issued/{id}", Allowed::Only(COORD)),
    ("GET", "/{lang}/report-builder/issued/{id}/{format}", Allowed::Only(COORD)),
    ("POST", "/{lang}/report-builder/issued/{id}/withdraw", Allowed::Only(COORD)),
    ("GET", "/{lang}/organisations", Allowed::Staff),
    ("GET", "/{lang}/organisations/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations", Allowed::Only(COORD)),
    ("GET", "/{lang}/organisations/{id}", Allowed::Staff),
    ("GET", "/{lang}/organisations/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations/{id}/merge", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations/{id}/listing", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations/{id}/listing/withdraw", Allowed::Only(COORD)),
    ("GET", "/{lang}/people", Allowed::Staff),
    ("GET", "/{lang}/people/new", Allowed::Only(COORD)),
    ("GET", "/{lang}/people/import", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/import", Allowed::Only(COORD)),
    ("GET", "/{lang}/people/import/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/import/{id}/confirm", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/export", Allowed::Staff),
    ("POST", "/{lang}/organisations/export", Allowed::Staff),
    ("GET", "/{lang}/organisations/import", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations/import", Allowed::Only(COORD)),
    ("GET", "/{lang}/organisations/import/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/organisations/import/{id}/confirm", Allowed::Only(COORD)),
    ("POST", "/{lang}/people", Allowed::Only(COORD)),
    ("GET", "/{lang}/people/{id}", Allowed::Staff),
    ("GET", "/{lang}/people/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/merge", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/listing", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/listing/withdraw", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/memberships", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/memberships/{mid}/end", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/roma-identity", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/roma-identity/withdraw", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/roma-identity/show", Allowed::Only(COORD)),
    ("GET", "/{lang}/people/{id}/access", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/data", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/data.json", Allowed::Only(COORD)),
    ("GET", "/{lang}/people/{id}/restriction", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/restriction", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/restriction/lift", Allowed::Only(COORD)),
    ("GET", "/{lang}/people/{id}/erase", Allowed::Only(COORD)),
    ("POST", "/{lang}/people/{id}/erase", Allowed::Only(COORD)),
    ("GET", "/{lang}/privacy/overview", Allowed::Only(PRIVACY)),
    ("GET", "/{lang}/privacy/notices", Allowed::Only(PRIVACY)),
    ("GET", "/{lang}/needs", Allowed::Staff),
    ("POST", "/{lang}/needs", Allowed::Staff),
    ("GET", "/{lang}/needs/new", Allowed::Staff),
    ("GET", "/{lang}/needs/{id}", Allowed::Staff),
    ("POST", "/{lang}/needs/{id}/assign", Allowed::Only(COORD)),
    ("POST", "/{lang}/needs/{id}/answer", Allowed::Staff),
    ("POST", "/{lang}/needs/{id}/close", Allowed::Only(COORD)),
    ("POST", "/{lang}/needs/{id}/merge", Allowed::Only(COORD)),
    ("POST", "/{lang}/needs/{id}/publish", Allowed::Only(COORD)),
    ("POST", "/{lang}/needs/{id}/withdraw", Allowed::Only(COORD)),
    ("POST", "/{lang}/needs/{id}/link", Allowed::Only(COORD)),
    ("GET", "/{lang}/questions", Allowed::Everyone),
    ("GET", "/{lang}/questions.atom", Allowed::Everyone),
    ("GET", "/{lang}/questions/ask", Allowed::Everyone),
    ("POST", "/{lang}/questions/ask", Allowed::Everyone),
    ("GET", "/{lang}/questions/{id}", Allowed::Everyone),
    ("GET", "/{lang}/services/manage", Allowed::Only(KEEPERS)),
    ("GET", "/{lang}/services/manage/{id}/edit", Allowed::Only(KEEPERS)),
    ("POST", "/{lang}/services/manage/{id}/edit", Allowed::Only(KEEPERS)),
    ("POST", "/{lang}/services/manage/{id}/withdraw", Allowed::Only(KEEPERS)),
    ("POST", "/{lang}/services/manage/{id}/restore", Allowed::Only(KEEPERS)),
    ("GET", "/{lang}/services", Allowed::Everyone),
    ("GET", "/{lang}/services/{id}", Allowed::Everyone),
    ("GET", "/api/v1/services", Allowed::Everyone),
    ("GET", "/{lang}/consultations/manage", Allowed::Only(COORD)),
    ("GET", "/{lang}/consultations/manage/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/consultations/manage/{id}/edit", Allowed::Only(COORD)),
    ("POST", "/{lang}/consultations/manage/{id}/publish", Allowed::Only(COORD)),
    ("POST", "/{lang}/consultations/manage/{id}/comments/{comment}/hide", Allowed::Only(COORD)),
    ("POST", "/{lang}/consultations/manage/{id}/comments/{comment}/answer", Allowed::Only(COORD)),
    ("POST", "/{lang}/consultations/manage/{id}/summary", Allowed::Only(COORD)),
    ("GET", "/{lang}/consultations", Allowed::Everyone),
    ("GET", "/{lang}/consultations/{id}", Allowed::Everyone),
    ("POST", "/{lang}/consultations/{id}/comments", Allowed::Everyone),
    ("GET", "/{lang}/privacy/breaches", Allowed::Only(PRIVACY)),
    ("POST", "/{lang}/privacy/breaches", Allowed::Only(COORD)),
    ("GET", "/{lang}/privacy/breaches/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/privacy/breaches/export", Allowed::Only(PRIVACY)),
    ("GET", "/{lang}/privacy/breaches/{id}", Allowed::Only(PRIVACY)),
    ("POST", "/{lang}/privacy/breaches/{id}", Allowed::Only(COORD)),
    ("GET", "/{lang}/privacy/requests", Allowed::Only(PRIVACY)),
    ("POST", "/{lang}/privacy/requests/{id}/data", Allowed::Only(COORD)),
    ("POST", "/{lang}/privacy/requests/{id}/data.json", Allowed::Only(COORD)),
    ("POST", "/{lang}/privacy/requests/{id}/erase-address", Allowed::Only(COORD)),
    ("POST", "/{lang}/privacy/requests", Allowed::Only(COORD)),
    ("GET", "/{lang}/privacy/requests/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/privacy/requests/export", Allowed::Only(PRIVACY)),
    ("GET", "/{lang}/privacy/requests/{id}", Allowed::Only(PRIVACY)),
    ("POST", "/{lang}/privacy/requests/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/account/password", Allowed::AnyRole),
    ("POST", "/{lang}/account/notices", Allowed::AnyRole),
    ("GET", "/{lang}/search", Allowed::AnyRole),
    ("POST", "/{lang}/workspace/first-steps", Allowed::AnyRole),
    ("GET", "/{lang}/help", Allowed::Everyone),
    ("GET", "/{lang}/help/{page}", Allowed::Everyone),
    ("GET", "/help/images/{name}", Allowed::Everyone),
    ("GET", "/{lang}/invitations/{id}", Allowed::AnyRole),
    ("POST", "/{lang}/invitations/{id}", Allowed::AnyRole),
    ("GET", "/{lang}/account/second-factor", Allowed::AnyRole),
    ("POST", "/{lang}/account/second-factor/begin", Allowed::AnyRole),
    ("GET", "/{lang}/account/second-factor/begin", Allowed::AnyRole),
    ("GET", "/{lang}/account/second-factor/confirm", Allowed::AnyRole),
    ("POST", "/{lang}/account/second-factor/confirm", Allowed::AnyRole),
    ("POST", "/{lang}/account/second-factor/recovery", Allowed::AnyRole),
    ("POST", "/{lang}/account/second-factor/disable", Allowed::AnyRole),
    ("GET", "/{lang}/account/passkeys", Allowed::AnyRole),
    ("POST", "/{lang}/account/passkeys/begin", Allowed::AnyRole),
    ("POST", "/{lang}/account/passkeys", Allowed::AnyRole),
    ("POST", "/{lang}/account/passkeys/{id}/delete", Allowed::AnyRole),
    ("GET", "/{lang}/account/confirm", Allowed::AnyRole),
    ("POST", "/{lang}/account/confirm", Allowed::AnyRole),
    ("POST", "/{lang}/account/sessions/end", Allowed::AnyRole),
    ("POST", "/{lang}/account/tokens", Allowed::AnyRole),
    ("POST", "/{lang}/account/tokens/{id}/revoke", Allowed::AnyRole),
    ("GET", "/{lang}/admin/users", Allowed::Only(COORD)),
    ("GET", "/{lang}/admin/users/new", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/users", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/users/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/admin/users/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/users/{id}", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/users/{id}/password-link", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/users/{id}/reset-mfa", Allowed::Only(COORD)),
    ("GET", "/{lang}/admin/audit", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/audit/export", Allowed::Only(COORD)),
    ("GET", "/{lang}/admin/storage-limits", Allowed::Only(PRIVACY)),
    ("GET", "/{lang}/admin/outbox", Allowed::Only(COORD)),
    ("GET", "/{lang}/admin/system", Allowed::Only(COORD)),
    ("POST", "/{lang}/admin/audit/{id}/undo", Allowed::Only(COORD)),
    ("GET", "/api/v1/openapi.json", Allowed::Everyone),
    ("GET", "/api/v1/me", Allowed::AnyRole),
    ("GET", "/api/v1/territories", Allowed::AnyRole),
    ("GET", "/api/v1/organisations", Allowed::Staff),
    ("POST", "/api/v1/organisations", Allowed::Only(COORD)),
    ("GET", "/api/v1/organisations/{id}", Allowed::Staff),
    ("PATCH", "/api/v1/organisations/{id}", Allowed::Only(COORD)),
    ("GET", "/api/v1/people", Allowed::Staff),
    ("POST", "/api/v1/people", Allowed::Only(COORD)),
    ("GET", "/api/v1/people/{id}", Allowed::Staff),
    ("PATCH", "/api/v1/people/{id}", Allowed::Only(COORD)),
    ("GET", "/api/v1/plans", Allowed::Staff),
    ("GET", "/api/v1/measures", Allowed::Staff),
    ("GET", "/api/v1/indicators", Allowed::Staff),
    ("POST", "/api/v1/rounds/{id}/submissions", Allowed::Only(REPORTERS)),
    ("GET", "/api/v1/events", Allowed::Staff),
    ("GET", "/api/v1/events/{id}", Allowed::Staff),
    ("POST", "/api/v1/events", Allowed::Only(COORD)),
    ("PATCH", "/api/v1/events/{id}", Allowed::Only(COORD)),
    ("POST", "/api/v1/events/{id}/publish", Allowed::Only(COORD)),
    ("POST", "/api/v1/events/{id}/cancel", Allowed::Only(COORD)),
    ("POST", "/api/v1/events/{id}/held", Allowed::Only(COORD)),
    ("POST", "/api/v1/events/{id}/registrations", Allowed::Only(COORD)),
    ("GET", "/api/v1/events/{id}/minutes", Allowed::Only(COORD)),
    ("GET", "/api/v1/events/{id}/actions", Allowed::Staff),
    ("POST", "/api/v1/events/{id}/actions", Allowed::Only(COORD)),
    ("GET", "/api/v1/events/{id}/registrations", Allowed::Only(COORD)),
    ("GET", "/api/v1/events/{id}/attendance", Allowed::Staff),
    ("POST", "/api/v1/events/{id}/attendance", Allowed::Staff),
    ("GET", "/api/v1/statistics/participation", Allowed::Only(COORD)),
    ("GET", "/api/v1/statistics/mediation", Allowed::Staff),
    ("GET", "/api/v1/news", Allowed::Everyone),
    ("GET", "/api/v1/practices", Allowed::Everyone),
    ("GET", "/api/v1/stories", Allowed::Everyone),
    ("GET", "/api/v1/me/tokens", Allowed::AnyRole),
    ("POST", "/api/v1/me/tokens", Allowed::AnyRole),
    ("POST", "/api/v1/me/tokens/{id}/revoke", Allowed::AnyRole),
];

impl Allowed {
    fn admits(self, who: Option<Role>) -> bool {
        match (self, who) {
            (Allowed::Everyone, _) => true,
            (_, None) => false,
            (Allowed::AnyRole, Some(_)) => true,
            (Allowed::Staff, Some(r)) => r != Role::Dpo,
            (Allowed::Only(roles), Some(r)) => roles.contains(&r),
        }
    }
}

/// A concrete path for a route pattern, in Latvian, with ids of this app's records.
pub fn example_path(app: &TestApp, pattern: &str) -> String {
    let id = if pattern.contains("/events/") || pattern.contains("/calendar/") {
        app.fixtures.event
    } else if pattern.contains("/organisations/") {
        app.fixtures.org_b
    } else if pattern.contains("/people/") {
        app.fixtures.person_b
    } else {
        app.user_id(Role::Ministry)
    };
    pattern
        .replace("{lang}", "lv")
        .replace("{file}", "app.css")
        .replace("{token}", "no-such-link")
        .replace("{id}", &id.to_string())
        .replace("{mid}", "1")
        .replace("{item}", "1")
        .replace("{rid}", "1")
}

#[test]
fn every_route_is_in_the_matrix_and_every_matrix_row_is_a_route() {
    let routes: Vec<(String, String)> = web::routes::routes()
        .into_iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    let table: Vec<(String, String)> = MATRIX
        .iter()
        .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    for r in &routes {
        assert!(
            table.contains(r),
            "route {} {} is not in the role × route matrix",
            r.0,
            r.1
        );
    }
    for t in &table {
        assert!(
            routes.contains(t),
            "matrix row {} {} is not a route",
            t.0,
            t.1
        );
    }
}

async fn request(c: &Client, method: &str, path: &str) -> Resp {
    match method {
        "GET" => c.get(path).await,
        "PATCH" => {
            c.send(
                c.http()
                    .patch(c.url(path))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(format!("csrf_token={}", c.csrf())),
            )
            .await
        }
        _ => c.post_form(path, &[]).await,
    }
}

fn check(who: Option<Role>, method: &str, pattern: &str, allowed: bool, res: &Resp) {
    let label = who.map_or("anonymous", Role::as_str);
    let to_login = res.status == 303 && res.location().is_some_and(|l| l.starts_with("/lv/login"));
    if allowed {
        assert!(
            res.status != 401 && res.status != 403 && !to_login,
            "{label} should be allowed {method} {pattern}, got {} {:?}",
            res.status,
            res.location()
        );
    } else if who.is_none() {
        let api = pattern.starts_with("/api/");
        assert!(
            if api { res.status == 401 } else { to_login },
            "anonymous should be sent to log in for {method} {pattern}, got {} {:?}",
            res.status,
            res.location()
        );
    } else {
        assert_eq!(
            res.status, 403,
            "{label} should be refused {method} {pattern}"
        );
    }
}

/// Walks every route as one principal through the browser session; logout goes last.
async fn walk(app: &TestApp, who: Option<Role>) {
    let c = match who {
        Some(role) => app.login(role).await,
        None => {
            let c = app.client();
            // An anonymous visitor has the pre-login token from the login page.
            c.get("/lv/login").await;
            c
        }
    };
    let mut rows: Vec<_> = MATRIX.iter().collect();
    rows.sort_by_key(|(_, p, _)| p.ends_with("/logout"));
    for (method, pattern, allowed) in rows {
        let path = example_path(app, pattern);
        let res = request(&c, method, &path).await;
        check(who, method, pattern, allowed.admits(who), &res);
    }
}

#[tokio::test]
async fn anonymous_visitors_reach_only_public_routes() {
    let app = TestApp::spawn().await;
    walk(&app, None).await;
}

#[tokio::test]
async fn each_role_reaches_exactly_its_routes() {
    let app = TestApp::spawn().await;
    for role in Role::ALL {
        walk(&app, Some(role)).await;
    }
}

#[tokio::test]
async fn api_routes_obey_the_matrix_with_bearer_tokens_too() {
    let app = TestApp::spawn().await;
    for role in Role::ALL {
        let secret = domain::token::new_api_token();
        store::tokens::create_api_token(
            &app.db,
            app.clock_now(),
            &store::Actor::cli(),
            app.user_id(role),
            "matrix",
            &domain::token::hash_secret(&secret),
            None,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let c = app.client();
        c.set_header("authorization", &format!("Bearer {secret}"));
        for (method, pattern, allowed) in MATRIX.iter().filter(|(_, p, _)| p.starts_with("/api/")) {
            let path = example_path(&app, pattern);
            let res = match *method {
                "GET" => c.get(&path).await,
                m => {
                    let req = if m == "PATCH" {
                        c.http().patch(c.url(&path))
                    } else {
                        c.http().post(c.url(&path))
                    };
                    c.send(
                        req.header("content-type", "application/json")
                            .body("{\"label\":\"matrix\"}"),
                    )
                    .await
                }
            };
            check(
                Some(role),
                method,
                pattern,
                allowed.admits(Some(role)),
                &res,
            );
        }
    }
    // A wrong token is 401 problem+json, never a login redirect.
    let c = app.client();
    c.set_header("authorization", "Bearer roma_not-a-real-token");
    let res = c.get("/api/v1/me").await;
    assert_eq!(res.status, 401);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
}
