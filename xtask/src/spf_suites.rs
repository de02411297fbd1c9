//! The OpenSPF conformance suites the SPF engine is tested against: taken from the `pyspf`
//! 2.0.14 source distribution on the Python package registry, once, into `target/spf-tests/`,
//! and checked by SHA-256 (the archive and each file), so the tests need nothing beside the
//! repository.

use std::{fs, io::Read, path::PathBuf, process::Command};

use sha2::{Digest, Sha256};

use crate::{Result, root, run};

const PACKAGE: &str = "pyspf==2.0.14";
const ARCHIVE: &str = "pyspf-2.0.14.tar.gz";
const ARCHIVE_SHA256: &str = "57a7ef01bda090173aafb6af0106251686ed73f03db4e911fcd34c57fc347186";
/// The files taken from the archive's `test/` folder; a `None` hash is a licence notice.
const FILES: [(&str, Option<&str>); 4] = [
    (
        "rfc7208-tests.yml",
        Some("901f561a6e2b1c1590a40a61b1ac7601226fd7045a7aae591a4d25421358d6f9"),
    ),
    (
        "rfc4408-tests.yml",
        Some("82b7d1840745d1249f1fe7055be7e1b536ed38eeaeac40c481d7f1825da4415c"),
    ),
    ("rfc7208-tests.LICENSE", None),
    ("rfc4408-tests.LICENSE", None),
];

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The folder that holds the suites, fetched and checked if they are not there yet.
pub fn ensure() -> Result<PathBuf> {
    let dir = root().join("target/spf-tests");
    let verified = |dir: &PathBuf| {
        FILES.iter().all(|(name, hash)| match (fs::read(dir.join(name)), hash) {
            (Ok(bytes), Some(hash)) => sha256(&bytes) == *hash,
            (Ok(_), None) => true,
            (Err(_), _) => false,
        })
    };
    if verified(&dir) {
        return Ok(dir);
    }
    let download = dir.join("download");
    fs::create_dir_all(&download).map_err(|e| format!("{}: {e}", download.display()))?;
    let archive = download.join(ARCHIVE);
    if !archive.exists() {
        run(Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                PACKAGE,
                "-d",
            ])
            .arg(&download))?;
    }
    let bytes = fs::read(&archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    if sha256(&bytes) != ARCHIVE_SHA256 {
        return Err(format!(
            "{} does not have the SHA-256 {ARCHIVE_SHA256}",
            archive.display()
        ));
    }
    let mut tarball = tar::Archive::new(flate2::read::GzDecoder::new(bytes.as_slice()));
    for entry in tarball.entries().map_err(|e| format!("{ARCHIVE}: {e}"))? {
        let mut entry = entry.map_err(|e| format!("{ARCHIVE}: {e}"))?;
        let path = entry.path().map_err(|e| format!("{ARCHIVE}: {e}"))?.into_owned();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let in_test = path.parent().and_then(|p| p.file_name()).is_some_and(|p| p == "test");
        if in_test && FILES.iter().any(|(file, _)| *file == name) {
            let mut content = Vec::new();
            entry
                .read_to_end(&mut content)
                .map_err(|e| format!("{ARCHIVE}: {name}: {e}"))?;
            fs::write(dir.join(name), content).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    if verified(&dir) {
        Ok(dir)
    } else {
        Err(format!(
            "the suites taken from {ARCHIVE} do not have their expected SHA-256"
        ))
    }
}
