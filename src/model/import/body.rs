//! The plan's body, line by line: each heading opens its node (closing what it ends), each
//! paragraph becomes a node under the innermost open one, kinds and ids as the seed's.

use std::collections::{HashMap, HashSet};

use super::headings::{Heading, Numbering, correct, heading, lead_phrase};
use super::{Curation, ImportError, ImportWarning, Lines};
use crate::model::places::Places;
use crate::model::plan::{AppliedCorrection, Node, NodeKind};

pub(super) struct Builder {
    pub(super) nodes: Vec<Node>,
    pub(super) ids: HashSet<String>,
    /// Per wanted id, the next suffix to try: many same-titled items stay linear.
    pub(super) next_suffix: HashMap<String, usize>,
    /// Per parent, how many paragraphs (non-heading nodes) it has so far.
    pub(super) paragraphs: HashMap<Option<String>, usize>,
    pub(super) places: Option<Places>,
}

impl Builder {
    fn unique_id(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let n = self.next_suffix.entry(wanted.clone()).or_insert(2);
        while self.ids.contains(&id) {
            id = format!("{wanted}_{n}");
            *n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn push(
        &mut self,
        id: String,
        parent: Option<String>,
        kind: NodeKind,
        number: String,
        title: String,
        text: String,
        line: usize,
        corrections: Vec<AppliedCorrection>,
    ) -> String {
        let id = self.unique_id(id);
        if !kind.is_heading() {
            *self.paragraphs.entry(parent.clone()).or_insert(0) += 1;
        }
        let tags = self.places.as_ref().map(|p| p.tag(&text)).unwrap_or_default();
        self.nodes.push(Node {
            id: id.clone(),
            parent,
            kind,
            number,
            title,
            text,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            cities: tags.cities,
            regions: tags.regions,
            corrections,
            boundary: String::new(),
        });
        id
    }

    /// Id for the next paragraph under `parent`: `PARENT.K` with K counting its paragraphs.
    pub(super) fn paragraph_id(&self, parent: Option<&str>) -> String {
        let prefix = parent.unwrap_or("p");
        let k = self.paragraphs.get(&parent.map(str::to_string)).copied().unwrap_or(0) + 1;
        format!("{prefix}.{k}")
    }
}

/// Where the parser stands in the hierarchy: the open node of each level.
#[derive(Default)]
pub(super) struct Open {
    pub(super) part: Option<String>,
    pub(super) chapter: Option<String>,
    pub(super) section: Option<String>,
    pub(super) subsection: Option<String>,
    pub(super) boxed: Option<String>,
    /// Paragraphs the open box still holds when its end was curated.
    pub(super) box_room: Option<usize>,
}

impl Open {
    pub(super) fn innermost(&self) -> Option<String> {
        self.boxed
            .clone()
            .or_else(|| self.subsection.clone())
            .or_else(|| self.section.clone())
            .or_else(|| self.chapter.clone())
            .or_else(|| self.part.clone())
    }

    pub(super) fn innermost_heading(&self) -> Option<String> {
        self.subsection
            .clone()
            .or_else(|| self.section.clone())
            .or_else(|| self.chapter.clone())
            .or_else(|| self.part.clone())
    }
}

impl Builder {
    pub(super) fn new(places: Option<Places>) -> Self {
        Builder {
            nodes: Vec::new(),
            ids: HashSet::new(),
            next_suffix: HashMap::new(),
            paragraphs: HashMap::new(),
            places,
        }
    }
}

/// The body after the front matter: every heading and paragraph, in order, into `builder`.
pub(super) fn read_body(
    lines: &mut Lines,
    builder: &mut Builder,
    curation: &Curation,
    warnings: &mut Vec<ImportWarning>,
) -> Result<(), ImportError> {
    let mut numbering = Numbering::default();
    let mut open = Open::default();
    let mut preamble_count = 0;
    // The paragraph a following `--` sub-item expands (`大力发展稀土功能材料` and its nine
    // `--稀土磁性材料…`): the sub-items nest under it, not beside it.
    let mut expanded: Option<String> = None;
    while let Some((line_no, raw)) = lines.next_non_empty() {
        let (line, fixes) = correct(&raw, &curation.corrections);
        if line.starts_with("●专栏") && heading(&line).is_none() {
            let message = "a 专栏 heading without a number: read as a paragraph".to_string();
            warnings.push(ImportWarning { line: line_no, message });
        }
        if let Some((h, number, title)) = heading(&line) {
            if let Some(message) = numbering.next(&h) {
                warnings.push(ImportWarning { line: line_no, message });
            }
            let found = Found { line_no, number, title, text: line, fixes };
            open_heading(builder, &mut open, curation, h, found)?;
            expanded = None;
            continue;
        }
        // A box whose curated number of entries is reached ends here.
        if open.box_room == Some(0) {
            open.boxed = None;
            open.box_room = None;
            expanded = None;
        }
        if let Some(room) = &mut open.box_room {
            *room -= 1;
        }
        let dashed = line.starts_with("--");
        let parent = if dashed { expanded.clone().or_else(|| open.innermost()) } else { open.innermost() };
        let lead = lead_phrase(&line).map(str::to_string);
        let kind = match (&lead, open.boxed.is_some(), dashed) {
            _ if parent.is_none() => NodeKind::Preamble,
            (_, true, _) | (_, _, true) => NodeKind::Item,
            (Some(l), false, _) if l == "总体要求" => NodeKind::Overview,
            (Some(_), false, _) => NodeKind::Task,
            (None, _, _) => NodeKind::Paragraph,
        };
        let id = if parent.is_none() {
            preamble_count += 1;
            if preamble_count == 1 { "preamble".to_string() } else { format!("preamble{preamble_count}") }
        } else {
            builder.paragraph_id(parent.as_deref())
        };
        if !dashed {
            expanded = parent.is_some().then(|| id.clone());
        }
        builder.push(id, parent, kind, String::new(), lead.unwrap_or_default(), line, line_no, fixes);
    }
    if let Some(room) = open.box_room.filter(|&r| r > 0) {
        return Err(ImportError {
            line: 0,
            message: format!("a curated box end asks for {room} more entries than the last box holds"),
        });
    }
    Ok(())
}

/// A heading line as found.
struct Found {
    line_no: usize,
    number: String,
    title: String,
    text: String,
    fixes: Vec<AppliedCorrection>,
}

/// Opens heading `h`'s node under the innermost heading it belongs in, closing the levels it
/// ends.
fn open_heading(
    builder: &mut Builder,
    open: &mut Open,
    curation: &Curation,
    h: Heading,
    found: Found,
) -> Result<(), ImportError> {
    if let Some(room) = open.box_room.take().filter(|&r| r > 0) {
        return Err(ImportError {
            line: found.line_no,
            message: format!("a curated box end asks for {room} more entries than the box holds"),
        });
    }
    let under = |parent: Option<String>, local: String, kind: NodeKind| {
        (format!("{}{local}", parent.as_deref().map(|p| format!("{p}.")).unwrap_or_default()), kind, parent)
    };
    let (id, kind, parent) = match h {
        Heading::Part(n) => {
            *open = Open::default();
            (format!("pt{n}"), NodeKind::Part, None)
        }
        Heading::Chapter(n) => {
            (open.chapter, open.section, open.subsection, open.boxed) = (None, None, None, None);
            (format!("ch{n}"), NodeKind::Chapter, open.part.clone())
        }
        Heading::Section(n) => {
            (open.section, open.subsection, open.boxed) = (None, None, None);
            under(open.innermost_heading(), format!("s{n}"), NodeKind::Section)
        }
        Heading::Subsection(n) => {
            (open.subsection, open.boxed) = (None, None);
            under(open.innermost_heading(), format!("ss{n}"), NodeKind::Subsection)
        }
        Heading::Box(n) => {
            open.boxed = None;
            (format!("box{n}"), NodeKind::Box, open.innermost_heading())
        }
    };
    let Found { line_no, number, title, text, fixes } = found;
    let id = builder.push(id, parent, kind, number, title, text, line_no, fixes);
    match h {
        Heading::Part(_) => open.part = Some(id),
        Heading::Chapter(_) => open.chapter = Some(id),
        Heading::Section(_) => open.section = Some(id),
        Heading::Subsection(_) => open.subsection = Some(id),
        Heading::Box(n) => {
            let end = curation.box_ends.iter().find(|e| e.number == n);
            if let (Some(end), Some(node)) = (end, builder.nodes.last_mut()) {
                node.boundary = end.reason.clone();
            }
            open.box_room = end.map(|e| e.items);
            open.boxed = Some(id);
        }
    }
    Ok(())
}
