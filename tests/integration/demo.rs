//! The real demo data behind the real pages, on both engines.

use reqwest::StatusCode;
use serde_json::Value;

use crate::harness::{both_engines, client, demo_server, get, get_in, get_json};

async fn edition_of(base: &str, award_slug: &str, year: i64) -> i64 {
    let client = client();
    let (_, awards) = get_json(&client, &format!("{base}/api/v1/awards")).await;
    let award =
        awards["items"].as_array().unwrap().iter().find(|a| a["slug"] == award_slug).unwrap()["id"].as_i64().unwrap();
    let (_, editions) = get_json(&client, &format!("{base}/api/v1/editions?award={award}&limit=100")).await;
    editions["items"].as_array().unwrap().iter().find(|e| e["year"] == year).unwrap()["id"].as_i64().unwrap()
}

both_engines! {
    async fn the_six_guangzhou_award_cycles_carry_their_real_results(engine) {
        let Some(server) = demo_server(engine) else { return };
        let client = client();
        let (_, awards) = get_json(&client, &format!("{}/api/v1/awards", server.base)).await;
        let guangzhou = awards["items"].as_array().unwrap().iter().find(|a| a["slug"] == "guangzhou-award").unwrap();
        assert_eq!(guangzhou["edition_count"], 6);
        let (_, editions) = get_json(&client, &format!("{}/api/v1/editions?award={}", server.base, guangzhou["id"])).await;
        let years: Vec<i64> = editions["items"].as_array().unwrap().iter().map(|e| e["year"].as_i64().unwrap()).collect();
        assert_eq!(years, [2023, 2021, 2018, 2016, 2014, 2012]);

        let (status, vote_2018) = get(&client, &format!("{}/editions/{}", server.base, edition_of(&server.base, "guangzhou-award", 2018).await)).await;
        assert_eq!(status, StatusCode::OK);
        for fact in ["Surabaya — Public-vote winner — 1,504,535 votes", "1,487,512 votes", "863,151 votes",
                     "Public Participatory in 3R Waste Management for Better Surabaya", "Milan Food Policy"] {
            assert!(vote_2018.contains(fact), "2018 lacks {fact:?}");
        }
        let (_, cycle_2023) = get(&client, &format!("{}/editions/{}", server.base, edition_of(&server.base, "guangzhou-award", 2023).await)).await;
        let winners = cycle_2023.find("<h3>Winners</h3>").unwrap();
        let medals = cycle_2023.find("<h3>Medals of Honour</h3>").unwrap();
        let bogota = cycle_2023.find("Bogotá Care Blocks").unwrap();
        let antalya = cycle_2023.find("Eco-friendly Farmer Card").unwrap();
        assert!(winners < bogota && bogota < medals && medals < antalya);
        assert!(cycle_2023.contains("Title not published"), "unknown titles stay unknown");
        assert!(cycle_2023.contains("2023-08-31 23:59 CST"));
        let (_, chinese) = get_in(&client, "zh", &format!("{}/editions/{}", server.base, edition_of(&server.base, "guangzhou-award", 2018).await)).await;
        assert!(chinese.contains("武汉"), "city names in Chinese");
    }

    async fn the_demo_award_fills_the_library(engine) {
        let Some(server) = demo_server(engine) else { return };
        let client = client();
        let (_, first) = get_json(&client, &format!("{}/api/v1/initiatives?limit=100", server.base)).await;
        let total = first["total"].as_i64().unwrap();
        assert!(total > 2_000, "{total}");
        let (status, page_one) = get(&client, &format!("{}/library", server.base)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page_one.contains(&format!("{total} entries")), "the library counts every published entry");
        let last_page = (total + 19) / 20;
        let (status, last) = get(&client, &format!("{}/library?page={last_page}", server.base)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(last.contains(&format!("Page {last_page} of {last_page}")) && !last.contains("rel=\"next\""));
        let (_, french) = get_json(&client, &format!("{}/api/v1/initiatives?country=BJ&limit=100", server.base)).await;
        assert!(french["total"].as_i64().unwrap() > 0, "cases from Benin");
        let case: &Value = &first["items"][0];
        let (status, _) = get(&client, &format!("{}/initiatives/{}", server.base, case["id"])).await;
        assert_eq!(status, StatusCode::OK);
    }
}
