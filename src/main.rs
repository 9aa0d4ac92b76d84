use clap::Parser;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::cli::{Cli, run};

fn main() {
    let started = std::time::Instant::now();
    plan_explorer::crash::install_panic_hook();
    let cli = Cli::parse();
    if cli.command.is_some() {
        end_quietly_on_closed_pipe();
        let code = run(&cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
        std::process::exit(code);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("内蒙古自治区“十三五”科技创新规划 · plan-explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true)
            .with_icon(icon()),
        // The embedded font covers the app's Chinese; scanning system fonts is slow and has
        // crashed on machines without any (see assets/fonts/README.md).
        system_font_fallback: false,
        ..Default::default()
    };
    guard_eframe_state();
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

/// Rust ignores SIGPIPE, so `plan-explorer compare … | head` would report "Broken pipe" when
/// `head` stops reading. A command-line tool should end quietly instead, as Unix tools do.
/// (Only for the command line: the window never writes to a pipe.)
fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called once at start, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// eframe reads its own state file (window and layout) whole at start. One larger than any
/// real state is damaged or hostile: it is moved aside, and eframe starts from defaults.
fn guard_eframe_state() {
    let Some(dir) = plan_explorer::crash::data_dir() else { return };
    let path = dir.join("app.ron");
    let too_large = std::fs::metadata(&path).is_ok_and(|m| m.len() > plan_explorer::app::settings::MAX_SETTINGS_BYTES);
    if too_large && std::fs::rename(&path, dir.join("app.ron.too-large")).is_ok() {
        eprintln!("plan-explorer: {} was too large to be a saved state; moved aside", path.display());
    }
}

/// The window's icon (drawn by tools/make_icon.py); egui's default if it ever fails to decode.
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon/plan-explorer.png")).unwrap_or_default()
}
