//! `harvest` against a server on loopback that mimics the Landtag's archive
//! (`/MMP16-76.pdf` …) with the shared PDFs, gaps (404), a 429 with `Retry-After`, an HTML page
//! served with 200, a truncated body and a file that changes between runs. Nothing reaches the
//! real site.

use crate::common::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the mimic archive answers and what it was asked.
#[derive(Default)]
struct Archive {
    /// Path → (ETag, body); a path missing here is a 404.
    files: HashMap<String, (String, Vec<u8>)>,
    /// Paths answered 429 (`Retry-After: 1`) the next time they are asked for.
    throttle: Vec<String>,
    /// Paths whose body is cut short of its `Content-Length`.
    truncate: Vec<String>,
    /// Every request: path, status, User-Agent, when.
    log: Vec<(String, u16, String, Instant)>,
    /// Requests being answered at once, at most.
    busy: u32,
    max_busy: u32,
}

fn serve(archive: Arc<Mutex<Archive>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let archive = archive.clone();
            std::thread::spawn(move || answer(stream, &archive));
        }
    });
    format!("http://{addr}")
}

fn answer(mut stream: TcpStream, archive: &Mutex<Archive>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_owned());
        }
    }
    let (status, extra, body, declared) = {
        let mut a = archive.lock().unwrap();
        a.busy += 1;
        a.max_busy = a.max_busy.max(a.busy);
        respond(&mut a, &path, &headers)
    };
    std::thread::sleep(Duration::from_millis(20));
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {declared}\r\nConnection: close\r\n{extra}\r\n"
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
    let mut a = archive.lock().unwrap();
    a.busy -= 1;
    let ua = headers.get("user-agent").cloned().unwrap_or_default();
    a.log.push((path, status, ua, Instant::now()));
}

type Answer = (u16, String, Vec<u8>, usize);

fn respond(a: &mut Archive, path: &str, headers: &HashMap<String, String>) -> Answer {
    if let Some(i) = a.throttle.iter().position(|p| p == path) {
        a.throttle.remove(i);
        return (429, "Retry-After: 1\r\n".into(), Vec::new(), 0);
    }
    let Some((etag, body)) = a.files.get(path).cloned() else {
        return (404, String::new(), b"not here".to_vec(), 8);
    };
    if headers.get("if-none-match") == Some(&etag) {
        return (304, format!("ETag: {etag}\r\n"), Vec::new(), 0);
    }
    let extra = format!("ETag: {etag}\r\nContent-Type: application/pdf\r\n");
    if a.truncate.iter().any(|p| p == path) {
        // The connection breaks off halfway through the announced length.
        let cut = body[..body.len() / 2].to_vec();
        return (200, extra, cut, body.len());
    }
    let n = body.len();
    (200, extra, body, n)
}

fn pdf(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/pdf").join(name)).unwrap()
}

fn harvest(url: &str, mirror: &Path, range: &[&str]) -> std::process::Output {
    let mut args = vec![
        "harvest",
        "--kind",
        "plenarprotokoll",
        "--period",
        "16",
        "--into",
        s(mirror),
        "--base-url",
        url,
        "--delay",
        "0.05",
        "--contact",
        "opendata@example.org",
    ];
    args.extend(range);
    run(&args)
}

#[test]
fn harvest_keeps_whole_pdfs_waits_when_told_and_fetches_only_what_changed() {
    let dir = tempdir();
    let mirror = dir.path().join("mirror");
    let archive = Arc::new(Mutex::new(Archive::default()));
    {
        let mut a = archive.lock().unwrap();
        let f = |n: &str| format!("/MMP16-{n}.pdf");
        a.files.insert(
            f("76"),
            ("\"v1\"".into(), pdf("mmp16-76_pages-7798-7800.pdf")),
        );
        a.files.insert(
            f("78"),
            ("\"v1\"".into(), pdf("mmp15-57_pages-5694-5696.pdf")),
        );
        let html = b"<!DOCTYPE html><html><body>Dokument nicht gefunden</body></html>".to_vec();
        a.files.insert(f("79"), ("\"v1\"".into(), html));
        a.files
            .insert(f("80"), ("\"v1\"".into(), pdf("mmp17-1.pdf")));
        a.files.insert(
            f("81"),
            ("\"v1\"".into(), pdf("mmp16-76_pages-7798-7800.pdf")),
        );
        a.throttle.push(f("78"));
        a.truncate.push(f("80"));
    }
    let url = serve(archive.clone());
    let first = harvest(&url, &mirror, &["--from", "76", "--to", "81"]);
    let err = stderr(&first);
    println!("{err}");
    // Two answers refused: exit 1, each named with its reason.
    assert_eq!(first.status.code(), Some(1), "{err}");
    assert!(
        err.contains("refused: 79:") && err.contains("not a PDF"),
        "{err}"
    );
    assert!(
        err.contains("refused: 80:") && err.contains("broke off"),
        "{err}"
    );
    assert!(
        err.contains("3 fetched") && err.contains("1 missing") && err.contains("2 refused"),
        "{err}"
    );
    let mut kept: Vec<String> = std::fs::read_dir(&mirror)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        [
            "MMP16-76.pdf",
            "MMP16-78.pdf",
            "MMP16-81.pdf",
            "manifest.tsv"
        ]
    );
    let manifest = std::fs::read_to_string(mirror.join("manifest.tsv")).unwrap();
    assert!(manifest.starts_with("file\tnumber\turl\tetag\tlast_modified\tsize\tsha256\tfetched\n"));
    assert_eq!(manifest.lines().count(), 4, "{manifest}");
    let size = pdf("mmp16-76_pages-7798-7800.pdf").len();
    assert!(
        manifest.contains(&format!(
            "MMP16-76.pdf\t76\t{url}/MMP16-76.pdf\t\"v1\"\t\t{size}\t"
        )),
        "{manifest}"
    );
    {
        let a = archive.lock().unwrap();
        // The 429 was waited out (Retry-After: 1), then asked again.
        let asked: Vec<&(String, u16, String, Instant)> =
            a.log.iter().filter(|l| l.0 == "/MMP16-78.pdf").collect();
        assert_eq!(asked.iter().map(|l| l.1).collect::<Vec<_>>(), [429, 200]);
        assert!(asked[1].3 - asked[0].3 >= Duration::from_millis(950));
        assert!(a
            .log
            .iter()
            .all(|l| l.2.contains("landtag-lod/") && l.2.contains("opendata@example.org")));
        assert_eq!(a.max_busy, 1, "one request at a time");
    }
    // A second run asks again, conditionally: nothing is fetched but the file that changed.
    archive.lock().unwrap().files.insert(
        "/MMP16-81.pdf".into(),
        ("\"v2\"".into(), pdf("mmp15-57_pages-5694-5696.pdf")),
    );
    archive.lock().unwrap().files.remove("/MMP16-79.pdf");
    archive.lock().unwrap().truncate.clear();
    archive.lock().unwrap().files.remove("/MMP16-80.pdf");
    let second = harvest(&url, &mirror, &["--from", "76", "--to", "81"]);
    let err = stderr(&second);
    assert!(second.status.success(), "{err}");
    assert!(
        err.contains("1 fetched") && err.contains("2 unchanged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(mirror.join("MMP16-81.pdf")).unwrap(),
        pdf("mmp15-57_pages-5694-5696.pdf")
    );
    let third = harvest(&url, &mirror, &["--from", "76", "--to", "81"]);
    assert!(stderr(&third).contains("0 fetched") && stderr(&third).contains("3 unchanged"));
    // `--new` goes on after the highest number held and stops after a run of misses.
    archive.lock().unwrap().files.insert(
        "/MMP16-83.pdf".into(),
        ("\"v1\"".into(), pdf("mmp17-1.pdf")),
    );
    let store = dir.path().join("store");
    let new = harvest(
        &url,
        &mirror,
        &["--new", "--misses", "3", "--ingest", "--store", s(&store)],
    );
    let err = stderr(&new);
    assert!(new.status.success(), "{err}");
    assert!(
        err.contains("1 fetched") && err.contains("4 missing"),
        "{err}"
    );
    let asked: Vec<String> = archive
        .lock()
        .unwrap()
        .log
        .iter()
        .map(|l| l.0.clone())
        .collect();
    assert_eq!(
        asked[asked.len() - 5..],
        [
            "/MMP16-82.pdf",
            "/MMP16-83.pdf",
            "/MMP16-84.pdf",
            "/MMP16-85.pdf",
            "/MMP16-86.pdf"
        ]
    );
    // Ingested: the protocols of the mirror are in the store (the mimic archive serves the
    // shared PDFs under other numbers; a document is known by what it prints).
    let docs = query_rows(&store, "documents");
    assert!(docs.iter().any(|r| r[0] == "MMP16-83.pdf"), "{docs:?}");
    let mut body = Vec::new();
    std::fs::File::open(mirror.join("manifest.tsv"))
        .unwrap()
        .read_to_end(&mut body)
        .unwrap();
    assert!(String::from_utf8(body)
        .unwrap()
        .contains("MMP16-83.pdf\t83\t"));
}

#[test]
fn an_archive_that_does_not_answer_is_named_and_nothing_is_kept() {
    let dir = tempdir();
    let mirror = dir.path().join("mirror");
    // A port on loopback nobody listens on.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = harvest(&url, &mirror, &["--from", "5", "--to", "5", "--tries", "2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "refused: 5: {url}/MMP16-5.pdf: given up after 2 tries"
        )),
        "{err}"
    );
    let kept: Vec<_> = std::fs::read_dir(&mirror).unwrap().collect();
    assert!(kept.is_empty(), "{kept:?}");
}
