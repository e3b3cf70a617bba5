//! The editors' preview in a browser: both notes side by side, page by page,
//! as SVG from the same compile as the PDFs, updated over server-sent events
//! as files are saved. Served on 127.0.0.1 only; the page needs nothing from
//! the network.
//!
//! Each page's SVG is served at an address made from a digest of its layout,
//! so that after an edit the browser fetches only the pages that changed, and
//! keeps the others as they are. Of a page that changed, it asks only what
//! changed from the page it shows (`drawing::changes`), and keeps the rest.
//! The SVG of a new page is written as soon as it is laid out, while the
//! browser hears of it, from the elements of the pages written before it
//! (`drawing::Drawer`), and pages are written side by side.

use std::collections::{HashMap, HashSet};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Request, State as AxumState};
use axum::http::{StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use tokio::sync::watch;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use crate::drawing::{Changes, Drawer, Svg};
use crate::error::{Error, Result};
use crate::typeset::PdfOptions;
use crate::{Lang, Note};

/// The page, with its script and style.
const PAGE: &str = include_str!("serve.html");

/// What changed on a page goes with the news when its new elements are at
/// most this fraction of the page's SVG (as 1 / `SMALL`).
const SMALL: usize = 4;

/// What the page shows: the last good pages of each language, and the
/// mistake that keeps them from being replaced, if any.
#[derive(Debug, Clone, Default, Serialize)]
pub struct State {
    /// Tells this server from one started before it at the same address:
    /// a page left open across a restart starts over.
    pub server: u64,
    /// Counts the renders; the page fetches again when it changes.
    pub version: u64,
    /// The French pages.
    pub fr: Vec<Page>,
    /// The English pages.
    pub en: Vec<Page>,
    /// The mistake, as the command line prints it, without colour.
    pub error: Option<String>,
    /// How long the last render took, in milliseconds.
    pub took_ms: u64,
}

impl State {
    fn json(&self) -> Arc<str> {
        serde_json::to_string(self).unwrap_or_default().into()
    }
}

/// One page, as the browser gets it.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Where its SVG is: `/page/{digest}.svg`.
    pub svg: String,
    /// Its text, for search and screen readers.
    pub text: String,
    /// Its width in points: with the height, the browser keeps the page's
    /// place before the SVG arrives.
    pub width: f64,
    /// Its height in points.
    pub height: f64,
    /// What changed from the page shown before it in its place, for a
    /// browser that shows that one: it need not ask.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<PageChanges>,
}

/// What changed on a page, from the page shown before it.
#[derive(Debug, Clone, Serialize)]
pub struct PageChanges {
    /// The page it changes: its `svg`.
    pub from: String,
    /// The new page's elements, from that one's (`drawing::changes`).
    pub elements: Changes,
}

/// What the renders and the browsers share.
struct Shared {
    live: Mutex<Live>,
    /// How the PDFs are made.
    pdf: PdfOptions,
    /// The version shown, for the server-sent events.
    version: watch::Sender<u64>,
}

#[derive(Default)]
struct Live {
    state: State,
    /// Each page shown now or just before, by file name: a browser may still
    /// ask for one from before.
    pages: HashMap<String, Arc<Drawn>>,
    /// The notes shown, for their PDFs, made when asked for.
    notes: Arc<Vec<Note>>,
    /// Writes the pages' SVG, keeping the elements of those shown.
    drawer: Drawer,
    /// The state as JSON, written once a version for every browser.
    json: Arc<str>,
}

/// A laid-out page, and its SVG once written.
struct Drawn {
    page: typst_layout::Page,
    svg: OnceLock<Svg>,
    /// What writes it, from the pages written before it.
    drawer: Drawer,
}

impl Drawn {
    /// The page's SVG, written by the first to ask; the others wait for it.
    fn svg(&self) -> &Svg {
        self.svg.get_or_init(|| self.drawer.draw(&self.page))
    }
}

impl Shared {
    fn live(&self) -> MutexGuard<'_, Live> {
        self.live
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A running preview server.
pub struct PreviewServer {
    shared: Arc<Shared>,
    address: SocketAddr,
}

impl PreviewServer {
    /// Takes `port` on 127.0.0.1 (0: any free port) for a server.
    pub fn listen(port: u16) -> Result<TcpListener> {
        let cannot = |e: std::io::Error| {
            Error::environment(format!("could not listen on 127.0.0.1:{port}"), e)
        };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(cannot)?;
        listener.set_nonblocking(true).map_err(cannot)?;
        Ok(listener)
    }

    /// Starts serving on `listener`, the PDFs made as `pdf_options` says.
    /// Should the server stop, `on_failure` hears why.
    pub fn start(
        listener: TcpListener,
        pdf_options: PdfOptions,
        on_failure: impl FnOnce(Error) + Send + 'static,
    ) -> Result<Self> {
        let address = listener
            .local_addr()
            .map_err(|e| Error::environment("could not start the preview server", e))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| Error::environment("could not start the preview server", e))?;
        let server = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as u64);
        let empty = State {
            server,
            ..State::default()
        };
        let live = Live {
            json: empty.json(),
            state: empty,
            ..Live::default()
        };
        let shared = Arc::new(Shared {
            live: Mutex::new(live),
            pdf: pdf_options,
            version: watch::Sender::new(0),
        });
        let app = Router::new()
            .route("/", get(Html(PAGE)))
            .route("/state.json", get(state))
            .route("/events", get(events))
            .route("/page/{file}", get(page))
            .route("/{name}", get(pdf))
            .layer(axum::middleware::from_fn(move |request, next| {
                only_here(address, request, next)
            }))
            .with_state(shared.clone());
        std::thread::spawn(move || {
            let failure = runtime.block_on(async move {
                match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => match axum::serve(listener, app).await {
                        Err(error) => Error::environment("the preview server stopped", error),
                        Ok(()) => Error::environment("the preview server stopped", "it ended"),
                    },
                    Err(error) => Error::environment("the preview server could not start", error),
                }
            });
            on_failure(failure);
        });
        Ok(Self { shared, address })
    }

    /// Where the page is.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Shows freshly typeset notes, and clears any mistake. What changed on
    /// each page from the one shown before it in its place goes with the
    /// news, so that the browsers that show those need not ask for it.
    pub fn show(&self, notes: Vec<Note>, took: Duration) {
        // The pages known, and those of each language shown now.
        let (drawer, known, before) = {
            let live = self.shared.live();
            let before = |pages: &[Page]| -> Vec<(Option<String>, Option<PageChanges>)> {
                let files = pages.iter().map(|page| {
                    let file = page.svg.strip_prefix("/page/").map(str::to_owned);
                    (file, page.changes.clone())
                });
                files.collect()
            };
            let before = [before(&live.state.fr), before(&live.state.en)];
            (live.drawer.clone(), live.pages.clone(), before)
        };
        let mut shown: [Vec<Page>; 2] = Default::default();
        // Each note's pages, in order.
        let mut drawn: Vec<Vec<(String, Arc<Drawn>)>> = Vec::new();
        // The pages that take another's place: where, from which, to which.
        let mut changed = Vec::new();
        for note in &notes {
            let lang = match note.lang {
                Lang::Fr => 0,
                Lang::En => 1,
            };
            let mut pages_of_note = Vec::new();
            let pages = note.document.pages().iter().zip(note.page_texts());
            for (page, text) in pages {
                let file = format!("{:032x}.svg", crate::drawing::digest(page));
                let size = page.frame.size();
                let place = shown[lang].len();
                let (old, old_changes) = before[lang].get(place).cloned().unwrap_or_default();
                // A page as it was keeps what changed on it, for a browser
                // that missed the news that brought it.
                let same = old.as_ref() == Some(&file);
                shown[lang].push(Page {
                    svg: format!("/page/{file}"),
                    text,
                    width: size.x.to_pt(),
                    height: size.y.to_pt(),
                    changes: old_changes.filter(|_| same),
                });
                let new = known.get(&file).cloned().unwrap_or_else(|| {
                    Arc::new(Drawn {
                        page: page.clone(),
                        svg: OnceLock::new(),
                        drawer: drawer.clone(),
                    })
                });
                if let Some(old) = old.filter(|_| !same)
                    && let Some(old_page) = known.get(&old)
                {
                    changed.push((lang, place, old, old_page.clone(), new.clone()));
                }
                pages_of_note.push((file, new));
            }
            drawn.push(pages_of_note);
        }
        // Written side by side, from the elements of the pages before them.
        // What changed goes with the news only where it is a small part of
        // the page: after a page is laid out anew, the browser asks for it.
        use rayon::prelude::*;
        let changes: Vec<_> = (changed.par_iter())
            .map(|(_, _, _, old, new)| {
                let changes = crate::drawing::changes(old.svg(), new.svg())?;
                (changes.new_len() * SMALL <= new.svg().markup_len()).then_some(changes)
            })
            .collect();
        for ((lang, place, from, ..), changes) in changed.iter().zip(changes) {
            if let Some(elements) = changes {
                shown[*lang][*place].changes = Some(PageChanges {
                    from: format!("/page/{from}"),
                    elements,
                });
            }
        }
        let [fr, en] = shown;
        self.update(
            |live| {
                let before: HashSet<&str> = (live.state.fr.iter().chain(&live.state.en))
                    .filter_map(|page| page.svg.strip_prefix("/page/"))
                    .collect();
                live.pages.retain(|file, _| before.contains(file.as_str()));
                for pages_of_note in drawn {
                    // A page laid out as before keeps its SVG; the other new
                    // ones are written now, while the browser hears of them,
                    // each note's in order.
                    let mut new = Vec::new();
                    for (file, page) in pages_of_note {
                        if page.svg.get().is_none() {
                            new.push(Arc::downgrade(&page));
                        }
                        live.pages.entry(file).or_insert(page);
                    }
                    // A page that later renders have replaced is not written.
                    if !new.is_empty() {
                        std::thread::spawn(move || {
                            for page in new.iter().filter_map(std::sync::Weak::upgrade) {
                                page.svg();
                            }
                        });
                    }
                }
                live.notes = Arc::new(notes);
                live.state.fr = fr;
                live.state.en = en;
                live.state.error = None;
            },
            took,
        );
    }

    /// Shows a mistake over the last good pages.
    pub fn fail(&self, error: &Error, took: Duration) {
        let message = error.render(false);
        self.update(|live| live.state.error = Some(message), took);
    }

    /// Changes what is shown as a render that took `took`, and tells the
    /// browsers.
    fn update(&self, change: impl FnOnce(&mut Live), took: Duration) {
        let version = {
            let mut live = self.shared.live();
            change(&mut live);
            live.state.version += 1;
            live.state.took_ms = took.as_millis() as u64;
            live.json = live.state.json();
            live.state.version
        };
        self.shared.version.send_replace(version);
    }
}

/// Serves only requests addressed to this machine by name or address: a web
/// page elsewhere cannot reach the notes by pointing a name of its own at
/// 127.0.0.1 (DNS rebinding).
async fn only_here(address: SocketAddr, request: Request, next: Next) -> Response {
    let port = address.port();
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|host| host.to_str().ok());
    let allowed = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    match host {
        Some(host) if allowed.iter().any(|a| a == host) => next.run(request).await,
        _ => (
            StatusCode::FORBIDDEN,
            "open the preview at 127.0.0.1 or localhost\n",
        )
            .into_response(),
    }
}

/// What the page shows, as JSON.
async fn state(AxumState(shared): AxumState<Arc<Shared>>) -> Response {
    let json = shared.live().json.clone();
    fresh("application/json", json.as_bytes().to_vec())
}

/// What the page shows, now and after each render, as JSON: the browser
/// need not ask for it.
async fn events(AxumState(shared): AxumState<Arc<Shared>>) -> impl IntoResponse {
    let states = shared.clone();
    let versions = WatchStream::new(shared.version.subscribe()).map(move |_| {
        let json = states.live().json.clone();
        Ok::<_, std::convert::Infallible>(Event::default().event("update").data(&*json))
    });
    Sse::new(versions).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// A page's SVG; or, asked `?from=` the file of the page that the browser
/// shows in its place, what changed from that one (`drawing::changes`, as
/// JSON), if the server still has it and something stays.
async fn page(
    AxumState(shared): AxumState<Arc<Shared>>,
    Path(file): Path<String>,
    uri: Uri,
) -> Response {
    let (drawn, shown) = {
        let live = shared.live();
        let shown = (uri.query())
            .and_then(|query| query.strip_prefix("from="))
            .and_then(|from| live.pages.get(from).cloned());
        (live.pages.get(&file).cloned(), shown)
    };
    let Some(drawn) = drawn else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let body = tokio::task::spawn_blocking(move || {
        let changes = shown.and_then(|shown| crate::drawing::changes(shown.svg(), drawn.svg()));
        match changes.and_then(|changes| serde_json::to_string(&changes).ok()) {
            Some(changes) => ("application/json", changes),
            None => ("image/svg+xml", drawn.svg().markup()),
        }
    })
    .await;
    match body {
        Ok((kind, body)) => {
            // The address changes with the page: the browser may keep it.
            let headers = [
                (header::CONTENT_TYPE, kind),
                (header::CACHE_CONTROL, "max-age=31536000, immutable"),
            ];
            (headers, body).into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A note's PDF, made from the pages shown: `/fr.pdf` or `/en.pdf`.
async fn pdf(AxumState(shared): AxumState<Arc<Shared>>, Path(name): Path<String>) -> Response {
    let Some(lang) = name.strip_suffix(".pdf").and_then(Lang::from_code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let notes = shared.live().notes.clone();
    let made = tokio::task::spawn_blocking(move || {
        let note = notes.iter().find(|note| note.lang == lang)?;
        Some(note.pdf(&shared.pdf))
    })
    .await;
    match made {
        Ok(Some(Ok(pdf))) => fresh("application/pdf", pdf),
        Ok(Some(Err(error))) => {
            (StatusCode::INTERNAL_SERVER_ERROR, error.render(false)).into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A response that the browser must not keep: it changes with each render.
fn fresh(kind: &'static str, body: Vec<u8>) -> Response {
    let headers = [
        (header::CONTENT_TYPE, kind),
        (header::CACHE_CONTROL, "no-store"),
    ];
    (headers, body).into_response()
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpStream;

    use super::*;

    /// The response to a GET of `path` with the `Host` header `host`.
    fn response(address: SocketAddr, path: &str, host: &str) -> String {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    /// The status line of a GET of `path` with the `Host` header `host`.
    fn get(address: SocketAddr, path: &str, host: &str) -> String {
        let response = response(address, path, host);
        response.lines().next().unwrap_or_default().to_owned()
    }

    #[test]
    fn only_requests_for_this_machine_are_served() {
        let listener = PreviewServer::listen(0).unwrap();
        let server = PreviewServer::start(listener, PdfOptions::default(), |_| {}).unwrap();
        let address = server.address();
        assert!(address.ip().is_loopback());
        let port = address.port();
        for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
            assert_eq!(get(address, "/", &host), "HTTP/1.1 200 OK", "{host}");
        }
        for host in [format!("attacker.example:{port}"), "127.0.0.1".into()] {
            assert_eq!(get(address, "/state.json", &host), "HTTP/1.1 403 Forbidden");
        }
        let here = format!("127.0.0.1:{port}");
        assert_eq!(get(address, "/page/0.svg", &here), "HTTP/1.1 404 Not Found");
        assert_eq!(
            get(address, "/../Cargo.toml", &here),
            "HTTP/1.1 404 Not Found"
        );
    }

    #[test]
    fn the_news_carries_what_changed_on_each_page_that_changed() {
        let example = crate::testing::Example::new();
        let options = crate::NoteOptions::default();
        let notes = |ordinal| example.notes(ordinal, &options);
        let listener = PreviewServer::listen(0).unwrap();
        let server = PreviewServer::start(listener, PdfOptions::default(), |_| {}).unwrap();
        let state = || server.shared.live().state.clone();
        server.show(notes(7), Duration::ZERO);
        let first = state();
        let pages = first.fr.iter().chain(&first.en);
        assert!(pages.clone().all(|page| page.changes.is_none()));
        assert!(first.fr.len() >= 2 && first.en.len() >= 2);

        server.show(notes(8), Duration::ZERO);
        let edited = state();
        for (before, after) in [(&first.fr, &edited.fr), (&first.en, &edited.en)] {
            // The first page names the meeting; the second is as it was.
            let changes = after[0].changes.as_ref().expect("the first page's changes");
            assert_eq!(changes.from, before[0].svg);
            assert_ne!(after[0].svg, before[0].svg);
            let elements = serde_json::to_value(&changes.elements).unwrap();
            let elements = elements.as_array().unwrap();
            let new = elements.iter().filter(|e| e.is_string()).count();
            assert!(
                new > 0 && new * 3 < elements.len(),
                "{new} new of {}",
                elements.len()
            );
            assert_eq!(after[1].svg, before[1].svg);
            assert!(after[1].changes.is_none());
        }
        // A browser that missed the news may still ask.
        let here = format!("127.0.0.1:{}", server.address().port());
        let from = &first.fr[0].svg["/page/".len()..];
        let asked = format!("{}?from={from}", edited.fr[0].svg);
        let answer = response(server.address(), &asked, &here).to_lowercase();
        assert!(
            answer.contains("content-type: application/json"),
            "{answer:.300}"
        );

        // The same pages again: each keeps what changed on it, for a browser
        // that missed the last news.
        server.show(notes(8), Duration::ZERO);
        let again = state();
        assert_eq!(again.fr[0].svg, edited.fr[0].svg);
        let kept = again.fr[0].changes.as_ref().expect("the changes kept");
        assert_eq!(kept.from, first.fr[0].svg);

        // Another note in their place: nearly every element is new, and the
        // browser asks for the pages rather than hear them all with the news.
        let engine = example.engine();
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let reminder = engine
            .load(&examples.join("ccm-7msp-reminder.yaml"))
            .unwrap();
        let note = |lang| engine.note(&reminder, lang, None, &options).unwrap();
        server.show(vec![note(Lang::Fr), note(Lang::En)], Duration::ZERO);
        let other = state();
        assert_ne!(other.fr[0].svg, again.fr[0].svg);
        assert!(
            other
                .fr
                .iter()
                .chain(&other.en)
                .all(|page| page.changes.is_none())
        );
    }
}
