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

/// The evaluated entries of edition 2 of the fixture by their lead government's country: CO
/// (Bogotá, a winner), FR (Lyon, valid), KR (Gwangju, deserving).
pub(crate) async fn entries_by_country(
    app: &crate::harness::TestApp,
) -> std::collections::BTreeMap<String, kapok::domain::EntryId> {
    let entries = app.store.evaluated_entries(EditionId(2)).await.unwrap();
    entries.iter().map(|e| (e.profile.governments[0].1.clone(), e.entry)).collect()
}

/// The user id of a signed-in client, from its account page.
pub(crate) async fn email_of(user: &crate::harness::UserClient) -> String {
    let (_, account) = user.get("/account").await;
    account.split("<dd>").nth(1).unwrap().split('<').next().unwrap().to_string()
}

both_engines! {
    async fn committees_conflicts_and_assignment_from_proposal_to_undo(engine) {
        let app = crate::harness::TestApp::with_fixture(engine).await.unwrap();
        let desk = app.login_as(Role::Secretariat).await;
        let entries = entries_by_country(&app).await;
        assert_eq!(entries.len(), 3);
        // Four experts: from Bogotá, from Lyon, from Korea, from China.
        let ana = app.login_as(Role::TechnicalCommittee).await;
        let jean = app.login_as(Role::TechnicalCommittee).await;
        let kim = app.login_as(Role::TechnicalCommittee).await;
        let li = app.login_as(Role::TechnicalCommittee).await;
        let mut emails = std::collections::BTreeMap::new();
        let people = [(&ana, "Ana", "CO", "Bogotá"), (&jean, "Jean", "FR", "Lyon"), (&kim, "Kim", "KR", ""), (&li, "Li", "CN", "")];
        for (client, name, country, city) in people {
            let email = email_of(client).await;
            emails.insert(name, email.clone());
            let fields = vec![
                ("csrf", desk.csrf.clone()),
                ("name", name.to_string()),
                ("email", email),
                ("stage", "technical_committee".into()),
                ("country", country.into()),
                ("city", city.into()),
                ("language", "en".into()),
            ];
            let added = desk.post_fields("/secretariat/editions/2/committees", &fields).await;
            assert_eq!(added.status(), StatusCode::SEE_OTHER, "{name}");
        }
        // A brand-new address gets an account and an invitation to choose a password.
        let fields = vec![
            ("csrf", desk.csrf.clone()),
            ("name", "Nora".to_string()),
            ("email", "nora@jury.example".to_string()),
            ("stage", "jury".into()),
            ("country", "CN".into()),
        ];
        assert_eq!(desk.post_fields("/secretariat/editions/2/committees", &fields).await.status(), StatusCode::SEE_OTHER);
        let outbox = app.store.outbox(kapok::storage::PageRequest::new(0, 20)).await.unwrap();
        let invitation = outbox.items.iter().find(|m| m.to == "nora@jury.example").unwrap();
        assert!(invitation.body.contains("Jury of") && invitation.body.contains("/password/reset?token="), "{}", invitation.body);
        let again = desk.post_fields("/secretariat/editions/2/committees", &fields).await;
        assert_eq!(again.status(), StatusCode::BAD_REQUEST, "the same person twice");

        let (_, page) = desk.get("/secretariat/editions/2/committees").await;
        // Existing accounts keep their names ("Test technical_committee").
        let conflicts = page.split(r#"<ul id="conflicts">"#).nth(1).unwrap().split("</ul>").next().unwrap();
        for line in [
            "works for the government of “Bogotá Care Blocks” (Bogotá)",
            "same country as “Bogotá Care Blocks” (CO)",
            "works for the government of “Rues aux enfants” (Lyon)",
            "same country as “Rues aux enfants” (FR)",
        ] {
            assert!(conflicts.contains(line), "{line}: {conflicts}");
        }
        assert_eq!(conflicts.matches("<li>").count(), 5, "Li (CN) has none: {conflicts}");

        // k = 4 is impossible: the engine says why, and nothing is proposed.
        let propose = |k: &str, l: &str| vec![("csrf", desk.csrf.clone()), ("per_entry", k.to_string()), ("max_per_reviewer", l.to_string())];
        let refused = desk.post_fields("/secretariat/editions/2/assignment/propose", &propose("4", "3")).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("No assignment is possible"));
        assert!(app.store.proposal(EditionId(2)).await.unwrap().is_empty());
        let proposed = desk.post_fields("/secretariat/editions/2/assignment/propose", &propose("2", "2")).await;
        assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
        let proposal = app.store.proposal(EditionId(2)).await.unwrap();
        assert_eq!(proposal.len(), 6, "3 entries × 2 reviewers");
        let members = app.store.committee(EditionId(2)).await.unwrap();
        let id_of = |name: &str| members.iter().find(|m| m.email == emails[name]).unwrap().id;
        let conflicted = [(id_of("Ana"), entries["CO"]), (id_of("Jean"), entries["FR"]), (id_of("Kim"), entries["KR"])];
        for (member, entry) in conflicted {
            assert!(!proposal.iter().any(|(e, m, _)| *e == entry && *m == member), "a conflicted pair was proposed");
        }
        // By hand, a conflicted pair is refused too.
        let adjust = vec![("csrf", desk.csrf.clone()), ("entry", entries["CO"].0.to_string()), ("member", id_of("Ana").to_string()), ("action", "add".into())];
        let refused = desk.post_fields("/secretariat/editions/2/assignment/adjust", &adjust).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("can never be assigned"));

        // Reviewers see nothing until the proposal is deployed.
        let (_, home) = ana.get("/review").await;
        assert!(home.contains("None yet"), "{home}");
        let ana_entries: Vec<_> = proposal.iter().filter(|(_, m, _)| *m == id_of("Ana")).map(|(e, _, _)| *e).collect();
        assert!(!ana_entries.is_empty());
        assert_eq!(ana.get(&format!("/review/entries/{}", ana_entries[0])).await.0, StatusCode::NOT_FOUND);
        let deploy = vec![("csrf", desk.csrf.clone()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/assignment/deploy", &deploy).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(ana.get(&format!("/review/entries/{}", ana_entries[0])).await.0, StatusCode::OK);
        assert_eq!(ana.get(&format!("/review/entries/{}", entries["CO"])).await.0, StatusCode::NOT_FOUND);
        assert_eq!(li.get(&format!("/review/entries/{}", entries["CO"])).await.0,
            if proposal.iter().any(|(e, m, _)| *e == entries["CO"] && *m == id_of("Li")) { StatusCode::OK } else { StatusCode::NOT_FOUND });

        // Even a deployment that slips a conflicted pair in (not through the pages) shows nothing.
        let mut forced = proposal.clone();
        forced.push((entries["CO"], id_of("Ana"), 1.0));
        let by = app.store.committee(EditionId(2)).await.unwrap()[0].user;
        app.store.save_proposal(EditionId(2), &forced, by, 1).await.unwrap();
        app.store.deploy_proposal(EditionId(2), by, 2).await.unwrap();
        assert_eq!(ana.get(&format!("/review/entries/{}", entries["CO"])).await.0, StatusCode::NOT_FOUND);

        // Undo: the first deployment is in force again, and the page says what changed.
        let undo = vec![("csrf", desk.csrf.clone()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/assignment/undo", &undo).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = desk.get("/secretariat/editions/2/assignment").await;
        assert!(page.contains("gone: Test technical_committee no longer reviews “Bogotá Care Blocks”"), "{page}");
        assert_eq!(app.store.assignments_of(id_of("Ana")).await.unwrap().len(), ana_entries.len());

        // A member declares a conflict: the entry leaves their list at once.
        let declare = vec![("csrf", ana.csrf.clone()), ("member", id_of("Ana").to_string()), ("entry", ana_entries[0].0.to_string()), ("reason", "I advised this city".into())];
        assert_eq!(ana.post_fields("/review/conflicts", &declare).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(ana.get(&format!("/review/entries/{}", ana_entries[0])).await.0, StatusCode::NOT_FOUND);
        let (_, page) = desk.get("/secretariat/editions/2/committees").await;
        assert!(page.contains("declared a conflict with") && page.contains("I advised this city"), "{page}");
        // Only members reach the reviewer's pages.
        assert_eq!(desk.get("/review").await.0, StatusCode::FORBIDDEN);

        let (log, (seq, hash)) = app.store.audit_log().await.unwrap();
        assert!(audit::verify(&log, (seq, &hash)).is_ok());
        for action in ["committee member added", "assignment proposed", "assignment deployed", "assignment undone", "conflict declared"] {
            assert!(log.iter().any(|e| e.change.action == action), "{action} is logged");
        }
    }
}

both_engines! {
    async fn the_assignment_weighs_statements_of_expertise_or_an_imported_score_matrix(engine) {
        let app = crate::harness::TestApp::with_fixture(engine).await.unwrap();
        let desk = app.login_as(Role::Secretariat).await;
        let entries = entries_by_country(&app).await;
        let (ada, remi) = (app.login_as(Role::TechnicalCommittee).await, app.login_as(Role::TechnicalCommittee).await);
        let statements = [
            (&ada, "Ada", "Care economy: services for women caregivers, care blocks."),
            (&remi, "Rémi", "Mobilité des enfants : rues scolaires fermées aux voitures devant les écoles."),
        ];
        for (client, name, statement) in statements {
            let fields = vec![
                ("csrf", desk.csrf.clone()),
                ("name", name.to_string()),
                ("email", email_of(client).await),
                ("stage", "technical_committee".into()),
                ("country", "CN".into()),
                ("expertise", statement.to_string()),
            ];
            assert_eq!(desk.post_fields("/secretariat/editions/2/committees", &fields).await.status(), StatusCode::SEE_OTHER);
        }
        let too_long = vec![("csrf", desk.csrf.clone()), ("name", "X".into()), ("email", "x@x.example".into()),
            ("stage", "technical_committee".into()), ("country", "CN".into()), ("expertise", "word ".repeat(1_001))];
        assert_eq!(desk.post_fields("/secretariat/editions/2/committees", &too_long).await.status(), StatusCode::BAD_REQUEST);
        let (_, page) = desk.get("/secretariat/editions/2/committees").await;
        assert!(page.contains("services for women caregivers"), "{page}");
        let members = app.store.committee(EditionId(2)).await.unwrap();
        let (ada_id, remi_id) = (members[0].id.min(members[1].id), members[0].id.max(members[1].id));
        let reviewer_of = |pairs: &[(kapok::domain::EntryId, i64, f64)], entry| pairs.iter().find(|(e, _, _)| *e == entry).map(|(_, m, a)| (*m, *a)).unwrap();

        // From expertise: each statement draws its member to the entry it speaks of.
        let propose = |fields: &[(&str, &str)]| {
            let mut all = vec![("csrf".to_string(), desk.csrf.clone()), ("per_entry".into(), "1".into()), ("max_per_reviewer".into(), "2".into())];
            all.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            all
        };
        let url = "/secretariat/editions/2/assignment/propose";
        assert_eq!(desk.post_fields(url, &propose(&[])).await.status(), StatusCode::SEE_OTHER);
        let proposal = app.store.proposal(EditionId(2)).await.unwrap();
        let (bogota, lyon) = (reviewer_of(&proposal, entries["CO"]), reviewer_of(&proposal, entries["FR"]));
        assert_eq!((bogota.0, lyon.0), (ada_id, remi_id), "{proposal:?}");
        assert!(bogota.1 > 0.0 && lyon.1 > 0.0, "the texts count: {proposal:?}");

        // From an imported matrix (reviewers by e-mail or number; pairs not given are 0).
        let matrix = format!("{},{},0.9\n{},{},0.8\n", entries["CO"], email_of(&remi).await.to_uppercase(), entries["FR"], ada_id);
        let fields = [("source", "matrix"), ("scores", matrix.as_str())];
        assert_eq!(desk.post_fields(url, &propose(&fields)).await.status(), StatusCode::SEE_OTHER);
        let proposal = app.store.proposal(EditionId(2)).await.unwrap();
        assert_eq!(reviewer_of(&proposal, entries["CO"]), (remi_id, 0.9));
        assert_eq!(reviewer_of(&proposal, entries["FR"]), (ada_id, 0.8));
        assert_eq!(reviewer_of(&proposal, entries["KR"]).1, 0.0);

        // A bad matrix is named, in the user's words, and changes nothing.
        for (text, message) in [
            ("".to_string(), "it is empty".to_string()),
            (format!("{},{}", entries["CO"], ada_id), "Score matrix, line 1: expected entry,reviewer,affinity.".to_string()),
            (format!("{},{},high", entries["CO"], ada_id), "line 1: “high” is not an affinity".to_string()),
            (format!("{0},{1},1\n\n{0},{1},2", entries["CO"], ada_id), "line 3: this pair was already given on line 1".to_string()),
            (format!("999,{ada_id},1"), "“999” is not the number of a valid entry".to_string()),
            (format!("{},nobody@x.example,1", entries["CO"]), "“nobody@x.example” is not a member".to_string()),
        ] {
            let refused = desk.post_fields(url, &propose(&[("source", "matrix"), ("scores", &text)])).await;
            assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{text}");
            let page = refused.text().await.unwrap();
            assert!(page.contains(&message.replace('“', "&#8220;")) || page.contains(&message), "{message}: {page}");
        }
        assert_eq!(desk.post_fields(url, &propose(&[("source", "elsewhere")])).await.status(), StatusCode::BAD_REQUEST);
        assert_eq!(app.store.proposal(EditionId(2)).await.unwrap(), proposal, "unchanged");
    }
}

both_engines! {
    async fn reviews_are_drafted_submitted_compared_and_discussed_and_late_reviewers_reminded(engine) {
        let app = crate::harness::TestApp::with_fixture(engine).await.unwrap();
        let desk = app.login_as(Role::Secretariat).await;
        let first = app.login_as(Role::TechnicalCommittee).await;
        let second = app.login_as(Role::TechnicalCommittee).await;
        for reviewer in [&first, &second] {
            let fields = vec![
                ("csrf", desk.csrf.clone()),
                ("name", "Reviewer".to_string()),
                ("email", email_of(reviewer).await),
                ("stage", "technical_committee".into()),
                ("country", "CN".into()),
            ];
            assert_eq!(desk.post_fields("/secretariat/editions/2/committees", &fields).await.status(), StatusCode::SEE_OTHER);
        }
        let propose = vec![("csrf", desk.csrf.clone()), ("per_entry", "2".to_string()), ("max_per_reviewer", "3".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/assignment/propose", &propose).await.status(), StatusCode::SEE_OTHER);
        let deploy = vec![("csrf", desk.csrf.clone()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/assignment/deploy", &deploy).await.status(), StatusCode::SEE_OTHER);

        let entry = entries_by_country(&app).await["FR"];
        let criteria = app.store.edition(EditionId(2)).await.unwrap().unwrap().criteria;
        let (innovation, effectiveness) = (criteria[0].id.0.to_string(), criteria[1].id.0.to_string());
        let url = format!("/review/entries/{entry}/review");
        let review = |user: &crate::harness::UserClient, version: &str, action: &str, scores: &[(&str, &str)], comment: &str| {
            let mut fields: Vec<(String, String)> = vec![
                ("csrf".into(), user.csrf.clone()),
                ("version".into(), version.to_string()),
                ("action".into(), action.to_string()),
                (format!("comment-{innovation}"), comment.to_string()),
            ];
            for (criterion, score) in scores {
                fields.push((format!("score-{criterion}"), score.to_string()));
            }
            fields
        };

        // A draft may be partial; a second tab still on version 0 is caught, nothing overwritten.
        let draft = first.post_fields(&url, &review(&first, "0", "save", &[(&innovation, "7")], "Bold idea")).await;
        assert_eq!(draft.status(), StatusCode::SEE_OTHER);
        let stale = first.post_fields(&url, &review(&first, "0", "save", &[(&innovation, "2")], "Other tab")).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        let page = stale.text().await.unwrap();
        assert!(page.contains("saved this review first") && page.contains("Other tab") && page.contains(r#"value="7""#), "{page}");
        let out_of_scale = first.post_fields(&url, &review(&first, "1", "save", &[(&innovation, "11")], "")).await;
        assert_eq!(out_of_scale.status(), StatusCode::BAD_REQUEST);
        // The autosave script's saves are answered in JSON: the new version, 409 with the version
        // kept, or the error's message; a bad one changes nothing.
        let autosave = |fields: Vec<(String, String)>| first.client.post(app.url(&url)).header("x-kapok-autosave", "1").form(&fields).send();
        let saved = autosave(review(&first, "1", "save", &[(&innovation, "7")], "Bold idea")).await.unwrap();
        assert_eq!(saved.status(), StatusCode::OK);
        assert_eq!(saved.json::<serde_json::Value>().await.unwrap(), serde_json::json!({"version": 2}));
        let stale = autosave(review(&first, "1", "save", &[(&innovation, "3")], "Older tab")).await.unwrap();
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        assert_eq!(stale.json::<serde_json::Value>().await.unwrap(), serde_json::json!({"version": 2}));
        let bad = autosave(review(&first, "2", "save", &[(&innovation, "11")], "")).await.unwrap();
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        let message = bad.json::<serde_json::Value>().await.unwrap()["message"].as_str().unwrap().to_string();
        assert_eq!(message, "Each score must be a whole number on its criterion's scale.");
        let kept = app.store.entry_reviews(entry).await.unwrap();
        assert_eq!((kept[0].version, kept[0].content.scores.values().copied().collect::<Vec<_>>()), (2, vec![7]));
        let incomplete = first.post_fields(&url, &review(&first, "1", "submit", &[(&innovation, "7")], "Bold idea")).await;
        assert_eq!(incomplete.status(), StatusCode::BAD_REQUEST);
        assert!(incomplete.text().await.unwrap().contains("give every criterion a score"));
        let mut complete = review(&first, "2", "submit", &[(&innovation, "7"), (&effectiveness, "9")], "Bold idea");
        complete.push(("recommendation".into(), "support".into()));
        complete.push(("confidence".into(), "4".into()));
        assert_eq!(first.post_fields(&url, &complete).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = first.get(&format!("/review/entries/{entry}")).await;
        assert!(page.contains(r#"id="submitted""#) && page.contains("No other reviewer has submitted yet"));

        // The second reviewer sees nothing of the first until their own review is in.
        let (_, page) = second.get(&format!("/review/entries/{entry}")).await;
        assert!(!page.contains("Bold idea") && page.contains("open once you have submitted"));
        let early = second.post_fields(&format!("/review/entries/{entry}/discussion"), &[("csrf", second.csrf.clone()), ("body", "Hello".into())]).await;
        assert_eq!(early.status(), StatusCode::BAD_REQUEST);
        let mut theirs = review(&second, "0", "submit", &[(&innovation, "4"), (&effectiveness, "5")], "Needs evidence");
        theirs.push(("recommendation".into(), "neutral".into()));
        theirs.push(("confidence".into(), "3".into()));
        assert_eq!(second.post_fields(&url, &theirs).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = second.get(&format!("/review/entries/{entry}")).await;
        assert!(page.contains("Bold idea") && page.contains("Support"), "{page}");
        let said = second.post_fields(&format!("/review/entries/{entry}/discussion"), &[("csrf", second.csrf.clone()), ("body", "Shall we ask for the data?".into())]).await;
        assert_eq!(said.status(), StatusCode::SEE_OTHER);
        let (_, page) = first.get(&format!("/review/entries/{entry}")).await;
        assert!(page.contains("Shall we ask for the data?") && page.contains("Needs evidence"));

        // Progress, and a reminder to each reviewer with reviews to submit.
        let (_, progress) = desk.get("/secretariat/editions/2/reviews").await;
        assert!(progress.contains("<td>3</td><td>0</td><td>1</td>"), "{progress}");
        let remind = desk.post_fields("/secretariat/editions/2/reviews/remind", &[("csrf", desk.csrf.clone())]).await;
        assert_eq!(remind.status(), StatusCode::SEE_OTHER);
        let outbox = app.store.outbox(kapok::storage::PageRequest::new(0, 50)).await.unwrap();
        let reminders: Vec<_> = outbox.items.iter().filter(|m| m.subject == "Reviews waiting for you").collect();
        assert_eq!(reminders.len(), 2);
        assert!(reminders.iter().all(|m| m.body.contains("2 of the entries")));
        let (log, _) = app.store.audit_log().await.unwrap();
        assert_eq!(log.iter().filter(|e| e.change.action == "review submitted").count(), 2);
        assert!(log.iter().any(|e| e.change.action == "reminders sent"));

        // The scores are frozen, then ranked on the snapshot: 7/9 and 4/5 disagree.
        let (_, scores) = desk.get("/secretariat/editions/2/scores").await;
        assert!(scores.contains("No snapshot yet"));
        let frozen = desk.post_fields("/secretariat/editions/2/scores/freeze", &[("csrf", desk.csrf.clone())]).await;
        assert_eq!(frozen.status(), StatusCode::SEE_OTHER);
        let (_, scores) = desk.get("/secretariat/editions/2/scores?method=median").await;
        assert!(scores.contains("2 submitted reviews") && scores.contains("<td>6.17</td>"), "{scores}");
        assert!(scores.contains("data-disagreement"));
        let (_, reweighted) = desk.get(&format!("/secretariat/editions/2/scores?weight-{innovation}=1&weight-{effectiveness}=0")).await;
        assert!(reweighted.contains("Place with these weights"));
        assert_eq!(desk.get(&format!("/secretariat/editions/2/scores?weight-{innovation}=-1")).await.0, StatusCode::BAD_REQUEST);
        // The committee's report carries every review behind the place.
        let report = desk.get_bytes("/secretariat/editions/2/scores.csv").await;
        assert_eq!(report.status(), StatusCode::OK);
        let text = String::from_utf8(report.bytes().await.unwrap().to_vec()).unwrap();
        assert!(text.starts_with("\u{feff}place,entry_id,title"), "{text}");
        assert_eq!(text.lines().count(), 3, "a header and one line per review: {text}");
        assert!(text.contains("Bold idea") && text.contains("Needs evidence") && text.contains(",support,4,"));
    }
}

both_engines! {
    async fn the_jury_ranks_in_secret_and_schulze_decides_winners_and_medals(engine) {
        let app = crate::harness::TestApp::with_fixture(engine).await.unwrap();
        // Edition 2's shortlist for this story: Bogotá (a winner already in the fixture) and Gwangju.
        let entries = entries_by_country(&app).await;
        let desk = app.login_as(Role::Secretariat).await;
        let jurors = [app.login_as(Role::Jury).await, app.login_as(Role::Jury).await, app.login_as(Role::Jury).await];
        for juror in &jurors {
            let fields = vec![
                ("csrf", desk.csrf.clone()),
                ("name", "Juror".to_string()),
                ("email", email_of(juror).await),
                ("stage", "jury".into()),
                ("country", "CN".into()),
            ];
            assert_eq!(desk.post_fields("/secretariat/editions/2/committees", &fields).await.status(), StatusCode::SEE_OTHER);
        }
        let shortlisted = app.store.initiatives(
            &kapok::storage::InitiativeQuery { edition: Some(EditionId(2)), min_status: Some(EntryStatus::Shortlisted), ..Default::default() },
            kapok::storage::PageRequest::new(0, 10),
        ).await.unwrap();
        let shortlist: Vec<_> = shortlisted.items.iter().map(|i| i.entry_id).collect();
        assert_eq!(shortlist, vec![entries["CO"]], "the fixture shortlists one entry of edition 2");
        let (bogota,) = (entries["CO"],);
        let (_, page) = jurors[0].get("/jury").await;
        assert!(page.contains(&format!("name=\"rank-{bogota}\"")), "{page}");

        // Bad ballots change nothing; good ones are sealed.
        let bad = jurors[0].post_fields("/jury/2/ballot", &[("csrf", jurors[0].csrf.clone()), (format!("rank-{bogota}").as_str(), "9".to_string())]).await;
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        let other = jurors[0].post_fields("/jury/2/ballot", &[("csrf", jurors[0].csrf.clone()), (format!("rank-{}", entries["FR"]).as_str(), "1".to_string())]).await;
        assert_eq!(other.status(), StatusCode::BAD_REQUEST, "only shortlisted entries");
        for juror in &jurors[..2] {
            let cast = juror.post_fields("/jury/2/ballot", &[("csrf", juror.csrf.clone()), (format!("rank-{bogota}").as_str(), "1".to_string())]).await;
            assert_eq!(cast.status(), StatusCode::SEE_OTHER);
        }
        let (_, desk_page) = desk.get("/secretariat/editions/2/jury").await;
        assert!(desk_page.contains("Members who have voted: 2 / 3"), "{desk_page}");
        assert!(!desk_page.contains("jury-result"), "sealed until closed");
        let (log, _) = app.store.audit_log().await.unwrap();
        let cast_entries: Vec<_> = log.iter().filter(|e| e.change.action == "jury ballot cast").collect();
        assert_eq!(cast_entries.len(), 2);
        assert!(cast_entries.iter().all(|e| e.change.after.is_null()), "the log never says how");

        let close = vec![("csrf", desk.csrf.clone()), ("method", "schulze".to_string()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/jury/close", &close).await.status(), StatusCode::SEE_OTHER);
        let late = jurors[2].post_fields("/jury/2/ballot", &[("csrf", jurors[2].csrf.clone()), (format!("rank-{bogota}").as_str(), "1".to_string())]).await;
        assert_eq!(late.status(), StatusCode::BAD_REQUEST, "no ballot after the close");
        let result = app.store.jury_result(EditionId(2)).await.unwrap().unwrap();
        assert_eq!((result.method.as_str(), result.ranking.clone()), ("schulze", vec![bogota]));
        let publish = vec![("csrf", desk.csrf.clone()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/jury/publish", &publish).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = desk.get("/secretariat/editions/2/jury").await;
        assert!(page.contains("The results are published.") && page.contains("Winner"));
        assert_eq!(desk.post_fields("/secretariat/editions/2/jury/publish", &publish).await.status(), StatusCode::BAD_REQUEST);
        let (log, (seq, hash)) = app.store.audit_log().await.unwrap();
        assert!(log.iter().any(|e| e.change.action == "results published"));
        assert!(audit::verify(&log, (seq, &hash)).is_ok());
    }
}

/// Three more valid entries of edition 2 for the list stories, and edition 2's sizes made small:
/// a long list of 3, a shortlist of 2, one winner.
async fn lists_fixture(app: &crate::harness::TestApp) {
    let awards = crate::fixtures::AWARDS_JSON.replace(
        r#""long_list_size": 45, "shortlist_size": 15, "max_winners": 5,
     "technical_committee_size""#,
        r#""long_list_size": 3, "shortlist_size": 2, "max_winners": 1,
     "technical_committee_size""#,
    );
    assert_ne!(awards, crate::fixtures::AWARDS_JSON, "the fixture's sizes were found");
    app.store.upsert_awards(&kapok::interchange::read_awards("awards.json", &awards).unwrap()).await.unwrap();
    let lines = [
        ("t-guangzhou-parks", 1809858, "Pocket Parks Everywhere"),
        ("t-medellin-escalators", 3674962, "Outdoor Escalators of Comuna 13"),
        ("t-barcelona-superblocks", 3128760, "Superblocks for Everyone"),
    ]
    .iter()
    .map(|(reference, city, title)| {
        format!(
            r#"{{"ref":"{reference}","award":"test-award","edition":2,"status":"valid","cities":[{{"geonames_id":{city}}}],"level":"municipal","original_language":"en","texts":{{"en":{{"title":"{title}","summary":"A list story entry."}}}},"source":{{"dataset":"test","id":"{reference}"}}}}"#
        )
    })
    .collect::<Vec<_>>()
    .join("\n");
    crate::harness::import_jsonl(&*app.store, &lines).await.unwrap();
}

/// Invites a signed-in account onto a committee of edition 2.
async fn invite(
    desk: &crate::harness::UserClient,
    member: &crate::harness::UserClient,
    name: &str,
    stage: &str,
    country: &str,
    city: &str,
) {
    let fields = vec![
        ("csrf", desk.csrf.clone()),
        ("name", name.to_string()),
        ("email", email_of(member).await),
        ("stage", stage.to_string()),
        ("country", country.to_string()),
        ("city", city.to_string()),
    ];
    assert_eq!(
        desk.post_fields("/secretariat/editions/2/committees", &fields).await.status(),
        StatusCode::SEE_OTHER,
        "{name}"
    );
}

/// The approval checkboxes a member's ballot page offers: entry ids.
fn approvable(html: &str) -> Vec<String> {
    html.split(r#"name="approve" value=""#).skip(1).map(|rest| rest.split('"').next().unwrap().to_string()).collect()
}

both_engines! {
    async fn the_committee_decides_the_long_list_and_shortlist_by_approval_and_the_reports_justify_every_decision(engine) {
        use kapok::evaluation::review::{Recommendation, ReviewContent};
        let app = crate::harness::TestApp::with_fixture(engine).await.unwrap();
        lists_fixture(&app).await;
        let desk = app.login_as(Role::Secretariat).await;
        let entries = app.store.evaluated_entries(EditionId(2)).await.unwrap();
        let id = |title: &str| entries.iter().find(|e| e.title.starts_with(title)).unwrap().entry;
        let (bogota, lyon, gwangju) = (id("Bogotá"), id("Rues"), entries_by_country(&app).await["KR"]);
        let (guangzhou, medellin, barcelona) = (id("Pocket"), id("Outdoor"), id("Superblocks"));

        // Four experts: Ana of Bogotá (so, Colombia), Jean of Lyon (a sister city of Guangzhou),
        // Kim from Korea, Li from China; and two Jury members.
        let [ana, jean, kim, li] = [
            app.login_as(Role::TechnicalCommittee).await,
            app.login_as(Role::TechnicalCommittee).await,
            app.login_as(Role::TechnicalCommittee).await,
            app.login_as(Role::TechnicalCommittee).await,
        ];
        invite(&desk, &ana, "Ana", "technical_committee", "CO", "Bogotá").await;
        invite(&desk, &jean, "Jean", "technical_committee", "FR", "Lyon").await;
        invite(&desk, &kim, "Kim", "technical_committee", "KR", "").await;
        invite(&desk, &li, "Li", "technical_committee", "CN", "").await;
        let jurors = [app.login_as(Role::Jury).await, app.login_as(Role::Jury).await];
        invite(&desk, &jurors[0], "Juror One", "jury", "CN", "").await;
        invite(&desk, &jurors[1], "Juror Two", "jury", "CN", "").await;
        let members = app.store.committee(EditionId(2)).await.unwrap();
        let (li_email, kim_email) = (email_of(&li).await, email_of(&kim).await);
        let li_member = members.iter().find(|m| m.email == li_email).unwrap().clone();
        let kim_member = members.iter().find(|m| m.email == kim_email).unwrap().clone();

        // No snapshot yet: no vote can open. Then Li's reviews are frozen: Barcelona, Medellín,
        // Lyon, Gwangju in that order; Guangzhou (Li's own country) has no score and comes last.
        let open = |list: &str| format!("/secretariat/editions/2/lists/{list}/open");
        let csrf_only = vec![("csrf", desk.csrf.clone())];
        let refused = desk.post_fields(&open("long_list"), &csrf_only).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("Freeze the scores first"));
        let criteria = app.store.edition(EditionId(2)).await.unwrap().unwrap().criteria;
        for (entry, score, comment) in [(barcelona, 9, "Transformative"), (medellin, 6, "Solid"), (lyon, 5, "Modest"), (gwangju, 3, "Thin evidence")] {
            let content = ReviewContent {
                scores: criteria.iter().map(|k| (k.id, score)).collect(),
                comments: [(criteria[0].id, comment.to_string())].into(),
                recommendation: Some(Recommendation::Support),
                confidence: Some(4),
            };
            let write = kapok::storage::evaluation::ReviewWrite { member: li_member.id, entry, content: &content, version: 0, submit: true };
            app.store.save_review(write, li_member.user, 1).await.unwrap();
        }
        assert_eq!(desk.post_fields("/secretariat/editions/2/scores/freeze", &csrf_only).await.status(), StatusCode::SEE_OTHER);

        // The shortlist waits for the long list; the long list opens once.
        let refused = desk.post_fields(&open("shortlist"), &csrf_only).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("Confirm the long list first"));
        // A forged form opens nothing; it is refused before the list is even looked at.
        for list in ["long_list", "medium_list"] {
            let forged = desk.post_fields(&open(list), &[("csrf", "forged")]).await;
            assert_eq!(forged.status(), StatusCode::FORBIDDEN, "{list}");
        }
        assert!(app.store.decision_rounds(EditionId(2)).await.unwrap().is_empty(), "no vote opened");
        assert_eq!(desk.post_fields(&open("long_list"), &csrf_only).await.status(), StatusCode::SEE_OTHER);
        let again = desk.post_fields(&open("long_list"), &csrf_only).await;
        assert_eq!(again.status(), StatusCode::BAD_REQUEST);
        assert!(again.text().await.unwrap().contains("has its vote already"));
        assert_eq!(desk.post_fields(&open("medium_list"), &csrf_only).await.status(), StatusCode::NOT_FOUND);
        let round = app.store.decision_rounds(EditionId(2)).await.unwrap()[0].clone();
        assert_eq!(round.candidates, vec![barcelona, medellin, lyon, gwangju, guangzhou], "the snapshot's order; the winner Bogotá is no candidate");
        assert_eq!(round.size, 3);

        // Each member sees every candidate but those they are in conflict with.
        let (_, page) = ana.get("/review/lists").await;
        let ids = |entries: &[kapok::domain::EntryId]| entries.iter().map(|e| e.to_string()).collect::<Vec<_>>();
        assert_eq!(approvable(&page), ids(&[barcelona, lyon, gwangju, guangzhou]), "Ana is from Colombia: no Medellín");
        assert!(page.contains("1 entry is left out of your ballot") && !page.contains("Outdoor Escalators"), "{page}");
        let (_, page) = jean.get("/review/lists").await;
        assert_eq!(approvable(&page), ids(&[barcelona, medellin, gwangju]), "Jean: not Lyon, nor Lyon's sister city Guangzhou");

        // Ballots: bad ones change nothing, good ones are recorded and may change until the close.
        let url = format!("/review/lists/{}", round.id);
        let ballot = |user: &crate::harness::UserClient, approved: &[kapok::domain::EntryId]| {
            let mut fields = vec![("csrf".to_string(), user.csrf.clone())];
            fields.extend(approved.iter().map(|e| ("approve".to_string(), e.to_string())));
            fields
        };
        let conflicted = ana.post_fields(&url, &ballot(&ana, &[medellin])).await;
        assert_eq!(conflicted.status(), StatusCode::BAD_REQUEST);
        assert!(conflicted.text().await.unwrap().contains("never an entry you are in conflict with"));
        let too_many = li.post_fields(&url, &ballot(&li, &[barcelona, medellin, lyon, gwangju])).await;
        assert_eq!(too_many.status(), StatusCode::BAD_REQUEST);
        assert!(too_many.text().await.unwrap().contains("at most 3 entries; you ticked 4"));
        assert_eq!(desk.post_fields(&url, &ballot(&desk, &[barcelona])).await.status(), StatusCode::FORBIDDEN, "only experts vote");
        assert!(app.store.approval_ballots(round.id).await.unwrap().is_empty());
        for (user, approved) in [
            (&ana, vec![barcelona, lyon, gwangju]),
            (&jean, vec![barcelona, medellin, gwangju]),
            (&kim, vec![barcelona, lyon, medellin]),
            (&li, vec![lyon]),
            (&li, vec![medellin]),
        ] {
            assert_eq!(user.post_fields(&url, &ballot(user, &approved)).await.status(), StatusCode::SEE_OTHER);
        }
        let (_, page) = li.get("/review/lists").await;
        assert!(page.contains("Your ballot is recorded (1 approved)") && page.contains(&format!(r#"value="{medellin}" checked"#)), "{page}");
        // Kim declares a conflict with Lyon after voting for it: that approval will not count.
        let declare = vec![("csrf", kim.csrf.clone()), ("member", kim_member.id.to_string()), ("entry", lyon.to_string()), ("reason", "I advised Lyon".into())];
        assert_eq!(kim.post_fields("/review/conflicts", &declare).await.status(), StatusCode::SEE_OTHER);

        let (_, lists) = desk.get("/secretariat/editions/2/lists").await;
        assert!(lists.contains("Members who have voted: 4 / 4"), "{lists}");
        // The same page in the other languages.
        for (lang, words) in [("zh", "已投票的成员：4 / 4"), ("fr", "Membres ayant voté : 4 / 4"), ("es", "Miembros que han votado: 4 / 4")] {
            assert_eq!(desk.get(&format!("/language/{lang}?next=/")).await.0, StatusCode::SEE_OTHER);
            let (status, page) = desk.get("/secretariat/editions/2/lists").await;
            assert!(status == StatusCode::OK && page.contains(words), "{lang}: {page}");
        }
        assert_eq!(desk.get("/language/en?next=/").await.0, StatusCode::SEE_OTHER);
        let (_, report) = desk.get("/secretariat/editions/2/committee-report").await;
        assert!(report.contains("once the list is confirmed") && !report.contains("data-ballot"), "no ballot before confirmation");

        // The close counts: Barcelona 3, Medellín 3, Gwangju 2, Lyon 1 (Kim's approval is out).
        let close = |list: &str, confirm: bool| {
            let mut fields = vec![("csrf", desk.csrf.clone())];
            if confirm {
                fields.push(("confirm", "yes".to_string()));
            }
            (format!("/secretariat/editions/2/lists/{list}/close"), fields)
        };
        let (close_url, unconfirmed) = close("long_list", false);
        assert_eq!(desk.post_fields(&close_url, &unconfirmed).await.status(), StatusCode::BAD_REQUEST);
        let (close_url, fields) = close("long_list", true);
        assert_eq!(desk.post_fields(&close_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let late = li.post_fields(&url, &ballot(&li, &[barcelona])).await;
        assert_eq!(late.status(), StatusCode::BAD_REQUEST, "no ballot after the close");
        let proposal = app.store.decision_round(round.id).await.unwrap().unwrap().proposal.unwrap();
        let counts: Vec<(kapok::domain::EntryId, usize)> = proposal.counts.iter().map(|c| (c.entry, c.approvals)).collect();
        assert_eq!(counts, vec![(barcelona, 3), (medellin, 3), (gwangju, 2), (lyon, 1), (guangzhou, 0)]);
        assert_eq!(proposal.listed, vec![barcelona, medellin, gwangju]);
        assert_eq!(proposal.excluded, vec![(kim_member.id, lyon)]);
        let (_, lists) = desk.get("/secretariat/editions/2/lists").await;
        assert!(lists.contains("1 approval was not counted") && lists.contains(&format!(r#"name="listed" value="{gwangju}" checked"#)), "{lists}");

        // Reopened (confirmed first): the proposal goes, the ballots stay, members may vote again;
        // closed again, the same count. An open vote is not reopened.
        let reopen_url = "/secretariat/editions/2/lists/long_list/reopen";
        assert_eq!(desk.post_fields(reopen_url, &csrf_only).await.status(), StatusCode::BAD_REQUEST, "not confirmed");
        assert!(app.store.decision_round(round.id).await.unwrap().unwrap().closed_at.is_some());
        let reopen_fields = vec![("csrf", desk.csrf.clone()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields(reopen_url, &reopen_fields).await.status(), StatusCode::SEE_OTHER);
        let reopened = app.store.decision_round(round.id).await.unwrap().unwrap();
        assert!(reopened.closed_at.is_none() && reopened.proposal.is_none(), "{reopened:?}");
        assert_eq!(app.store.approval_ballots(round.id).await.unwrap().len(), 4, "the ballots stay");
        let (_, lists) = desk.get("/secretariat/editions/2/lists").await;
        assert!(lists.contains("/lists/long_list/close") && !lists.contains("/lists/long_list/reopen"), "{lists}");
        assert_eq!(li.post_fields(&url, &ballot(&li, &[medellin])).await.status(), StatusCode::SEE_OTHER, "members vote again");
        let open_again = desk.post_fields(reopen_url, &reopen_fields).await;
        assert_eq!(open_again.status(), StatusCode::BAD_REQUEST);
        assert!(open_again.text().await.unwrap().contains("Close the vote first."));
        assert_eq!(desk.post_fields(&close_url, &fields).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.store.decision_round(round.id).await.unwrap().unwrap().proposal.unwrap(), proposal);

        // Confirming: the Secretariat swaps Gwangju for Lyon, which needs a reason for each.
        let confirm_url = "/secretariat/editions/2/lists/long_list/confirm";
        let confirm = |listed: &[kapok::domain::EntryId], reasons: &[(kapok::domain::EntryId, &str)]| {
            let mut fields = vec![("csrf".to_string(), desk.csrf.clone()), ("confirm".to_string(), "yes".to_string())];
            fields.extend(listed.iter().map(|e| ("listed".to_string(), e.to_string())));
            fields.extend(reasons.iter().map(|(e, r)| (format!("reason-{e}"), r.to_string())));
            fields
        };
        let too_many = desk.post_fields(confirm_url, &confirm(&[barcelona, medellin, gwangju, lyon], &[(lyon, "Strong case")])).await;
        assert_eq!(too_many.status(), StatusCode::BAD_REQUEST);
        assert!(too_many.text().await.unwrap().contains("at most 3 entries; 4 are ticked"));
        let no_reason = desk.post_fields(confirm_url, &confirm(&[barcelona, medellin, lyon], &[(lyon, "Strong case")])).await;
        assert_eq!(no_reason.status(), StatusCode::BAD_REQUEST);
        assert!(no_reason.text().await.unwrap().contains(&format!("Please give a reason for moving “#{gwangju}”")));
        let unconfirmed: Vec<_> = confirm(&[barcelona, medellin, gwangju], &[]).into_iter().filter(|(k, _)| k != "confirm").collect();
        assert_eq!(desk.post_fields(confirm_url, &unconfirmed).await.status(), StatusCode::BAD_REQUEST);
        let status_of = |entry| {
            let app = &app;
            async move { app.store.screening_list(EditionId(2)).await.unwrap().into_iter().find(|r| r.entry == entry).unwrap().status }
        };
        assert_eq!(status_of(gwangju).await, EntryStatus::Deserving, "nothing changed yet");
        let swap = confirm(&[barcelona, medellin, lyon], &[(lyon, "Strong case"), (gwangju, "Impact not shown")]);
        assert_eq!(desk.post_fields(confirm_url, &swap).await.status(), StatusCode::SEE_OTHER);
        for (entry, status) in [(barcelona, EntryStatus::Deserving), (medellin, EntryStatus::Deserving), (lyon, EntryStatus::Deserving),
            (gwangju, EntryStatus::Valid), (guangzhou, EntryStatus::Valid), (bogota, EntryStatus::Winner)] {
            assert_eq!(status_of(entry).await, status, "{entry}");
        }
        assert_eq!(desk.post_fields(confirm_url, &swap).await.status(), StatusCode::BAD_REQUEST, "confirmed once");
        let (log, (seq, hash)) = app.store.audit_log().await.unwrap();
        assert!(audit::verify(&log, (seq, &hash)).is_ok());
        let decisions: Vec<_> = log.iter().filter(|e| e.change.action == "list decision").collect();
        assert_eq!(decisions.len(), 4, "three entries long-listed, Gwangju back to valid");
        let gwangju_change = decisions.iter().find(|e| e.change.subject == format!("entry {gwangju}")).unwrap();
        assert_eq!((gwangju_change.change.before["status"].as_str(), gwangju_change.change.after["status"].as_str()), (Some("deserving"), Some("valid")));
        let confirmed = log.iter().find(|e| e.change.action == "list confirmed").unwrap();
        assert_eq!(confirmed.change.after["changes"][0]["reason"], "Impact not shown");
        assert_eq!(log.iter().filter(|e| e.change.action == "approval ballot cast").count(), 6, "every ballot, changes included");
        assert_eq!(log.iter().filter(|e| e.change.action == "decision round reopened").count(), 1);
        let refused = desk.post_fields(reopen_url, &reopen_fields).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "a confirmed list is final");
        assert!(refused.text().await.unwrap().contains("This list is confirmed already."));

        // The shortlist is chosen from the long list: Barcelona, Medellín, Lyon.
        assert_eq!(desk.post_fields(&open("shortlist"), &csrf_only).await.status(), StatusCode::SEE_OTHER);
        let shortlist_round = app.store.decision_rounds(EditionId(2)).await.unwrap()[1].clone();
        assert_eq!(shortlist_round.candidates, vec![barcelona, medellin, lyon]);
        let url = format!("/review/lists/{}", shortlist_round.id);
        for (user, approved) in [(&ana, vec![barcelona, lyon]), (&jean, vec![barcelona, medellin]), (&kim, vec![barcelona]), (&li, vec![medellin])] {
            assert_eq!(user.post_fields(&url, &ballot(user, &approved)).await.status(), StatusCode::SEE_OTHER);
        }
        let (close_url, fields) = close("shortlist", true);
        assert_eq!(desk.post_fields(&close_url, &fields).await.status(), StatusCode::SEE_OTHER);
        let as_proposed = confirm(&[barcelona, medellin], &[]);
        assert_eq!(desk.post_fields("/secretariat/editions/2/lists/shortlist/confirm", &as_proposed).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(status_of(barcelona).await, EntryStatus::Shortlisted);
        assert_eq!(status_of(lyon).await, EntryStatus::Deserving);
        // The public library follows the new statuses within seconds.
        let mut shortlisted_in_spain = false;
        for _ in 0..200 {
            let (_, found) = app.get_json("/api/v1/initiatives?status=shortlisted&country=ES").await;
            if found["total"] == 1 && found["items"][0]["titles"]["en"] == "Superblocks for Everyone" {
                shortlisted_in_spain = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(shortlisted_in_spain, "the library shows the shortlisted entry");

        // The committee's report: every ballot, the approvals, the reasons, the reviews.
        let (status, report) = desk.get("/secretariat/editions/2/committee-report").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(report.matches("data-ballot").count(), 8, "four members on two lists");
        // Existing accounts keep their names; Kim's ballot, in the snapshot's order, with Lyon not counted.
        assert!(report.contains("<strong>Test technical_committee</strong>: Superblocks for Everyone; Outdoor Escalators of Comuna 13; Rues aux enfants <span class=\"small\" data-not-counted>"), "{report}");
        assert!(report.contains("Impact not shown") && report.contains("Strong case") && report.contains("Transformative"), "{report}");
        let text = String::from_utf8(desk.get_bytes("/secretariat/editions/2/scores.csv").await.bytes().await.unwrap().to_vec()).unwrap();
        let header = text.lines().next().unwrap();
        assert!(header.ends_with("long_list_approvals,on_long_list,shortlist_approvals,on_shortlist"), "{header}");
        let barcelona_line = text.lines().find(|l| l.contains("Superblocks")).unwrap();
        assert!(barcelona_line.ends_with(",3,true,3,true"), "{barcelona_line}");

        // The Jury ranks the shortlist (the fixture's winner Bogotá included); its report stays
        // sealed until the close.
        let (status, sealed) = desk.get("/secretariat/editions/2/jury/report").await;
        assert_eq!(status, StatusCode::OK);
        assert!(sealed.contains("The ballots stay sealed"));
        assert_eq!(desk.get_bytes("/secretariat/editions/2/jury/report.csv").await.status(), StatusCode::NOT_FOUND);
        for (juror, order) in jurors.iter().zip([[barcelona, medellin], [medellin, barcelona]]) {
            let fields = vec![
                ("csrf".to_string(), juror.csrf.clone()),
                (format!("rank-{}", order[0]), "1".to_string()),
                (format!("rank-{}", order[1]), "2".to_string()),
            ];
            assert_eq!(juror.post_fields("/jury/2/ballot", &fields).await.status(), StatusCode::SEE_OTHER);
        }
        let close = vec![("csrf", desk.csrf.clone()), ("method", "schulze".to_string()), ("confirm", "yes".to_string())];
        assert_eq!(desk.post_fields("/secretariat/editions/2/jury/close", &close).await.status(), StatusCode::SEE_OTHER);
        let (_, report) = desk.get("/secretariat/editions/2/jury/report").await;
        assert!(report.contains("Decided by the Schulze method."), "{report}");
        // The two rankings cancel out: a tie for first, broken by the shortlist's order.
        assert!(report.contains("data-cut-splits-tie") && report.contains("the shortlist&#39;s order decides"), "{report}");
        assert!(report.contains("<strong>Test jury</strong>: 1. Superblocks for Everyone · 2. Outdoor Escalators of Comuna 13 · unranked: Bogotá Care Blocks"), "{report}");
        let first = medellin.min(barcelona);
        let csv = String::from_utf8(desk.get_bytes("/secretariat/editions/2/jury/report.csv").await.bytes().await.unwrap().to_vec()).unwrap();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows.len(), 4, "a header and the three shortlisted: {csv}");
        assert!(rows[0].starts_with("\u{feff}place,entry_id,title,honour,method,published,tied_with,tie_rule,schulze_place,borda_place,borda_points,irv_place,rank: Test jury"), "{csv}");
        assert!(rows[1].starts_with(&format!("1,{first},")) && rows[1].contains(",winner,schulze,false,") && rows[1].contains("lower entry number first"), "{csv}");
        assert!(rows[3].contains("Bogotá Care Blocks,medal_of_honour") && rows[3].ends_with(",3,3,0,3,,"), "{csv}");
    }
}
