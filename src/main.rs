//! Entry point of the browser build: mounts the interface.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(mailsetup::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mailsetup runs in the browser: use `cargo xtask serve`.");
}
