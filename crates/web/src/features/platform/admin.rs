//! Administration for coordinators: user accounts and the audit log.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::audit::AuditAction;
use domain::auth::{Permission, Role};
use domain::{token, user};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// How long a set-password link lives.
pub const PASSWORD_LINK_HOURS: i64 = 24;

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ctx: PageCtx,
    users: Vec<store::users::User>,
}

pub async fn users(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    let users = store::users::list(state.db()).await?;
    Ok(Html(UsersPage { ctx, users }.render()?))
}

#[derive(Template)]
#[template(path = "admin/user_form.html")]
struct UserForm {
    ctx: PageCtx,
    action: String,
    user_id: Option<i64>,
    email: String,
    name: String,
    role: String,
    organisation_id: String,
    disabled: bool,
    roles: [Role; 6],
    /// (id, Latvian name) of every organisation.
    organisations: Vec<(i64, String)>,
    password_link: Option<String>,
    notice: Option<&'static str>,
    errors: FormErrors,
    /// The account has a second factor (a coordinator may reset another's).
    mfa_enrolled: bool,
    /// The account is the viewer's own (no reset of one's own factor here).
    own: bool,
}

impl UserForm {
    fn seen_by(mut self, viewer: &CurrentUser) -> UserForm {
        self.own = self.user_id == Some(viewer.id);
        self
    }

    async fn blank(state: &AppState, ctx: PageCtx) -> AppResult<UserForm> {
        Ok(UserForm {
            action: ctx.href("/admin/users"),
            ctx,
            user_id: None,
            email: String::new(),
            name: String::new(),
            role: Role::Ngo.as_str().to_owned(),
            organisation_id: String::new(),
            disabled: false,
            roles: Role::ALL,
            organisations: store::organisations::names(state.db()).await?,
            password_link: None,
            notice: None,
            errors: FormErrors::default(),
            mfa_enrolled: false,
            own: false,
        })
    }

    async fn for_user(state: &AppState, ctx: PageCtx, id: i64) -> AppResult<UserForm> {
        let u = store::users::get(state.db(), id).await?;
        let mut form = UserForm::blank(state, ctx).await?;
        form.action = form.ctx.href(&format!("/admin/users/{id}"));
        form.user_id = Some(id);
        form.email = u.email;
        form.name = u.name;
        form.role = u.role.as_str().to_owned();
        form.organisation_id = u.organisation_id.map(|o| o.to_string()).unwrap_or_default();
        form.disabled = u.disabled;
        form.mfa_enrolled = store::factors::enrolled(state.db(), id).await?;
        Ok(form)
    }
}

pub async fn new_user_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    Ok(Html(UserForm::blank(&state, ctx).await?.render()?))
}

#[derive(Debug, Deserialize)]
pub struct UserFields {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    disabled: Option<String>,
}

/// The validated fields, or the errors next to their fields.
fn validate(f: &UserFields, errors: &mut FormErrors) -> Option<(String, Role, Option<i64>)> {
    let name = user::DisplayName::parse(&f.name);
    if name.is_none() {
        errors.add("name", "user-name-invalid");
    }
    let role = Role::parse(&f.role);
    if role.is_none() {
        errors.add("role", "user-role-invalid");
    }
    let org = match f.organisation_id.trim() {
        "" => Some(None),
        s => s.parse::<i64>().ok().map(Some),
    };
    if org.is_none() {
        errors.add("organisation_id", "user-organisation-invalid");
    }
    // The data protection officer acts for no organisation (an organisation's account
    // answers its invitations and reports).
    if role == Some(Role::Dpo) && matches!(org, Some(Some(_))) {
        errors.add("organisation_id", "user-dpo-organisation");
        return None;
    }
    Some((name?.into_string(), role?, org?))
}

/// A new one-time set-password link: (the URL to hand over, the hash to store, when it
/// expires). Used by the user administration and by `roma-platform user add`.
pub fn new_password_link(public_url: &str, lang: i18n::Lang, now: i64) -> (String, String, i64) {
    let secret = token::random_secret();
    let url = format!(
        "{}/{}/password/set/{}",
        public_url.trim_end_matches('/'),
        lang.code(),
        secret
    );
    (
        url,
        token::hash_secret(&secret),
        now + PASSWORD_LINK_HOURS * 3600,
    )
}

pub async fn create_user(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<UserFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageUsers)?;
    let mut errors = FormErrors::default();
    let email = user::Email::parse(&f.email);
    if email.is_none() {
        errors.add("email", "user-email-invalid");
    }
    let valid = validate(&f, &mut errors);
    let lang = ctx.lang;
    let mut form = UserForm::blank(&state, ctx).await?;
    form.email = f.email.clone();
    form.name = f.name.clone();
    form.role = f.role.clone();
    form.organisation_id = f.organisation_id.clone();
    if let (Some(email), Some((name, role, organisation_id))) = (email, valid) {
        let (url, link_hash, expires_at) =
            new_password_link(&state.settings().public_url, lang, state.now());
        let created = store::users::create(
            state.db(),
            state.now(),
            &user.actor(ip),
            store::users::NewUser {
                email: email.as_str(),
                name: &name,
                role,
                organisation_id,
                password_hash: None,
                password_link: Some((link_hash, expires_at)),
                mail: Some(password_link_mail_both(&name, &url)),
            },
        )
        .await;
        match created {
            Ok(id) => {
                let mut done = UserForm::for_user(&state, form.ctx, id)
                    .await?
                    .seen_by(&user);
                // A coordinator's or mediator's link goes by e-mail only.
                if store::users::link_may_be_shown(state.db(), id).await? {
                    done.password_link = Some(url);
                    done.notice = Some("user-created");
                } else {
                    done.notice = Some("user-created-link-mailed");
                }
                return Ok((StatusCode::CREATED, Html(done.render()?)).into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Platform(
                store::PlatformConflict::Email,
            ))) => errors.add("email", "user-email-taken"),
            Err(store::Error::Conflict(store::Conflict::Platform(
                store::PlatformConflict::Organisation,
            ))) => {
                errors.add("organisation_id", "user-organisation-invalid");
            }
            Err(e) => return Err(e.into()),
        }
    }
    form.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(form.render()?)).into_response())
}

pub async fn edit_user_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    let id = parse_id(&id)?;
    Ok(Html(
        UserForm::for_user(&state, ctx, id)
            .await?
            .seen_by(&user)
            .render()?,
    ))
}

pub async fn update_user(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<UserFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageUsers)?;
    let id = parse_id(&id)?;
    let mut form = UserForm::for_user(&state, ctx, id).await?.seen_by(&user);
    let mut errors = FormErrors::default();
    let valid = validate(&f, &mut errors);
    let disabled = f.disabled.is_some();
    if id == user.id {
        // Nobody locks themselves out: another coordinator has to do it.
        if disabled {
            errors.add("disabled", "user-cannot-disable-self");
        }
        if valid
            .as_ref()
            .is_some_and(|(_, role, _)| *role != user.role)
        {
            errors.add("role", "user-cannot-rerole-self");
        }
    }
    form.name = f.name.clone();
    form.role = f.role.clone();
    form.organisation_id = f.organisation_id.clone();
    form.disabled = disabled;
    if let (true, Some((name, role, organisation_id))) = (errors.is_empty(), valid) {
        let changes = store::users::Changes {
            name,
            role,
            organisation_id,
            disabled,
        };
        // The owner is told of a new role (in their language), and signed out everywhere.
        let target = store::users::get(state.db(), id).await?;
        // A new role, or an account enabled again, needs the password given within ten
        // minutes (other edits do not).
        let grants = target.role != changes.role || (target.disabled && !changes.disabled);
        if grants && crate::reauth::stale(&user, state.now()) {
            return Ok(crate::reauth::ask(
                form.ctx.lang,
                &form.ctx.href(&format!("/admin/users/{id}")),
            ));
        }
        let lang = i18n::Lang::parse(&target.preferred_lang).unwrap_or(i18n::Lang::Lv);
        let notice = crate::account_mail::notice(
            lang,
            crate::account_mail::AccountChange::RoleChanged,
            &target.name,
        );
        match store::users::update_notifying(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            &changes,
            Some(&notice),
        )
        .await
        {
            Ok(()) => {
                let mut done = UserForm::for_user(&state, form.ctx, id)
                    .await?
                    .seen_by(&user);
                done.notice = Some("user-saved");
                return Ok(Html(done.render()?).into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Platform(
                store::PlatformConflict::HoldsFamilies,
            ))) => errors.add("role", "user-role-holds-families"),
            Err(store::Error::Conflict(store::Conflict::Platform(
                store::PlatformConflict::HoldsAssignment,
            ))) => errors.add("role", "user-role-holds-assignment"),
            Err(store::Error::Conflict(_)) => {
                errors.add("organisation_id", "user-organisation-invalid")
            }
            Err(e) => return Err(e.into()),
        }
    }
    form.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(form.render()?)).into_response())
}

/// `POST /{lang}/admin/users/{id}/reset-mfa`: another coordinator removes a lost second
/// factor (never their own: the last coordinator's goes through the CLI); the account's
/// sessions end and its owner is told.
pub async fn reset_mfa(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    let id = parse_id(&id)?;
    if id == user.id {
        return Err(AppError::Forbidden);
    }
    let target = store::users::get(state.db(), id).await?;
    let lang = i18n::Lang::parse(&target.preferred_lang).unwrap_or(i18n::Lang::Lv);
    let notice = crate::account_mail::notice(
        lang,
        crate::account_mail::AccountChange::FactorReset,
        &target.name,
    );
    let done = match store::factors::reset(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        Some((&target.email, &notice)),
    )
    .await
    {
        Ok(()) => "user-mfa-reset-done",
        // Nothing to reset (a second tab did it): nothing done, nobody mailed.
        Err(store::Error::NotFound) => "user-mfa-none",
        Err(e) => return Err(e.into()),
    };
    let mut form = UserForm::for_user(&state, ctx, id).await?.seen_by(&user);
    form.notice = Some(done);
    Ok(Html(form.render()?))
}

pub async fn password_link(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    let id = parse_id(&id)?;
    if id == user.id {
        // One's own password is changed on the account page, with the current one.
        return Err(AppError::Forbidden);
    }
    let mut form = UserForm::for_user(&state, ctx, id).await?.seen_by(&user);
    let (url, link_hash, expires_at) =
        new_password_link(&state.settings().public_url, form.ctx.lang, state.now());
    let mail = password_link_mail_both(&form.name, &url);
    store::tokens::create_password_link(
        state.db(),
        state.now(),
        &user.actor(ip),
        id,
        &link_hash,
        expires_at,
        Some((&form.email, &mail)),
    )
    .await?;
    // Only the link of an account nobody has used yet is shown (to hand over without mail).
    // Any other goes by e-mail only: shown here, it would let a coordinator set a password
    // and log in as someone else — a mediator, and read the families of their case work.
    if store::users::link_may_be_shown(state.db(), id).await? {
        form.password_link = Some(url);
    } else {
        form.notice = Some("user-link-mailed-only");
    }
    Ok(Html(form.render()?))
}

/// The e-mail that carries a set-password link.
pub fn password_link_mail(lang: i18n::Lang, name: &str, url: &str) -> store::outbox::Outgoing {
    use fluent_bundle::FluentValue;
    store::outbox::Outgoing {
        kind: "password_link".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t(lang, "mail-password-link-subject"),
        body: i18n::t_args(
            lang,
            "mail-password-link-body",
            &[
                ("name", FluentValue::from(name.to_owned())),
                ("link", FluentValue::from(url.to_owned())),
                ("hours", FluentValue::from(PASSWORD_LINK_HOURS)),
            ],
        ),
    }
}

/// The set-password mail to someone whose language is not known yet (a new account): in
/// both languages, each with the link to its own language's page (the same secret).
pub fn password_link_mail_both(name: &str, url: &str) -> store::outbox::Outgoing {
    let in_lang = |lang: i18n::Lang| {
        let url = ["/lv/password/set/", "/en/password/set/"]
            .iter()
            .find(|p| url.contains(**p))
            .map_or_else(
                || url.to_owned(),
                |p| url.replace(p, &format!("/{}/password/set/", lang.code())),
            );
        password_link_mail(lang, name, &url)
    };
    store::outbox::Outgoing::both(in_lang(i18n::Lang::Lv), in_lang(i18n::Lang::En))
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    ctx: PageCtx,
    mails: Vec<store::outbox::Mail>,
    smtp_configured: bool,
    prev_href: Option<String>,
    next_href: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    page: Option<i64>,
}

/// `POST /{lang}/admin/users/export`: the user accounts as CSV or XLSX (audited).
pub async fn export_users(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    crate::principal::ClientIp(ip): crate::principal::ClientIp,
    crate::http::forms::AppForm(f): crate::http::forms::AppForm<crate::http::tables::FormatForm>,
) -> AppResult<axum::response::Response> {
    use documents::table::Cell;
    user.require(Permission::ManageUsers)?;
    let users = store::users::list(state.db()).await?;
    let rows: Vec<Vec<Cell>> = users
        .iter()
        .map(|u| {
            vec![
                Cell::Text(u.name.clone()),
                Cell::Text(u.email.clone()),
                Cell::Text(ctx.t(u.role.label_key())),
                Cell::Text(u.organisation_name.clone().unwrap_or_default()),
                Cell::Text(ctx.t(if u.disabled {
                    "export-yes"
                } else {
                    "export-no"
                })),
                Cell::Date(crate::http::dates::riga_date(u.created_at)),
            ]
        })
        .collect();
    let header = [
        ctx.t("field-name"),
        ctx.t("field-email"),
        ctx.t("export-col-role"),
        ctx.t("field-organisation"),
        ctx.t("export-col-disabled"),
        ctx.t("export-col-created"),
    ];
    let subjects: Vec<String> = users
        .iter()
        .map(|u| domain::privacy::user_subject(u.id))
        .collect();
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::UsersExported),
        &subjects,
        &f.format,
        (&ctx.t("users-title"), "users"),
        &header,
        &rows,
    )
    .await
}

/// The outbox: every message, with its delivery state.
pub async fn outbox(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageUsers)?;
    let page = q.page.unwrap_or(0).clamp(0, 1_000_000);
    let (mut mails, more) = store::outbox::list(state.db(), page).await?;
    // A set-password link would let whoever reads it set a password and log in as the
    // account's owner: links go by e-mail only, never shown here.
    for m in &mut mails {
        m.body = crate::security::redact_survey_links(&m.body);
        m.body = crate::security::redact_links(&m.body, "/password/set/");
    }
    let link = |p: i64| ctx.href(&format!("/admin/outbox?page={p}"));
    Ok(Html(
        OutboxPage {
            prev_href: (page > 0).then(|| link(page - 1)),
            next_href: more.then(|| link(page + 1)),
            smtp_configured: !state.settings().smtp.host.is_empty(),
            ctx,
            mails,
        }
        .render()?,
    ))
}

#[derive(Debug)]
struct AuditRow {
    id: i64,
    /// A merge that can still be undone.
    undoable: bool,
    at: i64,
    actor: String,
    action_label_id: &'static str,
    record: super::audit_words::Record,
    ip: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: PageCtx,
    entries: Vec<AuditRow>,
    /// The actions on record, grouped by area: (area's label, [(code, label)]).
    actions: Vec<(&'static str, Vec<(String, &'static str)>)>,
    filter_action: String,
    filter_actor: String,
    filter_from: String,
    filter_until: String,
    /// "Until" is before "from": said at the field, and nothing is filtered by the dates.
    range_error: bool,
    prev_href: Option<String>,
    next_href: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    format: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    page: Option<i64>,
}

/// The actions on record grouped by area (in the areas' order), each group by its labels in
/// the page's language.
fn grouped_actions(
    ctx: &PageCtx,
    codes: Vec<String>,
) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    domain::audit::AuditArea::ALL
        .into_iter()
        .filter_map(|area| {
            let mut group: Vec<(String, &'static str)> = codes
                .iter()
                .filter(|c| {
                    AuditAction::parse(c).map_or(domain::audit::AuditArea::Other, |a| a.area())
                        == area
                })
                .map(|c| (c.clone(), AuditAction::label_key_of(c)))
                .collect();
            group.sort_by_cached_key(|(_, l)| domain::text::latvian_sort_key(&ctx.t(l)));
            (!group.is_empty()).then_some((area.label_key(), group))
        })
        .collect()
}

/// The start of a calendar day in Riga (`days_later` after `date`), as unix seconds.
fn day_start(date: &str, days_later: i64) -> Option<i64> {
    let d: jiff::civil::Date = date.trim().parse().ok()?;
    let d = d.checked_add(jiff::Span::new().days(days_later)).ok()?;
    d.to_zoned_datetime(i18n::riga())
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// The "until" day is before the "from" day: a range that holds nothing.
fn reversed_range(q: &AuditQuery) -> bool {
    matches!(
        (day_start(&q.from, 0), day_start(&q.until, 0)),
        (Some(from), Some(until)) if until < from
    )
}

/// The filter as asked; a reversed date range filters by neither date (and the page says
/// so at the field) rather than silently showing nothing.
fn audit_filter(q: &AuditQuery) -> store::audit::Filter {
    let dates = !reversed_range(q);
    store::audit::Filter {
        action: Some(q.action.trim().to_owned()).filter(|s| !s.is_empty()),
        actor: Some(q.actor.trim().to_owned()).filter(|s| !s.is_empty()),
        from: day_start(&q.from, 0).filter(|_| dates),
        until: day_start(&q.until, 1).filter(|_| dates),
    }
}

/// `POST /{lang}/admin/audit/export`: the filtered audit log as CSV or XLSX (at most
/// `documents::table::MAX_ROWS` entries, the latest first; merges' undo data left out as on
/// the page). The export is itself audited.
pub async fn export_audit(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    crate::principal::ClientIp(ip): crate::principal::ClientIp,
    crate::http::forms::AppForm(q): crate::http::forms::AppForm<AuditQuery>,
) -> AppResult<axum::response::Response> {
    use documents::table::Cell;
    user.require(Permission::ViewAuditLog)?;
    let filter = audit_filter(&q);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // The people it names: the actors.
    let mut subjects: Vec<String> = Vec::new();
    let pages = documents::table::MAX_ROWS as i64 / store::audit::PAGE_SIZE;
    for page in 0..pages {
        let (entries, more) = store::audit::list(state.db(), &filter, page).await?;
        let words = super::audit_words::Wording::load(state.db(), &entries).await?;
        for e in entries {
            subjects.extend(e.actor_user_id.map(domain::privacy::user_subject));
            // And whom the entry is about.
            if let Some(id) = e.entity_id.as_deref().and_then(|i| i.parse::<i64>().ok()) {
                match e.entity.as_deref() {
                    Some("person") => subjects.push(domain::privacy::person_subject(id)),
                    Some("user") => subjects.push(domain::privacy::user_subject(id)),
                    _ => {}
                }
            }
            let record = words.record(&ctx, &e).text;
            let detail = if e.action.ends_with("_merged") {
                String::new()
            } else {
                words.detail(&ctx, &e)
            };
            let at = jiff::Timestamp::from_second(e.at)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
                .to_zoned_datetime(crate::i18n::riga());
            rows.push(vec![
                Cell::Date(at.date()),
                Cell::Text(format!(
                    "{:02}:{:02}:{:02}",
                    at.hour(),
                    at.minute(),
                    at.second()
                )),
                Cell::Text(words.actor(&ctx, &e)),
                Cell::Text(ctx.t(AuditAction::label_key_of(&e.action))),
                Cell::Text(e.action.clone()),
                Cell::Text(record),
                Cell::Text(e.ip.unwrap_or_default()),
                Cell::Text(detail),
            ]);
        }
        if !more {
            break;
        }
    }
    let header = [
        ctx.t("export-col-start"),
        ctx.t("export-col-time"),
        ctx.t("audit-actor"),
        ctx.t("audit-action"),
        ctx.t("export-col-code"),
        ctx.t("audit-record"),
        ctx.t("audit-address"),
        ctx.t("audit-detail"),
    ];
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::AuditExported),
        &subjects,
        &q.format,
        (&ctx.t("audit-title"), "audit"),
        &header,
        &rows,
    )
    .await
}

pub async fn audit(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<AuditQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewAuditLog)?;
    let filter = audit_filter(&q);
    // A date that does not parse is not silently kept in the form: it filtered nothing.
    let shown_date = |raw: &str| {
        if day_start(raw, 0).is_some() {
            raw.trim().to_owned()
        } else {
            String::new()
        }
    };
    let page = q.page.unwrap_or(0).clamp(0, 1_000_000);
    let (entries, more) = store::audit::list(state.db(), &filter, page).await?;
    let can_undo = user.can(Permission::ManageDirectory);
    let undone = store::audit::undone_merges(state.db()).await?;
    let actions = grouped_actions(&ctx, store::audit::actions(state.db()).await?);
    let words = super::audit_words::Wording::load(state.db(), &entries).await?;
    let link = |p: i64| {
        let qs: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("action", &q.action)
            .append_pair("actor", &q.actor)
            .append_pair("from", &q.from)
            .append_pair("until", &q.until)
            .append_pair("page", &p.to_string())
            .finish();
        ctx.href(&format!("/admin/audit?{qs}"))
    };
    let page_view = AuditPage {
        entries: entries
            .into_iter()
            .map(|e| {
                let record = words.record(&ctx, &e);
                // A merge's detail is the data for its undo (personal data): not shown.
                let detail = if e.action.ends_with("_merged") {
                    String::new()
                } else {
                    words.detail(&ctx, &e)
                };
                AuditRow {
                    id: e.id,
                    undoable: can_undo
                        && matches!(
                            AuditAction::parse(&e.action),
                            Some(AuditAction::PersonMerged | AuditAction::OrganisationMerged)
                        )
                        && !undone.contains(&e.id)
                        // Its undo data is gone once the storage limit emptied the detail.
                        && e.detail.is_some(),
                    at: e.at,
                    actor: words.actor(&ctx, &e),
                    action_label_id: AuditAction::label_key_of(&e.action),
                    record,
                    detail,
                    ip: e.ip.unwrap_or_default(),
                }
            })
            .collect(),
        actions,
        prev_href: (page > 0).then(|| link(page - 1)),
        next_href: more.then(|| link(page + 1)),
        filter_action: q.action.clone(),
        filter_actor: q.actor.clone(),
        filter_from: shown_date(&q.from),
        filter_until: shown_date(&q.until),
        range_error: reversed_range(&q),
        ctx,
    };
    Ok(Html(page_view.render()?))
}

/// Undoes a merge from its audit entry and shows the restored record.
pub async fn undo_merge(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<axum::response::Response> {
    user.require(Permission::ManageDirectory)?;
    let id = parse_id(&id)?;
    match store::merge::undo(state.db(), state.now(), &user.actor(ip), id).await {
        Ok((entity, restored)) => {
            let path = if entity == "person" {
                "people"
            } else {
                "organisations"
            };
            Ok(axum::response::Redirect::to(
                &ctx.href(&format!("/{path}/{restored}?notice=restored")),
            )
            .into_response())
        }
        Err(store::Error::Conflict(_)) => Err(AppError::BadRequest),
        Err(e) => Err(e.into()),
    }
}
