//! Writing files so that a failure never leaves a half-written file behind.

use std::io::Write;
use std::path::Path;

/// How many links in a row are followed before giving up (a loop of links).
const MAX_LINKS: usize = 16;

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`. On any
/// failure the old file is untouched and the temporary file is removed. A link is written
/// through (the file it points at is replaced, the link stays); an existing file keeps its
/// permissions; a device or pipe such as `/dev/stdout` is written to directly, since it
/// cannot be replaced.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let dest = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if dest.is_relative() => dir.join(dest),
                    _ => dest,
                };
            }
            _ => return write_file(&path, bytes),
        }
    }
    Err(std::io::Error::other(format!("{}: too many links", path.display())))
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let existing = std::fs::metadata(path).ok();
    if let Some(m) = &existing
        && !m.is_file()
        && !m.is_dir()
    {
        return std::fs::OpenOptions::new().write(true).open(path)?.write_all(bytes);
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    remove_leftovers(dir, &file_name);
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(m) = &existing {
            std::fs::set_permissions(&tmp, m.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files that an earlier write of `file_name` left when its process was
/// killed (their process no longer runs). Where that cannot be told, they are kept.
fn remove_leftovers(dir: &Path, file_name: &str) {
    let prefix = format!(".{file_name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(|p| p.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && process_ended(pid)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn process_ended(pid: u32) -> bool {
    // Linux shows every running process under /proc; elsewhere, assume it may still run.
    cfg!(target_os = "linux") && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_as_it_was() {
        let dir = std::env::temp_dir().join(format!("pe-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("deck.ron");
        std::fs::write(&path, "old").unwrap();
        // Make the temporary file impossible to create: a folder already has its name.
        let blocker = dir.join(format!(".deck.ron.tmp-{}", std::process::id()));
        std::fs::create_dir_all(&blocker).unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        std::fs::remove_dir(&blocker).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        // A folder that does not exist: an error, nothing written.
        assert!(write_atomically(&dir.join("missing/x.csv"), b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("pe-atomic-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("real.csv");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.join("link.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
        // A device is written to, not replaced.
        write_atomically(Path::new("/dev/null"), b"gone").unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_killed_writes_leftover_is_removed_by_the_next_write() {
        let dir = std::env::temp_dir().join(format!("pe-atomic-leftover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // A process number above Linux's maximum (2^22) never runs.
        let leftover = dir.join(".report.csv.tmp-4194305");
        std::fs::write(&leftover, "").unwrap();
        let other = dir.join(".other.csv.tmp-4194305");
        std::fs::write(&other, "").unwrap();
        write_atomically(&dir.join("report.csv"), b"new").unwrap();
        assert!(!leftover.exists(), "the dead write's temporary file is gone");
        assert!(other.exists(), "another file's is not touched");
    }
}
