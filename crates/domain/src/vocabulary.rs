//! Closed sets of stored codes (statuses, kinds, categories) as enums. [`vocabulary!`]
//! declares one: each variant with the code stored in the database and the message id that
//! names it, so a code added in one place and not the other does not compile.

/// What every vocabulary does, for code that reads or writes any of them (the store's rows).
pub trait Vocabulary: Copy + 'static {
    /// The value an unknown code reads as.
    const OTHER: Self;

    /// The value of a stored code.
    fn from_code(code: &str) -> Option<Self>;

    /// The code stored in the database.
    fn code(self) -> &'static str;
}

/// Declares a vocabulary: an enum with `ALL`, `as_str` (the stored code), `parse`,
/// `label_key` (its message id) and `label_key_of` (the message id of a stored code; an
/// unknown code reads as the `other` variant; every write goes through a vocabulary).
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident (other = $other:ident) {
            $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $key:literal)),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the order pages list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every stored code, in the same order (for forms, imports and checks).
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The code stored in the database.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The value of a stored code.
            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The message id that names it.
            pub const fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// The message id of a stored code.
            pub fn label_key_of(code: &str) -> &'static str {
                $name::parse(code).unwrap_or($name::$other).label_key()
            }
        }

        /// In JSON as its stored code.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $crate::vocabulary::Vocabulary for $name {
            const OTHER: $name = $name::$other;

            fn from_code(code: &str) -> Option<$name> {
                $name::parse(code)
            }

            fn code(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::vocabulary! {
        enum Sample (other = B) {
            A = ("a", "sample-a"),
            B = ("b", "sample-b"),
        }
    }

    #[test]
    fn codes_and_messages_go_both_ways() {
        for s in Sample::ALL {
            assert_eq!(Sample::parse(s.as_str()), Some(*s));
        }
        let codes: Vec<&str> = Sample::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(Sample::CODES, codes.as_slice());
        assert_eq!(Sample::label_key_of("a"), "sample-a");
        assert_eq!(Sample::label_key_of("zz"), "sample-b");
        assert_eq!(Sample::parse("zz"), None);
    }
}

/// No two values of a vocabulary share a message.
#[cfg(test)]
mod agree {
    #[test]
    fn every_message_id_is_its_own() {
        use std::collections::BTreeSet;
        fn distinct<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> bool {
            all.iter().map(|v| key(*v)).collect::<BTreeSet<_>>().len() == all.len()
        }
        use crate::{event, mediation as m, plan as p, site as s};
        assert!(distinct(p::PlanStatus::ALL, p::PlanStatus::label_key));
        assert!(distinct(p::MeasureStatus::ALL, p::MeasureStatus::label_key));
        assert!(distinct(p::ReportStatus::ALL, p::ReportStatus::label_key));
        assert!(distinct(p::Funding::ALL, p::Funding::label_key));
        assert!(distinct(
            event::ActionStatus::ALL,
            event::ActionStatus::label_key
        ));
        assert!(distinct(m::ContactArea::ALL, m::ContactArea::label_key));
        assert!(distinct(
            m::ReferralStatus::ALL,
            m::ReferralStatus::label_key
        ));
        assert!(distinct(m::Relation::ALL, m::Relation::label_key));
        assert!(distinct(m::CaseStatus::ALL, m::CaseStatus::label_key));
        assert!(distinct(m::ContactPlace::ALL, m::ContactPlace::label_key));
        assert!(distinct(
            m::SupervisionPurpose::ALL,
            m::SupervisionPurpose::label_key
        ));
        assert!(distinct(s::NewsKind::ALL, s::NewsKind::label_key));
        assert!(distinct(
            s::PracticeTarget::ALL,
            s::PracticeTarget::label_key
        ));
        assert!(distinct(s::StoryChannel::ALL, s::StoryChannel::label_key));
        assert!(distinct(s::StoryMedia::ALL, s::StoryMedia::label_key));
        assert!(distinct(s::ChildView::ALL, s::ChildView::label_key));
        assert!(distinct(
            crate::audit::AuditAction::ALL,
            crate::audit::AuditAction::label_key
        ));
        assert!(distinct(event::Objective::ALL, event::Objective::label_key));
        assert!(distinct(m::Gender::ALL, m::Gender::label_key));
    }
}
