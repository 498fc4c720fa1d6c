//! The fuzz target `speaker`: its body is `landtag_parse::fuzzing::speaker`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::speaker(data));
