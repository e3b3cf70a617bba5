//! `serve` in a real browser: Debian's Chromium, headless, driven through
//! chromedriver with fantoccini. The page shows both languages, follows edits
//! of the meeting file, shows a mistake over the last good pages, and takes it
//! away once the file is fixed.
//!
//! Without Chromium and chromedriver the test says that it is skipped and
//! passes, unless `NOTEVERBALE_BROWSER_TEST=required` (as in CI).
//! `NOTEVERBALE_SCREENSHOT=file.png` keeps a screenshot of the page showing
//! the example.

use crate::common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::repo;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// A child process, killed when dropped, so that a failing test leaves no
/// browser or server behind.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A program named by an environment variable, or found at one of `paths`.
fn program(variable: &str, paths: &[&str]) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(variable) {
        let path = PathBuf::from(path);
        return match path.exists() {
            true => Ok(path),
            false => Err(format!("no {} (from {variable})", path.display())),
        };
    }
    paths
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .ok_or_else(|| format!("no {} (or set {variable})", paths.join(" or ")))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Headless Chromium behind chromedriver, or why there is none.
async fn browser() -> Result<(Client, Running), String> {
    let chromium = program(
        "CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    )?;
    let chromedriver = program("CHROMEDRIVER", &["/usr/bin/chromedriver"])?;
    let port = free_port();
    let driver = Command::new(&chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(Running)
        .map_err(|e| format!("{}: {e}", chromedriver.display()))?;
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            // No sandbox: CI runs as root, where Chromium refuses it.
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,1000"],
        },
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!("a JSON object")
    };
    let started = Instant::now();
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return Ok((client, driver)),
            // chromedriver takes a moment to listen.
            Err(_) if started.elapsed() < Duration::from_secs(20) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => return Err(format!("no browser session: {e}")),
        }
    }
}

/// `serve` on a free port, and the page's address.
fn serve(meeting: &Path) -> (Running, String) {
    let mut child = common::command(meeting.parent().unwrap())
        .args(["serve", "meeting.yaml", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let address = line.strip_prefix("preview of ")?.split(" at ").nth(1)?;
            address.starts_with("http://").then(|| address.to_owned())
        })
        .expect("serve says where the page is");
    // Keep reading, so that the command never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (Running(child), url)
}

/// The page as the test sees it.
#[derive(Debug, Default)]
struct Seen {
    /// The text of the French pages, then of the English ones.
    fr: String,
    en: String,
    /// How many pages are drawn, both languages together.
    images: usize,
    /// The error over the pages, if shown.
    error: Option<String>,
    /// When the page last took an update in, in milliseconds since 1970.
    shown_at: u64,
    /// The render it shows.
    version: u64,
}

const LOOK: &str = "
    const text = id => Array.from(document.querySelectorAll('#' + id + ' .page'))
        .map(p => p.getAttribute('aria-label')).join(' ');
    const error = document.getElementById('error');
    return [text('fr'), text('en'), document.querySelectorAll('.page svg').length,
            error.hidden ? null : error.textContent,
            Number(document.body.dataset.shownAt || 0),
            Number(document.body.dataset.version || 0)];";

/// How many pages there are, those that do not draw what their whole SVG
/// draws, how many times a page asked what changed, and how many times one
/// was fetched whole.
const SAME_AS_WHOLE: &str = "
    return (async () => {
        const fetched = performance.getEntriesByType('resource')
            .filter(entry => entry.name.includes('/page/'));
        const asked = fetched.filter(entry => entry.name.includes('?from=')).length;
        const frames = Array.from(document.querySelectorAll('.page'));
        const differ = [];
        for (const frame of frames) {
            const whole = document.createElement('div');
            whole.innerHTML = await (await fetch(frame.dataset.svg)).text();
            if (whole.innerHTML !== frame.innerHTML) differ.push(frame.dataset.svg);
        }
        return [frames.length, differ, asked, fetched.length - asked];
    })();";

async fn look(client: &Client) -> Seen {
    let value = client.execute(LOOK, Vec::new()).await.unwrap();
    Seen {
        fr: value[0].as_str().unwrap_or_default().to_owned(),
        en: value[1].as_str().unwrap_or_default().to_owned(),
        images: value[2].as_u64().unwrap_or_default() as usize,
        error: value[3].as_str().map(str::to_owned),
        shown_at: value[4].as_u64().unwrap_or_default(),
        version: value[5].as_u64().unwrap_or_default(),
    }
}

/// Looks at the page until `ready` holds, for at most 20 seconds.
async fn wait_for(client: &Client, what: &str, ready: impl Fn(&Seen) -> bool) -> Seen {
    let started = Instant::now();
    loop {
        let seen = look(client).await;
        if ready(&seen) {
            return seen;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "waited 20 s for {what}; the page shows {seen:#?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Saves `text` as editors do: written beside, then renamed over the file,
/// so that the preview never reads half a file.
fn save(path: &Path, text: impl AsRef<[u8]>) {
    let beside = path.with_extension("yaml.saving");
    std::fs::write(&beside, text).unwrap();
    std::fs::rename(&beside, path).unwrap();
}

/// Prints past the test harness's capture, so that `cargo test` shows it.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

#[tokio::test(flavor = "current_thread")]
async fn the_preview_follows_edits_and_mistakes_in_a_browser() {
    let (client, _driver) = match browser().await {
        Ok(browser) => browser,
        Err(why) => {
            assert!(
                std::env::var("NOTEVERBALE_BROWSER_TEST").as_deref() != Ok("required"),
                "the browser test is required, but: {why}"
            );
            say(&format!(
                "skipped: the browser test needs Chromium and chromedriver: {why}"
            ));
            return;
        }
    };
    // Run in a task, so that a failure still ends the browser session:
    // Chromium outlives a killed chromedriver.
    let outcome = tokio::spawn(follow_edits(client.clone())).await;
    let _ = client.close().await;
    if let Err(failure) = outcome {
        match failure.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(failure) => panic!("{failure}"),
        }
    }
}

/// Opens the preview of the example, edits it, breaks it and mends it.
async fn follow_edits(client: Client) {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("meeting.yaml");
    let text = std::fs::read_to_string(repo("examples/ccm-7msp.yaml")).unwrap();
    assert!(text.contains("ordinal: 7 "));
    let with_ordinal = |ordinal: &str| text.replace("ordinal: 7 ", &format!("ordinal: {ordinal} "));
    save(&meeting, &text);
    let (_server, url) = serve(&meeting);
    // Chromium goes on starting for a second or so after its session opens
    // (on two cores, both are busy until then): opened at once, the preview
    // would time Chromium's start in its first edits. An editor's browser
    // has long started.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    client.goto(&url).await.unwrap();

    let seen = wait_for(&client, "both languages", |seen| {
        seen.fr.contains("septième Assemblée des États parties")
            && seen.en.contains("Seventh Meeting of States Parties")
            && seen.images >= 4
    })
    .await;
    assert!(seen.images >= 4, "two pages a language: {seen:#?}");
    assert_eq!(seen.error, None);
    assert!(seen.fr.contains("PROJET") && seen.en.contains("DRAFT"));

    // Edits, timed from the save to the page showing it.
    let mut latencies = Vec::new();
    let rounds = [
        ("8", "huitième Assemblée", "Eighth Meeting"),
        ("9", "neuvième Assemblée", "Ninth Meeting"),
        ("10", "dixième Assemblée", "Tenth Meeting"),
        ("11", "onzième Assemblée", "Eleventh Meeting"),
        ("12", "douzième Assemblée", "Twelfth Meeting"),
        ("13", "treizième Assemblée", "Thirteenth Meeting"),
        ("14", "quatorzième Assemblée", "Fourteenth Meeting"),
        ("15", "quinzième Assemblée", "Fifteenth Meeting"),
        ("16", "seizième Assemblée", "Sixteenth Meeting"),
        ("17", "dix-septième Assemblée", "Seventeenth Meeting"),
    ];
    for (ordinal, fr, en) in rounds {
        let before = look(&client).await.version;
        let saved = now_ms();
        save(&meeting, with_ordinal(ordinal));
        let seen = wait_for(&client, &format!("the edit to {ordinal}"), |seen| {
            seen.fr.contains(fr) && seen.en.contains(en) && seen.version > before
        })
        .await;
        latencies.push(seen.shown_at.saturating_sub(saved));
    }
    latencies.sort_unstable();
    say(&format!(
        "serve: from a save to the new pages drawn, 10 edits: median {} ms, slowest {} ms",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    ));

    // After an edit, the pages take what changed from the pages they show,
    // sent with the news: none asks, none is fetched whole after the first
    // ones; and each draws the same as its whole SVG would.
    let value = client.execute(SAME_AS_WHOLE, Vec::new()).await.unwrap();
    let (pages, differ, asked, whole) = (&value[0], &value[1], &value[2], &value[3]);
    assert!(pages.as_u64() >= Some(4), "{value}");
    assert_eq!(differ, &json!([]), "pages drawn unlike their whole SVG");
    assert_eq!(asked, &json!(0), "pages asked what changed: {value}");
    assert_eq!(whole, pages, "pages fetched whole after the first: {value}");

    // The reader's place on the page holds through an edit.
    client
        .execute("window.scrollTo(0, 700)", Vec::new())
        .await
        .unwrap();
    let before = look(&client).await.version;
    save(&meeting, with_ordinal("8"));
    wait_for(&client, "the edit, scrolled", |seen| {
        seen.version > before && seen.fr.contains("huitième")
    })
    .await;
    let y = client
        .execute("return window.scrollY", Vec::new())
        .await
        .unwrap();
    assert_eq!(y, json!(700), "the scroll position holds");

    // A mistake shows over the last good pages, with its place and a hint.
    save(&meeting, text.replace("ordinal: 7 ", "ordinl: 7 "));
    let seen = wait_for(&client, "the mistake", |seen| {
        seen.error
            .as_deref()
            .is_some_and(|error| error.contains("ordinl"))
    })
    .await;
    let error = seen.error.as_deref().unwrap_or_default();
    let line = 1 + text[..text.find("ordinal: 7 ").unwrap()]
        .matches('\n')
        .count();
    let place = format!("meeting.yaml:{line}:3");
    for part in [
        "unknown field `ordinl`",
        &place,
        "hint: did you mean `ordinal`?",
    ] {
        assert!(error.contains(part), "{part:?} in the error shown: {error}");
    }
    assert!(seen.fr.contains("huitième"), "the last good pages stay");
    assert!(seen.images >= 4, "the last good pages stay: {seen:#?}");

    // Fixed, the error goes and the pages follow.
    save(&meeting, with_ordinal("10"));
    wait_for(&client, "the fix", |seen| {
        seen.error.is_none() && seen.fr.contains("dixième") && seen.en.contains("Tenth")
    })
    .await;

    // A PDF link for each language, serving that language's note.
    for (id, lang) in [("pdf-fr", "fr"), ("pdf-en", "en")] {
        let script = format!(
            "const r = await fetch(document.getElementById('{id}').href);\
             return [r.headers.get('content-type'), (await r.text()).slice(0, 5)];"
        );
        let script = format!("return (async () => {{ {script} }})();");
        let value = client.execute(&script, Vec::new()).await.unwrap();
        assert_eq!(value, json!(["application/pdf", "%PDF-"]), "{lang}");
    }

    if let Some(path) = std::env::var_os("NOTEVERBALE_SCREENSHOT") {
        save(&meeting, &text);
        wait_for(&client, "the example again", |seen| {
            seen.fr.contains("septième")
        })
        .await;
        client
            .execute("window.scrollTo(0, 0)", Vec::new())
            .await
            .unwrap();
        std::fs::write(path, client.screenshot().await.unwrap()).unwrap();
    }
}
