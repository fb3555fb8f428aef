//! Who supervises a mediator, with four eyes (`store::supervisors`): one coordinator
//! proposes a supervisor for an assignment — the other coordinators are mailed — and a second
//! coordinator approves or refuses it on the assignment's supervisor page; only then may the
//! supervisor open the mediator's families. The mediator is mailed when their supervisor
//! changes and sees who it is on their families page. Removing a supervisor is at once.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::{Permission, Role};
use fluent_bundle::FluentValue;
use jiff::civil::Date;
use serde::Deserialize;
use store::mediation::Assignment;
use store::outbox::Outgoing;
use store::supervisors::{Decision, Proposed};

use crate::AppState;
use crate::account_mail::lang_of;
use crate::http::error::{AppError, AppResult};

use crate::http::forms::optional_id;
use crate::http::forms::{AppForm, FormErrors, parse_id};
use crate::http::notice::Notice;
use crate::i18n::Lang;
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Template)]
#[template(path = "mediation/supervisor.html")]
struct SupervisorPage {
    ctx: PageCtx,
    a: Assignment,
    coordinators: Vec<(i64, String)>,
    viewer: i64,
    choice: String,
    errors: FormErrors,
    notice: Option<&'static str>,
    /// Why a decision on the proposal was refused (shown at the proposal).
    refused: Option<&'static str>,
    /// The assignment's version the change form carries (`store::versions`).
    version: i64,
    /// Changed by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

impl SupervisorPage {
    /// The pending proposal is the viewer's own (they may withdraw it, not approve it).
    fn own_proposal(&self) -> bool {
        self.a
            .proposal
            .as_ref()
            .is_some_and(|p| p.by_user_id == Some(self.viewer))
    }
}

/// The active coordinators: (id, name, e-mail, language).
async fn coordinators(state: &AppState) -> AppResult<Vec<store::users::User>> {
    Ok(store::users::list(state.db())
        .await?
        .into_iter()
        .filter(|u| u.role == Role::Coordinator && !u.disabled)
        .collect())
}

/// A current assignment (`NotFound` for an unknown or ended one).
async fn current(state: &AppState, id: i64) -> AppResult<Assignment> {
    store::mediation::assignments(state.db())
        .await?
        .into_iter()
        .find(|a| a.id == id && a.is_current(state.today()))
        .ok_or(AppError::NotFound)
}

async fn load(
    state: &AppState,
    ctx: PageCtx,
    user: &CurrentUser,
    id: i64,
) -> AppResult<SupervisorPage> {
    // The version before the assignment: a change in between then shows as stale.
    let version = match store::versions::current(state.db(), "mediation_assignments", id).await {
        Ok(v) => v,
        Err(store::Error::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let a = current(state, id).await?;
    Ok(SupervisorPage {
        choice: a
            .supervisor_user_id
            .map(|s| s.to_string())
            .unwrap_or_default(),
        coordinators: coordinators(state)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect(),
        viewer: user.id,
        errors: FormErrors::default(),
        notice: None,
        refused: None,
        version,
        stale: None,
        a,
        ctx,
    })
}

/// `GET /{lang}/mediation/assignments/{id}/supervisor`: who supervises, what is pending.
pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
    Query(q): Query<Notice>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageMediation)?;
    let mut p = load(&state, ctx, &user, parse_id(&id)?).await?;
    p.notice = match q.notice.as_deref().unwrap_or_default() {
        "proposed" => Some("supervisor-proposed-notice"),
        "removed" => Some("supervisor-removed-notice"),
        "approved" => Some("supervisor-approved-notice"),
        "kept" => Some("supervisor-kept-notice"),
        "refused" => Some("supervisor-refused-notice"),
        _ => None,
    };
    Ok(Html(p.render()?))
}

/// The mails about supervision: (kind, subject message, body message).
const PROPOSED: (&str, &str, &str) = (
    "supervisor_proposed",
    "mail-supervisor-proposed-subject",
    "mail-supervisor-proposed-body",
);
const APPROVED: (&str, &str, &str) = (
    "supervisor_approved",
    "mail-supervisor-approved-subject",
    "mail-supervisor-approved-body",
);
const APPOINTED: (&str, &str, &str) = (
    "supervisor_appointed",
    "mail-supervisor-appointed-subject",
    "mail-supervisor-appointed-body",
);
const REMOVED: (&str, &str, &str) = (
    "supervisor_removed",
    "mail-supervisor-removed-subject",
    "mail-supervisor-removed-body",
);

const ENDED: (&str, &str, &str) = (
    "supervision_ended",
    "mail-supervision-ended-subject",
    "mail-supervision-ended-body",
);

/// One of those mails in `lang`, with these arguments.
pub(crate) fn mail(
    lang: Lang,
    (kind, subject, body): (&str, &str, &str),
    args: &[(&str, String)],
) -> Outgoing {
    let args: Vec<(&str, FluentValue)> = args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(v.clone())))
        .collect();
    Outgoing {
        kind: kind.to_owned(),
        subject: crate::i18n::t_args(lang, subject, &args),
        body: crate::i18n::t_args(lang, body, &args),
        lang: lang.code().to_owned(),
        unsubscribe: None,
    }
}

/// The assignment's supervisor page as a link in a mail (the assignments page for one being
/// made, whose number is not known yet).
fn link(state: &AppState, lang: Lang, id: Option<i64>) -> String {
    format!(
        "{}/{}/mediation/assignments{}",
        state.settings().public_url.trim_end_matches('/'),
        lang.code(),
        id.map(|i| format!("/{i}/supervisor")).unwrap_or_default()
    )
}

/// The mails that ask the other active coordinators to approve or refuse a proposal.
pub(crate) async fn proposal_mails(
    state: &AppState,
    proposer: &CurrentUser,
    assignment: Option<i64>,
    mediator: &str,
    territory: &str,
    supervisor: i64,
) -> AppResult<Vec<(String, Outgoing)>> {
    let all = coordinators(state).await?;
    let Some(s) = all.iter().find(|u| u.id == supervisor) else {
        // Not an active coordinator: the store refuses it, nothing is mailed.
        return Ok(Vec::new());
    };
    Ok(all
        .iter()
        .filter(|u| u.id != proposer.id)
        .map(|u| {
            let lang = lang_of(u);
            (
                u.email.clone(),
                mail(
                    lang,
                    PROPOSED,
                    &[
                        ("name", u.name.clone()),
                        ("proposer", proposer.name.clone()),
                        ("supervisor", s.name.clone()),
                        ("mediator", mediator.to_owned()),
                        ("territory", territory.to_owned()),
                        ("link", link(state, lang, assignment)),
                    ],
                ),
            )
        })
        .collect())
}

/// The mails when a supervisor is removed: to the mediator and to the one removed.
async fn removal_mails(state: &AppState, a: &Assignment) -> AppResult<Vec<(String, Outgoing)>> {
    let (Some(old), Some(old_id)) = (&a.supervisor_name, a.supervisor_user_id) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (who, which) in [(a.mediator_user_id, REMOVED), (old_id, ENDED)] {
        let Ok(u) = store::users::get(state.db(), who).await else {
            continue;
        };
        out.push((
            u.email.clone(),
            mail(
                lang_of(&u),
                which,
                &[
                    ("name", u.name.clone()),
                    ("supervisor", old.clone()),
                    ("mediator", a.mediator_name.clone()),
                    ("territory", a.territory_name.clone()),
                ],
            ),
        ));
    }
    Ok(out)
}

#[derive(Default, Deserialize)]
pub struct ProposeFields {
    #[serde(default)]
    supervisor: String,
    /// The assignment's version the form was loaded with.
    #[serde(default)]
    version: String,
}

/// `POST …/supervisor`: proposes a supervisor (awaiting a second coordinator), or with no
/// choice removes the one in effect at once (the mediator is mailed).
pub async fn propose(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<ProposeFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageMediation)?;
    let id = parse_id(&id)?;
    let a = current(&state, id).await?;
    let mut errors = FormErrors::default();
    let chosen = optional_id(&f.supervisor).unwrap_or_else(|_| {
        errors.add("supervisor", "reg-choice-invalid");
        None
    });
    if errors.is_empty() {
        let mails = match chosen {
            Some(s) => {
                proposal_mails(
                    &state,
                    &user,
                    Some(id),
                    &a.mediator_name,
                    &a.territory_name,
                    s,
                )
                .await?
            }
            None => removal_mails(&state, &a).await?,
        };
        match store::supervisors::propose(
            state.db(),
            state.now(),
            state.today(),
            &user.actor(ip),
            id,
            chosen,
            &mails,
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(done) => {
                let notice = match done {
                    Proposed::Pending => "proposed",
                    Proposed::Kept => "kept",
                    Proposed::Removed => "removed",
                };
                return Ok(Redirect::to(&ctx.href(&format!(
                    "/mediation/assignments/{id}/supervisor?notice={notice}"
                )))
                .into_response());
            }
            Err(store::Error::Conflict(store::Conflict::Mediation(
                store::MediationConflict::Unchanged,
            ))) => errors.add("supervisor", "supervisor-unchanged"),
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => {
                // Changed meanwhile (a proposal, a decision, another change): the page shows
                // what is in effect and pending now, and the choice made is kept.
                let mut p = load(&state, ctx, &user, id).await?;
                let stored =
                    p.a.supervisor_user_id
                        .map(|s| s.to_string())
                        .unwrap_or_default();
                let mut fields = vec![(
                    "assignment-supervisor",
                    f.supervisor.as_str(),
                    stored.as_str(),
                    p.a.supervisor_name.clone().unwrap_or_default(),
                )];
                let proposed =
                    p.a.proposal
                        .as_ref()
                        .map(|x| (x.supervisor_user_id.to_string(), x.supervisor_name.clone()));
                if let Some((pid, name)) = &proposed {
                    fields.push((
                        "supervisor-proposed",
                        f.supervisor.as_str(),
                        pid,
                        name.clone(),
                    ));
                }
                p.stale = Some(crate::http::stale::Stale::compare(fields));
                p.choice = f.supervisor;
                return Ok((StatusCode::CONFLICT, Html(p.render()?)).into_response());
            }
            Err(store::Error::Conflict(_)) => errors.add("supervisor", "reg-choice-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut p = load(&state, ctx, &user, id).await?;
    // The version the form was loaded with stays (a save meanwhile must still be caught).
    if let Some(v) = crate::http::stale::version(&f.version) {
        p.version = v;
    }
    p.choice = f.supervisor;
    p.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(p.render()?)).into_response())
}

#[derive(Default, Deserialize)]
pub struct DecideFields {
    #[serde(default)]
    decision: String,
    /// The proposed supervisor the decider saw.
    #[serde(default)]
    supervisor: String,
}

/// `POST …/supervisor/decide`: a second coordinator approves or refuses the pending
/// supervisor (the one who proposed it may only withdraw it). On approval the mediator and
/// the new supervisor are mailed.
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
    let a = current(&state, id).await?;
    let decision = match f.decision.as_str() {
        "approve" => Decision::Approve,
        "refuse" => Decision::Refuse,
        _ => return Err(AppError::BadRequest),
    };
    let expected = parse_id(&f.supervisor)?;
    let mut mails = Vec::new();
    if let (Decision::Approve, Some(p)) = (decision, &a.proposal)
        && p.supervisor_user_id == expected
    {
        let proposer = p.by_name.clone().unwrap_or_default();
        // The one replaced (if any) is told too.
        let replaced = a
            .supervisor_user_id
            .filter(|old| *old != expected)
            .map(|old| (old, ENDED));
        for (u, which) in [(a.mediator_user_id, APPROVED), (expected, APPOINTED)]
            .into_iter()
            .chain(replaced)
        {
            let Ok(to) = store::users::get(state.db(), u).await else {
                continue;
            };
            let lang = lang_of(&to);
            mails.push((
                to.email.clone(),
                mail(
                    lang,
                    which,
                    &[
                        ("name", to.name.clone()),
                        (
                            "supervisor",
                            if which == ENDED {
                                a.supervisor_name.clone().unwrap_or_default()
                            } else {
                                p.supervisor_name.clone()
                            },
                        ),
                        ("mediator", a.mediator_name.clone()),
                        ("territory", a.territory_name.clone()),
                        ("proposer", proposer.clone()),
                        ("approver", user.name.clone()),
                        (
                            "link",
                            format!(
                                "{}/{}/mediation/supervision",
                                state.settings().public_url.trim_end_matches('/'),
                                lang.code()
                            ),
                        ),
                    ],
                ),
            ));
        }
    }
    let error = match store::supervisors::decide(
        state.db(),
        state.now(),
        state.today(),
        &user.actor(ip),
        store::supervisors::Verdict {
            assignment: id,
            expected,
            decision,
        },
        &mails,
    )
    .await
    {
        Ok(()) => {
            let notice = match decision {
                Decision::Approve => "approved",
                Decision::Refuse => "refused",
            };
            return Ok(Redirect::to(&ctx.href(&format!(
                "/mediation/assignments/{id}/supervisor?notice={notice}"
            )))
            .into_response());
        }
        Err(store::Error::Conflict(c)) => approval_refused(c),
        Err(e) => return Err(e.into()),
    };
    let mut p = load(&state, ctx, &user, id).await?;
    p.refused = Some(error);
    Ok((StatusCode::CONFLICT, Html(p.render()?)).into_response())
}

/// Why a four-eyes approval (a supervisor, a handover) was refused, in words.
pub(crate) fn approval_refused(conflict: store::Conflict) -> &'static str {
    match conflict {
        store::Conflict::Mediation(store::MediationConflict::OwnProposal) => {
            "supervisor-own-proposal"
        }
        store::Conflict::Mediation(store::MediationConflict::Changed) => {
            "supervisor-proposal-changed"
        }
        store::Conflict::Mediation(store::MediationConflict::Proposer) => {
            "supervisor-proposer-gone"
        }
        store::Conflict::Mediation(store::MediationConflict::Expired) => {
            "supervisor-proposal-expired"
        }
        store::Conflict::Mediation(store::MediationConflict::ApproverMadeByProposer) => {
            "supervisor-approver-made-by-proposer"
        }
        store::Conflict::Mediation(store::MediationConflict::OwnAppointment) => {
            "supervisor-own-appointment"
        }
        store::Conflict::Mediation(store::MediationConflict::NoTerritory) => {
            "handover-no-territory"
        }
        store::Conflict::Mediation(store::MediationConflict::To) => "handover-to-missing",
        _ => "supervisor-no-longer-coordinator",
    }
}

/// The mediator's own supervision, for their families page: each current assignment with
/// its supervisor and any pending proposal.
pub(crate) async fn of_mediator(
    state: &AppState,
    mediator: i64,
    today: Date,
) -> AppResult<Vec<Assignment>> {
    Ok(store::mediation::assignments(state.db())
        .await?
        .into_iter()
        .filter(|a| a.mediator_user_id == mediator && a.is_current(today))
        .collect())
}

crate::http::forms::debug_without_text!(ProposeFields, DecideFields);
