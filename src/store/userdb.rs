//! The user's read state, stars and notes in SQLite (`state.db` in the data
//! folder), as newsboat keeps its cache: WAL, one transaction per change,
//! so two crossreads open on the same data see each other's changes and
//! neither loses the other's. The app keeps working on its plain
//! `UserData`; what changed between two of its states is written here as
//! a change (a star set, a note added), never as a whole file.
//!
//! A `state.toml` of the versions before is migrated on first start and
//! kept, renamed `state.toml.migrated`. A file that cannot be read is never
//! overwritten: it is renamed aside under a name of its own
//! (`state.db.broken-1`, `-2`, ...) and the message names it.

use crate::app::userdata::{ArticleState, Note, UserData};
use rusqlite::{params, Connection, OpenFlags};
use std::path::{Path, PathBuf};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS article (
    id   TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    star INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS note (
    id      INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    text    TEXT NOT NULL,
    quote   TEXT,
    offset  INTEGER
);
CREATE INDEX IF NOT EXISTS note_article ON note(article);
CREATE TABLE IF NOT EXISTS history (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    line TEXT NOT NULL
);
";

/// The open store.
pub struct UserDb {
    conn: Connection,
    path: PathBuf,
    /// SQLite's `data_version` when this instance last read: it changes when
    /// another connection commits.
    seen: i64,
}

fn err(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: {e}", path.display())
}

/// The first free `NAME.broken-N` beside `path`.
fn aside_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..)
        .map(|n| path.with_file_name(format!("{name}.broken-{n}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.broken")))
}

/// Renames a file that cannot be read aside, under a name no other broken
/// version has; the name it got, or why it could not be moved.
pub fn keep_aside(path: &Path) -> Result<PathBuf, String> {
    let aside = aside_name(path);
    std::fs::rename(path, &aside).map_err(|e| err(path, e))?;
    Ok(aside)
}

impl UserDb {
    /// Opens (or creates) the store at `path`, migrating `legacy` (the old
    /// `state.toml`) when the store is new. The messages say what was done
    /// with a file that could not be read.
    pub fn open(path: &Path, legacy: Option<&Path>) -> Result<(UserDb, Vec<String>), String> {
        let mut said = Vec::new();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
        }
        let fresh = std::fs::symlink_metadata(path).is_err();
        let mut db = match UserDb::connect(path) {
            Ok(db) => db,
            Err(e) if !fresh => {
                // not a database (or a damaged one): kept aside, never overwritten
                for side in ["-wal", "-shm"] {
                    let p = PathBuf::from(format!("{}{side}", path.display()));
                    if p.exists() {
                        let _ = keep_aside(&p);
                    }
                }
                let aside = keep_aside(path)?;
                said.push(format!(
                    "{e}; kept as {} and started afresh",
                    aside.display()
                ));
                UserDb::connect(path)?
            }
            Err(e) => return Err(e),
        };
        if fresh {
            if let Some(old) = legacy.filter(|p| p.exists()) {
                said.extend(db.migrate(old));
            }
        }
        Ok((db, said))
    }

    fn connect(path: &Path) -> Result<UserDb, String> {
        let conn = Connection::open(path).map_err(|e| err(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| err(path, e))?;
        // the first statement that reads the file tells a database from
        // anything else
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| err(path, e))?;
        conn.execute_batch(SCHEMA).map_err(|e| err(path, e))?;
        let mut db = UserDb {
            conn,
            path: path.to_path_buf(),
            seen: 0,
        };
        db.seen = db.data_version()?;
        Ok(db)
    }

    /// Opens an existing store to read only (`export`): None when there is
    /// none.
    pub fn read_only(path: &Path) -> Result<Option<UserData>, String> {
        if !path.exists() {
            return Ok(None);
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| err(path, e))?;
        read_all(&conn).map(Some).map_err(|e| err(path, e))
    }

    /// Imports an old `state.toml`; a readable one is renamed
    /// `.migrated`, a broken one aside under a name of its own.
    fn migrate(&mut self, old: &Path) -> Vec<String> {
        let parsed = std::fs::read(old)
            .map_err(|e| e.to_string())
            .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".to_string()))
            .and_then(|src| UserData::parse(&src));
        match parsed {
            Ok(u) => {
                if let Err(e) = self.apply(&UserData::default(), &u) {
                    return vec![format!("{}: not migrated: {e}", old.display())];
                }
                let done = old.with_extension("toml.migrated");
                let _ = std::fs::rename(old, &done);
                crate::log!("{} migrated into {}", old.display(), self.path.display());
                vec![]
            }
            Err(e) => match keep_aside(old) {
                Ok(aside) => vec![format!(
                    "{}: {e}; not migrated, kept as {}",
                    old.display(),
                    aside.display()
                )],
                Err(m) => vec![format!("{}: {e}; not migrated ({m})", old.display())],
            },
        }
    }

    fn data_version(&self) -> Result<i64, String> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| err(&self.path, e))
    }

    /// Everything stored.
    pub fn load(&mut self) -> Result<UserData, String> {
        self.seen = self.data_version()?;
        read_all(&self.conn).map_err(|e| err(&self.path, e))
    }

    /// The store as another instance left it, when it changed since this
    /// one last read it.
    pub fn changed_elsewhere(&mut self) -> Option<UserData> {
        let v = self.data_version().ok()?;
        if v == self.seen {
            return None;
        }
        self.load().ok()
    }

    /// Writes what changed from `old` to `new` (read, star, notes added) in
    /// one transaction.
    pub fn apply(&mut self, old: &UserData, new: &UserData) -> Result<(), String> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| err(&path, e))?;
        let empty = ArticleState::default();
        let ids = old.articles.keys().chain(new.articles.keys());
        let mut done = std::collections::HashSet::new();
        for id in ids {
            if !done.insert(id) {
                continue;
            }
            let (o, n) = (old.get(id).unwrap_or(&empty), new.get(id).unwrap_or(&empty));
            // each flag that changed, set on its own: another instance's
            // change to the other flag stays
            for (sql, before, now) in [
                (
                    "INSERT INTO article (id, read) VALUES (?1, ?2)
                     ON CONFLICT(id) DO UPDATE SET read = excluded.read",
                    o.read,
                    n.read,
                ),
                (
                    "INSERT INTO article (id, star) VALUES (?1, ?2)
                     ON CONFLICT(id) DO UPDATE SET star = excluded.star",
                    o.star,
                    n.star,
                ),
            ] {
                if before != now {
                    tx.execute(sql, params![id, now])
                        .map_err(|e| err(&path, e))?;
                }
            }
            // notes are only ever added
            for note in n.notes.iter().skip(o.notes.len()) {
                tx.execute(
                    "INSERT INTO note (article, text, quote, offset) VALUES (?1, ?2, ?3, ?4)",
                    params![id, note.text, note.quote, note.offset.map(|o| o as i64)],
                )
                .map_err(|e| err(&path, e))?;
            }
        }
        tx.execute("DELETE FROM article WHERE read = 0 AND star = 0", [])
            .map_err(|e| err(&path, e))?;
        // (this connection's own commits leave its data_version as it was:
        // only another instance's are news)
        tx.commit().map_err(|e| err(&path, e))?;
        Ok(())
    }
}

impl UserDb {
    /// The lines entered at each prompt, oldest first.
    pub fn history(&self) -> Result<crate::app::line::History, String> {
        let read = || -> rusqlite::Result<crate::app::line::History> {
            let mut h = crate::app::line::History::default();
            let mut st = self
                .conn
                .prepare("SELECT kind, line FROM history ORDER BY id")?;
            let rows =
                st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (k, line) = row?;
                if let Some(k) = crate::app::line::Kind::parse(&k) {
                    h.push(k, &line);
                }
            }
            Ok(h)
        };
        read().map_err(|e| err(&self.path, e))
    }

    /// Adds lines to the history, one transaction; each kind keeps its
    /// newest HISTORY_MAX.
    pub fn add_history(
        &mut self,
        lines: &[(crate::app::line::Kind, String)],
    ) -> Result<(), String> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| err(&path, e))?;
        for (k, line) in lines {
            tx.execute(
                "INSERT INTO history (kind, line) VALUES (?1, ?2)",
                params![k.as_str(), line],
            )
            .map_err(|e| err(&path, e))?;
            tx.execute(
                "DELETE FROM history WHERE kind = ?1 AND id NOT IN
                 (SELECT id FROM history WHERE kind = ?1 ORDER BY id DESC LIMIT ?2)",
                params![k.as_str(), crate::app::line::HISTORY_MAX as i64],
            )
            .map_err(|e| err(&path, e))?;
        }
        tx.commit().map_err(|e| err(&path, e))
    }
}

fn read_all(conn: &Connection) -> rusqlite::Result<UserData> {
    let mut u = UserData::default();
    let mut st = conn.prepare("SELECT id, read, star FROM article")?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, bool>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    for row in rows {
        let (id, read, star) = row?;
        let a = u.articles.entry(id).or_default();
        a.read = read;
        a.star = star;
    }
    let mut st = conn.prepare("SELECT article, text, quote, offset FROM note ORDER BY id")?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Note {
                text: r.get(1)?,
                quote: r.get(2)?,
                offset: r
                    .get::<_, Option<i64>>(3)?
                    .and_then(|o| usize::try_from(o).ok()),
            },
        ))
    })?;
    for row in rows {
        let (id, note) = row?;
        u.articles.entry(id).or_default().notes.push(note);
    }
    Ok(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(t: &str) -> Note {
        Note {
            text: t.into(),
            quote: Some("Budapest".into()),
            offset: Some(3),
        }
    }

    #[test]
    fn changes_round_trip_and_two_instances_lose_nothing() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("state.db");
        let (mut a, said) = UserDb::open(&p, None).unwrap();
        assert!(said.is_empty());
        let (mut b, _) = UserDb::open(&p, None).unwrap();
        // each instance from what it last read
        let a0 = a.load().unwrap();
        let b0 = b.load().unwrap();
        let mut a1 = a0.clone();
        a1.toggle_star("x");
        a1.add_note("x", note("from a"));
        a.apply(&a0, &a1).unwrap();
        let mut b1 = b0.clone();
        b1.set_read("y", true);
        b1.add_note("x", note("from b"));
        b.apply(&b0, &b1).unwrap();
        // each sees the other's change, and its own
        assert!(a.changed_elsewhere().is_some());
        assert!(b.changed_elsewhere().is_some(), "a's write, before b's");
        let all = a.load().unwrap();
        assert!(all.is_starred("x") && all.is_read("y"));
        let notes: Vec<&str> = all.notes("x").iter().map(|n| n.text.as_str()).collect();
        assert_eq!(notes, ["from a", "from b"]);
        assert_eq!(all.notes("x")[0], note("from a"));
        // nothing new: no news
        assert!(a.changed_elsewhere().is_none());
        // unread and unstarred: nothing left to keep
        let mut a2 = all.clone();
        a2.set_read("y", false);
        a.apply(&all, &a2).unwrap();
        assert!(a.load().unwrap().get("y").is_none());
    }

    #[test]
    fn the_prompts_history_is_kept_between_runs() {
        use crate::app::line::Kind;
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("state.db");
        {
            let (mut db, _) = UserDb::open(&p, None).unwrap();
            db.add_history(&[
                (Kind::Search, "oil prices".into()),
                (Kind::Note, "check".into()),
            ])
            .unwrap();
            db.add_history(&[(Kind::Search, "kiev".into())]).unwrap();
        }
        let (db, _) = UserDb::open(&p, None).unwrap();
        let h = db.history().unwrap();
        assert_eq!(h.of(Kind::Search), ["oil prices", "kiev"]);
        assert_eq!(h.of(Kind::Note), ["check"]);
    }

    #[test]
    fn an_old_state_toml_is_migrated_and_kept() {
        let d = tempfile::tempdir().unwrap();
        let old = d.path().join("state.toml");
        let mut u = UserData::default();
        u.toggle_star("a");
        u.add_note("a", note("kept"));
        std::fs::write(&old, u.to_toml()).unwrap();
        let (mut db, said) = UserDb::open(&d.path().join("state.db"), Some(&old)).unwrap();
        assert!(said.is_empty(), "{said:?}");
        assert_eq!(db.load().unwrap(), u);
        assert!(!old.exists() && d.path().join("state.toml.migrated").exists());
    }

    #[test]
    fn broken_files_are_kept_aside_each_under_its_own_name() {
        let d = tempfile::tempdir().unwrap();
        let old = d.path().join("state.toml");
        let db = d.path().join("state.db");
        // a state.toml with one invalid byte: kept, never overwritten
        std::fs::write(&old, b"[articles.\"a\"]\nstar = true\n\xff\n").unwrap();
        let (_, said) = UserDb::open(&db, Some(&old)).unwrap();
        assert!(said[0].contains("state.toml.broken-1"), "{said:?}");
        assert_eq!(
            std::fs::read(d.path().join("state.toml.broken-1")).unwrap(),
            b"[articles.\"a\"]\nstar = true\n\xff\n"
        );
        // a state.db that is no database, twice: two backups, both kept
        for n in 1..=2 {
            std::fs::write(&db, format!("not a database {n}").repeat(100)).unwrap();
            let (mut s, said) = UserDb::open(&db, None).unwrap();
            assert!(
                said[0].contains(&format!("state.db.broken-{n}")),
                "{said:?}"
            );
            assert!(s.load().unwrap().articles.is_empty());
        }
        let kept = std::fs::read_to_string(d.path().join("state.db.broken-1")).unwrap();
        assert!(kept.starts_with("not a database 1"));
        let kept = std::fs::read_to_string(d.path().join("state.db.broken-2")).unwrap();
        assert!(kept.starts_with("not a database 2"));
    }
}
