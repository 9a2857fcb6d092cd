//! A small, exact data set for tests: a few real places, one award with two editions, and
//! initiatives that exercise every case (joint applicants, unknown title, other languages,
//! an entry that did not pass screening and must stay hidden).

use kapok::domain::{Continent, GovernmentLevel, LangCode, LinkKind, LocalizedText};
use kapok::gazetteer::{Gazetteer, GazetteerCity, GazetteerCountry, LinkRecord, NetworkRecord, Networks};
use kapok::interchange::{self, CityRef};
use kapok::storage::Store;

pub const GUANGZHOU: i64 = 1809858;
pub const BOGOTA: i64 = 3688689;
pub const MEDELLIN: i64 = 3674962;
pub const LYON: i64 = 2996944;
pub const GWANGJU: i64 = 1841811;
pub const BARCELONA: i64 = 3128760;

fn names(en: &str, zh: &str) -> LocalizedText {
    let mut text = LocalizedText::english(en);
    text.0.insert("zh".parse::<LangCode>().unwrap(), zh.into());
    text
}

fn country(code: &str, iso3: &str, continent: Continent, en: &str, zh: &str) -> GazetteerCountry {
    GazetteerCountry { code: code.into(), iso3: iso3.into(), continent, population: None, names: names(en, zh) }
}

fn city(id: i64, name: &str, zh: Option<&str>, country: &str, population: i64, lat: f64, lng: f64) -> GazetteerCity {
    GazetteerCity {
        geonames_id: Some(id),
        region_key: None,
        name: name.into(),
        ascii_name: name.into(),
        name_zh: zh.map(Into::into),
        country: country.into(),
        admin1: None,
        level: GovernmentLevel::Municipal,
        population: Some(population),
        lat,
        lng,
        timezone: None,
    }
}

pub fn gazetteer() -> Gazetteer {
    let mut antioquia = city(0, "Antioquia", Some("安蒂奥基亚省"), "CO", 0, 6.245, -75.571);
    antioquia.geonames_id = None;
    antioquia.region_key = Some("antioquia".into());
    antioquia.level = GovernmentLevel::Regional;
    antioquia.population = None;
    Gazetteer {
        countries: vec![
            country("CN", "CHN", Continent::Asia, "China", "中国"),
            country("CO", "COL", Continent::SouthAmerica, "Colombia", "哥伦比亚"),
            country("ES", "ESP", Continent::Europe, "Spain", "西班牙"),
            country("FR", "FRA", Continent::Europe, "France", "法国"),
            country("KR", "KOR", Continent::Asia, "South Korea", "韩国"),
        ],
        cities: vec![
            city(GUANGZHOU, "Guangzhou", Some("广州"), "CN", 16_096_724, 23.116, 113.25),
            city(BOGOTA, "Bogotá", Some("波哥大"), "CO", 7_674_366, 4.610, -74.082),
            city(MEDELLIN, "Medellín", Some("麦德林"), "CO", 1_999_979, 6.252, -75.564),
            city(LYON, "Lyon", Some("里昂"), "FR", 520_774, 45.748, 4.847),
            city(GWANGJU, "Gwangju", Some("光州"), "KR", 1_401_235, 35.155, 126.916),
            city(BARCELONA, "Barcelona", Some("巴塞罗那"), "ES", 1_686_208, 41.389, 2.159),
            antioquia,
        ],
        networks: Networks {
            networks: vec![NetworkRecord {
                slug: "metropolis".into(),
                name: "Metropolis".into(),
                url: Some("https://www.metropolis.org".into()),
                members: vec![CityRef::GeonamesId(GUANGZHOU), CityRef::GeonamesId(BARCELONA)],
            }],
            links: vec![
                LinkRecord {
                    a: CityRef::GeonamesId(LYON),
                    b: CityRef::GeonamesId(GUANGZHOU),
                    kind: LinkKind::Sister,
                    since: Some(1988),
                },
                LinkRecord {
                    a: CityRef::GeonamesId(GUANGZHOU),
                    b: CityRef::GeonamesId(GWANGJU),
                    kind: LinkKind::Sister,
                    since: Some(1996),
                },
            ],
        },
    }
}

pub const AWARDS_JSON: &str = r#"[{
  "slug": "test-award",
  "name": {"en": "Test Award for Urban Innovation", "zh": "城市创新测试奖"},
  "short_name": {"en": "Test Award"},
  "organisers": "Kapok test suite",
  "url": null,
  "description": {"en": "An award that exists only in tests."},
  "editions": [
    {"ordinal": 1, "year": 2021, "timezone": "Asia/Shanghai",
     "dates": [{"milestone": "final_deadline", "starts": "2021-08-31T23:59"},
               {"milestone": "public_vote", "starts": "2021-11-01T00:00", "ends": "2021-11-30T23:59"}],
     "themes": [{"en": "Public services", "zh": "公共服务"}],
     "criteria": [], "long_list_size": 45, "shortlist_size": 15, "max_winners": 5},
    {"ordinal": 2, "year": 2023, "timezone": "Asia/Shanghai",
     "dates": [{"milestone": "launch", "starts": "2023-02-23T00:00"},
               {"milestone": "final_deadline", "starts": "2023-08-31T23:59"},
               {"milestone": "ceremony", "starts": "2023-12-07T19:00"}],
     "themes": [{"en": "Social inclusion and shared prosperity", "zh": "社会包容与共同繁荣"},
                {"en": "Smart cities and technology", "zh": "智慧城市与科技"}],
     "criteria": [{"name": {"en": "Innovation"}, "weight": 0.3, "scale_min": 1, "scale_max": 10, "stage": "technical_committee"},
                  {"name": {"en": "Effectiveness"}, "weight": 0.7, "scale_min": 1, "scale_max": 10, "stage": "technical_committee"}],
     "long_list_size": 45, "shortlist_size": 15, "max_winners": 5,
     "technical_committee_size": 11, "jury_size": 7,
     "reported": {"entries": 274, "cities": 193, "countries": 54}}
  ]
}]"#;

pub const INITIATIVES_JSONL: &str = r#"{"ref":"t-bogota-care","award":"test-award","edition":2,"status":"winner","honours":[{"kind":"public_vote","name":"City of Your Choice","votes":null}],"cities":[{"geonames_id":3688689}],"level":"municipal","original_language":"es","texts":{"en":{"title":"Bogotá Care Blocks","summary":"Care services for women caregivers, grouped in blocks near their homes.","results":"Thousands of caregivers reached.\n\nA second paragraph."},"es":{"title":"Manzanas del Cuidado","summary":"Servicios de cuidado para cuidadoras, agrupados cerca de sus hogares."}},"themes":["Social inclusion and shared prosperity"],"sdgs":[5,10],"partners":[{"name":"District Secretariat for Women","kind":"government"}],"key_dates":[{"date":"2020-10","label":"First block opens"}],"started":2020,"contact":{"name":"Ana Pérez","role":"Programme lead","email":"ana@example.org","consent":true},"source":{"dataset":"test","id":"1"}}
{"ref":"t-medellin-joint","award":"test-award","edition":1,"status":"shortlisted","public_votes":1234567,"cities":[{"geonames_id":3674962},{"region":"antioquia"}],"level":"metropolitan","original_language":"es","texts":{"en":{"title":"Educational Parks","summary":"Parks that are schools."}},"themes":["Public services"],"sdgs":[4],"started":2016,"ended":2019,"contact":{"name":"Hidden Person","consent":false},"source":{"dataset":"test","id":"2"}}
{"ref":"t-lyon-fr","award":"test-award","edition":2,"status":"valid","cities":[{"geonames_id":2996944}],"level":"municipal","original_language":"fr","texts":{"fr":{"title":"Rues aux enfants","summary":"Des rues fermées aux voitures devant les écoles."}},"themes":["Smart cities and technology"],"source":{"dataset":"test","id":"3"}}
{"ref":"t-gwangju-untitled","award":"test-award","edition":2,"status":"deserving","cities":[{"geonames_id":1841811}],"level":"municipal","original_language":"en","texts":{"en":{"title":null,"summary":"Known only from press coverage."}},"source":{"dataset":"test","id":"4"}}
{"ref":"t-barcelona-screened-out","award":"test-award","edition":2,"status":"submitted","cities":[{"geonames_id":3128760}],"level":"municipal","original_language":"en","texts":{"en":{"title":"Secret Draft Superblocks","summary":"Never published."}},"source":{"dataset":"test","id":"5"}}
{"ref":"t-guangzhou-zh","award":"test-award","edition":1,"status":"valid","cities":[{"geonames_id":1809858}],"level":"municipal","original_language":"zh","texts":{"zh":{"title":"垃圾分类社区治理","summary":"社区居民参与垃圾分类。"},"en":{"title":"Community waste sorting","summary":"Residents sort waste together."}},"sdgs":[11,12],"source":{"dataset":"test","id":"6"}}
"#;

/// Loads the fixture through the same paths as real imports.
pub async fn load(store: &dyn Store) {
    store.load_gazetteer(&gazetteer()).await.unwrap();
    let awards = interchange::read_awards("fixture-awards.json", AWARDS_JSON).unwrap();
    store.upsert_awards(&awards).await.unwrap();
    crate::harness::import_jsonl(store, INITIATIVES_JSONL).await.unwrap();
}
