//! Roma mediation, second part of the case log: consent per purpose (given, withdrawn in one
//! step), referrals to institutions and programmes with their status until resolved — a
//! referral shares information, so it rests on a sharing consent in force or on an urgent-
//! necessity override whose reason is logged and shown to the supervisor —, school
//! attendance and drop-out-risk follow-up per term, and the case's status with the reason
//! it closed. Contacts, referrals and follow-ups need the family's case-work consent first.
//! Only the family's mediator writes; every write logs a change of the record.

use domain::audit::AuditAction;
use domain::mediation::{
    ConsentPurpose, FollowupResult, GivenBy, Institution, ReferralStatus, Risk,
};
use domain::sealed::Keyring;
use domain::site::ChildView;
use jiff::civil::Date;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::mediation::{CaseScope, member_of, open, own_family, place, touch};
use crate::{Actor, Db, Error};

/// The version of the mediation privacy notice a consent is given under
/// (`domain::privacy_notices`).
pub const NOTICE_VERSION: &str = domain::privacy_notices::MEDIATION.current().id;

/// What a consent is for.
pub const PURPOSES: &[&str] = domain::mediation::ConsentPurpose::CODES;

/// The institutions information can be shared with.
pub const INSTITUTION_KINDS: &[&str] = {
    use domain::mediation::Institution as I;
    &[
        I::School.as_str(),
        I::SocialService.as_str(),
        I::HealthCare.as_str(),
        I::EmploymentAgency.as_str(),
        I::Other.as_str(),
    ]
};

/// Who gave a consent.
pub const GIVERS: &[&str] = domain::mediation::GivenBy::CODES;

/// A child's own view when a parent or guardian consented.
pub const CHILD_VIEWS: &[&str] = domain::site::ChildView::CODES;

/// Where a referral goes.
pub const REFERRAL_KINDS: &[&str] = domain::mediation::Institution::CODES;

/// A referral's status; the last three are resolved.
pub const REFERRAL_STATUSES: &[&str] = domain::mediation::ReferralStatus::CODES;

pub const RISKS: &[&str] = domain::mediation::Risk::CODES;

/// A term's result for a followed child.
pub const RESULTS: &[&str] = domain::mediation::FollowupResult::CODES;

pub const CASE_STATUSES: &[&str] = domain::mediation::CaseStatus::CODES;

/// Why a case closed.
pub const CLOSE_REASONS: &[&str] = domain::mediation::CloseReason::CODES;

/// Who writes to a case, and when: every case-log write takes one.
#[derive(Clone, Copy)]
pub struct CaseWrite<'a> {
    pub db: &'a Db,
    pub now: i64,
    pub today: Date,
    pub actor: &'a Actor,
    pub keys: &'a Keyring,
    pub scope: CaseScope,
}

/// A consent as the mediator sees it.
#[derive(Clone, PartialEq, Eq)]
pub struct Consent {
    pub id: i64,
    pub member_id: Option<i64>,
    pub member_code: Option<String>,
    pub purpose: ConsentPurpose,
    pub institution_kind: Option<Institution>,
    pub institution: Option<String>,
    pub given_by: GivenBy,
    pub child_view: Option<ChildView>,
    pub given_on: Date,
    pub notice_version: String,
    pub recorded_by: String,
    pub withdrawn_on: Option<Date>,
}

impl Consent {
    pub fn in_force(&self) -> bool {
        self.withdrawn_on.is_none()
    }
}

/// A referral as the mediator sees it.
#[derive(Clone, PartialEq, Eq)]
pub struct Referral {
    pub id: i64,
    pub member_code: Option<String>,
    pub referred_on: Date,
    pub kind: Institution,
    pub institution: Option<String>,
    pub consent_id: Option<i64>,
    /// The sharing consent it rests on is in force.
    pub consent_in_force: bool,
    pub override_reason: Option<String>,
    pub status: ReferralStatus,
    pub status_on: Date,
    pub note: Option<String>,
    /// The service of the directory it sends to: (id, Latvian title).
    pub service: Option<(i64, String)>,
}

impl Referral {
    pub fn resolved(&self) -> bool {
        matches!(self.status.as_str(), "helped" | "not_helped" | "cancelled")
    }

    /// An open referral whose sharing consent was withdrawn (or never given) and that has no
    /// urgent-necessity override: nothing more may be shared for it.
    pub fn blocked(&self) -> bool {
        !self.resolved() && !self.consent_in_force && self.override_reason.is_none()
    }
}

/// A school follow-up as the mediator sees it.
#[derive(Clone, PartialEq, Eq)]
pub struct Followup {
    pub id: i64,
    pub member_code: String,
    pub school_year: i64,
    pub term: i64,
    pub noted_on: Date,
    pub risk: Risk,
    pub action: Option<String>,
    pub result: Option<FollowupResult>,
    pub result_on: Option<Date>,
}

type ConsentRow = (
    i64,
    Option<i64>,
    Option<String>,
    String,
    Option<String>,
    Option<Vec<u8>>,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

type ReferralRow = (
    i64,
    Option<String>,
    String,
    String,
    Option<Vec<u8>>,
    Option<i64>,
    i64,
    Option<Vec<u8>>,
    String,
    String,
    Option<Vec<u8>>,
    Option<i64>,
    Option<String>,
);

type FollowupRow = (
    i64,
    String,
    i64,
    i64,
    String,
    String,
    Option<Vec<u8>>,
    Option<String>,
    Option<String>,
);

/// A family's consents, referrals and follow-ups, still sealed.
pub(crate) struct Rows(Vec<ConsentRow>, Vec<ReferralRow>, Vec<FollowupRow>);

/// Reads a family's log rows inside the transaction that logs the view.
pub(crate) async fn rows(conn: &mut SqliteConnection, family_id: i64) -> crate::Result<Rows> {
    let consents: Vec<ConsentRow> = sqlx::query_as(
        "SELECT c.id, c.member_id, m.code, c.purpose, c.institution_kind, c.institution_sealed,
                c.given_by, c.child_view, c.given_on, c.notice_version, u.name, c.withdrawn_on
         FROM mediation_consents c
         LEFT JOIN family_members m ON m.id = c.member_id
         JOIN users u ON u.id = c.recorded_by
         WHERE c.family_id = $1
         ORDER BY c.withdrawn_on IS NOT NULL, c.given_on DESC, c.id DESC",
    )
    .bind(family_id)
    .fetch_all(&mut *conn)
    .await?;
    let referrals: Vec<ReferralRow> = sqlx::query_as(
        "SELECT r.id, m.code, r.referred_on, r.kind, r.institution_sealed, r.consent_id,
                EXISTS (SELECT 1 FROM mediation_consents c
                        WHERE c.id = r.consent_id AND c.withdrawn_on IS NULL),
                r.override_reason_sealed, r.status, r.status_on, r.note_sealed, r.service_id,
                sv.title_lv
         FROM mediation_referrals r
         LEFT JOIN family_members m ON m.id = r.member_id
         LEFT JOIN services sv ON sv.id = r.service_id
         WHERE r.family_id = $1
         ORDER BY r.status IN ('helped', 'not_helped', 'cancelled'), r.referred_on DESC, r.id DESC",
    )
    .bind(family_id)
    .fetch_all(&mut *conn)
    .await?;
    let followups: Vec<FollowupRow> = sqlx::query_as(
        "SELECT s.id, m.code, s.school_year, s.term, s.noted_on, s.risk, s.action_sealed,
                s.result, s.result_on
         FROM school_followups s JOIN family_members m ON m.id = s.member_id
         WHERE s.family_id = $1
         ORDER BY s.school_year DESC, s.term DESC, m.code",
    )
    .bind(family_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Rows(consents, referrals, followups))
}

fn date(s: &str) -> crate::Result<Date> {
    s.parse()
        .map_err(|e| Error::Other(sqlx::Error::Decode(Box::new(e))))
}

/// Opens a family's log rows (sealed with the family's code).
pub(crate) fn open_rows(
    keys: &Keyring,
    code: &str,
    rows: Rows,
) -> crate::Result<(Vec<Consent>, Vec<Referral>, Vec<Followup>)> {
    let Rows(c, r, s) = rows;
    let mut consents = Vec::new();
    for c in c {
        consents.push(Consent {
            id: c.0,
            member_id: c.1,
            member_code: c.2,
            purpose: crate::from_code(&c.3),
            institution_kind: c.4.as_deref().map(crate::from_code),
            institution: open(keys, &place("mediation_consents.institution", code), c.5)?,
            given_by: crate::from_code(&c.6),
            child_view: c.7.as_deref().map(crate::from_code),
            given_on: date(&c.8)?,
            notice_version: c.9,
            recorded_by: c.10,
            withdrawn_on: c.11.as_deref().map(date).transpose()?,
        });
    }
    let mut referrals = Vec::new();
    for r in r {
        referrals.push(Referral {
            id: r.0,
            member_code: r.1,
            referred_on: date(&r.2)?,
            kind: crate::from_code(&r.3),
            institution: open(keys, &place("mediation_referrals.institution", code), r.4)?,
            consent_id: r.5,
            consent_in_force: r.6 != 0,
            override_reason: open(keys, &place("mediation_referrals.override", code), r.7)?,
            status: crate::from_code(&r.8),
            status_on: date(&r.9)?,
            note: open(keys, &place("mediation_referrals.note", code), r.10)?,
            service: r.11.zip(r.12),
        });
    }
    let mut followups = Vec::new();
    for s in s {
        followups.push(Followup {
            id: s.0,
            member_code: s.1,
            school_year: s.2,
            term: s.3,
            noted_on: date(&s.4)?,
            risk: crate::from_code(&s.5),
            action: open(keys, &place("school_followups.action", code), s.6)?,
            result: s.7.as_deref().map(crate::from_code),
            result_on: s.8.as_deref().map(date).transpose()?,
        });
    }
    Ok((consents, referrals, followups))
}

/// Whether the family's case-work consent (for the whole family) is in force.
async fn case_work_consent(conn: &mut SqliteConnection, family_id: i64) -> crate::Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT EXISTS (SELECT 1 FROM mediation_consents WHERE family_id = $1
           AND purpose = 'case_work' AND member_id IS NULL AND withdrawn_on IS NULL)",
    )
    .bind(family_id)
    .fetch_one(conn)
    .await?
        != 0)
}

/// Refuses a case-log entry while the family's case-work consent is not in force.
pub(crate) async fn require_case_work_consent(
    conn: &mut SqliteConnection,
    family_id: i64,
) -> crate::Result<()> {
    if case_work_consent(conn, family_id).await? {
        Ok(())
    } else {
        Err(Error::Conflict(
            crate::MediationConflict::CaseWorkConsent.into(),
        ))
    }
}

/// What the consent form gives.
#[derive(Clone, PartialEq, Eq)]
pub struct ConsentInput {
    /// None: for the whole family.
    pub member_id: Option<i64>,
    pub purpose: ConsentPurpose,
    pub institution_kind: Option<Institution>,
    pub institution: Option<String>,
    pub given_by: GivenBy,
    pub child_view: Option<ChildView>,
    pub given_on: Date,
}

/// Records a consent under the current notice. Named conflicts: `member` (not of this
/// family), `institution` (sharing needs the institution's kind and name; other purposes
/// take none), `given_by` (a parent or guardian consents for a child member only),
/// `child_view` (needed exactly when a parent or guardian consented).
pub async fn add_consent(
    w: &CaseWrite<'_>,
    family_id: i64,
    i: &ConsentInput,
) -> crate::Result<i64> {
    if !PURPOSES.contains(&i.purpose.as_str()) || !GIVERS.contains(&i.given_by.as_str()) {
        return Err(Error::Conflict(crate::MediationConflict::Purpose.into()));
    }
    let sharing = i.purpose == ConsentPurpose::Sharing;
    let kind_ok = i
        .institution_kind
        .is_some_and(|k| INSTITUTION_KINDS.contains(&k.as_str()));
    if sharing != kind_ok || sharing != i.institution.is_some() {
        return Err(Error::Conflict(
            crate::MediationConflict::Institution.into(),
        ));
    }
    let for_child = i.given_by != GivenBy::Person;
    if for_child != i.child_view.is_some() {
        return Err(Error::Conflict(crate::MediationConflict::ChildView.into()));
    }
    if i.given_on > w.today {
        return Err(Error::Conflict(crate::MediationConflict::From.into()));
    }
    let mut tx = w.db.write().await?;
    let (mediator, code) = own_family(&mut tx, w.scope, family_id).await?;
    match i.member_id {
        Some(m) => {
            let (relation, birth_year) = member_of(&mut tx, family_id, m).await?;
            // By birth year, all the record keeps: under 18 all that year, or 18 or older
            // all of it; in the year they turn 18 either may be so.
            let year = i64::from(i.given_on.year());
            let minor = birth_year.is_some_and(|y| y + 18 > year);
            let adult = birth_year.is_some_and(|y| y + 18 < year);
            // A parent or guardian consents for a child (a member recorded as one, or under
            // 18 whatever their place in the family), never for an adult.
            if for_child && (adult || (relation != "child" && !minor)) {
                return Err(Error::Conflict(crate::MediationConflict::GivenBy.into()));
            }
            // Someone under 18 does not consent alone: a parent or guardian does, with the
            // child's view.
            if !for_child && minor {
                return Err(Error::Conflict(crate::MediationConflict::Minor.into()));
            }
        }
        None if for_child => return Err(Error::Conflict(crate::MediationConflict::GivenBy.into())),
        None => {}
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO mediation_consents (family_id, member_id, purpose, institution_kind,
             institution_sealed, given_by, child_view, given_on, notice_version, recorded_by,
             recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(family_id)
    .bind(i.member_id)
    .bind(i.purpose.as_str())
    .bind(i.institution_kind.map(Institution::as_str))
    .bind(i.institution.as_deref().map(|t| {
        w.keys
            .seal(&place("mediation_consents.institution", &code), t)
    }))
    .bind(i.given_by.as_str())
    .bind(i.child_view.map(ChildView::as_str))
    .bind(i.given_on.to_string())
    .bind(NOTICE_VERSION)
    .bind(mediator)
    .bind(w.now)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, w.now, mediator, family_id, i.member_id).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(AuditAction::ConsentRecorded)
            .on("family", family_id)
            .detail(format!("consent={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws a consent in one step (from `today`). Returns how many open referrals rested
/// on it — they are blocked from w.now on unless overridden. Withdrawing twice changes nothing.
pub async fn withdraw_consent(
    w: &CaseWrite<'_>,
    family_id: i64,
    consent_id: i64,
) -> crate::Result<i64> {
    let mut tx = w.db.write().await?;
    let (mediator, _) = own_family(&mut tx, w.scope, family_id).await?;
    let changed = sqlx::query(
        "UPDATE mediation_consents SET withdrawn_on = $1, withdrawn_by = $2
         WHERE id = $3 AND family_id = $4 AND withdrawn_on IS NULL",
    )
    .bind(w.today.to_string())
    .bind(mediator)
    .bind(consent_id)
    .bind(family_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM mediation_consents WHERE id = $1 AND family_id = $2",
        )
        .bind(consent_id)
        .bind(family_id)
        .fetch_optional(&mut *tx)
        .await?;
        exists.ok_or(Error::NotFound)?;
        return Ok(0);
    }
    let blocked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediation_referrals WHERE consent_id = $1
           AND status IN ('open', 'in_progress') AND override_reason_sealed IS NULL",
    )
    .bind(consent_id)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, w.now, mediator, family_id, None).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(AuditAction::ConsentWithdrawn)
            .on("family", family_id)
            .detail(format!("consent={consent_id} blocked_referrals={blocked}")),
    )
    .await?;
    tx.commit().await?;
    Ok(blocked)
}

/// What the referral form gives.
#[derive(Clone, PartialEq, Eq)]
pub struct ReferralInput {
    pub member_id: Option<i64>,
    pub referred_on: Date,
    pub kind: Institution,
    pub institution: Option<String>,
    /// The sharing consent it rests on.
    pub consent_id: Option<i64>,
    /// An urgent necessity to refer without a sharing consent in force: why.
    pub override_reason: Option<String>,
    pub note: Option<String>,
    /// A service of the directory (checked by the caller to exist).
    pub service_id: Option<i64>,
}

/// Whether `consent_id` is a sharing consent of this family in force (for the whole family
/// or for `member`).
async fn sharing_consent_in_force(
    conn: &mut SqliteConnection,
    family_id: i64,
    consent_id: i64,
) -> crate::Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT EXISTS (SELECT 1 FROM mediation_consents WHERE id = $1 AND family_id = $2
           AND purpose = 'sharing' AND withdrawn_on IS NULL)",
    )
    .bind(consent_id)
    .bind(family_id)
    .fetch_one(conn)
    .await?
        != 0)
}

/// The institution kind a sharing consent must name to cover a referral of `kind`
/// (programmes and other places: "other").
pub fn institution_kind_for(kind: &str) -> &'static str {
    match kind {
        "school" => "school",
        "social_service" => "social_service",
        "health_care" => "health_care",
        "employment_agency" => "employment_agency",
        _ => "other",
    }
}

/// Whether a sharing consent of this family in force covers a referral: given for the whole
/// family or for the referral's member, naming the referral's kind of institution.
async fn consent_covers(
    conn: &mut SqliteConnection,
    family_id: i64,
    consent_id: i64,
    member_id: Option<i64>,
    kind: &str,
) -> crate::Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT EXISTS (SELECT 1 FROM mediation_consents WHERE id = $1 AND family_id = $2
           AND purpose = 'sharing' AND withdrawn_on IS NULL
           AND (member_id IS NULL OR member_id = $3) AND institution_kind = $4)",
    )
    .bind(consent_id)
    .bind(family_id)
    .bind(member_id)
    .bind(institution_kind_for(kind))
    .fetch_one(conn)
    .await?
        != 0)
}

/// Records a referral. Named conflicts: `case_work_consent`, `member`, `kind`, `consent`
/// (no sharing consent of this family in force and no override reason), `consent_scope`
/// (the chosen consent is for another person or another kind of institution, and no
/// override reason).
pub async fn add_referral(
    w: &CaseWrite<'_>,
    family_id: i64,
    i: &ReferralInput,
) -> crate::Result<i64> {
    if !REFERRAL_KINDS.contains(&i.kind.as_str()) {
        return Err(Error::Conflict(crate::MediationConflict::Kind.into()));
    }
    let mut tx = w.db.write().await?;
    let (mediator, code) = own_family(&mut tx, w.scope, family_id).await?;
    require_case_work_consent(&mut tx, family_id).await?;
    if let Some(m) = i.member_id {
        member_of(&mut tx, family_id, m).await?;
    }
    // A service of the directory must be one not withdrawn that serves the family's place
    // (or all Latvia).
    if let Some(service) = i.service_id {
        let serves: Option<i64> = sqlx::query_scalar(
            "SELECT s.id FROM services s JOIN families f ON f.id = $2
             WHERE s.id = $1 AND s.withdrawn_at IS NULL
               AND (NOT EXISTS (SELECT 1 FROM service_places p WHERE p.service_id = s.id)
                    OR EXISTS (SELECT 1 FROM service_places p
                               WHERE p.service_id = s.id AND p.territory_id = f.territory_id))",
        )
        .bind(service)
        .bind(family_id)
        .fetch_optional(&mut *tx)
        .await?;
        if serves.is_none() {
            return Err(crate::DialogueConflict::Link.into());
        }
    }
    let consent_ok = match i.consent_id {
        Some(c) => consent_covers(&mut tx, family_id, c, i.member_id, i.kind.as_str()).await?,
        None => false,
    };
    if !consent_ok && i.override_reason.is_none() {
        let in_force = match i.consent_id {
            Some(c) => sharing_consent_in_force(&mut tx, family_id, c).await?,
            None => false,
        };
        return Err(Error::Conflict(
            if in_force {
                crate::MediationConflict::ConsentScope
            } else {
                crate::MediationConflict::Consent
            }
            .into(),
        ));
    }
    let seal = |column: &str, v: &Option<String>| {
        v.as_deref().map(|t| w.keys.seal(&place(column, &code), t))
    };
    let overridden = !consent_ok && i.override_reason.is_some();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO mediation_referrals (family_id, member_id, referred_on, kind,
             institution_sealed, consent_id, override_reason_sealed, override_at, status,
             status_on, note_sealed, recorded_by, recorded_at, updated_at, service_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $3, $9, $10, $11, $11, $12)
         RETURNING id",
    )
    .bind(family_id)
    .bind(i.member_id)
    .bind(i.referred_on.to_string())
    .bind(i.kind.as_str())
    .bind(seal("mediation_referrals.institution", &i.institution))
    .bind(i.consent_id.filter(|_| consent_ok))
    .bind(if overridden {
        seal("mediation_referrals.override", &i.override_reason)
    } else {
        None
    })
    .bind(overridden.then_some(w.now))
    .bind(seal("mediation_referrals.note", &i.note))
    .bind(mediator)
    .bind(w.now)
    .bind(i.service_id)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, w.now, mediator, family_id, i.member_id).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(if overridden {
            AuditAction::ReferralUrgentOverride
        } else {
            AuditAction::ReferralRecorded
        })
        .on("family", family_id)
        .detail(format!("referral={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A referral's new status, with an optional note and, when its sharing consent is not in
/// force, the reason of urgent necessity.
#[derive(Clone, Copy)]
pub struct ReferralUpdate<'a> {
    pub status: &'a str,
    pub note: Option<&'a str>,
    pub override_reason: Option<&'a str>,
}

/// A referral's status change. A referral whose sharing consent was withdrawn moves on only
/// to `cancelled`, or with an urgent-necessity override given w.now (`MediationConflict::Consent`).
pub async fn update_referral(
    w: &CaseWrite<'_>,
    family_id: i64,
    referral_id: i64,
    u: &ReferralUpdate<'_>,
) -> crate::Result<()> {
    let ReferralUpdate {
        status,
        note,
        override_reason,
    } = *u;
    if !REFERRAL_STATUSES.contains(&status) {
        return Err(Error::Conflict(crate::MediationConflict::Status.into()));
    }
    let mut tx = w.db.write().await?;
    let (mediator, code) = own_family(&mut tx, w.scope, family_id).await?;
    if status != "cancelled" {
        require_case_work_consent(&mut tx, family_id).await?;
    }
    let found: Option<(Option<i64>, bool)> = sqlx::query_as(
        "SELECT r.consent_id, r.override_reason_sealed IS NOT NULL
         FROM mediation_referrals r WHERE r.id = $1 AND r.family_id = $2",
    )
    .bind(referral_id)
    .bind(family_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (consent_id, has_override) = found.ok_or(Error::NotFound)?;
    let consent_ok = match consent_id {
        Some(c) => sharing_consent_in_force(&mut tx, family_id, c).await?,
        None => false,
    };
    let new_override = !consent_ok && !has_override && status != "cancelled";
    if new_override && override_reason.is_none() {
        return Err(Error::Conflict(crate::MediationConflict::Consent.into()));
    }
    let mut q =
        String::from("UPDATE mediation_referrals SET status = $1, status_on = $2, updated_at = $3");
    if note.is_some() {
        q.push_str(", note_sealed = $6");
    }
    if new_override {
        q.push_str(", override_reason_sealed = $7, override_at = $3");
    }
    q.push_str(" WHERE id = $4 AND family_id = $5");
    sqlx::query(sqlx::AssertSqlSafe(q))
        .bind(status)
        .bind(w.today.to_string())
        .bind(w.now)
        .bind(referral_id)
        .bind(family_id)
        .bind(note.map(|n| w.keys.seal(&place("mediation_referrals.note", &code), n)))
        .bind(override_reason.filter(|_| new_override).map(|r| {
            w.keys
                .seal(&place("mediation_referrals.override", &code), r)
        }))
        .execute(&mut *tx)
        .await?;
    touch(&mut tx, w.now, mediator, family_id, None).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(if new_override {
            AuditAction::ReferralUrgentOverride
        } else {
            AuditAction::ReferralUpdated
        })
        .on("family", family_id)
        .detail(format!("referral={referral_id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What the school follow-up form gives.
#[derive(Clone, PartialEq, Eq)]
pub struct FollowupInput {
    pub member_id: i64,
    pub school_year: i64,
    pub term: i64,
    pub noted_on: Date,
    pub risk: Risk,
    pub action: Option<String>,
}

/// Starts a child's follow-up for a term. Named conflicts: `case_work_consent`, `member`
/// (not a child of this family), `risk`, `term` (already followed that term).
pub async fn add_followup(
    w: &CaseWrite<'_>,
    family_id: i64,
    i: &FollowupInput,
) -> crate::Result<i64> {
    if !RISKS.contains(&i.risk.as_str()) {
        return Err(Error::Conflict(crate::MediationConflict::Risk.into()));
    }
    let mut tx = w.db.write().await?;
    let (mediator, code) = own_family(&mut tx, w.scope, family_id).await?;
    require_case_work_consent(&mut tx, family_id).await?;
    let (relation, _) = member_of(&mut tx, family_id, i.member_id).await?;
    if relation != "child" {
        return Err(Error::Conflict(crate::MediationConflict::Member.into()));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO school_followups (family_id, member_id, school_year, term, noted_on, risk,
             action_sealed, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(family_id)
    .bind(i.member_id)
    .bind(i.school_year)
    .bind(i.term)
    .bind(i.noted_on.to_string())
    .bind(i.risk.as_str())
    .bind(
        i.action
            .as_deref()
            .map(|a| w.keys.seal(&place("school_followups.action", &code), a)),
    )
    .bind(mediator)
    .bind(w.now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| Error::unique(e, crate::MediationConflict::Term.into()))?;
    touch(&mut tx, w.now, mediator, family_id, Some(i.member_id)).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(AuditAction::SchoolFollowupStarted).on("family", family_id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Records the result at the end of the term (or clears it with `None`).
pub async fn set_followup_result(
    w: &CaseWrite<'_>,
    family_id: i64,
    followup_id: i64,
    result: Option<&str>,
) -> crate::Result<()> {
    if result.is_some_and(|r| !RESULTS.contains(&r)) {
        return Err(Error::Conflict(crate::MediationConflict::Result.into()));
    }
    let mut tx = w.db.write().await?;
    let (mediator, _) = own_family(&mut tx, w.scope, family_id).await?;
    require_case_work_consent(&mut tx, family_id).await?;
    let changed = sqlx::query(
        "UPDATE school_followups SET result = $1, result_on = $2 WHERE id = $3 AND family_id = $4",
    )
    .bind(result)
    .bind(result.map(|_| w.today.to_string()))
    .bind(followup_id)
    .bind(family_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::NotFound);
    }
    touch(&mut tx, w.now, mediator, family_id, None).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(AuditAction::SchoolFollowupResult).on("family", family_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the case's status; closing needs a reason (`MediationConflict::Reason`) and is dated
/// `today` (retention counts from it); reopening clears the reason.
pub async fn set_status(
    w: &CaseWrite<'_>,
    family_id: i64,
    status: &str,
    reason: Option<&str>,
) -> crate::Result<()> {
    if !CASE_STATUSES.contains(&status) {
        return Err(Error::Conflict(crate::MediationConflict::Status.into()));
    }
    let closing = status == "closed";
    if closing != reason.is_some_and(|r| CLOSE_REASONS.contains(&r)) {
        return Err(Error::Conflict(crate::MediationConflict::Reason.into()));
    }
    let mut tx = w.db.write().await?;
    let (mediator, _) = own_family(&mut tx, w.scope, family_id).await?;
    let anonymised: Option<i64> =
        sqlx::query_scalar("SELECT anonymised_at FROM families WHERE id = $1")
            .bind(family_id)
            .fetch_one(&mut *tx)
            .await?;
    if anonymised.is_some() {
        return Err(Error::Conflict(crate::MediationConflict::Anonymised.into()));
    }
    sqlx::query(
        "UPDATE families SET status = $1, closed_reason = $2, closed_on = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(reason.filter(|_| closing))
    .bind(closing.then(|| w.today.to_string()))
    .bind(family_id)
    .execute(&mut *tx)
    .await?;
    touch(&mut tx, w.now, mediator, family_id, None).await?;
    audit::record(
        &mut tx,
        w.now,
        w.actor,
        &AuditEvent::new(AuditAction::CaseStatusChanged).on("family", family_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

crate::mediation::debug_without_plaintext!(
    Consent => id,
    Referral => id,
    Followup => id,
    ConsentInput => purpose,
    ReferralInput => kind,
    FollowupInput => risk,
);

impl std::fmt::Debug for CaseWrite<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CaseWrite")
            .field("now", &self.now)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for ReferralUpdate<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReferralUpdate")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}
