//! The entities view's list: every entity, fuzzy found by any of its
//! names, sorted, filtered by type.

use super::line;
use crate::index::{fuzzy, Index};
use crate::nlp::EntityType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySort {
    Articles,
    Mentions,
    Name,
}

/// The state of the entities view.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityList {
    pub query: line::TextLine,
    pub sort: EntitySort,
    pub ty: Option<EntityType>,
    /// Matching entity ids, in display order.
    pub ids: Vec<u32>,
    pub selected: usize,
    /// Picking the entity to merge this one into.
    pub merge_from: Option<u32>,
    /// The query and type `ids` were found for (typing on narrows them).
    pub searched: String,
    pub searched_ty: Option<EntityType>,
}

impl EntityList {
    pub fn new(ix: &Index) -> EntityList {
        let mut l = EntityList {
            query: Default::default(),
            sort: EntitySort::Articles,
            ty: None,
            ids: vec![],
            selected: 0,
            merge_from: None,
            searched: String::new(),
            searched_ty: None,
        };
        l.refresh(ix);
        l
    }

    /// Recomputes the matching ids: type filter, fuzzy query (over the name
    /// and every alias), then best match or the chosen sort.
    pub fn refresh(&mut self, ix: &Index) {
        use rayon::prelude::*;
        let query = self.query.as_str().trim();
        let ty = self.ty;
        // score every entity by its best name (all cores: 30,000 entities
        // and their aliases on each key press)
        let pattern = fuzzy::Pattern::new(query);
        // typing on narrows: only the names that matched the shorter query
        let narrowing = !self.searched.is_empty()
            && query.starts_with(self.searched.as_str())
            && self.searched_ty == ty;
        let names = ix.names();
        let pool: Vec<&crate::index::Entity> = if narrowing {
            self.ids
                .iter()
                .filter_map(|&id| ix.entities.get(id as usize))
                .collect()
        } else {
            ix.entities.iter().collect()
        };
        let mut scored: Vec<(i32, usize, usize, u32)> = pool
            .par_iter()
            .filter(|e| ty.is_none_or(|t| e.ty == t))
            .filter_map(|e| {
                let best = if query.is_empty() {
                    0
                } else {
                    names
                        .of_entity(e.id as usize)
                        .filter_map(|n| pattern.score(n))
                        .max()?
                };
                let (a, m) = (e.articles.len(), e.mentions.len());
                let (k1, k2) = match self.sort {
                    EntitySort::Articles => (a, m),
                    EntitySort::Mentions => (m, a),
                    EntitySort::Name => (0, 0),
                };
                Some((best, k1, k2, e.id))
            })
            .collect();
        if self.sort == EntitySort::Name {
            let name = |id: u32| ix.entities[id as usize].name.to_lowercase();
            scored.par_sort_by_cached_key(|x| (std::cmp::Reverse(x.0), name(x.3), x.3));
        } else {
            scored.par_sort_unstable_by_key(|x| {
                (
                    std::cmp::Reverse(x.0),
                    std::cmp::Reverse(x.1),
                    std::cmp::Reverse(x.2),
                    x.3,
                )
            });
        }
        self.ids = scored.into_iter().map(|x| x.3).collect();
        self.searched = query.to_string();
        self.searched_ty = ty;
        self.selected = self.selected.min(self.ids.len().saturating_sub(1));
    }
}
