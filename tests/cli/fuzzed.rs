//! Every input a fuzz target once crashed on (`fuzz/regressions/TARGET/`) goes through the same
//! target body again, in process: none may panic.

use crate::common::*;

#[test]
fn kept_crash_inputs_of_the_fuzz_targets_pass() {
    let mut replayed = 0;
    for (name, target) in landtag_lod::fuzzing::TARGETS {
        let dir = repo().join("fuzz/regressions").join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let data = std::fs::read(e.path()).unwrap();
            let path = e.path();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} panics", path.display());
            replayed += 1;
        }
    }
    println!("{replayed} kept fuzz inputs replayed");
    assert!(replayed > 0, "no kept inputs under fuzz/regressions/");
}
