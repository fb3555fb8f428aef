//! One module per area: routes' handlers, their forms and their views.

pub mod account;
pub mod actions;
pub mod admin;
pub mod agenda;
pub mod api;
pub mod attendance;
pub mod attendance_api;
pub mod attendance_import;
pub mod directory;
pub mod directory_api;
pub mod event_documents;
pub mod events;
pub mod events_api;
pub mod feedback;
pub mod invitations;
pub mod login;
pub mod minutes;
pub mod organisations;
pub mod people;
pub mod public;
pub mod public_directory;
pub mod registration;
pub mod statistics;
pub mod territories;
pub mod transfer;
