//! Names the converter by its source: `landtag-lod 0.1.0+<hash of the workspace's src/, crates/,
//! ontology/, queries/ and the tables compiled in (data/lexicon, data/members)>`.
//! `ingest` skips a document whose source bytes and converter are unchanged, so a changed
//! parser must change the converter's name, or an upgraded tool would keep stale graphs.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    // The lexicon and the members by period are compiled in: a changed table re-converts.
    for dir in [
        "src",
        "crates",
        "ontology",
        "queries",
        "data/lexicon",
        "data/members",
    ] {
        collect(&root.join(dir), &mut files);
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
    }
    files.sort();
    // FNV-1a, 64 bits: stable across compilers, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        let name = f.strip_prefix(&root).unwrap_or(f);
        for b in name
            .to_string_lossy()
            .bytes()
            .chain(std::fs::read(f).unwrap_or_default())
        {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!(
        "cargo:rustc-env=LANDTAG_LOD_CONVERTER=landtag-lod {}+{hash:016x}",
        env!("CARGO_PKG_VERSION")
    );
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}
