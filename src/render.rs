//! SVG to PNG and PDF, with the embedded Chinese font and nothing from the system, so that an
//! export looks the same on every machine. The SVG comes from the chart spec
//! (`model::chart::svg`); nothing here is a screen grab.

use std::sync::{Arc, OnceLock};

use pdf_writer::{Finish, Name, Pdf, Rect, Ref, TextStr};
use resvg::usvg;

use crate::model::drawing::FONT_FAMILY;

/// The Simplified Chinese font the app embeds (Noto Sans CJK SC, subset; OFL).
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular-subset.otf");

/// The largest PNG side in pixels: 4× a 1920-wide slide.
pub const MAX_PNG_SIDE: f32 = 8192.0;

fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(CJK_FONT.to_vec());
            // Its own Latin glyphs serve for Latin text; every generic family maps to it.
            db.set_sans_serif_family(FONT_FAMILY);
            db.set_serif_family(FONT_FAMILY);
            Arc::new(db)
        })
        .clone()
}

fn parse(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options { font_family: FONT_FAMILY.to_string(), fontdb: fonts(), ..usvg::Options::default() };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot read the SVG: {e}"))
}

/// The SVG as a picture for a Word document: a PNG and its size in pixels.
pub fn picture(svg: &str, scale: f32) -> Result<crate::model::export::docx::Picture, String> {
    let png = png(svg, scale)?;
    // The PNG's IHDR: width and height, big-endian, at bytes 16–23.
    let size = |at: usize| png.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_be_bytes).unwrap_or(1);
    let (width_px, height_px) = (size(16), size(20));
    Ok(crate::model::export::docx::Picture { png, width_px, height_px })
}

/// Print resolution for a Word document's pictures: a 960-unit chart 156 mm wide at 2.5 is
/// 2400 pixels, about 390 dpi.
pub const PRINT_SCALE: f32 = 2.5;

/// The SVG as a PNG, `scale` pixels per SVG unit (1, 2 or 4 for a 960×540 slide: up to 4K).
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    pixmap(svg, scale)?.encode_png().map_err(|e| format!("cannot encode the PNG: {e}"))
}

/// The SVG as pixels (premultiplied RGBA, row by row), for a picture on screen drawn exactly
/// as its PNG: the speaker view's slides. Returns the width, the height and the pixels.
pub fn rgba(svg: &str, scale: f32) -> Result<(usize, usize, Vec<u8>), String> {
    let pixmap = pixmap(svg, scale)?;
    Ok((pixmap.width() as usize, pixmap.height() as usize, pixmap.take()))
}

fn pixmap(svg: &str, scale: f32) -> Result<resvg::tiny_skia::Pixmap, String> {
    let tree = parse(svg)?;
    let size = tree.size();
    let (w, h) = ((size.width() * scale).ceil(), (size.height() * scale).ceil());
    if !(scale > 0.0 && w >= 1.0 && h >= 1.0 && w <= MAX_PNG_SIDE && h <= MAX_PNG_SIDE) {
        return Err(format!("{w}×{h} pixels: a PNG side must be 1 to {MAX_PNG_SIDE} pixels"));
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w as u32, h as u32).ok_or("cannot allocate the image")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// One PDF page per SVG (each page the size of its SVG, in points), text kept as real,
/// selectable text in the embedded font.
pub fn pdf(pages: &[String], title: &str) -> Result<Vec<u8>, String> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::new();
    for (k, svg) in pages.iter().enumerate() {
        let tree = parse(svg).map_err(|e| format!("page {}: {e}", k + 1))?;
        let (chunk, svg_ref) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| format!("page {}: {e}", k + 1))?;
        // The chunk numbers its objects from 1: give them numbers of this document.
        let mut map = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let svg_ref = *map.get(&svg_ref).ok_or("the SVG object went missing")?;
        let (w, h) = (tree.size().width(), tree.size().height());
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let name = Name(b"S1");
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(page_tree);
        page.contents(content_id);
        page.resources().x_objects().pair(name, svg_ref);
        page.finish();
        let mut content = pdf_writer::Content::new();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        page_ids.push(page_id);
    }
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree).kids(page_ids.iter().copied()).count(page_ids.len() as i32);
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("plan-explorer"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100" fill="white"/><text x="10" y="50" font-size="20">研发经费 2.2%</text></svg>"#;

    #[test]
    fn a_png_has_the_asked_scale_and_ink_where_the_text_is() {
        let bytes = png(SVG, 2.0).expect("renders");
        let image = image::load_from_memory(&bytes).expect("a PNG").to_rgba8();
        assert_eq!(image.dimensions(), (400, 200));
        let dark = image.pixels().filter(|p| p.0[0] < 100).count();
        assert!(dark > 200, "the Chinese text is drawn with the embedded font: {dark} dark pixels");
    }

    #[test]
    fn absurd_scales_are_refused_not_allocated() {
        assert!(png(SVG, 1000.0).is_err());
        assert!(png(SVG, 0.0).is_err());
    }

    #[test]
    fn a_pdf_has_one_page_per_svg() {
        let bytes = pdf(&[SVG.to_string(), SVG.to_string()], "t").expect("converts");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF"));
        assert_eq!(text.matches("/Type /Page").count() - text.matches("/Type /Pages").count(), 2);
    }
}
