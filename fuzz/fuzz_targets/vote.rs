//! The fuzz target `vote`: its body is `landtag_parse::fuzzing::vote`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::vote(data));
