//! An event's agenda, kept by coordinators: add, edit, reorder and remove items; every
//! step is a plain form post, so it works without JavaScript.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use jiff::civil::Time;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::optional_text;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// What was typed into the item form, kept as typed.
#[derive(Debug, Default, Clone)]
pub struct ItemFields {
    start: String,
    end: String,
    title_lv: String,
    title_en: String,
    speakers_text: String,
    speakers: Vec<String>,
    /// The version of the item the form was loaded with (`store::versions`).
    version: String,
}

impl ItemFields {
    fn from_body(body: &[(String, String)]) -> ItemFields {
        let mut f = ItemFields::default();
        for (k, v) in body {
            let v = v.clone();
            match k.as_str() {
                "start" => f.start = v,
                "end" => f.end = v,
                "title_lv" => f.title_lv = v,
                "title_en" => f.title_en = v,
                "speakers_text" => f.speakers_text = v,
                "speakers" => f.speakers.push(v),
                "version" => f.version = v,
                _ => {}
            }
        }
        f
    }

    fn from_item(i: &store::agenda::Item) -> ItemFields {
        ItemFields {
            start: i.starts_at.clone().unwrap_or_default(),
            end: i.ends_at.clone().unwrap_or_default(),
            title_lv: i.title_lv.clone(),
            title_en: i.title_en.clone().unwrap_or_default(),
            speakers_text: i.speakers_text.clone().unwrap_or_default(),
            speakers: i.speakers.iter().map(|s| s.person_id.to_string()).collect(),
            version: String::new(),
        }
    }
}

fn optional_time(raw: &str) -> Result<Option<Time>, ()> {
    match raw.trim() {
        "" => Ok(None),
        t => t.parse::<Time>().map(Some).map_err(|_| ()),
    }
}

fn validate(f: &ItemFields, errors: &mut FormErrors) -> Option<store::agenda::ItemInput> {
    let start = optional_time(&f.start).unwrap_or_else(|()| {
        errors.add("start", "time-invalid");
        None
    });
    let end = optional_time(&f.end).unwrap_or_else(|()| {
        errors.add("end", "time-invalid");
        None
    });
    if let (Some(s), Some(e)) = (start, end)
        && e <= s
    {
        errors.add("end", "time-order");
    }
    let title_lv = crate::http::forms::required_line(
        &f.title_lv,
        300,
        "title_lv",
        "agenda-title-invalid",
        errors,
    );
    let title_en = optional_text(&f.title_en, 300).unwrap_or_else(|e| {
        errors.add("title_en", e.message_id());
        None
    });
    let speakers_text = optional_text(&f.speakers_text, 1000).unwrap_or_else(|e| {
        errors.add("speakers_text", e.message_id());
        None
    });
    let mut speaker_ids = Vec::new();
    for s in &f.speakers {
        match s.trim().parse::<i64>() {
            Ok(id) if id > 0 => {
                if !speaker_ids.contains(&id) {
                    speaker_ids.push(id);
                }
            }
            _ => errors.add("speakers", "agenda-speaker-invalid"),
        }
    }
    if !errors.is_empty() {
        return None;
    }
    let hm = |t: Option<Time>| t.map(|t| t.strftime("%H:%M").to_string());
    Some(store::agenda::ItemInput {
        starts_at: hm(start),
        ends_at: hm(end),
        title_lv: title_lv.unwrap_or_default(),
        title_en,
        speakers_text,
        speaker_ids,
    })
}

#[derive(Template)]
#[template(path = "events/agenda.html")]
struct AgendaPage {
    ctx: PageCtx,
    event: store::events::Event,
    items: Vec<store::agenda::Item>,
    /// The item being edited, or `None` for a new one.
    editing: Option<i64>,
    f: ItemFields,
    errors: FormErrors,
    people: Vec<(i64, String)>,
    notice: Option<&'static str>,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl AgendaPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        event_id: i64,
        editing: Option<i64>,
        f: ItemFields,
    ) -> AppResult<AgendaPage> {
        Ok(AgendaPage {
            event: store::events::get(state.db(), event_id).await?,
            items: store::agenda::items(state.db(), event_id).await?,
            people: store::agenda::speaker_choices(state.db()).await?,
            ctx,
            editing,
            f,
            errors: FormErrors::default(),
            notice: None,
            stale: None,
        })
    }

    fn event_title(&self) -> &str {
        self.event.title(self.ctx.lang.code())
    }

    fn is_speaker(&self, id: &i64) -> bool {
        self.f.speakers.iter().any(|s| *s == id.to_string())
    }

    fn form_action(&self) -> String {
        match self.editing {
            Some(i) => self
                .ctx
                .href(&format!("/events/{}/agenda/{i}", self.event.id)),
            None => self.ctx.href(&format!("/events/{}/agenda", self.event.id)),
        }
    }
}

fn ids(event: &str, item: Option<&str>) -> AppResult<(i64, Option<i64>)> {
    Ok((parse_id(event)?, item.map(parse_id).transpose()?))
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let (id, _) = ids(&id, None)?;
    let mut page = AgendaPage::new(&state, ctx, id, None, ItemFields::default()).await?;
    page.notice = match n.notice.as_deref() {
        Some("saved") => Some("saved-notice"),
        Some("removed") => Some("agenda-removed"),
        _ => None,
    };
    Ok(Html(page.render()?))
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let (id, item) = ids(&id, Some(&item))?;
    // The version before the record: a save in between then shows as stale, never lost.
    let version = match item {
        Some(i) => store::versions::current(state.db(), "event_agenda_items", i).await?,
        None => return Err(AppError::NotFound),
    };
    let mut page = AgendaPage::new(&state, ctx, id, item, ItemFields::default()).await?;
    let found = page
        .items
        .iter()
        .find(|i| Some(i.id) == item)
        .ok_or(AppError::NotFound)?;
    page.f = ItemFields::from_item(found);
    page.f.version = version.to_string();
    Ok(Html(page.render()?))
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    event_id: i64,
    item: Option<i64>,
    f: ItemFields,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    if let Some(input) = validate(&f, &mut errors) {
        let actor = user.actor(ip);
        let result = match item {
            None => store::agenda::add(state.db(), state.now(), &actor, event_id, &input)
                .await
                .map(|_| ()),
            Some(item) => {
                store::agenda::update(
                    state.db(),
                    state.now(),
                    &actor,
                    event_id,
                    item,
                    &input,
                    crate::http::stale::version(&f.version),
                )
                .await
            }
        };
        match result {
            Ok(()) => {
                return Ok(Redirect::to(
                    &ctx.href(&format!("/events/{event_id}/agenda?notice=saved")),
                )
                .into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                let version = match item {
                    Some(i) => {
                        store::versions::current(state.db(), "event_agenda_items", i).await?
                    }
                    None => return Err(AppError::NotFound),
                };
                let mut page = AgendaPage::new(state, ctx, event_id, item, f).await?;
                page.errors = errors;
                return stale_page(page, version);
            }
            Err(store::Error::Conflict(_)) => errors.add("speakers", "agenda-speaker-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = AgendaPage::new(state, ctx, event_id, item, f).await?;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The item form again after someone saved the item since it was loaded: what was typed,
/// what differs in the stored item now (speakers by name), and the current version.
/// `version`: the item's, read before the page's items.
fn stale_page(mut page: AgendaPage, version: i64) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let Some(stored) = page.items.iter().find(|i| Some(i.id) == page.editing) else {
        return Err(AppError::NotFound);
    };
    let names = stored
        .speakers
        .iter()
        .map(|s| s.name.clone())
        .collect::<Vec<_>>()
        .join("; ");
    let f = &page.f;
    let s = ItemFields::from_item(stored);
    let (typed_speakers, stored_speakers) = (
        crate::http::stale::as_set(&f.speakers),
        crate::http::stale::as_set(&s.speakers),
    );
    let stale = Stale::compare(vec![
        plain("agenda-start", &f.start, &s.start),
        plain("agenda-end", &f.end, &s.end),
        plain("agenda-item-lv", &f.title_lv, &s.title_lv),
        plain("agenda-item-en", &f.title_en, &s.title_en),
        (
            "agenda-speaker-people",
            &typed_speakers,
            &stored_speakers,
            names,
        ),
        plain("agenda-speakers-text", &f.speakers_text, &s.speakers_text),
    ]);
    page.f.version = version.to_string();
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

pub async fn add(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let (id, _) = ids(&id, None)?;
    store::events::get(state.db(), id).await?;
    save(
        &state,
        ctx,
        &user,
        ip,
        id,
        None,
        ItemFields::from_body(&body),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let (id, item) = ids(&id, Some(&item))?;
    if !store::agenda::items(state.db(), id)
        .await?
        .iter()
        .any(|i| Some(i.id) == item)
    {
        return Err(AppError::NotFound);
    }
    save(
        &state,
        ctx,
        &user,
        ip,
        id,
        item,
        ItemFields::from_body(&body),
    )
    .await
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let (id, item) = ids(&id, Some(&item))?;
    let item = item.ok_or(AppError::NotFound)?;
    store::agenda::remove(state.db(), state.now(), &user.actor(ip), id, item).await?;
    Ok(Redirect::to(&ctx.href(&format!("/events/{id}/agenda?notice=removed"))).into_response())
}

#[derive(Debug, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    dir: String,
}

pub async fn move_item(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, item)): Path<(String, String, String)>,
    AppForm(f): AppForm<MoveForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let (id, item) = ids(&id, Some(&item))?;
    let item = item.ok_or(AppError::NotFound)?;
    let up = match f.dir.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest),
    };
    store::agenda::move_item(state.db(), state.now(), &user.actor(ip), id, item, up).await?;
    Ok(Redirect::to(&ctx.href(&format!("/events/{id}/agenda#item-{item}"))).into_response())
}
