//! What a misspelt name meant: configuration keys, time zones and the
//! fields of front matter and sidecars are each told the name nearest
//! what was written, as a typo is the commonest reason a name is unknown.

/// Of `candidates` (each a name and the form compared), the name whose
/// form is nearest `written`, one or two letters off at most: what a typo
/// meant.
pub fn nearest<'n, 'f>(
    written: &str,
    candidates: impl Iterator<Item = (&'n str, &'f str)>,
) -> Option<&'n str> {
    candidates
        .map(|(name, form)| (name, edit_distance(form, written)))
        .filter(|(_, distance)| *distance <= 2)
        .min_by_key(|(_, distance)| *distance)
        .map(|(name, _)| name)
}

/// Levenshtein distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}
