//! The pages in a real browser: headless Chromium driven over WebDriver (chromedriver), against
//! our server on loopback. Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs
//! them). The WebDriver protocol is plain HTTP and JSON, so the test speaks it with `ureq`.

use crate::common::*;
use crate::endpoint::serve;
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The key under which WebDriver returns an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    url: String,
    agent: ureq::Agent,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (apt-get install chromium chromium-driver)");
        let agent = crate::endpoint::agent();
        let url = format!("http://127.0.0.1:{port}");
        let since = Instant::now();
        while agent.get(format!("{url}/status")).call().is_err() {
            assert!(
                since.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, url, agent }
    }

    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.url);
        let mut reply = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.to_string()),
        }
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let text = reply.body_mut().read_to_string().unwrap();
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(v["value"].get("error").is_none(), "{method} {path}: {v}");
        v["value"].clone()
    }
}

/// A browser session.
struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self
            .driver
            .agent
            .delete(format!("{}/session/{}", self.driver.url, self.id))
            .call();
    }
}

impl<'a> Session<'a> {
    fn new(driver: &'a Driver) -> Self {
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"]
        }}}});
        let v = driver.call("POST", "/session", caps);
        let id = v["sessionId"].as_str().expect("a session").to_owned();
        Session { driver, id }
    }
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        self.driver
            .call(method, &format!("/session/{}{path}", self.id), body)
    }
    fn go(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url }));
    }
    fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.call(
            "POST",
            "/elements",
            json!({"using": "css selector", "value": css}),
        );
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e[ELEMENT].as_str().unwrap().to_owned())
            .collect()
    }
    fn find(&self, css: &str) -> String {
        let all = self.find_all(css);
        assert!(!all.is_empty(), "no element `{css}` on {}", self.url());
        all[0].clone()
    }
    fn text(&self, element: &str) -> String {
        self.call("GET", &format!("/element/{element}/text"), Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
    fn property(&self, element: &str, name: &str) -> String {
        self.call(
            "GET",
            &format!("/element/{element}/property/{name}"),
            Value::Null,
        )
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }
    fn click(&self, element: &str) {
        self.call("POST", &format!("/element/{element}/click"), json!({}));
    }
    fn url(&self) -> String {
        self.call("GET", "/url", Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
    /// Waits (at most 20 s) until the browser is at a URL containing `part`: a click starts a
    /// navigation that may not have begun when the click returns.
    fn wait_for_url(&self, part: &str) -> String {
        let since = Instant::now();
        loop {
            let url = self.url();
            if url.contains(part) || since.elapsed() > Duration::from_secs(20) {
                return url;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    /// Runs a script in the page and returns its result as text.
    fn script(&self, js: &str) -> String {
        let v = self.call("POST", "/execute/sync", json!({ "script": js, "args": [] }));
        v.as_str().map_or_else(|| v.to_string(), str::to_owned)
    }
    /// Waits (at most 30 s) for rows matching `css` and returns their texts.
    fn wait_for_rows(&self, css: &str) -> Vec<String> {
        let since = Instant::now();
        loop {
            // Read in one script, so a table the page replaces meanwhile (a second run's
            // answer) is read whole or not at all, never as a stale element.
            let js = format!(
                "return JSON.stringify(Array.from(document.querySelectorAll({})).map(e => e.innerText));",
                serde_json::to_string(css).unwrap()
            );
            let rows: Vec<String> = serde_json::from_str(&self.script(&js)).unwrap_or_default();
            if !rows.is_empty() || since.elapsed() > Duration::from_secs(30) {
                return rows;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    /// Saves a screenshot under `target/screenshots/{name}.png` for a person to look at.
    fn screenshot(&self, name: &str) {
        use base64::Engine;
        let v = self.call("GET", "/screenshot", Value::Null);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .expect("a PNG in base64");
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }
    fn title(&self) -> String {
        self.call("GET", "/title", Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

#[test]
fn a_reader_picks_a_named_query_runs_it_and_follows_the_links() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let driver = Driver::start();
    let b = Session::new(&driver);

    // The query page is YASGUI, served from the binary: choosing a named query puts its text
    // in the editor, running it shows the rows as a table.
    b.go(&format!("{}/abfrage", server.url));
    assert_eq!(b.title(), "landtag-lod: SPARQL-Abfrage");
    let papers = b
        .find_all("#beispiel option")
        .into_iter()
        .find(|o| b.text(o) == "papers")
        .expect("the papers query is offered");
    b.click(&papers);
    b.click(&b.find("#laden"));
    let q = b.script("return window.landtagYasgui.getTab().getQuery();");
    assert!(q.contains("SELECT ?paper ?kind ?submitter ?source"), "{q}");
    b.click(&b.find(".yasqe_queryButton"));
    let rows = b.wait_for_rows(".yasr table tbody tr");
    assert!(
        rows.iter().any(|r| r.contains("17/9399")
            && r.contains("Kleine Anfrage")
            && r.contains("Angela Lück")),
        "{rows:#?}"
    );
    // The table offers its rows as CSV.
    assert!(
        !b.find_all(".yasr_downloadIcon").is_empty(),
        "no download in the results"
    );
    b.screenshot("yasgui-papers");
    // The page tells how to ask one Wahlperiode alone; the same query over period 18's
    // graphs keeps 18's papers and loses 17/9399, which only a document of period 17 names.
    let period = "https://landtag-lod.example/graph/wahlperiode/18";
    assert!(b.text(&b.find("main p")).contains(period));
    let over_18 = q.replacen(" WHERE", &format!(" FROM <{period}> WHERE"), 1);
    assert_ne!(over_18, q);
    b.script(&format!(
        "window.landtagYasgui.getTab().setQuery({}); return null;",
        serde_json::to_string(&over_18).unwrap()
    ));
    b.click(&b.find(".yasqe_queryButton"));
    let since = Instant::now();
    let rows = loop {
        // The table of the first run stays until the second's answer replaces it.
        let rows = b.wait_for_rows(".yasr table tbody tr");
        if rows.iter().all(|r| !r.contains("17/9399")) || since.elapsed().as_secs() > 30 {
            break rows;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(rows.iter().all(|r| !r.contains("17/9399")), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("18/")), "{rows:#?}");

    // A resource page, and a click through to the person who asked.
    b.go(&format!("{}/id/drucksache/17/10377", server.url));
    // Headed by its title, with the number among its facts.
    assert_eq!(
        b.text(&b.find("h1")),
        "Digitalisierung in öffentlichen Arbeitsbereichen des Landes NRW"
    );
    assert!(b.text(&b.find("table.raw")).contains("17/10377"));
    let question = b
        .find_all("a")
        .into_iter()
        .find(|a| b.property(a, "href").ends_with("/id/drucksache/17/9399"))
        .expect("a link to the question's paper");
    b.click(&question);
    let url = b.wait_for_url("/id/drucksache/17/9399");
    assert!(url.ends_with("/id/drucksache/17/9399"), "{url}");
    let page = b.text(&b.find("body"));
    assert!(page.contains("Kleine Anfrage"), "{page}");
    let asker = b
        .find_all("a")
        .into_iter()
        .find(|a| b.text(a).contains("Angela Lück") || b.property(a, "href").contains("lueck"))
        .unwrap_or_else(|| panic!("a link to the asker:\n{page}"));
    let href = b.property(&asker, "href");
    b.click(&asker);
    assert_eq!(b.wait_for_url(&href), href);
    let page = b.text(&b.find("body"));
    assert!(page.contains("Angela Lück"), "{page}");
    // Her page lists what points to her: the question she asked.
    let back: Vec<String> = b
        .find_all("table.incoming a")
        .iter()
        .map(|a| b.property(a, "href"))
        .collect();
    assert!(
        back.iter().any(|h| h.ends_with("/id/drucksache/17/9399")),
        "{back:?}"
    );
    // Every page offers its Turtle and JSON-LD.
    let formats: Vec<String> = b.find_all("a").iter().map(|a| b.text(a)).collect();
    assert!(
        formats.iter().any(|t| t == "Turtle") && formats.iter().any(|t| t == "JSON-LD"),
        "{formats:?}"
    );
}

/// The pages a journalist reads, on the real protocol 18/115: a minister's speeches, a
/// session's agenda and votes, a vote with the sentences it was read from, a paper's path
/// through the plenary. Screenshots are left in `target/tmp/screenshots/`.
#[test]
fn pages_read_as_a_journalist_expects() {
    let dir = tempdir();
    let store = ingested(dir.path());
    ok(&["ingest", s(&sample_pdf()), "--store", s(&store)]);
    let server = serve(&store, &[]);
    let driver = Driver::start();
    let b = Session::new(&driver);
    let texts = |css: &str| -> Vec<String> { b.find_all(css).iter().map(|e| b.text(e)).collect() };

    // A person: name as the heading, speeches with date, session, item and first words.
    b.go(&format!("{}/id/person/nathanael-liminski", server.url));
    assert_eq!(b.text(&b.find("h1")), "Nathanael Liminski");
    assert!(
        texts("h2").iter().any(|h| h == "Reden (59)"),
        "{:?}",
        texts("h2")
    );
    // Offices with their days: the cabinet post from the government table.
    let offices = texts("table.memberships tbody tr");
    assert!(
        offices.iter().any(|r| r.contains("Wüst II")
            && r.contains("Minister")
            && r.contains("2022-06-29")
            && r.contains("heute")),
        "{offices:?}"
    );
    let words = texts("table.speeches td a[href*='/beitrag/']");
    assert_eq!(words.len(), 59);
    assert!(
        words
            .iter()
            .all(|w| w.starts_with('„') && !w.contains("Geschäftsbereich")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.starts_with("„Herr Präsident!")),
        "{words:?}"
    );
    b.screenshot("person");

    // A member by the IRI the printed name had: redirected to the member's one IRI, whose
    // page lists faction and office by Wahlperiode with the period's days.
    b.go(&format!("{}/id/person/christof-rasche", server.url));
    assert!(b.url().ends_with("/id/person/mdl-11822"), "{}", b.url());
    assert_eq!(b.text(&b.find("h1")), "Christof Rasche");
    let rows = texts("table.memberships tbody tr");
    for (what, role) in [("FDP", "Mitglied"), ("Landtag", "Vizepräsident")] {
        assert!(
            rows.iter().any(|r| r.starts_with("18")
                && r.contains("2022-06-01")
                && r.contains(what)
                && r.contains(role)),
            "{what} {role}: {rows:?}"
        );
    }
    let kinds = texts("table.speeches tbody tr td:nth-child(4)");
    assert!(kinds.iter().any(|k| k == "Sitzungsleitung"), "{kinds:?}");

    // A session: its agenda with speakers, each vote as a table of factions and positions.
    b.go(&format!("{}/id/plenum/sitzung/18/115", server.url));
    assert_eq!(b.text(&b.find("h1")), "Sitzung 18/115");
    let agenda = texts("h2 + table tbody tr");
    assert!(agenda.len() >= 26, "{agenda:?}");
    assert!(
        agenda[0].starts_with("1 ")
            && agenda[0].contains("Ganztagsbetreuung")
            && agenda[0].contains("Jochen Ott"),
        "{:?}",
        agenda[0]
    );
    let votes = texts("h3");
    assert!(votes.len() >= 20, "{votes:?}");
    assert!(
        votes
            .iter()
            .any(|v| v == "Abstimmung über Drucksache 18/17457 – angenommen"),
        "{votes:?}"
    );
    b.screenshot("session");

    // A vote: the table, and the sentences it was read from.
    b.go(&format!(
        "{}/id/plenum/sitzung/18/115/abstimmung/10",
        server.url
    ));
    assert_eq!(b.text(&b.find("h1")), "Abstimmung über Drucksache 18/17457");
    let rows = texts("table.votes tbody tr");
    assert_eq!(rows, ["AfD Nein", "CDU Ja", "FDP Ja", "GRÜNE Ja", "SPD Ja"]);
    let read = b.text(&b.find("blockquote"));
    assert!(
        read.starts_with("Wer stimmt diesem Antrag zu?") && read.contains("angenommen"),
        "{read}"
    );
    b.screenshot("vote");

    // A paper: who submitted it, where it was debated, how it was voted on.
    b.go(&format!("{}/id/drucksache/18/17457", server.url));
    assert_eq!(b.text(&b.find("h1")), "Antrag · Drucksache 18/17457");
    let facts = texts("h2 + table tbody tr");
    assert!(
        facts.iter().any(|r| r == "Eingebracht von CDU, GRÜNE, SPD"),
        "{facts:?}"
    );
    assert!(facts.iter().any(|r| r.contains("Sitzung 18/115") && r.contains("TOP 11: Verlässliche Solidarität")), "{facts:?}");
    assert!(texts("h3").iter().any(|h| h.ends_with("– angenommen")));
    b.screenshot("paper");
    // Every page is German, titled, and asks nothing of another server.
    assert_eq!(b.script("return document.documentElement.lang;"), "de");
    let foreign = b.script(
        "return Array.from(document.querySelectorAll('script[src],link[href],img[src]')).map(e => e.src || e.href).filter(u => !u.startsWith(location.origin)).join(' ');",
    );
    assert_eq!(foreign, "");
}

/// The project's own doubts on the pages: the protocol 17/1 (a vote answered `Es gibt eine
/// Gegenstimme aus der AfD`, which leaves the AfD's position unread) lists its doubts on its
/// page, each linked to what it doubts, and the vote's page shows its own.
#[test]
fn a_document_page_lists_its_doubts() {
    let dir = tempdir();
    let store = dir.path().join("store");
    let pdf = repo().join("tests/fixtures/pdf/mmp17-1.pdf");
    ok(&["ingest", s(&pdf), "--store", s(&store)]);
    let server = serve(&store, &[]);
    let driver = Driver::start();
    let b = Session::new(&driver);
    b.go(&format!("{}/id/plenarprotokoll/17/1", server.url));
    let heading = b
        .find_all("h2")
        .into_iter()
        .map(|h| b.text(&h))
        .find(|t| t.starts_with("Zweifel beim Lesen"))
        .expect("a section of doubts");
    assert!(heading.contains('('), "{heading}");
    let rows: Vec<String> = b
        .find_all("table.doubts tbody tr")
        .iter()
        .map(|r| b.text(r))
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("nicht jede Fraktion") && r.contains("no position for AfD")),
        "{rows:#?}"
    );
    b.screenshot("doubts");
    let vote = b
        .find_all("table.doubts a")
        .into_iter()
        .find(|a| b.property(a, "href").contains("/abstimmung/"))
        .expect("a doubt links its vote");
    let href = b.property(&vote, "href");
    b.click(&vote);
    assert_eq!(b.wait_for_url(&href), href);
    let rows: Vec<String> = b
        .find_all("table.doubts tbody tr")
        .iter()
        .map(|r| b.text(r))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "the vote's page lists its own doubt: {rows:#?}"
    );
}

/// Browsing from the home page as a new user would: a search box first, then the periods; a
/// period's sessions, a session's agenda, a speech; and a search to a speech. At a phone's
/// width the search page needs no sideways scrolling.
#[test]
fn the_home_page_leads_to_periods_sessions_speeches_and_search() {
    let dir = tempdir();
    let store = ingested(dir.path());
    let server = serve(&store, &[]);
    let driver = Driver::start();
    let b = Session::new(&driver);
    let texts = |css: &str| -> Vec<String> { b.find_all(css).iter().map(|e| b.text(e)).collect() };

    // Home → period → session → speech.
    b.go(&format!("{}/", server.url));
    assert!(!b.find_all("form.search input[name=q]").is_empty());
    let periods = texts("ul.periods li");
    assert!(
        periods.iter().any(|p| p.starts_with("18. Wahlperiode")),
        "{periods:?}"
    );
    let link = b.find("ul.periods a[href='/wahlperiode/18']");
    b.click(&link);
    b.wait_for_url("/wahlperiode/18");
    assert_eq!(b.text(&b.find("h1")), "18. Wahlperiode");
    let sessions = texts("table.sessions tbody tr");
    assert!(
        sessions.iter().any(|s| s.contains("Sitzung 18/15")),
        "{sessions:?}"
    );
    let persons = texts("ul.persons li");
    assert!(
        persons.iter().any(|p| p.contains("(")),
        "persons with their faction: {persons:?}"
    );
    assert!(!texts("table.votes tbody tr").is_empty());
    b.screenshot("period");
    let session = b.find("table.sessions a[href$='/sitzung/18/15']");
    b.click(&session);
    b.wait_for_url("/sitzung/18/15");
    assert_eq!(b.text(&b.find("h1")), "Sitzung 18/15");
    let speech = b.find("td a[href*='/beitrag/']");
    let speaker = b.text(&speech);
    b.click(&speech);
    let at = b.wait_for_url("/beitrag/");
    assert!(at.contains("/beitrag/"), "{at}");
    assert!(b.text(&b.find("h1")).contains(&speaker), "{speaker}");

    // Home → search → speech, the words marked.
    b.go(&format!("{}/", server.url));
    let q = b.find("form.search input[name=q]");
    b.call(
        "POST",
        &format!("/element/{q}/value"),
        json!({ "text": "Extremismus\n" }),
    );
    b.wait_for_url("/search?");
    let total = b.text(&b.find("#total"));
    assert!(
        total.ends_with("Treffer") || total.contains("Treffer ·"),
        "{total}"
    );
    assert!(!b.find_all("li.hit mark").is_empty(), "words marked");
    let facets = texts("p.facet");
    assert!(facets.iter().any(|f| f.starts_with("Art:")), "{facets:?}");
    let first = b.find("li.hit a.hit-link");
    b.click(&first);
    b.wait_for_url("/id/");
    assert!(b.url().contains("/id/"), "{}", b.url());

    // At a phone's width: the page is no wider than the screen.
    b.call("POST", "/window/rect", json!({"width": 390, "height": 844}));
    b.go(&format!("{}/search?q=Schule", server.url));
    let wide =
        b.script("return String(document.documentElement.scrollWidth <= window.innerWidth + 1);");
    assert_eq!(wide, "true", "the search page scrolls sideways at 390 px");
    b.screenshot("search-phone");
}
