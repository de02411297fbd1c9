//! The per-page answer cache: answers are kept for their TTL, so "check again" after the
//! TTL sees a change and nothing is asked twice within it.

use std::collections::HashMap;

use crate::resolver::{LookupError, Rdata, RecordType};

/// How long an answer without TTL (no data, NXDOMAIN) is kept.
const NEGATIVE_TTL: u32 = 60;

pub type Answer = Result<(Vec<Rdata>, Option<u32>), LookupError>;

#[derive(Default)]
pub struct Cache {
    entries: HashMap<(String, RecordType), (f64, Answer)>,
}

impl Cache {
    /// `now` and the expiry are milliseconds since the epoch.
    pub fn get(&self, name: &str, kind: RecordType, now: f64) -> Option<Answer> {
        let (expires, answer) = self.entries.get(&(name.to_ascii_lowercase(), kind))?;
        (*expires > now).then(|| answer.clone())
    }

    /// Keeps answers and NXDOMAIN; temporary failures are never kept.
    pub fn put(&mut self, name: &str, kind: RecordType, answer: &Answer, now: f64) {
        let ttl = match answer {
            Ok((records, Some(ttl))) if !records.is_empty() => *ttl,
            Ok(_) | Err(LookupError::NxDomain) => NEGATIVE_TTL,
            Err(LookupError::Temporary(_)) => return,
        };
        self.entries.insert(
            (name.to_ascii_lowercase(), kind),
            (now + f64::from(ttl) * 1000.0, answer.clone()),
        );
    }

    /// Forgets everything ("check again").
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolver::Failure;

    #[test]
    fn honours_ttls() {
        let mut cache = Cache::default();
        let a = Ok((vec![Rdata::A([192, 0, 2, 1].into())], Some(300)));
        cache.put("Example.COM", RecordType::A, &a, 1_000.0);
        assert_eq!(
            cache.get("example.com", RecordType::A, 1_000.0 + 299_000.0),
            Some(a.clone())
        );
        assert_eq!(cache.get("example.com", RecordType::A, 1_000.0 + 300_000.0), None);
        assert_eq!(cache.get("example.com", RecordType::Txt, 1_000.0), None);
        cache.put("gone.example", RecordType::Txt, &Err(LookupError::NxDomain), 0.0);
        assert_eq!(
            cache.get("gone.example", RecordType::Txt, 59_000.0),
            Some(Err(LookupError::NxDomain))
        );
        cache.put(
            "slow.example",
            RecordType::Txt,
            &Err(LookupError::Temporary(Failure::Timeout)),
            0.0,
        );
        assert_eq!(cache.get("slow.example", RecordType::Txt, 0.0), None);
        cache.clear();
        assert_eq!(cache.get("example.com", RecordType::A, 1_000.0), None);
    }
}
