//! The written sittings (`tests/fixtures/text/`, one line a paragraph) printed as other tools
//! and layouts print a protocol, each read against the same gold: what a protocol says does not
//! depend on how its text was taken from the PDF.
//!
//! - **In columns**: plain `pdftotext` of a two-column page, every line of the body broken at a
//!   column's width and long words hyphenated at the break (`Überweisungs-` / `empfehlung`).
//! - **As the shared corpus prints**: a blank line after every line, the running heads gone (a
//!   paragraph a page break cuts stands as two), `> ` before a parenthesis, ` - ` for every dash,
//!   a word of a question set in `**bold**`; and with a page's break cutting paragraphs there.
//! - **Paged**: in columns, with a page's running head wherever every few lines fall (a label,
//!   a parenthesis, a heading, a word cut by the page), as a real page cuts them; and as plain
//!   `pdftotext` prints breaks: a form feed before a page's head, date, protocol and page
//!   number between two columns; and with pages numbered through the period (four digits), as
//!   the 15th and 16th periods print them.
//! - **Side by side**: as `pdftotext -layout` prints a page, the two columns beside each other
//!   on every line.

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
static RUNNING_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?m)^\x0C?Landtag\nNordrhein-Westfalen\n\n\d\d\.\d\d\.\d{4}\nPlenarprotokoll \d+/\d+\n\n(\d+)\n\n",
    )
    .unwrap()
});

fn without_running_heads(text: &str) -> String {
    let first = text.find("Beginn:").unwrap_or(0);
    let (title, body) = text.split_at(first);
    // The running head of the body's first page stands before `Beginn:`.
    let at = title
        .rfind("Landtag\nNordrhein-Westfalen\n\n")
        .unwrap_or(title.len());
    let title = format!("{}{}", &title[..at], RUNNING_HEAD.replace(&title[at..], ""));
    format!("{title}{}", RUNNING_HEAD.replace_all(body, ""))
}

/// The lines of a running head: `Landtag`, `Nordrhein-Westfalen`, a date, `Plenarprotokoll
/// p/n`, a page's number.
fn in_head(line: &str) -> bool {
    ["Landtag", "Nordrhein-Westfalen"].contains(&line)
        || line.starts_with("Plenarprotokoll ")
        || line.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The text in columns of 45 characters with a break after every `every` lines of the body,
/// wherever it falls (inside a label, a parenthesis, a heading, a word): `heads` gives what
/// stands at a break, from the title page's last running head and the page's number.
fn broken_every(text: &str, every: usize, heads: fn(&str, &str) -> String) -> String {
    let columns = in_columns(text, 45);
    let first = columns.find("Beginn:").unwrap();
    let (title, body) = columns.split_at(first);
    let head = RUNNING_HEAD.captures_iter(title).last().unwrap();
    let mut page = head[1].to_owned();
    let lines: Vec<&str> = body.split('\n').collect();
    let mut out = title.to_owned();
    for (i, line) in lines.iter().enumerate() {
        if i >= 2 && lines[i - 2].starts_with("Plenarprotokoll ") {
            (*line).clone_into(&mut page);
        }
        let between = i > 0 && !line.is_empty() && !lines[i - 1].is_empty();
        if between && i % every == 0 && !in_head(line) && !in_head(lines[i - 1]) {
            let number = format!("\n{}\n\n", &head[1]);
            let block = head[0].replace(&number, &format!("\n{page}\n\n"));
            out.push_str(&heads(&block, &page));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A page break as the written sittings print one: the whole running head at the page's top.
fn paged(text: &str, every: usize) -> String {
    broken_every(text, every, |block, _| format!("\n{block}"))
}

/// Page and column breaks as plain `pdftotext` prints them: a form feed before each page's
/// running head, and between two columns, every `every` lines, the date, `Plenarprotokoll p/n`
/// and the page's number.
fn pdftotext(text: &str, every: usize) -> String {
    let fed = RUNNING_HEAD.replace_all(text, "\u{0C}$0");
    broken_every(&fed, every, |block, page| {
        let date_and_number = block
            .lines()
            .filter(|l| l.contains('.') || l.starts_with("Plenarprotokoll"))
            .collect::<Vec<_>>()
            .join("\n");
        format!("\n{date_and_number}\n\n{page}\n\n")
    })
}

/// The text with its pages numbered through the period, as the 15th and 16th periods print
/// them: every page number of the running heads and of the contents list raised by `by`
/// (`2` → `9872`).
fn numbered_through(text: &str, by: u32) -> String {
    let raise = |n: &str| (n.parse::<u32>().unwrap() + by).to_string();
    let heads = RUNNING_HEAD.replace_all(text, |c: &regex::Captures| {
        let number = &c[1];
        let at = c[0].len() - number.len() - 2;
        format!("{}{}\n\n", &c[0][..at], raise(number))
    });
    let listed = regex::Regex::new(r"(?m)(\.{3,} ?)(\d{1,3})$").unwrap();
    listed
        .replace_all(&heads, |c: &regex::Captures| {
            format!("{}{}", &c[1], raise(&c[2]))
        })
        .into_owned()
}

/// The text as `pdftotext -layout` prints a two-column page: each page of the body (as its
/// running heads part it) in columns of 45 characters, its first half on the left (padded to
/// 52), its second beside it, under a head of `Landtag` and the date, `Nordrhein-Westfalen`,
/// the page's number and the protocol on two lines; a form feed between pages. `wide` pads the
/// left column further (a gutter of 4 or of `wide` spaces).
fn side_by_side(text: &str, wide: usize) -> String {
    let columns = in_columns(text, 45);
    let first = columns.find("Beginn:").unwrap();
    let (title, body) = columns.split_at(first);
    let head = RUNNING_HEAD.captures_iter(title).last().unwrap();
    let lines: Vec<&str> = head[0].lines().collect();
    let (date, protocol) = (lines[3].to_owned(), lines[4].to_owned());
    let mut pages = vec![(head[1].to_owned(), 0)];
    pages.extend(
        RUNNING_HEAD
            .captures_iter(body)
            .map(|c| (c[1].to_owned(), c.get(0).unwrap().end())),
    );
    let ends: Vec<usize> = RUNNING_HEAD
        .find_iter(body)
        .map(|m| m.start())
        .chain([body.len()])
        .collect();
    let mut out = title[..title
        .rfind("Landtag\nNordrhein-Westfalen")
        .unwrap_or(title.len())]
        .to_owned();
    for ((number, start), end) in pages.iter().zip(ends) {
        let lines: Vec<&str> = body[*start..end].lines().collect();
        let half = lines.len().div_ceil(2);
        out.push_str(&format!("\u{0C}Landtag{date:>80}\n"));
        out.push_str(&format!(
            "Nordrhein-Westfalen{number:>30}{protocol:>40}\n\n"
        ));
        for i in 0..half {
            let r = lines.get(half + i).copied().unwrap_or("");
            let l = format!("{:<52}", lines[i]);
            out.push_str(format!("{l}{:wide$}{r}", "").trim_end());
            out.push('\n');
        }
    }
    out
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

/// The shared corpus's form with every `every`-th long paragraph cut in two at its middle word
/// by a blank line, as a page's break stands in it once the running head is gone (`Es ist
/// eine` / blank / `schwierige Aufgabe`): labels and parentheses cut too.
fn as_shared_paged(text: &str, every: usize) -> String {
    let mut out = String::new();
    for (k, paragraph) in as_shared(text).split("\n\n").enumerate() {
        let long = paragraph.chars().count() > 60 && !paragraph.starts_with("> ");
        if k % every == 0 && long {
            let words: Vec<&str> = paragraph.split(' ').collect();
            let half = words.len() / 2;
            out.push_str(&words[..half].join(" "));
            out.push_str("\n\n");
            out.push_str(&words[half..].join(" "));
        } else {
            out.push_str(paragraph);
        }
        out.push_str("\n\n");
    }
    out
}

/// A way of printing a text.
type Printer = fn(&str) -> String;

/// Every written sitting, printed in columns of 38 and 52 characters, as the shared corpus
/// prints (with every second or fifth long paragraph cut by a page's blank line, or not), and in columns of 45 with a page break every 3 or 7 lines, or with page and column
/// breaks as `pdftotext` prints them every 5 or 11 lines, and paged so with its pages numbered
/// through the period (`9872`), or with the columns side by side as `pdftotext -layout` prints
/// them (a gutter of 4 or 12 spaces), scores F1 1.000
/// against its gold, roll calls and doubts as before.
#[test]
fn written_sittings_read_alike_printed_otherwise() {
    let forms: [(&str, Printer); 13] = [
        ("columns-38", |t| in_columns(t, 38)),
        ("columns-52", |t| in_columns(t, 52)),
        ("shared", as_shared),
        ("shared-paged-2", |t| as_shared_paged(t, 2)),
        ("shared-paged-5", |t| as_shared_paged(t, 5)),
        ("paged-3", |t| paged(t, 3)),
        ("paged-7", |t| paged(t, 7)),
        ("pdftotext-5", |t| pdftotext(t, 5)),
        ("pdftotext-11", |t| pdftotext(t, 11)),
        ("numbered-through-paged-5", |t| {
            paged(&numbered_through(t, 9870), 5)
        }),
        ("side-by-side-4", |t| side_by_side(t, 4)),
        ("side-by-side-12", |t| side_by_side(t, 12)),
        ("numbered-through-pdftotext-7", |t| {
            pdftotext(&numbered_through(t, 9870), 7)
        }),
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
fn pages_are_numbered_through_in_heads_and_contents() {
    let text = std::fs::read_to_string(fixture("text/mmp16-98-written.txt")).unwrap();
    let through = numbered_through(&text, 9870);
    assert!(through.contains("Plenarprotokoll 16/98\n\n9872\n\n"));
    assert!(through.contains("Mitteilungen der Präsidentin ............................ 9872"));
    assert!(!RUNNING_HEAD.captures_iter(&through).any(|c| c[1].len() < 4));
}

#[test]
fn side_by_side_prints_two_columns_on_a_line() {
    let text = std::fs::read_to_string(fixture("text/mmp18-98-written.txt")).unwrap();
    let printed = side_by_side(&text, 4);
    let both = printed
        .lines()
        .filter(|l| {
            let chars: Vec<char> = l.chars().collect();
            chars.len() > 57
                && chars[..45].iter().any(|c| c.is_alphabetic())
                && chars[56..].iter().any(|c| c.is_alphabetic())
        })
        .count();
    assert!(both >= 20, "{both}");
    assert!(printed.contains("\u{0C}Landtag"));
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
