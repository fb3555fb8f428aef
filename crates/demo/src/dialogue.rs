//! The demo's dialogue (issue 21): about forty invented services and opportunities across
//! the demo municipalities and the state bodies — one ending within a month, one ended, one
//! not yet begun — and needs and questions in every state: new, given to an institution (one
//! late), answered on time and late, published (with consent and anonymised) and not, closed
//! and merged; one consultation closed with its summary and one open. Every name and text
//! here is invented, and says so.

use domain::dialogue::{
    CommentOutcome, DocumentKind as DocumentKindOf, NeedConcern, NeedSource, ServiceKind,
};
use domain::event::Objective;
use jiff::ToSpan;
use jiff::civil::Date;

use store::{Actor, Db};

const SERVICES_KEY: &str = "demo_services_seeded";
const NEEDS_KEY: &str = "demo_needs_seeded";

/// (provider organisation, title, summary, kind, area, groups, served place code; "" = all
/// Latvia).
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    ServiceKind,
    Objective,
    &'static [NeedConcern],
    &'static str,
);

use NeedConcern::{Children, Community, Families, Women, Youth};
use Objective as O;
use ServiceKind as K;

/// The social services and housing help of each municipality with a demo social service.
const MUNICIPAL: [(&str, &str, &str); 7] = [
    (
        "Jelgavas sociālo lietu pārvalde",
        "Jelgavas valstspilsētas pašvaldība",
        "jelgava",
    ),
    (
        "Rīgas Sociālais dienests",
        "Rīgas valstspilsētas pašvaldība",
        "riga",
    ),
    (
        "Valmieras novada Sociālais dienests",
        "Valmieras novada pašvaldība",
        "valmieras-novads",
    ),
    (
        "Ventspils sociālais dienests",
        "Ventspils valstspilsētas pašvaldība",
        "ventspils",
    ),
    (
        "Balvu novada Sociālā pārvalde",
        "Balvu novada pašvaldība",
        "balvu-novads",
    ),
    (
        "Talsu novada Sociālais dienests",
        "Talsu novada pašvaldība",
        "talsu-novads",
    ),
    (
        "Valkas novada Sociālais dienests",
        "Valkas novada pašvaldība",
        "valkas-novads",
    ),
];

/// The State Employment Agency's branches and the places they serve.
const BRANCHES: [(&str, &str); 5] = [
    (
        "Nodarbinātības valsts aģentūras Jelgavas filiāle",
        "jelgava",
    ),
    (
        "Nodarbinātības valsts aģentūras Daugavpils filiāle",
        "daugavpils",
    ),
    (
        "Nodarbinātības valsts aģentūras Rēzeknes filiāle",
        "rezekne",
    ),
    (
        "Nodarbinātības valsts aģentūras Valmieras filiāle",
        "valmieras-novads",
    ),
    (
        "Nodarbinātības valsts aģentūras Ventspils filiāle",
        "ventspils",
    ),
];

/// Schools with after-school support, and the place each serves.
const SCHOOLS: [(&str, &str); 6] = [
    ("Jelgavas Pārlielupes pamatskola", "jelgava"),
    ("Rīgas Maskavas forštates pamatskola", "riga"),
    ("Valmieras Gaujas krasta pamatskola", "valmieras-novads"),
    ("Ventspils Pārventas pamatskola", "ventspils"),
    ("Viļakas pamatskola", "balvu-novads"),
    ("Sabiles pamatskola", "talsu-novads"),
];

/// Services for all Latvia, by the state bodies.
const NATIONAL: [Spec; 8] = [
    (
        "Sabiedrības integrācijas fonds",
        "ESF+ projekts: romu kopienu iekļaušanas atbalsts (izdomāts)",
        "Demo: mediatoru un kopienas darbinieku atbalsts ģimenēm ceļā uz izglītību un darbu (izdomāts apraksts).",
        K::Esf,
        O::Inclusion,
        &[Families, Community],
        "",
    ),
    (
        "Sabiedrības integrācijas fonds",
        "NVO fonda granti romu organizācijām (izdomāts)",
        "Demo: nelieli granti romu biedrību pasākumiem un kopienas iniciatīvām (izdomāts apraksts).",
        K::Grants,
        O::Participation,
        &[Community],
        "",
    ),
    (
        "Jaunatnes starptautisko programmu aģentūra",
        "Jauniešu iniciatīvu projekti (izdomāts)",
        "Demo: finansējums jauniešu grupu projektiem, arī romu jauniešiem (izdomāts apraksts).",
        K::Grants,
        O::Participation,
        &[Youth],
        "",
    ),
    (
        "Veselības ministrija",
        "Bezmaksas profilaktiskās pārbaudes ģimenēm (izdomāts)",
        "Demo: ikgadējās profilaktiskās pārbaudes bērniem un pieaugušajiem pie ģimenes ārsta (izdomāts apraksts).",
        K::Health,
        O::Health,
        &[Children, Families],
        "",
    ),
    (
        "Izglītības un zinātnes ministrija",
        "Romu skolotāju palīgi skolās (izdomāts)",
        "Demo: skolotāja palīgs, kas runā romu valodā, palīdz bērniem mācībās un saziņā ar ģimeni (izdomāts apraksts).",
        K::Education,
        O::Education,
        &[Children],
        "",
    ),
    (
        "Labklājības ministrija",
        "Sociālās rehabilitācijas programma (izdomāts)",
        "Demo: atbalsts cilvēkiem pēc ilgstoša bezdarba vai krīzes (izdomāts apraksts).",
        K::Social,
        O::Inclusion,
        &[Families],
        "",
    ),
    (
        "Ekonomikas ministrija",
        "Mājokļu pieejamības programma ģimenēm (izdomāts)",
        "Demo: galvojums un atbalsts ģimenēm ar bērniem mājokļa iegādei vai īrei (izdomāts apraksts).",
        K::Housing,
        O::Housing,
        &[Families],
        "",
    ),
    (
        "Nodarbinātības valsts aģentūra",
        "Latviešu valodas kursi bezdarbniekiem (izdomāts)",
        "Demo: bezmaksas valodas kursi, kas palīdz atrast darbu (izdomāts apraksts).",
        K::Employment,
        O::Employment,
        &[Women, Youth],
        "",
    ),
];

/// A service to seed: (provider, title, summary, kind, area, groups, place code, from, to).
type Entry = (
    String,
    String,
    String,
    K,
    O,
    Vec<NeedConcern>,
    &'static str,
    Option<Date>,
    Option<Date>,
);

/// Seeds the services once (before the mediation world, whose referrals point at them).
pub async fn seed_services(db: &Db, now: i64, today: Date) -> store::Result<()> {
    if store::maintenance::get_meta(db, SERVICES_KEY)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let actor = Actor {
        user_id: None,
        label: Some("demo".to_owned()),
        ip: None,
    };
    // Titles name the place as people do ("Jelgava", "Valmieras novads").
    let mut names = std::collections::HashMap::new();
    for code in MUNICIPAL
        .iter()
        .map(|m| m.2)
        .chain(BRANCHES.iter().map(|b| b.1))
        .chain(SCHOOLS.iter().map(|s| s.1))
    {
        names.insert(code, store::territories::by_code(db, code).await?.name_lv);
    }
    let name = |code: &str| names.get(code).cloned().unwrap_or_default();
    let mut specs: Vec<Entry> = Vec::new();
    for (social, council, place) in MUNICIPAL {
        specs.push((
            social.to_owned(),
            format!("Sociālā darbinieka konsultācijas ģimenēm — {} (izdomāts)", name(place)),
            "Demo: sociālais darbinieks palīdz ar pabalstiem, dokumentiem un krīzes situācijām; pieņemšana bez pieraksta otrdienās (izdomāts apraksts).".to_owned(),
            K::Social,
            O::Inclusion,
            vec![Families],
            place,
            None,
            None,
        ));
        specs.push((
            council.to_owned(),
            format!("Pašvaldības palīdzība dzīvokļa jautājumos — {} (izdomāts)", name(place)),
            "Demo: rindā uz sociālo dzīvokli, palīdzība īres maksai un remontam (izdomāts apraksts).".to_owned(),
            K::Housing,
            O::Housing,
            vec![Families],
            place,
            None,
            None,
        ));
    }
    for (branch, place) in BRANCHES {
        specs.push((
            branch.to_owned(),
            format!(
                "Profesionālās apmācības programma — {} (izdomāts)",
                name(place)
            ),
            "Demo: apmācība pieprasītā profesijā ar stipendiju bezdarbniekiem (izdomāts apraksts)."
                .to_owned(),
            K::Employment,
            O::Employment,
            vec![Women, Families],
            place,
            None,
            None,
        ));
        specs.push((
            branch.to_owned(),
            format!(
                "Jauniešu garantija: atbalsts darba meklēšanā — {} (izdomāts)",
                name(place)
            ),
            "Demo: karjeras konsultācijas un prakse jauniešiem līdz 29 gadiem (izdomāts apraksts)."
                .to_owned(),
            K::Employment,
            O::Employment,
            vec![Youth],
            place,
            None,
            None,
        ));
    }
    for (school, place) in SCHOOLS {
        specs.push((
            school.to_owned(),
            format!("Pagarinātās dienas grupa un mājasdarbu atbalsts — {} (izdomāts)", name(place)),
            "Demo: pēc stundām palīdzība mājasdarbos un latviešu valodā, siltas pusdienas (izdomāts apraksts).".to_owned(),
            K::Education,
            O::Education,
            vec![Children],
            place,
            None,
            None,
        ));
    }
    for (org, title, summary, kind, area, groups, place) in NATIONAL {
        specs.push((
            org.to_owned(),
            title.to_owned(),
            summary.to_owned(),
            kind,
            area,
            groups.to_vec(),
            place,
            None,
            None,
        ));
    }
    // One ending within a month (its keepers are reminded), one ended, one not begun.
    let in_days = |n: i64| today.checked_add(n.days()).ok();
    specs.push((
        "Sabiedrības integrācijas fonds".to_owned(),
        "Vasaras nometne romu bērniem (izdomāts)".to_owned(),
        "Demo: nedēļas nometne ar mācībām un sportu; pieteikšanās līdz beigu datumam (izdomāts apraksts).".to_owned(),
        K::Education,
        O::Education,
        vec![Children, Youth],
        "",
        None,
        in_days(20),
    ));
    specs.push((
        "Nodarbinātības valsts aģentūra".to_owned(),
        "Beigusies algotu pagaidu darbu programma (izdomāts)".to_owned(),
        "Demo: programma, kas beidzās (izdomāts apraksts).".to_owned(),
        K::Employment,
        O::Employment,
        vec![Families],
        "",
        None,
        in_days(-60),
    ));
    specs.push((
        "Sabiedrības integrācijas fonds".to_owned(),
        "Nākamā gada romu kultūras programma (izdomāts)".to_owned(),
        "Demo: programma, kas vēl nav sākusies (izdomāts apraksts).".to_owned(),
        K::Grants,
        O::Participation,
        vec![Community],
        "",
        in_days(90),
        None,
    ));
    for (org, title, summary, kind, area, groups, place, from, to) in specs {
        let Some(provider_id) = store::organisations::find_by_name(db, &org).await? else {
            continue;
        };
        let places = if place.is_empty() {
            Vec::new()
        } else {
            vec![store::territories::by_code(db, place).await?.id]
        };
        let input = store::services::ServiceInput {
            title_lv: title,
            title_en: None,
            summary_lv: summary,
            summary_en: None,
            kind: Some(kind),
            area: Some(area),
            provider_id,
            target_groups: groups,
            places,
            eligibility: Some("Demo: ģimenes, kas deklarētas pašvaldībā (izdomāts).".to_owned()),
            how_to_apply: Some(
                "Demo: piesakieties klātienē vai pa tālruni; mediators var palīdzēt (izdomāts)."
                    .to_owned(),
            ),
            contact: Some("Demo: tālrunis 60000000, birojs darbdienās 9–17 (izdomāts)".to_owned()),
            cost: Some("Bez maksas".to_owned()),
            languages: Some("latviešu, krievu, romu (ar mediatoru)".to_owned()),
            link: Some("https://example.invalid/demo-pakalpojums".to_owned()),
            valid_from: from,
            valid_to: to,
        };
        store::services::save(db, now, &actor, None, None, &input).await?;
    }
    store::maintenance::set_meta(db, SERVICES_KEY, "1").await?;
    Ok(())
}

/// A need as raised: (title, description, area, place code, concerns, from the public form).
type NeedSpec = (
    &'static str,
    &'static str,
    Objective,
    &'static str,
    &'static [NeedConcern],
    bool,
);

const NEEDS: [NeedSpec; 10] = [
    (
        "Skolas autobuss pietur tālu no ciemata (izdomāts)",
        "Demo: bērniem jāiet divi kilometri gar šoseju līdz pieturai; ziemā tumsā (izdomāts).",
        O::Education,
        "balvu-novads",
        &[Children, Families],
        true,
    ),
    (
        "Ģimenes ārsts nepieņem jaunus pacientus (izdomāts)",
        "Demo: vairākas ģimenes nevar piereģistrēties pie ģimenes ārsta (izdomāts).",
        O::Health,
        "jelgava",
        &[Families],
        true,
    ),
    (
        "Sociālā dzīvokļa rinda nevirzās (izdomāts)",
        "Demo: ģimene ar trim bērniem gaida trešo gadu (izdomāts).",
        O::Housing,
        "ventspils",
        &[Families, Children],
        false,
    ),
    (
        "Nav informācijas romu valodā par vakcināciju (izdomāts)",
        "Demo: kopienā izplatās nepatiesas ziņas; vajag bukletu romu valodā (izdomāts).",
        O::Health,
        "riga",
        &[Community],
        false,
    ),
    (
        "Jauniešiem trūkst prakses vietu (izdomāts)",
        "Demo: romu jaunieši pēc arodskolas nevar atrast praksi (izdomāts).",
        O::Employment,
        "valmieras-novads",
        &[Youth],
        true,
    ),
    (
        "Sievietēm vajag latviešu valodas kursus vakaros (izdomāts)",
        "Demo: kursi notiek dienā, kad mātes pieskata bērnus (izdomāts).",
        O::Employment,
        "jelgava",
        &[Women],
        false,
    ),
    (
        "Romu vēstures stunda skolās (izdomāts)",
        "Demo: skolotāji vēlas materiālus par romu vēsturi Latvijā (izdomāts).",
        O::Equality,
        "riga",
        &[Children, Community],
        true,
    ),
    (
        "Skolas autobusa pietura pārāk tālu (izdomāts)",
        "Demo: tas pats jautājums, ko citi jau uzdeva (izdomāts).",
        O::Education,
        "balvu-novads",
        &[Children],
        true,
    ),
    (
        "Diskriminācija darba intervijā (izdomāts)",
        "Demo: jautājums par to, kur vērsties (izdomāts).",
        O::Equality,
        "daugavpils",
        &[Community],
        false,
    ),
    (
        "Kopienas telpas pasākumiem (izdomāts)",
        "Demo: romu biedrībai nav telpu tikšanās reizēm (izdomāts).",
        O::Participation,
        "rezekne",
        &[Community, Youth],
        true,
    ),
];

/// Seeds the needs once: new, given (one late), answered on time and late, published with
/// consent and anonymised, closed, merged.
pub async fn seed_needs(db: &Db, now: i64, today: Date) -> store::Result<()> {
    if store::maintenance::get_meta(db, NEEDS_KEY).await?.is_some() {
        return Ok(());
    }
    let coordinator = store::users::find_by_email(db, "koordinators@demo.roma.invalid")
        .await?
        .map(|u| u.id);
    let coord = Actor {
        user_id: coordinator,
        label: Some("demo".to_owned()),
        ip: None,
    };
    let public = Actor {
        user_id: None,
        label: Some("public_form".to_owned()),
        ip: None,
    };
    let mut ids = Vec::new();
    for (i, (title, description, area, place, concerns, from_public)) in NEEDS.iter().enumerate() {
        let input = store::needs::NeedInput {
            title: (*title).to_owned(),
            description: (*description).to_owned(),
            area: *area,
            territory_id: Some(store::territories::by_code(db, place).await?.id),
            concerns: concerns.to_vec(),
            event_id: None,
            source: if *from_public {
                NeedSource::Public
            } else {
                NeedSource::Workspace
            },
            raiser_name: from_public.then(|| format!("Demo Jautātājs Nr. {} (izdomāts)", i + 1)),
            raiser_email: from_public.then(|| format!("jautajums{}@demo.roma.invalid", i + 1)),
            contact_consent: *from_public,
            raiser_lang: Some("lv".to_owned()),
            public_consent: i % 2 == 0,
        };
        let raiser_org = if *from_public {
            None
        } else {
            store::organisations::find_by_name(db, "Biedrība \"Romu ceļš\" (demo)").await?
        };
        // Raised over the last three months, the first ones first.
        let raised_at = now - (90 - 5 * i as i64) * 86_400;
        let id = store::needs::raise(
            db,
            raised_at,
            if *from_public { &public } else { &coord },
            raiser_org,
            &input,
            |_| Vec::new(),
        )
        .await?;
        ids.push(id);
    }
    let w = Steps {
        db,
        now,
        today,
        coord: &coord,
    };
    // 0: given to Balvi, answered on time, published with consent.
    w.give(ids[0], "Balvu novada pašvaldība", 50, 30).await?;
    w.answer(ids[0], 30, "Demo: no janvāra autobuss pieturēs ciemata centrā; grafiks ir pašvaldības vietnē (izdomāta atbilde).").await?;
    store::needs::publish(
        db,
        now,
        &coord,
        ids[0],
        None,
        &store::needs::Public {
            title: "Skolas autobusa pietura ciematā (izdomāts)".to_owned(),
            question: "Demo: bērniem jāiet divi kilometri gar šoseju līdz pieturai (izdomāts)."
                .to_owned(),
            answer: "Demo: no janvāra autobuss pieturēs ciemata centrā (izdomāta atbilde)."
                .to_owned(),
            territory_id: Some(store::territories::by_code(db, "balvu-novads").await?.id),
            anonymised: false,
        },
        &[],
    )
    .await?;
    // 1: given to Jelgava, answered late, published anonymised (no consent).
    w.give(ids[1], "Jelgavas valstspilsētas pašvaldība", 70, 30)
        .await?;
    w.answer(
        ids[1],
        25,
        "Demo: pašvaldība vienojās ar divām praksēm pieņemt jaunus pacientus (izdomāta atbilde).",
    )
    .await?;
    store::needs::publish(
        db,
        now,
        &coord,
        ids[1],
        None,
        &store::needs::Public {
            title: "Pieraksts pie ģimenes ārsta (izdomāts)".to_owned(),
            question: "Demo: ģimenes nevar piereģistrēties pie ģimenes ārsta (izdomāts)."
                .to_owned(),
            answer: "Demo: divas prakses pieņem jaunus pacientus (izdomāta atbilde).".to_owned(),
            territory_id: Some(store::territories::by_code(db, "jelgava").await?.id),
            anonymised: true,
        },
        &[],
    )
    .await?;
    // 2: given to Ventspils, late, no answer yet.
    w.give(ids[2], "Ventspils valstspilsētas pašvaldība", 45, 30)
        .await?;
    // 3: given to the Ministry of Health, waiting (due later).
    w.give(ids[3], "Veselības ministrija", 5, 30).await?;
    // 4: answered on time, not published.
    w.give(
        ids[4],
        "Nodarbinātības valsts aģentūras Valmieras filiāle",
        40,
        30,
    )
    .await?;
    w.answer(
        ids[4],
        20,
        "Demo: filiāle piedāvā prakses vietas pie trim darba devējiem (izdomāta atbilde).",
    )
    .await?;
    // 5 and 6: new. 7: merged into 0's twin question. 8: closed with a reason. 9: new.
    store::needs::merge(db, now, &coord, ids[7], ids[0], &[]).await?;
    store::needs::close(db, now, &coord, ids[8], "Demo: jautājums nodots Tiesībsarga birojam, kas izskata diskriminācijas sūdzības (izdomāts).", &[]).await?;
    store::maintenance::set_meta(db, NEEDS_KEY, "1").await?;
    Ok(())
}

/// The coordinator's steps on the demo's needs, dated back from `today`.
struct Steps<'a> {
    db: &'a Db,
    now: i64,
    today: Date,
    coord: &'a Actor,
}

impl Steps<'_> {
    fn days_ago(&self, n: i64) -> Date {
        self.today.checked_sub(n.days()).unwrap_or(self.today)
    }

    /// Given to an organisation `given` days ago, to answer within `days`.
    async fn give(&self, id: i64, name: &str, given: i64, days: i64) -> store::Result<()> {
        if let Some(o) = store::organisations::find_by_name(self.db, name).await? {
            let on = self.days_ago(given);
            let due = domain::dialogue::answer_due(on, days);
            let at = self.now - given * 86_400;
            store::needs::assign(self.db, at, on, self.coord, id, o, due, &[]).await?;
        }
        Ok(())
    }

    /// Answered `on` days ago.
    async fn answer(&self, id: i64, on: i64, text: &str) -> store::Result<()> {
        store::needs::answer(
            self.db,
            self.now - on * 86_400,
            self.days_ago(on),
            self.coord,
            id,
            text,
            &[],
        )
        .await
    }
}

const CONSULTATIONS_KEY: &str = "demo_consultations_seeded";

/// Seeds two consultations once: one closed with its summary (each comment answered, one
/// hidden with the reason), one open now with a few comments.
pub async fn seed_consultations(db: &Db, now: i64, today: Date) -> store::Result<()> {
    if store::maintenance::get_meta(db, CONSULTATIONS_KEY)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let coordinator = store::users::find_by_email(db, "koordinators@demo.roma.invalid")
        .await?
        .map(|u| u.id);
    let coord = Actor {
        user_id: coordinator,
        label: Some("demo".to_owned()),
        ip: None,
    };
    let ngo = store::users::find_by_email(db, "nvo@demo.roma.invalid")
        .await?
        .map(|u| u.id);
    let ngo = Actor {
        user_id: ngo,
        label: Some("demo".to_owned()),
        ip: None,
    };
    let public = Actor {
        user_id: None,
        label: Some("public_form".to_owned()),
        ip: None,
    };
    let day = |n: i64| today.checked_add(n.days()).unwrap_or(today);
    let sections = |parts: &[(&str, &str)]| -> Vec<(String, String)> {
        parts
            .iter()
            .map(|(h, b)| ((*h).to_owned(), (*b).to_owned()))
            .collect()
    };
    // Closed and summarised.
    let closed = store::consultations::save(
        db,
        now,
        &coord,
        None,
        None,
        &store::consultations::ConsultationInput {
            title: "Demo: romu integrācijas pasākumu saraksta 2027 projekts (izdomāts)".to_owned(),
            intro: "Demo: aicinājām izteikties par nākamā gada pasākumiem (izdomāts teksts)."
                .to_owned(),
            document_kind: DocumentKindOf::Measures,
            opens_on: day(-60),
            closes_on: day(-30),
            public_comments: true,
            sections: sections(&[
                (
                    "1. Izglītība",
                    "Demo: skolotāju palīgi un pagarinātās dienas grupas (izdomāts).",
                ),
                (
                    "2. Nodarbinātība",
                    "Demo: prakses vietas jauniešiem un valodas kursi (izdomāts).",
                ),
                (
                    "3. Veselība",
                    "Demo: profilaktiskās pārbaudes un informācija romu valodā (izdomāts).",
                ),
            ]),
        },
    )
    .await?;
    store::consultations::publish(db, now, &coord, closed).await?;
    let c = store::consultations::get(db, closed).await?;
    let during = day(-45);
    let comments = [
        (
            &ngo,
            0,
            Some("Biedrība \"Romu ceļš\" (demo)"),
            "Demo: lūdzam paredzēt arī vasaras nometnes (izdomāts komentārs).",
        ),
        (
            &public,
            1,
            None,
            "Demo: valodas kursiem vajag vakara grupas mātēm (izdomāts komentārs).",
        ),
        (&public, 2, None, "Demo: nepiedienīgs komentārs (izdomāts)."),
        (
            &ngo,
            2,
            Some("Biedrība \"Romu ceļš\" (demo)"),
            "Demo: bukleti romu valodā par vakcināciju (izdomāts komentārs).",
        ),
    ];
    let mut ids = Vec::new();
    for (who, section, org, text) in comments {
        let s = c.sections[section].id;
        ids.push(
            store::consultations::comment(db, now - 45 * 86_400, during, who, closed, s, org, text)
                .await?,
        );
    }
    store::consultations::hide(
        db,
        now,
        &coord,
        closed,
        ids[2],
        "Demo: aizskarošs saturs (izdomāts).",
    )
    .await?;
    for (id, outcome, response) in [
        (
            ids[0],
            CommentOutcome::TakenUp,
            "Demo: nometnes iekļautas 1. sadaļā (izdomāts).",
        ),
        (
            ids[1],
            CommentOutcome::Partly,
            "Demo: vakara grupas Jelgavā un Rīgā (izdomāts).",
        ),
        (
            ids[3],
            CommentOutcome::NotTakenUp,
            "Demo: bukleti jau paredzēti Veselības ministrijas plānā (izdomāts).",
        ),
    ] {
        store::consultations::answer(db, now, today, &coord, closed, id, outcome, Some(response))
            .await?;
    }
    store::consultations::summarise(
        db,
        now,
        today,
        &coord,
        closed,
        "Demo: saņemti četri komentāri; divi ņemti vērā pilnībā vai daļēji, viens nav ņemts vērā ar pamatojumu, viens paslēpts (izdomāts kopsavilkums).",
    )
    .await?;
    // Open now.
    let open = store::consultations::save(
        db,
        now,
        &coord,
        None,
        None,
        &store::consultations::ConsultationInput {
            title: "Demo: gada ziņojuma par romu integrāciju projekts (izdomāts)".to_owned(),
            intro: "Demo: ziņojums valdībai; komentēt var platformas lietotāji (izdomāts teksts)."
                .to_owned(),
            document_kind: DocumentKindOf::Report,
            opens_on: day(-5),
            closes_on: day(20),
            public_comments: false,
            sections: sections(&[
                ("Kopsavilkums", "Demo: gada galvenie rezultāti (izdomāts)."),
                (
                    "Mediācija",
                    "Demo: mediatoru darbs piecās pašvaldībās (izdomāts).",
                ),
            ]),
        },
    )
    .await?;
    store::consultations::publish(db, now, &coord, open).await?;
    let o = store::consultations::get(db, open).await?;
    store::consultations::comment(
        db,
        now,
        today,
        &ngo,
        open,
        o.sections[1].id,
        Some("Biedrība \"Romu ceļš\" (demo)"),
        "Demo: lūdzam minēt arī mediatoru apmācības (izdomāts komentārs).",
    )
    .await?;
    store::maintenance::set_meta(db, CONSULTATIONS_KEY, "1").await?;
    Ok(())
}
