//! Benchmark seed (issue 4, item 12): a database for `benches/events.sh`.
//!
//! Migrates the database at the given path, then creates a coordinator account
//! (`bench-coordinator@bench.invalid`, password [`PASSWORD`]), one organisation, five
//! registry people, and one public, published event a month from now with 20 agenda items
//! (every fourth with a registry speaker) and 200 registrations (capacity 180, so 180
//! confirmed and 20 waiting; half with the statistics consent). Prints the event's id on
//! standard output and nothing else.
//!
//! Usage: `cargo run --release --example bench_seed -- DATABASE`.

use domain::auth::Role;
use domain::directory::OrgKind;
use domain::event::{EventStatus, EventType};

/// The coordinator's address and password (benchmark only: the database is thrown away).
const EMAIL: &str = "bench-coordinator@bench.invalid";
const PASSWORD: &str = "etalona parole ar garumzīmēm 2026";
const REGISTRATIONS: usize = 200;
const AGENDA_ITEMS: usize = 20;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: bench_seed DATABASE");
    };
    let now = jiff::Timestamp::now().as_second();
    let db = store::Db::open(&store::DbOptions::new(&path)).await?;
    store::migrate::run(&db, now).await?;
    let actor = store::Actor::cli();
    let riga = store::territories::by_code(&db, "riga").await?;

    let org = store::organisations::create(
        &db,
        now,
        &actor,
        &store::organisations::OrgInput {
            name_lv: "Kultūras ministrija (etalons)".to_owned(),
            name_en: Some("Ministry of Culture (benchmark)".to_owned()),
            kind: Some(OrgKind::Ministry),
            territory_id: Some(riga.id),
            email: Some("pasts@bench.invalid".to_owned()),
            ..Default::default()
        },
    )
    .await?;
    store::users::create(
        &db,
        now,
        &actor,
        store::users::NewUser {
            email: EMAIL,
            name: "Etalona koordinatore",
            role: Role::Coordinator,
            organisation_id: Some(org),
            password_hash: Some(domain::password::hash(PASSWORD)),
            password_link: None,
            mail: None,
        },
    )
    .await?;
    let mut speakers = Vec::new();
    for n in 1..=5 {
        speakers.push(
            store::people::create(
                &db,
                now,
                &actor,
                &store::people::PersonInput {
                    name: format!("Runātāja Nr. {n}"),
                    emails: vec![format!("runataja{n}@bench.invalid")],
                    preferred_lang: "lv".to_owned(),
                    territory_id: Some(riga.id),
                    ..Default::default()
                },
            )
            .await?,
        );
    }

    // A month from now, 10:00–16:00 in Riga.
    let tz = jiff::tz::TimeZone::get("Europe/Riga")?;
    let day = domain::event::riga_date(now).checked_add(jiff::Span::new().days(30))?;
    let starts_at = day
        .at(10, 0, 0, 0)
        .to_zoned_datetime(tz)?
        .timestamp()
        .as_second();
    let event = store::events::create(
        &db,
        now,
        &actor,
        &store::events::EventInput {
            event_type: EventType::AnnualCoordination,
            title_lv: "Romu platformas ikgadējā sanāksme (etalons)".to_owned(),
            title_en: Some("Roma Platform annual meeting (benchmark)".to_owned()),
            description_lv: Some(
                "Nacionālās romu platformas ikgadējā koordinācijas sanāksme: pārskats par gada \
                 darbu, pašvaldību pieredze, romu mediatoru darbs un nākamā gada plāns."
                    .repeat(3),
            ),
            description_en: Some(
                "The National Roma Platform's annual coordination meeting: the year in review, \
                 municipalities' experience, the work of Roma mediators and next year's plan."
                    .repeat(3),
            ),
            starts_at,
            ends_at: starts_at + 6 * 3600,
            territory_id: Some(riga.id),
            address: Some("K. Valdemāra iela 11a, Rīga".to_owned()),
            online_url: None,
            series: Some("Ikgadējā sanāksme".to_owned()),
            capacity: Some(180),
            registration_deadline: None,
            is_public: true,
            objectives: vec![
                domain::event::Objective::Participation,
                domain::event::Objective::Education,
            ],
            target_group: None,
            host_country: None,
            organisations: vec![(org, "organiser".to_owned())],
            measures: Vec::new(),
        },
    )
    .await?;
    store::events::set_status(&db, now, &actor, event, EventStatus::Published).await?;

    for n in 0..AGENDA_ITEMS {
        let minutes = 10 * 60 + 18 * n;
        let time = |m: usize| format!("{:02}:{:02}", m / 60, m % 60);
        store::agenda::add(
            &db,
            now,
            &actor,
            event,
            &store::agenda::ItemInput {
                starts_at: Some(time(minutes)),
                ends_at: Some(time(minutes + 18)),
                title_lv: format!("Darba kārtības punkts {}: ziņojums un diskusija", n + 1),
                title_en: Some(format!("Agenda item {}: report and discussion", n + 1)),
                speakers_text: Some(format!("Ziņotājs {}, pašvaldības pārstāvis", n + 1)),
                speaker_ids: if n % 4 == 0 {
                    vec![speakers[(n / 4) % speakers.len()]]
                } else {
                    Vec::new()
                },
            },
        )
        .await?;
    }

    let genders = ["female", "male", "other"];
    let ages = domain::participation::AGE_GROUPS;
    for n in 1..=REGISTRATIONS {
        let stats = (n % 2 == 0).then(|| store::registrations::Stats {
            notice_version: "2026-11".to_owned(),
            gender: Some(genders[n % genders.len()].to_owned()),
            age_group: Some(ages[n % ages.len()].to_owned()),
            roma_self_identified: Some(if n % 3 == 0 { "yes" } else { "no" }.to_owned()),
        });
        store::registrations::register(
            &db,
            now,
            &actor,
            event,
            &store::registrations::NewRegistration {
                name: format!("Dalībniece Nr. {n}"),
                email: format!("dalibnieks{n}@bench.invalid"),
                lang: if n % 5 == 0 { "en" } else { "lv" }.to_owned(),
                person_id: None,
                organisation_id: (n % 3 == 0).then_some(org),
                organisation_text: (n % 3 == 1).then(|| format!("Biedrība Nr. {}", n % 17)),
                private_person: n % 3 == 2,
                territory_id: Some(riga.id),
                stats,
                notice_version: "2026-11".to_owned(),
                token_hash: domain::token::hash_secret(&domain::token::random_secret()),
                // Confirmed at once, as a real sign-up would be once its mail was opened.
                source: store::registrations::Source::Invitation,
            },
            |r| store::outbox::Outgoing {
                kind: "registration_confirmation".to_owned(),
                subject: format!("Reģistrācija: {}", r.name),
                body: r.status.as_str().to_owned(),
                lang: "lv".to_owned(),
                unsubscribe: None,
            },
        )
        .await?;
    }
    db.close().await;
    println!("{event}");
    Ok(())
}
