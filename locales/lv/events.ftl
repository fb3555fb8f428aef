# Events.

nav-events = Pasākumi
events-title = Pasākumi
calendar-title = Pasākumu kalendārs
events-upcoming = Gaidāmie
events-past = Notikušie
events-none = Nav pasākumu.
event-new = Plānot jaunu pasākumu
event-new-type = Jaunā pasākuma veids
event-new-title = Jauns pasākums
event-edit-title = Labot pasākumu
event-type = Pasākuma veids
event-when = Laiks
event-date = Datums
event-start = Sākums
event-end = Beigas
event-title-lv = Nosaukums latviski
event-title-en = Nosaukums angliski
event-description-lv = Apraksts latviski
event-description-en = Apraksts angliski
event-online-only = tiešsaistē
event-online = Tiešsaistes saite
event-series = Sērija (piemēram, ikgadējā koordinācijas sanāksme)
event-capacity = Vietu skaits
event-deadline = Reģistrācijas termiņš
event-host-country = Uzņēmējvalsts
event-target-group = Mērķgrupa
event-objectives = ES romu stratēģiskā satvara mērķi
event-organisations = Rīkotāji un partneri
event-organisers = Rīkotāji
event-partners = Partneri
event-partner = partneris
event-visibility = Redzamība
event-public = Publisks
event-invitation-only = Tikai ar ielūgumu
event-public-check = Publisks pasākums (redzams kalendārā, kad publicēts)
event-lifecycle = Pasākuma gaita
event-status-changed = Pasākuma statuss mainīts.
event-cancelled-notice = Pasākums ir atcelts.
event-type-invalid = Izvēlieties pasākuma veidu.
event-title-invalid = Ievadiet nosaukumu (līdz 300 rakstzīmēm).
text-too-long = Teksts ir pārāk garš.
text-line-break = Šajā laukā rakstiet vienā rindā: rindas pārnesumi un citas vadības rakstzīmes nav atļautas.
text-hidden-characters = Tekstā ir neredzamas rakstzīmes, kas maina teksta virzienu vai attēlojumu (piemēram, U+202E): izdzēsiet tās un ierakstiet tekstu no jauna.
time-invalid = Ievadiet laiku formā SS:MM.
time-order = Beigām jābūt pēc sākuma.
online-url-invalid = Ievadiet saiti, kas sākas ar https://.
capacity-invalid = Ievadiet vietu skaitu (1–100 000).
deadline-after-event = Reģistrācijas termiņš nevar būt pēc pasākuma.
event-type-annual-coordination = Ikgadējā koordinācijas sanāksme
event-type-regional-expert = Reģionālā ekspertu darba sanāksme
event-type-good-practice-visit = Labās prakses vizīte
event-type-interministerial = Starpministriju (augsta līmeņa) sanāksme
event-type-workshop = Darbnīca
event-type-mediators-seminar = Mediatoru pieredzes apmaiņas seminārs
event-type-cross-border-visit = Pārrobežu ekspertu vizīte
event-type-other = Cits pasākums
event-status-draft = Melnraksts
event-status-published = Publicēts
event-status-registration-closed = Reģistrācija slēgta
event-status-held = Noticis
event-status-reported = Atskaite sagatavota
event-status-cancelled = Atcelts
event-action-draft = Atgriezt melnrakstā
event-action-publish = Publicēt
event-action-close-registration = Slēgt reģistrāciju
event-action-held = Atzīmēt, ka noticis
event-action-reported = Atzīmēt, ka atskaite sagatavota
event-action-cancel = Atcelt pasākumu
objective-equality = Līdztiesība
objective-inclusion = Iekļaušana
objective-participation = Līdzdalība
objective-education = Izglītība
objective-employment = Nodarbinātība
objective-health = Veselība
objective-housing = Mājoklis
target-roma-youth = Romu jaunieši
target-roma-women = Romu sievietes
target-mixed = Jaukta grupa
audit-event-created = Pasākums izveidots
audit-event-updated = Pasākums mainīts
audit-event-status-changed = Pasākuma statuss mainīts
calendar-subscribe = Abonēt kalendāru (iCalendar)
calendar-atom = Nākamie pasākumi kā Atom plūsma
calendar-add = Pievienot savam kalendāram (.ics)

## Agenda
agenda-title = Darba kārtība
agenda-manage = Labot darba kārtību
agenda-back = Atpakaļ uz pasākumu
agenda-empty = Darba kārtībā vēl nav punktu.
agenda-time = Laiks
agenda-item = Punkts
agenda-speakers = Runātāji
agenda-up = Uz augšu
agenda-down = Uz leju
agenda-remove = Dzēst
agenda-removed = Punkts izņemts no darba kārtības.
agenda-add-item = Pievienot punktu
agenda-edit-item = Labot punktu
agenda-start = Sākums
agenda-end = Beigas
agenda-item-lv = Punkta nosaukums latviski
agenda-item-en = Punkta nosaukums angliski
agenda-speaker-people = Runātāji no personu reģistra
agenda-speaker-people-hint = Var izvēlēties vairākus (Ctrl vai ⌘ + klikšķis). Publiskajā lapā vārds redzams tikai tad, ja persona piekritusi publicēšanai.
agenda-speakers-text = Citi runātāji
agenda-title-invalid = Ievadiet punkta nosaukumu (līdz 300 zīmēm).
agenda-speaker-invalid = Izvēlētā persona nav atrasta reģistrā.
cancel = Atcelt

## Month view
month-title = { $year }. gada { $month ->
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
calendar-view-list = Saraksts
calendar-view-month = Mēneša skats
calendar-prev-month = Iepriekšējais mēnesis
calendar-next-month = Nākamais mēnesis
calendar-month-count = { $count ->
    [0] Šajā mēnesī pasākumu nav.
    [one] Šajā mēnesī ir { $count } pasākums.
   *[other] Šajā mēnesī ir { $count } pasākumi.
}
weekday-1 = pirmdiena
weekday-2 = otrdiena
weekday-3 = trešdiena
weekday-4 = ceturtdiena
weekday-5 = piektdiena
weekday-6 = sestdiena
weekday-7 = svētdiena
weekday-short-1 = P
weekday-short-2 = O
weekday-short-3 = T
weekday-short-4 = C
weekday-short-5 = Pk
weekday-short-6 = S
weekday-short-7 = Sv
calendar-today = šodien

## Registration
reg-title = Pieteikšanās
reg-register = Pieteikties
reg-organisation = Organizācija
reg-private-person = Piesakos kā privātpersona
reg-city = Pilsēta vai novads
reg-stats-legend = Statistikai (nav obligāti)
reg-stats-explained = Šīs atbildes palīdz platformai ziņot, cik dažādi cilvēki piedalās. Tās izmanto tikai apkopotā statistikā, kur mazi skaitļi netiek publicēti. Piederība romu kopienai ir īpašas kategorijas personas dati: norādiet to tikai tad, ja vēlaties.
reg-gender = Dzimums
reg-age-group = Vecuma grupa
reg-roma = Vai pieskaitāt sevi romu kopienai?
reg-not-stated = Nevēlos norādīt
reg-age-under-18 = līdz 17 gadiem
reg-age-18-24 = 18–24 gadi
reg-age-25-29 = 25–29 gadi
reg-age-30-49 = 30–49 gadi
reg-age-50-64 = 50–64 gadi
reg-age-65-plus = 65 gadi un vairāk
reg-roma-yes = Jā
reg-roma-no = Nē
reg-stats-consent = Piekrītu, ka manas statistikas atbildes (arī par piederību romu kopienai) tiek glabātas un izmantotas apkopotā veidā platformas pārskatos. Piekrišanu varu atsaukt, atceļot pieteikumu vai rakstot pasākuma rīkotājiem.
reg-notice = Paziņojums par datu apstrādi man ir zināms: Kultūras ministrija kā pārzinis apstrādā manu vārdu, e-pastu, organizāciju un pilsētu, lai organizētu pasākumu un ziņotu par tā dalībniekiem.
reg-submit = Pieteikties
reg-submit-waiting = Pieteikties gaidīšanas sarakstam
reg-full-title = Vietu vairs nav — var pieteikties gaidīšanas sarakstam
reg-full-explained = Visas vietas ir aizņemtas. Pieteikums nonāks gaidīšanas sarakstā; ja kāds atteiksies, atbrīvotā vieta tiks piedāvāta pēc kārtas, un jums par to paziņosim e-pastā.
reg-sent-waiting-title = Vēl viens solis: pieteikums ir gaidīšanas sarakstā — apstipriniet to e-pastā
reg-sent-waiting-explained = Vietu pašlaik nav, tāpēc pieteikums ir gaidīšanas sarakstā. Uz norādīto e-pasta adresi nosūtījām vēstuli ar saiti: apstipriniet pieteikumu 48 stundu laikā, lai tas paliktu sarakstā. Kad vieta atbrīvosies, to piedāvās pēc kārtas, un jums par to paziņosim e-pastā.
reg-name-invalid = Ievadiet savu vārdu un uzvārdu (līdz 200 zīmēm).
reg-organisation-missing = Ierakstiet organizāciju vai atzīmējiet, ka piesakāties kā privātpersona.
reg-choice-invalid = Izvēlieties no saraksta.
reg-stats-consent-missing = Lai saglabātu statistikas atbildes, atzīmējiet piekrišanu vai atstājiet atbildes neaizpildītas.
reg-notice-missing = Lai pieteiktos, apstipriniet, ka paziņojums par datu apstrādi jums ir zināms.
reg-duplicate = Ar šo e-pasta adresi uz pasākumu jau ir pieteikums. Saite uz to ir jūsu e-pastā.
reg-closed = Pieteikšanās uz šo pasākumu ir slēgta.
reg-too-many-recent = Pēdējā stundā uz šo pasākumu pieteicies ļoti daudz cilvēku. Lūdzu, mēģiniet vēlāk vai piesakieties pie rīkotājiem pa tālruni vai e-pastu.
reg-mine-title = Jūsu pieteikums
reg-event = Pasākums
reg-status-confirmed = Apstiprināts
reg-status-waiting = Gaidīšanas sarakstā
reg-status-cancelled = Atcelts
reg-cancel = Atcelt pieteikumu
reg-cancel-confirm-title = Atcelt pieteikumu pasākumam „{ $title }”?
reg-cancel-confirm-who = Pieteikums: { $name }.
reg-cancel-confirm-final = Atcelto pieteikumu nevar atjaunot: vieta tiks piedāvāta pēc kārtas no gaidīšanas saraksta, un, ja tomēr vēlaties ierasties, būs jāpiesakās no jauna (ja vēl būs vietas).
reg-cancel-confirm-button = Jā, atcelt pieteikumu
reg-cancel-confirm-back = Nē, paturēt pieteikumu
reg-registered-notice = Paldies! Pieteikums saņemts; apstiprinājums nosūtīts uz jūsu e-pastu.
reg-cancelled-notice = Pieteikums atcelts.
reg-link-private = Šī lapa ir pieejama tikai ar saiti no jūsu e-pasta; nepārsūtiet to citiem.
mail-registration-subject = Pieteikums: { $event }
mail-registration-body = Labdien, { $name }!

    Jūsu pieteikums uz pasākumu „{ $event }” ir saņemts. Statuss: { $status }.

    Pieteikumu varat apskatīt vai atcelt šeit:

    { $link }
mail-registration-promoted-subject = Jums ir vieta: { $event }
mail-registration-promoted-body = Labdien, { $name }!

    Pasākumā „{ $event }” atbrīvojās vieta, un jūsu pieteikums no gaidīšanas saraksta ir apstiprināts.

    Sava pieteikuma lapā redzat vietu un darba kārtību un, ja tomēr nevarat ierasties, varat pieteikumu atcelt, lai vietu saņem kāds no gaidīšanas saraksta:
    { $link }
reg-list-title = Pieteikumi
reg-list-link = Pieteikumi
reg-list-empty = Pieteikumu vēl nav.
reg-list-when = Pieteicās
reg-private = privātpersona
mail-event-cancelled-subject = Pasākums atcelts: { $event }
mail-event-cancelled-body = Labdien, { $name }!

    Diemžēl pasākums „{ $event }” ({ $when }) ir atcelts. Jūsu pieteikums vairs nav spēkā. Atvainojamies par sagādātajām neērtībām.

mail-event-cancelled-invited-body = Labdien, { $name }!

    Diemžēl pasākums „{ $event }” ({ $when }), uz kuru saņēmāt ielūgumu, ir atcelts. Uz ielūgumu vairs nav jāatbild. Atvainojamies par sagādātajām neērtībām.
event-cancelled-done = Pasākums atcelts. Paziņojums nosūtīts visiem pieteiktajiem un ielūgtajiem, kuriem ir e-pasta adrese.

# Registrations confirmed from the e-mail; registered by hand (issue 16)
mail-registration-confirm-subject = Apstipriniet pieteikumu: { $event }
mail-registration-confirm-body = Labdien!

    Saņēmām pieteikumu uz pasākumu „{ $event }” ar šo e-pasta adresi. Statuss: { $status }.

    Lai pieteikums paliktu spēkā, atveriet saiti un nospiediet „Apstiprināt pieteikumu”. Apstiprināšanas termiņš: { $until }.

    { $link }

    Ja nepieteicāties jūs, neko nedariet: neapstiprināts pieteikums tiks atcelts, un tajā ierakstītie dati netiks glabāti.
reg-sent-title = Vēl viens solis: apstipriniet pieteikumu e-pastā
reg-sent-explained = Uz norādīto e-pasta adresi nosūtījām vēstuli ar saiti. Atveriet to un apstipriniet pieteikumu norādītajā termiņā (ne vēlāk kā 48 stundu laikā); līdz tam pieteikums ir spēkā. Ja vēstule nav atnākusi, pārbaudiet mēstuļu mapi vai sazinieties ar pasākuma rīkotājiem.
reg-sent-another = Pieteikt vēl kādu
reg-pending-explained = Pieteikums vēl nav apstiprināts. Apstiprināšanas termiņš: { $until }. Ja pieteikums netiks apstiprināts, tas tiks atcelts un vieta atbrīvota citiem.
reg-confirm = Apstiprināt pieteikumu
reg-confirm-for = Apstiprināt pieteikumu: { $name }
reg-confirmed-notice = Paldies! Pieteikums apstiprināts.
reg-status-confirmed-pending = Vieta turēta; jāapstiprina no e-pasta
reg-status-waiting-pending = Gaidīšanas sarakstā; jāapstiprina no e-pasta
reg-status-released = Atbrīvots: netika apstiprināts laikā
reg-released-explained = Pieteikums netika apstiprināts 48 stundu laikā, tāpēc vieta tika atbrīvota citiem.
reg-register-again = Pieteikties vēlreiz
reg-pending-count = Gaida apstiprinājumu
reg-pending-title = Gaida apstiprinājumu no e-pasta
reg-pending-hint = Šie pieteikumi no publiskās formas tur vietu, līdz pieteicējs tos apstiprina ar saiti e-pastā. Ja tas nenotiek 48 stundu laikā, vieta tiek atbrīvota un gaidīšanas saraksts virzās uz priekšu. Ja pieteicējs ar jums sazinājās, apstipriniet pieteikumu šeit.
reg-confirm-until = Jāapstiprina līdz
reg-list-others = Pārējie pieteikumi
reg-add = Pieteikt dalībnieku
reg-add-title = Pieteikt dalībnieku
reg-add-explained = Personai, kas pieteicās pa tālruni vai klātienē. Pieteikums ir apstiprināts uzreiz (ja vietu nav, tas nonāk gaidīšanas sarakstā). Ja norādāt e-pastu, uz to tiks nosūtīta saite, kur pieteikumu apskatīt vai atcelt.
reg-add-private-person = Piesakās kā privātpersona
reg-add-lang = Vēstuļu valoda
reg-add-notice = Persona ir informēta par to, kā tiek apstrādāti tās dati (paziņojums par datu apstrādi)
reg-add-submit = Pieteikt
reg-add-name-invalid = Ievadiet dalībnieka vārdu un uzvārdu (līdz 200 zīmēm).
reg-add-organisation-missing = Ierakstiet organizāciju vai atzīmējiet „Piesakās kā privātpersona”.
reg-add-notice-missing = Atzīmējiet, ka persona ir informēta par datu apstrādi.
reg-added-notice = Pieteikums saglabāts; vieta piešķirta.
reg-confirmed-by-coordinator = Pieteikums apstiprināts.
reg-confirm-too-late = Šo pieteikumu vairs nevar apstiprināt: tas ir atcelts vai vieta jau atbrīvota.
reg-duplicate-by-hand = Ar šo e-pasta adresi uz pasākumu jau ir aktīvs pieteikums.
reg-closed-by-hand = Pieteikt var tikai uz publicētu pasākumu, kas vēl nav beidzies.
reg-by-hand-mark = ievadīts manuāli
reg-no-email = bez e-pasta
reg-release = Atbrīvot vietu
reg-release-for = Atbrīvot vietu: { $name }
reg-pending-actions = Darbības
reg-release-all = Atbrīvot visas neapstiprinātās vietas ({ $count })
reg-release-all-hint = Izmantojiet, ja pieteikumi ir acīmredzami izdomāti. Tiek atbrīvoti tikai šajā lapā redzamie neapstiprinātie pieteikumi; apstiprinātos tas neskar, un atbrīvotās vietas saņem gaidīšanas saraksts.
reg-released-notice = Neapstiprinātās vietas atbrīvotas.
reg-status-released-by-coordinator = Atbrīvots: neapstiprināts (atbrīvots manuāli)
reg-released-by-coordinator-explained = Pieteikums netika apstiprināts, un pasākuma rīkotāji tā vietu atbrīvoja citiem.
reg-places-taken = Aizņemtās vietas
reg-released-none = Neviena vieta netika atbrīvota: šie pieteikumi jau ir apstiprināti vai atcelti.
reg-data-removed = dati dzēsti (neapstiprināts)
reg-released-one = Vieta atbrīvota.
reg-added-waiting-notice = Pieteikums saglabāts gaidīšanas sarakstā: brīvu vietu nav. Kad vieta atbrīvosies, tā tiks piešķirta automātiski.
reg-pending-place = Vieta
reg-pending-holds = turēta
reg-add-notice-text = Paziņojums, ko pastāstīt: Kultūras ministrija kā pārzinis apstrādā personas vārdu, e-pastu, organizāciju un pilsētu, lai organizētu pasākumu un ziņotu par tā dalībniekiem. Pieteikumu var atcelt jebkurā laikā.
event-cancel-confirm-title = Atcelt pasākumu „{ $title }”?
event-cancel-confirm-mails = { $count ->
        [0] Nav neviena pieteikuma vai neatbildēta ielūguma ar e-pasta adresi, uz kuru paziņot par atcelšanu.
        [one] Paziņojumu par atcelšanu nosūtīs uz { $count } e-pasta adresi (pieteikumi un vēl neatbildētie ielūgumi).
       *[other] Paziņojumu par atcelšanu nosūtīs uz { $count } e-pasta adresēm (pieteikumi un vēl neatbildētie ielūgumi).
    }
event-cancel-confirm-final = Atcelšanu nevar atsaukt: pasākums paliek sarakstā kā atcelts, un pieteikties uz to vairs nevar.
event-cancel-confirm-button = Jā, atcelt pasākumu
event-cancel-confirm-back = Nē, atpakaļ uz pasākumu
