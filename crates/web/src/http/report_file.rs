//! A report (the documents crate's model) as a file in the format asked for: PDF, DOCX,
//! XLSX, HTML or CSV, typeset off the request threads, one at a time.

use axum::response::Response;
use tokio::sync::Semaphore;

use crate::http::error::{AppError, AppResult};

/// One rendering at a time: typesetting is CPU work, and the server has few cores. The
/// permit is held by the blocking job itself; building a report (database work) needs none.
pub static RENDERING: Semaphore = Semaphore::const_new(1);

/// A report as a download named `{name}.{extension}`, rendered off the request threads;
/// an unknown format is not found.
pub async fn report_file(
    report: documents::report::Report,
    format: &str,
    today: jiff::civil::Date,
    name: &str,
) -> AppResult<Response> {
    let (content_type, extension) = format_type(format).ok_or(AppError::NotFound)?;
    let bytes = render_off_thread(report, format.to_owned(), today).await?;
    Ok(crate::http::files::download(
        bytes,
        &format!("{name}.{extension}"),
        content_type,
    ))
}

/// Renders a report in one format on a blocking thread (typesetting is CPU work), one
/// report at a time.
async fn render_off_thread(
    report: documents::report::Report,
    format: String,
    today: jiff::civil::Date,
) -> AppResult<Vec<u8>> {
    let turn = RENDERING.acquire().await;
    // The permit goes with the job: a request dropped mid-way does not free it while
    // typst is still working.
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        render(&report, &format, today)
    })
    .await
    .map_err(AppError::internal)?
}

/// The report in one of the formats `format_type` names (CPU work: call it off the
/// request threads); `today` dates the PDF.
pub fn render(
    report: &documents::report::Report,
    format: &str,
    today: jiff::civil::Date,
) -> AppResult<Vec<u8>> {
    let internal = |e: &dyn std::fmt::Display| AppError::internal(e.to_string());
    Ok(match format {
        "pdf" => pdf::render(
            report,
            (
                i32::from(today.year()),
                today.month().unsigned_abs(),
                today.day().unsigned_abs(),
            ),
        )
        .map_err(|e| internal(&e))?,
        "docx" => documents::docx::write(report).map_err(|e| internal(&e))?,
        "xlsx" => documents::report::xlsx(report).map_err(|e| internal(&e))?,
        "html" => documents::report::html_document(report).into_bytes(),
        "csv" => documents::report::csv(report),
        _ => return Err(AppError::NotFound),
    })
}

/// The MIME type and file extension of a stored format.
pub fn format_type(format: &str) -> Option<(&'static str, &'static str)> {
    Some(match format {
        "html" => ("text/html; charset=utf-8", "html"),
        "pdf" => ("application/pdf", "pdf"),
        "docx" => (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        "xlsx" => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        "csv" => ("text/csv; charset=utf-8", "csv"),
        _ => return None,
    })
}
