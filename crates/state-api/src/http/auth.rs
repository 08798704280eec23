//! OAuth 2 / OIDC endpoints: discovery, the login page with the demo citizens, the token
//! endpoint and userinfo. The page reflects request parameters only HTML-escaped.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use super::json;
use crate::error::Problem;
use crate::service::auth::{AuthorizeParams, TokenRequest};
use crate::service::id_token::{Jwks, ALGORITHM};
use crate::service::login::{valid_nonce, LoginRefusal, NONCE_COOKIE};
use crate::service::{random_token, Citizen};
use crate::state::AppState;
use crate::wire::{OAuthError, OpenIdConfiguration, TokenResponse, UserInfo};

fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.config().public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".:-[]".contains(&b))
        })
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// OpenID Connect discovery.
#[utoipa::path(get, path = "/.well-known/openid-configuration", tag = "login",
    responses((status = 200, description = "The OpenID Provider metadata", body = OpenIdConfiguration)))]
pub async fn openid_configuration(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let base = base_url(&state, &headers);
    let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    json(
        StatusCode::OK,
        &OpenIdConfiguration {
            issuer: base.clone(),
            authorization_endpoint: format!("{base}/oauth/authorize"),
            token_endpoint: format!("{base}/oauth/token"),
            userinfo_endpoint: Some(format!("{base}/oauth/userinfo")),
            revocation_endpoint: Some(format!("{base}/oauth/revoke")),
            jwks_uri: format!("{base}/.well-known/jwks.json"),
            response_types_supported: strings(&["code"]),
            grant_types_supported: strings(&["authorization_code", "refresh_token"]),
            code_challenge_methods_supported: strings(&["S256"]),
            token_endpoint_auth_methods_supported: strings(&["none"]),
            scopes_supported: strings(&["openid", "profile"]),
            subject_types_supported: strings(&["public"]),
            id_token_signing_alg_values_supported: strings(&[ALGORITHM]),
        },
    )
}

/// The public keys of the ID tokens (RFC 7517 JWK Set).
#[utoipa::path(get, path = "/.well-known/jwks.json", tag = "login",
    responses((status = 200, description = "The JWK Set", body = Jwks)))]
pub async fn jwks(State(state): State<AppState>) -> Response {
    let mut response = json(StatusCode::OK, &state.backend().id_tokens().jwks());
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("public, max-age=300"),
    );
    response
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a query parameter value (RFC 3986 unreserved characters stay).
fn percent(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn login_page(state: &AppState, p: &AuthorizeParams, csrf: &str, error: Option<&str>) -> String {
    let hidden = [
        ("response_type", p.response_type.as_str()),
        ("client_id", &p.client_id),
        ("redirect_uri", &p.redirect_uri),
        ("code_challenge", &p.code_challenge),
        ("code_challenge_method", &p.code_challenge_method),
        ("state", p.state.as_deref().unwrap_or("")),
        ("scope", p.scope.as_deref().unwrap_or("openid")),
        ("csrf_token", csrf),
    ]
    .iter()
    .map(|(k, v)| format!(r#"<input type="hidden" name="{k}" value="{}">"#, escape(v)))
    .collect::<String>();
    let accounts = if state.config().demo {
        let items = state
            .config()
            .citizens
            .iter()
            .map(|c| {
                format!(
                    "<li><code>{}</code> / <code>{}</code> ({}, {})</li>",
                    escape(&c.username),
                    escape(&c.password),
                    escape(&c.display_name),
                    escape(&c.trust_level)
                )
            })
            .collect::<String>();
        format!("<h2>Demo-Konten</h2><ul>{items}</ul>")
    } else {
        String::new()
    };
    let error = error
        .map(|e| format!(r#"<p role="alert" class="error">{}</p>"#, escape(e)))
        .unwrap_or_default();
    format!(
        r#"<!doctype html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Anmelden – ThüringenApp (Demo)</title></head><body>
<main><h1>Anmelden</h1><p>Demo-Anmeldung des Referenz-Servers (kein echtes BundID-Konto).</p>
{error}<form method="post" action="/oauth/authorize">{hidden}
<p><label for="username">Benutzername</label><br><input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Passwort</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Anmelden</button></p></form>
{accounts}</main></body></html>"#
    )
}

/// The headers of every page the login serves: no framing (clickjacking), no caching (a
/// shared device's back button or cache shows nothing of a login), nothing loaded.
fn login_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        axum::http::HeaderValue::from_static(
            "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    headers.insert(
        header::X_FRAME_OPTIONS,
        axum::http::HeaderValue::from_static("DENY"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        axum::http::HeaderValue::from_static("no-referrer"),
    );
    response
}

fn refused_page(why: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Anfrage abgelehnt</title></head>\
         <body><h1>Anmeldung nicht möglich</h1><p>{}</p></body></html>",
        escape(why)
    );
    login_headers((StatusCode::BAD_REQUEST, Html(body)).into_response())
}

/// The login page (authorization endpoint). PKCE S256 is required.
#[utoipa::path(get, path = "/oauth/authorize", tag = "login", operation_id = "authorize_page",
    params(AuthorizeParams),
    responses(
        (status = 200, description = "HTML login page with its CSRF token; sets the browser's login cookie",
            content((String = "text/html"))),
        (status = 400, description = "Unknown client, redirect or missing PKCE: an HTML page saying so; a query that cannot be read (a parameter twice): a problem",
            content((String = "text/html"), (Problem = "application/problem+json"))),
    ))]
pub async fn authorize_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    if let Err(refusal) = state.backend().check_authorize(&params) {
        return refused_page(&refusal.0);
    }
    // One nonce per browser: a second login tab keeps the first one's form good.
    let nonce = login_nonce(&headers).unwrap_or_else(random_token);
    let csrf = state.backend().login_form_token(&nonce, &params);
    let mut response =
        login_headers(Html(login_page(&state, &params, &csrf, None)).into_response());
    let ttl = state.config().login_form_ttl.as_secs();
    let secure = state
        .config()
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    let cookie = format!(
        "{NONCE_COOKIE}={nonce}; Path=/oauth/authorize; HttpOnly; SameSite=Strict; Max-Age={ttl}{}",
        if secure { "; Secure" } else { "" }
    );
    if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The browser's login nonce from its `Cookie` header, if well-formed.
fn login_nonce(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == NONCE_COOKIE && valid_nonce(value))
        .map(|(_, value)| value.to_string())
}

/// "ab 10:45 Uhr (in 15 Minuten)": when a locked-out username may try again, in Berlin time.
fn try_again_at(now: i64, until: i64) -> String {
    let minutes = (until.saturating_sub(now) + 59_999) / 60_000;
    let clock = domain::calendar::format_instant(until)
        .and_then(|t| t.get(11..16).map(str::to_string))
        .unwrap_or_default();
    format!(
        "Zu viele fehlgeschlagene Anmeldeversuche für diesen Benutzernamen. Bitte versuchen Sie \
         es ab {clock} Uhr wieder (in {minutes} Minuten)."
    )
}

/// The login page again with an error, with status `status`.
fn login_again(
    state: &AppState,
    form: &LoginForm,
    status: StatusCode,
    error: &str,
    retry_after: Option<u64>,
) -> Response {
    let csrf = form.csrf_token.as_deref().unwrap_or_default();
    let page = login_page(state, &form.params, csrf, Some(error));
    let mut response = login_headers((status, Html(page)).into_response());
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, axum::http::HeaderValue::from(seconds));
    }
    response
}

/// The login form's fields.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(flatten)]
    pub params: AuthorizeParams,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
    /// The CSRF token of the page the form came from.
    #[serde(default)]
    pub csrf_token: Option<String>,
}

/// Logs a demo citizen in and redirects to the client with a code (303).
#[utoipa::path(post, path = "/oauth/authorize", tag = "login", operation_id = "authorize_login",
    request_body(content_type = "application/x-www-form-urlencoded", description = "The authorize parameters plus username, password and csrf_token"),
    responses((status = 303, description = "Redirect to redirect_uri with code and state",
            headers(("Location" = String, description = "redirect_uri with code and state"))),
        (status = 400, description = "The authorize parameters are refused, or the form's CSRF token (csrf_token, bound to the authorization and the browser's login cookie) is missing, wrong or expired: start the login again (an HTML page); a body that cannot be read (a problem)",
            content((String = "text/html"), (Problem = "application/problem+json"))),
        (status = 401, description = "Wrong credentials: the page again", content((String = "text/html"))),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 415, description = "Not a form (application/x-www-form-urlencoded)", body = Problem),
        (status = 422, description = "A form that cannot be read", body = Problem),
        (status = 429, description = "Too many failed passwords for this username: locked out for a while (Retry-After); the page says until when. Or too many requests (rate_limited, a problem)",
            content((String = "text/html"), (Problem = "application/problem+json")))))]
pub async fn authorize_login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, Problem> {
    let backend = state.backend();
    if let Err(refusal) = backend.check_authorize(&form.params) {
        return Ok(refused_page(&refusal.0));
    }
    let nonce = login_nonce(&headers);
    let checked = backend
        .check_login_attempt(
            form.csrf_token.as_deref(),
            nonce.as_deref(),
            &form.params,
            &form.username,
        )
        .await;
    let locked = |until: i64| {
        let now = backend.now();
        let seconds = u64::try_from((until.saturating_sub(now) + 999) / 1000).unwrap_or(1);
        login_again(
            &state,
            &form,
            StatusCode::TOO_MANY_REQUESTS,
            &try_again_at(now, until),
            Some(seconds),
        )
    };
    match checked {
        Ok(()) => {}
        Err(LoginRefusal::Form) => {
            return Ok(refused_page(
                "Diese Anmeldeseite ist abgelaufen oder wurde nicht in diesem Browser geöffnet. \
                 Bitte starten Sie die Anmeldung in der App neu.",
            ))
        }
        Err(LoginRefusal::Locked { until }) => return Ok(locked(until)),
        Err(LoginRefusal::Unavailable) => return Err(Problem::internal()),
    }
    let Some(citizen) = backend.login(&form.username, &form.password) else {
        if let Some(until) = backend.login_failed(&form.username).await {
            return Ok(locked(until));
        }
        return Ok(login_again(
            &state,
            &form,
            StatusCode::UNAUTHORIZED,
            "Benutzername oder Passwort falsch.",
            None,
        ));
    };
    backend.login_succeeded(&form.username).await;
    let code = backend.issue_code(&form.params, &citizen.subject).await?;
    let separator = if form.params.redirect_uri.contains('?') {
        '&'
    } else {
        '?'
    };
    let mut location = format!(
        "{}{separator}code={}",
        form.params.redirect_uri,
        percent(&code)
    );
    if let Some(st) = &form.params.state {
        location.push_str(&format!("&state={}", percent(st)));
    }
    Ok(login_headers(
        (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
    ))
}

/// Exchanges a code (with its PKCE verifier) or a refresh token for tokens. Refresh tokens
/// rotate: each can be used once.
#[utoipa::path(post, path = "/oauth/token", tag = "login",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "The tokens", body = TokenResponse),
        (status = 400, description = "Refused (RFC 6749 §5.2: invalid_grant, invalid_request, ...); a body that cannot be read (a problem)",
            content((OAuthError = "application/json"), (Problem = "application/problem+json"))),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 415, description = "Not a form (application/x-www-form-urlencoded)", body = Problem),
        (status = 422, description = "A form that cannot be read (grant_type missing)", body = Problem)))]
pub async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(request): Form<TokenRequest>,
) -> Result<Response, Problem> {
    let issuer = base_url(&state, &headers);
    let answer = state.backend().token(&request, &issuer).await?;
    let mut response = match answer {
        Ok(tokens) => json(StatusCode::OK, &tokens),
        Err(error) => json(StatusCode::BAD_REQUEST, &error),
    };
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// The revocation request (RFC 7009).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RevocationRequest {
    pub token: String,
    /// The public client the token was issued to; a token of another client is left alone.
    /// (`token_type_hint` may be sent and is not needed: a token is found by its hash.)
    #[serde(default)]
    pub client_id: Option<String>,
}

/// Revokes a token and the whole login it belongs to (RFC 7009); the app's logout and "delete
/// my data" call it. Always 200, also for an unknown token.
#[utoipa::path(post, path = "/oauth/revoke", tag = "login",
    request_body(content = RevocationRequest, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, description = "Revoked (or unknown)"),
        (status = 400, description = "The body unreadable", body = Problem),
        (status = 413, description = "The body is over the limit", body = Problem),
        (status = 415, description = "Not a form (application/x-www-form-urlencoded)", body = Problem),
        (status = 422, description = "A form that cannot be read (token missing)", body = Problem)))]
pub async fn revoke(
    State(state): State<AppState>,
    Form(request): Form<RevocationRequest>,
) -> Result<Response, Problem> {
    state
        .backend()
        .revoke(&request.token, request.client_id.as_deref())
        .await?;
    let mut response = StatusCode::OK.into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// The logged-in citizen's profile.
#[utoipa::path(get, path = "/oauth/userinfo", tag = "login", security(("bearer" = [])),
    responses((status = 200, description = "The citizen's profile", body = UserInfo),
        (status = 401, description = "No valid access token", body = Problem)))]
pub async fn userinfo(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Response, Problem> {
    let info = state.backend().user_info(&citizen)?;
    Ok(json(StatusCode::OK, &info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflected_text_is_escaped_and_values_encoded() {
        assert_eq!(
            escape(r#"<a href="x">'&"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;",
            "HTML escaped"
        );
        assert_eq!(
            percent("a b&c=d/é"),
            "a%20b%26c%3Dd%2F%C3%A9",
            "query value encoded"
        );
    }
}
