//! The troubleshooting tool's words, in English and French.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum E {
    Title,
    Intro,
    PasteLabel,
    PasteHelp,
    ProviderLabel,
    ProviderNone,
    Codes,
    ReplyCode,
    StatusCode,
    Meaning,
    Cause,
    Fix,
    OpenFix,
    OtherMatches,
    NothingRecognised,
    Checklist,
    CheckHost,
    CheckPortSecurity,
    CheckAuth,
    CheckUser,
    CheckPassword,
    CheckFirewall,
    OpenTool,
    FromSettings,
}

impl E {
    pub const ALL: &'static [E] = &[
        E::Title,
        E::Intro,
        E::PasteLabel,
        E::PasteHelp,
        E::ProviderLabel,
        E::ProviderNone,
        E::Codes,
        E::ReplyCode,
        E::StatusCode,
        E::Meaning,
        E::Cause,
        E::Fix,
        E::OpenFix,
        E::OtherMatches,
        E::NothingRecognised,
        E::Checklist,
        E::CheckHost,
        E::CheckPortSecurity,
        E::CheckAuth,
        E::CheckUser,
        E::CheckPassword,
        E::CheckFirewall,
        E::OpenTool,
        E::FromSettings,
    ];

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            E::Title => ("Explain an error message", "Expliquer un message d'erreur"),
            E::Intro => (
                "Paste the error your application or a bounce shows, as it is: the text around it does not matter.",
                "Collez l'erreur affichée par votre application ou un retour de message, telle quelle : le texte autour n'a pas d'importance.",
            ),
            E::PasteLabel => ("Error message", "Message d'erreur"),
            E::PasteHelp => (
                "It stays in this page: nothing is sent.",
                "Il reste dans cette page : rien n'est envoyé.",
            ),
            E::ProviderLabel => ("Your provider (optional)", "Votre fournisseur (facultatif)"),
            E::ProviderNone => ("I don't know", "Je ne sais pas"),
            E::Codes => ("Codes found:", "Codes trouvés :"),
            E::ReplyCode => ("SMTP reply {code}", "réponse SMTP {code}"),
            E::StatusCode => ("status {code}", "statut {code}"),
            E::Meaning => ("What it means", "Ce que cela veut dire"),
            E::Cause => ("Likely cause", "Cause probable"),
            E::Fix => ("What to do", "Que faire"),
            E::OpenFix => ("Open the step that fixes it", "Ouvrir l'étape qui corrige"),
            E::OtherMatches => ("It could also be", "Cela pourrait aussi être"),
            E::NothingRecognised => (
                "This message is not one this assistant recognises. Go through the checklist below; most failures are one of these.",
                "Ce message ne fait pas partie de ceux que cet assistant reconnaît. Parcourez la liste ci-dessous ; la plupart des échecs en font partie.",
            ),
            E::Checklist => ("Checklist", "Liste de vérification"),
            E::CheckHost => (
                "The server name is exactly {host}, with no space.",
                "Le nom du serveur est exactement {host}, sans espace.",
            ),
            E::CheckPortSecurity => (
                "Port {port} with {security}: 587 goes with STARTTLS, 465 with SSL.",
                "Port {port} avec {security} : 587 va avec STARTTLS, 465 avec SSL.",
            ),
            E::CheckAuth => (
                "Authentication is turned on in the application.",
                "L'authentification est activée dans l'application.",
            ),
            E::CheckUser => ("The user is {user}.", "L'utilisateur est {user}."),
            E::CheckPassword => ("The password is {password}.", "Le mot de passe est {password}."),
            E::CheckFirewall => (
                "The network lets the application out on that port (port 25 is usually blocked by Internet providers).",
                "Le réseau laisse sortir l'application sur ce port (le port 25 est en général bloqué par les fournisseurs d'accès).",
            ),
            E::OpenTool => ("Explain an error", "Expliquer une erreur"),
            E::FromSettings => (
                "If sending fails, paste the error here",
                "Si l'envoi échoue, collez l'erreur ici",
            ),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        super::pick(lang, self.pair())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_translated() {
        for key in E::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }
}
