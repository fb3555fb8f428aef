//! Events: the calendar and event pages, agenda, registration, invitations, attendance, minutes, follow-up actions, feedback, documents and participation statistics.

pub mod actions;
pub mod agenda;
pub mod api;
pub mod attendance;
pub mod attendance_api;
pub mod attendance_import;
pub mod event;
pub mod event_documents;
pub mod feedback;
pub mod invitations;
pub mod minutes;
pub mod registration;
pub mod statistics;
