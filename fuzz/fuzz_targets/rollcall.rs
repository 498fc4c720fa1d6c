//! Roll-call tables (`Lfd. Nr. | Name | Fraktion | Ja | Nein | Stimmenthaltung`) as the PDF
//! reader writes them, in a period chosen by the input's first byte.
#![no_main]
use landtag_lod::parse::rollcall;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let _ = rollcall::tables(&text, Some(u32::from(first % 20)));
});
