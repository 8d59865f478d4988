//! Phrases: what a run of tokens names. Titles before a name are dropped
//! ("Foreign Minister Anna Kovač"), roles stand for people ("the minister"),
//! body and group nouns make institutions ("the Kremlin", "European leaders"),
//! descriptors before a body's name are no part of it ("state-run"), news
//! outlets and documents are sources, never speakers.

use super::super::Span;
use super::super::lexicon;
use super::super::tokens::Token;
use super::MAX_PHRASE;
use super::context::Ctx;
use super::mentions::{
    Form, Found, Gender, Mention, Np, Pronoun, Usage, gender_of, is_acronym, role_word,
};

/// Most modifiers before the head of a role or group phrase ("a senior
/// Western diplomat").
const MAX_MODIFIERS: usize = 4;

/// Quote marks that open and close a quoted name.
const OPENING_MARKS: &[char] = &['"', '\u{201c}', '\u{2018}', '\''];
const CLOSING_MARKS: &[char] = &['"', '\u{201d}', '\u{2019}', '\''];

impl<'a> Ctx<'a> {
    /// Is token `i` a lowercase role, group or source noun ("spokesman",
    /// "officials", "people", "secretary-general")?
    pub(super) fn is_role_or_group(&self, i: usize) -> bool {
        // Capitalised only as the first word of a sentence ("Officials said").
        let lowercase = |t: &Token| {
            !t.is_cap() || (self.at_sentence_start(i) && !is_acronym(t.key(self.article)))
        };
        let Some(t) = self.word(i).filter(|t| !t.is_possessive()) else {
            return false;
        };
        let key = t.key(self.article);
        let listed = |w: &str| {
            lexicon::is_in(lexicon::ROLES, w)
                || lexicon::is_in(lexicon::GROUPS, w)
                || lexicon::is_in(lexicon::SOURCE_NOUNS, w)
        };
        // The whole key by the token's list bits, the parts by look-ups.
        let token_listed = t.is_in(self.article, lexicon::ROLES)
            || t.is_in(self.article, lexicon::GROUPS)
            || t.is_in(self.article, lexicon::SOURCE_NOUNS);
        // The case last: the list bits rule out nearly every word, and a
        // capital asks where the sentence starts.
        (token_listed || (key.contains('-') && key.split('-').any(listed))) && lowercase(t)
    }

    /// "a spokesman for Britain's business department", "people familiar
    /// with the talks", "an anonymous official from Qatar", "Two EU
    /// diplomats", "officials briefed on the matter": a role or group noun
    /// with its determiners, modifiers and one postmodifier, from token
    /// `from`, ending before `to`; and where it ends. The postmodifier says
    /// who they are (for, of, at, from, close to, familiar with, in a named
    /// place: "officials in Selvik") and is kept.
    pub(super) fn source_phrase(&self, from: usize, to: usize) -> Option<(Found, usize)> {
        let to = to.min(self.len());
        let mut i = from;
        while i < to
            && (self.is(i, lexicon::DETERMINERS)
                || self.is(i, lexicon::QUANTIFIERS)
                || self.is(i, lexicon::OTHERS)
                || self.is_number(i))
        {
            i += 1;
        }
        // An owner first: "the United Nations’ top official", "Kestria's envoy".
        let mut owner_end = i;
        while owner_end < to && owner_end - i < MAX_MODIFIERS && self.is_name_word(owner_end) {
            owner_end += 1;
            if self.tokens[owner_end - 1].is_possessive() {
                i = owner_end;
                break;
            }
        }
        // The first role or group noun among the next words, if every word
        // up to it is a modifier: found first, by the word's list bits, so
        // that the modifier tests (a verb's among them) run only when there
        // is a head to reach, which is seldom.
        let head = (i..to.min(i + MAX_MODIFIERS + 1)).find(|&k| self.is_role_or_group(k))?;
        let modifier = |k: usize| {
            self.word(k).is_some()
                && !self.is_function(k)
                && !self.is_verb(k)
                && !self.is_past_tense(k)
                && !self.word(k).is_some_and(|t| t.is_possessive())
        };
        if !(i..=head).all(modifier) {
            return None;
        }
        // "Secretary of State Marco Diaz" opening a sentence is a title and a name.
        if self.tokens[head].is_cap() && self.is_title(head) {
            return None;
        }
        let mut end = head + 1;
        let mut named_end = end;
        let qualifier = self.is(end, lexicon::SOURCE_QUALIFIERS);
        let preposition = end + usize::from(qualifier);
        // "the ambassador to the agency": a role (not a group) takes "to".
        let role_to = !qualifier
            && self.is(preposition, &["to"])
            && !lexicon::is_in(lexicon::GROUPS, &self.key(head).to_lowercase());
        if self.is(preposition, lexicon::POSTMODIFIER_PREPOSITIONS)
            || (qualifier && self.is(preposition, lexicon::ROLE_POSTMODIFIERS))
            || role_to
        {
            let object = preposition + 1;
            let mut k = object;
            while k < to
                && k - object < MAX_PHRASE
                && self.word(k).is_some()
                && !self.is_verb(k)
                && !self.is_past_tense(k)
                && (!self.is_function(k)
                    || self.is(k, lexicon::DETERMINERS)
                    || self.is(k, lexicon::QUANTIFIERS)
                    || self.is(k, &["of", "for", "and"])
                    // "of more than 55 factories", "of fewer than ten ports"
                    || self.is(k, &["more", "fewer", "less"]) && self.is(k + 1, &["than"])
                    || self.is(k, &["than"]) && self.is(k - 1, &["more", "fewer", "less"]))
            {
                k += 1;
            }
            // "in Brensk and lodged ...": a joiner or determiner at the run's
            // end belongs to what follows
            while k > object && self.is_function(k - 1) {
                k -= 1;
            }
            let time = self.is(object, lexicon::DAYS) || self.is(object, lexicon::MONTHS);
            if k > object && !time {
                end = k;
                named_end = end;
            }
        }
        let span = Span::new(self.tokens[from].span.start, self.tokens[end - 1].stem_end);
        let raw = &self.article[span.start..self.tokens[named_end - 1].span.end];
        let opener = self.is(from, lexicon::DETERMINERS) || self.is(from, lexicon::OTHERS);
        let text = match raw.split_once(' ') {
            Some((first, rest)) if opener => format!("{} {rest}", first.to_lowercase()),
            _ => raw.to_string(),
        };
        let head_word = self.key(head).to_lowercase();
        let form = if lexicon::is_in(lexicon::GROUPS, &head_word) {
            let words = (from..named_end)
                .filter(|&k| !self.is(k, lexicon::DETERMINERS))
                .map(|k| self.tokens[k].stem(self.article).to_lowercase())
                .collect();
            Form::Body {
                text,
                head: head_word,
                words,
                plural: true,
            }
        } else {
            Form::Role {
                text,
                head: head_word,
            }
        };
        let gender = gender_of(self.key(head));
        let np = Np {
            start: from,
            end,
            span,
            form,
            roles: Vec::new(),
            gender,
        };
        Some((Found::Np(np), end))
    }

    /// Tokens `start..end`, commas and all, as one group that speaks
    /// together: "Britain, France and Germany", "Lomari, along with the
    /// African Union and several neighbouring states".
    pub(super) fn group_of(&self, start: usize, end: usize) -> Np {
        let span = Span::new(self.tokens[start].span.start, self.tokens[end - 1].stem_end);
        let raw = &self.article[span.start..span.end];
        let text = match raw.split_once(' ') {
            Some((first, rest)) if self.is(start, lexicon::DETERMINERS) => {
                format!("{} {rest}", first.to_lowercase())
            }
            _ => raw.to_string(),
        };
        let words = (start..end)
            .filter(|&k| self.word(k).is_some() && !self.is(k, lexicon::DETERMINERS))
            .map(|k| self.tokens[k].stem(self.article).to_lowercase())
            .collect();
        Np {
            start,
            end,
            span,
            form: Form::Body {
                text,
                head: self.key(end - 1).to_lowercase(),
                words,
                plural: true,
            },
            roles: Vec::new(),
            gender: Gender::Unknown,
        }
    }

    /// A title before a name ("Minister", "Secretary-General", "Gen.").
    pub(super) fn is_title(&self, i: usize) -> bool {
        self.word(i).is_some_and(|t| {
            t.is_in(self.article, lexicon::TITLES) || {
                let key = t.key(self.article);
                (key.contains('-') && key.split('-').all(|w| lexicon::is_in(lexicon::TITLES, w)))
                    // "PM Ana Rusu", "the Deputy FM": a title's shorthand in
                    // capitals.
                    || (is_acronym(key)
                        && lexicon::role_abbreviation(key).is_some_and(|role| role.contains(' ')))
            }
        })
    }

    /// "Secretary of State Marco Diaz", "Minister of Foreign Affairs Lena
    /// Ruiz": a title with "of" (at token `of`) and a department before a
    /// name. Where the name starts, and the title's words as roles.
    fn title_of(&self, start: usize, of: usize, end: usize) -> Option<(usize, Vec<String>)> {
        if of <= start || !self.is_title(of - 1) || !self.tokens[of - 1].is_cap() {
            return None;
        }
        let mut name_start = of + 1;
        while name_start + 1 < end
            && (self.is(name_start, lexicon::TITLE_OF_OBJECTS)
                || self.is(name_start, &["the", "for", "and", "of"]))
        {
            name_start += 1;
        }
        if !(of + 1..name_start).any(|i| self.is(i, lexicon::TITLE_OF_OBJECTS)) {
            name_start = self.name_after_served_place(name_start, end)?;
        }
        let named = (name_start..end).all(|i| {
            self.is_name_word(i) || (i > name_start && self.is(i, lexicon::NAME_PARTICLES))
        });
        if !named {
            return None;
        }
        let roles = (start..name_start)
            .filter(|&i| !self.is_function(i) && !self.tokens[i].is_possessive())
            .map(|i| role_word(self.key(i)))
            .collect();
        Some((name_start, roles))
    }

    /// "(President of) Ostland Maro Ilic": after a title's "of", the place
    /// it serves runs into the name. Of three or more name words in
    /// `from..end`, the name is the last two (and their particles): where
    /// it starts.
    fn name_after_served_place(&self, from: usize, end: usize) -> Option<usize> {
        let run = (from..end)
            .all(|i| self.is_name_word(i) || (i > from && self.is(i, lexicon::NAME_PARTICLES)));
        let words: Vec<usize> = (from..end)
            .filter(|&i| !self.is(i, lexicon::NAME_PARTICLES))
            .collect();
        (run && words.len() >= 3).then(|| words[words.len() - 2])
    }

    /// "Tourism Minister and former union boss Otto Brask": a title (no
    /// determiner, no name), "and", a second title and a full name in tokens
    /// `start..end` are one person with both titles.
    pub(super) fn two_titles_one_person(&self, start: usize, end: usize) -> Option<Found> {
        let titled = |i: usize| {
            self.is_title(i)
                || self.is(i, lexicon::ROLES)
                || self.is(i, lexicon::GENERIC_ROLE_HEADS)
        };
        let and = (start + 1..end).find(|&i| self.is(i, &["and"]))?;
        let mut name_start = end;
        while name_start > and + 1 && self.is_name_word(name_start - 1) && !titled(name_start - 1) {
            name_start -= 1;
        }
        let first_title = (start..and).all(|i| {
            self.word(i).is_some_and(|t| t.is_cap() || titled(i))
                && !self.is(i, lexicon::DETERMINERS)
                && !self.tokens[i].is_possessive()
        }) && titled(and - 1);
        let second_title = name_start > and + 1
            && titled(name_start - 1)
            && (and + 1..name_start).all(|i| !self.is_function(i) && !self.is(i, &["and"]));
        if !(first_title && second_title && end - name_start >= 2) {
            return None;
        }
        let roles = (start..name_start)
            .filter(|&i| i != and && titled(i))
            .map(|i| role_word(self.key(i)))
            .collect();
        let name = (name_start..end)
            .map(|i| self.tokens[i].stem(self.article).to_string())
            .collect();
        let span = Span::new(self.tokens[start].span.start, self.tokens[end - 1].stem_end);
        Some(Found::Np(Np {
            start,
            end,
            span,
            form: Form::Person(name),
            roles,
            gender: Gender::Unknown,
        }))
    }

    /// What the tokens `start..end` name, if anything.
    pub(super) fn classify(&self, start: usize, end: usize) -> Option<Found> {
        self.classify_phrase(start, end, false)
    }

    /// What the tokens `start..end` name; a role or body after "its", "his"
    /// or "her" keeps the pronoun in its text ("its spokesman", "his
    /// office"), for `coref` to find the owner ("her side" is the owner
    /// herself, and left to `coref` bare).
    pub(super) fn classify_phrase(
        &self,
        start: usize,
        end: usize,
        possessive_head: bool,
    ) -> Option<Found> {
        let mut found = self.classify_bare(start, end, possessive_head)?;
        if start > 0
            && self.word(start - 1).is_some()
            && let Some(owner) = lexicon::OWNER_PRONOUNS
                .iter()
                .find(|w| self.key(start - 1).eq_ignore_ascii_case(w))
            && let Found::Np(np) = &mut found
            && let Form::Role { text, .. } | Form::Body { text, .. } = &mut np.form
            && !text.starts_with(char::is_uppercase)
            && (*owner == "its" || !lexicon::is_in(lexicon::SIDE_NOUNS, text))
        {
            *text = format!("{owner} {text}");
        }
        Some(found)
    }

    fn classify_bare(&self, start: usize, end: usize, possessive_head: bool) -> Option<Found> {
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
        // A person whose name is the words from `name_start` to the end.
        let person = |name_start: usize, roles, gender| {
            let name = (name_start..end)
                .map(|i| self.tokens[i].stem(article).to_string())
                .collect();
            np(Form::Person(name), roles, gender)
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
            self.tokens[i].stem_listed(article, lexicon::OUTLETS)
                || self.is(i, lexicon::SOURCES_NOT_SPEAKERS)
        });
        if is_source {
            return Some(Found::Source);
        }
        let of = (start + 1..end).find(|&i| {
            self.is(i, lexicon::GROUP_PREPOSITIONS)
                || self.named_body_preposition(i)
                || self.title_preposition(i)
        });
        let body_head = of.map_or(end - 1, |i| i - 1);
        let determiners = (start..end)
            .filter(|&i| self.is(i, lexicon::DETERMINERS))
            .count();
        let has_and = (start..end).any(|i| self.key(i).eq_ignore_ascii_case("and"));
        // "The state-run National Mediation Office": a descriptor before a
        // name is no part of it.
        let opener = start + usize::from(self.is(start, lexicon::DETERMINERS));
        let descriptor = opener + 1 < end
            && self.tokens[opener + 1].is_cap()
            && lexicon::is_descriptor(self.key(opener));
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
            // "the 58-year-old said": a definite description by age stands
            // for the person just named, as a role does.
            let aged =
                end - start == 2 && self.is(start, &["the"]) && lexicon::is_age(self.key(end - 1));
            if aged || self.is(end - 1, lexicon::ROLES) {
                let form = Form::Role {
                    text: text(),
                    head: self.key(end - 1).to_lowercase(),
                };
                return Some(np(form, Vec::new(), Gender::Unknown));
            }
            return None;
        }
        let single = end - start - determiners == 1;
        // "Air Ostland": a first word that only an airline's name opens with.
        let airline_first = end - opener == 2
            && self.is(opener, lexicon::AIRLINE_NAME_FIRSTS)
            && self.is_name_word(opener + 1)
            && !self.is_title(opener + 1)
            && !self.is_body_word(opener + 1);
        let company_name = (body_head > start
            && self.is(body_head, lexicon::ORG_NAME_HEADS)
            && self.is_name_word(body_head - 1))
            || airline_first;
        // "the Red Crescent", "the United Nations": people take no "the".
        // "the Economic Community of Coastal States": one "of" may join
        // the name's capitalised words.
        let name_of = |i: usize| {
            i > start + 1
                && i + 1 < end
                && self.is(i, &["of"])
                && of == Some(i)
                && !self.is_title(i - 1)
        };
        let the_name = self.is(start, &["the"])
            && end > start + 1
            && (start + 1..end)
                .all(|i| self.is_name_word(i) && !self.is(i, lexicon::TITLES) || name_of(i));
        // "Ministry of Harbour Affairs spokesperson Ines Valo": a body's
        // name, a lowercase role and a full name is the person, the body and
        // role their titles.
        if !has_and
            && let Some(role) = (start + 1..end.saturating_sub(2))
                .rev()
                .find(|&i| !self.tokens[i].is_cap() && self.is(i, lexicon::ROLES))
            && (role + 1..end).all(|i| self.is_name_word(i) && !self.is_title(i))
        {
            let roles = (start..=role)
                .filter(|&i| {
                    !self.tokens[i].is_possessive()
                        && !self.is(i, lexicon::DETERMINERS)
                        && !self.is_function(i)
                })
                .map(|i| role_word(self.key(i)))
                .collect();
            return Some(person(role + 1, roles, Gender::Unknown));
        }
        // "Republic of Vellmark Prime Minister Ana Rusu": a place's name
        // with "of", then a title and a full name, is the person.
        if !has_and
            && let Some(o) = of
            && let Some(title) = (o + 1..end.saturating_sub(2))
                .rev()
                .find(|&i| self.is_title(i) && self.tokens[i].is_cap())
            && (title + 1..end).all(|i| self.is_name_word(i) && !self.is_title(i))
            && end - title > 2
        {
            let roles = (o + 1..=title)
                .filter(|&i| self.is_title(i))
                .map(|i| role_word(self.key(i)))
                .collect();
            return Some(person(title + 1, roles, Gender::Unknown));
        }
        // "Tourism Minister and former union boss Otto Brask", "NUF chief
        // and veteran lawyer Kamal Hossain": two titles of one person joined
        // by "and" before a full name are no group.
        if has_and && let Some(np) = self.two_titles_one_person(start, end) {
            return Some(np);
        }
        if self.is_body_word(body_head)
            || has_and
            || company_name
            || the_name
            || (single && is_acronym(self.key(end - 1)))
        {
            return Some(body(body_head));
        }
        if let Some(o) = of {
            if let Some((name_start, roles)) = self.title_of(start, o, end) {
                return Some(person(name_start, roles, Gender::Unknown));
            }
            // "the Secretary of State": a title with its department is a role.
            let department = o > start
                && self.is_title(o - 1)
                && (o + 1..end).all(|i| {
                    self.is(i, lexicon::TITLE_OF_OBJECTS) || self.is(i, &["the", "for", "and"])
                });
            if department && o + 1 < end {
                let form = Form::Role {
                    text: text(),
                    head: role_word(self.key(o - 1)),
                };
                return Some(np(form, Vec::new(), Gender::Unknown));
            }
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
        let title = (run..end - 1).rev().find(|&i| self.is_title(i));
        let mut name_start = title.map_or(run, |t| t + 1);
        // The word before the run of names, across a "the": the preposition
        // of a title's department or of what it serves, if any.
        let preposition = run
            .checked_sub(1)
            .map(|k| k - usize::from(k > 0 && self.is(k, &["the"])));
        // "(Secretary) of State Marco Diaz": the department is no part of the name.
        let after_of = preposition.is_some_and(|k| self.is(k, &["of"]));
        if title.is_none() && after_of {
            while name_start + 1 < end && self.is(name_start, lexicon::TITLE_OF_OBJECTS) {
                name_start += 1;
            }
        }
        // "(Special Envoy) for North Korea Hal Brenner", "(Ambassador) to the
        // UN Ida Vell": the place or body a title serves runs into the
        // name; of three or more name words after "for" or "to" (and "the"),
        // the name is the last two (and their particles).
        if title.is_none()
            && let Some(served) = preposition.filter(|&k| k > 0)
            && self.is(served, &["for", "to"])
            && self.is_title(served - 1)
        {
            let words: Vec<usize> = (run..end)
                .filter(|&i| !self.is(i, lexicon::NAME_PARTICLES))
                .collect();
            if words.len() >= 3 {
                name_start = words[words.len() - 2];
            }
        }
        let mut roles: Vec<String> = (start..name_start)
            .filter(|&i| !self.tokens[i].is_possessive() && !self.is(i, lexicon::DETERMINERS))
            .map(|i| role_word(self.key(i)))
            .collect();
        // "the Foreign Minister", "Defence Secretary": a title with its
        // department and no name is a role.
        // "KTU President": an organisation's letters before a title are its
        // owner, no name.
        let title_only = self.is_title(end - 1)
            && (name_start..end - 1).all(|i| {
                self.is_title(i)
                    || self.is(i, lexicon::TITLE_OF_OBJECTS)
                    || (i == name_start && is_acronym(self.key(i)))
            });
        if title_only {
            let form = Form::Role {
                text: text(),
                head: role_word(self.key(end - 1)),
            };
            return Some(np(form, roles, Gender::Unknown));
        }
        let gender = roles
            .iter()
            .map(|r| gender_of(r))
            .find(|g| *g != Gender::Unknown)
            .unwrap_or_default();
        roles.dedup();
        Some(person(name_start, roles, gender))
    }

    /// A person's name in quote marks opening at token `open`, as a nom de
    /// guerre is often written ("rebel negotiator “Pablo Ruiz” said"): a
    /// known given name and one or two more capitalised words, nothing else,
    /// inside the marks. Recorded as a name, so that the surname alone finds
    /// the full name later ("Ruiz stressed ...").
    fn quoted_name(&self, open: usize) -> Option<Np> {
        let mark = self.tokens.get(open)?;
        let opens = OPENING_MARKS.iter().any(|&c| mark.is_punct(c));
        // The marks and the words are the whole quote.
        if !opens || open == 0 || self.quoted[open - 1] || !self.quoted[open] {
            return None;
        }
        let end = (open + 1..self.len().min(open + 5)).find(|&k| !self.tokens[k].is_word())?;
        let close = &self.tokens[end];
        let words = open + 1..end;
        let named = (2..=3).contains(&words.len())
            && words
                .clone()
                .all(|k| self.quoted[k] && self.tokens[k].is_cap())
            && self.quoted[end]
            && !self.quoted.get(end + 1).copied().unwrap_or(false)
            && CLOSING_MARKS.iter().any(|&c| close.is_punct(c));
        let given = self.key(open + 1).to_lowercase();
        if !named
            || !(lexicon::is_in(lexicon::MALE_NAMES, &given)
                || lexicon::is_in(lexicon::FEMALE_NAMES, &given))
        {
            return None;
        }
        let name = words
            .clone()
            .map(|k| self.tokens[k].stem(self.article).to_string())
            .collect();
        Some(Np {
            start: open + 1,
            end,
            span: self.span_of(open + 1, end - open - 1),
            form: Form::Person(name),
            roles: Vec::new(),
            gender: Gender::Unknown,
        })
    }

    /// "Kaldoria's prime minister, Helena Vuorinen, said": a role followed by
    /// a name in commas is that person.
    pub(super) fn with_appositive_name(&self, found: Found, to: usize) -> Found {
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
        let mut closes = end >= to || self.word(end).is_none() || self.is_verb(end);
        let mut place_end = None;
        // "Their chair, Ambassador Losa Vai of Tonga,": a place after the name.
        if !closes && end > start && self.is(end, &["of", "from"]) {
            let mut k = end + 1;
            while k < to && k - end < MAX_PHRASE && self.is_name_word(k) {
                k += 1;
            }
            closes = k > end + 1 && (k >= to || self.is_comma(k));
            place_end = Some(k);
        }
        // "The summit host, Vell's farm minister Ada Lenz,": a role with its
        // owner before the name.
        let role = matches!(generic.form, Form::Role { .. });
        if !closes && role && self.tokens[start].is_cap() {
            let comma = (start..(to + 1).min(start + MAX_PHRASE).min(self.len()))
                .take_while(|&k| self.word(k).is_some() || self.is_comma(k))
                .find(|&k| self.is_comma(k));
            if let Some(comma) = comma
                && let Some(Found::Np(named)) = self.classify(start, comma)
                && matches!(&named.form, Form::Person(name) if name.len() >= 2)
            {
                end = comma;
                closes = true;
            }
        }
        match self.classify(start, end).filter(|_| closes && end > start) {
            Some(Found::Np(mut named))
                if matches!(named.form, Form::Person(_) | Form::Body { .. }) =>
            {
                let words = text.split_whitespace().map(str::to_lowercase);
                named.add_cues(words.collect::<Vec<_>>());
                named.add_cues(generic.roles.clone());
                named.start = generic.start;
                if let Some(place_end) = place_end {
                    named.end = place_end;
                }
                Found::Np(named)
            }
            _ => found,
        }
    }

    /// "one senior manager at the airline": a role with the body it belongs to.
    pub(super) fn with_postmodifier(&self, found: Found, to: usize) -> Found {
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

    /// "the TWU rail union": a capitalised name (`start..end`) followed by
    /// at most two lowercase words and a body noun, with "the" (and one word
    /// of standing) before it, as a body.
    fn name_with_body_noun(&self, start: usize, end: usize) -> Option<Np> {
        if self.tokens[end - 1].is_possessive() {
            return None;
        }
        let noun = (end..(end + 3).min(self.len()))
            .take_while(|&k| {
                self.word(k).is_some_and(|t| !t.is_cap())
                    && !self.is_function(k)
                    && !self.tokens[k].is_possessive()
            })
            .find(|&k| self.is(k, lexicon::BODIES))?;
        let standing = start >= 2 && self.is(start - 1, lexicon::STANDING_WORDS);
        let from = start - usize::from(standing);
        if from == 0 || !self.key(from - 1).eq_ignore_ascii_case("the") {
            return None;
        }
        match self.classify_phrase(from - 1, noun + 1, false)? {
            Found::Np(np) if matches!(np.form, Form::Body { .. }) => Some(np),
            _ => None,
        }
    }

    /// The company reference ending an appositive right after a name
    /// (", Ostland's state gas company,", ", the state oil company,"): a
    /// comma, an optional determiner or possessive owner, lowercase words
    /// that are no function words, the noun, a comma.
    fn appositive_company_noun(&self, end: usize) -> Option<usize> {
        if !self.is_comma(end) {
            return None;
        }
        let mut k = end + 1;
        if self.is(k, lexicon::DETERMINERS)
            || (self.is_name_word(k) && self.tokens[k].is_possessive())
        {
            k += 1;
        }
        let first = k;
        while k < self.len()
            && k - first < 4
            && self.word(k).is_some_and(|t| !t.is_cap())
            && !self.is_function(k)
            && !self.tokens[k].is_possessive()
        {
            k += 1;
        }
        let noun = k.checked_sub(1).filter(|&n| n >= first)?;
        // Only nouns that name nothing but a company: a state can be "a
        // major cocoa producer".
        (self.is_comma(k) && self.is(noun, lexicon::COMPANY_REFERENCES)).then_some(noun)
    }

    /// Full names anywhere outside quotes ("US President Donald Trask",
    /// "Trask’s"), recorded so that a later surname finds its fullest form.
    pub(super) fn push_names(&self, mentions: &mut Vec<Mention>) {
        let mut i = 0;
        while i < self.len() {
            if let Some(np) = self.quoted_name(i) {
                i = np.end + 1;
                mentions.push(np.into_mention(Usage::Name));
                continue;
            }
            let particle_start = self.is(i, lexicon::NAME_PARTICLES) && self.is_name_word(i + 1);
            if !(self.is_name_word(i) || particle_start) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            while end < self.len() {
                let particle = self.is(end, lexicon::NAME_PARTICLES) && self.is_name_word(end + 1);
                // "the Alliance for Democratic Renewal": a body's name goes on
                // across "for", so that its acronym finds it.
                let inside_body =
                    end > start && self.named_body_preposition(end) && self.is_name_word(end + 1);
                if !(self.is_name_word(end) || particle || inside_body) {
                    break;
                }
                end += 1;
                if self.tokens[end - 1].is_possessive() {
                    break;
                }
            }
            // "the TWU rail union", "the ruling VDP party": a name and the
            // common noun of its kind after it name a body together.
            if let Some(np) = self.name_with_body_noun(start, end) {
                i = np.end;
                mentions.push(np.into_mention(Usage::Name));
                continue;
            }
            // "carrier Nordlys Air": a company noun before the name gives its type.
            let before = start > 0
                && self.is(start - 1, lexicon::COMPANY_NOUNS)
                && !self.tokens[start - 1].is_cap();
            // "Veltgas, Ostland's state gas company,": so does one in an
            // appositive after it.
            let after = if before {
                None
            } else {
                self.appositive_company_noun(end)
            };
            let company_noun = before || after.is_some();
            // "President of Ostland Maro Ilic": the place is no part of the name.
            let of = start
                .checked_sub(1)
                .and_then(|p| p.checked_sub(usize::from(self.is(p, &["the"]))));
            let served = of.is_some_and(|o| {
                o >= 1 && self.is(o, &["of"]) && self.tokens[o - 1].is_cap() && self.is_title(o - 1)
            });
            let name_start = if served {
                self.name_after_served_place(start, end).unwrap_or(start)
            } else {
                start
            };
            match self.classify_phrase(name_start, end, true) {
                Some(Found::Np(np)) if matches!(&np.form, Form::Person(n) if n.len() >= 2 && !company_noun) =>
                {
                    mentions.push(np.into_mention(Usage::Name));
                }
                Some(Found::Np(mut np)) if matches!(np.form, Form::Body { .. }) || company_noun => {
                    if company_noun {
                        // "airline group Veltra": both nouns type the company.
                        if start > 1
                            && self.is(start - 2, lexicon::COMPANY_NOUNS)
                            && !self.tokens[start - 2].is_cap()
                        {
                            np.roles.push(self.key(start - 2).to_lowercase());
                        }
                        np.roles
                            .push(self.key(after.unwrap_or(start - 1)).to_lowercase());
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

#[cfg(test)]
mod tests {
    use super::super::super::StatementKind::{Direct, Indirect, Reported};
    use super::super::tests::{ClaimCase, assert_claims, attribute_text};
    use super::*;

    #[test]
    fn titles_never_leak_into_names() {
        let cases: &[ClaimCase] = &[
            (
                "Secretary of State Marco Diaz said the talks were over.",
                &[("talks were over", "Marco Diaz", Indirect)],
            ),
            (
                "Vellish Minister of Foreign Affairs Lena Ruiz told reporters the border was shut.",
                &[("border was shut", "Lena Ruiz", Indirect)],
            ),
            (
                "Speaker of the House Mia Jonsson said the vote would be held.",
                &[("vote would be held", "Mia Jonsson", Indirect)],
            ),
            (
                "OCEN Secretary-General Rafael Quintero said talks would go on.",
                &[("go on", "Rafael Quintero", Indirect)],
            ),
            (
                "Abbot Serafim Lukić told the agency the monks were afraid.",
                &[("monks were afraid", "Serafim Lukić", Indirect)],
            ),
            // a title serving a place: the name is the last two words
            (
                "President of Ostland Maro Ilic said the talks were over.",
                &[("talks were over", "Maro Ilic", Indirect)],
            ),
            (
                "Prime Minister of Kestria Ana Rusu blamed the bloc for the failure.",
                &[("blamed the bloc", "Ana Rusu", Reported)],
            ),
            (
                "The President of the Republic Maro Ilic said the talks were over.",
                &[("talks were over", "Maro Ilic", Indirect)],
            ),
            (
                "The Secretary of State said the plan was sound.",
                &[("plan was sound", "role:the Secretary of State", Indirect)],
            ),
            // a body's name may hold one "of" between its capitalised words
            (
                "The warning by the Economic Community of Coastal States came after a week of rallies.",
                &[(
                    "a week of rallies",
                    "body:the Economic Community of Coastal States",
                    Reported,
                )],
            ),
            (
                "The Organisation of Northern Ports said the strike would end.",
                &[(
                    "strike would end",
                    "body:the Organisation of Northern Ports",
                    Indirect,
                )],
            ),
            (
                "UN High Commissioner for Refugees Ines Valo said returns were not yet safe.",
                &[("not yet safe", "Ines Valo", Indirect)],
            ),
            (
                "Minister for Fisheries Tomas Rekk has said the quota was unfair.",
                &[("quota was unfair", "Tomas Rekk", Indirect)],
            ),
            (
                "Secretary for Trade Ines Valo said she would travel.",
                &[("would travel", "Ines Valo", Indirect)],
            ),
            // a title alone is a role, even capitalised
            (
                "“We are ready,” the Foreign Minister said.",
                &[("We are ready", "role:the Foreign Minister", Direct)],
            ),
            (
                "“We are ready,” the Defence Secretary said.",
                &[("We are ready", "role:the Defence Secretary", Direct)],
            ),
            // a name in apposition to a role, with an owner or a place
            (
                "The talks chair, Vell's farm minister Ada Lenz, said a draft was ready.",
                &[("draft was ready", "Ada Lenz", Indirect)],
            ),
            (
                "The farm delegation, led by Farm Minister Ada Lenz, said the offer was poor.",
                &[("offer was poor", "body:the farm delegation", Indirect)],
            ),
            (
                "The bloc's chair, Ambassador Losa Vai of Tonga, warned that the islands were ready to walk out.",
                &[("walk out", "Losa Vai", Indirect)],
            ),
            // an organisation's letters and a title, then the name
            (
                "KTU President, Ayo Bello, said the stoppage would start on Monday.",
                &[("stoppage would start", "Ayo Bello", Indirect)],
            ),
            (
                "The KTU President said the stoppage would start on Monday.",
                &[("stoppage would start", "role:the KTU President", Indirect)],
            ),
            // a body's name and a lowercase role before a name
            (
                "Ministry of Harbour Affairs spokesperson Ines Valo said the quay would reopen.",
                &[("quay would reopen", "Ines Valo", Indirect)],
            ),
            (
                "Bank of Ostmark spokesman Piet Ahl said rates would rise.",
                &[("rates would rise", "Piet Ahl", Indirect)],
            ),
            // "of" inside a body's name stays
            (
                "The Bank of Ostmark said rates would rise.",
                &[("rates would rise", "body:the Bank of Ostmark", Indirect)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
    }

    #[test]
    fn unnamed_and_second_hand_sources_keep_role_and_postmodifier() {
        let cases: &[ClaimCase] = &[
            (
                "A spokesman for Vellmark’s transport department said ministers were “watching closely.”",
                &[(
                    "watching closely",
                    "role:a spokesman for Vellmark’s transport department",
                    Indirect,
                )],
            ),
            (
                "People familiar with Ostrava’s plans said it would raise its bid.",
                &[(
                    "raise its bid",
                    "body:People familiar with Ostrava’s plans",
                    Indirect,
                )],
            ),
            (
                "Owners of more than 40 canneries said the quota was unfair.",
                &[(
                    "quota was unfair",
                    "body:Owners of more than 40 canneries",
                    Indirect,
                )],
            ),
            (
                "Officials briefed on the matter said a deal was near.",
                &[(
                    "a deal was near",
                    "body:Officials briefed on the matter",
                    Indirect,
                )],
            ),
            (
                "An anonymous official from Dravia reported that the border was shut.",
                &[(
                    "border was shut",
                    "role:an anonymous official from Dravia",
                    Indirect,
                )],
            ),
            (
                "But sources close to the talks doubted the plan would survive.",
                &[(
                    "plan would survive",
                    "body:sources close to the talks",
                    Indirect,
                )],
            ),
            (
                "Two Nordic diplomats, speaking on condition of anonymity, said a new package was ready.",
                &[("new package", "body:Two Nordic diplomats", Indirect)],
            ),
            (
                "Another top-20 investor said the offer was too low.",
                &[("too low", "role:another top-20 investor", Indirect)],
            ),
            (
                "A person close to the company said directors saw the bid as “a raid.”",
                &[("a raid", "role:a person close to the company", Indirect)],
            ),
            (
                "The talks will resume on Monday, according to a spokeswoman for the mediator.",
                &[("resume", "role:a spokeswoman for the mediator", Indirect)],
            ),
            (
                "Vell's ambassador to the council said Ostra would abstain.",
                &[(
                    "would abstain",
                    "role:Vell's ambassador to the council",
                    Indirect,
                )],
            ),
            // where they are says which ones they are
            (
                "A Vell spokesperson in Brensk said the convoy had left.",
                &[(
                    "convoy had left",
                    "role:a Vell spokesperson in Brensk",
                    Indirect,
                )],
            ),
            (
                "Aid workers in Ostra, who asked not to be named, said the road was closed.",
                &[("road was closed", "body:Aid workers in Ostra", Indirect)],
            ),
            (
                "Analysts at Brandt & Vos said the deal was sound.",
                &[("deal was sound", "body:Analysts at Brandt & Vos", Indirect)],
            ),
            (
                "The Kestrel Energy board rejected the bid.",
                &[("the bid", "body:the Kestrel Energy board", Reported)],
            ),
        ];
        for (article, expected) in cases {
            assert_claims(article, expected);
        }
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
}
