//! The normaliser: any text (pdftotext's output, a text file) to normalised text and pages.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let n = landtag_lod::normalize::normalize(&raw);
    // Offsets the parsers use must fall on the text's character boundaries.
    for p in landtag_lod::normalize::paragraphs(&n.text) {
        assert!(n.text.is_char_boundary(p.start) && n.text.is_char_boundary(p.end));
    }
});
