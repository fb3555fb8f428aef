//! The platform itself: signing in (password, second factor, passkeys, fresh sign-in), the
//! account page and API tokens, users and the audit log, health and readiness.

pub mod account;
pub mod admin;
pub mod api_tokens;
pub mod audit_words;
pub mod health;
pub mod help;
pub mod login;
pub mod notices;
pub mod passkeys;
pub mod reauth;
pub mod search;
pub mod second_factor;
pub mod storage_limits;
pub mod system;
pub mod workspace;

use crate::http::registry::{Access, Registry};

/// The platform area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    r.get("/healthz", Public, health::healthz);
    r.get("/readyz", Public, health::readyz);
    r.get("/metrics", Public, health::metrics);
    r.get("/{lang}/help", Public, help::index);
    r.get("/{lang}/help/{page}", Public, help::page);
    r.get("/help/images/{name}", Public, help::image);
    r.get("/{lang}/login", Guest, login::form);
    r.post("/{lang}/login", Guest, login::submit);
    r.post("/{lang}/logout", Page(UseWorkspace), login::logout);
    r.get("/{lang}/login/code", Guest, second_factor::code_form);
    r.post("/{lang}/login/code", Guest, second_factor::code_submit);
    r.post("/{lang}/login/passkey/begin", Guest, passkeys::begin_sign_in);
    r.post("/{lang}/login/passkey", Guest, passkeys::finish_sign_in);
    r.get("/{lang}/password/forgot", Guest, login::forgot_form);
    r.post("/{lang}/password/forgot", Guest, login::forgot_submit);
    r.get("/{lang}/password/set/{token}", Guest, login::set_password_form);
    r.post("/{lang}/password/set/{token}", Guest, login::set_password_submit);
    // Workspace.
    r.get("/{lang}/workspace", Page(UseWorkspace), workspace::home);
    r.get("/{lang}/search", Page(UseWorkspace), search::page);
    r.post("/{lang}/workspace/first-steps", Page(UseWorkspace), workspace::finish_first_steps);
    r.get("/{lang}/account", Page(ManageOwnAccount), account::page);
    r.post("/{lang}/account/password", Page(ManageOwnAccount), account::change_password);
    r.post("/{lang}/account/notices", Page(ManageOwnAccount), notices::save);
    r.get("/{lang}/account/second-factor", Page(ManageOwnAccount), second_factor::page);
    r.post("/{lang}/account/second-factor/begin", Page(ManageOwnAccount), second_factor::begin);
    r.get("/{lang}/account/second-factor/begin", Page(ManageOwnAccount), second_factor::back);
    r.get("/{lang}/account/second-factor/confirm", Page(ManageOwnAccount), second_factor::back);
    r.post(
        "/{lang}/account/second-factor/confirm",
        Page(ManageOwnAccount),
        second_factor::confirm,
    );
    r.post(
        "/{lang}/account/second-factor/recovery",
        Page(ManageOwnAccount),
        second_factor::renew_recovery,
    );
    r.post("/{lang}/account/second-factor/disable", Page(ManageOwnAccount), second_factor::disable);
    r.get("/{lang}/account/passkeys", Page(ManageOwnAccount), passkeys::page);
    r.post(
        "/{lang}/account/passkeys/begin",
        Page(ManageOwnAccount),
        passkeys::begin_registration,
    );
    r.post("/{lang}/account/passkeys", Page(ManageOwnAccount), passkeys::finish_registration);
    r.post("/{lang}/account/passkeys/{id}/delete", Page(ManageOwnAccount), passkeys::remove);
    r.get("/{lang}/account/confirm", Page(UseWorkspace), reauth::form);
    r.post("/{lang}/account/confirm", Page(UseWorkspace), reauth::submit);
    r.post("/{lang}/account/sessions/end", Page(ManageOwnAccount), account::end_sessions);
    r.post("/{lang}/account/tokens", Page(ManageOwnAccount), account::create_token);
    r.post("/{lang}/account/tokens/{id}/revoke", Page(ManageOwnAccount), account::revoke_token);
    // Administration.
    r.get("/{lang}/admin/users", Page(ManageUsers), admin::users);
    r.post("/{lang}/admin/users/export", Page(ManageUsers), admin::export_users);
    r.get("/{lang}/admin/users/new", Page(ManageUsers), admin::new_user_form);
    r.post("/{lang}/admin/users", Page(ManageUsers), admin::create_user);
    r.get("/{lang}/admin/users/{id}", Page(ManageUsers), admin::edit_user_form);
    r.post("/{lang}/admin/users/{id}", Page(ManageUsers), admin::update_user);
    r.post("/{lang}/admin/users/{id}/password-link", Page(ManageUsers), admin::password_link);
    r.post("/{lang}/admin/users/{id}/reset-mfa", Page(ManageUsers), admin::reset_mfa);
    r.get("/{lang}/admin/audit", Page(ViewAuditLog), admin::audit);
    r.post("/{lang}/admin/audit/export", Page(ViewAuditLog), admin::export_audit);
    r.get("/{lang}/admin/storage-limits", Page(ViewPrivacy), storage_limits::page);
    r.get("/{lang}/admin/outbox", Page(ManageUsers), admin::outbox);
    r.get("/{lang}/admin/system", Page(ManageUsers), system::page);
    r.post("/{lang}/admin/audit/{id}/undo", Page(ManageDirectory), admin::undo_merge);
    r.get("/api/v1/me", Api(UseWorkspace), api_tokens::me);
    r.get("/api/v1/me/tokens", Api(ManageOwnAccount), api_tokens::list_tokens);
    r.post("/api/v1/me/tokens", Api(ManageOwnAccount), api_tokens::create_token);
    r.post("/api/v1/me/tokens/{id}/revoke", Api(ManageOwnAccount), api_tokens::revoke_token);
}
