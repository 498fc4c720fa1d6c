//! The fuzz target `vote`: its body is `landtag_lod::fuzzing::vote`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_lod::fuzzing::vote(data));
