//! Parser cases as data, one runner: `tests/data/parse/<reader>/<case>.txt` holds an input (its
//! first lines may say `# period: 17` or `# case: what it shows`), `<case>.json` what the reader
//! must make of it, as JSON. The readers and what of their output a case states are the table
//! `READERS` below.
//!
//! A new case is a new `.txt`; `LANDTAG_LOD_UPDATE_CASES=1 cargo test -p landtag-parse --test
//! cases` writes the `.json` of every case from what the readers give now (review the diff
//! before committing it). Without the flag a missing or different `.json` fails.

use landtag_model::model::{Position, VoteResult, Voter};
use landtag_parse::{amount, interjection, speaker, vote, voters};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A case's input and its header lines.
struct Input {
    text: String,
    header: BTreeMap<String, String>,
}

impl Input {
    fn read(path: &Path) -> Input {
        let raw = std::fs::read_to_string(path).unwrap();
        let mut header = BTreeMap::new();
        let mut body = Vec::new();
        for line in raw.lines() {
            match line.strip_prefix("# ").and_then(|l| l.split_once(": ")) {
                Some((k, v)) if body.is_empty() => {
                    header.insert(k.to_owned(), v.to_owned());
                }
                _ => body.push(line),
            }
        }
        Input {
            text: body.join("\n"),
            header,
        }
    }

    fn period(&self) -> Option<u32> {
        self.header
            .get("period")
            .map(|p| p.parse().expect("`# period:` is a number"))
    }
}

type Reader = fn(&Input) -> Value;

/// Each reader, and what of its output a case states.
const READERS: &[(&str, Reader)] = &[
    ("speaker-label", speaker_label),
    ("interjection", interjections),
    ("amount", amounts),
    ("vote", votes),
    ("committee", committee),
    ("record", records),
];

/// A speaker label at a paragraph's start: the person as the model holds it, with the ministry
/// the label names in the case's period (`# period:`), or `null`.
fn speaker_label(input: &Input) -> Value {
    let found = speaker::label_at_start(&input.text).map(|f| {
        let mut s = f.speaker;
        s.speaks_for = speaker::speaks_for(&s, input.period());
        s
    });
    json!(found)
}

/// A parenthesis: each event's kind, factions, persons and words.
fn interjections(input: &Input) -> Value {
    let rows: Vec<Value> = interjection::read(&input.text)
        .into_iter()
        .map(|e| {
            let persons: Vec<&str> = e.persons.iter().map(|p| p.name.as_str()).collect();
            json!([e.kind, e.factions, persons, e.text])
        })
        .collect();
    json!(rows)
}

/// A phrase: each amount's value, currency, whether approximate, and the words it was read from.
fn amounts(input: &Input) -> Value {
    let t = &input.text;
    let rows: Vec<Value> = amount::amounts(t)
        .into_iter()
        .map(|a| json!([a.value, a.currency, a.approximate, &t[a.start..a.end]]))
        .collect();
    json!(rows)
}

/// A vote passage: per vote its subject, result, who voted how, and where it was referred.
fn votes(input: &Input) -> Value {
    let when = voters::When {
        wahlperiode: input.period(),
        date: None,
    };
    let rows: Vec<Value> = vote::plenary(&input.text, None, when)
        .into_iter()
        .map(|r| vote_row(&r.vote))
        .collect();
    json!(rows)
}

/// A committee protocol's passage: per decision (`Der Ausschuss lehnt den Antrag mit den
/// Stimmen … ab.`) what a vote case states.
fn committee(input: &Input) -> Value {
    let when = voters::When {
        wahlperiode: input.period(),
        date: None,
    };
    let rows: Vec<Value> = vote::decisions(&input.text, None, when)
        .into_iter()
        .map(|r| vote_row(&r.vote))
        .collect();
    json!(rows)
}

/// A Beschlussprotokoll (a head and items, read as a file is): per decision what a vote case
/// states, with its item, the recommendation it followed and a roll call's printed totals.
fn records(input: &Input) -> Value {
    let parsed = landtag_parse::parse(&landtag_text::normalize::normalize(&input.text));
    let doc = parsed
        .document
        .expect("the case is read as a Beschlussprotokoll");
    assert_eq!(
        doc.kind,
        landtag_model::model::DocumentKind::Beschlussprotokoll
    );
    let rows: Vec<Value> = doc
        .votes
        .iter()
        .map(|v| {
            let mut row = vote_row(v);
            row["item"] = json!(v.item);
            if let Some(p) = v.following {
                row["following"] = json!(p.printed());
            }
            if let Some(t) = v.tally {
                row["tally"] = json!([t.cast, t.yes, t.no, t.abstain]);
            }
            row
        })
        .collect();
    let checks: Vec<Value> = doc.checks.iter().map(|c| json!(c.kind)).collect();
    json!({ "votes": rows, "warnings": parsed.diagnostics.len(), "checks": checks })
}

/// What a case states of one vote: subject, result, who voted how, referral, the paper a
/// recommendation decides, and where present the lead, the part and further papers.
fn vote_row(v: &landtag_model::model::Vote) -> Value {
    let label = |v: &Voter| match v {
        Voter::Faction(f) => f.label().to_owned(),
        Voter::Member(s) => s.name.clone(),
    };
    let of = |p: Position| -> Vec<String> {
        let named = v.positions.iter().filter(|(_, q)| *q == p);
        let mut labels: Vec<String> = named.map(|(v, _)| label(v)).collect();
        // Who voted how is a set: a case does not state the order of the text.
        labels.sort();
        labels
    };
    let result = v.result.map(|x| match x {
        VoteResult::Accepted => "accepted",
        VoteResult::Rejected => "rejected",
    });
    let mut row = json!({
        "subject": v.subject.map(|s| s.printed()),
        "result": result,
        "yes": of(Position::Yes),
        "no": of(Position::No),
        "abstain": of(Position::Abstain),
        "referred_to": v.referred_to,
        "decides": v.decides.map(|s| s.printed()),
    });
    // The lead committee, where a referral names one.
    if let Some(lead) = &v.lead {
        row["lead"] = json!(lead);
    }
    // The part voted on apart, where there is one.
    if let Some(part) = &v.part {
        row["part"] = json!(part);
    }
    // Further papers the vote decides alike, where there are any.
    if !v.also_on.is_empty() {
        let also: Vec<String> = v.also_on.iter().map(|p| p.printed()).collect();
        row["also_on"] = json!(also);
    }
    row
}

/// The cases' folder; `LANDTAG_LOD_CASES=DIR` reads another one of the same shape (passages
/// one may read but not store, e.g. quoted on public pages: with `LANDTAG_LOD_UPDATE_CASES=1`
/// their `.json` are written there, to be reviewed by hand).
fn data() -> PathBuf {
    match std::env::var_os("LANDTAG_LOD_CASES") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/parse"),
    }
}

#[test]
fn every_case_gives_what_it_states() {
    let update = std::env::var_os("LANDTAG_LOD_UPDATE_CASES").is_some();
    let (mut failed, mut cases) = (Vec::new(), 0);
    for entry in std::fs::read_dir(data()).expect("tests/data/parse") {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let Some((_, reader)) = READERS.iter().find(|(n, _)| *n == name) else {
            panic!("{}: no reader of that name (READERS)", dir.display());
        };
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "{name}: no cases");
        for input in inputs {
            cases += 1;
            let got = reader(&Input::read(&input));
            let expect = input.with_extension("json");
            if update {
                let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
                std::fs::write(&expect, text).unwrap();
                continue;
            }
            let want: Option<Value> = std::fs::read_to_string(&expect)
                .ok()
                .map(|t| serde_json::from_str(&t).expect("a case's .json is JSON"));
            if want.as_ref() != Some(&got) {
                let shown = serde_json::to_string(&got).unwrap();
                failed.push(format!("{}:\n  got  {shown}", input.display()));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {cases} cases differ (LANDTAG_LOD_UPDATE_CASES=1 rewrites them):\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// `text` as a narrow column prints it: every line broken at spaces into lines of at most
/// `width` characters (a word longer stays whole), with `aside` (an interjection) as a line of
/// its own halfway.
fn narrow(text: &str, width: usize, aside: Option<&str>) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let len = current.chars().count() + word.chars().count() + 1;
            if !current.is_empty() && len > width {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    if let Some(aside) = aside.filter(|_| out.len() > 2) {
        out.insert(out.len() / 2, aside.to_owned());
    }
    out.join("\n")
}

/// An interjection that asks and answers as a chair does, to be passed over.
const ASIDE: &str = "(Zuruf von Sven Werner Tritschler [AfD]: Wer stimmt dagegen? – Die SPD! – \
                     Heiterkeit und Beifall von der CDU)";

/// The ways one passage is printed otherwise: a column's narrower lines, a line opened by each
/// dash (as pdftotext prints a dash at a line's start), dashes set as another producer or a
/// scan's text recognition sets them (`-`, `—`), and (not for a parenthesis) an interjection as
/// a line of its own halfway, and a result opened by another word than `Damit`.
/// Each with the dash it sets, which words quoted from the text (a call's) keep.
fn printed_otherwise(text: &str, parenthesis: bool) -> Vec<(&'static str, String, &'static str)> {
    let mut out = vec![
        ("lines of 22 characters", narrow(text, 22, None), " – "),
        ("lines of 31 characters", narrow(text, 31, None), " – "),
        ("lines of 44 characters", narrow(text, 44, None), " – "),
        (
            "each dash opening a line",
            text.replace(" – ", "\n– "),
            " – ",
        ),
        ("dashes as hyphens", text.replace(" – ", " - "), " - "),
        ("dashes as em dashes", text.replace(" – ", " — "), " — "),
    ];
    if !parenthesis {
        out.push(("interrupted", narrow(text, 44, Some(ASIDE)), " – "));
        for (how, with) in [
            ("a result opened with Somit", "Somit $1"),
            ("a result opened with Dann", "Dann $1"),
            ("a result opened with Also", "Also $1"),
        ] {
            out.push((
                how,
                RESULT_OPENING.replace_all(text, with).into_owned(),
                " – ",
            ));
        }
    }
    out
}

/// How a result sentence opens in the cases, mostly: `Damit ist …`.
static RESULT_OPENING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\bDamit (ist|sind|wurde|wurden|haben)\b").unwrap()
});

/// A printed column breaks a passage's lines anywhere, producers set dashes as they do, and the
/// House interjects anywhere: every vote passage, committee decision and parenthesis reads
/// alike printed otherwise (`printed_otherwise`). The cases are written one line a passage with
/// the Landtag's `–`, without interjections mostly: a phrase matched only within a line, a dash
/// read only as `–` after a space, an interjection that hides a sentence's start fail here.
#[test]
fn every_passage_reads_alike_printed_otherwise() {
    let mut differ = Vec::new();
    let mut passages = 0;
    for (name, reader) in READERS
        .iter()
        .filter(|(n, _)| ["vote", "committee", "interjection"].contains(n))
    {
        let dir = data().join(name);
        for entry in std::fs::read_dir(&dir).expect("tests/data/parse") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            passages += 1;
            let input = Input::read(&path);
            let whole = serde_json::to_string(&reader(&input)).unwrap();
            for (how, text, dash) in printed_otherwise(&input.text, *name == "interjection") {
                let other = Input {
                    text,
                    header: input.header.clone(),
                };
                let got = serde_json::to_string(&reader(&other)).unwrap();
                if got != whole.replace(" – ", dash) {
                    differ.push(format!("{}: {how}", path.display()));
                }
            }
        }
    }
    assert!(passages > 400, "{passages}");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
