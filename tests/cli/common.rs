//! Helpers shared by the integration tests: each test gets its own temp dir.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus() -> PathBuf {
    repo().join("sample/corpus")
}

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_landtag-lod"));
    c.env_remove("LANDTAG_LOD_BASE");
    c
}

/// Runs the binary; returns its output whatever the exit status.
pub fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Runs the binary and insists on success.
pub fn ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        out.status.success(),
        "landtag-lod {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A directory removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The bundled PDF sample, Plenarprotokoll 18/115.
pub fn sample_pdf() -> PathBuf {
    repo().join("sample/pdf/mmp18-115.pdf")
}

pub fn tempdir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "landtag-lod-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp dir");
    TempDir(dir)
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A store with the sample corpus in it.
pub fn ingested(dir: &Path) -> PathBuf {
    // A store whose parent folders do not exist yet, as `var/store` on a fresh checkout.
    let store = dir.join("var/store");
    ok(&["ingest", s(&corpus()), "--store", s(&store)]);
    store
}

/// A query's (SPARQL text or named query) result in `format`.
pub fn query_out(store: &Path, q: &str, format: &str) -> String {
    stdout(&ok(&["query", "--store", s(store), q, "--format", format]))
}

/// A query's rows as values in the order of its variables.
pub fn query_rows(store: &Path, q: &str) -> Vec<Vec<String>> {
    result_rows(&query_out(store, q, "json"))
        .into_iter()
        .map(|row| row.into_iter().map(|(value, _)| value).collect())
        .collect()
}

/// SPARQL JSON results as rows of (value, datatype) in the order of the variables; unbound is
/// an empty value.
pub fn result_rows(body: &str) -> Vec<Vec<(String, String)>> {
    let json: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let vars: Vec<String> = json["head"]["vars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let field = |b: &serde_json::Value, v: &str, f: &str| b[v][f].as_str().unwrap_or("").to_owned();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| (field(b, v, "value"), field(b, v, "datatype")))
                .collect()
        })
        .collect()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The path of a program a test needs; a test without it fails saying what to install.
pub fn tool(name: &str, install: &str) -> String {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .unwrap();
    assert!(
        found.status.success(),
        "this test needs `{name}`: {install} (.ci/run installs it)"
    );
    String::from_utf8_lossy(&found.stdout).trim().to_owned()
}

/// Runs a Python 3 snippet; it must succeed.
pub fn python(code: &str, args: &[&str]) -> String {
    python_with("python3", code, args)
}

/// Runs a snippet with the Python at `python` (a path or a name); it must succeed.
pub fn python_with(python: &str, code: &str, args: &[&str]) -> String {
    let out = Command::new(python)
        .arg("-c")
        .arg(code)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("this test needs `{python}` ({e}): .ci/run installs it"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    if let Some(m) = stderr.split("ModuleNotFoundError: No module named ").nth(1) {
        let module = m.lines().next().unwrap_or("").trim_matches('\'');
        panic!("this test needs the Python module `{module}`: pip install {module} (.ci/run installs it)");
    }
    assert!(
        out.status.success(),
        "python failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Dumps `store` as Turtle into `dir` and validates it against `ontology/shapes.ttl` with
/// pyshacl: `CONFORMS`, or the violations.
pub fn shacl(store: &Path, dir: &Path) -> String {
    let ttl = dir.join("shacl-dump.ttl");
    ok(&["dump", "--store", s(store), "--out", s(&ttl)]);
    shacl_report(&ttl)
}

/// Validates a Turtle file against `ontology/shapes.ttl` (with the ontology) with pyshacl.
pub fn shacl_report(ttl: &Path) -> String {
    python(
        "import sys, pyshacl, rdflib\n\
         data = rdflib.Graph().parse(sys.argv[1], format='turtle')\n\
         shapes = rdflib.Graph().parse(sys.argv[2], format='turtle')\n\
         ok, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=rdflib.Graph().parse(sys.argv[3], format='turtle'), inference='none')\n\
         print('CONFORMS' if ok else text)",
        &[s(ttl), s(&repo().join("ontology/shapes.ttl")), s(&repo().join("ontology/landtag.ttl"))],
    )
}

/// The quality measurements the catalogue of `store`'s dumps gives per dataset for the metric
/// whose IRI ends in `metric` (`/zweifel`), as (dataset IRI, value), read by rdflib.
pub fn catalogue_measurements(store: &Path, dir: &Path, metric: &str) -> Vec<(String, String)> {
    let dumps = dir.join("dumps");
    ok(&[
        "dump",
        "--store",
        s(store),
        "--out",
        &format!("{}/", dumps.display()),
    ]);
    let q = format!(
        r#"PREFIX dqv: <http://www.w3.org/ns/dqv#>
SELECT ?ds ?n WHERE {{ ?ds dqv:hasQualityMeasurement ?m . ?m dqv:value ?n ;
  dqv:isMeasurementOf ?metric . FILTER(STRENDS(STR(?metric), "{metric}")) }} ORDER BY ?ds"#
    );
    rdflib_select(&dumps.join("catalog.ttl"), &q)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

/// A SELECT over a Turtle file, by rdflib (a validator of its own, not our store).
pub fn rdflib_select(file: &Path, q: &str) -> Vec<Vec<String>> {
    let script = "import sys, rdflib\ng = rdflib.Graph()\ng.parse(sys.argv[1])\nfor r in g.query(sys.argv[2]):\n    print('\\t'.join(str(x) for x in r))";
    python(script, &[s(file), q])
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}
