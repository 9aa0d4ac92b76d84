//! The shape the code keeps (docs/ARCHITECTURE.md): no file in `src/` over 600 lines and no
//! function over 120, so that every concern stays small enough to read in one sitting. Read
//! with `syn`, so a function's length is its real span, not a guess from braces.

use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

const MAX_FILE_LINES: usize = 600;
const MAX_FUNCTION_LINES: usize = 120;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every function (free, method, in a test module too) with its first line and length.
#[derive(Default)]
struct Functions {
    found: Vec<(String, usize, usize)>,
}

impl Functions {
    fn add(&mut self, name: String, span: proc_macro2::Span) {
        let (start, end) = (span.start().line, span.end().line);
        self.found.push((name, start, end + 1 - start));
    }
}

impl<'ast> Visit<'ast> for Functions {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.add(f.sig.ident.to_string(), f.span());
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.add(f.sig.ident.to_string(), f.span());
        syn::visit::visit_impl_item_fn(self, f);
    }
}

#[test]
fn no_file_is_over_600_lines_and_no_function_over_120() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "found {} files", files.len());
    let mut too_long = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        let shown = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(file).display().to_string();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            too_long.push(format!("{shown}: {lines} lines"));
        }
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let mut functions = Functions::default();
        functions.visit_file(&parsed);
        for (name, line, length) in functions.found {
            if length > MAX_FUNCTION_LINES {
                too_long.push(format!("{shown}:{line}: fn {name} is {length} lines"));
            }
        }
    }
    assert!(too_long.is_empty(), "over the limits:\n{}", too_long.join("\n"));
}

#[test]
fn a_function_is_measured_from_its_signature_to_its_closing_brace() {
    let text = "fn short() {}\n\nimpl A {\n    fn three(&self) {\n        let x = 1;\n    }\n}\n";
    let mut functions = Functions::default();
    functions.visit_file(&syn::parse_file(text).expect("parses"));
    assert_eq!(functions.found, vec![("short".to_string(), 1, 1), ("three".to_string(), 4, 3)]);
}

/// The floors of docs/ARCHITECTURE.md: each part of `src/` names nothing of a floor above it
/// (its tests aside, which may build what they need from anywhere).
#[test]
fn no_floor_reaches_up() {
    let forbidden: [(&str, &[&str]); 6] = [
        ("src/i18n.rs", &["model", "session", "ui", "app", "cli", "loader", "render"]),
        ("src/model", &["session", "ui", "app", "cli", "loader", "render"]),
        ("src/session", &["ui", "app", "cli"]),
        ("src/ui", &["app", "cli"]),
        ("src/cli", &["app", "ui"]),
        ("src/loader.rs", &["session", "ui", "app", "cli"]),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut reaching = Vec::new();
    for (place, above) in forbidden {
        let path = root.join(place);
        let mut files = Vec::new();
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else {
            files.push(path);
        }
        assert!(!files.is_empty(), "{place} holds no file");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable");
            // What the file's tests use is theirs: only the code before them counts.
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(&text);
            for floor in above {
                let name = format!("crate::{floor}");
                for (n, line) in code
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| l.contains(&format!("{name}::")) || l.contains(&format!("{name};")))
                {
                    let shown = file.strip_prefix(root).unwrap_or(&file).display().to_string();
                    reaching.push(format!("{shown}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(reaching.is_empty(), "a floor reaches up:\n{}", reaching.join("\n"));
}
