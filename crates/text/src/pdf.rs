//! The Landtag's PDFs → text in reading order, one form feed between pages.
//!
//! Glyphs and their boxes come from poppler (`pdftotext -tsv`, Debian `poppler-utils`: the
//! words, lines and blocks of `-bbox-layout`, the same analysis, at 85 % of its cost since it
//! formats word boxes with two decimals, not six, and escapes nothing);
//! the reading order is ours. poppler's own order reads some pages of the two-column protocol
//! wrongly (page 138 of Plenarprotokoll 18/115 puts the right column's first block, the end of a
//! vote, before the left column), so this module takes poppler's blocks with their boxes and
//! orders them itself:
//!
//! - the running head (blocks in the top tenth of the page: `Landtag / Nordrhein-Westfalen`, the
//!   date, `Plenarprotokoll 18/115`, the page number) comes first, left to right, so the
//!   normaliser finds and cuts it at the page's start;
//! - the body is cut into bands at blocks that span both columns (a title, a table); inside a
//!   band the left column is read top to bottom, then the right one.
//!
//! Blocks are separated by a blank line, lines by a line break: the shape of `pdftotext`'s plain
//! output, so one normaliser serves text files and PDFs alike. ARCHITECTURE.md records why
//! poppler and not a pure-Rust crate (measured on the 148-page sample).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a PDF could not be read. Each variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("{path}: reading a PDF needs `pdftotext` (Debian: apt-get install poppler-utils)")]
    Tool {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: `pdftotext` refused its arguments ({detail}); reading a PDF needs `pdftotext -tsv`, poppler 22.05 or later"
    )]
    ToolTooOld { path: PathBuf, detail: String },
    #[error(
        "{path}: the PDF is truncated: no `%%EOF` trailer in its last 2 KiB ({size} bytes in all)"
    )]
    Truncated { path: PathBuf, size: usize },
    #[error("{path}: the PDF is encrypted and needs a password to open")]
    Encrypted { path: PathBuf },
    #[error("{path}: the PDF is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path}: none of its {pages} pages has a text layer (a scanned PDF?); OCR is not supported"
    )]
    NoText { path: PathBuf, pages: usize },
}

/// A positioned block of text lines, as poppler groups them.
#[derive(Debug, Clone, Default, PartialEq)]
struct Block {
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
    lines: Vec<String>,
}

/// A page: its size, its blocks in poppler's order, and every word with its box (tables are
/// read from these).
#[derive(Debug, Clone, Default, PartialEq)]
struct Page {
    width: f64,
    height: f64,
    blocks: Vec<Block>,
    words: Vec<Word>,
}

/// A word and its box.
#[derive(Debug, Clone, Default, PartialEq)]
struct Word {
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
    text: String,
}

mod layout;
mod table;

pub(crate) use layout::roll_calls as layout_roll_calls;

/// Reads a PDF into text: pages in order, separated by a form feed, each in reading order. A
/// long document's pages are read in ranges at once, one `pdftotext` each (a handful of
/// documents then keeps every core busy, not one core the last long document).
pub fn text(path: &Path, bytes: &[u8]) -> Result<String, PdfError> {
    if is_truncated(bytes) {
        return Err(PdfError::Truncated {
            path: path.to_owned(),
            size: bytes.len(),
        });
    }
    let ranges = page_ranges(path, bytes);
    let parts: Vec<Result<Vec<Page>, PdfError>> = if ranges.len() < 2 {
        vec![poppler(path, bytes, None)]
    } else {
        std::thread::scope(|scope| {
            let readers: Vec<_> = ranges
                .iter()
                .map(|r| scope.spawn(move || poppler(path, bytes, Some(*r))))
                .collect();
            readers
                .into_iter()
                .map(|r| r.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    };
    let mut pages = Vec::new();
    for part in parts {
        pages.extend(part?);
    }
    if pages.iter().all(|p| p.blocks.is_empty()) {
        return Err(PdfError::NoText {
            path: path.to_owned(),
            pages: pages.len(),
        });
    }
    Ok(pages_text(&pages))
}

/// Pages a range holds at least.
const RANGE_PAGES: u32 = 24;

/// Bytes a page of a PDF takes at least, as far as it matters here: the Landtag's PDFs measured
/// take 11.5–32 KiB a page (fonts and all: 18/115 11.7, 17/1 16.8, the excerpts of 15/57 and
/// 16/76 31–32), so a file smaller than two ranges of pages this size (480 KiB) is read whole
/// without counting its pages. A wrong guess costs only parallelism.
const PAGE_BYTES_AT_LEAST: usize = 10 * 1024;

/// A range of pages to read: `last` is `None` for the last range, read to the document's end
/// (a page count that came out short loses no page).
type Range = (u32, Option<u32>);

/// The page ranges a PDF is read in: one per core, of at least [`RANGE_PAGES`] pages; none
/// (the whole at once) for a short one, or where its pages cannot be counted.
fn page_ranges(path: &Path, bytes: &[u8]) -> Vec<Range> {
    if bytes.len() < 2 * RANGE_PAGES as usize * PAGE_BYTES_AT_LEAST {
        return Vec::new();
    }
    let pages = match page_objects(bytes) {
        0 => pdfinfo_pages(path),
        n => n,
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    split_pages(pages, cores)
}

/// `pages` cut into `cores` ranges of at least [`RANGE_PAGES`] (none where that is fewer than
/// two), the last one open-ended.
fn split_pages(pages: u32, cores: u32) -> Vec<Range> {
    let n = cores.min(pages / RANGE_PAGES);
    if n < 2 {
        return Vec::new();
    }
    let each = pages.div_ceil(n);
    (0..n)
        .map(|i| (i * each + 1, (i + 1 < n).then_some((i + 1) * each)))
        .filter(|(a, b)| b.is_none_or(|b| *a <= b) && *a <= pages)
        .collect()
}

/// The page objects (`/Type /Page`) in a PDF's bytes: its pages, read without a process, where
/// its objects stand uncompressed (so the Landtag's PDFs at hand, every one counted alike by
/// `pdfinfo`); 0 where they are packed into object streams. An incremental update's replaced
/// pages count too: a range past the end is then read as no pages ([`poppler`]).
fn page_objects(bytes: &[u8]) -> u32 {
    static PAGE: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"(?-u)/Type\s*/Page(?:[\s/<>\[\]()]|$)").expect("valid")
    });
    PAGE.find_iter(bytes).count().try_into().unwrap_or(u32::MAX)
}

/// The pages `pdfinfo` counts; 0 where it cannot tell.
fn pdfinfo_pages(path: &Path) -> u32 {
    Command::new("pdfinfo")
        .arg(path)
        .output()
        .ok()
        .and_then(|o| {
            let info = String::from_utf8_lossy(&o.stdout).into_owned();
            info.lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .and_then(|n| n.trim().parse::<u32>().ok())
        })
        .unwrap_or(0)
}

/// poppler's layout of the PDF (of pages `first..=last` where given), parsed into pages.
fn poppler(path: &Path, bytes: &[u8], range: Option<Range>) -> Result<Vec<Page>, PdfError> {
    // poppler's layout is read as it is written: no buffer of the whole TSV (megabytes for
    // a long protocol), and our reading overlaps poppler's writing.
    let mut command = Command::new("pdftotext");
    command.args(["-tsv", "-enc", "UTF-8"]);
    tune_malloc(&mut command);
    if let Some((first, last)) = range {
        command.args(["-f", &first.to_string()]);
        if let Some(last) = last {
            command.args(["-l", &last.to_string()]);
        }
    }
    let mut child = command
        .arg(path)
        .arg("-")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|source| PdfError::Tool {
            path: path.to_owned(),
            source,
        })?;
    let mut stderr = child.stderr.take().expect("piped");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let pipe = child.stdout.take().expect("piped");
    widen(&pipe);
    let mut stdout = std::io::BufReader::with_capacity(1 << 16, pipe);
    let parsed = pages_from(&mut stdout);
    // What a failed parse left unread: poppler would block on a full pipe.
    let _ = std::io::copy(&mut stdout, &mut std::io::sink());
    let status = child.wait().map_err(|source| PdfError::Tool {
        path: path.to_owned(),
        source,
    })?;
    let err = errors.join().unwrap_or_default();
    if status.code() == Some(99) && err.contains("Wrong page range") {
        // A range past the document's end (its pages were counted too many): no pages.
        return Ok(Vec::new());
    }
    if status.code() == Some(99) {
        // poppler's exit for arguments it does not know (its usage follows on stderr).
        return Err(PdfError::ToolTooOld {
            path: path.to_owned(),
            detail: err.lines().next().unwrap_or_default().trim().to_owned(),
        });
    }
    if !status.success() {
        // Exit 1: cannot open (damaged, or a user password); 3: permissions.
        let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
        if encrypted || err.contains("password") {
            return Err(PdfError::Encrypted {
                path: path.to_owned(),
            });
        }
        return Err(PdfError::Corrupt {
            path: path.to_owned(),
            detail: format!("poppler cannot open it (exit {status})"),
        });
    }
    // poppler repairs what it can and says so only on stderr: a damaged object makes it skip
    // text without failing. What it had to repair is not trusted.
    if let Some(first) = err.lines().find(|l| l.starts_with("Syntax Error")) {
        return Err(PdfError::Corrupt {
            path: path.to_owned(),
            detail: first.trim().to_owned(),
        });
    }
    parsed.map_err(|e| PdfError::Corrupt {
        path: path.to_owned(),
        detail: format!("unreadable layout from poppler: {e}"),
    })
}

/// glibc's per-thread cache of freed blocks, in blocks a size class keeps (7 by default):
/// poppler allocates and frees an object for every token of a page's content stream, and with
/// the cache this large it spends about 5 % less time (measured over 18/115, 10 runs each:
/// 4.48 s against 4.21 s of user time). Other allocators and other C libraries ignore it.
const POPPLER_TCACHE: &str = "glibc.malloc.tcache_count=2000";

/// Gives poppler [`POPPLER_TCACHE`], after what tunables the user set (theirs win where they
/// set the same one: the last setting of a tunable counts, so ours goes first).
fn tune_malloc(command: &mut Command) {
    let tunables = match std::env::var("GLIBC_TUNABLES") {
        Ok(user) if !user.is_empty() => format!("{POPPLER_TCACHE}:{user}"),
        _ => POPPLER_TCACHE.to_owned(),
    };
    command.env("GLIBC_TUNABLES", tunables);
}

/// Bytes the pipe from poppler holds (Linux's default is 64 KiB): poppler writes megabytes, and
/// each full pipe is a wake-up of ours and a wait of poppler's.
const PIPE_BYTES: i32 = 1 << 20;

/// Widens the pipe from poppler to [`PIPE_BYTES`] where the system allows (else it stays as
/// it is).
#[cfg(target_os = "linux")]
fn widen(pipe: &std::process::ChildStdout) {
    use std::os::fd::AsRawFd;
    // SAFETY: `fcntl(F_SETPIPE_SZ)` on a pipe this process holds open; it reads no memory of
    // ours, and a refusal (-1) leaves the pipe as it was.
    unsafe { libc::fcntl(pipe.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_BYTES) };
}

#[cfg(not(target_os = "linux"))]
fn widen(_: &std::process::ChildStdout) {}

/// The text of poppler's `-tsv` layout, as [`text`] gives it for a PDF (the layout reader
/// alone, without poppler: what the fuzz target drives).
pub fn layout_text(tsv: impl std::io::BufRead) -> Result<String, LayoutError> {
    Ok(pages_text(&pages_from(tsv)?))
}

fn pages_text(pages: &[Page]) -> String {
    let mut tables = Vec::new();
    pages
        .iter()
        .map(|p| page_text(p, &mut tables))
        .collect::<Vec<_>>()
        .join("\u{0C}")
}

/// No `%%EOF` in the last 2 KiB: the end of the file is missing.
pub fn is_truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    !tail.windows(5).any(|w| w == b"%%EOF")
}

/// A page's text: a roll call's annex table row by row (going on with the `tables` of the
/// page before), any other page in reading order.
fn page_text(page: &Page, tables: &mut Vec<table::Columns>) -> String {
    match table::roll_call(page, tables) {
        Some((text, found)) => {
            *tables = found;
            text
        }
        None => {
            tables.clear();
            reading_order(page)
        }
    }
}

/// Parses poppler's `-tsv` layout into pages of blocks.
#[cfg(test)]
fn pages(tsv: &str) -> Result<Vec<Page>, LayoutError> {
    pages_from(tsv.as_bytes())
}

/// Why poppler's layout could not be read: where (a byte offset into it) and what.
#[derive(Debug, thiserror::Error)]
#[error("at byte {offset}: {detail}")]
pub struct LayoutError {
    offset: u64,
    detail: String,
}

/// Parses poppler's `-tsv` layout, as it is read, into pages of blocks: one row a line,
/// `level page par block line word left top width height conf text`, level 1 a page, 3 a block
/// (poppler labels it `###FLOW###`), 4 a line, 5 a word (the text, the rest of the row).
fn pages_from(mut input: impl std::io::BufRead) -> Result<Vec<Page>, LayoutError> {
    let mut row = Vec::new();
    let mut offset = 0u64;
    let mut layout = Layout::default();
    loop {
        row.clear();
        let n = input.read_until(b'\n', &mut row).map_err(|e| LayoutError {
            offset,
            detail: e.to_string(),
        })?;
        if n == 0 {
            break;
        }
        let line = row.strip_suffix(b"\n").unwrap_or(&row);
        layout
            .row(line)
            .map_err(|detail| LayoutError { offset, detail })?;
        offset += n as u64;
    }
    layout.end_line();
    let mut pages = layout.pages;
    for p in &mut pages {
        p.blocks.retain(|b| !b.lines.is_empty());
    }
    Ok(pages)
}

/// The pages read so far, and the line and word being read.
#[derive(Default)]
struct Layout {
    pages: Vec<Page>,
    line: Option<String>,
    word: Option<Word>,
}

impl Layout {
    /// One row of poppler's TSV (without its line break).
    fn row(&mut self, row: &[u8]) -> Result<(), String> {
        let mut fields = row.splitn(12, |&b| b == b'\t');
        let level = fields.next().unwrap_or_default();
        if level == b"level" {
            return Ok(());
        }
        let mut numbers = [0.0; 4];
        for (i, field) in fields.by_ref().take(10).enumerate() {
            if let Some(n) = i.checked_sub(5).and_then(|i| numbers.get_mut(i)) {
                *n = number(field).ok_or("a box that is no number")?;
            }
        }
        let text = fields.next().ok_or("a row of fewer than 12 fields")?;
        let [left, top, width, height] = numbers;
        let (x_min, y_min, x_max, y_max) = (left, top, left + width, top + height);
        match level {
            b"1" => {
                self.end_line();
                self.pages.push(Page {
                    width,
                    height,
                    ..Page::default()
                })
            }
            b"3" => {
                self.end_line();
                if let Some(p) = self.pages.last_mut() {
                    p.blocks.push(Block {
                        x_min,
                        y_min,
                        x_max,
                        y_max,
                        lines: Vec::new(),
                    });
                }
            }
            b"4" => {
                self.end_line();
                self.line = Some(String::new());
            }
            b"5" => {
                let text = std::str::from_utf8(text)
                    .map_err(|e| format!("a word is no UTF-8: {e}"))?
                    .to_owned();
                self.word = Some(Word {
                    x_min,
                    y_min,
                    x_max,
                    y_max,
                    text,
                });
                self.end_word();
            }
            _ => {}
        }
        Ok(())
    }

    fn end_word(&mut self) {
        let Some(word) = self.word.take() else {
            return;
        };
        if let Some(line) = self.line.as_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word.text);
        }
        if let Some(p) = self.pages.last_mut() {
            p.words.push(word);
        }
    }

    fn end_line(&mut self) {
        let line = self.line.take().unwrap_or_default();
        let block = self.pages.last_mut().and_then(|p| p.blocks.last_mut());
        if let (Some(b), false) = (block, line.is_empty()) {
            b.lines.push(line);
        }
    }
}

/// A number as poppler writes it (`%f`: `56.639900`). Up to 15 digits it is read as an integer
/// divided by a power of ten: both exact in an `f64`, so the one rounding of the division gives
/// the value `str::parse` gives (correctly rounded), at a fraction of its cost (a tenth of the
/// layout reader). Anything else goes to `str::parse`.
fn number(bytes: &[u8]) -> Option<f64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let (mut count, mut decimals, mut point) = (0, 0, false);
    for &b in digits {
        match b {
            b'0'..=b'9' if count < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                decimals += i32::from(point);
            }
            b'.' if !point => point = true,
            _ => return std::str::from_utf8(bytes).ok()?.parse().ok(),
        }
    }
    if count == 0 {
        return None;
    }
    let value = mantissa as f64 / 10f64.powi(decimals);
    Some(if negative { -value } else { value })
}

/// The blocks with each one-line block that stands on a line of another block of its column,
/// to its right, joined to that line: poppler parts a line set with wide spaces (a justified
/// `(Mehrdad Mostofizadeh        [GRÜNE]:     Men-`) into blocks of their own, which the
/// reading order would put after the whole block the line opens.
fn beside_joined(blocks: &[Block], mid: f64, head_limit: f64) -> Vec<Block> {
    let mut out: Vec<Block> = blocks.to_vec();
    let mut gone = vec![false; out.len()];
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[a].x_min.total_cmp(&out[b].x_min));
    for &i in &order {
        let b = &out[i];
        if b.lines.len() != 1 || gone[i] || b.y_max < head_limit {
            continue;
        }
        let centre = (b.y_min + b.y_max) / 2.0;
        let side = |x: &Block| x.x_max <= mid;
        // The line of another block of the same column, left of it, its middle stands on.
        let host = (0..out.len()).find_map(|j| {
            let a = &out[j];
            let line = (a.y_max - a.y_min) / a.lines.len().max(1) as f64;
            let k = ((centre - a.y_min) / line).floor();
            let fits = j != i
                && !gone[j]
                && a.y_min >= head_limit
                && side(a) == side(b)
                && a.x_max <= b.x_min + 1.0
                && k >= 0.0
                && (k as usize) < a.lines.len()
                && (b.y_max - b.y_min) < line * 1.5;
            fits.then_some((j, k as usize))
        });
        if let Some((j, k)) = host {
            let text = out[i].lines[0].clone();
            out[j].lines[k].push(' ');
            out[j].lines[k].push_str(&text);
            out[j].x_max = out[j].x_max.max(out[i].x_max);
            gone[i] = true;
        }
    }
    out.into_iter()
        .zip(gone)
        .filter_map(|(b, g)| (!g).then_some(b))
        .collect()
}

/// One page's text: running head first, then bands of left column, right column.
fn reading_order(page: &Page) -> String {
    let head_limit = page.height * 0.1;
    let mid = page.width / 2.0;
    let gutter = page.width * 0.02;
    let blocks = beside_joined(&page.blocks, mid, head_limit);
    let (mut head, mut body): (Vec<&Block>, Vec<&Block>) =
        blocks.iter().partition(|b| b.y_max < head_limit);
    head.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
    body.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
    let mut ordered: Vec<&Block> = head;
    let (mut left, mut right): (Vec<&Block>, Vec<&Block>) = (Vec::new(), Vec::new());
    for b in body {
        if b.x_max <= mid + gutter {
            left.push(b);
        } else if b.x_min >= mid - gutter {
            right.push(b);
        } else {
            // Spans both columns: what stands above it is read first.
            ordered.append(&mut left);
            ordered.append(&mut right);
            ordered.push(b);
        }
    }
    ordered.append(&mut left);
    ordered.append(&mut right);
    ordered
        .iter()
        .map(|b| b.lines.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_counted_from_the_page_objects_as_pdfinfo_counts_them() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pdf");
        for (name, pages) in [
            ("mmp17-1.pdf", 28),
            ("mmp16-76_pages-7798-7800.pdf", 3),
            ("mmp15-57_pages-5694-5696.pdf", 3),
            ("scanned.pdf", 1),
        ] {
            let bytes = std::fs::read(fixtures.join(name)).unwrap();
            assert_eq!(page_objects(&bytes), pages, "{name}");
        }
        // `/Pages` (the tree's nodes) and `/PageLabels` are no pages; any delimiter ends the name.
        let made = b"<</Type /Pages/Kids[]>> <</Type/Page/Parent 2 0 R>> <</Type /Page>>\n\
                     <</Type/PageLabels>> <</Type\n/Page\r>>";
        assert_eq!(page_objects(made), 3);
        assert_eq!(page_objects(b"<</Type/ObjStm/N 40>>"), 0);
    }

    #[test]
    fn an_open_range_reads_to_the_end_and_a_range_past_it_reads_nothing() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pdf/mmp17-1.pdf");
        let bytes = std::fs::read(&path).unwrap();
        let tail = poppler(&path, &bytes, Some((15, None))).unwrap();
        assert_eq!(tail.len(), 14);
        let mut split = poppler(&path, &bytes, Some((1, Some(14)))).unwrap();
        split.extend(tail);
        let whole = poppler(&path, &bytes, None).unwrap();
        assert_eq!(pages_text(&split), pages_text(&whole));
        let past = poppler(&path, &bytes, Some((40, None))).unwrap();
        assert!(past.is_empty());
    }

    #[test]
    fn ranges_cover_every_page_once_and_the_last_reads_to_the_end() {
        assert_eq!(split_pages(148, 2), vec![(1, Some(74)), (75, None)]);
        assert_eq!(split_pages(149, 2), vec![(1, Some(75)), (76, None)]);
        assert_eq!(
            split_pages(100, 4),
            vec![(1, Some(25)), (26, Some(50)), (51, Some(75)), (76, None)]
        );
        // Fewer ranges than cores where a range would hold too few pages; none for one range.
        assert_eq!(split_pages(60, 4), vec![(1, Some(30)), (31, None)]);
        assert!(split_pages(47, 2).is_empty());
        assert!(split_pages(0, 2).is_empty());
        assert!(split_pages(148, 1).is_empty());
    }

    fn block(x: (f64, f64), y: f64, text: &str) -> Block {
        Block {
            x_min: x.0,
            y_min: y,
            x_max: x.1,
            y_max: y + 10.0,
            lines: vec![text.to_owned()],
        }
    }

    #[test]
    fn head_first_then_left_column_then_right() {
        let page = Page {
            width: 600.0,
            height: 800.0,
            words: Vec::new(),
            blocks: vec![
                block((57.0, 148.0), 43.0, "Landtag"),
                block((312.0, 539.0), 92.0, "right top"),
                block((57.0, 283.0), 110.0, "left top"),
                block((438.0, 538.0), 43.0, "28.01.2026"),
                block((57.0, 283.0), 700.0, "left bottom"),
                block((290.0, 305.0), 54.0, "138"),
            ],
        };
        assert_eq!(
            reading_order(&page),
            "Landtag\n\n138\n\n28.01.2026\n\nleft top\n\nleft bottom\n\nright top"
        );
    }

    /// 18/115, page 117: poppler parts a justified line into three blocks.
    #[test]
    fn a_line_parted_into_blocks_is_one_line() {
        let mut opened = block((320.0, 420.0), 100.0, "(Mehrdad Mostofizadeh");
        opened.lines.push("schenfeindlich ist das!)".to_owned());
        opened.y_max = 120.0;
        let page = Page {
            width: 600.0,
            height: 800.0,
            words: Vec::new(),
            blocks: vec![
                block((57.0, 283.0), 90.0, "left"),
                opened,
                block((480.0, 500.0), 100.0, "Men-"),
                block((430.0, 470.0), 100.5, "[GRÜNE]:"),
                block((320.0, 539.0), 130.0, "Auf beiden Seiten"),
            ],
        };
        assert_eq!(
            reading_order(&page),
            "left\n\n(Mehrdad Mostofizadeh [GRÜNE]: Men-\nschenfeindlich ist das!)\n\nAuf beiden Seiten"
        );
    }

    #[test]
    fn a_block_across_both_columns_cuts_the_page_into_bands() {
        let page = Page {
            width: 600.0,
            height: 800.0,
            words: Vec::new(),
            blocks: vec![
                block((312.0, 539.0), 100.0, "upper right"),
                block((57.0, 283.0), 100.0, "upper left"),
                block((200.0, 400.0), 300.0, "title"),
                block((312.0, 539.0), 400.0, "lower right"),
                block((57.0, 283.0), 400.0, "lower left"),
            ],
        };
        assert_eq!(
            reading_order(&page),
            "upper left\n\nupper right\n\ntitle\n\nlower left\n\nlower right"
        );
    }

    /// poppler's layout of the sample's first pages, cut, doubled and given odd numbers at
    /// random (a fixed seed): the layout reader and the reading order never panic.
    #[test]
    fn damaged_layouts_never_panic() {
        // The sample's first pages and a roll call's annex (tables read from word boxes).
        let layout = |pdf: &str| {
            let out = Command::new("pdftotext")
                .args(["-tsv", "-f", "1", "-l", "4", pdf, "-"])
                .output()
                .expect("pdftotext runs (apt-get install poppler-utils)");
            String::from_utf8(out.stdout).unwrap()
        };
        let tsv = layout(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../sample/pdf/mmp18-115.pdf"
        )) + &layout(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/rollcall/annex.pdf"
        ));
        assert!(pages(&tsv).unwrap().iter().all(|p| !p.blocks.is_empty()));
        let mut tables = Vec::new();
        let annex = pages(&tsv)
            .unwrap()
            .iter()
            .map(|p| page_text(p, &mut tables))
            .collect::<String>();
        assert!(annex.contains("24.\tHerr Wedel\tFDP\t\tX\t"), "{annex}");
        let odd = [
            "NaN",
            "-1e308",
            "1e308",
            "inf",
            "-0",
            "",
            "\t",
            "\n",
            "\t\t\t",
            "1\t",
            "3\t",
            "4\t",
            "5\t",
            "\n1\t1\t0\t0\t0\t0\t0\t0\t0\t0\t-1\t###PAGE###\n",
        ];
        let mut state: u64 = 0x5EED_0FB0_B0B0;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        };
        for _ in 0..1000 {
            let mut t = tsv.clone();
            for _ in 0..1 + next(20) {
                let mut at = next(t.len() + 1);
                while !t.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + next(400)).min(t.len());
                while !t.is_char_boundary(end) {
                    end -= 1;
                }
                match next(3) {
                    0 => t.replace_range(at..end, ""),
                    1 => t.insert_str(at, odd[next(odd.len())]),
                    _ => {
                        let copy = t[at..end].to_owned();
                        t.insert_str(at, &copy);
                    }
                }
            }
            if let Ok(pages) = pages(&t) {
                let mut tables = Vec::new();
                for p in &pages {
                    let _ = page_text(p, &mut tables);
                }
            }
        }
    }

    /// The quick path reads what `str::parse` reads, bit for bit.
    #[test]
    fn numbers_read_as_str_parse_reads_them() {
        let mut state: u64 = 0x0DD5_EED5;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let text = format!("{:.6}", (state % 2_000_000_000) as f64 / 1e6 - 100.0);
            assert_eq!(number(text.as_bytes()), text.parse().ok(), "{text}");
        }
        for text in [
            "0",
            "12",
            "1.5",
            "-0.000001",
            "841.000000",
            "1e3",
            "NaN",
            "1.2.3",
            "123456789012345678.5",
        ] {
            let bits = |v: Option<f64>| v.map(f64::to_bits);
            assert_eq!(
                bits(number(text.as_bytes())),
                bits(text.parse().ok()),
                "{text}"
            );
        }
        assert_eq!(number(b""), None);
        assert_eq!(number(b"-"), None);
        assert_eq!(number(b"."), None);
    }

    #[test]
    fn parses_poppler_tsv() {
        let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.200000\t841.000000\t-1\t###PAGE###
3\t1\t0\t0\t0\t0\t57.000000\t92.000000\t226.000000\t57.000000\t-1\t###FLOW###
4\t1\t0\t0\t0\t0\t57.000000\t92.000000\t226.000000\t8.000000\t-1\t###LINE###
5\t1\t0\t0\t0\t0\t57.00\t92.00\t23.00\t8.00\t100\tSchüler
5\t1\t0\t0\t0\t1\t81.00\t92.00\t9.00\t8.00\t100\t&
4\t1\t0\t0\t1\t0\t57.000000\t101.000000\t226.000000\t8.000000\t-1\t###LINE###
5\t1\t0\t0\t1\t0\t57.00\t101.00\t30.00\t8.00\t100\t<zwei>
1\t2\t0\t0\t0\t0\t0.000000\t0.000000\t595.200000\t841.000000\t-1\t###PAGE###
";
        let pages = pages(tsv).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].blocks[0].lines, ["Schüler &", "<zwei>"]);
        assert_eq!(pages[0].blocks[0].x_max, 283.0);
        assert_eq!(pages[0].words[1].x_max, 90.0);
        assert_eq!((pages[0].width, pages[0].height), (595.2, 841.0));
        assert!(pages[1].blocks.is_empty());
        let short = super::pages("5\t1\t0\t0\t0\t0\t57.00\t92.00\n").unwrap_err();
        assert!(short.to_string().contains("fewer than 12"), "{short}");
    }
}
