//! What a protocol says does not depend on where its lines break. Other periods' columns are
//! narrower or wider than 18/115's, and plain `pdftotext` breaks lines where the PDF reader
//! does not: each document at hand is read again with the lines of its prose re-broken at other
//! widths (35, 60 and 100 characters, and one line a paragraph), and must give the same
//! document: votes, speeches, interjections, agenda, checks, every field but the counts
//! (`figures`): a one- or two-digit number opening a line is taken for an agenda item's or a
//! list's number, so a count a narrow column puts there (`gilt:` / `1 Minute …`) is lost and
//! one a wide column moves off a line's start is found (a known limit of the figures reader).
//!
//! The re-breaking only swaps line breaks and spaces inside a paragraph, so every offset (a
//! speech's span, a page's start) stays where it was and the documents compare field by field.

use landtag_text::normalize::{normalize, Normalized};
use std::path::Path;

/// The documents: the PDFs at hand through the PDF reader, the plain texts as they are.
fn documents() -> Vec<(String, Normalized)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/corpus");
    let mut out = Vec::new();
    let pdfs = ["sample/pdf/mmp18-115.pdf"].map(|p| root.join(p));
    let shared_pdfs = [
        "mmp17-1.pdf",
        "mmp16-76_pages-7798-7800.pdf",
        "mmp15-57_pages-5694-5696.pdf",
    ]
    .map(|p| shared.join("pdf").join(p));
    for pdf in pdfs.iter().chain(shared_pdfs.iter()).filter(|p| p.exists()) {
        let bytes = std::fs::read(pdf).unwrap();
        let raw = landtag_text::pdf::text(pdf, &bytes).unwrap();
        out.push((pdf.display().to_string(), normalize(&raw)));
    }
    for txt in ["sample/corpus/mmp18-15_excerpt.txt"].map(|p| root.join(p)) {
        let raw = std::fs::read_to_string(&txt).unwrap();
        out.push((txt.display().to_string(), normalize(&raw)));
    }
    out
}

/// A paragraph of prose: several lines, none a table row, a contents line or a heading number.
fn is_prose(paragraph: &str) -> bool {
    let lines: Vec<&str> = paragraph.lines().collect();
    lines.len() > 1
        && lines
            .iter()
            .all(|l| !l.contains('\t') && !l.contains("....") && l.len() > 3)
        && !lines[0].starts_with(|c: char| c.is_ascii_digit())
}

/// `text` with the lines of every prose paragraph broken anew at `width` characters (`None`:
/// one line a paragraph). Only `\n` and ` ` trade places: every offset stays.
fn rebreak(text: &str, width: Option<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        if !is_prose(paragraph) {
            out.push_str(paragraph);
            continue;
        }
        let flat = paragraph.replace('\n', " ");
        let mut line = 0;
        for word in flat.split(' ') {
            if line > 0 {
                let wrap = width.is_some_and(|w| line + 1 + word.chars().count() > w);
                out.push(if wrap { '\n' } else { ' ' });
                line = if wrap { 0 } else { line + 1 };
            }
            out.push_str(word);
            line += word.chars().count();
        }
    }
    assert_eq!(out.len(), text.len());
    out
}

/// The document as JSON, without its text (which differs in its line breaks alone).
fn read(normalized: &Normalized) -> serde_json::Map<String, serde_json::Value> {
    let mut doc = landtag_parse::parse(normalized)
        .document
        .expect("a document");
    doc.text.clear();
    match serde_json::to_value(&doc).unwrap() {
        serde_json::Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// The first element that differs (of a list), each side cut to 400 characters.
fn first_difference(a: &serde_json::Value, b: Option<&serde_json::Value>) -> (String, String) {
    let cut = |v: Option<&serde_json::Value>| {
        let s = v.map_or("nothing".into(), |v| v.to_string());
        s.chars().take(400).collect::<String>()
    };
    match (a, b) {
        (serde_json::Value::Array(x), Some(serde_json::Value::Array(y))) => {
            let i = (0..x.len().max(y.len()))
                .find(|&i| x.get(i) != y.get(i))
                .unwrap_or(0);
            (cut(x.get(i)), cut(y.get(i)))
        }
        _ => (cut(Some(a)), cut(b)),
    }
}

#[test]
fn documents_read_alike_whatever_their_line_breaks() {
    let mut failures = Vec::new();
    let documents = documents();
    assert!(documents.len() >= 2, "the corpus is at hand");
    for (name, normalized) in &documents {
        let expected = read(normalized);
        let mut variants = 0;
        for width in [Some(35), Some(60), Some(100), None] {
            let text = rebreak(&normalized.text, width);
            if text == normalized.text {
                continue; // already broken so (the excerpt is one line a paragraph)
            }
            variants += 1;
            let variant = Normalized {
                text,
                ..normalized.clone()
            };
            let got = read(&variant);
            for (field, value) in expected.iter().filter(|(f, _)| *f != "figures") {
                if got.get(field) != Some(value) {
                    let (a, b) = first_difference(value, got.get(field));
                    failures.push(format!(
                        "{name} at width {width:?}: `{field}` differs\n  was {a}\n  now {b}"
                    ));
                }
            }
        }
        // A PDF's prose comes in broken lines: each width re-breaks it (the shared PDFs are
        // read where `../shared` stands beside the checkout, as in CI).
        if name.ends_with(".pdf") {
            assert_eq!(variants, 4, "{name}: {variants} variants re-broken");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
