//! Where the first load's wasm goes: the main module as the linker wrote it (after the split,
//! before wasm-bindgen and wasm-opt, with its function names), its function bodies grouped by
//! the crate that defines them, and its data. Shares, not final sizes: wasm-opt shrinks each
//! part by its own ratio; then the same for each part's pack. Printed by `cargo xtask size`
//! and `cargo xtask bench`.

use std::{collections::BTreeMap, fs, path::Path};

use wasmparser::{Name, Parser, Payload};

use crate::{Result, root};

/// The main module as linked (see `bin/wasm-link.rs`).
pub fn linked_module() -> std::path::PathBuf {
    root().join("target/wasm32-unknown-unknown/release/mailsetup.wasm")
}

/// Prints the table for the linked main module, with the compiled presets found in its data.
pub fn report(module: &Path) -> Result {
    let wasm = fs::read(module).map_err(|e| format!("{}: {e} (run `cargo xtask build` first)", module.display()))?;
    let presets = presets_blobs();
    let parts = parts(&wasm, &presets)?;
    let total: u64 = parts.values().sum();
    println!(
        "\nfirst-load wasm as linked ({} KB, before wasm-bindgen and wasm-opt), by part:",
        total / 1000
    );
    let mut rows: Vec<_> = parts.into_iter().collect();
    rows.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
    for (part, bytes) in rows {
        println!(
            "  {part:<44} {:>8} B {:>5.1} %",
            bytes,
            100.0 * bytes as f64 / total as f64
        );
    }
    Ok(())
}

/// The files a pack holds (see `split::write_packs`): its header's `name size` lines.
fn pack_files(pack: &[u8]) -> Result<Vec<String>> {
    let length = pack
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or("a pack without its header")?;
    let header = pack.get(4..4 + length).ok_or("a pack shorter than its header")?;
    Ok(String::from_utf8_lossy(header)
        .lines()
        .filter_map(|line| line.split(' ').next().map(str::to_owned))
        .collect())
}

/// Where each part's pack goes, as the first load's table does: its files as the splitter
/// wrote them (`target/wasm-split/`, with names, before wasm-opt) by part, the four largest,
/// and how much of it other packs repeat (chunks shared by several parts, each pack carrying
/// its own copy).
pub fn report_packs(dist: &Path) -> Result {
    let split = root().join("target/wasm-split");
    let presets = presets_blobs();
    let mut packs: Vec<(String, Vec<String>)> = Vec::new();
    for entry in fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        // A part's second pack (`split::write_packs`) holds a subset of its first.
        if name.starts_with("pack_") && name.ends_with(".bin") && !name.contains("_after_") {
            let part = name
                .trim_start_matches("pack_")
                .rsplit_once('-')
                .map_or(name.clone(), |(p, _)| p.to_owned());
            packs.push((part, pack_files(&fs::read(&path).map_err(|e| e.to_string())?)?));
        }
    }
    packs.sort();
    let mut sizes: BTreeMap<String, (u64, BTreeMap<&'static str, u64>)> = BTreeMap::new();
    for file in packs.iter().flat_map(|(_, files)| files) {
        if !sizes.contains_key(file) {
            let wasm = fs::read(split.join(file)).map_err(|e| format!("target/wasm-split/{file}: {e}"))?;
            sizes.insert(file.clone(), (wasm.len() as u64, parts(&wasm, &presets)?));
        }
    }
    let shared = |file: &String| packs.iter().filter(|(_, files)| files.contains(file)).count() > 1;
    println!("\neach part's pack as linked (KB before wasm-opt): total, also in other packs, largest parts:");
    for (part, files) in &packs {
        let total: u64 = files.iter().map(|f| sizes[f].0).sum();
        let common: u64 = files.iter().filter(|f| shared(f)).map(|f| sizes[f].0).sum();
        let mut by_part: BTreeMap<&'static str, u64> = BTreeMap::new();
        for file in files {
            for (name, bytes) in &sizes[file].1 {
                *by_part.entry(name).or_default() += bytes;
            }
        }
        let mut largest: Vec<_> = by_part.into_iter().collect();
        largest.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
        let largest: Vec<String> = largest
            .iter()
            .take(4)
            .map(|(n, b)| format!("{n} {}", b / 1000))
            .collect();
        println!(
            "  {part:<14} {:>5} {:>5}  {}",
            total / 1000,
            common / 1000,
            largest.join(", ")
        );
    }
    Ok(())
}

/// The compiled presets (build.rs's postcard files), to be found in the module's data.
fn presets_blobs() -> Vec<Vec<u8>> {
    let build = root().join("target/wasm32-unknown-unknown/release/build");
    let outs = fs::read_dir(build)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path().join("out")));
    let newest = outs
        .filter(|out| out.join("index.postcard").exists())
        .max_by_key(|out| fs::metadata(out.join("index.postcard")).and_then(|m| m.modified()).ok());
    let Some(out) = newest else { return Vec::new() };
    fs::read_dir(out)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "postcard"))
        .filter_map(|p| fs::read(p).ok())
        .collect()
}

/// Bytes by part: function bodies by the crate that defines them, the presets in the data,
/// the rest of the data. wasm-bindgen's describe functions, which it removes, are left out.
fn parts(wasm: &[u8], presets: &[Vec<u8>]) -> Result<BTreeMap<&'static str, u64>> {
    let mut imported = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    let mut out: BTreeMap<&'static str, u64> = BTreeMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| e.to_string())? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import.map_err(|e| e.to_string())?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().end.saturating_sub(body.range().start)),
            Payload::DataSection(reader) => {
                for data in reader {
                    let data = data.map_err(|e| e.to_string())?.data;
                    let found: u64 = presets
                        .iter()
                        .filter(|blob| contains(data, blob))
                        .map(|b| b.len() as u64)
                        .sum();
                    *out.entry("data: presets (postcard)").or_default() += found;
                    *out.entry("data: words, tables, other constants").or_default() += data.len() as u64 - found;
                }
            }
            Payload::CustomSection(section) => {
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    for name in reader {
                        if let Name::Function(map) = name.map_err(|e| e.to_string())? {
                            for naming in map {
                                let naming = naming.map_err(|e| e.to_string())?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (i, size) in bodies.into_iter().enumerate() {
        let name = names
            .get(&(imported + i as u32))
            .map(String::as_str)
            .unwrap_or_default();
        if let Some(part) = part_of(name) {
            *out.entry(part).or_default() += size;
        }
    }
    Ok(out)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The part a function belongs to, from its mangled symbol name (legacy `_ZN` or v0 `_R`);
/// `None` for wasm-bindgen's describe functions, which are gone from the final module.
fn part_of(name: &str) -> Option<&'static str> {
    if name.starts_with("__wbindgen_describe") || name.contains("WasmDescribe") {
        return None;
    }
    if name.starts_with("__wbg") || name.starts_with("__wbindgen") {
        return Some("wasm-bindgen, js-sys, web-sys");
    }
    let path = if let Some(legacy) = name.strip_prefix("_ZN") {
        legacy_path(legacy)
    } else if let Some(v0) = name.strip_prefix("_R") {
        v0_path(v0)
    } else {
        None
    };
    match path {
        Some(path) => Some(part_of_path(&path).unwrap_or("other crates")),
        None => Some("other (runtime, allocator, intrinsics)"),
    }
}

/// The path a legacy-mangled name is about: `<T as Trait>::f` and
/// `core::ptr::drop_in_place<T>` belong to the first crate named inside, else the symbol's own.
fn legacy_path(mangled: &str) -> Option<Vec<&str>> {
    let components = components(mangled);
    let generic = match components.as_slice() {
        ["core", "ptr", dropped, ..] if dropped.starts_with("drop_in_place") => Some(*dropped),
        [impl_of, ..] if impl_of.starts_with("_$LT$") => Some(*impl_of),
        _ => None,
    };
    match generic {
        Some(generic) => first_path(generic).map(|p| p.split("..").collect()),
        None => (!components.is_empty()).then_some(components),
    }
}

/// The identifiers of a legacy-mangled name after `_ZN`: `<len><ident>` up to `E`.
fn components(mut rest: &str) -> Vec<&str> {
    let mut out = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|n| *n > 0) {
        let Ok(len) = rest[..digits].parse::<usize>() else {
            break;
        };
        let Some(ident) = rest.get(digits..digits + len) else {
            break;
        };
        out.push(ident);
        rest = &rest[digits + len..];
    }
    out
}

/// The first `crate..module..` path in a mangled generic: `tachys..html..element`.
fn first_path(generic: &str) -> Option<&str> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut at = 0;
    while let Some(found) = generic[at..].find("..") {
        let end = at + found;
        let start = generic[..end].rfind(|c: char| !is_ident(c)).map_or(0, |i| i + 1);
        let ident = &generic[start..end];
        if ident.starts_with(|c: char| c.is_ascii_lowercase()) {
            let tail = generic[start..]
                .find(|c: char| !(is_ident(c) || c == '.'))
                .map_or(generic.len(), |n| start + n);
            return Some(&generic[start..tail]);
        }
        at = end + 2;
    }
    None
}

/// The path of a v0-mangled name from its first crate root `C[s<hash>_]<len><ident>`: the
/// crate, then the names nested in it (`mailsetup`, `ui`, `app`), each `[s<n>_]<len><ident>`.
/// The std a release build compiles itself is mangled this way (see `dist::SMALL_STD`).
fn v0_path(mangled: &str) -> Option<Vec<&str>> {
    // `NC` is a closure's namespace, not a crate root.
    let root = mangled
        .char_indices()
        .find(|&(i, c)| c == 'C' && !mangled[..i].ends_with('N'))?
        .0;
    let mut rest = &mangled[root + 1..];
    let mut path = Vec::new();
    loop {
        if let Some(tail) = rest.strip_prefix('s') {
            rest = &tail[tail.find('_')? + 1..];
        }
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let Ok(len) = rest[..digits].parse::<usize>() else {
            break;
        };
        let start = digits + usize::from(rest[digits..].starts_with('_'));
        let Some(ident) = rest.get(start..start + len) else {
            break;
        };
        path.push(ident);
        rest = &rest[start + len..];
    }
    (!path.is_empty()).then_some(path)
}

fn part_of_path(path: &[&str]) -> Option<&'static str> {
    let krate = *path.first()?;
    Some(match krate {
        "mailsetup" => match path.get(1).copied().unwrap_or_default() {
            "ui" => "mailsetup: interface (ui)",
            "presets" => "mailsetup: presets (decoding, lookups)",
            "text" | "i18n" => "mailsetup: words (text, i18n)",
            "url_state" | "wizard" => "mailsetup: URL state and step machine",
            "address" | "detect" => "mailsetup: address and detection",
            _ => "mailsetup: other",
        },
        "leptos" | "tachys" | "reactive_graph" | "any_spawner" | "or_poisoned" | "throw_error" | "either_of"
        | "next_tuple" | "oco_ref" | "send_wrapper" | "wasm_split_helpers" | "slotmap" | "guardian" | "futures"
        | "futures_util" | "futures_core" | "futures_channel" | "futures_executor" | "pin_project_lite" => {
            "Leptos and its runtime"
        }
        k if k.starts_with("leptos") || k.starts_with("reactive") => "Leptos and its runtime",
        "wasm_bindgen" | "wasm_bindgen_futures" | "js_sys" | "web_sys" | "console_error_panic_hook" => {
            "wasm-bindgen, js-sys, web-sys"
        }
        k if k.starts_with("gloo") => "wasm-bindgen, js-sys, web-sys",
        "serde" | "postcard" => "serde and postcard",
        "core" | "alloc" | "std" | "dlmalloc" | "compiler_builtins" | "hashbrown" => "Rust core, alloc, std",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_go_to_the_crate_that_defines_them() {
        let cases = [
            (
                "_ZN9mailsetup2ui3app3App17h0123456789abcdefE",
                Some("mailsetup: interface (ui)"),
            ),
            (
                "_ZN9mailsetup7presets5index17h0123456789abcdefE",
                Some("mailsetup: presets (decoding, lookups)"),
            ),
            (
                "_ZN102_$LT$reactive_graph..graph..source..AnySource$u20$as$u20$reactive_graph..graph..node..ReactiveNode$GT$19update17h1E",
                Some("Leptos and its runtime"),
            ),
            (
                "_ZN4core3ptr60drop_in_place$LT$tachys..html..element..ElementState$GT$17h1E",
                Some("Leptos and its runtime"),
            ),
            (
                "_ZN62_$LT$$RF$T$u20$as$u20$wasm_bindgen..describe..WasmDescribe$GT$8describe17h1E",
                None,
            ),
            ("__wbindgen_describe___wbg_new_1", None),
            ("_ZN4core3fmt9Formatter3pad17h1E", Some("Rust core, alloc, std")),
            ("_ZN8postcard2de4from17h1E", Some("serde and postcard")),
            ("_ZN6strsim4jaro17h1E", Some("other crates")),
            (
                "_ZN65_$LT$T$u20$as$u20$tachys..view..any_view..IntoAny$LT$Rndr$GT$$GT$8into_any17h1E",
                Some("Leptos and its runtime"),
            ),
            (
                "_RNvMs0_NtCsjqx8TIyZbP9_8dlmalloc8dlmalloc",
                Some("Rust core, alloc, std"),
            ),
            (
                "_RNvNtCsgXGp5Oqx2Ny_4core3str19slice_error_fail",
                Some("Rust core, alloc, std"),
            ),
            (
                "_RNvNtNtCs9ae7538401056_9mailsetup2ui3app15___component_app",
                Some("mailsetup: interface (ui)"),
            ),
            (
                "_RNvNtCs9ae7538401056_9mailsetup9url_state5parse",
                Some("mailsetup: URL state and step machine"),
            ),
            (
                "_RNCNvNtNtCs9ae7538401056_9mailsetup2ui3app15___component_app0B9_",
                Some("mailsetup: interface (ui)"),
            ),
            ("__wbg_new_abc", Some("wasm-bindgen, js-sys, web-sys")),
            ("memcpy", Some("other (runtime, allocator, intrinsics)")),
        ];
        for (name, expected) in cases {
            assert_eq!(part_of(name), expected, "{name}");
        }
    }
}
