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

/// A prepared search over one plan: lower-cased copies are made once, not per query, and
/// every title and every text is joined into one corpus (nodes apart by a NUL, which no query
/// holds), so a query is one SIMD substring scan (memchr's `memmem`) over all of them instead
/// of one scan per node.
pub struct SearchIndex {
    titles: Corpus,
    texts: Corpus,
    numbers: Vec<String>,
    ids: Vec<String>,
}

/// Texts joined with NUL between them, and where each starts.
struct Corpus {
    joined: String,
    starts: Vec<usize>,
}

impl Corpus {
    fn new<'a>(parts: impl Iterator<Item = &'a str>) -> Corpus {
        let mut joined = String::new();
        let mut starts = Vec::new();
        for part in parts {
            starts.push(joined.len());
            joined.push_str(&fold(part));
            joined.push('\0');
        }
        Corpus { joined, starts }
    }

    /// Every non-overlapping occurrence of `needle`: (node, char range within the node).
    fn find(&self, needle: &str) -> Vec<(usize, (usize, usize))> {
        // A NUL would match across two nodes.
        if needle.is_empty() || needle.contains('\0') {
            return Vec::new();
        }
        let needle_chars = needle.chars().count();
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut out = Vec::new();
        // The node of the last match, its start, and the chars counted up to `counted`.
        let mut node = 0;
        let mut counted = (0usize, 0usize);
        let mut after = 0;
        while let Some(pos) = finder.find(self.joined.as_bytes().get(after..).unwrap_or_default()).map(|p| p + after) {
            let k = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
            if k != node || out.is_empty() {
                node = k;
                counted = (self.starts.get(k).copied().unwrap_or(0), 0);
            }
            // Char offsets from the node's start, counted on from the previous match.
            let chars = counted.1 + self.joined.get(counted.0..pos).map_or(0, |s| s.chars().count());
            out.push((node, (chars, chars + needle_chars)));
            after = pos + needle.len();
            counted = (after, chars + needle_chars);
        }
        out
    }
}

impl SearchIndex {
    pub fn new(plan: &Plan) -> Self {
        SearchIndex {
            titles: Corpus::new(plan.nodes.iter().map(|n| n.title.as_str())),
            texts: Corpus::new(plan.nodes.iter().map(|n| n.text.as_str())),
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
        let mut hits: Vec<Hit> = Vec::new();
        // Hits arrive in node order from each scan; `at[node]` finds a node's hit.
        let mut at: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut hit_of = |node: usize, hits: &mut Vec<Hit>| -> usize {
            *at.entry(node).or_insert_with(|| {
                hits.push(Hit { node, score: 0, title_hits: Vec::new(), text_hits: Vec::new() });
                hits.len() - 1
            })
        };
        for (i, (id, number)) in self.ids.iter().zip(&self.numbers).enumerate() {
            let mut score = 0;
            if *id == q {
                score += 10_000;
            }
            if !number.is_empty() && (*number == q || number.trim_end_matches('、') == q) {
                score += 5_000;
            }
            if score > 0 {
                let k = hit_of(i, &mut hits);
                hits[k].score += score;
            }
        }
        for (node, range) in self.titles.find(&q) {
            let k = hit_of(node, &mut hits);
            hits[k].title_hits.push(range);
            hits[k].score += 100;
        }
        for (node, range) in self.texts.find(&q) {
            let k = hit_of(node, &mut hits);
            hits[k].text_hits.push(range);
            hits[k].score += 1;
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
    fn the_joined_corpus_finds_what_a_scan_of_each_node_finds() {
        // Matches at a node's start and end, several in one node, none across two nodes.
        let texts = ["稀土稀土", "r&d 稀", "土", "", "ab稀土c稀土"];
        let corpus = Corpus::new(texts.iter().copied());
        let expected: Vec<(usize, (usize, usize))> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| find_all(&fold(t), "稀土").into_iter().map(move |r| (i, r)))
            .collect();
        assert_eq!(corpus.find("稀土"), expected);
        assert_eq!(corpus.find("稀土"), vec![(0, (0, 2)), (0, (2, 4)), (4, (2, 4)), (4, (5, 7))]);
        assert!(corpus.find("稀\0土").is_empty() && corpus.find("稀土土").is_empty());
        assert_eq!(corpus.find("r&d"), vec![(1, (0, 3))]);
    }

    proptest::proptest! {
        /// On any texts over a small alphabet (so matches are frequent, also back to back and
        /// at node edges), the joined scan finds exactly what scanning each node finds.
        #[test]
        fn the_joined_scan_equals_a_scan_per_node(
            texts in proptest::collection::vec("[稀土aA\\n]{0,12}", 0..8),
            needle in "[稀土a]{1,3}",
        ) {
            let corpus = Corpus::new(texts.iter().map(String::as_str));
            let expected: Vec<(usize, (usize, usize))> = texts
                .iter()
                .enumerate()
                .flat_map(|(i, t)| find_all(&fold(t), &needle).into_iter().map(move |r| (i, r)))
                .collect();
            proptest::prop_assert_eq!(corpus.find(&needle), expected);
        }
    }

    #[test]
    fn snippet_marks_cuts() {
        assert_eq!(snippet("一二三四五六七八九十", Some((5, 6)), 4), "…五六七八…");
        assert_eq!(snippet("短", None, 10), "短");
    }
}
