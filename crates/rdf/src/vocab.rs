//! The terms we publish: standard vocabularies first, our own (`lt:`, declared in
//! `ontology/landtag.ttl`) where none fits.

macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        pub const NS: &str = $ns;
        $(pub const $name: oxigraph::model::NamedNodeRef<'static> = oxigraph::model::NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// Our own vocabulary. Its namespace does not depend on `--base`: queries keep working across
/// deployments.
pub mod lt {
    terms!("https://w3id.org/landtag-lod/ontology#";
        PLENARPROTOKOLL = "Plenarprotokoll",
        BESCHLUSSPROTOKOLL = "Beschlussprotokoll",
        AUSSCHUSSPROTOKOLL = "Ausschussprotokoll",
        DRUCKSACHE = "Drucksache",
        VORLAGE = "Vorlage",
        STELLUNGNAHME = "Stellungnahme",
        INFORMATION = "Information",
        ZUSCHRIFT = "Zuschrift",
        UEBERSICHT = "Uebersicht",
        SITZUNG = "Sitzung",
        TAGESORDNUNGSPUNKT = "Tagesordnungspunkt",
        FRAKTION = "Fraktion",
        PARTEI = "Partei",
        AUSSCHUSS = "Ausschuss",
        MINISTERIUM = "Ministerium",
        WAHLPERIODE = "wahlperiode",
        SITZUNGSNUMMER = "sitzungsnummer",
        OEFFENTLICH = "oeffentlich",
        VORSITZ = "vorsitz",
        PROTOKOLLFUEHRUNG = "protokollfuehrung",
        FRAKTION_PROP = "fraktion",
        FRAKTIONSLOS = "fraktionslos",
        PARTEI_PROP = "partei",
        MINISTERIUM_PROP = "ministerium",
        TAGESORDNUNGSPUNKT_PROP = "tagesordnungspunkt",
        SITZUNG_PROP = "sitzung",
        BERICHTETE_REDE = "berichteteRede",
        BEANTWORTET_DURCH = "beantwortetDurch", PROGRAMM = "Programm", UNGEFAEHR = "ungefaehr",
        KENNZAHL = "Kennzahl", STAND = "stand", QUELLE = "quelle", GESAMT = "gesamt", EINFUEHRUNG = "einfuehrung",
        VERABSCHIEDET = "verabschiedet", GEPLANT = "geplant", ANLAGE = "Anlage", IM_EINVERNEHMEN_MIT = "imEinvernehmenMit",
        NICHT_UEBERPRUEFT = "nichtUeberprueft", ZU_PROTOKOLL_GEGEBEN = "zuProtokollGegeben",
        NUMMER_ERSCHLOSSEN = "nummerErschlossen",
        ANTWORT_AUF = "antwortAuf",
        ANFRAGENUMMER = "anfragenummer",
        QUELLDATEI = "quelldatei",
        QUELLPRUEFSUMME = "quellpruefsumme",
        KONVERTER = "konverter",
        MITGLIEDS_ID = "mitgliedsId",
        IN_AMT = "inAmt",
        KABINETT = "Kabinett",
        SITZUNGSLEITUNG = "Sitzungsleitung",
        BEMERKUNG = "bemerkung",
        NENNT = "nennt",
        STUETZT = "stuetzt",
        INTERJEKTION = "Interjektion",
        ART = "art",
        ZUSATZ = "zusatz",
        UNTERBRICHT = "unterbricht",
        GEGENSTAND = "gegenstand",
        WEITERER_GEGENSTAND = "weitererGegenstand",
        GEMAESS_EMPFEHLUNG = "gemaessEmpfehlung",
        TEIL = "teil",
        ERGEBNIS_ERSCHLOSSEN = "ergebnisErschlossen",
        POSITIONEN_ERSCHLOSSEN = "positionenErschlossen",
        GEGENSTAND_ERSCHLOSSEN = "gegenstandErschlossen",
        UEBERWEISUNG = "ueberweisung",
        UEBERWEISUNG_AN = "ueberweisungAn",
        FEDERFUEHREND = "federfuehrend",
        EMPFEHLUNG_ZU = "empfehlungZu",
        EMPFIEHLT = "empfiehlt",
        NAMENTLICHE_ABSTIMMUNG = "NamentlicheAbstimmung",
        WAHL = "Wahl",
        EINZELSTIMME = "Einzelstimme",
        ABGEGEBENE_STIMMEN = "abgegebeneStimmen",
        GUELTIGE_STIMMEN = "gueltigeStimmen",
        MITGLIEDERZAHL = "mitgliederzahl",
        AMT = "amt",
        GEWAEHLT = "gewaehlt",
        KANDIDAT = "kandidat",
    );
}

/// The interjection kinds, a SKOS concept scheme (`ontology/interjektionsarten.ttl`).
pub mod art {
    terms!("https://w3id.org/landtag-lod/interjektionsart/";
        BEIFALL = "beifall", ZURUF = "zuruf", HEITERKEIT = "heiterkeit", SIGNAL = "signal",
        SONSTIGES = "sonstiges",
    );
    pub const SCHEME: oxigraph::model::NamedNodeRef<'static> =
        oxigraph::model::NamedNodeRef::new_unchecked(
            "https://w3id.org/landtag-lod/interjektionsart",
        );
}

/// The cross-checks a document's doubts come from, a SKOS concept scheme
/// (`ontology/pruefungen.ttl`); a concept's local name is its check's key.
pub mod pruefung {
    pub const NS: &str = "https://w3id.org/landtag-lod/pruefung/";
    pub const SCHEME: oxigraph::model::NamedNodeRef<'static> =
        oxigraph::model::NamedNodeRef::new_unchecked("https://w3id.org/landtag-lod/pruefung");
}

/// The Data Quality Vocabulary: a document's doubts about itself are quality annotations.
pub mod dqv {
    terms!("http://www.w3.org/ns/dqv#";
        QUALITY_ANNOTATION = "QualityAnnotation", QUALITY_ASSESSMENT = "qualityAssessment",
    );
}

/// Web Annotation: what a quality annotation is about, and what it says.
pub mod oa {
    terms!("http://www.w3.org/ns/oa#";
        HAS_TARGET = "hasTarget", BODY_VALUE = "bodyValue", MOTIVATED_BY = "motivatedBy",
    );
}

pub mod rdf {
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type", VALUE = "value");
}

pub mod rdfs {
    terms!("http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label");
}

pub mod xsd {
    terms!("http://www.w3.org/2001/XMLSchema#";
        DATE = "date", DATE_TIME = "dateTime", INTEGER = "integer", BOOLEAN = "boolean",
        DECIMAL = "decimal", G_YEAR = "gYear",
    );
}

pub mod org {
    terms!("http://www.w3.org/ns/org#";
        ORGANIZATION = "Organization", FORMAL_ORGANIZATION = "FormalOrganization",
        MEMBERSHIP = "Membership", ROLE = "Role",
        MEMBER_OF = "memberOf", SUB_ORGANIZATION_OF = "subOrganizationOf",
        MEMBER = "member", ORGANIZATION_PROP = "organization", ROLE_PROP = "role",
        MEMBER_DURING = "memberDuring", HEAD_OF = "headOf",
    );
}

pub mod opengov {
    terms!("http://www.w3.org/ns/opengov#";
        SPEECH = "Speech", ROLE = "role", VOTE_EVENT = "VoteEvent", VOTE = "Vote",
        VOTE_PROP = "vote", VOTE_EVENT_PROP = "voteEvent", VOTER = "voter", OPTION = "option",
        RESULT = "result", COUNT = "Count", COUNT_PROP = "count",
    );
}

pub mod eli {
    terms!("http://data.europa.eu/eli/ontology#";
        WORK = "Work", ID_LOCAL = "id_local", TITLE = "title", DATE_DOCUMENT = "date_document",
        DATE_PUBLICATION = "date_publication", IS_ABOUT = "is_about",
    );
}

pub mod schema {
    terms!("http://schema.org/";
        EVENT = "Event", NAME = "name", START_DATE = "startDate", END_DATE = "endDate",
        LOCATION = "location", ORGANIZER = "organizer", SUPER_EVENT = "superEvent",
        SUB_EVENT = "subEvent", IDENTIFIER = "identifier", POSITION = "position",
        CREATOR = "creator", TEXT = "text", ABOUT = "about", PAGE_START = "pageStart",
        PAGE_END = "pageEnd", MENTIONS = "mentions", MONETARY_GRANT = "MonetaryGrant",
        MONETARY_AMOUNT = "MonetaryAmount", FUNDED_ITEM = "fundedItem", FUNDER = "funder",
        AMOUNT = "amount", VALUE = "value", CURRENCY = "currency", VALID_FROM = "validFrom",
        VALID_THROUGH = "validThrough", QUESTION = "Question", ANSWER = "Answer",
        ACCEPTED_ANSWER = "acceptedAnswer", PARENT_ITEM = "parentItem", HAS_PART = "hasPart",
        UNIT_TEXT = "unitText", RECIPIENT = "recipient",
    );
}

pub mod dcterms {
    terms!("http://purl.org/dc/terms/";
        REFERENCES = "references", TYPE = "type", DESCRIPTION = "description",
        PUBLISHER = "publisher", CREATOR = "creator", SOURCE = "source", IS_PART_OF = "isPartOf",
        HAS_PART = "hasPart", TITLE = "title", REPLACES = "replaces", IDENTIFIER = "identifier",
    );
}

pub mod foaf {
    terms!("http://xmlns.com/foaf/0.1/"; PERSON = "Person", NAME = "name", TITLE = "title");
}

pub mod skos {
    terms!("http://www.w3.org/2004/02/skos/core#";
        PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel", CONCEPT = "Concept", NOTATION = "notation",
        IN_SCHEME = "inScheme",
    );
}

/// OWL-Time: the intervals memberships and offices are held in.
pub mod time {
    terms!("http://www.w3.org/2006/time#";
        INTERVAL = "Interval", INSTANT = "Instant", HAS_BEGINNING = "hasBeginning",
        HAS_END = "hasEnd", IN_XSD_DATE = "inXSDDate",
    );
}

/// ODRS: the text identifying a speaker as printed (Popolo's `attribution_text`).
pub mod odrs {
    terms!("http://schema.theodi.org/odrs#"; ATTRIBUTION_TEXT = "attributionText");
}

pub mod owl {
    terms!("http://www.w3.org/2002/07/owl#"; SAME_AS = "sameAs");
}

pub mod prov {
    terms!("http://www.w3.org/ns/prov#";
        ENTITY = "Entity", WAS_DERIVED_FROM = "wasDerivedFrom", GENERATED_AT_TIME = "generatedAtTime",
    );
}

/// NLP Interchange Format: character offsets into a text (`nif:beginIndex`, `nif:endIndex`).
pub mod nif {
    terms!("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        CONTEXT = "Context", IS_STRING = "isString", BEGIN_INDEX = "beginIndex",
        END_INDEX = "endIndex", REFERENCE_CONTEXT = "referenceContext",
    );
}

/// Prefixes for Turtle output, sorted by prefix.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dcterms", dcterms::NS),
    ("dqv", dqv::NS),
    ("eli", eli::NS),
    ("foaf", foaf::NS),
    ("art", art::NS),
    ("lt", lt::NS),
    ("nif", nif::NS),
    ("oa", oa::NS),
    ("odrs", odrs::NS),
    ("opengov", opengov::NS),
    ("org", org::NS),
    ("owl", owl::NS),
    ("prov", prov::NS),
    ("pruefung", pruefung::NS),
    ("rdf", rdf::NS),
    ("rdfs", rdfs::NS),
    ("schema", schema::NS),
    ("skos", skos::NS),
    ("time", time::NS),
    ("xsd", xsd::NS),
];

/// The namespaces of the publication's descriptions (catalogue, VoID, change feed), beside the
/// data's own (`PREFIXES`).
pub const DESCRIPTION_PREFIXES: &[(&str, &str)] = &[
    ("adms", "http://www.w3.org/ns/adms#"),
    ("as", "https://www.w3.org/ns/activitystreams#"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dcatap", "http://data.europa.eu/r5r/"),
    ("dcatde", "http://dcat-ap.de/def/dcatde/"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("dqv", "http://www.w3.org/ns/dqv#"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("ldes", "https://w3id.org/ldes#"),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("lt", "https://w3id.org/landtag-lod/ontology#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("sd", "http://www.w3.org/ns/sparql-service-description#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("tree", "https://w3id.org/tree#"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("void", "http://rdfs.org/ns/void#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// `prefix:local` or a full IRI, as a named node. The names are the code's own literals: an
/// unknown prefix is a programming error, caught by every test that writes a description.
pub fn term(name: &str) -> oxigraph::model::NamedNode {
    if let Some((prefix, local)) = name.split_once(':') {
        if let Some((_, ns)) = DESCRIPTION_PREFIXES.iter().find(|(p, _)| *p == prefix) {
            return oxigraph::model::NamedNode::new_unchecked(format!("{ns}{local}"));
        }
    }
    oxigraph::model::NamedNode::new(name).unwrap_or_else(|e| panic!("`{name}` is no IRI: {e}"))
}
