//! The storage story, run against both engines.

use kapok::domain::*;
use kapok::interchange::{NewEntry, NewInitiative};
use kapok::storage::{CityQuery, InitiativeOrder, InitiativeQuery, NewUser, PageRequest};

use crate::fixtures::{self, BOGOTA, GUANGZHOU, LYON};
use crate::harness::{Engine, TestApp, both_engines, import_jsonl};

async fn fixture_app(engine: Engine) -> TestApp {
    TestApp::with_fixture(engine).await.expect("engine available")
}

fn titles(page: &Page<InitiativeSummary>) -> Vec<String> {
    page.items.iter().map(|s| s.title(LangCode::EN).unwrap_or("<untitled>").to_string()).collect()
}

async fn city_id(app: &TestApp, geonames_id: i64) -> CityId {
    let catalog = app.store.catalog().await.unwrap();
    catalog.cities[&kapok::interchange::CityRef::GeonamesId(geonames_id)]
}

both_engines! {
    async fn counts_only_published_entries(engine) {
        let app = fixture_app(engine).await;
        let stats = app.store.stats().await.unwrap();
        assert_eq!((stats.awards, stats.editions, stats.initiatives), (1, 2, 5));
        // Bogotá, Medellín, Antioquia, Lyon, Gwangju, Guangzhou; not Barcelona (screened out).
        assert_eq!(stats.cities, 6);
        assert_eq!(stats.countries, 4);
        let awards = app.store.awards().await.unwrap();
        assert_eq!(awards.len(), 1);
        assert_eq!((awards[0].edition_count, awards[0].entry_count), (2, 5));
        assert_eq!(awards[0].name.get(UiLang::Zh), "城市创新测试奖");
    }

    async fn lists_newest_edition_first_and_best_outcome_first(engine) {
        let app = fixture_app(engine).await;
        let all = app.store.initiatives(&InitiativeQuery::default(), PageRequest::new(0, 20)).await.unwrap();
        assert_eq!(all.total, 5);
        assert_eq!(
            titles(&all),
            ["Bogotá Care Blocks", "<untitled>", "Rues aux enfants", "Educational Parks", "Community waste sorting"]
        );
        let bogota = &all.items[0];
        assert_eq!(bogota.status, EntryStatus::Winner);
        assert_eq!(bogota.honours, vec![HonourKind::PublicVote]);
        assert_eq!(bogota.title("es".parse::<LangCode>().unwrap()), Some("Manzanas del Cuidado"));
        assert_eq!(all.items[3].public_votes, Some(1_234_567));

        let oldest = InitiativeQuery { order: InitiativeOrder::Oldest, ..Default::default() };
        let oldest = app.store.initiatives(&oldest, PageRequest::new(0, 20)).await.unwrap();
        assert_eq!(titles(&oldest)[0], "Educational Parks");

        let second_page = app.store.initiatives(&InitiativeQuery::default(), PageRequest::new(2, 2)).await.unwrap();
        assert_eq!(second_page.total, 5);
        assert_eq!(titles(&second_page), ["Rues aux enfants", "Educational Parks"]);
    }

    async fn filters_by_city_country_status_and_edition(engine) {
        let app = fixture_app(engine).await;
        let catalog = app.store.catalog().await.unwrap();
        let antioquia = catalog.cities[&kapok::interchange::CityRef::Region("antioquia".into())];
        let page = PageRequest::new(0, 20);
        let by_joint_city = InitiativeQuery { city: Some(antioquia), ..Default::default() };
        assert_eq!(titles(&app.store.initiatives(&by_joint_city, page).await.unwrap()), ["Educational Parks"]);
        let by_country = InitiativeQuery { country: Some("CO".into()), ..Default::default() };
        assert_eq!(titles(&app.store.initiatives(&by_country, page).await.unwrap()), ["Bogotá Care Blocks", "Educational Parks"]);
        let shortlisted = InitiativeQuery { min_status: Some(EntryStatus::Shortlisted), ..Default::default() };
        assert_eq!(titles(&app.store.initiatives(&shortlisted, page).await.unwrap()), ["Bogotá Care Blocks", "Educational Parks"]);
        // Asking for unscreened entries never reveals them.
        let submitted = InitiativeQuery { min_status: Some(EntryStatus::Submitted), ..Default::default() };
        assert_eq!(app.store.initiatives(&submitted, page).await.unwrap().total, 5);
        let edition = catalog.editions[&("test-award".to_string(), 1)].id;
        let by_edition = InitiativeQuery { edition: Some(edition), ..Default::default() };
        assert_eq!(titles(&app.store.initiatives(&by_edition, page).await.unwrap()), ["Educational Parks", "Community waste sorting"]);
    }

    async fn reads_an_initiative_with_everything_it_has(engine) {
        let app = fixture_app(engine).await;
        let list = app.store.initiatives(&InitiativeQuery::default(), PageRequest::new(0, 20)).await.unwrap();
        let bogota = app.store.initiative(list.items[0].id).await.unwrap().unwrap();
        assert_eq!(bogota.reference, "t-bogota-care");
        assert_eq!(bogota.original_language.as_str(), "es");
        assert_eq!(bogota.texts.len(), 2);
        let english = &bogota.texts[&LangCode::EN];
        assert_eq!(english.results.as_deref(), Some("Thousands of caregivers reached.\n\nA second paragraph."));
        assert_eq!(bogota.sdgs.iter().map(|s| s.number()).collect::<Vec<_>>(), [5, 10]);
        assert_eq!(bogota.partners[0].name, "District Secretariat for Women");
        assert_eq!(bogota.key_dates[0].label, "First block opens");
        assert_eq!(bogota.contact.as_ref().map(|c| c.name.as_str()), Some("Ana Pérez"));
        assert_eq!(bogota.started_year, Some(2020));
        assert_eq!(bogota.entries.len(), 1);
        let entry = &bogota.entries[0];
        assert_eq!((entry.status, entry.edition_year), (EntryStatus::Winner, 2023));
        assert_eq!(entry.honours[0].name, "City of Your Choice");
        assert_eq!(entry.themes[0].name.get(UiLang::Zh), "社会包容与共同繁荣");
        assert_eq!(bogota.cities[0].name, "Bogotá");

        let medellin = app.store.initiative(list.items[3].id).await.unwrap().unwrap();
        assert!(medellin.contact.is_none(), "a contact without consent is never returned");
        assert_eq!(medellin.cities.iter().map(|c| (c.name.as_str(), c.lead)).collect::<Vec<_>>(), [("Medellín", true), ("Antioquia", false)]);
        assert_eq!(medellin.level, GovernmentLevel::Metropolitan);
        assert!(app.store.initiative(InitiativeId(999_999)).await.unwrap().is_none());
    }

    async fn reads_editions_with_dates_in_their_time_zone(engine) {
        let app = fixture_app(engine).await;
        let editions = app.store.editions(None, PageRequest::new(0, 10)).await.unwrap();
        assert_eq!(editions.total, 2);
        assert_eq!(editions.items.iter().map(|e| e.year).collect::<Vec<_>>(), [2023, 2021]);
        let edition = app.store.edition(editions.items[0].id).await.unwrap().unwrap();
        assert_eq!(edition.timezone.name(), "Asia/Shanghai");
        let milestones: Vec<_> = edition.dates.iter().map(|d| d.milestone).collect();
        assert_eq!(milestones, [Milestone::Launch, Milestone::FinalDeadline, Milestone::Ceremony]);
        let deadline = edition.date(Milestone::FinalDeadline).unwrap();
        assert_eq!(deadline.starts_at.to_string(), "2023-08-31T15:59:00Z");
        assert_eq!(edition.criteria.iter().map(|c| c.weight).collect::<Vec<_>>(), [0.3, 0.7]);
        assert_eq!(edition.themes.len(), 2);
        assert_eq!((edition.reported.entries, edition.jury_size), (Some(274), Some(7)));
        let older = app.store.edition(editions.items[1].id).await.unwrap().unwrap();
        let vote = older.date(Milestone::PublicVote).unwrap();
        assert_eq!(vote.ends_at.unwrap().to_string(), "2021-11-30T15:59:00Z");
        assert!(app.store.edition(EditionId(424242)).await.unwrap().is_none());
    }

    async fn reads_cities_with_networks_and_links(engine) {
        let app = fixture_app(engine).await;
        let guangzhou = app.store.city(city_id(&app, GUANGZHOU).await).await.unwrap().unwrap();
        assert_eq!(guangzhou.summary.name_zh.as_deref(), Some("广州"));
        assert_eq!(guangzhou.summary.initiative_count, 1);
        assert_eq!(guangzhou.continent, Continent::Asia);
        assert_eq!(guangzhou.networks.iter().map(|n| n.slug.as_str()).collect::<Vec<_>>(), ["metropolis"]);
        let links: Vec<_> = guangzhou.links.iter().map(|l| (l.city.name.as_str(), l.kind, l.since_year)).collect();
        assert_eq!(links, [("Gwangju", LinkKind::Sister, Some(1996)), ("Lyon", LinkKind::Sister, Some(1988))]);
        // Links are symmetric.
        let lyon = app.store.city(city_id(&app, LYON).await).await.unwrap().unwrap();
        assert_eq!(lyon.links[0].city.name, "Guangzhou");

        let active = app.store.cities(&CityQuery { with_initiatives: true, ..Default::default() }, PageRequest::new(0, 50)).await.unwrap();
        assert_eq!(active.total, 6);
        assert!(active.items.iter().all(|c| c.initiative_count == 1));
        let all = app.store.cities(&CityQuery::default(), PageRequest::new(0, 2)).await.unwrap();
        assert_eq!(all.total, 7);
        assert_eq!(all.items[0].name, "Guangzhou", "most populous first");
        let colombia = app.store.cities(&CityQuery { country: Some("CO".into()), ..Default::default() }, PageRequest::new(0, 10)).await.unwrap();
        assert_eq!(colombia.total, 3);
        assert_eq!(app.store.countries().await.unwrap().len(), 5);
    }

    async fn imports_are_all_or_nothing(engine) {
        let app = fixture_app(engine).await;
        let before = app.store.stats().await.unwrap().initiatives;
        // Resolution catches the unknown city before anything is written.
        let bad = r#"{"ref":"new-1","award":"test-award","edition":2,"status":"valid","cities":[{"geonames_id":1809858}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Fine"}},"source":{"dataset":"t","id":"a"}}
{"ref":"new-2","award":"test-award","edition":2,"status":"valid","cities":[{"geonames_id":42}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Broken"}},"source":{"dataset":"t","id":"b"}}"#;
        let error = import_jsonl(&*app.store, bad).await.unwrap_err();
        assert_eq!(error, "test.jsonl:2: field `cities`: geonames:42 is not in the gazetteer");
        assert_eq!(app.store.stats().await.unwrap().initiatives, before);

        // A failure inside the transaction (a city id that does not exist) rolls back the rows
        // already written by that import.
        let edition = app.store.catalog().await.unwrap().editions[&("test-award".to_string(), 2)].id;
        let good = new_initiative("inside-1", city_id(&app, BOGOTA).await, edition);
        let broken = new_initiative("inside-2", CityId(987_654), edition);
        assert!(app.store.import_initiatives(&[good, broken], &|_| {}).await.is_err());
        assert_eq!(app.store.stats().await.unwrap().initiatives, before);
        let refs: Vec<_> = app.store.export_initiatives().await.unwrap().into_iter().map(|r| r.reference).collect();
        assert!(!refs.contains(&"inside-1".to_string()), "{refs:?}");
    }

    async fn reimporting_a_ref_updates_it_in_place(engine) {
        let app = fixture_app(engine).await;
        let updated = fixtures::INITIATIVES_JSONL
            .lines()
            .find(|l| l.contains("t-lyon-fr"))
            .unwrap()
            .replace(r#""status":"valid""#, r#""status":"deserving""#)
            .replace("Rues aux enfants", "Rues aux enfants (2e phase)");
        import_jsonl(&*app.store, &updated).await.unwrap();
        let stats = app.store.stats().await.unwrap();
        assert_eq!(stats.initiatives, 5, "no duplicate initiative");
        let list = app.store.initiatives(&InitiativeQuery { country: Some("FR".into()), ..Default::default() }, PageRequest::new(0, 5)).await.unwrap();
        assert_eq!(list.items.len(), 1);
        assert_eq!(list.items[0].status, EntryStatus::Deserving);
        assert_eq!(list.items[0].title("fr".parse::<LangCode>().unwrap()), Some("Rues aux enfants (2e phase)"));
    }

    async fn export_round_trips_through_import(engine) {
        let app = fixture_app(engine).await;
        let exported = app.store.export_initiatives().await.unwrap();
        assert_eq!(exported.len(), 6, "the export keeps unscreened entries too");
        let mut jsonl = Vec::new();
        kapok::interchange::write_json_lines(&mut jsonl, &exported).unwrap();

        let copy = TestApp::start(engine).await.unwrap();
        copy.store.load_gazetteer(&fixtures::gazetteer()).await.unwrap();
        copy.store.upsert_awards(&kapok::interchange::read_awards("a.json", fixtures::AWARDS_JSON).unwrap()).await.unwrap();
        import_jsonl(&*copy.store, std::str::from_utf8(&jsonl).unwrap()).await.unwrap();
        assert_eq!(copy.store.export_initiatives().await.unwrap(), exported);
    }

    async fn users_keep_their_roles_and_emails_are_unique(engine) {
        let app = TestApp::start(engine).await.unwrap();
        let user = NewUser {
            email: "sec@example.org".into(),
            display_name: "Secretariat".into(),
            password_hash: kapok::auth::hash_password("s3cret-pass"),
            locale: "zh".into(),
            roles: vec![Role::Secretariat, Role::Jury],
            verified: true,
        };
        let created = app.store.create_user(&user).await.unwrap();
        let found = app.store.credentials(" SEC@example.org").await.unwrap().unwrap();
        assert_eq!(found.user.id, created.id);
        assert!(found.verified && found.locked_until.is_none());
        assert!(found.user.has_role(Role::Jury) && !found.user.has_role(Role::Applicant));
        assert!(kapok::auth::verify_password("s3cret-pass", &found.password_hash));
        assert!(app.store.create_user(&user).await.is_err(), "a second account with the same e-mail");
        assert!(app.store.credentials("nobody@example.org").await.unwrap().is_none());
    }

    async fn backup_copies_a_live_sqlite_database(engine) {
        let app = fixture_app(engine).await;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("backup.db");
        match engine {
            Engine::Sqlite => {
                app.store.backup(&target).await.unwrap();
                let copy = kapok::storage::connect(&kapok::config::sqlite_url(&target)).await.unwrap();
                assert_eq!(copy.stats().await.unwrap().initiatives, 5);
                let again = app.store.backup(&target).await.unwrap_err();
                assert!(again.to_string().contains("already exists"), "{again}");
            }
            Engine::Postgres => {
                let error = app.store.backup(&target).await.unwrap_err();
                assert!(error.to_string().contains("pg_dump"), "{error}");
            }
        }
    }
}

fn new_initiative(reference: &str, city: CityId, edition: EditionId) -> NewInitiative {
    NewInitiative {
        reference: reference.into(),
        level: GovernmentLevel::Municipal,
        original_language: LangCode::EN,
        texts: [(LangCode::EN, InitiativeText { title: Some(reference.into()), ..Default::default() })].into(),
        city_ids: vec![city],
        sdgs: vec![],
        partners: vec![],
        key_dates: vec![],
        started_year: None,
        ended_year: None,
        contact: None,
        source: Source { dataset: "test".into(), id: reference.into(), url: None },
        entry: NewEntry {
            edition_id: edition,
            status: EntryStatus::Valid,
            public_votes: None,
            honours: vec![],
            theme_ids: vec![],
        },
    }
}

both_engines! {
    async fn file_storage_keeps_what_it_acknowledges(engine) {
        // Local files beside SQLite; the S3-compatible service beside PostgreSQL (when built
        // with the s3 feature).
        let (files, _dir) = crate::harness::test_files(engine).await;
        let key = kapok::files::new_key();
        assert!(files.get(&key).await.unwrap().is_none());
        files.put(&key, b"%PDF-1.4 first").await.unwrap();
        files.put(&key, b"%PDF-1.4 second").await.unwrap();
        assert_eq!(files.get(&key).await.unwrap().unwrap(), b"%PDF-1.4 second");
        let big = vec![7u8; 3 * 1024 * 1024];
        let other = kapok::files::new_key();
        files.put(&other, &big).await.unwrap();
        assert_eq!(files.get(&other).await.unwrap().unwrap(), big);
        files.delete(&key).await.unwrap();
        files.delete(&key).await.unwrap();
        assert!(files.get(&key).await.unwrap().is_none());
        assert!(files.put("../escape", b"x").await.is_err(), "keys are Kapok's own");
    }
}
