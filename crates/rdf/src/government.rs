//! The state governments as data (`data/lexicon/regierung.tsv`) → a graph of their own,
//! `{base}/graph/kabinett`: each cabinet an organisation of the Landesregierung with the
//! interval it held office in, each office an `org:Membership` of its holder in the cabinet
//! with its role, ministry (as it was named then) and interval. Holders are persons by the same
//! identity as in the documents (a member of the Landtag by the member list), so a minister's
//! speeches and offices meet on one IRI. The ministries, persons and roles are claims: the
//! documents say the same of them.

use crate::iri::Base;
use crate::map::{self, Mapped, Out, Provenance};
use crate::vocab::{dcterms, foaf, lt, org, rdf, rdfs, schema, skos};
use landtag_model::government::{self, Post};
use landtag_model::lexicon::Cabinet;
use landtag_model::model::MinistryRef;
use oxigraph::model::NamedNode;

/// Every cabinet and post of the table, as one graph with its provenance.
pub fn map_government(base: &Base, converted_at: &str) -> Mapped {
    let root = base.cabinets();
    let graph = base.graph(&root);
    let mut out = Out::new(&graph, "");
    let provenance = Provenance {
        source: "data/lexicon/regierung.tsv".into(),
        digest: digest(government::REGIERUNG),
        converted_at: converted_at.into(),
    };
    map::map_provenance(&mut out, &graph, &root, &provenance);
    out.de(
        &root,
        rdfs::LABEL,
        "Die Kabinette der Landesregierung Nordrhein-Westfalen",
    );
    for c in landtag_model::lexicon::cabinets() {
        let ci = cabinet(&mut out, base, c);
        out.add(&root, dcterms::HAS_PART, ci);
    }
    for p in government::posts() {
        post(&mut out, base, p);
    }
    map::split(base, out.quads, root, graph, None)
}

fn cabinet(out: &mut Out<'_>, base: &Base, c: &Cabinet) -> NamedNode {
    let ci = base.cabinet(&c.name);
    out.add(&ci, rdf::TYPE, lt::KABINETT);
    out.de(&ci, schema::NAME, &format!("Kabinett {}", c.name));
    out.lit(&ci, skos::PREF_LABEL, &c.name);
    let gov = map::government(out, base);
    out.add(&ci, org::SUB_ORGANIZATION_OF, gov);
    out.add(&ci, schema::START_DATE, date(c.from));
    if let Some(to) = c.to {
        out.add(&ci, schema::END_DATE, date(to));
    }
    ci
}

fn date(d: landtag_model::date::Date) -> oxigraph::model::Literal {
    oxigraph::model::Literal::new_typed_literal(d.to_string(), crate::vocab::xsd::DATE)
}

/// One office in one cabinet: its holder, role, ministry and interval.
fn post(out: &mut Out<'_>, base: &Base, p: &Post) {
    let s = landtag_model::model::Speaker::holding(p);
    let person = base.person_of(&s);
    out.add(&person, rdf::TYPE, foaf::PERSON);
    out.lit(&person, foaf::NAME, p.person);
    if let Some(id) = s.member {
        map::identity(out, base, &person, id, p.person);
    }
    let m = base.post_membership(p);
    let cabinet = base.cabinet(&p.cabinet.name);
    let role = base.role(p.role);
    out.add(&role, rdf::TYPE, org::ROLE);
    out.de(&role, skos::PREF_LABEL, p.role);
    out.add(&m, rdf::TYPE, org::MEMBERSHIP);
    out.add(&m, org::MEMBER, person.clone());
    out.add(&m, org::ORGANIZATION_PROP, cabinet.clone());
    out.add(&m, org::ROLE_PROP, role);
    out.de(&m, rdfs::LABEL, p.office);
    if let Some(ministry) = p.ministry {
        let mi = map::ministry(out, base, &MinistryRef::Known(ministry));
        out.add(&m, lt::MINISTERIUM_PROP, mi);
    }
    if p.heads() {
        out.add(&person, org::HEAD_OF, cabinet);
    }
    if !p.note.is_empty() {
        out.de(&m, lt::BEMERKUNG, p.note);
    }
    let interval = Base::interval_of(&m);
    map::interval(out, base, &interval, p.from, p.to);
    out.add(&m, org::MEMBER_DURING, interval);
}

/// SHA-256 of a table, hex: the graph's version (with the converter's).
fn digest(table: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(table.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
