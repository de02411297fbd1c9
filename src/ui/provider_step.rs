//! The provider choice, for a domain the presets do not name: suggested from the domain's
//! MX records when they can be read.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    database_card::DatabaseCard,
    dns_checks::endpoint,
    lazy,
};
use crate::{
    detect::{DomainReading, MxFinding},
    ispdb::service::{self, Service},
    presets,
    resolver::Failure,
    text::{
        T,
        dns::{self as dns_words, D},
        ispdb::B,
        screens::W,
    },
};

#[component]
pub fn ProviderStep() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let route = ctx.state.with_untracked(|s| s.route.clone());
    // The address as typed shows an internationalised domain as people write it.
    let shown = ctx
        .address
        .with_untracked(|a| a.as_ref().map(|a| a.domain_display.clone()))
        .or_else(|| route.domain.clone());
    let title = move || match &shown {
        Some(domain) => W::choose_title(ctx.lang.get(), domain),
        None => ctx.t(T::ChooseTitleNoDomain).to_owned(),
    };
    // The domain's MX records, its SRV records and the provider database suggest settings,
    // read while the choices are shown.
    let service = database(&ctx);
    let reading = LocalResource::new({
        let (domain, endpoint, service) = (route.domain.clone(), endpoint(&ctx), service.clone());
        move || {
            let (domain, endpoint, service) = (domain.clone(), endpoint.clone(), service.clone());
            async move {
                match lazy::mx_finding(endpoint, service, domain?).await {
                    Ok(reading) => Some(reading.await),
                    Err(_) => Some(DomainReading {
                        mx: MxFinding::Failed(Failure::Network),
                        published: None,
                        database: None,
                    }),
                }
            }
        }
    });
    let looking = route.domain.is_some();
    let route_for_mx = route.clone();
    let mx_view = move || {
        let lang = ctx.lang.get();
        let DomainReading {
            mx: finding,
            published,
            database,
        } = match reading.get() {
            Some(found) => found?,
            None if looking => {
                return Some(view! { <p class="mx-finding" aria-busy="true">{D::Checking.get(lang)}</p> }.into_any());
            }
            None => return None,
        };
        // The server the domain's own DNS publishes, said beside what its MX records tell.
        let published = published.map(|p| {
            let security = crate::text::security(p.security, lang);
            view! {
                <p class="published-server" data-host=p.host.clone()>{D::published(lang, &p.host, &p.port.to_string(), security)}</p>
            }
        });
        let words = dns_words::mx_finding(&finding, lang);
        // Who received the domain: said whenever the database was asked.
        let sent_to = database.as_ref().map(|_| {
            let operator = service.operator().unwrap_or_default();
            view! { <p class="sent-to">{B::sent_to(lang, endpoint(&ctx).operator(), operator)}</p> }
        });
        let database = database.map(|finding| view! { <DatabaseCard finding=finding service=service.clone() /> });
        if words.is_none() && published.is_none() && database.is_none() {
            return None;
        }
        let found = match finding {
            MxFinding::Found(provider) => Some(provider),
            _ => None,
        };
        let button = found.map(|provider| {
            let to = route_for_mx.with_provider(&provider.id);
            view! {
                <button type="button" class="primary" data-action="continue-detected" on:click=move |_| ctx.go(to.clone())>
                    {D::continue_with(lang, provider.name.get(lang))}
                </button>
            }
        });
        Some(
            view! {
                <div class="mx-finding" class:found=found.is_some()><p>{words}</p>{published}{button}</div>
                {database}
                {sent_to}
            }
            .into_any(),
        )
    };
    let [named, own, services] = presets::choice_groups();
    let button = |provider: &'static presets::Provider| {
        let chosen = route.provider.as_deref() == Some(provider.id.as_str());
        let to = route.with_provider(&provider.id);
        view! {
            <li>
                <button type="button" class="choice" class:chosen=chosen aria-pressed=chosen.to_string()
                    data-provider=provider.id.clone() on:click=move |_| ctx.go(to.clone())>
                    {ctx.local(&provider.name)}
                </button>
            </li>
        }
    };
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{title}</h1>
        <div role="status">{mx_view}</div>
        <p>{move || ctx.w(W::ChooseHelp)}</p>
        <h2 class="group-title">{move || ctx.w(W::ChooseGroupKnown)}</h2>
        <ul class="choices">{named.into_iter().map(&button).collect_view()}</ul>
        <ul class="choices own-server">{own.into_iter().map(&button).collect_view()}</ul>
        <h2 class="group-title">{move || ctx.w(W::ChooseGroupServices)}</h2>
        <ul class="choices services">{services.into_iter().map(&button).collect_view()}</ul>
    }
}

/// Which copy of Thunderbird's provider database is asked: the link's, else the
/// application's, else Mozilla's.
fn database(ctx: &Ctx) -> Service {
    ctx.state.with_untracked(|s| {
        let app = presets::indexed_app_or_default(&s.app);
        service::chosen(s.ispdb.as_deref(), app.ispdb.as_deref())
    })
}
