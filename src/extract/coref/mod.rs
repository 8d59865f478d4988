//! Coreference: one canonical speaker per person or body in the article.
//!
//! Mentions are read in order. A name joins the most recent person whose name
//! ends with it ("Kovač" -> "Anna Kovač", "Mr. Le Bihan" -> "Ronan Le
//! Bihan"), a body joins the most recent body with the same head noun and
//! words ("the Commission" -> "the European Commission"), a role joins the
//! most recent person with that role ("the minister"), and a pronoun the most
//! recent speaker that fits ("he"/"she": a person of that gender or of unknown
//! gender; "they": a group, else a body; "it": a body). A claim with no
//! attribution belongs to the previous claim's speaker.
//!
//! Companies ("Tanjung Energy", "carrier Nordlys Air") are remembered from
//! their names even outside statements: "the company" / "the firm" refers to
//! the latest company, "the airline" to the latest airline, and the first word
//! of a company's name ("Tanjung") to that company. A role with an indefinite
//! determiner ("a senior official") is always someone new; "she" prefers a
//! person known to be a woman to one of unknown gender.
//!
//! Canonical names: a person's fullest name found anywhere in the article
//! (without titles), a body's first form ("the Kremlin").

pub(super) mod owners;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use owners::Relation;

use super::StatementKind;
use super::attribution::{Attribution, Form, Gender, Mention, Pronoun, Source, Usage};
use super::lexicon;

/// How far back pronouns and roles look, in recent mentions.
const RECENT_WINDOW: usize = 64;
/// How recent an unnamed person known by a role alone must be for a newly
/// named person with that role to be them, in recent mentions.
const STAND_IN_REACH: usize = 4;

#[derive(Debug)]
enum Kind {
    Person(Vec<String>),
    Body {
        text: String,
        words: Vec<String>,
        plural: bool,
    },
}

/// Whether a body is a company, and which kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Company {
    #[default]
    No,
    Yes,
    Airline,
}

impl Company {
    /// What a body mention tells: a company name ("Tanjung Energy", "Nordlys
    /// Air") or a name introduced by a company noun ("carrier Nordlys").
    fn of(mention: &Mention) -> Company {
        let Form::Body { text, head, .. } = &mention.form else {
            return Company::No;
        };
        let named = text
            .split_whitespace()
            .find(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let mut name = text
            .split_whitespace()
            .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w));
        let air_first = matches!(
            (name.next(), name.next(), name.next()),
            (Some(first), Some(second), None)
                if lexicon::is_in(lexicon::AIRLINE_NAME_FIRSTS, first)
                    && !lexicon::is_in(lexicon::BODIES, second)
                    && !lexicon::is_in(lexicon::GROUPS, second)
        );
        let airline = lexicon::is_in(lexicon::AIRLINE_NAME_HEADS, head)
            || air_first
            || mention
                .roles
                .iter()
                .any(|r| lexicon::is_in(lexicon::AIRLINE_NOUNS, r));
        let company = lexicon::is_in(lexicon::ORG_NAME_HEADS, head)
            || (named && lexicon::is_in(lexicon::COMPANY_NOUNS, head))
            || mention
                .roles
                .iter()
                .any(|r| lexicon::is_in(lexicon::COMPANY_NOUNS, r));
        match (named && airline, company || (named && airline)) {
            (true, _) => Company::Airline,
            (false, true) => Company::Yes,
            _ => Company::No,
        }
    }

    /// Can a body of this kind be called `noun` ("the airline")?
    fn answers_to(self, noun: &str) -> bool {
        match self {
            Company::No => false,
            Company::Yes => !lexicon::is_in(lexicon::AIRLINE_NOUNS, noun),
            Company::Airline => true,
        }
    }
}

#[derive(Debug)]
struct Entity {
    kind: Kind,
    gender: Gender,
    roles: Vec<String>,
    company: Company,
    /// Known only from a name outside any statement: a speaker's own form
    /// of the same name ("the Southern Power Corporation") replaces it.
    provisional: bool,
    /// An unnamed person known by a role ("Saudi Arabia's foreign
    /// minister", "the minister"): the role's head, the owner it names, and
    /// whether it was indefinite ("a senior official": never named later).
    stand_in: Option<StandIn>,
}

#[derive(Debug, Clone)]
struct StandIn {
    head: String,
    owner: Option<String>,
    modifiers: Vec<String>,
    indefinite: bool,
}

impl Entity {
    fn canonical(&self) -> String {
        match &self.kind {
            Kind::Person(name) => name.join(" "),
            Kind::Body { text, .. } => text.clone(),
        }
    }

    fn learn(&mut self, mention: &Mention) {
        self.company = self.company.max(Company::of(mention));
        if self.gender == Gender::Unknown {
            self.gender = mention.gender;
        }
        for role in &mention.roles {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
    }
}

/// Does the name `long` end with `short`? Case is ignored, so a particle
/// capitalised at a sentence start still matches ("Al-Masri", "al-Masri").
fn ends_with(long: &[String], short: &[String]) -> bool {
    !short.is_empty()
        && long.len() >= short.len()
        && long[long.len() - short.len()..]
            .iter()
            .zip(short)
            .all(|(a, b)| same_lowercase(a, b))
}

/// Do two words read the same lowercase (`a.to_lowercase() ==
/// b.to_lowercase()`)? ASCII words are compared without allocating.
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Appends `value` to the list under `key`, allocating the key only when
/// it is new.
fn push_keyed<V>(map: &mut HashMap<String, Vec<V>>, key: &str, value: V) {
    match map.get_mut(key) {
        Some(list) => list.push(value),
        None => {
            map.insert(key.to_string(), vec![value]);
        }
    }
}

/// The lists hold lowercase entries only (a lexicon test), so the hashed
/// look-up of a lowercased name answers as a scan for it.
fn gender_of_first_name(name: &[String]) -> Gender {
    let first = match name {
        [first, _, ..] => first.to_lowercase(),
        _ => return Gender::Unknown,
    };
    if lexicon::is_in(lexicon::MALE_NAMES, &first) {
        Gender::Male
    } else if lexicon::is_in(lexicon::FEMALE_NAMES, &first) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// Resolves the speaker of every claim of `article` to a canonical name.
pub fn resolve(article: &str, attribution: &Attribution) -> Vec<Option<String>> {
    let mut resolver = Resolver::new(article, &attribution.mentions);
    let entity_of: Vec<Option<usize>> = attribution
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| resolver.resolve(i, m))
        .collect();
    let mut previous = None;
    let mut entities: Vec<Option<usize>> = attribution
        .claims
        .iter()
        .map(|claim| {
            if claim.kind == StatementKind::Headline {
                return None;
            }
            let entity = match claim.source {
                Source::Mention(i) => entity_of.get(i).copied().flatten(),
                Source::Previous => previous,
            };
            previous = entity;
            entity
        })
        .collect();
    for (c, claim) in attribution.claims.iter().enumerate() {
        if let (StatementKind::Headline, Source::Mention(m)) = (claim.kind, claim.source) {
            let after = entities[c + 1..].iter().flatten().copied();
            entities[c] = resolver.headline(m, &attribution.mentions[m], after);
        }
    }
    entities
        .into_iter()
        .map(|e| e.map(|e| resolver.entities[e].canonical()))
        .collect()
}

/// "the three countries", "the allies": a definite plural that refers back
/// to a list of names; how many, when it says.
fn list_reference(text: &str, head: &str, words: &[String]) -> Option<Option<usize>> {
    if !is_definite(text) || !lexicon::is_in(lexicon::LIST_NOUNS, head) {
        return None;
    }
    match words {
        [only] if only == head => Some(None),
        [count, last] if last == head => {
            let n = lexicon::NUMBER_WORDS.iter().position(|w| w == count)? + 1;
            Some(Some(n))
        }
        _ => None,
    }
}

/// The members of a list of names, as headline words in order: "Ostland,
/// Vellmark" and "Vellmark and Ostland" hold the same two.
fn list_members(text: &str) -> Vec<String> {
    let mut members: Vec<String> = text
        .split(',')
        .flat_map(|item| item.split(" and "))
        .map(|item| {
            item.split_whitespace()
                .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, &w.to_lowercase()))
                .map(headline_word)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|item| !item.is_empty())
        .collect();
    members.sort();
    members
}

/// How many names a list holds: "Britain, France and Germany" holds three.
fn list_size(text: &str) -> usize {
    text.split(", ")
        .flat_map(|item| item.split(" and "))
        .filter(|item| !item.trim().is_empty())
        .count()
}

/// How many of the first statements after a headline may be the one it sums up.
const HEADLINE_REACH: usize = 3;

/// A word of a name or role as compared with a headline's words: lowercase,
/// without a possessive or a plural "s" ("Farmers'" = "farmer", "rebels" =
/// "rebel").
fn headline_word(word: &str) -> String {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    let stem = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(&lower);
    let stem = if stem.len() > 3 && stem.ends_with('s') && !stem.ends_with("ss") {
        &stem[..stem.len() - 1]
    } else {
        stem
    };
    stem.to_string()
}

/// "Ostland's defence ministry" or "the Ostland foreign ministry" for the
/// headline's "Ostland": the body belongs to what the headline names (its
/// name as a possessive, or before a common noun), so it speaks for it;
/// "the Ostland Coast Guard" is a body with a proper name of its own.
///
/// The headline must name the owner alone: "Myanmar junta" is not "the
/// Myanmar foreign ministry", whose owner is only "Myanmar".
fn owned_by_headline(canonical: &str, words: &[String]) -> bool {
    let names: Vec<&str> = canonical.split_whitespace().collect();
    let owners: Vec<String> = names
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let w = w.replace('\u{2019}', "'");
            let common_after = names
                .get(i + 1)
                .is_some_and(|next| next.chars().next().is_some_and(char::is_lowercase));
            (w.ends_with("'s") || common_after).then(|| headline_word(&w))
        })
        .collect();
    owners.iter().any(|o| words.contains(o)) && words.iter().all(|w| owners.contains(w))
}

/// A body called by its proper name, every word capitalised ("Turkey",
/// "White House", "UN"), as opposed to a common noun ("union", "Harbour
/// union") or a plural group ("Western powers").
fn named_body(form: &Form) -> bool {
    let Form::Body { text, head, .. } = form else {
        return false;
    };
    !lexicon::is_in(lexicon::GROUPS, head)
        && !role_abbreviation(head)
        && text
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A headline's group of people with a named owner ("EU ministers",
/// "Western diplomats"): the group speaks, not the one member the lead
/// quotes first.
fn owned_group(form: &Form) -> bool {
    matches!(form, Form::Body { text, head, plural: true, .. }
        if has_capital(text) && lexicon::is_in(lexicon::ROLES, &headline_word(head)))
}

/// Whether any word of a phrase starts with a capital letter.
/// Does the phrase open with "the"?
fn is_definite(text: &str) -> bool {
    text.split_whitespace().next() == Some("the")
}

fn has_capital(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A title's shorthand ("FM", "PM"): a person, not a body or a place.
fn role_abbreviation(word: &str) -> bool {
    lexicon::role_abbreviation(word).is_some()
}

/// "The Russian deputy FM said": a title's shorthand taken for a name is
/// the role it stands for ("russian deputy foreign minister"), which finds
/// the person who holds it.
/// The letters of a word written as an acronym, in capitals with or without
/// full stops ("CEC", "U.N."), lowercase ("cec", "un"); none for any other
/// word.
fn acronym_letters(word: &str) -> Option<String> {
    word.chars().all(|c| c.is_uppercase() || c == '.').then(|| {
        word.chars()
            .filter(|c| *c != '.')
            .collect::<String>()
            .to_lowercase()
    })
}

/// The words a person's or body's mention names them by ("North Korea",
/// "the Philippines"); none for a role or a pronoun.
fn name_text(mention: &Mention) -> Option<String> {
    match &mention.form {
        Form::Person(name) => Some(name.join(" ")),
        Form::Body { text, .. } => Some(text.clone()),
        _ => None,
    }
}

/// `mention` (its place and use) naming what `name` names: a short form
/// ("the CEC", "the North", "PH") read as the fuller mention it stands for.
fn named_as(mention: &Mention, name: &Mention) -> Mention {
    Mention {
        form: name.form.clone(),
        roles: name.roles.clone(),
        ..mention.clone()
    }
}

fn abbreviated_role(mention: &Mention) -> Option<Mention> {
    let Form::Person(name) = &mention.form else {
        return None;
    };
    let [word] = name.as_slice() else {
        return None;
    };
    let full = lexicon::role_abbreviation(word)?;
    let head = full.split_whitespace().last()?.to_string();
    let mut words: Vec<String> = mention.roles.clone();
    words.extend(full.split_whitespace().map(str::to_string));
    Some(Mention {
        form: Form::Role {
            text: format!("the {}", words.join(" ")),
            head,
        },
        roles: Vec::new(),
        ..mention.clone()
    })
}

struct Resolver<'a> {
    /// The article the mentions' spans index.
    article: &'a str,
    mentions: &'a [Mention],
    /// Full names (two words or more) by last word: (mention index, name).
    full_names: HashMap<String, Vec<(usize, &'a [String])>>,
    /// Full names of two or three words by first word, lowercase: the
    /// family name of a name written family name first ("Wu" for "Wu Qian").
    full_names_by_first: HashMap<String, Vec<(usize, &'a [String])>>,
    entities: Vec<Entity>,
    people_by_last: HashMap<String, Vec<usize>>,
    bodies_by_head: HashMap<String, Vec<usize>>,
    /// Named bodies of two words or more by their first word, lowercase
    /// ("tanjung" for "Tanjung Energy").
    bodies_by_first: HashMap<String, Vec<usize>>,
    /// Entities in order of their latest speaker or subject mention.
    recent: Vec<usize>,
    /// Companies in order of their latest mention, names included.
    companies: Vec<usize>,
    /// Bodies named by their proper name outside statements so far, as
    /// mention indices ("the Harbour Workers Union", "the TWU rail union").
    named_bodies: Vec<usize>,
    /// The entity the article's first speaker mention names: the lead's
    /// speaker, whom wire copy often names only further down.
    lead: Option<usize>,
}

impl<'a> Resolver<'a> {
    fn new(article: &'a str, mentions: &'a [Mention]) -> Self {
        // Each full name's last word, lowercase, once per mention.
        let lasts: Vec<Option<String>> = mentions
            .iter()
            .map(|m| match &m.form {
                Form::Person(name) if name.len() >= 2 => name.last().map(|l| l.to_lowercase()),
                _ => None,
            })
            .collect();
        // Sized for every full name up front: no rehashing while indexing.
        let full_count = lasts.iter().flatten().count();
        let mut full_names: HashMap<String, Vec<(usize, &[String])>> =
            HashMap::with_capacity_and_hasher(full_count, Default::default());
        let mut full_names_by_first: HashMap<String, Vec<(usize, &[String])>> =
            HashMap::with_capacity_and_hasher(full_count, Default::default());
        // A headline's casing and titles are its own ("Health CS ANNA
        // KOVAC"): the text's full name, when it has one, is the name.
        let text_lasts: HashSet<&str> = mentions
            .iter()
            .zip(&lasts)
            .filter(|(m, _)| m.usage != Usage::Headline)
            .filter_map(|(_, last)| last.as_deref())
            .collect();
        for (i, (mention, last)) in mentions.iter().zip(&lasts).enumerate() {
            let Some(last) = last.as_deref() else {
                continue;
            };
            if mention.usage == Usage::Headline && text_lasts.contains(last) {
                continue;
            }
            if let Form::Person(name) = &mention.form
                && let Some(first) = name.first()
            {
                push_keyed(&mut full_names, last, (i, name));
                if name.len() <= 3 {
                    push_keyed(&mut full_names_by_first, &first.to_lowercase(), (i, name));
                }
            }
        }
        Resolver {
            article,
            mentions,
            full_names,
            full_names_by_first,
            entities: Vec::new(),
            people_by_last: HashMap::default(),
            bodies_by_head: HashMap::default(),
            bodies_by_first: HashMap::default(),
            recent: Vec::new(),
            companies: Vec::new(),
            named_bodies: Vec::new(),
            lead: None,
        }
    }

    /// The speaker of a headline: among the first statements after it, the
    /// one whose speaker's name shares a word with the headline's
    /// ("Castellan" for "Castellan Mining"), else the first (the lead a
    /// headline sums up: "Aid chief says ..." for the coordinator the lead
    /// names), else the headline's own phrase.
    fn headline(
        &mut self,
        index: usize,
        mention: &Mention,
        after: impl Iterator<Item = usize>,
    ) -> Option<usize> {
        let words: Vec<String> = match &mention.form {
            Form::Person(name) => name.iter().map(|w| headline_word(w)).collect(),
            Form::Body { words, .. } => words.iter().map(|w| headline_word(w)).collect(),
            Form::Role { text, .. } => text.split_whitespace().map(headline_word).collect(),
            Form::Pronoun(_) => Vec::new(),
        };
        let words: Vec<String> = words
            .into_iter()
            .filter(|w| !lexicon::is_in(lexicon::FUNCTION_WORDS, w))
            .collect();
        let candidates: Vec<usize> = after.take(HEADLINE_REACH).collect();
        let itself = self.names_itself(mention);
        // "Myanmar junta": a body whose name holds a place is a body of its
        // own next to others of that place ("the Myanmar foreign ministry").
        // A body of the same kind ("Dockers' union", "the Portlabor union")
        // may still be the one the headline names.
        let named_kind = match &mention.form {
            Form::Body {
                text,
                head,
                plural: false,
                ..
            } if has_capital(text) => Some(headline_word(head)),
            _ => None,
        };
        // "U.N." and "UN" are one word.
        let without_stops =
            |ws: &[String]| ws.iter().map(|w| w.replace('.', "")).collect::<Vec<_>>();
        let words_without_stops = without_stops(&words);
        // "Ostland, Vellmark warn ..." and the lead's "Vellmark and
        // Ostland": one list, its members in another order.
        let headline_members = match &mention.form {
            Form::Body { text, .. } => list_members(text),
            _ => Vec::new(),
        };
        let shares_word_raw = |e: usize| {
            let canonical = self.entities[e].canonical();
            let theirs: Vec<String> = canonical
                .split_whitespace()
                .map(headline_word)
                .filter(|w| !lexicon::is_in(lexicon::FUNCTION_WORDS, w))
                .collect();
            // "Mali" in "Mali and Burkina Faso": one of a list, not a
            // modifier.
            let listed = || {
                canonical
                    .split([',', '&'])
                    .flat_map(|part| part.split(" and "))
                    .any(|part| {
                        let ws: Vec<String> = part
                            .split_whitespace()
                            .map(headline_word)
                            .filter(|w| {
                                !lexicon::is_in(lexicon::FUNCTION_WORDS, w)
                                    && !lexicon::is_in(lexicon::DETERMINERS, w)
                            })
                            .collect();
                        without_stops(&ws) == words_without_stops
                    })
            };
            // "Ostland protests ..." over "The Ostland Coast Guard said":
            // a place or body the headline names by itself is not a longer
            // body that borrows its name; a company's short name is its
            // company ("Castellan" for "Castellan Mining").
            let other_kind = named_kind
                .as_ref()
                .is_some_and(|head| !theirs.contains(head));
            let owned = owned_by_headline(&canonical, &words);
            let same_list =
                headline_members.len() >= 2 && list_members(&canonical) == headline_members;
            let listed = || same_list || listed();
            // "Ostland warns ..." over "Ostland's defence ministry said":
            // the headline names the place, and the place speaks, not the
            // ministry or minister of it the lead quotes.
            let owned_by_itself = itself && owned && !listed();
            let borrowed = owned_by_itself
                || (itself || other_kind)
                    && matches!(self.entities[e].kind, Kind::Body { .. })
                    && self.entities[e].company == Company::No
                    && !listed()
                    && !owned;
            let shared = theirs.iter().any(|w| words.contains(w));
            (shared, borrowed)
        };
        let shares_word = |e: usize| matches!(shares_word_raw(e), (true, false));
        // A body the lead names with a word of the headline's own body but
        // that is another body: the headline's body speaks for itself.
        let another_body = candidates
            .iter()
            .any(|&e| matches!(shares_word_raw(e), (true, true)));
        let named_person = |e: usize| {
            matches!(self.entities[e].kind, Kind::Person(_)) && self.entities[e].stand_in.is_none()
        };
        // "Hezbollah leader warns ...": a role names a person; the body it
        // belongs to, or another phrase with the same role noun, is not
        // them. The first person named after it is.
        if let Form::Role { .. } = &mention.form
            && let Some(&e) = candidates.iter().find(|&&e| named_person(e))
        {
            return Some(e);
        }
        if let Some(&e) = candidates.iter().find(|&&e| shares_word(e)) {
            return Some(e);
        }
        // "Turkey urges ...", "... : White House": a body the headline names
        // speaks for itself even when the lead quotes one of its people.
        if let Some(&lead) = candidates.first().filter(|_| {
            !itself
                && !another_body
                && !owned_group(&mention.form)
                && !self.spelled_out_surname(mention)
        }) {
            return Some(lead);
        }
        let mention = Mention {
            usage: Usage::Speaker,
            ..mention.clone()
        };
        self.resolve(index, &mention)
    }

    /// A headline's lone surname, titled or not, that a full name in the
    /// text ends ("Blinken" for "Antony Blinken", "Honduras president
    /// Hernandez" for "Juan Orlando Hernandez"): that person, not the lead's
    /// speaker.
    fn spelled_out_surname(&self, mention: &Mention) -> bool {
        matches!(&mention.form, Form::Person(name)
            if name.len() == 1 && self.full_names.contains_key(&name[0].to_lowercase()))
    }

    /// Whether a headline's speaker phrase names who speaks by itself: a
    /// body by its proper name, or a lone capitalised word with no title
    /// that ends no full name in the article ("Turkey", "Brussels"): a place
    /// speaking for its government, not a person's surname.
    fn names_itself(&self, mention: &Mention) -> bool {
        match &mention.form {
            Form::Person(name) => match name.as_slice() {
                [word] => {
                    mention.roles.is_empty() && !self.full_names.contains_key(&word.to_lowercase())
                }
                // "North Korea": a name of several words that no one in the
                // text answers to by a shorter or longer form ("North Korea"
                // is not "South Korea"; the same name speaking in the text is
                // the headline's speaker itself).
                [.., last] => {
                    mention.roles.is_empty()
                        && !role_abbreviation(last)
                        && !self.mentions.iter().any(|m| {
                            matches!(m.usage, Usage::Speaker | Usage::Subject)
                                && matches!(&m.form, Form::Person(n) if n.last().is_some_and(|l| l.eq_ignore_ascii_case(last))
                                    && n.len() != name.len()
                                    && (ends_with(n, name) || ends_with(name, n)))
                        })
                }
                [] => false,
            },
            form => named_body(form),
        }
    }

    fn resolve(&mut self, index: usize, mention: &Mention) -> Option<usize> {
        if mention.usage == Usage::Headline {
            return None;
        }
        if mention.usage == Usage::Name {
            // A company's name makes it known to "the company" later on.
            if let Form::Body {
                text,
                head,
                words,
                plural,
            } = &mention.form
                && Company::of(mention) != Company::No
            {
                let fresh = self.entities.len();
                let entity = self.body(text, head, words, *plural);
                if entity == fresh {
                    self.entities[entity].provisional = true;
                }
                self.entities[entity].learn(mention);
                self.companies.push(entity);
            } else if let Form::Body { text, .. } = &mention.form
                && has_capital(text)
            {
                self.named_bodies.push(index);
            }
            return None;
        }
        if let Some(owned) = self.owned_by_it(mention) {
            return self.resolve(index, &owned);
        }
        if let Some(post) = self.ministry_of_post(mention) {
            return self.resolve(index, &post);
        }
        if let Some(role) = abbreviated_role(mention) {
            return self.resolve(index, &role);
        }
        if let Some(person) = self.titled_acronym(index, mention) {
            return self.resolve(index, &person);
        }
        if let Some(country) = self
            .compass_short_form(index, mention)
            .or_else(|| self.country_short_form(mention))
        {
            return self.resolve(index, &country);
        }
        // "Ana Rell agreed ..., her side said": the possessive pronoun is
        // gone from the phrase, and the owner just mentioned speaks.
        if let Form::Body { text, head, .. } = &mention.form
            && text == head
            && lexicon::is_in(lexicon::SIDE_NOUNS, text)
            && let Some(&owner) = self.recent.last()
        {
            self.recent.push(owner);
            return Some(owner);
        }
        if let Some(e) = self.described_body_named(mention) {
            self.recent.push(e);
            return Some(e);
        }
        let entity = match &mention.form {
            Form::Person(name) => Some(self.person(index, name, &mention.roles)),
            Form::Body {
                text,
                head,
                words,
                plural,
            } => Some(self.body(text, head, words, *plural)),
            Form::Role { text, head } => Some(self.role(index, text, head)),
            Form::Pronoun(pronoun) => self
                .pronoun(*pronoun)
                .or_else(|| self.headline_place(*pronoun)),
        }?;
        self.entities[entity].learn(mention);
        if mention.usage == Usage::Speaker && self.lead.is_none() {
            self.lead = Some(entity);
        }
        let known = &mut self.entities[entity];
        if let (
            Form::Body { text, words, .. },
            Kind::Body {
                text: first,
                words: known_words,
                ..
            },
        ) = (&mention.form, &mut known.kind)
            && known.provisional
            && words == known_words
        {
            *first = text.clone();
        }
        if !matches!(mention.form, Form::Pronoun(_)) {
            known.provisional = false;
        }
        if let Form::Pronoun(pronoun @ (Pronoun::He | Pronoun::She)) = mention.form {
            let gender = if pronoun == Pronoun::He {
                Gender::Male
            } else {
                Gender::Female
            };
            let entity = &mut self.entities[entity];
            if entity.gender == Gender::Unknown {
                entity.gender = gender;
            }
        }
        self.recent.push(entity);
        if self.entities[entity].company != Company::No {
            self.companies.push(entity);
        }
        Some(entity)
    }

    /// "Its foreign ministry", "its spokesman": the role or body of the
    /// latest speaker or subject when that is a body or a place ("Kestria"),
    /// written with that owner ("Kestria's foreign ministry") so that a role
    /// finds the holder the text names with it.
    fn owned_by_it(&self, mention: &Mention) -> Option<Mention> {
        let (Form::Role { text, .. } | Form::Body { text, .. }) = &mention.form else {
            return None;
        };
        let (its, rest) = text.split_once(' ')?;
        let gender = if its.eq_ignore_ascii_case("his") {
            Gender::Male
        } else if its.eq_ignore_ascii_case("her") {
            Gender::Female
        } else if its.eq_ignore_ascii_case("its") {
            Gender::Unknown
        } else {
            return None;
        };
        if gender != Gender::Unknown {
            // "His office", "her spokeswoman": the latest person named in
            // full whose gender does not rule the pronoun out.
            let owner = self.recent().find(|&e| {
                let entity = &self.entities[e];
                matches!(&entity.kind, Kind::Person(name) if name.len() >= 2)
                    && (entity.gender == Gender::Unknown || entity.gender == gender)
            })?;
            let Kind::Person(name) = &self.entities[owner].kind else {
                return None;
            };
            let owner_words = name.iter().map(|w| w.to_lowercase()).collect();
            return owned_by(mention, format!("{}'s {rest}", name.join(" ")), owner_words);
        }
        let owner = self.recent().next()?;
        let owner_text = match &self.entities[owner].kind {
            Kind::Body { text, .. } => text.clone(),
            // A lone name with no title: a place speaking as a state.
            Kind::Person(name) if name.len() == 1 && self.entities[owner].roles.is_empty() => {
                name.join(" ")
            }
            Kind::Person(_) => return None,
        };
        // An owner that is itself an unresolved "its ..." owns nothing: taking
        // it would build "its X's Y" and resolve that again without end.
        if owner_text
            .split_whitespace()
            .next()
            .is_some_and(|first| first.eq_ignore_ascii_case("its"))
        {
            return None;
        }
        let owner_words = owner_text
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
            .collect();
        owned_by(mention, format!("{owner_text}'s {rest}"), owner_words)
    }

    /// "the ministry" when no ministry is known yet: the ministry of the
    /// first post the text gives a minister or a ministry before it ("Mines
    /// Minister Ana Rell", "the finance ministry"), owned by the state
    /// named with that post ("Ostland's transport minister") or else by the
    /// first government the text names ("Ostland's government"): "Ostland's
    /// mines ministry".
    fn ministry_of_post(&self, mention: &Mention) -> Option<Mention> {
        let Form::Body {
            text,
            words,
            plural: false,
            ..
        } = &mention.form
        else {
            return None;
        };
        if text != "the ministry"
            || words.len() != 1
            || self.bodies_by_head.contains_key("ministry")
        {
            return None;
        }
        let before = self.article.get(..mention.span.start)?;
        // Words as written, a leading quote or bracket off: a word that
        // ends in a stop or a comma is no post ("... the concession. The
        // ministry").
        let tokens: Vec<&str> = before
            .split_whitespace()
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let possessor = |w: &str| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .filter(|o| o.chars().next().is_some_and(char::is_uppercase))
                .map(str::to_string)
        };
        // The first post: the one the story is about, before any other
        // minister it quotes.
        let (at, portfolio) = tokens.windows(2).enumerate().find_map(|(i, pair)| {
            let [word, post] = pair else { return None };
            let post = post
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let word = word.to_lowercase();
            ((post == "minister" || post == "ministry")
                && !word.is_empty()
                && word.chars().all(char::is_alphabetic)
                && !lexicon::is_in(lexicon::NON_PORTFOLIO_WORDS, &word))
            .then_some((i, word))
        })?;
        let owner = at
            .checked_sub(1)
            .and_then(|i| possessor(tokens[i]))
            .or_else(|| {
                tokens.windows(2).find_map(|pair| {
                    let [owner, noun] = pair else { return None };
                    noun.trim_end_matches(|c: char| !c.is_alphanumeric())
                        .eq_ignore_ascii_case("government")
                        .then(|| possessor(owner))
                        .flatten()
                })
            });
        let (text, mut words) = match owner {
            Some(owner) => (
                format!("{owner}'s {portfolio} ministry"),
                vec![owner.to_lowercase()],
            ),
            None => (format!("the {portfolio} ministry"), Vec::new()),
        };
        words.extend([portfolio, "ministry".to_string()]);
        Some(Mention {
            form: Form::Body {
                text,
                head: "ministry".to_string(),
                words,
                plural: false,
            },
            ..mention.clone()
        })
    }

    /// "Ostland's largest rail union said ..." in the lead, then "The
    /// Federation of Rail Workers, which represents ..., said": the body the
    /// lead describes by its standing ("largest", "main") is the one the
    /// text names next with a noun of the same kind (a union is a
    /// federation, a coalition an alliance). The described body takes the
    /// name, once; a body already named keeps its own.
    fn described_body_named(&mut self, mention: &Mention) -> Option<usize> {
        let Form::Body {
            text, head, words, ..
        } = &mention.form
        else {
            return None;
        };
        // A proper name: its first word after "the" capitalised, no
        // possessive owner.
        let named = text
            .split_whitespace()
            .find(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
            .is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.ends_with("'s")
                    && !w.ends_with("\u{2019}s")
            });
        if !named || !lexicon::is_in(lexicon::BODIES, head) {
            return None;
        }
        let kind = |noun: &str| {
            lexicon::BODY_KINDS
                .iter()
                .position(|family| lexicon::is_in(family, noun))
        };
        let family = kind(head)?;
        // The name is not known already as a body of its own.
        if self
            .bodies_by_head
            .get(head.as_str())
            .is_some_and(|known| {
                known.iter().any(|&e| {
                    matches!(&self.entities[e].kind, Kind::Body { words: k, .. } if words.iter().all(|w| k.contains(w)))
                })
            })
        {
            return None;
        }
        let found = self.recent().take(STAND_IN_REACH).find(|&e| {
            let Kind::Body {
                text: described,
                words: known,
                plural: false,
            } = &self.entities[e].kind
            else {
                return false;
            };
            let standing = known
                .iter()
                .any(|w| lexicon::is_in(lexicon::STANDING_WORDS, w));
            // No proper name but its owner's possessive.
            let unnamed = described.split_whitespace().all(|w| {
                !w.chars().next().is_some_and(char::is_uppercase)
                    || w.ends_with("'s")
                    || w.ends_with("\u{2019}s")
                    || lexicon::is_in(lexicon::DETERMINERS, w)
            });
            standing && unnamed && known.last().and_then(|noun| kind(noun)) == Some(family)
        })?;
        // Both names find it: "the federation", and "the union" still.
        if let Kind::Body {
            text: known_text,
            words: known,
            ..
        } = &mut self.entities[found].kind
        {
            *known_text = text.clone();
            known.extend(words.iter().cloned());
        }
        self.bodies_by_head
            .entry(head.clone())
            .or_default()
            .push(found);
        Some(found)
    }

    fn recent(&self) -> impl Iterator<Item = usize> + '_ {
        self.recent.iter().rev().take(RECENT_WINDOW).copied()
    }

    fn add(&mut self, kind: Kind, gender: Gender) -> usize {
        self.entities.push(Entity {
            kind,
            gender,
            roles: Vec::new(),
            company: Company::No,
            provisional: false,
            stand_in: None,
        });
        self.entities.len() - 1
    }

    fn person(&mut self, index: usize, name: &[String], roles: &[String]) -> usize {
        let last = name.last().map(|l| l.to_lowercase()).unwrap_or_default();
        let candidates = self
            .people_by_last
            .get(&last)
            .map_or(&[][..], Vec::as_slice);
        for &e in candidates.iter().rev().take(RECENT_WINDOW) {
            if let Kind::Person(known) = &mut self.entities[e].kind {
                if ends_with(known, name) {
                    return e;
                }
                if ends_with(name, known) {
                    *known = name.to_vec();
                    return e;
                }
            }
        }
        let (full_mention, full) = match self.fullest_form(index, name, &last) {
            Some((mention, full)) => (Some(mention), full),
            None => (None, name),
        };
        // "Kyslytsya added" after "Ukraine's deputy foreign minister Sergiy
        // Kyslytsya": the roles come with the full name.
        let mentions = self.mentions;
        let roles = match full_mention {
            Some(m) if roles.is_empty() => &mentions[m].roles[..],
            _ => roles,
        };
        // "Wu" for "Wu Qian": a person already known by the full name.
        let full_lowercase;
        let full_last: &str = match full.last() {
            Some(l) if Some(l) != name.last() => {
                full_lowercase = l.to_lowercase();
                &full_lowercase
            }
            Some(_) => &last,
            None => "",
        };
        if full_last != last {
            let known = self
                .people_by_last
                .get(full_last)
                .map_or(&[][..], Vec::as_slice);
            let found = known.iter().rev().take(RECENT_WINDOW).find(
                |&&e| matches!(&self.entities[e].kind, Kind::Person(k) if ends_with(k, full)),
            );
            if let Some(&e) = found {
                return e;
            }
        }
        // "Tanjung" for "Tanjung Energy": a lone word naming a known company.
        if let [word] = full
            && let Some(&e) = self
                .bodies_by_first
                .get(&word.to_lowercase())
                .and_then(|c| c.last())
            && self.entities[e].company != Company::No
        {
            return e;
        }
        let entity = match self
            .named_stand_in(roles)
            .or_else(|| self.lead_stand_in(full, roles))
        {
            Some(e) => {
                self.entities[e].kind = Kind::Person(full.to_vec());
                self.entities[e].stand_in = None;
                if self.entities[e].gender == Gender::Unknown {
                    self.entities[e].gender = gender_of_first_name(full);
                }
                e
            }
            None => self.add(Kind::Person(full.to_vec()), gender_of_first_name(full)),
        };
        push_keyed(&mut self.people_by_last, full_last, entity);
        entity
    }

    /// The unnamed person a newly named one turns out to be: "Kestria's
    /// foreign minister said ..." then "the minister, Ingrid Holm, ..."; or
    /// "France's foreign minister said ..." then "Hélène Dubois, the French
    /// foreign minister, ...". The stand-in has the person's role (or, with
    /// the same owner named, a describing word) and no other owner; with no
    /// owner named on either side it must be one of the last few mentioned,
    /// unless the name comes with the stand-in's whole post (head and every
    /// describing word: "transport minister").
    fn named_stand_in(&self, roles: &[String]) -> Option<usize> {
        if roles.is_empty() {
            return None;
        }
        let fits = |want: Relation| {
            self.recent().enumerate().find_map(|(rank, e)| {
                let stand_in = self.entities[e].stand_in.as_ref()?;
                // "A senior mediator said ..." leads an article that names
                // "Envoy Ines Valo, the mediator," further down: the lead's
                // indefinite role is the first person named with its head
                // and no other owner. Elsewhere an indefinite role stays
                // someone unnamed.
                if stand_in.indefinite {
                    // "a senior minister", "a top official": an unnamed
                    // source; a determiner, an owner or a word of
                    // affiliation may stand before the role ("a minister",
                    // "Kestria's envoy", "an insurgent spokesman"), no
                    // word of rank.
                    let canonical = self.entities[e].canonical();
                    let bare = canonical
                        .split_whitespace()
                        .take_while(|w| !w.eq_ignore_ascii_case(&stand_in.head))
                        .all(|w| !lexicon::is_in(lexicon::RANK_WORDS, w));
                    let lead = self.lead == Some(e)
                        && bare
                        && roles.contains(&stand_in.head)
                        && stand_in
                            .owner
                            .as_deref()
                            .is_none_or(|o| owners::relation(o, roles) != Relation::Other);
                    return (lead && want == Relation::Same).then_some(e);
                }
                let relation = stand_in
                    .owner
                    .as_deref()
                    .map_or(Relation::Unknown, |owner| owners::relation(owner, roles));
                let has_head = roles.contains(&stand_in.head)
                    || lexicon::names_post(&stand_in.modifiers, &stand_in.head, roles);
                let shares_word = stand_in.modifiers.iter().any(|m| roles.contains(m));
                // "the treasury chief" is "Treasury Secretary Tom Ward": a
                // head that stands for any title, and the same department.
                let same_department = lexicon::is_in(lexicon::GENERIC_ROLE_HEADS, &stand_in.head)
                    && stand_in
                        .modifiers
                        .iter()
                        .any(|m| lexicon::is_in(lexicon::TITLE_OF_OBJECTS, m) && roles.contains(m));
                // "the transport minister said ..." in the lead, then
                // "Transport Minister Ana Rell" paragraphs down: a post
                // named by its head and every describing word is that one
                // person however far the text names them.
                // The owner's possessive ("Ostland's") is the relation's.
                let mut post = stand_in
                    .modifiers
                    .iter()
                    .filter(|m| !m.ends_with("'s") && !m.ends_with("\u{2019}s"))
                    .peekable();
                let whole_post = roles.contains(&stand_in.head)
                    && post.peek().is_some()
                    && post.all(|m| roles.contains(m));
                let fits = relation == want
                    && match relation {
                        Relation::Same => has_head || shares_word,
                        Relation::Unknown => {
                            (has_head || same_department) && (rank < STAND_IN_REACH || whole_post)
                        }
                        Relation::Other => false,
                    };
                fits.then_some(e)
            })
        };
        fits(Relation::Same).or_else(|| fits(Relation::Unknown))
    }

    /// The unnamed person whom a lead describes and the next sentence names:
    /// "The visiting envoy said ..." then "Oscar Lindqvist told reporters
    /// ...". The stand-in must be the last one mentioned, and the newly named
    /// person must carry no role or owner of their own that differs from it.
    /// The name must be a person's full name: a lone word ("Tehran", "Iran")
    /// is as likely a place speaking for its state, and a phrase opening with
    /// a nationality ("Finnish Foreign Affairs") a description.
    fn lead_stand_in(&self, name: &[String], roles: &[String]) -> Option<usize> {
        let [first, _, ..] = name else {
            return None;
        };
        if owners::is_nationality(&first.to_lowercase()) {
            return None;
        }
        let e = self.recent().next()?;
        let stand_in = self.entities[e].stand_in.as_ref()?;
        // "the top diplomat" then "Foreign Minister X": one post.
        let other_role = !lexicon::names_post(&stand_in.modifiers, &stand_in.head, roles)
            && roles
                .iter()
                .any(|r| *r != stand_in.head && lexicon::is_in(lexicon::ROLES, r));
        let other_owner = stand_in
            .owner
            .as_deref()
            .is_some_and(|owner| owners::relation(owner, roles) == Relation::Other);
        (!stand_in.indefinite && !other_role && !other_owner).then_some(e)
    }

    /// The full name nearest before mention `index` that ends with `name`,
    /// else the nearest after it; else, for a lone word that no full name
    /// ends with and that is no known given name, the nearest full name
    /// before it that starts with it (a family name written first: "Wu" for
    /// "Wu Qian"): the mention of that full name and the name.
    /// `last` is the name's last word, lowercase.
    fn fullest_form(
        &self,
        index: usize,
        name: &'a [String],
        last: &str,
    ) -> Option<(usize, &'a [String])> {
        let Some(candidates) = name.last().and_then(|_| self.full_names.get(last)) else {
            return self
                .family_name_first(index, name, last)
                .or_else(|| self.name_inside(index, name, last));
        };
        let fits =
            |&&(_, full): &&(usize, &[String])| full.len() > name.len() && ends_with(full, name);
        // Candidates are in mention order; look only near `index`.
        let split = candidates.partition_point(|c| c.0 < index);
        let before = candidates[..split]
            .iter()
            .rev()
            .take(RECENT_WINDOW)
            .find(fits);
        let after = || candidates[split..].iter().take(RECENT_WINDOW).find(fits);
        before.or_else(after).copied()
    }

    /// A lone word that is an inner word of one long name written before
    /// it, the name a person goes by ("Lula" for "Luiz Inacio Lula da
    /// Silva"): the nearest such full name, when no other one holds the word.
    fn name_inside(
        &self,
        index: usize,
        name: &[String],
        key: &str,
    ) -> Option<(usize, &'a [String])> {
        let [word] = name else {
            return None;
        };
        if lexicon::is_in(lexicon::MALE_NAMES, key)
            || lexicon::is_in(lexicon::FEMALE_NAMES, key)
            || lexicon::is_in(lexicon::NAME_PARTICLES, key)
        {
            return None;
        }
        let mentions: &'a [Mention] = self.mentions;
        let mut found: Option<(usize, &'a [String])> = None;
        for (i, mention) in mentions[..index.min(mentions.len())].iter().enumerate() {
            let Form::Person(full) = &mention.form else {
                continue;
            };
            if full.len() < 3 || !full[1..full.len() - 1].iter().any(|w| w == word) {
                continue;
            }
            // "South Kestria Sea" is a place, not a person "Kestria" goes by.
            if full
                .last()
                .is_some_and(|l| lexicon::is_in(lexicon::PLACE_FEATURES, &l.to_lowercase()))
            {
                continue;
            }
            match found {
                Some((_, known)) if known != full.as_slice() => return None,
                _ => found = Some((i, full.as_slice())),
            }
        }
        found
    }

    fn family_name_first(
        &self,
        index: usize,
        name: &'a [String],
        key: &str,
    ) -> Option<(usize, &'a [String])> {
        let [word] = name else {
            return None;
        };
        let given =
            lexicon::is_in(lexicon::MALE_NAMES, key) || lexicon::is_in(lexicon::FEMALE_NAMES, key);
        let candidates = self.full_names_by_first.get(key).filter(|_| !given)?;
        let split = candidates.partition_point(|c| c.0 < index);
        let fits = |(_, full): &&(usize, &[String])| {
            // "Russia PM" is a place and a title, not a family name and a
            // given name; "Taiwan Strait" a place.
            full[0] == *word
                && full[1..].iter().all(|w| {
                    let lower = w.to_lowercase();
                    w.chars().any(char::is_lowercase)
                        && !lexicon::is_in(lexicon::TITLES, &lower)
                        && !lexicon::is_in(lexicon::PLACE_FEATURES, &lower)
                        && !lexicon::is_in(lexicon::MODALS, &lower)
                })
        };
        let near = || candidates[..split].iter().rev().take(RECENT_WINDOW);
        // "Kim Ara, the sister of leader Kim Dae, said ..." then "Kim
        // accused ...": the family name is the speaker's, not that of a
        // relative the description names after them.
        near()
            .filter(fits)
            .find(|(i, _)| self.mentions[*i].usage == Usage::Speaker)
            .or_else(|| near().find(fits))
            .copied()
    }

    fn body(&mut self, text: &str, head: &str, words: &[String], plural: bool) -> usize {
        // "the same sources": a word that points back adds nothing to match.
        if words
            .iter()
            .any(|w| lexicon::is_in(lexicon::BACK_POINTING, w))
            && is_definite(text)
        {
            let words: Vec<String> = words
                .iter()
                .filter(|w| !lexicon::is_in(lexicon::BACK_POINTING, w))
                .cloned()
                .collect();
            if !words.is_empty() {
                return self.body(text, head, &words, plural);
            }
        }
        // "the ADR" for "the Alliance for Democratic Renewal".
        let acronym = text.rsplit(' ').next().and_then(acronym_letters).is_some();
        if let [word] = words
            && acronym
            && let Some(full) = self.spelled_out(word)
            && let Form::Body {
                text,
                head,
                words,
                plural,
            } = &full.form
        {
            return self.body(text, head, words, *plural);
        }
        // "the company", "the airline": the latest company that fits; so
        // too two company nouns ("the airline group") for a company that
        // answers to both.
        let reference = match words {
            [word] => lexicon::is_in(lexicon::COMPANY_REFERENCES, word),
            [first, second] => {
                is_definite(text)
                    && !has_capital(text)
                    && lexicon::is_in(lexicon::COMPANY_NOUNS, first)
                    && lexicon::is_in(lexicon::COMPANY_NOUNS, second)
            }
            _ => false,
        };
        if reference {
            let fits = self
                .companies
                .iter()
                .rev()
                .take(RECENT_WINDOW)
                .find(|&&e| words.iter().all(|w| self.entities[e].company.answers_to(w)));
            if let Some(&e) = fits {
                return e;
            }
        }
        // "the bloc", "the 27-nation bloc": the latest union of states the
        // text named ("the EU", "ASEAN").
        if head == "bloc" && is_definite(text) && !has_capital(text) {
            let union_of_states = |e: &usize| match &self.entities[*e].kind {
                Kind::Body { text, .. } => {
                    let name = text.to_lowercase();
                    let name = name.strip_prefix("the ").unwrap_or(&name);
                    lexicon::is_in(lexicon::BLOCS, name)
                }
                Kind::Person(_) => false,
            };
            if let Some(e) = self.recent().find(union_of_states) {
                return e;
            }
        }
        // "the three countries": the latest list of that many names.
        if let Some(count) = list_reference(text, head, words) {
            let fits = self.recent().find(|&e| match &self.entities[e].kind {
                Kind::Body { text, .. } => {
                    let size = list_size(text);
                    size > 1 && count.is_none_or(|n| size == n)
                }
                Kind::Person(_) => false,
            });
            if let Some(e) = fits {
                return e;
            }
        }
        let candidates = self.bodies_by_head.get(head).map_or(&[][..], Vec::as_slice);
        for &e in candidates.iter().rev().take(RECENT_WINDOW) {
            if let Kind::Body { words: known, .. } = &self.entities[e].kind
                && words.iter().all(|w| known.contains(w))
            {
                return e;
            }
        }
        // "the rebels" after "The Eastern Front, the main rebel coalition,":
        // the body recently described with that word.
        if let Some(e) = self.described_as(text, head, words) {
            return e;
        }
        // "the union", "the 53-nation union": the body of that kind the text
        // named last ("the Harbour Workers Union").
        if let Some(named) = self.named_with_head(text, head, words, plural)
            && let Form::Body {
                text,
                head,
                words,
                plural,
            } = &named.form
        {
            return self.body(text, head, words, *plural);
        }
        let kind = Kind::Body {
            text: text.to_string(),
            words: words.to_vec(),
            plural,
        };
        let entity = self.add(kind, Gender::Unknown);
        self.bodies_by_head
            .entry(head.to_string())
            .or_default()
            .push(entity);
        let mut named = text
            .split_whitespace()
            .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w));
        if let (Some(first), Some(_)) = (named.next(), named.next())
            && first.chars().next().is_some_and(char::is_uppercase)
        {
            push_keyed(&mut self.bodies_by_first, &first.to_lowercase(), entity);
        }
        entity
    }

    /// A bare definite noun ("the rebels", "the coalition") for the recent
    /// named body whose description holds that word (or its singular).
    fn described_as(&self, text: &str, head: &str, words: &[String]) -> Option<usize> {
        if !is_definite(text) || has_capital(text) || words.len() != 1 {
            return None;
        }
        let singular = head.strip_suffix('s').unwrap_or(head);
        self.recent().find(|&e| {
            let entity = &self.entities[e];
            matches!(&entity.kind, Kind::Body { text, .. } if has_capital(text))
                && entity.roles.iter().any(|r| r == head || r == singular)
        })
    }

    /// For a common noun standing for a body ("the union", "the ruling
    /// party", "the 14-nation union": no capital, one body noun, modifiers
    /// that the name repeats, numbers or words of standing), the body the
    /// text named last with that head noun.
    fn named_with_head(
        &self,
        text: &str,
        head: &str,
        words: &[String],
        plural: bool,
    ) -> Option<&'a Mention> {
        if plural || !is_definite(text) || has_capital(text) {
            return None;
        }
        let mentions = self.mentions;
        self.named_bodies.iter().rev().find_map(|&m| {
            let mention = &mentions[m];
            let Form::Body {
                head: named_head,
                words: named_words,
                ..
            } = &mention.form
            else {
                return None;
            };
            let fits = same_kind_of_body(named_head, head)
                && words.iter().all(|w| {
                    w == head
                        || named_words.contains(w)
                        || w.chars().any(|c| c.is_ascii_digit())
                        || lexicon::is_in(lexicon::STANDING_WORDS, w)
                });
            fits.then_some(mention)
        })
    }

    /// "the North", "the South": a compass word alone stands for the
    /// two-word name it opens that the article last used ("North Korea",
    /// "South Sudan"), as the same mention.
    fn compass_short_form(&self, index: usize, mention: &Mention) -> Option<Mention> {
        let Form::Body { text, words, .. } = &mention.form else {
            return None;
        };
        let [word] = words.as_slice() else {
            return None;
        };
        if !text.starts_with("the ") || !lexicon::is_in(lexicon::COMPASS_WORDS, word) {
            return None;
        }
        self.mentions[..index.min(self.mentions.len())]
            .iter()
            .rev()
            .find(|m| {
                name_text(m).is_some_and(|name| {
                    let name: Vec<&str> = name.split_whitespace().collect();
                    matches!(name.as_slice(), [first, _] if first.eq_ignore_ascii_case(word))
                })
            })
            .map(|m| named_as(mention, m))
    }

    /// "PH", "DPRK": a country's short form in capitals stands for the
    /// country when the article also names it ("the Philippines").
    fn country_short_form(&self, mention: &Mention) -> Option<Mention> {
        let word = match &mention.form {
            Form::Person(name) if name.len() == 1 => name[0].as_str(),
            Form::Body { text, words, .. } if words.len() == 1 => text.rsplit(' ').next()?,
            _ => return None,
        };
        let key = acronym_letters(word)?;
        let (_, country) = lexicon::COUNTRY_ABBREVIATIONS
            .iter()
            .find(|(short, _)| *short == key)?;
        let named = |m: &&Mention| {
            name_text(m).is_some_and(|text| {
                let text = text.to_lowercase();
                text.strip_prefix("the ").unwrap_or(&text) == *country
            })
        };
        // the article's naming of it anywhere: a headline's short form comes first
        self.mentions
            .iter()
            .find(named)
            .map(|m| named_as(mention, m))
    }

    /// "the CEC" after "Chief Election Commissioner Ilse Marku": an acronym
    /// that no body's name spells out but the initials of a named person's
    /// title do is that person (a mention of them by name).
    fn titled_acronym(&self, index: usize, mention: &Mention) -> Option<Mention> {
        let Form::Body { text, words, .. } = &mention.form else {
            return None;
        };
        let [word] = words.as_slice() else {
            return None;
        };
        let letters = acronym_letters(text.rsplit(' ').next()?)?;
        if !(2..=6).contains(&letters.chars().count()) || self.spelled_out(word).is_some() {
            return None;
        }
        self.mentions[..index.min(self.mentions.len())]
            .iter()
            .rev()
            .take(RECENT_WINDOW)
            .find(|m| {
                let Form::Person(name) = &m.form else {
                    return false;
                };
                let initials: String = m.roles.iter().filter_map(|r| r.chars().next()).collect();
                name.len() >= 2 && initials == letters
            })
            .map(|m| named_as(mention, m))
    }

    /// The body mention whose capitalised words' initials spell the acronym
    /// `word` ("adr": "the Alliance for Democratic Renewal"), if any.
    fn spelled_out(&self, word: &str) -> Option<&'a Mention> {
        let letters: String = word.chars().filter(|c| *c != '.').collect();
        if !(2..=6).contains(&letters.chars().count()) {
            return None;
        }
        let mentions = self.mentions;
        mentions.iter().find(|m| {
            let Form::Body { text, .. } = &m.form else {
                return false;
            };
            let initials: String = text
                .split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            initials.chars().count() >= 2 && initials.to_lowercase() == letters.to_lowercase()
        })
    }

    /// The most recent entity with this role; failing that, the most recent
    /// person sharing a describing word ("the Ukrainian leader" for "Ukrainian
    /// President Petro Marchenko"). A role with an owner ("Saudi Arabia's
    /// foreign minister") is only someone described with that owner; else
    /// it stands in for a person not named yet.
    fn role(&mut self, index: usize, text: &str, head: &str) -> usize {
        let has_role = |e: usize, word: &str| {
            self.entities[e]
                .roles
                .iter()
                .any(|r| r == word || lexicon::same_role(r, word))
        };

        let owner = owners::of_role(text);
        let modifiers: Vec<String> = text
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| {
                w != head
                    && !lexicon::is_in(lexicon::DETERMINERS, w)
                    && !lexicon::is_in(lexicon::FUNCTION_WORDS, w)
                    && !lexicon::is_in(lexicon::OTHERS, w)
            })
            .collect();
        // "a senior official", "one senior manager": someone new.
        let indefinite = text.split_whitespace().next().is_some_and(|w| {
            lexicon::is_in(lexicon::INDEFINITE_DETERMINERS, w) || lexicon::is_in(lexicon::OTHERS, w)
        });
        // "the top diplomat" for "Foreign Minister X"; "the Iranian
        // diplomat" for "Iran's Foreign Minister X"
        let holds = |e: usize| {
            let roles = &self.entities[e].roles;
            has_role(e, head)
                || lexicon::names_post(&modifiers, head, roles)
                || national_post(&modifiers, head, roles)
        };
        let found = if indefinite {
            None
        } else if let Some(owner) = &owner {
            self.recent().find(|&e| {
                let entity = &self.entities[e];
                let same = match &entity.stand_in {
                    Some(stand_in) => stand_in.owner.as_deref() == Some(owner),
                    None => owners::relation(owner, &entity.roles) == Relation::Same,
                };
                same && holds(e)
            })
        } else {
            self.recent().find(|&e| holds(e)).or_else(|| {
                self.recent().find(|&e| {
                    matches!(self.entities[e].kind, Kind::Person(_))
                        && modifiers.iter().any(|m| has_role(e, m))
                })
            })
        };
        // "the 61-year-old former judge": a definite description by age is
        // the person the text has just named, whatever the role.
        let found = found.or_else(|| {
            let aged = is_definite(&text.to_lowercase())
                && (lexicon::is_age(head) || modifiers.iter().any(|m| lexicon::is_age(m)));
            if !aged || owner.is_some() {
                return None;
            }
            self.recent().take(STAND_IN_REACH).find(|&e| {
                matches!(self.entities[e].kind, Kind::Person(_))
                    && self.entities[e].stand_in.is_none()
            })
        });
        let found = found.or_else(|| {
            if indefinite {
                return None;
            }
            let (m, name) = self.named_with_role(index, text, head, owner.as_deref())?;
            Some(self.person(m, name, &self.mentions[m].roles))
        });
        found.unwrap_or_else(|| {
            let entity = self.add(Kind::Person(vec![text.to_string()]), Gender::Unknown);
            self.entities[entity].roles.push(head.to_string());
            self.entities[entity].stand_in = Some(StandIn {
                head: head.to_string(),
                owner,
                modifiers,
                indefinite,
            });
            entity
        })
    }

    /// A full name written shortly before mention `index` with a title that
    /// a definite role takes up ("NATO Secretary-General Mark Rutte" for
    /// "the NATO chief"): its title holds the role's head or one of its
    /// capitalised words, and names the role's owner when it has one.
    fn named_with_role(
        &self,
        index: usize,
        text: &str,
        head: &str,
        owner: Option<&str>,
    ) -> Option<(usize, &'a [String])> {
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let proper: Vec<String> = text
            .split_whitespace()
            .filter(capitalised)
            .map(str::to_lowercase)
            .filter(|w| w != head)
            .collect();
        // "NATO", "UN": an organisation's letters single out its officer;
        // "Ostlandian" does not.
        let acronyms: Vec<String> = text
            .split_whitespace()
            .filter(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.'))
            .map(str::to_lowercase)
            .collect();
        let mentions = self.mentions;
        mentions[..index.min(mentions.len())]
            .iter()
            .enumerate()
            .rev()
            .take(RECENT_WINDOW)
            .find_map(|(m, mention)| {
                let Form::Person(name) = &mention.form else {
                    return None;
                };
                let roles = &mention.roles;
                let described = (roles.iter().any(|r| r == head)
                    && proper.iter().all(|w| roles.contains(w)))
                    || national_post(&proper, head, roles);
                let fits = name.len() >= 2
                    && mention.usage == Usage::Name
                    && (described || acronyms.iter().any(|w| roles.contains(w)))
                    && owner.is_none_or(|o| owners::relation(o, roles) == Relation::Same);
                fits.then_some((m, name.as_slice()))
            })
    }

    /// A lone capitalised name with no title and no gender that ends no
    /// full name in the article ("Qatar", "Brussels").
    fn place_like(&self, e: usize) -> bool {
        let entity = &self.entities[e];
        matches!(&entity.kind, Kind::Person(name)
            if name.len() == 1
                && entity.roles.is_empty()
                && entity.stand_in.is_none()
                && entity.gender == Gender::Unknown
                && !self.full_names.contains_key(&name[0].to_lowercase()))
    }

    /// "it" before anyone else is at hand: the place or named body the
    /// headline names by itself ("Ostland rejects ..." then "..., even as
    /// it welcomed the lull"), which the article is about.
    fn headline_place(&mut self, pronoun: Pronoun) -> Option<usize> {
        if pronoun != Pronoun::It || !self.recent.is_empty() {
            return None;
        }
        let mentions = self.mentions;
        let (index, headline) = mentions
            .iter()
            .enumerate()
            .find(|(_, m)| m.usage == Usage::Headline)?;
        if !self.names_itself(headline) {
            return None;
        }
        let mention = Mention {
            usage: Usage::Subject,
            ..headline.clone()
        };
        self.resolve(index, &mention)
    }

    fn pronoun(&self, pronoun: Pronoun) -> Option<usize> {
        let is_body = |e: usize, want_plural: Option<bool>| match &self.entities[e].kind {
            Kind::Body { plural, .. } => want_plural.is_none_or(|p| p == *plural),
            Kind::Person(_) => false,
        };
        match pronoun {
            Pronoun::He | Pronoun::She => {
                let unwanted = if pronoun == Pronoun::He {
                    Gender::Female
                } else {
                    Gender::Male
                };
                let person = |e: usize| matches!(self.entities[e].kind, Kind::Person(_));
                // "Vellmark's trade minister, Tuva Rask, urged ... “...,”
                // she said": the person just named and described, whatever
                // their given name.
                if let Some(last) = self.recent().next()
                    && person(last)
                    && !self.entities[last].roles.is_empty()
                    && self.entities[last].gender != unwanted
                {
                    return Some(last);
                }
                let she = (pronoun == Pronoun::She)
                    .then(|| {
                        self.recent()
                            .find(|&e| person(e) && self.entities[e].gender == Gender::Female)
                    })
                    .flatten();
                let fits = |e: usize| person(e) && self.entities[e].gender != unwanted;
                // "Qatar has refused ... “Enough,” he said": a lone name
                // with no title, no gender and no full name in the text is
                // a place speaking as a state, not a man or a woman, while
                // a person is at hand.
                she.or_else(|| self.recent().find(|&e| fits(e) && !self.place_like(e)))
                    .or_else(|| self.recent().find(|&e| fits(e)))
            }
            Pronoun::They => self
                .recent()
                .find(|&e| is_body(e, Some(true)))
                .or_else(|| self.recent().find(|&e| is_body(e, None))),
            // "India has ..., even as it welcomed ...": a lone name with no
            // title is a place speaking as a state.
            Pronoun::It => self
                .recent()
                .find(|&e| is_body(e, Some(false)))
                .or_else(|| self.recent().find(|&e| is_body(e, None)))
                .or_else(|| self.recent().find(|&e| self.place_like(e))),
        }
    }
}

/// "The Israeli leader" for "Israeli Prime Minister X", "the Iranian
/// diplomat" for "Iran's Foreign Minister X": a role noun that names the
/// post the title holds ([`lexicon::NATIONAL_ROLE_SYNONYMS`]), described by
/// nothing but a nationality the title gives too, or that the title does
/// not contradict ("Foreign Minister X" of "Iran's Foreign Minister X",
/// whose possessive is not part of the name).
fn national_post(modifiers: &[String], head: &str, roles: &[String]) -> bool {
    !modifiers.is_empty()
        && modifiers.iter().all(|m| {
            lexicon::is_in(lexicon::LEADER_EPITHETS, m)
                || owners::is_nationality(m)
                    && (owners::gives_nationality(m, roles) || owners::names_no_owner(roles))
        })
        && lexicon::national_post(head, roles)
}

/// A role or body mention ("his office", "its ministry") rewritten as its
/// owner's (`text`, "Ana Rell's office"): a body's words start with the
/// owner's (`owner_words`) and drop the possessive. Other forms own nothing.
fn owned_by(mention: &Mention, text: String, owner_words: Vec<String>) -> Option<Mention> {
    let form = match &mention.form {
        Form::Role { head, .. } => Form::Role {
            text,
            head: head.clone(),
        },
        Form::Body {
            head,
            words,
            plural,
            ..
        } => {
            let mut owned = owner_words;
            owned.extend(words.iter().filter(|w| *w != "its").cloned());
            Form::Body {
                text,
                head: head.clone(),
                words: owned,
                plural: *plural,
            }
        }
        _ => return None,
    };
    Some(Mention {
        form,
        ..mention.clone()
    })
}

#[cfg(test)]
mod tests;

/// Whether a body named with head noun `named` is one that a bare `head`
/// can stand for: the same noun, or two names of a country's armed forces
/// ("the military" for "the National Defence Forces", "the army").
fn same_kind_of_body(named: &str, head: &str) -> bool {
    named == head
        || lexicon::is_in(lexicon::ARMED_FORCES_HEADS, named)
            && lexicon::is_in(lexicon::ARMED_FORCES_HEADS, head)
}
