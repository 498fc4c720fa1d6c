// What converts a document, and so names the converter: shared by `build.rs` (which hashes it
// into `LANDTAG_LOD_CONVERTER`) and the test that holds the list to what converts
// (`src/lib.rs`, `converter_version_follows_what_converts`). Paths are relative to the
// workspace root; a folder stands for every file under it.
//
// Not here, on purpose: the server (pages, templates, lanes), the store, publishing, linking,
// the queries and the ontology. Editing them changes no graph, so it must re-convert nothing.

/// The parts of the workspace a document's graph depends on.
const CONVERTER_INPUTS: &[&str] = &[
    "crates/model/src",
    "crates/text/src",
    "crates/parse/src",
    "crates/rdf/src",
    // Between parsing and mapping: surnames resolved to the period's members.
    "src/resolve.rs",
    "src/pipeline.rs",
    // The tables compiled in: a changed lexicon or member list re-converts.
    "data/lexicon",
    "data/members",
];

/// Every file of `CONVERTER_INPUTS` under `root`, sorted.
fn converter_files(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    fn collect(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        match std::fs::read_dir(p) {
            Ok(entries) => entries.flatten().for_each(|e| collect(&e.path(), out)),
            Err(_) if p.is_file() => out.push(p.to_owned()),
            Err(_) => {}
        }
    }
    let mut files = Vec::new();
    for input in CONVERTER_INPUTS {
        collect(&root.join(input), &mut files);
    }
    files.sort();
    files
}

/// FNV-1a, 64 bits, over each file's path (relative to `root`) and bytes (`read`): stable
/// across compilers, unlike std's hasher.
fn converter_hash(
    root: &std::path::Path,
    files: &[std::path::PathBuf],
    read: impl Fn(&std::path::Path) -> Vec<u8>,
) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let name = f.strip_prefix(root).unwrap_or(f);
        for b in name.to_string_lossy().bytes().chain(read(f)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
