//! What every SVG drawing shares (charts, slides, maps): rectangles, the width of a text
//! without a font engine, wrapping, escaping, nesting one drawing in another, and the font
//! every export names.

/// The font every export names; the PNG and PDF renderers load the embedded font under it.
pub const FONT_FAMILY: &str = "Noto Sans CJK SC";

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
}

/// How wide `text` is at font size 1 (CJK and full-width characters 1 em, the rest about
/// half): good enough to lay out labels without a font engine.
pub fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if (c as u32) < 0x2E80 { if c.is_ascii_uppercase() { 0.65 } else { 0.55 } } else { 1.0 }).sum()
}

/// `text` broken into lines no wider than `max` ems (at any character; Chinese has no spaces).
pub fn wrap(text: &str, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0.0;
        for c in paragraph.chars() {
            let w = text_width(&c.to_string());
            // Closing punctuation never starts a line (it may stick out a little instead).
            let closing = "）)】」』，。、：；！？,.;:!?%".contains(c);
            if width + w > max && !line.is_empty() && !closing {
                // Break Latin text at its last space where there is one.
                match line.rfind(' ').filter(|_| c.is_ascii_alphanumeric()) {
                    Some(at) if at > 0 => {
                        let rest = line.split_off(at);
                        lines.push(std::mem::take(&mut line));
                        line = rest.trim_start().to_string();
                        width = text_width(&line);
                    }
                    _ => {
                        lines.push(std::mem::take(&mut line));
                        width = 0.0;
                    }
                }
            }
            line.push(c);
            width += w;
        }
        lines.push(line);
    }
    lines
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `svg` (a whole SVG document with a viewBox) as an element filling the box at `x`, `y` of
/// `w` × `h`, proportions kept and centred.
pub fn nested(svg: &str, x: f64, y: f64, w: f64, h: f64) -> String {
    let Some(open_end) = svg.find('>') else { return String::new() };
    let open = &svg[..open_end];
    let view_box = open
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|vb| format!(" viewBox=\"{vb}\""))
        .unwrap_or_default();
    format!(
        "<svg x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\"{view_box} preserveAspectRatio=\"xMidYMid meet\">{}",
        &svg[open_end + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_wraps_at_any_character_and_latin_at_spaces() {
        assert_eq!(wrap("研发经费投入强度", 4.0), vec!["研发经费", "投入强度"]);
        assert_eq!(wrap("the straight path", 5.0), vec!["the", "straight", "path"]);
    }
}
