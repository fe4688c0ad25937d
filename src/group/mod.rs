//! Stage 4: link articles that translate each other, by the three rules of
//! the contract (§1c) in order of precedence: a shared translation key, a
//! shared base name with different language suffixes, and — for plain-text
//! exports with neither — inference from the text.

pub(crate) mod exonyms;
pub mod pairing;
pub mod signals;

use std::borrow::Cow;

use chrono::Datelike;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::model::{Article, Format, GroupSource, Grouping};
use pairing::Candidate;

/// Groups `articles`. Drafts are never linked: a published entry must not
/// point readers at a translation that is not published.
pub fn group(articles: &[Article], settings: &Settings) -> (Grouping, Vec<Diagnostic>) {
    let (grouping, diagnostics, _) = group_reusing(articles, settings, None);
    (grouping, diagnostics)
}

/// [`group`], reusing what the last run's pairing computed (see
/// [`pairing::pair_reusing`]) and returning what the next run may reuse.
pub fn group_reusing(
    articles: &[Article],
    settings: &Settings,
    memo: Option<&pairing::PairingMemo>,
) -> (Grouping, Vec<Diagnostic>, pairing::PairingMemo) {
    let mut diagnostics = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; articles.len()];
    let mut groups: Vec<(Vec<usize>, GroupSource)> = Vec::new();
    let mut scores: Vec<Option<f64>> = vec![None; articles.len()];

    let published = || articles.iter().enumerate().filter(|(_, a)| !a.draft);

    // Rule 1: translation keys.
    let by_key =
        members_by(published().filter_map(|(i, a)| Some((a.translation_key.as_deref()?, i))));
    for (key, members) in by_key {
        add_group(
            articles,
            members,
            GroupSource::Key,
            &|| format!("share translation_key `{key}`"),
            &mut groups,
            &mut group_of,
            &mut diagnostics,
        );
    }

    // Rule 2: base name with language suffixes, in the same folder.
    let mut by_stem = members_by(
        published()
            .filter(|(i, a)| group_of[*i].is_none() && a.translation_key.is_none())
            .filter(|(_, a)| a.lang_suffix)
            .map(|(i, a)| (a.name_stem.as_str(), i)),
    );
    // Hugo's default language has no suffix: `index.md` beside
    // `index.fr.md` in a bundle, `launch.md` beside `launch.de.md`. Such a
    // file joins the names' group when its language is not there yet.
    if !by_stem.is_empty() {
        let position: rustc_hash::FxHashMap<&str, usize> = by_stem
            .iter()
            .enumerate()
            .map(|(at, (stem, _))| (*stem, at))
            .collect();
        for (i, a) in published() {
            if a.lang_suffix || a.translation_key.is_some() || group_of[i].is_some() {
                continue;
            }
            if let Some(&at) = position.get(a.name_stem.as_str()) {
                let members = &mut by_stem[at].1;
                if !members.iter().any(|&m| articles[m].lang == a.lang) {
                    members.push(i);
                }
            }
        }
    }
    for (stem, members) in by_stem {
        if members.len() > 1 {
            add_group(
                articles,
                members,
                GroupSource::FileName,
                &|| format!("share the base name `{stem}`"),
                &mut groups,
                &mut group_of,
                &mut diagnostics,
            );
        }
    }

    // Rule 3: inferred pairing of the remaining plain-text exports. The
    // exports already linked by a key or their names take part too, as
    // anchors: a translation found for one of them joins its group. A key
    // set on one export to link it to a Markdown original had taken it
    // out of pairing, and so unlinked its other translations, which only
    // it could have led to. (An export alone under its key, which is how
    // a wrong link is undone, is no anchor.)
    let is_anchor = |i: usize| group_of[i].is_some_and(|g| groups[g].0.len() >= 2);
    let indices: Vec<usize> = published()
        .filter(|(i, a)| {
            a.format == Format::Plain
                && (is_anchor(*i) || group_of[*i].is_none() && a.translation_key.is_none())
        })
        .map(|(i, _)| i)
        .collect();
    let candidates: Vec<Candidate> = indices
        .iter()
        .map(|&i| {
            let article = &articles[i];
            Candidate {
                path: Cow::Borrowed(&article.path),
                lang: Cow::Borrowed(&article.lang),
                day: i64::from(
                    article
                        .date
                        .with_timezone(&settings.timezone)
                        .date_naive()
                        .num_days_from_ce(),
                ),
                signals: match &article.evidence {
                    Some(evidence) => Cow::Borrowed(evidence),
                    None => Cow::Owned(signals::Signals::default()),
                },
            }
        })
        .collect();
    let (inferred, memo) = pairing::pair_reusing(&candidates, &settings.pairing, memo);
    // Scores and notes are of the exports this pairing linked (or did
    // not): an anchor's link is its key's or its name's.
    let anchor: Vec<bool> = indices.iter().map(|&i| group_of[i].is_some()).collect();
    let mut linked = vec![false; candidates.len()];
    let mut joined = Vec::new();
    for members in inferred.groups {
        let (anchors, free): (Vec<usize>, Vec<usize>) =
            members.into_iter().partition(|&c| anchor[c]);
        let mut anchor_groups: Vec<usize> = anchors
            .iter()
            .filter_map(|&c| group_of[indices[c]])
            .collect();
        anchor_groups.sort_unstable();
        anchor_groups.dedup();
        match anchor_groups[..] {
            [] => {
                for &c in &free {
                    group_of[indices[c]] = Some(groups.len());
                    linked[c] = true;
                }
                groups.push((
                    free.iter().map(|&c| indices[c]).collect(),
                    GroupSource::Inferred,
                ));
            }
            // Into the anchors' group, each on an anchor's day (a story of
            // the next day that repeats one is a follow-up as often, and
            // keys are how a publisher keeps those apart) and in a
            // language the group lacks (one of its Markdown articles may
            // be in it).
            [g] => {
                for c in free {
                    let m = indices[c];
                    let same_day = anchors
                        .iter()
                        .any(|&a| candidates[a].day == candidates[c].day);
                    let taken = groups[g]
                        .0
                        .iter()
                        .find(|&&o| articles[o].lang == articles[m].lang);
                    match taken {
                        Some(&other) if same_day => diagnostics.push(Diagnostic::warning(
                            &articles[m].path,
                            None,
                            format!(
                                "not linked: it reads as a translation of {}, whose group already has {} in `{}`; set the same translation_key in its sidecar to link it instead",
                                articles[indices[anchors[0]]].path, articles[other].path, articles[m].lang
                            ),
                        )),
                        None if same_day => {
                            groups[g].0.push(m);
                            group_of[m] = Some(g);
                            joined.push(m);
                            linked[c] = true;
                        }
                        _ => {}
                    }
                }
            }
            // Anchors of two groups: what links them is the publisher's
            // to say, not pairing's.
            _ => {}
        }
    }
    for (c, score) in inferred.scores {
        if linked[c] {
            scores[indices[c]] = Some(score);
        }
    }
    for (c, note) in inferred.notes {
        if !anchor[c] {
            diagnostics.push(Diagnostic::warning(&articles[indices[c]].path, None, note));
        }
    }

    let mut grouping = Grouping {
        translations: vec![Vec::new(); articles.len()],
        sources: vec![GroupSource::None; articles.len()],
        scores,
    };
    for (members, source) in &groups {
        if members.len() < 2 {
            continue;
        }
        for &m in members {
            let mut others: Vec<usize> = members.iter().copied().filter(|&o| o != m).collect();
            others.sort_by(|&x, &y| articles[x].lang.cmp(&articles[y].lang));
            grouping.translations[m] = others;
            grouping.sources[m] = *source;
        }
    }
    for m in joined {
        grouping.sources[m] = GroupSource::Inferred;
    }
    (grouping, diagnostics, memo)
}

/// The articles that share each value, in the order of their first
/// article (an archive has as many keys as stories: a hash map, then one
/// sort, costs less than a sorted map).
fn members_by<'a>(pairs: impl Iterator<Item = (&'a str, usize)>) -> Vec<(&'a str, Vec<usize>)> {
    let mut by_value: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (value, i) in pairs {
        by_value.entry(value).or_default().push(i);
    }
    let mut groups: Vec<(&str, Vec<usize>)> = by_value.into_iter().collect();
    groups.sort_unstable_by_key(|(_, members)| members[0]);
    groups
}

/// Adds a group after checking it holds one article per language; a second
/// article of a language is an error naming both files, and the group is
/// not formed. `rule` says what the members share, for that error.
fn add_group(
    articles: &[Article],
    members: Vec<usize>,
    source: GroupSource,
    rule: &dyn Fn() -> String,
    groups: &mut Vec<(Vec<usize>, GroupSource)>,
    group_of: &mut [Option<usize>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Groups are a handful of articles: a list beats a map.
    let mut by_lang: Vec<(&str, usize)> = Vec::with_capacity(members.len());
    let mut clean = true;
    for &m in &members {
        let lang = articles[m].lang.as_str();
        if let Some(&(_, first)) = by_lang.iter().find(|(l, _)| *l == lang) {
            clean = false;
            let line = match source {
                GroupSource::Key => articles[m].field_lines.translation_key,
                _ => None,
            };
            diagnostics.push(Diagnostic::error(
                &articles[m].path,
                line,
                format!(
                    "{} and {} {} and are both in `{}`; a translation group holds one article per language — change one's key or language",
                    articles[first].path, articles[m].path, rule(), articles[m].lang
                ),
            ));
        } else {
            by_lang.push((lang, m));
        }
    }
    for &m in &members {
        group_of[m] = Some(groups.len());
    }
    if clean {
        groups.push((members, source));
    } else {
        groups.push((Vec::new(), source));
    }
}
