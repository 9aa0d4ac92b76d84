//! Value axes: a range that starts at zero unless the data say otherwise, and "nice" ticks on
//! 1-2-5 steps, for a linear or a logarithmic scale.

use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    #[default]
    Linear,
    Log,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Axis {
    /// The unit every value on this axis is in (one unit per axis).
    pub unit: String,
    pub scale: Scale,
    pub min: f64,
    pub max: f64,
    /// Where grid lines and labels go, in data units, ascending.
    pub ticks: Vec<f64>,
}

impl Axis {
    /// Where `value` falls between `min` (0) and `max` (1) on this axis's scale; `None` for a
    /// value a log axis cannot show.
    pub fn fraction(&self, value: f64) -> Option<f64> {
        let (lo, hi, v) = match self.scale {
            Scale::Linear => (self.min, self.max, value),
            Scale::Log if value > 0.0 && self.min > 0.0 => (self.min.log10(), self.max.log10(), value.log10()),
            Scale::Log => return None,
        };
        (hi > lo && v.is_finite()).then(|| (v - lo) / (hi - lo))
    }
}

/// The smallest step of the form 1, 2 or 5 × 10ᵏ that cuts `span` into at most `max_steps`.
pub fn nice_step(span: f64, max_steps: usize) -> f64 {
    let raw = span / max_steps.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&s| s >= raw * (1.0 - 1e-9)).unwrap_or(10.0 * magnitude)
}

/// A linear axis over `values`: from zero (or the nice step below a negative minimum) to the
/// nice step at or above the maximum, ticked every nice step.
pub fn linear_axis(unit: &str, values: impl Iterator<Item = f64>) -> Axis {
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((0.0f64, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let hi = if hi > lo { hi } else { lo + 1.0 };
    // A little headroom, so that a marker at the maximum is never cut by the frame.
    let hi = hi + (hi - lo) * 0.04;
    let step = nice_step(hi - lo, 6);
    let min = (lo / step).floor() * step;
    let max = (hi / step).ceil() * step;
    let count = ((max - min) / step).round() as usize;
    // Rounded to the step's own precision, so that 0.1 × 3 reads 0.3, not 0.30000000000000004.
    let digits = (-step.log10().floor()).max(0.0) as i32 + 1;
    let round = |v: f64| {
        let f = 10f64.powi(digits);
        (v * f).round() / f
    };
    Axis {
        unit: unit.to_string(),
        scale: Scale::Linear,
        min: round(min),
        max: round(max),
        ticks: (0..=count).map(|k| round(min + step * k as f64)).collect(),
    }
}

/// A log axis over the positive `values`, from the decade at or below the minimum to the one at
/// or above the maximum; ticks at 1, 2 and 5 × 10ᵏ (only 10ᵏ over more than three decades).
/// `None` when no value is positive.
pub fn log_axis(unit: &str, values: impl Iterator<Item = f64>) -> Option<Axis> {
    let (lo, hi) = values
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return None;
    }
    let first = lo.log10().floor() as i32;
    let last = (hi.log10().ceil() as i32).max(first + 1);
    let mantissas: &[f64] = if last - first > 3 { &[1.0] } else { &[1.0, 2.0, 5.0] };
    let mut candidates = Vec::new();
    for k in first..=last + 1 {
        for m in mantissas {
            candidates.push(m * 10f64.powi(k));
        }
    }
    // From the last candidate at or below the minimum to the first at or above the maximum
    // with headroom, so that a marker at the maximum is not cut.
    let min = candidates.iter().copied().filter(|&v| v <= lo * (1.0 + 1e-9)).fold(candidates[0], f64::max);
    let max = candidates.iter().copied().find(|&v| v >= hi * 1.04).unwrap_or(10f64.powi(last + 1));
    let ticks: Vec<f64> =
        candidates.into_iter().filter(|&v| v >= min * (1.0 - 1e-9) && v <= max * (1.0 + 1e-9)).collect();
    Some(Axis { unit: unit.to_string(), scale: Scale::Log, min, max, ticks })
}

/// Whether `step` is 1, 2 or 5 × 10ᵏ.
pub fn is_nice_step(step: f64) -> bool {
    if !(step.is_finite() && step > 0.0) {
        return false;
    }
    let mantissa = step / 10f64.powf(step.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().any(|m| (mantissa - m).abs() < 1e-6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_axis_starts_at_zero_and_steps_by_a_nice_amount() {
        let axis = linear_axis("%", [0.59, 1.05, 2.38].into_iter());
        assert_eq!(axis.min, 0.0);
        assert_eq!(axis.ticks, vec![0.0, 0.5, 1.0, 1.5, 2.0, 2.5]);
        // A value exactly on a step gets room above it.
        assert_eq!(linear_axis("位", [20.0].into_iter()).max, 25.0);
    }

    #[test]
    fn negative_values_extend_the_axis_below_zero() {
        let axis = linear_axis("%", [-3.2, 7.0].into_iter());
        assert_eq!((axis.min, axis.max), (-4.0, 8.0));
        assert!(axis.ticks.windows(2).all(|w| is_nice_step(w[1] - w[0])));
    }

    #[test]
    fn a_log_axis_spans_1_2_5_steps_around_the_data() {
        let axis = log_axis("亿元", [3.0, 140.0].into_iter()).expect("positive values");
        assert_eq!((axis.min, axis.max), (2.0, 200.0));
        assert_eq!(axis.ticks, vec![2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0]);
        assert_eq!(log_axis("", [0.0, -1.0].into_iter()), None);
    }

    #[test]
    fn steps_of_3_or_4_are_not_nice() {
        assert!(is_nice_step(0.2) && is_nice_step(50.0) && is_nice_step(1.0));
        assert!(!is_nice_step(0.3) && !is_nice_step(4.0) && !is_nice_step(0.0));
    }
}
