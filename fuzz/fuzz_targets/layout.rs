//! The fuzz target `layout`: its body is `landtag_lod::fuzzing::layout`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_lod::fuzzing::layout(data));
