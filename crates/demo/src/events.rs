//! The demo world's meetings: about three years (2024–2026, and a few upcoming) of events
//! of every type across the demo municipalities, with registrations and attendance drawn
//! from the demo people, minutes, follow-up actions in every status, and feedback — all
//! invented, all through the same store functions the application uses, so the statistics
//! screens show real shapes. Deterministic: the same world every time.

use domain::event::ActionStatus;
use domain::event::{EventStatus, EventType};
use jiff::civil::{Date, date};

use crate::Rng;
use store::attendance::{self, Declared, Scope, Source};
use store::outbox::Outgoing;
use store::registrations::NewRegistration;
use store::{Actor, Db, Error, actions, events, feedback, minutes, territories};

/// What the event seeding needs to know of a demo person.
#[derive(Debug, Clone)]
pub(crate) struct DemoPerson {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
    /// public, roma, mediator, expert or partner.
    pub kind: &'static str,
    /// The current organisation's key and whether it is a ministry or state agency.
    pub org: &'static str,
    pub state_body: bool,
    pub social_service: bool,
    pub youth: bool,
    pub female: bool,
}

/// Who comes to an event of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Audience {
    Everyone,
    Regional,
    StateBodies,
    RomaYouth,
    RomaWomen,
    Mediators,
    CrossBorder,
}

struct Spec {
    event_type: EventType,
    title_lv: &'static str,
    title_en: Option<&'static str>,
    day: Date,
    hours: (i8, i8),
    place: &'static str,
    address: &'static str,
    series: Option<&'static str>,
    public: bool,
    capacity: Option<i64>,
    target_group: Option<&'static str>,
    objectives: &'static [&'static str],
    audience: Audience,
    size: (usize, usize),
    organisers: &'static [&'static str],
    partners: &'static [&'static str],
    host_country: Option<&'static str>,
    cancelled: bool,
}

const ANNUAL: &str = "Ikgadējā koordinācijas sanāksme";
const REGIONAL: &str = "Reģionālās ekspertu darba sanāksmes";
const SEMINAR: &str = "Mediatoru pieredzes apmaiņa";

#[expect(clippy::too_many_arguments)]
const fn spec(
    event_type: EventType,
    title_lv: &'static str,
    title_en: Option<&'static str>,
    day: Date,
    place: &'static str,
    address: &'static str,
    audience: Audience,
    size: (usize, usize),
) -> Spec {
    Spec {
        event_type,
        title_lv,
        title_en,
        day,
        hours: (10, 15),
        place,
        address,
        series: None,
        public: true,
        capacity: None,
        target_group: None,
        objectives: &["participation"],
        audience,
        size,
        organisers: &["km"],
        partners: &[],
        host_country: None,
        cancelled: false,
    }
}

/// The calendar: three years of meetings, then a few upcoming.
fn calendar() -> Vec<Spec> {
    use Audience::*;
    use EventType::*;
    let mut out = Vec::new();
    for year in [2024i16, 2025, 2026] {
        let d = |m: i8, day: i8| date(year, m, day);
        let annual_title: &'static str = match year {
            2024 => "Latvijas Romu platformas ikgadējā koordinācijas sanāksme 2024",
            2025 => "Latvijas Romu platformas ikgadējā koordinācijas sanāksme 2025",
            _ => "Latvijas Romu platformas ikgadējā koordinācijas sanāksme 2026",
        };
        out.push(Spec {
            series: Some(ANNUAL),
            capacity: Some(150),
            objectives: &[
                "equality",
                "inclusion",
                "participation",
                "education",
                "employment",
                "health",
                "housing",
            ],
            hours: (9, 16),
            partners: &["sif", "rngo-riga"],
            ..spec(
                AnnualCoordination,
                annual_title,
                Some("Annual coordination meeting of the Latvian Roma Platform"),
                d(11, 19),
                "riga",
                "K. Valdemāra iela 11a",
                Everyone,
                (55, 75),
            )
        });
        for (m, day, place, title, address) in [
            (
                3,
                12,
                "jelgava",
                "Reģionālā ekspertu darba sanāksme Jelgavā",
                "Lielā iela 11",
            ),
            (
                6,
                11,
                "daugavpils",
                "Reģionālā ekspertu darba sanāksme Daugavpilī",
                "Krišjāņa Valdemāra iela 1",
            ),
            (
                9,
                17,
                "ventspils",
                "Reģionālā ekspertu darba sanāksme Ventspilī",
                "Jūras iela 36",
            ),
            (
                10,
                15,
                "valmieras-novads",
                "Reģionālā ekspertu darba sanāksme Valmierā",
                "Lāčplēša iela 2",
            ),
        ] {
            out.push(Spec {
                series: Some(REGIONAL),
                capacity: Some(40),
                objectives: &["inclusion", "education", "employment"],
                organisers: &["km"],
                partners: &[],
                ..spec(
                    RegionalExpert,
                    title,
                    None,
                    d(m, day),
                    place,
                    address,
                    Regional,
                    (14, 26),
                )
            });
        }
        let (gp_place, gp_title) = match year {
            2024 => (
                "ventspils",
                "Labās prakses vizīte: romu bērnu izglītība Ventspilī",
            ),
            2025 => (
                "talsu-novads",
                "Labās prakses vizīte: sociālais darbs ar romu ģimenēm Talsos",
            ),
            _ => (
                "valmieras-novads",
                "Labās prakses vizīte: romu mediatora darbs Valmierā",
            ),
        };
        out.push(Spec {
            objectives: &["education", "inclusion"],
            ..spec(
                GoodPracticeVisit,
                gp_title,
                None,
                d(5, 21),
                gp_place,
                "",
                Regional,
                (10, 18),
            )
        });
        for (m, day) in [(2, 6), (10, 8)] {
            out.push(Spec {
                public: false,
                objectives: &["inclusion", "employment", "health", "housing"],
                organisers: &["km"],
                partners: &["lm", "izm", "vm"],
                ..spec(
                    Interministerial,
                    "Starpministriju sanāksme par romu integrācijas politikas plānu",
                    Some("Interministerial meeting on the Roma integration plan"),
                    d(m, day),
                    "riga",
                    "K. Valdemāra iela 11a",
                    StateBodies,
                    (8, 14),
                )
            });
        }
        for (m, day, place) in [(4, 18, "jelgava"), (8, 22, "rezekne")] {
            out.push(Spec {
                target_group: Some("roma_youth"),
                objectives: &["participation", "education"],
                partners: &["rngo-youth", "jspa"],
                cancelled: year == 2025 && m == 8,
                ..spec(
                    Workshop,
                    "Darbnīca romu jauniešiem: līdzdalība un karjera",
                    Some("Workshop for Roma youth: participation and careers"),
                    d(m, day),
                    place,
                    "",
                    RomaYouth,
                    (10, 20),
                )
            });
        }
        for (m, day, place) in [(3, 8, "riga"), (10, 24, "daugavpils")] {
            out.push(Spec {
                target_group: Some("roma_women"),
                objectives: &["equality", "health", "employment"],
                partners: &["rngo-women"],
                ..spec(
                    Workshop,
                    "Darbnīca romu sievietēm: veselība un nodarbinātība",
                    Some("Workshop for Roma women: health and employment"),
                    d(m, day),
                    place,
                    "",
                    RomaWomen,
                    (10, 18),
                )
            });
        }
        for (m, day) in [(6, 4), (12, 10)] {
            out.push(Spec {
                series: Some(SEMINAR),
                objectives: &["inclusion", "education"],
                ..spec(
                    MediatorsSeminar,
                    "Romu mediatoru pieredzes apmaiņas seminārs",
                    Some("Roma mediators' experience-exchange seminar"),
                    d(m, day),
                    "riga",
                    "K. Valdemāra iela 11a",
                    Mediators,
                    (8, 14),
                )
            });
        }
        let (cb_day, cb_place, cb_title, cb_country, cb_partner): (
            Date,
            &str,
            &str,
            &str,
            &[&str],
        ) = match year {
            2024 => (
                d(9, 26),
                "ee-valga",
                "Pārrobežu ekspertu vizīte Valgā",
                "EE",
                &["ee-km"],
            ),
            2025 => (
                d(9, 25),
                "lt-vilnius",
                "Pārrobežu ekspertu vizīte Viļņā",
                "LT",
                &["lt-tmd"],
            ),
            _ => (
                d(6, 18),
                "ee-valga",
                "Pārrobežu ekspertu vizīte Valgā",
                "EE",
                &["ee-km"],
            ),
        };
        out.push(Spec {
            host_country: Some(cb_country),
            partners: cb_partner,
            objectives: &["participation", "inclusion"],
            ..spec(
                CrossBorderVisit,
                cb_title,
                None,
                cb_day,
                cb_place,
                "",
                CrossBorder,
                (8, 14),
            )
        });
        out.push(Spec {
            objectives: &["equality", "participation"],
            partners: &["rngo-riga"],
            ..spec(
                Other,
                "Starptautiskās romu dienas pasākums",
                Some("International Roma Day event"),
                d(4, 8),
                "riga",
                "",
                Everyone,
                (20, 35),
            )
        });
    }
    out.push(Spec {
        target_group: Some("roma_youth"),
        objectives: &["participation", "education"],
        partners: &["rngo-youth", "jspa"],
        capacity: Some(25),
        ..spec(
            EventType::Workshop,
            "Darbnīca romu jauniešiem: digitālās prasmes",
            Some("Workshop for Roma youth: digital skills"),
            date(2027, 1, 21),
            "jelgava",
            "Lielā iela 11",
            Audience::RomaYouth,
            (8, 12),
        )
    });
    out.push(Spec {
        series: Some(REGIONAL),
        capacity: Some(40),
        objectives: &["inclusion", "education", "employment"],
        ..spec(
            EventType::RegionalExpert,
            "Reģionālā ekspertu darba sanāksme Rēzeknē",
            None,
            date(2027, 2, 18),
            "rezekne",
            "Atbrīvošanas aleja 93",
            Audience::Regional,
            (10, 16),
        )
    });
    out
}

fn riga_instant(day: Date, hour: i8) -> i64 {
    domain::event::riga_instant(
        day,
        jiff::civil::Time::new(hour, 0, 0, 0).unwrap_or_default(),
    )
}

fn eligible(p: &DemoPerson, a: Audience) -> bool {
    match a {
        Audience::Everyone | Audience::Regional => p.kind != "partner",
        Audience::StateBodies => p.state_body,
        Audience::RomaYouth => p.kind == "roma" && p.youth,
        Audience::RomaWomen => p.kind == "roma" && p.female,
        Audience::Mediators => p.kind == "mediator" || p.social_service,
        Audience::CrossBorder => {
            p.kind == "partner" || p.kind == "mediator" || p.org == "km" || p.kind == "roma"
        }
    }
}

/// Picks `n` distinct people of the audience.
fn pick(rng: &mut Rng, people: &[DemoPerson], a: Audience, n: usize) -> Vec<DemoPerson> {
    let mut pool: Vec<&DemoPerson> = people.iter().filter(|p| eligible(p, a)).collect();
    let mut out = Vec::new();
    while out.len() < n && !pool.is_empty() {
        let i = rng.below(pool.len());
        out.push(pool.swap_remove(i).clone());
    }
    out
}

fn no_mail(kind: &str) -> Outgoing {
    Outgoing {
        kind: kind.to_owned(),
        subject: "demo".to_owned(),
        body: "demo".to_owned(),
        lang: "lv".to_owned(),
        unsubscribe: None,
    }
}

const SUMMARIES: &[&str] = &[
    "Sanāksmē piedalījās valsts un pašvaldību iestāžu, romu nevalstisko organizāciju pārstāvji un romu mediatori. Tika pārrunāta romu integrācijas pasākumu gaita un reģionu pieredze.",
    "Dalībnieki iepazinās ar pašvaldību pieredzi darbā ar romu ģimenēm un apsprieda, kā uzlabot romu bērnu skolas apmeklējumu.",
    "Tika apspriesta romu jauniešu un sieviešu iesaiste un sadarbība starp skolām, sociālajiem dienestiem un romu mediatoriem.",
];
const DECISIONS: &[&str] = &[
    "1. Sagatavot pārskatu par romu bērnu izglītības rādītājiem. 2. Paplašināt romu mediatoru darbu vēl vienā pašvaldībā. 3. Nākamo sanāksmi rīkot Latgalē.",
    "1. Apkopot labās prakses piemērus sociālajā darbā ar romu ģimenēm. 2. Sagatavot informatīvu materiālu par ESF+ atbalsta iespējām.",
];
const RECOMMENDATIONS: &[&str] = &[
    "Izglītības darba grupa iesaka skolās paredzēt romu mediatora konsultācijas vecākiem. Nodarbinātības darba grupa iesaka mērķtiecīgas NVA programmas romu jauniešiem.",
    "Darba grupa iesaka pašvaldībām iesaistīt romu NVO sociālo pakalpojumu plānošanā.",
];
const ACTIONS: &[(&str, &str)] = &[
    (
        "Sagatavot pārskatu par romu bērnu skolas apmeklējumu",
        "izm",
    ),
    ("Apkopot pašvaldību pieredzi darbā ar romu ģimenēm", "lm"),
    (
        "Izstrādāt informatīvu materiālu par ESF+ atbalstu romu ģimenēm",
        "sif",
    ),
    ("Izvērtēt iespēju pieņemt romu mediatoru darbā", "jelgava"),
    (
        "Organizēt tikšanos ar romu jauniešiem par karjeras iespējām",
        "rngo-youth",
    ),
    (
        "Sagatavot priekšlikumus veselības pratības pasākumiem romu sievietēm",
        "vm",
    ),
    (
        "Iesniegt datus par NVA pasākumos iesaistītajiem romiem",
        "nva",
    ),
    (
        "Sagatavot tulkojumu latgaliešu un romu valodā informatīvajam bukletam",
        "rngo-latgale",
    ),
];
const COMMENTS: &[&str] = &[
    "Ļoti noderīga pieredzes apmaiņa.",
    "Gribētos vairāk laika darba grupām.",
    "Labi organizēts, paldies!",
    "Noderētu vairāk informācijas par finansējuma iespējām.",
];

/// Loads the demo meetings (called once, inside the demo's own seeding).
pub(crate) async fn seed(
    db: &Db,
    now: i64,
    actor: &Actor,
    people: &[DemoPerson],
    orgs: &std::collections::HashMap<&'static str, i64>,
) -> store::Result<()> {
    let mut rng = Rng(0x4576_656e_7473_2d31);
    let org = |k: &str| orgs.get(k).copied().ok_or(Error::NotFound);
    for (n, s) in calendar().into_iter().enumerate() {
        let starts_at = riga_instant(s.day, s.hours.0);
        let ends_at = riga_instant(s.day, s.hours.1);
        let territory = territories::by_code(db, s.place).await.ok().map(|t| t.id);
        let mut organisations = Vec::new();
        for o in s.organisers {
            organisations.push((org(o)?, "organiser".to_owned()));
        }
        for o in s.partners {
            organisations.push((org(o)?, "partner".to_owned()));
        }
        let planned = starts_at - 60 * 86_400;
        let id = events::create(
            db,
            planned,
            actor,
            &events::EventInput {
                event_type: s.event_type,
                title_lv: s.title_lv.to_owned(),
                title_en: s.title_en.map(str::to_owned),
                description_lv: Some(format!(
                    "{} Demonstrācijas dati: pasākums ir izdomāts.",
                    s.title_lv
                )),
                description_en: s
                    .title_en
                    .map(|t| format!("{t}. Demo data: the event is invented.")),
                starts_at,
                ends_at,
                territory_id: territory,
                address: Some(s.address.to_owned()).filter(|a| !a.is_empty()),
                online_url: None,
                series: s.series.map(str::to_owned),
                capacity: s.capacity,
                registration_deadline: Some(starts_at - 2 * 86_400),
                is_public: s.public,
                objectives: s.objectives.iter().map(|o| crate::coded(o)).collect(),
                target_group: s.target_group.map(crate::coded),
                host_country: s.host_country.map(str::to_owned),
                organisations,
                measures: Vec::new(),
            },
        )
        .await?;
        events::set_status(db, planned + 86_400, actor, id, EventStatus::Published).await?;
        let size = rng.between(s.size.0, s.size.1);
        let upcoming = starts_at > now;
        // Who signs up: most of those who come, and some who will not come.
        let comers = pick(
            &mut rng,
            people,
            s.audience,
            if upcoming { size / 2 } else { size },
        );
        let mut regs = Vec::new();
        // Confirmations come from the registrants themselves, as in the audit log of a real
        // platform.
        let registrant = store::Actor {
            user_id: None,
            label: Some("registrant".to_owned()),
            ip: None,
        };
        for (i, p) in comers.iter().enumerate() {
            let walk_in = rng.percent(12);
            if walk_in && !upcoming {
                regs.push((p.clone(), None));
                continue;
            }
            let signed_up =
                (starts_at - 30 * 86_400 + i64::try_from(i).unwrap_or(0) * 3_600).min(now);
            let r = store::registrations::register(
                db,
                signed_up,
                actor,
                id,
                &NewRegistration {
                    name: p.name.clone(),
                    email: p.email.clone(),
                    lang: p.lang.clone(),
                    person_id: Some(p.id),
                    private_person: false,
                    notice_version: "2026-11".to_owned(),
                    token_hash: format!("demo-registration-{n}-{i}"),
                    ..NewRegistration::default()
                },
                |_| no_mail("registration"),
            )
            .await;
            match r {
                Ok(r) => {
                    // Most confirm from the mail within the hour; some who signed up in
                    // the last two days have not yet (shown apart on the coordinators' list).
                    let recent = now - signed_up < store::registrations::CONFIRM_WITHIN;
                    if !(upcoming && recent && rng.percent(30)) {
                        store::registrations::confirm(
                            db,
                            (signed_up + 1_800).min(now),
                            &registrant,
                            &format!("demo-registration-{n}-{i}"),
                        )
                        .await?;
                    }
                    regs.push((p.clone(), Some(r.id)))
                }
                // Full: they wait, or simply came without a place.
                Err(Error::Conflict(_)) => regs.push((p.clone(), None)),
                Err(e) => return Err(e),
            }
        }
        if s.cancelled {
            events::set_status(
                db,
                starts_at - 5 * 86_400,
                actor,
                id,
                EventStatus::Cancelled,
            )
            .await?;
            continue;
        }
        if upcoming {
            continue;
        }
        events::set_status(
            db,
            starts_at - 86_400,
            actor,
            id,
            EventStatus::RegistrationClosed,
        )
        .await?;
        let at_door = starts_at + 1_800;
        for (p, reg) in &regs {
            // A few registrants do not come.
            if reg.is_some() && rng.percent(8) {
                continue;
            }
            let result = match reg {
                Some(r) => {
                    attendance::check_in_registration(db, at_door, actor, Scope::All, id, *r, None)
                        .await
                }
                None => {
                    attendance::add(
                        db,
                        at_door,
                        actor,
                        Scope::All,
                        id,
                        Source::WalkIn,
                        &Declared {
                            name: p.name.clone(),
                            person_id: Some(p.id),
                            ..Declared::default()
                        },
                    )
                    .await
                }
            };
            match result {
                Ok(_) | Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
        events::set_status(db, ends_at + 3_600, actor, id, EventStatus::Held).await?;

        // Minutes and follow-up actions for the working meetings.
        let with_minutes = matches!(
            s.event_type,
            EventType::AnnualCoordination
                | EventType::RegionalExpert
                | EventType::Interministerial
                | EventType::CrossBorderVisit
                | EventType::MediatorsSeminar
        );
        if with_minutes {
            let m = minutes::Minutes {
                summary_lv: Some(SUMMARIES[rng.below(SUMMARIES.len())].to_owned()),
                summary_en: (s.event_type == EventType::AnnualCoordination).then(|| {
                    "Representatives of state and municipal institutions, Roma NGOs and Roma mediators took part. Progress of the Roma integration measures was reviewed.".to_owned()
                }),
                decisions_lv: Some(DECISIONS[rng.below(DECISIONS.len())].to_owned()),
                decisions_en: None,
                recommendations_lv: Some(RECOMMENDATIONS[rng.below(RECOMMENDATIONS.len())].to_owned()),
                recommendations_en: None,
                published_at: None,
            };
            minutes::save(db, ends_at + 2 * 86_400, actor, id, &m).await?;
            if s.public {
                minutes::set_published(db, ends_at + 3 * 86_400, actor, id, true).await?;
            }
            for _ in 0..rng.between(1, 3) {
                let (title, owner) = ACTIONS[rng.below(ACTIONS.len())];
                let due = s
                    .day
                    .checked_add(jiff::Span::new().months(rng.between(2, 6) as i64))
                    .ok();
                let action = actions::create(
                    db,
                    ends_at + 2 * 86_400,
                    actor,
                    id,
                    &actions::ActionInput {
                        title_lv: title.to_owned(),
                        title_en: None,
                        owner_organisation_id: org(owner)?,
                        due_date: due,
                        measures: Vec::new(),
                    },
                )
                .await?;
                let age_days = (now - ends_at) / 86_400;
                let later = ends_at + 30 * 86_400;
                let roll = rng.below(100);
                let step: Option<(ActionStatus, &str)> = match (age_days, roll) {
                    (d, r) if d > 240 && r < 60 => Some((
                        ActionStatus::Done,
                        "Paveikts; rezultāts iesniegts koordinatoram.",
                    )),
                    (d, r) if d > 240 && r < 70 => Some((
                        ActionStatus::Dropped,
                        "Vairs nav aktuāls: jautājums atrisināts citā veidā.",
                    )),
                    (d, r) if d > 60 && r < 45 => {
                        Some((ActionStatus::InProgress, "Darbs sākts, dati tiek apkopoti."))
                    }
                    (d, r) if d > 60 && r < 65 => Some((ActionStatus::Done, "Paveikts.")),
                    _ => None,
                };
                if let Some((status, note)) = step {
                    actions::progress(
                        db,
                        later.min(now),
                        actor,
                        actions::Scope::All,
                        action,
                        note,
                        Some(status),
                    )
                    .await?;
                }
            }
        }

        // Feedback from about half of those asked, mostly good.
        if s.public {
            let asked = feedback::recipients(db, id).await?;
            let items: Vec<_> = asked
                .into_iter()
                .enumerate()
                .map(|(i, r)| (r, format!("demo-feedback-{n}-{i}"), no_mail("feedback")))
                .collect();
            feedback::send(db, ends_at + 86_400, actor, id, &items).await?;
            for (_, hash, _) in &items {
                if !rng.percent(45) {
                    continue;
                }
                let rating = match rng.below(100) {
                    0..=44 => 5,
                    45..=79 => 4,
                    80..=92 => 3,
                    93..=97 => 2,
                    _ => 1,
                };
                let answer = feedback::Answer {
                    rating,
                    usefulness: Some(
                        (rating + i64::try_from(rng.below(2)).unwrap_or(0) - 1).clamp(1, 5),
                    ),
                    comment: rng
                        .percent(20)
                        .then(|| COMMENTS[rng.below(COMMENTS.len())].to_owned()),
                };
                feedback::answer(db, s.day, hash, &answer).await?;
            }
        }
        if now - ends_at > 60 * 86_400 {
            events::set_status(db, ends_at + 30 * 86_400, actor, id, EventStatus::Reported).await?;
        }
    }
    // Demo mails reach nobody; they do not wait in the outbox either.
    store::outbox::drop_to_domain(db, "demo.roma.invalid").await?;
    Ok(())
}
