//! The form of a good practice: its fields, their checks as the conversion into a
//! [`Practice`] (with the database's checks of what it points at beside them), the form page
//! for a new practice or one the user may change, and saving it (or sending it for review).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::event::{OBJECTIVES, Objective};
use domain::site::PracticeTarget;
use serde::Deserialize;
use store::practices::{Practice, Status, TARGET_GROUPS};

use super::practices::{editor_of, may_edit};
use crate::AppState;
use crate::http::choices::{TerritoryGroups, territory_groups};
use crate::http::error::{AppError, AppResult};
use crate::http::forms::{
    AppForm, FormErrors, block_field, checked, optional_id, required_by_name, text_field,
    year_field,
};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Default, Deserialize)]
pub struct PracticeFields {
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    summary_lv: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    problem_lv: String,
    #[serde(default)]
    problem_en: String,
    #[serde(default)]
    activities_lv: String,
    #[serde(default)]
    activities_en: String,
    #[serde(default)]
    results_lv: String,
    #[serde(default)]
    results_en: String,
    #[serde(default)]
    transfer_lv: String,
    #[serde(default)]
    transfer_en: String,
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    territory_id: String,
    #[serde(default)]
    year_from: String,
    #[serde(default)]
    year_to: String,
    #[serde(default)]
    implementers: String,
    #[serde(default)]
    partners: String,
    #[serde(default)]
    cost: String,
    #[serde(default)]
    funding: String,
    #[serde(default)]
    event_id: String,
    #[serde(default)]
    contacts: Vec<String>,
    #[serde(default)]
    action: String,
    /// The version of the practice the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}

crate::http::forms::debug_without_text!(PracticeFields);

#[derive(Template)]
#[template(path = "practices/form.html")]
struct FormPage {
    ctx: PageCtx,
    /// 0: a new practice.
    id: i64,
    status: Status,
    f: PracticeFields,
    errors: FormErrors,
    territories: TerritoryGroups,
    targets: Vec<(&'static str, &'static str)>,
    objectives: Vec<(&'static str, &'static str)>,
    /// (id, label) of events a practice may come from.
    events: Vec<(i64, String)>,
    /// ("person:3" or "organisation:7", name) of the public directory's entries.
    contact_choices: Vec<(String, String)>,
    comment: Option<String>,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        ctx: PageCtx,
        id: i64,
        status: Status,
        f: PracticeFields,
        comment: Option<String>,
    ) -> AppResult<FormPage> {
        let lang = ctx.lang;
        let events = store::events::list(
            state.db(),
            store::events::Scope::All,
            &store::events::EventFilter::default(),
            false,
            state.now() + 86_400,
            300,
        )
        .await?
        .into_iter()
        .map(|e| {
            let day = jiff::Timestamp::from_second(e.starts_at)
                .map(|t| t.to_zoned_datetime(crate::i18n::riga()).date().to_string())
                .unwrap_or_default();
            (e.id, format!("{day} — {}", e.title(lang.code())))
        })
        .collect();
        // The event already linked stays a choice, however old.
        let mut events: Vec<(i64, String)> = events;
        if let Ok(linked) = f.event_id.parse::<i64>()
            && !events.iter().any(|(id, _)| *id == linked)
            && let Ok(e) = store::events::get(state.db(), linked).await
        {
            events.push((linked, e.title(lang.code()).to_owned()));
        }
        let (orgs, people) =
            store::listings::public(state.db(), &state.today().to_string()).await?;
        let contact_choices = orgs
            .iter()
            .map(|o| {
                (
                    format!("organisation:{}", o.id),
                    store::pick(lang.code(), &o.name_lv, &o.name_en).to_owned(),
                )
            })
            .chain(
                people
                    .iter()
                    .map(|p| (format!("person:{}", p.id), p.name.clone())),
            )
            .collect();
        Ok(FormPage {
            id,
            status,
            f,
            errors: FormErrors::default(),
            territories: territory_groups(state, lang).await?,
            targets: TARGET_GROUPS
                .iter()
                .map(|t| (*t, domain::site::PracticeTarget::label_key_of(t)))
                .collect(),
            objectives: OBJECTIVES
                .iter()
                .map(|o| (*o, Objective::label_key_of(o)))
                .collect(),
            events,
            contact_choices,
            comment,
            stale: None,
            ctx,
        })
    }

    fn has_target(&self, t: &str) -> bool {
        self.f.targets.iter().any(|x| x == t)
    }

    fn has_area(&self, a: &str) -> bool {
        self.f.areas.iter().any(|x| x == a)
    }

    fn has_contact(&self, c: &str) -> bool {
        self.f.contacts.iter().any(|x| x == c)
    }
}

fn fields_of(p: &Practice, lang: &str) -> PracticeFields {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    // The long texts as they were typed, not as stored HTML.
    let text = |t: &str| crate::rich::to_input(t);
    let opt_text = |o: &Option<String>| o.as_deref().map(crate::rich::to_input).unwrap_or_default();
    PracticeFields {
        title_lv: p.title_lv.clone(),
        title_en: opt(&p.title_en),
        summary_lv: p.summary_lv.clone(),
        summary_en: opt(&p.summary_en),
        problem_lv: text(&p.problem_lv),
        problem_en: opt_text(&p.problem_en),
        activities_lv: text(&p.activities_lv),
        activities_en: opt_text(&p.activities_en),
        results_lv: text(&p.results_lv),
        results_en: opt_text(&p.results_en),
        transfer_lv: opt_text(&p.transfer_lv),
        transfer_en: opt_text(&p.transfer_en),
        targets: p
            .target_groups
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect(),
        areas: p.areas.iter().map(|a| a.as_str().to_owned()).collect(),
        territory_id: p.territory_id.to_string(),
        year_from: p.year_from.to_string(),
        year_to: p.year_to.map(|y| y.to_string()).unwrap_or_default(),
        implementers: p.implementers.clone(),
        partners: opt(&p.partners),
        cost: p
            .cost_cents
            .map(|c| domain::plan::euro_input(c, lang))
            .unwrap_or_default(),
        funding: opt(&p.funding),
        event_id: p.event_id.map(|e| e.to_string()).unwrap_or_default(),
        contacts: p
            .contacts
            .iter()
            .map(|(k, id)| format!("{k}:{id}"))
            .collect(),
        action: String::new(),
        version: String::new(),
    }
}

/// The form for a new practice (`id` "new") or one the user may change.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::SubmitPractice)?;
    let page = if id == "new" {
        let f = PracticeFields {
            year_from: state.today().year().to_string(),
            ..PracticeFields::default()
        };
        FormPage::new(&state, ctx, 0, Status::Draft, f, None).await?
    } else {
        let id = crate::http::forms::parse_id(&id)?;
        // The version before the record: a save in between then shows as stale, never lost.
        let version = store::versions::current(state.db(), "practices", id).await?;
        let p = store::practices::get(state.db(), id, false).await?;
        if !may_edit(&user, &p) {
            return Err(AppError::NotFound);
        }
        let mut f = fields_of(&p, ctx.lang.code());
        f.version = version.to_string();
        FormPage::new(&state, ctx, p.id, p.status, f, p.review_comment.clone()).await?
    };
    Ok(Html(page.render()?))
}

/// What the form says, checked without the database: each text within its length, the
/// English title and summary together, at least one target group and objective, a place,
/// years in order, a cost in euro, contacts as `person:ID` or `organisation:ID`. Whether
/// the place, the event and the contacts exist is asked beside it ([`check_references`]).
impl TryFrom<&PracticeFields> for Practice {
    type Error = FormErrors;

    fn try_from(f: &PracticeFields) -> Result<Practice, FormErrors> {
        let mut errors = FormErrors::default();
        let needed = |raw: &str, max: usize, field: &'static str, errors: &mut FormErrors| {
            required_by_name(raw, max, field, "practice-field-missing", errors)
        };
        let html = |t: Option<String>| t.map(|t| crate::rich::from_input(&t));
        let title_lv = needed(&f.title_lv, 200, "title_lv", &mut errors);
        let summary_lv = needed(&f.summary_lv, 600, "summary_lv", &mut errors);
        let problem_lv = needed(&f.problem_lv, 20_000, "problem_lv", &mut errors);
        let activities_lv = needed(&f.activities_lv, 20_000, "activities_lv", &mut errors);
        let results_lv = needed(&f.results_lv, 20_000, "results_lv", &mut errors);
        let transfer_lv = block_field(&f.transfer_lv, 20_000, "transfer_lv", &mut errors);
        let title_en = text_field(&f.title_en, 200, "title_en", &mut errors);
        let summary_en = block_field(&f.summary_en, 600, "summary_en", &mut errors);
        if title_en.is_some() != summary_en.is_some() {
            let field = if title_en.is_some() {
                "summary_en"
            } else {
                "title_en"
            };
            errors.add(field, "practice-english-pair");
        }
        let problem_en = block_field(&f.problem_en, 20_000, "problem_en", &mut errors);
        let activities_en = block_field(&f.activities_en, 20_000, "activities_en", &mut errors);
        let results_en = block_field(&f.results_en, 20_000, "results_en", &mut errors);
        let transfer_en = block_field(&f.transfer_en, 20_000, "transfer_en", &mut errors);
        if f.targets.is_empty() {
            errors.add("targets", "practice-targets-missing");
        } else if f
            .targets
            .iter()
            .any(|t| !TARGET_GROUPS.contains(&t.as_str()))
        {
            errors.add("targets", "reg-choice-invalid");
        }
        if f.areas.is_empty() {
            errors.add("areas", "practice-areas-missing");
        } else if f.areas.iter().any(|a| !OBJECTIVES.contains(&a.as_str())) {
            errors.add("areas", "reg-choice-invalid");
        }
        let territory_id = match optional_id(&f.territory_id) {
            Ok(Some(t)) => t,
            Ok(None) => {
                errors.add("territory_id", "practice-place-missing");
                0
            }
            Err(_) => {
                errors.add("territory_id", "territory-invalid");
                0
            }
        };
        let year_from = year_field(&f.year_from, "year_from", true, &mut errors);
        let year_to = year_field(&f.year_to, "year_to", false, &mut errors);
        if let (Some(a), Some(b)) = (year_from, year_to)
            && b < a
        {
            errors.add("year_to", "practice-years-order");
        }
        let implementers = needed(&f.implementers, 500, "implementers", &mut errors);
        let partners = text_field(&f.partners, 1000, "partners", &mut errors);
        let cost_cents = match f.cost.trim() {
            "" => None,
            raw => match domain::plan::parse_euro_cents(raw) {
                Some(c) if c >= 0 => Some(c),
                _ => {
                    errors.add("cost", "practice-cost-invalid");
                    None
                }
            },
        };
        let funding = text_field(&f.funding, 500, "funding", &mut errors);
        let event_id = optional_id(&f.event_id).unwrap_or_else(|_| {
            errors.add("event_id", "reg-choice-invalid");
            None
        });
        let mut contacts = Vec::new();
        for c in &f.contacts {
            let parsed = c.split_once(':').and_then(|(k, id)| {
                let id = id.parse::<i64>().ok()?;
                matches!(k, "organisation" | "person").then(|| (k.to_owned(), id))
            });
            match parsed {
                Some(x) => contacts.push(x),
                None => {
                    errors.add("contacts", "reg-choice-invalid");
                    break;
                }
            }
        }
        let Some(year_from) = year_from.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(Practice {
            title_lv,
            title_en,
            summary_lv,
            summary_en,
            problem_lv: crate::rich::from_input(&problem_lv),
            problem_en: html(problem_en),
            activities_lv: crate::rich::from_input(&activities_lv),
            activities_en: html(activities_en),
            results_lv: crate::rich::from_input(&results_lv),
            results_en: html(results_en),
            transfer_lv: html(transfer_lv),
            transfer_en: html(transfer_en),
            // In the vocabularies' order, whatever order the form sent them in.
            target_groups: PracticeTarget::ALL
                .iter()
                .copied()
                .filter(|t| f.targets.iter().any(|x| x == t.as_str()))
                .collect(),
            areas: Objective::ALL
                .iter()
                .copied()
                .filter(|a| f.areas.iter().any(|x| x == a.as_str()))
                .collect(),
            territory_id,
            year_from,
            year_to,
            implementers,
            partners,
            cost_cents,
            funding,
            event_id,
            contacts,
            ..Practice::default()
        })
    }
}

/// Whether what the form points at exists: its territory, its event, and its contacts among
/// the public directory's entries. Run on the form as typed, beside the conversion, so every
/// problem shows at once; a value the conversion cannot read is the conversion's to report.
async fn check_references(
    state: &AppState,
    f: &PracticeFields,
    errors: &mut FormErrors,
) -> AppResult<()> {
    if let Ok(Some(t)) = optional_id(&f.territory_id) {
        match store::territories::get(state.db(), t).await {
            Ok(_) => {}
            Err(store::Error::NotFound) => errors.add("territory_id", "territory-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    if let Ok(Some(event_id)) = optional_id(&f.event_id) {
        match store::events::get(state.db(), event_id).await {
            Ok(_) => {}
            Err(store::Error::NotFound) => errors.add("event_id", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    if !f.contacts.is_empty() {
        let (orgs, people) =
            store::listings::public(state.db(), &state.today().to_string()).await?;
        let unlisted = f.contacts.iter().any(|c| {
            match c
                .split_once(':')
                .and_then(|(k, id)| Some((k, id.parse::<i64>().ok()?)))
            {
                Some(("organisation", id)) => !orgs.iter().any(|o| o.id == id),
                Some(("person", id)) => !people.iter().any(|p| p.id == id),
                _ => false,
            }
        });
        if unlisted {
            errors.add("contacts", "reg-choice-invalid");
        }
    }
    Ok(())
}

/// Saves a practice (and with `action=submit` sends it for review).
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(body): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::SubmitPractice)?;
    let f: PracticeFields =
        crate::http::forms::with_lists(body, &["targets", "areas", "contacts"])?;
    let (id, status, comment) = if id == "new" {
        (0, Status::Draft, None)
    } else {
        let p =
            store::practices::get(state.db(), crate::http::forms::parse_id(&id)?, false).await?;
        if !may_edit(&user, &p) {
            return Err(AppError::NotFound);
        }
        (p.id, p.status, p.review_comment)
    };
    let (practice, mut errors) = checked::<_, Practice>(&f);
    check_references(&state, &f, &mut errors).await?;
    if let (Some(p), true) = (practice, errors.is_empty()) {
        let p = Practice { id, ..p };
        let submit = f.action == "submit";
        let saved = match store::practices::save_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            editor_of(&user),
            &p,
            submit,
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(saved) => saved,
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                let mut page = FormPage::new(&state, ctx, id, status, f, comment).await?;
                return stale_page(&state, &mut page).await;
            }
            Err(e) => return Err(e.into()),
        };
        let notice = if submit && status != Status::Published {
            "practice-submitted"
        } else {
            "saved"
        };
        return Ok(Redirect::to(
            &ctx.href(&format!("/practice-submissions/{saved}?notice={notice}")),
        )
        .into_response());
    }
    let mut page = FormPage::new(&state, ctx, id, status, f, comment).await?;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// The form again after someone saved the practice since it was loaded: what was typed,
/// what differs in the stored practice now (choices in words), and the current version.
async fn stale_page(state: &AppState, page: &mut FormPage) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let version = store::versions::current(state.db(), "practices", page.id).await?;
    let p = store::practices::get(state.db(), page.id, false).await?;
    let lang = page.ctx.lang.code();
    let s = fields_of(&p, lang);
    let ctx = &page.ctx;
    let f = &page.f;
    let words = |keys: Vec<&'static str>| {
        keys.into_iter()
            .map(|k| ctx.t(k))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let targets = words(p.target_groups.iter().map(|t| t.label_key()).collect());
    let areas = words(p.areas.iter().map(|a| a.label_key()).collect());
    let territory = match store::territories::get(state.db(), p.territory_id).await {
        Ok(t) => t.name(lang).to_owned(),
        Err(_) => String::new(),
    };
    let event = page
        .events
        .iter()
        .find(|(id, _)| Some(*id) == p.event_id)
        .map(|(_, label)| label.clone())
        .unwrap_or_default();
    let contacts = s
        .contacts
        .iter()
        .filter_map(|c| {
            page.contact_choices
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, n)| n.clone())
        })
        .collect::<Vec<_>>()
        .join("; ");
    let (typed_targets, stored_targets) = (
        crate::http::stale::as_set(&f.targets),
        crate::http::stale::as_set(&s.targets),
    );
    let (typed_areas, stored_areas) = (
        crate::http::stale::as_set(&f.areas),
        crate::http::stale::as_set(&s.areas),
    );
    let (typed_contacts, stored_contacts) = (
        crate::http::stale::as_set(&f.contacts),
        crate::http::stale::as_set(&s.contacts),
    );
    let stale = Stale::compare(vec![
        plain("practice-title", &f.title_lv, &s.title_lv),
        plain("practice-summary", &f.summary_lv, &s.summary_lv),
        plain("practice-problem", &f.problem_lv, &s.problem_lv),
        plain("practice-activities", &f.activities_lv, &s.activities_lv),
        plain("practice-results", &f.results_lv, &s.results_lv),
        plain("practice-transfer", &f.transfer_lv, &s.transfer_lv),
    ])
    .and_in(
        "stale-in-english",
        vec![
            plain("practice-title", &f.title_en, &s.title_en),
            plain("practice-summary", &f.summary_en, &s.summary_en),
            plain("practice-problem", &f.problem_en, &s.problem_en),
            plain("practice-activities", &f.activities_en, &s.activities_en),
            plain("practice-results", &f.results_en, &s.results_en),
            plain("practice-transfer", &f.transfer_en, &s.transfer_en),
        ],
    )
    .and(vec![
        ("practice-targets", &typed_targets, &stored_targets, targets),
        ("practice-areas", &typed_areas, &stored_areas, areas),
        (
            "practice-place",
            &f.territory_id,
            &s.territory_id,
            territory,
        ),
        plain("practice-year-from", &f.year_from, &s.year_from),
        plain("practice-year-to", &f.year_to, &s.year_to),
        plain("practice-implementers", &f.implementers, &s.implementers),
        plain("practice-partners", &f.partners, &s.partners),
        plain("practice-cost-eur", &f.cost, &s.cost),
        plain("practice-funding", &f.funding, &s.funding),
        ("practice-event", &f.event_id, &s.event_id, event),
        (
            "practice-contacts",
            &typed_contacts,
            &stored_contacts,
            contacts,
        ),
    ]);
    page.f.version = version.to_string();
    page.stale = Some(stale);
    Ok((StatusCode::CONFLICT, Html(page.render()?)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> PracticeFields {
        PracticeFields {
            title_lv: "Skolas mediatori Jelgavā".into(),
            summary_lv: "Īsumā".into(),
            problem_lv: "Bērni neapmeklēja skolu.".into(),
            activities_lv: "Mediatori apmeklēja ģimenes.".into(),
            results_lv: "Apmeklējums pieauga.".into(),
            targets: vec!["youth".into(), "children".into()],
            areas: vec!["education".into()],
            territory_id: "12".into(),
            year_from: "2024".into(),
            implementers: "Biedrība".into(),
            contacts: vec!["person:3".into(), "organisation:7".into()],
            ..PracticeFields::default()
        }
    }

    #[test]
    fn a_whole_form_becomes_a_practice_with_its_choices_in_the_vocabulary_s_order() {
        let p = Practice::try_from(&filled()).unwrap_or_else(|e| panic!("valid: {e:?}"));
        assert_eq!(p.title_lv, "Skolas mediatori Jelgavā");
        assert_eq!(p.territory_id, 12);
        assert_eq!(p.year_from, 2024);
        // Children come before youth in the vocabulary, whatever the form's order.
        assert_eq!(
            p.target_groups,
            vec![PracticeTarget::Children, PracticeTarget::Youth]
        );
        assert_eq!(
            p.contacts,
            vec![("person".to_owned(), 3), ("organisation".to_owned(), 7)]
        );
    }

    #[test]
    fn every_problem_is_named_at_its_field_at_once() {
        let f = PracticeFields {
            title_en: "Only a title".into(),
            year_from: "2025".into(),
            year_to: "2023".into(),
            cost: "a lot".into(),
            territory_id: String::new(),
            targets: vec!["aliens".into()],
            contacts: vec!["bank:1".into()],
            ..filled()
        };
        let errors = match Practice::try_from(&f) {
            Ok(_) => panic!("invalid"),
            Err(e) => e,
        };
        for (field, message) in [
            ("summary_en", "practice-english-pair"),
            ("year_to", "practice-years-order"),
            ("cost", "practice-cost-invalid"),
            ("territory_id", "practice-place-missing"),
            ("targets", "reg-choice-invalid"),
            ("contacts", "reg-choice-invalid"),
        ] {
            assert_eq!(errors.get(field), Some(message), "{field}");
        }
        assert!(!errors.has("title_lv"));
    }
}
