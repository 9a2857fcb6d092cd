//! Users, roles, e-mail addresses and passwords as accepted at registration.

use serde::Serialize;

use super::{AwardId, EditionId, UnknownValue, UserId, vocabulary};

vocabulary!(
    /// What a signed-in user may do. The public needs no account.
    Role, "role" {
        Applicant = "applicant",
        Secretariat = "secretariat",
        TechnicalCommittee = "technical_committee",
        Jury = "jury",
        CommissionMember = "commission_member",
    }
);

/// A role, optionally limited to one award or one edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleGrant {
    pub role: Role,
    pub award_id: Option<AwardId>,
    pub edition_id: Option<EditionId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    pub roles: Vec<RoleGrant>,
}

impl User {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|grant| grant.role == role)
    }
}

vocabulary!(
    /// What a one-time link sent by e-mail is for.
    TokenPurpose, "token purpose" { VerifyEmail = "verify_email", ResetPassword = "reset_password" }
);

/// An e-mail address as Kapok keeps it: trimmed, lower-case, with one `@`, a non-empty local part
/// and a domain with a dot, at most 254 characters, no spaces or control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(text: &str) -> Result<EmailAddress, UnknownValue> {
        let address = text.trim().to_lowercase();
        let invalid = || UnknownValue {
            kind: "e-mail address",
            value: text.to_string(),
            expected: "an address like name@city.gov".into(),
        };
        if address.len() > 254 || address.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = address.split_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(invalid());
        }
        Ok(EmailAddress(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    SameAsEmail,
}

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Checks a new password: long enough to resist guessing, short enough to hash quickly, and not
/// the account's own address (when that is known to be valid).
pub fn check_new_password(password: &str, email: Option<&EmailAddress>) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        Err(PasswordProblem::TooShort)
    } else if length > PASSWORD_MAX_CHARS {
        Err(PasswordProblem::TooLong)
    } else if email.is_some_and(|email| password.trim().to_lowercase() == email.as_str()) {
        Err(PasswordProblem::SameAsEmail)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_are_normalised_and_checked() {
        assert_eq!(EmailAddress::parse("  Ana.Perez@Bogota.GOV.co ").unwrap().as_str(), "ana.perez@bogota.gov.co");
        for bad in [
            "",
            "ana",
            "ana@",
            "@bogota.gov.co",
            "ana@localhost",
            "ana@@x.co",
            "ana perez@x.co",
            "ana@x..co",
            "ana@.x.co",
            "ana@x.co.",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(EmailAddress::parse(&format!("{}@x.co", "a".repeat(65))).is_err());
    }

    #[test]
    fn new_passwords_are_checked() {
        let email = EmailAddress::parse("ana@x.co").unwrap();
        assert_eq!(check_new_password("short", Some(&email)), Err(PasswordProblem::TooShort));
        assert_eq!(check_new_password("short", None), Err(PasswordProblem::TooShort));
        assert_eq!(check_new_password(&"x".repeat(129), Some(&email)), Err(PasswordProblem::TooLong));
        assert_eq!(check_new_password("ANA@X.CO  ", Some(&email)), Err(PasswordProblem::SameAsEmail));
        assert_eq!(
            check_new_password("长城长城长城长城长城", Some(&email)),
            Ok(()),
            "length counts characters, not bytes"
        );
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_is_idempotent(text in "\\PC{0,80}") {
            if let Ok(address) = EmailAddress::parse(&text) {
                prop_assert_eq!(EmailAddress::parse(address.as_str()).unwrap(), address);
            }
        }
    }
}
