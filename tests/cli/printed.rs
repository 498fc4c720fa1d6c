//! The written sittings (`tests/fixtures/text/`, one line a paragraph) printed as other tools
//! and layouts print a protocol, each read against the same gold: what a protocol says does not
//! depend on how its text was taken from the PDF.
//!
//! - **In columns**: plain `pdftotext` of a two-column page, every line of the body broken at a
//!   column's width and long words hyphenated at the break (`Überweisungs-` / `empfehlung`).
//! - **As the shared corpus prints**: a blank line after every line, the running heads gone (a
//!   paragraph a page break cuts stands as two), `> ` before a parenthesis, ` - ` for every dash,
//!   a word of a question set in `**bold**`.

use crate::common::*;
use crate::periods::{fixture, score_f1_one, WRITTEN};

/// `line` broken into lines of at most `width` characters; a word that does not fit and is
/// long and of letters only is hyphenated so that the line is filled.
fn broken(line: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in line.split(' ') {
        let current = lines.last_mut().unwrap();
        let used = current.chars().count();
        let room = width.saturating_sub(used + usize::from(used > 0));
        let len = word.chars().count();
        if len <= room {
            if used > 0 {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        let letters = word.chars().all(char::is_alphabetic);
        if letters && len >= 10 && room >= 5 && len - (room - 1) >= 4 {
            let cut: String = word.chars().take(room - 1).collect();
            let rest: String = word.chars().skip(room - 1).collect();
            if used > 0 {
                current.push(' ');
            }
            current.push_str(&cut);
            current.push('-');
            lines.push(rest);
        } else if used == 0 {
            current.push_str(word);
        } else {
            lines.push(word.to_owned());
        }
    }
    lines
}

/// The text with every line of the body (after `Beginn:`) longer than `width` broken.
fn in_columns(text: &str, width: usize) -> String {
    let mut body = false;
    let mut out = String::new();
    for line in text.lines() {
        body |= line.starts_with("Beginn:");
        if body && line.chars().count() > width {
            for l in broken(line, width) {
                out.push_str(&l);
                out.push('\n');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The running head the written sittings print at a page's top: `Landtag`,
/// `Nordrhein-Westfalen`, a blank line, the date, `Plenarprotokoll p/n`, a blank line, the
/// page's number, a blank line.
fn without_running_heads(text: &str) -> String {
    let head = regex::Regex::new(
        r"(?m)^Landtag\nNordrhein-Westfalen\n\n\d\d\.\d\d\.\d{4}\nPlenarprotokoll \d+/\d+\n\n\d+\n\n",
    )
    .unwrap();
    let first = text.find("Beginn:").unwrap_or(0);
    let (title, body) = text.split_at(first);
    // The running head of the body's first page stands before `Beginn:`.
    let at = title
        .rfind("Landtag\nNordrhein-Westfalen\n\n")
        .unwrap_or(title.len());
    let title = format!("{}{}", &title[..at], head.replace(&title[at..], ""));
    format!("{title}{}", head.replace_all(body, ""))
}

/// The text as the shared corpus prints a protocol.
fn as_shared(text: &str) -> String {
    let bold = regex::Regex::new(r"(Wer stimmt (?:de[mnr]|diese[mnr]) )(\w+)").unwrap();
    let mut out = String::new();
    for line in without_running_heads(text).lines() {
        let line = line.replace(" – ", " - ").replace("– ", "- ");
        let line = bold.replace_all(&line, "$1**$2**");
        if line.starts_with('(') {
            out.push_str("> ");
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

/// A way of printing a text.
type Printer = fn(&str) -> String;

/// Every written sitting, printed in columns of 38 and 52 characters and as the shared corpus
/// prints, scores F1 1.000 against its gold, roll calls and doubts as before.
#[test]
fn written_sittings_read_alike_printed_otherwise() {
    let forms: [(&str, Printer); 3] = [
        ("columns-38", |t| in_columns(t, 38)),
        ("columns-52", |t| in_columns(t, 52)),
        ("shared", as_shared),
    ];
    for (name, roll_call) in WRITTEN {
        let text = std::fs::read_to_string(fixture(&format!("text/{name}.txt"))).unwrap();
        for (form, print) in forms {
            let dir = tempdir();
            let printed = print(&text);
            assert_ne!(printed, text, "{name} {form}: printed otherwise");
            let file = dir.path().join(format!("{name}.txt"));
            std::fs::write(&file, printed).unwrap();
            eprintln!("{name} as {form}");
            score_f1_one(name, &file, roll_call);
        }
    }
}

#[test]
fn a_long_word_is_hyphenated_where_the_column_ends() {
    assert_eq!(
        broken("Wer stimmt der Überweisungsempfehlung zu?", 24),
        ["Wer stimmt der Überweis-", "ungsempfehlung zu?"]
    );
    assert_eq!(
        broken("Drucksache 16/10100 ist angenommen", 12),
        ["Drucksache", "16/10100 ist", "angenommen"]
    );
}
