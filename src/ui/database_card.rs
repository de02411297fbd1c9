//! What Thunderbird's provider database said of a domain, on the provider screen: the
//! settings in the application's own field names with their source, or why no password form
//! can work, or why nothing was found. Everything shown from an answer is text.

use leptos::prelude::*;

use super::{app::Ctx, settings_card::SettingsTable};
use crate::{
    ispdb::{
        advice::{self, Advice},
        config::{Config, Link},
        service::Service,
        ways::{Finding, Outcome},
    },
    presets::Security,
    settings, text,
    text::ispdb::{self as words, B},
};

#[component]
pub fn DatabaseCard(finding: Finding, service: Service) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let outcome = finding.outcome;
    move || {
        let lang = ctx.lang.get();
        match &outcome {
            Outcome::Found { config, domain, by_mx } => {
                view! { <Found config=config.clone() domain=domain.clone() by_mx=*by_mx service=service.clone() /> }
                    .into_any()
            }
            Outcome::NotListed => {
                let words = B::not_listed(lang, &finding.asked.join(", "));
                view! { <p class="database-finding" data-outcome="not-listed">{words}</p> }.into_any()
            }
            Outcome::Unreadable(why) => {
                let words = B::unreadable(lang, words::why(*why, lang));
                view! { <p class="database-finding" data-outcome="unreadable">{words}</p> }.into_any()
            }
            Outcome::Offline => {
                view! { <p class="database-finding" data-outcome="offline">{B::Offline.get(lang)}</p> }.into_any()
            }
        }
    }
}

#[component]
fn Found(config: Config, domain: String, by_mx: bool, service: Service) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang.get_untracked();
    let name = config.display_name.clone().unwrap_or_else(|| domain.clone());
    let source = match &service {
        Service::Url(url) => B::source_copy(lang, url),
        Service::Mozilla | Service::Off => B::SourceMozilla.get(lang).to_owned(),
    };
    let by_mx = by_mx.then(|| view! { <p class="by-mx">{B::by_mx(lang, &domain)}</p> });
    let address = ctx.address.get_untracked();
    let (outcome, body) = match advice::advise(&config) {
        Advice::Password(servers) => {
            let best = servers[0];
            let plain = (best.security == Security::None)
                .then(|| view! { <p class="warning plain-warning" role="alert">{B::plain_warning(lang, &name)}</p> });
            let others: Vec<String> = servers[1..]
                .iter()
                .map(|s| format!("{} · {} · {}", s.host, s.port, text::security(s.security, lang)))
                .collect();
            let others = (!others.is_empty()).then(|| {
                view! {
                    <p class="others">{B::Others.get(lang)}</p>
                    <ul class="others">{others.into_iter().map(|o| view! { <li><code>{o}</code></li> }).collect_view()}</ul>
                }
            });
            let rows = settings::database_rows(ctx.app(), best, address.as_ref(), lang);
            let body = view! {
                {config.enable.clone().map(|e| view! { <Enable link=e /> })}
                {plain}
                <SettingsTable rows=rows />
                <p class="note">{B::PasswordNote.get(lang)}</p>
                {others}
            };
            ("password", body.into_any())
        }
        Advice::OauthOnly => (
            "oauth-only",
            view! { <p class="warning">{B::oauth_only(lang, &name)}</p> }.into_any(),
        ),
        Advice::NetworkOnly => (
            "network-only",
            view! { <p class="warning">{B::network_only(lang, &name)}</p> }.into_any(),
        ),
        Advice::NoServer => (
            "no-server",
            view! { <p class="warning">{B::no_server(lang, &name)}</p> }.into_any(),
        ),
    };
    let docs = (!config.docs.is_empty()).then(|| {
        let code = lang.code();
        let links = config
            .docs
            .iter()
            .filter_map(|d| {
                let url = d.url.clone()?;
                let label = d.text(code).map_or_else(|| url.clone(), str::to_owned);
                Some(view! { <li><a href=url target="_blank" rel="noopener noreferrer">{label}</a></li> })
            })
            .collect_view();
        view! { <h3>{B::DocsTitle.get(lang)}</h3><ul class="database-docs">{links}</ul> }
    });
    view! {
        <section class="database-card" data-outcome=outcome data-host=config.servers.first().map(|s| s.host.clone())>
            <h2>{B::found_title(lang, &name)}</h2>
            <p class="source">{source}</p>
            {by_mx}
            {body}
            {docs}
        </section>
    }
}

/// The provider's "enable" instructions, as a step before the settings.
#[component]
fn Enable(link: Link) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang.get_untracked();
    let instruction = link.text(lang.code()).map(str::to_owned);
    let open = link
        .url
        .map(|url| view! { " "<a href=url target="_blank" rel="noopener noreferrer">{B::EnableOpen.get(lang)}</a> });
    view! {
        <div class="database-enable">
            <h3>{B::EnableTitle.get(lang)}</h3>
            <p>{instruction}{open}</p>
        </div>
    }
}
