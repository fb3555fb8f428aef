## Check-in, attendance and participation statistics

attendance-title = Dalībnieku reģistrācija pasākumā
attendance-count = { $present ->
    [0] neviens vēl nav atzīmēts
    [one] atzīmēts { $present } dalībnieks
    [zero] atzīmēti { $present } dalībnieki
   *[other] atzīmēti { $present } dalībnieki
}
attendance-expected = { $registered ->
    [0] neviena pieteikuma
    [one] { $registered } pieteikums
    [zero] { $registered } pieteikumi
   *[other] { $registered } pieteikumi
}
attendance-add-walk-in = Pievienot dalībnieku bez pieteikuma
attendance-sheet = Parakstu lapa
attendance-sheet-print-hint = Izdrukājiet šo lapu (Ctrl+P); tukšās rindas ir dalībniekiem bez pieteikuma.
attendance-sheet-notice = Parakstoties jūs apliecināt dalību pasākumā. Dati tiek izmantoti dalības uzskaitei saskaņā ar datu apstrādes paziņojumu.
attendance-signature = Paraksts
attendance-search = Meklēt pēc vārda
attendance-search-hint = Var rakstīt bez garumzīmēm un mīkstinājuma zīmēm, piemēram, "berzins" atrod "Bērziņš".
attendance-none-found = Neviens neatbilst meklētajam.
attendance-present = ir klāt
attendance-check-in = Atzīmēt ierašanos
attendance-undo = Atcelt atzīmi
# An attendance record whose name was removed under the storage limit (the figures keep it).
attendance-anonymised = Anonimizēts ieraksts
attendance-category = Ieinteresētās puses kategorija
attendance-category-hint = Ja nav izvēlēta, to nosaka pēc organizācijas veida un personas lomas.
attendance-category-derived = Noteikt automātiski
attendance-walk-in = bez pieteikuma
attendance-registered = ar pieteikumu
attendance-imported = no parakstu lapas
attendance-via-api = no citas sistēmas
attendance-checked-notice = Ierašanās atzīmēta.
attendance-removed-notice = Atzīme atcelta.
attendance-added-notice = Dalībnieks pievienots un atzīmēts.
attendance-already-notice = Šis dalībnieks jau bija atzīmēts.
attendance-similar-title = Iespējams, šī persona jau ir zināma
attendance-similar-present = jau atzīmēts šajā pasākumā
attendance-similar-registered = pieteicies šim pasākumam
attendance-similar-person = ir reģistrā
attendance-who-is-this = Kas ir šis dalībnieks?
attendance-someone-else = Cita persona — pievienot kā jaunu
attendance-possible-duplicate = Atrasta persona ar tādu pašu vārdu vai e-pastu. Izvēlieties, vai tā ir viņa, vai cita persona.
attendance-already-present = Šī persona jau ir atzīmēta šajā pasākumā.
attendance-closed = Šim pasākumam dalību vairs nevar atzīmēt.
attendance-organisation-registry = Organizācija no reģistra
attendance-organisation-other = Cita organizācija (ja nav reģistrā)
attendance-stats-explained = Jautājiet tikai tad, ja dalībnieks piekrīt atbildēt. Atbildes izmanto tikai apkopotā statistikā.
attendance-stats-consent = Persona piekrīt, ka šīs atbildes izmanto dalības statistikā.

category-state-authority = Valsts iestāde
category-municipal-authority = Pašvaldība vai tās iestāde
category-ngo = Nevalstiskā organizācija (ne romu)
category-roma-representative = Romu pārstāvji
category-mediator = Romu mediatori
category-international-partner = Starptautiski partneri
category-expert = Eksperti
category-media = Mediji
category-other = Cits

stats-title = Dalības statistika
stats-public-intro = Cik cilvēku piedalījušies platformas publiskajos pasākumos. Katru personu skaita vienu reizi, lai cik pasākumos viņa būtu piedalījusies.
stats-exact-intro = Precīzi skaitļi koordinatoriem. Katru personu skaita vienu reizi, lai cik pasākumos viņa būtu piedalījusies.
stats-from = No
stats-to = Līdz
stats-any = Visi
stats-series = Sērija
stats-territory = Pasākuma vieta (pilsēta vai novads)
stats-show = Rādīt
stats-totals = Kopā
stats-events = Notikušie pasākumi
stats-participations = Dalības reizes
stats-participants = Dalībnieki (katrs vienu reizi)
stats-youth = Jaunieši
stats-places = Pārstāvētās Latvijas pilsētas un novadi
stats-youth-definition = Jaunieši: { $range } gadi — pēc vecuma gados, ja tas zināms (no reģistra dzimšanas gada), citādi tikai tie, kuru vecuma grupa pilnībā iekļaujas šajās robežās (pieteikumā un pie ieejas jautā grupu, ne vecumu).
stats-latest-rule = Personas kategoriju, vietu un vecumu nosaka pēc viņas pēdējās dalības periodā.
stats-disclosure = Lai neviens nebūtu atpazīstams, skaitļi no 1 līdz 9 ir parādīti kā "<10", citi — noapaļoti līdz 5; "…" slēpj skaitli, no kura varētu aprēķināt slēpto.
stats-by-category = Dalībnieki pēc ieinteresētās puses kategorijas
stats-by-gender = Dalībnieki pēc dzimuma
stats-by-age = Dalībnieki pēc vecuma grupas
stats-by-roma = Dalībnieki pēc romu piederības (pašu norādītas)
stats-by-region = Dalībnieki pēc plānošanas reģiona
stats-region-none = Nav norādīta vieta Latvijā
stats-not-stated = Nav norādīts
stats-col-measure = Rādītājs
stats-col-item = Grupa
stats-col-count = Skaits
stats-export-csv = Lejupielādēt CSV
stats-export-xlsx = Lejupielādēt XLSX
stats-date-invalid = Izvēlieties datumu kalendārā vai ierakstiet to, piemēram, 2026-12-10.
stats-dates-order = Beigu datums nevar būt pirms sākuma datuma.
nav-statistics = Statistika

attendance-import = Importēt parakstu lapu
attendance-import-title = Parakstu lapas imports
attendance-import-intro = Ieskenētu un pārrakstītu parakstu lapu var ielādēt kā CSV vai XLSX failu. Vispirms redzēsiet, kas notiks ar katru rindu; nekas netiek saglabāts, kamēr neapstiprināsiet.
attendance-import-col-name = Dalībnieka vārds un uzvārds (obligāti)
attendance-import-col-email = Ja norādīts, pēc tā atrod pieteikumu vai personu reģistrā
attendance-import-col-organisation = Organizācijas nosaukums; reģistrā esošu atrod pēc nosaukuma
attendance-import-col-category = Ja nav norādīta, to nosaka automātiski (state_authority, municipal_authority, ngo, roma_representative, mediator, international_partner, expert, media, other)
attendance-import-col-stats = Dzimums (sieviete, vīrietis, cits), vecums gados vai grupa (18-24, 65+), romu piederība (jā, nē) — tikai ar piekrišanu
attendance-import-col-consent = "jā", ja dalībnieks piekrita atbilžu izmantošanai statistikā; citādi atbildes netiek saglabātas
attendance-import-no-name = Failā nav kolonnas ar dalībnieku vārdiem ("Vārds, uzvārds").
attendance-import-bad-category = nezināma kategorija
attendance-import-bad-answer = nesaprotama atbilde par dzimumu, vecumu vai romu piederību
attendance-import-stats-dropped = statistikas atbildes netiks saglabātas, jo nav piekrišanas
attendance-import-twice = šī persona failā jau ir augstāk
attendance-import-match = Atrasts pieteikums vai persona reģistrā
attendance-import-add = Jauns dalībnieks
attendance-import-present = Izlaists
attendance-import-reject = Netiks ielādēts
attendance-import-changed = Kopš priekšskatījuma kāds jau tika atzīmēts vai dati mainījās, tāpēc nekas netika saglabāts. Augšupielādējiet failu vēlreiz.
attendance-import-usable = { $count ->
    [0] Nav nevienas rindas, ko ielādēt.
    [one] Tiks ielādēta { $count } rinda.
    [zero] Tiks ielādētas { $count } rindas.
   *[other] Tiks ielādētas { $count } rindas.
}
attendance-imported-notice = Parakstu lapa importēta.

## Invitations

invitations-title = Ielūgumi
invitations-link = Ielūgumi un atbildes
invitations-people = Ielūgt personas no reģistra
invitations-choose-people = Personas
invitations-people-hint = Var izvēlēties vairākas (Ctrl vai Cmd + klikšķis). Redzamas tikai personas ar e-pasta adresi.
invitations-organisations = Ielūgt organizācijas pēc veida un vietas
invitations-organisations-hint = Ielūgums tiek nosūtīts uz organizācijas e-pastu. Organizācijas bez e-pasta tiek saskaitītas, bet netiek ielūgtas.
invitations-place = Vieta (pilsēta, novads vai tajā esoša vieta)
invitations-preview = Skatīt, kas saņems ielūgumu
invitations-region = Plānošanas reģions
invitation-none-match = Neviena organizācija neatbilst izvēlei. Mainiet veidu, reģionu vai vietu.
invitations-preview-title = Kas saņems ielūgumu
invitations-preview-count = { $count ->
        [0] Nevienam jauns ielūgums netiks sūtīts.
        [one] Ielūgumu nosūtīs uz { $count } adresi.
       *[other] Ielūgumu nosūtīs uz { $count } adresēm.
    }
invitations-preview-who = Adresāti
invitations-preview-recipient = Adresāts (cilvēks vai organizācija)
invitations-preview-mail = Ielūgums
invitations-preview-new = Tiks nosūtīts
invitations-preview-already = Jau nosūtīts — otrreiz netiks sūtīts
invitations-preview-send = { $count ->
        [one] Sūtīt { $count } ielūgumu
       *[other] Sūtīt { $count } ielūgumus
    }
invitations-preview-back = Atpakaļ, neko nesūtot
invitations-sent = Nosūtītie ielūgumi
invitations-sent-at = Nosūtīts
invitations-none = Ielūgumi vēl nav sūtīti.
invitation-accepted = Pieņemts
invitation-declined = Atteikts
invitation-no-answer = Nav atbildes
invitation-sent-notice = { $count ->
    [0] Neviens jauns ielūgums netika nosūtīts.
    [one] Nosūtīts { $count } ielūgums.
    [zero] Nosūtīti { $count } ielūgumi.
   *[other] Nosūtīti { $count } ielūgumi.
}
invitation-skipped-notice = { $count ->
    [one] { $count } adresātam ielūgums jau bija nosūtīts.
   *[other] { $count } adresātiem ielūgums jau bija nosūtīts.
}
invitation-no-email-notice = { $count ->
    [one] { $count } organizācijai nav e-pasta adreses.
   *[other] { $count } organizācijām nav e-pasta adreses.
}
invitation-choose-people = Izvēlieties vismaz vienu personu.
invitation-choose-filter = Izvēlieties organizācijas veidu, vietu vai abus.
invitation-closed = Ielūgumus var sūtīt tikai publicētam pasākumam, kurā notiek pieteikšanās.
invitation-title = Ielūgums
invitation-accept = Pieņemt ielūgumu un pieteikties
invitation-invited-organisation = Ielūgtā organizācija
invitation-attendee-explained = Ielūgums ir organizācijai. Norādiet, kas no jums ieradīsies: pieteikums būs uz šī cilvēka vārda.
invitation-attendee = Vārds, uzvārds (kas ieradīsies)
invitation-attendee-invalid = Ierakstiet tā cilvēka vārdu un uzvārdu, kas ieradīsies.
invitation-attendee-email = Šī cilvēka e-pasts
invitation-attendee-email-hint = Uz to nosūtīsim pieteikuma saiti. Ja atstājat tukšu, saiti saņems organizācijas adrese.
invitation-attendee-mailed = Paldies! Uz norādīto e-pasta adresi nosūtījām vēstuli: pieteikums jāapstiprina ar tajā esošo saiti 48 stundu laikā.
invitation-decline = Atteikties
invitation-declined-notice = Paldies par atbildi. Jūsu atteikums ir saņemts; ja pārdomāsiet, ielūgumu var pieņemt šeit pat.
invitation-answered = Uz šo ielūgumu jau ir atbildēts.
mail-invitation-subject = Ielūgums: { $event }
mail-invitation-body = Labdien, { $name }!

    Aicinām jūs uz pasākumu „{ $event }” ({ $when }).

    Lūdzu, atbildiet šeit — pieņemiet ielūgumu vai atsakieties:

    { $link }

## Minutes and follow-up actions

minutes-title = Protokols
minutes-link = Protokols un turpmākās darbības
minutes-summary-lv = Kopsavilkums latviski
minutes-summary-en = Kopsavilkums angliski
minutes-decisions-lv = Lēmumi latviski
minutes-decisions-en = Lēmumi angliski
minutes-recommendations-lv = Darba grupu ieteikumi latviski
minutes-recommendations-en = Darba grupu ieteikumi angliski
minutes-is-published = Protokols ir publicēts pasākuma publiskajā lapā.
minutes-is-internal = Protokols ir redzams tikai darba vietā.
minutes-publish = Publicēt protokolu
minutes-withdraw = Noņemt protokolu no publiskās lapas
minutes-published-notice = Protokols publicēts.
minutes-withdrawn-notice = Protokols noņemts no publiskās lapas.
minutes-empty = Vispirms ierakstiet un saglabājiet protokola tekstu latviski.
minutes-public-title = Protokols
actions-title = Turpmākās darbības
actions-intro = Sanāksmēs nolemtās darbības, par kurām atbild jūsu organizācija. Kavētās ir augšā.
actions-intro-all = Sanāksmēs nolemtās darbības, par kurām atbild visas organizācijas. Kavētās ir augšā.
actions-none = Nav darbību.
actions-show-all = Rādīt arī paveiktās un atceltās
actions-show-pending = Rādīt tikai nepabeigtās
actions-overdue-count = { $count ->
    [one] { $count } darbība kavējas.
   *[other] { $count } darbības kavējas.
}
actions-from-series = Nepabeigtās darbības no iepriekšējām šīs sērijas sanāksmēm
action-what = Darbība
action-what-lv = Darbība latviski
action-what-en = Darbība angliski
action-owner = Atbildīgā organizācija
action-due = Termiņš
action-decided-at = Nolemts
action-overdue = kavējas
action-new = Jauna darbība
action-add = Pievienot darbību
action-created-notice = Darbība pievienota.
action-title-invalid = Ierakstiet, kas jādara (līdz 500 zīmēm).
action-owner-invalid = Izvēlieties atbildīgo organizāciju no saraksta.
action-status-open = Atvērta
action-status-in-progress = Tiek veikta
action-status-done = Paveikta
action-status-dropped = Atcelta
action-status-unchanged = Statuss nemainās
action-notes = Gaita
action-notes-none = Vēl nav ierakstu.
action-progress = Ierakstīt gaitu
action-note = Piezīme
action-note-hint = Kas paveikts; atceļot darbību — iemesls.
action-new-status = Jauns statuss
action-drop-reason = Atceļot darbību, ierakstiet iemeslu.
action-note-empty = Ierakstiet piezīmi vai izvēlieties jaunu statusu.
nav-actions = Darbības
minutes-summary = Kopsavilkums
minutes-decisions = Lēmumi
minutes-recommendations = Darba grupu ieteikumi

## Feedback

feedback-title = Atsauksmes
feedback-link = Atsauksmes
feedback-asked = Aptauja nosūtīta
feedback-answers = Atbildes
feedback-good-share = Novērtē kā labu vai ļoti labu
feedback-to-ask = { $count ->
    [0] Visi dalībnieki ar e-pasta adresi jau ir aptaujāti.
    [one] Aptauju var nosūtīt vēl { $count } dalībniekam.
   *[other] Aptauju var nosūtīt vēl { $count } dalībniekiem.
}
feedback-send = Nosūtīt aptauju dalībniekiem
feedback-sent-notice = { $count ->
    [0] Neviena aptauja netika nosūtīta.
    [one] Aptauja nosūtīta { $count } dalībniekam.
   *[other] Aptauja nosūtīta { $count } dalībniekiem.
}
feedback-not-held = Aptauju var sūtīt, kad pasākums ir noticis.
feedback-nobody-to-ask = Nav neviena dalībnieka ar e-pasta adresi, kam nosūtīt aptauju: neviens vēl nav aptaujāts.
attendance-not-started = Dalību var atzīmēt no pasākuma dienas.
minutes-not-started = Protokolu var rakstīt, kad sanāksme ir sākusies.
event-not-started = Pasākumu var atzīmēt kā notikušu, kad tas ir sācies.
event-happened-date = Pasākums jau ir noticis (tam ir dalībnieki, protokols vai statuss «noticis»): tā sākumu nevar pārcelt uz nākotni.
event-held-after-start = Kad pasākums būs sācies, to varēs atzīmēt kā notikušu; pēc tam — rakstīt protokolu un lūgt atsauksmes.
feedback-by-rating = Atbildes pēc vērtējuma
feedback-score = Vērtējums
feedback-rating = Kopvērtējums
feedback-usefulness = Noderīgums
feedback-comments = Komentāri
feedback-survey-title = Atsauksme par pasākumu
feedback-anonymous = Aptauja ir anonīma: atbildi nevar sasaistīt ar jums. To var iesniegt vienu reizi.
feedback-rating-question = Kā jūs kopumā vērtējat pasākumu?
feedback-usefulness-question = Cik noderīgs pasākums bija jūsu darbam?
feedback-5 = 5 — ļoti labi
feedback-4 = 4 — labi
feedback-3 = 3 — vidēji
feedback-2 = 2 — slikti
feedback-1 = 1 — ļoti slikti
feedback-comment = Komentāri un ieteikumi
feedback-comment-hint = Lūdzu, nenorādiet vārdus vai citus datus, pēc kuriem var atpazīt cilvēkus.
feedback-submit = Iesniegt atsauksmi
feedback-thanks = Paldies! Jūsu atsauksme ir saņemta.
feedback-used = Ar šo saiti atsauksme jau ir iesniegta.
feedback-rating-missing = Izvēlieties kopvērtējumu.
feedback-public-share = { $share } % dalībnieku pasākumu novērtēja kā labu vai ļoti labu.
mail-feedback-subject = Jūsu viedoklis: { $event }
mail-feedback-body = Labdien, { $name }!

    Paldies, ka piedalījāties pasākumā „{ $event }”. Lūdzu, atbildiet uz trim jautājumiem — aptauja ir anonīma:

    { $link }

## Documents

documents-title = Dokumenti
documents-link = Dokumenti
documents-public-title = Dokumenti
documents-none = Dokumentu vēl nav.
document-title = Nosaukums
document-agenda-item = Darba kārtības punkts
document-whole-event = Viss pasākums
document-kind-size = Veids un lielums
document-public = Publisks
document-public-yes = jā
document-public-no = nē
document-add = Pievienot dokumentu
document-file-hint = PDF, DOCX, XLSX, ODT, JPEG vai PNG, līdz { $mb } MB. Fotogrāfijām tiek noņemti metadati (EXIF: fotoaparāts, laiks, vieta).
document-public-label = Rādīt pasākuma publiskajā lapā
document-upload = Augšupielādēt
document-added-notice = Dokuments pievienots.
document-removed-notice = Dokuments noņemts.
document-title-invalid = Ierakstiet dokumenta nosaukumu (līdz 300 zīmēm).
document-too-large = Fails ir pārāk liels.
document-type-refused = Šāda veida failu nevar pievienot: der PDF, DOCX, XLSX, ODT, JPEG vai PNG (veidu nosaka pēc satura, ne pēc nosaukuma).
document-damaged = Failu nevar nolasīt: tas šķiet bojāts.
document-unpacks-too-far = Failu nevar pievienot: atpakots tas būtu daudzkārt lielāks, nekā šāds dokuments var būt. Saglabājiet to no jauna vai kā PDF.

attendance-erase-answers = Dzēst atbildes (piekrišana atsaukta)
attendance-erased-notice = Šī dalībnieka dzimums, vecums un romu piederība ir dzēsti visos pasākumos.

# Jautājumi un vajadzības (dialogs)
need-status-new = Jauns
need-status-assigned = Nodots iestādei
need-status-answered = Atbildēts
need-status-closed = Slēgts
need-status-merged = Apvienots ar citu
need-concern-children = Bērni
need-concern-youth = Jaunieši
need-concern-women = Sievietes
need-concern-families = Ģimenes
need-concern-community = Kopiena
need-source-public = Publiskā veidlapa
need-source-workspace = Platformā
needs-title = Jautājumi un vajadzības
needs-intro = Kopienas jautājumi un vajadzības, ko izvirzījusi jūsu organizācija vai kas nodoti tai atbildēt. Koordinatori katru nodod atbildīgajai iestādei ar atbildes termiņu.
needs-none = Šobrīd nav neviena jautājuma.
need-new = Izvirzīt jautājumu vai vajadzību
need-new-hint = Aprakstiet, kas notiek, kur un ko tas skar. Koordinatori to nodos iestādei, kas var atbildēt.
need-raise = Izvirzīt
need-raised-notice = Jautājums izvirzīts. Koordinatori to nodos atbildīgajai iestādei.
need-number = Jautājums Nr. { $number }
need-title = Īsi: par ko ir jautājums
need-description = Apraksts
need-area = Joma
need-place = Vieta
need-concerns = Ko tas skar
need-source = Saņemts
need-standing = Stāvoklis
need-institution = Atbildīgā iestāde
need-due-by = atbildes termiņš: { $date }
need-late-since = atbilde kavējas; termiņš bija: { $date }
need-merged-into = Apvienots ar
need-close-reason = Slēgšanas iemesls
need-answer = Atbilde
need-answered-late = atbildēts pēc termiņa
need-answer-give = Iestādes atbilde
need-answer-send = Nosūtīt atbildi
need-triage = Nodot, apvienot vai slēgt
need-due-on = Atbildes termiņš
need-assign = Nodot iestādei
need-merge-into = Apvienot ar jautājumu Nr.
need-merge = Apvienot
need-close = Slēgt bez atbildes
need-history = Gaita
need-step-raised = izvirzīts
need-step-assigned = nodots iestādei
need-step-answered = atbildēts
need-step-closed = slēgts
need-step-merged = apvienots ar
need-assigned-notice = Jautājums nodots iestādei; tās lietotāji to redz savā sarakstā.
need-answered-notice = Atbilde saglabāta.
need-closed-notice = Jautājums slēgts.
need-merged-notice = Jautājums apvienots; turpmāk sekojiet tam, ar ko tas apvienots.
need-title-missing = Īsi uzrakstiet, par ko ir jautājums.
need-description-missing = Aprakstiet jautājumu vai vajadzību.
need-area-missing = Izvēlieties jomu.
need-status-changed = Jautājuma stāvoklis pa to laiku mainījies; šis solis vairs neatbilst.
need-merge-invalid = Norādiet cita, neapvienota jautājuma numuru.
need-organisation-missing = Izvēlieties iestādi.
need-due-past = Termiņš nevar būt pagātnē.
need-answer-missing = Uzrakstiet atbildi.
need-reason-missing = Norādiet, kāpēc jautājums tiek slēgts.
nav-needs = Jautājumi
need-column = Jautājums
need-area-choose = Izvēlieties jomu
need-meeting = Sanāksme, kurā tas izskanēja
need-public = Publiski
need-public-page = Publiskā lapa
need-publish-heading = Publicēt jautājumu un atbildi
need-publish-consented = Ir piekrišana publicēt jautājumu un atbildi, kā uzrakstīts. Vārdi un adreses netiek rādīti nekad.
need-publish-not-consented = Piekrišanas publicēt, kā uzrakstīts, nav: pirms publicēšanas izņemiet vārdus un visu, kas var norādīt uz konkrētu cilvēku vai ģimeni, un atzīmējiet to zemāk.
need-publish-place = Vieta publiskajā lapā: { $place } (nekad mazāka par novadu vai valstspilsētu).
need-publish-no-place = Vieta nav norādīta; publiskajā lapā vietas nebūs.
need-public-title = Virsraksts publiskajā lapā
need-public-question = Jautājums publiskajā lapā
need-public-answer = Atbilde publiskajā lapā
need-anonymised = Teksts ir anonimizēts: tajā nav vārdu un nekā, kas norāda uz konkrētu cilvēku vai ģimeni
need-publish = Publicēt
need-publish-again = Saglabāt publisko tekstu
need-withdraw = Izņemt no publiskās lapas
need-link-heading = Saistība ar rīcību, pasākumu vai praksi
need-link-action = Turpmākā rīcība
need-link-measure = Plāna pasākums
need-link-practice = Labā prakse
need-link-save = Saglabāt saistību
need-step-published = publicēts
need-step-withdrawn = izņemts no publiskās lapas
need-step-linked = norādīta saistība
need-published-notice = Jautājums un atbilde publicēti.
need-withdrawn-notice = Jautājums vairs nav publiskajā lapā.
need-linked-notice = Saistība saglabāta.
need-publish-refused = Publicēt var tikai atbildētu jautājumu, turklāt ar piekrišanu, kas dota, to uzdodot, vai anonimizētu.
need-publish-stale = Kāds cits pa to laiku saglabāja šo jautājumu; pārbaudiet tekstu un saglabājiet vēlreiz.
need-anonymise-first = Piekrišanas publicēt, kā uzrakstīts, nav: anonimizējiet tekstu un atzīmējiet šo.
need-email-for-contact = Norādiet e-pasta adresi, uz kuru rakstīt.
need-contact-consent-missing = Ja norādāt adresi, atzīmējiet, ka piekrītat, ka rakstām uz to; citādi atstājiet adresi tukšu.
question-ask = Uzdot jautājumu vai pastāstīt par vajadzību
question-ask-hint = Pastāstiet, kas notiek, kur un ko tas skar. Koordinatori Kultūras ministrijā to nodos iestādei, kas var atbildēt. Vārds un adrese nav obligāti.
question-sent-title = Paldies, jautājums saņemts.
question-sent-explained = Koordinatori to nodos atbildīgajai iestādei. Ja norādījāt adresi, rakstīsim par katru soli.
question-ask-another = Uzdot vēl vienu jautājumu
question-about-you = Par jums (nav obligāti)
question-about-you-hint = Ja vēlaties saņemt ziņu par atbildi, norādiet e-pasta adresi un atzīmējiet piekrišanu. Adresi izmantojam tikai šim jautājumam un izdzēšam gadu pēc tā noslēgšanas.
question-contact-consent = Piekrītu, ka uz šo adresi raksta par šo jautājumu
question-public-consent = Piekrītu, ka jautājumu un atbildi publicē platformas publiskajā lapā (bez vārda un adreses)
question-privacy = Kā apstrādājam jūsu datus:
question-privacy-link = privātuma paziņojums
question-send = Nosūtīt
questions-title = Jautājumi un atbildes
questions-intro = Kopienu jautājumi un vajadzības, uz kurām atbildējušas atbildīgās iestādes. Vietas norādītas ne sīkāk par novadu vai valstspilsētu; vārdu nav.
questions-feed = Jaunās atbildes (Atom plūsma)
questions-search-label = Meklēt jautājumos
questions-search-hint = Vārdi virsrakstā, jautājumā vai atbildē; garumzīmes nav jāraksta.
questions-found = { $count ->
    [0] Neviens jautājums netika atrasts.
    [zero] Atrasti { $count } jautājumi
    [one] Atrasts { $count } jautājums
   *[other] Atrasti { $count } jautājumi
}
question-answered-on = atbildes datums: { $date }
question-answered = Atbildēts
question-on-time = laikā
question-question = Jautājums
mail-need-raised-subject = Jautājums Nr. { $number } saņemts
mail-need-raised-body = Labdien!

    Jūsu jautājums „{ $title }” ir saņemts ar Nr. { $number }. Koordinatori to nodos iestādei, kas var atbildēt, un mēs jums rakstīsim par katru soli.

    Latvijas romu platforma
mail-need-assigned-subject = Jautājums Nr. { $number } nodots iestādei
mail-need-assigned-body = Labdien!

    Jautājums „{ $title }” (Nr. { $number }) nodots iestādei „{ $organisation }”, atbildes termiņš: { $date }.

    Latvijas romu platforma
mail-need-institution-subject = Jums nodots jautājums Nr. { $number }: { $title }
mail-need-institution-body = Labdien!

    Koordinatori jūsu iestādei „{ $organisation }” nodeva jautājumu „{ $title }” (Nr. { $number }). Atbildes termiņš: { $date }. Atbildēt var šeit:

    { $link }

    Latvijas romu platforma
mail-need-answered-subject = Atbilde uz jautājumu Nr. { $number }
mail-need-answered-body = Labdien!

    Uz jautājumu „{ $title }” (Nr. { $number }) atbildēts:

    { $text }

    Latvijas romu platforma
mail-need-closed-subject = Jautājums Nr. { $number } slēgts
mail-need-closed-body = Labdien!

    Jautājums „{ $title }” (Nr. { $number }) slēgts bez atbildes. Iemesls:

    { $text }

    Latvijas romu platforma
mail-need-merged-subject = Jautājums Nr. { $number } apvienots ar līdzīgu
mail-need-merged-body = Labdien!

    Jautājums „{ $title }” (Nr. { $number }) ir tāds pats kā agrāk uzdotais Nr. { $other }, tāpēc tie apvienoti. Kad uz to atbildēs, jums rakstīsim.

    Latvijas romu platforma
mail-need-published-subject = Atbilde uz jautājumu Nr. { $number } publicēta
mail-need-published-body = Labdien!

    Jautājums „{ $title }” (Nr. { $number }) un atbilde uz to publicēti platformas lapā (bez jūsu vārda un adreses):

    { $link }

    Latvijas romu platforma
attention-needs-new = Jauni jautājumi un vajadzības, kas gaida nodošanu iestādei
attention-needs-late = Jautājumi, uz kuriem iestāde nav atbildējusi termiņā
attention-needs-to-answer = Jautājumi, kas nodoti jūsu iestādei atbildēt
nav-services = Pakalpojumi
services-title = Pakalpojumi un iespējas
services-intro = Programmas un pakalpojumi, kas var palīdzēt romu ģimenēm: nodarbinātība, atbalsts izglītībā, sociālie pakalpojumi, veselība, mājoklis, ESF+ projekti un granti organizācijām. Sarakstā ir tikai spēkā esošie.
services-search-label = Meklēt pakalpojumus
services-search-hint = Vārdi nosaukumā, aprakstā, nosacījumos vai sniedzēja nosaukumā; garumzīmes nav jāraksta.
services-found = { $count ->
    [0] Neviens pakalpojums netika atrasts.
    [zero] Atrasti { $count } pakalpojumi
    [one] Atrasts { $count } pakalpojums
   *[other] Atrasti { $count } pakalpojumi
}
services-manage-title = Pakalpojumu katalogs: jūsu ieraksti
services-manage-intro = Pakalpojumi un programmas, ko sniedz jūsu organizācija (koordinatori redz visus). Ieraksts publiskajā katalogā ir no sākuma līdz beigu datumam; mēnesi pirms beigām jūsu organizācijas lietotāji saņem atgādinājumu.
services-no-organisation = Jūsu kontam nav piesaistīta organizācija, tāpēc jums nav ierakstu, ko uzturēt.
services-none = Ierakstu vēl nav.
service-new = Jauns pakalpojums
service-edit = Labot pakalpojumu
service-saved-notice = Pakalpojums saglabāts.
service-withdrawn-note = Šis pakalpojums ir izņemts no publiskā kataloga.
service-withdraw = Izņemt no publiskā kataloga
service-restore = Atjaunot publiskajā katalogā
service-title-lv = Nosaukums (latviski)
service-title-en = Nosaukums (angliski)
service-summary-lv = Īss apraksts (latviski)
service-summary-en = Īss apraksts (angliski)
service-kind = Veids
service-kind-choose = Izvēlieties veidu
service-provider = Sniedzējs
service-provider-choose = Izvēlieties organizāciju
service-target-groups = Kam paredzēts
service-places = Kur pieejams
service-places-hint = Izvēlieties vienu vai vairākus novadus vai valstspilsētas (ar Ctrl vai Shift); ja neizvēlaties nevienu, pakalpojums ir pieejams visā Latvijā.
service-place = Vieta
service-all-latvia = Visā Latvijā
service-eligibility = Kas var saņemt
service-how-to-apply = Kā pieteikties
service-contact = Kontakti
service-cost = Maksa
service-languages = Valodas, kurās sazināties
service-link = Saite
service-valid = Spēkā
service-valid-from = Spēkā no
service-valid-to = Spēkā līdz
service-valid-to-day = beigu datums: { $date }
service-standing-current = Spēkā
service-standing-coming = Vēl nav sācies
service-standing-ended = Beidzies
service-standing-withdrawn = Izņemts no kataloga
service-title-missing = Ierakstiet nosaukumu latviski.
service-summary-missing = Īsi aprakstiet pakalpojumu latviski.
service-kind-missing = Izvēlieties pakalpojuma veidu.
service-provider-missing = Izvēlieties sniedzēju.
service-link-invalid = Ierakstiet tīmekļa adresi, piemēram, https://www.nva.gov.lv.
service-dates-order = Beigu datums nevar būt pirms sākuma datuma.
service-stale = Kāds cits pa to laiku saglabāja šo ierakstu; pārbaudiet laukus un saglabājiet vēlreiz.
service-kind-employment = Nodarbinātība
service-kind-education = Atbalsts izglītībā
service-kind-social = Sociālie pakalpojumi
service-kind-health = Veselība
service-kind-housing = Mājoklis
service-kind-esf = ESF+ projekts
service-kind-grants = Granti organizācijām
service-kind-other = Cits
mail-service-ending-subject = Pakalpojuma „{ $title }” beigu datums: { $date }
mail-service-ending-body = Labdien!

    Pakalpojumu katalogā ieraksta „{ $title }” beigu datums ir { $date }. Pēc tam tas pazudīs no publiskā kataloga. Ja pakalpojums turpinās, pagariniet termiņu:

    { $link }

    Latvijas romu platforma
question-too-many = Pēdējā stundā saņemts ļoti daudz jautājumu. Lūdzu, mēģiniet vēlreiz pēc brīža.
need-public-consent-recorded = Ir piekrišana, ka jautājumu un atbildi publicē, kā uzrakstīts (bez vārdiem)
need-public-contact = Publiskajā tekstā nedrīkst būt e-pasta adreses, tālruņa numuri vai tā cilvēka vārds, kas jautājumu izvirzīja; izņemiet tos.
need-anonymise-unchanged = Teksts ir tāds pats, kā iesniegts, un piekrišanas publicēt to nav: izņemiet vārdus, mazākas vietas par novadu un visu, kas norāda uz cilvēku, un pārrakstiet to saviem vārdiem.
need-merged-into-number = jautājumu Nr. { $number }
service-withdrawn-notice = Pakalpojums izņemts no publiskā kataloga.
service-restored-notice = Pakalpojums atjaunots publiskajā katalogā.
figures-col-service = Pakalpojums
needs-intro-coordinator = Visi izvirzītie jautājumi un vajadzības — no platformas lietotājiem un no publiskās veidlapas. Nododiet katru atbildīgajai iestādei ar atbildes termiņu, apvienojiet dublikātus vai slēdziet ar iemeslu; atbildētos var publicēt.
nav-consultations = Apspriešanas
consultations-title = Apspriešanas
consultations-intro = Dokumentu projekti — plāni, ziņojumi, pasākumu saraksti —, par kuriem platforma aicina izteikties. Komentēt var pa sadaļām, kamēr apspriešana atvērta; pēc tam publicējam kopsavilkumu: kas ņemts vērā un kas ne, un kāpēc.
consultations-none = Apspriešanu vēl nav.
consultations-manage-title = Apspriešanas: sagatavošana un kopsavilkumi
consultations-manage-intro = Sagatavojiet apspriešanu (teksts pa sadaļām un datumi), publicējiet to, paslēpiet nepiemērotus komentārus ar iemeslu un pēc beigām atbildiet uz katru komentāru un publicējiet kopsavilkumu.
consultation-new = Jauna apspriešana
consultation-public-page = Publiskā lapa
consultation-document = Dokuments
consultation-title = Nosaukums
consultation-intro = Ievads: par ko ir apspriešana
consultation-kind = Dokumenta veids
consultation-kind-choose = Izvēlieties veidu
consultation-kind-plan = Plāns
consultation-kind-report = Ziņojums
consultation-kind-measures = Pasākumu saraksts
consultation-kind-other = Cits dokuments
consultation-opens-on = Atvērta no
consultation-closes-on = Atvērta līdz
consultation-public-comments = Komentēt var arī sabiedrība (bez pieteikšanās)
consultation-sections = Teksts pa sadaļām
consultation-sections-hint = Katru sadaļu sāciet ar rindu, kas sākas ar „## ” un virsrakstu, piemēram: „## 1. Izglītība”. Pēc pirmā komentāra sadaļas vairs nevar mainīt.
consultation-publish = Publicēt apspriešanu
consultation-publish-hint = Pēc publicēšanas apspriešana ir redzama visiem, un komentēt var no sākuma datuma.
consultation-comments = Komentāri
consultation-no-comments = Komentāru vēl nav.
consultation-by-user = No platformas (bez organizācijas)
consultation-by-public = Komentārs no sabiedrības
consultation-hidden = Komentārs paslēpts
consultation-hide-reason = Kāpēc paslēpt
consultation-hide = Paslēpt
consultation-outcome = Kas ar komentāru darīts
consultation-outcome-choose = Izvēlieties
consultation-response = Atbilde vai pamatojums
consultation-answer = Saglabāt atbildi
consultation-summary = Kopsavilkums
consultation-summary-hint = Kopsavilkumu var publicēt pēc apspriešanas beigām, kad katram redzamajam komentāram norādīts, kas ar to darīts. Tas paliek publisks kopā ar apspriešanu.
consultation-summary-publish = Publicēt kopsavilkumu
consultation-stage-draft = Sagatavošanā
consultation-stage-upcoming = Drīzumā
consultation-stage-open = Atvērta komentāriem
consultation-stage-closed = Noslēgusies, gaida kopsavilkumu
consultation-stage-summarised = Kopsavilkums publicēts
comment-outcome-taken-up = Ņemts vērā
comment-outcome-partly = Daļēji ņemts vērā
comment-outcome-not-taken-up = Nav ņemts vērā
consultation-comments-count = { $count ->
    [0] Komentāru nav
    [zero] { $count } komentāri
    [one] { $count } komentārs
   *[other] { $count } komentāri
}
consultation-how-to-comment = Komentējiet zem katras sadaļas. Komentāri ir publiski. Vārdi netiek rādīti; pie lietotāju komentāriem redzama tikai organizācija.
consultation-log-in-to-comment = Šajā apspriešanā komentēt var platformas lietotāji.
consultation-comment-on = Jūsu komentārs par sadaļu „{ $section }”
consultation-comment-send = Nosūtīt komentāru
consultation-comment-sent = Paldies, komentārs pievienots.
consultation-saved-notice = Apspriešana saglabāta.
consultation-published-notice = Apspriešana publicēta.
consultation-hidden-notice = Komentārs paslēpts.
consultation-answered-notice = Atbilde saglabāta.
consultation-summarised-notice = Kopsavilkums publicēts.
consultation-title-missing = Ierakstiet nosaukumu.
consultation-intro-missing = Īsi aprakstiet, par ko ir apspriešana.
consultation-kind-missing = Izvēlieties dokumenta veidu.
consultation-dates-order = Beigu datums nevar būt pirms sākuma datuma.
consultation-sections-missing = Ierakstiet tekstu ar vismaz vienu sadaļu („## Virsraksts”).
consultation-sections-start = Tekstam jāsākas ar sadaļas virsrakstu — rindu, kas sākas ar „## ”.
consultation-section-heading-missing = Aiz „## ” ierakstiet sadaļas virsrakstu.
consultation-sections-many = Ne vairāk kā 100 sadaļu.
consultation-sections-locked = Apspriešanai jau ir komentāri, tāpēc sadaļas vairs nevar mainīt.
consultation-stale = Kāds cits pa to laiku saglabāja šo apspriešanu; pārbaudiet laukus un saglabājiet vēlreiz.
consultation-reason-missing = Norādiet, kāpēc komentārs tiek paslēpts.
consultation-outcome-missing = Izvēlieties, kas ar komentāru darīts.
consultation-not-closed = Uz komentāriem atbild pēc apspriešanas beigām.
consultation-summary-missing = Uzrakstiet kopsavilkumu.
consultation-summary-early = Kopsavilkumu var publicēt pēc apspriešanas beigām, kad katram redzamajam komentāram norādīts, kas ar to darīts.
consultation-comment-missing = Uzrakstiet komentāru.
consultation-comment-closed = Šajā apspriešanā tagad komentēt nevar.
consultation-comment-contact = Komentāri ir publiski: nerakstiet tajos e-pasta adreses vai tālruņa numurus.
consultation-summarised-locked = Kopsavilkums jau publicēts, tāpēc apspriešanu vairs nevar mainīt.
consultation-log-in = Pieteikties
