//! Source bytes → Unicode text.
//!
//! The first room of the data flow: it reads a file, refuses what is not text (empty, binary)
//! and decodes UTF-8, or Windows-1252 when the bytes are not UTF-8 but look like a Western text
//! (the Landtag's older exports). Nothing here knows about documents or RDF.

use std::path::{Path, PathBuf};

/// Why a source could not be read as text. Each variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: cannot read")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: byte {offset}: not a text file (a NUL or control byte), and not a PDF")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: byte {offset}: not UTF-8, and not a Windows-1252 text either")]
    Encoding { path: PathBuf, offset: usize },
    #[error(transparent)]
    Pdf(#[from] crate::pdf::PdfError),
}

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    Utf8,
    Windows1252,
    /// A PDF, read through `pdf` into text with a form feed between pages.
    Pdf,
}

/// A decoded source: its text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    /// SHA-256 of the raw bytes, hex: identifies the exact input a graph was made from.
    pub digest: String,
}

/// Reads and decodes one file.
pub fn read(path: &Path) -> Result<Source, SourceError> {
    let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
        path: path.to_owned(),
        source,
    })?;
    decode(path, &bytes)
}

/// Decodes bytes already in memory; `path` only names them in errors.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Source, SourceError> {
    let path = path.to_owned();
    if is_pdf(bytes) {
        let text = crate::pdf::text(&path, bytes)?;
        return Ok(Source {
            digest: hex_sha256(bytes),
            path,
            text,
            encoding: Encoding::Pdf,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty { path });
    }
    if let Some(offset) = bytes.iter().position(|&b| is_binary_byte(b)) {
        return Err(SourceError::Binary { path, offset });
    }
    let digest = hex_sha256(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Source {
            path,
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            digest,
        }),
        Err(utf8_error) => {
            // Windows-1252 maps every byte but five; a German text in it has umlauts in the
            // 0xC0..=0xFF range and no undefined bytes. Anything else is refused, not guessed.
            let undefined = [0x81u8, 0x8D, 0x8F, 0x90, 0x9D];
            if let Some(offset) = bytes.iter().position(|b| undefined.contains(b)) {
                return Err(SourceError::Encoding { path, offset });
            }
            let (text, _, had_errors) = encoding_rs::WINDOWS_1252.decode(bytes);
            if had_errors {
                return Err(SourceError::Encoding {
                    path,
                    offset: utf8_error.valid_up_to(),
                });
            }
            Ok(Source {
                path,
                text: text.into_owned(),
                encoding: Encoding::Windows1252,
                digest,
            })
        }
    }
}

/// A PDF starts with `%PDF-` within its first KiB (ISO 32000-1, 7.5.2 and its implementation
/// note: readers accept leading junk).
fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

fn is_binary_byte(b: u8) -> bool {
    // Tab, LF, CR and form feed (pdftotext's page break) are text; other C0 controls are not.
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)
}

/// SHA-256 of `bytes`, hex.
pub fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(bytes);
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_decodes_to_the_same_text_as_utf8() {
        let utf8 = "Bündnis 90/Die Grünen – Änderung „Straße“";
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(utf8);
        let a = decode(Path::new("a.txt"), utf8.as_bytes()).unwrap();
        let b = decode(Path::new("b.txt"), &cp1252).unwrap();
        assert_eq!(a.text, b.text);
        assert_eq!(b.encoding, Encoding::Windows1252);
    }

    #[test]
    fn refuses_empty_binary_and_undecodable() {
        assert!(matches!(
            decode(Path::new("e"), b" \n"),
            Err(SourceError::Empty { .. })
        ));
        assert!(matches!(
            decode(Path::new("b"), b"GIF89a\x00\x01"),
            Err(SourceError::Binary { offset: 6, .. })
        ));
        assert!(matches!(
            decode(Path::new("u"), b"abc \x81 def"),
            Err(SourceError::Encoding { offset: 4, .. })
        ));
    }
}
