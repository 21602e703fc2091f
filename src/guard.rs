//! Panics kept to the piece of work that had them: one article's analysis
//! that panics (a bug) becomes a warning on that article and the rest of the
//! corpus loads. While such a guard runs, the terminal's panic hook leaves
//! the screen alone (the app goes on).

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    static GUARDED: Cell<u32> = const { Cell::new(0) };
}

/// True while this thread runs inside `guarded`: a panic here is caught.
pub fn is_guarded() -> bool {
    GUARDED.with(Cell::get) > 0
}

/// Runs `f`; a panic inside it comes back as its message.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|g| g.set(g.get() + 1));
    let r = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    r.map_err(|e| {
        e.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_comes_back_as_its_message_and_the_flag_is_cleared() {
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let r: Result<(), String> = guarded(|| {
            assert!(is_guarded());
            panic!("boom {}", 1)
        });
        assert_eq!(r, Err("boom 1".into()));
        assert!(!is_guarded());
    }
}
