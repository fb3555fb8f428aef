//! The demo's success stories: invented people, each with a recorded consent; one story's
//! consent was withdrawn (it is off the site), one is a minor's with the guardian's consent and
//! the child's view, one is anonymised, one waits for review. Every text says it is invented.

use store::stories::{Media, NewConsent, Step, Story};
use store::{Actor, Db};

/// (person, anonymised, place code, title lv, title en, summary lv, summary en, body lv,
/// consent channels, minor, what happens after the consent)
type Spec = (
    &'static str,
    bool,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
    Outcome,
);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Published,
    Review,
    Withdrawn,
}

const STORIES: [Spec; 5] = [
    (
        "Demo Laura Izdomātā",
        false,
        "jelgava",
        "No skolas sola līdz medmāsas diplomam (demo)",
        "From a school desk to a nursing diploma (demo)",
        "Izdomāts stāsts: jauna romu sieviete pabeidza koledžu un strādā slimnīcā.",
        "Invented story: a young Roma woman finished college and works in a hospital.",
        "<p>Šis ir izdomāts demonstrācijas stāsts. Laura (izdomāta persona) stāsta, kā mediatora atbalsts palīdzēja pabeigt skolu.</p>",
        &["site", "social"],
        false,
        Outcome::Published,
    ),
    (
        "Demo Jānis Piemērs",
        false,
        "ventspils",
        "Mans uzņēmums — auto serviss (demo)",
        "My own business — a car repair shop (demo)",
        "Izdomāts stāsts: romu vīrietis atvēra darbnīcu ar mikrokredītu.",
        "Invented story: a Roma man opened a workshop with a microcredit.",
        "<p>Izdomāts demonstrācijas teksts par uzņēmējdarbības sākšanu.</p>",
        &["site", "press"],
        false,
        Outcome::Published,
    ),
    (
        "Demo pseidonīms «Marta»",
        true,
        "valmieras-novads",
        "Mūzika, kas satuvina (demo, anonimizēts)",
        "Music that brings people together (demo, anonymised)",
        "Izdomāts stāsts: jauniete spēlē romu mūziku skolas koncertos.",
        "Invented story: a girl plays Roma music at school concerts.",
        "<p>Izdomāts demonstrācijas teksts; persona ir nepilngadīga, stāsts anonimizēts.</p>",
        &["site"],
        true,
        Outcome::Published,
    ),
    (
        "Demo Kārlis Paraugs",
        false,
        "daugavpils",
        "Treneris, kas neatlaižas (demo)",
        "A coach who never gives up (demo)",
        "Izdomāts stāsts par romu jauniešu futbola komandu.",
        "Invented story about a Roma youth football team.",
        "<p>Izdomāts demonstrācijas teksts. Šī stāsta piekrišana ir atsaukta, tāpēc tas vietnē nav redzams.</p>",
        &["site"],
        false,
        Outcome::Withdrawn,
    ),
    (
        "Demo Ilze Izdomātā",
        false,
        "riga",
        "Pirmā romu studente savā ģimenē (demo, gaida pārskatīšanu)",
        "The first student in her family (demo, in review)",
        "Izdomāts stāsts, kas gaida redakcijas pārskatīšanu.",
        "Invented story waiting for the editorial review.",
        "<p>Izdomāts demonstrācijas teksts.</p>",
        &["site"],
        false,
        Outcome::Review,
    ),
];

/// Seeds the demo stories (called once, from the demo seed).
pub async fn seed(db: &Db, now: i64) -> store::Result<()> {
    let Some(coordinator) =
        store::users::find_by_email(db, "koordinators@demo.roma.invalid").await?
    else {
        return Ok(());
    };
    let actor = Actor {
        user_id: Some(coordinator.id),
        label: None,
        ip: None,
    };
    for (i, s) in STORIES.iter().enumerate() {
        let at = now - (STORIES.len() - i) as i64 * 86_400 * 13;
        let story = Story {
            person_name: s.0.to_owned(),
            anonymised: s.1,
            territory_id: Some(store::territories::by_code(db, s.2).await?.id),
            title_lv: s.3.to_owned(),
            title_en: Some(s.4.to_owned()),
            summary_lv: s.5.to_owned(),
            summary_en: Some(s.6.to_owned()),
            body_lv: s.7.to_owned(),
            body_en: Some(format!("<p>Invented demo story. {}</p>", s.6)),
            title_rom: (i == 0).then(|| "Andar e škola dži ko diplomo (demo)".to_owned()),
            summary_rom: (i == 0)
                .then(|| "Demo: kerdo paramisi (izdomāts teksts romu valodā).".to_owned()),
            body_rom: (i == 0).then(|| "<p>Demo: kerdo paramisi.</p>".to_owned()),
            ..Story::default()
        };
        let id = store::stories::save(db, at, &actor, &story).await?;
        let day = jiff::Timestamp::from_second(at)
            .map(|t| {
                t.to_zoned_datetime(jiff::tz::TimeZone::UTC)
                    .date()
                    .to_string()
            })
            .unwrap_or_default();
        store::stories::record_consent(
            db,
            at + 60,
            &actor,
            id,
            &NewConsent {
                channels: s.8.iter().map(|c| crate::coded(c)).collect(),
                given_on: day.clone(),
                form_reference: format!("Demo lietvedība KM/{}-{}", 2026, 100 + i),
                minor: s.9,
                guardian_name: s.9.then(|| "Demo likumiskais pārstāvis".to_owned()),
                child_view: s.9.then_some(domain::site::ChildView::Agrees),
                named: !s.1,
                photo: !s.1,
            },
        )
        .await?;
        store::stories::step(db, at + 120, &actor, id, Step::ToReview).await?;
        if s.10 != Outcome::Review {
            store::stories::step(db, at + 180, &actor, id, Step::Publish).await?;
        }
        if i == 1 {
            store::stories::add_media(
                db,
                at + 240,
                &actor,
                id,
                &Media {
                    kind: domain::site::StoryMedia::Press,
                    outlet: "Demo laikraksts (izdomāts)".to_owned(),
                    title: "Auto serviss, kas palīdz visai ielai (demo)".to_owned(),
                    url: "https://example.invalid/demo-raksts".to_owned(),
                    published_on: Some(day.clone()),
                    ..Media::default()
                },
            )
            .await?;
        }
        if s.10 == Outcome::Withdrawn {
            // Two days ago: a withdrawn story is deleted after a month.
            let when = now - 2 * 86_400;
            let withdrawn_on = jiff::Timestamp::from_second(when)
                .map(|t| {
                    t.to_zoned_datetime(jiff::tz::TimeZone::UTC)
                        .date()
                        .to_string()
                })
                .unwrap_or_default();
            store::stories::withdraw_consent(db, when, &actor, id, &withdrawn_on, None).await?;
        }
    }
    Ok(())
}
