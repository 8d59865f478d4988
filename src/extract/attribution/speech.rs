//! Speech acts: direct quotations and their attribution clauses, reporting
//! verbs with their subjects, "according to" sources, and the subject of a
//! sentence that is not a statement.

use super::super::lexicon::{self, is_in};
use super::super::paragraphs::is_double_mark;
use super::super::quotes::Quote;
use super::super::tokens::{Token, TokenKind};
use super::super::{Span, StatementKind};
use super::MAX_PHRASE;
use super::clauses::Before;
use super::context::Ctx;
use super::mentions::{Form, Found, Gender, Np, Pronoun};

/// A direct quotation found in a sentence.
pub(super) struct Direct {
    pub(super) span: Span,
    pub(super) speaker: Option<Np>,
    /// The reporting verb of the attribution, if it has one.
    pub(super) verb: Option<Span>,
    /// No words outside the quotes: continues the previous quote.
    pub(super) bare: bool,
    /// What the speaker goes on to say after the attribution (`,” he said,
    /// adding that ...`): its span, kind and participle.
    pub(super) then: Option<(Span, StatementKind, Span)>,
    /// What the speaker said before the verb that introduces the quote
    /// ("X confirmed A, but added: “B”"): its span, kind and verb.
    pub(super) earlier: Option<(Span, StatementKind, Span)>,
    /// Who passes the quote on (`,” the envoy cited the president as
    /// saying`): the sentence's subject, whom a "he" after it means.
    pub(super) quoter: Option<Box<Np>>,
}

/// Most tokens after a verb searched for an anonymity phrase.
const ANONYMITY_WINDOW: usize = 5;

/// Most words in the speaker's side of a headline like "Lutnick: ...".
const MAX_HEADLINE_LABEL: usize = 6;

/// Dashes that set a headline's speaker apart ("... – foreign minister"),
/// or an aside apart from the sentence around it.
const HEADLINE_DASHES: &[char] = &['–', '—'];

/// Quote marks as a headline's tokens: its quotes are not scanned as a
/// paragraph's, so a single mark opens and closes alike.
const QUOTE_OPENERS: &[char] = &['\'', '‘', '’', '"', '“', '”'];

/// Most quoted words read as the writer's own at the start of a quoted
/// predicate (`“categorically rejected”`).
const MAX_QUOTED_PREDICATE: usize = 3;

/// Fewest words after the verb of a statement before a quote's lead-in
/// ("X confirmed the talks, but added: ...").
const MIN_EARLIER_WORDS: usize = 3;

/// Most tokens between a quote and the verb of its attribution.
const MAX_ATTRIBUTION_GAP: usize = 12;

/// Most tokens between a quote and the verb of an attribution that names a
/// person with a long description: `,” Ada Lenz, a spokeswoman for the
/// Vellish Farmers' Union (VFU), said` or `,” chief of the harbour
/// authority's crisis centre Ada Lenz told a briefing`.
const MAX_NAMED_ATTRIBUTION_GAP: usize = 2 * MAX_ATTRIBUTION_GAP;

/// Documents that, named again with "the", speak for whoever issued them
/// ("according to the statement"); not a report or a release, which an
/// outlet may have written.
const UNSIGNED_DOCUMENTS: &[&str] = &["statement", "communique", "communiqué", "declaration"];

/// Verbs of plain saying that close a sentence's attribution ("..., the
/// spokesman said").
const FINAL_SAYING: &[&str] = &["said", "says", "told", "added", "quoted"];

/// Most words after a closing attribution's verb ("said on Monday in a
/// statement").
const MAX_FINAL_TAIL: usize = 6;
/// Most trailing clauses ("..., as ...") after a closing attribution.
const MAX_TRAILING_CLAUSES: usize = 2;

/// Most tokens of an appositive between a closing attribution's subject and
/// its verb ("..., Ilse Marek, the powerful sister of Varnland's leader Otto
/// Marek, said"): a description may name someone else in full.
const MAX_APPOSITIVE: usize = 16;

/// Most tokens of a participle's clause opening a sentence ("Rejecting the
/// reports of a secret meeting, ...").
const MAX_OPENING_CLAUSE: usize = 30;

/// Most words of a time phrase between a document and a participle
/// ("a statement late on Monday urging").
const MAX_TIME_PHRASE: usize = 3;

/// Most words of the object between "wants" and "to" ("wants the
/// European Union to end ...").
const MAX_WANTED_OBJECT: usize = 5;

/// Most commas looked back across for a subject before an inserted phrase.
const MAX_INSERTION_COMMAS: usize = 3;

/// Most words of a relative clause between a subject and its verb
/// ("Officials who attended the meeting said").
const MAX_RELATIVE_CLAUSE: usize = 12;

/// Most words inside brackets between a subject and its verb ("The Port
/// Workers' Union (PWU) said").
const MAX_BRACKETED: usize = 3;

/// One claim of a headline: its span, speaker and verb.
type HeadlineClaim = (Span, Np, Option<Span>);

/// A headline's two claims, see [`Ctx::headline_halves`].
type HeadlineHalves = (HeadlineClaim, HeadlineClaim);

impl<'a> Ctx<'a> {
    /// A reporting verb at `i`: its length in tokens, its kind, and whether it
    /// is a participle ("saying").
    pub(super) fn verb_at(&self, i: usize) -> Option<(usize, StatementKind, bool)> {
        // A capitalised verb is one only in a headline, or as the participle
        // opening a sentence ("Rejecting the reports, the ministry ...").
        let opening = |t: &super::super::tokens::Token| {
            i < 3 && t.key(self.article).ends_with("ing") && self.at_sentence_start(i)
        };
        let token = self
            .word(i)
            .filter(|t| self.headline || !t.is_cap() || opening(t))?;
        let word = token.key(self.article);
        if token.is_in(self.article, lexicon::REPORTING_ADJECTIVES) {
            // "was sceptical", "were not convinced", "is deeply wary"; a
            // headline drops the copula ("Vik confident of a deal").
            let adverb = |k: usize| {
                self.is(k, lexicon::DEGREE_ADVERBS)
                    || self.word(k).is_some_and(|t| {
                        let key = t.key(self.article);
                        key.eq_ignore_ascii_case("only") || lexicon::is_ly_adverb(key)
                    })
            };
            // "were not convinced": a negation stands between too
            let j = if i > 1 && self.is(i - 1, &["not"]) {
                i - 1
            } else {
                i
            };
            let after_copula = j > 0 && self.is(j - 1, lexicon::COPULAS)
                || j > 1 && adverb(j - 1) && self.is(j - 2, lexicon::COPULAS);
            return (after_copula || self.headline && i > 0 && !adverb(i - 1)).then_some((
                1,
                StatementKind::Reported,
                false,
            ));
        }
        // "charged that ...", "upheld that ...": verbs that report speech
        // only when a clause follows.
        if self.is(i + 1, &["that"]) && is_in(lexicon::THAT_VERBS, word) {
            return Some((1, StatementKind::Indirect, word.ends_with("ing")));
        }
        // "wants the company to withdraw the cuts": a position, when an
        // object and "to" follow ("wants to expand" is none).
        // The token's own test: asked of nearly every word, it compares
        // lengths first, with no call.
        if token.is_in(self.article, lexicon::WANT_VERBS) && self.wants_object_to(i) {
            return Some((1, StatementKind::Reported, false));
        }
        // "declined to comment on ...": refusing to speak is a speech act,
        // and so is "declined comment", as wire copy writes it. The next
        // word first: the cheapest test, and it rules out nearly every word.
        if self.is(i + 1, &["to", "comment"]) && is_in(lexicon::REFUSALS, word) {
            if self.is(i + 1, &["comment"]) {
                return Some((2, StatementKind::Reported, word.ends_with("ing")));
            }
            if self.is(i + 2, lexicon::REFUSED_SPEECH) {
                return Some((3, StatementKind::Reported, word.ends_with("ing")));
            }
        }
        // "put the death toll at 31", "put the number at 40,000": an
        // estimate, a statement of fact.
        if self.is(i, &["put", "puts", "putting"])
            && self.is(i + 1, &["the", "its", "their"])
            && (self.is(i + 2, lexicon::ESTIMATE_NOUNS) || self.is(i + 3, lexicon::ESTIMATE_NOUNS))
        {
            return Some((1, StatementKind::Reported, word.ends_with("ing")));
        }
        // "gave the operator 30 days to pay": an ultimatum, a demand with a
        // deadline.
        if self.is(i, lexicon::DEADLINE_VERBS) && self.deadline_after(i) {
            return Some((1, StatementKind::Reported, false));
        }
        // "Ostland, Vell agree to reopen border": a headline's agreement is
        // the parties' joint word (in the text, "agreed to" is as often an
        // act told by someone else).
        if self.headline
            && is_in(lexicon::HEADLINE_AGREEMENTS, word)
            && self.is(i + 1, &["to", "on"])
        {
            return Some((2, StatementKind::Reported, false));
        }
        // "order strikers back to work": an adverb, not "backs the plan".
        if word.eq_ignore_ascii_case("back") && self.is(i + 1, &["to", "into", "at", "on"]) {
            return None;
        }
        // A verb that reports by its object ("lodged a protest").
        let by_object = || {
            self.act_object_after(i)
                .then_some((1, StatementKind::Reported, word.ends_with("ing")))
        };
        // Nearly every word starts no reporting verb: done before reading
        // the next word.
        if !lexicon::starts_reporting_verb(token.lists) {
            return by_object();
        }
        let forms = lexicon::reporting_verb_forms_of(word);
        let next = self
            .word(i + 1)
            .filter(|t| self.headline || !t.is_cap())
            .map(|t| t.key(self.article));
        let phrasal = forms.iter().find(|(second, _)| {
            second.is_some_and(|second| next.is_some_and(|n| second.eq_ignore_ascii_case(n)))
        });
        let single = forms.iter().find(|(second, _)| second.is_none());
        let (len, kind) = match (phrasal, single) {
            (Some(&(_, kind)), _) => (2, kind),
            (None, Some(&(_, kind))) => (1, kind),
            // "sought a meeting", "set out a deadline": a verb that starts a
            // phrasal reporting verb may still report by its object
            (None, None) => return by_object(),
        };
        // "who asked not to be named", "speaking on condition of anonymity":
        // a source's anonymity, not what it said. Looked for only after a
        // verb: most words are none, and the look costs a window of tests.
        if self.anonymity_after(i + 1) {
            return None;
        }
        if self.claims_possession(i) {
            return None;
        }
        Some((len, kind, word.ends_with("ing") && !self.progressive_at(i)))
    }

    /// Is the "claim" at `i` a claim to land or rule, which reports nothing
    /// said: passive ("was claimed by Ostland", "has been claimed for decades
    /// by ..."), or with a [`lexicon::CLAIMED_POSSESSIONS`] or
    /// [`lexicon::PLACE_FEATURES`] noun as its object ("claimed sovereignty
    /// over", "have claimed the area around", "claims the whole valley")?
    fn claims_possession(&self, i: usize) -> bool {
        if !self.is(i, lexicon::CLAIM_VERBS) {
            return false;
        }
        if i > 0 && self.is(i - 1, lexicon::PASSIVE_AUXILIARIES) {
            return true;
        }
        let end = (i + 2 + lexicon::MAX_CLAIM_MODIFIERS).min(self.len());
        (i + 1..end)
            .take_while(|&k| {
                self.word(k).is_some_and(|t| self.headline || !t.is_cap())
                    && !self.is(k, &["that", "to"])
            })
            .any(|k| {
                self.is(k, lexicon::CLAIMED_POSSESSIONS) || self.is(k, lexicon::PLACE_FEATURES)
            })
    }

    /// Is the word at `i` a verb that reports a speech act by its object:
    /// "lodged a formal protest", "have exchanged accusations", "issued a
    /// stern warning"? The object follows after at most a few lowercase
    /// words.
    fn act_object_after(&self, i: usize) -> bool {
        if !self.is(i, lexicon::ACT_VERBS) {
            return false;
        }
        // "seeks meaningful dialogue": what is sought may be talks too
        let seeking = self.is(i, lexicon::SEEK_VERBS);
        let end = (i + 2 + lexicon::MAX_ACT_MODIFIERS).min(self.len());
        (i + 1..end)
            .take_while(|&k| {
                let t = &self.tokens[k];
                // "lodged “solemn representations”": the object may be
                // quoted; "set a May 15 deadline": dated
                t.is_word() && !t.is_cap()
                    || QUOTE_OPENERS.iter().any(|&c| t.is_punct(c))
                    || self.is(k, lexicon::MONTHS)
                    || self.is_number(k)
            })
            .any(|k| {
                self.tokens[k].is_in(self.article, lexicon::ACT_OBJECTS)
                    || seeking && self.is(k, lexicon::SOUGHT_TALKS)
            })
    }

    /// Is the "-ing" form at `i` progressive ("is calling for", "were also
    /// urging"): the clause's verb, not a participle?
    fn progressive_at(&self, i: usize) -> bool {
        i > 0
            && (self.is(i - 1, lexicon::PROGRESSIVE_AUXILIARIES)
                || i > 1
                    && self.is(i - 1, lexicon::DEGREE_ADVERBS)
                    && self.is(i - 2, lexicon::PROGRESSIVE_AUXILIARIES))
    }

    /// Does an anonymity phrase follow at token `i` ("not to be named", "on
    /// condition of anonymity", "anonymity because ...")?
    fn anonymity_after(&self, i: usize) -> bool {
        let end = (i + ANONYMITY_WINDOW).min(self.len());
        (i..end).any(|k| self.is(k, lexicon::ANONYMITY_WORDS))
            && (i..end).all(|k| self.word(k).is_some() || self.tokens[k].is_punct(','))
    }

    /// "Officials who attended the meeting said": the subject opening the
    /// clause before a relative "who" clause of at most
    /// [`MAX_RELATIVE_CLAUSE`] words, with no comma, that ends at `end`.
    fn subject_before_relative(&self, end: usize, floor: usize) -> Option<Np> {
        let who = (floor + 1..end)
            .rev()
            .take(MAX_RELATIVE_CLAUSE + 1)
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| self.is(k, &["who"]))?;
        if who + 1 >= end {
            return None;
        }
        let Before::Found(Found::Np(np)) = self.before(who, floor) else {
            return None;
        };
        (np.start == floor || self.at_sentence_start(np.start)).then_some(np)
    }

    /// The subject before the verb at `v`, also across a bracketed acronym
    /// or short aside between the two: "The Port Workers' Union (PWU) said".
    fn before_bracket(&self, v: usize, floor: usize) -> Before {
        let found = self.before(v, floor);
        if !matches!(found, Before::Nothing) {
            return found;
        }
        let end = self.skip_back(v, floor);
        if end <= floor + 1 {
            return found;
        }
        if let Some(np) = self.subject_before_relative(end, floor) {
            return Before::Found(Found::Np(np));
        }
        if HEADLINE_DASHES
            .iter()
            .any(|&d| self.tokens[end - 1].is_punct(d))
        {
            return self.before_dashes(end - 1, floor).unwrap_or(found);
        }
        if !self.tokens[end - 1].is_punct(')') {
            return found;
        }
        let close = end - 1;
        let open = (floor..close)
            .rev()
            .take(MAX_BRACKETED + 1)
            .find(|&k| self.tokens[k].is_punct('('));
        match open {
            Some(open) if open > floor && open + 1 < close => {
                let words = (open + 1..close).all(|k| self.word(k).is_some());
                if words {
                    self.before(open, floor)
                } else {
                    found
                }
            }
            _ => found,
        }
    }

    /// The subject before an aside set off by dashes, the second dash at
    /// `close`: "Ostmark—casting itself as a broker—urged ...". The subject
    /// must open the sentence.
    fn before_dashes(&self, close: usize, floor: usize) -> Option<Before> {
        let lowest = close.saturating_sub(3 * MAX_PHRASE).max(floor);
        let open = (lowest..close)
            .rev()
            .find(|&k| HEADLINE_DASHES.iter().any(|&d| self.tokens[k].is_punct(d)))?;
        if floor > 0 {
            return None;
        }
        self.opening_subject_ending_at(open).map(Before::Found)
    }

    /// The verb's kind, made a speech act by "against"/"of" ("warned against").
    pub(super) fn verb_kind(&self, kind: StatementKind, after: usize) -> StatementKind {
        if kind == StatementKind::Indirect && self.is(after, lexicon::ACT_PARTICLES) {
            StatementKind::Reported
        } else {
            kind
        }
    }

    pub(super) fn is_verb(&self, i: usize) -> bool {
        self.verb_at(i).is_some()
    }

    /// A lowercase word between a name and its object that reads as a
    /// past-tense verb ("Ostland summoned the envoy", "the rebels of the
    /// Front seized two villages"): a clause has begun, and no phrase naming
    /// someone runs across it. Not "the Vellmark armed forces", where no
    /// object follows.
    pub(super) fn is_past_tense(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i - 1].is_cap()
            && !self.is(i - 1, lexicon::DETERMINERS)
            && self.past_verb_with_object(i)
    }

    /// Is the word at `p` a lower-case verb in the past tense (in "-ed", or
    /// an irregular one)?
    fn is_past_form(&self, p: usize) -> bool {
        self.word(p).is_some_and(|t| !t.is_cap())
            && !self.is_function(p)
            && (self.key(p).ends_with("ed") || self.is(p, lexicon::IRREGULAR_PAST_VERBS))
    }

    /// Is the word at `p` a lower-case verb in the past tense that an object
    /// follows (a determiner, a number, a name, or one word and a name:
    /// "neighbouring Vell")?
    pub(super) fn past_verb_with_object(&self, p: usize) -> bool {
        let past = self.is_past_form(p);
        let object = self.is(p + 1, lexicon::DETERMINERS)
            || self.is(p + 1, lexicon::QUANTIFIERS)
            || self.is_number(p + 1)
            || self.word(p + 1).is_some_and(|t| t.is_cap())
            || self.word(p + 1).is_some()
                && !self.is_function(p + 1)
                && self.word(p + 2).is_some_and(|t| t.is_cap());
        past && object
    }

    /// Direct quotation: the sentence opens with a quote (or introduces one
    /// with a colon, or a verb and comma), and the quote is more than a
    /// scare-quoted phrase.
    pub(super) fn direct(&self) -> Option<Direct> {
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
        // "As the minister put it, “...”": the idiom names the speaker.
        // (`then`, not `then_some`: `before - 3` must not be computed when
        // `before` is small.)
        let put_it = (before >= 5
            && self.is_comma(before - 1)
            && self.is(before - 2, &["it"])
            && self.is(before - 3, &["put"])
            && self.is(0, &["as"]))
        .then(|| before - 3);
        let lead = before > 0
            && (self.tokens[before - 1].is_punct(':')
                || put_it.is_some()
                || (self.is_comma(before - 1) && before >= 2 && self.is_verb(before - 2)));
        if !(lead || quote_first && self.looks_direct(first)) {
            return None;
        }
        let bare = (0..self.len()).all(|i| self.quoted[i] || !self.tokens[i].is_word());
        let attribution = if let Some(put) = put_it {
            match self.before(put, 1) {
                Before::Found(found) => found.np().map(|np| (np, Some(self.span_of(put, 2)))),
                _ => None,
            }
        } else if lead {
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
        let (speaker, verb) = attribution.map_or((None, None), |(np, verb)| (Some(np), verb));
        let quoter = verb.and_then(|v| self.quoter(v)).map(Box::new);
        // `“A,” she said, urging them to “B”` / `, adding, “B”`: what follows
        // the participle is the speaker's next statement, quotes and all,
        // and the narration between is in neither.
        let then = verb
            .filter(|v| speaker.is_some() && v.start >= first.outer.end)
            .and_then(|v| {
                let (span, kind, participle) = self.speech_after(v.end)?;
                let next_quote = self.quotes.iter().find(|q| q.outer.start >= v.end);
                next_quote
                    .is_none_or(|q| participle.end <= q.outer.start)
                    .then_some((span, kind, participle))
            });
        // The quoted words as written, with the comma or full stop the
        // writer put inside the marks; with a next statement, only the
        // quotes before its verb.
        let last = match (then, verb) {
            (Some(_), Some(v)) => self
                .quotes
                .iter()
                .rfind(|q| q.outer.end <= v.start)
                .unwrap_or(last),
            _ => last,
        };
        let span =
            Span::new(first.inner.start, last.inner.end.max(first.inner.end)).trim(self.article);
        let earlier = (lead && put_it.is_none() && speaker.is_some())
            .then(|| self.speech_before_lead(before))
            .flatten();
        (!span.is_empty()).then_some(Direct {
            span,
            speaker,
            verb,
            bare,
            then,
            earlier,
            quoter,
        })
    }

    /// The subject of a quoting verb at byte span `verb` ("the envoy" of
    /// "the envoy cited the president as saying"), when it names a person
    /// or body (an outlet is a source, no subject to remember).
    fn quoter(&self, verb: Span) -> Option<Np> {
        let q = self.token_at(verb.start)?;
        if !self.is(q, lexicon::QUOTING_VERBS) {
            return None;
        }
        match self.before_bracket(q, 0) {
            Before::Found(found) => found.np(),
            _ => None,
        }
    }

    /// The sentence read with the first words of a quote that opens its
    /// predicate as the writer's own, so a quoted verb or stance adjective
    /// can report speech: `The ministry “categorically rejected” the
    /// claims`, `The office was “pleased with the result”`. The quote
    /// follows an unquoted word near the sentence start; its opening mark
    /// is left out: the tokens and quote flags without it are returned (read
    /// them with [`Ctx::with_tokens`]), with the span the quoted verb must
    /// start in.
    pub(super) fn quoted_predicate(&self) -> Option<(Vec<Token>, Vec<bool>, Span)> {
        let mark = (0..self.len().min(MAX_PHRASE + 2)).find(|&k| self.quoted[k])?;
        if mark == 0 || self.word(mark - 1).is_none() {
            return None;
        }
        let first = self.tokens.get(mark + 1).filter(|t| t.is_word())?;
        let mut tokens = self.tokens.to_vec();
        let mut quoted = self.quoted.to_vec();
        tokens.remove(mark);
        quoted.remove(mark);
        let mut last = first.span.end;
        for k in mark..(mark + MAX_QUOTED_PREDICATE).min(tokens.len()) {
            if !tokens[k].is_word() {
                break;
            }
            quoted[k] = false;
            last = tokens[k].span.end;
        }
        Some((tokens, quoted, Span::new(first.span.start, last)))
    }

    /// `X confirmed A, but added: “...”` / `X voiced A, adding, “...”`:
    /// the speaker's own words before the verb that leads into the quote
    /// opening at token `quote`, when a comma (and "but", "and" or an
    /// adverb) sets that verb apart. Its span, kind and verb.
    fn speech_before_lead(&self, quote: usize) -> Option<(Span, StatementKind, Span)> {
        let lead = quote.checked_sub(2)?;
        let (_, _, participle) = self.verb_at(lead)?;
        let mut k = lead;
        let mut joined = false;
        while k > 0 && (self.is(k - 1, lexicon::ACT_ADVERBS) || self.is(k - 1, &["but", "and"])) {
            joined |= self.is(k - 1, &["but", "and"]);
            k -= 1;
        }
        // "Sani, asked whether ..., replied:": a finite verb right after
        // the comma is the sentence's own, the words before it its subject.
        if k == 0 || !self.is_comma(k - 1) || !(joined || participle) {
            return None;
        }
        let cut = k - 1;
        let left = self.part(0, cut);
        let (_, kind, verb) = left.speech()?;
        let verb = verb?;
        // the first act needs words of its own after its verb
        let v = self.token_at(verb.start).filter(|&v| v < cut)?;
        let content = (v + 1..cut).filter(|&i| self.tokens[i].is_word()).count();
        (content >= MIN_EARLIER_WORDS).then_some((left.sentence, kind, verb))
    }

    /// `, adding that ...` / `, saying ...` after an attribution ending at
    /// byte `after`: the speaker's further words, from the participle to the
    /// sentence end.
    fn speech_after(&self, after: usize) -> Option<(Span, StatementKind, Span)> {
        let from = self.tokens.iter().position(|t| t.span.start >= after)?;
        let i = (from + 1..self.len()).find(|&i| self.is_comma(i - 1) && self.word(i).is_some())?;
        let (len, kind, participle) = self.verb_at(i)?;
        let words = (i + len..self.len())
            .filter(|&k| self.tokens[k].is_word())
            .count();
        (participle && words >= 3).then(|| {
            let span = Span::new(self.tokens[i].span.start, self.sentence.end).trim(self.article);
            (span, self.verb_kind(kind, i + len), self.span_of(i, len))
        })
    }

    /// A quote is direct speech, not a scare-quoted phrase, when it ends in
    /// punctuation, is followed by punctuation, or runs to the paragraph end.
    pub(super) fn looks_direct(&self, quote: &Quote) -> bool {
        let inner = &self.article[quote.inner.start..quote.inner.end];
        let after = self.article[quote.outer.end..self.sentence.end]
            .chars()
            .next();
        !quote.closed
            || inner.ends_with([',', '.', '!', '?', '…', '-', '—', '–', ';', ':'])
            || after.is_none_or(|c| matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '—' | '–'))
    }

    /// The speaker named by an attribution clause in tokens `from..to`, and
    /// its reporting verb (or "according to").
    pub(super) fn attribution_in(&self, from: usize, to: usize) -> Option<(Np, Option<Span>)> {
        if let Some(np) = self.according_to(from, to).and_then(Found::np) {
            let at = self.according_at(from, to).map(|a| self.span_of(a, 2));
            return Some((np, at));
        }
        // `The agency quoted the envoy as saying: “...”`, `,” X cited the
        // president as saying.`: the one quoted speaks.
        if let Some((np, _, verb)) = self.quoted_as_saying_in(from, to) {
            return Some((np, verb));
        }
        // `,” Kovač, the minister, said`: the clause starts after the punctuation.
        let from = (from..to).find(|&i| self.word(i).is_some()).unwrap_or(to);
        let end = to.min(from + MAX_NAMED_ATTRIBUTION_GAP);
        let v = (from..end).find(|&i| self.is_verb(i))?;
        // Past the usual gap only a person named by the clause speaks: a
        // verb that far may be another clause's ("... which the envoy said").
        let far = v >= from + MAX_ATTRIBUTION_GAP;
        let (len, _, _) = self.verb_at(v)?;
        let words_before = (from..v).any(|i| self.word(i).is_some());
        let found = if words_before {
            match self.before_bracket(v, from) {
                Before::Found(found) => Some(found),
                Before::Comma(comma) => self.appositive_subject(from, comma, v, false),
                Before::Nothing => None,
            }
        } else {
            self.inverted_subject(v + len, to)
        };
        let mut np = found?.np()?;
        if far && !matches!(np.form, Form::Person(_)) {
            return None;
        }
        self.add_gender_cue_after(&mut np, v + len, to);
        Some((np, Some(self.span_of(v, len))))
    }

    /// The speaker and verb of a headline that reports what someone said:
    /// "Ostland rejects summit call", "‘We will not move,’ says Marić",
    /// "Marić: ‘We will not move’".
    pub(super) fn headline(&self) -> Option<(Np, Option<Span>)> {
        if let Some(Direct {
            speaker: Some(np),
            verb,
            ..
        }) = self.direct()
        {
            return Some((np, verb));
        }
        // "Annan: Syria agrees to deadline": the name before the colon says
        // the whole line, whatever act the line reports.
        self.labelled_headline(true)
            .or_else(|| self.speech().map(|(np, _, verb)| (np, verb)))
            .or_else(|| self.labelled_headline(false))
            .or_else(|| self.intent_headline())
            .or_else(|| self.quoted_headline())
            .or_else(|| self.quote_first_headline())
    }

    /// A headline of two clauses, each with its own speaker: "Ostland
    /// warns ...; Vell offers talks", "Ostland warns ..., Vell offers
    /// talks". Split at the first unquoted semicolon, or else at a comma
    /// whose clause after it opens with its speaker; each half a headline
    /// claim of its own (span, speaker, verb), or none when either half
    /// reports no speech.
    pub(super) fn headline_halves(&self) -> Option<HeadlineHalves> {
        let unquoted = |i: usize| !self.quoted[i];
        let semicolon = (1..self.len()).find(|&i| unquoted(i) && self.tokens[i].is_punct(';'));
        let commas = (1..self.len()).filter(|&i| self.is_comma(i));
        let splits: Vec<(usize, bool)> = match semicolon {
            Some(i) => vec![(i, false)],
            None => commas.map(|i| (i, true)).collect(),
        };
        splits.into_iter().find_map(|(at, speaker_first)| {
            let (left, right) = (self.part(0, at), self.part(at + 1, self.len()));
            let (left_np, left_verb) = left.headline()?;
            let (right_np, right_verb) = right.headline()?;
            // After a comma the clause must open with its speaker ("...,
            // Vell offers talks"), not go on with the first one's words.
            let opens = right_np.span.start == right.sentence.start;
            if speaker_first && !opens {
                return None;
            }
            // "..., Minister Says": a half that ends with its verb only
            // names who says the other.
            let tag =
                |verb: Option<Span>, half: &Ctx| verb.is_some_and(|v| v.end >= half.sentence.end);
            if tag(left_verb, &left) || tag(right_verb, &right) {
                return None;
            }
            Some((
                (left.sentence, left_np, left_verb),
                (right.sentence, right_np, right_verb),
            ))
        })
    }

    /// A person the text names: in full, with a title, or by a surname it
    /// already knows.
    pub(super) fn named_person(&self, np: &Np) -> bool {
        matches!(&np.form, Form::Person(name)
            if name.len() >= 2
                || !np.roles.is_empty()
                || name.last().is_some_and(|l| self.known.contains(l))
                // a headline's lone name that the text goes on to use ("Ostland")
                || (self.headline && self.titled_or_known(np, name)))
    }

    /// Whether a phrase can be a speaker on its own: a body, a role, or a
    /// [named person](Self::named_person); never a bare pronoun.
    pub(super) fn can_speak(&self, np: &Np) -> bool {
        match np.form {
            Form::Body { .. } | Form::Role { .. } => true,
            Form::Person(_) => self.named_person(np),
            Form::Pronoun(_) => false,
        }
    }

    /// Whether a person subject of a headline can speak: they carry a title,
    /// or are a lone name the text goes on to use ("Ostland", "Marić").
    fn titled_or_known(&self, np: &Np, name: &[String]) -> bool {
        !np.roles.is_empty() || name.len() == 1 && self.names.contains(name[0].as_str())
    }

    /// A headline that puts its subject's own words in quotes, right after
    /// the subject or after one verb: "Vellmark minister 'firmly opposes'
    /// levy", "Ostland keeps 'every door' open", "Marić sees 'slim chance'
    /// of deal". The subject opens the headline and names a body, a role or
    /// a titled or known person; a quote that opens the headline, or follows
    /// an unnamed subject ("Floods leave 'trail of ruin'"), says nothing.
    fn quoted_headline(&self) -> Option<(Np, Option<Span>)> {
        // a mark after a space, not the apostrophe of "Ostland's"
        let opens = |i: usize| {
            self.tokens.get(i).is_some_and(|t| {
                QUOTE_OPENERS.iter().any(|&c| t.is_punct(c))
                    && self.tokens[i - 1].span.end < t.span.start
            })
        };
        let mark = (1..self.len().min(MAX_HEADLINE_LABEL + 2)).find(|&k| opens(k))?;
        self.tokens.get(mark + 1).filter(|t| t.is_word())?;
        // the quote closes somewhere after its first word; a closing
        // straight mark after an "s" is read into the word ("options'")
        (mark + 1..self.len()).find(|&k| {
            let t = &self.tokens[k];
            (k > mark + 1 && QUOTE_OPENERS.iter().any(|&c| t.is_punct(c)))
                || t.is_word() && self.article[t.span.start..t.span.end].ends_with('\'')
        })?;
        let verb = self
            .word(mark - 1)
            .is_some_and(|t| !t.is_cap() && !t.is_in(self.article, lexicon::FUNCTION_WORDS));
        let end = if verb { mark - 1 } else { mark };
        let np = self.subject_after(0, end, true)?.np()?;
        let named = self.names_headline_speaker(&np, |name| self.titled_or_known(&np, name));
        (named && np.start == 0 && np.end == end).then_some((np, None))
    }

    /// Whether the subject of a headline's quote names its speaker: a body
    /// or group (or a name the text goes on to use), a role, or a person
    /// whose name words `person` accepts; never a pronoun.
    fn names_headline_speaker(&self, np: &Np, person: impl Fn(&[String]) -> bool) -> bool {
        match &np.form {
            Form::Body { head, .. } => {
                is_in(lexicon::BODIES, head)
                    || is_in(lexicon::GROUPS, head)
                    || self.names.contains(head.as_str())
            }
            Form::Person(name) => person(name),
            Form::Role { .. } => true,
            Form::Pronoun(_) => false,
        }
    }

    /// A headline that opens with its speaker's words in quotes, the
    /// speaker after them: "‘We will not move,’ says Ostland premier", or
    /// after a colon, whatever the verb: "‘Our bay, our boats’: Ostland
    /// sends cutters to shoal". (Headline quotes are not scanned as a
    /// paragraph's, so the marks are read here.)
    fn quote_first_headline(&self) -> Option<(Np, Option<Span>)> {
        let mark = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| QUOTE_OPENERS.iter().any(|&c| t.is_punct(c)))
        };
        if !mark(0) || self.word(1).is_none() {
            return None;
        }
        // the closing mark, with the comma before or after it
        let close = (2..self.len()).find(|&k| {
            mark(k)
                && (self.tokens[k - 1].is_punct(',')
                    || self
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| t.is_punct(',') || t.is_punct(':')))
        })?;
        let colon = self.tokens.get(close + 1).is_some_and(|t| t.is_punct(':'));
        let after = if self.tokens[close - 1].is_punct(',') {
            close + 1
        } else {
            close + 2
        };
        // a body, a role, or a full name or a lone one the text goes on to
        // use: words before it are no title ("Storm hits Dravian trawlers"
        // names no one)
        let named = |np: &Np| {
            self.names_headline_speaker(np, |name| {
                name.len() >= 2 || self.names.contains(name[0].as_str())
            })
        };
        let end = (after..=self.len())
            .rev()
            .find(|&k| self.tokens[k - 1].is_word())?;
        if colon {
            // "‘...’: Ostland sends cutters": the subject and a verb
            let np = self.subject_after(after, self.len(), true)?.np()?;
            // a verb in the present tense right after the subject
            let verb = self
                .word(np.end)
                .is_some_and(|t| !t.is_cap() && t.key(self.article).ends_with('s'));
            let opens = np.start == after && np.span.start == self.tokens[after].span.start;
            return (opens && verb && named(&np)).then_some((np, None));
        }
        // "‘...,’ says Ostland premier": the verb, then the speaker to the end
        if !self.is(after, &["says", "said"]) {
            return None;
        }
        let np = self.subject_after(after + 1, end, false)?.np()?;
        (np.start == after + 1 && np.end == end && named(&np))
            .then(|| (np, Some(self.span_of(after, 1))))
    }

    /// A headline whose subject acts first and then speaks, after a comma:
    /// "Ostland shuts canal, demands $40 million for lock", "Ostland revokes
    /// licence, tells miner to 'pay or pack'". The claim is the second
    /// clause, from its verb to the end; read only when the headline as a
    /// whole reports no speech (its first verb is an act).
    pub(super) fn second_verb_headline(&self) -> Option<HeadlineClaim> {
        let np = self.subject_after(0, self.len(), true)?.np()?;
        let actor = self.opening_actor();
        // "Ostland expels envoy, says ...": the act's object is no part of
        // the subject.
        let np = match (&np.form, &actor) {
            (Form::Role { .. }, Some(actor)) => actor.clone(),
            _ => np,
        };
        let named = match &np.form {
            Form::Body { .. } | Form::Role { .. } => true,
            Form::Person(name) => {
                self.titled_or_known(&np, name) || np.end < self.len() && actor.is_some()
            }
            Form::Pronoun(_) => false,
        };
        // the subject opens the headline and a lowercase verb follows it
        if !named || np.start != 0 || self.word(np.end).is_none_or(|t| t.is_cap()) {
            return None;
        }
        let comma = (np.end + 1..self.len()).find(|&k| !self.quoted[k] && self.is_comma(k))?;
        let v = comma + 1;
        let verb = self.word(v).filter(|t| !t.is_cap())?;
        // a verb in the present tense, as the headline's first one
        if !verb.key(self.article).ends_with('s') {
            return None;
        }
        let (len, _, participle) = self.verb_at(v)?;
        if participle {
            return None;
        }
        let end = self.tokens.last()?.span.end;
        let span = Span::new(self.tokens[v].span.start, end);
        Some((span, np, Some(self.span_of(v, len))))
    }

    /// "Ostland expels envoy, saying he broke the rules": a headline whose
    /// named subject acts (a verb that reports nothing) and then speaks in a
    /// reporting participle after a comma. The claim is the whole headline
    /// (the act is half of what it reports); the subject is the headline's
    /// opening name, not the phrase the act's words would make of it
    /// ("Ostland expels envoy").
    fn act_then_saying_headline(&self, np: Np) -> Option<HeadlineClaim> {
        let comma = (np.end + 1..self.len()).find(|&k| !self.quoted[k] && self.is_comma(k))?;
        let v = comma + 1;
        let (len, _, participle) = self.verb_at(v)?;
        if !participle {
            return None;
        }
        Some((self.sentence, np, Some(self.span_of(v, len))))
    }

    /// A headline whose opening name acts and then speaks after a comma
    /// ("X expels envoy, saying ..." or "..., says ..."): read before the
    /// line as a whole, whose subject phrase would run into the act.
    pub(super) fn acting_headline(&self) -> Option<HeadlineClaim> {
        let actor = self.opening_actor()?;
        self.act_then_saying_headline(actor)
            .or_else(|| self.second_verb_headline())
    }

    /// The name opening a headline when a verb that reports nothing follows
    /// it ("Ostland expels ...", "Corrant Mining shuts ..."): the run of
    /// name words, read as a body or a person, not as the head of a phrase
    /// the verb's object would make of it ("Ostland expels envoy").
    fn opening_actor(&self) -> Option<Np> {
        let name_end = (0..self.len()).find(|&k| !self.is_name_word(k))?;
        let np = self.classify(0, name_end)?.np()?;
        // a headline's present tense ("expels", "shuts"), not a noun the
        // name describes ("Lunda opposition", "Ostland farmers")
        let acts = np.end == name_end
            && self.word(name_end).is_some_and(|t| {
                !t.is_cap()
                    && t.key(self.article).ends_with('s')
                    && !t.key(self.article).ends_with("ss")
            })
            && !self.is_body_word(name_end)
            && !self.is(name_end, lexicon::GROUPS)
            && self.verb_at(name_end).is_none();
        // a lone capitalised word shaped like an adjective is the headline's
        // opening adjective ("Considerable gaps remain ..., says ..."), not
        // a name, unless titled or used as one in the text
        let named = match &np.form {
            Form::Body { .. } => true,
            Form::Person(name) => {
                let adjective = name.len() == 1
                    && lexicon::ADJECTIVE_SUFFIXES.iter().any(|s| {
                        name[0].len() > s.len() + 2 && name[0].to_lowercase().ends_with(s)
                    });
                !adjective || self.titled_or_known(&np, name)
            }
            _ => false,
        };
        (acts && named).then_some(np)
    }

    /// A headline announcing what its subject means to do: "Ostland to
    /// retaliate over port fees", "Opposition to contest poll results in
    /// court", "UN envoy to visit Brensk". The subject opens the headline,
    /// names a body, a titled person or a role with its owner, and "to" and
    /// a lowercase word follow it at once.
    fn intent_headline(&self) -> Option<(Np, Option<Span>)> {
        let to = (1..self.len().min(MAX_HEADLINE_LABEL + 1)).find(|&k| self.is(k, &["to"]))?;
        let next = self.word(to + 1).filter(|t| !t.is_cap())?;
        if next.is_in(self.article, lexicon::FUNCTION_WORDS) {
            return None;
        }
        // "Ostland, Vell to reopen border": the parties listed with commas
        let mut last = to;
        while last > 0 && to - last < MAX_HEADLINE_LABEL && self.is_name_word(last - 1) {
            last -= 1;
        }
        let listed = last > 0 && last < to && self.list_start(last, 0) == 0;
        let np = if listed {
            self.group_of(0, to)
        } else {
            self.subject_after(0, to, true)?.np()?
        };
        let named = match &np.form {
            Form::Body { .. } => true,
            // a lone name the text goes on to use ("Ostland"), or a titled one
            Form::Person(name) => self.titled_or_known(&np, name),
            // "UN envoy to visit ...": a role its owner names, not "Minister to ..."
            Form::Role { text, .. } => text
                .split_whitespace()
                .rev()
                .skip(1)
                .any(|w| w.chars().next().is_some_and(char::is_uppercase)),
            Form::Pronoun(_) => false,
        };
        (named && np.end == to).then_some((np, None))
    }

    /// A headline whose speaker is set apart by a colon or a dash, before
    /// or after what they said: "Commerce Secretary Lutnick: Tariffs will
    /// stay", "Talks will go on – foreign minister". The speaker's side is
    /// nothing but the name (a person, a body or a role). With `lead_colon`,
    /// only a name before a colon.
    fn labelled_headline(&self, lead_colon: bool) -> Option<(Np, Option<Span>)> {
        // "Talks will go on - Lavrov": a hyphen with a space before it
        // stands for a dash ("... make little progress -sources", as wire
        // headlines write it, has none after it).
        let spaced_hyphen = |i: usize| {
            self.tokens[i].is_punct('-')
                && i > 0
                && self.tokens[i - 1].span.end < self.tokens[i].span.start
        };
        let mark = (0..self.len()).find(|&i| {
            !self.quoted[i]
                && (self.tokens[i].is_punct(':')
                    || HEADLINE_DASHES.iter().any(|&d| self.tokens[i].is_punct(d))
                    || spaced_hyphen(i))
        })?;
        let end = (mark + 1..=self.len())
            .rev()
            .find(|&k| self.tokens[k - 1].is_word())
            .unwrap_or(mark + 1);
        let whole = |from: usize, to: usize| {
            let np = self.subject_after(from, to, true)?.np()?;
            // "Tanzania Election: ..." is a topic, not a speaker.
            let named = match &np.form {
                Form::Pronoun(_) => false,
                Form::Body { head, words, .. } => {
                    words.len() == 1 || is_in(lexicon::BODIES, head) || is_in(lexicon::GROUPS, head)
                }
                // "Tanzania Election" reads like a name: a person needs a
                // title, or a surname the text uses.
                Form::Person(name) => self.titled_or_known(&np, name),
                Form::Role { .. } => true,
            };
            (named && np.start == from && np.end == to).then_some(np)
        };
        // "Ostland to Vellmark: ...": the speaker, then whom they address
        let addressed = || {
            let to = (1..mark).find(|&k| self.is(k, &["to"]))?;
            let addressee = (to + 1..mark).all(|k| {
                self.is(k, lexicon::DETERMINERS) || self.word(k).is_some_and(|t| t.is_cap())
            });
            (addressee && mark > to + 1).then(|| whole(0, to)).flatten()
        };
        // "Kremlin on Ukraine peace talks: ...": the speaker, then what
        // they speak of
        let on_topic = || {
            let on = (1..mark).find(|&k| self.is(k, &["on"]))?;
            (mark > on + 1).then(|| whole(0, on)).flatten()
        };
        let before = (mark > 0 && mark <= MAX_HEADLINE_LABEL)
            .then(|| whole(0, mark).or_else(addressed).or_else(on_topic))
            .flatten();
        if lead_colon {
            return before
                .filter(|_| self.tokens[mark].is_punct(':'))
                .map(|np| (np, None));
        }
        let after = || {
            (end > mark + 1 && end - mark - 1 <= MAX_HEADLINE_LABEL)
                .then(|| whole(mark + 1, end))
                .flatten()
        };
        Some((before.or_else(after)?, None))
    }

    /// Indirect speech or a reported speech act: the first reporting verb with
    /// a person or body as subject, or an "according to" source.
    pub(super) fn speech(&self) -> Option<(Np, StatementKind, Option<Span>)> {
        let limit = self.len();
        let mut outlet_source = false;
        if let Some(found) = self.according_to(0, limit) {
            match found {
                Found::Np(np) => {
                    let at = self.according_at(0, limit);
                    if let Some(said) = at.and_then(|a| self.named_after_according(a, limit)) {
                        return Some(said);
                    }
                    if let Some(said) = at.and_then(|a| self.speaker_before_document(a)) {
                        return Some(said);
                    }
                    let at = at.map(|a| self.span_of(a, 2));
                    return Some((np, StatementKind::Indirect, at));
                }
                Found::Source => outlet_source = true,
            }
        }
        if let Some(quoted) = self.quoted_as_saying(limit) {
            return Some(quoted);
        }
        let closing = self.final_attribution(limit);
        let cited = closing
            .is_none()
            .then(|| self.cited_by_outlet(limit))
            .flatten();
        let from_outlet = cited.is_some();
        let mut last = closing.or(cited);
        let mut i = 0;
        while i < limit {
            let Some((len, kind, participle)) = self.verb_at(i) else {
                i += 1;
                continue;
            };
            if self.in_closed_relative(i) {
                i += len;
                continue;
            }
            let found = if participle {
                let found = (i > 0 && self.is_comma(i - 1)
                    || self.bare_saying(i)
                    || self.participle_of_manner(i))
                .then(|| self.subject_after(0, i, true))
                .flatten()
                .map(|found| self.before_clause_verb(found))
                .or_else(|| self.absolute_subject(i))
                .or_else(|| self.gerund_subject(i, kind))
                .or_else(|| self.issuer_of_statement(i))
                .or_else(|| self.subject_after_opening_participle(i, limit));
                // A lone unknown word opening the sentence speaks only as
                // the subject of a past verb ("Moscow banned imports,
                // citing ..."), not as an ordinary word ("Fresh calls
                // ...").
                found.filter(|f| {
                    !matches!(f, Found::Np(np)
                        if self.bare_unknown(np) && !self.is_past_form(np.end))
                })
            } else if let Some(found) = self
                .passive_agent(i, len, limit)
                .or_else(|| self.relative_subject(i))
            {
                Some(found)
            } else {
                match self.before_bracket(i, 0) {
                    Before::Found(found) => Some(found),
                    Before::Comma(comma) => self
                        .appositive_subject(0, comma, i, true)
                        .or_else(|| self.role_then_name(comma, i))
                        .or_else(|| self.inverted_speech_subject(i, len, limit))
                        .or_else(|| self.subject_across_insertion(comma)),
                    Before::Nothing => self.coordinated_subject(i),
                }
            };
            if let Some(mut np) = found.and_then(Found::np) {
                // "X called for ..., spokesman Y said.": the closing
                // attribution tells who reports the whole sentence.
                // A person named as the subject, or opening the sentence
                // by surname alone, speaks for themself with a verb of
                // saying ("Vik told him that ..., the ministry said"): the
                // closing source passes on what they said. An act
                // ("rejected the proposal") is the source's own report, and
                // so is what they will do ("Norvania will answer the
                // tariffs, its ministry said"): a modal makes the verb a
                // plan, not something said.
                let saying = self.verb_kind(kind, i + len) == StatementKind::Indirect
                    && !(i > 0 && self.is(i - 1, lexicon::MODALS));
                // Whoever says something before an outlet's source
                // ("she told leaders that ..., Reuters reported, citing
                // two diplomats") speaks for themself.
                // A lone name opening the sentence speaks for itself, unless
                // the closing source is one of its own ("Israel expects ...,
                // a senior Israeli official said", "X expects ..., its head
                // Y said"): then the name is a country or body its source
                // reports.
                let lone_opening = self.at_sentence_start(np.start)
                    && !last
                        .as_ref()
                        .is_some_and(|(source, _, _)| self.source_of_own(&np, source));
                let speaks = from_outlet
                    || matches!(np.form, Form::Person(_))
                        && (self.named_person(&np) || lone_opening);
                if !(speaks && saying)
                    && last.as_ref().is_some_and(|&(_, v, _)| v > i + len)
                    && let Some((last_np, v, v_len)) = last.take()
                {
                    let last_kind = self
                        .verb_at(v)
                        .map_or(StatementKind::Indirect, |(_, kind, _)| kind);
                    let verb = Some(self.span_of(v, v_len));
                    return Some((last_np, self.verb_kind(last_kind, v + v_len), verb));
                }
                self.add_gender_cue_after(&mut np, i + len, limit);
                let verb = Some(self.span_of(i, len));
                return Some((np, self.verb_kind(kind, i + len), verb));
            }
            i += len;
        }
        // "..., Ilse Kaarma, the bloc's envoy, said.": no verb before had a
        // subject, and the closing attribution speaks for the sentence.
        if let Some((np, v, v_len)) = last {
            let kind = self
                .verb_at(v)
                .map_or(StatementKind::Indirect, |(_, kind, _)| kind);
            return Some((
                np,
                self.verb_kind(kind, v + v_len),
                Some(self.span_of(v, v_len)),
            ));
        }
        if let Some(found) = self
            .nominal_speech(limit)
            .or_else(|| self.authored_speech(limit))
        {
            return Some(found);
        }
        if !outlet_source && let Some(found) = self.outlet_speech(limit) {
            return Some(found);
        }
        // "He would join “if necessary,” according to the BBC": an outlet
        // passes on what the sentence's subject said.
        if outlet_source {
            let np = self.subject_after(0, limit, true).and_then(Found::np);
            let speaks = np.as_ref().is_some_and(|np| match &np.form {
                Form::Pronoun(pronoun) => *pronoun != Pronoun::It,
                Form::Person(name) => name.last().is_some_and(|last| self.known.contains(last)),
                _ => false,
            });
            let at = self.according_at(0, limit).map(|a| self.span_of(a, 2));
            return match np {
                Some(np) if speaks => Some((np, StatementKind::Indirect, at)),
                // nobody in the sentence speaks: the outlet reports it
                _ => self
                    .according_outlet(limit)
                    .map(|outlet| (outlet, StatementKind::Indirect, at)),
            };
        }
        None
    }

    /// A statement named by a noun with its owner, when the sentence has no
    /// reporting verb: "Despite Vik's insistence that the deal holds, ...",
    /// "the ministry's warning that ...", "Ostland's call for talks". The
    /// noun takes what was said: "that" after any of them, "for" or "to"
    /// after a few. The owner names a body, a role, or a person the article
    /// knows, titles or names in full.
    fn nominal_speech(&self, limit: usize) -> Option<(Np, StatementKind, Option<Span>)> {
        // "Vik's recent statement that ...": one modifier may stand between.
        let modifier = |k: usize| {
            self.word(k)
                .is_some_and(|t| !t.is_cap() && !t.is_possessive() && !self.is_function(k))
        };
        let owner_of = |n: usize| {
            if self.word(n - 1).is_some_and(|t| t.is_possessive()) {
                Some(n - 1)
            } else {
                (n >= 2 && modifier(n - 1) && self.word(n - 2).is_some_and(|t| t.is_possessive()))
                    .then(|| n - 2)
            }
        };
        // The word after first: it rules out nearly every noun, and the
        // noun lists are scanned.
        // "Russia's refusal to negotiate": refusing to speak or to talk is
        // speech, as with the verb.
        let refusal = |n: usize| {
            self.is(n, &["refusal"])
                && self.is(n + 1, &["to"])
                && self.is(n + 2, lexicon::REFUSED_SPEECH)
        };
        let noun = (1..limit.saturating_sub(2)).find(|&n| {
            ((self.is(n + 1, &["that"])
                || self.is(n + 1, &["for", "to"]) && self.is(n, lexicon::SPEECH_NOUNS_FOR_TO))
                && self.is(n, lexicon::SPEECH_NOUNS)
                || refusal(n))
                && owner_of(n).is_some()
        })?;
        let owner = owner_of(noun)?;
        let mut start = owner;
        while start > 0 && owner + 1 - start < MAX_PHRASE {
            let p = start - 1;
            let Some(t) = self.word(p) else { break };
            if self.is(p, lexicon::DETERMINERS) {
                start = p;
                break;
            }
            // "the harbour authority's", "Foreign Minister Ilse Marku's"
            let part = !self.is_function(p)
                && !self.is_verb(p)
                && !self.is(p, lexicon::BETWEEN_SUBJECT_AND_VERB)
                && (!t.is_cap() || self.is_name_word(p));
            // "the dockers' union's": a body keeps its own owner
            if !part || t.is_possessive() && !self.is_body_word(owner) {
                break;
            }
            start = p;
        }
        let np = self.classify_phrase(start, owner + 1, true)?.np()?;
        // "Lebanon's demand that ...": a lone name owning what was said
        // speaks for itself, right before the noun ("Iran's leadership
        // warning that" is a participle's), unless it names a time
        // ("Monday's statement").
        let lone_name = matches!(&np.form, Form::Person(name) if name.len() == 1)
            && np.start == owner
            && owner + 1 == noun
            && !self.is(owner, lexicon::DAYS)
            && !self.is(owner, lexicon::MONTHS);
        (self.can_speak(&np) || lone_name)
            .then(|| (np, StatementKind::Reported, Some(self.span_of(noun, 1))))
    }

    /// A statement named by a noun with its author after "from" or "by",
    /// when the sentence has no reporting verb: "A veto threat from Moscow
    /// stalled the vote", "The plan drew sharp criticism from the farmers'
    /// union". The author names a body, a role, or a person the article
    /// names in full, titles or knows.
    fn authored_speech(&self, limit: usize) -> Option<(Np, StatementKind, Option<Span>)> {
        let noun = (0..limit.saturating_sub(2)).find(|&n| {
            self.is(n + 1, lexicon::SPEECH_AUTHOR_PREPOSITIONS) && self.is(n, lexicon::SPEECH_NOUNS)
        })?;
        let from = noun + 2;
        let np = self.subject_after(from, limit, false)?.np()?;
        let known_name = |name: &[String]| {
            name.last()
                .is_some_and(|last| self.names.contains(last.as_str()))
        };
        let speaks = match &np.form {
            Form::Person(name) => self.named_person(&np) || known_name(name),
            Form::Body { .. } | Form::Role { .. } => true,
            Form::Pronoun(_) => false,
        };
        let opens = np.start == from || self.is(from, lexicon::DETERMINERS) && np.start == from + 1;
        (speaks && opens).then(|| (np, StatementKind::Reported, Some(self.span_of(noun, 1))))
    }

    /// A listed outlet ("Reuters", "AFP") or an outlet noun
    /// ("newspaper", "agency").
    fn is_outlet_word(&self, k: usize) -> bool {
        self.tokens[k].stem_listed(self.article, lexicon::OUTLETS)
            || self.is(k, lexicon::OUTLET_NOUNS)
    }

    /// An [outlet word](Self::is_outlet_word) or a noun for the press as a
    /// whole ("state media", "local press").
    fn is_press_word(&self, k: usize) -> bool {
        self.is_outlet_word(k) || self.is(k, lexicon::MEDIA_NOUNS)
    }

    /// What an outlet itself reports, when nobody else in the sentence
    /// speaks: "The state news agency reported that troops had crossed",
    /// "Citing two officials, the Daily Ledger said the talks would resume".
    /// The outlet opens the clause (after an opening phrase and its comma)
    /// and is the subject of "said", "reported" or "claims"; a time phrase
    /// or a short bracket may stand between ("The Ledger [DL] reported on
    /// Monday that ..."). An outlet that passes on another speaker's words
    /// ("according to the BBC", ", Reuters reported, citing two diplomats")
    /// is left to the rules for that speaker, which run first.
    fn outlet_speech(&self, limit: usize) -> Option<(Np, StatementKind, Option<Span>)> {
        // the verb opens what the outlet reports ("the Herald reported
        // that ..."), or closes the sentence after a comma (", the Herald
        // reported on Monday."): every rule for another speaker ran first,
        // so what it closes is the outlet's own report.
        let closing = |i: usize| {
            (i + 1..limit).all(|k| self.word(k).is_none() || self.is_time_word(k))
                && (i + 1..limit).all(|k| !self.is_comma(k))
        };
        let i = (1..limit).find(|&i| {
            self.is(i, lexicon::OUTLET_VERBS) && (self.word(i + 1).is_some() || closing(i))
        })?;
        let closes = closing(i);
        // "He would sign soon, the Herald reported": what a person will do,
        // as the outlet tells it, is no statement of theirs nor its own
        // (what they did, "X met officials on Friday, local media
        // reported", is the outlet's report).
        if closes
            && self
                .subject_after(0, i, true)
                .and_then(Found::np)
                .is_some_and(|np| {
                    self.is(np.end, lexicon::MODALS)
                        && match np.form {
                            Form::Pronoun(pronoun) => pronoun != Pronoun::It,
                            // a lone capitalised word no speaker bore is a place
                            // as often ("Vellmark is represented by ...")
                            Form::Person(name) => {
                                name.len() >= 2
                                    || name.last().is_some_and(|n| self.known.contains(n))
                            }
                            _ => false,
                        }
                })
        {
            return None;
        }
        let mut end = i;
        while end + MAX_TIME_PHRASE > i && end > 0 && self.is_time_word(end - 1) {
            end -= 1;
        }
        // "The Ledger [DL] reported": skip a short bracket
        if end > 2 && (self.tokens[end - 1].is_punct(']') || self.tokens[end - 1].is_punct(')')) {
            let open = (end.saturating_sub(MAX_BRACKETED + 2)..end - 1)
                .rev()
                .find(|&k| self.tokens[k].is_punct('[') || self.tokens[k].is_punct('('))?;
            end = open;
        }
        let mut start = end;
        while start > 0 && end - start < MAX_PHRASE && self.word(start - 1).is_some() {
            start -= 1;
        }
        while start < end && self.is(start, lexicon::CONNECTIVES) {
            start += 1;
        }
        let after_comma = self.is_comma(start.wrapping_sub(1));
        let opens = after_comma || !closes && self.at_sentence_start(start);
        if start >= end || !opens || !self.outlet_phrase(start, end) {
            return None;
        }
        let np = self.outlet_np(start, end);
        Some((np, StatementKind::Indirect, Some(self.span_of(i, 1))))
    }

    /// Whether tokens `start..end` name an outlet or the press as a whole
    /// ("the daily", "Vellmark's state news agency", "local media", "Vellish
    /// media outlets"): an outlet or press word among them, and every word a
    /// name, a determiner, a possessive, an outlet noun or a word saying
    /// which press.
    fn outlet_phrase(&self, start: usize, end: usize) -> bool {
        let outlet = (start..end)
            .any(|k| self.is_press_word(k) || k > start && self.is(k, lexicon::PRESS_PLURALS));
        let phrase = (start..end).all(|k| {
            self.word(k).is_some_and(|t| {
                t.is_cap()
                    || t.is_possessive()
                    || self.is(k, lexicon::DETERMINERS)
                    || self.is(k, &["and", "of", "state", "state-run", "official"])
                    || self.is(k, lexicon::OUTLET_NOUNS)
                    || self.is(k, lexicon::MEDIA_NOUNS)
                    || self.is(k, lexicon::PRESS_PLURALS)
                    || self.is(k, lexicon::MEDIA_ADJECTIVES)
            })
        });
        start < end && outlet && phrase
    }

    /// The outlet of tokens `start..end` as a speaker, a body named as the
    /// text writes it.
    fn outlet_np(&self, start: usize, end: usize) -> Np {
        let span = Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end);
        let written = &self.article[span.start..span.end];
        let text = match written.strip_prefix("The ") {
            Some(rest) => format!("the {rest}"),
            None => written.to_string(),
        };
        let words: Vec<String> = (start..end)
            .filter(|&k| !self.is(k, lexicon::DETERMINERS))
            .map(|k| self.key(k).to_lowercase())
            .collect();
        Np {
            start,
            end,
            span,
            form: Form::Body {
                text,
                head: words.last().cloned().unwrap_or_default(),
                words,
                plural: false,
            },
            roles: Vec::new(),
            gender: Gender::Unknown,
        }
    }

    /// "The vote will take place on June 23, according to state media": the
    /// press after "according to", up to a comma or the sentence's end,
    /// reports on its own account when the sentence's subject is no one who
    /// speaks. Not a named news organisation ("according to Reuters" is
    /// where the writer found a fact, and outlets stay out of speaker
    /// reports), nor its figures ("according to Reuters figures").
    fn according_outlet(&self, limit: usize) -> Option<Np> {
        let at = self.according_at(0, limit)?;
        let start = at + 2;
        let end = (start..limit)
            .find(|&k| self.word(k).is_none())
            .unwrap_or(limit);
        let closes = (end..limit).all(|k| self.word(k).is_none()) || self.is_comma(end);
        let last = end.checked_sub(1).filter(|&l| l >= start)?;
        let names_outlet = self.is_press_word(last) || self.is(last, lexicon::PRESS_PLURALS);
        let named =
            (start..end).any(|k| self.tokens[k].stem_listed(self.article, lexicon::OUTLETS));
        (closes && names_outlet && !named && self.outlet_phrase(start, end))
            .then(|| self.outlet_np(start, end))
    }

    /// "..., Reuters reported on Monday, citing two diplomats.", "...,
    /// according to Reuters citing four officials familiar with the matter":
    /// an outlet passes on what the source it cites said, so the source
    /// speaks, as a closing attribution does (a person the sentence names
    /// as saying something still speaks for themself). The outlet stands
    /// right before "citing" (a comma between allowed), and the source is a
    /// role or group phrase ("two diplomats", "people briefed on the
    /// talks") or a name. The source, and where "citing" stands.
    fn cited_by_outlet(&self, limit: usize) -> Option<(Np, usize, usize)> {
        let citing = (1..limit).rev().find(|&k| self.is(k, &["citing"]))?;
        let before = citing - usize::from(self.is_comma(citing - 1));
        let outlet = (before.saturating_sub(MAX_PHRASE)..before)
            .rev()
            .take_while(|&k| self.word(k).is_some())
            .any(|k| self.is_press_word(k));
        if !outlet {
            return None;
        }
        let end = (citing + 1..limit)
            .find(|&k| self.word(k).is_none())
            .unwrap_or(limit);
        let np = match self.source_phrase(citing + 1, end) {
            Some((Found::Np(np), _)) => np,
            _ => self.subject_after(citing + 1, end, false)?.np()?,
        };
        if matches!(np.form, Form::Pronoun(_)) {
            return None;
        }
        Some((np, citing, 1))
    }

    /// "The agency quoted Interior Minister Y as saying ...": the person
    /// quoted speaks, not the one who quotes (often an outlet).
    fn quoted_as_saying(&self, limit: usize) -> Option<(Np, StatementKind, Option<Span>)> {
        self.quoted_as_saying_in(0, limit)
    }

    /// [`Ctx::quoted_as_saying`] in tokens `from..limit`: "X quoted Y as
    /// saying", "X cited Y as saying", with a word for X before the verb.
    fn quoted_as_saying_in(
        &self,
        from: usize,
        limit: usize,
    ) -> Option<(Np, StatementKind, Option<Span>)> {
        let q = (from + 1..limit).find(|&i| self.is(i, lexicon::QUOTING_VERBS))?;
        if self.is(q - 1, lexicon::PASSIVE_AUXILIARIES) {
            return None;
        }
        let end = limit.min(q + 3 + MAX_PHRASE);
        let saying = (q + 2..end).find(|&k| self.is(k, &["saying"]))?;
        let is_as = self.is(saying - 1, &["as"]);
        if !is_as || saying < q + 3 {
            return None;
        }
        let np = self.classify(q + 1, saying - 1)?.np()?;
        if matches!(np.form, Form::Pronoun(Pronoun::It)) {
            return None;
        }
        Some((np, StatementKind::Indirect, Some(self.span_of(q, 1))))
    }

    /// Is the closing source `source` one of `subject`'s own: a lone name
    /// whose people's word the source carries ("a senior Israeli official"
    /// for "Israel"), or a source that "its" or "their" gives an owner ("its
    /// head Y")?
    fn source_of_own(&self, subject: &Np, source: &Np) -> bool {
        let Form::Person(name) = &subject.form else {
            return false;
        };
        let [place] = name.as_slice() else {
            return false;
        };
        let place = place.to_lowercase();
        let owned = source.start > 0 && self.is(source.start - 1, &["its", "their"]);
        owned
            || (source.start..source.end).any(|k| {
                self.word(k).is_some_and(|t| {
                    let word = t.stem(self.article).to_lowercase();
                    word == place || lexicon::demonym_of(&place, &word)
                })
            })
    }

    /// An attribution closing the sentence after its last comma, "...,
    /// spokesman Y said on Monday.": its subject, and where its verb starts
    /// and how long it is. Only a plain verb of saying, followed by nothing
    /// but a few words of time or audience.
    ///
    /// Or the same attribution before a trailing clause: "..., Y said on
    /// Thursday, as queues grew", "..., Y said, adding ...".
    fn final_attribution(&self, limit: usize) -> Option<(Np, usize, usize)> {
        let mut end = limit;
        let mut outlet_closes = false;
        let commas = (0..limit).rev().filter(|&k| self.tokens[k].is_punct(','));
        for comma in commas.take(MAX_TRAILING_CLAUSES + 1) {
            let trailing =
                end == limit || self.is(end + 1, lexicon::TRAILING_CLAUSE_OPENERS) || outlet_closes;
            // "..., Ilse Marek, the leader's sister, said Monday, state media
            // reported.": the outlet passes on the attribution before it.
            outlet_closes = end == limit && self.outlet_clause(comma, end);
            if outlet_closes {
                end = comma;
                continue;
            }
            if let Some(found) = self.inverted_attribution(comma, limit) {
                return Some(found);
            }
            if trailing
                && let Some(found) = self
                    .attribution_between(comma, end)
                    .or_else(|| self.appositive_attribution(comma, end))
            {
                return Some(found);
            }
            end = comma;
        }
        None
    }

    /// Whether the words after the comma at `comma`, up to `end`, are an
    /// outlet's closing report: ", state media reported", ", the agency
    /// said" (a few words naming an outlet, then one of its verbs).
    fn outlet_clause(&self, comma: usize, end: usize) -> bool {
        let words: Vec<usize> = (comma + 1..end)
            .filter(|&k| self.word(k).is_some())
            .collect();
        let Some((&verb, phrase)) = words.split_last() else {
            return false;
        };
        // "..., agency spokeswoman Lena Varga said": a person the outlet's
        // noun describes is no outlet; nor is a quote's closing mark.
        let person = phrase
            .iter()
            .any(|&k| self.is(k, lexicon::ROLES) || self.is_title(k));
        !phrase.is_empty()
            && !person
            && phrase.len() <= MAX_PHRASE
            && self.word(comma + 1).is_some()
            && self.is(verb, lexicon::OUTLET_VERBS)
            && phrase.iter().any(|&k| self.is_press_word(k))
    }

    /// The attribution `..., Y said on Monday` after the comma at `comma`,
    /// up to `limit`.
    fn attribution_between(&self, comma: usize, limit: usize) -> Option<(Np, usize, usize)> {
        // The comma may close a quotation: `... “finish the work,” Y said.`
        let start = (comma + 1..limit)
            .find(|&k| !self.tokens[k].is_punct('”') && !self.tokens[k].is_punct('"'))?;
        let v =
            (start + 1..limit.min(start + 1 + MAX_PHRASE)).find(|&k| self.is(k, FINAL_SAYING))?;
        // "..., Y was quoted by state media as saying.": the words up to
        // "as saying" are part of the attribution.
        let quoted = self.is(v, &["quoted"]);
        let tail = if quoted {
            let saying = (v + 1..limit).find(|&k| self.is(k, &["saying"]))?;
            if !self.is(saying - 1, &["as"]) || !self.is(v - 1, &["was", "were"]) {
                return None;
            }
            saying + 1
        } else {
            v + 1
        };
        // "..., Y said on Monday after meeting rebel leaders": a trailing
        // clause may follow without a comma too.
        let tail_end = (tail..limit)
            .find(|&k| self.is(k, lexicon::TRAILING_CLAUSE_OPENERS))
            .unwrap_or(limit);
        let rest = (tail..tail_end).filter(|&k| self.word(k).is_some()).count();
        if rest > MAX_FINAL_TAIL || (v + 1..limit).any(|k| self.is(k, &["that"])) {
            return None;
        }
        let len = match self.verb_at(v) {
            Some((_, _, true)) => return None,
            Some((len, _, false)) => len,
            None if quoted => 1,
            None => return None,
        };
        match self.before_bracket(v, start) {
            // "the country's foreign ministry spokesman", "its head Otto
            // Brask": the owner may stay outside the phrase.
            Before::Found(Found::Np(np))
                if (start..np.start).all(|k| {
                    self.is(k, lexicon::DETERMINERS)
                        || self.is(k, lexicon::POSSESSIVE_DETERMINERS)
                        || self.word(k).is_some_and(|t| t.is_possessive())
                }) =>
            {
                Some((np, v, len))
            }
            _ => None,
        }
    }

    /// A verb of plain saying (not a participle, not "quoted") right after
    /// the comma at `comma`, and its length: where a closing attribution
    /// that starts with its verb, or has an appositive before it, says.
    fn saying_after(&self, comma: usize) -> Option<(usize, usize)> {
        let v = comma + 1;
        if !self.is(v, FINAL_SAYING) || self.is(v, &["quoted"]) {
            return None;
        }
        match self.verb_at(v)? {
            (len, _, false) => Some((v, len)),
            _ => None,
        }
    }

    /// `..., said Ilse Kaarma, the bloc's envoy.`: a closing attribution
    /// with its verb first, right after the comma at `comma`, and its
    /// subject closing the clause.
    fn inverted_attribution(&self, comma: usize, limit: usize) -> Option<(Np, usize, usize)> {
        let (v, len) = self.saying_after(comma)?;
        let Found::Np(np) = self.inverted_speech_subject(v, len, limit)? else {
            return None;
        };
        if matches!(np.form, Form::Pronoun(_)) {
            return None;
        }
        // Only an appositive in commas, with no verb, may follow the name;
        // never a quotation (`said Ostland "will wait"` is what was said).
        let quoted = (np.end..limit)
            .any(|k| matches!(self.tokens[k].kind, TokenKind::Punct(c) if is_double_mark(c)));
        let rest: Vec<usize> = (np.end..limit)
            .filter(|&k| self.word(k).is_some())
            .collect();
        let appositive = rest.is_empty()
            || (self.is_comma(np.end)
                && rest.len() <= MAX_APPOSITIVE
                && rest.iter().all(|&k| self.verb_at(k).is_none()));
        (!quoted && appositive).then_some((np, v, len))
    }

    /// `..., Ilse Kaarma, the bloc's envoy, told a news conference.`: a
    /// closing attribution whose subject is set off from its verb by an
    /// appositive in commas, the verb right after the comma at `comma`. The
    /// subject names a person in full or a body; the appositive holds words
    /// only, no verb of its own.
    fn appositive_attribution(&self, comma: usize, limit: usize) -> Option<(Np, usize, usize)> {
        let (v, len) = self.saying_after(comma)?;
        let rest = (v + len..limit).filter(|&k| self.word(k).is_some()).count();
        if rest > MAX_FINAL_TAIL || (v + 1..limit).any(|k| self.is(k, &["that"])) {
            return None;
        }
        let lowest = comma.saturating_sub(MAX_APPOSITIVE);
        let inner = (lowest..comma).rev().find(|&k| self.is_comma(k))?;
        let appositive = inner + 1..comma;
        if appositive.is_empty()
            || appositive
                .clone()
                .any(|k| self.word(k).is_none() || self.verb_at(k).is_some())
        {
            return None;
        }
        // The subject runs back from the inner comma to the comma (or the
        // closing quote mark) before it.
        let lowest = inner.saturating_sub(MAX_PHRASE);
        let outer = (lowest..inner).rev().find(|&k| self.is_comma(k))?;
        let start = (outer + 1..inner)
            .find(|&k| !self.tokens[k].is_punct('”') && !self.tokens[k].is_punct('"'))?;
        let Some(Found::Np(mut np)) = self.classify(start, inner) else {
            return None;
        };
        let speaks = match &np.form {
            Form::Person(name) => name.len() >= 2,
            Form::Body { .. } => true,
            _ => false,
        };
        if !speaks || np.start != start || np.end != inner {
            return None;
        }
        self.add_appositive(&mut np, appositive.start, comma);
        Some((np, v, len))
    }

    /// The sentence's subject when an inserted phrase between commas stands
    /// between it and the verb (the insertion's last comma at `comma`):
    /// "Ostmark and Vellmark, in a joint statement, urged ...", "The daily
    /// Ostblatt, which is close to the army, warned ...". The subject opens
    /// the sentence (after any introductory phrase) and ends at one of the
    /// insertion's commas.
    fn subject_across_insertion(&self, comma: usize) -> Option<Found> {
        let lowest = comma.saturating_sub(3 * MAX_PHRASE);
        (lowest..comma)
            .rev()
            .filter(|&k| self.is_comma(k))
            .take(MAX_INSERTION_COMMAS)
            .find_map(|k| self.opening_subject_ending_at(k))
            .or_else(|| {
                (lowest..=comma)
                    .rev()
                    .filter(|&k| self.is_comma(k))
                    .take(MAX_INSERTION_COMMAS)
                    .find_map(|k| self.appositive_name_ending_at(k))
            })
    }

    /// "The country's largest shipyard, Vell Marine, said": a name set
    /// between commas after a description that opens the sentence ("the"
    /// or an owner, then no verb and no comma) is the subject, whatever
    /// the description's noun. The name ends before token `k`.
    fn appositive_name_ending_at(&self, k: usize) -> Option<Found> {
        let Before::Found(Found::Np(np)) = self.before(k, 0) else {
            return None;
        };
        if !matches!(np.form, Form::Person(_) | Form::Body { .. })
            || !self.tokens.get(np.start).is_some_and(|t| t.is_cap())
        {
            return None;
        }
        let comma = np.start.checked_sub(1).filter(|&c| self.is_comma(c))?;
        let first = (0..comma).find(|&i| !self.is(i, lexicon::CONNECTIVES))?;
        let opens = self.is(first, &["the"]) || self.word(first).is_some_and(|t| t.is_possessive());
        // no verb in the description: "The crossings will stay shut, Lena
        // Varga, ..." is a clause
        let verbless = |i: usize| {
            self.word(i).is_some()
                && !self.is_verb(i)
                && !self.is(i, lexicon::MODALS)
                && !self.is(i, lexicon::VERB_AUXILIARIES)
                && !self.is(i, lexicon::COPULAS)
                && !self.is(i, &["who", "which", "that"])
        };
        let description = first + 1 < comma
            && (first + 1..comma).all(verbless)
            && !self.key(comma - 1).ends_with("ed");
        (opens && description).then_some(Found::Np(np))
    }

    /// The sentence's subject when it ends right before token `k`: it opens
    /// the sentence, connectives and an introductory phrase aside.
    fn opening_subject_ending_at(&self, k: usize) -> Option<Found> {
        if let Before::Found(Found::Np(np)) = self.before(k, 0)
            && self.at_sentence_start(np.start)
        {
            return Some(Found::Np(np));
        }
        match self.subject_after(0, k, true)? {
            Found::Np(np) if np.end == k => Some(Found::Np(np)),
            _ => None,
        }
    }

    /// The subject of a reporting participle at `i` in an absolute clause,
    /// "..., with the rebels offering a truce": the words between "with"
    /// (or the clause start, once the clause is a part of its own) and the
    /// participle, when they are nothing but the subject.
    pub(super) fn absolute_subject(&self, i: usize) -> Option<Found> {
        let with = (i.saturating_sub(MAX_PHRASE)..i)
            .rev()
            .find(|&k| self.is(k, &["with"]));
        let from = match with {
            Some(w) => w + 1,
            None => 0,
        };
        let found = (from < i)
            .then(|| self.subject_after(from, i, with.is_none()))
            .flatten()?;
        match &found {
            Found::Np(np) if np.end == i => Some(found),
            _ => None,
        }
    }

    /// The subject of a sentence that opens with a reporting participle's
    /// clause, which the subject speaks: "Rejecting the reports, the
    /// ministry summoned the envoy", "Dismissing the plan as “a fantasy,”
    /// the party's paper said ...". The subject follows the clause's first
    /// comma (and any closing quote mark), and a verb follows the subject.
    fn subject_after_opening_participle(&self, i: usize, limit: usize) -> Option<Found> {
        if !self.at_sentence_start(i) || self.is_comma(i.wrapping_sub(1)) {
            return None;
        }
        // the clause's comma, inside its closing quote mark or not
        let comma =
            (i + 1..limit.min(i + MAX_OPENING_CLAUSE)).find(|&k| self.tokens[k].is_punct(','))?;
        let from = (comma + 1..limit).find(|&k| self.tokens[k].is_word())?;
        self.word(from)?;
        let found = self.subject_after(from, limit, false)?;
        let Found::Np(np) = &found else { return None };
        if matches!(np.form, Form::Pronoun(Pronoun::It)) || np.start != from {
            return None;
        }
        let mut k = self.skip_bracket(np.end, limit);
        let after = k;
        while self.is(k, lexicon::TIME_MODIFIERS) && k < after + 2 {
            k += 1;
        }
        if self.is(k, lexicon::DAYS) {
            k += 1;
        }
        let after = k;
        while self.is(k, lexicon::BETWEEN_SUBJECT_AND_VERB) && k < after + 3 {
            k += 1;
        }
        let verb_follows = self
            .word(k)
            .is_some_and(|t| !t.is_cap() && !self.is_function(k));
        verb_follows.then_some(found)
    }

    /// Token `k`, or the one after a short bracket opening at `k` ("the
    /// Foreign Office (FO) said").
    pub(super) fn skip_bracket(&self, k: usize, limit: usize) -> usize {
        if !self.tokens.get(k).is_some_and(|t| t.is_punct('(')) {
            return k;
        }
        (k + 1..limit.min(k + MAX_BRACKETED + 2))
            .find(|&c| self.tokens[c].is_punct(')'))
            .map_or(k, |c| c + 1)
    }

    /// The subject a reporting verb at `v` shares with an earlier verb
    /// through "and": "The army closed the road and said ...". The subject
    /// opens the sentence and a lowercase word (its first verb) follows it.
    fn coordinated_subject(&self, v: usize) -> Option<Found> {
        let and = self.skip_back(v, 0).checked_sub(1)?;
        if !self.is(and, &["and"]) {
            return None;
        }
        let found = self.before_clause_verb(self.subject_after(0, and, true)?);
        let Found::Np(np) = &found else { return None };
        // "Vik on Monday met ... and told": a time phrase may come first.
        let mut k = np.end;
        while self.is(k, lexicon::TIME_MODIFIERS) && k < np.end + 2 {
            k += 1;
        }
        if k > np.end && self.is(k, lexicon::DAYS) {
            k += 1;
        } else {
            k = np.end;
        }
        let verb_follows = self
            .word(k)
            .is_some_and(|t| !t.is_cap() && !self.is_function(k));
        // the subject opens the sentence, or follows an introductory phrase
        let opens = self.at_sentence_start(np.start) || self.is_comma(np.start.wrapping_sub(1));
        (k + 1 < and && verb_follows && opens).then_some(found)
    }

    /// The subject of a clause whose phrase `found` was read across the
    /// clause's own verb and into its object ("Ostland detained the envoy,
    /// accusing ...", "Ostland gave Vell a week, warning ...", "Ostland sent
    /// two boats and demanded ..."): the words before a lower-case verb in
    /// the past tense that an object follows (a determiner, a number, a
    /// name, or one word and a name: "neighbouring Vell"), when they name a
    /// subject by themselves; else `found` as it is ("the newly elected
    /// Ostland parliament").
    fn before_clause_verb(&self, found: Found) -> Found {
        let Found::Np(np) = &found else { return found };
        let verb = (np.start + 1..np.end).find(|&p| self.past_verb_with_object(p));
        let Some(verb) = verb else { return found };
        match self.subject_after(np.start, verb, np.start == 0) {
            Some(Found::Np(subject)) if subject.end == verb => Found::Np(subject),
            _ => found,
        }
    }

    /// The subject right before a reporting participle at `i`, no comma
    /// between, that a preposition (or "followed") puts before it: "This
    /// followed President Lina Ostrova insisting that ...", "amid Brask
    /// publicly accusing Ostmark of ...". It names a speaker, and
    /// the participle says something (a verb of saying, or an act such as
    /// accusing or condemning, not "groups backing the plan").
    fn gerund_subject(&self, i: usize, kind: StatementKind) -> Option<Found> {
        if self.headline
            || kind != StatementKind::Indirect && !self.is(i, lexicon::GERUND_SPEECH_ACTS)
        {
            return None;
        }
        let Before::Found(Found::Np(np)) = self.before(i, 0) else {
            return None;
        };
        // "followed Lina Ostrova": the lead word may be read into the
        // phrase as a title; the subject is what follows it.
        let np = if self.is(np.start, lexicon::GERUND_SUBJECT_LEADS) {
            match self.classify(np.start + 1, np.end)? {
                Found::Np(np) => np,
                Found::Source => return None,
            }
        } else {
            let lead = np.start.checked_sub(1)?;
            if !self.is(lead, lexicon::GERUND_SUBJECT_LEADS) {
                return None;
            }
            np
        };
        self.can_speak(&np).then_some(Found::Np(np))
    }

    /// Who issued the document a reporting participle at `i` follows: "The
    /// two governments issued a joint statement urging ...": the subject of
    /// the issuing verb, at most three words before the document's noun.
    fn issuer_of_statement(&self, i: usize) -> Option<Found> {
        // "issued a statement on Monday urging ...": a short time phrase
        // may stand between the document and the participle.
        let mut noun = i.checked_sub(1)?;
        while noun + MAX_TIME_PHRASE >= i && noun > 0 && self.is_time_word(noun) {
            noun -= 1;
        }
        if noun < 2 || !self.is(noun, lexicon::STATEMENT_NOUNS) {
            return None;
        }
        let i = noun + 1;
        let k = (i.saturating_sub(5)..i - 1)
            .rev()
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| self.is(k, lexicon::ISSUING_VERBS))?;
        match self.before(k, 0) {
            Before::Found(found) => Some(found),
            _ => None,
        }
    }

    /// After a verb of wanting at `i`, an object of a few words, then "to"
    /// and a verb: "wants Ostland to reopen", "wanted the two sides to meet".
    fn wants_object_to(&self, i: usize) -> bool {
        if self.is(i + 1, &["to"]) || self.word(i + 1).is_none() {
            return false;
        }
        let Some(to) = (i + 2..i + MAX_WANTED_OBJECT + 2)
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| self.is(k, &["to"]))
        else {
            return false;
        };
        // the object is no clause: no verb or conjunction inside it
        let plain_object = (i + 1..to).all(|k| {
            !self.is(k, &["that", "and", "or", "it", "them", "this"])
                || self.is(k, lexicon::DETERMINERS)
        });
        // a verb after "to", not a place ("pushed the rebels to the border")
        plain_object
            && self.word(to + 1).is_some_and(|t| {
                !t.is_cap() && !self.is_function(to + 1) && !self.is(to + 1, lexicon::DETERMINERS)
            })
    }

    /// After the giving verb at `i`: an object, a count of
    /// [`lexicon::DEADLINE_UNITS`] and "to" or "until" ("the operator 30
    /// days to pay", "Ostland 48 hours on Friday to withdraw"). "given"
    /// counts only after "has", "have" or "had" (the passive gives no one's
    /// demand).
    fn deadline_after(&self, i: usize) -> bool {
        if self.is(i, &["given"]) && !(i > 0 && self.is(i - 1, &["has", "have", "had"])) {
            return false;
        }
        let Some(count) = (i + 2..i + 2 + MAX_WANTED_OBJECT)
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| {
                (self.is_number(k) || self.is(k, lexicon::NUMBER_WORDS))
                    && self.is(k + 1, lexicon::DEADLINE_UNITS)
            })
        else {
            return false;
        };
        // the object is no clause
        let plain_object = (i + 1..count).all(|k| !self.is(k, &["that", "and", "or"]));
        // "..., the minister said": the deadline is what a later speaker
        // reported.
        // A comma, then a verb of saying after it: the first comma is the
        // one to look past.
        let reported_later = (count + 2..self.len())
            .find(|&k| self.is_comma(k))
            .is_some_and(|k| (k + 1..self.len()).any(|v| self.is(v, lexicon::INVERTING_VERBS)));
        plain_object
            && !reported_later
            && (count + 2..count + 5)
                .take_while(|&k| self.word(k).is_some())
                .any(|k| self.is(k, &["to", "until"]))
    }

    /// Is token `k` part of a time phrase ("on Monday", "late on Friday",
    /// "this morning", "last week")?
    /// Is the participle at `i` how the clause's subject acted: "sought
    /// understanding by explaining that ...", "remained firm in demanding
    /// a retraction"? After "in" an object must follow ("in demanding
    /// conditions" is an adjective).
    fn participle_of_manner(&self, i: usize) -> bool {
        i > 0
            && (self.is(i - 1, lexicon::MANNER_PREPOSITIONS)
                || self.is(i - 1, &["in"]) && self.is(i + 1, &["a", "an", "the", "that"]))
    }

    pub(super) fn is_time_word(&self, k: usize) -> bool {
        self.is(k, lexicon::TIME_MODIFIERS)
            || self.is(k, lexicon::DAYS)
            || self.is(k, lexicon::PARTS_OF_DAY)
            || self.is(k, lexicon::PERIODS)
    }

    /// Is the "saying" at `i` (or another reporting participle with "that":
    /// "came out of the meeting insisting that ...") a participle of the
    /// clause before it with no comma between ("Qatar left the talks last
    /// week saying ..."): it follows a content word, not a preposition
    /// ("without saying") or a verb that makes it a gerund ("keeps saying").
    fn bare_saying(&self, i: usize) -> bool {
        i > 2
            && (self.is(i, &["saying"]) || self.is(i + 1, &["that"]))
            && self.word(i - 1).is_some_and(|t| !t.is_cap())
            && !self.is_function(i - 1)
            && !self.is(i - 1, lexicon::GERUND_VERBS)
    }

    /// The subject of a sentence that is not a statement, when it names a
    /// person or body worth remembering for later pronouns.
    pub(super) fn narration_subject(&self) -> Option<Np> {
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
        // "Naftogaz filed a lawsuit ... It asked for ...": a lone name the
        // text uses as a name elsewhere is a subject "it" or "he" may mean.
        let lone_name = matches!(&np.form, Form::Person(name)
            if name.len() == 1 && self.names.contains(name[0].as_str()));
        (self.can_speak(&np) || lone_name).then_some(np)
    }

    /// "In Salenne, the port authority said ...": a body named by a bare
    /// common noun of the state ("the port authority", "the interior
    /// ministry") after a sentence's opening "In PLACE," belongs to that
    /// place, and says so in its text ("Salenne's port authority").
    pub(super) fn own_by_opening_place(&self, np: &mut Np) {
        let Form::Body { text, .. } = &mut np.form else {
            return;
        };
        if !text.starts_with("the ")
            || text.chars().any(char::is_uppercase)
            || !text
                .split_whitespace()
                .last()
                .is_some_and(|head| lexicon::is_in(lexicon::STATE_BODY_HEADS, head))
        {
            return;
        }
        let Some(opening) = (0..self.len()).find(|&k| self.word(k).is_some()) else {
            return;
        };
        if !self.is(opening, &["in"]) {
            return;
        }
        let place_end = (opening + 1..self.len())
            .take_while(|&k| self.is_name_word(k) && !self.tokens[k].is_possessive())
            .last()
            .map_or(opening + 1, |k| k + 1);
        if place_end == opening + 1 || !self.is_comma(place_end) || np.start != place_end + 1 {
            return;
        }
        let place = self.article
            [self.tokens[opening + 1].span.start..self.tokens[place_end - 1].span.end]
            .to_string();
        *text = format!("{place}'s {}", &text["the ".len()..]);
    }

    /// The subject opening the sentence when it names a body or a place
    /// ("Ostland will respond ..., its foreign ministry said"): the owner
    /// an "its" speaker stands for.
    pub(super) fn opening_owner(&self) -> Option<Np> {
        let np = self.subject_after(0, self.len(), true)?.np()?;
        matches!(np.form, Form::Body { .. } | Form::Person(_)).then_some(np)
    }

    /// "according to X" in tokens `from..to`: X, or `Source` for an outlet or a document.
    pub(super) fn according_to(&self, from: usize, to: usize) -> Option<Found> {
        let at = self.according_at(from, to)?;
        // "According to her, ...": an object pronoun standing alone.
        let word = self.word(at + 2).map(|_| self.key(at + 2).to_lowercase());
        let pronoun = match word.as_deref() {
            Some("him") => Some(Pronoun::He),
            Some("her") => Some(Pronoun::She),
            Some("them") => Some(Pronoun::They),
            _ => None,
        };
        if let Some(pronoun) = pronoun
            && at + 2 < to
            && self.word(at + 3).is_none()
        {
            return Some(Found::Np(Np {
                start: at + 2,
                end: at + 3,
                span: self.tokens[at + 2].span,
                form: Form::Pronoun(pronoun),
                roles: Vec::new(),
                gender: Gender::Unknown,
            }));
        }
        // "According to the commission Mr Brask won ...": with no comma
        // after it, a source of a determiner and lowercase words ends where
        // the clause's capitalised subject begins.
        if self.is(at + 2, lexicon::DETERMINERS)
            && let Some(cut) = (at + 3..to.min(at + 2 + MAX_PHRASE))
                .take_while(|&k| self.word(k).is_some())
                .find(|&k| self.tokens[k].is_cap())
            && cut > at + 3
            // the capitalised run is a clause's subject, a lowercase word (its
            // verb) after it, not a name in apposition ("the rights group
            // Open Steppe")
            && let Some(after) = (cut..to).find(|&k| !self.is_name_word(k))
            && self.word(after).is_some_and(|t| !t.is_cap())
            && let Some(Found::Np(np)) = self.classify(at + 2, cut)
            && np.end == cut
            && matches!(np.form, Form::Body { .. } | Form::Role { .. })
        {
            return Some(Found::Np(np));
        }
        if let Some(Found::Np(mut np)) = self.subject_after(at + 2, to, false) {
            // "..., according to Ragna Pell, an analyst at ...": what the
            // appositive says she is, as after a speaker who says. (After
            // an opening "According to Ana Rell," the clause goes on.)
            if matches!(np.form, Form::Person(_))
                && !self.at_sentence_start(at)
                && self.is_comma(np.end)
                && self.is(np.end + 1, lexicon::DETERMINERS)
            {
                let from = np.end + 1;
                self.add_appositive(&mut np, from, to);
            }
            return Some(Found::Np(np));
        }
        let end = to.min(at + 2 + MAX_PHRASE);
        // "according to United Nations figures": the body that keeps them.
        if let Some(data) = (at + 3..end)
            .take_while(|&i| self.word(i).is_some())
            .find(|&i| self.is(i, lexicon::DATA_NOUNS))
            && let Some(Found::Np(np)) = self.classify(at + 2, data)
            && !matches!(np.form, Form::Pronoun(_))
        {
            return Some(Found::Np(np));
        }
        // "according to a statement from the ministry": the document's author.
        let by = (at + 2..end)
            .take_while(|&i| !self.is_comma(i))
            .find(|&i| self.is(i, lexicon::AUTHOR_PREPOSITIONS));
        match by.and_then(|by| self.subject_after(by + 1, to, false)) {
            Some(Found::Np(np)) => Some(Found::Np(np)),
            // "according to the statement": the document named before, which
            // speaks for whoever issued it.
            _ if self.is(at + 2, &["the"])
                && self.is(at + 3, UNSIGNED_DOCUMENTS)
                && self.word(at + 4).is_none() =>
            {
                Some(Found::Np(self.group_of(at + 2, at + 4)))
            }
            _ => Some(Found::Source),
        }
    }

    /// Where "according to" starts in tokens `from..to`.
    /// "According to the ministry, Holm told her counterpart that ...": an
    /// opening "according to" (at token `at`) passes on what the person
    /// named right after its comma said, and that person is the speaker.
    fn named_after_according(
        &self,
        at: usize,
        limit: usize,
    ) -> Option<(Np, StatementKind, Option<Span>)> {
        if (0..at).any(|k| self.word(k).is_some()) {
            return None;
        }
        let comma = (at + 2..limit.min(at + 3 + MAX_PHRASE)).find(|&k| self.is_comma(k))?;
        let start = comma + 1;
        let v = (start + 1..limit.min(start + 1 + MAX_PHRASE)).find(|&k| self.is_verb(k))?;
        let (len, kind, false) = self.verb_at(v)? else {
            return None;
        };
        let kind = self.verb_kind(kind, v + len);
        if kind != StatementKind::Indirect {
            return None;
        }
        let Before::Found(Found::Np(np)) = self.before_bracket(v, start) else {
            return None;
        };
        (np.start == start && matches!(np.form, Form::Person(_)))
            .then(|| (np, kind, Some(self.span_of(v, len))))
    }

    /// "Ban warned that ..., according to a statement from his office": a
    /// document (at the "according" token `at`) that carries the words of a
    /// person who opens the sentence with a verb of speech before it; that
    /// person is the speaker, the document only their channel.
    fn speaker_before_document(&self, at: usize) -> Option<(Np, StatementKind, Option<Span>)> {
        let document = (at + 2..(at + 5).min(self.len()))
            .take_while(|&k| self.word(k).is_some())
            .any(|k| self.is(k, lexicon::STATEMENT_NOUNS));
        if !document {
            return None;
        }
        let (v, len, kind) = (1..at).find_map(|k| match self.verb_at(k)? {
            (len, kind, false) => Some((k, len, kind)),
            _ => None,
        })?;
        let Before::Found(Found::Np(np)) = self.before_bracket(v, 0) else {
            return None;
        };
        let person = matches!(np.form, Form::Person(_))
            || matches!(np.form, Form::Pronoun(p) if p != Pronoun::It && p != Pronoun::They);
        (person && self.at_sentence_start(np.start)).then(|| {
            (
                np,
                self.verb_kind(kind, v + len),
                Some(self.span_of(v, len)),
            )
        })
    }

    pub(super) fn according_at(&self, from: usize, to: usize) -> Option<usize> {
        (from..to.saturating_sub(1))
            .find(|&i| self.is(i, &["according"]) && self.is(i + 1, &["to"]))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ClaimCase, assert_claims};
    use super::*;
    use StatementKind::{Direct, Indirect, Reported};

    #[test]
    fn a_lone_name_owning_a_speech_noun_speaks() {
        let cases: &[ClaimCase] = &[
            (
                "Talks stalled in 2021 over Vellia's demand that the border map be redrawn.",
                &[("the border map be redrawn", "Vellia", Reported)],
            ),
            (
                "The mediators took up the first item, Ostland's demand to govern three districts.",
                &[("to govern three districts", "Ostland", Reported)],
            ),
            // refusing to talk, as a noun
            (
                "Another sticking point was Ostland's refusal to negotiate a longer ferry deal.",
                &[("negotiate a longer ferry deal", "Ostland", Reported)],
            ),
            // a day is no speaker
            (
                "The count was delayed by Monday's announcement that the ballots would be reweighed.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn refuting_mooting_and_weighing_in_are_speech_acts() {
        let cases: &[ClaimCase] = &[
            (
                "The Vellian trade ministry has refuted the report.",
                &[(
                    "refuted the report",
                    "body:the Vellian trade ministry",
                    Reported,
                )],
            ),
            (
                "The harbour authority mooted a ban on night crossings.",
                &[(
                    "a ban on night crossings",
                    "body:the harbour authority",
                    Reported,
                )],
            ),
            (
                "The farmers' union weighed in to condemn the levy.",
                &[("to condemn the levy", "body:the farmers' union", Reported)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_speech_noun_with_its_author_after_from_or_by_is_a_statement() {
        let cases: &[ClaimCase] = &[
            (
                "Ostland spoke first. A veto threat from Ostland has stalled the corridor resolution.",
                &[("stalled the corridor", "Ostland", Reported)],
            ),
            (
                "The levy drew sharp criticism from the farmers' union on Tuesday.",
                &[("sharp criticism", "body:the farmers' union", Reported)],
            ),
            (
                "Calls by the harbour authority for calm went unheeded.",
                &[("for calm", "body:the harbour authority", Reported)],
            ),
            // no speech noun, or no speaker after the preposition
            ("A convoy from the capital reached the camp.", &[]),
            ("The warning from last winter was forgotten.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn negated_stances_and_recommendations_are_speech_acts() {
        let cases: &[ClaimCase] = &[
            (
                "Shipping analysts were not convinced by the new timetable.",
                &[("new timetable", "body:Shipping analysts", Reported)],
            ),
            (
                "The Vellish mediators are still not optimistic about a deal.",
                &[("about a deal", "body:the Vellish mediators", Reported)],
            ),
            (
                "Fishery scientists at the Ostmark institute have recommended a pause in trawling.",
                &[(
                    "pause in trawling",
                    "body:Fishery scientists at the Ostmark institute",
                    Reported,
                )],
            ),
            (
                "Clinic managers said the wards were full.",
                &[("wards were full", "body:Clinic managers", Indirect)],
            ),
            // "not" before an adjective that is no copula's
            ("The harbour was not clear of ice until March.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_verb_with_a_protest_or_a_charge_as_object_is_a_speech_act() {
        let cases: &[ClaimCase] = &[
            (
                "The Ostmark foreign ministry lodged a formal protest with the Vellish embassy.",
                &[(
                    "formal protest",
                    "body:the Ostmark foreign ministry",
                    Reported,
                )],
            ),
            (
                "The army and the rebel command have exchanged accusations over who broke the truce.",
                &[(
                    "broke the truce",
                    "body:the army and the rebel command",
                    Reported,
                )],
            ),
            (
                "Ilse Marku issued a stern warning to the smugglers on Tuesday.",
                &[("stern warning", "Ilse Marku", Reported)],
            ),
            (
                "The embassy lodged “strong representations” with the port police.",
                &[("strong representations", "body:the embassy", Reported)],
            ),
            (
                "Earlier, the governor had alluded to the possibility of a curfew.",
                &[("possibility of a curfew", "role:the governor", Reported)],
            ),
            // a deadline set, assurances sought, answers wanted
            (
                "Officials later set a May 15 deadline for Vellmark to comply.",
                &[("May 15 deadline", "body:Officials", Reported)],
            ),
            (
                "The harbour board wants answers from the ferry operator on the delays.",
                &[(
                    "answers from the ferry operator",
                    "body:the harbour board",
                    Reported,
                )],
            ),
            (
                "The dockers' union sought an urgent meeting with the minister.",
                &[("urgent meeting", "body:the dockers' union", Reported)],
            ),
            // the verb alone, or with another object, reports nothing
            ("The two sides renewed talks on Monday.", &[]),
            ("The union set up a strike fund.", &[]),
            ("The ministry sought to buy more grain.", &[]),
            ("The ministry issued new passports to the returnees.", &[]),
            ("The two firms exchanged shares in the joint venture.", &[]),
            ("The refugees lodged in a school near the crossing.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_bracketed_acronym_between_subject_and_verb_is_skipped() {
        let cases: &[ClaimCase] = &[
            (
                "The Ostland Farmers' League (OFL) said the harvest had halved.",
                &[(
                    "the harvest had halved",
                    "body:the Ostland Farmers' League",
                    Indirect,
                )],
            ),
            (
                "The Vellmark Election Board (VEB) has rejected the fraud claims.",
                &[(
                    "rejected the fraud claims",
                    "body:the Vellmark Election Board",
                    Reported,
                )],
            ),
            (
                "“We will not sign,” the Port Workers' Union (PWU) said.",
                &[("We will not sign", "body:the Port Workers' Union", Direct)],
            ),
            // brackets holding more than a short aside leave no speaker
            (
                "The league (founded in 1921 by nine mill owners) said nothing.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_phrase_inserted_between_subject_and_verb_is_skipped() {
        let cases: &[ClaimCase] = &[
            (
                "Ostmark and Vellmark, in a joint statement, urged both sides to show restraint.",
                &[("show restraint", "body:Ostmark and Vellmark", Reported)],
            ),
            (
                "Norland and Sarvia, both of which border the lake, called on the two navies to pull back.",
                &[("to pull back", "body:Norland and Sarvia", Reported)],
            ),
            (
                "As the floods spread, Ostmark—casting itself as a neutral broker—urged both capitals to talk.",
                &[("both capitals to talk", "Ostmark", Reported)],
            ),
            (
                "The Vellmark cabinet – meeting for a second night – said the budget would pass.",
                &[(
                    "the budget would pass",
                    "body:the Vellmark cabinet",
                    Indirect,
                )],
            ),
            ("Prices rose — faster than forecast — and stalled.", &[]),
            // an insertion after a clause that is not the subject gives no speaker
            (
                "The port reopened, ships left, and trade resumed, then stalled.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn embassies_coordinators_and_an_air_force_speak() {
        let cases: &[ClaimCase] = &[
            (
                "Nine Western embassies urged calm after the vote.",
                &[("urged calm", "body:Nine Western embassies", Reported)],
            ),
            (
                "The coordinator for the relief effort, Ines Valo, said two convoys had crossed.",
                &[("two convoys had crossed", "Ines Valo", Indirect)],
            ),
            (
                "Ostmark's air force said it had downed four drones.",
                &[("downed four drones", "body:Ostmark's air force", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn long_held_positions_and_pushing_for_something_are_statements() {
        let cases: &[ClaimCase] = &[
            (
                "Vellmark has long insisted its reactor is for research only.",
                &[("for research only", "Vellmark", Indirect)],
            ),
            (
                "The growers' league pushed for a ban on imported grain.",
                &[(
                    "a ban on imported grain",
                    "body:the growers' league",
                    Reported,
                )],
            ),
            // "push" without "for" is an action
            ("The crowd pushed the barriers aside.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_headline_quoting_its_subject_is_a_statement() {
        let cases: &[ClaimCase] = &[
            (
                "Vellmark opposition leader 'firmly rejects' port levy\n\nThe vote went on overnight.",
                &[(
                    "firmly rejects",
                    "body:Vellmark opposition",
                    StatementKind::Headline,
                )],
            ),
            (
                "Trade Minister Tomas Vik sees ‘slim chance’ of grain deal\n\nVik sent no envoy.",
                &[("slim chance", "Tomas Vik", StatementKind::Headline)],
            ),
            // a quote that opens the headline has no subject before it
            (
                "'Every door' stays open on grain deal\n\nThe vote went on overnight.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_headline_subject_that_acts_then_speaks_says_the_second_clause() {
        let cases: &[ClaimCase] = &[
            (
                "Ostmark shuts canal to Dravian barges, demands $9 million for broken gate\n\nOfficials in Ostmark closed the canal.",
                &[(
                    "demands $9 million for broken gate",
                    "Ostmark",
                    StatementKind::Headline,
                )],
            ),
            (
                "Ostmark revokes fishing permits, tells Corvel trawlers to 'leave or pay'\n\nOfficials in Ostmark cut the permits.",
                &[("leave or pay", "Ostmark", StatementKind::Headline)],
            ),
            // a reporting participle after the act: the whole headline is the name's
            (
                "Ostmark expels Dravian envoy, saying he broke the rules\n\nOfficials in Ostmark gave him a day to leave.",
                &[(
                    "expels Dravian envoy, saying he broke",
                    "Ostmark",
                    StatementKind::Headline,
                )],
            ),
            // a second act reports nothing
            (
                "Ostmark shuts canal to Dravian barges, sends tugs to the locks\n\nOfficials in Ostmark closed the canal.",
                &[],
            ),
            // a subject that names no one
            (
                "Storm shuts canal to barges, forces closure of the locks\n\nOfficials in Ostmark closed the canal.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
        // the claim is the second clause alone, not the act before it
        let article = cases[0].0;
        let attribution = super::super::tests::attribute_text(article);
        let span = attribution.claims[0].span;
        assert!(article[span.start..span.end].starts_with("demands"));
    }

    #[test]
    fn a_headline_opening_with_its_speaker_s_quote_is_a_statement() {
        let cases: &[ClaimCase] = &[
            // the verb, then the speaker, after the quote's comma
            (
                "‘We will not ask leave to fish our own bay,’ says Ostmark premier\n\nOfficials in Ostmark met.",
                &[(
                    "fish our own bay",
                    "role:Ostmark premier",
                    StatementKind::Headline,
                )],
            ),
            (
                "'No toll on our river', says Trade Minister Ivo Sarn\n\nOfficials in Ostmark met.",
                &[("No toll on our river", "Ivo Sarn", StatementKind::Headline)],
            ),
            // after a colon, the speaker acts: the words are still theirs
            (
                "‘Our bay, our boats’: Ostmark sends cutters toward Dravian trawlers\n\nOfficials in Ostmark met.",
                &[("Our bay, our boats", "Ostmark", StatementKind::Headline)],
            ),
            // no one named after the colon
            (
                "‘Our bay’: Storm hits Dravian trawlers\n\nOfficials in Ostmark met.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_headline_s_label_speaks_and_an_opening_adjective_does_not() {
        let cases: &[ClaimCase] = &[
            (
                "Considerable gaps remain in port talks, says Ostland negotiator Ilse Marku\n\nThe talks went on in Brensk.",
                &[("Considerable gaps", "Ilse Marku", StatementKind::Headline)],
            ),
            (
                "Envoy Ilse Marku: Vellmark agrees to April deadline for truce\n\nThe talks went on in Brensk.",
                &[("April deadline", "Ilse Marku", StatementKind::Headline)],
            ),
            (
                "Border talks make little progress -sources\n\nThe talks went on in Brensk.",
                &[("little progress", "body:sources", StatementKind::Headline)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_headline_lists_its_subjects_with_commas_alone() {
        let cases: &[ClaimCase] = &[
            (
                "Ostmark, Dravia agree to reopen river crossings\n\nThe crossings shut in May.",
                &[(
                    "reopen river crossings",
                    "body:Ostmark, Dravia",
                    StatementKind::Headline,
                )],
            ),
            // after a topic and an introductory phrase
            (
                "Salt marsh row: After fourth round of talks, Ostmark, Dravia agree to share patrols\n\nThe patrols start in May.",
                &[(
                    "share patrols",
                    "body:Ostmark, Dravia",
                    StatementKind::Headline,
                )],
            ),
            // what three leaders mean to do
            (
                "Rask, Brun, Vik to speed up talks on canal deal\n\nThe canal shut in May.",
                &[(
                    "speed up talks",
                    "body:Rask, Brun, Vik",
                    StatementKind::Headline,
                )],
            ),
            // a place after a phrase that is no list item is the subject alone
            (
                "In blow to Dravia, Ostmark rejects canal deal\n\nThe canal shut in May.",
                &[("rejects canal deal", "Ostmark", StatementKind::Headline)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_headline_announcing_what_a_body_means_to_do_is_a_statement() {
        let cases: &[ClaimCase] = &[
            (
                "Vellmark opposition to contest poll results in court\n\nThe count went on overnight.",
                &[(
                    "contest poll results",
                    "body:Vellmark opposition",
                    StatementKind::Headline,
                )],
            ),
            // a subject that names no one announces nothing
            (
                "Talks to resume next week in Geneva\n\nThe count went on overnight.",
                &[],
            ),
            // a lone place before a present tense that reads only as a verb
            (
                "Brensk condemns plans for joint naval drills\n\nThe drills begin in May.",
                &[("joint naval drills", "Brensk", StatementKind::Headline)],
            ),
            (
                "Vellish rivals declare impasse in border talks\n\nThe drills begin in May.",
                &[("impasse", "body:Vellish rivals", StatementKind::Headline)],
            ),
            // a present tense that reads as a plural noun too
            (
                "Fresh reports of shelling near border\n\nThe drills begin in May.",
                &[],
            ),
            // a role its owner names announces what its holder means to do
            (
                "Ostland envoy to visit Brensk in bid to end port row\n\nThe drills begin in May.",
                &[(
                    "visit Brensk",
                    "role:Ostland envoy",
                    StatementKind::Headline,
                )],
            ),
            // a bare role names no one
            (
                "Minister to visit Brensk next week\n\nThe drills begin in May.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn refusing_to_speak_estimating_and_flagging_are_statements() {
        let cases: &[ClaimCase] = &[
            (
                "The Varnian port authority declined to comment on claims that cranes had been sold.",
                &[(
                    "cranes had been sold",
                    "body:the Varnian port authority",
                    Reported,
                )],
            ),
            (
                "Ilse Marku refused to say whether the mill would close.",
                &[("the mill would close", "Ilse Marku", Reported)],
            ),
            (
                "The growers’ league estimated that the frost had cost a third of the harvest.",
                &[(
                    "a third of the harvest",
                    "body:the growers’ league",
                    Indirect,
                )],
            ),
            (
                "Tomas Vik flagged the risk of a walkout before the vote.",
                &[("risk of a walkout", "Tomas Vik", Reported)],
            ),
            (
                "He declined to describe the letter’s contents.",
                &[("the letter’s contents", "pronoun:He", Reported)],
            ),
            // refusing dialogue, or to recognise a result, is a position
            (
                "The rebel council refused to meet the envoy in Brensk.",
                &[("meet the envoy", "body:the rebel council", Reported)],
            ),
            (
                "Two commissioners refused to recognise the count.",
                &[("recognise the count", "body:Two commissioners", Reported)],
            ),
            // refusing anything but speech is an action, not a statement
            ("The delegation declined to attend the dinner.", &[]),
            ("Ilse Marku refused to sign the order.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn an_outlet_closing_a_sentence_nobody_else_speaks_in_reports_it() {
        let cases: &[ClaimCase] = &[
            (
                "The ferry talks began on Monday in Brensk, the Vellish newspaper Dagblad reported.",
                &[(
                    "ferry talks began",
                    "body:the Vellish newspaper Dagblad",
                    Indirect,
                )],
            ),
            (
                "The harbour board is represented by two clerks, AFP reported on Tuesday.",
                &[("two clerks", "body:AFP", Indirect)],
            ),
            (
                "Vellmark is represented by two clerks, AFP reported.",
                &[("two clerks", "body:AFP", Indirect)],
            ),
            // the press as a whole, and what a person did as it tells it
            (
                "Tomas Vik met port officials on Friday, Vellish media outlets reported.",
                &[("met port officials", "body:Vellish media outlets", Indirect)],
            ),
            (
                "Protesters freed two former mayors from jail, local media reported.",
                &[("two former mayors", "body:local media", Indirect)],
            ),
            // after "according to", when nobody in the sentence speaks
            (
                "The new vote will take place on June 23, according to the state-run broadcaster.",
                &[(
                    "take place on June 23",
                    "body:the state-run broadcaster",
                    Indirect,
                )],
            ),
            (
                "According to local media reports, the ferry fees were one sticking point.",
                &[("ferry fees", "body:local media reports", Indirect)],
            ),
            // a speaker in the sentence speaks, the outlet only passes it on
            (
                "Tomas Vik said the ferry talks stalled, Reuters reported.",
                &[("talks stalled", "Tomas Vik", Indirect)],
            ),
            // words after the verb are no closing attribution
            (
                "The ferry talks began, AFP reported, and the port shut.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_reporting_participle_after_by_or_in_is_how_the_subject_spoke() {
        let cases: &[ClaimCase] = &[
            (
                "Tomas Vik remained unyielding in demanding a retraction.",
                &[("demanding a retraction", "Tomas Vik", Reported)],
            ),
            (
                "Ilse Marku sought calm by explaining that the ferry fees would not rise.",
                &[("fees would not rise", "Ilse Marku", Indirect)],
            ),
            // an adjective after "in" is no participle
            ("The crews worked in demanding conditions.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn more_verbs_invert_after_the_statement_and_a_venue_may_close_it() {
        let cases: &[ClaimCase] = &[
            (
                "The ferry fees are “baseless and unfair”, denounced the Ostmark Ministry of Trade in a press release.",
                &[("baseless", "body:the Ostmark Ministry of Trade", Reported)],
            ),
            (
                "The talks will resume on Monday, declared a Norland spokesman.",
                &[("resume", "role:a Norland spokesman", Indirect)],
            ),
            // a word after the phrase that names no venue: no speaker there
            (
                "The ferry fees are unfair, denounced the Ostmark union leaflets yesterday on the quay.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn underscoring_considering_that_and_an_almost_done_act_are_statements() {
        let cases: &[ClaimCase] = &[
            (
                "The Ostmark trade office underscored that the quota would hold.",
                &[(
                    "the quota would hold",
                    "body:the Ostmark trade office",
                    Indirect,
                )],
            ),
            (
                "Deputy Minister Ilse Marku considered that “the tariff is a wall, not a bridge.”",
                &[("a wall, not a bridge", "Ilse Marku", Indirect)],
            ),
            (
                "Vellmark has almost rejected the ferry plan.",
                &[("the ferry plan", "Vellmark", Reported)],
            ),
            // "considered" without a clause is no statement
            ("The board considered the ferry plan on Monday.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn reaffirming_revealing_alleging_echoing_lambasting_speculating_reminding_and_requesting_are_statements()
     {
        let cases: &[ClaimCase] = &[
            (
                "Analysts have speculated that Vellmark will use the quota as leverage.",
                &[("use the quota as leverage", "body:Analysts", Indirect)],
            ),
            (
                "Tomas Vik also reminded that Ostland had filed a claim at the tribunal.",
                &[("filed a claim at the tribunal", "Tomas Vik", Indirect)],
            ),
            (
                "The Ostland transport ministry advised two other ferries to wait outside the strait.",
                &[(
                    "wait outside the strait",
                    "body:the Ostland transport ministry",
                    Reported,
                )],
            ),
            (
                "The Ostland government has requested a two-year delay to the rules it signed.",
                &[("two-year delay", "body:the Ostland government", Reported)],
            ),
            (
                "She reaffirmed Vellmark’s support for a negotiated settlement.",
                &[("negotiated settlement", "pronoun:She", Indirect)],
            ),
            (
                "Tomas Vik revealed that the envoys had met twice in secret.",
                &[("met twice in secret", "Tomas Vik", Indirect)],
            ),
            (
                "Ilse Marku highlighted the release of four fishermen as a sign of goodwill.",
                &[("sign of goodwill", "Ilse Marku", Reported)],
            ),
            (
                "The dockers’ union lambasted the offer as an insult.",
                &[("an insult", "body:the dockers’ union", Reported)],
            ),
            (
                "Roux mentioned that a second round could follow in March.",
                &[("second round", "Roux", Indirect)],
            ),
            (
                "The Brensk bar association alleged that ballots had been burned.",
                &[(
                    "ballots had been burned",
                    "body:the Brensk bar association",
                    Indirect,
                )],
            ),
            (
                "Ilse Marku echoed the view that the border must stay open.",
                &[("must stay open", "Ilse Marku", Indirect)],
            ),
            // an adjective, not a verb
            ("The alleged attack took place at night.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    /// The verbs of judging, advising and complaining added as a class, and
    /// the "-ing" forms of listed verbs after a comma.
    #[test]
    fn judging_advising_and_complaining_verbs_are_statements() {
        let cases: &[ClaimCase] = &[
            (
                "Tomas Vik congratulated the Ostland negotiators on a fair deal.",
                &[("on a fair deal", "Tomas Vik", Reported)],
            ),
            (
                "The Vellmark ministry apologised for the delay at the crossing.",
                &[(
                    "delay at the crossing",
                    "body:the Vellmark ministry",
                    Reported,
                )],
            ),
            (
                "Ilse Marku faulted the port authority for ignoring the warnings.",
                &[("ignoring the warnings", "Ilse Marku", Reported)],
            ),
            (
                "Roux repudiated the ceasefire terms agreed in Brensk.",
                &[("ceasefire terms", "Roux", Reported)],
            ),
            (
                "The dockers' union bemoaned the slow pace of the talks.",
                &[("slow pace", "body:the dockers' union", Reported)],
            ),
            (
                "Ilse Marku singled out the customs rules as the main obstacle.",
                &[("main obstacle", "Ilse Marku", Reported)],
            ),
            (
                "Tomas Vik affirmed that the border would stay open.",
                &[("stay open", "Tomas Vik", Indirect)],
            ),
            (
                "Roux wrote to the envoy, asking that the talks resume in March.",
                &[("resume in March", "Roux", Indirect)],
            ),
            (
                "Otto Brask cast doubt on the count.",
                &[("on the count", "Otto Brask", Reported)],
            ),
            (
                "Ostland expects border talks in weeks\n\nThe talks went on in Brensk.",
                &[("border talks", "Ostland", StatementKind::Headline)],
            ),
            // a noun, not a verb
            ("The outline of the plan was published on Monday.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn progressive_reporting_verbs_are_the_clause_s_verb() {
        let cases: &[ClaimCase] = &[
            (
                "The dockers' union is calling for a second ballot.",
                &[("a second ballot", "body:the dockers' union", Reported)],
            ),
            (
                "Vellmark's farmers were also urging the ministry to lift the quota.",
                &[("lift the quota", "body:Vellmark's farmers", Reported)],
            ),
            (
                "Tomas Vik spoke. He is now warning that the levy will fail.",
                &[("the levy will fail", "pronoun:He", Indirect)],
            ),
            // a participle after a noun is still no clause verb
            ("The ferry calling at Brensk was late.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_stance_adjective_may_follow_an_adverb_or_stand_alone_in_a_headline() {
        let cases: &[ClaimCase] = &[
            (
                "The growers' league was still unconvinced by the offer.",
                &[("by the offer", "body:the growers' league", Reported)],
            ),
            (
                "Tomas Vik spoke. Vik was deeply sceptical of the plan.",
                &[("of the plan", "Vik", Reported)],
            ),
            (
                "Trade Minister Tomas Vik confident of grain deal\n\nThe vote went on overnight.",
                &[("grain deal", "Tomas Vik", StatementKind::Headline)],
            ),
            // no copula in the text: an attributive adjective
            ("A confident Vellmark side arrived on Monday.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn some_verbs_report_a_view_only_before_that() {
        let cases: &[ClaimCase] = &[
            (
                "The Brensk bar association charged that ballots had been burned.",
                &[(
                    "ballots had been burned",
                    "body:the Brensk bar association",
                    Indirect,
                )],
            ),
            (
                "Ilse Marku spoke. Marku upheld that the border must stay open.",
                &[("must stay open", "Marku", Indirect)],
            ),
            (
                "The dockers' union turned down the pay offer on Friday.",
                &[("the pay offer", "body:the dockers' union", Reported)],
            ),
            // without "that" they are acts
            ("Police charged the protesters near the port.", &[]),
            ("Ilse Marku held the post for a decade.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_speech_noun_with_its_owner_is_a_statement() {
        let cases: &[ClaimCase] = &[
            (
                "Tomas Vik said talks had stalled. Despite Vik's insistence that the levy is fair, importers have cut orders.",
                &[
                    ("talks had stalled", "Tomas Vik", Indirect),
                    ("the levy is fair", "Vik", Reported),
                ],
            ),
            (
                "The harbour authority's warning that the port may close went unheeded.",
                &[("the port may close", "body:the harbour authority", Reported)],
            ),
            (
                "The move followed the dockers' union's call for a ban on night shifts.",
                &[("a ban on night shifts", "body:the dockers' union", Reported)],
            ),
            // an owner nobody names, a noun with no clause, or an earlier pledge
            ("Brensk's claim to the islands dates from 1920.", &[]),
            ("Vik's earlier pledge has not been kept.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_document_issued_with_a_participle_and_a_body_s_figures_are_statements() {
        let cases: &[ClaimCase] = &[
            (
                "Ostmark and Vellmark issued a joint statement calling for a truce on the river.",
                &[(
                    "a truce on the river",
                    "body:Ostmark and Vellmark",
                    Reported,
                )],
            ),
            (
                "The growers' league sent a letter urging the ministry to delay the levy.",
                &[("delay the levy", "body:the growers' league", Reported)],
            ),
            // a closing attribution with its verb first
            (
                "The ministry also proposed a base wage of 900 dinars for dockers, said Ilan Vorst, the head of the port union.",
                &[("base wage of 900 dinars", "Ilan Vorst", Indirect)],
            ),
            (
                "Tomas Vik, asked about the ferry, said Ostland “will keep the port open.”",
                &[("keep the port open", "Tomas Vik", Reported)],
            ),
            // "In PLACE," owns a bare body of the state after it
            (
                "In Velmar, the port authority said throughput had fallen by half.",
                &[("fallen by half", "body:Velmar's port authority", Indirect)],
            ),
            (
                "In the capital, the port authority said throughput had fallen by half.",
                &[("fallen by half", "body:the port authority", Indirect)],
            ),
            // a document that carries a named speaker's words is their channel
            (
                "Ilse Varga warned that any attack on the convoy would be answered, according to a statement from her office.",
                &[("would be answered", "Ilse Varga", Indirect)],
            ),
            (
                "The ferries will sail again on Monday, according to a statement from the port authority.",
                &[("sail again", "body:the port authority", Indirect)],
            ),
            (
                "Grain exports fell by a third in May, according to Vellmark agriculture ministry figures.",
                &[(
                    "fell by a third",
                    "body:Vellmark agriculture ministry",
                    Indirect,
                )],
            ),
            // plural bodies and groups as subjects
            (
                "Union bosses have accused the cabinet of stalling the pay talks.",
                &[("stalling the pay talks", "body:Union bosses", Reported)],
            ),
            (
                "The grain commissions issued a joint statement on Monday urging the ministry to act.",
                &[(
                    "urging the ministry",
                    "body:the grain commissions",
                    Reported,
                )],
            ),
            // a contracted negation between subject and verb
            (
                "The harbour authority didn't rule out a second closure.",
                &[("second closure", "body:the harbour authority", Reported)],
            ),
            (
                "The harbour authority hasn’t ruled out a second closure.",
                &[("second closure", "body:the harbour authority", Reported)],
            ),
            // wanting someone else to act is a position
            (
                "The dockers' union wants the port authority to withdraw the night shifts.",
                &[(
                    "withdraw the night shifts",
                    "body:the dockers' union",
                    Reported,
                )],
            ),
            ("The port authority wants to expand the night shifts.", &[]),
            ("The port authority wants it to end soon.", &[]),
            // and so is pressing them to
            (
                "Ostland on Friday pushed Vell to bring its ferry subsidies in line with the treaty.",
                &[("bring its ferry subsidies", "Ostland", Reported)],
            ),
            ("The army pushed the rebels to the border.", &[]),
            // journalese verbs of speech
            (
                "The Ostland foreign ministry blasted the sanctions as theft.",
                &[("theft", "body:the Ostland foreign ministry", Reported)],
            ),
            (
                "Opposition leaders decried the deal, and the union rebuffed the offer.",
                &[
                    ("decried the deal", "body:Opposition leaders", Reported),
                    ("rebuffed the offer", "body:the union", Reported),
                ],
            ),
            ("Two blasts hit the harbour on Monday.", &[]),
            // an outlet reports on its own account when nobody else speaks
            (
                "The state news agency reported that troops had crossed the river.",
                &[("crossed the river", "body:the state news agency", Indirect)],
            ),
            (
                "Citing two officials, the Morning Herald said the talks would resume next week.",
                &[("resume next week", "body:the Morning Herald", Indirect)],
            ),
            (
                "The Evening Herald [EH] reported last week that the cabinet had split.",
                &[("had split", "body:the Evening Herald", Indirect)],
            ),
            // an outlet after another speaker's words, or quoting someone, passes them on
            ("He would sign the deal soon, the Herald reported.", &[]),
            (
                "The Herald quoted Tomas Vik as saying the deal was dead.",
                &[("deal was dead", "Tomas Vik", Indirect)],
            ),
            // a time phrase between the document and the participle
            (
                "The pilots' union issued a statement late on Friday urging the airline to reopen talks.",
                &[("reopen talks", "body:the pilots' union", Reported)],
            ),
            (
                "The dairy farmers' association signed a letter this week warning that the quota would ruin growers.",
                &[(
                    "ruin growers",
                    "body:the dairy farmers' association",
                    Indirect,
                )],
            ),
            // "saying" with no comma after the clause it belongs to
            (
                "The port authority quit the border commission last month saying it had been misled.",
                &[("misled", "body:the port authority", Indirect)],
            ),
            (
                "The Ostland delegation left the hall early saying the talks were over.",
                &[("over", "body:the Ostland delegation", Indirect)],
            ),
            (
                "The drivers' leaders came out of the talks insisting that the strike would go on.",
                &[("strike would go on", "body:the drivers' leaders", Indirect)],
            ),
            // a gerund or a preposition before "saying": no participle of the clause
            ("The ministry kept saying nothing about the ferry.", &[]),
            ("The ferry left without saying where it was bound.", &[]),
            // a document without an issuer, or an outlet's figures, says nothing
            ("A statement calling for calm was read out.", &[]),
            ("A statement on Monday calling for calm was read out.", &[]),
            (
                "Grain exports fell by a third, according to Reuters figures.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn in_turn_between_subject_and_verb_and_bodies_named_in_short() {
        let cases: &[ClaimCase] = &[
            (
                "The ruling bloc has in turn said the count was rigged in the north.",
                &[("rigged in the north", "body:the ruling bloc", Indirect)],
            ),
            (
                "Vellmark govt says ready for talks\n\nThe vote went on overnight.",
                &[(
                    "ready for talks",
                    "body:Vellmark govt",
                    StatementKind::Headline,
                )],
            ),
            (
                "The Vellmark coastguard said two cutters had left port.",
                &[("two cutters", "body:the Vellmark coastguard", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn groups_named_by_a_plural_speak_and_back_to_is_no_verb() {
        let cases: &[ClaimCase] = &[
            (
                "Some bondholders have threatened to sue the state.",
                &[("to sue the state", "body:Some bondholders", Reported)],
            ),
            (
                "Several opposition deputies denounced the deal as a sell-out.",
                &[("a sell-out", "body:Several opposition deputies", Reported)],
            ),
            // relatives and growers speak too, counted by the dozen
            (
                "Several dozen relatives of the crew urged the ministry to accept the swap.",
                &[(
                    "accept the swap",
                    "body:Several dozen relatives of the crew",
                    Reported,
                )],
            ),
            (
                "Tarvian growers urged the ministry to lift the quota.",
                &[("lift the quota", "body:Tarvian growers", Reported)],
            ),
            ("The decree lets the army order strikers back to work.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_claim_to_land_or_rule_reports_nothing_said() {
        let cases: &[ClaimCase] = &[
            (
                "Both kingdoms have claimed the pastures along the ridge for centuries.",
                &[],
            ),
            ("The atoll was claimed by Vellmark after the storm.", &[]),
            (
                "The marsh has been claimed for decades by the Ostland herders' league.",
                &[],
            ),
            (
                "President Ilse Varga claimed sovereignty over the lagoon.",
                &[],
            ),
            ("The league claims the whole valley as its own.", &[]),
            // a claim that something is so is still speech
            (
                "Ostland claimed the pastures had never been surveyed.",
                &[("never been surveyed", "Ostland", Indirect)],
            ),
            (
                "The herders' league claimed that the border was drawn in secret.",
                &[("drawn in secret", "body:the herders' league", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_reporting_verb_after_and_shares_the_sentence_subject() {
        let cases: &[ClaimCase] = &[
            (
                "Vellmark authorities closed the road and said the dead were soldiers.",
                &[(
                    "the dead were soldiers",
                    "body:Vellmark authorities",
                    Indirect,
                )],
            ),
            (
                "The harbour office put the death toll at 12.",
                &[("at 12", "body:the harbour office", Reported)],
            ),
            (
                "The organisers put the number at 3,000.",
                &[("at 3,000", "body:the organisers", Reported)],
            ),
            // a subject that does not open the sentence, or no verb before "and"
            ("Prices and wages rose and fell all year.", &[]),
            ("The ferry put the cargo on the quay.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_relative_clause_may_stand_between_subject_and_verb() {
        let cases: &[ClaimCase] = &[
            (
                "Ferry officials who attended the hearing said the ramp had been repaired.",
                &[(
                    "the ramp had been repaired",
                    "body:Ferry officials",
                    Indirect,
                )],
            ),
            (
                "A union official who asked not to be named because the inquiry was open said the radar had failed.",
                &[("the radar had failed", "role:a union official", Indirect)],
            ),
            // the relative clause's own object speaks for no one here
            ("The mayor met pilots who said the radar had failed.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_name_after_an_opening_description_is_the_subject() {
        let cases: &[ClaimCase] = &[
            (
                "The valley's oldest shipyard, Vell Marine, said the hull would be ready in May.",
                &[("the hull would be ready", "Vell Marine", Indirect)],
            ),
            (
                "The island broadcaster, Vell Radio, which is owned by the state, said the mast had failed.",
                &[("the mast had failed", "Vell Radio", Indirect)],
            ),
            // a verb in the description makes it a clause, not a subject
            (
                "The shipyard closed, Vell Marine, the owner, confirmed nothing.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_deadline_given_to_someone_is_a_demand() {
        let cases: &[ClaimCase] = &[
            (
                "The harbour board gave the ferry operator 30 days to repair the ramp.",
                &[("30 days to repair", "body:the harbour board", Reported)],
            ),
            (
                "Ostmark has given Vellmark 48 hours on Friday to release the trawler.",
                &[("48 hours", "Ostmark", Reported)],
            ),
            // a later speaker reports the deadline
            (
                "The board gave the operator two weeks to pay, the mayor said.",
                &[("two weeks to pay", "role:the mayor", Indirect)],
            ),
            // no deadline, or the passive: no one's demand
            ("The board gave the operator a new ramp.", &[]),
            ("The operator was given 30 days to repair the ramp.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn as_someone_put_it_attributes_the_quote() {
        let cases: &[ClaimCase] = &[
            (
                "As Foreign Minister Ilse Marku put it, “Nobody wins a tariff war.”",
                &[("Nobody wins a tariff war.", "Ilse Marku", Direct)],
            ),
            (
                "As one trader put it, “The market has stopped listening.”",
                &[("stopped listening", "role:one trader", Direct)],
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
            // narration between two quotes: two statements, never one with the narration
            (
                "‘We are ready,’ Roux said. ‘We always were.’",
                &[
                    ("We are ready", "Roux", Direct),
                    ("We always were.", "<previous>", Direct),
                ],
            ),
            (
                "\"We are ready,\" the minister said. \"But not at any price.\"",
                &[
                    ("We are ready", "role:the minister", Direct),
                    ("But not at any price.", "<previous>", Direct),
                ],
            ),
            // nothing but marks between: one statement of two quoted parts
            (
                "“We waited.” “We are tired.”",
                &[("We waited.” “We are tired.", "<previous>", Direct)],
            ),
            (
                "\"Both sides are here,\" she said. \"A deal is possible.\"",
                &[
                    ("Both sides are here", "pronoun:she", Direct),
                    ("A deal is possible.", "<previous>", Direct),
                ],
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
    fn a_quote_keeps_the_punctuation_inside_its_marks() {
        for (article, want) in [
            ("“We are ready,” said Roux.", "We are ready,"),
            ("\"Nie teraz,\" Łucja Wróbel told reporters.", "Nie teraz,"),
            ("Roux said: “We will not move.”", "We will not move."),
        ] {
            let attribution = super::super::tests::attribute_text(article);
            let span = attribution.claims[0].span;
            assert_eq!(&article[span.start..span.end], want, "in {article:?}");
        }
    }

    #[test]
    fn words_added_after_a_quote_s_attribution_are_a_statement_of_their_own() {
        let cases: &[ClaimCase] = &[
            (
                "“We will not sign,” Roux said, adding that the talks would resume in May.",
                &[
                    ("We will not sign,", "Roux", Direct),
                    (
                        "adding that the talks would resume in May.",
                        "Roux",
                        Indirect,
                    ),
                ],
            ),
            (
                "\"Not now,\" said Łucja Wróbel, warning against a rushed vote.",
                &[
                    ("Not now,", "Łucja Wróbel", Direct),
                    ("warning against a rushed vote", "Łucja Wróbel", Reported),
                ],
            ),
            // narration after the attribution, or a participle with too little after it
            (
                "“We will not sign,” Roux said, leaving the room.",
                &[("We will not sign,", "Roux", Direct)],
            ),
            (
                "“We will not sign,” Roux said, smiling.",
                &[("We will not sign,", "Roux", Direct)],
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
}

#[cfg(test)]
mod final_attribution_tests {
    use super::super::super::StatementKind;
    use super::super::tests::{ClaimCase, assert_claims};
    use StatementKind::{Direct, Indirect, Reported};

    #[test]
    fn a_closing_attribution_names_who_reports_a_body_s_stance() {
        let cases: &[ClaimCase] = &[
            (
                "Ostmark urged Vellmark to reopen the border crossings, agency spokeswoman Lena Varga said on Tuesday.",
                &[("reopen the border", "Lena Varga", Indirect)],
            ),
            (
                "Ostmark is ready to talk but continues to reject any freeze, the country's interior ministry spokesman said on Tuesday.",
                &[(
                    "reject any freeze",
                    "role:interior ministry spokesman",
                    Indirect,
                )],
            ),
            (
                "Ostmark urged Vellmark to return “ready to finish the job,” agency spokeswoman Lena Varga said.",
                &[("return", "Lena Varga", Indirect)],
            ),
            (
                "Talks will fail if Ostmark insists on a freeze, Deputy Minister Lena Varga was quoted by the news agency as saying.",
                &[("insists on a freeze", "Lena Varga", Indirect)],
            ),
            // a trailing clause after the attribution
            (
                "Ostmark will keep the crossing shut until it sees what it calls real guarantees, Interior Minister Lena Varga said on Friday, as queues of lorries grew.",
                &[("keep the crossing shut", "Lena Varga", Indirect)],
            ),
            (
                "Ostmark urged Vellmark to reopen the crossings, agency spokeswoman Lena Varga said, adding that talks could resume.",
                &[("reopen the crossings", "Lena Varga", Indirect)],
            ),
            // a trailing clause without its comma
            (
                "Ostmark's warring parties have offered new ideas for peace, UN envoy Lena Varga said on Wednesday after meeting rebel leaders in the capital.",
                &[("new ideas for peace", "Lena Varga", Indirect)],
            ),
            // an active "quoted Y as saying": Y speaks
            (
                "The state agency quoted Interior Minister Lena Varga as saying the border would stay closed.",
                &[("the border would stay closed", "Lena Varga", Indirect)],
            ),
            // a passive "Y was quoted by Z as saying" opening the sentence:
            // Y speaks, never the one who quotes
            (
                "Vellish president, Ando Mirel, was quoted by Vellish media as saying he hoped the truce would hold.",
                &[("the truce would hold", "Ando Mirel", Indirect)],
            ),
            // a named person's own verb stays theirs
            (
                "Tomas Brandt, the envoy, said both sides must refrain from provocations, the agency said in a release.",
                &[("refrain", "Tomas Brandt", Indirect)],
            ),
            // a person saying something speaks, even by surname alone,
            // when a body passes it on; an act stays the body's report
            (
                "Brandt told his counterpart that the border must stay open, the ministry said in a statement.",
                &[("must stay open", "Brandt", Indirect)],
            ),
            (
                "Brandt rejected the offer of a summit, the ministry said in a statement.",
                &[("offer of a summit", "body:the ministry", Indirect)],
            ),
            (
                "Lena Varga has rejected the offer of a summit, the ministry said in a statement.",
                &[("offer of a summit", "body:the ministry", Indirect)],
            ),
            // the subject set off from the verb by an appositive
            (
                "The offer was “a step backwards”, Lena Varga, the bloc's envoy to Ostmark, told a news conference.",
                &[("a step backwards", "Lena Varga", Indirect)],
            ),
            (
                "The crossings will stay shut until spring, the Ostmark port authority, which runs the ferries, said on Monday.",
                &[("stay shut", "body:the Ostmark port authority", Indirect)],
            ),
            // an appositive with a verb of its own is a clause, not a title
            (
                "The crossings will stay shut, Lena Varga, who said nothing, added later.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn verbs_of_dismissing_pleading_disclosing_and_raising_doubts_report_speech() {
        let cases: &[ClaimCase] = &[
            (
                "A Vellmark spokesman rubbished the reports as “pure invention”.",
                &[("pure invention", "role:a Vellmark spokesman", Reported)],
            ),
            (
                "Labour Minister Anna Kovač has pleaded with nurses to call off the walkout.",
                &[("call off the walkout", "Anna Kovač", Reported)],
            ),
            (
                "The Ostland envoy has disclosed that the two sides made no progress.",
                &[("no progress", "role:the Ostland envoy", Indirect)],
            ),
            (
                "The Vellish government has repeatedly made clear it will retaliate.",
                &[("retaliate", "body:the Vellish government", Indirect)],
            ),
            (
                "Some analysts have raised doubts about the junta's grip on its units.",
                &[("grip on its units", "body:Some analysts", Reported)],
            ),
            (
                "Smaller member states balked at the cost of the scheme.",
                &[("cost of the scheme", "body:Smaller member states", Reported)],
            ),
            (
                "The dockers remain hopeful a deal can be reached this week.",
                &[("a deal can be reached", "body:the dockers", Reported)],
            ),
            (
                "The nurses' union said it was disappointed with the offer.",
                &[("disappointed", "body:the nurses' union", Indirect)],
            ),
            // raising a wall, or a plea in court, is no statement
            ("The council raised the harbour wall by a metre.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn where_it_was_said_stands_between_subject_and_verb() {
        let cases: &[ClaimCase] = &[
            (
                "The Vellmark interior ministry in a statement on Friday said the border would stay shut.",
                &[("stay shut", "body:the Vellmark interior ministry", Indirect)],
            ),
            (
                "Tomas Vik, a senior adviser to the cabinet, in a written statement said the offer was an insult.",
                &[("an insult", "Tomas Vik", Indirect)],
            ),
            (
                "The rail union in its weekly briefing warned of further stoppages.",
                &[("stoppages", "body:the rail union", Reported)],
            ),
            // "in" before anything else is no venue
            (
                "The talks in the capital said little about the border.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_time_in_commas_or_an_adjective_before_to_stands_between_subject_and_verb() {
        let cases: &[ClaimCase] = &[
            (
                "Ilse Varga, the Vellish envoy, on Friday, told reporters the vote could not be blocked.",
                &[("could not be blocked", "Ilse Varga", Indirect)],
            ),
            (
                "The minister was quick to dismiss the report as fiction.",
                &[("fiction", "role:the minister", Reported)],
            ),
            (
                "The premier went on to say that the border would stay shut.",
                &[("stay shut", "role:the premier", Indirect)],
            ),
            (
                "The ministry was at pains to stress that no troops had moved.",
                &[("no troops had moved", "body:the ministry", Indirect)],
            ),
            (
                "The two sides traded accusations over the shelling.",
                &[("the shelling", "body:the two sides", Reported)],
            ),
            // ready to do something is no speech
            ("The ministry is ready to offer new terms.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_lone_name_that_acts_speaks_in_the_participle_after_the_act() {
        let cases: &[ClaimCase] = &[
            (
                "Ostland banned wine imports from Vell in 2006, citing sanitation concerns.",
                &[("citing sanitation concerns", "Ostland", Reported)],
            ),
            (
                "Ostland withdrew its envoy, calling the remarks an insult.",
                &[("the remarks an insult", "Ostland", Reported)],
            ),
            // an ordinary word opening the sentence is no speaker
            ("Fresh talks opened, raising hopes of a deal.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn stock_phrases_and_verbs_of_trying_stand_between_subject_and_verb() {
        let cases: &[ClaimCase] = &[
            (
                "Vellmark for its part says the operator owes it 40 million euros.",
                &[("owes it 40 million euros", "Vellmark", Indirect)],
            ),
            (
                "Ostland earlier in the day announced that it was halving gas supplies.",
                &[("halving gas supplies", "Ostland", Indirect)],
            ),
            (
                "The dockers' union in response said the offer was an insult.",
                &[("an insult", "body:the dockers' union", Indirect)],
            ),
            (
                "Ilse Marku sought to reassure traders that the border would stay open.",
                &[("stay open", "Ilse Marku", Indirect)],
            ),
            (
                "Both sides have in the past week expressed support for the envoy's mission.",
                &[("envoy's mission", "body:Both sides", Reported)],
            ),
            (
                "The ministry at the weekend said the convoy had crossed.",
                &[("convoy had crossed", "body:the ministry", Indirect)],
            ),
            (
                "Otto Brask during a visit to Brensk said the deal was close.",
                &[("deal was close", "Otto Brask", Indirect)],
            ),
            // after an auxiliary too: "so far", "until last week"
            (
                "Velmora has so far refused to comment on the toll dispute.",
                &[("comment on the toll dispute", "Velmora", Reported)],
            ),
            (
                "Kestria had until last week demanded a higher transit fee.",
                &[("a higher transit fee", "Kestria", Reported)],
            ),
            // trying to do something is no speech
            ("The ministry sought to buy more grain.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_past_tense_verb_after_a_name_ends_the_speaker_phrase() {
        let cases: &[ClaimCase] = &[
            (
                "In a busy day, Ostland summoned the Vellmark ambassador in Brensk and lodged a formal protest.",
                &[("a formal protest", "Ostland", Reported)],
            ),
            // an adjective before a noun, with no object after it
            (
                "The Vellmark armed forces said the border was calm.",
                &[(
                    "border was calm",
                    "body:the Vellmark armed forces",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn two_titles_joined_by_and_before_a_name_are_one_person() {
        let cases: &[ClaimCase] = &[
            (
                "Tourism Minister and former union boss Otto Brask said the strike must end.",
                &[("strike must end", "Otto Brask", Indirect)],
            ),
            // two people, each named
            (
                "President Ilse Marku and Prime Minister Otto Brask said the talks would resume.",
                &[(
                    "talks would resume",
                    "body:President Ilse Marku and Prime Minister Otto Brask",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn according_to_a_source_with_no_comma_ends_where_the_clause_s_subject_begins() {
        let cases: &[ClaimCase] = &[
            (
                "According to the commission Mr Brask won 47 percent of the vote.",
                &[("47 percent", "body:the commission", Indirect)],
            ),
            // a name in apposition is the source's
            (
                "At least 20 people have been killed, according to the rights group Open Steppe.",
                &[("20 people", "Open Steppe", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_closing_attribution_may_name_its_owner_by_a_possessive_pronoun() {
        let cases: &[ClaimCase] = &[(
            "The watchdog expects Brensk to appeal the decision, its head Otto Brask said.",
            &[("appeal the decision", "Otto Brask", Indirect)],
        )];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_place_or_body_before_which_and_a_verb_of_saying_speaks() {
        let cases: &[ClaimCase] = &[
            (
                "The levy angered Vellmark, which said it would lodge a complaint.",
                &[("lodge a complaint", "Vellmark", Indirect)],
            ),
            // a thing that offers or refers is no speaker
            (
                "Consumers have sided with Kestral Telecom, which offers cheaper broadband.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_lone_opening_name_gives_way_to_a_closing_source_of_its_own() {
        let cases: &[ClaimCase] = &[
            (
                "Vellmark said it had recalled its ambassador, Vellmark's presidency said on Saturday.",
                &[(
                    "recalled its ambassador",
                    "body:Vellmark's presidency",
                    Indirect,
                )],
            ),
            (
                "Israel expects talks within weeks with Lebanon, a senior Israeli official said on Tuesday.",
                &[(
                    "talks within weeks",
                    "role:a senior Israeli official",
                    Indirect,
                )],
            ),
            // a surname alone speaks for itself before another's report
            (
                "Brandt told his counterpart that the border must stay open, the ministry said in a statement.",
                &[("must stay open", "Brandt", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_quote_opening_the_predicate_may_hold_its_verb() {
        let cases: &[ClaimCase] = &[
            (
                "The ministry “categorically rejected” claims that its troops had crossed the river.",
                &[("its troops had crossed", "body:the ministry", Reported)],
            ),
            (
                "The harbour office was “pleased with the result” of the vote.",
                &[(
                    "pleased with the result",
                    "body:the harbour office",
                    Reported,
                )],
            ),
            // a quoted name or phrase with no verb of speech
            ("The “Blue Line” patrol crossed the river at dawn.", &[]),
            ("The ministry “will rebuild” the bridge by May.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_person_of_an_organisation_without_the_speaks() {
        let cases: &[ClaimCase] = &[
            (
                "Ilse Varga of ActionAid said the fund was too small.",
                &[("too small", "Ilse Varga", Indirect)],
            ),
            (
                "Ilse Varga of ActionAid, who has followed the talks, expressed worry that the fund was too small.",
                &[("too small", "Ilse Varga", Reported)],
            ),
            // "one of them" names no one of its own: the part of a group
            // speaks, and coreference finds the group
            (
                "One of them said the fund was too small.",
                &[("too small", "body:One of them", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_statement_before_the_verb_leading_into_a_quote_is_its_own() {
        let cases: &[ClaimCase] = &[
            (
                "The harbour office confirmed the ferry had been stopped, but added, “Nobody was hurt.”",
                &[
                    (
                        "the ferry had been stopped",
                        "body:the harbour office",
                        Indirect,
                    ),
                    ("Nobody was hurt", "body:the harbour office", Direct),
                ],
            ),
            (
                "The rail operator voiced regret that the strike would go ahead, adding: “We have plans in place.”",
                &[
                    (
                        "the strike would go ahead",
                        "role:the rail operator",
                        Reported,
                    ),
                    ("We have plans in place", "role:the rail operator", Direct),
                ],
            ),
            // the verb right after the comma is the sentence's own
            (
                "Vik, asked whether the border would reopen, replied: “We will see.”",
                &[("We will see", "Vik", Direct)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_subject_phrase_stops_before_the_clause_s_own_verb() {
        let cases: &[ClaimCase] = &[
            // a participle after the clause's object
            (
                "The coast guard detained the Vellian skipper and two deckhands, accusing them of fishing without a licence.",
                &[("accusing them of fishing", "body:the coast guard", Reported)],
            ),
            (
                "The row between Ostland and Vell began in May. Ostland gave neighbouring Vell until June 1 to lift a grain ban, warning on Monday that new duties had been drafted.",
                &[("new duties had been drafted", "Ostland", Indirect)],
            ),
            (
                "The harbour authority detained Ilse Marrant, accusing her of forging the cargo papers.",
                &[(
                    "accusing her of forging",
                    "body:the harbour authority",
                    Reported,
                )],
            ),
            // a verb after "and" with the subject before the first verb
            (
                "Ostland sent three patrol boats toward the barge on Friday and demanded that it leave within a day.",
                &[("that it leave within a day", "Ostland", Reported)],
            ),
            // a participle before a name is part of the subject
            (
                "The newly elected Ostland parliament, meeting on Monday, voted to reopen the border, saying the closure had failed.",
                &[(
                    "the closure had failed",
                    "body:the newly elected Ostland parliament",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn an_opening_participle_is_spoken_by_the_subject_after_it() {
        let cases: &[ClaimCase] = &[
            (
                "Rejecting reports of a secret meeting, the ministry on Tuesday summoned the Ostland envoy.",
                &[("secret meeting", "body:the ministry", Reported)],
            ),
            (
                "Denying the claims, the Harbour Office (HO) recalled its inspectors.",
                &[("the claims", "body:the Harbour Office", Indirect)],
            ),
            // a participle that is no speech, or no subject after the comma
            ("Crossing the river, the patrol met no resistance.", &[]),
            ("Rejecting the offer, as expected.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_subject_shared_across_and_may_carry_a_time_or_an_intro() {
        let cases: &[ClaimCase] = &[
            (
                "Tomas Vik spoke. Vik on Monday met union leaders and told them the offer was final.",
                &[("the offer was final", "Vik", Indirect)],
            ),
            (
                "After a meeting in Vell, the mediators briefed the premier and said the talks had stalled.",
                &[("the talks had stalled", "body:the mediators", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_speech_noun_may_take_one_modifier_after_its_owner() {
        let cases: &[ClaimCase] = &[
            (
                "Prime Minister Tomas Vik's recent statement that no deal would be signed angered the assembly.",
                &[("no deal would be signed", "Tomas Vik", Reported)],
            ),
            ("Vik's old claim to the islands dates from 1920.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_name_whose_description_lacks_its_closing_comma_speaks() {
        let cases: &[ClaimCase] = &[
            (
                "Ana Rusu, leader of the Vellish Farmers Union said on Monday that no one would fish there.",
                &[("no one would fish there", "Ana Rusu", Indirect)],
            ),
            (
                "Ana Rusu, the leader of the union said no one would fish there.",
                &[("no one would fish there", "Ana Rusu", Indirect)],
            ),
            // an attribution inserted between commas, or an opening phrase,
            // leaves the role the speaker
            (
                "In Brensk, the minister said no one would fish there.",
                &[("no one would fish there", "role:the minister", Indirect)],
            ),
            (
                "After meeting Ana Rusu, the minister said no one would fish there.",
                &[("no one would fish there", "role:the minister", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_named_speaker_with_a_long_description_after_a_quote_speaks() {
        let cases: &[ClaimCase] = &[
            (
                "“The quota must go,” Tomas Roux, the trade minister and head of the Vellish team, said.",
                &[("quota must go", "Tomas Roux", Direct)],
            ),
            (
                "“We will not sign,” Ada Lenz, a spokeswoman for the Vellish Farmers' Union (VFU), said.",
                &[("not sign", "Ada Lenz", Direct)],
            ),
            (
                "“The river is ours,” Piet Hollander, the founder of the Green Dyke movement who lives in Osk, said.",
                &[("river is ours", "Piet Hollander", Direct)],
            ),
            (
                "“The shelling goes on,” chief of the Ostmark centre for the monitoring of the ceasefire lines Ivo Brandt told a briefing.",
                &[("shelling goes on", "Ivo Brandt", Direct)],
            ),
            // that far, a verb of a role or body may be another clause's
            (
                "“The river is ours,” was the slogan painted on the wall of the old customs house which the mayor said.",
                &[("river is ours", "<previous>", Direct)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn whoever_is_quoted_or_cited_as_saying_speaks_a_direct_quote() {
        let cases: &[ClaimCase] = &[
            (
                "The Brensk Herald quoted the Vellish ambassador as saying: “No ship will leave before Friday.”",
                &[("No ship will leave", "role:the Vellish ambassador", Direct)],
            ),
            (
                "“The border stays shut,” Interior Minister Ada Lenz cited President Tomas Roux as saying.",
                &[("border stays shut", "Tomas Roux", Direct)],
            ),
            (
                "Union leader Ivo Brandt cites the mayor as saying: “The depot will close.”",
                &[("depot will close", "role:the mayor", Direct)],
            ),
            (
                "Media reports cited Vellish officials as saying they had opened the border.",
                &[("opened the border", "body:Vellish officials", Indirect)],
            ),
            // the one quoted as saying is the subject of a passive: no one after "quoted"
            (
                "“The depot will close,” Ivo Brandt was quoted as saying.",
                &[("depot will close", "Ivo Brandt", Direct)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }
}
