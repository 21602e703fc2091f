//! The compare view: two articles side by side, row by aligned row.

use super::state::{CompareView, Overlay, State};
use super::{nav, Action};
use crate::index::{compare, Index};

/// `c`: marks this article; on a second one, compares the two.
pub fn mark(s: &mut State, ix: &Index) {
    let here = s.reader.article;
    match s.compare_mark {
        Some(m) if m != here && m < ix.articles.len() => open(s, ix, m, here),
        Some(_) => {
            s.compare_mark = None;
            s.message = Some("comparison mark cleared".into());
        }
        None => {
            s.compare_mark = Some(here);
            s.message = Some("marked for comparison: c on another article compares the two".into());
        }
    }
}

/// `C`: compares this article with its most related one.
pub fn with_related(s: &mut State, ix: &Index) {
    match compare::related(ix, s.reader.article, 1).first() {
        Some(&(b, _)) => open(s, ix, s.reader.article, b),
        None => s.message = Some("no related article: no rare name in common".into()),
    }
}

/// Opens the compare view of two articles.
fn open(s: &mut State, ix: &Index, a: usize, b: usize) {
    let cmp = compare::compare(ix, a, b);
    s.message = Some(format!(
        "{}: {:.0}% of sentences have a counterpart",
        cmp.relation.label(),
        cmp.aligned * 100.0
    ));
    s.compare_mark = None;
    s.overlay = Overlay::Compare(CompareView {
        cmp: Box::new(cmp),
        row: 0,
        top: 0,
    });
}

/// The keys of the compare view.
pub fn update(s: &mut State, action: Action) {
    let Overlay::Compare(v) = &mut s.overlay else {
        return;
    };
    let cmp = &v.cmp;
    if let Some(to) = nav::moved(action, v.row, cmp.rows.len(), 10) {
        v.row = to;
        return;
    }
    match action {
        Action::Back | Action::Quit | Action::Compare => s.overlay = Overlay::None,
        Action::Help => {
            s.message = Some("j/k move together · Enter reads the sentence · Esc closes".into())
        }
        Action::Enter => {
            // read the selected sentence: A's if the row has one, else B's
            let target = cmp.rows.get(v.row).and_then(|r| match (r.a, r.b) {
                (Some(i), _) => Some((cmp.a, cmp.a_sents[i].range.clone())),
                (None, Some(j)) => Some((cmp.b, cmp.b_sents[j].range.clone())),
                _ => None,
            });
            if let Some((art, r)) = target {
                s.overlay = Overlay::None;
                s.jump_to(art, Some(r));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{click_article, seeds};
    use super::super::update;
    use super::*;

    #[test]
    fn mark_two_articles_and_compare_them() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let first = s.reader.article;
        update(&mut s, &ix, Action::Compare);
        assert_eq!(s.compare_mark, Some(first));
        update(&mut s, &ix, Action::Down);
        let second = s.reader.article;
        assert_ne!(first, second);
        update(&mut s, &ix, Action::Compare);
        let Overlay::Compare(v) = &s.overlay else {
            panic!("no compare view: {:?}", s.overlay)
        };
        assert_eq!((v.cmp.a, v.cmp.b), (first, second));
        assert_eq!(s.compare_mark, None);
        // keys move the shared row; Enter reads the sentence of that row
        update(&mut s, &ix, Action::Bottom);
        let Overlay::Compare(v) = &s.overlay else {
            panic!()
        };
        let cmp = &v.cmp;
        assert_eq!(v.row, cmp.rows.len() - 1);
        let r = cmp.rows[v.row];
        let (art, range) = match (r.a, r.b) {
            (Some(i), _) => (cmp.a, cmp.a_sents[i].range.clone()),
            (None, Some(j)) => (cmp.b, cmp.b_sents[j].range.clone()),
            _ => unreachable!(),
        };
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.overlay, Overlay::None);
        assert_eq!(s.reader.article, art);
        assert_eq!(s.reader.marks, vec![range]);
        // and back to where we were
        update(&mut s, &ix, Action::JumpBack);
        assert_eq!(s.reader.article, second);
    }

    #[test]
    fn compare_related_picks_an_article_of_the_same_event() {
        let ix = seeds();
        let mut s = State::new(&ix);
        let a = ix.find_article("001").unwrap();
        click_article(&mut s, &ix, a);
        update(&mut s, &ix, Action::CompareRelated);
        let Overlay::Compare(v) = &s.overlay else {
            panic!("no compare view")
        };
        assert_eq!(v.cmp.a, a);
        let other = &ix.articles[v.cmp.b].id;
        assert!(
            other.starts_with("000") || other.starts_with("003"),
            "{other}"
        );
    }
}
