//! Attachments: files judged by their content and the edition's limits, kept in the object
//! store, listed in submitted versions, and downloadable only by those allowed.

use kapok::domain::{ApplicationId, Role};
use reqwest::StatusCode;

use crate::applications::complete_application;
use crate::harness::{both_engines, client};

/// A small PDF of `size` bytes (a real header; the rest padding).
fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.resize(size.max(bytes.len()), b' ');
    bytes
}

const MB: usize = 1024 * 1024;

/// The download links on a page.
fn downloads(html: &str, id: i64) -> Vec<String> {
    let prefix = format!("/applications/{id}/attachments/");
    html.split(&format!("href=\"{prefix}"))
        .skip(1)
        .map(|rest| format!("{prefix}{}", rest.split('"').next().unwrap()))
        .collect()
}

both_engines! {
    async fn files_are_attached_downloaded_and_kept_private(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        let upload = format!("/applications/{id}/attachments/upload");
        let sent = applicant.upload(&upload, "成果 report.pdf", &pdf(5000)).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let (_, page) = applicant.get(&format!("/applications/{id}/attachments")).await;
        assert!(page.contains("成果 report.pdf") && page.contains("5 KB"), "{page}");
        let links = downloads(&page, id);
        assert_eq!(links.len(), 1);

        let file = applicant.get_bytes(&links[0]).await;
        assert_eq!(file.status(), StatusCode::OK);
        assert_eq!(file.headers()["content-type"], "application/pdf");
        assert!(file.headers()["content-disposition"].to_str().unwrap().contains("UTF-8''%E6%88%90%E6%9E%9C%20report.pdf"));
        assert!(file.headers()["content-security-policy"].to_str().unwrap().starts_with("sandbox"));
        assert_eq!(file.bytes().await.unwrap().as_ref(), pdf(5000).as_slice());

        // Nobody else reads a draft's files: not another applicant, not the Secretariat yet,
        // not a visitor.
        let other = app.login_as(Role::Applicant).await;
        assert_eq!(other.get_bytes(&links[0]).await.status(), StatusCode::NOT_FOUND);
        let secretariat = app.login_as(Role::Secretariat).await;
        assert_eq!(secretariat.get_bytes(&links[0]).await.status(), StatusCode::NOT_FOUND);
        let visitor = client().get(app.url(&links[0])).send().await.unwrap();
        assert_eq!(visitor.status(), StatusCode::SEE_OTHER, "sent to sign in");
        // Another applicant cannot attach to it either.
        assert_eq!(other.upload(&upload, "x.pdf", &pdf(100)).await.status(), StatusCode::NOT_FOUND);

        // Once submitted, the version lists the file and the Secretariat may read it.
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        let (_, version) = secretariat.get(&format!("/applications/{id}/submissions/1")).await;
        assert!(version.contains("成果 report.pdf"), "{version}");
        assert_eq!(secretariat.get_bytes(&links[0]).await.status(), StatusCode::OK);
        assert_eq!(other.get_bytes(&links[0]).await.status(), StatusCode::NOT_FOUND);
    }

    async fn disguised_empty_and_oversized_files_are_refused_and_change_nothing(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        let upload = format!("/applications/{id}/attachments/upload");
        let refusals = [
            ("setup.pdf", b"MZ\x90\0\x03 an executable".to_vec(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "content is checked"),
            ("photo.png", b"<html><script>alert(1)</script></html>".to_vec(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "content is checked"),
            ("empty.pdf", Vec::new(), StatusCode::BAD_REQUEST, "The file is empty."),
            ("big.pdf", pdf(MB + 1), StatusCode::PAYLOAD_TOO_LARGE, "larger than 1 MB"),
        ];
        for (name, bytes, status, message) in refusals {
            let answer = applicant.upload(&upload, name, &bytes).await;
            assert_eq!(answer.status(), status, "{name}");
            let page = answer.text().await.unwrap();
            assert!(page.contains(message), "{name}: {page}");
        }
        // The per-application total: two files fit, the third would pass 2 MB.
        assert_eq!(applicant.upload(&upload, "a.pdf", &pdf(MB - 10)).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(applicant.upload(&upload, "b.pdf", &pdf(MB - 10)).await.status(), StatusCode::SEE_OTHER);
        let third = applicant.upload(&upload, "c.pdf", &pdf(100)).await;
        assert_eq!(third.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(third.text().await.unwrap().contains("would pass 2 MB"));
        let kept = app.store.attachments(ApplicationId(id)).await.unwrap();
        assert_eq!(kept.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["a.pdf", "b.pdf"]);

        // Removing one (confirmed) makes room again, and deletes the never-submitted file.
        let (_, page) = applicant.get(&format!("/applications/{id}/attachments")).await;
        let first = downloads(&page, id)[0].clone();
        let unconfirmed = applicant.post_form(&format!("{first}/remove"), &[("csrf", &applicant.csrf)]).await;
        assert_eq!(unconfirmed.status(), StatusCode::BAD_REQUEST);
        let removed = applicant.post_form(&format!("{first}/remove"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        assert_eq!(removed.status(), StatusCode::SEE_OTHER);
        assert!(app.files.get(kept[0].storage_key.as_deref().unwrap()).await.unwrap().is_none(), "the bytes are gone");
        assert_eq!(applicant.get_bytes(&first).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(applicant.upload(&upload, "c.pdf", &pdf(100)).await.status(), StatusCode::SEE_OTHER);
    }

    async fn forged_and_malformed_uploads_are_refused(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        let url = app.url(&format!("/applications/{id}/attachments/upload"));
        let wrong_token = reqwest::multipart::Form::new()
            .text("csrf", "forged")
            .part("file", reqwest::multipart::Part::bytes(pdf(100)).file_name("x.pdf"));
        let answer = applicant.client.post(&url).multipart(wrong_token).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::FORBIDDEN);
        let foreign = reqwest::multipart::Form::new()
            .text("csrf", applicant.csrf.clone())
            .part("file", reqwest::multipart::Part::bytes(pdf(100)).file_name("x.pdf"));
        let answer = applicant.client.post(&url).header("origin", "https://evil.example").multipart(foreign).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::FORBIDDEN);
        let not_multipart = applicant.client.post(&url).header("content-type", "multipart/form-data; boundary=x").body("garbage").send().await.unwrap();
        assert_eq!(not_multipart.status(), StatusCode::BAD_REQUEST);
        assert!(not_multipart.text().await.unwrap().contains("The upload could not be read"));
        let no_file = reqwest::multipart::Form::new().text("csrf", applicant.csrf.clone());
        let answer = applicant.client.post(&url).multipart(no_file).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        assert!(app.store.attachments(ApplicationId(id)).await.unwrap().is_empty());
    }

    async fn video_links_are_checked_and_versions_keep_what_was_sent(engine) {
        let (app, applicant, id, _, _) = complete_application(engine).await;
        let video = format!("/applications/{id}/attachments/video");
        let bad = applicant.post_form(&video, &[("csrf", &applicant.csrf), ("link", "javascript:alert(1)")]).await;
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        assert!(bad.text().await.unwrap().contains("starting with https://"));
        let good = applicant.post_form(&video, &[("csrf", &applicant.csrf), ("link", "https://vimeo.com/123")]).await;
        assert_eq!(good.status(), StatusCode::SEE_OTHER);
        applicant.upload(&format!("/applications/{id}/attachments/upload"), "plan.pdf", &pdf(2000)).await;
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;

        // Removing a submitted file keeps it for version 1; version 2 no longer lists it.
        let (_, page) = applicant.get(&format!("/applications/{id}/attachments")).await;
        assert!(page.contains(r#"href="https://vimeo.com/123" rel="noopener noreferrer nofollow""#), "{page}");
        let plan = downloads(&page, id).into_iter().next().unwrap();
        applicant.post_form(&format!("{plan}/remove"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        applicant.post_form(&format!("/applications/{id}/submit"), &[("csrf", &applicant.csrf), ("confirm", "yes")]).await;
        let secretariat = app.login_as(Role::Secretariat).await;
        let (_, first) = secretariat.get(&format!("/applications/{id}/submissions/1")).await;
        let (_, second) = secretariat.get(&format!("/applications/{id}/submissions/2")).await;
        assert!(first.contains("plan.pdf") && first.contains("vimeo.com/123"));
        assert!(!second.contains("plan.pdf") && second.contains("vimeo.com/123"));
        assert_eq!(secretariat.get_bytes(&plan).await.status(), StatusCode::OK, "version 1's file stays readable");
        let digests: Vec<_> = app.store.submissions(ApplicationId(id)).await.unwrap().into_iter().map(|s| s.digest).collect();
        assert_ne!(digests[0], digests[1], "the digest covers the attachments");
        let events = app.store.application_events(ApplicationId(id)).await.unwrap();
        assert!(events.iter().any(|e| e.kind == "detached" && e.detail == "plan.pdf"));
    }
}
