//! The demo's good-practice library: a dozen invented practices — from the demo good-practice
//! visits, mediation, education, employment, a few from Estonia and Lithuania — one waiting
//! for review and one returned to its author. Every text says it is invented.

use store::practices::{Decision, Editor, Practice, Status};
use store::{Actor, Db};

/// (place code, title lv, title en, summary lv, summary en, areas, target groups,
/// year from, year to, implementers, status after seeding, from a good-practice visit)
type Spec = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
    i64,
    Option<i64>,
    &'static str,
    Status,
    bool,
);

const PRACTICES: [Spec; 12] = [
    (
        "ventspils",
        "Skolēnu mācību atbalsts pēc stundām Ventspilī (demo)",
        Some("After-school learning support in Ventspils (demo)"),
        "Izdomāts piemērs: romu skolēni divreiz nedēļā mācās kopā ar skolotāja palīgu; skolas apmeklējums uzlabojās.",
        Some(
            "Invented example: Roma pupils study twice a week with a teaching assistant; school attendance improved.",
        ),
        &["education"],
        &["children", "families"],
        2024,
        None,
        "Ventspils pilsētas skola (demo)",
        Status::Published,
        true,
    ),
    (
        "talsu-novads",
        "Sociālā darba komanda romu ģimenēm Talsu novadā (demo)",
        Some("A social work team for Roma families in Talsi (demo)"),
        "Izdomāts piemērs: sociālais darbinieks un romu mediators apmeklē ģimenes kopā; mazāk parādu par mājokli.",
        Some(
            "Invented example: a social worker and a Roma mediator visit families together; fewer housing debts.",
        ),
        &["inclusion", "housing"],
        &["families"],
        2023,
        Some(2025),
        "Talsu novada sociālais dienests (demo)",
        Status::Published,
        true,
    ),
    (
        "valmieras-novads",
        "Romu mediators pašvaldībā: Valmieras modelis (demo)",
        Some("A Roma mediator in the municipality: the Valmiera model (demo)"),
        "Izdomāts piemērs: mediators strādā sociālajā dienestā un skolās; ģimenes biežāk vēršas pēc palīdzības.",
        Some(
            "Invented example: the mediator works in the social service and schools; families ask for help more often.",
        ),
        &["inclusion", "education"],
        &["families", "institutions"],
        2022,
        None,
        "Valmieras novada pašvaldība (demo)",
        Status::Published,
        true,
    ),
    (
        "jelgava",
        "Jauniešu darba prasmju darbnīcas Jelgavā (demo)",
        Some("Work-skills workshops for young people in Jelgava (demo)"),
        "Izdomāts piemērs: CV, darba intervija un prakse uzņēmumā romu jauniešiem no 16 līdz 29 gadiem.",
        Some(
            "Invented example: CV, job interview and a work placement for Roma youth aged 16 to 29.",
        ),
        &["employment"],
        &["youth"],
        2025,
        Some(2026),
        "Biedrība \"Romu ceļš\" (demo)",
        Status::Published,
        false,
    ),
    (
        "daugavpils",
        "Pirmsskolas sagatavošana romu bērniem Daugavpilī (demo)",
        Some("Pre-school preparation for Roma children in Daugavpils (demo)"),
        "Izdomāts piemērs: vasaras grupa pirms 1. klases; vairāk bērnu sāk skolu laikā.",
        Some(
            "Invented example: a summer group before first grade; more children start school on time.",
        ),
        &["education"],
        &["children"],
        2024,
        Some(2024),
        "Daugavpils pilsētas izglītības pārvalde (demo)",
        Status::Published,
        false,
    ),
    (
        "rezekne",
        "Veselības dienas romu sievietēm Rēzeknē (demo)",
        Some("Health days for Roma women in Rēzekne (demo)"),
        "Izdomāts piemērs: ģimenes ārsts un medmāsa runā par profilaktiskajām pārbaudēm; vairāk sieviešu tās veic.",
        Some(
            "Invented example: a family doctor and a nurse talk about screenings; more women take them.",
        ),
        &["health"],
        &["women"],
        2025,
        None,
        "Rēzeknes valstspilsētas pašvaldība (demo)",
        Status::Published,
        false,
    ),
    (
        "riga",
        "Romu vēstures stundas Rīgas skolās (demo)",
        Some("Roma history lessons in Riga schools (demo)"),
        "Izdomāts piemērs: romu jaunieši un skolotāji kopā vada stundu par romu vēsturi un holokaustu.",
        Some(
            "Invented example: Roma youth and teachers together teach a lesson on Roma history and the Holocaust.",
        ),
        &["equality", "participation"],
        &["youth", "community"],
        2024,
        None,
        "Biedrība \"Romu ceļš\" (demo)",
        Status::Published,
        false,
    ),
    (
        "ee-valga",
        "Pārrobežu mediatoru tīkls Valgā un Valkā (demo)",
        Some("A cross-border mediators' network in Valga and Valka (demo)"),
        "Izdomāts piemērs: Igaunijas un Latvijas mediatori dalās ar gadījumu risinājumiem un kopīgām apmācībām.",
        Some(
            "Invented example: Estonian and Latvian mediators share case solutions and joint trainings.",
        ),
        &["inclusion", "participation"],
        &["institutions"],
        2023,
        None,
        "Valgas pašvaldība (demo)",
        Status::Published,
        false,
    ),
    (
        "ee-tartu",
        "Mācību mentori romu skolēniem Tartu (demo)",
        Some("Learning mentors for Roma pupils in Tartu (demo)"),
        "Izdomāts piemērs: studenti mentori palīdz pusaudžiem pabeigt pamatskolu.",
        Some("Invented example: student mentors help teenagers finish basic school."),
        &["education"],
        &["children", "youth"],
        2022,
        Some(2025),
        "Tartu universitātes brīvprātīgie (demo)",
        Status::Published,
        false,
    ),
    (
        "lt-vilnius",
        "Nodarbinātības konsultanti romu kopienai Viļņā (demo)",
        Some("Employment counsellors for the Roma community in Vilnius (demo)"),
        "Izdomāts piemērs: konsultants palīdz ar dokumentiem, kursiem un darba meklēšanu; daļa dalībnieku sāk strādāt.",
        Some(
            "Invented example: a counsellor helps with documents, courses and job search; some participants start work.",
        ),
        &["employment", "inclusion"],
        &["adults"],
        2021,
        None,
        "Viļņas romu kopienas centrs (demo)",
        Status::Published,
        false,
    ),
    (
        "jelgava",
        "Vecāku skola romu ģimenēm (demo, gaida izskatīšanu)",
        None,
        "Izdomāts iesniegums: vecāku tikšanās par bērnu mācībām; koordinatoram vēl jāizskata.",
        None,
        &["education"],
        &["families"],
        2026,
        None,
        "Jelgavas valstspilsētas pašvaldība (demo)",
        Status::Submitted,
        false,
    ),
    (
        "balvu-novads",
        "Romu sieviešu šūšanas darbnīca Viļakā (demo, atgriezts)",
        None,
        "Izdomāts iesniegums, ko koordinators atgrieza ar komentāru.",
        None,
        &["employment"],
        &["women"],
        2025,
        None,
        "Biedrība \"Romu ceļš\" (demo)",
        Status::Returned,
        false,
    ),
];

/// Seeds the demo practices (called once, from the demo seed). The NGO is listed in the
/// public directory so practices can name it as a contact.
pub async fn seed(db: &Db, now: i64) -> store::Result<()> {
    let user = |email: &'static str| async move { store::users::find_by_email(db, email).await };
    let (Some(coordinator), Some(ngo), Some(municipality)) = (
        user("koordinators@demo.roma.invalid").await?,
        user("nvo@demo.roma.invalid").await?,
        user("pasvaldiba@demo.roma.invalid").await?,
    ) else {
        return Ok(());
    };
    let coordinator_actor = Actor {
        user_id: Some(coordinator.id),
        label: None,
        ip: None,
    };
    let ngo_org = ngo.organisation_id;
    if let Some(org) = ngo_org {
        store::listings::set(
            db,
            now,
            &coordinator_actor,
            store::listings::Subject::Organisation(org),
            &["name".to_owned(), "email".to_owned(), "website".to_owned()],
            "2026-01-15",
            "demo",
        )
        .await?;
    }
    let visits = store::events::ids_of_type(db, "good_practice_visit").await?;
    let mut visits = visits.into_iter();
    for (i, s) in PRACTICES.iter().enumerate() {
        let (place, title_lv, title_en, summary_lv, summary_en, areas, targets) =
            (s.0, s.1, s.2, s.3, s.4, s.5, s.6);
        let at = now - (PRACTICES.len() - i) as i64 * 86_400 * 11;
        let author = match s.10 {
            Status::Submitted => &municipality,
            Status::Returned => &ngo,
            _ if s.9.contains("Romu ceļš") => &ngo,
            _ => &coordinator,
        };
        let actor = Actor {
            user_id: Some(author.id),
            label: None,
            ip: None,
        };
        let english = |lv: &str, en: Option<&str>| en.map(|_| format!("<p>{lv}</p>"));
        let p = Practice {
            title_lv: title_lv.to_owned(),
            title_en: title_en.map(str::to_owned),
            summary_lv: summary_lv.to_owned(),
            summary_en: summary_en.map(str::to_owned),
            problem_lv: "<p>Izdomāts demonstrācijas teksts: kāda problēma tika risināta.</p>"
                .to_owned(),
            problem_en: english("Invented demo text: the problem addressed.", title_en),
            activities_lv: format!(
                "<p>Izdomāts demonstrācijas teksts: ko darīja. {summary_lv}</p>"
            ),
            activities_en: summary_en
                .map(|en| format!("<p>Invented demo text: what was done. {en}</p>")),
            results_lv: "<p>Izdomāti rezultāti: 24 dalībnieki, 18 pabeidza (demo skaitļi).</p>"
                .to_owned(),
            results_en: english(
                "Invented results: 24 participants, 18 completed (demo figures).",
                title_en,
            ),
            transfer_lv: Some(
                "<p>Izdomāts: vajag vienu koordinatoru, telpu un sadarbību ar skolu.</p>"
                    .to_owned(),
            ),
            transfer_en: english(
                "Invented: one coordinator, a room and cooperation with a school.",
                title_en,
            ),
            target_groups: targets.iter().map(|t| crate::coded(t)).collect(),
            areas: areas.iter().map(|a| crate::coded(a)).collect(),
            territory_id: store::territories::by_code(db, place).await?.id,
            year_from: s.7,
            year_to: s.8,
            implementers: s.9.to_owned(),
            partners: Some("Romu mediators (demo)".to_owned()),
            cost_cents: Some(1_200_000 + i as i64 * 150_000),
            funding: Some("ESF+ un pašvaldības budžets (demo)".to_owned()),
            event_id: if s.11 { visits.next() } else { None },
            contacts: match (s.9.contains("Romu ceļš"), ngo_org) {
                (true, Some(org)) => vec![("organisation".to_owned(), org)],
                _ => Vec::new(),
            },
            ..Practice::default()
        };
        let editor = Editor {
            user_id: author.id,
            organisation_id: author.organisation_id,
            coordinator: author.id == coordinator.id,
        };
        let id = store::practices::save(db, at, &actor, editor, &p, true).await?;
        match s.10 {
            Status::Published => {
                store::practices::review(db, at + 3_600, &coordinator_actor, id, &Decision::Publish)
                    .await?
            }
            Status::Returned => {
                store::practices::review(
                    db,
                    at + 3_600,
                    &coordinator_actor,
                    id,
                    &Decision::Return(
                        "Demo komentārs: lūdzu, pievienojiet rezultātus skaitļos.".to_owned(),
                    ),
                )
                .await?
            }
            _ => {}
        }
    }
    Ok(())
}
