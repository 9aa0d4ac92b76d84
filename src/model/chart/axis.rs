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

/// The largest magnitude an axis is drawn to: a value beyond it (1e308 亿元) is no statistic,
/// and would overflow the axis's arithmetic. Loading refuses such values; the axis ignores
/// them all the same, so that no spec ever holds a broken axis.
pub const MAX_CHART_VALUE: f64 = 1e15;
/// The smallest positive value a log axis goes down to.
pub const MIN_LOG_VALUE: f64 = 1e-12;

fn drawable(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_CHART_VALUE
}

/// The smallest step of the form 1, 2 or 5 × 10ᵏ that cuts `span` into at most `max_steps`.
pub fn nice_step(span: f64, max_steps: usize) -> f64 {
    let raw = span / max_steps.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0].iter().map(|m| m * magnitude).find(|&s| s >= raw * (1.0 - 1e-9)).unwrap_or(10.0 * magnitude)
}

/// A linear axis over `values`: from zero (or the nice step below a negative minimum) to the
/// nice step at or above the maximum, ticked every nice step.
pub fn linear_axis(unit: &str, values: impl Iterator<Item = f64>) -> Axis {
    let (lo, hi) = values.filter(|v| drawable(*v)).fold((0.0f64, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
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
        .filter(|v| drawable(*v) && *v >= MIN_LOG_VALUE)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return None;
    }
    let first = lo.log10().floor() as i32;
    // The candidates run a decade past `last`, so a single value on a power of ten has room.
    let last = hi.log10().ceil() as i32;
    let mantissas: &[f64] = if last - first > 3 { &[1.0] } else { &[1.0, 2.0, 5.0] };
    // Over many decades, every n-th decade: at most about eight ticks, each readable.
    let every = usize::try_from((last - first + 1).div_euclid(8) + 1).unwrap_or(1);
    let mut candidates = Vec::new();
    for k in (first..=last + 1).step_by(every) {
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

    fn approx(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-9 * y.abs().max(1.0))
    }

    /// The smallest of 1, 2, 5 × 10ᵏ that cuts the span into at most the given number of steps;
    /// a span that cannot be cut (none, negative, not a number) steps by 1.
    #[test]
    fn nice_steps_worked_by_hand() {
        assert_eq!(nice_step(10.0, 6), 2.0);
        assert_eq!(nice_step(12.0, 6), 2.0, "exactly six steps of 2");
        assert_eq!(nice_step(60.0, 6), 10.0);
        assert_eq!(nice_step(7.0, 1), 10.0);
        assert_eq!(nice_step(100.0, 0), 100.0, "no steps asked: one");
        assert!((nice_step(0.3, 6) - 0.05).abs() < 1e-12);
        for span in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            assert_eq!(nice_step(span, 6), 1.0, "{span}");
        }
    }

    /// Linear axes worked by hand: 4 % headroom above the maximum, zero the bottom unless a value
    /// is negative, ticks rounded to the step (0.1 × 3 is 0.3), values that are not numbers
    /// ignored.
    #[test]
    fn linear_axes_worked_by_hand() {
        let axis = |values: &[f64]| {
            let a = linear_axis("u", values.iter().copied());
            (a.min, a.max, a.ticks)
        };
        assert_eq!(axis(&[12.0, 55.0]), (0.0, 60.0, vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]));
        assert_eq!(axis(&[-3.0, 8.0]), (-4.0, 10.0, vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0]));
        assert_eq!(axis(&[0.1, 0.3]), (0.0, 0.4, vec![0.0, 0.1, 0.2, 0.3, 0.4]));
        assert_eq!(axis(&[f64::NAN, f64::INFINITY, 5.0]), (0.0, 6.0, vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]));
        assert_eq!(axis(&[1000.0, 1010.0]).2, vec![0.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0]);
        // Only negative values: the top is the step at or above the maximum with its headroom
        // (−2 + 8 × 4 % = −1.68 → 0; −5 + 5 × 4 % = −4.8 → −4), not necessarily zero.
        assert_eq!(axis(&[-10.0, -2.0]), (-10.0, 0.0, vec![-10.0, -8.0, -6.0, -4.0, -2.0, 0.0]));
        assert_eq!(axis(&[-10.0, -5.0]), (-10.0, -4.0, vec![-10.0, -9.0, -8.0, -7.0, -6.0, -5.0, -4.0]));
        // No value at all: 0 to 1 with headroom, in steps of 0.2.
        assert_eq!(axis(&[]), (0.0, 1.2, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2]));
        // Only zeros: the same (an axis needs a span).
        assert_eq!(axis(&[0.0, 0.0]), (0.0, 1.2, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2]));
        assert_eq!(linear_axis("亿元", [1.0].into_iter()).unit, "亿元");
    }

    /// Log axes worked by hand: 1-2-5 ticks up to three decades, decades only beyond.
    #[test]
    fn log_axes_worked_by_hand() {
        let axis = |values: &[f64]| log_axis("u", values.iter().copied()).expect("positive values");
        let a = axis(&[3.0, 70.0]);
        assert_eq!((a.min, a.max, a.scale), (2.0, 100.0, Scale::Log));
        assert!(approx(&a.ticks, &[2.0, 5.0, 10.0, 20.0, 50.0, 100.0]), "{:?}", a.ticks);
        let a = axis(&[5.0]);
        assert!(approx(&a.ticks, &[5.0, 10.0]), "{:?}", a.ticks);
        // Two decades from 20: 1-2-5 ticks (the decade count is last − first, not from 1).
        let a = axis(&[20.0, 500.0]);
        assert!(approx(&a.ticks, &[20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]), "{:?}", a.ticks);
        // Below one: shares of a hundredth.
        let a = axis(&[0.02, 0.07]);
        assert!(approx(&a.ticks, &[0.02, 0.05, 0.1]), "{:?}", a.ticks);
        let a = axis(&[10.0]);
        assert!(approx(&a.ticks, &[10.0, 20.0]), "{:?}", a.ticks);
        // 4 % headroom above the maximum: 98 needs 200.
        let a = axis(&[3.0, 98.0]);
        assert!(approx(&a.ticks, &[2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0]), "{:?}", a.ticks);
        // Decades only, and the top decade past the last one the data reach.
        let a = axis(&[1.0, 9900.0]);
        assert!(approx(&a.ticks, &[1.0, 10.0, 100.0, 1e3, 1e4, 1e5]), "{:?}", a.ticks);
        let a = axis(&[1.0, 1000.0]);
        assert!(
            approx(&a.ticks, &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0]),
            "{:?}",
            a.ticks
        );
        let a = axis(&[1.0, 10_000.0]);
        assert!(approx(&a.ticks, &[1.0, 10.0, 100.0, 1e3, 1e4, 1e5]), "{:?}", a.ticks);
        let a = axis(&[0.5, 20_000.0, -3.0, 0.0, f64::NAN]);
        assert!(approx(&a.ticks, &[0.1, 1.0, 10.0, 100.0, 1e3, 1e4, 1e5]), "{:?}", a.ticks);
        assert!(approx(&[a.min, a.max], &[0.1, 1e5]));
    }

    /// Where a value falls on the axis, 0 at the bottom and 1 at the top; nothing for what a
    /// scale cannot show.
    #[test]
    fn fractions_along_linear_and_log_axes() {
        let linear = Axis { min: 0.0, max: 10.0, ..Axis::default() };
        assert_eq!(linear.fraction(2.5), Some(0.25));
        let raised = Axis { min: 10.0, max: 20.0, ..Axis::default() };
        assert_eq!(raised.fraction(15.0), Some(0.5));
        assert_eq!(raised.fraction(10.0), Some(0.0));
        assert_eq!(linear.fraction(-5.0), Some(-0.5));
        assert_eq!(linear.fraction(f64::NAN), None);
        let log = Axis { scale: Scale::Log, min: 1.0, max: 100.0, ..Axis::default() };
        assert!((log.fraction(10.0).expect("10") - 0.5).abs() < 1e-12);
        let decades = Axis { scale: Scale::Log, min: 10.0, max: 1000.0, ..Axis::default() };
        assert!((decades.fraction(100.0).expect("100") - 0.5).abs() < 1e-12);
        assert_eq!(log.fraction(0.0), None);
        assert_eq!(log.fraction(-1.0), None);
        assert_eq!(Axis { min: 0.0, ..log.clone() }.fraction(10.0), None);
        assert_eq!(Axis { min: 5.0, max: 5.0, ..Axis::default() }.fraction(5.0), None);
    }

    #[test]
    fn nice_steps_are_recognised_at_any_power_of_ten() {
        for step in [0.001, 0.5, 2.0, 10.0, 20.0, 5e6] {
            assert!(is_nice_step(step), "{step}");
        }
        for step in [2.5, 7.0, 0.03, -1.0, f64::NAN, f64::INFINITY] {
            assert!(!is_nice_step(step), "{step}");
        }
    }
}
