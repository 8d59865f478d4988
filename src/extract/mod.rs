//! Article -> statements: every statement in a news article, with its speaker.
//!
//! The steps run in order, each in its own file, each passing plain types
//! with byte spans into the article (spans are never changed by later steps):
//!
//! 1. `paragraphs`: lines, the headline, datelines left out;
//! 2. `quotes`: the top-level quotations of each paragraph, closed at the
//!    paragraph end when unbalanced;
//! 3. `sentences`: sentences given the quotes, surviving abbreviations,
//!    initials, numbers and quotes with full stops;
//! 4. `attribution`: which sentences and quotes are
//!    statements, and the phrase that names each speaker;
//! 5. `coref`: one canonical speaker per person or body,
//!    through surnames, titles and pronouns;
//! 6. `statements`: the final, sorted, non-overlapping
//!    [`Statement`]s.
//!
//! Word lists (reporting verbs, titles, outlets, ...) are data in `lexicon.rs`.
//!
//! ```
//! use stance::extract::{extract, StatementKind};
//!
//! let article = "Foreign Minister Anna Kovač said any meeting must be prepared step by step.\n\
//!                “We are ready,” Kovač said, “but not at any price.”";
//! let statements = extract(article);
//! assert_eq!(statements.len(), 2);
//! assert_eq!(statements[0].kind, StatementKind::Indirect);
//! assert_eq!(statements[1].speaker.as_deref(), Some("Anna Kovač"));
//! assert!(article[statements[1].start..statements[1].end].starts_with("We are ready"));
//! ```

mod attribution;
mod bytes;
mod coref;
pub mod gold;
pub(crate) mod lexicon;
mod paragraphs;
mod quotes;
mod sentences;
mod statements;
mod tokens;

use serde::Serialize;

use paragraphs::First;

/// One statement found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// UTF-8 byte offset into the article where the statement starts.
    pub start: usize,
    /// Byte offset just past the statement: `article[start..end]` is its text.
    pub end: usize,
    /// Canonical speaker name, `None` when no speaker could be found.
    pub speaker: Option<String>,
    /// How the statement is reported.
    pub kind: StatementKind,
    /// The phrase naming the speaker in this statement's sentence ("Foreign
    /// Minister Sergei Lavrov", "he"), when it has one. For indirect and
    /// reported statements it lies inside the statement's span.
    pub speaker_span: Option<Span>,
    /// The reporting verb ("said", "played down", "according to"), when the
    /// statement has one.
    pub verb: Option<Span>,
}

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// A direct quotation; the span is the quoted content.
    Direct,
    /// Indirect speech ("X said that ..."); the span is the sentence.
    Indirect,
    /// A reported speech act ("X dismissed the offer as ..."); the span is the sentence.
    Reported,
    /// The headline, when it reports what someone said ("India slams US over
    /// oil tariff"); the span is the headline. From [`extract_titled`], the
    /// span indexes the title, not the text.
    Headline,
}

impl StatementKind {
    /// The kind as written in outputs: `direct`, `indirect`, `reported` or `headline`.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Reported => "reported",
            StatementKind::Headline => "headline",
        }
    }
}

/// A byte range `start..end` into the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The range `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// True when the range holds no byte.
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The span shrunk to exclude surrounding whitespace.
    pub fn trim(self, text: &str) -> Span {
        if self.is_empty() {
            return Span::new(self.start, self.start);
        }
        let inner = &text[self.start..self.end];
        let start = self.start + (inner.len() - inner.trim_start().len());
        let end = start + inner.trim().len();
        Span { start, end }
    }
}

/// The sentences and headings of `article`, in order, as extraction splits
/// them (paragraphs, abbreviations, quotes holding several sentences).
pub fn sentence_spans(article: &str) -> Vec<Span> {
    let paragraphs = paragraphs::split(article, First::Detect);
    let quotes = quotes::find(article, &paragraphs);
    sentences::split(article, &paragraphs, &quotes)
        .into_iter()
        .map(|s| s.span)
        .collect()
}

/// Finds every statement in `article`, in order of appearance.
///
/// The first line is the headline when a blank line follows it and it reads
/// like one (short, no final full stop); it is a statement when it reports
/// what someone said.
///
/// Never panics; runs in roughly linear time in the article length.
pub fn extract(article: &str) -> Vec<Statement> {
    run(article, First::Detect)
}

/// Finds every statement of an article whose headline comes apart from its
/// text, as a collection's `title` field does.
///
/// A statement of kind [`StatementKind::Headline`] indexes `title`
/// (`title[start..end]`, and its `speaker_span` and `verb` too); every other
/// statement indexes `text`. The title is always read as the headline, and
/// the text's own first line never is. Speakers are resolved across both: a
/// headline's speaker is that of the statement in the text it sums up, except
/// that a place the headline names by itself stays the speaker (the body's
/// ministry or minister of it does not replace it).
///
/// ```
/// use stance::extract::{extract_titled, StatementKind};
///
/// let title = "Ostland rejects summit call";
/// let text = "The Ostland foreign ministry dismissed the proposal as “theatre for the cameras.”";
/// let statements = extract_titled(title, text);
/// assert_eq!(statements[0].kind, StatementKind::Headline);
/// assert_eq!(&title[statements[0].start..statements[0].end], title);
/// assert_eq!(statements[0].speaker.as_deref(), Some("Ostland"));
/// assert!(text[statements[1].start..statements[1].end].contains("theatre"));
/// ```
pub fn extract_titled(title: &str, text: &str) -> Vec<Statement> {
    if title.trim().is_empty() {
        return extract(text);
    }
    // One article, "title\n\ntext". The title's line breaks become as many
    // spaces as they have bytes, so offsets into the title stay valid.
    let mut joined = String::with_capacity(title.len() + 2 + text.len());
    for c in title.chars() {
        if paragraphs::is_line_break(c) {
            joined.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            joined.push(c);
        }
    }
    joined.push_str("\n\n");
    let shift = joined.len();
    joined.push_str(text);
    let back = |span: Span| Span::new(span.start - shift, span.end - shift);
    run(&joined, First::Headline)
        .into_iter()
        .filter_map(|mut s| {
            if s.kind == StatementKind::Headline {
                return (s.end <= title.len()).then_some(s);
            }
            if s.start < shift {
                return None;
            }
            (s.start, s.end) = (s.start - shift, s.end - shift);
            s.speaker_span = s.speaker_span.filter(|w| w.start >= shift).map(back);
            s.verb = s.verb.filter(|v| v.start >= shift).map(back);
            Some(s)
        })
        .collect()
}

/// The pipeline: paragraphs, quotes, sentences, attribution, coreference,
/// statements.
fn run(article: &str, first: First) -> Vec<Statement> {
    let paragraphs = paragraphs::split(article, first);
    let quotes = quotes::find(article, &paragraphs);
    let sentences = sentences::split(article, &paragraphs, &quotes);
    let attribution = attribution::attribute(article, &sentences, &quotes);
    let speakers = coref::resolve(article, &attribution);
    statements::build(article, &attribution, &speakers)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds the statement whose text contains `text` and checks its speaker and kind.
    fn assert_statement(
        statements: &[Statement],
        article: &str,
        text: &str,
        speaker: Option<&str>,
        kind: StatementKind,
    ) {
        let found = statements
            .iter()
            .find(|s| article[s.start..s.end].contains(text))
            .unwrap_or_else(|| panic!("no statement contains {text:?} in {statements:#?}"));
        assert_eq!(found.speaker.as_deref(), speaker, "speaker of {text:?}");
        assert_eq!(found.kind, kind, "kind of {text:?}");
    }

    fn assert_no_statement(statements: &[Statement], article: &str, text: &str) {
        let found = statements
            .iter()
            .find(|s| article[s.start..s.end].contains(text));
        assert!(
            found.is_none(),
            "unexpected statement containing {text:?}: {found:?}"
        );
    }

    use StatementKind::{Direct, Headline, Indirect, Reported};

    #[test]
    fn a_whole_article() {
        let article = "Ostland Rejects Summit Call\n\n\
The Ostland foreign ministry dismissed the proposal as “theatre for the cameras.” It said any talks would have to begin at expert level.\n\
Foreign Minister Željko Marić said his country was “not in a hurry.” “We have waited ten years,” Marić told reporters in Vell. “We can wait another month.”\n\
Mediator Steps In\n\
Anaïs Lefèvre, the U.N. mediator, said both sides had “more in common than they admit.”\n\
\"I will not give up,\" she said, \"and neither should they.\"\n\
\"Every war ends at a table.\"\n\
Details of the plan remain unclear. The last round was held in 2019.\n\
He would attend “if invited,” according to the Daily Courier.\n\
The Courier notes that the two sides last met in Geneva.";
        let statements = extract(article);
        let cases: &[(&str, Option<&str>, StatementKind)] = &[
            // the headline's place speaks, not the ministry of it the lead quotes
            ("Ostland Rejects Summit Call", Some("Ostland"), Headline),
            (
                "theatre for the cameras",
                Some("the Ostland foreign ministry"),
                Reported,
            ),
            (
                "begin at expert level",
                Some("the Ostland foreign ministry"),
                Indirect,
            ),
            ("not in a hurry", Some("Željko Marić"), Indirect),
            ("We have waited ten years", Some("Željko Marić"), Direct),
            ("another month", Some("Željko Marić"), Direct),
            ("more in common", Some("Anaïs Lefèvre"), Indirect),
            ("neither should they", Some("Anaïs Lefèvre"), Direct),
            ("Every war ends", Some("Anaïs Lefèvre"), Direct),
            ("if invited", Some("Željko Marić"), Indirect),
        ];
        for &(text, speaker, kind) in cases {
            assert_statement(&statements, article, text, speaker, kind);
        }
        for text in ["Mediator Steps", "Details of", "in 2019", "last met"] {
            assert_no_statement(&statements, article, text);
        }
        assert_eq!(statements.len(), 10, "{statements:#?}");
        // Narration between two quotes is in neither.
        assert_no_statement(&statements, article, "told reporters");
    }

    #[test]
    fn headlines_report_speech_and_datelines_are_furniture() {
        let article = "Vellmark says it is ‘not interested’ in talks\n\n\
BRENSK, Vellmark (AFP) — Vellmark said on Friday it would not join the talks.\n\
“Not now,” Foreign Minister Ilse Kaarma told reporters.";
        let statements = extract(article);
        assert_statement(
            &statements,
            article,
            "not interested",
            Some("Vellmark"),
            Headline,
        );
        assert_statement(
            &statements,
            article,
            "would not join",
            Some("Vellmark"),
            Indirect,
        );
        assert_no_statement(&statements, article, "BRENSK");
        assert_no_statement(&statements, article, "AFP");
        assert_eq!(statements.len(), 3, "{statements:#?}");
        // A headline that reports no speech is no statement.
        assert_eq!(
            extract("Storm closes the harbour\n\nThe port was shut.").len(),
            0
        );
    }

    #[test]
    fn a_headline_agreement_is_the_parties_statement() {
        let body = "\n\nThe ministers met in Orsk on Monday. Trucks have waited for a week.";
        for (headline, speaker) in [
            (
                "Ostland, Vellmark agree to reopen the border crossing",
                "Vellmark",
            ),
            ("Harbour Unions Agree to Resume Pay Talks", "Harbour Unions"),
            (
                "Ferry operators agree on winter timetable",
                "Ferry operators",
            ),
        ] {
            let article = format!("{headline}{body}");
            let statements = extract(&article);
            assert_eq!(statements.len(), 1, "{headline}: {statements:#?}");
            assert_eq!(&article[statements[0].start..statements[0].end], headline);
            assert_eq!(statements[0].kind, Headline);
            let got = statements[0].speaker.as_deref().unwrap_or_default();
            assert!(got.contains(speaker), "{headline}: {got:?}");
        }
        // In the text, "agreed to" is an act told, not a statement.
        let article = "Talks end\n\nThe two sides agreed to a ceasefire, but it collapsed.";
        assert_eq!(extract(article).len(), 0);
        // Nor is an agreement in a headline without "to" or "on".
        assert_eq!(
            extract("Ferry operators agree\n\nThe port was shut.").len(),
            0
        );
    }

    #[test]
    fn a_headline_may_set_its_speaker_apart_with_a_colon_or_a_dash() {
        let body = "\n\nTrade Minister Ilse Kaarma said on Monday the duties would stay.";
        for headline in [
            "Trade Minister Kaarma: duties on Vellmark steel will stay",
            "Duties on Vellmark steel will stay – trade minister",
            "Duties on Vellmark steel will stay: Trade Ministry",
            "Duties on Vellmark steel will stay - Kaarma",
            "Kaarma to Vellmark: duties on your steel will stay",
            "Trade Ministry to the Vellish mills: the duties stay",
        ] {
            let article = format!("{headline}{body}");
            let statements = extract(&article);
            assert_eq!(statements.len(), 2, "{headline}: {statements:#?}");
            assert_eq!(statements[0].kind, Headline, "{headline}");
            assert_eq!(&article[statements[0].start..statements[0].end], headline);
        }
        // a hyphen inside a word, or a topic before "to", sets no speaker apart
        for headline in [
            "Vellmark-Ostland duties will stay for now",
            "Road to Brensk: a journey through the steel towns",
        ] {
            let article = format!("{headline}{body}");
            assert!(
                extract(&article).iter().all(|s| s.kind != Headline),
                "{headline}"
            );
        }
        let article =
            "Duties on Vellmark steel will stay, Western powers warn\n\nThe envoys met on Monday.";
        let statements = extract(article);
        assert_statement(
            &statements,
            article,
            "Duties on Vellmark steel",
            Some("Western powers"),
            Headline,
        );
        // a topic before the colon is no speaker
        for headline in [
            "Brensk Election: Kaarma wins a second term",
            "Steel duties: what happens next",
        ] {
            let article = format!("{headline}{body}");
            let statements = extract(&article);
            assert_eq!(statements.len(), 1, "{headline}: {statements:#?}");
        }
    }

    /// The texts of an article's headline statements.
    fn headlines_of<'a>(article: &'a str, statements: &[Statement]) -> Vec<&'a str> {
        statements
            .iter()
            .filter(|s| s.kind == Headline)
            .map(|s| &article[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_headline_of_two_speakers_is_two_headline_statements() {
        let body = "\n\nThe Brensk foreign ministry said on Monday the fishing ban would stay. \
                    Officials in Vellmark said its boats had broken no rule.";
        for (headline, first, second) in [
            (
                "Brensk condemns Vellish trawler raid; Vellmark denies any breach",
                "Brensk condemns Vellish trawler raid",
                "Vellmark denies any breach",
            ),
            (
                "Brensk warns it will seize trawlers, Vellmark offers joint patrols",
                "Brensk warns it will seize trawlers",
                "Vellmark offers joint patrols",
            ),
        ] {
            let article = format!("{headline}{body}");
            let statements = extract(&article);
            assert_eq!(
                headlines_of(&article, &statements),
                [first, second],
                "{headline}: {statements:#?}"
            );
            assert_statement(&statements, &article, second, Some("Vellmark"), Headline);
        }
        // a comma that goes on with the first speaker's words, a half that
        // reports no speech, or one that only names who says the other
        // splits nothing
        for headline in [
            "Brensk rejects the quota, calls for new talks",
            "Fishing season opens late; Brensk warns of a longer ban",
            "Brensk Will Keep The Ban, Minister Says",
        ] {
            let article = format!("{headline}{body}");
            let statements = extract(&article);
            assert_eq!(
                headlines_of(&article, &statements),
                [headline],
                "{headline}: {statements:#?}"
            );
        }
    }

    #[test]
    fn a_title_apart_from_the_text_is_the_headline_with_its_own_offsets() {
        let title = "Harbour union\ncalls pay offer ‘an insult’";
        let text = "Harbour union calls offer\n\nThe dockers’ union, Portlabor, rejected the offer on Monday.";
        let statements = extract_titled(title, text);
        assert_eq!(statements.len(), 2, "{statements:#?}");
        let headline = &statements[0];
        assert_eq!(headline.kind, Headline);
        assert_eq!(&title[headline.start..headline.end], title);
        let verb = headline.verb.unwrap();
        assert_eq!(&title[verb.start..verb.end], "calls");
        assert_eq!(headline.speaker.as_deref(), Some("Portlabor"));
        // The text's own first line is not a headline; the rest indexes the text.
        let body = &statements[1];
        assert!(text[body.start..body.end].starts_with("The dockers’ union"));
        let who = body.speaker_span.unwrap();
        assert_eq!(&text[who.start..who.end], "Portlabor");
        assert_eq!(extract_titled("  ", text), extract(text));
    }

    #[test]
    fn split_quote_is_one_statement_without_outer_marks() {
        let article = "“We are ready,” he said, “but not at any price.”";
        let statements = extract(article);
        assert_eq!(statements.len(), 1);
        let text = &article[statements[0].start..statements[0].end];
        assert!(text.starts_with("We are ready"), "{text}");
        assert!(text.ends_with("any price."), "{text}");
    }

    #[test]
    fn a_participle_after_a_split_quote_s_attribution_starts_the_next_statement() {
        let article = "Lena Varga spoke after the vote.\n\
“The move breaks every rule of the accord,” Varga said, urging Vellmark to “stop at once.”\n\
“Threats help nobody,” she said, adding, “We have worked hard for this accord.”";
        let statements = extract(article);
        assert_statement(
            &statements,
            article,
            "breaks every rule",
            Some("Lena Varga"),
            Direct,
        );
        assert_statement(
            &statements,
            article,
            "urging Vellmark to “stop at once",
            Some("Lena Varga"),
            Reported,
        );
        assert_statement(
            &statements,
            article,
            "Threats help nobody",
            Some("Lena Varga"),
            Direct,
        );
        assert_statement(
            &statements,
            article,
            "We have worked hard",
            Some("Lena Varga"),
            Indirect,
        );
        // The attribution between is narration.
        assert_no_statement(&statements, article, "Varga said");
        assert_no_statement(&statements, article, "she said");
        // Without a participle, a split quote stays one statement.
        let article = "“We are ready,” she said, “but not at any price.”";
        assert_eq!(extract(article).len(), 1);
    }

    #[test]
    fn he_after_a_quote_cited_as_someone_s_is_the_one_who_cited_it() {
        let article = "Ostland’s Trade Minister Ada Lenz spoke in Brensk on Monday.\n\n\
“The border stays shut,” Interior Minister Ivo Brandt cited President Tomas Roux as saying.\n\n\
He told reporters the trucks had been turned back.";
        let statements = extract(article);
        assert_statement(
            &statements,
            article,
            "border stays shut",
            Some("Tomas Roux"),
            Direct,
        );
        assert_statement(
            &statements,
            article,
            "trucks had been turned back",
            Some("Ivo Brandt"),
            Indirect,
        );
    }

    #[test]
    fn serialises_kind_in_lowercase() {
        let statement = Statement {
            start: 0,
            end: 1,
            speaker: None,
            kind: Reported,
            speaker_span: None,
            verb: None,
        };
        let debug = format!("{statement:?}");
        assert!(debug.contains("Reported"));
        // serde derive is exercised by the main crate's JSON output.
        fn is_serialize<T: Serialize>(_: &T) {}
        is_serialize(&statement);
    }

    /// A tiny deterministic generator (xorshift), so the robustness test needs
    /// no extra dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        ".",
        ",",
        ":",
        ";",
        "!",
        "?",
        "…",
        "...",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "U.S.",
        "Mr.",
        "Gen.",
        "Jan.",
        "J.",
        "3.5",
        "said",
        "says",
        "told",
        "according to",
        "he",
        "He",
        "she",
        "They",
        "It",
        "the",
        "The Kremlin",
        "Anna",
        "Kovač",
        "Željko",
        "Ngô Bảo",
        "Łucja Wróbel",
        "Anaïs",
        "minister",
        "the minister",
        "ministry",
        "BBC",
        "Reuters",
        "called",
        "dismissed",
        "as",
        "played down",
        "ruled out",
        "’s",
        "'s",
        "’90s",
        "don’t",
        "😀",
        "👨\u{200d}👩\u{200d}👧",
        "🇺🇦",
        "e\u{301}",
        "قال",
        "الوزير",
        "אמר",
        "中文",
        "—",
        "-",
        "(",
        ")",
        "ـ",
        "\u{200f}",
        "\u{2029}",
        "\t",
        "x",
        "We",
        "are",
        "ready",
        "Foreign Minister",
        "Marić",
        "that",
    ];

    fn random_text(rng: &mut Rng) -> String {
        let len = rng.below(60);
        (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
    }

    fn check_invariants(article: &str) {
        let statements = extract(article);
        let mut last_end = 0;
        for s in &statements {
            assert!(s.start < s.end, "empty span {s:?} in {article:?}");
            assert!(s.end <= article.len(), "span past end {s:?} in {article:?}");
            assert!(article.is_char_boundary(s.start) && article.is_char_boundary(s.end));
            assert!(
                s.start >= last_end,
                "overlap or disorder at {s:?} in {article:?}"
            );
            let text = &article[s.start..s.end];
            assert_eq!(text, text.trim(), "untrimmed {s:?} in {article:?}");
            last_end = s.end;
        }
    }

    #[test]
    fn random_and_adversarial_text_keeps_the_invariants() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..4000 {
            check_invariants(&random_text(&mut rng));
        }
        let long_line: String = (0..3000).map(|i| PIECES[i % PIECES.len()]).collect();
        check_invariants(&long_line);
        check_invariants(&"\"".repeat(5000));
        check_invariants(&"“".repeat(3000));
        check_invariants(&"’".repeat(3000));
        check_invariants(&"word ".repeat(20_000));
        check_invariants(&"He said. ".repeat(5000));
        check_invariants(&"Anna Kovač said: “Yes. ".repeat(2000));
        check_invariants(&"🙂".repeat(2000));
        check_invariants(&"قال الوزير إن المحادثات ستستمر. ".repeat(500));
        check_invariants("");
        check_invariants("\n\n\n");
    }
}
