//! Fuzzes the headers tool's reader with arbitrary pasted text: it must never panic.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run headers` (stable toolchain; see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(reading) = mailsetup::headers::read(&text) {
        for finding in &reading.findings {
            let _ = reading.fix(finding);
        }
    }
});
