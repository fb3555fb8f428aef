//! The event form: its fields, their checks as the conversion into the store's
//! [`store::events::EventInput`], the form for a new event (with the defaults of its type)
//! or an existing one, and saving it (create or update).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{EventType, OBJECTIVES, Objective, TARGET_GROUPS, TargetGroup};
use jiff::civil::{Date, Time};
use serde::Deserialize;

use super::event::riga_seconds;
use crate::AppState;
use crate::http::choices::{TerritoryGroups, territory_groups};
use crate::http::error::AppResult;
use crate::http::forms::{AppForm, FormErrors, checked, optional_id, parse_id};
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Debug, Default, Deserialize)]
pub struct EventFields {
    #[serde(default)]
    pub(crate) event_type: String,
    #[serde(default)]
    pub(crate) title_lv: String,
    #[serde(default)]
    pub(crate) title_en: String,
    #[serde(default)]
    pub(crate) description_lv: String,
    #[serde(default)]
    pub(crate) description_en: String,
    #[serde(default)]
    pub(crate) date: String,
    #[serde(default)]
    pub(crate) start: String,
    #[serde(default)]
    pub(crate) end: String,
    #[serde(default)]
    pub(crate) territory_id: String,
    #[serde(default)]
    pub(crate) address: String,
    #[serde(default)]
    pub(crate) online_url: String,
    #[serde(default)]
    pub(crate) series: String,
    #[serde(default)]
    pub(crate) capacity: String,
    #[serde(default)]
    pub(crate) registration_deadline: String,
    #[serde(default)]
    pub(crate) is_public: Option<String>,
    /// Comma-joined by the handler from the repeated checkbox fields.
    #[serde(default)]
    pub(crate) objectives: Vec<String>,
    #[serde(default)]
    pub(crate) target_group: String,
    #[serde(default)]
    pub(crate) host_country: String,
    #[serde(default)]
    pub(crate) organisers: Vec<String>,
    #[serde(default)]
    pub(crate) partners: Vec<String>,
    #[serde(default)]
    pub(crate) measures: Vec<String>,
    /// The version of the event the form was loaded with (`store::versions`).
    #[serde(default)]
    pub(crate) version: String,
}

#[derive(Template)]
#[template(path = "events/form.html")]
struct FormPage {
    ctx: PageCtx,
    id: Option<i64>,
    f: EventFields,
    errors: FormErrors,
    types: Vec<(&'static str, &'static str)>,
    objectives: Vec<(&'static str, &'static str)>,
    targets: Vec<(&'static str, &'static str)>,
    territories: TerritoryGroups,
    organisations: Vec<(i64, String)>,
    measure_choices: Vec<(i64, String)>,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        id: Option<i64>,
        f: EventFields,
    ) -> AppResult<FormPage> {
        Ok(FormPage {
            territories: territory_groups(state, ctx.lang).await?,
            organisations: store::organisations::names(state.db()).await?,
            measure_choices: store::measures::choices(state.db()).await?,
            stale: None,
            ctx,
            id,
            f,
            errors: FormErrors::default(),
            types: EventType::ALL
                .iter()
                .map(|t| (t.as_str(), t.label_key()))
                .collect(),
            objectives: OBJECTIVES
                .iter()
                .map(|o| (*o, Objective::label_key_of(o)))
                .collect(),
            targets: TARGET_GROUPS
                .iter()
                .map(|g| (*g, TargetGroup::label_key_of(g)))
                .collect(),
        })
    }

    fn title_fields(
        &self,
    ) -> Vec<(
        &'static str,
        &'static str,
        String,
        &'static str,
        &'static str,
    )> {
        vec![
            (
                "title_lv",
                "event-title-lv",
                self.f.title_lv.clone(),
                "text",
                "lv",
            ),
            (
                "title_en",
                "event-title-en",
                self.f.title_en.clone(),
                "text",
                "en",
            ),
        ]
    }

    fn time_fields(&self) -> Vec<(&'static str, &'static str, String, &'static str)> {
        vec![
            ("date", "event-date", self.f.date.clone(), "date"),
            ("start", "event-start", self.f.start.clone(), "time"),
            ("end", "event-end", self.f.end.clone(), "time"),
        ]
    }

    fn other_fields(&self) -> Vec<(&'static str, &'static str, String, &'static str)> {
        vec![
            ("address", "field-address", self.f.address.clone(), "text"),
            (
                "online_url",
                "event-online",
                self.f.online_url.clone(),
                "url",
            ),
            ("series", "event-series", self.f.series.clone(), "text"),
            (
                "capacity",
                "event-capacity",
                self.f.capacity.clone(),
                "text",
            ),
            (
                "registration_deadline",
                "event-deadline",
                self.f.registration_deadline.clone(),
                "date",
            ),
            (
                "host_country",
                "event-host-country",
                self.f.host_country.clone(),
                "text",
            ),
        ]
    }

    fn has_objective(&self, o: &str) -> bool {
        self.f.objectives.iter().any(|x| x == o)
    }

    fn is_organiser(&self, id: &i64) -> bool {
        self.f.organisers.iter().any(|x| *x == id.to_string())
    }

    fn is_partner(&self, id: &i64) -> bool {
        self.f.partners.iter().any(|x| *x == id.to_string())
    }

    fn is_measure(&self, id: &i64) -> bool {
        self.f.measures.iter().any(|x| *x == id.to_string())
    }
}

/// What the form says, checked without the database: a known type, a Latvian title, a date
/// with a start before its end, a secure online address, a capacity, a registration deadline
/// not after the day. Whether the territory, the organisations and the measures exist is the
/// store's check when saving (a conflict shown at the field).
impl TryFrom<&EventFields> for store::events::EventInput {
    type Error = FormErrors;

    fn try_from(f: &EventFields) -> Result<store::events::EventInput, FormErrors> {
        let mut errors = FormErrors::default();
        match check(f, &mut errors) {
            Some(input) if errors.is_empty() => Ok(input),
            _ => {
                // A day and times that name no moment in Riga (none does today).
                if errors.is_empty() {
                    errors.add("start", "time-invalid");
                }
                Err(errors)
            }
        }
    }
}

/// At most this many organisations (organisers and partners together), measures or
/// objectives on one event.
pub const MAX_LISTED: usize = 100;

pub(crate) fn check(f: &EventFields, errors: &mut FormErrors) -> Option<store::events::EventInput> {
    let event_type = EventType::parse(&f.event_type);
    if event_type.is_none() {
        errors.add("event_type", "event-type-invalid");
    }
    let title_lv = crate::http::forms::required_line(
        &f.title_lv,
        300,
        "title_lv",
        "event-title-invalid",
        errors,
    );
    let title_en = crate::http::forms::text_field(&f.title_en, 300, "title_en", errors);
    let description_lv =
        crate::http::forms::block_field(&f.description_lv, 10_000, "description_lv", errors);
    let description_en =
        crate::http::forms::block_field(&f.description_en, 10_000, "description_en", errors);
    let date: Option<Date> = f.date.trim().parse().ok();
    if date.is_none() {
        errors.add("date", "date-invalid");
    }
    let start: Option<Time> = f.start.trim().parse().ok();
    if start.is_none() {
        errors.add("start", "time-invalid");
    }
    let end: Option<Time> = f.end.trim().parse().ok();
    if end.is_none() {
        errors.add("end", "time-invalid");
    } else if let (Some(s), Some(e)) = (start, end)
        && e <= s
    {
        errors.add("end", "time-order");
    }
    let territory_id = optional_id(&f.territory_id).unwrap_or_else(|_| {
        errors.add("territory_id", "territory-invalid");
        None
    });
    let address = crate::http::forms::text_field(&f.address, 500, "address", errors);
    let online_url = match f.online_url.trim() {
        "" => None,
        u if u.starts_with("https://") && domain::directory::parse_website(u).is_some() => {
            Some(u.to_owned())
        }
        _ => {
            errors.add("online_url", "online-url-invalid");
            None
        }
    };
    let series = crate::http::forms::text_field(&f.series, 200, "series", errors);
    let capacity = match f.capacity.trim() {
        "" => None,
        c => match c.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Some(n),
            _ => {
                errors.add("capacity", "capacity-invalid");
                None
            }
        },
    };
    let deadline: Option<Date> = match f.registration_deadline.trim() {
        "" => None,
        d => d.parse().ok().or_else(|| {
            errors.add("registration_deadline", "date-invalid");
            None
        }),
    };
    if let (Some(dl), Some(d)) = (deadline, date)
        && dl > d
    {
        errors.add("registration_deadline", "deadline-after-event");
    }
    // In the order given; unknown codes are left out.
    let objectives: Vec<Objective> = f
        .objectives
        .iter()
        .filter_map(|o| Objective::parse(o))
        .collect();
    let target_group = TargetGroup::parse(f.target_group.trim());
    let host_country = crate::http::forms::text_field(&f.host_country, 100, "host_country", errors);
    // Lists are bounded before they are read (a crafted form or API call could send
    // thousands of ids; the checks below compare each with the others).
    if f.organisers.len() + f.partners.len() > MAX_LISTED {
        errors.add("organisers", "user-organisation-invalid");
        return None;
    }
    if f.measures.len() > MAX_LISTED || f.objectives.len() > MAX_LISTED {
        errors.add("measures", "reg-choice-invalid");
        return None;
    }
    let mut organisations = Vec::new();
    for (list, role) in [(&f.organisers, "organiser"), (&f.partners, "partner")] {
        for raw in list {
            match optional_id(raw) {
                Ok(Some(id)) if !organisations.iter().any(|(o, _)| *o == id) => {
                    organisations.push((id, role.to_owned()))
                }
                Ok(_) => {}
                Err(_) => errors.add("organisers", "user-organisation-invalid"),
            }
        }
    }
    let mut measures = Vec::new();
    for raw in &f.measures {
        match optional_id(raw) {
            Ok(Some(m)) if !measures.contains(&m) => measures.push(m),
            Ok(_) => {}
            Err(_) => errors.add("measures", "reg-choice-invalid"),
        }
    }
    if !errors.is_empty() {
        return None;
    }
    let (date, start, end) = (date?, start?, end?);
    Some(store::events::EventInput {
        event_type: event_type?,
        title_lv: title_lv?,
        title_en,
        description_lv,
        description_en,
        starts_at: riga_seconds(date, start)?,
        ends_at: riga_seconds(date, end)?,
        territory_id,
        address,
        online_url,
        series,
        capacity,
        registration_deadline: deadline.and_then(|d| riga_seconds(d, Time::constant(23, 59, 0, 0))),
        is_public: f.is_public.is_some(),
        objectives,
        target_group,
        host_country,
        organisations,
        measures,
    })
}

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    #[serde(default, rename = "type")]
    event_type: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<NewQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let t = EventType::parse(&q.event_type).unwrap_or(EventType::AnnualCoordination);
    let (public, capacity, hours) = t.defaults();
    let f = EventFields {
        event_type: t.as_str().to_owned(),
        start: "10:00".to_owned(),
        end: format!("{:02}:00", (10 + hours).min(23)),
        capacity: capacity.map(|c| c.to_string()).unwrap_or_default(),
        is_public: public.then(|| "1".to_owned()),
        ..EventFields::default()
    };
    Ok(Html(FormPage::new(&state, ctx, None, f).await?.render()?))
}

/// The field a refused save of an event is about, and the message (the form's and the
/// API's): a place, a day or a measure that cannot be, else an organisation.
pub(crate) fn conflict_field(c: store::Conflict) -> (&'static str, &'static str) {
    match c {
        store::Conflict::Events(store::EventConflict::Territory) => {
            ("territory_id", "territory-invalid")
        }
        store::Conflict::Events(store::EventConflict::NotStarted) => {
            ("date", "event-happened-date")
        }
        store::Conflict::Plans(store::PlanConflict::Measure) => ("measures", "reg-choice-invalid"),
        _ => ("organisers", "user-organisation-invalid"),
    }
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    ip: std::net::IpAddr,
    id: Option<i64>,
    f: EventFields,
) -> AppResult<Response> {
    let (input, mut errors) = checked::<_, store::events::EventInput>(&f);
    if let Some(input) = input {
        let actor = user.actor(ip);
        let result = match id {
            None => store::events::create(state.db(), state.now(), &actor, &input).await,
            Some(id) => store::events::update_checked(
                state.db(),
                state.now(),
                &actor,
                id,
                &input,
                crate::http::stale::version(&f.version),
            )
            .await
            .map(|()| id),
        };
        match result {
            Ok(id) => {
                return Ok(
                    Redirect::to(&ctx.href(&format!("/events/{id}?notice=saved"))).into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                if let Some(id) = id {
                    return stale_page(state, ctx, id, f).await;
                }
            }
            Err(store::Error::Conflict(c)) => {
                let (field, message) = conflict_field(c);
                errors.add(field, message);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut page = FormPage::new(state, ctx, id, f).await?;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The form again after someone saved the event since it was loaded: what was typed, what
/// differs in the stored event now (in words), and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: EventFields,
) -> AppResult<Response> {
    let stored = fields_of(state, id).await?;
    let event = store::events::get(state.db(), id).await?;
    let mut page = FormPage::new(state, ctx, Some(id), EventFields::default()).await?;
    let named = |ids: &[String], from: &[(i64, String)]| -> String {
        let mut names: Vec<String> = ids
            .iter()
            .filter_map(|i| i.parse::<i64>().ok())
            .filter_map(|i| from.iter().find(|(k, _)| *k == i).map(|(_, n)| n.clone()))
            .collect();
        names.sort();
        names.join("; ")
    };
    let ctx = &page.ctx;
    let (typed_org, stored_org) = (
        crate::http::stale::as_set(&f.organisers),
        crate::http::stale::as_set(&stored.organisers),
    );
    let (typed_partners, stored_partners) = (
        crate::http::stale::as_set(&f.partners),
        crate::http::stale::as_set(&stored.partners),
    );
    let (typed_measures, stored_measures) = (
        crate::http::stale::as_set(&f.measures),
        crate::http::stale::as_set(&stored.measures),
    );
    let (typed_objectives, stored_objectives) = (
        crate::http::stale::as_set(&f.objectives),
        crate::http::stale::as_set(&stored.objectives),
    );
    let public = |v: &Option<String>| if v.is_some() { "1" } else { "" };
    let stale = crate::http::stale::Stale::compare(vec![
        (
            "event-type",
            &f.event_type,
            &stored.event_type,
            ctx.t(event.event_type.label_key()),
        ),
        (
            "event-title-lv",
            &f.title_lv,
            &stored.title_lv,
            stored.title_lv.clone(),
        ),
        (
            "event-title-en",
            &f.title_en,
            &stored.title_en,
            stored.title_en.clone(),
        ),
        (
            "event-description-lv",
            &f.description_lv,
            &stored.description_lv,
            stored.description_lv.clone(),
        ),
        (
            "event-description-en",
            &f.description_en,
            &stored.description_en,
            stored.description_en.clone(),
        ),
        ("event-date", &f.date, &stored.date, stored.date.clone()),
        ("event-start", &f.start, &stored.start, stored.start.clone()),
        ("event-end", &f.end, &stored.end, stored.end.clone()),
        (
            "field-territory",
            &f.territory_id,
            &stored.territory_id,
            event.territory_name.clone().unwrap_or_default(),
        ),
        (
            "field-address",
            &f.address,
            &stored.address,
            stored.address.clone(),
        ),
        (
            "event-online",
            &f.online_url,
            &stored.online_url,
            stored.online_url.clone(),
        ),
        (
            "event-series",
            &f.series,
            &stored.series,
            stored.series.clone(),
        ),
        (
            "event-capacity",
            &f.capacity,
            &stored.capacity,
            stored.capacity.clone(),
        ),
        (
            "event-deadline",
            &f.registration_deadline,
            &stored.registration_deadline,
            stored.registration_deadline.clone(),
        ),
        (
            "event-public-check",
            public(&f.is_public),
            public(&stored.is_public),
            ctx.t(if event.is_public {
                "export-yes"
            } else {
                "export-no"
            }),
        ),
        (
            "event-objectives",
            &typed_objectives,
            &stored_objectives,
            stored
                .objectives
                .iter()
                .map(|o| ctx.t(Objective::label_key_of(o)))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            "event-target-group",
            &f.target_group,
            &stored.target_group,
            event
                .target_group
                .map(|g| ctx.t(g.label_key()))
                .unwrap_or_default(),
        ),
        (
            "event-organisers",
            &typed_org,
            &stored_org,
            named(&stored.organisers, &page.organisations),
        ),
        (
            "event-partners",
            &typed_partners,
            &stored_partners,
            named(&stored.partners, &page.organisations),
        ),
        (
            "linked-measures",
            &typed_measures,
            &stored_measures,
            named(&stored.measures, &page.measure_choices),
        ),
    ]);
    f.version = stored.version;
    page.f = f;
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

/// The form: checkbox and multi-select fields repeat.
fn fields(body: Vec<(String, String)>) -> AppResult<EventFields> {
    crate::http::forms::with_lists(body, &["objectives", "organisers", "partners", "measures"])
}

pub async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    save(&state, ctx, &user, ip, None, fields(body)?).await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    let f = fields_of(&state, id).await?;
    Ok(Html(
        FormPage::new(&state, ctx, Some(id), f).await?.render()?,
    ))
}

/// The form's fields of a stored event, with its version.
pub(crate) async fn fields_of(state: &AppState, id: i64) -> AppResult<EventFields> {
    // The version before the record: a save in between then shows as stale, never lost.
    let version = store::versions::current(state.db(), "events", id).await?;
    let e = store::events::get(state.db(), id).await?;
    let z = |t: i64| {
        jiff::Timestamp::from_second(t)
            .map(|t| t.to_zoned_datetime(i18n::riga()))
            .ok()
    };
    let (start, end) = (z(e.starts_at), z(e.ends_at));
    Ok(EventFields {
        event_type: e.event_type.as_str().to_owned(),
        title_lv: e.title_lv,
        title_en: e.title_en.unwrap_or_default(),
        description_lv: e.description_lv.unwrap_or_default(),
        description_en: e.description_en.unwrap_or_default(),
        date: start
            .as_ref()
            .map(|z| z.date().to_string())
            .unwrap_or_default(),
        start: start
            .as_ref()
            .map(|z| format!("{:02}:{:02}", z.hour(), z.minute()))
            .unwrap_or_default(),
        end: end
            .as_ref()
            .map(|z| format!("{:02}:{:02}", z.hour(), z.minute()))
            .unwrap_or_default(),
        territory_id: e.territory_id.map(|t| t.to_string()).unwrap_or_default(),
        address: e.address.unwrap_or_default(),
        online_url: e.online_url.unwrap_or_default(),
        series: e.series.unwrap_or_default(),
        capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
        registration_deadline: e
            .registration_deadline
            .and_then(z)
            .map(|z| z.date().to_string())
            .unwrap_or_default(),
        is_public: e.is_public.then(|| "1".to_owned()),
        objectives: e.objectives.iter().map(|o| o.as_str().to_owned()).collect(),
        target_group: e
            .target_group
            .map(|g| g.as_str().to_owned())
            .unwrap_or_default(),
        host_country: e.host_country.unwrap_or_default(),
        organisers: e
            .organisations
            .iter()
            .filter(|o| o.2 == "organiser")
            .map(|o| o.0.to_string())
            .collect(),
        partners: e
            .organisations
            .iter()
            .filter(|o| o.2 == "partner")
            .map(|o| o.0.to_string())
            .collect(),
        measures: store::measures::linked(state.db(), "event", id)
            .await?
            .into_iter()
            .map(|m| m.0.to_string())
            .collect(),
        version: version.to_string(),
    })
}

pub async fn update(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::ManageEvents)?;
    let id = parse_id(&id)?;
    store::events::get(state.db(), id).await?;
    save(&state, ctx, &user, ip, Some(id), fields(body)?).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::events::EventInput;

    fn filled() -> EventFields {
        EventFields {
            event_type: EventType::AnnualCoordination.as_str().into(),
            title_lv: "Ikgadējā koordinācijas sanāksme".into(),
            date: "2027-03-28".into(),
            start: "10:00".into(),
            end: "13:00".into(),
            organisers: vec!["4".into(), "4".into()],
            partners: vec!["5".into()],
            ..EventFields::default()
        }
    }

    #[test]
    fn a_whole_form_becomes_an_event_in_riga_time() {
        let e = EventInput::try_from(&filled()).unwrap_or_else(|e| panic!("valid: {e:?}"));
        // 28 March 2027 is the first day of summer time in Riga: UTC+3.
        let start = jiff::Timestamp::from_second(e.starts_at).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(start.to_string(), "2027-03-28T07:00:00Z");
        assert_eq!(e.ends_at - e.starts_at, 3 * 3600);
        assert_eq!(
            e.organisations,
            vec![(4, "organiser".to_owned()), (5, "partner".to_owned())]
        );
    }

    #[test]
    fn times_out_of_order_a_late_deadline_and_an_insecure_link_are_refused() {
        let f = EventFields {
            end: "09:00".into(),
            registration_deadline: "2027-04-01".into(),
            online_url: "http://example.lv/meet".into(),
            capacity: "0".into(),
            event_type: "party".into(),
            ..filled()
        };
        let errors = match EventInput::try_from(&f) {
            Ok(_) => panic!("invalid"),
            Err(e) => e,
        };
        for (field, message) in [
            ("end", "time-order"),
            ("registration_deadline", "deadline-after-event"),
            ("online_url", "online-url-invalid"),
            ("capacity", "capacity-invalid"),
            ("event_type", "event-type-invalid"),
        ] {
            assert_eq!(errors.get(field), Some(message), "{field}");
        }
    }
}
