//! The evaluation: screening of submitted entries (with reasons from the checklist, logged, seen
//! by the applicant) and the hash-chained audit trail that `kapok audit verify` checks.

use kapok::domain::{EditionId, EntryStatus, Role};
use kapok::evaluation::audit;
use reqwest::StatusCode;

use crate::applications::complete_application;
use crate::harness::both_engines;

/// The id of the entry a submitted application became, from the screening page's checkboxes.
fn entry_ids(html: &str) -> Vec<String> {
    html.split(r#"name="entry" value=""#).skip(1).map(|rest| rest.split('"').next().unwrap().to_string()).collect()
}

both_engines! {
    async fn screening_records_decisions_with_reasons_logs_them_and_tells_the_applicant(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        let submitted = applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
        let application = app.store.application(kapok::domain::ApplicationId(id)).await.unwrap().unwrap();
        let edition = application.edition_id.0;
        let desk = app.login_as(Role::Secretariat).await;
        let page_url = format!("/secretariat/editions/{edition}/screening");
        let (status, page) = desk.get(&page_url).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Care Blocks") && page.contains("1 to screen, 0 valid, 0 not valid"), "{page}");
        let entries = entry_ids(&page);
        assert_eq!(entries.len(), 1);
        let entry = entries[0].clone();

        // Refused decisions change nothing.
        let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
            (vec![("outcome", "not_valid".into()), ("entry", entry.clone())], "at least one reason"),
            (vec![("outcome", "not_valid".into()), ("entry", entry.clone()), ("reason", "moon".into())], "not on this edition"),
            (vec![("outcome", "valid".into())], "at least one entry"),
            (vec![("outcome", "maybe".into()), ("entry", entry.clone())], "valid or not valid"),
            (vec![("outcome", "valid".into()), ("entry", "999999".into())], "not an entry of this edition"),
        ];
        for (fields, message) in cases {
            let mut fields = fields;
            fields.push(("csrf", desk.csrf.clone()));
            let response = desk.post_fields(&page_url, &fields).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{fields:?}");
            assert!(response.text().await.unwrap().contains(message), "{fields:?}");
        }
        let forged = desk.post_fields(&page_url, &[("csrf", "x".into()), ("outcome", "valid".into()), ("entry", entry.clone())]).await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert!(app.store.audit_log().await.unwrap().0.is_empty(), "nothing was logged");

        // Not valid, with two reasons and a note; then, on appeal, valid.
        let fields = vec![
            ("csrf", desk.csrf.clone()),
            ("entry", entry.clone()),
            ("outcome", "not_valid".into()),
            ("reason", "impact".into()),
            ("reason", "window".into()),
            ("note", "Results are not measured yet.".into()),
        ];
        assert_eq!(desk.post_fields(&page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let (_, mine) = applicant.get("/applications").await;
        assert!(mine.contains("Not valid: Evidence of impact") && mine.contains("Results are not measured yet."), "{mine}");
        let rows = app.store.screening_list(EditionId(edition)).await.unwrap();
        assert_eq!(rows[0].status, EntryStatus::Submitted, "a not-valid entry stays unpublished");

        let fields = vec![("csrf", desk.csrf.clone()), ("entry", entry.clone()), ("outcome", "valid".into())];
        assert_eq!(desk.post_fields(&page_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let rows = app.store.screening_list(EditionId(edition)).await.unwrap();
        assert_eq!(rows[0].status, EntryStatus::Valid, "a valid entry is published");
        let (_, mine) = applicant.get("/applications").await;
        assert!(mine.contains("Screening: Valid"), "{mine}");

        // Both decisions are in the chain, with before and after.
        let (entries, (head_seq, head_hash)) = app.store.audit_log().await.unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].change.before["screening"]["outcome"], "not_valid");
        assert_eq!(entries[1].change.after["status"], "valid");
        assert!(audit::verify(&entries, (head_seq, &head_hash)).is_ok());
    }
}
