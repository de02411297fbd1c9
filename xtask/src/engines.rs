//! The cross-engine walks (`tests/engines/`): Firefox ESR and WebKitGTK on copies of the
//! build that carry the test hook (`tests/engines/hook.js`, never in `dist/`), a deliberately
//! broken copy the suite must fail on, the single file with the hook, their loopback servers
//! and the virtual display WebKitGTK draws on.

use std::{
    fs,
    io::Read,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
};

use crate::{Result, dist, dns_server::DnsStack, ispdb_server, root, run, single, static_server, tools::Tools};

/// Where the copies are written.
const OUT: &str = "target/engines";
/// The hook's file name in a copy, and the page that frames a screen at a given width.
const HOOK: &str = "__hook.js";
const LAYOUT: &str = "__layout.html";
/// The broken copy's script: it throws when the errors tool opens.
const BROKEN: &str = "__broken.js";
const BROKEN_SCRIPT: &str = "// A deliberate failure: the cross-engine suite must report it.\n\
     if (new URLSearchParams(location.search).get('tool') === 'errors') {\n  \
     addEventListener('load', () => { throw new Error('deliberately broken: the errors tool'); });\n}\n";
/// The split point whose pack the broken copy cuts short.
const CUT_PACK: &str = "pack_spf_tool-";

/// The page's first script: `tag` right after `<head>`, before the page's policy and scripts.
fn first_in_head(html: &str, tag: &str) -> Result<String> {
    let at = html.find("<head>").ok_or("engines: a page without <head>")? + "<head>".len();
    Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
}

/// `dist/` copied to `out` with the hook (and `extra` scripts after it) first in its page.
/// The page's precompressed twins are removed: they would serve the page without the hook.
fn hooked_copy(dist: &Path, out: &Path, extra: &[&str]) -> Result {
    let _ = fs::remove_dir_all(out);
    dist::copy_dir(dist, out)?;
    let engines = root().join("tests/engines");
    for (from, to) in [("hook.js", HOOK), ("layout.html", LAYOUT)] {
        fs::copy(engines.join(from), out.join(to)).map_err(|e| format!("tests/engines/{from}: {e}"))?;
    }
    let page = out.join("index.html");
    let html = fs::read_to_string(&page).map_err(|e| e.to_string())?;
    let tags: String = [HOOK]
        .iter()
        .chain(extra)
        .map(|src| format!("<script src=\"./{src}\"></script>"))
        .collect();
    fs::write(&page, first_in_head(&html, &tags)?).map_err(|e| e.to_string())?;
    for twin in ["index.html.gz", "index.html.br"] {
        let _ = fs::remove_file(out.join(twin));
    }
    Ok(())
}

/// The broken copy: the SPF tool's pack cut in half, and a script that throws on the errors
/// tool.
fn broken_copy(dist: &Path, out: &Path) -> Result {
    hooked_copy(dist, out, &[BROKEN])?;
    fs::write(out.join(BROKEN), BROKEN_SCRIPT).map_err(|e| e.to_string())?;
    let pack = fs::read_dir(out)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(CUT_PACK) && name.ends_with(".bin")
        })
        .ok_or("engines: no SPF tool pack to cut in the build")?;
    let bytes = fs::read(&pack).map_err(|e| e.to_string())?;
    fs::write(&pack, &bytes[..bytes.len() / 2]).map_err(|e| e.to_string())?;
    for twin in ["gz", "br"] {
        let _ = fs::remove_file(format!("{}.{twin}", pack.display()));
    }
    Ok(())
}

/// The single file with the hook inline, before its `<meta>` policy (which applies to what
/// follows it only), beside the original.
fn hooked_single(single: &Path, out: &Path) -> Result<PathBuf> {
    let html = fs::read_to_string(single).map_err(|e| format!("{}: {e}", single.display()))?;
    let hook = fs::read_to_string(root().join("tests/engines/hook.js")).map_err(|e| e.to_string())?;
    let file = out.join(single::OUT_FILE);
    fs::write(&file, first_in_head(&html, &format!("<script>{hook}</script>"))?).map_err(|e| e.to_string())?;
    Ok(file)
}

/// A virtual display for WebKitGTK, stopped when dropped.
struct Display {
    child: Child,
    name: String,
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Xvfb on the first free display number, which it writes to its standard output.
fn display() -> Result<Display> {
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1400x1100x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("Xvfb: {e}"))?;
    let mut number = String::new();
    let mut out = child.stdout.take().ok_or("Xvfb: no output")?;
    let mut byte = [0u8];
    while out.read(&mut byte).map_err(|e| e.to_string())? == 1 && byte[0] != b'\n' {
        number.push(byte[0] as char);
    }
    if number.trim().is_empty() {
        let _ = child.kill();
        return Err("Xvfb did not start".into());
    }
    Ok(Display {
        child,
        name: format!(":{}", number.trim()),
    })
}

/// Runs the walks in Firefox ESR and WebKitGTK, Chromium giving the layout reference.
/// `strict_policy` is the embedding site's header (see `browser_tests`).
pub fn walks(tools: &Tools, dns: &DnsStack, ispdb: &ispdb_server::Running, strict_policy: &str) -> Result {
    let out = root().join(OUT);
    let dist = root().join("dist");
    let (site_dir, broken_dir) = (out.join("site"), out.join("broken"));
    hooked_copy(&dist, &site_dir, &[])?;
    broken_copy(&dist, &broken_dir)?;
    let single = hooked_single(&root().join(single::OUT_DIR).join(single::OUT_FILE), &out)?;
    let site = static_server::start("127.0.0.1:0", site_dir.clone())?;
    let strict = static_server::start_with(
        "127.0.0.1:0",
        vec![("/aide/smtp/".into(), site_dir)],
        vec![("Content-Security-Policy".into(), strict_policy.to_owned())],
    )?;
    let broken = static_server::start("127.0.0.1:0", broken_dir)?;
    let display = display()?;
    run(Command::new("node")
        .arg("tests/engines/run.mjs")
        .env("BASE_URL", format!("http://{}/", site.address))
        .env("SITE_URL", format!("http://{}/aide/smtp/", strict.address))
        .env("BROKEN_URL", format!("http://{}/", broken.address))
        .env("SINGLE_FILE", &single)
        .env("DOH_URL", &dns.url)
        .env("ISPDB_URL", &ispdb.url)
        .env("CHROMIUM", &tools.chromium)
        .env("FIREFOX", &tools.firefox)
        .env("WEBKIT_DRIVER", &tools.webkit_driver)
        .env("WEBKIT_BROWSER", &tools.webkit_browser)
        .env("DISPLAY", &display.name)
        .env("OUT_DIR", &out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hook_comes_first_in_the_head() {
        assert_eq!(
            first_in_head(
                "<html><head><meta charset=\"utf-8\"><script src=\"a.js\"></script></head>",
                "<script>h</script>"
            )
            .unwrap(),
            "<html><head><script>h</script><meta charset=\"utf-8\"><script src=\"a.js\"></script></head>"
        );
        assert!(first_in_head("<html><body></body></html>", "x").is_err());
    }
}
