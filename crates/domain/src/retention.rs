//! Storage limitation (GDPR article 5(1)(e)) outside mediation: how long each kind of
//! personal data in the records of processing ([`crate::processing`]) is kept, counted from
//! what, and why. The scheduled jobs apply every rule (`store::storage_limits`), each
//! period can be changed in the configuration (`[retention.days]`, within the rule's
//! bounds), and the records-of-processing page shows them. Mediation cases keep their own
//! rule (`mediation.retention_years`).

use crate::processing::Text;

/// One rule: what goes, after how long, from when, and why that long.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Its name in the configuration (`[retention.days] sessions = 30`).
    pub key: &'static str,
    /// The category of the records of processing it limits.
    pub category: &'static str,
    /// A short name: "Sesijas".
    pub name: Text,
    /// What is removed, and how.
    pub what: Text,
    /// What the period is counted from.
    pub from: Text,
    pub default_days: u32,
    /// The shortest and longest period the configuration may set.
    pub min_days: u32,
    pub max_days: u32,
    /// Why the default is that long.
    pub reason: Text,
    /// The period starts again with every use (a session): what the coming month will
    /// remove is not known ahead, only what is due already.
    pub restarts_with_use: bool,
}

pub const RULES: &[Rule] = &[
    Rule {
        key: "sessions",
        category: "accounts",
        name: ("Sesijas", "Sessions"),
        what: (
            "Beigušās sesijas (pārlūka apraksts un adrese) tiek dzēstas — parasti jau nākamajā kāda lietotāja pieteikšanās reizē, vēlākais pēc šī termiņa.",
            "Ended sessions (the browser's description and the address) are deleted — usually at anyone's next sign-in, at the latest after this period.",
        ),
        from: ("pēdējās lietošanas", "their last use"),
        default_days: 30,
        min_days: 1,
        max_days: 365,
        reason: (
            "Mēnesis ļauj izmeklēt aizdomīgu pieteikšanos; ilgāk tās nav vajadzīgas.",
            "A month allows a suspicious sign-in to be looked into; they are not needed longer.",
        ),
        restarts_with_use: true,
    },
    Rule {
        key: "notices",
        category: "accounts",
        name: ("E-pasta paziņojumi", "E-mail notices"),
        what: (
            "E-pasta paziņojumi par darba gaitu tiek dzēsti.",
            "E-mail notices of the work's progress are deleted.",
        ),
        from: ("nosūtīšanas", "their sending"),
        default_days: 90,
        min_days: 7,
        max_days: 365,
        reason: (
            "Pēc nosūtīšanas tie vajadzīgi tikai, lai atbildētu uz jautājumu, vai paziņojums tika sūtīts.",
            "Once sent they serve only to answer whether a notice went out.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "outbox_bodies",
        category: "mail",
        name: ("Nosūtīto vēstuļu teksts", "The text of sent mail"),
        what: (
            "Nosūtīto vēstuļu teksts (tajā var būt vienreizējas saites) tiek izdzēsts; adresāts un temats paliek.",
            "The text of sent mail (which may hold one-time links) is emptied; the recipient and subject stay.",
        ),
        from: ("nosūtīšanas", "delivery"),
        default_days: 30,
        min_days: 1,
        max_days: 365,
        reason: (
            "Mēnesis pietiek, lai atbildētu uz jautājumu par vēstules saturu; saites tajā pa to laiku beigušās.",
            "A month is enough to answer a question about what a mail said; its links have expired by then.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "outbox",
        category: "mail",
        name: ("Vēstuļu ieraksti", "Records of mail"),
        what: (
            "Nosūtīto un neizdevušos vēstuļu ieraksti (adresāts, temats) tiek dzēsti.",
            "Records of sent and failed mail (recipient, subject) are deleted.",
        ),
        from: ("nosūtīšanas vai neveiksmes", "delivery or failure"),
        default_days: 365,
        min_days: 30,
        max_days: 3650,
        reason: (
            "Gads ļauj pārbaudīt, vai ielūgumi un atgādinājumi aizgāja viena gada darba ciklā.",
            "A year allows checking that invitations and reminders went out within a year's work cycle.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "event_links",
        category: "participation",
        name: ("Pasākumu personīgās saites", "Events' personal links"),
        what: (
            "Pasākuma personīgās saites — atsauksmju, ielūgumu un pieteikumu — vairs nedarbojas (to jaucējvērtības aizstātas); atsauksmes, ielūgumi un pieteikumi paliek, arī skaits, cik cilvēkiem lūgta atsauksme.",
            "An event's personal links — feedback, invitation and registration links — stop working (their hashes are replaced); the feedback, invitations and registrations stay, and so does how many were asked for feedback.",
        ),
        from: ("pasākuma beigām", "the event's end"),
        default_days: 90,
        min_days: 14,
        max_days: 730,
        reason: (
            "Trīs mēnešos var atsaukties, atbildēt vai apskatīt pieteikumu; vēlāk saite ir tikai risks.",
            "Three months leave time to give feedback, answer or look at a registration; later a link is only a risk.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "registrations",
        category: "participation",
        name: ("Pieteikumi bez dalības", "Registrations without attendance"),
        what: (
            "Pieteikumi, kuriem nav reģistrētas dalības, tiek anonimizēti: vārds, e-pasts, organizācija, vieta un statistikas atbildes izdzēstas; paliek tikai fakts, ka bija pieteikums. Pieteikumi ar reģistrētu dalību paliek kopā ar dalības ierakstu.",
            "Registrations without recorded attendance are anonymised: name, e-mail, organisation, place and the statistics answers are removed; only the fact of a registration stays. Registrations with recorded attendance stay with the attendance record.",
        ),
        from: ("pasākuma beigām", "the event's end"),
        default_days: 365,
        min_days: 90,
        max_days: 1095,
        reason: (
            "Gads ļauj atbildēt uz jautājumiem par pasākumu un plānot nākamo; statistika tiek skaitīta no dalības ierakstiem, ne no pieteikumiem.",
            "A year allows questions about the event to be answered and the next one to be planned; statistics are counted from attendance, not from registrations.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "attendances",
        category: "participation",
        name: ("Dalības ieraksti", "Attendance records"),
        what: (
            "Visos dalībnieka dalības ierakstos vienlaikus tiek izdzēsts vārds, e-pasts vai vārds, pēc kura viņu atpazina, organizācija, precīzā vieta, saite uz personu reģistrā, ierašanās laiks, kas atzīmēja, un pieteikuma dati; paliek ieinteresētās puses veids, dzimums, vecums, romu pašidentifikācija un pašvaldība, un ieraksti paliek savstarpēji saistīti ar numuru, kas nav personas, tāpēc neviens skaitlis nemainās. Divi viena cilvēka ieraksti vienā pasākumā kļūst par vienu. Vēlāk atsaukta piekrišana šos ierakstus vairs nesasniedz: tie vairs nav saistīti ar personu.",
            "The name, the e-mail or name they were known by, organisation, exact place, the link to the registry person, the time of arrival, who checked them in and the registration's details are removed from all of a participant's attendance records at once; the stakeholder type, gender, age, Roma self-identification and municipality stay, and the records stay linked to each other by a number that is no person's, so no figure changes. Two records of one person at one event become one. A consent withdrawn later no longer reaches these records: they are no longer linked to the person.",
        ),
        from: (
            "dalībnieka pēdējā pasākuma beigām",
            "the end of the participant's last event",
        ),
        default_days: 1825,
        min_days: 1095,
        max_days: 3650,
        reason: (
            "Pieci gadi aptver plānošanas periodu un pārskatus Valdībai un Eiropas Komisijai. Kamēr cilvēks piedalās vismaz reizi šajā laikā, viņa ieraksti paliek saistīti, lai katra perioda skaitļos viņš būtu skaitīts vienreiz; kas atgriežas pēc ilgāka pārtraukuma, tiek skaitīts kā jauns dalībnieks, tāpēc periodā, kas aptver pārtraukumu, var tikt skaitīts divreiz.",
            "Five years cover a planning period and the reports to the Government and the European Commission. While a person takes part at least once in that time, their records stay linked, so that each period's figures count them once; someone who comes back after a longer gap counts as a new participant, so a period spanning the gap may count them twice.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "people",
        category: "directory",
        name: (
            "Personas, kas vairs nepiedalās",
            "People no longer taking part",
        ),
        what: (
            "Reģistra persona bez lietotāja konta, bez spēkā esošas dalības organizācijā, bez spēkā esoša ieraksta publiskajā katalogā un bez darbībām šajā laikā tiek dzēsta kopā ar e-pastiem, dalību organizācijās, piekrišanām, romu pašidentifikāciju, kataloga ierakstiem, labās prakses kontaktiem un uzstāšanos pasākumu programmās; tās pieteikumi un ielūgumi tiek anonimizēti, dalības ieraksti — kā dalības ierakstiem, tāpēc neviens skaitlis nemainās.",
            "A registry person with no user account, no current membership of an organisation, no standing listing in the public directory and no activity in this period is deleted with their e-mail addresses, memberships, consents, Roma self-identification, directory listings, good-practice contacts and places in events' programmes; their registrations and invitations are anonymised and their attendance records as for attendance records, so no figure changes.",
        ),
        from: (
            "personas pēdējās darbības (dalības, pieteikuma, ielūguma, uzstāšanās, dalības organizācijā beigām, piekrišanas vai ieraksta labošanas)",
            "the person's last activity (attendance, registration, invitation, speaking, the end of a membership, a consent or an edit of the record)",
        ),
        default_days: 1825,
        min_days: 730,
        max_days: 3650,
        reason: (
            "Kontakts, kas piecus gadus nav izmantots, vairs nekalpo sadarbībai; ja cilvēks atgriežas, viņu var pievienot no jauna.",
            "A contact unused for five years no longer serves cooperation; a person who comes back can be added again.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "invitations",
        category: "participation",
        name: ("Ielūgumu adresāti", "Invitees"),
        what: (
            "Ielūgumu adresātu vārds un e-pasts tiek izdzēsti; paliek ielūgtā organizācija un atbilde.",
            "Invitees' names and e-mail addresses are removed; the invited organisation and the answer stay.",
        ),
        from: ("pasākuma beigām", "the event's end"),
        default_days: 365,
        min_days: 90,
        max_days: 1095,
        reason: (
            "Gads ļauj atbildēt, kas tika ielūgts; vēlāk pietiek ar to, kuras organizācijas tika ielūgtas.",
            "A year allows answering who was invited; later, which organisations were invited is enough.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "disabled_accounts",
        category: "accounts",
        name: (
            "Atslēgtu kontu pieteikšanās dati",
            "Disabled accounts' sign-in data",
        ),
        what: (
            "Atslēgta konta parole, API atslēgas, pārlūku atzīmes, sesijas un paroles saites tiek dzēstas; otrā soļa atslēga un piekļuves atslēgas paliek (lai no jauna ieslēgtu kontu nevarētu pārņemt tikai ar paroles saiti), vārds un e-pasts — jo darbību žurnāls nosauc, kas ko darīja.",
            "A disabled account's password, API tokens, known browsers, sessions and password links are deleted; the second step's key and the passkeys stay (so that an account turned on again cannot be taken over with a password link alone), and so do the name and e-mail, as the audit log names who did what.",
        ),
        from: ("konta atslēgšanas", "the account's disabling"),
        default_days: 90,
        min_days: 7,
        max_days: 730,
        reason: (
            "Trīs mēnešos kļūdaini atslēgtu kontu var ieslēgt atkal ar to pašu paroli; vēlāk parole un atslēgas ir tikai risks.",
            "Within three months an account disabled by mistake can be turned on again with the same password; later the password and tokens are only a risk.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "mediator_notes",
        category: "mediators",
        name: (
            "Mediatoru mēneša pārskatu piezīmes",
            "Mediators' monthly report notes",
        ),
        what: (
            "Mediatora mēneša pārskata piezīmes uzraudzītājam (šifrētas) tiek izdzēstas; pārskata skaitļi paliek.",
            "The notes for the supervisor in a mediator's monthly report (sealed) are removed; the report's figures stay.",
        ),
        from: ("pārskata mēneša beigām", "the end of the report's month"),
        default_days: 730,
        min_days: 180,
        max_days: 3650,
        reason: (
            "Divi gadi ļauj uzraudzītājam un mediatoram atgriezties pie darba gaitas; skaitļiem piezīmes nav vajadzīgas.",
            "Two years let the supervisor and the mediator look back on the work; the figures do not need the notes.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "import_batches",
        category: "staff_work",
        name: ("Importa sagataves", "Import previews"),
        what: (
            "Importa sagataves (augšupielādētā faila rindas) tiek dzēstas.",
            "Import previews (the uploaded file's rows) are deleted.",
        ),
        from: (
            "importa vai, ja tas netika veikts, sagatavošanas",
            "the import or, if it was never made, the preview",
        ),
        default_days: 90,
        min_days: 7,
        max_days: 730,
        reason: (
            "Trīs mēnešos importa kļūdas parasti atklājas; ievestie dati paliek reģistrā un vēsturē.",
            "Mistakes in an import usually show within three months; the data brought in stays in the registry and its history.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "access_log",
        category: "access_log",
        name: ("Piekļuves žurnāla ieraksti", "Access log records"),
        what: (
            "Piekļuves žurnāla ieraksti (kas, kad, ko un kāpēc lasīja vai eksportēja) tiek dzēsti.",
            "Access log records (who read or exported what, when and why) are deleted.",
        ),
        from: ("ieraksta", "the record"),
        default_days: 1095,
        min_days: 365,
        max_days: 3650,
        reason: (
            "Trīs gadi ļauj atbildēt uz personas pieprasījumu un izmeklēt nelikumīgu piekļuvi arī pēc ilgāka laika; vēlāk ieraksti ir tikai vēl viens personas datu krājums.",
            "Three years allow a person's request to be answered and unlawful access to be looked into even after some time; later the records are only one more store of personal data.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "needs",
        category: "needs",
        name: ("Jautājumi un vajadzības", "Needs and questions"),
        what: (
            "Izvirzītāja vārds un e-pasta adrese tiek izdzēsti; jautājums, tā gaita un atbilde paliek.",
            "The name and e-mail address of the person who raised it are removed; the need, its steps and the answer stay.",
        ),
        from: (
            "atbildes, slēgšanas vai apvienošanas",
            "the answer, closing or merging",
        ),
        default_days: 365,
        min_days: 90,
        max_days: 1095,
        reason: (
            "Adrese vajadzīga, lai pateiktu par katru soli un par atbildi; gads pēc tam ļauj atbildēt uz jautājumiem par to, vēlāk tā vairs nav vajadzīga.",
            "The address is needed to tell of each step and of the answer; a year after that allows questions about it to be answered, later it is no longer needed.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "consultations",
        category: "consultations",
        name: ("Apspriešanas", "Consultations"),
        what: (
            "Komentāru saite ar to rakstītāju un slēpēju kontiem tiek dzēsta; komentāru teksts, organizācija un kopsavilkums paliek publiski.",
            "The link between comments and the accounts of who wrote or hid them is removed; the comments' text, organisation and the summary stay public.",
        ),
        from: ("kopsavilkuma publicēšanas", "the summary's publication"),
        default_days: 365,
        min_days: 90,
        max_days: 1095,
        reason: (
            "Gads pēc kopsavilkuma ļauj atbildēt uz jautājumiem par apspriešanas gaitu; vēlāk kontu saite vairs nav vajadzīga.",
            "A year after the summary allows questions about how the consultation went to be answered; later the link to accounts is no longer needed.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "subject_requests",
        category: "subject_requests",
        name: ("Datu subjektu pieprasījumi", "Data subjects' requests"),
        what: (
            "Pieprasījuma iesniedzēja vārds, adreses, pieprasījuma, pagarinājuma un atbildes teksts un identitātes pārbaude tiek izdzēsti; paliek pieprasījuma veids, datumi un iznākums.",
            "The requester's name and addresses, the texts of the request, the extension and the answer, and the identity check are removed; the request's kind, dates and outcome stay.",
        ),
        from: ("pieprasījuma slēgšanas", "the request's closing"),
        default_days: 1095,
        min_days: 365,
        max_days: 3650,
        reason: (
            "Trīs gadi ļauj pierādīt, kā atbildēts, ja persona sūdzas Datu valsts inspekcijā vai tiesā; vēlāk pietiek ar to, ka pieprasījums bija un kā tas beidzās.",
            "Three years allow showing how a request was answered if the person complains to the Data State Inspectorate or a court; later it is enough that there was a request and how it ended.",
        ),
        restarts_with_use: false,
    },
    Rule {
        key: "audit_details",
        category: "audit",
        name: (
            "Darbību žurnāla sīkāka informācija",
            "The audit log's details",
        ),
        what: (
            "Darbību žurnāla ierakstu sīkāka informācija un IP adrese tiek izdzēstas; kas, kad un ko darīja, paliek.",
            "The audit log entries' details and IP address are emptied; who did what and when stays.",
        ),
        from: ("ieraksta", "the entry"),
        default_days: 3650,
        min_days: 1825,
        max_days: 7300,
        reason: (
            "Desmit gadi atbilst valsts pārvaldes dokumentu glabāšanai; pēc tam pietiek ar faktu, ka darbība notika.",
            "Ten years match the keeping of public administration records; after that the fact of the action is enough.",
        ),
        restarts_with_use: false,
    },
];

/// Categories whose storage limit is applied by their own mechanism, not a rule above:
/// (category, where it is applied and tested).
pub const APPLIED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "mediation_cases",
        "store::retention::anonymise_due, mediation.retention_years (tests/it/mediation.rs)",
    ),
    (
        "mediation_access",
        "anonymised and erased with its case: store::retention (tests/it/mediation.rs)",
    ),
    (
        "success_stories",
        "30 days after the consent's withdrawal: store::stories::delete_long_withdrawn (tests/it/stories.rs)",
    ),
    (
        "roma_identity",
        "deleted when the consent is withdrawn (store::people::withdraw_roma_identity) and with the person under the rule \"people\" (tests/it/storage_limits.rs)",
    ),
];

/// The rule of a key.
pub fn rule(key: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.key == key)
}

/// The rules limiting a category of the records of processing.
pub fn for_category(category: &str) -> impl Iterator<Item = &'static Rule> {
    RULES.iter().filter(move |r| r.category == category)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_category_and_has_sound_bounds() {
        for r in RULES {
            assert!(
                crate::processing::CATEGORIES
                    .iter()
                    .any(|c| c.key == r.category),
                "{}: no category {}",
                r.key,
                r.category
            );
            assert!(
                r.min_days <= r.default_days && r.default_days <= r.max_days,
                "{}",
                r.key
            );
            assert_eq!(rule(r.key).map(|x| x.key), Some(r.key), "keys are unique");
        }
    }

    /// Storage limitation covers every category of personal data: a category added to the
    /// records of processing without a rule (or a mechanism of its own) fails here.
    #[test]
    fn every_category_of_personal_data_has_a_storage_limit() {
        for c in crate::processing::CATEGORIES {
            let elsewhere = APPLIED_ELSEWHERE.iter().any(|(k, _)| *k == c.key);
            let rules = for_category(c.key).count();
            assert!(
                rules > 0 || elsewhere,
                "the category {} has no retention rule (domain::retention::RULES)",
                c.key
            );
            assert!(
                !(rules > 0 && elsewhere),
                "{}: a rule and a mechanism of its own",
                c.key
            );
        }
        for (k, _) in APPLIED_ELSEWHERE {
            assert!(
                crate::processing::CATEGORIES.iter().any(|c| c.key == *k),
                "{k}"
            );
        }
    }
}
