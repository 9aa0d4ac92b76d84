// On Windows the released .exe is a windowed program: double-clicking it opens no console
// window behind the app. Its command line attaches to the console it was started from.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::cli::{Cli, run};

fn main() {
    let started = std::time::Instant::now();
    plan_explorer::crash::install_panic_hook();
    let cli = Cli::parse();
    if cli.command.is_some() {
        end_quietly_on_closed_pipe();
        #[cfg(windows)]
        attach_to_parent_console();
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
        let code = matches!(e, eframe::Error::Wgpu(_)).then(restart_with_next_backend).flatten();
        std::process::exit(code.unwrap_or(1));
    }
}

/// Graphics backends to try, in turn, when the one wgpu chose cannot draw the window: some
/// drivers fail with DirectX 12 (so does wine) where Vulkan or OpenGL work.
const FALLBACK_BACKENDS: [&str; 2] = ["vulkan", "gl"];

/// Starts the app again with the next backend of [`FALLBACK_BACKENDS`] (a process can create
/// only one window event loop, so a retry needs a new process) and returns its exit code.
/// None when every backend was tried, or the user chose one (`WGPU_BACKEND`) that is not ours.
fn restart_with_next_backend() -> Option<i32> {
    let next = match std::env::var("WGPU_BACKEND").ok() {
        None => FALLBACK_BACKENDS.first(),
        Some(tried) => FALLBACK_BACKENDS.iter().skip_while(|b| **b != tried).nth(1),
    }?;
    eprintln!("plan-explorer: trying again with the {next} graphics backend");
    let exe = std::env::current_exe().ok()?;
    let status =
        std::process::Command::new(exe).args(std::env::args_os().skip(1)).env("WGPU_BACKEND", next).status().ok()?;
    Some(status.code().unwrap_or(1))
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

/// A windowed .exe starts without a console. Run from a terminal, the command line writes to
/// that terminal; output already redirected (`> file`, a pipe) keeps its handle.
#[cfg(windows)]
fn attach_to_parent_console() {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE};
    // SAFETY: Win32 calls without pointers; a failed attach (no parent console) changes nothing.
    unsafe {
        let output = GetStdHandle(STD_OUTPUT_HANDLE);
        if output.is_null() || output == INVALID_HANDLE_VALUE {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
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
