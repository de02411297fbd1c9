//! The OpenSPF conformance suites (RFC 7208 and RFC 4408) against the SPF engine.
//!
//! Reads the suites from `$SPF_TESTS_DIR` or `target/spf-tests/`, where `cargo xtask test`
//! puts them (from the `pyspf` 2.0.14 source distribution, checked by SHA-256; see
//! `xtask/src/spf_suites.rs`), and every file named in `SPF_SUITES` (colon-separated). Prints one line per file and fails unless every test
//! of `rfc7208-tests.yml` and of the `SPF_SUITES` files passes; `rfc4408-tests.yml` is
//! reported only. Where RFC 7208 changed an outcome (void look-ups, `ptr` errors, the
//! `spf2.0`/type-99 selection), that file already lists both results, so it passes in full.

use std::{
    collections::HashMap,
    env, fs,
    net::{IpAddr, Ipv4Addr, Ipv6Addr},
    path::{Path, PathBuf},
    process::ExitCode,
};

use mailsetup::spf::{Failure, LookupError, Rdata, RecordType, Resolver, SpfResult, check_host};
use yaml_rust2::{Yaml, YamlLoader};

#[derive(Debug, Clone)]
enum Entry {
    /// `None` is the `NONE` marker: the type is listed with no records.
    Spf(Option<Vec<Vec<u8>>>),
    Txt(Option<Vec<Vec<u8>>>),
    A(Ipv4Addr),
    Aaaa(Ipv6Addr),
    Mx(u16, String),
    Ptr(String),
    Cname(String),
    Timeout,
}

/// A scenario's `zonedata` as a resolver, following the suite's conventions: SPF records are
/// served as TXT unless the name lists TXT entries; names match case-insensitively; a name
/// not listed does not exist; `TIMEOUT` answers types with no records by a time-out.
struct Zone(HashMap<String, Vec<Entry>>);

fn normalise(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Zone {
    fn answer(entries: &[Entry], kind: RecordType) -> Vec<Rdata> {
        let txt = |want_txt: bool| -> Vec<Rdata> {
            entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Txt(Some(s)) if want_txt => Some(Rdata::Txt(s.clone())),
                    Entry::Spf(Some(s)) if !want_txt => Some(Rdata::Txt(s.clone())),
                    _ => None,
                })
                .collect()
        };
        match kind {
            RecordType::Txt if entries.iter().any(|e| matches!(e, Entry::Txt(_))) => txt(true),
            RecordType::Txt => txt(false),
            _ => entries
                .iter()
                .filter_map(|e| match (e, kind) {
                    (Entry::A(a), RecordType::A) => Some(Rdata::A(*a)),
                    (Entry::Aaaa(a), RecordType::Aaaa) => Some(Rdata::Aaaa(*a)),
                    (Entry::Mx(p, x), RecordType::Mx) => Some(Rdata::Mx(*p, x.clone())),
                    (Entry::Ptr(n), RecordType::Ptr) => Some(Rdata::Ptr(n.clone())),
                    _ => None,
                })
                .collect(),
        }
    }
}

impl Resolver for Zone {
    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
        let mut name = normalise(name);
        for _ in 0..10 {
            let entries = self.0.get(&name).ok_or(LookupError::NxDomain)?;
            let answers = Zone::answer(entries, kind);
            if !answers.is_empty() {
                return Ok(answers);
            }
            if let Some(Entry::Cname(target)) = entries.iter().find(|e| matches!(e, Entry::Cname(_))) {
                name = normalise(target);
                continue;
            }
            if entries.iter().any(|e| matches!(e, Entry::Timeout)) {
                return Err(LookupError::Temporary(Failure::Timeout));
            }
            return Ok(Vec::new());
        }
        Err(LookupError::Temporary(Failure::CnameLoop))
    }
}

fn scalar(y: &Yaml) -> String {
    match y {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}

/// A TXT or SPF value: one string, a list of strings, or `NONE`.
fn strings(y: &Yaml) -> Option<Vec<Vec<u8>>> {
    match y {
        Yaml::String(s) if s == "NONE" => None,
        Yaml::Array(items) => Some(items.iter().map(|i| scalar(i).into_bytes()).collect()),
        other => Some(vec![scalar(other).into_bytes()]),
    }
}

fn zone(data: &Yaml) -> Zone {
    let mut zone: HashMap<String, Vec<Entry>> = HashMap::new();
    for (name, records) in data.as_hash().into_iter().flatten() {
        let entries = zone.entry(normalise(&scalar(name))).or_default();
        for record in records.as_vec().into_iter().flatten() {
            if scalar(record) == "TIMEOUT" {
                entries.push(Entry::Timeout);
                continue;
            }
            for (kind, value) in record.as_hash().into_iter().flatten() {
                let entry = match scalar(kind).as_str() {
                    "SPF" => Entry::Spf(strings(value)),
                    "TXT" => Entry::Txt(strings(value)),
                    "A" => Entry::A(scalar(value).parse().expect("A record")),
                    "AAAA" => Entry::Aaaa(scalar(value).parse().expect("AAAA record")),
                    "MX" => Entry::Mx(value[0].as_i64().unwrap_or(0) as u16, scalar(&value[1])),
                    "PTR" => Entry::Ptr(scalar(value)),
                    "CNAME" => Entry::Cname(scalar(value)),
                    other => panic!("record type {other} is not part of the suite format"),
                };
                entries.push(entry);
            }
        }
    }
    Zone(zone)
}

struct Tally {
    passed: usize,
    total: usize,
    failures: Vec<String>,
}

fn run_file(path: &Path) -> Result<Tally, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs = YamlLoader::load_from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut tally = Tally {
        passed: 0,
        total: 0,
        failures: Vec::new(),
    };
    for doc in &docs {
        let zone = zone(&doc["zonedata"]);
        for (name, case) in doc["tests"].as_hash().into_iter().flatten() {
            let name = scalar(name);
            tally.total += 1;
            let ip: IpAddr = scalar(&case["host"])
                .parse()
                .map_err(|e| format!("{name}: host: {e}"))?;
            let helo = scalar(&case["helo"]);
            let mailfrom = scalar(&case["mailfrom"]);
            let (sender, domain) = if mailfrom.is_empty() {
                (format!("postmaster@{helo}"), helo.clone())
            } else {
                let domain = mailfrom
                    .rsplit_once('@')
                    .map_or(mailfrom.as_str(), |(_, d)| d)
                    .to_owned();
                (mailfrom.clone(), domain)
            };
            let expected: Vec<String> = match &case["result"] {
                Yaml::Array(items) => items.iter().map(scalar).collect(),
                one => vec![scalar(one)],
            };
            let got = pollster::block_on(check_host(&zone, ip, &domain, &sender, &helo));
            let mut ok = expected.iter().any(|e| e == got.result.name());
            if let Some(explanation) = case["explanation"].as_str()
                && got.result == SpfResult::Fail
            {
                // Compared without case: `v-macro-ip6` expects `%{ir}` in upper-case hex, where
                // the RFC 7208 §7.4 example expands it in lower case (DNS names ignore case).
                let got_explanation = got.explanation.as_deref().unwrap_or("DEFAULT");
                ok &= got_explanation.eq_ignore_ascii_case(explanation);
            }
            if ok {
                tally.passed += 1;
            } else {
                tally.failures.push(format!(
                    "  {name}: expected {expected:?}{}, got {} ({:?})",
                    case["explanation"]
                        .as_str()
                        .map(|e| format!(" with {e:?}"))
                        .unwrap_or_default(),
                    got.result.name(),
                    got.explanation
                ));
            }
        }
    }
    Ok(tally)
}

/// Where the suites may be: `$SPF_TESTS_DIR`, else `target/spf-tests/` of this repository.
fn suite_dirs() -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    env::var_os("SPF_TESTS_DIR")
        .map(PathBuf::from)
        .into_iter()
        .chain(std::iter::once(repo.join("target/spf-tests")))
        .collect()
}

fn main() -> ExitCode {
    let candidates = suite_dirs();
    let Some(shared) = candidates.iter().find(|dir| dir.join("rfc7208-tests.yml").exists()) else {
        let looked: Vec<String> = candidates.iter().map(|d| d.display().to_string()).collect();
        eprintln!(
            "spf conformance: no suite found; looked for rfc7208-tests.yml in {} (`cargo xtask test` fetches them)",
            looked.join(", ")
        );
        return ExitCode::FAILURE;
    };
    let mut required: Vec<PathBuf> = vec![shared.join("rfc7208-tests.yml")];
    let reported: Vec<PathBuf> = vec![shared.join("rfc4408-tests.yml")];
    if let Ok(extra) = env::var("SPF_SUITES") {
        required.extend(extra.split(':').filter(|p| !p.is_empty()).map(PathBuf::from));
    }
    let mut failed = false;
    for (path, must_pass) in required
        .iter()
        .map(|p| (p, true))
        .chain(reported.iter().map(|p| (p, false)))
    {
        if !must_pass && !path.exists() {
            continue;
        }
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        match run_file(path) {
            Ok(tally) => {
                println!("spf conformance {file}: {}/{} passed", tally.passed, tally.total);
                for line in &tally.failures {
                    eprintln!("{line}");
                }
                failed |= must_pass && tally.passed != tally.total;
            }
            Err(e) => {
                eprintln!("spf conformance {file}: {e}");
                failed |= must_pass;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
