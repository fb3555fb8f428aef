//! The register of personal-data breaches (`store::breaches`): a breach recorded as soon as
//! it is discovered, the 72 hours for notifying Datu valsts inspekcija counted from then and
//! shown on every page of it and on the workspace, the notification or the reason there was
//! none, whether the people concerned were told, and closing it. Audited and exportable.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use domain::event::{riga_date, riga_datetime, riga_instant};
use domain::privacy::{BreachRisk, authority_deadline};
use jiff::civil::{Date, Time};

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::forms::{
    AppForm, FormErrors, block_field, date_field, number_field, optional_date_field, parse_id,
    required_block, required_line, text_field,
};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// What the form holds, as typed (kept on an error).
#[derive(Default, serde::Deserialize)]
pub struct BreachFields {
    #[serde(default)]
    title: String,
    #[serde(default)]
    discovered_date: String,
    #[serde(default)]
    discovered_time: String,
    #[serde(default)]
    occurred_on: String,
    #[serde(default)]
    what_happened: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    people_count: String,
    #[serde(default)]
    consequences: String,
    #[serde(default)]
    measures: String,
    #[serde(default)]
    risk: String,
    #[serde(default)]
    notified_date: String,
    #[serde(default)]
    notified_time: String,
    #[serde(default)]
    authority_reference: String,
    #[serde(default)]
    not_notified_reason: String,
    #[serde(default)]
    delay_reason: String,
    #[serde(default)]
    people_told_on: String,
    #[serde(default)]
    people_not_told_reason: String,
    #[serde(default)]
    closed_on: String,
    /// The version of the breach the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}
crate::http::forms::debug_without_text!(BreachFields);

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A Riga date and time of an instant, as the form's two fields.
fn date_and_time(at: i64) -> (String, String) {
    let t = riga_datetime(at);
    (
        t.date().to_string(),
        format!("{:02}:{:02}", t.hour(), t.minute()),
    )
}

impl BreachFields {
    /// The fields of a stored breach.
    fn of(b: &store::breaches::BreachInput) -> BreachFields {
        let (discovered_date, discovered_time) = date_and_time(b.discovered_at);
        let (notified_date, notified_time) = b
            .authority_notified_at
            .map(date_and_time)
            .unwrap_or_default();
        BreachFields {
            title: b.title.clone(),
            discovered_date,
            discovered_time,
            occurred_on: date_text(b.occurred_on),
            what_happened: b.what_happened.clone(),
            categories: b.categories.clone(),
            people_count: b.people_count.map(|n| n.to_string()).unwrap_or_default(),
            consequences: b.consequences.clone(),
            measures: b.measures.clone(),
            risk: b.risk.as_str().to_owned(),
            notified_date,
            notified_time,
            authority_reference: b.authority_reference.clone().unwrap_or_default(),
            not_notified_reason: b.not_notified_reason.clone().unwrap_or_default(),
            delay_reason: b.delay_reason.clone().unwrap_or_default(),
            people_told_on: date_text(b.people_told_on),
            people_not_told_reason: b.people_not_told_reason.clone().unwrap_or_default(),
            closed_on: date_text(b.closed_on),
            version: String::new(),
        }
    }

    /// The form's fields for a new breach: discovered now.
    fn new_at(now: i64) -> BreachFields {
        let (discovered_date, discovered_time) = date_and_time(now);
        BreachFields {
            discovered_date,
            discovered_time,
            ..BreachFields::default()
        }
    }

    /// The breach the form describes, or every field's problem (`now`: nothing may be later).
    fn check(&self, now: i64) -> Result<store::breaches::BreachInput, FormErrors> {
        let mut e = FormErrors::default();
        let today = riga_date(now);
        let title = required_line(&self.title, 200, "title", "breach-title-missing", &mut e);
        let discovered = moment(
            (&self.discovered_date, &self.discovered_time),
            ("discovered_date", "discovered_time"),
            &mut e,
        );
        let discovered_at = match discovered {
            Some(Some(t)) if t <= now => Some(t),
            Some(Some(_)) => {
                e.add("discovered_date", "breach-future");
                None
            }
            Some(None) => {
                e.add("discovered_date", "breach-discovered-missing");
                None
            }
            None => None,
        };
        let occurred_on = optional_date_field(&self.occurred_on, "occurred_on", &mut e);
        if let (Some(o), Some(d)) = (occurred_on, discovered_at)
            && o > riga_date(d)
        {
            e.add("occurred_on", "breach-occurred-after");
        }
        let what_happened = required_block(
            &self.what_happened,
            5000,
            "what_happened",
            "breach-what-missing",
            &mut e,
        );
        let categories: Vec<String> = self
            .categories
            .iter()
            .filter(|c| {
                domain::processing::CATEGORIES
                    .iter()
                    .any(|k| k.key == c.as_str())
            })
            .cloned()
            .collect();
        if categories.is_empty() || categories.len() != self.categories.len() {
            e.add("categories", "breach-categories-missing");
        }
        let people_count = number_field(
            &self.people_count,
            0..=10_000_000,
            "people_count",
            "breach-people-invalid",
            &mut e,
        );
        let consequences = required_block(
            &self.consequences,
            5000,
            "consequences",
            "breach-consequences-missing",
            &mut e,
        );
        let measures = required_block(
            &self.measures,
            5000,
            "measures",
            "breach-measures-missing",
            &mut e,
        );
        let risk = BreachRisk::parse(&self.risk);
        if risk.is_none() {
            e.add("risk", "breach-risk-missing");
        }
        let notified_at = match moment(
            (&self.notified_date, &self.notified_time),
            ("notified_date", "notified_time"),
            &mut e,
        ) {
            Some(Some(t)) if t > now => {
                e.add("notified_date", "breach-notified-future");
                None
            }
            Some(Some(t)) if discovered_at.is_some_and(|d| t < d) => {
                e.add("notified_date", "breach-notified-before");
                None
            }
            Some(Some(t)) => Some(t),
            _ => None,
        };
        let authority_reference = text_field(
            &self.authority_reference,
            200,
            "authority_reference",
            &mut e,
        );
        let not_notified_reason = block_field(
            &self.not_notified_reason,
            2000,
            "not_notified_reason",
            &mut e,
        );
        let delay_reason = block_field(&self.delay_reason, 2000, "delay_reason", &mut e);
        if risk == Some(BreachRisk::Unlikely)
            && notified_at.is_none()
            && not_notified_reason.is_none()
            && !e.has("not_notified_reason")
        {
            // Article 33(5): a breach not notified is documented with why.
            e.add("not_notified_reason", "breach-not-notified-reason-missing");
        }
        if let (Some(n), Some(d)) = (notified_at, discovered_at)
            && n > authority_deadline(d)
            && delay_reason.is_none()
            && !e.has("delay_reason")
        {
            // Article 33(1): a notification after 72 hours says why it is late.
            e.add("delay_reason", "breach-delay-reason-missing");
        }
        let people_told_on = optional_date_field(&self.people_told_on, "people_told_on", &mut e);
        if let Some(t) = people_told_on
            && (t > today || discovered_at.is_some_and(|d| t < riga_date(d)))
        {
            e.add("people_told_on", "breach-date-out-of-range");
        }
        let people_not_told_reason = block_field(
            &self.people_not_told_reason,
            2000,
            "people_not_told_reason",
            &mut e,
        );
        let closed_on = if self.closed_on.trim().is_empty() {
            None
        } else {
            date_field(&self.closed_on, "closed_on", &mut e)
        };
        if let Some(c) = closed_on {
            if c > today || discovered_at.is_some_and(|d| c < riga_date(d)) {
                e.add("closed_on", "breach-date-out-of-range");
            } else if notified_at.is_none() && risk != Some(BreachRisk::Unlikely) {
                // A breach that may result in a risk closes only once notified (article 33).
                e.add("closed_on", "breach-close-notify");
            } else if notified_at.is_none() && not_notified_reason.is_none() {
                // Closed: either notified, or why not is on the record.
                e.add("closed_on", "breach-close-authority");
            } else if risk == Some(BreachRisk::High)
                && people_told_on.is_none()
                && people_not_told_reason.is_none()
            {
                // A high risk: the people concerned are told (article 34), or why not.
                e.add("closed_on", "breach-close-people");
            }
        }
        match (e.is_empty(), discovered_at, risk) {
            (true, Some(discovered_at), Some(risk)) => Ok(store::breaches::BreachInput {
                title: title.unwrap_or_default(),
                discovered_at,
                occurred_on,
                what_happened,
                categories,
                people_count,
                consequences,
                measures,
                risk,
                authority_notified_at: notified_at,
                authority_reference,
                not_notified_reason,
                delay_reason,
                people_told_on,
                people_not_told_reason,
                closed_on,
            }),
            _ => Err(e),
        }
    }
}

/// A moment from a date and a time field (Riga): `None` on a problem (recorded at `field`),
/// `Some(None)` when both are blank.
fn moment(
    (date, time): (&str, &str),
    (date_name, time_name): (&'static str, &'static str),
    e: &mut FormErrors,
) -> Option<Option<i64>> {
    if date.trim().is_empty() && time.trim().is_empty() {
        return Some(None);
    }
    let d = date_field(date, date_name, e);
    let t = match time.trim().parse::<Time>() {
        Ok(t) => Some(t),
        Err(_) => {
            e.add(
                time_name,
                if time.trim().is_empty() {
                    "breach-time-missing"
                } else {
                    "time-invalid"
                },
            );
            None
        }
    };
    Some(Some(riga_instant(d?, t?)))
}

/// Where a breach stands with the authority, in words, and whether it is late.
fn standing(ctx: &PageCtx, b: &store::breaches::Breach, now: i64) -> (String, bool) {
    let deadline = b.deadline();
    match (b.input.authority_notified_at, b.input.risk) {
        (Some(at), _) if at > deadline => (
            ctx.t1("breach-notified-late", "date", ctx.datetime(&at)),
            true,
        ),
        (Some(at), _) => (
            ctx.t1("breach-notified-on", "date", ctx.datetime(&at)),
            false,
        ),
        (None, BreachRisk::Unlikely) => (ctx.t("breach-not-required"), false),
        (None, _) if b.input.closed_on.is_some() => (ctx.t("breach-not-notified"), false),
        (None, _) if now > deadline => (
            ctx.t1("breach-overdue", "date", ctx.datetime(&deadline)),
            true,
        ),
        (None, _) => (
            format!(
                "{} {}",
                ctx.t1("breach-due-by", "date", ctx.datetime(&deadline)),
                ctx.tn(
                    "breach-hours-left",
                    "hours",
                    // Whole hours: 70 h 35 min is "70 hours left".
                    (deadline - now).div_euclid(3600)
                )
            ),
            false,
        ),
    }
}

struct Line {
    breach: store::breaches::Breach,
    deadline: i64,
    standing: String,
    late: bool,
}

impl Line {
    fn of(ctx: &PageCtx, breach: store::breaches::Breach, now: i64) -> Line {
        let (standing, late) = standing(ctx, &breach, now);
        Line {
            deadline: breach.deadline(),
            breach,
            standing,
            late,
        }
    }
}

#[derive(Template)]
#[template(path = "privacy/breaches.html")]
struct ListPage {
    ctx: PageCtx,
    lines: Vec<Line>,
    can_edit: bool,
}

/// `GET /{lang}/privacy/breaches`: the register, the open breaches first.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    let now = state.now();
    let lines = store::breaches::list(state.db())
        .await?
        .into_iter()
        .map(|breach| Line::of(&ctx, breach, now))
        .collect();
    Ok(Html(
        ListPage {
            ctx,
            lines,
            can_edit: user.can(Permission::ManageBreaches),
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "privacy/breach.html")]
struct FormPage {
    ctx: PageCtx,
    /// The stored breach (none for a new one), with where it stands.
    breach: Option<Line>,
    f: BreachFields,
    errors: FormErrors,
    notice: Option<&'static str>,
    categories: Vec<(&'static str, &'static str)>,
    risks: &'static [BreachRisk],
    /// Whether the user keeps the register (the data protection officer only reads it).
    can_edit: bool,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl FormPage {
    fn new(ctx: PageCtx, breach: Option<Line>, f: BreachFields, errors: FormErrors) -> FormPage {
        let lv = ctx.lang.code() == "lv";
        let categories = domain::processing::CATEGORIES
            .iter()
            .map(|c| (c.key, if lv { c.title.0 } else { c.title.1 }))
            .collect();
        FormPage {
            ctx,
            breach,
            f,
            errors,
            notice: None,
            categories,
            risks: BreachRisk::ALL,
            can_edit: true,
            stale: None,
        }
    }

    fn chosen(&self, key: &str) -> bool {
        self.f.categories.iter().any(|c| c == key)
    }

    fn action(&self) -> String {
        match &self.breach {
            Some(l) => self.ctx.href(&format!("/privacy/breaches/{}", l.breach.id)),
            None => self.ctx.href("/privacy/breaches"),
        }
    }
}

/// `GET /{lang}/privacy/breaches/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageBreaches)?;
    let f = BreachFields::new_at(state.now());
    Ok(Html(
        FormPage::new(ctx, None, f, FormErrors::default()).render()?,
    ))
}

fn fields(body: Vec<(String, String)>) -> AppResult<BreachFields> {
    crate::http::forms::with_lists(body, &["categories"])
}

/// `POST /{lang}/privacy/breaches`: records a breach.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageBreaches)?;
    let f = fields(body)?;
    match f.check(state.now()) {
        Ok(input) => {
            let id =
                store::breaches::create(state.db(), state.now(), &user.actor(ip), &input).await?;
            Ok(
                Redirect::to(&ctx.href(&format!("/privacy/breaches/{id}?notice=recorded")))
                    .into_response(),
            )
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(FormPage::new(ctx, None, f, errors).render()?),
        )
            .into_response()),
    }
}

async fn line(state: &AppState, ctx: &PageCtx, id: &str) -> AppResult<Line> {
    let breach = store::breaches::get(state.db(), parse_id(id)?).await?;
    Ok(Line::of(ctx, breach, state.now()))
}

/// `GET /{lang}/privacy/breaches/{id}`: the breach, where it stands, and its form.
pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    axum::extract::Query(n): axum::extract::Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewPrivacy)?;
    // The version before the record: a save in between then shows as stale, never lost.
    let version = store::versions::current(state.db(), "breaches", parse_id(&id)?).await?;
    let l = line(&state, &ctx, &id).await?;
    let mut f = BreachFields::of(&l.breach.input);
    f.version = version.to_string();
    let mut page = FormPage::new(ctx, Some(l), f, FormErrors::default());
    page.can_edit = user.can(Permission::ManageBreaches);
    page.notice = match n.notice.as_deref() {
        Some("saved") => Some("saved-notice"),
        Some("recorded") => Some("breach-recorded"),
        _ => None,
    };
    Ok(Html(page.render()?))
}

/// `POST /{lang}/privacy/breaches/{id}`: changes the record.
pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageBreaches)?;
    let l = line(&state, &ctx, &id).await?;
    let f = fields(body)?;
    let checked = f.check(state.now()).and_then(|input| {
        // Once the authority was notified or the breach closed, when it was discovered —
        // what the 72 hours count from — stays as recorded.
        let was = &l.breach.input;
        let fixed = was.authority_notified_at.is_some() || was.closed_on.is_some();
        let minute = |t: i64| t.div_euclid(60);
        if fixed && minute(input.discovered_at) != minute(was.discovered_at) {
            let mut e = FormErrors::default();
            e.add("discovered_date", "breach-discovered-fixed");
            Err(e)
        } else if fixed {
            // The seconds of the first record are kept (the form has minutes).
            Ok(store::breaches::BreachInput {
                discovered_at: was.discovered_at,
                ..input
            })
        } else {
            Ok(input)
        }
    });
    match checked {
        Ok(input) => {
            let id = l.breach.id;
            let expected = crate::http::stale::version(&f.version);
            match store::breaches::update(
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
                    &ctx.href(&format!("/privacy/breaches/{id}?notice=saved")),
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
            Html(FormPage::new(ctx, Some(l), f, errors).render()?),
        )
            .into_response()),
    }
}

/// The form again after someone saved the breach since it was loaded: what was typed, what
/// differs in the stored record now (in words), and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: BreachFields,
) -> AppResult<Response> {
    use crate::http::stale::{Stale, as_set, plain};
    let version = store::versions::current(state.db(), "breaches", id).await?;
    let l = Line::of(
        &ctx,
        store::breaches::get(state.db(), id).await?,
        state.now(),
    );
    let s = BreachFields::of(&l.breach.input);
    let lv = ctx.lang.code() == "lv";
    let categories = l
        .breach
        .input
        .categories
        .iter()
        .filter_map(|k| domain::processing::CATEGORIES.iter().find(|c| c.key == k))
        .map(|c| if lv { c.title.0 } else { c.title.1 })
        .collect::<Vec<_>>()
        .join("; ");
    let (typed_categories, stored_categories) = (as_set(&f.categories), as_set(&s.categories));
    let stale = Stale::compare(vec![
        plain("breach-title", &f.title, &s.title),
        plain(
            "breach-discovered-date",
            &f.discovered_date,
            &s.discovered_date,
        ),
        plain(
            "breach-discovered-time",
            &f.discovered_time,
            &s.discovered_time,
        ),
        plain("breach-occurred-on", &f.occurred_on, &s.occurred_on),
        plain("breach-what-happened", &f.what_happened, &s.what_happened),
        (
            "breach-categories",
            &typed_categories,
            &stored_categories,
            categories,
        ),
        plain("breach-people-count", &f.people_count, &s.people_count),
        plain("breach-consequences", &f.consequences, &s.consequences),
        plain("breach-measures", &f.measures, &s.measures),
        (
            "breach-risk",
            &f.risk,
            &s.risk,
            ctx.t(l.breach.input.risk.label_key()),
        ),
        plain("breach-notified-date", &f.notified_date, &s.notified_date),
        plain("breach-notified-time", &f.notified_time, &s.notified_time),
        plain(
            "breach-authority-reference",
            &f.authority_reference,
            &s.authority_reference,
        ),
        plain(
            "breach-not-notified-reason",
            &f.not_notified_reason,
            &s.not_notified_reason,
        ),
        plain("breach-delay-reason", &f.delay_reason, &s.delay_reason),
        plain(
            "breach-people-told-on",
            &f.people_told_on,
            &s.people_told_on,
        ),
        plain(
            "breach-people-not-told-reason",
            &f.people_not_told_reason,
            &s.people_not_told_reason,
        ),
        plain("breach-closed-on", &f.closed_on, &s.closed_on),
    ]);
    f.version = version.to_string();
    let mut page = FormPage::new(ctx, Some(l), f, FormErrors::default());
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

/// `POST /{lang}/privacy/breaches/export`: the register as CSV or XLSX (audited).
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::ViewPrivacy)?;
    let now = state.now();
    let breaches = store::breaches::list(state.db()).await?;
    let lv = ctx.lang.code() == "lv";
    let rows: Vec<Vec<Cell>> = breaches
        .iter()
        .map(|b| {
            let i = &b.input;
            let late = i
                .authority_notified_at
                .map_or(now > b.deadline() && b.notification_pending(), |at| {
                    at > b.deadline()
                });
            let categories = i
                .categories
                .iter()
                .filter_map(|k| domain::processing::CATEGORIES.iter().find(|c| c.key == k))
                .map(|c| if lv { c.title.0 } else { c.title.1 })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                Cell::Int(b.id),
                Cell::Text(i.title.clone()),
                Cell::Text(crate::http::dates::rfc3339(i.discovered_at)),
                i.occurred_on.map_or(Cell::Empty, Cell::Date),
                Cell::Text(categories),
                i.people_count.map_or(Cell::Empty, Cell::Int),
                Cell::Text(ctx.t(i.risk.label_key())),
                Cell::Text(i.what_happened.clone()),
                Cell::Text(i.consequences.clone()),
                Cell::Text(i.measures.clone()),
                Cell::Text(crate::http::dates::rfc3339(b.deadline())),
                Cell::Text(
                    i.authority_notified_at
                        .map(crate::http::dates::rfc3339)
                        .unwrap_or_default(),
                ),
                Cell::Text(ctx.t(if late { "export-yes" } else { "export-no" })),
                Cell::Text(i.authority_reference.clone().unwrap_or_default()),
                Cell::Text(
                    i.not_notified_reason
                        .clone()
                        .or_else(|| i.delay_reason.clone())
                        .unwrap_or_default(),
                ),
                i.people_told_on.map_or(Cell::Empty, Cell::Date),
                Cell::Text(i.people_not_told_reason.clone().unwrap_or_default()),
                i.closed_on.map_or(Cell::Empty, Cell::Date),
            ]
        })
        .collect();
    let header = [
        ctx.t("breach-number"),
        ctx.t("breach-title"),
        ctx.t("breach-discovered"),
        ctx.t("breach-occurred-on"),
        ctx.t("breach-categories"),
        ctx.t("breach-people-count"),
        ctx.t("breach-risk"),
        ctx.t("breach-what-happened"),
        ctx.t("breach-consequences"),
        ctx.t("breach-measures"),
        ctx.t("breach-deadline"),
        ctx.t("breach-notified-date"),
        ctx.t("breach-late"),
        ctx.t("breach-authority-reference"),
        ctx.t("breach-reasons"),
        ctx.t("breach-people-told-on"),
        ctx.t("breach-people-not-told-reason"),
        ctx.t("breach-closed-on"),
    ];
    let format = if f.format == "xlsx" { "xlsx" } else { "csv" };
    store::audit::record_alone(
        state.db(),
        now,
        &user.actor(ip),
        &store::audit::Event::new(AuditAction::BreachesExported)
            .detail(format!("format={format} rows={}", rows.len())),
    )
    .await?;
    crate::http::tables::list_file(format, &ctx.t("breaches-title"), "breaches", &header, &rows)
}
