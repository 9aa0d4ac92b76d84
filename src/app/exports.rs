//! Where the window's exports go: the exports folder, each file written atomically and never
//! over an earlier one, and the message panel says where it went (or why not).

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Msg, tr};
use crate::model::Severity;
use crate::model::messages::MessageLog;

/// Where exports go by default: a folder named so it is easy to find, in the user's Documents
/// (文档) folder. Not the working directory: started from a menu or by a double-click, that is
/// the home folder, or the .exe's folder, which may be read-only (Program Files). Only a
/// system without a Documents folder falls back to the working directory.
pub fn default_exports_dir() -> PathBuf {
    let name = "plan-explorer-exports";
    dirs::document_dir().map_or_else(|| PathBuf::from(name), |documents| documents.join(name))
}

pub struct Exports {
    dir: PathBuf,
}

impl Exports {
    pub fn new(dir: PathBuf) -> Self {
        Exports { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` as `name` in the exports folder — as `name-2`, `name-3`… when a file of
    /// that name is there, so an earlier export is never overwritten — and says where (or why
    /// not).
    pub fn write(&self, name: &str, bytes: &[u8], log: &mut MessageLog, lang: Lang) -> Option<PathBuf> {
        let path = free_path(&self.dir, name);
        let bytes = if name.ends_with(".csv") { with_bom(bytes) } else { bytes.into() };
        let result = std::fs::create_dir_all(&self.dir).and_then(|()| crate::fsutil::write_atomically(&path, &bytes));
        match result {
            Ok(()) => {
                let shown = std::fs::canonicalize(&path).unwrap_or(path.clone());
                log.info(format!("{}{}", tr(lang, Msg::Exported), shown.display()));
                Some(path)
            }
            Err(e) => {
                log.push(Severity::Error, format!("{}: {}: {e}", path.display(), tr(lang, Msg::CannotWrite)));
                None
            }
        }
    }
}

/// A CSV file's bytes as Excel reads them: Excel on Windows reads CSV as the local code page
/// unless it starts with a UTF-8 BOM (pandas and R's readr skip it).
pub fn with_bom(csv: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    const BOM: &[u8] = b"\xef\xbb\xbf";
    if csv.starts_with(BOM) { csv.into() } else { [BOM, csv].concat().into() }
}

/// `dir/name`, or the first of `dir/stem-2.ext`, `dir/stem-3.ext`… that does not exist.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, format!(".{ext}")),
        None => (name, String::new()),
    };
    (2..).map(|n| dir.join(format!("{stem}-{n}{ext}"))).find(|p| !p.exists()).unwrap_or(first)
}
