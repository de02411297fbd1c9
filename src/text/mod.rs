//! Every fixed word of the interface, in English and French. Each entry is a pair, so a
//! missing translation does not compile. `{name}` marks a value filled in by `fill`.

pub mod dns;
pub mod errors;
pub mod relay;
pub mod spf;

use crate::{address::AddressError, i18n::Lang, presets::Security, url_state::Notice};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Tagline,
    Privacy,
    SwitchLanguage,
    StartOver,
    StepOf,
    StepN,
    Back,
    Next,
    CopyLink,
    LinkCopied,
    Copy,
    Copied,
    CopyFailed,
    Steps,
    AddressTitle,
    AddressLabel,
    AddressPlaceholder,
    AddressHelp,
    AddressDomainFound,
    Continue,
    DidYouMean,
    UseSuggestion,
    ChooseTitle,
    ChooseTitleNoDomain,
    ChooseHelp,
    ChooseProvider,
    ChooseGroupKnown,
    ChooseGroupServices,
    HostLabel,
    HostAccepted,
    HostNotThePattern,
    SettingsTitle,
    WhereIsForm,
    Field,
    Value,
    Alternatives,
    Source,
    Checked,
    GoodToKnow,
    SecuritySsl,
    SecurityStarttls,
    SecurityNone,
    Yes,
    Print,
    PrintTitle,
    PrintDomain,
    PrintSpf,
    PrintChecklist,
    No,
    LeaveEmpty,
    MxHostFromDns,
    UserFullAddress,
    UserLocalPart,
    FromIt,
    PasswordApp,
    PasswordMailbox,
    Seconds,
    TestTitle,
    TestIfFails,
    TimelineBefore,
    TimelineToday,
    OneDay,
    Days,
    TimelineAfter,
    TimelineAppPasswords,
    TimelineFinal,
    AskItValues,
    AskItHost,
    AskItPort,
    AskItSecurity,
    AskItUser,
    AskItPassword,
    AskItButton,
    AskItSubject,
    AskItBody,
    OtherProvidersIntro,
    NoticeLang,
    NoticeApp,
    NoticeProvider,
    NoticeDomain,
    NoticeAddressInLink,
    NoticeStep,
    NoticeTool,
    NoticeDoh,
    Dismiss,
    ErrEmpty,
    ErrNoAt,
    ErrSeveralAt,
    ErrEmptyLocal,
    ErrEmptyDomain,
    ErrSpace,
    ErrLocalTooLong,
    ErrLocalDots,
    ErrLocalCharacter,
    ErrIpLiteral,
    ErrNoDot,
    ErrBadDomain,
    ErrTooLong,
    PartLoading,
    PartFailed,
    PartFailedTitle,
    TryAgain,
}

impl T {
    pub const ALL: &'static [T] = &[
        T::Tagline,
        T::Privacy,
        T::SwitchLanguage,
        T::StartOver,
        T::StepOf,
        T::StepN,
        T::Back,
        T::Next,
        T::CopyLink,
        T::LinkCopied,
        T::Copy,
        T::Copied,
        T::CopyFailed,
        T::Steps,
        T::AddressTitle,
        T::AddressLabel,
        T::AddressPlaceholder,
        T::AddressHelp,
        T::AddressDomainFound,
        T::Continue,
        T::DidYouMean,
        T::UseSuggestion,
        T::ChooseTitle,
        T::ChooseTitleNoDomain,
        T::ChooseHelp,
        T::ChooseProvider,
        T::ChooseGroupKnown,
        T::ChooseGroupServices,
        T::HostLabel,
        T::HostAccepted,
        T::HostNotThePattern,
        T::SettingsTitle,
        T::WhereIsForm,
        T::Field,
        T::Value,
        T::Alternatives,
        T::Source,
        T::Checked,
        T::GoodToKnow,
        T::SecuritySsl,
        T::SecurityStarttls,
        T::SecurityNone,
        T::Yes,
        T::Print,
        T::PrintTitle,
        T::PrintDomain,
        T::PrintSpf,
        T::PrintChecklist,
        T::No,
        T::LeaveEmpty,
        T::MxHostFromDns,
        T::UserFullAddress,
        T::UserLocalPart,
        T::FromIt,
        T::PasswordApp,
        T::PasswordMailbox,
        T::Seconds,
        T::TestTitle,
        T::TestIfFails,
        T::TimelineBefore,
        T::TimelineToday,
        T::OneDay,
        T::Days,
        T::TimelineAfter,
        T::TimelineAppPasswords,
        T::TimelineFinal,
        T::AskItValues,
        T::AskItHost,
        T::AskItPort,
        T::AskItSecurity,
        T::AskItUser,
        T::AskItPassword,
        T::AskItButton,
        T::AskItSubject,
        T::AskItBody,
        T::OtherProvidersIntro,
        T::NoticeLang,
        T::NoticeApp,
        T::NoticeProvider,
        T::NoticeDomain,
        T::NoticeAddressInLink,
        T::NoticeStep,
        T::NoticeTool,
        T::NoticeDoh,
        T::Dismiss,
        T::ErrEmpty,
        T::ErrNoAt,
        T::ErrSeveralAt,
        T::ErrEmptyLocal,
        T::ErrEmptyDomain,
        T::ErrSpace,
        T::ErrLocalTooLong,
        T::ErrLocalDots,
        T::ErrLocalCharacter,
        T::ErrIpLiteral,
        T::ErrNoDot,
        T::ErrBadDomain,
        T::ErrTooLong,
        T::PartLoading,
        T::PartFailed,
        T::PartFailedTitle,
        T::TryAgain,
    ];

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            T::Tagline => (
                "Send email from {app} through your own mailbox",
                "Envoyer les e-mails de {app} par votre propre boîte",
            ),
            T::PartLoading => ("Loading this part…", "Chargement de cette partie…"),
            T::PartFailed => (
                "This part of the assistant could not be downloaded. Check the connection, then try again: what you typed is kept.",
                "Cette partie de l'assistant n'a pas pu être téléchargée. Vérifiez la connexion, puis réessayez : ce que vous avez saisi est conservé.",
            ),
            T::TryAgain => ("Try again", "Réessayer"),
            T::PartFailedTitle => (
                "This step could not be downloaded",
                "Cette étape n'a pas pu être téléchargée",
            ),
            T::Privacy => (
                "This assistant never asks for a password and runs in your browser. The address itself is never sent; to read a domain's mail records (MX, SPF, DMARC, DKIM), its name is sent to the DNS-over-HTTPS resolver shown with the results.",
                "Cet assistant ne demande jamais de mot de passe et fonctionne dans votre navigateur. L'adresse elle-même n'est jamais envoyée ; pour lire les enregistrements de messagerie d'un domaine (MX, SPF, DMARC, DKIM), son nom est envoyé au résolveur DNS-over-HTTPS indiqué avec les résultats.",
            ),
            T::SwitchLanguage => ("Français", "English"),
            T::StartOver => ("Start over", "Recommencer"),
            T::StepOf => ("Step {n} of {total}", "Étape {n} sur {total}"),
            T::StepN => ("Step {n}", "Étape {n}"),
            T::Back => ("Back", "Retour"),
            T::Next => ("Next", "Suivant"),
            T::CopyLink => ("Copy a link to this step", "Copier un lien vers cette étape"),
            T::LinkCopied => ("Link copied", "Lien copié"),
            T::Copy => ("Copy", "Copier"),
            T::Copied => ("Copied", "Copié"),
            T::CopyFailed => (
                "Copying is blocked here: select the text and copy it.",
                "La copie est bloquée ici : sélectionnez le texte et copiez-le.",
            ),
            T::Steps => ("Steps", "Étapes"),
            T::AddressTitle => (
                "Which address will {app} send from?",
                "Avec quelle adresse envoyer les e-mails de {app} ?",
            ),
            T::AddressLabel => ("Email address", "Adresse e-mail"),
            T::AddressPlaceholder => ("name@example.com", "nom@exemple.fr"),
            T::AddressHelp => (
                "Only the part after the @ is used, to find your provider. The address stays on this page; only a domain of your own is looked up in the DNS.",
                "Seule la partie après le @ sert, à trouver votre fournisseur. L'adresse reste sur cette page ; seul un domaine à vous est recherché dans le DNS.",
            ),
            T::AddressDomainFound => ("Provider found: {provider}", "Fournisseur trouvé : {provider}"),
            T::Continue => ("Continue", "Continuer"),
            T::DidYouMean => ("Did you mean {domain}?", "Vouliez-vous dire {domain} ?"),
            T::UseSuggestion => ("Use {domain}", "Utiliser {domain}"),
            T::ChooseTitle => (
                "Who hosts the mailbox of {domain}?",
                "Qui héberge la boîte de {domain} ?",
            ),
            T::ChooseTitleNoDomain => ("Who hosts your mailbox?", "Qui héberge votre boîte ?"),
            T::ChooseHelp => (
                "This domain is not one we know by name. Choose the provider of the mailbox. If your company runs its own mail server, or you do not know, choose the last option.",
                "Ce domaine ne fait pas partie de ceux que nous connaissons. Choisissez le fournisseur de la boîte. Si votre entreprise a son propre serveur de messagerie, ou si vous ne savez pas, choisissez la dernière option.",
            ),
            T::ChooseProvider => ("Choose", "Choisir"),
            T::ChooseGroupKnown => ("Providers", "Fournisseurs"),
            T::HostLabel => (
                "Server shown in the control panel",
                "Serveur affiché dans l'espace client",
            ),
            T::HostAccepted => (
                "{host} will be on the settings card.",
                "{host} figurera dans les réglages.",
            ),
            T::HostNotThePattern => (
                "This is not a server of this offer: it has the form {form}, with your platform's number in place of N.",
                "Ce n'est pas un serveur de cette offre : il a la forme {form}, avec le numéro de votre plateforme à la place de N.",
            ),
            T::ChooseGroupServices => (
                "Or send through a sending service (your mailboxes stay where they are)",
                "Ou envoyer par un service d'envoi (vos boîtes restent où elles sont)",
            ),
            T::SettingsTitle => ("The settings to type in {app}", "Les réglages à saisir dans {app}"),
            T::WhereIsForm => ("Where:", "Où :"),
            T::Field => ("Field in {app}", "Champ dans {app}"),
            T::Value => ("Value", "Valeur"),
            T::Alternatives => ("Other values that also work", "Autres valeurs qui fonctionnent aussi"),
            T::Source => ("Source", "Source"),
            T::Checked => ("checked {date}", "vérifié le {date}"),
            T::GoodToKnow => ("Good to know", "Bon à savoir"),
            T::SecuritySsl => ("SSL/TLS", "SSL/TLS"),
            T::SecurityStarttls => ("STARTTLS", "STARTTLS"),
            T::SecurityNone => ("None", "Aucune"),
            T::Yes => ("Yes", "Oui"),
            T::Print => ("Print or save as PDF", "Imprimer ou enregistrer en PDF"),
            T::PrintTitle => (
                "Email set-up: {provider} in {app}",
                "Configuration de l'e-mail : {provider} dans {app}",
            ),
            T::PrintDomain => ("Domain:", "Domaine :"),
            T::PrintSpf => (
                "The domain's SPF record must contain:",
                "L'enregistrement SPF du domaine doit contenir :",
            ),
            T::PrintChecklist => ("Steps", "Étapes"),
            T::No => ("No", "Non"),
            T::LeaveEmpty => ("leave empty", "laisser vide"),
            T::MxHostFromDns => (
                "the MX host read in the domain step",
                "l'hôte MX lu à l'étape du domaine",
            ),
            T::UserFullAddress => ("your full email address", "votre adresse e-mail complète"),
            T::UserLocalPart => (
                "the part of your address before the @",
                "la partie de votre adresse avant le @",
            ),
            T::FromIt => ("given by your IT contact", "fourni par votre contact informatique"),
            T::PasswordApp => (
                "the app password you created (not your usual password)",
                "le mot de passe d'application créé (pas votre mot de passe habituel)",
            ),
            T::PasswordMailbox => ("the password of the mailbox", "le mot de passe de la boîte"),
            T::Seconds => ("{n} seconds", "{n} secondes"),
            T::TestTitle => (
                "Send yourself a test email from {app}",
                "Envoyez-vous un e-mail de test depuis {app}",
            ),
            T::TestIfFails => (
                "If it fails, copy the exact error message {app} shows: it names the cause.",
                "En cas d'échec, copiez le message d'erreur exact affiché par {app} : il en donne la cause.",
            ),
            T::TimelineBefore => (
                "Today, SMTP AUTH with a password or an app password still works where the administrator allows it. At the end of December 2026 (Microsoft has not announced the day: {days} left at most), Microsoft turns it off by default for existing organisations; an administrator can turn it back on until the final removal.",
                "Aujourd'hui, SMTP AUTH avec un mot de passe ou un mot de passe d'application fonctionne encore là où l'administrateur l'autorise. Fin décembre 2026 (Microsoft n'a pas annoncé le jour : {days} au plus), Microsoft le désactive par défaut pour les organisations existantes ; un administrateur peut le réactiver jusqu'à la suppression définitive.",
            ),
            T::OneDay => ("1 day", "1 jour"),
            T::Days => ("{n} days", "{n} jours"),
            T::TimelineToday => (
                "Today is the last day of December 2026: Microsoft may already have turned SMTP AUTH with a password off by default in your organisation (the day was not announced); an administrator can turn it back on until the final removal.",
                "Nous sommes le dernier jour de décembre 2026 : Microsoft a peut-être déjà désactivé par défaut SMTP AUTH par mot de passe dans votre organisation (le jour n'a pas été annoncé) ; un administrateur peut le réactiver jusqu'à la suppression définitive.",
            ),
            T::TimelineAfter => (
                "Since the end of December 2026, SMTP AUTH with a password or an app password is off by default for existing organisations. An administrator can turn it back on until the final removal, whose date Microsoft will announce in the second half of 2027; organisations created since then have OAuth only.",
                "Depuis fin décembre 2026, SMTP AUTH avec un mot de passe ou un mot de passe d'application est désactivé par défaut pour les organisations existantes. Un administrateur peut le réactiver jusqu'à la suppression définitive, dont Microsoft annoncera la date au second semestre 2027 ; les organisations créées depuis n'ont que OAuth.",
            ),
            T::TimelineAppPasswords => (
                "Microsoft 365 app passwords are basic authentication: they end with it.",
                "Les mots de passe d'application Microsoft 365 relèvent de l'authentification de base : ils disparaissent avec elle.",
            ),
            T::TimelineFinal => (
                "For a set-up that lasts, plan the relay through an Exchange connector (a fixed public IP), or a sending service that gives its own key.",
                "Pour une installation durable, prévoyez le relais par connecteur Exchange (une IP publique fixe), ou un service d'envoi qui fournit sa propre clé.",
            ),
            T::AskItValues => ("The values to ask for:", "Les valeurs à demander :"),
            T::AskItHost => ("the SMTP server name (host)", "le nom du serveur SMTP (hôte)"),
            T::AskItPort => ("the port (usually 587 or 465)", "le port (souvent 587 ou 465)"),
            T::AskItSecurity => (
                "the security: SSL/TLS, STARTTLS or none",
                "la sécurité : SSL/TLS, STARTTLS ou aucune",
            ),
            T::AskItUser => ("the user name", "le nom d'utilisateur"),
            T::AskItPassword => (
                "whether it takes the mailbox password or a dedicated one",
                "s'il faut le mot de passe de la boîte ou un mot de passe dédié",
            ),
            T::AskItButton => (
                "Prepare the email to my IT contact",
                "Préparer l'e-mail pour mon contact informatique",
            ),
            T::AskItSubject => ("SMTP settings for {app}", "Réglages SMTP pour {app}"),
            T::AskItBody => (
                "Hello,\n\nTo let {app} send email from our address at {domain}, I need the outgoing mail (SMTP) settings:\n- server name (host)\n- port\n- security (SSL/TLS, STARTTLS or none)\n- user name\n- whether it takes the mailbox password or a dedicated password\n\nPlease do not send a password by email.\n\nThank you.",
                "Bonjour,\n\nPour que {app} envoie des e-mails depuis notre adresse chez {domain}, j'ai besoin des réglages du courrier sortant (SMTP) :\n- nom du serveur (hôte)\n- port\n- sécurité (SSL/TLS, STARTTLS ou aucune)\n- nom d'utilisateur\n- s'il faut le mot de passe de la boîte ou un mot de passe dédié\n\nMerci de ne pas envoyer de mot de passe par e-mail.\n\nMerci.",
            ),
            T::OtherProvidersIntro => (
                "Start again with another mailbox:",
                "Recommencer avec une autre boîte :",
            ),
            T::NoticeLang => (
                "The language \"{value}\" of the link is not available.",
                "La langue « {value} » du lien n'est pas disponible.",
            ),
            T::NoticeApp => (
                "The link names an application this assistant does not know (\"{value}\"): generic field names are shown.",
                "Le lien désigne une application que cet assistant ne connaît pas (« {value} ») : les noms de champs génériques sont affichés.",
            ),
            T::NoticeProvider => (
                "The link names a provider this assistant does not know (\"{value}\").",
                "Le lien désigne un fournisseur que cet assistant ne connaît pas (« {value} »).",
            ),
            T::NoticeDomain => (
                "The domain \"{value}\" in the link is not a valid domain name.",
                "Le domaine « {value} » du lien n'est pas un nom de domaine valide.",
            ),
            T::NoticeAddressInLink => (
                "The link contained a whole address: only its domain is used.",
                "Le lien contenait une adresse complète : seul son domaine est utilisé.",
            ),
            T::NoticeStep => (
                "The step \"{value}\" of the link does not exist on this path: here is where it starts.",
                "L'étape « {value} » du lien n'existe pas sur ce parcours : voici où il commence.",
            ),
            T::NoticeTool => (
                "The link names a tool this assistant does not have (\"{value}\"): here is the assistant.",
                "Le lien désigne un outil que cet assistant n'a pas (« {value} ») : voici l'assistant.",
            ),
            T::NoticeDoh => (
                "The link asks for a DNS resolver that is not allowed (\"{value}\"): only Cloudflare, Google, Quad9 or a resolver on this computer. Cloudflare is used.",
                "Le lien demande un résolveur DNS non autorisé (« {value} ») : seuls Cloudflare, Google, Quad9 ou un résolveur sur cet ordinateur le sont. Cloudflare est utilisé.",
            ),
            T::Dismiss => ("Dismiss", "Fermer"),
            T::ErrEmpty => (
                "Type the address the application will send from.",
                "Saisissez l'adresse depuis laquelle l'application enverra.",
            ),
            T::ErrNoAt => (
                "An email address contains an @, as in name@example.com.",
                "Une adresse e-mail contient un @, comme nom@exemple.fr.",
            ),
            T::ErrSeveralAt => (
                "There is more than one @: type one address only.",
                "Il y a plus d'un @ : saisissez une seule adresse.",
            ),
            T::ErrEmptyLocal => (
                "Something is missing before the @.",
                "Il manque quelque chose avant le @.",
            ),
            T::ErrEmptyDomain => (
                "Something is missing after the @, as in name@example.com.",
                "Il manque quelque chose après le @, comme dans nom@exemple.fr.",
            ),
            T::ErrSpace => (
                "An address cannot contain spaces.",
                "Une adresse ne peut pas contenir d'espace.",
            ),
            T::ErrLocalTooLong => (
                "The part before the @ is longer than 64 characters.",
                "La partie avant le @ dépasse 64 caractères.",
            ),
            T::ErrLocalDots => (
                "The part before the @ cannot start or end with a dot, or contain two dots in a row.",
                "La partie avant le @ ne peut ni commencer ni finir par un point, ni contenir deux points à la suite.",
            ),
            T::ErrLocalCharacter => (
                "The character {char} is not allowed before the @.",
                "Le caractère {char} n'est pas autorisé avant le @.",
            ),
            T::ErrIpLiteral => (
                "Addresses with an IP address after the @ cannot be set up here: use a domain name.",
                "Les adresses avec une adresse IP après le @ ne peuvent pas être configurées ici : utilisez un nom de domaine.",
            ),
            T::ErrNoDot => (
                "The domain needs an extension, as in example.com.",
                "Le domaine doit avoir une extension, comme exemple.fr.",
            ),
            T::ErrBadDomain => (
                "The part after the @ is not a valid domain name.",
                "La partie après le @ n'est pas un nom de domaine valide.",
            ),
            T::ErrTooLong => (
                "This address is longer than email allows.",
                "Cette adresse est plus longue que ce que l'e-mail permet.",
            ),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }
}

/// The text of a `(English, French)` pair in `lang`.
pub(crate) fn pick(lang: Lang, (en, fr): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// Replaces each `{key}` of `template` with its value.
/// `{app}` in `template` replaced by the application's name, capitalised where it begins a
/// sentence: the generic profile's name is "your application", which starts sentences too.
/// ASCII only: `char::to_uppercase` would bring Unicode's case tables (7 KB gzipped) into the
/// first load, and the names that start lower-case are the profiles' own ASCII words.
pub fn fill_app(template: &str, app: &str) -> String {
    let mut capitalised = app.to_owned();
    if let Some(first) = capitalised.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.find("{app}") {
        let before = &rest[..at];
        out.push_str(before);
        let sentence_start = out.trim_end().is_empty() || [". ", "! ", "? ", "\n"].iter().any(|end| out.ends_with(end));
        out.push_str(if sentence_start { &capitalised } else { app });
        rest = &rest[at + "{app}".len()..];
    }
    out.push_str(rest);
    out
}

/// An ISO date (`2026-11-21`) the way each language writes it: "21 November 2026",
/// "21 novembre 2026". Anything else is shown as it is.
pub fn date(iso: &str, lang: Lang) -> String {
    const MONTHS: [(&str, &str); 12] = [
        ("January", "janvier"),
        ("February", "février"),
        ("March", "mars"),
        ("April", "avril"),
        ("May", "mai"),
        ("June", "juin"),
        ("July", "juillet"),
        ("August", "août"),
        ("September", "septembre"),
        ("October", "octobre"),
        ("November", "novembre"),
        ("December", "décembre"),
    ];
    let mut parts = iso.splitn(3, '-').map(str::parse::<u16>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day @ 1..=31))) => {
            let month = pick(lang, MONTHS[usize::from(month) - 1]);
            match (lang, day) {
                (Lang::Fr, 1) => format!("1er {month} {year}"),
                _ => format!("{day} {month} {year}"),
            }
        }
        _ => iso.to_owned(),
    }
}

pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (key, value)| {
        text.replace(&format!("{{{key}}}"), value)
    })
}

pub fn address_error(error: &AddressError, lang: Lang) -> String {
    use AddressError::*;
    let key = match error {
        Empty => T::ErrEmpty,
        NoAt => T::ErrNoAt,
        SeveralAt => T::ErrSeveralAt,
        EmptyLocal => T::ErrEmptyLocal,
        EmptyDomain => T::ErrEmptyDomain,
        Space => T::ErrSpace,
        LocalTooLong => T::ErrLocalTooLong,
        LocalDots => T::ErrLocalDots,
        LocalCharacter(c) => {
            return fill(T::ErrLocalCharacter.get(lang), &[("char", &format!("« {c} »"))]);
        }
        IpLiteral => T::ErrIpLiteral,
        NoDot => T::ErrNoDot,
        BadDomain => T::ErrBadDomain,
        TooLong => T::ErrTooLong,
    };
    key.get(lang).to_owned()
}

pub fn notice(notice: &Notice, lang: Lang) -> String {
    let (key, value) = match notice {
        Notice::UnknownLang(v) => (T::NoticeLang, v.as_str()),
        Notice::UnknownApp(v) => (T::NoticeApp, v.as_str()),
        Notice::UnknownProvider(v) => (T::NoticeProvider, v.as_str()),
        Notice::BadDomain(v) => (T::NoticeDomain, v.as_str()),
        Notice::AddressInLink => (T::NoticeAddressInLink, ""),
        Notice::UnknownStep(v) => (T::NoticeStep, v.as_str()),
        Notice::UnknownTool(v) => (T::NoticeTool, v.as_str()),
        Notice::DohRefused(v, _) => (T::NoticeDoh, v.as_str()),
    };
    // A link's value is shown as text, shortened so a hostile link cannot fill the page.
    let value: String = value.chars().take(40).collect();
    fill(key.get(lang), &[("value", &value)])
}

pub fn security(security: Security, lang: Lang) -> &'static str {
    match security {
        Security::Ssl => T::SecuritySsl,
        Security::Starttls => T::SecurityStarttls,
        Security::None => T::SecurityNone,
    }
    .get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_name_starts_a_sentence_with_a_capital() {
        let cases = [
            (
                "{app} asks for a password.",
                "your application",
                "Your application asks for a password.",
            ),
            (
                "Done. {app} sends.",
                "your application",
                "Done. Your application sends.",
            ),
            (
                "Name it {app}, then Next.",
                "your application",
                "Name it your application, then Next.",
            ),
            (
                "{app} envoie : {app} aussi.",
                "votre application",
                "Votre application envoie : votre application aussi.",
            ),
            ("{app} asks.", "LoKisi", "LoKisi asks."),
        ];
        for (template, app, expected) in cases {
            assert_eq!(fill_app(template, app), expected, "{template}");
        }
    }

    #[test]
    fn every_text_is_translated_and_keeps_its_placeholders() {
        for key in T::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
            let holes = |s: &str| {
                let mut found: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}'))
                    .map(|(k, _)| k.to_owned())
                    .collect();
                found.sort();
                found
            };
            assert_eq!(holes(en), holes(fr), "{key:?}");
        }
    }

    #[test]
    fn dates_the_way_each_language_writes_them() {
        let cases = [
            ("2026-11-21", Lang::En, "21 November 2026"),
            ("2026-11-21", Lang::Fr, "21 novembre 2026"),
            ("2027-02-01", Lang::Fr, "1er février 2027"),
            ("2027-08-01", Lang::En, "1 August 2027"),
            ("2026-13-01", Lang::En, "2026-13-01"),
            ("soon", Lang::Fr, "soon"),
        ];
        for (iso, lang, expected) in cases {
            assert_eq!(date(iso, lang), expected, "{iso} {lang:?}");
        }
    }

    #[test]
    fn fill_replaces_every_occurrence() {
        assert_eq!(
            fill(
                "{app} and {app} at {domain}",
                &[("app", "LoKisi"), ("domain", "acme.fr")]
            ),
            "LoKisi and LoKisi at acme.fr"
        );
    }
}
