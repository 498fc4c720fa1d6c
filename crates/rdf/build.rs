//! Names the converter by what converts: `landtag-lod 0.1.0+<hash of the sources and tables a
//! document's graph depends on (converter_inputs.rs)>`. `ingest` skips a document whose source
//! bytes and converter are unchanged, so a changed parser must change the converter's name, or
//! an upgraded tool would keep stale graphs; a changed page template must not, or it would
//! re-convert the archive.

use std::path::Path;

include!("converter_inputs.rs");

fn main() {
    // Read when the script runs, not when it was compiled: a build script compiled in another
    // checkout of the workspace (a shared target folder) named that one's files, or none.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("../..");
    assert!(
        root.join(CONVERTER_INPUTS[0]).exists(),
        "the converter's inputs are not under {}",
        root.display()
    );
    for input in CONVERTER_INPUTS {
        println!("cargo:rerun-if-changed={}", root.join(input).display());
    }
    println!("cargo:rerun-if-changed=converter_inputs.rs");
    let files = converter_files(&root);
    // Each file too: a folder alone was seen to miss an edit inside it (a stale name).
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    let hash = converter_hash(&root, &files, |f| std::fs::read(f).unwrap_or_default());
    println!(
        "cargo:rustc-env=LANDTAG_LOD_CONVERTER=landtag-lod {}+{hash:016x}",
        env!("CARGO_PKG_VERSION")
    );
}
