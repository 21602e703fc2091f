//! Atomic saves: a temporary file in the same folder, flushed to disk, then
//! renamed over the old one, so a crash leaves the old or the new version,
//! never a torn one. Below `index` (the cache) and `store` (the user's files).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    save_atomic_with(path, |w| w.write_all(bytes))
}

/// The same, with the content streamed by `write` (no copy of it in memory).
pub fn save_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // a symlink (a dotfiles repository's aliases.toml) stays a link: the
    // file it points to is the one replaced
    let target = follow_links(path);
    let path = target.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // the rename itself reaches the disk with the folder
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Where a chain of symlinks ends (the path itself when it is none; a
/// dangling link's target too, to be created there).
fn follow_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&p) {
            Ok(t) => {
                p = match p.parent() {
                    Some(dir) if t.is_relative() => dir.join(t),
                    _ => t,
                }
            }
            Err(_) => return p,
        }
    }
    p
}

/// Holds an exclusive lock on `PATH.lock` (beside the file) while it lives:
/// two crossreads writing the same file take turns, each reading the other's
/// change before writing its own.
pub struct FileLock(std::fs::File);

impl FileLock {
    pub fn take(path: &Path) -> std::io::Result<FileLock> {
        let target = follow_links(path);
        let lock = PathBuf::from(format!("{}.lock", target.display()));
        if let Some(dir) = lock.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)?;
        use std::os::fd::AsRawFd;
        // SAFETY: flock on a file descriptor this process owns.
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(FileLock(f))
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: as above; closing the file would release it as well.
        unsafe {
            libc::flock(self.0.as_raw_fd(), libc::LOCK_UN);
        }
    }
}
