//! The fuzz target `rollcall`: its body is `landtag_parse::fuzzing::rollcall`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| landtag_parse::fuzzing::rollcall(data));
