//! Domain types. They validate when parsed, so the rest of Kapok never holds an invalid
//! status, SDG, language or milestone. No I/O here.

pub mod award;
pub mod initiative;
pub mod lang;
pub mod place;
pub mod user;

pub use award::*;
pub use initiative::*;
pub use lang::*;
pub use place::*;
pub use user::*;

/// A value outside a closed vocabulary (status, milestone, level ...): names the kind and the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {kind} (expected {expected})")]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
    pub expected: String,
}

/// Declares a closed vocabulary stored as snake_case text: parsing, printing, serde and the list
/// of all values come from one table.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::UnknownValue;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::domain::UnknownValue {
                        kind: $kind,
                        value: value.to_string(),
                        expected: format!("one of: {}", [$($text),+].join(", ")),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use vocabulary;

/// Declares an integer id newtype, so an award id can't be passed where a city id is expected.
macro_rules! id_type {
    ($($name:ident),+ $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )+};
}

id_type!(
    AwardId,
    EditionId,
    ThemeId,
    CriterionId,
    InitiativeId,
    EntryId,
    CityId,
    NetworkId,
    UserId,
    ApplicationId,
    ClaimId,
    AttachmentId
);

/// One page of a list, with an opaque cursor to the next page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}
