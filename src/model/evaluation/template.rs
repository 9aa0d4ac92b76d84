//! The fill-in workbook (填报表): every target of the plan as a row of an Excel sheet, with
//! empty 完成值, 来源 and 备注 cells to fill in, for the people who have the numbers but not
//! the app. Its header is one the table reader knows (`指标代码` names the measure, `完成值`
//! makes the values actual), so the filled workbook opens as any scenario file does.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format, FormatBorder, Workbook,
    XlsxError,
};

use super::{Rule, TargetEvaluation};
use crate::i18n::Lang;
use crate::model::document::Document;
use crate::model::format::{number, target_words};

/// The data sheet's name, which the instructions refer to.
pub const TEMPLATE_SHEET: &str = "填报表";
/// The instructions sheet's name (the reader skips it).
pub const INSTRUCTIONS_SHEET: &str = "填写说明";

/// The header, as the reader knows it: 指标代码 is the variable, 年份 and 完成值 the point, 来源
/// and 备注 its source and note; the other columns are for the person filling it in.
pub const TEMPLATE_HEADER: [&str; 13] = [
    "序号",
    "指标代码",
    "指标",
    "单位",
    "目标",
    "目标值",
    "目标年份",
    "规划出处",
    "年份",
    "完成值",
    "来源",
    "备注",
    "状态",
];
const VALUE_COL: u16 = 9;
/// Rows above the header: the title, the plan's line and a blank.
const HEADER_ROW: u32 = 3;

/// The workbook for `evaluations` (in the plan's order), with the values already known
/// filled in and marked in 状态, so the person filling it in sees what is missing.
pub fn template_xlsx(doc: &Document, evaluations: &[TargetEvaluation], rule: Rule) -> Result<Vec<u8>, XlsxError> {
    let meta = &doc.plan.meta;
    let mut book = Workbook::new();
    let title = format!("{}终期评估填报表", meta.title);
    book.set_properties(&DocProperties::new().set_title(&title).set_subject(&meta.title).set_author("plan-explorer"));
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin).set_background_color(Color::RGB(0xDDE4EE));
    let big = Format::new().set_bold().set_font_size(16);
    let wrap = Format::new().set_text_wrap();
    let to_fill = Format::new().set_background_color(Color::RGB(0xFFF7D6)).set_border(FormatBorder::Thin);
    let known = Format::new().set_background_color(Color::RGB(0xE8F3E8)).set_border(FormatBorder::Thin);

    let sheet = book.add_worksheet().set_name(TEMPLATE_SHEET)?;
    sheet.write_string_with_format(0, 0, &title, &big)?;
    let issued = if meta.issued.is_empty() { String::new() } else { format!("印发：{} · ", meta.issued) };
    sheet.write_string(
        1,
        0,
        format!(
            "规划期 {}–{} · {issued}共 {} 项目标 · 黄色格待填，绿色格为已有值 · 填写方法见“{INSTRUCTIONS_SHEET}”工作表",
            meta.period_start,
            meta.period_end,
            evaluations.len()
        ),
    )?;
    for (c, name) in TEMPLATE_HEADER.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col(c), *name, &bold)?;
    }
    for (k, e) in evaluations.iter().enumerate() {
        let r = HEADER_ROW + 1 + u32::try_from(k).unwrap_or(u32::MAX - HEADER_ROW - 1);
        sheet.write_number(r, 0, (k + 1) as f64)?;
        sheet.write_string(r, 1, &e.key)?;
        sheet.write_string(r, 2, &e.name)?;
        sheet.write_string(r, 3, &e.unit)?;
        sheet.write_string(
            r,
            4,
            target_words(e.comparator, e.target_value, e.upper, &e.unit, (e.target_year, e.year_implied), Lang::Zh),
        )?;
        match e.upper {
            Some(upper) => sheet.write_string(r, 5, format!("{}–{}", number(e.target_value), number(upper)))?,
            None => sheet.write_number(r, 5, e.target_value)?,
        };
        sheet.write_number(r, 6, f64::from(e.target_year))?;
        let cited = e.citation(doc);
        sheet.write_string(r, 7, cited.unwrap_or_default())?;
        sheet.write_number(r, 8, f64::from(e.target_year))?;
        match &e.judged {
            Some(reading) => {
                sheet.write_number_with_format(r, VALUE_COL, reading.value, &known)?;
                sheet.write_string_with_format(r, 10, &reading.source, &known)?;
                let note = reading.derived.clone().unwrap_or_else(|| reading.note.clone());
                sheet.write_string_with_format(r, 11, note, &known)?;
                sheet.write_string(r, 12, format!("已有值：{}", reading.series))?;
            }
            None => {
                for c in VALUE_COL..=11 {
                    sheet.write_blank(r, c, &to_fill)?;
                }
                let rivals: Vec<String> = e.rival_targets.iter().map(|v| number(*v)).collect();
                let status = if rivals.is_empty() {
                    "待填报".to_string()
                } else {
                    format!("待填报；规划另有目标值 {}", rivals.join("、"))
                };
                sheet.write_string(r, 12, status)?;
            }
        }
    }
    let last = HEADER_ROW + u32::try_from(evaluations.len()).unwrap_or(0).max(1);
    let numbers = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("完成值须为数字")?
        .set_error_message("请填写数字本身（如 2.5 表示 2.5%），单位见“单位”列；文字说明请写在“备注”列。")?
        .set_input_title("完成值")?
        .set_input_message("目标年份的实际值，单位见“单位”列；“来源”列必填。")?;
    sheet.add_data_validation(HEADER_ROW + 1, VALUE_COL, last.max(HEADER_ROW + 1), VALUE_COL, &numbers)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    for (c, width) in [(0, 6.0), (1, 22.0), (2, 30.0), (3, 10.0), (4, 20.0), (5, 10.0), (6, 9.0), (7, 24.0)] {
        sheet.set_column_width(c, width)?;
    }
    for (c, width) in [(8, 7.0), (9, 12.0), (10, 40.0), (11, 24.0), (12, 30.0)] {
        sheet.set_column_width(c, width)?;
    }
    sheet.autofilter(HEADER_ROW, 0, last, col(TEMPLATE_HEADER.len() - 1))?;

    let help = book.add_worksheet().set_name(INSTRUCTIONS_SHEET)?;
    help.set_column_width(0, 110.0)?;
    help.write_string_with_format(0, 0, &title, &big)?;
    for (k, line) in instructions(doc, evaluations.len(), rule).iter().enumerate() {
        help.write_string_with_format(u32::try_from(k).unwrap_or(0) + 2, 0, line, &wrap)?;
    }
    book.save_to_buffer()
}

/// The instructions sheet's lines.
fn instructions(doc: &Document, targets: usize, rule: Rule) -> Vec<String> {
    vec![
        format!("1. “{TEMPLATE_SHEET}”工作表列出规划的全部 {targets} 项目标，每项一行，按规划原文的顺序排列。"),
        "2. 在“完成值”列填写“年份”列所写年份（默认为目标年份）的实际值，单位须与“单位”列一致。百分数填数字本身：2.5 表示 2.5%。".into(),
        "3. “来源”列必填：网址，或出处，如《2020年内蒙古自治区国民经济和社会发展统计公报》。未填来源的值仍会使用，但标为“未注明来源”，检查时给出警告。".into(),
        "4. 以“年均增长”“新增”“倍数”表述的目标，填写这一变化本身（年均增速、新增数或倍数）。".into(),
        "5. 绿色格是已有的值及其来源（“状态”列注明出自哪一组数据），可核对后保留或改正；黄色格待填。不填的行仍为“无数据”。".into(),
        "6. 请勿修改“指标代码”列，勿合并单元格；同一指标的其他年份可另起一行，照抄指标代码和单位。".into(),
        "7. 填好后，在 plan-explorer 中打开本文件（Ctrl+O、拖入窗口，或命令行 plan-explorer 填报表.xlsx）：数值按“实际值”读取，终期评估随即更新。命令行 plan-explorer check 填报表.xlsx 按“工作表!单元格”列出问题。".into(),
        format!("8. 评估规则：{}。", rule.words(Lang::Zh)),
        format!("规划：{}（{}）", doc.plan.meta.title, doc.plan.meta.byline.trim_matches(['（', '）', ' ', '　'])),
    ]
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
