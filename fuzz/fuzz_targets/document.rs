//! The fuzz target `document`: its body is `landtag_lod::fuzzing::document`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_lod::fuzzing::document(data));
