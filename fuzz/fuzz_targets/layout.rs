//! The fuzz target `layout`: its body is `landtag_parse::fuzzing::layout`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::layout(data));
