//! The few browser facilities the interface uses, behind plain functions: the URL and its
//! history, the preferred languages, the clipboard, today's date, the document's language.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::{i18n::Lang, timeline::Date};

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The current query string, with its `?`.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

/// Records a new history entry (Back returns to the previous step).
pub fn push(query: &str) {
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&path_with(query)));
    }
}

/// Rewrites the current history entry (language switch, canonical first URL).
pub fn replace(query: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path_with(query)));
    }
}

fn path_with(query: &str) -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{query}")
}

/// The absolute address of this page with `query`: what "copy a link" gives. Built from the
/// page's own address, not its origin, which is "null" for a file opened from a folder.
pub fn link_to(query: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    format!("{page}{query}")
}

/// `text` in lower case by the browser (`String.prototype.toLowerCase`): Unicode's case
/// mapping without its tables in the first load (see `address::parse`).
pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// UTS #46 by the browser's URL parser (see `address::ToAscii`).
pub fn to_ascii(domain: &str) -> Option<String> {
    web_sys::Url::new(&format!("http://{domain}/"))
        .ok()
        .map(|url| url.hostname())
}

pub fn languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// Copies `text`; false when the page may not use the clipboard (insecure context, policy).
pub async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}

pub fn set_document(lang: Lang, title: &str) {
    let document = window().document().expect("a document");
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(title);
}

/// Runs `work` once the browser is idle after drawing, within a second at most, so that
/// background work never delays the first screen. Where `requestIdleCallback` is missing
/// (Safari), after a short delay.
pub fn when_idle(work: impl FnOnce() + 'static) {
    use wasm_bindgen::{JsCast, closure::Closure};
    let window = window();
    let callback = Closure::once_into_js(work);
    let has_idle =
        js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).is_ok_and(|f| f.is_function());
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 100);
    }
}

/// Marks the page as embedded (transparent background, no header) and posts its height to
/// the parent window whenever it changes: `{ type: "mailsetup:height", height }`, in CSS
/// pixels. The height says nothing private, so any parent may read it.
pub fn embed() {
    use wasm_bindgen::{JsCast, closure::Closure};
    let window = window();
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.class_list().add_1("embedded");
    let Ok(Some(parent)) = window.parent() else { return };
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"mailsetup:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &f64::from(root.scroll_height()).into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = window.document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
    }
    // The observer lives as long as the page.
    post.forget();
}

/// Sets a CSS custom property on the document (through the CSSOM, which a strict
/// `style-src 'self'` allows).
pub fn set_css_property(name: &str, value: &str) {
    use wasm_bindgen::JsCast;
    let root = window().document().and_then(|d| d.document_element());
    if let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = root.style().set_property(name, value);
    }
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print() {
    let _ = window().print();
}

/// Whether the browser believes it is online: tells "offline" from a failed request.
pub fn online() -> bool {
    window().navigator().on_line()
}
