# Shared terms: layout, navigation, errors, dates, roles.
# Latvian plurals: fluent puts 111–119 in "other" instead of "zero", so [zero] and
# *[other] use the same wording and [0] says "none".

site-name = Romu platforma
site-description = Latvijas Romu platforma: romu integrācijas politikas koordinācija, pasākumi, labā prakse un veiksmes stāsti.
language-name = Latviešu
skip-to-content = Pāriet uz saturu
login = Ieiet
logout = Iziet
nav-label = Darba vieta
nav-menu = Izvēlne
nav-workspace = Darba vieta
nav-users = Lietotāji
nav-audit = Audita žurnāls
nav-privacy = Datu aizsardzība
nav-account = Mans konts
footer-text = Latvijas Romu platforma – Kultūras ministrija, Nacionālais romu kontaktpunkts. Platformu līdzfinansē Eiropas Savienība.
back-workspace = Uz darba vietu
back-home = Uz sākumlapu
save = Saglabāt
filter = Atlasīt
search-submit = Meklēt
help-link = Palīdzība
help-pages = Rokasgrāmatas lapas
search-title = Meklēšana
search-title-for = Meklēšana: { $q }
search-label = Meklēt darba vidē
search-placeholder = Meklēt…
search-hint = Sanāksmes un citi pasākumi, turpmākās darbības, plāna pasākumi, organizācijas, cilvēki, labās prakses, stāsti un ziņas pēc nosaukuma; garumzīmes nav jāraksta, pietiek ar vārdu sākumiem.
search-found = { $count ->
        [0] Nekas netika atrasts.
        [one] Atrasts { $count } ieraksts.
       *[other] Atrasti { $count } ieraksti.
    }
search-more = { $count ->
        [one] Un vēl { $count }.
       *[other] Un vēl { $count }.
    }
search-all-in-list = Rādīt visus
search-due = termiņš { $date }
search-kind-families = Jūsu ģimenes
search-kind-events = Pasākumi
search-all-kinds = ← Visu veidu rezultāti
search-kind-actions = Turpmākās darbības
search-kind-measures = Plāna pasākumi
search-kind-organisations = Organizācijas
search-kind-people = Cilvēki
search-kind-practices = Labās prakses
search-kind-stories = Veiksmes stāsti
search-kind-news = Ziņas
pager-label = Lapas
pager-newer = Jaunāki ieraksti
pager-older = Vecāki ieraksti
form-has-errors = Lūdzu, izlabojiet kļūdas
error-request-id = Pieprasījuma identifikators:
error-400-title = Nederīgs pieprasījums
error-400-text = Pieprasījumu nevarēja apstrādāt. Lūdzu, pārbaudiet ievadīto un mēģiniet vēlreiz.
error-401-title = Nepieciešama pieteikšanās
error-401-text = Lai to redzētu, lūdzu, piesakieties.
error-403-title = Piekļuve liegta
error-403-text = Jums nav tiesību to redzēt vai darīt. Ja domājat, ka tā ir kļūda, sazinieties ar koordinatoru.
error-404-title = Lapa nav atrasta
error-404-text = Šādas lapas nav vai tā ir pārvietota.
error-405-title = Šāda darbība nav atļauta
error-405-text = Šo lapu nevar izmantot šādā veidā. Atgriezieties iepriekšējā lapā un mēģiniet vēlreiz.
error-412-title = Pa to laiku mainīts
error-412-text = Ieraksts ir mainījies, kopš tas tika nolasīts. Nolasiet to vēlreiz un veiciet izmaiņas tā pašreizējā versijā.
error-413-title = Pārāk liels
error-413-text = Nosūtītais ir lielāks, nekā platforma pieņem.
error-429-title = Pārāk daudz mēģinājumu
error-429-text = Lūdzu, uzgaidiet dažas minūtes un mēģiniet vēlreiz.
error-500-title = Radās kļūda
error-500-text = Kaut kas nogāja greizi. Mēs par to esam informēti. Ja sazināsieties ar atbalstu, lūdzu, norādiet šo identifikatoru.
date-long = { $year }. gada { $day }. { $month ->
    [1] janvāris
    [2] februāris
    [3] marts
    [4] aprīlis
    [5] maijs
    [6] jūnijs
    [7] jūlijs
    [8] augusts
    [9] septembris
    [10] oktobris
    [11] novembris
   *[12] decembris
}
role-coordinator = Nacionālā koordinācija
role-ministry = Ministrija vai aģentūra
role-municipality = Pašvaldība
role-mediator = Romu mediācija
role-ngo = Nevalstiskā organizācija
role-dpo = Datu aizsardzības uzraudzība
field-email = E-pasts
field-password = Parole
field-name = Vārds, uzvārds
field-role = Loma
field-organisation = Organizācija
field-status = Statuss
field-label = Nosaukums
field-created = Izveidots
status-active = Aktīvs
status-disabled = Atslēgts
status-no-password = Parole vēl nav iestatīta
count-users = { $count ->
    [0] nav lietotāju
    [one] { $count } lietotājs
    [zero] { $count } lietotāji
   *[other] { $count } lietotāji
}
home-title = Latvijas Romu platforma
home-intro = Romu platforma koordinē romu integrācijas politiku valsts, reģionālā un vietējā līmenī un iesaista tajā romus – īpaši jauniešus un sievietes.
home-intro-2 = Šeit ministrijas, pašvaldības, romu mediatori un nevalstiskās organizācijas kopā plāno pasākumus, seko politikas rīcības plāna izpildei un dalās labajā praksē.
home-login-cta = Ieiet darba vietā
title-error-prefix = Kļūda:{ " " }
picker-hint = Meklējiet, piem., vilaka
picker-count = Atbilst: { $count }. Izvēlieties sarakstā.
picker-one = Atrasts un izvēlēts: { $name }.
processing-title = Datu apstrādes reģistrs
processing-intro = Visas personas datu kategorijas, ko platforma glabā: nolūks, tiesiskais pamats, glabāšanas laiks un kas tiem piekļūst. Lapa tiek veidota no tā paša reģistra programmā, ko pārbauda testi, tāpēc tā atbilst tam, kas tiešām tiek glabāts.
processing-special = īpašu kategoriju dati vai dati par bērniem
processing-purpose = Nolūks
processing-basis = Tiesiskais pamats
processing-rule = { $name } — pēc { $days } { $days ->
        [one] dienas
       *[other] dienām
    } no { $from }: { $what } { $why }
processing-retention = Glabāšanas laiks
processing-access = Kas piekļūst
processing-where = Kur glabājas
a11y-title = Paziņojums par piekļūstamību
a11y-footer = Piekļūstamība
a11y-intro = Latvijas Romu platforma apņemas padarīt savu tīmekļvietni piekļūstamu saskaņā ar Ministru kabineta 2020. gada 14. jūlija noteikumiem Nr. 445 "Kārtība, kādā iestādes ievieto informāciju internetā" un Eiropas Parlamenta un Padomes Direktīvu (ES) 2016/2102. Paziņojums attiecas uz šo tīmekļvietni, tās publisko daļu un darba vidi.
a11y-status-title = Atbilstības statuss
a11y-status = Tīmekļvietne daļēji atbilst WCAG 2.1 AA līmeņa prasībām (standarts EN 301 549), jo ir zemāk minētās neatbilstības un izņēmumi.
a11y-issues-title = Nepiekļūstamais saturs
a11y-issue-manual = Tīmekļvietne vēl nav novērtēta manuāli ar ekrāna lasītāju un tikai tastatūru visos lietošanas scenārijos; automatizētās pārbaudes neatrod visas neatbilstības.
a11y-issue-documents = Lietotāju augšupielādētie dokumenti (piemēram, PDF pie pasākumiem) var nebūt piekļūstami; tos pēc pieprasījuma nodrošinām piekļūstamā formā.
a11y-issue-easy-read = Vieglās valodas un latviešu zīmju valodas satura vēl nav.
a11y-evaluation-title = Novērtējums
a11y-evaluated-on = Pēdējā novērtējuma datums
a11y-evaluated-by = Kas novērtēja
a11y-evaluated-by-text = Platformas izstrādātāji (pašnovērtējums)
a11y-method = Kā
a11y-method-text = Automatizēta pārbaude ar axe-core (WCAG 2.1 A un AA noteikumi) īstā pārlūkā katram lapas veidam abās valodās, arī tālruņa platumā, pie katras izmaiņas; pārbaude, ka visas darbības notiek bez JavaScript.
a11y-prepared-on = Paziņojums sagatavots
a11y-alternatives-title = Alternatīvas
a11y-alternatives = Diagrammām blakus ir datu tabulas. Ja kāds saturs jums nav pieejams, rakstiet mums — sagatavosim to citā formā.
a11y-feedback-title = Atsauksmes un saziņa
a11y-feedback = Ja pamanāt piekļūstamības problēmu, rakstiet, norādot savu vārdu, e-pasta adresi, lapas adresi un vēlamo formātu:
a11y-enforcement = Ja atbilde jūs neapmierina, varat vērsties iestādē, kas uzrauga noteikumu Nr. 445 izpildi.
nav-site-pages = Vietnes lapas
site-pages-title = Publiskās vietnes lapas
site-pages-intro = Lapas par platformu, kas ir kas un kontakti. Lapa kļūst publiska, kad to saglabā.
site-page = Lapa
site-page-updated = Pēdējoreiz saglabāta
site-page-public = Publiskā adrese
site-page-not-yet = vēl nav
site-page-about = Par platformu
site-page-who-is-who = Kas ir kas
site-page-contacts = Kontakti
site-page-only-lv = This page is available in Latvian only.
site-edit-hint = Rakstiet vienkāršu tekstu (rindkopas atdala tukša rinda) vai HTML: atļauti virsraksti (h2, h3), rindkopas, saraksti, treknraksts, slīpraksts, citāti un saites (http, https, mailto); viss cits tiek izņemts.
site-title-lv = Virsraksts latviski
site-title-en = Virsraksts angliski
site-body-lv = Teksts latviski
site-body-en = Teksts angliski
site-title-missing = Ierakstiet virsrakstu latviski.
site-body-missing = Ierakstiet tekstu latviski.
nav-news = Jaunumi
news-title = Jaunumi
news-feed = Jaunumi kā Atom plūsma
news-none = Jaunumu vēl nav.
news-manage-title = Jaunumi un paziņojumi
news-new = Jauns paziņojums
news-edit = Labot paziņojumu
news-kind = Veids
news-kind-announcement = Paziņojums
news-kind-call = Aicinājums piedalīties
news-kind-programme = Atbalsta programma
news-kind-event = Pasākums
news-field-title = Virsraksts
news-summary-lv = Īss apraksts latviski
news-summary-en = Īss apraksts angliski
news-publish = Publicēt (bez atzīmes — melnraksts, redzams tikai koordinatoriem)
news-published = Publicēts
news-draft = Melnraksts
news-field-missing = Aizpildiet šo lauku latviski.
news-english-incomplete = Angliskajai versijai vajag virsrakstu, kopsavilkumu un tekstu — vai atstājiet to tukšu.
stale-title = Kāds cits saglabāja šo ierakstu pēc tam, kad to atvērāt
stale-hint = Jūsu ievadītais ir atstāts veidlapā; ieraksts vēl nav saglabāts. Zemāk — lauki, kuros saglabātajā ierakstā tagad ir cita vērtība nekā veidlapā (tā var būt gan cita cilvēka, gan jūsu pašu izmaiņa), ar saglabāto vērtību. Apvienojiet izmaiņas un saglabājiet vēlreiz.
stale-same = Saglabātais ieraksts tagad ir tāds pats kā jūsu ievadītais; saglabājiet vēlreiz, lai apstiprinātu.
stale-empty = (tukšs)
stale-ticked = Atzīmēts
stale-unticked = Nav atzīmēts
stale-in-english = angliski
stale-in-romani = romu valodā
api-param-choice = Norādiet vienu no vērtībām, ko šim parametram uzskaita API apraksts.
api-param-date = Norādiet datumu formā GGGG-MM-DD, piemēram, 2026-12-10.
api-param-integer = Norādiet veselu skaitli API aprakstā noteiktajās robežās.
api-param-too-long = Vērtība ir garāka, nekā API apraksts atļauj.
