//! One sentence's tokens, with quoted tokens marked, and the word tests
//! every rule uses.

use rustc_hash::FxHashSet as HashSet;

use super::super::Span;
use super::super::lexicon;
use super::super::quotes::Quote;
use super::super::tokens::Token;
use super::mentions::is_acronym;

/// One sentence's tokens, with quoted tokens marked.
pub(super) struct Ctx<'a> {
    pub(super) article: &'a str,
    pub(super) sentence: Span,
    pub(super) quotes: &'a [Quote],
    pub(super) tokens: &'a [Token],
    /// Whether each token stands inside a quote.
    pub(super) quoted: &'a [bool],
    /// Surnames of speakers so far.
    pub(super) known: &'a HashSet<String>,
    /// Capitalised words seen inside some sentence: names, not sentence-initial words.
    pub(super) names: &'a HashSet<&'a str>,
    /// The sentence is the headline: verbs may be capitalised ("Ostland Rejects ...").
    pub(super) headline: bool,
}

/// Most words between the "for" of a body's name and an "in" that goes on
/// with it ("Security and Co-operation").
const MAX_NAME_AFTER_FOR: usize = 5;

impl<'a> Ctx<'a> {
    /// The sentence `tokens`, with `quoted` marked by [`Ctx::mark_quoted`]:
    /// borrowed, so that a clause of it ([`Ctx::part`]) is a view, not a copy.
    pub(super) fn new(
        article: &'a str,
        sentence: Span,
        quotes: &'a [Quote],
        tokens: &'a [Token],
        quoted: &'a [bool],
        known: &'a HashSet<String>,
        names: &'a HashSet<&'a str>,
    ) -> Self {
        debug_assert_eq!(tokens.len(), quoted.len());
        Ctx {
            article,
            sentence,
            quotes,
            tokens,
            quoted,
            known,
            names,
            headline: false,
        }
    }

    /// The same sentence read as other tokens (`quoted` flags each), for a
    /// rule that rewrites the sentence before reading it again.
    pub(super) fn with_tokens<'b>(&self, tokens: &'b [Token], quoted: &'b [bool]) -> Ctx<'b>
    where
        'a: 'b,
    {
        debug_assert_eq!(tokens.len(), quoted.len());
        Ctx {
            tokens,
            quoted,
            ..*self
        }
    }

    /// Marks in `quoted` (cleared first) whether each token stands inside
    /// one of `quotes` (in order), for [`Ctx::new`].
    pub(super) fn mark_quoted(tokens: &[Token], quotes: &[Quote], quoted: &mut Vec<bool>) {
        quoted.clear();
        let mut q = 0;
        for token in tokens {
            while q < quotes.len() && quotes[q].outer.end <= token.span.start {
                q += 1;
            }
            quoted.push(
                quotes
                    .get(q)
                    .is_some_and(|quote| quote.outer.start <= token.span.start),
            );
        }
    }

    /// Tokens `from..to` as a clause of their own, without a trailing comma
    /// or semicolon: its span is theirs, and its subjects are found in it.
    pub(super) fn part(&self, from: usize, to: usize) -> Ctx<'a> {
        let mut to = to.min(self.len());
        while to > from && (self.is_comma(to - 1) || self.tokens[to - 1].is_punct(';')) {
            to -= 1;
        }
        let from = from.min(to);
        let sentence = match (
            self.tokens.get(from),
            to.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(first), Some(last)) if from < to => Span::new(first.span.start, last.span.end),
            _ => Span::new(self.sentence.end, self.sentence.end),
        };
        Ctx {
            article: self.article,
            sentence,
            quotes: self.quotes,
            tokens: &self.tokens[from..to],
            quoted: &self.quoted[from..to],
            known: self.known,
            names: self.names,
            headline: self.headline,
        }
    }

    /// The same sentence read as a headline.
    pub(super) fn in_headline(self) -> Self {
        Ctx {
            headline: true,
            ..self
        }
    }

    /// Is token `i` the first of its sentence, connectives aside?
    pub(super) fn at_sentence_start(&self, i: usize) -> bool {
        (0..i).all(|k| self.is(k, lexicon::CONNECTIVES) || self.is_comma(k))
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token that starts at byte `start` (a verb's, from its span).
    pub(super) fn token_at(&self, start: usize) -> Option<usize> {
        self.tokens.iter().position(|t| t.span.start == start)
    }

    /// The token if it is an unquoted word.
    #[inline]
    pub(super) fn word(&self, i: usize) -> Option<&Token> {
        self.tokens
            .get(i)
            .filter(|t| t.is_word() && !self.quoted[i])
    }

    pub(super) fn key(&self, i: usize) -> &'a str {
        self.tokens[i].key(self.article)
    }

    #[inline(always)]
    pub(super) fn is(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|t| t.is_in(self.article, list))
    }

    /// Is token `i` a word of digits only ("3", "2024")?
    #[inline]
    pub(super) fn is_number(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| t.key(self.article).chars().all(|c| c.is_ascii_digit()))
    }

    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(',')) && !self.quoted[i]
    }

    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| t.is_cap() && !t.stem_listed(self.article, lexicon::NOT_NAMES))
    }

    /// "for" inside a body's name ("the Department for Education").
    ///
    /// Inlined up to the word's own test, which rules out nearly every word:
    /// rules ask this of every word of a phrase, and the call cost more
    /// than the test.
    #[inline]
    pub(super) fn named_body_preposition(&self, i: usize) -> bool {
        self.is(i, lexicon::NAMED_BODY_PREPOSITIONS) && self.named_body_around(i)
            || self.is(i, &["in"]) && self.named_body_goes_on(i)
    }

    /// "the Organisation for Security and Co-operation in Europe", "the
    /// Centre for Human Rights in Vell": "in" and a capitalised place go on
    /// a body's name that "for" opened, across capitalised words and "and".
    #[inline(never)]
    fn named_body_goes_on(&self, i: usize) -> bool {
        if i == 0 || !self.tokens[i - 1].is_cap() || !self.word(i + 1).is_some_and(|t| t.is_cap()) {
            return false;
        }
        (1..i)
            .rev()
            .take(MAX_NAME_AFTER_FOR)
            .take_while(|&k| {
                self.tokens[k].is_cap()
                    || self.is(k, &["and"])
                    || self.is(k, lexicon::NAMED_BODY_PREPOSITIONS)
            })
            .find(|&k| self.is(k, lexicon::NAMED_BODY_PREPOSITIONS))
            .is_some_and(|k| self.named_body_around(k))
    }

    /// The rest of [`Ctx::named_body_preposition`]: a body before, a name after.
    #[inline(never)]
    fn named_body_around(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i - 1].is_cap()
            && self.is_body_word(i - 1)
            && self.word(i + 1).is_some_and(|t| t.is_cap())
    }

    /// "of" or "for" between a capitalised title and its department
    /// ("Minister for Agriculture", "Secretary of State"). Inlined up to the
    /// word's own test, as [`Ctx::named_body_preposition`] is.
    #[inline]
    pub(super) fn title_preposition(&self, i: usize) -> bool {
        self.is(i, &["of", "for"]) && self.title_around(i)
    }

    /// The rest of [`Ctx::title_preposition`]: a title before, its department after.
    #[inline(never)]
    fn title_around(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i - 1].is_cap()
            && self.is_title(i - 1)
            && self.word(i + 1).is_some_and(|t| t.is_cap())
            && self.is(i + 1, lexicon::TITLE_OF_OBJECTS)
    }

    /// A function word; "US" and "IT" in capitals are acronyms, not "us" and "it".
    #[inline]
    pub(super) fn is_function(&self, i: usize) -> bool {
        self.is(i, lexicon::FUNCTION_WORDS) && !is_acronym(self.key(i))
    }

    #[inline]
    pub(super) fn is_body_word(&self, i: usize) -> bool {
        self.is(i, lexicon::BODIES) || self.is(i, lexicon::GROUPS)
    }

    /// The span of tokens `from..from + len`.
    pub(super) fn span_of(&self, from: usize, len: usize) -> Span {
        Span::new(
            self.tokens[from].span.start,
            self.tokens[from + len - 1].span.end,
        )
    }
}
