## Roma mediation

nav-mediation = Ģimenes
nav-mediation-assignments = Mediatori
families-title = Ģimenes, ar kurām strādāju
families-intro = Jūsu darba ģimenes. Tās redzat tikai jūs; ministrijas, pašvaldības un biedrības saņem tikai apkopotus skaitļus. Sarakstā ģimenes ir pēc koda; vārdus redz, atverot ģimenes lietu (katra atvēršana tiek reģistrēta).
families-none = Jums vēl nav ģimeņu.
families-search = Meklēt pēc koda
families-found = { $count ->
        [0] Neviena ģimene ar šādu kodu.
        [one] Atrasta { $count } ģimene.
       *[other] Atrastas { $count } ģimenes.
    }
families-search-clear = Rādīt visas
families-last-contact = Pēdējais kontakts
families-next-step = Nākamais solis
families-never-contacted = vēl nav bijis
family-code = Kods
family-members = Ģimenes locekļi
family-new = Jauna ģimene
family-new-hint = Kods tiek izveidots automātiski, nevis no vārdiem. Vārdu un kontaktinformāciju ierakstiet tikai tad, ja tie nepieciešami darbam; tie tiek glabāti šifrēti.
family-household-size = Mājsaimniecības lielums (personas)
family-name = Ģimenes nosaukums vai vārds
family-contact = Kontaktinformācija
family-open = Atvērt ģimenes lietu
family-title = Ģimene
family-confidential = Konfidenciāli: šī lieta ir redzama tikai ģimenes mediatoram. Katra apskate tiek reģistrēta.
family-confidential-supervised = Konfidenciāli: lietu redz ģimenes mediators un — tikai lasīšanai, ar reģistrētu nolūku — uzraudzītājs. Katra apskate tiek reģistrēta.
family-members-none = Ģimenes locekļi vēl nav pievienoti.
member-add = Pievienot ģimenes locekli
member-relation = Loma ģimenē
member-birth-year = Dzimšanas gads
member-name = Vārds
member-school = Skola (bērniem)
member-grade = Klase
member-grade-n = { $grade }. klase
relation-head = Ģimenes galva
relation-partner = Partneris, partnere
relation-child = Bērns
relation-grandparent = Vecvecāks
relation-other-relative = Cits radinieks
relation-other = Cits
case-status-active = Aktīva
case-status-dormant = Neaktīva
case-status-closed = Slēgta
mediation-number-invalid = Ievadiet skaitli atļautajās robežās.
mediation-household-size-invalid = Ierakstiet cilvēku skaitu ģimenē: veselu skaitli no 1 līdz 30.
mediation-birth-year-invalid = Ierakstiet dzimšanas gadu ar četriem cipariem, no 1900 līdz šim gadam.
mediation-grade-invalid = Ierakstiet klasi: veselu skaitli no 0 līdz 12.
mediation-duration-invalid = Ierakstiet ilgumu minūtēs: veselu skaitli no 1 līdz 1440 (24 stundas).
mediation-hours-invalid = Ierakstiet stundas nedēļā: veselu skaitli no 1 līdz 60.
mediation-territory-missing = Izvēlieties pašvaldību, kurā strādājat.
mediation-no-assignment = Jums vēl nav norīkojuma nevienā pašvaldībā; to veic koordinators.
mediation-mediator-missing = Izvēlieties mediatoru.
access-title = Kas skatīja šo lietu
access-hint = Katra ģimenes lietas apskate vai izmaiņa: kas, kad un kādā nolūkā.
access-what = Darbība
access-purpose = Nolūks
access-view = apskatīja
access-change = mainīja
access-purpose-case-work = lietas darbs
assignments-title = Romu mediatori
assignments-intro = Mediatoru norīkojumi pašvaldībās: periods, darba plāns (stundas nedēļā, pieņemšanas laiks un vieta) un uzraudzība. Uzraudzītāju ierosina viens koordinators, un tas stājas spēkā, kad to apstiprina otrs.
assignments-none = Norīkojumu vēl nav.
assignment-mediator = Mediators
assignment-plan = Darba plāns
assignment-hours-n = { $hours } stundas nedēļā
assignment-supervisor = Uzraudzītājs
assignment-new = Jauns norīkojums
assignment-from = No
assignment-to = Līdz
assignment-hours = Stundas nedēļā
assignment-reception = Pieņemšanas laiks un vieta
assignment-add = Norīkot
contact-add = Ierakstīt kontaktu
contact-date = Datums
contact-date-future = Kontakta datums nevar būt nākotnē.
followup-date-future = Datums, kad risks pamanīts, nevar būt nākotnē.
contact-next-before = Nākamā soļa datums nevar būt pirms kontakta datuma.
consent-date-future = Piekrišanas datums nevar būt nākotnē.
referral-date-future = Nosūtījuma datums nevar būt nākotnē.
contact-place = Kur
contact-place-office = Birojā
contact-place-home-visit = Mājas vizīte
contact-place-institution = Iestādē
contact-place-phone = Pa tālruni
contact-areas = Jomas
contact-area-missing = Atzīmējiet vismaz vienu jomu.
area-education = Izglītība
area-social-services = Sociālie pakalpojumi
area-employment = Nodarbinātība
area-health = Veselība
area-housing = Mājoklis
area-documents = Dokumenti
area-childrens-rights = Bērnu tiesības
area-other = Cits
contact-done = Kas darīts
contact-more = Vairāk (ilgums, ģimenes loceklis, iestāde, rezultāts, nākamais solis)
contact-duration = Ilgums, minūtes
contact-member = Ģimenes loceklis
contact-whole-family = Visa ģimene
contact-institution = Iestāde
contact-outcome = Rezultāts
contact-next-step = Nākamais solis
contact-next-date = Nākamā soļa datums
contact-save = Saglabāt kontaktu
contact-recorded = Kontakts ierakstīts.
contacts-title = Kontakti
contacts-none = Kontaktu vēl nav.
contact-minutes-n = { $minutes } min
family-sections = Lietas daļas
case-work-consent-first = Pirms lietas ierakstiem ierakstiet ģimenes piekrišanu lietas darbam.
case-work-consent-missing = Vispirms ierakstiet ģimenes piekrišanu lietas darbam.
consents-title = Piekrišanas
consents-hint = Piekrišana katram nolūkam atsevišķi: lietas darbam, informācijas nodošanai konkrētai iestādei, iekļaušanai statistikā, dalībai veiksmes stāstā. Atsaukšana ir viens klikšķis un darbojas uzreiz.
consents-none = Piekrišanu vēl nav.
consent-add = Ierakstīt piekrišanu
consent-save = Saglabāt piekrišanu
consent-recorded = Piekrišana ierakstīta.
consent-withdrawn = Piekrišana atsaukta.
consent-withdrawn-blocked = Piekrišana atsaukta. Nosūtījumi, kas balstījās uz to, ir apturēti; tos var turpināt tikai ar ierakstītu steidzamas nepieciešamības pamatojumu, ko redz uzraudzītājs.
consent-purpose = Nolūks
consent-purpose-case-work = Lietas darbs
consent-purpose-sharing = Informācijas nodošana iestādei
consent-purpose-statistics = Iekļaušana statistikā
consent-purpose-success-story = Veiksmes stāsts
consent-whose = Kura piekrišana
consent-given-by = Kas deva piekrišanu
consent-given-by-person = Pati persona
consent-given-by-parent = Vecāks (par bērnu)
consent-given-by-guardian = Aizbildnis (par bērnu)
mediation-consent-given-on = Datums
consent-more = Iestāde (nodošanai) un bērna viedoklis
consent-institution-kind = Iestādes veids
consent-institution = Iestādes nosaukums
consent-institution-missing = Nodošanai ierakstiet iestādes nosaukumu.
consent-child-missing = Vecāks vai aizbildnis dod piekrišanu par bērnu (līdz 18 gadiem): izvēlieties bērnu; pieaugušais piekrīt pats.
consent-minor-by-parent = Nepilngadīga ģimenes locekļa vārdā piekrišanu dod vecāks vai aizbildnis (ar bērna viedokli).
consent-child-view = Bērna viedoklis
consent-notice-n = paziņojuma versija { $version }
consent-notice-current = Piekrišana tiek ierakstīta ar pašreizējo privātuma paziņojuma versiju { $version }.
mediation-consent-recorded-by = ierakstīja
mediation-consent-withdraw = Atsaukt
consent-withdrawn-on = Atsaukta { $date }
child-view-agrees = Piekrīt
child-view-disagrees = Nepiekrīt
child-view-too-young = Vēl par mazu, lai paustu viedokli
child-view-not-asked = Nav jautāts
institution-school = Skola
institution-social-service = Sociālais dienests
institution-health-care = Veselības aprūpe
institution-employment-agency = Nodarbinātības valsts aģentūra
institution-esf-programme = ESF finansēta programma
institution-municipal-programme = Pašvaldības programma
institution-other = Cita iestāde
referrals-title = Nosūtījumi
referrals-none = Nosūtījumu vēl nav.
referral-add = Ierakstīt nosūtījumu
referral-recorded = Nosūtījums ierakstīts.
referral-date = Datums
referral-kind = Kur nosūtīts
referral-institution = Iestāde vai programma
referral-consent = Piekrišana informācijas nodošanai
referral-consent-none = Nav (steidzama nepieciešamība)
referral-consent-missing = Izvēlieties spēkā esošu piekrišanu nodošanai vai ierakstiet steidzamas nepieciešamības pamatojumu.
referral-more = Vairāk (ģimenes loceklis, piezīme, steidzama nepieciešamība)
referral-note = Piezīme
referral-urgent-reason = Steidzamas nepieciešamības pamatojums
referral-urgent-hint = Tikai tad, ja bez piekrišanas rīkoties ir neatliekami nepieciešams (piemēram, bērna drošība). Pamatojums tiek reģistrēts un parādīts uzraudzītājam.
referral-override = Steidzamas nepieciešamības pamatojums
referral-blocked = Piekrišana nodošanai ir atsaukta: nosūtījumu var turpināt tikai ar steidzamas nepieciešamības pamatojumu (vai atcelt).
referral-new-status = Jauns statuss
referral-update = Saglabāt statusu
referral-status-open = Nosūtīts
referral-status-in-progress = Procesā
referral-status-helped = Atrisināts: palīdzēja
referral-status-not-helped = Atrisināts: nepalīdzēja
referral-status-cancelled = Atcelts
school-title = Skolas apmeklējums
school-hint = Skolas vecuma bērniem: apmeklējuma un mācību pārtraukšanas riska novērošana katrā semestrī — risks, veiktā rīcība un rezultāts semestra beigās.
school-none = Neviens bērns vēl netiek novērots.
school-add = Sākt novērot bērnu šajā semestrī
school-child = Bērns
school-year = Mācību gads (sākuma gads)
school-term = Semestris
school-term-n = { $term }. semestris
school-term-autumn = 1. semestris (rudens)
school-term-spring = 2. semestris (pavasaris)
school-noted-on = Kad risks pamanīts
school-risk = Mācību pārtraukšanas risks
school-action = Veiktā rīcība
school-result = Rezultāts semestra beigās
school-result-pending = Vēl nav zināms
followup-child-missing = Izvēlieties ģimenes bērnu.
followup-term-taken = Šis bērns šajā semestrī jau tiek novērots.
risk-low = Zems
risk-medium = Vidējs
risk-high = Augsts
followup-result-stayed = Palika skolā
followup-result-dropped-out = Pārtrauca mācības
followup-result-moved-away = Pārcēlās
followup-result-unknown = Nav zināms
case-status-title = Lietas statuss
close-reason = Slēgšanas iemesls
close-reason-missing = Slēdzot lietu, izvēlieties iemeslu.
close-reason-goals-reached = Mērķi sasniegti
close-reason-moved-away = Ģimene pārcēlās
close-reason-family-request = Pēc ģimenes lūguma
close-reason-no-contact = Nav iespējams sazināties
close-reason-other = Cits iemesls
nav-mediation-figures = Mediācijas skaitļi
figures-title = Romu mediācija skaitļos
figures-exact-intro = Precīzi skaitļi: mediatoram par savām ģimenēm, uzraudzītājam par visām pašvaldībām. Tikai ģimenes ar piekrišanu statistikai; pārējās ir tikai kopskaitā "bez piekrišanas".
figures-controlled-intro = Apkopoti skaitļi par romu mediāciju, bez nevienas ģimenes lietas. Tikai ģimenes ar piekrišanu statistikai; pārējās ir tikai kopskaitā "bez piekrišanas".
figures-definitions = Ģimene ir atbalstīta periodā, ja tajā ir kontakts, nosūtījums vai skolas novērošana; atbalstītās personas ir ģimenes locekļi, kurus šie ieraksti nosauc, un viena persona (ģimenes kontaktpersona) par katru ģimeni ar ierakstu, kas nenosauc nevienu.
figures-group = Periodi
figures-group-month = Pa mēnešiem
figures-group-quarter = Pa ceturkšņiem
figures-group-year = Pa gadiem
figures-period = Periods
figures-families = Atbalstītās ģimenes
figures-persons = Atbalstītās personas
figures-contacts = Kontakti
figures-hours = Kontaktu stundas
figures-referrals = Nosūtījumi
figures-children-followed = Novērotie skolēni
figures-stayed = Palika skolā
figures-stayed-share = Palika skolā, daļa
figures-no-consent = Ģimenes bez piekrišanas statistikai
figures-by-area = Kontakti pa jomām
figures-by-status = Nosūtījumi pēc statusa
figures-by-municipality = Pa pašvaldībām
figures-by-period = Pa periodiem
figures-by-mediator = Pa mediatoriem
nav-mediation-supervision = Uzraudzība
supervision-title = Mediācijas uzraudzība
supervision-intro = Jūsu uzraudzīto mediatoru ģimenes (tikai kodi), steidzamas nepieciešamības gadījumi un neparastā piekļuve lietām. Lietu atverat tikai ar nolūku un piezīmi; tie tiek reģistrēti piekļuves žurnālā, un mediators tos redz.
supervised-families = Uzraudzīto mediatoru ģimenes
supervised-none = Jūs vēl neuzraugāt nevienu mediatoru.
overrides-title = Steidzamas nepieciešamības gadījumi
overrides-hint = Nosūtījumi, kas turpināti bez spēkā esošas piekrišanas nodošanai. Pamatojumu redzat, atverot lietu.
overrides-none = Tādu gadījumu nav.
unusual-title = Neparastā piekļuve: { $month }
unusual-month = { $month }
unusual-hint = Citu lietotāju skatījumi, atteikti mēģinājumi atvērt svešu lietu, skatījumi naktī (pirms 7:00 vai pēc 21:00) un daudz lietu vienā dienā. Kopsavilkumu par iepriekšējo mēnesi saņemat arī e-pastā.
unusual-none = Šajā mēnesī neparastas piekļuves nav.
unusual-what = Kas neparasts
unusual-who = Kas
unusual-detail = Sīkāk
unusual-other-user = Cits lietotājs
unusual-refused = Atteikts mēģinājums
unusual-at-night = Naktī
unusual-many-in-a-day = Daudz lietu vienā dienā
unusual-account-changed = Izmaiņas mediatora kontā (loma, parole, otrais faktors) vai tajā, kas mediatoru uzrauga
supervise-title = Atvērt lietu
supervise-intro = Uzraudzītājs lietu atver tikai ar nolūku no saraksta un piezīmi. Abi tiek reģistrēti lietas piekļuves žurnālā, ko lasa ģimenes mediators (piezīmi glabā šifrētu); lieta atveras tikai lasīšanai.
supervise-open = Atvērt lietu lasīšanai
supervise-read-only = Atvērts uzraudzībai, tikai lasīšanai; jūsu nolūks un piezīme ir reģistrēti.
access-purpose-supervision = uzraudzība
mail-access-summary-subject = Mediācijas lietu piekļuves kopsavilkums: { $month }
mail-access-summary-body = Sveiki, { $name }!
    
    Neparastā piekļuve jūsu uzraudzīto mediatoru lietām mēnesī { $month }:
    { $lines }
    
    Sīkāk (pēc pieteikšanās): { $link }
retention-title = Mediācijas lietu glabāšana
retention-intro = Slēgtu lietu anonimizē { $years } gadus pēc slēgšanas: izdzēš vārdus, kontaktinformāciju, skolas, piezīmes, iestādes, pamatojumus, dzimšanas gadus, dzimumu un klasi; datumi, jomas, statusi un piekrišanas paliek, lai iepriekšējo periodu skaitļi nemainītos. To dara automātiski.
retention-done = Anonimizētas līdz šim: { $count }.
retention-next = Tiks anonimizētas līdz { $date }
retention-none = Nākamajā mēnesī nevienu lietu anonimizēt nevajadzēs.
retention-closed-on = Slēgta
retention-on = Anonimizēs
retention-link = Glabāšanas termiņi
export-title = Dati par personu
export-intro = Viss, kas platformā glabājas par šo personu un viņas ģimenes lietu (ieraksti par viņu un par visu ģimeni), un katra piekļuve lietai: kad, kas un kādā nolūkā. Citu ģimenes locekļu dati nav iekļauti.
export-print = PDF: izdrukājiet šo lapu un izvēlieties "Saglabāt kā PDF".
export-json = Lejupielādēt JSON
export-person = Persona
export-family = Ģimenes lieta
export-access = Piekļuve lietai
access-purpose-export = datu subjekta pieprasījums
subject-rights = Datu subjekta tiesības
subject-export = Visi dati par personu
erase-member = Dzēst personu
erase-member-hint = Izdzēš personu un visus ierakstus, kas viņu nosauc, no visām tabulām. To nevar atsaukt; dzēšana tiek reģistrēta bez dzēstā satura un atkārtota, ja datubāzi atjauno no vecākas rezerves kopijas.
erase-family = Dzēst visu ģimenes lietu
erase-family-hint = Izdzēš ģimeni, visus tās locekļus un visus ierakstus. To nevar atsaukt; dzēšana tiek reģistrēta bez dzēstā satura un atkārtota, ja datubāzi atjauno no vecākas rezerves kopijas.
erase-confirm = Apstiprinu, ka persona to ir lūgusi un dati nav jāglabā cita iemesla dēļ
erase-unconfirmed = Nekas nav dzēsts: vispirms atzīmējiet apstiprinājumu.
member-erased = Persona un visi ieraksti par viņu ir dzēsti.
family-erased = Ģimenes lieta ir dzēsta.
nav-mediation-reports = Mēneša pārskats
mreport-title = Mediatora mēneša pārskats: { $month }
mreport-intro = Pārskats veidojas no jūsu lietu ierakstiem. Pārbaudiet skaitļus, uzrakstiet piezīmes uzraudzītājam un iesniedziet; iesniegtais pārskats vairs nemainās.
mreport-months = Mēneši
mreport-submitted = iesniegts
mreport-submitted-at = Iesniegts { $at }
mreport-live = Skaitļi no pašreizējiem ierakstiem (vēl nav iesniegts). Stundas — par visiem kontaktiem; pārējie skaitļi — par ģimenēm ar piekrišanu statistikai.
mreport-hours = Kontaktu laiks (stundas:minūtes)
mreport-notes = Piezīmes uzraudzītājam
mreport-notes-hint = Grūtības, nepieciešamais atbalsts, plāni. Nerakstiet vārdus; piezīmes glabājas šifrētas.
mreport-submit = Iesniegt pārskatu
mreport-confirm-title = Iesniegt { $month } pārskatu?
mreport-confirm-final = Pēc iesniegšanas pārskatu vairs nevar labot: skaitļi un piezīmes paliek tādi, kādi tie ir šobrīd, un tie būs redzami jūsu darba uzraudzībā. Ja kaut kas vēl jāpapildina, atgriezieties un iesniedziet vēlāk.
mreport-confirm-button = Jā, iesniegt pārskatu
mreport-confirm-back = Nē, atpakaļ uz pārskatu
mreport-no-notes = Piezīmju nav.
mreport-download = Lejupielādēt pārskatu
mediator-report-submitted = Pārskats iesniegts uzraudzītājam.
supervised-reports = Mediatoru mēneša pārskati
supervised-reports-none = Iesniegtu pārskatu vēl nav.
referral-consent-scope = Šī piekrišana neattiecas uz šo personu vai šādu iestādi. Izvēlieties atbilstošu piekrišanu vai ierakstiet steidzamas nepieciešamības pamatojumu.
case-anonymised = Lieta ir anonimizēta; to vairs nevar atvērt no jauna. Ja ģimene atgriežas, atveriet jaunu lietu.
assignment-end = Beigt šodien
figures-report-year = Gada pārskats par { $year }. gadu
figures-report-mediator = Romu mediatora gada pārskats
figures-report-municipality = Romu mediācija pašvaldībā: gada pārskats
figures-report-all = Romu mediācija: gada pārskats
figures-report-made = Sagatavots { $date }
figures-report-supervised = Romu mediācija: uzraudzīto ģimeņu gada pārskats

# Supervision with four eyes (issue 17, item 5)
supervisor-title = Uzraudzība
supervisor-intro = Uzraudzītājs var atvērt mediatora ģimeņu lietas lasīšanai. Tāpēc uzraudzītāju ierosina viens koordinators, bet iecelšana stājas spēkā tikai tad, kad to apstiprina otrs; līdz tam paliek spēkā līdzšinējā. Mediators saņem e-pastu, kad uzraudzība mainās, un redz to savā ģimeņu lapā. Noņemt uzraudzītāju var uzreiz.
supervisor-current = Uzraudzība tagad
supervisor-since = Spēkā kopš
supervisor-approved-by = Apstiprināja
supervisor-none = Uzraudzītāja nav.
supervisor-none-short = nav uzraudzītāja
supervisor-pending = Gaida apstiprinājumu
supervisor-proposed = Uzraudzību uzticēt
supervisor-proposed-by = Ierosināja
supervisor-proposed-by-cli = komandrinda
supervisor-own-hint = Šo ierosinājumu izteicāt jūs; to apstiprina cits koordinators. Jūs to varat atsaukt.
supervisor-decide-hint = Apstipriniet tikai tad, ja zināt, kāpēc šai personai jāuzrauga mediators: pēc apstiprināšanas tā var atvērt mediatora ģimeņu lietas lasīšanai.
supervisor-approve = Apstiprināt
supervisor-refuse = Noraidīt
supervisor-withdraw = Atsaukt ierosinājumu
supervisor-change = Mainīt uzraudzību
supervisor-change-hint = Izvēlētā persona sāks uzraudzīt tad, kad to apstiprinās otrs koordinators. Izvēle „bez uzraudzītāja” pašreizējo noņem uzreiz.
supervisor-option-none = — bez uzraudzītāja —
supervisor-submit = Saglabāt
supervisor-new-hint = Tas ir ierosinājums: uzraudzība stāsies spēkā, kad to apstiprinās otrs koordinators.
supervisor-awaits = Gaida apstiprinājumu:
supervisor-manage = Uzraudzība
supervisor-proposed-notice = Ierosinājums saglabāts; pārējie koordinatori saņēma e-pastu ar aicinājumu to izlemt.
supervisor-removed-notice = Uzraudzītājs noņemts; mediators saņēma e-pastu.
supervisor-approved-notice = Apstiprināts: uzraudzība stājusies spēkā; mediators un uzraudzītājs saņēma e-pastu.
supervisor-refused-notice = Ierosinājums noraidīts vai atsaukts; spēkā paliek līdzšinējā uzraudzība.
supervisor-unchanged = Tā jau ir; nekas nav jāmaina.
supervisor-own-proposal = Savu ierosinājumu apstiprināt nevar: to apstiprina cits koordinators.
supervisor-proposal-changed = Ierosinājums pa to laiku ir mainīts vai jau izlemts; pārbaudiet, kas gaida tagad.
supervisor-no-longer-coordinator = Ierosinātā persona vairs nav aktīvs koordinators; ierosinājumu var tikai noraidīt.
supervisor-awaiting-n = { $count ->
    [one] { $count } uzraudzības ierosinājums gaida jūsu lēmumu.
   *[other] { $count } uzraudzības ierosinājumi gaida jūsu lēmumu.
}
my-supervision-title = Uzraudzība
my-supervision-hint = Uzraudzītājs jūsu ģimeņu lietas var atvērt tikai lasīšanai un tikai, norādot nolūku; katra atvēršana ir redzama lietas piekļuves žurnālā. Uzraudzību apstiprina divi koordinatori.
my-supervision-no-assignment = Jums šodien nav norīkojuma.
my-supervision-since = spēkā no: { $date }
my-supervision-pending = Ierosināts mainīt: { $name } (gaida otra koordinatora apstiprinājumu)
supervise-purpose = Nolūks
supervision-purpose-quality-review = Darba kvalitātes pārbaude
supervision-purpose-complaint = Sūdzības izskatīšana
supervision-purpose-safeguarding = Bažas par bērna vai pieaugušā drošību
supervision-purpose-legal-request = Tiesas, policijas vai citas iestādes likumīgs pieprasījums
supervision-purpose-other = Cits
supervise-note = Piezīme
supervise-note-hint = Kas lika atvērt lietu, piemēram, sūdzības datums un būtība. Nerakstiet vārdus. Piezīmi glabā šifrētu; to lasa ģimenes mediators.
supervise-note-invalid = Uzrakstiet, kas lika atvērt lietu: 10–500 rakstzīmes, vismaz divi vārdi un vismaz piecus dažādus burtus.
supervise-purpose-missing = Izvēlieties nolūku.
mail-supervisor-proposed-subject = Romu platforma: uzraudzības ierosinājums gaida lēmumu
mail-supervisor-proposed-body = Labdien, { $name }!

    { $proposer } ierosina jaunu mediatora uzraudzību.

    Mediators: { $mediator }
    Pašvaldība: { $territory }
    Uzraudzību uzticēt: { $supervisor }

    Uzraudzītājs var atvērt mediatora ģimeņu lietas lasīšanai, tāpēc uzraudzība stājas spēkā tikai tad, kad to apstiprina otrs koordinators. Apstipriniet vai noraidiet šeit: { $link }

    Ja ierosinājums jums šķiet neparasts, noraidiet to un sazinieties ar koordināciju.
mail-supervisor-approved-subject = Romu platforma: mainīta jūsu darba uzraudzība
mail-supervisor-approved-body = Labdien, { $name }!

    Jūsu darbu pašvaldībā { $territory } turpmāk uzrauga: { $supervisor } (ierosināja { $proposer }, apstiprināja { $approver }).

    Uzraudzītājs jūsu ģimeņu lietas var atvērt tikai lasīšanai un tikai, norādot nolūku; katra atvēršana ir redzama lietas piekļuves žurnālā.

    Ja jums ir jautājumi, sazinieties ar platformas koordinatoriem.
mail-supervisor-appointed-subject = Romu platforma: jums uzticēta mediatora uzraudzība
mail-supervisor-appointed-body = Labdien, { $name }!

    Jums uzticēta mediatora darba uzraudzība (ierosināja { $proposer }, apstiprināja { $approver }).

    Mediators: { $mediator }
    Pašvaldība: { $territory }

    Uzraudzības lapa: { $link }
mail-supervisor-removed-subject = Romu platforma: jūsu darbam vairs nav uzraudzītāja
mail-supervisor-removed-body = Labdien, { $name }!

    Jūsu darbu pašvaldībā { $territory } vairs neuzrauga { $supervisor }; jūsu ģimeņu lietām šai personai vairs nav piekļuves.

    Ja jums ir jautājumi, sazinieties ar platformas koordinatoriem.

# Handing families to another mediator (issue 17, item 4)
handover-title = Nodot ģimenes citam mediatoram
handover-intro = Kad mediators beidz darbu vai kontam jāmaina loma, mediatora ģimeņu lietas nodod citam mediatoram. To ierosina viens koordinators, bet ģimenes pāriet tikai tad, kad to apstiprina otrs. Pāriet ģimenes tajās pašvaldībās, kurās saņēmējam šodien ir norīkojums; pārējās paliek, līdz tās nodod kādam, kas strādā tur. Abi mediatori saņem e-pastu, un katras ģimenes piekļuves žurnālā paliek ieraksts.
handover-pending = Gaida apstiprinājumu
handover-none-pending = Neviena nodošana negaida apstiprinājumu.
handover-from = Kura mediatora ģimenes
handover-to = Kuram mediatoram nodot
handover-to-hint = Pāriet tikai ģimenes tajās pašvaldībās, kurās šim mediatoram šodien ir norīkojums.
handover-families = Ģimenes
handover-movable = pāries: { $moved }
handover-held = kopā: { $held }
handover-decide-hint = Apstiprinot ģimeņu lietas pāriet saņēmējam, kas tās varēs atvērt un papildināt.
handover-new = Jauna nodošana
handover-no-holders = Nevienam mediatoram nav ģimeņu.
handover-propose = Ierosināt nodošanu
handover-from-missing = Izvēlieties mediatoru, kuram ir ģimenes.
handover-to-missing = Izvēlieties citu aktīvu mediatoru.
handover-no-territory = Saņēmējam šodien nav norīkojuma nevienā pašvaldībā, kur ir šīs ģimenes; vispirms norīkojiet to tur.
handover-proposed-notice = Nodošana ierosināta; pārējie koordinatori saņēma e-pastu ar aicinājumu to izlemt.
handover-approved-notice = Apstiprināts: ģimenes nodotas; abi mediatori saņēma e-pastu.
handover-refused-notice = Nodošana noraidīta vai atsaukta; ģimenes paliek, kur bija.
access-purpose-handover = nodošana citam mediatoram
mail-handover-proposed-subject = Romu platforma: ģimeņu nodošana gaida lēmumu
mail-handover-proposed-body = Labdien, { $name }!

    { $proposer } ierosina nodot mediatora ģimeņu lietas citam mediatoram.

    No: { $from }
    Kam: { $to }
    Ģimeņu pašlaik: { $count }

    Lietas pāriet tikai tad, kad to apstiprina otrs koordinators. Apstipriniet vai noraidiet šeit: { $link }

    Ja ierosinājums jums šķiet neparasts, noraidiet to un sazinieties ar koordināciju.
mail-handover-given-subject = Romu platforma: jūsu ģimeņu lietas nodotas
mail-handover-given-body = Labdien, { $name }!

    Jūsu ģimeņu lietas ({ $count }) nodotas mediatoram: { $to }. Nodošanu apstiprināja { $approver }. Šīs lietas jums vairs nav pieejamas.

    Ja jums ir jautājumi, sazinieties ar platformas koordinatoriem.
mail-handover-received-subject = Romu platforma: jums nodotas ģimeņu lietas
mail-handover-received-body = Labdien, { $name }!

    Jums nodotas ģimeņu lietas ({ $count }), ko līdz šim vadīja: { $from }. Nodošanu apstiprināja { $approver }. Tās atradīsiet sadaļā „Ģimenes”.

    Ja jums ir jautājumi, sazinieties ar platformas koordinatoriem.
supervisor-kept-notice = Spēkā paliek pašreizējais uzraudzītājs; gaidošās izmaiņas atceltas.
supervisor-proposer-gone = Ierosinātājs vairs nav aktīvs koordinators; ierosinājumu var tikai noraidīt.
supervisor-proposal-expired = Ierosinājums gaidījis ilgāk par 14 dienām; to var tikai noraidīt un, ja vajag, ierosināt no jauna.
supervisor-approver-made-by-proposer = Jūsu kontu izveidoja vai tā lomu piešķīra ierosinātājs, tāpēc jūs nevarat būt otrais pāris acu; to apstiprina cits koordinators (vai tāds, kura kontu izveidoja platformas IT).
handover-account-created = Konts izveidots
mail-supervision-ended-subject = Romu platforma: jūs vairs neuzraugāt mediatoru
mail-supervision-ended-body = Labdien, { $name }!

    Jūs vairs neuzraugāt mediatora darbu; šī mediatora ģimeņu lietas jums vairs nav pieejamas.

    Mediators: { $mediator }
    Pašvaldība: { $territory }

    Ja par to neko nezināt, sazinieties ar platformas koordinatoriem.
supervisor-own-appointment = Savu iecelšanu uzraudzītāja amatā apstiprināt nevar: to apstiprina cits koordinators.
handover-awaiting-n = { $count ->
    [one] { $count } ģimeņu nodošana gaida jūsu lēmumu.
   *[other] { $count } ģimeņu nodošanas gaida jūsu lēmumu.
}
member-gender-female = sieviešu dzimums
member-gender-male = vīriešu dzimums
member-gender-other = cits dzimums
referral-service = Pakalpojums no kataloga
referral-service-hint = Pakalpojumi, kas spēkā ģimenes pašvaldībā vai visā Latvijā. Ja pakalpojuma katalogā nav, aprakstiet iestādi zemāk.
figures-by-service = Nosūtījumi pēc pakalpojuma (no kataloga)
figures-by-service-area = Nosūtījumi pēc pakalpojuma jomas
figures-no-service = Ārpus kataloga
figures-other-services = Citi kataloga pakalpojumi
