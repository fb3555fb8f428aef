//! The synthetic mediation world of the demo: four invented mediators in the five demo
//! municipalities (Balvi — Viļaka —, Jelgava, Rīga, Valmiera, Ventspils), 149 invented
//! families with a little over 180 assisted persons since September 2024, their consents,
//! contacts, referrals and school follow-ups, so the aggregate screens show the scale the
//! platform reported. Every name and note says it is invented; everything is written
//! through the store's own functions (sealed, consent-checked, logged) with a fixed seed.

use domain::sealed::Keyring;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::Rng;
use store::mediation::{CaseScope, ContactInput, FamilyInput, MemberInput};
use store::mediation_log::{CaseWrite, ConsentInput, FollowupInput, ReferralInput, ReferralUpdate};
use store::{Actor, Db};

const META_KEY: &str = "demo_mediation_seeded";

/// The invented mediators besides the demo mediator user: (e-mail, name, municipalities).
const MEDIATORS: [(&str, &str, &[&str]); 3] = [
    (
        "mediatore.jelgava@demo.roma.invalid",
        "Demo Mediatore Jelgavā (izdomāta)",
        &["jelgava"],
    ),
    (
        "mediators.riga@demo.roma.invalid",
        "Demo Mediators Rīgā (izdomāts)",
        &["riga"],
    ),
    (
        "mediatore.kurzeme@demo.roma.invalid",
        "Demo Mediatore Valmierā un Ventspilī (izdomāta)",
        &["valmieras-novads", "ventspils"],
    ),
];

/// Families per municipality (149 in all).
const FAMILIES: [(&str, usize); 5] = [
    ("balvu-novads", 28),
    ("jelgava", 38),
    ("riga", 37),
    ("valmieras-novads", 22),
    ("ventspils", 24),
];

/// Invented notes, sealed like real ones.
const NOTES: [&str; 8] = [
    "Izdomāta piezīme: kopā aizpildījām pieteikumu skolas pusdienām.",
    "Izdomāta piezīme: pavadīju uz sociālo dienestu, runājām par pabalstu.",
    "Izdomāta piezīme: palīdzēju pierakstīties pie ģimenes ārsta.",
    "Izdomāta piezīme: izskaidroju NVA apmācību programmu.",
    "Izdomāta piezīme: tikšanās ar klases audzinātāju par kavējumiem.",
    "Izdomāta piezīme: palīdzēju atjaunot personas apliecību.",
    "Izdomāta piezīme: runājām par dzīvokļa īres līgumu.",
    "Izdomāta piezīme: izskaidroju ESF atbalsta iespējas ģimenēm.",
];

const AREAS: [(&str, u32); 8] = [
    ("education", 30),
    ("social_services", 22),
    ("employment", 12),
    ("health", 12),
    ("housing", 8),
    ("documents", 10),
    ("childrens_rights", 4),
    ("other", 2),
];

const PLACES: [(&str, u32); 4] = [
    ("office", 35),
    ("home_visit", 30),
    ("institution", 20),
    ("phone", 15),
];

const REFERRALS: [(&str, &str, &str); 6] = [
    ("school", "school", "Demo pamatskola (izdomāta)"),
    (
        "social_service",
        "social_service",
        "Demo sociālais dienests (izdomāts)",
    ),
    (
        "health_care",
        "health_care",
        "Demo ģimenes ārsta prakse (izdomāta)",
    ),
    (
        "employment_agency",
        "employment_agency",
        "NVA demo filiāle (izdomāta)",
    ),
    (
        "esf_programme",
        "other",
        "Demo ESF+ atbalsta programma (izdomāta)",
    ),
    (
        "municipal_programme",
        "other",
        "Demo pašvaldības programma (izdomāta)",
    ),
];

/// Seeds the mediation world once (a meta flag); `false` when it was there already or the
/// demo's users and the first assignment are missing.
pub async fn seed(db: &Db, now: i64, keys: &Keyring) -> store::Result<bool> {
    if store::maintenance::get_meta(db, META_KEY).await?.is_some() {
        return Ok(false);
    }
    let (Some(first), Some(coordinator)) = (
        store::users::find_by_email(db, "mediators@demo.roma.invalid").await?,
        store::users::find_by_email(db, "koordinators@demo.roma.invalid").await?,
    ) else {
        return Ok(false);
    };
    let actor = Actor::cli();
    let today = domain::event::riga_date(now);
    let start = jiff::civil::date(2024, 9, 1);
    // The mediators: the demo user (assigned to Balvi by the main seed) and three more.
    let mut by_territory: Vec<(String, i64)> = vec![("balvu-novads".to_owned(), first.id)];
    for (email, name, places) in MEDIATORS {
        let id = match store::users::find_by_email(db, email).await? {
            Some(u) => u.id,
            None => {
                store::users::create(
                    db,
                    now,
                    &actor,
                    store::users::NewUser {
                        email,
                        name,
                        role: domain::auth::Role::Mediator,
                        organisation_id: None,
                        password_hash: None,
                        password_link: None,
                        mail: None,
                    },
                )
                .await?
            }
        };
        for code in places {
            let territory = store::territories::by_code(db, code).await?.id;
            let assignment = store::mediation::add_assignment(
                db,
                now,
                &actor,
                &store::mediation::AssignmentInput {
                    mediator_user_id: id,
                    territory_id: territory,
                    from_date: start,
                    to_date: None,
                    hours_per_week: Some(if places.len() > 1 { 15 } else { 20 }),
                    reception: Some(format!(
                        "Demo: pirmdienās un ceturtdienās 9–13, pašvaldības ēkā ({code}, izdomāts)"
                    )),
                    supervisor_user_id: None,
                },
                &[],
            )
            .await?;
            store::supervisors::demo_in_effect(db, now, assignment, coordinator.id).await?;
            by_territory.push(((*code).to_owned(), id));
        }
    }
    let mut rng = Rng(0x4d65_6469_6174_6f72);
    let mut number = 0;
    let mut withdrawn = false;
    for (code, count) in FAMILIES {
        let territory = store::territories::by_code(db, code).await?.id;
        // The directory's services for this place (the demo seeds them first).
        let services = store::services::current(
            db,
            today,
            &store::services::Query {
                place: Some(territory),
                ..Default::default()
            },
        )
        .await?;
        let mediator = by_territory
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, m)| *m)
            .unwrap_or(first.id);
        // The demo mediator user started in September 2025.
        let from = if mediator == first.id {
            jiff::civil::date(2025, 9, 1)
        } else {
            start
        };
        for _ in 0..count {
            number += 1;
            let w = CaseWrite {
                db,
                now,
                today,
                actor: &actor,
                keys,
                scope: CaseScope::Mediator(mediator),
            };
            let mut withdraw = mediator == first.id && !withdrawn;
            family(
                &w,
                &mut rng,
                number,
                (territory, &services),
                from,
                &mut withdraw,
            )
            .await?;
            withdrawn |= mediator == first.id && !withdraw;
        }
    }
    store::maintenance::set_meta(db, META_KEY, "1").await?;
    Ok(true)
}

/// A service of the directory for a referral's kind of institution (the first one of its
/// kind in force for the family's place).
fn service_of(kind: &str, services: &[store::services::Service]) -> Option<i64> {
    use domain::dialogue::ServiceKind as K;
    let wanted = match kind {
        "school" => K::Education,
        "social_service" => K::Social,
        "health_care" => K::Health,
        "employment_agency" => K::Employment,
        "esf_programme" => K::Esf,
        _ => return None,
    };
    services.iter().find(|s| s.kind == wanted).map(|s| s.id)
}

/// A day between `from` and `to`.
fn day_between(rng: &mut Rng, from: Date, to: Date) -> Date {
    let span = (to - from).get_days().max(0) as usize;
    from.checked_add((rng.below(span + 1) as i64).days())
        .unwrap_or(from)
}

/// One invented family, its members, consents and case log.
async fn family(
    w: &CaseWrite<'_>,
    rng: &mut Rng,
    number: usize,
    (territory, services): (i64, &[store::services::Service]),
    from: Date,
    withdraw_one: &mut bool,
) -> store::Result<()> {
    let size = rng.between(1, 7) as i64;
    let (id, _) = store::mediation::create_family(
        w.db,
        w.now,
        w.today,
        w.actor,
        w.keys,
        w.scope,
        &FamilyInput {
            territory_id: territory,
            household_size: Some(size),
            name: rng
                .percent(40)
                .then(|| format!("Izdomātā ģimene Nr. {number}")),
            contact: rng
                .percent(25)
                .then(|| format!("Izdomāts tālrunis 2000{number:04}")),
        },
    )
    .await?;
    let opened = day_between(rng, from, w.today.checked_sub(20.days()).unwrap_or(from));
    store::mediation_log::add_consent(w, id, &consent("case_work", None, None, "person", opened))
        .await?;
    // Nine in ten families agree to be counted in the statistics.
    if rng.percent(90) {
        store::mediation_log::add_consent(
            w,
            id,
            &consent("statistics", None, None, "person", opened),
        )
        .await?;
    }
    // Members: the adult who comes to the mediator, often a child, sometimes both parents.
    let mut members = Vec::new();
    let adult_year = 1970 + rng.below(35) as i64;
    let gender = if rng.percent(70) { "female" } else { "male" };
    members.push((
        member(
            w,
            id,
            "head",
            Some(adult_year),
            gender,
            None,
            None,
            rng,
            number,
        )
        .await?,
        false,
    ));
    let children = if rng.percent(25) {
        0
    } else {
        rng.between(1, 2)
    };
    for _ in 0..children {
        let year = 2008 + rng.below(14) as i64;
        let grade = (2026 - year - 7).clamp(0, 12);
        let g = if rng.percent(50) { "female" } else { "male" };
        let school = (grade > 0).then(|| "Demo pamatskola (izdomāta)".to_owned());
        members.push((
            member(
                w,
                id,
                "child",
                Some(year),
                g,
                school,
                Some(grade),
                rng,
                number,
            )
            .await?,
            grade > 0,
        ));
    }
    // Contacts, spread over the case's time; most name the person they were with.
    let contacts = rng.between(3, 12);
    for _ in 0..contacts {
        let date = day_between(rng, opened, w.today);
        let mut areas = vec![(*rng.weighted(&AREAS).unwrap_or(&"other")).to_owned()];
        if rng.percent(30) {
            let more = (*rng.weighted(&AREAS).unwrap_or(&"other")).to_owned();
            if !areas.contains(&more) {
                areas.push(more);
            }
        }
        // Most contacts are with the family's contact person; some about a child at school.
        let child = members.iter().find(|m| m.1).map(|m| m.0);
        let about_child = areas.iter().any(|a| a == "education") && rng.percent(8);
        let member_id = child.filter(|_| about_child);
        store::mediation::add_contact(
            w.db,
            w.now,
            w.actor,
            w.keys,
            w.scope,
            id,
            &ContactInput {
                member_id,
                date,
                duration_minutes: Some([15, 30, 45, 60, 90, 120][rng.below(6)]),
                place: crate::coded(rng.weighted(&PLACES).unwrap_or(&"office")),
                areas: areas.iter().map(|a| crate::coded(a)).collect(),
                done: rng
                    .percent(40)
                    .then(|| NOTES[rng.below(NOTES.len())].to_owned()),
                ..Default::default()
            },
        )
        .await?;
    }
    // Referrals for one family in three, each on a sharing consent for that institution.
    if rng.percent(35) {
        let (kind, institution_kind, name) = REFERRALS[rng.below(REFERRALS.len())];
        let on = day_between(rng, opened, w.today);
        let sharing = store::mediation_log::add_consent(
            w,
            id,
            &ConsentInput {
                institution: Some(name.to_owned()),
                ..consent("sharing", Some(institution_kind), None, "person", on)
            },
        )
        .await?;
        let referral = store::mediation_log::add_referral(
            w,
            id,
            &ReferralInput {
                member_id: None,
                referred_on: on,
                kind: crate::coded(kind),
                institution: Some(name.to_owned()),
                consent_id: Some(sharing),
                override_reason: None,
                note: None,
                // Most referrals name the service of the directory of their kind.
                // (Not drawn from `rng`, which would change the rest of the world.)
                service_id: service_of(kind, services).filter(|_| !number.is_multiple_of(5)),
            },
        )
        .await?;
        let status = if (w.today - on).get_days() < 30 {
            ["open", "in_progress"][rng.below(2)]
        } else {
            *rng.weighted(&[
                ("helped", 60),
                ("not_helped", 20),
                ("cancelled", 8),
                ("in_progress", 12),
            ])
            .unwrap_or(&"helped")
        };
        if status != "open" {
            store::mediation_log::update_referral(
                w,
                id,
                referral,
                &ReferralUpdate {
                    status,
                    note: None,
                    override_reason: None,
                },
            )
            .await?;
        }
        // One family of the demo mediator withdraws its sharing consent while the referral
        // is still open: the referral shows as stopped.
        if *withdraw_one && matches!(status, "open" | "in_progress") {
            store::mediation_log::withdraw_consent(w, id, sharing).await?;
            *withdraw_one = false;
        }
    }
    // School-age children are followed in the terms since the case opened.
    for (child, school_age) in members.iter().filter(|m| m.1) {
        if !rng.percent(22) {
            continue;
        }
        for (year, term) in [(2024, 1), (2024, 2), (2025, 1), (2025, 2), (2026, 1)] {
            let term_start = if term == 1 {
                jiff::civil::date(year, 9, 1)
            } else {
                jiff::civil::date(year + 1, 1, 8)
            };
            if term_start < opened || term_start > w.today || !school_age {
                continue;
            }
            let noted = term_start
                .checked_add((rng.between(7, 40) as i64).days())
                .unwrap_or(term_start)
                .min(w.today);
            let f = store::mediation_log::add_followup(
                w,
                id,
                &FollowupInput {
                    member_id: *child,
                    school_year: i64::from(year),
                    term,
                    noted_on: noted,
                    risk: crate::coded(
                        rng.weighted(&[("low", 30), ("medium", 45), ("high", 25)])
                            .unwrap_or(&"medium"),
                    ),
                    action: rng.percent(50).then(|| NOTES[4].to_owned()),
                },
            )
            .await?;
            // Finished terms have their result.
            if (year, term) != (2026, 1) {
                let result = *rng
                    .weighted(&[
                        ("stayed", 86),
                        ("dropped_out", 5),
                        ("moved_away", 5),
                        ("unknown", 4),
                    ])
                    .unwrap_or(&"stayed");
                store::mediation_log::set_followup_result(w, id, f, Some(result)).await?;
            }
        }
    }
    // A few cases rest or are closed.
    if rng.percent(8) {
        let reason = [
            "goals_reached",
            "moved_away",
            "family_request",
            "no_contact",
        ][rng.below(4)];
        store::mediation_log::set_status(w, id, "closed", Some(reason)).await?;
    } else if rng.percent(10) {
        store::mediation_log::set_status(w, id, "dormant", None).await?;
    }
    Ok(())
}

fn consent(
    purpose: &str,
    institution_kind: Option<&str>,
    member: Option<i64>,
    given_by: &str,
    on: Date,
) -> ConsentInput {
    ConsentInput {
        member_id: member,
        purpose: crate::coded(purpose),
        institution_kind: institution_kind.map(crate::coded),
        institution: None,
        given_by: crate::coded(given_by),
        child_view: None,
        given_on: on,
    }
}

#[expect(clippy::too_many_arguments, reason = "one invented member's fields")]
async fn member(
    w: &CaseWrite<'_>,
    family: i64,
    relation: &str,
    birth_year: Option<i64>,
    gender: &str,
    school: Option<String>,
    grade: Option<i64>,
    rng: &mut Rng,
    number: usize,
) -> store::Result<i64> {
    store::mediation::add_member(
        w.db,
        w.now,
        w.actor,
        w.keys,
        w.scope,
        family,
        &MemberInput {
            birth_year,
            gender: Some(crate::coded(gender)),
            relation: crate::coded(relation),
            grade: school.as_ref().and(grade),
            school,
            name: rng
                .percent(30)
                .then(|| format!("Izdomāts vārds {number}-{relation}")),
        },
    )
    .await
}
