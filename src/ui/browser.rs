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

/// The absolute address of this page with `query`: what "copy a link" gives.
pub fn link_to(query: &str) -> String {
    format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        path_with(query)
    )
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

/// Moves keyboard and screen-reader focus to the element with this id.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = window().document().and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
