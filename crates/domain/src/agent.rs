//! A browser's `User-Agent` in words a person recognises ("Firefox on Android"), for the
//! list of one's own sessions. Only the common browsers and systems are named; anything
//! else is "another browser" — the list helps a user tell their sessions apart, it is not a
//! security check (the header is whatever the client says).

/// Browser and system named in a user agent; `None` where it is not one of the common ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Described {
    pub browser: Option<&'static str>,
    pub system: Option<&'static str>,
}

/// Reads browser and system from a `User-Agent` header's value.
pub fn describe(ua: &str) -> Described {
    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says
    // "Linux", iOS browsers say "like Mac OS X".
    let browser = [
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("YaBrowser/", "Yandex Browser"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .into_iter()
    .find(|(mark, _)| ua.contains(mark))
    .map(|(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"),
        ("Macintosh", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(mark, _)| ua.contains(mark))
    .map(|(_, name)| name);
    Described { browser, system }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_and_systems_are_named() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                Some("Edge"),
                Some("Windows"),
            ),
            (
                "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
                Some("Firefox"),
                Some("Android"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                Some("Safari"),
                Some("iOS"),
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                Some("Chrome"),
                Some("Linux"),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                Some("Safari"),
                Some("macOS"),
            ),
            ("curl/8.5.0", None, None),
            ("", None, None),
        ];
        for (ua, browser, system) in cases {
            assert_eq!(describe(ua), Described { browser, system }, "{ua}");
        }
    }
}
