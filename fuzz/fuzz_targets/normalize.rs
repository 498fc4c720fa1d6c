//! The fuzz target `normalize`: its body is `landtag_parse::fuzzing::normalize`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::normalize(data));
