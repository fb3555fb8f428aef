//! A confirmation step before an irreversible action (cancelling an event, cancelling a
//! registration, submitting a monthly report): the form is posted once without `confirm=1`,
//! answered by this page saying what will happen, and posted again from its button with what
//! was chosen or typed carried in hidden fields. Without JavaScript, like every flow.

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use crate::http::error::AppResult;
use crate::page::PageCtx;

/// The page that asks before an irreversible step.
#[derive(Template)]
#[template(path = "confirm_step.html")]
pub struct ConfirmStep {
    pub ctx: PageCtx,
    /// The question, as the page's heading: "Atcelt pasākumu „…”?"
    pub heading: String,
    /// What will happen, one paragraph each.
    pub lines: Vec<String>,
    /// Where the form posts again.
    pub action: String,
    /// What the first form held, posted again unchanged.
    pub hidden: Vec<(String, String)>,
    /// The CSRF token field's value: the session's, or the pre-login one of a public page.
    pub csrf: String,
    /// The button that does it: "Jā, atcelt pasākumu".
    pub button: String,
    /// It destroys or cancels something (the button is red); submitting for good is not.
    pub danger: bool,
    /// The way back posts the form again with `back=1` (what was typed comes back into
    /// the form) instead of being a plain link.
    pub back_with_form: bool,
    /// The way back without doing anything, and its words.
    pub back: String,
    pub back_label: String,
}

/// The hidden fields may hold what was typed (a report's notes) and the CSRF token: Debug
/// shows only the question.
impl std::fmt::Debug for ConfirmStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfirmStep")
            .field("heading", &self.heading)
            .finish_non_exhaustive()
    }
}

impl ConfirmStep {
    /// The page, its language switch leading to the page one came from (this page answers
    /// a POST, which the other language's address would not).
    pub fn into_response(mut self) -> AppResult<Response> {
        let prefix = format!("/{}", self.ctx.lang.code());
        if let Some(rest) = self.back.strip_prefix(&prefix).map(str::to_owned) {
            self.ctx.switch_to(&rest);
        }
        Ok(Html(self.render()?).into_response())
    }
}

/// Whether the form came from a confirmation step's button.
pub fn confirmed(value: &str) -> bool {
    value == "1"
}
