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
        app.store
            .create_user(&kapok::storage::NewUser {
                email: "known@test.example".into(),
                display_name: "Known".into(),
                password_hash: kapok::auth::hash_password(TEST_PASSWORD),
                locale: "en".into(),
                roles: vec![Role::Applicant],
            })
            .await
            .unwrap();
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
