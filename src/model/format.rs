//! Numbers as text, in one place: [`number`] for people (charts, tables, captions, CSV a
//! person opens), [`exact`] for machine-readable output that must round-trip.

/// A value for people: at most four decimals, no trailing zeros (`2.2`, `136.06`, `1000`).
pub fn number(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A value as stored: whole numbers without a fraction, everything else at full precision,
/// so a value written by the command line reads back unchanged.
pub fn exact(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { format!("{v}") }
}

/// A value with its unit, or the word for a gap.
pub fn with_unit(v: Option<f64>, unit: &str, missing: &str) -> String {
    match v {
        Some(v) if unit.is_empty() => number(v),
        Some(v) => format!("{} {unit}", number(v)),
        None => missing.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_see_at_most_four_decimals_and_no_trailing_zeros() {
        assert_eq!(number(2.2), "2.2");
        assert_eq!(number(136.06), "136.06");
        assert_eq!(number(1000.0), "1000");
        assert_eq!(number(1.23456), "1.2346");
    }

    #[test]
    fn exact_output_round_trips() {
        for v in [0.1 + 0.2, 1e-7, 63.72966, 150.0] {
            assert_eq!(exact(v).parse::<f64>().unwrap(), v);
        }
        assert_eq!(exact(150.0), "150");
    }

    #[test]
    fn a_gap_is_named_not_zero() {
        assert_eq!(with_unit(None, "亿元", "未公布"), "未公布");
        assert_eq!(with_unit(Some(3.0), "亿元", "未公布"), "3 亿元");
    }
}
