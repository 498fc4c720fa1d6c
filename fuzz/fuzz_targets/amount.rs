//! Amounts of money, funding sentences and government programmes with their figures.
#![no_main]
use landtag_lod::parse::{amount, funding, programme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = amount::amounts(&text);
    let _ = funding::read(&text);
    let programmes = programme::programmes(&text);
    let _ = programme::figures(&text, &programmes);
});
