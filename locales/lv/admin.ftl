# Administration: users and the audit log.

users-title = Lietotāji
user-new = Pievienot lietotāju
user-new-title = Jauns lietotājs
user-edit-title = Lietotāja konts
user-create = Izveidot kontu
users-back = Atpakaļ uz lietotāju sarakstu
user-created = Konts izveidots.
user-created-link-mailed = Konts izveidots. Saite paroles iestatīšanai nosūtīta lietotājam pa e-pastu: koordinatora un mediatora kontu saite šeit netiek rādīta.
user-saved = Izmaiņas saglabātas.
password-link-once = Nosūtiet šo vienreizējo saiti lietotājam: ar to var iestatīt paroli 24 stundu laikā. Saite redzama tikai tagad.
password-link-create = Izveidot jaunu paroles iestatīšanas saiti
organisation-none = (nav norādīta)
field-disabled = Konts atslēgts (lietotājs nevar pieteikties, visas sesijas tiek beigtas)
user-name-invalid = Ievadiet vārdu un uzvārdu (1–200 rakstzīmes).
user-role-invalid = Izvēlieties lomu.
user-organisation-invalid = Izvēlieties organizāciju no saraksta.
user-dpo-organisation = Datu aizsardzības uzraudzība nedarbojas kādas organizācijas vārdā: atstājiet organizāciju neizvēlētu.
user-email-invalid = Ievadiet derīgu e-pasta adresi, piemēram, vards@iestade.lv.
user-email-taken = Konts ar šo e-pasta adresi jau pastāv.
user-cannot-disable-self = Savu kontu atslēgt nevar – to var izdarīt cits koordinators.
user-cannot-rerole-self = Savu lomu mainīt nevar – to var izdarīt cits koordinators.
audit-title = Audita žurnāls
audit-action = Darbība
audit-any = (jebkura)
audit-actor = Kas
audit-from = No datuma
audit-until = Līdz datumam
audit-range-reversed = Datums „līdz” ir pirms datuma „no”, tāpēc pēc datumiem nekas netika atlasīts. Samainiet tos vietām.
audit-none = Atlasei atbilstošu ierakstu nav.
audit-when = Kad
audit-record = Ieraksts
audit-address = Adrese
audit-detail = Sīkāk
audit-login = Pieteikšanās
audit-login-failed = Neveiksmīga pieteikšanās
audit-lockout = Pieteikšanās bloķēta
audit-logout = Iziešana
audit-password-changed = Parole nomainīta
audit-password-change-failed = Nepareiza pašreizējā parole, mainot paroli
audit-password-set = Parole iestatīta ar saiti
audit-password-link-created = Izveidota paroles saite
audit-storage-limit-applied = Piemērots glabāšanas termiņš
audit-notice-settings-changed = Mainīti e-pasta paziņojumu iestatījumi
audit-user-created = Lietotājs izveidots
audit-user-updated = Lietotājs mainīts
audit-user-disabled = Lietotājs atslēgts
audit-user-enabled = Lietotājs atkal ieslēgts
audit-token-created = API atslēga izveidota
audit-token-revoked = API atslēga atsaukta
audit-organisation-created = Organizācija izveidota
audit-other = Cita darbība
audit-action-created = Turpmākā darbība izveidota
audit-action-progress = Turpmākās darbības gaita atzīmēta
audit-agenda-item-added = Darba kārtībai pievienots punkts
audit-agenda-item-moved = Darba kārtības punkts pārvietots
audit-agenda-item-removed = Darba kārtības punkts noņemts
audit-agenda-item-updated = Darba kārtības punkts mainīts
audit-attendance-answers-erased = Dalībnieka statistikas atbildes dzēstas
audit-attendance-category-set = Dalībnieka kategorija mainīta
audit-attendance-recorded = Dalība reģistrēta
audit-attendance-removed = Dalības ieraksts noņemts
audit-document-added = Pasākuma dokuments pievienots
audit-document-removed = Pasākuma dokuments noņemts
audit-feedback-requested = Dalībniekiem lūgtas atsauksmes
audit-invitation-declined = Ielūgums noraidīts
audit-invitations-sent = Ielūgumi izsūtīti
audit-minutes-published = Protokols publicēts
audit-minutes-saved = Protokols saglabāts
audit-minutes-withdrawn = Protokols atsaukts
audit-case-anonymised = Ģimenes lieta anonimizēta pēc glabāšanas termiņa
audit-case-status-changed = Lietas statuss mainīts
audit-consent-recorded = Piekrišana reģistrēta
audit-consent-withdrawn = Piekrišana atsaukta
audit-contact-recorded = Kontakts ar ģimeni ierakstīts
audit-family-access-denied = Piekļuve ģimenes lietai atteikta
audit-family-erased = Ģimenes dati dzēsti
audit-family-member-added = Ģimenes loceklis pievienots
audit-family-member-erased = Ģimenes locekļa dati dzēsti
audit-family-opened = Ģimenes lieta atvērta
audit-family-supervised = Ģimenes lieta skatīta uzraudzībā
audit-mediation-access-summary-queued = Mediatoriem sagatavoti mēneša pārskati par piekļuvi lietām
audit-mediation-assigned = Mediatora norīkojums pašvaldībā izveidots
audit-mediation-assignment-ended = Mediatora norīkojums beigts
audit-mediation-key-rotated = Mediācijas ierakstu atslēga nomainīta
audit-referral-recorded = Nosūtījums reģistrēts
audit-referral-updated = Nosūtījums atjaunināts
audit-referral-urgent-override = Reģistrēts steidzams nosūtījums bez piekrišanas
audit-school-followup-result = Skolas apmeklējuma novērošanas rezultāts ierakstīts
audit-school-followup-started = Sākta skolas apmeklējuma novērošana
audit-indicator-created = Rādītājs izveidots
audit-indicator-updated = Rādītājs mainīts
audit-indicator-value-set = Rādītāja vērtība ierakstīta
audit-measure-created = Plāna pasākums izveidots
audit-measure-updated = Plāna pasākums mainīts
audit-plan-created = Plāns izveidots
audit-plan-imported = Plāns importēts no tabulas
audit-plan-task-added = Plānam pievienots uzdevums
audit-plan-updated = Plāns mainīts
audit-report-accepted = Progresa ziņojums pieņemts
audit-report-file-added = Progresa ziņojumam pievienots fails
audit-report-file-removed = No progresa ziņojuma noņemts fails
audit-report-returned = Progresa ziņojums atgriezts labošanai
audit-report-saved = Progresa ziņojums saglabāts
audit-report-submitted = Progresa ziņojums iesniegts
audit-round-closed = Ziņošanas kārta slēgta
audit-round-opened = Ziņošanas kārta atvērta
audit-round-reminded = Nosūtīts atgādinājums par ziņošanas kārtu
audit-news-published = Jaunums publicēts
audit-news-saved = Jaunums saglabāts
audit-practice-file-added = Labajai praksei pievienots fails
audit-practice-file-removed = No labās prakses noņemts fails
audit-practice-published = Labā prakse publicēta
audit-practice-returned = Labā prakse atgriezta labošanai
audit-practice-saved = Labā prakse saglabāta
audit-practice-submitted = Labā prakse iesniegta izskatīšanai
audit-site-page-saved = Vietnes lapa saglabāta
audit-story-back-to-draft = Veiksmes stāsts atgriezts melnrakstā
audit-story-consent-recorded = Stāsta piekrišana reģistrēta
audit-story-consent-withdrawn = Stāsta piekrišana atsaukta
audit-story-deleted = Veiksmes stāsts dzēsts
audit-story-media-added = Stāstam pievienota publikācija medijos
audit-story-media-removed = No stāsta noņemta publikācija medijos
audit-story-photo-removed = Stāsta foto noņemts
audit-story-photo-set = Stāsta foto pievienots
audit-story-published = Veiksmes stāsts publicēts
audit-story-saved = Veiksmes stāsts saglabāts
audit-story-to-review = Veiksmes stāsts nodots pārskatīšanai

nav-outbox = Izsūtāmais pasts
outbox-title = Izsūtāmais pasts
outbox-intro = Katra vēstule, ko platforma sūta. Ja pasta serveris nav iestatīts, vēstules netiek sūtītas, bet tās var izlasīt šeit un nodot adresātam citā veidā.
outbox-no-smtp = Pasta serveris (SMTP) nav iestatīts: vēstules netiek sūtītas.
outbox-none = Vēstuļu nav.
outbox-created = Izveidota
outbox-to = Kam
outbox-subject = Temats
outbox-status = Statuss
outbox-sent = Nosūtīta { $date }
outbox-failed = Neizdevās: { $error }
outbox-waiting = Gaida ({ $attempts } mēģinājumi)
mail-password-link-subject = Romu platforma: paroles iestatīšana
mail-password-link-body = Labdien, { $name }!

    Jums ir izveidots konts Romu platformā. Lai iestatītu paroli, atveriet šo saiti (tā derīga { $hours } stundas un izmantojama vienu reizi):

    { $link }

    Ja jūs šo vēstuli negaidījāt, lūdzu, neatveriet saiti un sazinieties ar platformas koordinatoru.
user-link-mailed-only = Saite paroles iestatīšanai nosūtīta lietotājam pa e-pastu. Jau lietota konta saite šeit netiek rādīta: ar to varētu pieteikties cita vārdā (mediatora kontā — arī piekļūt ģimeņu lietām).
audit-registrations-exported = Pieteikumi lejupielādēti
audit-registration-created = Pieteikums uz pasākumu saņemts
audit-registration-confirmed = Pieteikums uz pasākumu apstiprināts
audit-registration-cancelled = Pieteikums uz pasākumu atcelts
audit-registration-released = Neapstiprināta pieteikuma vieta atbrīvota
audit-registration-promoted = Vieta piešķirta no gaidīšanas saraksta
audit-password-reset-requested = Pieprasīta paroles atjaunošana
audit-attendance-exported = Dalībnieku saraksts lejupielādēts
audit-users-exported = Lietotāju saraksts lejupielādēts
audit-stories-exported = Stāstu saraksts lejupielādēts
audit-assignments-exported = Mediatoru norīkojumu saraksts lejupielādēts
audit-audit-exported = Audita žurnāls lejupielādēts
audit-report-narratives-saved = Pārskata teksti saglabāti
audit-report-issued = Pārskats izdots
audit-report-withdrawn = Pārskats noņemts no vietnes
audit-mediator-report-submitted = Mediatora mēneša pārskats iesniegts
audit-mediator-report-downloaded = Mediatora mēneša pārskats lejupielādēts
user-role-holds-families = Šim kontam ir mediācijas ģimenes. Lomu var mainīt tikai tad, kad ģimenes ir nodotas citam mediatoram (to apstiprina divi koordinatori); līdz tam kontu var atslēgt.
user-role-holds-assignment = Šim mediatoram ir spēkā esošs norīkojums; vispirms beidziet to (Romu mediatori → „Beigt šodien”), tad mainiet lomu.
mail-account-role-changed-subject = Romu platforma: mainīta jūsu konta loma
mail-account-role-changed-body = Labdien, { $name }!

    Koordinācija mainīja jūsu konta lomu Romu platformā. Visas jūsu sesijas ir beigtas; piesakieties vēlreiz, lai redzētu, kas jums tagad pieejams.

    Ja par šīm izmaiņām neko nezināt, nekavējoties sazinieties ar platformas koordinatoriem.
mail-account-password-set-subject = Romu platforma: iestatīta jūsu konta parole
mail-account-password-set-body = Labdien, { $name }!

    Jūsu konta parole Romu platformā tikko tika iestatīta ar vienreizēju saiti. Visas iepriekšējās sesijas ir beigtas.

    Ja to neizdarījāt jūs, nekavējoties sazinieties ar platformas koordinatoriem.
user-mfa-reset = Atiestatīt divpakāpju pieteikšanos
user-mfa-reset-hint = Ja lietotājam pazudis tālrunis: otrais solis tiek noņemts, visas lietotāja sesijas beidzas, un lietotājs saņem e-pastu. Pēc tam lietotājs to var ieslēgt no jauna.
user-mfa-reset-done = Divpakāpju pieteikšanās atiestatīta; lietotājam nosūtīts e-pasts.
audit-mfa-enrolled = Ieslēgta divpakāpju pieteikšanās
audit-mfa-reset = Atiestatīta divpakāpju pieteikšanās
audit-mfa-failed = Nepareizs otrā soļa kods
mail-account-mfa-reset-subject = Romu platforma: atiestatīta divpakāpju pieteikšanās
mail-account-mfa-reset-body = Labdien, { $name }!

    Koordinācija atiestatīja jūsu konta divpakāpju pieteikšanos Romu platformā. Visas jūsu sesijas ir beigtas. Pēc pieteikšanās ar paroli ieslēdziet to no jauna konta lapā.

    Ja jūs to nelūdzāt, nekavējoties sazinieties ar platformas koordinatoriem.
user-mfa-none = Šim kontam divpakāpju pieteikšanās nav ieslēgta; nekas netika mainīts.
audit-mfa-recovery-used = Izmantots rezerves kods
audit-mfa-locked = Otrais solis bloķēts pēc nepareiziem kodiem
audit-mfa-disabled = Izslēgta divpakāpju pieteikšanās
audit-supervisor-proposed = Ierosināts mediatora uzraudzītājs
audit-supervisor-approved = Apstiprināts mediatora uzraudzītājs
audit-supervisor-refused = Noraidīts uzraudzītāja ierosinājums
audit-supervisor-withdrawn = Atsaukts uzraudzītāja ierosinājums
audit-supervisor-removed = Noņemts mediatora uzraudzītājs
audit-passkey-added = Pievienota piekļuves atslēga (passkey)
audit-passkey-removed = Noņemta piekļuves atslēga (passkey)
audit-handover-proposed = Ierosināts nodot mediatora ģimenes
audit-handover-approved = Mediatora ģimenes nodotas citam mediatoram
audit-handover-refused = Noraidīts ierosinājums nodot ģimenes
audit-handover-withdrawn = Atsaukts ierosinājums nodot ģimenes
audit-family-handed-over = Ģimene nodota citam mediatoram
audit-mfa-recovery-renewed = Izveidoti jauni rezerves kodi
audit-sessions-ended = Beigtas citas sesijas
audit-reauthenticated = Parole ievadīta atkārtoti
mail-account-mfa-enrolled-subject = Romu platforma: ieslēgta divpakāpju pieteikšanās
mail-account-mfa-enrolled-body = Labdien, { $name }!

    Jūsu kontam Romu platformā tikko ieslēgta divpakāpju pieteikšanās. Visas citas sesijas ir beigtas. Jau izveidotās API atslēgas darbojas kā līdz šim; tās var atsaukt konta lapā.

    Ja jūs to neieslēdzāt, nekavējoties sazinieties ar platformas koordinatoriem.
mail-account-mfa-locked-subject = Romu platforma: kāds mēģina pieteikties jūsu kontā
mail-account-mfa-locked-body = Labdien, { $name }!

    Jūsu kontā Romu platformā tika ievadīta pareiza parole un pēc tam daudz nepareizu kodu pēc kārtas, tāpēc pieteikšanās ar kodu ir bloķēta. Ja tas nebijāt jūs, kādam ir jūsu parole: iestatiet jaunu paroli ar saiti „Aizmirsāt paroli?” pieteikšanās lapā un vienu no saviem rezerves kodiem (vai lūdziet koordinatoram atiestatīt otro soli) un pastāstiet par to platformas koordinatoriem.
mail-account-mfa-disabled-subject = Romu platforma: izslēgta divpakāpju pieteikšanās
mail-account-mfa-disabled-body = Labdien, { $name }!

    Jūsu kontam Romu platformā tikko izslēgta divpakāpju pieteikšanās; tagad pietiek ar paroli. Visas citas sesijas ir beigtas.

    Ja jūs to neizslēdzāt, nekavējoties sazinieties ar platformas koordinatoriem.
outbox-last-error = Pēdējais mēģinājums: { $error }
mail-platform = Romu platforma
mail-footer = Romu platforma: { $site }
    Jautājumi platformas koordinatoriem: { $contact }
mail-unsubscribe = Vairs nesūtīt šādas vēstules

# The audit log in words (issue 19)
audit-number = Nr. { $id }
audit-actor-cli = Platforma (komanda serverī)
audit-actor-demo = Demonstrācijas dati
audit-actor-invitee = Persona ar ielūguma saiti
audit-actor-public-form = Publiskā veidlapa
audit-actor-registrant = Persona ar pieteikuma saiti
audit-actor-retention = Glabāšanas termiņu darbs
audit-actor-scheduler = Plānotie darbi
audit-area-accounts = Konti un pieteikšanās
audit-area-directory = Katalogs
audit-area-events = Pasākumi
audit-area-plans = Plāns un progresa ziņojumi
audit-area-mediation = Mediācija
audit-area-site = Publiskā vietne
audit-area-reports = Pārskati
audit-area-privacy = Privātums
audit-area-other = Citas darbības
audit-entity-action = Turpmākā darbība
audit-entity-api-token = API pilnvara
audit-entity-audit-log = Audita ieraksts
audit-entity-subject-request = Datu subjekta pieprasījums
audit-entity-breach = Personas datu pārkāpums
audit-entity-event = Pasākums
audit-entity-family = Ģimene
audit-entity-import = Imports
audit-entity-indicator = Rādītājs
audit-entity-issued-report = Izdotais pārskats
audit-entity-measure = Pasākums plānā
audit-entity-mediator-report = Mediatora mēneša pārskats
audit-entity-news = Jaunums
audit-entity-organisation = Organizācija
audit-entity-person = Persona
audit-entity-plan = Plāns
audit-entity-practice = Labā prakse
audit-entity-report = Progresa ziņojums
audit-entity-round = Ziņošanas kārta
audit-entity-story = Veiksmes stāsts
audit-entity-territory = Teritorija
audit-entity-user = Lietotājs
audit-key-basis = Pamats
audit-key-measure = Plāna pasākums
audit-key-practice = Labā prakse
audit-key-action = Turpmākā darbība
audit-key-already = Jau ar jauno atslēgu
audit-key-assignment = Norīkojums
audit-key-attendance = Dalības ieraksts
audit-key-blocked-referrals = Apturēti nosūtījumi
audit-key-consent = Piekrišana
audit-key-contacts = Kontakti
audit-key-count = Skaits
audit-key-created = Izveidoti
audit-key-digest = Piegāde
audit-key-rule = Noteikums
audit-key-kind = Veids
audit-key-people = Personas
audit-key-risk = Risks
audit-key-fields = Mainītie lauki
audit-key-removed = Noņemti ieraksti
audit-key-off = Izslēgtie paziņojumi
audit-notices-none-off = neviens
audit-notices-weekly = nedēļas kopsavilkums
audit-notices-each = katrs atsevišķi
audit-key-document = Dokuments
audit-key-file = Datne
audit-key-filters = Atlase
audit-key-format = Formāts
audit-key-from = No
audit-key-handover = Nodošana
audit-key-invitation = Uzaicinājums
audit-key-invited = Uzaicināti
audit-key-item = Darba kārtības punkts
audit-key-key = Atslēga
audit-key-mails = Vēstules
audit-key-measures = Pasākumi plānā
audit-key-membership = Dalība organizācijā
audit-key-month = Mēnesis
audit-key-moved = Pārvietotas ģimenes
audit-key-organisation = Organizācija
audit-key-organisations = Jaunas organizācijas
audit-key-page = Lapa
audit-key-parents = Jaunas augstākās organizācijas
audit-key-person = Persona
audit-key-plan = Plāns
audit-key-proposed-by = Ierosināja
audit-key-referral = Nosūtījums
audit-key-registration = Pieteikums
audit-key-reports = Ziņojumi
audit-key-resealed = Pārslēgti ieraksti
audit-key-role = Loma
audit-key-rows = Rindas
audit-key-sent = Nosūtīti
audit-key-skipped = Izlaisti
audit-key-status = Statuss
audit-key-supervisor = Supervizors
audit-key-task = Uzdevums
audit-key-territory = Teritorija
audit-key-to = Kam
audit-key-updated = Atjaunināti
audit-key-user = Lietotājs
audit-key-year = Gads
audit-word-anonymised = anonimizēts
audit-word-consent = ar piekrišanu
audit-word-api = caur API
audit-word-by-hand = pieteica koordinators
audit-word-confirmed = vieta apstiprināta
audit-word-coordinator = atbrīvoja koordinators
audit-word-down = uz leju
audit-word-email = e-pasts
audit-word-import = no importa
audit-word-invitation = no uzaicinājuma
audit-word-name = vārds
audit-word-organisation = organizācija
audit-word-phone = tālrunis
audit-word-registrant = atsauca pieteicējs
audit-word-registration = no pieteikuma
audit-word-replaced = aizstāta
audit-word-unconfirmed = gaida apstiprinājumu no e-pasta
audit-word-up = uz augšu
audit-word-waiting = gaidīšanas sarakstā
audit-word-walk-in = pieteicās uz vietas
audit-word-website = tīmekļa vietne

# Storage limits (issue 20)
storage-limits-title = Glabāšanas termiņi
storage-limits-intro = Cik ilgi platforma glabā personas datus ārpus mediācijas un ko plānotie darbi noņems nākamajās 30 dienās. Noteikumi ir arī datu apstrādes reģistrā; to izpildi reģistrē darbību žurnālā.
storage-limits-mediation = Mediācijas lietu glabāšana
storage-limits-done = Kas jau noņemts
storage-limits-rule = Noteikums
storage-limits-period = Termiņš
storage-limits-what = Kas notiek
storage-limits-next-month = Cik ierakstu noņems nākamajās 30 dienās
storage-limits-years = { $years ->
        [zero] { $years } gadi
        [one] { $years } gads
       *[other] { $years } gadi
    } ({ $days } dienas)
storage-limits-days = { $days } { $days ->
        [one] diena
       *[other] dienas
    }
storage-limits-from = no { $from }
storage-limits-settings = Termiņus var mainīt konfigurācijā (sadaļa [retention.days], katram noteikumam savās robežās); skatīt darbības rokasgrāmatu.

# The register of personal-data breaches (issue 20).
breaches-title = Personas datu pārkāpumu reģistrs
breaches-intro = Katru personas datu pārkāpumu reģistrē, tiklīdz tas atklāts, arī ja tas šķiet mazs. Ja pārkāpums var radīt risku personām, par to 72 stundu laikā no atklāšanas jāziņo Datu valsts inspekcijai; ja risks ir augsts, bez liekas kavēšanās jāinformē arī pašas personas. Reģistrs un katra tā maiņa tiek glabāti darbību žurnālā.
breaches-none = Neviens pārkāpums nav reģistrēts.
breach-new = Reģistrēt pārkāpumu
breach-number = Nr.
breach-number-of = Nr. { $number }
breach-title = Īss apraksts
breach-discovered = Atklāts
breach-discovered-date = Atklāšanas datums
breach-discovered-time = Atklāšanas laiks
breach-occurred-on = Kad notika (ja zināms)
breach-what-section = Kas notika
breach-what-happened = Kas notika un kā tas atklāts
breach-categories = Skartās datu kategorijas
breach-people-count = Aptuvenais skarto personu skaits
breach-consequences = Iespējamās sekas personām
breach-measures = Veiktie un plānotie pasākumi
breach-risk = Risks personām
breach-risk-unlikely = Maz ticams (nav jāziņo inspekcijai, bet jāpamato)
breach-risk-risk = Var radīt risku (jāziņo inspekcijai 72 stundu laikā)
breach-risk-high = Augsts risks (jāziņo inspekcijai un jāinformē personas)
breach-authority-section = Paziņojums Datu valsts inspekcijai
breach-authority-hint = Termiņš ir 72 stundas no atklāšanas. Ja paziņo vēlāk, norādiet kavēšanās iemeslu; ja nepaziņo, norādiet, kāpēc.
breach-authority = Ziņošana inspekcijai
breach-notified-date = Paziņošanas datums
breach-notified-time = Paziņošanas laiks
breach-authority-reference = Paziņojuma numurs vai atsauce
breach-not-notified-reason = Kāpēc inspekcijai nav ziņots
breach-delay-reason = Kāpēc paziņots vēlāk par 72 stundām
breach-people-section = Personu informēšana un slēgšana
breach-people-hint = Ja risks ir augsts, skartās personas jāinformē vienkāršā valodā: kas notika, iespējamās sekas, ko darām un ar ko sazināties.
breach-people-told-on = Kad personas informētas
breach-people-not-told-reason = Kāpēc personas nav informētas
breach-closed-on = Slēgšanas datums
breach-open = Atvērts
breach-deadline = Termiņš ziņošanai inspekcijai
breach-recorded-by = Reģistrēja
breach-reasons = Pamatojums (nepaziņošanai vai kavējumam)
breach-form-hint = Neierakstiet skarto personu vārdus — aprakstiet notikušo un datu veidus; reģistrs ir pārskatatbildībai.
breach-notified-on = Paziņots: { $date }
breach-notified-late = Paziņots pēc termiņa: { $date }
breach-late = Paziņots pēc termiņa
breach-recorded = Pārkāpums reģistrēts.
breach-people-pending = Augsts risks: jāinformē personas
breach-time-missing = Ierakstiet laiku.
breach-notified-future = Paziņošanas laiks nevar būt nākotnē.
breach-notified-before = Paziņošanas laiks nevar būt pirms atklāšanas.
breach-not-notified-reason-missing = Maz ticams risks: pamatojiet, kāpēc inspekcijai nav jāziņo.
breach-discovered-fixed = Inspekcijai jau paziņots vai pārkāpums slēgts: atklāšanas laiks vairs nav maināms.
breach-not-required = Nav jāziņo (risks maz ticams)
breach-not-notified = Nav ziņots (pamatojums reģistrā)
breach-overdue = Nokavēts: termiņš bija { $date }
breach-due-by = Jāziņo; termiņš: { $date }
breach-hours-left = { $hours ->
    [zero] (atlikušas { $hours } stundas)
    [one] (atlikusi { $hours } stunda)
   *[other] (atlikušas { $hours } stundas)
}
breach-title-missing = Ierakstiet īsu aprakstu.
breach-future = Atklāšanas laiks nevar būt nākotnē.
breach-discovered-missing = Norādiet, kad pārkāpums atklāts.
breach-occurred-after = Pārkāpums nevar būt noticis pēc tā atklāšanas.
breach-what-missing = Aprakstiet, kas notika.
breach-categories-missing = Izvēlieties vismaz vienu skarto datu kategoriju.
breach-people-invalid = Ierakstiet skaitli (0 vai vairāk) vai atstājiet tukšu, ja vēl nav zināms.
breach-consequences-missing = Aprakstiet iespējamās sekas personām.
breach-measures-missing = Aprakstiet veiktos vai plānotos pasākumus.
breach-risk-missing = Izvēlieties, cik liels ir risks personām.
breach-delay-reason-missing = Paziņots vēlāk par 72 stundām: norādiet kavēšanās iemeslu.
breach-date-out-of-range = Datums nevar būt pirms atklāšanas vai nākotnē.
breach-close-authority = Pirms slēgšanas norādiet paziņošanas laiku vai pamatojumu, kāpēc inspekcijai nav ziņots.
breach-close-notify = Pārkāpums var radīt risku: pirms slēgšanas norādiet, kad paziņots inspekcijai.
breach-close-people = Augsts risks: pirms slēgšanas norādiet, kad personas informētas, vai kāpēc nav.
notice-kind-breach-deadline = Personas datu pārkāpuma ziņošanas termiņš
attention-breaches = Personas datu pārkāpumi, par kuriem jāziņo inspekcijai
audit-breach-recorded = Reģistrēts personas datu pārkāpums
audit-breach-updated = Labots personas datu pārkāpuma ieraksts
audit-breaches-exported = Eksportēts personas datu pārkāpumu reģistrs
audit-person-data-exported = Sagatavots personas datu izraksts

## Data subjects' requests (GDPR articles 12 and 15–21)
requests-title = Datu subjektu pieprasījumi
requests-intro = Reģistrējiet katru personas pieprasījumu par saviem datiem tajā dienā, kad tas saņemts — arī mutisku vai e-pastā. Atbilde jāsniedz viena mēneša laikā; sarežģītības vai pieprasījumu skaita dēļ termiņu var pagarināt vēl par diviem mēnešiem, par to mēneša laikā informējot personu un norādot iemeslu. Reģistrs un katra tā izmaiņa ir darbību žurnālā.
requests-none = Neviens pieprasījums nav reģistrēts.
request-new = Reģistrēt pieprasījumu
request-number = Nr.
request-number-of = Pieprasījums Nr. { $number }
request-kind = Ko persona lūdz
request-kind-access = Piekļuve saviem datiem (15. pants)
request-kind-rectification = Datu labošana (16. pants)
request-kind-erasure = Datu dzēšana (17. pants)
request-kind-restriction = Apstrādes ierobežošana (18. pants)
request-kind-portability = Dati mašīnlasāmā formā (20. pants)
request-kind-objection = Iebildums pret apstrādi (21. pants)
request-requester-name = Pieprasītājs (vārds, uzvārds)
request-requester-email = Pieprasītāja e-pasts
request-reply-to = Kur atbildēt (ja ne e-pastā)
request-received-on = Saņemts
request-details = Pieprasījuma saturs
request-identity-checked = Kā pārbaudīta pieprasītāja identitāte
request-answer-section = Atbilde
request-answer-hint = Ja termiņš pagarināts, norādiet iemeslu — tad atbildes termiņš ir trīs mēneši no saņemšanas. Slēdzot pieprasījumu, aprakstiet, kas izdarīts; atteikumam — iemeslu un to, ka persona var iesniegt sūdzību Datu valsts inspekcijā.
request-extension-reason = Termiņa pagarinājuma iemesls
request-outcome = Iznākums
request-outcome-open = Vēl nav atbildēts
request-outcome-answered = Izpildīts
request-outcome-refused = Atteikts
request-closed-on = Atbildes datums
request-response = Kas izdarīts vai atteikuma iemesls
request-due = Atbildes termiņš
request-standing = Stāvoklis
request-late = Atbildēts pēc termiņa
request-person = Reģistrā
request-person-hint = Personas lapā var sagatavot visus par personu glabātos datus, labot tos, ierobežot apstrādi vai dzēst personu.
request-no-person-hint = Pieprasījums nav saistīts ar personu reģistrā. Ja persona ir reģistrā, reģistrējiet pieprasījumu no personas lapas; ja persona zināma tikai pēc e-pasta adreses (pieteikumi, dalība), ierakstiet to.
request-recorded-by = Reģistrēja
request-recorded = Pieprasījums reģistrēts.
request-anonymised = (dati dzēsti pēc glabāšanas termiņa)
request-due-by = Atbildes termiņš: { $date }
request-overdue = Nokavēts: termiņš bija { $date }
request-closed-on-day = ({ $date })
request-closed-late = ({ $date }, pēc termiņa)
request-extended = Termiņš pagarināts, jo
request-extension-late = Termiņu var pagarināt tikai pirmā mēneša laikā, par to informējot personu; tas jau pagājis.
request-days-left = { $days ->
    [zero] (atlikušas { $days } dienas)
    [one] (atlikusi { $days } diena)
   *[other] (atlikušas { $days } dienas)
}
request-kind-missing = Izvēlieties, ko persona lūdz.
request-requester-missing = Ierakstiet pieprasītāja vārdu.
request-email-invalid = Ierakstiet derīgu e-pasta adresi, piemēram, vards@iestade.lv, vai atstājiet tukšu.
request-future = Saņemšanas datums nevar būt nākotnē.
request-details-missing = Aprakstiet, ko persona lūdz.
request-outcome-missing = Izvēlieties iznākumu.
request-date-out-of-range = Datums nevar būt pirms saņemšanas vai nākotnē.
request-closed-missing = Norādiet atbildes datumu.
request-response-missing = Aprakstiet, kas izdarīts.
request-refusal-missing = Norādiet atteikuma iemeslu un to, ka persona var sūdzēties Datu valsts inspekcijā.
request-identity-missing = Pirms atbildes norādiet, kā pārbaudīta pieprasītāja identitāte.
attention-requests = Datu subjektu pieprasījumi, uz kuriem jāatbild
audit-subject-request-recorded = Reģistrēts datu subjekta pieprasījums
audit-subject-request-updated = Labots datu subjekta pieprasījuma ieraksts
audit-subject-requests-exported = Eksportēts datu subjektu pieprasījumu reģistrs
audit-person-restricted = Ierobežota personas datu apstrāde
audit-person-restriction-lifted = Atcelts personas datu apstrādes ierobežojums
audit-person-erased = Persona dzēsta pēc pieprasījuma

## The data protection officer's overview
privacy-overview-title = Datu aizsardzības pārskats
privacy-overview-intro = Datu aizsardzības uzraudzībai: atvērtie pieprasījumi un pārkāpumi, kā arī mēneša piekļuves žurnāls, eksporti, piekrišanas un to atsaukumi, dzēšana un ierobežošana. Lietu saturs un šifrētās vērtības šeit netiek rādītas. Kopsavilkums par iepriekšējo mēnesi tiek nosūtīts e-pastā katra mēneša sākumā.
privacy-processing-link = Datu apstrādes reģistrs
privacy-open-requests = Atvērtie datu subjektu pieprasījumi
privacy-open-breaches = Pārkāpumi, par kuriem jāziņo vai jāinformē personas
privacy-none = Nav.
privacy-month-title = Mēnesis { $month }
privacy-readers-title = Kas lasīja personas datus
privacy-readers-hint = Cik reižu katrs lietotājs atvēra romu pašidentifikāciju, citas organizācijas personas kontaktus vai eksportēja sarakstu ar personas datiem. Atzīmēti tie, kam romu pašidentifikācijas skatījumu ir vairāk par 20 vai eksportu vairāk par 10 mēnesī.
privacy-unusual = (neparasti daudz)
privacy-records-title = Piekļuves žurnāla ieraksti
privacy-exports-title = Eksporti ar personas datiem
privacy-withdrawals-title = Atsauktās piekrišanas
privacy-given-title = Dotās piekrišanas
privacy-shown-of = Rādīti jaunākie { $shown } no { $total }; pārējie — audita žurnālā un tā eksportā.
privacy-readonly = Šo ierakstu varat lasīt, bet ne mainīt.
privacy-removed = { $count ->
    [zero] (noņemti { $count } ieraksti)
    [one] (noņemts { $count } ieraksts)
   *[other] (noņemti { $count } ieraksti)
}
audit-actor-erasure-list = Dzēsto saraksts (pēc atjaunošanas)
privacy-erasures-title = Dzēšana, anonimizēšana un ierobežošana
privacy-action = Darbība
privacy-about = Par ko
privacy-rows = { $rows ->
    [zero] ({ $rows } rindas)
    [one] ({ $rows } rinda)
   *[other] ({ $rows } rindas)
}
privacy-number = Nr. { $number }
privacy-entity-other = Ieraksts
privacy-record-legend = Ieraksts
audit-privacy-summary-queued = Nosūtīts mēneša datu aizsardzības kopsavilkums
mail-privacy-summary-subject = Datu aizsardzības kopsavilkums: { $month }
mail-privacy-summary-body = Sveiki, { $name }!
    
    Latvijas Romu platformas datu aizsardzības kopsavilkums par mēnesi { $month }:
    - Romu pašidentifikācijas skatījumi: { $roma }
    - Citas organizācijas personu kontaktu skatījumi: { $contacts }
    - Eksporti: { $exports }
    - Lietotāji ar neparasti daudz skatījumu vai eksportu: { $unusual }
    - Dzēstas personas un ģimenes: { $erasures }
    - Ierobežota apstrāde: { $restrictions }
    - Piekrišanas un atsaukumi: { $consents }
    - Nokavēti datu subjektu pieprasījumi (šodien): { $overdue }
    - Pārkāpumi, par kuriem jāziņo vai jāinformē personas (šodien): { $breaches }
    
    Sīkāk (pēc pieteikšanās): { $link }
request-address-title = Persona zināma tikai pēc e-pasta adreses
request-address-hint = Neviena persona reģistrā nav ar adresi { $address }: tā var būt pieteikumos, uzaicinājumos un dalības ierakstos. Pārliecinieties, ka adrese pieder pieprasītājam (piemēram, atbilde no šīs adreses).
request-address-data = Visi dati pēc šīs adreses (pieprasījumam)
request-address-erase-title = Dzēst datus pēc adreses
request-address-erase-hint = Pieteikumi un uzaicinājumi ar šo adresi paliek bez vārda un adreses, dalības ieraksti tiek anonimizēti, saglabājot statistikas kategorijas, un vēstules uz šo adresi tiek dzēstas no izsūtnes. Dzēsto sarakstā tiek ierakstīts adreses jaucējs (ne adrese), lai pēc vecākas rezerves kopijas atjaunošanas dati tiktu dzēsti atkal. Dzēšanu nevar atsaukt.
request-address-erase-button = Dzēst datus pēc adreses
address-erased = Dati pēc adreses dzēsti.
address-erase-unconfirmed = Atzīmējiet, ka saprotat: dzēšanu nevar atsaukt.
address-in-registry = Šī adrese ir personai reģistrā: dzēsiet personu tās lapā.
audit-address-erased = Dzēsti dati pēc e-pasta adreses (pēc pieprasījuma)

# Paziņojumi un piekrišanas, to versijas (privacy/notices)
consent-text-privacy = Privātuma paziņojums
consent-text-registration = Paziņojums, piesakoties pasākumam
consent-text-statistics = Piekrišana statistikas atbilžu glabāšanai
consent-text-roma-identity = Piekrišana romu piederības ierakstam
consent-text-listing = Piekrišana iekļaušanai publiskajā katalogā
consent-text-mediation = Mediācijas privātuma paziņojums
consent-text-questions = Piekrišanas, uzdodot jautājumu publiskajā veidlapā
consent-text-change-needs = Papildināts ar jautājumiem un vajadzībām, ko iesūta publiskajā veidlapā.
consent-text-first = Pirmā versija platformā.
consent-texts-title = Paziņojumi un piekrišanas
consent-texts-intro = Katram paziņojumam un piekrišanas tekstam ir versijas; piekrišana tiek ierakstīta ar versiju, kurā tā dota. Būtiska izmaiņa maina to, kas, kāpēc, cik ilgi vai kam tiek apstrādāts: pēc tās piekrišanas, kas dotas iepriekšējā versijā, jāatjauno. Redakcionāla izmaiņa piekrišanu neietekmē.
consent-texts-current = pašreizējā versija { $version }
consent-texts-versions = Versijas
consent-texts-version = Versija
consent-texts-from = Spēkā no
consent-texts-kind-of-change = Izmaiņa
consent-texts-material = būtiska
consent-texts-wording = redakcionāla
consent-texts-change = Kas mainījās
consent-texts-text = Pašreizējais teksts
consent-texts-renew-title = Jāatjauno piekrišanas
consent-texts-no-consents = Šis paziņojums tikai informē; uz to nebalstās piekrišanas.
consent-texts-renew-nothing = Kopš pirmās versijas nav bijis būtisku izmaiņu: neviena piekrišana nav jāatjauno.
consent-texts-renew-none = Neviena spēkā esoša piekrišana nebalstās uz versiju pirms pēdējās būtiskās izmaiņas.
consent-texts-renew-count = { $count ->
    [zero] { $count } spēkā esošu piekrišanu balstās uz versiju pirms pēdējās būtiskās izmaiņas.
    [one] { $count } spēkā esoša piekrišana balstās uz versiju pirms pēdējās būtiskās izmaiņas.
   *[other] { $count } spēkā esošu piekrišanu balstās uz versiju pirms pēdējās būtiskās izmaiņas.
}
consent-texts-renew-mediation = Mediatori tās redz savu ģimeņu lietās un lūdz piekrišanu atkārtoti.
consent-texts-renew-names-hidden = Vārdus redz tie, kas kārto attiecīgos ierakstus (katalogu vai pasākumus).
consent-texts-whose = Kam
consent-texts-given-on = Dota
privacy-version = Versija { $version } (spēkā stāšanās diena: { $from }).
consent-renew = jāatjauno: paziņojums kopš tam būtiski mainīts
privacy-history = Paziņojuma versijas
consent-texts-initial = sākotnējā
consent-texts-public = Pašreizējais teksts — publiskais privātuma paziņojums
attention-breaches-watch = Personas datu pārkāpumi, par kuriem vēl jāziņo (uzraudzībai)
attention-requests-watch = Datu subjektu pieprasījumi, uz kuriem vēl jāatbild (uzraudzībai)
attention-watch-only = Jūsu rīcību nekas negaida; uzraudzībai:
restricted-no-new-consent = Kamēr apstrāde ierobežota, personu katalogā neiekļauj un jaunas piekrišanas neieraksta.

# Jautājumi un vajadzības (dialogs): audita vārdi
audit-area-dialogue = Jautājumi un vajadzības
audit-entity-need = Jautājums vai vajadzība
audit-entity-service = Pakalpojums
audit-need-raised = Izvirzīts jautājums vai vajadzība
audit-need-assigned = Jautājums nodots iestādei
audit-need-answered = Iestāde atbildēja uz jautājumu
audit-need-closed = Jautājums slēgts bez atbildes
audit-need-merged = Jautājums apvienots ar citu
audit-need-published = Jautājums un atbilde publicēti
audit-need-withdrawn = Jautājums izņemts no publiskās lapas
audit-need-linked = Jautājumam norādīta saistība ar pasākumu, rīcību vai praksi
audit-service-saved = Saglabāts pakalpojums katalogā
audit-service-withdrawn = Pakalpojums izņemts no publiskā kataloga
audit-service-restored = Pakalpojums atjaunots publiskajā katalogā
audit-service-reminded = Atgādināts par pakalpojuma beigu datumu
audit-consultation-saved = Saglabāta apspriešana
audit-consultation-published = Apspriešana publicēta
audit-consultation-commented = Apspriešanā pievienots komentārs
audit-consultation-comment-hidden = Apspriešanas komentārs paslēpts
audit-consultation-comment-answered = Uz apspriešanas komentāru atbildēts
audit-consultation-summarised = Publicēts apspriešanas kopsavilkums
audit-entity-consultation = Apspriešana
audit-key-comment = Komentārs
audit-key-due = atbildes termiņš
audit-key-into = apvienots ar
audit-key-source = kā saņemts
audit-word-public = publiskajā veidlapā
audit-word-workspace = darba vietā

## The system page (issue 22): what the IT department watches, in words.
nav-system = Sistēmas stāvoklis
system-title = Sistēmas stāvoklis
system-intro = Kā darbojas platforma: rezerves kopijas, fona darbi, izsūtāmais pasts un programmas versija. Tehniskie rādītāji IT nodaļai ir adresē /metrics, un darbības rokasgrāmata apraksta, kā tos uzraudzīt.
system-backups = Rezerves kopijas
system-backup-off = Plānotās rezerves kopijas nav iestatītas (konfigurācijas sadaļa [backup], iestatījums dir). Lūdziet IT nodaļu tās iestatīt: bez tām datus pēc diska bojājuma nevar atjaunot.
system-backup-late = Pēdējā veiksmīgā rezerves kopija ir vecāka par { $hours } stundām vai tās nav. Lūdziet IT nodaļu pārbaudīt nakts rezerves kopēšanu.
system-backup-last-success = Pēdējā veiksmīgā kopija
system-backup-none = vēl nav neviena
system-backup-last-failure = Pēdējā kopēšana neizdevās
system-backup-folder = Mape
system-backup-kept = Glabā
system-backup-keep = katras no pēdējām { $days } dienām un katras no pēdējām { $weeks } nedēļām jaunāko kopiju
system-backup-files = { $count ->
        [one] { $count } augšupielādēts fails
       *[other] { $count } augšupielādēti faili
    }
system-megabytes = { $mb } MB
system-work = Fona darbi
system-worker = Darbs
system-worker-every = Cik bieži
system-worker-last-success = Pēdējo reizi izdevās
system-worker-last-failure = Pēdējo reizi neizdevās
system-worker-state = Stāvoklis
system-worker-ok = Darbojas
system-worker-overdue = Kavējas
system-worker-mail = E-pasta sūtīšana
system-worker-jobs = Plānotie darbi (atgādinājumi, glabāšanas termiņi)
system-worker-other = Cits fona darbs
system-minutes = ik pēc { $count } { $count ->
        [one] minūtes
       *[other] minūtēm
    }
system-never = nekad
system-mail-waiting = Izsūtāmajā pastā gaida: { $count }.
system-mail-failed = Neizdevās nosūtīt: { $count }.
system-program = Programma
system-version = Versija
system-commit = pirmkoda versija { $commit }, būvēta { $built }
system-migration = Datubāze
system-migration-current = migrācija { $n } (jaunākā)
system-migration-behind = migrācija { $n } no { $latest }: restartējiet serveri, lai pabeigtu atjaunināšanu
system-metrics = Rādītāji (/metrics)
system-metrics-open = pieejami no { $count } { $count ->
        [one] adreses
       *[other] adresēm
    }
system-metrics-token = un ar atslēgu
system-metrics-closed = nav pieejami nevienam (konfigurācijas sadaļa [metrics])
system-seconds = ik pēc { $count } { $count ->
        [one] sekundes
       *[other] sekundēm
    }
system-backup-failed-hint = (Servera kļūdas teksts.) Lūdziet IT nodaļu to novērst un pārbaudīt, vai nākamā kopēšana izdodas.
