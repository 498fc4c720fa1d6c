//! Money in German prose: `rd. 600 Mio. €`, `rund 81 Mio. Euro`, `rund 103 Millionen Euro`,
//! `1,5 Mrd. Euro`, `500.000 Euro`, `2,3 Millionen`, `12 Euro`: the value in units (an exact
//! decimal, never a float), the currency where printed, and whether it is approximate
//! (`rund`, `rd.`, `ca.`, `circa`, `etwa`, `ungefähr`).

use regex::Regex;
use std::sync::LazyLock;

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<approx>\b(?:rund|rd\.|ca\.|circa|etwa|ungefähr)\s+)?
        (?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?
        (?:\s*(?P<scale>Mio\.|Millionen|Million|Mrd\.|Milliarden|Milliarde|Tsd\.|Tausend)(?:\s|$))?
        \s*(?P<cur>€|Euro\b|EUR\b)?",
    )
    .unwrap()
});

/// An amount read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The value in units as an `xsd:decimal` lexical form: `91000000`, `1500000000`, `12.5`.
    pub value: String,
    /// ISO 4217 where the text names the currency (`€`, `Euro`, `EUR` → `EUR`).
    pub currency: Option<&'static str>,
    pub approximate: bool,
    /// Byte range of the whole expression (marker included).
    pub start: usize,
    pub end: usize,
}

/// Every amount in `text`: a number with a scale word or a currency (a bare number is not
/// money).
pub fn amounts(text: &str) -> Vec<Amount> {
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| {
            let scale = c.name("scale").map(|m| m.as_str());
            let currency = c.name("cur").map(|_| "EUR");
            if scale.is_none() && currency.is_none() {
                return None;
            }
            // A number glued to letters before it is part of a word or code (`OZG2`).
            let whole = c.get(0)?;
            let num_start = c.name("int")?.start();
            if text[..num_start]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_alphanumeric())
            {
                return None;
            }
            let exponent = match scale {
                Some("Mio." | "Millionen" | "Million") => 6,
                Some("Mrd." | "Milliarden" | "Milliarde") => 9,
                Some("Tsd." | "Tausend") => 3,
                _ => 0,
            };
            let int = c["int"].replace('.', "");
            let frac = c.name("frac").map_or("", |m| m.as_str());
            Some(Amount {
                value: decimal(&int, frac, exponent),
                currency,
                approximate: c.name("approx").is_some(),
                start: whole.start(),
                end: whole.as_str().trim_end().len() + whole.start(),
            })
        })
        .collect()
}

/// `int,frac × 10^exponent` as a canonical decimal: no leading zeros, no trailing fraction
/// zeros, `.` before the fraction.
fn decimal(int: &str, frac: &str, exponent: usize) -> String {
    let mut digits = format!("{int}{frac}");
    let point = int.len() + exponent;
    while digits.len() < point {
        digits.push('0');
    }
    let (whole, fraction) = digits.split_at(point);
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    match (whole.is_empty(), fraction.is_empty()) {
        (true, true) => "0".to_owned(),
        (true, false) => format!("0.{fraction}"),
        (false, true) => whole.to_owned(),
        (false, false) => format!("{whole}.{fraction}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The spellings of the corpus are cases in `tests/data/parse/amount/`.

    use proptest::prelude::*;

    /// German digits: `.` between thousands, `,` before the fraction.
    fn german(int: u64, frac: &str) -> String {
        let plain = int.to_string();
        let mut grouped = String::new();
        for (i, ch) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        if frac.is_empty() {
            grouped
        } else {
            format!("{grouped},{frac}")
        }
    }

    proptest! {
        /// Every spelling the issue lists, with random values: the value in units and the
        /// approximate flag come back exact.
        #[test]
        fn any_spelling_reads_back(
            int in 0u64..1_000_000,
            frac in "[0-9]{0,2}",
            scale in 0usize..4,
            marker in 0usize..7,
            currency in 0usize..4,
            before in "(Mittel in Höhe von|Insgesamt werden dafür|Bis Ende 2021 stehen|Es kostet)",
        ) {
            let (scale_word, exponent) = [("", 0), ("Mio.", 6), ("Millionen", 6), ("Mrd.", 9)][scale];
            prop_assume!(!scale_word.is_empty() || currency != 0);
            let markers = ["", "rund ", "rd. ", "ca. ", "etwa ", "circa ", "ungefähr "];
            let cur = ["", "€", "Euro", "EUR"][currency];
            let text = format!(
                "{before} {}{} {scale_word} {cur} zur Verfügung.",
                markers[marker],
                german(int, &frac)
            );
            let got = amounts(&text);
            prop_assert_eq!(got.len(), 1, "{}", text);
            // The expected value, computed apart: integer part and fraction scaled as digits.
            let frac_digits = frac.len();
            let mut units: u128 = u128::from(int) * 10u128.pow(exponent as u32);
            let mut divisor: u128 = 1;
            if frac_digits > 0 {
                let f: u128 = frac.parse().unwrap();
                units = units * 10u128.pow(frac_digits as u32) + f * 10u128.pow(exponent as u32);
                divisor = 10u128.pow(frac_digits as u32);
            }
            let want = if units.is_multiple_of(divisor) {
                (units / divisor).to_string()
            } else {
                let w = format!("{}.{:0width$}", units / divisor, units % divisor, width = frac_digits);
                w.trim_end_matches('0').to_owned()
            };
            prop_assert_eq!(&got[0].value, &want, "{}", text);
            prop_assert_eq!(got[0].approximate, marker != 0, "{}", text);
            prop_assert_eq!(got[0].currency, (currency != 0).then_some("EUR"), "{}", text);
        }
    }
}
