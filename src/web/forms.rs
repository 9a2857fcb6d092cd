//! Protection of form posts against cross-site request forgery, and field errors.
//!
//! A post must come from this site (its `Origin`, when the browser sends one, names our host)
//! and carry a token an attacker's page cannot read: the session's token once signed in, or,
//! for the forms of signed-out visitors (sign in, register, password reset), a token that must
//! match the `kapok_csrf` cookie set when the form was shown.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use super::chrome::{Session, cookie};
use super::error::PageError;
use crate::auth;
use crate::web::chrome::Lang;

pub const FORM_COOKIE: &str = "kapok_csrf";
const FORM_COOKIE_SECONDS: i64 = 60 * 60;

pub fn cookie_header(name: &str, value: &str, max_age: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax"))
        .expect("cookie values are URL-safe base64")
}

/// The token for a form shown to a signed-out visitor, and the cookie to set when it is new.
pub fn visitor_token(headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookie(headers, FORM_COOKIE).filter(|token| token.len() == 43) {
        Some(token) => (token.to_string(), None),
        None => {
            let token = auth::new_token();
            let cookie = cookie_header(FORM_COOKIE, &token, FORM_COOKIE_SECONDS);
            (token, Some(cookie))
        }
    }
}

/// Adds the form cookie to a response, when one was made.
pub fn with_cookie(mut response: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// Whether a post comes from this site: its Origin, when sent, names our host.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    origin.split_once("://").is_some_and(|(_, rest)| rest == host)
}

/// Checks a signed-out visitor's post.
pub fn check_visitor_post(lang: Lang, headers: &HeaderMap, token: &str) -> Result<(), PageError> {
    let matches = cookie(headers, FORM_COOKIE).is_some_and(|cookie| auth::same_secret(cookie, token));
    if same_origin(headers) && matches { Ok(()) } else { Err(forged(lang)) }
}

/// Checks a signed-in user's post.
pub fn check_session_post(lang: Lang, headers: &HeaderMap, session: &Session, token: &str) -> Result<(), PageError> {
    if same_origin(headers) && auth::same_secret(&session.csrf_token, token) { Ok(()) } else { Err(forged(lang)) }
}

fn forged(lang: Lang) -> PageError {
    PageError::forbidden(lang, crate::i18n::Tr::new(lang.0).t("error-form-expired"))
}

/// The fields of a signed-in user's form post, read strictly (text that is not UTF-8 is refused;
/// a repeated name keeps every value), once its origin and the session's CSRF token are checked.
pub struct PostedFields(std::collections::BTreeMap<String, Vec<String>>);

impl PostedFields {
    pub fn read(lang: Lang, headers: &HeaderMap, session: &Session, body: &[u8]) -> Result<Self, PageError> {
        let fields = parse_form(body)
            .map_err(|_| PageError::bad_request(lang, crate::i18n::Tr::new(lang.0).t("error-not-utf8")))?;
        let posted = PostedFields(fields);
        check_session_post(lang, headers, session, &posted.one("csrf"))?;
        Ok(posted)
    }

    /// The first value of a field, trimmed; "" when it was not sent.
    pub fn one(&self, name: &str) -> String {
        self.0.get(name).and_then(|values| values.first()).map(|v| v.trim().to_string()).unwrap_or_default()
    }

    /// Every value of a field, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.get(name).cloned().unwrap_or_default()
    }

    pub fn number(&self, name: &str) -> Option<i64> {
        self.one(name).parse().ok()
    }

    /// Whether the form's confirmation box (`confirm=yes`) was ticked.
    pub fn confirmed(&self) -> bool {
        self.one("confirm") == "yes"
    }

    /// Every field whose name starts with `prefix`, with the rest of its name and its first value.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, String)> + 'a {
        self.0.iter().filter_map(move |(name, values)| {
            let rest = name.strip_prefix(prefix)?;
            Some((rest, values.first().map(|v| v.trim().to_string()).unwrap_or_default()))
        })
    }
}

/// Problems with the fields of a submitted form, shown together above the form, each linked
/// to its field.
#[derive(Debug, Default)]
pub struct FieldErrors(pub Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a field has a problem, for `aria-invalid`.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| *f == field)
    }
}

/// A form body that is not UTF-8 text (or has a broken escape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8;

/// Reads an `application/x-www-form-urlencoded` body, refusing text that is not UTF-8 (rather
/// than replacing it, which would save something the user never wrote). Values by name, in
/// the order sent.
pub fn parse_form(body: &[u8]) -> Result<std::collections::BTreeMap<String, Vec<String>>, NotUtf8> {
    let decode = |part: &[u8]| {
        let mut bytes = Vec::with_capacity(part.len());
        decode_into(part, &mut bytes)?;
        String::from_utf8(bytes).map_err(|_| NotUtf8)
    };
    let mut form: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
    for (name, value) in form_pairs(body) {
        form.entry(decode(name)?).or_default().push(decode(value)?);
    }
    Ok(form)
}

/// Whether `parse_form` would read a body, without building its fields (one buffer for all).
pub fn check_form(body: &[u8]) -> Result<(), NotUtf8> {
    let mut bytes = Vec::new();
    for (name, value) in form_pairs(body) {
        for part in [name, value] {
            bytes.clear();
            decode_into(part, &mut bytes)?;
            std::str::from_utf8(&bytes).map_err(|_| NotUtf8)?;
        }
    }
    Ok(())
}

/// The (name, value) pairs of a form body, still encoded.
fn form_pairs(body: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    body.split(|b| *b == b'&').filter(|p| !p.is_empty()).map(|pair| match pair.iter().position(|b| *b == b'=') {
        Some(at) => (&pair[..at], &pair[at + 1..]),
        None => (pair, &[][..]),
    })
}

/// Appends the bytes a form-encoded part stands for (`+` a space, `%XX` a byte).
fn decode_into(part: &[u8], bytes: &mut Vec<u8>) -> Result<(), NotUtf8> {
    let mut i = 0;
    while i < part.len() {
        match part[i] {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = part.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit)).ok_or(NotUtf8)?;
                let hex = std::str::from_utf8(hex).map_err(|_| NotUtf8)?;
                bytes.push(u8::from_str_radix(hex, 16).map_err(|_| NotUtf8)?);
                i += 2;
            }
            byte => bytes.push(byte),
        }
        i += 1;
    }
    Ok(())
}

/// The most a form post may carry.
pub const FORM_LIMIT: usize = 2 * 1024 * 1024;

/// Middleware: a form post whose text is not UTF-8 is refused with a message in the user's
/// language before any handler sees it (form decoders would otherwise replace the bad bytes
/// and save text nobody wrote).
pub async fn refuse_broken_forms(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use axum::response::IntoResponse;
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let lang = Lang(super::chrome::lang_of(&parts));
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return PageError::too_large(lang).into_response();
    };
    if check_form(&bytes).is_err() {
        return PageError::bad_request(lang, crate::i18n::Tr::new(lang.0).t("error-not-utf8")).into_response();
    }
    next.run(axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::{check_form, parse_form};

    #[test]
    fn forms_decode_like_browsers_send_them_and_refuse_broken_text() {
        let form = parse_form(b"a=1&b=caf%C3%A9+cr%C3%A8me&a=2&empty=&flag").unwrap();
        assert_eq!(form["a"], ["1", "2"]);
        assert_eq!(form["b"], ["café crème"]);
        assert_eq!(form["empty"], [""]);
        assert_eq!(form["flag"], [""]);
        assert_eq!(parse_form(b"100%25=ok").unwrap()["100%"], ["ok"]);
        assert!(parse_form(b"a=%FF%FE").is_err(), "not UTF-8 once decoded");
        assert!(parse_form(b"a=\xff").is_err(), "raw bytes that are not UTF-8");
        assert!(parse_form(b"a=%zz").is_err(), "a broken escape");
        assert!(parse_form(b"a=%4").is_err(), "a cut escape");
        assert!(parse_form(b"a=%+1").is_err(), "a sign is not a hex digit");
    }

    #[test]
    fn the_check_refuses_exactly_what_the_parser_refuses() {
        for body in [
            &b"a=1&b=caf%C3%A9+cr%C3%A8me&a=2&empty=&flag"[..],
            b"100%25=ok",
            b"%E4%BD%A0=%E5%A5%BD&&x",
            b"a=%FF%FE",
            b"a=\xff",
            b"\xff=a",
            b"a=%zz",
            b"a=%4",
            b"a=%+1",
            b"a=%C3&b=%A9",
            b"",
        ] {
            assert_eq!(check_form(body).is_ok(), parse_form(body).is_ok(), "{:?}", String::from_utf8_lossy(body));
        }
    }
}
