//! A cache of values built on first use and lent by `&self`: what a page, a slide or an export
//! asks for is built once per key and then shared (`Arc`), so no caller has to "warm" a cache
//! before borrowing from it. A memo lives inside what its values were derived from, and is
//! dropped with it (the invalidation rule of `session::derived`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

pub struct Memo<K, V> {
    built: RefCell<HashMap<K, Arc<V>>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo { built: RefCell::new(HashMap::new()) }
    }
}

impl<K: Eq + Hash, V> Memo<K, V> {
    /// The value for `key`, built by `build` the first time it is asked for. `build` may ask
    /// other memos (and this one, for other keys): the map is not borrowed while it runs.
    pub fn get_or(&self, key: K, build: impl FnOnce() -> V) -> Arc<V> {
        if let Some(value) = self.built.borrow().get(&key) {
            return Arc::clone(value);
        }
        let value = Arc::new(build());
        self.built.borrow_mut().entry(key).or_insert(value).clone()
    }

    /// How many values were built.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.built.borrow().len()
    }
}

/// The last value built, and its key: for what is asked for with a new key at every step (the
/// what-if's chart, per revision), so that only the latest is kept.
pub struct Slot<K, V> {
    last: RefCell<Option<(K, Arc<V>)>>,
}

impl<K, V> Default for Slot<K, V> {
    fn default() -> Self {
        Slot { last: RefCell::new(None) }
    }
}

impl<K: PartialEq, V> Slot<K, V> {
    /// The value for `key`: the one kept when it was built for `key`, else built by `build`
    /// and kept in its place.
    pub fn get_or(&self, key: K, build: impl FnOnce() -> V) -> Arc<V> {
        if let Some((k, v)) = self.last.borrow().as_ref()
            && *k == key
        {
            return Arc::clone(v);
        }
        let value = Arc::new(build());
        *self.last.borrow_mut() = Some((key, Arc::clone(&value)));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_built_once_per_key_and_then_shared() {
        let memo: Memo<u32, String> = Memo::default();
        let mut builds = 0;
        let a = memo.get_or(1, || {
            builds += 1;
            "one".to_string()
        });
        let b = memo.get_or(1, || {
            builds += 1;
            "again".to_string()
        });
        assert_eq!((a.as_str(), b.as_str(), builds), ("one", "one", 1));
        assert!(Arc::ptr_eq(&a, &b), "the same value is lent, not a copy");
        let nested = memo.get_or(2, || format!("{} and two", memo.get_or(1, String::new)));
        assert_eq!(nested.as_str(), "one and two", "building may ask the memo for another key");
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn a_slot_keeps_only_the_latest_value() {
        let slot: Slot<u32, String> = Slot::default();
        let one = slot.get_or(1, || "one".to_string());
        assert!(Arc::ptr_eq(&one, &slot.get_or(1, || unreachable!("kept"))));
        assert_eq!(slot.get_or(2, || "two".to_string()).as_str(), "two");
        assert_eq!(slot.get_or(1, || "one again".to_string()).as_str(), "one again", "the first was let go");
    }
}
