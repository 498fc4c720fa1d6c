//! A meeting's record: the sitting, its agenda, contributions, interjections, votes and
//! the document's own checks.

use super::*;

pub(super) fn map_meeting(
    out: &mut Out<'_>,
    d: &Doc<'_>,
    meeting: &NamedNode,
    m: &crate::model::Meeting,
) {
    let (base, doc, wp, doc_iri) = (d.base, d.doc, d.wp, &d.iri);
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
    map_agenda(out, d, meeting);
    let ctx = Speech {
        d,
        meeting,
        organizer: &organizer,
    };
    for (seq, c) in doc.contributions.iter().enumerate() {
        map_contribution(out, &ctx, seq + 1, c);
    }
    for s in &doc.mentioned_persons {
        let p = person(out, base, wp, s);
        out.add(doc_iri, schema::MENTIONS, p);
    }
    map_interjections(out, d, meeting);
    map_votes(out, d, meeting, &organizer);
}

/// A Beschlussprotokoll's sitting: the document is about it; the sitting and its items are
/// claims (the sitting's Plenarprotokoll states them itself, `Base::owner_graph`), without the
/// items' titles (each item has one, the protocol's); the decisions stand under the document.
pub(super) fn map_record(
    out: &mut Out<'_>,
    d: &Doc<'_>,
    meeting: &NamedNode,
    m: &crate::model::Meeting,
) {
    let base = d.base;
    out.add(&d.iri, schema::ABOUT, meeting.clone());
    out.add(meeting, rdf::TYPE, schema::EVENT);
    out.add(meeting, rdf::TYPE, lt::SITZUNG);
    out.int(meeting, lt::WAHLPERIODE, d.wp);
    let organizer = base.landtag();
    landtag(out, base);
    out.add(meeting, schema::ORGANIZER, organizer.clone());
    if let Some(s) = m.session {
        out.int(meeting, lt::SITZUNGSNUMMER, s);
    }
    if let Some(date) = &m.date {
        out.typed(meeting, eli::DATE_DOCUMENT, *date, xsd::DATE);
    }
    for item in &d.doc.agenda {
        map_item(out, base, meeting, item);
    }
    map_votes(out, d, meeting, &organizer);
}

/// The agenda items of a meeting: number, title, the papers they treat.
pub(super) fn map_agenda(out: &mut Out<'_>, d: &Doc<'_>, meeting: &NamedNode) {
    for item in &d.doc.agenda {
        let i = map_item(out, d.base, meeting, item);
        if let Some(t) = &item.title {
            out.de(&i, schema::NAME, t);
        }
        if let Some(n) = &item.title_note {
            out.de(&i, dcterms::DESCRIPTION, n);
        }
        if item.inferred {
            out.typed(&i, lt::NUMMER_ERSCHLOSSEN, "true", xsd::BOOLEAN);
        }
    }
}

/// What a protocol and a record both say of an agenda item: its place in the sitting, number
/// and papers. Its IRI.
fn map_item(
    out: &mut Out<'_>,
    base: &Base,
    meeting: &NamedNode,
    item: &crate::model::AgendaItem,
) -> NamedNode {
    let i = iri::agenda_item(meeting, &item.number);
    out.add(&i, rdf::TYPE, schema::EVENT);
    out.add(&i, rdf::TYPE, lt::TAGESORDNUNGSPUNKT);
    out.add(&i, schema::SUPER_EVENT, meeting.clone());
    out.add(meeting, schema::SUB_EVENT, i.clone());
    out.lit(&i, schema::IDENTIFIER, &item.number);
    for p in &item.papers {
        let p = paper(out, base, p);
        out.add(&i, dcterms::REFERENCES, p);
    }
    i
}

/// What every contribution of a meeting is mapped with.
pub(super) struct Speech<'a> {
    d: &'a Doc<'a>,
    meeting: &'a NamedNode,
    organizer: &'a NamedNode,
}

/// A contribution (`opengov:Speech`), the `seq`-th of its meeting: its place, text and pages,
/// the papers it names, its speaker with faction, role and ministry.
pub(super) fn map_contribution(
    out: &mut Out<'_>,
    x: &Speech<'_>,
    seq: usize,
    c: &crate::model::Contribution,
) {
    let (base, doc, wp, doc_iri, meeting) = (x.d.base, x.d.doc, x.d.wp, &x.d.iri, x.meeting);
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
    read_from(out, &ci, c.span, &x.d.text);
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
pub(super) struct EventAt<'a> {
    class: NamedNodeRef<'a>,
    doc: &'a NamedNode,
    seq: usize,
    meeting: &'a NamedNode,
    text: &'a NamedNode,
    item: &'a Option<String>,
    span: crate::model::CharSpan,
    pages: Option<(u32, u32)>,
}

/// The printed pages a span stands on: `schema:pageStart`, and `schema:pageEnd` (always, so
/// "which pages" is one pattern).
pub(super) fn pages(out: &mut Out<'_>, node: &NamedNode, pages: Option<(u32, u32)>) {
    if let Some((first, last)) = pages {
        out.int(node, schema::PAGE_START, first);
        out.int(node, schema::PAGE_END, last);
    }
}

pub(super) fn event(out: &mut Out<'_>, node: &NamedNode, at: EventAt<'_>) {
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
    out.int(node, nif::BEGIN_INDEX, at.span.start());
    out.int(node, nif::END_INDEX, at.span.end());
    pages(out, node, at.pages);
}

/// The document's doubts about itself (`Document::checks`): DQV quality annotations of the
/// vote, speech or document they concern, each typed by its check, a SKOS concept.
pub(super) fn map_checks(out: &mut Out<'_>, d: &Doc<'_>) {
    let (doc_iri, meeting) = (&d.iri, d.root());
    for (i, c) in d.doc.checks.iter().enumerate() {
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

pub(super) fn check_concept(out: &mut Out<'_>, kind: CheckKind) -> NamedNode {
    let de = match kind {
        CheckKind::VoteFactionsIncomplete => "Abstimmung: nicht jede Fraktion genannt",
        CheckKind::VoteFactionTwice => "Abstimmung: eine Fraktion zweimal genannt",
        CheckKind::VoteResultSeats => "Abstimmung: Ergebnis gegen die Sitzverteilung",
        CheckKind::VoteSubjectGuessed => "Abstimmung: Gegenstand nicht genannt",
        CheckKind::VoteResultMissing => "Abstimmung ohne Ergebnis",
        CheckKind::VoteCoalitionSplit => "Abstimmung: Koalitionsfraktionen uneins",
        CheckKind::VoteMoversAgainst => "Abstimmung: Antragsteller gegen den eigenen Antrag",
        CheckKind::VoteAnnouncedOtherwise => "Abstimmung: anders als in der Debatte angekündigt",
        CheckKind::VoteRereadOtherwise => "Abstimmung: beim zweiten Lesen anders gelesen",
        CheckKind::VoteMembersUnnamed => "Abstimmung: fraktionslose Abgeordnete ohne Namen",
        CheckKind::VoteMissed => "Abstimmung aufgerufen, aber nicht gelesen",
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

pub(super) fn kind_concept(out: &mut Out<'_>, kind: InterjectionKind) -> NamedNode {
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

pub(super) fn map_interjections(out: &mut Out<'_>, d: &Doc<'_>, meeting: &NamedNode) {
    let (base, doc, wp, doc_iri, text_iri) = (d.base, d.doc, d.wp, &d.iri, &d.text);
    for (seq, i) in doc.interjections.iter().enumerate() {
        let node = iri::interjection(meeting, seq + 1);
        let at = EventAt {
            class: lt::INTERJEKTION,
            doc: doc_iri,
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

pub(super) fn map_votes(
    out: &mut Out<'_>,
    d: &Doc<'_>,
    meeting: &NamedNode,
    organizer: &NamedNode,
) {
    let (base, doc, wp, doc_iri, text_iri) = (d.base, d.doc, d.wp, &d.iri, &d.text);
    let root = d.root().unwrap_or(meeting);
    for (seq, v) in doc.votes.iter().enumerate() {
        let node = iri::vote(root, seq + 1);
        let at = EventAt {
            class: opengov::VOTE_EVENT,
            doc: doc_iri,
            seq: seq + 1,
            meeting,
            text: text_iri,
            item: &v.item,
            span: v.span,
            pages: doc.pages_of(v.span),
        };
        event(out, &node, at);
        out.add(&node, schema::ORGANIZER, organizer.clone());
        let text = out.chars.slice(v.span).to_owned();
        out.add(
            &node,
            schema::TEXT,
            Literal::new_language_tagged_literal_unchecked(text, "de"),
        );
        if let Some(p) = &v.subject {
            let pi = paper(out, base, p);
            out.add(&node, lt::GEGENSTAND, pi);
        }
        if let Some(part) = &v.part {
            out.lit(&node, lt::TEIL, part);
        }
        if let Some(p) = &v.following {
            let pi = paper(out, base, p);
            out.add(&node, lt::GEMAESS_EMPFEHLUNG, pi);
        }
        for p in &v.also_on {
            let pi = paper(out, base, p);
            out.add(&node, lt::WEITERER_GEGENSTAND, pi);
        }
        if let Some(p) = &v.decides {
            let pi = paper(out, base, p);
            out.add(&node, lt::EMPFEHLUNG_ZU, pi);
        }
        if let Some(r) = v.recommends {
            out.lit(&node, lt::EMPFIEHLT, result_key(r));
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
/// A result as `opengov:result` writes it.
fn result_key(r: crate::model::VoteResult) -> &'static str {
    match r {
        crate::model::VoteResult::Accepted => "accepted",
        crate::model::VoteResult::Rejected => "rejected",
    }
}

pub(super) fn map_outcome(out: &mut Out<'_>, base: &Base, node: &NamedNode, v: &Vote) {
    if let Some(r) = v.result {
        out.lit(node, opengov::RESULT, result_key(r));
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
pub(super) fn map_tally(out: &mut Out<'_>, base: &Base, wp: u32, node: &NamedNode, v: &Vote) {
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
