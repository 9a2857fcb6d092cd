use std::path::Path;

use super::*;

const GOOD: &str = r#"{"ref":"gz-6-bogota","award":"guangzhou-award","edition":6,"status":"winner","cities":[{"geonames_id":3688689}],"level":"municipal","original_language":"es","texts":{"en":{"title":"Bogotá Care Blocks"}},"sdgs":[5],"source":{"dataset":"test","id":"1"}}"#;

fn read(name: &str, text: &str) -> Result<Vec<Located<InitiativeRecord>>, ImportError> {
    read_initiatives(Path::new(name), text.as_bytes())
}

#[test]
fn reads_json_lines_and_json_arrays_with_their_line_numbers() {
    let lines = read("a.jsonl", &format!("\n{GOOD}\n\n{}\n", GOOD.replace("gz-6-bogota", "other"))).unwrap();
    assert_eq!(lines.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    let array = read("a.json", &format!("[\n  {GOOD},\n  {}\n]", GOOD.replace("gz-6-bogota", "other"))).unwrap();
    assert_eq!(array.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(array[0].record, lines[0].record);
}

#[test]
fn names_the_line_and_field_of_the_first_problem() {
    let bad_sdg = GOOD.replace(r#""sdgs":[5]"#, r#""sdgs":[5,19]"#);
    let error = read("in.jsonl", &format!("{GOOD}\n{bad_sdg}")).unwrap_err();
    assert_eq!((error.location.line, error.field.as_deref()), (2, Some("sdgs[1]")));
    assert!(
        error.to_string().starts_with(
            "in.jsonl:2: field `sdgs[1]`: \"19\" is not a valid SDG (expected a goal number from 1 to 17)"
        ),
        "{error}"
    );

    let typo = GOOD.replace(r#""title""#, r#""titel""#);
    let error = read("in.jsonl", &typo).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("texts.en.titel"));
    assert!(error.message.contains("titel"), "{error}");

    let bad_status = GOOD.replace("winner", "champion");
    assert!(read("in.jsonl", &bad_status).unwrap_err().message.contains("champion"));

    let empty_ref = GOOD.replace("gz-6-bogota", "");
    assert_eq!(read("in.jsonl", &empty_ref).unwrap_err().field.as_deref(), Some("ref"));

    let no_text = GOOD.replace(r#""texts":{"en":{"title":"Bogotá Care Blocks"}}"#, r#""texts":{}"#);
    assert_eq!(read("in.jsonl", &no_text).unwrap_err().field.as_deref(), Some("texts"));

    let backwards = GOOD.replace(r#""sdgs":[5]"#, r#""started":2020,"ended":2010"#);
    assert_eq!(read("in.jsonl", &backwards).unwrap_err().field.as_deref(), Some("ended"));

    let not_json = read("in.jsonl", "{not json").unwrap_err();
    assert_eq!(not_json.location.line, 1);
}

#[test]
fn rejects_invalid_utf8_with_its_line() {
    let mut bytes = format!("{GOOD}\n").into_bytes();
    bytes.extend_from_slice(b"{\"ref\": \"\xff\"}");
    let error = read_initiatives(Path::new("x.jsonl"), &bytes).unwrap_err();
    assert_eq!(error.location.line, 2);
    assert!(error.message.contains("UTF-8"));
}

#[test]
fn csv_round_trips_and_is_safe_in_spreadsheets() {
    let mut record = read("a.jsonl", GOOD).unwrap().remove(0).record;
    record.texts.get_mut(&LangCode::EN).unwrap().summary = Some("=HYPERLINK(\"http://evil\")".into());
    record.themes = vec!["Public services".into(), "Smart city".into()];
    record.honours = vec![HonourRecord {
        kind: crate::domain::HonourKind::PublicVote,
        name: "City of Your Choice".into(),
        votes: None,
    }];
    let mut out = Vec::new();
    write_csv(&mut out, [&record]).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM so Excel reads UTF-8");
    assert!(text.contains("'=HYPERLINK"), "formulas are neutralised: {text}");
    let back = read("out.csv", &text).unwrap();
    assert_eq!(back[0].record, record);
    assert_eq!(back[0].line, 2);
}

#[test]
fn csv_errors_name_the_line_and_column() {
    let header = CSV_COLUMNS.join(",");
    let mut row: Vec<String> = CSV_COLUMNS.iter().map(|_| String::new()).collect();
    let set = |row: &mut Vec<String>, column: &str, value: &str| {
        row[CSV_COLUMNS.iter().position(|c| *c == column).unwrap()] = value.into();
    };
    for (column, value) in [
        ("ref", "r1"),
        ("award", "a"),
        ("edition", "1"),
        ("status", "valid"),
        ("cities", "geonames:1"),
        ("level", "municipal"),
        ("language", "en"),
        ("title", "T"),
        ("sdgs", "3|x"),
    ] {
        set(&mut row, column, value);
    }
    let text = format!("{header}\n{}\n", row.join(","));
    let error = read("in.csv", &text).unwrap_err();
    assert_eq!(error.to_string(), "in.csv:2: field `sdgs`: \"x\" is not a number");

    let missing = read("in.csv", "ref,award\nx,y\n").unwrap_err();
    assert_eq!((missing.location.line, missing.field.as_deref()), (1, Some("edition")));
    let unknown = read("in.csv", &format!("{header},colour\n")).unwrap_err();
    assert_eq!(unknown.field.as_deref(), Some("colour"));
}

#[test]
fn city_references_parse_from_text() {
    assert_eq!("geonames:42".parse::<CityRef>(), Ok(CityRef::GeonamesId(42)));
    assert_eq!("region:antioquia".parse::<CityRef>(), Ok(CityRef::Region("antioquia".into())));
    for bad in ["42", "geonames:x", "region:", "city:1"] {
        assert!(bad.parse::<CityRef>().is_err(), "{bad}");
    }
}

#[test]
fn the_shipped_demo_data_is_valid() {
    let data = crate::demo::parse().unwrap();
    assert!(data.initiatives.len() > 2000);
    assert_eq!(data.awards.len(), 2);
    let gazetteer = crate::gazetteer::embedded().unwrap();
    assert!(gazetteer.cities.len() > 30_000);
    assert!(gazetteer.countries.len() > 240);
}
