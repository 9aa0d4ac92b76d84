use clap::Parser;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::cli::{Cli, run};

fn main() {
    let started = std::time::Instant::now();
    plan_explorer::crash::install_panic_hook();
    let cli = Cli::parse();
    if cli.command.is_some() {
        let code = run(&cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
        std::process::exit(code);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("内蒙古自治区“十三五”科技创新规划 · plan-explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        // The embedded font covers the app's Chinese; scanning system fonts is slow and has
        // crashed on machines without any (see assets/fonts/README.md).
        system_font_fallback: false,
        ..Default::default()
    };
    let (plan, files, startup_report) = (cli.plan, cli.files, cli.startup_report);
    let start = Box::new(move |cc: &eframe::CreationContext<'_>| -> Result<Box<dyn eframe::App>, _> {
        let mut app = PlanExplorerApp::start(cc, plan, files);
        if startup_report {
            app.report_startup(started);
        }
        Ok(Box::new(app))
    });
    if let Err(e) = eframe::run_native("plan-explorer", options, start) {
        eprintln!("plan-explorer: cannot open the window: {e}");
        std::process::exit(1);
    }
}
