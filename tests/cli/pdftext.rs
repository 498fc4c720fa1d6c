//! The plenary PDF sample as text (`pdftotext -enc UTF-8`): every `Wer stimmt` passage must
//! become a vote with a result and at least one position; applause events are counted.

use crate::common::*;
use std::process::Command;

fn pdf_text(dir: &std::path::Path) -> std::path::PathBuf {
    let txt = dir.join("mmp18-115.txt");
    let status = Command::new("pdftotext")
        .args([
            "-enc",
            "UTF-8",
            s(&repo().join("sample/pdf/mmp18-115.pdf")),
            s(&txt),
        ])
        .status()
        .expect("pdftotext runs (Debian poppler-utils)");
    assert!(status.success());
    txt
}

fn query(store: &std::path::Path, q: &str) -> Vec<Vec<String>> {
    let out = stdout(&ok(&["query", "--store", s(store), q, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let vars: Vec<String> = json["head"]["vars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| b[v]["value"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .collect()
}

/// The PDF sample's text in a store, and the normalised text as stored.
fn ingested_pdf_text(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let txt = pdf_text(dir);
    let store = dir.join("store");
    ok(&["ingest", s(&txt), "--store", s(&store)]);
    let text = query(&store, "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> SELECT ?t WHERE { ?c a nif:Context ; nif:isString ?t }")[0][0].clone();
    (store, text)
}

#[test]
fn every_vote_passage_of_the_pdf_text_becomes_a_vote() {
    let dir = tempdir();
    let (store, text) = ingested_pdf_text(dir.path());
    let text = &text;
    let votes = query(
        &store,
        "PREFIX opengov: <http://www.w3.org/ns/opengov#> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
         SELECT ?b ?e (SAMPLE(?r) AS ?result) (COUNT(DISTINCT ?ballot) AS ?n) WHERE {
           ?v a opengov:VoteEvent ; nif:beginIndex ?b ; nif:endIndex ?e . OPTIONAL { ?v opengov:result ?r } OPTIONAL { ?v opengov:vote ?ballot }
         } GROUP BY ?v ?b ?e",
    );
    let chars: Vec<char> = text.chars().collect();
    let whole: String = chars.iter().collect();
    let mut passages = 0;
    let mut unparsed = Vec::new();
    for (byte, _) in whole.match_indices("Wer stimmt") {
        passages += 1;
        let at = whole[..byte].chars().count();
        let covered = votes.iter().any(|v| {
            let (b, e): (usize, usize) = (v[0].parse().unwrap(), v[1].parse().unwrap());
            b <= at && at < e && !v[2].is_empty() && v[3] != "0"
        });
        if !covered {
            let context: String = chars[at.saturating_sub(200)..(at + 300).min(chars.len())]
                .iter()
                .collect();
            unparsed.push(context);
        }
    }
    println!(
        "`Wer stimmt` passages: {passages}; votes: {}; unparsed: {}",
        votes.len(),
        unparsed.len()
    );
    for u in &unparsed {
        println!("unparsed:\n{u}\n---");
    }
    assert!(passages >= 40, "{passages}");
    // One known miss, and only that one: pdftotext emits page 138's columns out of order, so
    // the answer to the vote on Drucksache 18/17552 stands before its question (PDF input with
    // its own reading order is a later issue). Any other miss, or that one mended, fails here.
    let known = |u: &String| {
        u.contains("Grünen Drucksache 18/17552. Wer stimmt dem")
            && u.contains("Das sind die Fraktionen von\n\nBeschlussempfehlung")
    };
    let new: Vec<&String> = unparsed.iter().filter(|u| !known(u)).collect();
    assert!(
        new.is_empty(),
        "vote passages left unparsed:\n---\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n---\n")
    );
    assert_eq!(
        unparsed.len(),
        1,
        "the known reading-order miss is gone: update this test"
    );
}

#[test]
fn applause_in_the_pdf_text_is_counted() {
    let dir = tempdir();
    let (store, text) = ingested_pdf_text(dir.path());
    let text = &text;
    let present = text.matches("(Beifall").count();
    let starts: Vec<usize> = query(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
         PREFIX art: <https://w3id.org/landtag-lod/interjektionsart/>
         SELECT DISTINCT ?b WHERE { ?i lt:art art:beifall ; nif:beginIndex ?b }",
    )
    .iter()
    .map(|r| r[0].parse().unwrap())
    .collect();
    let chars: Vec<char> = text.chars().collect();
    let found = starts
        .iter()
        .filter(|&&b| chars[b..].iter().take(8).collect::<String>() == "(Beifall")
        .count();
    println!("`(Beifall` parentheses present: {present}; found as applause: {found}");
    assert!(present >= 300, "{present}");
    assert!(found * 100 >= present * 95, "found {found} of {present}");
}
