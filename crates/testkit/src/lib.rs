//! Test rails: a real server on a loopback port with a fresh SQLite file per test, a
//! manual clock, one account per role, and a small browser-like HTTP client that keeps
//! cookies and CSRF tokens the way a browser would.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use domain::auth::Role;
use domain::{ManualClock, password};
use reqwest::header::{HeaderMap, HeaderValue};
use web::{AppState, Settings};

pub mod smtp;
pub mod suite_log;
pub mod webdriver;

/// A little directory: two municipalities with one person each. The municipality test
/// user belongs to the first.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fixtures {
    pub org_a: i64,
    pub org_b: i64,
    pub person_a: i64,
    pub person_b: i64,
    /// A published public event organised by `org_a`, on 2026-12-10 in Jelgava.
    pub event: i64,
}

/// The password every test account has.
pub const PASSWORD: &str = "testa parole ar garumzīmēm 42";

/// A running app.
#[derive(Debug)]
pub struct TestApp {
    pub addr: SocketAddr,
    pub base: String,
    pub db: store::Db,
    pub clock: ManualClock,
    pub settings: Settings,
    /// The account id of each role's test user.
    pub users: BTreeMap<&'static str, i64>,
    /// Directory fixtures: an organisation and a person in it (see [`Fixtures`]).
    pub fixtures: Fixtures,
    /// The running app's state (to run its outbox worker by hand, say).
    pub state: AppState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

/// The test account's e-mail for a role.
pub fn email_for(role: Role) -> String {
    format!("{}@test.roma.invalid", role.as_str())
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Starts the app with adjusted settings.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        suite_log::capture();
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut settings = Settings {
            database: dir.path().join("test.db"),
            ..Settings::default()
        };
        // The test accounts sign in with the password alone (as the tests of other areas
        // need); the tests of two-step sign-in turn the requirement back on.
        settings.accounts.second_factor_required = Vec::new();
        adjust(&mut settings);
        let mut opts = store::DbOptions::new(&settings.database);
        // Tests do not need power-cut durability; the crash test runs the real binary.
        opts.synchronous = store::Synchronous::Normal;
        let db = store::Db::open(&opts)
            .await
            .unwrap_or_else(|e| panic!("open db: {e}"));
        store::migrate::run(&db, 1_795_700_000)
            .await
            .unwrap_or_else(|e| panic!("migrate: {e}"));
        let start =
            jiff::Timestamp::from_second(1_795_700_000).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let clock = ManualClock::new(start);
        let hash = password::hash(PASSWORD);
        let mut users = BTreeMap::new();
        let actor = store::Actor::cli();
        for role in Role::ALL {
            let id = store::users::create(
                &db,
                start.as_second(),
                &actor,
                store::users::NewUser {
                    email: &email_for(role),
                    name: &format!("Tests {}", role.as_str()),
                    role,
                    organisation_id: None,
                    password_hash: Some(hash.clone()),
                    password_link: None,
                    mail: None,
                },
            )
            .await
            .unwrap_or_else(|e| panic!("create user: {e}"));
            users.insert(role.as_str(), id);
        }
        let fixtures = directory_fixtures(&db, start.as_second(), &actor).await;
        let municipality = users.get("municipality").copied().unwrap_or_default();
        store::users::update(
            &db,
            start.as_second(),
            &actor,
            municipality,
            &store::users::Changes {
                name: "Tests municipality".to_owned(),
                role: Role::Municipality,
                organisation_id: Some(fixtures.org_a),
                disabled: false,
            },
        )
        .await
        .unwrap_or_else(|e| panic!("attach user: {e}"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("addr: {e}"));
        // A `public_url` may name the port it gets: "http://localhost:{port}" (passkeys need a
        // domain, not an address, and the browser's origin).
        settings.public_url = settings
            .public_url
            .replace("{port}", &addr.port().to_string());
        let keyring = domain::sealed::Keyring::new(domain::sealed::Key::generate(), Vec::new());
        let state = AppState::new(
            db.clone(),
            settings.clone(),
            Arc::new(clock.clone()),
            keyring,
        );
        let app_state = state.clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let _ = web::serve(listener, state, async {
                let _ = rx.await;
            })
            .await;
        });
        // The scheduled jobs run once as the server starts: a test moves the clock only after
        // that run, or it would race the test's own run of them.
        for _ in 0..3000 {
            let done = app_state.workers().snapshot().into_iter().any(|(name, s)| {
                name == "jobs" && (s.last_success.is_some() || s.last_failure.is_some())
            });
            if done {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        TestApp {
            addr,
            base: format!("http://{addr}"),
            db,
            clock,
            settings,
            users,
            fixtures,
            state: app_state,
            shutdown: Some(tx),
            server: Some(server),
            _dir: dir,
        }
    }

    pub fn user_id(&self, role: Role) -> i64 {
        self.users.get(role.as_str()).copied().unwrap_or_default()
    }

    /// A fresh client with no cookies.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// A client logged in as the role's test user.
    pub async fn login(&self, role: Role) -> Client {
        let c = self.client();
        let res = c.login(&email_for(role), PASSWORD).await;
        assert_eq!(res.status, 303, "login as {role} failed: {}", res.text);
        // Load a page to learn the session's CSRF token.
        let page = c.get("/lv/workspace").await;
        assert_eq!(page.status, 200, "workspace after login as {role}");
        c
    }

    /// The app's clock now, as unix seconds.
    pub fn clock_now(&self) -> i64 {
        use domain::Clock as _;
        self.clock.now().as_second()
    }

    /// Moves the app's clock.
    pub fn advance_minutes(&self, minutes: i64) {
        self.clock.advance(jiff::SignedDuration::from_mins(minutes));
    }

    /// Moves the app's clock forward to a moment on a Riga clock (never back).
    pub fn advance_to(&self, date: jiff::civil::Date, time: jiff::civil::Time) {
        let at = domain::event::riga_instant(date, time);
        let by = (at - self.clock_now()).max(0);
        self.clock.advance(jiff::SignedDuration::from_secs(by));
    }

    /// The morning of the fixture event's day (2026-12-10, 08:00 in Riga, two hours before it
    /// begins): attendance may be taken, registrations are still open. Before anyone signs
    /// in (a session left idle that long ends).
    pub fn on_the_event_day(&self) {
        self.advance_to(
            jiff::civil::date(2026, 12, 10),
            jiff::civil::time(8, 0, 0, 0),
        );
    }

    /// Just after the fixture event has begun (2026-12-10, 10:30 in Riga): it can be marked
    /// held and its minutes written.
    pub fn after_the_event_began(&self) {
        self.advance_to(
            jiff::civil::date(2026, 12, 10),
            jiff::civil::time(10, 30, 0, 0),
        );
    }

    /// Stops the server gracefully and closes the database.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.server.take() {
            let _ = h.await;
        }
        self.db.close().await;
    }
}

async fn directory_fixtures(db: &store::Db, now: i64, actor: &store::Actor) -> Fixtures {
    use domain::directory::OrgKind;
    let jelgava = store::territories::by_code(db, "jelgava")
        .await
        .unwrap_or_else(|e| panic!("territory: {e}"));
    let balvi = store::territories::by_code(db, "balvu-novads")
        .await
        .unwrap_or_else(|e| panic!("territory: {e}"));
    let org = |name: &str, territory: i64, email: &str| store::organisations::OrgInput {
        name_lv: name.to_owned(),
        kind: Some(OrgKind::Municipality),
        territory_id: Some(territory),
        email: Some(email.to_owned()),
        phone: Some("+37163000000".to_owned()),
        ..Default::default()
    };
    let org_a = store::organisations::create(
        db,
        now,
        actor,
        &org(
            "Testa pilsētas pašvaldība",
            jelgava.id,
            "pasts@a.test.invalid",
        ),
    )
    .await
    .unwrap_or_else(|e| panic!("org: {e}"));
    let org_b = store::organisations::create(
        db,
        now,
        actor,
        &org("Citas pašvaldības birojs", balvi.id, "pasts@b.test.invalid"),
    )
    .await
    .unwrap_or_else(|e| panic!("org: {e}"));
    let person = |name: &str, email: &str, territory: i64| store::people::PersonInput {
        name: name.to_owned(),
        emails: vec![email.to_owned()],
        phone: Some("+37120000001".to_owned()),
        preferred_lang: "lv".to_owned(),
        territory_id: Some(territory),
        ..Default::default()
    };
    let person_a = store::people::create(
        db,
        now,
        actor,
        &person("Anna Ābele", "anna@a.test.invalid", jelgava.id),
    )
    .await
    .unwrap_or_else(|e| panic!("person: {e}"));
    let person_b = store::people::create(
        db,
        now,
        actor,
        &person("Ēriks Čakste", "eriks@b.test.invalid", balvi.id),
    )
    .await
    .unwrap_or_else(|e| panic!("person: {e}"));
    for (p, o) in [(person_a, org_a), (person_b, org_b)] {
        store::people::add_membership(
            db,
            now,
            actor,
            p,
            &store::people::NewMembership {
                organisation_id: o,
                role_title: Some("speciāliste".to_owned()),
                from_date: Some(jiff::civil::date(2024, 1, 1)),
                to_date: None,
            },
        )
        .await
        .unwrap_or_else(|e| panic!("membership: {e}"));
    }
    let start = jiff::civil::date(2026, 12, 10)
        .at(10, 0, 0, 0)
        .to_zoned_datetime(
            jiff::tz::TimeZone::get("Europe/Riga").unwrap_or(jiff::tz::TimeZone::UTC),
        )
        .map(|z| z.timestamp().as_second())
        .unwrap_or_else(|e| panic!("{e}"));
    let event = store::events::create(
        db,
        now,
        actor,
        &store::events::EventInput {
            event_type: domain::event::EventType::AnnualCoordination,
            title_lv: "Ikgadējā sanāksme (tests)".to_owned(),
            title_en: Some("Annual meeting (test)".to_owned()),
            description_lv: None,
            description_en: None,
            starts_at: start,
            ends_at: start + 6 * 3600,
            territory_id: Some(jelgava.id),
            address: Some("Lielā iela 1".to_owned()),
            online_url: None,
            series: Some("Ikgadējā sanāksme".to_owned()),
            capacity: Some(100),
            registration_deadline: None,
            is_public: true,
            objectives: vec![domain::event::Objective::Participation],
            target_group: None,
            host_country: None,
            organisations: vec![(org_a, "organiser".to_owned())],
            measures: Vec::new(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("event: {e}"));
    store::events::set_status(db, now, actor, event, domain::event::EventStatus::Published)
        .await
        .unwrap_or_else(|e| panic!("publish: {e}"));
    Fixtures {
        org_a,
        org_b,
        person_a,
        person_b,
        event,
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// An HTTP response, read whole.
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

/// A browser-like client: keeps cookies, remembers the last CSRF token a page carried,
/// never follows redirects by itself.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    csrf: Arc<Mutex<Option<String>>>,
    extra: Arc<Mutex<HeaderMap>>,
}

impl Client {
    pub fn new(base: &str) -> Client {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("client: {e}"));
        Client {
            http,
            base: base.to_owned(),
            cookies: Arc::default(),
            csrf: Arc::default(),
            extra: Arc::default(),
        }
    }

    /// Adds a header to every request from now on.
    pub fn set_header(&self, name: &'static str, value: &str) {
        if let (Ok(mut h), Ok(v)) = (self.extra.lock(), HeaderValue::from_str(value)) {
            h.insert(name, v);
        }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().ok()?.get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        if let Ok(mut c) = self.cookies.lock() {
            c.insert(name.to_owned(), value.to_owned());
        }
    }

    pub fn clear_cookies(&self) {
        if let Ok(mut c) = self.cookies.lock() {
            c.clear();
        }
    }

    /// The CSRF token of the last page that carried one.
    pub fn csrf(&self) -> String {
        self.csrf
            .lock()
            .ok()
            .and_then(|c| c.clone())
            .unwrap_or_default()
    }

    fn cookie_header(&self) -> Option<String> {
        let c = self.cookies.lock().ok()?;
        if c.is_empty() {
            return None;
        }
        Some(
            c.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; "),
        )
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> Resp {
        let mut req = req;
        if let Some(c) = self.cookie_header() {
            req = req.header("cookie", c);
        }
        if let Ok(h) = self.extra.lock() {
            for (k, v) in h.iter() {
                req = req.header(k, v);
            }
        }
        let res = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("request failed: {e}"));
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        for sc in headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            let first = sc.split(';').next().unwrap_or_default();
            if let Some((_, v)) = first.split_once('=') {
                suite_log::remember_secret(v);
            }
            if let Some((k, v)) = first.split_once('=')
                && let Ok(mut jar) = self.cookies.lock()
            {
                if v.is_empty() || sc.contains("Max-Age=0") {
                    jar.remove(k.trim());
                } else {
                    jar.insert(k.trim().to_owned(), v.to_owned());
                }
            }
        }
        if let Some(token) = scrape_csrf(&text)
            && let Ok(mut c) = self.csrf.lock()
        {
            suite_log::remember_secret(&token);
            *c = Some(token);
        }
        Resp {
            status,
            headers,
            text,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A GET whose body is binary (a download): the status and the bytes.
    pub async fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        self.send_bytes(self.http.get(self.url(path))).await
    }

    /// Sends with the cookies and extra headers, as `send`, and returns the status and the
    /// body's bytes (a download; no cookies are taken from it).
    async fn send_bytes(&self, mut req: reqwest::RequestBuilder) -> (u16, Vec<u8>) {
        if let Some(c) = self.cookie_header() {
            req = req.header("cookie", c);
        }
        if let Ok(h) = self.extra.lock() {
            for (k, v) in h.iter() {
                req = req.header(k, v);
            }
        }
        let res = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("request failed: {e}"));
        let status = res.status().as_u16();
        let bytes = res.bytes().await.unwrap_or_default();
        (status, bytes.to_vec())
    }

    /// The form's fields with the current CSRF token first, urlencoded.
    fn with_csrf(&self, fields: &[(&str, &str)]) -> String {
        let token = self.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        encode(&all)
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.send(self.http.get(self.url(path))).await
    }

    /// Posts a form as is (no CSRF token added).
    pub async fn post_form_raw(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        self.send(self.form_post(path, encode(fields))).await
    }

    /// Posts a form with the current CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        self.send(self.form_post(path, self.with_csrf(fields)))
            .await
    }

    /// Posts a form with the current CSRF token and returns the status and the body's bytes
    /// (a file download).
    pub async fn post_form_bytes(&self, path: &str, fields: &[(&str, &str)]) -> (u16, Vec<u8>) {
        self.send_bytes(self.form_post(path, self.with_csrf(fields)))
            .await
    }

    fn form_post(&self, path: &str, body: String) -> reqwest::RequestBuilder {
        self.http
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }

    /// Posts a multipart form with the current CSRF token, the text fields and one file in
    /// the field `file_field`.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file_field: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Resp {
        let boundary = "----romaTestBoundary9x";
        let mut body = Vec::new();
        let token = self.csrf();
        let mut text: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        text.extend_from_slice(fields);
        for (k, v) in text {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.send(
            self.http()
                .post(self.url(path))
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .body(body),
        )
        .await
    }

    /// Logs in through the login form (GET for the cookie and token, then POST).
    pub async fn login(&self, email: &str, password: &str) -> Resp {
        let page = self.get("/lv/login").await;
        assert_eq!(page.status, 200, "login page");
        self.post_form("/lv/login", &[("email", email), ("password", password)])
            .await
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }
}

/// `application/x-www-form-urlencoded`.
pub fn encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The value of the first `name="csrf_token" value="…"` in a page.
pub fn scrape_csrf(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    let v = &html[start..end];
    (!v.is_empty()).then(|| v.to_owned())
}
