//! Interjections: whether a paragraph is one, and the events (applause, calls, laughter) of a
//! parenthesis.
#![no_main]
use landtag_lod::parse::interjection;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = interjection::is_interjection(&text);
    let _ = interjection::read(&text);
});
