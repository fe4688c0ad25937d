//! Deterministic generator of multilingual news corpora for benchmarks.
//!
//! Pure: no I/O and no dependency on babelfeed's library, so tests and
//! benches can include it with
//! `#[path = "../examples/gen_corpus/corpus.rs"] mod corpus;`.
//!
//! A *story* is planned once, language-independently (topic, people,
//! organisations, places, numbers, sentence templates), then rendered in
//! each of its languages from parallel sentence tables. Translations
//! therefore share what real translations share — proper names, numbers
//! (formatted per language), quoted terms, URLs — while the surrounding
//! prose is real, common vocabulary of each language, so that statistical
//! language detection recognises it.
//!
//! Every story has its own PRNG stream seeded from `(seed, story index)`, and
//! every rendering its own from `(seed, story, language)`: the same options
//! give the same bytes, and a larger corpus starts with the same stories as
//! a smaller one with the same `per_day`.
#![allow(dead_code)]

/// Languages with vocabulary, in the column order of the sentence tables.
pub const LANGS: [&str; 5] = ["de", "fr", "en", "es", "it"];

/// Output flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain-text export: date line, lead, paragraphs; no metadata; file
    /// names reveal neither language nor pairing.
    Txt,
    /// Hugo-style Markdown: `NAME.<lang>.md`, TOML or YAML front matter with
    /// `translationKey`.
    Md,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Number of stories; each exists in every language (unless untranslated).
    pub stories: usize,
    /// Language codes, a subset of [`LANGS`].
    pub langs: Vec<String>,
    pub format: Format,
    pub seed: u64,
    /// Stories per calendar day.
    pub per_day: usize,
    /// First day, `(year, month, day)`.
    pub start: (i32, u32, u32),
    /// Share (0..1) of stories published in one language only.
    pub untranslated_share: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            stories: 100,
            langs: vec!["de".into(), "fr".into()],
            format: Format::Txt,
            seed: 1,
            per_day: 20,
            start: (2024, 1, 1),
            untranslated_share: 0.0,
        }
    }
}

/// One generated file with its ground truth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative path, `/`-separated.
    pub path: String,
    pub content: String,
    pub lang: &'static str,
    /// Index of the story: files with the same story translate each other.
    pub story: usize,
    /// Publication day `YYYY-MM-DD` as written.
    pub date: String,
}

/// Every file of the corpus, sorted by path.
pub fn generate(opts: &Options) -> Vec<(String, String)> {
    generate_files(opts)
        .into_iter()
        .map(|f| (f.path, f.content))
        .collect()
}

/// Every file of the corpus with its ground truth, sorted by path.
pub fn generate_files(opts: &Options) -> Vec<File> {
    let langs = lang_indices(&opts.langs);
    let mut files = Vec::new();
    for story in 0..opts.stories {
        files.extend(story_files(opts, &langs, story));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The files of one story (one per language it is published in).
pub fn story_files(opts: &Options, langs: &[usize], story: usize) -> Vec<File> {
    let plan = plan_story(opts, langs, story);
    plan.langs
        .iter()
        .map(|&lang| render_file(opts, &plan, lang))
        .collect()
}

/// Column indices of the requested languages, in [`LANGS`] order, deduplicated.
/// Panics on a language without vocabulary.
pub fn lang_indices(langs: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = langs
        .iter()
        .map(|l| {
            LANGS
                .iter()
                .position(|k| k == l)
                .unwrap_or_else(|| panic!("no vocabulary for language `{l}`; use {LANGS:?}"))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

/// splitmix64: tiny, fast, good enough for test data, stable forever.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A stream for a tuple of keys.
    pub fn keyed(keys: &[u64]) -> Rng {
        let mut state = 0x5851_F42D_4C95_7F2D_u64;
        for &k in keys {
            let mut r = Rng(state ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            state = r.next_u64();
        }
        Rng(state)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    /// Log-uniform integer in `lo..=hi`.
    pub fn log_uniform(&mut self, lo: u64, hi: u64) -> u64 {
        let (a, b) = ((lo as f64).ln(), (hi as f64).ln());
        ((a + (b - a) * self.unit()).exp() as u64).clamp(lo, hi)
    }

    pub fn hex(&mut self, digits: usize) -> String {
        let mut s = String::with_capacity(digits);
        while s.len() < digits {
            s.push_str(&format!("{:016x}", self.next_u64()));
        }
        s.truncate(digits);
        s
    }
}

// ---------------------------------------------------------------------------
// Calendar (proleptic Gregorian, no dependency)
// ---------------------------------------------------------------------------

/// Days since 1970-01-01 of a civil date.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// 0 = Monday.
fn weekday(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

// ---------------------------------------------------------------------------
// Story plan
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Title(usize),
    Body(usize),
    Generic,
    Speech,
    Term,
    Url,
    Institution,
}

/// Slot values of one sentence: indices into the story's entities and fresh
/// numbers.
#[derive(Debug, Clone)]
struct Bind {
    p: usize,
    p2: usize,
    o: usize,
    o2: usize,
    c: usize,
    c2: usize,
    n: u64,
    n2: u64,
    k: u64,
    k2: u64,
    /// Decimal amount: integer part and one fractional digit.
    m: (u64, u64),
    /// Percentage: integer part and one fractional digit (0 = none).
    r: (u64, u64),
    y: i32,
}

#[derive(Debug, Clone)]
struct Sentence {
    table: Table,
    index: usize,
    bind: Bind,
}

#[derive(Debug, Clone)]
enum Block {
    /// Sentences of one paragraph; `wrap` puts a line break after that many
    /// sentences (plain text only).
    Para {
        sentences: Vec<Sentence>,
        wrap: Option<usize>,
    },
    /// Markdown only: a heading from [`HEADINGS`].
    Heading(usize),
    /// Markdown only: a list of (place, number) key figures.
    List(Vec<(usize, u64)>),
}

#[derive(Debug, Clone)]
struct Person {
    first: &'static str,
    last: &'static str,
}

#[derive(Debug, Clone)]
struct Story {
    index: usize,
    topic: usize,
    /// Days since the epoch of the publication day.
    day: i64,
    people: Vec<Person>,
    orgs: Vec<String>,
    places: Vec<usize>,
    institution: usize,
    term: Option<String>,
    url: Option<String>,
    author: Person,
    /// Lead: title sentence first.
    lead: Vec<Sentence>,
    blocks: Vec<Block>,
    langs: Vec<usize>,
    /// File-name stem (hex) shared by the Markdown translations.
    stem: String,
    /// Minutes after midnight (local, +01:00) of publication.
    minute: u32,
    toml: bool,
}

fn plan_story(opts: &Options, langs: &[usize], index: usize) -> Story {
    let mut rng = Rng::keyed(&[opts.seed, index as u64]);
    let per_day = opts.per_day.max(1);
    let (y, m, d) = opts.start;
    let day = days_from_civil(y, m, d) + (index / per_day) as i64;
    let year = civil_from_days(day).0;
    let topic = rng.below(TOPICS);

    let mut people: Vec<Person> = Vec::new();
    while people.len() < 4 {
        let p = Person {
            first: rng.pick(FIRST_NAMES),
            last: rng.pick(LAST_NAMES),
        };
        if people.iter().all(|q| q.last != p.last) {
            people.push(p);
        }
    }
    let orgs = vec![org_name(&mut rng), org_name(&mut rng)];
    let mut places = vec![rng.below(n_places())];
    while places.len() < 2 {
        let c = rng.below(n_places());
        if c != places[0] {
            places.push(c);
        }
    }
    let institution = rng.below(INSTITUTIONS.len());
    let term = rng.chance(0.35).then(|| term_name(&mut rng, year));
    let url = rng.chance(0.3).then(|| url_for(&mut rng, &orgs[0], year));
    let has_institution = rng.chance(0.3);
    let author = Person {
        first: rng.pick(FIRST_NAMES),
        last: rng.pick(LAST_NAMES),
    };

    // Target size of the English rendering: log-normal, median ~1.9 KB,
    // clipped to 0.5..7 KB (other languages run up to ~15 % longer).
    let target = ((1900f64).ln() + 0.6 * rng.normal())
        .exp()
        .clamp(600.0, 7000.0) as usize;

    let bind = |rng: &mut Rng| new_bind(rng, year);
    let title = Sentence {
        table: Table::Title(topic),
        index: rng.below(TITLES[topic].len()),
        bind: bind(&mut rng),
    };
    let mut body_deck = Deck::new(BODY[topic].len(), &mut rng);
    let mut generic_deck = Deck::new(GENERIC.len(), &mut rng);
    let mut speech_deck = Deck::new(SPEECH.len(), &mut rng);

    let mut lead = vec![title];
    for _ in 0..1 + rng.below(2) {
        lead.push(Sentence {
            table: Table::Body(topic),
            index: body_deck.draw(&mut rng),
            bind: bind(&mut rng),
        });
    }
    let mut length: usize = lead.iter().map(english_len).sum();

    // Special sentences go to fixed places: the term early, the
    // institution in the middle, the URL last.
    let mut specials: Vec<(usize, Sentence)> = Vec::new();
    if term.is_some() {
        specials.push((
            0,
            Sentence {
                table: Table::Term,
                index: rng.below(TERM.len()),
                bind: bind(&mut rng),
            },
        ));
    }
    if has_institution {
        specials.push((
            2,
            Sentence {
                table: Table::Institution,
                index: rng.below(INSTITUTION_LINES.len()),
                bind: bind(&mut rng),
            },
        ));
    }
    length += specials.iter().map(|(_, s)| english_len(s)).sum::<usize>();
    let url_sentence = url.as_ref().map(|_| Sentence {
        table: Table::Url,
        index: rng.below(URL_LINES.len()),
        bind: bind(&mut rng),
    });
    length += url_sentence.as_ref().map_or(0, english_len);

    let mut blocks = Vec::new();
    let heading_at = rng.chance(0.3).then(|| 1 + rng.below(3));
    let list_at = rng.chance(0.25).then(|| 1 + rng.below(3));
    while length < target {
        let n_blocks = blocks
            .iter()
            .filter(|b| matches!(b, Block::Para { .. }))
            .count();
        if heading_at == Some(n_blocks) && !blocks.iter().any(|b| matches!(b, Block::Heading(_))) {
            blocks.push(Block::Heading(rng.below(HEADINGS.len())));
        }
        let mut sentences = Vec::new();
        if let Some(pos) = specials.iter().position(|(at, _)| *at <= n_blocks) {
            sentences.push(specials.remove(pos).1);
        }
        let want = 2 + rng.below(4);
        while sentences.len() < want {
            let roll = rng.unit();
            let (table, index) = if roll < 0.4 {
                (Table::Body(topic), body_deck.draw(&mut rng))
            } else if roll < 0.82 {
                (Table::Generic, generic_deck.draw(&mut rng))
            } else {
                (Table::Speech, speech_deck.draw(&mut rng))
            };
            sentences.push(Sentence {
                table,
                index,
                bind: bind(&mut rng),
            });
        }
        length += sentences.iter().map(english_len).sum::<usize>() + 2;
        let wrap = (sentences.len() > 2 && rng.chance(0.1)).then(|| 1 + rng.below(2));
        blocks.push(Block::Para { sentences, wrap });
        if list_at == Some(n_blocks) {
            let items = (0..3 + rng.below(3))
                .map(|_| (rng.below(n_places()), rng.log_uniform(20, 90_000)))
                .collect();
            blocks.push(Block::List(items));
        }
    }
    // Specials not placed yet (short articles) join the last paragraph.
    let mut leftovers: Vec<Sentence> = specials.into_iter().map(|(_, s)| s).collect();
    leftovers.extend(url_sentence);
    if !leftovers.is_empty() {
        match blocks.iter_mut().rev().find_map(|b| match b {
            Block::Para { sentences, .. } => Some(sentences),
            _ => None,
        }) {
            Some(sentences) => sentences.extend(leftovers),
            None => blocks.push(Block::Para {
                sentences: leftovers,
                wrap: None,
            }),
        }
    }

    let story_langs = if langs.len() > 1 && rng.chance(opts.untranslated_share) {
        vec![langs[rng.below(langs.len())]]
    } else {
        langs.to_vec()
    };
    Story {
        index,
        topic,
        day,
        people,
        orgs,
        places,
        institution,
        term,
        url,
        author,
        lead,
        blocks,
        langs: story_langs,
        stem: rng.hex(12),
        minute: 6 * 60 + rng.below(15 * 60) as u32,
        toml: rng.chance(0.5),
    }
}

fn new_bind(rng: &mut Rng, year: i32) -> Bind {
    // The main person and organisation come up most often.
    let main = |rng: &mut Rng, n: usize| if rng.chance(0.6) { 0 } else { rng.below(n) };
    let p = main(rng, 4);
    let mut p2 = 1 + rng.below(3);
    if p2 == p {
        p2 = 0;
    }
    let o = main(rng, 2);
    let c = main(rng, 2);
    let (k, k2) = {
        let a = rng.range(10, 99);
        let b = rng.range(10, 99);
        (a.min(b), a.max(b).max(a.min(b) + 1))
    };
    Bind {
        p,
        p2,
        o,
        o2: 1 - o,
        c,
        c2: 1 - c,
        n: rng.log_uniform(120, 250_000),
        n2: rng.log_uniform(120, 250_000),
        k,
        k2,
        m: (rng.log_uniform(2, 4800), rng.range(1, 9)),
        r: (rng.range(1, 40), rng.range(0, 9)),
        y: year + rng.range(0, 11) as i32 - 5,
    }
}

/// Draws without repetition until the deck is empty, then reshuffles.
struct Deck {
    cards: Vec<usize>,
    size: usize,
}

impl Deck {
    fn new(size: usize, rng: &mut Rng) -> Deck {
        let mut d = Deck {
            cards: Vec::new(),
            size,
        };
        d.refill(rng);
        d
    }

    fn refill(&mut self, rng: &mut Rng) {
        self.cards = (0..self.size).collect();
        for i in (1..self.cards.len()).rev() {
            let j = rng.below(i + 1);
            self.cards.swap(i, j);
        }
    }

    fn draw(&mut self, rng: &mut Rng) -> usize {
        if self.cards.is_empty() {
            self.refill(rng);
        }
        self.cards.pop().unwrap()
    }
}

fn org_name(rng: &mut Rng) -> String {
    let mut name = String::new();
    name.push_str(rng.pick(ORG_HEADS));
    name.push_str(rng.pick(ORG_MIDDLES));
    name.push_str(rng.pick(ORG_TAILS));
    if rng.chance(0.45) {
        name.push(' ');
        name.push_str(rng.pick(ORG_FORMS));
    }
    name
}

fn term_name(rng: &mut Rng, year: i32) -> String {
    let head = rng.pick(TERM_HEADS);
    match rng.below(3) {
        0 => head.to_string(),
        1 => format!("{head} {}", rng.pick(TERM_TAILS)),
        _ => format!("{head} {}", year + rng.range(1, 10) as i32),
    }
}

fn url_for(rng: &mut Rng, org: &str, year: i32) -> String {
    let host: String = org
        .split(' ')
        .next()
        .unwrap_or(org)
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!(
        "https://www.{host}.{}/{}/{year}/{}-{}",
        rng.pick(&["de", "fr", "com", "org", "eu", "es", "it", "net", "ch", "at", "be"]),
        rng.pick(&["press", "news", "media", "reports", "projects"]),
        rng.pick(&["release", "report", "study", "update", "notice", "brief"]),
        rng.range(1000, 9999)
    )
}

/// Approximate English length, for sizing articles identically in every
/// language selection.
fn english_len(s: &Sentence) -> usize {
    template(s, 2).len() + 24
}

fn template(s: &Sentence, lang: usize) -> &'static str {
    let row = match s.table {
        Table::Title(t) => &TITLES[t][s.index],
        Table::Body(t) => &BODY[t][s.index],
        Table::Generic => &GENERIC[s.index],
        Table::Speech => &SPEECH[s.index],
        Table::Term => &TERM[s.index],
        Table::Url => &URL_LINES[s.index],
        Table::Institution => &INSTITUTION_LINES[s.index],
    };
    row[lang]
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/// Per-file style choices, drawn from the file's own stream.
#[derive(Clone, Copy)]
struct Style {
    lang: usize,
    format: Format,
    /// Thousands separator in French.
    fr_sep: &'static str,
    /// Markdown: emphasise organisation names on first mention.
    bold_orgs: bool,
}

fn render_file(opts: &Options, story: &Story, lang: usize) -> File {
    let mut rng = Rng::keyed(&[opts.seed, story.index as u64, 1000 + lang as u64]);
    let style = Style {
        lang,
        format: opts.format,
        fr_sep: rng.pick(&[" ", "\u{a0}", "\u{202f}"]),
        bold_orgs: rng.chance(0.3),
    };
    // Translators sometimes leave a sentence out.
    let drop = (rng.chance(0.25)).then(|| rng.below(64));
    let code = LANGS[lang];
    match opts.format {
        Format::Txt => {
            // Mostly the same day; rarely the translation comes a day later.
            let first = story.langs[0] == lang;
            let day = if !first && rng.chance(0.04) {
                story.day + 1
            } else {
                story.day
            };
            let (y, m, d) = civil_from_days(day);
            let mut text = String::new();
            text.push_str(&date_line(&mut rng, lang, day, story.minute));
            text.push_str("\n\n");
            let mut paragraphs = vec![render_sentences(story, &story.lead, &style, None)];
            let mut counter = 0;
            for block in &story.blocks {
                if let Block::Para { sentences, wrap } = block {
                    let kept: Vec<Sentence> = sentences
                        .iter()
                        .filter(|_| {
                            counter += 1;
                            drop != Some(counter - 1)
                        })
                        .cloned()
                        .collect();
                    if !kept.is_empty() {
                        paragraphs.push(render_sentences(story, &kept, &style, *wrap));
                    }
                }
            }
            text.push_str(&paragraphs.join("\n\n"));
            // Export quirks seen in the wild.
            if !rng.chance(0.1) {
                text.push('\n');
            }
            if rng.chance(0.02) {
                text = text.replace('\n', "\r\n");
            }
            if rng.chance(0.01) {
                text.insert(0, '\u{feff}');
            }
            let name = Rng::keyed(&[opts.seed, story.index as u64, 2000 + lang as u64]).hex(12);
            File {
                path: format!("{y:04}/{m:02}/{d:02}/{name}.txt"),
                content: text,
                lang: code,
                story: story.index,
                date: format!("{y:04}-{m:02}-{d:02}"),
            }
        }
        Format::Md => {
            let (y, m, d) = civil_from_days(story.day);
            let minute = story.minute + rng.below(90) as u32;
            // Front matter is plain text: no Markdown emphasis in the title.
            let plain = Style {
                format: Format::Txt,
                ..style
            };
            let title_sentence = render_sentences(story, &story.lead[..1], &plain, None);
            let title = title_sentence.trim_end_matches('.').to_string();
            let lead = render_sentences(story, &story.lead[1..], &style, None);
            let mut body = vec![lead.clone()];
            let mut counter = 0;
            for block in &story.blocks {
                match block {
                    Block::Para { sentences, .. } => {
                        let kept: Vec<Sentence> = sentences
                            .iter()
                            .filter(|_| {
                                counter += 1;
                                drop != Some(counter - 1)
                            })
                            .cloned()
                            .collect();
                        if !kept.is_empty() {
                            body.push(render_sentences(story, &kept, &style, None));
                        }
                    }
                    Block::Heading(h) => body.push(format!("## {}", HEADINGS[*h][lang])),
                    Block::List(items) => {
                        let mut list = format!("{}\n", LIST_INTRO[lang]);
                        for (at, n) in items {
                            list.push_str(&format!(
                                "\n- **{}**: {}",
                                place(*at, lang),
                                fmt_int(*n, &style)
                            ));
                        }
                        body.push(list);
                    }
                }
            }
            let date = format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00+01:00",
                minute / 60,
                minute % 60
            );
            let key = format!("story-{}", story.stem);
            let tags = [TOPIC_TAGS[story.topic][lang], place(story.places[0], lang)];
            let author = format!("{} {}", story.author.first, story.author.last);
            let summary = rng.chance(0.3).then(|| plain_markdown(&lead));
            let mut text = String::new();
            if story.toml {
                text.push_str("+++\n");
                text.push_str(&format!("title = {}\n", quoted(&title)));
                if rng.chance(0.5) {
                    text.push_str(&format!("date = {date}\n"));
                } else {
                    text.push_str(&format!("date = {}\n", quoted(&date)));
                }
                text.push_str(&format!("translationKey = {}\n", quoted(&key)));
                if let Some(summary) = &summary {
                    text.push_str(&format!("summary = {}\n", quoted(summary)));
                }
                text.push_str(&format!(
                    "tags = [{}, {}]\n",
                    quoted(tags[0]),
                    quoted(tags[1])
                ));
                text.push_str(&format!("author = {}\n", quoted(&author)));
                text.push_str("+++\n\n");
            } else {
                text.push_str("---\n");
                text.push_str(&format!("title: {}\n", quoted(&title)));
                text.push_str(&format!("date: {date}\n"));
                text.push_str(&format!("translationKey: {key}\n"));
                if let Some(summary) = &summary {
                    text.push_str(&format!("summary: {}\n", quoted(summary)));
                }
                text.push_str(&format!(
                    "tags:\n  - {}\n  - {}\n",
                    quoted(tags[0]),
                    quoted(tags[1])
                ));
                text.push_str(&format!("author: {}\n", quoted(&author)));
                text.push_str("---\n\n");
            }
            text.push_str(&body.join("\n\n"));
            text.push('\n');
            File {
                path: format!("{y:04}/{m:02}/{d:02}/{}.{code}.md", story.stem),
                content: text,
                lang: code,
                story: story.index,
                date: format!("{y:04}-{m:02}-{d:02}"),
            }
        }
    }
}

/// A TOML basic string, which is also a valid YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markdown of a rendered paragraph without the markup, for `summary`.
fn plain_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => {}
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                // Skip the link target.
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn render_sentences(
    story: &Story,
    sentences: &[Sentence],
    style: &Style,
    wrap: Option<usize>,
) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            out.push(if wrap == Some(i) { '\n' } else { ' ' });
        }
        render_template(story, s, style, &mut out);
    }
    if style.lang == 1 {
        // French typography: no-break space inside guillemets and before %.
        out = out
            .replace("« ", "«\u{a0}")
            .replace(" »", "\u{a0}»")
            .replace(" %", "\u{a0}%");
    }
    out
}

fn render_template(story: &Story, s: &Sentence, style: &Style, out: &mut String) {
    let text = template(s, style.lang);
    let b = &s.bind;
    let lang = style.lang;
    let md = style.format == Format::Md;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed slot");
        let slot = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let value = match slot {
            "P" => full_name(&story.people[b.p]),
            "P2" => full_name(&story.people[b.p2]),
            "p" => story.people[b.p].last.to_string(),
            "p2" => story.people[b.p2].last.to_string(),
            "O" | "O2" => {
                let name = &story.orgs[if slot == "O" { b.o } else { b.o2 }];
                if md && style.bold_orgs {
                    format!("**{name}**")
                } else {
                    name.clone()
                }
            }
            "C" => place(story.places[b.c], lang).to_string(),
            "C2" => place(story.places[b.c2], lang).to_string(),
            "I" => INSTITUTIONS[story.institution][lang].to_string(),
            "I^" => capitalise(INSTITUTIONS[story.institution][lang]),
            "N" => fmt_int(b.n, style),
            "N2" => fmt_int(b.n2, style),
            "K" => b.k.to_string(),
            "K2" => b.k2.to_string(),
            "M" => fmt_dec(b.m.0, b.m.1, style),
            "R" => {
                if b.r.1 == 0 {
                    b.r.0.to_string()
                } else {
                    fmt_dec(b.r.0, b.r.1, style)
                }
            }
            "Y" => b.y.to_string(),
            "Q" => {
                let term = story.term.as_deref().unwrap_or("Horizon");
                let (open, close) = QUOTE_MARKS[lang];
                if md {
                    format!("{open}*{term}*{close}")
                } else {
                    format!("{open}{term}{close}")
                }
            }
            "U" => {
                let url = story.url.as_deref().unwrap_or("https://www.example.org/");
                if md {
                    format!("[{}]({url})", url.trim_start_matches("https://"))
                } else {
                    url.to_string()
                }
            }
            other => panic!("unknown slot {{{other}}} in {text:?}"),
        };
        if lang == 1 {
            elide_fr(out, &value);
        }
        out.push_str(&value);
    }
    out.push_str(rest);
}

/// `de Amsterdam` → `d'Amsterdam`, `que Ortiz` → `qu'Ortiz`.
fn elide_fr(out: &mut String, value: &str) {
    let first = value.trim_start_matches('*').chars().next().unwrap_or('x');
    let vowel = "AEIOUYÉÈÊÀÂÎÔÛaeiouyéèêàâîôû".contains(first);
    if !vowel {
        return;
    }
    for (word, elided) in [("de ", "d’"), ("De ", "D’"), ("que ", "qu’")] {
        if out.ends_with(word) {
            let at = out.len() - word.len();
            let before = out[..at].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric()) {
                out.truncate(at);
                out.push_str(elided);
                return;
            }
        }
    }
}

fn full_name(p: &Person) -> String {
    format!("{} {}", p.first, p.last)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Integers with the thousands separator of the language: `12.345` (de, it,
/// es from five digits), `12 345` (fr, with one of three spaces), `12,345` (en).
fn fmt_int(n: u64, style: &Style) -> String {
    let digits = n.to_string();
    let sep = match LANGS[style.lang] {
        "de" | "it" => ".",
        "es" if digits.len() > 4 => ".",
        "es" => "",
        "fr" => style.fr_sep,
        _ => ",",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// `1.234,5` (de, es, it), `1 234,5` (fr), `1,234.5` (en).
fn fmt_dec(int: u64, frac: u64, style: &Style) -> String {
    let point = if LANGS[style.lang] == "en" { "." } else { "," };
    format!("{}{point}{frac}", fmt_int(int, style))
}

const MONTHS: [[&str; 12]; 5] = [
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
];

/// Abbreviated months as German newsrooms write them (Duden).
const DE_MONTH_ABBR: [&str; 12] = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];

/// Abbreviated months in AP style.
const EN_MONTH_ABBR: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const WEEKDAYS: [[&str; 7]; 5] = [
    [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ],
];

/// The first line of a plain-text export, in one of the forms newsrooms of
/// that language use (see FORMAT.md §1a).
fn date_line(rng: &mut Rng, lang: usize, day: i64, minute: u32) -> String {
    let (y, m, d) = civil_from_days(day);
    let month = MONTHS[lang][m as usize - 1];
    let wd = WEEKDAYS[lang][weekday(day)];
    let roll = rng.below(100);
    // Shared forms first: ISO (8 %), RFC 3339 (4 %).
    if roll < 8 {
        return format!("{y:04}-{m:02}-{d:02}");
    }
    if roll < 12 {
        let zone = if lang == 2 { "Z" } else { "+01:00" };
        return format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00{zone}",
            minute / 60,
            minute % 60
        );
    }
    let roll = roll - 12; // 0..88
    match LANGS[lang] {
        "de" => match roll {
            0..=29 => format!("{d:02}.{m:02}.{y}"),
            30..=39 => format!("{d}.{m}.{y}"),
            40..=64 => format!("{d}. {month} {y}"),
            65..=79 => format!("{wd}, {d}. {month} {y}"),
            80..=83 => format!("{d}. {} {y}", DE_MONTH_ABBR[m as usize - 1]),
            _ => format!("{d:02}/{m:02}/{y}"),
        },
        "fr" => {
            let day = if d == 1 {
                "1er".to_string()
            } else {
                d.to_string()
            };
            match roll {
                0..=29 => format!("{d:02}/{m:02}/{y}"),
                30..=59 => format!("{day} {month} {y}"),
                60..=79 => format!("{wd} {day} {month} {y}"),
                _ => format!("{d:02}.{m:02}.{y}"),
            }
        }
        "en" => match roll {
            0..=34 => format!("{month} {d}, {y}"),
            35..=59 => format!("{d} {month} {y}"),
            60..=79 => format!("{wd}, {month} {d}, {y}"),
            _ => format!("{} {d}, {y}", EN_MONTH_ABBR[m as usize - 1]),
        },
        "es" => match roll {
            0..=29 => format!("{d:02}/{m:02}/{y}"),
            30..=64 => format!("{d} de {month} de {y}"),
            _ => format!("{wd}, {d} de {month} de {y}"),
        },
        _ => match roll {
            0..=29 => format!("{d:02}/{m:02}/{y}"),
            30..=64 => format!("{d} {month} {y}"),
            _ => format!("{wd} {d} {month} {y}"),
        },
    }
}

// ---------------------------------------------------------------------------
// Vocabulary: entity pools
// ---------------------------------------------------------------------------

const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Lukas",
    "Marie",
    "Jonas",
    "Sophie",
    "Paul",
    "Lea",
    "Felix",
    "Clara",
    "Maximilian",
    "Hannah",
    "Leon",
    "Johanna",
    "Tobias",
    "Katharina",
    "Matthias",
    "Sabine",
    "Jürgen",
    "Ute",
    "Stefan",
    "Camille",
    "Hugo",
    "Léa",
    "Louis",
    "Chloé",
    "Julien",
    "Manon",
    "Antoine",
    "Élodie",
    "Mathieu",
    "Inès",
    "Baptiste",
    "Céline",
    "Nicolas",
    "Amélie",
    "Olivier",
    "Émilie",
    "Thibault",
    "Emma",
    "James",
    "Olivia",
    "George",
    "Charlotte",
    "Oliver",
    "Amelia",
    "Harry",
    "Emily",
    "Jack",
    "Grace",
    "William",
    "Sarah",
    "Daniel",
    "Rachel",
    "Michael",
    "Lucía",
    "Mateo",
    "Sofía",
    "Alejandro",
    "Carmen",
    "Javier",
    "Elena",
    "Diego",
    "Marta",
    "Pablo",
    "Laura",
    "Álvaro",
    "Isabel",
    "Sergio",
    "Nuria",
    "Andrés",
    "Pilar",
    "Raúl",
    "Giulia",
    "Marco",
    "Francesca",
    "Luca",
    "Chiara",
    "Alessandro",
    "Valentina",
    "Matteo",
    "Federica",
    "Lorenzo",
    "Silvia",
    "Davide",
    "Martina",
    "Giovanni",
    "Alessia",
    "Riccardo",
    "Elisa",
    "Stefano",
    "Tomás",
    "Ana",
    "Pedro",
    "Beatriz",
    "Nils",
    "Ingrid",
    "Lars",
    "Astrid",
    "Piotr",
    "Agnieszka",
    "Jan",
    "Eva",
    "Mehmet",
    "Ayşe",
    "Yusuf",
    "Fatma",
    "Omar",
    "Leila",
    "Samir",
    "Nadia",
    "Kofi",
    "Amara",
    "Hiroshi",
    "Yuki",
    "Wei",
    "Mei",
    "Arjun",
    "Priya",
    "Ivan",
    "Olga",
    "Dmitri",
    "Katarzyna",
];

const LAST_NAMES: &[&str] = &[
    "Keller",
    "Schmidt",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schulz",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Maier",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Vogel",
    "Friedrich",
    "Günther",
    "Sommer",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Laurent",
    "Girard",
    "Fontaine",
    "Bernard",
    "Durand",
    "Lefebvre",
    "Mercier",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Faure",
    "Chevalier",
    "Garnier",
    "Lambert",
    "Bonnet",
    "Perrin",
    "Morel",
    "Roussel",
    "Gauthier",
    "Marchand",
    "Brunet",
    "Lemaire",
    "Barbier",
    "Renaud",
    "Picard",
    "Carpentier",
    "Leclerc",
    "Smith",
    "Walker",
    "Bennett",
    "Hughes",
    "Turner",
    "Collins",
    "Edwards",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Cooper",
    "Reed",
    "Bailey",
    "Bell",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Gray",
    "James",
    "Fletcher",
    "Harrison",
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Romero",
    "Navarro",
    "Torres",
    "Domínguez",
    "Vázquez",
    "Ramos",
    "Gil",
    "Serrano",
    "Molina",
    "Morales",
    "Ortega",
    "Delgado",
    "Castro",
    "Ortiz",
    "Rubio",
    "Marín",
    "Sanz",
    "Iglesias",
    "Medina",
    "Garrido",
    "Cortés",
    "Castillo",
    "Santos",
    "Guerrero",
    "Lozano",
    "Rossi",
    "Bianchi",
    "Ricci",
    "Conti",
    "Esposito",
    "Gallo",
    "Romano",
    "Colombo",
    "Bruno",
    "Greco",
    "Marino",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Serra",
    "Coppola",
    "De Luca",
    "Costa",
    "Ferreira",
    "Almeida",
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Novák",
    "Horváth",
    "Nagy",
    "Jansen",
    "De Vries",
    "Van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Andersson",
    "Johansson",
    "Nilsson",
    "Larsen",
    "Hansen",
    "Nielsen",
    "Virtanen",
    "Korhonen",
    "Yılmaz",
    "Demir",
    "Kaya",
    "Haddad",
    "Mansour",
    "Okafor",
    "Mensah",
    "Diallo",
    "Traoré",
    "Tanaka",
    "Suzuki",
    "Chen",
    "Wang",
    "Kim",
    "Park",
    "Sharma",
    "Patel",
    "Ivanova",
    "Petrov",
    "Popescu",
    "Ionescu",
    "Papadopoulos",
    "O'Brien",
    "Byrne",
];

/// Places: same spelling everywhere, except the exonyms translations use.
const PLACES: &[[&str; 5]] = &[
    ["Berlin", "Berlin", "Berlin", "Berlín", "Berlino"],
    ["Hamburg", "Hambourg", "Hamburg", "Hamburgo", "Amburgo"],
    ["München", "Munich", "Munich", "Múnich", "Monaco di Baviera"],
    ["Köln", "Cologne", "Cologne", "Colonia", "Colonia"],
    ["Wien", "Vienne", "Vienna", "Viena", "Vienna"],
    ["Genf", "Genève", "Geneva", "Ginebra", "Ginevra"],
    ["Mailand", "Milan", "Milan", "Milán", "Milano"],
    ["Rom", "Rome", "Rome", "Roma", "Roma"],
    ["Venedig", "Venise", "Venice", "Venecia", "Venezia"],
    ["Brüssel", "Bruxelles", "Brussels", "Bruselas", "Bruxelles"],
    ["Lissabon", "Lisbonne", "Lisbon", "Lisboa", "Lisbona"],
    ["Warschau", "Varsovie", "Warsaw", "Varsovia", "Varsavia"],
    ["London", "Londres", "London", "Londres", "Londra"],
    ["Turin", "Turin", "Turin", "Turín", "Torino"],
    ["Neapel", "Naples", "Naples", "Nápoles", "Napoli"],
    ["Florenz", "Florence", "Florence", "Florencia", "Firenze"],
    ["Sevilla", "Séville", "Seville", "Sevilla", "Siviglia"],
    ["Zürich", "Zurich", "Zurich", "Zúrich", "Zurigo"],
    ["Basel", "Bâle", "Basel", "Basilea", "Basilea"],
    ["Prag", "Prague", "Prague", "Praga", "Praga"],
    [
        "Frankfurt",
        "Francfort",
        "Frankfurt",
        "Fráncfort",
        "Francoforte",
    ],
    [
        "Straßburg",
        "Strasbourg",
        "Strasbourg",
        "Estrasburgo",
        "Strasburgo",
    ],
    [
        "Marseille",
        "Marseille",
        "Marseille",
        "Marsella",
        "Marsiglia",
    ],
    [
        "Stuttgart",
        "Stuttgart",
        "Stuttgart",
        "Stuttgart",
        "Stoccarda",
    ],
];

/// Places whose name no translation changes; indices past [`PLACES`] refer
/// to these (see [`place`]).
const SAME_PLACES: &[&str] = &[
    "Dresden",
    "Leipzig",
    "Bremen",
    "Hannover",
    "Dortmund",
    "Essen",
    "Bonn",
    "Freiburg",
    "Heidelberg",
    "Mainz",
    "Kiel",
    "Rostock",
    "Potsdam",
    "Augsburg",
    "Regensburg",
    "Münster",
    "Kassel",
    "Erfurt",
    "Magdeburg",
    "Ulm",
    "Paris",
    "Lyon",
    "Toulouse",
    "Bordeaux",
    "Nantes",
    "Lille",
    "Rennes",
    "Grenoble",
    "Montpellier",
    "Nice",
    "Dijon",
    "Reims",
    "Toulon",
    "Angers",
    "Brest",
    "Tours",
    "Limoges",
    "Metz",
    "Nancy",
    "Rouen",
    "Caen",
    "Orléans",
    "Avignon",
    "Besançon",
    "Poitiers",
    "Madrid",
    "Barcelona",
    "Valencia",
    "Bilbao",
    "Málaga",
    "Granada",
    "Salamanca",
    "Valladolid",
    "Murcia",
    "Alicante",
    "Córdoba",
    "Oviedo",
    "Santander",
    "Pamplona",
    "Burgos",
    "Bologna",
    "Verona",
    "Parma",
    "Bergamo",
    "Trieste",
    "Palermo",
    "Bari",
    "Catania",
    "Pisa",
    "Siena",
    "Brescia",
    "Modena",
    "Perugia",
    "Ravenna",
    "Lecce",
    "Trento",
    "Bolzano",
    "Cagliari",
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Oslo",
    "Helsinki",
    "Budapest",
    "Graz",
    "Linz",
    "Innsbruck",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Ljubljana",
    "Zagreb",
    "Sarajevo",
    "Porto",
    "Braga",
    "Lausanne",
    "Lugano",
    "Luzern",
    "Toronto",
    "Chicago",
    "Boston",
    "Seattle",
    "Denver",
    "Dallas",
    "Sydney",
    "Melbourne",
    "Nairobi",
    "Lagos",
    "Dakar",
    "Accra",
    "Santiago",
    "Lima",
    "Quito",
    "Montevideo",
    "Osaka",
    "Mumbai",
    "Chennai",
    "Manchester",
    "Liverpool",
    "Glasgow",
    "Edinburgh",
    "Cardiff",
    "Leeds",
    "Bristol",
    "Oxford",
    "Cambridge",
];

/// Number of places in the pool.
fn n_places() -> usize {
    PLACES.len() + SAME_PLACES.len()
}

/// Name of place `i` in language `lang`.
fn place(i: usize, lang: usize) -> &'static str {
    match PLACES.get(i) {
        Some(row) => row[lang],
        None => SAME_PLACES[i - PLACES.len()],
    }
}

const INSTITUTIONS: &[[&str; 5]] = &[
    [
        "die Europäische Kommission",
        "la Commission européenne",
        "the European Commission",
        "la Comisión Europea",
        "la Commissione europea",
    ],
    [
        "die Europäische Zentralbank",
        "la Banque centrale européenne",
        "the European Central Bank",
        "el Banco Central Europeo",
        "la Banca centrale europea",
    ],
    [
        "die Weltgesundheitsorganisation",
        "l’Organisation mondiale de la santé",
        "the World Health Organization",
        "la Organización Mundial de la Salud",
        "l’Organizzazione mondiale della sanità",
    ],
    [
        "das Europäische Parlament",
        "le Parlement européen",
        "the European Parliament",
        "el Parlamento Europeo",
        "il Parlamento europeo",
    ],
    [
        "die Internationale Energieagentur",
        "l’Agence internationale de l’énergie",
        "the International Energy Agency",
        "la Agencia Internacional de la Energía",
        "l’Agenzia internazionale per l’energia",
    ],
    [
        "der Internationale Währungsfonds",
        "le Fonds monétaire international",
        "the International Monetary Fund",
        "el Fondo Monetario Internacional",
        "il Fondo monetario internazionale",
    ],
    [
        "die Europäische Weltraumorganisation",
        "l’Agence spatiale européenne",
        "the European Space Agency",
        "la Agencia Espacial Europea",
        "l’Agenzia spaziale europea",
    ],
    ["die OECD", "l’OCDE", "the OECD", "la OCDE", "l’OCSE"],
    [
        "die Welthandelsorganisation",
        "l’Organisation mondiale du commerce",
        "the World Trade Organization",
        "la Organización Mundial del Comercio",
        "l’Organizzazione mondiale del commercio",
    ],
    [
        "der Europäische Gerichtshof",
        "la Cour de justice de l’Union européenne",
        "the European Court of Justice",
        "el Tribunal de Justicia de la Unión Europea",
        "la Corte di giustizia dell’Unione europea",
    ],
];

const ORG_HEADS: &[&str] = &[
    "Nor", "Val", "Kes", "Bel", "Cor", "Dar", "Fen", "Gal", "Hel", "Jor", "Kal", "Lum", "Mar",
    "Nex", "Or", "Pal", "Quin", "Ros", "Sol", "Tor", "Ul", "Ven", "Wes", "Xan", "Yar", "Zel",
    "Ast", "Bri", "Cal", "Dor", "El", "Fal", "Gor", "Hal", "Il", "Kor", "Lin", "Mel", "Nav", "Ost",
    "Per", "Rav", "Sel", "Tal", "Var", "Vir", "Ard", "Bal", "Cen", "Fir",
];
const ORG_MIDDLES: &[&str] = &["a", "e", "i", "o", "an", "en", "ar", "or", "is", "ix"];
const ORG_TAILS: &[&str] = &[
    "tis", "nova", "tec", "via", "ron", "lux", "gen", "mar", "dex", "sys", "com", "ra", "lia",
    "bit", "dyn", "pro", "mont", "berg", "feld", "ville",
];
const ORG_FORMS: &[&str] = &[
    "AG",
    "GmbH",
    "SA",
    "Group",
    "Labs",
    "Energy",
    "Bank",
    "Partners",
    "Holding",
    "Systems",
    "Foundation",
    "Media",
    "Mobility",
    "Pharma",
    "Logistics",
];

const TERM_HEADS: &[&str] = &[
    "Aurora",
    "Horizon",
    "Atlas",
    "Polaris",
    "Meridian",
    "Helios",
    "Orion",
    "Vega",
    "Lumen",
    "Compass",
    "Phoenix",
    "Nautilus",
    "Zephyr",
    "Caravel",
    "Sirius",
    "Basalt",
    "Cobalt",
    "Tundra",
    "Solstice",
    "Equinox",
    "Beacon",
    "Mosaic",
    "Quartz",
    "Vertex",
    "Nimbus",
    "Delta",
    "Kepler",
    "Galileo",
    "Copernicus",
    "Hermes",
    "Iris",
    "Juno",
    "Pegasus",
    "Triton",
    "Calypso",
    "Odyssey",
    "Sentinel",
    "Harbor",
    "Keystone",
    "Lighthouse",
];
const TERM_TAILS: &[&str] = &[
    "Nord", "Süd", "Next", "Plus", "One", "Green", "Blue", "Link", "Net", "Hub", "Lab", "Grid",
    "Flow", "Pulse", "Bridge",
];

/// Opening and closing quotation marks in each language.
const QUOTE_MARKS: [(&str, &str); 5] =
    [("„", "“"), ("« ", " »"), ("“", "”"), ("«", "»"), ("«", "»")];

const TOPICS: usize = 4;

const TOPIC_TAGS: [[&str; 5]; TOPICS] = [
    ["Wirtschaft", "Économie", "Economy", "Economía", "Economia"],
    ["Wissenschaft", "Sciences", "Science", "Ciencia", "Scienza"],
    ["Politik", "Politique", "Politics", "Política", "Politica"],
    ["Kultur", "Culture", "Culture", "Cultura", "Cultura"],
];

const HEADINGS: &[[&str; 5]] = &[
    [
        "Hintergrund",
        "Contexte",
        "Background",
        "Contexto",
        "Il contesto",
    ],
    [
        "Reaktionen",
        "Réactions",
        "Reactions",
        "Reacciones",
        "Le reazioni",
    ],
    [
        "Wie es weitergeht",
        "Et maintenant",
        "What comes next",
        "Próximos pasos",
        "I prossimi passi",
    ],
    [
        "Die Zahlen",
        "Les chiffres",
        "The figures",
        "Las cifras",
        "I numeri",
    ],
];

const LIST_INTRO: [&str; 5] = [
    "Die wichtigsten Zahlen im Überblick:",
    "Les principaux chiffres en bref :",
    "The key figures at a glance:",
    "Las cifras clave, de un vistazo:",
    "I numeri principali in sintesi:",
];

// ---------------------------------------------------------------------------
// Vocabulary: parallel sentence tables, columns de, fr, en, es, it
//
// Slots: {P}/{P2} full name, {p}/{p2} surname, {O}/{O2} organisation,
// {C}/{C2} place, {I} institution ({I^} capitalised), {N}/{N2} large count,
// {K}/{K2} two-digit count, {M} decimal amount, {R} percentage, {Y} year,
// {Q} quoted term, {U} URL.
// ---------------------------------------------------------------------------

type Row = [&'static str; 5];

const TITLES: [&[Row]; TOPICS] = [
    // Economy
    &[
        [
            "{O} will bis {Y} in {C} {N} neue Arbeitsplätze schaffen.",
            "{O} veut créer {N} nouveaux emplois à {C} d’ici {Y}.",
            "{O} plans to create {N} new jobs in {C} by {Y}.",
            "{O} creará {N} nuevos empleos en {C} hasta {Y}.",
            "{O} vuole creare {N} nuovi posti di lavoro a {C} entro il {Y}.",
        ],
        [
            "Der Umsatz von {O} steigt im vergangenen Jahr um {R} Prozent.",
            "Le chiffre d’affaires de {O} progresse de {R} % sur un an.",
            "{O} reports revenue growth of {R} percent for last year.",
            "Las ventas de {O} crecen un {R} por ciento en el último año.",
            "Il fatturato di {O} cresce del {R} per cento nell’ultimo anno.",
        ],
        [
            "{O} übernimmt den Konkurrenten {O2} für {M} Millionen Euro.",
            "{O} rachète son concurrent {O2} pour {M} millions d’euros.",
            "{O} buys rival {O2} for {M} million euros.",
            "{O} compra a su competidor {O2} por {M} millones de euros.",
            "{O} acquista il concorrente {O2} per {M} milioni di euro.",
        ],
        [
            "In {C} schließt {O} ein Werk mit {N} Beschäftigten.",
            "À {C}, {O} ferme une usine de {N} salariés.",
            "{O} to close plant with {N} workers in {C}.",
            "{O} cerrará una planta con {N} trabajadores en {C}.",
            "{O} chiude uno stabilimento con {N} dipendenti a {C}.",
        ],
    ],
    // Science
    &[
        [
            "Ein Forschungsteam aus {C} testet einen neuen Speicher in {N} Haushalten.",
            "Une équipe de chercheurs à {C} teste une nouvelle batterie dans {N} foyers.",
            "Research team in {C} tests new battery in {N} households.",
            "Un equipo de investigación de {C} prueba una nueva batería en {N} hogares.",
            "Un gruppo di ricerca di {C} prova una nuova batteria in {N} abitazioni.",
        ],
        [
            "{O} stellt ein Teleskop mit {N} Sensoren vor.",
            "{O} présente un télescope équipé de {N} capteurs.",
            "{O} unveils a telescope with {N} sensors.",
            "{O} presenta un telescopio con {N} sensores.",
            "{O} presenta un telescopio con {N} sensori.",
        ],
        [
            "Eine Studie mit {N} Proben aus {C} zeigt einen deutlichen Rückgang der Insekten.",
            "Une étude portant sur {N} échantillons prélevés à {C} montre un net recul des insectes.",
            "Study of {N} samples from {C} shows sharp decline in insects.",
            "Un estudio con {N} muestras de {C} revela un fuerte descenso de los insectos.",
            "Uno studio su {N} campioni raccolti a {C} mostra un forte calo degli insetti.",
        ],
        [
            "{O} erhält {M} Millionen Euro für die Erforschung seltener Krankheiten.",
            "{O} obtient {M} millions d’euros pour la recherche sur les maladies rares.",
            "{O} receives {M} million euros for research into rare diseases.",
            "{O} recibe {M} millones de euros para investigar enfermedades raras.",
            "{O} riceve {M} milioni di euro per la ricerca sulle malattie rare.",
        ],
    ],
    // Politics
    &[
        [
            "Der Stadtrat von {C} beschließt einen Haushalt von {M} Millionen Euro.",
            "Le conseil municipal de {C} adopte un budget de {M} millions d’euros.",
            "City council of {C} approves budget of {M} million euros.",
            "El ayuntamiento de {C} aprueba un presupuesto de {M} millones de euros.",
            "Il consiglio comunale di {C} approva un bilancio di {M} milioni di euro.",
        ],
        [
            "{P} will bei der Wahl in {C} antreten.",
            "{P} se présentera aux élections à {C}.",
            "{P} to run in the election in {C}.",
            "{P} se presentará a las elecciones en {C}.",
            "{P} si candiderà alle elezioni di {C}.",
        ],
        [
            "Eine neue Straßenbahnlinie in {C} soll täglich {N} Fahrgäste befördern.",
            "À {C}, une nouvelle ligne de tramway doit transporter {N} voyageurs par jour.",
            "New tram line in {C} to carry {N} passengers a day.",
            "Una nueva línea de tranvía en {C} transportará {N} pasajeros al día.",
            "A {C} una nuova linea del tram trasporterà {N} passeggeri al giorno.",
        ],
        [
            "{C} will bis {Y} insgesamt {N} neue Wohnungen bauen.",
            "{C} veut construire {N} nouveaux logements d’ici {Y}.",
            "{C} plans to build {N} new homes by {Y}.",
            "{C} quiere construir {N} viviendas nuevas antes de {Y}.",
            "{C} vuole costruire {N} nuovi alloggi entro il {Y}.",
        ],
    ],
    // Culture
    &[
        [
            "Ein Museum in {C} zeigt {N} Werke von {P}.",
            "Un musée de {C} expose {N} œuvres de {P}.",
            "Museum in {C} shows {N} works by {P}.",
            "Un museo de {C} expone {N} obras de {P}.",
            "Un museo di {C} espone {N} opere di {P}.",
        ],
        [
            "{P} gewinnt den Literaturpreis von {C} und {N} Euro Preisgeld.",
            "{P} remporte le prix littéraire de {C}, doté de {N} euros.",
            "{P} wins the literary prize of {C}, worth {N} euros.",
            "{P} gana el premio literario de {C}, dotado con {N} euros.",
            "{P} vince il premio letterario di {C}, del valore di {N} euro.",
        ],
        [
            "Das Festival in {C} verzeichnet {N} Besucherinnen und Besucher.",
            "Le festival de {C} a accueilli {N} spectateurs.",
            "Festival in {C} draws {N} visitors.",
            "El festival de {C} registra {N} visitantes.",
            "Il festival di {C} registra {N} visitatori.",
        ],
        [
            "{O} bringt eine neue Oper von {P} auf die Bühne.",
            "{O} met en scène le nouvel opéra de {P}.",
            "{O} stages new opera by {P}.",
            "{O} lleva a escena la nueva ópera de {P}.",
            "{O} porta in scena la nuova opera di {P}.",
        ],
    ],
];

const BODY: [&[Row]; TOPICS] = [
    // Economy
    &[
        [
            "Nach Angaben des Unternehmens lag der Umsatz zuletzt bei {M} Millionen Euro.",
            "Selon l’entreprise, le chiffre d’affaires s’est élevé récemment à {M} millions d’euros.",
            "According to the company, revenue most recently stood at {M} million euros.",
            "Según la empresa, la facturación se situó recientemente en {M} millones de euros.",
            "Secondo l’azienda, il fatturato si è attestato di recente a {M} milioni di euro.",
        ],
        [
            "{O} beschäftigt derzeit rund {N} Menschen, davon viele in {C}.",
            "{O} emploie actuellement environ {N} personnes, dont beaucoup à {C}.",
            "{O} currently employs about {N} people, many of them in {C}.",
            "{O} emplea actualmente a unas {N} personas, muchas de ellas en {C}.",
            "{O} impiega attualmente circa {N} persone, molte delle quali a {C}.",
        ],
        [
            "Die Gewerkschaften kritisierten die Pläne und forderten Gespräche mit der Geschäftsführung.",
            "Les syndicats ont critiqué ces projets et réclamé des discussions avec la direction.",
            "The unions criticised the plans and called for talks with the management.",
            "Los sindicatos criticaron los planes y pidieron negociaciones con la dirección.",
            "I sindacati hanno criticato i piani e chiesto un confronto con la direzione.",
        ],
        [
            "Analysten von {O2} rechnen für das kommende Jahr mit einem Wachstum von {R} Prozent.",
            "Les analystes de {O2} tablent sur une croissance de {R} % pour l’an prochain.",
            "Analysts at {O2} expect growth of {R} percent next year.",
            "Los analistas de {O2} prevén un crecimiento del {R} por ciento para el próximo año.",
            "Gli analisti di {O2} prevedono una crescita del {R} per cento per il prossimo anno.",
        ],
        [
            "Die Aktie des Unternehmens legte am Nachmittag um {R} Prozent zu.",
            "L’action de l’entreprise a gagné {R} % dans l’après-midi.",
            "The company’s shares rose by {R} percent in the afternoon.",
            "Las acciones de la empresa subieron un {R} por ciento por la tarde.",
            "Il titolo dell’azienda è salito del {R} per cento nel pomeriggio.",
        ],
        [
            "Bereits im Jahr {Y} hatte {O} einen ähnlichen Schritt angekündigt.",
            "Dès {Y}, {O} avait annoncé une démarche similaire.",
            "As early as {Y}, {O} had announced a similar step.",
            "Ya en {Y}, {O} había anunciado un paso similar.",
            "Già nel {Y} {O} aveva annunciato un passo simile.",
        ],
        [
            "Der Standort in {C2} soll nach den Plänen bis {Y} ausgebaut werden.",
            "Selon les projets, le site situé à {C2} doit être agrandi d’ici {Y}.",
            "Under the plans, the site in {C2} is to be expanded by {Y}.",
            "Según los planes, la sede de {C2} se ampliará antes de {Y}.",
            "Secondo i piani, la sede di {C2} sarà ampliata entro il {Y}.",
        ],
    ],
    // Science
    &[
        [
            "Die Ergebnisse wurden in einer Fachzeitschrift veröffentlicht und von unabhängigen Fachleuten geprüft.",
            "Les résultats ont été publiés dans une revue spécialisée et vérifiés par des experts indépendants.",
            "The results were published in a scientific journal and reviewed by independent experts.",
            "Los resultados se publicaron en una revista científica y fueron revisados por expertos independientes.",
            "I risultati sono stati pubblicati su una rivista scientifica e verificati da esperti indipendenti.",
        ],
        [
            "An der Untersuchung waren {N} Freiwillige aus {C} und {C2} beteiligt.",
            "L’étude a mobilisé {N} volontaires à {C} et à {C2}.",
            "The study involved {N} volunteers from {C} and {C2}.",
            "En el estudio participaron {N} voluntarios de {C} y {C2}.",
            "Allo studio hanno partecipato {N} volontari di {C} e {C2}.",
        ],
        [
            "Das Team um {P} arbeitet seit {Y} an dem Thema.",
            "L’équipe dirigée par {P} travaille sur le sujet depuis {Y}.",
            "The team led by {P} has been working on the subject since {Y}.",
            "El equipo dirigido por {P} trabaja en el tema desde {Y}.",
            "Il gruppo guidato da {P} lavora sul tema dal {Y}.",
        ],
        [
            "Noch sei es zu früh, um von einem Durchbruch zu sprechen, betonte {p}.",
            "Il est encore trop tôt pour parler d’une percée, a souligné {p}.",
            "It is still too early to speak of a breakthrough, {p} stressed.",
            "Todavía es pronto para hablar de un avance decisivo, subrayó {p}.",
            "È ancora presto per parlare di una svolta, ha sottolineato {p}.",
        ],
        [
            "Die Messungen zeigen eine Genauigkeit von {R} Prozent.",
            "Les mesures affichent une précision de {R} %.",
            "The measurements show an accuracy of {R} percent.",
            "Las mediciones muestran una precisión del {R} por ciento.",
            "Le misurazioni mostrano una precisione del {R} per cento.",
        ],
        [
            "Finanziert wird das Vorhaben unter anderem von {O2}.",
            "Le projet est notamment financé par {O2}.",
            "The project is funded in part by {O2}.",
            "El proyecto está financiado, entre otros, por {O2}.",
            "Il progetto è finanziato, tra gli altri, da {O2}.",
        ],
        [
            "In einem nächsten Schritt sollen die Tests auf {N2} Teilnehmer ausgeweitet werden.",
            "Dans une prochaine étape, les essais doivent être étendus à {N2} participants.",
            "In a next step, the tests are to be extended to {N2} participants.",
            "En una próxima fase, las pruebas se ampliarán a {N2} participantes.",
            "In una fase successiva, i test saranno estesi a {N2} partecipanti.",
        ],
    ],
    // Politics
    &[
        [
            "Der Beschluss fiel mit {K} Ja-Stimmen bei {K2} Gegenstimmen.",
            "La décision a été adoptée par {K} voix pour et {K2} voix contre.",
            "The decision was passed with {K} votes in favour and {K2} against.",
            "La decisión se aprobó con {K} votos a favor y {K2} en contra.",
            "La decisione è stata approvata con {K} voti favorevoli e {K2} contrari.",
        ],
        [
            "Die Opposition warf der Verwaltung vor, die Kosten zu niedrig angesetzt zu haben.",
            "L’opposition a reproché à l’administration d’avoir sous-estimé les coûts.",
            "The opposition accused the administration of underestimating the costs.",
            "La oposición acusó a la administración de haber subestimado los costes.",
            "L’opposizione ha accusato l’amministrazione di aver sottostimato i costi.",
        ],
        [
            "Das Vorhaben wurde von {P} in einer Sitzung am Abend verteidigt.",
            "Le projet a été défendu par {P} lors d’une séance dans la soirée.",
            "The project was defended by {P} at an evening session.",
            "El proyecto fue defendido por {P} en una sesión por la tarde.",
            "Il progetto è stato difeso da {P} in una seduta serale.",
        ],
        [
            "Nach Schätzungen der Verwaltung sind rund {N} Haushalte betroffen.",
            "Selon les estimations de l’administration, environ {N} ménages sont concernés.",
            "The administration estimates that around {N} households are affected.",
            "Según las estimaciones de la administración, unos {N} hogares se ven afectados.",
            "Secondo le stime dell’amministrazione, sono interessate circa {N} famiglie.",
        ],
        [
            "Die Bauarbeiten sollen im Frühjahr {Y} beginnen und etwa {K} Monate dauern.",
            "Les travaux doivent commencer au printemps {Y} et durer environ {K} mois.",
            "Construction is due to start in the spring of {Y} and last about {K} months.",
            "Las obras comenzarán en la primavera de {Y} y durarán unos {K} meses.",
            "I lavori dovrebbero iniziare nella primavera del {Y} e durare circa {K} mesi.",
        ],
        [
            "Auch in {C2} wird über ein ähnliches Modell diskutiert.",
            "Un modèle similaire est également en discussion à {C2}.",
            "A similar model is also being discussed in {C2}.",
            "También en {C2} se debate un modelo similar.",
            "Anche a {C2} si discute di un modello simile.",
        ],
        [
            "Der Verkehrsverbund rechnet mit Kosten von {M} Millionen Euro pro Jahr.",
            "La régie des transports estime le coût à {M} millions d’euros par an.",
            "The transport authority expects costs of {M} million euros a year.",
            "El consorcio de transportes calcula un coste de {M} millones de euros al año.",
            "L’azienda dei trasporti prevede costi di {M} milioni di euro all’anno.",
        ],
    ],
    // Culture
    &[
        [
            "Die Ausstellung ist bis Ende {Y} zu sehen und wurde von {P2} kuratiert.",
            "L’exposition est visible jusqu’à fin {Y} ; elle a été conçue par {P2}.",
            "The exhibition runs until the end of {Y} and was curated by {P2}.",
            "La exposición podrá verse hasta finales de {Y} y ha sido comisariada por {P2}.",
            "La mostra resterà aperta fino alla fine del {Y} ed è curata da {P2}.",
        ],
        [
            "Karten kosten zwischen {K} und {K2} Euro.",
            "Les billets coûtent entre {K} et {K2} euros.",
            "Tickets cost between {K} and {K2} euros.",
            "Las entradas cuestan entre {K} y {K2} euros.",
            "I biglietti costano tra {K} e {K2} euro.",
        ],
        [
            "Die Kritik lobte vor allem die Inszenierung und die Musik.",
            "La critique a surtout salué la mise en scène et la musique.",
            "Critics particularly praised the staging and the music.",
            "La crítica elogió sobre todo la puesta en escena y la música.",
            "La critica ha lodato soprattutto la regia e la musica.",
        ],
        [
            "{p} hatte bereits {Y} mit einem ersten Roman auf sich aufmerksam gemacht.",
            "{p} s’était déjà fait remarquer en {Y} avec un premier roman.",
            "{p} had already attracted attention in {Y} with a first novel.",
            "{p} ya había llamado la atención en {Y} con una primera novela.",
            "{p} aveva già attirato l’attenzione nel {Y} con un primo romanzo.",
        ],
        [
            "Mehr als {N} Menschen haben die Vorstellungen bereits gesehen.",
            "Plus de {N} personnes ont déjà assisté aux représentations.",
            "More than {N} people have already seen the performances.",
            "Más de {N} personas han visto ya las funciones.",
            "Più di {N} persone hanno già visto gli spettacoli.",
        ],
        [
            "Das Programm wird von {O2} unterstützt.",
            "Le programme est soutenu par {O2}.",
            "The programme is supported by {O2}.",
            "El programa cuenta con el apoyo de {O2}.",
            "Il programma è sostenuto da {O2}.",
        ],
        [
            "Im kommenden Jahr soll die Produktion auch in {C2} gezeigt werden.",
            "L’an prochain, la production doit aussi être présentée à {C2}.",
            "Next year the production is also due to be shown in {C2}.",
            "El año que viene la producción también se presentará en {C2}.",
            "Il prossimo anno la produzione sarà presentata anche a {C2}.",
        ],
    ],
];

const GENERIC: &[Row] = &[
    [
        "Die Entscheidung hatte in den vergangenen Wochen für viel Diskussion gesorgt.",
        "La décision avait suscité de nombreux débats au cours des dernières semaines.",
        "The decision had sparked much debate over the past few weeks.",
        "La decisión había provocado mucho debate en las últimas semanas.",
        "La decisione aveva suscitato molte discussioni nelle ultime settimane.",
    ],
    [
        "Viele Fragen sind allerdings noch offen.",
        "De nombreuses questions restent toutefois en suspens.",
        "Many questions, however, remain open.",
        "Sin embargo, muchas preguntas siguen abiertas.",
        "Molte domande, tuttavia, restano aperte.",
    ],
    [
        "Wie es weitergeht, soll sich in den nächsten Tagen entscheiden.",
        "La suite doit être décidée dans les prochains jours.",
        "What happens next is to be decided in the coming days.",
        "Lo que ocurra a continuación se decidirá en los próximos días.",
        "Il seguito dovrebbe essere deciso nei prossimi giorni.",
    ],
    [
        "Kritiker halten den Zeitplan für zu ehrgeizig.",
        "Les critiques jugent le calendrier trop ambitieux.",
        "Critics consider the timetable too ambitious.",
        "Los críticos consideran el calendario demasiado ambicioso.",
        "I critici ritengono il calendario troppo ambizioso.",
    ],
    [
        "Die Reaktionen in {C} fielen gemischt aus.",
        "Les réactions à {C} ont été mitigées.",
        "Reactions in {C} were mixed.",
        "Las reacciones en {C} fueron dispares.",
        "Le reazioni a {C} sono state contrastanti.",
    ],
    [
        "Ein Sprecher wollte sich zu den Details zunächst nicht äußern.",
        "Un porte-parole n’a pas souhaité commenter les détails dans l’immédiat.",
        "A spokesperson declined to comment on the details for now.",
        "Un portavoz declinó comentar los detalles por el momento.",
        "Un portavoce non ha voluto commentare i dettagli per il momento.",
    ],
    [
        "Die Lage habe sich in den letzten Monaten deutlich verändert, hieß es.",
        "La situation a nettement changé au cours des derniers mois, a-t-on indiqué.",
        "The situation has changed significantly in recent months, it was said.",
        "La situación ha cambiado notablemente en los últimos meses, según se indicó.",
        "La situazione è cambiata in modo netto negli ultimi mesi, è stato detto.",
    ],
    [
        "Experten sehen darin ein wichtiges Signal für die gesamte Branche.",
        "Les experts y voient un signal important pour l’ensemble du secteur.",
        "Experts see this as an important signal for the whole sector.",
        "Los expertos ven en ello una señal importante para todo el sector.",
        "Gli esperti vi vedono un segnale importante per l’intero settore.",
    ],
    [
        "Ob die Pläne tatsächlich umgesetzt werden, ist noch unklar.",
        "On ignore encore si ces projets seront réellement mis en œuvre.",
        "It is still unclear whether the plans will actually be implemented.",
        "Aún no está claro si los planes se llevarán realmente a cabo.",
        "Non è ancora chiaro se i piani saranno davvero realizzati.",
    ],
    [
        "Die Zahl der Anfragen ist seit dem Frühjahr stark gestiegen.",
        "Le nombre de demandes a fortement augmenté depuis le printemps.",
        "The number of enquiries has risen sharply since the spring.",
        "El número de solicitudes ha aumentado mucho desde la primavera.",
        "Il numero di richieste è aumentato molto dalla primavera.",
    ],
    [
        "Dabei spielen auch die gestiegenen Preise für Energie eine Rolle.",
        "La hausse des prix de l’énergie joue également un rôle.",
        "Higher energy prices also play a part.",
        "El aumento de los precios de la energía también influye.",
        "Anche l’aumento dei prezzi dell’energia ha un ruolo.",
    ],
    [
        "Die Verantwortlichen zeigten sich dennoch zuversichtlich.",
        "Les responsables se sont néanmoins montrés confiants.",
        "Those in charge nevertheless remained confident.",
        "Los responsables se mostraron, no obstante, optimistas.",
        "I responsabili si sono comunque detti fiduciosi.",
    ],
    [
        "Bis zum Ende des Jahres soll ein erster Bericht vorliegen.",
        "Un premier rapport doit être présenté d’ici la fin de l’année.",
        "A first report is expected by the end of the year.",
        "Se espera un primer informe antes de que termine el año.",
        "Un primo rapporto è atteso entro la fine dell’anno.",
    ],
    [
        "Die Bevölkerung soll in mehreren Veranstaltungen informiert werden.",
        "La population doit être informée lors de plusieurs réunions publiques.",
        "Residents are to be informed at several public meetings.",
        "La población será informada en varias reuniones públicas.",
        "La popolazione sarà informata in diversi incontri pubblici.",
    ],
    [
        "Schon jetzt ist klar, dass die Umsetzung mehr Zeit brauchen wird als geplant.",
        "Il est déjà clair que la mise en œuvre prendra plus de temps que prévu.",
        "It is already clear that implementation will take longer than planned.",
        "Ya está claro que la aplicación llevará más tiempo del previsto.",
        "È già chiaro che l’attuazione richiederà più tempo del previsto.",
    ],
    [
        "Ähnliche Projekte gibt es bereits in anderen Ländern Europas.",
        "Des projets similaires existent déjà dans d’autres pays européens.",
        "Similar projects already exist in other European countries.",
        "Ya existen proyectos similares en otros países europeos.",
        "Progetti simili esistono già in altri paesi europei.",
    ],
    [
        "Nach Ansicht von {p} ist das erst der Anfang.",
        "Pour {p}, ce n’est qu’un début.",
        "In the view of {p}, this is only the beginning.",
        "Para {p}, esto es solo el principio.",
        "Secondo {p}, questo è solo l’inizio.",
    ],
    [
        "Die Zusammenarbeit mit {O} soll in den kommenden Jahren weiter ausgebaut werden.",
        "La coopération avec {O} doit encore être renforcée dans les années à venir.",
        "Cooperation with {O} is to be expanded further in the coming years.",
        "La cooperación con {O} se ampliará en los próximos años.",
        "La collaborazione con {O} sarà ulteriormente rafforzata nei prossimi anni.",
    ],
    [
        "Zuletzt war die Nachfrage vor allem bei jungen Menschen gewachsen.",
        "Ces derniers temps, la demande avait surtout progressé chez les jeunes.",
        "Demand had recently grown above all among young people.",
        "Últimamente, la demanda había crecido sobre todo entre los jóvenes.",
        "Negli ultimi tempi la domanda era cresciuta soprattutto tra i giovani.",
    ],
    [
        "Wegen des schlechten Wetters musste ein Teil der Termine verschoben werden.",
        "En raison du mauvais temps, une partie des rendez-vous a dû être reportée.",
        "Because of the bad weather, some of the dates had to be postponed.",
        "Debido al mal tiempo, parte de las citas tuvo que aplazarse.",
        "A causa del maltempo, parte degli appuntamenti è stata rinviata.",
    ],
    [
        "Die Stimmung unter den Beteiligten gilt als angespannt.",
        "L’ambiance entre les parties est jugée tendue.",
        "The mood among those involved is described as tense.",
        "El ambiente entre las partes se describe como tenso.",
        "Il clima tra le parti viene descritto come teso.",
    ],
    [
        "Insgesamt wurden {N2} Anträge eingereicht, deutlich mehr als im Vorjahr.",
        "Au total, {N2} demandes ont été déposées, bien plus que l’année précédente.",
        "In total, {N2} applications were submitted, far more than the previous year.",
        "En total se presentaron {N2} solicitudes, muchas más que el año anterior.",
        "In totale sono state presentate {N2} domande, molte più dell’anno precedente.",
    ],
    [
        "Die Gespräche sollen in der kommenden Woche in {C2} fortgesetzt werden.",
        "Les discussions doivent reprendre la semaine prochaine à {C2}.",
        "The talks are due to continue next week in {C2}.",
        "Las conversaciones continuarán la próxima semana en {C2}.",
        "I colloqui proseguiranno la prossima settimana a {C2}.",
    ],
    [
        "Für viele Familien ist das eine gute Nachricht.",
        "Pour de nombreuses familles, c’est une bonne nouvelle.",
        "For many families this is good news.",
        "Para muchas familias es una buena noticia.",
        "Per molte famiglie è una buona notizia.",
    ],
    [
        "Gleichzeitig warnen Fachleute davor, die Risiken zu unterschätzen.",
        "Dans le même temps, les spécialistes mettent en garde contre une sous-estimation des risques.",
        "At the same time, specialists warn against underestimating the risks.",
        "Al mismo tiempo, los especialistas advierten de que no hay que subestimar los riesgos.",
        "Allo stesso tempo, gli specialisti avvertono di non sottovalutare i rischi.",
    ],
    [
        "Eine endgültige Entscheidung wird nicht vor dem Sommer erwartet.",
        "Une décision définitive n’est pas attendue avant l’été.",
        "A final decision is not expected before the summer.",
        "No se espera una decisión definitiva antes del verano.",
        "Una decisione definitiva non è attesa prima dell’estate.",
    ],
    [
        "Die Kosten dafür sollen sich Bund, Land und Gemeinden teilen.",
        "Les coûts doivent être partagés entre l’État, la région et les communes.",
        "The costs are to be shared between the state, the region and the municipalities.",
        "Los costes se repartirán entre el Estado, la región y los municipios.",
        "I costi saranno ripartiti tra lo Stato, la regione e i comuni.",
    ],
    [
        "Vor Ort war die Stimmung am Abend ruhig.",
        "Sur place, le calme régnait dans la soirée.",
        "On the ground, the mood was calm in the evening.",
        "Sobre el terreno, el ambiente era tranquilo por la noche.",
        "Sul posto, in serata, il clima era tranquillo.",
    ],
];

const SPEECH: &[Row] = &[
    [
        "„Wir haben in den vergangenen Monaten sehr viel gelernt“, sagte {P}.",
        "« Nous avons beaucoup appris au cours des derniers mois », a déclaré {P}.",
        "“We have learned a great deal over the past few months,” said {P}.",
        "«Hemos aprendido mucho en los últimos meses», dijo {P}.",
        "«Abbiamo imparato moltissimo negli ultimi mesi», ha detto {P}.",
    ],
    [
        "„Das ist ein wichtiger Tag für {C}“, erklärte {p}.",
        "« C’est une journée importante pour {C} », a expliqué {p}.",
        "“This is an important day for {C},” {p} explained.",
        "«Es un día importante para {C}», explicó {p}.",
        "«È una giornata importante per {C}», ha spiegato {p}.",
    ],
    [
        "„Wir müssen jetzt schnell handeln“, sagte {P2} am Rande einer Veranstaltung.",
        "« Nous devons agir vite maintenant », a affirmé {P2} en marge d’une réunion.",
        "“We have to act quickly now,” {P2} said on the sidelines of an event.",
        "«Ahora tenemos que actuar con rapidez», afirmó {P2} al margen de un acto.",
        "«Ora dobbiamo agire in fretta», ha affermato {P2} a margine di un incontro.",
    ],
    [
        "{P2} sprach von einem „großen Schritt nach vorn“.",
        "{P2} a parlé d’un « grand pas en avant ».",
        "{P2} spoke of a “big step forward”.",
        "{P2} habló de un «gran paso adelante».",
        "{P2} ha parlato di un «grande passo avanti».",
    ],
    [
        "„Die Zahlen sprechen eine deutliche Sprache“, so {p}.",
        "« Les chiffres parlent d’eux-mêmes », selon {p}.",
        "“The figures speak for themselves,” according to {p}.",
        "«Las cifras hablan por sí solas», según {p}.",
        "«I numeri parlano chiaro», secondo {p}.",
    ],
    [
        "„Niemand hat mit einer so großen Resonanz gerechnet“, sagte {P2}.",
        "« Personne ne s’attendait à un tel écho », a confié {P2}.",
        "“Nobody expected such a big response,” said {P2}.",
        "«Nadie esperaba una respuesta tan grande», dijo {P2}.",
        "«Nessuno si aspettava una risposta così ampia», ha detto {P2}.",
    ],
    [
        "{p} fasste es so zusammen: „Wir liegen im Zeitplan.“",
        "{p} résume : « Nous respectons le calendrier. »",
        "{p} summed it up: “We are on schedule.”",
        "{p} lo resumió así: «Vamos según lo previsto».",
        "{p} lo ha riassunto così: «Siamo nei tempi previsti».",
    ],
    [
        "„Das Geld ist gut investiert“, betonte {P2} von {O}.",
        "« L’argent est bien investi », a souligné {P2}, de {O}.",
        "“The money is well invested,” stressed {P2} of {O}.",
        "«El dinero está bien invertido», subrayó {P2}, de {O}.",
        "«Il denaro è ben investito», ha sottolineato {P2} di {O}.",
    ],
];

const TERM: &[Row] = &[
    [
        "Das Vorhaben läuft unter dem Namen {Q}.",
        "Le projet porte le nom de {Q}.",
        "The project goes by the name {Q}.",
        "El proyecto lleva el nombre de {Q}.",
        "Il progetto porta il nome di {Q}.",
    ],
    [
        "Im Mittelpunkt steht das Programm {Q}, das {O} gemeinsam mit Partnern entwickelt hat.",
        "Au cœur de l’initiative se trouve le programme {Q}, développé par {O} avec des partenaires.",
        "At its heart is the programme {Q}, developed by {O} together with partners.",
        "En el centro está el programa {Q}, desarrollado por {O} junto con sus socios.",
        "Al centro c’è il programma {Q}, sviluppato da {O} insieme ad alcuni partner.",
    ],
    [
        "Intern wird das Projekt nur {Q} genannt.",
        "En interne, le projet est simplement appelé {Q}.",
        "Internally, the project is simply called {Q}.",
        "Internamente, el proyecto se llama simplemente {Q}.",
        "Internamente il progetto è chiamato semplicemente {Q}.",
    ],
];

const URL_LINES: &[Row] = &[
    [
        "Weitere Informationen gibt es unter {U}.",
        "Plus d’informations sur {U}.",
        "More information is available at {U}.",
        "Más información en {U}.",
        "Maggiori informazioni su {U}.",
    ],
    [
        "Der vollständige Bericht ist online unter {U} abrufbar.",
        "Le rapport complet est disponible en ligne à l’adresse {U}.",
        "The full report is available online at {U}.",
        "El informe completo puede consultarse en {U}.",
        "Il rapporto completo è disponibile online all’indirizzo {U}.",
    ],
];

const INSTITUTION_LINES: &[Row] = &[
    [
        "Auch {I} hat sich inzwischen zu dem Thema geäußert.",
        "{I^} a également pris position sur le sujet.",
        "{I^} has also commented on the matter.",
        "{I^} también se ha pronunciado sobre el asunto.",
        "Anche {I} ha preso posizione sul tema.",
    ],
    [
        "Beobachter erwarten, dass sich auch {I} bald äußert.",
        "Les observateurs s’attendent à ce que {I} prenne bientôt position.",
        "Observers expect {I} to comment soon.",
        "Los observadores esperan que {I} se pronuncie pronto.",
        "Gli osservatori si aspettano che {I} prenda presto posizione.",
    ],
];
