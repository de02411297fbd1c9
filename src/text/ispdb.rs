//! The words of Thunderbird's provider database's findings (table [ispdb] of the locale files).

use crate::{i18n::Lang, resolver::Failure};

include!(concat!(env!("OUT_DIR"), "/words_ispdb.rs"));

/// Why the database could not be read, in plain words.
pub fn why(failure: Failure, lang: Lang) -> &'static str {
    match failure {
        Failure::Timeout => B::WhyTimeout,
        Failure::Http(_) | Failure::ServerFailure(_) => B::WhyHttp,
        Failure::Redirected => B::WhyRedirect,
        Failure::Malformed | Failure::Truncated | Failure::CnameLoop => B::WhyMalformed,
        Failure::Network => B::WhyNetwork,
    }
    .get(lang)
}
