use super::*;

/// A provider written for these tests in the database's v1.1 format.
const EXAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="post.example">
    <domain>post.example</domain>
    <displayName>Post &amp; Mail</displayName>
    <incomingServer type="imap">
      <hostname>imap.post.example</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>SMTP.post.example</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname><![CDATA[smtp.post.example]]></hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-encrypted</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>not a host</hostname>
      <port>25</port>
      <socketType>plain</socketType>
    </outgoingServer>
    <documentation url="https://help.post.example/smtp">
      <descr lang="de">SMTP einrichten</descr>
      <descr lang="fr">Configurer l&#8217;envoi</descr>
    </documentation>
    <documentation url="javascript:alert(1)">
      <descr>Click</descr>
    </documentation>
    <enable visiturl="https://post.example/settings">
      <instruction>Allow   POP3 &amp; IMAP
        once, in the settings.</instruction>
      <instruction lang="de">Einmal erlauben.</instruction>
    </enable>
  </emailProvider>
</clientConfig>"#;

#[test]
fn an_answer_is_read_as_text() {
    let config = parse(EXAMPLE).expect("a clientConfig");
    assert_eq!(config.display_name.as_deref(), Some("Post & Mail"));
    let servers: Vec<(&str, u16, Security, &[Auth])> = config
        .servers
        .iter()
        .map(|s| (s.host.as_str(), s.port, s.security, s.auth.as_slice()))
        .collect();
    assert_eq!(
        servers,
        [
            (
                "smtp.post.example",
                587,
                Security::Starttls,
                &[Auth::OAuth2, Auth::Password][..]
            ),
            ("smtp.post.example", 465, Security::Ssl, &[Auth::Password][..]),
        ]
    );
    assert_eq!(config.servers[0].username.as_deref(), Some("%EMAILLOCALPART%"));
    assert_eq!(config.docs.len(), 1, "a javascript: link is dropped");
    assert_eq!(config.docs[0].url.as_deref(), Some("https://help.post.example/smtp"));
    assert_eq!(config.docs[0].text("fr"), Some("Configurer l\u{2019}envoi"));
    assert_eq!(config.docs[0].text("en"), Some("SMTP einrichten"));
    let enable = config.enable.expect("enable");
    assert_eq!(enable.url.as_deref(), Some("https://post.example/settings"));
    assert_eq!(enable.text("en"), Some("Allow POP3 & IMAP once, in the settings."));
    assert_eq!(enable.text("de"), Some("Einmal erlauben."));
}

#[test]
fn what_is_not_a_client_config_reads_as_nothing() {
    let huge = format!("<clientConfig>{}</clientConfig>", " ".repeat(MAX_BYTES));
    let cases = [
        "",
        "<html><body>Not found</body></html>",
        "{\"error\": 404}",
        "<clientConfig><emailProvider>",
        "<clientConfig></clientConfig><clientConfig></clientConfig>",
        "<clientConfig>&unknown;</clientConfig>",
        huge.as_str(),
    ];
    for xml in cases {
        assert_eq!(parse(xml), None, "{}", &xml[..xml.len().min(60)]);
    }
    assert_eq!(parse("<clientConfig version=\"1.1\"/>"), Some(Config::default()));
}

#[test]
fn markup_and_controls_stay_text() {
    let xml = r#"<clientConfig><emailProvider id="x">
        <displayName>&lt;img src=x onerror=alert(1)&gt;&#x202E;Mail</displayName>
        <documentation url="https://x.example/&quot;onmouseover=&quot;x"><descr>D</descr></documentation>
    </emailProvider></clientConfig>"#;
    let config = parse(xml).expect("read");
    assert_eq!(config.display_name.as_deref(), Some("<img src=x onerror=alert(1)>Mail"));
    assert!(config.docs.is_empty(), "a link with a quote is dropped");
}

proptest::proptest! {
    /// Whatever a database (or something pretending to be one) answers, reading it does not
    /// panic, and every value kept is what its field says.
    #[test]
    fn any_answer_is_read_without_panic(
        noise in "[ -~\u{e9}\u{202e}]{0,80}",
        host in "[a-zA-Z0-9.<>&;%-]{0,30}",
        port in "[0-9a-z-]{0,7}",
    ) {
        let xml = format!(
            "<clientConfig><emailProvider><displayName>{noise}</displayName><outgoingServer type=\"smtp\"><hostname>{host}</hostname><port>{port}</port><socketType>SSL</socketType><authentication>plain</authentication></outgoingServer></emailProvider></clientConfig>"
        );
        for text in [noise.as_str(), xml.as_str()] {
            if let Some(config) = parse(text) {
                for server in &config.servers {
                    proptest::prop_assert!(crate::server::host(&server.host).is_some());
                    proptest::prop_assert!(server.port > 0);
                }
            }
        }
    }
}
