//! The mediators' case log beyond contacts: consent per purpose (recorded, withdrawn in one
//! step), referrals with their status (a referral without a sharing consent in force needs
//! an urgent-necessity override with its reason), school attendance and drop-out-risk
//! follow-up per term, and the case's status. Every form is on the family's page; the
//! store decides whose family it is (a foreign id is 404) and what the consent allows.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use domain::mediation::{ConsentPurpose, GivenBy, Institution, Risk};
use jiff::civil::Date;
use serde::Deserialize;

use crate::AppState;
use crate::http::error::{AppError, AppResult};

use crate::features::mediation::families::{FamilyPage, family_page, scope};
use crate::http::forms::optional_id;
use crate::http::forms::{
    AppForm, FormErrors, block_field, date_field, number_field, parse_id, text_field,
};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

/// The school year (by the year it starts) and term a day falls in: September–December is
/// the autumn term, January–August the spring term of the year that started before.
pub fn school_term(d: Date) -> (i64, i64) {
    let y = i64::from(d.year());
    if d.month() >= 9 { (y, 1) } else { (y - 1, 2) }
}

#[derive(Default, Clone, Deserialize)]
pub struct ConsentFields {
    #[serde(default)]
    pub consent_member: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub institution_kind: String,
    #[serde(default)]
    pub consent_institution: String,
    #[serde(default)]
    pub given_by: String,
    #[serde(default)]
    pub child_view: String,
    #[serde(default)]
    pub given_on: String,
}

impl ConsentFields {
    pub fn new(today: Date) -> Self {
        ConsentFields {
            purpose: "case_work".to_owned(),
            given_by: "person".to_owned(),
            given_on: today.to_string(),
            ..Self::default()
        }
    }
}

#[derive(Default, Clone, Deserialize)]
pub struct ReferralFields {
    #[serde(default)]
    pub referral_member: String,
    #[serde(default)]
    pub referred_on: String,
    #[serde(default)]
    pub referral_kind: String,
    #[serde(default)]
    pub referral_institution: String,
    #[serde(default)]
    pub consent_id: String,
    #[serde(default)]
    pub override_reason: String,
    #[serde(default)]
    pub referral_note: String,
    /// A service of the directory (optional; the institution's name stays free text).
    #[serde(default)]
    pub referral_service: String,
}

impl ReferralFields {
    pub fn new(today: Date) -> Self {
        ReferralFields {
            referred_on: today.to_string(),
            ..Self::default()
        }
    }
}

#[derive(Default, Clone, Deserialize)]
pub struct FollowupFields {
    #[serde(default)]
    pub followup_member: String,
    #[serde(default)]
    pub school_year: String,
    #[serde(default)]
    pub term: String,
    #[serde(default)]
    pub noted_on: String,
    #[serde(default)]
    pub risk: String,
    #[serde(default)]
    pub followup_action: String,
}

impl FollowupFields {
    pub fn new(today: Date) -> Self {
        let (y, t) = school_term(today);
        FollowupFields {
            school_year: y.to_string(),
            term: t.to_string(),
            noted_on: today.to_string(),
            risk: "medium".to_owned(),
            ..Self::default()
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct StatusFields {
    #[serde(default)]
    pub case_status: String,
    #[serde(default)]
    pub close_reason: String,
}

impl StatusFields {
    pub fn of(f: &store::mediation::Family) -> Self {
        StatusFields {
            case_status: f.status.as_str().to_owned(),
            close_reason: f
                .closed_reason
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
        }
    }
}

/// The mediator's write to a case, now.
fn writer<'a>(
    state: &'a AppState,
    user: &CurrentUser,
    actor: &'a store::Actor,
) -> store::mediation_log::CaseWrite<'a> {
    store::mediation_log::CaseWrite {
        db: state.db(),
        now: state.now(),
        today: state.today(),
        actor,
        keys: state.keyring(),
        scope: scope(user),
    }
}

fn back(ctx: &PageCtx, id: i64, notice: &str, anchor: &str) -> Response {
    Redirect::to(&ctx.href(&format!(
        "/mediation/families/{id}?notice={notice}#{anchor}"
    )))
    .into_response()
}

/// The family page again with the errors, what was typed kept (422).
async fn again(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
    errors: FormErrors,
    keep: impl FnOnce(&mut FamilyPage),
) -> AppResult<Response> {
    let mut p = family_page(state, ctx, user, id).await?;
    p.errors = errors;
    keep(&mut p);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

fn choice(
    raw: &str,
    allowed: &[&str],
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<String> {
    let v = raw.trim();
    if allowed.contains(&v) {
        Some(v.to_owned())
    } else {
        errors.add(field, "reg-choice-invalid");
        None
    }
}

pub async fn add_consent(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ConsentFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    use store::mediation_log as log;
    let mut errors = FormErrors::default();
    let member_id = optional_id(&f.consent_member).unwrap_or_else(|_| {
        errors.add("consent_member", "reg-choice-invalid");
        None
    });
    let purpose = choice(&f.purpose, log::PURPOSES, "purpose", &mut errors)
        .and_then(|c| ConsentPurpose::parse(&c));
    let given_by =
        choice(&f.given_by, log::GIVERS, "given_by", &mut errors).and_then(|c| GivenBy::parse(&c));
    let given_on = date_field(&f.given_on, "given_on", &mut errors);
    if given_on.is_some_and(|d| d > state.today()) {
        errors.add("given_on", "consent-date-future");
    }
    let sharing = purpose == Some(ConsentPurpose::Sharing);
    let (institution_kind, institution) = if sharing {
        let kind = choice(
            &f.institution_kind,
            log::INSTITUTION_KINDS,
            "institution_kind",
            &mut errors,
        )
        .and_then(|c| Institution::parse(&c));
        let name = text_field(
            &f.consent_institution,
            300,
            "consent_institution",
            &mut errors,
        );
        if name.is_none() && !errors.has("consent_institution") {
            errors.add("consent_institution", "consent-institution-missing");
        }
        (kind, name)
    } else {
        (None, None)
    };
    let for_child = given_by.is_some_and(|g| g != GivenBy::Person);
    let child_view = if for_child {
        if member_id.is_none() && !errors.has("consent_member") {
            errors.add("consent_member", "consent-child-missing");
        }
        choice(&f.child_view, log::CHILD_VIEWS, "child_view", &mut errors)
            .and_then(|c| domain::site::ChildView::parse(&c))
    } else {
        None
    };
    if let (Some(purpose), Some(given_by), Some(given_on), true) =
        (purpose, given_by, given_on, errors.is_empty())
    {
        let input = log::ConsentInput {
            member_id,
            purpose,
            institution_kind,
            institution,
            given_by,
            child_view,
            given_on,
        };
        let actor = user.actor(ip);
        match log::add_consent(&writer(&state, &user, &actor), id, &input).await {
            Ok(_) => return Ok(back(&ctx, id, "consent", "consents")),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::GivenBy,
            ))) => errors.add("consent_member", "consent-child-missing"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Minor,
            ))) => errors.add("given_by", "consent-minor-by-parent"),
            Err(store::Error::Conflict(_)) => errors.add("consent_member", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    again(&state, ctx, &user, id, errors, |p| p.k = f).await
}

/// Withdraws a consent in one step (a button on the consent).
pub async fn withdraw_consent(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, consent)): Path<(String, String, String)>,
    AppForm(_f): AppForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let actor = user.actor(ip);
    let blocked = store::mediation_log::withdraw_consent(
        &writer(&state, &user, &actor),
        id,
        parse_id(&consent)?,
    )
    .await?;
    let notice = if blocked > 0 {
        "withdrawn-blocked"
    } else {
        "withdrawn"
    };
    Ok(back(&ctx, id, notice, "consents"))
}

pub async fn add_referral(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ReferralFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    use store::mediation_log as log;
    let mut errors = FormErrors::default();
    let member_id = optional_id(&f.referral_member).unwrap_or_else(|_| {
        errors.add("referral_member", "reg-choice-invalid");
        None
    });
    let referred_on = date_field(&f.referred_on, "referred_on", &mut errors);
    if referred_on.is_some_and(|d| d > state.today()) {
        errors.add("referred_on", "referral-date-future");
    }
    let kind = choice(
        &f.referral_kind,
        log::REFERRAL_KINDS,
        "referral_kind",
        &mut errors,
    )
    .and_then(|c| Institution::parse(&c));
    let institution = text_field(
        &f.referral_institution,
        300,
        "referral_institution",
        &mut errors,
    );
    let consent_id = optional_id(&f.consent_id).unwrap_or_else(|_| {
        errors.add("consent_id", "reg-choice-invalid");
        None
    });
    let override_reason = block_field(&f.override_reason, 2000, "override_reason", &mut errors);
    let note = block_field(&f.referral_note, 2000, "referral_note", &mut errors);
    // A service chosen from the directory must be one in force.
    let service_id = match optional_id(&f.referral_service) {
        Ok(Some(sid)) => match store::services::get(state.db(), sid).await {
            Ok(sv) if sv.current(state.today()) => Some(sid),
            Ok(_) | Err(store::Error::NotFound) => {
                errors.add("referral_service", "reg-choice-invalid");
                None
            }
            Err(e) => return Err(e.into()),
        },
        Ok(None) => None,
        Err(_) => {
            errors.add("referral_service", "reg-choice-invalid");
            None
        }
    };
    if consent_id.is_none() && override_reason.is_none() && !errors.has("consent_id") {
        errors.add("consent_id", "referral-consent-missing");
    }
    if let (Some(kind), Some(referred_on), true) = (kind, referred_on, errors.is_empty()) {
        let input = log::ReferralInput {
            member_id,
            referred_on,
            kind,
            institution,
            consent_id,
            override_reason,
            note,
            service_id,
        };
        let actor = user.actor(ip);
        match log::add_referral(&writer(&state, &user, &actor), id, &input).await {
            Ok(_) => return Ok(back(&ctx, id, "referral", "referrals")),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Consent,
            ))) => errors.add("consent_id", "referral-consent-missing"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::ConsentScope,
            ))) => errors.add("consent_id", "referral-consent-scope"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::CaseWorkConsent,
            ))) => errors.add("purpose", "case-work-consent-missing"),
            Err(store::Error::Conflict(store::Conflict::Dialogue(_))) => {
                errors.add("referral_service", "reg-choice-invalid")
            }
            Err(store::Error::Conflict(_)) => errors.add("referral_member", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    again(&state, ctx, &user, id, errors, |p| p.r = f).await
}

#[derive(Default, Deserialize)]
pub struct ReferralUpdateFields {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    urgent_reason: String,
}

pub async fn update_referral(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, referral)): Path<(String, String, String)>,
    AppForm(f): AppForm<ReferralUpdateFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let referral = parse_id(&referral)?;
    let mut errors = FormErrors::default();
    let status = choice(
        &f.status,
        store::mediation_log::REFERRAL_STATUSES,
        "referral_update",
        &mut errors,
    );
    let note = text_field(&f.note, 2000, "referral_update", &mut errors);
    let urgent = block_field(&f.urgent_reason, 2000, "referral_update", &mut errors);
    if let (Some(status), true) = (status, errors.is_empty()) {
        let actor = user.actor(ip);
        let update = store::mediation_log::ReferralUpdate {
            status: &status,
            note: note.as_deref(),
            override_reason: urgent.as_deref(),
        };
        match store::mediation_log::update_referral(
            &writer(&state, &user, &actor),
            id,
            referral,
            &update,
        )
        .await
        {
            Ok(()) => return Ok(back(&ctx, id, "saved", "referrals")),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Consent,
            ))) => errors.add("referral_update", "referral-blocked"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::CaseWorkConsent,
            ))) => errors.add("referral_update", "case-work-consent-missing"),
            Err(store::Error::Conflict(_)) => errors.add("referral_update", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    again(&state, ctx, &user, id, errors, |p| {
        p.updating = Some(referral)
    })
    .await
}

pub async fn add_followup(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<FollowupFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    use store::mediation_log as log;
    let mut errors = FormErrors::default();
    let member = optional_id(&f.followup_member).ok().flatten();
    if member.is_none() {
        errors.add("followup_member", "followup-child-missing");
    }
    let this_year = i64::from(state.today().year());
    let year = number_field(
        &f.school_year,
        2000..=this_year,
        "school_year",
        "mediation-number-invalid",
        &mut errors,
    );
    if year.is_none() && !errors.has("school_year") {
        errors.add("school_year", "mediation-number-invalid");
    }
    let term = match f.term.trim() {
        "1" => Some(1),
        "2" => Some(2),
        _ => {
            errors.add("term", "reg-choice-invalid");
            None
        }
    };
    let noted_on = date_field(&f.noted_on, "noted_on", &mut errors);
    if noted_on.is_some_and(|d| d > state.today()) {
        errors.add("noted_on", "followup-date-future");
    }
    let risk = choice(&f.risk, log::RISKS, "risk", &mut errors).and_then(|c| Risk::parse(&c));
    let action = block_field(&f.followup_action, 2000, "followup_action", &mut errors);
    if let (Some(member_id), Some(school_year), Some(term), Some(noted_on), Some(risk), true) =
        (member, year, term, noted_on, risk, errors.is_empty())
    {
        let input = log::FollowupInput {
            member_id,
            school_year,
            term,
            noted_on,
            risk,
            action,
        };
        let actor = user.actor(ip);
        match log::add_followup(&writer(&state, &user, &actor), id, &input).await {
            Ok(_) => return Ok(back(&ctx, id, "saved", "school-attendance")),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Term,
            ))) => errors.add("term", "followup-term-taken"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::CaseWorkConsent,
            ))) => errors.add("purpose", "case-work-consent-missing"),
            Err(store::Error::Conflict(_)) => {
                errors.add("followup_member", "followup-child-missing")
            }
            Err(e) => return Err(e.into()),
        }
    }
    again(&state, ctx, &user, id, errors, |p| p.s = f).await
}

#[derive(Debug, Default, Deserialize)]
pub struct ResultFields {
    #[serde(default)]
    result: String,
}

/// The result at the end of the term (dated today), or cleared.
pub async fn set_followup_result(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id, followup)): Path<(String, String, String)>,
    AppForm(f): AppForm<ResultFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let result = match f.result.trim() {
        "" => None,
        r if store::mediation_log::RESULTS.contains(&r) => Some(r),
        _ => return Err(AppError::BadRequest),
    };
    let actor = user.actor(ip);
    match store::mediation_log::set_followup_result(
        &writer(&state, &user, &actor),
        id,
        parse_id(&followup)?,
        result,
    )
    .await
    {
        Ok(()) => Ok(back(&ctx, id, "saved", "school-attendance")),
        Err(store::Error::Conflict(store::Conflict::Mediation(
            store::MediationConflict::CaseWorkConsent,
        ))) => Ok(back(&ctx, id, "case-work-consent", "consents")),
        Err(e) => Err(e.into()),
    }
}

pub async fn set_status(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<StatusFields>,
) -> AppResult<Response> {
    user.require(Permission::WorkCases)?;
    let id = parse_id(&id)?;
    let mut errors = FormErrors::default();
    let status = choice(
        &f.case_status,
        store::mediation_log::CASE_STATUSES,
        "case_status",
        &mut errors,
    );
    let reason = if status.as_deref() == Some("closed") {
        let r = f.close_reason.trim();
        if store::mediation_log::CLOSE_REASONS.contains(&r) {
            Some(r.to_owned())
        } else {
            errors.add("close_reason", "close-reason-missing");
            None
        }
    } else {
        None
    };
    if let (Some(status), true) = (status, errors.is_empty()) {
        let actor = user.actor(ip);
        match store::mediation_log::set_status(
            &writer(&state, &user, &actor),
            id,
            &status,
            reason.as_deref(),
        )
        .await
        {
            Ok(()) => return Ok(back(&ctx, id, "saved", "case-status")),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Anonymised,
            ))) => errors.add("case_status", "case-anonymised"),
            Err(e) => return Err(e.into()),
        }
    }
    again(&state, ctx, &user, id, errors, |p| p.st = f).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_follow_the_latvian_school_year() {
        assert_eq!(school_term(jiff::civil::date(2026, 9, 1)), (2026, 1));
        assert_eq!(school_term(jiff::civil::date(2026, 12, 31)), (2026, 1));
        assert_eq!(school_term(jiff::civil::date(2027, 1, 4)), (2026, 2));
        assert_eq!(school_term(jiff::civil::date(2027, 6, 20)), (2026, 2));
    }
}

crate::http::forms::debug_without_text!(
    ConsentFields,
    ReferralFields,
    FollowupFields,
    ReferralUpdateFields
);
