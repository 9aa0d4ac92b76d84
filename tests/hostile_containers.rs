//! Files that are not what their names say, or not in the encoding they seem: each is read as
//! what it is, or refused saying what it is and what to do, with the real line for an
//! encoding's bad byte. (Hostile inputs, third round: see also `hostile_tables.rs`.)

mod common;

use common::loading::{dir, loaded, refused, texts, write};

use std::io::Write;
use std::path::PathBuf;

use plan_explorer::model::Severity;

fn example_xlsx() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/example.xlsx")).unwrap()
}

const CSV: &str = "Model,Scenario,Region,Variable,Unit,Kind,2015,2020\nM,S,全区,rd_intensity,%,Target,0.76,2.5\n";

// ── 9. Renamed, foreign, encrypted or damaged containers ──────────────────────────────────

#[test]
fn a_workbook_renamed_is_read_as_what_it_is_and_said() {
    let d = dir("renamed");
    for name in ["example.xls", "example.ods", "example.csv"] {
        let path = write(&d, name, example_xlsx());
        let (scenarios, messages) = loaded(&path);
        assert_eq!(scenarios.len(), 1, "{name}");
        let ext = name.rsplit('.').next().unwrap();
        let said = if ext == "csv" { "CSV".to_string() } else { ext.to_string() };
        assert!(
            messages.iter().any(|m| m.severity == Severity::Info
                && m.message == format!("the file is an xlsx table, though its name says {said}: read as xlsx")),
            "{name}: {:#?}",
            texts(&messages)
        );
    }
}

#[test]
fn a_password_protected_workbook_says_to_save_it_without_the_password() {
    // scenarios/example.xlsx encrypted by msoffcrypto-tool with the password `secret`, as Excel's
    // Encrypt with Password writes it (an OLE container holding the EncryptedPackage).
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tables/example-encrypted-password-secret.xlsx"
    ));
    let errors = refused(&path);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("a password-protected workbook") && errors[0].contains("save a copy without one"),
        "{errors:?}"
    );
    assert!(!errors[0].contains("Cfb") && !errors[0].contains("OLE ("), "no library words: {errors:?}");
}

#[test]
fn a_word_document_a_pdf_a_text_and_a_damaged_zip_named_xlsx_say_what_they_are() {
    let d = dir("foreign");
    let mut docx = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")] {
        docx.start_file(
            name,
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        docx.write_all(body.as_bytes()).unwrap();
    }
    let docx = docx.finish().unwrap().into_inner();
    let mut damaged = example_xlsx();
    damaged.truncate(damaged.len() / 2);
    for (name, bytes, phrase) in [
        ("plan.xlsx", docx, "a Word document, not a spreadsheet"),
        ("report.xlsx", b"%PDF-1.7\n%...".to_vec(), "a PDF, not a spreadsheet"),
        ("notes.xlsx", "规划的说明文字\n第二行".as_bytes().to_vec(), "a text document, not a spreadsheet"),
        ("half.xlsx", damaged, "not a workbook: a zip or OLE file of another program, or a damaged workbook"),
    ] {
        let path = write(&d, name, &bytes);
        let errors = refused(&path);
        assert_eq!(errors, [format!("{}: error: {}", path.display(), errors[0].split(": error: ").nth(1).unwrap())]);
        assert!(errors[0].contains(phrase), "{name}: {errors:?}");
    }
}

#[test]
fn a_csv_without_an_extension_is_read_as_a_csv_not_as_a_plan() {
    let d = dir("no-extension");
    let path = write(&d, "scenario", CSV.as_bytes());
    let (scenarios, messages) = loaded(&path);
    assert_eq!(scenarios[0].series[0].points[1].value, 2.5);
    assert!(texts(&messages).iter().any(|m| m.contains("though its name gives no table format: read as CSV")));
    let (code, out, _) = common::run_cli(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with(&format!("{}: ok: scenario `S`, 1 series", path.display())), "{out}");
    assert!(!out.contains("Plan"), "{out}");
}

// ── 10. Encodings: the real encoding, the real line ───────────────────────────────────────

#[test]
fn a_gb18030_csv_with_one_bad_byte_on_line_4_is_refused_at_line_4() {
    let d = dir("gb-bad");
    let text = "指标,地区,单位,类型,年份,数值\n研发经费占GDP比重（R&D/GDP）,全区,%,实际,2015,0.76\n研发经费占GDP比重（R&D/GDP）,全区,%,实际,2016,0.79\n研发经费占GDP比重（R&D/GDP）,包头,%,实际,2017,1.0\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let mut bytes = bytes.into_owned();
    // The first byte of 包 (line 4) replaced by 0xFF, which no GB18030 sequence starts with.
    let line4 = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(2).unwrap().0 + 1;
    let bao = line4 + bytes[line4..].windows(2).position(|w| w == [b',', 0xB0]).unwrap() + 1;
    bytes[bao] = 0xFF;
    let path = write(&d, "gb.csv", &bytes);
    let errors = refused(&path);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with(&format!("{}:4:", path.display())), "{errors:?}");
    assert!(errors[0].contains("neither UTF-8 nor GB18030"), "{errors:?}");
}

#[test]
fn utf16_without_a_bom_and_utf32_with_one_are_read_as_what_they_are() {
    let d = dir("wide");
    let utf16: Vec<u8> = CSV.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut utf32: Vec<u8> = vec![0xFF, 0xFE, 0, 0];
    utf32.extend(CSV.chars().flat_map(|c| (c as u32).to_le_bytes()));
    for (name, bytes, said) in [
        ("utf16.csv", utf16, "no byte-order mark: read as UTF-16LE by its zero bytes"),
        ("utf32.csv", utf32, "read as UTF-32LE (its byte-order mark says so)"),
    ] {
        let path = write(&d, name, &bytes);
        let (scenarios, messages) = loaded(&path);
        assert_eq!(scenarios[0].series[0].points[1].value, 2.5, "{name}");
        assert!(texts(&messages).iter().any(|m| m.contains(said)), "{name}: {:#?}", texts(&messages));
    }
}

// ── 11. Row messages that say what happened ───────────────────────────────────────────────

#[test]
fn an_unclosed_quote_is_refused_at_the_quote() {
    let d = dir("quote");
    let path = write(
        &d,
        "quote.csv",
        format!("{CSV}M,S,东部,rd_intensity,%,Target,\"0.7,2.0\nM,S,西部,rd_intensity,%,Target,0.8,2.1\n").as_bytes(),
    );
    let errors = refused(&path);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!("{}:3:30: error: a quote opened here is never closed", path.display())),
        "{errors:?}"
    );
}

#[test]
fn a_hundred_thousand_rows_holding_only_a_model_cell_are_refused_in_one_message() {
    let d = dir("model-only");
    let mut text = String::from(CSV);
    for _ in 0..100_000 {
        text.push_str("M,,,,,,,\n");
    }
    let path = write(&d, "model-only.csv", text.as_bytes());
    let errors = refused(&path);
    assert_eq!(errors.len(), 1, "{:#?}", &errors[..errors.len().min(3)]);
    assert!(
        errors[0].starts_with(&format!(
            "{}:3:5: error: a row with values but no variable (100000 rows; this is the first)",
            path.display()
        )),
        "{errors:?}"
    );
}

// ── 8. A shared-strings bomb is refused before it is read ─────────────────────────────────

#[test]
fn a_shared_strings_bomb_under_the_total_limit_is_refused_by_its_declared_size() {
    let mut book = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    book.start_file("xl/workbook.xml", deflated).unwrap();
    book.write_all(b"<workbook/>").unwrap();
    book.start_file("xl/sharedStrings.xml", deflated).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..100 {
        book.write_all(&chunk).unwrap();
    }
    let bytes = book.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "the bomb is small on disk: {} bytes", bytes.len());
    let d = dir("bomb");
    let path = write(&d, "bomb.xlsx", &bytes);
    let errors = refused(&path);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("the workbook's shared text unpacks to 104 MB, more than the 67 MB"), "{errors:?}");
}
