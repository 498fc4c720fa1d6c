//! The lines of a plenary protocol's running head as plain `pdftotext` prints them, each on a
//! line of its own: the date (`28.01.2026`), `Plenarprotokoll 18/115` and the page. The normaliser cuts
//! them out; `columns.rs` finds where a page's head stands between its blocks.

use regex::Regex;
use std::sync::LazyLock;

pub(crate) static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{2}\.\d{2}\.\d{4}$").unwrap());
pub(crate) static PROTOCOL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Plenarprotokoll\s+\d+/\d+$").unwrap());
/// A page number on a line of its own beside the head: up to four digits (the 15th and 16th
/// periods number their pages through the whole period: `5694`, `7798`).
pub(crate) static PAGE_NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,4}$").unwrap());
