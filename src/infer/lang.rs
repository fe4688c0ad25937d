//! Language: validating tags that people write, and detecting the language
//! of text that carries no tag.

use whatlang::{Detector, Lang};

use crate::config::primary_subtag;

/// ISO 639-3 codes of the detector mapped to the two-letter subtags feeds use.
const DETECTABLE: &[(Lang, &str)] = &[
    (Lang::Afr, "af"),
    (Lang::Aka, "ak"),
    (Lang::Amh, "am"),
    (Lang::Ara, "ar"),
    (Lang::Aze, "az"),
    (Lang::Bel, "be"),
    (Lang::Ben, "bn"),
    (Lang::Bul, "bg"),
    (Lang::Cat, "ca"),
    (Lang::Ces, "cs"),
    (Lang::Cmn, "zh"),
    (Lang::Dan, "da"),
    (Lang::Deu, "de"),
    (Lang::Ell, "el"),
    (Lang::Eng, "en"),
    (Lang::Epo, "eo"),
    (Lang::Est, "et"),
    (Lang::Fin, "fi"),
    (Lang::Fra, "fr"),
    (Lang::Guj, "gu"),
    (Lang::Heb, "he"),
    (Lang::Hin, "hi"),
    (Lang::Hrv, "hr"),
    (Lang::Hun, "hu"),
    (Lang::Hye, "hy"),
    (Lang::Ind, "id"),
    (Lang::Ita, "it"),
    (Lang::Jav, "jv"),
    (Lang::Jpn, "ja"),
    (Lang::Kan, "kn"),
    (Lang::Kat, "ka"),
    (Lang::Khm, "km"),
    (Lang::Kor, "ko"),
    (Lang::Lat, "la"),
    (Lang::Lav, "lv"),
    (Lang::Lit, "lt"),
    (Lang::Mal, "ml"),
    (Lang::Mar, "mr"),
    (Lang::Mkd, "mk"),
    (Lang::Mya, "my"),
    (Lang::Nep, "ne"),
    (Lang::Nld, "nl"),
    (Lang::Nob, "nb"),
    (Lang::Ori, "or"),
    (Lang::Pan, "pa"),
    (Lang::Pes, "fa"),
    (Lang::Pol, "pl"),
    (Lang::Por, "pt"),
    (Lang::Ron, "ro"),
    (Lang::Rus, "ru"),
    (Lang::Sin, "si"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Sna, "sn"),
    (Lang::Spa, "es"),
    (Lang::Srp, "sr"),
    (Lang::Swe, "sv"),
    (Lang::Tam, "ta"),
    (Lang::Tel, "te"),
    (Lang::Tgl, "tl"),
    (Lang::Tha, "th"),
    (Lang::Tuk, "tk"),
    (Lang::Tur, "tr"),
    (Lang::Ukr, "uk"),
    (Lang::Urd, "ur"),
    (Lang::Uzb, "uz"),
    (Lang::Vie, "vi"),
    (Lang::Yid, "yi"),
    (Lang::Zul, "zu"),
];

/// The tag of a language written by its name, in English or in the
/// language itself, of any case and with or without accents (`english`,
/// `Deutsch`, `francais`, `español`): what a publisher writes where a
/// tag is wanted. The names are the detector's, for the languages it
/// knows.
pub fn tag_of_name(name: &str) -> Option<&'static str> {
    let fold = |name: &str| deunicode::deunicode(name.trim()).to_lowercase();
    let written = fold(name);
    DETECTABLE
        .iter()
        .find(|(lang, _)| fold(lang.eng_name()) == written || fold(lang.name()) == written)
        .map(|(_, tag)| *tag)
}

/// Whether `tag` is a well-formed BCP 47 language tag of the shapes feeds
/// use: a 2–3 letter language, then optional script (4 letters), region (2
/// letters or 3 digits) and variants, separated by hyphens.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    parts.all(|part| {
        (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// The two-letter languages of ISO 639-1, the codes feed readers and the
/// W3C validator know (RSS `<language>` must be one). A well-formed tag
/// such as `ge` or `xx` names none of them: most likely a slip for `de`.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Two-letter codes ISO 639 retired, with the codes that replaced them:
/// old software and old archives still write them, and the W3C validator
/// refuses all but `mo`. A letter away from another code (`iw` from `it`),
/// they must not be met with a guess at a typo.
const RETIRED: &[(&str, &str, &str, u16)] = &[
    ("in", "id", "Indonesian", 1989),
    ("iw", "he", "Hebrew", 1989),
    ("ji", "yi", "Yiddish", 1989),
    ("jw", "jv", "Javanese", 2001),
    // Moldavian is written as Romanian.
    ("mo", "ro", "Moldavian", 2008),
];

/// Why a well-formed tag names no language, if it does not: its language
/// subtag has two letters that are no ISO 639-1 code. (Three-letter
/// subtags are ISO 639-2 and 639-3 codes, thousands of them, and taken as
/// written; see [`not_in_iso_639_2`].) `known` are tags to suggest when
/// one is a letter away; a retired code is told the code that replaced it.
pub fn unknown_language(tag: &str, known: &[String]) -> Option<String> {
    let primary = primary_subtag(tag).to_ascii_lowercase();
    if primary.len() != 2 || ISO_639_1.binary_search(&primary.as_str()).is_ok() {
        return None;
    }
    if let Some((_, current, name, year)) = RETIRED.iter().find(|(old, ..)| *old == primary) {
        return Some(format!(
            "`{primary}` is the code of {name} that ISO 639 retired in {year}; write `{current}`"
        ));
    }
    let near: Vec<&str> = known
        .iter()
        .map(String::as_str)
        .filter(|k| {
            let k = primary_subtag(k).to_ascii_lowercase();
            k.len() == 2
                && k.chars()
                    .zip(primary.chars())
                    .filter(|(a, b)| a != b)
                    .count()
                    == 1
        })
        .collect();
    Some(match near.as_slice() {
        [] => format!(
            "`{primary}` is no language code (ISO 639-1); write one such as `de`, `fr` or `en`"
        ),
        near => format!(
            "`{primary}` is no language code (ISO 639-1); did you mean `{}`?",
            near.join("` or `")
        ),
    })
}

/// The three-letter codes of ISO 639-2, bibliographic and terminology
/// (`ger` and `deu`), as the W3C feed validator lists them with ISO
/// 639-1's: the codes it accepts in `xml:lang`, `<language>` and
/// `hreflang`. ISO 639-3 has thousands more, such as `yue`, `ckb`, `arz`.
const ISO_639_2: &[&str] = &[
    "aar", "abk", "ace", "ach", "ada", "ady", "afa", "afh", "afr", "ain", "aka", "akk", "alb",
    "ale", "alg", "alt", "amh", "ang", "anp", "apa", "ara", "arc", "arg", "arm", "arn", "arp",
    "art", "arw", "asm", "ast", "ath", "aus", "ava", "ave", "awa", "aym", "aze", "bad", "bai",
    "bak", "bal", "bam", "ban", "baq", "bas", "bat", "bej", "bel", "bem", "ben", "ber", "bho",
    "bih", "bik", "bin", "bis", "bla", "bnt", "bod", "bos", "bra", "bre", "btk", "bua", "bug",
    "bul", "bur", "byn", "cad", "cai", "car", "cat", "cau", "ceb", "cel", "ces", "cha", "chb",
    "che", "chg", "chi", "chk", "chm", "chn", "cho", "chp", "chr", "chu", "chv", "chy", "cmc",
    "cop", "cor", "cos", "cpe", "cpf", "cpp", "cre", "crh", "crp", "csb", "cus", "cym", "cze",
    "dak", "dan", "dar", "day", "del", "den", "deu", "dgr", "din", "div", "doi", "dra", "dsb",
    "dua", "dum", "dut", "dyu", "dzo", "efi", "egy", "eka", "ell", "elx", "eng", "enm", "epo",
    "est", "eus", "ewe", "ewo", "fan", "fao", "fas", "fat", "fij", "fil", "fin", "fiu", "fon",
    "fra", "fre", "frm", "fro", "frr", "frs", "fry", "ful", "fur", "gaa", "gay", "gba", "gem",
    "geo", "ger", "gez", "gil", "gla", "gle", "glg", "glv", "gmh", "goh", "gon", "gor", "got",
    "grb", "grc", "gre", "grn", "gsw", "guj", "gwi", "gws", "hai", "hat", "hau", "haw", "heb",
    "her", "hil", "him", "hin", "hit", "hmn", "hmo", "hrv", "hsb", "hun", "hup", "hye", "iba",
    "ibo", "ice", "ido", "iii", "ijo", "iku", "ile", "ilo", "ina", "inc", "ind", "ine", "inh",
    "ipk", "ira", "iro", "isl", "ita", "jav", "jbo", "jpn", "jpr", "jrb", "kaa", "kab", "kac",
    "kal", "kam", "kan", "kar", "kas", "kat", "kau", "kaw", "kaz", "kbd", "kha", "khi", "khm",
    "kho", "kik", "kin", "kir", "kmb", "kok", "kom", "kon", "kor", "kos", "kpe", "krc", "krl",
    "kro", "kru", "kua", "kum", "kur", "kut", "lad", "lah", "lam", "lao", "lat", "lav", "lez",
    "lim", "lin", "lit", "lol", "loz", "ltz", "lua", "lub", "lug", "lui", "lun", "luo", "lus",
    "mac", "mad", "mag", "mah", "mai", "mak", "mal", "man", "mao", "map", "mar", "mas", "may",
    "mdf", "mdr", "men", "mga", "mic", "min", "mis", "mkd", "mkh", "mlg", "mlt", "mnc", "mni",
    "mno", "moh", "mol", "mon", "mos", "mri", "msa", "mul", "mun", "mus", "mwl", "mwr", "mya",
    "myn", "myv", "nah", "nai", "nap", "nau", "nav", "nbl", "nde", "ndo", "nds", "nep", "new",
    "nia", "nic", "niu", "nld", "nno", "nob", "nog", "non", "nor", "nso", "nub", "nwc", "nya",
    "nym", "nyn", "nyo", "nzi", "oci", "oji", "ori", "orm", "osa", "oss", "ota", "oto", "paa",
    "pag", "pal", "pam", "pan", "pap", "pau", "peo", "per", "phi", "phn", "pli", "pol", "pon",
    "por", "pra", "pro", "pus", "qaa", "qtz", "que", "raj", "rap", "rar", "roa", "roh", "rom",
    "ron", "rum", "run", "rup", "rus", "sad", "sag", "sah", "sai", "sal", "sam", "san", "sas",
    "sat", "scc", "scn", "sco", "scr", "sel", "sem", "sga", "sgn", "shn", "sid", "sin", "sio",
    "sit", "sla", "slk", "slo", "slv", "sma", "sme", "smi", "smj", "smn", "smo", "sms", "sna",
    "snd", "snk", "sog", "som", "son", "sot", "spa", "sqi", "srd", "srn", "srp", "srr", "ssa",
    "ssw", "suk", "sun", "sus", "sux", "swa", "swe", "syr", "tah", "tai", "tam", "tat", "tel",
    "tem", "ter", "tet", "tgk", "tgl", "tha", "tib", "tig", "tir", "tiv", "tkl", "tlh", "tli",
    "tmh", "tog", "ton", "tpi", "tsi", "tsn", "tso", "tuk", "tum", "tup", "tur", "tut", "tvl",
    "twi", "tyv", "udm", "uga", "uig", "ukr", "umb", "und", "urd", "uzb", "vai", "ven", "vie",
    "vol", "vot", "wak", "wal", "war", "was", "wel", "wen", "wln", "wol", "xal", "xho", "yao",
    "yap", "yid", "yor", "ypk", "zap", "zen", "zha", "zho", "znd", "zul", "zun",
];

/// Macrolanguages of ISO 639-1 for the ISO 639-3 languages a newsroom is
/// likeliest to publish in: what the W3C validator would accept for them.
const MACROLANGUAGES: &[(&str, &str)] = &[
    ("acm", "ar"),
    ("apc", "ar"),
    ("arb", "ar"),
    ("ary", "ar"),
    ("arz", "ar"),
    ("azb", "az"),
    ("ckb", "ku"),
    ("cmn", "zh"),
    ("ekk", "et"),
    ("hak", "zh"),
    ("kmr", "ku"),
    ("lvs", "lv"),
    ("nan", "zh"),
    ("npi", "ne"),
    ("ory", "or"),
    ("pbt", "ps"),
    ("pes", "fa"),
    ("prs", "fa"),
    ("swh", "sw"),
    ("uzn", "uz"),
    ("wuu", "zh"),
    ("ydd", "yi"),
    ("yue", "zh"),
    ("zsm", "ms"),
];

/// Why feeds in the language of `tag` fail the W3C validator, when its
/// language subtag has three letters that ISO 639-2 does not list (`yue`,
/// Cantonese, is ISO 639-3 only): the tag is good BCP 47, and readers
/// take it, but the validator checks the older list, and calls it an
/// error at the language of that language's feeds and at every `hreflang`
/// that links to them, in every language's feeds. Worth a warning, not
/// an error.
pub fn not_in_iso_639_2(tag: &str) -> Option<String> {
    let primary = primary_subtag(tag).to_ascii_lowercase();
    if primary.len() != 3 || ISO_639_2.binary_search(&primary.as_str()).is_ok() {
        return None;
    }
    let instead = match MACROLANGUAGES.iter().find(|(code, _)| *code == primary) {
        Some((_, macrolanguage)) => format!(
            "; where passing it matters more than the precise tag, write its macrolanguage, `{macrolanguage}`, with a region subtag if one tells it apart"
        ),
        None => String::new(),
    };
    Some(format!(
        "the language `{primary}` is ISO 639-3 only, and the W3C feed validator, which knows ISO 639-1 and 639-2, reports an error at the language of the `{primary}` feeds and at every hreflang=\"{tag}\" link to them, in every language's feeds (readers take the tag as it is){instead}"
    ))
}

/// The canonical spelling of a tag people wrote: `de_ch` becomes `de-CH`.
/// `None` when it is not a language tag at all.
pub fn normalize_tag(written: &str) -> Option<String> {
    let hyphenated = written.trim().replace('_', "-");
    if !is_language_tag(&hyphenated) {
        return None;
    }
    let mut out = String::with_capacity(hyphenated.len());
    // After a singleton (`u`, `x`: extensions, private use) every subtag
    // is lower case.
    let mut extension = false;
    for (i, part) in hyphenated.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        extension |= i > 0 && part.len() == 1;
        match (i, part.len()) {
            (0, _) => out.push_str(&part.to_ascii_lowercase()),
            _ if extension => out.push_str(&part.to_ascii_lowercase()),
            (_, 2) => out.push_str(&part.to_ascii_uppercase()),
            (_, 4) if part.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push_str(&part[..1].to_ascii_uppercase());
                out.push_str(&part[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// The language a file-name suffix (`launch.de.md`) names, if any. Only known
/// languages and configured tags count, so that `report.old.md` is not read
/// as a language `old`.
pub fn suffix_language(suffix: &str, configured: &[String]) -> Option<String> {
    let tag = normalize_tag(suffix)?;
    if configured.iter().any(|c| c.eq_ignore_ascii_case(&tag)) {
        return Some(tag);
    }
    let primary = primary_subtag(&tag);
    let known = DETECTABLE.iter().any(|(_, code)| *code == primary)
        || SUFFIX_ONLY_LANGUAGES.contains(&primary);
    known.then_some(tag)
}

/// Languages a file-name suffix may name that detection does not know:
/// Europe's smaller languages, which a multilingual site publishes beside
/// the large ones (`news.rm.md` beside `news.de.md` in Switzerland). Any
/// other suffix counts once the configuration names its language.
const SUFFIX_ONLY_LANGUAGES: &[&str] = &[
    "rm", "lb", "ga", "cy", "sq", "eu", "gl", "is", "mt", "fy", "br", "gd", "oc", "co", "bs",
    "gsw", "fo", "se", "kw", "gv", "wa", "ast", "an", "sc", "fur", "lld", "no", "nb", "nn",
];

/// Below this many words a detected language is reported as uncertain:
/// a brief of two short sentences full of names ("Dr. med. Hans Müller ist
/// neuer Chefarzt der Charité. Er kommt aus Hamburg.") can read as French.
const MIN_CERTAIN_WORDS: usize = 20;
/// The detector's own confidence below which it is guessing.
const MIN_CONFIDENCE: f64 = 0.02;

/// Languages a newsroom's archive may hold besides the configured ones, and
/// that the configured ones could be mistaken for. Detecting among these
/// too is how an article in Portuguese is noticed rather than published as
/// Spanish; detecting among all of whatlang's languages would cost several
/// times more for every article.
const NEIGHBOURS: &[Lang] = &[
    Lang::Cat,
    Lang::Ces,
    Lang::Dan,
    Lang::Deu,
    Lang::Eng,
    Lang::Fra,
    Lang::Hrv,
    Lang::Hun,
    Lang::Ita,
    Lang::Nld,
    Lang::Nob,
    Lang::Pol,
    Lang::Por,
    Lang::Ron,
    Lang::Spa,
    Lang::Swe,
    Lang::Tur,
];

/// The languages each language is most often mistaken for, within its
/// family. Together with English, the language most often found in an
/// archive by mistake, they make the first screen (see
/// [`LanguageDetector::detect`]).
const RELATIVES: &[(Lang, &[Lang])] = &[
    (Lang::Deu, &[Lang::Nld, Lang::Dan, Lang::Nob, Lang::Swe]),
    (Lang::Eng, &[Lang::Nld, Lang::Dan]),
    (Lang::Fra, &[Lang::Cat, Lang::Ita, Lang::Spa, Lang::Por]),
    (Lang::Spa, &[Lang::Por, Lang::Cat, Lang::Ita]),
    (Lang::Ita, &[Lang::Spa, Lang::Por, Lang::Cat]),
    (Lang::Por, &[Lang::Spa, Lang::Cat, Lang::Ita]),
    (Lang::Cat, &[Lang::Spa, Lang::Fra, Lang::Ita]),
    (Lang::Nld, &[Lang::Deu, Lang::Afr, Lang::Dan]),
];

/// Detects the language among the configured tags.
pub struct LanguageDetector {
    restricted: Detector,
    /// The configured languages, their [`RELATIVES`] and English: enough
    /// to be sure of most articles.
    first_screen: Detector,
    /// The configured languages and their [`NEIGHBOURS`], for articles the
    /// first screen is not sure of.
    screen: Detector,
    /// Configured tag for each detectable primary language.
    tags: Vec<(Lang, String)>,
}

/// The outcome of detecting one text.
#[derive(Debug, Clone, PartialEq)]
pub enum Detection {
    Found {
        tag: String,
        /// A language outside the configured ones that the text looks more
        /// like, reliably: worth a warning.
        outside: Option<&'static str>,
        /// Too little text to be sure: worth a warning.
        uncertain: bool,
    },
    /// Too little text, or none of the configured languages.
    Unknown,
}

impl LanguageDetector {
    /// `configured` are the tags to detect among; tags whose primary language
    /// the detector does not know can only be set explicitly.
    pub fn new(configured: &[String]) -> LanguageDetector {
        let mut tags = Vec::new();
        for tag in configured {
            let primary = primary_subtag(tag).to_ascii_lowercase();
            if let Some((lang, _)) = DETECTABLE.iter().find(|(_, code)| *code == primary) {
                // The first tag of a primary language wins (`de` before `de-CH`).
                if !tags.iter().any(|(l, _)| l == lang) {
                    tags.push((*lang, tag.clone()));
                }
            }
        }
        let configured: Vec<Lang> = tags.iter().map(|(lang, _)| *lang).collect();
        let mut screened = configured.clone();
        screened.extend(NEIGHBOURS.iter().filter(|l| !configured.contains(l)));
        let mut first = configured.clone();
        for lang in &configured {
            let relatives = RELATIVES
                .iter()
                .find(|(l, _)| l == lang)
                .map_or(NEIGHBOURS, |(_, relatives)| *relatives);
            first.extend(relatives);
        }
        first.push(Lang::Eng);
        first.sort_by_key(|l| l.code());
        first.dedup();
        LanguageDetector {
            restricted: Detector::with_allowlist(configured),
            first_screen: Detector::with_allowlist(first),
            screen: Detector::with_allowlist(screened),
            tags,
        }
    }

    pub fn detect(&self, text: &str) -> Detection {
        if self.tags.is_empty() {
            return Detection::Unknown;
        }
        let sample = detection_sample(text, DETECTION_SAMPLE_BYTES);
        // Most articles are plainly in a configured language, which a few
        // languages show; trigram detection costs in proportion to the
        // languages compared, and this is half of a plain-text build.
        let screened = match self.first_screen.detect(sample) {
            Some(first)
                if self.tag_of(first.lang()).is_some() && first.confidence() >= MIN_CONFIDENCE =>
            {
                first
            }
            _ => match self.screen.detect(sample) {
                Some(screened) => screened,
                None => return Detection::Unknown,
            },
        };
        // The winner among more languages, when configured, is also the
        // winner among the configured ones, only with less confidence; the
        // second detection is needed when it is not configured, or when
        // that confidence matters.
        let (chosen, outside) = match self.tag_of(screened.lang()) {
            Some(_) if screened.confidence() >= MIN_CONFIDENCE => {
                ((screened.lang(), screened.confidence()), None)
            }
            configured => {
                let Some(info) = self.restricted.detect(sample) else {
                    return Detection::Unknown;
                };
                let outside = match configured {
                    None if screened.is_reliable() => DETECTABLE
                        .iter()
                        .find(|(lang, _)| *lang == screened.lang())
                        .map(|(_, code)| *code),
                    _ => None,
                };
                ((info.lang(), info.confidence()), outside)
            }
        };
        let Some(tag) = self.tag_of(chosen.0) else {
            return Detection::Unknown;
        };
        // Trigram statistics need a few sentences; below that the answer
        // is a guess even when it is right.
        let words = text.split_whitespace().take(MIN_CERTAIN_WORDS).count();
        let uncertain = words < MIN_CERTAIN_WORDS || chosen.1 < MIN_CONFIDENCE;
        Detection::Found {
            tag: tag.clone(),
            outside,
            uncertain,
        }
    }

    fn tag_of(&self, lang: Lang) -> Option<&String> {
        self.tags
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, tag)| tag)
    }
}

/// Trigram statistics settle within a paragraph or two (some 80 words);
/// reading a whole long article only costs time — counting the sample's
/// trigrams is most of a detection. The sample ends at a word boundary.
const DETECTION_SAMPLE_BYTES: usize = 512;

fn detection_sample(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => &text[..space],
        _ => &text[..end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five() -> Vec<String> {
        ["de", "en", "es", "fr", "it"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn two_letter_tags_must_name_a_language() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        let configured = five();
        for tag in ["de", "fr-CH", "en-GB", "nb", "gsw", "zh-Hant-TW"] {
            assert_eq!(unknown_language(tag, &configured), None, "{tag}");
        }
        let message = unknown_language("ge", &configured).unwrap();
        assert!(
            message.contains("`ge`") && message.contains("did you mean `de`"),
            "{message}"
        );
        let message = unknown_language("xx-CH", &configured).unwrap();
        assert!(
            message.contains("`xx`") && !message.contains("did you mean"),
            "{message}"
        );
    }

    #[test]
    fn retired_codes_are_told_the_current_one() {
        let configured = five();
        for (old, current) in [
            ("iw", "he"),
            ("in", "id"),
            ("ji", "yi"),
            ("jw", "jv"),
            ("mo", "ro"),
        ] {
            let message = unknown_language(old, &configured).unwrap();
            assert!(
                message.contains(&format!("write `{current}`"))
                    && !message.contains("did you mean"),
                "{message}"
            );
        }
    }

    #[test]
    fn codes_of_iso_639_3_only_are_named() {
        assert!(ISO_639_2.windows(2).all(|w| w[0] < w[1]));
        assert!(MACROLANGUAGES.windows(2).all(|w| w[0] < w[1]));
        for tag in ["de", "deu", "ger", "gsw-CH", "fur", "ast", "zh-Hant", "und"] {
            assert_eq!(not_in_iso_639_2(tag), None, "{tag}");
        }
        let message = not_in_iso_639_2("yue-HK").unwrap();
        assert!(
            message.contains("`yue` is ISO 639-3 only")
                && message.contains("hreflang=\"yue-HK\"")
                && message.contains("`zh`"),
            "{message}"
        );
        for tag in ["ckb", "arz", "lld"] {
            assert!(not_in_iso_639_2(tag).is_some(), "{tag}");
        }
        assert!(!not_in_iso_639_2("lld").unwrap().contains("macrolanguage"));
    }

    #[test]
    fn tags() {
        assert_eq!(normalize_tag("de_ch").as_deref(), Some("de-CH"));
        assert_eq!(normalize_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(
            normalize_tag("en-us-u-NU-thai").as_deref(),
            Some("en-US-u-nu-thai")
        );
        assert_eq!(normalize_tag("de-DE-x-AB").as_deref(), Some("de-DE-x-ab"));
        assert_eq!(normalize_tag("../../etc"), None);
        assert_eq!(normalize_tag("deutsch"), None);
        assert_eq!(suffix_language("old", &five()), None);
        assert_eq!(suffix_language("v2", &five()), None);
        assert_eq!(suffix_language("pt", &five()).as_deref(), Some("pt"));
        assert_eq!(suffix_language("rm", &five()).as_deref(), Some("rm"));
    }

    #[test]
    fn detects_the_five_languages() {
        let d = LanguageDetector::new(&five());
        let cases = [
            ("de", "Die Stadt hat am Montag beschlossen, den Hafen zu erweitern und neue Arbeitsplätze zu schaffen."),
            ("en", "The city council decided on Monday to expand the harbour and create new jobs for young people."),
            ("es", "El ayuntamiento decidió el lunes ampliar el puerto y crear nuevos puestos de trabajo para los jóvenes."),
            ("fr", "Le conseil municipal a décidé lundi d'agrandir le port et de créer de nouveaux emplois pour les jeunes."),
            ("it", "Il consiglio comunale ha deciso lunedì di ampliare il porto e creare nuovi posti di lavoro per i giovani."),
        ];
        for (want, text) in cases {
            match d.detect(text) {
                Detection::Found { tag, .. } => assert_eq!(tag, want, "{text}"),
                Detection::Unknown => panic!("no language for {text}"),
            }
        }
    }

    #[test]
    fn configured_regional_tags_are_returned() {
        let d = LanguageDetector::new(&["de-CH".to_string(), "fr-CH".to_string()]);
        let text =
            "Der Bundesrat hat am Mittwoch die neue Verordnung verabschiedet, die ab Januar gilt.";
        assert!(matches!(d.detect(text), Detection::Found { tag, .. } if tag == "de-CH"));
    }

    /// An article in a language that is not configured is noticed, whether
    /// it is a close relative of a configured one (Portuguese for Spanish,
    /// Dutch for German), or far from all of them (Polish, Turkish).
    #[test]
    fn languages_outside_the_configured_ones_are_named() {
        let cases = [
            (&["es"][..], "pt", "A prefeitura decidiu na segunda-feira ampliar o porto e criar novos empregos para os jovens da cidade, disse o presidente da câmara."),
            (&["de", "fr"][..], "nl", "De gemeenteraad heeft maandag besloten de haven uit te breiden en nieuwe banen te scheppen voor jongeren in de stad, zei de burgemeester."),
            (&["de", "fr"][..], "pl", "Rada miasta postanowiła w poniedziałek rozbudować port i stworzyć nowe miejsca pracy dla młodych ludzi, powiedział burmistrz."),
            (&["en", "it"][..], "tr", "Belediye meclisi pazartesi günü limanı genişletmeye ve gençler için yeni iş alanları yaratmaya karar verdi, dedi belediye başkanı."),
        ];
        for (configured, want, text) in cases {
            let configured: Vec<String> = configured.iter().map(|s| s.to_string()).collect();
            match LanguageDetector::new(&configured).detect(text) {
                Detection::Found { outside, .. } => assert_eq!(outside, Some(want), "{text}"),
                Detection::Unknown => panic!("nothing detected for {text}"),
            }
        }
    }
}
