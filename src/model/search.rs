//! Search over the plan: by id, by number label (`第十三章`, `专栏45`), and as a substring of
//! titles and full text (Chinese included; ASCII letters match either case).

use super::plan::Plan;

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub node: usize,
    pub score: u32,
    /// Matches in the title and text, as char ranges.
    pub title_hits: Vec<(usize, usize)>,
    pub text_hits: Vec<(usize, usize)>,
}

/// A prepared search over one plan: lower-cased copies are made once, not per query.
pub struct SearchIndex {
    titles: Vec<String>,
    texts: Vec<String>,
    numbers: Vec<String>,
    ids: Vec<String>,
}

/// ASCII-only lower-casing keeps byte offsets (and so char offsets) unchanged.
fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Char ranges of every occurrence of `needle` in `hay` (non-overlapping).
pub fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let needle_chars = needle.chars().count();
    let mut out = Vec::new();
    let mut byte = 0;
    let mut chars = 0;
    while let Some(pos) = hay[byte..].find(needle) {
        chars += hay[byte..byte + pos].chars().count();
        out.push((chars, chars + needle_chars));
        chars += needle_chars;
        byte += pos + needle.len();
    }
    out
}

impl SearchIndex {
    pub fn new(plan: &Plan) -> Self {
        SearchIndex {
            titles: plan.nodes.iter().map(|n| fold(&n.title)).collect(),
            texts: plan.nodes.iter().map(|n| fold(&n.text)).collect(),
            numbers: plan.nodes.iter().map(|n| fold(&n.number)).collect(),
            ids: plan.nodes.iter().map(|n| fold(&n.id)).collect(),
        }
    }

    /// Matching nodes, best first: exact id or number, then title hits, then text hits.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for i in 0..self.texts.len() {
            let mut score = 0;
            if self.ids[i] == q {
                score += 10_000;
            }
            if !self.numbers[i].is_empty() && (self.numbers[i] == q || self.numbers[i].trim_end_matches('、') == q) {
                score += 5_000;
            }
            let title_hits = find_all(&self.titles[i], &q);
            let text_hits = find_all(&self.texts[i], &q);
            score += 100 * title_hits.len() as u32 + text_hits.len() as u32;
            if score > 0 {
                hits.push(Hit { node: i, score, title_hits, text_hits });
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.node.cmp(&b.node)));
        hits
    }
}

/// About `width` chars of `text` around the char range `hit`, with ellipses where cut.
pub fn snippet(text: &str, hit: Option<(usize, usize)>, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = hit.unwrap_or((0, 0));
    let from = start.saturating_sub(width / 3).min(chars.len());
    let to = (from + width).max(end).min(chars.len());
    let mut s: String = chars[from..to].iter().collect();
    if from > 0 {
        s.insert(0, '…');
    }
    if to < chars.len() {
        s.push('…');
    }
    s.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_counts_chars_not_bytes() {
        assert_eq!(find_all("稀土和稀土", "稀土"), vec![(0, 2), (3, 5)]);
        assert_eq!(find_all("R&D经费", "r&d"), Vec::<(usize, usize)>::new());
        assert_eq!(find_all(&fold("R&D经费"), "r&d"), vec![(0, 3)]);
        assert!(find_all("abc", "").is_empty());
    }

    #[test]
    fn snippet_marks_cuts() {
        assert_eq!(snippet("一二三四五六七八九十", Some((5, 6)), 4), "…五六七八…");
        assert_eq!(snippet("短", None, 10), "短");
    }
}
