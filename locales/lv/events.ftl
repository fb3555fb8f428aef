# Events.

nav-events = Pasākumi
events-title = Pasākumi
calendar-title = Pasākumu kalendārs
events-upcoming = Gaidāmie
events-past = Notikušie
events-none = Nav pasākumu.
event-new = Plānot jaunu pasākumu
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
