//! Reading scenarios out of tables. Two layouts are understood, found by their header row:
//!
//! - **IAMC wide** (IIASA's Scenario Explorer, pyam): `Model, Scenario, Region, Variable,
//!   Unit`, then one column per year;
//! - **long**: one value per row, `Variable (or Indicator), Region, Year, Value, Unit, Source`.
//!
//! Optional columns in either: `Kind` (Actual / Projection / Target), `Label`, `Source`,
//! `Note`, `Id`, and in the long layout `Quote` and `Derived`; Chinese headers (指标, 地区, 年份,
//! 数值, 单位, 来源, 情景, 模型, 类型 …) are understood too. Optional sheets: `mapping`
//! (variable or region as written → measure id or region), `about` (each scenario's
//! description and plan), `indicators` (indicators that are not measures of the plan) and
//! `sources` (per-point source, quote and formula), which is what `scenario export --format
//! xlsx` writes so that a RON → xlsx → RON round trip loses nothing.
//!
//! Distinct (Model, Scenario) pairs become distinct scenarios. Every message points at its
//! sheet and cell (`data!F3`) or, in a CSV file, its line and column.

use std::collections::HashMap;

use super::{Grid, Value};
use crate::model::diagnostics::{Diagnostic, Place};
use crate::model::indicators::Measure;
use crate::model::plan::Plan;
use crate::model::scenario::{
    ExtraIndicator, Point, SCENARIO_FORMAT_VERSION, Scenario, Series, SeriesKind, WHOLE_REGION, known_regions, nearest,
    validate_scenario,
};

/// Only the first rows are searched for the header: rows above it (a title) are skipped.
const HEADER_SEARCH_ROWS: usize = 20;
/// At most this many messages from reading the cells; validation adds its own, also capped.
const MAX_MESSAGES: usize = 200;
/// More scenarios than this in one file is not an analyst's table.
const MAX_SCENARIOS: usize = 1000;

/// The model `scenario export` writes in the Model column.
pub const EXPORT_MODEL: &str = "plan-explorer";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Role {
    Model,
    Scenario,
    Region,
    Variable,
    Unit,
    Kind,
    Label,
    Source,
    Note,
    Id,
    Year,
    Value,
    Quote,
    Derived,
    Description,
    Plan,
    Name,
    NameEn,
    Target,
}

fn role_of(header: &str) -> Option<Role> {
    let h = header.trim().to_lowercase();
    Some(match h.as_str() {
        "model" | "模型" => Role::Model,
        "scenario" | "情景" | "方案" | "情景名称" => Role::Scenario,
        "region" | "地区" | "区域" | "地区名称" => Role::Region,
        "variable" | "indicator" | "measure" | "指标" | "变量" | "指标名称" => Role::Variable,
        "unit" | "单位" => Role::Unit,
        "kind" | "类型" | "类别" => Role::Kind,
        "label" | "标签" | "图例" => Role::Label,
        "source" | "来源" | "数据来源" | "出处" => Role::Source,
        "note" | "备注" | "说明" => Role::Note,
        "id" | "series" | "系列" => Role::Id,
        "year" | "年份" | "年" => Role::Year,
        "value" | "数值" | "值" => Role::Value,
        "quote" | "原文" | "引文" => Role::Quote,
        "derived" | "公式" | "换算" => Role::Derived,
        "description" | "描述" => Role::Description,
        "plan" | "规划" => Role::Plan,
        "name" | "名称" => Role::Name,
        "name_en" | "english name" | "英文名称" => Role::NameEn,
        "target" | "maps to" | "对应" | "映射到" => Role::Target,
        _ => return None,
    })
}

/// The special sheets, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SheetKind {
    Data,
    Mapping,
    About,
    Indicators,
    Sources,
}

fn sheet_kind(name: &str) -> SheetKind {
    match name.trim().to_lowercase().as_str() {
        "mapping" | "映射" | "对照" => SheetKind::Mapping,
        "about" | "说明" | "情景说明" => SheetKind::About,
        "indicators" | "extra indicators" | "指标定义" => SheetKind::Indicators,
        "sources" | "point sources" | "来源明细" => SheetKind::Sources,
        _ => SheetKind::Data,
    }
}

/// A header row: where it is, what each column means, and the year columns.
struct Header {
    row: u32,
    roles: HashMap<Role, u32>,
    /// (column, year) of the wide layout's year columns.
    years: Vec<(u32, u16)>,
}

impl Header {
    fn col(&self, role: Role) -> Option<u32> {
        self.roles.get(&role).copied()
    }
}

struct Messages {
    file: String,
    list: Vec<Diagnostic>,
}

impl Messages {
    fn error(&mut self, place: Place, message: String) {
        if self.list.len() < MAX_MESSAGES {
            self.list.push(Diagnostic::error(&self.file, place, message));
        }
    }

    fn warning(&mut self, place: Place, message: String) {
        if self.list.len() < MAX_MESSAGES {
            self.list.push(Diagnostic::warning(&self.file, place, message));
        }
    }
}

/// The text of a cell as a name or label: numbers written plainly (a region code `2020` is
/// still text to us).
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::Text(t)) => t.trim().to_string(),
        Some(Value::Number(n)) => crate::model::format::exact(*n),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Date(d)) => d.clone(),
        Some(Value::Error(e)) => e.clone(),
        Some(Value::FormulaWithoutValue(f)) => f.clone(),
        None => String::new(),
    }
}

/// A cell's value as a year, or why it is not one.
fn year_of(v: &Value) -> Result<u16, String> {
    match v {
        Value::Number(n) if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) => Ok(*n as u16),
        Value::Text(t) => {
            let t = t.trim().trim_end_matches('年');
            t.parse::<u16>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| format!("`{}` is not a year: write the year as a number, such as 2020", t))
        }
        Value::Date(d) => Err(format!("a date ({d}) where a year belongs: write the year as a number, such as 2020")),
        Value::FormulaWithoutValue(f) => Err(no_saved_value(f)),
        other => Err(format!("`{}` is not a year: write the year as a number, such as 2020", text(Some(other)))),
    }
}

fn no_saved_value(formula: &str) -> String {
    format!(
        "the formula `{formula}` has no saved value (the file was written by a program, not saved by a \
         spreadsheet): open and save it in Excel or LibreOffice, or write the value"
    )
}

/// Cells that mean "no value here" rather than a number.
fn is_missing_marker(t: &str) -> bool {
    matches!(t, "" | "-" | "—" | "–" | ".." | "…" | "na" | "NA" | "n/a" | "N/A" | "NaN" | "无" | "暂无")
}

/// A cell's value as a number: `Ok(None)` for an empty or "n/a" cell; text that reads as a
/// number is taken, with a warning in a workbook (the cell is text there, which spreadsheets
/// flag too); anything else is refused with the reason.
fn number_of(v: &Value, in_workbook: bool) -> Result<(Option<f64>, Option<String>), String> {
    match v {
        Value::Number(n) => Ok((Some(*n), None)),
        Value::Text(t) => {
            let t = t.trim();
            if is_missing_marker(t) {
                return Ok((None, None));
            }
            let plain = t.parse::<f64>().ok().or_else(|| {
                // Thousands separators: 1,234.5 (only in that exact form).
                let grouped = t.split('.').next().is_some_and(|int| {
                    let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
                    groups.len() > 1
                        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
                        && groups.iter().skip(1).all(|g| g.len() == 3)
                });
                if grouped { t.replace(',', "").parse::<f64>().ok() } else { None }
            });
            match plain {
                Some(n) if n.is_finite() => {
                    let warning = in_workbook.then(|| format!("the number `{t}` is stored as text"));
                    Ok((Some(n), warning))
                }
                _ => Err(format!("`{t}` is text where a number belongs")),
            }
        }
        Value::Date(d) => Err(format!("a date ({d}) where a number belongs")),
        Value::Bool(b) => Err(format!("`{b}` where a number belongs")),
        Value::Error(e) => Err(format!("the cell holds the error {e}")),
        Value::FormulaWithoutValue(f) => Err(no_saved_value(f)),
    }
}

fn kind_of(t: &str) -> Option<SeriesKind> {
    Some(match t.trim().to_lowercase().as_str() {
        "" | "projection" | "projected" | "scenario" | "预测" | "情景" | "测算" => SeriesKind::Projection,
        "actual" | "observed" | "historical" | "history" | "实际" | "实际值" | "统计" => SeriesKind::Actual,
        "target" | "goal" | "目标" | "目标值" => SeriesKind::Target,
        _ => return None,
    })
}

/// A kind as the Kind column writes it.
pub fn kind_name(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Actual => "Actual",
        SeriesKind::Projection => "Projection",
        SeriesKind::Target => "Target",
    }
}

/// Finds the header row: the first of the top rows with a Variable column (or, in the special
/// sheets, the column that sheet needs).
fn find_header(grid: &Grid, needs: Role, msgs: &mut Messages) -> Option<Header> {
    for row in grid.rows().into_iter().take(HEADER_SEARCH_ROWS) {
        let mut roles = HashMap::new();
        let mut years = Vec::new();
        let mut date_headers = Vec::new();
        for (col, v) in grid.row(row) {
            if let Some(role) = role_of(&text(Some(v))) {
                roles.entry(role).or_insert(col);
                continue;
            }
            match v {
                Value::Date(_) => date_headers.push(col),
                v => {
                    if let Ok(year) = year_of(v) {
                        years.push((col, year));
                    }
                }
            }
        }
        if roles.contains_key(&needs) {
            for col in date_headers {
                let message = match grid.get(row, col).map(year_of) {
                    Some(Err(e)) => e,
                    _ => "a date where a year belongs".to_string(),
                };
                msgs.error(grid.place(row, col), message);
            }
            return Some(Header { row, roles, years });
        }
    }
    None
}

/// A point of a series of a scenario: (scenario, series id, year).
type PointKey = (String, String, u16);
/// A point's own source, quote and formula.
type PointSource = (String, String, Option<String>);

/// What the optional sheets (or a CSV's mapping file) say.
#[derive(Default)]
struct Extras {
    /// Variable or region as written → measure id or region code.
    mapping: HashMap<String, String>,
    /// Scenario name → (description, plan, place of the plan cell).
    about: HashMap<String, (String, String, Place)>,
    /// Each with the scenario it belongs to (empty: every scenario of the file).
    indicators: Vec<(ExtraIndicator, String, Place)>,
    sources: HashMap<PointKey, PointSource>,
}

fn read_extras(grids: &[&Grid], mapping_file: Option<&Grid>, msgs: &mut Messages) -> Extras {
    let mut extras = Extras::default();
    let sheets = grids.iter().map(|g| (*g, g.sheet.as_deref().map_or(SheetKind::Data, sheet_kind)));
    let mapping = mapping_file.into_iter().map(|g| (g, SheetKind::Mapping));
    for (grid, kind) in sheets.chain(mapping) {
        let needs = match kind {
            SheetKind::Data => continue,
            SheetKind::Mapping => Role::Target,
            SheetKind::About => Role::Scenario,
            SheetKind::Indicators => Role::Id,
            SheetKind::Sources => Role::Year,
        };
        let Some(h) = find_header(grid, needs, msgs) else {
            let name = grid.sheet.clone().unwrap_or_else(|| "the mapping file".to_string());
            msgs.warning((0, 0).into(), format!("{name}: no header row with the columns it needs; ignored"));
            continue;
        };
        let cell = |row: u32, role: Role| text(h.col(role).and_then(|c| grid.get(row, c)));
        for row in grid.rows().into_iter().filter(|&r| r > h.row) {
            match kind {
                SheetKind::Data => {}
                SheetKind::Mapping => {
                    let from = h.col(Role::Variable).or(h.col(Role::Region)).or(h.col(Role::Name));
                    let from = text(from.and_then(|c| grid.get(row, c)));
                    let to = cell(row, Role::Target);
                    if !from.is_empty() && !to.is_empty() {
                        extras.mapping.insert(normalise(&from), to);
                    }
                }
                SheetKind::About => {
                    let place = h.col(Role::Plan).map_or_else(|| grid.row_place(row), |c| grid.place(row, c));
                    extras.about.insert(
                        cell(row, Role::Scenario),
                        (cell(row, Role::Description), cell(row, Role::Plan), place),
                    );
                }
                SheetKind::Indicators => {
                    let indicator = ExtraIndicator {
                        id: cell(row, Role::Id),
                        name: cell(row, Role::Name),
                        name_en: cell(row, Role::NameEn),
                        unit: cell(row, Role::Unit),
                    };
                    let place = h.col(Role::Id).map_or_else(|| grid.row_place(row), |c| grid.place(row, c));
                    if !indicator.id.is_empty() {
                        extras.indicators.push((indicator, cell(row, Role::Scenario), place));
                    }
                }
                SheetKind::Sources => {
                    let year = h.col(Role::Year).and_then(|c| grid.get(row, c)).map(year_of);
                    let Some(Ok(year)) = year else { continue };
                    let derived = Some(cell(row, Role::Derived)).filter(|d| !d.is_empty());
                    extras.sources.insert(
                        (cell(row, Role::Scenario), cell(row, Role::Id), year),
                        (cell(row, Role::Source), cell(row, Role::Quote), derived),
                    );
                }
            }
        }
    }
    extras
}

/// Names compared without case, spaces or the width of brackets and percent signs.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '，' => ',',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// What the plan and the file know by name: measures and regions.
struct Names {
    /// Normalised name, id or alias → measure id (or extra indicator id).
    indicators: HashMap<String, String>,
    /// Display names for suggestions: (name as the plan writes it, id).
    indicator_names: Vec<(String, String)>,
    /// Measure id → unit.
    units: HashMap<String, String>,
    regions: HashMap<String, String>,
}

impl Names {
    fn new(plan: &Plan, extras: &Extras) -> Self {
        let mut indicators = HashMap::new();
        let mut indicator_names = Vec::new();
        let mut units = HashMap::new();
        for m in Measure::group(&plan.indicators) {
            indicators.insert(normalise(m.key), m.key.to_string());
            units.insert(m.key.to_string(), m.unit().to_string());
            indicator_names.push((m.key.to_string(), m.key.to_string()));
            for s in &m.statements {
                for name in [&s.name, &s.name_en] {
                    if !name.is_empty() {
                        indicators.entry(normalise(name)).or_insert_with(|| m.key.to_string());
                        indicator_names.push((name.clone(), m.key.to_string()));
                    }
                }
            }
        }
        for h in &plan.headlines {
            indicators.entry(normalise(&h.name)).or_insert_with(|| h.measure.clone());
        }
        for (e, _, _) in &extras.indicators {
            for name in [&e.id, &e.name, &e.name_en] {
                if !name.is_empty() {
                    indicators.entry(normalise(name)).or_insert_with(|| e.id.clone());
                }
            }
            units.entry(e.id.clone()).or_insert_with(|| e.unit.clone());
        }
        let mut regions = HashMap::new();
        for code in known_regions(plan) {
            regions.insert(normalise(&code), code.clone());
        }
        for c in &plan.places.cities {
            for name in [&c.full_name, &c.name_en] {
                regions.insert(normalise(name), c.name.clone());
            }
            // "Xilingol League" → also "Xilingol"; "Hohhot City".
            let short = c.name_en.trim_end_matches(" League");
            regions.insert(normalise(short), c.name.clone());
            regions.insert(normalise(&format!("{short} City")), c.name.clone());
        }
        let aliases: [(&str, &[&str]); 4] = [
            (
                WHOLE_REGION,
                &["内蒙古", "内蒙古自治区", "全自治区", "Inner Mongolia", "Nei Mongol", "Nei Menggu", "IMAR"],
            ),
            ("东部", &["东部地区", "蒙东", "东部盟市", "East", "Eastern", "Eastern Inner Mongolia"]),
            ("西部", &["西部地区", "蒙西", "西部盟市", "West", "Western", "Western Inner Mongolia"]),
            ("全国", &["中国", "全国合计", "China", "National", "CHN"]),
        ];
        for (code, names) in aliases {
            for name in names {
                regions.insert(normalise(name), code.to_string());
            }
        }
        Names { indicators, indicator_names, units, regions }
    }

    fn indicator(&self, written: &str, extras: &Extras) -> Option<String> {
        let key = normalise(written);
        let mapped = extras.mapping.get(&key).map(|t| normalise(t));
        let key = mapped.unwrap_or(key);
        self.indicators.get(&key).cloned()
    }

    /// A region code; an unknown one is returned as written (validation names it, with the
    /// nearest known region). IAMC's sub-regions (`China|Inner Mongolia`) are read by their
    /// last part.
    fn region(&self, written: &str, extras: &Extras) -> String {
        if let Some(code) = extras.mapping.get(&normalise(written)) {
            return self.regions.get(&normalise(code)).cloned().unwrap_or_else(|| code.clone());
        }
        let last = written.rsplit('|').next().unwrap_or(written);
        self.regions.get(&normalise(last)).cloned().unwrap_or_else(|| written.trim().to_string())
    }

    fn suggest(&self, written: &str) -> String {
        let names = self.indicator_names.iter().map(|(n, _)| n.as_str());
        match nearest(written, names) {
            Some(name) => {
                let id = self.indicator_names.iter().find(|(n, _)| n == name).map_or("", |(_, id)| id.as_str());
                if id == name { format!("; did you mean `{id}`?") } else { format!("; did you mean `{name}` ({id})?") }
            }
            None => "; `plan-explorer indicators` lists the plan's measures; a `mapping` sheet (beside a CSV: NAME.mapping.csv) can name it".to_string(),
        }
    }
}

/// One scenario being gathered, with where each of its fields came from.
struct Draft {
    model: String,
    name: String,
    series: Vec<Series>,
    places: HashMap<String, Place>,
    /// Series key → index, to gather the long layout's rows.
    by_key: HashMap<String, usize>,
    /// Series key → (row place) of the row that first gave it, for duplicates in the wide layout.
    first_row: HashMap<String, Place>,
    /// How many series ids were made from each base (`rd_intensity`, `rd_intensity#2`).
    generated: HashMap<String, usize>,
}

impl Draft {
    /// Puts every series' points in year order, and their places with them, so that a
    /// message about a point still names the cell it came from.
    fn sort_points(&mut self) {
        for (i, series) in self.series.iter_mut().enumerate() {
            let mut order: Vec<usize> = (0..series.points.len()).collect();
            order.sort_by_key(|&k| series.points.get(k).map_or(0, |p| p.year));
            if order.iter().enumerate().all(|(k, &j)| k == j) {
                continue;
            }
            let old = std::mem::take(&mut series.points);
            let mut moved = Vec::new();
            for (k, &j) in order.iter().enumerate() {
                for field in ["year", "value"] {
                    if let Some(place) = self.places.remove(&format!("series[{i}].points[{j}].{field}")) {
                        moved.push((format!("series[{i}].points[{k}].{field}"), place));
                    }
                }
            }
            self.places.extend(moved);
            let mut old: Vec<Option<Point>> = old.into_iter().map(Some).collect();
            series.points = order.iter().filter_map(|&j| old.get_mut(j).and_then(Option::take)).collect();
        }
    }

    fn locate(&self, path: &str) -> Place {
        let mut path = path;
        loop {
            if let Some(place) = self.places.get(path) {
                return place.clone();
            }
            match path.rfind('.') {
                Some(dot) => path = &path[..dot],
                None => return Place::Text(0, 0),
            }
        }
    }
}

/// Reads the scenarios out of a workbook's sheets or a CSV file's grid. `mapping_file` is a
/// CSV's companion mapping; `stem` names a scenario the table does not name.
pub fn scenarios_from_grids(
    grids: &[Grid],
    mapping_file: Option<&Grid>,
    file: &str,
    stem: &str,
    plan: &Plan,
) -> Result<(Vec<Scenario>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut msgs = Messages { file: file.to_string(), list: Vec::new() };
    let all: Vec<&Grid> = grids.iter().collect();
    let extras = read_extras(&all, mapping_file, &mut msgs);
    let names = Names::new(plan, &extras);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut data_sheets = 0;
    for grid in grids.iter().filter(|g| g.sheet.as_deref().is_none_or(|s| sheet_kind(s) == SheetKind::Data)) {
        let Some(header) = find_header(grid, Role::Variable, &mut msgs) else {
            if let Some(sheet) = &grid.sheet {
                if !grid.cells.is_empty() {
                    msgs.warning(
                        (0, 0).into(),
                        format!("sheet `{sheet}` has no header row with a Variable column; skipped"),
                    );
                }
            } else {
                msgs.error(
                    (1, 1).into(),
                    "no header row with a Variable (or Indicator, 指标) column in the first 20 lines".to_string(),
                );
            }
            continue;
        };
        data_sheets += 1;
        read_table(grid, &header, &extras, &names, file, stem, &mut drafts, &mut msgs);
    }
    if data_sheets == 0 && grids.iter().any(|g| g.sheet.is_some()) {
        let sheets: Vec<String> = grids.iter().filter_map(|g| g.sheet.clone()).collect();
        msgs.error(
            (0, 0).into(),
            format!(
                "no sheet has a header row with a Variable (or Indicator, 指标) column; sheets: {}",
                sheets.join(", ")
            ),
        );
    }
    // The same scenario name from two models: the model tells them apart.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for d in &drafts {
        *counts.entry(d.name.as_str()).or_default() += 1;
    }
    let renamed: Vec<String> = drafts
        .iter()
        .map(|d| {
            if counts.get(d.name.as_str()).copied().unwrap_or(0) > 1 && !d.model.is_empty() {
                format!("{} ({})", d.name, d.model)
            } else {
                d.name.clone()
            }
        })
        .collect();
    let mut scenarios = Vec::new();
    for (mut draft, name) in drafts.into_iter().zip(renamed) {
        let (description, plan_title, plan_place) = match extras.about.get(&draft.name) {
            Some((description, plan_title, place)) => {
                let title = if plan_title.is_empty() { plan.meta.title.clone() } else { plan_title.clone() };
                (description.clone(), title, place.clone())
            }
            None => {
                let model = if draft.model.is_empty() { String::new() } else { format!(", model {}", draft.model) };
                (format!("Read from {file}{model}."), plan.meta.title.clone(), Place::Text(0, 0))
            }
        };
        draft.places.insert("plan".to_string(), plan_place);
        let mut extra_indicators = Vec::new();
        // An `indicators` sheet with a Scenario column gives each scenario its own.
        let own = extras.indicators.iter().filter(|(_, scenario, _)| scenario.is_empty() || *scenario == draft.name);
        for (k, (e, _, place)) in own.enumerate() {
            draft.places.insert(format!("extra_indicators[{k}].id"), place.clone());
            extra_indicators.push(e.clone());
        }
        draft.sort_points();
        let scenario = Scenario {
            format_version: SCENARIO_FORMAT_VERSION,
            name,
            description,
            plan: plan_title,
            extra_indicators,
            series: std::mem::take(&mut draft.series),
        };
        let problems = validate_scenario(&scenario, plan, file, &|path| draft.locate(path));
        msgs.list.extend(problems);
        scenarios.push(scenario);
    }
    if scenarios.is_empty() && !msgs.list.iter().any(Diagnostic::is_error) {
        msgs.error((0, 0).into(), "the table holds no values".to_string());
    }
    if msgs.list.iter().any(Diagnostic::is_error) { Err(msgs.list) } else { Ok((scenarios, msgs.list)) }
}

#[allow(clippy::too_many_arguments)]
fn read_table(
    grid: &Grid,
    h: &Header,
    extras: &Extras,
    names: &Names,
    file: &str,
    stem: &str,
    drafts: &mut Vec<Draft>,
    msgs: &mut Messages,
) {
    let in_workbook = grid.sheet.is_some();
    let long = h.years.is_empty();
    // (Model, Scenario) → draft, so that finding a row's scenario does not scan them all.
    let mut index: HashMap<(String, String), usize> =
        drafts.iter().enumerate().map(|(k, d)| ((d.model.clone(), d.name.clone()), k)).collect();
    if long && (h.col(Role::Year).is_none() || h.col(Role::Value).is_none()) {
        msgs.error(
            grid.row_place(h.row),
            "the header has no year columns (2015, 2020 …) and no Year and Value columns".to_string(),
        );
        return;
    }
    for &(r0, c0, r1, c1) in &grid.merged {
        if r1 >= h.row {
            let range = format!("{}{}:{}{}", super::column_letters(c0), r0 + 1, super::column_letters(c1), r1 + 1);
            msgs.error(
                grid.place(r0, c0),
                format!("merged cells {range}: every row of a scenario table needs its own cells; unmerge them"),
            );
        }
    }
    let file_name = std::path::Path::new(file).file_name().map_or(file.to_string(), |n| n.to_string_lossy().into());
    for row in grid.rows().into_iter().filter(|&r| r > h.row) {
        let cell = |role: Role| text(h.col(role).and_then(|c| grid.get(row, c)));
        let place = |role: Role| h.col(role).map_or_else(|| grid.row_place(row), |c| grid.place(row, c));
        let variable = cell(Role::Variable);
        if variable.is_empty() {
            let anything = grid.row(row).any(|(_, v)| !matches!(v, Value::Text(t) if t.trim().is_empty()));
            if anything {
                msgs.error(place(Role::Variable), "a row with values but no variable".to_string());
            }
            continue;
        }
        let Some(indicator) = names.indicator(&variable, extras) else {
            msgs.error(place(Role::Variable), format!("unknown variable `{variable}`{}", names.suggest(&variable)));
            continue;
        };
        let written_region = cell(Role::Region);
        let region =
            if written_region.is_empty() { WHOLE_REGION.to_string() } else { names.region(&written_region, extras) };
        let unit = match cell(Role::Unit) {
            u if u.is_empty() => names.units.get(&indicator).cloned().unwrap_or_default(),
            u => u.replace('％', "%"),
        };
        let kind_text = cell(Role::Kind);
        let Some(kind) = kind_of(&kind_text) else {
            msgs.error(place(Role::Kind), format!("`{kind_text}` is not a kind: write Actual, Projection or Target"));
            continue;
        };
        let model = cell(Role::Model);
        // A column that is there but empty stays empty (as `scenario export` writes an empty
        // field); defaults stand in only for columns the table does not have.
        let scenario_name = if h.col(Role::Scenario).is_some() { cell(Role::Scenario) } else { stem.to_string() };
        let d = match index.get(&(model.clone(), scenario_name.clone())) {
            Some(&d) => d,
            None if drafts.len() >= MAX_SCENARIOS => {
                msgs.error(
                    place(Role::Scenario),
                    format!("more than {MAX_SCENARIOS} scenarios in one file: not read further"),
                );
                return;
            }
            None => {
                index.insert((model.clone(), scenario_name.clone()), drafts.len());
                drafts.push(Draft {
                    model: model.clone(),
                    name: scenario_name.clone(),
                    series: Vec::new(),
                    places: HashMap::new(),
                    by_key: HashMap::new(),
                    first_row: HashMap::new(),
                    generated: HashMap::new(),
                });
                drafts.len() - 1
            }
        };
        let Some(draft) = drafts.get_mut(d) else { continue };
        let label = match cell(Role::Label) {
            _ if h.col(Role::Label).is_some() => cell(Role::Label),
            _ if region == WHOLE_REGION => variable.clone(),
            _ => format!("{variable} · {region}"),
        };
        let source = match cell(Role::Source) {
            _ if h.col(Role::Source).is_some() => cell(Role::Source),
            _ if model.is_empty() => file_name.clone(),
            _ => format!("{file_name}, model {model}"),
        };
        let id_written = cell(Role::Id);
        // The long layout's rows share a series by id, or by what names it; the wide layout's
        // rows are each a series.
        let key = if id_written.is_empty() {
            let series_source = if long { String::new() } else { source.clone() };
            format!("{indicator}\u{1f}{region}\u{1f}{unit}\u{1f}{kind:?}\u{1f}{label}\u{1f}{series_source}")
        } else {
            id_written.clone()
        };
        let existing = draft.by_key.get(&key).copied();
        let i = match existing {
            // One id, one series: rows that share an id must agree on what it measures.
            Some(i)
                if long
                    && draft
                        .series
                        .get(i)
                        .is_some_and(|s| s.indicator != indicator || s.region != region || s.unit != unit) =>
            {
                msgs.error(
                    place(Role::Id),
                    format!("series id `{id_written}` is used for another variable, region or unit on an earlier row"),
                );
                continue;
            }
            Some(i) if long => i,
            Some(_) => {
                let first = draft.first_row.get(&key).cloned();
                let at = match first {
                    Some(Place::Cell(c)) => format!(" (first at {c})"),
                    Some(Place::Text(l, _)) if l > 0 => format!(" (first on line {l})"),
                    _ => String::new(),
                };
                msgs.error(grid.row_place(row), format!("duplicate row: `{variable}` for {region} appears twice{at}"));
                continue;
            }
            None => {
                let i = draft.series.len();
                let id = if id_written.is_empty() {
                    let base = if region == WHOLE_REGION { indicator.clone() } else { format!("{indicator}.{region}") };
                    // Counted, not searched: a table of 100,000 rows without ids stays linear.
                    let taken = draft.generated.entry(base.clone()).or_insert(0);
                    *taken += 1;
                    if *taken == 1 { base } else { format!("{base}#{taken}") }
                } else {
                    id_written.clone()
                };
                draft.series.push(Series {
                    id,
                    indicator: indicator.clone(),
                    region: region.clone(),
                    unit: unit.clone(),
                    kind,
                    label,
                    source: if long { String::new() } else { source.clone() },
                    note: cell(Role::Note),
                    points: Vec::new(),
                });
                draft.by_key.insert(key.clone(), i);
                draft.first_row.insert(key, grid.row_place(row));
                for (field, role) in [
                    ("id", if h.col(Role::Id).is_some() { Role::Id } else { Role::Variable }),
                    ("indicator", Role::Variable),
                    ("region", if h.col(Role::Region).is_some() { Role::Region } else { Role::Variable }),
                    ("unit", if h.col(Role::Unit).is_some() { Role::Unit } else { Role::Variable }),
                    ("kind", Role::Kind),
                ] {
                    draft.places.insert(format!("series[{i}].{field}"), place(role));
                }
                i
            }
        };
        let scenario_key = draft.name.clone();
        let Some(series) = draft.series.get_mut(i) else { continue };
        let mut add_point = |year: u16, value: f64, year_place: Place, value_place: Place| {
            let k = series.points.len();
            let mut point = Point { year, value, source: String::new(), quote: String::new(), derived: None };
            if let Some((source, quote, derived)) = extras.sources.get(&(scenario_key.clone(), series.id.clone(), year))
            {
                point.source = source.clone();
                point.quote = quote.clone();
                point.derived = derived.clone();
            }
            series.points.push(point);
            draft.places.insert(format!("series[{i}].points[{k}].year"), year_place);
            draft.places.insert(format!("series[{i}].points[{k}].value"), value_place);
        };
        if long {
            let (Some(yc), Some(vc)) = (h.col(Role::Year), h.col(Role::Value)) else { continue };
            let year = match grid.get(row, yc).map(year_of) {
                Some(Ok(y)) => y,
                Some(Err(e)) => {
                    msgs.error(grid.place(row, yc), e);
                    continue;
                }
                None => {
                    msgs.error(grid.place(row, yc), "no year".to_string());
                    continue;
                }
            };
            let value = match grid.get(row, vc).map(|v| number_of(v, in_workbook)) {
                Some(Ok((Some(v), warning))) => {
                    if let Some(w) = warning {
                        msgs.warning(grid.place(row, vc), w);
                    }
                    v
                }
                Some(Ok((None, _))) | None => continue,
                Some(Err(e)) => {
                    msgs.error(grid.place(row, vc), e);
                    continue;
                }
            };
            add_point(year, value, grid.place(row, yc), grid.place(row, vc));
            let k = series.points.len().saturating_sub(1);
            if let Some(p) = series.points.get_mut(k) {
                // The long layout's source, quote and formula are per point; the series takes
                // the first point's source, and points keep theirs where it differs.
                if series.source.is_empty() {
                    series.source = source.clone();
                } else if source != series.source && p.source.is_empty() {
                    p.source = source.clone();
                }
                let quote = cell(Role::Quote);
                if !quote.is_empty() {
                    p.quote = quote;
                }
                let derived = cell(Role::Derived);
                if !derived.is_empty() {
                    p.derived = Some(derived);
                }
            }
        } else {
            for &(col, year) in &h.years {
                let Some(v) = grid.get(row, col) else { continue };
                match number_of(v, in_workbook) {
                    Ok((Some(value), warning)) => {
                        if let Some(w) = warning {
                            msgs.warning(grid.place(row, col), w);
                        }
                        add_point(year, value, grid.place(h.row, col), grid.place(row, col));
                    }
                    Ok((None, _)) => {}
                    Err(e) => msgs.error(grid.place(row, col), e),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_numbers_or_year_text_and_dates_are_refused_with_the_reason() {
        assert_eq!(year_of(&Value::Number(2020.0)), Ok(2020));
        assert_eq!(year_of(&Value::Text(" 2015 ".into())), Ok(2015));
        assert_eq!(year_of(&Value::Text("2020年".into())), Ok(2020));
        assert!(year_of(&Value::Number(2020.5)).is_err());
        assert!(year_of(&Value::Date("2020-01-01".into())).unwrap_err().contains("a date"));
        assert!(year_of(&Value::Text("FY20".into())).unwrap_err().contains("not a year"));
    }

    #[test]
    fn numbers_stored_as_text_are_read_with_a_warning_in_workbooks_only() {
        assert_eq!(number_of(&Value::Number(1.5), true), Ok((Some(1.5), None)));
        let (v, w) = number_of(&Value::Text("1,234.5".into()), true).unwrap();
        assert_eq!(v, Some(1234.5));
        assert!(w.unwrap().contains("stored as text"));
        assert_eq!(number_of(&Value::Text("0.79".into()), false), Ok((Some(0.79), None)));
        assert_eq!(number_of(&Value::Text("n/a".into()), false), Ok((None, None)));
        assert!(number_of(&Value::Text("12,34".into()), false).is_err(), "not a thousands grouping");
        assert!(number_of(&Value::Text("abc".into()), true).unwrap_err().contains("text where a number belongs"));
        assert!(number_of(&Value::Error("#DIV/0!".into()), true).unwrap_err().contains("#DIV/0!"));
        assert!(number_of(&Value::FormulaWithoutValue("=B2*2".into()), true).unwrap_err().contains("no saved value"));
    }

    #[test]
    fn kinds_are_read_in_english_and_chinese_and_default_to_projection() {
        assert_eq!(kind_of(""), Some(SeriesKind::Projection));
        assert_eq!(kind_of("实际"), Some(SeriesKind::Actual));
        assert_eq!(kind_of("TARGET"), Some(SeriesKind::Target));
        assert_eq!(kind_of("guess"), None);
    }
}
