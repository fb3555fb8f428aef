//! "Nodot ģimenes": a mediator's families handed to another mediator with four eyes
//! (`store::handovers`) — one coordinator proposes, the other coordinators are mailed, a
//! second one approves; then the families in the receiving mediator's municipalities move and
//! both mediators are mailed. This is how an account that holds families is freed for a role
//! change.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::{Permission, Role};
use serde::Deserialize;
use store::handovers::Handover;
use store::supervisors::Decision;

use crate::AppState;
use crate::account_mail::lang_of;
use crate::http::error::{AppError, AppResult};

use crate::features::mediation::supervisors::mail;
use crate::http::forms::optional_id;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

const PROPOSED: (&str, &str, &str) = (
    "handover_proposed",
    "mail-handover-proposed-subject",
    "mail-handover-proposed-body",
);
const GIVEN: (&str, &str, &str) = (
    "handover_given",
    "mail-handover-given-subject",
    "mail-handover-given-body",
);
const RECEIVED: (&str, &str, &str) = (
    "handover_received",
    "mail-handover-received-subject",
    "mail-handover-received-body",
);

#[derive(Template)]
#[template(path = "mediation/handover.html")]
struct HandoverPage {
    ctx: PageCtx,
    pending: Vec<Handover>,
    holders: Vec<(i64, String, i64)>,
    mediators: Vec<(i64, String)>,
    viewer: i64,
    f: HandoverFields,
    errors: FormErrors,
    /// A decision refused, under the handover it was about.
    refused: Option<(i64, &'static str)>,
    notice: Option<&'static str>,
}

impl HandoverPage {
    fn own(&self, h: &Handover) -> bool {
        h.proposed_by == Some(self.viewer)
    }

    fn refusal(&self, id: &i64) -> Option<&'static str> {
        self.refused.filter(|(r, _)| r == id).map(|(_, m)| m)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct HandoverFields {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    #[serde(default)]
    notice: String,
    /// Preselects the mediator whose families are to go (from the user page).
    #[serde(default)]
    from: String,
}

async fn load(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    f: HandoverFields,
) -> AppResult<HandoverPage> {
    Ok(HandoverPage {
        pending: store::handovers::pending(state.db(), state.today()).await?,
        holders: store::handovers::holders(state.db()).await?,
        mediators: store::users::list(state.db())
            .await?
            .into_iter()
            .filter(|u| u.role == Role::Mediator && !u.disabled)
            .map(|u| (u.id, u.name))
            .collect(),
        viewer: user.id,
        f,
        errors: FormErrors::default(),
        refused: None,
        notice: None,
        ctx,
    })
}

/// `GET /{lang}/mediation/handover`.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let f = HandoverFields {
        from: q.from.clone(),
        to: String::new(),
    };
    let mut p = load(&state, ctx, &user, f).await?;
    p.notice = match q.notice.as_str() {
        "proposed" => Some("handover-proposed-notice"),
        "approved" => Some("handover-approved-notice"),
        "refused" => Some("handover-refused-notice"),
        _ => None,
    };
    Ok(Html(p.render()?))
}

/// `POST /{lang}/mediation/handover`: proposes a handover; the other coordinators are asked.
pub async fn propose(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    AppForm(f): AppForm<HandoverFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    let mut errors = FormErrors::default();
    let from = optional_id(&f.from).ok().flatten();
    if from.is_none() {
        errors.add("from", "handover-from-missing");
    }
    let to = optional_id(&f.to).ok().flatten();
    if to.is_none() {
        errors.add("to", "handover-to-missing");
    }
    if let (Some(from), Some(to), true) = (from, to, errors.is_empty()) {
        let users = store::users::list(state.db()).await?;
        let name = |id: i64| {
            users
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.name.clone())
                .unwrap_or_default()
        };
        let held = store::handovers::holders(state.db())
            .await?
            .into_iter()
            .find(|h| h.0 == from)
            .map_or(0, |h| h.2);
        let mails: Vec<_> = users
            .iter()
            .filter(|u| u.role == Role::Coordinator && !u.disabled && u.id != user.id)
            .map(|u| {
                let lang = lang_of(u);
                (
                    u.email.clone(),
                    mail(
                        lang,
                        PROPOSED,
                        &[
                            ("name", u.name.clone()),
                            ("proposer", user.name.clone()),
                            ("from", name(from)),
                            ("to", name(to)),
                            ("count", held.to_string()),
                            (
                                "link",
                                format!(
                                    "{}/{}/mediation/handover",
                                    state.settings().public_url.trim_end_matches('/'),
                                    lang.code()
                                ),
                            ),
                        ],
                    ),
                )
            })
            .collect();
        match store::handovers::propose(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            from,
            to,
            &mails,
        )
        .await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&ctx.href("/mediation/handover?notice=proposed")).into_response(),
                );
            }
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::From,
            ))) => errors.add("from", "handover-from-missing"),
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::NoTerritory,
            ))) => errors.add("to", "handover-no-territory"),
            Err(store::Error::Conflict(_)) => errors.add("to", "handover-to-missing"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = load(&state, ctx, &user, f).await?;
    p.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct DecideFields {
    #[serde(default)]
    decision: String,
    /// How many families the decider saw would move.
    #[serde(default)]
    expected: String,
}

/// `POST /{lang}/mediation/handover/{id}/decide`: a second coordinator approves (the families
/// move, both mediators are mailed) or refuses; the proposer may withdraw.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<DecideFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    let id = parse_id(&id)?;
    let decision = match f.decision.as_str() {
        "approve" => Decision::Approve,
        "refuse" => Decision::Refuse,
        _ => return Err(AppError::BadRequest),
    };
    let h = store::handovers::pending(state.db(), state.today())
        .await?
        .into_iter()
        .find(|h| h.id == id)
        .ok_or(AppError::NotFound)?;
    let mut mails = Vec::new();
    if decision == Decision::Approve {
        for (who, which) in [(h.from_user_id, GIVEN), (h.to_user_id, RECEIVED)] {
            let Ok(u) = store::users::get(state.db(), who).await else {
                continue;
            };
            if u.disabled {
                continue;
            }
            mails.push((
                u.email.clone(),
                mail(
                    lang_of(&u),
                    which,
                    &[
                        ("name", u.name.clone()),
                        ("from", h.from_name.clone()),
                        ("to", h.to_name.clone()),
                        ("count", h.movable.to_string()),
                        ("approver", user.name.clone()),
                    ],
                ),
            ));
        }
    }
    let expected = f.expected.trim().parse::<i64>().unwrap_or(-1);
    let error = match store::handovers::decide(
        state.db(),
        state.now(),
        state.today(),
        &user.actor(ip),
        store::handovers::Verdict {
            handover: id,
            expected,
            decision,
        },
        &mails,
    )
    .await
    {
        Ok(_) => {
            let notice = match decision {
                Decision::Approve => "approved",
                Decision::Refuse => "refused",
            };
            return Ok(
                Redirect::to(&ctx.href(&format!("/mediation/handover?notice={notice}")))
                    .into_response(),
            );
        }
        Err(store::Error::Conflict(c)) => {
            crate::features::mediation::supervisors::approval_refused(c)
        }
        Err(e) => return Err(e.into()),
    };
    let mut p = load(&state, ctx, &user, HandoverFields::default()).await?;
    p.refused = Some((id, error));
    Ok((StatusCode::CONFLICT, Html(p.render()?)).into_response())
}
