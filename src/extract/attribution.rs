//! Attribution: which sentences and quotes are statements, and which phrase
//! names each one's speaker.
//!
//! A sentence that opens with a quote (or introduces one with a colon) is a
//! direct statement, attributed by the short clause around the quote (`,” said
//! Kovač`, `,” the minister said`, `Kovač said: “`); a following sentence that
//! is nothing but a quote continues it. Any other sentence is a statement when
//! it has a reporting verb with a person or body as its subject, or names its
//! source with "according to"; the whole sentence is then the statement.
//! Subjects are found next to the verb: the noun phrase before it (titles,
//! possessive leads and roles included), the phrase that opens the sentence
//! when an appositive stands between, or the phrase after an inverted verb.
//! News outlets are never speakers. A passive reporting verb takes its agent
//! as speaker ("was described as “...” by a senior official"), and a verb after
//! a relative "who" the person before it ("X, the party's spokeswoman, who has
//! urged ..."). Descriptors before a body's name ("state-run") are dropped.
//!
//! Each speaker phrase becomes a [`Mention`]; resolving mentions to people
//! and bodies is left to `coref`.

use std::collections::HashSet;

use super::lexicon::{self, is_in};
use super::quotes::Quote;
use super::sentences::Sentence;
use super::tokens::{Token, tokenize};
use super::{Span, StatementKind};

/// Candidate statements and every mention of a possible speaker, in order.
#[derive(Debug, Default)]
pub struct Attribution {
    /// Statements before speaker resolution.
    pub claims: Vec<Claim>,
    /// Speaker phrases, sentence subjects and full names, in article order.
    pub mentions: Vec<Mention>,
}

/// A statement whose speaker is not resolved yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The statement text.
    pub span: Span,
    /// Direct, indirect or reported.
    pub kind: StatementKind,
    /// Where the speaker comes from.
    pub source: Source,
    /// The reporting verb ("said", "played down") or "according to".
    pub verb: Option<Span>,
}

/// Where a claim's speaker comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The mention with this index.
    Mention(usize),
    /// Whoever spoke the previous statement (a quote with no attribution).
    Previous,
}

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
}

/// Finds the claims and speaker mentions of every sentence.
pub fn attribute(article: &str, sentences: &[Sentence], quotes: &[Quote]) -> Attribution {
    let mut out = Attribution::default();
    let mut known = HashSet::new();
    let mut direct_run: Option<(usize, usize)> = None;
    let mut next_quote = 0;
    let tokens: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| {
            if s.heading {
                Vec::new()
            } else {
                tokenize(article, s.span)
            }
        })
        .collect();
    let names = name_words(article, &tokens);
    for (index, (sentence, tokens)) in sentences.iter().zip(tokens).enumerate() {
        // Sentences never split a quote, so each quote starts in the sentence that holds it.
        while next_quote < quotes.len() && quotes[next_quote].outer.start < sentence.span.start {
            next_quote += 1;
        }
        let first = next_quote;
        while next_quote < quotes.len() && quotes[next_quote].outer.start < sentence.span.end {
            next_quote += 1;
        }
        if sentence.heading {
            direct_run = None;
            continue;
        }
        let continues = direct_run.filter(|&(_, previous)| {
            previous + 1 == index && sentences[previous].paragraph == sentence.paragraph
        });
        direct_run = None;
        let outcome = {
            let sentence_quotes = &quotes[first..next_quote];
            let ctx = Ctx::new(
                article,
                sentence.span,
                sentence_quotes,
                tokens,
                &known,
                &names,
            );
            ctx.push_names(&mut out.mentions);
            if let Some(direct) = ctx.direct() {
                Outcome::Direct(direct)
            } else if let Some((np, kind, verb)) = ctx.speech() {
                Outcome::Speech(np, kind, verb)
            } else {
                Outcome::Narration(ctx.narration_subject())
            }
        };
        match (outcome, continues) {
            (
                Outcome::Direct(Direct {
                    span, bare: true, ..
                }),
                Some((claim, _)),
            ) => {
                out.claims[claim].span.end = span.end;
                direct_run = Some((claim, index));
            }
            (
                Outcome::Direct(Direct {
                    span,
                    speaker,
                    verb,
                    ..
                }),
                _,
            ) => {
                let source = match speaker {
                    Some(np) => Source::Mention(record(&mut out, &mut known, np, Usage::Speaker)),
                    None => Source::Previous,
                };
                out.claims.push(Claim {
                    span,
                    kind: StatementKind::Direct,
                    source,
                    verb,
                });
                direct_run = Some((out.claims.len() - 1, index));
            }
            (Outcome::Speech(np, kind, verb), _) => {
                let source = Source::Mention(record(&mut out, &mut known, np, Usage::Speaker));
                out.claims.push(Claim {
                    span: sentence.span,
                    kind,
                    source,
                    verb,
                });
            }
            (Outcome::Narration(Some(np)), _) => {
                record(&mut out, &mut known, np, Usage::Subject);
            }
            (Outcome::Narration(None), _) => {}
        }
    }
    out
}

/// Records a mention and returns its index; a speaker's surname becomes known.
fn record(out: &mut Attribution, known: &mut HashSet<String>, np: Np, usage: Usage) -> usize {
    if let (Form::Person(name), Usage::Speaker) = (&np.form, usage)
        && let Some(last) = name.last()
    {
        known.insert(last.clone());
    }
    out.mentions.push(np.into_mention(usage));
    out.mentions.len() - 1
}

/// Capitalised words seen after another word somewhere in the article: names,
/// as opposed to ordinary words capitalised at a sentence start ("Fresh calls").
fn name_words<'a>(article: &'a str, sentences: &[Vec<Token>]) -> HashSet<&'a str> {
    sentences
        .iter()
        .flat_map(|tokens| tokens.windows(2))
        .filter(|pair| pair[0].is_word() && pair[1].is_cap())
        .map(|pair| pair[1].stem(article))
        .collect()
}

/// A noun phrase found in a sentence: tokens `start..end` and what they name.
#[derive(Debug, Clone)]
struct Np {
    start: usize,
    end: usize,
    span: Span,
    form: Form,
    roles: Vec<String>,
    gender: Gender,
}

impl Np {
    fn into_mention(self, usage: Usage) -> Mention {
        Mention {
            span: self.span,
            form: self.form,
            roles: self.roles,
            gender: self.gender,
            usage,
        }
    }

    fn add_cues(&mut self, words: impl IntoIterator<Item = String>) {
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
enum Found {
    Np(Np),
    /// A news outlet or a document: a source, never a speaker.
    Source,
}

impl Found {
    fn np(self) -> Option<Np> {
        match self {
            Found::Np(np) => Some(np),
            Found::Source => None,
        }
    }
}

/// What stands right before a verb.
enum Before {
    Found(Found),
    /// A comma at this token: an appositive or an inserted phrase.
    Comma(usize),
    Nothing,
}

/// What a sentence turned out to be.
enum Outcome {
    Direct(Direct),
    Speech(Np, StatementKind, Option<Span>),
    Narration(Option<Np>),
}

/// A direct quotation found in a sentence.
struct Direct {
    span: Span,
    speaker: Option<Np>,
    /// The reporting verb of the attribution, if it has one.
    verb: Option<Span>,
    /// No words outside the quotes: continues the previous quote.
    bare: bool,
}

/// Most tokens a noun phrase may span.
const MAX_PHRASE: usize = 10;
/// Most tokens of an introductory phrase ("After meeting X in Y, ...").
const MAX_INTRO: usize = 30;
/// Most tokens between a quote and the verb of its attribution.
const MAX_ATTRIBUTION_GAP: usize = 12;
/// Most tokens after a verb searched for a gender cue ("said she had ...").
const GENDER_CUE_WINDOW: usize = 4;

fn gender_of(word: &str) -> Gender {
    if lexicon::is_in(lexicon::MALE_CUES, word) {
        Gender::Male
    } else if lexicon::is_in(lexicon::FEMALE_CUES, word) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

fn role_word(key: &str) -> String {
    let lower = key.to_lowercase();
    match lexicon::ROLE_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == lower)
    {
        Some((_, long)) => (*long).to_string(),
        None => lower,
    }
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// One sentence's tokens, with quoted tokens marked.
struct Ctx<'a> {
    article: &'a str,
    sentence: Span,
    quotes: &'a [Quote],
    tokens: Vec<Token>,
    quoted: Vec<bool>,
    /// Surnames of speakers so far.
    known: &'a HashSet<String>,
    /// See [`name_words`].
    names: &'a HashSet<&'a str>,
}

impl<'a> Ctx<'a> {
    fn new(
        article: &'a str,
        sentence: Span,
        quotes: &'a [Quote],
        tokens: Vec<Token>,
        known: &'a HashSet<String>,
        names: &'a HashSet<&'a str>,
    ) -> Self {
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut q = 0;
        for token in &tokens {
            while q < quotes.len() && quotes[q].outer.end <= token.span.start {
                q += 1;
            }
            quoted.push(
                quotes
                    .get(q)
                    .is_some_and(|quote| quote.outer.start <= token.span.start),
            );
        }
        Ctx {
            article,
            sentence,
            quotes,
            tokens,
            quoted,
            known,
            names,
        }
    }

    /// Is token `i` the first of its sentence, connectives aside?
    fn at_sentence_start(&self, i: usize) -> bool {
        (0..i).all(|k| self.is(k, lexicon::CONNECTIVES) || self.is_comma(k))
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token if it is an unquoted word.
    fn word(&self, i: usize) -> Option<&Token> {
        self.tokens
            .get(i)
            .filter(|t| t.is_word() && !self.quoted[i])
    }

    fn key(&self, i: usize) -> &'a str {
        self.tokens[i].key(self.article)
    }

    fn is(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|t| t.is_in(self.article, list))
    }

    fn is_comma(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(',')) && !self.quoted[i]
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| t.is_cap() && !lexicon::NOT_NAMES.contains(&t.stem(self.article)))
    }

    /// "for" inside a body's name ("the Department for Education").
    fn named_body_preposition(&self, i: usize) -> bool {
        i > 0
            && self.is(i, lexicon::NAMED_BODY_PREPOSITIONS)
            && self.tokens[i - 1].is_cap()
            && self.is_body_word(i - 1)
            && self.word(i + 1).is_some_and(|t| t.is_cap())
    }

    /// A function word; "US" and "IT" in capitals are acronyms, not "us" and "it".
    fn is_function(&self, i: usize) -> bool {
        self.is(i, lexicon::FUNCTION_WORDS) && !is_acronym(self.key(i))
    }

    fn is_body_word(&self, i: usize) -> bool {
        self.is(i, lexicon::BODIES) || self.is(i, lexicon::GROUPS)
    }

    /// A reporting verb at `i`: its length in tokens, its kind, and whether it
    /// is a participle ("saying").
    fn verb_at(&self, i: usize) -> Option<(usize, StatementKind, bool)> {
        let token = self.word(i).filter(|t| !t.is_cap())?;
        let word = token.key(self.article);
        if is_in(lexicon::REPORTING_ADJECTIVES, word) {
            let after_copula = i > 0 && self.is(i - 1, lexicon::COPULAS);
            return after_copula.then_some((1, StatementKind::Reported, false));
        }
        let forms = lexicon::reporting_verb_forms(&word.to_ascii_lowercase());
        let next = self
            .word(i + 1)
            .filter(|t| !t.is_cap())
            .map(|t| t.key(self.article));
        let phrasal = forms.iter().find(|(second, _)| {
            second.is_some_and(|second| next.is_some_and(|n| second.eq_ignore_ascii_case(n)))
        });
        let single = forms.iter().find(|(second, _)| second.is_none());
        let participle = word.ends_with("ing");
        match (phrasal, single) {
            (Some(&(_, kind)), _) => Some((2, kind, participle)),
            (None, Some(&(_, kind))) => Some((1, kind, participle)),
            (None, None) => None,
        }
    }

    /// The verb's kind, made a speech act by "against"/"of" ("warned against").
    fn verb_kind(&self, kind: StatementKind, after: usize) -> StatementKind {
        if kind == StatementKind::Indirect && self.is(after, lexicon::ACT_PARTICLES) {
            StatementKind::Reported
        } else {
            kind
        }
    }

    fn is_verb(&self, i: usize) -> bool {
        self.verb_at(i).is_some()
    }

    /// Direct quotation: the sentence opens with a quote (or introduces one
    /// with a colon, or a verb and comma), and the quote is more than a
    /// scare-quoted phrase.
    fn direct(&self) -> Option<Direct> {
        let first = self.quotes.first()?;
        let last = self.quotes.last()?;
        if first.inner.is_empty() {
            return None;
        }
        let before = self
            .tokens
            .iter()
            .take_while(|t| t.span.end <= first.outer.start)
            .count();
        let quote_first = before == 0;
        let lead = before > 0
            && (self.tokens[before - 1].is_punct(':')
                || (self.is_comma(before - 1) && before >= 2 && self.is_verb(before - 2)));
        if !(lead || quote_first && self.looks_direct(first)) {
            return None;
        }
        let bare = (0..self.len()).all(|i| self.quoted[i] || !self.tokens[i].is_word());
        let attribution = if lead {
            // "Kovač was blunt: “...”" names the speaker without a verb.
            let subject = || self.subject_after(0, before, true).and_then(Found::np);
            self.attribution_in(0, before).or_else(|| {
                subject()
                    .filter(|np| !self.bare_unknown(np))
                    .map(|np| (np, None))
            })
        } else {
            let from = self
                .tokens
                .iter()
                .take_while(|t| t.span.start < first.outer.end)
                .count();
            let to = match self.quotes.get(1) {
                Some(second) => self
                    .tokens
                    .iter()
                    .take_while(|t| t.span.start < second.outer.start)
                    .count(),
                None => self.len(),
            };
            self.attribution_in(from, to)
        };
        let span = trim_quote(
            self.article,
            Span::new(first.inner.start, last.inner.end.max(first.inner.end)),
        );
        let (speaker, verb) = attribution.map_or((None, None), |(np, verb)| (Some(np), verb));
        (!span.is_empty()).then_some(Direct {
            span,
            speaker,
            verb,
            bare,
        })
    }

    /// A quote is direct speech, not a scare-quoted phrase, when it ends in
    /// punctuation, is followed by punctuation, or runs to the paragraph end.
    fn looks_direct(&self, quote: &Quote) -> bool {
        let inner = &self.article[quote.inner.start..quote.inner.end];
        let after = self.article[quote.outer.end..self.sentence.end]
            .chars()
            .next();
        !quote.closed
            || inner.ends_with([',', '.', '!', '?', '…', '-', '—', '–', ';', ':'])
            || after.is_none_or(|c| matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '—' | '–'))
    }

    /// The span of tokens `from..from + len`.
    fn span_of(&self, from: usize, len: usize) -> Span {
        Span::new(
            self.tokens[from].span.start,
            self.tokens[from + len - 1].span.end,
        )
    }

    /// The speaker named by an attribution clause in tokens `from..to`, and
    /// its reporting verb (or "according to").
    fn attribution_in(&self, from: usize, to: usize) -> Option<(Np, Option<Span>)> {
        if let Some(np) = self.according_to(from, to).and_then(Found::np) {
            let at = self.according_at(from, to).map(|a| self.span_of(a, 2));
            return Some((np, at));
        }
        // `,” Kovač, the minister, said`: the clause starts after the punctuation.
        let from = (from..to).find(|&i| self.word(i).is_some()).unwrap_or(to);
        let end = to.min(from + MAX_ATTRIBUTION_GAP);
        let v = (from..end).find(|&i| self.is_verb(i))?;
        let (len, _, _) = self.verb_at(v)?;
        let words_before = (from..v).any(|i| self.word(i).is_some());
        let found = if words_before {
            match self.before(v, from) {
                Before::Found(found) => Some(found),
                Before::Comma(comma) => self.appositive_subject(from, comma, v, false),
                Before::Nothing => None,
            }
        } else {
            self.inverted_subject(v + len, to)
        };
        let mut np = found?.np()?;
        self.add_gender_cue_after(&mut np, v + len, to);
        Some((np, Some(self.span_of(v, len))))
    }

    /// Indirect speech or a reported speech act: the first reporting verb with
    /// a person or body as subject, or an "according to" source.
    fn speech(&self) -> Option<(Np, StatementKind, Option<Span>)> {
        let limit = self.len();
        let mut outlet_source = false;
        if let Some(found) = self.according_to(0, limit) {
            match found {
                Found::Np(np) => {
                    let at = self.according_at(0, limit).map(|a| self.span_of(a, 2));
                    return Some((np, StatementKind::Indirect, at));
                }
                Found::Source => outlet_source = true,
            }
        }
        let mut i = 0;
        while i < limit {
            let Some((len, kind, participle)) = self.verb_at(i) else {
                i += 1;
                continue;
            };
            let found = if participle {
                let found = (i > 0 && self.is_comma(i - 1))
                    .then(|| self.subject_after(0, i, true))
                    .flatten();
                found.filter(|f| !matches!(f, Found::Np(np) if self.bare_unknown(np)))
            } else if let Some(found) = self
                .passive_agent(i, len, limit)
                .or_else(|| self.relative_subject(i))
            {
                Some(found)
            } else {
                match self.before(i, 0) {
                    Before::Found(found) => Some(found),
                    Before::Comma(comma) => self
                        .appositive_subject(0, comma, i, true)
                        .or_else(|| self.inverted_speech_subject(i, len, limit)),
                    Before::Nothing => None,
                }
            };
            if let Some(mut np) = found.and_then(Found::np) {
                self.add_gender_cue_after(&mut np, i + len, limit);
                let verb = Some(self.span_of(i, len));
                return Some((np, self.verb_kind(kind, i + len), verb));
            }
            i += len;
        }
        // "He would join “if necessary,” according to the BBC": an outlet
        // passes on what the sentence's subject said.
        if outlet_source {
            let np = self.subject_after(0, limit, true).and_then(Found::np)?;
            let speaks = match &np.form {
                Form::Pronoun(pronoun) => *pronoun != Pronoun::It,
                Form::Person(name) => name.last().is_some_and(|last| self.known.contains(last)),
                _ => false,
            };
            let at = self.according_at(0, limit).map(|a| self.span_of(a, 2));
            return speaks.then_some((np, StatementKind::Indirect, at));
        }
        None
    }

    /// The subject of a sentence that is not a statement, when it names a
    /// person or body worth remembering for later pronouns.
    fn narration_subject(&self) -> Option<Np> {
        let np = match self.subject_after(0, self.len(), true) {
            Some(found) => found.np()?,
            None => {
                // "Trask’s earlier pledge ...": a known speaker's possessive.
                let i = (0..self.len()).find(|&i| !self.is(i, lexicon::CONNECTIVES))?;
                let token = self.word(i).filter(|t| t.is_possessive() && t.is_cap())?;
                let stem = token.stem(self.article);
                if !self.known.contains(stem) {
                    return None;
                }
                let form = Form::Person(vec![stem.to_string()]);
                return Some(Np {
                    start: i,
                    end: i + 1,
                    span: token.span,
                    form,
                    roles: Vec::new(),
                    gender: Gender::Unknown,
                });
            }
        };
        let keep = match &np.form {
            Form::Person(name) => {
                name.len() >= 2
                    || !np.roles.is_empty()
                    || name.last().is_some_and(|l| self.known.contains(l))
            }
            Form::Body { .. } | Form::Role { .. } => true,
            Form::Pronoun(_) => false,
        };
        keep.then_some(np)
    }

    /// "according to X" in tokens `from..to`: X, or `Source` for an outlet or a document.
    fn according_to(&self, from: usize, to: usize) -> Option<Found> {
        let at = self.according_at(from, to)?;
        if let Some(Found::Np(np)) = self.subject_after(at + 2, to, false) {
            return Some(Found::Np(np));
        }
        // "according to a statement from the ministry": the document's author.
        let end = to.min(at + 2 + MAX_PHRASE);
        let by = (at + 2..end)
            .take_while(|&i| !self.is_comma(i))
            .find(|&i| self.is(i, lexicon::AUTHOR_PREPOSITIONS));
        match by.and_then(|by| self.subject_after(by + 1, to, false)) {
            Some(Found::Np(np)) => Some(Found::Np(np)),
            _ => Some(Found::Source),
        }
    }

    /// Where "according to" starts in tokens `from..to`.
    fn according_at(&self, from: usize, to: usize) -> Option<usize> {
        (from..to.saturating_sub(1)).find(|&i| {
            self.key(i).eq_ignore_ascii_case("according")
                && self.word(i).is_some()
                && self.is(i + 1, &["to"])
        })
    }

    /// Inverted attribution ("said Kovač", "said the minister"), with the
    /// appositive that may follow it.
    fn inverted_subject(&self, from: usize, to: usize) -> Option<Found> {
        let mut found = self.subject_after(from, to, false)?;
        if let Found::Np(np) = &mut found
            && self.is_comma(np.end)
        {
            let words = self.appositive_words(np.end + 1, to);
            np.add_cues(words);
        }
        Some(found)
    }

    /// "The talks will resume, said a spokesman.": an inverted subject in
    /// indirect speech, only after a saying verb and only if the phrase ends
    /// the clause (so "..., accused Norland of ..." is not read as Norland speaking).
    fn inverted_speech_subject(&self, verb: usize, len: usize, to: usize) -> Option<Found> {
        if len != 1 || !self.is(verb, lexicon::INVERTING_VERBS) {
            return None;
        }
        let found = self.inverted_subject(verb + 1, to)?;
        let ends_clause = match &found {
            Found::Np(np) => np.end >= to || self.word(np.end).is_none(),
            Found::Source => true,
        };
        ends_clause.then_some(found)
    }

    /// "X, appositive, said": the phrase that opens the clause, if a comma
    /// follows it, with the appositive's words as roles.
    fn appositive_subject(
        &self,
        from: usize,
        comma: usize,
        verb: usize,
        sentence_start: bool,
    ) -> Option<Found> {
        let found = self.subject_after(from, comma, sentence_start)?;
        let Found::Np(mut np) = found else {
            return Some(Found::Source);
        };
        if !self.is_comma(np.end) {
            return None;
        }
        let words = self.appositive_words(np.end + 1, verb);
        np.add_cues(words);
        Some(Found::Np(np))
    }

    /// Lowercase words of an appositive, up to `to` or the next comma.
    fn appositive_words(&self, from: usize, to: usize) -> Vec<String> {
        (from..to.min(self.len()))
            .take_while(|&i| !self.is_comma(i))
            .filter_map(|i| self.word(i))
            .map(|t| t.key(self.article).to_lowercase())
            .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
            .collect()
    }

    fn add_gender_cue_after(&self, np: &mut Np, from: usize, to: usize) {
        if !matches!(np.form, Form::Person(_)) || np.gender != Gender::Unknown {
            return;
        }
        let end = to.min(from + GENDER_CUE_WINDOW).min(self.len());
        for i in from..end {
            if self.is(i, lexicon::PRONOUN_CUES) {
                np.gender = gender_of(self.key(i));
                return;
            }
        }
    }

    /// Where the words between a subject and the verb at `v` begin: auxiliaries
    /// and adverbs ("has repeatedly", "was") are skipped, at most four.
    fn skip_back(&self, v: usize, floor: usize) -> usize {
        let mut end = v;
        let mut skipped = 0;
        while end > floor && skipped < 4 {
            let Some(t) = self.word(end - 1).filter(|t| !t.is_cap()) else {
                break;
            };
            let key = t.key(self.article);
            let adverb = key.len() > 3 && key.ends_with("ly") && !key.eq_ignore_ascii_case("only");
            if !(adverb || is_in(lexicon::BETWEEN_SUBJECT_AND_VERB, key)) {
                break;
            }
            end -= 1;
            skipped += 1;
        }
        end
    }

    /// The agent of a passive reporting verb: "it was said by one senior
    /// manager at the airline", "were described as “...” by a senior official".
    fn passive_agent(&self, v: usize, len: usize, to: usize) -> Option<Found> {
        let key = self.key(v);
        let participle = key.ends_with("ed") || is_in(lexicon::IRREGULAR_PARTICIPLES, key);
        let end = self.skip_back(v, 0);
        let passive =
            participle && end < v && (end..v).any(|i| self.is(i, lexicon::PASSIVE_AUXILIARIES));
        if !passive {
            return None;
        }
        let mut unquoted = 0;
        let mut k = v + len;
        // Bounded, quoted words included, to keep extraction linear.
        let to = to.min(k + 3 * MAX_PHRASE);
        while k < to && unquoted <= MAX_PHRASE / 2 {
            if self.quoted[k] {
                k += 1;
                continue;
            }
            if self.is_comma(k) || self.is_verb(k) {
                return None;
            }
            if self.key(k).eq_ignore_ascii_case("by") && self.word(k).is_some() {
                let found = self.subject_after(k + 1, to, false)?;
                return Some(self.with_postmodifier(found, to));
            }
            unquoted += 1;
            k += 1;
        }
        None
    }

    /// "one senior manager at the airline": a role with the body it belongs to.
    fn with_postmodifier(&self, found: Found, to: usize) -> Found {
        let Found::Np(mut np) = found else {
            return found;
        };
        let Form::Role { text, .. } = &mut np.form else {
            return Found::Np(np);
        };
        if !self.is(np.end, lexicon::GROUP_PREPOSITIONS) {
            return Found::Np(np);
        }
        let from = np.end + 1;
        let mut end = from;
        while end < to
            && end - from < MAX_PHRASE
            && self.word(end).is_some()
            && (self.is(end, lexicon::DETERMINERS) || !self.is_function(end))
            && !self.is_verb(end)
        {
            end += 1;
        }
        let owner = (from + 1..=end)
            .rev()
            .find_map(|e| match self.classify(from, e) {
                Some(Found::Np(owner)) if matches!(owner.form, Form::Body { .. }) => Some(owner),
                _ => None,
            });
        if let Some(owner) = owner {
            let raw = &self.article[self.tokens[np.start].span.start..owner.span.end];
            let first_len = raw.find(' ').unwrap_or(raw.len());
            *text = format!("{}{}", raw[..first_len].to_lowercase(), &raw[first_len..]);
            np.span.end = owner.span.end;
            np.end = owner.end;
        }
        Found::Np(np)
    }

    /// "Priya Raghunathan, the party's spokesperson, who has urged ...": the
    /// person a relative "who" before the verb at `v` refers to.
    fn relative_subject(&self, v: usize) -> Option<Found> {
        let end = self.skip_back(v, 0);
        if end < 2 || !self.is(end - 1, &["who"]) || !self.is_comma(end - 2) {
            return None;
        }
        let comma = end - 2;
        let named = |found: &Np| match &found.form {
            Form::Person(_) => true,
            Form::Body { .. } => self.tokens[found.end - 1].is_cap(),
            _ => false,
        };
        if let Before::Found(Found::Np(np)) = self.before(comma, 0)
            && named(&np)
        {
            return Some(Found::Np(np));
        }
        // Across an appositive to the name before it.
        let lowest = comma.saturating_sub(MAX_PHRASE);
        let earlier = (lowest..comma).rev().find(|&k| self.word(k).is_none())?;
        if !self.is_comma(earlier) {
            return None;
        }
        let Before::Found(Found::Np(mut np)) = self.before(earlier, 0) else {
            return None;
        };
        if !named(&np) {
            return None;
        }
        np.add_cues(self.appositive_words(earlier + 1, comma));
        Some(Found::Np(np))
    }

    /// What stands right before the verb at `v`, not looking before `floor`.
    fn before(&self, v: usize, floor: usize) -> Before {
        let end = self.skip_back(v, floor);
        if end == floor {
            return Before::Nothing;
        }
        if self.is_comma(end - 1) {
            return Before::Comma(end - 1);
        }
        let Some(head) = self.word(end - 1) else {
            return Before::Nothing;
        };
        if head.is_possessive() {
            return Before::Nothing;
        }
        if self.is(end - 1, lexicon::PRONOUNS) {
            return self
                .classify(end - 1, end)
                .map_or(Before::Nothing, Before::Found);
        }
        let bodyish = self.is_body_word(end - 1);
        let mut start = end - 1;
        while start > floor && end - start < MAX_PHRASE {
            let p = start - 1;
            let Some(t) = self.word(p) else { break };
            if self.is(p, lexicon::DETERMINERS) {
                start = p;
                // "Miners at the Cerro Alto mine": the group before the preposition.
                let joined = p >= floor + 2
                    && self.is(p - 1, lexicon::GROUP_PREPOSITIONS)
                    && self.is_body_word(p - 2);
                if !joined {
                    break;
                }
                start = p - 2;
                continue;
            }
            if self.is(p, lexicon::QUANTIFIERS) {
                start = p;
                continue;
            }
            if t.is_possessive() {
                if !bodyish {
                    break;
                }
                start = p;
                continue;
            }
            let joins = |word: &str| self.key(p).eq_ignore_ascii_case(word) && p > floor;
            let preposition = p > floor
                && (self.is(p, lexicon::GROUP_PREPOSITIONS) || self.named_body_preposition(p));
            let owner = |i: usize| self.is_body_word(i) || (joins("of") && self.is_name_word(i));
            if preposition && owner(p - 1) {
                start = p - 1;
                continue;
            }
            if joins("and") && self.is_name_word(p - 1) && self.is_name_word(start) {
                start = p - 1;
                continue;
            }
            let stop = self.is_function(p)
                || self.is(p, lexicon::BETWEEN_SUBJECT_AND_VERB)
                || self.is_verb(p)
                || (t.is_cap() && lexicon::NOT_NAMES.contains(&t.stem(self.article)));
            if stop {
                break;
            }
            start = p;
        }
        if start > floor
            && self.is(start - 1, lexicon::POSTMODIFIER_PREPOSITIONS)
            && let Some(found) = self.postmodified_subject(start - 1, end, floor)
        {
            return Before::Found(found);
        }
        // "Fresh calls for ...": a lone sentence-initial word before a verb
        // form that could be a noun is only a surname if seen as a name elsewhere.
        let verb_for_sure = self.is(v, lexicon::UNAMBIGUOUS_VERBS) || self.key(v).ends_with("ed");
        match self.classify(start, end) {
            Some(Found::Np(np)) if self.bare_unknown(&np) && !verb_for_sure => Before::Nothing,
            Some(found) => Before::Found(found),
            None => Before::Nothing,
        }
    }

    /// "Residents of the village of Ostra said", "Sofia Marchetti of the
    /// Centre for Security Studies said": the walk back from the verb stopped
    /// at a preposition, so what it found is the object of a postmodifier. The
    /// subject is the leftmost group or name followed by a preposition.
    fn postmodified_subject(&self, preposition: usize, end: usize, floor: usize) -> Option<Found> {
        let lowest = floor.max(preposition.saturating_sub(MAX_PHRASE));
        let mut head = None;
        let mut k = preposition;
        while k > lowest {
            k -= 1;
            let Some(t) = self.word(k) else { break };
            let before_preposition = self.is(k + 1, lexicon::POSTMODIFIER_PREPOSITIONS);
            if before_preposition && (self.is_body_word(k) || self.is_name_word(k)) {
                head = Some(k);
                continue;
            }
            let joiner =
                self.is(k, lexicon::DETERMINERS) || self.is(k, lexicon::POSTMODIFIER_PREPOSITIONS);
            let stop = self.is_function(k)
                || self.is(k, lexicon::BETWEEN_SUBJECT_AND_VERB)
                || self.is_verb(k)
                || (t.is_cap() && lexicon::NOT_NAMES.contains(&t.stem(self.article)));
            if stop && !joiner {
                break;
            }
        }
        let head = head?;
        if self.is_body_word(head) {
            let opener = head > floor
                && (self.is(head - 1, lexicon::DETERMINERS)
                    || self.is(head - 1, lexicon::QUANTIFIERS));
            return self.classify(head - usize::from(opener), end);
        }
        let mut start = head;
        while start > floor
            && (self.is_name_word(start - 1) || self.is(start - 1, lexicon::NAME_PARTICLES))
        {
            start -= 1;
        }
        let mut found = self.classify(start, head + 1)?;
        if let Found::Np(np) = &mut found {
            np.add_cues(self.appositive_words(head + 2, end));
        }
        Some(found)
    }

    /// A lone capitalised word opening the sentence, never seen inside one:
    /// more likely an ordinary word ("Fresh calls for ...") than a surname.
    fn bare_unknown(&self, np: &Np) -> bool {
        match &np.form {
            Form::Person(name) => {
                name.len() == 1
                    && np.roles.is_empty()
                    && self.at_sentence_start(np.start)
                    && !self.names.contains(name[0].as_str())
            }
            _ => false,
        }
    }

    /// The noun phrase starting at `from` (after connectives and an
    /// introductory phrase when `sentence_start`), ending before `to`.
    fn subject_after(&self, from: usize, to: usize, sentence_start: bool) -> Option<Found> {
        let to = to.min(self.len());
        let mut i = from;
        if sentence_start {
            while i < to && self.is(i, lexicon::CONNECTIVES) {
                i += 1;
                if self.is_comma(i) {
                    i += 1;
                }
            }
            if i < to && self.is(i, lexicon::INTRO_WORDS) {
                i = (i..to.min(i + MAX_INTRO)).find(|&c| self.is_comma(c))? + 1;
                while i < to && self.is(i, lexicon::CONNECTIVES) {
                    i += 1;
                }
            }
        }
        if i >= to {
            return None;
        }
        if self.is(i, lexicon::PRONOUNS) {
            return self.classify(i, i + 1);
        }
        let mut j = i;
        while j < to && j - i < MAX_PHRASE {
            let Some(t) = self.word(j) else { break };
            if j > i {
                if self.is(j, lexicon::DETERMINERS) {
                    break;
                }
                let of = self.key(j).eq_ignore_ascii_case("of");
                if of
                    && (self.is_name_word(j - 1) || self.is_body_word(j - 1))
                    && self.word(j + 1).is_some()
                {
                    j += 1;
                    continue;
                }
                let stop = self.is_function(j)
                    || self.is(j, lexicon::BETWEEN_SUBJECT_AND_VERB)
                    || self.is_verb(j)
                    || (t.is_cap() && lexicon::NOT_NAMES.contains(&t.stem(self.article)));
                if stop {
                    break;
                }
            } else if self.is_function(j)
                && !self.is(j, lexicon::NAME_PARTICLES)
                && !self.is(j, lexicon::POSSESSIVE_DETERMINERS)
            {
                return None;
            }
            j += 1;
        }
        let found = (i + 1..=j).rev().find_map(|k| self.classify(i, k))?;
        Some(self.with_appositive_name(found, to))
    }

    /// "Kaldoria's prime minister, Helena Vuorinen, said": a role followed by
    /// a name in commas is that person.
    fn with_appositive_name(&self, found: Found, to: usize) -> Found {
        let Found::Np(generic) = &found else {
            return found;
        };
        // A role, or a body named by a common noun ("Their union, the FNSEA,").
        let common = (generic.start..generic.end).all(|i| {
            !self.tokens[i].is_cap()
                || self.is(i, lexicon::DETERMINERS)
                || self.is(i, lexicon::POSSESSIVE_DETERMINERS)
        });
        let lowercase_head = !self.tokens[generic.end - 1].is_cap();
        let text = match &generic.form {
            Form::Role { text, .. } => text,
            Form::Body { text, .. } if common || lowercase_head => text,
            _ => return found,
        };
        // "The US ambassador to Nato, Dwayne Whitaker,": a short postmodifier
        // may stand between the role and the comma.
        let mut comma = generic.end;
        if self.is(comma, lexicon::ROLE_POSTMODIFIERS) {
            let mut k = comma + 1;
            while k < to
                && k - comma <= MAX_PHRASE / 2
                && self.word(k).is_some()
                && !self.is_verb(k)
            {
                k += 1;
            }
            if k > comma + 1 && self.is_comma(k) {
                comma = k;
            }
        }
        if !self.is_comma(comma) {
            return found;
        }
        let start = comma + 1;
        let mut end = start + usize::from(self.is(start, lexicon::DETERMINERS));
        while end < to
            && end - start < MAX_PHRASE
            && (self.is_name_word(end) || self.is(end, lexicon::NAME_PARTICLES))
        {
            end += 1;
        }
        let closes = end >= to || self.word(end).is_none() || self.is_verb(end);
        match self.classify(start, end).filter(|_| closes && end > start) {
            Some(Found::Np(mut named))
                if matches!(named.form, Form::Person(_) | Form::Body { .. }) =>
            {
                let words = text.split_whitespace().map(str::to_lowercase);
                named.add_cues(words.collect::<Vec<_>>());
                named.add_cues(generic.roles.clone());
                named.start = generic.start;
                Found::Np(named)
            }
            _ => found,
        }
    }

    /// What the tokens `start..end` name, if anything.
    fn classify(&self, start: usize, end: usize) -> Option<Found> {
        self.classify_phrase(start, end, false)
    }

    fn classify_phrase(&self, start: usize, end: usize, possessive_head: bool) -> Option<Found> {
        if start >= end || (start..end).any(|i| self.word(i).is_none()) {
            return None;
        }
        let article = self.article;
        let head = &self.tokens[end - 1];
        if head.is_possessive() && !possessive_head {
            return None;
        }
        let span = Span::new(self.tokens[start].span.start, head.stem_end);
        let np = |form, roles, gender| {
            Found::Np(Np {
                start,
                end,
                span,
                form,
                roles,
                gender,
            })
        };
        if end - start == 1 && self.is(start, lexicon::PRONOUNS) {
            let pronoun = match self.key(start).to_lowercase().as_str() {
                "he" => Pronoun::He,
                "she" => Pronoun::She,
                "they" => Pronoun::They,
                _ => Pronoun::It,
            };
            return Some(np(Form::Pronoun(pronoun), Vec::new(), Gender::Unknown));
        }
        let is_source = (start..end).any(|i| {
            lexicon::OUTLETS.contains(&self.tokens[i].stem(article))
                || self.is(i, lexicon::SOURCES_NOT_SPEAKERS)
        });
        if is_source {
            return Some(Found::Source);
        }
        let of = (start + 1..end)
            .find(|&i| self.is(i, lexicon::GROUP_PREPOSITIONS) || self.named_body_preposition(i));
        let body_head = of.map_or(end - 1, |i| i - 1);
        let determiners = (start..end)
            .filter(|&i| self.is(i, lexicon::DETERMINERS))
            .count();
        let has_and = (start..end).any(|i| self.key(i).eq_ignore_ascii_case("and"));
        // "The state-run National Mediation Office": a descriptor before a
        // name is no part of it.
        let opener = start + usize::from(self.is(start, lexicon::DETERMINERS));
        let descriptor = opener + 1 < end
            && lexicon::is_descriptor(self.key(opener))
            && self.tokens[opener + 1].is_cap();
        let text = || {
            let raw = if descriptor {
                &article[self.tokens[opener + 1].span.start..span.end]
            } else {
                &article[self.tokens[opener].span.start..span.end]
            };
            if opener > start {
                format!("{} {raw}", self.key(start).to_lowercase())
            } else {
                raw.to_string()
            }
        };
        let lower_words = || {
            (start..end)
                .filter(|&i| !(self.is(i, lexicon::DETERMINERS) || (descriptor && i == opener)))
                .map(|i| self.tokens[i].stem(article).to_lowercase())
                .collect::<Vec<_>>()
        };
        let body = |head: usize| {
            let head_word = self.key(head).to_lowercase();
            let plural = has_and || lexicon::is_in(lexicon::GROUPS, &head_word);
            let form = Form::Body {
                text: text(),
                head: head_word,
                words: lower_words(),
                plural,
            };
            np(form, Vec::new(), Gender::Unknown)
        };
        if !head.is_cap() {
            if self.is_body_word(body_head) {
                return Some(body(body_head));
            }
            if self.is(end - 1, lexicon::ROLES) {
                let form = Form::Role {
                    text: text(),
                    head: self.key(end - 1).to_lowercase(),
                };
                return Some(np(form, Vec::new(), Gender::Unknown));
            }
            return None;
        }
        let single = end - start - determiners == 1;
        let company_name = body_head > start
            && self.is(body_head, lexicon::ORG_NAME_HEADS)
            && self.is_name_word(body_head - 1);
        if self.is_body_word(body_head)
            || has_and
            || company_name
            || (single && is_acronym(self.key(end - 1)))
        {
            return Some(body(body_head));
        }
        if of.is_some() {
            return None;
        }
        // A person: the run of capitalised words (and particles) at the end,
        // less any titles before the name.
        let mut run = end - 1;
        while run > start {
            let p = run - 1;
            let particle = self.is(p, lexicon::NAME_PARTICLES)
                && !self.tokens[p].is_cap()
                && (p == start || self.is_name_word(p - 1));
            if self.tokens[p].is_possessive() || !(self.is_name_word(p) || particle) {
                break;
            }
            run = p;
        }
        if self.is(run, lexicon::NAME_PARTICLES) && !self.tokens[run].is_cap() && run + 1 == end {
            return None;
        }
        if !self.is_name_word(end - 1) {
            return None;
        }
        let title = (run..end - 1).rev().find(|&i| self.is(i, lexicon::TITLES));
        let name_start = title.map_or(run, |t| t + 1);
        let mut roles: Vec<String> = (start..name_start)
            .filter(|&i| !self.tokens[i].is_possessive() && !self.is(i, lexicon::DETERMINERS))
            .map(|i| role_word(self.key(i)))
            .collect();
        if name_start + 1 == end && self.is(end - 1, lexicon::TITLES) {
            let form = Form::Role {
                text: text(),
                head: role_word(self.key(end - 1)),
            };
            return Some(np(form, roles, Gender::Unknown));
        }
        let name: Vec<String> = (name_start..end)
            .map(|i| self.tokens[i].stem(article).to_string())
            .collect();
        let gender = roles
            .iter()
            .map(|r| gender_of(r))
            .find(|g| *g != Gender::Unknown)
            .unwrap_or_default();
        roles.dedup();
        Some(np(Form::Person(name), roles, gender))
    }

    /// Full names anywhere outside quotes ("US President Donald Trask",
    /// "Trask’s"), recorded so that a later surname finds its fullest form.
    fn push_names(&self, mentions: &mut Vec<Mention>) {
        let mut i = 0;
        while i < self.len() {
            let particle_start = self.is(i, lexicon::NAME_PARTICLES) && self.is_name_word(i + 1);
            if !(self.is_name_word(i) || particle_start) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            while end < self.len() {
                let particle = self.is(end, lexicon::NAME_PARTICLES) && self.is_name_word(end + 1);
                if !(self.is_name_word(end) || particle) {
                    break;
                }
                end += 1;
                if self.tokens[end - 1].is_possessive() {
                    break;
                }
            }
            // "carrier Nordlys Air": a company noun before the name gives its type.
            let company_noun = start > 0
                && self.is(start - 1, lexicon::COMPANY_NOUNS)
                && !self.tokens[start - 1].is_cap();
            match self.classify_phrase(start, end, true) {
                Some(Found::Np(np)) if matches!(&np.form, Form::Person(n) if n.len() >= 2 && !company_noun) =>
                {
                    mentions.push(np.into_mention(Usage::Name));
                }
                Some(Found::Np(mut np)) if matches!(np.form, Form::Body { .. }) || company_noun => {
                    if company_noun {
                        np.roles.push(self.key(start - 1).to_lowercase());
                        if let Form::Person(name) = &np.form {
                            let text = name.join(" ");
                            let words = name.iter().map(|w| w.to_lowercase()).collect();
                            let head = name.last().map(|w| w.to_lowercase()).unwrap_or_default();
                            np.form = Form::Body {
                                text,
                                head,
                                words,
                                plural: false,
                            };
                        }
                    }
                    mentions.push(np.into_mention(Usage::Name));
                }
                _ => {}
            }
            i = end.max(start + 1);
        }
    }
}

/// A quote's content without trailing commas and colons ("We are ready," -> "We are ready").
fn trim_quote(article: &str, span: Span) -> Span {
    let span = span.trim(article);
    let text = &article[span.start..span.end];
    let kept = text.trim_end_matches([',', ';', ':', ' ', '\u{a0}']);
    Span::new(span.start, span.start + kept.len()).trim(article)
}

#[cfg(test)]
mod tests {
    use super::super::{paragraphs, quotes, sentences};
    use super::*;

    /// What the speaker phrase of a claim looks like, for comparisons.
    fn describe(article: &str, attribution: &Attribution, claim: &Claim) -> String {
        match claim.source {
            Source::Previous => "<previous>".to_string(),
            Source::Mention(i) => {
                let mention = &attribution.mentions[i];
                match &mention.form {
                    Form::Person(name) => name.join(" "),
                    Form::Body { text, .. } => format!("body:{text}"),
                    Form::Role { text, .. } => format!("role:{text}"),
                    Form::Pronoun(_) => {
                        format!("pronoun:{}", &article[mention.span.start..mention.span.end])
                    }
                }
            }
        }
    }

    fn attribute_text(article: &str) -> Attribution {
        let paragraphs = paragraphs::split(article);
        let quotes = quotes::find(article, &paragraphs);
        let sentences = sentences::split(article, &paragraphs, &quotes);
        attribute(article, &sentences, &quotes)
    }

    /// Checks the claims of `article`: (text the claim contains, speaker phrase, kind).
    fn assert_claims(article: &str, expected: &[(&str, &str, StatementKind)]) {
        let attribution = attribute_text(article);
        let got: Vec<(String, String, StatementKind)> = attribution
            .claims
            .iter()
            .map(|c| {
                let text = article[c.span.start..c.span.end].to_string();
                (text, describe(article, &attribution, c), c.kind)
            })
            .collect();
        assert_eq!(got.len(), expected.len(), "claims of {article:?}: {got:#?}");
        for ((text, speaker, kind), (want_text, want_speaker, want_kind)) in
            got.iter().zip(expected)
        {
            assert!(
                text.contains(want_text),
                "{text:?} should contain {want_text:?} in {article:?}"
            );
            assert_eq!(
                (speaker.as_str(), *kind),
                (*want_speaker, *want_kind),
                "claim {text:?}"
            );
        }
    }

    use StatementKind::{Direct, Indirect, Reported};

    /// An article and its expected claims: (contained text, speaker phrase, kind).
    type ClaimCase = (
        &'static str,
        &'static [(&'static str, &'static str, StatementKind)],
    );

    #[test]
    fn speaker_patterns() {
        let cases: &[ClaimCase] = &[
            // title + name + verb
            (
                "Foreign Minister Anna Kovač said any meeting must be prepared step by step.",
                &[("step by step", "Anna Kovač", Indirect)],
            ),
            // inverted
            (
                "“We are ready,” said Kovač.",
                &[("We are ready", "Kovač", Direct)],
            ),
            (
                "“We are ready,” said the minister.",
                &[("We are ready", "role:the minister", Direct)],
            ),
            (
                "“We are ready,” Kovač said.",
                &[("We are ready", "Kovač", Direct)],
            ),
            (
                "“We are ready,” the ministry said in a statement.",
                &[("We are ready", "body:the ministry", Direct)],
            ),
            (
                "\"We are ready,\" said Chief Executive Łucja Wróbel, \"at the right price.\"",
                &[("at the right price", "Łucja Wróbel", Direct)],
            ),
            // appositive
            (
                "Piet van Dijk, Ostland’s deputy UN envoy, added that nobody had left.",
                &[("nobody had left", "Piet van Dijk", Indirect)],
            ),
            (
                "Ngô Bảo, a trader at Sông Capital, which owns a stake, said she was “far from sure.”",
                &[("far from sure", "Ngô Bảo", Indirect)],
            ),
            // role before name, possessive lead
            (
                "Ostland’s deputy envoy Piet van Dijk warned against haste.",
                &[("haste", "Piet van Dijk", Reported)],
            ),
            (
                "Vellmark’s Anaïs Lefèvre said the plan was dead.",
                &[("dead", "Anaïs Lefèvre", Indirect)],
            ),
            (
                "The UN's special envoy Søren Dahl welcomed the truce as “a start.”",
                &[("a start", "Søren Dahl", Reported)],
            ),
            // according to
            (
                "According to Lefèvre, the deal is “close.”",
                &[("close", "Lefèvre", Indirect)],
            ),
            (
                "According to the central bank, the risk is rising.",
                &[("risk", "body:the central bank", Indirect)],
            ),
            ("The risk is rising, according to Reuters.", &[]),
            // bodies and groups
            (
                "The Kremlin dismissed the proposal as premature.",
                &[("premature", "body:the Kremlin", Reported)],
            ),
            (
                "The Ostland foreign ministry dismissed the offer as a stunt.",
                &[("stunt", "body:the Ostland foreign ministry", Reported)],
            ),
            (
                "European leaders caution against optimism.",
                &[("optimism", "body:European leaders", Reported)],
            ),
            (
                "Meanwhile, public-sector unions threatened a strike.",
                &[("strike", "body:public-sector unions", Reported)],
            ),
            ("NATO backs the plan.", &[("plan", "body:NATO", Reported)]),
            (
                "The Federation of Road Hauliers urged calm.",
                &[("calm", "body:the Federation of Road Hauliers", Reported)],
            ),
            // reported acts with another person as object
            (
                "Mr. Roux also called Kovač “a bookkeeper.”",
                &[("bookkeeper", "Roux", Reported)],
            ),
            (
                "Anaïs Lefèvre spoke. Lefèvre later ruled out any talks.",
                &[("talks", "Lefèvre", Reported)],
            ),
            (
                "Mr. Roux left. Roux has privately told aides he could accept.",
                &[("accept", "Roux", Indirect)],
            ),
            // participle after a comma
            (
                "Ostland’s chief negotiator Piet van Dijk struck a softer tone, saying talks were alive.",
                &[("alive", "Piet van Dijk", Indirect)],
            ),
            // role, then the name in commas
            (
                "But Vellmark's prime minister, Anaïs Lefèvre, said talks were possible.",
                &[("possible", "Anaïs Lefèvre", Indirect)],
            ),
            // pronouns
            (
                "However, he warned against “a meeting for its own sake.”",
                &[("own sake", "pronoun:he", Reported)],
            ),
            // outlets are never speakers
            (
                "The Daily Courier notes that the last meeting was in 2019.",
                &[],
            ),
            ("Reuters reported that talks had stalled.", &[]),
            // groups with a place or owner
            (
                "Officials in Selvik said the talks could last a week.",
                &[("a week", "body:Officials in Selvik", Indirect)],
            ),
            (
                "Miners at the Cerro Alto mine threatened to strike.",
                &[("strike", "body:Miners at the Cerro Alto mine", Reported)],
            ),
            (
                "However, officials on both sides played down hopes of a deal.",
                &[("hopes", "body:officials on both sides", Reported)],
            ),
            (
                "According to a statement from the harbour office, the port is closed.",
                &[("closed", "body:the harbour office", Indirect)],
            ),
            (
                "The mine's owner, Andes Copper Corp., said in a statement that costs were high.",
                &[("costs", "body:Andes Copper Corp.", Indirect)],
            ),
            // postmodified subjects
            (
                "Residents of the border village of Ostra said they heard gunfire.",
                &[(
                    "gunfire",
                    "body:Residents of the border village of Ostra",
                    Indirect,
                )],
            ),
            (
                "Sofia Marchetti of the Centre for Security Studies said the clash was unplanned.",
                &[("unplanned", "Sofia Marchetti", Indirect)],
            ),
            // a role or a body named by a common noun, then the name
            (
                "Their union, the FNSEA, called the deal a betrayal.",
                &[("betrayal", "body:the FNSEA", Reported)],
            ),
            (
                "Vellmark's state rail company, Vellbahn, rejected the offer.",
                &[("offer", "Vellbahn", Reported)],
            ),
            (
                "Its leader, Tomas Vik, accused Norland of lying.",
                &[("lying", "Tomas Vik", Reported)],
            ),
            // inverted indirect speech only after a saying verb that ends the clause
            (
                "The talks will resume on Monday, said a Norland spokesman.",
                &[("resume", "role:a Norland spokesman", Indirect)],
            ),
            // stance adjectives after a copula, phrasal speech acts
            (
                "Tomas Vik spoke. Vik was sceptical that the deal would hold.",
                &[("hold", "Vik", Reported)],
            ),
            (
                "Tomas Vik spoke. He later brushed aside questions about his future.",
                &[("questions", "pronoun:He", Reported)],
            ),
            (
                "The harbour authority was blunt: “No ship leaves.”",
                &[("No ship leaves", "body:the harbour authority", Direct)],
            ),
            (
                "“We are ready,” Roux, the trade minister, said.",
                &[("We are ready", "Roux", Direct)],
            ),
            // narration
            ("Details remain unclear.", &[]),
            ("The last meeting was in 2019.", &[]),
            ("Fresh calls for a summit went unanswered.", &[]),
            ("Trask’s earlier pledge has not been kept.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn roles_relatives_passives_descriptors_and_particles() {
        let cases: &[ClaimCase] = &[
            // a role with a postmodifier before the appositive name
            (
                "The French envoy to the talks, Marc Olivet, told reporters the deadline would slip.",
                &[("deadline would slip", "Marc Olivet", Indirect)],
            ),
            // a relative "who" after an appositive
            (
                "The row has also drawn in Lena Vasquez, the party’s housing spokeswoman, who has repeatedly urged ministers to freeze rents.",
                &[("freeze rents", "Lena Vasquez", Reported)],
            ),
            // a relative "who" right after the name
            (
                "Officials met Oskar Brandt, who has warned that the levy will ruin farmers, on Monday.",
                &[("ruin farmers", "Oskar Brandt", Indirect)],
            ),
            // passive agents, with the body a role belongs to
            (
                "The offer would be “a trap”, it was said by one senior adviser at the bank, who asked not to be named.",
                &[("a trap", "role:one senior adviser at the bank", Indirect)],
            ),
            (
                "The proposal was described as “unworkable” by a senior diplomat.",
                &[("unworkable", "role:a senior diplomat", Reported)],
            ),
            (
                "The strike was condemned as “reckless” by the Veltmark Transport Ministry.",
                &[("reckless", "body:the Veltmark Transport Ministry", Reported)],
            ),
            // a passive without an agent is no statement
            ("The bridge was repaired in May.", &[]),
            // descriptors before a named body
            (
                "The state-owned Kiruna Rail Authority said it would appeal.",
                &[("appeal", "body:the Kiruna Rail Authority", Indirect)],
            ),
            (
                "The Lisbon-based Atlantic Policy Institute warned that rates would climb.",
                &[(
                    "rates would climb",
                    "body:the Atlantic Policy Institute",
                    Indirect,
                )],
            ),
            // speech acts by a titled person and by a ministry
            (
                "Health Secretary Ingrid Solberg urged both unions to accept mediation.",
                &[("accept mediation", "Ingrid Solberg", Reported)],
            ),
            (
                "The Veltmark Defence Ministry called the incursion “a calculated provocation”.",
                &[(
                    "calculated provocation",
                    "body:the Veltmark Defence Ministry",
                    Reported,
                )],
            ),
            // name particles
            (
                "Cerys ap Rhys said the vote was lost.",
                &[("vote was lost", "Cerys ap Rhys", Indirect)],
            ),
            (
                "Khalid al-Masri said the border would stay shut.",
                &[("stay shut", "Khalid al-Masri", Indirect)],
            ),
            // a company name is a body
            (
                "Borealis Energy said supplies would resume.",
                &[("supplies would resume", "body:Borealis Energy", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn quotes_split_by_attribution_and_bare_continuations() {
        let cases: &[ClaimCase] = &[
            (
                "“We are ready,” he said, “but not at any price.”",
                &[(
                    "We are ready,” he said, “but not at any price.",
                    "pronoun:he",
                    Direct,
                )],
            ),
            (
                "«Nous sommes prêts», a dit Roux.",
                &[("Nous sommes prêts", "<previous>", Direct)],
            ),
            (
                "‘We are ready,’ Roux said. ‘We always were.’",
                &[("We are ready,’ Roux said. ‘We always were.", "Roux", Direct)],
            ),
            (
                "\"Both sides are here,\" she said. \"A deal is possible.\"",
                &[("A deal is possible.", "pronoun:she", Direct)],
            ),
            (
                "Roux said: “We will not move.”",
                &[("We will not move.", "Roux", Direct)],
            ),
            (
                "“We will not move. Not an inch. Not ever.”",
                &[("Not ever.", "<previous>", Direct)],
            ),
            (
                "“We will fight on,” said Roux, “whatever it costs",
                &[("whatever it costs", "Roux", Direct)],
            ),
            // a scare-quoted phrase opening a sentence is not a direct quote
            ("“Coalition of the willing” members met on Monday.", &[]),
            // a quote inside indirect speech: the whole sentence
            (
                "Kovač called the plan “a trap” and left.",
                &[("the plan", "Kovač", Reported)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn two_direct_quotes_with_own_attribution_stay_apart() {
        assert_claims(
            "“Yes,” said Roux. “No,” said Kovač.",
            &[("Yes", "Roux", Direct), ("No", "Kovač", Direct)],
        );
        // A bare quote in a new paragraph is a statement of its own.
        assert_claims(
            "“Yes,” said Roux.\n“And again yes.”",
            &[
                ("Yes", "Roux", Direct),
                ("And again yes.", "<previous>", Direct),
            ],
        );
    }

    #[test]
    fn records_full_names_and_subjects() {
        let article = "After talks in Vell, US President Donald Brandt renewed his push. Details remain unclear.";
        let attribution = attribute_text(article);
        let names: Vec<(String, Usage, Gender)> = attribution
            .mentions
            .iter()
            .map(|m| match &m.form {
                Form::Person(name) => (name.join(" "), m.usage, m.gender),
                other => (format!("{other:?}"), m.usage, m.gender),
            })
            .collect();
        assert_eq!(
            names,
            [
                ("Donald Brandt".to_string(), Usage::Name, Gender::Unknown),
                ("Donald Brandt".to_string(), Usage::Subject, Gender::Unknown),
            ]
        );
    }

    #[test]
    fn gender_cues_come_from_titles_appositives_and_pronouns() {
        let cases: &[(&str, Gender)] = &[
            ("Mr. Roux said talks were over.", Gender::Male),
            (
                "Alex Roux, a spokeswoman for the party, said talks were over.",
                Gender::Female,
            ),
            ("Alex Roux said her team was ready.", Gender::Female),
            ("Alex Roux said talks were over.", Gender::Unknown),
        ];
        for (article, gender) in cases {
            let attribution = attribute_text(article);
            let speaker = attribution
                .mentions
                .iter()
                .find(|m| m.usage == Usage::Speaker)
                .unwrap();
            assert_eq!(speaker.gender, *gender, "{article}");
        }
    }
}
