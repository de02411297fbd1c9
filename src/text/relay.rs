//! The Microsoft 365 method chooser's and relay's words, in English and French.

use super::pick;
use crate::{
    i18n::Lang,
    m365::{IpRefusal, Method, Question, Reason},
    timeline::Phase,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    QExternal,
    QSeveralSenders,
    QFixedIp,
    QSmtpAuth,
    QHosted,
    QSmtpAuthAfter,
    Recommended,
    AnswerFirst,
    AnswerYes,
    AnswerNo,
    Choose,
    Compare,
    Server,
    Port,
    Security,
    Authentication,
    Receivers,
    Limits,
    Needs,
    DomainLabel,
    ReadMx,
    MxIs,
    MxNotMicrosoft,
    MxFailed,
    TypeMx,
    TypeMxHelp,
    NoDomain,
    IpLabel,
    AddSite,
    Remove,
    IpsNeeded,
    DocumentationIp,
    CurrentRecord,
    NoCurrentRecord,
    NewRecord,
    BudgetOk,
    SenderNote,
    BouncesNote,
    Verify,
    VerifyMxOk,
    VerifyMxBad,
    VerifyIp,
    VerifyDone,
    VerifyMissing,
    Checking,
    NoSpfChange,
    SetUp,
    RuledOut,
    OpenStep,
    WayOut,
    Cost,
    Action,
}

impl R {
    pub const ALL: &'static [R] = &[
        R::QExternal,
        R::QSeveralSenders,
        R::QFixedIp,
        R::QSmtpAuth,
        R::QHosted,
        R::QSmtpAuthAfter,
        R::Recommended,
        R::AnswerFirst,
        R::AnswerYes,
        R::AnswerNo,
        R::Choose,
        R::Compare,
        R::Server,
        R::Port,
        R::Security,
        R::Authentication,
        R::Receivers,
        R::Limits,
        R::Needs,
        R::DomainLabel,
        R::ReadMx,
        R::MxIs,
        R::MxNotMicrosoft,
        R::MxFailed,
        R::TypeMx,
        R::TypeMxHelp,
        R::NoDomain,
        R::IpLabel,
        R::AddSite,
        R::Remove,
        R::IpsNeeded,
        R::DocumentationIp,
        R::CurrentRecord,
        R::NoCurrentRecord,
        R::NewRecord,
        R::BudgetOk,
        R::SenderNote,
        R::BouncesNote,
        R::Verify,
        R::VerifyMxOk,
        R::VerifyMxBad,
        R::VerifyIp,
        R::VerifyDone,
        R::VerifyMissing,
        R::Checking,
        R::NoSpfChange,
        R::SetUp,
        R::RuledOut,
        R::OpenStep,
        R::WayOut,
        R::Cost,
        R::Action,
    ];

    /// A stable id for the DOM (a question's checkbox), never a `Debug` print.
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            R::QExternal => (
                "Must messages reach people outside your organisation (customers, suppliers)?",
                "Les messages doivent-ils parvenir à des personnes hors de votre organisation (clients, fournisseurs) ?",
            ),
            R::QSeveralSenders => (
                "Will the application send from several addresses?",
                "L'application enverra-t-elle depuis plusieurs adresses ?",
            ),
            R::QFixedIp => (
                "Does each site that sends have a fixed public IP address?",
                "Chaque site qui envoie a-t-il une adresse IP publique fixe ?",
            ),
            R::QSmtpAuth => (
                "Is SMTP AUTH enabled, or can your administrator enable it?",
                "SMTP AUTH est-il activé, ou votre administrateur peut-il l'activer ?",
            ),
            R::QHosted => (
                "Is the application hosted by a third party (in the cloud)?",
                "L'application est-elle hébergée par un tiers (dans le cloud) ?",
            ),
            R::QSmtpAuthAfter => (
                "Has your administrator turned SMTP AUTH with a password back on for the mailbox (it is off by default since the end of December 2026)?",
                "Votre administrateur a-t-il réactivé SMTP AUTH par mot de passe pour la boîte (désactivé par défaut depuis fin décembre 2026) ?",
            ),
            R::Recommended => ("Recommended: {method}", "Recommandé : {method}"),
            R::AnswerYes => ("Yes", "Oui"),
            R::AnswerNo => ("No", "Non"),
            R::AnswerFirst => (
                "Answer each question above: the way that fits is shown once all five have an answer.",
                "Répondez à chaque question ci-dessus : la solution qui convient s'affiche une fois les cinq renseignées.",
            ),
            R::Choose => ("Continue with {method}", "Continuer avec {method}"),
            R::Compare => ("The four ways side by side", "Les quatre solutions côte à côte"),
            R::Server => ("Server", "Serveur"),
            R::Port => ("Port", "Port"),
            R::Security => ("Security", "Sécurité"),
            R::Authentication => ("Authentication", "Authentification"),
            R::Receivers => ("Who can receive", "Qui peut recevoir"),
            R::Limits => ("Limits", "Limites"),
            R::Needs => ("Needs", "Prérequis"),
            R::DomainLabel => ("Domain that sends", "Domaine qui envoie"),
            R::ReadMx => ("Read its MX record", "Lire son enregistrement MX"),
            R::MxIs => (
                "The domain's mail server is {host}: Microsoft 365.",
                "Le serveur de messagerie du domaine est {host} : Microsoft 365.",
            ),
            R::MxNotMicrosoft => (
                "The domain's MX ({hosts}) is not Microsoft 365: the relay only works for a domain whose mail is in Microsoft 365.",
                "Le MX du domaine ({hosts}) n'est pas Microsoft 365 : le relais ne fonctionne que pour un domaine dont la messagerie est chez Microsoft 365.",
            ),
            R::MxFailed => (
                "The MX record could not be read: {why}",
                "L'enregistrement MX n'a pas pu être lu : {why}",
            ),
            R::TypeMx => (
                "Or type the MX host as shown in the Microsoft 365 admin center",
                "Ou saisissez l'hôte MX tel qu'affiché dans le centre d'administration Microsoft 365",
            ),
            R::TypeMxHelp => (
                "It looks like contoso-com.mail.protection.outlook.com or contoso-com.l-v1.mx.microsoft.",
                "Il ressemble à contoso-com.mail.protection.outlook.com ou contoso-com.l-v1.mx.microsoft.",
            ),
            R::NoDomain => ("Type the domain first.", "Saisissez d'abord le domaine."),
            R::IpLabel => ("Public IPv4 address of site {n}", "Adresse IPv4 publique du site {n}"),
            R::AddSite => ("Add a site", "Ajouter un site"),
            R::Remove => ("Remove", "Retirer"),
            R::IpsNeeded => (
                "Type at least one site's public address in the previous step.",
                "Saisissez l'adresse publique d'au moins un site à l'étape précédente.",
            ),
            R::DocumentationIp => (
                "{ip} is an example address from documentation: use your site's real one.",
                "{ip} est une adresse d'exemple de documentation : utilisez la vraie adresse de votre site.",
            ),
            R::CurrentRecord => ("Current record", "Enregistrement actuel"),
            R::NoCurrentRecord => (
                "The domain has no SPF record yet: this one will be the first.",
                "Le domaine n'a pas encore d'enregistrement SPF : celui-ci sera le premier.",
            ),
            R::NewRecord => (
                "Record to publish (additions highlighted)",
                "Enregistrement à publier (ajouts en évidence)",
            ),
            R::BudgetOk => (
                "{n} DNS look-ups in this record: within the limit of 10.",
                "{n} requêtes DNS dans cet enregistrement : dans la limite de 10.",
            ),
            R::SenderNote => (
                "Sender address: any address of {domain}, for instance invoices@{domain}.",
                "Adresse d'expéditeur : n'importe quelle adresse de {domain}, par exemple factures@{domain}.",
            ),
            R::BouncesNote => (
                "If the sender address has no mailbox, bounce reports are lost: use an address that exists, or a Microsoft 365 group, which can receive them.",
                "Si l'adresse d'expéditeur n'a pas de boîte, les retours d'erreur sont perdus : utilisez une adresse qui existe, ou un groupe Microsoft 365, qui peut les recevoir.",
            ),
            R::Verify => ("Check now", "Vérifier maintenant"),
            R::VerifyMxOk => ("MX: Microsoft 365.", "MX : Microsoft 365."),
            R::VerifyMxBad => ("MX: not Microsoft 365 yet.", "MX : pas encore Microsoft 365."),
            R::VerifyIp => ("{ip}: SPF {result}.", "{ip} : SPF {result}."),
            R::VerifyDone => (
                "Everything is in place: send a test message from the application.",
                "Tout est en place : envoyez un message de test depuis l'application.",
            ),
            R::VerifyMissing => (
                "Still missing: publish the SPF record of the previous step (changes can take up to 24 hours), then check again.",
                "Il manque encore : publiez l'enregistrement SPF de l'étape précédente (les changements peuvent prendre jusqu'à 24 heures), puis vérifiez à nouveau.",
            ),
            R::Checking => ("Checking…", "Vérification…"),
            R::NoSpfChange => (
                "This service asks for no change to the domain's SPF record: its DKIM signature is what receivers check.",
                "Ce service ne demande aucune modification de l'enregistrement SPF du domaine : c'est sa signature DKIM que les destinataires vérifient.",
            ),
            R::SetUp => ("Set up {name}", "Configurer {name}"),
            R::RuledOut => ("Does not fit", "Ne convient pas"),
            R::OpenStep => ("See how", "Voir comment"),
            R::WayOut => ("Way out", "Solution"),
            R::Cost => ("Cost", "Coût"),
            R::Action => ("Action", "Action"),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }
}

/// A question of the method screen; the SMTP AUTH one changes once password sign-in is off
/// by default.
pub fn question(question: Question, phase: Phase, lang: Lang) -> &'static str {
    match (question, phase) {
        (Question::External, _) => R::QExternal,
        (Question::SeveralSenders, _) => R::QSeveralSenders,
        (Question::FixedIp, _) => R::QFixedIp,
        (Question::SmtpAuth, Phase::Before { .. }) => R::QSmtpAuth,
        (Question::SmtpAuth, Phase::After) => R::QSmtpAuthAfter,
        (Question::Hosted, _) => R::QHosted,
    }
    .get(lang)
}

/// A stable id of the phase, for the DOM and tests.
pub fn phase_id(phase: Phase) -> &'static str {
    match phase {
        Phase::Before { .. } => "before",
        Phase::After => "after",
    }
}

/// Where the retirement of password sign-in stands today.
pub fn timeline_now(phase: Phase, lang: Lang) -> String {
    use super::T;
    match phase {
        Phase::Before { days_left: 0 } => T::TimelineToday.get(lang).to_owned(),
        Phase::Before { days_left } => {
            let days = match days_left {
                1 => T::OneDay.get(lang).to_owned(),
                n => super::fill(T::Days.get(lang), &[("n", &n.to_string())]),
            };
            super::fill(T::TimelineBefore.get(lang), &[("days", &days)])
        }
        Phase::After => T::TimelineAfter.get(lang).to_owned(),
    }
}

pub fn method(method: Method, lang: Lang) -> &'static str {
    pick(
        lang,
        match method {
            Method::SmtpAuth => (
                "SMTP AUTH (a mailbox and its password)",
                "SMTP AUTH (une boîte et son mot de passe)",
            ),
            Method::Relay => ("the relay through a connector", "le relais par connecteur"),
            Method::DirectSend => ("direct send", "l'envoi direct"),
            Method::WayOut => (
                "a sending service or Azure Communication Services",
                "un service d'envoi ou Azure Communication Services",
            ),
        },
    )
}

/// The comparison table: server, port, security, authentication, receivers, limits, needs.
/// SMTP AUTH's needs follow the retirement phase.
pub fn method_facts(method: Method, phase: Phase, lang: Lang) -> [&'static str; 7] {
    let p = |pair| pick(lang, pair);
    match method {
        Method::SmtpAuth => [
            "smtp.office365.com",
            "587",
            "STARTTLS",
            p((
                "mailbox address and password (app password with per-user MFA)",
                "adresse et mot de passe de la boîte (mot de passe d'application avec MFA par utilisateur)",
            )),
            p(("anyone", "tout le monde")),
            p((
                "30 messages a minute, 10,000 recipients a day",
                "30 messages par minute, 10 000 destinataires par jour",
            )),
            match phase {
                Phase::Before { .. } => p((
                    "SMTP AUTH enabled for the mailbox; off by default from the end of December 2026",
                    "SMTP AUTH activé pour la boîte ; désactivé par défaut à partir de fin décembre 2026",
                )),
                Phase::After => p((
                    "an administrator turning password sign-in back on, until the final removal (date announced in the second half of 2027)",
                    "un administrateur qui réactive la connexion par mot de passe, jusqu'à la suppression définitive (date annoncée au second semestre 2027)",
                )),
            },
        ],
        Method::Relay => [
            p(("the domain's MX host", "l'hôte MX du domaine")),
            "25",
            p(("none (TLS if offered)", "aucune (TLS si proposé)")),
            p((
                "none: the site's fixed public IP, in a connector",
                "aucune : l'IP publique fixe du site, dans un connecteur",
            )),
            p(("anyone", "tout le monde")),
            p((
                "reasonable; 2 seconds between messages advised",
                "raisonnables ; 2 secondes entre les messages conseillées",
            )),
            p((
                "fixed public IPv4 per site, outbound port 25, SPF change",
                "IPv4 publique fixe par site, port 25 sortant, modification SPF",
            )),
        ],
        Method::DirectSend => [
            p(("the domain's MX host", "l'hôte MX du domaine")),
            "25",
            p(("none (TLS if offered)", "aucune (TLS si proposé)")),
            p(("none", "aucune")),
            p((
                "only mailboxes of your Microsoft 365 organisation",
                "seulement les boîtes de votre organisation Microsoft 365",
            )),
            p(("normal throttling", "limitation habituelle")),
            p((
                "nothing; the organisation may reject it",
                "rien ; l'organisation peut le refuser",
            )),
        ],
        Method::WayOut => [
            p(("the service's own", "celui du service")),
            "587",
            "STARTTLS",
            p((
                "a user name and a key the service gives (never the mailbox password)",
                "un identifiant et une clé donnés par le service (jamais le mot de passe de la boîte)",
            )),
            p(("anyone", "tout le monde")),
            p(("the service's plan", "selon la formule du service")),
            p((
                "an account with the service and the domain's DNS records (DKIM, sometimes SPF)",
                "un compte chez le service et les enregistrements DNS du domaine (DKIM, parfois SPF)",
            )),
        ],
    }
}

pub fn reason(reason: Reason, phase: Phase, lang: Lang) -> String {
    pick(
        lang,
        match reason {
            // Given only before the change: today's line of the timeline, then what to do.
            Reason::AuthRetiring => {
                return format!(
                    "{} {}",
                    timeline_now(phase, lang),
                    pick(
                        lang,
                        (
                            "Ask the administrator to keep it on, and plan the relay or a sending service for later.",
                            "Demandez à l'administrateur de le laisser actif, et prévoyez le relais ou un service d'envoi pour la suite.",
                        )
                    )
                );
            }
            Reason::RelayDurable => (
                "The relay reaches everyone, from any address of the domain, with no password: the retirement of basic authentication does not affect it.",
                "Le relais atteint tout le monde, depuis n'importe quelle adresse du domaine, sans mot de passe : le retrait de l'authentification de base ne le concerne pas.",
            ),
            Reason::AuthNoFixedIp => (
                "SMTP AUTH needs no fixed IP address.",
                "SMTP AUTH n'exige pas d'adresse IP fixe.",
            ),
            Reason::AuthOneSender => (
                "SMTP AUTH sends as the signed-in mailbox: other sender addresses need Send As rights.",
                "SMTP AUTH envoie au nom de la boîte connectée : les autres adresses d'expéditeur exigent le droit « Envoyer en tant que ».",
            ),
            Reason::AuthReenabledUntilRemoval => (
                "Password sign-in for SMTP is off by default since the end of December 2026: it works only where an administrator turned it back on, and only until the final removal (date announced in the second half of 2027). Plan the relay or a sending service now.",
                "La connexion SMTP par mot de passe est désactivée par défaut depuis fin décembre 2026 : elle ne fonctionne que là où un administrateur l'a réactivée, et seulement jusqu'à la suppression définitive (date annoncée au second semestre 2027). Prévoyez dès maintenant le relais ou un service d'envoi.",
            ),
            Reason::HostedSharedIp => (
                "A hosted application's IP address may be shared with the host's other customers: a connector on it would let them send as you.",
                "L'adresse IP d'une application hébergée peut être partagée avec les autres clients de l'hébergeur : un connecteur sur elle leur permettrait d'envoyer en votre nom.",
            ),
            Reason::DirectInternalOnly => (
                "Direct send only reaches your own organisation's mailboxes.",
                "L'envoi direct n'atteint que les boîtes de votre organisation.",
            ),
            Reason::DirectMayBeRejected => (
                "Your administrator may have turned direct send off.",
                "Votre administrateur peut avoir désactivé l'envoi direct.",
            ),
            Reason::WayOutNeeded => (
                "Without a fixed public IP and without SMTP AUTH, Microsoft 365 itself cannot take the application's mail to outside recipients: a sending service or Azure Communication Services can, with a user name and key of their own, on your domain.",
                "Sans IP publique fixe ni SMTP AUTH, Microsoft 365 ne peut pas acheminer lui-même les e-mails de l'application vers l'extérieur : un service d'envoi ou Azure Communication Services le peuvent, avec leur propre identifiant et leur clé, sur votre domaine.",
            ),
        },
    )
    .to_owned()
}

pub fn ip_refusal(refusal: IpRefusal, lang: Lang) -> String {
    match refusal {
        IpRefusal::NotIpv4 => pick(
            lang,
            (
                "This is not an IPv4 address (four numbers separated by dots).",
                "Ce n'est pas une adresse IPv4 (quatre nombres séparés par des points).",
            ),
        )
        .to_owned(),
        IpRefusal::Special(class) => {
            let why = pick(
                lang,
                match class {
                    crate::ipclass::IpClass::Private => (
                        "a private address, the inside of a network: the connector sees the public one",
                        "une adresse privée, l'intérieur d'un réseau : le connecteur voit l'adresse publique",
                    ),
                    crate::ipclass::IpClass::Loopback => {
                        ("this computer's own address", "l'adresse de l'ordinateur lui-même")
                    }
                    crate::ipclass::IpClass::Cgnat => (
                        "shared by your provider between customers (carrier-grade NAT): ask for a fixed public IP",
                        "partagée par votre fournisseur entre clients (CGNAT) : demandez une IP publique fixe",
                    ),
                    crate::ipclass::IpClass::LinkLocal => (
                        "a link-local address, never seen on the Internet",
                        "une adresse de lien local, jamais vue sur Internet",
                    ),
                    crate::ipclass::IpClass::Multicast => ("a multicast address", "une adresse multicast"),
                    _ => ("a reserved address", "une adresse réservée"),
                },
            );
            format!("{} {why}.", pick(lang, ("Refused:", "Refusée :")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_follows_the_phase() {
        let cases = [
            (Phase::Before { days_left: 39 }, Lang::En, "39 days left at most"),
            (Phase::Before { days_left: 1 }, Lang::Fr, "1 jour au plus"),
            (Phase::Before { days_left: 0 }, Lang::En, "may already have turned"),
            (Phase::After, Lang::Fr, "Depuis fin décembre 2026"),
        ];
        for (phase, lang, words) in cases {
            assert!(timeline_now(phase, lang).contains(words), "{phase:?} {lang:?}");
        }
        assert!(reason(Reason::AuthRetiring, Phase::Before { days_left: 9 }, Lang::En).contains("9 days"));
        assert!(question(Question::SmtpAuth, Phase::After, Lang::En).contains("back on"));
    }

    #[test]
    fn every_label_is_translated() {
        for key in R::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }
}
