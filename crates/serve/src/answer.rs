//! A query's answer as it is written: small answers whole (with their length, an `ETag`, a
//! status that can still say what went wrong), big ones streamed in chunks through a bounded
//! channel, so that a result's size costs the server no memory beyond a few chunks. An answer
//! over the size limit is stopped: before streaming began with 507, after it by breaking off
//! the body (the client sees an incomplete chunked answer, never a silently cut one).

use super::lanes::Job;
use super::ApiError;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::io::Write;
use tokio::sync::mpsc;

/// Bytes held before an answer is streamed.
const WHOLE: usize = 256 << 10;
/// Bytes per streamed chunk.
const CHUNK: usize = 64 << 10;
/// Chunks in flight between the query's thread and the connection.
const IN_FLIGHT: usize = 8;

/// What a query answers.
pub enum Answer {
    Whole {
        media: &'static str,
        body: Vec<u8>,
    },
    Stream {
        media: &'static str,
        first: Vec<u8>,
        /// Chunks, then `None` for the end; a channel closed before it is a broken answer.
        rest: mpsc::Receiver<Option<Bytes>>,
    },
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let (media, mut response) = match self {
            Self::Whole { media, body } => (media, (StatusCode::OK, body).into_response()),
            Self::Stream { media, first, rest } => {
                let head = futures_util::stream::once(async move { Ok(Bytes::from(first)) });
                let body = Body::from_stream(futures_util::StreamExt::chain(head, tail(rest)));
                (media, (StatusCode::OK, body).into_response())
            }
        };
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
        response
    }
}

/// The chunks after the first: an error when the channel closes before its end mark, so that
/// hyper breaks the answer off instead of ending it as if it were whole.
fn tail(
    mut rest: mpsc::Receiver<Option<Bytes>>,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> {
    let mut ended = false;
    futures_util::stream::poll_fn(move |cx| {
        if ended {
            return std::task::Poll::Ready(None);
        }
        rest.poll_recv(cx).map(|next| match next {
            Some(Some(chunk)) => Some(Ok(chunk)),
            Some(None) => {
                ended = true;
                None
            }
            None => {
                ended = true;
                Some(Err(std::io::Error::other(
                    "the answer broke off (time limit, size limit or an error)",
                )))
            }
        })
    })
}

/// Why the writer stopped (carried inside the `io::Error` the serialiser passes on).
#[derive(Debug, thiserror::Error)]
pub enum Stopped {
    #[error("the result is larger than the limit of {0} MiB: narrow the query (LIMIT), or take the dumps")]
    TooLarge(usize),
    #[error("the query was stopped")]
    Cancelled,
    #[error("the client went away")]
    Gone,
}

/// The error an answer's writing failed with, as the client should hear it.
pub fn write_error(e: std::io::Error) -> ApiError {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Stopped>())
    {
        Some(Stopped::TooLarge(_)) => ApiError::TooLarge(e.to_string()),
        Some(_) => ApiError::Internal(e.to_string()),
        None => ApiError::Internal(format!("serialising the results failed: {e}")),
    }
}

/// Writes an answer: whole while it is small, then as a stream.
pub struct Spill<'a> {
    job: &'a Job<Answer>,
    media: &'static str,
    buf: Vec<u8>,
    total: usize,
    max: usize,
    stream: Option<mpsc::Sender<Option<Bytes>>>,
}

impl<'a> Spill<'a> {
    pub fn new(job: &'a Job<Answer>, media: &'static str, max: usize) -> Self {
        Self {
            job,
            media,
            buf: Vec::new(),
            total: 0,
            max,
            stream: None,
        }
    }

    /// The answer is complete: sent whole, or the stream's last chunk.
    pub fn finish(mut self) {
        match self.stream.take() {
            None => self.job.reply(Ok(Answer::Whole {
                media: self.media,
                body: std::mem::take(&mut self.buf),
            })),
            Some(tx) => {
                let rest = Bytes::from(std::mem::take(&mut self.buf));
                if send(&tx, &self.job.token, Some(rest)).is_ok() {
                    let _ = send(&tx, &self.job.token, None);
                }
            }
        }
    }

    /// The answer failed: its status if nothing was sent yet, else a broken-off stream (the
    /// channel closes without its end mark).
    pub fn fail(mut self, e: ApiError) {
        match self.stream.take() {
            None => self.job.reply(Err(e)),
            Some(_) => tracing::info!("a streamed answer broke off: {e:?}"),
        }
    }

    fn start_stream(&mut self) {
        let (tx, rx) = mpsc::channel(IN_FLIGHT);
        let first = std::mem::take(&mut self.buf);
        super::memory::handed_over(first.capacity());
        self.job.reply(Ok(Answer::Stream {
            media: self.media,
            first,
            rest: rx,
        }));
        self.stream = Some(tx);
    }
}

impl Write for Spill<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.total += data.len();
        if self.total > self.max {
            return Err(std::io::Error::other(Stopped::TooLarge(self.max >> 20)));
        }
        self.buf.extend_from_slice(data);
        match &self.stream {
            None if self.buf.len() >= WHOLE => self.start_stream(),
            Some(tx) if self.buf.len() >= CHUNK => {
                let chunk = Bytes::from(std::mem::take(&mut self.buf));
                send(tx, &self.job.token, Some(chunk))?;
            }
            _ => {}
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Hands a chunk to the connection, waiting while the client reads, and giving up when the
/// query is stopped (time limit) or the client is gone.
fn send(
    tx: &mpsc::Sender<Option<Bytes>>,
    token: &oxigraph::sparql::CancellationToken,
    mut chunk: Option<Bytes>,
) -> std::io::Result<()> {
    let bytes = chunk.as_ref().map_or(0, Bytes::len);
    loop {
        match tx.try_send(chunk) {
            Ok(()) => {
                super::memory::handed_over(bytes);
                return Ok(());
            }
            Err(mpsc::error::TrySendError::Closed(_)) => {
                return Err(std::io::Error::other(Stopped::Gone))
            }
            Err(mpsc::error::TrySendError::Full(c)) => {
                if token.is_cancelled() {
                    return Err(std::io::Error::other(Stopped::Cancelled));
                }
                chunk = c;
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
    }
}
