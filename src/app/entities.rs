//! The entities view (every entity: fuzzy found, sorted, filtered by
//! type), the entity panel (one entity's mentions in every article) and
//! the corrections of the linking made from them.

use super::entity_list::{EntityList, EntitySort};
use super::state::{Overlay, Prompt, PromptFor, State};
use super::{edit_of, line, nav, Action, Effect};
use crate::index::aliases::{self, Correction};
use crate::index::Index;
use crate::nlp::EntityType;

/// The keys of the entities view.
pub fn update_list(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    let Overlay::Entities(l) = &mut s.overlay else {
        return;
    };
    if let Some(e) = edit_of(action, l.query.is_empty()) {
        if l.query.edit(e, s.history.of(line::Kind::Entities)) {
            l.selected = 0;
            l.refresh(ix);
        }
        return;
    }
    if let Some(to) = nav::moved(action, l.selected, l.ids.len(), 10) {
        l.selected = to;
        return;
    }
    match action {
        Action::CycleSort => {
            l.sort = match l.sort {
                EntitySort::Articles => EntitySort::Mentions,
                EntitySort::Mentions => EntitySort::Name,
                EntitySort::Name => EntitySort::Articles,
            };
            l.refresh(ix);
        }
        Action::CycleType => {
            l.ty = match l.ty {
                None => Some(EntityType::Person),
                Some(EntityType::Person) => Some(EntityType::Org),
                Some(EntityType::Org) => Some(EntityType::Place),
                Some(EntityType::Place) => Some(EntityType::Other),
                Some(EntityType::Other) => None,
            };
            l.selected = 0;
            l.refresh(ix);
        }
        Action::Back | Action::Entities => {
            let q = l.query.text.clone();
            s.overlay = Overlay::None;
            s.remember(line::Kind::Entities, &q, fx);
        }
        Action::Enter => match (l.ids.get(l.selected).copied(), l.merge_from) {
            (Some(to), Some(from)) if to != from => {
                let names = vec![
                    ix.entities[from as usize].name.clone(),
                    ix.entities[to as usize].name.clone(),
                ];
                fx.push(Effect::Correct(Correction::Merge(aliases::Merge { names })));
                s.overlay = Overlay::None;
            }
            (Some(_), Some(_)) => s.message = Some("pick another entity".into()),
            (Some(e), None) => s.overlay = Overlay::Entity { entity: e, row: 0 },
            (None, _) => {}
        },
        _ => {}
    }
}

/// The keys of the entity panel.
pub fn update_panel(s: &mut State, ix: &Index, action: Action, fx: &mut Vec<Effect>) {
    let Overlay::Entity { entity, row } = &mut s.overlay else {
        return;
    };
    let e = &ix.entities[*entity as usize];
    if let Some(to) = nav::moved(action, *row, e.mentions.len(), 10) {
        *row = to;
        return;
    }
    let Some(&(a, m)) = e.mentions.get(*row) else {
        s.overlay = Overlay::None;
        return;
    };
    let (a, m) = (a as usize, m as usize);
    match action {
        Action::Back | Action::Quit => s.overlay = Overlay::None,
        Action::MergeEntity
        | Action::SplitMention
        | Action::RenameEntity
        | Action::RetypeEntity
        | Action::IgnoreEntity => correct(s, ix, action, (a, m), fx),
        Action::Enter => {
            s.overlay = Overlay::None;
            let r = ix.analyses[a].mentions[m].range.clone();
            s.jump_to(a, Some(r));
            s.reader.mention = Some(m);
        }
        _ => {}
    }
}

/// The entity panel of the focused name (Enter on a name).
pub fn panel_of(ix: &Index, article: usize, m: usize) -> Overlay {
    let e = ix.mention_entity[article][m];
    let row = ix.entities[e as usize]
        .mentions
        .iter()
        .position(|&(a, mm)| a as usize == article && mm as usize == m)
        .unwrap_or(0);
    Overlay::Entity { entity: e, row }
}

/// A correction of the entity of mention `m` of article `a`: a merge picks
/// the other entity first, a rename asks for the name; the others are
/// effects at once.
pub fn correct(
    s: &mut State,
    ix: &Index,
    action: Action,
    (a, m): (usize, usize),
    fx: &mut Vec<Effect>,
) {
    let Some(e) = ix.entity_of(a, m) else {
        return;
    };
    let surface = ix.articles[a].text[ix.analyses[a].mentions[m].range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let c = match action {
        Action::MergeEntity => {
            let mut l = EntityList::new(ix);
            l.merge_from = Some(e.id);
            // a surname on its own: the full names it may be, the first picked
            if let Some(&(first, _)) = ix.may_be(e.id).first() {
                l.query = line::TextLine::new(&e.name);
                l.refresh(ix);
                l.selected = l.ids.iter().position(|&id| id == first).unwrap_or(0);
            }
            s.overlay = Overlay::Entities(l);
            s.message = Some(format!("merge {} into: pick an entity, Enter", e.name));
            return;
        }
        Action::RenameEntity => {
            s.overlay = Overlay::Prompt(Prompt {
                label: format!("rename {} to", e.name),
                input: line::TextLine::new(&e.name),
                purpose: PromptFor::Rename(e.name.clone()),
            });
            return;
        }
        Action::SplitMention => {
            if e.aliases.len() < 2 && e.articles.len() < 2 {
                s.message = Some(format!("{surface}: nothing to split off"));
                return;
            }
            s.overlay = Overlay::None;
            Correction::Split(aliases::Split {
                name: surface,
                article: Some(ix.articles[a].id.clone()),
            })
        }
        Action::RetypeEntity => {
            let ty = match e.ty {
                EntityType::Person => EntityType::Org,
                EntityType::Org => EntityType::Place,
                EntityType::Place => EntityType::Other,
                EntityType::Other => EntityType::Person,
            };
            Correction::Retype(aliases::Retype {
                name: e.name.clone(),
                ty: ty.into(),
            })
        }
        Action::IgnoreEntity => {
            s.overlay = Overlay::None;
            Correction::Ignore(aliases::Ignore {
                name: e.name.clone(),
            })
        }
        _ => return,
    };
    fx.push(Effect::Correct(c));
}

#[cfg(test)]
mod tests {
    use super::super::tests::seeds;
    use super::super::{update, Pane};
    use super::*;

    #[test]
    fn entity_panel_and_jump_across_articles() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        let m = s.reader.mention.unwrap();
        let e = ix.mention_entity[s.reader.article][m];
        update(&mut s, &ix, Action::Enter);
        assert!(matches!(s.overlay, Overlay::Entity { entity, .. } if entity == e));
        update(&mut s, &ix, Action::Back);
        let start = s.reader.article;
        let n_articles = ix.entities[e as usize].articles.len();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..ix.entities[e as usize].mentions.len() {
            update(&mut s, &ix, Action::NextHit);
            seen.insert(s.reader.article);
            assert_eq!(
                ix.mention_entity[s.reader.article][s.reader.mention.unwrap()],
                e,
                "same entity after the jump"
            );
        }
        assert_eq!(seen.len(), n_articles);
        assert_eq!(s.reader.article, start, "wraps around");
    }

    #[test]
    fn the_panel_s_enter_reads_the_mention() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        update(&mut s, &ix, Action::Enter);
        update(&mut s, &ix, Action::Bottom);
        let Overlay::Entity { entity, row } = s.overlay.clone() else {
            panic!("{:?}", s.overlay)
        };
        let (a, m) = ix.entities[entity as usize].mentions[row];
        update(&mut s, &ix, Action::Enter);
        assert_eq!(s.overlay, Overlay::None);
        assert_eq!(s.focus, Pane::Reader);
        assert_eq!(
            (s.reader.article, s.reader.mention),
            (a as usize, Some(m as usize))
        );
        assert_eq!(
            s.reader.marks,
            vec![ix.analyses[a as usize].mentions[m as usize].range.clone()]
        );
    }

    #[test]
    fn entities_view_filters_sorts_and_finds() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::Entities);
        let Overlay::Entities(l) = &s.overlay else {
            panic!()
        };
        assert_eq!(l.ids.len(), ix.entities.len());
        let arts = |l: &EntityList| -> Vec<usize> {
            l.ids
                .iter()
                .map(|&e| ix.entities[e as usize].articles.len())
                .collect()
        };
        let a = arts(l);
        assert!(a.windows(2).all(|w| w[0] >= w[1]), "most articles first");
        update(&mut s, &ix, Action::CycleType);
        let Overlay::Entities(l) = &s.overlay else {
            panic!()
        };
        assert!(l
            .ids
            .iter()
            .all(|&e| ix.entities[e as usize].ty == EntityType::Person));
        // fuzzy: a variant spelling finds the entity through its aliases
        for c in "zelensky".chars() {
            update(&mut s, &ix, Action::Input(c));
        }
        let Overlay::Entities(l) = &s.overlay else {
            panic!()
        };
        let first = &ix.entities[l.ids[0] as usize];
        assert!(
            first.name.starts_with("Volodymyr Zelensk"),
            "{}",
            first.name
        );
        update(&mut s, &ix, Action::Enter);
        assert!(matches!(s.overlay, Overlay::Entity { entity, .. } if entity == first.id));
    }

    /// Corrections are effects for the loop (which saves and relinks); a
    /// merge picks the other entity in the entities view first.
    #[test]
    fn corrections_are_effects_and_a_merge_picks_its_target() {
        let ix = seeds();
        let mut s = State::new(&ix);
        update(&mut s, &ix, Action::NextMention);
        let name = ix
            .entity_of(s.reader.article, s.reader.mention.unwrap())
            .unwrap()
            .name
            .clone();
        let fx = update(&mut s, &ix, Action::IgnoreEntity);
        assert_eq!(
            fx,
            vec![Effect::Correct(Correction::Ignore(aliases::Ignore {
                name: name.clone()
            }))]
        );
        assert!(update(&mut s, &ix, Action::MergeEntity).is_empty());
        let Overlay::Entities(l) = &s.overlay else {
            panic!("{:?}", s.overlay)
        };
        let other = l
            .ids
            .iter()
            .position(|&e| ix.entities[e as usize].name != name)
            .unwrap();
        for _ in 0..other {
            update(&mut s, &ix, Action::Down);
        }
        let fx = update(&mut s, &ix, Action::Enter);
        let [Effect::Correct(Correction::Merge(m))] = fx.as_slice() else {
            panic!("{fx:?}")
        };
        assert_eq!(m.names[0], name);
        assert_eq!(s.overlay, Overlay::None);
    }

    /// The panel of a surname on its own says whom it may be, and its
    /// merge picks the most written of them, ready for Enter.
    #[test]
    fn a_surname_s_merge_starts_at_whom_it_may_be() {
        let texts = [
            "Politics\n\nPresident George W. Bush spoke in Texas on Monday.",
            "Politics\n\nGeorge W. Bush met the governor.",
            "Football\n\nThe running back Reggie Bush scored twice.",
            "Comment\n\nCritics said Bush was wrong, and Bush answered.",
        ];
        let mut warnings = Vec::new();
        let articles = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                crate::corpus::read_bytes(
                    std::path::Path::new(&format!("{i}.txt")),
                    crate::corpus::Format::Text,
                    t.as_bytes(),
                    &mut warnings,
                )
            })
            .collect();
        let ix = Index::build(crate::corpus::Corpus { articles, warnings }, 2025);
        let bush = ix.entities.iter().find(|e| e.name == "Bush").unwrap().id;
        let george = ix.find_entity("George W. Bush").unwrap().id;
        let mut s = State::new(&ix);
        let (a, m) = ix.entities[bush as usize].mentions[0];
        s.overlay = panel_of(&ix, a as usize, m as usize);
        assert!(update(&mut s, &ix, Action::MergeEntity).is_empty());
        let Overlay::Entities(l) = &s.overlay else {
            panic!("{:?}", s.overlay)
        };
        assert_eq!(l.ids[l.selected], george);
        let fx = update(&mut s, &ix, Action::Enter);
        let [Effect::Correct(Correction::Merge(m))] = fx.as_slice() else {
            panic!("{fx:?}")
        };
        assert_eq!(m.names, ["Bush", "George W. Bush"]);
    }
}
