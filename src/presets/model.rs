//! The shape of the preset files under `presets/`: providers and host-application profiles.
//!
//! This file is also compiled into `build.rs` (through `#[path]`), so a preset that does not
//! match these types fails the build, not the page. The compiled form is postcard, which
//! writes every field: no `skip_serializing_if` here.

use serde::{Deserialize, Serialize};

/// A text in both languages of the interface. Both are required: a missing translation
/// is a deserialisation error at build time. (`Default`, empty, is what a compiled field
/// that `build.rs` moved elsewhere holds: see `InFile`.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub en: String,
    pub fr: String,
}

/// Where a fact comes from and when it was last compared with that source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    /// ISO date, `YYYY-MM-DD`.
    pub checked: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Security {
    /// Implicit TLS from the first byte (usually port 465).
    Ssl,
    /// Plain connection upgraded with STARTTLS (usually 587).
    Starttls,
    None,
}

impl Security {
    pub const ALL: [Security; 3] = [Security::Ssl, Security::Starttls, Security::None];

    /// The value a link and a form carry.
    pub fn id(self) -> &'static str {
        match self {
            Security::Ssl => "ssl",
            Security::Starttls => "starttls",
            Security::None => "none",
        }
    }

    pub fn from_id(id: &str) -> Option<Security> {
        Security::ALL.into_iter().find(|s| s.id() == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthKind {
    /// The mailbox's own password.
    Password,
    /// A password generated for one application in the account's security settings.
    AppPassword,
    /// No password works from other applications: only OAuth 2.0.
    OauthOnly,
    /// Whatever the company's mail administrator set up.
    AskAdministrator,
    /// A key generated in a sending service's dashboard (see `Provider::credentials`).
    ServiceKey,
    /// No SMTP access at all for these addresses (Proton's own domains): nothing typed in a
    /// form works.
    NoSmtp,
}

impl AuthKind {
    /// No password of any kind lets an application send: the path has no settings card.
    pub fn refuses_passwords(self) -> bool {
        matches!(self, AuthKind::OauthOnly | AuthKind::NoSmtp)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UsernameForm {
    /// The whole address, `name@example.com`.
    Address,
    /// The part before the `@`.
    LocalPart,
    /// Given by the administrator.
    AskAdministrator,
    /// Shown by a sending service's dashboard, or a fixed word (see `Provider::credentials`).
    Service,
}

/// A server whose host differs between customers (OVHcloud's E-mail Pro and Hosted Exchange
/// platforms): the user types the host their control panel shows, checked against `pattern`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostPattern {
    /// The host with `{n}` where the platform's number goes: `pro{n}.mail.ovh.net`.
    pub pattern: String,
    /// Where the control panel shows the host.
    pub where_shown: Localized,
    pub source: Source,
}

/// What a provider is to the person sending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProviderKind {
    /// Hosts the mailbox of the address.
    #[default]
    Mailbox,
    /// Sends for a domain whose mailboxes are elsewhere (transactional services, Azure
    /// Communication Services): a way out when the mailbox's provider refuses passwords.
    SendingService,
}

/// The user name and password of a sending service, as the settings card words them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    /// What goes in the user name field.
    pub user: Localized,
    /// The exact text to type as user name, when it is the same for everyone.
    #[serde(default)]
    pub user_literal: Option<String>,
    /// What goes in the password field.
    pub password: Localized,
    pub source: Source,
}

/// One way to send when the mailbox's own SMTP is closed, as the ways-out comparison
/// shows it: what it needs, what it costs, and whether it fits at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WayOut {
    /// Absent for a sending service: its name is the provider's.
    #[serde(default)]
    pub title: Option<Localized>,
    pub needs: Localized,
    pub cost: Localized,
    /// Named so that nobody tries it, with the reason in `needs`.
    #[serde(default)]
    pub ruled_out: bool,
    /// A step of the same provider's path that walks through it.
    #[serde(default)]
    pub step: Option<String>,
    pub source: Source,
}

/// One way to reach the provider's SMTP server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Why this value, or who documents it (shown next to alternatives).
    #[serde(default)]
    pub note: Option<Localized>,
    pub source: Source,
}

/// Sending to the domain's own MX host without a password: its host is read from DNS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxRelay {
    pub port: u16,
    /// What the settings card gives; TLS is optional there.
    pub security: Security,
    /// Pause between messages advised, in seconds.
    pub send_delay_seconds: u32,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpfInclude {
    /// The domain of the `include:` term.
    pub include: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    pub text: Localized,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: String,
    pub label: Localized,
}

/// Parts of a step that need computed content rather than fixed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Widget {
    /// The Exchange Online basic-authentication timeline, worded against today's date.
    BasicAuthTimeline,
    /// The values to ask the IT contact for, and a prefilled email.
    AskIt,
    /// Links that restart the assistant with another provider.
    OtherProviders,
    /// Microsoft 365: the questions that choose a sending method.
    MethodChooser,
    /// The relay's domain and the MX host read from DNS.
    RelayDomain,
    /// The sites' public IPv4 addresses.
    RelayIps,
    /// The addresses to type into the connector.
    RelayAddresses,
    /// The SPF record with the sites' addresses merged in.
    RelaySpf,
    /// The application's settings for the relay.
    RelaySettings,
    /// The final check of MX and SPF.
    RelayVerify,
    /// The application's settings for direct send.
    DirectSendSettings,
    /// The ways to send when the mailbox refuses passwords: the sending services side by
    /// side with the provider's own `ways_out`.
    WaysOut,
    /// The domain's SPF record with the chosen provider's include merged in, then its DKIM
    /// records for the provider's selectors.
    ProviderSpf,
    /// The domain's DKIM records for the provider's selectors, read from DNS.
    DkimRecords,
    /// Which of a provider's offers the customer has (OVHcloud: MX Plan, E-mail Pro, Hosted
    /// Exchange).
    OfferChooser,
    /// The host the control panel shows, typed and checked against the provider's pattern.
    TypedHost,
}

/// Which part of the page's code draws a widget (`ui::lazy`): a link to a step names it, and
/// the page asks for that part at once (`ui::app`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetPart {
    /// The screens' own code.
    Screens,
    /// The ways to send: the Microsoft 365 method chooser and the ways out, light (no DNS, no
    /// SPF), so that a link to them does not wait for the relay's code.
    Ways,
    /// The Microsoft 365 relay's part: the steps that read DNS or build SPF.
    Relay,
}

impl Widget {
    pub fn part(self) -> WidgetPart {
        match self {
            Widget::BasicAuthTimeline
            | Widget::AskIt
            | Widget::OtherProviders
            | Widget::OfferChooser
            | Widget::TypedHost => WidgetPart::Screens,
            Widget::MethodChooser | Widget::WaysOut => WidgetPart::Ways,
            Widget::RelayDomain
            | Widget::RelayIps
            | Widget::RelayAddresses
            | Widget::RelaySpf
            | Widget::RelaySettings
            | Widget::RelayVerify
            | Widget::DirectSendSettings
            | Widget::ProviderSpf
            | Widget::DkimRecords => WidgetPart::Relay,
        }
    }
}

/// One screen of a provider's walkthrough. `{app}` in any text is replaced by the host
/// application's display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id: part of the support-link interface (`?step=`).
    pub id: String,
    /// The branch of the path this step belongs to (`None`: every branch).
    #[serde(default)]
    pub branch: Option<String>,
    /// Compiled apart from the guide (`presets::ProviderIndex::step_title`): the step list
    /// and the link builder name every step of a path, and need none of their other texts.
    pub title: InFile<Localized>,
    /// Paragraphs.
    #[serde(default)]
    pub body: Vec<Localized>,
    /// Numbered actions.
    #[serde(default)]
    pub actions: Vec<Localized>,
    #[serde(default)]
    pub link: Option<Link>,
    /// Shown behind a disclosure: what to do when the screen does not match.
    #[serde(default)]
    pub trouble: Option<Trouble>,
    #[serde(default)]
    pub widget: Option<Widget>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trouble {
    pub summary: Localized,
    pub items: Vec<Localized>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// Stable id: part of the support-link interface (`?provider=`).
    pub id: String,
    pub name: Localized,
    /// Address domains that belong to this provider (lower-case ASCII).
    #[serde(default)]
    pub domains: Vec<String>,
    /// MX host patterns of custom domains hosted here; `*` matches one or more labels.
    #[serde(default)]
    pub mx_patterns: Vec<String>,
    /// A hosting offer whose mailboxes are mostly on the customer's own domain, though it also
    /// has address domains: a support link without a domain takes the provider screen's path.
    #[serde(default)]
    pub mostly_own_domains: bool,
    pub auth: AuthKind,
    pub username: UsernameForm,
    /// The recommended server; absent when the administrator gives it.
    #[serde(default)]
    pub smtp: Option<Server>,
    #[serde(default)]
    pub alternatives: Vec<Server>,
    /// What the provider asks customers to include in their domain's SPF record.
    #[serde(default)]
    pub spf: Option<SpfInclude>,
    /// Pause between messages the provider's limits call for, in seconds.
    #[serde(default)]
    pub send_delay_seconds: Option<u32>,
    /// Where an application sends without a password (Microsoft 365's connector relay and
    /// direct send): the domain's MX host, on this port.
    #[serde(default)]
    pub relay: Option<MxRelay>,
    #[serde(default)]
    pub caveats: InFile<Vec<Caveat>>,
    #[serde(default)]
    pub kind: ProviderKind,
    /// Required when `auth` is `service-key`.
    #[serde(default)]
    pub credentials: Option<Credentials>,
    /// A sending service's entry in the ways-out comparison.
    #[serde(default)]
    pub offer: InFile<Option<WayOut>>,
    /// Other ways out this provider's customers have (an administrator's setting, the
    /// software vendor), shown beside the sending services.
    #[serde(default)]
    pub ways_out: InFile<Vec<WayOut>>,
    /// The host is the customer's own platform's: `smtp.host` is only an example of it.
    #[serde(default)]
    pub host_pattern: Option<HostPattern>,
    /// Another provider whose customers choose between offers (OVHcloud): this one is listed
    /// on that provider's offer question.
    #[serde(default)]
    pub offer_of: Option<String>,
    /// How the offer question names this provider's own offer (OVHcloud: MX Plan).
    #[serde(default)]
    pub offer_label: Option<Localized>,
    /// DKIM selectors this provider signs with, tried by the DNS check.
    #[serde(default)]
    pub dkim_selectors: Vec<String>,
    /// Selectors of an older scheme that accounts set up before it changed still sign with:
    /// the DNS check counts a key found there, the records to publish do not list them.
    #[serde(default)]
    pub dkim_legacy_selectors: Vec<String>,
    /// The branch of the path taken unless a step of another is opened.
    #[serde(default)]
    pub default_branch: Option<String>,
    /// The branch the settings card and the test step belong to (the one `smtp` describes),
    /// when it is not the default one.
    #[serde(default)]
    pub card_branch: Option<String>,
    /// Reuse the walkthrough of another provider (Google Workspace shares Gmail's); resolved
    /// at build time.
    #[serde(default)]
    pub steps_from: Option<String>,
    #[serde(default)]
    pub steps: InFile<Vec<Step>>,
}

/// A part of a provider file that `build.rs` compiles into the provider's `Guide`: the
/// compiled `Provider` holds it empty, and only `take` (at build time) reads it, so no code
/// can read an emptied field by mistake.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InFile<T>(T);

impl<T: Default> InFile<T> {
    pub fn take(&mut self) -> T {
        std::mem::take(&mut self.0)
    }
}

/// What a provider's screens say and only they read: the walkthrough's steps, the settings
/// card's caveats, the ways out. Compiled apart from the providers' facts, which the tools
/// read too: the wasm split puts data with the code that reads it, so the tools' chunks no
/// longer carry every provider's texts in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub steps: Vec<Step>,
    pub caveats: Vec<Caveat>,
    /// A sending service's entry in the ways-out comparison.
    pub offer: Option<WayOut>,
    pub ways_out: Vec<WayOut>,
}

impl Guide {
    /// The guide in `provider`'s file, taken out of it.
    pub fn take_from(provider: &mut Provider) -> Guide {
        Guide {
            steps: provider.steps.take(),
            caveats: provider.caveats.take(),
            offer: provider.offer.take(),
            ways_out: provider.ways_out.take(),
        }
    }
}

/// What the first screen and the step machine need of a provider: detection, the path and
/// the names. Compiled apart from the full `Provider`, whose texts stay out of the first load
/// (they are read only by the screens' chunks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderIndex {
    pub id: String,
    pub name: Localized,
    pub domains: Vec<String>,
    pub mx_patterns: Vec<String>,
    /// Its users come with a domain of their own, through the provider screen.
    pub by_own_domain: bool,
    pub auth: AuthKind,
    pub default_branch: Option<String>,
    pub card_branch: Option<String>,
    pub steps: Vec<StepIndex>,
}

/// A step's place in the path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepIndex {
    pub id: String,
    pub branch: Option<String>,
    pub widget: Option<Widget>,
}

impl ProviderIndex {
    pub fn of(p: &Provider, guide: &Guide) -> ProviderIndex {
        ProviderIndex {
            id: p.id.clone(),
            name: p.name.clone(),
            domains: p.domains.clone(),
            mx_patterns: p.mx_patterns.clone(),
            by_own_domain: p.mostly_own_domains || p.domains.is_empty(),
            auth: p.auth,
            default_branch: p.default_branch.clone(),
            card_branch: p.card_branch.clone(),
            steps: guide
                .steps
                .iter()
                .map(|s| StepIndex {
                    id: s.id.clone(),
                    branch: s.branch.clone(),
                    widget: s.widget,
                })
                .collect(),
        }
    }
}

/// The labels of one field of a host application's SMTP form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppFields {
    pub host: Localized,
    pub port: Localized,
    /// Absent when the application chooses the security from the port.
    #[serde(default)]
    pub security: Option<Localized>,
    #[serde(default)]
    pub auth_required: Option<Localized>,
    pub user: Localized,
    pub password: Localized,
    #[serde(default)]
    pub send_delay: Option<Localized>,
    /// The words the security field offers, when they are not the assistant's own
    /// ("TLS (STARTTLS)" in Odoo's list). Needs `security`.
    #[serde(default)]
    pub security_choices: Option<SecurityChoices>,
    /// Two yes/no boxes instead of one security field (Dolibarr). Excludes `security`.
    #[serde(default)]
    pub security_boxes: Option<SecurityBoxes>,
    /// The field that names the addresses the server may send as (Odoo's "FROM Filtering"):
    /// the mailbox's own address.
    #[serde(default)]
    pub sender: Option<Localized>,
    /// Fields whose value is the same whatever the provider (Odoo's "Authenticate with":
    /// "Username"), shown before the server's.
    #[serde(default)]
    pub fixed: Vec<FixedField>,
}

/// What the first screen knows of an application: its name, its resolver and its colours.
/// Compiled apart from the full `App`, whose form labels only the later screens read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppIndex {
    pub id: String,
    pub name: Localized,
    pub doh: Option<String>,
    pub ispdb: Option<String>,
    pub theme: Vec<ThemeValue>,
}

impl From<&App> for AppIndex {
    fn from(app: &App) -> Self {
        AppIndex {
            id: app.id.clone(),
            name: app.name.clone(),
            doh: app.doh.clone(),
            ispdb: app.ispdb.clone(),
            theme: app.theme.clone(),
        }
    }
}

/// An id of a link: lower-case letters, digits and inner dashes.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

impl App {
    /// What is wrong with a profile, each as "field: why" (none for a usable one). The build
    /// refuses a shipped or vendor profile that has any.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut text = |field: &str, text: &Localized| {
            for (lang, words) in [("en", &text.en), ("fr", &text.fr)] {
                if words.trim().is_empty() {
                    problems.push(format!(
                        "{field}.{lang}: empty; every text is needed in English and French"
                    ));
                } else if words.contains('<') {
                    problems.push(format!("{field}.{lang}: plain text only, no markup"));
                }
            }
        };
        text("name", &self.name);
        text("form_location", &self.form_location);
        text("test_email", &self.test_email);
        self.security_note.iter().for_each(|n| text("security_note", n));
        let f = &self.fields;
        for (field, label) in [
            ("fields.host", &f.host),
            ("fields.port", &f.port),
            ("fields.user", &f.user),
            ("fields.password", &f.password),
        ] {
            text(field, label);
        }
        let optional = [
            ("fields.security", &f.security),
            ("fields.auth_required", &f.auth_required),
            ("fields.send_delay", &f.send_delay),
            ("fields.sender", &f.sender),
        ];
        for (field, label) in optional {
            label.iter().for_each(|l| text(field, l));
        }
        if let Some(c) = &f.security_choices {
            text("fields.security_choices.none", &c.none);
            text("fields.security_choices.starttls", &c.starttls);
            text("fields.security_choices.ssl", &c.ssl);
        }
        if let Some(b) = &f.security_boxes {
            text("fields.security_boxes.ssl", &b.ssl);
            text("fields.security_boxes.starttls", &b.starttls);
        }
        for (i, fixed) in f.fixed.iter().enumerate() {
            text(&format!("fields.fixed[{i}].field"), &fixed.field);
            text(&format!("fields.fixed[{i}].value"), &fixed.value);
        }
        if !is_kebab_id(&self.id) {
            problems.push(format!(
                "id: `{}` must be lower-case letters, digits and dashes",
                self.id
            ));
        }
        if f.security_choices.is_some() && f.security.is_none() {
            problems.push("fields.security_choices: needs fields.security, the field they are offered in".into());
        }
        if f.security_boxes.is_some() && f.security.is_some() {
            problems.push("fields.security_boxes: a form has either a security field or security boxes".into());
        }
        if let Some(doh) = self.doh.as_ref().filter(|d| !d.starts_with("https://")) {
            problems.push(format!("doh: `{doh}` must be an https URL"));
        }
        if let Some(ispdb) = self
            .ispdb
            .as_ref()
            .filter(|d| !d.starts_with("https://") && *d != "off")
        {
            problems.push(format!("ispdb: `{ispdb}` must be an https URL or `off`"));
        }
        const THEME: [&str; 9] = [
            "accent",
            "accent-text",
            "bg",
            "surface",
            "text",
            "muted",
            "border",
            "radius",
            "font",
        ];
        for theme in &self.theme {
            if !THEME.contains(&theme.property.as_str()) {
                problems.push(format!(
                    "theme: unknown property `{}` (known: {})",
                    theme.property,
                    THEME.join(", ")
                ));
            }
            if theme.value.is_empty() || theme.value.contains([';', '{', '}', '<']) {
                problems.push(format!(
                    "theme.{}: `{}` is not a plain CSS value",
                    theme.property, theme.value
                ));
            }
        }
        if let Err(why) = self.source.check() {
            problems.push(format!("source: {why}"));
        }
        problems
    }
}

impl Source {
    /// An https URL and a real `YYYY-MM-DD` date.
    pub fn check(&self) -> Result<(), String> {
        if !self.url.starts_with("https://") {
            return Err(format!("url `{}` must be an https URL", self.url));
        }
        let d = self.checked.as_bytes();
        let digits = |r: std::ops::Range<usize>| d[r].iter().all(u8::is_ascii_digit);
        let shaped = d.len() == 10 && d[4] == b'-' && d[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10);
        let in_range = shaped
            && matches!(self.checked[5..7].parse::<u8>(), Ok(1..=12))
            && matches!(self.checked[8..10].parse::<u8>(), Ok(1..=31));
        if in_range {
            Ok(())
        } else {
            Err(format!("checked `{}` must be a date written YYYY-MM-DD", self.checked))
        }
    }
}

/// The security field's words for each security.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityChoices {
    pub none: Localized,
    pub starttls: Localized,
    pub ssl: Localized,
}

impl SecurityChoices {
    pub fn get(&self, security: Security) -> &Localized {
        match security {
            Security::None => &self.none,
            Security::Starttls => &self.starttls,
            Security::Ssl => &self.ssl,
        }
    }
}

/// The labels of the yes/no boxes that choose the security: implicit TLS, STARTTLS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityBoxes {
    pub ssl: Localized,
    pub starttls: Localized,
}

/// A field and the value it always takes for sending through a mailbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedField {
    pub field: Localized,
    pub value: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct App {
    /// Stable id: part of the support-link interface (`?app=`).
    pub id: String,
    /// The name shown, and typed as the app-password name.
    pub name: Localized,
    /// Where the SMTP form is in the application.
    pub form_location: Localized,
    pub fields: AppFields,
    /// How the application chooses the security when it has no field for it.
    #[serde(default)]
    pub security_note: Option<Localized>,
    /// Where the test button is, or how to send a test message.
    pub test_email: Localized,
    /// The vendor's own DNS-over-HTTPS resolver (an `https` URL), used instead of Cloudflare.
    #[serde(default)]
    pub doh: Option<String>,
    /// The vendor's own copy of Thunderbird's provider database (an `https` base URL, to which
    /// `<domain>` is appended), or `off` to ask none.
    #[serde(default)]
    pub ispdb: Option<String>,
    /// The vendor's colours, as values of the page's CSS custom properties.
    #[serde(default)]
    pub theme: Vec<ThemeValue>,
    pub source: Source,
}

/// Where a fix is done: a step of a provider's path (`provider` absent: the provider chosen
/// in the wizard, or the settings card).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixLink {
    #[serde(default)]
    pub provider: Option<String>,
    pub step: String,
}

/// A kind of error message users paste, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorPattern {
    /// Stable id, used by tests.
    pub id: String,
    /// Lower-case fragments; each one found in the pasted text adds to the match.
    pub fragments: Vec<String>,
    /// Fragments that must all be present for the pattern to match at all.
    #[serde(default)]
    pub require: Vec<String>,
    /// Providers where this error is typical: a match ranks higher when one is chosen.
    #[serde(default)]
    pub providers: Vec<String>,
    pub meaning: Localized,
    pub cause: Localized,
    pub fix: Localized,
    #[serde(default)]
    pub link: Option<FixLink>,
    /// Where the fix is for a given provider's customers instead of `link` (Microsoft 365's
    /// administrator can turn on what Outlook.com refuses outright).
    #[serde(default)]
    pub link_for: Vec<FixLink>,
    /// A refusal of the user name or password: with a provider known, the fix names its own
    /// credentials (a sending service's key, an app password) instead of `fix`.
    #[serde(default)]
    pub credentials: bool,
    pub source: Source,
}

/// Words of a reply that name who wrote it (Microsoft's `[….PROD.OUTLOOK.COM]`, Google's
/// `gsmtp`, Orange's `OFR` codes): a pasted error names its provider though none was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyServer {
    /// Lower-case fragments; a fragment made of digits and dots only is read as a code.
    pub markers: Vec<String>,
    pub providers: Vec<String>,
    pub source: Source,
}

/// The security a port expects, and whether applications submit mail on it (settings doctor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortRule {
    pub port: u16,
    pub security: Security,
    /// Submission port (465, 587); 25 is server to server.
    pub submission: bool,
    pub source: Source,
}

/// The file format of `presets/doctor.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoctorFile {
    pub port: Vec<PortRule>,
}

/// How to show a received message's headers in one mail client (headers tool).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailClient {
    pub id: String,
    pub name: Localized,
    pub how: Localized,
    pub source: Source,
}

/// What a large receiver requires of a sending domain that DNS can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    /// SPF or DKIM, one at least.
    SpfOrDkim,
    Spf,
    Dkim,
    /// A DMARC record, `p=none` at least.
    Dmarc,
}

/// A large receiver's published sender requirements (Gmail, Yahoo, Outlook.com).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receiver {
    pub id: String,
    pub name: Localized,
    /// What every sender needs.
    pub all: Vec<Requirement>,
    /// What bulk senders need on top, from `bulk_from` messages a day.
    pub bulk: Vec<Requirement>,
    pub bulk_from: u32,
    /// How its refusal reads (the SMTP codes).
    pub refusal: String,
    pub source: Source,
}

/// The file format of `presets/receivers.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiverFile {
    pub receiver: Vec<Receiver>,
}

/// The file format of `presets/mail-clients.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailClientFile {
    pub client: Vec<MailClient>,
}

/// The file format of `presets/errors/*.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorFile {
    #[serde(default)]
    pub error: Vec<ErrorPattern>,
    #[serde(default)]
    pub server: Vec<ReplyServer>,
}

/// The error patterns and the reply servers, compiled together.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ErrorData {
    pub patterns: Vec<ErrorPattern>,
    pub servers: Vec<ReplyServer>,
}

/// One themable property and its value, e.g. `accent` = `#0b5cad`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeValue {
    /// A documented property without its `--ms-` prefix: `accent`, `accent-text`, `bg`,
    /// `surface`, `text`, `muted`, `border`, `radius`, `font`.
    pub property: String,
    pub value: String,
}
