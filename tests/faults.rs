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
use std::process::{Child, Command, Output, Stdio};
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
        .unwrap_or(400);
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

/// A killed run leaves its temporary file behind (nothing can remove it);
/// the next run, holding the lock, removes such leftovers so they do not
/// pile up in the served folder. Files that only look similar stay.
#[test]
fn a_run_removes_temporary_files_left_by_a_killed_run() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write_corpus(&dir.path().join("a"), 3, 1);
    assert_success(&run(dir.path(), "a", "out", &[]));
    let out = dir.path().join("out");
    write(&out, "de/.babelfeed-Zz5AYf.tmp", "<feed>half of a feed");
    write(&out, ".babelfeed-x1y2z3.tmp", "<rss>half");
    write(&out, "de/babelfeed-notes.tmp", "a user's file");
    // Killed while saving the cache, and while publishing a language for
    // the first time, which no manifest names yet.
    write(
        &out,
        ".babelfeed-cache/.babelfeed-AbC123.tmp",
        "half an index",
    );
    write(&out, "nl/.babelfeed-Qq9x2W.tmp", "<feed>half of a new feed");
    assert_success(&run(dir.path(), "a", "out", &[]));
    assert_eq!(
        temp_files(&out),
        Vec::<String>::new(),
        "a killed run's temporary files must not pile up"
    );
    assert!(out.join("de/babelfeed-notes.tmp").exists());
    assert!(!out.join("nl").exists(), "an emptied folder is not served");
}

// ---------------------------------------------------------------------------
// Write failures: a file size limit, a read-only folder, a full disk.

/// `count` long Markdown articles in `lang`, so that language's feeds are
/// large (about 4 KiB per entry and feed).
fn write_long_articles(dir: &Path, lang: &str, count: usize) {
    let paragraph = match lang {
        "de" => "Der Stadtrat hat nach langer Debatte beschlossen, das Budget für den öffentlichen Verkehr deutlich zu erhöhen, und die Verwaltung beauftragt, bis zum Herbst einen Plan vorzulegen.",
        "fr" => "Après un long débat, le conseil municipal a décidé d'augmenter nettement le budget des transports publics et a chargé l'administration de présenter un plan d'ici l'automne.",
        _ => "After a long debate the city council decided to raise the public transport budget considerably and asked the administration to present a plan by the autumn.",
    };
    for i in 0..count {
        let body = [paragraph; 12].join("\n\n");
        write(
            dir,
            &format!("long/{lang}-{i:04}.md"),
            &format!(
                "+++\ntitle = \"Long story {i}\"\ndate = 2022-{:02}-{:02}\nlang = \"{lang}\"\n+++\n\n{body}\n",
                i % 12 + 1,
                i % 28 + 1
            ),
        );
    }
}

/// A folder with `a/` (a small archive) built into `out/`, and `b/` (the
/// same archive changed, plus `long` long articles in `big_lang`).
fn small_to_big(big_lang: &str, long: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write_corpus(&dir.path().join("a"), 6, 1);
    write_corpus(&dir.path().join("b"), 6, 2);
    write_long_articles(&dir.path().join("b"), big_lang, long);
    assert_success(&run(dir.path(), "a", "out", &[]));
    dir
}

/// Runs `babelfeed build` on `b/` into `out/` under `ulimit -f kib`. With
/// `ignore_signal`, SIGXFSZ is ignored (an ignored signal stays ignored
/// across exec), so a write past the limit fails with EFBIG instead of
/// killing the process.
fn build_with_file_size_limit(cwd: &Path, kib: u64, ignore_signal: bool) -> Output {
    let script = if ignore_signal {
        "trap '' XFSZ; ulimit -f \"$1\"; shift; exec \"$@\""
    } else {
        "ulimit -f \"$1\"; shift; exec \"$@\""
    };
    Command::new("bash")
        .current_dir(cwd)
        .args(["-c", script, "bash", &kib.to_string(), bin()])
        .args(["build", "--articles", "b", "--out", "out"])
        .output()
        .expect("run bash")
}

fn describe(output: &Output) -> String {
    use std::os::unix::process::ExitStatusExt;
    match output.status.signal() {
        Some(signal) => format!("killed by signal {signal}; stderr:\n{}", stderr(output)),
        None => format!(
            "exit {:?}; stderr:\n{}",
            output.status.code(),
            stderr(output)
        ),
    }
}

/// Exit 3, the old feeds byte for byte, no temporary file left, and a
/// message naming a path in the output folder.
#[track_caller]
fn assert_failed_write(
    output: &Output,
    out: &Path,
    before: &[(String, Vec<u8>)],
    names: &str,
    what: &str,
) {
    assert_eq!(
        output.status.code(),
        Some(3),
        "{what}: expected exit 3 (output error), got {}",
        describe(output)
    );
    assert_same_files(
        &visible_snapshot(out),
        before,
        &format!("{what}: the old feeds must stay exactly as they were"),
    );
    assert_eq!(
        temp_files(out),
        Vec::<String>::new(),
        "{what}: temporary files left behind"
    );
    assert!(
        stderr(output).contains(names),
        "{what}: the message should name `{names}`:\n{}",
        stderr(output)
    );
}

#[test]
fn write_failure_part_way_keeps_old_feeds_and_leaves_no_temp_files() {
    // The first language's feeds (de) are ~1.5 MiB; the limit is 256 KiB.
    let dir = small_to_big("de", 400);
    let out = dir.path().join("out");
    let before = visible_snapshot(&out);
    let output = build_with_file_size_limit(dir.path(), 256, true);
    assert_failed_write(&output, &out, &before, "out/de", "ulimit -f 256");
    // Without the limit the same run works.
    assert_success(&run(dir.path(), "b", "out", &[]));
}

/// The brief's literal command: under `ulimit -f` the kernel sends SIGXFSZ,
/// which kills a process that does not ignore it, leaving its temporary
/// file behind. babelfeed should ignore the signal and report the EFBIG
/// write error like any other.
#[test]
fn file_size_limit_is_an_output_error_not_a_crash() {
    let dir = small_to_big("de", 400);
    let out = dir.path().join("out");
    let before = visible_snapshot(&out);
    let output = build_with_file_size_limit(dir.path(), 256, false);
    assert_failed_write(
        &output,
        &out,
        &before,
        "out/de",
        "ulimit -f 256 without ignoring SIGXFSZ (babelfeed should ignore SIGXFSZ itself)",
    );
}

/// Feeds are replaced all together or not at all: when the last language's
/// feed cannot be written, the languages before it must not have been
/// replaced already (write every temporary file first, then rename).
#[test]
fn write_failure_in_one_language_leaves_every_old_feed_intact() {
    let dir = small_to_big("fr", 400);
    let out = dir.path().join("out");
    let before = visible_snapshot(&out);
    let output = build_with_file_size_limit(dir.path(), 256, true);
    assert_failed_write(
        &output,
        &out,
        &before,
        "out/fr",
        "fr's feed too large for ulimit -f 256 (de and en changed too)",
    );
}

/// Restores write permission when dropped, so the temporary folder can be
/// removed whatever happened.
struct Writable(Vec<PathBuf>);

impl Drop for Writable {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ =
                std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o755));
        }
    }
}

fn read_only(paths: Vec<PathBuf>) -> Writable {
    for path in &paths {
        chmod(path, 0o555);
    }
    Writable(paths)
}

#[test]
fn read_only_output_folder_exits_3_naming_it() {
    let dir = small_to_big("de", 3);
    let Some(mut command) = babelfeed_obeying_permissions(dir.path()) else {
        return;
    };
    let out = dir.path().join("out");
    let before = visible_snapshot(&out);
    let _guard = read_only(
        ["out", "out/de", "out/en", "out/fr"]
            .map(|p| dir.path().join(p))
            .to_vec(),
    );
    let output = command
        .args(["build", "--articles", "b", "--out", "out"])
        .output()
        .unwrap();
    assert_failed_write(&output, &out, &before, "out", "read-only output folder");
}

#[test]
fn read_only_language_folder_leaves_every_feed_intact() {
    let dir = small_to_big("de", 3);
    let Some(mut command) = babelfeed_obeying_permissions(dir.path()) else {
        return;
    };
    let out = dir.path().join("out");
    let before = visible_snapshot(&out);
    // Only the last language's folder: de and en could be written.
    let _guard = read_only(vec![dir.path().join("out/fr")]);
    let output = command
        .args(["build", "--articles", "b", "--out", "out"])
        .output()
        .unwrap();
    assert_failed_write(
        &output,
        &out,
        &before,
        "out/fr",
        "read-only out/fr while de and en change",
    );
}

/// A tmpfs mounted for the test, unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(at: &Path, size: &str) -> Option<Mount> {
        fs::create_dir_all(at).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status();
        match status {
            Ok(s) if s.success() => Some(Mount(at.to_path_buf())),
            _ => {
                eprintln!(
                    "note: cannot mount a tmpfs here (needs root and mount rights): skipping the full-disk test"
                );
                None
            }
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

#[test]
fn full_disk_exits_3_and_keeps_old_feeds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "babelfeed.toml", CONFIG);
    write_corpus(&dir.path().join("a"), 6, 1);
    write_corpus(&dir.path().join("b"), 6, 2);
    write_long_articles(&dir.path().join("b"), "de", 400);
    let out = dir.path().join("out");
    let Some(_mount) = Mount::tmpfs(&out, "512k") else {
        return;
    };
    assert_success(&run(dir.path(), "a", "out", &[]));
    let before = visible_snapshot(&out);
    let output = run(dir.path(), "b", "out", &[]);
    assert_failed_write(&output, &out, &before, "out/", "full 512 KiB tmpfs");
}

// ---------------------------------------------------------------------------
// Two runs at once.

/// Takes the output folder's lock the way babelfeed does: an exclusive
/// `flock` on `<out>/.babelfeed.lock`.
fn hold_lock(out: &Path) -> fs::File {
    fs::create_dir_all(out).unwrap();
    let file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(out.join(".babelfeed.lock"))
        .unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn two_runs_at_once_both_succeed_and_equal_one_run() {
    let archive = Archive::new(60);
    let b = visible_snapshot(&archive.at("ref-b"));
    archive.restore_a("out");
    let first = build_command(archive.path(), "b", "out", &[])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let second = build_command(archive.path(), "b", "out", &[])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for child in [first, second] {
        assert_success(&child.wait_with_output().unwrap());
    }
    assert_same_files(&visible_snapshot(&archive.at("out")), &b, "two runs of B");
    assert_eq!(temp_files(&archive.at("out")), Vec::<String>::new());
}

/// Runs of different inputs at once: one waits for the other, so the
/// folder ends up with one run's complete output, never a mix. (Without a
/// lock a mix needs the runs' short writing phases to overlap, so this
/// catches a missing lock only sometimes; the lock tests below are the
/// deterministic ones.)
#[test]
fn concurrent_runs_of_different_inputs_never_mix() {
    let archive = Archive::new(60);
    let a = visible_snapshot(&archive.at("ref-a"));
    let b = visible_snapshot(&archive.at("ref-b"));
    for round in 0..3 {
        archive.restore_a("out");
        let runs: Vec<Child> = ["b", "a", "b"]
            .iter()
            .map(|articles| {
                build_command(archive.path(), articles, "out", &[])
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in runs {
            assert_success(&child.wait_with_output().unwrap());
        }
        let now = visible_snapshot(&archive.at("out"));
        assert!(
            now == a || now == b,
            "round {round}: the folder mixes the runs' outputs: differs from A in {:?}, from B in {:?}",
            snapshot_diff(&a, &now),
            snapshot_diff(&b, &now)
        );
    }
}

#[test]
fn a_run_waits_while_another_holds_the_lock() {
    let archive = Archive::new(20);
    let a = visible_snapshot(&archive.at("ref-a"));
    let b = visible_snapshot(&archive.at("ref-b"));
    archive.restore_a("out");
    let out = archive.at("out");
    let lock = hold_lock(&out);
    let mut child = build_command(archive.path(), "b", "out", &[])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A run of this archive takes well under a second; give it two.
    std::thread::sleep(Duration::from_secs(2));
    let early = child.try_wait().unwrap();
    let during = visible_snapshot(&out);
    drop(lock);
    let output = child.wait_with_output().unwrap();
    assert!(
        early.is_none(),
        "the run ended ({early:?}) while the test held {}: it must wait for the lock; stderr:\n{}",
        out.join(".babelfeed.lock").display(),
        stderr(&output)
    );
    assert_same_files(
        &during,
        &a,
        "nothing may be written while another run holds the lock",
    );
    assert_success(&output);
    assert_same_files(&visible_snapshot(&out), &b, "after the lock was released");
}

#[test]
fn no_wait_exits_4_while_another_run_holds_the_lock() {
    let archive = Archive::new(20);
    let a = visible_snapshot(&archive.at("ref-a"));
    archive.restore_a("out");
    let out = archive.at("out");
    let _lock = hold_lock(&out);
    let started = Instant::now();
    let output = run(archive.path(), "b", "out", &["--no-wait"]);
    assert_eq!(
        output.status.code(),
        Some(4),
        "--no-wait with the lock held: {}",
        describe(&output)
    );
    // `-q build --no-wait` is the crontab line: an overlap is no error
    // for cron to mail.
    assert!(output.stderr.is_empty(), "-q: {}", stderr(&output));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "--no-wait waited"
    );
    let output = Command::new(bin())
        .current_dir(archive.path())
        .args(["build", "--articles", "b", "--out", "out", "--no-wait"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", describe(&output));
    let err = stderr(&output);
    assert!(
        err.starts_with("note: ")
            && err.contains("another babelfeed run")
            && err.lines().count() == 1,
        "without -q, one line of note: {err}"
    );
    assert_same_files(&visible_snapshot(&out), &a, "--no-wait must not write");
}

/// The lock a real run holds is the one `--no-wait` sees (and the `flock`
/// the tests take above): start a slower run, see it hold the lock, and a
/// `--no-wait` run meanwhile exits 4.
#[test]
fn no_wait_exits_4_while_a_real_run_is_going() {
    let archive = Archive::new(150);
    let b = visible_snapshot(&archive.at("ref-b"));
    archive.restore_a("out");
    let out = archive.at("out");
    let lock_path = out.join(".babelfeed.lock");
    let mut first = build_command(archive.path(), "b", "out", &[])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut held = false;
    while first.try_wait().unwrap().is_none() {
        if let Ok(file) = fs::OpenOptions::new().read(true).open(&lock_path) {
            match file.try_lock() {
                Err(fs::TryLockError::WouldBlock) => {
                    held = true;
                    break;
                }
                Ok(()) => file.unlock().unwrap(),
                Err(fs::TryLockError::Error(e)) => panic!("{}: {e}", lock_path.display()),
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(
        held,
        "the run ended without ever holding an flock on {}",
        lock_path.display()
    );
    let second = run(archive.path(), "b", "out", &["--no-wait"]);
    let first_done = first.try_wait().unwrap().is_some();
    let first = first.wait_with_output().unwrap();
    assert_success(&first);
    if second.status.code() != Some(4) {
        assert!(
            first_done && second.status.success(),
            "--no-wait during a run: {}",
            describe(&second)
        );
        eprintln!("note: the first run ended before the --no-wait run looked");
    } else {
        assert!(second.stderr.is_empty(), "-q: {}", stderr(&second));
    }
    assert_same_files(&visible_snapshot(&out), &b, "after both runs");
}

// ---------------------------------------------------------------------------
// Languages that lose their last article; --keep-going.

const DE_MD: &str = "+++\ntitle = \"Neuer Vertrag\"\ndate = 2021-05-04\n+++\n\nDie Stadtwerke haben einen neuen Vertrag unterzeichnet.\n";
const FR_MD: &str = "+++\ntitle = \"Nouveau contrat\"\ndate = 2021-05-04\n+++\n\nLes services municipaux ont signé un nouveau contrat.\n";
const EN_MD: &str = "+++\ntitle = \"New contract\"\ndate = 2021-05-05\n+++\n\nThe municipal utilities signed a new contract.\n";

#[test]
fn a_language_without_articles_loses_its_feeds_but_not_other_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/launch.de.md", DE_MD);
    write(dir.path(), "articles/launch.fr.md", FR_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feeds = dir.path().join("feeds");
    assert!(feeds.join("fr/atom.xml").exists() && feeds.join("fr/rss.xml").exists());
    // Files the tool did not write: one beside fr's feeds, and feeds of a
    // language babelfeed never published here.
    write(&feeds, "fr/README.txt", "kept by the user\n");
    write(&feeds, "it/atom.xml", "<feed>hand-made</feed>\n");

    fs::remove_file(dir.path().join("articles/launch.fr.md")).unwrap();
    let output = babelfeed(dir.path(), &["build"]);
    assert_success(&output);
    // Said without -v: every subscriber of the feed now meets a 404.
    let err = stderr(&output);
    assert!(
        err.contains("warning: removed")
            && err.contains("fr/atom.xml")
            && err.contains("fr/rss.xml"),
        "{err}"
    );
    for gone in ["fr/atom.xml", "fr/rss.xml"] {
        assert!(
            !feeds.join(gone).exists(),
            "{gone} must be removed: fr has no article any more"
        );
    }
    assert_eq!(
        fs::read_to_string(feeds.join("fr/README.txt")).unwrap(),
        "kept by the user\n",
        "a file babelfeed did not write must stay"
    );
    assert_eq!(
        fs::read_to_string(feeds.join("it/atom.xml")).unwrap(),
        "<feed>hand-made</feed>\n",
        "a feed babelfeed never wrote must stay"
    );

    // de's feeds are what a fresh build of the remaining articles gives
    // (no sibling link to fr any more).
    assert_success(&babelfeed(dir.path(), &["build", "-q", "--out", "fresh"]));
    let de = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        visible_snapshot(dir)
            .into_iter()
            .filter(|(name, _)| name.starts_with("de/"))
            .collect()
    };
    assert_same_files(
        &de(&feeds),
        &de(&dir.path().join("fresh")),
        "de after fr left",
    );
}

#[test]
fn keep_going_publishes_the_valid_articles_and_lists_the_others() {
    let dir = tempfile::tempdir().unwrap();
    // The reference: only the valid articles.
    write(dir.path(), "good/launch.de.md", DE_MD);
    write(dir.path(), "good/other.en.md", EN_MD);
    assert_success(&babelfeed(
        dir.path(),
        &["build", "-q", "--articles", "good", "--out", "reference"],
    ));
    // The same plus broken files, one of them de's translation.
    copy_dir(&dir.path().join("good"), &dir.path().join("articles"));
    write(
        dir.path(),
        "articles/launch.fr.md",
        &FR_MD.replace("2021-05-04", "\"le 4 mai, je crois\""),
    );
    write(dir.path(), "articles/broken.txt", "");
    write(
        dir.path(),
        "articles/nested/nul.txt",
        "04.05.2021\n\nEin \u{0} Zeichen.\n",
    );
    // A sidecar's error leaves out its article, which the list names.
    write(
        dir.path(),
        "articles/sidecar.txt",
        "04.05.2021\n\nDer Rat hat am Dienstag getagt.\n",
    );
    write(
        dir.path(),
        "articles/sidecar.toml",
        "tranlsation_key = \"k\"\n",
    );

    // An earlier good run published something else.
    write(
        dir.path(),
        "old/launch.de.md",
        &DE_MD.replace("Neuer", "Alter"),
    );
    assert_success(&babelfeed(
        dir.path(),
        &["build", "-q", "--articles", "old"],
    ));

    let output = babelfeed(dir.path(), &["build", "--keep-going"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "--keep-going with errors still exits 1: {}",
        describe(&output)
    );
    let err = stderr(&output);
    for expected in ["launch.fr.md:3:", "broken.txt", "nested/nul.txt:3:"] {
        assert!(err.contains(expected), "`{expected}` not listed:\n{err}");
    }
    let left_out = err
        .lines()
        .find(|l| l.contains("were left out of the feeds"))
        .unwrap_or_default();
    assert!(
        left_out.contains("sidecar.txt") && !left_out.contains("sidecar.toml"),
        "{err}"
    );
    assert_same_files(
        &visible_snapshot(&dir.path().join("feeds")),
        &visible_snapshot(&dir.path().join("reference")),
        "--keep-going must publish exactly the valid articles (de without a link to the broken fr)",
    );

    // With nothing wrong, --keep-going is an ordinary run.
    fs::remove_dir_all(dir.path().join("articles")).unwrap();
    copy_dir(&dir.path().join("good"), &dir.path().join("articles"));
    assert_success(&babelfeed(dir.path(), &["build", "-q", "--keep-going"]));
}

/// A run whose feeds cannot be written still lists every problem it found
/// in the articles, or they would only show on the next run: with
/// `--keep-going` the errors of the files it left out and the warnings,
/// before the output error (exit 3); without, the run stops at the errors
/// (exit 1) and writes nothing.
#[test]
fn an_output_error_still_lists_every_problem_of_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/launch.de.md", DE_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feeds = dir.path().join("feeds");
    let before = visible_snapshot(&feeds);
    let Some(_) = babelfeed_obeying_permissions(dir.path()) else {
        return;
    };
    write(
        dir.path(),
        "articles/launch.fr.md",
        &FR_MD.replace("2021-05-04", "\"le 4 mai, je crois\""),
    );
    write(
        dir.path(),
        "articles/later.de.md",
        &DE_MD.replace("2021-05-04", "2999-05-04"),
    );
    let _guard = read_only(vec![feeds.join("de")]);
    for (args, code) in [(&["build", "--keep-going"][..], 3), (&["build"], 1)] {
        let output = babelfeed_obeying_permissions(dir.path())
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            describe(&output)
        );
        let err = stderr(&output);
        for expected in [
            "launch.fr.md:3: error:",
            "later.de.md: warning: is due 2999-05-04",
        ] {
            assert!(
                err.contains(expected),
                "{args:?}: `{expected}` not listed:\n{err}"
            );
        }
        assert_eq!(
            err.contains("cannot write the feeds"),
            code == 3,
            "{args:?}: {err}"
        );
        assert_same_files(&visible_snapshot(&feeds), &before, "after a failed run");
    }
}

/// With `--keep-going`, a language whose articles all fail to read is not
/// a language without articles: its published feeds stay, byte for byte,
/// the other languages' feeds go on linking them, and they come back up
/// to date once the files are fixed.
#[test]
fn keep_going_keeps_the_feeds_of_a_language_whose_articles_all_failed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/launch.de.md", DE_MD);
    write(dir.path(), "articles/launch.fr.md", FR_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feeds = dir.path().join("feeds");
    let fr_feeds = || ["fr/atom.xml", "fr/rss.xml"].map(|f| fs::read(feeds.join(f)).unwrap());
    let fr_before = fr_feeds();
    // Saved as Latin-1 by some editor.
    let mut latin1 = FR_MD.replace('é', "e").into_bytes();
    latin1.extend_from_slice(b"Sign\xe9.\n");
    fs::write(dir.path().join("articles/launch.fr.md"), &latin1).unwrap();

    let output = babelfeed(dir.path(), &["build", "--keep-going"]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(
        stderr(&output).contains("launch.fr.md"),
        "{}",
        describe(&output)
    );
    assert!(fr_feeds() == fr_before, "fr's feeds must stay as published");
    // The other feeds still name the kept ones as the feed in French.
    let de = parse_feed(&feeds.join("de/atom.xml"));
    assert!(
        de.links
            .iter()
            .any(|link| link.href_lang.as_deref() == Some("fr")
                && link.href.ends_with("/fr/atom.xml")),
        "de/atom.xml lost its link to the kept fr feed: {:?}",
        de.links
    );
    let de_rss = fs::read_to_string(feeds.join("de/rss.xml")).unwrap();
    assert!(de_rss.contains("hreflang=\"fr\""), "{de_rss}");

    write(dir.path(), "articles/launch.fr.md", FR_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    assert_success(&babelfeed(dir.path(), &["build", "-q", "--out", "fresh"]));
    assert_same_files(
        &visible_snapshot(&feeds),
        &visible_snapshot(&dir.path().join("fresh")),
        "fixed again",
    );
}

/// A folder that cannot be read: its subfolder is an input error (exit 1,
/// with `--keep-going` too, and the feeds stay); the articles folder
/// itself is the folder's error (exit 2), named as given.
#[test]
fn unreadable_folders_fail_the_run_and_keep_the_feeds() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/2026/launch.de.md", DE_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feeds = dir.path().join("feeds");
    let before = visible_snapshot(&feeds);
    let Some(_) = babelfeed_obeying_permissions(dir.path()) else {
        return;
    };
    let run = |args: &[&str]| {
        babelfeed_obeying_permissions(dir.path())
            .unwrap()
            .args(args)
            .output()
            .unwrap()
    };
    for args in [&["build", "-q"][..], &["build", "-q", "--keep-going"]] {
        chmod(&dir.path().join("articles/2026"), 0o000);
        let output = run(args);
        chmod(&dir.path().join("articles/2026"), 0o755);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            describe(&output)
        );
        let err = stderr(&output);
        assert!(err.contains("2026: error: cannot read folder"), "{err}");
        assert!(!err.contains("no articles"), "{err}");
        assert_same_files(
            &visible_snapshot(&feeds),
            &before,
            "after an unreadable subfolder",
        );
    }
    chmod(&dir.path().join("articles"), 0o000);
    let output = run(&["build", "-q", "--keep-going"]);
    chmod(&dir.path().join("articles"), 0o755);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        stderr(&output).contains("articles: cannot read the articles folder"),
        "{}",
        describe(&output)
    );
    assert_same_files(
        &visible_snapshot(&feeds),
        &before,
        "after an unreadable articles folder",
    );
}

/// A run that changes one language's articles does not touch the other
/// language's files (same inode, same modification time): web servers keep
/// answering 304 for them.
#[test]
fn unchanged_feeds_keep_their_file_and_mtime() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/a.de.md", DE_MD);
    write(dir.path(), "articles/b.fr.md", FR_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feeds = dir.path().join("feeds");
    let stamp = |rel: &str| {
        let meta = fs::metadata(feeds.join(rel)).unwrap();
        (meta.ino(), meta.modified().unwrap())
    };
    let before: Vec<_> = ["fr/atom.xml", "fr/rss.xml"].map(stamp).to_vec();
    std::thread::sleep(Duration::from_millis(50));
    write(
        dir.path(),
        "articles/a.de.md",
        &DE_MD.replace("einen neuen", "heute einen neuen"),
    );
    let old_de = fs::read(feeds.join("de/atom.xml")).unwrap();
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    assert_ne!(fs::read(feeds.join("de/atom.xml")).unwrap(), old_de);
    let after: Vec<_> = ["fr/atom.xml", "fr/rss.xml"].map(stamp).to_vec();
    assert_eq!(
        before, after,
        "fr's feeds did not change and must not be rewritten"
    );
}

/// A copy of a published article (same `translation_key`, so the same id)
/// cannot be told from the original by its name (`budget copy.en.md`
/// sorts first): both are errors, and `--keep-going` publishes neither,
/// rather than the half-written copy under the id readers hold.
#[test]
fn keep_going_publishes_neither_of_two_articles_sharing_an_id() {
    let dir = tempfile::tempdir().unwrap();
    let budget = "---\ntitle: Harbour budget\ndate: 2025-03-08\ntranslationKey: budget-2025\n---\n\nThe council approved the harbour budget on Saturday.\n";
    write(dir.path(), "articles/budget.en.md", budget);
    write(dir.path(), "articles/launch.de.md", DE_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    write(
        dir.path(),
        "articles/budget copy.en.md",
        &budget.replace("The council approved", "TODO: follow-up on"),
    );
    let output = babelfeed(dir.path(), &["build", "--keep-going"]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let err = stderr(&output);
    // At the line of the key the id is made from.
    for file in ["budget.en.md:4: error:", "budget copy.en.md:4: error:"] {
        assert!(err.contains(file), "`{file}` not reported:\n{err}");
    }
    let en = fs::read_to_string(dir.path().join("feeds/en/atom.xml")).unwrap_or_default();
    assert!(!en.contains("TODO"), "the copy was published:\n{en}");
}

// ---------------------------------------------------------------------------
// Permissions of published files.

/// Runs `babelfeed -q build` in `cwd` under `umask`, as the user that runs
/// the test, or through `setpriv` with `as_user` (uid and gid, no other
/// groups).
fn build_under_umask(cwd: &Path, umask: &str, as_user: Option<u32>) -> Output {
    let mut command = match as_user {
        Some(id) => {
            let mut c = Command::new("setpriv");
            c.args([
                format!("--reuid={id}"),
                format!("--regid={id}"),
                "--clear-groups".into(),
                "--".into(),
            ]);
            c.arg("sh");
            c
        }
        None => Command::new("sh"),
    };
    command
        .current_dir(cwd)
        .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
        .args([bin(), "-q", "build"])
        .output()
        .expect("run sh")
}

/// A group this process may give its files other than its own: for root
/// any, otherwise one of its supplementary groups, if it has one.
fn another_group() -> Option<u32> {
    let ids = |flag: &str| -> Vec<u32> {
        let output = Command::new("id").arg(flag).output().expect("run id");
        stdout(&output)
            .split_whitespace()
            .filter_map(|id| id.parse().ok())
            .collect()
    };
    let own = ids("-g");
    if is_root() {
        return Some(4242);
    }
    let other = ids("-G").into_iter().find(|id| !own.contains(id));
    if other.is_none() {
        eprintln!("note: this user is in one group only: the test keeps no group but its own");
    }
    other
}

/// Mode bits, group and inode.
fn access(path: &Path) -> (u32, u32, u64) {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (meta.mode() & 0o7777, meta.gid(), meta.ino())
}

/// A feed or the manifest that a run replaces keeps the permission bits
/// and group an administrator gave it for the web server (`chmod 640`,
/// `chgrp www-data`), or the server answers 403; a new file gets 0666 less
/// the umask, as any file, not a temporary file's 0600.
#[test]
fn replaced_files_keep_their_permissions_and_group() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "articles/launch.de.md", DE_MD);
    let feeds = dir.path().join("feeds");
    assert_success(&build_under_umask(dir.path(), "002", None));
    let replaced = ["de/atom.xml", "de/rss.xml", ".babelfeed-manifest"];
    for file in replaced {
        assert_eq!(access(&feeds.join(file)).0, 0o664, "new {file}, umask 002");
    }

    let group = another_group();
    let mut before = Vec::new();
    for file in replaced {
        let path = feeds.join(file);
        chmod(&path, 0o640);
        if let Some(group) = group {
            std::os::unix::fs::chown(&path, None, Some(group)).unwrap();
        }
        before.push(access(&path));
    }
    // A new language: de's feeds link it, and the manifest lists it.
    write(dir.path(), "articles/launch.fr.md", FR_MD);
    assert_success(&build_under_umask(dir.path(), "077", None));
    for (file, (mode, gid, inode)) in replaced.into_iter().zip(before) {
        let now = access(&feeds.join(file));
        assert_ne!(now.2, inode, "{file} was to be replaced");
        assert_eq!((now.0, now.1), (mode, gid), "{file}: mode and group kept");
    }
    for file in ["fr/atom.xml", "fr/rss.xml"] {
        assert_eq!(access(&feeds.join(file)).0, 0o600, "new {file}, umask 077");
    }
}

/// A replaced file's group that the user running babelfeed is not in (a
/// feed an administrator gave to www-data) cannot be handed on: the run
/// still publishes, the permission bits kept and the file in the user's
/// own group.
#[test]
fn a_group_the_user_is_not_in_does_not_stop_the_run() {
    if !is_root() || !available("setpriv", &["setpriv", "--version"]) {
        eprintln!("note: only root can give a file a group its user is not in: skipped");
        return;
    }
    let nobody = 65534;
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    write(dir.path(), "articles/launch.de.md", DE_MD);
    assert_success(&babelfeed(dir.path(), &["build", "-q"]));
    let feeds = dir.path().join("feeds");
    let owned = Command::new("chown")
        .args(["-R", &format!("{nobody}:{nobody}")])
        .arg(&feeds)
        .status()
        .unwrap();
    assert!(owned.success(), "chown -R {nobody} feeds");
    let atom = feeds.join("de/atom.xml");
    chmod(&atom, 0o664);
    std::os::unix::fs::chown(&atom, None, Some(4242)).unwrap();
    write(
        dir.path(),
        "articles/launch.de.md",
        &DE_MD.replace("einen neuen", "heute einen neuen"),
    );
    let output = build_under_umask(dir.path(), "022", Some(nobody));
    assert_success(&output);
    assert_eq!(access(&atom).0, 0o664);
    assert_eq!(access(&atom).1, nobody);
}
