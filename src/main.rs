// On Windows the released .exe is a windowed program: double-clicking it opens no console
// window behind the app. Its command line attaches to the console it was started from.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use plan_explorer::app::PlanExplorerApp;
use plan_explorer::cli::{Cli, run};

fn main() {
    let started = std::time::Instant::now();
    plan_explorer::crash::install_panic_hook();
    // Before parsing: clap writes --help, --version and usage errors itself.
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        attach_to_parent_console();
    }
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
    if let Some(message) = no_display() {
        eprintln!("{message}");
        std::process::exit(2);
    }
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
        if code.is_none() {
            tell_the_window_cannot_open(&e);
        }
        std::process::exit(code.unwrap_or(1));
    }
}

/// On Linux and the BSDs a window needs an X or Wayland display. Without one winit fails with
/// an error naming a file in its own sources: say plainly what is missing and what still works.
fn no_display() -> Option<&'static str> {
    if cfg!(not(all(unix, not(target_os = "macos")))) {
        return None;
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET") {
        return None;
    }
    Some(
        "plan-explorer: no display found: set DISPLAY (X11) or WAYLAND_DISPLAY, \
         or run a command such as `plan-explorer check` (see `plan-explorer --help`)\n\
         plan-explorer：未找到显示器：请设置 DISPLAY 或 WAYLAND_DISPLAY，或运行命令，例如 `plan-explorer check`",
    )
}

/// A double-clicked .exe has no console for the error: say it in a message box.
fn tell_the_window_cannot_open(error: &eframe::Error) {
    #[cfg(windows)]
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("plan-explorer")
        .set_description(format!("无法打开窗口 / Cannot open the window:\n{error}"))
        .show();
    #[cfg(not(windows))]
    let _ = error;
}

/// Graphics backends to try, in turn, when the one wgpu chose cannot draw the window: some
/// drivers fail with DirectX 12 (so does wine) where Vulkan or OpenGL work.
const FALLBACK_BACKENDS: [&str; 2] = ["vulkan", "gl"];

/// Starts the app again with the next backend of [`FALLBACK_BACKENDS`] (a process can create
/// only one window event loop, so a retry needs a new process) and returns its exit code.
/// None when every backend was tried, or when the user chose the backend (`WGPU_BACKEND`).
fn restart_with_next_backend() -> Option<i32> {
    let ours = std::env::var_os(RETRY_MARK).is_some();
    let next = match std::env::var("WGPU_BACKEND").ok() {
        None => FALLBACK_BACKENDS.first(),
        Some(tried) if ours => FALLBACK_BACKENDS.iter().skip_while(|b| **b != tried).nth(1),
        Some(_) => None,
    }?;
    eprintln!("plan-explorer: trying again with the {next} graphics backend");
    let exe = std::env::current_exe().ok()?;
    let mut retry = std::process::Command::new(exe);
    retry.args(std::env::args_os().skip(1)).env("WGPU_BACKEND", next).env(RETRY_MARK, "1");
    Some(retry.status().ok()?.code().unwrap_or(1))
}

/// Marks a process that [`restart_with_next_backend`] started: its WGPU_BACKEND is ours to
/// change, not the user's choice.
const RETRY_MARK: &str = "PLAN_EXPLORER_BACKEND_RETRY";

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
/// that terminal (when standard output or error has nowhere to go); a stream already
/// redirected (`> file`, a pipe) keeps its handle. cmd.exe does not wait for a windowed
/// program: a script that needs the exit code uses `start /wait` (README, Packages).
#[cfg(windows)]
fn attach_to_parent_console() {
    use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };
    let nowhere = |handle: HANDLE| handle.is_null() || handle == INVALID_HANDLE_VALUE;
    // SAFETY: Win32 calls without pointers; a failed attach (no parent console) changes nothing.
    unsafe {
        if nowhere(GetStdHandle(STD_OUTPUT_HANDLE)) || nowhere(GetStdHandle(STD_ERROR_HANDLE)) {
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
