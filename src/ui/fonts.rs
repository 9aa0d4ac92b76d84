//! The fonts, installed the same way by the app and every test. The embedded Simplified
//! Chinese font covers every Han character of Noto Sans CJK SC (traditional ones included),
//! so Chinese renders on a machine with no CJK font. Fonts that some systems have for the
//! rarest characters (CJK extension B and beyond) are added after it where they exist.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

pub const CJK_FONT_NAME: &str = "NotoSansSC";
pub use crate::render::CJK_FONT;

/// System fonts with characters beyond the embedded font, and the face to use in a
/// collection. Fonts that only repeat the embedded one's characters are not listed: they
/// would cost memory and change nothing.
const SYSTEM_FALLBACKS: &[(&str, u32)] = &[
    // Windows (in %WINDIR%\Fonts, see system_fallbacks): SimSun-ExtB and MingLiU-ExtB cover
    // CJK extension B.
    ("%WINDIR%\\Fonts\\simsunb.ttf", 0),
    ("%WINDIR%\\Fonts\\mingliub.ttc", 0),
    // macOS.
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    // Linux: Hanazono (Debian's fonts-hanazono) covers extensions B to F.
    ("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0),
    ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),
];

/// A font file larger than this is not a font anyone installed on purpose: it is not read.
const MAX_SYSTEM_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// Adds the Chinese font after egui's own fonts (Latin keeps egui's look), for both
/// proportional and monospace text, then egui's emoji fonts, then whichever system
/// fallbacks exist.
pub fn install_fonts(ctx: &egui::Context) {
    add_font(ctx, CJK_FONT_NAME.into(), FontData::from_static(CJK_FONT));
    // After the Chinese font, so that its full-width punctuation is not taken from these.
    add_font(ctx, "NotoEmoji-Regular".into(), FontData::from_static(epaint_default_fonts::NOTO_EMOJI_REGULAR));
    add_font(ctx, "emoji-icon-font".into(), FontData::from_static(epaint_default_fonts::EMOJI_ICON));
    for (path, index) in system_fallbacks() {
        let readable = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= MAX_SYSTEM_FONT_BYTES);
        if let Some(bytes) = readable.then(|| std::fs::read(&path).ok()).flatten() {
            let mut data = FontData::from_owned(bytes);
            data.index = index;
            add_font(ctx, path, data);
        }
    }
}

/// The fallback paths of this system: Windows is not always installed in C:\\Windows.
fn system_fallbacks() -> impl Iterator<Item = (String, u32)> {
    let windows = std::env::var("WINDIR").unwrap_or_else(|_| "C:\\Windows".to_string());
    SYSTEM_FALLBACKS.iter().map(move |(path, index)| (path.replace("%WINDIR%", &windows), *index))
}

fn add_font(ctx: &egui::Context, name: String, data: FontData) {
    ctx.add_font(FontInsert {
        name,
        data,
        families: vec![
            InsertFontFamily { family: FontFamily::Proportional, priority: FontPriority::Lowest },
            InsertFontFamily { family: FontFamily::Monospace, priority: FontPriority::Lowest },
        ],
    });
}

/// Which of `chars` no installed font can draw (they would show as boxes).
pub fn undisplayable(ctx: &egui::Context, chars: &[char]) -> Vec<char> {
    let font = egui::FontId::proportional(14.0);
    ctx.fonts_mut(|fonts| chars.iter().copied().filter(|&c| !fonts.has_glyph(&font, c)).collect())
}
