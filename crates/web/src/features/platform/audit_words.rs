//! The audit log in words: each row's record named (a plan by its name, a person by theirs,
//! a family by its code only) and linked to its page, and its detail worded — keys as
//! labels, codes as their vocabulary's labels, other records by their names. The page and
//! its exports read the same words.

use std::collections::HashMap;

use domain::audit::AuditAction;
use store::audit::{Entry, Name};

use crate::http::error::AppResult;
use crate::page::PageCtx;

/// Record kinds and their names' messages.
const KINDS: &[(&str, &str)] = &[
    ("action", "audit-entity-action"),
    ("api_token", "audit-entity-api-token"),
    ("audit_log", "audit-entity-audit-log"),
    ("breach", "audit-entity-breach"),
    ("consultation", "audit-entity-consultation"),
    ("event", "audit-entity-event"),
    ("family", "audit-entity-family"),
    ("import", "audit-entity-import"),
    ("indicator", "audit-entity-indicator"),
    ("issued_report", "audit-entity-issued-report"),
    ("measure", "audit-entity-measure"),
    ("need", "audit-entity-need"),
    ("mediator_report", "audit-entity-mediator-report"),
    ("news", "audit-entity-news"),
    ("organisation", "audit-entity-organisation"),
    ("person", "audit-entity-person"),
    ("plan", "audit-entity-plan"),
    ("practice", "audit-entity-practice"),
    ("report", "audit-entity-report"),
    ("round", "audit-entity-round"),
    ("service", "audit-entity-service"),
    ("story", "audit-entity-story"),
    ("subject_request", "audit-entity-subject-request"),
    ("territory", "audit-entity-territory"),
    ("user", "audit-entity-user"),
];

/// Detail keys and their labels' messages (a test checks every key the sources write).
const KEYS: &[(&str, &str)] = &[
    ("action", "audit-key-action"),
    ("already", "audit-key-already"),
    ("assignment", "audit-key-assignment"),
    ("attendance", "audit-key-attendance"),
    ("basis", "audit-key-basis"),
    ("blocked_referrals", "audit-key-blocked-referrals"),
    ("comment", "audit-key-comment"),
    ("consent", "audit-key-consent"),
    ("contacts", "audit-key-contacts"),
    ("count", "audit-key-count"),
    ("created", "audit-key-created"),
    ("digest", "audit-key-digest"),
    ("document", "audit-key-document"),
    ("due", "audit-key-due"),
    ("fields", "audit-key-fields"),
    ("file", "audit-key-file"),
    ("filters", "audit-key-filters"),
    ("format", "audit-key-format"),
    ("from", "audit-key-from"),
    ("handover", "audit-key-handover"),
    ("into", "audit-key-into"),
    ("invitation", "audit-key-invitation"),
    ("invited", "audit-key-invited"),
    ("item", "audit-key-item"),
    ("key", "audit-key-key"),
    ("kind", "audit-key-kind"),
    ("mails", "audit-key-mails"),
    ("measure", "audit-key-measure"),
    ("measures", "audit-key-measures"),
    ("membership", "audit-key-membership"),
    ("month", "audit-key-month"),
    ("moved", "audit-key-moved"),
    ("off", "audit-key-off"),
    ("organisation", "audit-key-organisation"),
    ("organisations", "audit-key-organisations"),
    ("page", "audit-key-page"),
    ("parents", "audit-key-parents"),
    ("people", "audit-key-people"),
    ("person", "audit-key-person"),
    ("plan", "audit-key-plan"),
    ("practice", "audit-key-practice"),
    ("proposed_by", "audit-key-proposed-by"),
    ("referral", "audit-key-referral"),
    ("registration", "audit-key-registration"),
    ("removed", "audit-key-removed"),
    ("reports", "audit-key-reports"),
    ("resealed", "audit-key-resealed"),
    ("risk", "audit-key-risk"),
    ("role", "audit-key-role"),
    ("rows", "audit-key-rows"),
    ("rule", "audit-key-rule"),
    ("sent", "audit-key-sent"),
    ("skipped", "audit-key-skipped"),
    ("source", "audit-key-source"),
    ("status", "audit-key-status"),
    ("supervisor", "audit-key-supervisor"),
    ("task", "audit-key-task"),
    ("territory", "audit-key-territory"),
    ("to", "audit-key-to"),
    ("updated", "audit-key-updated"),
    ("user", "audit-key-user"),
    ("year", "audit-key-year"),
];

/// The log's common words (a registration's source, a released registration's reason …).
const WORDS: &[(&str, &str)] = &[
    ("anonymised", "audit-word-anonymised"),
    ("api", "audit-word-api"),
    ("by_hand", "audit-word-by-hand"),
    ("confirmed", "audit-word-confirmed"),
    ("consent", "audit-word-consent"),
    ("coordinator", "audit-word-coordinator"),
    ("down", "audit-word-down"),
    ("email", "audit-word-email"),
    ("import", "audit-word-import"),
    ("invitation", "audit-word-invitation"),
    ("name", "audit-word-name"),
    ("organisation", "audit-word-organisation"),
    ("phone", "audit-word-phone"),
    ("public", "audit-word-public"),
    ("registrant", "audit-word-registrant"),
    ("registration", "audit-word-registration"),
    ("replaced", "audit-word-replaced"),
    ("unconfirmed", "audit-word-unconfirmed"),
    ("up", "audit-word-up"),
    ("waiting", "audit-word-waiting"),
    ("walk_in", "audit-word-walk-in"),
    ("website", "audit-word-website"),
    ("workspace", "audit-word-workspace"),
];

/// Detail keys whose value is another record's id, and the kind of that record.
const REFERENCES: &[(&str, &str)] = &[
    ("action", "action"),
    ("assignment", "assignment"),
    ("from", "user"),
    ("into", "need"),
    ("measure", "measure"),
    ("organisation", "organisation"),
    ("person", "person"),
    ("plan", "plan"),
    ("practice", "practice"),
    ("proposed_by", "user"),
    ("supervisor", "user"),
    ("task", "task"),
    ("territory", "territory"),
    ("to", "user"),
    ("user", "user"),
];

/// Where a record kind's page is (after the language), for those a coordinator opens.
fn page_of(kind: &str, id: i64) -> Option<String> {
    let path = match kind {
        "action" => format!("/actions/{id}"),
        "breach" => format!("/privacy/breaches/{id}"),
        "consultation" => format!("/consultations/manage/{id}/edit"),
        "subject_request" => format!("/privacy/requests/{id}"),
        "event" => format!("/events/{id}"),
        "indicator" => format!("/indicators/{id}"),
        "measure" => format!("/measures/{id}"),
        "news" => format!("/site/news/{id}/edit"),
        "need" => format!("/needs/{id}"),
        "service" => format!("/services/manage/{id}/edit"),
        "organisation" => format!("/organisations/{id}"),
        "person" => format!("/people/{id}"),
        "plan" => format!("/plans/{id}"),
        "practice" => format!("/practice-submissions/{id}"),
        "report" => format!("/reports/{id}"),
        "round" => format!("/rounds/{id}"),
        "story" => format!("/site/stories/{id}"),
        "user" => format!("/admin/users/{id}"),
        _ => return None,
    };
    Some(path)
}

/// A row's record: what kind, its name (or number when it has none or is gone), and its
/// page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub text: String,
    pub href: Option<String>,
}

/// The names the rows on a page refer to, read at once.
#[derive(Debug)]
pub struct Wording {
    names: HashMap<(String, i64), Name>,
}

/// The records `e` refers to: its own and those its detail names.
fn references(e: &Entry) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    if let (Some(kind), Some(id)) = (&e.entity, &e.entity_id)
        && let Ok(id) = id.parse::<i64>()
    {
        out.push((kind.clone(), id));
    }
    for token in tokens(e.detail.as_deref().unwrap_or_default()) {
        if let Some((key, value)) = token.split_once('=')
            && let Some((_, kind)) = REFERENCES.iter().find(|(k, _)| *k == key)
            && let Ok(id) = value.parse::<i64>()
        {
            out.push(((*kind).to_owned(), id));
        }
    }
    out
}

/// A detail's parts: `key=value` pairs and words, separated by spaces; a JSON object's
/// members as pairs.
fn tokens(detail: &str) -> Vec<String> {
    if detail.starts_with('{')
        && let Ok(serde_json::Value::Object(members)) = serde_json::from_str(detail)
    {
        return members
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect();
    }
    // `key=a,b` keeps its list together (its value is worded as a whole); bare codes are
    // listed with commas as well as spaces.
    detail
        .split(' ')
        .flat_map(|piece| {
            if piece.contains('=') {
                vec![piece]
            } else {
                piece.split(',').collect()
            }
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Wording {
    pub async fn load(db: &store::Db, entries: &[Entry]) -> AppResult<Wording> {
        let wanted: Vec<(String, i64)> = entries.iter().flat_map(references).collect();
        Ok(Wording {
            names: store::audit::names(db, &wanted).await?,
        })
    }

    fn name(&self, ctx: &PageCtx, kind: &str, id: i64) -> Option<String> {
        self.names
            .get(&(kind.to_owned(), id))
            .map(|n| store::pick(ctx.lang.code(), &n.lv, &n.en).to_owned())
    }

    /// Who acted: the user's name, or in words what acted without one.
    pub fn actor(&self, ctx: &PageCtx, e: &Entry) -> String {
        match (&e.actor_name, &e.actor_label) {
            (Some(name), _) => name.clone(),
            (None, Some(label)) => ctx.actor_label(label),
            (None, None) => String::new(),
        }
    }

    /// "Pasākums: Ikgadējā koordinācijas sanāksme", linked; "Ģimene: F-7V2MN9"; a record
    /// gone since reads "Persona Nr. 12".
    pub fn record(&self, ctx: &PageCtx, e: &Entry) -> Record {
        let Some(kind) = &e.entity else {
            return Record::default();
        };
        let label = kind_label(ctx, kind);
        let Some(raw) = &e.entity_id else {
            return Record {
                text: label,
                href: None,
            };
        };
        let Ok(id) = raw.parse::<i64>() else {
            return Record {
                text: format!("{label}: {raw}"),
                href: None,
            };
        };
        // Who declared a Roma identity is special-category data: the log (and a filtered
        // export of it) never becomes a list of such names — the person by number, linked.
        let by_number = matches!(
            AuditAction::parse(&e.action),
            Some(AuditAction::RomaIdentityRecorded | AuditAction::RomaIdentityWithdrawn)
        );
        if by_number {
            return Record {
                text: format!("{label} {}", numbered(ctx, raw)),
                href: page_of(kind, id).map(|p| ctx.href(&p)),
            };
        }
        match self.name(ctx, kind, id) {
            Some(name) => Record {
                text: format!("{label}: {name}"),
                href: page_of(kind, id).map(|p| ctx.href(&p)),
            },
            None => Record {
                text: format!("{label} {}", numbered(ctx, raw)),
                href: None,
            },
        }
    }

    /// The detail in words: "Statuss: Pabeigta", "Melnraksts → Publicēts",
    /// "Organizācija: Jelgavas valstspilsētas pašvaldība".
    pub fn detail(&self, ctx: &PageCtx, e: &Entry) -> String {
        let Some(detail) = e.detail.as_deref() else {
            return String::new();
        };
        let action = AuditAction::parse(&e.action).unwrap_or(AuditAction::Other);
        // An issued report's detail is its kind, period, language and audience.
        if action == AuditAction::ReportIssued || action == AuditAction::ReportWithdrawn {
            return issued_words(ctx, detail);
        }
        tokens(detail)
            .iter()
            .map(|t| self.token(ctx, action, t))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn token(&self, ctx: &PageCtx, action: AuditAction, token: &str) -> String {
        match token.split_once('=') {
            Some((key, value)) => {
                let label = word(ctx, KEYS, key);
                format!("{label}: {}", self.value(ctx, action, key, value))
            }
            None => code_words(ctx, action, token),
        }
    }

    fn value(&self, ctx: &PageCtx, action: AuditAction, key: &str, value: &str) -> String {
        if let Some((_, kind)) = REFERENCES.iter().find(|(k, _)| *k == key)
            && let Ok(id) = value.parse::<i64>()
        {
            return self
                .name(ctx, kind, id)
                .unwrap_or_else(|| numbered(ctx, value));
        }
        match key {
            "role" => transition(value, |c| {
                domain::auth::Role::parse(c).map(|r| ctx.t(r.label_key()))
            }),
            "status" => code_words(ctx, action, value),
            // A user's notice settings: the kinds turned off, and how they are sent.
            "off" if value == "-" => ctx.t("audit-notices-none-off"),
            "off" => value
                .split(',')
                .map(|c| {
                    domain::notice::NoticeKind::parse(c)
                        .map_or_else(|| c.to_owned(), |k| ctx.t(k.label_key()))
                })
                .collect::<Vec<_>>()
                .join("; "),
            // A site page by its name ("page=contacts").
            "page" if matches!(value, "about" | "who-is-who" | "contacts") => {
                ctx.t(&format!("site-page-{value}"))
            }
            // A storage limit: the rule by its name.
            "rule" => domain::retention::rule(value).map_or_else(
                || value.to_owned(),
                |r| {
                    if ctx.lang.code() == "en" {
                        r.name.1
                    } else {
                        r.name.0
                    }
                    .to_owned()
                },
            ),
            // A breach's risk, and the fields of its record that changed, in words.
            "risk" => domain::privacy::BreachRisk::parse(value)
                .map_or_else(|| value.to_owned(), |r| ctx.t(r.label_key())),
            // A data subject's request: what was asked, and the fields that changed.
            "kind" => domain::privacy::RequestKind::parse(value)
                .map_or_else(|| value.to_owned(), |k| ctx.t(k.label_key())),
            "fields" => value
                .split(',')
                .map(|f| {
                    match if action == AuditAction::SubjectRequestUpdated {
                        REQUEST_FIELDS
                    } else {
                        BREACH_FIELDS
                    }
                    .iter()
                    .find(|(k, _)| *k == f)
                    {
                        Some((_, label)) => ctx.t(label),
                        None => f.to_owned(),
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            // Why a need could be published: its raiser's consent, or anonymised text.
            "basis" => code_words(ctx, action, value),
            "digest" if value == "yes" => ctx.t("audit-notices-weekly"),
            "digest" => ctx.t("audit-notices-each"),
            _ if value.parse::<i64>().is_ok() && is_record_key(key) => numbered(ctx, value),
            _ if value.contains(',') => value
                .split(',')
                .map(|c| code_words(ctx, action, c))
                .collect::<Vec<_>>()
                .join(", "),
            _ => value.to_owned(),
        }
    }
}

/// The fields of a request's record (`store::subject_requests`) by their form field's label.
const REQUEST_FIELDS: &[(&str, &str)] = &[
    ("kind", "request-kind"),
    ("person", "request-person"),
    ("requester_name", "request-requester-name"),
    ("requester_email", "request-requester-email"),
    ("reply_to", "request-reply-to"),
    ("received_on", "request-received-on"),
    ("details", "request-details"),
    ("identity_checked", "request-identity-checked"),
    ("extension_reason", "request-extension-reason"),
    ("outcome", "request-outcome"),
    ("closed_on", "request-closed-on"),
    ("response", "request-response"),
];

/// The fields of a breach's record (`store::breaches`) by the label of their form field.
const BREACH_FIELDS: &[(&str, &str)] = &[
    ("title", "breach-title"),
    ("discovered_at", "breach-discovered"),
    ("occurred_on", "breach-occurred-on"),
    ("what_happened", "breach-what-happened"),
    ("categories", "breach-categories"),
    ("people_count", "breach-people-count"),
    ("consequences", "breach-consequences"),
    ("measures", "breach-measures"),
    ("risk", "breach-risk"),
    ("authority_notified_at", "breach-notified-date"),
    ("authority_reference", "breach-authority-reference"),
    ("not_notified_reason", "breach-not-notified-reason"),
    ("delay_reason", "breach-delay-reason"),
    ("people_told_on", "breach-people-told-on"),
    ("people_not_told_reason", "breach-people-not-told-reason"),
    ("closed_on", "breach-closed-on"),
];

/// Keys naming one of an event's or a case's own rows by its number.
fn is_record_key(key: &str) -> bool {
    matches!(
        key,
        "assignment"
            | "attendance"
            | "consent"
            | "document"
            | "file"
            | "handover"
            | "invitation"
            | "item"
            | "membership"
            | "referral"
            | "registration"
            | "task"
    )
}

/// An issued report's kind/year/language/audience in words: "<its title>; 2025; English;
/// publisks (…)".
fn issued_words(ctx: &PageCtx, detail: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("annual", "report-annual-title"),
        ("national", "report-national-title"),
        ("grant", "report-grant-title"),
    ];
    const AUDIENCES: &[(&str, &str)] = &[
        ("public", "report-audience-public"),
        ("internal", "report-audience-internal"),
    ];
    let parts: Vec<&str> = detail.split('/').collect();
    let [kind, year, lang, audience] = parts.as_slice() else {
        return detail.to_owned();
    };
    let language = crate::i18n::Lang::parse(lang).map_or_else(
        || (*lang).to_owned(),
        |l| crate::i18n::t(l, "language-name"),
    );
    format!(
        "{}; {year}; {language}; {}",
        word(ctx, KINDS, kind),
        word(ctx, AUDIENCES, audience)
    )
}

/// "Nr. 12" / "No. 12".
fn numbered(ctx: &PageCtx, id: &str) -> String {
    ctx.t1("audit-number", "id", id)
}

/// What kind of record: "Pasākums", "Ģimene" (the code itself when the kind is unknown).
fn kind_label(ctx: &PageCtx, kind: &str) -> String {
    word(ctx, KINDS, kind)
}

/// The message a table gives a code, or the code itself.
fn word(ctx: &PageCtx, table: &[(&str, &'static str)], code: &str) -> String {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_owned(), |(_, id)| ctx.t(id))
}

/// "a→b" with each side worded by `f` (or kept as it is).
fn transition(value: &str, f: impl Fn(&str) -> Option<String>) -> String {
    value
        .split('→')
        .map(|c| f(c).unwrap_or_else(|| c.to_owned()))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A code in the action's own vocabulary (a status, a channel, a category), or a common
/// word of the log ("confirmed", "walk_in"), or the code as it is.
fn code_words(ctx: &PageCtx, action: AuditAction, value: &str) -> String {
    use AuditAction::*;
    transition(value, |c| {
        let key = match action {
            EventStatusChanged => {
                domain::event::EventStatus::parse(c).map(domain::event::EventStatus::label_key)
            }
            ActionProgress => domain::event::ActionStatus::parse(c).map(|s| s.label_key()),
            CaseStatusChanged => domain::mediation::CaseStatus::parse(c).map(|s| s.label_key()),
            StoryConsentRecorded | StoryConsentWithdrawn => {
                domain::site::StoryChannel::parse(c).map(|s| s.label_key())
            }
            AttendanceCategorySet => {
                domain::participation::Category::parse(c).map(|s| s.label_key())
            }
            _ => None,
        };
        match key {
            Some(k) => Some(ctx.t(k)),
            None => Some(word(ctx, WORDS, c)),
        }
    })
}
