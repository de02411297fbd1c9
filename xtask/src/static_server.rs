//! A static file server for `dist/` on loopback, used by `serve` and by the browser tests.

use std::{
    collections::HashMap,
    fs,
    path::{Component, Path, PathBuf},
    sync::{Arc, Mutex},
    thread::{self, JoinHandle},
    time::SystemTime,
};

use tiny_http::{Header, Request, Response, Server};

use crate::{Result, dist};

/// Threads answering requests: two browsers loading the app side by side must never wait
/// behind each other's transfer.
const WORKERS: usize = 8;

pub struct Running {
    pub address: String,
    threads: Vec<JoinHandle<()>>,
}

impl Running {
    pub fn join(self) {
        for thread in self.threads {
            let _ = thread.join();
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("mjs") => "text/javascript; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// The file a URL path names inside `root`; `None` for anything that would leave it.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = root.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// Serves `root` on `address` ("127.0.0.1:0" picks a free port) from a background thread.
pub fn start(address: &str, root: PathBuf) -> Result<Running> {
    start_with(address, vec![(String::from("/"), root)], Vec::new())
}

/// Serves each directory under its URL prefix (longest first), adding `headers` to every
/// answer: how the embedding tests put `dist/` in a sub-folder of a strict site.
pub fn start_with(
    address: &str,
    mut mounts: Vec<(String, PathBuf)>,
    headers: Vec<(String, String)>,
) -> Result<Running> {
    mounts.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
    let server = Server::http(address).map_err(|e| format!("cannot listen on {address}: {e}"))?;
    let address = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_else(|| address.to_owned());
    let server = Arc::new(server);
    let site = Arc::new(Site {
        mounts,
        headers,
        gzipped: Mutex::default(),
    });
    let threads = (0..WORKERS)
        .map(|_| {
            let (server, site) = (Arc::clone(&server), Arc::clone(&site));
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    site.answer(request);
                }
            })
        })
        .collect();
    Ok(Running { address, threads })
}

struct Site {
    mounts: Vec<(String, PathBuf)>,
    headers: Vec<(String, String)>,
    /// Each text or wasm file gzipped once per version, as a web server would send it: the
    /// load benchmark then moves the bytes a real page moves.
    gzipped: Mutex<HashMap<PathBuf, (SystemTime, Vec<u8>)>>,
}

fn accepts_gzip(request: &Request) -> bool {
    request
        .headers()
        .iter()
        .any(|h| h.field.equiv("Accept-Encoding") && h.value.as_str().contains("gzip"))
}

impl Site {
    fn answer(&self, request: Request) {
        let url = request.url().to_owned();
        let file = self.mounts.iter().find_map(|(prefix, dir)| {
            url.strip_prefix(prefix.as_str())
                .and_then(|rest| resolve(dir, &format!("/{rest}")))
        });
        let compress = accepts_gzip(&request) && file.as_deref().is_some_and(|f| content_type(f) != "image/png");
        let body = file
            .as_deref()
            .map(|f| if compress { self.gzip(f) } else { fs::read(f) });
        let mut response = match (file.as_deref(), body) {
            (Some(path), Some(Ok(bytes))) => {
                let response = Response::from_data(bytes)
                    .with_header(Header::from_bytes("Content-Type", content_type(path)).expect("a valid header"));
                if compress {
                    response.with_header(Header::from_bytes("Content-Encoding", "gzip").expect("a valid header"))
                } else {
                    response
                }
            }
            _ => Response::from_data(b"not found".to_vec()).with_status_code(404),
        };
        for (name, value) in &self.headers {
            if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        let _ = request.respond(response);
    }

    /// The `.gz` the build wrote beside the file when it is as recent (nginx `gzip_static`),
    /// else the file gzipped once per version.
    fn gzip(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        let modified = fs::metadata(path)?.modified()?;
        let beside = PathBuf::from(format!("{}.gz", path.display()));
        if fs::metadata(&beside)
            .and_then(|m| m.modified())
            .is_ok_and(|gz| gz >= modified)
        {
            return fs::read(beside);
        }
        if let Some((when, bytes)) = self.gzipped.lock().expect("not poisoned").get(path)
            && *when == modified
        {
            return Ok(bytes.clone());
        }
        let bytes = dist::gzip(&fs::read(path)?);
        self.gzipped
            .lock()
            .expect("not poisoned")
            .insert(path.to_owned(), (modified, bytes.clone()));
        Ok(bytes)
    }
}
