//! Fuzzes the reading of Thunderbird's provider database answers with arbitrary bytes: reading,
//! advising and filling the user name must never panic.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run ispdb` (stable toolchain; see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mailsetup::ispdb::{advice, config};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(config) = config::parse(&text) {
        if let advice::Advice::Password(servers) = advice::advise(&config) {
            for server in servers {
                let address = mailsetup::address::Address {
                    local: "jan".into(),
                    domain: "example.net".into(),
                    domain_display: "example.net".into(),
                };
                let _ = advice::username(server.username.as_deref().unwrap_or_default(), Some(&address));
            }
        }
        for link in config.docs.iter().chain(&config.enable) {
            let _ = link.text("fr");
        }
    }
});
