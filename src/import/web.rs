//! Fetches a web page by its address, with a timeout and a size limit, and keeps its article.

use std::time::Duration;

use thiserror::Error;
use ureq::ResponseExt;

use super::{
    FileKind, ImportError, Imported, article_from_html, kind_from_content, text_from_file_bytes,
};

/// How long a fetch may take, how large a page may be, and how many redirects are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole exchange, redirects and body included.
    pub timeout: Duration,
    /// The page's size once decompressed; a news page is well under a megabyte.
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_bytes: 8 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// Why a page could not be fetched, each with what the person can do about it.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("“{url}” is not a web address Dars can fetch: it must start with http:// or https://.")]
    BadUrl { url: String },
    #[error("The server {host} was not found: check the address and the internet connection.")]
    HostNotFound { host: String },
    #[error("{host} refused the connection: the site may be down, or the address may be wrong.")]
    Refused { host: String },
    #[error("{url} did not answer within {}: try again later.", duration_label(*.waited))]
    Timeout { url: String, waited: Duration },
    #[error("{url} answered {code}: {}", status_advice(*.code))]
    Status { url: String, code: u16 },
    #[error(
        "{url} redirects too many times (more than {max}): open the page in a browser and copy its final address."
    )]
    TooManyRedirects { url: String, max: u32 },
    #[error("{url} is larger than {}: Dars imports articles, not whole sites or files.", size_label(*.max_bytes))]
    TooLarge { url: String, max_bytes: u64 },
    #[error("{url} is not a web page ({content_type}): Dars imports HTML pages and plain text.")]
    NotHtml { url: String, content_type: String },
    #[error("A secure connection to {host} could not be made ({detail}).")]
    Tls { host: String, detail: String },
    #[error("{url} could not be fetched: {detail}.")]
    Network { url: String, detail: String },
}

fn duration_label(waited: Duration) -> String {
    match waited.as_secs() {
        0 => format!("{} ms", waited.as_millis()),
        1 => "1 second".into(),
        n => format!("{n} seconds"),
    }
}

fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn status_advice(code: u16) -> &'static str {
    match code {
        404 | 410 => "the page does not exist (any more); check the address",
        401 | 403 => {
            "the site does not let Dars read this page; copy the article's text and paste it instead"
        }
        429 => "the site asks for fewer requests; try again later",
        500..=599 => "the server failed; try again later",
        _ => "the site did not send the page",
    }
}

/// A page as the server sent it, after redirects.
struct Page {
    final_url: String,
    mime_type: Option<String>,
    charset: Option<String>,
    bytes: Vec<u8>,
}

/// Fetches a page and imports its article (a plain-text answer is imported as a text). An
/// address without a scheme, as people often type one, is taken as https.
///
/// # Errors
/// Every way a fetch fails (see [`FetchError`]), and every way the page's text can (see
/// [`ImportError`]).
pub fn import_url(url: &str, options: &FetchOptions) -> Result<Imported, ImportError> {
    let url = with_scheme(url.trim());
    let page = fetch(&url, options)?;
    let name = page.final_url.as_str();
    let declared = page.charset.as_deref();
    match page.mime_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => {
            article_from_html(name, &page.bytes, declared, Some(name))
        }
        Some("text/plain") => text_from_file_bytes(name, &page.bytes),
        Some(other) => Err(FetchError::NotHtml {
            url: url.clone(),
            content_type: other.to_owned(),
        }
        .into()),
        None if kind_from_content(&page.bytes) == Some(FileKind::Html) => {
            article_from_html(name, &page.bytes, declared, Some(name))
        }
        None => Err(FetchError::NotHtml {
            url: url.clone(),
            content_type: "no content type given".into(),
        }
        .into()),
    }
}

fn with_scheme(url: &str) -> String {
    if url.contains("://") {
        url.to_owned()
    } else {
        format!("https://{url}")
    }
}

fn fetch(url: &str, options: &FetchOptions) -> Result<Page, FetchError> {
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|_| FetchError::BadUrl { url: url.into() })?;
    let host = match (uri.scheme_str(), uri.host()) {
        (Some("http" | "https"), Some(host)) => host.to_owned(),
        _ => return Err(FetchError::BadUrl { url: url.into() }),
    };
    let explain = |e: ureq::Error| explain(e, url, &host, options);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!(
            "Dars/",
            env!("CARGO_PKG_VERSION"),
            " (Arabic reader)"
        ))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
        .call()
        .map_err(explain)?;
    let code = response.status().as_u16();
    if !response.status().is_success() {
        return Err(FetchError::Status {
            url: url.into(),
            code,
        });
    }
    let final_url = response.get_uri().to_string();
    let body = response.body_mut();
    let mime_type = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_owned);
    let bytes = body
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(explain)?;
    Ok(Page {
        final_url,
        mime_type,
        charset,
        bytes,
    })
}

/// The sentence for each way ureq fails.
fn explain(error: ureq::Error, url: &str, host: &str, options: &FetchOptions) -> FetchError {
    let url = url.to_owned();
    let host = host.to_owned();
    let timeout = || FetchError::Timeout {
        url: url.clone(),
        waited: options.timeout,
    };
    match error {
        ureq::Error::Timeout(_) => timeout(),
        ureq::Error::HostNotFound => FetchError::HostNotFound { host },
        ureq::Error::ConnectionFailed => FetchError::Refused { host },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            max_bytes: options.max_bytes,
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url,
            max: options.max_redirects,
        },
        ureq::Error::BadUri(_) => FetchError::BadUrl { url },
        ureq::Error::StatusCode(code) => FetchError::Status { url, code },
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => FetchError::Refused { host },
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => timeout(),
            _ => FetchError::Network {
                url,
                detail: io.to_string(),
            },
        },
        tls @ (ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_)) => {
            FetchError::Tls {
                host,
                detail: tls.to_string(),
            }
        }
        other => FetchError::Network {
            url,
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_sentence() {
        let options = FetchOptions::default();
        let explained =
            |e| explain(e, "https://news.example/a", "news.example", &options).to_string();
        assert_eq!(
            explained(ureq::Error::HostNotFound),
            "The server news.example was not found: check the address and the internet connection."
        );
        assert_eq!(
            explained(ureq::Error::Timeout(ureq::Timeout::Global)),
            "https://news.example/a did not answer within 20 seconds: try again later."
        );
        assert_eq!(
            explained(ureq::Error::BodyExceedsLimit(1)),
            "https://news.example/a is larger than 8 MB: Dars imports articles, not whole sites or files."
        );
        assert!(
            explained(ureq::Error::Tls("bad certificate"))
                .starts_with("A secure connection to news.example")
        );
    }

    #[test]
    fn an_address_without_a_scheme_is_taken_as_https() {
        assert_eq!(with_scheme("news.example/a"), "https://news.example/a");
        assert_eq!(
            with_scheme("http://news.example/a"),
            "http://news.example/a"
        );
        assert_eq!(duration_label(Duration::from_millis(300)), "300 ms");
        assert_eq!(size_label(64 * 1024), "64 KB");
    }
}
