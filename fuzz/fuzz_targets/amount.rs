//! The fuzz target `amount`: its body is `landtag_lod::fuzzing::amount`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_lod::fuzzing::amount(data));
