//! The fuzz target `document`: its body is `landtag_parse::fuzzing::document`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::document(data));
