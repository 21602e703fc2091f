//! Moving in a list: one helper for every list and pane.

use super::Action;

/// `cur` moved by `delta` and kept in `0..len` (0 for an empty list).
pub fn step(cur: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    (cur as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

/// How far a moving key goes, a page being `page` rows: `None` for an
/// action that does not move. The wheel goes three rows.
pub fn delta(action: Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::HalfPageUp => -(page / 2).max(1),
        Action::HalfPageDown => (page / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        Action::Scroll { down: true, .. } => 3,
        Action::Scroll { down: false, .. } => -3,
        _ => return None,
    })
}

/// The row a list's selection moves to: `cur` of `len` rows shown `page` at
/// a time; `None` when the action does not move in a list.
pub fn moved(action: Action, cur: usize, len: usize, page: usize) -> Option<usize> {
    delta(action, page).map(|d| step(cur, len, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_stays_in_the_list() {
        assert_eq!(moved(Action::Down, 0, 5, 10), Some(1));
        assert_eq!(moved(Action::Up, 0, 5, 10), Some(0));
        assert_eq!(moved(Action::Bottom, 1, 5, 10), Some(4));
        assert_eq!(moved(Action::Top, 4, 5, 10), Some(0));
        assert_eq!(moved(Action::PageDown, 0, 50, 10), Some(10));
        assert_eq!(moved(Action::HalfPageUp, 20, 50, 10), Some(15));
        assert_eq!(moved(Action::HalfPageDown, 0, 50, 1), Some(1));
        assert_eq!(moved(Action::Down, 0, 0, 10), Some(0), "an empty list");
        assert_eq!(moved(Action::Enter, 3, 5, 10), None);
    }
}
