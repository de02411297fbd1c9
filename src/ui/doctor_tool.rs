//! The settings doctor (`?tool=doctor`): the user types what their application's form holds,
//! in its own field names, and reads what is wrong (`doctor::diagnose`), each finding with
//! its correct value or the walkthrough that fixes it. Nothing typed goes into the URL: a
//! copied link carries the server settings that read as such (`SharedSettings`), the
//! provider and the domain only.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    copy_button::CopyButton,
    dns_checks::{endpoint, resolver},
    errors_tool::{TooLong, read_capped},
    nav::PageLink,
};
use crate::{
    address, browser,
    detect::{self, MxFinding},
    doctor::{self, Diagnosis, Fix, PasswordKind, Typed},
    presets::Security,
    server,
    text::{self, doctor as words, doctor::K},
    url_state::{self, SharedSettings, Tool, UrlState},
};

#[component]
pub fn DoctorTool() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let k = move |key: K| key.get(ctx.lang.get());
    let app = ctx.app();
    let shared = ctx.state.with_untracked(|s| s.shared.clone());
    let has_security = app.fields.security.is_some();
    let typed_address = ctx.address.get_untracked().map(|a| a.full()).unwrap_or_default();
    let address = RwSignal::new(typed_address);
    let host = RwSignal::new(shared.host.unwrap_or_default());
    let port = RwSignal::new(shared.port.map(|p| p.to_string()).unwrap_or_default());
    let security = RwSignal::new(if has_security {
        shared.security.or(Some(Security::Starttls))
    } else {
        None
    });
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(None::<PasswordKind>);
    let error = RwSignal::new(String::new());
    let (error_cut, error_field) = (RwSignal::new(false), RwSignal::new(String::new()));
    // The domain's MX names the provider of a custom domain: read once the address is left.
    let mx_domain = RwSignal::new(None::<String>);
    let mx = LocalResource::new({
        let resolver = resolver(&ctx);
        move || {
            let (resolver, domain) = (resolver.clone(), mx_domain.get());
            async move {
                match domain {
                    Some(domain) => Some((domain.clone(), detect::from_mx(&*resolver, &domain).await)),
                    None => None,
                }
            }
        }
    });
    let domain_of = move |typed: &str| address::parse(typed, browser::to_ascii).ok().map(|a| a.domain);
    // Also run by the field's `change`, which Chromium fires when the focused field leaves the
    // page with the tool (Back, a link): its signals are gone by then, and nothing is read.
    let read_mx = move || {
        let Some(typed) = address.try_get_untracked() else {
            return;
        };
        let domain = domain_of(&typed).filter(|d| detect::by_domain(d).is_none());
        if mx_domain.try_get_untracked().is_some_and(|known| known != domain) {
            mx_domain.set(domain);
        }
    };
    read_mx();
    let mx_provider = move || match mx.get().flatten() {
        Some((domain, MxFinding::Found(p))) if Some(&domain) == mx_domain.get().as_ref() => Some(p.id.clone()),
        _ => None,
    };
    let typed = move || Typed {
        address: address.get(),
        host: host.get(),
        port: port.get(),
        security: security.get(),
        user: user.get(),
        password: password.get(),
        error: error.get(),
    };
    // A URL typed in the server field, split into the fields it stands for; its password goes
    // nowhere (the field is rewritten without it).
    let split = Callback::new(move |()| {
        let typed = typed();
        if let Some(url) = server::url(&typed.host) {
            let form = doctor::split_into(&typed, &url);
            host.set(form.host);
            port.set(form.port);
            security.set(form.security);
            user.set(form.user);
        }
    });
    let found = Memo::new(move |_| {
        let mx_provider = mx_provider();
        let typed = typed();
        let domain = domain_of(&typed.address);
        let provider = domain
            .as_deref()
            .and_then(|d| doctor::provider_of(d, mx_provider.as_deref()))
            .map(|p| p.id.clone());
        (
            doctor::diagnose(&typed, mx_provider.as_deref(), browser::today(), browser::to_ascii),
            provider,
            domain,
        )
    });
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || k(K::Title)}</h1>
        <p>{move || k(K::Intro)}</p>
        <form class="doctor" novalidate on:submit=move |ev| ev.prevent_default()>
            <label for="doctor-address">{move || k(K::AddressLabel)}</label>
            <input id="doctor-address" type="email" inputmode="email" spellcheck="false" autocapitalize="off" aria-describedby="doctor-address-help"
                prop:value=address.get_untracked() on:input=move |ev| address.set(event_target_value(&ev)) on:change=move |_| read_mx() />
            <p id="doctor-address-help" class="help">{move || k(K::AddressHelp)}</p>
            <p class="help resolver-note" hidden=move || mx_domain.get().is_none()>
                {move || K::mx_sent_to(ctx.lang.get(), endpoint(&ctx).operator())}
            </p>
            <p class="doctor-provider" role="status">{move || {
                let lang = ctx.lang.get();
                let reading = mx_domain.get().filter(|_| mx.get().is_none());
                match (reading, mx.get().flatten(), found.get().1) {
                    (Some(domain), _, _) => K::mx_reading(lang, &domain),
                    (None, Some((domain, MxFinding::Failed(why))), None) => K::mx_failed(lang, &domain, text::dns::failure(why, lang)),
                    (None, _, Some(provider)) => K::provider(lang, crate::presets::provider(&provider).map_or("", |p| p.name.get(lang))),
                    (None, _, None) => K::ProviderUnknown.get(lang).to_owned(),
                }
            }}</p>
            <label for="doctor-host">{ctx.local(&app.fields.host)}</label>
            <input id="doctor-host" type="text" spellcheck="false" autocapitalize="off" autocomplete="off" prop:value=host
                on:input=move |ev| host.set(event_target_value(&ev)) />
            <label for="doctor-port">{ctx.local(&app.fields.port)}</label>
            <input id="doctor-port" type="text" inputmode="numeric" autocomplete="off" prop:value=port
                on:input=move |ev| port.set(event_target_value(&ev)) />
            {match &app.fields.security {
                Some(name) => view! {
                    <label for="doctor-security">{ctx.local(name)}</label>
                    <select id="doctor-security" prop:value=move || security.get().map_or("", Security::id)
                        on:change=move |ev| security.set(Security::from_id(&event_target_value(&ev)))>
                        {Security::ALL.map(|s| view! {
                            <option value=s.id() selected=security.get_untracked() == Some(s)>{move || text::security(s, ctx.lang.get())}</option>
                        })}
                    </select>
                }.into_any(),
                None => view! { <p class="help">{move || K::security_follows_port(ctx.lang.get(), &ctx.app_name())}</p> }.into_any(),
            }}
            <label for="doctor-user">{ctx.local(&app.fields.user)}</label>
            <input id="doctor-user" type="text" spellcheck="false" autocapitalize="off" autocomplete="off" prop:value=user
                on:input=move |ev| user.set(event_target_value(&ev)) />
            <fieldset>
                <legend>{move || k(K::PasswordLabel)}" ("{ctx.local(&app.fields.password)}")"</legend>
                {[(PasswordKind::Account, K::PasswordAccount, "account"), (PasswordKind::App, K::PasswordApp, "app"), (PasswordKind::None, K::PasswordNone, "none")].map(|(kind, words, id)| view! {
                    <input type="radio" id=format!("doctor-password-{id}") name="doctor-password" on:change=move |_| password.set(Some(kind)) />
                    <label for=format!("doctor-password-{id}") class="inline">{move || words.get(ctx.lang.get())}</label><br />
                })}
            </fieldset>
            <label for="doctor-error">{move || k(K::ErrorLabel)}</label>
            <textarea id="doctor-error" rows="3" spellcheck="false" prop:value=error_field
                on:input=read_capped(error, error_cut, error_field)></textarea>
            <TooLong cut=error_cut />
        </form>
        <section class="doctor-results" aria-live="polite">
            <h2>{move || k(K::ResultsTitle)}</h2>
            <ul class="findings">
                {move || {
                    // Reworded on a language switch, links included.
                    ctx.lang.track();
                    let (found, provider, domain) = found.get();
                    found.into_iter().map(|d| view! { <FindingView diagnosis=d provider=provider.clone() domain=domain.clone() split=split /> }).collect_view()
                }}
            </ul>
            {move || {
                let lang = ctx.lang.get();
                let (_, provider, domain) = found.get();
                let state = ctx.state.get();
                let typed = typed();
                let shared = UrlState {
                    tool: Some(Tool::Doctor),
                    route: crate::wizard::Route { provider, domain, ..state.route.clone() },
                    shared: SharedSettings::from_typed(&typed.host, &typed.port, typed.security),
                    ..state
                };
                let link = browser::link_to(&url_state::to_query(&shared));
                view! {
                    <p class="report-copy"><CopyButton text=link what=K::Share.get(lang).to_owned() shown=K::Share.get(lang).to_owned() /></p>
                    <p class="help">{K::ShareHelp.get(lang)}</p>
                }
            }}
        </section>
    }
}

/// One finding: its severity, its sentence, the correct value to copy, the screen that fixes it.
#[component]
fn FindingView(
    diagnosis: Diagnosis,
    provider: Option<String>,
    domain: Option<String>,
    split: Callback<()>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let severity = diagnosis.finding.severity();
    let lang = ctx.lang.get_untracked();
    let finding = diagnosis.finding.clone();
    let words_provider = provider.clone();
    let link = |provider: &str, card: bool| {
        let name = crate::presets::provider(provider)
            .map_or("", |p| p.name.get(lang))
            .to_owned();
        let route = doctor::fix_route(provider, domain.as_deref(), card);
        let to = UrlState {
            tool: None,
            route,
            ..ctx.state.get_untracked()
        };
        let label = if card {
            K::open_card(lang, &name)
        } else {
            K::open_walkthrough(lang, &name)
        };
        view! { " " <PageLink to={to} {..} data-action="open-fix">{label}</PageLink> }
    };
    let fix = match &diagnosis.fix {
        Some(Fix::Value(_, value)) => Some(
            view! {
                <span class="fix">" "{move || K::FixValue.get(ctx.lang.get())}" "<code>{value.clone()}</code>" "
                    <CopyButton text=value.clone() what=value.clone() />
                </span>
                {provider.as_deref().map(|p| link(p, true))}
            }
            .into_any(),
        ),
        Some(Fix::Walkthrough(p)) => Some(link(p, false).into_any()),
        Some(Fix::Split) => Some(
            view! {
                " "<button type="button" class="secondary" data-action="split-url" on:click=move |_| split.run(())>
                    {move || K::Split.get(ctx.lang.get())}
                </button>
            }
            .into_any(),
        ),
        None => None,
    };
    view! {
        <li class=severity.class() data-finding=diagnosis.finding.id()>
            <strong>{move || words::severity(severity, ctx.lang.get())}": "</strong>
            {move || words::finding(&finding, words_provider.as_deref(), ctx.lang.get())}
            {fix}
        </li>
    }
}
