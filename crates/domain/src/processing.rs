//! The records of processing (GDPR article 30) as one registry: every category of personal
//! data the platform keeps — its purpose, legal basis, retention, who may access it, and the
//! table columns that hold it. The public page "Datu apstrādes reģistrs" is generated from
//! it, and a test fails when the schema has a column that looks like personal data (see
//! [`looks_personal`]) that is neither registered here nor declared not personal, or a table
//! that is not classified at all.

/// Latvian and English text.
pub type Text = (&'static str, &'static str);

#[derive(Debug, Clone, Copy)]
pub struct Category {
    pub key: &'static str,
    pub title: Text,
    /// Special-category data (GDPR article 9) or data about children.
    pub special: bool,
    pub purpose: Text,
    pub legal_basis: Text,
    /// `{years}` stands for the configured mediation retention.
    pub retention: Text,
    pub access: Text,
    /// (table, column)
    pub columns: &'static [(&'static str, &'static str)],
}

pub const CATEGORIES: &[Category] = &[
    Category {
        key: "accounts",
        title: ("Lietotāju konti", "User accounts"),
        special: false,
        purpose: (
            "Piekļuve darba videi, tiesību pārbaude, drošība (pieteikšanās, divpakāpju pieteikšanās, sesijas, API atslēgas).",
            "Access to the workspace, permission checks, security (logins, two-step sign-in, sessions, API tokens).",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts (Kultūras ministrijas kā nacionālā romu kontaktpunkta uzdevums) un 32. pants (drošība).",
            "GDPR art. 6(1)(e) (the Ministry of Culture's task as national Roma contact point) and art. 32 (security).",
        ),
        retention: (
            "Konts — kamēr tas ir aktīvs; sesijas (ar pārlūka aprakstu un adresi, ko redz konta īpašnieks) beidzas pēc neaktivitātes vai absolūtā termiņa; paroles saites — pēc 24 stundām; neveiksmīgās pieteikšanās — pēc skaitīšanas loga; pārlūku atzīmes — gadu pēc pēdējās lietošanas; publisko veidlapu iesniegumu skaits pēc adreses — pēc skaitīšanas loga; otrā soļa atslēga (šifrēta ar atslēgas failu) un rezerves kodu jaucējvērtības — kamēr otrais solis ieslēgts; pieteikšanās ar kodu — piecas minūtes; e-pasta paziņojumi par darba gaitu un atslēgtu kontu pieteikšanās dati — kā noteikts zemāk; atslēgta konta vārds un e-pasts — kamēr tos nosauc darbību žurnāls.",
            "The account while it is active; sessions (with the browser's description and the address, which the account's owner sees) end after idleness or their absolute lifetime; password links after 24 hours; failed logins after the counting window; known browsers' marks a year after their last use; public forms' posts per address after the counting window; the second step's key (sealed with the key file) and the recovery codes' hashes while the second step is on; a sign-in waiting for its code for five minutes; e-mail notices of the work's progress and disabled accounts' sign-in data as set out below; a disabled account's name and e-mail while the audit log names them.",
        ),
        access: (
            "Pats lietotājs; koordinatori (lietotāju pārvaldība).",
            "The user; coordinators (user management).",
        ),
        columns: &[
            ("users", "email"),
            ("users", "name"),
            ("users", "password_hash"),
            ("users", "person_id"),
            ("users", "preferred_lang"),
            ("sessions", "user_id"),
            ("sessions", "id_hash"),
            ("sessions", "ip"),
            ("notices", "user_id"),
            ("notice_settings", "user_id"),
            ("sessions", "user_agent"),
            ("api_tokens", "user_id"),
            ("api_tokens", "label"),
            ("api_idempotency", "user_id"),
            ("api_idempotency", "key"),
            ("api_idempotency", "request_hash"),
            ("password_links", "user_id"),
            ("login_failures", "key"),
            ("trusted_devices", "user_id"),
            ("trusted_devices", "token_hash"),
            ("public_posts", "key"),
            ("totp_factors", "user_id"),
            ("totp_factors", "key_sealed"),
            ("recovery_codes", "user_id"),
            ("passkeys", "user_id"),
            ("passkeys", "name"),
            ("passkeys", "passkey"),
            ("users", "passkey_handle"),
            ("login_challenges", "user_id"),
            ("passkey_ceremonies", "owner"),
            ("passkey_ceremonies", "state"),
        ],
    },
    Category {
        key: "audit",
        title: ("Darbību žurnāls", "Audit log"),
        special: false,
        purpose: (
            "Pārskatatbildība: kas, kad un ko mainīja vai mēģināja atvērt (bez mainītā satura).",
            "Accountability: who changed or tried to open what, and when (without the content).",
        ),
        legal_basis: (
            "VDAR 5. panta 2. punkts un 32. pants; 6. panta 1. punkta c) un e) apakšpunkts.",
            "GDPR art. 5(2) and art. 32; art. 6(1)(c) and (e).",
        ),
        retention: (
            "Ieraksti glabājas kā valsts pārvaldes darbību uzskaite; to sīkāka informācija un IP adrese — kā noteikts zemāk.",
            "Entries are kept as the record of a public administration's actions; their details and IP address as set out below.",
        ),
        access: ("Koordinatori.", "Coordinators."),
        columns: &[
            ("audit_log", "actor_user_id"),
            ("audit_log", "actor_label"),
            ("audit_log", "ip"),
            ("audit_log", "detail"),
            ("plan_history", "actor_user_id"),
            ("plan_history", "actor_label"),
            ("progress_report_steps", "actor_user_id"),
            ("progress_report_steps", "actor_label"),
        ],
    },
    Category {
        key: "access_log",
        title: ("Piekļuves žurnāls", "Access log"),
        special: false,
        purpose: (
            "Pārskatatbildība par personas datu lasīšanu: kas, kad un kādā nolūkā atvēra personas romu pašidentifikāciju, citas organizācijas personas kontaktus vai eksportēja sarakstu ar personas datiem; personai — pārskats par to.",
            "Accountability for reading personal data: who opened a person's Roma self-identification, the contacts of a person outside their organisation, or exported a list with personal data — when, and for which purpose; for the person, a report of it.",
        ),
        legal_basis: (
            "VDAR 5. panta 2. punkts, 9. pants un 32. pants; 6. panta 1. punkta c) apakšpunkts.",
            "GDPR art. 5(2), art. 9 and art. 32; art. 6(1)(c).",
        ),
        retention: (
            "Atsevišķā failā blakus datubāzei; kā noteikts zemāk.",
            "In a file of its own beside the database; as set out below.",
        ),
        access: (
            "Koordinatori (personas piekļuves pārskatā); datu subjekts — pēc pieprasījuma.",
            "Coordinators (in a person's access report); the data subject on request.",
        ),
        columns: &[
            ("access_records", "user_id"),
            ("access_records", "user_label"),
            ("access_records", "detail"),
            ("access_records", "purpose"),
            ("access_subjects", "subject"),
        ],
    },
    Category {
        key: "needs",
        title: ("Jautājumi un vajadzības", "Needs and questions"),
        special: false,
        purpose: (
            "Nodot romu kopienu izvirzītos jautājumus un vajadzības atbildīgajai iestādei un informēt izvirzītāju par katru soli, ja viņš to vēlas.",
            "Passing the needs and questions raised by Roma communities to the responsible institution, and telling the person who raised one of each step if they wish.",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts (sabiedrības līdzdalība romu integrācijas politikā); kontaktinformācijai — piekrišana (6. panta 1. punkta a) apakšpunkts).",
            "GDPR art. 6(1)(e) (public participation in the Roma integration policy); for contact details, consent (art. 6(1)(a)).",
        ),
        retention: ("Kā noteikts zemāk.", "As set out below."),
        access: (
            "Koordinatori; iestāde, kurai jautājums nodots; izvirzītājs.",
            "Coordinators; the institution the need is given to; the person who raised it.",
        ),
        columns: &[
            ("needs", "description"),
            ("needs", "raiser_name"),
            ("needs", "raiser_email"),
            ("needs", "raiser_lang"),
            ("needs", "raised_by"),
            ("needs", "answered_by"),
            ("need_steps", "by_user"),
        ],
    },
    Category {
        key: "consultations",
        title: ("Apspriešanas", "Consultations"),
        special: false,
        purpose: (
            "Uzklausīt sabiedrības un iestāžu komentārus par politikas dokumentu projektiem un publiski atbildēt, kas ņemts vērā.",
            "Hearing the public's and institutions' comments on draft policy documents and answering in public what was taken up.",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts (sabiedrības līdzdalība politikas veidošanā).",
            "GDPR art. 6(1)(e) (public participation in policy making).",
        ),
        retention: (
            "Komentāru teksts — kopā ar apspriešanu kā publisks līdzdalības ieraksts (bez autoru vārdiem; lietotājiem — tikai organizācija); saite ar kontiem — kā noteikts zemāk.",
            "The comments' text with the consultation, as a public record of participation (without their authors' names; for users, their organisation only); the link to accounts as set out below.",
        ),
        access: (
            "Publiski: komentāru teksts bez vārdiem; koordinatori: kas un kad komentēja.",
            "Public: the comments' text without names; coordinators: who commented when.",
        ),
        columns: &[
            ("consultation_comments", "body"),
            ("consultation_comments", "user_id"),
            ("consultation_comments", "hidden_by"),
            ("consultations", "created_by"),
        ],
    },
    Category {
        key: "subject_requests",
        title: ("Datu subjektu pieprasījumi", "Data subjects' requests"),
        special: false,
        purpose: (
            "Atbildēt uz personas pieprasījumu par saviem datiem (piekļuve, labošana, dzēšana, ierobežošana, pārnesamība, iebildums) mēneša laikā un pierādīt, ka atbildēts.",
            "Answering a person's request about their own data (access, rectification, erasure, restriction, portability, objection) within the month, and showing that it was answered.",
        ),
        legal_basis: (
            "VDAR 12. pants un 5. panta 2. punkts; 6. panta 1. punkta c) apakšpunkts.",
            "GDPR art. 12 and art. 5(2); art. 6(1)(c).",
        ),
        retention: ("Kā noteikts zemāk.", "As set out below."),
        access: (
            "Koordinatori, kas atbild uz pieprasījumiem.",
            "The coordinators who answer requests.",
        ),
        columns: &[
            ("subject_requests", "person_id"),
            ("subject_requests", "requester_name"),
            ("subject_requests", "requester_email"),
            ("subject_requests", "reply_to"),
            ("subject_requests", "details"),
            ("subject_requests", "identity_checked"),
            ("subject_requests", "response"),
            ("subject_requests", "recorded_by"),
        ],
    },
    Category {
        key: "directory",
        title: ("Kontaktpersonu katalogs", "Directory of people"),
        special: false,
        purpose: (
            "Platformas dalībnieku (iestāžu, pašvaldību, NVO, mediatoru) kontakti sadarbībai un uzaicinājumiem; publiskajā katalogā tikai ar personas piekrišanu.",
            "Contacts of the platform's participants (institutions, municipalities, NGOs, mediators) for cooperation and invitations; in the public directory only with the person's consent.",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts; publiskajam katalogam — a) apakšpunkts (piekrišana).",
            "GDPR art. 6(1)(e); for the public directory art. 6(1)(a) (consent).",
        ),
        retention: (
            "Kamēr persona piedalās platformas darbā, un kā noteikts zemāk.",
            "While the person takes part in the platform's work, and as set out below.",
        ),
        access: (
            "Koordinatori; citi lietotāji — savas organizācijas kontakti; publiski — tikai piekritušo norādītie lauki.",
            "Coordinators; other users the contacts of their own organisation; the public only the fields a person consented to.",
        ),
        columns: &[
            ("people", "name"),
            ("people", "search_key"),
            ("people", "phone"),
            ("people", "gender"),
            ("people", "birth_year"),
            ("people", "preferred_lang"),
            ("people", "territory_id"),
            ("person_emails", "person_id"),
            ("person_emails", "email"),
            ("memberships", "person_id"),
            ("memberships", "role_title"),
            ("directory_listings", "subject_id"),
            ("directory_listings", "recorded_by"),
            ("directory_listings", "withdrawn_by"),
            ("practice_contacts", "subject_id"),
            ("organisations", "email"),
            ("organisations", "phone"),
        ],
    },
    Category {
        key: "roma_identity",
        title: (
            "Romu izcelsmes pašidentifikācija",
            "Roma self-identification",
        ),
        special: true,
        purpose: (
            "Statistika par romu līdzdalību (tikai apkopoti skaitļi ar atklāšanas kontroli).",
            "Statistics of Roma participation (aggregate figures under disclosure control only).",
        ),
        legal_basis: (
            "VDAR 9. panta 2. punkta a) apakšpunkts: nepārprotama piekrišana, ko var atsaukt jebkurā brīdī.",
            "GDPR art. 9(2)(a): explicit consent, which can be withdrawn at any time.",
        ),
        retention: (
            "Līdz piekrišanas atsaukšanai (tad vērtību izdzēš).",
            "Until the consent is withdrawn (the value is then deleted).",
        ),
        access: ("Koordinatori.", "Coordinators."),
        columns: &[
            ("person_roma_identity", "person_id"),
            ("person_roma_identity", "value"),
            ("consents", "person_id"),
            ("consents", "recorded_by"),
            ("consents", "withdrawn_recorded_by"),
        ],
    },
    Category {
        key: "success_stories",
        title: ("Veiksmes stāsti", "Success stories"),
        special: true,
        purpose: (
            "Sabiedrības informēšana par romu veiksmes stāstiem platformas vietnē (un, ja piekrišana to aptver, sociālajos tīklos un presē).",
            "Public awareness of Roma success stories on the platform's site (and, where the consent covers them, social media and the press).",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta a) apakšpunkts un 9. panta 2. punkta a) apakšpunkts: stāstā attēlotās personas (nepilngadīgai — likumiskā pārstāvja) nepārprotama piekrišana, ko var atsaukt jebkurā brīdī; bērna viedoklis tiek pierakstīts un ievērots.",
            "GDPR art. 6(1)(a) and 9(2)(a): explicit consent of the person featured (for a minor, of the guardian), which can be withdrawn at any time; the child's own view is recorded and respected.",
        ),
        retention: (
            "Publicēts, kamēr piekrišana ir spēkā; atsaucot stāstu noņem nekavējoties, un 30 dienas pēc atsaukšanas to dzēš kopā ar foto, piekrišanām un saitēm (redaktors var dzēst agrāk). Melnrakstus dzēš redaktors.",
            "Published while the consent stands; on withdrawal the story comes off at once, and 30 days after the withdrawal it is deleted with its photo, consents and links (the editor may delete it sooner). Drafts are deleted by the editor.",
        ),
        access: (
            "Koordinatori (redaktori); publicētu stāstu — ikviens.",
            "Coordinators (editors); a published story — everyone.",
        ),
        columns: &[
            ("stories", "person_name"),
            ("stories", "title_lv"),
            ("stories", "title_en"),
            ("stories", "title_rom"),
            ("stories", "summary_lv"),
            ("stories", "summary_en"),
            ("stories", "summary_rom"),
            ("stories", "body_lv"),
            ("stories", "body_en"),
            ("stories", "body_rom"),
            ("stories", "territory_id"),
            ("stories", "photo_sha256"),
            ("stories", "photo_alt_lv"),
            ("stories", "photo_alt_en"),
            ("stories", "created_by"),
            ("stories", "updated_by"),
            ("story_consents", "given_on"),
            ("story_consents", "form_reference"),
            ("story_consents", "minor"),
            ("story_consents", "guardian_name"),
            ("story_consents", "child_view"),
            ("story_consents", "named"),
            ("story_consents", "photo"),
            ("story_consents", "recorded_by"),
            ("story_consents", "withdrawn_by"),
            // Coverage may name the person.
            ("story_media", "title"),
            ("story_media", "outlet"),
            ("story_media", "url"),
        ],
    },
    Category {
        key: "participation",
        title: ("Dalība pasākumos", "Participation in events"),
        special: true,
        purpose: (
            "Pieteikšanās, uzaicinājumi, reģistrācija pie ieejas, atgriezeniskā saite un dalības statistika (romu pašidentifikācija — tikai ar piekrišanu).",
            "Registrations, invitations, sign-in at the door, feedback and participation statistics (Roma self-identification only with consent).",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts; romu pašidentifikācijai — 9. panta 2. punkta a) apakšpunkts.",
            "GDPR art. 6(1)(e); for Roma self-identification art. 9(2)(a).",
        ),
        retention: (
            "Kā noteikts zemāk: personīgās saites, pieteikumi bez dalības un ielūgumu adresāti, tad dalības ieraksti (anonimizēti, saglabājot statistikas kategorijas, tāpēc publicētie skaitļi nemainās).",
            "As set out below: personal links, registrations without attendance and invitees, then attendance records (anonymised, keeping the statistical categories, so no published figure changes).",
        ),
        access: (
            "Koordinatori un pasākuma organizētāji; publiski — tikai apkopoti skaitļi ar atklāšanas kontroli.",
            "Coordinators and the event's organisers; the public only aggregate figures under disclosure control.",
        ),
        columns: &[
            ("registrations", "person_id"),
            ("registrations", "name"),
            ("registrations", "email"),
            ("registration_links", "token_hash"),
            ("registrations", "email_key"),
            ("registrations", "gender"),
            ("registrations", "age_group"),
            ("registrations", "roma_self_identified"),
            ("registrations", "territory_id"),
            ("registrations", "organisation_text"),
            ("registrations", "email_confirmed_at"),
            ("registrations", "registered_by"),
            ("attendances", "person_id"),
            ("attendances", "identity_key"),
            ("attendances", "name"),
            ("attendances", "search_key"),
            ("attendances", "gender"),
            ("attendances", "age_years"),
            ("attendances", "age_group"),
            ("attendances", "roma_self_identified"),
            ("attendances", "participant"),
            ("attendances", "checked_in_by"),
            ("participants", "identity_key"),
            ("invitations", "person_id"),
            ("invitations", "name"),
            ("invitations", "email"),
            ("invitations", "email_key"),
            ("invitations", "sent_by"),
            ("event_agenda_speakers", "person_id"),
            ("event_agenda_items", "speakers_text"),
            ("feedback", "comment"),
        ],
    },
    Category {
        key: "staff_work",
        title: ("Darba ieraksti", "Records of work"),
        special: false,
        purpose: (
            "Kas sagatavoja, iesniedza vai izskatīja pasākumu, rīcību, pārskatu vai dokumentu.",
            "Who prepared, submitted or reviewed an event, an action, a report or a document.",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts.",
            "GDPR art. 6(1)(e).",
        ),
        retention: (
            "Importa sagataves — kā noteikts zemāk; pārējais kopā ar ierakstu, ko tas apraksta (plāns, pasākums, pārskats, dokuments), kā valsts pārvaldes darba uzskaite.",
            "Import previews as set out below; the rest with the record it describes (a plan, an event, a report, a document), as the record of a public administration's work.",
        ),
        access: (
            "Koordinatori un attiecīgās organizācijas lietotāji.",
            "Coordinators and the users of the organisation concerned.",
        ),
        columns: &[
            ("import_batches", "user_id"),
            ("event_minutes", "updated_by"),
            ("follow_up_actions", "created_by"),
            ("follow_up_notes", "user_id"),
            ("follow_up_notes", "note"),
            ("event_documents", "uploaded_by"),
            ("indicator_values", "recorded_by"),
            ("reporting_rounds", "opened_by"),
            ("progress_reports", "submitted_by"),
            ("progress_reports", "reviewed_by"),
            ("progress_reports", "review_comment"),
            ("progress_report_steps", "comment"),
            ("progress_report_files", "uploaded_by"),
            ("site_pages", "updated_by"),
            ("news", "updated_by"),
            ("practices", "created_by"),
            ("practices", "updated_by"),
            ("practices", "reviewed_by"),
            ("practices", "review_comment"),
            ("practice_files", "uploaded_by"),
            ("services", "created_by"),
            ("report_narratives", "updated_by"),
            ("issued_reports", "issued_by"),
            // Who recorded a breach (the register names no one else: its form says so).
            ("breaches", "recorded_by"),
        ],
    },
    Category {
        key: "mail",
        title: ("Izsūtāmās vēstules", "Outgoing mail"),
        special: false,
        purpose: (
            "Vēstuļu (uzaicinājumu, apstiprinājumu, atgādinājumu, paroļu saišu) nosūtīšana.",
            "Sending mail (invitations, confirmations, reminders, password links).",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts.",
            "GDPR art. 6(1)(e).",
        ),
        retention: ("Kā noteikts zemāk.", "As set out below."),
        access: ("Koordinatori (izsūtne).", "Coordinators (the outbox)."),
        columns: &[("outbox", "to_address"), ("outbox", "body")],
    },
    Category {
        key: "mediators",
        title: ("Mediatoru norīkojumi", "Mediators' assignments"),
        special: false,
        purpose: (
            "Mediatoru darba organizēšana: pašvaldība, periods, darba laiks, uzraudzītājs; mediatora mēneša pārskats ar piezīmēm uzraudzītājam (piezīmes šifrētas).",
            "Organising the mediators' work: municipality, period, working hours, supervisor; the mediator's monthly report with notes for the supervisor (the notes sealed).",
        ),
        legal_basis: (
            "VDAR 6. panta 1. punkta e) apakšpunkts.",
            "GDPR art. 6(1)(e).",
        ),
        retention: (
            "Norīkojumi — kopā ar mediatora kontu kā darba organizēšanas uzskaite; mēneša pārskatu piezīmes — kā noteikts zemāk.",
            "Assignments with the mediator's account, as the record of how the work was organised; monthly reports' notes as set out below.",
        ),
        access: (
            "Koordinatori; pats mediators.",
            "Coordinators; the mediator.",
        ),
        columns: &[
            ("mediation_assignments", "mediator_user_id"),
            ("mediation_assignments", "reception"),
            ("mediation_assignments", "supervisor_user_id"),
            ("mediation_assignments", "proposed_supervisor_user_id"),
            ("mediation_assignments", "proposed_by"),
            ("mediation_assignments", "supervisor_approved_by"),
            ("family_handovers", "from_user_id"),
            ("family_handovers", "to_user_id"),
            ("family_handovers", "proposed_by"),
            ("family_handovers", "decided_by"),
            ("mediator_reports", "mediator_user_id"),
            ("mediator_reports", "notes_sealed"),
        ],
    },
    Category {
        key: "mediation_cases",
        title: ("Romu mediācijas lietas", "Roma mediation cases"),
        special: true,
        purpose: (
            "Mediatora darbs ar ģimeni (kontakti, nosūtījumi, skolas apmeklējums); informācijas nodošana konkrētai iestādei; apkopota statistika; veiksmes stāsti — katrs nolūks tikai ar savu piekrišanu.",
            "The mediator's work with a family (contacts, referrals, school attendance); sharing information with a named institution; aggregate statistics; success stories — each purpose only with its own consent.",
        ),
        legal_basis: (
            "VDAR 9. panta 2. punkta a) apakšpunkts: nepārprotama piekrišana katram nolūkam (bērnam — vecāka vai aizbildņa, ņemot vērā bērna viedokli); steidzamas nepieciešamības gadījumā bez piekrišanas — 9. panta 2. punkta c) apakšpunkts (vitālas intereses), reģistrēts un redzams uzraudzītājam.",
            "GDPR art. 9(2)(a): explicit consent per purpose (for a child, a parent's or guardian's, with the child's view); in urgent necessity without consent art. 9(2)(c) (vital interests), logged and shown to the supervisor.",
        ),
        retention: (
            "Slēgtu lietu anonimizē {years} gadus pēc slēgšanas; pēc personas pieprasījuma — dzēš.",
            "A closed case is anonymised {years} years after closing; erased on the person's request.",
        ),
        access: (
            "Tikai ģimenes mediators; uzraudzītājs — tikai lasīšanai un tikai ar reģistrētu iemeslu. Neviens cits; pārējie saņem tikai apkopotus skaitļus.",
            "Only the family's mediator; the supervisor read-only and only with a logged reason. Nobody else; everyone else gets aggregate figures only.",
        ),
        columns: &[
            ("families", "mediator_user_id"),
            ("families", "name_sealed"),
            ("families", "contact_sealed"),
            ("families", "household_size"),
            ("families", "closed_reason"),
            ("family_members", "birth_year"),
            ("family_members", "gender"),
            ("family_members", "relation"),
            ("family_members", "school_sealed"),
            ("family_members", "grade"),
            ("family_members", "name_sealed"),
            ("mediation_contacts", "areas"),
            ("mediation_contacts", "institution_sealed"),
            ("mediation_contacts", "done_sealed"),
            ("mediation_contacts", "outcome_sealed"),
            ("mediation_contacts", "next_step_sealed"),
            ("mediation_contacts", "recorded_by"),
            ("mediation_consents", "purpose"),
            ("mediation_consents", "institution_sealed"),
            ("mediation_consents", "given_by"),
            ("mediation_consents", "child_view"),
            ("mediation_consents", "recorded_by"),
            ("mediation_consents", "withdrawn_by"),
            ("mediation_referrals", "kind"),
            ("mediation_referrals", "institution_sealed"),
            ("mediation_referrals", "override_reason_sealed"),
            ("mediation_referrals", "note_sealed"),
            ("mediation_referrals", "recorded_by"),
            ("school_followups", "noted_on"),
            ("school_followups", "risk"),
            ("school_followups", "action_sealed"),
            ("school_followups", "result"),
            ("school_followups", "recorded_by"),
        ],
    },
    Category {
        key: "mediation_access",
        title: ("Piekļuve mediācijas lietām", "Access to mediation cases"),
        special: false,
        purpose: (
            "Katras lietas apskates un izmaiņas reģistrs (kas, kad, kādā nolūkā; uzraudzītāja piezīme šifrēta): mediatoram, uzraudzītājam un datu subjektam.",
            "The log of every view and change of a case (who, when, for which purpose; a supervisor's note sealed): for the mediator, the supervisor and the data subject.",
        ),
        legal_basis: (
            "VDAR 5. panta 2. punkts un 32. pants.",
            "GDPR art. 5(2) and art. 32.",
        ),
        retention: (
            "Kopā ar lietu (dzēšot lietu, dzēš arī tās žurnālu).",
            "With the case (erasing the case erases its log).",
        ),
        access: (
            "Ģimenes mediators, uzraudzītājs, datu subjekts (izrakstā).",
            "The family's mediator, the supervisor, the data subject (in the export).",
        ),
        columns: &[
            ("mediation_access_log", "user_id"),
            ("mediation_access_log", "purpose"),
            ("mediation_access_log", "note_sealed"),
        ],
    },
];

/// Column names that suggest personal data.
pub const PATTERNS: &[&str] = &[
    "name",
    "email",
    "phone",
    "birth",
    "gender",
    "age_",
    "roma",
    "sealed",
    "address",
    "comment",
    "note",
    "identity",
    "person_id",
    "user_id",
    "password",
    "speakers",
    "_by",
    "actor",
    "search_key",
    "detail",
    "body",
    "reception",
    "participant",
    "ip",
];

/// Whether a column's name suggests personal data.
pub fn looks_personal(column: &str) -> bool {
    column == "ip" || column == "key" || PATTERNS.iter().any(|p| *p != "ip" && column.contains(p))
}

/// Columns whose names suggest personal data but that hold none (with the reason).
pub const NOT_PERSONAL: &[(&str, &str)] = &[
    // The name of a report's narrative section ("introduction").
    ("report_narratives", "key"),
    // Names of migrations, organisations, places, plans and indicators; file names of imports.
    ("schema_migrations", "name"),
    ("organisations", "name_lv"),
    ("organisations", "name_en"),
    ("organisations", "search_key"),
    ("organisations", "address"),
    ("territories", "name_lv"),
    ("territories", "name_en"),
    ("territories", "search_key"),
    // A service's folded title, summary and eligibility, for search (no person).
    ("services", "search_key"),
    // A consultation's draft text, whether the public may comment, and the organisation a
    // user's comment is shown by (an organisation, not a person).
    ("consultation_sections", "body"),
    ("consultations", "public_comments"),
    ("consultation_comments", "organisation_name"),
    ("territories", "country_name_lv"),
    ("territories", "country_name_en"),
    ("plans", "name_lv"),
    ("plans", "name_en"),
    ("indicators", "name_lv"),
    ("indicators", "name_en"),
    ("import_batches", "file_name"),
    // The organisation a need was raised for (an organisation, not a person).
    ("needs", "raised_by_org"),
    ("attendances", "organisation_name"),
    // A venue's address; configuration keys; reference data.
    ("events", "address"),
    ("meta", "key"),
    ("eu_targets", "key"),
    ("eu_targets", "factor"),
    // Not a person: an agenda item's id; a count of Roma reached; a note on a statistic.
    ("event_documents", "agenda_item_id"),
    ("progress_reports", "reached_roma"),
    ("indicator_values", "note"),
    // Public editorial text of the site's pages (officials named in their public role).
    ("site_pages", "body_lv"),
    ("site_pages", "body_en"),
    ("news", "body_lv"),
    ("news", "body_en"),
    // The full-text index of published good practices (public text only).
    ("practices_fts", "body"),
    // A deadline for confirming a registration, not who confirms it.
    ("registrations", "confirm_by"),
    // A backup archive's size in bytes ("_by" in it names no person).
    ("backup_runs", "size_bytes"),
];

/// Tables with no personal data at all (reference data, plans and measures, events as such).
pub const TABLES_WITHOUT_PERSONAL_DATA: &[&str] = &[
    "action_measures",
    "backup_runs",
    "consultation_sections",
    "eu_targets",
    "event_measures",
    "event_organisations",
    "events",
    "feedback_links",
    "indicators",
    "issued_report_files",
    "measure_partners",
    "measures",
    "meta",
    "plan_tasks",
    "plans",
    "practices_fts",
    "practices_fts_config",
    "practices_fts_content",
    "practices_fts_data",
    "practices_fts_docsize",
    "practices_fts_idx",
    "progress_report_places",
    "progress_report_values",
    "schema_migrations",
    "service_places",
    "territories",
];

/// The category of a column, if registered.
pub fn category_of(table: &str, column: &str) -> Option<&'static Category> {
    CATEGORIES
        .iter()
        .find(|c| c.columns.iter().any(|(t, k)| *t == table && *k == column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_column_is_registered_twice_or_also_declared_not_personal() {
        let mut seen = std::collections::BTreeSet::new();
        for c in CATEGORIES {
            for col in c.columns {
                assert!(seen.insert(*col), "{col:?} twice");
                assert!(!NOT_PERSONAL.contains(col), "{col:?}");
            }
        }
    }

    #[test]
    fn names_that_look_personal_are_caught() {
        for c in [
            "name",
            "email_key",
            "birth_year",
            "person_id",
            "checked_in_by",
            "ip",
        ] {
            assert!(looks_personal(c), "{c}");
        }
        for c in ["id", "event_id", "starts_at", "status", "kind"] {
            assert!(!looks_personal(c), "{c}");
        }
    }
}
