//! A mediator's monthly report: the month's figures generated from the case log, reviewed,
//! given notes for the supervisor and submitted (then frozen); the supervisor's list of the
//! submitted reports. Counting and freezing are in `store::mediator_reports`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::audit::AuditAction;
use domain::auth::Permission;
use jiff::ToSpan;
use serde::Deserialize;

use crate::AppState;
use crate::features::mediation::families::scope;
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors, block_field};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};
use store::mediator_reports::{MonthFigures, Submitted};

#[derive(Debug, Default, Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
    #[serde(default)]
    notice: Option<String>,
}

#[derive(Template)]
#[template(path = "mediation/month_report.html")]
struct MonthPage {
    ctx: PageCtx,
    month: String,
    months: Vec<(String, bool)>,
    live: MonthFigures,
    submitted: Option<Submitted>,
    notes: String,
    errors: FormErrors,
    notice: Option<&'static str>,
}

/// Figures' labels and hours, for the month pages.
trait Labels {
    fn hours(&self, minutes: &i64) -> String {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }

    fn area_key(&self, a: &str) -> &'static str {
        domain::mediation::ContactArea::label_key_of(a)
    }

    fn status_label(&self, s: &str) -> &'static str {
        domain::mediation::ReferralStatus::label_key_of(s)
    }
}

impl Labels for MonthPage {}

fn label_of(d: jiff::civil::Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

async fn month_page(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    month: String,
) -> AppResult<MonthPage> {
    let submitted_all =
        store::mediator_reports::of_mediator(state.db(), state.keyring(), user.id).await?;
    let this = state.today().first_of_month();
    let months = (0..12)
        .filter_map(|i| this.checked_sub(i.months()).ok())
        .map(label_of)
        .map(|m| {
            let done = submitted_all.iter().any(|r| r.month == m);
            (m, done)
        })
        .collect();
    Ok(MonthPage {
        live: store::mediator_reports::generate(state.db(), user.id, &month).await?,
        submitted: submitted_all.into_iter().find(|r| r.month == month),
        months,
        month,
        notes: String::new(),
        errors: FormErrors::default(),
        notice: None,
        ctx,
    })
}

/// The month to show: the one asked for when valid and begun, else last month.
fn pick_month(state: &AppState, raw: &str) -> String {
    let this = state.today().first_of_month();
    match store::mediator_reports::month_range(raw.trim()) {
        Some((first, _)) if first <= this => label_of(first),
        _ => label_of(this.checked_sub(1.month()).unwrap_or(this)),
    }
}

/// "Mēneša pārskats": the month's figures, the notes and the submit button.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<MonthQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::WorkCases)?;
    let month = pick_month(&state, &q.month);
    let mut p = month_page(&state, ctx, &user, month).await?;
    p.notice = (q.notice.as_deref() == Some("submitted")).then_some("mediator-report-submitted");
    Ok(Html(p.render()?))
}

#[derive(Default, Deserialize)]
pub struct SubmitFields {
    #[serde(default)]
    month: String,
    #[serde(default)]
    notes: String,
    /// "1" from the confirmation step (a submitted report cannot be changed).
    #[serde(default)]
    confirm: String,
    /// "1" from the confirmation step's way back: the form again, with the notes as typed.
    #[serde(default)]
    back: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<SubmitFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let month = pick_month(&state, &f.month);
    let mut errors = FormErrors::default();
    if f.back == "1" {
        let mut p = month_page(&state, ctx, &user, month).await?;
        p.notes = f.notes;
        return Ok(Html(p.render()?).into_response());
    }
    let notes = block_field(&f.notes, 5000, "notes", &mut errors);
    // Asked first, unless the month is submitted already (then nothing changes anyway).
    let already =
        errors.is_empty() && store::caseload::month_submitted(state.db(), user.id, &month).await?;
    if errors.is_empty() && !already && !crate::http::confirm::confirmed(&f.confirm) {
        return crate::http::confirm::ConfirmStep {
            heading: ctx.t1("mreport-confirm-title", "month", &month),
            lines: vec![ctx.t("mreport-confirm-final")],
            action: ctx.href("/mediation/reports"),
            hidden: vec![
                ("month".to_owned(), month.clone()),
                ("notes".to_owned(), f.notes.clone()),
            ],
            csrf: ctx.csrf.clone(),
            button: ctx.t("mreport-confirm-button"),
            back: ctx.href(&format!("/mediation/reports?month={month}")),
            back_label: ctx.t("mreport-confirm-back"),
            danger: false,
            back_with_form: true,
            ctx,
        }
        .into_response();
    }
    if errors.is_empty() {
        let actor = user.actor(ip);
        let w = store::mediation_log::CaseWrite {
            db: state.db(),
            now: state.now(),
            today: state.today(),
            actor: &actor,
            keys: state.keyring(),
            scope: scope(&user),
        };
        match store::mediator_reports::submit(&w, &month, notes.as_deref()).await {
            Ok(_)
            | Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Submitted,
            ))) => {
                return Ok(Redirect::to(&ctx.href(&format!(
                    "/mediation/reports?month={month}&notice=submitted"
                )))
                .into_response());
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = month_page(&state, ctx, &user, month).await?;
    p.errors = errors;
    p.notes = f.notes;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "mediation/supervised_reports.html")]
struct SupervisedPage {
    ctx: PageCtx,
    reports: Vec<Submitted>,
}

impl Labels for SupervisedPage {}

/// The submitted monthly reports of the mediators the user supervises.
pub async fn supervised(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let reports = store::mediator_reports::for_supervisor(
        state.db(),
        state.keyring(),
        user.id,
        state.today(),
    )
    .await?;
    Ok(Html(SupervisedPage { ctx, reports }.render()?))
}

#[derive(Debug, Default, Deserialize)]
pub struct DownloadFields {
    #[serde(default)]
    month: String,
    #[serde(default)]
    format: String,
}

/// The formats a month's report comes in: it is a document (its figures and notes are not
/// tables, so a spreadsheet would leave them out).
fn document_format(format: &str) -> AppResult<&str> {
    match format {
        "pdf" | "docx" => Ok(format),
        _ => Err(crate::http::error::AppError::NotFound),
    }
}

/// A month's report as a document: the figures as on the page, the notes for the supervisor,
/// and whether (and when) it was submitted.
fn month_document(
    lang: crate::i18n::Lang,
    month: &str,
    mediator: &str,
    figures: &MonthFigures,
    notes: Option<&str>,
    status: String,
) -> documents::report::Report {
    use documents::report::{Block, Figure, Report, Section, Table};
    use documents::table::Cell;
    let t = |key: &str| crate::i18n::t(lang, key);
    let mut items = vec![Figure {
        label: t("mreport-hours"),
        value: format!("{}:{:02}", figures.minutes / 60, figures.minutes % 60),
    }];
    items.extend(
        [
            ("figures-families", figures.families),
            ("figures-persons", figures.persons),
            ("figures-contacts", figures.contacts),
            ("figures-referrals", figures.referrals),
            ("figures-children-followed", figures.children_followed),
            ("figures-stayed", figures.stayed_in_school),
            ("figures-no-consent", figures.no_consent_families),
        ]
        .into_iter()
        .map(|(key, n)| Figure {
            label: t(key),
            value: crate::i18n::number(lang, n),
        }),
    );
    let table = |id: &str, caption: &str, counted: &str, rows: Vec<Vec<Cell>>| Table {
        id: id.to_owned(),
        caption: t(caption),
        columns: vec![t("stats-col-item"), t(counted)],
        rows,
        row_headers: true,
    };
    let areas = figures
        .contacts_by_area
        .iter()
        .map(|(a, n)| {
            vec![
                Cell::Text(t(domain::mediation::ContactArea::label_key_of(a))),
                Cell::Int(*n),
            ]
        })
        .collect();
    let statuses = figures
        .referrals_by_status
        .iter()
        .map(|(s, n)| {
            vec![
                Cell::Text(t(domain::mediation::ReferralStatus::label_key_of(s))),
                Cell::Int(*n),
            ]
        })
        .collect();
    Report {
        lang: lang.code().to_owned(),
        title: crate::i18n::t_args(
            lang,
            "mreport-title",
            &[("month", fluent_bundle::FluentValue::from(month.to_owned()))],
        ),
        subtitle: mediator.to_owned(),
        publisher: t("report-publisher"),
        status,
        notes: vec![t("figures-definitions")],
        sections: vec![
            Section {
                id: "month".to_owned(),
                heading: t("figures-title"),
                blocks: vec![
                    Block::Figures { items },
                    Block::Table {
                        table: table("month-areas", "figures-by-area", "figures-contacts", areas),
                    },
                    Block::Table {
                        table: table(
                            "month-referrals",
                            "figures-by-status",
                            "figures-referrals",
                            statuses,
                        ),
                    },
                ],
            },
            Section {
                id: "notes".to_owned(),
                heading: t("mreport-notes"),
                blocks: vec![match notes {
                    Some(n) => Block::Text { text: n.to_owned() },
                    None => Block::Note {
                        text: t("mreport-no-notes"),
                    },
                }],
            },
        ],
    }
}

/// The month's report as a file, audited (the notes are confidential mediation records):
/// the submitted, frozen report, or the figures as they stand when not yet submitted.
async fn month_file(
    state: &AppState,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    report: documents::report::Report,
    (mediator, month, id): (i64, &str, Option<i64>),
    format: &str,
) -> AppResult<Response> {
    let format = document_format(format)?;
    store::audit::record_alone(
        state.db(),
        state.now(),
        &user.actor(ip),
        &store::audit::Event::new(AuditAction::MediatorReportDownloaded)
            .on(
                if id.is_some() {
                    "mediator_report"
                } else {
                    "user"
                },
                id.unwrap_or(mediator),
            )
            .detail(format!("month={month} format={format}")),
    )
    .await?;
    crate::http::report_file::report_file(
        report,
        format,
        state.today(),
        &format!("mediator-report-{month}"),
    )
    .await
}

/// The mediator's own month as PDF or DOCX (a POST with the form's CSRF token: the notes
/// are confidential and every download is audited). A month not begun is not found.
pub async fn download(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(q): AppForm<DownloadFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    document_format(&q.format)?;
    let month = match store::mediator_reports::month_range(q.month.trim()) {
        Some((first, _)) if first <= state.today() => label_of(first),
        _ => return Err(crate::http::error::AppError::NotFound),
    };
    let lang = ctx.lang;
    let submitted = store::mediator_reports::of_mediator(state.db(), state.keyring(), user.id)
        .await?
        .into_iter()
        .find(|r| r.month == month);
    let report = match &submitted {
        Some(r) => month_document(
            lang,
            &month,
            &user.name,
            &r.figures,
            r.notes.as_deref(),
            submitted_status(lang, r.submitted_at),
        ),
        None => month_document(
            lang,
            &month,
            &user.name,
            &store::mediator_reports::generate(state.db(), user.id, &month).await?,
            None,
            crate::i18n::t(lang, "mreport-live"),
        ),
    };
    let id = submitted.as_ref().map(|r| r.id);
    month_file(&state, &user, ip, report, (user.id, &month, id), &q.format).await
}

fn submitted_status(lang: crate::i18n::Lang, at: i64) -> String {
    crate::i18n::t_args(
        lang,
        "mreport-submitted-at",
        &[(
            "at",
            fluent_bundle::FluentValue::from(crate::i18n::datetime(lang, at)),
        )],
    )
}

/// A submitted report of a mediator the user supervises, as PDF or DOCX (POST, audited);
/// any other is not found.
pub async fn supervised_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(q): AppForm<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    let id = crate::http::forms::parse_id(&id)?;
    document_format(&q.format)?;
    let r = store::mediator_reports::one_for_supervisor(
        state.db(),
        state.keyring(),
        user.id,
        state.today(),
        id,
    )
    .await?;
    let lang = ctx.lang;
    let report = month_document(
        lang,
        &r.month,
        &r.mediator,
        &r.figures,
        r.notes.as_deref(),
        submitted_status(lang, r.submitted_at),
    );
    month_file(
        &state,
        &user,
        ip,
        report,
        (r.mediator_user_id, &r.month, Some(r.id)),
        &q.format,
    )
    .await
}

crate::http::forms::debug_without_text!(SubmitFields);
