//! Things many documents mention, as claims: the Landtag, persons with their memberships,
//! Wahlperioden, factions, ministries, committees, roles, papers cited.

use super::*;

pub(super) fn landtag(out: &mut Out<'_>, base: &Base) {
    let l = base.landtag();
    if !out.first(&l) {
        return;
    }
    out.add(&l, rdf::TYPE, org::FORMAL_ORGANIZATION);
    out.de(&l, schema::NAME, "Landtag Nordrhein-Westfalen");
}

/// A mentioned paper: its class and number, so it is findable before it is ingested.
pub(super) fn paper(out: &mut Out<'_>, base: &Base, p: &PaperRef) -> NamedNode {
    let iri = base.paper(p);
    out.add(&iri, rdf::TYPE, paper_class(p.kind));
    out.lit(
        &iri,
        eli::ID_LOCAL,
        &format!("{}/{}", p.wahlperiode, p.number),
    );
    out.lit(&iri, dcterms::IDENTIFIER, &p.label());
    out.int(&iri, lt::WAHLPERIODE, p.wahlperiode);
    iri
}

/// A person with their name, titles, identity, the period a document shows them in, and their
/// faction membership in it.
pub(crate) fn person(out: &mut Out<'_>, base: &Base, wp: u32, s: &Speaker) -> NamedNode {
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
pub(crate) fn identity(out: &mut Out<'_>, base: &Base, p: &NamedNode, id: MemberId, printed: &str) {
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
pub(super) fn held(
    out: &mut Out<'_>,
    base: &Base,
    person: &NamedNode,
    org_iri: &NamedNode,
    role: &str,
    wp: u32,
) -> NamedNode {
    let r = base.role(role);
    if out.first(&r) {
        out.add(&r, rdf::TYPE, org::ROLE);
        out.de(&r, skos::PREF_LABEL, role);
    }
    let m = base.membership(person, org_iri, role, Some(wp));
    if !out.first(&m) {
        return m;
    }
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
pub(super) fn period(out: &mut Out<'_>, base: &Base, wp: u32) -> NamedNode {
    let node = base.period(wp);
    if !out.first(&node) {
        return node;
    }
    out.add(&node, rdf::TYPE, time::INTERVAL);
    out.de(&node, rdfs::LABEL, &format!("{wp}. Wahlperiode"));
    if let Some((from, to)) = crate::lexicon::period_days(wp) {
        interval(out, base, &node, from, to);
    }
    node
}

/// The beginning and end (where there is one) of an interval, as days.
pub(crate) fn interval(
    out: &mut Out<'_>,
    base: &Base,
    node: &NamedNode,
    from: Date,
    to: Option<Date>,
) {
    out.add(node, rdf::TYPE, time::INTERVAL);
    for (p, d) in [(time::HAS_BEGINNING, Some(from)), (time::HAS_END, to)] {
        let Some(d) = d else { continue };
        let iso = d.to_string();
        let day = base.day(&iso);
        if out.first(&day) {
            out.add(&day, rdf::TYPE, time::INSTANT);
            out.typed(&day, time::IN_XSD_DATE, iso, xsd::DATE);
        }
        out.add(node, p, day);
    }
}

/// The state government.
pub(crate) fn government(out: &mut Out<'_>, base: &Base) -> NamedNode {
    let g = base.government();
    if !out.first(&g) {
        return g;
    }
    out.add(&g, rdf::TYPE, org::FORMAL_ORGANIZATION);
    out.de(&g, schema::NAME, "Landesregierung Nordrhein-Westfalen");
    g
}

/// A committee of the Landtag, by its name in the nominative.
pub(super) fn committee(out: &mut Out<'_>, base: &Base, name: &str) -> NamedNode {
    let c = base.committee(name);
    if !out.first(&c) {
        return c;
    }
    out.add(&c, rdf::TYPE, lt::AUSSCHUSS);
    out.de(&c, schema::NAME, name);
    out.add(&c, org::SUB_ORGANIZATION_OF, base.landtag());
    c
}

/// What the document says of the Drucksachen it cites: their kind and who submitted them
/// (factions, the government or a committee), as `dcterms:type` and `dcterms:creator`.
pub(super) fn map_cited(out: &mut Out<'_>, d: &Doc<'_>) {
    let base = d.base;
    for c in &d.doc.cited {
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

pub(super) fn faction(out: &mut Out<'_>, base: &Base, wp: u32, f: Faction) -> NamedNode {
    let fi = base.faction(wp, f);
    if !out.first(&fi) {
        return fi;
    }
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

pub(super) fn party_name(f: Faction) -> &'static str {
    &f.party().name
}

/// The ministry a document names (read by the parser): a known one's IRI is keyed by its
/// abbreviation, another's by its name or abbreviation.
pub(crate) fn ministry(out: &mut Out<'_>, base: &Base, m: &MinistryRef) -> NamedNode {
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
pub(super) fn role_organisation(
    out: &mut Out<'_>,
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
pub(super) fn office(
    out: &mut Out<'_>,
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
pub(super) fn role_label(role: &str) -> &str {
    role.split_once(" für ").map_or(role, |(r, _)| r)
}
