//! The user's files: where they live (XDG folders), read and written
//! atomically (`crate::atomic`) or in SQLite (`userdb`).

pub use crate::atomic::{save_atomic, save_atomic_with, FileLock};

use crate::app::userdata::UserData;
use crate::index::aliases::{Aliases, Correction};
use std::path::{Path, PathBuf};

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "crossread")
}

/// `$XDG_CONFIG_HOME/crossread` (usually `~/.config/crossread`).
pub fn config_dir() -> Option<PathBuf> {
    project().map(|p| p.config_dir().to_path_buf())
}

/// `$XDG_DATA_HOME/crossread` (usually `~/.local/share/crossread`).
pub fn data_dir() -> Option<PathBuf> {
    project().map(|p| p.data_dir().to_path_buf())
}

/// `$XDG_CACHE_HOME/crossread` (usually `~/.cache/crossread`).
pub fn cache_dir() -> Option<PathBuf> {
    project().map(|p| p.cache_dir().to_path_buf())
}

/// The user's corrections to entity linking.
pub fn aliases_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("aliases.toml"))
}

/// Reads the aliases file. A missing file is no corrections; an invalid one
/// is reported (with its line) and ignored, so crossread starts on the defaults.
pub fn load_aliases(path: Option<&Path>) -> (Aliases, Option<String>) {
    let Some(path) = path else {
        return (Aliases::default(), None);
    };
    match std::fs::read_to_string(path) {
        Ok(src) => match Aliases::parse(&src) {
            Ok(a) => (a, None),
            Err(e) => (
                Aliases::default(),
                Some(format!(
                    "{e}; your corrections are not applied until it is fixed"
                )),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Aliases::default(), None),
        Err(e) => (Aliases::default(), Some(format!("cannot read: {e}"))),
    }
}

pub mod userdb;

/// The user's read state, stars and notes (SQLite).
pub fn state_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("state.db"))
}

/// The plain-text state file of the versions before (migrated once).
pub fn legacy_state_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("state.toml"))
}

/// Opens the user's store and reads it. Whatever goes wrong, the app
/// starts (on an empty state for this session only, when the store cannot
/// be opened at all), and the messages say what happened to which file.
pub fn open_user(path: Option<&Path>) -> (Option<userdb::UserDb>, UserData, Vec<String>) {
    let Some(path) = path else {
        return (None, UserData::default(), vec![]);
    };
    let legacy = path.with_file_name("state.toml");
    match userdb::UserDb::open(path, Some(&legacy)) {
        Ok((mut db, said)) => match db.load() {
            Ok(u) => (Some(db), u, said),
            Err(e) => (
                None,
                UserData::default(),
                vec![format!(
                    "{e}; read, stars and notes are not saved this session"
                )],
            ),
        },
        Err(e) => (
            None,
            UserData::default(),
            vec![format!(
                "{e}; read, stars and notes are not saved this session"
            )],
        ),
    }
}

/// The files the app writes while it runs.
#[derive(Default)]
pub struct Files {
    pub aliases: AliasFile,
    /// Where read/star/notes go; None: this session only.
    pub user: Option<userdb::UserDb>,
    /// The user's data as last written or read: what the next change is
    /// measured from.
    pub user_seen: UserData,
}

impl Files {
    /// Writes the changes from what was last seen to `u`, then reads the
    /// store back (with another instance's changes): the state to go on with.
    pub fn save_user(&mut self, u: &UserData) -> Result<UserData, String> {
        let Some(db) = self.user.as_mut() else {
            return Ok(u.clone());
        };
        db.apply(&self.user_seen, u)
            .map_err(|e| format!("{e}: not saved"))?;
        let now = db.load().unwrap_or_else(|_| u.clone());
        self.user_seen = now.clone();
        Ok(now)
    }

    /// The prompts' history as stored (empty without a store).
    pub fn history(&self) -> crate::app::line::History {
        self.user
            .as_ref()
            .and_then(|db| db.history().ok())
            .unwrap_or_default()
    }

    /// Saves lines entered at the prompts.
    pub fn save_history(
        &mut self,
        lines: &[(crate::app::line::Kind, String)],
    ) -> Result<(), String> {
        match self.user.as_mut() {
            Some(db) => db.add_history(lines),
            None => Ok(()),
        }
    }

    /// The user's data when another instance changed it since it was last
    /// read here.
    pub fn user_changed_elsewhere(&mut self) -> Option<UserData> {
        let now = self.user.as_mut()?.changed_elsewhere()?;
        self.user_seen = now.clone();
        Some(now)
    }
}

#[cfg(test)]
thread_local! {
    /// Set by a test only: writes without the lock, to show what it prevents.
    static NO_LOCK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether corrections are written under the lock: always, but in the test
/// that shows what the lock prevents.
fn locking() -> bool {
    #[cfg(test)]
    return !NO_LOCK.with(|n| n.get());
    #[cfg(not(test))]
    true
}

/// The aliases file as the app edits it.
#[derive(Debug, Default)]
pub struct AliasFile {
    /// None: corrections apply for this session only.
    pub path: Option<PathBuf>,
    pub aliases: Aliases,
}

impl AliasFile {
    pub fn open(path: Option<PathBuf>) -> (AliasFile, Option<String>) {
        let (aliases, err) = load_aliases(path.as_deref());
        (AliasFile { path, aliases }, err)
    }

    /// Adds a correction and saves the file at once, atomically. The file is
    /// read again first, so edits made by hand meanwhile are kept; a file
    /// with errors is never overwritten.
    pub fn add(&mut self, c: Correction) -> Result<(), String> {
        // read, merged and written under the lock: another instance's
        // correction made meanwhile is kept
        let _lock = match &self.path {
            Some(p) if locking() => {
                Some(FileLock::take(p).map_err(|e| format!("{}: {e}", p.display()))?)
            }
            _ => None,
        };
        if let Some(p) = &self.path {
            match std::fs::read_to_string(p) {
                Ok(src) => {
                    self.aliases = Aliases::parse(&src).map_err(|e| {
                        format!(
                            "{}: {e}: fix it before correcting from the app",
                            p.display()
                        )
                    })?
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", p.display())),
            }
        }
        self.aliases.add(c);
        if let Some(p) = &self.path {
            save_atomic(p, self.aliases.to_toml().as_bytes())
                .map_err(|e| format!("{}: not saved: {e}", p.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_save_replaces_and_creates_folders() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a/b/aliases.toml");
        save_atomic(&p, b"one").unwrap();
        save_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        // no temporary files left behind
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn a_symlinked_file_stays_a_link_and_its_target_is_written() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("dotfiles/aliases.toml");
        std::fs::create_dir_all(real.parent().unwrap()).unwrap();
        std::fs::write(&real, "").unwrap();
        let link = d.path().join("config/aliases.toml");
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (mut f, _) = AliasFile::open(Some(link.clone()));
        f.add(Correction::Ignore(crate::index::aliases::Ignore {
            name: "A".into(),
        }))
        .unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert!(std::fs::read_to_string(&real).unwrap().contains("\"A\""));
    }

    /// Writers on threads of their own, each with its own `AliasFile`, as
    /// two instances have; `locked` false shows what the lock prevents.
    fn corrections_kept(locked: bool) -> usize {
        use crate::index::aliases::Ignore;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("aliases.toml");
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let p = p.clone();
                std::thread::spawn(move || {
                    NO_LOCK.with(|n| n.set(!locked));
                    let (mut f, _) = AliasFile::open(Some(p));
                    for i in 0..25 {
                        f.add(Correction::Ignore(Ignore {
                            name: format!("T{t}-{i}"),
                        }))
                        .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let a = Aliases::parse(&std::fs::read_to_string(&p).unwrap()).unwrap();
        a.ignore.len()
    }

    #[test]
    fn two_writers_under_the_lock_keep_every_correction() {
        assert_eq!(corrections_kept(true), 100, "none lost");
        // (without it, some are lost on most runs: not asserted, it races)
        let unlocked = corrections_kept(false);
        eprintln!("without the lock: {unlocked} of 100 kept");
    }

    #[test]
    fn invalid_aliases_are_reported_and_ignored() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("aliases.toml");
        std::fs::write(&p, "[[ignore]]\nnme = \"x\"\n").unwrap();
        let (a, err) = load_aliases(Some(&p));
        assert!(a.is_empty());
        let err = err.unwrap();
        assert!(err.contains("line 2") && err.contains("nme"), "{err}");
        let (a, err) = load_aliases(Some(&d.path().join("missing.toml")));
        assert!(a.is_empty() && err.is_none());
    }

    #[test]
    fn corrections_keep_hand_edits_and_never_overwrite_a_broken_file() {
        use crate::index::aliases::Ignore;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("aliases.toml");
        let (mut f, _) = AliasFile::open(Some(p.clone()));
        f.add(Correction::Ignore(Ignore { name: "A".into() }))
            .unwrap();
        // the user adds one by hand
        let hand = std::fs::read_to_string(&p).unwrap() + "\n[[ignore]]\nname = \"B\"\n";
        std::fs::write(&p, &hand).unwrap();
        f.add(Correction::Ignore(Ignore { name: "C".into() }))
            .unwrap();
        let a = Aliases::parse(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let names: Vec<&str> = a.ignore.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        // a broken file stays as the user left it
        std::fs::write(&p, "[[ignore]\n").unwrap();
        assert!(f
            .add(Correction::Ignore(Ignore { name: "D".into() }))
            .is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "[[ignore]\n");
    }
}
