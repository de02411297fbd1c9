//! Reading one answer of Thunderbird's provider database: a `clientConfig` v1.1 document,
//! of which only what an application's SMTP form needs is kept (the outgoing servers, the
//! provider's name, its documentation links and its "enable" instructions). Everything read
//! is text: a value that is not a host name, a port, an `http(s)` link or short plain text is
//! dropped, never passed on.

use quick_xml::{Reader, events::Event};

use crate::{presets::Security, server};

/// The largest answer read; the database's largest file is under 9 KB.
pub const MAX_BYTES: usize = 64 * 1024;
/// The longest text kept from a name, a description or an instruction.
const MAX_TEXT: usize = 500;

/// What the database says of a provider, for sending.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub display_name: Option<String>,
    /// `outgoingServer type="smtp"`, in the file's order.
    pub servers: Vec<Server>,
    pub docs: Vec<Link>,
    /// What to switch on in the account before a program may connect.
    pub enable: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The user name's template (`%EMAILADDRESS%`, `%EMAILLOCALPART%`, …), filled in the page.
    pub username: Option<String>,
    pub auth: Vec<Auth>,
    /// A `restriction` says the server takes mail only from some networks.
    pub restricted: bool,
}

/// An `authentication` value, grouped by what it asks of the application's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// `password-cleartext`, `password-encrypted`, `plain`, `secure`: the form's password.
    Password,
    OAuth2,
    /// `none`, `client-IP-address`: no log-in, accepted from the provider's network only.
    Network,
    /// Anything else (`NTLM`, `GSSAPI`, `TLS-client-cert`, `smtp-after-pop`).
    Other,
}

impl Auth {
    fn read(value: &str) -> Auth {
        match value {
            "password-cleartext" | "password-encrypted" | "plain" | "secure" => Auth::Password,
            "OAuth2" => Auth::OAuth2,
            "none" | "client-IP-address" => Auth::Network,
            _ => Auth::Other,
        }
    }
}

/// A link with its descriptions, each with its language (`None`: not said).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    pub url: Option<String>,
    pub texts: Vec<(Option<String>, String)>,
}

impl Link {
    /// The text in `lang`, else the one without a language, else English, else the first.
    pub fn text(&self, lang: &str) -> Option<&str> {
        let with = |wanted: Option<&str>| self.texts.iter().find(|(l, _)| l.as_deref() == wanted);
        with(Some(lang))
            .or_else(|| with(None))
            .or_else(|| with(Some("en")))
            .or(self.texts.first())
            .map(|(_, text)| text.as_str())
    }
}

/// Reads a database answer; `None` when it is not a well-formed `clientConfig` document.
pub fn parse(xml: &str) -> Option<Config> {
    if xml.len() > MAX_BYTES {
        return None;
    }
    let mut reader = Reader::from_str(xml);
    let mut read = Reading::default();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => {
                read.open(&e)?;
                read.path
                    .push(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
            }
            Event::Empty(e) => {
                read.open(&e)?;
                read.close(&String::from_utf8_lossy(e.local_name().as_ref()));
            }
            Event::Text(t) => read.text.push_str(&t.decode().ok()?),
            Event::CData(t) => read.text.push_str(&t.decode().ok()?),
            // quick-xml reports `&amp;` and `&#233;` apart from the text around them.
            Event::GeneralRef(r) => match r.resolve_char_ref().ok()? {
                Some(c) => read.text.push(c),
                None => read
                    .text
                    .push_str(quick_xml::escape::resolve_predefined_entity(&r.decode().ok()?)?),
            },
            Event::End(_) => {
                let name = read.path.pop()?;
                read.close(&name);
            }
            Event::Eof if read.path.is_empty() => break,
            Event::Eof => return None,
            _ => {}
        }
    }
    read.seen_root.then_some(read.config)
}

/// The state of a document being read.
#[derive(Default)]
struct Reading {
    config: Config,
    /// The open elements' local names.
    path: Vec<String>,
    /// The text of the innermost element so far.
    text: String,
    /// The `lang` of the description or instruction being read.
    text_lang: Option<String>,
    server: Option<Fields>,
    link: Option<Link>,
    seen_root: bool,
}

impl Reading {
    /// An element starts; `None` when the document is not a `clientConfig`.
    fn open(&mut self, e: &quick_xml::events::BytesStart) -> Option<()> {
        let name = e.local_name();
        let attr = |wanted: &[u8]| {
            e.attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == wanted)
                .and_then(|a| a.unescape_value().ok())
                .map(|v| v.trim().to_owned())
        };
        self.text.clear();
        if self.path.is_empty() {
            if name.as_ref() != b"clientConfig" || self.seen_root {
                return None;
            }
            self.seen_root = true;
        }
        match (self.path.last().map(String::as_str), name.as_ref()) {
            (Some("emailProvider"), b"outgoingServer") if attr(b"type").as_deref() == Some("smtp") => {
                self.server = Some(Fields::default());
            }
            // A documentation link's address is its `url`, the enable instructions' `visiturl`.
            (Some("emailProvider"), tag @ (b"documentation" | b"enable")) => {
                let url: &[u8] = if tag == b"enable" { b"visiturl" } else { b"url" };
                self.link = Some(Link {
                    url: attr(url).and_then(|u| web_link(&u)),
                    texts: Vec::new(),
                });
            }
            (Some("documentation"), b"descr") | (Some("enable"), b"instruction") => self.text_lang = attr(b"lang"),
            _ => {}
        }
        Some(())
    }

    /// An element ends (`self.path` no longer holds it): its text or its whole is kept.
    fn close(&mut self, name: &str) {
        let value = plain_text(&std::mem::take(&mut self.text));
        let parent = self.path.last().map(String::as_str);
        match (parent, name) {
            (Some("emailProvider"), "displayName") if !value.is_empty() => self.config.display_name = Some(value),
            (Some("outgoingServer"), field) => {
                if let Some(s) = self.server.as_mut() {
                    s.read(field, value);
                }
            }
            (Some("documentation"), "descr") | (Some("enable"), "instruction") => {
                if let Some(l) = self.link.as_mut().filter(|_| !value.is_empty()) {
                    l.texts.push((self.text_lang.take(), value));
                }
            }
            (Some("emailProvider"), "outgoingServer") => {
                if let Some(s) = self.server.take().and_then(Fields::into_server) {
                    self.config.servers.push(s);
                }
            }
            (Some("emailProvider"), "documentation") => {
                if let Some(l) = self.link.take().filter(|l| l.url.is_some()) {
                    self.config.docs.push(l);
                }
            }
            (Some("emailProvider"), "enable") => {
                self.config.enable = self.link.take().filter(|l| l.url.is_some() || !l.texts.is_empty());
            }
            _ => {}
        }
    }
}

/// An outgoing server's fields as they are read.
#[derive(Default)]
struct Fields {
    host: Option<String>,
    port: Option<u16>,
    security: Option<Security>,
    username: Option<String>,
    auth: Vec<Auth>,
    restricted: bool,
}

impl Fields {
    fn read(&mut self, field: &str, value: String) {
        match field {
            "hostname" => self.host = server::host(&value),
            "port" => self.port = server::port(&value),
            "socketType" => {
                self.security = match value.as_str() {
                    "SSL" => Some(Security::Ssl),
                    "STARTTLS" => Some(Security::Starttls),
                    "plain" => Some(Security::None),
                    _ => None,
                }
            }
            "username" => self.username = Some(value),
            "authentication" => self.auth.push(Auth::read(&value)),
            "restriction" => self.restricted = true,
            _ => {}
        }
    }

    /// A server with a host, a port and a known security; the rest may be missing.
    fn into_server(self) -> Option<Server> {
        Some(Server {
            host: self.host?,
            port: self.port?,
            security: self.security?,
            username: self.username,
            auth: self.auth,
            restricted: self.restricted,
        })
    }
}

/// `value` when it is an `http(s)` link with nothing that could run or mislead.
fn web_link(value: &str) -> Option<String> {
    let lower = value.get(..8)?.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    (web && clean && value.len() <= MAX_TEXT).then(|| value.to_owned())
}

/// Text as it is shown: spaces collapsed, control and bidirectional-override characters
/// dropped, at most `MAX_TEXT` characters.
fn plain_text(value: &str) -> String {
    let kept = value
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|c| !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    kept.chars().take(MAX_TEXT).collect()
}

#[cfg(test)]
mod tests;
