//! No panic on any input: the corpus documents, cut and mutated at random (a fixed seed, so a
//! failure replays), go through normalise → parse → map in process.

use crate::common::*;
use landtag_lod::rdf::{map, Base, Provenance};
use landtag_lod::{normalize, parse};

/// xorshift64*: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "**",
    "> ",
    "*)",
    " – ",
    " - ",
    "-\n",
    "\n\n",
    "\u{0C}",
    ":",
    "?",
    "Wer stimmt ",
    "zu? – ",
    "Drucksache 18/",
    "Vorsitzender ",
    "(SPD)",
    "[CDU]: ",
    "Beifall von der ",
    "Der Ausschuss lehnt ",
    " ab.",
    "13 ",
    "Schluss: 17:29 Uhr",
    "Beginn: 10:00 Uhr",
    "Plenarprotokoll 18/1",
    "28.01.2026\n",
    "LANDTAG NORDRHEIN-WESTFALEN - 17. Wahlperiode Drucksache 17/1 2 ",
    "ä",
    "€",
    "\u{200B}",
    "🙂",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(40) {
        let at = rng.below(chars.len() + 1);
        match rng.below(4) {
            0 => {
                let len = rng.below(200).min(chars.len() - at.min(chars.len()));
                chars.drain(at..at + len);
            }
            1 => {
                let s: Vec<char> = SNIPPETS[rng.below(SNIPPETS.len())].chars().collect();
                chars.splice(at..at, s);
            }
            2 if !chars.is_empty() => {
                let from = rng.below(chars.len());
                let len = rng.below(300).min(chars.len() - from);
                let copy: Vec<char> = chars[from..from + len].to_vec();
                chars.splice(at.min(chars.len())..at.min(chars.len()), copy);
            }
            _ => {
                let end = (at + rng.below(chars.len() + 1)).min(chars.len());
                chars.truncate(end.max(at.min(chars.len())));
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_documents_never_panic() {
    let base = Base::new("https://example.org").unwrap();
    let provenance = Provenance {
        source: "fuzz.txt".into(),
        digest: "0".repeat(64),
        converted_at: "2026-01-01T00:00:00Z".into(),
    };
    let docs: Vec<String> = [
        "apr17-adi-61_2021-12-02.txt",
        "mmp18-15_excerpt.txt",
        "mmd17-10377.txt",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(corpus().join(f)).unwrap())
    .collect();
    // A deeper local run: LANDTAG_LOD_FUZZ_ROUNDS=20000 LANDTAG_LOD_FUZZ_SEED=7 cargo test robustness
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let rounds = env("LANDTAG_LOD_FUZZ_ROUNDS", 600) as usize;
    let mut rng = Rng(env("LANDTAG_LOD_FUZZ_SEED", 0x5EED_1A4D_7A61_2026).max(1));
    let mut parsed = 0;
    for round in 0..rounds {
        let text = mutate(&mut rng, &docs[round % docs.len()]);
        let result = std::panic::catch_unwind(|| {
            let n = normalize::normalize(&text);
            let p = parse::parse(&n);
            if let Some(doc) = &p.document {
                let _ = map::map_document(doc, &base, &provenance);
            }
            p.document.is_some()
        });
        match result {
            Ok(true) => parsed += 1,
            Ok(false) => {}
            Err(_) => {
                let path = std::env::temp_dir().join(format!("landtag-lod-panic-{round}.txt"));
                std::fs::write(&path, &text).unwrap();
                panic!("round {round} panicked; the input is in {}", path.display());
            }
        }
    }
    assert!(
        parsed * 2 > rounds,
        "most mutants are still documents: {parsed} of {rounds}"
    );
}
