//! Form handling: typed errors next to their fields, and a form extractor whose
//! rejections become our own error page instead of axum's plain text.

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::AppError;

#[derive(Debug, Clone, Copy)]
pub struct FieldError {
    pub field: &'static str,
    pub message_id: &'static str,
}

/// The errors of one form submission, in field order.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    items: Vec<FieldError>,
}

impl FormErrors {
    pub fn add(&mut self, field: &'static str, message_id: &'static str) {
        if !self.has(field) {
            self.items.push(FieldError { field, message_id });
        }
    }

    pub fn has(&self, field: &str) -> bool {
        self.items.iter().any(|e| e.field == field)
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message_id)
    }

    pub fn all(&self) -> &[FieldError] {
        &self.items
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// `application/x-www-form-urlencoded` into `T`; malformed input (a duplicated field,
/// a wrong type) is a 400 page.
#[derive(Debug)]
pub struct AppForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for AppForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(AppForm(v)),
            Err(e) => {
                tracing::info!(error = %e, "malformed form");
                Err(AppError::BadRequest)
            }
        }
    }
}

/// A urlencoded form body or query string with every value in Unicode NFC (`None` when it
/// already is, so nothing is rewritten): Latvian letters typed as a base letter and a
/// combining mark (macOS, some phone keyboards, pasted text) become the one precomposed
/// letter, so a name or a search is the same whichever way it was typed. Passwords are left
/// exactly as typed (their hashes were made from them).
pub fn nfc_form(raw: &[u8]) -> Option<String> {
    use unicode_normalization::{UnicodeNormalization as _, is_nfc};
    if raw.is_ascii() && !raw.contains(&b'%') {
        return None;
    }
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(raw)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let change = |k: &str, v: &str| !k.contains("password") && !is_nfc(v);
    if !pairs.iter().any(|(k, v)| change(k, v)) {
        return None;
    }
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        if change(k, v) {
            out.append_pair(k, &v.nfc().collect::<String>());
        } else {
            out.append_pair(k, v);
        }
    }
    Some(out.finish())
}

/// A JSON body with every string value in Unicode NFC and every whole number as an integer
/// (`None` when it already is, or is not JSON — the handler then answers as it would): the
/// API's twin of `nfc_form`.
/// Members named like a password are left as sent.
pub fn nfc_json(raw: &[u8]) -> Option<Vec<u8>> {
    use unicode_normalization::{UnicodeNormalization as _, is_nfc};
    fn normalise(v: &mut serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) if !is_nfc(s) => {
                *s = s.nfc().collect();
                true
            }
            // A whole number written with a fraction (`3.0`, `1e2`) is an integer in JSON
            // Schema's sense, as the API document's: read as one.
            serde_json::Value::Number(n) if n.is_f64() => {
                match n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15) {
                    #[expect(clippy::cast_possible_truncation, reason = "whole and within ±9e15")]
                    Some(f) => {
                        *v = serde_json::Value::from(f as i64);
                        true
                    }
                    None => false,
                }
            }
            serde_json::Value::Array(items) => items
                .iter_mut()
                .fold(false, |changed, x| normalise(x) | changed),
            serde_json::Value::Object(members) => members
                .iter_mut()
                .filter(|(k, _)| !k.contains("password"))
                .fold(false, |changed, (_, x)| normalise(x) | changed),
            _ => false,
        }
    }
    // Plain ASCII without escapes cannot hold a combining mark, nor without `.` or an
    // exponent a number with a fraction.
    if raw.is_ascii()
        && !raw.windows(2).any(|w| w == b"\\u")
        && !raw.iter().any(|b| matches!(b, b'.' | b'e' | b'E'))
    {
        return None;
    }
    let mut value: serde_json::Value = serde_json::from_slice(raw).ok()?;
    if !normalise(&mut value) {
        return None;
    }
    serde_json::to_vec(&value).ok()
}

/// The `{id}` at the end of a path, as a positive integer; anything else is 404.
pub fn parse_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound)
}

/// A multipart upload as read: its text fields, and the file of one field.
#[derive(Default)]
pub struct Upload {
    texts: std::collections::HashMap<String, String>,
    /// The file's bytes (`None` when missing or empty).
    pub file: Option<Vec<u8>>,
    /// The file was larger than allowed (or could not be read).
    pub too_large: bool,
}

/// Typed text may be personal: Debug shows only what was received.
impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("fields", &self.texts.len())
            .field("file_bytes", &self.file.as_ref().map(Vec::len))
            .field("too_large", &self.too_large)
            .finish()
    }
}

impl Upload {
    /// Reads every field: `file_field` as at most `max` bytes, the others as text.
    pub async fn read(
        mut multipart: axum::extract::Multipart,
        file_field: &str,
        max: usize,
    ) -> Upload {
        let mut u = Upload::default();
        while let Ok(Some(field)) = multipart.next_field().await {
            let name = field.name().unwrap_or_default().to_owned();
            if name == file_field {
                match field.bytes().await {
                    Ok(b) if b.len() > max => u.too_large = true,
                    Ok(b) => u.file = Some(b.to_vec()).filter(|b| !b.is_empty()),
                    Err(_) => u.too_large = true,
                }
            } else {
                let text = field.text().await.unwrap_or_default();
                u.texts.insert(
                    name,
                    unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect(),
                );
            }
        }
        u
    }

    /// A text field as typed (empty when absent).
    pub fn text(&self, name: &str) -> String {
        self.texts.get(name).cloned().unwrap_or_default()
    }
}

/// The leading id of a readable address part, `12-aicinam-pieteikties` (or `12`); 404 for
/// anything else.
pub fn leading_id(item: &str) -> Result<i64, AppError> {
    item.split('-')
        .next()
        .and_then(|n| n.parse::<i64>().ok())
        .filter(|n| *n > 0)
        .ok_or(AppError::NotFound)
}

/// A language choice: blank or "lv" is Latvian, "en" English; anything else is `message`
/// on `field` (and Latvian).
pub fn lang_field(
    raw: &str,
    field: &'static str,
    message: &'static str,
    errors: &mut FormErrors,
) -> &'static str {
    match raw.trim() {
        "" | "lv" => "lv",
        "en" => "en",
        _ => {
            errors.add(field, message);
            "lv"
        }
    }
}

/// A personal link's secret as it appears in a path: anything but the URL-safe alphabet
/// (or absurdly long) is a link we never made — `NotFound`, before it reaches a query or a
/// redirect.
pub fn check_secret(raw: &str) -> Result<(), AppError> {
    let ok = !raw.is_empty()
        && raw.len() <= 100
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok { Ok(()) } else { Err(AppError::NotFound) }
}

/// A form whose `lists` fields may repeat (multi-selects, checkboxes) into `T`: those
/// become lists of strings (empty when absent), every other field a string that must not
/// repeat. For a form struct of `String` and `Vec<String>` fields; anything else is a 400.
pub fn with_lists<T: DeserializeOwned>(
    body: Vec<(String, String)>,
    lists: &[&str],
) -> Result<T, AppError> {
    use serde_json::{Map, Value};
    let mut m = Map::new();
    for l in lists {
        m.insert((*l).to_owned(), Value::Array(Vec::new()));
    }
    for (k, v) in body {
        match m.get_mut(&k) {
            Some(Value::Array(items)) if lists.contains(&k.as_str()) => {
                items.push(Value::String(v))
            }
            Some(_) => return Err(AppError::BadRequest),
            None => {
                m.insert(k, Value::String(v));
            }
        }
    }
    serde_json::from_value(Value::Object(m)).map_err(|_| AppError::BadRequest)
}

// Typed fields of the forms: each returns the value, or records the message at its field.

/// Typed text: trimmed, empty is `None`; within `max` characters and without control
/// characters or hidden direction controls (line breaks and tabs only when `multiline`),
/// else the problem at `field`.
fn typed_text(
    raw: &str,
    max: usize,
    multiline: bool,
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<String> {
    let s = raw.trim();
    match domain::text::check_text(s, max, multiline) {
        Ok(()) => Some(s.to_owned()).filter(|s| !s.is_empty()),
        Err(e) => {
            errors.add(field, e.message_id());
            None
        }
    }
}

/// A form's own checks, run as its conversion into the input it stands for
/// (`impl TryFrom<&Fields> for Input` with `Error = FormErrors`): the input, or every
/// field's problem. Checks that need the database (does the chosen territory still exist?)
/// stay in the handler and add to the same errors.
pub fn checked<'a, F, T>(fields: &'a F) -> (Option<T>, FormErrors)
where
    T: TryFrom<&'a F, Error = FormErrors>,
{
    match T::try_from(fields) {
        Ok(input) => (Some(input), FormErrors::default()),
        Err(errors) => (None, errors),
    }
}

/// A single-line text field of a form (an `<input>`): see [`typed_text`].
pub fn text_field(
    raw: &str,
    max: usize,
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<String> {
    typed_text(raw, max, false, field, errors)
}

/// A text field of several lines (a textarea): as [`text_field`], line breaks allowed.
pub fn block_field(
    raw: &str,
    max: usize,
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<String> {
    typed_text(raw, max, true, field, errors)
}

/// `missing` at the field when the value is blank and nothing else was said of it.
fn needed(
    value: Option<String>,
    field: &'static str,
    missing: &'static str,
    errors: &mut FormErrors,
) -> Option<String> {
    if value.is_none() && !errors.has(field) {
        errors.add(field, missing);
    }
    value
}

/// A required single line: `missing` when blank, the text's problem otherwise.
pub fn required_line(
    raw: &str,
    max: usize,
    field: &'static str,
    missing: &'static str,
    errors: &mut FormErrors,
) -> Option<String> {
    let value = text_field(raw, max, field, errors);
    needed(value, field, missing, errors)
}

/// A required single-line text field: `missing` when blank.
pub fn required_text(
    raw: &str,
    max: usize,
    field: &'static str,
    missing: &'static str,
    errors: &mut FormErrors,
) -> String {
    required_line(raw, max, field, missing, errors).unwrap_or_default()
}

/// A required text field of several lines: `missing` when blank.
pub fn required_block(
    raw: &str,
    max: usize,
    field: &'static str,
    missing: &'static str,
    errors: &mut FormErrors,
) -> String {
    let value = block_field(raw, max, field, errors);
    needed(value, field, missing, errors).unwrap_or_default()
}

/// A required text whose field name says its shape: titles and names (`title_*`, `*name`)
/// are one line, everything else may have several. `missing` when blank.
pub fn required_by_name(
    raw: &str,
    max: usize,
    field: &'static str,
    missing: &'static str,
    errors: &mut FormErrors,
) -> String {
    if field.starts_with("title") || field.ends_with("name") {
        required_text(raw, max, field, missing, errors)
    } else {
        required_block(raw, max, field, missing, errors)
    }
}

/// A year between 2000 and 2100; blank is `None` unless `required`.
pub fn year_field(
    raw: &str,
    field: &'static str,
    required: bool,
    errors: &mut FormErrors,
) -> Option<i64> {
    match raw.trim() {
        "" if !required => None,
        s => match s.parse::<i64>() {
            Ok(y) if (2000..=2100).contains(&y) => Some(y),
            _ => {
                errors.add(field, "plan-year-invalid");
                None
            }
        },
    }
}

/// A required date (`YYYY-MM-DD`) in the years the platform deals with, 2000–2100: others
/// are typing mistakes.
pub fn date_field(
    raw: &str,
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<jiff::civil::Date> {
    let d = raw
        .trim()
        .parse::<jiff::civil::Date>()
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()));
    if d.is_none() {
        errors.add(field, "date-invalid");
    }
    d
}

/// An optional date: blank is `None`, otherwise as [`date_field`].
pub fn optional_date_field(
    raw: &str,
    field: &'static str,
    errors: &mut FormErrors,
) -> Option<jiff::civil::Date> {
    if raw.trim().is_empty() {
        None
    } else {
        date_field(raw, field, errors)
    }
}

/// An optional whole number within `range`; `message` when it is not one.
pub fn number_field(
    raw: &str,
    range: std::ops::RangeInclusive<i64>,
    field: &'static str,
    message: &'static str,
    errors: &mut FormErrors,
) -> Option<i64> {
    match raw.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                errors.add(field, message);
                None
            }
        },
    }
}

/// Debug for forms that carry confidential text (names, notes, reasons): the type's name
/// only, so a `?form` in a log line never prints what was typed.
macro_rules! debug_without_text {
    ($($t:ident),* $(,)?) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($t)).finish_non_exhaustive()
            }
        }
    )*};
}
pub(crate) use debug_without_text;

/// A form field's value that does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

/// An optional id from a form field: empty is `None`, anything but a positive integer is
/// an error.
pub fn optional_id(raw: &str) -> Result<Option<i64>, Invalid> {
    match raw.trim() {
        "" => Ok(None),
        s => s
            .parse::<i64>()
            .ok()
            .filter(|i| *i > 0)
            .map(Some)
            .ok_or(Invalid),
    }
}

/// An optional date (YYYY-MM-DD) from a form field.
pub fn optional_date(raw: &str) -> Result<Option<jiff::civil::Date>, Invalid> {
    match raw.trim() {
        "" => Ok(None),
        s => s
            .parse::<jiff::civil::Date>()
            .map(Some)
            .map_err(|_| Invalid),
    }
}

/// An optional single line of text: trimmed, empty is `None`, at most `max` characters, no
/// line breaks, control characters or hidden direction controls.
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, domain::text::TextProblem> {
    let s = raw.trim();
    domain::text::check_text(s, max, false)?;
    Ok(Some(s.to_owned()).filter(|s| !s.is_empty()))
}

/// For a JSON body's optional field: tells a field that is absent (`None`) from one given
/// as `null` (`Some(None)`), which clears it.
pub fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde::Deserialize::deserialize(d).map(Some)
}
