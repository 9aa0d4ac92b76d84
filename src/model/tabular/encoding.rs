//! A CSV file's text, whatever its encoding: UTF-8, UTF-16 (with a byte-order mark, or told
//! by its zero bytes), UTF-32, or GB18030 (what Excel on a Chinese Windows saves), each read
//! by encoding_rs but UTF-32, which it has not. A byte no encoding reads is placed at its line
//! in the encoding that read furthest.

use crate::model::diagnostics::{Diagnostic, position_at};

/// CSV text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or GB18030
/// (what Excel on a Chinese Windows saves as "CSV"), the latter with a warning naming it.
pub(super) fn decode_csv(bytes: &[u8], file: &str) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    // UTF-32 first: its little-endian BOM begins with UTF-16's.
    if let Some((text, name)) = utf32(bytes) {
        let note = Diagnostic::info(file, (0, 0), format!("read as {name} (its byte-order mark says so)"))
            .zh(format!("已按 {name} 读取（据其字节序标记）"));
        return text.map(|t| (t, vec![note])).map_err(|(line, col)| {
            Diagnostic::error(file, (line, col), format!("the file is not valid {name} text (invalid character here)"))
                .zh(format!("文件不是有效的 {name} 文本（此处字符无效）"))
        });
    }
    let bom = encoding_rs::Encoding::for_bom(bytes).map(|(e, _)| e);
    let unmarked = bom.is_none().then(|| utf16_without_bom(bytes)).flatten();
    if let Some(encoding) = bom.filter(|e| *e != encoding_rs::UTF_8).or(unmarked) {
        let (text, bad) = encoding.decode_with_bom_removal(bytes);
        if bad {
            let (line, col) = malformed_at(encoding, bytes);
            return Err(Diagnostic::error(
                file,
                (line, col),
                format!("the file is not valid {} text (invalid bytes here)", encoding.name()),
            )
            .zh(format!("文件不是有效的 {} 文本（此处字节无效）", encoding.name())));
        }
        let notes = match unmarked {
            Some(e) => vec![
                Diagnostic::warning(
                    file,
                    (0, 0),
                    format!("no byte-order mark: read as {} by its zero bytes", e.name()),
                )
                .zh(format!("没有字节序标记：据其零字节按 {} 读取", e.name())),
            ],
            None => Vec::new(),
        };
        return Ok((text.replace("\r\n", "\n").replace('\r', "\n"), notes));
    }
    match crate::model::load::decode_text(bytes, file) {
        Ok(text) => Ok((text, Vec::new())),
        Err(utf8_error) => {
            let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
            if bad || text.contains('\0') {
                // Neither reads it whole: the message is placed where the likelier encoding
                // (the one that read further) fails, as a GB18030 file with one bad byte on
                // line 4 is not "not UTF-8 at 1:2".
                let utf8_place = (utf8_error.line, utf8_error.col);
                let gb = malformed_at(encoding_rs::GB18030, bytes);
                if !bad || gb <= utf8_place {
                    return Err(utf8_error);
                }
                return Err(Diagnostic::error(
                    file,
                    gb,
                    "the file is neither UTF-8 nor GB18030 text: read as GB18030 (as its Chinese up to here reads), this byte is invalid",
                )
                .zh("文件既不是 UTF-8 也不是 GB18030 文本：按 GB18030 读取（此前的中文按此编码可读），此处字节无效"));
            }
            let note =
                Diagnostic::warning(file, (0, 0), "not UTF-8: read as GB18030 (GBK), as Excel saves CSV in Chinese")
                    .zh("不是 UTF-8：已按 GB18030（GBK）读取，中文 Excel 保存的 CSV 即为此编码");
            Ok((text.replace("\r\n", "\n").replace('\r', "\n"), vec![note]))
        }
    }
}

/// A UTF-32 file (by its byte-order mark), decoded, or the line and column of its first
/// invalid character; `None` when it is not UTF-32. encoding_rs, which reads every other
/// encoding here, has no UTF-32: its four-byte units are decoded here.
#[allow(clippy::type_complexity)]
fn utf32(bytes: &[u8]) -> Option<(Result<String, (usize, usize)>, &'static str)> {
    let (little, name) = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        (true, "UTF-32LE")
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        (false, "UTF-32BE")
    } else {
        return None;
    };
    let mut text = String::with_capacity(bytes.len() / 4);
    for unit in bytes.get(4..).unwrap_or_default().chunks(4) {
        let word = match (unit, little) {
            (&[a, b, c, d], true) => u32::from_le_bytes([a, b, c, d]),
            (&[a, b, c, d], false) => u32::from_be_bytes([a, b, c, d]),
            _ => u32::MAX,
        };
        match char::from_u32(word) {
            Some(c) => text.push(c),
            None => return Some((Err(position_at(&text, text.len())), name)),
        }
    }
    Some((Ok(text.replace("\r\n", "\n").replace('\r', "\n")), name))
}

/// UTF-16 without a byte-order mark, told by its zero bytes: text of mostly ASCII characters
/// has a zero in every other byte, at odd offsets for little-endian, even for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(4096) & !1)?;
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd, half) = (zeros(0), zeros(1), head.len() / 2);
    if odd * 10 >= half * 3 && even * 10 < half {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= half * 3 && odd * 10 < half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Line and column (in the decoded text) where `encoding` first meets bytes it cannot read.
fn malformed_at(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> (usize, usize) {
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 4);
    let mut text = String::with_capacity(capacity);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::Malformed(_, _) => position_at(&text, text.len()),
        _ => (1, 1),
    }
}
