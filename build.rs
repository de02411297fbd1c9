//! Compiles the preset files under `presets/` into one postcard document per kind, embedded
//! in the binary. Parsing here, against the real types, turns a malformed or untranslated preset
//! into a build error.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/presets/model.rs"]
mod model;

fn read_dir<T: serde::de::DeserializeOwned>(dir: &str) -> Vec<T> {
    println!("cargo::rerun-if-changed={dir}");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

fn main() {
    let mut providers: Vec<model::Provider> = read_dir("presets/providers");
    let shared: Vec<(String, Vec<model::Step>)> = providers.iter().map(|p| (p.id.clone(), p.steps.clone())).collect();
    for provider in &mut providers {
        if let Some(from) = &provider.steps_from {
            let (_, steps) = shared
                .iter()
                .find(|(id, _)| id == from)
                .unwrap_or_else(|| panic!("{}: steps_from names unknown provider {from}", provider.id));
            provider.steps = steps.clone();
        }
    }
    let apps: Vec<model::App> = read_dir("presets/apps");
    let errors: Vec<model::ErrorPattern> = read_dir::<model::ErrorFile>("presets/errors")
        .into_iter()
        .flat_map(|f| f.error)
        .collect();

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, bytes: Vec<u8>| {
        fs::write(Path::new(&out).join(name), bytes).expect("OUT_DIR is writable");
    };
    let index: Vec<model::ProviderIndex> = providers.iter().map(model::ProviderIndex::from).collect();
    write("index.postcard", postcard::to_allocvec(&index).expect("serialisable"));
    write(
        "providers.postcard",
        postcard::to_allocvec(&providers).expect("serialisable"),
    );
    write("apps.postcard", postcard::to_allocvec(&apps).expect("serialisable"));
    write("errors.postcard", postcard::to_allocvec(&errors).expect("serialisable"));
}
