//! The fuzz target `amount`: its body is `landtag_parse::fuzzing::amount`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::amount(data));
