//! Importing a web page by its address, against a server this test starts on 127.0.0.1 only.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use dars::import::{FetchError, FetchOptions, ImportError, import_url};

const NEWS_PAGE: &str = "tests/fixtures/import/news-page.html";
const HEADLINE: &str = "افتتاح أكبر محطة لتحلية مياه البحر في المنطقة الساحلية";

/// The longest the server lives, whatever happens to the test.
const SERVER_LIFETIME: Duration = Duration::from_secs(30);

/// What the server answers for one path.
#[derive(Clone)]
enum Reply {
    Page {
        status: &'static str,
        content_type: &'static str,
        body: Vec<u8>,
    },
    Redirect(&'static str),
    /// Reads the request, then says nothing for this long.
    Silent(Duration),
}

/// A tiny HTTP/1.1 server for the routes given; it stops when dropped or after
/// [`SERVER_LIFETIME`].
struct Server {
    base: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(routes: Vec<(&'static str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").ok();
        let base = listener
            .as_ref()
            .and_then(|l| l.local_addr().ok())
            .map(|a| format!("http://{a}"))
            .unwrap_or_default();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = listener.map(|listener| {
            std::thread::spawn(move || {
                listener.set_nonblocking(true).ok();
                let started = Instant::now();
                while !stopped.load(Ordering::Relaxed) && started.elapsed() < SERVER_LIFETIME {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let routes = routes.clone();
                            let stopped = Arc::clone(&stopped);
                            std::thread::spawn(move || answer(stream, &routes, &stopped));
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
        });
        Self { base, stop, thread }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

fn answer(stream: TcpStream, routes: &[(&'static str, Reply)], stopped: &AtomicBool) {
    stream.set_nonblocking(false).ok();
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok();
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let reply = routes
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, r)| r.clone());
    let mut stream = &stream;
    let (status, headers, body) = match reply {
        Some(Reply::Page {
            status,
            content_type,
            body,
        }) => (status, format!("Content-Type: {content_type}\r\n"), body),
        Some(Reply::Redirect(to)) => (
            "301 Moved Permanently",
            format!("Location: {to}\r\n"),
            Vec::new(),
        ),
        Some(Reply::Silent(wait)) => {
            let until = Instant::now() + wait;
            while Instant::now() < until && !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(10));
            }
            return;
        }
        None => (
            "404 Not Found",
            "Content-Type: text/html\r\n".into(),
            b"<h1>Not found</h1>".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok();
    stream.write_all(&body).ok();
    stream.flush().ok();
}

fn news_page() -> Vec<u8> {
    std::fs::read(NEWS_PAGE).unwrap_or_default()
}

fn html(body: Vec<u8>) -> Reply {
    Reply::Page {
        status: "200 OK",
        content_type: "text/html; charset=utf-8",
        body,
    }
}

fn fetch_error(result: Result<dars::import::Imported, ImportError>) -> Option<FetchError> {
    match result {
        Err(ImportError::Fetch(e)) => Some(e),
        _ => None,
    }
}

#[test]
fn a_page_is_fetched_and_its_article_kept() {
    let server = Server::start(vec![("/news/1", html(news_page()))]);
    let imported = import_url(&server.url("/news/1"), &FetchOptions::default());
    let imported = imported.map_err(|e| e.to_string());
    assert!(imported.is_ok(), "{imported:?}");
    let Ok(imported) = imported else { return };
    assert_eq!(imported.title, HEADLINE);
    assert!(imported.text.starts_with(HEADLINE));
    assert!(imported.text.contains("ويرى خبراء أن تحلية المياه"));
    assert!(!imported.text.contains("تعليقات القراء"));
}

#[test]
fn a_redirect_is_followed_and_a_loop_is_stopped() {
    let server = Server::start(vec![
        ("/old", Reply::Redirect("/news/1")),
        ("/news/1", html(news_page())),
        ("/loop-a", Reply::Redirect("/loop-b")),
        ("/loop-b", Reply::Redirect("/loop-a")),
    ]);
    let title = import_url(&server.url("/old"), &FetchOptions::default()).map(|t| t.title);
    assert_eq!(title.as_deref().ok(), Some(HEADLINE));
    let looped = fetch_error(import_url(&server.url("/loop-a"), &FetchOptions::default()));
    assert!(
        matches!(looped, Some(FetchError::TooManyRedirects { max: 5, .. })),
        "{looped:?}"
    );
}

#[test]
fn missing_pages_and_server_failures_say_what_happened() {
    let server = Server::start(vec![(
        "/broken",
        Reply::Page {
            status: "500 Internal Server Error",
            content_type: "text/html",
            body: b"oops".to_vec(),
        },
    )]);
    let missing = import_url(&server.url("/nothing-here"), &FetchOptions::default());
    let message = missing.err().map(|e| e.to_string());
    assert_eq!(
        message,
        Some(format!(
            "{} answered 404: the page does not exist (any more); check the address",
            server.url("/nothing-here")
        ))
    );
    let broken = fetch_error(import_url(&server.url("/broken"), &FetchOptions::default()));
    assert!(matches!(broken, Some(FetchError::Status { code: 500, .. })));
    assert!(broken.is_some_and(|e| e.to_string().contains("the server failed; try again later")));
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start(vec![("/slow", Reply::Silent(Duration::from_secs(10)))]);
    let options = FetchOptions {
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    };
    let error = fetch_error(import_url(&server.url("/slow"), &options));
    assert!(
        matches!(error, Some(FetchError::Timeout { .. })),
        "{error:?}"
    );
    assert!(error.is_some_and(|e| e.to_string().contains("did not answer within 300 ms")));
}

#[test]
fn a_page_past_the_size_limit_is_refused() {
    let mut huge = news_page();
    huge.extend(std::iter::repeat_n(b' ', 3 * 1024 * 1024));
    let server = Server::start(vec![("/huge", html(huge))]);
    let options = FetchOptions {
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    };
    let error = fetch_error(import_url(&server.url("/huge"), &options));
    assert!(
        matches!(error, Some(FetchError::TooLarge { .. })),
        "{error:?}"
    );
    assert!(error.is_some_and(|e| e.to_string().contains("is larger than 1 MB")));
}

#[test]
fn what_is_not_a_web_page_is_refused_and_plain_text_is_taken() {
    let server = Server::start(vec![
        (
            "/photo.png",
            Reply::Page {
                status: "200 OK",
                content_type: "image/png",
                body: b"\x89PNG\r\n\x1a\n".to_vec(),
            },
        ),
        (
            "/story.txt",
            Reply::Page {
                status: "200 OK",
                content_type: "text/plain; charset=utf-8",
                body: "عنوان\nنص الخبر.".as_bytes().to_vec(),
            },
        ),
    ]);
    let error = fetch_error(import_url(
        &server.url("/photo.png"),
        &FetchOptions::default(),
    ));
    assert_eq!(
        error.map(|e| e.to_string()),
        Some(format!(
            "{} is not a web page (image/png): Dars imports HTML pages and plain text.",
            server.url("/photo.png")
        ))
    );
    let text = import_url(&server.url("/story.txt"), &FetchOptions::default()).map(|t| t.text);
    assert_eq!(text.ok().as_deref(), Some("عنوان\nنص الخبر."));
}

#[test]
fn a_page_in_its_servers_code_page_is_converted() {
    let page = String::from_utf8(news_page()).unwrap_or_default();
    let page = page.replace("<meta charset=\"utf-8\">", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
    let server = Server::start(vec![(
        "/cp1256",
        Reply::Page {
            status: "200 OK",
            content_type: "text/html; charset=windows-1256",
            body: bytes.into_owned(),
        },
    )]);
    let imported = import_url(&server.url("/cp1256"), &FetchOptions::default());
    let notice = imported.as_ref().ok().and_then(|t| t.notice.clone());
    assert_eq!(
        notice.as_deref(),
        Some("Converted from windows-1256 to UTF-8.")
    );
    assert_eq!(imported.map(|t| t.title).ok().as_deref(), Some(HEADLINE));
}

#[test]
fn a_closed_port_and_a_bad_address_are_explained() {
    // A port that was just free: nothing listens on it.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(9);
    let refused = fetch_error(import_url(
        &format!("http://127.0.0.1:{port}/"),
        &FetchOptions::default(),
    ));
    assert_eq!(
        refused.map(|e| e.to_string()),
        Some(
            "127.0.0.1 refused the connection: the site may be down, or the address may be wrong."
                .into()
        )
    );
    let bad = fetch_error(import_url("ftp://127.0.0.1/file", &FetchOptions::default()));
    assert!(matches!(bad, Some(FetchError::BadUrl { .. })));
}
