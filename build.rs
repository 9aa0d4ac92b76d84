//! Windows only: embeds the icon and version information in the .exe (shown by Explorer, the
//! taskbar and the file's properties). Other targets need nothing from this script.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/plan-explorer.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/plan-explorer.ico")
        .set("FileDescription", "plan-explorer: 内蒙古自治区“十三五”科技创新规划")
        .set("ProductName", "plan-explorer")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    // Without a resource compiler (mingw's windres when cross-compiling) the .exe would ship
    // without its icon: that is an error, not a warning.
    if let Err(e) = resource.compile() {
        eprintln!("cannot embed the Windows icon and version: {e}");
        eprintln!("(cross-compiling from Linux needs mingw's windres: apt-get install gcc-mingw-w64-x86-64)");
        std::process::exit(1);
    }
}
