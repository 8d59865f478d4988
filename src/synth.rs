//! Seeded synthetic data for measuring scale: labelled statements and news
//! articles of any size, built from small phrase banks. The text is
//! deliberately plain; it exists to load the pipeline, not to teach a model.

use crate::rng::SplitMix64;

const FIRST: &[&str] = &[
    "Anna", "Marek", "Željko", "Anaïs", "Jürgen", "Łucja", "Ngozi", "Tomás", "Ingrid", "Kenji",
    "Olu", "Farah", "Pieter", "Sofía", "Dmitri", "Aiko",
];
const LAST: &[&str] = &[
    "Kovač",
    "Brandt",
    "Marić",
    "Lefèvre",
    "Okafor",
    "Novak",
    "Haddad",
    "Lindqvist",
    "Sato",
    "Moreau",
    "Petrov",
    "Adeyemi",
    "Quispe",
    "Horvat",
    "Jensen",
    "Rossi",
];
const TITLES: &[&str] = &[
    "Foreign Minister",
    "Defence Minister",
    "President",
    "union leader",
    "chief negotiator",
    "Trade Commissioner",
    "Prime Minister",
    "envoy",
];
const BODIES: &[&str] = &[
    "the foreign ministry",
    "the Kremlin",
    "the union",
    "the board",
    "the European Commission",
    "NATO",
    "the defence ministry",
    "the employers' federation",
];
const CONCILIATORY: &[&str] = &[
    "we are ready to sit down with them",
    "the door to talks remains open",
    "a compromise on the border is within reach",
    "we welcome the offer of mediation",
    "nobody has ruled out a meeting",
    "both sides can meet halfway on wages",
    "we will lift some tariffs as a gesture of goodwill",
    "the ceasefire is a constructive first step",
];
const SCEPTICAL: &[&str] = &[
    "it is far too early to speak of a breakthrough",
    "any summit must be prepared step by step",
    "we doubt that they mean what they say",
    "the promised withdrawal has not materialised",
    "we will see whether the offer is serious",
    "nobody should expect miracles from one meeting",
    "talks for the sake of talks will achieve nothing",
    "the proof will be in the implementation",
];
const HAWKISH: &[&str] = &[
    "we will answer with overwhelming force",
    "there will be no talks until every soldier has left",
    "send the missiles now",
    "the strike will go on indefinitely",
    "they must pay for every village they burned",
    "any ship that crosses the line will be sunk",
    "we reject this so-called compromise outright",
    "the harshest sanctions in history are coming",
];
const FILLER: &[&str] = &[
    "frankly",
    "this week",
    "in the capital",
    "after months of tension",
    "as things stand",
    "for now",
    "on the record",
    "despite the pressure",
];
const NARRATION: &[&str] = &[
    "Officials are due to meet again on Tuesday.",
    "The dispute began more than two years ago.",
    "Details of the plan remain unclear.",
    "Markets fell slightly on the news.",
    "The talks took place behind closed doors.",
];

fn pick<'a>(rng: &mut SplitMix64, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len())]
}

/// The three stances, in the order [`statement`] uses for its index.
pub const LABELS: [&str; 3] = ["conciliatory", "sceptical", "hawkish"];

/// One synthetic statement with its label.
pub fn statement(rng: &mut SplitMix64) -> (String, &'static str) {
    let label = rng.below(3);
    let bank = [CONCILIATORY, SCEPTICAL, HAWKISH][label];
    let mut text = String::new();
    let core = pick(rng, bank);
    let mut chars = core.chars();
    if let Some(c) = chars.next() {
        text.extend(c.to_uppercase());
        text.push_str(chars.as_str());
    }
    if rng.below(2) == 0 {
        text.push_str(", ");
        text.push_str(pick(rng, FILLER));
    }
    if rng.below(3) == 0 {
        text.push_str(", and ");
        text.push_str(pick(rng, bank));
    }
    // Rare words from a large made-up vocabulary, so that feature counts and
    // vocabulary sizes grow with the data the way they do with real text.
    let extra = rng.below(8);
    if extra > 0 {
        text.push_str(" over the");
        for _ in 0..extra {
            text.push(' ');
            push_word(rng, &mut text);
        }
    }
    text.push('.');
    (text, LABELS[label])
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ri", "men", "tas", "vor", "el", "un", "dra", "pe", "sil", "ost", "na", "gu",
    "bre", "tin", "ha", "mo", "ze", "quil", "ar", "fen", "do", "lis",
];

/// A made-up word of 2-4 syllables: 24^2 + 24^3 + 24^4, about 346,000 words.
fn push_word(rng: &mut SplitMix64, out: &mut String) {
    for _ in 0..2 + rng.below(3) {
        out.push_str(pick(rng, SYLLABLES));
    }
}

fn speaker(rng: &mut SplitMix64) -> (String, String) {
    let name = format!("{} {}", pick(rng, FIRST), pick(rng, LAST));
    (format!("{} {name}", pick(rng, TITLES)), name)
}

/// One synthetic article of at least `min_bytes`, mixing attribution patterns
/// (title + name + verb, inverted quotes, pronouns, bodies) with narration.
pub fn article(rng: &mut SplitMix64, min_bytes: usize) -> String {
    let mut text = String::with_capacity(min_bytes + 256);
    while text.len() < min_bytes {
        let (full, name) = speaker(rng);
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_owned();
        let (s1, _) = statement(rng);
        let (s2, _) = statement(rng);
        match rng.below(4) {
            0 => text += &format!("{full} said {}", lowercase_first(&s1)),
            1 => {
                text += &format!(
                    "\u{201C}{}\u{201D} said {surname}.",
                    s1.trim_end_matches('.')
                )
            }
            2 => text += &format!("\"{},\" {full} said. \"{s2}\"", s1.trim_end_matches('.')),
            _ => {
                text += &format!(
                    "{} warned that {}",
                    capitalise(pick(rng, BODIES)),
                    lowercase_first(&s1)
                )
            }
        }
        text.push(' ');
        text.push_str(pick(rng, NARRATION));
        text.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
    }
    text
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_and_sized() {
        let a = article(&mut SplitMix64::new(1), 5_000);
        assert!(a.len() >= 5_000);
        assert_eq!(a, article(&mut SplitMix64::new(1), 5_000));
        let mut rng = SplitMix64::new(2);
        let labels: std::collections::BTreeSet<&str> =
            (0..100).map(|_| statement(&mut rng).1).collect();
        assert_eq!(labels.len(), 3);
    }
}
