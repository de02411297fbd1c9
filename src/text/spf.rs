//! The SPF tool's words: each finding, each syntax error and the tool's own labels, in
//! English and French.

use super::pick;
use crate::{
    i18n::Lang,
    ipclass::IpClass,
    spf::{Issue, ParseError, ParseErrorKind, Severity},
    text::fill,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S {
    Title,
    Intro,
    CheckTitle,
    RecordLabel,
    RecordHelp,
    NoFinding,
    Findings,
    Terms,
    Lookups,
    CountsLookup,
    BuildTitle,
    BuildIntro,
    Providers,
    Addresses,
    AddressesHelp,
    BadAddress,
    Policy,
    PolicyFail,
    PolicySoftFail,
    Result,
    ZoneText,
    Added,
    AlreadyThere,
    PolicyKeep,
    PolicyChanged,
    Blocked,
    OverBudget,
    MergeInvalid,
    BackToAssistant,
    ReadDomainLabel,
    ReadDomain,
    OpenSpfTool,
}

impl S {
    pub const ALL: &'static [S] = &[
        S::Title,
        S::Intro,
        S::CheckTitle,
        S::RecordLabel,
        S::RecordHelp,
        S::NoFinding,
        S::Findings,
        S::Terms,
        S::Lookups,
        S::CountsLookup,
        S::BuildTitle,
        S::BuildIntro,
        S::Providers,
        S::Addresses,
        S::AddressesHelp,
        S::BadAddress,
        S::Policy,
        S::PolicyFail,
        S::PolicySoftFail,
        S::Result,
        S::ZoneText,
        S::Added,
        S::AlreadyThere,
        S::PolicyKeep,
        S::PolicyChanged,
        S::Blocked,
        S::OverBudget,
        S::MergeInvalid,
        S::BackToAssistant,
        S::ReadDomainLabel,
        S::ReadDomain,
        S::OpenSpfTool,
    ];

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            S::Title => ("SPF record tool", "Outil d'enregistrement SPF"),
            S::Intro => (
                "SPF tells receiving servers which servers may send email for a domain. Check a record, or build the one to publish.",
                "SPF indique aux serveurs destinataires quels serveurs peuvent envoyer des e-mails pour un domaine. Vérifiez un enregistrement, ou construisez celui à publier.",
            ),
            S::CheckTitle => ("Check a record", "Vérifier un enregistrement"),
            S::RecordLabel => ("SPF record (TXT value)", "Enregistrement SPF (valeur TXT)"),
            S::RecordHelp => (
                "Paste the value starting with v=spf1, or the zone-file line with its quoted strings. This works offline.",
                "Collez la valeur qui commence par v=spf1, ou la ligne du fichier de zone avec ses chaînes entre guillemets. Cela fonctionne hors ligne.",
            ),
            S::NoFinding => (
                "No problem found in this record.",
                "Aucun problème trouvé dans cet enregistrement.",
            ),
            S::Findings => ("Findings", "Constats"),
            S::Terms => ("Terms of the record", "Termes de l'enregistrement"),
            S::Lookups => (
                "{n} of 10 DNS look-ups in this record (included records add theirs).",
                "{n} requêtes DNS sur 10 dans cet enregistrement (les enregistrements inclus ajoutent les leurs).",
            ),
            S::CountsLookup => ("1 DNS look-up", "1 requête DNS"),
            S::BuildTitle => ("Build the record to publish", "Construire l'enregistrement à publier"),
            S::BuildIntro => (
                "Choose who sends for the domain. If a record is pasted above, the additions are merged into it.",
                "Choisissez qui envoie pour le domaine. Si un enregistrement est collé ci-dessus, les ajouts y sont fusionnés.",
            ),
            S::Providers => (
                "Mail services that send for the domain",
                "Services de messagerie qui envoient pour le domaine",
            ),
            S::Addresses => (
                "Public IP addresses or networks of your own servers",
                "Adresses IP publiques ou réseaux de vos propres serveurs",
            ),
            S::AddressesHelp => (
                "One per line, e.g. 203.0.113.10 or 2001:db8::/48.",
                "Une par ligne, par ex. 203.0.113.10 ou 2001:db8::/48.",
            ),
            S::BadAddress => (
                "\"{value}\" is not an IP address or network.",
                "« {value} » n'est pas une adresse IP ou un réseau.",
            ),
            S::Policy => ("Mail from any other server", "Les e-mails venant de tout autre serveur"),
            S::PolicyFail => (
                "reject it (-all, recommended once everything is listed)",
                "les refuser (-all, recommandé quand tout est listé)",
            ),
            S::PolicySoftFail => (
                "accept but mark it (~all, while checking)",
                "les accepter en les marquant (~all, le temps de vérifier)",
            ),
            S::Result => ("Record to publish", "Enregistrement à publier"),
            S::ZoneText => ("Zone-file text", "Texte pour le fichier de zone"),
            S::Added => ("Added: {terms}", "Ajouté : {terms}"),
            S::AlreadyThere => ("Already covered: {terms}", "Déjà couvert : {terms}"),
            S::PolicyKeep => (
                "keep the pasted record's choice (~all for a new record)",
                "garder le choix de l'enregistrement collé (~all pour un nouvel enregistrement)",
            ),
            S::PolicyChanged => ("Policy changed: {old} → {new}", "Politique changée : {old} → {new}"),
            S::Blocked => (
                "Not published as is: the record has a problem to fix first.",
                "Pas à publier tel quel : l'enregistrement a un problème à corriger d'abord.",
            ),
            S::OverBudget => (
                "This record needs {n} DNS look-ups in itself: more than 10 makes receivers reject it (permerror).",
                "Cet enregistrement demande à lui seul {n} requêtes DNS : au-delà de 10, les destinataires le rejettent (permerror).",
            ),
            S::MergeInvalid => (
                "Fix the record above first: it cannot be merged as it is.",
                "Corrigez d'abord l'enregistrement ci-dessus : il ne peut pas être fusionné tel quel.",
            ),
            S::ReadDomainLabel => (
                "Read a domain's published record (online)",
                "Lire l'enregistrement publié d'un domaine (en ligne)",
            ),
            S::ReadDomain => ("Read", "Lire"),
            S::BackToAssistant => ("Set up an application's email", "Configurer l'e-mail d'une application"),
            S::OpenSpfTool => ("SPF record tool", "Outil SPF"),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }
}

pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    pick(
        lang,
        match severity {
            Severity::Error => ("Problem", "Problème"),
            Severity::Warning => ("Warning", "Attention"),
            Severity::Info => ("Note", "Remarque"),
        },
    )
}

fn class(class: IpClass, lang: Lang) -> &'static str {
    pick(
        lang,
        match class {
            IpClass::Public => ("a public address", "une adresse publique"),
            IpClass::Private => (
                "a private address (the inside of a network)",
                "une adresse privée (l'intérieur d'un réseau)",
            ),
            IpClass::Loopback => ("a loopback address", "une adresse de bouclage"),
            IpClass::Cgnat => ("a carrier-grade NAT address", "une adresse de NAT d'opérateur (CGNAT)"),
            IpClass::LinkLocal => ("a link-local address", "une adresse de lien local"),
            IpClass::Multicast => ("a multicast address", "une adresse multicast"),
            IpClass::Documentation => (
                "a documentation example address",
                "une adresse d'exemple de documentation",
            ),
            IpClass::Reserved => ("a reserved address", "une adresse réservée"),
        },
    )
}

pub fn parse_error(error: &ParseError, lang: Lang) -> String {
    use ParseErrorKind::*;
    let why = pick(
        lang,
        match error.kind {
            NotSpf => (
                "an SPF record starts with \"v=spf1\" followed by a space",
                "un enregistrement SPF commence par « v=spf1 » suivi d'une espace",
            ),
            InvalidCharacter => (
                "only plain ASCII letters, digits and signs are allowed, separated by spaces",
                "seuls les lettres, chiffres et signes ASCII simples sont permis, séparés par des espaces",
            ),
            UnknownMechanism => (
                "this is not an SPF mechanism (all, include, a, mx, ptr, ip4, ip6, exists)",
                "ce n'est pas un mécanisme SPF (all, include, a, mx, ptr, ip4, ip6, exists)",
            ),
            BadArgument => (
                "this mechanism is missing its value, or has one it does not take",
                "il manque la valeur de ce mécanisme, ou il en a une qu'il n'accepte pas",
            ),
            BadIp4 => ("this is not an IPv4 address", "ce n'est pas une adresse IPv4"),
            BadIp6 => ("this is not an IPv6 address", "ce n'est pas une adresse IPv6"),
            BadPrefix => (
                "the prefix length after / is invalid (0–32 for IPv4, 0–128 for IPv6)",
                "la longueur de préfixe après / est invalide (0–32 en IPv4, 0–128 en IPv6)",
            ),
            BadDomainSpec => (
                "this is not a valid domain name",
                "ce n'est pas un nom de domaine valide",
            ),
            BadMacro => (
                "a % sign starts an invalid macro",
                "un signe % commence une macro invalide",
            ),
            DuplicateModifier => (
                "redirect= and exp= may appear only once",
                "redirect= et exp= ne peuvent apparaître qu'une fois",
            ),
            BadModifierName => (
                "a modifier name starts with a letter",
                "un nom de modificateur commence par une lettre",
            ),
        },
    );
    let template = pick(
        lang,
        (
            "Syntax error in \"{term}\" (character {position}): {why}.",
            "Erreur de syntaxe dans « {term} » (caractère {position}) : {why}.",
        ),
    );
    let term: String = error.term.chars().take(60).collect();
    fill(
        template,
        &[
            ("term", &term),
            ("position", &(error.position + 1).to_string()),
            ("why", why),
        ],
    )
}

pub fn issue(issue: &Issue, lang: Lang) -> String {
    use Issue::*;
    let text = |pair| pick(lang, pair).to_owned();
    let with = |pair, values: &[(&str, &str)]| fill(pick(lang, pair), values);
    match issue {
        NoRecord => text((
            "The domain publishes no SPF record: receivers cannot tell which servers may send for it.",
            "Le domaine ne publie aucun enregistrement SPF : les destinataires ne peuvent pas savoir quels serveurs peuvent envoyer pour lui.",
        )),
        SeveralRecords(n) => with(
            (
                "The domain publishes {n} SPF records: there must be exactly one, or receivers return permerror. Merge them.",
                "Le domaine publie {n} enregistrements SPF : il en faut exactement un, sinon les destinataires renvoient permerror. Fusionnez-les.",
            ),
            &[("n", &n.to_string())],
        ),
        Syntax(error) => parse_error(error, lang),
        TooManyLookups(n) => with(
            (
                "The policy needs {n} DNS look-ups: more than 10 makes receivers return permerror. Replace includes by ip4:/ip6: where you can.",
                "La politique demande {n} requêtes DNS : au-delà de 10, les destinataires renvoient permerror. Remplacez des include par des ip4:/ip6: quand c'est possible.",
            ),
            &[("n", &n.to_string())],
        ),
        TooManyVoidLookups(n) => with(
            (
                "{n} look-ups find nothing: more than 2 makes receivers return permerror.",
                "{n} requêtes ne trouvent rien : au-delà de 2, les destinataires renvoient permerror.",
            ),
            &[("n", &n.to_string())],
        ),
        VoidLookup(name) => with(
            (
                "{name} has no address or mail server: the term matches nothing.",
                "{name} n'a ni adresse ni serveur de messagerie : le terme ne correspond à rien.",
            ),
            &[("name", name)],
        ),
        Ptr(term) => with(
            (
                "\"{term}\": ptr is slow, unreliable and discouraged (RFC 7208); list addresses instead.",
                "« {term} » : ptr est lent, peu fiable et déconseillé (RFC 7208) ; listez plutôt les adresses.",
            ),
            &[("term", term)],
        ),
        WideNetwork(term) => with(
            (
                "\"{term}\" authorises a large part of the Internet to send as this domain.",
                "« {term} » autorise une grande partie d'Internet à envoyer au nom de ce domaine.",
            ),
            &[("term", term)],
        ),
        PassAll => text((
            "+all authorises every server on the Internet to send as this domain.",
            "+all autorise tous les serveurs d'Internet à envoyer au nom de ce domaine.",
        )),
        NeutralAll => text((
            "?all says nothing about other servers: it protects nothing. Prefer ~all or -all.",
            "?all ne dit rien des autres serveurs : il ne protège rien. Préférez ~all ou -all.",
        )),
        NoAll => text((
            "The record does not end with all: mail from other servers gets neutral. Add ~all or -all.",
            "L'enregistrement ne se termine pas par all : les e-mails d'autres serveurs obtiennent neutral. Ajoutez ~all ou -all.",
        )),
        TermsAfterAll(terms) => with(
            (
                "Terms after all are never evaluated: {terms}. Move them before all.",
                "Les termes après all ne sont jamais évalués : {terms}. Placez-les avant all.",
            ),
            &[("terms", &terms.join(" "))],
        ),
        RedirectIgnored => text((
            "redirect= is ignored because the record has all.",
            "redirect= est ignoré car l'enregistrement contient all.",
        )),
        DuplicateTerm(term) => with(
            ("\"{term}\" is listed twice.", "« {term} » est listé deux fois."),
            &[("term", term)],
        ),
        CoveredNetwork { term, by } => with(
            (
                "\"{term}\" is already covered by \"{by}\".",
                "« {term} » est déjà couvert par « {by} ».",
            ),
            &[("term", term), ("by", by)],
        ),
        SpecialAddress {
            term,
            class: c,
            others: 0,
        } => with(
            (
                "\"{term}\" is {class}: no mail from the Internet comes from it.",
                "« {term} » est {class} : aucun e-mail d'Internet n'en provient.",
            ),
            &[("term", term), ("class", class(*c, lang))],
        ),
        SpecialAddress { term, class: c, others } => with(
            (
                "\"{term}\" and {n} more terms are {class}: no mail from the Internet comes from them.",
                "« {term} » et {n} autres termes sont {class} : aucun e-mail d'Internet n'en provient.",
            ),
            &[("term", term), ("class", class(*c, lang)), ("n", &others.to_string())],
        ),
        IncludeWithoutSpf(domain) => with(
            (
                "The included domain {domain} has no single valid SPF record: receivers return permerror.",
                "Le domaine inclus {domain} n'a pas un et un seul enregistrement SPF valide : les destinataires renvoient permerror.",
            ),
            &[("domain", domain)],
        ),
        IncludeLoop(domain) => with(
            (
                "{domain} includes itself through a loop: receivers return permerror.",
                "{domain} s'inclut lui-même par une boucle : les destinataires renvoient permerror.",
            ),
            &[("domain", domain)],
        ),
        IncludeTooDeep(domain) => with(
            (
                "The chain of includes goes more than {n} levels deep before {domain}: receivers stop after {n} look-ups and return permerror.",
                "La chaîne d'inclusions descend de plus de {n} niveaux avant {domain} : les destinataires s'arrêtent après {n} requêtes et renvoient permerror.",
            ),
            &[("domain", domain), ("n", &crate::spf::MAX_LOOKUPS.to_string())],
        ),
        LookupFailed { domain, failure } => with(
            (
                "Could not check {domain}: {why}",
                "Impossible de vérifier {domain} : {why}",
            ),
            &[("domain", domain), ("why", super::dns::failure(*failure, lang))],
        ),
        StringTooLong(n) => with(
            (
                "A string of {n} characters: DNS strings hold at most 255, so split it (see the zone-file text).",
                "Une chaîne de {n} caractères : une chaîne DNS en contient au plus 255, découpez-la (voir le texte pour le fichier de zone).",
            ),
            &[("n", &n.to_string())],
        ),
        RecordTooLong(n) => with(
            (
                "The record is {n} characters long: above 450, some receivers cannot fetch it.",
                "L'enregistrement fait {n} caractères : au-delà de 450, certains destinataires ne peuvent pas le récupérer.",
            ),
            &[("n", &n.to_string())],
        ),
    }
}

/// Why the builder did not add a typed item.
pub fn refusal(refusal: &crate::spf::addresses::Refusal, lang: Lang) -> String {
    use crate::spf::addresses::{Refusal, WIDEST_V4, WIDEST_V6};
    match refusal {
        Refusal::NotAnAddress(value) => fill(S::BadAddress.get(lang), &[("value", value)]),
        Refusal::Special(value, c) => fill(
            pick(
                lang,
                (
                    "\"{value}\" is refused: it is {class}, never a sender on the Internet.",
                    "« {value} » est refusée : c'est {class}, jamais un expéditeur sur Internet.",
                ),
            ),
            &[("value", value), ("class", class(*c, lang))],
        ),
        Refusal::TooWide(value) => fill(
            pick(
                lang,
                (
                    "\"{value}\" is refused: wider than /{v4} (IPv4) or /{v6} (IPv6), it would authorise other people's servers. A provider's network comes through its include.",
                    "« {value} » est refusé : plus large que /{v4} (IPv4) ou /{v6} (IPv6), il autoriserait les serveurs d'autres personnes. Le réseau d'un fournisseur passe par son include.",
                ),
            ),
            &[
                ("value", value),
                ("v4", &WIDEST_V4.to_string()),
                ("v6", &WIDEST_V6.to_string()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_translated() {
        for key in S::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }

    #[test]
    fn findings_are_worded_in_both_languages() {
        let error = crate::spf::parse("v=spf1 ip4:300.1.1.1").unwrap_err();
        let issues = [
            Issue::NoRecord,
            Issue::Syntax(error),
            Issue::TooManyLookups(12),
            Issue::SpecialAddress {
                term: "ip4:10.0.0.1".into(),
                class: IpClass::Private,
                others: 0,
            },
            Issue::SpecialAddress {
                term: "ip4:10.0.0.1".into(),
                class: IpClass::Private,
                others: 299,
            },
            Issue::CoveredNetwork {
                term: "ip4:203.0.114.10".into(),
                by: "ip4:203.0.114.0/24".into(),
            },
        ];
        for issue in &issues {
            let (en, fr) = (super::issue(issue, Lang::En), super::issue(issue, Lang::Fr));
            assert!(!en.contains('{') && !fr.contains('{'), "{en} / {fr}");
            assert_ne!(en, fr);
        }
        assert_eq!(
            super::issue(
                &Issue::Syntax(crate::spf::parse("v=spf1 ip4:300.1.1.1").unwrap_err()),
                Lang::En
            ),
            "Syntax error in \"ip4:300.1.1.1\" (character 8): this is not an IPv4 address."
        );
    }
}
