//! Statement -> what the model reads: what was said, and the verb that
//! reported it.
//!
//! A statement in the news comes wrapped in its attribution: "Foreign
//! Minister Sergei Lavrov said any meeting must be prepared gradually". Who
//! spoke says nothing about the stance, and their name would teach the model
//! the wrong lesson, while the reporting verb often carries the stance by
//! itself ("dismissed", "welcomed", "has threatened to"). So the model reads
//! the said content (the quote, the clause after "said", the object of a
//! reported act) and, apart, the reporting verb.
//!
//! Articles and training rows go through the same function: a training row
//! is a statement as an article would print it, so it is run through
//! [`extract`] and its attribution is cut the same way.
//!
//! ```
//! use stance::said::Said;
//!
//! let said = Said::of_text("Foreign Minister Anna Kovač warned that the talks could collapse.");
//! assert_eq!(said.verb.as_deref(), Some("warned"));
//! assert_eq!(said.content, "that the talks could collapse.");
//! assert_eq!(said.render(), "[warned] that the talks could collapse.");
//! ```

use serde::Serialize;

use crate::extract::{Span, Statement, StatementKind, extract};

/// What the model reads of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Said {
    /// The reporting verb, lowercase, words separated by one space
    /// ("warned", "played down", "according to"), when there is one.
    pub verb: Option<String>,
    /// The statement without its attribution (speaker phrase and verb).
    pub content: String,
    /// How the statement is reported (`direct`, `indirect`, `reported`,
    /// `headline`, as [`crate::extract::StatementKind::as_str`] writes it);
    /// a text in which extraction finds no attribution reads as `direct`
    /// (the words of the speaker, as a bare quote is). `None` for text read
    /// as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
}

/// Longest stretch between a speaker phrase and its verb that is cut with
/// them ("Dmitry Polyanskiy, Russia's deputy UN envoy, added"), in bytes.
const MAX_ATTRIBUTION_GAP: usize = 160;

impl Said {
    /// Text read as it is: no verb, nothing cut (models trained before
    /// statements were read this way).
    pub fn plain(text: &str) -> Said {
        Said {
            verb: None,
            content: text.to_owned(),
            kind: None,
        }
    }

    /// One statement of `article`.
    pub fn of_statement(article: &str, statement: &Statement) -> Said {
        let span = Span::new(statement.start, statement.end);
        Said {
            verb: statement.verb.map(|v| verb_text(&article[v.start..v.end])),
            content: without(article, span, &attribution_cuts(article, statement)),
            kind: Some(statement.kind.as_str()),
        }
    }

    /// A statement given on its own (a training row, `classify`): its
    /// attributions, as extraction finds them, are cut from the whole text,
    /// except the verbs of later statements that go on with a speaker already
    /// named; the verb is that of its first statement. Text in which
    /// extraction finds no attribution is read whole.
    pub fn of_text(text: &str) -> Said {
        let statements = extract(text);
        let mut cuts: Vec<Span> = statements
            .iter()
            .enumerate()
            .filter(|&(i, s)| i == 0 || speaks_anew(&statements[..i], s))
            .flat_map(|(_, s)| attribution_cuts(text, s))
            .collect();
        cuts.sort_by_key(|c| c.start);
        let verb = statements
            .iter()
            .find_map(|s| s.verb)
            .map(|v| verb_text(&text[v.start..v.end]));
        let kind = statements
            .first()
            .map_or(StatementKind::Direct, |s| s.kind)
            .as_str();
        Said {
            verb,
            content: without(text, Span::new(0, text.len()), &cuts),
            kind: Some(kind),
        }
    }

    /// The input as one line, for explanations: `[verb] content`.
    pub fn render(&self) -> String {
        match &self.verb {
            Some(v) => format!("[{v}] {}", self.content),
            None => self.content.clone(),
        }
    }
}

/// Whether a later statement of one text names its own speaker. One that
/// goes on with the speaker already named ("X said A and warned that B",
/// ", adding that B") keeps its verb in the content: the text is one row
/// with one label, read with its first statement's verb, and "warned" is
/// part of what the row says.
fn speaks_anew(earlier: &[Statement], s: &Statement) -> bool {
    s.speaker_span
        .is_some_and(|who| earlier.iter().all(|e| e.speaker_span != Some(who)))
}

fn verb_text(raw: &str) -> String {
    // Most verbs are one plain word.
    if raw.bytes().all(|b| b.is_ascii_alphabetic()) {
        return raw.to_ascii_lowercase();
    }
    raw.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The span grown leftwards over possessive words right before it
/// ("Finland’s Alexander Stubb", "Russia’s envoy").
fn with_possessive_lead(text: &str, span: Span) -> Span {
    let mut start = span.start;
    loop {
        let before = text[..start].trim_end();
        let word_start = before
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == ',')
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        let possessive =
            word.chars().count() > 2 && (word.ends_with("'s") || word.ends_with("\u{2019}s"));
        if !possessive || word_start == start {
            return Span::new(start, span.end);
        }
        start = word_start;
    }
}

/// The attribution of a statement as byte ranges to cut: the speaker phrase
/// through the verb when only an aside stands between them ("Lavrov, the
/// minister, said", "said the minister"), else each on its own, so that what
/// was said between them ("Lavrov visited Kyiv and rejected the offer,
/// saying ...") stays.
fn attribution_cuts(text: &str, s: &Statement) -> Vec<Span> {
    let joined = |a: Span, b: Span| {
        let gap = text[a.end..b.start].trim();
        let aside = gap.is_empty()
            || (gap.len() <= MAX_ATTRIBUTION_GAP
                && gap.starts_with(',')
                && gap.ends_with(',')
                && !gap.contains(crate::tokenize::is_quote_char))
            || auxiliaries_only(gap);
        aside.then(|| Span::new(a.start, b.end))
    };
    let speaker = s.speaker_span.map(|who| with_possessive_lead(text, who));
    let mut cuts = match (speaker, s.verb) {
        (Some(who), Some(verb)) if who.end <= verb.start => {
            joined(who, verb).map_or(vec![who, verb], |j| vec![j])
        }
        (Some(who), Some(verb)) if verb.end <= who.start => {
            joined(verb, who).map_or(vec![verb, who], |j| vec![j])
        }
        (who, verb) => who.into_iter().chain(verb).collect(),
    };
    // A time phrase right after the attribution belongs to its frame, not to
    // what was said ("said on Thursday that", "the ministry said late Monday").
    if let Some(last) = cuts.last_mut() {
        last.end += time_phrase_len(&text[last.end..]);
    }
    cuts
}

/// Whether the words between a speaker and their verb are only
/// auxiliaries, modals, adverbs and time words ("has", "had flatly", "will
/// also", "on Monday"): part of the attribution, not of what was said. A
/// negation is what was said ("has not rejected"), and so stays.
fn auxiliaries_only(gap: &str) -> bool {
    use crate::extract::lexicon::{
        DAYS, MODALS, TIME_MODIFIERS, VERB_AUXILIARIES, is_in, is_ly_adverb,
    };
    const FRAME_WORDS: &[&str] = &[
        "been", "also", "again", "already", "now", "earlier", "later", "then",
    ];
    !gap.is_empty()
        && gap.split_whitespace().count() <= 4
        && gap.split_whitespace().all(|w| {
            let w = w.to_lowercase();
            is_in(VERB_AUXILIARIES, &w)
                || is_in(MODALS, &w)
                || is_in(FRAME_WORDS, &w)
                || is_in(DAYS, &w)
                || is_in(TIME_MODIFIERS, &w)
                || is_ly_adverb(&w)
        })
}

/// Length in bytes of a time phrase at the start of `rest`, with the space
/// before it ("on Thursday", "Sunday", "late Monday evening", "last week");
/// 0 when `rest` does not open with one.
fn time_phrase_len(rest: &str) -> usize {
    use crate::extract::lexicon::{DAYS, PARTS_OF_DAY, PERIODS, TIME_MODIFIERS, is_in};
    let mut end = 0;
    let mut modified = false;
    let mut head = false;
    for (at, word) in words_at(rest).take(4) {
        let w = word.to_lowercase();
        let after = at + word.len();
        if head {
            // "Monday evening"; anything else ends the phrase.
            if is_in(PARTS_OF_DAY, &w) {
                end = after;
            }
            break;
        } else if is_in(DAYS, &w) || (modified && is_in(PERIODS, &w)) {
            // "Thursday", "yesterday"; a period only after a modifier
            // ("last week", never "week").
            head = true;
            end = after;
        } else if is_in(TIME_MODIFIERS, &w) {
            modified = true;
        } else {
            break;
        }
    }
    end
}

/// The words of `text` with their byte offsets, up to the first word that
/// ends in punctuation (which ends the time phrase too): a word is a run
/// without whitespace, less the `,.;:` after it.
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = &text[at..];
        let start = at + (rest.len() - rest.trim_start().len());
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        let raw = &text[start..start + len];
        let word = raw.trim_end_matches([',', '.', ';', ':']);
        done = word.len() < raw.len();
        at = start + len;
        (!word.is_empty()).then_some((start, word))
    })
}

/// `text[span]` with the (sorted) cuts inside it removed; a cut inside the
/// text leaves a comma, so no word pair is made across it, and the result is
/// trimmed.
///
/// Each piece is single-spaced into one string as it is taken: every cut
/// leaves " , ", spaces on both sides, so no word runs across two pieces and
/// the words come out as those of the joined text.
fn without(text: &str, span: Span, cuts: &[Span]) -> String {
    let mut out = String::with_capacity(span.end - span.start);
    let mut at = span.start;
    for cut in cuts {
        let (start, end) = (cut.start.max(at), cut.end.min(span.end));
        if start >= end {
            continue;
        }
        push_words(&mut out, &text[at..start]);
        push_words(&mut out, ",");
        at = end;
    }
    push_words(&mut out, &text[at..span.end]);
    // A cut at either end leaves its comma (and the text's own) behind. The
    // words hold no whitespace and stand one space apart, so what is left
    // after these trims starts and ends with no whitespace.
    let from = out.len() - out.trim_start_matches([',', ' ', ';', ':']).len();
    let to = from + out[from..].trim_end_matches([',', ' ']).len();
    if out[from..to].contains(" , ,") {
        return out[from..to].replace(" , ,", " ,").trim().to_owned();
    }
    out.truncate(to);
    out.drain(..from);
    out
}

/// The words of `text` joined by one space: `split_whitespace` and
/// `join(" ")` without the list of words between them.
#[cfg(test)]
fn single_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

/// Appends the words of `text` to `out`, each after one space unless `out`
/// is empty: [`single_spaced`] of `out`'s words and `text`'s together.
///
/// ASCII bytes are read as bytes, and only other chars decoded: nearly all
/// of a statement is ASCII. Words one plain space apart, nearly all of them,
/// are copied as one run.
fn push_words(out: &mut String, text: &str) {
    // The pieces between cuts mostly begin or end with the space before or
    // after a cut.
    let words = text.trim_matches(' ');
    if is_single_spaced_ascii(words.as_bytes()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(words);
        return;
    }
    let bytes = text.as_bytes();
    let mut push = |run: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
    };
    // The words seen and not yet pushed: `run_start..run_end`.
    let mut run: Option<(usize, usize)> = None;
    let mut word: Option<usize> = None;
    let mut i = 0;
    let mut end_word = |run: &mut Option<(usize, usize)>, start: usize, end: usize| {
        *run = match *run {
            Some((from, to)) if to + 1 == start && bytes[to] == b' ' => Some((from, end)),
            Some((from, to)) => {
                push(&text[from..to]);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    };
    while i < bytes.len() {
        let (space, len) = if bytes[i].is_ascii() {
            // `char::is_whitespace` on ASCII: tab to carriage return, space.
            (matches!(bytes[i], b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word) {
            (true, Some(start)) => {
                end_word(&mut run, start, i);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word {
        end_word(&mut run, start, bytes.len());
    }
    if let Some((from, to)) = run {
        push(&text[from..to]);
    }
}

/// Is `bytes` plain ASCII whose words are already one space apart, with no
/// space before the first or after the last ([`push_words`] copies it
/// whole)? One test per byte, where splitting into words took several.
fn is_single_spaced_ascii(bytes: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    let mut after_space = false;
    for &b in bytes {
        // Any other whitespace, two spaces in a row, or a non-ASCII byte.
        if !b.is_ascii() || matches!(b, b'\t'..=b'\r') || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Words joined by one space, as `split_whitespace` and `join` make
        /// them, for text of every kind of ASCII and Unicode whitespace.
        #[test]
        fn single_spaced_is_split_and_join(
            picks in proptest::collection::vec(0..WHITESPACE_PIECES.len(), 0..30),
        ) {
            let text: String = picks.iter().map(|&i| WHITESPACE_PIECES[i]).collect();
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(single_spaced(&text), want);
        }
    }

    #[test]
    fn only_plain_single_spaced_text_is_copied_whole() {
        for (text, whole) in [
            ("We will talk.", true),
            ("a", true),
            ("", false),
            (" We will", false),
            ("We will ", false),
            ("  ", false),
            (" , ", false),
            ("We  will", false),
            ("We\twill", false),
            ("We\nwill", false),
            ("We will t\u{e4}lk", false),
            ("We\u{a0}will", false),
        ] {
            assert_eq!(is_single_spaced_ascii(text.as_bytes()), whole, "{text:?}");
            let mut out = String::from("said");
            push_words(&mut out, text);
            let mut want: Vec<&str> = vec!["said"];
            want.extend(text.split_whitespace());
            assert_eq!(out, want.join(" "), "{text:?}");
        }
    }

    /// `without` as it was first written: cut, join, then single-space,
    /// trim and drop doubled commas, each on a copy.
    fn without_plainly(text: &str, span: Span, cuts: &[Span]) -> String {
        let mut out = String::new();
        let mut at = span.start;
        for cut in cuts {
            let (start, end) = (cut.start.max(at), cut.end.min(span.end));
            if start >= end {
                continue;
            }
            out.push_str(&text[at..start]);
            out.push_str(" , ");
            at = end;
        }
        out.push_str(&text[at..span.end]);
        let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
        let trimmed = joined
            .trim_start_matches([',', ' ', ';', ':'])
            .trim_end_matches([',', ' ']);
        trimmed.replace(" , ,", " ,").trim().to_owned()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Cutting while single-spacing gives what cutting, then spacing,
        /// trimming and dropping doubled commas gives.
        #[test]
        fn without_is_cut_then_spaced_and_trimmed(
            picks in proptest::collection::vec(0..WHITESPACE_PIECES.len(), 0..30),
            bounds in proptest::collection::vec(0usize..200, 0..8),
        ) {
            let text: String = picks.iter().map(|&i| WHITESPACE_PIECES[i]).collect();
            let mut at: Vec<usize> = bounds
                .into_iter()
                .map(|b| b % (text.len() + 1))
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            at.sort_unstable();
            let (span, inner) = match at.as_slice() {
                [first, inner @ .., last] => (Span::new(*first, *last), inner),
                _ => (Span::new(0, text.len()), &[][..]),
            };
            let cuts: Vec<Span> = inner.chunks_exact(2).map(|c| Span::new(c[0], c[1])).collect();
            proptest::prop_assert_eq!(
                without(&text, span, &cuts),
                without_plainly(&text, span, &cuts)
            );
        }
    }

    #[test]
    fn plain_verbs_are_lowercased_as_any() {
        for raw in [
            "said",
            "Warned",
            "ADDED",
            "",
            "played  down",
            "According\tto",
            "Dijo",
        ] {
            let want = raw
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(verb_text(raw), want, "{raw:?}");
        }
    }

    const WHITESPACE_PIECES: &[&str] = &[
        "a", "said", ",", " , ,", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f",
        "\u{a0}", "\u{85}", "\u{2009}", "\u{3000}", "é", "“", "”",
    ];

    fn said(text: &str) -> (Option<String>, String) {
        let s = Said::of_text(text);
        (s.verb, s.content)
    }

    /// The kind of a row is that of the first statement extraction finds in
    /// it; a row without an attribution reads as a bare quote.
    #[test]
    fn rows_know_how_they_were_reported() {
        for (text, kind) in [
            (
                "The harbour board said the ferry would sail at noon.",
                "indirect",
            ),
            (
                "\u{201c}We will sail at noon,\u{201d} the harbour master said.",
                "direct",
            ),
            (
                "The harbour board dismissed the offer as a stunt.",
                "reported",
            ),
            ("We will sail at noon whatever the weather.", "direct"),
        ] {
            assert_eq!(Said::of_text(text).kind, Some(kind), "{text}");
        }
        assert_eq!(Said::plain("anything").kind, None);
    }

    #[test]
    fn attribution_is_cut_from_rows() {
        for (text, verb, content) in [
            (
                "Dmitry Polyanskiy, Russia’s deputy UN envoy, added that “nobody” had rejected talks.",
                Some("added"),
                "that “nobody” had rejected talks.",
            ),
            (
                "“We are ready,” the minister said. “But not at any price.”",
                Some("said"),
                "“We are ready,” , . “But not at any price.”",
            ),
            (
                "Pyongyang dismissed the offer as “a cheap trick”.",
                Some("dismissed"),
                "the offer as “a cheap trick”.",
            ),
            // auxiliaries and adverbs between speaker and verb are the
            // attribution's; a negation is what was said
            (
                "The premier has flatly rejected the proposal for dialogue.",
                Some("rejected"),
                "the proposal for dialogue.",
            ),
            (
                "The premier has not rejected the proposal for dialogue.",
                Some("rejected"),
                "has not , the proposal for dialogue.",
            ),
            (
                "The talks will resume on Tuesday, according to the ministry.",
                Some("according to"),
                "The talks will resume on Tuesday, , .",
            ),
            (
                "He would join the talks next week, according to the BBC.",
                Some("according to"),
                "would join the talks next week, , the BBC.",
            ),
            (
                "Minister Ilse Varga said the crossing would reopen and warned that trucks would be searched.",
                Some("said"),
                "the crossing would reopen and warned that trucks would be searched.",
            ),
            (
                "The union said it would strike on Monday, adding that talks had failed.",
                Some("said"),
                "it would strike on Monday, adding that talks had failed.",
            ),
            (
                "Lena Ruud said the round went well, but Tomas Brenn said it was a stalling game.",
                Some("said"),
                "the round went well, but , it was a stalling game.",
            ),
            (
                "more theatre than substance",
                None,
                "more theatre than substance",
            ),
        ] {
            assert_eq!(
                said(text),
                (verb.map(String::from), content.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_time_phrase_after_the_verb_is_part_of_the_frame() {
        for (text, content) in [
            (
                "Minister Ilse Varga said on Thursday that the border crossing would reopen.",
                "that the border crossing would reopen.",
            ),
            (
                "The toll bridge will stay shut, the ministry said late Monday evening.",
                "The toll bridge will stay shut, , .",
            ),
            (
                "Minister Ilse Varga said last week that the quota stands.",
                "that the quota stands.",
            ),
            // A day that is no time phrase of the frame stays.
            (
                "Minister Ilse Varga said Tuesday's vote was a turning point.",
                "Tuesday's vote was a turning point.",
            ),
            (
                "Minister Ilse Varga said on the whole the talks had gone well.",
                "on the whole the talks had gone well.",
            ),
        ] {
            assert_eq!(said(text).1, content, "{text}");
        }
    }

    #[test]
    fn time_phrases_are_measured_in_bytes_with_their_space() {
        assert_eq!(time_phrase_len(" on Thursday that"), 12);
        assert_eq!(time_phrase_len(" Sunday, without"), 7);
        assert_eq!(time_phrase_len(" late Monday evening."), 20);
        assert_eq!(time_phrase_len(" last week that"), 10);
        assert_eq!(time_phrase_len(" on the record"), 0);
        assert_eq!(time_phrase_len(" last resort"), 0);
        assert_eq!(time_phrase_len(""), 0);
        assert_eq!(time_phrase_len(" mañana"), 0);
    }

    #[test]
    fn article_statements_and_rows_agree() {
        let article =
            "Background first.\nFinland’s Alexander Stubb said Putin is “rarely to be trusted”.";
        let statements = extract(article);
        let s = statements.last().unwrap();
        let from_article = Said::of_statement(article, s);
        let from_row = Said::of_text(&article[s.start..s.end]);
        assert_eq!(from_article, from_row);
        assert_eq!(from_article.verb.as_deref(), Some("said"));
        assert_eq!(from_article.content, "Putin is “rarely to be trusted”.");
    }

    #[test]
    fn direct_quotes_keep_their_content_and_take_the_verb() {
        let article = "“We will answer with force,” the general warned.";
        let s = &extract(article)[0];
        let said = Said::of_statement(article, s);
        assert_eq!(said.content, "We will answer with force");
        assert_eq!(said.render(), "[warned] We will answer with force");
    }
}
