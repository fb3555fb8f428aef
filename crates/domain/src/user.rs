//! Validated account inputs: e-mail address, display name.

/// An e-mail address, trimmed and lower-cased. Deliberately simple: one `@`, a dot in
/// the domain, no spaces, at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Option<Email> {
        let s = normalize_email(input);
        let (local, domain) = s.split_once('@')?;
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
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
        for bad in [
            "", "a", "a@b", "@b.lv", "a@.lv", "a@b.", "a b@c.lv", "a@b@c.lv",
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
