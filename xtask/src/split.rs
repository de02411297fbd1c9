//! The wasm split of the release build: the linker wrapper Trunk's cargo build goes through
//! (`src/bin/wasm-link.rs`), and the chunks it cuts, optimised, named by their content and
//! put beside the main module in dist/.

use std::{
    collections::HashMap,
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use crate::{
    Result,
    dist::{hashed, integrity},
    root, run,
    tools::{Tools, cargo, output, sysroot},
};

/// The JS module the splitter writes: it loads the chunks and imports the main JS module.
const LINK_MODULE: &str = "__wasm_split.js";
/// The splitter's loader imports the main JS module for its instance's exports. That import
/// would tie the two files' names to each other's content; the page's loader hands its
/// `initSync` over instead (see `dist::externalise_loader`).
const MAIN_IMPORT: &str = "import { initSync } from \"./mailsetup.js\";";
const MAIN_HANDED_OVER: &str = "let initSync;\n/** The main JS module's `initSync`, from the page's loader before it starts the module. */\n\
                                export function setMain(mainInitSync) { initSync = mainInitSync; }";
/// The shared table under the name wasm-link exports it with (see there).
const TABLE_IMPORT: &str = "const { __indirect_function_table,";
const TABLE_IMPORT_RENAMED: &str = "const { __wasm_split_shared_table: __indirect_function_table,";

/// rust-lld of the toolchain that builds the app.
fn rust_lld() -> Result<PathBuf> {
    let verbose = output("rustc", &["-vV"]).ok_or("rustc -vV failed")?;
    let host = verbose
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .ok_or("rustc -vV names no host")?;
    Ok(sysroot()?.join("lib/rustlib").join(host).join("bin/rust-lld"))
}

/// Builds wasm-link and returns the environment that makes it cargo's wasm32 linker. When
/// the chunks of the last link are missing (deleted, or a split cut short), the linked module
/// is removed too, so that cargo links and splits it again instead of calling it fresh.
pub fn linker_env(split_dir: &Path) -> Result<Vec<(String, String)>> {
    if !split_dir.join(LINK_MODULE).exists() {
        let release = root().join("target/wasm32-unknown-unknown/release");
        let linked = fs::read_dir(release.join("deps"))
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                name.starts_with("mailsetup-") && name.ends_with(".wasm")
            });
        for module in linked.chain([release.join("mailsetup.wasm")]) {
            let _ = fs::remove_file(module);
        }
    }
    run(Command::new(cargo()).args(["build", "--quiet", "--package", "xtask", "--bin", "wasm-link"]))?;
    let path = |p: &Path| p.display().to_string();
    Ok(vec![
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER".into(),
            path(&root().join("target/debug/wasm-link")),
        ),
        ("MAILSETUP_LLD".into(), path(&rust_lld()?)),
        ("MAILSETUP_SPLIT_DIR".into(), path(split_dir)),
        ("MAILSETUP_SPLIT_OUTPUT".into(), "mailsetup".into()),
    ])
}

/// Replaces every `from`, which must occur: the files come from pinned tools, and a format
/// change must fail the build rather than ship a page that cannot start.
fn replace(text: &str, from: &str, to: &str, what: &str) -> Result<String> {
    if !text.contains(from) {
        return Err(format!("{what}: `{from}` not found"));
    }
    Ok(text.replace(from, to))
}

/// The splitter's chunk loader checked to load every chunk written (`stems`: the files' names
/// without `.wasm`), with the main module handed over by the page's loader and the shared
/// table under wasm-link's name, written compactly.
fn patch_loader(loader: &str, stems: &[String]) -> Result<String> {
    if let Some(stem) = stems
        .iter()
        .find(|stem| !loader.contains(&format!("\"./{stem}.wasm\"")))
    {
        return Err(format!("{LINK_MODULE}: `\"./{stem}.wasm\"` not found"));
    }
    let loader = replace(loader, MAIN_IMPORT, MAIN_HANDED_OVER, LINK_MODULE)?;
    let loader = replace(&loader, TABLE_IMPORT, TABLE_IMPORT_RENAMED, LINK_MODULE)?;
    compact(&loader, stems.len())
}

/// How the splitter writes each chunk's fetch: the same five lines around each file name.
const FETCH_BEFORE: &str = "makeLoad(() => {\n    const src = fetch(new URL(\"./";
const FETCH_AFTER: &str = "\", import.meta.url));\n    src.catch(() => {});\n    \
                           return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}\n, ";
/// The splitter's fetch of each file written once (`chunk("chunk_8.wasm", [...])`), taking the
/// file's bytes from its split point's pack (`packed`, see `write_packs`): a split point's
/// load fetches its pack when any of its files is still to fetch. Each load lists the files it
/// needs, for its pack; a pack is listed for `preload`. A split point with a pack of what it
/// needs beyond `AFTER`'s (`rest`) fetches that one when it lacks none of `AFTER`'s files. A
/// file's bytes are kept from the pack's arrival to their module's instantiation only.
pub const FETCH_HELPER: &str = "const got = new Map();\n\
                                function chunk(name, deps) {\n    \
                                const load = makeLoad(() => {\n        \
                                const src = got.get(name) ?? Promise.reject(new Error(name));\n        \
                                src.catch(() => {});\n        \
                                return async (imports) => {\n            \
                                const module = await WebAssembly.instantiate(await src, imports);\n            \
                                got.set(name, null);\n            \
                                return module;\n        \
                                };\n    \
                                }, deps);\n    \
                                load.files = [...new Set([name, ...deps.flatMap((dep) => dep.files)])];\n    \
                                return load;\n}\n\
                                function packed(load, pack, rest, after) {\n    \
                                const all = () => {\n        \
                                const missing = load.files.filter((name) => !got.has(name));\n        \
                                if (missing.length) {\n            \
                                const held = S[after]?.needs ?? [];\n            \
                                const from = rest && !missing.some((name) => held.includes(name)) ? rest : pack;\n            \
                                const parts = fetch(new URL(\"./\" + from, import.meta.url))\n                \
                                .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(from))))\n                \
                                .then(unpack);\n            \
                                for (const name of missing) {\n                \
                                const bytes = parts.then((p) => p.get(name));\n                \
                                got.set(name, bytes);\n                \
                                bytes.catch(() => got.delete(name));\n            \
                                }\n        \
                                }\n        \
                                return load();\n    \
                                };\n    \
                                all.files = [pack];\n    \
                                all.needs = load.files;\n    \
                                return all;\n}\n\
                                function unpack(bytes) {\n    \
                                const length = new DataView(bytes).getUint32(0, true);\n    \
                                const parts = new Map();\n    \
                                let at = 4 + length;\n    \
                                for (const line of new TextDecoder().decode(new Uint8Array(bytes, 4, length)).split(\"\\n\")) {\n        \
                                const [name, size] = line.split(\" \");\n        \
                                parts.set(name, bytes.slice(at, (at += Number(size))));\n    \
                                }\n    \
                                return parts;\n}\n";

/// A split point's load as the splitter exports it, once compacted; `S.` keeps it by name.
const SPLIT_EXPORT: &str = "export const __wasm_split_load_";
const SPLIT_LOAD: &str = " = wrapAsyncCb(chunk(";

/// What a deep link needs, asked for while the main module downloads: `preload("spf_tool")`
/// adds a `<link rel=preload>` for each of the split point's files, whose later `fetch` the
/// browser serves from it (same URL, same CORS mode). An unknown name preloads nothing.
pub const PRELOAD_HELPER: &str = "export function preload(split) {\n    \
                                  for (const name of S[split]?.files ?? []) {\n        \
                                  const link = document.createElement(\"link\");\n        \
                                  Object.assign(link, { rel: \"preload\", as: \"fetch\", crossOrigin: \"anonymous\", \
                                  href: new URL(\"./\" + name, import.meta.url).href });\n        \
                                  document.head.append(link);\n    }\n}\n";

/// The chunks by number, and a split point's list of them: `d(12,13)` for
/// `[__chunk_12, __chunk_13]`, a third of the loader's size; `S`, the split points by name.
const CHUNK_TABLE: &str = "const C = [];\nconst d = (...n) => n.map((i) => C[i]);\nconst S = {};\n";

/// `const __chunk_12 = ` as `C[12] = `, and each list of chunks as `d(…)`.
fn numbered(loader: &str) -> String {
    let mut out = String::with_capacity(loader.len());
    for line in loader.split_inclusive('\n') {
        let line = match line.strip_prefix("const __chunk_") {
            Some(rest) => match rest.split_once(" = ") {
                Some((n, value)) => format!("C[{n}] = {value}"),
                None => line.to_owned(),
            },
            None => line.to_owned(),
        };
        let mut rest = line.as_str();
        while let Some(start) = rest.find("[__chunk_") {
            let Some(len) = rest[start..].find(']') else { break };
            let numbers: Vec<&str> = rest[start + 1..start + len]
                .split(", ")
                .map(|c| c.trim_start_matches("__chunk_"))
                .collect();
            out.push_str(&rest[..start]);
            out.push_str(&format!("d({})", numbers.join(",")));
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
    }
    out
}

/// The loader is in the first load, and the splitter repeats the fetch and a comment naming
/// the split points around each of its ~100 files: written once instead (−0.5 KB gzipped).
/// Every file must be found in the expected form, or the build stops.
fn compact(loader: &str, files: usize) -> Result<String> {
    let mut out = String::with_capacity(loader.len() / 2);
    let mut rest = loader;
    let mut found = 0;
    while let Some(at) = rest.find(FETCH_BEFORE) {
        out.push_str(&rest[..at]);
        let after = &rest[at + FETCH_BEFORE.len()..];
        let name_end = after
            .find('"')
            .ok_or("the chunks' loader: a fetch without its file name")?;
        let (name, tail) = after.split_at(name_end);
        rest = tail
            .strip_prefix(FETCH_AFTER)
            .ok_or_else(|| format!("the chunks' loader: the fetch of {name} is not in the expected form"))?;
        out.push_str(&format!("chunk(\"{name}\", "));
        found += 1;
    }
    out.push_str(rest);
    if found != files {
        return Err(format!(
            "the chunks' loader fetches {found} files, {files} were written"
        ));
    }
    let mut out = by_name(&numbered(&out))?;
    let first = out.find("\nC[").map_or(out.len(), |at| at + 1);
    out.insert_str(first, &format!("{FETCH_HELPER}{CHUNK_TABLE}{PRELOAD_HELPER}"));
    // `/* dns_checks, dns_tool */`: which split points share a chunk, for reading only.
    Ok(out
        .lines()
        .filter(|l| {
            !(l.starts_with("/* ")
                && l.ends_with(" */")
                && l[3..l.len() - 3]
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_, ".contains(&b)))
        })
        .map(|l| format!("{l}\n"))
        .collect())
}

/// Each split point's load also kept in `S` under its name, for `preload`, and fetched through
/// its pack (named by `pack_placeholder` until `write_packs` knows the file's name). Every
/// export must have the compacted form, or the build stops.
fn by_name(loader: &str) -> Result<String> {
    let mut out = String::with_capacity(loader.len());
    for line in loader.split_inclusive('\n') {
        match line.strip_prefix(SPLIT_EXPORT) {
            Some(rest) => {
                let (name, tail) = rest
                    .split_once(SPLIT_LOAD)
                    .ok_or_else(|| format!("the chunks' loader: `{SPLIT_EXPORT}{rest}` is not a chunk's load"))?;
                let tail = tail
                    .trim_end()
                    .strip_suffix(");")
                    .ok_or_else(|| format!("the chunks' loader: the load of {name} does not end as expected"))?;
                out.push_str(&format!(
                    "{SPLIT_EXPORT}{name} = wrapAsyncCb(S.{name} = packed(chunk({tail}, \"{}\"));\n",
                    pack_placeholder(name)
                ));
            }
            None => out.push_str(line),
        }
    }
    Ok(out)
}

fn pack_placeholder(split: &str) -> String {
    format!("pack_of_{split}")
}

/// A load of the compacted loader: the file it fetches, and the chunks (by number) it needs.
type Load = (String, Vec<String>);

/// The loads of the compacted loader, itself first: `C[8] = chunk("a.wasm", d(3));` by chunk
/// number, and `S.x = packed(chunk("b.wasm", d(8,9)), "…")` by split point.
fn load_graph(loader: &str) -> (HashMap<String, Load>, Vec<(String, Load)>) {
    let load = |text: &str| -> Option<Load> {
        let rest = text.split_once("chunk(\"")?.1;
        let (file, rest) = rest.split_once('"')?;
        let deps = rest
            .split_once("d(")
            .and_then(|(_, d)| d.split_once(')'))
            .map(|(list, _)| list.split(',').filter(|n| !n.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default();
        Some((file.to_owned(), deps))
    };
    let mut chunks = HashMap::new();
    let mut splits = Vec::new();
    for line in loader.lines() {
        if let Some((n, rest)) = line.strip_prefix("C[").and_then(|l| l.split_once(']')) {
            if let Some(found) = load(rest) {
                chunks.insert(n.to_owned(), found);
            }
        } else if let Some(rest) = line.strip_prefix(SPLIT_EXPORT) {
            let name = rest.split(' ').next().unwrap_or_default().to_owned();
            if let Some(found) = load(rest) {
                splits.push((name, found));
            }
        }
    }
    (chunks, splits)
}

/// One file per split point holding every file its load fetches: a support link's part comes
/// in one request instead of one per shared chunk (65 for the settings card), at the price of
/// bytes fetched twice when two parts share chunks. The pack is a little-endian `u32`, that
/// many bytes of `name size` lines, then the files (read from `files_in`) in that order. The
/// loader is returned with the packs' names.
fn write_packs(loader: &str, files_in: &Path, dist: &Path) -> Result<String> {
    let (chunks, splits) = load_graph(loader);
    let mut needs = Vec::new();
    for (split, (file, deps)) in splits {
        let mut files = vec![file];
        let mut queue = deps;
        while let Some(n) = queue.pop() {
            let (file, deps) = chunks
                .get(&n)
                .ok_or_else(|| format!("the chunks' loader: {split} needs chunk {n}, which it does not load"))?;
            if !files.contains(file) {
                files.push(file.clone());
                queue.extend(deps.iter().cloned());
            }
        }
        needs.push((split, files));
    }
    let after: Vec<String> = needs
        .iter()
        .find(|(split, _)| split == AFTER)
        .map(|(_, files)| files.clone())
        .unwrap_or_default();
    let mut loader = loader.to_owned();
    for (split, files) in &needs {
        let name = write_pack(&format!("pack_{split}"), files, files_in, dist)?;
        let rest: Vec<String> = files.iter().filter(|f| !after.contains(f)).cloned().collect();
        let packed = if rest.is_empty() || rest.len() == files.len() {
            format!("\"{name}\"")
        } else {
            let rest = write_pack(&format!("pack_{split}_after_{AFTER}"), &rest, files_in, dist)?;
            format!("\"{name}\", \"{rest}\", \"{AFTER}\"")
        };
        loader = replace(
            &loader,
            &format!("\"{}\"", pack_placeholder(split)),
            &packed,
            LINK_MODULE,
        )?;
    }
    Ok(loader)
}

/// The split point whose files the others' second packs leave out: the first screen fetches
/// its pack when the page is idle (`ui::app`), and the relay's and the DNS checks' parts open
/// only inside its screens. A tool opened after the wizard's screens, or the relay inside
/// them, then fetches only what it needs beyond them (the relay: 112 KiB instead of 183).
const AFTER: &str = "screens";

/// Writes `files` (read from `files_in`) into one pack named `stem-<hash>.bin` in `dist` and
/// returns that name.
fn write_pack(stem: &str, files: &[String], files_in: &Path, dist: &Path) -> Result<String> {
    let mut header = Vec::new();
    let mut body = Vec::new();
    for file in files {
        let bytes = fs::read(files_in.join(file)).map_err(|e| format!("{file}: {e}"))?;
        header.push(format!("{file} {}", bytes.len()));
        body.extend(bytes);
    }
    let header = header.join("\n");
    let mut pack = u32::try_from(header.len())
        .map_err(|e| e.to_string())?
        .to_le_bytes()
        .to_vec();
    pack.extend(header.as_bytes());
    pack.extend(body);
    let name = hashed(stem, "bin", &pack);
    fs::write(dist.join(&name), &pack).map_err(|e| e.to_string())?;
    Ok(name)
}

/// wasm-bindgen's JS module importing the chunks' loader under its hashed name: only the
/// import statements change, the wasm module's own import name stays as it is.
fn patch_glue(glue: &str, glue_name: &str, loader_name: &str) -> Result<String> {
    replace(
        glue,
        &format!("from \"./{LINK_MODULE}\""),
        &format!("from \"./{loader_name}\""),
        glue_name,
    )
}

/// `wasm-opt -Oz` of a chunk, as Trunk runs it on the main module. Kept by the input's hash:
/// most builds change few chunks, and wasm-opt takes a second or more per chunk.
fn optimise(chunk: &Path, tools: &Tools) -> Result<Vec<u8>> {
    let input = fs::read(chunk).map_err(|e| e.to_string())?;
    let cache = root().join("target/wasm-opt-cache");
    let cached = cache.join(hashed("chunk", "wasm", &input));
    if let Ok(bytes) = fs::read(&cached) {
        return Ok(bytes);
    }
    fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    let partial = cached.with_extension("partial");
    run(Command::new("wasm-opt")
        .arg("-Oz")
        .arg("--enable-reference-types")
        .arg(chunk)
        .arg("-o")
        .arg(&partial)
        .env("PATH", &tools.path))?;
    fs::rename(&partial, &cached).map_err(|e| e.to_string())?;
    fs::read(&cached).map_err(|e| e.to_string())
}

/// The optimised chunks, under the splitter's names: read by `write_packs` and by the single
/// file, never served (the page fetches packs).
pub const CHUNKS_DIR: &str = "target/chunks";

/// Optimises each chunk into `CHUNKS_DIR`, writes a pack per split point into dist/ and the
/// chunk loader naming them, and points the main JS module (renamed after its new content, in
/// index.html too) at that loader, whose name it returns.
pub fn install_chunks(split_dir: &Path, dist: &Path, tools: &Tools) -> Result<String> {
    let Ok(loader) = fs::read_to_string(split_dir.join(LINK_MODULE)) else {
        return Err(format!(
            "{} is missing: build again",
            split_dir.join(LINK_MODULE).display()
        ));
    };
    let chunks = root().join(CHUNKS_DIR);
    let _ = fs::remove_dir_all(&chunks);
    fs::create_dir_all(&chunks).map_err(|e| format!("{}: {e}", chunks.display()))?;
    let entries = fs::read_dir(split_dir).map_err(|e| e.to_string())?;
    let mut stems = Vec::new();
    for chunk in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if chunk.extension().is_none_or(|e| e != "wasm") {
            continue;
        }
        let name = chunk.file_name().unwrap_or_default().to_owned();
        fs::write(chunks.join(&name), optimise(&chunk, tools)?).map_err(|e| e.to_string())?;
        stems.push(chunk.file_stem().unwrap_or_default().to_string_lossy().into_owned());
    }
    let loader = write_packs(&patch_loader(&loader, &stems)?, &chunks, dist)?;
    let loader_name = hashed("split", "js", loader.as_bytes());
    fs::write(dist.join(&loader_name), &loader).map_err(|e| e.to_string())?;

    let glue = fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|n| n.starts_with("mailsetup-") && n.ends_with(".js"))
        .ok_or("dist/ has no mailsetup-*.js")?;
    let old = fs::read_to_string(dist.join(&glue)).map_err(|e| e.to_string())?;
    let new = patch_glue(&old, &glue, &loader_name)?;
    let renamed = hashed("mailsetup", "js", new.as_bytes());
    fs::write(dist.join(&renamed), &new).map_err(|e| e.to_string())?;
    fs::remove_file(dist.join(&glue)).map_err(|e| e.to_string())?;
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    // No modulepreload for the chunks' loader: with one, Chromium 156 left a first load
    // hanging about one time in four (the loader and the main JS module both import it).
    let index = index
        .replace(&glue, &renamed)
        .replace(&integrity(old.as_bytes()), &integrity(new.as_bytes()));
    fs::write(index_path, index).map_err(|e| e.to_string())?;
    Ok(loader_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tools whose output `xtask/fixtures` holds, at the versions it was taken from.
    const FIXTURES_FROM: [(&str, &str); 3] = [
        ("trunk", "0.21.14"),
        ("wasm-bindgen", "0.2.130"),
        ("wasm_split_cli_support", "0.2.4"),
    ];

    fn fixture(name: &str) -> String {
        fs::read_to_string(root().join("xtask/fixtures").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// The patches of split.rs, dist.rs and wasm-link read these tools' output: an upgrade
    /// must come with fixtures taken from the new version, and the patches checked on them.
    #[test]
    fn fixtures_match_the_pinned_tools() {
        let manifest: toml::Table = fs::read_to_string(root().join("Cargo.toml")).unwrap().parse().unwrap();
        let lock: toml::Table = fs::read_to_string(root().join("Cargo.lock")).unwrap().parse().unwrap();
        let locked = |name: &str| {
            lock["package"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"].as_str() == Some(name))
                .and_then(|p| p["version"].as_str())
                .map(str::to_owned)
        };
        for (tool, version) in FIXTURES_FROM {
            let now = match tool {
                "trunk" => manifest["workspace"]["metadata"]["tools"]["trunk"]
                    .as_str()
                    .map(str::to_owned),
                crate_name => locked(crate_name),
            };
            assert_eq!(
                now.as_deref(),
                Some(version),
                "{tool} is no longer {version}: take xtask/fixtures again from its output, check the \
                 patches of xtask/src/split.rs, dist.rs and bin/wasm-link.rs on them, then update FIXTURES_FROM"
            );
        }
    }

    #[test]
    fn the_chunk_loader_is_patched() {
        let stems = ["chunk_8", "chunk_9", "split_spf_tool"].map(String::from);
        let patched =
            patch_loader(&fixture("wasm-split-loader.js"), &stems).expect("the splitter's loader as expected");
        assert!(patched.contains("C[8] = chunk(\"chunk_8.wasm\", []);"), "{patched}");
        assert!(
            patched.contains(CHUNK_TABLE) && !patched.contains("__chunk_"),
            "{patched}"
        );
        assert!(patched.contains(FETCH_HELPER) && !patched.contains("/* dns_checks"));
        assert!(
            patched.contains(
                "export const __wasm_split_load_spf_tool = wrapAsyncCb(S.spf_tool = packed(chunk(\"split_spf_tool.wasm\", d(8,9)), \"pack_of_spf_tool\"));"
            ) && patched.contains(PRELOAD_HELPER),
            "{patched}"
        );
        assert!(patched.contains("export function setMain(mainInitSync)") && !patched.contains("./mailsetup.js"));
        assert!(patched.contains(TABLE_IMPORT_RENAMED));
        let error = patch_loader(&fixture("wasm-split-loader.js"), &["chunk_99".into()]).unwrap_err();
        assert!(
            error.contains("chunk_99.wasm") && error.contains("not found"),
            "{error}"
        );
    }

    #[test]
    fn each_split_point_gets_a_pack_of_every_file_it_fetches() {
        let dist = std::env::temp_dir().join(format!("mailsetup-packs-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        for (file, bytes) in [("a.wasm", &b"AA"[..]), ("b.wasm", b"B"), ("s.wasm", b"SSS")] {
            fs::write(dist.join(file), bytes).unwrap();
        }
        let loader = "C[3] = chunk(\"a.wasm\", []);\nC[4] = chunk(\"b.wasm\", d(3));\n\
                      export const __wasm_split_load_x = wrapAsyncCb(S.x = packed(chunk(\"s.wasm\", d(4,3)), \"pack_of_x\"));\n";
        let patched = write_packs(loader, &dist, &dist).expect("packs");
        let name = patched.split("\"").find(|part| part.starts_with("pack_")).unwrap();
        assert!(name.starts_with("pack_x-") && name.ends_with(".bin"), "{patched}");
        let pack = fs::read(dist.join(name)).unwrap();
        let header = "s.wasm 3\na.wasm 2\nb.wasm 1";
        assert_eq!(&pack[..4], &u32::try_from(header.len()).unwrap().to_le_bytes());
        assert_eq!(&pack[4..4 + header.len()], header.as_bytes());
        assert_eq!(&pack[4 + header.len()..], b"SSSAAB");
        let _ = fs::remove_dir_all(&dist);
        let broken =
            "export const __wasm_split_load_x = wrapAsyncCb(S.x = packed(chunk(\"s.wasm\", d(9)), \"pack_of_x\"));\n";
        assert!(write_packs(broken, &dist, &dist).unwrap_err().contains("chunk 9"));
    }

    /// A split point sharing files with `AFTER`'s gets a second pack without them, named with
    /// its loader's call; one sharing none, or `AFTER` itself, gets none.
    #[test]
    fn a_part_opened_after_the_screens_gets_a_pack_of_what_it_adds() {
        let dist = std::env::temp_dir().join(format!("mailsetup-after-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        for (file, bytes) in [
            ("a.wasm", &b"AA"[..]),
            ("s.wasm", b"S"),
            ("x.wasm", b"XXX"),
            ("y.wasm", b"Y"),
        ] {
            fs::write(dist.join(file), bytes).unwrap();
        }
        let load = |split: &str, file: &str, deps: &str| {
            format!(
                "export const __wasm_split_load_{split} = wrapAsyncCb(S.{split} = packed(chunk(\"{file}\", d({deps})), \"pack_of_{split}\"));\n"
            )
        };
        let loader = format!(
            "C[3] = chunk(\"a.wasm\", []);\n{}{}{}",
            load(AFTER, "s.wasm", "3"),
            load("x", "x.wasm", "3"),
            load("y", "y.wasm", "")
        );
        let patched = write_packs(&loader, &dist, &dist).expect("packs");
        let call = |split: &str| {
            patched
                .lines()
                .find(|l| l.contains(&format!("S.{split} = ")))
                .unwrap()
                .to_owned()
        };
        let x = call("x");
        let rest = x.split('"').find(|part| part.starts_with("pack_x_after_")).unwrap();
        assert!(x.ends_with(&format!("\"{rest}\", \"{AFTER}\"));")), "{x}");
        let pack = fs::read(dist.join(rest)).unwrap();
        assert_eq!(&pack[4..], b"x.wasm 3XXX");
        for split in [AFTER, "y"] {
            assert_eq!(call(split).matches(".bin\"").count(), 1, "{}", call(split));
        }
        let _ = fs::remove_dir_all(&dist);
    }

    #[test]
    fn the_main_js_module_imports_the_hashed_loader() {
        let patched = patch_glue(&fixture("wasm-bindgen-glue.js"), "mailsetup.js", "split-XyZ.js")
            .expect("wasm-bindgen's imports as expected");
        assert!(patched.contains("import * as import1 from \"./split-XyZ.js\""));
        assert!(!patched.contains(LINK_MODULE));
        assert!(
            patch_glue("export {}", "mailsetup.js", "split-XyZ.js")
                .unwrap_err()
                .contains("mailsetup.js")
        );
    }
}
