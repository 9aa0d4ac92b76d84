//! A table's rows into the scenarios they hold: each row names its scenario (Model,
//! Scenario) and its series; a wide row then gives one value per year column, a long row one
//! year and one value (with that point's own source, quote and formula).

use foldhash::HashMap;

use super::cells::{kind_of, number_of, text, year_of};
use super::names::{Found, Names};
use super::{Draft, Extras, Header, MAX_SCENARIOS, Messages, Role};
use crate::model::diagnostics::{Place, suggestion_zh};
use crate::model::scenario::{Point, Series, SeriesKind, WHOLE_REGION};
use crate::model::tabular::{Grid, Value};

/// What every row of one table is read against.
struct Table<'a> {
    grid: &'a Grid,
    h: &'a Header,
    extras: &'a Extras,
    names: &'a Names,
    /// The file's name, the source of a series that names none.
    file_name: String,
    /// The scenario's name when the table has no Scenario column.
    stem: &'a str,
    in_workbook: bool,
    /// One value per row (Year and Value columns) rather than one column per year.
    long: bool,
}

/// What a row says about its series.
struct RowSeries {
    variable: String,
    indicator: String,
    region: String,
    unit: String,
    kind: SeriesKind,
    model: String,
    scenario: String,
    source: String,
}

/// Reads the rows under header `h` of `grid` into `drafts` (one per Model and Scenario).
#[allow(clippy::too_many_arguments)]
pub(super) fn read_table(
    grid: &Grid,
    h: &Header,
    extras: &Extras,
    names: &Names,
    file: &str,
    stem: &str,
    drafts: &mut Vec<Draft>,
    msgs: &mut Messages,
) {
    let long = h.years.is_empty();
    if long && (h.col(Role::Year).is_none() || h.col(Role::Value).is_none()) {
        msgs.error(
            grid.row_place(h.row),
            "the header has no year columns (2015, 2020 …) and no Year and Value columns".to_string(),
        );
        return;
    }
    for &(r0, c0, r1, c1) in &grid.merged {
        if r1 >= h.row {
            let range = format!(
                "{}{}:{}{}",
                super::super::column_letters(c0),
                r0 + 1,
                super::super::column_letters(c1),
                r1 + 1
            );
            msgs.error(
                grid.place(r0, c0),
                format!("merged cells {range}: every row of a scenario table needs its own cells; unmerge them"),
            );
        }
    }
    // A file's name may hold what a scenario's text may not (a newline): shown escaped.
    let file_name = std::path::Path::new(file).file_name().map_or(file.to_string(), |n| n.to_string_lossy().into());
    let file_name = crate::model::diagnostics::escape_controls(&file_name);
    let table = Table { grid, h, extras, names, file_name, stem, in_workbook: grid.sheet.is_some(), long };
    // (Model, Scenario) → draft, so that finding a row's scenario does not scan them all.
    let mut index: HashMap<(String, String), usize> =
        drafts.iter().enumerate().map(|(k, d)| ((d.model.clone(), d.name.clone()), k)).collect();
    let mut guessed: Option<Place> = None;
    let cutoff = super::names::latest_actual_year();
    // The columns that say which series a row is: a long table's rows of one series come one
    // after another, and a row that repeats the previous one's is read as its next point,
    // without reading the same names again (most of a long table's reading).
    let identity: Vec<u32> = h
        .roles
        .iter()
        .filter(|(role, _)| !matches!(role, Role::Year | Role::Value | Role::Quote | Role::Derived))
        .map(|(_, &col)| col)
        .collect();
    // The previous long row's (row, draft, series, source).
    let mut previous: Option<(u32, usize, usize, String)> = None;
    let last_header_col = grid.row(h.row).filter(|(_, v)| !is_blank(v)).map(|(c, _)| c).max().unwrap_or(0);
    // Values right of the header's last column (a ragged row): (first cell, rows with one).
    let mut beyond: (Option<Place>, usize) = (None, 0);
    for row in grid.rows().into_iter().filter(|&r| r > h.row) {
        if let Some((col, _)) = grid.row(row).find(|(c, v)| *c > last_header_col && !is_blank(v)) {
            beyond.0.get_or_insert_with(|| grid.place(row, col));
            beyond.1 += 1;
        }
        if table.not_filled_in(row) {
            continue;
        }
        let repeated = long
            && previous
                .as_ref()
                .is_some_and(|(prev, ..)| identity.iter().all(|&col| grid.get(row, col) == grid.get(*prev, col)));
        if !repeated {
            previous = None;
            let Some(found) = table.row_series(row, msgs) else { continue };
            table.note_first_projected_actual(row, cutoff, &mut guessed);
            let Some(d) = draft_for(&mut index, drafts, &found, table.place(row, Role::Scenario), msgs) else {
                return;
            };
            let Some(draft) = drafts.get_mut(d) else { continue };
            let Some(i) = table.series_in(draft, row, &found, msgs) else { continue };
            if !long {
                table.wide_points(draft, i, row, msgs);
                continue;
            }
            previous = Some((row, d, i, found.source));
        } else {
            table.note_first_projected_actual(row, cutoff, &mut guessed);
        }
        let Some((prev, d, i, source)) = &mut previous else { continue };
        *prev = row;
        if let Some(draft) = drafts.get_mut(*d) {
            table.long_point(draft, *i, row, source, msgs);
        }
    }
    if let (Some(place), rows) = beyond {
        let more = if rows > 1 { format!(" ({rows} rows have such values; this is the first)") } else { String::new() };
        let more_zh = if rows > 1 {
            format!("（共 {rows} 行有这样的数值，此处为第一个）")
        } else {
            String::new()
        };
        msgs.warning_zh(
            place,
            format!("a value right of the header's last column is not read: the column has no header{more}"),
            format!("表头最后一列右侧的数值未读取：该列没有表头{more_zh}"),
        );
    }
    if let (Some(place), Some(year)) = (guessed, cutoff) {
        msgs.warning_zh(
            place,
            format!(
                "no Kind column: every value is read as a projection, those up to {year} (the latest year of the \
                 shipped actual values) too, this the first; if they are observed values, add a Kind column with Actual"
            ),
            format!(
                "没有“类型”列：所有数值都按预测值读取，{year} 年（随程序提供的实际值的最近年份）及以前的也是，此处为第一个；\
                 若是实际观测值，请加“类型”列并填“实际”，或在情景页把数值类型改为“实际”"
            ),
        );
    }
}

/// The draft of the row's (Model, Scenario), made when it is the first such row; `None` when
/// the file holds too many scenarios to read further.
fn draft_for(
    index: &mut HashMap<(String, String), usize>,
    drafts: &mut Vec<Draft>,
    found: &RowSeries,
    place: Place,
    msgs: &mut Messages,
) -> Option<usize> {
    let key = (found.model.clone(), found.scenario.clone());
    if let Some(&d) = index.get(&key) {
        return Some(d);
    }
    if drafts.len() >= MAX_SCENARIOS {
        msgs.error(place, format!("more than {MAX_SCENARIOS} scenarios in one file: not read further"));
        return None;
    }
    index.insert(key, drafts.len());
    drafts.push(Draft {
        model: found.model.clone(),
        name: found.scenario.clone(),
        series: Vec::new(),
        places: HashMap::from_iter([("name".to_string(), place)]),
        point_places: Vec::new(),
        by_key: HashMap::default(),
        first_row: HashMap::default(),
        generated: HashMap::default(),
    });
    Some(drafts.len() - 1)
}

impl Table<'_> {
    /// Without a Kind column a value is read as a projection: the first of those in a year
    /// actual values are known for is kept in `guessed`, to be said, so the reader can add
    /// the column.
    fn note_first_projected_actual(&self, row: u32, cutoff: Option<u16>, guessed: &mut Option<Place>) {
        if guessed.is_none() && self.h.col(Role::Kind).is_none() && !self.h.actual_values {
            *guessed = self.first_known_year(row, cutoff);
        }
    }

    /// The cell of the row's first value in a year up to `cutoff` (a year actual values are
    /// known for).
    fn first_known_year(&self, row: u32, cutoff: Option<u16>) -> Option<Place> {
        let cutoff = cutoff?;
        if self.long {
            let (yc, vc) = (self.h.col(Role::Year)?, self.h.col(Role::Value)?);
            let year = self.grid.get(row, yc).map(year_of)?.ok()?;
            let value = self.grid.get(row, vc).map(|v| number_of(v, self.in_workbook));
            (year <= cutoff && matches!(value, Some(Ok((Some(_), _))))).then(|| self.grid.place(row, vc))
        } else {
            self.h.years.iter().filter(|(_, year)| *year <= cutoff).find_map(|&(col, _)| {
                let value = self.grid.get(row, col).map(|v| number_of(v, self.in_workbook));
                matches!(value, Some(Ok((Some(_), _)))).then(|| self.grid.place(row, col))
            })
        }
    }

    /// A fill-in workbook's row whose 完成值 is empty: a target nobody filled in, which stays
    /// 无数据 rather than becoming an empty series.
    fn not_filled_in(&self, row: u32) -> bool {
        self.long
            && self.h.actual_values
            && self.h.col(Role::Value).is_none_or(|c| self.grid.get(row, c).is_none_or(|v| text(Some(v)).is_empty()))
    }

    fn cell(&self, row: u32, role: Role) -> String {
        text(self.h.col(role).and_then(|c| self.grid.get(row, c)))
    }

    fn place(&self, row: u32, role: Role) -> Place {
        self.h.col(role).map_or_else(|| self.grid.row_place(row), |c| self.grid.place(row, c))
    }

    /// The row's variable (as a measure), region, unit, kind, model, scenario and source;
    /// `None` (with the reason said) for a row that names no known variable or kind.
    fn row_series(&self, row: u32, msgs: &mut Messages) -> Option<RowSeries> {
        let cell = |role: Role| self.cell(row, role);
        let variable = cell(Role::Variable);
        if variable.is_empty() {
            let anything = self.grid.row(row).any(|(_, v)| !matches!(v, Value::Text(t) if t.trim().is_empty()));
            if anything {
                msgs.error_per_row(
                    self.place(row, Role::Variable),
                    "a row with values but no variable",
                    "这一行有数值，但没有变量（指标）名",
                );
            }
            return None;
        }
        let indicator = match self.names.indicator(&variable, self.extras) {
            Found::Exact(id) => id,
            Found::Loose(id) => {
                let name = self.names.display(&id);
                let message = format!("variable `{variable}` read as `{name}` ({id})");
                let zh = format!("变量 `{variable}` 按 `{name}`（{id}）读取");
                msgs.info_once(self.place(row, Role::Variable), message, zh);
                id
            }
            Found::Ambiguous(ids) => {
                let names: Vec<String> = ids.iter().map(|id| format!("`{}` ({id})", self.names.display(id))).collect();
                let message =
                    format!("variable `{variable}` may be any of {}: write one as the plan does", names.join(", "));
                let zh = format!("变量 `{variable}` 可能是 {} 中的任何一个：请按规划的写法写出其一", names.join("、"));
                msgs.error_zh(self.place(row, Role::Variable), message, zh);
                return None;
            }
            Found::Unknown if msgs.full() => return None,
            Found::Unknown => {
                let suggestion = self.names.suggest(&variable);
                let zh = format!("未知变量 `{variable}`{}", suggestion_zh(&suggestion));
                msgs.error_zh(
                    self.place(row, Role::Variable),
                    format!("unknown variable `{variable}`{suggestion}"),
                    zh,
                );
                return None;
            }
        };
        let written_region = cell(Role::Region);
        let region = if written_region.is_empty() {
            WHOLE_REGION.to_string()
        } else {
            self.names.region(&written_region, self.extras)
        };
        let unit = match cell(Role::Unit) {
            u if u.is_empty() => self.names.units.get(&indicator).cloned().unwrap_or_default(),
            u => u.replace('％', "%"),
        };
        let kind_text = cell(Role::Kind);
        let kind = match kind_of(&kind_text) {
            Some(SeriesKind::Projection) if kind_text.is_empty() && self.h.actual_values => Some(SeriesKind::Actual),
            kind => kind,
        };
        let Some(kind) = kind else {
            let message = format!("`{kind_text}` is not a kind: write Actual, Projection or Target");
            let zh = format!("`{kind_text}` 不是数值类型：请写 实际（Actual）、预测（Projection）或 目标（Target）");
            msgs.error_zh(self.place(row, Role::Kind), message, zh);
            return None;
        };
        let model = cell(Role::Model);
        // A column that is there but empty stays empty (as `scenario export` writes an empty
        // field); defaults stand in only for columns the table does not have.
        let scenario = if self.h.col(Role::Scenario).is_some() { cell(Role::Scenario) } else { self.stem.to_string() };
        let source = match cell(Role::Source) {
            s if s.is_empty() && self.h.actual_values => unsourced(&self.file_name),
            _ if self.h.col(Role::Source).is_some() => cell(Role::Source),
            _ if model.is_empty() => self.file_name.clone(),
            _ => format!("{}, model {model}", self.file_name),
        };
        Some(RowSeries { variable, indicator, region, unit, kind, model, scenario, source })
    }

    /// The series of `draft` the row belongs to (made when it is the first row of its series):
    /// the long layout's rows share a series by id, or by what names it; the wide layout's
    /// rows are each a series. `None` for a row that contradicts an earlier one.
    fn series_in(&self, draft: &mut Draft, row: u32, found: &RowSeries, msgs: &mut Messages) -> Option<usize> {
        let (long, h, grid) = (self.long, self.h, self.grid);
        let RowSeries { variable, indicator, region, unit, kind, .. } = found;
        // Without a Label column a series is labelled by its indicator's own name (not as the
        // row spells it): the chart then names it by its scenario alone.
        let label = match self.cell(row, Role::Label) {
            _ if h.col(Role::Label).is_some() => self.cell(row, Role::Label),
            _ if region == WHOLE_REGION => self.names.display(indicator),
            _ => format!("{} · {region}", self.names.display(indicator)),
        };
        let id_written = self.cell(row, Role::Id);
        let key = if id_written.is_empty() {
            let series_source = if long { String::new() } else { found.source.clone() };
            format!("{indicator}\u{1f}{region}\u{1f}{unit}\u{1f}{kind:?}\u{1f}{label}\u{1f}{series_source}")
        } else {
            id_written.clone()
        };
        match draft.by_key.get(&key).copied() {
            // One id, one series: rows that share an id must agree on what it measures.
            Some(i)
                if long
                    && draft
                        .series
                        .get(i)
                        .is_some_and(|s| s.indicator != *indicator || s.region != *region || s.unit != *unit) =>
            {
                msgs.error(
                    self.place(row, Role::Id),
                    format!("series id `{id_written}` is used for another variable, region or unit on an earlier row"),
                );
                None
            }
            Some(i) if long => Some(i),
            Some(_) => {
                let at = match draft.first_row.get(&key) {
                    Some(Place::Cell(c)) => format!(" (first at {c})"),
                    Some(Place::Text(l, _)) if *l > 0 => format!(" (first on line {l})"),
                    _ => String::new(),
                };
                msgs.error(grid.row_place(row), format!("duplicate row: `{variable}` for {region} appears twice{at}"));
                None
            }
            None => Some(self.new_series(draft, row, found, label, id_written, key)),
        }
    }

    fn new_series(
        &self,
        draft: &mut Draft,
        row: u32,
        found: &RowSeries,
        label: String,
        id_written: String,
        key: String,
    ) -> usize {
        let (h, long) = (self.h, self.long);
        let i = draft.series.len();
        let RowSeries { indicator, region, .. } = found;
        let id = if id_written.is_empty() {
            let base = if region == WHOLE_REGION { indicator.clone() } else { format!("{indicator}.{region}") };
            // Counted, not searched: a table of 100,000 rows without ids stays linear.
            let taken = draft.generated.entry(base.clone()).or_insert(0);
            *taken += 1;
            if *taken == 1 { base } else { format!("{base}#{taken}") }
        } else {
            id_written
        };
        draft.series.push(Series {
            id,
            indicator: indicator.clone(),
            region: region.clone(),
            unit: found.unit.clone(),
            kind: found.kind,
            label,
            source: if long { String::new() } else { found.source.clone() },
            note: self.cell(row, Role::Note),
            points: Vec::new(),
        });
        draft.by_key.insert(key.clone(), i);
        draft.first_row.insert(key, self.grid.row_place(row));
        let or_variable = |role: Role| if h.col(role).is_some() { role } else { Role::Variable };
        for (field, role) in [
            ("id", or_variable(Role::Id)),
            ("indicator", Role::Variable),
            ("region", or_variable(Role::Region)),
            ("unit", or_variable(Role::Unit)),
            ("kind", Role::Kind),
            ("label", or_variable(Role::Label)),
            ("source", or_variable(Role::Source)),
            ("note", or_variable(Role::Note)),
        ] {
            draft.places.insert(format!("series[{i}].{field}"), self.place(row, role));
        }
        i
    }

    /// Adds a point to series `i` of `draft`, with its source from the sources sheet and the
    /// cells it was read from.
    fn add_point(&self, draft: &mut Draft, i: usize, (year, value): (u16, f64), places: (Place, Place)) {
        let Some(series) = draft.series.get_mut(i) else { return };
        let mut point = Point { year, value, ..Point::default() };
        // Most tables have no sources sheet: no key is built for them.
        let own = if self.extras.sources.is_empty() {
            None
        } else {
            self.extras.sources.get(&(draft.name.clone(), series.id.clone(), year))
        };
        if let Some((source, quote, derived)) = own {
            point.source = source.clone();
            point.quote = quote.clone();
            point.derived = derived.clone();
        }
        series.points.push(point);
        if draft.point_places.len() <= i {
            draft.point_places.resize_with(i + 1, Vec::new);
        }
        if let Some(points) = draft.point_places.get_mut(i) {
            points.push(places);
        }
    }

    /// A wide row: one value per year column (an empty cell is no value).
    fn wide_points(&self, draft: &mut Draft, i: usize, row: u32, msgs: &mut Messages) {
        let (grid, h) = (self.grid, self.h);
        for &(col, year) in &h.years {
            let Some(v) = grid.get(row, col) else { continue };
            match number_of(v, self.in_workbook) {
                Ok((Some(value), warning)) => {
                    if let Some(w) = warning {
                        msgs.warning(grid.place(row, col), w);
                    }
                    let value = percent_as_shown(v, value, draft, i, grid.place(row, col), msgs);
                    self.add_point(draft, i, (year, value), (grid.place(h.row, col), grid.place(row, col)));
                }
                Ok((None, _)) => {}
                Err(e) => msgs.error(grid.place(row, col), e),
            }
        }
    }

    /// A long row: its year and value, and the point's own source, quote and formula (the
    /// series takes the first point's source; points keep theirs where it differs).
    fn long_point(&self, draft: &mut Draft, i: usize, row: u32, source: &str, msgs: &mut Messages) {
        let grid = self.grid;
        let (Some(yc), Some(vc)) = (self.h.col(Role::Year), self.h.col(Role::Value)) else { return };
        let year = match grid.get(row, yc).map(year_of) {
            Some(Ok(y)) => y,
            Some(Err(e)) => return msgs.error(grid.place(row, yc), e),
            None => return msgs.error(grid.place(row, yc), "no year".to_string()),
        };
        let Some(cell) = grid.get(row, vc) else { return };
        let value = match number_of(cell, self.in_workbook) {
            Ok((Some(v), warning)) => {
                if let Some(w) = warning {
                    msgs.warning(grid.place(row, vc), w);
                }
                percent_as_shown(cell, v, draft, i, grid.place(row, vc), msgs)
            }
            Ok((None, _)) => return,
            Err(e) => return msgs.error(grid.place(row, vc), e),
        };
        self.add_point(draft, i, (year, value), (grid.place(row, yc), grid.place(row, vc)));
        if self.h.actual_values && source == unsourced(&self.file_name) {
            let variable = self.cell(row, Role::Variable);
            msgs.warning_zh(
                self.place(row, Role::Source),
                format!("`{variable}` has a value but no source: it is used, marked unsourced; write the source"),
                format!("`{variable}` 有完成值但没有来源：该值仍会使用，并标为“未注明来源”；请填写来源"),
            );
        }
        let (quote, derived) = (self.cell(row, Role::Quote), self.cell(row, Role::Derived));
        let Some(series) = draft.series.get_mut(i) else { return };
        let first = series.source.is_empty();
        if first {
            series.source = source.to_string();
        }
        let differs = source != series.source;
        let Some(p) = series.points.last_mut() else { return };
        if !first && differs && p.source.is_empty() {
            p.source = source.to_string();
        }
        if !quote.is_empty() {
            p.quote = quote;
        }
        if !derived.is_empty() {
            p.derived = Some(derived);
        }
    }
}

/// A cell the sheet formats as a percentage holds the fraction (0.015 shows as 1.50%): under
/// the unit `%` it is the percentage it shows (1.5), as typing 1.5% into Excel means, and the
/// file is told so once. Under another unit it stays the stored number, with a warning.
fn percent_as_shown(cell: &Value, value: f64, draft: &Draft, i: usize, place: Place, msgs: &mut Messages) -> f64 {
    if !matches!(cell, Value::Percent(_)) {
        return value;
    }
    let unit = draft.series.get(i).map_or("", |s| s.unit.as_str());
    let shown = crate::model::format::exact(value * 100.0);
    if unit == "%" {
        let message = "cells formatted as percentages are read as the percentage they show (a cell \
                       showing 1.50% is 1.5 %), as the unit is %"
            .to_string();
        let zh =
            "设为百分比格式的单元格按其显示的百分数读取（显示为 1.50% 的单元格读作 1.5 %），因单位为 %".to_string();
        msgs.info_once(place, message, zh);
        // To 15 significant digits, as the sheet typed it: 0.0123 × 100 is 1.23, not
        // 1.2300000000000002.
        let scaled = value * 100.0;
        format!("{scaled:.14e}").parse().unwrap_or(scaled)
    } else {
        msgs.warning_zh(
            place,
            format!(
                "the cell shows {shown}% but the unit is `{unit}`: read as its stored value {}",
                crate::model::format::exact(value)
            ),
            format!("单元格显示为 {shown}%，但单位是 `{unit}`：按其存储值 {} 读取", crate::model::format::exact(value)),
        );
        value
    }
}

/// The source of a fill-in workbook's value that names none: said as such wherever the value
/// is shown, with the file it came from.
fn unsourced(file_name: &str) -> String {
    format!("未注明来源 · unsourced ({file_name})")
}

fn is_blank(v: &Value) -> bool {
    matches!(v, Value::Text(t) if t.trim().is_empty())
}
