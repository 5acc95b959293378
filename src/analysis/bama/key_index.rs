//! The entries of a BAMA table grouped by matching key, built without an allocation per key:
//! the keys live in one buffer, the ids of each key in one shared list. Loading the tables
//! is paid by every `dars analyze`, and 70,000 stems kept as a map of boxed keys to vectors
//! cost more to build (and to free) than the whole analysis of a long article.

use std::hash::BuildHasher as _;
use std::ops::Range;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

/// Ids by key: which table entries are written as a given key.
#[derive(Debug, Default)]
pub struct KeyIndex<I> {
    keys: Vec<u8>,
    /// Per key: where it lies in `keys`, and its ids in `ids`.
    groups: Vec<(Range<u32>, Range<u32>)>,
    /// Indices into `groups`, hashed by their key.
    table: HashTable<u32>,
    ids: Vec<I>,
}

/// Collects the key of each entry in id order (the first entry is id 0).
#[derive(Default)]
pub struct KeyIndexBuilder {
    keys: Vec<u8>,
    /// Per key: where it lies in `keys`, and how many entries have it.
    groups: Vec<(Range<u32>, u32)>,
    table: HashTable<u32>,
    /// Per entry: its key's group.
    group_of: Vec<u32>,
}

fn hash(key: &[u8]) -> u64 {
    FixedState::with_seed(0).hash_one(key)
}

fn slice<'k>(keys: &'k [u8], at: &Range<u32>) -> &'k [u8] {
    keys.get(at.start as usize..at.end as usize)
        .unwrap_or_default()
}

/// A length or position as u32 (the tables are a few megabytes).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl KeyIndexBuilder {
    #[must_use]
    pub fn with_capacity(entries: usize) -> Self {
        Self {
            keys: Vec::with_capacity(entries * 6),
            groups: Vec::with_capacity(entries),
            table: HashTable::with_capacity(entries),
            group_of: Vec::with_capacity(entries),
        }
    }

    /// Adds the next entry, whose key (ASCII: BAMA's keys are Buckwalter) `write` appends to
    /// the bytes it is given.
    pub fn add(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        let start = self.keys.len();
        write(&mut self.keys);
        let at = small(start)..small(self.keys.len());
        let key = slice(&self.keys, &at);
        let h = hash(key);
        let groups = &self.groups;
        let keys = &self.keys;
        let found = self
            .table
            .find(h, |&g| slice(keys, &groups[g as usize].0) == key)
            .copied();
        let group = if let Some(g) = found {
            self.keys.truncate(start);
            g
        } else {
            let g = small(self.groups.len());
            self.groups.push((at, 0));
            let groups = &self.groups;
            let keys = &self.keys;
            self.table
                .insert_unique(h, g, |&g| hash(slice(keys, &groups[g as usize].0)));
            g
        };
        self.groups[group as usize].1 += 1;
        self.group_of.push(group);
    }

    /// The index, with each key's ids in the order they were added.
    #[must_use]
    pub fn finish<I: TryFrom<u32> + Copy + Default>(self) -> KeyIndex<I> {
        let mut next = 0;
        let mut fill = Vec::with_capacity(self.groups.len());
        let groups = self
            .groups
            .into_iter()
            .map(|(key, count)| {
                fill.push(next);
                next += count;
                (key, next - count..next)
            })
            .collect();
        let mut ids = vec![I::default(); self.group_of.len()];
        for (id, &g) in self.group_of.iter().enumerate() {
            let slot = &mut fill[g as usize];
            if let (Some(cell), Ok(id)) = (ids.get_mut(*slot as usize), I::try_from(small(id))) {
                *cell = id;
            }
            *slot += 1;
        }
        KeyIndex {
            keys: self.keys,
            groups,
            table: self.table,
            ids,
        }
    }
}

impl<I> KeyIndex<I> {
    /// The ids of the entries written as `key`, in id order.
    #[must_use]
    pub fn get(&self, key: &str) -> &[I] {
        let key = key.as_bytes();
        let found = self.table.find(hash(key), |&g| {
            slice(&self.keys, &self.groups[g as usize].0) == key
        });
        found
            .and_then(|&g| self.groups.get(g as usize))
            .and_then(|(_, ids)| self.ids.get(ids.start as usize..ids.end as usize))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_back_by_key_in_the_order_they_were_added() {
        let mut b = KeyIndexBuilder::with_capacity(2);
        for key in ["ktb", "qwl", "ktb", "", "qwl", "ktb"] {
            b.add(|s| s.extend_from_slice(key.as_bytes()));
        }
        let index: KeyIndex<u16> = b.finish();
        assert_eq!(index.get("ktb"), [0, 2, 5]);
        assert_eq!(index.get("qwl"), [1, 4]);
        assert_eq!(index.get(""), [3]);
        assert_eq!(index.get("kt"), [] as [u16; 0]);
    }
}
