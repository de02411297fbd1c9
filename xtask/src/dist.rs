//! The release build and its transfer size: each file of `dist/` raw and gzipped, and the
//! budget the first load must stay under.

use std::{
    env, fs,
    io::Write,
    path::{Path, PathBuf},
    process::Command,
};

use flate2::{Compression, write::GzEncoder};

use crate::{Result, root, run, single, split, tools::Tools};

/// The most the first load (html, js, wasm, css) may weigh gzipped. Lower it as the app
/// shrinks; never raise it without a reason written next to it.
///
/// The first load holds the first screen only: the wizard's other screens, the tools, the DNS
/// code and the Microsoft 365 relay are chunks (see `split`). 296 KB in one module, 187 KB
/// with the tools split out, 166 KB with the later screens too, 152 KB with the providers'
/// texts read only by those screens (the first load keeps their index). Counted on the .gz
/// files the build writes (Zopfli since 2026-11-22: 10 KB less than zlib's best level), and
/// with one `Deferred` for every split point: 145.5 KB. Issue 15's 110 KiB, reached on
/// 2026-11-22 at 109.4 KB: the release build's own std (−20.8), the later screens' words out
/// (−1.8), no Unicode case tables (−6.1), `Deferred` without `<Suspense>` (−5.5), the scripts
/// and style minified (−2.4).
pub const BUDGET_GZIP_BYTES: u64 = 110 * 1024;

pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
}

/// The release build compiles its own std, sized for the first load: a panic is a bare trap
/// (no message formatting, no file and line of each panic site, no panic hook), and std's
/// size-over-speed variants. It took the first load's wasm from 130.6 to 110.3 KB gzipped
/// (`cargo xtask size`, 2026-11-22). These are unstable options of the pinned stable
/// toolchain, unlocked for this build only (`RUSTC_BOOTSTRAP`); the target's rustflags of
/// `.cargo/config.toml` still apply, merged with these. A panic still fails every browser
/// test: it shows as `RuntimeError: unreachable`.
const SMALL_STD: [(&str, &str); 4] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none",
    ),
];

pub fn build(tools: &Tools) -> Result<Sizes> {
    build_with(tools, &[], false)
}

/// The release build with vendor profiles added to the shipped ones (`build.rs` reads them
/// from `MAILSETUP_PROFILES` and refuses a broken one with its file and field), and the single
/// file when asked (written from the files before their minification, whose forms it reads).
pub fn build_with(tools: &Tools, profiles: &[PathBuf], single_file: bool) -> Result<Sizes> {
    let split_dir = root().join("target/wasm-split");
    let profiles = env::join_paths(profiles).map_err(|e| e.to_string())?;
    run(Command::new("trunk")
        .args(["build", "--release"])
        .env("PATH", &tools.path)
        .env("MAILSETUP_PROFILES", profiles)
        .envs(SMALL_STD)
        .envs(split::linker_env(&split_dir)?))?;
    let chunk_loader = split::install_chunks(&split_dir, &root().join("dist"), tools)?;
    externalise_loader(&root().join("dist"), &chunk_loader)?;
    if single_file {
        let size = single::build(
            &root().join("dist"),
            &root().join(split::CHUNKS_DIR),
            &root().join(single::OUT_DIR),
        )?;
        eprintln!("xtask: {}/{}: {size} bytes", single::OUT_DIR, single::OUT_FILE);
    }
    minify(&root().join("dist"), tools)?;
    precompress(&root().join("dist"))?;
    report(&root().join("dist"))
}

/// The page's scripts and style minified in place by esbuild (wasm-bindgen and the splitter
/// write readable JavaScript): −2.4 KB gzipped of the first load. The files keep their names,
/// made from their content before; index.html gets their new integrity hashes.
fn minify(dist: &Path, tools: &Tools) -> Result {
    let index_path = dist.join("index.html");
    let mut index = fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if !path.extension().is_some_and(|x| x == "js" || x == "css") {
            continue;
        }
        let before = fs::read(&path).map_err(|e| e.to_string())?;
        let minified = path.with_extension("min");
        run(Command::new("esbuild")
            .arg(&path)
            .args(["--minify", "--charset=utf8", "--log-level=warning"])
            .arg(format!("--outfile={}", minified.display()))
            .env("PATH", &tools.path))?;
        let after = fs::read(&minified).map_err(|e| e.to_string())?;
        fs::rename(&minified, &path).map_err(|e| e.to_string())?;
        index = index.replace(&integrity(&before), &integrity(&after));
    }
    fs::write(index_path, index).map_err(|e| e.to_string())
}

/// Writes `name.gz` and `name.br` beside each file a browser fetches, for servers that send
/// precompressed files (nginx `gzip_static` and `brotli_static`, Caddy `precompressed`):
/// brotli takes a fifth off the first load.
pub fn precompress(dist: &Path) -> Result {
    let mut fetched = Vec::new();
    for entry in fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path
            .extension()
            .is_some_and(|x| ["html", "js", "wasm", "css", "svg", "bin"].iter().any(|e| x == *e))
        {
            fetched.push(path);
        }
    }
    // Zopfli takes about a second per 100 KB: the files are shared out over the cores.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result {
                    while let Some(path) = fetched.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                        let bytes = fs::read(path).map_err(|e| e.to_string())?;
                        let beside = |ext: &str| format!("{}.{ext}", path.display());
                        // A pack repeats the chunks (see `split::write_packs`), some 3 MB in
                        // all: zlib's and brotli's quick settings keep the build's time.
                        let pack = path.extension().is_some_and(|x| x == "bin");
                        let gz = if pack { gzip(&bytes) } else { gzip_smallest(&bytes) };
                        fs::write(beside("gz"), gz).map_err(|e| e.to_string())?;
                        fs::write(beside("br"), brotli_at(&bytes, if pack { 9 } else { 11 }))
                            .map_err(|e| e.to_string())?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| "a compression thread panicked".to_owned())?)
    })
}

/// Copies the files of `from` (a built `dist/`) into `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// What the page says when WebAssembly cannot start, in both languages: the app's own
/// language choice has not run yet.
const LOAD_ERROR: &str = "mailsetup cannot start in this browser: it needs WebAssembly (a current Chrome, Edge, \
Firefox or Safari). / mailsetup ne peut pas démarrer dans ce navigateur : il a besoin de WebAssembly (un Chrome, \
Edge, Firefox ou Safari récent).";

pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes))
    )
}

/// A name that changes with the content, like Trunk's, so a cache never mixes two builds.
pub fn hashed(stem: &str, extension: &str, bytes: &[u8]) -> String {
    // 60 bits tell versions apart; the names are in the first load (~100 in the chunks' loader).
    let hash = integrity(bytes)[7..17].replace(['/', '+'], "_");
    format!("{stem}-{hash}.{extension}")
}

/// Trunk starts the app with an inline module script, which a strict Content-Security-Policy
/// (`script-src 'self'`) refuses. This replaces it with a file of its own, under Subresource
/// Integrity, that also tells the user when WebAssembly cannot run, and hands the started
/// module to the loader of the wasm chunks.
fn externalise_loader(dist: &Path, chunk_loader: &str) -> Result {
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    let (index, name, loader) = loader_out_of(&index, chunk_loader)?;
    fs::write(dist.join(&name), &loader).map_err(|e| e.to_string())?;
    fs::write(&index_path, index).map_err(|e| e.to_string())
}

/// A deep link's code asked for at once, beside the main module rather than after it has
/// started: a tool's chunks (`?tool=spf`: split point `spf_tool`, see `ui::lazy`), or the
/// later screens' when the link names a provider or a step after the first (`address`).
const DEEP_LINK: &str = "const query = new URLSearchParams(location.search);\n\
                         const step = (query.get('step') ?? 'address').toLowerCase();\n\
                         if (query.has('tool')) preload(`${query.get('tool').toLowerCase()}_tool`);\n\
                         else if (query.has('provider') || step !== 'address') preload('screens');\n";

/// Trunk's inline loader of `index` moved to a file: the page with a `<script src>` under
/// Subresource Integrity in its place, the file's name and its text.
fn loader_out_of(index: &str, chunk_loader: &str) -> Result<(String, String, String)> {
    let start = index
        .find(r#"<script type="module">"#)
        .ok_or("dist/index.html has no inline loader")?;
    let end = index[start..].find("</script>").ok_or("unterminated loader")? + start + "</script>".len();
    let inline = &index[start..end];
    let quoted = |prefix: &str| -> Result<String> {
        let at = inline.find(prefix).ok_or(format!("loader without {prefix}"))? + prefix.len();
        let len = inline[at..].find('\'').ok_or("unterminated path")?;
        Ok(inline[at..at + len].to_owned())
    };
    let (js, wasm) = (quoted("from './")?, quoted("module_or_path: './")?);
    // The chunks' loader reaches the started module through its `initSync`.
    let chunks = format!("import {{ setMain, preload }} from './{chunk_loader}';\nsetMain(initSync);\n{DEEP_LINK}");
    let loader = format!(
        "// Starts mailsetup; kept out of index.html so that a strict CSP needs no 'unsafe-inline'.\n\
         import init, {{ initSync }} from './{js}';\n{chunks}\
         const placeholder = document.getElementById('loading');\n\
         try {{\n  const wasm = await init({{ module_or_path: './{wasm}' }});\n  \
         // For `cargo xtask bench`: the wasm memory and the bytes its heap holds.\n  \
         globalThis.mailsetupWasm = wasm;\n  placeholder?.remove();\n}} catch (error) {{\n  \
         console.warn(error);\n  if (placeholder) {{\n    placeholder.className = 'load-error';\n    \
         placeholder.textContent = {LOAD_ERROR:?};\n  }}\n}}\n"
    );
    let hash = integrity(loader.as_bytes());
    let name = hashed("loader", "js", loader.as_bytes());
    let tag = format!(r#"<script type="module" src="./{name}" integrity="{hash}"></script>"#);
    Ok((format!("{}{tag}{}", &index[..start], &index[end..]), name, loader))
}

/// `bytes` compressed with brotli at its best quality.
fn brotli(bytes: &[u8]) -> Vec<u8> {
    brotli_at(bytes, 11)
}

/// `bytes` compressed with brotli at `quality` (0 to 11).
fn brotli_at(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out
}

fn brotli_len(bytes: &[u8]) -> u64 {
    brotli(bytes).len() as u64
}

/// `bytes` gzipped by Zopfli: a gzip stream every browser reads, some 4 % smaller than
/// zlib's best level, too slow to make per request but written once per build.
fn gzip_smallest(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, bytes, &mut out).expect("writing to memory");
    out
}

/// `bytes` gzipped at zlib's best level, for files the build did not precompress.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

fn gzip_len(bytes: &[u8]) -> u64 {
    gzip(bytes).len() as u64
}

/// Prints one line per file of the first load and its total, then the packs, each fetched the
/// first time its part is shown (see `split::write_packs`).
pub fn report(dist: &Path) -> Result<Sizes> {
    let of_kind = |kinds: &[&str]| -> Result<Vec<std::path::PathBuf>> {
        let mut files: Vec<_> = fs::read_dir(dist)
            .map_err(|e| format!("{}: {e} (run `cargo xtask build` first)", dist.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|ext| kinds.iter().any(|x| ext == *x)))
            .collect();
        files.sort();
        Ok(files)
    };
    println!("{:<44} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let total = table(&of_kind(&["html", "js", "wasm", "css"])?, "total (first load)")?;
    println!();
    table(&of_kind(&["bin"])?, "total (packs, one per part)")?;
    Ok(total)
}

fn table(files: &[std::path::PathBuf], label: &str) -> Result<Sizes> {
    let mut total = Sizes { raw: 0, gzip: 0 };
    let mut brotli_total = 0;
    for file in files {
        let bytes = fs::read(file).map_err(|e| e.to_string())?;
        // The files `precompress` wrote beside it, else compressed here.
        let beside = |ext: &str| fs::metadata(format!("{}.{ext}", file.display())).ok().map(|m| m.len());
        let gzip = beside("gz").unwrap_or_else(|| gzip_len(&bytes));
        let brotli = beside("br").unwrap_or_else(|| brotli_len(&bytes));
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        println!("{name:<44} {:>10} {gzip:>10} {brotli:>10}", bytes.len());
        total.raw += bytes.len() as u64;
        total.gzip += gzip;
        brotli_total += brotli;
    }
    println!("{label:<44} {:>10} {:>10} {brotli_total:>10}", total.raw, total.gzip);
    Ok(total)
}

pub fn check_budget(sizes: &Sizes) -> Result {
    if sizes.gzip > BUDGET_GZIP_BYTES {
        return Err(format!(
            "first load is {} bytes gzipped, over the budget of {BUDGET_GZIP_BYTES}",
            sizes.gzip
        ));
    }
    println!("size budget: {} of {BUDGET_GZIP_BYTES} bytes gzipped", sizes.gzip);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precompressed_files_hold_the_same_bytes() {
        let dir = std::env::temp_dir().join(format!("mailsetup-precompress-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let page = "<!doctype html><p>mailsetup</p>".repeat(50);
        fs::write(dir.join("index.html"), &page).unwrap();
        fs::write(dir.join("notes.txt"), "not fetched").unwrap();
        precompress(&dir).unwrap();
        let mut unzipped = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(&fs::read(dir.join("index.html.gz")).unwrap()[..]),
            &mut unzipped,
        )
        .unwrap();
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut &fs::read(dir.join("index.html.br")).unwrap()[..], &mut unbrotli).unwrap();
        assert_eq!(
            (unzipped.as_str(), unbrotli.as_slice()),
            (page.as_str(), page.as_bytes())
        );
        assert!(!dir.join("notes.txt.gz").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn trunks_inline_loader_moves_to_a_file() {
        let index = fs::read_to_string(crate::root().join("xtask/fixtures/trunk-index.html")).expect("the fixture");
        let (page, name, loader) = loader_out_of(&index, "split-XyZ.js").expect("Trunk's loader as expected");
        assert!(!page.contains("<script type=\"module\">"), "no inline script is left");
        assert!(page.contains(&format!("<script type=\"module\" src=\"./{name}\" integrity=\"sha384-")));
        assert!(loader.contains("import init, { initSync } from './mailsetup-0123456789abcdef.js';"));
        assert!(loader.contains("module_or_path: './mailsetup-0123456789abcdef_bg.wasm'"));
        assert!(loader.contains("import { setMain, preload } from './split-XyZ.js';") && loader.contains(DEEP_LINK));
        let error = loader_out_of("<html></html>", "split-XyZ.js").unwrap_err();
        assert!(error.contains("no inline loader"), "{error}");
    }
}
