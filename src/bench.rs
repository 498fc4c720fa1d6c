//! `landtag-lod bench FILE.pdf`: pages per second, as ratios against `pdftotext` on the same
//! file in the same run (a ratio survives a slower or busier machine; seconds do not).
//!
//! Three runs per round, interleaved so that drift in the machine's load hits all alike:
//! poppler's plain `pdftotext` (the reference), our PDF reader (`pdftotext -bbox-layout` plus
//! reading order), and the whole conversion (read, normalise, parse, map to RDF).

use crate::rdf::Base;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Median seconds per run of each stage, and the page count.
#[derive(Debug, Clone)]
pub struct Report {
    pub pages: usize,
    pub reference: Duration,
    pub reader: Duration,
    pub convert: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rate = |d: Duration| self.pages as f64 / d.as_secs_f64();
        let reference = rate(self.reference);
        writeln!(f, "pages: {}", self.pages)?;
        for (name, d) in [
            ("pdftotext (reference)", self.reference),
            ("PDF reader", self.reader),
            ("whole conversion", self.convert),
        ] {
            writeln!(
                f,
                "{name:<22} {:>8.1} pages/s  ratio {:.2}",
                rate(d),
                rate(d) / reference
            )?;
        }
        Ok(())
    }
}

/// Runs each stage `rounds` times on `pdf`.
pub fn pdf(pdf: &Path, rounds: usize) -> anyhow::Result<Report> {
    let bytes = std::fs::read(pdf)?;
    let base = Base::new(crate::rdf::iri::DEFAULT_BASE)?;
    let mut times: [Vec<Duration>; 3] = Default::default();
    let mut pages = 0;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(pdf)
            .arg("-")
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "pdftotext failed on {}",
            pdf.display()
        );
        times[0].push(t.elapsed());
        pages = out.stdout.iter().filter(|&&b| b == 0x0C).count();

        let t = Instant::now();
        crate::pdf::text(pdf, &bytes)?;
        times[1].push(t.elapsed());

        let t = Instant::now();
        crate::pipeline::convert(pdf, &base, "2026-01-01T00:00:00Z")?;
        times[2].push(t.elapsed());
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let [mut a, mut b, mut c] = times;
    Ok(Report {
        pages,
        reference: median(&mut a),
        reader: median(&mut b),
        convert: median(&mut c),
    })
}
