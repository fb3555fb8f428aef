# Logging in, passwords, the user's own account.

login-title = Pieteikšanās
login-submit = Ieiet
login-email-missing = Ievadiet e-pasta adresi.
login-password-missing = Ievadiet paroli.
login-failed = Nepareizs e-pasts vai parole.
login-throttled = Pārāk daudz neveiksmīgu mēģinājumu.
password-change-throttled = Pārāk daudz nepareizu pašreizējo paroļu. Lūdzu, mazliet uzgaidiet un mēģiniet vēlreiz.
login-wait-seconds = Mēģiniet vēlreiz pēc { $count ->
    [0] { $count } sekundēm
    [one] { $count } sekundes
   *[other] { $count } sekundēm
}.
login-wait-minutes = Mēģiniet vēlreiz pēc { $count ->
    [0] { $count } minūtēm
    [one] { $count } minūtes
   *[other] { $count } minūtēm
}.
set-password-title = Paroles iestatīšana
set-password-for = Iestatiet paroli kontam: { $name }
set-password-submit = Iestatīt paroli
set-password-invalid = Šī saite nav derīga: tā jau ir izmantota vai tai beidzies termiņš. Lūdziet koordinatoram jaunu saiti.
password-rules = Parolē jābūt vismaz 12 rakstzīmēm. Ieteicams vairāku vārdu teikums. Tā nedrīkst būt bieži lietota parole un nedrīkst saturēt jūsu vārdu vai e-pastu.
field-current-password = Pašreizējā parole
field-new-password = Jaunā parole
field-confirm-password = Jaunā parole vēlreiz
password-too-short = Parolē jābūt vismaz 12 rakstzīmēm.
password-too-long = Parole ir pārāk gara (ne vairāk kā 256 rakstzīmes).
password-common = Šī parole ir pārāk bieži lietota. Izvēlieties citu.
password-personal = Parole nedrīkst saturēt jūsu vārdu vai e-pasta adresi.
password-mismatch = Paroles nesakrīt.
password-current-wrong = Pašreizējā parole nav pareiza.
password-changed = Parole nomainīta. Citas jūsu sesijas ir beigtas.
change-password-title = Mainīt paroli
change-password-submit = Mainīt paroli
account-title = Mans konts
workspace-title = Darba vieta
workspace-welcome = Sveicināti, { $name }!

# The workspace home: what needs the user (issue 19)
attention-nothing = Šobrīd nekas negaida jūsu rīcību.
attention-total = { $count ->
    [one] Jūsu rīcību gaida { $count } lieta.
   *[other] Jūsu rīcību gaida { $count } lietas.
}
attention-urgent = Termiņš pienācis
attention-late = Kavējas
attention-all = Visas ({ $count })
attention-clear = Pārbaudīts, nekas negaida
attention-submitted-on = Iesniegts { $date }
attention-deadline = termiņš { $date }
attention-due = termiņš { $date }
attention-next-step-on = Nākamais solis { $date }
attention-last-contact = Pēdējais kontakts { $date }
attention-no-contact = Kontakta vēl nav
attention-of-age = 18 gadu vecums { $year }. gadā — piekrišana jālūdz pašai personai
attention-invited-at = ielūgums nosūtīts uz { $email }; atbildēt var šeit
attention-unconfirmed-count = { $count ->
    [one] { $count } pieteikums gaida apstiprinājumu
   *[other] { $count } pieteikumi gaida apstiprinājumu
}
attention-supervisors-awaiting-count = { $count ->
    [one] { $count } supervizora iecelšana gaida otra koordinatora apstiprinājumu
   *[other] { $count } supervizoru iecelšanas gaida otra koordinatora apstiprinājumu
}
attention-outbox-failed-count = { $count ->
    [one] { $count } vēstuli pēdējās 7 dienās neizdevās nosūtīt
   *[other] { $count } vēstules pēdējās 7 dienās neizdevās nosūtīt
}
attention-month-report-item = Mēneša pārskats par { $year }. gada { $month ->
    [1] janvāri
    [2] februāri
    [3] martu
    [4] aprīli
    [5] maiju
    [6] jūniju
    [7] jūliju
    [8] augustu
    [9] septembri
    [10] oktobri
    [11] novembri
   *[12] decembri
} vēl nav iesniegts
attention-reports-submitted = Progresa ziņojumi, kas gaida izskatīšanu
attention-reports-late = Progresa ziņojumi pēc termiņa: vēl nav iesniegti vai atgriezti labošanai
attention-reports-open = Jūsu organizācijas aizpildāmie progresa ziņojumi
attention-practices-review = Labās prakses, kas gaida izskatīšanu
attention-practices-returned = Jūsu labās prakses, kas atdotas labošanai
attention-stories-review = Veiksmes stāsti, kas gaida redakcijas izskatīšanu
attention-actions-overdue = Nokavētās turpmākās darbības
attention-minutes-missing = Notikušas sanāksmes bez protokola (pēdējos trīs mēnešos)
attention-registrations-unconfirmed = Pieteikumi, kas gaida dalībnieku apstiprinājumu
attention-invitations = Uzaicinājumi, uz kuriem jāatbild
attention-supervisors-awaiting = Supervizoru iecelšanas, kas gaida apstiprinājumu
attention-outbox-failed = Nenosūtītās vēstules
attention-month-report = Mēneša pārskats
attention-next-steps = Nākamie soļi ģimenēm (nokavētie un tuvāko 7 dienu)
attention-families-quiet = Aktīvas ģimenes bez kontakta 30 dienās
attention-consents-renew = Piekrišanas, ko devis vecāks vai aizbildnis, bet persona jau ir pilngadīga
tokens-title = API piekļuves atslēgas
tokens-intro = Personīga atslēga ļauj citām programmām izmantot platformas API jūsu vārdā. Glabājiet to kā paroli. Atslēga darbojas 180 dienas; tad izveidojiet jaunu.
tokens-none = Jums vēl nav nevienas atslēgas.
token-created-once = Jaunā atslēga ir redzama tikai tagad. Nokopējiet to drošā vietā:
token-revoked-at = Atsaukta { $date }
token-expires = Derīga līdz
token-expired = Beidzies derīgums
token-revoke = Atsaukt atslēgu „{ $label }”
token-revoked = Atslēga atsaukta.
token-create = Izveidot atslēgu
field-token-label = Atslēgas nosaukums (piemēram, programma, kurā to izmantosiet)
token-label-invalid = Ievadiet nosaukumu (1–100 rakstzīmes).
forgot-link = Aizmirsāt paroli?
forgot-title = Paroles atjaunošana
forgot-explained = Ierakstiet sava konta e-pasta adresi. Ja tāds konts ir, uz to nosūtīsim vienreizēju saiti jaunas paroles iestatīšanai; tā derīga vienu stundu.
forgot-submit = Sūtīt saiti
forgot-sent = Ja ar šo adresi ir aktīvs konts, uz to nosūtīta saite jaunas paroles iestatīšanai (derīga vienu stundu). Ja vēstule nepienāk dažu minūšu laikā, pārbaudiet mēstuļu mapi vai vērsieties pie platformas koordinatoriem.
forgot-back = Atpakaļ uz pieteikšanos
mail-password-reset-subject = Romu platforma: jaunas paroles iestatīšana
mail-password-reset-body = Labdien, { $name }!

    Kāds (cerams, jūs) lūdza iestatīt jaunu paroli jūsu kontam Romu platformā. Jaunu paroli varat iestatīt šeit; saite derīga vienu stundu un der vienu reizi:

    { $link }

    Ja to nelūdzāt, neko nedariet: pašreizējā parole paliek spēkā. Ja šādas vēstules pienāk atkārtoti, pastāstiet par to platformas koordinatoriem.
mfa-title = Divpakāpju pieteikšanās
mfa-explained = Otrais solis pēc paroles: kods no autentifikācijas lietotnes tālrunī (piemēram, FreeOTP, Aegis, Google Authenticator vai Microsoft Authenticator). Tad ar paroli vien jūsu kontā iekļūt nevar.
mfa-begin = Ieslēgt divpakāpju pieteikšanos
mfa-scan = Noskenējiet šo QR kodu ar autentifikācijas lietotni.
mfa-qr-label = QR kods autentifikācijas lietotnei
mfa-key-text = Ja skenēt nevar, ierakstiet lietotnē šo atslēgu:
mfa-code = Sešu ciparu kods no lietotnes
mfa-confirm = Apstiprināt
mfa-code-wrong = Kods nav pareizs vai jau izmantots. Ierakstiet lietotnē pašlaik redzamo kodu.
mfa-on = Divpakāpju pieteikšanās ieslēgta.
mfa-recovery-once = Šie ir jūsu rezerves kodi: katrs der vienu reizi, ja tālrunis nav pie rokas vai pazudis. Pierakstiet vai izdrukājiet tos un glabājiet drošā vietā — tie vairs netiks parādīti.
mfa-done = Gatavs — uz darba vietu
mfa-is-on = Divpakāpju pieteikšanās ir ieslēgta.
mfa-recovery-left = { $count ->
    [0] Neizmantotu rezerves kodu vairs nav.
    [one] Atlicis { $count } neizmantots rezerves kods.
   *[other] Atlikuši { $count } neizmantoti rezerves kodi.
}
mfa-lost = Ja tālrunis pazudis un rezerves kodu nav, lūdziet platformas koordinatoru atiestatīt jūsu otro soli (koordinatoram to dara cits koordinators).
mfa-login-title = Kods no lietotnes
mfa-login-explained = Parole pareiza. Ierakstiet sešu ciparu kodu no autentifikācijas lietotnes vai vienu no rezerves kodiem.
mfa-code-or-recovery = Kods vai rezerves kods
mfa-login-expired = Pieteikšanās ar kodu šeit nav sākta, vai piecas minūtes tai ir pagājušas. Piesakieties vēlreiz ar paroli.
mfa-locked = Pārāk daudz nepareizu kodu pēc kārtas: pieteikšanās ar kodu ir bloķēta. Iestatiet paroli no jauna ar saiti „Aizmirsāt paroli?” un vienu no rezerves kodiem vai lūdziet platformas koordinatoru atiestatīt otro soli.
mfa-renew = Izveidot jaunus rezerves kodus
mfa-renew-hint = Desmit jauni kodi; vecie vairs nederēs.
mfa-disable = Izslēgt divpakāpju pieteikšanos
mfa-required = Jūsu lomā divpakāpju pieteikšanās ir obligāta: ieslēdziet to, lai turpinātu darbu platformā.
reauth-title = Apstipriniet, ka tas esat jūs
reauth-explained = Šī darbība skar citu cilvēku datus vai jūsu konta drošību, tāpēc vēlreiz ievadiet paroli (un kodu no lietotnes, ja jums ir divpakāpju pieteikšanās). Pēc tam jūs atgriezīsieties iepriekšējā lapā — nospiediet pogu vēlreiz. Desmit minūtes to vairs neprasīs.
reauth-submit = Apstiprināt
reauth-cancel = Atpakaļ
reauth-password-wrong = Parole nav pareiza.
mfa-code-missing = Ievadiet kodu no lietotnes vai rezerves kodu.
sessions-title = Sesijas
sessions-intro = Šeit ir visas vietas, kur jūsu konts pašlaik ir atvērts. Ja kādu no tām nepazīstat, beidziet to un nomainiet paroli.
session-address = Adrese
session-started = Sākta
session-seen = Pēdējoreiz aktīva
session-current = Šī sesija
session-end = Beigt sesiju: { $what }
sessions-end-all = Beigt visas citas sesijas
sessions-ended = Izvēlētās sesijas ir beigtas.
session-browser-unknown = Cita pārlūkprogramma
session-system-unknown = nezināma sistēma
set-password-code-hint = Jūsu kontam ir divpakāpju pieteikšanās: ievadiet arī kodu no lietotnes vai rezerves kodu. Ja nav ne tālruņa, ne rezerves koda, lūdziet koordinatoram atiestatīt otro soli.
mfa-open-app = Šajā tālrunī: atvērt autentifikatora lietotnē
mfa-back-account = Atpakaļ uz kontu
mfa-off = Divpakāpju pieteikšanās izslēgta; tagad pietiek ar paroli.
mfa-renewed = Izveidoti jauni rezerves kodi; vecie vairs nederēs.
mfa-status-on = ieslēgta
mfa-status-off = izslēgta
password-set-done = Parole iestatīta. Piesakieties ar jauno paroli.
set-password-ask-again = Pieprasīt jaunu saiti
mfa-code-malformed = Kods ir seši cipari no lietotnes vai rezerves kods no desmit burtiem un cipariem.
mfa-recovery-low = Jums atlikuši ne vairāk kā divi rezerves kodi: izveidojiet jaunus, kamēr tālrunis ir pie rokas.

# Passkeys (issue 17, item 1)
passkeys-title = Piekļuves atslēgas (passkeys)
passkeys-intro = Piekļuves atslēga ir otrs veids, kā apliecināt pieteikšanos, blakus autentifikācijas lietotnes kodam: tālruņa vai datora ekrāna atbloķēšana (pirksta nospiedums, seja, PIN) vai drošības atslēga. To var izmantot pārlūkos, kas to atbalsta, ar ieslēgtu JavaScript; lietotnes kods un rezerves kodi darbojas vienmēr.
passkeys-need-factor = Vispirms ieslēdziet divpakāpju pieteikšanos ar autentifikācijas lietotni.
passkeys-need-script = Piekļuves atslēgas pievienošanai vajag pārlūku ar JavaScript un piekļuves atslēgu atbalstu.
passkeys-none = Piekļuves atslēgu vēl nav.
passkey-added-at = Pievienota
passkey-used-at = lietota
passkey-remove = Noņemt
passkey-add = Pievienot piekļuves atslēgu
passkey-name = Nosaukums
passkey-name-hint = Lai to atpazītu sarakstā, piemēram, „Darba dators” vai „Tālrunis”.
passkey-name-invalid = Ierakstiet nosaukumu (līdz 80 rakstzīmēm).
passkey-failed = Piekļuves atslēgu neizdevās pievienot (atcelts, beidzies laiks vai šī atslēga jau pievienota). Mēģiniet vēlreiz.
passkey-too-many = Kontam jau ir 10 piekļuves atslēgas; vispirms noņemiet kādu.
passkey-added = Piekļuves atslēga pievienota; jūs saņēmāt e-pastu.
passkey-removed = Piekļuves atslēga noņemta; jūs saņēmāt e-pastu.
passkey-or = Vai arī apliecinot ar piekļuves atslēgu:
passkey-use = Izmantot piekļuves atslēgu
passkey-sign-in-failed = Ar piekļuves atslēgu neizdevās; mēģiniet vēlreiz vai ierakstiet kodu.
mail-account-passkey-added-subject = Romu platforma: pievienota piekļuves atslēga
mail-account-passkey-added-body = Labdien, { $name }!

    Jūsu kontam Romu platformā pievienota piekļuves atslēga (passkey) pieteikšanās otrajam solim.

    Ja to nedarījāt jūs, nekavējoties nomainiet paroli un sazinieties ar platformas koordinatoriem.
mail-account-passkey-removed-subject = Romu platforma: noņemta piekļuves atslēga
mail-account-passkey-removed-body = Labdien, { $name }!

    No jūsu konta Romu platformā noņemta piekļuves atslēga (passkey).

    Ja to nedarījāt jūs, nekavējoties sazinieties ar platformas koordinatoriem.
passkeys-unavailable = Piekļuves atslēgas šeit nevar izmantot: platformas adrese (public_url) nav domēna vārds. Lietotnes kods darbojas.

## E-mail notices (account page and the mails)
notices-title = E-pasta paziņojumi
notices-intro = Platforma jums uzraksta, kad darbs virzās uz priekšu: kad progresa ziņojums iesniegts vai izskatīts, prakse atgriezta vai publicēta, turpmākā darbība uzdota vai nokavēta, un trīs dienas pirms pasākuma, kam ir jūsu pieteikums. Atzīmējiet, par ko vēlaties saņemt vēstules.
notices-kinds = Par ko rakstīt
notices-delivery = Kā sūtīt
notices-delivery-each = Katru paziņojumu atsevišķi, tiklīdz tas radies
notices-delivery-weekly = Visu nedēļā vienā vēstulē pirmdienas rītā (atgādinājumi par pasākumiem tomēr atsevišķi)
notices-save = Saglabāt paziņojumu iestatījumus
notices-saved = Paziņojumu iestatījumi saglabāti.
notice-kind-report-submitted = Iestāde iesniegusi progresa ziņojumu (koordinatoriem)
notice-kind-report-returned = Jūsu organizācijas progresa ziņojums atgriezts labošanai
notice-kind-report-accepted = Jūsu organizācijas progresa ziņojums pieņemts
notice-kind-practice-returned = Jūsu labā prakse atgriezta labošanai
notice-kind-practice-published = Jūsu labā prakse publicēta
notice-kind-action-assigned = Jūsu organizācijai uzdota turpmākā darbība
notice-kind-action-overdue = Jūsu organizācijas turpmākajai darbībai pagājis termiņš
notice-kind-event-reminder = Atgādinājums trīs dienas pirms pasākuma, kam ir jūsu pieteikums
notice-subject-report-submitted = Iesniegts progresa ziņojums: { $title }
notice-subject-report-returned = Progresa ziņojums atgriezts labošanai: { $title }
notice-subject-report-accepted = Progresa ziņojums pieņemts: { $title }
notice-subject-practice-returned = Prakse atgriezta labošanai: { $title }
notice-subject-practice-published = Prakse publicēta: { $title }
notice-subject-action-assigned = Jauna turpmākā darbība jūsu organizācijai: { $title }
notice-subject-action-overdue = Turpmākajai darbībai pagājis termiņš: { $title }
notice-subject-event-reminder = Atgādinājums: { $title }, { $when }
notice-line-report-submitted = Iestāde iesniedza progresa ziņojumu, kas gaida izskatīšanu.
notice-line-report-returned = Jūsu organizācijas progresa ziņojums atgriezts labošanai. Komentārs ir ziņojuma lapā.
notice-line-report-accepted = Jūsu organizācijas progresa ziņojums pieņemts.
notice-line-practice-returned = Jūsu labā prakse atgriezta labošanai. Komentārs ir prakses lapā.
notice-line-practice-published = Jūsu labā prakse publicēta prakšu bibliotēkā.
notice-line-action-assigned = Pasākumā nolemta turpmākā darbība, par kuru atbild jūsu organizācija.
notice-line-action-overdue = Jūsu organizācijas turpmākajai darbībai pagājis izpildes termiņš, bet tā nav atzīmēta kā izpildīta.
notice-subject-breach-deadline = Personas datu pārkāpums { $title }: ziņošanas termiņš
notice-line-breach-deadline = Personas datu pārkāpuma 72 stundu termiņš ziņošanai Datu valsts inspekcijai beidzas vai jau beidzies, bet paziņojums vai pamatojums vēl nav reģistrēts.
notice-line-event-reminder = Pasākumi ar jūsu pieteikumu
notice-mail-body = Labdien, { $name }!

    { $line }

    { $title }
    { $link }

    Kādus paziņojumus saņemt un vai tos apvienot nedēļas kopsavilkumā, var izvēlēties sava konta lapā: { $settings }
notice-digest-subject = Nedēļas kopsavilkums: { $count } { $count ->
        [one] paziņojums
       *[other] paziņojumi
    }
notice-digest-body = Labdien, { $name }!

    Šonedēļ platformā notika tas, par ko vēlējāties zināt ({ $count }):

    { $items }

    Kādus paziņojumus saņemt un vai tos apvienot nedēļas kopsavilkumā, var izvēlēties sava konta lapā: { $settings }
notice-reminder-body = Labdien, { $name }!

    Atgādinām par pasākumu „{ $title }”, kas sākas { $when }: jūsu pieteikums tam ir apstiprināts.

    Sava pieteikuma lapā redzat vietu un darba kārtību un, ja nevarat ierasties, varat pieteikumu atcelt, lai vietu saņem kāds no gaidīšanas saraksta:
    { $link }
first-steps-title = Pirmie soļi
first-steps-help = Katrā lapā augšā ir saite „Palīdzība” uz attiecīgo rokasgrāmatas nodaļu.
first-steps-again = Rādīt pirmos soļus vēlreiz
first-steps-done = Sapratu, vairs nerādīt
first-step-notices = Izvēlieties, par ko saņemt e-pasta paziņojumus
first-step-dpo-overview = Atveriet datu aizsardzības pārskatu: pieprasījumi, pārkāpumi, kas ko lasīja šomēnes
first-step-dpo-processing = Izlasiet datu apstrādes reģistru
first-step-dpo-limits = Pārbaudiet glabāšanas termiņus un to, ko noņems nākamais mēnesis
first-step-coordinator-directory = Pārbaudiet organizāciju un cilvēku reģistru
first-step-coordinator-event = Ieplānojiet pirmo pasākumu
first-step-coordinator-plan = Apskatiet plānu, tā pasākumus un rādītājus, un atveriet ziņošanas kārtu
first-step-coordinator-users = Izveidojiet kontus iestādēm, mediatoriem un NVO
first-step-mediator-family = Atveriet pirmo ģimeni: sarakstā tā būs redzama tikai ar kodu
first-step-mediator-contact = Pierakstiet piekrišanu un pirmo kontaktu ģimenes lapā
first-step-mediator-report = Mēneša beigās pārbaudiet un iesniedziet mēneša pārskatu
first-step-institution-reports = Apskatiet savas organizācijas progresa ziņojumu veidlapas un termiņus
first-step-institution-actions = Pārbaudiet turpmākās darbības, par kurām atbild jūsu organizācija
first-step-institution-practice = Iesniedziet labo praksi prakšu bibliotēkai
