//! The time of day in the machine's own time zone, for the presenter's clock. Rust's standard
//! library knows only UTC, and the date crates that know zones are not among this build's
//! dependencies; the operating system's own call answers in one line each.

/// Hours and minutes, local time ("14:05"); UTC where the system cannot say.
pub fn local_clock() -> String {
    let (h, m) = local_hour_minute().unwrap_or_else(|| {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        ((secs / 3600 % 24) as u32, (secs / 60 % 60) as u32)
    });
    format!("{h:02}:{m:02}")
}

#[cfg(unix)]
fn local_hour_minute() -> Option<(u32, u32)> {
    let mut tm = std::mem::MaybeUninit::<libc::tm>::zeroed();
    // SAFETY: `time` with a null pointer only returns the time; `localtime_r` writes into the
    // zeroed `tm` it is given (or returns null, checked before `tm` is read).
    unsafe {
        let now = libc::time(std::ptr::null_mut());
        if libc::localtime_r(&now, tm.as_mut_ptr()).is_null() {
            return None;
        }
        let tm = tm.assume_init();
        Some((u32::try_from(tm.tm_hour).ok()?, u32::try_from(tm.tm_min).ok()?))
    }
}

#[cfg(windows)]
fn local_hour_minute() -> Option<(u32, u32)> {
    let mut now = windows_sys::Win32::Foundation::SYSTEMTIME::default();
    // SAFETY: GetLocalTime writes the local time into the struct it is given.
    unsafe { windows_sys::Win32::System::SystemInformation::GetLocalTime(&mut now) };
    Some((u32::from(now.wHour), u32::from(now.wMinute)))
}

#[cfg(not(any(unix, windows)))]
fn local_hour_minute() -> Option<(u32, u32)> {
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_reads_hours_and_minutes() {
        let clock = super::local_clock();
        let (h, m) = clock.split_once(':').expect("h:m");
        assert!(h.len() == 2 && m.len() == 2, "{clock}");
        assert!(h.parse::<u32>().is_ok_and(|h| h < 24) && m.parse::<u32>().is_ok_and(|m| m < 60), "{clock}");
    }
}
