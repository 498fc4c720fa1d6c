//! Vote passages: plenary decisions, committee decisions, elections, tallies and the phrases
//! naming who voted how, in a period chosen by the input's first byte.
#![no_main]
use landtag_lod::parse::{tally, vote, voters};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let when = voters::When {
        wahlperiode: Some(u32::from(first % 20)),
        date: (first & 0x80 != 0).then_some("2021-12-02"),
    };
    let _ = vote::plenary(&text, None, when);
    let _ = vote::decisions(&text, None, when);
    let _ = vote::elections(&text);
    let _ = tally::announced(&text);
    let _ = voters::named(&text, when);
});
