//! The labels of the annotation guide: three stances and `neutral`. Models
//! may be trained on any label set; this type names the default one and what
//! reports compute from it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a statement does to the prospect of a negotiated settlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Opens the door to dialogue, compromise or de-escalation.
    Conciliatory,
    /// Doubts, hedges or tempers expectations, without calling for force.
    Sceptical,
    /// Pushes for pressure, force, punishment or maximalist terms.
    Hawkish,
    /// Says something without pushing either way: procedure, logistics, facts.
    /// Reports count it apart and leave it out of the stance shares.
    Neutral,
}

impl Stance {
    /// All four labels, in the guide's order.
    pub const ALL: [Stance; 4] = [
        Stance::Conciliatory,
        Stance::Sceptical,
        Stance::Hawkish,
        Stance::Neutral,
    ];

    /// The three labels that take a side; `neutral` is not one of them.
    pub const STANCES: [Stance; 3] = [Stance::Conciliatory, Stance::Sceptical, Stance::Hawkish];

    /// True unless the label is `neutral`: whether a statement with this label
    /// counts towards stance shares, dominant labels and net stance. Labels of
    /// users' own models that are not in the guide count as stances.
    pub fn is_stance_label(label: &str) -> bool {
        label != Stance::Neutral.as_str()
    }

    /// The label as written in data and models.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Conciliatory => "conciliatory",
            Stance::Sceptical => "sceptical",
            Stance::Hawkish => "hawkish",
            Stance::Neutral => "neutral",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A label that is none of the stances.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label '{0}' (expected conciliatory, sceptical, hawkish or neutral)")]
pub struct UnknownStance(pub String);

impl FromStr for Stance {
    type Err = UnknownStance;
    fn from_str(s: &str) -> Result<Self, UnknownStance> {
        Stance::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownStance(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        for s in Stance::ALL {
            assert_eq!(s.to_string().parse::<Stance>(), Ok(s));
        }
        let err = "dovish".parse::<Stance>().unwrap_err().to_string();
        assert!(err.contains("'dovish'"), "{err}");
        assert!(Stance::is_stance_label("hawkish") && Stance::is_stance_label("other"));
        assert!(!Stance::is_stance_label("neutral"));
    }
}
