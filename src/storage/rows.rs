//! Rows as both engines return them (plain integers, floats and text), and their conversion
//! into domain types. A conversion that fails means the database holds something Kapok never
//! writes: it is reported as corrupt data, not hidden.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::domain::*;

use super::{StoreError, StoreResult};

/// Declares a row and decodes it by column name on both engines, as sqlx's `FromRow` derive
/// would. Written out because the derive compiles both database drivers a second time, for the
/// compiler (docs/benchmarks.md, Build). `#[flatten]` decodes a field as a row of its own from
/// the same columns.
macro_rules! row {
    ($(#[$meta:meta])* pub(super) struct $name:ident { $($(#[$flatten:ident])? pub $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        pub(super) struct $name {
            $(pub $field: $ty),*
        }
        row!(@decode sqlx::sqlite::SqliteRow, $name { $([$($flatten)?] $field),* });
        row!(@decode sqlx::postgres::PgRow, $name { $([$($flatten)?] $field),* });
    };
    (@decode $row:ty, $name:ident { $([$($flatten:ident)?] $field:ident),* }) => {
        impl sqlx::FromRow<'_, $row> for $name {
            fn from_row(row: &$row) -> Result<Self, sqlx::Error> {
                use sqlx::Row as _;
                Ok(Self { $($field: row!(@field row, [$($flatten)?], $field)),* })
            }
        }
    };
    (@field $row:ident, [], $field:ident) => { $row.try_get(stringify!($field))? };
    (@field $row:ident, [flatten], $field:ident) => { sqlx::FromRow::from_row($row)? };
}

pub(super) fn parse<T: std::str::FromStr>(value: &str) -> StoreResult<T>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e: T::Err| StoreError::Corrupt(e.to_string()))
}

pub(super) fn localized(json: &str) -> StoreResult<LocalizedText> {
    LocalizedText::from_json(json).map_err(|e| StoreError::Corrupt(format!("label {json:?}: {e}")))
}

pub(super) fn json<T: serde::de::DeserializeOwned>(text: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("JSON {text:?}: {e}")))
}

pub(super) fn timestamp(seconds: i64) -> StoreResult<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Corrupt(e.to_string()))
}

row! {
    pub(super) struct AwardRow {
        pub id: i64,
        pub slug: String,
        pub name: String,
        pub short_name: String,
        pub description: String,
        pub organisers: String,
        pub url: Option<String>,
        pub edition_count: i64,
        pub entry_count: i64,
    }
}

impl AwardRow {
    pub fn into_domain(self) -> StoreResult<Award> {
        Ok(Award {
            id: AwardId(self.id),
            slug: self.slug,
            name: localized(&self.name)?,
            short_name: localized(&self.short_name)?,
            description: localized(&self.description)?,
            organisers: self.organisers,
            url: self.url,
            edition_count: self.edition_count,
            entry_count: self.entry_count,
        })
    }
}

row! {
    pub(super) struct EditionSummaryRow {
        pub id: i64,
        pub award_id: i64,
        pub award_slug: String,
        pub award_name: String,
        pub ordinal: i64,
        pub year: i64,
        pub entry_count: i64,
    }
}

impl EditionSummaryRow {
    pub fn into_domain(self) -> StoreResult<EditionSummary> {
        Ok(EditionSummary {
            id: EditionId(self.id),
            award_id: AwardId(self.award_id),
            award_slug: self.award_slug,
            award_name: localized(&self.award_name)?,
            ordinal: self.ordinal,
            year: self.year,
            entry_count: self.entry_count,
        })
    }
}

row! {
    pub(super) struct EditionRow {
        #[flatten]
        pub summary: EditionSummaryRow,
        pub timezone: String,
        pub long_list_size: Option<i64>,
        pub shortlist_size: i64,
        pub max_winners: i64,
        pub technical_committee_size: Option<i64>,
        pub jury_size: Option<i64>,
        pub reported_entries: Option<i64>,
        pub reported_cities: Option<i64>,
        pub reported_countries: Option<i64>,
        pub public_vote: Option<String>,
        pub notes: Option<String>,
        pub application_settings: Option<String>,
    }
}

row! {
    pub(super) struct EditionDateRow {
        pub milestone: String,
        pub starts_at: i64,
        pub ends_at: Option<i64>,
    }
}

impl EditionDateRow {
    pub fn into_domain(self) -> StoreResult<EditionDate> {
        Ok(EditionDate {
            milestone: parse(&self.milestone)?,
            starts_at: timestamp(self.starts_at)?,
            ends_at: self.ends_at.map(timestamp).transpose()?,
        })
    }
}

row! {
    pub(super) struct ThemeRow {
        pub id: i64,
        pub name: String,
    }
}

row! {
    pub(super) struct CriterionRow {
        pub id: i64,
        pub name: String,
        pub weight: f64,
        pub scale_min: i64,
        pub scale_max: i64,
        pub stage: String,
    }
}

impl EditionRow {
    pub fn into_domain(
        self,
        dates: Vec<EditionDateRow>,
        themes: Vec<ThemeRow>,
        criteria: Vec<CriterionRow>,
    ) -> StoreResult<Edition> {
        Ok(Edition {
            summary: self.summary.into_domain()?,
            timezone: EditionTimeZone::parse(&self.timezone).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            long_list_size: self.long_list_size,
            shortlist_size: self.shortlist_size,
            max_winners: self.max_winners,
            technical_committee_size: self.technical_committee_size,
            jury_size: self.jury_size,
            reported: ReportedCounts {
                entries: self.reported_entries,
                cities: self.reported_cities,
                countries: self.reported_countries,
            },
            public_vote: self.public_vote.as_deref().map(json).transpose()?,
            notes: self.notes,
            application: self.application_settings.as_deref().map(json).transpose()?.unwrap_or_default(),
            dates: dates.into_iter().map(EditionDateRow::into_domain).collect::<StoreResult<_>>()?,
            themes: themes
                .into_iter()
                .map(|t| Ok(Theme { id: ThemeId(t.id), name: localized(&t.name)? }))
                .collect::<StoreResult<_>>()?,
            criteria: criteria
                .into_iter()
                .map(|c| {
                    Ok(Criterion {
                        id: CriterionId(c.id),
                        name: localized(&c.name)?,
                        weight: c.weight,
                        scale_min: c.scale_min,
                        scale_max: c.scale_max,
                        stage: parse(&c.stage)?,
                    })
                })
                .collect::<StoreResult<_>>()?,
        })
    }
}

row! {
    /// One published entry in a list, before titles and honours are attached.
    pub(super) struct EntryListRow {
        pub entry_id: i64,
        pub initiative_id: i64,
        pub original_language: String,
        pub status: String,
        pub public_votes: Option<i64>,
        pub edition_id: i64,
        pub year: i64,
        pub award_name: String,
        pub city_id: i64,
        pub city_name: String,
        pub city_name_zh: Option<String>,
        pub country_code: String,
    }
}

row! {
    pub(super) struct TitleRow {
        pub initiative_id: i64,
        pub lang: String,
        pub title: Option<String>,
    }
}

row! {
    pub(super) struct HonourKindRow {
        pub entry_id: i64,
        pub kind: String,
    }
}

impl EntryListRow {
    pub fn into_domain(
        self,
        titles: &BTreeMap<i64, BTreeMap<LangCode, Option<String>>>,
        honours: &BTreeMap<i64, Vec<HonourKind>>,
    ) -> StoreResult<InitiativeSummary> {
        Ok(InitiativeSummary {
            id: InitiativeId(self.initiative_id),
            entry_id: EntryId(self.entry_id),
            titles: titles.get(&self.initiative_id).cloned().unwrap_or_default(),
            original_language: parse(&self.original_language)?,
            city_id: CityId(self.city_id),
            city_name: self.city_name,
            city_name_zh: self.city_name_zh,
            country_code: self.country_code,
            award_name: localized(&self.award_name)?,
            edition_id: EditionId(self.edition_id),
            year: self.year,
            status: parse(&self.status)?,
            public_votes: self.public_votes,
            honours: honours.get(&self.entry_id).cloned().unwrap_or_default(),
        })
    }
}

row! {
    #[derive(Clone)]
    pub(super) struct InitiativeRow {
        pub id: i64,
        pub reference: String,
        pub level: String,
        pub original_language: String,
        pub started_year: Option<i64>,
        pub ended_year: Option<i64>,
        pub partners: String,
        pub key_dates: String,
        pub contact: Option<String>,
        pub source: String,
    }
}

row! {
    pub(super) struct TextRow {
        pub initiative_id: i64,
        pub lang: String,
        pub title: Option<String>,
        pub summary: Option<String>,
        pub situation_before: Option<String>,
        pub objectives: Option<String>,
        pub process: Option<String>,
        pub results: Option<String>,
        pub sustainability: Option<String>,
        pub lessons: Option<String>,
        pub transferability: Option<String>,
    }
}

impl TextRow {
    pub fn into_domain(self) -> StoreResult<(LangCode, InitiativeText)> {
        Ok((
            parse(&self.lang)?,
            InitiativeText {
                title: self.title,
                summary: self.summary,
                situation_before: self.situation_before,
                objectives: self.objectives,
                process: self.process,
                results: self.results,
                sustainability: self.sustainability,
                lessons: self.lessons,
                transferability: self.transferability,
            },
        ))
    }
}

row! {
    pub(super) struct InitiativeCityRow {
        pub id: i64,
        pub name: String,
        pub name_zh: Option<String>,
        pub country_code: String,
        pub country_names: String,
        pub position: i64,
    }
}

row! {
    pub(super) struct EntryRow {
        pub id: i64,
        pub edition_id: i64,
        pub award_id: i64,
        pub award_name: String,
        pub year: i64,
        pub ordinal: i64,
        pub status: String,
        pub public_votes: Option<i64>,
    }
}

row! {
    pub(super) struct HonourRow {
        pub entry_id: i64,
        pub kind: String,
        pub name: String,
        pub votes: Option<i64>,
    }
}

row! {
    pub(super) struct EntryThemeRow {
        pub entry_id: i64,
        pub theme_id: i64,
        pub name: String,
    }
}

row! {
    /// The initiative joined with one of its governments (one row per government).
    pub(super) struct InitiativeHeadRow {
        #[flatten]
        pub initiative: InitiativeRow,
        pub city_id: i64,
        pub city_name: String,
        pub city_name_zh: Option<String>,
        pub country_code: String,
        pub country_names: String,
        pub position: i64,
    }
}

impl InitiativeHeadRow {
    pub fn city(&self) -> InitiativeCityRow {
        InitiativeCityRow {
            id: self.city_id,
            name: self.city_name.clone(),
            name_zh: self.city_name_zh.clone(),
            country_code: self.country_code.clone(),
            country_names: self.country_names.clone(),
            position: self.position,
        }
    }
}

row! {
    /// An entry joined with its honours and themes (one row per honour × theme).
    pub(super) struct EntryOutcomeRow {
        #[flatten]
        pub entry: EntryRow,
        pub honour_kind: Option<String>,
        pub honour_name: Option<String>,
        pub honour_votes: Option<i64>,
        pub theme_id: Option<i64>,
        pub theme_name: Option<String>,
    }
}

impl EntryOutcomeRow {
    /// Undoes the join: each entry, honour and theme once, in query order.
    pub fn split(rows: Vec<EntryOutcomeRow>) -> (Vec<EntryRow>, Vec<HonourRow>, Vec<EntryThemeRow>) {
        let (mut entries, mut honours, mut themes) =
            (Vec::<EntryRow>::new(), Vec::<HonourRow>::new(), Vec::<EntryThemeRow>::new());
        for row in rows {
            let entry_id = row.entry.id;
            if let (Some(kind), Some(name)) = (row.honour_kind, row.honour_name)
                && !honours.iter().any(|h| h.entry_id == entry_id && h.kind == kind)
            {
                honours.push(HonourRow { entry_id, kind, name, votes: row.honour_votes });
            }
            if let (Some(theme_id), Some(name)) = (row.theme_id, row.theme_name)
                && !themes.iter().any(|t| t.entry_id == entry_id && t.theme_id == theme_id)
            {
                themes.push(EntryThemeRow { entry_id, theme_id, name });
            }
            if entries.last().is_none_or(|last| last.id != entry_id) {
                entries.push(row.entry);
            }
        }
        (entries, honours, themes)
    }
}

pub(super) struct InitiativeParts {
    pub row: InitiativeRow,
    pub texts: Vec<TextRow>,
    pub cities: Vec<InitiativeCityRow>,
    pub sdgs: Vec<i64>,
    pub entries: Vec<EntryRow>,
    pub honours: Vec<HonourRow>,
    pub themes: Vec<EntryThemeRow>,
}

impl InitiativeParts {
    pub fn into_domain(self) -> StoreResult<Initiative> {
        let InitiativeParts { row, texts, cities, sdgs, entries, honours, themes } = self;
        let contact: Option<Contact> = row.contact.as_deref().map(json).transpose()?;
        let entries = entries
            .into_iter()
            .map(|e| {
                Ok(EntryOutcome {
                    entry_id: EntryId(e.id),
                    edition_id: EditionId(e.edition_id),
                    award_id: AwardId(e.award_id),
                    award_name: localized(&e.award_name)?,
                    edition_year: e.year,
                    edition_ordinal: e.ordinal,
                    status: parse(&e.status)?,
                    public_votes: e.public_votes,
                    honours: honours
                        .iter()
                        .filter(|h| h.entry_id == e.id)
                        .map(|h| Ok(Honour { kind: parse(&h.kind)?, name: h.name.clone(), votes: h.votes }))
                        .collect::<StoreResult<_>>()?,
                    themes: themes
                        .iter()
                        .filter(|t| t.entry_id == e.id)
                        .map(|t| Ok(Theme { id: ThemeId(t.theme_id), name: localized(&t.name)? }))
                        .collect::<StoreResult<_>>()?,
                })
            })
            .collect::<StoreResult<_>>()?;
        Ok(Initiative {
            id: InitiativeId(row.id),
            reference: row.reference,
            level: parse(&row.level)?,
            original_language: parse(&row.original_language)?,
            texts: texts.into_iter().map(TextRow::into_domain).collect::<StoreResult<_>>()?,
            cities: cities
                .into_iter()
                .map(|c| {
                    Ok(InitiativeCity {
                        id: CityId(c.id),
                        name: c.name,
                        name_zh: c.name_zh,
                        country_code: c.country_code,
                        country_name: localized(&c.country_names)?,
                        lead: c.position == 0,
                    })
                })
                .collect::<StoreResult<_>>()?,
            sdgs: sdgs
                .into_iter()
                .map(|n| Sdg::new(n).map_err(|e| StoreError::Corrupt(e.to_string())))
                .collect::<StoreResult<_>>()?,
            partners: json(&row.partners)?,
            key_dates: json(&row.key_dates)?,
            started_year: row.started_year,
            ended_year: row.ended_year,
            contact: contact.filter(|c| c.consent),
            source: json(&row.source)?,
            entries,
        })
    }
}

row! {
    pub(super) struct CitySummaryRow {
        pub id: i64,
        pub geonames_id: Option<i64>,
        pub name: String,
        pub name_zh: Option<String>,
        pub country_code: String,
        pub country_names: String,
        pub level: String,
        pub population: Option<i64>,
        pub lat: f64,
        pub lng: f64,
        pub initiative_count: i64,
    }
}

impl CitySummaryRow {
    pub fn into_domain(self) -> StoreResult<CitySummary> {
        Ok(CitySummary {
            id: CityId(self.id),
            geonames_id: self.geonames_id,
            name: self.name,
            name_zh: self.name_zh,
            country_code: self.country_code,
            country_name: localized(&self.country_names)?,
            level: parse(&self.level)?,
            population: self.population,
            lat: self.lat,
            lng: self.lng,
            initiative_count: self.initiative_count,
        })
    }
}

row! {
    pub(super) struct CityDetailRow {
        #[flatten]
        pub summary: CitySummaryRow,
        pub admin1: Option<String>,
        pub timezone: Option<String>,
        pub continent: String,
    }
}

row! {
    pub(super) struct NetworkRow {
        pub id: i64,
        pub slug: String,
        pub name: String,
        pub url: Option<String>,
    }
}

row! {
    pub(super) struct CityLinkRow {
        pub kind: String,
        pub since_year: Option<i64>,
        #[flatten]
        pub city: CitySummaryRow,
    }
}

row! {
    pub(super) struct CountryRow {
        pub code: String,
        pub iso3: String,
        pub continent: String,
        pub population: Option<i64>,
        pub names: String,
    }
}

impl CountryRow {
    pub fn into_domain(self) -> StoreResult<Country> {
        Ok(Country {
            code: self.code,
            iso3: self.iso3,
            continent: parse(&self.continent)?,
            population: self.population,
            names: localized(&self.names)?,
        })
    }
}

row! {
    pub(super) struct UserRow {
        pub id: i64,
        pub email: String,
        pub display_name: String,
        pub password_hash: String,
        pub locale: String,
    }
}

row! {
    pub(super) struct ClaimRow {
        pub id: i64,
        pub user_id: i64,
        pub user_name: String,
        pub user_email: String,
        pub city_id: Option<i64>,
        pub city_name: Option<String>,
        pub country_code: Option<String>,
        pub requested_name: Option<String>,
        pub requested_country: Option<String>,
        pub status: String,
        pub created_at: i64,
        pub decided_at: Option<i64>,
        pub decision_note: Option<String>,
    }
}

impl ClaimRow {
    pub fn into_domain(self) -> StoreResult<crate::application::Claim> {
        let city = match (self.city_id, self.city_name, self.country_code) {
            (Some(id), Some(name), Some(country)) => Some((CityId(id), name, country)),
            _ => None,
        };
        Ok(crate::application::Claim {
            id: ClaimId(self.id),
            user_id: UserId(self.user_id),
            user_name: self.user_name,
            user_email: self.user_email,
            city,
            requested_name: self.requested_name,
            requested_country: self.requested_country,
            status: parse(&self.status)?,
            created_at: self.created_at,
            decided_at: self.decided_at,
            decision_note: self.decision_note,
        })
    }
}

row! {
    pub(super) struct ApplicationRow {
        pub id: i64,
        pub edition_id: i64,
        pub owner_id: i64,
        pub status: String,
        pub created_at: i64,
        pub updated_at: i64,
        pub extended_until: Option<i64>,
    }
}

impl ApplicationRow {
    pub fn into_domain(self, fields: Vec<(String, String, i64)>) -> StoreResult<crate::application::Application> {
        Ok(crate::application::Application {
            id: ApplicationId(self.id),
            edition_id: EditionId(self.edition_id),
            owner_id: UserId(self.owner_id),
            status: parse(&self.status)?,
            created_at: self.created_at,
            updated_at: self.updated_at,
            extended_until: self.extended_until,
            fields: fields
                .into_iter()
                .map(|(field, value, version)| (field, crate::application::FieldValue { value, version }))
                .collect(),
        })
    }
}

row! {
    pub(super) struct ApplicationSummaryRow {
        pub id: i64,
        pub edition_id: i64,
        pub award_name: String,
        pub year: i64,
        pub status: String,
        pub updated_at: i64,
        pub title: Option<String>,
    }
}

impl ApplicationSummaryRow {
    pub fn into_domain(self) -> StoreResult<crate::application::ApplicationSummary> {
        Ok(crate::application::ApplicationSummary {
            id: ApplicationId(self.id),
            edition_id: EditionId(self.edition_id),
            award_name: localized(&self.award_name)?,
            year: self.year,
            status: parse(&self.status)?,
            title: self.title.filter(|t| !t.trim().is_empty()),
            updated_at: self.updated_at,
        })
    }
}

row! {
    pub(super) struct SubmittedRow {
        pub id: i64,
        pub owner_name: String,
        pub owner_email: String,
        pub status: String,
        pub extended_until: Option<i64>,
        pub versions: i64,
        pub first_submitted_at: i64,
        pub last_submitted_at: i64,
        pub digest: String,
        pub content: String,
    }
}

impl SubmittedRow {
    pub fn into_domain(self) -> StoreResult<crate::application::SubmittedApplication> {
        Ok(crate::application::SubmittedApplication {
            id: ApplicationId(self.id),
            owner_name: self.owner_name,
            owner_email: self.owner_email,
            status: parse(&self.status)?,
            versions: self.versions,
            first_submitted_at: self.first_submitted_at,
            last_submitted_at: self.last_submitted_at,
            digest: self.digest,
            extended_until: self.extended_until,
            values: json(&self.content)?,
        })
    }
}

row! {
    pub(super) struct CredentialsRow {
        #[flatten]
        pub user: UserRow,
        pub email_verified_at: Option<i64>,
        pub locked_until: Option<i64>,
    }
}

row! {
    pub(super) struct OutboxRow {
        pub id: i64,
        pub to_address: String,
        pub subject: String,
        pub body: String,
        pub created_at: i64,
        pub attempts: i64,
        pub next_attempt_at: i64,
        pub last_error: Option<String>,
        pub sent_at: Option<i64>,
    }
}

impl OutboxRow {
    pub fn into_domain(self) -> crate::storage::OutboxMessage {
        crate::storage::OutboxMessage {
            id: self.id,
            to: self.to_address,
            subject: self.subject,
            body: self.body,
            created_at: self.created_at,
            attempts: self.attempts,
            next_attempt_at: self.next_attempt_at,
            last_error: self.last_error,
            sent_at: self.sent_at,
        }
    }
}

row! {
    pub(super) struct SessionUserRow {
        #[flatten]
        pub user: UserRow,
        pub csrf_token: String,
    }
}

row! {
    pub(super) struct RoleRow {
        pub role: String,
        pub award_id: Option<i64>,
        pub edition_id: Option<i64>,
    }
}

impl UserRow {
    pub fn into_domain(self, roles: Vec<RoleRow>) -> StoreResult<(User, String)> {
        let roles = roles
            .into_iter()
            .map(|r| {
                Ok(RoleGrant {
                    role: parse(&r.role)?,
                    award_id: r.award_id.map(AwardId),
                    edition_id: r.edition_id.map(EditionId),
                })
            })
            .collect::<StoreResult<_>>()?;
        Ok((
            User {
                id: UserId(self.id),
                email: self.email,
                display_name: self.display_name,
                locale: self.locale,
                roles,
            },
            self.password_hash,
        ))
    }
}

row! {
    /// Rows of the export, joined per entry.
    pub(super) struct ExportEntryRow {
        pub entry_id: i64,
        pub initiative_id: i64,
        pub award_slug: String,
        pub ordinal: i64,
        pub status: String,
        pub public_votes: Option<i64>,
    }
}

row! {
    pub(super) struct ExportCityRow {
        pub initiative_id: i64,
        pub geonames_id: Option<i64>,
        pub region_key: Option<String>,
    }
}

row! {
    pub(super) struct SdgRow {
        pub initiative_id: i64,
        pub sdg: i64,
    }
}

row! {
    pub(super) struct CatalogEditionRow {
        pub id: i64,
        pub award_slug: String,
        pub ordinal: i64,
    }
}

row! {
    pub(super) struct CatalogThemeRow {
        pub id: i64,
        pub edition_id: i64,
        pub name: String,
    }
}

row! {
    pub(super) struct CatalogCityRow {
        pub id: i64,
        pub geonames_id: Option<i64>,
        pub region_key: Option<String>,
    }
}

row! {
    pub(super) struct AttachmentRow {
        pub id: i64,
        pub application_id: i64,
        pub kind: String,
        pub name: String,
        pub content_type: Option<String>,
        pub size: i64,
        pub storage_key: Option<String>,
        pub sha256: Option<String>,
        pub created_at: i64,
        pub deleted_at: Option<i64>,
    }
}

impl AttachmentRow {
    pub const COLUMNS: &str =
        "id, application_id, kind, name, content_type, size, storage_key, sha256, created_at, deleted_at";

    pub fn into_domain(self) -> StoreResult<crate::application::attachments::Attachment> {
        Ok(crate::application::attachments::Attachment {
            id: AttachmentId(self.id),
            application_id: ApplicationId(self.application_id),
            kind: parse(&self.kind)?,
            name: self.name,
            content_type: self.content_type,
            size: self.size,
            storage_key: self.storage_key,
            sha256: self.sha256,
            created_at: self.created_at,
            deleted_at: self.deleted_at,
        })
    }
}
