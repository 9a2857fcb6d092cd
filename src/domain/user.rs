//! Users and roles.

use serde::Serialize;

use super::{AwardId, EditionId, UserId, vocabulary};

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
