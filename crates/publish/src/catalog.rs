//! The DCAT-AP.de 3.0 catalogue: one dataset for the whole data and one per Wahlperiode, their
//! distributions (the dump set, each with size, SHA-256 and time), and the SPARQL endpoint as a
//! `dcat:DataService`. Controlled vocabularies are the EU's (file types, themes, languages,
//! frequencies, access rights) and DCAT-AP.de's (licence, political geocoding); every concept
//! named carries its `skos:inScheme`, so validators need no download.
//!
//! Every IRI the catalogue names lies under the base and is served by `serve`: the catalogue at
//! `/catalog`, the dumps at `/dumps/{file}`, the endpoint at `/sparql`.

use crate::facts::{Facts, Period};
use crate::graph::{term, Graph};
use crate::manifest::{Entry, Manifest, Part};
use landtag_rdf::Base;
use oxigraph::model::NamedNode;
use serde::Deserialize;

/// The licence of the data: Datenlizenz Deutschland – Zero – Version 2.0.
pub const LICENCE: &str = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0";
/// North Rhine-Westphalia in the political geocoding (Bundesland, key 05).
pub const STATE: &str = "http://dcat-ap.de/def/politicalGeocoding/stateKey/05";
const STATE_LEVEL: &str = "http://dcat-ap.de/def/politicalGeocoding/Level/state";
const EU: &str = "http://publications.europa.eu/resource/authority/";
const IANA: &str = "https://www.iana.org/assignments/media-types/";

/// Texts in German and English.
#[derive(Debug, Clone, Deserialize)]
pub struct Texts {
    pub de: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Titled {
    pub title: Texts,
    pub description: Texts,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Publisher {
    pub name: String,
    pub homepage: Option<String>,
    /// An ADMS publisher type (`RegionalAuthority` …).
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
    pub url: Option<String>,
}

/// What the catalogue says that the store cannot (`data/catalog.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Profile {
    pub publisher: Publisher,
    pub originator: String,
    pub contact: Contact,
    pub catalog: Titled,
    pub dataset: Titled,
    /// `{wp}` stands for the Wahlperiode's number.
    pub period: Titled,
    pub keywords: Vec<String>,
    /// GovData's contributor ID of the publisher (`http://dcat-ap.de/def/contributors/…`), which
    /// a delivery to GovData needs; none where the publisher has none.
    #[serde(default)]
    pub contributor_id: Option<String>,
}

impl Profile {
    /// The profile shipped in `data/catalog.json`.
    pub fn bundled() -> Self {
        Self::parse(include_str!("../../../data/catalog.json")).expect("data/catalog.json is valid")
    }
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
    pub fn read(path: &std::path::Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }
}

/// The catalogue of a store and its dump set.
pub struct Catalog<'a> {
    base: &'a Base,
    facts: &'a Facts,
    manifest: &'a Manifest,
    profile: Profile,
    g: Graph,
}

/// The catalogue's own IRI, which `serve` answers at `/catalog`.
pub fn catalog_iri(base: &Base) -> NamedNode {
    base.served("catalog")
}

/// A dataset's IRI: `{base}/katalog/datensatz/landtag-nrw`, `…/wahlperiode-18`.
pub fn dataset_iri(base: &Base, part: Part) -> NamedNode {
    let name = match part {
        Part::All => "landtag-nrw".to_owned(),
        Part::Wahlperiode(n) => format!("wahlperiode-{n}"),
    };
    base.served(&format!("katalog/datensatz/{name}"))
}

impl<'a> Catalog<'a> {
    pub fn new(base: &'a Base, facts: &'a Facts, manifest: &'a Manifest) -> Self {
        Self::with_profile(base, facts, manifest, Profile::bundled())
    }

    pub fn with_profile(
        base: &'a Base,
        facts: &'a Facts,
        manifest: &'a Manifest,
        profile: Profile,
    ) -> Self {
        Self {
            base,
            facts,
            manifest,
            profile,
            g: Graph::default(),
        }
    }

    fn iri(&self, path: &str) -> NamedNode {
        self.base.served(path)
    }

    /// `{node}/{tail}` for a node under the base.
    fn under(&self, node: &NamedNode, tail: &str) -> NamedNode {
        let path = self.base.path_of(node.as_str()).unwrap_or_default();
        self.base.served(&format!("{path}/{tail}"))
    }

    /// The catalogue's triples.
    pub fn graph(mut self) -> Graph {
        let cat = catalog_iri(self.base);
        self.catalog(&cat);
        self.agents();
        let all = dataset_iri(self.base, Part::All);
        let profile = self.profile.clone();
        let modified = self.facts.modified().to_owned();
        let dates = self.facts.periods.iter().filter_map(Period::dates).fold(
            None,
            |acc: Option<(&str, &str)>, (lo, hi)| match acc {
                None => Some((lo, hi)),
                Some((a, b)) => Some((a.min(lo), b.max(hi))),
            },
        );
        self.dataset(&all, &profile.dataset, Part::All, &modified, dates, None);
        self.doubts(&all, self.facts.doubts());
        self.contradictions(&all, self.facts.contradictions());
        self.g.node(&cat, "dcat:dataset", &all);
        for period in &self.facts.periods {
            let part = Part::Wahlperiode(period.wahlperiode);
            let ds = dataset_iri(self.base, part);
            let wp = period.wahlperiode.to_string();
            let titled = Titled {
                title: fill(&profile.period.title, &wp),
                description: fill(&profile.period.description, &wp),
            };
            self.dataset(
                &ds,
                &titled,
                part,
                period.modified(),
                period.dates(),
                Some(&all),
            );
            self.doubts(&ds, period.doubts());
            self.contradictions(&ds, period.contradictions());
            self.g.node(&cat, "dcat:dataset", &ds);
        }
        self.service(&cat);
        self.vocabularies();
        self.g
    }

    fn catalog(&mut self, cat: &NamedNode) {
        let p = self.profile.catalog.clone();
        self.g.iri(cat, "rdf:type", "dcat:Catalog");
        titled(&mut self.g, cat, &p);
        let publisher = self.iri("katalog/herausgeber");
        let home = self.iri("");
        let g = &mut self.g;
        g.node(cat, "dcterms:publisher", &publisher);
        g.node(cat, "foaf:homepage", &home);
        g.iri(cat, "dcterms:language", &format!("{EU}language/DEU"));
        g.iri(cat, "dcterms:license", LICENCE);
        g.iri(cat, "dcterms:spatial", STATE);
        g.iri(cat, "dcat:themeTaxonomy", &format!("{EU}data-theme"));
        if !self.facts.modified().is_empty() {
            let m = self.facts.modified().to_owned();
            self.g.typed(cat, "dcterms:modified", &m, "xsd:dateTime");
        }
    }

    /// The publisher, the originator and the contact point.
    fn agents(&mut self) {
        let p = self.profile.clone();
        let publisher = self.iri("katalog/herausgeber");
        let originator = self.iri("katalog/urheber");
        let contact = self.iri("katalog/kontakt");
        let home = p
            .publisher
            .homepage
            .clone()
            .unwrap_or_else(|| self.iri("").as_str().to_owned());
        let g = &mut self.g;
        for (agent, name) in [
            (&publisher, &p.publisher.name),
            (&originator, &p.originator),
        ] {
            g.iri(agent, "rdf:type", "foaf:Agent");
            g.iri(agent, "rdf:type", "foaf:Organization");
            g.lit(agent, "foaf:name", name);
            let kind = format!("http://purl.org/adms/publishertype/{}", p.publisher.kind);
            g.iri(agent, "dcterms:type", &kind);
            concept(
                g,
                &kind,
                "http://purl.org/adms/publishertype/1.0",
                &p.publisher.kind,
            );
        }
        g.iri(&publisher, "foaf:homepage", &home);
        g.iri(&contact, "rdf:type", "vcard:Kind");
        g.iri(&contact, "rdf:type", "vcard:Organization");
        g.lit(&contact, "vcard:fn", &p.contact.name);
        if let Some(email) = &p.contact.email {
            g.iri(&contact, "vcard:hasEmail", &format!("mailto:{email}"));
        }
        let url = p.contact.url.clone().unwrap_or(home);
        g.iri(&contact, "vcard:hasURL", &url);
    }

    fn dataset(
        &mut self,
        ds: &NamedNode,
        titled: &Titled,
        part: Part,
        modified: &str,
        dates: Option<(&str, &str)>,
        part_of: Option<&NamedNode>,
    ) {
        self.dataset_core(ds, titled, modified, part_of);
        if let Some((first, last)) = dates {
            let period = self.under(ds, "zeitraum");
            let g = &mut self.g;
            g.node(ds, "dcterms:temporal", &period);
            g.iri(&period, "rdf:type", "dcterms:PeriodOfTime");
            g.typed(&period, "dcat:startDate", first, "xsd:date");
            g.typed(&period, "dcat:endDate", last, "xsd:date");
        }
        let entries: Vec<Entry> = self
            .manifest
            .files
            .iter()
            .filter(|e| e.part == part)
            .cloned()
            .collect();
        for e in &entries {
            let d = self.distribution(e);
            self.g.node(ds, "dcat:distribution", &d);
        }
    }

    /// The dataset's doubts as a quality measurement (DQV): how many of its facts its
    /// documents' own cross-checks question, listed by the named query `checks`.
    fn doubts(&mut self, ds: &NamedNode, count: u64) {
        self.measurement(
            ds,
            "zweifel",
            count,
            "Zahl der Zweifel, die die Gegenproben der Dokumente selbst wecken (Fraktionen einer \
             Abstimmung, Ergebnis gegen Sitze, Summen namentlicher Abstimmungen, \
             Inhaltsverzeichnis gegen Reden); die benannte Abfrage checks listet sie.",
        );
    }

    /// The dataset's disagreements between a sitting's Plenarprotokoll and its
    /// Beschlussprotokoll as a quality measurement, listed by the named query `record-checks`.
    fn contradictions(&mut self, ds: &NamedNode, count: u64) {
        self.measurement(
            ds,
            "widersprueche-beschlussprotokoll",
            count,
            "Zahl der Befunde, in denen eine Abstimmung eines Plenarprotokolls dem \
             Beschlussprotokoll derselben Sitzung widerspricht (Ergebnis oder Position einer \
             Fraktion), wo beide im Bestand sind; die benannte Abfrage record-checks listet sie.",
        );
    }

    /// A quality measurement (DQV) of `ds` by the metric `katalog/metrik/{name}`.
    fn measurement(&mut self, ds: &NamedNode, name: &str, count: u64, definition: &str) {
        let m = self.under(ds, name);
        let metric = self.iri(&format!("katalog/metrik/{name}"));
        let g = &mut self.g;
        g.node(ds, "dqv:hasQualityMeasurement", &m);
        g.iri(&m, "rdf:type", "dqv:QualityMeasurement");
        g.node(&m, "dqv:isMeasurementOf", &metric);
        g.node(&m, "dqv:computedOn", ds);
        g.typed(&m, "dqv:value", &count.to_string(), "xsd:integer");
        g.iri(&metric, "rdf:type", "dqv:Metric");
        g.lang(&metric, "skos:definition", definition, "de");
        g.iri(&metric, "dqv:expectedDataType", "xsd:integer");
    }

    fn dataset_core(
        &mut self,
        ds: &NamedNode,
        t: &Titled,
        modified: &str,
        part_of: Option<&NamedNode>,
    ) {
        let publisher = self.iri("katalog/herausgeber");
        let originator = self.iri("katalog/urheber");
        let contact = self.iri("katalog/kontakt");
        let landing = self.iri("");
        let keywords = self.profile.keywords.clone();
        let g = &mut self.g;
        g.iri(ds, "rdf:type", "dcat:Dataset");
        titled(g, ds, t);
        g.lit(ds, "dcterms:identifier", ds.as_str());
        g.node(ds, "dcterms:publisher", &publisher);
        g.node(ds, "dcterms:creator", &originator);
        g.node(ds, "dcat:contactPoint", &contact);
        g.node(ds, "dcat:landingPage", &landing);
        for k in &keywords {
            g.lang(ds, "dcat:keyword", k, "de");
        }
        g.iri(ds, "dcat:theme", &format!("{EU}data-theme/GOVE"));
        g.iri(ds, "dcterms:spatial", STATE);
        g.iri(ds, "dcatde:politicalGeocodingLevelURI", STATE_LEVEL);
        g.iri(ds, "dcterms:language", &format!("{EU}language/DEU"));
        g.iri(
            ds,
            "dcterms:accessRights",
            &format!("{EU}access-right/PUBLIC"),
        );
        g.iri(
            ds,
            "dcterms:accrualPeriodicity",
            &format!("{EU}frequency/IRREG"),
        );
        if !modified.is_empty() {
            g.typed(ds, "dcterms:modified", modified, "xsd:dateTime");
        }
        if let Some(id) = &self.profile.contributor_id {
            let id = id.clone();
            self.g.iri(ds, "dcatde:contributorID", &id);
            concept(
                &mut self.g,
                &id,
                "http://dcat-ap.de/def/contributors",
                "Bereitsteller",
            );
        }
        let g = &mut self.g;
        if let Some(whole) = part_of {
            g.node(ds, "dcterms:isPartOf", whole);
            g.node(whole, "dcterms:hasPart", ds);
        }
    }

    fn distribution(&mut self, e: &Entry) -> NamedNode {
        let d = self.iri(&format!("katalog/distribution/{}", e.file));
        let url = self.iri(&format!("dumps/{}", e.file));
        let checksum = self.under(&d, "pruefsumme");
        let g = &mut self.g;
        g.iri(&d, "rdf:type", "dcat:Distribution");
        g.node(&d, "dcat:accessURL", &url);
        g.node(&d, "dcat:downloadURL", &url);
        let (kind, media) = (e.format.eu_file_type(), e.format.media_type());
        let (title, description) = match &e.table {
            Some(t) => (
                format!("{} (Tabelle `{t}`, {kind})", e.file),
                format!(
                    "{} Zeilen der benannten Abfrage `{t}` (queries/{t}.rq) als {media}, UTF-8, Kopfzeile mit ihren Spalten",
                    e.statements
                ),
            ),
            None => (
                format!("{} ({kind}, gzip)", e.file),
                format!("{} Aussagen als {media}, gzip-komprimiert", e.statements),
            ),
        };
        g.lang(&d, "dcterms:title", &title, "de");
        g.lang(&d, "dcterms:description", &description, "de");
        g.iri(&d, "dcterms:format", &format!("{EU}file-type/{kind}"));
        g.iri(&d, "dcat:mediaType", &format!("{IANA}{media}"));
        if e.table.is_none() {
            g.iri(
                &d,
                "dcat:compressFormat",
                &format!("{IANA}application/gzip"),
            );
        }
        g.typed(
            &d,
            "dcat:byteSize",
            &e.bytes.to_string(),
            "xsd:nonNegativeInteger",
        );
        g.typed(&d, "dcterms:modified", &e.modified, "xsd:dateTime");
        g.iri(&d, "dcterms:license", LICENCE);
        g.iri(&d, "dcterms:language", &format!("{EU}language/DEU"));
        g.iri(
            &d,
            "dcatap:availability",
            &format!("{EU}planned-availability/STABLE"),
        );
        g.iri(
            &d,
            "adms:status",
            &format!("{EU}distribution-status/COMPLETED"),
        );
        g.node(&d, "spdx:checksum", &checksum);
        g.iri(&checksum, "rdf:type", "spdx:Checksum");
        g.iri(&checksum, "spdx:algorithm", "spdx:checksumAlgorithm_sha256");
        g.typed(&checksum, "spdx:checksumValue", &e.sha256, "xsd:hexBinary");
        for m in [format!("{IANA}{media}"), format!("{IANA}application/gzip")] {
            g.iri(&term(&m), "rdf:type", "dcterms:MediaType");
        }
        concept(
            g,
            &format!("{EU}file-type/{kind}"),
            &format!("{EU}file-type"),
            kind,
        );
        d
    }

    /// The SPARQL endpoint, serving every dataset, and the change feed, serving the whole.
    fn service(&mut self, cat: &NamedNode) {
        let datasets: Vec<NamedNode> = std::iter::once(Part::All)
            .chain(
                self.facts
                    .periods
                    .iter()
                    .map(|p| Part::Wahlperiode(p.wahlperiode)),
            )
            .map(|p| dataset_iri(self.base, p))
            .collect();
        let sparql = Service {
            path: "katalog/dienst/sparql",
            endpoint: "sparql",
            title: [
                "SPARQL-Endpunkt von landtag-lod",
                "landtag-lod SPARQL endpoint",
            ],
            description: format!(
                "SPARQL 1.1 Protocol, nur lesend; der Standardgraph ist die Vereinigung aller \
                 Graphen, wo eine Anfrage keine nennt (FROM, default-graph-uri). Die Graphen \
                 einer Wahlperiode heißen zusammen {} (18 die Nummer der Wahlperiode). Ohne \
                 Anfrage beschreibt sich der Dienst selbst (SPARQL 1.1 Service Description).",
                self.base.period_graph(18).as_str()
            ),
            conforms_to: "https://www.w3.org/TR/sparql11-protocol/",
        };
        let s = self.data_service(cat, &sparql, &datasets);
        let void = self.iri(".well-known/void");
        self.g.node(&s, "dcat:endpointDescription", &void);
        let feed = Service {
            path: "katalog/dienst/aenderungen",
            endpoint: "changes",
            title: ["Änderungsstrom von landtag-lod (LDES)", "landtag-lod change feed (LDES)"],
            description: "Jeder hinzugefügte, ersetzte oder entfernte Graph mit Zeit und Dokument, als Linked Data Event Stream; ?since= eine Zeit (xsd:dateTime).".to_owned(),
            conforms_to: "https://w3id.org/ldes/specification",
        };
        self.data_service(cat, &feed, &datasets[..1]);
    }

    /// A `dcat:DataService` of this server, serving `datasets`.
    fn data_service(&mut self, cat: &NamedNode, s: &Service, datasets: &[NamedNode]) -> NamedNode {
        let node = self.iri(s.path);
        let endpoint = self.iri(s.endpoint);
        let publisher = self.iri("katalog/herausgeber");
        let contact = self.iri("katalog/kontakt");
        let g = &mut self.g;
        g.iri(&node, "rdf:type", "dcat:DataService");
        g.lang(&node, "dcterms:title", s.title[0], "de");
        g.lang(&node, "dcterms:title", s.title[1], "en");
        g.lang(&node, "dcterms:description", &s.description, "de");
        g.node(&node, "dcat:endpointURL", &endpoint);
        g.iri(&node, "dcterms:conformsTo", s.conforms_to);
        g.node(&node, "dcterms:publisher", &publisher);
        g.node(&node, "dcat:contactPoint", &contact);
        g.iri(&node, "dcterms:license", LICENCE);
        g.iri(
            &node,
            "dcterms:accessRights",
            &format!("{EU}access-right/PUBLIC"),
        );
        for ds in datasets {
            g.node(&node, "dcat:servesDataset", ds);
        }
        g.node(cat, "dcat:service", &node);
        node
    }

    /// The controlled vocabularies' concepts named above, with their schemes.
    fn vocabularies(&mut self) {
        let g = &mut self.g;
        concept(
            g,
            &format!("{EU}language/DEU"),
            &format!("{EU}language"),
            "Deutsch",
        );
        concept(
            g,
            &format!("{EU}data-theme/GOVE"),
            &format!("{EU}data-theme"),
            "Regierung und öffentlicher Sektor",
        );
        concept(
            g,
            &format!("{EU}access-right/PUBLIC"),
            &format!("{EU}access-right"),
            "öffentlich",
        );
        concept(
            g,
            &format!("{EU}frequency/IRREG"),
            &format!("{EU}frequency"),
            "unregelmäßig",
        );
        concept(
            g,
            &format!("{EU}planned-availability/STABLE"),
            &format!("{EU}planned-availability"),
            "stabil",
        );
        concept(
            g,
            &format!("{EU}distribution-status/COMPLETED"),
            &format!("{EU}distribution-status"),
            "abgeschlossen",
        );
        concept(
            g,
            STATE,
            "http://dcat-ap.de/def/politicalGeocoding/stateKey",
            "Nordrhein-Westfalen",
        );
        concept(
            g,
            STATE_LEVEL,
            "http://dcat-ap.de/def/politicalGeocoding/Level",
            "Land",
        );
        concept(
            g,
            LICENCE,
            "http://dcat-ap.de/def/licenses",
            "Datenlizenz Deutschland – Zero – Version 2.0",
        );
        g.iri(&term(LICENCE), "rdf:type", "dcterms:LicenseDocument");
        g.iri(&term(STATE), "rdf:type", "dcterms:Location");
        let theme = term(&format!("{EU}data-theme"));
        g.iri(&theme, "rdf:type", "skos:ConceptScheme");
        g.lang(&theme, "dcterms:title", "Data theme", "en");
        g.iri(
            &term("spdx:checksumAlgorithm_sha256"),
            "rdf:type",
            "spdx:ChecksumAlgorithm",
        );
    }
}

/// Title and description of `node`, in German and English.
fn titled(g: &mut Graph, node: &NamedNode, t: &Titled) {
    g.lang(node, "dcterms:title", &t.title.de, "de");
    g.lang(node, "dcterms:title", &t.title.en, "en");
    g.lang(node, "dcterms:description", &t.description.de, "de");
    g.lang(node, "dcterms:description", &t.description.en, "en");
}

/// A service of this server as the catalogue describes it.
struct Service {
    /// Its node under the base.
    path: &'static str,
    /// The path it answers at.
    endpoint: &'static str,
    /// German, English.
    title: [&'static str; 2],
    description: String,
    conforms_to: &'static str,
}

/// A concept of a controlled vocabulary, with its scheme and a label.
fn concept(g: &mut Graph, iri: &str, scheme: &str, label: &str) {
    let c = term(iri);
    g.iri(&c, "rdf:type", "skos:Concept");
    g.iri(&c, "skos:inScheme", scheme);
    g.lang(&c, "skos:prefLabel", label, "de");
}

fn fill(t: &Texts, wp: &str) -> Texts {
    Texts {
        de: t.de.replace("{wp}", wp),
        en: t.en.replace("{wp}", wp),
    }
}
