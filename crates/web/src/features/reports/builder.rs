//! The report builder for coordinators (`/{lang}/report-builder`): choose a report, its
//! year, language and audience; see it as it stands over today's data; write its narrative
//! sections; download it as PDF, DOCX or XLSX. Building and rendering run off the request
//! threads, one report at a time.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use serde::Deserialize;

use crate::AppState;
use crate::features::reports::{Audience, Kind, Request};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{AppForm, FormErrors};
use crate::http::notice::Notice;
use crate::http::report_file::{RENDERING, format_type, render, report_file};
use crate::i18n::Lang;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, Default, Clone, Deserialize)]
pub struct BuilderQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    rlang: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    format: String,
    #[serde(default)]
    notice: String,
}

/// The chosen report, when every choice is valid.
struct Choice {
    kind: Kind,
    year: i16,
    lang: Lang,
    audience: Audience,
}

impl Choice {
    fn query(&self) -> String {
        format!(
            "kind={}&year={}&rlang={}&audience={}",
            self.kind.as_str(),
            self.year,
            self.lang.code(),
            self.audience.as_str()
        )
    }
}

fn choose(q: &BuilderQuery, this_year: i16, errors: &mut FormErrors) -> Option<Choice> {
    if q.kind.is_empty() && q.year.is_empty() {
        return None;
    }
    let kind = Kind::parse(&q.kind);
    if kind.is_none() {
        let field = "kind";
        errors.add(field, "reg-choice-invalid");
    }
    let year = q
        .year
        .trim()
        .parse::<i16>()
        .ok()
        .filter(|y| (2020..=this_year + 1).contains(y));
    if year.is_none() {
        let field = "year";
        errors.add(field, "report-year-invalid");
    }
    let lang = Lang::parse(&q.rlang);
    if lang.is_none() {
        let field = "rlang";
        errors.add(field, "reg-choice-invalid");
    }
    let audience = Audience::parse(&q.audience);
    if audience.is_none() {
        let field = "audience";
        errors.add(field, "reg-choice-invalid");
    }
    Some(Choice {
        kind: kind?,
        year: year?,
        lang: lang?,
        audience: audience?,
    })
}

async fn request(state: &AppState, c: &Choice) -> AppResult<Request> {
    let period = c.year.to_string();
    Ok(Request {
        kind: c.kind,
        year: c.year,
        lang: c.lang,
        audience: c.audience,
        narratives: store::reports::narratives(state.db(), c.kind.as_str(), &period, c.lang.code())
            .await?,
        status: format!(
            "{} · {}",
            crate::i18n::t(c.lang, "report-draft"),
            crate::i18n::t(c.lang, audience_key(c.audience))
        ),
        today: state.today(),
    })
}

#[derive(Template)]
#[template(path = "reports/builder.html")]
struct BuilderPage {
    ctx: PageCtx,
    q: BuilderQuery,
    errors: FormErrors,
    this_year: i16,
    /// The chosen report's query string (for the download links and the form).
    chosen: Option<String>,
    /// (key, label message id, text) of the narrative sections.
    narratives: Vec<(&'static str, &'static str, String)>,
    preview: String,
    issued: Vec<store::reports::Issued>,
}

impl BuilderPage {
    fn when(&self, at: &i64) -> String {
        crate::i18n::datetime(self.ctx.lang, *at)
    }

    fn audience_of(&self, a: &str) -> String {
        self.ctx.t(audience_key(
            Audience::parse(a).unwrap_or(Audience::Internal),
        ))
    }

    fn kinds(&self) -> Vec<(&'static str, &'static str)> {
        Kind::ALL
            .iter()
            .map(|k| (k.as_str(), k.title_key()))
            .collect()
    }
}

/// The builder: the choice form, and the chosen report's preview with its narrative form.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<BuilderQuery>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    let this_year = state.today().year();
    let mut errors = FormErrors::default();
    let choice = choose(&q, this_year, &mut errors);
    let (mut chosen, mut narratives, mut preview) = (None, Vec::new(), String::new());
    if let Some(c) = choice.as_ref().filter(|_| errors.is_empty()) {
        let r = request(&state, c).await?;
        narratives = c
            .kind
            .narratives()
            .iter()
            .map(|(k, l)| (*k, *l, r.narratives.get(*k).cloned().unwrap_or_default()))
            .collect();
        let report = crate::features::reports::build(&state, &r).await?;
        preview = documents::report::html_at(&report, 2);
        chosen = Some(c.query());
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let p = BuilderPage {
        issued: store::reports::issued(state.db(), false).await?,
        ctx,
        q,
        errors,
        this_year,
        chosen,
        narratives,
        preview,
    };
    Ok((status, Html(p.render()?)).into_response())
}

/// The list of issued reports as CSV or XLSX, with each stored PDF's SHA-256 (so a copy
/// that was sent can be checked against what was issued).
pub async fn issued_export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(f): Query<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::IssueReports)?;
    let header = [
        ctx.t("report-kind"),
        ctx.t("report-year"),
        ctx.t("report-language"),
        ctx.t("report-audience"),
        ctx.t("report-issued-at"),
        ctx.t("report-on-site"),
        ctx.t("report-export-pdf-hash"),
    ];
    let rows: Vec<Vec<Cell>> = store::reports::issued(state.db(), false)
        .await?
        .into_iter()
        .map(|r| {
            let audience = Audience::parse(&r.audience).unwrap_or(Audience::Internal);
            let pdf = r.files.iter().find(|(f, ..)| f == "pdf");
            vec![
                Cell::Text(r.title.clone()),
                Cell::Text(r.period.clone()),
                Cell::Text(r.lang.clone()),
                Cell::Text(ctx.t(audience_key(audience))),
                Cell::Date(crate::http::dates::riga_date(r.issued_at)),
                Cell::Text(ctx.t(if r.is_published() {
                    "report-yes"
                } else {
                    "report-no"
                })),
                Cell::Text(pdf.map(|(.., hash)| hash.clone()).unwrap_or_default()),
            ]
        })
        .collect();
    crate::http::tables::list_file(
        &f.format,
        &ctx.t("report-issued-list"),
        "issued-reports",
        &header,
        &rows,
    )
}

/// The chosen report as a file: `format` pdf, docx, xlsx, csv (its tables) or html (a
/// whole document).
pub async fn download(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<BuilderQuery>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    let mut errors = FormErrors::default();
    let Some(c) = choose(&q, state.today().year(), &mut errors).filter(|_| errors.is_empty())
    else {
        return Err(AppError::NotFound);
    };
    let r = request(&state, &c).await?;
    let report = crate::features::reports::build(&state, &r).await?;
    let name = format!(
        "{}-{}-{}-{}",
        c.kind.as_str(),
        c.year,
        c.lang.code(),
        c.audience.as_str()
    );
    report_file(report, &q.format, state.today(), &name).await
}

/// The report chosen by a posted form's hidden fields (only tampering makes them invalid:
/// not found).
fn posted_choice(
    f: &BTreeMap<String, String>,
    this_year: i16,
) -> AppResult<(BuilderQuery, Choice)> {
    let field = |k: &str| f.get(k).cloned().unwrap_or_default();
    let q = BuilderQuery {
        kind: field("kind"),
        year: field("year"),
        rlang: field("rlang"),
        audience: field("audience"),
        ..BuilderQuery::default()
    };
    let mut errors = FormErrors::default();
    match choose(&q, this_year, &mut errors) {
        Some(c) if errors.is_empty() => Ok((q, c)),
        _ => Err(AppError::NotFound),
    }
}

/// `POST /{lang}/report-builder/narratives`: saves the narrative sections of the chosen
/// report (its kind, year and language), then shows the preview again.
pub async fn save_narratives(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<BTreeMap<String, String>>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    let field = |k: &str| f.get(k).cloned().unwrap_or_default();
    let this_year = state.today().year();
    let (q, c) = posted_choice(&f, this_year)?;
    let mut errors = FormErrors::default();
    let mut texts = Vec::new();
    let mut narratives = Vec::new();
    for (key, label) in c.kind.narratives() {
        let raw = field(key);
        let text =
            crate::http::forms::block_field(&raw, 20_000, key, &mut errors).unwrap_or_default();
        narratives.push((*key, *label, raw));
        texts.push(((*key).to_owned(), text));
    }
    if errors.is_empty() {
        store::reports::save_narratives(
            state.db(),
            state.now(),
            &user.actor(ip),
            c.kind.as_str(),
            &c.year.to_string(),
            c.lang.code(),
            &texts,
        )
        .await?;
        return Ok(Redirect::to(&ctx.href(&format!(
            "/report-builder?{}&notice=saved#narratives",
            c.query()
        )))
        .into_response());
    }
    // Typed text is kept next to its message; the preview shows the saved texts.
    let r = request(&state, &c).await?;
    let report = crate::features::reports::build(&state, &r).await?;
    let p = BuilderPage {
        issued: store::reports::issued(state.db(), false).await?,
        ctx,
        chosen: Some(c.query()),
        q,
        errors,
        this_year,
        narratives,
        preview: documents::report::html_at(&report, 2),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// `POST /{lang}/report-builder/issue`: builds the chosen report over the data now, renders
/// every format and stores them with the data snapshot, frozen; then shows the issued
/// report.
pub async fn issue(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<BTreeMap<String, String>>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    let (_, c) = posted_choice(&f, state.today().year())?;
    let id = issue_report(&state, &user.actor(ip), &c).await?;
    Ok(
        Redirect::to(&ctx.href(&format!("/report-builder/issued/{id}?notice=issued")))
            .into_response(),
    )
}

/// The demo's publications: the annual summary report of `year`, public, in Latvian and
/// English, issued as a coordinator would (made from the synthetic demo data).
pub async fn issue_demo_reports(state: &AppState, year: i16) -> AppResult<()> {
    for lang in [Lang::Lv, Lang::En] {
        let c = Choice {
            kind: Kind::Annual,
            year,
            lang,
            audience: Audience::Public,
        };
        issue_report(state, &store::Actor::cli(), &c).await?;
    }
    Ok(())
}

/// Issues a report: builds it, renders every format off the request threads and freezes
/// the files with the data snapshot in one transaction.
async fn issue_report(state: &AppState, actor: &store::Actor, c: &Choice) -> AppResult<i64> {
    let mut r = request(state, c).await?;
    let now = state.now();
    r.status = format!(
        "{} · {}",
        crate::i18n::t_args(
            c.lang,
            "report-issued-on",
            &[(
                "date",
                fluent_bundle::FluentValue::from(crate::i18n::date(
                    c.lang,
                    jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH),
                )),
            )],
        ),
        crate::i18n::t(c.lang, audience_key(c.audience))
    );
    let report = crate::features::reports::build(state, &r).await?;
    let snapshot = serde_json::to_string(&report).map_err(AppError::internal)?;
    let today = state.today();
    let turn = RENDERING.acquire().await;
    let files =
        tokio::task::spawn_blocking(move || -> AppResult<Vec<(String, Vec<u8>, String)>> {
            let _turn = turn;
            let mut files = Vec::new();
            for format in ["html", "pdf", "docx", "xlsx"] {
                files.push((format.to_owned(), render(&report, format, today)?));
            }
            Ok(files
                .into_iter()
                .map(|(format, bytes)| {
                    use sha2::Digest as _;
                    let sha = format!("{:x}", sha2::Sha256::digest(&bytes));
                    (format, bytes, sha)
                })
                .collect())
        })
        .await
        .map_err(AppError::internal)??;
    store::reports::issue(
        state.db(),
        now,
        actor,
        &store::reports::IssueInput {
            kind: c.kind.as_str().to_owned(),
            period: c.year.to_string(),
            lang: c.lang.code().to_owned(),
            audience: c.audience.as_str().to_owned(),
            title: format!("{} {}", crate::i18n::t(c.lang, c.kind.title_key()), c.year),
            snapshot,
            files,
        },
    )
    .await
    .map_err(Into::into)
}

fn audience_key(a: Audience) -> &'static str {
    match a {
        Audience::Public => "report-audience-public",
        Audience::Internal => "report-audience-internal",
    }
}

#[derive(Template)]
#[template(path = "reports/issued.html")]
struct IssuedPage {
    ctx: PageCtx,
    notice: String,
    issued: store::reports::Issued,
    /// The frozen report, from its snapshot.
    report: String,
    /// Where its files are downloaded (coordinators' or the public address).
    files_base: String,
    public: bool,
}

impl IssuedPage {
    fn issued_at(&self) -> String {
        crate::i18n::datetime(self.ctx.lang, self.issued.issued_at)
    }

    fn size(&self, n: &i64) -> String {
        crate::http::files::human_size(*n)
    }

    fn audience_key(&self) -> &'static str {
        audience_key(Audience::parse(&self.issued.audience).unwrap_or(Audience::Internal))
    }
}

async fn issued_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    public: bool,
    notice: String,
) -> AppResult<Response> {
    let issued = store::reports::issued_one(state.db(), id, public).await?;
    let snapshot = store::reports::snapshot(state.db(), id).await?;
    let report: documents::report::Report =
        serde_json::from_str(&snapshot).map_err(AppError::internal)?;
    let files_base = if public {
        format!("/publications/{id}")
    } else {
        ctx.href(&format!("/report-builder/issued/{id}"))
    };
    let p = IssuedPage {
        report: documents::report::html_at(&report, 2),
        ctx,
        notice,
        issued,
        files_base,
        public,
    };
    Ok(Html(p.render()?).into_response())
}

/// `GET /{lang}/report-builder/issued/{id}`: an issued report as it was issued.
pub async fn issued(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    axum::extract::Path((_lang, id)): axum::extract::Path<(String, String)>,
    Query(q): Query<Notice>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    let id = crate::http::forms::parse_id(&id)?;
    issued_page(&state, ctx, id, false, q.notice.unwrap_or_default()).await
}

async fn issued_file(state: &AppState, id: i64, format: &str, public: bool) -> AppResult<Response> {
    let issued = store::reports::issued_one(state.db(), id, public).await?;
    let (content_type, extension) = format_type(format).ok_or(AppError::NotFound)?;
    let bytes = if format == "csv" {
        // The tables as CSV come from the frozen snapshot (the stored files are HTML, PDF,
        // DOCX and XLSX).
        let snapshot = store::reports::snapshot(state.db(), id).await?;
        let report: documents::report::Report =
            serde_json::from_str(&snapshot).map_err(AppError::internal)?;
        documents::report::csv(&report)
    } else {
        store::reports::issued_file(state.db(), id, format).await?.0
    };
    Ok(crate::http::files::download(
        bytes,
        &format!(
            "{}-{}-{}-{}.{extension}",
            issued.kind, issued.period, issued.lang, issued.audience
        ),
        content_type,
    ))
}

/// `GET /{lang}/report-builder/issued/{id}/{format}`: a stored file of an issued report.
pub async fn issued_download(
    State(state): State<AppState>,
    user: CurrentUser,
    axum::extract::Path((_lang, id, format)): axum::extract::Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    issued_file(&state, crate::http::forms::parse_id(&id)?, &format, false).await
}

/// `POST /{lang}/report-builder/issued/{id}/withdraw`: takes a public report off the site.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    axum::extract::Path((_lang, id)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Permission::IssueReports)?;
    let id = crate::http::forms::parse_id(&id)?;
    store::reports::withdraw(state.db(), state.now(), &user.actor(ip), id).await?;
    Ok(
        Redirect::to(&ctx.href(&format!("/report-builder/issued/{id}?notice=withdrawn")))
            .into_response(),
    )
}

#[derive(Template)]
#[template(path = "public/publications.html")]
struct PublicationsPage {
    ctx: PageCtx,
    reports: Vec<store::reports::Issued>,
}

impl PublicationsPage {
    fn issued_on(&self, at: &i64) -> String {
        crate::i18n::date(
            self.ctx.lang,
            jiff::Timestamp::from_second(*at).unwrap_or(jiff::Timestamp::UNIX_EPOCH),
        )
    }

    fn language(&self, code: &str) -> &'static str {
        if code == "en" { "English" } else { "latviešu" }
    }
}

/// `GET /{lang}/publications`: the issued public reports.
pub async fn publications(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let reports = store::reports::issued(state.db(), true).await?;
    Ok(Html(PublicationsPage { ctx, reports }.render()?).into_response())
}

/// `GET /{lang}/publications/{id}`: an issued public report.
pub async fn publication(
    State(state): State<AppState>,
    ctx: PageCtx,
    axum::extract::Path((_lang, id)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    let id = crate::http::forms::parse_id(&id)?;
    issued_page(&state, ctx, id, true, String::new()).await
}

/// `GET /publications/{id}/{format}`: a file of an issued public report.
pub async fn publication_file(
    State(state): State<AppState>,
    axum::extract::Path((id, format)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    issued_file(&state, crate::http::forms::parse_id(&id)?, &format, true).await
}
