//! Per-stage benchmarks (issue #4): parse, infer, group, render, and the
//! pairing of plain-text translations on busy days.
//!
//! ```text
//! cargo bench --bench stages              # everything, a few minutes
//! cargo bench --bench stages -- pairing   # one group (criterion filter)
//! BENCH_QUICK=1 cargo bench --bench stages # without the 1000-story day
//! ```
//!
//! Corpora come from `examples/gen_corpus/corpus.rs`, generated in memory,
//! so no disk access is measured (the whole-run figures are `bench/run.sh`).
//! Each stage is timed alone, on the output of the stages before it, built
//! once outside the measurement.

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::time::Duration;

use babelfeed::config::Settings;
use babelfeed::discover::{SourceFile, SourceKind, SourceText};
use babelfeed::model::{Article, Catalog};
use babelfeed::parse::ParsedArticle;
use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput,
};

/// Stories per stage corpus: 1000 stories in de and fr = 2000 articles.
const STORIES: usize = 1000;

fn settings(max_entries: usize) -> Settings {
    let text = format!(
        r#"
base_url = "https://news.example.org"
max_entries = {max_entries}
content = "full"
[languages.de]
title = "Nachrichten"
[languages.fr]
title = "Actualités"
"#
    );
    Settings::from_toml(&text, "bench").expect("bench settings")
}

fn corpus(format: corpus::Format, stories: usize, per_day: usize) -> Vec<SourceFile> {
    let opts = corpus::Options {
        stories,
        langs: vec!["de".into(), "fr".into()],
        format,
        per_day,
        ..corpus::Options::default()
    };
    let kind = match format {
        corpus::Format::Txt => SourceKind::Plain,
        corpus::Format::Md => SourceKind::Markdown,
    };
    corpus::generate(&opts)
        .into_iter()
        .map(|(path, text)| SourceFile {
            kind,
            file: SourceText { path, text },
            sidecar: None,
        })
        .collect()
}

fn bytes(sources: &[SourceFile]) -> u64 {
    sources.iter().map(|s| s.file.text.len() as u64).sum()
}

fn parse_all(sources: &[SourceFile]) -> Vec<ParsedArticle> {
    sources
        .iter()
        .map(|s| babelfeed::parse::parse(s).expect("generated article parses"))
        .collect()
}

fn infer_all(parsed: Vec<ParsedArticle>, settings: &Settings) -> Vec<Article> {
    let inferrer = babelfeed::infer::Inferrer::new(settings);
    let mut diagnostics = Vec::new();
    parsed
        .into_iter()
        .map(|p| {
            inferrer
                .infer(p, &mut diagnostics)
                .expect("generated article infers")
        })
        .collect()
}

fn catalog(sources: &[SourceFile], settings: &Settings) -> Catalog {
    let articles = infer_all(parse_all(sources), settings);
    let (grouping, _) = babelfeed::group::group(&articles, settings);
    Catalog {
        articles,
        grouping,
        kept_languages: Vec::new(),
    }
}

fn formats() -> [(&'static str, corpus::Format); 2] {
    [("txt", corpus::Format::Txt), ("md", corpus::Format::Md)]
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, format) in formats() {
        let sources = corpus(format, STORIES, 20);
        group.throughput(Throughput::Bytes(bytes(&sources)));
        group.bench_function(BenchmarkId::new(name, sources.len()), |b| {
            b.iter(|| parse_all(&sources))
        });
    }
    group.finish();
}

fn infer(c: &mut Criterion) {
    let settings = settings(50);
    let mut group = c.benchmark_group("infer");
    for (name, format) in formats() {
        let sources = corpus(format, STORIES, 20);
        let parsed = parse_all(&sources);
        group.throughput(Throughput::Elements(parsed.len() as u64));
        group.bench_function(BenchmarkId::new(name, parsed.len()), |b| {
            b.iter_batched(
                || parsed.clone(),
                |parsed| infer_all(parsed, &settings),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn group_stage(c: &mut Criterion) {
    let settings = settings(50);
    let mut group = c.benchmark_group("group");
    for (name, format) in formats() {
        let articles = infer_all(parse_all(&corpus(format, STORIES, 20)), &settings);
        group.throughput(Throughput::Elements(articles.len() as u64));
        group.bench_function(BenchmarkId::new(name, articles.len()), |b| {
            b.iter(|| babelfeed::group::group(&articles, &settings))
        });
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for (name, format) in formats() {
        for max_entries in [50, 0] {
            let settings = settings(max_entries);
            let catalog = catalog(&corpus(format, STORIES, 20), &settings);
            let entries = if max_entries == 0 {
                "all".to_string()
            } else {
                max_entries.to_string()
            };
            group.throughput(Throughput::Elements(catalog.articles.len() as u64));
            group.bench_function(BenchmarkId::new(name, format!("entries={entries}")), |b| {
                b.iter(|| babelfeed::render::render(&catalog, &settings).expect("renders"))
            });
        }
    }
    group.finish();
}

/// Pairing of plain-text translations (the group stage on `.txt`) with all
/// stories on one day: 100, 300 (the "300 stories on one day" case of issue
/// #4) and 1000 stories in de and fr. Throughput is per article, so
/// near-linear growth shows as a near-flat time per article.
fn pairing(c: &mut Criterion) {
    let settings = settings(50);
    let mut group = c.benchmark_group("pairing_one_day");
    // Slow cases run one iteration per sample.
    group.sampling_mode(SamplingMode::Flat);
    // With today's quadratic pairing the 1000-story day takes minutes;
    // BENCH_QUICK=1 leaves it out.
    let sizes: &[usize] = if std::env::var_os("BENCH_QUICK").is_some() {
        &[100, 300]
    } else {
        &[100, 300, 1000]
    };
    for &stories in sizes {
        let sources = corpus(corpus::Format::Txt, stories, stories);
        let articles = infer_all(parse_all(&sources), &settings);
        group.throughput(Throughput::Elements(articles.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("stories", stories),
            &articles,
            |b, articles| b.iter(|| babelfeed::group::group(articles, &settings)),
        );
    }
    group.finish();
}

/// All in-memory stages in a row, as `babelfeed build` runs them minus the
/// disk.
fn pipeline(c: &mut Criterion) {
    let settings = settings(50);
    let mut group = c.benchmark_group("pipeline");
    for (name, format) in formats() {
        let sources = corpus(format, STORIES, 20);
        group.throughput(Throughput::Elements(sources.len() as u64));
        group.bench_function(BenchmarkId::new(name, sources.len()), |b| {
            b.iter(|| {
                let catalog = catalog(&sources, &settings);
                babelfeed::render::render(&catalog, &settings).expect("renders")
            })
        });
    }
    group.finish();
}

fn config() -> Criterion {
    // Stages take milliseconds to a second: few samples keep `cargo bench`
    // to a few minutes on a shared two-core machine.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = stages;
    config = config();
    targets = parse, infer, group_stage, render, pairing, pipeline
}
criterion_main!(stages);
