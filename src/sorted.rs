//! Searching sorted lists for items that come in the same order, as a
//! merge of two path-ordered lists does (the listing, the catalog, the
//! cache's records).

/// The partition point of `items` (sorted: every item for which `before`
/// holds comes first), searched from the start outwards: a step or two
/// when it is near the start, as it is when two lists in the same order
/// are walked together; never more than twice a binary search.
pub fn gallop<T>(items: &[T], before: impl Fn(&T) -> bool) -> usize {
    let mut reach = 1;
    while reach < items.len() && before(&items[reach]) {
        reach *= 2;
    }
    let reach = (reach + 1).min(items.len());
    items[..reach].partition_point(before)
}

#[cfg(test)]
mod tests {
    #[test]
    fn gallop_finds_the_partition_point_wherever_it_is() {
        let items: Vec<u32> = (0..100).map(|i| i * 2).collect();
        for wanted in 0..210 {
            assert_eq!(
                super::gallop(&items, |&i| i < wanted),
                items.partition_point(|&i| i < wanted),
                "{wanted}"
            );
        }
        assert_eq!(super::gallop(&[] as &[u32], |_| true), 0);
    }
}
