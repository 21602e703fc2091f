//! A small log to a file, never to the screen: `--log-file [FILE]` turns it
//! on (default file: `$XDG_STATE_HOME/crossread/crossread.log`). Lines are
//! appended with a timestamp; failures to write are ignored.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

static LOG: OnceLock<Mutex<std::fs::File>> = OnceLock::new();
static START: OnceLock<std::time::Instant> = OnceLock::new();

/// Marks the start of the process (called first thing in `main`).
pub fn mark_start() {
    let _ = START.set(std::time::Instant::now());
}

/// Time since `mark_start`.
pub fn since_start() -> std::time::Duration {
    START.get().map_or(Default::default(), |s| s.elapsed())
}

/// The default log file in the state folder.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "crossread")?;
    let dir = dirs
        .state_dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.data_local_dir().to_path_buf());
    Some(dir.join("crossread.log"))
}

/// Opens the log (appending). Errors are returned for the caller to report.
pub fn init(path: &Path) -> std::io::Result<()> {
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d)?;
    }
    let f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    let _ = LOG.set(Mutex::new(f));
    Ok(())
}

/// Writes one line when logging is on.
pub fn line(msg: &str) {
    if let Some(m) = LOG.get() {
        if let Ok(mut f) = m.lock() {
            let now = chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f");
            let _ = writeln!(f, "{now} {msg}");
        }
    }
}

/// `log!("x {}", y)`: formats only when logging is on.
#[macro_export]
macro_rules! log {
    ($($t:tt)*) => {
        if $crate::log::enabled() {
            $crate::log::line(&format!($($t)*));
        }
    };
}

pub fn enabled() -> bool {
    LOG.get().is_some()
}

/// This process's resident memory in MiB (Linux; 0 elsewhere), for the log.
pub fn rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map(|pages| (pages * 4096) >> 20)
        .unwrap_or(0)
}

/// CPU time used by this process so far (user + system, all threads), for
/// the log: beside the wall time it shows how well a phase used the cores.
pub fn cpu_time() -> std::time::Duration {
    #[cfg(unix)]
    // SAFETY: getrusage only writes the struct it is given.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut u) == 0 {
            let tv = |t: libc::timeval| {
                std::time::Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000)
            };
            return tv(u.ru_utime) + tv(u.ru_stime);
        }
    }
    std::time::Duration::ZERO
}

/// Gives the memory freed by a finished phase back to the system, so that the
/// next phase's peak does not stack on the last one's (glibc keeps freed pages
/// of its per-thread arenas otherwise).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}
