//! A printed paper's own parts: its class, an answer to a question, funding statements,
//! questions, programmes, attachments.

use super::*;

pub(super) fn paper_class(kind: PaperKind) -> NamedNodeRef<'static> {
    match kind {
        PaperKind::Drucksache => lt::DRUCKSACHE,
        PaperKind::Vorlage => lt::VORLAGE,
        PaperKind::Stellungnahme => lt::STELLUNGNAHME,
        PaperKind::Ausschussprotokoll => lt::AUSSCHUSSPROTOKOLL,
        PaperKind::Plenarprotokoll => lt::PLENARPROTOKOLL,
        PaperKind::Beschlussprotokoll => lt::BESCHLUSSPROTOKOLL,
        PaperKind::Information => lt::INFORMATION,
        PaperKind::Zuschrift => lt::ZUSCHRIFT,
        PaperKind::Uebersicht => lt::UEBERSICHT,
    }
}

/// An answer of the government: the question it answers (number, date, askers) and the
/// ministries that answered and agreed.
pub(super) fn map_answer(out: &mut Out<'_>, d: &Doc<'_>, a: &crate::model::AnswerTo) {
    let (base, wp, doc_iri) = (d.base, d.wp, &d.iri);
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

/// Funding statements: a `schema:MonetaryGrant` for the programme it funds, with its
/// `schema:MonetaryAmount`, funder, period and the sentence it was read from.
pub(super) fn map_funding(out: &mut Out<'_>, d: &Doc<'_>) {
    let (base, doc, doc_iri, text_iri) = (d.base, d.doc, &d.iri, &d.text);
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
        read_from(out, &node, f.span, text_iri);
    }
}

/// A paper's numbered questions (`schema:Question`) and the answers under them
/// (`schema:Answer`, the question's `schema:acceptedAnswer`), with their text and offsets.
pub(super) fn map_questions(
    out: &mut Out<'_>,
    d: &Doc<'_>,
    doc_iri: &NamedNode,
    questions: &[crate::model::Question],
) {
    let text_iri = &d.text;
    for q in questions {
        let qi = iri::question(doc_iri, q.number);
        out.add(&qi, rdf::TYPE, schema::QUESTION);
        out.add(doc_iri, schema::HAS_PART, qi.clone());
        out.int(&qi, schema::POSITION, q.number);
        read_from(out, &qi, q.question, text_iri);
        if let Some(a) = q.answer {
            let ai = iri::answer(&qi);
            out.add(&ai, rdf::TYPE, schema::ANSWER);
            out.add(&qi, schema::ACCEPTED_ANSWER, ai.clone());
            out.add(&ai, schema::PARENT_ITEM, qi.clone());
            read_from(out, &ai, a, text_iri);
        }
    }
}

/// Programmes a paper names (`lt:Programm`, part of another by `dcterms:isPartOf`, with rollout,
/// passing and start dates) and the counts the text gives (`lt:Kennzahl`: value, unit, the
/// date counted, the programme it is about, the sentence).
pub(super) fn map_programmes(out: &mut Out<'_>, d: &Doc<'_>) {
    let (base, doc, doc_iri, text_iri) = (d.base, d.doc, &d.iri, &d.text);
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
        read_from(out, &fi, f.span, text_iri);
    }
}

/// A committee protocol's attachments: documents of their own (`lt:Anlage`), parts of it,
/// with kind, title, date, sender and addressee of a letter, and the questions it asks.
pub(super) fn map_attachments(out: &mut Out<'_>, d: &Doc<'_>) {
    let (base, doc, wp, doc_iri, text_iri) = (d.base, d.doc, d.wp, &d.iri, &d.text);
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
        out.int(&ai, nif::BEGIN_INDEX, a.span.start());
        out.int(&ai, nif::END_INDEX, a.span.end());
        map_questions(out, d, &ai, &a.questions);
    }
}
