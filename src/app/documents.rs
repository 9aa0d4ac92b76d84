//! The exports a command asks for: tables as CSV, the fill-in workbook, the briefing (HTML,
//! PDF, Word), the evaluation report (Word) and the current slide (PNG, CSV), each written
//! to the exports folder. Documents that take long to draw (a PDF, a Word file with its
//! pictures) are laid out here and drawn on a worker, which a later frame collects.

use std::path::PathBuf;
use std::sync::Arc;

use crate::i18n::{Lang, Msg, tr};
use crate::model::Severity;
use crate::model::export::{
    SLIDE_SIZE, briefing_html, briefing_pages, chart_csv, evaluation_csv, slide_svg, table_csv, table_csv_of,
};
use crate::model::slide::{SlideBody, SlideSpec};
use crate::ui::command::{DocumentFormat, ExportCommand};

use super::PlanExplorerApp;

impl PlanExplorerApp {
    pub(super) fn run_export(&mut self, command: ExportCommand) {
        match command {
            ExportCommand::ChartCsv => {
                let name = format!("chart-{}.csv", self.settings.selected_measures.join("+"));
                let csv = chart_csv(&self.current_chart());
                self.exports.write(&name, csv.as_bytes(), &mut self.log, self.settings.lang);
            }
            ExportCommand::Table => {
                self.export_table();
            }
            ExportCommand::Evaluation => {
                self.export_evaluation();
            }
            ExportCommand::Entries => {
                self.export_entries();
            }
            ExportCommand::EntriesSaveAs => self.open_entries_save_as(),
            ExportCommand::FillInWorkbook => {
                self.export_fill_in_workbook();
            }
            ExportCommand::BriefingHtml => {
                self.export_briefing();
            }
            ExportCommand::Handout(DocumentFormat::Html) => {
                self.export_briefing_html(true);
            }
            ExportCommand::Handout(DocumentFormat::Pdf) => self.export_briefing_pdf(true),
            ExportCommand::Handout(DocumentFormat::Docx) => self.export_briefing_docx(true),
            ExportCommand::SlidePng(scale) => self.export_slide_png(scale),
            ExportCommand::BriefingPdf => self.export_briefing_pdf(false),
            ExportCommand::BriefingDocx => self.export_briefing_docx(false),
            ExportCommand::EvaluationDocx => self.export_evaluation_docx(),
            ExportCommand::SlideCsv => self.export_slide_csv(),
        }
    }

    /// The final evaluation as CSV, every target whatever the page is narrowed to.
    pub fn export_evaluation(&mut self) -> Option<PathBuf> {
        let csv = evaluation_csv(self.session.evaluations());
        self.exports.write("final-evaluation.csv", csv.as_bytes(), &mut self.log, self.settings.lang)
    }

    /// The fill-in workbook, with the values known in the window (entered ones too) filled in.
    pub fn export_fill_in_workbook(&mut self) -> Option<PathBuf> {
        let (doc, rule) = (self.session.doc(), self.session.scenarios().rule());
        match crate::model::evaluation::template::template_xlsx(doc, self.session.evaluations(), rule) {
            Ok(bytes) => self.exports.write("填报表.xlsx", &bytes, &mut self.log, self.settings.lang),
            Err(e) => {
                self.log.push(Severity::Error, format!("填报表.xlsx: {e}"));
                None
            }
        }
    }

    /// The indicator table as CSV.
    pub fn export_table(&mut self) -> Option<PathBuf> {
        let csv = table_csv(self.session.summaries());
        self.exports.write("indicators.csv", csv.as_bytes(), &mut self.log, self.settings.lang)
    }

    /// Every slide of the running deck (or the plan's default deck) as one HTML file.
    pub fn export_briefing(&mut self) -> Option<PathBuf> {
        self.export_briefing_html(false)
    }

    /// The HTML briefing, with each slide's speaker notes when `notes`.
    pub fn export_briefing_html(&mut self, notes: bool) -> Option<PathBuf> {
        let (title, slides, handout) = self.briefing_slides(notes);
        let html = briefing_html(&title, &slides, self.settings.lang, &handout);
        let name = if notes { "briefing-notes.html" } else { "briefing.html" };
        self.exports.write(name, html.as_bytes(), &mut self.log, self.settings.lang)
    }

    /// The running deck's slides (the default deck when none runs), the evaluation first, and
    /// with `notes` each slide's speaker notes (else none).
    fn briefing_slides(&self, notes: bool) -> (String, Vec<Arc<SlideSpec>>, Vec<String>) {
        let deck = match &self.presenter {
            Some(p) => p.deck.clone(),
            None => self.session.default_deck(None, self.settings.lang),
        };
        let slides = self.session.briefing(&deck, self.settings.lang);
        let handout = if notes { self.session.handout(&deck) } else { Vec::new() };
        (deck.name, slides, handout)
    }

    /// The slide shown, its number and how many there are.
    fn current_slide(&self) -> Option<(Arc<SlideSpec>, usize, usize)> {
        let p = self.presenter.as_ref()?;
        let slide = p.current()?;
        Some((self.session.slide(slide, self.settings.lang), p.index + 1, p.deck.slides.len()))
    }

    fn export_slide_png(&mut self, scale: u8) {
        let Some((spec, number, count)) = self.current_slide() else { return };
        let svg = slide_svg(&spec, &format!("{number} / {count}"), SLIDE_SIZE);
        let name = format!("slide-{number}-{scale}x.png");
        match crate::render::png(&svg, f32::from(scale)) {
            Ok(png) => {
                self.exports.write(&name, &png, &mut self.log, self.settings.lang);
            }
            Err(e) => self.log.push(Severity::Error, format!("{name}: {e}")),
        }
    }

    fn export_slide_csv(&mut self) {
        let Some((spec, number, _)) = self.current_slide() else { return };
        let csv = match (&spec.body, spec.table()) {
            (SlideBody::Chart(chart), _) => chart_csv(chart),
            (_, Some(table)) => table_csv_of(table),
            // A cover has no numbers: nothing is written, and the presenter is told why.
            (_, None) => return self.log.info(tr(self.settings.lang, Msg::NoSlideData).to_string()),
        };
        self.exports.write(&format!("slide-{number}.csv"), csv.as_bytes(), &mut self.log, self.settings.lang);
    }

    /// The pages are laid out here; drawing them into a PDF (about 10 ms a slide) runs on a
    /// worker, whose result a later frame writes ([`PlanExplorerApp::poll_document_export`]).
    fn export_briefing_pdf(&mut self, notes: bool) {
        let (title, slides, handout) = self.briefing_slides(notes);
        let pages = briefing_pages(&slides, self.settings.lang, &handout);
        let name = if notes { "briefing-notes.pdf" } else { "briefing.pdf" };
        self.start_document(name, pages.len(), move || crate::render::pdf(&pages, &title));
    }

    /// The briefing as a Word document: its pictures are drawn on the worker.
    fn export_briefing_docx(&mut self, notes: bool) {
        let (title, slides, handout) = self.briefing_slides(notes);
        let (lang, count) = (self.settings.lang, slides.len());
        let name = if notes { "briefing-notes.docx" } else { "briefing.docx" };
        self.start_document(name, count, move || {
            crate::model::export::report::briefing_docx(&title, &slides, lang, &handout, &print_picture)
        });
    }

    /// The final evaluation as a Word report, with the headline indicators' charts.
    fn export_evaluation_docx(&mut self) {
        let doc = Arc::clone(self.session.doc());
        let evaluations = self.session.evaluations().to_vec();
        let rule = self.session.scenarios().rule();
        let headlines = self.session.headline_slides(Lang::Zh);
        self.start_document("终期评估.docx", headlines.len(), move || {
            crate::model::export::report::evaluation_docx(&doc, &evaluations, rule, &headlines, &print_picture)
        });
    }

    /// Draws a document on the worker, saying so (and how many pages or pictures it holds).
    fn start_document(
        &mut self,
        name: &str,
        count: usize,
        draw: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        let lang = self.settings.lang;
        let what = match lang {
            Lang::Zh => format!("{name}，{count} 页"),
            Lang::En => format!("{name}, {count} pages"),
        };
        self.log.info(format!("{}{what}", tr(lang, Msg::ExportingDocument)));
        let name = name.to_string();
        self.document_export.start(move || (name, draw()));
    }

    /// A finished document is written; while one is drawn, frames keep coming to see it.
    pub(super) fn poll_document_export(&mut self, ctx: &egui::Context) {
        match self.document_export.poll() {
            Some((name, Ok(bytes))) => {
                self.exports.write(&name, &bytes, &mut self.log, self.settings.lang);
                ctx.request_repaint();
            }
            Some((name, Err(e))) => self.log.push(Severity::Error, format!("{name}: {e}")),
            None if self.document_export.running() => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            None => {}
        }
    }

    /// Whether a document is being drawn (tests wait for it).
    pub fn exporting(&self) -> bool {
        self.document_export.running()
    }
}

/// A picture for a Word document, at print resolution.
fn print_picture(svg: &str) -> Result<crate::model::export::docx::Picture, String> {
    crate::render::picture(svg, crate::render::PRINT_SCALE)
}
