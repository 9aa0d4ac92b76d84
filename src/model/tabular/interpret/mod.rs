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

use foldhash::HashMap;

mod cells;
mod extras;
mod header;
mod names;
mod rows;

#[cfg(test)]
use crate::model::scenario::SeriesKind;
pub use cells::kind_name;
use extras::{Extras, read_extras};
use header::find_header;
use names::Names;

use super::Grid;
use crate::model::diagnostics::{Diagnostic, Place};
use crate::model::plan::Plan;
use crate::model::scenario::{Point, SCENARIO_FORMAT_VERSION, Scenario, ScenarioRules, Series, validate_with};

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
    /// A measure's id (`指标代码`): where a table has one, it names the variable, and a
    /// Variable column beside it is the indicator's name for people, not read.
    Code,
    /// A column the fill-in workbook (填报表) shows for the person filling it in (the
    /// target, its year, the plan's citation): known, and not read.
    Context,
    /// A verdict a person set (the `verdicts` sheet).
    Verdict,
}

fn role_of(header: &str) -> Option<Role> {
    let h = header.trim().to_lowercase();
    Some(match h.as_str() {
        "model" | "模型" => Role::Model,
        "scenario" | "情景" | "方案" | "情景名称" => Role::Scenario,
        "region" | "地区" | "区域" | "地区名称" => Role::Region,
        "variable" | "indicator" | "measure" | "指标" | "变量" | "指标名称" => Role::Variable,
        "measure id" | "指标代码" | "代码" => Role::Code,
        "unit" | "单位" => Role::Unit,
        "kind" | "类型" | "类别" => Role::Kind,
        "label" | "标签" | "图例" => Role::Label,
        "source" | "来源" | "数据来源" | "出处" => Role::Source,
        "note" | "备注" | "说明" => Role::Note,
        "id" | "series" | "系列" => Role::Id,
        "year" | "年份" | "年" => Role::Year,
        "value" | "数值" | "值" => Role::Value,
        // The fill-in workbook's value column: its values are actual unless a Kind says not.
        h if ACTUAL_VALUE_HEADERS.contains(&h) => Role::Value,
        "quote" | "原文" | "引文" => Role::Quote,
        "verdict" | "判定" | "人工判定" => Role::Verdict,
        "derived" | "公式" | "换算" => Role::Derived,
        "description" | "描述" => Role::Description,
        "plan" | "规划" => Role::Plan,
        "name" | "名称" => Role::Name,
        "name_en" | "english name" | "英文名称" => Role::NameEn,
        "target" | "maps to" | "对应" | "映射到" => Role::Target,
        "序号" | "目标" | "目标年份" | "比较" | "目标值" | "规划出处" | "状态" | "提示" | "no." | "target year"
        | "comparator" | "target value" | "cited from" | "status" | "hint" => Role::Context,
        _ => return None,
    })
}

/// Value-column headers that make a table's values actual by default (the fill-in
/// workbook's 完成值): a planner filling in outcomes should not need a Kind column.
const ACTUAL_VALUE_HEADERS: [&str; 4] = ["完成值", "实际值", "actual value", "outcome"];

/// The special sheets, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SheetKind {
    Data,
    Mapping,
    About,
    Indicators,
    Sources,
    /// The fill-in workbook's instructions (填写说明): for people, not read.
    Instructions,
    /// The verdicts a person set on targets (`scenario export --format xlsx` writes them).
    Verdicts,
}

fn sheet_kind(name: &str) -> SheetKind {
    match name.trim().to_lowercase().as_str() {
        "mapping" | "映射" | "对照" => SheetKind::Mapping,
        "about" | "说明" | "情景说明" => SheetKind::About,
        "indicators" | "extra indicators" | "指标定义" => SheetKind::Indicators,
        "sources" | "point sources" | "来源明细" => SheetKind::Sources,
        "填写说明" | "instructions" | "readme" | "read me" => SheetKind::Instructions,
        "verdicts" | "人工判定" => SheetKind::Verdicts,
        _ => SheetKind::Data,
    }
}

/// A header row: where it is, what each column means, and the year columns.
struct Header {
    row: u32,
    roles: HashMap<Role, u32>,
    /// (column, year) of the wide layout's year columns.
    years: Vec<(u32, u16)>,
    /// The value column is headed 完成值 (the fill-in workbook): values are actual unless a
    /// Kind column says otherwise, a value without a source is used but marked unsourced,
    /// and a row without a value is a target not filled in, not a series.
    actual_values: bool,
}

impl Header {
    fn col(&self, role: Role) -> Option<u32> {
        self.roles.get(&role).copied()
    }
}

#[derive(Default)]
struct Messages {
    file: String,
    list: Vec<Diagnostic>,
    /// Errors said once at their first place however many rows have them (a million rows
    /// holding only a Model cell): (English, Chinese, first place, rows).
    repeated: Vec<(String, String, Place, usize)>,
}

impl Messages {
    /// An error that many rows may have: said once, at the first, with how many there are.
    fn error_per_row(&mut self, place: Place, message: &str, zh: &str) {
        match self.repeated.iter_mut().find(|(en, ..)| en == message) {
            Some((.., count)) => *count += 1,
            None => self.repeated.push((message.to_string(), zh.to_string(), place, 1)),
        }
    }

    /// The errors [`Messages::error_per_row`] gathered, each with its count.
    fn say_repeated(&mut self) {
        for (en, zh, place, count) in std::mem::take(&mut self.repeated) {
            let (en, zh) = if count > 1 {
                (format!("{en} ({count} rows; this is the first)"), format!("{zh}（共 {count} 行，此处为第一行）"))
            } else {
                (en, zh)
            };
            self.error_zh(place, en, zh);
        }
    }

    /// No further message would be kept: what would only go into one need not be computed.
    fn full(&self) -> bool {
        self.list.len() >= MAX_MESSAGES
    }

    fn error(&mut self, place: Place, message: String) {
        let zh = in_chinese(&message);
        self.error_zh(place, message, zh);
    }

    fn warning(&mut self, place: Place, message: String) {
        let zh = in_chinese(&message);
        self.warning_zh(place, message, zh);
    }

    /// An error with its Chinese (empty: none).
    fn error_zh(&mut self, place: Place, message: String, zh: String) {
        if self.list.len() < MAX_MESSAGES {
            self.list.push(Diagnostic::error(&self.file, place, message).zh(zh));
        }
    }

    fn warning_zh(&mut self, place: Place, message: String, zh: String) {
        if self.list.len() < MAX_MESSAGES {
            self.list.push(Diagnostic::warning(&self.file, place, message).zh(zh));
        }
    }

    /// Says how something was read, once for each distinct message (a name as typed on a
    /// thousand rows is said once, at its first cell).
    fn info_once(&mut self, place: Place, message: String, zh: String) {
        if self.list.len() < MAX_MESSAGES && !self.list.iter().any(|d| d.message == message) {
            self.list.push(Diagnostic::info(&self.file, place, message).zh(zh));
        }
    }
}

/// How [`cells::year_of`]'s message about a date ends, after the date.
pub(super) const YEAR_NOT_DATE: &str = ") where a year belongs: write the year as a number, such as 2020";

/// The Chinese of a cell's finding, for the messages said of cells (what a number or a year
/// cell holds instead); empty for one it does not know, which the window then shows in English.
fn in_chinese(en: &str) -> String {
    let fixed = match en {
        "no year" => Some("缺少年份"),
        "the table holds no values" => Some("表中没有任何数值"),
        _ => None,
    };
    if let Some(zh) = fixed {
        return zh.to_string();
    }
    if let Some(date) = en.strip_prefix("a date (").and_then(|r| r.strip_suffix(YEAR_NOT_DATE)) {
        return format!("此处应为年份，而非日期（{date}）：请把年份写成数字，如 2020");
    }
    if let Some(what) = en.strip_suffix(" is text where a number belongs") {
        return format!("{what} 是文本，此处应为数字");
    }
    if let Some(what) = en.strip_suffix(" where a number belongs") {
        return format!("{what}：此处应为数字");
    }
    if let Some(number) = en.strip_prefix("the number ").and_then(|r| r.strip_suffix(" is stored as text")) {
        return format!("数字 {number} 以文本形式保存");
    }
    if let Some(error) = en.strip_prefix("the cell holds the error ") {
        return format!("单元格含错误值 {error}");
    }
    String::new()
}

/// One scenario being gathered, with where each of its fields came from.
struct Draft {
    model: String,
    name: String,
    series: Vec<Series>,
    /// Where each field came from, by its path in the scenario (`series[3].unit`)…
    places: HashMap<String, Place>,
    /// …except the points': the year's and the value's cells, by series and point (a path
    /// string for each of a large table's points was a tenth of its reading).
    point_places: Vec<Vec<(Place, Place)>>,
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
            if let Some(places) = self.point_places.get_mut(i) {
                let mut old: Vec<Option<(Place, Place)>> = std::mem::take(places).into_iter().map(Some).collect();
                *places = order.iter().filter_map(|&j| old.get_mut(j).and_then(Option::take)).collect();
            }
            let mut old: Vec<Option<Point>> = old.into_iter().map(Some).collect();
            series.points = order.iter().filter_map(|&j| old.get_mut(j).and_then(Option::take)).collect();
        }
    }

    /// The cell of `series[i].points[k].year` or `….value`.
    fn point_place(&self, path: &str) -> Option<Place> {
        let rest = path.strip_prefix("series[")?;
        let (i, rest) = rest.split_once("].points[")?;
        let (k, field) = rest.split_once("].")?;
        let (i, k): (usize, usize) = (i.parse().ok()?, k.parse().ok()?);
        let (year, value) = self.point_places.get(i)?.get(k)?;
        match field {
            "year" => Some(year.clone()),
            "value" => Some(value.clone()),
            _ => None,
        }
    }

    fn locate(&self, path: &str) -> Place {
        let mut path = path;
        loop {
            if let Some(place) = self.places.get(path).cloned().or_else(|| self.point_place(path)) {
                return place;
            }
            match path.rfind('.') {
                Some(dot) => path = &path[..dot],
                None => return Place::Text(0, 0),
            }
        }
    }
}

/// The files a CSV may come with, which a workbook holds as sheets: `NAME.mapping.csv` (names
/// the app does not know) and `NAME.indicators.csv` (the file's extra indicators).
#[derive(Default)]
pub struct Companions {
    pub mapping: Option<Grid>,
    pub indicators: Option<Grid>,
}

/// Reads the scenarios out of a workbook's sheets or a CSV file's grid (with its companion
/// files); `stem` names a scenario the table does not name.
pub fn scenarios_from_grids(
    grids: &[Grid],
    companions: &Companions,
    file: &str,
    stem: &str,
    plan: &Plan,
) -> Result<(Vec<Scenario>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut msgs = Messages { file: file.to_string(), ..Messages::default() };
    // A scenario named by its file takes the name as text may hold it.
    let stem = &crate::model::diagnostics::escape_controls(stem);
    let all: Vec<&Grid> = grids.iter().collect();
    let extras = read_extras(&all, companions, &mut msgs);
    let names = Names::new(plan, &extras);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut any_data = false;
    // A fill-in workbook (a 完成值 column) was read: an empty one is one nobody filled in yet.
    let mut fill_in = false;
    for grid in grids.iter().filter(|g| g.sheet.as_deref().is_none_or(|s| sheet_kind(s) == SheetKind::Data)) {
        let Some(header) = find_header(grid, Role::Variable, &mut msgs) else {
            if let Some(sheet) = &grid.sheet {
                if !grid.is_empty() {
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
        any_data = true;
        fill_in |= header.actual_values;
        rows::read_table(grid, &header, &extras, &names, file, stem, &mut drafts, &mut msgs);
    }
    if !any_data && grids.iter().any(|g| g.sheet.is_some()) {
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
    let mut counts: HashMap<&str, usize> = HashMap::default();
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
    let rules = ScenarioRules::new(plan);
    let mut scenarios = Vec::new();
    for (mut draft, name) in drafts.into_iter().zip(renamed) {
        let (description, plan_title, plan_place) = match extras.about.get(&draft.name) {
            Some((description, plan_title, place)) => {
                let title = if plan_title.is_empty() { plan.meta.title.clone() } else { plan_title.clone() };
                (description.clone(), title, place.clone())
            }
            None => {
                let model = if draft.model.is_empty() { String::new() } else { format!(", model {}", draft.model) };
                let file = crate::model::diagnostics::escape_controls(file);
                (format!("Read from {file}{model}."), plan.meta.title.clone(), Place::Text(0, 0))
            }
        };
        draft.places.insert("plan".to_string(), plan_place);
        let (extra_indicators, verdicts) = extras.own(&draft.name, &mut draft.places);
        draft.sort_points();
        let scenario = Scenario {
            format_version: SCENARIO_FORMAT_VERSION,
            name,
            description,
            plan: plan_title,
            built_in: false,
            colour_slot: 0,
            extra_indicators,
            verdicts,
            series: std::mem::take(&mut draft.series),
        };
        let problems = validate_with(&rules, &scenario, file, &|path| draft.locate(path));
        msgs.list.extend(problems);
        scenarios.push(scenario);
    }
    msgs.say_repeated();
    if scenarios.is_empty() && !msgs.list.iter().any(Diagnostic::is_error) {
        if fill_in {
            msgs.error_zh(
                (0, 0).into(),
                "no 完成值 is filled in yet: write each target's value and its 来源, save, and open the file again"
                    .to_string(),
                "尚未填写任何完成值：请填写各项目标的完成值及其来源，保存后再打开".to_string(),
            );
        } else {
            msgs.error((0, 0).into(), "the table holds no values".to_string());
        }
    }
    if msgs.list.iter().any(Diagnostic::is_error) { Err(msgs.list) } else { Ok((scenarios, msgs.list)) }
}

#[cfg(test)]
mod tests {
    use super::cells::*;
    use super::*;
    use crate::model::tabular::Value;

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
