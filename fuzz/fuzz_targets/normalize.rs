//! The fuzz target `normalize`: its body is `landtag_lod::fuzzing::normalize`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_lod::fuzzing::normalize(data));
