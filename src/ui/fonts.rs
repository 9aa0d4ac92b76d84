//! The embedded Simplified Chinese font, installed the same way by the app and every test,
//! so Chinese renders on a machine with no CJK font.

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

pub const CJK_FONT_NAME: &str = "NotoSansSC";
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular-subset.otf");

/// Adds the Chinese font after egui's own fonts (Latin keeps egui's look), for both
/// proportional and monospace text.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.add_font(FontInsert {
        name: CJK_FONT_NAME.into(),
        data: FontData::from_static(CJK_FONT),
        families: vec![
            InsertFontFamily { family: FontFamily::Proportional, priority: FontPriority::Lowest },
            InsertFontFamily { family: FontFamily::Monospace, priority: FontPriority::Lowest },
        ],
    });
}
