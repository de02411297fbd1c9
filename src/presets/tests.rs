//! Validation of every preset file: what a reviewer would otherwise check by hand.

use std::collections::HashSet;

use super::*;

/// The provider ids of the support-link interface (`?provider=`).
const PUBLIC_PROVIDER_IDS: &[&str] = &[
    "gmail",
    "google-workspace",
    "outlook",
    "microsoft365",
    "orange",
    "sfr",
    "free",
    "laposte",
    "bbox",
    "ovh",
    "ovh-ca",
    "ionos",
    "gandi",
    "yahoo",
    "icloud",
    "gmx",
    "other",
    "brevo",
    "mailjet",
    "sendgrid",
    "azure-communication-services",
    "aol",
    "gmx-net",
    "ovh-email-pro",
    "ovh-exchange",
    "infomaniak",
    "zoho-eu",
    "zoho-eu-domain",
    "proton",
    "proton-personal",
    "hostinger",
    "mailo",
];
const PUBLIC_APP_IDS: &[&str] = &["generic", "lokisi", "isagi-connect", "odoo", "dolibarr"];

fn check_source(what: &str, source: &Source) {
    assert!(
        source.url.starts_with("https://"),
        "{what}: source must be an https URL: {}",
        source.url
    );
    let date = source.checked.as_bytes();
    let digits = |r: std::ops::Range<usize>| date[r].iter().all(u8::is_ascii_digit);
    assert!(
        date.len() == 10 && date[4] == b'-' && date[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10),
        "{what}: checked date must be YYYY-MM-DD: {}",
        source.checked
    );
    let month: u8 = source.checked[5..7].parse().unwrap();
    let day: u8 = source.checked[8..10].parse().unwrap();
    assert!(
        (1..=12).contains(&month) && (1..=31).contains(&day),
        "{what}: bad date {}",
        source.checked
    );
}

fn check_text(what: &str, text: &Localized) {
    assert!(
        !text.en.trim().is_empty() && !text.fr.trim().is_empty(),
        "{what}: both languages are needed"
    );
    assert!(
        !text.en.contains('<') && !text.fr.contains('<'),
        "{what}: presets are plain text, not HTML"
    );
}

fn check_server(what: &str, server: &Server) {
    assert!(server.port > 0, "{what}: port 0");
    let expected = match server.port {
        465 => Security::Ssl,
        // 2525: the sending services' stand-in for 587 where a network blocks it.
        587 | 2525 => Security::Starttls,
        25 => server.security,
        other => panic!("{what}: unusual port {other}"),
    };
    assert_eq!(
        server.security, expected,
        "{what}: port {} with {:?}",
        server.port, server.security
    );
    assert!(
        server.host.contains('.')
            && crate::address::domain_to_ascii(&server.host, crate::address::idna_crate).as_deref()
                == Ok(server.host.as_str()),
        "{what}: host {} is not a lower-case DNS name",
        server.host
    );
    check_source(what, &server.source);
    if let Some(note) = &server.note {
        check_text(what, note);
    }
}

#[test]
fn provider_ids_are_the_public_ones() {
    let ids: Vec<&str> = providers().iter().map(|p| p.id.as_str()).collect();
    let mut sorted_ids = ids.clone();
    sorted_ids.sort();
    let mut expected = PUBLIC_PROVIDER_IDS.to_vec();
    expected.sort();
    assert_eq!(sorted_ids, expected);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "duplicate provider id"
    );
    assert!(provider(OWN_SERVER).is_some());
}

#[test]
fn app_ids_are_the_public_ones() {
    let mut ids: Vec<&str> = apps().iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    let mut expected = PUBLIC_APP_IDS.to_vec();
    expected.sort();
    assert_eq!(ids, expected);
    assert!(app(DEFAULT_APP).is_some());
}

#[test]
fn every_domain_and_mx_pattern_belongs_to_one_provider() {
    let mut seen = HashSet::new();
    for p in providers() {
        for domain in p.domains.iter().chain(&p.mx_patterns) {
            assert!(seen.insert(domain.as_str()), "{}: {domain} is listed twice", p.id);
            assert_eq!(
                domain,
                &domain.to_ascii_lowercase(),
                "{}: {domain} must be lower case",
                p.id
            );
        }
        for domain in &p.domains {
            assert_eq!(
                crate::address::domain_to_ascii(domain, crate::address::idna_crate).as_deref(),
                Ok(domain.as_str()),
                "{}: {domain}",
                p.id
            );
        }
    }
}

#[test]
fn every_provider_fact_is_sourced_translated_and_consistent() {
    let mut step_ids = HashSet::new();
    for p in providers() {
        let what = p.id.as_str();
        assert!(is_kebab_id(what), "{what}: id must be kebab-case");
        check_text(what, &p.name);
        match (&p.smtp, p.auth) {
            (None, AuthKind::AskAdministrator | AuthKind::NoSmtp) | (Some(_), _) => {}
            (None, _) => panic!("{what}: only the own-server path and addresses without SMTP may lack a server"),
        }
        for server in p.smtp.iter().chain(&p.alternatives) {
            check_server(what, server);
        }
        // The relay's settings and the method chooser's comparison read the MX relay.
        let relays = p.guide().steps.iter().any(|s| {
            matches!(
                s.widget,
                Some(Widget::RelaySettings | Widget::DirectSendSettings | Widget::MethodChooser)
            )
        });
        match &p.relay {
            Some(relay) => {
                check_source(what, &relay.source);
                let server_to_server = port_rules().iter().find(|r| !r.submission).map(|r| r.port);
                assert_eq!(Some(relay.port), server_to_server, "{what}: a relay to the MX host");
            }
            None => assert!(!relays, "{what}: its relay steps need a [relay] table"),
        }
        if let Some(spf) = &p.spf {
            assert!(
                crate::spf::parse(&format!("v=spf1 include:{} -all", spf.include)).is_ok(),
                "{what}: {} is not a valid include",
                spf.include
            );
            check_source(what, &spf.source);
        }
        for caveat in &p.guide().caveats {
            check_text(what, &caveat.text);
            check_source(what, &caveat.source);
        }
        for step in &p.guide().steps {
            let where_ = format!("{what}/{}", step.id);
            assert!(is_kebab_id(&step.id), "{where_}: step id must be kebab-case");
            assert!(
                !["address", "provider", "settings", "test-email"].contains(&step.id.as_str()),
                "{where_}: reserved step id"
            );
            let title = indexed(&p.id).and_then(|i| i.step_title(&step.id));
            check_text(&where_, title.expect("every step has its title"));
            for text in step.body.iter().chain(&step.actions) {
                check_text(&where_, text);
            }
            if let Some(link) = &step.link {
                assert!(link.url.starts_with("https://"), "{where_}: link must be https");
                check_text(&where_, &link.label);
            }
            if let Some(trouble) = &step.trouble {
                check_text(&where_, &trouble.summary);
                assert!(!trouble.items.is_empty(), "{where_}: empty trouble list");
                trouble.items.iter().for_each(|item| check_text(&where_, item));
            }
            assert!(
                step.widget.is_some() || !step.body.is_empty() || !step.actions.is_empty(),
                "{where_}: a step needs content"
            );
            check_source(&where_, &step.source);
        }
        // Shared walkthroughs keep their ids; any other step id is unique.
        if p.steps_from.is_none() {
            for step in &p.guide().steps {
                assert!(
                    step_ids.insert(step.id.as_str()),
                    "{what}: step id {} is used twice",
                    step.id
                );
            }
        }
    }
}

#[test]
fn sending_services_and_ways_out_are_complete() {
    for p in providers() {
        let what = p.id.as_str();
        let service = p.kind == ProviderKind::SendingService;
        assert_eq!(
            p.auth == AuthKind::ServiceKey,
            p.credentials.is_some(),
            "{what}: a service key and the credentials' wording go together"
        );
        assert!(
            p.username != UsernameForm::Service || p.credentials.is_some(),
            "{what}: a service user name is worded by the credentials"
        );
        if let Some(c) = &p.credentials {
            check_text(what, &c.user);
            check_text(what, &c.password);
            check_source(what, &c.source);
        }
        assert_eq!(
            service,
            p.guide().offer.is_some(),
            "{what}: a sending service has an offer, and only it"
        );
        if service {
            assert!(
                p.smtp.is_some() && p.domains.is_empty() && p.mx_patterns.is_empty(),
                "{what}: a service is chosen, never detected"
            );
            assert!(
                p.guide().steps.iter().any(|s| s.widget == Some(Widget::ProviderSpf)),
                "{what}: a service's path shows the SPF to publish"
            );
        }
        for way in p.guide().offer.iter().chain(&p.guide().ways_out) {
            check_text(what, &way.needs);
            check_text(what, &way.cost);
            check_source(what, &way.source);
            assert_eq!(
                way.title.is_none(),
                p.guide().offer.as_ref() == Some(way),
                "{what}: a way out other than the service itself has a title"
            );
            way.title.iter().for_each(|t| check_text(what, t));
            if let Some(step) = &way.step {
                assert!(p.step(step).is_some(), "{what}: way out names unknown step {step}");
            }
        }
        if let Some(host) = &p.host_pattern {
            check_text(what, &host.where_shown);
            check_source(what, &host.source);
            let example = p.smtp.as_ref().map(|s| s.host.as_str()).unwrap_or_default();
            assert_eq!(
                crate::settings::typed_host_check(p, example).as_deref(),
                Ok(example),
                "{what}: the example host has the pattern's form"
            );
            assert!(
                p.guide().steps.iter().any(|s| s.widget == Some(Widget::TypedHost)),
                "{what}: a per-customer host is typed on a step"
            );
        }
        if let Some(parent) = &p.offer_of {
            let parent = provider(parent).unwrap_or_else(|| panic!("{what}: offer of unknown {parent}"));
            assert!(
                parent
                    .guide()
                    .steps
                    .iter()
                    .any(|s| s.widget == Some(Widget::OfferChooser)),
                "{what}: {} asks which offer",
                parent.id
            );
            parent.offer_label.iter().for_each(|l| check_text(what, l));
        }
        for selector in &p.dkim_selectors {
            assert!(
                is_kebab_id(selector) || selector.bytes().all(|b| b.is_ascii_alphanumeric()),
                "{what}: DKIM selector {selector}"
            );
        }
        let branches: Vec<&str> = p.guide().steps.iter().filter_map(|s| s.branch.as_deref()).collect();
        for branch in p.default_branch.iter().chain(&p.card_branch) {
            assert!(
                branches.contains(&branch.as_str()),
                "{what}: no step of branch {branch}"
            );
        }
    }
    let ways_out = |id: &str| {
        provider(id)
            .unwrap()
            .guide()
            .steps
            .iter()
            .any(|s| s.widget == Some(Widget::WaysOut))
    };
    assert!(
        ways_out("microsoft365") && ways_out("outlook"),
        "Microsoft 365 and Outlook.com offer the sending services"
    );
}

/// Every dated fact of every preset, with what it is.
fn dated_facts() -> Vec<(String, &'static Source)> {
    let mut facts: Vec<(String, &'static Source)> = Vec::new();
    for p in providers() {
        let mut add = |what: String, source: &'static Source| facts.push((format!("{}: {what}", p.id), source));
        p.smtp
            .iter()
            .chain(&p.alternatives)
            .for_each(|s| add(s.host.clone(), &s.source));
        p.spf.iter().for_each(|s| add("spf".into(), &s.source));
        p.relay.iter().for_each(|r| add("relay".into(), &r.source));
        p.guide().caveats.iter().for_each(|c| add("caveat".into(), &c.source));
        p.credentials.iter().for_each(|c| add("credentials".into(), &c.source));
        p.guide()
            .offer
            .iter()
            .chain(&p.guide().ways_out)
            .for_each(|w| add("way out".into(), &w.source));
        p.guide().steps.iter().for_each(|s| add(s.id.clone(), &s.source));
    }
    for a in apps() {
        facts.push((format!("app {}", a.id), &a.source));
    }
    for e in errors() {
        facts.push((format!("error {}", e.id), &e.source));
    }
    for r in receivers() {
        facts.push((format!("receiver {}", r.id), &r.source));
    }
    for s in reply_servers() {
        facts.push((format!("reply server {}", s.providers.join(" ")), &s.source));
    }
    for c in mail_clients() {
        facts.push((format!("mail client {}", c.id), &c.source));
    }
    for r in port_rules() {
        facts.push((format!("port {}", r.port), &r.source));
    }
    facts
}

/// Today as `YYYY-MM-DD`, from the system clock (civil-from-days, the inverse of
/// `timeline`'s days-from-civil).
fn today_iso() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reports what the presets cover and which facts are due for a new check; fails on none.
#[test]
fn coverage_and_fact_age_report() {
    let curated: usize = providers().iter().map(|p| p.domains.len()).sum();
    let patterns: usize = providers().iter().map(|p| p.mx_patterns.len()).sum();
    let facts = dated_facts();
    let today = today_iso();
    let year_ago = format!("{:04}{}", today[..4].parse::<u32>().unwrap() - 1, &today[4..]);
    let stale: Vec<String> = facts
        .iter()
        .filter(|(_, s)| s.checked < year_ago)
        .map(|(what, s)| format!("  {what} (checked {})", s.checked))
        .collect();
    println!(
        "presets: {curated} address domains and {patterns} MX patterns get curated settings; {} dated facts; {} checked more than 12 months before {today}",
        facts.len(),
        stale.len()
    );
    println!(
        "presets: any other domain gets, in order, the submission server its DNS publishes (RFC 6186 SRV), then what Thunderbird's provider database says of it, asked live ({}), by the domain then by its first MX host; else its MX hosts are named and nothing is invented",
        crate::ispdb::service::MOZILLA
    );
    stale.iter().for_each(|line| println!("{line}"));
    assert!(
        facts.iter().all(|(what, s)| {
            check_source(what, s);
            s.checked <= today
        }),
        "a fact dated in the future"
    );
}

#[test]
fn app_password_providers_walk_through_creating_one() {
    for p in providers().iter().filter(|p| p.auth == AuthKind::AppPassword) {
        assert!(
            p.guide().steps.iter().any(|s| s.link.is_some()),
            "{}: app-password providers link to the page that creates one",
            p.id
        );
    }
}

#[test]
fn every_app_profile_is_complete() {
    for a in apps() {
        assert_eq!(a.problems(), Vec::<String>::new(), "{}", a.id);
    }
}

#[test]
fn the_vendor_guides_field_names_are_kept() {
    let lokisi = app("lokisi").unwrap();
    assert_eq!(lokisi.fields.host.fr, "IP Address / Hostname");
    assert_eq!(lokisi.fields.port.fr, "TCP PortNumber");
    let isagi = app("isagi-connect").unwrap();
    let labels: Vec<&str> = [
        Some(&isagi.fields.host),
        isagi.fields.security.as_ref(),
        Some(&isagi.fields.port),
        isagi.fields.auth_required.as_ref(),
        Some(&isagi.fields.user),
        Some(&isagi.fields.password),
        isagi.fields.send_delay.as_ref(),
    ]
    .into_iter()
    .map(|l| l.unwrap().fr.as_str())
    .collect();
    assert_eq!(
        labels,
        [
            "Serveur SMTP",
            "Sécurité",
            "Port",
            "Authentification requise",
            "Utilisateur",
            "Mot de passe (utilisateur)",
            "Délai entre chaque envoi"
        ]
    );
}

/// The reference facts (section 1 of mail-facts.md): host, port and security per provider.
#[test]
fn recommended_servers_match_the_reference() {
    let cases: &[(&str, &str, u16, Security)] = &[
        ("gmail", "smtp.gmail.com", 587, Security::Starttls),
        ("google-workspace", "smtp.gmail.com", 587, Security::Starttls),
        ("outlook", "smtp-mail.outlook.com", 587, Security::Starttls),
        ("microsoft365", "smtp.office365.com", 587, Security::Starttls),
        ("orange", "smtp.orange.fr", 465, Security::Ssl),
        ("sfr", "smtp.sfr.fr", 465, Security::Ssl),
        ("free", "smtp.free.fr", 465, Security::Ssl),
        ("laposte", "smtp.laposte.net", 465, Security::Ssl),
        ("bbox", "smtp.bbox.fr", 465, Security::Ssl),
        ("ovh", "ssl0.ovh.net", 465, Security::Ssl),
        ("ionos", "smtp.ionos.fr", 465, Security::Ssl),
        ("gandi", "mail.gandi.net", 465, Security::Ssl),
        ("yahoo", "smtp.mail.yahoo.com", 465, Security::Ssl),
        ("icloud", "smtp.mail.me.com", 587, Security::Starttls),
        ("gmx", "mail.gmx.com", 465, Security::Ssl),
    ];
    for (id, host, port, security) in cases {
        let smtp = provider(id).unwrap().smtp.as_ref().unwrap();
        assert_eq!(
            (smtp.host.as_str(), smtp.port, smtp.security),
            (*host, *port, *security),
            "{id}"
        );
    }
    let orange = provider("orange").unwrap();
    assert!(
        orange.alternatives.iter().any(|a| a.port == 587),
        "Orange's disputed 587 is shown as the alternative"
    );
}

#[test]
fn port_rules_are_sourced_and_name_one_server_to_server_port() {
    let rules = port_rules();
    for rule in rules {
        check_source(&format!("port {}", rule.port), &rule.source);
    }
    assert_eq!(rules.iter().filter(|r| !r.submission).count(), 1, "the relay's port");
    let ports: HashSet<u16> = rules.iter().map(|r| r.port).collect();
    assert_eq!(ports.len(), rules.len(), "one rule per port");
}

#[test]
fn every_mail_client_is_sourced_and_translated() {
    let mut ids = HashSet::new();
    assert!(
        mail_clients().len() >= 6,
        "the headers tool names Gmail, Outlook, Apple Mail, Thunderbird and the ISPs' webmails"
    );
    for c in mail_clients() {
        let what = format!("mail client {}", c.id);
        assert!(
            is_kebab_id(&c.id) && ids.insert(c.id.as_str()),
            "{what}: ids are unique kebab-case"
        );
        check_text(&what, &c.name);
        check_text(&what, &c.how);
        check_source(&what, &c.source);
    }
}

#[test]
fn every_error_pattern_is_sourced_translated_and_linked() {
    let mut ids = HashSet::new();
    for e in errors() {
        let what = e.id.as_str();
        assert!(
            is_kebab_id(what) && ids.insert(what),
            "{what}: ids are unique kebab-case"
        );
        assert!(!e.fragments.is_empty(), "{what}: no fragment");
        for fragment in e.fragments.iter().chain(&e.require) {
            assert_eq!(fragment, &fragment.to_lowercase(), "{what}: fragments are lower case");
            assert!(
                !fragment.trim().is_empty() && fragment.trim() == fragment,
                "{what}: {fragment:?}"
            );
        }
        for text in [&e.meaning, &e.cause, &e.fix] {
            check_text(what, text);
        }
        check_source(what, &e.source);
        for id in &e.providers {
            assert!(provider(id).is_some(), "{what}: unknown provider {id}");
        }
        for link in e.link.iter().chain(&e.link_for) {
            match &link.provider {
                Some(id) => {
                    let p = provider(id).unwrap_or_else(|| panic!("{what}: unknown provider {id}"));
                    let route = crate::wizard::Route {
                        provider: Some(id.clone()),
                        domain: None,
                        step: String::new(),
                    };
                    assert!(route.has_step(&link.step), "{what}: {id} has no step {}", link.step);
                    assert_eq!(p.id, *id);
                }
                None => assert!(
                    ["settings", "tool-dns"].contains(&link.step.as_str()),
                    "{what}: {}",
                    link.step
                ),
            }
        }
        assert!(
            e.link_for.iter().all(|l| l.provider.is_some()),
            "{what}: a link for a provider names it"
        );
        assert!(
            e.fragments
                .iter()
                .any(|f| !f.bytes().all(|b| b.is_ascii_digit() || b".- ".contains(&b)))
                || !e.providers.is_empty(),
            "{what}: a pattern of codes alone needs its providers, or it can never match"
        );
    }
    for server in reply_servers() {
        let what = format!("reply server {:?}", server.providers);
        assert!(!server.markers.is_empty() && !server.providers.is_empty(), "{what}");
        for marker in &server.markers {
            assert_eq!(marker, &marker.to_lowercase(), "{what}: markers are lower case");
        }
        for id in &server.providers {
            assert!(provider(id).is_some(), "{what}: unknown provider {id}");
        }
        check_source(&what, &server.source);
    }
}

#[test]
fn one_spf_choice_per_include_and_restart_choices_that_take_a_password() {
    let includes = spf_includes();
    let google = includes
        .iter()
        .find(|(include, _)| *include == "_spf.google.com")
        .expect("Google's include");
    let ids: Vec<&str> = google.1.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["google-workspace"]);
    let unique: HashSet<&str> = includes.iter().map(|(include, _)| *include).collect();
    assert_eq!(unique.len(), includes.len());
    let restart: Vec<&str> = restart_choices().map(|p| p.id.as_str()).collect();
    assert!(restart.contains(&"gmail") && !restart.contains(&"outlook") && !restart.contains(&OWN_SERVER));
    assert!(!restart.contains(&"brevo"), "sending services are offered on their own");
}

#[test]
fn ovhclouds_other_offers() {
    let offers: Vec<&str> = offers_of("ovh").map(|p| p.id.as_str()).collect();
    assert_eq!(offers, ["ovh-email-pro", "ovh-exchange"]);
    assert_eq!(offers_of("gmail").count(), 0);
}

#[test]
fn provider_screen_groups() {
    fn ids(group: &[&'static Provider]) -> Vec<&'static str> {
        group.iter().map(|p| p.id.as_str()).collect()
    }
    let [named, own, services] = choice_groups();
    assert_eq!(ids(&own), [OWN_SERVER]);
    assert!(ids(&named).contains(&"gmail") && ids(&named).contains(&"microsoft365"));
    assert!(services.iter().all(|p| p.kind == ProviderKind::SendingService) && ids(&services).contains(&"brevo"));
    assert_eq!(named.len() + own.len() + services.len(), providers().len());
}

#[test]
fn the_app_index_is_the_apps_first_screen_part() {
    let from_apps: Vec<AppIndex> = apps().iter().map(AppIndex::from).collect();
    assert_eq!(app_index(), from_apps.as_slice());
}

#[test]
fn every_receiver_is_sourced_and_translated() {
    let ids: Vec<&str> = receivers().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["gmail", "yahoo", "outlook-com"]);
    for r in receivers() {
        check_text(&r.id, &r.name);
        check_source(&r.id, &r.source);
        assert!(!r.bulk.is_empty() && r.bulk_from > 0, "{}", r.id);
        assert!(r.refusal.starts_with('5'), "{}: a refusal code", r.id);
    }
}

/// The guides are compiled apart, in the providers' order: each provider finds its own.
#[test]
fn each_provider_finds_its_own_guide() {
    for p in providers() {
        let guided: Vec<&str> = p.guide().steps.iter().map(|s| s.id.as_str()).collect();
        let indexed: Vec<&str> = indexed(&p.id).unwrap().steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(guided, indexed, "{}", p.id);
    }
}

/// The titles are compiled apart too, in the index's order: a step borrowed from another
/// provider (`steps_from`) keeps its title, a later one too, and an unknown step has none.
#[test]
fn each_step_finds_its_own_title() {
    let cases = [
        ("gmail", "google-2sv", Some("Turn on 2-Step Verification")),
        ("google-workspace", "google-2sv", Some("Turn on 2-Step Verification")),
        (
            "microsoft365",
            "relay-spf",
            Some("Add the addresses to the domain's SPF record"),
        ),
        ("gmail", "relay-spf", None),
    ];
    for (provider, step, expected) in cases {
        let title = indexed(provider).unwrap().step_title(step).map(|t| t.en.as_str());
        assert_eq!(title, expected, "{provider}/{step}");
    }
}
