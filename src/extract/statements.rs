//! Statements: claims with their resolved speakers, as the public
//! [`Statement`] type, sorted, trimmed and never overlapping.

use super::attribution::{Attribution, Source};
use super::{Span, Statement};

/// Pairs each claim with its speaker; drops empty claims and any claim that
/// overlaps an earlier one.
pub fn build(
    article: &str,
    attribution: &Attribution,
    speakers: &[Option<String>],
) -> Vec<Statement> {
    let mut statements: Vec<Statement> = attribution
        .claims
        .iter()
        .zip(speakers)
        .filter_map(|(claim, speaker)| {
            let Span { start, end } = valid(article, claim.span)?;
            let speaker_span = match claim.source {
                Source::Mention(m) => Some(attribution.mentions[m].span),
                Source::Previous => None,
            };
            Some(Statement {
                start,
                end,
                speaker: speaker.clone(),
                kind: claim.kind,
                speaker_span,
                verb: claim.verb,
            })
        })
        .collect();
    statements.sort_by_key(|s| (s.start, s.end));
    let mut last_end = 0;
    statements.retain(|s| {
        let keep = s.start >= last_end;
        if keep {
            last_end = s.end;
        }
        keep
    });
    statements
}

/// The span trimmed, if it is non-empty and lies on char boundaries.
fn valid(article: &str, span: Span) -> Option<Span> {
    let in_bounds = span.start <= span.end && span.end <= article.len();
    if !in_bounds || !article.is_char_boundary(span.start) || !article.is_char_boundary(span.end) {
        return None;
    }
    let span = span.trim(article);
    (!span.is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::super::StatementKind;
    use super::super::attribution::Claim;
    use super::*;

    fn claim(start: usize, end: usize) -> Claim {
        Claim {
            span: Span::new(start, end),
            kind: StatementKind::Direct,
            source: Source::Previous,
            verb: None,
        }
    }

    #[test]
    fn keeps_sorted_trimmed_non_overlapping_statements() {
        let article = " ab  cd ef é";
        let claims = [
            claim(4, 8),
            claim(0, 3),
            claim(5, 10),
            claim(8, 8),
            claim(11, 12),
            claim(9, 13),
        ];
        let speakers = vec![None; claims.len()];
        let attribution = Attribution {
            claims: claims.to_vec(),
            mentions: Vec::new(),
        };
        let got: Vec<(usize, usize)> = build(article, &attribution, &speakers)
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        // (11, 12) splits "é" and (8, 8) is empty; (5, 10) overlaps (4, 8).
        assert_eq!(got, [(1, 3), (5, 7), (9, 13)]);
    }
}
