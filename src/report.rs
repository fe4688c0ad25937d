//! `inspect` and `check --format json`: every article with how each value was decided, as a table for
//! people or JSON for scripts. The JSON keys are a stable interface.

use serde::Serialize;

use crate::model::{Catalog, GroupSource, LangSource};

/// One article as `inspect --format json` prints it.
#[derive(Debug, Serialize)]
pub struct ArticleReport<'a> {
    pub path: &'a str,
    pub format: crate::model::Format,
    pub lang: &'a str,
    pub lang_source: LangSource,
    /// RFC 3339.
    pub date: String,
    pub updated: String,
    pub title: &'a str,
    pub summary: &'a str,
    pub id: &'a str,
    pub url: &'a str,
    pub slug: &'a str,
    pub draft: bool,
    pub authors: Vec<&'a str>,
    pub tags: &'a [String],
    /// Paths of the other members of the article's translation group.
    pub translations: Vec<&'a str>,
    pub group_source: GroupSource,
    /// Pairing score, for groups found by inference.
    pub score: Option<f64>,
}

/// `check --format json`: the diagnostics as an array of
/// `{path, line, severity, message}`.
pub fn diagnostics_json(diagnostics: &[crate::diagnostic::Diagnostic]) -> String {
    serde_json::to_string_pretty(diagnostics).expect("diagnostics serialize")
}

pub fn article_reports(catalog: &Catalog) -> Vec<ArticleReport<'_>> {
    catalog
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleReport {
            path: &a.path,
            format: a.format,
            lang: &a.lang,
            lang_source: a.lang_source,
            date: a.date.to_rfc3339(),
            updated: a.updated.to_rfc3339(),
            title: &a.title,
            summary: &a.summary,
            id: &a.id,
            url: &a.url,
            slug: &a.slug,
            draft: a.draft,
            authors: a.authors.iter().map(|p| p.name.as_str()).collect(),
            tags: &a.tags,
            translations: catalog.grouping.translations[i]
                .iter()
                .map(|&t| catalog.articles[t].path.as_str())
                .collect(),
            group_source: catalog.grouping.sources[i],
            score: catalog.grouping.scores[i].map(|s| (s * 1000.0).round() / 1000.0),
        })
        .collect()
}

pub fn json(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(&article_reports(catalog))
        .unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

/// A table for the terminal: one block per article, because titles and
/// paths are too long for columns.
pub fn table(catalog: &Catalog) -> String {
    let mut out = String::new();
    for r in article_reports(catalog) {
        out.push_str(r.path);
        if r.draft {
            out.push_str("  (draft: in no feed)");
        }
        out.push('\n');
        let lang_source = match r.lang_source {
            LangSource::FrontMatter => "front matter",
            LangSource::Sidecar => "sidecar",
            LangSource::FileName => "file name",
            LangSource::Detected => "detected",
        };
        out.push_str(&format!("  lang     {} ({lang_source})\n", r.lang));
        out.push_str(&format!("  date     {}\n", r.date));
        out.push_str(&format!("  title    {}\n", r.title));
        out.push_str(&format!("  url      {}\n", r.url));
        out.push_str(&format!("  id       {}\n", r.id));
        let group = match (r.group_source, r.score) {
            (GroupSource::None, _) => "none".to_string(),
            (GroupSource::Key, _) => "translation key".to_string(),
            (GroupSource::FileName, _) => "file name".to_string(),
            (GroupSource::Inferred, Some(score)) => format!("inferred, score {score:.3}"),
            (GroupSource::Inferred, None) => "inferred".to_string(),
        };
        if r.translations.is_empty() {
            out.push_str("  group    none\n");
        } else {
            out.push_str(&format!(
                "  group    {group}: {}\n",
                r.translations.join(", ")
            ));
        }
        out.push('\n');
    }
    out
}
