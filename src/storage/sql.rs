//! The SQL both engines share. `shared_store!` stamps out the [`Store`](super::Store)
//! implementation for one engine from one body, so each query is written once; the engine
//! module provides `read()` (the read pool), `begin_write()` (a write transaction) and the
//! engine-specific methods (`engine_migrate`, `engine_backup`).
//!
//! Parameters are written `$1, $2 …`, which both SQLite and PostgreSQL accept.

use std::sync::LazyLock;

use crate::domain::EntryStatus;

/// `'valid', 'deserving', …`: the statuses at or beyond `min`, for `status IN (…)`. Built from
/// the closed vocabulary, never from input.
pub(super) fn statuses_from(min: EntryStatus) -> String {
    EntryStatus::ALL.iter().filter(|s| **s >= min).map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ")
}

/// Orders entries by how far they went: winners first.
pub(super) fn status_rank(column: &str) -> String {
    let arms: String =
        EntryStatus::ALL.iter().enumerate().map(|(rank, s)| format!(" WHEN '{}' THEN {rank}", s.as_str())).collect();
    format!("CASE {column}{arms} END")
}

pub(super) static PUBLISHED: LazyLock<String> = LazyLock::new(|| statuses_from(EntryStatus::Valid));

pub(super) const CITY_SUMMARY_COLUMNS: &str = "c.id, c.geonames_id, c.name, c.name_zh, c.country_code, \
     co.names AS country_names, c.level, c.population, c.lat, c.lng";

pub(super) static CITY_INITIATIVE_COUNT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "(SELECT COUNT(DISTINCT e.initiative_id) FROM initiative_cities ic \
         JOIN entries e ON e.initiative_id = ic.initiative_id \
         WHERE ic.city_id = c.id AND e.status IN ({})) AS initiative_count",
        *PUBLISHED
    )
});

pub(super) static AWARDS_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT a.id, a.slug, a.name, a.short_name, a.description, a.organisers, a.url, \
           (SELECT COUNT(*) FROM editions ed WHERE ed.award_id = a.id) AS edition_count, \
           (SELECT COUNT(*) FROM entries e JOIN editions ed ON ed.id = e.edition_id \
             WHERE ed.award_id = a.id AND e.status IN ({published})) AS entry_count \
         FROM awards a",
        published = *PUBLISHED
    )
});

pub(super) static EDITION_SUMMARY_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT ed.id, ed.award_id, a.slug AS award_slug, a.name AS award_name, ed.ordinal, ed.year, \
           (SELECT COUNT(*) FROM entries e WHERE e.edition_id = ed.id AND e.status IN ({published})) AS entry_count",
        published = *PUBLISHED
    )
});

pub(super) static EDITION_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{summary}, ed.timezone, ed.long_list_size, ed.shortlist_size, ed.max_winners, \
           ed.technical_committee_size, ed.jury_size, ed.reported_entries, ed.reported_cities, \
           ed.reported_countries, ed.public_vote, ed.notes, ed.application_settings \
         FROM editions ed JOIN awards a ON a.id = ed.award_id WHERE ed.id = $1",
        summary = *EDITION_SUMMARY_SQL
    )
});

pub(super) const ENTRY_LIST_FROM: &str = "FROM entries e \
     JOIN initiatives i ON i.id = e.initiative_id \
     JOIN editions ed ON ed.id = e.edition_id \
     JOIN awards a ON a.id = ed.award_id \
     JOIN initiative_cities lead ON lead.initiative_id = i.id AND lead.position = 0 \
     JOIN cities c ON c.id = lead.city_id";

pub(super) const ENTRY_LIST_COLUMNS: &str = "SELECT e.id AS entry_id, e.initiative_id, i.original_language, e.status, e.public_votes, \
     ed.id AS edition_id, ed.year, a.name AS award_name, c.id AS city_id, c.name AS city_name, \
     c.name_zh AS city_name_zh, c.country_code";

pub(super) static STATS_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT \
           (SELECT COUNT(*) FROM awards) AS awards, \
           (SELECT COUNT(*) FROM editions) AS editions, \
           (SELECT COUNT(DISTINCT initiative_id) FROM entries WHERE status IN ({p})) AS initiatives, \
           (SELECT COUNT(DISTINCT ic.city_id) FROM initiative_cities ic \
              JOIN entries e ON e.initiative_id = ic.initiative_id WHERE e.status IN ({p})) AS cities, \
           (SELECT COUNT(DISTINCT c.country_code) FROM initiative_cities ic \
              JOIN entries e ON e.initiative_id = ic.initiative_id \
              JOIN cities c ON c.id = ic.city_id WHERE e.status IN ({p})) AS countries",
        p = *PUBLISHED
    )
});

pub(super) static CITY_DETAIL_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {CITY_SUMMARY_COLUMNS}, {count}, c.admin1, c.timezone, co.continent \
         FROM cities c JOIN countries co ON co.code = c.country_code WHERE c.id = $1",
        count = *CITY_INITIATIVE_COUNT
    )
});

pub(super) static CITY_LINKS_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT l.kind, l.since_year, {CITY_SUMMARY_COLUMNS}, {count} \
         FROM city_links l \
         JOIN cities c ON c.id = CASE WHEN l.city_a = $1 THEN l.city_b ELSE l.city_a END \
         JOIN countries co ON co.code = c.country_code \
         WHERE l.city_a = $1 OR l.city_b = $1 ORDER BY l.kind, c.name",
        count = *CITY_INITIATIVE_COUNT
    )
});

pub(super) const CLAIM_SELECT: &str = "SELECT g.id, g.user_id, u.display_name AS user_name, u.email AS user_email, \
     g.city_id, c.name AS city_name, c.country_code, g.requested_name, g.requested_country, g.status, g.created_at, \
     g.decided_at, g.decision_note \
     FROM government_claims g JOIN users u ON u.id = g.user_id LEFT JOIN cities c ON c.id = g.city_id";

pub(super) const OUTBOX_COLUMNS: &str =
    "id, to_address, subject, body, created_at, attempts, next_attempt_at, last_error, sent_at";

pub(super) const TEXT_COLUMNS: &str = "initiative_id, lang, title, summary, situation_before, objectives, process, \
     results, sustainability, lessons, transferability";

/// JSON text of a value Kapok built itself (serialising it cannot fail).
pub(super) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("domain values serialise to JSON")
}

/// Rows per multi-row INSERT when loading the gazetteer: well under both engines' limits on
/// bound parameters.
pub(super) const INSERT_CHUNK: usize = 1_000;

/// The entries an export reads, with what its records need of their edition and award; a
/// query adds its WHERE and ORDER BY.
pub(super) const EXPORT_ENTRIES: &str = "SELECT e.id AS entry_id, e.initiative_id, a.slug AS award_slug, ed.ordinal, \
     e.status, e.public_votes FROM entries e JOIN editions ed ON ed.id = e.edition_id JOIN awards a ON a.id = ed.award_id";

/// A page of the bulk export within one edition: its published entries after an entry id.
pub(super) static EXPORT_PAGE_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{EXPORT_ENTRIES} WHERE e.edition_id = $1 AND e.status IN ({published}) AND e.id > $2 ORDER BY e.id LIMIT $3",
        published = *PUBLISHED
    )
});

/// The rows an export reads of the tables beside `entries`: those of these initiatives and
/// entries (bound, so a page keeps under the engines' limits on bound parameters).
pub(super) struct ExportScope {
    pub initiatives: Vec<i64>,
    pub entries: Vec<i64>,
}

macro_rules! shared_store {
    ($store:ty, $db:ty) => {
        use std::collections::{BTreeMap, BTreeSet, HashMap};

        use async_trait::async_trait;
        use sqlx::QueryBuilder;

        use crate::domain::*;
        use crate::gazetteer::Gazetteer;
        use crate::interchange::{
            AwardRecord, Catalog, CatalogEdition, CityRef, HonourRecord, InitiativeRecord, NewInitiative,
            PartnerRecord, KeyDateRecord, ContactRecord, SourceRecord,
        };
        use crate::storage::rows::*;
        use crate::storage::sql::*;
        use crate::storage::{
            CityQuery, ExportCursor, ExportPage, InitiativeOrder, InitiativeQuery, NewUser, PageRequest, SiteStats,
            Store, StoreError, StoreResult,
        };

        fn now_seconds() -> i64 {
            jiff::Timestamp::now().as_second()
        }

        fn push_id_list(builder: &mut QueryBuilder<'_, $db>, ids: impl IntoIterator<Item = i64>) {
            builder.push(" IN (");
            let mut list = builder.separated(", ");
            let mut empty = true;
            for id in ids {
                list.push_bind(id);
                empty = false;
            }
            if empty {
                builder.push("NULL");
            }
            builder.push(")");
        }

        /// `select`, then ` WHERE {column} IN (ids…)` with the ids bound (no WHERE for None: every
        /// row), then `rest`.
        fn select_where_in(select: &str, column: &str, ids: Option<&[i64]>, rest: &str) -> QueryBuilder<'static, $db> {
            let mut query = QueryBuilder::<$db>::new(select);
            if let Some(ids) = ids {
                query.push(format!(" WHERE {column}"));
                push_id_list(&mut query, ids.iter().copied());
            }
            query.push(rest);
            query
        }

        /// The FROM and WHERE clauses that select the entries of an initiative list, with only
        /// the joins its filters need (the page of ids is chosen first, then its details read).
        fn push_entry_selection(builder: &mut QueryBuilder<'_, $db>, query: &InitiativeQuery) {
            builder.push(" FROM entries e JOIN editions ed ON ed.id = e.edition_id");
            if query.country.is_some() {
                builder.push(
                    " JOIN initiative_cities lead ON lead.initiative_id = e.initiative_id AND lead.position = 0 \
                      JOIN cities c ON c.id = lead.city_id",
                );
            }
            let min = query.min_status.unwrap_or(EntryStatus::Valid).max(EntryStatus::Valid);
            builder.push(format!(" WHERE e.status IN ({})", statuses_from(min)));
            if let Some(award) = query.award {
                builder.push(" AND ed.award_id = ").push_bind(award.0);
            }
            if let Some(edition) = query.edition {
                builder.push(" AND e.edition_id = ").push_bind(edition.0);
            }
            if let Some(city) = query.city {
                builder
                    .push(" AND EXISTS (SELECT 1 FROM initiative_cities x WHERE x.initiative_id = e.initiative_id AND x.city_id = ")
                    .push_bind(city.0)
                    .push(")");
            }
            if let Some(country) = &query.country {
                builder.push(" AND c.country_code = ").push_bind(country.clone());
            }
            if let Some(ids) = &query.ids {
                builder.push(" AND e.initiative_id");
                push_id_list(builder, ids.iter().map(|id| id.0));
            }
        }

        fn push_entry_order(builder: &mut QueryBuilder<'_, $db>, order: InitiativeOrder) {
            let direction = match order {
                InitiativeOrder::Newest => "DESC",
                InitiativeOrder::Oldest => "ASC",
            };
            builder.push(format!(" ORDER BY ed.year {direction}, {} DESC, e.id", status_rank("e.status")));
        }

        /// The list items of `entry_ids`, in that order, with their titles and honours.
        async fn entry_summaries(
            conn: &mut <$db as sqlx::Database>::Connection,
            entry_ids: &[i64],
        ) -> StoreResult<Vec<InitiativeSummary>> {
            if entry_ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut details = QueryBuilder::<$db>::new(format!("{ENTRY_LIST_COLUMNS} {ENTRY_LIST_FROM} WHERE e.id"));
            push_id_list(&mut details, entry_ids.iter().copied());
            let mut rows: Vec<EntryListRow> = details.build_query_as().fetch_all(&mut *conn).await?;
            let position: HashMap<i64, usize> = entry_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            rows.sort_by_key(|row| position[&row.entry_id]);

            let mut titles: BTreeMap<i64, BTreeMap<LangCode, Option<String>>> = BTreeMap::new();
            let mut title_query = QueryBuilder::<$db>::new("SELECT initiative_id, lang, title FROM initiative_texts WHERE initiative_id");
            push_id_list(&mut title_query, rows.iter().map(|row| row.initiative_id));
            let title_rows: Vec<TitleRow> = title_query.build_query_as().fetch_all(&mut *conn).await?;
            for row in title_rows {
                titles.entry(row.initiative_id).or_default().insert(parse(&row.lang)?, row.title);
            }
            let mut honours: BTreeMap<i64, Vec<HonourKind>> = BTreeMap::new();
            let mut honour_query = QueryBuilder::<$db>::new("SELECT entry_id, kind FROM entry_honours WHERE entry_id");
            push_id_list(&mut honour_query, entry_ids.iter().copied());
            honour_query.push(" ORDER BY entry_id, kind");
            let honour_rows: Vec<HonourKindRow> = honour_query.build_query_as().fetch_all(&mut *conn).await?;
            for row in honour_rows {
                honours.entry(row.entry_id).or_default().push(parse(&row.kind)?);
            }
            rows.into_iter().map(|row| row.into_domain(&titles, &honours)).collect()
        }

        /// Writes an initiative and its entry (a known `ref` updates it); their ids.
        async fn write_initiative(
            tx: &mut <$db as sqlx::Database>::Connection,
            initiative: &NewInitiative,
            now: i64,
        ) -> StoreResult<(i64, i64)> {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO initiatives (ref, level, original_language, started_year, ended_year, partners, \
                   key_dates, contact, source, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
                 ON CONFLICT (ref) DO UPDATE SET level = excluded.level, \
                   original_language = excluded.original_language, started_year = excluded.started_year, \
                   ended_year = excluded.ended_year, partners = excluded.partners, \
                   key_dates = excluded.key_dates, contact = excluded.contact, source = excluded.source, \
                   updated_at = excluded.updated_at \
                 RETURNING id",
            )
            .bind(&initiative.reference)
            .bind(initiative.level.as_str())
            .bind(initiative.original_language.as_str())
            .bind(initiative.started_year)
            .bind(initiative.ended_year)
            .bind(to_json(&initiative.partners))
            .bind(to_json(&initiative.key_dates))
            .bind(initiative.contact.as_ref().map(to_json))
            .bind(to_json(&initiative.source))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            for table in ["initiative_texts", "initiative_cities", "initiative_sdgs"] {
                sqlx::query(&format!("DELETE FROM {table} WHERE initiative_id = $1")).bind(id).execute(&mut *tx).await?;
            }
            for (lang, text) in &initiative.texts {
                sqlx::query(&format!("INSERT INTO initiative_texts ({TEXT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"))
                    .bind(id)
                    .bind(lang.as_str())
                    .bind(&text.title)
                    .bind(&text.summary)
                    .bind(&text.situation_before)
                    .bind(&text.objectives)
                    .bind(&text.process)
                    .bind(&text.results)
                    .bind(&text.sustainability)
                    .bind(&text.lessons)
                    .bind(&text.transferability)
                    .execute(&mut *tx)
                    .await?;
            }
            let mut cities = QueryBuilder::<$db>::new("INSERT INTO initiative_cities (initiative_id, city_id, position) ");
            cities.push_values(initiative.city_ids.iter().enumerate(), |mut row, (position, city)| {
                row.push_bind(id).push_bind(city.0).push_bind(position as i64);
            });
            cities.build().execute(&mut *tx).await?;
            if !initiative.sdgs.is_empty() {
                let mut sdgs = QueryBuilder::<$db>::new("INSERT INTO initiative_sdgs (initiative_id, sdg) ");
                sdgs.push_values(&initiative.sdgs, |mut row, sdg| {
                    row.push_bind(id).push_bind(i64::from(sdg.number()));
                });
                sdgs.build().execute(&mut *tx).await?;
            }
            let entry = &initiative.entry;
            let entry_id: i64 = sqlx::query_scalar(
                "INSERT INTO entries (edition_id, initiative_id, status, public_votes) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (edition_id, initiative_id) DO UPDATE SET status = excluded.status, \
                   public_votes = excluded.public_votes \
                 RETURNING id",
            )
            .bind(entry.edition_id.0)
            .bind(id)
            .bind(entry.status.as_str())
            .bind(entry.public_votes)
            .fetch_one(&mut *tx)
            .await?;
            for table in ["entry_themes", "entry_honours"] {
                sqlx::query(&format!("DELETE FROM {table} WHERE entry_id = $1")).bind(entry_id).execute(&mut *tx).await?;
            }
            if !entry.theme_ids.is_empty() {
                let mut themes = QueryBuilder::<$db>::new("INSERT INTO entry_themes (entry_id, theme_id) ");
                themes.push_values(&entry.theme_ids, |mut row, theme| {
                    row.push_bind(entry_id).push_bind(theme.0);
                });
                themes.build().execute(&mut *tx).await?;
            }
            for honour in &entry.honours {
                sqlx::query("INSERT INTO entry_honours (entry_id, kind, name, votes) VALUES ($1, $2, $3, $4)")
                    .bind(entry_id)
                    .bind(honour.kind.as_str())
                    .bind(&honour.name)
                    .bind(honour.votes)
                    .execute(&mut *tx)
                    .await?;
            }
            Ok((id, entry_id))
        }

        /// Every entry in the interchange format, in a stable order.
        async fn export_records(conn: &mut <$db as sqlx::Database>::Connection) -> StoreResult<Vec<InitiativeRecord>> {
            let entries: Vec<ExportEntryRow> = sqlx::query_as(&format!("{EXPORT_ENTRIES} ORDER BY a.slug, ed.ordinal, e.id"))
                .fetch_all(&mut *conn)
                .await?;
            export_assemble(conn, entries, None).await
        }

        /// Up to `limit` (at most `INSERT_CHUNK`: a page's ids are bound) published entries in
        /// the interchange format, in the order of `export_records`, after `after`: the editions
        /// in order (award slug, then ordinal, read on the first page and carried by the cursor),
        /// each edition's entries by id, so each read is a short range of one edition.
        async fn export_published_page(
            conn: &mut <$db as sqlx::Database>::Connection,
            after: Option<&ExportCursor>,
            limit: usize,
        ) -> StoreResult<ExportPage> {
            let limit = limit.min(INSERT_CHUNK);
            let (editions, start, from) = match after {
                Some(cursor) => (cursor.editions.clone(), cursor.edition, cursor.entry_id),
                None => {
                    let ids: Vec<i64> = sqlx::query_scalar(
                        "SELECT ed.id FROM editions ed JOIN awards a ON a.id = ed.award_id ORDER BY a.slug, ed.ordinal",
                    )
                    .fetch_all(&mut *conn)
                    .await?;
                    (ids.into(), 0, i64::MIN)
                }
            };
            let mut entries: Vec<ExportEntryRow> = Vec::new();
            let mut last_edition = start;
            for (index, edition) in editions.iter().enumerate().skip(start) {
                let wanted = limit.saturating_sub(entries.len());
                if wanted == 0 {
                    break;
                }
                let rows: Vec<ExportEntryRow> = sqlx::query_as(&EXPORT_PAGE_SQL)
                    .bind(edition)
                    .bind(if index == start { from } else { i64::MIN })
                    .bind(wanted as i64)
                    .fetch_all(&mut *conn)
                    .await?;
                if !rows.is_empty() {
                    last_edition = index;
                }
                entries.extend(rows);
            }
            let next = (entries.len() == limit).then(|| entries.last()).flatten().map(|last| ExportCursor {
                editions: editions.clone(),
                edition: last_edition,
                entry_id: last.entry_id,
            });
            if entries.is_empty() {
                return Ok(ExportPage { records: Vec::new(), next });
            }
            let scope = ExportScope {
                initiatives: entries.iter().map(|e| e.initiative_id).collect::<BTreeSet<_>>().into_iter().collect(),
                entries: entries.iter().map(|e| e.entry_id).collect(),
            };
            let records = export_assemble(conn, entries, Some(scope)).await?;
            Ok(ExportPage { records, next })
        }

        /// The interchange records of `entries` (in their order); `scope` limits the rows read
        /// of the other tables to its initiatives and entries, None: all.
        async fn export_assemble(
            conn: &mut <$db as sqlx::Database>::Connection,
            entries: Vec<ExportEntryRow>,
            scope: Option<ExportScope>,
        ) -> StoreResult<Vec<InitiativeRecord>> {
            let of_initiatives = scope.as_ref().map(|s| s.initiatives.as_slice());
            let of_entries = scope.as_ref().map(|s| s.entries.as_slice());
            let initiatives: Vec<InitiativeRow> = select_where_in(
                "SELECT id, ref AS reference, level, original_language, started_year, ended_year, partners, key_dates, contact, source \
                 FROM initiatives",
                "id",
                of_initiatives,
                "",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let texts: Vec<TextRow> =
                select_where_in(&format!("SELECT {TEXT_COLUMNS} FROM initiative_texts"), "initiative_id", of_initiatives, "")
                    .build_query_as()
                    .fetch_all(&mut *conn)
                    .await?;
            let cities: Vec<ExportCityRow> = select_where_in(
                "SELECT ic.initiative_id, c.geonames_id, c.region_key FROM initiative_cities ic JOIN cities c ON c.id = ic.city_id",
                "ic.initiative_id",
                of_initiatives,
                " ORDER BY ic.initiative_id, ic.position",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let sdgs: Vec<SdgRow> = select_where_in(
                "SELECT initiative_id, sdg FROM initiative_sdgs",
                "initiative_id",
                of_initiatives,
                " ORDER BY initiative_id, sdg",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let themes: Vec<EntryThemeRow> = select_where_in(
                "SELECT et.entry_id, t.id AS theme_id, t.name FROM entry_themes et JOIN themes t ON t.id = et.theme_id",
                "et.entry_id",
                of_entries,
                " ORDER BY et.entry_id, t.position",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let honours: Vec<HonourRow> = select_where_in(
                "SELECT entry_id, kind, name, votes FROM entry_honours",
                "entry_id",
                of_entries,
                " ORDER BY entry_id, kind",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;

            let initiatives: HashMap<i64, InitiativeRow> = initiatives.into_iter().map(|i| (i.id, i)).collect();
            let mut texts_by: HashMap<i64, BTreeMap<LangCode, InitiativeText>> = HashMap::new();
            for text in texts {
                let initiative_id = text.initiative_id;
                let (lang, text) = text.into_domain()?;
                texts_by.entry(initiative_id).or_default().insert(lang, text);
            }
            let mut cities_by: HashMap<i64, Vec<CityRef>> = HashMap::new();
            for city in cities {
                let reference = match (city.geonames_id, city.region_key) {
                    (_, Some(key)) => CityRef::Region(key),
                    (Some(id), None) => CityRef::GeonamesId(id),
                    (None, None) => return Err(StoreError::Invalid("a government added by hand has no gazetteer reference to export".into())),
                };
                cities_by.entry(city.initiative_id).or_default().push(reference);
            }
            let mut sdgs_by: HashMap<i64, Vec<Sdg>> = HashMap::new();
            for row in sdgs {
                sdgs_by.entry(row.initiative_id).or_default().push(Sdg::new(row.sdg).map_err(|e| StoreError::Corrupt(e.to_string()))?);
            }
            let mut themes_by: HashMap<i64, Vec<String>> = HashMap::new();
            for row in themes {
                themes_by.entry(row.entry_id).or_default().push(localized(&row.name)?.get(LangCode::EN).to_string());
            }
            let mut honours_by: HashMap<i64, Vec<HonourRecord>> = HashMap::new();
            for row in honours {
                honours_by.entry(row.entry_id).or_default().push(HonourRecord { kind: parse(&row.kind)?, name: row.name, votes: row.votes });
            }
            entries
                .into_iter()
                .map(|entry| {
                    let initiative = initiatives
                        .get(&entry.initiative_id)
                        .ok_or_else(|| StoreError::Corrupt(format!("entry {} has no initiative", entry.entry_id)))?;
                    let partners: Vec<Partner> = json(&initiative.partners)?;
                    let key_dates: Vec<KeyDate> = json(&initiative.key_dates)?;
                    let contact: Option<Contact> = initiative.contact.as_deref().map(json).transpose()?;
                    let source: Source = json(&initiative.source)?;
                    Ok(InitiativeRecord {
                        reference: initiative.reference.clone(),
                        award: entry.award_slug,
                        edition: entry.ordinal,
                        status: parse(&entry.status)?,
                        honours: honours_by.remove(&entry.entry_id).unwrap_or_default(),
                        public_votes: entry.public_votes,
                        cities: cities_by.get(&entry.initiative_id).cloned().unwrap_or_default(),
                        level: parse(&initiative.level)?,
                        original_language: parse(&initiative.original_language)?,
                        texts: texts_by.get(&entry.initiative_id).cloned().unwrap_or_default(),
                        themes: themes_by.remove(&entry.entry_id).unwrap_or_default(),
                        sdgs: sdgs_by.get(&entry.initiative_id).cloned().unwrap_or_default(),
                        partners: partners.into_iter().map(|p| PartnerRecord { name: p.name, kind: p.kind }).collect(),
                        key_dates: key_dates.into_iter().map(|k| KeyDateRecord { date: k.date, label: k.label }).collect(),
                        started: initiative.started_year,
                        ended: initiative.ended_year,
                        contact: contact.map(|c| ContactRecord { name: c.name, role: c.role, email: c.email, consent: c.consent }),
                        source: SourceRecord { dataset: source.dataset, id: source.id, url: source.url },
                    })
                })
                .collect()

        }

        /// One document per published entry (of `only` these initiatives, at most
        /// `INSERT_CHUNK` of them, or all): its list item, its initiative's texts, governments,
        /// SDGs and its themes. Six reads; list items in chunks (engines limit bound parameters).
        async fn search_documents(
            conn: &mut <$db as sqlx::Database>::Connection,
            only: Option<&[InitiativeId]>,
        ) -> StoreResult<Vec<crate::search::SearchDocument>> {
            let published = &*PUBLISHED;
            // Within `only`: the initiatives are few (an update's), bound one by one.
            let only: Option<Vec<i64>> = only.map(|ids| ids.iter().map(|id| id.0).collect());
            // `select` (which ends in a WHERE condition) and, within `only`, its initiatives.
            let and_within = |select: String, column: &str, rest: &str| {
                let mut query = QueryBuilder::<$db>::new(select);
                if let Some(ids) = &only {
                    query.push(format!(" AND {column}"));
                    push_id_list(&mut query, ids.iter().copied());
                }
                query.push(rest);
                query
            };
            // `select` (which ends in `WHERE {column}`): of `only`'s initiatives, else of every
            // initiative with a published entry.
            let of_published = |select: String, rest: &str| {
                let mut query = QueryBuilder::<$db>::new(select);
                match &only {
                    Some(ids) => push_id_list(&mut query, ids.iter().copied()),
                    None => {
                        query.push(format!(" IN (SELECT initiative_id FROM entries WHERE status IN ({published}))"));
                    }
                }
                query.push(rest);
                query
            };
            let heads: Vec<(i64, i64, i64, String, String)> = and_within(
                format!(
                    "SELECT e.id, e.initiative_id, ed.award_id, a.short_name, i.level FROM entries e \
                     JOIN editions ed ON ed.id = e.edition_id JOIN awards a ON a.id = ed.award_id \
                     JOIN initiatives i ON i.id = e.initiative_id WHERE e.status IN ({published})"
                ),
                "e.initiative_id",
                " ORDER BY e.id",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let mut summaries: HashMap<i64, InitiativeSummary> = HashMap::with_capacity(heads.len());
            for chunk in heads.chunks(INSERT_CHUNK) {
                let ids: Vec<i64> = chunk.iter().map(|h| h.0).collect();
                for summary in entry_summaries(&mut *conn, &ids).await? {
                    summaries.insert(summary.entry_id.0, summary);
                }
            }
            let text_rows: Vec<TextRow> = of_published(
                format!("SELECT {TEXT_COLUMNS} FROM initiative_texts WHERE initiative_id"),
                " ORDER BY initiative_id, lang",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let mut texts: HashMap<i64, Texts> = HashMap::new();
            for row in text_rows {
                let id = row.initiative_id;
                let (lang, text) = row.into_domain()?;
                texts.entry(id).or_default().insert(lang, text);
            }
            let government_rows: Vec<(i64, i64, String, String, Option<String>, String, String, String, f64, f64)> = of_published(
                "SELECT ic.initiative_id, c.id, c.name, c.ascii_name, c.name_zh, c.country_code, co.names, co.continent, c.lat, c.lng \
                 FROM initiative_cities ic JOIN cities c ON c.id = ic.city_id JOIN countries co ON co.code = c.country_code \
                 WHERE ic.initiative_id"
                    .to_string(),
                " ORDER BY ic.initiative_id, ic.position",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let mut governments: HashMap<i64, Vec<crate::search::SearchGovernment>> = HashMap::new();
            for (initiative, id, name, ascii_name, name_zh, country_code, country_names, continent, lat, lng) in government_rows {
                governments.entry(initiative).or_default().push(crate::search::SearchGovernment {
                    id: CityId(id),
                    name,
                    ascii_name,
                    name_zh,
                    country_code,
                    country_names: localized(&country_names)?,
                    continent: parse(&continent)?,
                    lat,
                    lng,
                });
            }
            let sdg_rows: Vec<(i64, i64)> = of_published(
                "SELECT initiative_id, sdg FROM initiative_sdgs WHERE initiative_id".to_string(),
                " ORDER BY initiative_id, sdg",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let mut sdgs: HashMap<i64, Vec<Sdg>> = HashMap::new();
            for (initiative, sdg) in sdg_rows {
                sdgs.entry(initiative).or_default().push(Sdg::new(sdg).map_err(|e| StoreError::Corrupt(e.to_string()))?);
            }
            let theme_rows: Vec<(i64, String)> = and_within(
                format!(
                    "SELECT et.entry_id, t.name FROM entry_themes et JOIN themes t ON t.id = et.theme_id \
                     JOIN entries e ON e.id = et.entry_id WHERE e.status IN ({published})"
                ),
                "e.initiative_id",
                " ORDER BY et.entry_id, t.position",
            )
            .build_query_as()
            .fetch_all(&mut *conn)
            .await?;
            let mut themes: HashMap<i64, Vec<LocalizedText>> = HashMap::new();
            for (entry, name) in theme_rows {
                themes.entry(entry).or_default().push(localized(&name)?);
            }
            let mut documents = Vec::with_capacity(heads.len());
            for (entry, initiative, award, short_name, level) in heads {
                let Some(summary) = summaries.remove(&entry) else { continue };
                documents.push(crate::search::SearchDocument {
                    summary,
                    texts: texts.get(&initiative).cloned().unwrap_or_default(),
                    award_id: AwardId(award),
                    award_short_name: localized(&short_name)?,
                    level: parse(&level)?,
                    governments: governments.get(&initiative).cloned().unwrap_or_default(),
                    themes: themes.remove(&entry).unwrap_or_default(),
                    sdgs: sdgs.get(&initiative).cloned().unwrap_or_default(),
                });
            }
            Ok(documents)
        }

        async fn insert_event(
            tx: &mut <$db as sqlx::Database>::Connection,
            id: ApplicationId,
            actor: UserId,
            kind: &str,
            detail: &str,
            now: i64,
        ) -> StoreResult<()> {
            sqlx::query("INSERT INTO application_events (application_id, at, actor_id, kind, detail) VALUES ($1, $2, $3, $4, $5)")
                .bind(id.0)
                .bind(now)
                .bind(actor.0)
                .bind(kind)
                .bind(detail)
                .execute(&mut *tx)
                .await?;
            Ok(())
        }

        async fn insert_user(tx: &mut <$db as sqlx::Database>::Connection, user: &NewUser) -> StoreResult<User> {
            let now = now_seconds();
            let email = user.email.trim().to_lowercase();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, display_name, password_hash, locale, created_at, email_verified_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(&email)
            .bind(&user.display_name)
            .bind(&user.password_hash)
            .bind(&user.locale)
            .bind(now)
            .bind(user.verified.then_some(now))
            .fetch_one(&mut *tx)
            .await?;
            for role in &user.roles {
                sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)").bind(id).bind(role.as_str()).execute(&mut *tx).await?;
            }
            Ok(User {
                id: UserId(id),
                email,
                display_name: user.display_name.clone(),
                locale: user.locale.clone(),
                roles: user.roles.iter().map(|role| RoleGrant { role: *role, award_id: None, edition_id: None }).collect(),
            })
        }

        async fn insert_email_token(
            tx: &mut <$db as sqlx::Database>::Connection,
            user: UserId,
            token: &crate::storage::NewEmailToken,
        ) -> StoreResult<()> {
            sqlx::query("INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(&token.token_hash)
                .bind(user.0)
                .bind(token.purpose.as_str())
                .bind(token.created_at)
                .bind(token.expires_at)
                .execute(&mut *tx)
                .await?;
            Ok(())
        }

        /// Marks a valid, unused token of `purpose` as used; its user's id.
        async fn use_email_token(
            tx: &mut <$db as sqlx::Database>::Connection,
            token_hash: &str,
            purpose: TokenPurpose,
            now: i64,
        ) -> StoreResult<Option<i64>> {
            Ok(sqlx::query_scalar(
                "UPDATE email_tokens SET used_at = $3 \
                 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
            )
            .bind(token_hash)
            .bind(purpose.as_str())
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?)
        }

        async fn insert_mail(tx: &mut <$db as sqlx::Database>::Connection, mail: &crate::storage::NewMail, now: i64) -> StoreResult<()> {
            sqlx::query("INSERT INTO outbox (to_address, subject, body, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4)")
                .bind(&mail.to)
                .bind(&mail.subject)
                .bind(&mail.body)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            Ok(())
        }

        #[async_trait]
        impl Store for $store {
            fn engine(&self) -> &'static str {
                Self::ENGINE
            }

            async fn migrate(&self) -> StoreResult<()> {
                self.engine_migrate().await
            }

            async fn ping(&self) -> StoreResult<()> {
                sqlx::query("SELECT 1").execute(self.read()).await?;
                Ok(())
            }

            async fn is_empty(&self) -> StoreResult<bool> {
                let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM awards").fetch_one(self.read()).await?;
                Ok(count == 0)
            }

            async fn has_gazetteer(&self) -> StoreResult<bool> {
                let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM countries").fetch_one(self.read()).await?;
                Ok(count > 0)
            }

            async fn load_gazetteer(&self, gazetteer: &Gazetteer) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                for chunk in gazetteer.countries.chunks(INSERT_CHUNK) {
                    let mut insert = QueryBuilder::<$db>::new("INSERT INTO countries (code, iso3, continent, population, names) ");
                    insert.push_values(chunk, |mut row, country| {
                        row.push_bind(country.code.clone())
                            .push_bind(country.iso3.clone())
                            .push_bind(country.continent.as_str())
                            .push_bind(country.population)
                            .push_bind(country.names.to_json());
                    });
                    insert.push(" ON CONFLICT DO NOTHING");
                    insert.build().execute(&mut *tx).await?;
                }
                for chunk in gazetteer.cities.chunks(INSERT_CHUNK) {
                    let mut insert = QueryBuilder::<$db>::new(
                        "INSERT INTO cities (geonames_id, region_key, name, ascii_name, name_zh, country_code, admin1, \
                         level, population, lat, lng, timezone) ",
                    );
                    insert.push_values(chunk, |mut row, city| {
                        row.push_bind(city.geonames_id)
                            .push_bind(city.region_key.clone())
                            .push_bind(city.name.clone())
                            .push_bind(city.ascii_name.clone())
                            .push_bind(city.name_zh.clone())
                            .push_bind(city.country.clone())
                            .push_bind(city.admin1.clone())
                            .push_bind(city.level.as_str())
                            .push_bind(city.population)
                            .push_bind(city.lat)
                            .push_bind(city.lng)
                            .push_bind(city.timezone.clone());
                    });
                    insert.push(" ON CONFLICT DO NOTHING");
                    insert.build().execute(&mut *tx).await?;
                }
                async fn city_id(tx: &mut <$db as sqlx::Database>::Connection, city: &CityRef) -> StoreResult<i64> {
                    let found: Option<i64> = match city {
                        CityRef::GeonamesId(id) => {
                            sqlx::query_scalar("SELECT id FROM cities WHERE geonames_id = $1").bind(id).fetch_optional(&mut *tx).await?
                        }
                        CityRef::Region(key) => {
                            sqlx::query_scalar("SELECT id FROM cities WHERE region_key = $1").bind(key).fetch_optional(&mut *tx).await?
                        }
                    };
                    found.ok_or_else(|| StoreError::Invalid(format!("{city} is not in the gazetteer")))
                }
                for network in &gazetteer.networks.networks {
                    let network_id: i64 = sqlx::query_scalar(
                        "INSERT INTO networks (slug, name, url) VALUES ($1, $2, $3) \
                         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, url = excluded.url RETURNING id",
                    )
                    .bind(&network.slug)
                    .bind(&network.name)
                    .bind(&network.url)
                    .fetch_one(&mut *tx)
                    .await?;
                    for member in &network.members {
                        let city = city_id(&mut *tx, member).await.map_err(|e| StoreError::Invalid(format!("network {}: {e}", network.slug)))?;
                        sqlx::query("INSERT INTO city_networks (city_id, network_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                            .bind(city)
                            .bind(network_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                for link in &gazetteer.networks.links {
                    let a = city_id(&mut *tx, &link.a).await?;
                    let b = city_id(&mut *tx, &link.b).await?;
                    if a == b {
                        return Err(StoreError::Invalid(format!("a city link joins {} to itself", link.a)));
                    }
                    sqlx::query(
                        "INSERT INTO city_links (city_a, city_b, kind, since_year) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (city_a, city_b) DO UPDATE SET kind = excluded.kind, since_year = excluded.since_year",
                    )
                    .bind(a.min(b))
                    .bind(a.max(b))
                    .bind(link.kind.as_str())
                    .bind(link.since)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn upsert_awards(&self, awards: &[AwardRecord]) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                for award in awards {
                    let award_id: i64 = sqlx::query_scalar(
                        "INSERT INTO awards (slug, name, short_name, description, organisers, url) \
                         VALUES ($1, $2, $3, $4, $5, $6) \
                         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, \
                           description = excluded.description, organisers = excluded.organisers, url = excluded.url \
                         RETURNING id",
                    )
                    .bind(&award.slug)
                    .bind(award.name.to_json())
                    .bind(award.short_name.to_json())
                    .bind(award.description.to_json())
                    .bind(&award.organisers)
                    .bind(&award.url)
                    .fetch_one(&mut *tx)
                    .await?;
                    for edition in &award.editions {
                        let context = |e: String| StoreError::Invalid(format!("award {} edition {}: {e}", award.slug, edition.ordinal));
                        let zone = EditionTimeZone::parse(&edition.timezone).map_err(|e| context(e.to_string()))?;
                        let reported = edition.reported.clone().unwrap_or_default();
                        let edition_id: i64 = sqlx::query_scalar(
                            "INSERT INTO editions (award_id, ordinal, year, timezone, long_list_size, shortlist_size, \
                               max_winners, technical_committee_size, jury_size, reported_entries, reported_cities, \
                               reported_countries, public_vote, notes, application_settings) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
                             ON CONFLICT (award_id, ordinal) DO UPDATE SET year = excluded.year, \
                               timezone = excluded.timezone, long_list_size = excluded.long_list_size, \
                               shortlist_size = excluded.shortlist_size, max_winners = excluded.max_winners, \
                               technical_committee_size = excluded.technical_committee_size, \
                               jury_size = excluded.jury_size, reported_entries = excluded.reported_entries, \
                               reported_cities = excluded.reported_cities, \
                               reported_countries = excluded.reported_countries, \
                               public_vote = excluded.public_vote, notes = excluded.notes, \
                               application_settings = excluded.application_settings \
                             RETURNING id",
                        )
                        .bind(award_id)
                        .bind(edition.ordinal)
                        .bind(edition.year)
                        .bind(zone.name())
                        .bind(edition.long_list_size)
                        .bind(edition.shortlist_size)
                        .bind(edition.max_winners)
                        .bind(edition.technical_committee_size)
                        .bind(edition.jury_size)
                        .bind(reported.entries)
                        .bind(reported.cities)
                        .bind(reported.countries)
                        .bind(edition.public_vote.as_ref().map(|v| v.to_string()))
                        .bind(&edition.notes)
                        .bind(edition.application.as_ref().map(to_json))
                        .fetch_one(&mut *tx)
                        .await?;
                        sqlx::query("DELETE FROM edition_dates WHERE edition_id = $1").bind(edition_id).execute(&mut *tx).await?;
                        for date in &edition.dates {
                            let starts = zone.instant(&date.starts).map_err(|e| context(e))?;
                            let ends = date.ends.as_deref().map(|e| zone.instant(e)).transpose().map_err(|e| context(e))?;
                            if ends.is_some_and(|ends| ends < starts) {
                                return Err(context(format!("{} ends before it starts", date.milestone)));
                            }
                            sqlx::query("INSERT INTO edition_dates (edition_id, milestone, starts_at, ends_at) VALUES ($1, $2, $3, $4)")
                                .bind(edition_id)
                                .bind(date.milestone.as_str())
                                .bind(starts.as_second())
                                .bind(ends.map(|e| e.as_second()))
                                .execute(&mut *tx)
                                .await
                                .map_err(|e| context(format!("milestone {}: {e}", date.milestone)))?;
                        }
                        for (position, theme) in edition.themes.iter().enumerate() {
                            sqlx::query(
                                "INSERT INTO themes (edition_id, position, name) VALUES ($1, $2, $3) \
                                 ON CONFLICT (edition_id, position) DO UPDATE SET name = excluded.name",
                            )
                            .bind(edition_id)
                            .bind(position as i64)
                            .bind(theme.to_json())
                            .execute(&mut *tx)
                            .await?;
                        }
                        for (position, criterion) in edition.criteria.iter().enumerate() {
                            if criterion.scale_min >= criterion.scale_max {
                                return Err(context(format!("criterion {}: the scale is empty", criterion.name.get(LangCode::EN))));
                            }
                            sqlx::query(
                                "INSERT INTO criteria (edition_id, position, name, weight, scale_min, scale_max, stage) \
                                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                                 ON CONFLICT (edition_id, position) DO UPDATE SET name = excluded.name, \
                                   weight = excluded.weight, scale_min = excluded.scale_min, \
                                   scale_max = excluded.scale_max, stage = excluded.stage",
                            )
                            .bind(edition_id)
                            .bind(position as i64)
                            .bind(criterion.name.to_json())
                            .bind(criterion.weight)
                            .bind(criterion.scale_min)
                            .bind(criterion.scale_max)
                            .bind(criterion.stage.as_str())
                            .execute(&mut *tx)
                            .await?;
                        }
                    }
                }
                tx.commit().await?;
                Ok(())
            }

            async fn catalog(&self) -> StoreResult<Catalog> {
                let mut conn = self.read().acquire().await?;
                let editions: Vec<CatalogEditionRow> = sqlx::query_as(
                    "SELECT ed.id, a.slug AS award_slug, ed.ordinal FROM editions ed JOIN awards a ON a.id = ed.award_id",
                )
                .fetch_all(&mut *conn)
                .await?;
                let themes: Vec<CatalogThemeRow> =
                    sqlx::query_as("SELECT id, edition_id, name FROM themes").fetch_all(&mut *conn).await?;
                let cities: Vec<CatalogCityRow> = sqlx::query_as(
                    "SELECT id, geonames_id, region_key FROM cities",
                )
                .fetch_all(&mut *conn)
                .await?;
                let mut catalog = Catalog::default();
                let mut by_id = HashMap::new();
                for edition in editions {
                    by_id.insert(edition.id, (edition.award_slug.clone(), edition.ordinal));
                    catalog.editions.insert(
                        (edition.award_slug, edition.ordinal),
                        CatalogEdition { id: EditionId(edition.id), themes: HashMap::new() },
                    );
                }
                for theme in themes {
                    let key = by_id.get(&theme.edition_id).ok_or_else(|| StoreError::Corrupt("theme without edition".into()))?;
                    let name = localized(&theme.name)?.get(LangCode::EN).to_string();
                    if let Some(edition) = catalog.editions.get_mut(key) {
                        edition.themes.insert(name, ThemeId(theme.id));
                    }
                }
                for city in cities {
                    if let Some(geonames_id) = city.geonames_id {
                        catalog.cities.insert(CityRef::GeonamesId(geonames_id), CityId(city.id));
                    }
                    if let Some(key) = city.region_key {
                        catalog.cities.insert(CityRef::Region(key), CityId(city.id));
                    }
                }
                Ok(catalog)
            }

            async fn import_initiatives(
                &self,
                initiatives: &[NewInitiative],
                progress: &(dyn Fn(u64) + Send + Sync),
            ) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                let now = now_seconds();
                for (done, initiative) in initiatives.iter().enumerate() {
                    write_initiative(&mut tx, initiative, now).await?;
                    progress(done as u64 + 1);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn export_initiatives(&self) -> StoreResult<Vec<InitiativeRecord>> {
                let mut conn = self.read().acquire().await?;
                export_records(&mut conn).await
            }

            async fn search_documents(&self) -> StoreResult<Vec<crate::search::SearchDocument>> {
                let mut conn = self.read().acquire().await?;
                search_documents(&mut conn, None).await
            }

            async fn search_documents_of(&self, initiatives: &[InitiativeId]) -> StoreResult<Vec<crate::search::SearchDocument>> {
                if initiatives.is_empty() {
                    return Ok(Vec::new());
                }
                let mut conn = self.read().acquire().await?;
                let mut documents = Vec::new();
                for chunk in initiatives.chunks(INSERT_CHUNK) {
                    documents.extend(search_documents(&mut conn, Some(chunk)).await?);
                }
                // In entry order, as one read would give them.
                documents.sort_by_key(|document| document.summary.entry_id);
                Ok(documents)
            }

            async fn initiatives_of(&self, entries: &[EntryId], references: &[String]) -> StoreResult<Vec<InitiativeId>> {
                let mut conn = self.read().acquire().await?;
                let mut found = BTreeSet::new();
                for chunk in entries.chunks(INSERT_CHUNK) {
                    let mut select = QueryBuilder::<$db>::new("SELECT initiative_id FROM entries WHERE id");
                    push_id_list(&mut select, chunk.iter().map(|e| e.0));
                    let ids: Vec<i64> = select.build_query_scalar().fetch_all(&mut *conn).await?;
                    found.extend(ids);
                }
                for reference in references {
                    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM initiatives WHERE ref = $1")
                        .bind(reference)
                        .fetch_optional(&mut *conn)
                        .await?;
                    found.extend(id);
                }
                Ok(found.into_iter().map(InitiativeId).collect())
            }

            async fn export_published_page(&self, after: Option<&ExportCursor>, limit: usize) -> StoreResult<ExportPage> {
                let mut conn = self.read().acquire().await?;
                export_published_page(&mut conn, after, limit).await
            }

            async fn stats(&self) -> StoreResult<SiteStats> {
                let (awards, editions, initiatives, cities, countries): (i64, i64, i64, i64, i64) =
                    sqlx::query_as(&STATS_SQL).fetch_one(self.read()).await?;
                Ok(SiteStats { awards, editions, initiatives, cities, countries })
            }

            async fn awards(&self) -> StoreResult<Vec<Award>> {
                let rows: Vec<AwardRow> = sqlx::query_as(&format!("{} ORDER BY a.id", *AWARDS_SQL)).fetch_all(self.read()).await?;
                rows.into_iter().map(AwardRow::into_domain).collect()
            }

            async fn award(&self, id: AwardId) -> StoreResult<Option<Award>> {
                let row: Option<AwardRow> = sqlx::query_as(&format!("{} WHERE a.id = $1", *AWARDS_SQL))
                    .bind(id.0)
                    .fetch_optional(self.read())
                    .await?;
                row.map(AwardRow::into_domain).transpose()
            }

            async fn editions(&self, award: Option<AwardId>, page: PageRequest) -> StoreResult<Page<EditionSummary>> {
                let mut conn = self.read().acquire().await?;
                let mut select = QueryBuilder::<$db>::new(format!("{} FROM editions ed JOIN awards a ON a.id = ed.award_id", *EDITION_SUMMARY_SQL));
                let mut count = QueryBuilder::<$db>::new("SELECT COUNT(*) FROM editions ed");
                if let Some(award) = award {
                    select.push(" WHERE ed.award_id = ").push_bind(award.0);
                    count.push(" WHERE ed.award_id = ").push_bind(award.0);
                }
                select.push(" ORDER BY ed.year DESC, ed.award_id, ed.ordinal DESC LIMIT ").push_bind(page.limit).push(" OFFSET ").push_bind(page.offset);
                let rows: Vec<EditionSummaryRow> = select.build_query_as().fetch_all(&mut *conn).await?;
                let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
                Ok(Page { items: rows.into_iter().map(EditionSummaryRow::into_domain).collect::<StoreResult<_>>()?, total })
            }

            async fn edition(&self, id: EditionId) -> StoreResult<Option<Edition>> {
                let mut conn = self.read().acquire().await?;
                let Some(row): Option<EditionRow> = sqlx::query_as(&EDITION_SQL).bind(id.0).fetch_optional(&mut *conn).await? else {
                    return Ok(None);
                };
                let mut dates: Vec<EditionDateRow> = sqlx::query_as(
                    "SELECT milestone, starts_at, ends_at FROM edition_dates WHERE edition_id = $1",
                )
                .bind(id.0)
                .fetch_all(&mut *conn)
                .await?;
                dates.sort_by_key(|d| (d.starts_at, d.milestone.parse::<Milestone>().ok()));
                let themes: Vec<ThemeRow> = sqlx::query_as("SELECT id, name FROM themes WHERE edition_id = $1 ORDER BY position")
                    .bind(id.0)
                    .fetch_all(&mut *conn)
                    .await?;
                let criteria: Vec<CriterionRow> = sqlx::query_as(
                    "SELECT id, name, weight, scale_min, scale_max, stage FROM criteria WHERE edition_id = $1 ORDER BY position",
                )
                .bind(id.0)
                .fetch_all(&mut *conn)
                .await?;
                row.into_domain(dates, themes, criteria).map(Some)
            }

            async fn initiatives(&self, query: &InitiativeQuery, page: PageRequest) -> StoreResult<Page<InitiativeSummary>> {
                let mut conn = self.read().acquire().await?;
                let mut select = QueryBuilder::<$db>::new("SELECT e.id");
                push_entry_selection(&mut select, query);
                push_entry_order(&mut select, query.order);
                select.push(" LIMIT ").push_bind(page.limit).push(" OFFSET ").push_bind(page.offset);
                let entry_ids: Vec<i64> = select.build_query_scalar().fetch_all(&mut *conn).await?;
                let mut count = QueryBuilder::<$db>::new("SELECT COUNT(*)");
                push_entry_selection(&mut count, query);
                let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
                let items = entry_summaries(&mut conn, &entry_ids).await?;
                Ok(Page { items, total })
            }

            async fn matching_entries(&self, query: &InitiativeQuery) -> StoreResult<Vec<(EntryId, InitiativeId)>> {
                let mut select = QueryBuilder::<$db>::new("SELECT e.id, e.initiative_id");
                push_entry_selection(&mut select, query);
                push_entry_order(&mut select, query.order);
                let rows: Vec<(i64, i64)> = select.build_query_as().fetch_all(self.read()).await?;
                Ok(rows.into_iter().map(|(entry, initiative)| (EntryId(entry), InitiativeId(initiative))).collect())
            }

            async fn entry_summaries(&self, entries: &[EntryId]) -> StoreResult<Vec<InitiativeSummary>> {
                let mut conn = self.read().acquire().await?;
                let ids: Vec<i64> = entries.iter().map(|e| e.0).collect();
                entry_summaries(&mut conn, &ids).await
            }

            async fn initiative(&self, id: InitiativeId) -> StoreResult<Option<Initiative>> {
                // Four round trips: the initiative with its governments, its texts, its SDGs,
                // and its entries with their honours and themes.
                let mut conn = self.read().acquire().await?;
                let heads: Vec<InitiativeHeadRow> = sqlx::query_as(
                    "SELECT i.id, i.ref AS reference, i.level, i.original_language, i.started_year, i.ended_year, i.partners, \
                       i.key_dates, i.contact, i.source, c.id AS city_id, c.name AS city_name, c.name_zh AS city_name_zh, \
                       c.country_code, co.names AS country_names, ic.position \
                     FROM initiatives i JOIN initiative_cities ic ON ic.initiative_id = i.id \
                     JOIN cities c ON c.id = ic.city_id JOIN countries co ON co.code = c.country_code \
                     WHERE i.id = $1 ORDER BY ic.position",
                )
                .bind(id.0)
                .fetch_all(&mut *conn)
                .await?;
                let Some(first) = heads.first() else {
                    return Ok(None);
                };
                let row = first.initiative.clone();
                let cities = heads.iter().map(InitiativeHeadRow::city).collect();
                let texts: Vec<TextRow> = sqlx::query_as(&format!("SELECT {TEXT_COLUMNS} FROM initiative_texts WHERE initiative_id = $1"))
                    .bind(id.0)
                    .fetch_all(&mut *conn)
                    .await?;
                let sdgs: Vec<i64> = sqlx::query_scalar("SELECT sdg FROM initiative_sdgs WHERE initiative_id = $1 ORDER BY sdg")
                    .bind(id.0)
                    .fetch_all(&mut *conn)
                    .await?;
                let outcome_rows: Vec<EntryOutcomeRow> = sqlx::query_as(
                    "SELECT e.id, e.edition_id, ed.award_id, a.name AS award_name, ed.year, ed.ordinal, e.status, \
                       e.public_votes, h.kind AS honour_kind, h.name AS honour_name, h.votes AS honour_votes, \
                       t.id AS theme_id, t.name AS theme_name \
                     FROM entries e JOIN editions ed ON ed.id = e.edition_id JOIN awards a ON a.id = ed.award_id \
                     LEFT JOIN entry_honours h ON h.entry_id = e.id \
                     LEFT JOIN entry_themes et ON et.entry_id = e.id LEFT JOIN themes t ON t.id = et.theme_id \
                     WHERE e.initiative_id = $1 ORDER BY ed.year DESC, e.id, h.kind, t.position",
                )
                .bind(id.0)
                .fetch_all(&mut *conn)
                .await?;
                let (entries, honours, themes) = EntryOutcomeRow::split(outcome_rows);
                InitiativeParts { row, texts, cities, sdgs, entries, honours, themes }.into_domain().map(Some)
            }

            async fn cities(&self, query: &CityQuery, page: PageRequest) -> StoreResult<Page<CitySummary>> {
                let mut conn = self.read().acquire().await?;
                let (mut select, mut count) = if query.with_initiatives {
                    // Count per city once, then join: cheaper than a count per row.
                    let counts = format!(
                        "(SELECT ic.city_id, COUNT(DISTINCT e.initiative_id) AS initiative_count FROM initiative_cities ic \
                          JOIN entries e ON e.initiative_id = ic.initiative_id WHERE e.status IN ({}) GROUP BY ic.city_id) counts \
                         JOIN cities c ON c.id = counts.city_id",
                        *PUBLISHED
                    );
                    (
                        QueryBuilder::<$db>::new(format!(
                            "SELECT {CITY_SUMMARY_COLUMNS}, counts.initiative_count FROM {counts} \
                             JOIN countries co ON co.code = c.country_code WHERE 1 = 1"
                        )),
                        QueryBuilder::<$db>::new(format!("SELECT COUNT(*) FROM {counts} WHERE 1 = 1")),
                    )
                } else {
                    (
                        QueryBuilder::<$db>::new(format!(
                            "SELECT {CITY_SUMMARY_COLUMNS}, {} FROM cities c JOIN countries co ON co.code = c.country_code WHERE 1 = 1",
                            *CITY_INITIATIVE_COUNT
                        )),
                        QueryBuilder::<$db>::new("SELECT COUNT(*) FROM cities c WHERE 1 = 1"),
                    )
                };
                for builder in [&mut select, &mut count] {
                    if let Some(country) = &query.country {
                        builder.push(" AND c.country_code = ").push_bind(country.clone());
                    }
                }
                if query.with_initiatives {
                    select.push(" ORDER BY counts.initiative_count DESC, c.name, c.id");
                } else {
                    select.push(" ORDER BY c.population DESC NULLS LAST, c.id");
                }
                select.push(" LIMIT ").push_bind(page.limit).push(" OFFSET ").push_bind(page.offset);
                let rows: Vec<CitySummaryRow> = select.build_query_as().fetch_all(&mut *conn).await?;
                let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
                Ok(Page { items: rows.into_iter().map(CitySummaryRow::into_domain).collect::<StoreResult<_>>()?, total })
            }

            async fn city(&self, id: CityId) -> StoreResult<Option<City>> {
                let mut conn = self.read().acquire().await?;
                let Some(row): Option<CityDetailRow> = sqlx::query_as(&CITY_DETAIL_SQL).bind(id.0).fetch_optional(&mut *conn).await? else {
                    return Ok(None);
                };
                let networks: Vec<NetworkRow> = sqlx::query_as(
                    "SELECT n.id, n.slug, n.name, n.url FROM city_networks cn JOIN networks n ON n.id = cn.network_id \
                     WHERE cn.city_id = $1 ORDER BY n.name",
                )
                .bind(id.0)
                .fetch_all(&mut *conn)
                .await?;
                let links: Vec<CityLinkRow> = sqlx::query_as(&CITY_LINKS_SQL).bind(id.0).fetch_all(&mut *conn).await?;
                Ok(Some(City {
                    summary: row.summary.into_domain()?,
                    admin1: row.admin1,
                    timezone: row.timezone,
                    continent: parse(&row.continent)?,
                    networks: networks
                        .into_iter()
                        .map(|n| Network { id: NetworkId(n.id), slug: n.slug, name: n.name, url: n.url })
                        .collect(),
                    links: links
                        .into_iter()
                        .map(|l| Ok(CityLink { kind: parse(&l.kind)?, since_year: l.since_year, city: l.city.into_domain()? }))
                        .collect::<StoreResult<_>>()?,
                }))
            }

            async fn countries(&self) -> StoreResult<Vec<Country>> {
                let rows: Vec<CountryRow> = sqlx::query_as("SELECT code, iso3, continent, population, names FROM countries ORDER BY code")
                    .fetch_all(self.read())
                    .await?;
                rows.into_iter().map(CountryRow::into_domain).collect()
            }

            async fn create_user(&self, user: &NewUser) -> StoreResult<User> {
                let mut tx = self.begin_write().await?;
                let created = insert_user(&mut tx, user).await?;
                tx.commit().await?;
                Ok(created)
            }

            async fn credentials(&self, email: &str) -> StoreResult<Option<crate::storage::Credentials>> {
                let mut conn = self.read().acquire().await?;
                let Some(row): Option<CredentialsRow> = sqlx::query_as(
                    "SELECT id, email, display_name, password_hash, locale, email_verified_at, locked_until \
                     FROM users WHERE email = $1",
                )
                .bind(email.trim().to_lowercase())
                .fetch_optional(&mut *conn)
                .await?
                else {
                    return Ok(None);
                };
                let roles: Vec<RoleRow> = sqlx::query_as("SELECT role, award_id, edition_id FROM user_roles WHERE user_id = $1 ORDER BY id")
                    .bind(row.user.id)
                    .fetch_all(&mut *conn)
                    .await?;
                let (verified, locked_until) = (row.email_verified_at.is_some(), row.locked_until);
                let (user, password_hash) = row.user.into_domain(roles)?;
                Ok(Some(crate::storage::Credentials { user, password_hash, verified, locked_until }))
            }

            async fn record_failed_login(&self, user: UserId, lock_after: i64, locked_until: i64) -> StoreResult<Option<i64>> {
                let mut tx = self.begin_write().await?;
                let failures: i64 = sqlx::query_scalar(
                    "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
                )
                .bind(user.0)
                .fetch_one(&mut *tx)
                .await?;
                let locked = if failures >= lock_after {
                    sqlx::query("UPDATE users SET failed_logins = 0, locked_until = $2 WHERE id = $1")
                        .bind(user.0)
                        .bind(locked_until)
                        .execute(&mut *tx)
                        .await?;
                    Some(locked_until)
                } else {
                    None
                };
                tx.commit().await?;
                Ok(locked)
            }

            async fn clear_failed_logins(&self, user: UserId) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1").bind(user.0).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn register(
                &self,
                user: &NewUser,
                token: &crate::storage::NewEmailToken,
                mail: &crate::storage::NewMail,
            ) -> StoreResult<crate::storage::Registration> {
                let mut tx = self.begin_write().await?;
                let email = user.email.trim().to_lowercase();
                let existing: Option<UserRow> = sqlx::query_as("SELECT id, email, display_name, password_hash, locale FROM users WHERE email = $1")
                    .bind(&email)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(existing) = existing {
                    let (existing, _) = existing.into_domain(Vec::new())?;
                    return Ok(crate::storage::Registration::EmailTaken(existing));
                }
                let created = insert_user(&mut tx, user).await?;
                insert_email_token(&mut tx, created.id, token).await?;
                insert_mail(&mut tx, mail, token.created_at).await?;
                tx.commit().await?;
                Ok(crate::storage::Registration::Created(created))
            }

            async fn issue_email_token(&self, user: UserId, token: &crate::storage::NewEmailToken, mail: &crate::storage::NewMail) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                insert_email_token(&mut tx, user, token).await?;
                insert_mail(&mut tx, mail, token.created_at).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn verify_email(&self, token_hash: &str, now: i64) -> StoreResult<Option<UserId>> {
                let mut tx = self.begin_write().await?;
                let Some(user) = use_email_token(&mut tx, token_hash, TokenPurpose::VerifyEmail, now).await? else {
                    return Ok(None);
                };
                sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1")
                    .bind(user)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(Some(UserId(user)))
            }

            async fn reset_password(&self, token_hash: &str, password_hash: &str, now: i64) -> StoreResult<Option<UserId>> {
                let mut tx = self.begin_write().await?;
                let Some(user) = use_email_token(&mut tx, token_hash, TokenPurpose::ResetPassword, now).await? else {
                    return Ok(None);
                };
                // The link arrived by e-mail, so it also proves the address.
                sqlx::query(
                    "UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, \
                       email_verified_at = COALESCE(email_verified_at, $3) WHERE id = $1",
                )
                .bind(user)
                .bind(password_hash)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(Some(UserId(user)))
            }

            async fn enqueue_mail(&self, mail: &crate::storage::NewMail) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                insert_mail(&mut tx, mail, now_seconds()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn due_mail(&self, now: i64, limit: i64) -> StoreResult<Vec<crate::storage::OutboxMessage>> {
                let rows: Vec<OutboxRow> = sqlx::query_as(&format!(
                    "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2"
                ))
                .bind(now)
                .bind(limit)
                .fetch_all(self.read())
                .await?;
                Ok(rows.into_iter().map(OutboxRow::into_domain).collect())
            }

            async fn mail_sent(&self, id: i64, now: i64) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1")
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn mail_failed(&self, id: i64, error: &str, next_attempt_at: i64) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1")
                    .bind(id)
                    .bind(error)
                    .bind(next_attempt_at)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn outbox(&self, page: PageRequest) -> StoreResult<Page<crate::storage::OutboxMessage>> {
                let mut conn = self.read().acquire().await?;
                let rows: Vec<OutboxRow> = sqlx::query_as(&format!("SELECT {OUTBOX_COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1 OFFSET $2"))
                    .bind(page.limit)
                    .bind(page.offset)
                    .fetch_all(&mut *conn)
                    .await?;
                let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&mut *conn).await?;
                Ok(Page { items: rows.into_iter().map(OutboxRow::into_domain).collect(), total })
            }

            async fn create_session(&self, session: &crate::storage::NewSession) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(session.created_at).execute(&mut *tx).await?;
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&session.token_hash)
                .bind(session.user_id.0)
                .bind(&session.csrf_token)
                .bind(session.created_at)
                .bind(session.expires_at)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn session(&self, token_hash: &str, now: i64) -> StoreResult<Option<(User, String)>> {
                let mut conn = self.read().acquire().await?;
                let Some(row): Option<SessionUserRow> = sqlx::query_as(
                    "SELECT u.id, u.email, u.display_name, u.password_hash, u.locale, s.csrf_token \
                     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
                )
                .bind(token_hash)
                .bind(now)
                .fetch_optional(&mut *conn)
                .await?
                else {
                    return Ok(None);
                };
                let roles: Vec<RoleRow> = sqlx::query_as("SELECT role, award_id, edition_id FROM user_roles WHERE user_id = $1 ORDER BY id")
                    .bind(row.user.id)
                    .fetch_all(&mut *conn)
                    .await?;
                let (user, _) = row.user.into_domain(roles)?;
                Ok(Some((user, row.csrf_token)))
            }

            async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn search_cities(&self, text: &str, limit: i64) -> StoreResult<Vec<CitySummary>> {
                let prefix = format!("{}%", text.trim().to_lowercase().replace(['%', '_', '\\'], ""));
                let rows: Vec<CitySummaryRow> = sqlx::query_as(&format!(
                    "SELECT {CITY_SUMMARY_COLUMNS}, {} FROM cities c JOIN countries co ON co.code = c.country_code \
                     WHERE LOWER(c.ascii_name) LIKE $1 OR LOWER(c.name) LIKE $1 OR c.name_zh LIKE $1 \
                     ORDER BY c.population DESC NULLS LAST, c.id LIMIT $2",
                    *CITY_INITIATIVE_COUNT
                ))
                .bind(prefix)
                .bind(limit)
                .fetch_all(self.read())
                .await?;
                rows.into_iter().map(CitySummaryRow::into_domain).collect()
            }

            async fn city_names(&self, ids: &[CityId]) -> StoreResult<HashMap<CityId, (String, String)>> {
                if ids.is_empty() {
                    return Ok(HashMap::new());
                }
                let mut query = QueryBuilder::<$db>::new("SELECT id, name, country_code FROM cities WHERE id");
                push_id_list(&mut query, ids.iter().map(|id| id.0));
                let rows: Vec<(i64, String, String)> = query.build_query_as().fetch_all(self.read()).await?;
                Ok(rows.into_iter().map(|(id, name, country)| (CityId(id), (name, country))).collect())
            }

            async fn claim_government(&self, user: UserId, claim: &crate::application::NewClaim, now: i64) -> StoreResult<ClaimId> {
                let (city, name, country) = match claim {
                    crate::application::NewClaim::City(city) => (Some(city.0), None, None),
                    crate::application::NewClaim::Requested { name, country } => (None, Some(name.clone()), Some(country.clone())),
                };
                let mut tx = self.begin_write().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO government_claims (user_id, city_id, requested_name, requested_country, status, created_at) \
                     VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id",
                )
                .bind(user.0)
                .bind(city)
                .bind(name)
                .bind(country)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(ClaimId(id))
            }

            async fn claims_of(&self, user: UserId) -> StoreResult<Vec<crate::application::Claim>> {
                let rows: Vec<ClaimRow> = sqlx::query_as(&format!("{CLAIM_SELECT} WHERE g.user_id = $1 ORDER BY g.id"))
                    .bind(user.0)
                    .fetch_all(self.read())
                    .await?;
                rows.into_iter().map(ClaimRow::into_domain).collect()
            }

            async fn claims_with_status(&self, status: crate::application::ClaimStatus) -> StoreResult<Vec<crate::application::Claim>> {
                let rows: Vec<ClaimRow> = sqlx::query_as(&format!("{CLAIM_SELECT} WHERE g.status = $1 ORDER BY g.id"))
                    .bind(status.as_str())
                    .fetch_all(self.read())
                    .await?;
                rows.into_iter().map(ClaimRow::into_domain).collect()
            }

            async fn decide_claim(&self, claim: ClaimId, approve: bool, by: UserId, note: Option<&str>, now: i64) -> StoreResult<bool> {
                let status = if approve { "approved" } else { "rejected" };
                let mut tx = self.begin_write().await?;
                let changed = sqlx::query(
                    "UPDATE government_claims SET status = $2, decided_at = $3, decided_by = $4, decision_note = $5 \
                     WHERE id = $1 AND status = 'pending'",
                )
                .bind(claim.0)
                .bind(status)
                .bind(now)
                .bind(by.0)
                .bind(note)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok(changed == 1)
            }

            async fn create_application(&self, edition: EditionId, owner: UserId, now: i64) -> StoreResult<ApplicationId> {
                let mut tx = self.begin_write().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO applications (edition_id, owner_id, status, created_at, updated_at) \
                     VALUES ($1, $2, 'draft', $3, $3) RETURNING id",
                )
                .bind(edition.0)
                .bind(owner.0)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(ApplicationId(id))
            }

            async fn applications_of(&self, owner: UserId) -> StoreResult<Vec<crate::application::ApplicationSummary>> {
                let rows: Vec<ApplicationSummaryRow> = sqlx::query_as(
                    "SELECT ap.id, ap.edition_id, a.name AS award_name, ed.year, ap.status, ap.updated_at, f.value AS title \
                     FROM applications ap JOIN editions ed ON ed.id = ap.edition_id JOIN awards a ON a.id = ed.award_id \
                     LEFT JOIN application_fields f ON f.application_id = ap.id AND f.field = 'title.en' \
                     WHERE ap.owner_id = $1 ORDER BY ap.updated_at DESC, ap.id DESC",
                )
                .bind(owner.0)
                .fetch_all(self.read())
                .await?;
                rows.into_iter().map(ApplicationSummaryRow::into_domain).collect()
            }

            async fn application(&self, id: ApplicationId) -> StoreResult<Option<crate::application::Application>> {
                let mut conn = self.read().acquire().await?;
                let Some(row): Option<ApplicationRow> = sqlx::query_as(
                    "SELECT id, edition_id, owner_id, status, created_at, updated_at, extended_until FROM applications WHERE id = $1",
                )
                .bind(id.0)
                .fetch_optional(&mut *conn)
                .await?
                else {
                    return Ok(None);
                };
                let fields: Vec<(String, String, i64)> =
                    sqlx::query_as("SELECT field, value, version FROM application_fields WHERE application_id = $1")
                        .bind(id.0)
                        .fetch_all(&mut *conn)
                        .await?;
                row.into_domain(fields).map(Some)
            }

            async fn save_fields(
                &self,
                id: ApplicationId,
                changes: &[crate::application::FieldChange],
                now: i64,
            ) -> StoreResult<Vec<crate::application::SaveOutcome>> {
                use crate::application::SaveOutcome;
                let mut tx = self.begin_write().await?;
                let mut outcomes = Vec::with_capacity(changes.len());
                let mut any_saved = false;
                for change in changes {
                    let current: Option<(String, i64)> =
                        sqlx::query_as("SELECT value, version FROM application_fields WHERE application_id = $1 AND field = $2")
                            .bind(id.0)
                            .bind(&change.field)
                            .fetch_optional(&mut *tx)
                            .await?;
                    let outcome = match current {
                        // Already there (a retried save, or two tabs typing the same): nothing to do.
                        Some((value, version)) if value == change.value => SaveOutcome::Saved { version },
                        Some((_, version)) if version == change.seen_version => {
                            sqlx::query(
                                "UPDATE application_fields SET value = $3, version = version + 1, updated_at = $4 \
                                 WHERE application_id = $1 AND field = $2",
                            )
                            .bind(id.0)
                            .bind(&change.field)
                            .bind(&change.value)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                            any_saved = true;
                            SaveOutcome::Saved { version: version + 1 }
                        }
                        Some((value, version)) => SaveOutcome::Conflict { value, version },
                        None if change.seen_version == 0 => {
                            sqlx::query(
                                "INSERT INTO application_fields (application_id, field, value, version, updated_at) \
                                 VALUES ($1, $2, $3, 1, $4)",
                            )
                            .bind(id.0)
                            .bind(&change.field)
                            .bind(&change.value)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                            any_saved = true;
                            SaveOutcome::Saved { version: 1 }
                        }
                        // The writer claims a version that was never saved: a forged request.
                        None => SaveOutcome::Conflict { value: String::new(), version: 0 },
                    };
                    outcomes.push(outcome);
                }
                if any_saved {
                    sqlx::query("UPDATE applications SET updated_at = $2 WHERE id = $1").bind(id.0).bind(now).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(outcomes)
            }

            async fn submit_application(
                &self,
                id: ApplicationId,
                by: UserId,
                content: &crate::application::Values,
                digest: &str,
                initiative: &NewInitiative,
                receipt: &crate::storage::NewMail,
                now: i64,
            ) -> StoreResult<i64> {
                let mut tx = self.begin_write().await?;
                let number: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM application_submissions WHERE application_id = $1",
                )
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO application_submissions (application_id, number, submitted_at, submitted_by, content, digest) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id.0)
                .bind(number)
                .bind(now)
                .bind(by.0)
                .bind(to_json(content))
                .bind(digest)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE applications SET status = 'submitted', updated_at = $2 WHERE id = $1")
                    .bind(id.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                write_initiative(&mut tx, initiative, now).await?;
                insert_event(&mut tx, id, by, "submitted", &format!("version {number}, digest {digest}"), now).await?;
                insert_mail(&mut tx, receipt, now).await?;
                tx.commit().await?;
                Ok(number)
            }

            async fn withdraw_application(&self, id: ApplicationId, by: UserId, now: i64) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE applications SET status = 'withdrawn', updated_at = $2 WHERE id = $1")
                    .bind(id.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE entries SET status = 'withdrawn' \
                     WHERE initiative_id = (SELECT id FROM initiatives WHERE ref = $1)",
                )
                .bind(format!("application-{id}"))
                .execute(&mut *tx)
                .await?;
                insert_event(&mut tx, id, by, "withdrawn", "", now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn submissions(&self, id: ApplicationId) -> StoreResult<Vec<crate::application::SubmissionSummary>> {
                let rows: Vec<(i64, i64, String)> = sqlx::query_as(
                    "SELECT number, submitted_at, digest FROM application_submissions WHERE application_id = $1 ORDER BY number",
                )
                .bind(id.0)
                .fetch_all(self.read())
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(number, submitted_at, digest)| crate::application::SubmissionSummary { number, submitted_at, digest })
                    .collect())
            }

            async fn submission(
                &self,
                id: ApplicationId,
                number: i64,
            ) -> StoreResult<Option<(crate::application::SubmissionSummary, crate::application::Values)>> {
                let row: Option<(i64, String, String)> = sqlx::query_as(
                    "SELECT submitted_at, digest, content FROM application_submissions WHERE application_id = $1 AND number = $2",
                )
                .bind(id.0)
                .bind(number)
                .fetch_optional(self.read())
                .await?;
                row.map(|(submitted_at, digest, content)| {
                    Ok((crate::application::SubmissionSummary { number, submitted_at, digest }, json(&content)?))
                })
                .transpose()
            }

            async fn add_attachment(
                &self,
                id: ApplicationId,
                attachment: &crate::application::attachments::NewAttachment,
                max_total_bytes: i64,
                by: UserId,
                now: i64,
            ) -> StoreResult<Option<AttachmentId>> {
                let mut tx = self.begin_write().await?;
                // Touching the application first takes its row lock (PostgreSQL), so concurrent
                // uploads to one application are counted one after the other.
                sqlx::query("UPDATE applications SET updated_at = $2 WHERE id = $1").bind(id.0).bind(now).execute(&mut *tx).await?;
                let (used,): (i64,) = sqlx::query_as(
                    "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM attachments \
                     WHERE application_id = $1 AND kind = 'file' AND deleted_at IS NULL",
                )
                .bind(id.0)
                .fetch_one(&mut *tx)
                .await?;
                if used + attachment.size > max_total_bytes {
                    return Ok(None);
                }
                let (attachment_id,): (i64,) = sqlx::query_as(
                    "INSERT INTO attachments (application_id, kind, name, content_type, size, storage_key, sha256, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(id.0)
                .bind(attachment.kind.as_str())
                .bind(&attachment.name)
                .bind(&attachment.content_type)
                .bind(attachment.size)
                .bind(&attachment.storage_key)
                .bind(&attachment.sha256)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                insert_event(&mut tx, id, by, "attached", &attachment.name, now).await?;
                tx.commit().await?;
                Ok(Some(AttachmentId(attachment_id)))
            }

            async fn attachments(&self, id: ApplicationId) -> StoreResult<Vec<crate::application::attachments::Attachment>> {
                let rows: Vec<AttachmentRow> = sqlx::query_as(&format!(
                    "SELECT {} FROM attachments WHERE application_id = $1 AND deleted_at IS NULL ORDER BY id",
                    AttachmentRow::COLUMNS
                ))
                .bind(id.0)
                .fetch_all(self.read())
                .await?;
                rows.into_iter().map(AttachmentRow::into_domain).collect()
            }

            async fn attachment(&self, id: AttachmentId) -> StoreResult<Option<crate::application::attachments::Attachment>> {
                let row: Option<AttachmentRow> =
                    sqlx::query_as(&format!("SELECT {} FROM attachments WHERE id = $1", AttachmentRow::COLUMNS))
                        .bind(id.0)
                        .fetch_optional(self.read())
                        .await?;
                row.map(AttachmentRow::into_domain).transpose()
            }

            async fn remove_attachment(&self, id: AttachmentId, keep: bool, by: UserId, now: i64) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                let found: Option<(i64, String)> = sqlx::query_as("SELECT application_id, name FROM attachments WHERE id = $1")
                    .bind(id.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some((application_id, name)) = found else {
                    return Ok(());
                };
                if keep {
                    sqlx::query("UPDATE attachments SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL")
                        .bind(id.0)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                } else {
                    sqlx::query("DELETE FROM attachments WHERE id = $1").bind(id.0).execute(&mut *tx).await?;
                }
                insert_event(&mut tx, ApplicationId(application_id), by, "detached", &name, now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn extend_deadline(&self, id: ApplicationId, until: i64, by: UserId, reason: &str, now: i64) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE applications SET extended_until = $2 WHERE id = $1").bind(id.0).bind(until).execute(&mut *tx).await?;
                insert_event(&mut tx, id, by, "extended", &format!("until {until}: {reason}"), now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn add_feedback(&self, id: ApplicationId, by: UserId, body: &str, mail: &crate::storage::NewMail, now: i64) -> StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO application_feedback (application_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(id.0)
                    .bind(by.0)
                    .bind(body)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                insert_event(&mut tx, id, by, "feedback", "", now).await?;
                insert_mail(&mut tx, mail, now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn feedback(&self, id: ApplicationId) -> StoreResult<Vec<crate::application::Feedback>> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT u.display_name, f.body, f.created_at FROM application_feedback f JOIN users u ON u.id = f.author_id \
                     WHERE f.application_id = $1 ORDER BY f.id",
                )
                .bind(id.0)
                .fetch_all(self.read())
                .await?;
                Ok(rows.into_iter().map(|(author, body, created_at)| crate::application::Feedback { author, body, created_at }).collect())
            }

            async fn application_events(&self, id: ApplicationId) -> StoreResult<Vec<crate::application::ApplicationEvent>> {
                let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
                    "SELECT e.at, u.display_name, e.kind, e.detail FROM application_events e JOIN users u ON u.id = e.actor_id \
                     WHERE e.application_id = $1 ORDER BY e.id",
                )
                .bind(id.0)
                .fetch_all(self.read())
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(at, actor, kind, detail)| crate::application::ApplicationEvent { at, actor, kind, detail })
                    .collect())
            }

            async fn submitted_applications(
                &self,
                edition: EditionId,
            ) -> StoreResult<(Vec<crate::application::SubmittedApplication>, Vec<crate::application::DraftApplication>)> {
                let mut conn = self.read().acquire().await?;
                let rows: Vec<SubmittedRow> = sqlx::query_as(
                    "SELECT ap.id, u.display_name AS owner_name, u.email AS owner_email, ap.status, ap.extended_until, \
                       latest.number AS versions, first.submitted_at AS first_submitted_at, \
                       latest.submitted_at AS last_submitted_at, latest.digest, latest.content \
                     FROM applications ap JOIN users u ON u.id = ap.owner_id \
                     JOIN application_submissions latest ON latest.application_id = ap.id \
                       AND latest.number = (SELECT MAX(number) FROM application_submissions x WHERE x.application_id = ap.id) \
                     JOIN application_submissions first ON first.application_id = ap.id AND first.number = 1 \
                     WHERE ap.edition_id = $1 ORDER BY ap.id",
                )
                .bind(edition.0)
                .fetch_all(&mut *conn)
                .await?;
                let drafts: Vec<(i64, String, String, i64, Option<i64>)> = sqlx::query_as(
                    "SELECT ap.id, u.display_name, u.email, ap.updated_at, ap.extended_until \
                     FROM applications ap JOIN users u ON u.id = ap.owner_id \
                     WHERE ap.edition_id = $1 AND ap.status = 'draft' \
                     AND NOT EXISTS (SELECT 1 FROM application_submissions s WHERE s.application_id = ap.id) ORDER BY ap.id",
                )
                .bind(edition.0)
                .fetch_all(&mut *conn)
                .await?;
                let drafts = drafts
                    .into_iter()
                    .map(|(id, owner_name, owner_email, updated_at, extended_until)| crate::application::DraftApplication {
                        id: ApplicationId(id),
                        owner_name,
                        owner_email,
                        updated_at,
                        extended_until,
                    })
                    .collect();
                Ok((rows.into_iter().map(SubmittedRow::into_domain).collect::<StoreResult<_>>()?, drafts))
            }

            async fn backup(&self, path: &std::path::Path) -> StoreResult<()> {
                self.engine_backup(path).await
            }
        }
    };
}
pub(super) use shared_store;
