//! Reporting rounds in the workspace. Coordinators open a round for a plan, follow it on a
//! board (who has submitted, who is late, who was returned), send reminders through the
//! outbox, review each report (accept, or return with a comment) and close the round.
//! Every organisation's users see exactly their own reports ("Progresa ziņojumi"), fill
//! them in, save a draft and submit — decided in the store's queries by organisation.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::plan::{MEASURE_STATUSES, euro_input, format_euro, parse_euro_cents, parse_value};
use fluent_bundle::FluentValue;
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::AppResult;
use crate::http::files::accept;
use crate::http::files::keep_file;
use crate::http::files::still_kept;
use crate::http::forms::{
    AppForm, FormErrors, date_field, number_field, parse_id, required_text, text_field,
};
use crate::http::notice::Notice;
use crate::i18n::{self, Lang};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// Coordinators see every report; others their organisation's.
fn view_scope(user: &CurrentUser) -> store::OrgScope {
    if user.can(Permission::ManagePlans) {
        store::OrgScope::All
    } else {
        own_scope(user)
    }
}

/// Changing a report is always one's own organisation's.
fn own_scope(user: &CurrentUser) -> store::OrgScope {
    user.organisation_id
        .map(store::OrgScope::Organisation)
        .unwrap_or(store::OrgScope::Nothing)
}

/// The end of the deadline day (Riga), as UTC seconds: a report handed in at or after it is
/// late.
fn deadline_end(d: Date) -> i64 {
    domain::event::riga_day_start(d.tomorrow().unwrap_or(d))
}

#[derive(Template)]
#[template(path = "plans/reports.html")]
struct ReportsPage {
    ctx: PageCtx,
    reports: Vec<store::rounds::Report>,
    rounds: Vec<store::rounds::Round>,
    has_organisation: bool,
    today: Date,
}

impl ReportsPage {
    fn late(&self, r: &store::rounds::Report) -> bool {
        r.is_late(self.today, deadline_end(r.deadline))
    }
}

/// "Progresa ziņojumi": the user's organisation's reports in open rounds (and, for
/// coordinators, the rounds).
pub async fn my_reports(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ReportProgress)?;
    let rounds = if user.can(Permission::ManagePlans) {
        store::rounds::list(state.db(), None).await?
    } else {
        Vec::new()
    };
    Ok(Html(
        ReportsPage {
            reports: store::rounds::open_reports(state.db(), own_scope(&user)).await?,
            rounds,
            has_organisation: user.organisation_id.is_some(),
            today: state.today(),
            ctx,
        }
        .render()?,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct RoundFields {
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    deadline: String,
}

#[derive(Template)]
#[template(path = "plans/round_form.html")]
struct RoundFormPage {
    ctx: PageCtx,
    plan: store::plans::Plan,
    f: RoundFields,
    errors: FormErrors,
}

pub async fn new_round(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, plan)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let plan = store::plans::get(state.db(), parse_id(&plan)?).await?;
    // Default: last year, due at the end of next month.
    let today = state.today();
    let last_year = today.year() - 1;
    let f = RoundFields {
        title_lv: format!("Progresa ziņojums par {last_year}. gadu"),
        title_en: format!("Progress report for {last_year}"),
        period_start: format!("{last_year}-01-01"),
        period_end: format!("{last_year}-12-31"),
        deadline: today
            .checked_add(jiff::Span::new().days(30))
            .unwrap_or(today)
            .to_string(),
    };
    Ok(Html(
        RoundFormPage {
            ctx,
            plan,
            f,
            errors: FormErrors::default(),
        }
        .render()?,
    ))
}

pub async fn open_round(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, plan)): Path<(String, String)>,
    AppForm(f): AppForm<RoundFields>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let plan = store::plans::get(state.db(), parse_id(&plan)?).await?;
    let mut errors = FormErrors::default();
    let title_lv = required_text(
        &f.title_lv,
        300,
        "title_lv",
        "plan-title-missing",
        &mut errors,
    );
    let title_en = text_field(&f.title_en, 300, "title_en", &mut errors);
    let start = date_field(&f.period_start, "period_start", &mut errors);
    let end = date_field(&f.period_end, "period_end", &mut errors);
    let deadline = date_field(&f.deadline, "deadline", &mut errors);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        errors.add("period_end", "plan-period-order");
    }
    if let (Some(start), Some(end), Some(deadline), true) =
        (start, end, deadline, errors.is_empty())
    {
        let input = store::rounds::RoundInput {
            title_lv,
            title_en,
            period_start: start,
            period_end: end,
            deadline,
        };
        match store::rounds::open(state.db(), state.now(), &user.actor(ip), plan.id, &input).await {
            Ok(id) => return Ok(Redirect::to(&ctx.href(&format!("/rounds/{id}"))).into_response()),
            Err(store::Error::Conflict(store::Conflict::Plans(
                store::PlanConflict::PlanClosed,
            ))) => errors.add("period_start", "round-plan-closed"),
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Overlap))) => {
                errors.add("period_start", "round-overlap")
            }
            Err(store::Error::Conflict(_)) => errors.add("period_start", "round-no-measures"),
            Err(e) => return Err(e.into()),
        }
    }
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(
            RoundFormPage {
                ctx,
                plan,
                f,
                errors,
            }
            .render()?,
        ),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "plans/round.html")]
struct BoardPage {
    ctx: PageCtx,
    round: store::rounds::Round,
    reports: Vec<store::rounds::Report>,
    today: Date,
    late: usize,
    notice: Option<String>,
}

impl BoardPage {
    fn is_late(&self, r: &store::rounds::Report) -> bool {
        r.is_late(self.today, deadline_end(r.deadline))
    }
}

#[derive(Debug, Deserialize)]
pub struct BoardQuery {
    notice: Option<String>,
    sent: Option<usize>,
}

/// The round's board: every report with its status, late ones marked.
pub async fn board(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<BoardQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    let round = store::rounds::get(state.db(), id).await?;
    let reports = store::rounds::reports(state.db(), store::OrgScope::All, id).await?;
    let today = state.today();
    let late = reports
        .iter()
        .filter(|r| r.is_late(today, deadline_end(r.deadline)))
        .count();
    let notice = match q.notice.as_deref() {
        Some("reminded") => Some(ctx.tn("round-reminded", "count", q.sent.unwrap_or(0))),
        Some("closed") => Some(ctx.t("round-closed-notice")),
        _ => None,
    };
    Ok(Html(
        BoardPage {
            ctx,
            round,
            reports,
            today,
            late,
            notice,
        }
        .render()?,
    ))
}

fn reminder_mail(
    lang: Lang,
    round: &store::rounds::Round,
    r: &store::rounds::Recipient,
    link: &str,
) -> store::outbox::Outgoing {
    let measures = r
        .measures
        .iter()
        .map(|(code, title)| format!("- {code} {title}"))
        .collect::<Vec<_>>()
        .join("\n");
    store::outbox::Outgoing {
        kind: "round_reminder".to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: i18n::t_args(
            lang,
            "mail-round-reminder-subject",
            &[("deadline", FluentValue::from(round.deadline.to_string()))],
        ),
        body: i18n::t_args(
            lang,
            "mail-round-reminder-body",
            &[
                ("name", FluentValue::from(r.name.clone())),
                (
                    "round",
                    FluentValue::from(round.title(lang.code()).to_owned()),
                ),
                ("deadline", FluentValue::from(round.deadline.to_string())),
                ("measures", FluentValue::from(measures)),
                ("link", FluentValue::from(link.to_owned())),
            ],
        ),
    }
}

/// Reminds every active user of an organisation with reports still to hand in.
pub async fn remind(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    let round = store::rounds::get(state.db(), id).await?;
    let recipients = store::rounds::reminder_recipients(state.db(), id).await?;
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let mails: Vec<(String, store::outbox::Outgoing)> = recipients
        .iter()
        .map(|r| {
            let lang = Lang::parse(&r.lang).unwrap_or(Lang::Lv);
            let link = format!("{base}/{}/reports", lang.code());
            (r.email.clone(), reminder_mail(lang, &round, r, &link))
        })
        .collect();
    match store::rounds::remind(state.db(), state.now(), &user.actor(ip), id, &mails).await {
        Ok(()) => Ok(Redirect::to(&ctx.href(&format!(
            "/rounds/{id}?notice=reminded&sent={}",
            mails.len()
        )))
        .into_response()),
        Err(store::Error::Conflict(_)) => {
            Ok(Redirect::to(&ctx.href(&format!("/rounds/{id}?notice=closed"))).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn close(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    match store::rounds::close(state.db(), state.now(), &user.actor(ip), id).await {
        Ok(()) | Err(store::Error::Conflict(_)) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&ctx.href(&format!("/rounds/{id}?notice=closed"))).into_response())
}

/// The report form as typed: plain fields, the places chosen and the indicator values by
/// indicator id.
#[derive(Debug, Default, Clone)]
pub struct ReportFields {
    pub measure_status: String,
    pub done: String,
    pub spent: String,
    pub reached_roma: String,
    pub reached_women: String,
    pub reached_youth: String,
    pub evidence: String,
    pub places: Vec<String>,
    /// (indicator id, value, general population's value) as typed.
    pub values: Vec<(i64, String, String)>,
    pub comment: String,
}

impl ReportFields {
    fn of(r: &store::rounds::Report, lang: &str) -> ReportFields {
        let shown = |v: f64| domain::plan::format_value(v, lang);
        ReportFields {
            measure_status: r
                .measure_status
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            done: r.done.clone().unwrap_or_default(),
            spent: r
                .spent_cents
                .map(|c| euro_input(c, lang))
                .unwrap_or_default(),
            reached_roma: r.reached_roma.map(|n| n.to_string()).unwrap_or_default(),
            reached_women: r.reached_women.map(|n| n.to_string()).unwrap_or_default(),
            reached_youth: r.reached_youth.map(|n| n.to_string()).unwrap_or_default(),
            evidence: r.evidence.clone().unwrap_or_default(),
            places: r.places.iter().map(|p| p.0.to_string()).collect(),
            values: r
                .values
                .iter()
                .map(|(i, v, g)| (*i, shown(*v), g.map(shown).unwrap_or_default()))
                .collect(),
            comment: String::new(),
        }
    }

    /// Parses the body by hand: places repeat, values are named by indicator.
    fn parse(body: &[(String, String)]) -> ReportFields {
        let mut f = ReportFields::default();
        let mut values: Vec<(i64, bool, String)> = Vec::new();
        for (k, v) in body {
            let v = v.clone();
            match k.as_str() {
                "measure_status" => f.measure_status = v,
                "done" => f.done = v,
                "spent" => f.spent = v,
                "reached_roma" => f.reached_roma = v,
                "reached_women" => f.reached_women = v,
                "reached_youth" => f.reached_youth = v,
                "evidence" => f.evidence = v,
                "places" => f.places.push(v),
                "comment" => f.comment = v,
                k => {
                    if let Some(id) = k.strip_prefix("value_").and_then(|i| i.parse().ok()) {
                        values.push((id, false, v));
                    } else if let Some(id) = k.strip_prefix("general_").and_then(|i| i.parse().ok())
                    {
                        values.push((id, true, v));
                    }
                }
            }
        }
        for (id, general, v) in values {
            let i = match f.values.iter().position(|x| x.0 == id) {
                Some(i) => i,
                None => {
                    f.values.push((id, String::new(), String::new()));
                    f.values.len() - 1
                }
            };
            if general {
                f.values[i].2 = v;
            } else {
                f.values[i].1 = v;
            }
        }
        f
    }

    fn value_of(&self, indicator: i64) -> (String, String) {
        self.values
            .iter()
            .find(|v| v.0 == indicator)
            .map(|v| (v.1.clone(), v.2.clone()))
            .unwrap_or_default()
    }
}

fn count_field(raw: &str, field: &'static str, errors: &mut FormErrors) -> Option<i64> {
    number_field(raw, 0..=10_000_000, field, "report-count-invalid", errors)
}

/// Checks the typed report; `submit` also requires the status and what was done.
pub fn validate_report(
    f: &ReportFields,
    indicators: &[store::indicators::Indicator],
    submit: bool,
    errors: &mut FormErrors,
) -> store::rounds::ReportInput {
    let measure_status = match f.measure_status.trim() {
        "" => {
            if submit {
                errors.add("measure_status", "report-status-missing");
            }
            None
        }
        s => domain::plan::MeasureStatus::parse(s).or_else(|| {
            errors.add("measure_status", "reg-choice-invalid");
            None
        }),
    };
    let done = crate::http::forms::block_field(&f.done, 10_000, "done", errors);
    if submit && done.is_none() && !errors.has("done") {
        errors.add("done", "report-done-missing");
    }
    let spent_cents = match f.spent.trim() {
        "" => None,
        s => parse_euro_cents(s).or_else(|| {
            errors.add("spent", "measure-budget-invalid");
            None
        }),
    };
    let reached_roma = count_field(&f.reached_roma, "reached_roma", errors);
    let reached_women = count_field(&f.reached_women, "reached_women", errors);
    let reached_youth = count_field(&f.reached_youth, "reached_youth", errors);
    for (part, field) in [
        (reached_women, "reached_women"),
        (reached_youth, "reached_youth"),
    ] {
        if let Some(p) = part
            && reached_roma.is_none_or(|r| p > r)
        {
            errors.add(field, "report-part-over-roma");
        }
    }
    // Links are stored as checked: with their https:// or http:// scheme, nothing else.
    let lines: Vec<&str> = f
        .evidence
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let links: Vec<String> = lines
        .iter()
        .filter_map(|l| domain::directory::parse_website(l))
        .collect();
    if lines.len() > 20 || links.len() != lines.len() {
        errors.add("evidence", "report-evidence-invalid");
    }
    let evidence = (!links.is_empty()).then(|| links.join("\n"));
    let places = f
        .places
        .iter()
        .filter_map(|p| p.trim().parse::<i64>().ok())
        .collect();
    let mut values = Vec::new();
    for i in indicators {
        let (v, g) = f.value_of(i.id);
        let value = match v.trim() {
            "" => None,
            s => parse_value(s).or_else(|| {
                errors.add("values", "indicator-value-invalid");
                None
            }),
        };
        let general = match g.trim() {
            "" => None,
            s => parse_value(s).or_else(|| {
                errors.add("values", "indicator-value-invalid");
                None
            }),
        };
        if let Some(value) = value {
            if i.is_outcome() && general.is_none() && !errors.has("values") {
                errors.add("values", "indicator-general-missing");
            }
            values.push((i.id, value, general));
        }
    }
    store::rounds::ReportInput {
        measure_status,
        done,
        spent_cents,
        reached_roma,
        reached_women,
        reached_youth,
        evidence,
        places,
        values,
    }
}

#[derive(Template)]
#[template(path = "plans/report.html")]
struct ReportPage {
    ctx: PageCtx,
    r: store::rounds::Report,
    steps: Vec<store::rounds::Step>,
    indicators: Vec<store::indicators::Indicator>,
    units: Vec<(i64, String)>,
    /// This user's organisation wrote it and may still change it.
    editable: bool,
    /// A coordinator may review it now.
    reviewable: bool,
    f: ReportFields,
    errors: FormErrors,
    notice: Option<&'static str>,
    statuses: &'static [&'static str],
    late: bool,
    files: Vec<store::rounds::EvidenceFile>,
    file_title: String,
    /// The review decision chosen ("accept", "return"), kept when the form comes back.
    decision: String,
}

impl ReportPage {
    fn measure_status_key(&self, s: &str) -> &'static str {
        domain::plan::MeasureStatus::label_key_of(s)
    }

    fn step_key(&self, s: &str) -> &'static str {
        match s {
            "submitted" => "report-step-submitted",
            "returned" => "report-step-returned",
            _ => "report-step-accepted",
        }
    }

    fn is_place(&self, id: &i64) -> bool {
        self.f.places.iter().any(|p| *p == id.to_string())
    }

    fn typed(&self, indicator: &i64) -> (String, String) {
        self.f.value_of(*indicator)
    }

    fn spent(&self) -> Option<String> {
        self.r
            .spent_cents
            .map(|c| format_euro(c, self.ctx.lang.code()))
    }

    fn size(&self, bytes: &i64) -> String {
        crate::http::files::human_size(*bytes)
    }

    fn value_text(&self, v: &f64) -> String {
        domain::plan::format_value(*v, self.ctx.lang.code())
    }

    fn indicator_name(&self, id: &i64) -> String {
        self.indicators
            .iter()
            .find(|i| i.id == *id)
            .map(|i| {
                format!(
                    "{} ({})",
                    i.name(self.ctx.lang.code()),
                    i.unit(self.ctx.lang.code())
                )
            })
            .unwrap_or_default()
    }
}

async fn report_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<ReportPage> {
    let r = store::rounds::report(state.db(), view_scope(user), id).await?;
    let indicators = store::indicators::for_measure(state.db(), r.measure_id).await?;
    let units = store::territories::units_on(state.db(), r.period_end)
        .await?
        .into_iter()
        .filter(|t| t.country == "LV")
        .map(|t| (t.id, t.name_lv))
        .collect();
    let editable = r.is_editable() && user.organisation_id == Some(r.organisation_id);
    let reviewable = user.can(Permission::ManagePlans)
        && r.round_open
        && r.status == domain::plan::ReportStatus::Submitted;
    Ok(ReportPage {
        files: store::rounds::files(state.db(), view_scope(user), id).await?,
        file_title: String::new(),
        decision: String::new(),
        steps: store::rounds::steps(state.db(), id).await?,
        f: ReportFields::of(&r, ctx.lang.code()),
        late: r.is_late(state.today(), deadline_end(r.deadline)),
        r,
        indicators,
        units,
        editable,
        reviewable,
        errors: FormErrors::default(),
        notice: None,
        statuses: MEASURE_STATUSES,
        ctx,
    })
}

pub async fn report(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ReportProgress)?;
    let mut p = report_page(&state, ctx, &user, parse_id(&id)?).await?;
    p.notice = n.notice_key();
    Ok(Html(p.render()?))
}

/// Submitted, accepted or closed (perhaps meanwhile): the page says so, nothing is saved.
async fn locked(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<Response> {
    let mut p = report_page(state, ctx, user, id).await?;
    p.notice = Some("report-locked");
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// Saves a draft (`action=save`) or submits (`action=submit`) one's own report.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ReportProgress)?;
    let id = parse_id(&id)?;
    let scope = own_scope(&user);
    // Not this organisation's: 404 before anything else.
    let r = store::rounds::report(state.db(), scope, id).await?;
    if !r.is_editable() {
        return locked(&state, ctx, &user, id).await;
    }
    let submit = body.iter().any(|(k, v)| k == "action" && v == "submit");
    let f = ReportFields::parse(&body);
    let indicators = store::indicators::for_measure(state.db(), r.measure_id).await?;
    let mut errors = FormErrors::default();
    let input = validate_report(&f, &indicators, submit, &mut errors);
    if errors.is_empty() {
        let comment = Some(f.comment.trim()).filter(|c| !c.is_empty());
        match store::rounds::save(
            state.db(),
            state.now(),
            &user.actor(ip),
            scope,
            id,
            &input,
            submit,
            comment,
        )
        .await
        {
            Ok(()) => {
                let notice = if submit { "submitted" } else { "saved" };
                return Ok(
                    Redirect::to(&ctx.href(&format!("/reports/{id}?notice={notice}")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Place))) => {
                errors.add("places", "reg-choice-invalid")
            }
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Indicator))) => {
                errors.add("values", "reg-choice-invalid")
            }
            Err(store::Error::Conflict(_)) => return locked(&state, ctx, &user, id).await,
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = report_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.f = f;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    decision: String,
    /// The report's version the reviewer read.
    #[serde(default)]
    version: String,
    #[serde(default)]
    comment: String,
}

/// A coordinator accepts a submitted report or returns it with a comment.
pub async fn review(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ReviewForm>,
) -> AppResult<Response> {
    user.require(Permission::ManagePlans)?;
    let id = parse_id(&id)?;
    store::rounds::report(state.db(), store::OrgScope::All, id).await?;
    let mut errors = FormErrors::default();
    if f.version.trim().parse::<i64>().is_err() {
        errors.add("decision", "report-changed");
    }
    let accept = match f.decision.as_str() {
        "accept" => Some(true),
        "return" => Some(false),
        _ => {
            errors.add("decision", "reg-choice-invalid");
            None
        }
    };
    let comment = crate::http::forms::block_field(&f.comment, 5000, "comment", &mut errors);
    if let (Some(accept), true) = (accept, errors.is_empty()) {
        match store::rounds::review(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            accept,
            comment.as_deref(),
            f.version.trim().parse().ok(),
        )
        .await
        {
            Ok(()) => {
                let notice = if accept { "accepted" } else { "returned" };
                return Ok(
                    Redirect::to(&ctx.href(&format!("/reports/{id}?notice={notice}")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Comment))) => {
                errors.add("comment", "report-comment-missing")
            }
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::Changed))) => {
                errors.add("decision", "report-changed")
            }
            Err(store::Error::Conflict(_)) => errors.add("decision", "report-not-reviewable"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = report_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.f.comment = f.comment;
    p.decision = f.decision;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// Adds an evidence file (PDF, DOCX, XLSX, ODT, JPEG, PNG) to one's own report.
pub async fn add_file(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    multipart: axum::extract::Multipart,
) -> AppResult<Response> {
    user.require(Permission::ReportProgress)?;
    let id = parse_id(&id)?;
    let scope = own_scope(&user);
    let r = store::rounds::report(state.db(), scope, id).await?;
    if !r.is_editable() {
        return locked(&state, ctx, &user, id).await;
    }
    let upload =
        crate::http::forms::Upload::read(multipart, "file", state.settings().max_upload_bytes())
            .await;
    let title = upload.text("file_title");
    let (file, too_large) = (upload.file, upload.too_large);
    let mut errors = FormErrors::default();
    let title_clean = crate::http::forms::required_line(
        &title,
        300,
        "file_title",
        "document-title-invalid",
        &mut errors,
    );
    let accepted = accept(&state, file, too_large)
        .await?
        .map_err(|why| errors.add("file", why));
    if let (Ok((kind, bytes)), Some(t), true) = (accepted, title_clean, errors.is_empty()) {
        let sha = keep_file(&state, &bytes).await?;
        let f = store::rounds::NewFile {
            title: t,
            kind: kind.as_str().to_owned(),
            size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            sha256: sha.clone(),
        };
        match store::rounds::add_file(state.db(), state.now(), &user.actor(ip), scope, id, &f).await
        {
            Ok(_) => {
                still_kept(&state, &sha, bytes).await?;
                return Ok(
                    Redirect::to(&ctx.href(&format!("/reports/{id}?notice=file#files")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Plans(store::PlanConflict::TooMany))) => {
                errors.add("file", "report-too-many-files")
            }
            Err(store::Error::Conflict(_)) => return locked(&state, ctx, &user, id).await,
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = report_page(&state, ctx, &user, id).await?;
    p.errors = errors;
    p.file_title = title;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// An evidence file, for the reporting organisation and the coordinators.
pub async fn file(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ReportProgress)?;
    let f = store::rounds::file(
        state.db(),
        view_scope(&user),
        parse_id(&id)?,
        parse_id(&item)?,
    )
    .await?;
    crate::http::files::serve_file(&state, &f.kind, &f.sha256, &f.title).await
}

pub async fn remove_file(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ReportProgress)?;
    let (id, item) = (parse_id(&id)?, parse_id(&item)?);
    match store::rounds::remove_file(
        state.db(),
        state.now(),
        &user.actor(ip),
        own_scope(&user),
        id,
        item,
    )
    .await
    {
        Ok(Some(sha)) => {
            // The bytes go too when nothing else uses them; a leftover file is harmless.
            let _ = std::fs::remove_file(state.settings().files_dir().join(sha));
        }
        Ok(None) => {}
        Err(store::Error::Conflict(_)) => return locked(&state, ctx, &user, id).await,
        Err(e) => return Err(e.into()),
    }
    Ok(
        Redirect::to(&ctx.href(&format!("/reports/{id}?notice=file-removed#files")))
            .into_response(),
    )
}
