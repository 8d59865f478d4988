//! Parts: a sentence that holds more than one statement. "X called it “...,”
//! while Y described it as “...”", "X said A, but Y said B", "..., whereas
//! Y ...", "..., a charge Tehran denies, saying ...", "..., which Tehran
//! denies" and "X said A, where B, according to Y" each give one statement
//! per speaker, with its own span, speaker and verb.
//!
//! A sentence is cut before a joining word (after a comma or semicolon) only
//! when the clause after it opens with its own speaker and reporting verb;
//! the clause before it is a statement only if it has one too (else it is
//! narration: "The army removed a checkpoint, but aid agencies said ...").

use super::super::lexicon;
use super::super::paragraphs::is_double_mark;
use super::super::tokens::TokenKind;
use super::super::{Span, StatementKind};
use super::context::Ctx;
use super::mentions::{Form, Np};
#[cfg(test)]
use super::steps;

/// One statement of a sentence.
pub(super) struct Part {
    /// The statement's text: the whole sentence or one clause of it.
    pub(super) span: Span,
    /// Who said it.
    pub(super) speaker: Np,
    /// Indirect or reported.
    pub(super) kind: StatementKind,
    /// The reporting verb or "according to".
    pub(super) verb: Option<Span>,
}

/// Fewest and most tokens of a contrasting clause opening a sentence
/// ("While the union called the offer an insult, ...").
const MIN_OPENING_CLAUSE: usize = 4;
const MAX_OPENING: usize = 40;

/// Most words from a comma's determiner to a participle with "by" (", an
/// initiative welcomed by ...").
const MAX_LEAD: usize = 4;

/// Most tokens from a reporting verb to the "that" of its clause ("told
/// reporters in the capital that").
const MAX_COMPLEMENTIZER: usize = 5;

/// Most places a sentence is tried for a cut, which keeps extraction linear
/// on sentences that never end.
const MAX_CUTS: usize = 4;

/// Where a sentence may be cut: the clause after the cut starts at `clause`,
/// and the clause before it ends before `end`.
#[derive(Debug, Clone, Copy)]
struct Cut {
    end: usize,
    clause: usize,
    /// The clause after the cut is an "according to" source's.
    according: bool,
    /// The clause's statement takes in the words from `end` ("a charge
    /// Tehran denies"): they name what is denied.
    lead: bool,
    /// The cut closes a clause opening the sentence ("While X said A, Y
    /// said B"): it is a statement only with a speaker of its own, never
    /// narration to drop.
    opening: bool,
    /// The cut is a bare "and" with no comma before it ("X accused Y of A
    /// and Z vowed B"): taken only when the clause before it is a speech
    /// act of its own, never a clause-taking verb whose content the "and"
    /// may continue ("X said A and B happened").
    bare: bool,
    /// The clause after the cut opens with a reporting participle whose
    /// speaker follows "by" ("a truce offered by the rebels").
    agent: bool,
}

impl Cut {
    /// A cut before token `end` whose clause starts at `clause`, with none
    /// of the flags below set.
    fn new(end: usize, clause: usize) -> Self {
        Cut {
            end,
            clause,
            according: false,
            lead: false,
            opening: false,
            bare: false,
            agent: false,
        }
    }
}

impl<'a> Ctx<'a> {
    /// The statements of a sentence that is not a direct quotation: none,
    /// the whole sentence, or one per clause with its own speaker.
    pub(super) fn speech_parts(&self) -> Vec<Part> {
        let Some((speaker, kind, verb)) = self.speech() else {
            return Vec::new();
        };
        let mut parts = Vec::new();
        // Start of the clause not yet given to a statement.
        let mut from = 0;
        // Where that clause's statement text starts (before `from` after "a charge").
        let mut text_from = 0;
        for cut in self.cuts() {
            if cut.end <= from {
                continue;
            }
            let right = self.part(cut.clause, self.len());
            let Some((np, _, verb)) = right.speech() else {
                continue;
            };
            let agent_first = cut.agent && verb.is_some_and(|v| v.start == right.sentence.start);
            if !(cut.according || agent_first || right.at_sentence_start(np.start)) {
                continue;
            }
            // "X said A, part of what Y calls B, according to state media":
            // a cut for an "according to" source holds that source's words,
            // not a verb inside them.
            if cut.according
                && right
                    .according_at(0, right.len())
                    .is_none_or(|at| verb.is_none_or(|v| v.start != right.tokens[at].span.start))
            {
                continue;
            }
            let left = self.part(from, cut.end);
            let left_speech = left.speech();
            if cut.bare
                && !left_speech
                    .as_ref()
                    .is_some_and(|(_, kind, verb)| left.act_before_and(*kind, *verb))
            {
                continue;
            }
            match left_speech {
                Some((np, kind, verb)) => {
                    let first = parts.len();
                    parts.extend(self.same_speaker_parts(
                        from,
                        cut.end,
                        Part {
                            span: left.sentence,
                            speaker: np,
                            kind,
                            verb,
                        },
                    ));
                    self.widen(&mut parts, first, text_from);
                }
                // Narration before the first speaker's clause is dropped.
                None if from == 0 && !cut.according && !cut.opening => {}
                // A clause without a speaker of its own belongs to the one before.
                None => continue,
            }
            from = cut.clause;
            text_from = if cut.lead { cut.end } else { cut.clause };
        }
        let rest = self.part(from, self.len());
        // Uncut, the rest is the whole sentence, whose speech is known.
        match (from > 0).then(|| rest.speech()).flatten() {
            Some((np, kind, verb)) => {
                let first = parts.len();
                parts.extend(self.same_speaker_parts(
                    from,
                    self.len(),
                    Part {
                        span: rest.sentence,
                        speaker: np,
                        kind,
                        verb,
                    },
                ));
                self.widen(&mut parts, first, text_from);
            }
            None => {
                let (speaker, kind, verb) = self
                    .inner_speaker(&speaker, verb)
                    .unwrap_or((speaker, kind, verb));
                let whole = Part {
                    span: self.sentence,
                    speaker,
                    kind,
                    verb,
                };
                return self.same_speaker_parts(0, self.len(), whole);
            }
        }
        parts
    }

    /// "The presidency said Lina Ostrova made clear to Otto Brask that
    /// ...", "Lina Ostrova urged Otto Brask to ..., the presidency said": a
    /// body reporting what a person it names (in full, with a title, or by
    /// a surname it knows) said or urged; the
    /// person's clause opens with them and reports speech of its own, and
    /// the person speaks. A role or person reporting another ("an official
    /// said Brensk had promised ...") keeps the statement.
    fn inner_speaker(
        &self,
        speaker: &Np,
        verb: Option<Span>,
    ) -> Option<(Np, StatementKind, Option<Span>)> {
        if !matches!(speaker.form, Form::Body { plural: false, .. }) {
            return None;
        }
        let verb = verb?;
        let at = self.token_at(verb.start)?;
        // Only a plain report ("said"), not an act of the body's own
        // ("accused Ostmark of ...").
        if !self.is(at, lexicon::PLAIN_REPORTS) {
            return None;
        }
        // The reported clause: after "X said (that)", or before ", X said"
        // and ", said X".
        let words_after = (at + 1..self.len()).any(|i| self.word(i).is_some());
        let (from, to) = if speaker.end <= at && words_after {
            let from = at + 1 + usize::from(self.is(at + 1, &["that"]));
            (from, self.len())
        } else {
            (0, at.min(speaker.start))
        };
        if from >= to {
            return None;
        }
        let part = self.part(from, to);
        let (mut np, kind, inner_verb) = part.speech()?;
        let named = matches!(np.form, Form::Person(_)) && self.named_person(&np);
        // The person's verb follows them ("Ostrova made clear", "Ostrova had
        // told"), not a later clause's.
        let next_to_verb = inner_verb.is_some_and(|v| {
            (np.end..part.len().min(np.end + 2)).any(|i| part.tokens[i].span.start == v.start)
        });
        if !named || np.start != 0 || !next_to_verb {
            return None;
        }
        np.start += from;
        np.end += from;
        Some((np, kind, inner_verb))
    }

    /// Starts the statement `parts[first]` at token `text_from` when that
    /// comes before it.
    fn widen(&self, parts: &mut [Part], first: usize, text_from: usize) {
        if let (Some(part), Some(token)) = (parts.get_mut(first), self.tokens.get(text_from)) {
            part.span.start = part.span.start.min(token.span.start);
        }
    }

    /// The statement `part` of tokens `from..to`, cut where its speaker turns
    /// to a contrasting speech act: "X said A, but warned B", "X confirmed A
    /// but said B". Each act is a statement of its own with the same speaker
    /// (they often take opposite stances); the joining word belongs to
    /// neither. "and" cuts before a second act ("X accused Y of A and said
    /// B"), see [`Ctx::act_after_and`], and before a second clause of the
    /// same verb (", and that B"); a participle after an act cuts too
    /// ("X urged A, saying B").
    fn same_speaker_parts(&self, from: usize, to: usize, part: Part) -> Vec<Part> {
        let Some(verb) = part.verb else {
            return vec![part];
        };
        let Some(mut at) = self
            .token_at(verb.start)
            .filter(|at| (from..to).contains(at))
        else {
            return vec![part];
        };
        let mut parts = Vec::new();
        let mut start = from;
        let mut current = part;
        let mut i = at + 1;
        while i < to {
            // "said A and that B": a second clause of the same verb.
            if let Some(that) = self.second_clause(i, at, to, current.kind) {
                let (kind, verb) = (current.kind, current.verb);
                current = self.next_part(&mut parts, current, start, i, kind, verb);
                start = that + 1;
                at = that;
                i = that + 1;
                continue;
            }
            let Some((cut, next, len, kind)) = self.second_act(i, to, at, current.kind) else {
                i += 1;
                continue;
            };
            // The first act needs words of its own after its verb.
            let content = (at + 1..cut).filter(|&k| !self.is_comma(k)).count();
            if content < 2 {
                i += 1;
                continue;
            }
            let kind = self.verb_kind(kind, next + len);
            let verb = Some(self.span_of(next, len));
            current = self.next_part(&mut parts, current, start, cut, kind, verb);
            start = next;
            at = next;
            i = next + len;
        }
        current.span = self.part(start, to).sentence;
        parts.push(current);
        parts
    }

    /// Ends `current` at token `cut` (its words from `start`), adds it to
    /// `parts`, and starts the same speaker's next statement, of this kind
    /// and verb.
    fn next_part(
        &self,
        parts: &mut Vec<Part>,
        mut current: Part,
        start: usize,
        cut: usize,
        kind: StatementKind,
        verb: Option<Span>,
    ) -> Part {
        let speaker = current.speaker.clone();
        current.span = self.part(start, cut).sentence;
        parts.push(current);
        Part {
            span: Span::default(),
            speaker,
            kind,
            verb,
        }
    }

    /// A second speech act of the same speaker starting at token `i`: "but"
    /// before a finite reporting verb ("but also warned"), "and" before one
    /// with "that" or an act of its own ("and urged"), and after an act
    /// (`first` is reported) a participle (", saying B"): blind-wire-6 and
    /// later count "condemned A, saying B" as two statements. The cut (where
    /// the first act ends), the verb's token, its length and kind.
    fn second_act(
        &self,
        i: usize,
        to: usize,
        at: usize,
        first: StatementKind,
    ) -> Option<(usize, usize, usize, StatementKind)> {
        // ", adding that B", `..." adding: "B"`: a participle with a clause
        // or a quote of its own. After an act, any participle that speaks
        // ("urged A, saying B", "rejected A, calling it B"); after a reported
        // clause the participle may be its subject's ("said Y had refused,
        // telling ministers B").
        if let Some(cut) = self.comma_cut(i)
            && let Some((len, kind, true)) = self.verb_at(i + 1)
            && (self.is(i + 1, lexicon::SECOND_ACT_PARTICIPLES)
                && (self.is(i + 1 + len, &["that"])
                    || self.opens_quote_after(i + 1 + len)
                    // ", adding he must ...": a clause without "that"
                    || self.is(i + 1 + len, lexicon::PRONOUNS)
                        && (self.opens_quote_after(i + 2 + len)
                            || self.is(i + 2 + len, lexicon::MODALS)
                            || self.is(i + 2 + len, lexicon::VERB_AUXILIARIES)))
                || first == StatementKind::Reported
                    && !self.is(i + 1, lexicon::GROUNDS_PARTICIPLES))
            && i + 1 + len < to
        {
            return Some((cut, i + 1, len, kind));
        }
        let needs_that = self.is(i, lexicon::THAT_ACT_JOINERS);
        if !needs_that && !self.is(i, lexicon::ACT_JOINERS) {
            return None;
        }
        let mut k = i + 1;
        while self.is(k, lexicon::ACT_ADVERBS) {
            k += 1;
        }
        let (len, kind, participle) = self.verb_at(k)?;
        if needs_that && !self.is(k + len, &["that"]) && !self.act_after_and(k, at, first) {
            return None;
        }
        (!participle && k + len < to).then_some((i, k, len, kind))
    }

    /// The "that" of a second clause reported by the same verb, when token
    /// `i` joins it to the first with "and" or "but": "said A(,) and that
    /// B", "said A, but that B". The annotators count each clause as its own
    /// statement. The verb at token `at` must report a clause (`first` is
    /// indirect), and the first clause must hold no "that" or "which" of
    /// its own past the one after the verb: "said it was a plan that Y
    /// backed and that Z opposed" joins two relative clauses.
    fn second_clause(&self, i: usize, at: usize, to: usize, first: StatementKind) -> Option<usize> {
        if first != StatementKind::Indirect
            || !self.comma_before(i)
            || !self.is(i, &["and", "but"])
            || !self.is(i + 1, &["that"])
            || i + 2 >= to
        {
            return None;
        }
        // Quoted words count: a quote may hold the relative.
        let relative = (at + 1 + MAX_COMPLEMENTIZER..i).any(|k| {
            self.tokens[k].is_word()
                && ["that", "which", "who"]
                    .iter()
                    .any(|w| self.key(k).eq_ignore_ascii_case(w))
        });
        (!relative).then_some(i + 1)
    }

    /// Does a comma end the words before token `i`, perhaps inside a
    /// closing quote (`“...,” and`)? A quoted comma counts: the quote
    /// closes before the joining word.
    fn comma_before(&self, i: usize) -> bool {
        let mark = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if is_quote_mark(c)))
        };
        let comma = |k: usize| self.tokens.get(k).is_some_and(|t| t.is_punct(','));
        i > 0 && comma(i - 1) || i > 1 && mark(i - 1) && comma(i - 2)
    }

    /// Does the reporting verb at token `k`, after "and" with no "that",
    /// start a second act of the speaker whose first act has kind `first`?
    /// After an act ("accused Y of A and said B", "rejected A and vowed B"),
    /// any finite verb does: the act's object cannot run on. After a
    /// reported clause ("said A and urged B"), only an act of another kind
    /// ([`lexicon::AND_ACTS`]): "said the hauliers had blocked the road and
    /// refused to talk" is still what was said, and "confirmed it had A and
    /// said B" is kept whole by annotators; a plain "said" does after a
    /// verb (at token `at`) whose clause opens with "that" ("warned that A
    /// and said B", "told reporters that A and said B"). Never a bare
    /// infinitive ("said Y should stop A and call B").
    fn act_after_and(&self, k: usize, at: usize, first: StatementKind) -> bool {
        let key = self.key(k);
        let finite = key.ends_with("ed")
            || key.ends_with('s')
            || self.is(k, lexicon::IRREGULAR_PARTICIPLES)
            || self.is(k, lexicon::IRREGULAR_PAST_VERBS);
        let said_after_that = self.is(k, lexicon::PLAIN_REPORTS)
            && !self.is(at, lexicon::PLAIN_REPORTS)
            && (at + 1..k.min(at + 1 + 2 * MAX_COMPLEMENTIZER)).any(|j| self.is(j, &["that"]));
        finite
            && (first == StatementKind::Reported
                || self.is(k, lexicon::AND_ACTS)
                || said_after_that)
    }

    /// Where a statement ends when token `i` is the comma before a
    /// participle: at the comma, or after the closing quote mark that
    /// follows a quoted comma (`"... the same patience," adding`).
    fn comma_cut(&self, i: usize) -> Option<usize> {
        if self.is_comma(i) {
            return Some(i);
        }
        let closing = self
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if is_quote_mark(c)));
        (closing
            && i > 0
            && self.quoted[i]
            && self.tokens[i - 1].is_punct(',')
            && self.quoted[i - 1])
            .then_some(i + 1)
    }

    /// Does a quotation open at token `i`, perhaps after a colon or a comma
    /// (`adding: "B"`, `adding, "B"`)?
    fn opens_quote_after(&self, i: usize) -> bool {
        let mark = |k: usize| {
            self.tokens.get(k).is_some_and(|t| {
                matches!(t.kind, TokenKind::Punct(c) if is_quote_mark(c))
                    && self.quoted[k]
                    && self.quoted.get(k + 1) == Some(&true)
            })
        };
        let separator = self
            .tokens
            .get(i)
            .is_some_and(|t| t.is_punct(':') || t.is_punct(','));
        mark(i) || separator && mark(i + 1)
    }

    /// Candidate cuts, in order: before a joining word after a comma or a
    /// semicolon ("..., while", "...; but"), after a relative that names a
    /// new speaker ("..., which", "..., a charge"), and before the last
    /// clause ahead of "according to".
    fn cuts(&self) -> Vec<Cut> {
        let mut cuts = Vec::new();
        // End of the last word before token `i`, carried along so each
        // token is looked at once: a run of stray marks or commas before a
        // word must not be rescanned from every token in it.
        let mut previous_word_end = self.sentence.start;
        // Inside an absolute clause opened by ", with".
        let mut absolute = false;
        for i in 1..self.len() {
            if self.tokens[i - 1].is_word() {
                previous_word_end = self.tokens[i - 1].span.end;
            }
            if cuts.len() >= MAX_CUTS {
                break;
            }
            if self.word(i).is_none() {
                continue;
            }
            // ", hailed by the United Nations as ...", ", an initiative
            // welcomed by the president": the participle's clause is its
            // agent's statement, with the words naming what was welcomed
            // after the comma.
            if self.reduced_passive_at(i)
                && let Some((end, lead)) = self.reduced_passive_cut(i)
            {
                cuts.push(Cut {
                    lead,
                    agent: true,
                    ..Cut::new(end, i)
                });
                continue;
            }
            if !self.after_clause_break(previous_word_end, i) {
                // "..., with each side blaming the other and Ostmark saying
                // ...": a second subject and participle in the absolute clause.
                if absolute && self.is(i, &["and"]) && self.absolute_clause_at(i + 1) {
                    cuts.push(Cut::new(i, i + 1));
                } else if !absolute && self.is(i, &["and"]) && self.bare_clause_at(i) {
                    // "X accused Y of A and Z vowed B": a second speaker's
                    // act, kept only when both clauses have their own.
                    cuts.push(Cut {
                        bare: true,
                        ..Cut::new(i, i + 1)
                    });
                }
                continue;
            }
            let joining = lexicon::CLAUSE_JOINERS.iter().find_map(|joiner| {
                let mut words = 0;
                joiner
                    .split(' ')
                    .all(|w| {
                        words += 1;
                        self.is(i + words - 1, &[w])
                    })
                    .then_some(words)
            });
            let charge = self.is(i, lexicon::DETERMINERS) && self.is(i + 1, lexicon::CHARGE_NOUNS);
            // "..., which Tehran denies": not "X, which buys grain, said".
            let relative = (self.is(i, lexicon::RELATIVE_SPEECH_OPENERS)
                && self.closed_relative(i).is_none())
            .then_some(1)
            .or_else(|| charge.then_some(2));
            let semicolon = self.tokens[i - 1].is_punct(';');
            absolute = self.is(i, &["with"]);
            if let Some(len) = joining.or(relative) {
                cuts.push(Cut {
                    // "a charge Tehran denies", "which Tehran denies": the
                    // words before the speaker name what is denied.
                    lead: joining.is_none(),
                    ..Cut::new(i, i + len)
                });
            } else if semicolon {
                cuts.push(Cut::new(i, i));
            }
        }
        // "While X said A, Y said B", "As X vowed A, Y said B": the opening
        // clause's comma.
        // "Although" and "though" are connectives too ("Though, ..."), but
        // open the contrasting clause wherever they stand after others
        // ("But although X said A, Y ...").
        let start = (0..self.len())
            .find(|&k| {
                self.is(k, lexicon::OPENING_CLAUSES)
                    || !self.is(k, lexicon::CONNECTIVES) && !self.is_comma(k)
            })
            .unwrap_or(0);
        if self.is(start, lexicon::OPENING_CLAUSES)
            && let Some(comma) = (start + MIN_OPENING_CLAUSE..self.len().min(start + MAX_OPENING))
                .find(|&k| self.is_comma(k))
        {
            cuts.push(Cut {
                opening: true,
                ..Cut::new(comma, comma + 1)
            });
        }
        if let Some(at) = self.according_at(0, self.len()) {
            // "X said A, where B, according to Y": Y is the source of B only.
            let comma = (1..at.saturating_sub(1))
                .rev()
                .take(3 * super::MAX_PHRASE)
                .find(|&k| self.is_comma(k));
            if let Some(comma) = comma
                && at >= 1
                && self.is_comma(at - 1)
            {
                cuts.push(Cut {
                    according: true,
                    ..Cut::new(comma, comma + 1)
                });
            }
        }
        cuts.sort_by_key(|c| c.end);
        cuts
    }

    /// Is the clause of a bare "and" cut, whose speech has this kind and
    /// verb, a speech act of its own: a reported act ("accused Y of A"), or
    /// a promise or vow with "to" ("promised on Friday to act"), whose
    /// content cannot run on past the "and" the way a clause after "said"
    /// can ("said A and B happened").
    fn act_before_and(&self, kind: StatementKind, verb: Option<Span>) -> bool {
        if kind == StatementKind::Reported {
            return true;
        }
        let Some(verb) = verb else { return false };
        let Some(at) = self.token_at(verb.start) else {
            return false;
        };
        let mut k = (at..self.len())
            .find(|&k| self.tokens[k].span.end >= verb.end)
            .map_or(at + 1, |last| last + 1);
        while k < self.len() && self.is_time_word(k) {
            k += 1;
        }
        self.is(k, &["to"])
    }

    /// Where the clause of a reporting participle with "by" at token `i`
    /// starts, and whether words before the participle lead it: right after
    /// a comma (", hailed by ..."), or at a determiner after a comma with a
    /// few lower-case words between (", an initiative welcomed by ...").
    fn reduced_passive_cut(&self, i: usize) -> Option<(usize, bool)> {
        if i == 0 {
            return None;
        }
        if self.is_comma(i - 1) {
            return Some((i, false));
        }
        let det = (i.saturating_sub(MAX_LEAD)..i)
            .rev()
            .find(|&k| k > 0 && self.is_comma(k - 1))?;
        let plain = (det + 1..i).all(|k| {
            self.word(k)
                .is_some_and(|t| !t.is_cap() && !self.is_function(k) && !self.is_verb(k))
        });
        (self.is(det, lexicon::DETERMINERS) && plain).then_some((det, true))
    }

    /// Does a bare "and" at token `i` join two clauses: a lower-case word
    /// before it (not a list of names or titles, "the premier and Foreign
    /// Minister X said"), then a subject with no comma in it and a finite
    /// reporting verb ("and the government has vowed"), not a participle
    /// ("and Y, warning that ...")?
    fn bare_clause_at(&self, i: usize) -> bool {
        if i == 0 || self.word(i - 1).is_none_or(|t| t.is_cap()) {
            return false;
        }
        let end = self.len().min(i + 2 + super::MAX_PHRASE);
        let Some(verb) = (i + 2..end).find(|&k| self.is_comma(k) || self.verb_at(k).is_some())
        else {
            return false;
        };
        !self.is_comma(verb)
            && self
                .verb_at(verb)
                .is_some_and(|(_, _, participle)| !participle)
    }

    /// Does an absolute clause start at token `from`: a subject, then at
    /// once a reporting participle ("Ostmark saying ...")?
    fn absolute_clause_at(&self, from: usize) -> bool {
        let end = self.len().min(from + super::MAX_PHRASE);
        let Some(verb) = (from + 1..end).find(|&k| self.verb_at(k).is_some_and(|(_, _, p)| p))
        else {
            return false;
        };
        self.part(from, verb + 1)
            .absolute_subject(verb - from)
            .is_some()
    }

    /// Does a comma or semicolon stand between the previous word (ending at
    /// `previous_word_end`) and token `i`, possibly inside the closing quote
    /// before it (`opening,” while`)?
    fn after_clause_break(&self, previous_word_end: usize, i: usize) -> bool {
        let gap = &self.article[previous_word_end..self.tokens[i].span.start];
        #[cfg(test)]
        steps::add(gap.len());
        gap.contains([',', ';'])
    }
}

/// A quote mark of any style (the quote scan has told apart apostrophes).
fn is_quote_mark(c: char) -> bool {
    is_double_mark(c) || matches!(c, '‘' | '’' | '\'')
}

#[cfg(test)]
mod tests {
    use super::super::super::StatementKind::{Direct, Indirect, Reported};
    use super::super::tests::{ClaimCase, assert_claims};

    #[test]
    fn a_contrasting_or_time_opening_clause_with_its_own_speaker_is_its_own_statement() {
        let cases: &[ClaimCase] = &[
            (
                "While the union called the offer an insult, the ministry said it was fair.",
                &[
                    ("an insult", "body:the union", Reported),
                    ("it was fair", "body:the ministry", Indirect),
                ],
            ),
            (
                "As Ostland vowed to fight the new duties at the trade court, Vellish trade minister Ana Rusu said talks with growers would go on.",
                &[
                    ("fight the new duties", "Ostland", Indirect),
                    ("talks with growers", "Ana Rusu", Indirect),
                ],
            ),
            // an opening clause without a speaker stays in the statement
            (
                "While talks dragged on, the ministry said the offer was fair.",
                &[("While talks dragged on", "body:the ministry", Indirect)],
            ),
            (
                "After the talks broke up, the ministry said the offer was fair.",
                &[("After the talks broke up", "body:the ministry", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_reporting_participle_after_a_comma_speaks_for_its_agent() {
        let cases: &[ClaimCase] = &[
            (
                "Ostland will reopen the crossing, the ministry said on Sunday, a step welcomed by the Vellian foreign ministry.",
                &[
                    ("will reopen the crossing", "body:the ministry", Indirect),
                    (
                        "a step welcomed by",
                        "body:the Vellian foreign ministry",
                        Reported,
                    ),
                ],
            ),
            (
                "The week of talks in the hills, hailed by the harbour authority as “the last chance” for a deal, ended on Friday.",
                &[("the last chance", "body:the harbour authority", Reported)],
            ),
            // after a noun with no comma the offer stays in the rejection
            (
                "The premier has rejected a truce offered by the rebel council.",
                &[("offered by the rebel council", "role:the premier", Reported)],
            ),
            // help is not speech
            ("The militias, backed by the army, seized the town.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_second_speaker_after_a_bare_and_is_a_statement_of_its_own() {
        let cases: &[ClaimCase] = &[
            // a speech act, then "and" with a new subject and finite verb
            (
                "The premier accused backers of the northern mayor of arming militias and the cabinet has vowed to disband them.",
                &[
                    ("of arming militias", "role:the premier", Reported),
                    ("to disband them", "body:the cabinet", Indirect),
                ],
            ),
            (
                "The dockers' union rejected the pay offer and the port authority said it would not improve it.",
                &[
                    ("the pay offer", "body:the dockers' union", Reported),
                    ("would not improve it", "body:the port authority", Indirect),
                ],
            ),
            // a promise with "to" is an act too
            (
                "The cabinet promised on Monday to reopen the crossing within days and the rebel council said it would not withdraw.",
                &[
                    ("to reopen the crossing", "body:the cabinet", Indirect),
                    ("would not withdraw", "body:the rebel council", Indirect),
                ],
            ),
            // what a clause-taking verb reports may go on past "and"
            (
                "The mayor said the ferry had sailed and the harbour authority rejected the claim.",
                &[("the harbour authority rejected", "role:the mayor", Indirect)],
            ),
            // titles joined by "and" are one subject, and one person
            (
                "Ostland backs the plan, Deputy Premier and Trade Minister Ilse Marku said on Friday.",
                &[("Ostland backs the plan", "Ilse Marku", Indirect)],
            ),
            // "and" before a participle opens no clause of its own (the
            // participle is the union's second statement)
            (
                "The union rejected talks between the board and the drivers, warning that the strike would go on.",
                &[
                    (
                        "between the board and the drivers",
                        "body:the union",
                        Reported,
                    ),
                    ("the strike would go on", "body:the union", Indirect),
                ],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn although_opens_a_contrasting_clause_with_its_own_speaker() {
        let cases: &[ClaimCase] = &[
            (
                "Although the rail union said on Monday it would not strike, the transport ministry played down the threat.",
                &[
                    ("it would not strike", "body:the rail union", Indirect),
                    (
                        "played down the threat",
                        "body:the transport ministry",
                        Reported,
                    ),
                ],
            ),
            (
                "But though the mayor has promised new ferries, residents say the old ones still break down.",
                &[
                    ("promised new ferries", "role:the mayor", Indirect),
                    ("the old ones still break down", "body:residents", Indirect),
                ],
            ),
            // an opening clause without a speaker stays in the statement
            (
                "Although the talks dragged on, the ministry said the offer was fair.",
                &[(
                    "Although the talks dragged on",
                    "body:the ministry",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn an_according_to_source_s_clause_is_cut_only_for_that_source() {
        let cases: &[ClaimCase] = &[
            // a verb inside the words before an outlet's "according to"
            (
                "Ostland said its patrol turned back two boats near the reef, part of what Vellmark calls its southern waters, according to state media.",
                &[("part of what Vellmark calls", "Ostland", Indirect)],
            ),
            // the source's own words are cut
            (
                "Tomas Vik said the convoy had left, where it was stopped, according to Lena Ruiz.",
                &[
                    ("the convoy had left", "Tomas Vik", Indirect),
                    ("where it was stopped", "Lena Ruiz", Indirect),
                ],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn two_speakers_in_one_sentence_are_two_statements() {
        let cases: &[ClaimCase] = &[
            (
                "Mira Osei called the round “the most useful yet,” while the prime minister described it as “a stalling game.”",
                &[
                    ("the most useful yet", "Mira Osei", Reported),
                    ("a stalling game", "role:the prime minister", Reported),
                ],
            ),
            (
                "Tomas Vik said the deal was close, but Lena Ruiz said it was dead.",
                &[
                    ("the deal was close", "Tomas Vik", Indirect),
                    ("it was dead", "Lena Ruiz", Indirect),
                ],
            ),
            (
                "Vik hailed the plan as historic, whereas Ruiz dismissed it as a stunt.",
                &[("historic", "Vik", Reported), ("stunt", "Ruiz", Reported)],
            ),
            (
                "The Ostmark front said the talks had stalled, even as mediators insisted a truce was near.",
                &[
                    ("had stalled", "body:the Ostmark front", Indirect),
                    ("a truce was near", "body:mediators", Indirect),
                ],
            ),
            (
                "Tomas Vik said the deal was close; Lena Ruiz said it was dead.",
                &[
                    ("the deal was close", "Tomas Vik", Indirect),
                    ("it was dead", "Lena Ruiz", Indirect),
                ],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn an_absolute_clause_with_a_reporting_participle_is_a_statement() {
        let cases: &[ClaimCase] = &[
            (
                "The Ostmark talks broke up on Friday, with the mediators saying a deal was still possible.",
                &[("a deal was still possible", "body:the mediators", Indirect)],
            ),
            (
                "Talks on the Lira canal ended in Vellmark on Monday, with each side blaming the other and Ostmark saying it would keep all options open.",
                &[
                    ("blaming the other", "body:each side", Reported),
                    ("keep all options open", "Ostmark", Indirect),
                ],
            ),
            (
                "Tomas Vik said the strike would go on, with union leaders warning of a long winter.",
                &[
                    ("would go on", "Tomas Vik", Indirect),
                    ("a long winter", "body:union leaders", Reported),
                ],
            ),
            // an absolute clause that reports no speech is narration
            (
                "The port reopened on Monday, with ships queuing for days.",
                &[],
            ),
            (
                "Ilse Marku said prices would fall, with exports rising and stocks growing.",
                &[("prices would fall", "Ilse Marku", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_speaker_turning_to_a_contrasting_act_makes_two_statements() {
        let cases: &[ClaimCase] = &[
            (
                "Tomas Vik said the deal was close, but added that nothing was signed.",
                &[
                    ("the deal was close", "Tomas Vik", Indirect),
                    ("added that nothing was signed", "Tomas Vik", Indirect),
                ],
            ),
            (
                "The Ostmark front welcomed the truce but warned against “a peace on paper”.",
                &[
                    ("welcomed the truce", "body:the Ostmark front", Reported),
                    ("a peace on paper", "body:the Ostmark front", Reported),
                ],
            ),
            (
                "Ilse Marku praised the mediators, but also accused Vellmark of stalling and said talks could fail.",
                &[
                    ("praised the mediators", "Ilse Marku", Reported),
                    ("accused Vellmark of stalling", "Ilse Marku", Reported),
                    ("talks could fail", "Ilse Marku", Indirect),
                ],
            ),
            // "but" inside what was said, or before no verb, cuts nothing
            (
                "Lena Ruiz said the talks were slow but steady.",
                &[("slow but steady", "Lena Ruiz", Indirect)],
            ),
            (
                "Lena Ruiz said the envoys had met but agreed on nothing.",
                &[("agreed on nothing", "Lena Ruiz", Indirect)],
            ),
            // "and" before a second finite act makes a second statement ...
            (
                "Roux rejected the offer and vowed to fight on.",
                &[
                    ("rejected the offer", "Roux", Reported),
                    ("vowed to fight on", "Roux", Indirect),
                ],
            ),
            (
                "Mira Tandel said the toll plan was fair and urged the council to back it.",
                &[
                    ("the toll plan was fair", "Mira Tandel", Indirect),
                    ("urged the council to back it", "Mira Tandel", Reported),
                ],
            ),
            (
                "The ferry company called the strike \u{201c}a raid on the islands\u{201d} and said crossings would resume on Monday.",
                &[
                    ("a raid on the islands", "body:the ferry company", Reported),
                    ("crossings would resume", "body:the ferry company", Indirect),
                ],
            ),
            (
                "Åsa Lindqvist dismissed the report as rumour and announced that the depot would reopen.",
                &[
                    ("dismissed the report as rumour", "Åsa Lindqvist", Reported),
                    ("the depot would reopen", "Åsa Lindqvist", Indirect),
                ],
            ),
            (
                "Mira Tandel warned that the ferries would stop and said the port would close on Monday.",
                &[
                    ("the ferries would stop", "Mira Tandel", Indirect),
                    ("the port would close on Monday", "Mira Tandel", Indirect),
                ],
            ),
            // ... but a plain "said" after a clause-taking verb with no
            // "that" continues its statement, and a verb of what was said is
            // no second act of the speaker
            (
                "Mira Tandel confirmed the ferry had sailed and said it would return on Friday.",
                &[("had sailed and said it would", "Mira Tandel", Indirect)],
            ),
            // a second clause of the same verb after a comma and "and that"
            // or "but that" is a statement of its own ...
            (
                "Tomas Vik said the deal was \u{201c}close,\u{201d} and that the vote would come on Friday.",
                &[
                    ("the deal was", "Tomas Vik", Indirect),
                    ("the vote would come on Friday", "Tomas Vik", Indirect),
                ],
            ),
            (
                "Tomas Vik said the ferries would run, but that fares would rise.",
                &[
                    ("the ferries would run", "Tomas Vik", Indirect),
                    ("fares would rise", "Tomas Vik", Indirect),
                ],
            ),
            // ... but not two relative clauses, nor "and that" with no comma
            (
                "Pia Olsen said it was the old harbour plan that the ports backed, and that the unions opposed.",
                &[(
                    "the ports backed, and that the unions",
                    "Pia Olsen",
                    Indirect,
                )],
            ),
            (
                "Pia Olsen said the ferries would run and that fares would rise.",
                &[("would run and that fares", "Pia Olsen", Indirect)],
            ),
            // one content joined by "and" is one statement
            (
                "Pia Olsen said fares would rise and crossings would fall.",
                &[(
                    "fares would rise and crossings would fall",
                    "Pia Olsen",
                    Indirect,
                )],
            ),
            (
                "Pia Olsen said both sides agreed to talk and to exchange prisoners.",
                &[(
                    "agreed to talk and to exchange prisoners",
                    "Pia Olsen",
                    Indirect,
                )],
            ),
            (
                "Pia Olsen praised the crews, the harbour staff and the coast guard.",
                &[(
                    "the harbour staff and the coast guard",
                    "Pia Olsen",
                    Reported,
                )],
            ),
            (
                "Mira Tandel said the hauliers had blocked the road and refused to talk.",
                &[("blocked the road and refused", "Mira Tandel", Indirect)],
            ),
            (
                "Mira Tandel said the board should drop the tolls and call the hauliers.",
                &[("drop the tolls and call", "Mira Tandel", Indirect)],
            ),
            // ... unless the second is an act of another kind: an
            // accusation, an offer, a refusal to comment, a prediction
            (
                "The dockers' union said the stoppage would last a week and accused the port authority of bad faith.",
                &[
                    ("would last a week", "body:the dockers' union", Indirect),
                    (
                        "accused the port authority of bad faith",
                        "body:the dockers' union",
                        Reported,
                    ),
                ],
            ),
            (
                "Mira Tandel rejected the toll plan and offered to meet the hauliers on Friday.",
                &[
                    ("rejected the toll plan", "Mira Tandel", Reported),
                    ("offered to meet the hauliers", "Mira Tandel", Reported),
                ],
            ),
            (
                "Jorund Fell said the ferry would sail at dawn and declined to comment on the fares.",
                &[
                    ("the ferry would sail at dawn", "Jorund Fell", Indirect),
                    ("declined to comment on the fares", "Jorund Fell", Reported),
                ],
            ),
            // ... unless the second verb takes a clause of its own with "that"
            (
                "Roux said the depot would stay shut and warned that the strike could spread.",
                &[
                    ("the depot would stay shut", "Roux", Indirect),
                    ("warned that the strike could spread", "Roux", Indirect),
                ],
            ),
            (
                "The Vellish harbour board accused Ostmark of dumping and demanded that the fines be paid.",
                &[
                    (
                        "accused Ostmark of dumping",
                        "body:the Vellish harbour board",
                        Reported,
                    ),
                    (
                        "demanded that the fines",
                        "body:the Vellish harbour board",
                        Reported,
                    ),
                ],
            ),
            // after an act, a participle that speaks adds a statement ...
            (
                "Mira Tandel urged the hauliers to lift the blockade, saying the tolls would be reviewed.",
                &[
                    (
                        "urged the hauliers to lift the blockade",
                        "Mira Tandel",
                        Reported,
                    ),
                    ("the tolls would be reviewed", "Mira Tandel", Indirect),
                ],
            ),
            (
                "Jörg Brandt rejected the ruling, calling it \u{201c}a gift to smugglers.\u{201d}",
                &[
                    ("rejected the ruling", "Jörg Brandt", Reported),
                    ("a gift to smugglers", "Jörg Brandt", Reported),
                ],
            ),
            // ... but not one that gives its grounds, nor one after a
            // reported clause, whose subject may be the participle's
            (
                "Mira Tandel declined to attend the talks, citing her schedule.",
                &[("citing her schedule", "Mira Tandel", Reported)],
            ),
            (
                "Lena Ruiz said the minister had blocked the plan, telling aides that it cost too much.",
                &[("blocked the plan, telling aides", "Lena Ruiz", Indirect)],
            ),
            // ", adding that" and ", noting that" add a statement after a
            // reported clause too; other participles say what it held
            (
                "Lena Ruiz said the ferry would sail on Monday, adding that tickets were sold out.",
                &[
                    ("the ferry would sail on Monday", "Lena Ruiz", Indirect),
                    ("adding that tickets were sold out", "Lena Ruiz", Indirect),
                ],
            ),
            // a clause without "that": a pronoun and a verb, or a quote
            (
                "Lena Ruiz said the ferry would sail on Monday, adding she was glad.",
                &[
                    ("the ferry would sail on Monday", "Lena Ruiz", Indirect),
                    ("adding she was glad", "Lena Ruiz", Indirect),
                ],
            ),
            (
                "Lena Ruiz said the ferry would sail on Monday, adding it to the list.",
                &[("adding it to the list", "Lena Ruiz", Indirect)],
            ),
            (
                "Lena Ruiz said the ferry would sail, noting that the storm had passed.",
                &[
                    ("the ferry would sail", "Lena Ruiz", Indirect),
                    ("noting that the storm had passed", "Lena Ruiz", Indirect),
                ],
            ),
            (
                "Lena Ruiz said she had written to the harbour master, proposing that the ferry sail at dawn.",
                &[(
                    "harbour master, proposing that the ferry",
                    "Lena Ruiz",
                    Indirect,
                )],
            ),
            // ... also after a quote that holds the comma, or before a
            // quote of its own
            (
                "Lena Ruiz said the crossing was \u{201c}safe again,\u{201d} adding that the fog had lifted.",
                &[
                    ("the crossing was", "Lena Ruiz", Indirect),
                    ("adding that the fog had lifted", "Lena Ruiz", Indirect),
                ],
            ),
            (
                "Lena Ruiz said the crews were ready, adding: \"We sail at noon.\"",
                &[
                    ("the crews were ready", "Lena Ruiz", Indirect),
                    ("We sail at noon", "Lena Ruiz", Direct),
                ],
            ),
            (
                "Lena Ruiz said the ferry had \u{201c}a long winter behind it,\u{201d} adding, \u{201c}Now it needs paint.\u{201d}",
                &[
                    ("a long winter behind it", "Lena Ruiz", Indirect),
                    ("Now it needs paint", "Lena Ruiz", Indirect),
                ],
            ),
            (
                "\u{201c}The port stays open,\u{201d} she said, adding that the tugs were on standby.",
                &[
                    ("The port stays open", "pronoun:she", Direct),
                    (
                        "adding that the tugs were on standby",
                        "pronoun:she",
                        Indirect,
                    ),
                ],
            ),
            (
                "Lena Ruiz said the ferry would sail, adding a warning about the fog.",
                &[(
                    "the ferry would sail, adding a warning",
                    "Lena Ruiz",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn an_act_and_what_its_speaker_said_of_it_are_two_statements() {
        // The annotators of blind-wire-6 and later count "condemned A,
        // saying B" as two statements; after a reported clause the
        // participle stays in it.
        let cases: &[ClaimCase] = &[
            (
                "The Ostmark envoy rejected the corridor plan, saying the border must reopen first.",
                &[
                    (
                        "rejected the corridor plan",
                        "role:the Ostmark envoy",
                        Reported,
                    ),
                    (
                        "the border must reopen first",
                        "role:the Ostmark envoy",
                        Indirect,
                    ),
                ],
            ),
            (
                "Dara Osei welcomed the ceasefire, insisting that aid convoys be let through.",
                &[
                    ("welcomed the ceasefire", "Dara Osei", Reported),
                    ("aid convoys be let through", "Dara Osei", Indirect),
                ],
            ),
            (
                "Dara Osei said the truce was holding, saying both sides had pulled back.",
                &[(
                    "the truce was holding, saying both sides",
                    "Dara Osei",
                    Indirect,
                )],
            ),
            // a contrasting act after "but" is still a statement of its own
            (
                "The union rejected the pay offer, but said talks could go on.",
                &[
                    ("rejected the pay offer", "body:the union", Reported),
                    ("talks could go on", "body:the union", Indirect),
                ],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_relative_or_an_according_to_clause_with_its_own_speaker_is_cut_off() {
        let cases: &[ClaimCase] = &[
            (
                "Three states accuse Varnia of hoarding grain, a charge Varnia consistently denies, saying its silos are empty.",
                &[
                    ("hoarding grain", "body:Three states", Reported),
                    (
                        "a charge Varnia consistently denies, saying its silos are empty",
                        "Varnia",
                        Indirect,
                    ),
                ],
            ),
            (
                "Officials said Ostmark agents had poisoned the editor, an accusation the Ostmark government rejects.",
                &[
                    ("poisoned the editor", "body:Officials", Indirect),
                    (
                        "an accusation the Ostmark government rejects",
                        "body:the Ostmark government",
                        Reported,
                    ),
                ],
            ),
            (
                "The union blamed the port for the delays, which the port authority denies.",
                &[
                    ("the delays", "body:the union", Reported),
                    (
                        "which the port authority denies",
                        "body:the port authority",
                        Indirect,
                    ),
                ],
            ),
            (
                "Even without a direct ferry, which Ostmark has ruled out, the harbour will stay busy.",
                &[("which Ostmark has ruled out", "Ostmark", Reported)],
            ),
            (
                "The front said the talks were “going nowhere” while the shelling went on, where 9,000 people are trapped, according to the Red Crescent.",
                &[
                    ("going nowhere", "body:the front", Indirect),
                    (
                        "9,000 people are trapped",
                        "body:the Red Crescent",
                        Indirect,
                    ),
                ],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn one_speaker_or_narration_keeps_the_sentence_whole_or_drops_the_narration() {
        let cases: &[ClaimCase] = &[
            // the clause after the cut has no speaker of its own
            (
                "Tomas Vik said the deal was close, and the talks would go on.",
                &[("the talks would go on", "Tomas Vik", Indirect)],
            ),
            (
                "Tomas Vik said the deal was close, while the talks went on.",
                &[("the talks went on", "Tomas Vik", Indirect)],
            ),
            // narration before the cut is no statement
            (
                "The army removed one checkpoint, but aid agencies said the main barrier remained.",
                &[("main barrier remained", "body:aid agencies", Indirect)],
            ),
            // "according to" a source with no comma before: the whole sentence is theirs
            (
                "The port will reopen on Monday, according to a harbour official.",
                &[("reopen", "role:a harbour official", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    /// Long runs of stray or unbalanced marks and commas between words, in a
    /// sentence with a speaker: looking for clause breaks must touch each
    /// byte a bounded number of times, however the marks cluster. Counted,
    /// not timed: rescanning each run from every mark in it made this
    /// quadratic (seconds on a megabyte).
    #[test]
    fn clause_breaks_are_found_in_linear_work_on_runs_of_marks() {
        use super::super::steps;
        use super::super::tests::attribute_text;
        let runs = [
            "” ",
            "» ",
            "’ ",
            "\" ",
            ", ",
            "”, ",
            "“a ‘b’ c,” ",
            "’ » , ",
        ];
        for run in runs {
            for n in [10, 1000, 4000] {
                let article = format!("Tomas Vik said {} the talks were over.", run.repeat(n));
                steps::take();
                let claims = attribute_text(&article).claims;
                let work = steps::take();
                assert!(
                    work <= 2 * article.len(),
                    "{work} steps for {} bytes of {run:?}",
                    article.len()
                );
                assert_eq!(claims.len(), 1, "{run:?} x {n}");
            }
        }
    }
}
