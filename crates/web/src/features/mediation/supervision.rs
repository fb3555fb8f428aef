//! Supervision of mediation: a coordinator named as a mediator's supervisor sees that
//! mediator's families by code, the urgent-necessity overrides and the month's unusual
//! access — and opens a case only for a purpose from a list with a note, which go into the
//! family's access log (the note sealed; the mediator reads both). The case opens read-only,
//! in the response to that POST, so the purpose cannot be skipped by a link. The monthly summary mail is queued by
//! the scheduled jobs.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::auth::Permission;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::features::mediation::families::family_page_as;
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::page::PageCtx;
use crate::principal::CurrentUser;
use store::mediation::CaseScope;
use store::mediation_oversight::{Unusual, UnusualAccess};

/// An access-log purpose in words: the mediator's work, the data subject's export, or a
/// supervisor's purpose with their note (opened) when there is one.
pub fn access_purpose(ctx: &PageCtx, purpose: &str, note: Option<&str>) -> String {
    let words = match purpose {
        "case_work" => ctx.t("access-purpose-case-work"),
        "data_subject_export" => ctx.t("access-purpose-export"),
        "handover" => ctx.t("access-purpose-handover"),
        // A note cleared by retention leaves the purpose alone (or, before purposes, "supervision").
        "supervision" => ctx.t("access-purpose-supervision"),
        p => match p.strip_prefix(store::mediation::SUPERVISION_PREFIX) {
            Some(code) => format!(
                "{}: {}",
                ctx.t("access-purpose-supervision"),
                ctx.t(domain::mediation::SupervisionPurpose::label_key_of(code))
            ),
            None => p.to_owned(),
        },
    };
    match note {
        Some(n) => format!("{words} — {n}"),
        None => words,
    }
}

pub fn unusual_key(u: Unusual) -> &'static str {
    match u {
        Unusual::OtherUser => "unusual-other-user",
        Unusual::Refused => "unusual-refused",
        Unusual::AtNight => "unusual-at-night",
        Unusual::ManyInADay => "unusual-many-in-a-day",
        Unusual::AccountChanged => "unusual-account-changed",
    }
}

/// The first day of a month and of the next one.
pub fn month_bounds(first: Date) -> (Date, Date) {
    let start = first.first_of_month();
    (start, start.checked_add(1.month()).unwrap_or(start))
}

#[derive(Debug, Default, Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

#[derive(Template)]
#[template(path = "mediation/supervision.html")]
struct SupervisionPage {
    ctx: PageCtx,
    families: Vec<(store::mediation::FamilySummary, String)>,
    overrides: Vec<store::mediation_oversight::Override>,
    unusual: Vec<UnusualAccess>,
    month: String,
    previous: String,
    next: Option<String>,
    /// Supervisor proposals awaiting this coordinator's decision.
    awaiting: i64,
    /// Handovers of families awaiting it.
    handovers: usize,
}

impl SupervisionPage {
    fn unusual_key(&self, u: &Unusual) -> &'static str {
        unusual_key(*u)
    }

    fn kind_key(&self, k: &str) -> &'static str {
        domain::mediation::Institution::label_key_of(k)
    }

    fn referral_status_key(&self, s: &str) -> &'static str {
        domain::mediation::ReferralStatus::label_key_of(s)
    }

    /// An unusual access's detail: a purpose in words (never a note), or a count.
    fn purpose(&self, u: &UnusualAccess) -> String {
        match u.what {
            Unusual::OtherUser => access_purpose(&self.ctx, &u.detail, None),
            _ => u.detail.clone(),
        }
    }
}

/// "Uzraudzība": the supervised mediators' families, overrides and unusual access.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<MonthQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let this_month = state.today().first_of_month();
    let first = format!("{}-01", q.month.trim())
        .parse::<Date>()
        .ok()
        .filter(|d| *d <= this_month)
        .unwrap_or(this_month);
    let (from, to) = month_bounds(first);
    let label = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
    let p = SupervisionPage {
        families: store::mediation_oversight::families(state.db(), user.id, state.today()).await?,
        overrides: store::mediation_oversight::overrides(state.db(), user.id, state.today())
            .await?,
        unusual: store::mediation_oversight::unusual_access(
            state.db(),
            user.id,
            domain::event::riga_day_start(from),
            domain::event::riga_day_start(to),
        )
        .await?,
        awaiting: store::supervisors::awaiting(state.db(), user.id, state.today()).await?,
        handovers: store::handovers::pending(state.db(), state.today())
            .await?
            .iter()
            .filter(|h| h.proposed_by != Some(user.id))
            .count(),
        month: label(from),
        previous: label(from.checked_sub(1.month()).unwrap_or(from)),
        next: (to <= this_month).then(|| label(to)),
        ctx,
    };
    Ok(Html(p.render()?))
}

#[derive(Template)]
#[template(path = "mediation/supervise.html")]
struct ReasonPage {
    ctx: PageCtx,
    id: i64,
    code: String,
    purpose: String,
    note: String,
    errors: FormErrors,
}

impl ReasonPage {
    fn purposes(&self) -> &'static [&'static str] {
        store::mediation::SUPERVISION_PURPOSES
    }

    fn purpose_key(&self, p: &str) -> &'static str {
        domain::mediation::SupervisionPurpose::label_key_of(p)
    }
}

/// The family's code among the supervised ones (`NotFound` otherwise), without opening it.
async fn supervised_code(state: &AppState, user: &CurrentUser, id: i64) -> AppResult<String> {
    store::mediation_oversight::families(state.db(), user.id, state.today())
        .await?
        .into_iter()
        .find(|(f, _)| f.id == id)
        .map(|(f, _)| f.code)
        .ok_or(crate::http::error::AppError::NotFound)
}

/// The reason form before a supervised case opens (nothing of the case is read).
pub async fn reason_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let id = parse_id(&id)?;
    let p = ReasonPage {
        code: supervised_code(&state, &user, id).await?,
        id,
        purpose: String::new(),
        note: String::new(),
        errors: FormErrors::default(),
        ctx,
    };
    Ok(Html(p.render()?))
}

#[derive(Default, Deserialize)]
pub struct ReasonFields {
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    note: String,
}

/// A supervisor's note says what prompted the opening: 10–500 characters, at least two
/// words and five different letters (not "aaaaaaaaaa"), no control characters.
fn note_ok(note: &str) -> bool {
    let length = note.chars().count();
    let letters: std::collections::BTreeSet<char> = note
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    (10..=500).contains(&length)
        && note.split_whitespace().count() >= 2
        && letters.len() >= 5
        && domain::text::check_text(note, 500, true).is_ok()
}

/// Opens a supervised case read-only for a purpose from the list and a note: the purpose
/// goes into the family's access log, the note sealed with it (the mediator reads both).
pub async fn open(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ReasonFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    let id = parse_id(&id)?;
    let note = f.note.trim();
    let mut errors = FormErrors::default();
    let purpose = store::mediation::SUPERVISION_PURPOSES
        .iter()
        .find(|p| **p == f.purpose);
    if purpose.is_none() {
        errors.add("purpose", "supervise-purpose-missing");
    }
    if !note_ok(note) {
        errors.add("note", "supervise-note-invalid");
    }
    let Some(purpose) = purpose.filter(|_| errors.is_empty()) else {
        let p = ReasonPage {
            code: supervised_code(&state, &user, id).await?,
            id,
            purpose: f.purpose.clone(),
            note: f.note.clone(),
            errors,
            ctx,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response());
    };
    let logged = format!("{}{purpose}", store::mediation::SUPERVISION_PREFIX);
    let p = family_page_as(
        &state,
        ctx,
        CaseScope::Supervisor(user.id, state.today()),
        id,
        &logged,
        Some(note),
    )
    .await?;
    Ok(Html(p.render()?).into_response())
}

#[derive(Template)]
#[template(path = "mediation/retention.html")]
struct RetentionPage {
    ctx: PageCtx,
    years: u32,
    anonymised: i64,
    until: Date,
    due: Vec<(store::retention::Due, Date)>,
}

/// What retention anonymises within the next month (for the coordinators).
pub async fn retention(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let years = state.settings().mediation.retention_years;
    let until = state
        .today()
        .checked_add(1.month())
        .unwrap_or(state.today());
    let due = store::retention::due(
        state.db(),
        state.settings().mediation.retention_cutoff(until),
    )
    .await?
    .into_iter()
    .map(|d| {
        let on = d
            .closed_on
            .checked_add(i64::from(years).years())
            .unwrap_or(d.closed_on);
        (d, on)
    })
    .collect();
    let p = RetentionPage {
        years,
        anonymised: store::retention::anonymised_count(state.db()).await?,
        until,
        due,
        ctx,
    };
    Ok(Html(p.render()?))
}

crate::http::forms::debug_without_text!(ReasonFields);
