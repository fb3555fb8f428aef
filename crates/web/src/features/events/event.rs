//! Events: coordinators plan them and move them along their lifecycle; every logged-in
//! role sees them in the workspace; public events (once published) are on the public
//! calendar. The form that creates and changes them is [`super::event_form`].

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{EventStatus, EventType};
use jiff::civil::{Date, Time};
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::{AppForm, parse_id};
use crate::http::notice::Notice;
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The week's days, Monday first: full name and short name message ids.
const WEEKDAYS: [(&str, &str); 7] = [
    ("weekday-1", "weekday-short-1"),
    ("weekday-2", "weekday-short-2"),
    ("weekday-3", "weekday-short-3"),
    ("weekday-4", "weekday-short-4"),
    ("weekday-5", "weekday-short-5"),
    ("weekday-6", "weekday-short-6"),
    ("weekday-7", "weekday-short-7"),
];

/// How many events a list shows.
const LIST_LIMIT: i64 = 100;

/// An event as a list or page shows it.
#[derive(Debug)]
struct EventView {
    e: store::events::Event,
    when: String,
}

fn view(lang: i18n::Lang, e: store::events::Event) -> EventView {
    let start = i18n::datetime(lang, e.starts_at);
    let end = jiff::Timestamp::from_second(e.ends_at)
        .map(|t| t.to_zoned_datetime(i18n::riga()))
        .map(|z| format!("{:02}:{:02}", z.hour(), z.minute()))
        .unwrap_or_default();
    EventView {
        when: format!("{start}–{end}"),
        e,
    }
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct ListPage {
    ctx: PageCtx,
    upcoming: Vec<EventView>,
    past: Vec<EventView>,
    can_manage: bool,
    public: bool,
    types: Vec<(&'static str, &'static str)>,
    regions: Vec<(&'static str, &'static str)>,
    query: CalendarQuery,
    month: Option<MonthView>,
    now: i64,
}

/// A month of the calendar as weeks of days (Monday first); days outside the month are
/// `None`.
#[derive(Debug)]
struct MonthView {
    year: i16,
    month: i8,
    weeks: Vec<Vec<Option<DayCell>>>,
    prev: String,
    next: String,
    count: usize,
}

#[derive(Debug)]
struct DayCell {
    day: i8,
    today: bool,
    /// (id, start time HH:MM, event)
    events: Vec<(String, EventView)>,
}

async fn month_view(
    state: &AppState,
    scope: store::events::Scope,
    filter: &store::events::EventFilter,
    first: Date,
    lang: i18n::Lang,
) -> AppResult<MonthView> {
    let last = first.last_of_month();
    let next_first = last.tomorrow().unwrap_or(last);
    let from = riga_seconds(first, Time::midnight()).unwrap_or(0);
    let to = riga_seconds(next_first, Time::midnight()).unwrap_or(from);
    let events = store::events::in_range(state.db(), scope, filter, from, to, 500).await?;
    let today = jiff::Timestamp::from_second(state.now())
        .map(|t| t.to_zoned_datetime(i18n::riga()).date())
        .ok();
    let local = |t: i64| {
        jiff::Timestamp::from_second(t)
            .map(|t| t.to_zoned_datetime(i18n::riga()).datetime())
            .ok()
    };
    let offset = usize::try_from(first.weekday().to_monday_zero_offset()).unwrap_or(0);
    let mut cells: Vec<Option<DayCell>> = (0..offset).map(|_| None).collect();
    let count = events.len();
    let mut events: Vec<_> = events.into_iter().map(|e| view(lang, e)).collect();
    for d in 1..=last.day() {
        let date = first.with().day(d).build().unwrap_or(first);
        let mut here = Vec::new();
        let mut rest = Vec::new();
        for v in events.drain(..) {
            let (Some(s), Some(e)) = (local(v.e.starts_at), local(v.e.ends_at)) else {
                continue;
            };
            // An event shows on every day it spans.
            if s.date() <= date && date <= e.date() {
                let time = if s.date() == date {
                    format!("{:02}:{:02}", s.hour(), s.minute())
                } else {
                    String::new()
                };
                here.push((time, view(lang, v.e.clone())));
            }
            rest.push(v);
        }
        events = rest;
        cells.push(Some(DayCell {
            day: d,
            today: today == Some(date),
            events: here,
        }));
    }
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let mut weeks = Vec::new();
    let mut it = cells.into_iter().peekable();
    while it.peek().is_some() {
        weeks.push(it.by_ref().take(7).collect());
    }
    let ym = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
    Ok(MonthView {
        year: first.year(),
        month: first.month(),
        weeks,
        prev: ym(first.yesterday().unwrap_or(first)),
        next: ym(next_first),
        count,
    })
}

/// The filters of the event lists (`?type=…&region=…`); unknown values mean any.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct CalendarQuery {
    #[serde(default, rename = "type")]
    pub event_type: String,
    #[serde(default)]
    pub region: String,
    /// `YYYY-MM`: show that month as a grid instead of the lists.
    #[serde(default)]
    pub month: String,
    /// For an export: `csv` or `xlsx`.
    #[serde(default)]
    pub format: String,
}

impl CalendarQuery {
    fn month(&self) -> Option<Date> {
        let (y, m) = self.month.trim().split_once('-')?;
        let (y, m): (i16, i8) = (y.parse().ok()?, m.parse().ok()?);
        if !(2000..=2100).contains(&y) {
            return None;
        }
        jiff::civil::Date::new(y, m, 1).ok()
    }

    fn filter(&self) -> store::events::EventFilter {
        store::events::EventFilter {
            event_type: EventType::parse(&self.event_type),
            region: domain::territory::PlanningRegion::parse(&self.region),
        }
    }
}

impl ListPage {
    fn weekdays(&self) -> &'static [(&'static str, &'static str)] {
        &WEEKDAYS
    }

    /// The message id of a week's column's day name (Monday first).
    fn weekday_full(&self, column: &usize) -> &'static str {
        WEEKDAYS.get(*column).map_or("", |(full, _)| *full)
    }

    fn month_title(&self, m: &MonthView) -> String {
        i18n::t_args(
            self.ctx.lang,
            "month-title",
            &[
                ("year", fluent_bundle::FluentValue::from(m.year.to_string())),
                (
                    "month",
                    fluent_bundle::FluentValue::from(i64::from(m.month)),
                ),
            ],
        )
    }

    /// A link to another month keeping the filters.
    fn month_href(&self, month: &str) -> String {
        let base = if self.public { "/calendar" } else { "/events" };
        let q = self.feed_query();
        let sep = if q.is_empty() { "?" } else { "&" };
        format!("{}{q}{sep}month={month}", self.ctx.href(base))
    }

    fn list_href(&self) -> String {
        let base = if self.public { "/calendar" } else { "/events" };
        format!("{}{}", self.ctx.href(base), self.feed_query())
    }

    fn this_month(&self) -> String {
        jiff::Timestamp::from_second(self.now)
            .map(|t| {
                let d = t.to_zoned_datetime(i18n::riga()).date();
                format!("{:04}-{:02}", d.year(), d.month())
            })
            .unwrap_or_default()
    }

    /// The address of the list as shown (filters and month kept) as a file: `csv` or `xlsx`.
    fn export_href(&self, format: &str) -> String {
        let base = if self.public {
            "/calendar/export"
        } else {
            "/events/export"
        };
        let q = self.feed_query();
        let month = if self.month.is_some() {
            format!("&month={}", self.query.month.trim())
        } else {
            String::new()
        };
        let sep = if q.is_empty() { "?" } else { "&" };
        format!("{}{q}{sep}format={format}{month}", self.ctx.href(base))
    }

    /// The filters as a query string for the feed link, so a subscription keeps them.
    fn feed_query(&self) -> String {
        let f = self.query.filter();
        let mut pairs = Vec::new();
        if let Some(t) = f.event_type {
            pairs.push(format!("type={}", t.as_str()));
        }
        if let Some(r) = f.region {
            pairs.push(format!("region={}", r.as_str()));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    fn title<'a>(&self, v: &'a EventView) -> &'a str {
        v.e.title(self.ctx.lang.code())
    }

    fn href(&self, v: &EventView) -> String {
        let base = if self.public {
            "/calendar/"
        } else {
            "/events/"
        };
        format!("{}{}", self.ctx.href(base), v.e.id)
    }
}

async fn list_page(
    state: &AppState,
    ctx: PageCtx,
    user: Option<&CurrentUser>,
    query: CalendarQuery,
) -> AppResult<Html<String>> {
    let public = user.is_none();
    let filter = query.filter();
    let scope = if public {
        store::events::Scope::Public
    } else {
        store::events::Scope::All
    };
    let now = state.now();
    let lang = ctx.lang;
    let month = match query.month() {
        Some(first) => Some(month_view(state, scope, &filter, first, lang).await?),
        None => None,
    };
    let (upcoming, past) = if month.is_some() {
        (Vec::new(), Vec::new())
    } else {
        (
            store::events::list(state.db(), scope, &filter, true, now, LIST_LIMIT).await?,
            store::events::list(state.db(), scope, &filter, false, now, LIST_LIMIT).await?,
        )
    };
    Ok(Html(
        ListPage {
            ctx,
            upcoming: upcoming.into_iter().map(|e| view(lang, e)).collect(),
            past: past.into_iter().map(|e| view(lang, e)).collect(),
            can_manage: user.is_some_and(|u| u.can(Permission::ManageEvents)),
            public,
            types: EventType::ALL
                .iter()
                .map(|t| (t.as_str(), t.label_key()))
                .collect(),
            regions: crate::http::choices::regions(),
            query,
            month,
            now,
        }
        .render()?,
    ))
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<CalendarQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewEvents)?;
    list_page(&state, ctx, Some(&user), query).await
}

/// The events a list shows, as a file: the month's when a month is chosen, else the
/// upcoming and the past ones (as many as the page shows); typed cells.
async fn export(
    state: &AppState,
    ctx: &PageCtx,
    public: bool,
    query: &CalendarQuery,
) -> AppResult<axum::response::Response> {
    let filter = query.filter();
    let scope = if public {
        store::events::Scope::Public
    } else {
        store::events::Scope::All
    };
    let events = match query.month() {
        Some(first) => {
            let next = first
                .checked_add(jiff::Span::new().months(1))
                .unwrap_or(first);
            store::events::in_range(
                state.db(),
                scope,
                &filter,
                domain::event::riga_day_start(first),
                domain::event::riga_day_start(next),
                10_000,
            )
            .await?
        }
        None => {
            let now = state.now();
            let mut all =
                store::events::list(state.db(), scope, &filter, true, now, LIST_LIMIT).await?;
            let mut past =
                store::events::list(state.db(), scope, &filter, false, now, LIST_LIMIT).await?;
            past.reverse();
            past.append(&mut all);
            past
        }
    };
    let lang = ctx.lang;
    let code = lang.code();
    let mut header = vec![
        ctx.t("export-col-start"),
        ctx.t("export-col-time"),
        ctx.t("event-type"),
        ctx.t("export-col-title"),
        ctx.t("export-col-place"),
        ctx.t("export-col-status"),
    ];
    if !public {
        header.push(ctx.t("export-col-public"));
    }
    use documents::table::Cell;
    let rows: Vec<Vec<Cell>> = events
        .iter()
        .map(|e| {
            let start = jiff::Timestamp::from_second(e.starts_at)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
                .to_zoned_datetime(i18n::riga());
            let mut row = vec![
                Cell::Date(start.date()),
                Cell::Text(format!("{:02}:{:02}", start.hour(), start.minute())),
                Cell::Text(i18n::t(lang, e.event_type.label_key())),
                Cell::Text(e.title(code).to_owned()),
                Cell::Text(
                    e.territory_name
                        .clone()
                        .or_else(|| e.host_country.clone())
                        .unwrap_or_default(),
                ),
                Cell::Text(i18n::t(lang, e.status.label_key())),
            ];
            if !public {
                row.push(Cell::Text(i18n::t(
                    lang,
                    if e.is_public {
                        "export-yes"
                    } else {
                        "export-no"
                    },
                )));
            }
            row
        })
        .collect();
    crate::http::tables::list_file(
        &query.format,
        &ctx.t(if public {
            "calendar-title"
        } else {
            "events-title"
        }),
        if public { "calendar" } else { "events" },
        &header,
        &rows,
    )
}

/// `GET /{lang}/events/export`: the workspace's event list as CSV or XLSX.
pub async fn export_workspace(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(query): Query<CalendarQuery>,
) -> AppResult<axum::response::Response> {
    user.require(Permission::ViewEvents)?;
    export(&state, &ctx, false, &query).await
}

/// `GET /{lang}/calendar/export`: the public calendar as CSV or XLSX.
pub async fn export_calendar(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(query): Query<CalendarQuery>,
) -> AppResult<axum::response::Response> {
    export(&state, &ctx, true, &query).await
}

/// The public calendar: published public events.
pub async fn calendar(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(query): Query<CalendarQuery>,
) -> AppResult<Html<String>> {
    list_page(&state, ctx, None, query).await
}

#[derive(Template)]
#[template(path = "events/detail.html")]
struct DetailPage {
    ctx: PageCtx,
    v: EventView,
    public: bool,
    can_manage: bool,
    /// Whether the user may take this event's attendance.
    can_check_in: bool,
    /// The published minutes (public page only).
    minutes: Option<store::minutes::Minutes>,
    /// Pending actions from earlier events of the series, for review (workspace only).
    from_series: Vec<store::actions::Action>,
    /// The share of feedback answers rating the event good or very good (publicly only
    /// over at least 20 answers).
    good_share: Option<i64>,
    /// Documents: every one in the workspace, the public ones on the public page.
    docs: Vec<store::event_documents::Document>,
    next: Vec<EventStatus>,
    /// "Held" waits for the meeting to begin (said instead of its button).
    not_started: bool,
    notice: Option<&'static str>,
    /// What was refused, said as an error.
    problem: Option<&'static str>,
    items: Vec<store::agenda::Item>,
    /// Whether the public may register now (shows the link).
    register_open: bool,
    /// A sign-up now goes to the waiting list (the link says so).
    full: bool,
    /// The plan's measures the event serves: (id, code, Latvian title, English title).
    measures: Vec<(i64, String, String, Option<String>)>,
}

impl DetailPage {
    fn title(&self) -> &str {
        self.v.e.title(self.ctx.lang.code())
    }

    fn description(&self) -> Option<&str> {
        self.v.e.description(self.ctx.lang.code())
    }
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ViewEvents)?;
    let e = store::events::get(state.db(), parse_id(&id)?).await?;
    let can_manage = user.can(Permission::ManageEvents);
    let items = store::agenda::items(state.db(), e.id).await?;
    let scope = crate::features::events::attendance::scope_of(&user);
    let can_check_in = store::attendance::visible(state.db(), scope, e.id)
        .await
        .is_ok();
    // Others' actions only for coordinators, as on the actions pages.
    let own_org = user.organisation_id;
    let from_series: Vec<_> = store::actions::pending_from_series(state.db(), e.id)
        .await?
        .into_iter()
        .filter(|a| can_manage || Some(a.owner_organisation_id) == own_org)
        .collect();
    Ok(Html(
        DetailPage {
            measures: store::measures::linked(state.db(), "event", e.id).await?,
            items,
            can_check_in,
            minutes: None,
            from_series,
            good_share: crate::features::events::feedback::good_share(
                &store::feedback::summary(state.db(), e.id).await?,
            ),
            docs: store::event_documents::for_event(state.db(), e.id, !can_check_in).await?,
            register_open: false,
            full: false,
            next: if can_manage {
                e.status
                    .next()
                    .iter()
                    .copied()
                    .filter(|s| {
                        state.now() >= e.starts_at
                            || !matches!(s, EventStatus::Held | EventStatus::Reported)
                    })
                    .collect()
            } else {
                Vec::new()
            },
            not_started: can_manage
                && state.now() < e.starts_at
                && e.status.next().contains(&EventStatus::Held),
            problem: (n.notice.as_deref() == Some("not-started")).then_some("event-not-started"),
            v: view(ctx.lang, e),
            ctx,
            public: false,
            can_manage,
            notice: match n.notice.as_deref() {
                Some("saved") => Some("saved-notice"),
                Some("status") => Some("event-status-changed"),
                Some("cancelled") => Some("event-cancelled-done"),
                _ => None,
            },
        }
        .render()?,
    ))
}

/// A public event's page; drafts and invitation-only events are not found.
pub async fn public_detail(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let e = store::events::get(state.db(), parse_id(&id)?).await?;
    if !e.publicly_visible() {
        return Err(AppError::NotFound);
    }
    let id = e.id;
    let items = store::agenda::items(state.db(), e.id).await?;
    let register_open = e.status == EventStatus::Published
        && state.now() <= e.registration_deadline.unwrap_or(e.starts_at);
    let full =
        register_open && store::registrations::would_wait(state.db(), id, e.capacity).await?;
    Ok(Html(
        DetailPage {
            full,
            measures: store::measures::linked_public(state.db(), "event", id).await?,
            items,
            register_open,
            v: view(ctx.lang, e),
            ctx,
            public: true,
            can_manage: false,
            can_check_in: false,
            minutes: crate::features::events::minutes::published(&state, id).await?,
            from_series: Vec::new(),
            good_share: {
                let f = store::feedback::summary(state.db(), id).await?;
                domain::participation::publish_share(f.good, f.answers)
            },
            docs: store::event_documents::for_event(state.db(), id, true).await?,
            next: Vec::new(),
            not_started: false,
            notice: None,
            problem: None,
        }
        .render()?,
    ))
}

/// A Riga date and time as UTC seconds.
pub(super) fn riga_seconds(date: Date, time: Time) -> Option<i64> {
    date.to_datetime(time)
        .to_zoned_datetime(i18n::riga())
        .ok()
        .map(|z| z.timestamp().as_second())
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    to: String,
    /// "1" from the confirmation step (cancelling asks first).
    #[serde(default)]
    confirm: String,
}

/// Moves an event to `to` (the page's and the API's one way): on cancelling, everyone
/// registered and every invitee still to answer is mailed, in their language, in the same
/// transaction. Returns how many were told.
pub(crate) async fn change_status(
    state: &AppState,
    actor: &store::Actor,
    e: &store::events::Event,
    to: EventStatus,
) -> Result<usize, store::Error> {
    let (title_lv, title_en) = (e.title_lv.clone(), e.title("en").to_owned());
    let when_lv = i18n::datetime(i18n::Lang::Lv, e.starts_at);
    let when_en = i18n::datetime(i18n::Lang::En, e.starts_at);
    // Each registrant and each invitee still to answer, in their language.
    let notify = |name: &str, lang: &str, invited: bool| {
        let lang = i18n::Lang::parse(lang).unwrap_or(i18n::Lang::Lv);
        let (title, when) = match lang {
            i18n::Lang::En => (&title_en, &when_en),
            i18n::Lang::Lv => (&title_lv, &when_lv),
        };
        Some(crate::features::events::registration::cancellation_mail(
            lang, title, when, name, invited,
        ))
    };
    store::events::set_status_notifying(state.db(), state.now(), actor, e.id, to, notify).await
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<StatusForm>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    let to = EventStatus::parse(&f.to).ok_or(AppError::BadRequest)?;
    let e = store::events::get(state.db(), id).await?;
    // Cancelling cannot be undone and mails every registrant: asked first.
    if to == EventStatus::Cancelled && !crate::http::confirm::confirmed(&f.confirm) {
        let told = store::events::cancellation_audience(state.db(), id).await?;
        let title = e.title(ctx.lang.code()).to_owned();
        return crate::http::confirm::ConfirmStep {
            heading: ctx.t1("event-cancel-confirm-title", "title", &title),
            lines: vec![
                ctx.tn("event-cancel-confirm-mails", "count", told),
                ctx.t("event-cancel-confirm-final"),
            ],
            action: ctx.href(&format!("/events/{id}/status")),
            hidden: vec![("to".to_owned(), to.as_str().to_owned())],
            csrf: ctx.csrf.clone(),
            button: ctx.t("event-cancel-confirm-button"),
            back: ctx.href(&format!("/events/{id}")),
            danger: true,
            back_with_form: false,
            back_label: ctx.t("event-cancel-confirm-back"),
            ctx,
        }
        .into_response();
    }
    match change_status(&state, &user.actor(ip), &e, to).await {
        Ok(_) => {
            let notice = if to == EventStatus::Cancelled {
                "cancelled"
            } else {
                "status"
            };
            Ok(Redirect::to(&ctx.href(&format!("/events/{id}?notice={notice}"))).into_response())
        }
        Err(store::Error::Conflict(store::Conflict::Events(store::EventConflict::NotStarted))) => {
            Ok(
                Redirect::to(&ctx.href(&format!("/events/{id}?notice=not-started")))
                    .into_response(),
            )
        }
        Err(store::Error::Conflict(_)) => Err(AppError::BadRequest),
        Err(e) => Err(e.into()),
    }
}

fn ics_event(
    state: &AppState,
    lang: i18n::Lang,
    e: &store::events::Event,
) -> documents::ics::IcsEvent {
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let host = url::Url::parse(&base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "localhost".to_owned());
    let location = e.place().or_else(|| e.online_url.clone());
    documents::ics::IcsEvent {
        uid: format!("event-{}@{host}", e.id),
        summary: e.title(lang.code()).to_owned(),
        description: e.description(lang.code()).map(str::to_owned),
        location,
        url: Some(format!("{base}/{}/calendar/{}", lang.code(), e.id)),
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        updated_at: e.updated_at,
        sequence: e.sequence,
        cancelled: e.status == EventStatus::Cancelled,
    }
}

fn ics_response(body: String, attachment: Option<String>) -> Response {
    let mut res = (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/calendar; charset=utf-8",
        )],
        body,
    )
        .into_response();
    if let Some(name) = attachment
        && let Ok(v) =
            axum::http::HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        res.headers_mut()
            .insert(axum::http::header::CONTENT_DISPOSITION, v);
    }
    res
}

/// The Atom feed of upcoming public events, soonest first: each entry says when and where.
pub async fn calendar_atom(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let lang = ctx.lang.code();
    let base = state.settings().public_url.trim_end_matches('/').to_owned();
    let events = store::events::list(
        state.db(),
        store::events::Scope::Public,
        &store::events::EventFilter::default(),
        true,
        state.now(),
        100,
    )
    .await?;
    let summaries: Vec<String> = events
        .iter()
        .map(|e| {
            let mut s = format!(
                "{} · {}",
                ctx.t(e.event_type.label_key()),
                ctx.datetime(&e.starts_at)
            );
            if let Some(place) = &e.territory_name {
                s.push_str(&format!(" · {place}"));
            }
            if let Some(d) = e.description(lang) {
                s.push_str(&format!(". {d}"));
            }
            s
        })
        .collect();
    let entries: Vec<documents::atom::Entry> = events
        .iter()
        .zip(&summaries)
        .map(|(e, summary)| documents::atom::Entry {
            id: format!("{base}/calendar/{}", e.id),
            link: format!("{base}/{lang}/calendar/{}", e.id),
            title: e.title(lang),
            summary,
            lang: None,
            published: e.published_at.unwrap_or(e.updated_at),
            updated: e.updated_at,
        })
        .collect();
    Ok(crate::http::feeds::atom_response(documents::atom::render(
        &documents::atom::Feed {
            lang,
            page: format!("{base}/{lang}/calendar"),
            feed: format!("{base}/{lang}/calendar.atom"),
            title: format!("{} — {}", ctx.t("site-name"), ctx.t("calendar-title")),
            author: ctx.t("site-name"),
        },
        &entries,
    )))
}

/// The iCalendar feed of public events (upcoming and the last hundred past ones).
pub async fn calendar_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(query): Query<CalendarQuery>,
) -> AppResult<Response> {
    let now = state.now();
    let filter = query.filter();
    let mut events = store::events::list(
        state.db(),
        store::events::Scope::Public,
        &filter,
        true,
        now,
        500,
    )
    .await?;
    events.extend(
        store::events::list(
            state.db(),
            store::events::Scope::Public,
            &filter,
            false,
            now,
            LIST_LIMIT,
        )
        .await?,
    );
    let items: Vec<_> = events
        .iter()
        .map(|e| ics_event(&state, ctx.lang, e))
        .collect();
    Ok(ics_response(
        documents::ics::calendar(&ctx.t("site-name"), &items),
        None,
    ))
}

/// One public event as a .ics file.
pub async fn event_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let e = store::events::get(state.db(), parse_id(&id)?).await?;
    if !e.publicly_visible() {
        return Err(AppError::NotFound);
    }
    let item = ics_event(&state, ctx.lang, &e);
    Ok(ics_response(
        documents::ics::calendar(&ctx.t("site-name"), &[item]),
        Some(format!("event-{}.ics", e.id)),
    ))
}
