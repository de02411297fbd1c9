//! A stand-in for Thunderbird's provider database on loopback, for the browser tests. It
//! answers `/v1.1/<domain>` from `tests/ispdb/<domain>.xml` (fixtures written for this
//! project in the database's v1.1 format) and 404 otherwise; a domain whose first label names
//! a failure gets it (`fail-500.`, `fail-redirect.`, `fail-slow.`, `fail-not-xml.`,
//! `fail-huge.`). Every answer carries `Access-Control-Allow-Origin: *`, as Mozilla's service
//! does. `/log` lists the paths asked so far, one per line, for the tests to check that only
//! domain names were sent.

use std::{
    path::PathBuf,
    sync::{Arc, Mutex},
    thread,
    time::Duration,
};

use tiny_http::{Header, Response, Server};

use crate::{Result, root};

/// Longer than the page's time limit (6 s), so that the page gives up first.
const SLOW: Duration = Duration::from_secs(9);
/// Enough threads that a slow answer never holds back another test's.
const WORKERS: usize = 6;

pub struct Running {
    /// The base URL the page is given (`?ispdb=`).
    pub url: String,
}

pub fn start() -> Result<Running> {
    let server = Server::http("127.0.0.1:0").map_err(|e| format!("ISPDB stand-in: {e}"))?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or("ISPDB stand-in: no address")?
        .to_string();
    let (server, log) = (Arc::new(server), Arc::new(Mutex::new(Vec::<String>::new())));
    let fixtures = root().join("tests/ispdb");
    for _ in 0..WORKERS {
        let (server, log, fixtures) = (Arc::clone(&server), Arc::clone(&log), fixtures.clone());
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let path = request.url().to_owned();
                let response = if path == "/log" {
                    Response::from_string(log.lock().expect("log").join("\n"))
                } else {
                    log.lock().expect("log").push(path.clone());
                    answer(&fixtures, &path)
                };
                let cors = Header::from_bytes("Access-Control-Allow-Origin", "*").expect("header");
                let _ = request.respond(response.with_header(cors));
            }
        });
    }
    Ok(Running {
        url: format!("http://{address}/v1.1/"),
    })
}

fn answer(fixtures: &std::path::Path, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let text = |status: u16, body: String, kind: &str| {
        Response::from_string(body)
            .with_status_code(status)
            .with_header(Header::from_bytes("Content-Type", kind).expect("header"))
    };
    let domain = path.strip_prefix("/v1.1/").unwrap_or_default();
    let fixture: PathBuf = fixtures.join(format!("{domain}.xml"));
    let safe = !domain.is_empty()
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    match domain.split('.').next().unwrap_or_default() {
        _ if !safe => text(404, "not found".into(), "text/plain"),
        "fail-500" => text(503, "unavailable".into(), "text/plain"),
        "fail-redirect" => text(302, String::new(), "text/plain")
            .with_header(Header::from_bytes("Location", "http://127.0.0.1:9/elsewhere").expect("header")),
        "fail-slow" => {
            thread::sleep(SLOW);
            text(404, "not found".into(), "text/plain")
        }
        "fail-not-xml" => text(200, "<html><body>Welcome!</body></html>".into(), "text/html"),
        "fail-huge" => text(
            200,
            format!("<clientConfig>{}</clientConfig>", "<!-- padding -->".repeat(20_000)),
            "text/xml",
        ),
        _ => match std::fs::read_to_string(&fixture) {
            Ok(xml) => text(200, xml, "text/xml"),
            Err(_) => text(404, "not found".into(), "text/plain"),
        },
    }
}
