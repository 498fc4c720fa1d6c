//! Speaker labels: a paragraph's opening label, factions in a label, bracketed persons, the
//! actors of a list, reported-speech mentions and the government's members.
#![no_main]
use landtag_lod::parse::speaker;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = speaker::label_at_start(&text);
    let _ = speaker::faction_from_label(&text);
    let _ = speaker::bracketed_person(&text);
    let _ = speaker::actors(&text);
    let known = vec!["Müller".to_owned(), "Dr. Schmitz".to_owned()];
    let _ = speaker::reported_mentions(&text, Some("Vorsitzender"), &known);
    let _ = speaker::government_mentions(&text);
});
