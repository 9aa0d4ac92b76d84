//! The optional sheets of a workbook (or a CSV's companion files): names mapped to measures,
//! each scenario's description, its extra indicators, per-point sources and the verdicts a
//! person set.

use foldhash::HashMap;

use super::cells::{text, year_of};
use super::header::find_header;
use super::names::normalise;
use super::{Companions, Header, Messages, Role, SheetKind, sheet_kind};
use crate::model::diagnostics::Place;
use crate::model::evaluation::Verdict;
use crate::model::scenario::{ExtraIndicator, VerdictOverride};
use crate::model::tabular::Grid;

/// A point of a series of a scenario: (scenario, series id, year).
type PointKey = (String, String, u16);
/// A point's own source, quote and formula.
type PointSource = (String, String, Option<String>);

/// What the optional sheets (or a CSV's mapping file) say.
#[derive(Default)]
pub(super) struct Extras {
    /// Variable or region as written → measure id or region code.
    pub mapping: HashMap<String, String>,
    /// Scenario name → (description, plan, place of the plan cell).
    pub about: HashMap<String, (String, String, Place)>,
    /// Each with the scenario it belongs to (empty: every scenario of the file).
    pub indicators: Vec<(ExtraIndicator, String, Place)>,
    pub sources: HashMap<PointKey, PointSource>,
    /// The verdicts a person set, each with the scenario it belongs to (empty: every scenario
    /// of the file) and the cells of its measure, year, verdict and note.
    pub verdicts: Vec<(VerdictOverride, String, [Place; 4])>,
}

pub(super) fn read_extras(grids: &[&Grid], companions: &Companions, msgs: &mut Messages) -> Extras {
    let mut extras = Extras::default();
    let sheets = grids.iter().map(|g| (*g, g.sheet.as_deref().map_or(SheetKind::Data, sheet_kind)));
    let mapping = companions.mapping.iter().map(|g| (g, SheetKind::Mapping));
    let indicators = companions.indicators.iter().map(|g| (g, SheetKind::Indicators));
    for (grid, kind) in sheets.chain(mapping).chain(indicators) {
        let needs = match kind {
            SheetKind::Data | SheetKind::Instructions => continue,
            SheetKind::Mapping => Role::Target,
            SheetKind::About => Role::Scenario,
            SheetKind::Indicators => Role::Id,
            SheetKind::Sources => Role::Year,
            SheetKind::Verdicts => Role::Verdict,
        };
        let Some(h) = find_header(grid, needs, msgs) else {
            let name = grid.sheet.clone().unwrap_or_else(|| "the mapping file".to_string());
            msgs.warning((0, 0).into(), format!("{name}: no header row with the columns it needs; ignored"));
            continue;
        };
        let cell = |row: u32, role: Role| text(h.col(role).and_then(|c| grid.get(row, c)));
        for row in grid.rows().into_iter().filter(|&r| r > h.row) {
            match kind {
                SheetKind::Data | SheetKind::Instructions => {}
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
                SheetKind::Verdicts => read_verdict(grid, &h, row, &mut extras, msgs),
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

impl Extras {
    /// The extra indicators and verdicts of the scenario named `scenario` (those the sheets
    /// give it, and those they give every scenario), with their cells put in `places`.
    pub fn own(
        &self,
        scenario: &str,
        places: &mut HashMap<String, Place>,
    ) -> (Vec<ExtraIndicator>, Vec<VerdictOverride>) {
        let mine = |of: &str| of.is_empty() || of == scenario;
        let mut indicators = Vec::new();
        for (k, (e, _, place)) in self.indicators.iter().filter(|(_, of, _)| mine(of)).enumerate() {
            places.insert(format!("extra_indicators[{k}].id"), place.clone());
            indicators.push(e.clone());
        }
        let mut verdicts = Vec::new();
        for (k, (v, _, cells)) in self.verdicts.iter().filter(|(_, of, _)| mine(of)).enumerate() {
            for (field, place) in ["measure", "year", "verdict", "note"].iter().zip(cells) {
                places.insert(format!("verdicts[{k}].{field}"), place.clone());
            }
            verdicts.push(v.clone());
        }
        (indicators, verdicts)
    }
}

/// A row of the `verdicts` sheet: a verdict is read in the words files and the window use
/// (met, 完成 …); any other word is an error at its cell, and the row is not taken.
fn read_verdict(grid: &Grid, h: &Header, row: u32, extras: &mut Extras, msgs: &mut Messages) {
    let cell = |role: Role| text(h.col(role).and_then(|c| grid.get(row, c)));
    let place = |role: Role| h.col(role).map_or_else(|| grid.row_place(row), |c| grid.place(row, c));
    let measure_role = if h.col(Role::Code).is_some() { Role::Code } else { Role::Variable };
    let (measure, word) = (cell(measure_role), cell(Role::Verdict));
    if measure.is_empty() && word.is_empty() {
        return;
    }
    let Some(verdict) = Verdict::from_word(&word) else {
        msgs.error_zh(
            place(Role::Verdict),
            format!("`{word}` is not a verdict: write met, nearly met, not met or no data"),
            format!("`{word}` 不是判定：请填写 完成、基本完成、未完成 或 无数据"),
        );
        return;
    };
    let year = match h.col(Role::Year).and_then(|c| grid.get(row, c)).map(year_of) {
        Some(Ok(year)) => year,
        Some(Err(e)) => return msgs.error(place(Role::Year), e),
        None => return msgs.error(place(Role::Year), "a verdict without its year".to_string()),
    };
    let places = [place(measure_role), place(Role::Year), place(Role::Verdict), place(Role::Note)];
    let v = VerdictOverride { measure, year, verdict, note: cell(Role::Note) };
    extras.verdicts.push((v, cell(Role::Scenario), places));
}
