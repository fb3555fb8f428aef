//! Events: the calendar and event pages, agenda, registration, invitations, attendance, minutes, follow-up actions, feedback, documents and participation statistics.

pub mod actions;
pub mod agenda;
pub mod api;
pub mod attendance;
pub mod attendance_api;
pub mod attendance_import;
pub mod event;
pub mod event_documents;
pub mod event_form;
pub mod feedback;
pub mod invitations;
pub mod lifecycle_api;
pub mod minutes;
pub mod minutes_api;
pub mod registration;
pub mod statistics;

use crate::http::registry::{Access, Registry};

/// The events area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/{lang}/calendar", Public, event::calendar);
    r.get("/{lang}/calendar/export", Public, event::export_calendar);
    r.get("/{lang}/calendar/{id}", Public, event::public_detail);
    r.get("/{lang}/calendar.ics", Public, event::calendar_feed);
    r.get("/{lang}/calendar.atom", Public, event::calendar_atom);
    r.get("/{lang}/calendar/{id}/event.ics", Public, event::event_ics);
    r.get("/{lang}/calendar/{id}/register", Guest, registration::form);
    r.post("/{lang}/calendar/{id}/register", Guest, registration::submit);
    r.get("/{lang}/registration/{token}", Guest, registration::mine);
    r.post("/{lang}/registration/{token}/cancel", Guest, registration::cancel);
    r.post("/{lang}/registration/{token}/confirm", Guest, registration::confirm);
    // Login and passwords.
    r.get("/{lang}/participation", Public, statistics::public_page);
    r.get("/{lang}/invitation/{token}", Guest, invitations::answer_form);
    r.post("/{lang}/invitation/{token}", Guest, invitations::answer);
    r.get("/{lang}/invitations/{id}", Page(UseWorkspace), invitations::workspace_form);
    r.post("/{lang}/invitations/{id}", Page(UseWorkspace), invitations::workspace_answer);
    r.get("/{lang}/feedback/{token}", Guest, feedback::survey_form);
    r.post("/{lang}/feedback/{token}", Guest, feedback::survey_submit);
    r.get("/{lang}/calendar/{id}/documents/{item}", Public, event_documents::public_download);
    // Events.
    r.get("/{lang}/events", Page(ViewEvents), event::list);
    r.get("/{lang}/events/export", Page(ViewEvents), event::export_workspace);
    r.get("/{lang}/events/new", Page(ManageEvents), event_form::new_form);
    r.post("/{lang}/events", Page(ManageEvents), event_form::create);
    r.get("/{lang}/events/{id}", Page(ViewEvents), event::detail);
    r.get("/{lang}/events/{id}/edit", Page(ManageEvents), event_form::edit_form);
    r.post("/{lang}/events/{id}", Page(ManageEvents), event_form::update);
    r.post("/{lang}/events/{id}/status", Page(ManageEvents), event::set_status);
    r.get("/{lang}/events/{id}/registrations", Page(ManageEvents), registration::list);
    r.post("/{lang}/events/{id}/registrations/export", Page(ManageEvents), registration::export);
    r.get("/{lang}/events/{id}/registrations/new", Page(ManageEvents), registration::new_form);
    r.post("/{lang}/events/{id}/registrations/new", Page(ManageEvents), registration::create);
    r.post(
        "/{lang}/events/{id}/registrations/{rid}/confirm",
        Page(ManageEvents),
        registration::confirm_pending,
    );
    r.post(
        "/{lang}/events/{id}/registrations/{rid}/release",
        Page(ManageEvents),
        registration::release_one,
    );
    r.post("/{lang}/events/{id}/registrations/release", Page(ManageEvents), registration::release_all);
    r.get("/{lang}/events/{id}/attendance", Page(ViewEvents), attendance::screen);
    r.post("/{lang}/events/{id}/attendance/export", Page(ViewEvents), attendance::export);
    r.post("/{lang}/events/{id}/attendance/check-in", Page(ViewEvents), attendance::check_in);
    r.get("/{lang}/events/{id}/attendance/walk-in", Page(ViewEvents), attendance::walk_in_form);
    r.post("/{lang}/events/{id}/attendance/walk-in", Page(ViewEvents), attendance::walk_in);
    r.get("/{lang}/events/{id}/attendance/import", Page(ViewEvents), attendance_import::form);
    r.post("/{lang}/events/{id}/attendance/import", Page(ViewEvents), attendance_import::upload);
    r.get("/{lang}/events/{id}/attendance/import/{item}", Page(ViewEvents), attendance_import::preview);
    r.post("/{lang}/events/{id}/attendance/import/{item}/confirm", Page(ViewEvents), attendance_import::confirm);
    r.post("/{lang}/events/{id}/attendance/{item}/remove", Page(ViewEvents), attendance::remove);
    r.post("/{lang}/events/{id}/attendance/{item}/category", Page(ViewEvents), attendance::set_category);
    r.post("/{lang}/events/{id}/attendance/{item}/erase-answers", Page(ManageEvents), attendance::erase_answers);
    r.get("/{lang}/events/{id}/sign-in-sheet", Page(ViewEvents), attendance::sheet);
    r.get("/{lang}/events/{id}/invitations", Page(ManageEvents), invitations::list);
    r.post("/{lang}/events/{id}/invitations/people", Page(ManageEvents), invitations::invite_people);
    r.post("/{lang}/events/{id}/invitations/organisations", Page(ManageEvents), invitations::invite_organisations);
    r.get("/{lang}/events/{id}/minutes", Page(ManageEvents), minutes::form);
    r.post("/{lang}/events/{id}/minutes", Page(ManageEvents), minutes::save);
    r.post("/{lang}/events/{id}/minutes/publish", Page(ManageEvents), minutes::publish);
    r.post("/{lang}/events/{id}/actions", Page(ManageEvents), minutes::add_action);
    r.get("/{lang}/actions", Page(ViewEvents), actions::list);
    r.get("/{lang}/actions/export", Page(ViewEvents), actions::export);
    r.get("/{lang}/actions/{id}", Page(ViewEvents), actions::detail);
    r.post("/{lang}/actions/{id}/progress", Page(ViewEvents), actions::progress);
    r.get("/{lang}/events/{id}/feedback", Page(ManageEvents), feedback::summary);
    r.post("/{lang}/events/{id}/feedback/send", Page(ManageEvents), feedback::send);
    r.get("/{lang}/events/{id}/documents", Page(ManageEvents), event_documents::list);
    r.post("/{lang}/events/{id}/documents", Page(ManageEvents), event_documents::upload);
    r.get("/{lang}/events/{id}/documents/{item}", Page(ViewEvents), event_documents::download);
    r.post("/{lang}/events/{id}/documents/{item}/delete", Page(ManageEvents), event_documents::remove);
    r.get("/{lang}/events/{id}/agenda", Page(ManageEvents), agenda::page);
    r.post("/{lang}/events/{id}/agenda", Page(ManageEvents), agenda::add);
    r.get("/{lang}/events/{id}/agenda/{item}", Page(ManageEvents), agenda::edit_form);
    r.post("/{lang}/events/{id}/agenda/{item}", Page(ManageEvents), agenda::update);
    r.post("/{lang}/events/{id}/agenda/{item}/delete", Page(ManageEvents), agenda::remove);
    r.post("/{lang}/events/{id}/agenda/{item}/move", Page(ManageEvents), agenda::move_item);
    // Participation statistics.
    r.get("/{lang}/statistics", Page(ViewStatistics), statistics::coordinator_page);
    r.get("/{lang}/statistics/export", Page(ViewStatistics), statistics::export);
    r.get("/api/v1/events", Api(ViewEvents), api::list);
    r.get("/api/v1/events/{id}", Api(ViewEvents), api::get);
    r.post("/api/v1/events", Api(ManageEvents), lifecycle_api::create);
    r.patch("/api/v1/events/{id}", Api(ManageEvents), lifecycle_api::update);
    r.post("/api/v1/events/{id}/publish", Api(ManageEvents), lifecycle_api::publish);
    r.post("/api/v1/events/{id}/cancel", Api(ManageEvents), lifecycle_api::cancel);
    r.post("/api/v1/events/{id}/held", Api(ManageEvents), lifecycle_api::held);
    r.post("/api/v1/events/{id}/registrations", Api(ManageEvents), lifecycle_api::register);
    r.get("/api/v1/events/{id}/minutes", Api(ManageEvents), minutes_api::minutes);
    r.get("/api/v1/events/{id}/actions", Api(ViewEvents), minutes_api::actions);
    r.post("/api/v1/events/{id}/actions", Api(ManageEvents), minutes_api::create_action);
    r.get(
        "/api/v1/events/{id}/registrations",
        Api(ManageEvents),
        api::registrations,
    );
    r.get("/api/v1/events/{id}/attendance", Api(ViewEvents), attendance_api::list);
    r.post("/api/v1/events/{id}/attendance", Api(ViewEvents), attendance_api::post);
    r.get(
        "/api/v1/statistics/participation",
        Api(ViewStatistics),
        statistics::api,
    );
}
