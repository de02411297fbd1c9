//! The linker of the browser build: rust-lld, then the split of the linked module at its
//! `wasm_split` points (see `src/ui/lazy.rs`) into a main module and chunks fetched on demand.
//!
//! The split must happen between linking and wasm-bindgen, the one step Trunk offers no hook
//! for; `cargo xtask build` makes this program the wasm32 linker and sets:
//! - `MAILSETUP_LLD`: the rust-lld to run;
//! - `MAILSETUP_SPLIT_DIR`: where the chunks and their JS loader go (xtask moves them to dist/);
//! - `MAILSETUP_SPLIT_OUTPUT`: the file stem of the module to split (other wasm32 links, such
//!   as a dependency's own cdylib, are only linked).

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

/// The loader placeholder for the wasm-bindgen JS module; xtask writes in its hashed name.
const MAIN_MODULE: &str = "./mailsetup.js";

/// wasm-bindgen drops the function table's export as an LLD artefact, but the chunks share
/// that table with the main module: it is exported again under a name of the same length.
const TABLE_EXPORT: &str = "__indirect_function_table";
const SHARED_TABLE_EXPORT: &str = "__wasm_split_shared_table";

fn main() -> ExitCode {
    match link(env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wasm-link: {message}");
            ExitCode::FAILURE
        }
    }
}

fn var(name: &str) -> Result<String, String> {
    env::var(name).map_err(|_| format!("{name} is not set: build with `cargo xtask build`"))
}

fn link(args: Vec<String>) -> Result<(), String> {
    let lld = var("MAILSETUP_LLD")?;
    let status = Command::new(&lld)
        .args(&args)
        .status()
        .map_err(|e| format!("{lld}: {e}"))?;
    if !status.success() {
        return Err(format!("{lld} failed ({status})"));
    }
    let output = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .ok_or("no -o in the linker arguments")?;
    let stem = var("MAILSETUP_SPLIT_OUTPUT")?;
    let name = output.file_name().unwrap_or_default().to_string_lossy();
    if !name.starts_with(&format!("{stem}-")) {
        return Ok(());
    }
    split(&output, Path::new(&var("MAILSETUP_SPLIT_DIR")?))
}

fn split(module: &Path, dir: &Path) -> Result<(), String> {
    let linked = fs::read(module).map_err(|e| format!("{}: {e}", module.display()))?;
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut options = wasm_split_cli_support::Options::new(&linked);
    options.output_dir = dir;
    options.main_out_path = module;
    options.main_module = MAIN_MODULE;
    wasm_split_cli_support::transform(options).map_err(|e| format!("splitting {}: {e:#}", module.display()))?;
    let mut main = fs::read(module).map_err(|e| e.to_string())?;
    rename_export(&mut main, TABLE_EXPORT, SHARED_TABLE_EXPORT)?;
    fs::write(module, main).map_err(|e| e.to_string())
}

/// Renames an export in place; the names have the same length, so no size field changes.
fn rename_export(module: &mut [u8], from: &str, to: &str) -> Result<(), String> {
    assert_eq!(from.len(), to.len(), "an in-place rename keeps the length");
    let mut at = None;
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        if let wasmparser::Payload::ExportSection(exports) = payload.map_err(|e| e.to_string())? {
            for item in exports.into_iter_with_offsets() {
                let (offset, export) = item.map_err(|e| e.to_string())?;
                if export.name == from {
                    // The name follows its length, one LEB128 byte for names under 128 bytes.
                    at = Some(usize::try_from(offset).map_err(|e| e.to_string())? + 1);
                }
            }
        }
    }
    let at = at.ok_or(format!("the split module exports no {from}"))?;
    module[at..at + from.len()].copy_from_slice(to.as_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The smallest module that exports a table, as LLD exports the function table.
    fn module_exporting(name: &str) -> Vec<u8> {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        // Table section: one funcref table, at least one element.
        module.extend([4, 4, 1, 0x70, 0, 1]);
        // Export section: the table under `name`.
        let len = u8::try_from(name.len()).expect("a short name");
        module.extend([7, len + 4, 1, len]);
        module.extend(name.as_bytes());
        module.extend([1, 0]);
        module
    }

    fn exports(module: &[u8]) -> Vec<String> {
        wasmparser::Parser::new(0)
            .parse_all(module)
            .filter_map(|payload| match payload.expect("a valid module") {
                wasmparser::Payload::ExportSection(exports) => Some(
                    exports
                        .into_iter()
                        .map(|e| e.expect("an export").name.to_owned())
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect()
    }

    #[test]
    fn the_function_table_is_exported_under_the_shared_name() {
        let mut module = module_exporting(TABLE_EXPORT);
        rename_export(&mut module, TABLE_EXPORT, SHARED_TABLE_EXPORT).expect("renamed");
        assert_eq!(exports(&module), [SHARED_TABLE_EXPORT]);
        let mut other = module_exporting("memory");
        let error = rename_export(&mut other, TABLE_EXPORT, SHARED_TABLE_EXPORT).unwrap_err();
        assert!(error.contains(TABLE_EXPORT), "{error}");
    }
}
