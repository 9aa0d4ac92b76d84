//! What a line of plan text is: a heading (篇, 章, 一、, （一）, ●专栏N) with its number and title,
//! a paragraph's lead phrase, the corrections that apply to it; and the numbering that notices
//! headings out of order.

use crate::model::plan::{AppliedCorrection, CorrectionRule};

/// The last number seen at each heading level, to notice headings out of order. Chapters
/// and boxes are numbered through the whole plan; sections within their chapter (or part),
/// subsections within their section.
#[derive(Default)]
pub(super) struct Numbering {
    part: u32,
    chapter: u32,
    section: u32,
    subsection: u32,
    boxed: u32,
}

impl Numbering {
    /// Records heading `h`; says so when it is not the one after the last of its level.
    pub(super) fn next(&mut self, h: &Heading) -> Option<String> {
        let (last, n, what) = match *h {
            Heading::Part(n) => {
                (self.section, self.subsection) = (0, 0);
                (&mut self.part, n, "篇")
            }
            Heading::Chapter(n) => {
                (self.section, self.subsection) = (0, 0);
                (&mut self.chapter, n, "章")
            }
            Heading::Section(n) => {
                self.subsection = 0;
                (&mut self.section, n, "节 (一、二、…)")
            }
            Heading::Subsection(n) => (&mut self.subsection, n, "小节 (（一）（二）…)"),
            Heading::Box(n) => (&mut self.boxed, n, "专栏"),
        };
        let expected = *last + 1;
        *last = n;
        (n != expected).then(|| format!("{what} {n} follows {} (expected {expected})", expected - 1))
    }
}

/// A heading recognised at the start of a line.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Heading {
    Part(u32),
    Chapter(u32),
    Section(u32),
    Subsection(u32),
    Box(u32),
}

/// Value of a Chinese numeral up to 99 (`一`, `十`, `十三`, `二十五`).
pub(super) fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

pub(super) fn is_numeral(c: char) -> bool {
    "零一二三四五六七八九十".contains(c)
}

/// Splits `第N篇　TITLE` into (N, number label, title).
pub(super) fn split_ordinal(line: &str, marker: char) -> Option<(u32, &str, &str)> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find(marker)?;
    let n = chinese_number(&rest[..end])?;
    let label_len = '第'.len_utf8() + end + marker.len_utf8();
    let title = line[label_len..].trim_matches(is_blank);
    Some((n, &line[..label_len], title))
}

pub(super) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Recognises a heading line; returns it with its number label and title.
pub(super) fn heading(line: &str) -> Option<(Heading, String, String)> {
    if let Some((n, label, title)) = split_ordinal(line, '篇') {
        return Some((Heading::Part(n), label.into(), title.into()));
    }
    if let Some((n, label, title)) = split_ordinal(line, '章') {
        return Some((Heading::Chapter(n), label.into(), title.into()));
    }
    // Section and subsection headings are short and hold no full stop.
    if line.contains('。') || line.chars().count() > 40 {
        return None;
    }
    if let Some(pos) = line.find('、') {
        let numeral = &line[..pos];
        if !numeral.is_empty() && numeral.chars().all(is_numeral) {
            let n = chinese_number(numeral)?;
            let label = &line[..pos + '、'.len_utf8()];
            return Some((Heading::Section(n), label.into(), line[label.len()..].trim_matches(is_blank).into()));
        }
    }
    if let Some(rest) = line.strip_prefix('（')
        && let Some(pos) = rest.find('）')
    {
        let n = chinese_number(&rest[..pos])?;
        let label_len = '（'.len_utf8() + pos + '）'.len_utf8();
        return Some((
            Heading::Subsection(n),
            line[..label_len].into(),
            line[label_len..].trim_matches(is_blank).into(),
        ));
    }
    if let Some(rest) = line.strip_prefix("●专栏") {
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let n: u32 = digits.parse().ok()?;
        let title = rest[digits.len()..].trim_matches(is_blank);
        return Some((Heading::Box(n), format!("专栏{n}"), title.into()));
    }
    None
}

/// The lead phrase that opens a paragraph (`玉米。…` → `玉米`): the first sentence, when it is
/// short and has no clause punctuation.
pub(super) fn lead_phrase(paragraph: &str) -> Option<&str> {
    let body = paragraph.strip_prefix("--").unwrap_or(paragraph);
    let end = body.find('。')?;
    let lead = &body[..end];
    let short = (1..=40).contains(&lead.chars().count());
    (short && !lead.contains(['，', '；', '：', ','])).then_some(lead)
}

/// Applies the correction rules to one line; returns the new line and what was changed.
pub(super) fn correct(line: &str, rules: &[CorrectionRule]) -> (String, Vec<AppliedCorrection>) {
    let mut text = line.to_string();
    let mut applied: Vec<AppliedCorrection> = Vec::new();
    for rule in rules.iter().filter(|r| !r.find.is_empty()) {
        let original = format!("{}{}", rule.find, rule.followed_by);
        let corrected = format!("{}{}", rule.replace, rule.followed_by);
        if text.contains(&original) {
            text = text.replace(&original, &corrected);
            applied.push(AppliedCorrection { original, corrected, reason: rule.reason.clone() });
        }
    }
    (text, applied)
}

/// Plan period from a title such as `…“十三五”…`: from the 6th on (1981–1985), the Nth
/// five-year plan starts in 1951 + 5N.
pub(super) fn period_from_title(title: &str) -> Option<(u16, u16)> {
    let start = title.find('十')?;
    let rest = &title[start..];
    let end = rest.find('五')?;
    let n = chinese_number(&rest[..end])?;
    if n < 6 {
        return None;
    }
    let first = 1951 + 5 * n as u16;
    Some((first, first + 4))
}
