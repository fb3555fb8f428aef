//! Check-in on the day: the attendance screen (made for a phone or a tablet: search by
//! name with case and diacritics ignored, one button per person), walk-ins with a
//! duplicate warning, and the printable sign-in sheet. Every step is a plain form, so it
//! works without JavaScript. Who may see an event's attendance is decided in
//! `store::attendance` (coordinators: every event; other users: events their
//! organisation organises).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::participation::Category;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::features::events::registration::{AGE_GROUPS, GENDERS, ROMA, choice};
use crate::http::choices::TerritoryGroups;
use crate::http::choices::territory_groups;
use crate::http::forms::optional_id;
use crate::http::forms::optional_text;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The attendance scope of a user: coordinators see every event, others the events
/// their organisation organises.
pub fn scope_of(user: &CurrentUser) -> store::attendance::Scope {
    use store::attendance::Scope;
    if user.can(Permission::ManageEvents) {
        Scope::All
    } else {
        user.organisation_id
            .map(Scope::Organiser)
            .unwrap_or(Scope::Nothing)
    }
}

/// The event, if the user may take its attendance.
pub(crate) async fn event_for(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<store::events::Event> {
    user.require(Permission::ViewEvents)?;
    let id = parse_id(id)?;
    store::attendance::visible(state.db(), scope_of(user), id).await?;
    Ok(store::events::get(state.db(), id).await?)
}

fn category_key(c: &Category) -> &'static str {
    c.label_key()
}

#[derive(Template)]
#[template(path = "events/attendance.html")]
struct AttendancePage {
    ctx: PageCtx,
    event: store::events::Event,
    q: String,
    lines: Vec<store::attendance::RosterLine>,
    present: usize,
    expected: usize,
    notice: Option<&'static str>,
    categories: &'static [Category],
    /// Whether attendance can still be taken (published, registration closed, held).
    open: bool,
    /// Before the event's day: attendance is not taken yet (said instead of the buttons).
    before_day: bool,
    /// Whether the user may erase a participant's answers (coordinators).
    can_erase: bool,
}

/// A line's name as shown: an anonymised record's in words.
fn shown_name(ctx: &PageCtx, name: &str) -> String {
    if name.is_empty() {
        ctx.t("attendance-anonymised")
    } else {
        name.to_owned()
    }
}

impl AttendancePage {
    fn who(&self, name: &str) -> String {
        shown_name(&self.ctx, name)
    }

    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn category_key(&self, c: &Category) -> &'static str {
        category_key(c)
    }

    fn status_key(&self, status: &str) -> &'static str {
        Self::status_key_of(status)
    }

    fn status_key_of(status: &str) -> &'static str {
        match status {
            "confirmed" => "reg-status-confirmed",
            "waiting" => "reg-status-waiting",
            "walk_in" => "attendance-walk-in",
            "import" => "attendance-imported",
            _ => "attendance-via-api",
        }
    }

    /// The query string that brings the user back to the same search.
    fn back_q(&self) -> String {
        self.q.clone()
    }
}

#[derive(Debug, Deserialize)]
pub struct ScreenQuery {
    #[serde(default)]
    q: String,
    notice: Option<String>,
}

/// The check-in screen.
pub async fn screen(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(sq): Query<ScreenQuery>,
) -> AppResult<Html<String>> {
    let event = event_for(&state, &user, &id).await?;
    let event_status = event.status;
    let starts_at = event.starts_at;
    let all = store::attendance::roster(state.db(), scope_of(&user), event.id, "").await?;
    let present = all.iter().filter(|l| l.attendance.is_some()).count();
    let expected = all.iter().filter(|l| l.registration_id.is_some()).count();
    let q: String = sq.q.chars().take(100).collect();
    let lines = if q.trim().is_empty() {
        all
    } else {
        store::attendance::roster(state.db(), scope_of(&user), event.id, &q).await?
    };
    let notice = match sq.notice.as_deref() {
        Some("checked") => Some("attendance-checked-notice"),
        Some("removed") => Some("attendance-removed-notice"),
        Some("added") => Some("attendance-added-notice"),
        Some("category") => Some("saved-notice"),
        Some("already") => Some("attendance-already-notice"),
        Some("imported") => Some("attendance-imported-notice"),
        Some("closed") => Some("attendance-closed"),
        Some("not-started") => Some("attendance-not-started"),
        Some("erased") => Some("attendance-erased-notice"),
        _ => None,
    };
    Ok(Html(
        AttendancePage {
            ctx,
            event,
            q,
            lines,
            present,
            expected,
            notice,
            categories: &Category::ALL,
            can_erase: user.can(Permission::ManageEvents),
            before_day: state.now()
                < domain::event::riga_day_start(domain::event::riga_date(starts_at)),
            open: matches!(
                event_status,
                domain::event::EventStatus::Published
                    | domain::event::EventStatus::RegistrationClosed
                    | domain::event::EventStatus::Held
            ),
        }
        .render()?,
    ))
}

/// `POST /{lang}/events/{id}/attendance/export`: the attendance list (everyone registered
/// or checked in) as CSV or XLSX (personal data: audited).
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    let event = event_for(&state, &user, &id).await?;
    let lines = store::attendance::roster(state.db(), scope_of(&user), event.id, "").await?;
    let page = AttendancePage::status_key_of;
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .map(|l| {
            let (present, time, category) = match &l.attendance {
                Some(a) => {
                    let at = jiff::Timestamp::from_second(a.checked_in_at)
                        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
                        .to_zoned_datetime(i18n::riga());
                    (
                        ctx.t("export-yes"),
                        format!("{:02}:{:02}", at.hour(), at.minute()),
                        ctx.t(a.category.label_key()),
                    )
                }
                None => (ctx.t("export-no"), String::new(), String::new()),
            };
            vec![
                Cell::Text(shown_name(&ctx, &l.name)),
                Cell::Text(l.organisation.clone().unwrap_or_default()),
                Cell::Text(ctx.t(page(&l.status))),
                Cell::Text(present),
                Cell::Text(time),
                Cell::Text(category),
            ]
        })
        .collect();
    let header = [
        ctx.t("field-name"),
        ctx.t("reg-organisation"),
        ctx.t("field-status"),
        ctx.t("export-col-present"),
        ctx.t("export-col-time"),
        ctx.t("export-col-category"),
    ];
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::AttendanceExported).on("event", event.id),
        &store::attendance::event_subjects(state.db(), event.id, false).await?,
        &f.format,
        (
            &ctx.t("attendance-title"),
            &format!("attendance-{}", event.id),
        ),
        &header,
        &rows,
    )
    .await
}

fn back(ctx: &PageCtx, event_id: i64, q: &str, notice: &str, anchor: &str) -> Response {
    let mut url = format!("/events/{event_id}/attendance?notice={notice}");
    if !q.trim().is_empty() {
        url.push_str("&q=");
        url.push_str(&url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>());
    }
    url.push_str(anchor);
    Redirect::to(&ctx.href(&url)).into_response()
}

#[derive(Debug, Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    registration: String,
    #[serde(default)]
    q: String,
}

/// Ticks a registrant as present.
pub async fn check_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<CheckInForm>,
) -> AppResult<Response> {
    let event = event_for(&state, &user, &id).await?;
    let reg = parse_id(&f.registration)?;
    let notice = match store::attendance::check_in_registration(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope_of(&user),
        event.id,
        reg,
        None,
    )
    .await
    {
        Ok(_) => "checked",
        Err(store::Error::Conflict(store::Conflict::Events(
            store::EventConflict::AlreadyPresent,
        ))) => "already",
        // Said at the top, not beside the row (the page stays at its start).
        Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::NotStarted))) => {
            return Ok(back(&ctx, event.id, &f.q, "not-started", ""));
        }
        Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::Closed))) => {
            "closed"
        }
        Err(e) => return Err(e.into()),
    };
    Ok(back(&ctx, event.id, &f.q, notice, &format!("#r{reg}")))
}

#[derive(Debug, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
}

/// Takes back a check-in.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
    AppForm(f): AppForm<ItemForm>,
) -> AppResult<Response> {
    let event = event_for(&state, &user, &id).await?;
    let item = parse_id(&item)?;
    let notice = match store::attendance::remove(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope_of(&user),
        event.id,
        item,
    )
    .await
    {
        Ok(()) => "removed",
        Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::Closed))) => {
            "closed"
        }
        Err(e) => return Err(e.into()),
    };
    Ok(back(&ctx, event.id, &f.q, notice, ""))
}

/// Erases a participant's self-declared answers at every event (consent withdrawn);
/// coordinators only.
pub async fn erase_answers(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
    AppForm(f): AppForm<ItemForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let event = event_for(&state, &user, &id).await?;
    let item = parse_id(&item)?;
    store::attendance::erase_answers(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope_of(&user),
        event.id,
        item,
    )
    .await?;
    Ok(back(&ctx, event.id, &f.q, "erased", &format!("#a{item}")))
}

/// Overrides the stakeholder category of one attendance.
pub async fn set_category(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
    AppForm(f): AppForm<ItemForm>,
) -> AppResult<Response> {
    let event = event_for(&state, &user, &id).await?;
    let item = parse_id(&item)?;
    let category = Category::parse(&f.category).ok_or(AppError::BadRequest)?;
    let notice = match store::attendance::set_category(
        state.db(),
        state.now(),
        &user.actor(ip),
        scope_of(&user),
        event.id,
        item,
        category,
    )
    .await
    {
        Ok(()) => "category",
        Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::Closed))) => {
            "closed"
        }
        Err(e) => return Err(e.into()),
    };
    Ok(back(&ctx, event.id, &f.q, notice, &format!("#a{item}")))
}

/// What was typed into the walk-in form, kept as typed.
#[derive(Debug, Default, Clone)]
pub struct WalkInFields {
    name: String,
    email: String,
    organisation_id: String,
    organisation: String,
    territory_id: String,
    category: String,
    stats_consent: bool,
    gender: String,
    age_group: String,
    roma: String,
    /// "new", or "person:ID" after a duplicate warning.
    matched: String,
}

impl WalkInFields {
    pub(crate) fn from_body(body: &[(String, String)]) -> WalkInFields {
        let mut f = WalkInFields::default();
        for (k, v) in body {
            let v = v.clone();
            match k.as_str() {
                "name" => f.name = v,
                "email" => f.email = v,
                "organisation_id" => f.organisation_id = v,
                "organisation" => f.organisation = v,
                "territory_id" => f.territory_id = v,
                "category" => f.category = v,
                "stats_consent" => f.stats_consent = v == "1",
                "gender" => f.gender = v,
                "age_group" => f.age_group = v,
                "roma" => f.roma = v,
                "matched" => f.matched = v,
                _ => {}
            }
        }
        f
    }
}

/// Validates a walk-in; the statistics answers are kept only with the consent ticked.
pub(crate) fn validate_walk_in(
    f: &WalkInFields,
    errors: &mut FormErrors,
) -> Option<store::attendance::Declared> {
    let name = crate::http::forms::required_line(&f.name, 200, "name", "reg-name-invalid", errors);
    let email = match f.email.trim() {
        "" => None,
        raw => match domain::user::Email::parse(raw) {
            Some(e) => Some(e.into_string()),
            None => {
                errors.add("email", "user-email-invalid");
                None
            }
        },
    };
    let organisation_id = optional_id(&f.organisation_id).unwrap_or_else(|_| {
        errors.add("organisation_id", "user-organisation-invalid");
        None
    });
    let organisation_text = optional_text(&f.organisation, 300).unwrap_or_else(|e| {
        errors.add("organisation", e.message_id());
        None
    });
    let territory_id = optional_id(&f.territory_id).unwrap_or_else(|_| {
        errors.add("territory_id", "territory-invalid");
        None
    });
    let category = match f.category.trim() {
        "" => None,
        c => Category::parse(c).or_else(|| {
            errors.add("category", "reg-choice-invalid");
            None
        }),
    };
    let mut pick = |raw: &str, allowed: &[(&str, &str)], field: &'static str| {
        choice(raw, allowed).unwrap_or_else(|()| {
            errors.add(field, "reg-choice-invalid");
            None
        })
    };
    let gender = pick(&f.gender, &GENDERS, "gender");
    let age_group = pick(&f.age_group, &AGE_GROUPS, "age_group");
    let roma = pick(&f.roma, &ROMA, "roma");
    if (gender.is_some() || age_group.is_some() || roma.is_some()) && !f.stats_consent {
        errors.add("stats_consent", "reg-stats-consent-missing");
    }
    let person_id = match f.matched.strip_prefix("person:") {
        Some(id) => match id.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add("matched", "reg-choice-invalid");
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return None;
    }
    Some(store::attendance::Declared {
        name: name.unwrap_or_default(),
        email,
        person_id,
        registration_id: None,
        organisation_id,
        organisation_text,
        territory_id,
        stats_notice_version: (gender.is_some() || age_group.is_some() || roma.is_some())
            .then(|| crate::features::events::registration::STATS_NOTICE_VERSION.to_owned()),
        age_group,
        gender,
        roma_self_identified: roma,
        category,
    })
}

#[derive(Template)]
#[template(path = "events/walk_in.html")]
struct WalkInPage {
    ctx: PageCtx,
    event: store::events::Event,
    f: WalkInFields,
    errors: FormErrors,
    similar: Vec<store::attendance::Similar>,
    /// The form asks who the person is (a known name or address), nothing was wrong.
    asking: bool,
    organisations: Vec<(i64, String)>,
    territories: TerritoryGroups,
    categories: &'static [Category],
}

impl WalkInPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        event: store::events::Event,
        f: WalkInFields,
    ) -> AppResult<WalkInPage> {
        Ok(WalkInPage {
            organisations: store::organisations::names(state.db()).await?,
            territories: territory_groups(state, ctx.lang).await?,
            ctx,
            event,
            f,
            errors: FormErrors::default(),
            similar: Vec::new(),
            asking: false,
            categories: &Category::ALL,
        })
    }

    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn category_key(&self, c: &Category) -> &'static str {
        category_key(c)
    }

    fn genders(&self) -> &'static [(&'static str, &'static str)] {
        &GENDERS
    }

    fn age_groups(&self) -> &'static [(&'static str, &'static str)] {
        &AGE_GROUPS
    }

    fn roma_choices(&self) -> &'static [(&'static str, &'static str)] {
        &ROMA
    }

    fn people_similar(&self) -> Vec<&store::attendance::Similar> {
        self.similar.iter().filter(|s| s.kind == "person").collect()
    }

    fn matched_is(&self, id: &i64) -> bool {
        self.f.matched == format!("person:{id}")
    }
}

pub async fn walk_in_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let event = event_for(&state, &user, &id).await?;
    let page = WalkInPage::new(&state, ctx, event, WalkInFields::default()).await?;
    Ok(Html(page.render()?))
}

/// Whether this user may say that a participant is registry person `pid`: coordinators
/// may name anyone; others only someone the duplicate check offered for the name (and,
/// for directory managers, the e-mail) they typed — never an arbitrary id, which would
/// copy a stranger's registry data into a list they can read.
pub(crate) async fn may_link(
    state: &AppState,
    user: &CurrentUser,
    event_id: i64,
    d: &store::attendance::Declared,
    pid: i64,
) -> AppResult<bool> {
    if user.can(Permission::ManageEvents) {
        return Ok(true);
    }
    let offered = store::attendance::similar(
        state.db(),
        event_id,
        &d.name,
        d.email.as_deref(),
        user.can(Permission::ManageDirectory),
    )
    .await?;
    Ok(offered.iter().any(|s| s.kind == "person" && s.id == pid))
}

/// Adds a walk-in. When someone of the same name (or e-mail) is already in the registry,
/// registered or present, the form comes back with them listed and asks who this is.
pub async fn walk_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let event = event_for(&state, &user, &id).await?;
    let f = WalkInFields::from_body(&body);
    let mut errors = FormErrors::default();
    let mut similar = Vec::new();
    let by_email = user.can(Permission::ManageDirectory);
    if let Some(d) = validate_walk_in(&f, &mut errors) {
        if f.matched.is_empty() {
            similar = store::attendance::similar(
                state.db(),
                event.id,
                &d.name,
                d.email.as_deref(),
                by_email,
            )
            .await?;
        } else if let Some(pid) = d.person_id
            && !may_link(&state, &user, event.id, &d, pid).await?
        {
            errors.add("matched", "reg-choice-invalid");
        }
        if !errors.is_empty() {
            // Shown below with the form.
        } else if similar.is_empty() {
            match store::attendance::add(
                state.db(),
                state.now(),
                &user.actor(ip),
                scope_of(&user),
                event.id,
                store::attendance::Source::WalkIn,
                &d,
            )
            .await
            {
                Ok(_) => return Ok(back(&ctx, event.id, "", "added", "")),
                Err(store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::AlreadyPresent,
                ))) => errors.add("name", "attendance-already-present"),
                Err(store::Error::Conflict(store::Conflict::Events(
                    store::EventConflict::NotStarted,
                ))) => errors.add("name", "attendance-not-started"),
                Err(store::Error::Conflict(_)) => errors.add("name", "attendance-closed"),
                Err(store::Error::NotFound) => {
                    errors.add("organisation_id", "user-organisation-invalid")
                }
                Err(e) => return Err(e.into()),
            }
        } else {
            // Not an error: a question — is this someone already known?
            let mut page = WalkInPage::new(&state, ctx, event, f).await?;
            page.similar = similar;
            page.asking = true;
            return Ok(Html(page.render()?).into_response());
        }
    }
    let mut page = WalkInPage::new(&state, ctx, event, f).await?;
    page.errors = errors;
    page.similar = similar;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "events/sign_in_sheet.html")]
struct SheetPage {
    ctx: PageCtx,
    event: store::events::Event,
    when: String,
    regs: Vec<store::attendance::RosterLine>,
    blank_rows: Vec<usize>,
}

impl SheetPage {
    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }
}

/// The printable sign-in sheet: the confirmed registrants by name, then blank lines for
/// walk-ins.
pub async fn sheet(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let event = event_for(&state, &user, &id).await?;
    // The confirmed registrants, by name (with their organisation, from the registry or as
    // typed).
    let regs: Vec<_> = store::attendance::roster(state.db(), scope_of(&user), event.id, "")
        .await?
        .into_iter()
        .filter(|l| l.status == "confirmed")
        .collect();
    Ok(Html(
        SheetPage {
            when: i18n::datetime(ctx.lang, event.starts_at),
            blank_rows: (0..15).collect(),
            ctx,
            event,
            regs,
        }
        .render()?,
    ))
}
