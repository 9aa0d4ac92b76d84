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

    /// How many values were built (for tests).
    pub fn len(&self) -> usize {
        self.built.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
}
