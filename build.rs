//! Compiles the preset files under `presets/` into one postcard document per kind, embedded
//! in the binary, and the locale files under `locales/` into typed keys. Parsing here, against
//! the real types, turns a malformed or untranslated preset, a missing word or a placeholder
//! that differs between languages into a build error.

use std::{
    collections::BTreeSet,
    env,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

#[allow(dead_code)]
#[path = "src/presets/model.rs"]
mod model;
#[path = "src/presets/profile_file.rs"]
mod profile_file;

/// Vendor profiles added to the shipped ones: paths separated as in `PATH`
/// (`cargo xtask build --profile` sets it).
const VENDOR_PROFILES: &str = "MAILSETUP_PROFILES";

/// The TOML files of a preset directory, in name order (watched for changes).
fn toml_files(dir: &str) -> Vec<PathBuf> {
    println!("cargo::rerun-if-changed={dir}");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
}

fn read_dir<T: serde::de::DeserializeOwned>(dir: &str) -> Vec<T> {
    toml_files(dir)
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

/// One preset file, read again whenever it changes.
fn read_file<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let mut providers: Vec<model::Provider> = read_dir("presets/providers");
    // In providers' order, as `presets::Provider::guide` finds them.
    let mut guides: Vec<model::Guide> = providers.iter_mut().map(model::Guide::take_from).collect();
    let shared: Vec<Vec<model::Step>> = guides.iter().map(|g| g.steps.clone()).collect();
    for (provider, guide) in providers.iter().zip(&mut guides) {
        if let Some(from) = &provider.steps_from {
            let steps = providers
                .iter()
                .position(|p| &p.id == from)
                .map(|i| &shared[i])
                .unwrap_or_else(|| panic!("{}: steps_from names unknown provider {from}", provider.id));
            // The borrowed steps first, then the provider's own (Google Workspace's DKIM).
            guide.steps = [steps.clone(), std::mem::take(&mut guide.steps)].concat();
        }
    }
    // In the order of the index's steps, as `presets::ProviderIndex::step_title` finds them.
    let titles: Vec<Vec<model::Localized>> = guides
        .iter_mut()
        .map(|g| g.steps.iter_mut().map(|s| s.title.take()).collect())
        .collect();
    let apps = apps();
    let errors = read_dir::<model::ErrorFile>("presets/errors").into_iter().fold(
        model::ErrorData::default(),
        |mut all, file| {
            all.patterns.extend(file.error);
            all.servers.extend(file.server);
            all
        },
    );

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, bytes: Vec<u8>| {
        fs::write(Path::new(&out).join(name), bytes).expect("OUT_DIR is writable");
    };
    let index: Vec<model::ProviderIndex> = providers
        .iter()
        .zip(&guides)
        .map(|(p, g)| model::ProviderIndex::of(p, g))
        .collect();
    write("index.postcard", postcard::to_allocvec(&index).expect("serialisable"));
    write(
        "providers.postcard",
        postcard::to_allocvec(&providers).expect("serialisable"),
    );
    write("guides.postcard", postcard::to_allocvec(&guides).expect("serialisable"));
    write("titles.postcard", postcard::to_allocvec(&titles).expect("serialisable"));
    write("apps.postcard", postcard::to_allocvec(&apps).expect("serialisable"));
    let app_index: Vec<model::AppIndex> = apps.iter().map(model::AppIndex::from).collect();
    write(
        "app_index.postcard",
        postcard::to_allocvec(&app_index).expect("serialisable"),
    );
    write("errors.postcard", postcard::to_allocvec(&errors).expect("serialisable"));
    let clients: model::MailClientFile = read_file("presets/mail-clients.toml");
    write(
        "mail_clients.postcard",
        postcard::to_allocvec(&clients.client).expect("serialisable"),
    );
    let receivers: model::ReceiverFile = read_file("presets/receivers.toml");
    write(
        "receivers.postcard",
        postcard::to_allocvec(&receivers.receiver).expect("serialisable"),
    );
    let doctor: model::DoctorFile = read_file("presets/doctor.toml");
    write(
        "doctor.postcard",
        postcard::to_allocvec(&doctor.port).expect("serialisable"),
    );
    for (section, code) in words() {
        write(&format!("words_{section}.rs"), code.into_bytes());
    }
}

/// The shipped application profiles, then the vendor's, each read and checked: a broken one
/// stops the build with its file and field.
fn apps() -> Vec<model::App> {
    println!("cargo::rerun-if-env-changed={VENDOR_PROFILES}");
    let shipped = toml_files("presets/apps");
    let vendor: Vec<_> = env::var_os(VENDOR_PROFILES)
        .map(|paths| env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()).collect())
        .unwrap_or_default();
    let mut apps: Vec<model::App> = Vec::new();
    for (path, is_vendor) in shipped
        .iter()
        .map(|p| (p, false))
        .chain(vendor.iter().map(|p| (p, true)))
    {
        println!("cargo::rerun-if-changed={}", path.display());
        let shown = path.display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
        let app = profile_file::read(&shown, &text).unwrap_or_else(|e| fail(&e));
        if is_vendor {
            profile_file::clashes(&apps, &app, &shown).unwrap_or_else(|e| fail(&e));
        }
        apps.push(app);
    }
    apps
}

/// Stops the build with `message` alone, as cargo shows a build script's error.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

/// The tables of the locale files and the enum each becomes (`src/text` includes them).
const SECTIONS: [(&str, &str); 11] = [
    ("interface", "T"),
    ("screens", "W"),
    ("dns", "D"),
    ("relay", "R"),
    ("spf", "S"),
    ("errors", "E"),
    ("link", "L"),
    ("dmarc", "M"),
    ("headers", "H"),
    ("doctor", "K"),
    ("ispdb", "B"),
];

type Table = Vec<(String, String)>;

/// A locale file's tables, each with its keys in the file's order.
fn locale(lang: &str) -> Vec<(String, Table)> {
    let path = format!("locales/{lang}.toml");
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let document: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    SECTIONS
        .iter()
        .map(|(section, _)| {
            let table = document
                .get(*section)
                .and_then(toml::Value::as_table)
                .unwrap_or_else(|| panic!("{path}: no [{section}] table"));
            // toml's tables sort their keys; the file's own order is where each key is written.
            let start = text.find(&format!("[{section}]")).unwrap_or(0);
            let mut keys: Vec<(usize, String, String)> = table
                .iter()
                .map(|(key, value)| {
                    let value = value
                        .as_str()
                        .unwrap_or_else(|| panic!("{path}: [{section}] {key} is not a string"));
                    let at = text[start..].find(&format!("\n{key} =")).unwrap_or(usize::MAX);
                    (at, key.clone(), value.to_owned())
                })
                .collect();
            keys.sort();
            (section.to_string(), keys.into_iter().map(|(_, k, v)| (k, v)).collect())
        })
        .collect()
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(name, _)| name)
        .collect()
}

fn camel(key: &str) -> String {
    key.split('-')
        .map(|part| part[..1].to_uppercase() + &part[1..])
        .collect()
}

/// One Rust source per table: an enum of its keys, `ALL`, and each key's English and French
/// text. Both files must have the same keys, and each text the same placeholders.
fn words() -> Vec<(String, String)> {
    let (en, fr) = (locale("en"), locale("fr"));
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (((section, en), (_, fr)), (_, name)) in en.iter().zip(&fr).zip(SECTIONS) {
        let missing = |from: &Table, to: &Table, lang: &str| {
            from.iter()
                .filter(|(key, _)| !to.iter().any(|(k, _)| k == key))
                .map(|(key, _)| format!("[{section}] {key} has no {lang} text"))
                .collect::<Vec<_>>()
        };
        problems.extend(missing(en, fr, "French"));
        problems.extend(missing(fr, en, "English"));
        let mut variants = String::new();
        let mut pairs = String::new();
        let mut templates = String::new();
        let mut all = Vec::new();
        for (key, english) in en {
            let Some((_, french)) = fr.iter().find(|(k, _)| k == key) else {
                continue;
            };
            if english.trim().is_empty() || french.trim().is_empty() {
                problems.push(format!("[{section}] {key} is empty"));
            }
            let holes = placeholders(english);
            if holes != placeholders(french) {
                problems.push(format!(
                    "[{section}] {key}: the placeholders differ between English and French"
                ));
            }
            if holes.is_empty() {
                let variant = camel(key);
                writeln!(variants, "    {variant},").unwrap();
                writeln!(pairs, "            {name}::{variant} => ({english:?}, {french:?}),").unwrap();
                all.push(format!("{name}::{variant}"));
                continue;
            }
            // A text with placeholders is reached only through its function, whose
            // parameters are its placeholders (in alphabetical order): a wrong one fails to
            // compile. `{app}` is filled last, capitalised where it starts a sentence.
            let params: Vec<String> = holes.iter().map(|h| format!("{h}: &str")).collect();
            let values: Vec<String> = holes
                .iter()
                .filter(|h| **h != "app")
                .map(|h| format!("(\"{h}\", {h})"))
                .collect();
            let filled = format!(
                "crate::text::fill(crate::text::pick(lang, ({english:?}, {french:?})), &[{}])",
                values.join(", ")
            );
            let body = if holes.contains("app") {
                format!("crate::text::fill_app(&{filled}, app)")
            } else {
                filled
            };
            write!(
                templates,
                "\n    pub fn {}(lang: crate::i18n::Lang, {}) -> String {{\n        {body}\n    }}\n",
                key.replace('-', "_"),
                params.join(", ")
            )
            .unwrap();
        }
        let code = format!(
            "/// The words of `locales/*.toml`, table [{section}] (generated by build.rs): a key\n\
             /// per text without placeholders, a function per text with some.\n\
             #[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum {name} {{\n{variants}}}\n\n\
             impl {name} {{\n    pub const ALL: &'static [{name}] = &[{}];\n\n\
             \x20   /// The English and the French text.\n\
             \x20   pub const fn pair(self) -> (&'static str, &'static str) {{\n        match self {{\n{pairs}        }}\n    }}\n\n\
             \x20   pub fn get(self, lang: crate::i18n::Lang) -> &'static str {{\n        crate::text::pick(lang, self.pair())\n    }}\n{templates}}}\n",
            all.join(", ")
        );
        out.push((section.clone(), code));
    }
    assert!(problems.is_empty(), "locales:\n{}", problems.join("\n"));
    out
}
