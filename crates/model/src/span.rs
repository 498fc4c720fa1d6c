//! Offsets into a text in their two units, kept apart by type: the parsers find [`ByteRange`]s
//! (what regular expressions and slicing count), the model and the RDF speak in
//! [`CharSpan`]s (Unicode scalar values, as SPARQL's `SUBSTR` and NIF count). The one way
//! from one to the other is a text's [`CharIndex`].

use serde::Serialize;

/// A character range `[start, end)` in the normalised text. Made only by a [`CharIndex`] from
/// a byte range of that text (or empty), so a byte offset cannot pass for a character one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct CharSpan {
    start: usize,
    end: usize,
}

impl CharSpan {
    /// Nothing, at the text's start.
    pub const EMPTY: Self = Self { start: 0, end: 0 };

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    /// Its length in characters.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// A byte range `[start, end)` of a text, as the parsers find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ByteRange {
    pub start: usize,
    pub end: usize,
}

impl From<std::ops::Range<usize>> for ByteRange {
    fn from(r: std::ops::Range<usize>) -> Self {
        Self {
            start: r.start,
            end: r.end,
        }
    }
}

impl From<ByteRange> for std::ops::Range<usize> {
    fn from(r: ByteRange) -> Self {
        r.start..r.end
    }
}

/// Characters between two marks: a lookup walks at most this many.
const EVERY: usize = 64;

/// Byte and character offsets of one text: the byte offset of every 64th character, so that
/// either unit is found from the other in a binary search and a walk of under 64 characters
/// (a scan from the text's start cost a protocol's parse quadratic time).
#[derive(Debug, Clone)]
pub struct CharIndex<'t> {
    text: &'t str,
    marks: Vec<usize>,
}

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / EVERY + 1);
        let mut chars = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            // A character starts at every byte that does not go on with one (`10xxxxxx`).
            if (b as i8) >= -0x40 {
                if chars % EVERY == 0 {
                    marks.push(i);
                }
                chars += 1;
            }
        }
        Self { text, marks }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Characters before byte `byte`. An offset inside a character counts to that
    /// character's start: offsets may come from a copy of the text with passages blanked byte
    /// for byte (the plenary reader's), where a multi-byte character became several spaces.
    /// Past the end, the text's length.
    pub fn chars_at(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let mark = self.marks.partition_point(|&m| m <= byte).saturating_sub(1);
        let from = self.marks.get(mark).copied().unwrap_or(0);
        let walked = self.text[from..]
            .char_indices()
            .take_while(|(i, _)| from + i < byte)
            .count();
        mark * EVERY + walked
    }

    /// The byte offset of character `chars` (past the end, the text's length).
    pub fn byte_at(&self, chars: usize) -> usize {
        let Some(&from) = self.marks.get(chars / EVERY) else {
            return self.text.len();
        };
        self.text[from..]
            .char_indices()
            .nth(chars % EVERY)
            .map_or(self.text.len(), |(i, _)| from + i)
    }

    /// The characters of a byte range.
    pub fn span(&self, bytes: impl Into<ByteRange>) -> CharSpan {
        let b = bytes.into();
        let start = self.chars_at(b.start);
        CharSpan {
            start,
            end: self.chars_at(b.end.max(b.start)),
        }
    }

    /// The bytes of a character span.
    pub fn bytes(&self, span: CharSpan) -> ByteRange {
        let start = self.byte_at(span.start);
        ByteRange {
            start,
            end: self.byte_at(span.end.max(span.start)),
        }
    }

    /// The text a span covers.
    pub fn slice(&self, span: CharSpan) -> &'t str {
        let b = self.bytes(span);
        &self.text[b.start..b.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against the plain definition, over a text of one- to four-byte characters longer
    /// than several marks.
    #[test]
    fn offsets_agree_with_counting_from_the_start() {
        let text: String = "aß€𝄞 Größe – „Zuruf“ ".repeat(40);
        let index = CharIndex::new(&text);
        for byte in 0..=text.len() + 2 {
            let floor = (0..=byte.min(text.len()))
                .rev()
                .find(|&b| text.is_char_boundary(b))
                .unwrap();
            assert_eq!(
                index.chars_at(byte),
                text[..floor].chars().count(),
                "{byte}"
            );
        }
        let n = text.chars().count();
        for c in 0..=n + 2 {
            let expected = text.char_indices().nth(c).map_or(text.len(), |(i, _)| i);
            assert_eq!(index.byte_at(c), expected, "{c}");
        }
    }

    #[test]
    fn a_span_round_trips() {
        let text = "Präsident André Kuper: Wer stimmt zu?";
        let index = CharIndex::new(text);
        let at = text.find("André").unwrap();
        let span = index.span(at..at + "André Kuper".len());
        assert_eq!((span.start(), span.end()), (10, 21));
        assert_eq!(index.slice(span), "André Kuper");
        assert_eq!(
            index.bytes(span),
            ByteRange::from(at..at + "André Kuper".len())
        );
        assert_eq!(index.slice(CharSpan::EMPTY), "");
    }
}
