//! What a file is by its content, whatever its name says: a workbook renamed (an .xlsx named
//! .xls), a password-protected workbook, a Word document or a PDF given as a table, a CSV
//! with no extension. The reader then reads it as what it is, or says what it is and what
//! to do, instead of passing on a library's "Invalid OLE signature" or "Could not find EOCD".

use std::io::Cursor;

use super::read::TableFormat;

/// What a file's first bytes (and, for a zip or OLE container, its entries) say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// A workbook the reader reads.
    Table(TableFormat),
    /// An Office file encrypted with a password (an OLE container holding an
    /// `EncryptedPackage`).
    Encrypted,
    WordDocument,
    Pdf,
    /// A zip or OLE container that is none of the above (damaged, or another program's).
    OtherContainer,
    /// Text (UTF-8, UTF-16, GB18030 …): a CSV, or a RON file.
    Text,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What `bytes` hold.
pub fn sniff(bytes: &[u8]) -> Content {
    if bytes.starts_with(ZIP) {
        return zip_content(bytes);
    }
    if bytes.starts_with(OLE) {
        // The stream names of an OLE directory are UTF-16: looked for as such.
        let has = |name: &str| {
            let wide: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
            bytes.windows(wide.len()).any(|w| w == wide.as_slice())
        };
        return if has("EncryptedPackage") {
            Content::Encrypted
        } else if has("Workbook") || has("Book") {
            Content::Table(TableFormat::Xls)
        } else if has("WordDocument") {
            Content::WordDocument
        } else {
            Content::OtherContainer
        };
    }
    if bytes.starts_with(b"%PDF-") {
        return Content::Pdf;
    }
    Content::Text
}

fn zip_content(bytes: &[u8]) -> Content {
    let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Content::OtherContainer };
    let names: Vec<String> = zip.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect();
    let has = |name: &str| names.iter().any(|n| n == name);
    if names.iter().any(|n| n.starts_with("xl/")) {
        Content::Table(TableFormat::Xlsx)
    } else if has("content.xml") && has("mimetype") {
        Content::Table(TableFormat::Ods)
    } else if names.iter().any(|n| n.starts_with("word/")) {
        Content::WordDocument
    } else {
        Content::OtherContainer
    }
}

/// Text that reads as a CSV table rather than a RON file: its first line (after blank lines)
/// does not open a RON value and holds a comma, tab or semicolon.
pub fn looks_like_csv(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(4096)).unwrap_or_default());
    let head = head.trim_start_matches('\u{feff}');
    let Some(first) = head.lines().map(str::trim).find(|l| !l.is_empty()) else { return false };
    let ron_like = first.starts_with('(') || first.starts_with("//") || first.starts_with("/*");
    !ron_like && first.contains([',', '\t', ';'])
}

/// How a format is named in messages.
pub fn format_name(format: TableFormat) -> &'static str {
    match format {
        TableFormat::Csv => "CSV",
        TableFormat::Xlsx => "xlsx",
        TableFormat::Xls => "xls",
        TableFormat::Ods => "ods",
    }
}
