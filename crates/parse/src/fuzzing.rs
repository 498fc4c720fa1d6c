//! The fuzz targets' bodies, one per parser, in the library so that `fuzz/` (libFuzzer) and
//! the test that replays the kept crash inputs (`fuzz/regressions/`) drive the same code.

use crate::voters::{self, When};
use crate::{amount, funding, interjection, programme, rollcall, speaker, tally, vote};

/// A target's body.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/` builds them.
pub const TARGETS: &[(&str, Target)] = &[
    ("normalize", normalize),
    ("speaker", speaker),
    ("vote", vote),
    ("interjection", interjection),
    ("amount", amount),
    ("rollcall", rollcall),
    ("layout", layout),
    ("document", document),
];

/// The normaliser; the paragraphs' offsets fall on character boundaries.
pub fn normalize(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let n = crate::normalize::normalize(&raw);
    for p in crate::normalize::paragraphs(&n.text) {
        assert!(n.text.is_char_boundary(p.start) && n.text.is_char_boundary(p.end));
    }
}

/// Speaker labels, factions in a label, bracketed persons, actors, reported and government
/// mentions.
pub fn speaker(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = speaker::label_at_start(&text);
    let _ = speaker::faction_from_label(&text);
    let _ = speaker::bracketed_person(&text);
    let _ = speaker::actors(&text);
    let known = vec!["Müller".to_owned(), "Dr. Schmitz".to_owned()];
    let _ = speaker::reported_mentions(&text, Some("Vorsitzender"), &known);
    let _ = speaker::government_mentions(&text);
}

/// Vote passages, decisions, elections, tallies and voter phrases, in a period chosen by the
/// first byte.
pub fn vote(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let when = When {
        wahlperiode: Some(u32::from(first % 20)),
        date: (first & 0x80 != 0)
            .then(|| crate::model::Date::new(2021, 12, 2))
            .flatten(),
    };
    let _ = vote::plenary(&text, None, when);
    let _ = vote::decisions(&text, None, when);
    let _ = vote::elections(&text);
    let _ = tally::announced(&text);
    let _ = voters::named(&text, when);
}

/// Interjections: whether a paragraph is one, and its events.
pub fn interjection(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = interjection::is_interjection(&text);
    let _ = interjection::read(&text);
}

/// Amounts, funding sentences, programmes and their figures.
pub fn amount(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = amount::amounts(&text);
    let chars = crate::model::CharIndex::new(&text);
    let _ = funding::read(&chars);
    let programmes = programme::programmes(&text);
    let _ = programme::figures(&chars, &programmes, None);
}

/// Roll-call tables, in a period chosen by the first byte.
pub fn rollcall(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let _ = rollcall::tables(&text, Some(u32::from(first % 20)));
}

/// The PDF layout reader over poppler's `-tsv` layout.
pub fn layout(data: &[u8]) {
    let _ = crate::pdf::layout_text(data);
}

/// A whole document: normalised, recognised, parsed.
pub fn document(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let normalized = crate::normalize::normalize(&raw);
    let _ = crate::parse(&normalized);
}
