//! The time of day in the machine's own time zone, for the presenter's clock. Rust's standard
//! library knows only UTC, and the date crates that know zones are not among this build's
//! dependencies; the operating system's own call answers in one line each.

/// Hours and minutes, local time ("14:05"); UTC where the system cannot say.
pub fn local_clock() -> String {
    let now = local_now();
    format!("{:02}:{:02}", now.hour, now.minute)
}

/// Today's date as the language writes it: 2026年12月7日, 7 December 2026.
pub fn local_date(lang: crate::i18n::Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let now = local_now();
    match lang {
        crate::i18n::Lang::Zh => format!("{}年{}月{}日", now.year, now.month, now.day),
        crate::i18n::Lang::En => {
            let month = MONTHS.get(now.month.saturating_sub(1) as usize).copied().unwrap_or_default();
            format!("{} {month} {}", now.day, now.year)
        }
    }
}

/// The local date and time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Now {
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
}

fn local_now() -> Now {
    local().unwrap_or_else(|| {
        // UTC, from the days since 1970 (the civil calendar's algorithm, H. Hinnant's).
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let days = (secs / 86_400) as i64 + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u32;
        Now { year, month, day, hour: (secs / 3600 % 24) as u32, minute: (secs / 60 % 60) as u32 }
    })
}

#[cfg(unix)]
fn local() -> Option<Now> {
    let mut tm = std::mem::MaybeUninit::<libc::tm>::zeroed();
    // SAFETY: `time` with a null pointer only returns the time; `localtime_r` writes into the
    // zeroed `tm` it is given (or returns null, checked before `tm` is read).
    unsafe {
        let now = libc::time(std::ptr::null_mut());
        if libc::localtime_r(&now, tm.as_mut_ptr()).is_null() {
            return None;
        }
        let tm = tm.assume_init();
        let n = |v: libc::c_int| u32::try_from(v).ok();
        Some(Now {
            year: n(tm.tm_year)? + 1900,
            month: n(tm.tm_mon)? + 1,
            day: n(tm.tm_mday)?,
            hour: n(tm.tm_hour)?,
            minute: n(tm.tm_min)?,
        })
    }
}

#[cfg(windows)]
fn local() -> Option<Now> {
    let mut now = windows_sys::Win32::Foundation::SYSTEMTIME::default();
    // SAFETY: GetLocalTime writes the local time into the struct it is given.
    unsafe { windows_sys::Win32::System::SystemInformation::GetLocalTime(&mut now) };
    Some(Now {
        year: u32::from(now.wYear),
        month: u32::from(now.wMonth),
        day: u32::from(now.wDay),
        hour: u32::from(now.wHour),
        minute: u32::from(now.wMinute),
    })
}

#[cfg(not(any(unix, windows)))]
fn local() -> Option<Now> {
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

    #[test]
    fn the_date_is_written_as_each_language_writes_it() {
        let zh = super::local_date(crate::i18n::Lang::Zh);
        let (year, rest) = zh.split_once('年').expect("年");
        assert!(year.parse::<u32>().is_ok_and(|y| y >= 2024) && rest.ends_with('日') && rest.contains('月'), "{zh}");
        let en = super::local_date(crate::i18n::Lang::En);
        assert!(en.ends_with(year) && en.split(' ').count() == 3, "{en}");
    }
}
