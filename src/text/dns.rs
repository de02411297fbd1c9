//! The DNS checks' words, in English and French.

use super::pick;
use crate::{
    dns::checks::{CheckKind, Note, Status},
    i18n::Lang,
    presets,
    resolver::Failure,
    spf::{NodeState, SpfResult},
    text::fill,
};

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
            Failure::ServerFailure(2) => (
                "the domain's DNS servers did not answer properly (SERVFAIL): a DNS configuration problem on their side.",
                "les serveurs DNS du domaine n'ont pas répondu correctement (SERVFAIL) : un problème de configuration DNS de leur côté.",
            ),
            Failure::ServerFailure(_) => (
                "the DNS servers refused or could not process the question.",
                "les serveurs DNS ont refusé ou n'ont pas pu traiter la question.",
            ),
            Failure::Truncated => ("the answer was cut short.", "la réponse était tronquée."),
            Failure::Malformed => ("the answer could not be read.", "la réponse était illisible."),
            Failure::Redirected => (
                "the DNS resolver answered with a redirect to another server; it is not followed, so the domain's name goes nowhere else. Choose another resolver.",
                "le résolveur DNS a répondu par une redirection vers un autre serveur ; elle n'est pas suivie, le nom du domaine ne part donc nulle part ailleurs. Choisissez un autre résolveur.",
            ),
            Failure::CnameLoop => (
                "the name is an alias (CNAME) that leads back to itself: the chain loops, so no record can be read. Fix the aliases in the domain's DNS zone.",
                "le nom est un alias (CNAME) qui ramène à lui-même : la chaîne boucle, aucun enregistrement ne peut être lu. Corrigez les alias dans la zone DNS du domaine.",
            ),
        },
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum D {
    Title,
    Intro,
    DomainLabel,
    Check,
    CheckAgain,
    Checking,
    ResolverLabel,
    SentTo,
    IpLabel,
    IpHelp,
    SelectorLabel,
    RawRecords,
    NoRecords,
    Propagation,
    TreeTitle,
    LookupCount,
    CheckThisDomain,
    BadDomain,
    BadIp,
    MxDetected,
    MxNotRecognised,
    MxFailed,
    ContinueWith,
    OpenDnsTool,
}

impl D {
    pub const ALL: &'static [D] = &[
        D::Title,
        D::Intro,
        D::DomainLabel,
        D::Check,
        D::CheckAgain,
        D::Checking,
        D::ResolverLabel,
        D::SentTo,
        D::IpLabel,
        D::IpHelp,
        D::SelectorLabel,
        D::RawRecords,
        D::NoRecords,
        D::Propagation,
        D::TreeTitle,
        D::LookupCount,
        D::CheckThisDomain,
        D::BadDomain,
        D::BadIp,
        D::MxDetected,
        D::MxNotRecognised,
        D::MxFailed,
        D::ContinueWith,
        D::OpenDnsTool,
    ];

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            D::Title => (
                "Check a domain's mail records",
                "Vérifier les enregistrements de messagerie d'un domaine",
            ),
            D::Intro => (
                "Reads the domain's MX, SPF, DMARC and DKIM records live, as receiving servers see them.",
                "Lit en direct les enregistrements MX, SPF, DMARC et DKIM du domaine, tels que les serveurs destinataires les voient.",
            ),
            D::DomainLabel => ("Domain", "Domaine"),
            D::Check => ("Check", "Vérifier"),
            D::CheckAgain => ("Check again", "Vérifier à nouveau"),
            D::Checking => ("Checking…", "Vérification…"),
            D::ResolverLabel => ("DNS resolver", "Résolveur DNS"),
            D::SentTo => (
                "The domain name is sent to {resolver} to read its public records; nothing else is sent.",
                "Le nom de domaine est envoyé à {resolver} pour lire ses enregistrements publics ; rien d'autre n'est envoyé.",
            ),
            D::IpLabel => (
                "Is this IP address authorised to send? (optional)",
                "Cette adresse IP est-elle autorisée à envoyer ? (facultatif)",
            ),
            D::IpHelp => (
                "The public address your application sends from.",
                "L'adresse publique depuis laquelle votre application envoie.",
            ),
            D::SelectorLabel => ("DKIM selector (optional)", "Sélecteur DKIM (facultatif)"),
            D::RawRecords => ("Records as published", "Enregistrements tels que publiés"),
            D::NoRecords => ("(none)", "(aucun)"),
            D::Propagation => (
                "A change to these records can take up to {time} to be seen everywhere (their TTL).",
                "Une modification de ces enregistrements peut mettre jusqu'à {time} pour être vue partout (leur TTL).",
            ),
            D::TreeTitle => ("What the record includes", "Ce que l'enregistrement inclut"),
            D::LookupCount => ("{n} DNS look-ups", "{n} requêtes DNS"),
            D::CheckThisDomain => (
                "Check the DNS records of {domain}",
                "Vérifier les enregistrements DNS de {domain}",
            ),
            D::BadDomain => (
                "Type a domain name, such as example.com.",
                "Saisissez un nom de domaine, comme exemple.fr.",
            ),
            D::BadIp => ("This is not an IP address.", "Ce n'est pas une adresse IP."),
            D::MxDetected => (
                "The domain's MX records point to {provider}.",
                "Les enregistrements MX du domaine désignent {provider}.",
            ),
            D::MxNotRecognised => (
                "The domain's MX records ({hosts}) do not name a provider this assistant knows.",
                "Les enregistrements MX du domaine ({hosts}) ne désignent pas un fournisseur connu de cet assistant.",
            ),
            D::MxFailed => (
                "The MX records could not be read: {why}",
                "Les enregistrements MX n'ont pas pu être lus : {why}",
            ),
            D::ContinueWith => ("Continue with {provider}", "Continuer avec {provider}"),
            D::OpenDnsTool => ("DNS check", "Vérification DNS"),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }
}

pub fn kind(kind: CheckKind, lang: Lang) -> &'static str {
    pick(
        lang,
        match kind {
            CheckKind::Mx => ("Mail servers (MX)", "Serveurs de messagerie (MX)"),
            CheckKind::Spf => ("Authorised senders (SPF)", "Expéditeurs autorisés (SPF)"),
            CheckKind::Dmarc => ("Policy (DMARC)", "Politique (DMARC)"),
            CheckKind::Dkim => ("Signatures (DKIM)", "Signatures (DKIM)"),
            CheckKind::SmtpHost => ("SMTP server of the settings", "Serveur SMTP des réglages"),
        },
    )
}

pub fn status(status: Status, lang: Lang) -> &'static str {
    pick(
        lang,
        match status {
            Status::Ok => ("OK", "OK"),
            Status::Warning => ("Warning", "Attention"),
            Status::Problem => ("Problem", "Problème"),
            Status::Unknown => ("Could not check", "Vérification impossible"),
        },
    )
}

fn provider_name(id: &str, lang: Lang) -> String {
    presets::provider(id).map_or_else(|| id.to_owned(), |p| p.name.get(lang).to_owned())
}

fn spf_result(result: SpfResult, lang: Lang) -> &'static str {
    pick(
        lang,
        match result {
            SpfResult::Pass => ("authorised (pass)", "autorisée (pass)"),
            SpfResult::Fail => ("refused (fail)", "refusée (fail)"),
            SpfResult::SoftFail => (
                "not authorised, accepted but marked (softfail)",
                "non autorisée, acceptée mais marquée (softfail)",
            ),
            SpfResult::Neutral => (
                "neither authorised nor refused (neutral)",
                "ni autorisée ni refusée (neutral)",
            ),
            SpfResult::None => (
                "unknown: the domain has no SPF record (none)",
                "inconnue : le domaine n'a pas d'enregistrement SPF (none)",
            ),
            SpfResult::TempError => (
                "unknown for now: a DNS error (temperror)",
                "inconnue pour l'instant : une erreur DNS (temperror)",
            ),
            SpfResult::PermError => (
                "unknown: the policy is broken (permerror)",
                "inconnue : la politique est cassée (permerror)",
            ),
        },
    )
}

pub fn note(note: &Note, lang: Lang) -> String {
    let text = |pair| pick(lang, pair).to_owned();
    let with = |pair, values: &[(&str, &str)]| fill(pick(lang, pair), values);
    match note {
        Note::Failed(f) => failure(*f, lang).to_owned(),
        Note::NoDomain => text((
            "This domain does not exist in DNS: check its spelling.",
            "Ce domaine n'existe pas dans le DNS : vérifiez son orthographe.",
        )),
        Note::MxNone => text((
            "The domain has no MX record: it cannot receive email, and bounces are lost.",
            "Le domaine n'a pas d'enregistrement MX : il ne peut pas recevoir d'e-mails, et les retours d'erreur sont perdus.",
        )),
        Note::MxNull => text((
            "The domain declares that it receives no email (null MX).",
            "Le domaine déclare ne recevoir aucun e-mail (MX nul).",
        )),
        Note::MxInvalidHosts(hosts) => with(
            (
                "The MX record names {hosts}, which cannot be a mail server: mail to the domain cannot be delivered. Publish the mail server's host name.",
                "L'enregistrement MX désigne {hosts}, qui ne peut pas être un serveur de messagerie : les e-mails vers le domaine ne peuvent pas être remis. Publiez le nom d'hôte du serveur de messagerie.",
            ),
            &[("hosts", &hosts.join(", "))],
        ),
        Note::MxProvider(id) => with(
            (
                "The mail servers are those of {provider}.",
                "Les serveurs de messagerie sont ceux de {provider}.",
            ),
            &[("provider", &provider_name(id, lang))],
        ),
        Note::MxUnknownProvider => text((
            "The mail servers are not of a provider this assistant knows: probably your company's own.",
            "Les serveurs de messagerie ne sont pas ceux d'un fournisseur connu de cet assistant : sans doute ceux de votre entreprise.",
        )),
        Note::MxMismatch { found, chosen } => with(
            (
                "You chose {chosen}, but the MX records point to {found}: check that the mailbox really is at {chosen}.",
                "Vous avez choisi {chosen}, mais les MX désignent {found} : vérifiez que la boîte est bien chez {chosen}.",
            ),
            &[
                ("chosen", &provider_name(chosen, lang)),
                (
                    "found",
                    &found
                        .as_deref()
                        .map(|f| provider_name(f, lang))
                        .unwrap_or_else(|| pick(lang, ("another server", "un autre serveur")).to_owned()),
                ),
            ],
        ),
        Note::SpfIssue(issue) => super::spf::issue(issue, lang),
        Note::SpfIp { ip, result } => with(
            ("{ip} is {result}.", "{ip} est {result}."),
            &[("ip", &ip.to_string()), ("result", spf_result(*result, lang))],
        ),
        Note::SpfProvider {
            provider,
            include,
            included,
        } => {
            let pair = if *included {
                (
                    "{provider} is authorised (include:{include}).",
                    "{provider} est autorisé (include:{include}).",
                )
            } else {
                (
                    "{provider} is not authorised: add include:{include} to the record (see the SPF tool).",
                    "{provider} n'est pas autorisé : ajoutez include:{include} à l'enregistrement (voir l'outil SPF).",
                )
            };
            with(
                pair,
                &[("provider", &provider_name(provider, lang)), ("include", include)],
            )
        }
        Note::DmarcMissing { suggestion } => with(
            (
                "No DMARC record. Publish at least: {suggestion}",
                "Aucun enregistrement DMARC. Publiez au moins : {suggestion}",
            ),
            &[("suggestion", suggestion)],
        ),
        Note::DmarcPolicy(p) => {
            let meaning = pick(
                lang,
                match p.as_str() {
                    "reject" => ("failing messages are refused", "les messages en échec sont refusés"),
                    "quarantine" => (
                        "failing messages go to spam",
                        "les messages en échec vont en indésirables",
                    ),
                    _ => (
                        "failing messages are only reported",
                        "les messages en échec sont seulement signalés",
                    ),
                },
            );
            with(
                ("DMARC policy p={p}: {meaning}.", "Politique DMARC p={p} : {meaning}."),
                &[("p", p), ("meaning", meaning)],
            )
        }
        Note::DmarcSeveral => text((
            "Several DMARC records: receivers ignore them all. Keep one.",
            "Plusieurs enregistrements DMARC : les destinataires les ignorent tous. N'en gardez qu'un.",
        )),
        Note::DmarcInvalid => text((
            "The DMARC record has no valid policy (p=none, quarantine or reject).",
            "L'enregistrement DMARC n'a pas de politique valide (p=none, quarantine ou reject).",
        )),
        Note::DkimFound(selector) => with(
            (
                "DKIM key found for selector {selector}.",
                "Clé DKIM trouvée pour le sélecteur {selector}.",
            ),
            &[("selector", selector)],
        ),
        Note::DkimRevoked(selector) => with(
            (
                "The DKIM key of selector {selector} is revoked (empty p=): mail signed with it fails DKIM. Publish the current key, or remove the record.",
                "La clé DKIM du sélecteur {selector} est révoquée (p= vide) : les messages signés avec elle échouent à DKIM. Publiez la clé actuelle, ou supprimez l'enregistrement.",
            ),
            &[("selector", selector)],
        ),
        Note::DkimBadKey(selector) => with(
            (
                "The DKIM record of selector {selector} holds no valid public key (p= is cut, mistyped or missing): copy it again exactly from your provider.",
                "L'enregistrement DKIM du sélecteur {selector} ne contient pas de clé publique valide (p= tronqué, mal recopié ou absent) : recopiez-le exactement depuis votre fournisseur.",
            ),
            &[("selector", selector)],
        ),
        Note::DkimMissing(selectors) => with(
            (
                "No DKIM key for the selectors {selectors}. Turn DKIM signing on with your provider, or type your selector.",
                "Aucune clé DKIM pour les sélecteurs {selectors}. Activez la signature DKIM chez votre fournisseur, ou saisissez votre sélecteur.",
            ),
            &[("selectors", &selectors.join(", "))],
        ),
        Note::HostResolves { host, addresses } => with(
            ("{host} resolves ({n} addresses).", "{host} est résolu ({n} adresses)."),
            &[("host", host), ("n", &addresses.to_string())],
        ),
        Note::HostMissing(host) => with(
            (
                "{host} has no address: check the server name.",
                "{host} n'a pas d'adresse : vérifiez le nom du serveur.",
            ),
            &[("host", host)],
        ),
    }
}

/// What happened to a record of the SPF tree, when it is not a plain record.
pub fn node_state(state: &NodeState, lang: Lang) -> Option<&'static str> {
    Some(pick(
        lang,
        match state {
            NodeState::Record { .. } => return None,
            NodeState::NoRecord => ("no SPF record", "aucun enregistrement SPF"),
            NodeState::NxDomain => ("does not exist", "n'existe pas"),
            NodeState::Several(_) => ("several SPF records", "plusieurs enregistrements SPF"),
            NodeState::Invalid { .. } => ("invalid record", "enregistrement invalide"),
            NodeState::DnsError(_) => ("could not be read", "illisible"),
            NodeState::Loop => ("loop", "boucle"),
            NodeState::Macro => ("depends on the sender", "dépend de l'expéditeur"),
            NodeState::TooDeep => (
                "not read: deeper than the look-up limit",
                "non lu : au-delà de la limite de requêtes",
            ),
        },
    ))
}

/// A TTL as a duration people read: "5 minutes", "1 hour", "2 days".
pub fn duration(seconds: u32, lang: Lang) -> String {
    let (n, unit) = match seconds {
        0..=119 => (seconds.max(1), pick(lang, ("seconds", "secondes"))),
        120..=7199 => (seconds / 60, pick(lang, ("minutes", "minutes"))),
        7200..=172_799 => (seconds / 3600, pick(lang, ("hours", "heures"))),
        _ => (seconds / 86_400, pick(lang, ("days", "jours"))),
    };
    format!("{n} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_translated() {
        for key in D::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }

    #[test]
    fn durations() {
        let cases = [
            (30, "30 seconds"),
            (300, "5 minutes"),
            (3600, "60 minutes"),
            (86_400, "24 hours"),
            (604_800, "7 days"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(duration(seconds, Lang::En), expected);
        }
    }
}
