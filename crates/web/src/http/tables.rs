//! Lists as files and files as tables: exports as CSV (as Latvian Excel opens it) or XLSX,
//! audited when they hold personal data; an uploaded CSV/XLSX read within the import limits.

use axum::extract::Multipart;
use axum::response::Response;

use crate::AppState;
use crate::http::error::{AppError, AppResult};
use crate::http::files::download;

/// The format a list export form asked for.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FormatForm {
    #[serde(default)]
    pub format: String,
}

/// A list with personal data as a file, audited first: who took which list (`event`: the
/// action, and the entity or the filters), in which format and how many rows; and recorded
/// in the access log with everyone it names (`subjects`: `domain::privacy` keys), so each
/// person's access report lists it.
#[expect(clippy::too_many_arguments)]
pub async fn personal_list_file(
    state: &AppState,
    user: &crate::principal::CurrentUser,
    ip: std::net::IpAddr,
    event: store::audit::Event<'_>,
    subjects: &[String],
    format: &str,
    (sheet, base): (&str, &str),
    header: &[impl AsRef<str>],
    rows: &[Vec<documents::table::Cell>],
) -> AppResult<Response> {
    let format = if format == "xlsx" { "xlsx" } else { "csv" };
    let mut detail = format!("format={format} rows={}", rows.len());
    if let Some(more) = &event.detail {
        detail.push(' ');
        detail.push_str(more);
    }
    user.record_reading(
        state,
        domain::privacy::AccessKind::Export,
        format!("{sheet}: {base} ({format}, {})", rows.len()),
        None,
        subjects,
    )
    .await?;
    store::audit::record_alone(
        state.db(),
        state.now(),
        &user.actor(ip),
        &event.detail(detail),
    )
    .await?;
    list_file(format, sheet, base, header, rows)
}

/// A list as a file, as the user asked: `xlsx` (typed cells — numbers as numbers, dates as
/// dates — under a bold, frozen header) or otherwise CSV as Latvian Excel opens it (UTF-8
/// with a BOM, semicolons; numbers plain, dates as YYYY-MM-DD).
pub fn list_file(
    format: &str,
    sheet: &str,
    base: &str,
    header: &[impl AsRef<str>],
    rows: &[Vec<documents::table::Cell>],
) -> AppResult<Response> {
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let header = header.as_slice();
    if format == "xlsx" {
        let sheet = documents::report::sheet_name(sheet, &mut Vec::new());
        let bytes =
            documents::table::write_xlsx_cells(&sheet, header, rows).map_err(AppError::internal)?;
        Ok(download(
            bytes,
            &format!("{base}.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ))
    } else {
        let text: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(documents::table::Cell::plain).collect())
            .collect();
        Ok(download(
            documents::table::write_csv(header, &text),
            &format!("{base}.csv"),
            "text/csv; charset=utf-8",
        ))
    }
}

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Reads the `file` field of an upload as a table: (file name, rows), or the message id
/// saying why it cannot be used. The file is read off the async threads, one heavy file at a
/// time, within the configured import limits; a reader that panics is an unreadable file.
pub async fn read_upload_table(
    state: &AppState,
    mut multipart: Multipart,
) -> AppResult<Result<(Option<String>, Vec<Vec<String>>), &'static str>> {
    use documents::table::TableError;
    let mut file: Option<(Option<String>, Vec<u8>)> = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            let name = field.file_name().map(str::to_owned);
            let bytes = field.bytes().await.map_err(|_| AppError::BadRequest)?;
            if bytes.len() > MAX_FILE_BYTES {
                return Ok(Err("import-too-large"));
            }
            file = Some((name, bytes.to_vec()));
        }
    }
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return Ok(Err("import-no-file"));
    };
    let limits = state.settings().import.limits();
    let read = state
        .imaging(move || documents::table::read(&bytes, &limits))
        .await
        .unwrap_or_else(|_| Err(TableError::Spreadsheet("the reader stopped".to_owned())));
    Ok(match read {
        Ok(rows) => Ok((name, rows)),
        Err(TableError::NotText | TableError::Spreadsheet(_) | TableError::Csv { .. }) => {
            Err("import-unreadable")
        }
        Err(TableError::TooManyRows) => Err("import-too-many-rows"),
        Err(TableError::TooManyColumns) => Err("import-too-many-columns"),
        Err(TableError::Archive(_)) => Err("import-unpacks-too-far"),
        Err(TableError::CellTooLong) => Err("import-cell-too-long"),
        Err(TableError::Empty) => Err("import-empty"),
    })
}
