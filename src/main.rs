//! Entry point of the browser build: mounts the interface.

// No panic hook: the release build's std traps on a panic without a message (see
// `SMALL_STD` in xtask/src/dist.rs); the trap still fails every browser test.
#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(mailsetup::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mailsetup runs in the browser: use `cargo xtask serve`.");
}
