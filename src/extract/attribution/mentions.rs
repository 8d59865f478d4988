//! Mentions: the phrases that name or refer to a person or body, and the
//! cues (roles, gender) gathered for each.

use super::super::Span;
use super::super::lexicon;

/// A phrase that names or refers to a person or body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The phrase in the article.
    pub span: Span,
    /// What the phrase is.
    pub form: Form,
    /// Lowercase words describing the person: titles, roles, appositive words.
    pub roles: Vec<String>,
    /// Gender cue from a title, a role word or a nearby pronoun.
    pub gender: Gender,
    /// Why the mention was recorded.
    pub usage: Usage,
}

/// The shape of a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// A person's name without titles or possessive: ["Anna", "Kovač"].
    Person(Vec<String>),
    /// An institution or group: "the Kremlin", "European leaders".
    Body {
        /// The phrase as written, with a leading "the" in lowercase.
        text: String,
        /// Lowercase head noun ("ministry").
        head: String,
        /// Lowercase words of the phrase, without determiners.
        words: Vec<String>,
        /// A group ("leaders", "unions") that "they" can refer to.
        plural: bool,
    },
    /// A role standing for a person: "the minister".
    Role {
        /// The phrase as written, with a leading "the" in lowercase.
        text: String,
        /// Lowercase head noun ("minister").
        head: String,
    },
    /// He, she, they or it.
    Pronoun(Pronoun),
}

/// A subject pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// "he"
    He,
    /// "she"
    She,
    /// "they"
    They,
    /// "it"
    It,
}

/// A person's gender as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// No cue.
    #[default]
    Unknown,
    /// He.
    Male,
    /// She.
    Female,
}

/// Why a mention was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// Names the speaker of a claim.
    Speaker,
    /// Subject of a sentence that is not a statement; makes its referent recent.
    Subject,
    /// Any other full name, used only to find the fullest form of a name.
    Name,
    /// Names the speaker of the headline, who is found in the text it sums up.
    Headline,
}

/// A noun phrase found in a sentence: tokens `start..end` and what they name.
#[derive(Debug, Clone)]
pub(super) struct Np {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) span: Span,
    pub(super) form: Form,
    pub(super) roles: Vec<String>,
    pub(super) gender: Gender,
}

impl Np {
    pub(super) fn into_mention(self, usage: Usage) -> Mention {
        Mention {
            span: self.span,
            form: self.form,
            roles: self.roles,
            gender: self.gender,
            usage,
        }
    }

    pub(super) fn add_cues(&mut self, words: impl IntoIterator<Item = String>) {
        for word in words {
            if self.gender == Gender::Unknown {
                self.gender = gender_of(&word);
            }
            if !self.roles.contains(&word) {
                self.roles.push(word);
            }
        }
    }
}

/// What a phrase turned out to be.
#[derive(Debug, Clone)]
pub(super) enum Found {
    Np(Np),
    /// A news outlet or a document: a source, never a speaker.
    Source,
}

impl Found {
    pub(super) fn np(self) -> Option<Np> {
        match self {
            Found::Np(np) => Some(np),
            Found::Source => None,
        }
    }
}

/// The gender a title, role word or pronoun implies.
pub(super) fn gender_of(word: &str) -> Gender {
    // Both lists hashed: one look-up of the word answers both.
    if let (Some(male), Some(female)) = (
        lexicon::list_bit(lexicon::MALE_CUES),
        lexicon::list_bit(lexicon::FEMALE_CUES),
    ) {
        let lists = lexicon::lists_of(word);
        return if lists & male != 0 {
            Gender::Male
        } else if lists & female != 0 {
            Gender::Female
        } else {
            Gender::Unknown
        };
    }
    if lexicon::is_in(lexicon::MALE_CUES, word) {
        Gender::Male
    } else if lexicon::is_in(lexicon::FEMALE_CUES, word) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// A title as a role: lowercase, abbreviations spelled out ("Gen." -> "general").
pub(super) fn role_word(key: &str) -> String {
    lexicon::role_abbreviation(key).map_or_else(|| key.to_lowercase(), str::to_string)
}

/// "NATO", "U.S.": two letters or more, all capitals.
pub(super) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.')
}
