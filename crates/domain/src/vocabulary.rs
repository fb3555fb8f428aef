//! Closed sets of stored codes (statuses, kinds, categories) as enums. [`vocabulary!`]
//! declares one: each variant with the code stored in the database and the message id that
//! names it, so a code added in one place and not the other does not compile.

/// Declares a vocabulary: an enum with `ALL`, `as_str` (the stored code), `parse`,
/// `label_key` (its message id) and `label_key_of` (the message id of a stored code; an
/// unknown code reads as the `other` variant — the database's CHECK constraints keep
/// unknown codes out).
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

            /// The code stored in the database.
            pub fn as_str(self) -> &'static str {
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
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// The message id of a stored code.
            pub fn label_key_of(code: &str) -> &'static str {
                $name::parse(code).unwrap_or($name::$other).label_key()
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
        assert_eq!(Sample::label_key_of("a"), "sample-a");
        assert_eq!(Sample::label_key_of("zz"), "sample-b");
        assert_eq!(Sample::parse("zz"), None);
    }
}
