//! Protocols of other periods than the 18th: the 15th (DIE LINKE), the 16th (PIRATEN, a roll
//! call), the 17th's constituent session (elections with ballot counts), and a roll call's
//! annex table (a fixture in the annex's layout, PDF and text). Each read through the real
//! binary into a real store and asked with the named queries.

use crate::common::*;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// A named query's rows as `column → value` maps.
fn rows(store: &Path, name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = stdout(&ok(&[
        "query",
        "--store",
        s(store),
        name,
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            b.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .collect()
}

fn store_of(dir: &Path, files: &[PathBuf]) -> PathBuf {
    let store = dir.join("store");
    let mut args = vec!["ingest".to_owned()];
    args.extend(files.iter().map(|f| s(f).to_owned()));
    args.extend(["--store".to_owned(), s(&store).to_owned()]);
    ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    store
}

/// `(subject, faction, position)` of one document's votes, sorted, with the result.
fn positions(store: &Path, source: &str) -> Vec<(String, String, String, String)> {
    let mut out: Vec<_> = rows(store, "votes")
        .into_iter()
        .filter(|r| r["source"].contains(source))
        .map(|r| {
            let g = |k: &str| r.get(k).cloned().unwrap_or_default();
            (g("subject"), g("result"), g("faction"), g("position"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn speakers_of_the_15th_and_16th_period_keep_their_factions() {
    let dir = tempdir();
    let store = store_of(
        dir.path(),
        &[
            fixture("pdf/mmp15-57_pages-5694-5696.pdf"),
            fixture("pdf/mmp16-76_pages-7798-7800.pdf"),
        ],
    );
    let contributions = rows(&store, "contributions");
    let faction_of = |name: &str| -> Vec<String> {
        contributions
            .iter()
            .filter(|r| r.get("speaker").is_some_and(|s| s == name))
            .map(|r| r.get("faction").cloned().unwrap_or_default())
            .collect()
    };
    assert_eq!(faction_of("Özlem Alev Demirel"), ["LINKE"]);
    assert_eq!(faction_of("Kai Abruszat"), ["FDP"]);
    assert!(faction_of("Dietmar Schulz").iter().all(|f| f == "PIRATEN"));
    assert_eq!(faction_of("Dietmar Schulz").len(), 2);
    assert!(faction_of("Wilhelm Droste").iter().all(|f| f == "CDU"));
    // Every speaker printed with a faction has one.
    for r in &contributions {
        let role = r.get("role").cloned().unwrap_or_default();
        if r.get("speaker").is_some_and(|s| !s.is_empty()) && role.is_empty() {
            assert!(r.get("faction").is_some_and(|f| !f.is_empty()), "{r:?}");
        }
    }
    let applause: Vec<String> = rows(&store, "interjections")
        .into_iter()
        .filter(|r| r["kind"] == "applause")
        .filter_map(|r| r.get("faction").cloned())
        .collect();
    assert!(applause.iter().any(|f| f == "LINKE"));
    assert!(applause.iter().any(|f| f == "PIRATEN"));
}

#[test]
fn votes_of_the_16th_period_as_its_chairs_phrase_them() {
    let dir = tempdir();
    let store = store_of(dir.path(), &[fixture("pdf/mmp16-76_pages-7798-7800.pdf")]);
    let got = positions(&store, "mmp16-76");
    let want: Vec<(String, String, String, String)> = [
        // Ziffer 1, Ziffer 2 and the whole of 16/7610: three votes on one paper.
        ("16/7610", "accepted", "SPD", "yes"),
        ("16/7610", "accepted", "GRÜNE", "yes"),
        ("16/7610", "accepted", "FDP", "no"),
        ("16/7610", "accepted", "CDU", "abstain"),
        ("16/7610", "accepted", "PIRATEN", "abstain"),
        ("16/7610", "accepted", "SPD", "yes"),
        ("16/7610", "accepted", "GRÜNE", "yes"),
        ("16/7610", "accepted", "PIRATEN", "yes"),
        ("16/7610", "accepted", "CDU", "no"),
        ("16/7610", "accepted", "FDP", "no"),
        ("16/7610", "accepted", "SPD", "yes"),
        ("16/7610", "accepted", "GRÜNE", "yes"),
        ("16/7610", "accepted", "CDU", "no"),
        ("16/7610", "accepted", "FDP", "no"),
        ("16/7610", "accepted", "PIRATEN", "abstain"),
        // `Es enthält sich die CDUFraktion (Zurufe) – und Teile der FDP-Fraktion? – Alle von
        // der FDP!`
        ("16/7621", "rejected", "PIRATEN", "yes"),
        ("16/7621", "rejected", "SPD", "no"),
        ("16/7621", "rejected", "GRÜNE", "no"),
        ("16/7621", "rejected", "CDU", "abstain"),
        ("16/7621", "rejected", "FDP", "abstain"),
        // `Die Mehrheit war Rot-Grün.` after the answer is no answer.
        ("16/7643", "rejected", "FDP", "yes"),
        ("16/7643", "rejected", "PIRATEN", "yes"),
        ("16/7643", "rejected", "CDU", "yes"),
        ("16/7643", "rejected", "SPD", "no"),
        ("16/7643", "rejected", "GRÜNE", "no"),
    ]
    .iter()
    .map(|(p, r, f, o)| {
        (
            format!("Drucksache {p}"),
            r.to_string(),
            f.to_string(),
            o.to_string(),
        )
    })
    .collect::<Vec<_>>();
    let mut want = want;
    want.sort();
    assert_eq!(got, want);
    // The roll call: its totals, and it is a vote of its own (accepted, no faction positions).
    let calls = rows(&store, "roll-calls");
    assert_eq!(calls.len(), 1, "{calls:?}");
    let c = &calls[0];
    assert_eq!(c["subject"], "Drucksache 16/7147");
    assert_eq!(
        (
            &c["cast"][..],
            &c["yes"][..],
            &c["no"][..],
            &c["abstain"][..]
        ),
        ("217", "118", "99", "0")
    );
}

#[test]
fn elections_of_the_constituent_session_with_their_counts() {
    let dir = tempdir();
    let store = store_of(dir.path(), &[fixture("pdf/mmp17-1.pdf")]);
    let elections = query_rows(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
         PREFIX opengov: <http://www.w3.org/ns/opengov#>
         PREFIX foaf: <http://xmlns.com/foaf/0.1/>
         PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
         SELECT ?office ?elected ?cast ?yes ?no ?abstain WHERE {
           ?v a lt:Wahl ; lt:amt ?office ; lt:gewaehlt/foaf:name ?elected .
           OPTIONAL { ?v lt:abgegebeneStimmen ?cast }
           OPTIONAL { ?v opengov:count [ opengov:option \"yes\" ; rdf:value ?yes ] }
           OPTIONAL { ?v opengov:count [ opengov:option \"no\" ; rdf:value ?no ] }
           OPTIONAL { ?v opengov:count [ opengov:option \"abstain\" ; rdf:value ?abstain ] }
         } ORDER BY ?office",
    );
    let got: Vec<String> = elections.iter().map(|r| r.join("|")).collect();
    assert_eq!(
        got,
        [
            "Dritten Vizepräsidenten des Landtages|Oliver Keymis|199|||3",
            "Ersten Vizepräsidentin des Landtags|Carina Gödecke|199|173|15|11",
            "Präsidenten des Landtags|André Kuper|199|185|7|7",
            "Zweiten Vizepräsidentin des Landtags|Angela Freimuth|199|177|18|4",
        ]
    );
    let candidates = query_rows(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
         PREFIX opengov: <http://www.w3.org/ns/opengov#>
         PREFIX foaf: <http://xmlns.com/foaf/0.1/>
         PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
         SELECT ?name ?n WHERE { ?v a lt:Wahl ; opengov:count [ lt:kandidat/foaf:name ?name ; rdf:value ?n ] } ORDER BY DESC(?n)",
    );
    assert_eq!(
        candidates.iter().map(|r| r.join(" ")).collect::<Vec<_>>(),
        ["Oliver Keymis 177", "Herbert Strotebeck 19"]
    );
    // The AfD's amendments: `mit den Stimmen von CDU, SPD, FDP und Bündnis 90/Die Grünen bei
    // Zustimmung der Abgeordneten der AfD-Fraktion abgelehnt`.
    let votes = positions(&store, "mmp17-1");
    let afd_yes = votes
        .iter()
        .filter(|v| v.1 == "rejected" && v.2 == "AfD" && v.3 == "yes")
        .count();
    assert!(afd_yes >= 3, "{votes:?}");
    assert!(votes
        .iter()
        .any(|v| v.0 == "Drucksache 17/1" && v.1 == "accepted" && v.2 == "AfD" && v.3 == "no"));
    // Those amendments have no number: none of them is a vote on Drucksache 17/1 (whose movers
    // voted for it).
    assert!(
        !votes
            .iter()
            .any(|v| v.0 == "Drucksache 17/1" && v.1 == "rejected"),
        "{votes:?}"
    );
    // Item 14's title ends with a colon over its sub-items `a)` and `b)`: its votes are its own.
    let items: std::collections::BTreeSet<(String, String)> = rows(&store, "votes")
        .into_iter()
        .filter(|r| r["source"].contains("mmp17-1"))
        .map(|r| {
            let g = |k: &str| r.get(k).cloned().unwrap_or_default();
            (g("subject"), g("item"))
        })
        .collect();
    for paper in ["Drucksache 17/15", "Drucksache 17/16", "Drucksache 17/21"] {
        assert!(
            items.contains(&(paper.to_owned(), "14".to_owned())),
            "{paper}: {items:?}"
        );
    }
}

/// The member votes the fixture's table holds, as `member-votes` must return them.
const ANNEX_ROWS: &[(&str, &str, &str)] = &[
    ("Martin-Sebastian Abel", "GRÜNE", "yes"),
    ("Britta Altenkamp", "SPD", "yes"),
    ("Andreas Becker", "SPD", "yes"),
    ("Horst Becker", "GRÜNE", "yes"),
    ("Matthias Bolte", "GRÜNE", "yes"),
    ("Ralph Bombis", "FDP", "no"),
    ("Martin Börschel", "SPD", "excused"),
    ("Rainer Deppe", "CDU", "no"),
    ("Wilhelm Droste", "CDU", "no"),
    ("Hubertus Fehring", "CDU", "no"),
    ("Gabriele Hammelrath", "SPD", "yes"),
    ("Helene Hammelrath", "SPD", "yes"),
    ("Dagmar Hanses", "GRÜNE", "yes"),
    ("Michael Hübner", "SPD", "yes"),
    ("Nicolaus Kern", "PIRATEN", "abstain"),
    ("Walter Kern", "CDU", "no"),
    ("Oliver Keymis", "GRÜNE", "yes"),
    ("Hans-Peter Müller", "SPD", "yes"),
    ("Holger Müller", "CDU", "no"),
    ("Marc Olejak", "PIRATEN", "abstain"),
    ("Josefine Paul", "GRÜNE", "yes"),
    ("Joachim Paul", "PIRATEN", "no"),
    ("Daniel Schwerd", "PIRATEN", "absent"),
    ("Dirk Wedel", "FDP", "no"),
];

fn member_votes(store: &Path) -> Vec<(String, String, String, String)> {
    rows(store, "member-votes")
        .into_iter()
        .map(|r| {
            (
                r["subject"].clone(),
                r["person"].clone(),
                // A fraktionslos member's row has no faction.
                r.get("faction").cloned().unwrap_or_default(),
                r["option"].clone(),
            )
        })
        .collect()
}

fn expected_annex() -> Vec<(String, String, String, String)> {
    ANNEX_ROWS
        .iter()
        .map(|(p, f, o)| {
            (
                "Drucksache 16/7147".to_owned(),
                p.to_string(),
                f.to_string(),
                o.to_string(),
            )
        })
        .collect()
}

/// Two tables a page, the second page without a header: from the PDF and from the text
/// `pdftotext -layout` prints of it (each page on a grid of its own, the second page's tables
/// found where their row numbers stand).
#[test]
fn a_roll_call_annex_in_a_pdf_gives_every_members_vote() {
    let dir = tempdir();
    let pdf = fixture("rollcall/annex.pdf");
    let text = layout_text(&pdf, dir.path());
    for input in [pdf, text] {
        let at = tempdir();
        let store = store_of(at.path(), std::slice::from_ref(&input));
        assert_eq!(
            member_votes(&store),
            expected_annex(),
            "{}",
            input.display()
        );
        let calls = rows(&store, "roll-calls");
        assert_eq!(calls.len(), 1);
        // No announcement in an annex alone: the Ergebnis row's totals.
        assert_eq!(
            (
                &calls[0]["yes"][..],
                &calls[0]["no"][..],
                &calls[0]["abstain"][..]
            ),
            ("12", "8", "2"),
            "{}",
            input.display()
        );
        assert!(shacl(&store, at.path()).starts_with("CONFORMS"));
    }
}

/// A protocol and its annex in one PDF, as the Landtag publishes them: the 16/76 excerpt (the
/// chair announces the roll call's totals) with the annex page after it. The roll call gets the
/// annex's rows from the PDF and from `-layout` text, and the sums check doubts the made-up
/// annex's totals; from plain text, whose table has lost its columns, no rows and a doubt
/// saying so. The votes are the same from all three.
#[test]
fn a_protocol_and_its_annex_in_one_pdf() {
    let dir = tempdir();
    let pdf = dir.path().join("mmp16-76_with-annex.pdf");
    let united = std::process::Command::new("pdfunite")
        .args([
            s(&fixture("pdf/mmp16-76_pages-7798-7800.pdf")),
            s(&fixture("rollcall/annex.pdf")),
            s(&pdf),
        ])
        .output()
        .expect("pdfunite runs (apt-get install poppler-utils)");
    assert!(united.status.success());
    let plain = dir.path().join("mmp16-76_plain.txt");
    let out = std::process::Command::new("pdftotext")
        .args([s(&pdf), s(&plain)])
        .output()
        .unwrap();
    assert!(out.status.success());
    let surnames = |rows: Vec<(String, String, String, String)>| -> Vec<_> {
        rows.into_iter()
            .map(|(s, p, f, o)| (s, p.rsplit(' ').next().unwrap().to_owned(), f, o))
            .collect()
    };
    let mut votes = Vec::new();
    for input in [pdf.clone(), layout_text(&pdf, dir.path()), plain.clone()] {
        let at = tempdir();
        let store = store_of(at.path(), std::slice::from_ref(&input));
        let checks: Vec<String> = rows(&store, "checks")
            .into_iter()
            .map(|r| format!("{} {}", r["subject"], r["check"]))
            .collect();
        if input == plain {
            assert!(member_votes(&store).is_empty());
            assert_eq!(checks, ["Drucksache 16/7147 roll-call-no-rows"]);
        } else {
            let want = surnames(expected_annex());
            assert_eq!(surnames(member_votes(&store)), want, "{}", input.display());
            assert_eq!(
                checks,
                ["Drucksache 16/7147 roll-call-totals"],
                "{}",
                input.display()
            );
        }
        let mut read: Vec<String> = rows(&store, "votes")
            .into_iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r["subject"], r["result"], r["faction"], r["position"]
                )
            })
            .collect();
        read.sort();
        votes.push(read);
    }
    assert!(!votes[0].is_empty());
    assert_eq!(votes[0], votes[1]);
    assert_eq!(votes[0], votes[2]);
}

/// The text `pdftotext -layout` prints of `pdf`, written into `dir`.
fn layout_text(pdf: &Path, dir: &Path) -> PathBuf {
    let name = pdf.file_stem().unwrap().to_string_lossy();
    let text = dir.join(format!("{name}.txt"));
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", s(pdf), s(&text)])
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(out.status.success(), "{}", pdf.display());
    text
}

#[test]
fn a_roll_call_joins_its_annex_in_a_text_protocol() {
    let dir = tempdir();
    let store = store_of(
        dir.path(),
        &[repo().join("tests/data/rollcall/mmp16-76-rollcall.txt")],
    );
    // `Matthi Bolte [GRÜNE]` interjects in the protocol: the roll call's `Herr Bolte` is he, as
    // printed, not the member list's `Matthias Bolte`.
    let want: Vec<_> = expected_annex()
        .into_iter()
        .map(|mut r| {
            if r.1 == "Matthias Bolte" {
                r.1 = "Matthi Bolte".into();
            }
            r
        })
        .collect();
    assert_eq!(member_votes(&store), want);
    let calls = rows(&store, "roll-calls");
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(
        (
            &calls[0]["cast"][..],
            &calls[0]["yes"][..],
            &calls[0]["no"][..],
            &calls[0]["abstain"][..]
        ),
        ("217", "118", "99", "0")
    );
}

#[test]
fn a_roll_call_whose_marks_miss_the_ergebnis_row_is_reported() {
    let dir = tempdir();
    let text = std::fs::read_to_string(repo().join("tests/data/rollcall/mmp16-76-rollcall.txt"))
        .unwrap()
        .replace("\tErgebnis\t\t12\t8\t2", "\tErgebnis\t\t13\t8\t2");
    let file = dir.path().join("mmp16-76-rollcall.txt");
    std::fs::write(&file, text).unwrap();
    let out = ok(&["convert", s(&file), "--format", "ntriples"]);
    assert!(
        stderr(&out)
            .contains("the rows give 12 yes, 8 no, 2 abstentions; the Ergebnis row 13 / 8 / 2"),
        "{}",
        stderr(&out)
    );
}

/// The annex as the Landtag printed it in its 16th period (the shared synthetic sample, header
/// words centred over their columns) and the variants of ours (`tests/fixtures/rollcall/`),
/// through ingest, the store and `member-votes`, from the PDF and from the text `pdftotext
/// -layout` prints of it: every row as its TSV says, `excused` and `absent` included.
#[test]
fn roll_call_annexes_as_printed_give_every_members_vote() {
    let dir = tempdir();
    for (name, subject) in [
        ("annex-15-61-synthetic", "Drucksache 15/4711"),
        ("variant-nr-only", "Drucksache 17/8800"),
        ("variant-indented", "Drucksache 18/4100"),
        ("variant-no-number", "Drucksache 16/12001"),
        ("variant-more-columns", "Drucksache 18/9900"),
        ("variant-word-column", "Drucksache 16/4100"),
    ] {
        let pdf = fixture(&format!("rollcall/{name}.pdf"));
        let text = layout_text(&pdf, dir.path());
        let want = annex_rows(&fixture(&format!("rollcall/{name}.tsv")));
        for input in [pdf, text] {
            let at = tempdir();
            let store = store_of(at.path(), std::slice::from_ref(&input));
            let mut got: Vec<(String, String, String)> = member_votes(&store)
                .into_iter()
                .map(|(s, p, f, o)| {
                    assert_eq!(s, subject, "{}", input.display());
                    (surname(&p), f, o)
                })
                .collect();
            got.sort();
            assert_eq!(got, want, "{}", input.display());
        }
    }
}

/// The surname as printed (`Frau Dr. ter Horst`, `Herr Becker, Andreas`) and as stored (the
/// period's member where one is found: `Ute Schäfer` for `Frau Schäfer`).
fn surname(n: &str) -> String {
    let n = n.split(',').next().unwrap();
    n.split(' ').next_back().unwrap().to_owned()
}

/// `surname, faction, option` of each row an annex's TSV lists, sorted.
fn annex_rows(tsv: &Path) -> Vec<(String, String, String)> {
    let option = |o: &str| match o {
        "ja" => "yes",
        "nein" => "no",
        "Stimmenthaltung" => "abstain",
        "entschuldigt" => "excused",
        _ => "absent",
    };
    let mut rows: Vec<(String, String, String)> = std::fs::read_to_string(tsv)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let faction = if c[2] == "fraktionslos" { "" } else { c[2] };
            (surname(c[1]), faction.to_owned(), option(c[3]).to_owned())
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn a_referral_of_listed_papers_names_each_and_a_correction_replaces_the_list() {
    let dir = tempdir();
    let store = store_of(dir.path(), &[fixture("text/mmp16-99-written.txt")]);
    let on = |p: &str| {
        let q = format!(
            "PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
             SELECT ?n ?committee WHERE {{
               ?v lt:{p} ?paper . ?paper <http://data.europa.eu/eli/ontology#id_local> ?n .
               OPTIONAL {{ ?v lt:ueberweisungAn ?committee }} }} ORDER BY ?n ?committee"
        );
        query_rows(&store, &q)
    };
    let committee = |c: &str| format!("https://landtag-lod.example/id/ausschuss/{c}");
    let haushaltskontrolle = committee("ausschuss-fuer-haushaltskontrolle");
    // `die Unterrichtungen Drucksachen 16/10698 und 16/12800 … zu überweisen`: one vote, both.
    let first = on("gegenstand");
    assert!(first.contains(&vec!["16/10698".to_owned(), haushaltskontrolle.clone()]));
    assert_eq!(
        on("weitererGegenstand"),
        [["16/12800", &haushaltskontrolle]]
    );
    // `an den Hauptausschuss in der Federführung sowie an den Innenausschuss in der
    // Mitberatung`: the roles are not part of the names.
    let second: Vec<&Vec<String>> = first.iter().filter(|r| r[0] == "16/10700").collect();
    assert_eq!(
        second,
        [
            &vec!["16/10700".to_owned(), committee("ha")],
            &vec!["16/10700".to_owned(), committee("ia")]
        ]
    );
    // `Wer enthält sich? – Die CDU und die Piraten. – Also: die CDU, die Piraten und der
    // fraktionslose Abgeordnete Schwerd.`
    let got = positions(&store, "mmp16-99");
    let abstaining: Vec<&str> = got
        .iter()
        .filter(|(s, _, _, p)| s == "Drucksache 16/10700" && p == "abstain")
        .map(|(_, _, f, _)| f.as_str())
        .collect();
    assert_eq!(abstaining.len(), 3, "{got:?}");
    assert!(abstaining.contains(&"CDU") && abstaining.contains(&"PIRATEN"));
    // `Ich lasse … über Ziffer II des Antrags abstimmen.`: the part, then the whole.
    let parts = query_rows(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
         SELECT ?n ?part WHERE { ?v lt:gegenstand/<http://data.europa.eu/eli/ontology#id_local> ?n .
           FILTER(?n = \"16/10710\") OPTIONAL { ?v lt:teil ?part } } ORDER BY ?part",
    );
    assert_eq!(parts, [["16/10710", ""], ["16/10710", "Ziffer II"]]);
}

/// The written sittings, each with its roll call's item and paper, if it holds one.
pub const WRITTEN: [(&str, Option<(&str, &str)>); 10] = [
    ("mmp16-94-written", None),
    ("mmp16-95-written", Some(("16/95/top/1", "16/9300"))),
    ("mmp16-96-written", None),
    ("mmp16-97-written", None),
    ("mmp16-98-written", Some(("16/98/top/2", "16/9800"))),
    ("mmp18-94-written", None),
    ("mmp18-95-written", None),
    ("mmp18-96-written", None),
    ("mmp18-97-written", None),
    ("mmp18-98-written", Some(("18/98/top/3", "18/9200"))),
];

/// Whole sittings in our words (`tests/fixtures/text/mmp16-94-written.txt` to `mmp16-98-…`,
/// `mmp18-94-written.txt` to `mmp18-98-…`), with what a correct reading yields set down by hand
/// in the gold's format (`tests/fixtures/text/gold/`). 16/94: a short intervention and
/// its reply, a Staatssekretär, `die Koalitionsfraktionen`, a committee added to a referral by
/// a faction. 16/95: a budget law's third
/// reading by roll call, the law named by its kind alone (the bill, not the recommendation
/// under it, which it was taken for), an urgent motion with a corrected abstention. 16/96: sub-items `a)` and `b)`,
/// a heading on the line after the chair's label, an interposed question, a bill named before
/// the recommendation and asked by its kind (the recommendation was taken). 16/97: an Aktuelle Stunde, a
/// minister's label of the 16th period, two papers debated together and voted on apart, a
/// recommendation to reject, referrals without debate, the chair's last turn running on to
/// `Schluss:` on the next line (it was left out). 18/94: a secret election declared in the
/// passive (`Damit ist Frau … zur Vizepräsidentin gewählt.`: it was not read), a parenthesis
/// over two lines with a counter-call. 18/95: two Aktuelle Stunden together, an
/// amendment without a number, a result told without questions, an item called on a line
/// ending `…, Tagesordnungspunkt 3 ist abgesetzt:` (its heading was read into the chair's
/// words). 18/96: a motion `– Neudruck`, a joint
/// Entschließungsantrag, the Ministerpräsident's label, a recommendation to reject, the
/// petitions' Übersicht. 18/97: a minister sworn in before the
/// agenda, a question hour, a title in quotation marks, a unanimous vote, an election's
/// proposal, a personal statement after the vote. 16/98: a motion before the agenda, a member without a
/// faction counted but not named (the sitting's one speaker labelled `fraktionslos`), an
/// interjection inside an answer, questions in one word with a hyphen for a dash, a roll call
/// whose result comes during the next item, an item taken before its number's turn, a page
/// break between a question and its answer. 18/98: a budget's Einzelplan with an amendment, a
/// title's short form in parentheses under it, plural papers, a motion to refer back, a bill
/// voted in the wording of a recommendation named by number, a roll call over a page break.
/// Votes, speeches and interjections score F1 1.000 with the scorer; each roll call is its
/// item's, on its paper; the only doubt is the roll call's missing annex.
#[test]
fn written_sittings_score_f1_one_against_their_gold() {
    for (name, roll_call) in WRITTEN {
        score_f1_one(name, &fixture(&format!("text/{name}.txt")), roll_call);
    }
}

/// The written sitting `name` read from `text` (the fixture or a form of it printed otherwise)
/// scores F1 1.000 against its gold in votes, speeches and interjections; its roll call, if
/// any, is `roll_call`'s item's, on its paper; the only doubt is that roll call's missing annex.
pub fn score_f1_one(name: &str, text: &std::path::Path, roll_call: Option<(&str, &str)>) {
    let dir = tempdir();
    let store = store_of(dir.path(), &[text.to_owned()]);
    let kit = dir.path().join("kit");
    std::fs::create_dir_all(kit.join("tools")).unwrap();
    std::fs::create_dir_all(kit.join("gold")).unwrap();
    std::fs::copy(
        repo().join("tests/gold-kit/tools/score-gold"),
        kit.join("tools/score-gold"),
    )
    .unwrap();
    let gold = format!("{name}.json");
    std::fs::copy(
        fixture(&format!("text/gold/{gold}")),
        kit.join("gold").join(&gold),
    )
    .unwrap();
    for category in ["votes", "contributions", "interjections"] {
        let csv = dir.path().join(format!("{category}.csv"));
        std::fs::write(&csv, query_out(&store, category, "csv")).unwrap();
        let report = crate::gold::score(category, &csv, &kit);
        assert!(report.contains("F1 1.000"), "{name}: {report}");
    }
    let read = query_rows(
        &store,
        "PREFIX lt: <https://w3id.org/landtag-lod/ontology#>
         SELECT ?top ?n WHERE { ?v a lt:NamentlicheAbstimmung ; lt:tagesordnungspunkt ?top ;
           lt:gegenstand/<http://data.europa.eu/eli/ontology#id_local> ?n }",
    );
    let want: Vec<Vec<String>> = roll_call
        .iter()
        .map(|(item, paper)| {
            let top = format!("https://landtag-lod.example/id/plenum/sitzung/{item}");
            vec![top, (*paper).to_owned()]
        })
        .collect();
    assert_eq!(read, want, "{name}");
    let checks: Vec<String> = query_out(&store, "checks", "csv")
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect();
    assert_eq!(
        checks.len(),
        usize::from(roll_call.is_some()),
        "{name}: {checks:?}"
    );
    assert!(
        checks.iter().all(|c| c.contains("roll-call-no-rows")),
        "{name}: {checks:?}"
    );
}

/// A member of the list in `data/members/`: name, surname as listed, `Frau`, faction as an
/// annex prints it.
struct Listed {
    name: String,
    surname: String,
    female: bool,
    faction: &'static str,
}

/// The members of `period` the list in `data/members/` names (persons it has no row for left
/// out), their faction as an annex prints it (`other` in the 16th period: the Piraten; else
/// `fraktionslos`, unknown to the list: the Zentrum's members among them).
fn listed_members(period: u32) -> Vec<Listed> {
    let dir = repo().join("data/members");
    let persons = std::fs::read_to_string(dir.join("nrw-members.csv")).unwrap();
    let persons: std::collections::HashMap<&str, Vec<&str>> = persons
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0], c)
        })
        .collect();
    let by_period = std::fs::read_to_string(dir.join("nrw-members-by-period.csv")).unwrap();
    by_period
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|c| c[1] == period.to_string())
        .filter_map(|c| {
            let p = persons.get(c[0])?;
            let faction = match (c[2], period) {
                ("cdu", _) => "CDU",
                ("spd", _) => "SPD",
                ("fdp", _) => "FDP",
                ("die grünen", _) => "GRÜNE",
                ("afd", _) => "AfD",
                ("linke/pds/sed", _) => "LINKE",
                ("kpd/dkp", _) => "KPD",
                ("other", 16) => "PIRATEN",
                _ => "fraktionslos",
            };
            // The list's surname where the name ends in it as words (`Große Kleimann`), else
            // the name's last word (the list gives `Brinkmann` for `Trampe-Brinkmann`).
            let listed = p[3].trim_matches('"');
            let surname = if !listed.is_empty() && p[2].ends_with(&format!(" {listed}")) {
                listed
            } else {
                p[2].split_whitespace().last()?
            };
            Some(Listed {
                name: p[2].to_owned(),
                surname: surname.to_owned(),
                female: p[5] == "weiblich",
                faction,
            })
        })
        .collect()
}

/// Two namesakes the Landtag prints with their given names: every two (its practice where
/// both sit) …
fn every_namesake(_: &Listed, _: &Listed) -> bool {
    true
}

/// … or only those neither the salutation nor the faction tells apart (a namesake who left
/// the Landtag before the vote is printed without; a faction printed `fraktionslos` names no
/// party).
fn namesakes_alike(a: &Listed, b: &Listed) -> bool {
    a.female == b.female && (a.faction == b.faction || "fraktionslos" == a.faction.min(b.faction))
}

/// Every member of a period in one roll call's annex, printed as the Landtag prints its rows
/// (`Herr`/`Frau`, the surname, the given name after a comma for namesakes, the faction),
/// through ingest and `member-votes`: each row is the member it prints, in every period 1 to
/// 18 (namesakes of one faction and of two, compound surnames, particles), with the given
/// names of all namesakes printed and with only those of namesakes alike.
#[test]
fn every_member_of_a_period_is_the_member_an_annex_row_prints() {
    let dir = tempdir();
    let rules: [fn(&Listed, &Listed) -> bool; 2] = [every_namesake, namesakes_alike];
    for (period, rule) in (1..=18u32).flat_map(|p| rules.map(|r| (p, r))) {
        let members = listed_members(period);
        let key = |s: &str| s.to_lowercase();
        let mut rows = String::new();
        for (i, m) in members.iter().enumerate() {
            let given = members
                .iter()
                .filter(|o| key(&o.surname) == key(&m.surname) && o.name != m.name)
                .any(|o| rule(m, o))
                .then(|| m.name.split_whitespace().next().unwrap());
            let salutation = if m.female { "Frau" } else { "Herr" };
            let printed = match given {
                Some(g) => format!("{salutation} {}, {g}", m.surname),
                None => format!("{salutation} {}", m.surname),
            };
            rows.push_str(&format!("{}\t{printed}\t{}\tX\t\t\n", i + 1, m.faction));
        }
        let text = format!(
            "Landtag\nNordrhein-Westfalen\n\n01.02.2020\nPlenarprotokoll {period}/99\n\n\
             Anlage\n\nNamentliche Abstimmung über den Antrag Drucksache {period}/9999\n\n\
             {rows}Ergebnis\t\t{}\t0\t0\n",
            members.len()
        );
        let file = dir.path().join(format!("mmp{period}-99.txt"));
        std::fs::write(&file, text).unwrap();
        let at = tempdir();
        let store = store_of(at.path(), &[file]);
        // One name is listed in lower case (`mona neubaur`); the store writes it capitalised. A
        // member listed twice is one person, named by the first record (`oliver martin keymis`
        // of period 17 is `Oliver Keymis`): first given name and surname compared.
        let first_last = |n: &str| {
            let n = n.to_lowercase();
            let words: Vec<&str> = n.split_whitespace().collect();
            format!("{} {}", words[0], words[words.len() - 1])
        };
        let mut got: Vec<String> = member_votes(&store)
            .into_iter()
            .map(|r| first_last(&r.1))
            .collect();
        let mut want: Vec<String> = members.iter().map(|m| first_last(&m.name)).collect();
        got.sort();
        want.sort();
        let missing: Vec<_> = want.iter().filter(|n| !got.contains(n)).collect();
        let extra: Vec<_> = got.iter().filter(|n| !want.contains(n)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "period {period}: {} rows; not found {missing:?}; read instead {extra:?}",
            members.len()
        );
    }
}
