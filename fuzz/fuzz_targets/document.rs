//! A whole document: normalise, recognise its kind, parse (every reader above in context).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let normalized = landtag_lod::normalize::normalize(&raw);
    let _ = landtag_lod::parse::parse(&normalized);
});
