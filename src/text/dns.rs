//! The DNS checks' words, in English and French.

use crate::{i18n::Lang, resolver::Failure};

fn pick(lang: Lang, (en, fr): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// What went wrong with a look-up, in plain words.
pub fn failure(failure: Failure, lang: Lang) -> &'static str {
    pick(
        lang,
        match failure {
            Failure::Timeout => (
                "the DNS resolver did not answer in time.",
                "le résolveur DNS n'a pas répondu à temps.",
            ),
            Failure::Network => (
                "the DNS resolver could not be reached (offline, or blocked by a firewall or the page's security policy).",
                "le résolveur DNS est injoignable (hors ligne, ou bloqué par un pare-feu ou la politique de sécurité de la page).",
            ),
            Failure::Http(_) => (
                "the DNS resolver refused the request.",
                "le résolveur DNS a refusé la requête.",
            ),
            Failure::ServerFailure(_) => (
                "the domain's DNS servers did not answer properly (SERVFAIL): a DNS configuration problem on their side.",
                "les serveurs DNS du domaine n'ont pas répondu correctement (SERVFAIL) : un problème de configuration DNS de leur côté.",
            ),
            Failure::Truncated => ("the answer was cut short.", "la réponse était tronquée."),
            Failure::Malformed => (
                "the answer could not be read.",
                "la réponse était illisible.",
            ),
            Failure::CnameLoop => (
                "the name is an alias that loops.",
                "le nom est un alias qui boucle.",
            ),
        },
    )
}
