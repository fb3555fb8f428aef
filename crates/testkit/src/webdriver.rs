//! WebDriver client (filled in by the browser-test work).
