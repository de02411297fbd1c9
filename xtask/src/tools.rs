//! Installs what the build and the tests need, once: the wasm target, std's sources, Trunk, the
//! wasm-bindgen CLI matching Cargo.lock, the npm packages (wasm-opt, Playwright, axe,
//! Puppeteer) and the browsers: Chromium, Firefox ESR and WebKitGTK. Versions come from `[workspace.metadata.tools]` in the root Cargo.toml.

use std::{
    env, fs,
    path::PathBuf,
    process::{Command, Stdio},
};

use crate::{Result, root, run};

/// What later steps need to know about the installed tools.
pub struct Tools {
    /// PATH with the npm binaries (wasm-opt) and cargo's bin directory first.
    pub path: String,
    pub chromium: PathBuf,
    /// The cross-engine walks' browsers: Firefox ESR, WebKitGTK's driver and its MiniBrowser.
    pub firefox: PathBuf,
    pub webkit_driver: PathBuf,
    pub webkit_browser: PathBuf,
}

fn pins() -> Result<toml::Table> {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    let manifest: toml::Table = manifest.parse().map_err(|e| format!("Cargo.toml: {e}"))?;
    manifest
        .get("workspace")
        .and_then(|w| w.get("metadata"))
        .and_then(|m| m.get("tools"))
        .and_then(|t| t.as_table())
        .cloned()
        .ok_or_else(|| "Cargo.toml has no [workspace.metadata.tools]".to_owned())
}

pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The cargo that runs xtask (`CARGO`), else the one on PATH.
pub fn cargo() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// The root of the toolchain that builds the app (`rustc --print sysroot`).
pub fn sysroot() -> Result<PathBuf> {
    let sysroot = output("rustc", &["--print", "sysroot"]).ok_or("rustc --print sysroot failed")?;
    Ok(PathBuf::from(sysroot.trim()))
}

fn cargo_bin() -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env::var_os("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin")
}

fn search_path() -> String {
    let npm_bin = root().join("node_modules/.bin");
    let old = env::var("PATH").unwrap_or_default();
    format!("{}:{}:{old}", npm_bin.display(), cargo_bin().display())
}

/// The `wasm-bindgen` version locked in Cargo.lock.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let lock: toml::Table = lock.parse().map_err(|e| format!("Cargo.lock: {e}"))?;
    lock.get("package")
        .and_then(|p| p.as_array())
        .into_iter()
        .flatten()
        .find(|p| p.get("name").and_then(|n| n.as_str()) == Some("wasm-bindgen"))
        .and_then(|p| p.get("version")?.as_str().map(str::to_owned))
        .ok_or_else(|| "wasm-bindgen is not in Cargo.lock".to_owned())
}

fn ensure_wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// The standard library's sources and the crates they build with, for the release build's own
/// std (see `dist::SMALL_STD`). Trunk builds offline: the crates are fetched here, once.
fn ensure_std_sources() -> Result {
    let installed = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|l| l.trim().starts_with("rust-src")) {
        run(Command::new("rustup").args(["component", "add", "rust-src"]))?;
    }
    let library = sysroot()?.join("lib/rustlib/src/rust/library/Cargo.toml");
    // The library's manifest uses unstable cargo features, as std's own build does.
    run(Command::new(cargo())
        .args(["fetch", "--quiet", "--manifest-path"])
        .arg(library)
        .env("RUSTC_BOOTSTRAP", "1"))
}

/// Installs `krate` at `version` with cargo unless `binary --version` already reports it.
fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, locked: bool) -> Result {
    let bin = cargo_bin().join(binary);
    let current = output(bin.to_str().unwrap_or(binary), &["--version"]).unwrap_or_default();
    if current.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    let mut install = Command::new(cargo());
    install.args(["install", krate, "--version", version]);
    // wasm-bindgen-cli's lock file does not resolve against every registry mirror.
    if locked {
        install.arg("--locked");
    }
    run(&mut install)
}

fn ensure_npm_packages(pins: &toml::Table) -> Result {
    let packages = pins
        .get("npm")
        .and_then(|n| n.as_table())
        .ok_or("no [workspace.metadata.tools.npm]")?;
    let wanted: Vec<String> = packages
        .iter()
        .filter(|(name, version)| {
            let manifest = root().join("node_modules").join(name).join("package.json");
            let installed = fs::read_to_string(manifest).unwrap_or_default();
            let expected = format!("\"version\": \"{}\"", version.as_str().unwrap_or_default());
            !installed.contains(&expected)
        })
        .map(|(name, version)| format!("{name}@{}", version.as_str().unwrap_or_default()))
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    let all: Vec<String> = packages
        .iter()
        .map(|(n, v)| format!("{n}@{}", v.as_str().unwrap_or_default()))
        .collect();
    run(Command::new("npm")
        .arg("--prefix")
        .arg(root())
        .args([
            "install",
            "--no-save",
            "--no-package-lock",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
        ])
        .args(&all))
}

fn apt_get(args: &[&str]) -> Result {
    let as_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let mut command = Command::new(if as_root { "apt-get" } else { "sudo" });
    if !as_root {
        command.arg("apt-get");
    }
    run(command.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Installs Debian packages, refreshing the package lists only when the first try fails.
fn apt_install(packages: &[&str]) -> Result {
    let install = || apt_get(&[&["install", "-y", "--no-install-recommends"][..], packages].concat());
    install().or_else(|_| {
        apt_get(&["update"])?;
        install()
    })
}

fn ensure_chromium() -> Result<PathBuf> {
    let chromium = PathBuf::from("/usr/bin/chromium");
    if !chromium.exists() {
        apt_install(&["chromium", "chromium-driver"])?;
    }
    Ok(chromium)
}

/// Firefox ESR, WebKitGTK's WebDriver with its MiniBrowser, and Xvfb for WebKitGTK's window.
fn ensure_engines() -> Result<(PathBuf, PathBuf, PathBuf)> {
    let firefox = PathBuf::from("/usr/bin/firefox-esr");
    let driver = PathBuf::from("/usr/bin/WebKitWebDriver");
    if !firefox.exists() || !driver.exists() || !PathBuf::from("/usr/bin/Xvfb").exists() {
        apt_install(&["firefox-esr", "webkit2gtk-driver", "xvfb"])?;
    }
    // MiniBrowser ships with the WebKitGTK library, in its multiarch folder.
    let browser = fs::read_dir("/usr/lib")
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|p| p.exists())
        .ok_or("no /usr/lib/*/webkit2gtk-4.1/MiniBrowser after installing webkit2gtk-driver")?;
    Ok((firefox, driver, browser))
}

/// knot and dnsdist, for the DNS-over-HTTPS stack of the browser tests.
fn ensure_dns_servers() -> Result {
    let missing: Vec<&str> = [("knotd", "knot"), ("dnsdist", "dnsdist")]
        .into_iter()
        .filter(|(binary, _)| {
            !PathBuf::from("/usr/sbin").join(binary).exists() && !PathBuf::from("/usr/bin").join(binary).exists()
        })
        .map(|(_, package)| package)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        apt_install(&missing)
    }
}

/// Everything `trunk build --release` needs.
pub fn ensure_build_tools() -> Result<Tools> {
    let pins = pins()?;
    ensure_wasm_target()?;
    ensure_std_sources()?;
    let trunk = pins.get("trunk").and_then(|v| v.as_str()).ok_or("no trunk pin")?;
    ensure_cargo_tool("trunk", "trunk", trunk, true)?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &locked_wasm_bindgen()?, false)?;
    ensure_npm_packages(&pins)?;
    Ok(Tools {
        path: search_path(),
        chromium: PathBuf::new(),
        firefox: PathBuf::new(),
        webkit_driver: PathBuf::new(),
        webkit_browser: PathBuf::new(),
    })
}

/// Build tools plus what the browser tests use: Chromium, Firefox ESR, WebKitGTK, knot and
/// dnsdist.
pub fn ensure_all() -> Result<Tools> {
    let tools = ensure_build_tools()?;
    ensure_dns_servers()?;
    let (firefox, webkit_driver, webkit_browser) = ensure_engines()?;
    Ok(Tools {
        chromium: ensure_chromium()?,
        firefox,
        webkit_driver,
        webkit_browser,
        ..tools
    })
}
