//! The groups relations fall in (cooperation, conflict, family and office), for edge colours and the legend.

/// What kind of relation an edge is, for its colour and the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// Meeting, visiting, alliance, agreement, support, mediation.
    Cooperation,
    /// Disputes, rivalry, accusations, attacks.
    Conflict,
    /// Kinship, leadership, office, founding.
    FamilyOffice,
    /// A kind of relation the table below does not list yet: still drawn.
    Other,
}

impl Group {
    /// Every group, in the order the legend lists them.
    pub const ALL: [Self; 4] = [
        Self::Cooperation,
        Self::Conflict,
        Self::FamilyOffice,
        Self::Other,
    ];

    /// The group of a relation kind (the `kind` column of the relation rules).
    #[must_use]
    pub fn of_kind(kind: &str) -> Self {
        match kind {
            "met" | "visited" | "ally" | "ties" | "agreement" | "support" | "joint_initiative"
            | "calls_for_dialogue" | "mediation" => Self::Cooperation,
            "dispute" | "rivalry" | "accused" | "attacked" => Self::Conflict,
            "family" | "leader_of" | "office" | "founded" | "brought_to_power" => {
                Self::FamilyOffice
            }
            _ => Self::Other,
        }
    }

    /// The name scripts see (JSON, DOT, SVG classes).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::Cooperation => "cooperation",
            Self::Conflict => "conflict",
            Self::FamilyOffice => "family_office",
            Self::Other => "other",
        }
    }

    /// The legend's English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Cooperation => "cooperation",
            Self::Conflict => "conflict",
            Self::FamilyOffice => "family, office",
            Self::Other => "other",
        }
    }

    /// The legend's Arabic label.
    #[must_use]
    pub fn label_ar(self) -> &'static str {
        match self {
            Self::Cooperation => "تعاون",
            Self::Conflict => "نزاع",
            Self::FamilyOffice => "قرابة ومنصب",
            Self::Other => "أخرى",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_kind_has_its_group_and_unknown_kinds_are_other() {
        for kind in [
            "met",
            "visited",
            "ally",
            "ties",
            "agreement",
            "support",
            "joint_initiative",
            "calls_for_dialogue",
            "mediation",
        ] {
            assert_eq!(Group::of_kind(kind), Group::Cooperation, "{kind}");
        }
        for kind in ["dispute", "rivalry", "accused", "attacked"] {
            assert_eq!(Group::of_kind(kind), Group::Conflict, "{kind}");
        }
        for kind in [
            "family",
            "leader_of",
            "office",
            "founded",
            "brought_to_power",
        ] {
            assert_eq!(Group::of_kind(kind), Group::FamilyOffice, "{kind}");
        }
        assert_eq!(Group::of_kind("sanctioned"), Group::Other);
    }
}
