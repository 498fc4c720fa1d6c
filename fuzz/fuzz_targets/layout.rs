//! The PDF layout reader: poppler's `-bbox-layout` XHTML to text in reading order, roll-call
//! tables row by row.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = landtag_lod::pdf::layout_text(data);
});
