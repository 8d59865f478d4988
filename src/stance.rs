//! The three stances of the annotation guide. Models may be trained on any
//! label set; this type names the default one and what reports compute from it.

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
}

impl Stance {
    /// All three, in the guide's order.
    pub const ALL: [Stance; 3] = [Stance::Conciliatory, Stance::Sceptical, Stance::Hawkish];

    /// The label as written in data and models.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Conciliatory => "conciliatory",
            Stance::Sceptical => "sceptical",
            Stance::Hawkish => "hawkish",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stance {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Stance::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| {
                format!("unknown label '{s}' (expected conciliatory, sceptical or hawkish)")
            })
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
        assert!("dovish".parse::<Stance>().unwrap_err().contains("'dovish'"));
    }
}
