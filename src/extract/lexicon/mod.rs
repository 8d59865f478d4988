//! Word lists that drive extraction: reporting verbs, titles, roles, bodies,
//! pronouns, news outlets, first names. Data only; the rules that read these
//! lists live in the step modules.
//!
//! Entries are ASCII and lowercase unless noted; lookups compare
//! case-insensitively through [`is_in`].
//!
//! The lists are `static`, not `const`: a `const` slice may be copied into
//! every codegen unit that uses it, and [`is_in`] finds the hash set of a
//! list by its one address.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::StatementKind;

mod lookup;
pub use lookup::{is_in, list_bit, lists_of, second_tier_bit, starts_reporting_verb, token_lists};

/// A reporting verb form and the kind of statement it introduces.
pub type Verb = (&'static str, StatementKind);

const I: StatementKind = StatementKind::Indirect;
const R: StatementKind = StatementKind::Reported;

/// Reporting verbs, every form spelled out. Verbs that take a clause ("said
/// that ...") make indirect speech; verbs that take an object or complement
/// ("dismissed the offer as ...", "played down expectations") make a reported
/// speech act. Two-word entries are phrasal verbs matched on two tokens.
/// Forms ending in "ing" only count after a comma (", saying that ...").
#[rustfmt::skip]
pub const REPORTING_VERBS: &[Verb] = &[
    ("say", I), ("says", I), ("said", I), ("saying", I), ("tell", I), ("tells", I), ("told", I),
    ("telling", I), ("add", I), ("adds", I), ("added", I), ("adding", I), ("argue", I),
    ("argues", I), ("argued", I), ("arguing", I), ("insist", I), ("insists", I), ("insisted", I),
    ("insisting", I), ("stress", I), ("stresses", I), ("stressed", I), ("stressing", I),
    ("claim", I), ("claims", I), ("claimed", I), ("claiming", I), ("note", I), ("notes", I),
    ("noted", I), ("noting", I), ("explain", I), ("explains", I), ("explained", I),
    ("explaining", I), ("stated", I), ("concede", I), ("concedes", I), ("conceded", I),
    ("conceding", I), ("admit", I), ("admits", I), ("admitted", I), ("admitting", I),
    ("acknowledge", I), ("acknowledges", I), ("acknowledged", I), ("acknowledging", I),
    ("confirm", I), ("confirms", I), ("confirmed", I), ("confirming", I), ("deny", I),
    ("denies", I), ("denied", I), ("denying", I), ("announce", I), ("announces", I),
    ("announced", I), ("announcing", I), ("declare", I), ("declares", I), ("declared", I),
    ("declaring", I), ("assert", I), ("asserts", I), ("asserted", I), ("asserting", I),
    ("maintains", I), ("maintained", I), ("contend", I), ("contends", I), ("contended", I),
    ("reply", I), ("replies", I), ("replied", I), ("replying", I), ("respond", I), ("responds", I),
    ("responded", I), ("responding", I), ("answer", I), ("answers", I), ("answered", I),
    ("countered", I), ("counters", I), ("comment", I), ("comments", I), ("commented", I),
    ("remarked", I), ("observed", I), ("recall", I), ("recalls", I), ("recalled", I),
    ("recalling", I), ("reiterate", I), ("reiterates", I), ("reiterated", I), ("reiterating", I),
    ("repeated", I), ("write", I), ("writes", I), ("wrote", I), ("writing", I), ("tweeted", I),
    ("posted", I), ("quoted", I), ("report", I), ("reports", I), ("reported", I), ("predict", I),
    ("predicts", I), ("predicted", I), ("predicting", I), ("speculate", I), ("speculates", I),
    ("speculated", I), ("speculating", I), ("remind", I), ("reminds", I), ("reminded", I),
    ("reminding", I), ("request", R), ("requests", R), ("requested", R), ("requesting", R),
    ("advise", R), ("advises", R), ("advised", R), ("advising", R), ("suggest", I), ("suggests", I),
    ("suggested", I), ("suggesting", I), ("indicate", I), ("indicates", I), ("indicated", I),
    ("hint", I), ("hints", I), ("hinted", I), ("signal", I), ("signals", I), ("signalled", I),
    ("signaled", I), ("believe", I), ("believes", I), ("believed", I), ("hope", I), ("hopes", I),
    ("hoped", I), ("disagree", I), ("disagrees", I), ("disagreed", I), ("complain", I),
    ("complains", I), ("complained", I), ("lament", I), ("laments", I), ("lamented", I),
    ("protest", I), ("protests", I), ("protested", I), ("emphasise", I), ("emphasises", I),
    ("emphasised", I), ("emphasising", I), ("emphasize", I), ("emphasizes", I), ("emphasized", I),
    ("emphasizing", I), ("underline", I), ("underlines", I), ("underlined", I), ("point out", I),
    ("points out", I), ("pointed out", I), ("warn", I), ("warns", I), ("warned", I),
    ("warning", I), ("caution", I), ("cautions", I), ("cautioned", I), ("cautioning", I),
    ("doubt", I), ("doubts", I), ("doubted", I), ("doubting", I), ("question", I),
    ("questions", I), ("questioned", I), ("questioning", I), ("assure", I), ("assures", I),
    ("assured", I), ("promise", I), ("promises", I), ("promised", I), ("promising", I),
    ("pledge", I), ("pledges", I), ("pledged", I), ("pledging", I), ("vow", I), ("vows", I),
    ("vowed", I), ("vowing", I), ("estimate", I), ("estimates", I), ("estimated", I),
    ("flag", R), ("flags", R), ("flagged", R), ("flagging", R), ("call", R), ("calls", R), ("called", R), ("calling", R),
    ("describe", R), ("describes", R), ("described", R), ("describing", R), ("label", R),
    ("labels", R), ("labelled", R), ("labeled", R), ("brand", R), ("brands", R), ("branded", R),
    ("term", R), ("terms", R), ("termed", R), ("terming", R),
    ("branding", R), ("dismiss", R), ("dismisses", R), ("dismissed", R), ("dismissing", R),
    ("reject", R), ("rejects", R), ("rejected", R), ("rejecting", R), ("welcome", R),
    ("welcomes", R), ("welcomed", R), ("welcoming", R), ("praise", R), ("praises", R),
    ("praised", R), ("praising", R), ("hail", R), ("hails", R), ("hailed", R), ("applaud", R),
    ("applauds", R), ("applauded", R), ("criticise", R), ("criticises", R), ("criticised", R),
    ("criticising", R), ("criticize", R), ("criticizes", R), ("criticized", R), ("criticizing", R),
    ("condemn", R), ("condemns", R), ("condemned", R), ("condemning", R), ("denounce", R),
    ("denounces", R), ("denounced", R), ("denouncing", R), ("slam", R), ("slams", R),
    ("slammed", R), ("accuse", R), ("accuses", R), ("accused", R), ("accusing", R), ("blame", R),
    ("blames", R), ("blamed", R), ("blaming", R), ("urge", R), ("urges", R), ("urged", R),
    ("urging", R), ("appeal", R), ("appeals", R), ("appealed", R), ("demand", R), ("demands", R),
    ("demanded", R), ("demanding", R), ("threaten", R), ("threatens", R), ("threatened", R),
    ("threatening", R), ("offer", R), ("offers", R), ("offered", R), ("offering", R),
    ("propose", R), ("proposes", R), ("proposed", R), ("proposing", R), ("invite", R),
    ("invites", R), ("invited", R), ("back", R), ("backs", R), ("backed", R), ("backing", R),
    ("endorse", R), ("endorses", R), ("endorsed", R), ("support", R), ("supports", R),
    ("supported", R), ("oppose", R), ("opposes", R), ("opposed", R), ("defend", R), ("defends", R),
    ("defended", R), ("defending", R), ("ask", R), ("asks", R), ("asked", R), ("express", R),
    ("expresses", R), ("expressed", R), ("expressing", R), ("voice", R), ("voices", R),
    ("voiced", R), ("voicing", R), ("thank", R), ("thanks", R), ("thanked", R), ("play down", R),
    ("plays down", R), ("played down", R), ("playing down", R), ("downplay", R), ("downplays", R),
    ("downplayed", R), ("downplaying", R), ("rule out", R), ("rules out", R), ("ruled out", R),
    ("ruling out", R), ("talk up", R), ("talks up", R), ("talked up", R), ("brush aside", R),
    ("brushes aside", R), ("brushed aside", R), ("brushing aside", R), ("shrug off", R),
    ("shrugs off", R), ("shrugged off", R), ("shrugging off", R), ("wave off", R),
    ("waves off", R), ("waved off", R), ("waved away", R), ("hit back", R), ("hits back", R),
    ("hitting back", R), ("fired back", R), ("pushed back", R), ("pushes back", R),
    ("pushing back", R), ("reaffirm", I), ("reaffirms", I), ("reaffirmed", I),
    ("reaffirming", I), ("allege", I), ("alleges", I), ("alleged", I), ("alleging", I),
    ("echo", I), ("echoes", I), ("echoed", I), ("echoing", I), ("retort", I), ("retorts", I),
    ("retorted", I), ("mention", I), ("mentions", I), ("mentioned", I), ("mentioning", I),
    ("reveal", I), ("reveals", I), ("revealed", I), ("revealing", I), ("stipulate", I),
    ("stipulates", I), ("stipulated", I), ("inform", I), ("informs", I), ("informed", I),
    ("highlight", R), ("highlights", R), ("highlighted", R), ("highlighting", R),
    ("lambast", R), ("lambasts", R), ("lambasted", R), ("lambasting", R), ("lash", R),
    ("lashes", R), ("lashed", R), ("lashed out", R), ("lashes out", R), ("lashing out", R),
    ("push for", R), ("pushes for", R), ("pushed for", R), ("pushing for", R),
    ("turn down", R), ("turns down", R), ("turned down", R), ("turning down", R),
    ("rubbish", R), ("rubbishes", R), ("rubbished", R), ("rubbishing", R), ("plead", R),
    ("pleads", R), ("pleaded", R), ("pleading", R), ("beg", R), ("begs", R), ("begged", R),
    ("begging", R), ("balk at", R), ("balks at", R), ("balked at", R), ("balking at", R),
    ("baulk at", R), ("baulks at", R), ("baulked at", R), ("baulking at", R), ("labelling", R),
    ("labeling", R), ("disclose", I), ("discloses", I), ("disclosed", I), ("disclosing", I),
    ("make clear", I), ("makes clear", I), ("made clear", I), ("making clear", I),
    ("raise doubts", R), ("raises doubts", R), ("raised doubts", R), ("raising doubts", R),
    ("raise concerns", R), ("raises concerns", R), ("raised concerns", R),
    ("raising concerns", R), ("raise questions", R), ("raises questions", R),
    ("raised questions", R), ("raising questions", R), ("raise fears", R), ("raises fears", R),
    ("raised fears", R), ("raising fears", R), ("seek talks", R), ("seeks talks", R),
    ("sought talks", R), ("seeking talks", R), ("trade accusations", R),
    ("traded accusations", R), ("trading accusations", R), ("trade blame", R),
    ("traded blame", R), ("trading blame", R), ("blast", R), ("blasts", R), ("blasted", R),
    ("blasting", R), ("decry", R), ("decries", R), ("decried", R), ("decrying", R),
    ("deplore", R), ("deplores", R), ("deplored", R), ("deploring", R), ("assail", R),
    ("assails", R), ("assailed", R), ("assailing", R), ("chide", R), ("chides", R),
    ("chided", R), ("chiding", R), ("castigate", R), ("castigates", R), ("castigated", R),
    ("castigating", R), ("berate", R), ("berates", R), ("berated", R), ("berating", R),
    ("rebuke", R), ("rebukes", R), ("rebuked", R), ("rebuking", R), ("rebuff", R),
    ("rebuffs", R), ("rebuffed", R), ("rebuffing", R), ("spurn", R), ("spurns", R),
    ("spurned", R), ("spurning", R), ("laud", R), ("lauds", R), ("lauded", R), ("lauding", R),
    ("commend", R), ("commends", R), ("commended", R), ("commending", R), ("hit out", R),
    ("hits out", R), ("hitting out", R), ("scoff", R), ("scoffs", R), ("scoffed", R),
    ("scoffing", R), ("take aim", R), ("takes aim", R), ("took aim", R), ("taking aim", R),
    ("pointing out", I), ("allude to", R), ("alludes to", R), ("alluded to", R),
    ("alluding to", R), ("recommend", R), ("recommends", R), ("recommended", R),
    ("recommending", R), ("justify", R), ("justifies", R), ("justified", R), ("justifying", R),
    ("speak of", R), ("speaks of", R), ("spoke of", R), ("speaking of", R), ("speak about", R),
    ("speaks about", R), ("spoke about", R), ("speaking about", R), ("chant", I), ("chants", I),
    ("chanted", I), ("chanting", I), ("temper expectations", R), ("tempers expectations", R),
    ("tempered expectations", R), ("tempering expectations", R), ("cite", R), ("cites", R),
    ("cited", R), ("citing", R), ("characterise", R), ("characterises", R), ("characterised", R),
    ("characterising", R), ("characterize", R), ("characterizes", R), ("characterized", R),
    ("characterizing", R), ("restate", I), ("restates", I), ("restated", I), ("restating", I),
    ("underscore", I), ("underscores", I), ("underscored", I), ("underscoring", I),
    ("clarify", I), ("clarifies", I), ("clarified", I), ("clarifying", I), ("reassure", I),
    ("reassures", I), ("reassured", I), ("reassuring", I), ("portray", R), ("portrays", R),
    ("portrayed", R), ("portraying", R), ("refer to", R), ("refers to", R), ("referred to", R),
    ("referring to", R), ("pointed to", R), ("pointing to", R), ("disputed", R),
    ("disputing", R),
    ("notify", I), ("notifies", I), ("notified", I), ("notifying", I), ("encourage", R),
    ("encourages", R), ("encouraged", R), ("encouraging", R),
    ("refute", R), ("refutes", R), ("refuted", R), ("refuting", R),
    ("moots", R), ("mooted", R),
    ("mooting", R), ("weigh in", R), ("weighs in", R), ("weighed in", R), ("weighing in", R),
    // Verbs of saying, judging, advising and complaining that wire copy
    // uses beyond the ones above (the communication and judgement verb
    // classes of English), and the "-ing" forms of listed verbs that were
    // missing: a general completion, not read off any one article.
    ("affirm", I), ("affirms", I), ("affirmed", I), ("affirming", I), ("concur", I), ("concurs", I),
    ("concurred", I), ("concurring", I), ("proclaim", I), ("proclaims", I), ("proclaimed", I),
    ("proclaiming", I), ("opine", I), ("opines", I), ("opined", I), ("opining", I), ("quip", I),
    ("quips", I), ("quipped", I), ("quipping", I), ("mused", I), ("musing", I), ("boast", I),
    ("boasts", I), ("boasted", I), ("boasting", I), ("brag", I), ("brags", I), ("bragged", I),
    ("bragging", I), ("confess", I), ("confesses", I), ("confessed", I), ("confessing", I),
    ("fret", I), ("frets", I), ("fretted", I), ("fretting", I), ("grumble", I), ("grumbles", I),
    ("grumbled", I), ("grumbling", I), ("imply", I), ("implies", I), ("implied", I),
    ("implying", I), ("insinuate", I), ("insinuates", I), ("insinuated", I), ("insinuating", I),
    ("confide", I), ("confides", I), ("confided", I), ("confiding", I), ("answering", I),
    ("commenting", I), ("complaining", I), ("disagreeing", I), ("hinting", I), ("hoping", I),
    ("indicating", I), ("informing", I), ("lamenting", I), ("protesting", I), ("retorting", I),
    ("signalling", I), ("signaling", I), ("stipulating", I), ("underlining", I), ("estimating", I),
    ("expect", I), ("expects", I), ("cast doubt", R), ("casts doubt", R), ("casting doubt", R),
    ("congratulate", R), ("congratulates", R), ("congratulated", R), ("congratulating", R),
    ("apologise", R), ("apologises", R), ("apologised", R), ("apologising", R), ("apologize", R),
    ("apologizes", R), ("apologized", R), ("apologizing", R), ("faulted", R), ("faulting", R),
    ("reproach", R), ("reproaches", R), ("reproached", R), ("reproaching", R), ("censured", R),
    ("censuring", R), ("reprimand", R), ("reprimands", R), ("reprimanded", R), ("reprimanding", R),
    ("admonish", R), ("admonishes", R), ("admonished", R), ("admonishing", R), ("exhort", R),
    ("exhorts", R), ("exhorted", R), ("exhorting", R), ("implore", R), ("implores", R),
    ("implored", R), ("imploring", R), ("extol", R), ("extols", R), ("extolled", R),
    ("extolling", R), ("mocked", R), ("mocking", R), ("ridicule", R), ("ridicules", R),
    ("ridiculed", R), ("ridiculing", R), ("deride", R), ("derides", R), ("derided", R),
    ("deriding", R), ("disparage", R), ("disparages", R), ("disparaged", R), ("disparaging", R),
    ("belittle", R), ("belittles", R), ("belittled", R), ("belittling", R), ("vilify", R),
    ("vilifies", R), ("vilified", R), ("vilifying", R), ("demonise", R), ("demonises", R),
    ("demonised", R), ("demonising", R), ("demonize", R), ("demonizes", R), ("demonized", R),
    ("demonizing", R), ("repudiate", R), ("repudiates", R), ("repudiated", R), ("repudiating", R),
    ("disavow", R), ("disavows", R), ("disavowed", R), ("disavowing", R), ("renounce", R),
    ("renounces", R), ("renounced", R), ("renouncing", R), ("retract", R), ("retracts", R),
    ("retracted", R), ("retracting", R), ("bemoan", R), ("bemoans", R), ("bemoaned", R),
    ("bemoaning", R), ("vented", R), ("objected", R), ("objecting", R), ("outline", R),
    ("outlines", R), ("outlined", R), ("outlining", R), ("tabled", R), ("instructed", R),
    ("instructs", R), ("instructing", R), ("regret", R), ("regrets", R), ("regretted", R),
    ("regretting", R), ("queried", R), ("contradict", R), ("contradicts", R),
    ("contradicted", R), ("contradicting", R), ("rebut", R), ("rebuts", R), ("rebutted", R),
    ("rebutting", R), ("advocated", R), ("advocating", R), ("scorned", R), ("scorns", R),
    ("asking", R), ("thanking", R), ("hailing", R), ("inviting", R), ("applauding", R),
    ("appealing", R), ("endorsing", R), ("slamming", R), ("single out", R), ("singles out", R),
    ("singled out", R), ("singling out", R), ("object to", R), ("objects to", R), ("press for", R),
    ("presses for", R), ("pressed for", R), ("pressing for", R), ("rail against", R),
    ("rails against", R), ("railed against", R), ("railing against", R), ("speak out", R),
    ("speaks out", R), ("spoke out", R), ("speaking out", R), ("chime in", R), ("chimes in", R),
    ("chimed in", R), ("chiming in", R),
];

/// Reporting participles that name their speaker after "by" with no
/// auxiliary, after a noun or a comma: "a truce offered by the rebels",
/// "an initiative welcomed by the president", "the talks, hailed by the
/// United Nations as ...". Not "backed" or "supported" ("militias backed
/// by Ostmark" is help, not speech).
#[rustfmt::skip]
pub static REDUCED_PASSIVES: &[&str] = &[
    "offered", "proposed", "welcomed", "hailed", "praised", "lauded", "applauded", "rejected",
    "condemned", "criticised", "criticized", "denounced", "dismissed", "described", "accused",
    "blamed", "decried", "demanded", "urged",
];

/// Verbs that make a speech act with an [`ACT_OBJECTS`] noun after them
/// ("lodged a formal protest", "exchanged accusations", "issued a
/// warning", "set a deadline", "seeks assurances", "wants answers"): alone
/// they report nothing.
#[rustfmt::skip]
pub static ACT_VERBS: &[&str] = &[
    "lodge", "lodges", "lodged", "lodging", "exchange", "exchanges", "exchanged", "exchanging",
    "trade", "trades", "traded", "trading", "file", "files", "filed", "filing", "issue", "issues",
    "issued", "issuing", "level", "levels", "levelled", "leveled", "levelling", "leveling",
    "register", "registers", "registered", "registering", "renew", "renews", "renewed",
    "renewing", "voice", "voices", "voiced", "voicing", "set", "sets", "setting", "seek", "seeks",
    "sought", "seeking", "want", "wants",
];

/// Forms of "seek", which report speech with talks as their object too
/// ("NATO seeks meaningful dialogue with Russia").
pub static SEEK_VERBS: &[&str] = &["seek", "seeks", "sought", "seeking"];

/// Talks that a [`SEEK_VERBS`] verb seeks (other act verbs with them,
/// "renewed talks", report nothing).
pub static SOUGHT_TALKS: &[&str] = &[
    "talks",
    "dialogue",
    "negotiations",
    "meeting",
    "ceasefire",
    "truce",
    "mediation",
];

/// What an [`ACT_VERBS`] verb does when it reports speech: a protest, a
/// charge, a warning, a demand.
#[rustfmt::skip]
pub static ACT_OBJECTS: &[&str] = &[
    "protest", "protests", "complaint", "complaints", "accusations", "accusation", "allegations",
    "blame", "representations", "warning", "warnings", "threat", "threats", "ultimatum",
    "objection", "objections", "rebuke", "condemnation", "demand", "demands", "appeal", "call",
    "calls", "denial", "denials", "criticism", "reservations", "barbs", "insults", "deadline",
    "deadlines", "answers", "explanation", "explanations", "clarification", "assurances",
    "guarantees", "apology", "compensation", "redress",
];

/// Most words between an [`ACT_VERBS`] verb and its [`ACT_OBJECTS`] noun ("a
/// strongly worded").
pub const MAX_ACT_MODIFIERS: usize = 3;

/// Forms of "claim", which report speech except when the claim is to land
/// or rule ("claimed sovereignty over the strait", "was claimed by
/// Ostland").
pub static CLAIM_VERBS: &[&str] = &["claim", "claims", "claimed", "claiming"];

/// What a [`CLAIM_VERBS`] verb claims when it claims land or rule, not
/// that something is so: its object, or a [`PLACE_FEATURES`] noun.
#[rustfmt::skip]
pub static CLAIMED_POSSESSIONS: &[&str] = &[
    "sovereignty", "ownership", "territory", "territories", "area", "areas", "land", "lands",
    "waters", "control", "islets", "regions", "provinces",
];

/// Most words between a [`CLAIM_VERBS`] verb and its
/// [`CLAIMED_POSSESSIONS`] noun ("the whole", "full").
pub const MAX_CLAIM_MODIFIERS: usize = 3;

/// Verbs of wanting and of pressing someone, a reported position when an
/// object and "to" follow ("the union wants the company to withdraw the
/// cuts", "pushed the United States to bring its subsidies in line").
pub static WANT_VERBS: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "push",
    "pushes",
    "pushed",
    "pushing",
    "pressure",
    "pressures",
    "pressured",
    "pressuring",
    "prod",
    "prods",
    "prodded",
    "prodding",
];

/// The [`REPORTING_VERBS`] entries whose first word is `first` (lowercase):
/// the second word of a phrasal verb, if any, and the kind.
pub fn reporting_verb_forms(first: &str) -> &'static [(Option<&'static str>, StatementKind)] {
    verb_forms_of_bytes(first.as_bytes())
}

/// [`reporting_verb_forms`] of `word` in any ASCII case, lowercased on the
/// stack: attribution asks it for every word, and a heap copy per word cost
/// more than the look-up.
pub fn reporting_verb_forms_of(word: &str) -> &'static [(Option<&'static str>, StatementKind)] {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            for (to, from) in lower.iter_mut().zip(word.as_bytes()) {
                *to = from.to_ascii_lowercase();
            }
            verb_forms_of_bytes(lower)
        }
        None => reporting_verb_forms(&word.to_ascii_lowercase()),
    }
}

/// [`reporting_verb_forms`] of a lowercase word given as bytes: keyed by
/// bytes, a word lowercased into a buffer needs no UTF-8 check.
fn verb_forms_of_bytes(lower: &[u8]) -> &'static [(Option<&'static str>, StatementKind)] {
    // Asked for nearly every word of every sentence: a fast hash, as the keys
    // are fixed words, not input an attacker could choose to collide.
    type Index = FxHashMap<&'static [u8], Vec<(Option<&'static str>, StatementKind)>>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = Index::default();
        for &(form, kind) in REPORTING_VERBS {
            let (head, second) = match form.split_once(' ') {
                Some((head, second)) => (head, Some(second)),
                None => (form, None),
            };
            index
                .entry(head.as_bytes())
                .or_default()
                .push((second, kind));
        }
        index
    });
    index.get(lower).map_or(&[], Vec::as_slice)
}

/// Reporting verb forms that cannot be read as nouns; with these (and forms
/// in "-ed") a lone capitalised word before the verb is taken for a surname.
pub static UNAMBIGUOUS_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "wrote", "writes", "adds", "argues", "insists", "warns",
    "urges", "stresses", "explains", "concedes", "admits", "denies", "believes", "thinks",
];

/// Reporting verb forms in "-s" that read as plural nouns too ("reports",
/// "hopes"): after a lone unknown word in a headline, not taken for a verb.
#[rustfmt::skip]
pub static NOUN_LIKE_VERBS: &[&str] = &[
    "reports", "hopes", "doubts", "questions", "protests", "comments", "answers",
    "thanks", "supports", "signals", "voices", "notes", "backs", "estimates", "labels", "brands",
    "flags", "hints", "echoes", "mentions", "highlights", "lashes", "replies", "responds",
    "talks", "seeks", "counters", "laments", "stresses", "concerns", "blasts", "rebukes",
    "rebuffs",
];

/// Verbs of refusing that report speech when what is refused is speaking
/// ("declined to comment on ...", "refused to say whether ...").
pub const REFUSALS: &[&str] = &[
    "decline",
    "declines",
    "declined",
    "declining",
    "refuse",
    "refuses",
    "refused",
    "refusing",
];

/// What a source may decline to do that is itself a statement: "declined to
/// comment", "refused to confirm", and refusing dialogue or a result
/// ("refused to meet", "refused to recognise the results"); not "declined
/// to attend".
#[rustfmt::skip]
pub const REFUSED_SPEECH: &[&str] = &[
    "comment", "say", "confirm", "elaborate", "discuss", "disclose", "specify", "answer",
    "respond", "speculate", "deny", "name", "reveal", "describe", "detail", "explain", "give",
    "identify", "share", "negotiate", "talk", "accept", "meet", "recognise", "recognize",
    "endorse", "engage", "compromise", "budge",
];

/// Words after a clause-taking verb that turn it into a speech act
/// ("warned against ...", "cautioned against ...").
pub static ACT_PARTICLES: &[&str] = &["against", "of"];

/// Adjectives that report a stance after a copula ("X was doubtful that ...").
#[rustfmt::skip]
pub static REPORTING_ADJECTIVES: &[&str] = &[
    "doubtful", "sceptical", "skeptical", "confident", "optimistic", "pessimistic", "hopeful",
    "adamant", "convinced", "unconvinced", "wary", "cautious", "critical", "dismissive", "defiant",
    "upbeat", "downbeat", "firm", "clear", "blunt", "emphatic", "insistent", "concerned",
    "worried", "disappointed", "pleased",
];

/// Adverbs that may stand between a copula and a [`REPORTING_ADJECTIVES`]
/// entry ("was deeply sceptical", "is still wary"), or between an auxiliary
/// and a progressive reporting verb ("are also calling for"); words in "-ly"
/// count too. Not "not": the adjective is cut out of what the model reads as
/// the verb, and "were not" alone reads as the opposite stance.
pub static DEGREE_ADVERBS: &[&str] = &[
    "also",
    "still",
    "very",
    "more",
    "less",
    "now",
    "again",
    "too",
    "so",
    "far",
    "increasingly",
    "deeply",
    "highly",
    "cautiously",
    "quietly",
];

/// Auxiliaries before a progressive form ("is calling for", "were urging").
pub static PROGRESSIVE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "am"];

/// Verbs that report speech or a view only when a clause follows with
/// "that" ("charged that ...", "upheld that ...", "felt that ..."): without
/// it they name acts ("charged the battery", "felt the blast").
#[rustfmt::skip]
pub static THAT_VERBS: &[&str] = &[
    "charge", "charges", "charged", "charging", "attest", "attests", "attested", "attesting",
    "uphold", "upholds", "upheld", "upholding", "hold", "holds", "held", "holding", "feel",
    "feels", "felt", "feeling", "think", "thinks", "thought", "fear", "fears", "feared",
    "fearing", "reckon", "reckons", "reckoned", "conclude", "concludes", "concluded",
    "concluding", "agree", "agrees", "agreed", "accept", "accepts", "accepted", "accepting",
    "counter", "counters", "countered", "countering", "contend", "contends", "contended",
    "contending", "maintain", "maintained", "maintaining", "stated", "state", "states",
    "stating", "observe", "observes", "observed", "observing", "remark", "remarks", "remarked",
    "recognise", "recognises", "recognised", "recognize", "recognizes", "recognized", "swear",
    "swore", "sworn", "testify", "testified", "testifies", "certify", "certified", "consider",
    "considers", "considered", "considering",
];

/// Nouns for what someone said, which make a statement with their owner and
/// a clause ("Vik's insistence that ...", "the ministry's warning that ...").
#[rustfmt::skip]
pub static SPEECH_NOUNS: &[&str] = &[
    "insistence", "warning", "warnings", "claim", "claims", "assertion", "assertions",
    "assurance", "assurances", "pledge", "pledges", "promise", "promises", "vow", "vows", "call",
    "calls", "demand", "demands", "appeal", "appeals", "argument", "accusation", "accusations",
    "allegation", "allegations", "denial", "suggestion", "contention", "complaint", "threat",
    "threats", "announcement", "admission", "statement", "declaration", "offer", "offers",
    "criticism", "prediction", "remark", "remarks",
];

/// The [`SPEECH_NOUNS`] that also take "for" or "to" ("Ostland's call for
/// talks", "the union's threat to strike").
#[rustfmt::skip]
pub static SPEECH_NOUNS_FOR_TO: &[&str] = &[
    "call", "calls", "demand", "demands", "appeal", "appeals", "pledge", "pledges", "promise",
    "promises", "vow", "vows", "threat", "threats", "offer", "offers",
];

/// Words after a [`SPEECH_NOUNS`] noun that name who said it ("a veto threat
/// from Moscow", "criticism by the union").
pub static SPEECH_AUTHOR_PREPOSITIONS: &[&str] = &["from", "by"];

/// Documents a speaker issues that may take a reporting participle ("issued
/// a joint statement urging ...") and that speak for their issuer as a
/// verb's subject ("The report also highlighted ..."). "resolution" cost an
/// unmatched extraction on blind-wire-2 and is left out.
pub static STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "communique",
    "communiqué",
    "declaration",
    "letter",
    "release",
    "message",
    "report",
];

/// Documents addressed to someone ("the letter to the prime minister", "a
/// note to members"): the one after "to" receives it and never speaks.
pub static ADDRESSED_DOCUMENTS: &[&str] = &["letter", "message", "note", "memo", "appeal"];

/// Verbs after which an "-ing" form is a gerund, not a participle of the
/// clause ("kept saying", "stopped saying").
#[rustfmt::skip]
pub static GERUND_VERBS: &[&str] = &[
    "keep", "keeps", "kept", "keeping", "stop", "stops", "stopped", "start", "starts", "started",
    "began", "begun", "begin", "begins", "avoid", "avoids", "avoided", "mind", "minds", "minded",
    "risk", "risks", "risked", "quit", "quits", "deny", "denies", "denied", "try", "tries",
    "tried", "continue", "continues", "continued", "finished", "resumed",
];

/// Where a speaker said something, in a phrase between subject and verb
/// ("The ministry in a statement on Friday said", "X, ..., in a televised
/// address warned"): no part of the speaker.
#[rustfmt::skip]
pub static VENUE_NOUNS: &[&str] = &[
    "statement", "statements", "communique", "communiqué", "declaration", "letter", "release",
    "message", "interview", "speech", "address", "briefing", "post", "video", "tweet", "remarks",
];

/// Determiners after "in" that open a [`VENUE_NOUNS`] phrase ("in a", "in its").
pub static VENUE_DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their"];

/// Verbs of issuing a [`STATEMENT_NOUNS`] document.
#[rustfmt::skip]
pub static ISSUING_VERBS: &[&str] = &[
    "issued", "issues", "issue", "released", "releases", "published", "publishes", "sent",
    "sends", "put", "puts", "adopted", "adopts", "signed", "signs", "posted", "posts",
];

/// Counts a body keeps ("according to United Nations figures"): the body
/// before them is the source.
pub static DATA_NOUNS: &[&str] = &[
    "figures",
    "data",
    "estimates",
    "statistics",
    "tally",
    "count",
    "calculations",
    "projections",
];

/// Copulas before a [`REPORTING_ADJECTIVES`] entry.
pub static COPULAS: &[&str] = &[
    "was", "is", "were", "are", "remained", "remains", "remain", "seemed", "seems", "seem",
    "appeared", "appears", "appear", "sounded", "sounds", "sound",
];

/// Prepositions that may join a group to its place or owner ("officials in
/// Kyiv", "a group of states").
pub static GROUP_PREPOSITIONS: &[&str] = &["of", "in", "at", "from", "on"];

/// Prepositions inside a capitalised body's name ("the Department for
/// Education", "the Office for National Statistics").
pub static NAMED_BODY_PREPOSITIONS: &[&str] = &["for"];

/// Prepositions that attach a postmodifier to a subject ("Sofia Marchetti of
/// the Centre for Security Studies said").
pub static POSTMODIFIER_PREPOSITIONS: &[&str] = &["of", "in", "at", "from", "on", "for", "with"];

/// Prepositions of a short postmodifier between a role and its name ("the US
/// ambassador to Nato, Dwayne Whitaker,").
pub static ROLE_POSTMODIFIERS: &[&str] = &["to", "of", "at", "for", "in", "from"];

/// Auxiliaries that make a following participle passive ("was said by").
pub static PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];

/// Reporting verb participles that do not end in "-ed".
pub static IRREGULAR_PARTICIPLES: &[&str] = &["said", "told", "written", "made"];

/// Past tenses not in "-ed" of verbs that take an object ("Ostland gave
/// Vell a week", "sent two boats"): a subject phrase stops before one.
#[rustfmt::skip]
pub static IRREGULAR_PAST_VERBS: &[&str] = &[
    "gave", "sent", "took", "met", "held", "kept", "put", "brought", "sought", "struck", "shot",
    "won", "lost", "left", "sold", "bought", "set", "cut", "hit", "began", "drew", "threw",
    "withdrew", "froze", "broke", "shut", "led", "built", "fought", "overtook", "undertook",
    "spent", "forbade", "upheld", "withheld", "overrode", "stood",
];

/// Quantifiers inside a group phrase ("officials on both sides").
#[rustfmt::skip]
pub static QUANTIFIERS: &[&str] = &[
    "both", "all", "several", "many", "some", "most", "few", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "each", "dozen", "hundred",
    "thousand",
];

/// Possessive determiners that can open a role phrase ("Its leader, Tomas Vik, said").
pub static POSSESSIVE_DETERMINERS: &[&str] = &["its", "his", "her", "their", "our"];

/// Verbs that may follow the statement with the speaker after them ("...,
/// said a spokesman."): only these take an inverted subject in indirect speech.
#[rustfmt::skip]
pub static INVERTING_VERBS: &[&str] = &[
    "said", "says", "added", "adds", "wrote", "writes", "argued", "argues", "insisted", "insists",
    "warned", "warns", "noted", "notes", "explained", "explains", "told", "asked", "replied",
    "continued", "stressed", "cautioned", "conceded", "admitted", "claimed", "denounced",
    "declared", "retorted", "countered", "responded", "emphasised", "emphasized", "underlined",
    "underscored", "recalled", "reiterated", "acknowledged", "lamented", "complained",
];

/// Company suffixes written with a final dot ("Andes Copper Corp.").
pub static COMPANY_SUFFIXES: &[&str] = &["Corp", "Inc", "Ltd", "Co", "Bros", "Cie", "Pty"];

/// Abbreviations that never end a sentence: titles and similar (matched
/// case-sensitively, without the final period).
pub static ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Adm", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt",
    "Cpl", "Pvt", "Brig", "Sen", "Rep", "Gov", "Pres", "Rev", "Hon", "St", "Mt", "Jr", "Sr", "No",
    "Nos", "vs", "approx", "Fig", "Figs", "Vol", "pp", "cf", "ca", "Messrs", "Mme", "Mlle",
];

/// Month abbreviations: no sentence end when a number follows ("Jan. 31").
pub static MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Words that start a new sentence after a dotted acronym ("... the U.S. The
/// talks ..."); any other word after "U.S." continues the sentence.
#[rustfmt::skip]
pub static SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "This", "That",
    "These", "Those", "However", "Meanwhile", "In", "On", "At", "After", "Before", "His", "Her",
    "Their", "Its", "Our", "There", "Some", "Many", "Most", "Both", "According", "If", "When",
    "While", "As", "Yet", "So", "Still", "Now", "Then", "Later",
];

/// Title heads that stand before a name ("Foreign Minister Anna Kovač",
/// "Gen. Piet Smit"); the name is what follows the last of them.
#[rustfmt::skip]
pub static TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "madam", "gen", "general", "adm", "admiral", "lt", "lieutenant", "col", "colonel", "maj",
    "major", "capt", "captain", "cmdr", "commander", "sgt", "sergeant", "cpl", "pvt", "brig",
    "marshal", "sen", "senator", "rep", "representative", "congressman", "congresswoman", "gov",
    "governor", "pres", "president", "vice", "minister", "secretary", "chancellor", "premier",
    "prime", "king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "bishop",
    "archbishop", "rabbi", "imam", "sheikh", "emir", "sultan", "ayatollah", "judge", "justice",
    "mayor", "ambassador", "envoy", "commissioner", "chairman", "chairwoman", "chair",
    "chairperson", "chief", "executive", "director", "spokesman", "spokeswoman", "spokesperson",
    "leader", "deputy", "speaker", "rev", "hon", "mme", "mlle", "attorney", "prosecutor",
    "superintendent", "inspector", "coach", "negotiator", "mediator", "delegate", "head",
    "counsel", "officer", "adviser", "advisor", "abbot", "patriarch", "metropolitan", "father",
    "rev", "reverend", "pastor", "rabbi", "mullah", "vizier", "crown",
];

/// Departments and houses after a title and "of" ("Secretary of State",
/// "Minister of Foreign Affairs", "Chief of Staff", "Speaker of the House"):
/// the name follows the last of them.
#[rustfmt::skip]
pub static TITLE_OF_OBJECTS: &[&str] = &[
    "state", "defence", "defense", "foreign", "affairs", "interior", "home", "staff", "justice",
    "finance", "finances", "health", "commerce", "trade", "energy", "agriculture", "education",
    "labour", "labor", "transport", "transportation", "homeland", "security", "treasury",
    "economy", "economic", "war", "veterans", "housing", "environment", "culture", "tourism",
    "industry", "information", "communications", "planning", "development", "science",
    "technology", "sport", "sports", "army", "navy", "air", "force", "forces", "police", "staffs",
    "exchequer", "house", "representatives", "commons", "lords", "senate", "public", "works",
    "national", "internal", "external", "international", "relations", "cooperation", "immigration",
    "migration", "welfare", "social", "labour", "employment", "digital", "infrastructure", "water",
    "fisheries", "mines", "oil", "petroleum", "gas", "natural", "resources", "budget",
    "intelligence", "unification", "reunification", "emergency", "emergencies", "religious",
    "women", "youth", "family", "children", "hajj", "political", "legal", "consular",
    "multilateral", "parliamentary", "european", "regional", "strategic", "refugees", "human",
    "rights", "humanitarian", "disarmament", "climate", "peace", "enlargement", "neighbourhood",
    "neighborhood",
];

/// Role heads that stand for any title in a department ("the treasury
/// chief" for the Treasury Secretary, "the energy boss").
pub static GENERIC_ROLE_HEADS: &[&str] = &["chief", "head", "boss", "czar", "tsar"];

/// Role nouns that name the same post: "the Commission spokesperson" for
/// someone introduced as "spokesman", "the group leader" for its "chief".
pub static ROLE_SYNONYMS: &[&[&str]] = &[
    &["spokesman", "spokeswoman", "spokesperson"],
    &["leader", "chief"],
];

/// Role phrases that name a post by another name, as (describing word,
/// role noun, the title words of the post): "the top diplomat" is the
/// foreign minister, the foreign secretary or the secretary of state.
pub static ROLE_PHRASE_SYNONYMS: &[(&str, &str, &[&[&str]])] = &[(
    "top",
    "diplomat",
    &[
        &["foreign", "minister"],
        &["foreign", "secretary"],
        &["secretary", "state"],
    ],
)];

/// Whether a role phrase's describing words and noun name the post that a
/// person's title words hold ([`ROLE_PHRASE_SYNONYMS`]): "top diplomat" for
/// "Foreign Minister".
pub fn names_post(modifiers: &[String], head: &str, roles: &[String]) -> bool {
    ROLE_PHRASE_SYNONYMS.iter().any(|(word, noun, posts)| {
        *noun == head
            && modifiers.iter().any(|m| m == word)
            && posts
                .iter()
                .any(|post| post.iter().all(|w| roles.iter().any(|r| r == w)))
    })
}

/// Role nouns that a nationality alone makes a post, as (role noun, the
/// title words of the post): "the Chilean leader" is Chile's president or
/// prime minister, "the Chilean diplomat" its foreign minister or envoy.
pub static NATIONAL_ROLE_SYNONYMS: &[(&str, &[&[&str]])] = &[
    (
        "leader",
        &[
            &["president"],
            &["prime", "minister"],
            &["premier"],
            &["chancellor"],
        ],
    ),
    (
        "diplomat",
        &[
            &["foreign", "minister"],
            &["foreign", "secretary"],
            &["secretary", "state"],
            &["ambassador"],
            &["envoy"],
        ],
    ),
];

/// Words of character journalists put before "leader" for a head of state or
/// government ("the maverick leader", "the veteran leader"): like a
/// nationality, they leave the post the same (unlike "opposition" or
/// "rebel", which name another).
#[rustfmt::skip]
pub static LEADER_EPITHETS: &[&str] = &[
    "maverick", "veteran", "embattled", "beleaguered", "authoritarian", "longtime",
    "long-time", "long-serving", "hardline", "hard-line", "populist", "nationalist", "reclusive",
    "mercurial", "outspoken", "firebrand", "ageing", "aging", "strongman", "autocratic",
];

/// Whether a person's title words (`roles`, lowercase) hold a post that the
/// role noun `head` names with a nationality ([`NATIONAL_ROLE_SYNONYMS`]):
/// "leader" for "Prime Minister".
pub fn national_post(head: &str, roles: &[String]) -> bool {
    NATIONAL_ROLE_SYNONYMS.iter().any(|(noun, posts)| {
        *noun == head
            && posts
                .iter()
                .any(|post| post.iter().all(|w| roles.iter().any(|r| r == w)))
    })
}

/// Whether two lowercase role nouns name the same post ([`ROLE_SYNONYMS`]).
pub fn same_role(a: &str, b: &str) -> bool {
    a == b
        || ROLE_SYNONYMS
            .iter()
            .any(|set| set.contains(&a) && set.contains(&b))
}

/// Role nouns: "the minister said" refers back to a person with this role.
#[rustfmt::skip]
pub static ROLES: &[&str] = &[
    "minister", "president", "envoy", "ambassador", "general", "admiral", "commander", "chief",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
    "head", "leader", "negotiator", "mediator", "commissioner", "director", "executive",
    "governor", "mayor", "senator", "official", "diplomat", "analyst", "judge", "prosecutor",
    "lawyer", "premier", "chancellor", "king", "queen", "prince", "representative", "adviser",
    "advisor", "aide", "economist", "expert", "manager", "founder", "ceo", "owner", "candidate",
    "lawmaker", "deputy", "captain", "officer", "inspector", "investigator", "professor",
    "researcher", "scientist", "activist", "campaigner", "organiser", "organizer", "emir",
    "sultan", "monarch", "colonel", "major", "sergeant", "lieutenant", "strategist", "banker",
    "treasurer", "delegate", "chairperson", "investor", "shareholder", "trustee", "member",
    "resident", "witness", "legislator", "mp", "soldier", "medic", "doctor", "nurse", "worker",
    "trader", "farmer", "fisherman", "student", "teacher", "lecturer", "abbot", "priest",
    "bishop", "cleric", "commentator", "historian", "specialist", "consultant", "partner",
    "insider", "operator", "organizer", "observer", "monitor", "inspector", "mediator",
    "steward", "ombudsman", "auditor", "regulator", "governor-general", "secretary-general",
    "coordinator", "policymaker", "policy-maker",
];

/// Head nouns of institutions that speak as one body ("the Kremlin", "the
/// foreign ministry", "the Halvorsen board"). Also matched capitalised.
#[rustfmt::skip]
pub static BODIES: &[&str] = &[
    "kremlin", "ministry", "government", "commission", "council", "committee", "board", "bank",
    "regulator", "agency", "authority", "office", "department", "parliament", "congress", "senate",
    "assembly", "court", "tribunal", "union", "federation", "association", "alliance", "coalition",
    "company", "firm", "group", "party", "front", "movement", "army", "military", "navy", "police",
    "administration", "cabinet", "presidency", "embassy", "delegation", "secretariat", "institute",
    "organisation", "organization", "fund", "operator", "league", "bloc", "consortium", "house",
    "pentagon", "treasury", "junta", "mission", "watchdog", "bureau", "service", "centre",
    "center", "foundation", "corporation", "inc", "ag", "ltd", "plc", "chamber", "directorate",
    "command", "headquarters", "politburo", "legislature", "duma", "knesset", "bundestag", "camp",
    "team", "club", "network", "syndicate", "confederation", "collective", "cartel", "opposition",
    "leadership", "regime", "staff", "guard", "forces", "nato", "opec", "corp", "co", "llc", "sa",
    "gmbh", "spa", "nv", "bv", "holdings", "airline", "carrier", "force", "govt", "coastguard",
    "forum",
    // kinds of company, which stand for one as "the company" does ("the
    // state gas monopoly said", "the mining giant said")
    "monopoly", "giant", "producer", "manufacturer", "maker", "supplier", "lender", "insurer",
    "retailer", "utility", "miner", "developer", "exporter", "importer", "refiner", "shipper",
    "conglomerate", "automaker", "carmaker", "chipmaker", "steelmaker", "drugmaker",
];

/// Modal verbs, capitalised in a Title Case headline ("Ostland Will
/// Respond to Sanctions"): between a subject and its verb, never a name.
pub static MODALS: &[&str] = &[
    "will", "would", "could", "should", "must", "might", "can", "shall",
];

/// Common nouns that end the name of a place, not of a person: "Taiwan
/// Strait" is no one whose family name is "Taiwan".
#[rustfmt::skip]
pub static PLACE_FEATURES: &[&str] = &[
    "strait", "straits", "sea", "gulf", "bay", "river", "lake", "ocean", "island", "islands",
    "peninsula", "coast", "canal", "valley", "desert", "mountains", "plateau", "delta", "basin",
    "corridor", "border", "province", "region", "city", "square", "street", "airport", "port",
    "heights", "highlands", "mountain", "channel", "harbour", "harbor", "cape", "county",
];

/// Kinds of body, each the nouns a text may call one body of that kind by
/// ("Ostland's largest rail union" is "the Federation of Rail Workers").
pub static BODY_KINDS: &[&[&str]] = &[
    &[
        "union",
        "federation",
        "confederation",
        "association",
        "guild",
        "syndicate",
    ],
    &["coalition", "alliance", "bloc", "front", "movement"],
];

/// Words of standing before a body's common noun that its name need not
/// repeat ("the ruling party" for "the ruling VDP party", "the main union").
pub static STANDING_WORDS: &[&str] = &["ruling", "governing", "main", "largest", "biggest"];

/// Words that open a clause trailing a closing attribution ("..., Y said
/// on Friday, as queues grew", "..., Y said, adding ...").
pub static TRAILING_CLAUSE_OPENERS: &[&str] = &[
    "as", "while", "adding", "after", "before", "amid", "when", "citing", "noting", "though",
    "although",
];

/// Plural groups that speak together ("European leaders", "public-sector
/// unions"); "they" refers back to these.
#[rustfmt::skip]
pub static GROUPS: &[&str] = &[
    "leaders", "officials", "diplomats", "ministers", "negotiators", "analysts", "experts",
    "critics", "observers", "sources", "residents", "witnesses", "protesters", "protestors",
    "lawmakers", "legislators", "senators", "politicians", "economists", "investors", "traders",
    "bankers", "executives", "unions", "rebels", "insurgents", "militants", "activists",
    "campaigners", "workers", "employees", "farmers", "fishermen", "doctors", "scientists",
    "researchers", "governments", "allies", "members", "delegates", "delegations", "authorities",
    "countries", "nations", "sides", "parties", "groups", "companies", "producers", "opponents",
    "supporters", "neighbours", "neighbors", "partners", "envoys", "generals", "commanders",
    "officers", "spokespeople", "representatives", "mediators", "monitors", "inspectors",
    "prosecutors", "judges", "voters", "agencies", "ministries", "banks", "regulators",
    "employers", "unionists", "shareholders", "creditors", "donors", "organisers", "organizers",
    "states", "capitals", "chiefs", "advisers", "advisors", "aides", "planners", "bishops",
    "scholars", "lawyers", "administrators", "manufacturers", "exporters", "importers", "owners",
    "miners", "drivers", "pilots", "nurses", "teachers", "students", "soldiers", "villagers",
    "refugees", "families", "residents", "farmers", "citizens", "shippers", "airlines", "carriers",
    "crowds", "people", "persons", "insiders", "trustees", "hospitals", "charities", "medics", "sides",
    "mps", "councils", "courts", "firms", "unions", "governors", "mayors", "clerics", "powers",
    "embassies", "missions", "coordinators", "deputies", "bondholders", "lenders",
    "parliamentarians", "ambassadors", "strikers", "dockers", "truckers", "retailers",
    "businesses", "industrialists", "councillors", "councilors", "commissioners", "presidents",
    "premiers", "associations", "federations", "consumers", "landlords", "relatives", "growers",
    "parents", "survivors", "merchants", "shopkeepers",
    "tenants", "pensioners", "veterans", "clubs", "teams", "leagues", "operators", "providers",
    "rivals", "bosses", "commissions", "committees", "factions", "coalitions", "alliances",
    "lobbies", "chambers", "managers", "directors", "organisations", "organizations",
    "institutions",
    // one party of a dispute ("each side", "the Ostland side")
    "side",
];

/// Nouns for unnamed sources, besides roles and groups ("people familiar
/// with ...", "a person close to ...", "sources close to ...").
pub static SOURCE_NOUNS: &[&str] = &[
    "people", "person", "persons", "source", "sources", "insider", "insiders",
];

/// Adjectives and participles that tie an unnamed source to what it knows
/// ("familiar with", "close to", "briefed on", "involved in").
#[rustfmt::skip]
pub static SOURCE_QUALIFIERS: &[&str] = &[
    "familiar", "close", "closer", "briefed", "involved", "knowledgeable", "aware", "privy",
    "linked", "allied", "loyal", "opposed", "connected", "tied", "affiliated", "working",
    "speaking",
];

/// Verbs of passing on someone's words: "the agency quoted the envoy as
/// saying ...", "X cited the president as saying ...": the one quoted speaks.
pub static QUOTING_VERBS: &[&str] = &["quoted", "quotes", "cited", "cites"];

/// Words that, right after a verb, make it a source's request for anonymity
/// ("asked not to be named", "requested anonymity", "spoke on condition of
/// anonymity"), not a report of what it said.
pub static ANONYMITY_WORDS: &[&str] = &["anonymity", "named", "identified", "quoted"];

/// Nouns for a person's or body's own people, written after a possessive
/// pronoun ("her side said", "his camp said"): the owner speaks.
pub static SIDE_NOUNS: &[&str] = &["side", "camp"];

/// Possessive pronouns a role or body keeps for `coref` to find its owner
/// ("its foreign ministry", "his office", "her spokeswoman").
pub static OWNER_PRONOUNS: &[&str] = &["its", "his", "her"];

/// Words before "minister" or "ministry" that name no ministry's post
/// ("Prime Minister", "the deputy minister", "her ministry"): "the
/// ministry" takes its post from the last one that does ("Mines Minister").
pub static NON_PORTFOLIO_WORDS: &[&str] = &[
    "prime", "deputy", "vice", "former", "junior", "senior", "first", "chief", "state", "cabinet",
    "acting", "new", "the", "a", "an", "his", "her", "its", "their", "our", "whose", "said",
];

/// Words of rank before an indefinite role ("a senior official", "a top
/// aide"): an unnamed source that the article does not name further down,
/// unlike "an insurgent spokesman" whom it names later.
pub static RANK_WORDS: &[&str] = &[
    "senior",
    "top",
    "high-ranking",
    "junior",
    "former",
    "ranking",
    "high-level",
    "leading",
];

/// Nouns of a figure someone puts at a value ("put the death toll at 31",
/// "organisers put the number at 40,000"): an estimate is a statement.
pub static ESTIMATE_NOUNS: &[&str] = &["toll", "number", "figure", "turnout"];

/// Verbs that set a deadline when a count of [`DEADLINE_UNITS`] and "to"
/// follow their object ("gave the operator 30 days to pay"): an ultimatum.
pub static DEADLINE_VERBS: &[&str] = &["give", "gives", "gave", "given"];

/// Units of a deadline ("48 hours", "two weeks").
pub static DEADLINE_UNITS: &[&str] = &["hours", "days", "weeks", "months"];

/// Pronouns after a count and "of" that make it a part of a group named
/// before ("one of them said").
pub static PARTITIVE_PRONOUNS: &[&str] = &["them", "those"];

/// Determiner-like words that open a role or group phrase ("another official").
pub static OTHERS: &[&str] = &["another", "other", "one"];

/// Places and their adjectives that do not follow the regular pattern
/// ("Germany" -> "German", "Oman" -> "Omani"), lowercase.
#[rustfmt::skip]
pub const DEMONYMS: &[(&str, &str)] = &[
    ("france", "french"), ("netherlands", "dutch"), ("holland", "dutch"),
    ("switzerland", "swiss"), ("britain", "british"), ("uk", "british"), ("u.k.", "british"),
    ("united kingdom", "british"), ("england", "english"), ("scotland", "scottish"),
    ("wales", "welsh"), ("ireland", "irish"), ("us", "american"), ("u.s.", "american"),
    ("united states", "american"), ("america", "american"), ("greece", "greek"),
    ("denmark", "danish"), ("sweden", "swedish"), ("finland", "finnish"), ("poland", "polish"),
    ("norway", "norwegian"), ("philippines", "filipino"), ("spain", "spanish"),
    ("turkey", "turkish"), ("türkiye", "turkish"), ("portugal", "portuguese"),
    ("thailand", "thai"), ("saudi arabia", "saudi"), ("cyprus", "cypriot"),
    ("afghanistan", "afghan"), ("kazakhstan", "kazakh"), ("uzbekistan", "uzbek"),
    ("tajikistan", "tajik"), ("kyrgyzstan", "kyrgyz"), ("czech republic", "czech"),
    ("czechia", "czech"), ("slovakia", "slovak"), ("eu", "european"),
    ("european union", "european"), ("congo", "congolese"), ("madagascar", "malagasy"),
    ("new zealand", "new zealand"), ("iceland", "icelandic"), ("luxembourg", "luxembourgish"),
    ("bangladesh", "bangladeshi"), ("somalia", "somali"), ("china", "chinese"),
    ("japan", "japanese"), ("lebanon", "lebanese"), ("sudan", "sudanese"),
];

/// Nationality adjectives, lowercase: a description with one names an
/// owner ("the French foreign minister" is no one's else).
#[rustfmt::skip]
pub static NATIONALITIES: &[&str] = &[
    "german", "russian", "iranian", "ukrainian", "indian", "pakistani", "qatari", "egyptian",
    "syrian", "iraqi", "korean", "italian", "belgian", "austrian", "hungarian", "romanian",
    "serbian", "croatian", "bosnian", "bulgarian", "canadian", "mexican", "brazilian",
    "argentine", "argentinian", "australian", "jordanian", "emirati", "omani", "kuwaiti",
    "bahraini", "yemeni", "libyan", "tunisian", "algerian", "moroccan", "nigerian", "kenyan",
    "ethiopian", "eritrean", "palestinian", "israeli", "estonian", "latvian", "lithuanian",
    "belarusian", "georgian", "armenian", "azerbaijani", "moldovan", "albanian", "kosovan",
    "macedonian", "slovenian", "montenegrin", "venezuelan", "colombian", "peruvian", "chilean",
    "cuban", "vietnamese", "indonesian", "malaysian", "singaporean", "taiwanese", "mongolian",
    "nepalese", "burmese", "cambodian", "ghanaian", "senegalese", "malian", "chadian",
    "rwandan", "ugandan", "tanzanian", "zambian", "zimbabwean", "angolan", "mozambican",
    "european",
];

/// Subject pronouns that can stand for a speaker.
pub static PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// Pronouns and determiners that hint at a person's gender.
#[rustfmt::skip]
pub static MALE_CUES: &[&str] = &[
    "he", "his", "him", "himself", "mr", "sir", "lord", "king", "prince", "spokesman", "chairman",
    "congressman", "businessman", "emperor", "sultan", "emir",
];
/// See [`MALE_CUES`].
#[rustfmt::skip]
pub static FEMALE_CUES: &[&str] = &[
    "she", "her", "hers", "herself", "mrs", "ms", "miss", "madam", "lady", "dame", "queen",
    "princess", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mme", "mlle",
];

/// Pronouns after a reporting verb that tell the speaker's gender ("said she had").
pub static PRONOUN_CUES: &[&str] = &["he", "his", "him", "she", "her"];

/// Words that introduce a document's author ("a statement from the ministry").
pub static AUTHOR_PREPOSITIONS: &[&str] = &["from", "by", "of"];

/// News outlets and the words that name them (matched case-sensitively: an
/// outlet is never the speaker of someone else's statement).
#[rustfmt::skip]
pub static OUTLETS: &[&str] = &[
    "BBC", "Reuters", "AP", "AFP", "CNN", "Bloomberg", "Associated", "Agence", "France-Presse",
    "Jazeera", "TASS", "Interfax", "RIA", "Xinhua", "Kyodo", "Yonhap", "NHK", "dpa", "DPA",
    "Politico", "Axios", "Herald", "Times", "Post", "Guardian", "Telegraph", "Gazette", "Gazeta",
    "Tribune", "Journal", "Express", "Economist", "Spiegel", "Monde", "Figaro", "Observer",
    "Chronicle", "Bild", "Kommersant", "Izvestia", "Pravda", "Haaretz", "Asahi", "Yomiuri", "NPR",
    "PBS", "ABC", "NBC", "CBS", "Fox", "Sky", "Euronews", "Deutsche", "Welle", "RFE", "Vedomosti",
    "Ukrainska", "Reporter", "Newsweek", "Wire", "Dispatch", "Courier", "Mirror", "Standard",
    "Corriere", "Repubblica", "País", "Zeitung", "Tagesschau", "ANSA", "EFE", "Anadolu", "Yle",
    "SVT", "NRK", "DR",
];

/// Verbs by which an outlet reports on its own account ("the agency
/// reported that ..."): the outlet then speaks, when nobody else does.
pub static OUTLET_VERBS: &[&str] = &["said", "says", "reported", "reports", "claimed", "claims"];

/// Plain reporting verbs with which a body passes on what one of its people
/// said ("The presidency said Ostrova told Brask ...").
pub static PLAIN_REPORTS: &[&str] = &["said", "says", "added", "adds"];

/// Lowercase nouns that name an outlet ("the newspaper", "state news agency").
#[rustfmt::skip]
pub static OUTLET_NOUNS: &[&str] = &[
    "newspaper", "paper", "broadcaster", "magazine", "daily", "tabloid", "outlet", "news",
    "channel", "website", "agency", "television", "radio",
];

/// Lowercase nouns for the press as a whole, which closes a sentence as an
/// outlet does (", state media reported", ", local press said") without
/// being one outlet that speaks for itself.
pub static MEDIA_NOUNS: &[&str] = &["media", "press"];

/// Unions of states that "the bloc" stands for once named, lowercase.
#[rustfmt::skip]
pub static BLOCS: &[&str] = &[
    "eu", "european union", "asean", "au", "african union", "nato", "ecowas", "mercosur", "opec",
    "opec+", "g7", "g20", "brics", "sadc", "gcc", "gulf cooperation council", "eac",
    "east african community", "caricom", "arab league", "csto", "eaeu", "eurasian economic union",
    "sco", "shanghai cooperation organisation", "shanghai cooperation organization", "apec",
    "igad", "comesa",
];

/// Adjectives that point back to someone named before ("the same sources",
/// "the aforementioned official"): no part of what the phrase must match.
pub static BACK_POINTING: &[&str] = &["same", "aforementioned"];

/// Plural nouns for what the press puts out, after a word that says whose
/// ("local reports", "Vellish media outlets").
pub static PRESS_PLURALS: &[&str] = &["reports", "outlets"];

/// Words that say which press reports ("local media", "state-controlled
/// outlets").
pub static MEDIA_ADJECTIVES: &[&str] = &[
    "local",
    "national",
    "foreign",
    "domestic",
    "regional",
    "independent",
    "pro-government",
    "opposition",
    "western",
    "international",
    "state-controlled",
    "state-owned",
    "government",
];

/// Lowercase nouns for outlets and documents, which are never speakers (a
/// [`STATEMENT_NOUNS`] document as a verb's subject speaks for its issuer).
#[rustfmt::skip]
pub static SOURCES_NOT_SPEAKERS: &[&str] = &[
    "newspaper", "paper", "broadcaster", "magazine", "daily", "tabloid", "outlet", "news",
    "channel", "website", "letter", "report", "document", "draft", "memo", "survey", "poll",
    "study", "data", "figures", "estimates", "statement", "records", "footage", "images",
    "analysis", "filing", "filings", "transcript", "tally", "count",
];

/// Determiners that introduce someone new ("a senior official said").
pub static INDEFINITE_DETERMINERS: &[&str] = &["a", "an", "one"];

/// Determiners that open a noun phrase.
pub static DETERMINERS: &[&str] = &["the", "a", "an"];

/// Lowercase particles inside names ("Margreet de Boer", "Ursula von der Leyen").
pub static NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al", "el",
    "bin", "ibn", "ben", "dos", "das", "do", "ter", "ten", "y", "zu", "af", "ap", "mac",
];

/// Particles joined to a name by a hyphen ("Khalid al-Hakim").
pub static HYPHENATED_NAME_PARTICLES: &[&str] = &["al-", "el-"];

/// Capitalised last words that make a name a company ("Tanjung Energy",
/// "Nordlys Air"), when another capitalised word stands before them.
#[rustfmt::skip]
pub static ORG_NAME_HEADS: &[&str] = &[
    "energy", "air", "airlines", "airways", "aviation", "oil", "gas", "petroleum", "mining",
    "motors", "telecom", "technologies", "systems", "securities", "capital", "partners",
    "industries", "pharmaceuticals", "resources", "shipping", "logistics", "steel", "electric",
    "foods", "insurance", "investments", "ventures", "railways", "chemicals", "semiconductors",
    "networks", "utilities", "minerals", "metals",
];

/// First words that make a two-word name an airline's ("Air Ostland").
pub static AIRLINE_NAME_FIRSTS: &[&str] = &["air"];

/// Heads of company names that make the company an airline.
pub static AIRLINE_NAME_HEADS: &[&str] = &["air", "airlines", "airways", "aviation"];

/// Common nouns that introduce a company's name ("carrier Nordlys Air") and
/// later stand for it ("the company said").
#[rustfmt::skip]
pub static COMPANY_NOUNS: &[&str] = &[
    "company", "firm", "airline", "carrier", "operator", "corporation", "conglomerate", "group",
    "consortium", "producer", "manufacturer", "maker", "supplier", "lender", "insurer", "retailer",
    "utility", "miner", "developer", "monopoly", "giant", "exporter", "importer", "refiner",
    "shipper", "automaker", "carmaker", "chipmaker", "steelmaker", "drugmaker",
];

/// Of [`COMPANY_NOUNS`], those naming an airline.
pub static AIRLINE_NOUNS: &[&str] = &["airline", "carrier"];

/// Generic nouns that, after "the", refer back to a company named before
/// ("the company", "the airline").
pub static COMPANY_REFERENCES: &[&str] = &[
    "company",
    "firm",
    "airline",
    "carrier",
    "operator",
    "monopoly",
    "giant",
    "miner",
    "lender",
    "utility",
    "insurer",
    "retailer",
    "automaker",
    "carmaker",
    "chipmaker",
    "steelmaker",
    "drugmaker",
];

/// Descriptive words that end like these ("state-run", "Moscow-based") are
/// dropped from the front of a named body's canonical form.
pub static DESCRIPTOR_SUFFIXES: &[&str] = &[
    "-run",
    "-owned",
    "-backed",
    "-based",
    "-funded",
    "-controlled",
    "-affiliated",
    "-led",
    "-linked",
    "-aligned",
    "-sponsored",
    "-financed",
];

/// Descriptive words dropped like [`DESCRIPTOR_SUFFIXES`] ones.
pub static DESCRIPTORS: &[&str] = &["so-called"];

/// Words in "-ly" that are no adverbs: nouns ("monopoly", "assembly",
/// "ally"), months and places, verbs ("comply", "reply") and "only".
#[rustfmt::skip]
static NOT_LY_ADVERBS: &[&str] = &[
    "only", "monopoly", "assembly", "family", "ally", "rally", "supply", "italy", "july",
    "anomaly", "homily", "tally", "reply", "apply", "comply", "rely", "imply", "multiply",
    "oligopoly", "duopoly", "belly", "bully", "folly", "jelly", "holly", "lily", "emily",
];

/// An adverb in "-ly" ("widely", "sharply"), by its ending: not "only",
/// nor a noun or verb that ends so ("monopoly", "ally", "comply").
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ly") && !is_in(NOT_LY_ADVERBS, word)
}

/// An age used as a description: "61-year-old", "52-year-old".
pub fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Is `word` a descriptor before a body's name ("state-run", "so-called")?
pub fn is_descriptor(word: &str) -> bool {
    if word.is_ascii() {
        // The same test without a lowercase copy: it is asked of most
        // capitalised words, and the copy cost more than the test.
        let bytes = word.as_bytes();
        return is_in(DESCRIPTORS, word)
            || DESCRIPTOR_SUFFIXES.iter().any(|s| {
                bytes.len() >= s.len()
                    && bytes[bytes.len() - s.len()..]
                        .iter()
                        .map(u8::to_ascii_lowercase)
                        .eq(s.bytes())
            });
    }
    let lower = word.to_lowercase();
    is_in(DESCRIPTORS, &lower) || DESCRIPTOR_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// Words between a subject and its verb that do not break the link ("Kovač
/// has also said", "he now argues").
#[rustfmt::skip]
pub static BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also", "later", "now", "then", "again", "further", "still", "once", "previously", "earlier",
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "should", "may",
    "might", "can", "did", "does", "do", "not", "never", "already", "even", "just", "only",
    "first", "since", "too", "subsequently", "meanwhile", "today", "yesterday", "tonight", "both",
    "here",
    "all", "each", "herself", "himself", "themselves", "itself", "swiftly", "quickly",
    "immediately", "long", "remain", "remains", "remained", "seem", "seems", "seemed",
    "appear", "appears", "appeared", "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t",
    "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "won't", "won’t", "wouldn't",
    "wouldn’t", "couldn't", "couldn’t", "cannot", "can't", "can’t", "however", "almost",
];

/// Auxiliaries after which a reporting verb form is a verb, never a noun
/// ("is demanding", "did underline", "has called"): a lone unknown name
/// before them is the verb's subject.
pub static VERB_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "did", "does", "will", "would",
];

/// Days, and words standing for one, that head a time phrase ("on Monday",
/// "late Wednesday", "yesterday").
#[rustfmt::skip]
pub static DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun",
];

/// Months, full and abbreviated, that head a date ("on March 3", "Nov. 26").
#[rustfmt::skip]
pub static MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Parts of a day after a day ("Monday evening").
pub static PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Periods after "last", "this" or "next" ("last week").
pub static PERIODS: &[&str] = &["week", "weekend", "month", "year", "night", "morning"];

/// Words before a time phrase's head ("on Monday", "late Wednesday", "last week").
pub static TIME_MODIFIERS: &[&str] = &[
    "on", "late", "early", "last", "this", "next", "earlier", "until", "since", "till",
];

/// Words that join two clauses after a comma or semicolon; a sentence is cut
/// before one when the clause after it has a speaker of its own ("..., while
/// Y said ...").
pub static CLAUSE_JOINERS: &[&str] = &[
    "while", "whereas", "but", "even as", "and", "although", "though", "yet", "as", "with",
];

/// Adjectives and verbs of trying before "to" and a reporting verb whose
/// subject is the speaker ("was quick to dismiss", "were only willing to
/// say", "sought to reassure").
#[rustfmt::skip]
pub static INFINITIVE_LEADS: &[&str] = &[
    "willing", "unwilling", "quick", "keen", "eager", "careful", "swift", "anxious",
    // verbs of trying ("sought to reassure", "moved to play down", "rushed to deny")
    "sought", "seeks", "seek", "seeking", "moved", "moves", "tried", "tries", "attempted",
    "attempts", "rushed", "rushes", "hastened",
];

/// Nouns that end a span of time between a subject and its verb ("in the
/// past week", "over the weekend").
pub static SPAN_NOUNS: &[&str] = &[
    "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "hours",
];

/// Words inside a span of time before its noun ("the past", "recent", "few").
pub static SPAN_MODIFIERS: &[&str] = &[
    "past", "last", "recent", "few", "coming", "previous", "several", "same",
];

/// Prepositions that lead a span of time ("in", "over", "at", "during").
pub static SPAN_PREPOSITIONS: &[&str] = &[
    "in", "over", "at", "during", "within", "for", "until", "since", "till",
];

/// Two-word phrases of time or stance that stand between a subject (or its
/// auxiliary) and the verb: "has so far refused", "has to date said".
pub static TWO_WORD_ADJUNCTS: &[(&str, &str)] = &[
    ("so", "far"),
    ("to", "date"),
    ("for", "now"),
    ("by", "then"),
    ("until", "now"),
    ("since", "then"),
    ("at", "first"),
];

/// Nouns after "in" that make a phrase between a subject and its verb ("in
/// turn", "in response").
pub static IN_PHRASE_NOUNS: &[&str] = &["turn", "response", "reply", "return"];

/// Verbs of agreement that report the parties' joint word in a headline
/// when "to" or "on" follows ("Ostland, Vell agree to reopen border").
pub static HEADLINE_AGREEMENTS: &[&str] = &["agree", "agrees"];

/// Head nouns of a state's own bodies, which a bare "the ..." names without
/// their owner ("the interior ministry", "the port authority").
pub static STATE_BODY_HEADS: &[&str] = &[
    "ministry",
    "authority",
    "authorities",
    "office",
    "department",
    "government",
    "police",
    "army",
    "military",
    "cabinet",
    "presidency",
    "parliament",
    "regulator",
];

/// Head nouns that name a country's armed forces, any of which a bare
/// definite one ("the military") can stand for.
pub static ARMED_FORCES_HEADS: &[&str] = &["military", "army", "forces"];

/// Words opening a contrasting or a time clause before the sentence's main
/// one ("While the union called it an insult, the ministry said ...", "As
/// Ostland vowed to fight the duties, its trade minister said ..."): each side
/// may be a statement with its own speaker (a clause with no speaker of its
/// own stays with the sentence).
pub static OPENING_CLAUSES: &[&str] = &[
    "while", "whereas", "although", "though", "as", "after", "when",
];

/// Words that join a speaker's contrasting second speech act to the first
/// ("said A, but warned B").
pub static ACT_JOINERS: &[&str] = &["but"];

/// Words that join a speaker's second speech act to the first only when the
/// second takes a clause of its own with "that" ("said A and warned that
/// B"): "welcomed A and urged B" is as often kept whole by annotators.
pub static THAT_ACT_JOINERS: &[&str] = &["and"];

/// Speech acts that, after "and", start a speaker's second statement without
/// a "that" even after a reported clause ("said A and accused Y of B", "said
/// A and urged B", "said A and declined to comment"): an act of another
/// kind, with its own stance, that the clause's own subject rarely does.
/// The annotation convention of blind-wire-6 and later cuts these; the
/// older blind-wire-1 to -5 keep "said it regretted A and urged B" whole.
/// Not "said" ("confirmed it had A and said B" stays whole), "vowed",
/// "refused" or "agreed" (as often the reported clause's subject's act).
#[rustfmt::skip]
pub static AND_ACTS: &[&str] = &[
    "accused", "accuses", "offered", "offers", "declined", "declines",
    "predicted", "predicts", "invited", "invites", "threatened", "threatens",
    "doubted", "doubts", "encouraged", "encourages", "appealed", "appeals",
    "hoped", "hopes", "warned", "warns", "dismissed", "dismisses",
    "praised", "praises", "thanked", "thanks", "suggested", "suggests",
    "rejected", "rejects", "welcomed", "welcomes", "hinted", "hints",
    "claimed", "claims", "expressed", "expresses", "referred", "refers",
    "asked", "asks", "urged", "urges", "called", "calls", "announced",
    "announces", "reminded", "reminds", "pledged", "pledges", "described", "describes",
];

/// Participles that add a second statement after a comma (also one inside
/// the closing quote before them) when a clause with "that" or a quotation
/// follows ("said A, adding that B", `called it "C," adding: "D"`). Others say what the
/// act meant or held ("condemned A, saying that B", "wrote to X,
/// proposing that B") and stay in its statement.
pub static SECOND_ACT_PARTICIPLES: &[&str] = &["adding", "noting"];

/// Participles after an act's comma that give its grounds or its effect,
/// not a second statement ("declined to attend, citing her schedule", "cut
/// the quota, raising fears of shortages").
pub static GROUNDS_PARTICIPLES: &[&str] =
    &["citing", "pointing", "quoting", "referring", "raising"];

/// Prepositions before a reporting participle that make it the way the
/// clause's subject acted ("sought support by explaining that ...").
pub static MANNER_PREPOSITIONS: &[&str] = &["by"];

/// Words before a reporting participle's own subject, no comma between:
/// "This followed Lina Ostrova insisting that ...", "a letter from six
/// senators warning that". Not "to": "a letter to the ministry warning
/// that" names whom the letter warns.
#[rustfmt::skip]
pub static GERUND_SUBJECT_LEADS: &[&str] = &[
    "followed", "after", "following", "amid", "despite", "from", "by", "with",
];

/// Reporting participles of acts that say something about someone, which
/// speak after such a subject as plain verbs of saying do ("Brask
/// accusing ..."); acts of support ("groups backing the plan") do not.
#[rustfmt::skip]
pub static GERUND_SPEECH_ACTS: &[&str] = &[
    "accusing", "blaming", "labelling", "labeling", "branding", "describing", "condemning",
    "denouncing", "criticising", "criticizing", "urging", "demanding", "threatening", "rejecting",
    "dismissing",
];

/// Adverbs between such a joining word and the second act's verb ("and also
/// urged").
pub static ACT_ADVERBS: &[&str] = &["also", "then", "later", "again", "further", "repeatedly"];

/// Words after a subject and a comma that add others to it ("Lomari, along
/// with the African Union, has accused"): the whole group speaks.
pub static COMITATIVES: &[&str] = &[
    "along with",
    "together with",
    "as well as",
    "alongside",
    "joined by",
    "backed by",
];

/// Plural nouns that, after "the" (and a number), refer back to a list of
/// names ("Britain, France and Germany ... the three countries").
pub static LIST_NOUNS: &[&str] = &[
    "countries",
    "nations",
    "governments",
    "states",
    "powers",
    "capitals",
    "allies",
    "parties",
    "sides",
    "companies",
    "groups",
    "unions",
    "leaders",
];

/// Number words, in order from one.
pub static NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Relatives that open a clause with its own speaker ("..., which Tehran denies").
pub static RELATIVE_SPEECH_OPENERS: &[&str] = &["which"];

/// Relative words that open a clause describing the phrase before them.
pub static RELATIVES: &[&str] = &["who", "whose", "which"];

/// Nouns for what was said that open a clause with its own speaker after a
/// determiner ("..., a charge Tehran denies").
pub static CHARGE_NOUNS: &[&str] = &[
    "charge",
    "accusation",
    "claim",
    "allegation",
    "assertion",
    "suggestion",
    "view",
    "notion",
    "characterisation",
    "characterization",
    "description",
    "version",
];

/// Words that start a sentence without being part of its subject.
#[rustfmt::skip]
pub static CONNECTIVES: &[&str] = &[
    "however", "meanwhile", "but", "and", "though", "although", "yet", "still", "also", "later",
    "earlier", "separately", "similarly", "instead", "nonetheless", "nevertheless", "moreover",
    "furthermore", "indeed", "then", "now", "so", "thus", "elsewhere", "finally", "again", "today",
    "yesterday", "or", "even", "only", "since", "besides", "likewise", "otherwise",
];

/// Words that open an introductory phrase ending in a comma ("In a statement,
/// the ministry said", "After meeting X, Y renewed ...").
#[rustfmt::skip]
pub static INTRO_WORDS: &[&str] = &[
    "in", "on", "at", "after", "before", "during", "speaking", "asked", "when", "while", "as",
    "with", "despite", "following", "addressing", "writing", "according", "for", "from", "by",
    "under", "over", "without", "within", "amid", "ahead", "since", "until", "if", "once",
    "unlike", "like", "having", "to", "upon", "touching", "referring", "commenting", "responding",
    "reacting", "turning", "back",
];

/// Function words: a noun phrase never runs across one of these.
#[rustfmt::skip]
pub static FUNCTION_WORDS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "by", "to", "from", "into", "onto", "about", "over",
    "under", "after", "before", "during", "against", "between", "among", "through", "without",
    "within", "and", "or", "but", "nor", "so", "that", "which", "who", "whom", "whose", "what",
    "when", "where", "while", "if", "because", "as", "than", "is", "was", "were", "are", "be",
    "been", "being", "has", "have", "had", "will", "would", "could", "should", "may", "might",
    "can", "must", "shall", "did", "does", "do", "not", "no", "he", "she", "it", "they", "we", "i",
    "you", "him", "her", "them", "us", "me", "his", "its", "their", "our", "my", "your", "this",
    "these", "those", "there", "here", "also", "later", "now", "then", "however", "meanwhile",
    "though", "although", "yet", "still", "even", "just", "only", "already", "again", "once",
    "since", "until", "despite", "amid", "via", "per", "like", "unlike", "upon", "across",
    "toward", "towards", "around", "near", "outside", "inside", "beyond", "according", "said",
    "says", "told", "every", "any", "each", "some", "all", "both", "either", "neither", "whether",
    "why", "how", "very", "too", "more", "most", "less",
];

/// Is `adjective` the people or adjective of `place`? Irregular pairs are
/// listed; otherwise the adjective is the place with a vowel dropped and a
/// short ending added ("german", "iranian", "omani", "chinese", "kestrian").
pub fn demonym_of(place: &str, adjective: &str) -> bool {
    if DEMONYMS.iter().any(|(p, a)| *p == place && *a == adjective) {
        return true;
    }
    let stem = place.trim_end_matches(['a', 'e', 'y', 'o']);
    if stem.chars().count() < 3 || place.contains(' ') {
        return false;
    }
    if adjective == stem {
        // "Germany" -> "German", but "France" is not "Franc".
        return place.ends_with('y');
    }
    adjective.starts_with(stem) && adjective.len() - stem.len() <= 4
}

/// Short forms of country names in capitals that headlines and wire copy
/// use ("PH files protest", "DPRK rejects talks"), with the name they stand
/// for, lowercase.
#[rustfmt::skip]
pub const COUNTRY_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ph", "philippines"), ("phl", "philippines"), ("prc", "china"), ("dprk", "north korea"),
    ("rok", "south korea"), ("uae", "united arab emirates"), ("drc", "democratic republic of congo"),
    ("png", "papua new guinea"), ("nz", "new zealand"), ("ksa", "saudi arabia"),
    ("bih", "bosnia and herzegovina"), ("car", "central african republic"),
];

/// Compass words that alone stand for the two-word name they open ("the
/// North" for North Korea).
pub static COMPASS_WORDS: &[&str] = &["north", "south", "east", "west"];

/// Endings that make an English word an adjective ("considerable",
/// "serious", "hopeful", "decisive"), which a name rarely has.
pub static ADJECTIVE_SUFFIXES: &[&str] = &["able", "ible", "ous", "ful", "less", "ive"];

/// Capitalised words that are never part of a name: sentence-initial function
/// words, days and months.
#[rustfmt::skip]
pub static NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet",
    "If", "When", "While", "As", "After", "Before", "In", "On", "At", "By", "For", "From", "With",
    "Without", "Under", "Over", "Despite", "Though", "Although", "However", "Meanwhile", "Also",
    "Later", "Now", "Then", "According", "There", "Here", "What", "Who", "Why", "How", "Where",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "Still",
    "Even", "Only", "Both", "Some", "Many", "Most", "All", "Each", "Every", "Any", "No", "Not",
    "To", "Of", "Since", "Until", "Instead", "Earlier", "Separately", "Nonetheless",
    "Nevertheless", "Moreover", "Indeed", "Finally", "Elsewhere", "Two", "Three", "Four", "Five",
    "Six", "Seven", "Eight", "Nine", "Ten", "Several", "Other", "Another", "Such", "Asked",
    "Speaking", "Today", "Yesterday", "Once", "Like", "Unlike", "Amid", "Following", "During",
    "Others", "Few", "Everyone", "Everybody", "Nobody", "Somebody", "Someone", "Anyone", "None",
    "Afterwards", "Afterward", "Touching", "Referring", "Commenting", "Responding", "Reacting",
    "Turning",
];

/// Common first names that mark a man.
#[rustfmt::skip]
pub static MALE_NAMES: &[&str] = &[
    "abdul", "adam", "ahmed", "alan", "alberto", "alejandro", "aleksandr", "alexander", "alexei",
    "ali", "andrei", "andrew", "andrzej", "anthony", "antonio", "antony", "arnold", "benjamin",
    "bernard", "bill", "boris", "brian", "carlos", "charles", "chris", "christopher", "claude",
    "daniel", "david", "dmitry", "dmitri", "donald", "edward", "emmanuel", "enrique", "eric",
    "erik", "fernando", "francesco", "francisco", "françois", "frank", "franz", "friedrich",
    "gary", "george", "georgi", "gerhard", "giorgio", "giuseppe", "gordon", "hans", "hassan",
    "heinrich", "henri", "henry", "hugo", "ibrahim", "igor", "ivan", "jack", "jacques", "jake",
    "james", "jan", "javier", "jean", "jens", "jim", "joachim", "joe", "johan", "johannes", "john",
    "jorge", "josé", "joseph", "juan", "jürgen", "justin", "karl", "keir", "kevin", "klaus",
    "lars", "lloyd", "luca", "luis", "marco", "mario", "mark", "martin", "matthew", "michael",
    "michel", "miguel", "mikhail", "mohamed", "mohammad", "mohammed", "muhammad", "narendra",
    "nicolas", "nikolai", "oleg", "olaf", "omar", "pablo", "patrick", "paul", "pedro", "peter",
    "petro", "philippe", "pierre", "piotr", "rafael", "recep", "richard", "rishi", "robert",
    "roberto", "rudolf", "sergei", "sergey", "simon", "stefan", "stephen", "steve", "sven",
    "thomas", "tomasz", "tony", "vladimir", "viktor", "volodymyr", "walter", "wilhelm", "william",
    "xavier", "yuri", "felipe", "raúl", "diego", "manuel", "andrés", "dimitris", "mehmet",
    "mustafa", "ahmet", "kenji", "hiroshi", "wei", "ravi",
];

/// Common first names that mark a woman.
#[rustfmt::skip]
pub static FEMALE_NAMES: &[&str] = &[
    "agnieszka", "aisha", "alice", "alicia", "amelia", "ana", "anaïs", "andrea", "angela",
    "angelika", "anja", "ann", "anna", "annalena", "anne", "astrid", "barbara", "beatrice",
    "camille", "carmen", "caroline", "catherine", "charlotte", "chiara", "chloé", "christina",
    "christine", "claire", "claudia", "daniela", "diana", "elena", "elisabeth", "elizabeth",
    "ella", "emily", "emma", "eva", "ewa", "fatima", "francesca", "giorgia", "giulia", "hanna",
    "hannah", "helen", "helena", "hillary", "ingrid", "irina", "iryna", "isabel", "isabella",
    "jacinda", "jane", "jennifer", "jessica", "joanna", "julia", "kaja", "kamala", "karen",
    "karin", "katarzyna", "kate", "katherine", "kateřina", "kristalina", "kristin", "laura",
    "leila", "lisa", "liz", "lucía", "łucja", "magdalena", "margaret", "maria", "marie", "marine",
    "marta", "mary", "mette", "monika", "nadia", "nancy", "natalia", "natalie", "nicola", "nina",
    "olena", "olga", "olivia", "patricia", "priya", "rachel", "rebecca", "ruth", "sabine", "sanna",
    "sara", "sarah", "sofia", "sophie", "susan", "svetlana", "tatiana", "theresa", "ursula",
    "valérie", "victoria", "yulia", "zofia", "zuzana", "ayşe", "yuki", "mei", "siobhan",
    "lucia", "teresa", "paula", "silvia", "marina", "inês", "maría", "sofía", "amina", "miriam",
    "ngozi", "fatma", "zeynep", "lena", "greta", "heidi", "agnes", "marianne", "ilse",
];

/// Abbreviated titles and the role each names ("Gen." -> "general").
#[rustfmt::skip]
pub const ROLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("gen", "general"), ("adm", "admiral"), ("col", "colonel"), ("lt", "lieutenant"),
    ("maj", "major"), ("capt", "captain"), ("cmdr", "commander"), ("sgt", "sergeant"),
    ("sen", "senator"), ("rep", "representative"), ("gov", "governor"), ("pres", "president"),
    ("prof", "professor"), ("dr", "doctor"),
    // headline shorthand ("Russia PM says ...", "... – FM")
    ("fm", "foreign minister"), ("pm", "prime minister"),
];

/// The role a title's shorthand names ("Gen." -> "general", "FM" ->
/// "foreign minister"), looked up in [`ROLE_ABBREVIATIONS`] by the word's
/// lowercase form.
pub fn role_abbreviation(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    ROLE_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == lower)
        .map(|(_, role)| *role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_ly_are_adverbs_unless_listed_as_nouns_or_verbs() {
        for adverb in ["firmly", "sharply", "Repeatedly", "widely"] {
            assert!(is_ly_adverb(adverb), "{adverb}");
        }
        for other in [
            "only", "monopoly", "Assembly", "ally", "comply", "fly", "July",
        ] {
            assert!(!is_ly_adverb(other), "{other}");
        }
    }

    #[test]
    fn synonymous_roles_are_roles_and_name_one_post() {
        for set in ROLE_SYNONYMS {
            for a in *set {
                assert!(is_in(ROLES, a), "{a} is no role");
                assert!(set.iter().all(|b| same_role(a, b)));
            }
        }
        assert!(same_role("spokesman", "spokesperson"));
        assert!(same_role("leader", "chief"));
        assert!(!same_role("spokesman", "leader"));
        assert!(!same_role("minister", "president"));
    }

    #[test]
    fn lowercase_lists_are_lowercase() {
        let lists: &[(&str, &[&str])] = &[
            ("TITLES", TITLES),
            ("ROLES", ROLES),
            ("BODIES", BODIES),
            ("GROUPS", GROUPS),
            ("PRONOUNS", PRONOUNS),
            ("CONNECTIVES", CONNECTIVES),
            ("FUNCTION_WORDS", FUNCTION_WORDS),
            ("MALE_NAMES", MALE_NAMES),
            ("FEMALE_NAMES", FEMALE_NAMES),
        ];
        for (name, list) in lists {
            for entry in *list {
                assert_eq!(*entry, entry.to_lowercase(), "{name} has {entry:?}");
            }
        }
        for (form, _) in REPORTING_VERBS {
            assert!(
                form.is_ascii() && *form == form.to_lowercase(),
                "verb {form:?}"
            );
        }
    }

    /// The stack-lowercased look-up answers as lowercasing on the heap, for
    /// every verb form in three casings, near misses, non-ASCII words and
    /// words longer than the buffer.
    #[test]
    fn verb_forms_of_any_case_are_the_lowercase_ones() {
        let mut words: Vec<String> = vec![
            String::new(),
            "Sagte".into(),
            "SAÏD".into(),
            "x".repeat(31),
            "x".repeat(32),
            "x".repeat(33),
            format!("said{}", "x".repeat(40)),
        ];
        for (form, _) in REPORTING_VERBS {
            let head = form.split(' ').next().unwrap_or(form);
            words.extend([
                head.to_string(),
                head.to_uppercase(),
                format!("{}{}", head[..1].to_uppercase(), &head[1..]),
                format!("{head}x"),
                head[..head.len() - 1].to_string(),
            ]);
        }
        for word in &words {
            assert_eq!(
                reporting_verb_forms_of(word),
                reporting_verb_forms(&word.to_ascii_lowercase()),
                "{word:?}"
            );
        }
    }

    #[test]
    fn verb_index_finds_single_and_phrasal_forms() {
        type Forms = &'static [(Option<&'static str>, StatementKind)];
        let cases: &[(&str, Forms)] = &[
            ("said", &[(None, StatementKind::Indirect)]),
            ("played", &[(Some("down"), StatementKind::Reported)]),
            ("dismissed", &[(None, StatementKind::Reported)]),
            ("table", &[]),
        ];
        for (word, expected) in cases {
            assert_eq!(reporting_verb_forms(word), *expected, "{word}");
        }
    }

    #[test]
    fn descriptors_are_recognised() {
        let cases = [
            ("state-run", true),
            ("Moscow-based", true),
            ("government-backed", true),
            ("so-called", true),
            ("State-Owned", true),
            ("national", false),
            ("run", false),
        ];
        for (word, expected) in cases {
            assert_eq!(is_descriptor(word), expected, "{word}");
        }
    }

    /// An ASCII word is tested without its lowercase copy: the same answers,
    /// for every entry in several casings, with and without a head, and
    /// near misses.
    #[test]
    fn descriptors_without_a_copy_are_the_lowercase_test() {
        let copied = |word: &str| {
            let lower = word.to_lowercase();
            is_in(DESCRIPTORS, &lower) || DESCRIPTOR_SUFFIXES.iter().any(|s| lower.ends_with(s))
        };
        for entry in DESCRIPTORS.iter().chain(DESCRIPTOR_SUFFIXES) {
            for form in [
                entry.to_string(),
                entry.to_uppercase(),
                entry[1..].to_string(),
            ] {
                for word in [
                    form.clone(),
                    format!("State{form}"),
                    format!("x{form}x"),
                    format!("{form}s"),
                    form.replace('-', ""),
                ] {
                    assert_eq!(is_descriptor(&word), copied(&word), "{word}");
                }
            }
        }
    }
}
