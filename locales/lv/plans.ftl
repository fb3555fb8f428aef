## Policy monitoring: plans, measures, indicators

nav-plans = Plāni
plans-title = Rīcības plāni
plans-intro = Romu stratēģiskā ietvara pasākumu īstenošanas plāni: mērķi, uzdevumi, pasākumi, atbildīgās iestādes un rādītāji.
plans-none = Vēl nav neviena plāna.
plan-new-title = Jauns plāns
plan-edit-title = Labot plānu
plan-name = Nosaukums
plan-name-lv = Nosaukums latviski
plan-name-en = Nosaukums angliski
plan-name-missing = Ievadiet nosaukumu.
plan-legal-basis = Tiesiskais pamats
plan-legal-basis-lv = Tiesiskais pamats latviski
plan-legal-basis-en = Tiesiskais pamats angliski
plan-period = Periods
plan-period-start = Pirmais gads
plan-period-end = Pēdējais gads
plan-period-order = Beigām jābūt ne agrāk kā sākumam.
plan-year-invalid = Ievadiet gadu no 2000 līdz 2100.
plan-status-draft = Projekts
plan-status-in-force = Spēkā
plan-status-closed = Noslēgts
plan-measures = Pasākumi
plan-objective = ES romu stratēģiskā ietvara mērķis
plan-objective-empty = Šim mērķim plānā vēl nav uzdevumu, pasākumu vai rādītāju.
plan-task-no-measures = Šim uzdevumam vēl nav pasākumu.
plan-measures-without-task = Pasākumi bez uzdevuma
plan-outcome-indicators = Rezultatīvie rādītāji
plan-task-add = Pievienot uzdevumu
plan-task-hint = Valsts uzdevums zem viena no ES ietvara mērķiem, piemēram, "1.2 Samazināt romu bērnu priekšlaicīgu mācību pārtraukšanu".
plan-task-added = Uzdevums pievienots.
plan-task-title-lv = Uzdevums latviski
plan-task-title-en = Uzdevums angliski
plan-code = Numurs
plan-code-missing = Ievadiet numuru, piemēram, 1.2.
plan-code-taken = Šajā plānā šis numurs jau ir aizņemts.
plan-title-missing = Ievadiet nosaukumu latviski.
plan-change-reason = Izmaiņu iemesls
plan-change-reason-hint = Kāpēc maināt? Iemesls tiek saglabāts vēsturē kopā ar iepriekšējo vērtību. Nepieciešams, ja maināt kādu jau saglabātu vērtību.
plan-reason-missing = Norādiet izmaiņu iemeslu.

measure-new-title = Jauns pasākums
measure-edit-title = Labot pasākumu
measure-title = Pasākums
measure-title-lv = Nosaukums latviski
measure-title-en = Nosaukums angliski
measure-task = Uzdevums
measure-task-hint = Pasākums zem uzdevuma kalpo uzdevuma mērķim.
measure-description = Apraksts
measure-description-lv = Apraksts latviski
measure-description-en = Apraksts angliski
measure-responsible = Atbildīgā iestāde
measure-responsible-missing = Izvēlieties atbildīgo iestādi.
measure-partners = Līdzatbildīgās iestādes
measure-period = Īstenošanas periods
measure-period-start = Sākuma datums
measure-period-end = Beigu datums
measure-first-planned-end = sākotnēji plānotās beigas
measure-budget = Plānotais finansējums, eiro
measure-budget-invalid = Ievadiet summu eiro, piemēram, 12 500,00.
measure-budget-source = Finansējuma avots
measure-outputs = Sagaidāmie rezultāti
measure-outputs-lv = Sagaidāmie rezultāti latviski
measure-outputs-en = Sagaidāmie rezultāti angliski
measure-status-not-started = Nav uzsākts
measure-status-on-track = Norit kā plānots
measure-status-delayed = Kavējas
measure-status-completed = Izpildīts
measure-status-cancelled = Atcelts
measure-mine = Jūsu iestādes
measure-indicators = Rādītāji
measure-indicators-none = Šim pasākumam vēl nav rādītāju.
funding-state-budget = Valsts budžets
funding-esf-plus = ES fondi: ESF+
funding-other-eu = Citi ES fondi
funding-municipal = Pašvaldības budžets
funding-other = Cits

indicator-new-title = Jauns rādītājs
indicator-edit-title = Labot rādītāju
indicator-name = Rādītājs
indicator-name-lv = Nosaukums latviski
indicator-name-en = Nosaukums angliski
indicator-name-missing = Ievadiet rādītāja nosaukumu.
indicator-kind = Rādītāja veids
indicator-kind-output = Iznākuma rādītājs (pasākuma rezultāts)
indicator-kind-outcome = Rezultatīvais rādītājs (romi salīdzinājumā ar sabiedrību kopumā)
indicator-measure = Pasākums
indicator-measure-hint = Iznākuma rādītājs pieder pasākumam; rezultatīvais rādītājs — mērķim.
indicator-unit = Mērvienība
indicator-unit-lv = Mērvienība latviski
indicator-unit-en = Mērvienība angliski
indicator-unit-missing = Ievadiet mērvienību, piemēram, % vai personas.
indicator-direction = Virziens
direction-higher = Jo lielāks, jo labāk
direction-lower = Jo mazāks, jo labāk
indicator-baseline = bāzes vērtība
indicator-baseline-value = Bāzes vērtība (romi)
indicator-baseline-general = Bāzes vērtība sabiedrībā kopumā
indicator-baseline-year = Bāzes gads
indicator-target = Mērķa vērtība
indicator-target-value = Mērķa vērtība
indicator-target-year = Mērķa gads
indicator-target-before-baseline = Mērķa gads nevar būt pirms bāzes gada.
indicator-first-planned-target = sākotnēji plānotā mērķa vērtība
indicator-source = Datu avots
indicator-source-lv = Datu avots latviski
indicator-source-en = Datu avots angliski
indicator-eu-target = ES 2030. gada mērķis
eu-goal-gap = No bāzes vērtības izriet: atšķirība 2030. gadā ne lielāka par { $value }.
eu-goal-at-most = No bāzes vērtības izriet: 2030. gadā ne vairāk kā { $value }.
eu-goal-at-least = No bāzes vērtības izriet: 2030. gadā vismaz { $value }.
indicator-values = Vērtības
indicator-values-none = Vēl nav nevienas vērtības.
indicator-latest = Pēdējā vērtība
indicator-year = Gads
indicator-value = Vērtība
indicator-roma-value = Romi
indicator-general-value = Sabiedrība kopumā
indicator-gap = Atšķirība
indicator-gap-change = Atšķirības izmaiņas kopš bāzes gada
indicator-gap-hint = Atšķirība ir pozitīva, ja romu situācija ir sliktāka nekā sabiedrībā kopumā; negatīvas izmaiņas nozīmē, ka atšķirība samazinās.
indicator-progress = Virzība uz mērķi
indicator-chart-summary = Rādītāja vērtības pa gadiem ({ $unit }); tās pašas vērtības ir tabulā zem diagrammas.
indicator-chart-caption = Vērtības pa gadiem; precīzi skaitļi tabulā.
indicator-value-add = Ierakstīt vērtību
indicator-value-hint = Viena vērtība gadā. Ja gadam vērtība jau ir, jaunā to aizstāj, un iepriekšējā paliek vēsturē.
indicator-value-invalid = Ievadiet skaitli, piemēram, 12,5.
indicator-general-missing = Rezultatīvajam rādītājam ievadiet arī vērtību sabiedrībā kopumā.
indicator-value-note = Piezīme
indicator-value-reason = Šim gadam vērtība jau ir; norādiet, kāpēc to maināt.
indicator-value-saved = Vērtība saglabāta.

history-title = Izmaiņu vēsture
history-none = Izmaiņu vēl nav.
history-when = Kad, kas
history-field = Lauks
history-old = Iepriekš
history-new = Tagad
history-reason = Iemesls
history-period-start = Sākums
history-period-end = Beigas
history-other = Cits lauks

## Reporting rounds and progress reports

nav-reports = Progresa ziņojumi
reports-title = Progresa ziņojumi
reports-intro = Jūsu iestādes ziņojumi par plāna pasākumiem atvērtajās ziņošanas kārtās. Aizpildiet, saglabājiet melnrakstu un iesniedziet līdz termiņam.
reports-no-organisation = Jūsu kontam nav piesaistīta iestāde, tāpēc jums nav ziņojumu, ko iesniegt.
reports-none = Šobrīd nav ziņojumu, kas jāiesniedz.
rounds-title = Ziņošanas kārtas
round-title = Ziņošanas kārta
round-title-lv = Nosaukums latviski
round-title-en = Nosaukums angliski
round-new-title = Atvērt ziņošanas kārtu
round-new-hint = Katrs pasākums, kas norit norādītajā periodā un nav atcelts, saņems ziņojuma veidlapu — atbildīgajai iestādei un katrai līdzatbildīgajai.
round-open = Atvērt kārtu
round-period = Aptvertais periods
round-period-start = Perioda sākums
round-period-end = Perioda beigas
round-deadline = Termiņš
round-no-measures = Šajā periodā neviens plāna pasākums nenorit.
round-open-status = Atvērta
round-closed = Slēgta
round-closed-notice = Kārta slēgta; ziņojumus vairs nevar mainīt.
round-summary = Kopsavilkums
round-count-total = { $count ->
    [0] Nav ziņojumu
    [zero] { $count } ziņojumu kopā
    [one] { $count } ziņojums kopā
   *[other] { $count } ziņojumi kopā
}
round-count-accepted = { $count ->
    [0] neviens nav pieņemts
    [zero] { $count } pieņemti
    [one] { $count } pieņemts
   *[other] { $count } pieņemti
}
round-count-submitted = { $count ->
    [0] neviens negaida izskatīšanu
    [zero] { $count } gaida izskatīšanu
    [one] { $count } gaida izskatīšanu
   *[other] { $count } gaida izskatīšanu
}
round-count-returned = { $count ->
    [0] neviens nav atgriezts
    [zero] { $count } atgriezti labošanai
    [one] { $count } atgriezts labošanai
   *[other] { $count } atgriezti labošanai
}
round-count-pending = { $count ->
    [0] visi iesniegti
    [zero] { $count } vēl nav iesniegti
    [one] { $count } vēl nav iesniegts
   *[other] { $count } vēl nav iesniegti
}
round-count-late = { $count ->
    [0] neviens nekavējas
    [zero] { $count } kavējas
    [one] { $count } kavējas
   *[other] { $count } kavējas
}
round-remind = Nosūtīt atgādinājumus
round-remind-hint = Atgādinājums tiek nosūtīts visiem to iestāžu lietotājiem, kuru ziņojumi vēl nav iesniegti vai ir atgriezti labošanai.
round-reminded = { $count ->
    [0] Nav neviena, kam atgādināt.
    [zero] Nosūtīti { $count } atgādinājumi.
    [one] Nosūtīts { $count } atgādinājums.
   *[other] Nosūtīti { $count } atgādinājumi.
}
round-close = Slēgt kārtu
round-reports = Ziņojumi
report-title = Progresa ziņojums
report-organisation = Iestāde
report-role-responsible = atbildīgā iestāde
report-role-partner = līdzatbildīgā iestāde
report-status-pending = Nav iesniegts
report-status-submitted = Iesniegts, gaida izskatīšanu
report-status-returned = Atgriezts labošanai
report-status-accepted = Pieņemts
report-late = kavējas
report-submitted-late = iesniegts pēc termiņa
report-submitted-at = Iesniegts
report-measure-page = Pasākuma lapa
report-returned-heading = Ziņojums atgriezts labošanai
report-measure-status = Pasākuma statuss
report-choose = Izvēlieties
report-status-missing = Norādiet pasākuma statusu.
report-done = Kas paveikts
report-done-missing = Aprakstiet, kas paveikts.
report-values = Rādītāju vērtības { $year }. gadā
report-spent = Izlietotais finansējums, eiro
report-reached = Sasniegtie cilvēki
report-reached-roma = Romi
report-reached-women = no tiem sievietes
report-reached-youth = no tiem jaunieši
report-count-invalid = Ievadiet veselu skaitli, 0 vai vairāk.
report-part-over-roma = Nevar būt vairāk nekā sasniegto romu kopā.
report-places = Aptvertās pašvaldības
report-evidence = Pierādījumi (saites)
report-evidence-hint = Viena saite rindā, piemēram, https://… uz publikāciju, pārskatu vai fotogrāfijām.
report-evidence-invalid = Katrā rindā jābūt vienai saitei, kas sākas ar https:// (ne vairāk kā 20).
report-resubmit-comment = Ko izlabojāt
report-submit = Iesniegt
report-save-draft = Saglabāt melnrakstu
report-locked = Šo ziņojumu vairs nevar mainīt: tas ir iesniegts vai pieņemts, vai kārta ir slēgta.
report-content = Ziņojuma saturs
report-review = Izskatīšana
report-decision = Lēmums
report-accept = Pieņemt — ziņojums kļūst par pasākuma progresa ierakstu
report-return = Atgriezt labošanai ar komentāru
report-review-comment = Komentārs iesniedzējam (jāraksta, ja ziņojumu atdodat labošanai)
report-review-save = Saglabāt lēmumu
report-comment-missing = Atgriežot ziņojumu, uzrakstiet, kas jālabo.
report-not-reviewable = Izskatīt var tikai iesniegtu ziņojumu atvērtā kārtā; atgrieztu ziņojumu vispirms jāiesniedz atkārtoti.
report-steps = Ziņojuma gaita
report-steps-none = Ziņojums vēl nav iesniegts.
report-step-submitted = iesniegts
report-step-returned = atgriezts labošanai
report-step-accepted = pieņemts
report-submitted-notice = Ziņojums iesniegts.
report-accepted-notice = Ziņojums pieņemts.
report-returned-notice = Ziņojums atgriezts labošanai.
report-accepted-at = Pieņemts
measure-progress = Progresa ieraksti
measure-progress-none = Vēl nav pieņemtu progresa ziņojumu.
mail-round-reminder-subject = Atgādinājums: progresa ziņojums jāiesniedz līdz { $deadline }
mail-round-reminder-body = Labdien, { $name }!

    Ziņošanas kārtā "{ $round }" jūsu iestādei vēl jāiesniedz ziņojumi par šiem pasākumiem:
    { $measures }

    Termiņš: { $deadline }.
    Ziņojumus var aizpildīt šeit: { $link }

    Latvijas Romu platforma

## The public accountability view

policy-title = Romu integrācijas politikas īstenošana
policy-intro = Ko valsts un pašvaldību iestādes dara romu integrācijas plāna ietvaros: pasākumi pa mērķiem, to statuss un virzība, kā arī rādītāji, kas parāda, vai atšķirības starp romiem un sabiedrību kopumā mazinās.
policy-measure-count = { $count ->
    [0] nav pasākumu
    [zero] { $count } pasākumu
    [one] { $count } pasākums
   *[other] { $count } pasākumi
}
policy-accepted-only = Šeit redzami tikai koordinatora pieņemtie progresa ziņojumi.
policy-last-report = Pēdējais pieņemtais ziņojums
policy-no-report = vēl nav

## Links between events, actions and measures

linked-measures = Plāna pasākumi, kam tas kalpo
measure-serving = Kas kalpo šim pasākumam
measure-serving-none = Šim pasākumam vēl nav piesaistītu sanāksmju vai turpmāko darbību.
measure-serving-later = Sanāksmes un turpmākās darbības piesaista no to veidlapām; labā prakse un mediācijas kopsavilkumi tiks pievienoti, kad būs šīs sadaļas.

## Import and export

plan-import-title = Importēt pasākumus
plan-import-intro = Pievienojiet plānam pasākumus no izklājlapas (CSV vai XLSX) pēc veidnes: viena rinda — viens pasākums. Uzdevumi, kuru plānā vēl nav, tiek izveidoti. Atbildīgajām un līdzatbildīgajām iestādēm jābūt katalogā (nosaukumu salīdzina bez garumzīmēm un lielajiem burtiem); vairākas līdzatbildīgās atdaliet ar semikolu. Vispirms redzēsiet priekšskatījumu; saglabāts tiek viss vai nekas.
plan-import-template = Lejupielādēt veidni (CSV)
plan-import-usable = { $count ->
    [0] Nevienu rindu nevar pievienot.
    [zero] Pievienos { $count } pasākumus.
    [one] Pievienos { $count } pasākumu.
   *[other] Pievienos { $count } pasākumus.
}
plan-import-add = Pievienos
plan-import-reject = Netiks pievienots
plan-import-columns = Failā jābūt vismaz kolonnām "Pasākuma nr." un "Pasākums" (vai "Code" un "Title").
plan-import-objective = nav norādīts ne mērķis, ne uzdevums
plan-import-organisation = iestāde nav atrasta katalogā
plan-import-source = nezināms finansējuma avots
plan-import-status = nezināms statuss
plan-import-changed = Kopš priekšskatījuma kaut kas mainījies (piemēram, numurs aizņemts), tāpēc nekas netika saglabāts. Augšupielādējiet failu vēlreiz.
plan-imported = Pasākumi importēti.
plan-export = Lejupielādēt plāna pasākumus (XLSX, veidnes kolonnās)
round-export = Lejupielādēt visus kārtas ziņojumus (XLSX)
report-role = Loma
indicator-gap-chart-summary = Atšķirība starp romiem un sabiedrību kopumā pa gadiem ({ $unit }); pozitīva — romu situācija ir sliktāka; tie paši skaitļi ir tabulā.
indicator-gap-chart-caption = Atšķirība pa gadiem: jo īsāks stabiņš, jo mazāka atšķirība; precīzi skaitļi tabulā.

## Evidence files of progress reports

report-files = Pierādījumu faili
report-files-none = Faili nav pievienoti.
report-file-title = Faila nosaukums
report-file = Fails
report-file-hint = PDF, DOCX, XLSX, ODT, JPEG vai PNG. Faila veidu nosaka pēc satura; attēliem metadati tiek noņemti. Failus redz tikai jūsu iestāde un koordinatori.
report-file-add = Pievienot failu
report-file-remove = Noņemt
report-too-many-files = Ziņojumam var pievienot ne vairāk kā 20 failus.
report-file-added = Fails pievienots.
report-file-removed = Fails noņemts.
report-changed = Ziņojums ir mainījies, kopš to atvērāt; izlasiet to vēlreiz un tad lemiet.
round-plan-closed = Plāns ir noslēgts; jaunu ziņošanas kārtu atvērt nevar.
round-overlap = Šī plāna atvērta kārta jau aptver daļu no šī perioda; vispirms slēdziet to vai izvēlieties citu periodu.
