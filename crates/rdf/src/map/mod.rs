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

mod meeting;
mod papers;
mod shared;
use meeting::*;
use papers::*;
pub(crate) use shared::*;

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

    /// Whether the document states `subject` itself, so that the same statements claimed by
    /// others leave the shared graph: the document, and for a plenary protocol its sitting and
    /// the sitting's items (which a Beschlussprotokoll of the sitting claims).
    pub fn states_itself(&self, subject: &NamedOrBlankNode) -> bool {
        match subject {
            NamedOrBlankNode::NamedNode(n) => {
                *n == self.document
                    || (self.base.is_sitting_or_item(n) && self.base.owner_graph(n) == self.graph)
            }
            NamedOrBlankNode::BlankNode(_) => false,
        }
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

pub(crate) struct Out<'t> {
    pub(crate) graph: GraphName,
    pub(crate) quads: Vec<Quad>,
    /// The document's text by character: spans count characters (NIF offsets).
    pub(crate) chars: crate::model::CharIndex<'t>,
    /// The shared things whose description (made from their IRI alone) is out already: a
    /// faction named by every speech is described once (18/115 made 53,600 quads for 24,200
    /// distinct ones before).
    described: rustc_hash::FxHashSet<NamedNode>,
}

impl<'t> Out<'t> {
    pub(crate) fn new(graph: &NamedNode, text: &'t str) -> Self {
        Self {
            graph: graph.clone().into(),
            quads: Vec::new(),
            chars: crate::model::CharIndex::new(text),
            described: rustc_hash::FxHashSet::default(),
        }
    }

    /// Whether `node` is described here for the first time (its description is then due).
    pub(crate) fn first(&mut self, node: &NamedNode) -> bool {
        !self.described.contains(node) && self.described.insert(node.clone())
    }

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

/// Maps a parsed document into its graph.
pub fn map_document(
    doc: &Document,
    base: &Base,
    provenance: &Provenance,
) -> Result<Mapped, Unidentified> {
    let doc_iri = base.document(doc).ok_or(Unidentified)?;
    let graph = base.graph(&doc_iri);
    let mut out = Out::new(&graph, &doc.text);
    let wp = doc.wahlperiode.ok_or(Unidentified)?;

    map_provenance(&mut out, &graph, &doc_iri, provenance);

    // The document.
    let class = match doc.kind {
        DocumentKind::Plenarprotokoll => lt::PLENARPROTOKOLL,
        DocumentKind::Ausschussprotokoll => lt::AUSSCHUSSPROTOKOLL,
        DocumentKind::Drucksache => lt::DRUCKSACHE,
        DocumentKind::Beschlussprotokoll => lt::BESCHLUSSPROTOKOLL,
    };
    out.add(&doc_iri, rdf::TYPE, class);
    out.lit(&doc_iri, dcterms::SOURCE, &provenance.source);
    out.int(&doc_iri, lt::WAHLPERIODE, wp);
    out.add(&doc_iri, dcterms::PUBLISHER, base.landtag());
    if let Some(id) = &doc.id {
        out.lit(&doc_iri, eli::ID_LOCAL, &id.printed());
        out.lit(&doc_iri, dcterms::IDENTIFIER, &id.label());
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

    let d = Doc {
        base,
        doc,
        wp,
        iri: doc_iri,
        text: text_iri,
        meeting: base.meeting(doc),
    };
    if let Some(a) = &doc.answer_to {
        map_answer(&mut out, &d, a);
    }
    map_funding(&mut out, &d);
    map_questions(&mut out, &d, &d.iri, &doc.questions);
    map_attachments(&mut out, &d);
    map_programmes(&mut out, &d);
    map_cited(&mut out, &d);
    map_sitting(&mut out, &d);
    map_checks(&mut out, &d);
    let owned = d.owned_meeting().cloned();
    Ok(split(base, out.quads, d.iri, graph, owned.as_ref()))
}

/// One document as each of its mappers reads it: the base, the document and its
/// Wahlperiode, and its IRIs minted once (the document, its text, its meeting).
pub(super) struct Doc<'a> {
    pub(super) base: &'a Base,
    pub(super) doc: &'a Document,
    pub(super) wp: u32,
    pub(super) iri: NamedNode,
    pub(super) text: NamedNode,
    pub(super) meeting: Option<NamedNode>,
}

/// The sitting a protocol records, or the one a Beschlussprotokoll records the decisions of.
fn map_sitting(out: &mut Out<'_>, d: &Doc<'_>) {
    if let (Some(meeting), Some(m)) = (&d.meeting, &d.doc.meeting) {
        match d.doc.kind {
            DocumentKind::Beschlussprotokoll => map_record(out, d, meeting, m),
            _ => map_meeting(out, d, meeting, m),
        }
    }
}

impl Doc<'_> {
    /// The sitting whose statements the document owns: a Beschlussprotokoll owns none, what it
    /// says of its sitting is a claim.
    fn owned_meeting(&self) -> Option<&NamedNode> {
        match self.doc.kind {
            DocumentKind::Beschlussprotokoll => None,
            _ => self.meeting.as_ref(),
        }
    }

    /// The node a document's votes are minted under: the sitting a protocol records; a
    /// Beschlussprotokoll's own IRI (a sitting's two records each number their votes).
    pub(super) fn root(&self) -> Option<&NamedNode> {
        match self.doc.kind {
            DocumentKind::Beschlussprotokoll => Some(&self.iri),
            _ => self.meeting.as_ref(),
        }
    }
}

/// The graph: where it came from and when, and which converter made it.
pub(crate) fn map_provenance(
    out: &mut Out<'_>,
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
                    owner: base.owner_graph(subject),
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

/// De-duplicates the quads and splits them into the document's own and its claims about
/// shared things.
pub(crate) fn split(
    base: &Base,
    quads: Vec<Quad>,
    document: NamedNode,
    graph: NamedNode,
    meeting: Option<&NamedNode>,
) -> Mapped {
    // Each quad once, in the order the mapping made them (deterministic); `convert` sorts
    // what it prints (`quad_order`): sorting here cost a tenth of an ingest's CPU.
    let keep: Vec<bool> = {
        // FxHash: std's SipHash over every quad's strings was a hundredth of an ingest.
        let mut seen = rustc_hash::FxHashSet::default();
        seen.reserve(quads.len());
        quads.iter().map(|q| seen.insert(q)).collect()
    };
    let mut kept = keep.into_iter();
    let mut keyed = quads;
    keyed.retain(|_| kept.next().unwrap_or(false));
    let owned = |s: &str| {
        let under = |root: &NamedNode| {
            s == root.as_str()
                || s.strip_prefix(root.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        under(&document) || under(&graph) || meeting.is_some_and(under)
    };
    let (mut quads, mut claims) = (Vec::with_capacity(keyed.len()), Vec::new());
    for q in keyed {
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
                owner: base.owner_graph(&subject),
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

/// The order of `convert`'s output: subject, predicate, object, graph, each compared as
/// N-Quads writes it but for the escapes inside literals (a literal compares by its value,
/// then its language or datatype), without formatting a quad.
pub fn quad_order(a: &Quad, b: &Quad) -> std::cmp::Ordering {
    /// The pieces' concatenations compared, a common run at a time (not byte by byte).
    fn order(x: Pieces<'_>, y: Pieces<'_>) -> std::cmp::Ordering {
        let mut x = x.into_iter().filter(|p| !p.is_empty());
        let mut y = y.into_iter().filter(|p| !p.is_empty());
        let (mut a, mut b): (&[u8], &[u8]) = (&[], &[]);
        loop {
            if a.is_empty() {
                a = x.next().unwrap_or_default();
            }
            if b.is_empty() {
                b = y.next().unwrap_or_default();
            }
            if a.is_empty() || b.is_empty() {
                return (!a.is_empty()).cmp(&!b.is_empty());
            }
            let n = a.len().min(b.len());
            match a[..n].cmp(&b[..n]) {
                std::cmp::Ordering::Equal => (a, b) = (&a[n..], &b[n..]),
                unequal => return unequal,
            }
        }
    }
    order(node(&a.subject), node(&b.subject))
        .then_with(|| order(iri(&a.predicate), iri(&b.predicate)))
        .then_with(|| order(term(&a.object), term(&b.object)))
        .then_with(|| order(graph(&a.graph_name), graph(&b.graph_name)))
}

/// A term as N-Quads writes it, in pieces (escapes inside literals aside).
type Pieces<'a> = [&'a [u8]; 5];

fn iri(n: &NamedNode) -> Pieces<'_> {
    [b"<", n.as_str().as_bytes(), b">", b"", b""]
}

fn blank(n: &oxigraph::model::BlankNode) -> Pieces<'_> {
    [b"_:", n.as_str().as_bytes(), b"", b"", b""]
}

fn node(n: &NamedOrBlankNode) -> Pieces<'_> {
    match n {
        NamedOrBlankNode::NamedNode(n) => iri(n),
        NamedOrBlankNode::BlankNode(n) => blank(n),
    }
}

fn graph(g: &GraphName) -> Pieces<'_> {
    match g {
        GraphName::NamedNode(n) => iri(n),
        GraphName::BlankNode(n) => blank(n),
        GraphName::DefaultGraph => [b""; 5],
    }
}

fn term(t: &Term) -> Pieces<'_> {
    match t {
        Term::NamedNode(n) => iri(n),
        Term::BlankNode(n) => blank(n),
        Term::Literal(l) => {
            let (mark, tail, close): (&[u8], &[u8], &[u8]) = match l.language() {
                Some(lang) => (b"\"@", lang.as_bytes(), b""),
                None => (b"\"^^<", l.datatype().as_str().as_bytes(), b">"),
            };
            [b"\"", l.value().as_bytes(), mark, tail, close]
        }
    }
}

/// The words a node was read from: `schema:text` (German) and its character range in the
/// document's text. Offsets are xsd:integer, not NIF's xsd:nonNegativeInteger: oxigraph 0.5's
/// store keeps derived integer types as xsd:integer, and `convert` must say what the store says.
fn read_from(
    out: &mut Out<'_>,
    node: &NamedNode,
    span: crate::model::CharSpan,
    text_iri: &NamedNode,
) {
    let text = out.chars.slice(span).to_owned();
    out.add(
        node,
        schema::TEXT,
        Literal::new_language_tagged_literal_unchecked(text, "de"),
    );
    out.add(node, nif::REFERENCE_CONTEXT, text_iri.clone());
    out.int(node, nif::BEGIN_INDEX, span.start());
    out.int(node, nif::END_INDEX, span.end());
}
