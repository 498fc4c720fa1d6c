//! HTTP as clients expect it, for every route: an `ETag` on each whole answer (a SHA-256 of
//! its body) with `304 Not Modified` for `If-None-Match`, caching headers, gzip or brotli by
//! `Accept-Encoding` (not for the dumps, which are gzip already), and a limit on request bodies.
//! `HEAD` is answered by every `GET` route (axum drops the body).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;

/// The largest request body (a query posted, a form): 1 MiB.
pub const MAX_REQUEST_BODY: usize = 1 << 20;
/// The largest answer given an `ETag` of its content: bigger ones are passed on as they are.
const MAX_TAGGED: usize = 64 << 20;

/// gzip and brotli for answers of 256 bytes and more, except what is compressed already.
pub fn compression() -> CompressionLayer<impl Predicate> {
    let predicate = SizeAbove::new(256)
        .and(NotForContentType::const_new("application/gzip"))
        .and(NotForContentType::GRPC)
        .and(NotForContentType::IMAGES);
    CompressionLayer::new()
        .gzip(true)
        .br(true)
        .compress_when(predicate)
}

/// Tags successful `GET`/`HEAD` answers with an `ETag` and answers `If-None-Match` with 304.
/// Answers that set their own `ETag` (the dumps) or a `Cache-Control` are left as they are.
pub async fn etag(request: Request, next: Next) -> Response {
    let conditional = (request.method() == Method::GET || request.method() == Method::HEAD)
        .then(|| request.headers().get(header::IF_NONE_MATCH).cloned());
    let response = next.run(request).await;
    let Some(if_none_match) = conditional else {
        return response;
    };
    if response.status() != StatusCode::OK || response.headers().contains_key(header::ETAG) {
        return response;
    }
    // Only whole bodies of known size are tagged: a streamed or very large answer passes as is.
    let size = axum::body::HttpBody::size_hint(response.body()).upper();
    if size.is_none_or(|n| n > MAX_TAGGED as u64) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_TAGGED).await else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "the answer could not be read\n",
        )
            .into_response();
    };
    // Weak: the same content may go out gzip, brotli or plain.
    let tag = format!("W/\"{:x}\"", Sha256::digest(&bytes));
    let matched = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, v);
    }
    parts
        .headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(
            "public, max-age=0, must-revalidate",
        ));
    if matched {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Reads a request's body within `limit` (whole, at most [`MAX_REQUEST_BODY`]) before the
/// route sees it: a client trickling its body holds nothing but its own connection, and is
/// answered 408 and closed when its time is up.
pub async fn body_deadline(limit: std::time::Duration, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(limit, axum::body::to_bytes(body, MAX_REQUEST_BODY)).await {
        Ok(Ok(bytes)) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Ok(Err(e)) => closing(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body could not be read whole (at most {MAX_REQUEST_BODY} bytes): {e}\n"),
        ),
        Err(_) => closing(
            StatusCode::REQUEST_TIMEOUT,
            format!("the request body did not arrive within {} s\n", limit.as_secs_f64()),
        ),
    }
}

fn closing(status: StatusCode, message: String) -> Response {
    let mut r = (status, message).into_response();
    r.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}
