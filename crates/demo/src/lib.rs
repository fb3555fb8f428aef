//! The synthetic demo world: the Ministry of Culture as coordinator, the co-responsible
//! ministries and agencies, the municipalities that host Roma mediators and their
//! institutions, Roma and other NGOs, the Estonian and Lithuanian partners, and about 300
//! invented people in 19 Latvian cities and towns, with one user account per role.
//!
//! Public bodies keep their real names (they are institutions); every NGO is invented and
//! marked "(demo)", and every person is invented: a name drawn from the lists in
//! `data/demo/`, an e-mail on the reserved domain `demo.roma.invalid`, a phone number in
//! the +371 2000 0xxx block. The world is drawn by a fixed-seed generator, so it is the
//! same at every load (screenshots and benchmarks stay comparable). Later issues add their
//! own demo data here, through the store's functions only (this crate runs no SQL).

mod dialogue;
mod events;
mod mediation;
mod plans;
mod practices;
mod privacy;
mod site;
mod stories;

use std::collections::{HashMap, HashSet};

use domain::auth::Role;
use domain::directory::{Gender, OrgKind, ROMA_NOTICE_VERSION, RomaIdentity};
use domain::text::fold;
use jiff::civil::{Date, date};

use store::{Actor, Db, Error, organisations, people, territories, users};

/// Demo accounts: one per role, with the organisation (by its Latvian name) the account
/// belongs to. The e-mail domain is reserved (`.invalid`), so no mail can ever reach a
/// real person.
pub const DEMO_USERS: &[(Role, &str, &str, &str)] = &[
    (
        Role::Coordinator,
        "koordinators@demo.roma.invalid",
        "Demo Koordinatore",
        "Kultūras ministrija",
    ),
    (
        Role::Ministry,
        "ministrija@demo.roma.invalid",
        "Demo Ministrijas Pārstāvis",
        "Labklājības ministrija",
    ),
    (
        Role::Municipality,
        "pasvaldiba@demo.roma.invalid",
        "Demo Pašvaldības Speciāliste",
        "Jelgavas valstspilsētas pašvaldība",
    ),
    (
        Role::Mediator,
        "mediators@demo.roma.invalid",
        "Demo Mediatore",
        "Balvu novada pašvaldība",
    ),
    (
        Role::Ngo,
        "nvo@demo.roma.invalid",
        "Demo Biedrības Vadītājs",
        "Biedrība \"Romu ceļš\" (demo)",
    ),
];

/// A second demo coordinator (no person behind the account): four-eyes approvals —
/// supervisors, handovers of families — need two coordinators.
pub const DEMO_SECOND_COORDINATOR: (&str, &str) =
    ("koordinatore2@demo.roma.invalid", "Demo Otrā Koordinatore");

pub use privacy::DEMO_DPO;

const META_KEY: &str = "demo_seeded";

/// The seed of the generator. Changing it changes every invented person.
const SEED: u64 = 0x526f_6d61_2d4c_5621;

/// The e-mail domain of every demo address (reserved: it can never resolve).
const EMAIL_DOMAIN: &str = "demo.roma.invalid";

/// An earlier version of the Roma self-identification notice, for the few demo people
/// whose consent history goes back before the current notice.
const EARLIER_NOTICE_VERSION: &str = "2024-03";

const GIVEN_NAMES_CSV: &str = include_str!("../../../data/demo/given_names.csv");
const SURNAMES_CSV: &str = include_str!("../../../data/demo/surnames.csv");

// ---------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
struct OrgSpec {
    /// The key people refer to; also the local part of the organisation's demo e-mail.
    key: &'static str,
    name_lv: &'static str,
    name_en: Option<&'static str>,
    kind: OrgKind,
    parent: Option<&'static str>,
    place: &'static str,
    website: Option<&'static str>,
}

const fn org(
    key: &'static str,
    name_lv: &'static str,
    name_en: Option<&'static str>,
    kind: OrgKind,
    parent: Option<&'static str>,
    place: &'static str,
    website: Option<&'static str>,
) -> OrgSpec {
    OrgSpec {
        key,
        name_lv,
        name_en,
        kind,
        parent,
        place,
        website,
    }
}

use OrgKind::{
    Academia, InternationalPartner, Media, Ministry, MunicipalInstitution, Municipality, OtherNgo,
    RomaNgo, StateAgency,
};

/// Parents come before their children.
#[rustfmt::skip]
const ORGS: &[OrgSpec] = &[
    // The coordinator and the co-responsible ministries and agencies.
    org("km", "Kultūras ministrija", Some("Ministry of Culture"), Ministry, None, "riga", Some("https://www.km.gov.lv")),
    org("lm", "Labklājības ministrija", Some("Ministry of Welfare"), Ministry, None, "riga", Some("https://www.lm.gov.lv")),
    org("izm", "Izglītības un zinātnes ministrija", Some("Ministry of Education and Science"), Ministry, None, "riga", Some("https://www.izm.gov.lv")),
    org("vm", "Veselības ministrija", Some("Ministry of Health"), Ministry, None, "riga", Some("https://www.vm.gov.lv")),
    org("em", "Ekonomikas ministrija", Some("Ministry of Economics"), Ministry, None, "riga", Some("https://www.em.gov.lv")),
    org("sif", "Sabiedrības integrācijas fonds", Some("Society Integration Foundation"), StateAgency, None, "riga", Some("https://www.sif.gov.lv")),
    org("jspa", "Jaunatnes starptautisko programmu aģentūra", Some("Youth International Programmes Agency"), StateAgency, None, "riga", Some("https://www.jaunatne.gov.lv")),
    org("nva", "Nodarbinātības valsts aģentūra", Some("State Employment Agency"), StateAgency, None, "riga", Some("https://www.nva.gov.lv")),
    org("nva-daugavpils", "Nodarbinātības valsts aģentūras Daugavpils filiāle", None, StateAgency, Some("nva"), "daugavpils", None),
    org("nva-jelgava", "Nodarbinātības valsts aģentūras Jelgavas filiāle", None, StateAgency, Some("nva"), "jelgava", None),
    org("nva-rezekne", "Nodarbinātības valsts aģentūras Rēzeknes filiāle", None, StateAgency, Some("nva"), "rezekne", None),
    org("nva-valmiera", "Nodarbinātības valsts aģentūras Valmieras filiāle", None, StateAgency, Some("nva"), "town:valmiera", None),
    org("nva-ventspils", "Nodarbinātības valsts aģentūras Ventspils filiāle", None, StateAgency, Some("nva"), "ventspils", None),
    // Municipalities that host Roma mediators, then Talsi and Valka, then the others
    // where the demo people live.
    org("jelgava", "Jelgavas valstspilsētas pašvaldība", Some("Jelgava State City Municipality"), Municipality, None, "jelgava", None),
    org("riga", "Rīgas valstspilsētas pašvaldība", Some("Riga State City Municipality"), Municipality, None, "riga", None),
    org("valmiera", "Valmieras novada pašvaldība", Some("Valmiera Municipality"), Municipality, None, "valmieras-novads", None),
    org("ventspils", "Ventspils valstspilsētas pašvaldība", Some("Ventspils State City Municipality"), Municipality, None, "ventspils", None),
    org("balvi", "Balvu novada pašvaldība", Some("Balvi Municipality"), Municipality, None, "balvu-novads", None),
    org("talsi", "Talsu novada pašvaldība", Some("Talsi Municipality"), Municipality, None, "talsu-novads", None),
    org("valka", "Valkas novada pašvaldība", Some("Valka Municipality"), Municipality, None, "valkas-novads", None),
    org("daugavpils", "Daugavpils valstspilsētas pašvaldība", None, Municipality, None, "daugavpils", None),
    org("liepaja", "Liepājas valstspilsētas pašvaldība", None, Municipality, None, "liepaja", None),
    org("rezekne", "Rēzeknes valstspilsētas pašvaldība", None, Municipality, None, "rezekne", None),
    org("jurmala", "Jūrmalas valstspilsētas pašvaldība", None, Municipality, None, "jurmala", None),
    org("tukums", "Tukuma novada pašvaldība", None, Municipality, None, "tukuma-novads", None),
    org("kuldiga", "Kuldīgas novada pašvaldība", None, Municipality, None, "kuldigas-novads", None),
    org("ludza", "Ludzas novada pašvaldība", None, Municipality, None, "ludzas-novads", None),
    org("kraslava", "Krāslavas novada pašvaldība", None, Municipality, None, "kraslavas-novads", None),
    org("jekabpils", "Jēkabpils novada pašvaldība", None, Municipality, None, "jekabpils-novads", None),
    org("cesis", "Cēsu novada pašvaldība", None, Municipality, None, "cesu-novads", None),
    // Municipal institutions (names invented where needed).
    org("jelgava-social", "Jelgavas sociālo lietu pārvalde", None, MunicipalInstitution, Some("jelgava"), "jelgava", None),
    org("jelgava-school", "Jelgavas Pārlielupes pamatskola", None, MunicipalInstitution, Some("jelgava"), "jelgava", None),
    org("jelgava-council", "Jelgavas romu jautājumu konsultatīvā padome", None, MunicipalInstitution, Some("jelgava"), "jelgava", None),
    org("riga-social", "Rīgas Sociālais dienests", None, MunicipalInstitution, Some("riga"), "riga", None),
    org("riga-school", "Rīgas Maskavas forštates pamatskola", None, MunicipalInstitution, Some("riga"), "riga", None),
    org("valmiera-social", "Valmieras novada Sociālais dienests", None, MunicipalInstitution, Some("valmiera"), "town:valmiera", None),
    org("valmiera-school", "Valmieras Gaujas krasta pamatskola", None, MunicipalInstitution, Some("valmiera"), "town:valmiera", None),
    org("ventspils-social", "Ventspils sociālais dienests", None, MunicipalInstitution, Some("ventspils"), "ventspils", None),
    org("ventspils-school", "Ventspils Pārventas pamatskola", None, MunicipalInstitution, Some("ventspils"), "ventspils", None),
    org("balvi-social", "Balvu novada Sociālā pārvalde", None, MunicipalInstitution, Some("balvi"), "town:balvi", None),
    org("vilaka-school", "Viļakas pamatskola", None, MunicipalInstitution, Some("balvi"), "town:vilaka", None),
    org("talsi-social", "Talsu novada Sociālais dienests", None, MunicipalInstitution, Some("talsi"), "town:talsi", None),
    org("sabile-school", "Sabiles pamatskola", None, MunicipalInstitution, Some("talsi"), "town:sabile", None),
    org("valka-social", "Valkas novada Sociālais dienests", None, MunicipalInstitution, Some("valka"), "town:valka", None),
    // Roma NGOs (invented).
    org("rngo-jelgava", "Biedrība \"Romu ceļš\" (demo)", Some("Roma Road association (demo)"), RomaNgo, None, "jelgava", None),
    org("rngo-riga", "Biedrība \"Romu kultūras centrs\" (demo)", Some("Roma Culture Centre (demo)"), RomaNgo, None, "riga", None),
    org("rngo-youth", "Romu jauniešu apvienība \"Terne\" (demo)", Some("Roma youth union Terne (demo)"), RomaNgo, None, "riga", None),
    org("rngo-women", "Romu sieviešu biedrība \"Pheni\" (demo)", Some("Roma women's association Pheni (demo)"), RomaNgo, None, "ventspils", None),
    org("rngo-latgale", "Latgales romu biedrība \"Drom\" (demo)", Some("Latgale Roma association Drom (demo)"), RomaNgo, None, "daugavpils", None),
    org("rngo-vilaka", "Ziemeļlatgales romu kopiena (demo)", Some("North Latgale Roma community (demo)"), RomaNgo, None, "town:vilaka", None),
    org("rngo-valmiera", "Vidzemes romu biedrība \"Baxt\" (demo)", Some("Vidzeme Roma association Baxt (demo)"), RomaNgo, None, "town:valmiera", None),
    org("rngo-kurzeme", "Kurzemes romu biedrība \"Čiriklo\" (demo)", Some("Kurzeme Roma association Čiriklo (demo)"), RomaNgo, None, "town:talsi", None),
    org("rngo-rezekne", "Rēzeknes romu kopiena \"Lačho drom\" (demo)", Some("Rēzekne Roma community (demo)"), RomaNgo, None, "rezekne", None),
    // Other NGOs (invented).
    org("ngo-rights", "Biedrība \"Vienlīdzīgas iespējas\" (demo)", Some("Equal Opportunities association (demo)"), OtherNgo, None, "riga", None),
    org("ngo-tilts", "Jauniešu centrs \"Tilts\" (demo)", Some("Youth centre Tilts (demo)"), OtherNgo, None, "jelgava", None),
    org("ngo-women", "Sieviešu atbalsta biedrība \"Saulespuķe\" (demo)", None, OtherNgo, None, "daugavpils", None),
    org("ngo-kurzeme", "Kurzemes pilsoniskās sabiedrības tīkls (demo)", None, OtherNgo, None, "liepaja", None),
    org("ngo-education", "Biedrība \"Latgales izglītības iniciatīvas\" (demo)", None, OtherNgo, None, "rezekne", None),
    org("ngo-vidzeme", "Vidzemes kopienu fonds (demo)", None, OtherNgo, None, "town:cesis", None),
    org("ngo-families", "Ģimeņu atbalsta biedrība \"Pavards\" (demo)", None, OtherNgo, None, "jurmala", None),
    org("ngo-border", "Pierobežas sadarbības biedrība \"Valka–Valga\" (demo)", None, OtherNgo, None, "town:valka", None),
    org("ngo-selija", "Sēlijas kopienu biedrība (demo)", None, OtherNgo, None, "town:jekabpils", None),
    // Experts: academia, media, an experts' network.
    org("lu", "Latvijas Universitāte", Some("University of Latvia"), Academia, None, "riga", Some("https://www.lu.lv")),
    org("du", "Daugavpils Universitāte", Some("Daugavpils University"), Academia, None, "daugavpils", Some("https://du.lv")),
    org("media", "Ziņu portāls \"Romu balss\" (demo)", Some("News portal Romu balss (demo)"), Media, None, "riga", None),
    org("experts", "Romu integrācijas ekspertu tīkls (demo)", Some("Roma integration experts' network (demo)"), OrgKind::Other, None, "riga", None),
    // Partners abroad.
    org("ee-km", "Igaunijas Kultūras ministrija", Some("Ministry of Culture of Estonia"), InternationalPartner, None, "ee-tallinn", Some("https://www.kul.ee")),
    org("lt-tmd", "Lietuvas Nacionālo minoritāšu departaments", Some("Department of National Minorities of Lithuania"), InternationalPartner, None, "lt-vilnius", None),
    org("ee-valga", "Valgas pašvaldība", Some("Valga Municipality Government"), InternationalPartner, None, "ee-valga", None),
];

// ---------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------

/// A role title in its feminine and masculine form.
type Title = (&'static str, &'static str);

/// Where the people of a group live, with weights.
type Places = &'static [(&'static str, u32)];

/// Which part of the platform's stakeholders a person belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    /// State and municipal bodies and non-Roma NGOs.
    Public,
    /// Roma representatives (members of Roma NGOs).
    Roma,
    Mediator,
    Expert,
    Partner,
}

/// Which name lists a person's name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Lv,
    Ee,
    Lt,
}

impl Origin {
    fn code(self) -> &'static str {
        match self {
            Origin::Lv => "lv",
            Origin::Ee => "ee",
            Origin::Lt => "lt",
        }
    }
}

/// Birth years as (first, last, weight).
type Ages = &'static [(i32, i32, u32)];

const STAFF_AGES: Ages = &[
    (1997, 2003, 10),
    (1977, 1996, 48),
    (1962, 1976, 34),
    (1954, 1961, 8),
];
const ROMA_AGES: Ages = &[
    (1997, 2008, 35),
    (1977, 1996, 40),
    (1962, 1976, 19),
    (1950, 1961, 6),
];
const YOUTH_AGES: Ages = &[(1997, 2008, 92), (1990, 1996, 8)];
const EXPERT_AGES: Ages = &[(1990, 1996, 15), (1970, 1989, 45), (1955, 1969, 40)];
const MEDIATOR_AGES: Ages = &[(1985, 1996, 40), (1970, 1984, 50), (1962, 1969, 10)];

/// Whose Roma self-identification the demo records (with consent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RomaProfile {
    /// Most Roma representatives: mostly "yes".
    Representative,
    /// Mediators: nearly all "yes".
    Mediator,
    /// A few others: "no" or "prefers not to say", rarely "yes".
    Occasional,
    Never,
}

/// A further membership a person of a group may hold.
#[derive(Debug)]
struct Also {
    org: &'static str,
    title: Title,
    percent: u32,
    /// Only for people aged 18–29.
    youth_only: bool,
}

/// A group of invented people sharing an organisation and a profile.
#[derive(Debug)]
struct Group {
    org: &'static str,
    count: usize,
    category: Category,
    places: Places,
    /// The title of the group's first person (the head), if any.
    head: Option<Title>,
    titles: &'static [Title],
    ages: Ages,
    /// Percent of women (the rest men, apart from a few who do not say).
    female: u32,
    roma: RomaProfile,
    /// Percent whose membership has ended (history).
    ended: u32,
    also: &'static [Also],
    origin: Origin,
}

const fn group(
    org: &'static str,
    count: usize,
    category: Category,
    places: Places,
    head: Option<Title>,
    titles: &'static [Title],
) -> Group {
    let (ages, female, roma, origin) = match category {
        Category::Public => (STAFF_AGES, 74, RomaProfile::Occasional, Origin::Lv),
        Category::Roma => (ROMA_AGES, 52, RomaProfile::Representative, Origin::Lv),
        Category::Mediator => (MEDIATOR_AGES, 60, RomaProfile::Mediator, Origin::Lv),
        Category::Expert => (EXPERT_AGES, 62, RomaProfile::Occasional, Origin::Lv),
        Category::Partner => (EXPERT_AGES, 65, RomaProfile::Never, Origin::Ee),
    };
    Group {
        org,
        count,
        category,
        places,
        head,
        titles,
        ages,
        female,
        roma,
        ended: 5,
        also: &[],
        origin,
    }
}

impl Group {
    const fn ended(mut self, percent: u32) -> Group {
        self.ended = percent;
        self
    }
    const fn ages(mut self, ages: Ages, female: u32) -> Group {
        self.ages = ages;
        self.female = female;
        self
    }
    const fn also(mut self, also: &'static [Also]) -> Group {
        self.also = also;
        self
    }
    const fn origin(mut self, origin: Origin) -> Group {
        self.origin = origin;
        self
    }
}

const RIGA_AREA: Places = &[
    ("riga", 78),
    ("jurmala", 10),
    ("jelgava", 4),
    ("town:tukums", 4),
    ("town:cesis", 4),
];

const MINISTRY_HEAD: Title = ("departamenta direktore", "departamenta direktors");
const MINISTRY: &[Title] = &[
    ("nodaļas vadītāja", "nodaļas vadītājs"),
    ("vecākā referente", "vecākais referents"),
    ("vecākā referente", "vecākais referents"),
    ("referente", "referents"),
    ("eksperte", "eksperts"),
    ("juriskonsulte", "juriskonsults"),
    ("projektu koordinatore", "projektu koordinators"),
];
const AGENCY_HEAD: Title = ("nodaļas vadītāja", "nodaļas vadītājs");
const AGENCY: &[Title] = &[
    ("programmu vadītāja", "programmu vadītājs"),
    ("projektu koordinatore", "projektu koordinators"),
    ("vecākā eksperte", "vecākais eksperts"),
    ("konsultante", "konsultants"),
];
const BRANCH_HEAD: Title = ("filiāles vadītāja", "filiāles vadītājs");
const BRANCH: &[Title] = &[
    ("karjeras konsultante", "karjeras konsultants"),
    (
        "klientu apkalpošanas speciāliste",
        "klientu apkalpošanas speciālists",
    ),
    ("apmācību koordinatore", "apmācību koordinators"),
];
const MUNICIPALITY_HEAD: Title = (
    "domes priekšsēdētāja vietniece",
    "domes priekšsēdētāja vietnieks",
);
const MUNICIPALITY: &[Title] = &[
    (
        "sabiedrības integrācijas koordinatore",
        "sabiedrības integrācijas koordinators",
    ),
    ("izglītības speciāliste", "izglītības speciālists"),
    ("attīstības nodaļas vadītāja", "attīstības nodaļas vadītājs"),
    ("projektu vadītāja", "projektu vadītājs"),
    (
        "sabiedrisko attiecību speciāliste",
        "sabiedrisko attiecību speciālists",
    ),
];
const SOCIAL_HEAD: Title = ("vadītāja", "vadītājs");
const SOCIAL: &[Title] = &[
    ("sociālā darbiniece", "sociālais darbinieks"),
    ("sociālā darbiniece", "sociālais darbinieks"),
    ("sociālā darba speciāliste", "sociālā darba speciālists"),
    ("sociālā rehabilitētāja", "sociālais rehabilitētājs"),
];
const SCHOOL_HEAD: Title = ("direktore", "direktors");
const SCHOOL: &[Title] = &[
    (
        "direktora vietniece izglītības jomā",
        "direktora vietnieks izglītības jomā",
    ),
    ("sākumskolas skolotāja", "sākumskolas skolotājs"),
    ("skolotāja palīdze", "skolotāja palīgs"),
    ("sociālā pedagoģe", "sociālais pedagogs"),
];
const COUNCIL: &[Title] = &[("padomes sekretāre", "padomes sekretārs")];
const COUNCIL_MEMBER: Title = ("padomes locekle", "padomes loceklis");
const NGO_HEAD: Title = ("valdes priekšsēdētāja", "valdes priekšsēdētājs");
const NGO: &[Title] = &[
    ("valdes locekle", "valdes loceklis"),
    ("projektu vadītāja", "projektu vadītājs"),
    ("jaunatnes darbiniece", "jaunatnes darbinieks"),
    ("brīvprātīgā", "brīvprātīgais"),
    ("eksperte", "eksperts"),
];
const ROMA_NGO: &[Title] = &[
    ("valdes locekle", "valdes loceklis"),
    ("biedre", "biedrs"),
    ("biedre", "biedrs"),
    ("biedre", "biedrs"),
    ("projektu koordinatore", "projektu koordinators"),
    ("brīvprātīgā", "brīvprātīgais"),
];
const ROMA_YOUTH_HEAD: Title = ("vadītāja", "vadītājs");
const ROMA_YOUTH: &[Title] = &[
    ("jauniešu līdere", "jauniešu līderis"),
    ("biedre", "biedrs"),
    ("biedre", "biedrs"),
    ("brīvprātīgā", "brīvprātīgais"),
];
const ROMA_WOMEN: &[Title] = &[
    ("valdes locekle", "valdes loceklis"),
    ("biedre", "biedrs"),
    ("biedre", "biedrs"),
    ("kopienas konsultante", "kopienas konsultants"),
];
const MEDIATOR: &[Title] = &[("romu mediatore", "romu mediators")];
const ACADEMIA_HEAD: Title = ("vadošā pētniece", "vadošais pētnieks");
const ACADEMIA: &[Title] = &[
    ("pētniece", "pētnieks"),
    ("asociētā profesore", "asociētais profesors"),
    ("doktorante", "doktorants"),
    ("zinātniskā asistente", "zinātniskais asistents"),
];
const MEDIA_HEAD: Title = ("galvenā redaktore", "galvenais redaktors");
const MEDIA: &[Title] = &[("žurnāliste", "žurnālists"), ("redaktore", "redaktors")];
const EXPERTS_HEAD: Title = ("tīkla koordinatore", "tīkla koordinators");
const EXPERTS: &[Title] = &[
    ("romu kultūras eksperte", "romu kultūras eksperts"),
    ("izglītības eksperte", "izglītības eksperts"),
    ("nodarbinātības eksperte", "nodarbinātības eksperts"),
    ("cilvēktiesību eksperte", "cilvēktiesību eksperts"),
];
const PARTNER_HEAD: Title = ("nodaļas vadītāja", "nodaļas vadītājs");
const PARTNER: &[Title] = &[
    ("padomniece", "padomnieks"),
    ("projektu vadītāja", "projektu vadītājs"),
    ("eksperte", "eksperts"),
];

const JELGAVA_COUNCIL: &[Also] = &[Also {
    org: "jelgava-council",
    title: COUNCIL_MEMBER,
    percent: 35,
    youth_only: false,
}];
const ROMA_YOUTH_TOO: &[Also] = &[Also {
    org: "rngo-youth",
    title: ("biedre", "biedrs"),
    percent: 30,
    youth_only: true,
}];
const JELGAVA_ROMA_ALSO: &[Also] = &[
    Also {
        org: "jelgava-council",
        title: COUNCIL_MEMBER,
        percent: 15,
        youth_only: false,
    },
    Also {
        org: "rngo-youth",
        title: ("biedre", "biedrs"),
        percent: 30,
        youth_only: true,
    },
];
const fn member_of(org: &'static str) -> &'static [Also] {
    match org.as_bytes() {
        b"rngo-jelgava" => &[
            Also {
                org: "rngo-jelgava",
                title: ("biedre", "biedrs"),
                percent: 70,
                youth_only: false,
            },
            Also {
                org: "jelgava-council",
                title: COUNCIL_MEMBER,
                percent: 100,
                youth_only: false,
            },
        ],
        b"rngo-riga" => &[Also {
            org: "rngo-riga",
            title: ("biedre", "biedrs"),
            percent: 60,
            youth_only: false,
        }],
        b"rngo-valmiera" => &[Also {
            org: "rngo-valmiera",
            title: ("biedre", "biedrs"),
            percent: 60,
            youth_only: false,
        }],
        b"rngo-women" => &[Also {
            org: "rngo-women",
            title: ("biedre", "biedrs"),
            percent: 60,
            youth_only: false,
        }],
        b"rngo-kurzeme" => &[Also {
            org: "rngo-kurzeme",
            title: ("biedre", "biedrs"),
            percent: 60,
            youth_only: false,
        }],
        _ => &[],
    }
}

use Category::{Expert, Mediator, Partner, Public, Roma};

#[rustfmt::skip]
const GROUPS: &[Group] = &[
    // State bodies (the coordinator's own person and the ministry user come on top).
    group("km", 11, Public, RIGA_AREA, Some(MINISTRY_HEAD), MINISTRY),
    group("lm", 8, Public, RIGA_AREA, Some(MINISTRY_HEAD), MINISTRY),
    group("izm", 8, Public, RIGA_AREA, Some(MINISTRY_HEAD), MINISTRY),
    group("vm", 5, Public, RIGA_AREA, Some(MINISTRY_HEAD), MINISTRY),
    group("em", 4, Public, RIGA_AREA, Some(MINISTRY_HEAD), MINISTRY),
    group("sif", 7, Public, RIGA_AREA, Some(AGENCY_HEAD), AGENCY),
    group("jspa", 5, Public, RIGA_AREA, Some(AGENCY_HEAD), AGENCY),
    group("nva", 3, Public, RIGA_AREA, Some(AGENCY_HEAD), AGENCY),
    group("nva-daugavpils", 2, Public, &[("daugavpils", 1)], Some(BRANCH_HEAD), BRANCH),
    group("nva-jelgava", 2, Public, &[("jelgava", 1)], Some(BRANCH_HEAD), BRANCH),
    group("nva-rezekne", 2, Public, &[("rezekne", 3), ("town:ludza", 1)], Some(BRANCH_HEAD), BRANCH),
    group("nva-valmiera", 2, Public, &[("town:valmiera", 3), ("town:cesis", 1)], Some(BRANCH_HEAD), BRANCH),
    group("nva-ventspils", 2, Public, &[("ventspils", 1)], Some(BRANCH_HEAD), BRANCH),
    // Municipalities and their institutions.
    group("jelgava", 3, Public, &[("jelgava", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY).also(JELGAVA_COUNCIL),
    group("riga", 4, Public, &[("riga", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("valmiera", 3, Public, &[("town:valmiera", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("ventspils", 3, Public, &[("ventspils", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("balvi", 3, Public, &[("town:balvi", 2), ("town:vilaka", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("talsi", 3, Public, &[("town:talsi", 3), ("town:sabile", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("valka", 2, Public, &[("town:valka", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("daugavpils", 2, Public, &[("daugavpils", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("liepaja", 2, Public, &[("liepaja", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("rezekne", 2, Public, &[("rezekne", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("jurmala", 2, Public, &[("jurmala", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("tukums", 2, Public, &[("town:tukums", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("kuldiga", 2, Public, &[("town:kuldiga", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("ludza", 2, Public, &[("town:ludza", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("kraslava", 2, Public, &[("town:kraslava", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("jekabpils", 2, Public, &[("town:jekabpils", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("cesis", 2, Public, &[("town:cesis", 1)], Some(MUNICIPALITY_HEAD), MUNICIPALITY),
    group("jelgava-social", 2, Public, &[("jelgava", 1)], Some(SOCIAL_HEAD), SOCIAL).also(JELGAVA_COUNCIL),
    group("riga-social", 2, Public, &[("riga", 1)], Some(SOCIAL_HEAD), SOCIAL),
    group("valmiera-social", 2, Public, &[("town:valmiera", 1)], Some(SOCIAL_HEAD), SOCIAL),
    group("ventspils-social", 2, Public, &[("ventspils", 1)], Some(SOCIAL_HEAD), SOCIAL),
    group("balvi-social", 2, Public, &[("town:balvi", 1), ("town:vilaka", 1)], Some(SOCIAL_HEAD), SOCIAL),
    group("talsi-social", 2, Public, &[("town:talsi", 1), ("town:sabile", 1)], Some(SOCIAL_HEAD), SOCIAL),
    group("valka-social", 1, Public, &[("town:valka", 1)], Some(SOCIAL_HEAD), SOCIAL),
    group("jelgava-school", 2, Public, &[("jelgava", 1)], Some(SCHOOL_HEAD), SCHOOL),
    group("riga-school", 2, Public, &[("riga", 1)], Some(SCHOOL_HEAD), SCHOOL),
    group("valmiera-school", 2, Public, &[("town:valmiera", 1)], Some(SCHOOL_HEAD), SCHOOL),
    group("ventspils-school", 1, Public, &[("ventspils", 1)], Some(SCHOOL_HEAD), SCHOOL),
    group("vilaka-school", 2, Public, &[("town:vilaka", 1)], Some(SCHOOL_HEAD), SCHOOL),
    group("sabile-school", 2, Public, &[("town:sabile", 1)], Some(SCHOOL_HEAD), SCHOOL),
    group("jelgava-council", 1, Public, &[("jelgava", 1)], None, COUNCIL),
    // Other NGOs.
    group("ngo-rights", 4, Public, &[("riga", 3), ("jurmala", 1)], Some(NGO_HEAD), NGO).ended(10),
    group("ngo-tilts", 4, Public, &[("jelgava", 1)], Some(NGO_HEAD), NGO).ages(YOUTH_AGES, 60).ended(10),
    group("ngo-women", 3, Public, &[("daugavpils", 3), ("town:kraslava", 1)], Some(NGO_HEAD), NGO).ages(STAFF_AGES, 100),
    group("ngo-kurzeme", 3, Public, &[("liepaja", 2), ("town:kuldiga", 1)], Some(NGO_HEAD), NGO),
    group("ngo-education", 2, Public, &[("rezekne", 1)], Some(NGO_HEAD), NGO),
    group("ngo-vidzeme", 2, Public, &[("town:cesis", 1)], Some(NGO_HEAD), NGO),
    group("ngo-families", 2, Public, &[("jurmala", 1)], Some(NGO_HEAD), NGO),
    group("ngo-border", 2, Public, &[("town:valka", 1)], Some(NGO_HEAD), NGO),
    group("ngo-selija", 2, Public, &[("town:jekabpils", 1)], Some(NGO_HEAD), NGO),
    // Roma representatives. The Jelgava NGO's chair is the NGO demo user.
    group("rngo-jelgava", 13, Roma, &[("jelgava", 6), ("town:tukums", 1)], None, ROMA_NGO).also(JELGAVA_ROMA_ALSO).ended(8),
    group("rngo-riga", 14, Roma, &[("riga", 6), ("jurmala", 1)], Some(NGO_HEAD), ROMA_NGO).also(ROMA_YOUTH_TOO).ended(8),
    group("rngo-youth", 13, Roma, &[("riga", 6), ("jelgava", 2), ("jurmala", 1), ("town:tukums", 1)], Some(ROMA_YOUTH_HEAD), ROMA_YOUTH).ages(YOUTH_AGES, 50).ended(10),
    group("rngo-women", 10, Roma, &[("ventspils", 4), ("liepaja", 2), ("town:kuldiga", 1), ("town:talsi", 1)], Some(NGO_HEAD), ROMA_WOMEN).ages(ROMA_AGES, 100),
    group("rngo-latgale", 12, Roma, &[("daugavpils", 6), ("town:kraslava", 2), ("town:jekabpils", 2)], Some(NGO_HEAD), ROMA_NGO).also(ROMA_YOUTH_TOO),
    group("rngo-vilaka", 8, Roma, &[("town:vilaka", 3), ("town:balvi", 2)], Some(NGO_HEAD), ROMA_NGO),
    group("rngo-valmiera", 8, Roma, &[("town:valmiera", 4), ("town:cesis", 1), ("town:valka", 2)], Some(NGO_HEAD), ROMA_NGO),
    group("rngo-kurzeme", 10, Roma, &[("town:talsi", 3), ("town:sabile", 2), ("town:tukums", 2), ("town:kuldiga", 2), ("liepaja", 1)], Some(NGO_HEAD), ROMA_NGO).also(ROMA_YOUTH_TOO),
    group("rngo-rezekne", 12, Roma, &[("rezekne", 5), ("town:ludza", 3), ("town:kraslava", 1)], Some(NGO_HEAD), ROMA_NGO).ended(8),
    // Mediators, hosted by their municipalities; a few also belong to the local Roma NGO.
    // Viļaka's current mediator is the mediator demo user; the one listed is her predecessor.
    group("jelgava", 1, Mediator, &[("jelgava", 1)], None, MEDIATOR).ended(0).also(member_of("rngo-jelgava")),
    group("jelgava", 1, Mediator, &[("jelgava", 1)], None, MEDIATOR).ended(100),
    group("riga", 2, Mediator, &[("riga", 1)], None, MEDIATOR).ended(0).also(member_of("rngo-riga")),
    group("valmiera", 1, Mediator, &[("town:valmiera", 1)], None, MEDIATOR).ended(0).also(member_of("rngo-valmiera")),
    group("ventspils", 1, Mediator, &[("ventspils", 1)], None, MEDIATOR).ended(0).also(member_of("rngo-women")),
    group("balvi", 1, Mediator, &[("town:vilaka", 1)], None, MEDIATOR).ended(100),
    group("talsi", 1, Mediator, &[("town:sabile", 1)], None, MEDIATOR).ended(0).also(member_of("rngo-kurzeme")),
    // Experts.
    group("lu", 6, Expert, RIGA_AREA, Some(ACADEMIA_HEAD), ACADEMIA),
    group("du", 5, Expert, &[("daugavpils", 4), ("rezekne", 1)], Some(ACADEMIA_HEAD), ACADEMIA),
    group("media", 5, Expert, RIGA_AREA, Some(MEDIA_HEAD), MEDIA).ended(15),
    group("experts", 8, Expert, &[("riga", 4), ("jelgava", 1), ("daugavpils", 1), ("liepaja", 1), ("town:valmiera", 1)], Some(EXPERTS_HEAD), EXPERTS),
    // Partners abroad.
    group("ee-km", 5, Partner, &[("ee-tallinn", 1)], Some(PARTNER_HEAD), PARTNER),
    group("lt-tmd", 4, Partner, &[("lt-vilnius", 1)], Some(PARTNER_HEAD), PARTNER).origin(Origin::Lt),
    group("ee-valga", 3, Partner, &[("ee-valga", 1)], Some(PARTNER_HEAD), PARTNER),
];

/// The people behind the demo accounts, in the order of [`DEMO_USERS`]: (organisation
/// key, place, gender, year of birth, role title, from, Roma self-identification).
type UserPerson = (
    &'static str,
    &'static str,
    Gender,
    i32,
    &'static str,
    Date,
    Option<RomaIdentity>,
);
const USER_PEOPLE: [UserPerson; 5] = [
    (
        "km",
        "riga",
        Gender::Female,
        1979,
        "romu integrācijas politikas koordinatore",
        date(2020, 3, 2),
        None,
    ),
    (
        "lm",
        "riga",
        Gender::Male,
        1985,
        "vecākais referents",
        date(2021, 9, 1),
        None,
    ),
    (
        "jelgava",
        "jelgava",
        Gender::Female,
        1976,
        "sabiedrības integrācijas koordinatore",
        date(2019, 5, 13),
        None,
    ),
    (
        "balvi",
        "town:vilaka",
        Gender::Female,
        1988,
        "romu mediatore",
        date(2022, 2, 1),
        Some(RomaIdentity::Yes),
    ),
    (
        "rngo-jelgava",
        "jelgava",
        Gender::Male,
        1971,
        "valdes priekšsēdētājs",
        date(2019, 1, 15),
        Some(RomaIdentity::Yes),
    ),
];

/// Where people with an earlier (ended) membership were before, by category, and as
/// what.
fn history_pool(category: Category) -> (&'static [&'static str], &'static [Title]) {
    match category {
        Category::Public => (
            &[
                "lm",
                "km",
                "izm",
                "sif",
                "nva",
                "riga",
                "jelgava",
                "ngo-rights",
                "ngo-tilts",
            ],
            &[
                ("vecākā referente", "vecākais referents"),
                ("projektu koordinatore", "projektu koordinators"),
                ("speciāliste", "speciālists"),
            ],
        ),
        Category::Roma | Category::Mediator => (
            &[
                "rngo-jelgava",
                "rngo-riga",
                "rngo-latgale",
                "rngo-rezekne",
                "rngo-kurzeme",
            ],
            &[
                ("biedre", "biedrs"),
                ("brīvprātīgā", "brīvprātīgais"),
                ("projektu asistente", "projektu asistents"),
            ],
        ),
        Category::Expert => (
            &["sif", "ngo-rights", "km", "ngo-education"],
            &[
                ("eksperte", "eksperts"),
                ("projektu vadītāja", "projektu vadītājs"),
            ],
        ),
        Category::Partner => (&[], &[]),
    }
}

// ---------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast, and the same on every platform.
#[derive(Debug)]
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    pub(crate) fn percent(&mut self, p: u32) -> bool {
        self.below(100) < p as usize
    }

    /// A number in `lo..=hi` (counts).
    pub(crate) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        let span = (hi - lo).max(0) as usize + 1;
        lo + self.below(span) as i32
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.below(items.len());
        items.get(i)
    }

    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> Option<&'a T> {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(total as usize) as u32;
        for (item, w) in items {
            if r < *w {
                return Some(item);
            }
            r -= w;
        }
        None
    }

    /// A day in a year (days 1–28, so every month has it).
    fn day_in(&mut self, year: i32) -> Date {
        date(
            year as i16,
            self.range(1, 12) as i8,
            self.range(1, 28) as i8,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct MembershipPlan {
    org: &'static str,
    title: String,
    from: Date,
    to: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum RomaStep {
    Record(RomaIdentity, Date, &'static str),
    Withdraw(Date),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct PersonPlan {
    name: String,
    email: String,
    phone: Option<String>,
    lang: &'static str,
    place: &'static str,
    gender: Gender,
    birth_year: i32,
    memberships: Vec<MembershipPlan>,
    roma: Vec<RomaStep>,
    category: Category,
}

/// The name lists of `data/demo/`.
#[derive(Debug)]
struct Names {
    /// (country, feminine?, given name)
    given: Vec<(String, bool, String)>,
    /// (country, male form, female form)
    surnames: Vec<(String, String, String)>,
}

impl Names {
    fn load() -> Names {
        let rows = |text: &'static str| {
            text.lines()
                .skip(1)
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| {
                    let mut f = l.split(',').map(str::trim);
                    Some((f.next()?, f.next()?, f.next()?))
                })
                .collect::<Vec<_>>()
        };
        Names {
            given: rows(GIVEN_NAMES_CSV)
                .into_iter()
                .map(|(c, g, n)| (c.to_owned(), g == "f", n.to_owned()))
                .collect(),
            surnames: rows(SURNAMES_CSV)
                .into_iter()
                .map(|(c, m, f)| (c.to_owned(), m.to_owned(), f.to_owned()))
                .collect(),
        }
    }

    /// A given name and surname of a country in the feminine or masculine form.
    fn draw(&self, rng: &mut Rng, origin: Origin, feminine: bool) -> Option<(String, String)> {
        let given: Vec<&str> = self
            .given
            .iter()
            .filter(|(c, f, _)| c == origin.code() && *f == feminine)
            .map(|(_, _, n)| n.as_str())
            .collect();
        let surnames: Vec<&str> = self
            .surnames
            .iter()
            .filter(|(c, _, _)| c == origin.code())
            .map(|(_, m, f)| if feminine { f.as_str() } else { m.as_str() })
            .collect();
        Some((
            (*rng.pick(&given)?).to_owned(),
            (*rng.pick(&surnames)?).to_owned(),
        ))
    }
}

/// The ASCII local part of an e-mail for a name: folded, letters and digits only.
fn email_part(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The dates the current notice can have been accepted on: its month (`YYYY-MM`).
fn current_notice_day(rng: &mut Rng) -> Date {
    let mut parts = ROMA_NOTICE_VERSION.split('-');
    let year = parts.next().and_then(|y| y.parse::<i16>().ok());
    let month = parts.next().and_then(|m| m.parse::<i8>().ok());
    let day = rng.range(2, 20) as i8;
    match (year, month) {
        (Some(y), Some(m)) if (2000..=2100).contains(&y) && (1..=12).contains(&m) => {
            date(y, m, day)
        }
        _ => date(2026, 11, day),
    }
}

/// The consent steps for a person of a profile.
fn roma_steps(rng: &mut Rng, profile: RomaProfile) -> Vec<RomaStep> {
    let value = match profile {
        RomaProfile::Never => return Vec::new(),
        RomaProfile::Representative if rng.percent(85) => match rng.below(100) {
            0..=91 => RomaIdentity::Yes,
            92..=96 => RomaIdentity::Undisclosed,
            _ => RomaIdentity::No,
        },
        RomaProfile::Mediator if rng.percent(90) => RomaIdentity::Yes,
        RomaProfile::Occasional if rng.percent(6) => match rng.below(100) {
            0..=59 => RomaIdentity::No,
            60..=84 => RomaIdentity::Undisclosed,
            _ => RomaIdentity::Yes,
        },
        _ => return Vec::new(),
    };
    match rng.below(100) {
        // Gave consent under the earlier notice and withdrew it later: nothing stands.
        0..=2 if value == RomaIdentity::Yes => {
            let given = rng.day_in(2024);
            let withdrawn = rng.day_in(2025);
            vec![
                RomaStep::Record(value, given, EARLIER_NOTICE_VERSION),
                RomaStep::Withdraw(withdrawn),
            ]
        }
        // Gave consent under the earlier notice and renewed it under the current one.
        3..=12 => {
            let year = rng.range(2024, 2025);
            let given = rng.day_in(year);
            vec![
                RomaStep::Record(value, given, EARLIER_NOTICE_VERSION),
                RomaStep::Record(value, current_notice_day(rng), ROMA_NOTICE_VERSION),
            ]
        }
        _ => vec![RomaStep::Record(
            value,
            current_notice_day(rng),
            ROMA_NOTICE_VERSION,
        )],
    }
}

/// The whole invented population, the same at every call.
fn plan() -> Vec<PersonPlan> {
    let names = Names::load();
    let mut rng = Rng(SEED);
    let mut taken_names: HashSet<String> = HashSet::new();
    let mut taken_emails: HashSet<String> = HashSet::new();
    let mut out: Vec<PersonPlan> = Vec::new();

    for ((_, email, name, _), (org, place, gender, birth_year, title, from, roma)) in
        DEMO_USERS.iter().zip(USER_PEOPLE)
    {
        taken_names.insert((*name).to_owned());
        taken_emails.insert((*email).to_owned());
        let category = match org {
            "balvi" => Category::Mediator,
            "rngo-jelgava" => Category::Roma,
            _ => Category::Public,
        };
        out.push(PersonPlan {
            name: (*name).to_owned(),
            email: (*email).to_owned(),
            phone: Some(format!("+37120000{:03}", out.len())),
            lang: "lv",
            place,
            gender,
            birth_year,
            memberships: vec![MembershipPlan {
                org,
                title: title.to_owned(),
                from,
                to: None,
            }],
            roma: roma
                .map(|v| {
                    vec![RomaStep::Record(
                        v,
                        current_notice_day(&mut rng),
                        ROMA_NOTICE_VERSION,
                    )]
                })
                .unwrap_or_default(),
            category,
        });
    }

    for g in GROUPS {
        for k in 0..g.count {
            let index = out.len();
            // Gender, and the grammatical form of the name and the title.
            let gender = match rng.below(100) {
                0 if g.ages == YOUTH_AGES => Gender::Other,
                1 | 2 => Gender::Undisclosed,
                _ if rng.percent(g.female) => Gender::Female,
                _ => Gender::Male,
            };
            let feminine = match gender {
                Gender::Female => true,
                Gender::Male => false,
                Gender::Other | Gender::Undisclosed => rng.percent(50),
            };
            let mut drawn = None;
            for _ in 0..100 {
                if let Some((given, surname)) = names.draw(&mut rng, g.origin, feminine) {
                    let full = format!("{given} {surname}");
                    if !taken_names.contains(&full) {
                        drawn = Some((given, surname, full));
                        break;
                    }
                }
            }
            let Some((given, surname, name)) = drawn else {
                continue;
            };
            taken_names.insert(name.clone());
            let base = format!("{}.{}", email_part(&given), email_part(&surname));
            let mut email = format!("{base}@{EMAIL_DOMAIN}");
            let mut n = 2;
            while taken_emails.contains(&email) {
                email = format!("{base}{n}@{EMAIL_DOMAIN}");
                n += 1;
            }
            taken_emails.insert(email.clone());

            let place = rng.weighted(g.places).copied().unwrap_or("riga");
            let buckets: Vec<((i32, i32), u32)> =
                g.ages.iter().map(|&(lo, hi, w)| ((lo, hi), w)).collect();
            let (lo, hi) = rng.weighted(&buckets).copied().unwrap_or((1980, 1980));
            let birth_year = rng.range(lo, hi);
            let phone = (g.category != Category::Partner && rng.percent(86))
                .then(|| format!("+37120000{index:03}"));
            let form = |t: &Title| {
                if feminine {
                    t.0.to_owned()
                } else {
                    t.1.to_owned()
                }
            };

            // The main membership, perhaps ended, perhaps after an earlier one.
            let title = match (k, g.head) {
                (0, Some(head)) => form(&head),
                _ => rng.pick(g.titles).map(&form).unwrap_or_default(),
            };
            // Nobody joins before 18 (the youngest were born in 2008).
            let first_year = (birth_year + 18).clamp(2019, 2025);
            let mut memberships = Vec::new();
            let main_from;
            if first_year <= 2023 && rng.percent(g.ended) {
                let fy = rng.range(first_year, 2023);
                main_from = rng.day_in(fy);
                let ty = rng.range(fy + 1, (fy + 3).min(2025));
                memberships.push(MembershipPlan {
                    org: g.org,
                    title,
                    from: main_from,
                    to: Some(rng.day_in(ty)),
                });
            } else {
                let year = rng.range(first_year, 2025);
                main_from = rng.day_in(year);
                memberships.push(MembershipPlan {
                    org: g.org,
                    title,
                    from: main_from,
                    to: None,
                });
            }
            let (pool, titles) = history_pool(g.category);
            let main_year = i32::from(main_from.year());
            if main_year >= first_year + 2 && rng.percent(14) {
                let earlier: Vec<&str> = pool.iter().copied().filter(|o| *o != g.org).collect();
                if let (Some(org), Some(t)) = (rng.pick(&earlier).copied(), rng.pick(titles)) {
                    let year = rng.range(first_year, main_year - 2);
                    let from = rng.day_in(year);
                    let to = rng.day_in(main_year - 1);
                    if from <= to {
                        memberships.push(MembershipPlan {
                            org,
                            title: form(t),
                            from,
                            to: Some(to),
                        });
                    }
                }
            }
            let youth = (2026 - birth_year) <= 29;
            for a in g.also {
                if (!a.youth_only || youth)
                    && a.org != g.org
                    && rng.percent(a.percent)
                    && !memberships.iter().any(|m| m.org == a.org)
                {
                    let year = rng.range(first_year, 2025);
                    memberships.push(MembershipPlan {
                        org: a.org,
                        title: form(&a.title),
                        from: rng.day_in(year),
                        to: None,
                    });
                }
            }

            out.push(PersonPlan {
                name,
                email,
                phone,
                lang: if g.category == Category::Partner {
                    "en"
                } else {
                    "lv"
                },
                place,
                gender,
                birth_year,
                memberships,
                roma: roma_steps(&mut rng, g.roma),
                category: g.category,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------

/// The demo's last whole year of events (they run 2024 to 2026): the year its issued
/// annual report covers.
pub const LAST_FULL_YEAR: i16 = 2025;

/// Loads the demo world into an empty database once; later calls change nothing.
/// Returns true when it loaded. Every step is skipped when already done (organisations
/// by name, people by e-mail, memberships by organisation and start, consents by count),
/// so an interrupted load completes on the next call without duplicates. The mediation
/// world (`demo_mediation`, sealed under `keys`) is added once too, also to a demo database
/// made before it existed.
pub async fn seed(db: &Db, now: i64, keys: &domain::sealed::Keyring) -> store::Result<bool> {
    let today = domain::event::riga_date(now);
    if store::maintenance::get_meta(db, META_KEY).await?.is_some() {
        crate::dialogue::seed_services(db, now, today).await?;
        crate::mediation::seed(db, now, keys).await?;
        seed_privacy(db, now).await?;
        crate::dialogue::seed_needs(db, now, today).await?;
        crate::dialogue::seed_consultations(db, now, today).await?;
        return Ok(false);
    }
    let actor = Actor {
        user_id: None,
        label: Some("demo".to_owned()),
        ip: None,
    };
    let population = plan();

    // Places.
    let mut codes: Vec<&'static str> = ORGS.iter().map(|o| o.place).collect();
    codes.extend(population.iter().map(|p| p.place));
    let mut places: HashMap<&'static str, i64> = HashMap::new();
    for code in codes {
        if !places.contains_key(code) {
            places.insert(code, territories::by_code(db, code).await?.id);
        }
    }

    // Organisations.
    let mut orgs: HashMap<&'static str, i64> = HashMap::new();
    for (i, o) in ORGS.iter().enumerate() {
        let id = match organisations::find_by_name(db, o.name_lv).await? {
            Some(id) => id,
            None => {
                let input = organisations::OrgInput {
                    name_lv: o.name_lv.to_owned(),
                    name_en: o.name_en.map(str::to_owned),
                    kind: Some(o.kind),
                    parent_id: o.parent.and_then(|p| orgs.get(p).copied()),
                    territory_id: places.get(o.place).copied(),
                    email: Some(format!("{}@{EMAIL_DOMAIN}", o.key)),
                    phone: Some(format!("+37120000{}", 900 + i)),
                    website: o.website.map(str::to_owned),
                    address: None,
                };
                organisations::create(db, now, &actor, &input).await?
            }
        };
        orgs.insert(o.key, id);
    }
    let org_id = |key: &str| orgs.get(key).copied().ok_or(Error::NotFound);

    // People and their memberships.
    let mut ids = Vec::with_capacity(population.len());
    for p in &population {
        let id = match store::people::id_by_email(db, &p.email).await? {
            Some(id) => id,
            None => {
                let input = people::PersonInput {
                    name: p.name.clone(),
                    emails: vec![p.email.clone()],
                    phone: p.phone.clone(),
                    preferred_lang: p.lang.to_owned(),
                    territory_id: places.get(p.place).copied(),
                    gender: Some(p.gender),
                    birth_year: Some(p.birth_year),
                };
                people::create(db, now, &actor, &input).await?
            }
        };
        for m in &p.memberships {
            let org = org_id(m.org)?;
            if !store::people::has_membership_from(db, id, org, m.from).await? {
                let new = people::NewMembership {
                    organisation_id: org,
                    role_title: Some(m.title.clone()),
                    from_date: Some(m.from),
                    to_date: m.to,
                };
                people::add_membership(db, now, &actor, id, &new).await?;
            }
        }
        ids.push(id);
    }

    // One account per role, belonging to its person and organisation.
    let mut coordinator = None;
    for ((role, email, name, org_name), person_id) in DEMO_USERS.iter().zip(&ids) {
        let user_id = match users::find_by_email(db, email).await? {
            Some(u) => u.id,
            None => {
                let org = organisations::find_by_name(db, org_name).await?;
                users::create(
                    db,
                    now,
                    &actor,
                    users::NewUser {
                        email,
                        name,
                        role: *role,
                        organisation_id: org,
                        password_hash: None,
                        password_link: None,
                        mail: None,
                    },
                )
                .await?
            }
        };
        store::users::link_person(db, user_id, *person_id).await?;
        if *role == Role::Coordinator {
            coordinator = Some(user_id);
        }
    }
    if users::find_by_email(db, DEMO_SECOND_COORDINATOR.0)
        .await?
        .is_none()
    {
        let org = organisations::find_by_name(db, "Kultūras ministrija").await?;
        users::create(
            db,
            now,
            &actor,
            users::NewUser {
                email: DEMO_SECOND_COORDINATOR.0,
                name: DEMO_SECOND_COORDINATOR.1,
                role: Role::Coordinator,
                organisation_id: org,
                password_hash: None,
                password_link: None,
                mail: None,
            },
        )
        .await?;
    }

    // Roma self-identification, each with its consent, recorded by the coordinator.
    let recorder = Actor {
        user_id: coordinator,
        ..actor.clone()
    };
    for (p, id) in population.iter().zip(&ids) {
        if p.roma.is_empty() {
            continue;
        }
        let done = store::people::roma_consents(db, *id).await?.len();
        let mut records = 0;
        for step in &p.roma {
            match step {
                RomaStep::Record(value, given_on, notice) => {
                    if records >= done {
                        people::record_roma_identity(
                            db, now, &recorder, *id, *value, *given_on, notice,
                        )
                        .await?;
                    }
                    records += 1;
                }
                RomaStep::Withdraw(on) => {
                    if people::roma_identity(db, *id).await?.is_some() {
                        people::withdraw_roma_identity(db, now, &recorder, *id, *on).await?;
                    }
                }
            }
        }
    }

    // About three years of meetings, once (an interrupted load leaves them as they are).
    let any_event = store::events::count_all(db).await?;
    if any_event == 0 {
        let demo_people: Vec<crate::events::DemoPerson> = population
            .iter()
            .zip(&ids)
            .map(|(p, id)| {
                let current = p
                    .memberships
                    .iter()
                    .find(|m| m.to.is_none())
                    .or(p.memberships.first())
                    .map(|m| m.org)
                    .unwrap_or("km");
                let kind = ORGS.iter().find(|o| o.key == current).map(|o| o.kind);
                crate::events::DemoPerson {
                    id: *id,
                    name: p.name.clone(),
                    email: p.email.clone(),
                    lang: p.lang.to_owned(),
                    kind: match p.category {
                        Category::Public => "public",
                        Category::Roma => "roma",
                        Category::Mediator => "mediator",
                        Category::Expert => "expert",
                        Category::Partner => "partner",
                    },
                    org: current,
                    state_body: matches!(kind, Some(OrgKind::Ministry | OrgKind::StateAgency)),
                    social_service: current.ends_with("-social"),
                    youth: (13..=29).contains(&(2026 - p.birth_year)),
                    female: p.gender == Gender::Female,
                }
            })
            .collect();
        crate::events::seed(db, now, &recorder, &demo_people, &orgs).await?;
    }

    // The policy plans, once.
    crate::plans::seed(db, now, &actor, &orgs).await?;

    // The mediator demo user works in Balvi municipality (Viļaka), supervised by the
    // coordinator demo user. (Demo families come with the case log.)
    if store::mediation::assignments(db).await?.is_empty()
        && let (Some(mediator), Some(coordinator)) = (
            store::users::find_by_email(db, "mediators@demo.roma.invalid").await?,
            store::users::find_by_email(db, "koordinators@demo.roma.invalid").await?,
        )
    {
        let assignment = store::mediation::add_assignment(
            db,
            now,
            &actor,
            &store::mediation::AssignmentInput {
                mediator_user_id: mediator.id,
                territory_id: territories::by_code(db, "balvu-novads").await?.id,
                from_date: jiff::civil::date(2025, 9, 1),
                to_date: None,
                hours_per_week: Some(20),
                reception: Some(
                    "Demo: otrdienās 10–14, Viļakas pilsētas pārvaldē (izdomāts)".to_owned(),
                ),
                supervisor_user_id: None,
            },
            &[],
        )
        .await?;
        store::supervisors::demo_in_effect(db, now, assignment, coordinator.id).await?;
    }

    crate::dialogue::seed_services(db, now, today).await?;
    crate::mediation::seed(db, now, keys).await?;
    crate::site::seed(db, now, &actor).await?;
    crate::practices::seed(db, now).await?;
    crate::stories::seed(db, now).await?;
    seed_privacy(db, now).await?;
    crate::dialogue::seed_needs(db, now, today).await?;
    crate::dialogue::seed_consultations(db, now, today).await?;
    store::maintenance::set_meta(db, META_KEY, "1").await?;
    Ok(true)
}

/// The privacy work (`privacy`), with three invented registry people without an account
/// (and without a Roma self-identification) as the requesters.
async fn seed_privacy(db: &Db, now: i64) -> store::Result<()> {
    let mut people = Vec::new();
    for p in plan()
        .into_iter()
        .skip(DEMO_USERS.len())
        .filter(|p| p.roma.is_empty() && p.category == Category::Public)
        .take(3)
    {
        if let Some(id) = store::people::id_by_email(db, &p.email).await? {
            people.push((id, p.name, p.email));
        }
    }
    let today = jiff::Timestamp::from_second(now)
        .map(|t| {
            let riga = jiff::tz::TimeZone::get("Europe/Riga").unwrap_or(jiff::tz::TimeZone::UTC);
            t.to_zoned_datetime(riga).date()
        })
        .unwrap_or(date(2026, 11, 26));
    crate::privacy::seed(db, now, today, &people).await
}

/// A code of the demo's tables as its vocabulary's value (the tables hold known codes; an
/// unknown one would read as the vocabulary's `other`, as a stored one does).
pub(crate) fn coded<T: domain::vocabulary::Vocabulary>(code: &str) -> T {
    T::from_code(code).unwrap_or(T::OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes the territory reference data gives places (see `territories::load_reference`).
    fn known_codes() -> HashSet<String> {
        let mut codes = HashSet::new();
        let column = |text: &str, i: usize| -> Vec<String> {
            text.lines()
                .skip(1)
                .filter_map(|l| l.split(',').nth(i).map(str::to_owned))
                .collect()
        };
        codes.extend(column(territories::UNITS_CSV, 0));
        codes.extend(column(territories::FOREIGN_CSV, 0));
        for line in territories::TOWNS_CSV.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f.get(1) == Some(&"town") {
                codes.insert(format!("town:{}", fold(f[0]).replace(' ', "-")));
            }
        }
        codes
    }

    fn org_spec(key: &str) -> Option<&'static OrgSpec> {
        ORGS.iter().find(|o| o.key == key)
    }

    #[test]
    fn the_world_is_the_same_every_time() {
        assert_eq!(plan(), plan());
    }

    #[test]
    fn organisations_are_consistent() {
        let codes = known_codes();
        let mut seen = HashSet::new();
        let mut names = HashSet::new();
        for o in ORGS {
            assert!(
                codes.contains(o.place),
                "{}: unknown place {}",
                o.key,
                o.place
            );
            if let Some(p) = o.parent {
                assert!(seen.contains(p), "{}: parent {p} must come first", o.key);
            }
            assert!(seen.insert(o.key), "duplicate key {}", o.key);
            assert!(names.insert(o.name_lv), "duplicate name {}", o.name_lv);
            if matches!(
                o.kind,
                OrgKind::RomaNgo | OrgKind::OtherNgo | OrgKind::Media
            ) {
                assert!(o.name_lv.ends_with("(demo)"), "{} is invented", o.name_lv);
            }
        }
        for (_, _, _, org_name) in DEMO_USERS {
            assert!(ORGS.iter().any(|o| o.name_lv == *org_name), "{org_name}");
        }
        for ((_, _, _, org_name), person) in DEMO_USERS.iter().zip(USER_PEOPLE) {
            assert_eq!(org_spec(person.0).map(|o| o.name_lv), Some(*org_name));
        }
        for g in GROUPS {
            assert!(org_spec(g.org).is_some(), "{}", g.org);
            assert!(!g.places.is_empty(), "{}: no places", g.org);
            assert!(!g.titles.is_empty(), "{}: no titles", g.org);
        }
    }

    #[test]
    fn about_300_people_in_19_latvian_places_in_realistic_proportions() {
        let people = plan();
        assert_eq!(people.len(), 300);
        let codes = known_codes();
        let latvian: HashSet<&str> = people
            .iter()
            .map(|p| p.place)
            .filter(|c| !c.starts_with("ee-") && !c.starts_with("lt-"))
            .collect();
        assert_eq!(latvian.len(), 19, "{latvian:?}");
        assert!(people.iter().all(|p| codes.contains(p.place)));

        let share = |c: Category| people.iter().filter(|p| p.category == c).count() * 100 / 300;
        assert!((45..=55).contains(&share(Category::Public)));
        assert!((30..=37).contains(&share(Category::Roma)));
        let youth = people
            .iter()
            .filter(|p| p.category == Category::Roma && 2026 - p.birth_year <= 29)
            .count();
        assert!(youth >= 20, "{youth} Roma youth");

        // Current mediators in (at least) these places.
        for place in [
            "jelgava",
            "riga",
            "town:valmiera",
            "ventspils",
            "town:vilaka",
        ] {
            assert!(
                people.iter().any(|p| p.place == place
                    && p.memberships
                        .iter()
                        .any(|m| m.title.starts_with("romu mediator") && m.to.is_none())),
                "no mediator in {place}"
            );
        }
    }

    #[test]
    fn people_are_invented_and_well_formed() {
        let people = plan();
        let mut emails = HashSet::new();
        let mut names = HashSet::new();
        for p in &people {
            assert!(emails.insert(p.email.as_str()), "{}", p.email);
            assert!(names.insert(p.name.as_str()), "{}", p.name);
            let (local, domain) = p.email.split_once('@').unwrap_or_default();
            assert_eq!(domain, EMAIL_DOMAIN);
            assert!(!local.is_empty() && local.is_ascii(), "{}", p.email);
            if let Some(phone) = &p.phone {
                assert!(
                    phone.starts_with("+37120000") && phone.len() == 12,
                    "{phone}"
                );
                assert_eq!(
                    domain::directory::parse_phone(phone).as_deref(),
                    Some(phone.as_str())
                );
            }
            assert!((1950..=2008).contains(&p.birth_year), "{}", p.birth_year);
            assert!(!p.memberships.is_empty());
            for m in &p.memberships {
                assert!(org_spec(m.org).is_some(), "{}", m.org);
                assert!((2019..=2025).contains(&m.from.year()), "{}", m.from);
                assert!(m.to.is_none_or(|t| m.from <= t), "{} > {:?}", m.from, m.to);
                assert!(!m.title.is_empty());
                assert!(
                    i32::from(m.from.year()) >= p.birth_year + 18,
                    "{} joined young",
                    p.name
                );
            }
            if let Some(RomaStep::Record(_, _, notice)) = p.roma.last() {
                assert_eq!(*notice, ROMA_NOTICE_VERSION);
            }
        }
        let with_phone = people.iter().filter(|p| p.phone.is_some()).count();
        assert!(with_phone > 220, "{with_phone}");
        let ended = people
            .iter()
            .flat_map(|p| &p.memberships)
            .filter(|m| m.to.is_some())
            .count();
        assert!(ended >= 10, "{ended}");
        let recorded = people.iter().filter(|p| !p.roma.is_empty()).count();
        assert!((80..=140).contains(&recorded), "{recorded}");
    }
}
