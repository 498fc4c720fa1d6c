//! The architecture invariants of ARCHITECTURE.md, checked on the source.

use crate::common::*;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(repo().join(dir)).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "rs") {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    assert!(!out.is_empty());
    out
}

#[test]
fn parsers_know_no_rdf() {
    for (path, text) in sources("src/parse") {
        for word in ["oxigraph", "crate::rdf", "NamedNode"] {
            assert!(
                !text.contains(word),
                "{path} uses `{word}`: parsers know no RDF"
            );
        }
    }
}

#[test]
fn the_mapping_knows_no_text() {
    for (path, text) in sources("src/rdf") {
        for word in [
            "Regex",
            "crate::normalize",
            "crate::parse::refs",
            "crate::parse::vote",
        ] {
            assert!(
                !text.contains(word),
                "{path} uses `{word}`: the mapping reads the model, not text"
            );
        }
    }
}

#[test]
fn iris_are_minted_in_one_place() {
    for dir in [
        "src",
        "src/parse",
        "src/rdf",
        "src/publish",
        "src/serve",
        "src/link",
        "src/pdf",
    ] {
        for (path, text) in sources(dir) {
            if path.ends_with("iri.rs") || path.ends_with("vocab.rs") {
                continue;
            }
            assert!(
                !text.contains("NamedNode::new"),
                "{path} mints IRIs: only rdf/iri.rs does"
            );
        }
    }
}

/// The shapes' closed list of faction labels is the lexicon's: a faction added to
/// `data/lexicon/fraktionen.tsv` must be added to `ontology/shapes.ttl` too.
#[test]
fn the_shapes_know_every_faction_of_the_lexicon() {
    let table = std::fs::read_to_string(repo().join("data/lexicon/fraktionen.tsv")).unwrap();
    let labels: Vec<String> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| format!("\"{}\"", l.split('\t').nth(1).unwrap()))
        .collect();
    let shapes = std::fs::read_to_string(repo().join("ontology/shapes.ttl")).unwrap();
    let line = shapes
        .lines()
        .find(|l| l.contains("skos:prefLabel") && l.contains("sh:in") && l.contains("\"CDU\""))
        .expect("the Fraktion shape's label list");
    let listed: Vec<&str> = line
        .split('(')
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(listed, labels);
}

/// The mapping reads the typed model only: nothing under `src/rdf` calls into the parsers.
#[test]
fn the_mapping_reads_no_text() {
    for (path, text) in sources("src/rdf") {
        assert!(
            !text.contains("crate::parse") && !text.contains("super::parse"),
            "{path} calls into the parsers: the mapping reads the model only"
        );
    }
}

/// Factions are the lexicon's: no parser spells out a list of them (`CDU|SPD|…`), which would
/// stop at the periods its author saw.
#[test]
fn no_parser_lists_factions_of_its_own() {
    for (path, text) in sources("src/parse") {
        for list in ["CDU|SPD", "SPD|FDP", "|AfD", "GRÜNEN|"] {
            assert!(
                !text.contains(list),
                "{path} lists factions (`{list}`): read them from the lexicon"
            );
        }
    }
}

/// Parsers are small readers: no function under `src/parse` (tests aside) runs over 90 lines.
#[test]
fn parse_functions_read_whole() {
    for (path, text) in sources("src/parse") {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let lines: Vec<&str> = code.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i];
            let indent = l.len() - l.trim_start().len();
            let t = l.trim_start();
            let is_fn = (t.starts_with("fn ")
                || t.starts_with("pub fn ")
                || t.starts_with("pub(crate) fn "))
                && !t.ends_with(';');
            if is_fn {
                let close = format!("{}}}", " ".repeat(indent));
                let end = (i + 1..lines.len())
                    .find(|&j| lines[j] == close)
                    .unwrap_or(lines.len());
                assert!(end - i < 90, "{path}: `{}` runs {} lines", t, end - i + 1);
                i = end;
            }
            i += 1;
        }
    }
}
