//! The good-practice library: the public search with facets (`/{lang}/practices`) and a
//! practice's page (`/{lang}/practices/{id}-{slug}`); in the workspace, one's own practices
//! and — for coordinators — the review queue (`/{lang}/practice-submissions`), the preview
//! with the review decision (the form is [`super::practice_form`]); and the public JSON API. Only published practices are
//! public; section texts pass the rich-text allow-list on save and on render.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{OBJECTIVES, Objective};
use serde::Deserialize;
use store::practices::{Decision, Editor, Hit, Practice, Status, TARGET_GROUPS};

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::{AppForm, FormErrors, block_field, text_field};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The practice's public path after the language: `/practices/3-skolenu-macibu-atbalsts`.
pub fn path_of(id: i64, title: &str) -> String {
    format!("/practices/{}", domain::text::readable(id, title))
}

/// The years a practice ran: "2024–2026", "2024", "2024 –" (still going on).
fn period(from: i64, to: Option<i64>) -> String {
    match to {
        Some(to) if to == from => from.to_string(),
        Some(to) => format!("{from}–{to}"),
        None => format!("{from} –"),
    }
}

/// The search form's values, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    /// For an export: `csv` or `xlsx`.
    #[serde(default)]
    format: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    lang: String,
}

impl SearchParams {
    /// The store's query; unknown facet values are errors on their field.
    fn query(&self, errors: &mut FormErrors) -> store::practices::Query {
        let pick =
            |raw: &str, ok: bool, field: &'static str, errors: &mut FormErrors| match raw.trim() {
                "" => None,
                v if ok => Some(v.to_owned()),
                _ => {
                    errors.add(field, "reg-choice-invalid");
                    None
                }
            };
        let place_ok = {
            let p = self.place.trim();
            domain::territory::PlanningRegion::parse(p).is_some()
                || (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
        };
        store::practices::Query {
            q: self.q.chars().take(200).collect(),
            area: pick(
                &self.area,
                OBJECTIVES.contains(&self.area.trim()),
                "area",
                errors,
            ),
            target: pick(
                &self.target,
                TARGET_GROUPS.contains(&self.target.trim()),
                "target",
                errors,
            ),
            place: pick(&self.place, place_ok, "place", errors),
            year: match self.year.trim() {
                "" => None,
                y => match y.parse::<i64>() {
                    Ok(y) if (1990..=2100).contains(&y) => Some(y),
                    _ => {
                        errors.add("year", "reg-choice-invalid");
                        None
                    }
                },
            },
        }
    }
}

/// A choice of a facet: (value, label, count).
type Choice = (String, String, usize);

/// A found practice, as the list shows it.
struct Entry {
    href: String,
    title: String,
    summary: String,
    lang: &'static str,
    place: String,
    period: String,
    areas: Vec<&'static str>,
}

/// A facet of the search form: its field, label, the chosen value and the choices.
struct Facet {
    name: &'static str,
    label: &'static str,
    chosen: String,
    choices: Vec<Choice>,
}

impl Facet {
    /// A chosen value that found nothing stays selectable, with 0.
    fn new(
        name: &'static str,
        label: &'static str,
        raw: &str,
        mut choices: Vec<Choice>,
        label_of: impl Fn(&str) -> String,
    ) -> Facet {
        let chosen = raw.trim().to_owned();
        if !chosen.is_empty() && !choices.iter().any(|c| c.0 == chosen) {
            choices.push((chosen.clone(), label_of(&chosen), 0));
        }
        Facet {
            name,
            label,
            chosen,
            choices,
        }
    }
}

#[derive(Template)]
#[template(path = "public/practices.html")]
struct LibraryPage {
    ctx: PageCtx,
    /// The search as a query string, for the export links.
    search: String,
    q: String,
    facets: Vec<Facet>,
    found: Vec<Entry>,
    errors: FormErrors,
    filtered: bool,
}

fn place_label(ctx: &PageCtx, key: &str, facets: &store::practices::Facets) -> String {
    match domain::territory::PlanningRegion::parse(key) {
        Some(r) => ctx.t(r.label_key()),
        None => match facets.country_names.get(key) {
            Some((lv, en)) => {
                if ctx.lang.code() == "en" {
                    en.clone()
                } else {
                    lv.clone()
                }
            }
            None => key.to_owned(),
        },
    }
}

/// `GET /{lang}/practices/export`: the practices the search finds, as CSV or XLSX.
pub async fn export(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(params): Query<SearchParams>,
) -> AppResult<Response> {
    use documents::table::Cell;
    let mut errors = FormErrors::default();
    let query = params.query(&mut errors);
    let this_year = i64::from(state.today().year());
    let (hits, _) = store::practices::search(state.db(), &query, this_year).await?;
    let lang = ctx.lang.code();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let rows: Vec<Vec<Cell>> = hits
        .iter()
        .map(|h| {
            let e = entry(&ctx, h, lang);
            vec![
                Cell::Text(e.title),
                Cell::Text(e.place),
                Cell::Int(h.year_from),
                h.year_to.map_or(Cell::Empty, Cell::Int),
                Cell::Text(
                    e.areas
                        .iter()
                        .map(|a| ctx.t(a))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                Cell::Date(crate::http::dates::riga_date(h.published_at)),
                Cell::Text(format!("{base}{}", e.href)),
            ]
        })
        .collect();
    let header = [
        ctx.t("export-col-title"),
        ctx.t("export-col-place"),
        ctx.t("export-col-from-year"),
        ctx.t("export-col-to-year"),
        ctx.t("practice-areas"),
        ctx.t("export-col-published"),
        ctx.t("export-col-address"),
    ];
    crate::http::tables::list_file(
        &params.format,
        &ctx.t("practices-title"),
        "practices",
        &header,
        &rows,
    )
}

/// The public library: search with facets, in the page's language.
pub async fn library(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(params): Query<SearchParams>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let query = params.query(&mut errors);
    let this_year = i64::from(state.today().year());
    let (hits, facets) = store::practices::search(state.db(), &query, this_year).await?;
    let lang = ctx.lang.code();
    let found = hits.iter().map(|h| entry(&ctx, h, lang)).collect();
    let areas = OBJECTIVES
        .iter()
        .filter_map(|a| {
            let n = *facets.area.get(*a)?;
            Some(((*a).to_owned(), ctx.t(Objective::label_key_of(a)), n))
        })
        .collect();
    let targets = TARGET_GROUPS
        .iter()
        .filter_map(|t| {
            let n = *facets.target.get(*t)?;
            Some((
                (*t).to_owned(),
                ctx.t(domain::site::PracticeTarget::label_key_of(t)),
                n,
            ))
        })
        .collect();
    let mut places: Vec<Choice> = facets
        .place
        .iter()
        .map(|(k, n)| (k.clone(), place_label(&ctx, k, &facets), *n))
        .collect();
    // Latvian regions first, then countries, each alphabetically.
    places.sort_by_cached_key(|(k, label, _)| {
        (
            domain::territory::PlanningRegion::parse(k).is_none(),
            domain::text::latvian_sort_key(label),
        )
    });
    let years = facets
        .year
        .iter()
        .rev()
        .map(|(y, n)| (y.to_string(), y.to_string(), *n))
        .collect();
    let filtered = query != store::practices::Query::default();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let known = |raw: &str, ok: bool| if ok { raw.to_owned() } else { String::new() };
    let facets = vec![
        Facet::new(
            "area",
            "practice-areas",
            &known(&params.area, query.area.is_some()),
            areas,
            |a| ctx.t(Objective::label_key_of(a)),
        ),
        Facet::new(
            "target",
            "practice-targets",
            &known(&params.target, query.target.is_some()),
            targets,
            |t| ctx.t(domain::site::PracticeTarget::label_key_of(t)),
        ),
        Facet::new(
            "place",
            "practice-place-facet",
            &known(&params.place, query.place.is_some()),
            places,
            |p| place_label(&ctx, p, &facets),
        ),
        Facet::new(
            "year",
            "practice-year-facet",
            &known(&params.year, query.year.is_some()),
            years,
            str::to_owned,
        ),
    ];
    let search: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("q", &params.q)
        .append_pair("area", &params.area)
        .append_pair("target", &params.target)
        .append_pair("place", &params.place)
        .append_pair("year", &params.year)
        .finish();
    let page = LibraryPage {
        search,
        q: params.q.clone(),
        facets,
        found,
        errors,
        filtered,
        ctx,
    };
    Ok((status, Html(page.render()?)).into_response())
}

fn entry(ctx: &PageCtx, h: &Hit, lang: &str) -> Entry {
    let english = lang == "en" && h.title_en.is_some() && h.summary_en.is_some();
    let (title, summary) = if english {
        (
            h.title_en.clone().unwrap_or_default(),
            h.summary_en.clone().unwrap_or_default(),
        )
    } else {
        (h.title_lv.clone(), h.summary_lv.clone())
    };
    let place = if lang == "en" {
        h.place_en.clone().unwrap_or_else(|| h.place_lv.clone())
    } else {
        h.place_lv.clone()
    };
    Entry {
        href: ctx.href(&path_of(h.id, &title)),
        title,
        summary,
        lang: if english || lang == "lv" {
            lang_static(lang)
        } else {
            "lv"
        },
        place,
        period: period(h.year_from, h.year_to),
        areas: h.areas.iter().map(|a| Objective::label_key_of(a)).collect(),
    }
}

fn lang_static(lang: &str) -> &'static str {
    if lang == "en" { "en" } else { "lv" }
}

/// A contact shown with a practice: only what its public listing allows.
struct Contact {
    name: String,
    detail: Vec<String>,
}

/// One section of the practice's text.
struct Section {
    heading: &'static str,
    html: String,
    lang: &'static str,
}

#[derive(Template)]
#[template(path = "public/practice.html")]
struct PracticePage {
    ctx: PageCtx,
    id: i64,
    title: String,
    summary: String,
    lang: &'static str,
    sections: Vec<Section>,
    place: String,
    period: String,
    targets: Vec<&'static str>,
    areas: Vec<&'static str>,
    implementers: String,
    partners: Option<String>,
    cost: Option<String>,
    funding: Option<String>,
    /// (href, title) of the public event it came from.
    event: Option<(String, String)>,
    contacts: Vec<Contact>,
    /// Images (figure) and documents (download list).
    images: Vec<store::practices::File>,
    documents: Vec<store::practices::File>,
    /// The workspace preview: status, review comment and — for coordinators — the decision.
    preview: Option<Preview>,
    og: crate::page::Og,
}

struct Preview {
    /// The file form's typed values: title, alt text in Latvian and English.
    file_title: String,
    alt_lv: String,
    alt_en: String,
    notice: Option<&'static str>,
    status: Status,
    comment: Option<String>,
    can_edit: bool,
    can_review: bool,
    errors: FormErrors,
    comment_typed: String,
    /// The decision chosen, kept on a refused review.
    decision: String,
}

impl Preview {
    /// The workspace view of a practice for a user, nothing typed yet.
    fn of(user: &CurrentUser, p: &Practice) -> Preview {
        Preview {
            file_title: String::new(),
            alt_lv: String::new(),
            alt_en: String::new(),
            notice: None,
            status: p.status,
            comment: p.review_comment.clone(),
            can_edit: may_edit(user, p),
            can_review: user.can(Permission::ManageSite),
            errors: FormErrors::default(),
            comment_typed: String::new(),
            decision: String::new(),
        }
    }

    fn status_key(&self) -> &'static str {
        self.status.label_key()
    }
}

impl PracticePage {
    fn public_path(&self) -> String {
        path_of(self.id, &self.title)
    }
    /// (field, label, typed value, only for images) of the file form's text inputs.
    fn file_inputs(&self) -> Vec<(&'static str, &'static str, String, bool)> {
        let typed = |f: fn(&Preview) -> &String| {
            self.preview
                .as_ref()
                .map(|p| f(p).clone())
                .unwrap_or_default()
        };
        vec![
            (
                "file_title",
                "practice-file-title",
                typed(|p| &p.file_title),
                false,
            ),
            ("alt_lv", "practice-file-alt-lv", typed(|p| &p.alt_lv), true),
            ("alt_en", "practice-file-alt-en", typed(|p| &p.alt_en), true),
        ]
    }
    fn size(&self, bytes: &i64) -> String {
        crate::http::files::human_size(*bytes)
    }
    fn alt(&self, f: &store::practices::File) -> String {
        match (self.ctx.lang.code(), &f.alt_en) {
            ("en", Some(en)) => en.clone(),
            _ => f.alt_lv.clone().unwrap_or_default(),
        }
    }
}

/// What the public page and the preview share.
async fn practice_page(
    state: &AppState,
    ctx: PageCtx,
    p: &Practice,
    preview: Option<Preview>,
) -> AppResult<PracticePage> {
    let lang = ctx.lang.code();
    let (title, summary, text_lang) = p.heading(lang);
    let mut sections = Vec::new();
    for (heading, lv, en) in [
        ("practice-problem", Some(&p.problem_lv), &p.problem_en),
        (
            "practice-activities",
            Some(&p.activities_lv),
            &p.activities_en,
        ),
        ("practice-results", Some(&p.results_lv), &p.results_en),
        ("practice-transfer", p.transfer_lv.as_ref(), &p.transfer_en),
    ] {
        if let Some(lv) = lv {
            let (html, l) = store::practices::section(lang, lv, en);
            sections.push(Section {
                heading,
                html: crate::rich::sanitise(html),
                lang: l,
            });
        }
    }
    let territory = store::territories::get(state.db(), p.territory_id).await?;
    let place = if territory.country == "LV" {
        territory.name(lang).to_owned()
    } else {
        let country = if lang == "en" {
            &territory.country_name_en
        } else {
            &territory.country_name_lv
        };
        format!("{}, {country}", territory.name(lang))
    };
    let event = match p.event_id {
        Some(id) => {
            let e = store::events::get(state.db(), id).await?;
            e.publicly_visible().then(|| {
                (
                    ctx.href(&format!("/calendar/{id}")),
                    e.title(lang).to_owned(),
                )
            })
        }
        None => None,
    };
    let (orgs, people) = store::listings::public(state.db(), &state.today().to_string()).await?;
    let mut contacts = Vec::new();
    for (kind, id) in &p.contacts {
        if kind == "organisation" {
            if let Some(o) = orgs.iter().find(|o| o.id == *id) {
                contacts.push(Contact {
                    name: store::pick(lang, &o.name_lv, &o.name_en).to_owned(),
                    detail: [&o.email, &o.phone, &o.website]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect(),
                });
            }
        } else if let Some(x) = people.iter().find(|x| x.id == *id) {
            contacts.push(Contact {
                name: x.name.clone(),
                detail: x
                    .organisations
                    .iter()
                    .map(|(o, r)| match r {
                        Some(r) => format!("{r}, {o}"),
                        None => o.clone(),
                    })
                    .chain([&x.email, &x.phone].into_iter().flatten().cloned())
                    .collect(),
            });
        }
    }
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let og = crate::page::Og {
        title: title.to_owned(),
        description: summary.to_owned(),
        url: format!("{base}/{lang}{}", path_of(p.id, title)),
        image: None,
        kind: "article",
    };
    let (images, documents) = store::practices::files(state.db(), p.id)
        .await?
        .into_iter()
        .partition(store::practices::File::is_image);
    Ok(PracticePage {
        og,
        images,
        documents,
        id: p.id,
        title: title.to_owned(),
        summary: summary.to_owned(),
        lang: text_lang,
        sections,
        place,
        period: period(p.year_from, p.year_to),
        targets: p.target_groups.iter().map(|t| t.label_key()).collect(),
        areas: p.areas.iter().map(|a| a.label_key()).collect(),
        implementers: p.implementers.clone(),
        partners: p.partners.clone(),
        cost: p.cost_cents.map(|c| domain::plan::format_euro(c, lang)),
        funding: p.funding.clone(),
        event,
        contacts,
        preview,
        ctx,
    })
}

/// A published practice (404 for anything else).
pub async fn practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, item)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let p = store::practices::get(state.db(), crate::http::forms::leading_id(&item)?, true).await?;
    Ok(Html(practice_page(&state, ctx, &p, None).await?.render()?))
}

// ----- the workspace -----

/// Whether the user may see this practice in the workspace: its author or a coordinator.
fn may_see(user: &CurrentUser, p: &Practice) -> bool {
    user.can(Permission::ManageSite) || p.created_by == Some(user.id)
}

pub(super) fn may_edit(user: &CurrentUser, p: &Practice) -> bool {
    user.can(Permission::ManageSite) || (p.created_by == Some(user.id) && p.status.author_edits())
}

struct Row {
    id: i64,
    title: String,
    status_key: &'static str,
    organisation: Option<String>,
    updated_at: i64,
}

#[derive(Template)]
#[template(path = "practices/list.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    reviewer: bool,
    notice: Option<&'static str>,
}

/// The user's practices; for coordinators every practice, those waiting for review first.
pub async fn submissions(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(n): Query<crate::http::notice::Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::SubmitPractice)?;
    let reviewer = user.can(Permission::ManageSite);
    let rows = store::practices::lines(state.db(), user.id, reviewer)
        .await?
        .into_iter()
        .map(|l| Row {
            id: l.id,
            title: l.title_lv,
            status_key: l.status.label_key(),
            organisation: l.organisation,
            updated_at: l.updated_at,
        })
        .collect();
    Ok(Html(
        ListPage {
            ctx,
            rows,
            reviewer,
            notice: n.notice_key(),
        }
        .render()?,
    ))
}

/// The same list as CSV or XLSX: titles, organisations, statuses and dates (no personal
/// data).
pub async fn submissions_export(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(f): Query<crate::http::tables::FormatForm>,
) -> AppResult<Response> {
    use documents::table::Cell;
    user.require(Permission::SubmitPractice)?;
    let reviewer = user.can(Permission::ManageSite);
    let lines = store::practices::lines(state.db(), user.id, reviewer).await?;
    let mut header = vec![ctx.t("practice-title")];
    if reviewer {
        header.push(ctx.t("field-organisation"));
    }
    header.extend([ctx.t("field-status"), ctx.t("practice-updated")]);
    let rows: Vec<Vec<Cell>> = lines
        .into_iter()
        .map(|l| {
            let mut row = vec![Cell::Text(l.title_lv)];
            if reviewer {
                row.push(Cell::Text(l.organisation.unwrap_or_default()));
            }
            row.push(Cell::Text(ctx.t(l.status.label_key())));
            row.push(Cell::Date(crate::http::dates::riga_date(l.updated_at)));
            row
        })
        .collect();
    crate::http::tables::list_file(
        &f.format,
        &ctx.t("practices-mine-title"),
        "practice-submissions",
        &header,
        &rows,
    )
}

/// A practice in the workspace: as it will look, with its status and review.
pub async fn preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<crate::http::notice::Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::SubmitPractice)?;
    let p = store::practices::get(state.db(), crate::http::forms::parse_id(&id)?, false).await?;
    if !may_see(&user, &p) {
        return Err(AppError::NotFound);
    }
    let preview = Preview {
        notice: n.notice_key(),
        ..Preview::of(&user, &p)
    };
    Ok(Html(
        practice_page(&state, ctx, &p, Some(preview))
            .await?
            .render()?,
    ))
}

#[derive(Default, Deserialize)]
pub struct ReviewFields {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

crate::http::forms::debug_without_text!(ReviewFields);

/// A coordinator publishes a practice or returns it with a comment.
pub async fn review(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ReviewFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = crate::http::forms::parse_id(&id)?;
    let p = store::practices::get(state.db(), id, false).await?;
    let mut errors = FormErrors::default();
    let decision = match f.decision.as_str() {
        "publish" => Some(Decision::Publish),
        "return" => match block_field(&f.comment, 2000, "comment", &mut errors) {
            Some(c) => Some(Decision::Return(c)),
            None => {
                if !errors.has("comment") {
                    errors.add("comment", "practice-comment-missing");
                }
                None
            }
        },
        _ => {
            errors.add("decision", "reg-choice-invalid");
            None
        }
    };
    if let Some(d) = decision {
        match store::practices::review(state.db(), state.now(), &user.actor(ip), id, &d).await {
            Ok(()) => {
                let notice = if d == Decision::Publish {
                    "practice-published"
                } else {
                    "practice-returned"
                };
                return Ok(Redirect::to(
                    &ctx.href(&format!("/practice-submissions?notice={notice}")),
                )
                .into_response());
            }
            Err(store::Error::Conflict(_)) => errors.add("decision", "practice-status-changed"),
            Err(e) => return Err(e.into()),
        }
    }
    let preview = Preview {
        errors,
        comment_typed: f.comment.clone(),
        decision: f.decision.clone(),
        ..Preview::of(&user, &p)
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(
            practice_page(&state, ctx, &p, Some(preview))
                .await?
                .render()?,
        ),
    )
        .into_response())
}

// ----- files -----

pub(super) fn editor_of(user: &CurrentUser) -> Editor {
    Editor {
        user_id: user.id,
        organisation_id: user.organisation_id,
        coordinator: user.can(Permission::ManageSite),
    }
}

/// A checked upload: (kind, bytes to keep, width and height of an image).
type Ready = (documents::sniff::Kind, Vec<u8>, Option<(u32, u32)>);

/// The upload's file field (named apart: its messages come from the checks).
const FILE: &str = "file";

/// The widest a practice's image is kept.
const IMAGE_WIDTH: u32 = 1600;

/// Adds a document (PDF, DOCX, XLSX, ODT) or an image (JPEG, PNG: alt text required,
/// re-encoded without metadata, at most 1600 px wide) to a practice the user may change.
pub async fn upload_file(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    multipart: axum::extract::Multipart,
) -> AppResult<Response> {
    user.require(Permission::SubmitPractice)?;
    let p = store::practices::get(state.db(), crate::http::forms::parse_id(&id)?, false).await?;
    if !may_edit(&user, &p) {
        return Err(AppError::NotFound);
    }
    let upload =
        crate::http::forms::Upload::read(multipart, "file", state.settings().max_upload_bytes())
            .await;
    let (title, alt_lv, alt_en) = (
        upload.text("file_title"),
        upload.text("alt_lv"),
        upload.text("alt_en"),
    );
    let (bytes, too_large) = (upload.file, upload.too_large);
    let mut errors = FormErrors::default();
    let title_clean = crate::http::forms::required_text(
        &title,
        300,
        "file_title",
        "document-title-invalid",
        &mut errors,
    );
    let alt_lv_clean = text_field(&alt_lv, 300, "alt_lv", &mut errors);
    let alt_en_clean = text_field(&alt_en, 300, "alt_en", &mut errors);
    let image = bytes
        .as_deref()
        .map(documents::sniff::sniff)
        .is_some_and(|k| {
            matches!(
                k,
                Some(documents::sniff::Kind::Jpeg | documents::sniff::Kind::Png)
            )
        });
    let mut ready: Option<Ready> = None;
    if image {
        if alt_lv_clean.is_none() && !errors.has("alt_lv") {
            errors.add("alt_lv", "story-alt-missing");
        }
        let raw = bytes.unwrap_or_default();
        match crate::http::files::web_photo(&state, raw, IMAGE_WIDTH).await {
            Ok(w) => ready = Some((w.kind, w.bytes, Some((w.width, w.height)))),
            Err(why) => errors.add(FILE, why),
        }
    } else {
        match crate::http::files::accept(&state, bytes, too_large).await? {
            Ok((kind, cleaned)) => ready = Some((kind, cleaned, None)),
            Err(why) => errors.add(FILE, why),
        }
    }
    if let (Some((kind, data, dims)), true) = (ready, errors.is_empty()) {
        let sha = crate::http::files::keep_file(&state, &data).await?;
        let f = store::practices::File {
            practice_id: p.id,
            title: title_clean,
            kind: kind.as_str().to_owned(),
            size: i64::try_from(data.len()).unwrap_or(i64::MAX),
            sha256: sha.clone(),
            alt_lv: alt_lv_clean.filter(|_| dims.is_some()),
            alt_en: alt_en_clean.filter(|_| dims.is_some()),
            width: dims.map(|d| i64::from(d.0)),
            height: dims.map(|d| i64::from(d.1)),
            ..store::practices::File::default()
        };
        store::practices::add_file(
            state.db(),
            state.now(),
            &user.actor(ip),
            editor_of(&user),
            &f,
        )
        .await?;
        crate::http::files::still_kept(&state, &sha, data).await?;
        return Ok(Redirect::to(&ctx.href(&format!(
            "/practice-submissions/{}?notice=practice-file",
            p.id
        )))
        .into_response());
    }
    let preview = Preview {
        file_title: title,
        alt_lv,
        alt_en,
        errors,
        ..Preview::of(&user, &p)
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(
            practice_page(&state, ctx, &p, Some(preview))
                .await?
                .render()?,
        ),
    )
        .into_response())
}

/// Removes a file of a practice the user may change.
pub async fn remove_file(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::SubmitPractice)?;
    let id = crate::http::forms::parse_id(&id)?;
    if let Some(sha) = store::practices::remove_file(
        state.db(),
        state.now(),
        &user.actor(ip),
        editor_of(&user),
        id,
        crate::http::forms::parse_id(&item)?,
    )
    .await?
    {
        let _ = std::fs::remove_file(state.settings().files_dir().join(sha));
    }
    Ok(Redirect::to(&ctx.href(&format!(
        "/practice-submissions/{id}?notice=practice-file-removed"
    )))
    .into_response())
}

/// A practice's file: for everyone while the practice is published, otherwise for its author
/// and coordinators. Images are shown in the page; documents download as attachments.
pub async fn file(
    State(state): State<AppState>,
    crate::principal::MaybeUser(user): crate::principal::MaybeUser,
    Path((id, item)): Path<(String, String)>,
) -> AppResult<Response> {
    let p = store::practices::get(state.db(), crate::http::forms::parse_id(&id)?, false).await?;
    let visible = p.status == Status::Published || user.is_some_and(|u| may_see(&u, &p));
    if !visible {
        return Err(AppError::NotFound);
    }
    let f =
        store::practices::get_file(state.db(), p.id, crate::http::forms::parse_id(&item)?).await?;
    if !f.is_image() {
        return crate::http::files::serve_file(&state, &f.kind, &f.sha256, &f.title).await;
    }
    crate::http::files::serve_image(&state, &f.kind, &f.sha256).await
}

// ----- the API -----

/// Published good practices
///
/// The good-practice library, searched and filtered as on its public page, with counts per
/// area, target group, place and year. No token needed.
#[utoipa::path(
    get, path = "/api/v1/practices", operation_id = "listPractices", tag = "Public site",
    params(
        crate::http::paging::Paging,
        ("q" = Option<String>, Query, description = "Words to find in the title, summary and text, Latvian and English (diacritics and case ignored; each word matches the start of a word: \"skola\" finds \"skolas\", \"skolen\" finds \"Skolēni\"); ranked best first"),
        ("area" = Option<String>, Query, description = "EU objective area: equality, inclusion, participation, education, employment, health, housing"),
        ("target" = Option<String>, Query, description = "Target group: children, youth, women, families, adults, elderly, community, institutions"),
        ("place" = Option<String>, Query, description = "A Latvian planning region (riga, vidzeme, kurzeme, zemgale, latgale) or a country code (EE, LT, …)"),
        ("year" = Option<i64>, Query, description = "Practices that ran in this year"),
        ("lang" = Option<String>, Query, description = "lv (default) or en: the language of the texts and url (English falls back to Latvian, see `language`)"),
    ),
    responses(
        (status = 200, description = "items: id, title, summary, language, url, place, country, region, areas, target_groups, year_from, year_to, implementers, partners, cost_eur, funding, sections {problem, activities, results, transfer} (sanitised HTML), published_at (RFC 3339); facets: counts per area, target, place and year", body = Object),
        (status = 422, body = crate::http::problem::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
    Query(paging): Query<crate::http::paging::Paging>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let query = params.query(&mut errors);
    let lang =
        crate::http::forms::lang_field(&params.lang, "lang", "reg-choice-invalid", &mut errors);
    if !errors.is_empty() {
        return Ok(crate::http::problem::invalid(&errors));
    }
    let (hits, facets) =
        store::practices::search(state.db(), &query, i64::from(state.today().year())).await?;
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let mut items = Vec::new();
    // Only the asked page's practices are read in full; `total` counts every hit.
    let total = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    let w = paging.window();
    let window = hits
        .iter()
        .skip(usize::try_from(w.offset).unwrap_or(usize::MAX))
        .take(usize::try_from(w.limit).unwrap_or(0));
    for h in window {
        // Unpublished since the search: left out, not a 404 for the whole list.
        let p = match store::practices::get(state.db(), h.id, true).await {
            Ok(p) => p,
            Err(store::Error::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        let (title, summary, text_lang) = p.heading(lang);
        let section = |lv: &str, en: &Option<String>| {
            crate::rich::sanitise(store::practices::section(lang, lv, en).0)
        };
        items.push(serde_json::json!({
            "id": p.id,
            "title": title,
            "summary": summary,
            "language": text_lang,
            "url": format!("{base}/{lang}{}", path_of(p.id, title)),
            "place": if lang == "en" { h.place_en.as_deref().unwrap_or(&h.place_lv) } else { &h.place_lv },
            "country": h.country,
            "region": (h.country == "LV").then_some(&h.place_key),
            "areas": p.areas,
            "target_groups": p.target_groups,
            "year_from": p.year_from,
            "year_to": p.year_to,
            "implementers": p.implementers,
            "partners": p.partners,
            "cost_eur": p.cost_cents.map(|c| c as f64 / 100.0),
            "funding": p.funding,
            "sections": {
                "problem": section(&p.problem_lv, &p.problem_en),
                "activities": section(&p.activities_lv, &p.activities_en),
                "results": section(&p.results_lv, &p.results_en),
                "transfer": p.transfer_lv.as_deref().map(|t| section(t, &p.transfer_en)),
            },
            "published_at": documents::atom::rfc3339(p.published_at.unwrap_or(p.updated_at)),
        }));
    }
    let page = paging.with(items, total);
    Ok(axum::Json(serde_json::json!({
        "items": page.items,
        "page": page.page,
        "per_page": page.per_page,
        "total": page.total,
        "facets": {
            "area": facets.area,
            "target": facets.target,
            "place": facets.place,
            "year": facets.year,
        },
    }))
    .into_response())
}
