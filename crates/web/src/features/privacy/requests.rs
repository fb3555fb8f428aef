//! The register of people's requests about their own data (`store::subject_requests`): a
//! request recorded the day it came, its one-month answer deadline (three months when
//! extended with a reason) shown here and on the workspace, how identity was checked, and
//! how it was answered or why refused. What answering takes is on the person's page: their
//! data (`directory::person_rights`), the edit form, restriction and erasure.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::privacy::{RequestKind, RequestOutcome};
use jiff::civil::Date;

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::forms::{
    AppForm, FormErrors, block_field, date_field, optional_date_field, optional_id, parse_id,
    required_block, required_line, text_field,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// What the form holds, as typed (kept on an error).
#[derive(Default, serde::Deserialize)]
pub struct RequestFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    requester_name: String,
    #[serde(default)]
    requester_email: String,
    #[serde(default)]
    reply_to: String,
    #[serde(default)]
    received_on: String,
    #[serde(default)]
    details: String,
    #[serde(default)]
    identity_checked: String,
    #[serde(default)]
    extension_reason: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    closed_on: String,
    #[serde(default)]
    response: String,
    /// The version of the request the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}
crate::http::forms::debug_without_text!(RequestFields);

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

impl RequestFields {
    fn of(r: &store::subject_requests::RequestInput) -> RequestFields {
        RequestFields {
            kind: r.kind.as_str().to_owned(),
            person: r.person_id.map(|p| p.to_string()).unwrap_or_default(),
            requester_name: r.requester_name.clone(),
            requester_email: text(&r.requester_email),
            reply_to: text(&r.reply_to),
            received_on: r.received_on.to_string(),
            details: r.details.clone(),
            identity_checked: text(&r.identity_checked),
            extension_reason: text(&r.extension_reason),
            outcome: r.outcome.map(|o| o.as_str().to_owned()).unwrap_or_default(),
            closed_on: r.closed_on.map(|d| d.to_string()).unwrap_or_default(),
            response: text(&r.response),
            version: String::new(),
        }
    }

    /// The request the form describes, or every field's problem (`today`: nothing later;
    /// `extended`: whether the stored request was extended already — a new extension is
    /// given within the first month only, article 12(3)).
    fn check(
        &self,
        today: Date,
        extended: bool,
    ) -> Result<store::subject_requests::RequestInput, FormErrors> {
        let mut e = FormErrors::default();
        let kind = RequestKind::parse(&self.kind);
        if kind.is_none() {
            e.add("kind", "request-kind-missing");
        }
        // Set from the person's page; a value that is no number is a tampered form.
        let person_id = optional_id(&self.person).unwrap_or(None);
        let requester_name = required_line(
            &self.requester_name,
            200,
            "requester_name",
            "request-requester-missing",
            &mut e,
        );
        let requester_email = match self.requester_email.trim() {
            "" => None,
            raw => match domain::user::Email::parse(raw) {
                Some(m) => Some(m.into_string()),
                None => {
                    e.add("requester_email", "request-email-invalid");
                    None
                }
            },
        };
        let reply_to = block_field(&self.reply_to, 500, "reply_to", &mut e);
        let received_on = date_field(&self.received_on, "received_on", &mut e);
        if received_on.is_some_and(|d| d > today) {
            e.add("received_on", "request-future");
        }
        let details = required_block(
            &self.details,
            5000,
            "details",
            "request-details-missing",
            &mut e,
        );
        let identity_checked = text_field(&self.identity_checked, 500, "identity_checked", &mut e);
        let extension_reason =
            block_field(&self.extension_reason, 2000, "extension_reason", &mut e);
        if extension_reason.is_some()
            && !extended
            && received_on.is_some_and(|r| today > domain::privacy::request_due(r, false))
        {
            e.add("extension_reason", "request-extension-late");
        }
        let outcome = match self.outcome.as_str() {
            "" => None,
            o => {
                let parsed = RequestOutcome::parse(o);
                if parsed.is_none() {
                    e.add("outcome", "request-outcome-missing");
                }
                parsed
            }
        };
        let closed_on = optional_date_field(&self.closed_on, "closed_on", &mut e);
        let response = block_field(&self.response, 5000, "response", &mut e);
        if let Some(c) = closed_on
            && (c > today || received_on.is_some_and(|r| c < r))
        {
            e.add("closed_on", "request-date-out-of-range");
        }
        match (outcome, closed_on) {
            (Some(_), None) if !e.has("closed_on") => e.add("closed_on", "request-closed-missing"),
            (None, Some(_)) => e.add("outcome", "request-outcome-missing"),
            _ => {}
        }
        if outcome.is_some() {
            // Article 12(3)–(4) and 5(2): what was done, or why refused and the right to
            // complain, is on record.
            if response.is_none() && !e.has("response") {
                e.add(
                    "response",
                    if outcome == Some(RequestOutcome::Refused) {
                        "request-refusal-missing"
                    } else {
                        "request-response-missing"
                    },
                );
            }
            // A refusal may be because identity could not be checked.
            if outcome == Some(RequestOutcome::Answered)
                && identity_checked.is_none()
                && !e.has("identity_checked")
            {
                e.add("identity_checked", "request-identity-missing");
            }
        }
        match (e.is_empty(), kind, received_on, requester_name) {
            (true, Some(kind), Some(received_on), Some(requester_name)) => {
                Ok(store::subject_requests::RequestInput {
                    kind,
                    person_id,
                    requester_name,
                    requester_email,
                    reply_to,
                    received_on,
                    details,
                    identity_checked,
                    extension_reason,
                    outcome,
                    closed_on,
                    response,
                })
            }
            _ => Err(e),
        }
    }
}

/// Where a request stands, in words, and whether it is late.
fn standing(ctx: &PageCtx, r: &store::subject_requests::Request, today: Date) -> (String, bool) {
    let due = r.due_on();
    match (r.input.outcome, r.input.closed_on) {
        (Some(o), Some(c)) => (
            format!(
                "{} {}",
                ctx.t(o.label_key()),
                ctx.t1(
                    if c > due {
                        "request-closed-late"
                    } else {
                        "request-closed-on-day"
                    },
                    "date",
                    ctx.day(&c)
                )
            ),
            c > due,
        ),
        _ if today > due => (ctx.t1("request-overdue", "date", ctx.day(&due)), true),
        _ => (
            format!(
                "{} {}",
                ctx.t1("request-due-by", "date", ctx.day(&due)),
                ctx.tn(
                    "request-days-left",
                    "days",
                    i64::from(today.until(due).map(|s| s.get_days()).unwrap_or(0)),
                )
            ),
            false,
        ),
    }
}

struct Line {
    request: store::subject_requests::Request,
    standing: String,
    late: bool,
}

impl Line {
    fn of(ctx: &PageCtx, request: store::subject_requests::Request, today: Date) -> Line {
        let (standing, late) = standing(ctx, &request, today);
        Line {
            request,
            standing,
            late,
        }
    }
}

#[derive(Template)]
#[template(path = "privacy/requests.html")]
struct ListPage {
    ctx: PageCtx,
    lines: Vec<Line>,
    can_edit: bool,
}

/// `GET /{lang}/privacy/requests`: the register, the open requests first.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    let today = state.today();
    let lines = store::subject_requests::list(state.db())
        .await?
        .into_iter()
        .map(|r| Line::of(&ctx, r, today))
        .collect();
    Ok(Html(
        ListPage {
            ctx,
            lines,
            can_edit: user.can(Permission::ManageSubjectRequests),
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "privacy/request.html")]
struct FormPage {
    ctx: PageCtx,
    /// The stored request (none for a new one), with where it stands.
    line: Option<Line>,
    /// The registry person it is about: (id, name, restricted).
    person: Option<(i64, String, bool)>,
    f: RequestFields,
    errors: FormErrors,
    notice: Option<&'static str>,
    kinds: &'static [RequestKind],
    outcomes: &'static [RequestOutcome],
    /// Whether the user answers requests (the data protection officer only reads them).
    can_edit: bool,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        line: Option<Line>,
        f: RequestFields,
        errors: FormErrors,
    ) -> AppResult<FormPage> {
        let person = match optional_id(&f.person).unwrap_or(None) {
            Some(id) => match store::people::get(state.db(), id).await {
                Ok(p) => Some((
                    p.id,
                    p.name,
                    store::people::restriction(state.db(), id).await?.is_some(),
                )),
                Err(store::Error::NotFound) => None,
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        Ok(FormPage {
            ctx,
            line,
            person,
            f,
            errors,
            notice: None,
            kinds: RequestKind::ALL,
            outcomes: RequestOutcome::ALL,
            can_edit: true,
            stale: None,
        })
    }

    fn action(&self) -> String {
        match &self.line {
            Some(l) => self
                .ctx
                .href(&format!("/privacy/requests/{}", l.request.id)),
            None => self.ctx.href("/privacy/requests"),
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    person: String,
}

/// `GET /{lang}/privacy/requests/new[?person=ID]`: received today; about a registry person
/// when opened from their page.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSubjectRequests)?;
    let mut f = RequestFields {
        received_on: state.today().to_string(),
        ..RequestFields::default()
    };
    if let Some(id) = optional_id(&q.person).unwrap_or(None) {
        let p = store::people::get(state.db(), id).await?;
        f.person = p.id.to_string();
        f.requester_name = p.name;
        f.requester_email = p.emails.first().cloned().unwrap_or_default();
    }
    let page = FormPage::new(&state, ctx, None, f, FormErrors::default()).await?;
    Ok(Html(page.render()?))
}

/// `POST /{lang}/privacy/requests`: records a request.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<RequestFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSubjectRequests)?;
    match f.check(state.today(), false) {
        Ok(input) => {
            let id =
                store::subject_requests::create(state.db(), state.now(), &user.actor(ip), &input)
                    .await?;
            Ok(
                Redirect::to(&ctx.href(&format!("/privacy/requests/{id}?notice=recorded")))
                    .into_response(),
            )
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(
                FormPage::new(&state, ctx, None, f, errors)
                    .await?
                    .render()?,
            ),
        )
            .into_response()),
    }
}

async fn line(state: &AppState, ctx: &PageCtx, id: &str) -> AppResult<Line> {
    let r = store::subject_requests::get(state.db(), parse_id(id)?).await?;
    Ok(Line::of(ctx, r, state.today()))
}

/// `GET /{lang}/privacy/requests/{id}`: the request, where it stands, and its form.
pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    // The version before the record: a save in between then shows as stale, never lost.
    let version = store::versions::current(state.db(), "subject_requests", parse_id(&id)?).await?;
    let l = line(&state, &ctx, &id).await?;
    let mut f = RequestFields::of(&l.request.input);
    f.version = version.to_string();
    let mut page = FormPage::new(&state, ctx, Some(l), f, FormErrors::default()).await?;
    page.can_edit = user.can(Permission::ManageSubjectRequests);
    page.notice = match n.notice.as_deref() {
        Some("saved") => Some("saved-notice"),
        Some("recorded") => Some("request-recorded"),
        Some("address-erased") => Some("address-erased"),
        Some("address-in-registry") => Some("address-in-registry"),
        Some("address-erase-unconfirmed") => {
            page.errors.add("confirm", "address-erase-unconfirmed");
            None
        }
        _ => None,
    };
    Ok(Html(page.render()?))
}

/// `POST /{lang}/privacy/requests/{id}`: changes the record (the person it is about stays).
pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(mut f): AppForm<RequestFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSubjectRequests)?;
    let l = line(&state, &ctx, &id).await?;
    f.person = l
        .request
        .input
        .person_id
        .map(|p| p.to_string())
        .unwrap_or_default();
    match f.check(state.today(), l.request.input.extension_reason.is_some()) {
        Ok(input) => {
            let id = l.request.id;
            let expected = crate::http::stale::version(&f.version);
            match store::subject_requests::update(
                state.db(),
                state.now(),
                &user.actor(ip),
                id,
                &input,
                expected,
            )
            .await
            {
                Ok(()) => Ok(Redirect::to(
                    &ctx.href(&format!("/privacy/requests/{id}?notice=saved")),
                )
                .into_response()),
                Err(store::Error::Conflict(store::Conflict::Database(
                    store::DatabaseConflict::Stale,
                ))) => stale_page(&state, ctx, id, f).await,
                Err(e) => Err(e.into()),
            }
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(
                FormPage::new(&state, ctx, Some(l), f, errors)
                    .await?
                    .render()?,
            ),
        )
            .into_response()),
    }
}

/// The form again after someone saved the request since it was loaded: what was typed,
/// what differs in the stored record now (in words), and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: RequestFields,
) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let version = store::versions::current(state.db(), "subject_requests", id).await?;
    let l = Line::of(
        &ctx,
        store::subject_requests::get(state.db(), id).await?,
        state.today(),
    );
    let s = RequestFields::of(&l.request.input);
    let stored = &l.request.input;
    let stale = Stale::compare(vec![
        (
            "request-kind",
            &f.kind,
            &s.kind,
            ctx.t(stored.kind.label_key()),
        ),
        plain(
            "request-requester-name",
            &f.requester_name,
            &s.requester_name,
        ),
        plain(
            "request-requester-email",
            &f.requester_email,
            &s.requester_email,
        ),
        plain("request-reply-to", &f.reply_to, &s.reply_to),
        plain("request-received-on", &f.received_on, &s.received_on),
        plain("request-details", &f.details, &s.details),
        plain(
            "request-identity-checked",
            &f.identity_checked,
            &s.identity_checked,
        ),
        plain(
            "request-extension-reason",
            &f.extension_reason,
            &s.extension_reason,
        ),
        (
            "request-outcome",
            &f.outcome,
            &s.outcome,
            stored
                .outcome
                .map(|o| ctx.t(o.label_key()))
                .unwrap_or_default(),
        ),
        plain("request-closed-on", &f.closed_on, &s.closed_on),
        plain("request-response", &f.response, &s.response),
    ]);
    f.version = version.to_string();
    let mut page = FormPage::new(state, ctx, Some(l), f, FormErrors::default()).await?;
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

/// `POST /{lang}/privacy/requests/export`: the register as CSV or XLSX (audited; it names
/// people, so it is on the access log too).
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::ViewPrivacy)?;
    let today = state.today();
    let requests = store::subject_requests::list(state.db()).await?;
    let opt = |v: &Option<String>| Cell::Text(v.clone().unwrap_or_default());
    let rows: Vec<Vec<Cell>> = requests
        .iter()
        .map(|r| {
            let i = &r.input;
            let late = i.closed_on.map_or(r.overdue(today), |c| c > r.due_on());
            vec![
                Cell::Int(r.id),
                Cell::Text(ctx.t(i.kind.label_key())),
                Cell::Text(i.requester_name.clone()),
                opt(&r.person_name),
                opt(&i.requester_email),
                opt(&i.reply_to),
                Cell::Text(i.details.clone()),
                Cell::Date(i.received_on),
                Cell::Date(r.due_on()),
                opt(&i.extension_reason),
                opt(&i.identity_checked),
                Cell::Text(i.outcome.map(|o| ctx.t(o.label_key())).unwrap_or_default()),
                i.closed_on.map_or(Cell::Empty, Cell::Date),
                Cell::Text(ctx.t(if late { "export-yes" } else { "export-no" })),
                opt(&i.response),
            ]
        })
        .collect();
    let header = [
        ctx.t("request-number"),
        ctx.t("request-kind"),
        ctx.t("request-requester-name"),
        ctx.t("request-person"),
        ctx.t("request-requester-email"),
        ctx.t("request-reply-to"),
        ctx.t("request-details"),
        ctx.t("request-received-on"),
        ctx.t("request-due"),
        ctx.t("request-extension-reason"),
        ctx.t("request-identity-checked"),
        ctx.t("request-outcome"),
        ctx.t("request-closed-on"),
        ctx.t("request-late"),
        ctx.t("request-response"),
    ];
    let subjects: Vec<String> = requests
        .iter()
        .filter_map(|r| r.input.person_id)
        .map(domain::privacy::person_subject)
        .chain(
            requests
                .iter()
                .filter_map(|r| r.input.requester_email.as_deref())
                .map(domain::privacy::email_subject),
        )
        .collect();
    crate::http::tables::personal_list_file(
        &state,
        &user,
        ip,
        store::audit::Event::new(AuditAction::SubjectRequestsExported),
        &subjects,
        &f.format,
        (&ctx.t("requests-title"), "subject-requests"),
        &header,
        &rows,
    )
    .await
}
