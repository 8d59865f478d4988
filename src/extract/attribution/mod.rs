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
//! News outlets are never speakers of someone else's words; an outlet
//! speaks only for what it reports on its own account when nobody else in
//! the sentence speaks ("The state news agency reported that ..."). A statement
//! document as subject ("The statement reiterated that ...") speaks for its
//! issuer: the one its words name, else the previous statement's speaker.
//! A passive reporting verb takes its agent
//! as speaker ("was described as “...” by a senior official"), and a verb after
//! a relative "who" the person before it ("X, the party's spokeswoman, who has
//! urged ..."). Descriptors before a body's name ("state-run") are dropped.
//!
//! Each speaker phrase becomes a [`Mention`]; resolving mentions to people
//! and bodies is left to `coref`.
//!
//! The rules live in one file per role: [`context`] (one sentence's tokens),
//! [`mentions`] (the phrases that name people and bodies), [`phrases`] (what a
//! phrase names: titles, roles, descriptors, bodies, people), [`clauses`]
//! (where a verb's subject stands: before it, across an appositive, in a
//! relative clause, after a passive "by"), and [`speech`] (direct quotes,
//! reporting verbs, "according to").

mod clauses;
mod context;
mod mentions;
mod parts;
mod phrases;
mod speech;

// Sets of the article's own words, asked for most words: a fast hash.
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use super::lexicon;
use super::paragraphs::Block;
use super::quotes::Quote;
use super::sentences::Sentence;
use super::tokens::{Token, tokenize_into};
use super::{Span, StatementKind};
use context::Ctx;
use mentions::Np;
pub use mentions::{Form, Gender, Mention, Pronoun, Usage};
use parts::Part;
use speech::Direct;

/// Most tokens a noun phrase may span.
const MAX_PHRASE: usize = 10;

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

/// Fewest words of a heading read as a standfirst.
const MIN_STANDFIRST_WORDS: usize = 8;

/// Finds the claims and speaker mentions of every sentence.
pub fn attribute(article: &str, sentences: &[Sentence], quotes: &[Quote]) -> Attribution {
    let mut out = Attribution::default();
    let mut known = HashSet::default();
    let mut direct_run: Option<(usize, usize)> = None;
    let mut next_quote = 0;
    // The tokens of all sentences end to end, one allocation for the
    // article; each sentence's are a range of them.
    let mut all_tokens = Vec::with_capacity(article.len() / 5 + 1);
    let ranges: Vec<Range<usize>> = sentences
        .iter()
        .map(|s| {
            let from = all_tokens.len();
            if matches!(s.block, Block::Text | Block::Headline | Block::Heading) {
                tokenize_into(article, s.span, &mut all_tokens);
            }
            from..all_tokens.len()
        })
        .collect();
    let tokens = ranges.iter().map(|range| &all_tokens[range.clone()]);
    // A headline capitalises ordinary words ("Ostland Rejects Summit Call").
    let text_tokens = sentences
        .iter()
        .zip(tokens.clone())
        .filter(|(s, _)| s.block == Block::Text)
        .map(|(_, t)| t);
    let names = name_words(article, text_tokens);
    // Whether each token of the sentence is quoted: one buffer for all.
    let mut quoted = Vec::new();
    for (index, (sentence, tokens)) in sentences.iter().zip(tokens).enumerate() {
        // Sentences never split a quote, so each quote starts in the sentence that holds it.
        while next_quote < quotes.len() && quotes[next_quote].outer.start < sentence.span.start {
            next_quote += 1;
        }
        let first = next_quote;
        while next_quote < quotes.len() && quotes[next_quote].outer.start < sentence.span.end {
            next_quote += 1;
        }
        if sentence.block != Block::Text {
            direct_run = None;
            // A standfirst, a heading as long as a sentence, that reports
            // speech ("EU's chief negotiator says the measure is the
            // solution, not the problem") is read as the headline is; a
            // short subhead ("Army Chief Unconvinced") says nothing.
            let standfirst = sentence.block == Block::Heading
                && tokens.iter().filter(|t| t.is_word()).count() >= MIN_STANDFIRST_WORDS;
            if sentence.block == Block::Headline || standfirst {
                let sentence_quotes = &quotes[first..next_quote];
                Ctx::mark_quoted(tokens, sentence_quotes, &mut quoted);
                let ctx = Ctx::new(
                    article,
                    sentence.span,
                    sentence_quotes,
                    tokens,
                    &quoted,
                    &known,
                    &names,
                )
                .in_headline();
                let halves = ctx.headline_halves();
                let claims = match halves {
                    Some((first, second)) => vec![first, second],
                    // "X expels envoy, saying/says ...": the acting name
                    // speaks, before any reading of the whole line.
                    None => ctx
                        .acting_headline()
                        .or_else(|| ctx.headline().map(|(np, verb)| (sentence.span, np, verb)))
                        .or_else(|| ctx.second_verb_headline())
                        .into_iter()
                        .collect(),
                };
                // A standfirst names its speaker as the text does; the
                // headline's subject is resolved against the lead.
                let (usage, kind) = if standfirst {
                    (Usage::Speaker, StatementKind::Indirect)
                } else {
                    (Usage::Headline, StatementKind::Headline)
                };
                for (span, np, verb) in claims {
                    let source = Source::Mention(record(&mut out, &mut known, np, usage));
                    out.claims.push(Claim {
                        span,
                        kind,
                        source,
                        verb,
                    });
                }
            }
            continue;
        }
        let continues = direct_run.filter(|&(_, previous)| {
            previous + 1 == index && sentences[previous].paragraph == sentence.paragraph
        });
        direct_run = None;
        let named_from = out.mentions.len();
        let outcome = {
            let sentence_quotes = &quotes[first..next_quote];
            Ctx::mark_quoted(tokens, sentence_quotes, &mut quoted);
            let ctx = Ctx::new(
                article,
                sentence.span,
                sentence_quotes,
                tokens,
                &quoted,
                &known,
                &names,
            );
            ctx.push_names(&mut out.mentions);
            if let Some(direct) = ctx.direct() {
                Outcome::Direct(direct)
            } else {
                let mut parts = ctx.speech_parts();
                // `The ministry “categorically rejected” the claims`
                if parts.is_empty()
                    && let Some((tokens, quoted, predicate)) = ctx.quoted_predicate()
                {
                    parts = ctx.with_tokens(&tokens, &quoted).speech_parts();
                    let in_predicate = |p: &Part| {
                        p.verb
                            .is_some_and(|v| v.start >= predicate.start && v.start < predicate.end)
                    };
                    if !parts.iter().all(in_predicate) {
                        parts.clear();
                    }
                }
                for part in &mut parts {
                    ctx.own_by_opening_place(&mut part.speaker);
                }
                if parts.is_empty() {
                    Outcome::Narration(ctx.narration_subject())
                } else {
                    // "Ostland will respond ..., its foreign ministry said":
                    // the clause's subject is the owner "its" stands for.
                    let owner = parts
                        .iter()
                        .any(|p| owned_by_its(&p.speaker))
                        .then(|| ctx.opening_owner())
                        .flatten()
                        .filter(|np| parts.iter().all(|p| np.end <= p.speaker.start))
                        .or_else(|| subject_before_speakers(&ctx, &parts));
                    Outcome::Speech(parts, owner)
                }
            }
        };
        // "during President Javier Milei's visit": a person named in full
        // in narration is a person when a later sentence opens with the
        // surname alone ("Milei refused to apologise").
        for mention in &out.mentions[named_from..] {
            if let Form::Person(name) = &mention.form
                && (name.len() >= 2 || !mention.roles.is_empty())
                && let Some(last) = name.last()
            {
                known.insert(last.clone());
            }
        }
        match (outcome, continues) {
            // A bare quote right after the previous one ("“We waited.” “We
            // are tired.”") continues it; narration between them ("the
            // minister said.") makes it a statement of its own.
            (
                Outcome::Direct(Direct {
                    span, bare: true, ..
                }),
                Some((claim, _)),
            ) if only_marks_between(article, out.claims[claim].span.end, span.start) => {
                out.claims[claim].span.end = span.end;
                direct_run = Some((claim, index));
            }
            (
                Outcome::Direct(Direct {
                    span,
                    speaker,
                    verb,
                    then,
                    earlier,
                    quoter,
                    ..
                }),
                _,
            ) => {
                let source = match speaker {
                    Some(np) if !is_unsigned_document(&np) => {
                        Source::Mention(record(&mut out, &mut known, np, Usage::Speaker))
                    }
                    _ => Source::Previous,
                };
                // `,” the envoy cited the president as saying.`: the envoy
                // is the sentence's subject, the one a "he" after means.
                if let Some(np) = quoter {
                    record(&mut out, &mut known, *np, Usage::Subject);
                }
                // `X confirmed A, but added: “B”`: A is a statement of its own.
                if let Some((span, kind, verb)) = earlier {
                    out.claims.push(Claim {
                        span,
                        kind,
                        source,
                        verb: Some(verb),
                    });
                }
                out.claims.push(Claim {
                    span,
                    kind: StatementKind::Direct,
                    source,
                    verb,
                });
                direct_run = Some((out.claims.len() - 1, index));
                // `,” he said, adding that ...`: the speaker's further words
                // are a statement of their own; a quote after them is not
                // the same quotation.
                if let Some((span, kind, verb)) = then {
                    out.claims.push(Claim {
                        span,
                        kind,
                        source,
                        verb: Some(verb),
                    });
                    direct_run = None;
                }
            }
            (Outcome::Speech(parts, owner), _) => {
                if let Some(np) = owner {
                    record(&mut out, &mut known, np, Usage::Subject);
                }
                for part in parts {
                    let np = part.speaker;
                    let source = if is_unsigned_document(&np) {
                        Source::Previous
                    } else {
                        Source::Mention(match one_of_group(article, &np, &out.mentions) {
                            Some(group) => group,
                            None => record(&mut out, &mut known, np, Usage::Speaker),
                        })
                    };
                    out.claims.push(Claim {
                        span: part.span,
                        kind: part.kind,
                        source,
                        verb: part.verb,
                    });
                }
            }
            (Outcome::Narration(Some(np)), _) => {
                record(&mut out, &mut known, np, Usage::Subject);
            }
            (Outcome::Narration(None), _) => {}
        }
    }
    out
}

/// Most recent mentions searched for the group a lone "One said" belongs to.
const MAX_GROUP_BACK: usize = 4;

/// "Two diplomats briefed on the talks said ... One said ...": "One" (or
/// "Another") names no one of its own; it speaks for the counted group
/// that spoke just before, whose mention this returns.
fn one_of_group(article: &str, np: &Np, mentions: &[Mention]) -> Option<usize> {
    let text = article.get(np.span.start..np.span.end)?;
    // "One", "One of them", "Two of them"
    let mut words = text.split_whitespace();
    let count = words.next()?.to_lowercase();
    let partitive = match (words.next(), words.next(), words.next()) {
        (None, ..) => false,
        (Some(of), Some(pronoun), None) => {
            of.eq_ignore_ascii_case("of") && lexicon::is_in(lexicon::PARTITIVE_PRONOUNS, pronoun)
        }
        _ => return None,
    };
    let counted_word = partitive && lexicon::NUMBER_WORDS.contains(&count.as_str());
    if !(["one", "another"].contains(&count.as_str()) || counted_word) {
        return None;
    }
    let counted = |m: &Mention| match &m.form {
        Form::Body { text, plural, .. } => {
            *plural
                && text.split_whitespace().next().is_some_and(|first| {
                    let first = first.to_lowercase();
                    first != "one" && lexicon::NUMBER_WORDS.contains(&first.as_str())
                })
        }
        _ => false,
    };
    let from = mentions.len().saturating_sub(MAX_GROUP_BACK);
    (from..mentions.len())
        .rev()
        .find(|&i| mentions[i].usage == Usage::Speaker && counted(&mentions[i]))
}

/// Nothing but quote marks, closing punctuation and spaces in `article[from..to]`.
fn only_marks_between(article: &str, from: usize, to: usize) -> bool {
    article
        .get(from..to)
        .is_some_and(|gap| !gap.chars().any(char::is_alphanumeric))
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

/// Capitalised words seen after another word, or with a possessive,
/// somewhere in the article: names, as opposed to ordinary words capitalised
/// at a sentence start ("Fresh calls").
fn name_words<'a, 's>(
    article: &'a str,
    sentences: impl Iterator<Item = &'s [Token]>,
) -> HashSet<&'a str> {
    let mut names = HashSet::default();
    for tokens in sentences {
        for (i, token) in tokens.iter().enumerate() {
            let after_word = i > 0 && tokens[i - 1].is_word();
            if token.is_cap() && (after_word || token.is_possessive()) {
                names.insert(token.stem(article));
            }
        }
    }
    names
}

/// Work counted by the scans whose cost depends on how marks and commas
/// cluster, so tests can check it stays linear in the sentence length
/// without timing anything.
#[cfg(test)]
pub(super) mod steps {
    use std::cell::Cell;

    thread_local! {
        static STEPS: Cell<usize> = const { Cell::new(0) };
    }

    /// Counts `n` bytes or tokens looked at.
    pub(crate) fn add(n: usize) {
        STEPS.with(|s| s.set(s.get() + n));
    }

    /// The count so far on this thread, reset to zero.
    pub(crate) fn take() -> usize {
        STEPS.with(|s| s.replace(0))
    }
}

/// What a sentence turned out to be.
enum Outcome {
    Direct(Direct),
    /// One statement per part (clause) with its own speaker.
    /// The parts, and the clause's subject when a part's speaker is "its
    /// ..." or when it is a person named in full who speaks in none of them
    /// (recorded first, so that "its" finds it).
    Speech(Vec<Part>, Option<Np>),
    Narration(Option<Np>),
}

/// A person's name of two words or more ("Omar Haddad was speaking in
/// Vell as the ministers met ..."): a sentence's subject that is no speaker
/// of its clauses still makes that person the one "he" and a lead's
/// description ("Vellmark's foreign minister said ...") stand for.
/// A statement document that names no issuer ("The statement reiterated
/// ..."): it speaks for whoever spoke the statement before, as the article
/// reads it (the issuer named in the sentence before).
fn is_unsigned_document(np: &Np) -> bool {
    matches!(&np.form, Form::Body { head, .. }
        if lexicon::is_in(lexicon::STATEMENT_NOUNS, head)
            && !lexicon::is_in(lexicon::ADDRESSED_DOCUMENTS, head))
}

/// The sentence's subject when it is a full name standing before every
/// part's speaker ("Vik, who chairs the talks, will attend, her office
/// said"). Spans, not token indices: a part's tokens may be its own
/// clause's.
///
/// A subject ends, at the earliest, where the sentence's first word's stem
/// does (its last token is a word, and no word ends before the first), so
/// when a speaker starts before that point none can stand before it, and
/// the subject is not looked for: speakers open most sentences with speech.
fn subject_before_speakers(ctx: &Ctx<'_>, parts: &[Part]) -> Option<Np> {
    let earliest_end = ctx.tokens.iter().find(|t| t.is_word())?.stem_end;
    if parts.iter().any(|p| p.speaker.span.start < earliest_end) {
        return None;
    }
    // "The Harbour Guard seized the ferry over what it claimed were
    // breaches", "Tessaly will hold talks, it said": an "it" speaker stands
    // for the body or place that opens its own sentence.
    let it_speaks = parts
        .iter()
        .any(|p| matches!(p.speaker.form, Form::Pronoun(Pronoun::It)));
    ctx.narration_subject().filter(|np| {
        (is_full_name(np) || (it_speaks && speaks_as_it(np)))
            && parts.iter().all(|p| np.span.end <= p.speaker.span.start)
    })
}

/// A body named by a proper name ("the Harbour Guard", "Velmar's foreign
/// ministry"; not "the union", which may be the body that spoke before) or
/// a lone name with no title ("Tessaly"): what "it" can stand for.
fn speaks_as_it(np: &Np) -> bool {
    match &np.form {
        Form::Body { text, plural, .. } => {
            !plural
                && text
                    .split_whitespace()
                    .find(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        }
        Form::Person(name) => name.len() == 1 && np.roles.is_empty(),
        _ => false,
    }
}

fn is_full_name(np: &Np) -> bool {
    matches!(&np.form, Form::Person(name) if name.len() >= 2)
}

/// A role or body owned by "its" ("its foreign ministry").
fn owned_by_its(np: &Np) -> bool {
    matches!(&np.form, Form::Role { text, .. } | Form::Body { text, .. }
        if text.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("its")))
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::{paragraphs, quotes, sentences};
    use super::*;

    /// What the speaker phrase of a claim looks like, for comparisons.
    pub(super) fn describe(article: &str, attribution: &Attribution, claim: &Claim) -> String {
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

    pub(super) fn attribute_text(article: &str) -> Attribution {
        let paragraphs = paragraphs::split(article, paragraphs::First::Detect);
        let quotes = quotes::find(article, &paragraphs);
        let sentences = sentences::split(article, &paragraphs, &quotes);
        attribute(article, &sentences, &quotes)
    }

    /// Checks the claims of `article`: (text the claim contains, speaker phrase, kind).
    pub(super) fn assert_claims(article: &str, expected: &[(&str, &str, StatementKind)]) {
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

    /// The subject before every speaker is looked for only where it can
    /// stand: skipping it elsewhere finds what looking would have found.
    #[test]
    fn a_subject_is_looked_for_only_where_it_can_stand_before_the_speakers() {
        let sentences = [
            "The minister said the talks would resume.",
            "Ilse Varga will attend the summit in Brensk, her office said.",
            "But the ministry said on Monday that the border was shut.",
            "Talks will resume next week, the spokesman said.",
            "Tomas Rekk of the farm board will travel on Monday, the ministry said.",
            "\u{201c}We are ready,\u{201d} Ada Lenz said, and the envoy agreed.",
        ];
        let mut found = 0;
        for text in sentences {
            let span = Span::new(0, text.len());
            let tokens = super::super::tokens::tokenize(text, span);
            let quoted = vec![false; tokens.len()];
            let (known, names) = (HashSet::default(), HashSet::default());
            let ctx = Ctx::new(text, span, &[], &tokens, &quoted, &known, &names);
            let parts = ctx.speech_parts();
            assert!(!parts.is_empty(), "{text}");
            let looked_for = ctx.narration_subject().filter(|np| {
                is_full_name(np) && parts.iter().all(|p| np.span.end <= p.speaker.span.start)
            });
            let got = subject_before_speakers(&ctx, &parts);
            found += usize::from(got.is_some());
            assert_eq!(
                got.map(|np| (np.span, np.form)),
                looked_for.map(|np| (np.span, np.form)),
                "{text}"
            );
        }
        assert!(found > 0, "some subject stands before its speaker");
    }

    use StatementKind::{Direct, Indirect, Reported};

    /// An article and its expected claims: (contained text, speaker phrase, kind).
    pub(super) type ClaimCase = (
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
            // a named news organisation after "according to" is where the
            // writer found a fact; the press as a whole reports on its own
            ("The risk is rising, according to Reuters.", &[]),
            (
                "The risk is rising, according to state media.",
                &[("risk", "body:state media", Indirect)],
            ),
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
            // ... unless they report on their own account
            (
                "Reuters reported that talks had stalled.",
                &[("stalled", "body:Reuters", Indirect)],
            ),
            // a body reporting what a person it names said: the person speaks
            (
                "The presidency said Lina Ostrova made clear to Otto Brask that the border could stay open.",
                &[("stay open", "Lina Ostrova", Indirect)],
            ),
            (
                "Lina Ostrova urged Otto Brask to keep the border open, the presidency said.",
                &[("border open", "Lina Ostrova", Reported)],
            ),
            // a role reporting what a place did, or a body reporting plain
            // facts about a person, keeps the statement
            (
                "A senior official said Brensk had promised an inquiry.",
                &[("an inquiry", "role:a senior official", Indirect)],
            ),
            (
                "The presidency said Lina Ostrova would arrive on Monday.",
                &[("on Monday", "body:the presidency", Indirect)],
            ),
            // groups with a place or owner: "in" a place says which ones
            // they are, and annotators keep it
            (
                "Officials in Selvik said the talks could last a week.",
                &[("a week", "body:Officials in Selvik", Indirect)],
            ),
            (
                "A senior diplomat in Marvo's cabinet said the vote would wait.",
                &[(
                    "wait",
                    "role:a senior diplomat in Marvo's cabinet",
                    Indirect,
                )],
            ),
            (
                "Traders in Osk and Lenne doubted the quota would last.",
                &[("last", "body:Traders in Osk and Lenne", Indirect)],
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
            // one side of a dispute speaks as a body
            (
                "Each side has accused the other of breaking the deal.",
                &[("breaking the deal", "body:Each side", Reported)],
            ),
            (
                "The Vellish side said the talks were useful.",
                &[("useful", "body:the Vellish side", Indirect)],
            ),
            (
                "The talks went on across the other side of the border, he said.",
                &[("border", "pronoun:he", Indirect)],
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
}
