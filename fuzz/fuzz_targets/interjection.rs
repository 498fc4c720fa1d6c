//! The fuzz target `interjection`: its body is `landtag_parse::fuzzing::interjection`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::interjection(data));
