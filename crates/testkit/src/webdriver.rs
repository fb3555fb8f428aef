//! A small W3C WebDriver client for browser tests: it starts Debian's chromedriver on a
//! free loopback port, opens one headless Chromium session with a fresh profile, and ends
//! both when dropped.
//!
//! Only what the tests use is here: navigate, find by CSS selector, type, click, read
//! text, run scripts, resize the window, take a screenshot.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The key W3C WebDriver uses for an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long a script (`execute_async`) may run.
const SCRIPT_TIMEOUT_MS: u64 = 60_000;

/// How long `wait_for` and `wait_for_url` wait; generous, for a busy 2-core machine.
const WAIT: Duration = Duration::from_secs(30);

/// A headless Chromium driven through its own chromedriver process.
#[derive(Debug)]
pub struct Browser {
    http: reqwest::Client,
    driver: Child,
    port: u16,
    /// `http://127.0.0.1:{port}/session/{id}`
    session: String,
    session_id: String,
    profile: tempfile::TempDir,
}

/// An element found on the current page.
#[derive(Debug, Clone)]
pub struct Element<'a> {
    browser: &'a Browser,
    id: String,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium window of 1280×900.
    pub async fn start() -> Browser {
        if !std::path::Path::new(CHROMEDRIVER).exists() || !std::path::Path::new(CHROMIUM).exists()
        {
            panic!(
                "browser tests need {CHROMEDRIVER} and {CHROMIUM}: install Debian's packages \
                 with `apt-get install chromium chromium-driver` (the README's test command does that)"
            );
        }
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER}: {e}"));
        let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(120))
            .build()
            .unwrap_or_else(|e| panic!("client: {e}"));
        let mut browser = Browser {
            http,
            driver,
            port,
            session: String::new(),
            session_id: String::new(),
            profile,
        };
        browser.wait_until_ready().await;

        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            format!("--user-data-dir={}", browser.profile.path().display()),
        ];
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
                }
            }
        });
        let created = browser
            .call(
                reqwest::Method::POST,
                &format!("http://127.0.0.1:{port}/session"),
                Some(caps),
            )
            .await;
        let id = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session id in {created}"))
            .to_owned();
        browser.session = format!("http://127.0.0.1:{port}/session/{id}");
        browser.session_id = id;
        browser
            .post("/timeouts", json!({ "script": SCRIPT_TIMEOUT_MS }))
            .await;
        browser.set_window_size(1280, 900).await;
        browser
    }

    async fn wait_until_ready(&self) {
        let url = format!("http://127.0.0.1:{}/status", self.port);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(res) = self.http.get(&url).send().await
                && let Ok(v) = res.json::<Value>().await
                && v["value"]["ready"] == json!(true)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start on port {}",
                self.port
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// One WebDriver command; returns its `value`, panics on a WebDriver error.
    async fn call(&self, method: reqwest::Method, url: &str, body: Option<Value>) -> Value {
        let mut req = self.http.request(method.clone(), url);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {url}: {e}"));
        let status = res.status();
        let v: Value = res
            .json()
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {url}: response is not JSON: {e}"));
        let value = v.get("value").cloned().unwrap_or(Value::Null);
        if !status.is_success() {
            panic!(
                "WebDriver {method} {url} failed ({status}): {}: {}",
                value["error"].as_str().unwrap_or("?"),
                value["message"].as_str().unwrap_or("?"),
            );
        }
        value
    }

    async fn get(&self, path: &str) -> Value {
        self.call(
            reqwest::Method::GET,
            &format!("{}{path}", self.session),
            None,
        )
        .await
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            &format!("{}{path}", self.session),
            Some(body),
        )
        .await
    }

    /// Adds a virtual WebAuthn authenticator (W3C WebAuthn §11, as chromedriver offers it):
    /// a platform authenticator that verifies its user, for passkey flows with real
    /// cryptography in the real browser.
    pub async fn add_virtual_authenticator(&self) {
        self.post(
            "/webauthn/authenticator",
            json!({
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": true,
                "hasUserVerification": true,
                "isUserVerified": true,
            }),
        )
        .await;
    }

    /// Sets the window's outer size in CSS pixels.
    pub async fn set_window_size(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({ "width": width, "height": height }))
            .await;
    }

    /// What the window shows now, as PNG bytes.
    pub async fn screenshot(&self) -> Vec<u8> {
        use base64::Engine as _;
        let v = self.get("/screenshot").await;
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .unwrap_or_else(|e| panic!("screenshot is not base64: {e}"))
    }

    /// Opens a URL and waits until the page has loaded.
    pub async fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url })).await;
    }

    pub async fn current_url(&self) -> String {
        self.get("/url")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The cookies the browser holds for the current page, HttpOnly ones included, as
    /// WebDriver describes them (`name`, `value`, `secure`, `httpOnly`, `sameSite`, …).
    pub async fn cookies(&self) -> Vec<Value> {
        match self.get("/cookie").await {
            Value::Array(all) => all,
            other => panic!("unexpected cookie list: {other}"),
        }
    }

    /// Waits until the current URL ends with `suffix` (after a click that submits a form
    /// or follows a link); panics with the URL it stayed at.
    pub async fn wait_for_url(&self, suffix: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let url = self.current_url().await;
            if url.ends_with(suffix) {
                return url;
            }
            assert!(
                Instant::now() < deadline,
                "expected a URL ending in {suffix}, still at {url}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until a loaded page has an element matching a CSS selector.
    pub async fn wait_for(&self, css: &str) -> Element<'_> {
        let script = "return document.readyState === 'complete' \
                      && document.querySelector(arguments[0]) !== null;";
        let deadline = Instant::now() + WAIT;
        while self.execute(script, vec![json!(css)]).await != json!(true) {
            assert!(
                Instant::now() < deadline,
                "no element {css} at {}",
                self.current_url().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.find(css).await
    }

    /// The first element matching a CSS selector; panics if there is none.
    pub async fn find(&self, css: &str) -> Element<'_> {
        let v = self
            .post("/element", json!({ "using": "css selector", "value": css }))
            .await;
        let id = v[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("no element id for {css}: {v}"))
            .to_owned();
        Element { browser: self, id }
    }

    /// Runs a script (a function body; `arguments` holds `args`) and returns its result.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }

    /// Runs a script that reports its result by calling its last argument, a callback.
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/async", json!({ "script": script, "args": args }))
            .await
    }
}

impl Element<'_> {
    fn path(&self, action: &str) -> String {
        format!("/element/{}/{action}", self.id)
    }

    /// Types text into the element (after focusing it).
    pub async fn send_keys(&self, text: &str) {
        self.browser
            .post(&self.path("value"), json!({ "text": text }))
            .await;
    }

    pub async fn click(&self) {
        self.browser.post(&self.path("click"), json!({})).await;
    }

    /// The element's rendered text.
    pub async fn text(&self) -> String {
        self.browser
            .get(&self.path("text"))
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Drop cannot await, so the session is ended with one plain HTTP request; that
        // makes chromedriver close Chromium before chromedriver itself is killed.
        if !self.session_id.is_empty() {
            delete_session(self.port, &self.session_id);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// `DELETE /session/{id}` over a blocking socket, ignoring errors (best effort). Reads
/// the whole reply (chromedriver answers only after Chromium has quit), by its
/// Content-Length since chromedriver keeps the connection open.
fn delete_session(port: u16, id: &str) {
    let Ok(mut stream) = TcpStream::connect((Ipv4Addr::LOCALHOST, port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return;
    }
    let mut reply = Vec::new();
    let mut chunk = [0u8; 4096];
    while let Ok(n @ 1..) = stream.read(&mut chunk) {
        reply.extend_from_slice(&chunk[..n]);
        if let Some(head_end) = reply.windows(4).position(|w| w == b"\r\n\r\n") {
            let length = String::from_utf8_lossy(&reply[..head_end])
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse().ok())?
                })
                .unwrap_or(0);
            if reply.len() >= head_end + 4 + length {
                return;
            }
        }
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> u16 {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap_or_else(|e| panic!("bind: {e}"));
    listener
        .local_addr()
        .unwrap_or_else(|e| panic!("addr: {e}"))
        .port()
}
