//! The public vote: verification by one-time code, ballots and their limits under concurrency,
//! receipts, bad input, the Secretariat's settings, invalidation and certification, and the
//! writer's answer when saturated.

use std::sync::Arc;

use kapok::domain::{EditionId, EntryId, EntryStatus, Role};
use kapok::storage::vote::{CastOutcome, NewBallot, NewVoterSession};
use kapok::storage::{InitiativeQuery, PageRequest};
use kapok::vote::writer::{BallotWriter, CastError, Commit};
use kapok::vote::{BallotShape, Frequency, Verification, VoteSettings};
use reqwest::StatusCode;
use sha2::Digest;

use crate::harness::{TestApp, both_engines, client, csrf_field, get};

/// The entries of edition 2 of the fixture that are public (Bogotá, Lyon, Gwangju).
async fn public_entries(app: &TestApp, edition: EditionId) -> Vec<EntryId> {
    let query = InitiativeQuery { edition: Some(edition), min_status: Some(EntryStatus::Valid), ..Default::default() };
    let page = app.store.initiatives(&query, PageRequest::new(0, 100)).await.unwrap();
    page.items.iter().map(|i| i.entry_id).collect()
}

fn settings(candidates: Vec<EntryId>, frequency: Frequency, per_day: u32) -> VoteSettings {
    let now = jiff::Timestamp::now().as_second();
    VoteSettings {
        opens_at: now - 3_600,
        closes_at: now + 86_400,
        candidates,
        shape: BallotShape::Exactly,
        choices: 1,
        frequency,
        per_day,
        verification: Verification::Email,
        tallies_visible: false,
    }
}

async fn secretariat_id(app: &TestApp) -> kapok::domain::UserId {
    let user = app
        .store
        .create_user(&kapok::storage::NewUser {
            email: format!("vote-admin-{}@test.example", rand::random::<u32>()),
            display_name: "Vote admin".into(),
            password_hash: "x".into(),
            locale: "en".into(),
            roles: vec![Role::Secretariat],
            verified: true,
        })
        .await
        .unwrap();
    user.id
}

/// Opens a vote on `edition` among its public entries: one choice, once per window.
pub async fn open_vote(app: &TestApp, edition: EditionId) -> Vec<EntryId> {
    let candidates = public_entries(app, edition).await;
    let by = secretariat_id(app).await;
    let settings = settings(candidates.clone(), Frequency::OncePerWindow, 1);
    app.store.save_vote_settings(edition, &settings, by, 0).await.unwrap();
    candidates
}

/// The six-digit code in the newest e-mail to `to`.
async fn code_sent_to(app: &TestApp, to: &str) -> String {
    let outbox = app.store.outbox(PageRequest::new(0, 100)).await.unwrap();
    let mail = outbox.items.iter().find(|m| m.to == to).expect("a code was mailed");
    let digits: Vec<char> = mail.body.chars().collect();
    let start = (0..digits.len() - 6).find(|&i| digits[i..i + 6].iter().all(char::is_ascii_digit)).unwrap();
    digits[start..start + 6].iter().collect()
}

/// A browser that verified `email` for the vote of `edition`, and its ballot form's token.
async fn verified_voter(app: &TestApp, edition: EditionId, email: &str) -> (reqwest::Client, String) {
    let voter = client();
    let (_, page) = get(&voter, &app.url(&format!("/vote/{edition}"))).await;
    let token = csrf_field(&page).expect("the verification form");
    let sent = voter
        .post(app.url(&format!("/vote/{edition}/code")))
        .form(&[("csrf", token.as_str()), ("identity", email)])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    assert!(sent.text().await.unwrap().contains("name=\"code\""), "the code form follows");
    let code = code_sent_to(app, &email.to_lowercase()).await;
    let verified = voter
        .post(app.url(&format!("/vote/{edition}/verify")))
        .form(&[("csrf", token.as_str()), ("identity", email), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(&voter, &app.url(&format!("/vote/{edition}"))).await;
    assert!(page.contains(&email.to_lowercase()), "the page says who is verified");
    let csrf = csrf_field(&page).expect("the ballot form");
    (voter, csrf)
}

async fn cast(
    app: &TestApp,
    voter: &reqwest::Client,
    edition: EditionId,
    fields: &[(&str, String)],
) -> reqwest::Response {
    voter.post(app.url(&format!("/vote/{edition}/ballot"))).form(fields).send().await.unwrap()
}

fn receipt_of(html: &str) -> String {
    html.split(r#"<strong id="receipt">"#).nth(1).unwrap().split('<').next().unwrap().to_string()
}

async fn ballot_count(app: &TestApp, edition: EditionId) -> usize {
    app.store.ballots(edition).await.unwrap().len()
}

both_engines! {
    async fn a_verified_voter_votes_within_the_rules_and_checks_the_receipt(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        let candidates = open_vote(&app, edition).await;
        assert_eq!(candidates.len(), 3);
        let (status, landing) = app.get("/vote/2").await;
        assert_eq!(status, StatusCode::OK);
        assert!(landing.contains("Childcare blocks") || landing.contains("Bogot"), "candidates are listed");
        let (voter, csrf) = verified_voter(&app, edition, "Ana@Example.org").await;

        // Bad ballots change nothing, each with its message.
        let choice = |e: EntryId| ("choice", e.0.to_string());
        let refused = [
            (vec![("csrf", csrf.clone())], StatusCode::BAD_REQUEST, "Please choose one candidate"),
            (vec![("csrf", csrf.clone()), choice(candidates[0]), choice(candidates[1])], StatusCode::BAD_REQUEST, "Please choose one candidate"),
            (vec![("csrf", csrf.clone()), ("choice", "999999".into())], StatusCode::BAD_REQUEST, "could not be read"),
            (vec![("csrf", csrf.clone()), ("choice", "abc".into())], StatusCode::BAD_REQUEST, "could not be read"),
            (vec![("csrf", "forged".into()), choice(candidates[0])], StatusCode::FORBIDDEN, "did not come from this site"),
        ];
        for (fields, status, message) in refused {
            let response = cast(&app, &voter, edition, &fields).await;
            assert_eq!(response.status(), status, "{fields:?}");
            assert!(response.text().await.unwrap().contains(message), "{fields:?}");
        }
        assert_eq!(ballot_count(&app, edition).await, 0);

        let counted = cast(&app, &voter, edition, &[("csrf", csrf.clone()), choice(candidates[1])]).await;
        assert_eq!(counted.status(), StatusCode::CREATED);
        let receipt = receipt_of(&counted.text().await.unwrap());
        assert_eq!(receipt.len(), 26 + 6, "26 characters in groups of four: {receipt}");
        // Once per window: the second ballot is refused.
        let again = cast(&app, &voter, edition, &[("csrf", csrf.clone()), choice(candidates[0])]).await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
        assert_eq!(ballot_count(&app, edition).await, 1);

        // The receipt checks out, typed loosely; it never shows the choice.
        let loose = receipt.replace('-', "").to_lowercase();
        let (_, checked) = app.get(&format!("/vote/2/check?receipt={loose}")).await;
        assert!(checked.contains(r#"data-outcome="counted""#), "{checked}");
        let (_, unknown) = app.get("/vote/2/check?receipt=AAAA-BBBB").await;
        assert!(unknown.contains(r#"data-outcome="unknown""#));
        // The same ballot through the JSON API answers JSON.
        let json = voter
            .post(app.url("/vote/2/ballot"))
            .header("accept", "application/json")
            .form(&[("csrf", csrf.clone()), choice(candidates[0])])
            .send()
            .await
            .unwrap();
        assert_eq!(json.status(), StatusCode::CONFLICT);
        let body: serde_json::Value = json.json().await.unwrap();
        assert_eq!(body["error"]["code"], "limit_reached");
    }

    async fn identical_ballots_sent_at_once_count_only_up_to_the_limit(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        let candidates = public_entries(&app, edition).await;
        let by = secretariat_id(&app).await;
        app.store.save_vote_settings(edition, &settings(candidates.clone(), Frequency::PerDay, 3), by, 0).await.unwrap();
        let (voter, csrf) = verified_voter(&app, edition, "burst@example.org").await;
        let sends: Vec<_> = (0..20)
            .map(|_| {
                let (voter, url) = (voter.clone(), app.url("/vote/2/ballot"));
                let fields = [("csrf", csrf.clone()), ("choice", candidates[0].0.to_string())];
                tokio::spawn(async move { voter.post(url).form(&fields).send().await.unwrap().status() })
            })
            .collect();
        let statuses: Vec<StatusCode> = futures_util::future::join_all(sends).await.into_iter().map(Result::unwrap).collect();
        let created = statuses.iter().filter(|s| **s == StatusCode::CREATED).count();
        let limited = statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count();
        assert_eq!((created, limited), (3, 17), "{statuses:?}");
        assert_eq!(ballot_count(&app, edition).await, 3);
    }

    async fn codes_are_single_use_tried_five_times_and_refused_for_throwaway_addresses(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        open_vote(&app, edition).await;
        let visitor = client();
        let (_, page) = get(&visitor, &app.url("/vote/2")).await;
        let token = csrf_field(&page).unwrap();
        let post = |path: &'static str, fields: Vec<(&'static str, String)>| {
            let (visitor, url) = (visitor.clone(), app.url(path));
            async move { visitor.post(url).form(&fields).send().await.unwrap() }
        };
        // Throwaway and malformed addresses get no code.
        for (identity, message) in [("x@mailinator.com", "throwaway"), ("not-an-address", "valid e-mail")] {
            let response = post("/vote/2/code", vec![("csrf", token.clone()), ("identity", identity.into())]).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST);
            assert!(response.text().await.unwrap().contains(message));
        }
        assert!(app.store.outbox(PageRequest::new(0, 10)).await.unwrap().items.is_empty());
        // Five wrong tries spend the code: the right one no longer works.
        post("/vote/2/code", vec![("csrf", token.clone()), ("identity", "eve@example.org".into())]).await;
        let code = code_sent_to(&app, "eve@example.org").await;
        let wrong = if code == "000000" { "111111" } else { "000000" };
        for _ in 0..5 {
            let response = post("/vote/2/verify", vec![("csrf", token.clone()), ("identity", "eve@example.org".into()), ("code", wrong.into())]).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        }
        let late = post("/vote/2/verify", vec![("csrf", token.clone()), ("identity", "eve@example.org".into()), ("code", code.clone())]).await;
        assert_eq!(late.status(), StatusCode::BAD_REQUEST);
        assert!(late.text().await.unwrap().contains("no valid code"));
        // A used code cannot be replayed.
        let (_, _) = verified_voter(&app, edition, "frank@example.org").await;
        let used = code_sent_to(&app, "frank@example.org").await;
        let replay = post("/vote/2/verify", vec![("csrf", token.clone()), ("identity", "frank@example.org".into()), ("code", used)]).await;
        assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
        // Without the form's token nothing is sent.
        let forged = client().post(app.url("/vote/2/code")).form(&[("csrf", "x"), ("identity", "g@example.org")]).send().await.unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        // Outside the window there are no codes and no ballots.
        let by = secretariat_id(&app).await;
        let mut closed = settings(public_entries(&app, edition).await, Frequency::OncePerWindow, 1);
        closed.closes_at = closed.opens_at + 60;
        app.store.save_vote_settings(edition, &closed, by, 0).await.unwrap();
        let response = post("/vote/2/code", vec![("csrf", token.clone()), ("identity", "h@example.org".into())]).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(response.text().await.unwrap().contains("not open"));
    }

    async fn the_secretariat_sets_up_invalidates_and_certifies_a_vote(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        let candidates = public_entries(&app, edition).await;
        let desk = app.login_as(Role::Secretariat).await;
        let (status, form) = desk.get("/secretariat/editions/2/vote").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("no public vote yet"));
        let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap());
        let local = |z: jiff::Zoned| z.strftime("%Y-%m-%dT%H:%M").to_string();
        let mut fields = vec![
            ("csrf", desk.csrf.clone()),
            ("opens", local(now.checked_sub(jiff::SignedDuration::from_hours(1)).unwrap())),
            ("closes", local(now.checked_sub(jiff::SignedDuration::from_hours(2)).unwrap())),
            ("shape", "exactly".into()),
            ("choices", "1".into()),
            ("frequency", "once".into()),
            ("per_day", "1".into()),
            ("verification", "email".into()),
        ];
        // A window that closes before it opens is refused, and nothing is saved.
        let refused = desk.post_fields("/secretariat/editions/2/vote", &fields).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap().contains("must close after it opens"));
        assert!(app.store.vote_settings(edition).await.unwrap().is_none());
        fields[2].1 = local(now.checked_add(jiff::SignedDuration::from_hours(2)).unwrap());
        for candidate in &candidates {
            fields.push(("candidate", candidate.0.to_string()));
        }
        let saved = desk.post_fields("/secretariat/editions/2/vote", &fields).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let stored = app.store.vote_settings(edition).await.unwrap().unwrap();
        assert_eq!(stored.candidates.len(), 3);

        let mut receipts = Vec::new();
        for (n, pick) in [0, 1, 1].into_iter().enumerate() {
            let (voter, csrf) = verified_voter(&app, edition, &format!("voter{n}@example.org")).await;
            let response = cast(&app, &voter, edition, &[("csrf", csrf), ("choice", candidates[pick].0.to_string())]).await;
            assert_eq!(response.status(), StatusCode::CREATED);
            receipts.push(receipt_of(&response.text().await.unwrap()));
        }
        // Results stay hidden while the vote is open (the tally is not public in these settings).
        let (_, results) = app.get("/vote/2/results").await;
        assert!(results.contains("once the vote has closed"));
        let (status, report) = desk.get("/secretariat/editions/2/vote/anomalies").await;
        assert_eq!(status, StatusCode::OK);
        assert!(report.contains("voter0@example.org") && report.contains("<svg"));

        // One ballot is invalidated, with a reason; without the confirmation nothing changes.
        let invalidate = |confirm: &'static str| {
            vec![
                ("csrf", desk.csrf.clone()),
                ("by", "receipts".to_string()),
                ("value", receipts[2].clone()),
                ("reason", "Cast from a vote-buying campaign".to_string()),
                ("confirm", confirm.to_string()),
            ]
        };
        let unconfirmed = desk.post_fields("/secretariat/editions/2/vote/invalidate", &invalidate("no")).await;
        assert_eq!(unconfirmed.status(), StatusCode::BAD_REQUEST);
        assert!(app.store.ballots(edition).await.unwrap().iter().all(|b| b.counted));
        let done = desk.post_fields("/secretariat/editions/2/vote/invalidate", &invalidate("yes")).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let (_, checked) = app.get(&format!("/vote/2/check?receipt={}", receipts[2])).await;
        assert!(checked.contains("vote-buying campaign"), "the voter sees why");

        // Certifying needs the vote closed.
        let certify = [("csrf", desk.csrf.clone()), ("confirm", "yes".to_string())];
        let early = desk.post_fields("/secretariat/editions/2/vote/certify", &certify).await;
        assert_eq!(early.status(), StatusCode::BAD_REQUEST);
        let mut closed = stored.clone();
        closed.closes_at = jiff::Timestamp::now().as_second() - 1;
        closed.opens_at = closed.closes_at - 7_200;
        let by = secretariat_id(&app).await;
        app.store.save_vote_settings(edition, &closed, by, 0).await.unwrap();
        let certified = desk.post_fields("/secretariat/editions/2/vote/certify", &certify).await;
        assert_eq!(certified.status(), StatusCode::SEE_OTHER);

        let result = app.store.certified_vote(edition).await.unwrap().unwrap();
        assert_eq!((result.counted, result.invalidated), (2, 1));
        assert!(result.tally.contains(&(candidates[0], 1)) && result.tally.contains(&(candidates[1], 1)));
        assert_eq!(result.tally.iter().map(|(_, v)| v).sum::<u64>(), 2);
        let (_, results) = app.get("/vote/2/results").await;
        assert!(results.contains(&result.digest) && results.contains("<svg"));
        // Anyone can recompute the digest from the published list, and find their ballot in it.
        let list = client().get(app.url("/vote/2/ballots.txt")).send().await.unwrap().text().await.unwrap();
        assert_eq!(list.lines().count(), 2);
        let digest: String = sha2::Sha256::digest(list.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(digest, result.digest);
        let mine: String = sha2::Sha256::digest(receipts[0].as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        assert!(list.contains(&format!("{mine},{}", candidates[0].0)));
        let csv = client().get(app.url("/vote/2/results.csv")).send().await.unwrap().bytes().await.unwrap();
        assert!(csv.starts_with("\u{feff}rank,entry_id".as_bytes()));
        // Public votes reach the entries; a certified vote can no longer change.
        let after = desk.post_fields("/secretariat/editions/2/vote/invalidate", &invalidate("yes")).await;
        assert_eq!(after.status(), StatusCode::BAD_REQUEST);
        let again = desk.post_fields("/secretariat/editions/2/vote/certify", &certify).await;
        assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    }

    async fn a_saturated_writer_answers_busy_and_every_acknowledged_ballot_is_stored_once(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        let candidates = open_vote(&app, edition).await;
        let store: Arc<dyn kapok::storage::Store> = app.store.clone();
        let mut voters = Vec::new();
        for n in 0..300 {
            let session = NewVoterSession { token_hash: format!("bench-{n}"), csrf: "c".into(), expires_at: i64::MAX };
            voters.push(store.open_voter_session(edition, &format!("v{n}@example.org"), &session, 0).await.unwrap());
        }
        let writer = BallotWriter::start(store.clone(), Commit::Group { queue: 8 });
        let casts: Vec<_> = voters
            .iter()
            .enumerate()
            .map(|(n, voter)| {
                let writer = writer.clone();
                let ballot = NewBallot {
                    edition,
                    voter: *voter,
                    receipt: format!("R{n}"),
                    period: "window".into(),
                    max_per_period: 1,
                    choices: vec![candidates[n % candidates.len()]],
                    cast_at: jiff::Timestamp::now().as_second(),
                    ip: "203.0.113.9".into(),
                    subnet: "203.0.113.0/24".into(),
                };
                tokio::spawn(async move { (format!("R{n}"), writer.cast(ballot).await) })
            })
            .collect();
        let outcomes: Vec<_> = futures_util::future::join_all(casts).await.into_iter().map(Result::unwrap).collect();
        let counted: Vec<&String> =
            outcomes.iter().filter(|(_, o)| matches!(o, Ok(CastOutcome::Counted))).map(|(r, _)| r).collect();
        let busy = outcomes.iter().filter(|(_, o)| matches!(o, Err(CastError::Busy))).count();
        assert!(busy > 0, "a queue of 8 cannot take 300 ballots at once");
        assert_eq!(counted.len() + busy, 300, "nothing else happened: {outcomes:?}");
        let stored = app.store.ballots(edition).await.unwrap();
        assert_eq!(stored.len(), counted.len(), "exactly the acknowledged ballots are stored");
        assert!(counted.iter().all(|r| stored.iter().any(|b| &&b.receipt == r)));
    }

    async fn a_group_counts_each_identity_up_to_its_limit_across_groups_and_periods(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        let candidates = open_vote(&app, edition).await;
        let mut voters = Vec::new();
        for n in 0..3 {
            let session = NewVoterSession { token_hash: format!("group-{n}"), csrf: "c".into(), expires_at: i64::MAX };
            voters.push(app.store.open_voter_session(edition, &format!("g{n}@example.org"), &session, 0).await.unwrap());
        }
        let mut receipts = 0;
        let mut ballot = |voter: usize, period: &str| {
            receipts += 1;
            NewBallot {
                edition,
                voter: voters[voter],
                receipt: format!("G{receipts}"),
                period: period.into(),
                max_per_period: 2,
                choices: vec![candidates[0]],
                cast_at: 1,
                ip: "203.0.113.9".into(),
                subnet: "203.0.113.0/24".into(),
            }
        };
        use CastOutcome::{Counted, LimitReached};
        // Voter 0 casts three in one group: the third is over the limit of two.
        let first = vec![ballot(0, "d1"), ballot(1, "d1"), ballot(0, "d1"), ballot(0, "d1")];
        assert_eq!(app.store.cast_ballots(&first).await.unwrap(), [Counted, Counted, Counted, LimitReached]);
        // The next group continues from what is stored; another period starts afresh.
        let second = vec![ballot(1, "d1"), ballot(0, "d1"), ballot(1, "d1"), ballot(0, "d2"), ballot(2, "d2")];
        assert_eq!(app.store.cast_ballots(&second).await.unwrap(), [Counted, LimitReached, LimitReached, Counted, Counted]);
        let stored = app.store.ballots(edition).await.unwrap();
        let mut receipts: Vec<&str> = stored.iter().map(|b| b.receipt.as_str()).collect();
        receipts.sort();
        assert_eq!(receipts, ["G1", "G2", "G3", "G5", "G8", "G9"]);
        assert_eq!(app.store.ballots_in_period(voters[0], "d1").await.unwrap(), 2);
        assert_eq!(app.store.ballots_in_period(voters[1], "d1").await.unwrap(), 2);
        // A row the insert could not write (here a receipt already stored) is not counted, and
        // the rest of its group is: the outcomes come from what was written.
        let mut third = vec![ballot(2, "d3"), ballot(1, "d3"), ballot(2, "d3")];
        third[1].receipt = "G1".into();
        assert_eq!(app.store.cast_ballots(&third).await.unwrap(), [Counted, LimitReached, Counted]);
        assert_eq!(app.store.ballots_in_period(voters[1], "d3").await.unwrap(), 0);
        assert_eq!(app.store.ballots_in_period(voters[2], "d3").await.unwrap(), 2);
        assert_eq!(app.store.ballots(edition).await.unwrap().len(), 8);
    }

    async fn a_voter_who_signed_out_can_no_longer_vote_with_the_old_cookie(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let edition = EditionId(2);
        let candidates = public_entries(&app, edition).await;
        let by = secretariat_id(&app).await;
        app.store.save_vote_settings(edition, &settings(candidates.clone(), Frequency::PerDay, 5), by, 0).await.unwrap();
        let token = kapok::auth::new_token();
        let session = NewVoterSession { token_hash: kapok::auth::token_hash(&token), csrf: "form-token".into(), expires_at: i64::MAX };
        app.store.open_voter_session(edition, "leaving@example.org", &session, 0).await.unwrap();
        // A client that keeps sending the cookie after signing out, as a copied cookie would.
        let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let post = |path: &str, fields: Vec<(&'static str, String)>| {
            no_redirects.post(app.url(path)).header("cookie", format!("kapok_voter={token}")).form(&fields).send()
        };
        let ballot = || vec![("csrf", "form-token".to_string()), ("choice", candidates[0].0.to_string())];
        assert_eq!(post("/vote/2/ballot", ballot()).await.unwrap().status(), StatusCode::CREATED);
        assert_eq!(post("/vote/2/signout", vec![]).await.unwrap().status(), StatusCode::SEE_OTHER);
        assert_eq!(post("/vote/2/ballot", ballot()).await.unwrap().status(), StatusCode::FORBIDDEN);
        assert_eq!(ballot_count(&app, edition).await, 1);
    }
}
