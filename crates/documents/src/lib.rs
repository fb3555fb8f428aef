//! Reading and writing files. Kept apart from the web crate so that heavy format
//! libraries compile once. Now: tables (CSV as Latvian Excel writes it, and XLSX).

pub mod chart;
pub mod ics;
pub mod sniff;
pub mod table;
