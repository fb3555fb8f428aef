//! The route registry. Every route is added here with the access it needs; the registry
//! builds the router *and* is what the role × route matrix test compares against, so a
//! route cannot exist without a declared access (deny by default).

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::MethodRouter;
use domain::auth::Permission;
use domain::token;

use crate::features::{directory, events, mediation, plans, platform, reports, site};
use crate::http::error::{ErrorKind, error_response};
use crate::http::forms;
use crate::i18n::Lang;
use crate::openapi;
use crate::principal::{self, CurrentUser, LOGIN_COOKIE, SESSION_COOKIE};
use crate::{AppState, security, statics};

/// What a route needs from the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone. State-changing requests still need a session's CSRF token.
    Public,
    /// Anyone; the login and set-password forms, protected by the pre-login CSRF cookie.
    Guest,
    /// A logged-in browser session with this permission.
    Page(Permission),
    /// An API call: a bearer token, or a browser session (then with CSRF on writes),
    /// with this permission.
    Api(Permission),
}

/// One registered route: method, path pattern, access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

struct Registry {
    routes: Vec<(RouteSpec, MethodRouter<AppState>)>,
}

impl Registry {
    fn get<H: Handler<T, AppState>, T: 'static>(
        &mut self,
        path: &'static str,
        access: Access,
        h: H,
    ) {
        self.routes.push((
            RouteSpec {
                method: "GET",
                path,
                access,
            },
            axum::routing::get(h),
        ));
    }

    fn patch<H: Handler<T, AppState>, T: 'static>(
        &mut self,
        path: &'static str,
        access: Access,
        h: H,
    ) {
        self.routes.push((
            RouteSpec {
                method: "PATCH",
                path,
                access,
            },
            axum::routing::patch(h),
        ));
    }

    fn post<H: Handler<T, AppState>, T: 'static>(
        &mut self,
        path: &'static str,
        access: Access,
        h: H,
    ) {
        self.routes.push((
            RouteSpec {
                method: "POST",
                path,
                access,
            },
            axum::routing::post(h),
        ));
    }
}

// One line per route: this is the table the matrix test checks.
#[rustfmt::skip]
fn registry() -> Registry {
    use Access::*;
    use Permission::*;
    let mut r = Registry { routes: Vec::new() };
    // Public site.
    r.get("/", Public, site::home::root);
    r.get("/healthz", Public, platform::health::healthz);
    r.get("/readyz", Public, platform::health::readyz);
    r.get("/static/{file}", Public, statics::serve);
    r.get("/{lang}/", Public, site::home::home);
    r.get("/{lang}/processing", Public, site::home::processing);
    r.get("/{lang}/accessibility", Public, site::pages::accessibility);
    r.get("/{lang}/privacy", Public, site::pages::privacy);
    r.get("/{lang}/open-data", Public, site::open_data::page);
    r.get("/{lang}/publications", Public, reports::builder::publications);
    r.get("/{lang}/publications/{id}", Public, reports::builder::publication);
    r.get("/publications/{id}/{format}", Public, reports::builder::publication_file);
    r.get("/open-data/{file}", Public, site::open_data::file);
    r.get("/{lang}/pages/{slug}", Public, site::pages::page);
    r.get("/{lang}/news", Public, site::news::list);
    r.get("/{lang}/news.atom", Public, site::news::atom);
    r.get("/{lang}/news/{item}", Public, site::news::item);
    r.get("/{lang}/site/news", Page(ManageSite), site::news::manage);
    r.get("/{lang}/site/news/export", Page(ManageSite), site::news::manage_export);
    r.get("/{lang}/site/news/{id}/edit", Page(ManageSite), site::news::form);
    r.post("/{lang}/site/news/{id}/edit", Page(ManageSite), site::news::save);
    r.get("/{lang}/practices", Public, site::practices::library);
    r.get("/{lang}/practices/export", Public, site::practices::export);
    r.get("/{lang}/practices/{item}", Public, site::practices::practice);
    r.get("/practices/{id}/files/{item}", Public, site::practices::file);
    r.get("/{lang}/practice-submissions", Page(SubmitPractice), site::practices::submissions);
    r.get(
        "/{lang}/practice-submissions/export",
        Page(SubmitPractice),
        site::practices::submissions_export,
    );
    r.get("/{lang}/practice-submissions/{id}", Page(SubmitPractice), site::practices::preview);
    r.get("/{lang}/practice-submissions/{id}/edit", Page(SubmitPractice), site::practices::form);
    r.post("/{lang}/practice-submissions/{id}/edit", Page(SubmitPractice), site::practices::save);
    r.post("/{lang}/practice-submissions/{id}/review", Page(ManageSite), site::practices::review);
    r.post("/{lang}/practice-submissions/{id}/files", Page(SubmitPractice), site::practices::upload_file);
    r.post("/{lang}/practice-submissions/{id}/files/{item}/remove", Page(SubmitPractice), site::practices::remove_file);
    r.get("/{lang}/stories", Public, site::stories::list);
    r.get("/{lang}/stories.atom", Public, site::stories::atom);
    r.get("/{lang}/stories/{item}", Public, site::stories::story);
    r.get("/stories/{id}/photo", Public, site::stories::photo);
    r.get("/{lang}/site/stories", Page(ManageSite), site::stories::manage);
    r.post("/{lang}/site/stories/export", Page(ManageSite), site::stories::manage_export);
    r.get("/{lang}/site/stories/{id}", Page(ManageSite), site::stories::detail);
    r.get("/{lang}/site/stories/{id}/preview", Page(ManageSite), site::stories::preview);
    r.get("/{lang}/site/stories/{id}/edit", Page(ManageSite), site::stories::form);
    r.post("/{lang}/site/stories/{id}/edit", Page(ManageSite), site::stories::save);
    r.post("/{lang}/site/stories/{id}/step", Page(ManageSite), site::stories::step);
    r.post("/{lang}/site/stories/{id}/consent", Page(ManageSite), site::stories::record_consent);
    r.post("/{lang}/site/stories/{id}/consent/withdraw", Page(ManageSite), site::stories::withdraw_consent);
    r.post("/{lang}/site/stories/{id}/photo", Page(ManageSite), site::stories::upload_photo);
    r.post("/{lang}/site/stories/{id}/photo/remove", Page(ManageSite), site::stories::remove_photo);
    r.post("/{lang}/site/stories/{id}/media", Page(ManageSite), site::stories::add_media);
    r.post("/{lang}/site/stories/{id}/media/{item}/remove", Page(ManageSite), site::stories::remove_media);
    r.post("/{lang}/site/stories/{id}/delete", Page(ManageSite), site::stories::delete);
    r.get("/{lang}/site/pages", Page(ManageSite), site::pages::pages);
    r.get("/{lang}/site/pages/{slug}/edit", Page(ManageSite), site::pages::edit);
    r.post("/{lang}/site/pages/{slug}/edit", Page(ManageSite), site::pages::save);
    r.get("/robots.txt", Public, site::pages::robots);
    r.get("/sitemap.xml", Public, site::pages::sitemap);
    r.get("/{lang}/directory", Public, directory::public_directory::page);
    r.get("/{lang}/calendar", Public, events::event::calendar);
    r.get("/{lang}/calendar/export", Public, events::event::export_calendar);
    r.get("/{lang}/calendar/{id}", Public, events::event::public_detail);
    r.get("/{lang}/calendar.ics", Public, events::event::calendar_feed);
    r.get("/{lang}/calendar.atom", Public, events::event::calendar_atom);
    r.get("/{lang}/calendar/{id}/event.ics", Public, events::event::event_ics);
    r.get("/{lang}/calendar/{id}/register", Guest, events::registration::form);
    r.post("/{lang}/calendar/{id}/register", Guest, events::registration::submit);
    r.get("/{lang}/registration/{token}", Guest, events::registration::mine);
    r.post("/{lang}/registration/{token}/cancel", Guest, events::registration::cancel);
    r.post("/{lang}/registration/{token}/confirm", Guest, events::registration::confirm);
    // Login and passwords.
    r.get("/{lang}/participation", Public, events::statistics::public_page);
    r.get("/{lang}/policy", Public, plans::policy::index);
    r.get("/{lang}/policy/{id}", Public, plans::policy::plan);
    r.get("/{lang}/policy/measures/{id}", Public, plans::policy::measure);
    r.get("/{lang}/invitation/{token}", Guest, events::invitations::answer_form);
    r.post("/{lang}/invitation/{token}", Guest, events::invitations::answer);
    r.get("/{lang}/feedback/{token}", Guest, events::feedback::survey_form);
    r.post("/{lang}/feedback/{token}", Guest, events::feedback::survey_submit);
    r.get("/{lang}/calendar/{id}/documents/{item}", Public, events::event_documents::public_download);
    r.get("/{lang}/login", Guest, platform::login::form);
    r.post("/{lang}/login", Guest, platform::login::submit);
    r.post("/{lang}/logout", Page(UseWorkspace), platform::login::logout);
    r.get("/{lang}/login/code", Guest, platform::second_factor::code_form);
    r.post("/{lang}/login/code", Guest, platform::second_factor::code_submit);
    r.post("/{lang}/login/passkey/begin", Guest, platform::passkeys::begin_sign_in);
    r.post("/{lang}/login/passkey", Guest, platform::passkeys::finish_sign_in);
    r.get("/{lang}/password/forgot", Guest, platform::login::forgot_form);
    r.post("/{lang}/password/forgot", Guest, platform::login::forgot_submit);
    r.get("/{lang}/password/set/{token}", Guest, platform::login::set_password_form);
    r.post("/{lang}/password/set/{token}", Guest, platform::login::set_password_submit);
    // Workspace.
    r.get("/{lang}/workspace", Page(UseWorkspace), platform::account::workspace);
    r.get("/{lang}/account", Page(ManageOwnAccount), platform::account::page);
    r.post("/{lang}/account/password", Page(ManageOwnAccount), platform::account::change_password);
    r.get("/{lang}/account/second-factor", Page(ManageOwnAccount), platform::second_factor::page);
    r.post("/{lang}/account/second-factor/begin", Page(ManageOwnAccount), platform::second_factor::begin);
    r.get("/{lang}/account/second-factor/begin", Page(ManageOwnAccount), platform::second_factor::back);
    r.get("/{lang}/account/second-factor/confirm", Page(ManageOwnAccount), platform::second_factor::back);
    r.post(
        "/{lang}/account/second-factor/confirm",
        Page(ManageOwnAccount),
        platform::second_factor::confirm,
    );
    r.post(
        "/{lang}/account/second-factor/recovery",
        Page(ManageOwnAccount),
        platform::second_factor::renew_recovery,
    );
    r.post("/{lang}/account/second-factor/disable", Page(ManageOwnAccount), platform::second_factor::disable);
    r.get("/{lang}/account/passkeys", Page(ManageOwnAccount), platform::passkeys::page);
    r.post(
        "/{lang}/account/passkeys/begin",
        Page(ManageOwnAccount),
        platform::passkeys::begin_registration,
    );
    r.post("/{lang}/account/passkeys", Page(ManageOwnAccount), platform::passkeys::finish_registration);
    r.post("/{lang}/account/passkeys/{id}/delete", Page(ManageOwnAccount), platform::passkeys::remove);
    r.get("/{lang}/account/confirm", Page(UseWorkspace), platform::reauth::form);
    r.post("/{lang}/account/confirm", Page(UseWorkspace), platform::reauth::submit);
    r.post("/{lang}/account/sessions/end", Page(ManageOwnAccount), platform::account::end_sessions);
    r.post("/{lang}/account/tokens", Page(ManageOwnAccount), platform::account::create_token);
    r.post("/{lang}/account/tokens/{id}/revoke", Page(ManageOwnAccount), platform::account::revoke_token);
    r.get("/{lang}/territories", Page(UseWorkspace), directory::territories::page);
    // Events.
    r.get("/{lang}/events", Page(ViewEvents), events::event::list);
    r.get("/{lang}/events/export", Page(ViewEvents), events::event::export_workspace);
    r.get("/{lang}/events/new", Page(ManageEvents), events::event::new_form);
    r.post("/{lang}/events", Page(ManageEvents), events::event::create);
    r.get("/{lang}/events/{id}", Page(ViewEvents), events::event::detail);
    r.get("/{lang}/events/{id}/edit", Page(ManageEvents), events::event::edit_form);
    r.post("/{lang}/events/{id}", Page(ManageEvents), events::event::update);
    r.post("/{lang}/events/{id}/status", Page(ManageEvents), events::event::set_status);
    r.get("/{lang}/events/{id}/registrations", Page(ManageEvents), events::registration::list);
    r.post("/{lang}/events/{id}/registrations/export", Page(ManageEvents), events::registration::export);
    r.get("/{lang}/events/{id}/registrations/new", Page(ManageEvents), events::registration::new_form);
    r.post("/{lang}/events/{id}/registrations/new", Page(ManageEvents), events::registration::create);
    r.post(
        "/{lang}/events/{id}/registrations/{rid}/confirm",
        Page(ManageEvents),
        events::registration::confirm_pending,
    );
    r.post(
        "/{lang}/events/{id}/registrations/{rid}/release",
        Page(ManageEvents),
        events::registration::release_one,
    );
    r.post("/{lang}/events/{id}/registrations/release", Page(ManageEvents), events::registration::release_all);
    r.get("/{lang}/events/{id}/attendance", Page(ViewEvents), events::attendance::screen);
    r.post("/{lang}/events/{id}/attendance/export", Page(ViewEvents), events::attendance::export);
    r.post("/{lang}/events/{id}/attendance/check-in", Page(ViewEvents), events::attendance::check_in);
    r.get("/{lang}/events/{id}/attendance/walk-in", Page(ViewEvents), events::attendance::walk_in_form);
    r.post("/{lang}/events/{id}/attendance/walk-in", Page(ViewEvents), events::attendance::walk_in);
    r.get("/{lang}/events/{id}/attendance/import", Page(ViewEvents), events::attendance_import::form);
    r.post("/{lang}/events/{id}/attendance/import", Page(ViewEvents), events::attendance_import::upload);
    r.get("/{lang}/events/{id}/attendance/import/{item}", Page(ViewEvents), events::attendance_import::preview);
    r.post("/{lang}/events/{id}/attendance/import/{item}/confirm", Page(ViewEvents), events::attendance_import::confirm);
    r.post("/{lang}/events/{id}/attendance/{item}/remove", Page(ViewEvents), events::attendance::remove);
    r.post("/{lang}/events/{id}/attendance/{item}/category", Page(ViewEvents), events::attendance::set_category);
    r.post("/{lang}/events/{id}/attendance/{item}/erase-answers", Page(ManageEvents), events::attendance::erase_answers);
    r.get("/{lang}/events/{id}/sign-in-sheet", Page(ViewEvents), events::attendance::sheet);
    r.get("/{lang}/events/{id}/invitations", Page(ManageEvents), events::invitations::list);
    r.post("/{lang}/events/{id}/invitations/people", Page(ManageEvents), events::invitations::invite_people);
    r.post("/{lang}/events/{id}/invitations/organisations", Page(ManageEvents), events::invitations::invite_organisations);
    r.get("/{lang}/events/{id}/minutes", Page(ManageEvents), events::minutes::form);
    r.post("/{lang}/events/{id}/minutes", Page(ManageEvents), events::minutes::save);
    r.post("/{lang}/events/{id}/minutes/publish", Page(ManageEvents), events::minutes::publish);
    r.post("/{lang}/events/{id}/actions", Page(ManageEvents), events::minutes::add_action);
    r.get("/{lang}/plans", Page(ViewPlans), plans::plan::list);
    r.get("/{lang}/plans/new", Page(ManagePlans), plans::plan::new_form);
    r.post("/{lang}/plans", Page(ManagePlans), plans::plan::create);
    r.get("/{lang}/plans/template.csv", Page(ManagePlans), plans::plan_import::template);
    r.get("/{lang}/plans/{id}", Page(ViewPlans), plans::plan::detail);
    r.get("/{lang}/plans/{id}/export.xlsx", Page(ViewPlans), plans::plan_import::export_plan);
    r.get("/{lang}/plans/{id}/import", Page(ManagePlans), plans::plan_import::form);
    r.post("/{lang}/plans/{id}/import", Page(ManagePlans), plans::plan_import::upload);
    r.get("/{lang}/plans/{id}/import/{item}", Page(ManagePlans), plans::plan_import::preview);
    r.post("/{lang}/plans/{id}/import/{item}/confirm", Page(ManagePlans), plans::plan_import::confirm);
    r.get("/{lang}/plans/{id}/edit", Page(ManagePlans), plans::plan::edit_form);
    r.post("/{lang}/plans/{id}", Page(ManagePlans), plans::plan::update);
    r.post("/{lang}/plans/{id}/tasks", Page(ManagePlans), plans::plan::add_task);
    r.get("/{lang}/plans/{id}/measures/new", Page(ManagePlans), plans::measures::new_form);
    r.post("/{lang}/plans/{id}/measures", Page(ManagePlans), plans::measures::create);
    r.get("/{lang}/measures/{id}", Page(ViewPlans), plans::measures::detail);
    r.get("/{lang}/measures/{id}/edit", Page(ManagePlans), plans::measures::edit_form);
    r.post("/{lang}/measures/{id}", Page(ManagePlans), plans::measures::update);
    r.get("/{lang}/plans/{id}/indicators/new", Page(ManagePlans), plans::indicators::new_form);
    r.post("/{lang}/plans/{id}/indicators", Page(ManagePlans), plans::indicators::create);
    r.get("/{lang}/indicators/{id}", Page(ViewPlans), plans::indicators::detail);
    r.get("/{lang}/indicators/{id}/edit", Page(ManagePlans), plans::indicators::edit_form);
    r.post("/{lang}/indicators/{id}", Page(ManagePlans), plans::indicators::update);
    r.post("/{lang}/indicators/{id}/values", Page(ManagePlans), plans::indicators::set_value);
    r.get("/{lang}/plans/{id}/rounds/new", Page(ManagePlans), plans::rounds::new_round);
    r.post("/{lang}/plans/{id}/rounds", Page(ManagePlans), plans::rounds::open_round);
    r.get("/{lang}/rounds/{id}", Page(ManagePlans), plans::rounds::board);
    r.get("/{lang}/rounds/{id}/export.xlsx", Page(ManagePlans), plans::plan_import::export_round);
    r.post("/{lang}/rounds/{id}/remind", Page(ManagePlans), plans::rounds::remind);
    r.post("/{lang}/rounds/{id}/close", Page(ManagePlans), plans::rounds::close);
    r.get("/{lang}/reports", Page(ReportProgress), plans::rounds::my_reports);
    r.get("/{lang}/reports/{id}", Page(ReportProgress), plans::rounds::report);
    r.post("/{lang}/reports/{id}", Page(ReportProgress), plans::rounds::save);
    r.post("/{lang}/reports/{id}/review", Page(ManagePlans), plans::rounds::review);
    r.post("/{lang}/reports/{id}/files", Page(ReportProgress), plans::rounds::add_file);
    r.get("/{lang}/reports/{id}/files/{item}", Page(ReportProgress), plans::rounds::file);
    r.post("/{lang}/reports/{id}/files/{item}/remove", Page(ReportProgress), plans::rounds::remove_file);
    r.get("/{lang}/mediation", Page(WorkCases), mediation::families::families);
    r.post("/{lang}/mediation/families", Page(WorkCases), mediation::families::create_family);
    r.get("/{lang}/mediation/families/{id}", Page(WorkCases), mediation::families::family);
    r.post("/{lang}/mediation/families/{id}/members", Page(WorkCases), mediation::families::add_member);
    r.post("/{lang}/mediation/families/{id}/contacts", Page(WorkCases), mediation::families::add_contact);
    r.post("/{lang}/mediation/families/{id}/consents", Page(WorkCases), mediation::case_log::add_consent);
    r.post(
        "/{lang}/mediation/families/{id}/consents/{consent}/withdraw",
        Page(WorkCases),
        mediation::case_log::withdraw_consent,
    );
    r.post("/{lang}/mediation/families/{id}/referrals", Page(WorkCases), mediation::case_log::add_referral);
    r.post(
        "/{lang}/mediation/families/{id}/referrals/{referral}",
        Page(WorkCases),
        mediation::case_log::update_referral,
    );
    r.post("/{lang}/mediation/families/{id}/followups", Page(WorkCases), mediation::case_log::add_followup);
    r.post(
        "/{lang}/mediation/families/{id}/followups/{followup}",
        Page(WorkCases),
        mediation::case_log::set_followup_result,
    );
    r.post("/{lang}/mediation/families/{id}/status", Page(WorkCases), mediation::case_log::set_status);
    r.get(
        "/{lang}/mediation/families/{id}/members/{member}/export",
        Page(WorkCases),
        mediation::subject_rights::export,
    );
    r.post(
        "/{lang}/mediation/families/{id}/members/{member}/erase",
        Page(WorkCases),
        mediation::subject_rights::erase_member,
    );
    r.post("/{lang}/mediation/families/{id}/erase", Page(WorkCases), mediation::subject_rights::erase_family);
    r.get("/{lang}/mediation/assignments", Page(ManageMediation), mediation::families::assignments);
    r.post(
        "/{lang}/mediation/assignments/export",
        Page(ManageMediation),
        mediation::families::export_assignments,
    );
    r.get("/{lang}/mediation/supervision", Page(ManageMediation), mediation::supervision::page);
    r.get("/{lang}/mediation/retention", Page(ManageMediation), mediation::supervision::retention);
    r.get("/{lang}/mediation/reports", Page(WorkCases), mediation::month_reports::page);
    r.post("/{lang}/mediation/reports", Page(WorkCases), mediation::month_reports::submit);
    r.post("/{lang}/mediation/reports/download", Page(WorkCases), mediation::month_reports::download);
    r.get(
        "/{lang}/mediation/supervision/reports",
        Page(ManageMediation),
        mediation::month_reports::supervised,
    );
    r.post(
        "/{lang}/mediation/supervision/reports/{id}/download",
        Page(ManageMediation),
        mediation::month_reports::supervised_download,
    );
    r.get(
        "/{lang}/mediation/supervision/families/{id}",
        Page(ManageMediation),
        mediation::supervision::reason_form,
    );
    r.post(
        "/{lang}/mediation/supervision/families/{id}",
        Page(ManageMediation),
        mediation::supervision::open,
    );
    r.get("/{lang}/mediation/figures", Page(ViewMediationFigures), mediation::figures::page);
    r.get("/{lang}/mediation/figures/report", Page(ViewMediationFigures), mediation::figures::report);
    r.post("/{lang}/mediation/assignments", Page(ManageMediation), mediation::families::add_assignment);
    r.post(
        "/{lang}/mediation/assignments/{id}/end",
        Page(ManageMediation),
        mediation::families::end_assignment,
    );
    r.get(
        "/{lang}/mediation/assignments/{id}/supervisor",
        Page(ManageMediation),
        mediation::supervisors::page,
    );
    r.post(
        "/{lang}/mediation/assignments/{id}/supervisor",
        Page(ManageMediation),
        mediation::supervisors::propose,
    );
    r.post(
        "/{lang}/mediation/assignments/{id}/supervisor/decide",
        Page(ManageMediation),
        mediation::supervisors::decide,
    );
    r.get("/{lang}/mediation/handover", Page(ManageMediation), mediation::handovers::page);
    r.post("/{lang}/mediation/handover", Page(ManageMediation), mediation::handovers::propose);
    r.post(
        "/{lang}/mediation/handover/{id}/decide",
        Page(ManageMediation),
        mediation::handovers::decide,
    );
    r.get("/{lang}/actions", Page(ViewEvents), events::actions::list);
    r.get("/{lang}/actions/export", Page(ViewEvents), events::actions::export);
    r.get("/{lang}/actions/{id}", Page(ViewEvents), events::actions::detail);
    r.post("/{lang}/actions/{id}/progress", Page(ViewEvents), events::actions::progress);
    r.get("/{lang}/events/{id}/feedback", Page(ManageEvents), events::feedback::summary);
    r.post("/{lang}/events/{id}/feedback/send", Page(ManageEvents), events::feedback::send);
    r.get("/{lang}/events/{id}/documents", Page(ManageEvents), events::event_documents::list);
    r.post("/{lang}/events/{id}/documents", Page(ManageEvents), events::event_documents::upload);
    r.get("/{lang}/events/{id}/documents/{item}", Page(ViewEvents), events::event_documents::download);
    r.post("/{lang}/events/{id}/documents/{item}/delete", Page(ManageEvents), events::event_documents::remove);
    r.get("/{lang}/events/{id}/agenda", Page(ManageEvents), events::agenda::page);
    r.post("/{lang}/events/{id}/agenda", Page(ManageEvents), events::agenda::add);
    r.get("/{lang}/events/{id}/agenda/{item}", Page(ManageEvents), events::agenda::edit_form);
    r.post("/{lang}/events/{id}/agenda/{item}", Page(ManageEvents), events::agenda::update);
    r.post("/{lang}/events/{id}/agenda/{item}/delete", Page(ManageEvents), events::agenda::remove);
    r.post("/{lang}/events/{id}/agenda/{item}/move", Page(ManageEvents), events::agenda::move_item);
    // Participation statistics.
    r.get("/{lang}/statistics", Page(ViewStatistics), events::statistics::coordinator_page);
    r.get("/{lang}/statistics/export", Page(ViewStatistics), events::statistics::export);
    // Reports (issue 8).
    r.get("/{lang}/report-builder", Page(IssueReports), reports::builder::page);
    r.get("/{lang}/report-builder/download", Page(IssueReports), reports::builder::download);
    r.post("/{lang}/report-builder/narratives", Page(IssueReports), reports::builder::save_narratives);
    r.post("/{lang}/report-builder/issue", Page(IssueReports), reports::builder::issue);
    r.get(
        "/{lang}/report-builder/issued/export",
        Page(IssueReports),
        reports::builder::issued_export,
    );
    r.get("/{lang}/report-builder/issued/{id}", Page(IssueReports), reports::builder::issued);
    r.get("/{lang}/report-builder/issued/{id}/{format}", Page(IssueReports), reports::builder::issued_download);
    r.post("/{lang}/report-builder/issued/{id}/withdraw", Page(IssueReports), reports::builder::withdraw);
    // Directory.
    r.get("/{lang}/organisations", Page(ViewDirectory), directory::organisations::list);
    r.get("/{lang}/organisations/new", Page(ManageDirectory), directory::organisations::new_form);
    r.post("/{lang}/organisations", Page(ManageDirectory), directory::organisations::create);
    r.get("/{lang}/organisations/{id}", Page(ViewDirectory), directory::organisations::detail);
    r.get("/{lang}/organisations/{id}/edit", Page(ManageDirectory), directory::organisations::edit_form);
    r.post("/{lang}/organisations/{id}", Page(ManageDirectory), directory::organisations::update);
    r.post("/{lang}/organisations/{id}/merge", Page(ManageDirectory), directory::organisations::merge);
    r.post("/{lang}/organisations/{id}/listing", Page(ManageDirectory), directory::public_directory::set_organisation);
    r.post("/{lang}/organisations/{id}/listing/withdraw", Page(ManageDirectory), directory::public_directory::withdraw_organisation);
    r.get("/{lang}/people", Page(ViewDirectory), directory::people::list);
    r.get("/{lang}/people/new", Page(ManageDirectory), directory::people::new_form);
    r.get("/{lang}/people/import", Page(ManageDirectory), directory::transfer::import_form);
    r.post("/{lang}/people/import", Page(ManageDirectory), directory::transfer::import_upload);
    r.get("/{lang}/people/import/{id}", Page(ManageDirectory), directory::transfer::import_preview);
    r.post("/{lang}/people/import/{id}/confirm", Page(ManageDirectory), directory::transfer::import_confirm);
    r.post("/{lang}/people/export", Page(ViewDirectory), directory::transfer::export_people);
    r.post("/{lang}/organisations/export", Page(ViewDirectory), directory::transfer::export_organisations);
    r.get("/{lang}/organisations/import", Page(ManageDirectory), directory::transfer::import_orgs_form);
    r.post("/{lang}/organisations/import", Page(ManageDirectory), directory::transfer::import_orgs_upload);
    r.get("/{lang}/organisations/import/{id}", Page(ManageDirectory), directory::transfer::import_orgs_preview);
    r.post("/{lang}/organisations/import/{id}/confirm", Page(ManageDirectory), directory::transfer::import_orgs_confirm);
    r.post("/{lang}/people", Page(ManageDirectory), directory::people::create);
    r.get("/{lang}/people/{id}", Page(ViewDirectory), directory::people::detail);
    r.get("/{lang}/people/{id}/edit", Page(ManageDirectory), directory::people::edit_form);
    r.post("/{lang}/people/{id}", Page(ManageDirectory), directory::people::update);
    r.post("/{lang}/people/{id}/merge", Page(ManageDirectory), directory::people::merge);
    r.post("/{lang}/people/{id}/listing", Page(ManageDirectory), directory::public_directory::set_person);
    r.post("/{lang}/people/{id}/listing/withdraw", Page(ManageDirectory), directory::public_directory::withdraw_person);
    r.post("/{lang}/people/{id}/memberships", Page(ManageDirectory), directory::people::add_membership);
    r.post("/{lang}/people/{id}/memberships/{mid}/end", Page(ManageDirectory), directory::people::end_membership);
    r.post("/{lang}/people/{id}/roma-identity", Page(RecordRomaIdentity), directory::people::record_roma);
    r.post("/{lang}/people/{id}/roma-identity/withdraw", Page(RecordRomaIdentity), directory::people::withdraw_roma);
    // Administration.
    r.get("/{lang}/admin/users", Page(ManageUsers), platform::admin::users);
    r.post("/{lang}/admin/users/export", Page(ManageUsers), platform::admin::export_users);
    r.get("/{lang}/admin/users/new", Page(ManageUsers), platform::admin::new_user_form);
    r.post("/{lang}/admin/users", Page(ManageUsers), platform::admin::create_user);
    r.get("/{lang}/admin/users/{id}", Page(ManageUsers), platform::admin::edit_user_form);
    r.post("/{lang}/admin/users/{id}", Page(ManageUsers), platform::admin::update_user);
    r.post("/{lang}/admin/users/{id}/password-link", Page(ManageUsers), platform::admin::password_link);
    r.post("/{lang}/admin/users/{id}/reset-mfa", Page(ManageUsers), platform::admin::reset_mfa);
    r.get("/{lang}/admin/audit", Page(ViewAuditLog), platform::admin::audit);
    r.post("/{lang}/admin/audit/export", Page(ViewAuditLog), platform::admin::export_audit);
    r.get("/{lang}/admin/outbox", Page(ManageUsers), platform::admin::outbox);
    r.post("/{lang}/admin/audit/{id}/undo", Page(ManageDirectory), platform::admin::undo_merge);
    // JSON API.
    r.get("/api/v1/openapi.json", Public, openapi::openapi);
    r.get("/api/v1/news", Public, site::news::api);
    r.get("/api/v1/practices", Public, site::practices::api);
    r.get("/api/v1/stories", Public, site::stories::api);
    r.get("/api/v1/me", Api(UseWorkspace), platform::api_tokens::me);
    r.get("/api/v1/me/tokens", Api(ManageOwnAccount), platform::api_tokens::list_tokens);
    r.post("/api/v1/me/tokens", Api(ManageOwnAccount), platform::api_tokens::create_token);
    r.post("/api/v1/me/tokens/{id}/revoke", Api(ManageOwnAccount), platform::api_tokens::revoke_token);
    r.get("/api/v1/territories", Api(UseWorkspace), directory::territories::api_list);
    r.get("/api/v1/organisations", Api(ViewDirectory), directory::api::list_orgs);
    r.post("/api/v1/organisations", Api(ManageDirectory), directory::api::create_org);
    r.get("/api/v1/organisations/{id}", Api(ViewDirectory), directory::api::get_org);
    r.patch("/api/v1/organisations/{id}", Api(ManageDirectory), directory::api::patch_org);
    r.get("/api/v1/people", Api(ViewDirectory), directory::api::list_people);
    r.post("/api/v1/people", Api(ManageDirectory), directory::api::create_person);
    r.get("/api/v1/people/{id}", Api(ViewDirectory), directory::api::get_person);
    r.patch("/api/v1/people/{id}", Api(ManageDirectory), directory::api::patch_person);
    r.get("/api/v1/plans", Api(ViewPlans), plans::api::plans);
    r.get("/api/v1/measures", Api(ViewPlans), plans::api::measures);
    r.get("/api/v1/indicators", Api(ViewPlans), plans::api::indicators);
    r.post("/api/v1/rounds/{id}/submissions", Api(ReportProgress), plans::api::submit);
    r.get("/api/v1/events", Api(ViewEvents), events::api::list);
    r.get("/api/v1/events/{id}", Api(ViewEvents), events::api::get);
    r.get(
        "/api/v1/events/{id}/registrations",
        Api(ManageEvents),
        events::api::registrations,
    );
    r.get("/api/v1/events/{id}/attendance", Api(ViewEvents), events::attendance_api::list);
    r.post("/api/v1/events/{id}/attendance", Api(ViewEvents), events::attendance_api::post);
    r.get(
        "/api/v1/statistics/participation",
        Api(ViewStatistics),
        events::statistics::api,
    );
    r.get(
        "/api/v1/statistics/mediation",
        Api(ViewMediationFigures),
        mediation::figures::api,
    );
    r
}

/// Every route the app serves, for the matrix and crawl tests.
pub fn routes() -> Vec<RouteSpec> {
    registry().routes.into_iter().map(|(s, _)| s).collect()
}

/// The whole application with its middleware.
pub fn app(state: AppState) -> Router {
    let body_limit = max_body(state.settings());
    let mut router: Router<AppState> = Router::new();
    for (spec, method_router) in registry().routes {
        let upload = UPLOAD_ROUTES.contains(&spec.path);
        let limit = if upload { body_limit } else { MAX_FORM_BYTES };
        let method_router = if upload {
            method_router.layer(axum::extract::DefaultBodyLimit::max(body_limit))
        } else {
            method_router
        };
        let guarded = method_router.route_layer(middleware::from_fn_with_state(
            (state.clone(), spec, limit),
            access,
        ));
        router = router.route(spec.path, guarded);
    }
    router
        .fallback(|| async { error_response(ErrorKind::NotFound) })
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("handler panicked");
                error_response(ErrorKind::Internal)
            },
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(30),
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::error_pages,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_FORM_BYTES))
        .layer(middleware::from_fn(security::headers))
        .layer(middleware::from_fn(security::request_id))
        .with_state(state)
}

/// The largest request body read for an import file and its form.
const MAX_FORM_BYTES: usize = 3 * 1024 * 1024;

/// The routes that take document uploads, the only ones read beyond `MAX_FORM_BYTES`.
const UPLOAD_ROUTES: &[&str] = &[
    "/{lang}/events/{id}/documents",
    "/{lang}/reports/{id}/files",
    "/{lang}/site/stories/{id}/photo",
    "/{lang}/practice-submissions/{id}/files",
];

/// The largest request body read: an import, or a document upload of the configured size
/// with its form.
pub fn max_body(settings: &crate::Settings) -> usize {
    MAX_FORM_BYTES.max(settings.max_upload_bytes() + 256 * 1024)
}

/// A short text field of a `multipart/form-data` body (file uploads): our forms put the
/// CSRF token before the file, so the start of the body is enough.
fn multipart_field(body: &[u8], name: &str) -> Option<String> {
    let head = String::from_utf8_lossy(body.get(..body.len().min(64 * 1024))?);
    let marker = format!("name=\"{name}\"");
    let rest = &head[head.find(&marker)? + marker.len()..];
    let value = &rest[rest.find("\r\n\r\n")? + 4..];
    Some(value[..value.find("\r\n")?].to_owned())
}

/// The guest routes with a throttle of their own (login, its second step by code or passkey,
/// setting a password from a link); "forgot your password?" counts against the public forms'
/// ceiling like any other.
fn own_throttle(path: &str) -> bool {
    path.ends_with("/login")
        || path.ends_with("/login/code")
        || path.ends_with("/login/passkey")
        || path.ends_with("/login/passkey/begin")
        || path.contains("/password/set/")
}

/// The body's media type, lower case, without parameters.
fn content_type(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// JSON as axum's `Json` takes it: `application/json` or `application/…+json`.
fn json(headers: &axum::http::HeaderMap) -> bool {
    let t = content_type(headers);
    t == "application/json" || (t.starts_with("application/") && t.ends_with("+json"))
}

/// A form's or a JSON body's typed text in NFC (`forms::nfc_form`, `forms::nfc_json`);
/// a changed body drops its now wrong Content-Length.
fn nfc_body(headers: &mut axum::http::HeaderMap, bytes: axum::body::Bytes) -> axum::body::Bytes {
    let normal = if content_type(headers) == "application/x-www-form-urlencoded" {
        forms::nfc_form(&bytes).map(String::into_bytes)
    } else if json(headers) {
        forms::nfc_json(&bytes)
    } else {
        None
    };
    match normal {
        Some(n) => {
            headers.remove(header::CONTENT_LENGTH);
            axum::body::Bytes::from(n)
        }
        None => bytes,
    }
}

/// The routes that need the password given again within ten minutes (`crate::reauth`):
/// exports of personal lists, erasure, opening a family under supervision, resetting a
/// second factor or turning one's own off, new recovery codes, API tokens.
pub const FRESH_ROUTES: &[(&str, &str)] = &[
    ("POST", "/{lang}/events/{id}/registrations/export"),
    ("POST", "/{lang}/events/{id}/attendance/export"),
    (
        "POST",
        "/{lang}/events/{id}/attendance/{item}/erase-answers",
    ),
    ("POST", "/{lang}/people/export"),
    ("POST", "/{lang}/organisations/export"),
    ("POST", "/{lang}/admin/users"),
    ("POST", "/{lang}/admin/users/{id}/password-link"),
    ("POST", "/{lang}/admin/users/export"),
    ("POST", "/{lang}/admin/audit/export"),
    ("POST", "/{lang}/site/stories/export"),
    ("POST", "/{lang}/mediation/assignments/export"),
    (
        "GET",
        "/{lang}/mediation/families/{id}/members/{member}/export",
    ),
    (
        "POST",
        "/{lang}/mediation/families/{id}/members/{member}/erase",
    ),
    ("POST", "/{lang}/mediation/families/{id}/erase"),
    ("GET", "/{lang}/mediation/supervision/families/{id}"),
    ("POST", "/{lang}/mediation/supervision/families/{id}"),
    (
        "POST",
        "/{lang}/mediation/assignments/{id}/supervisor/decide",
    ),
    (
        "POST",
        "/{lang}/mediation/supervision/reports/{id}/download",
    ),
    ("POST", "/{lang}/admin/users/{id}/reset-mfa"),
    ("POST", "/{lang}/account/tokens"),
    ("POST", "/{lang}/account/sessions/end"),
    ("POST", "/{lang}/account/second-factor/begin"),
    ("POST", "/{lang}/account/second-factor/confirm"),
    ("POST", "/{lang}/account/second-factor/disable"),
    ("POST", "/{lang}/account/second-factor/recovery"),
    // The API from a browser session (a bearer token was made after the password was
    // given again): new tokens, and the lists of people, registrations and attendance.
    ("POST", "/api/v1/me/tokens"),
    ("GET", "/api/v1/people"),
    ("GET", "/api/v1/events/{id}/registrations"),
    ("GET", "/api/v1/events/{id}/attendance"),
    ("GET", "/{lang}/account/passkeys"),
    ("POST", "/{lang}/account/passkeys/begin"),
    ("POST", "/{lang}/account/passkeys"),
    ("POST", "/{lang}/account/passkeys/{id}/delete"),
    ("POST", "/{lang}/mediation/handover/{id}/decide"),
];

/// The routes open to an account that must turn on two-step sign-in and has not yet.
const ENROLMENT_ROUTES: &[&str] = &[
    "/{lang}/account/confirm",
    "/{lang}/account/second-factor",
    "/{lang}/account/second-factor/begin",
    "/{lang}/account/second-factor/confirm",
    "/{lang}/logout",
];

/// Resolves the caller, checks CSRF on state-changing requests, then the route's access.
async fn access(
    State((state, spec, body_limit)): State<(AppState, RouteSpec, usize)>,
    mut req: Request,
    next: Next,
) -> Response {
    let access = spec.access;
    let lang = Lang::from_path(req.uri().path());
    let now = state.now();
    let headers = req.headers().clone();
    let is_api = matches!(access, Access::Api(_));
    // Typed text in NFC: the query string here, a form's body where it is read below.
    if let Some(q) = req
        .uri()
        .query()
        .and_then(|q| forms::nfc_form(q.as_bytes()))
    {
        let mut parts = req.uri().clone().into_parts();
        parts.path_and_query = format!("{}?{q}", req.uri().path()).parse().ok();
        if let Ok(uri) = axum::http::Uri::from_parts(parts) {
            *req.uri_mut() = uri;
        }
    }

    // Who is asking.
    let mut user: Option<CurrentUser> = None;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let (true, Some(secret)) = (is_api, bearer) {
        match store::tokens::lookup_api_token(state.db(), now, &token::hash_secret(secret.trim()))
            .await
        {
            Ok(Some(t)) => user = Some(CurrentUser::from_token(t)),
            Ok(None) => return error_response(ErrorKind::Unauthenticated),
            Err(e) => return crate::AppError::from(e).into_response(),
        }
    } else if let Some(secret) = principal::cookie(&headers, SESSION_COOKIE) {
        let id_hash = token::hash_secret(secret);
        match store::sessions::lookup(state.db(), now, &id_hash, state.settings().lifetimes()).await
        {
            Ok(Some(s)) => user = Some(CurrentUser::from_session(s, id_hash)),
            Ok(None) => {}
            // Fail closed: if we cannot tell who it is, nobody is let in.
            Err(e) => return crate::AppError::from(e).into_response(),
        }
    }

    // CSRF on every state-changing request that a browser could send by itself.
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let by_token = user.as_ref().is_some_and(|u| u.token_id().is_some());
    if unsafe_method && !by_token {
        if headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site")
        {
            tracing::warn!("cross-site request refused");
            return error_response(ErrorKind::Forbidden);
        }
        // The session's token; on the login and set-password forms also the pre-login
        // cookie's (a logged-in user may open a set-password link too).
        let mut expected: Vec<String> = Vec::new();
        if let Some(u) = &user {
            expected.push(u.csrf_token().to_owned());
        }
        if access == Access::Guest
            && let Some(v) = principal::cookie(&headers, LOGIN_COOKIE)
        {
            expected.push(v.to_owned());
        }
        let (parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, body_limit).await {
            Ok(b) => b,
            Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE).into_response(),
        };
        let provided = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| {
                let multipart = parts
                    .headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.starts_with("multipart/form-data"));
                if multipart {
                    multipart_field(&bytes, "csrf_token")
                } else {
                    url::form_urlencoded::parse(&bytes)
                        .find(|(k, _)| k == "csrf_token")
                        .map(|(_, v)| v.into_owned())
                }
            });
        let ok = provided.is_some_and(|p| {
            expected
                .iter()
                .any(|e| !e.is_empty() && token::constant_time_eq(e, &p))
        });
        if !ok {
            // An anonymous POST to a page that needs login is a login problem, not CSRF.
            if user.is_none() && matches!(access, Access::Page(_)) {
                return Redirect::to(&format!("/{}/login", lang.code())).into_response();
            }
            if user.is_none() && is_api {
                return error_response(ErrorKind::Unauthenticated);
            }
            tracing::warn!("missing or wrong CSRF token");
            return error_response(ErrorKind::Forbidden);
        }
        let mut parts = parts;
        let bytes = nfc_body(&mut parts.headers, bytes);
        req = Request::from_parts(parts, Body::from(bytes));
    }

    // The public forms, which anyone may post: a ceiling per client address (login and
    // password links have their own throttle).
    if unsafe_method && access == Access::Guest && !own_throttle(req.uri().path()) {
        let peer = req
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0);
        let ip = principal::client_ip(peer, &headers, &state.settings().trusted_proxies);
        let limits = state.settings().public_forms;
        match store::throttle::public_post(
            state.db(),
            now,
            &ip.to_string(),
            now - limits.window_minutes * 60,
            limits.max_posts_per_address,
        )
        .await
        {
            Ok(None) => {}
            Ok(Some(wait)) => {
                tracing::warn!("public form posts over the ceiling");
                let mut res = error_response(ErrorKind::TooManyRequests);
                if let Ok(v) = axum::http::HeaderValue::from_str(&wait.to_string()) {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
                return res;
            }
            Err(e) => return crate::AppError::from(e).into_response(),
        }
    }

    // Access.
    let needed = match access {
        Access::Public | Access::Guest => None,
        Access::Page(p) | Access::Api(p) => Some(p),
    };
    if let Some(permission) = needed {
        match &user {
            None if is_api => return error_response(ErrorKind::Unauthenticated),
            None => {
                let next_path = req
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default();
                let target = format!(
                    "/{}/login?next={}",
                    lang.code(),
                    url::form_urlencoded::byte_serialize(next_path.as_bytes()).collect::<String>()
                );
                return Redirect::to(&target).into_response();
            }
            Some(u) if !u.can(permission) => {
                tracing::info!(user_id = u.id, ?permission, "access denied");
                return error_response(ErrorKind::Forbidden);
            }
            Some(u) => {
                // A role that must have a second factor: nothing but enrolment until it has
                // (an API token of such an account is refused as well).
                if state.settings().accounts.factor_required(u.role)
                    && !u.has_factor
                    && !ENROLMENT_ROUTES.contains(&spec.path)
                {
                    if is_api {
                        return error_response(ErrorKind::Forbidden);
                    }
                    return Redirect::to(&format!("/{}/account/second-factor", lang.code()))
                        .into_response();
                }
                if FRESH_ROUTES.contains(&(spec.method, spec.path)) && crate::reauth::stale(u, now)
                {
                    if is_api {
                        return error_response(ErrorKind::Forbidden);
                    }
                    let back = if *req.method() == Method::GET {
                        req.uri()
                            .path_and_query()
                            .map(|p| p.as_str().to_owned())
                            .unwrap_or_default()
                    } else {
                        crate::reauth::back_from_post(lang, &headers)
                    };
                    return crate::reauth::ask(lang, &back);
                }
            }
        }
    }
    // On public routes too, an account that still has to turn on its second factor is
    // nobody (unpublished files and photos are served to their editors only).
    let user = user.filter(|u| {
        let pending = state.settings().accounts.factor_required(u.role) && !u.has_factor;
        !pending || ENROLMENT_ROUTES.contains(&spec.path) || needed.is_some()
    });
    if let Some(u) = user {
        if state.settings().accounts.factor_required(u.role) && !u.has_factor {
            req.extensions_mut().insert(crate::page::EnrolmentPending);
        }
        req.extensions_mut().insert(u);
    }
    if unsafe_method && by_token && json(&headers) {
        // A call by token (allowed by now): no CSRF to check, but its JSON in NFC as well.
        let (mut parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, body_limit).await {
            Ok(b) => b,
            Err(_) => return (StatusCode::PAYLOAD_TOO_LARGE).into_response(),
        };
        let bytes = nfc_body(&mut parts.headers, bytes);
        req = Request::from_parts(parts, Body::from(bytes));
    }
    next.run(req).await
}
