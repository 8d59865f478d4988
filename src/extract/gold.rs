//! Measuring extraction against gold annotations: for each article
//! `NAME.txt`, a `NAME.gold.jsonl` lists its statements in order, one JSON
//! object per line: `{"speaker": ..., "quote": ..., "label": ...}`, where
//! `quote` is a verbatim piece of the statement's content.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::Statement;
use crate::error::{Error, Result};

/// One annotated statement.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldStatement {
    /// Canonical speaker.
    pub speaker: String,
    /// A verbatim piece of the statement (3-12 words).
    pub quote: String,
    /// Stance label.
    pub label: String,
    /// How it is reported (`direct`, `indirect`, `reported`, `headline`), when annotated.
    #[serde(default)]
    pub kind: Option<String>,
}

/// How extraction did on one or more annotated articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoldScore {
    /// Annotated statements.
    pub gold: usize,
    /// Annotated statements whose quote lies inside an extracted statement.
    pub found: usize,
    /// Found statements whose extracted speaker names the annotated one
    /// ([`same_speaker`]).
    pub right_speaker: usize,
    /// Statements extracted.
    pub extracted: usize,
    /// Extracted statements that contain no annotated quote.
    pub unmatched: usize,
    /// Annotated statements found inside an extracted statement that also
    /// holds an earlier annotated statement: two statements read as one.
    pub merged: usize,
}

impl GoldScore {
    /// found / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// right_speaker / found.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.right_speaker, self.found)
    }

    /// Adds another article's counts.
    pub fn add(&mut self, other: GoldScore) {
        self.gold += other.gold;
        self.found += other.found;
        self.right_speaker += other.right_speaker;
        self.extracted += other.extracted;
        self.unmatched += other.unmatched;
        self.merged += other.merged;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Reads a `.gold.jsonl` file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldStatement>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let mut gold: GoldStatement = serde_json::from_str(l)
                .map_err(|e| Error::parse(path, n as u64 + 1, format!("bad gold line: {e}")))?;
            gold.quote = trim_quote_marks(&gold.quote).to_owned();
            Ok(gold)
        })
        .collect()
}

/// The annotated quote without quote marks or spaces at its ends: annotators
/// often copy a direct quote with its opening mark, while an extracted
/// statement's span holds only what is inside the marks.
fn trim_quote_marks(quote: &str) -> &str {
    const MARKS: &[char] = &[
        ' ', '\t', '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}',
        '\u{201e}', '\u{2039}', '\u{203a}',
    ];
    quote.trim_matches(MARKS)
}

/// A speaker name as compared with the annotation: lowercase, one kind of
/// apostrophe, single spaces, no leading article or count ("the Kremlin" =
/// "Kremlin", "a senior diplomat" = "senior diplomat", "two EU diplomats" =
/// "EU diplomats", "a group of monitors" = "monitors"): annotators differ
/// on those, and they name no one.
pub fn speaker_key(name: &str) -> String {
    const LEADING: &[&str] = &[
        "the", "a", "an", "another", "one", "two", "three", "four", "five", "several", "some",
        "many",
    ];
    let lower = name.to_lowercase().replace(['\u{2019}', '`'], "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut skip = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| LEADING.contains(w))
        .count();
    // "a group of Kestland's election monitors": a count in words.
    if words.len() > skip + 2 && words[skip] == "group" && words[skip + 1] == "of" {
        skip += 2;
    }
    words[skip..].join(" ")
}

/// Whether an extracted speaker names the same speaker as an annotated one.
///
/// Annotators write speakers at different lengths ("Foreign Minister Ilse
/// Varga", "Yuri Danilov, adviser to President Arkady Volkov", "the Kestland
/// defence ministry"), so besides equal [`speaker_key`]s (possessive `'s`
/// and parentheses aside) a speaker matches when its words run whole and in
/// order inside the other's head: one comma-separated part, cut before its
/// first preposition ("adviser to President X" names the adviser, never X),
/// and the shorter side is two words or more with a capitalised word that is
/// not a title ("Ilse Varga" matches; a bare surname, "spokesman" or "union"
/// never does).
pub fn same_speaker(extracted: &str, annotated: &str) -> bool {
    let (a, b) = (loose_key(extracted), loose_key(annotated));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b
        || names_inside(extracted, annotated)
        || names_inside(annotated, extracted)
        || titled_surname(extracted, annotated)
        || titled_surname(annotated, extracted)
        || acronym_with_nouns(extracted, annotated)
        || acronym_with_nouns(annotated, extracted)
        || spelled_out(extracted, annotated)
        || middle_names(extracted, annotated)
        || middle_names(annotated, extracted)
        || owner_as_adjective(extracted, annotated)
        || owner_as_adjective(annotated, extracted)
        || same_members(extracted, annotated)
        || named_in_parentheses(extracted, annotated)
        || named_in_parentheses(annotated, extracted)
        || described_after_comma(extracted, annotated)
        || described_after_comma(annotated, extracted)
}

/// "Naftogaz" and "Naftogaz, Ukraine's state energy company": the name
/// itself with a description after a comma (one that opens with a
/// lowercase word or a possessive, so not the next item of a list:
/// "Kestria, Vellmark and Ostland").
fn described_after_comma(short: &str, long: &str) -> bool {
    let Some((name, description)) = long.split_once(',') else {
        return false;
    };
    let opens_description = description.split_whitespace().next().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
    });
    let key = loose_key(short);
    opens_description && !key.is_empty() && key == loose_key(name)
}

/// "Burkina Faso and Mali" and "Mali, Burkina Faso": one group, its
/// members listed in another order.
fn same_members(a: &str, b: &str) -> bool {
    let members = |name: &str| {
        let key = loose_key(name).replace(" & ", ", ");
        let mut list: Vec<String> = key
            .split(',')
            .flat_map(|part| part.split(" and "))
            .map(|m| speaker_key(m.trim()))
            .filter(|m| !m.is_empty())
            .collect();
        list.sort();
        list
    };
    let a = members(a);
    a.len() >= 2 && a == members(b)
}

/// "the CNE" and "Venezuela's National Election Council (CNE)": the short
/// name the annotation itself gives in parentheses.
fn named_in_parentheses(short: &str, long: &str) -> bool {
    let Some(inner) = long
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    !inner.trim().is_empty() && speaker_key(inner) == loose_key(short)
}

/// "Badr al-Busaidi" and "Badr bin Hamad al-Busaidi": one person by a given
/// and a family name, and by the same two with middle names between them.
/// The shorter name opens with a capitalised word that is no title, and the
/// longer one adds no preposition ("Ines of Valo" is not "Ines Valo").
fn middle_names(short: &str, long: &str) -> bool {
    let (s, l) = (loose_key(short), loose_key(long));
    let (s, l): (Vec<&str>, Vec<&str>) = (s.split(' ').collect(), l.split(' ').collect());
    let opens_with_name = short
        .split_whitespace()
        .find(|w| !["the", "The"].contains(w))
        .is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !TITLES.contains(&w.to_lowercase().as_str())
        });
    const PREPOSITIONS: &[&str] = &["of", "to", "for", "at", "from", "with", "in", "on", "and"];
    if !opens_with_name || s.len() < 2 || l.len() <= s.len() {
        return false;
    }
    if s.first() != l.first() || s.last() != l.last() {
        return false;
    }
    let inner = &l[1..l.len() - 1];
    if inner
        .iter()
        .any(|w| PREPOSITIONS.contains(w) || TITLES.contains(w))
    {
        return false;
    }
    // The short name's inner words, in order, among the long one's.
    let mut rest = inner.iter();
    s[1..s.len() - 1].iter().all(|w| rest.any(|x| x == w))
}

/// "China's Commerce Ministry" and "the Chinese Commerce Ministry": an
/// owner written with a possessive in one name and as its people's
/// adjective in the other, the names otherwise the same.
fn owner_as_adjective(possessive: &str, adjective: &str) -> bool {
    let other: Vec<String> = loose_key(adjective).split(' ').map(String::from).collect();
    let lower = possessive.to_lowercase().replace('\u{2019}', "'");
    let mut changed = false;
    let folded: Vec<String> = lower
        .split_whitespace()
        .map(|w| match w.strip_suffix("'s") {
            Some(owner) if !changed => {
                match other
                    .iter()
                    .find(|a| super::coref::owners::demonym_of(owner, a))
                {
                    Some(a) => {
                        changed = true;
                        a.clone()
                    }
                    None => w.to_string(),
                }
            }
            _ => w.to_string(),
        })
        .collect();
    changed && loose_key(&folded.join(" ")) == loose_key(adjective)
}

/// Title words a name may carry or drop ("President", "Mr").
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "general",
    "chancellor",
    "king",
    "queen",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "senator",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "the",
    "a",
    "an",
    "one",
    "two",
];

/// "Trump" and "President Trump": a lone surname and an annotation that is
/// that surname behind titles only, so no other name (a first name would
/// tell which of two people it is: "Varga" never matches "Ilse Varga").
fn titled_surname(short: &str, long: &str) -> bool {
    let short = loose_key(short);
    if short.contains(' ') {
        return false;
    }
    let key = loose_key(long);
    // An organisation's or a country's letters ("UK Ambassador Dame
    // Woodward") name no one either.
    let letters: Vec<String> = long
        .split_whitespace()
        .filter(|w| is_acronym(w))
        .map(loose_key)
        .collect();
    let rest: Vec<&str> = key
        .split(' ')
        .filter(|w| !TITLES.contains(w) && !letters.iter().any(|l| l == w))
        .collect();
    key.contains(' ') && rest == [short.as_str()]
}

/// An acronym: two or more capitals or digits, the first a capital ("RMT",
/// "M23", "EU"; not "I" or "7A").
fn is_acronym(word: &str) -> bool {
    let word = word.trim_end_matches("'s").trim_end_matches('\u{2019}');
    word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// "RMT" and "the RMT rail union", "the M23" and "the M23 rebel group": a
/// body named by its acronym alone and the same acronym with common nouns
/// (lowercase words) only, never another name ("US" is not "US State
/// Department").
fn acronym_with_nouns(short: &str, long: &str) -> bool {
    let words: Vec<&str> = short
        .split_whitespace()
        .filter(|w| !TITLES.contains(&w.to_lowercase().as_str()))
        .collect();
    let [acronym] = words.as_slice() else {
        return false;
    };
    if !is_acronym(acronym) {
        return false;
    }
    const BODY_NOUNS: &[&str] = &[
        "union",
        "group",
        "party",
        "movement",
        "alliance",
        "coalition",
        "militia",
        "organisation",
        "organization",
        "agency",
        "bloc",
        "federation",
    ];
    if !long
        .split_whitespace()
        .last()
        .is_some_and(|w| BODY_NOUNS.contains(&w))
    {
        return false;
    }
    let mut seen = false;
    for w in long.split_whitespace() {
        if w == *acronym {
            seen = true;
        } else if w.chars().next().is_some_and(|c| !c.is_lowercase()) && w != "The" {
            return false;
        }
    }
    seen
}

/// "the EU" and "the European Union", "MEA spokesperson Ines Valo" and
/// "Ministry of External Affairs spokesperson Ines Valo": an acronym in one
/// name spelled out in the other, by the initials of capitalised words
/// ("of", "and", "for" between them skipped). The spelled-out words are
/// replaced by the acronym and the two names compared again.
fn spelled_out(a: &str, b: &str) -> bool {
    let fold = |name: &str, other: &str| -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        for acronym in other.split_whitespace().filter(|w| is_acronym(w)) {
            let acronym = acronym.trim_end_matches("'s").trim_end_matches('\u{2019}');
            for start in 0..words.len() {
                if let Some(end) = spells(&words[start..], acronym) {
                    let mut folded: Vec<&str> = words[..start].to_vec();
                    folded.push(acronym);
                    folded.extend(&words[start + end..]);
                    return Some(folded.join(" "));
                }
            }
        }
        None
    };
    let same = |x: &str, y: &str| {
        let (kx, ky) = (loose_key(x), loose_key(y));
        kx == ky || names_inside(x, y) || names_inside(y, x)
    };
    fold(a, b).is_some_and(|f| same(&f, b)) || fold(b, a).is_some_and(|f| same(a, &f))
}

/// How many of `words` spell `acronym` by their capital initials, starting
/// with a capitalised word and skipping "of", "and", "for" inside.
fn spells(words: &[&str], acronym: &str) -> Option<usize> {
    let mut letters = acronym.chars().peekable();
    let mut used = 0;
    for (i, w) in words.iter().enumerate() {
        let Some(&want) = letters.peek() else {
            break;
        };
        let first = w.chars().next()?;
        if first.is_uppercase() && w.len() > 1 && !is_acronym(w) {
            if first != want {
                return None;
            }
            letters.next();
            used = i + 1;
        } else if i > 0 && ["of", "and", "for", "&"].contains(w) {
            // "Economic Community of West African States" = "ECOWAS": a
            // small word gives its letter when the next word cannot.
            let next_gives = words
                .get(i + 1)
                .and_then(|n| n.chars().next())
                .is_some_and(|c| c == want);
            if w.starts_with(want.to_ascii_lowercase()) && !next_gives {
                letters.next();
            }
            continue;
        } else {
            return None;
        }
    }
    (letters.peek().is_none() && used >= 2).then_some(used)
}

/// `speaker_key` without possessive `'s` and parenthesised parts.
fn loose_key(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    speaker_key(&plain)
        .split(' ')
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `short` holds a proper name and lies, word for word, inside one
/// head of `long` (see [`same_speaker`]).
fn names_inside(short: &str, long: &str) -> bool {
    const CUT: &[&str] = &["of", "to", "for", "at", "from", "with", "in", "on"];
    let named = short.split_whitespace().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !TITLES.contains(&w.to_lowercase().as_str())
    });
    if !named {
        return false;
    }
    let needle = loose_key(short);
    let needle: Vec<&str> = needle.split(' ').collect();
    if needle.len() < 2 {
        return false;
    }
    long.split(',').any(|part| {
        let key = loose_key(part);
        let words: Vec<&str> = key.split(' ').collect();
        let head = words
            .iter()
            .position(|w| CUT.contains(w))
            .map_or(&words[..], |i| &words[..i]);
        // "Commissioner for trade Ines Valo": a title's department before
        // the name, not a postmodifier naming someone else ("a spokesperson
        // for Ines Valo", "adviser to President Ines Valo").
        // A preposition inside a proper name ("Turkish Republic of
        // Northern Cyprus President Mustafa Akinci") names no one else, so
        // a title may stand right before the name.
        let cut_in_name = part
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .find(|pair| CUT.contains(&pair[1]))
            .is_some_and(|pair| {
                let word = pair[0].to_lowercase();
                pair[0].chars().next().is_some_and(char::is_uppercase)
                    && !TITLES.contains(&word.as_str())
                    && !super::lexicon::is_in(super::lexicon::ROLES, &word)
            });
        let before = words[words.len().saturating_sub(needle.len() + 1)];
        let titled_tail = words.len() > needle.len()
            && words.ends_with(&needle)
            && head.len() < words.len() - needle.len()
            && !CUT.contains(&before)
            && (cut_in_name || !TITLES.contains(&before));
        titled_tail || head.windows(needle.len()).any(|w| w == needle.as_slice())
    })
}

/// For each annotated statement, the index of the extracted statement that
/// contains its quote, if any.
pub fn match_gold(
    article: &str,
    statements: &[Statement],
    gold: &[GoldStatement],
) -> Vec<Option<usize>> {
    // A quote that two statements hold (a headline that repeats the body's
    // words) goes to the first one not yet matched: only a quote that no
    // other statement holds is merged with an earlier one.
    let mut taken = vec![false; statements.len()];
    gold.iter()
        .map(|g| {
            let holds = |s: &Statement| article[s.start..s.end].contains(&g.quote);
            let first = statements.iter().position(holds)?;
            let free = (first..statements.len()).find(|&i| !taken[i] && holds(&statements[i]));
            let i = free.unwrap_or(first);
            taken[i] = true;
            Some(i)
        })
        .collect()
}

/// Scores extracted `statements` of `article` against `gold`.
pub fn score_gold(article: &str, statements: &[Statement], gold: &[GoldStatement]) -> GoldScore {
    let mut score = GoldScore {
        extracted: statements.len(),
        ..GoldScore::default()
    };
    for outcome in outcomes(article, statements, gold) {
        score.count(outcome);
    }
    score.unmatched = statements
        .iter()
        .filter(|s| {
            !gold
                .iter()
                .any(|g| article[s.start..s.end].contains(&g.quote))
        })
        .count();
    score
}

/// What became of one gold statement.
#[derive(Clone, Copy)]
struct Outcome {
    found: bool,
    merged: bool,
    right_speaker: bool,
}

impl GoldScore {
    fn count(&mut self, o: Outcome) {
        self.gold += 1;
        self.found += usize::from(o.found);
        self.merged += usize::from(o.merged);
        self.right_speaker += usize::from(o.right_speaker);
    }
}

/// For each gold statement in order: found, merged into an extracted
/// statement that holds an earlier one, and given the right speaker.
fn outcomes(article: &str, statements: &[Statement], gold: &[GoldStatement]) -> Vec<Outcome> {
    let matched = match_gold(article, statements, gold);
    let mut holds_gold = vec![false; statements.len()];
    gold.iter()
        .zip(&matched)
        .map(|(g, m)| match *m {
            None => Outcome {
                found: false,
                merged: false,
                right_speaker: false,
            },
            Some(i) => Outcome {
                found: true,
                merged: std::mem::replace(&mut holds_gold[i], true),
                right_speaker: statements[i]
                    .speaker
                    .as_deref()
                    .is_some_and(|sp| same_speaker(sp, &g.speaker)),
            },
        })
        .collect()
}

/// The kind a gold statement is counted under when it has none.
pub const UNANNOTATED_KIND: &str = "unannotated";

/// [`score_gold`] split by the annotated `kind` of each gold statement
/// (`direct`, `indirect`, `reported`, `headline`, ..., or
/// [`UNANNOTATED_KIND`]): which kinds of statement extraction misses or
/// attributes wrongly. Only `gold`, `found`, `right_speaker` and `merged` are
/// counted: an extracted statement has no gold kind.
pub fn score_gold_by_kind(
    article: &str,
    statements: &[Statement],
    gold: &[GoldStatement],
) -> BTreeMap<String, GoldScore> {
    let mut by_kind: BTreeMap<String, GoldScore> = BTreeMap::new();
    for (g, outcome) in gold.iter().zip(outcomes(article, statements, gold)) {
        let kind = g.kind.as_deref().unwrap_or(UNANNOTATED_KIND);
        by_kind.entry(kind.to_string()).or_default().count(outcome);
    }
    by_kind
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::StatementKind;

    /// An indirect statement over `start..end` said by `who`.
    fn st(start: usize, end: usize, who: &str) -> Statement {
        Statement {
            start,
            end,
            speaker: Some(who.into()),
            kind: StatementKind::Indirect,
            speaker_span: None,
            verb: None,
        }
    }

    #[test]
    fn a_quote_held_twice_goes_to_the_statement_not_yet_matched() {
        // A headline that repeats the body's words: the body's quote is
        // found in the body's statement, not merged into the headline.
        let article = "Vik calls plan null and void\n\nThe plan is “null and void,” Vik said.";
        let statements = [st(0, 28, "Vik"), st(45, 59, "Vik")];
        let gold = [
            GoldStatement {
                speaker: "Vik".into(),
                quote: "plan null and void".into(),
                label: "h".into(),
                kind: None,
            },
            GoldStatement {
                speaker: "Vik".into(),
                quote: "null and void".into(),
                label: "h".into(),
                kind: None,
            },
        ];
        assert_eq!(
            match_gold(article, &statements, &gold),
            vec![Some(0), Some(1)]
        );
        assert_eq!(score_gold(article, &statements, &gold).merged, 0);
        // Held by one statement only, the second quote is merged.
        let one = [st(0, 28, "Vik")];
        assert_eq!(score_gold(article, &one, &gold).merged, 1);
    }

    #[test]
    fn counts_found_speakers_and_unmatched() {
        let article = "Anna Kovač said we talk. Nobody said anything. Bo Li said no.";
        let statements = [
            st(0, 24, "Anna Kovač"),
            st(25, 46, "Nobody"),
            st(47, 62, "Li"),
        ];
        let gold = [
            GoldStatement {
                speaker: "anna kovač".into(),
                quote: "we talk".into(),
                label: "c".into(),
                kind: None,
            },
            GoldStatement {
                speaker: "Bo Li".into(),
                quote: "said no".into(),
                label: "h".into(),
                kind: None,
            },
            GoldStatement {
                speaker: "X".into(),
                quote: "missing".into(),
                label: "s".into(),
                kind: None,
            },
        ];
        let s = score_gold(article, &statements, &gold);
        assert_eq!(
            (
                s.gold,
                s.found,
                s.right_speaker,
                s.extracted,
                s.unmatched,
                s.merged
            ),
            (3, 2, 1, 3, 1, 0)
        );
        assert!((s.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.speaker_accuracy() - 0.5).abs() < 1e-12);

        // Two annotated statements inside one extracted statement: one merged.
        let both = [st(0, 46, "Anna Kovač")];
        let gold = [
            GoldStatement {
                speaker: "Anna Kovač".into(),
                quote: "we talk".into(),
                label: "c".into(),
                kind: None,
            },
            GoldStatement {
                speaker: "nobody".into(),
                quote: "anything".into(),
                label: "n".into(),
                kind: None,
            },
        ];
        let s = score_gold(article, &both, &gold);
        assert_eq!((s.found, s.merged, s.right_speaker), (2, 1, 1));
    }

    #[test]
    fn speakers_match_across_annotation_lengths_but_not_across_people() {
        let same = [
            ("Ilse Varga", "Foreign Minister Ilse Varga"),
            ("Foreign Minister Ilse Varga", "Ilse Varga"),
            (
                "Yuri Danilov",
                "Yuri Danilov, foreign policy adviser to President Arkady Volkov",
            ),
            (
                "Paolo Entrena",
                "the regional bloc's secretary-general, Paolo Entrena",
            ),
            (
                "Kestland's defence ministry",
                "the Kestland defence ministry",
            ),
            (
                "the General Transport Union",
                "the General Transport Union (GTU)",
            ),
            (
                "One Western diplomat",
                "one Western diplomat based in Aldvik",
            ),
            (
                "Two officials familiar with the plan",
                "two officials familiar with the plan",
            ),
            ("Ines Valo", "Kestland's Commissioner for trade Ines Valo"),
            ("Valo", "President Valo"),
            ("Chancellor Valo", "Valo"),
            ("Valo", "KTU Ambassador Dame Valo"),
            ("the KTU", "the KTU dockers' union"),
            ("the K12 rebel group", "K12"),
            ("European Union", "the EU"),
            ("the Kestland Monetary Fund", "KMF"),
            (
                "Ministry of Harbour Affairs spokesperson Ines Valo",
                "MHA spokesperson Ines Valo",
            ),
            ("Omar bin Khalid al-Rashid", "Omar al-Rashid"),
            ("Omar Khalid al-Rashid", "Omar bin Khalid al-Rashid"),
            ("the Kestrian trade ministry", "Kestria's trade ministry"),
            (
                "Vellmark's Commerce Ministry",
                "the Vellmarkian Commerce Ministry",
            ),
            ("Vellmark and Kestria", "Kestria and Vellmark"),
            (
                "Kestria, Vellmark and Ostland",
                "Ostland, Kestria and Vellmark",
            ),
            ("the KEC", "Kestland's Electoral Commission (KEC)"),
            ("the Economic Community of Coastal States", "ECOCS"),
            ("Ministry of Oil", "MO"),
            (
                "A group of Kestland's election monitors",
                "Kestland's election monitors",
            ),
            ("Tarnogaz", "Tarnogaz, Vell's state gas company"),
            ("Tarnogaz", "Tarnogaz, the state gas company"),
            (
                "Ines Valo",
                "Free Republic of Eastern Vell President Ines Valo",
            ),
        ];
        for (ext, gold) in same {
            assert!(same_speaker(ext, gold), "{ext} / {gold}");
        }
        let different = [
            (
                "Arkady Volkov",
                "Yuri Danilov, foreign policy adviser to President Arkady Volkov",
            ),
            ("spokesman", "the spokesman of the defence ministry"),
            ("union", "the General Transport Union (GTU)"),
            ("Paolo Entrena", "a spokesperson for Paolo Entrena"),
            ("Ines Valo", "an adviser to President Ines Valo"),
            ("Ines Valo", "the envoy of Ines Valo"),
            ("Copenhagen", "European leaders"),
            ("Irina Solovyova", "Chancellor Frieda Lang of Austerland"),
            ("", "Ilse Varga"),
            ("Varga", "Foreign Minister Ilse Varga"),
            ("Varga", "President Ilse Varga"),
            ("KTU", "KTU officials"),
            ("US", "the US State Department"),
            ("EU", "European leaders"),
            ("the KMF", "the Kestland Central Bank"),
            ("Valo", "President Ines Valo"),
            ("Valo", "Kestland Ambassador Valo"),
            ("Ines Valo", "Ines of Valo"),
            ("President Valo", "President Ines Valo"),
            ("Omar al-Rashid", "Omar al-Haddad"),
            ("Kestria's trade ministry", "the Vellmarkian trade ministry"),
            ("Kestria's trade ministry", "the Kestrian foreign ministry"),
            ("Vellmark", "Kestria and Vellmark"),
            ("Kestria and Vellmark", "Kestria, Vellmark and Ostland"),
            ("Kestria", "Kestria's Electoral Commission (KEC)"),
            ("the KEC", "Kestland's Electoral Commission (KEC) chief"),
            ("Kestria", "Kestria, Vellmark and Ostland"),
            ("Vellmark", "Tarnogaz, Vellmark's gas company"),
            ("Ines Valo", "an Adviser to President Ines Valo"),
        ];
        for (ext, gold) in different {
            assert!(!same_speaker(ext, gold), "{ext} / {gold}");
        }
    }

    #[test]
    fn scores_split_by_kind_add_up_to_the_whole() {
        let article = "Anna Kovač said we talk. Bo Li called it a farce. Cy Ro said no.";
        let statements = [st(0, 49, "Anna Kovač")];
        let gold_line = |speaker: &str, quote: &str, kind: Option<&str>| GoldStatement {
            speaker: speaker.into(),
            quote: quote.into(),
            label: "n".into(),
            kind: kind.map(Into::into),
        };
        let gold = [
            gold_line("Anna Kovač", "we talk", Some("indirect")),
            gold_line("Bo Li", "a farce", Some("reported")),
            gold_line("Cy Ro", "said no", Some("indirect")),
            gold_line("Anna Kovač", "Kovač said", None),
        ];
        let by_kind = score_gold_by_kind(article, &statements, &gold);
        let counts: Vec<(&str, usize, usize, usize, usize)> = by_kind
            .iter()
            .map(|(k, s)| (k.as_str(), s.gold, s.found, s.right_speaker, s.merged))
            .collect();
        assert_eq!(
            counts,
            [
                ("indirect", 2, 1, 1, 0),
                ("reported", 1, 1, 0, 1),
                (UNANNOTATED_KIND, 1, 1, 1, 1),
            ]
        );
        let whole = score_gold(article, &statements, &gold);
        let mut sum = GoldScore::default();
        by_kind.values().for_each(|s| sum.add(*s));
        assert_eq!(
            (sum.gold, sum.found, sum.right_speaker, sum.merged),
            (whole.gold, whole.found, whole.right_speaker, whole.merged)
        );
    }

    #[test]
    fn speakers_compare_without_case_articles_or_apostrophe_style() {
        assert_eq!(speaker_key("The Kremlin"), speaker_key("Kremlin"));
        assert_eq!(speaker_key("a senior  diplomat"), "senior diplomat");
        assert_eq!(speaker_key("Russia’s envoy"), speaker_key("russia's envoy"));
        assert_eq!(speaker_key("The"), "the");
        assert_eq!(speaker_key("Two EU diplomats"), speaker_key("EU diplomats"));
        assert_eq!(speaker_key("another official"), "official");
    }

    #[test]
    fn gold_quotes_lose_the_quote_marks_at_their_ends() {
        assert_eq!(
            trim_quote_marks("\u{201c}We will not move"),
            "We will not move"
        );
        assert_eq!(trim_quote_marks(" \"ready,\" "), "ready,");
        assert_eq!(trim_quote_marks("the 'final' offer"), "the 'final' offer");
        let dir = std::env::temp_dir().join(format!("stance-gold-marks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.gold.jsonl");
        std::fs::write(
            &path,
            "{\"speaker\": \"X\", \"quote\": \"\u{201c}We are ready\", \"label\": \"neutral\"}\n",
        )
        .unwrap();
        assert_eq!(read_gold(&path).unwrap()[0].quote, "We are ready");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
