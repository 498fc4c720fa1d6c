//! The typed document model: what a parser understood of a document, as plain data.
//!
//! Parsers fill these structs; the RDF mapping (`rdf::map`) reads them. No IRIs and no text
//! positions other than character ranges of the normalised text live here.

pub use crate::date::Date;
use serde::Serialize;

/// The three kinds of source document the Landtag publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DocumentKind {
    /// Verbatim record of a plenary session.
    Plenarprotokoll,
    /// Record of a committee session (mostly reported speech).
    Ausschussprotokoll,
    /// A printed paper: motion, bill, interpellation, the government's answer, …
    Drucksache,
    /// Record of a plenary session's decisions (PlBPr, § 104 GO): each decision with the
    /// factions' positions, no speeches.
    Beschlussprotokoll,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plenarprotokoll => "Plenarprotokoll",
            Self::Ausschussprotokoll => "Ausschussprotokoll",
            Self::Drucksache => "Drucksache",
            Self::Beschlussprotokoll => "Beschlussprotokoll",
        }
    }
}

/// A parliamentary group in the Landtag (Fraktion): an entry of the lexicon by period
/// (`data/lexicon/fraktionen.tsv`). Not a party: see `rdf::map`.
pub use crate::lexicon::Faction;
/// A ministry of Nordrhein-Westfalen: an entry of `data/lexicon/ministerien.tsv`.
pub use crate::lexicon::Ministry;

/// A reference to a numbered paper of the Landtag, as printed (`Drucksache 17/15478`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PaperRef {
    pub kind: PaperKind,
    pub wahlperiode: u32,
    pub number: u32,
}

/// What a document says of a Drucksache it cites: its kind and who submitted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedPaper {
    pub paper: PaperRef,
    pub kind: DrucksacheKind,
    /// `der Fraktion der CDU und der Fraktion BÜNDNIS 90/DIE GRÜNEN`.
    pub factions: Vec<Faction>,
    /// `der Landesregierung`.
    pub by_government: bool,
    /// `des Innenausschusses`, in the nominative: `Innenausschuss`.
    pub committee: Option<String>,
    /// `Kleine Anfrage 3733 der Abgeordneten Angela Lück SPD`: the members who ask.
    pub members: Vec<Speaker>,
    /// `Kleine Anfrage 3733`: the question's own number.
    pub question_number: Option<u32>,
}

/// What a Drucksache is: the kinds the Landtag prints in a paper's head and in the references
/// to it (`des Antrages … Drucksache 18/1669`). Closed: a kind not listed is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DrucksacheKind {
    Antrag,
    Entschliessungsantrag,
    Aenderungsantrag,
    Gesetzentwurf,
    Beschlussempfehlung,
    BeschlussempfehlungUndBericht,
    Unterrichtung,
    MuendlicheAnfrage,
    GrosseAnfrage,
    KleineAnfrage,
    AntwortDerLandesregierung,
    Uebersicht,
    Wahlvorschlag,
}

impl DrucksacheKind {
    /// The name in the nominative, as the Landtag writes it: `Antrag`, `Mündliche Anfrage`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Antrag => "Antrag",
            Self::Entschliessungsantrag => "Entschließungsantrag",
            Self::Aenderungsantrag => "Änderungsantrag",
            Self::Gesetzentwurf => "Gesetzentwurf",
            Self::Beschlussempfehlung => "Beschlussempfehlung",
            Self::BeschlussempfehlungUndBericht => "Beschlussempfehlung und Bericht",
            Self::Unterrichtung => "Unterrichtung",
            Self::MuendlicheAnfrage => "Mündliche Anfrage",
            Self::GrosseAnfrage => "Große Anfrage",
            Self::KleineAnfrage => "Kleine Anfrage",
            Self::AntwortDerLandesregierung => "Antwort der Landesregierung",
            Self::Uebersicht => "Übersicht",
            Self::Wahlvorschlag => "Wahlvorschlag",
        }
    }
}

impl std::fmt::Display for DrucksacheKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DrucksacheKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PaperKind {
    Drucksache,
    Vorlage,
    Stellungnahme,
    Ausschussprotokoll,
    Plenarprotokoll,
    /// A plenary session's record of decisions (`PlBPr 18/56`).
    Beschlussprotokoll,
    Information,
    Zuschrift,
    /// A petition committee's overview of its decisions (`Übersicht 18/33`).
    Uebersicht,
}

impl PaperRef {
    /// The number as the Landtag prints it: `17/10377`.
    pub fn printed(&self) -> String {
        format!("{}/{}", self.wahlperiode, self.number)
    }

    /// Kind and number as the Landtag prints them: `Übersicht 18/40`.
    pub fn label(&self) -> String {
        format!("{} {}", self.kind.printed(), self.printed())
    }
}

impl PaperKind {
    /// The name in IRIs and class names, ASCII: `Uebersicht`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Drucksache => "Drucksache",
            Self::Vorlage => "Vorlage",
            Self::Stellungnahme => "Stellungnahme",
            Self::Ausschussprotokoll => "Ausschussprotokoll",
            Self::Plenarprotokoll => "Plenarprotokoll",
            Self::Beschlussprotokoll => "Beschlussprotokoll",
            Self::Information => "Information",
            Self::Zuschrift => "Zuschrift",
            Self::Uebersicht => "Uebersicht",
        }
    }

    /// The name as the Landtag prints it: `Übersicht`.
    pub fn printed(self) -> &'static str {
        match self {
            Self::Uebersicht => "Übersicht",
            other => other.as_str(),
        }
    }
}

pub use crate::span::{ByteRange, CharIndex, CharSpan};

/// Where a page begins in the normalised text: its first character (as `CharSpan` counts) and the
/// number printed on it (or its index in the PDF, where none is printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PageStart {
    pub offset: usize,
    pub number: u32,
}

/// A person as printed: the name without titles, roles or affiliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub name: String,
    /// Academic titles printed before the name (`Prof. Dr.`), kept apart from it.
    pub honorific: Option<String>,
    pub faction: Option<Faction>,
    /// `fraktionslos` members: no faction, and printed as such.
    pub fraktionslos: bool,
    /// The role: `Vorsitzender`, `Vizepräsidentin`, `Minister`, `StS`, `MR`, `Ministerin für
    /// Kultur und Wissenschaft`.
    pub role: Option<Role>,
    /// The ministry as printed apart from the role: its abbreviation (`MWIDE`), or the
    /// portfolio a minister without a ministry of their own serves in (`im Geschäftsbereich des
    /// Ministerpräsidenten`, the Staatskanzlei).
    pub ministry: Option<String>,
    /// `*)`: the speaker has not reviewed the transcript (§ 102 GeschO).
    pub unreviewed: bool,
    /// The ministry the speaker speaks for, read from `ministry` or the role in the document's
    /// period (the parser's last pass); `None` for members and the chair.
    pub speaks_for: Option<MinistryRef>,
    /// Who the person is by the member list (the resolve pass, after parsing): the key of the
    /// person's IRI, whatever the spelling printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<crate::members::MemberId>,
    /// The government post a minister speaks in, on the document's date (the resolve pass).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<crate::government::PostId>,
}

/// A ministry a document names: one of the lexicon's, or one the lexicon does not hold, by the
/// name a minister's title gives it (`Minister für Heimat …` → `Ministerium für Heimat …`) or by
/// an abbreviation printed alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MinistryRef {
    Known(Ministry),
    Named(String),
    Abbreviation(String),
}

impl Serialize for MinistryRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Known(m) => s.serialize_str(m.abbr),
            Self::Named(n) | Self::Abbreviation(n) => s.serialize_str(n),
        }
    }
}

/// A role as printed, and what kind of role it is (the parser tells).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    pub printed: String,
    pub kind: RoleKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RoleKind {
    /// Presides over the meeting: `Präsidentin`, `Alterspräsident`, `Vorsitzender`.
    Presiding,
    /// A member of the government: `Ministerpräsident`, `Ministerin für …`, `Finanzminister`,
    /// `Staatssekretär`.
    Government,
    /// Anything else printed before or after a name: `MR`, `Sachverständiger`.
    Other,
}

impl Speaker {
    /// The holder of a post as the documents would name them: their member id where the
    /// member list knows them in one of the cabinet's periods.
    pub fn holding(post: &crate::government::Post) -> Self {
        let mut s = Speaker::named(post.person);
        s.member = (1..=40)
            .filter(|p| post.cabinet.periods.contains(*p))
            .find_map(|p| crate::members::identify(p, post.person, None))
            .map(|m| m.id);
        s
    }

    /// A person known by name only: no titles, role, faction or flags.
    pub fn named(name: &str) -> Self {
        Speaker {
            name: crate::words::collapse(name),
            honorific: None,
            faction: None,
            fraktionslos: false,
            role: None,
            ministry: None,
            unreviewed: false,
            speaks_for: None,
            member: None,
            office: None,
        }
    }
}

/// A speech or a reported statement.
#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    /// The agenda item's number as printed; `None` before the first item.
    pub item: Option<String>,
    /// `None` where the text does not name the speaker (an excerpt that starts mid-speech).
    pub speaker: Option<Speaker>,
    /// `true` for reported speech (committee protocols), `false` for a verbatim speech.
    pub reported: bool,
    /// Given to the record (zu Protokoll gegeben) in an annex (Anlage), not spoken.
    pub written: bool,
    pub span: CharSpan,
    /// Papers mentioned in the contribution's text.
    pub mentions: Vec<PaperRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub number: String,
    pub title: Option<String>,
    /// A note printed with the title, e.g. `(Bericht auf Wunsch der Landesregierung)`.
    pub title_note: Option<String>,
    /// Papers printed under the item's heading.
    pub papers: Vec<PaperRef>,
    /// `true` where the number is inferred (an excerpt that starts inside the item).
    pub inferred: bool,
}

/// The body that met: the plenary or a committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Body {
    Plenum,
    Committee { name: String },
}

#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub body: Body,
    pub session: Option<u32>,
    pub public: Option<bool>,
    /// `YYYY-MM-DD`
    pub date: Option<Date>,
    /// `HH:MM`
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<String>,
    /// Who presided, with the role as printed.
    pub chairs: Vec<Speaker>,
    pub minute_taker: Option<String>,
}

/// The government's answer to a Kleine Anfrage, as its first page states it.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerTo {
    /// The question's own number (`Kleine Anfrage 3733`); `None` where it is out of range.
    pub question_number: Option<u32>,
    /// `YYYY-MM-DD`
    pub question_date: Option<Date>,
    pub question_paper: Option<PaperRef>,
    pub asked_by: Vec<Speaker>,
    /// The member of the government who answered, as printed (`Minister für Wirtschaft, …`).
    pub answered_by: Option<String>,
    /// Those the answer was agreed with (`im Einvernehmen mit …`), as printed.
    pub in_agreement_with: Vec<String>,
    /// The ministry that answered and those it agreed with, read from the above.
    pub answering_ministry: Option<MinistryRef>,
    pub agreeing_ministries: Vec<MinistryRef>,
}

/// What an attachment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AttachmentKind {
    /// A letter (`Mit freundlichen Grüßen`), e.g. a faction asking for a report.
    Letter,
    /// A presentation's slides.
    Presentation,
}

/// An attachment (Anlage) of a committee protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub number: u32,
    pub kind: AttachmentKind,
    /// `Thema Digitalstrategie 2.0`, or the agenda item it belongs to.
    pub title: Option<String>,
    /// `YYYY-MM-DD`
    pub date: Option<Date>,
    /// The letter's sender (with faction) and addressee.
    pub from: Option<Speaker>,
    pub to: Option<Speaker>,
    /// The numbered questions a letter asks.
    pub questions: Vec<Question>,
    pub span: CharSpan,
}

/// A programme a paper names (`LOGINEO NRW LMS`, `Digitale Modellregionen in NRW`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Programme {
    pub name: String,
    pub part_of: Option<String>,
    /// `YYYY-MM-DD`: `Rollout am 26. November 2019`.
    pub rollout: Option<Date>,
    /// `YYYY-MM-DD`: the day the Landtag passed it (a law's amendment).
    pub passed: Option<Date>,
    /// `YYYY`: `im Sommer 2018 … gestartet`.
    pub started: Option<String>,
    /// Named only as something that is to come (`soll … ergänzt werden`).
    pub planned: bool,
    /// What it is, as the text calls it: `Lernmanagementsystem`, `Förderprogramm`.
    pub kind: Option<String>,
}

/// A count the text gives: value, what it counts, the date counted, the programme it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub value: String,
    pub unit: String,
    /// `401 von 580`: the whole it is part of.
    pub of: Option<String>,
    /// `bis zu`, `ca.`, `rund` … as printed.
    pub qualifier: Option<String>,
    /// `YYYY-MM-DD`: `(Stand 25. Juni 2020)`, `Datenstand: 12.11.21`.
    pub as_of: Option<Date>,
    /// Where the count comes from, as printed (`Quelle: PVOG`).
    pub source_note: Option<String>,
    pub programme: Option<String>,
    /// The sentence it was read from.
    pub span: CharSpan,
}

/// A numbered question (`1. Welche …?`) and the answer printed under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub number: u32,
    pub question: CharSpan,
    /// `None` where the question is printed without an answer.
    pub answer: Option<CharSpan>,
}

/// A funding statement: an amount the text ties to a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Funding {
    /// The programme as the text names it (`Digitale Modellregionen in NRW`).
    pub programme: String,
    /// The value in units, an `xsd:decimal` lexical form (`91000000`).
    pub value: String,
    /// ISO 4217 (`EUR`).
    pub currency: String,
    /// `rund`, `rd.`, `ca.`, `etwa` …
    pub approximate: bool,
    /// `in den Jahren 2020 bis 2022`.
    pub from_year: Option<u32>,
    pub to_year: Option<u32>,
    /// `Bis Ende 2021` → `2021-12-31`.
    pub until: Option<Date>,
    /// The state government provides it (`die Landesregierung`, `Landesmittel`).
    pub by_government: bool,
    /// The sentence it was read from.
    pub span: CharSpan,
}

/// A parsed document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub kind: DocumentKind,
    /// The electoral period (Wahlperiode).
    pub wahlperiode: Option<u32>,
    /// Its own number (`Drucksache 17/10377`, `Plenarprotokoll 18/115`); `None` for committee
    /// protocols, which print none.
    pub id: Option<PaperRef>,
    /// `YYYY-MM-DD`: the paper's date, or the meeting's.
    pub date: Option<Date>,
    /// `YYYY-MM-DD`: the day a Drucksache was issued (Ausgegeben).
    pub issued: Option<Date>,
    pub title: Option<String>,
    /// For a Drucksache: what it is, as printed (`Antwort der Landesregierung auf die Kleine Anfrage`).
    pub subtype: Option<String>,
    pub answer_to: Option<AnswerTo>,
    pub meeting: Option<Meeting>,
    pub agenda: Vec<AgendaItem>,
    pub contributions: Vec<Contribution>,
    pub interjections: Vec<Interjection>,
    pub votes: Vec<Vote>,
    /// Every paper mentioned anywhere in the document, once, in order of first mention.
    pub mentions: Vec<PaperRef>,
    /// The Drucksachen it names with their kind (`Antrag der Fraktion der SPD Drucksache …`).
    pub cited: Vec<CitedPaper>,
    /// Persons the text names who are not speakers (`Ministerin Ina Scharrenbach`), once each.
    pub mentioned_persons: Vec<Speaker>,
    /// Money the text ties to a programme (read from Drucksachen: the government's answers).
    pub funding: Vec<Funding>,
    /// The numbered questions of a Kleine Anfrage, with the answer to each (an answer paper).
    pub questions: Vec<Question>,
    /// Programmes a Drucksache names, with parts, dates and status.
    pub programmes: Vec<Programme>,
    /// Counts the text gives (`872 Schulen (Stand 25. Juni 2020)`).
    pub figures: Vec<Figure>,
    /// A committee protocol's attachments (Anlagen): documents of their own, parts of it.
    pub attachments: Vec<Attachment>,
    /// The normalised text every span refers to.
    pub text: String,
    /// Where its pages begin in `text`; empty when the source shows no page breaks.
    pub pages: Vec<PageStart>,
    /// What the document's own cross-checks doubt of what was read from it.
    pub checks: Vec<Check>,
}

/// A doubt about what was read, from a cross-check the document makes possible: a vote's
/// positions against the factions sitting, its result against their seats, a roll call's rows
/// against its totals, the contents list against the speeches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub kind: CheckKind,
    pub target: CheckTarget,
    /// What disagreed, in words.
    pub detail: String,
}

/// Which cross-check failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CheckKind {
    /// A vote names positions, but not of every faction sitting.
    VoteFactionsIncomplete,
    /// A faction was given two positions in one vote.
    VoteFactionTwice,
    /// The result disagrees with the positions and the seats behind them.
    VoteResultSeats,
    /// The paper voted on is named nowhere before the vote: the item's, a guess.
    VoteSubjectGuessed,
    /// A vote whose result was neither announced nor follows from its answers.
    VoteResultMissing,
    /// The factions of the government voted apart (coalitions vote as one).
    VoteCoalitionSplit,
    /// The factions that moved the paper voted against it or abstained.
    VoteMoversAgainst,
    /// A faction's speakers in the debate announced another position than the one read.
    VoteAnnouncedOtherwise,
    /// The passage read again by its words alone gives a faction another position.
    VoteRereadOtherwise,
    /// The chair counts members without a faction among the voters but names them not
    /// (`die beiden fraktionslosen Abgeordneten`): their votes are not recorded.
    VoteMembersUnnamed,
    /// The chair called for a vote (`Wer stimmt … zu?`) where no vote was read: a vote lost.
    VoteMissed,
    /// A roll call's rows, the chair's totals and the `Ergebnis` row disagree.
    RollCallTotals,
    /// A roll call whose annex gave no rows.
    RollCallNoRows,
    /// The contents list names a speech the body does not hold.
    TocSpeechMissing,
    /// The body holds a speech the contents list does not name.
    TocSpeechExtra,
}

impl CheckKind {
    pub const ALL: [CheckKind; 15] = [
        Self::VoteFactionsIncomplete,
        Self::VoteFactionTwice,
        Self::VoteResultSeats,
        Self::VoteSubjectGuessed,
        Self::VoteResultMissing,
        Self::VoteCoalitionSplit,
        Self::VoteMoversAgainst,
        Self::VoteAnnouncedOtherwise,
        Self::VoteRereadOtherwise,
        Self::VoteMembersUnnamed,
        Self::VoteMissed,
        Self::RollCallTotals,
        Self::RollCallNoRows,
        Self::TocSpeechMissing,
        Self::TocSpeechExtra,
    ];

    /// The key the `checks` query lists (`vote-factions-incomplete`).
    pub fn key(self) -> &'static str {
        match self {
            Self::VoteFactionsIncomplete => "vote-factions-incomplete",
            Self::VoteFactionTwice => "vote-faction-twice",
            Self::VoteResultSeats => "vote-result-seats",
            Self::VoteSubjectGuessed => "vote-subject-guessed",
            Self::VoteResultMissing => "vote-result-missing",
            Self::VoteCoalitionSplit => "vote-coalition-split",
            Self::VoteMoversAgainst => "vote-movers-against",
            Self::VoteAnnouncedOtherwise => "vote-announced-otherwise",
            Self::VoteRereadOtherwise => "vote-reread-otherwise",
            Self::VoteMembersUnnamed => "vote-members-unnamed",
            Self::VoteMissed => "vote-missed",
            Self::RollCallTotals => "roll-call-totals",
            Self::RollCallNoRows => "roll-call-no-rows",
            Self::TocSpeechMissing => "toc-speech-missing",
            Self::TocSpeechExtra => "toc-speech-extra",
        }
    }
}

/// What a check is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum CheckTarget {
    /// The document's vote of this index.
    Vote(usize),
    /// The document's contribution of this index.
    Contribution(usize),
    /// Something the document lists but the reading did not find, by its printed label.
    Listed(String),
}

impl Document {
    /// Every person the document names, with the Wahlperiode they are named in (a cited
    /// paper's submitters in the paper's), for the passes that resolve them.
    pub fn persons_mut(&mut self) -> Vec<(Option<u32>, &mut Speaker)> {
        let wp = self.wahlperiode;
        let mut out: Vec<(Option<u32>, &mut Speaker)> = Vec::new();
        for c in &mut self.cited {
            let p = Some(c.paper.wahlperiode);
            out.extend(c.members.iter_mut().map(|s| (p, s)));
        }
        let mut rest: Vec<&mut Speaker> = Vec::new();
        rest.extend(
            self.contributions
                .iter_mut()
                .filter_map(|c| c.speaker.as_mut()),
        );
        if let Some(m) = &mut self.meeting {
            rest.extend(m.chairs.iter_mut());
        }
        if let Some(a) = &mut self.answer_to {
            rest.extend(a.asked_by.iter_mut());
        }
        for a in &mut self.attachments {
            rest.extend(a.from.iter_mut().chain(a.to.iter_mut()));
        }
        rest.extend(self.mentioned_persons.iter_mut());
        rest.extend(
            self.interjections
                .iter_mut()
                .flat_map(|i| i.persons.iter_mut()),
        );
        for v in &mut self.votes {
            rest.extend(v.positions.iter_mut().filter_map(|(voter, _)| match voter {
                Voter::Member(s) => Some(s),
                _ => None,
            }));
            rest.extend(v.members.iter_mut().map(|m| &mut m.member));
            if let Some(e) = &mut v.election {
                rest.extend(e.elected.iter_mut());
                rest.extend(e.candidates.iter_mut().map(|(s, _)| s));
            }
        }
        out.extend(rest.into_iter().map(|s| (wp, s)));
        out
    }

    /// A document of `kind` with its text and nothing read from it yet.
    pub fn empty(kind: DocumentKind, text: &str) -> Document {
        Document {
            kind,
            wahlperiode: None,
            id: None,
            date: None,
            issued: None,
            title: None,
            subtype: None,
            answer_to: None,
            meeting: None,
            agenda: Vec::new(),
            contributions: Vec::new(),
            interjections: Vec::new(),
            votes: Vec::new(),
            mentions: Vec::new(),
            cited: Vec::new(),
            mentioned_persons: Vec::new(),
            funding: Vec::new(),
            questions: Vec::new(),
            programmes: Vec::new(),
            figures: Vec::new(),
            attachments: Vec::new(),
            text: text.to_owned(),
            pages: Vec::new(),
            checks: Vec::new(),
        }
    }

    /// The pages a span stands on: first and last (the same for most).
    pub fn pages_of(&self, span: CharSpan) -> Option<(u32, u32)> {
        pages_of(&self.pages, span)
    }
}

/// The pages `span` stands on, given where pages begin.
pub fn pages_of(pages: &[PageStart], span: CharSpan) -> Option<(u32, u32)> {
    let at = |offset: usize| {
        let i = pages.partition_point(|p| p.offset <= offset);
        pages.get(i.checked_sub(1)?).map(|p| p.number)
    };
    let first = at(span.start())?;
    Some((first, at(span.end().saturating_sub(1).max(span.start()))?))
}

/// What kind of event interrupts a speech (a SKOS concept in `ontology/interjections.ttl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum InterjectionKind {
    Applause,
    Call,
    Laughter,
    Signal,
    Other,
}

impl InterjectionKind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Applause => "applause",
            Self::Call => "call",
            Self::Laughter => "laughter",
            Self::Signal => "signal",
            Self::Other => "other",
        }
    }
}

/// One event printed in parentheses inside a speech: `(Beifall von der CDU)`,
/// `(Jochen Ott [SPD]: Ich bin nicht aufgeregt!)`, `(Heiterkeit)`.
#[derive(Debug, Clone, Serialize)]
pub struct Interjection {
    pub item: Option<String>,
    /// Index into `Document::contributions`: the contribution it interrupts.
    pub contribution: Option<usize>,
    pub kind: InterjectionKind,
    /// `Vereinzelt`, `Anhaltender`, … as printed.
    pub qualifier: Option<String>,
    pub factions: Vec<Faction>,
    /// Persons named with their faction (`Alexander Baer [SPD]`).
    pub persons: Vec<Speaker>,
    /// A call's words, or the description of an event of kind `Other`/`Signal`.
    pub text: Option<String>,
    /// The parenthesis the event was read from.
    pub span: CharSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Position {
    Yes,
    No,
    Abstain,
}

impl Position {
    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Abstain => "abstain",
        }
    }

    /// The position a key names (`yes`, `no`, `abstain`).
    pub fn from_key(key: &str) -> Option<Position> {
        [Self::Yes, Self::No, Self::Abstain]
            .into_iter()
            .find(|p| p.key() == key)
    }
}

/// Who voted: a faction as a whole, or a member on their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Voter {
    Faction(Faction),
    Member(Speaker),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum VoteResult {
    Accepted,
    Rejected,
}

/// A decision of the plenary or a committee.
#[derive(Debug, Clone, Serialize)]
pub struct Vote {
    pub item: Option<String>,
    /// The paper voted on.
    pub subject: Option<PaperRef>,
    /// Further papers the same vote decides alike: the other numbers of the list that names the
    /// subject (`die Unterrichtungen Drucksachen 16/10698 und 16/12800 … zu überweisen`), a
    /// paper a referral sends where it sends the subject (`Der Entschließungsantrag … soll
    /// ebenfalls überwiesen werden`).
    pub also_on: Vec<PaperRef>,
    /// The part of the paper voted on apart (Einzelabstimmung: `Ziffer II Nr. 1`), as printed.
    pub part: Option<String>,
    /// `true` for a vote on a referral recommendation (Überweisungsempfehlung).
    pub referral: bool,
    /// Committees a referral sends the paper to, the lead one first.
    pub referred_to: Vec<String>,
    /// The lead committee (federführend), where the text names one.
    pub lead: Option<String>,
    /// For a vote on a committee's recommendation (Beschlussempfehlung): the paper the
    /// recommendation decides (`…, den Antrag Drucksache 16/2131 abzulehnen`). The positions
    /// are on the recommendation, the `subject`.
    pub decides: Option<PaperRef>,
    /// What the recommendation proposes for the paper it `decides`, where the text says
    /// (`…, den Antrag … abzulehnen`: rejected; `… unverändert anzunehmen`: accepted).
    pub recommends: Option<VoteResult>,
    /// The recommendation the decision followed, where a record says so (`Der Antrag … wurde
    /// entsprechend der Beschlussempfehlung - Drucksache 18/7778 - … abgelehnt`): the positions
    /// are on the `subject`, as decided.
    pub following: Option<PaperRef>,
    /// `true` where no paper is named before the vote in its item: the `subject` is the item's
    /// first Drucksache, a guess.
    pub subject_inferred: bool,
    pub result: Option<VoteResult>,
    /// `false` where the result is implied by the positions (all yes, none against).
    pub result_stated: bool,
    pub positions: Vec<(Voter, Position)>,
    /// `true` where the positions are deduced, not printed: a vote asked only as `Wer stimmt
    /// gegen …?`, with nobody against, nobody abstaining and the result `angenommen`.
    pub positions_inferred: bool,
    /// The sentences it was read from.
    pub span: CharSpan,
    /// How the vote was taken: by show of hands, by roll call, as a (secret) election.
    pub method: VoteMethod,
    /// The totals the chair announced (roll calls and elections).
    pub tally: Option<Tally>,
    /// Every member's vote in a roll call, from the protocol's annex.
    pub members: Vec<MemberVote>,
    /// What an election filled and who was elected.
    pub election: Option<Election>,
    /// Positions the text gave a voter who already had another (the first is kept).
    pub conflicts: Vec<(Voter, Position)>,
}

/// How a vote was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum VoteMethod {
    /// By show of hands (Handzeichen), or a decision recorded as narrative.
    #[default]
    Show,
    /// Namentliche Abstimmung: each member's vote is recorded.
    RollCall,
    /// A (secret) election of a person to an office, with ballot counts.
    Election,
}

/// The totals of a roll call or an election, as announced. `None` where not announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// Members of the Landtag (`Dem Landtag gehören 199 Abgeordnete an`).
    pub members: Option<u32>,
    /// Votes cast (`Ihre Stimme abgegeben haben 217 Abgeordnete`).
    pub cast: Option<u32>,
    pub valid: Option<u32>,
    pub invalid: Option<u32>,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
}

/// What one member did in a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BallotOption {
    Yes,
    No,
    Abstain,
    /// `entschuldigt`
    Excused,
    /// `abwesend`, or no mark at all
    Absent,
}

/// Words written across the vote columns (or in a column of their own), abbreviated too
/// where a narrow column shortens them, and the option each says: excused (`entschuldigt`,
/// `beurlaubt`, ill, on leave), or absent (`abwesend`, a ballot not cast).
const ACROSS: [(&str, BallotOption); 12] = [
    ("entsch", BallotOption::Excused),
    ("beurl", BallotOption::Excused),
    ("krank", BallotOption::Excused),
    ("verhindert", BallotOption::Excused),
    ("mutterschutz", BallotOption::Excused),
    ("elternzeit", BallotOption::Excused),
    ("abwes", BallotOption::Absent),
    ("abw.", BallotOption::Absent),
    ("nicht abgegeben", BallotOption::Absent),
    ("nicht beteiligt", BallotOption::Absent),
    ("nicht teilgenommen", BallotOption::Absent),
    ("nicht anwesend", BallotOption::Absent),
];

impl BallotOption {
    /// What the words written across a row's vote columns say (`entschuldigt`, `abw.`), lower
    /// case; `None` where they say none of it.
    pub fn written_across(lower: &str) -> Option<BallotOption> {
        ACROSS
            .iter()
            .find(|(w, _)| lower.contains(w))
            .map(|(_, o)| *o)
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Abstain => "abstain",
            Self::Excused => "excused",
            Self::Absent => "absent",
        }
    }
}

/// A row of a roll call's annex table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberVote {
    /// `Lfd. Nr.`
    pub number: u32,
    /// The member as printed (surname, given name where printed), resolved to the period's member
    /// list where it is unambiguous.
    pub member: Speaker,
    /// The faction printed in the table.
    pub faction: Option<Faction>,
    pub option: BallotOption,
}

/// An election's office and outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Election {
    /// `Präsident des Landtags`, `Erste Vizepräsidentin des Landtags`, as printed.
    pub office: String,
    /// The member the chair declared elected.
    pub elected: Option<Speaker>,
    /// Candidates of a contested election with their votes (`entfielen auf den Kandidaten X 177`).
    pub candidates: Vec<(Speaker, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every check is a concept of the ontology's scheme and a notation the shapes allow.
    #[test]
    fn every_check_is_declared_and_allowed() {
        let scheme = include_str!("../../../ontology/pruefungen.ttl");
        let shapes = include_str!("../../../ontology/shapes.ttl");
        for kind in CheckKind::ALL {
            let key = kind.key();
            assert!(
                scheme.contains(&format!("skos:notation \"{key}\"")),
                "{key} not in ontology/pruefungen.ttl"
            );
            assert!(
                shapes.contains(&format!("\"{key}\"")),
                "{key} not in ontology/shapes.ttl"
            );
        }
    }
}
