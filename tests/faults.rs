//! What a publisher's server does to a run: kills it half-way, fills the
//! disk, takes away write permission, starts two runs at once. In every case
//! a reader fetching the feeds must get a complete old or a complete new
//! file, never a torn one, and the output folder must not fill up with
//! temporary files.
//!
//! The output folder's hidden bookkeeping (`.babelfeed.lock`,
//! `.babelfeed-manifest`, `.babelfeed-cache/`, temporary files) is not
//! served, so the comparisons below look at visible files only.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

// ---------------------------------------------------------------------------
// A generated news archive: stories in de, fr and en, as plain text (grouped
// by file name), Markdown with TOML front matter (grouped by key) and
// Markdown with YAML front matter (grouped by file name).

const LANGS: [&str; 3] = ["de", "fr", "en"];
const PEOPLE: [&str; 8] = [
    "Anna Keller",
    "Luc Moreau",
    "Sarah Brennan",
    "Jonas Weber",
    "Claire Dubois",
    "Tom Fletcher",
    "Marta Rossi",
    "Pierre Lambert",
];
const CITIES: [&str; 6] = ["Berlin", "Lyon", "Leeds", "Graz", "Lille", "Basel"];
const COMPANIES: [&str; 5] = ["Solaris", "Alstom", "Siemens", "Vestas", "Orsted"];

/// Story `i` of version `version` in `lang`: (title, paragraphs).
fn story(lang: &str, i: usize, version: u32) -> (String, Vec<String>) {
    let person = PEOPLE[i % PEOPLE.len()];
    let other = PEOPLE[(i / 3 + 1) % PEOPLE.len()];
    let city = CITIES[i % CITIES.len()];
    let company = COMPANIES[i % COMPANIES.len()];
    // Version 2 changes two stories in three: new figures and one more
    // sentence.
    let changed = version > 1 && i % 3 != 2;
    let millions = 10 + (i * 7) % 900 + if changed { 1000 } else { 0 };
    let jobs = 50 + (i * 13) % 5000;
    let year = 2024 + i % 6;
    let (title, mut paragraphs) = match lang {
        "de" => (
            format!("{company} baut in {city} ein Werk für {millions} Millionen Euro"),
            vec![
                format!("{person} hat am Montag in {city} ein Projekt von {company} über {millions} Millionen Euro vorgestellt. Die Stadt rechnet mit {jobs} neuen Arbeitsplätzen."),
                format!("Nach Angaben von {other} soll der Bau im Jahr {year} beginnen. Die Opposition kritisierte die Kosten und forderte eine Prüfung durch den Rechnungshof, bevor die Verträge unterschrieben werden."),
                format!("Die Gewerkschaft begrüßte die Pläne grundsätzlich, verlangte aber Tarifverträge für alle {jobs} Stellen. Der Stadtrat will im Herbst darüber abstimmen."),
                format!("Bereits im vergangenen Jahr hatte {company} in der Region investiert. Damals ging es um eine kleinere Anlage, die inzwischen in Betrieb ist und nach Angaben des Unternehmens gut ausgelastet ist."),
            ],
        ),
        "fr" => (
            format!("{company} construit une usine de {millions} millions d'euros à {city}"),
            vec![
                format!("{person} a présenté lundi à {city} un projet de {company} de {millions} millions d'euros. La ville prévoit {jobs} nouveaux emplois."),
                format!("Selon {other}, les travaux doivent commencer en {year}. L'opposition a critiqué les coûts et demandé un examen par la Cour des comptes avant la signature des contrats."),
                format!("Le syndicat a salué le projet dans son principe, mais exige des conventions collectives pour les {jobs} postes. Le conseil municipal votera à l'automne."),
                format!("L'an dernier déjà, {company} avait investi dans la région. Il s'agissait alors d'une installation plus petite, aujourd'hui en service et, selon l'entreprise, bien utilisée."),
            ],
        ),
        _ => (
            format!("{company} to build a {millions} million euro plant in {city}"),
            vec![
                format!("{person} presented a {millions} million euro project by {company} in {city} on Monday. The city expects {jobs} new jobs."),
                format!("According to {other}, construction is due to start in {year}. The opposition criticised the costs and called for a review by the audit office before the contracts are signed."),
                format!("The union welcomed the plans in principle but demanded collective agreements for all {jobs} positions. The city council will vote in the autumn."),
                format!("Last year {company} had already invested in the region. That was a smaller plant, which is now in operation and, according to the company, well used."),
            ],
        ),
    };
    if changed {
        paragraphs.insert(
            1,
            match lang {
                "de" => {
                    format!("Aktualisiert: Die Summe wurde auf {millions} Millionen Euro erhöht.")
                }
                "fr" => {
                    format!("Mise à jour : le montant a été porté à {millions} millions d'euros.")
                }
                _ => format!("Updated: the sum was raised to {millions} million euros."),
            },
        );
    }
    (title, paragraphs)
}

/// Writes `stories` stories in three languages (3 × `stories` files) into
/// `dir`, one folder per year.
fn write_corpus(dir: &Path, stories: usize, version: u32) {
    for i in 0..stories {
        let (year, month, day) = (2015 + i / 336, (i / 28) % 12 + 1, i % 28 + 1);
        let folder = dir.join(format!("{year}"));
        fs::create_dir_all(&folder).unwrap();
        for lang in LANGS {
            let (title, paragraphs) = story(lang, i, version);
            let (name, text) = match i % 3 {
                0 => (
                    format!("story-{i:05}.{lang}.txt"),
                    format!("{day:02}.{month:02}.{year}\n\n{}\n", paragraphs.join("\n\n")),
                ),
                1 => (
                    format!("story-{i:05}-{lang}.md"),
                    format!(
                        "+++\ntitle = \"{title}\"\ndate = {year}-{month:02}-{day:02}\nlang = \"{lang}\"\ntranslation_key = \"story-{i}\"\ntags = [\"economy\", \"{}\"]\n+++\n\n{}\n\nMore on [the project](/projects/{i}/) and **{}**.\n",
                        CITIES[i % CITIES.len()].to_lowercase(),
                        paragraphs.join("\n\n"),
                        COMPANIES[i % COMPANIES.len()]
                    ),
                ),
                _ => (
                    format!("story-{i:05}.{lang}.md"),
                    format!(
                        "---\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02}T{:02}:30:00+01:00\nauthors:\n  - {}\n---\n\n{}\n",
                        8 + i % 10,
                        PEOPLE[i % PEOPLE.len()],
                        paragraphs.join("\n\n")
                    ),
                ),
            };
            fs::write(folder.join(name), text).unwrap();
        }
    }
}

/// Every entry in every feed, so feeds are large and the write phase of a
/// run is long enough to be interrupted.
const CONFIG: &str = "base_url = \"https://news.example\"\nmax_entries = 0\n";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_babelfeed")
}

fn build_command(cwd: &Path, articles: &str, out: &str, extra: &[&str]) -> Command {
    let mut command = Command::new(bin());
    command
        .current_dir(cwd)
        .args(["build", "-q", "--articles", articles, "--out", out])
        .args(extra);
    command
}

fn run(cwd: &Path, articles: &str, out: &str, extra: &[&str]) -> Output {
    build_command(cwd, articles, out, extra)
        .output()
        .expect("run babelfeed")
}

/// A scratch folder with the configuration and versions A and B of an
/// archive (`a/`, `b/`), each built once alone into `ref-a/` and `ref-b/`.
struct Archive {
    dir: tempfile::TempDir,
}

impl Archive {
    fn new(stories: usize) -> Archive {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "babelfeed.toml", CONFIG);
        write_corpus(&dir.path().join("a"), stories, 1);
        write_corpus(&dir.path().join("b"), stories, 2);
        let archive = Archive { dir };
        for (articles, out) in [("a", "ref-a"), ("b", "ref-b")] {
            assert_success(&run(archive.path(), articles, out, &[]));
        }
        archive
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn at(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    /// Makes `out/` exactly what version A's run left (hidden bookkeeping
    /// included), as a server that published A holds it.
    fn restore_a(&self, out: &str) {
        let out = self.at(out);
        if out.exists() {
            fs::remove_dir_all(&out).unwrap();
        }
        copy_dir(&self.at("ref-a"), &out);
    }
}

// ---------------------------------------------------------------------------
// Kill test.

/// Notices when a run starts writing to `out/`: a temporary file appears or
/// a visible file changes size or modification time.
struct WriteWatch {
    out: PathBuf,
    before: Vec<Option<(u64, std::time::SystemTime)>>,
    names: Vec<String>,
}

impl WriteWatch {
    fn new(out: PathBuf, names: Vec<String>) -> WriteWatch {
        let mut watch = WriteWatch {
            out,
            before: Vec::new(),
            names,
        };
        watch.before = watch.state();
        watch
    }

    fn state(&self) -> Vec<Option<(u64, std::time::SystemTime)>> {
        self.names
            .iter()
            .map(|name| {
                fs::metadata(self.out.join(name))
                    .ok()
                    .map(|m| (m.len(), m.modified().unwrap()))
            })
            .collect()
    }

    fn writing(&self) -> bool {
        self.state() != self.before || !temp_files(&self.out).is_empty()
    }
}

/// Runs B over `out/` (holding A) to the end; returns how long it took and
/// how long its writing phase lasted (from the first sign of writing).
fn watch_run(archive: &Archive, names: &[String]) -> (Duration, Duration) {
    let watch = WriteWatch::new(archive.at("out"), names.to_vec());
    let started = Instant::now();
    let mut child = build_command(archive.path(), "b", "out", &[])
        .spawn()
        .unwrap();
    let mut first_write = None;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if first_write.is_none() && watch.writing() {
            first_write = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let total = started.elapsed();
    assert!(status.success(), "run of B failed: {status:?}");
    (total, total - first_write.unwrap_or(total))
}

/// SIGKILL at any moment leaves every served file either all old or all
/// new; a later run completes the job.
///
/// A third of the kills are timed from the start, spread over the whole
/// run; the others from the moment the run starts writing (its first
/// temporary file or replaced feed), spread over the writing phase, since
/// that is where a torn file could appear and it is a small part of a run.
/// `BABELFEED_KILL_STORIES` and `BABELFEED_KILL_ROUNDS` change the size.
#[test]
fn killed_runs_leave_every_feed_old_or_new() {
    let started = Instant::now();
    let stories = std::env::var("BABELFEED_KILL_STORIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let rounds: usize = std::env::var("BABELFEED_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let archive = Archive::new(stories);
    let a = visible_snapshot(&archive.at("ref-a"));
    let b = visible_snapshot(&archive.at("ref-b"));
    assert_eq!(a.len(), 6, "three languages, two feeds each");
    let names: Vec<String> = a.iter().map(|(name, _)| name.clone()).collect();
    assert_eq!(
        names,
        b.iter().map(|(name, _)| name.clone()).collect::<Vec<_>>()
    );
    for ((name, old), (_, new)) in a.iter().zip(&b) {
        assert_ne!(
            old, new,
            "{name} must change from A to B for the test to mean anything"
        );
    }
    let feed_bytes: usize = b.iter().map(|(_, bytes)| bytes.len()).sum();

    // How long an uninterrupted run of B over A's output takes, and its
    // writing phase; the faster of two runs, as the first may meet a cold
    // cache.
    let mut duration = Duration::MAX;
    let mut writing = Duration::MAX;
    for _ in 0..2 {
        archive.restore_a("out");
        let (total, write_phase) = watch_run(&archive, &names);
        duration = duration.min(total);
        writing = writing.min(write_phase);
        assert_same_files(&visible_snapshot(&archive.at("out")), &b, "B over A");
    }
    eprintln!(
        "kill test: {} articles, {} KiB of feeds; a run takes {duration:?}, the last {writing:?} of it writing",
        3 * stories,
        feed_bytes / 1024
    );
    if duration < Duration::from_millis(500) {
        eprintln!("note: a run takes under 0.5 s here; the kills are spread over {duration:?}");
    }

    let (mut all_old, mut all_new, mut mixed, mut finished) = (0, 0, 0, 0);
    let mut leftovers = 0;
    let timed = rounds.div_ceil(3);
    for round in 0..rounds {
        archive.restore_a("out");
        let watch = WriteWatch::new(archive.at("out"), names.clone());
        let mut child = build_command(archive.path(), "b", "out", &[])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let when = if round < timed {
            let delay = duration.mul_f64((round as f64 + 0.5) / timed as f64);
            std::thread::sleep(delay);
            format!("{delay:?} after the start")
        } else {
            // Latest first, so the last round leaves a run cut off early in
            // its writing for the final run below to complete.
            let step = 1.0 - (round - timed) as f64 / (rounds - timed).max(1) as f64;
            let delay = writing.mul_f64(step * 1.1);
            while child.try_wait().unwrap().is_none() && !watch.writing() {
                std::thread::sleep(Duration::from_micros(500));
            }
            std::thread::sleep(delay);
            format!("{delay:?} after it started writing")
        };
        let done_before_kill = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if done_before_kill {
            finished += 1;
            assert!(status.success(), "round {round}: run failed: {status:?}");
        }
        let delay = &when;

        let now = visible_snapshot(&archive.at("out"));
        let mut old = 0;
        let mut new = 0;
        for (name, bytes) in &now {
            let in_a = a.iter().find(|(n, _)| n == name).map(|(_, b)| b);
            let in_b = b.iter().find(|(n, _)| n == name).map(|(_, b)| b);
            if in_a == Some(bytes) {
                old += 1;
            } else if in_b == Some(bytes) {
                new += 1;
            } else {
                panic!(
                    "round {round} (SIGKILL {delay}): {name} is neither A's nor B's version ({} bytes; A has {:?}, B has {:?} bytes): a reader would get a torn feed",
                    bytes.len(),
                    in_a.map(Vec::len),
                    in_b.map(Vec::len)
                );
            }
        }
        for (name, _) in &a {
            assert!(
                now.iter().any(|(n, _)| n == name),
                "round {round} (SIGKILL {delay}): {name} is missing; A had it"
            );
        }
        match (old, new) {
            (_, 0) => all_old += 1,
            (0, _) => all_new += 1,
            _ => mixed += 1,
        }
        leftovers += temp_files(&archive.at("out")).len();
    }
    eprintln!(
        "kill test: {rounds} kills: {all_old} left A, {all_new} left B, {mixed} left a mix of A and B files, {finished} runs had finished; {leftovers} temporary file(s) left by killed runs"
    );

    // A normal run after the last kill completes the job.
    assert_success(&run(archive.path(), "b", "out", &[]));
    assert_same_files(
        &visible_snapshot(&archive.at("out")),
        &b,
        "a run after a killed one must publish B",
    );
    eprintln!(
        "kill test: {:?} in all; {} temporary file(s) still there after the final run: {:?}",
        started.elapsed(),
        temp_files(&archive.at("out")).len(),
        temp_files(&archive.at("out"))
    );
}
