//! `cargo xtask build --single-file`: `dist/` folded into one HTML file that opens from a
//! folder with a double click. `file://` refuses module scripts and `fetch`, so the file holds
//! the styles inline, one classic script in which the wasm-bindgen glue and the chunks'
//! loader are plain functions, and every wasm file as base64, instantiated from bytes. A
//! `<meta>` Content-Security-Policy allows exactly that script and that style (by hash).

use std::{fs, path::Path};

use base64::{Engine, engine::general_purpose::STANDARD};
use sha2::{Digest, Sha256};

use crate::{
    Result,
    split::{FETCH_HELPER, PRELOAD_HELPER},
};

/// Where the single file is written, beside `dist/`.
pub const OUT_DIR: &str = "dist-single";
pub const OUT_FILE: &str = "mailsetup.html";

/// Folds the built `dist` and its `chunks` (see `split::CHUNKS_DIR`) into `out` and returns
/// the file's size in bytes.
pub fn build(dist: &Path, chunks: &Path, out: &Path) -> Result<u64> {
    let read = |name: &str| fs::read_to_string(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"));
    let index = read("index.html")?;
    let loader_name = reference(&index, "<script type=\"module\" src=\"./", "\"")?;
    let loader = read(&loader_name)?;
    let glue_name = reference(&loader, "from './mailsetup", "'").map(|rest| format!("mailsetup{rest}"))?;
    let split_name = reference(&loader, "import { setMain, preload } from './", "'")?;
    let css = read(&reference(&index, "<link rel=\"stylesheet\" href=\"./", "\"")?)?;
    // The main module from dist/, the chunks from where the build keeps them (dist/ holds
    // them in packs only).
    let mut wasm = Vec::new();
    for dir in [dist, chunks] {
        for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "wasm") {
                let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
                wasm.push((name, fs::read(&path).map_err(|e| e.to_string())?));
            }
        }
    }
    wasm.sort();
    let script = script(&loader, &read(&glue_name)?, &read(&split_name)?, &wasm)?;
    let html = page(&index, &css, &script)?;
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    fs::write(out.join(OUT_FILE), &html).map_err(|e| e.to_string())?;
    Ok(html.len() as u64)
}

/// The text between `before` and the next `after` in `text`.
fn reference(text: &str, before: &str, after: &str) -> Result<String> {
    let start = text
        .find(before)
        .ok_or(format!("single file: no `{before}` in the built files"))?
        + before.len();
    let len = text[start..]
        .find(after)
        .ok_or(format!("single file: `{before}` is not closed"))?;
    Ok(text[start..start + len].to_owned())
}

/// The page's one script: the wasm files, the chunks' loader, the glue, then the start.
fn script(loader: &str, glue: &str, split: &str, wasm: &[(String, Vec<u8>)]) -> Result<String> {
    let files = wasm
        .iter()
        .map(|(name, bytes)| format!("{name:?}: {:?}", STANDARD.encode(bytes)))
        .collect::<Vec<_>>()
        .join(",\n");
    Ok(format!(
        "(() => {{\n\"use strict\";\nconst __files = {{\n{files}\n}};\n\
         const __bytes = (name) => Uint8Array.from(atob(__files[name]), (c) => c.charCodeAt(0));\n\
         const __split = (() => {{\n{}\n}})();\nconst __glue = (() => {{\n{}\n}})();\n(async () => {{\n{}\n}})();\n}})();\n",
        split_module(split)?,
        glue_module(glue)?,
        start(loader)?
    ))
}

/// The chunks' fetch of `split::FETCH_HELPER`, from the file's own bytes instead.
/// Every file is in the page: no pack is fetched.
const FETCH_FROM_BYTES: &str = "function chunk(name, deps) {\n    return makeLoad(() => {\n        \
                                const src = Promise.resolve(__bytes(name));\n        \
                                return async (imports) => (WebAssembly.instantiate(await src, imports));\n    \
                                }, deps);\n}\n\
                                function packed(load) {\n    return load;\n}\n";

/// The chunks' loader as a function: chunks instantiated from the file's bytes, its exports
/// returned.
fn split_module(split: &str) -> Result<String> {
    if !split.contains(FETCH_HELPER) {
        return Err(
            "single file: the chunks' loader fetches no chunk as expected (splitter or split.rs changed?)".into(),
        );
    }
    if !split.contains(PRELOAD_HELPER) {
        return Err("single file: the chunks' loader has no `preload` as expected (split.rs changed?)".into());
    }
    // Every chunk is already in the page: nothing to ask for early.
    let split = split
        .replace(FETCH_HELPER, FETCH_FROM_BYTES)
        .replace(PRELOAD_HELPER, "function preload() {}\n");
    let mut exported = vec!["setMain".to_owned(), "preload".to_owned()];
    let mut out = String::new();
    for line in split.lines() {
        let line = if let Some(rest) = line.strip_prefix("export const ") {
            let name = rest.split([' ', '=']).next().unwrap_or_default();
            exported.push(name.to_owned());
            format!("const {rest}")
        } else if let Some(rest) = line.strip_prefix("export function ") {
            format!("function {rest}")
        } else {
            line.to_owned()
        };
        out.push_str(&line);
        out.push('\n');
    }
    refuse_module_syntax("the chunks' loader", &out)?;
    Ok(format!("{out}return {{ {} }};", exported.join(", ")))
}

/// The wasm-bindgen glue as a function: its imports of the chunks' loader bound to `__split`,
/// `initSync` and `init` returned.
fn glue_module(glue: &str) -> Result<String> {
    let mut out = String::new();
    for line in glue.lines() {
        let line = if let Some(rest) = line.strip_prefix("import * as ") {
            let name = rest.split(' ').next().unwrap_or_default();
            format!("const {name} = __split;")
        } else if line.starts_with("export { initSync, __wbg_init as default };") {
            "return { initSync, init: __wbg_init };".to_owned()
        } else if let Some(rest) = line.strip_prefix("export ") {
            rest.to_owned()
        } else {
            // Only reached without bytes, which the start below always passes.
            line.replace("import.meta.url", "document.baseURI")
        };
        out.push_str(&line);
        out.push('\n');
    }
    refuse_module_syntax("the wasm-bindgen glue", &out)?;
    if !out.contains("return { initSync, init: __wbg_init };") {
        return Err("single file: the wasm-bindgen glue has no `export { initSync, __wbg_init as default }`".into());
    }
    Ok(out)
}

/// The page's loader without its imports: the main module instantiated from its bytes.
fn start(loader: &str) -> Result<String> {
    let wasm = reference(loader, "module_or_path: './", "'")?;
    let mut out = String::from("const { init, initSync } = __glue;\nconst { setMain, preload } = __split;\n");
    for line in loader.lines().filter(|l| !l.starts_with("import ")) {
        out.push_str(&line.replace(&format!("'./{wasm}'"), &format!("__bytes({wasm:?})")));
        out.push('\n');
    }
    refuse_module_syntax("the page's loader", &out)?;
    Ok(out)
}

/// A classic script cannot hold `import`, `export` or `import.meta`: a generator that starts
/// writing new forms of them must fail the build, not the page.
fn refuse_module_syntax(what: &str, js: &str) -> Result {
    let bad = js
        .lines()
        .find(|l| l.starts_with("import ") || l.starts_with("export ") || l.contains("import.meta"));
    match bad {
        Some(line) => Err(format!("single file: {what} still has module syntax: {line}")),
        None => Ok(()),
    }
}

/// The page with its style and script inline and a policy that allows exactly those.
fn page(index: &str, css: &str, script: &str) -> Result<String> {
    if script.contains("</script") || css.contains("</style") {
        return Err("single file: a closing tag inside the inline script or style".into());
    }
    let hash = |text: &str| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(text.as_bytes())));
    let policy = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         connect-src https: http://127.0.0.1:* http://localhost:*; frame-src 'self'; base-uri 'none'; form-action 'none'",
        hash(script),
        hash(css)
    );
    // The icon is a `data:` URL already (index.html): kept as it is, under `img-src data:`.
    let head_end = index
        .find("<link rel=\"icon\"")
        .ok_or("single file: dist/index.html has no icon link")?;
    let icon = reference(&index[head_end..], "", ">")?;
    let body = index
        .find("<body>")
        .ok_or("single file: dist/index.html has no <body>")?;
    let body_end = index
        .rfind("</body>")
        .ok_or("single file: dist/index.html has no </body>")?;
    Ok(format!(
        "{}<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n  \
         {icon}>\n  <style>{css}</style>\n</head>\n{}<script>{script}</script>\n</body>\n</html>\n",
        &index[..head_end],
        &index[body..body_end],
    ))
}

/// The policy the single file carries, for a host that sends its own header (see
/// docs/embedding.md): the same hashes.
pub fn policy_of(html: &str) -> Result<String> {
    reference(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The shapes of the generated files the folding relies on, as the pinned versions write
    // them (wasm-bindgen 0.2.130, wasm_split_cli_support 0.2.4, xtask's own loader).
    const LOADER: &str = "// Starts mailsetup\nimport init, { initSync } from './mailsetup-abc.js';\n\
                          import { setMain, preload } from './split-def.js';\nsetMain(initSync);\n\
                          const wasm = await init({ module_or_path: './mailsetup-123_bg.wasm' });\n";
    const GLUE: &str = "import * as import1 from \"./split-def.js\"\nexport class IntoUnderlyingSink {\n}\n\
                        function f() { return new URL('mailsetup_bg.wasm', import.meta.url); }\n\
                        export { initSync, __wbg_init as default };\n";
    fn split_sample() -> String {
        format!(
            "let initSync;\nexport function setMain(mainInitSync) {{ initSync = mainInitSync; }}\n{FETCH_HELPER}{PRELOAD_HELPER}\
             const __chunk_8 = chunk(\"chunk_8-x.wasm\", []);\n\
             export const __wasm_split_load_spf_tool = wrapAsyncCb(__chunk_8);\n"
        )
    }

    #[test]
    fn the_generated_modules_become_functions() {
        let split = split_module(&split_sample()).unwrap();
        assert!(
            split.contains("const src = Promise.resolve(__bytes(name));") && !split.contains("import.meta"),
            "{split}"
        );
        assert!(split.contains("WebAssembly.instantiate(await src, imports)"), "{split}");
        assert!(
            split.ends_with("return { setMain, preload, __wasm_split_load_spf_tool };"),
            "{split}"
        );
        let glue = glue_module(GLUE).unwrap();
        assert!(
            glue.starts_with("const import1 = __split;\nclass IntoUnderlyingSink"),
            "{glue}"
        );
        assert!(glue.contains("return { initSync, init: __wbg_init };"), "{glue}");
        let start = start(LOADER).unwrap();
        assert!(
            start.contains("await init({ module_or_path: __bytes(\"mailsetup-123_bg.wasm\") })"),
            "{start}"
        );
        assert!(!start.contains("import "), "{start}");
    }

    #[test]
    fn a_changed_generator_fails_with_a_clear_message() {
        let cases = [
            (
                split_module(&split_sample().replace("fetch(new URL", "load(new URL")),
                "fetches no chunk",
            ),
            (
                glue_module(&GLUE.replace(
                    "export { initSync, __wbg_init as default };",
                    "export default __wbg_init;",
                )),
                "has no `export { initSync",
            ),
            (
                glue_module(&format!("{GLUE}import {{ x }} from './y.js';\n")),
                "still has module syntax",
            ),
            (
                start("import init from './m.js';\nawait init();\n"),
                "no `module_or_path: './`",
            ),
        ];
        for (result, expected) in cases {
            let error = result.unwrap_err();
            assert!(error.contains(expected), "{expected} not in {error}");
        }
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_script_and_style() {
        let index = "<head>\n  <link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg/%3E\">\n</head>\n<body>\n  <p id=\"loading\">…</p>\n</body>\n</html>";
        let html = page(index, "body{color:red}", "console.log(1)").unwrap();
        let policy = policy_of(&html).unwrap();
        let sha = |t: &str| STANDARD.encode(Sha256::digest(t.as_bytes()));
        assert!(
            policy.contains(&format!(
                "script-src 'sha256-{}' 'wasm-unsafe-eval'",
                sha("console.log(1)")
            )),
            "{policy}"
        );
        assert!(
            policy.contains(&format!("style-src 'sha256-{}'", sha("body{color:red}"))),
            "{policy}"
        );
        assert!(
            html.contains("<script>console.log(1)</script>") && html.contains("<p id=\"loading\">"),
            "{html}"
        );
        assert!(page(index, "", "x = '</script>'").is_err());
    }
}
