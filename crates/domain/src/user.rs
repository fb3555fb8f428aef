//! Validated account inputs: e-mail address, display name.

/// An e-mail address, trimmed and lower-cased. Deliberately simple: one `@`, no spaces, at
/// most 254 characters; a domain of dot-separated labels of letters (any script), digits and
/// inner hyphens, as it is once normalised (NFKC) — no `%`-escapes, underscores or
/// full-width look-alikes, which IDNA would map to another domain than the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Option<Email> {
        let s = normalize_email(input);
        let (local, domain) = s.split_once('@')?;
        let ok = !local.is_empty()
            && domain.contains('.')
            && domain_ok(domain)
            && s.chars().count() <= 254
            && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then_some(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A mail domain as written: labels of 1–63 letters, digits and inner hyphens, stable under
/// NFKC (what IDNA maps is not what was written).
fn domain_ok(domain: &str) -> bool {
    use unicode_normalization::UnicodeNormalization as _;
    domain.split('.').all(|label| {
        let n = label.chars().count();
        (1..=63).contains(&n)
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    }) && domain.nfkc().eq(domain.chars())
}

/// The form in which e-mail addresses are stored and compared: trimmed, lower-cased.
/// (For input that may not be an address at all, e.g. a login attempt.)
pub fn normalize_email(input: &str) -> String {
    input.trim().to_lowercase()
}

/// A person's display name: trimmed, 1 to 200 characters, one line, no control characters
/// or hidden direction controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Option<DisplayName> {
        let s = input.trim();
        let n = s.chars().count();
        ((1..=200).contains(&n) && crate::text::is_single_line(s))
            .then(|| DisplayName(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A label for an API token: 1 to 100 characters.
pub fn parse_token_label(input: &str) -> Option<String> {
    let s = input.trim();
    let n = s.chars().count();
    ((1..=100).contains(&n) && crate::text::is_single_line(s)).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse("  Jānis.Bērziņš@KM.gov.lv ").map(Email::into_string),
            Some("jānis.bērziņš@km.gov.lv".to_owned())
        );
        assert!(Email::parse("ilze@rīga.lv").is_some());
        assert!(Email::parse("ilze@xn--rga-uta.lv").is_some());
        assert!(Email::parse("ilze@sub-domain.example.lv").is_some());
        for bad in [
            "",
            "a",
            "a@b",
            "@b.lv",
            "a@.lv",
            "a@b.",
            "a b@c.lv",
            "a@b@c.lv",
            // IDNA would send these elsewhere than they read.
            "a@ex%61mple.lv",
            "a@ｅｘａｍｐｌｅ.lv",
            "a@example.lv\u{ff0e}com",
            "a@ex_ample.lv",
            "a@-example.lv",
            "a@example..lv",
        ] {
            assert_eq!(Email::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            DisplayName::parse(" Ērika Ķēniņa ").map(DisplayName::into_string),
            Some("Ērika Ķēniņa".to_owned())
        );
        assert_eq!(DisplayName::parse("   "), None);
        assert_eq!(DisplayName::parse("a\u{7}b"), None);
    }
}
