//! The workspace home: what needs the signed-in user today, section by section, each with
//! its count and the items themselves, each item linking to where it is done. What a user
//! is shown follows the same permissions and scopes as the pages the items link to:
//! coordinators see what waits for review, what is late and what failed; an institution its
//! own open report forms, its organisation's overdue actions and its invitations; a mediator
//! their own caseload (codes and dates only — nothing sealed is opened here).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use domain::auth::Permission;
use domain::plan::ReportStatus;
use domain::site::{PracticeStatus, StoryStatus};
use fluent_bundle::FluentValue;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::AppState;
use crate::http::error::AppResult;
use crate::i18n;
use crate::page::PageCtx;
use crate::principal::CurrentUser;

/// At most this many items of a section are listed; the rest are behind its "all" link.
const SHOWN: usize = 8;
/// A family without a contact for this many days waits for one.
const QUIET_DAYS: i64 = 30;
/// Next steps due within this many days are listed (those due by today first, marked).
const NEXT_STEP_DAYS: i64 = 7;
/// Events that ended within this many days and still have no minutes are listed (a quarter:
/// long enough that a meeting does not drop off while its minutes are still owed).
const MINUTES_DAYS: i64 = 90;
/// Mail given up within this many days is counted.
const OUTBOX_DAYS: i64 = 7;

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub href: String,
    pub text: String,
    pub detail: String,
    /// A mark that it is due or late (its message id), in lists that mix those with others.
    pub mark: Option<&'static str>,
    /// The text is Latvian whatever the page's language (a title kept only in Latvian).
    pub latvian: bool,
}

/// A kind of thing to do, with how many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section's anchor.
    pub id: &'static str,
    /// Its heading's message id.
    pub label: &'static str,
    /// How many there are (a count section, such as failed mail, lists one item for them all).
    pub count: usize,
    pub items: Vec<Item>,
    /// Where all of them are, when the list is cut.
    pub all: Option<String>,
    /// To follow, not to act on (the data protection officer's view of the registers):
    /// listed, but not counted as waiting for the user.
    pub watch: bool,
}

impl Section {
    fn new(id: &'static str, label: &'static str, all: Option<String>, items: Vec<Item>) -> Self {
        let count = items.len();
        let mut items = items;
        items.truncate(SHOWN);
        Section {
            id,
            label,
            count,
            items,
            all: all.filter(|_| count > SHOWN),
            watch: false,
        }
    }

    /// A section listing every item (a mediator's own caseload is small, and no page lists
    /// exactly these).
    fn whole(id: &'static str, label: &'static str, items: Vec<Item>) -> Self {
        Section {
            id,
            label,
            count: items.len(),
            items,
            all: None,
            watch: false,
        }
    }

    /// The section as one to follow: `label` says so, and it is not counted as waiting.
    fn watching(self, label: &'static str) -> Self {
        Section {
            label,
            watch: true,
            ..self
        }
    }

    /// A section counted as a whole, its one item linking to where they are handled.
    fn counted(id: &'static str, label: &'static str, count: usize, item: Item) -> Self {
        Section {
            id,
            label,
            count,
            items: if count > 0 { vec![item] } else { Vec::new() },
            all: None,
            watch: false,
        }
    }
}

#[derive(Template)]
#[template(path = "account/workspace.html")]
struct Workspace {
    ctx: PageCtx,
    name: String,
    /// The sections with something in them, in the order of the day's work.
    waiting: Vec<Section>,
    /// The sections checked and found empty (their labels).
    clear: Vec<&'static str>,
    /// A new account's first steps for its role: (message id, where it is done), until put
    /// away.
    first_steps: Vec<(&'static str, String)>,
    /// The first steps were put away: a button brings them back.
    put_away: bool,
}

/// What a new account of a role does first, each with where it is done.
fn first_steps(ctx: &PageCtx, role: domain::auth::Role) -> Vec<(&'static str, String)> {
    use domain::auth::Role;
    let steps: &[(&str, &str)] = match role {
        Role::Coordinator => &[
            ("first-step-coordinator-directory", "/organisations"),
            ("first-step-coordinator-event", "/events/new"),
            ("first-step-coordinator-plan", "/plans"),
            ("first-step-coordinator-users", "/admin/users"),
            ("first-step-notices", "/account#notices-heading"),
        ],
        Role::Mediator => &[
            ("first-step-mediator-family", "/mediation"),
            ("first-step-mediator-contact", "/mediation"),
            ("first-step-mediator-report", "/mediation/reports"),
            ("first-step-notices", "/account#notices-heading"),
        ],
        Role::Dpo => &[
            ("first-step-dpo-overview", "/privacy/overview"),
            ("first-step-dpo-processing", "/processing"),
            ("first-step-dpo-limits", "/admin/storage-limits"),
            ("first-step-notices", "/account#notices-heading"),
        ],
        Role::Ministry | Role::Municipality | Role::Ngo => &[
            ("first-step-institution-reports", "/reports"),
            ("first-step-institution-actions", "/actions"),
            ("first-step-institution-practice", "/practice-submissions"),
            ("first-step-notices", "/account#notices-heading"),
        ],
    };
    steps
        .iter()
        .map(|(key, path)| (*key, ctx.href(path)))
        .collect()
}

#[derive(Debug, serde::Deserialize)]
pub struct FirstStepsForm {
    /// "again": show them again; anything else puts them away.
    #[serde(default)]
    show: String,
}

/// `POST /{lang}/workspace/first-steps`: puts the first steps away, or (`show=again`)
/// brings them back.
pub async fn finish_first_steps(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    crate::http::forms::AppForm(f): crate::http::forms::AppForm<FirstStepsForm>,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse as _;
    user.require(Permission::UseWorkspace)?;
    if f.show == "again" {
        store::users::show_first_steps_again(state.db(), user.id).await?;
        return Ok(
            axum::response::Redirect::to(&ctx.href("/workspace#first-steps")).into_response(),
        );
    }
    store::users::finish_first_steps(state.db(), state.now(), user.id).await?;
    Ok(axum::response::Redirect::to(&ctx.href("/workspace")).into_response())
}

impl Workspace {
    fn total(&self) -> usize {
        self.waiting
            .iter()
            .filter(|s| !s.watch)
            .map(|s| s.count)
            .sum()
    }
}

pub async fn home(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
) -> AppResult<Html<String>> {
    user.require(Permission::UseWorkspace)?;
    let sections = sections(&state, &ctx, &user).await?;
    let (waiting, clear): (Vec<Section>, Vec<Section>) =
        sections.into_iter().partition(|s| s.count > 0);
    let put_away = store::users::first_steps_done(state.db(), user.id).await?;
    let first_steps = if put_away {
        Vec::new()
    } else {
        first_steps(&ctx, user.role)
    };
    Ok(Html(
        Workspace {
            first_steps,
            put_away,
            ctx,
            name: user.name,
            waiting,
            clear: clear.into_iter().map(|s| s.label).collect(),
        }
        .render()?,
    ))
}

/// Where a list of reports is seen whole: their round's board when they are all of one
/// round, else the reports page (which lists the rounds).
fn board(ctx: &PageCtx, reports: &[&store::rounds::Report]) -> String {
    match reports.first() {
        Some(first) if reports.iter().all(|r| r.round_id == first.round_id) => {
            ctx.href(&format!("/rounds/{}", first.round_id))
        }
        _ => ctx.href("/reports"),
    }
}

/// A day in words: "2026. gada 6. decembris".
fn day(ctx: &PageCtx, d: Date) -> String {
    i18n::day(ctx.lang, d)
}

fn args(ctx: &PageCtx, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    i18n::t_args(ctx.lang, id, args)
}

/// Everything the user's role makes theirs to do, in the order of the day's work.
async fn sections(state: &AppState, ctx: &PageCtx, user: &CurrentUser) -> AppResult<Vec<Section>> {
    let db = state.db();
    let now = state.now();
    let today = state.today();
    let lang = ctx.lang.code();
    let mut out = Vec::new();

    if user.can(Permission::WorkCases) {
        out.extend(caseload(state, ctx, user, today).await?);
    }

    // A breach's 72 hours for notifying the authority come before everything else.
    if user.can(Permission::ViewPrivacy) {
        let items = store::breaches::list(db)
            .await?
            .into_iter()
            .filter(|b| b.notification_pending() || b.people_pending())
            .map(|b| {
                let deadline = b.deadline();
                let late = b.notification_pending() && now > deadline;
                Item {
                    href: ctx.href(&format!("/privacy/breaches/{}", b.id)),
                    text: format!(
                        "{}: {}",
                        ctx.t1("breach-number-of", "number", b.id.to_string()),
                        b.input.title
                    ),
                    detail: if b.notification_pending() {
                        ctx.t1(
                            if late {
                                "breach-overdue"
                            } else {
                                "breach-due-by"
                            },
                            "date",
                            ctx.datetime(&deadline),
                        )
                    } else {
                        ctx.t("breach-people-pending")
                    },
                    mark: late.then_some("attention-late"),
                    latvian: true,
                }
            })
            .collect();
        let section = Section::new(
            "breaches",
            "attention-breaches",
            Some(ctx.href("/privacy/breaches")),
            items,
        );
        out.push(if user.can(Permission::ManageBreaches) {
            section
        } else {
            section.watching("attention-breaches-watch")
        });
    }

    // A person's request about their data is answered within the month (article 12(3)).
    if user.can(Permission::ViewPrivacy) {
        let items = store::subject_requests::list(db)
            .await?
            .into_iter()
            .filter(store::subject_requests::Request::is_open)
            .map(|r| {
                let due = r.due_on();
                let late = r.overdue(today);
                Item {
                    href: ctx.href(&format!("/privacy/requests/{}", r.id)),
                    text: format!(
                        "{}: {}",
                        ctx.t1("request-number-of", "number", r.id.to_string()),
                        ctx.t(r.input.kind.label_key())
                    ),
                    detail: ctx.t1(
                        if late {
                            "request-overdue"
                        } else {
                            "request-due-by"
                        },
                        "date",
                        ctx.day(&due),
                    ),
                    mark: late.then_some("attention-late"),
                    latvian: false,
                }
            })
            .collect();
        let section = Section::new(
            "requests",
            "attention-requests",
            Some(ctx.href("/privacy/requests")),
            items,
        );
        out.push(if user.can(Permission::ManageSubjectRequests) {
            section
        } else {
            section.watching("attention-requests-watch")
        });
    }

    if user.can(Permission::ManagePlans) {
        let open = store::rounds::open_reports(db, store::OrgScope::All).await?;
        let report = |r: &store::rounds::Report, detail: String| Item {
            href: ctx.href(&format!("/reports/{}", r.id)),
            text: format!(
                "{} {} — {}",
                r.measure_code,
                r.measure_title(lang),
                r.organisation_name
            ),
            detail,
            // A late one's section says it is late; a mark on each would only repeat it.
            mark: None,
            latvian: false,
        };
        let submitted: Vec<&store::rounds::Report> = open
            .iter()
            .filter(|r| r.status == ReportStatus::Submitted)
            .collect();
        out.push(Section::new(
            "reports-submitted",
            "attention-reports-submitted",
            Some(board(ctx, &submitted)),
            submitted
                .iter()
                .map(|r| {
                    let on = r
                        .submitted_at
                        .map(|s| ctx.t1("attention-submitted-on", "date", ctx.datetime(&s)));
                    report(r, on.unwrap_or_default())
                })
                .collect(),
        ));
        let late: Vec<&store::rounds::Report> = open
            .iter()
            .filter(|r| r.is_editable() && today > r.deadline)
            .collect();
        out.push(Section::new(
            "reports-late",
            "attention-reports-late",
            Some(board(ctx, &late)),
            late.iter()
                .map(|r| {
                    let detail = format!(
                        "{} · {}",
                        ctx.t(r.status.label_key()),
                        ctx.t1("attention-deadline", "date", day(ctx, r.deadline))
                    );
                    report(r, detail)
                })
                .collect(),
        ));
    } else if user.can(Permission::ReportProgress) && user.organisation_id.is_some() {
        let own = store::OrgScope::Organisation(user.organisation_id.unwrap_or_default());
        let open = store::rounds::open_reports(db, own).await?;
        let items = open
            .iter()
            .filter(|r| r.is_editable())
            .map(|r| Item {
                href: ctx.href(&format!("/reports/{}", r.id)),
                text: format!("{} {}", r.measure_code, r.measure_title(lang)),
                detail: format!(
                    "{} · {}",
                    ctx.t(r.status.label_key()),
                    ctx.t1("attention-deadline", "date", day(ctx, r.deadline))
                ),
                mark: (today > r.deadline).then_some("attention-late"),
                latvian: false,
            })
            .collect();
        out.push(Section::new(
            "reports-open",
            "attention-reports-open",
            Some(ctx.href("/reports")),
            items,
        ));
    }

    // Needs and questions: coordinators see the new ones to give and the late ones; an
    // institution those given to it to answer, the late ones marked.
    let need_item = |n: &store::needs::Need, detail: String, late: bool| Item {
        href: ctx.href(&format!("/needs/{}", n.id)),
        text: format!(
            "{}: {}",
            ctx.t1("need-number", "number", n.id.to_string()),
            n.input.title
        ),
        detail,
        mark: late.then_some("attention-late"),
        latvian: false,
    };
    let due_detail = |n: &store::needs::Need| {
        let inst = n.assigned_org_name.clone().unwrap_or_default();
        match n.answer_due_on {
            Some(d) => format!(
                "{inst} · {}",
                ctx.t1("attention-deadline", "date", day(ctx, d))
            ),
            None => inst,
        }
    };
    if user.can(Permission::ManageNeeds) {
        let fresh = store::needs::list(
            db,
            &store::needs::Filter {
                status: Some(domain::dialogue::NeedStatus::New),
                ..Default::default()
            },
        )
        .await?;
        out.push(Section::new(
            "needs-new",
            "attention-needs-new",
            Some(ctx.href("/needs")),
            fresh
                .iter()
                .map(|n| need_item(n, ctx.datetime(&n.created_at), false))
                .collect(),
        ));
        let late = store::needs::late(db, today, None).await?;
        out.push(Section::new(
            "needs-late",
            "attention-needs-late",
            Some(ctx.href("/needs")),
            late.iter()
                .map(|n| need_item(n, due_detail(n), false))
                .collect(),
        ));
    } else if let (true, Some(org)) = (user.can(Permission::RaiseNeeds), user.organisation_id) {
        let given = store::needs::list(
            db,
            &store::needs::Filter {
                status: Some(domain::dialogue::NeedStatus::Assigned),
                assigned_to: Some(org),
                ..Default::default()
            },
        )
        .await?;
        out.push(Section::new(
            "needs-to-answer",
            "attention-needs-to-answer",
            Some(ctx.href("/needs")),
            given
                .iter()
                .map(|n| need_item(n, due_detail(n), n.late(today)))
                .collect(),
        ));
    }

    if user.can(Permission::ManageSite) {
        let practices = store::practices::lines(db, user.id, true)
            .await?
            .into_iter()
            .filter(|p| p.status == PracticeStatus::Submitted)
            .map(|p| Item {
                href: ctx.href(&format!("/practice-submissions/{}", p.id)),
                text: p.title_lv.clone(),
                detail: p.organisation.clone().unwrap_or_default(),
                mark: None,
                latvian: true,
            })
            .collect();
        out.push(Section::new(
            "practices-review",
            "attention-practices-review",
            Some(ctx.href("/practice-submissions")),
            practices,
        ));
        let stories = store::stories::all(db)
            .await?
            .into_iter()
            .filter(|s| s.status == StoryStatus::Review)
            .map(|s| Item {
                href: ctx.href(&format!("/site/stories/{}", s.id)),
                text: store::pick(lang, &s.title_lv, &s.title_en).to_owned(),
                detail: s.person_name.clone(),
                mark: None,
                latvian: false,
            })
            .collect();
        out.push(Section::new(
            "stories-review",
            "attention-stories-review",
            Some(ctx.href("/site/stories")),
            stories,
        ));
    } else if user.can(Permission::SubmitPractice) {
        let returned = store::practices::lines(db, user.id, false)
            .await?
            .into_iter()
            .filter(|p| p.status == PracticeStatus::Returned)
            .map(|p| Item {
                href: ctx.href(&format!("/practice-submissions/{}/edit", p.id)),
                text: p.title_lv.clone(),
                detail: ctx.t("practice-status-returned"),
                mark: None,
                latvian: true,
            })
            .collect();
        out.push(Section::new(
            "practices-returned",
            "attention-practices-returned",
            Some(ctx.href("/practice-submissions")),
            returned,
        ));
    }

    let scope = user.action_scope();
    // (Someone without an organisation owns no actions: no section to check.)
    if user.can(Permission::ViewEvents) && scope != store::actions::Scope::Nothing {
        let overdue = store::actions::list(db, scope, true, today)
            .await?
            .into_iter()
            .filter(|a| a.is_overdue(today))
            .map(|a| Item {
                href: ctx.href(&format!("/actions/{}", a.id)),
                text: a.title(lang).to_owned(),
                detail: format!(
                    "{} · {}",
                    a.owner_name,
                    ctx.t1(
                        "attention-due",
                        "date",
                        a.due_date.map(|d| day(ctx, d)).unwrap_or_default()
                    )
                ),
                mark: None,
                latvian: false,
            })
            .collect();
        out.push(Section::new(
            "actions-overdue",
            "attention-actions-overdue",
            Some(ctx.href("/actions")),
            overdue,
        ));
    }

    if user.can(Permission::ManageEvents) {
        let missing = store::minutes::missing(db, now - MINUTES_DAYS * 86_400, now)
            .await?
            .into_iter()
            .map(|e| Item {
                href: ctx.href(&format!("/events/{}/minutes", e.event_id)),
                text: e.title(lang).to_owned(),
                detail: ctx.datetime(&e.starts_at),
                mark: None,
                latvian: false,
            })
            .collect();
        out.push(Section::new(
            "minutes-missing",
            "attention-minutes-missing",
            Some(ctx.href("/events")),
            missing,
        ));
        let unconfirmed = store::registrations::unconfirmed(db, now)
            .await?
            .into_iter()
            .map(|e| Item {
                href: ctx.href(&format!("/events/{}/registrations", e.event.event_id)),
                text: e.event.title(lang).to_owned(),
                detail: format!(
                    "{} · {}",
                    ctx.tn("attention-unconfirmed-count", "count", e.count),
                    ctx.datetime(&e.event.starts_at)
                ),
                mark: None,
                latvian: false,
            })
            .collect();
        out.push(Section::new(
            "registrations-unconfirmed",
            "attention-registrations-unconfirmed",
            Some(ctx.href("/events")),
            unconfirmed,
        ));
    }

    if !user.can(Permission::ManageEvents) {
        let invitations =
            store::invitations::unanswered(db, user.organisation_id, &user.email, now)
                .await?
                .into_iter()
                .map(|i| Item {
                    href: ctx.href(&format!("/invitations/{}", i.id)),
                    text: i.event.title(lang).to_owned(),
                    detail: format!(
                        "{} · {}",
                        ctx.datetime(&i.event.starts_at),
                        ctx.t1("attention-invited-at", "email", &i.email)
                    ),
                    mark: None,
                    latvian: false,
                })
                .collect();
        out.push(Section::new(
            "invitations",
            "attention-invitations",
            None,
            invitations,
        ));
    }

    if user.can(Permission::ManageMediation) {
        let awaiting = store::supervisors::awaiting(db, user.id, today).await?;
        let count = usize::try_from(awaiting).unwrap_or_default();
        out.push(Section::counted(
            "supervisors-awaiting",
            "attention-supervisors-awaiting",
            count,
            Item {
                href: ctx.href("/mediation/assignments"),
                text: ctx.tn("attention-supervisors-awaiting-count", "count", count),
                detail: String::new(),
                mark: None,
                latvian: false,
            },
        ));
    }

    if user.can(Permission::ManageUsers) {
        let failed = store::outbox::failed_since(db, now - OUTBOX_DAYS * 86_400).await?;
        let count = usize::try_from(failed).unwrap_or_default();
        out.push(Section::counted(
            "outbox-failed",
            "attention-outbox-failed",
            count,
            Item {
                href: ctx.href("/admin/outbox"),
                text: ctx.tn("attention-outbox-failed-count", "count", count),
                detail: String::new(),
                mark: None,
                latvian: false,
            },
        ));
    }
    Ok(out)
}

/// A mediator's own caseload: last month's report, next steps, quiet families, consents.
async fn caseload(
    state: &AppState,
    ctx: &PageCtx,
    user: &CurrentUser,
    today: Date,
) -> AppResult<Vec<Section>> {
    let db = state.db();
    let mut out = Vec::new();
    let family = |id: i64| ctx.href(&format!("/mediation/families/{id}"));

    let last_month = today.first_of_month().checked_sub(1.day()).unwrap_or(today);
    let month = format!("{:04}-{:02}", last_month.year(), last_month.month());
    let due = store::caseload::has_open_families(db, user.id).await?
        && !store::caseload::month_submitted(db, user.id, &month).await?;
    out.push(Section::counted(
        "month-report",
        "attention-month-report",
        usize::from(due),
        Item {
            href: ctx.href(&format!("/mediation/reports?month={month}")),
            text: args(
                ctx,
                "attention-month-report-item",
                &[
                    ("year", FluentValue::from(last_month.year().to_string())),
                    ("month", FluentValue::from(i64::from(last_month.month()))),
                ],
            ),
            detail: String::new(),
            mark: None,
            latvian: false,
        },
    ));

    let by = today.checked_add(NEXT_STEP_DAYS.days()).unwrap_or(today);
    let steps = store::caseload::next_steps(db, user.id, by)
        .await?
        .into_iter()
        .map(|s| Item {
            href: family(s.family_id),
            text: s.code,
            detail: ctx.t1("attention-next-step-on", "date", day(ctx, s.due)),
            mark: (s.due <= today).then_some("attention-urgent"),
            latvian: false,
        })
        .collect();
    out.push(Section::whole("next-steps", "attention-next-steps", steps));

    let before = today.checked_sub(QUIET_DAYS.days()).unwrap_or(today);
    let quiet = store::caseload::quiet(db, user.id, before)
        .await?
        .into_iter()
        .map(|q| Item {
            href: family(q.family_id),
            text: q.code,
            detail: match q.last_contact {
                Some(d) => ctx.t1("attention-last-contact", "date", day(ctx, d)),
                None => ctx.t("attention-no-contact"),
            },
            mark: None,
            latvian: false,
        })
        .collect();
    out.push(Section::whole(
        "families-quiet",
        "attention-families-quiet",
        quiet,
    ));

    let consents = store::caseload::consents_to_renew(db, user.id, today.year())
        .await?
        .into_iter()
        .map(|c| Item {
            href: format!("{}#consents", family(c.family_id)),
            text: format!("{} · {}", c.code, c.member_code),
            detail: format!(
                "{} · {}",
                ctx.t(c.purpose.label_key()),
                ctx.t1("attention-of-age", "year", c.of_age_in.to_string())
            ),
            mark: None,
            latvian: false,
        })
        .collect();
    out.push(Section::whole(
        "consents-renew",
        "attention-consents-renew",
        consents,
    ));
    Ok(out)
}
