//! The architecture invariants of ARCHITECTURE.md, checked on the source.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};

/// Every `.rs` file under `dir`, at any depth.
fn sources(dir: &str) -> Vec<(String, String)> {
    fn walk(p: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(p).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(&repo().join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// The crate graph, as cargo resolves it: each workspace crate's normal (not dev, not build)
/// dependencies, transitively, by package name.
fn reaches() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(repo().join("Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = |id: &str| {
        let p = meta["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id);
        p.unwrap()["name"].as_str().unwrap().to_owned()
    };
    let mut direct = std::collections::BTreeMap::<String, Vec<String>>::new();
    for node in meta["resolve"]["nodes"].as_array().unwrap() {
        let normal = node["deps"].as_array().unwrap().iter().filter(|d| {
            d["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null())
        });
        let deps = normal.map(|d| name(d["pkg"].as_str().unwrap())).collect();
        direct.insert(name(node["id"].as_str().unwrap()), deps);
    }
    let mut reach = std::collections::BTreeMap::new();
    for member in meta["workspace_members"].as_array().unwrap() {
        let (root, mut seen, mut todo) =
            (name(member.as_str().unwrap()), Default::default(), vec![]);
        todo.extend(direct[&root].iter().cloned());
        while let Some(n) = todo.pop() {
            if std::collections::BTreeSet::insert(&mut seen, n.clone()) {
                todo.extend(direct.get(&n).into_iter().flatten().cloned());
            }
        }
        reach.insert(root, seen);
    }
    reach
}

/// The picture of ARCHITECTURE.md, held by the compiler: a crate can only name what it depends
/// on. Each crate, the layers it may reach, and whether it reaches oxigraph (RDF).
#[test]
fn the_crate_graph_is_the_architecture() {
    const LAYERS: [&str; 8] = [
        "landtag-model",
        "landtag-text",
        "landtag-parse",
        "landtag-rdf",
        "landtag-store",
        "landtag-publish",
        "landtag-serve",
        "landtag-link",
    ];
    let allowed: [(&str, &[&str], bool); 8] = [
        ("landtag-model", &[], false),
        ("landtag-text", &["landtag-model"], false),
        ("landtag-parse", &["landtag-model", "landtag-text"], false),
        ("landtag-rdf", &["landtag-model"], true),
        ("landtag-store", &["landtag-model", "landtag-rdf"], true),
        (
            "landtag-publish",
            &["landtag-model", "landtag-rdf", "landtag-store"],
            true,
        ),
        (
            "landtag-serve",
            &[
                "landtag-model",
                "landtag-rdf",
                "landtag-store",
                "landtag-publish",
            ],
            true,
        ),
        ("landtag-link", &["landtag-model"], false),
    ];
    let reach = reaches();
    for (krate, layers, rdf) in allowed {
        let r = reach
            .get(krate)
            .unwrap_or_else(|| panic!("{krate} is not in the workspace"));
        let got: Vec<&str> = LAYERS.iter().copied().filter(|l| r.contains(*l)).collect();
        assert_eq!(got, layers, "{krate} reaches the layers {got:?}");
        assert_eq!(
            r.contains("oxigraph"),
            rdf,
            "{krate}: reaches oxigraph = {}",
            !rdf
        );
    }
    assert!(LAYERS.iter().all(|l| reach["landtag-lod"].contains(*l)));
}

#[test]
fn iris_are_minted_in_one_place() {
    for dir in ["src", "crates"] {
        for (path, text) in sources(dir) {
            if path.ends_with("rdf/src/iri.rs") || path.ends_with("rdf/src/vocab.rs") {
                continue;
            }
            assert!(
                !text.contains("NamedNode::new"),
                "{path} mints IRIs: only crates/rdf/src/iri.rs does"
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

/// Factions are the lexicon's: no parser spells out a list of them (`CDU|SPD|…`), which would
/// stop at the periods its author saw.
#[test]
fn no_parser_lists_factions_of_its_own() {
    for (path, text) in sources("crates/parse/src") {
        for list in ["CDU|SPD", "SPD|FDP", "|AfD", "GRÜNEN|"] {
            assert!(
                !text.contains(list),
                "{path} lists factions (`{list}`): read them from the lexicon"
            );
        }
    }
}

/// The longest function of each file under `dir` (tests aside), as (lines, file, head).
fn longest_functions(dir: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (path, text) in sources(dir) {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let lines: Vec<&str> = code.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let t = lines[i].trim_start();
            let indent = lines[i].len() - t.len();
            let head = t
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            let head = head.trim_start_matches("async ");
            if head.starts_with("fn ") && !t.ends_with(';') {
                let close = format!("{}}}", " ".repeat(indent));
                let end = (i + 1..lines.len())
                    .find(|&j| lines[j] == close)
                    .unwrap_or(lines.len());
                out.push((end - i + 1, path.clone(), t.to_owned()));
                i = end;
            }
            i += 1;
        }
    }
    out
}

/// Functions read whole: none (tests aside) runs over 80 lines.
#[test]
fn functions_read_whole() {
    for (dir, most) in [("crates", 80), ("src", 80)] {
        for (lines, path, head) in longest_functions(dir) {
            assert!(
                lines <= most,
                "{path}: `{head}` runs {lines} lines (at most {most})"
            );
        }
    }
}

/// Which top-level modules of the crate under `dir` each module names (`crate::m`), tests
/// aside.
fn module_graph(dir: &str) -> BTreeMap<String, BTreeSet<String>> {
    let root = repo().join(dir);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources(dir) {
        let rel = std::path::Path::new(&path).strip_prefix(&root).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_owned();
        if ["lib", "main"].contains(&module.as_str()) {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let named = code.split("crate::").skip(1).filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        });
        let deps = graph.entry(module.clone()).or_default();
        deps.extend(named.filter(|n| *n != module));
    }
    graph
}

/// A path of modules from `from` back to itself, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        for next in graph.get(path.last().unwrap()).into_iter().flatten() {
            if next == from {
                return Some(path.clone());
            }
            if graph.contains_key(next) && seen.insert(next.clone()) {
                stack.push([path.clone(), vec![next.clone()]].concat());
            }
        }
    }
    None
}

/// No two modules of a crate name each other, directly or round about: the layers inside a
/// crate go one way, as the crates do.
#[test]
fn no_import_circle() {
    let mut dirs = vec!["src".to_owned()];
    for e in std::fs::read_dir(repo().join("crates")).unwrap() {
        dirs.push(format!(
            "crates/{}/src",
            e.unwrap().file_name().to_string_lossy()
        ));
    }
    for dir in dirs {
        let graph = module_graph(&dir);
        for module in graph.keys() {
            if let Some(path) = circle(&graph, module) {
                panic!("{dir}: an import circle: {} → {module}", path.join(" → "));
            }
        }
    }
}
