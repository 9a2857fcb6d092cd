//! Signing in and out: sessions, CSRF protection, and what a signed-in user sees.

use kapok::domain::Role;
use reqwest::StatusCode;

use crate::harness::{TEST_PASSWORD, TestApp, both_engines, client, csrf_field, get};

both_engines! {
    async fn a_user_signs_in_sees_their_account_and_signs_out(engine) {
        let app = TestApp::with_fixture(engine).await.unwrap();
        let user = app.login_as(Role::Secretariat).await;
        let (status, account) = user.get("/account").await;
        assert_eq!(status, StatusCode::OK);
        assert!(account.contains("Test secretariat") && account.contains("Secretariat"), "{account}");
        let (_, home) = user.get("/").await;
        assert!(home.contains("Sign out") && !home.contains(">Sign in<"));
        let (_, chinese) = crate::harness::get_in(&user.client, "zh", &app.url("/account")).await;
        assert!(chinese.contains("秘书处"), "role names are translated");

        // Signing out needs the session's token.
        let refused = user.post_form("/logout", &[("csrf", "not-the-token")]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert_eq!(user.get("/account").await.0, StatusCode::OK, "still signed in");
        let done = user.post_form("/logout", &[("csrf", &user.csrf)]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let response = user.client.get(app.url("/account")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/login?next=/account");
    }

    async fn wrong_passwords_and_unknown_accounts_get_the_same_answer(engine) {
        let app = TestApp::start(engine).await.unwrap();
        confirmed_applicant(&app, "known@test.example", "Known", "en").await;
        assert!(app.sign_in("known@test.example", TEST_PASSWORD).await.is_ok());
        assert!(app.sign_in(" Known@Test.example ", TEST_PASSWORD).await.is_ok(), "e-mail is trimmed and case-insensitive");
        for (email, password) in [("known@test.example", "wrong"), ("nobody@test.example", TEST_PASSWORD)] {
            assert_eq!(app.sign_in(email, password).await.err(), Some(StatusCode::UNAUTHORIZED));
        }
        let client = client();
        let (_, form) = get(&client, &app.url("/login")).await;
        let token = csrf_field(&form).unwrap();
        let response = client
            .post(app.url("/login"))
            .form(&[("email", "nobody@test.example"), ("password", "x"), ("csrf", &token)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().get_all("set-cookie").iter().all(|c| !c.to_str().unwrap().starts_with("kapok_session=")));
        let html = response.text().await.unwrap();
        assert!(html.contains("The e-mail or the password is not right.") && html.contains("nobody@test.example"));
    }

    async fn sign_in_forms_from_elsewhere_are_refused(engine) {
        let app = TestApp::start(engine).await.unwrap();
        app.login_as(Role::Jury).await;
        let client = client();
        // No CSRF cookie/field pair: a form posted from another site.
        let response = client
            .post(app.url("/login"))
            .form(&[("email", "a@b.c"), ("password", "x"), ("csrf", "guess")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.text().await.unwrap().contains("The form has expired or did not come from this site."));
        // The right token but another site's Origin.
        let (_, form) = get(&client, &app.url("/login")).await;
        let token = csrf_field(&form).unwrap();
        let response = client
            .post(app.url("/login"))
            .header("origin", "https://evil.example")
            .form(&[("email", "a@b.c"), ("password", "x"), ("csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        // A malformed form is a clear 400, not a 500.
        let response = client.post(app.url("/login")).body("%%%").header("content-type", "application/x-www-form-urlencoded").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }

    async fn session_cookies_are_http_only_and_expire(engine) {
        let app = TestApp::start(engine).await.unwrap();
        app.login_as(Role::TechnicalCommittee).await;
        let client = client();
        let email = "expiry@test.example";
        app.store
            .create_user(&kapok::storage::NewUser {
                email: email.into(),
                display_name: "Expiry".into(),
                password_hash: kapok::auth::hash_password(TEST_PASSWORD),
                locale: "en".into(),
                roles: vec![],
                verified: true,
            })
            .await
            .unwrap();
        let (_, form) = get(&client, &app.url("/login")).await;
        let token = csrf_field(&form).unwrap();
        let response = client
            .post(app.url("/login"))
            .form(&[("email", email), ("password", TEST_PASSWORD), ("csrf", token.as_str()), ("next", "//evil.example")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["location"], "/", "sign-in never redirects off-site");
        let session_cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|c| c.to_str().unwrap().to_string())
            .find(|c| c.starts_with("kapok_session="))
            .unwrap();
        assert!(session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"), "{session_cookie}");
        let token = session_cookie.trim_start_matches("kapok_session=").split(';').next().unwrap();
        let hash = kapok::auth::token_hash(token);
        let now = jiff::Timestamp::now().as_second();
        assert!(app.store.session(&hash, now).await.unwrap().is_some());
        let after_expiry = now + kapok::web::pages::account::SESSION_SECONDS + 1;
        assert!(app.store.session(&hash, after_expiry).await.unwrap().is_none(), "an expired session signs nobody in");
        assert!(app.store.session(token, now).await.unwrap().is_none(), "the raw token is not what is stored");
    }
}

/// Fills and posts the registration form; the page that comes back.
async fn register(
    app: &TestApp,
    client: &reqwest::Client,
    lang: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let (_, form) = crate::harness::get_in(client, lang, &app.url("/register")).await;
    let token = csrf_field(&form).unwrap();
    let mut fields = fields.to_vec();
    fields.push(("csrf", &token));
    let response =
        client.post(app.url("/register")).header("accept-language", lang).form(&fields).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// A confirmed applicant's account with the test password, made straight in the store.
async fn confirmed_applicant(app: &TestApp, email: &str, name: &str, locale: &str) {
    let user = kapok::storage::NewUser {
        email: email.into(),
        display_name: name.into(),
        password_hash: kapok::auth::hash_password(TEST_PASSWORD),
        locale: locale.into(),
        roles: vec![Role::Applicant],
        verified: true,
    };
    app.store.create_user(&user).await.unwrap();
}

fn link_in(body: &str) -> String {
    let start = body.find("http://").expect("the mail has a link");
    body[start..].split_whitespace().next().unwrap().to_string()
}

both_engines! {
    async fn a_new_applicant_registers_confirms_the_address_and_signs_in(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        let browser = client();
        let fields = [("name", "Ana Pérez"), ("email", " Ana.Perez@Bogota.example "), ("password", TEST_PASSWORD), ("password_again", TEST_PASSWORD)];
        let (status, page) = register(&app, &browser, "en", &fields).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("We sent a message to ana.perez@bogota.example."));
        // Not before the address is confirmed.
        assert_eq!(app.sign_in("ana.perez@bogota.example", TEST_PASSWORD).await.err(), Some(StatusCode::FORBIDDEN));

        let mail = app.mail().wait_for("ana.perez@bogota.example", "Confirm your e-mail address").await;
        assert!(mail.body.starts_with("Hello Ana Pérez,"), "{}", mail.body);
        let link = link_in(&mail.body);
        assert!(link.starts_with(&app.url("/verify?token=")), "{link}");
        let (status, confirmed) = get(&browser, &link).await;
        assert_eq!(status, StatusCode::OK);
        assert!(confirmed.contains("Your e-mail address is confirmed."));
        let (status, again) = get(&browser, &link).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "a link works once");
        assert!(again.contains("This link is not valid any more"));

        let user = app.sign_in("ana.perez@bogota.example", TEST_PASSWORD).await.expect("confirmed accounts sign in");
        let (_, account) = user.get("/account").await;
        assert!(account.contains("Applicant"), "a new account applies for its city");
    }

    async fn mail_is_written_in_the_users_language(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        let fields = [("name", "李华"), ("email", "li@gz.example"), ("password", TEST_PASSWORD), ("password_again", TEST_PASSWORD)];
        let (status, page) = register(&app, &client(), "zh-CN", &fields).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("请查收邮件"));
        let mail = app.mail().wait_for("li@gz.example", "").await;
        assert_eq!(mail.subject, "确认您的电子邮箱");
        assert!(mail.body.starts_with("李华，您好："), "{}", mail.body);
    }

    async fn an_unconfirmed_account_gets_a_new_link_and_nobody_learns_who_has_one(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        let fields = [("name", "Ana"), ("email", "ana@city.example"), ("password", TEST_PASSWORD), ("password_again", TEST_PASSWORD)];
        register(&app, &client(), "en", &fields).await;
        app.mail().wait_for("ana@city.example", "Confirm").await;
        confirmed_applicant(&app, "done@city.example", "Done", "en").await;
        // The form to ask again is on the page of a link that no longer works.
        let browser = client();
        let (status, form) = get(&browser, &app.url("/verify?token=not-a-token")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let token = csrf_field(&form).unwrap();
        for address in ["ana@city.example", "nobody@city.example", "done@city.example"] {
            let page = browser.post(app.url("/verify/resend")).form(&[("email", address), ("csrf", token.as_str())]).send().await.unwrap();
            assert_eq!(page.status(), StatusCode::OK);
            assert!(page.text().await.unwrap().contains("still waiting for confirmation, a new link"), "the same answer for {address}");
        }
        let forged = browser.post(app.url("/verify/resend")).form(&[("email", "ana@city.example"), ("csrf", "forged")]).send().await.unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let mut links = Vec::new();
        for _ in 0..200 {
            links = app.mail().received().iter().filter(|m| m.to == ["ana@city.example"]).map(|m| link_in(&m.body)).collect();
            if links.len() == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        assert_eq!(links.len(), 2, "a second link, and only one for the forged post");
        let (status, confirmed) = get(&browser, &links[1]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(confirmed.contains("Your e-mail address is confirmed."));
        let others = app.mail().received().into_iter().filter(|m| m.to != ["ana@city.example"]).count();
        assert_eq!(others, 0, "no mail to an unknown address, nor a new link to a confirmed account");
    }

    async fn registering_a_taken_address_reveals_nothing(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        let first = [("name", "Ana"), ("email", "ana@city.example"), ("password", TEST_PASSWORD), ("password_again", TEST_PASSWORD)];
        let (_, page_one) = register(&app, &client(), "en", &first).await;
        app.mail().wait_for("ana@city.example", "Confirm").await;
        let second = [("name", "Mallory"), ("email", "ana@city.example"), ("password", "another long password"), ("password_again", "another long password")];
        let (status, page_two) = register(&app, &client(), "en", &second).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page_one.split("<main").nth(1), page_two.split("<main").nth(1), "the same answer for a taken address");
        let note = app.mail().wait_for("ana@city.example", "Someone tried to register").await;
        assert!(note.body.contains("/password/forgot"));
        let account = app.store.credentials("ana@city.example").await.unwrap().unwrap();
        assert_eq!(account.user.display_name, "Ana", "the existing account is untouched");
        assert!(kapok::auth::verify_password(TEST_PASSWORD, &account.password_hash));
    }

    async fn a_bad_registration_lists_every_problem_and_changes_nothing(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        let fields = [("name", " "), ("email", "not-an-address"), ("password", "short"), ("password_again", "other")];
        let (status, page) = register(&app, &client(), "fr", &fields).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        for message in ["Veuillez indiquer votre nom", "n’est pas valide", "au moins 10 caractères", "ne sont pas identiques"] {
            assert!(page.contains(message), "missing {message:?}");
        }
        assert!(page.contains(r##"href="#email""##) && page.contains(r#"aria-invalid="true""#), "each problem links to its field");
        let same = [("name", "Ana"), ("email", "ana@city.example"), ("password", "ana@city.example"), ("password_again", "ana@city.example")];
        let (status, page) = register(&app, &client(), "en", &same).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains("must not be your e-mail address"));
        assert!(app.store.credentials("ana@city.example").await.unwrap().is_none());
        assert_eq!(app.store.outbox(kapok::storage::PageRequest::new(0, 10)).await.unwrap().total, 0, "no mail queued");
        // Without the form's cookie, a post is refused.
        let response = client()
            .post(app.url("/register"))
            .form(&[("name", "A"), ("email", "a@b.example"), ("password", TEST_PASSWORD), ("password_again", TEST_PASSWORD), ("csrf", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }

    async fn a_forgotten_password_is_replaced_through_a_mailed_link(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        let email = "reset@city.example";
        confirmed_applicant(&app, email, "Reset", "es").await;
        let elsewhere = app.sign_in(email, TEST_PASSWORD).await.unwrap();
        let browser = client();
        let (_, form) = get(&browser, &app.url("/password/forgot")).await;
        let token = csrf_field(&form).unwrap();
        for address in [email, "nobody@city.example"] {
            let page = browser.post(app.url("/password/forgot")).form(&[("email", address), ("csrf", token.as_str())]).send().await.unwrap();
            assert_eq!(page.status(), StatusCode::OK);
            assert!(page.text().await.unwrap().contains("If this address has an account"), "the same answer for both");
        }
        let mail = app.mail().wait_for(email, "").await;
        assert_eq!(mail.subject, "Elegir una contraseña nueva", "in the account's language");
        let link = link_in(&mail.body);
        let (status, reset_form) = get(&browser, &link).await;
        assert_eq!(status, StatusCode::OK);
        let reset_token = link.split("token=").nth(1).unwrap().to_string();
        let csrf = csrf_field(&reset_form).unwrap();
        let post = |password: &'static str, again: &'static str| {
            let fields = [("token", reset_token.clone()), ("email", email.to_string()), ("password", password.into()), ("password_again", again.into()), ("csrf", csrf.clone())];
            browser.post(app.url("/password/reset")).form(&fields).send()
        };
        assert_eq!(post("a brand new password", "a different one").await.unwrap().status(), StatusCode::BAD_REQUEST);
        assert_eq!(post("a brand new password", "a brand new password").await.unwrap().status(), StatusCode::OK);
        assert_eq!(post("yet another password", "yet another password").await.unwrap().status(), StatusCode::BAD_REQUEST, "the link works once");
        // Every earlier session ended; only the new password works.
        assert_eq!(elsewhere.client.get(app.url("/account")).send().await.unwrap().status(), StatusCode::SEE_OTHER);
        assert!(app.sign_in(email, TEST_PASSWORD).await.is_err());
        assert!(app.sign_in(email, "a brand new password").await.is_ok());
        assert!(app.mail().received().iter().all(|m| m.to != ["nobody@city.example"]), "no mail to unknown addresses");
    }

    async fn repeated_failures_lock_an_account_and_look_the_same_for_unknown_ones(engine) {
        let app = TestApp::start(engine).await.unwrap();
        let user = app.login_as(Role::Jury).await;
        let email = {
            let (_, account) = user.get("/account").await;
            let start = account.find("jury-").unwrap();
            account[start..].split('<').next().unwrap().to_string()
        };
        for attempt in 1..=5 {
            let expected = if attempt < 5 { StatusCode::UNAUTHORIZED } else { StatusCode::TOO_MANY_REQUESTS };
            assert_eq!(app.sign_in(&email, "wrong password").await.err(), Some(expected), "attempt {attempt}");
        }
        assert_eq!(app.sign_in(&email, TEST_PASSWORD).await.err(), Some(StatusCode::TOO_MANY_REQUESTS), "locked even with the right password");
        for attempt in 1..=6 {
            let expected = if attempt <= 5 { StatusCode::UNAUTHORIZED } else { StatusCode::TOO_MANY_REQUESTS };
            assert_eq!(app.sign_in("nobody@test.example", "wrong").await.err(), Some(expected), "unknown address, attempt {attempt}");
        }
    }

    async fn too_many_sign_ins_from_one_address_are_slowed_down(engine) {
        let app = TestApp::start(engine).await.unwrap();
        let browser = client();
        let (_, form) = get(&browser, &app.url("/login")).await;
        let token = csrf_field(&form).unwrap();
        let mut last = None;
        for attempt in 0..31 {
            let email = format!("guess{attempt}@test.example");
            let response = browser.post(app.url("/login")).form(&[("email", email.as_str()), ("password", "x"), ("csrf", token.as_str())]).send().await.unwrap();
            last = Some((response.status(), response.headers().get("retry-after").cloned()));
        }
        let (status, retry_after) = last.unwrap();
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert!(retry_after.is_some(), "the answer says when to come back");
    }

    async fn mail_waits_out_a_mail_server_outage(engine) {
        let app = TestApp::start_with_mail(engine).await.unwrap();
        app.mail().stop();
        let fields = [("name", "Outage"), ("email", "outage@city.example"), ("password", TEST_PASSWORD), ("password_again", TEST_PASSWORD)];
        let (status, _) = register(&app, &client(), "en", &fields).await;
        assert_eq!(status, StatusCode::OK, "registering works while mail is down");
        // The worker tried, failed and scheduled a retry; the message is kept.
        let mut pending = Vec::new();
        for _ in 0..100 {
            pending = app.store.outbox(kapok::storage::PageRequest::new(0, 10)).await.unwrap().items;
            if pending.first().is_some_and(|m| m.attempts > 0) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(pending.len(), 1);
        assert!(pending[0].sent_at.is_none() && pending[0].last_error.is_some(), "{pending:?}");
        let secretariat = app.login_as(Role::Secretariat).await;
        let (_, outbox) = secretariat.get("/secretariat/outbox").await;
        assert!(outbox.contains("outage@city.example") && outbox.contains("not sent yet (1 attempts"), "{outbox}");

        // The server comes back; when the retry is due, the message goes out, once.
        app.mail().restart().await;
        let mailer = kapok::mail::Mailer::new(&app.mail().url(), "Kapok tests <kapok@test.example>").unwrap();
        let later = jiff::Timestamp::now().as_second() + 3600;
        assert_eq!(kapok::mail::deliver_due(&*app.store, &mailer, later).await.unwrap(), 1);
        assert_eq!(kapok::mail::deliver_due(&*app.store, &mailer, later).await.unwrap(), 0);
        let delivered = app.mail().wait_for("outage@city.example", "Confirm").await;
        assert!(delivered.body.contains("/verify?token="));
        let (_, outbox) = secretariat.get("/secretariat/outbox").await;
        assert!(outbox.contains("sent 20"), "{outbox}");
    }
}
