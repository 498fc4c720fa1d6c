//! Model → quads. What is about the document and its parts goes into the document's named
//! graph; what is about shared things (persons, factions, papers …) becomes claims the store
//! keeps once, in the shared graph.
//! The mapping knows nothing of text: it reads the model and mints terms through `iri`.

use super::iri::{self, Base};
use super::vocab::{
    art, dcterms, dqv, eli, foaf, lt, nif, oa, odrs, opengov, org, owl, prov, pruefung, rdf, rdfs,
    schema, skos, time, xsd,
};
use crate::model::{
    Body, CheckKind, CheckTarget, Date, Document, DocumentKind, DrucksacheKind, Faction,
    InterjectionKind, MinistryRef, PaperKind, PaperRef, Role, RoleKind, Speaker, Vote, VoteMethod,
    Voter,
};
use landtag_model::government;
use landtag_model::members::{self, MemberId};
use oxigraph::model::{
    GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple,
};

/// Where a document's graph came from.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// The file name (or URL) it was read from.
    pub source: String,
    /// SHA-256 of the source bytes, hex.
    pub digest: String,
    /// When it was converted, `xsd:dateTime`.
    pub converted_at: String,
}

#[derive(Debug, thiserror::Error)]
#[error("the document cannot be identified (no electoral period and number or session): nothing to name its graph by")]
pub struct Unidentified;

/// What one document says, split by who owns the subject.
///
/// `quads` are about the document and its parts (the document itself, its text, its meeting,
/// agenda items, contributions, votes, questions, fundings): only this document states them, in
/// its own graph. `claims` are about things many documents mention (persons, factions, parties,
/// ministries, committees, roles, programmes, other papers): the store keeps each of them once,
/// in the shared graph, for as long as one document still claims it.
pub struct Mapped {
    pub document: NamedNode,
    pub graph: NamedNode,
    pub quads: Vec<Quad>,
    pub claims: Vec<Claim>,
    /// The graph the claims are kept in (`{base}/graph/gemeinsam`).
    pub shared_graph: NamedNode,
    /// The base the claims' keys are minted under.
    pub base: Base,
}

/// A statement about a shared thing, with its key and the graph of the document that would own
/// its subject (a cited paper's own graph), where the statement then stands instead.
#[derive(Debug, Clone)]
pub struct Claim {
    pub triple: Triple,
    /// `{base}/aussage/{hash}`: what the claiming graph records it supports.
    pub key: NamedNode,
    pub owner: NamedNode,
}

impl Mapped {
    /// The key of a statement in the shared graph (one read back from the store).
    pub fn key_of(&self, t: &Triple) -> NamedNode {
        self.base.claim(t)
    }

    /// Everything the document contributes: its graph, and its claims in the shared graph.
    pub fn all_quads(&self) -> impl Iterator<Item = Quad> + '_ {
        self.quads
            .iter()
            .cloned()
            .chain(self.claims.iter().map(|c| {
                c.triple
                    .clone()
                    .in_graph(GraphName::NamedNode(self.shared_graph.clone()))
            }))
    }
}

pub(crate) struct Out {
    pub(crate) graph: GraphName,
    pub(crate) quads: Vec<Quad>,
    /// The byte offset of each character of the document's text, and its length at the end:
    /// spans count characters (NIF offsets), and slicing by them must not walk the text anew.
    pub(crate) char_bytes: Vec<usize>,
}

impl Out {
    pub(crate) fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), p, o, self.graph.clone()));
    }
    pub(crate) fn lit(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }
    pub(crate) fn de(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(
            s,
            p,
            Literal::new_language_tagged_literal_unchecked(value, "de"),
        );
    }
    pub(crate) fn typed(
        &mut self,
        s: &NamedNode,
        p: NamedNodeRef<'_>,
        value: impl Into<String>,
        dt: NamedNodeRef<'_>,
    ) {
        self.add(s, p, Literal::new_typed_literal(value, dt));
    }
    pub(crate) fn int(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: impl ToString) {
        self.typed(s, p, value.to_string(), xsd::INTEGER);
    }
}

fn paper_class(kind: PaperKind) -> NamedNodeRef<'static> {
    match kind {
        PaperKind::Drucksache => lt::DRUCKSACHE,
        PaperKind::Vorlage => lt::VORLAGE,
        PaperKind::Stellungnahme => lt::STELLUNGNAHME,
        PaperKind::Ausschussprotokoll => lt::AUSSCHUSSPROTOKOLL,
        PaperKind::Plenarprotokoll => lt::PLENARPROTOKOLL,
        PaperKind::Information => lt::INFORMATION,
        PaperKind::Zuschrift => lt::ZUSCHRIFT,
        PaperKind::Uebersicht => lt::UEBERSICHT,
    }
}

/// Maps a parsed document into its graph.
pub fn map_document(
    doc: &Document,
    base: &Base,
    provenance: &Provenance,
) -> Result<Mapped, Unidentified> {
    let doc_iri = base.document(doc).ok_or(Unidentified)?;
    let graph = base.graph(&doc_iri);
    let mut out = Out {
        graph: graph.clone().into(),
        quads: Vec::new(),
        char_bytes: doc
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([doc.text.len()])
            .collect(),
    };
    let wp = doc.wahlperiode.ok_or(Unidentified)?;

    map_provenance(&mut out, &graph, &doc_iri, provenance);

    // The document.
    let class = match doc.kind {
        DocumentKind::Plenarprotokoll => lt::PLENARPROTOKOLL,
        DocumentKind::Ausschussprotokoll => lt::AUSSCHUSSPROTOKOLL,
        DocumentKind::Drucksache => lt::DRUCKSACHE,
    };
    out.add(&doc_iri, rdf::TYPE, class);
    out.lit(&doc_iri, dcterms::SOURCE, &provenance.source);
    out.int(&doc_iri, lt::WAHLPERIODE, wp);
    out.add(&doc_iri, dcterms::PUBLISHER, base.landtag());
    if let Some(id) = &doc.id {
        out.lit(&doc_iri, eli::ID_LOCAL, &id.printed());
    }
    if let Some(d) = &doc.date {
        out.typed(&doc_iri, eli::DATE_DOCUMENT, *d, xsd::DATE);
    }
    if let Some(d) = &doc.issued {
        out.typed(&doc_iri, eli::DATE_PUBLICATION, *d, xsd::DATE);
    }
    if let Some(t) = &doc.title {
        out.de(&doc_iri, eli::TITLE, t);
    }
    if let Some(t) = &doc.subtype {
        out.de(&doc_iri, dcterms::TYPE, t);
    }
    for m in &doc.mentions {
        let p = paper(&mut out, base, m);
        out.add(&doc_iri, dcterms::REFERENCES, p);
    }
    let text_iri = iri::text_context(&doc_iri);
    out.add(&text_iri, rdf::TYPE, nif::CONTEXT);
    out.add(
        &text_iri,
        nif::IS_STRING,
        Literal::new_simple_literal(&doc.text),
    );
    out.add(&text_iri, prov::WAS_DERIVED_FROM, doc_iri.clone());

    if let Some(a) = &doc.answer_to {
        map_answer(&mut out, base, wp, &doc_iri, a);
    }

    map_funding(&mut out, base, doc, &doc_iri, &text_iri);
    map_questions(&mut out, doc, &doc_iri, &doc.questions, &text_iri);
    map_attachments(&mut out, base, doc, wp, &doc_iri, &text_iri);
    map_programmes(&mut out, base, doc, &doc_iri, &text_iri);
    map_cited(&mut out, base, doc);
    if let (Some(meeting), Some(m)) = (base.meeting(doc), &doc.meeting) {
        map_meeting(&mut out, base, doc, wp, &doc_iri, &meeting, m);
    }
    let meeting = base.meeting(doc);
    map_checks(&mut out, doc, &doc_iri, meeting.as_ref());
    Ok(split(base, out.quads, doc_iri, graph, meeting.as_ref()))
}

/// The graph: where it came from and when, and which converter made it.
pub(crate) fn map_provenance(
    out: &mut Out,
    graph: &NamedNode,
    doc_iri: &NamedNode,
    provenance: &Provenance,
) {
    out.add(graph, rdf::TYPE, prov::ENTITY);
    out.add(graph, prov::WAS_DERIVED_FROM, doc_iri.clone());
    out.lit(graph, lt::QUELLDATEI, &provenance.source);
    out.lit(
        graph,
        lt::QUELLPRUEFSUMME,
        &format!("sha256:{}", provenance.digest),
    );
    out.typed(
        graph,
        prov::GENERATED_AT_TIME,
        provenance.converted_at.clone(),
        xsd::DATE_TIME,
    );
    out.lit(graph, lt::KONVERTER, crate::CONVERTER);
}

/// An answer of the government: the question it answers (number, date, askers) and the
/// ministries that answered and agreed.
fn map_answer(
    out: &mut Out,
    base: &Base,
    wp: u32,
    doc_iri: &NamedNode,
    a: &crate::model::AnswerTo,
) {
    let mut question = a.question_paper.as_ref().map(|q| paper(out, base, q));
    if let Some(q) = question.take() {
        out.add(doc_iri, lt::ANTWORT_AUF, q.clone());
        if let Some(n) = a.question_number {
            out.int(&q, lt::ANFRAGENUMMER, n);
        }
        out.de(&q, dcterms::TYPE, DrucksacheKind::KleineAnfrage.as_str());
        if let Some(d) = &a.question_date {
            out.typed(&q, eli::DATE_DOCUMENT, *d, xsd::DATE);
        }
        for asker in &a.asked_by {
            let person = person(out, base, wp, asker);
            out.add(&q, dcterms::CREATOR, person);
        }
        out.add(&q, lt::BEANTWORTET_DURCH, doc_iri.clone());
    }
    // The answer's author is the ministry of the member of government who answered.
    if let Some(m) = &a.answering_ministry {
        let m = ministry(out, base, m);
        out.add(doc_iri, dcterms::CREATOR, m);
    }
    for m in &a.agreeing_ministries {
        let m = ministry(out, base, m);
        out.add(doc_iri, lt::IM_EINVERNEHMEN_MIT, m);
    }
}

/// A document's quads as `Mapped::all_quads` gives them (its graph, and its claims in the
/// shared graph), read back: how `ingest` hands a converted document to a running `serve`.
pub fn from_quads(base: &Base, quads: Vec<Quad>) -> Result<Mapped, String> {
    let shared = base.shared_graph();
    let mut graph: Option<NamedNode> = None;
    let (mut own, mut claims) = (Vec::new(), Vec::new());
    for q in quads {
        match &q.graph_name {
            GraphName::NamedNode(g) if *g == shared => {
                let triple = Triple::from(q);
                let NamedOrBlankNode::NamedNode(subject) = &triple.subject else {
                    return Err("a claim about a blank node".into());
                };
                claims.push(Claim {
                    key: base.claim(&triple),
                    owner: base.graph(subject),
                    triple,
                });
            }
            GraphName::NamedNode(g) => {
                if graph.get_or_insert_with(|| g.clone()) != g {
                    return Err(format!(
                        "quads of two documents: {g} and {}",
                        graph.unwrap()
                    ));
                }
                own.push(q);
            }
            _ => return Err("a quad in the default graph".into()),
        }
    }
    let graph = graph.ok_or("no document graph")?;
    let document = own
        .iter()
        .find(|q| q.subject == graph.clone().into() && q.predicate == prov::WAS_DERIVED_FROM)
        .and_then(|q| match &q.object {
            Term::NamedNode(n) => Some(n.clone()),
            _ => None,
        })
        .ok_or("the graph names no document (prov:wasDerivedFrom)")?;
    Ok(Mapped {
        document,
        graph,
        quads: own,
        claims,
        shared_graph: shared,
        base: base.clone(),
    })
}

/// Sorts and de-duplicates the quads (`convert` output is deterministic) and splits them into
/// the document's own and its claims about shared things.
pub(crate) fn split(
    base: &Base,
    quads: Vec<Quad>,
    document: NamedNode,
    graph: NamedNode,
    meeting: Option<&NamedNode>,
) -> Mapped {
    let mut keyed: Vec<(String, Quad)> = quads.into_iter().map(|q| (q.to_string(), q)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    let owned = |s: &str| {
        let under = |root: &NamedNode| {
            s == root.as_str()
                || s.strip_prefix(root.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        under(&document) || under(&graph) || meeting.is_some_and(under)
    };
    let (mut quads, mut claims) = (Vec::new(), Vec::new());
    for (_, q) in keyed {
        let subject = match &q.subject {
            NamedOrBlankNode::NamedNode(n) => n.clone(),
            NamedOrBlankNode::BlankNode(_) => {
                quads.push(q);
                continue;
            }
        };
        if owned(subject.as_str()) {
            quads.push(q);
        } else {
            let triple = Triple::from(q);
            claims.push(Claim {
                key: base.claim(&triple),
                owner: base.graph(&subject),
                triple,
            });
        }
    }
    Mapped {
        document,
        graph,
        quads,
        claims,
        shared_graph: base.shared_graph(),
        base: base.clone(),
    }
}

fn map_meeting(
    out: &mut Out,
    base: &Base,
    doc: &Document,
    wp: u32,
    doc_iri: &NamedNode,
    meeting: &NamedNode,
    m: &crate::model::Meeting,
) {
    out.add(doc_iri, schema::ABOUT, meeting.clone());
    out.add(meeting, rdf::TYPE, schema::EVENT);
    out.add(meeting, rdf::TYPE, lt::SITZUNG);
    out.int(meeting, lt::WAHLPERIODE, wp);
    let organizer = match &m.body {
        Body::Plenum => base.landtag(),
        Body::Committee { name } => committee(out, base, name),
    };
    landtag(out, base);
    out.add(meeting, schema::ORGANIZER, organizer.clone());
    if let Some(s) = m.session {
        out.int(meeting, lt::SITZUNGSNUMMER, s);
    }
    if let Some(p) = m.public {
        out.typed(meeting, lt::OEFFENTLICH, p.to_string(), xsd::BOOLEAN);
    }
    if let Some(d) = &m.date {
        out.typed(meeting, eli::DATE_DOCUMENT, *d, xsd::DATE);
        for (time, prop) in [(&m.start, schema::START_DATE), (&m.end, schema::END_DATE)] {
            match time {
                Some(t) => out.typed(meeting, prop, format!("{d}T{t}:00"), xsd::DATE_TIME),
                None if prop == schema::START_DATE => out.typed(meeting, prop, *d, xsd::DATE),
                None => {}
            }
        }
    }
    if let Some(p) = &m.place {
        out.de(meeting, schema::LOCATION, p);
    }
    for chair in &m.chairs {
        let p = person(out, base, wp, chair);
        out.add(meeting, lt::VORSITZ, p);
    }
    if let Some(name) = &m.minute_taker {
        let p = person(out, base, wp, &Speaker::named(name));
        out.add(meeting, lt::PROTOKOLLFUEHRUNG, p);
    }
    map_agenda(out, base, doc, meeting);
    let text_iri = iri::text_context(doc_iri);
    let ctx = Speech {
        base,
        doc,
        wp,
        doc_iri,
        meeting,
        text_iri: &text_iri,
        organizer: &organizer,
    };
    for (seq, c) in doc.contributions.iter().enumerate() {
        map_contribution(out, &ctx, seq + 1, c);
    }
    for s in &doc.mentioned_persons {
        let p = person(out, base, wp, s);
        out.add(doc_iri, schema::MENTIONS, p);
    }
    map_interjections(out, base, doc, wp, meeting, &text_iri);
    map_votes(out, base, doc, wp, meeting, &text_iri, &organizer);
}

/// The agenda items of a meeting: number, title, the papers they treat.
fn map_agenda(out: &mut Out, base: &Base, doc: &Document, meeting: &NamedNode) {
    for item in &doc.agenda {
        let i = iri::agenda_item(meeting, &item.number);
        out.add(&i, rdf::TYPE, schema::EVENT);
        out.add(&i, rdf::TYPE, lt::TAGESORDNUNGSPUNKT);
        out.add(&i, schema::SUPER_EVENT, meeting.clone());
        out.add(meeting, schema::SUB_EVENT, i.clone());
        out.lit(&i, schema::IDENTIFIER, &item.number);
        if let Some(t) = &item.title {
            out.de(&i, schema::NAME, t);
        }
        if let Some(n) = &item.title_note {
            out.de(&i, dcterms::DESCRIPTION, n);
        }
        if item.inferred {
            out.typed(&i, lt::NUMMER_ERSCHLOSSEN, "true", xsd::BOOLEAN);
        }
        for p in &item.papers {
            let p = paper(out, base, p);
            out.add(&i, dcterms::REFERENCES, p);
        }
    }
}

/// What every contribution of a meeting is mapped with.
struct Speech<'a> {
    base: &'a Base,
    doc: &'a Document,
    wp: u32,
    doc_iri: &'a NamedNode,
    meeting: &'a NamedNode,
    text_iri: &'a NamedNode,
    organizer: &'a NamedNode,
}

/// A contribution (`opengov:Speech`), the `seq`-th of its meeting: its place, text and pages,
/// the papers it names, its speaker with faction, role and ministry.
fn map_contribution(out: &mut Out, x: &Speech<'_>, seq: usize, c: &crate::model::Contribution) {
    let (base, doc, wp, doc_iri, meeting) = (x.base, x.doc, x.wp, x.doc_iri, x.meeting);
    let ci = iri::contribution(meeting, seq);
    out.add(&ci, rdf::TYPE, opengov::SPEECH);
    out.int(&ci, schema::POSITION, seq);
    out.add(&ci, lt::SITZUNG_PROP, meeting.clone());
    out.add(&ci, prov::WAS_DERIVED_FROM, doc_iri.clone());
    out.typed(
        &ci,
        lt::BERICHTETE_REDE,
        c.reported.to_string(),
        xsd::BOOLEAN,
    );
    if let Some(n) = &c.item {
        out.add(
            &ci,
            lt::TAGESORDNUNGSPUNKT_PROP,
            iri::agenda_item(meeting, n),
        );
    }
    read_from(out, &ci, doc, c.span, x.text_iri);
    pages(out, &ci, doc.pages_of(c.span));
    for p in &c.mentions {
        let p = paper(out, base, p);
        out.add(&ci, dcterms::REFERENCES, p);
    }
    let Some(s) = &c.speaker else { return };
    let p = person(out, base, wp, s);
    out.add(&ci, schema::CREATOR, p.clone());
    out.lit(&ci, odrs::ATTRIBUTION_TEXT, &s.name);
    if let Some(f) = s.faction {
        out.add(&ci, lt::FRAKTION_PROP, base.faction(wp, f));
    }
    if s.fraktionslos {
        out.typed(&ci, lt::FRAKTIONSLOS, "true", xsd::BOOLEAN);
    }
    if c.written {
        out.typed(&ci, lt::ZU_PROTOKOLL_GEGEBEN, "true", xsd::BOOLEAN);
    }
    if s.unreviewed {
        out.typed(&ci, lt::NICHT_UEBERPRUEFT, "true", xsd::BOOLEAN);
    }
    if let Some(Role {
        printed: role,
        kind,
    }) = &s.role
    {
        out.de(&ci, opengov::ROLE, role);
        let org = role_organisation(out, base, s, *kind, x.organizer);
        let m = office(out, base, s, &p, &org, role, wp);
        out.add(&ci, lt::IN_AMT, m);
        if *kind == RoleKind::Presiding {
            out.add(&ci, rdf::TYPE, lt::SITZUNGSLEITUNG);
        }
    }
    if let Some(m) = &s.speaks_for {
        let m = ministry(out, base, m);
        out.add(&ci, lt::MINISTERIUM_PROP, m);
    }
}

/// An event read from the text (an interjection, a vote): its class, source, position in the
/// document, meeting, agenda item and character range.
struct EventAt<'a> {
    class: NamedNodeRef<'a>,
    doc: &'a NamedNode,
    seq: usize,
    meeting: &'a NamedNode,
    text: &'a NamedNode,
    item: &'a Option<String>,
    span: crate::model::Span,
    pages: Option<(u32, u32)>,
}

/// The printed pages a span stands on: `schema:pageStart`, and `schema:pageEnd` (always, so
/// "which pages" is one pattern).
fn pages(out: &mut Out, node: &NamedNode, pages: Option<(u32, u32)>) {
    if let Some((first, last)) = pages {
        out.int(node, schema::PAGE_START, first);
        out.int(node, schema::PAGE_END, last);
    }
}

fn event(out: &mut Out, node: &NamedNode, at: EventAt<'_>) {
    out.add(node, rdf::TYPE, at.class);
    out.add(node, prov::WAS_DERIVED_FROM, at.doc.clone());
    out.int(node, schema::POSITION, at.seq);
    out.add(node, lt::SITZUNG_PROP, at.meeting.clone());
    if let Some(n) = at.item {
        out.add(
            node,
            lt::TAGESORDNUNGSPUNKT_PROP,
            iri::agenda_item(at.meeting, n),
        );
    }
    out.add(node, nif::REFERENCE_CONTEXT, at.text.clone());
    out.int(node, nif::BEGIN_INDEX, at.span.start);
    out.int(node, nif::END_INDEX, at.span.end);
    pages(out, node, at.pages);
}

/// The document's doubts about itself (`Document::checks`): DQV quality annotations of the
/// vote, speech or document they concern, each typed by its check, a SKOS concept.
fn map_checks(out: &mut Out, doc: &Document, doc_iri: &NamedNode, meeting: Option<&NamedNode>) {
    for (i, c) in doc.checks.iter().enumerate() {
        let node = iri::check(doc_iri, i + 1);
        out.add(&node, rdf::TYPE, dqv::QUALITY_ANNOTATION);
        out.add(&node, oa::MOTIVATED_BY, dqv::QUALITY_ASSESSMENT);
        out.add(&node, prov::WAS_DERIVED_FROM, doc_iri.clone());
        out.int(&node, schema::POSITION, i + 1);
        let target = match (&c.target, meeting) {
            (CheckTarget::Vote(v), Some(m)) => iri::vote(m, v + 1),
            (CheckTarget::Contribution(k), Some(m)) => iri::contribution(m, k + 1),
            (CheckTarget::Listed(label), _) => {
                out.lit(&node, rdfs::LABEL, label);
                doc_iri.clone()
            }
            _ => doc_iri.clone(),
        };
        out.add(&node, oa::HAS_TARGET, target);
        let concept = check_concept(out, c.kind);
        out.add(&node, dcterms::TYPE, concept);
        out.lit(&node, oa::BODY_VALUE, &c.detail);
    }
}

fn check_concept(out: &mut Out, kind: CheckKind) -> NamedNode {
    let de = match kind {
        CheckKind::VoteFactionsIncomplete => "Abstimmung: nicht jede Fraktion genannt",
        CheckKind::VoteFactionTwice => "Abstimmung: eine Fraktion zweimal genannt",
        CheckKind::VoteResultSeats => "Abstimmung: Ergebnis gegen die Sitzverteilung",
        CheckKind::VoteSubjectGuessed => "Abstimmung: Gegenstand nicht genannt",
        CheckKind::VoteCoalitionSplit => "Abstimmung: Koalitionsfraktionen uneins",
        CheckKind::RollCallTotals => "Namentliche Abstimmung: Summen stimmen nicht überein",
        CheckKind::RollCallNoRows => "Namentliche Abstimmung ohne gelesene Einzelstimmen",
        CheckKind::TocSpeechMissing => "Inhaltsverzeichnis: Rede nicht gefunden",
        CheckKind::TocSpeechExtra => "Rede nicht im Inhaltsverzeichnis",
    };
    let c = iri::check_concept(kind.key());
    out.add(&c, rdf::TYPE, skos::CONCEPT);
    out.add(&c, skos::IN_SCHEME, pruefung::SCHEME);
    out.lit(&c, skos::NOTATION, kind.key());
    out.de(&c, skos::PREF_LABEL, de);
    c
}

fn kind_concept(out: &mut Out, kind: InterjectionKind) -> NamedNode {
    let (concept, de) = match kind {
        InterjectionKind::Applause => (art::BEIFALL, "Beifall"),
        InterjectionKind::Call => (art::ZURUF, "Zuruf"),
        InterjectionKind::Laughter => (art::HEITERKEIT, "Heiterkeit"),
        InterjectionKind::Signal => (art::SIGNAL, "Signal"),
        InterjectionKind::Other => (art::SONSTIGES, "Sonstiges"),
    };
    let c = concept.into_owned();
    out.add(&c, rdf::TYPE, skos::CONCEPT);
    out.add(&c, skos::IN_SCHEME, art::SCHEME);
    out.lit(&c, skos::NOTATION, kind.key());
    out.de(&c, skos::PREF_LABEL, de);
    c
}

fn map_interjections(
    out: &mut Out,
    base: &Base,
    doc: &Document,
    wp: u32,
    meeting: &NamedNode,
    text_iri: &NamedNode,
) {
    let doc_iri = base.document(doc).expect("identified before mapping");
    for (seq, i) in doc.interjections.iter().enumerate() {
        let node = iri::interjection(meeting, seq + 1);
        let at = EventAt {
            class: lt::INTERJEKTION,
            doc: &doc_iri,
            seq: seq + 1,
            meeting,
            text: text_iri,
            item: &i.item,
            span: i.span,
            pages: doc.pages_of(i.span),
        };
        event(out, &node, at);
        let concept = kind_concept(out, i.kind);
        out.add(&node, lt::ART, concept);
        if let Some(c) = i.contribution {
            out.add(&node, lt::UNTERBRICHT, iri::contribution(meeting, c + 1));
        }
        if let Some(q) = &i.qualifier {
            out.de(&node, lt::ZUSATZ, q);
        }
        if let Some(t) = &i.text {
            out.add(
                &node,
                schema::TEXT,
                Literal::new_language_tagged_literal_unchecked(t, "de"),
            );
        }
        for f in &i.factions {
            let fi = faction(out, base, wp, *f);
            out.add(&node, dcterms::CREATOR, fi);
        }
        for p in &i.persons {
            let pi = person(out, base, wp, p);
            out.add(&node, dcterms::CREATOR, pi);
        }
    }
}

fn map_votes(
    out: &mut Out,
    base: &Base,
    doc: &Document,
    wp: u32,
    meeting: &NamedNode,
    text_iri: &NamedNode,
    organizer: &NamedNode,
) {
    let doc_iri = base.document(doc).expect("identified before mapping");
    for (seq, v) in doc.votes.iter().enumerate() {
        let node = iri::vote(meeting, seq + 1);
        let at = EventAt {
            class: opengov::VOTE_EVENT,
            doc: &doc_iri,
            seq: seq + 1,
            meeting,
            text: text_iri,
            item: &v.item,
            span: v.span,
            pages: doc.pages_of(v.span),
        };
        event(out, &node, at);
        out.add(&node, schema::ORGANIZER, organizer.clone());
        let text: String = doc
            .text
            .chars()
            .skip(v.span.start)
            .take(v.span.end - v.span.start)
            .collect();
        out.add(
            &node,
            schema::TEXT,
            Literal::new_language_tagged_literal_unchecked(text, "de"),
        );
        if let Some(p) = &v.subject {
            let pi = paper(out, base, p);
            out.add(&node, lt::GEGENSTAND, pi);
        }
        if let Some(p) = &v.decides {
            let pi = paper(out, base, p);
            out.add(&node, lt::EMPFEHLUNG_ZU, pi);
        }
        map_outcome(out, base, &node, v);
        for (i, (voter, position)) in v.positions.iter().enumerate() {
            let ballot = iri::ballot(&node, i + 1);
            out.add(&ballot, rdf::TYPE, opengov::VOTE);
            out.add(&ballot, opengov::VOTE_EVENT_PROP, node.clone());
            out.add(&node, opengov::VOTE_PROP, ballot.clone());
            out.lit(&ballot, opengov::OPTION, position.key());
            let who = match voter {
                Voter::Faction(f) => faction(out, base, wp, *f),
                Voter::Member(s) => person(out, base, wp, s),
            };
            out.add(&ballot, opengov::VOTER, who);
        }
        map_tally(out, base, wp, &node, v);
    }
}

/// A vote's result, what of it was inferred rather than read, and a referral's committees.
fn map_outcome(out: &mut Out, base: &Base, node: &NamedNode, v: &Vote) {
    if let Some(r) = v.result {
        out.lit(
            node,
            opengov::RESULT,
            match r {
                crate::model::VoteResult::Accepted => "accepted",
                crate::model::VoteResult::Rejected => "rejected",
            },
        );
        if !v.result_stated {
            out.typed(node, lt::ERGEBNIS_ERSCHLOSSEN, "true", xsd::BOOLEAN);
        }
    }
    if v.subject_inferred {
        out.typed(node, lt::GEGENSTAND_ERSCHLOSSEN, "true", xsd::BOOLEAN);
    }
    if v.positions_inferred {
        out.typed(node, lt::POSITIONEN_ERSCHLOSSEN, "true", xsd::BOOLEAN);
    }
    if v.referral {
        out.typed(node, lt::UEBERWEISUNG, "true", xsd::BOOLEAN);
        for name in &v.referred_to {
            let c = committee(out, base, name);
            out.add(node, lt::UEBERWEISUNG_AN, c.clone());
            if v.lead.as_ref() == Some(name) {
                out.add(node, lt::FEDERFUEHREND, c);
            }
        }
    }
}

/// A roll call's or an election's class, announced counts, election and members' votes.
fn map_tally(out: &mut Out, base: &Base, wp: u32, node: &NamedNode, v: &Vote) {
    match v.method {
        VoteMethod::RollCall => out.add(node, rdf::TYPE, lt::NAMENTLICHE_ABSTIMMUNG),
        VoteMethod::Election => out.add(node, rdf::TYPE, lt::WAHL),
        VoteMethod::Show => {}
    }
    if let Some(t) = v.tally {
        let totals = [
            (lt::ABGEGEBENE_STIMMEN, t.cast),
            (lt::GUELTIGE_STIMMEN, t.valid),
            (lt::MITGLIEDERZAHL, t.members),
        ];
        for (p, n) in totals {
            if let Some(n) = n {
                out.int(node, p, n);
            }
        }
        let counts = [
            ("yes", t.yes),
            ("no", t.no),
            ("abstain", t.abstain),
            ("invalid", t.invalid),
        ];
        for (option, n) in counts {
            if let Some(n) = n {
                let c = iri::count(node, option);
                out.add(&c, rdf::TYPE, opengov::COUNT);
                out.lit(&c, opengov::OPTION, option);
                out.int(&c, rdf::VALUE, n);
                out.add(node, opengov::COUNT_PROP, c);
            }
        }
    }
    if let Some(e) = &v.election {
        out.de(node, lt::AMT, &e.office);
        if let Some(p) = &e.elected {
            let pi = person(out, base, wp, p);
            out.add(node, lt::GEWAEHLT, pi);
        }
        for (i, (cand, n)) in e.candidates.iter().enumerate() {
            let c = iri::count(node, &format!("kandidat-{}", i + 1));
            let pi = person(out, base, wp, cand);
            out.add(&c, rdf::TYPE, opengov::COUNT);
            out.add(&c, lt::KANDIDAT, pi);
            out.int(&c, rdf::VALUE, n);
            out.add(node, opengov::COUNT_PROP, c);
        }
    }
    for m in &v.members {
        let ballot = iri::member_ballot(node, m.number);
        out.add(&ballot, rdf::TYPE, opengov::VOTE);
        out.add(&ballot, rdf::TYPE, lt::EINZELSTIMME);
        out.add(&ballot, opengov::VOTE_EVENT_PROP, node.clone());
        out.add(node, opengov::VOTE_PROP, ballot.clone());
        out.lit(&ballot, opengov::OPTION, m.option.key());
        out.int(&ballot, schema::POSITION, m.number);
        let pi = person(out, base, wp, &m.member);
        out.add(&ballot, opengov::VOTER, pi);
        if let Some(f) = m.faction {
            let fi = faction(out, base, wp, f);
            out.add(&ballot, lt::FRAKTION_PROP, fi);
        }
    }
}

fn landtag(out: &mut Out, base: &Base) {
    let l = base.landtag();
    out.add(&l, rdf::TYPE, org::FORMAL_ORGANIZATION);
    out.de(&l, schema::NAME, "Landtag Nordrhein-Westfalen");
}

/// A mentioned paper: its class and number, so it is findable before it is ingested.
fn paper(out: &mut Out, base: &Base, p: &PaperRef) -> NamedNode {
    let iri = base.paper(p);
    out.add(&iri, rdf::TYPE, paper_class(p.kind));
    out.lit(
        &iri,
        eli::ID_LOCAL,
        &format!("{}/{}", p.wahlperiode, p.number),
    );
    out.int(&iri, lt::WAHLPERIODE, p.wahlperiode);
    iri
}

/// A person with their name, titles, identity, the period a document shows them in, and their
/// faction membership in it.
pub(crate) fn person(out: &mut Out, base: &Base, wp: u32, s: &Speaker) -> NamedNode {
    let p = base.person_of(s);
    out.add(&p, rdf::TYPE, foaf::PERSON);
    out.lit(&p, foaf::NAME, &s.name);
    out.int(&p, lt::WAHLPERIODE, wp);
    if let Some(h) = &s.honorific {
        out.lit(&p, foaf::TITLE, h);
    }
    if let Some(id) = s.member {
        identity(out, base, &p, id, &s.name);
    }
    if let Some(f) = s.faction {
        let fi = faction(out, base, wp, f);
        out.add(&p, org::MEMBER_OF, fi.clone());
        held(out, base, &p, &fi, "Mitglied", wp);
    } else if s.fraktionslos {
        held(out, base, &p, &base.landtag(), "fraktionslos", wp);
    }
    p
}

/// A member's id and Wikidata item from the member list, and the IRI the printed name had
/// before persons had identities (`dcterms:replaces`: the server redirects it).
pub(crate) fn identity(out: &mut Out, base: &Base, p: &NamedNode, id: MemberId, printed: &str) {
    out.lit(p, lt::MITGLIEDS_ID, &id.to_string());
    let old = base.person(printed);
    if old != *p {
        out.add(p, dcterms::REPLACES, old);
    }
    if let Some(item) = members::by_id(id).and_then(|m| iri::wikidata(&m.wikidata)) {
        out.add(p, owl::SAME_AS, item);
    }
}

/// A role held in an organisation during a Wahlperiode: an `org:Membership` with the period's
/// interval.
fn held(
    out: &mut Out,
    base: &Base,
    person: &NamedNode,
    org_iri: &NamedNode,
    role: &str,
    wp: u32,
) -> NamedNode {
    let r = base.role(role);
    out.add(&r, rdf::TYPE, org::ROLE);
    out.de(&r, skos::PREF_LABEL, role);
    let m = base.membership(person, org_iri, role, Some(wp));
    out.add(&m, rdf::TYPE, org::MEMBERSHIP);
    out.add(&m, org::MEMBER, person.clone());
    out.add(&m, org::ORGANIZATION_PROP, org_iri.clone());
    out.add(&m, org::ROLE_PROP, r);
    out.int(&m, lt::WAHLPERIODE, wp);
    let interval = period(out, base, wp);
    out.add(&m, org::MEMBER_DURING, interval);
    m
}

/// A Wahlperiode as a `time:Interval`: from the day it began to the day the next began.
fn period(out: &mut Out, base: &Base, wp: u32) -> NamedNode {
    let node = base.period(wp);
    out.add(&node, rdf::TYPE, time::INTERVAL);
    out.de(&node, rdfs::LABEL, &format!("{wp}. Wahlperiode"));
    if let Some((from, to)) = crate::lexicon::period_days(wp) {
        interval(out, base, &node, from, to);
    }
    node
}

/// The beginning and end (where there is one) of an interval, as days.
pub(crate) fn interval(out: &mut Out, base: &Base, node: &NamedNode, from: Date, to: Option<Date>) {
    out.add(node, rdf::TYPE, time::INTERVAL);
    for (p, d) in [(time::HAS_BEGINNING, Some(from)), (time::HAS_END, to)] {
        let Some(d) = d else { continue };
        let iso = d.to_string();
        let day = base.day(&iso);
        out.add(&day, rdf::TYPE, time::INSTANT);
        out.typed(&day, time::IN_XSD_DATE, iso, xsd::DATE);
        out.add(node, p, day);
    }
}

/// The state government.
pub(crate) fn government(out: &mut Out, base: &Base) -> NamedNode {
    let g = base.government();
    out.add(&g, rdf::TYPE, org::FORMAL_ORGANIZATION);
    out.de(&g, schema::NAME, "Landesregierung Nordrhein-Westfalen");
    g
}

/// A committee of the Landtag, by its name in the nominative.
fn committee(out: &mut Out, base: &Base, name: &str) -> NamedNode {
    let c = base.committee(name);
    out.add(&c, rdf::TYPE, lt::AUSSCHUSS);
    out.de(&c, schema::NAME, name);
    out.add(&c, org::SUB_ORGANIZATION_OF, base.landtag());
    c
}

/// What the document says of the Drucksachen it cites: their kind and who submitted them
/// (factions, the government or a committee), as `dcterms:type` and `dcterms:creator`.
fn map_cited(out: &mut Out, base: &Base, doc: &Document) {
    for c in &doc.cited {
        let p = paper(out, base, &c.paper);
        out.de(&p, dcterms::TYPE, c.kind.as_str());
        for f in &c.factions {
            let fi = faction(out, base, c.paper.wahlperiode, *f);
            out.add(&p, dcterms::CREATOR, fi);
        }
        if c.by_government {
            let g = government(out, base);
            out.add(&p, dcterms::CREATOR, g);
        }
        if let Some(name) = &c.committee {
            let ci = committee(out, base, name);
            out.add(&p, dcterms::CREATOR, ci);
        }
        for m in &c.members {
            let pi = person(out, base, c.paper.wahlperiode, m);
            out.add(&p, dcterms::CREATOR, pi);
        }
        if let Some(n) = c.question_number {
            out.int(&p, lt::ANFRAGENUMMER, n);
        }
    }
}

fn faction(out: &mut Out, base: &Base, wp: u32, f: Faction) -> NamedNode {
    let fi = base.faction(wp, f);
    out.add(&fi, rdf::TYPE, lt::FRAKTION);
    out.lit(&fi, skos::PREF_LABEL, f.label());
    out.de(
        &fi,
        schema::NAME,
        &format!("Fraktion {} ({wp}. Wahlperiode)", party_name(f)),
    );
    out.int(&fi, lt::WAHLPERIODE, wp);
    out.add(&fi, org::SUB_ORGANIZATION_OF, base.landtag());
    let party = base.party(f);
    out.add(&party, rdf::TYPE, lt::PARTEI);
    out.de(&party, schema::NAME, party_name(f));
    out.add(&fi, lt::PARTEI_PROP, party);
    fi
}

fn party_name(f: Faction) -> &'static str {
    &f.party().name
}

/// The ministry a document names (read by the parser): a known one's IRI is keyed by its
/// abbreviation, another's by its name or abbreviation.
pub(crate) fn ministry(out: &mut Out, base: &Base, m: &MinistryRef) -> NamedNode {
    let (key, name, abbr) = match m {
        MinistryRef::Known(m) => (m.abbr, Some(m.name), Some(m.abbr)),
        MinistryRef::Named(n) => (n.as_str(), Some(n.as_str()), None),
        MinistryRef::Abbreviation(a) => (a.as_str(), None, Some(a.as_str())),
    };
    let node = base.ministry(key);
    out.add(&node, rdf::TYPE, lt::MINISTERIUM);
    if let Some(n) = name {
        out.de(&node, schema::NAME, n);
    }
    if let Some(a) = abbr {
        out.lit(&node, skos::ALT_LABEL, a);
    }
    node
}

/// The organisation a printed role is held in: the ministry for government roles, the
/// meeting's organiser (committee or Landtag) for presiding roles.
fn role_organisation(
    out: &mut Out,
    base: &Base,
    s: &Speaker,
    kind: RoleKind,
    organizer: &NamedNode,
) -> NamedNode {
    if kind == RoleKind::Presiding {
        organizer.clone()
    } else {
        s.speaks_for
            .as_ref()
            .map_or_else(|| organizer.clone(), |m| ministry(out, base, m))
    }
}

/// The office a speaker's printed role stands for: the government post resolved by the date,
/// else the role in the organisation during the period.
fn office(
    out: &mut Out,
    base: &Base,
    s: &Speaker,
    person: &NamedNode,
    org_iri: &NamedNode,
    role: &str,
    wp: u32,
) -> NamedNode {
    match s.office {
        Some(id) => base.post_membership(government::post(id)),
        None => {
            let m = held(out, base, person, org_iri, role_label(role), wp);
            out.de(&m, rdfs::LABEL, role);
            m
        }
    }
}

/// `Ministerin für Kultur und Wissenschaft` holds the role `Ministerin` in that ministry.
fn role_label(role: &str) -> &str {
    role.split_once(" für ").map_or(role, |(r, _)| r)
}

/// Funding statements: a `schema:MonetaryGrant` for the programme it funds, with its
/// `schema:MonetaryAmount`, funder, period and the sentence it was read from.
fn map_funding(
    out: &mut Out,
    base: &Base,
    doc: &Document,
    doc_iri: &NamedNode,
    text_iri: &NamedNode,
) {
    for (i, f) in doc.funding.iter().enumerate() {
        let node = iri::funding(doc_iri, i + 1);
        out.add(&node, rdf::TYPE, schema::MONETARY_GRANT);
        out.add(&node, prov::WAS_DERIVED_FROM, doc_iri.clone());
        out.int(&node, schema::POSITION, i + 1);
        let programme = base.programme(&f.programme);
        out.add(&programme, rdf::TYPE, lt::PROGRAMM);
        out.de(&programme, schema::NAME, &f.programme);
        out.add(&node, schema::FUNDED_ITEM, programme);
        if f.by_government {
            let g = government(out, base);
            out.add(&node, schema::FUNDER, g);
        }
        let amount = iri::funding_amount(&node);
        out.add(&node, schema::AMOUNT, amount.clone());
        out.add(&amount, rdf::TYPE, schema::MONETARY_AMOUNT);
        out.typed(&amount, schema::VALUE, f.value.clone(), xsd::DECIMAL);
        out.lit(&amount, schema::CURRENCY, &f.currency);
        out.typed(
            &amount,
            lt::UNGEFAEHR,
            f.approximate.to_string(),
            xsd::BOOLEAN,
        );
        if let Some(y) = f.from_year {
            out.typed(&amount, schema::VALID_FROM, format!("{y}-01-01"), xsd::DATE);
        }
        let through = f.until.or(f.to_year.and_then(Date::end_of_year));
        if let Some(d) = through {
            out.typed(&amount, schema::VALID_THROUGH, d, xsd::DATE);
        }
        read_from(out, &node, doc, f.span, text_iri);
    }
}

/// A paper's numbered questions (`schema:Question`) and the answers under them
/// (`schema:Answer`, the question's `schema:acceptedAnswer`), with their text and offsets.
fn map_questions(
    out: &mut Out,
    doc: &Document,
    doc_iri: &NamedNode,
    questions: &[crate::model::Question],
    text_iri: &NamedNode,
) {
    for q in questions {
        let qi = iri::question(doc_iri, q.number);
        out.add(&qi, rdf::TYPE, schema::QUESTION);
        out.add(doc_iri, schema::HAS_PART, qi.clone());
        out.int(&qi, schema::POSITION, q.number);
        read_from(out, &qi, doc, q.question, text_iri);
        if let Some(a) = q.answer {
            let ai = iri::answer(&qi);
            out.add(&ai, rdf::TYPE, schema::ANSWER);
            out.add(&qi, schema::ACCEPTED_ANSWER, ai.clone());
            out.add(&ai, schema::PARENT_ITEM, qi.clone());
            read_from(out, &ai, doc, a, text_iri);
        }
    }
}

/// Programmes a paper names (`lt:Programm`, part of another by `dcterms:isPartOf`, with rollout,
/// passing and start dates) and the counts the text gives (`lt:Kennzahl`: value, unit, the
/// date counted, the programme it is about, the sentence).
fn map_programmes(
    out: &mut Out,
    base: &Base,
    doc: &Document,
    doc_iri: &NamedNode,
    text_iri: &NamedNode,
) {
    for p in &doc.programmes {
        let pi = base.programme(&p.name);
        out.add(&pi, rdf::TYPE, lt::PROGRAMM);
        out.de(&pi, schema::NAME, &p.name);
        out.add(doc_iri, schema::MENTIONS, pi.clone());
        if let Some(whole) = &p.part_of {
            out.add(&pi, dcterms::IS_PART_OF, base.programme(whole));
        }
        if let Some(d) = &p.rollout {
            out.typed(&pi, lt::EINFUEHRUNG, *d, xsd::DATE);
        }
        if let Some(d) = &p.passed {
            out.typed(&pi, lt::VERABSCHIEDET, *d, xsd::DATE);
        }
        if let Some(y) = &p.started {
            out.typed(&pi, schema::START_DATE, y.clone(), xsd::G_YEAR);
        }
        if p.planned {
            out.typed(&pi, lt::GEPLANT, "true", xsd::BOOLEAN);
        }
        if let Some(k) = &p.kind {
            out.de(&pi, dcterms::TYPE, k);
        }
    }
    for (i, f) in doc.figures.iter().enumerate() {
        let fi = iri::figure(doc_iri, i + 1);
        out.add(&fi, rdf::TYPE, lt::KENNZAHL);
        out.add(&fi, prov::WAS_DERIVED_FROM, doc_iri.clone());
        out.int(&fi, schema::POSITION, i + 1);
        out.typed(&fi, schema::VALUE, f.value.clone(), xsd::DECIMAL);
        out.de(&fi, schema::UNIT_TEXT, &f.unit);
        if let Some(of) = &f.of {
            out.typed(&fi, lt::GESAMT, of.clone(), xsd::DECIMAL);
        }
        if let Some(q) = &f.qualifier {
            out.de(&fi, lt::ZUSATZ, q);
        }
        if let Some(d) = &f.as_of {
            out.typed(&fi, lt::STAND, *d, xsd::DATE);
        }
        if let Some(q) = &f.source_note {
            out.lit(&fi, lt::QUELLE, q);
        }
        if let Some(p) = &f.programme {
            let pi = base.programme(p);
            out.add(&pi, rdf::TYPE, lt::PROGRAMM);
            out.de(&pi, schema::NAME, p);
            out.add(&fi, schema::ABOUT, pi);
        }
        read_from(out, &fi, doc, f.span, text_iri);
    }
}

/// A committee protocol's attachments: documents of their own (`lt:Anlage`), parts of it,
/// with kind, title, date, sender and addressee of a letter, and the questions it asks.
fn map_attachments(
    out: &mut Out,
    base: &Base,
    doc: &Document,
    wp: u32,
    doc_iri: &NamedNode,
    text_iri: &NamedNode,
) {
    use crate::model::AttachmentKind;
    for a in &doc.attachments {
        let ai = iri::attachment(doc_iri, a.number);
        out.add(&ai, rdf::TYPE, lt::ANLAGE);
        out.add(&ai, dcterms::IS_PART_OF, doc_iri.clone());
        out.add(doc_iri, dcterms::HAS_PART, ai.clone());
        out.int(&ai, schema::POSITION, a.number);
        let kind = match a.kind {
            AttachmentKind::Letter => "Schreiben",
            AttachmentKind::Presentation => "Präsentation",
        };
        out.de(&ai, dcterms::TYPE, kind);
        if let Some(t) = &a.title {
            out.de(&ai, dcterms::TITLE, t);
        }
        if let Some(d) = a.date.as_ref().or(doc.date.as_ref()) {
            out.typed(&ai, eli::DATE_DOCUMENT, *d, xsd::DATE);
        }
        if let Some(from) = &a.from {
            let p = person(out, base, wp, from);
            out.add(&ai, dcterms::CREATOR, p);
        }
        if let Some(to) = &a.to {
            let p = person(out, base, wp, to);
            out.add(&ai, schema::RECIPIENT, p);
        }
        out.add(&ai, nif::REFERENCE_CONTEXT, text_iri.clone());
        out.int(&ai, nif::BEGIN_INDEX, a.span.start);
        out.int(&ai, nif::END_INDEX, a.span.end);
        map_questions(out, doc, &ai, &a.questions, text_iri);
    }
}

/// The words a node was read from: `schema:text` (German) and its character range in the
/// document's text. Offsets are xsd:integer, not NIF's xsd:nonNegativeInteger: oxigraph 0.5's
/// store keeps derived integer types as xsd:integer, and `convert` must say what the store says.
fn read_from(
    out: &mut Out,
    node: &NamedNode,
    doc: &Document,
    span: crate::model::Span,
    text_iri: &NamedNode,
) {
    let at = |c: usize| out.char_bytes[c.min(out.char_bytes.len() - 1)];
    let (start, end) = (at(span.start), at(span.end.max(span.start)));
    let text = doc.text[start..end].to_owned();
    out.add(
        node,
        schema::TEXT,
        Literal::new_language_tagged_literal_unchecked(text, "de"),
    );
    out.add(node, nif::REFERENCE_CONTEXT, text_iri.clone());
    out.int(node, nif::BEGIN_INDEX, span.start);
    out.int(node, nif::END_INDEX, span.end);
}
