//! Clauses: where a reporting verb's subject stands. Right before the verb
//! (auxiliaries and adverbs skipped), at the start of the clause when an
//! appositive stands between, before a relative "who", after a passive "by",
//! after an inverted verb, or as the head of a postmodified phrase.

use super::super::StatementKind;
use super::super::lexicon::{self, is_in};
use super::MAX_PHRASE;
use super::context::Ctx;
use super::mentions::{Form, Found, Gender, Np, gender_of};

/// Most words in a "during" phrase between a subject and its verb ("during
/// a visit to the capital").
const MAX_DURING_PHRASE: usize = 8;

/// What stands right before a verb.
pub(super) enum Before {
    Found(Found),
    /// A comma at this token: an appositive or an inserted phrase.
    Comma(usize),
    Nothing,
}

/// Most earlier items of a list of names ("Britain, France and Germany").
const MAX_LIST_ITEMS: usize = 6;
/// Most tokens of an introductory phrase ("After meeting X in Y, ...").
const MAX_INTRO: usize = 30;
/// Most tokens between the determiner and the noun of "in a joint written
/// statement".
const MAX_VENUE_WORDS: usize = 4;
/// Most tokens after a verb searched for a gender cue ("said she had ...").
const GENDER_CUE_WINDOW: usize = 4;
/// Most tokens of a relative clause set off by commas ("..., whose party
/// has long accused the cabinet of waste, ...").
const MAX_RELATIVE: usize = 3 * MAX_PHRASE;
/// Most tokens between a relative clause's closing comma and the verb
/// ("has repeatedly", "on Monday").
const MAX_AFTER_RELATIVE: usize = 5;

impl<'a> Ctx<'a> {
    /// The owner before a document noun at `noun` ("the union's" note), as
    /// far back as its determiner or the first word that is no part of it.
    fn document_owner(&self, noun: usize, floor: usize) -> Option<Found> {
        let mut from = noun - 1;
        while from > floor && noun - from < MAX_PHRASE {
            let p = from - 1;
            if self.is(p, lexicon::DETERMINERS) {
                from = p;
                break;
            }
            if self.word(p).is_none() || self.is_verb(p) || self.is_function(p) {
                break;
            }
            from = p;
        }
        self.classify_phrase(from, noun, true)
    }

    /// A statement document as the subject of a verb, tokens `start..end`:
    /// "The statement reiterated that ...", "A foreign ministry statement
    /// said", "the council's communique called for ...". It speaks for
    /// whoever issued it: the body, role or person its own words name, else
    /// the speaker of the statement before (see [`is_unsigned_document`]).
    /// Letters and notes are left to the rule for what is addressed.
    fn document_subject(&self, start: usize, end: usize, floor: usize) -> Option<Found> {
        let noun = end - 1;
        if !self.is(noun, lexicon::STATEMENT_NOUNS) || self.is(noun, lexicon::ADDRESSED_DOCUMENTS) {
            return None;
        }
        let author = |found: Found| match found {
            Found::Np(np) if !matches!(np.form, Form::Pronoun(_)) => Some(Found::Np(np)),
            _ => None,
        };
        // "the council's statement": the owner issued it.
        if start == noun && noun > floor && self.word(noun - 1).is_some_and(|t| t.is_possessive()) {
            return self.document_owner(noun, floor).and_then(author);
        }
        // "a foreign ministry statement", "the Kremlin statement": the
        // words before the noun name the issuer when they name a body, a
        // role or a person ("a joint statement" names no one).
        let opener = start + usize::from(self.is(start, lexicon::DETERMINERS));
        let named =
            |k: usize| self.is_body_word(k) || self.is_name_word(k) || self.is(k, lexicon::ROLES);
        if opener < noun
            && (opener..noun).any(named)
            && let Some(found) = self.classify(opener, noun).and_then(author)
        {
            return Some(found);
        }
        Some(Found::Np(self.group_of(start, end)))
    }

    /// What stands right before the verb at `v`, not looking before `floor`.
    pub(super) fn before(&self, v: usize, floor: usize) -> Before {
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
        let mut bodyish = self.is_body_word(end - 1);
        let mut start = end - 1;
        while start > floor && end - start < MAX_PHRASE {
            let p = start - 1;
            let Some(t) = self.word(p) else { break };
            if self.is(p, lexicon::DETERMINERS) {
                start = p;
                // "France, Germany and the UK condemned": the list goes on.
                if p >= floor + 2 && self.is(p - 1, &["and"]) && self.is_name_word(p - 2) {
                    start = p - 2;
                    continue;
                }
                // "Miners at the Cerro Alto mine": the group before the preposition.
                // "Speaker of the House Mike Jonson", "Ambassador to the UN
                // Ida Vell": a title's department or the body it serves.
                let title_served = p >= floor + 2
                    && self.is(p - 1, &["of", "to", "for"])
                    && self.tokens[p - 2].is_cap()
                    && self.is_title(p - 2);
                let joined = p >= floor + 2
                    && (self.is(p - 1, lexicon::GROUP_PREPOSITIONS) && self.is_body_word(p - 2)
                        || title_served);
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
                if bodyish {
                    start = p;
                    continue;
                }
                // "Saudi Arabia's foreign minister": a role keeps its owner.
                if t.is_cap() && self.is(end - 1, lexicon::ROLES) {
                    start = p;
                    while start > floor && end - start < MAX_PHRASE && self.is_name_word(start - 1)
                    {
                        start -= 1;
                    }
                    if start > floor && self.is(start - 1, &["the"]) {
                        start -= 1;
                    }
                }
                break;
            }
            // "its Foreign Ministry": a body's owner stands for the clause's
            // subject, resolved later.
            if (bodyish || self.is(end - 1, lexicon::ROLES)) && self.key(p) == "its" {
                start = p;
                break;
            }
            let joins = |word: &str| self.key(p).eq_ignore_ascii_case(word) && p > floor;
            let preposition = p > floor
                && (self.is(p, lexicon::GROUP_PREPOSITIONS)
                    || self.named_body_preposition(p)
                    || self.title_preposition(p));
            let owner = |i: usize| {
                self.is_body_word(i)
                    || (joins("of") && self.is_name_word(i))
                    || self.title_preposition(p)
            };
            if preposition && owner(p - 1) {
                // "Kestria's Ministry of National Defense": the body's head
                // stands before "of", and a body keeps its owner.
                bodyish |= self.is_body_word(p - 1);
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
                || (t.is_cap() && t.stem_listed(self.article, lexicon::NOT_NAMES));
            if stop {
                break;
            }
            start = p;
        }
        if let Some(found) = self.document_subject(start, end, floor) {
            return Before::Found(found);
        }
        // "The letter to the prime minister said": the recipient never
        // speaks; the document stands for its sender, as the article calls it.
        if start >= floor + 2
            && self.is(start - 1, &["to"])
            && self.is(start - 2, lexicon::ADDRESSED_DOCUMENTS)
        {
            let noun = start - 2;
            // "The union's note to members": the owner sent it.
            if noun > floor
                && self.word(noun - 1).is_some_and(|t| t.is_possessive())
                && let Some(sender) = self.document_owner(noun, floor)
            {
                return Before::Found(sender);
            }
            let from = if noun > floor && self.is(noun - 1, lexicon::DETERMINERS) {
                noun - 1
            } else {
                noun
            };
            let mut document = self.group_of(from, noun + 1);
            if let Form::Body { plural, .. } = &mut document.form {
                *plural = false;
            }
            return Before::Found(Found::Np(document));
        }
        // "Holm and other union leaders said": the named person leads the group.
        if let Some(group) = self.name_and_others(start, end, floor) {
            return Before::Found(Found::Np(group));
        }
        // "Both the union and the employers said": "both ... and" joins two
        // phrases into one subject, which answers to neither alone later
        // ("the employers said").
        if let Some(both) = self.both_and(start, floor) {
            let mut group = self.group_of(both + 1, end);
            if let Form::Body { text, head, .. } = &mut group.form {
                *head = text.to_lowercase();
            }
            return Before::Found(Found::Np(group));
        }
        if let Some(group) = self.coordinated_speakers(start, end, floor) {
            return Before::Found(Found::Np(group));
        }
        // "Britain, France and Germany have threatened": the whole list.
        if (start..end).any(|i| self.is(i, &["and"])) {
            let list_start = self.list_start(start, floor);
            if list_start < start {
                return Before::Found(Found::Np(self.group_of(list_start, end)));
            }
        }
        // "Ostland, Vell agree to ...": a headline lists its subjects with
        // commas alone.
        if self.headline && start > floor && self.is_comma(start - 1) {
            let list_start = self.list_start(start, floor);
            if list_start < start {
                return Before::Found(Found::Np(self.group_of(list_start, end)));
            }
        }
        // "A spokesman for the court said", "People familiar with the talks
        // said": a role or group with a postmodifier opens the clause.
        let lowest = floor.max(start.saturating_sub(2 * MAX_PHRASE));
        let mut clause = (lowest..start)
            .rev()
            .find(|&k| self.word(k).is_none())
            .map_or(lowest, |k| k + 1);
        while clause < start && self.is(clause, lexicon::CONNECTIVES) {
            clause += 1;
        }
        if clause < end
            && let Some((found, phrase_end)) = self.source_phrase(clause, end)
            && phrase_end == end
        {
            return Before::Found(self.unclosed_appositive(found, clause, floor, v));
        }
        if start > floor
            && self.is(start - 1, lexicon::POSTMODIFIER_PREPOSITIONS)
            && let Some(found) = self.postmodified_subject(start - 1, end, floor)
        {
            return Before::Found(found);
        }
        // "Fresh calls for ...": a lone sentence-initial word before a verb
        // form that could be a noun is only a surname if seen as a name elsewhere.
        // A headline's present tense is a verb unless it reads as a plural
        // noun too ("Pyongyang condemns ...", not "Fresh calls for ...").
        let key = self.key(v);
        let headline_verb = self.headline
            && key.len() > 3
            && key.ends_with('s')
            && !self.is(v, lexicon::SPEECH_NOUNS)
            && !self.is(v, lexicon::NOUN_LIKE_VERBS);
        // "Ostland is now demanding", "Ostland did underline": after an
        // auxiliary the word is a verb, never a plural noun.
        let after_auxiliary = (end..v).any(|k| self.is(k, lexicon::VERB_AUXILIARIES));
        let verb_for_sure = self.is(v, lexicon::UNAMBIGUOUS_VERBS)
            || key.ends_with("ed")
            || headline_verb
            || after_auxiliary;
        // "One of them said", "Two of them, speaking ..., said": part of a
        // group named before, which speaks as with "One said".
        if self.is_partitive(start, end) {
            return Before::Found(self.partitive(start, end));
        }
        match self.classify(start, end) {
            Some(Found::Np(np)) if self.bare_unknown(&np) && !verb_for_sure => Before::Nothing,
            Some(found) => Before::Found(found),
            // "Ilse Varga of ActionAid said": no name of its own, but a
            // person and where they work ("One of them" names no one).
            None if self.is(start, lexicon::NUMBER_WORDS) => Before::Nothing,
            None => (start + 1..end)
                .find(|&k| self.is(k, &["of"]))
                .and_then(|of| self.postmodified_subject(of, end, floor))
                .map_or(Before::Nothing, Before::Found),
        }
    }

    /// Are tokens `start..end` a count of a group named before ("one of
    /// them", "two of those")?
    fn is_partitive(&self, start: usize, end: usize) -> bool {
        end == start + 3
            && (self.is(start, lexicon::NUMBER_WORDS) || self.is(start, &["another"]))
            && self.is(start + 1, &["of"])
            && self.is(start + 2, lexicon::PARTITIVE_PRONOUNS)
    }

    /// The group part "one of them" (tokens `start..end`): a body of the
    /// count's word, plural unless one.
    fn partitive(&self, start: usize, end: usize) -> Found {
        let count = self.key(start).to_lowercase();
        let span = self.span_of(start, end - start);
        let text = self.article[span.start..span.end].to_string();
        let plural = count != "one" && count != "another";
        Found::Np(Np {
            start,
            end,
            span,
            form: Form::Body {
                words: text
                    .to_lowercase()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                text,
                head: count,
                plural,
            },
            roles: Vec::new(),
            gender: Gender::Unknown,
        })
    }

    /// Where the words between a subject and the verb at `v` begin: auxiliaries
    /// and adverbs ("has repeatedly", "was") are skipped, at most four.
    pub(super) fn skip_back(&self, v: usize, floor: usize) -> usize {
        let mut end = v;
        let mut skipped = 0;
        while end > floor && skipped < 4 {
            if let Some(start) = self.adjunct_before(end, floor) {
                end = start;
                skipped += 1;
                continue;
            }
            // "was quick to dismiss", "went on to say", "was at pains to
            // stress", "refused to endorse"
            if end >= floor + 2 && self.is(end - 1, &["to"]) {
                let lead = if self.is(end - 2, lexicon::INFINITIVE_LEADS)
                    || self.is(end - 2, lexicon::REFUSALS)
                {
                    1
                } else if end >= floor + 3
                    && (self.is(end - 2, &["on"]) && self.is(end - 3, &["went", "goes", "go"])
                        || self.is(end - 2, &["pains"]) && self.is(end - 3, &["at"]))
                {
                    2
                } else {
                    0
                };
                if lead > 0 {
                    end -= lead + 1;
                    skipped += 1;
                    continue;
                }
            }
            // "Ostland Will Respond": a Title Case headline's modal.
            if self.headline
                && end - 1 > floor
                && self.tokens[end - 1].is_cap()
                && self.is(end - 1, lexicon::MODALS)
            {
                end -= 1;
                skipped += 1;
                continue;
            }
            let Some(t) = self.word(end - 1).filter(|t| !t.is_cap()) else {
                break;
            };
            let key = t.key(self.article);
            let adverb = lexicon::is_ly_adverb(key);
            if !(adverb || is_in(lexicon::BETWEEN_SUBJECT_AND_VERB, key)) {
                break;
            }
            end -= 1;
            skipped += 1;
        }
        end
    }

    /// Where a phrase that stands between a subject and its verb without
    /// being either ends right before token `end`: a time ("on Monday"), a
    /// venue ("in a statement"), a time set off by commas ("X, the envoy, on
    /// Friday, told"), a "during" phrase ("during a visit to Vell"), a span
    /// of time ("over the weekend", "until last week"), "in turn" or "in
    /// response", or a stock phrase ("for its part", "in the day" after
    /// "earlier", "so far").
    fn adjunct_before(&self, end: usize, floor: usize) -> Option<usize> {
        let comma_time = || {
            (end >= floor + 3 && self.is_comma(end - 1))
                .then(|| self.time_before(end - 1, floor))
                .flatten()
                .filter(|&start| start > floor && self.is_comma(start - 1))
        };
        // the cheap look for "during" first, the verb test only when found
        let during = || {
            (end.saturating_sub(MAX_DURING_PHRASE).max(floor + 1)..end)
                .rev()
                .take_while(|&k| self.word(k).is_some())
                .find(|&k| self.is(k, &["during"]))
                .filter(|&d| !(d + 1..end).any(|k| self.is_verb(k)))
        };
        let in_phrase = || {
            (end >= floor + 2
                && self.is(end - 1, lexicon::IN_PHRASE_NOUNS)
                && self.is(end - 2, &["in"]))
            .then(|| end - 2)
        };
        let stock = || {
            (end >= floor + 3
                && (self.is(end - 1, &["part"])
                    && self.is(end - 2, lexicon::POSSESSIVE_DETERMINERS)
                    && self.is(end - 3, &["for"])
                    || self.is(end - 1, &["day"])
                        && self.is(end - 2, &["the"])
                        && self.is(end - 3, &["in"])))
            .then(|| end - 3)
        };
        let two_words = || {
            (end >= floor + 3
                && lexicon::TWO_WORD_ADJUNCTS
                    .iter()
                    .any(|(a, b)| self.is(end - 2, &[a]) && self.is(end - 1, &[b])))
            .then(|| end - 2)
        };
        self.time_before(end, floor)
            .or_else(|| self.venue_before(end, floor))
            .or_else(comma_time)
            .or_else(during)
            .or_else(|| self.period_before(end, floor))
            .or_else(in_phrase)
            .or_else(stock)
            .or_else(two_words)
    }

    /// Where a span of time led by a preposition ends right before token
    /// `end`: "in the past week", "in recent days", "over the weekend", "at
    /// the weekend", "during the past two months".
    fn period_before(&self, end: usize, floor: usize) -> Option<usize> {
        if end < floor + 3 || !self.is(end - 1, lexicon::SPAN_NOUNS) {
            return None;
        }
        let mut k = end - 1;
        while k > floor + 1
            && end - k <= 4
            && (self.is(k - 1, lexicon::SPAN_MODIFIERS)
                || self.is(k - 1, lexicon::NUMBER_WORDS)
                || self.is_number(k - 1)
                || self.is(k - 1, &["the"]))
        {
            k -= 1;
        }
        (k > floor && self.is(k - 1, lexicon::SPAN_PREPOSITIONS)).then_some(k - 1)
    }

    /// Where a phrase naming where something was said ends right before
    /// token `end`: "in a statement", "in a televised address", "in an
    /// English-language statement". It starts at "in", a determiner after
    /// it, and at most [`MAX_VENUE_WORDS`] modifiers before the noun.
    fn venue_before(&self, end: usize, floor: usize) -> Option<usize> {
        if end < floor + 3 || !self.is(end - 1, lexicon::VENUE_NOUNS) {
            return None;
        }
        let mut k = end - 1;
        let lowest = k.saturating_sub(MAX_VENUE_WORDS + 1).max(floor + 1);
        while k > lowest {
            if self.is(k - 1, lexicon::VENUE_DETERMINERS) {
                return self.is(k - 2, &["in"]).then_some(k - 2);
            }
            // modifiers: words that are no function word or verb, and the
            // hyphens inside one ("English-language")
            let t = &self.tokens[k - 1];
            let modifier = if t.is_word() {
                self.word(k - 1).is_some() && !self.is_function(k - 1) && !self.is_verb(k - 1)
            } else {
                t.is_punct('-')
            };
            if !modifier {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// Where a time phrase ending right before token `end` starts: "on
    /// Monday", "late Wednesday", "Tuesday evening", "on March 3", "last
    /// week", "yesterday". "The Council on Monday said": the time is no part
    /// of the speaker.
    pub(super) fn time_before(&self, end: usize, floor: usize) -> Option<usize> {
        let mut k = end;
        let at = |k: usize, list: &[&str]| k > floor && self.is(k - 1, list);
        if at(k, lexicon::PARTS_OF_DAY) && at(k - 1, lexicon::DAYS) {
            k -= 1;
        }
        let number = |k: usize| k > floor && self.is_number(k - 1);
        if at(k, lexicon::DAYS) {
            k -= 1;
        } else if (number(k) && at(k - 1, lexicon::MONTHS))
            || (at(k, lexicon::PERIODS) && at(k - 1, &["last", "this", "next"]))
        {
            k -= 2;
        } else {
            return None;
        }
        let mut modifiers = 0;
        while modifiers < 2 && at(k, lexicon::TIME_MODIFIERS) {
            k -= 1;
            modifiers += 1;
        }
        Some(k)
    }

    /// The comma closing a time phrase that opens the sentence at token `i`
    /// ("Late on Monday,", "Last month,", "This week,"): nothing but time
    /// words before it, a day, month or period among them.
    fn time_intro(&self, i: usize, to: usize) -> Option<usize> {
        const MAX_TIME_WORDS: usize = 4;
        let comma = (i + 1..to.min(i + MAX_TIME_WORDS + 1)).find(|&c| self.is_comma(c))?;
        let when = |k: usize| {
            self.is(k, lexicon::DAYS)
                || self.is(k, lexicon::MONTHS)
                || self.is(k, lexicon::PERIODS)
                || self.is(k, lexicon::PARTS_OF_DAY)
        };
        let time_word =
            |k: usize| when(k) || self.is(k, lexicon::TIME_MODIFIERS) || self.is_number(k);
        ((i..comma).all(time_word) && (i..comma).any(when)).then_some(comma)
    }

    /// Does a time phrase start at token `i` ("on Monday", "late Wednesday")?
    pub(super) fn time_after(&self, i: usize) -> bool {
        let mut k = i;
        while k < i + 2 && self.is(k, lexicon::TIME_MODIFIERS) {
            k += 1;
        }
        self.is(k, lexicon::DAYS) || self.is(k, lexicon::MONTHS)
    }

    /// The noun phrase starting at `from` (after connectives and an
    /// introductory phrase when `sentence_start`), ending before `to`.
    pub(super) fn subject_after(
        &self,
        from: usize,
        to: usize,
        sentence_start: bool,
    ) -> Option<Found> {
        let to = to.min(self.len());
        let mut i = from;
        if sentence_start {
            while i < to && self.is(i, lexicon::CONNECTIVES) {
                i += 1;
                if self.is_comma(i) {
                    i += 1;
                }
            }
            // "More recently, the treasury ...", "Separately, ...": an
            // adverb in "-ly" (after "more" or "most") and its comma.
            let adverb_end = if self.ly_adverb(i) {
                i + 1
            } else if self.is(i, &["more", "most"]) && self.ly_adverb(i + 1) {
                i + 2
            } else {
                i
            };
            if adverb_end > i && adverb_end < to && self.is_comma(adverb_end) {
                i = adverb_end + 1;
            }
            let intro = if i < to && self.is(i, lexicon::INTRO_WORDS) {
                Some((i..to.min(i + MAX_INTRO)).find(|&c| self.is_comma(c))?)
            } else {
                self.time_intro(i, to)
            };
            if let Some(comma) = intro {
                i = comma + 1;
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
        if let Some((found, end)) = self.source_phrase(i, to) {
            let closes = end >= to
                || self.word(end).is_none()
                || self.is_verb(end)
                || self.is(end, lexicon::BETWEEN_SUBJECT_AND_VERB)
                || self.time_after(end);
            if closes {
                return Some(self.with_appositive_name(found, to));
            }
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
                    || (t.is_cap() && t.stem_listed(self.article, lexicon::NOT_NAMES));
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

    /// A lone capitalised word opening the sentence, never seen inside one:
    /// more likely an ordinary word ("Fresh calls for ...") than a surname.
    pub(super) fn bare_unknown(&self, np: &Np) -> bool {
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

    /// "Ana Rusu, leader of the farmers' union said ...": a role phrase
    /// after a comma whose closing comma the writer left out describes the
    /// full name that opens the sentence before it, and the name speaks,
    /// with the phrase's words as roles. Not when a comma follows the verb
    /// ("Ana Rusu, the minister said, had ..." inserts an attribution).
    fn unclosed_appositive(&self, found: Found, clause: usize, floor: usize, v: usize) -> Found {
        let Found::Np(role) = &found else {
            return found;
        };
        let described = matches!(role.form, Form::Role { .. })
            && clause > floor + 2
            && self.is_comma(clause - 1)
            && !self.is_comma(v + 1);
        if !described {
            return found;
        }
        let name = match self.subject_after(floor, clause - 1, floor == 0) {
            Some(Found::Np(np)) if np.end == clause - 1 => np,
            _ => return found,
        };
        let full_name = matches!(&name.form, Form::Person(words) if words.len() >= 2)
            && (name.start..name.end).all(|k| self.is_name_word(k) || self.is_title(k));
        if !full_name {
            return found;
        }
        let mut person = name;
        person.roles.extend(
            (role.start..role.end)
                .filter(|&k| self.word(k).is_some() && !self.is_function(k))
                .map(|k| self.key(k).to_lowercase()),
        );
        Found::Np(person)
    }

    /// "X, appositive, said": the phrase that opens the clause, if a comma
    /// follows it, with the appositive's words as roles.
    pub(super) fn appositive_subject(
        &self,
        from: usize,
        comma: usize,
        verb: usize,
        sentence_start: bool,
    ) -> Option<Found> {
        // "The statement, released on Friday, reported ...": a document
        // opening the clause speaks for its issuer, as it does before a verb.
        let first = (from..comma).find(|&k| self.word(k).is_some())?;
        let phrase_end = (first..comma).find(|&k| self.is_comma(k)).unwrap_or(comma);
        if phrase_end - first <= 3
            && let Some(found) = self.document_subject(first, phrase_end, from)
        {
            return Some(found);
        }
        let found = self.subject_after(from, comma, sentence_start)?;
        let Found::Np(mut np) = found else {
            return Some(Found::Source);
        };
        // "The Harbour Alliance (HA), the main monitor, said": a bracketed
        // acronym may stand before the appositive's comma.
        let name_end = self.skip_bracket(np.end, comma);
        if !self.is_comma(name_end) {
            return None;
        }
        // "France, Italy and Spain, whose farmers ..., urged": the list speaks.
        if let Some(list_end) = self.list_after(np.end, comma)
            && list_end < comma
            && self.is_comma(list_end)
        {
            let mut group = self.group_of(np.start, list_end);
            self.add_appositive(&mut group, list_end + 1, verb);
            return Some(Found::Np(group));
        }
        let from = name_end + 1;
        // "Lomari, along with the African Union and several states, has
        // accused": the whole group speaks.
        let joined = lexicon::COMITATIVES.iter().any(|c| {
            c.split(' ')
                .enumerate()
                .all(|(k, w)| self.is(from + k, &[w]))
        });
        if joined && comma > from {
            return Some(Found::Np(self.group_of(np.start, comma)));
        }
        self.add_appositive(&mut np, from, verb);
        Some(Found::Np(np))
    }

    /// "his spokeswoman, Dana Pirell, said the council ...": a name in
    /// commas after a role, right before the verb, is the subject (so the
    /// phrase after the verb is not read as an inverted subject).
    pub(super) fn role_then_name(&self, comma: usize, verb: usize) -> Option<Found> {
        let mut start = comma;
        while start > 0
            && comma - start < MAX_PHRASE
            && (self.is_name_word(start - 1) || self.is(start - 1, lexicon::NAME_PARTICLES))
        {
            start -= 1;
        }
        if start == comma || start < 2 || !self.is_comma(start - 1) {
            return None;
        }
        let Before::Found(found) = self.before(start - 1, 0) else {
            return None;
        };
        if !matches!(&found, Found::Np(np) if matches!(np.form, Form::Role { .. })) {
            return None;
        }
        match self.with_appositive_name(found, verb) {
            found @ Found::Np(Np {
                form: Form::Person(_),
                ..
            }) => Some(found),
            _ => None,
        }
    }

    /// Where a list of names that goes on after the comma at `comma` ends:
    /// ", Italy and Spain", ", Ostra, Brenn and the UK"; up to `to`.
    fn list_after(&self, comma: usize, to: usize) -> Option<usize> {
        let mut at = comma;
        for _ in 0..MAX_LIST_ITEMS {
            let joined = self.is(at, &["and"]);
            let mut k = at + 1;
            if self.is(k, &["the"]) {
                k += 1;
            }
            let item = k;
            while k < to && k - item < MAX_PHRASE && self.is_name_word(k) {
                k += 1;
                if self.tokens[k - 1].is_possessive() {
                    return None;
                }
            }
            if k == item {
                return None;
            }
            if joined {
                return Some(k);
            }
            if !(self.is_comma(k) || self.is(k, &["and"])) {
                return None;
            }
            at = k;
        }
        None
    }

    /// "Both the rebels and the government": where "both" stands when it
    /// opens the clause and its "and" comes right before the phrase that
    /// starts at `start`, with one plain phrase between.
    fn both_and(&self, start: usize, floor: usize) -> Option<usize> {
        if start < floor + 3 || !self.is(start - 1, &["and"]) {
            return None;
        }
        let lowest = floor.max(start.saturating_sub(MAX_PHRASE));
        let both = (lowest..start - 1)
            .rev()
            .find(|&k| self.word(k).is_none() || self.is(k, &["both", "and"]))?;
        let opens = both == floor
            || self.word(both - 1).is_none()
            || self.is(both - 1, lexicon::CONNECTIVES);
        let plain = (both + 1..start - 1)
            .all(|k| !self.is_verb(k) && !self.is_function(k) || self.is(k, lexicon::DETERMINERS));
        (self.is(both, &["both"]) && both + 1 < start - 1 && opens && plain).then_some(both)
    }

    /// Where a list of names ending with the one at `start` begins: earlier
    /// items are capitalised words (with "the") each followed by a comma,
    /// the first opening the clause.
    /// "Holm and other union leaders": a name, "and other", and a group
    /// noun phrase ending at `end` (whose words run back to `start`),
    /// opening the clause: one group, led by the name.
    fn name_and_others(&self, start: usize, end: usize, floor: usize) -> Option<Np> {
        let other = if self.is(start, &["other"]) {
            start
        } else {
            start
                .checked_sub(1)
                .filter(|&o| o > floor && self.is(o, &["other"]))?
        };
        if other < floor + 2 || !self.is(other - 1, &["and"]) || !self.is_name_word(other - 2) {
            return None;
        }
        let mut first = other - 2;
        while first > floor && other - first < MAX_PHRASE && self.is_name_word(first - 1) {
            first -= 1;
        }
        let opens = first == floor
            || self.word(first - 1).is_none()
            || self.is(first - 1, lexicon::CONNECTIVES);
        let group =
            (other + 1..end).any(|k| self.is(k, lexicon::GROUPS) || self.is(k, lexicon::ROLES));
        (opens && group).then(|| self.group_of(first, end))
    }

    /// "The union and the employers' federation warned", "The UN and other
    /// agencies said": a speaker, "and", and a second speaker ending at
    /// `end` (whose words run back to `start`), the first opening the
    /// clause, speak as one group. Each side must name a speaker on its own
    /// ("Talks with the union and the federation" names none before "and").
    fn coordinated_speakers(&self, start: usize, end: usize, floor: usize) -> Option<Np> {
        let and = start
            .checked_sub(1)
            .filter(|&a| a > floor && self.is(a, &["and"]))?;
        let lowest = floor.max(and.saturating_sub(MAX_PHRASE));
        let mut first = (lowest..and)
            .rev()
            .find(|&k| self.word(k).is_none())
            .map_or(lowest, |k| k + 1);
        if first == lowest && lowest > floor {
            return None;
        }
        // "Both the army and the rebels": "both" is no part of the group's name
        while first < and && (self.is(first, lexicon::CONNECTIVES) || self.is(first, &["both"])) {
            first += 1;
        }
        // "After talks with the mayor": a phrase, not a speaker
        let plain = (first..and).all(|k| {
            !self.is_function(k) || self.is(k, lexicon::DETERMINERS) || self.is(k, &["of"])
        });
        if !plain {
            return None;
        }
        let speaker = |from: usize, to: usize| {
            self.classify_phrase(from, to, true)
                .and_then(Found::np)
                .filter(|np| np.start == from && np.end == to && self.can_speak(np))
        };
        speaker(first, and)?;
        speaker(start, end)?;
        if let Some(Found::Np(one)) = self.two_titles_one_person(first, end) {
            return Some(one);
        }
        Some(self.group_of(first, end))
    }

    pub(super) fn list_start(&self, start: usize, floor: usize) -> usize {
        let mut first = start;
        let mut items = 0;
        while first >= floor + 2 && self.is_comma(first - 1) && items < MAX_LIST_ITEMS {
            let item_end = first - 1;
            let mut k = item_end;
            while k > floor && item_end - k < MAX_PHRASE && self.is_name_word(k - 1) {
                k -= 1;
            }
            if k == item_end {
                break;
            }
            if k > floor && self.is(k - 1, &["the"]) {
                k -= 1;
            }
            let opens = k == floor || self.is_comma(k - 1) || self.is(k - 1, lexicon::CONNECTIVES);
            if !opens {
                break;
            }
            first = k;
            items += 1;
        }
        first
    }

    /// Takes in an appositive in tokens `from..to` (up to a comma): its words
    /// become roles, and a name whose appositive is headed by a body noun
    /// ("Portlabor, the dockers' union representing ...") is that body.
    pub(super) fn add_appositive(&self, np: &mut Np, from: usize, to: usize) {
        // "X, whose party has accused ...,", "X, which buys grain,": what X
        // owns or does, never what X is. ("X, who heads the union," still
        // describes X.)
        if self.is(from, &["whose", "which"]) {
            return;
        }
        np.add_cues(self.appositive_words(from, to));
        let Form::Person(name) = &np.form else {
            return;
        };
        // The head: a body noun ending the first run of content words, or
        // followed by a participle ("the union representing ...").
        let to = to.min(self.len());
        let run_end = (from..to)
            .find(|&i| {
                self.is_comma(i)
                    || self.word(i).is_none()
                    || (self.is_function(i) && !self.is(i, lexicon::DETERMINERS))
            })
            .unwrap_or(to);
        let participle = |i: usize| {
            let key = self.key(i);
            key.ends_with("ing") || key.ends_with("ed")
        };
        let head = (from..run_end).find(|&i| {
            let t = &self.tokens[i];
            !t.is_cap()
                && !t.is_possessive()
                && is_in(lexicon::BODIES, self.key(i))
                && (i + 1 == run_end || participle(i + 1))
        });
        if let Some(head) = head {
            let text = name.join(" ");
            let mut words: Vec<String> = name.iter().map(|w| w.to_lowercase()).collect();
            let head = self.key(head).to_lowercase();
            words.push(head.clone());
            np.form = Form::Body {
                text,
                head,
                words,
                plural: false,
            };
            np.gender = Gender::Unknown;
        }
    }

    /// Lowercase words of an appositive, up to `to` or the next comma.
    pub(super) fn appositive_words(&self, from: usize, to: usize) -> Vec<String> {
        (from..to.min(self.len()))
            .take_while(|&i| !self.is_comma(i))
            .filter_map(|i| self.word(i))
            .map(|t| t.key(self.article).to_lowercase())
            .filter(|w| !lexicon::is_in(lexicon::DETERMINERS, w))
            .collect()
    }

    /// The closing comma of a relative clause opened by the relative word at
    /// `r` (after a comma) when the sentence's own verb follows that comma
    /// at once (auxiliaries, adverbs and a time aside): "Mara Lind, whose
    /// party has long accused the cabinet of waste, said ...", "The agency,
    /// which buys Ostland grain, said ...". Such a clause only describes
    /// the phrase before it, which is the subject of the verb after it.
    pub(super) fn closed_relative(&self, r: usize) -> Option<usize> {
        if r == 0 || !self.is_comma(r - 1) || !self.is(r, lexicon::RELATIVES) {
            return None;
        }
        let end = self.len().min(r + 1 + MAX_RELATIVE);
        let close = (r + 1..end).find(|&k| self.word(k).is_none())?;
        if !self.is_comma(close) {
            return None;
        }
        let reach = self.len().min(close + 1 + MAX_AFTER_RELATIVE);
        (close + 1..reach)
            .find(|&v| {
                self.verb_at(v)
                    .is_some_and(|(_, _, participle)| !participle)
            })
            .filter(|&v| self.skip_back(v, 0) == close + 1)
            .map(|_| close)
    }

    /// Whether token `i` lies inside a relative clause that
    /// [`closed_relative`](Self::closed_relative) finds: a verb there is
    /// never the sentence's reporting verb.
    pub(super) fn in_closed_relative(&self, i: usize) -> bool {
        let lowest = i.saturating_sub(MAX_RELATIVE);
        (lowest..i)
            .rev()
            .find(|&k| self.word(k).is_none())
            .is_some_and(|comma| {
                self.closed_relative(comma + 1)
                    .is_some_and(|close| close > i)
            })
    }

    /// "Priya Raghunathan, the party's spokesperson, who has urged ...": the
    /// person a relative "who" before the verb at `v` refers to; or the body
    /// or place a "which" does ("Vellmark, which has said ...").
    pub(super) fn relative_subject(&self, v: usize) -> Option<Found> {
        let end = self.skip_back(v, 0);
        if end < 2 || !self.is(end - 1, &["who", "which"]) || !self.is_comma(end - 2) {
            return None;
        }
        let which = self.is(end - 1, &["which"]);
        // a thing "which offers ...", "which refers to ...": only a verb
        // of saying makes a body or place behind "which" speak
        if which && !matches!(self.verb_at(v), Some((_, StatementKind::Indirect, _))) {
            return None;
        }
        let comma = end - 2;
        let named = |found: &Np| match &found.form {
            // "which" names no person: only a lone name, a place or a body
            Form::Person(name) => !which || name.len() == 1,
            Form::Body { .. } => self.tokens[found.end - 1].is_cap(),
            _ => false,
        };
        // "Tanzanian traders, who complained ...": a group its people's
        // name describes is an antecedent too, not an appositive of the
        // place before it ("in Nairobi, Tanzanian traders, who").
        let described_group = |found: &Np| {
            matches!(&found.form, Form::Body { plural: true, .. })
                && (found.start..found.end).any(|k| self.tokens[k].is_cap())
        };
        if let Before::Found(Found::Np(np)) = self.before(comma, 0)
            && (named(&np) || described_group(&np))
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
        self.add_appositive(&mut np, earlier + 1, comma);
        Some(Found::Np(np))
    }

    /// "Residents of the village of Ostra said", "Sofia Marchetti of the
    /// Centre for Security Studies said": the walk back from the verb stopped
    /// at a preposition, so what it found is the object of a postmodifier. The
    /// subject is the leftmost group or name followed by a preposition.
    pub(super) fn postmodified_subject(
        &self,
        preposition: usize,
        end: usize,
        floor: usize,
    ) -> Option<Found> {
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
                || (t.is_cap() && t.stem_listed(self.article, lexicon::NOT_NAMES))
                || self.is_past_tense(k);
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

    /// Inverted attribution ("said Kovač", "said the minister"), with the
    /// appositive that may follow it.
    pub(super) fn inverted_subject(&self, from: usize, to: usize) -> Option<Found> {
        let mut found = self.subject_after(from, to, false)?;
        if let Found::Np(np) = &mut found
            && self.is_comma(np.end)
        {
            let from = np.end + 1;
            self.add_appositive(np, from, to);
        }
        Some(found)
    }

    /// "The talks will resume, said a spokesman.": an inverted subject in
    /// indirect speech, only after a saying verb and only if the phrase ends
    /// the clause (so "..., accused Norland of ..." is not read as Norland speaking).
    pub(super) fn inverted_speech_subject(
        &self,
        verb: usize,
        len: usize,
        to: usize,
    ) -> Option<Found> {
        if len != 1 || !self.is(verb, lexicon::INVERTING_VERBS) {
            return None;
        }
        let found = self.inverted_subject(verb + 1, to)?;
        // "..., denounced the ministry in a press release.": where it was
        // said may close the clause.
        let venue_closes = |end: usize| {
            let stop = (end..to).find(|&k| self.word(k).is_none()).unwrap_or(to);
            self.venue_before(stop, end) == Some(end)
        };
        let ends_clause = match &found {
            Found::Np(np) => np.end >= to || self.word(np.end).is_none() || venue_closes(np.end),
            Found::Source => true,
        };
        ends_clause.then_some(found)
    }

    /// The agent of a passive reporting verb: "it was said by one senior
    /// manager at the airline", "were described as “...” by a senior official".
    pub(super) fn passive_agent(&self, v: usize, len: usize, to: usize) -> Option<Found> {
        let key = self.key(v);
        // "Y was quoted by state media as saying ...": whoever quotes is a
        // source, never the speaker; Y, the subject, speaks.
        if key.eq_ignore_ascii_case("quoted") {
            return None;
        }
        let participle = key.ends_with("ed") || is_in(lexicon::IRREGULAR_PARTICIPLES, key);
        let end = self.skip_back(v, 0);
        // "has been criticised by", "was also widely condemned by": "been"
        // and adverbs right before the participle.
        let mut b = v;
        while b > 0 && (self.is(b - 1, lexicon::DEGREE_ADVERBS) || self.ly_adverb(b - 1)) {
            b -= 1;
        }
        let passive = participle
            && (end < v && (end..v).any(|i| self.is(i, lexicon::PASSIVE_AUXILIARIES))
                || b > 0 && self.is(b - 1, lexicon::PASSIVE_AUXILIARIES));
        if !passive {
            return self.reduced_passive_agent(v, to);
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

    /// The agent of a reporting participle with no auxiliary (see
    /// [`lexicon::REDUCED_PASSIVES`]) that opens the clause or follows a
    /// comma: ", hailed by the United Nations as ...". "by" follows at once,
    /// and the agent can speak. After a noun with no comma ("rejected a
    /// truce offered by the rebels") it is left to the sentence's speaker:
    /// annotators keep the offer inside the rejection.
    pub(super) fn reduced_passive_agent(&self, v: usize, to: usize) -> Option<Found> {
        if !self.reduced_passive_at(v) || !(v == 0 || self.is_comma(v - 1)) {
            return None;
        }
        let found = self.subject_after(v + 2, to, false)?;
        let np = found.np()?;
        let right_after =
            np.start == v + 2 || self.is(v + 2, lexicon::DETERMINERS) && np.start == v + 3;
        (right_after && self.can_speak(&np)).then_some(Found::Np(np))
    }

    /// Does a [`lexicon::REDUCED_PASSIVES`] participle with "by" right after
    /// it stand at token `v`?
    pub(super) fn reduced_passive_at(&self, v: usize) -> bool {
        self.is(v, lexicon::REDUCED_PASSIVES) && self.is(v + 1, &["by"])
    }

    /// Is the word at `i` an adverb in "-ly" ("widely", "sharply"; not "only")?
    fn ly_adverb(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| lexicon::is_ly_adverb(t.key(self.article)))
    }

    pub(super) fn add_gender_cue_after(&self, np: &mut Np, from: usize, to: usize) {
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
}

#[cfg(test)]
mod tests {
    use super::super::super::StatementKind::{Direct, Indirect, Reported};
    use super::super::Usage;
    use super::super::tests::{ClaimCase, assert_claims, attribute_text};
    use super::*;

    #[test]
    fn two_speakers_joined_by_and_speak_as_one_group() {
        let cases: &[ClaimCase] = &[
            (
                "The dockers' union and the port authority warned that ships would queue.",
                &[(
                    "ships would queue",
                    "body:the dockers' union and the port authority",
                    Indirect,
                )],
            ),
            (
                "The Red Cross and other relief organisations said the road was closed.",
                &[(
                    "road was closed",
                    "body:the Red Cross and other relief organisations",
                    Indirect,
                )],
            ),
            (
                "Both the army and the rebel command accused each other of shelling the bridge.",
                &[(
                    "shelling the bridge",
                    "body:the army and the rebel command",
                    Reported,
                )],
            ),
            // what stands before "and" names no speaker: only the second speaks
            (
                "After talks with the mayor and the harbour board said the quay would reopen.",
                &[("quay would reopen", "body:the harbour board", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn time_between_subject_and_verb_is_no_part_of_the_speaker() {
        let cases: &[ClaimCase] = &[
            (
                "The Varden Council on Monday vowed a “firm” answer.",
                &[("firm", "body:the Varden Council", Indirect)],
            ),
            (
                "The Ostmark Security Council late Wednesday said it was worried.",
                &[("worried", "body:the Ostmark Security Council", Indirect)],
            ),
            (
                "Portlabor, the dockers’ union, on Monday rejected the offer.",
                &[("offer", "body:Portlabor", Reported)],
            ),
            (
                "Kestmar’s Foreign Ministry Tuesday evening condemned the drills.",
                &[("drills", "body:Kestmar’s Foreign Ministry", Reported)],
            ),
            (
                "Ilse Kaarma on March 3 said the port would reopen.",
                &[("reopen", "Ilse Kaarma", Indirect)],
            ),
            (
                "The rebels last week threatened a new offensive.",
                &[("offensive", "body:the rebels", Reported)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_time_phrase_opening_the_sentence_is_no_part_of_an_appositive_speaker() {
        let cases: &[ClaimCase] = &[
            (
                "Late on Monday, Tomas Vik, a senior adviser to the president, said the talks would go on.",
                &[("would go on", "Tomas Vik", Indirect)],
            ),
            (
                "Earlier this week, Ilse Marku, the trade minister, warned against new duties.",
                &[("new duties", "Ilse Marku", Reported)],
            ),
            (
                "Last month, the Vellish port authority, which runs both terminals, said cargo was stuck.",
                &[(
                    "cargo was stuck",
                    "body:the Vellish port authority",
                    Indirect,
                )],
            ),
            (
                "Later, Roux, the union's leader, rejected the offer.",
                &[("the offer", "Roux", Reported)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_list_or_a_group_with_its_companions_speaks_as_one() {
        let cases: &[ClaimCase] = &[
            (
                "Ostmark, Vell and Dravia have threatened to walk out.",
                &[("walk out", "body:Ostmark, Vell and Dravia", Reported)],
            ),
            (
                "The United Provinces, Vell and Dravia said in a joint statement that they would act.",
                &[(
                    "would act",
                    "body:the United Provinces, Vell and Dravia",
                    Indirect,
                )],
            ),
            (
                "Brensk, along with the Union of Ports and several coastal towns, has accused the rebels of theft.",
                &[(
                    "theft",
                    "body:Brensk, along with the Union of Ports and several coastal towns",
                    Reported,
                )],
            ),
            (
                "Ostmark, Vell and the UK condemned the launch, arguing it was reckless.",
                &[
                    (
                        "condemned the launch",
                        "body:Ostmark, Vell and the UK",
                        Reported,
                    ),
                    ("it was reckless", "body:Ostmark, Vell and the UK", Indirect),
                ],
            ),
            (
                "Ostmark, Vell and Dravia, whose fishermen lost most, urged the council to act.",
                &[("to act", "body:Ostmark, Vell and Dravia", Reported)],
            ),
            // an appositive is no item of a list
            (
                "Ostmark, the largest member, urged the council to act.",
                &[("to act", "Ostmark", Reported)],
            ),
            // an introductory place is no item of the list
            (
                "In Brensk, Vell and Dravia said they would wait.",
                &[("would wait", "body:Vell and Dravia", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_name_whose_appositive_is_a_body_noun_is_a_body() {
        let cases: &[ClaimCase] = &[
            (
                "Portlabor, the union representing 6,000 dockers, said the strike would go on.",
                &[("go on", "body:Portlabor", Indirect)],
            ),
            (
                "Dravos, a 12-nation trading bloc, urged restraint.",
                &[("restraint", "body:Dravos", Reported)],
            ),
            // a person's appositive names a role, not a body
            (
                "Ilse Kaarma, head of the union, said the strike would go on.",
                &[("go on", "Ilse Kaarma", Indirect)],
            ),
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
            // a group its people's name describes, after a place
            (
                "After a briefing in Velmar, Tarvian traders, who complained last month that prices had collapsed, began selling again.",
                &[("prices had collapsed", "body:Tarvian traders", Indirect)],
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
    fn a_relative_clause_in_commas_leaves_the_subject_before_it() {
        let cases: &[ClaimCase] = &[
            (
                "Opposition leader Mara Lind, whose Green Alliance party has long accused the cabinet of waste, said the plan came too late.",
                &[("too late", "Mara Lind", Indirect)],
            ),
            (
                "The Harbour Union, whose chairman has called for a strike, said on Friday it would meet the employers.",
                &[("meet the employers", "body:the Harbour Union", Indirect)],
            ),
            (
                "Ambassador Tom Reed, whose government has not said how it will vote, told reporters the text was fair.",
                &[("text was fair", "Tom Reed", Indirect)],
            ),
            (
                "The Food Agency, which buys Ostland grain for its camps, said the ban had delayed deliveries.",
                &[("delayed deliveries", "body:the Food Agency", Indirect)],
            ),
            (
                "Oskar Brandt, who has warned against the levy for months, on Monday urged farmers to protest.",
                &[("protest", "Oskar Brandt", Reported)],
            ),
            // an open relative clause keeps its own speaker
            (
                "The levy was passed despite Oskar Brandt, who has warned that it will ruin farmers.",
                &[("ruin farmers", "Oskar Brandt", Indirect)],
            ),
            (
                "The army shelled the town, which the rebels deny.",
                &[("deny", "body:the rebels", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_lone_name_before_an_auxiliary_and_a_reporting_verb_is_its_subject() {
        let cases: &[ClaimCase] = &[
            (
                "Ostland is now demanding an end to the pact with the militia.",
                &[("end to the pact", "Ostland", Reported)],
            ),
            (
                "Vellmark did however underline that restraint was needed.",
                &[("restraint was needed", "Vellmark", Indirect)],
            ),
            // without an auxiliary, a form that reads as a noun stays one
            ("Fresh calls for a truce went unheard.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn an_opening_adverb_and_its_comma_stand_before_the_subject() {
        let cases: &[ClaimCase] = &[
            (
                "More recently, the Vellmark treasury froze the assets of three firms, accusing them of funding the militia.",
                &[("accusing them", "body:the Vellmark treasury", Reported)],
            ),
            (
                "Separately, a source in Ostland‘s negotiating team, speaking on condition of anonymity, said a deal was close.",
                &[(
                    "a deal was close",
                    "role:a source in Ostland‘s negotiating team",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_passive_act_after_been_or_an_adverb_takes_its_agent() {
        let cases: &[ClaimCase] = &[
            (
                "The deal has been criticised by supporters of the union.",
                &[("criticised", "body:supporters of the union", Reported)],
            ),
            (
                "The plan was also widely condemned by rights groups.",
                &[("condemned", "body:rights groups", Reported)],
            ),
            // a passive of a verb that reports nothing
            ("The bridge has been built by local workers.", &[]),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_statement_document_speaks_for_its_issuer() {
        let cases: &[ClaimCase] = &[
            // no issuer in the phrase: whoever spoke the statement before
            (
                "The Ostland cabinet said it would reply on Friday. The statement reiterated that the port must reopen first.",
                &[
                    ("reply on Friday", "body:the Ostland cabinet", Indirect),
                    ("the port must reopen first", "<previous>", Indirect),
                ],
            ),
            (
                "“We will not sign,” the union said. The communique called on members to stay calm.",
                &[
                    ("We will not sign", "body:the union", Direct),
                    ("stay calm", "<previous>", Reported),
                ],
            ),
            // set off by an appositive, or named again after "according to"
            (
                "The Ostland cabinet said it would reply on Friday. The statement, released at noon, reported that two ferries had sunk.",
                &[
                    ("reply on Friday", "body:the Ostland cabinet", Indirect),
                    ("two ferries had sunk", "<previous>", Indirect),
                ],
            ),
            (
                "The Ostland cabinet said it would reply on Friday. The port will stay shut, according to the statement.",
                &[
                    ("reply on Friday", "body:the Ostland cabinet", Indirect),
                    ("port will stay shut", "<previous>", Indirect),
                ],
            ),
            // the issuer before the noun, or as its owner
            (
                "A Vellmark trade ministry statement said that “the duties will stay.”",
                &[("duties will stay", "body:Vellmark trade ministry", Indirect)],
            ),
            (
                "The harbour authority's statement called for calm at the docks.",
                &[("calm at the docks", "body:the harbour authority", Reported)],
            ),
            (
                "The ferries “will not sail before Monday,” a government statement said late on Friday.",
                &[("will not sail", "body:government", Indirect)],
            ),
            // a report as much as a statement
            (
                "The relief mission warned of empty stores. The report also highlighted the risk to farmers from stray shells.",
                &[
                    ("empty stores", "body:the relief mission", Reported),
                    ("the risk to farmers", "<previous>", Reported),
                ],
            ),
            (
                "A Vellmark water board report said the wells were dry.",
                &[("wells were dry", "body:a Vellmark water board", Indirect)],
            ),
            // an adjective names no issuer
            (
                "A joint statement said the border would stay open.",
                &[("stay open", "<previous>", Indirect)],
            ),
            // a document as an object, or a letter addressed to someone, as before
            ("The ministry read out a statement on the border.", &[]),
            (
                "The letter to the prime minister said the plant would close.",
                &[("plant would close", "body:the letter", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn citing_characterising_and_restating_report_speech() {
        let cases: &[ClaimCase] = &[
            (
                "The Ostland cabinet has kept the border shut, citing security concerns.",
                &[("security concerns", "body:the Ostland cabinet", Reported)],
            ),
            (
                "Ilse Kaarma also cited the blockade as the main cause of the shortages.",
                &[("main cause", "Ilse Kaarma", Reported)],
            ),
            (
                "Both envoys have characterised the meeting as “businesslike” and frank.",
                &[("businesslike", "body:Both envoys", Reported)],
            ),
            (
                "Ilse Kaarma restated her demand that the prisoners be freed.",
                &[("prisoners be freed", "Ilse Kaarma", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn a_reporting_participle_after_its_own_subject_and_a_preposition_is_speech() {
        let cases: &[ClaimCase] = &[
            (
                "The ferry strike followed Harbour Minister Ilse Kaarma insisting that the fares would rise.",
                &[("fares would rise", "Ilse Kaarma", Indirect)],
            ),
            (
                "The vote went ahead amid the Ostland Farmers Union accusing the board of rigging it.",
                &[("rigging it", "body:the Ostland Farmers Union", Reported)],
            ),
            // an act of support is no speech
            (
                "The loans went to Ostland Farmers Union branches backing the plan.",
                &[],
            ),
            // whom a letter is addressed to does not speak
            (
                "Ilse Kaarma sent a letter to the Ostland Farmers Union warning of fines.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn clarifying_reassuring_portraying_pointing_to_and_disputing_report_speech() {
        let cases: &[ClaimCase] = &[
            (
                "Ilse Kaarma clarified that no date had been set for the vote.",
                &[("no date had been set", "Ilse Kaarma", Indirect)],
            ),
            (
                "The harbour board reassured fishermen that the quota would not be cut.",
                &[("quota would not be cut", "body:the harbour board", Indirect)],
            ),
            (
                "Tomas Vik portrayed the new toll as proof that Brensk wants a trade war.",
                &[("proof that Brensk", "Tomas Vik", Reported)],
            ),
            (
                "The Ostland cabinet has referred to the strikers as “saboteurs.”",
                &[("saboteurs", "body:the Ostland cabinet", Reported)],
            ),
            (
                "Tomas Vik also pointed to the closed crossings as a sign of bad faith.",
                &[("closed crossings", "Tomas Vik", Reported)],
            ),
            (
                "The Ostland cabinet has disputed that account of the meeting.",
                &[("that account", "body:the Ostland cabinet", Reported)],
            ),
            (
                "The harbour board notified Brensk of the new fees on Monday.",
                &[("new fees", "body:the harbour board", Indirect)],
            ),
            (
                "The Ostland cabinet encouraged both unions to settle the row in talks.",
                &[("settle the row", "body:the Ostland cabinet", Reported)],
            ),
            // a verb of this kind needs a speaker for a subject
            ("The lorries were referred to another border post.", &[]),
            // "dispute" as a noun ends no speaker's phrase
            (
                "Two Ostland officials involved in the dispute said the port would shut.",
                &[(
                    "port would shut",
                    "body:Two Ostland officials involved in the dispute",
                    Indirect,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn verbs_of_justifying_speaking_about_chanting_and_refusing_talks_report_speech() {
        let cases: &[ClaimCase] = &[
            (
                "Ilse Kaarma justified the new duties by the need to protect the mills.",
                &[("protect the mills", "Ilse Kaarma", Reported)],
            ),
            (
                "The two ministers spoke about keeping the channels of dialogue open.",
                &[("channels of dialogue", "body:the two ministers", Reported)],
            ),
            (
                "Crowds in the square chanted “Down with the cartel!” and “No more fees!”",
                &[("No more fees", "body:Crowds in the square", Indirect)],
            ),
            // speaking to someone, without what about, reports nothing
            ("The minister spoke to reporters in Brensk.", &[]),
            (
                "The Ostland presidency tempered expectations for a quick deal.",
                &[("quick deal", "body:the Ostland presidency", Reported)],
            ),
            // refusing to talk is a stance; refusing to attend is an act
            (
                "The Ostland cabinet has refused to negotiate over the port.",
                &[("over the port", "body:the Ostland cabinet", Reported)],
            ),
            (
                "The Ostland cabinet has refused to attend the ceremony.",
                &[],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn both_and_joins_two_phrases_into_one_subject() {
        let cases: &[ClaimCase] = &[
            (
                "Both the rebels and the government said they would keep the truce.",
                &[(
                    "keep the truce",
                    "body:the rebels and the government",
                    Indirect,
                )],
            ),
            (
                "On Friday, both unions and employers said talks would resume.",
                &[("resume", "body:unions and employers", Indirect)],
            ),
            (
                "Both government forces and rebel groups accuse each other of breaking the deal.",
                &[(
                    "breaking",
                    "body:government forces and rebel groups",
                    Reported,
                )],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
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
