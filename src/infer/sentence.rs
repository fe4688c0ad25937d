// TEMPORARY STUB (replaced by the real module)
pub fn first_sentence(paragraph: &str) -> &str {
    match paragraph.find(". ") {
        Some(i) => paragraph[..i + 1].trim(),
        None => paragraph.trim(),
    }
}
pub fn shorten_title(title: &str, max_chars: usize) -> String {
    if title.chars().count() <= max_chars {
        return title.to_string();
    }
    let mut s: String = title.chars().take(max_chars - 1).collect();
    if let Some(i) = s.rfind(' ') {
        s.truncate(i);
    }
    s.push('…');
    s
}
