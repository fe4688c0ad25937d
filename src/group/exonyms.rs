//! The names a country has in each language.
//!
//! Pairing counts the names two articles share, but a translation does not
//! keep every name as written: Deutschland is Allemagne in French and
//! Germania in Italian, die Schweiz is la Suisse. Read as they are, such
//! names stand *against* a translation (each article has a name the other
//! lacks). Every form below is read as one name, the English one, so they
//! count for it. Only one-word names are listed, since evidence is made of
//! single words.
//!
//! Cities (Zürich and Zurigo) and institutions (the EU and the UE, the ECB
//! and the EZB) are not, though they would link more translations: on the
//! corpora of the tests they also linked stories that share a city or a
//! central bank and no more (a report of farmers protesting in Brussels to
//! Macron's concessions there, a mortgage explainer to the rate cut it
//! explains), where a country is too common in the news to do so.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Each name, then its other forms (folded: lowercase, without accents,
/// as `signals::normalize` writes them; `ü` is `u` there).
const NAMES: &[(&str, &[&str])] = &[
    // Countries.
    (
        "germany",
        &[
            "deutschland",
            "allemagne",
            "germania",
            "alemania",
            "duitsland",
            "alemanha",
        ],
    ),
    ("france", &["frankreich", "francia", "frankrijk", "franca"]),
    ("italy", &["italien", "italie", "italia"]),
    (
        "spain",
        &[
            "spanien", "espagne", "spagna", "espana", "spanje", "espanha",
        ],
    ),
    (
        "switzerland",
        &[
            "schweiz",
            "suisse",
            "svizzera",
            "suiza",
            "zwitserland",
            "suica",
        ],
    ),
    (
        "austria",
        &["osterreich", "oesterreich", "autriche", "oostenrijk"],
    ),
    (
        "belgium",
        &["belgien", "belgique", "belgio", "belgica", "belgie"],
    ),
    ("netherlands", &["niederlande", "nederland"]),
    ("poland", &["polen", "pologne", "polonia"]),
    (
        "greece",
        &["griechenland", "grece", "grecia", "griekenland"],
    ),
    (
        "turkey",
        &[
            "turkei", "tuerkei", "turquie", "turchia", "turquia", "turkije", "turkiye",
        ],
    ),
    ("russia", &["russland", "russie", "rusia", "rusland"]),
    ("ukraine", &["ucraina", "ucrania", "oekraine"]),
    ("china", &["chine", "cina"]),
    ("japan", &["japon", "giappone"]),
    (
        "sweden",
        &["schweden", "suede", "svezia", "suecia", "zweden"],
    ),
    (
        "norway",
        &["norwegen", "norvege", "norvegia", "noruega", "noorwegen"],
    ),
    (
        "denmark",
        &["danemark", "danimarca", "dinamarca", "denemarken"],
    ),
    ("finland", &["finnland", "finlande", "finlandia"]),
    (
        "hungary",
        &["ungarn", "hongrie", "ungheria", "hungria", "hongarije"],
    ),
    ("romania", &["rumanien", "roumanie", "rumania", "roemenie"]),
    (
        "croatia",
        &["kroatien", "croatie", "croazia", "croacia", "kroatie"],
    ),
    ("ireland", &["irland", "irlande", "irlanda", "ierland"]),
    ("portugal", &["portogallo"]),
    (
        "england",
        &["angleterre", "inghilterra", "inglaterra", "engeland"],
    ),
    (
        "scotland",
        &["schottland", "ecosse", "scozia", "escocia", "schotland"],
    ),
    ("mexico", &["mexiko", "mexique", "messico"]),
    ("brazil", &["brasilien", "bresil", "brasile", "brasil"]),
    (
        "egypt",
        &["agypten", "aegypten", "egypte", "egitto", "egipto"],
    ),
    ("israel", &["israele"]),
    ("jamaica", &["jamaika", "jamaique", "giamaica"]),
    ("kenya", &["kenia"]),
    ("tanzania", &["tansania", "tanzanie"]),
    ("canada", &["kanada"]),
    ("cuba", &["kuba"]),
    ("argentina", &["argentinien", "argentine"]),
    ("chile", &["chili", "cile"]),
    ("colombia", &["kolumbien", "colombie"]),
    ("india", &["indien", "inde"]),
    ("syria", &["syrien", "syrie", "siria"]),
    ("lebanon", &["libanon", "liban", "libano"]),
    ("iraq", &["irak"]),
    (
        "morocco",
        &["marokko", "maroc", "marocco", "marruecos", "marrocos"],
    ),
    ("algeria", &["algerien", "algerie", "argelia"]),
    ("tunisia", &["tunesien", "tunisie", "tunez"]),
    ("libya", &["libyen", "libye", "libia"]),
    (
        "ethiopia",
        &["athiopien", "aethiopien", "ethiopie", "etiopia"],
    ),
    ("somalia", &["somalie"]),
    ("australia", &["australien", "australie"]),
    ("indonesia", &["indonesien", "indonesie"]),
    ("thailand", &["thailande", "tailandia"]),
    ("philippines", &["philippinen", "filipinas", "filippine"]),
    ("serbia", &["serbien", "serbie"]),
    ("bulgaria", &["bulgarien", "bulgarie"]),
    (
        "slovakia",
        &["slowakei", "slovaquie", "eslovaquia", "slovacchia"],
    ),
    ("slovenia", &["slowenien", "slovenie", "eslovenia"]),
    ("lithuania", &["litauen", "lituanie", "lituania"]),
    ("latvia", &["lettland", "lettonie", "letonia", "lettonia"]),
    ("estonia", &["estland", "estonie"]),
    ("luxembourg", &["luxemburg", "lussemburgo", "luxemburgo"]),
    ("cyprus", &["zypern", "chypre", "cipro", "chipre"]),
    ("czechia", &["tschechien", "tchequie", "cechia", "chequia"]),
    ("afghanistan", &["afganistan"]),
];

/// Every form of every name, mapped to the name.
static FORMS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    NAMES
        .iter()
        .flat_map(|&(name, forms)| forms.iter().map(move |&form| (form, name)))
        .collect()
});

/// Whether a folded word names a country listed here, in any language.
pub fn is_country(folded: &str) -> bool {
    one_name(folded).is_some() || NAMES.iter().any(|(name, _)| *name == folded)
}

/// The name a folded word is another form of, if it is one.
pub fn one_name(folded: &str) -> Option<&'static str> {
    FORMS.get(folded).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_as_the_english_name() {
        for form in ["allemagne", "germania", "svizzera", "suica", "oesterreich"] {
            assert!(one_name(form).is_some(), "{form}");
        }
        assert_eq!(one_name("suisse"), one_name("schweiz"));
        assert_eq!(one_name("lufthansa"), None);
    }
}
