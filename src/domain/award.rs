//! Awards, their editions (cycles), the dates of a cycle, themes and criteria.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::{AwardId, CriterionId, EditionId, LocalizedText, ThemeId, UnknownValue, vocabulary};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Award {
    pub id: AwardId,
    pub slug: String,
    pub name: LocalizedText,
    pub short_name: LocalizedText,
    pub description: LocalizedText,
    pub organisers: String,
    pub url: Option<String>,
    pub edition_count: i64,
    pub entry_count: i64,
}

vocabulary!(
    /// The dated steps of an award cycle, in the order they happen.
    Milestone, "milestone" {
        Launch = "launch",
        RegistrationDeadline = "registration_deadline",
        EarlyBirdDeadline = "early_bird_deadline",
        FinalDeadline = "final_deadline",
        CommitteeMeeting = "committee_meeting",
        ShortlistRelease = "shortlist_release",
        PublicVote = "public_vote",
        Presentations = "presentations",
        JuryMeeting = "jury_meeting",
        Ceremony = "ceremony",
    }
);

vocabulary!(
    /// Who scores against a criterion.
    Stage, "review stage" { TechnicalCommittee = "technical_committee", Jury = "jury" }
);

/// The time zone of an edition: an IANA name that is known to the bundled time-zone database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionTimeZone {
    name: String,
    zone: TimeZone,
}

impl EditionTimeZone {
    pub fn parse(name: &str) -> Result<Self, UnknownValue> {
        TimeZone::get(name).map(|zone| EditionTimeZone { name: name.to_string(), zone }).map_err(|_| UnknownValue {
            kind: "time zone",
            value: name.to_string(),
            expected: "an IANA time-zone name such as Asia/Shanghai or UTC".into(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// A local wall-clock time of this zone ("2023-08-31T23:59") as an instant.
    pub fn instant(&self, local: &str) -> Result<Timestamp, String> {
        let civil: jiff::civil::DateTime =
            local.parse().map_err(|e| format!("{local:?} is not a local date-time like 2023-08-31T23:59 ({e})"))?;
        civil.to_zoned(self.zone.clone()).map(|z| z.timestamp()).map_err(|e| e.to_string())
    }

    /// Formats an instant as a wall-clock time in this zone, with the zone's abbreviation.
    pub fn format(&self, at: Timestamp) -> String {
        at.to_zoned(self.zone.clone()).strftime("%Y-%m-%d %H:%M %Z").to_string()
    }
}

impl Serialize for EditionTimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name)
    }
}

/// One dated step of a cycle: a moment (a deadline) or a span (a vote window, a meeting).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EditionDate {
    pub milestone: Milestone,
    #[schema(value_type = String, format = DateTime)]
    pub starts_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub ends_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Theme {
    pub id: ThemeId,
    pub name: LocalizedText,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Criterion {
    pub id: CriterionId,
    pub name: LocalizedText,
    pub weight: f64,
    pub scale_min: i64,
    pub scale_max: i64,
    pub stage: Stage,
}

/// The published counts of a cycle, for editions whose individual entries are not all on record.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ReportedCounts {
    pub entries: Option<i64>,
    pub cities: Option<i64>,
    pub countries: Option<i64>,
}

/// An edition as listed: enough for lists and links.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EditionSummary {
    pub id: EditionId,
    pub award_id: AwardId,
    pub award_slug: String,
    pub award_name: LocalizedText,
    pub ordinal: i64,
    pub year: i64,
    pub entry_count: i64,
}

/// An edition with its settings, dates, themes and criteria.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Edition {
    #[serde(flatten)]
    pub summary: EditionSummary,
    #[schema(value_type = String)]
    pub timezone: EditionTimeZone,
    pub long_list_size: Option<i64>,
    pub shortlist_size: i64,
    pub max_winners: i64,
    pub technical_committee_size: Option<i64>,
    pub jury_size: Option<i64>,
    pub reported: ReportedCounts,
    #[schema(value_type = Option<Object>)]
    pub public_vote: Option<serde_json::Value>,
    pub notes: Option<String>,
    /// What the call for entries asks of applications.
    #[schema(value_type = Object)]
    pub application: crate::application::ApplicationSettings,
    pub dates: Vec<EditionDate>,
    pub themes: Vec<Theme>,
    pub criteria: Vec<Criterion>,
}

impl Edition {
    pub fn date(&self, milestone: Milestone) -> Option<&EditionDate> {
        self.dates.iter().find(|d| d.milestone == milestone)
    }

    /// The last moment an application is accepted: the final deadline plus the grace period.
    pub fn closes_at(&self) -> Option<Timestamp> {
        let deadline = self.date(Milestone::FinalDeadline)?.starts_at;
        deadline.checked_add(jiff::SignedDuration::from_mins(self.application.grace_minutes)).ok()
    }

    /// Whether the call for entries is open at `now`: launched, and not past its close.
    pub fn accepts_entries(&self, now: Timestamp) -> bool {
        let launched = self.date(Milestone::Launch).is_some_and(|d| d.starts_at <= now);
        launched && self.closes_at().is_some_and(|closes| now <= closes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_round_trip_through_text() {
        for milestone in Milestone::ALL {
            assert_eq!(milestone.as_str().parse::<Milestone>().unwrap(), *milestone);
        }
        let err = "deadline".parse::<Milestone>().unwrap_err();
        assert!(err.to_string().contains("final_deadline"), "{err}");
    }

    #[test]
    fn deadline_in_utc_plus_8_is_the_right_instant() {
        let tz = EditionTimeZone::parse("Asia/Shanghai").unwrap();
        let at = tz.instant("2023-08-31T23:59").unwrap();
        assert_eq!(at.to_string(), "2023-08-31T15:59:00Z");
        assert_eq!(tz.format(at), "2023-08-31 23:59 CST");
        assert!(tz.instant("31/08/2023").is_err());
        assert!(EditionTimeZone::parse("Mars/Olympus").is_err());
    }
}
