//! The demo's privacy work (issue 20): a data protection officer's account, requests from
//! people about their data — one open, one answered after an extension, one refused, one
//! for restriction with the person's processing restricted meanwhile — and one closed
//! breach that was not notified, with the reason. Everything here is invented, and says so.

use domain::auth::Role;
use domain::privacy::{BreachRisk, RequestKind, RequestOutcome};
use jiff::ToSpan;
use jiff::civil::Date;

use store::{Actor, Db, users};

/// The demo's data protection officer (no person behind the account).
pub const DEMO_DPO: (&str, &str) = (
    "dpo@demo.roma.invalid",
    "Demo Datu Aizsardzības Speciāliste",
);

const META_KEY: &str = "demo_privacy_seeded";

/// A registry person of the demo: (id, name, e-mail).
pub(crate) type Someone = (i64, String, String);

/// Seeds the privacy work once (also into a demo database made before it existed).
/// `people`: three registry people without an account, to be the requesters.
pub async fn seed(db: &Db, now: i64, today: Date, people: &[Someone]) -> store::Result<()> {
    if store::maintenance::get_meta(db, META_KEY).await?.is_some() {
        return Ok(());
    }
    let demo = Actor {
        user_id: None,
        label: Some("demo".to_owned()),
        ip: None,
    };
    if users::find_by_email(db, DEMO_DPO.0).await?.is_none() {
        let org = store::organisations::find_by_name(db, "Kultūras ministrija").await?;
        users::create(
            db,
            now,
            &demo,
            users::NewUser {
                email: DEMO_DPO.0,
                name: DEMO_DPO.1,
                role: Role::Dpo,
                organisation_id: org,
                password_hash: None,
                password_link: None,
                mail: None,
            },
        )
        .await?;
    }
    let coordinator = users::find_by_email(db, "koordinators@demo.roma.invalid")
        .await?
        .map(|u| u.id);
    let actor = Actor {
        user_id: coordinator,
        ..demo
    };
    let [a, b, c] = people else {
        return Ok(());
    };
    let days_ago = |n: i64| today.checked_sub(n.days()).unwrap_or(today);
    let request = |kind, person: Option<&Someone>, received_on, details: &str| {
        store::subject_requests::RequestInput {
            kind,
            person_id: person.map(|p| p.0),
            requester_name: person.map(|p| p.1.clone()).unwrap_or_default(),
            requester_email: person.map(|p| p.2.clone()),
            reply_to: None,
            received_on,
            details: details.to_owned(),
            identity_checked: None,
            extension_reason: None,
            outcome: None,
            closed_on: None,
            response: None,
        }
    };
    // Open: a copy of everything held, due in about three weeks.
    store::subject_requests::create(
        db,
        now,
        &actor,
        &request(
            RequestKind::Access,
            Some(a),
            days_ago(9),
            "Lūdz izsniegt visus par viņu glabātos datus, arī dalību sanāksmēs (demo).",
        ),
    )
    .await?;
    // Answered after an extension given within the first month.
    store::subject_requests::create(
        db,
        now,
        &actor,
        &store::subject_requests::RequestInput {
            identity_checked: Some(
                "Pārbaudīta klātienē ar personu apliecinošu dokumentu (demo).".to_owned(),
            ),
            extension_reason: Some(
                "Jāsalīdzina dalības saraksti trijos pasākumos (demo).".to_owned(),
            ),
            outcome: Some(RequestOutcome::Answered),
            closed_on: Some(days_ago(12)),
            response: Some(
                "Tālruņa numurs un pilsēta izlaboti; persona informēta (demo).".to_owned(),
            ),
            ..request(
                RequestKind::Rectification,
                Some(b),
                days_ago(48),
                "Tālruņa numurs un pilsēta reģistrā ir novecojuši (demo).",
            )
        },
    )
    .await?;
    // Refused, with the reason and the right to complain said in the answer; the requester
    // is known by address only.
    store::subject_requests::create(
        db,
        now,
        &actor,
        &store::subject_requests::RequestInput {
            requester_name: "Demo pieprasītājs (izdomāts)".to_owned(),
            requester_email: Some("pieprasitajs@demo.roma.invalid".to_owned()),
            outcome: Some(RequestOutcome::Refused),
            closed_on: Some(days_ago(30)),
            response: Some(
                "Dalības ieraksts vajadzīgs ES finansētā projekta pārskatam līdz 2031. gadam; \
                 norādītas tiesības iesniegt sūdzību Datu valsts inspekcijā (demo)."
                    .to_owned(),
            ),
            ..request(
                RequestKind::Erasure,
                None,
                days_ago(40),
                "Lūdz dzēst dalību 2025. gada reģionālajā sanāksmē (demo).",
            )
        },
    )
    .await?;
    // Restriction while the accuracy is checked: the person leaves lists and invitations.
    store::subject_requests::create(
        db,
        now,
        &actor,
        &request(
            RequestKind::Restriction,
            Some(c),
            days_ago(3),
            "Apstrīd organizācijas ierakstu; lūdz ierobežot apstrādi, kamēr to pārbauda (demo).",
        ),
    )
    .await?;
    store::people::set_restriction(
        db,
        now,
        &actor,
        c.0,
        Some("Persona apstrīd datu precizitāti; pārbaude līdz atbildei (demo)."),
    )
    .await?;
    // A closed breach, not notified: unlikely to result in a risk, the reason on record.
    let discovered = now - 62 * 86_400;
    store::breaches::create(
        db,
        now,
        &actor,
        &store::breaches::BreachInput {
            title: "Dalībnieku saraksts nosūtīts nepareizai iestādei (demo)".to_owned(),
            discovered_at: discovered,
            occurred_on: Some(days_ago(62)),
            // No names here: the register names kinds and counts, not the people.
            what_happened: "Sanāksmes dalībnieku saraksts ar trim vārdiem un e-pastiem \
                            nosūtīts citas ministrijas adresei (izdomāts notikums)."
                .to_owned(),
            categories: vec!["participation".to_owned()],
            people_count: Some(3),
            consequences: "Maz ticamas: saņēmēja ir valsts iestāde, kas vēstuli izdzēsa (demo)."
                .to_owned(),
            measures: "Saņēmēja apstiprināja dzēšanu tajā pašā dienā; sarakstus turpmāk sūta \
                       tikai no platformas (demo)."
                .to_owned(),
            risk: BreachRisk::Unlikely,
            authority_notified_at: None,
            authority_reference: None,
            not_notified_reason: Some(
                "Risks personām maz ticams: saņēmēja ir valsts iestāde, dzēšana apstiprināta \
                 rakstiski (demo)."
                    .to_owned(),
            ),
            delay_reason: None,
            people_told_on: None,
            people_not_told_reason: None,
            closed_on: Some(days_ago(55)),
        },
    )
    .await?;
    store::maintenance::set_meta(db, META_KEY, "1").await?;
    Ok(())
}
