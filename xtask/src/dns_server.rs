//! The DNS-over-HTTPS stack of the browser tests, on loopback only: knot serving the zone
//! files of `tests/dns/zones`, behind dnsdist answering DoH over plain HTTP with an
//! `access-control-allow-origin` header. Stopped when dropped.

use std::{
    fs,
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use crate::{Result, root};

pub struct DnsStack {
    children: Vec<Child>,
    /// The DoH endpoint, `http://127.0.0.1:PORT/dns-query`.
    pub url: String,
}

impl Drop for DnsStack {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

fn fill(template: &Path, out: &Path, values: &[(&str, String)]) -> Result {
    let mut text = fs::read_to_string(template).map_err(|e| format!("{}: {e}", template.display()))?;
    for (key, value) in values {
        text = text.replace(&format!("@{key}@"), value);
    }
    fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))
}

fn spawn(program: &str, args: &[&str], log: &Path) -> Result<Child> {
    let log = fs::File::create(log).map_err(|e| e.to_string())?;
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .spawn()
        .map_err(|e| format!("{program}: {e}"))
}

/// Whether the DoH endpoint answers a query for `example.` with 200.
fn answers(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    // A query for `example. SOA`, base64url.
    let request = format!(
        "GET /dns-query?dns=AAABAAABAAAAAAAAB2V4YW1wbGUAAAYAAQ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/dns-message\r\nConnection: close\r\n\r\n"
    );
    let mut response = Vec::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_end(&mut response).is_ok()
        && response.starts_with(b"HTTP/1.1 200")
}

pub fn start() -> Result<DnsStack> {
    let dir: PathBuf = root().join("target/dns-test");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (knot_port, dns_port, doh_port) = (free_port()?, free_port()?, free_port()?);
    let templates = root().join("tests/dns");
    let values = [
        ("KNOT_PORT", knot_port.to_string()),
        ("DNS_PORT", dns_port.to_string()),
        ("DOH_PORT", doh_port.to_string()),
        ("RUN_DIR", dir.display().to_string()),
        ("ZONES_DIR", templates.join("zones").display().to_string()),
    ];
    fill(&templates.join("knot.conf.in"), &dir.join("knot.conf"), &values)?;
    fill(&templates.join("dnsdist.conf.in"), &dir.join("dnsdist.conf"), &values)?;
    let mut stack = DnsStack {
        children: Vec::new(),
        url: format!("http://127.0.0.1:{doh_port}/dns-query"),
    };
    let knot_conf = dir.join("knot.conf").display().to_string();
    stack
        .children
        .push(spawn("knotd", &["-c", &knot_conf], &dir.join("knot.log"))?);
    let dnsdist_conf = dir.join("dnsdist.conf").display().to_string();
    stack.children.push(spawn(
        "dnsdist",
        &["--supervised", "--disable-syslog", "-C", &dnsdist_conf],
        &dir.join("dnsdist.log"),
    )?);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !answers(doh_port) {
        if Instant::now() > deadline {
            return Err(format!(
                "the test DNS stack did not answer on {} (logs in {})",
                stack.url,
                dir.display()
            ));
        }
        thread::sleep(Duration::from_millis(200));
    }
    eprintln!("xtask: test DNS stack on {}", stack.url);
    Ok(stack)
}
