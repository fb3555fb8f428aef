//! An event's minutes and the follow-up actions decided there, kept by coordinators;
//! the minutes are published on the event's public page when they say so.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::optional_text;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The longest part of the minutes.
const MAX_TEXT: usize = 20_000;

#[derive(Debug, Default, Clone, Deserialize)]
pub struct MinutesFields {
    #[serde(default)]
    summary_lv: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    decisions_lv: String,
    #[serde(default)]
    decisions_en: String,
    #[serde(default)]
    recommendations_lv: String,
    #[serde(default)]
    recommendations_en: String,
    /// The version of the minutes the form was loaded with (`store::minutes::version`).
    #[serde(default)]
    version: String,
}

impl MinutesFields {
    fn from_minutes(m: &store::minutes::Minutes) -> MinutesFields {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        MinutesFields {
            summary_lv: s(&m.summary_lv),
            summary_en: s(&m.summary_en),
            decisions_lv: s(&m.decisions_lv),
            decisions_en: s(&m.decisions_en),
            recommendations_lv: s(&m.recommendations_lv),
            recommendations_en: s(&m.recommendations_en),
            version: String::new(),
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ActionFields {
    #[serde(default)]
    pub(crate) title_lv: String,
    #[serde(default)]
    pub(crate) title_en: String,
    #[serde(default)]
    pub(crate) owner: String,
    #[serde(default)]
    pub(crate) due: String,
    #[serde(default)]
    pub(crate) measures: Vec<String>,
}

#[derive(Template)]
#[template(path = "events/minutes.html")]
struct MinutesPage {
    ctx: PageCtx,
    event: store::events::Event,
    f: MinutesFields,
    published: bool,
    actions: Vec<store::actions::Action>,
    from_series: Vec<store::actions::Action>,
    a: ActionFields,
    organisations: Vec<(i64, String)>,
    measure_choices: Vec<(i64, String)>,
    errors: FormErrors,
    notice: Option<&'static str>,
    today: Date,
    /// Now, to say before the meeting begins that its minutes wait for it.
    now: i64,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl MinutesPage {
    fn not_started(&self) -> bool {
        self.event.starts_at > self.now
    }
}

impl MinutesPage {
    fn is_measure(&self, id: &i64) -> bool {
        self.a.measures.iter().any(|m| *m == id.to_string())
    }

    fn is_en(&self, lang: &str) -> bool {
        lang == "en"
    }

    /// The text parts of the form: (field, label, language, value).
    fn parts(&self) -> Vec<(&'static str, &'static str, &'static str, &str)> {
        vec![
            ("summary_lv", "minutes-summary-lv", "lv", &self.f.summary_lv),
            ("summary_en", "minutes-summary-en", "en", &self.f.summary_en),
            (
                "decisions_lv",
                "minutes-decisions-lv",
                "lv",
                &self.f.decisions_lv,
            ),
            (
                "decisions_en",
                "minutes-decisions-en",
                "en",
                &self.f.decisions_en,
            ),
            (
                "recommendations_lv",
                "minutes-recommendations-lv",
                "lv",
                &self.f.recommendations_lv,
            ),
            (
                "recommendations_en",
                "minutes-recommendations-en",
                "en",
                &self.f.recommendations_en,
            ),
        ]
    }

    fn title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn overdue(&self, a: &store::actions::Action) -> bool {
        a.is_overdue(self.today)
    }

    fn is_owner(&self, id: &i64) -> bool {
        self.a.owner == id.to_string()
    }
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    event_id: i64,
    f: Option<MinutesFields>,
    a: ActionFields,
) -> AppResult<MinutesPage> {
    let event = store::events::get(state.db(), event_id).await?;
    // The version before the text: a save in between then shows as stale, never lost.
    let version = store::minutes::version(state.db(), event_id).await?;
    let m = store::minutes::get(state.db(), event_id).await?;
    Ok(MinutesPage {
        f: f.unwrap_or_else(|| MinutesFields {
            version: version.to_string(),
            ..MinutesFields::from_minutes(&m)
        }),
        published: m.published_at.is_some(),
        actions: store::actions::for_event(state.db(), event_id).await?,
        from_series: store::actions::pending_from_series(state.db(), event_id).await?,
        organisations: store::organisations::names(state.db()).await?,
        measure_choices: store::measures::choices(state.db()).await?,
        today: state.today(),
        now: state.now(),
        ctx,
        event,
        a,
        errors: FormErrors::default(),
        notice: None,
        stale: None,
    })
}

pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let mut p = page(&state, ctx, parse_id(&id)?, None, ActionFields::default()).await?;
    p.notice = match n.notice.as_deref() {
        Some("saved") => Some("saved-notice"),
        Some("published") => Some("minutes-published-notice"),
        Some("withdrawn") => Some("minutes-withdrawn-notice"),
        Some("action") => Some("action-created-notice"),
        _ => None,
    };
    Ok(Html(p.render()?))
}

pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<MinutesFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let mut text = |raw: &str, field: &'static str| {
        crate::http::forms::block_field(raw, MAX_TEXT, field, &mut errors)
    };
    let m = store::minutes::Minutes {
        summary_lv: text(&f.summary_lv, "summary_lv"),
        summary_en: text(&f.summary_en, "summary_en"),
        decisions_lv: text(&f.decisions_lv, "decisions_lv"),
        decisions_en: text(&f.decisions_en, "decisions_en"),
        recommendations_lv: text(&f.recommendations_lv, "recommendations_lv"),
        recommendations_en: text(&f.recommendations_en, "recommendations_en"),
        published_at: None,
    };
    if errors.is_empty() {
        match store::minutes::save_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            id,
            &m,
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(()) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/events/{id}/minutes?notice=saved")))
                        .into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Events(
                store::EventConflict::NotStarted,
            ))) => errors.add("summary_lv", "minutes-not-started"),
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                // Saved by someone else meanwhile: what differs now, the typing kept.
                use crate::http::stale::{Stale, plain};
                let version = store::minutes::version(state.db(), id).await?;
                let s = MinutesFields::from_minutes(&store::minutes::get(state.db(), id).await?);
                let stale = Stale::compare(vec![
                    plain("minutes-summary-lv", &f.summary_lv, &s.summary_lv),
                    plain("minutes-summary-en", &f.summary_en, &s.summary_en),
                    plain("minutes-decisions-lv", &f.decisions_lv, &s.decisions_lv),
                    plain("minutes-decisions-en", &f.decisions_en, &s.decisions_en),
                    plain(
                        "minutes-recommendations-lv",
                        &f.recommendations_lv,
                        &s.recommendations_lv,
                    ),
                    plain(
                        "minutes-recommendations-en",
                        &f.recommendations_en,
                        &s.recommendations_en,
                    ),
                ]);
                let f = MinutesFields {
                    version: version.to_string(),
                    ..f
                };
                let mut p = page(&state, ctx, id, Some(f), ActionFields::default()).await?;
                p.stale = Some(stale);
                return Ok((StatusCode::CONFLICT, Html(p.render()?)).into_response());
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = page(&state, ctx, id, Some(f), ActionFields::default()).await?;
    p.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Debug, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    publish: String,
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<PublishForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    let event = store::events::get(state.db(), id).await?;
    let publish = f.publish == "1";
    // Minutes of a meeting still to come: the reason, not "write them first".
    if publish && event.starts_at > state.now() {
        let mut p = page(&state, ctx, id, None, ActionFields::default()).await?;
        p.errors.add("summary_lv", "minutes-not-started");
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response());
    }
    match store::minutes::set_published(state.db(), state.now(), &user.actor(ip), id, publish).await
    {
        Ok(()) => {
            let n = if publish { "published" } else { "withdrawn" };
            Ok(
                Redirect::to(&ctx.href(&format!("/events/{id}/minutes?notice={n}")))
                    .into_response(),
            )
        }
        Err(store::Error::Conflict(_)) => {
            let mut p = page(&state, ctx, id, None, ActionFields::default()).await?;
            p.errors.add("summary_lv", "minutes-empty");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A follow-up action's fields as the store takes them (the minutes page's and the API's
/// rules), or `None` with the errors.
pub(crate) fn check_action(
    a: &ActionFields,
    errors: &mut FormErrors,
) -> Option<store::actions::ActionInput> {
    let title_lv = crate::http::forms::required_line(
        &a.title_lv,
        500,
        "title_lv",
        "action-title-invalid",
        errors,
    );
    let title_en = optional_text(&a.title_en, 500).unwrap_or_else(|e| {
        errors.add("title_en", e.message_id());
        None
    });
    let owner = a.owner.trim().parse::<i64>().ok().filter(|o| *o > 0);
    if owner.is_none() {
        errors.add("owner", "action-owner-invalid");
    }
    let due = match a.due.trim() {
        "" => None,
        d => match d.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                errors.add("due", "stats-date-invalid");
                None
            }
        },
    };
    let mut measures: Vec<i64> = a
        .measures
        .iter()
        .take(crate::features::events::event_form::MAX_LISTED + 1)
        .filter_map(|m| m.trim().parse().ok())
        .collect();
    let read = measures.len();
    measures.sort_unstable();
    measures.dedup();
    if a.measures.len() > crate::features::events::event_form::MAX_LISTED
        || read != a.measures.len()
    {
        errors.add("measures", "reg-choice-invalid");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(store::actions::ActionInput {
        title_lv: title_lv.unwrap_or_default(),
        title_en,
        owner_organisation_id: owner.unwrap_or_default(),
        due_date: due,
        measures,
    })
}

/// Records a follow-up action decided at the event.
pub async fn add_action(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let a: ActionFields = crate::http::forms::with_lists(body, &["measures"])?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    if let Some(input) = check_action(&a, &mut errors) {
        match store::actions::create(state.db(), state.now(), &user.actor(ip), id, &input).await {
            Ok(_) => {
                return Ok(Redirect::to(
                    &ctx.href(&format!("/events/{id}/minutes?notice=action#actions")),
                )
                .into_response());
            }
            Err(store::Error::NotFound) => errors.add("owner", "action-owner-invalid"),
            Err(store::Error::Conflict(_)) => errors.add("measures", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = page(&state, ctx, id, None, a).await?;
    p.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

/// The published minutes of a public event, for its public page (`None` otherwise).
pub async fn published(
    state: &AppState,
    event_id: i64,
) -> Result<Option<store::minutes::Minutes>, AppError> {
    let m = store::minutes::get(state.db(), event_id).await?;
    Ok(m.published_at.is_some().then_some(m))
}
