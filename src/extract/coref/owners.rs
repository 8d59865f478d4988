//! Owners: the country or body a role belongs to ("Saudi Arabia's foreign
//! minister", "the French foreign minister", "the UN's envoy"), and whether a
//! person's description names the same owner, another one, or none.

use super::super::lexicon;

/// What a person's description says about an owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same owner: "Saudi Arabia's" or "Saudi" for Saudi Arabia.
    Same,
    /// Another owner: "France's" or "French" for Oman.
    Other,
    /// No owner named.
    Unknown,
}

/// The owner a role phrase names with a possessive, lowercase, without the
/// possessive: "Saudi Arabia's foreign minister" -> "saudi arabia", "the
/// United Nations’ top official" -> "united nations".
pub fn of_role(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = words.iter().rposition(|w| possessive_stem(w).is_some())?;
    let owner: Vec<String> = words[..=last]
        .iter()
        .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
        .map(|w| possessive_stem(w).unwrap_or(w).to_lowercase())
        .collect();
    (!owner.is_empty()).then(|| owner.join(" "))
}

/// The word without its possessive ending, if it has one.
fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| {
            let plural = word.strip_suffix(['\'', '’'])?;
            plural.ends_with(['s', 'S']).then_some(plural)
        })
        .filter(|stem| !stem.is_empty())
}

/// How a person's description words (`roles`, lowercase) relate to `owner`.
pub fn relation(owner: &str, roles: &[String]) -> Relation {
    let mut other = false;
    for role in roles {
        let (word, possessive) = match possessive_stem(role) {
            Some(stem) => (stem, true),
            None => (role.as_str(), false),
        };
        if names(owner, word) || names_last(owner, word, roles) {
            return Relation::Same;
        }
        other |= possessive || is_nationality(word);
    }
    if other {
        Relation::Other
    } else {
        Relation::Unknown
    }
}

/// Whether a person's description words (`roles`, lowercase) give the
/// nationality `adjective`: the word itself ("iranian") or its country's
/// possessive ("iran's").
pub fn gives_nationality(adjective: &str, roles: &[String]) -> bool {
    roles
        .iter()
        .any(|r| r == adjective || possessive_stem(r).is_some_and(|owner| names(owner, adjective)))
}

/// Whether a person's description words name no owner at all: no
/// nationality ("french") and no possessive ("iran's").
pub fn names_no_owner(roles: &[String]) -> bool {
    !roles
        .iter()
        .any(|r| is_nationality(r) || possessive_stem(r).is_some())
}

/// Does `word` name `owner`: its last word, its initials ("un" for "united
/// nations") or its people ("french" for "france", "kestrian" for "kestria")?
fn names(owner: &str, word: &str) -> bool {
    let word = word.to_lowercase();
    let last = owner.split_whitespace().last().unwrap_or(owner);
    let initials: String = owner
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    let dotless = word.replace('.', "");
    word == last
        || word == owner
        || (initials.chars().count() > 1 && dotless == initials)
        || demonym_of(owner, &word)
}

/// Does `word` name a place of several words by the people of its last
/// word, with the others written in `roles` too ("north" and "korean" for
/// "north korea")?
fn names_last(owner: &str, word: &str, roles: &[String]) -> bool {
    let mut words: Vec<&str> = owner.split_whitespace().collect();
    let Some(last) = words.pop() else {
        return false;
    };
    !words.is_empty()
        && demonym_of(last, &word.to_lowercase())
        && words.iter().all(|w| roles.iter().any(|r| r == w))
}

pub use lexicon::demonym_of;

/// A nationality word that names some owner ("french", "iranian").
pub fn is_nationality(word: &str) -> bool {
    lexicon::DEMONYMS.iter().any(|(_, a)| *a == word)
        || lexicon::is_in(lexicon::NATIONALITIES, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn owners_come_from_possessives() {
        let cases = [
            ("Saudi Arabia's foreign minister", Some("saudi arabia")),
            (
                "the United Nations’ top humanitarian official",
                Some("united nations"),
            ),
            ("Vellmark’s envoy", Some("vellmark")),
            ("the foreign minister", None),
        ];
        for (text, owner) in cases {
            assert_eq!(of_role(text).as_deref(), owner, "{text}");
        }
    }

    #[test]
    fn descriptions_name_the_same_owner_another_or_none() {
        let cases: &[(&str, &[&str], Relation)] = &[
            ("france", &["french", "foreign", "minister"], Relation::Same),
            ("kestria", &["kestrian", "envoy"], Relation::Same),
            ("oman", &["french", "foreign", "minister"], Relation::Other),
            (
                "oman",
                &["germany's", "economy", "minister"],
                Relation::Other,
            ),
            (
                "germany",
                &["germany's", "economy", "minister"],
                Relation::Same,
            ),
            (
                "united nations",
                &["un", "humanitarian", "coordinator"],
                Relation::Same,
            ),
            ("kestria", &["the", "minister"], Relation::Unknown),
            ("iran", &["iraqi", "envoy"], Relation::Other),
            // a place of two words by its people's name and its first word
            (
                "east varnia",
                &["the", "east", "varnian", "minister"],
                Relation::Same,
            ),
            (
                "east varnia",
                &["the", "west", "varnian", "minister"],
                Relation::Unknown,
            ),
        ];
        for (owner, words, relation) in cases {
            assert_eq!(
                super::relation(owner, &roles(words)),
                *relation,
                "{owner} {words:?}"
            );
        }
    }

    #[test]
    fn demonyms_regular_and_listed() {
        for (place, adjective, expected) in [
            ("germany", "german", true),
            ("iran", "iranian", true),
            ("oman", "omani", true),
            ("china", "chinese", true),
            ("solmara", "solmaran", true),
            ("netherlands", "dutch", true),
            ("france", "french", true),
            ("iran", "iraqi", false),
            ("oman", "foreign", false),
            ("france", "franc", false),
        ] {
            assert_eq!(
                demonym_of(place, adjective),
                expected,
                "{place} {adjective}"
            );
        }
    }
}
