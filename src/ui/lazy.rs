//! The parts of the page whose code is downloaded the first time they are shown. Each
//! `wasm_split` function is a split point: the build cuts what only it reaches into a wasm
//! chunk of its own, so the first screen carries none of the tools, the DNS code or the relay.

use std::{future::Future, pin::Pin, sync::Arc};

use leptos::{
    prelude::*,
    reactive::graph::Source,
    wasm_split::{SplitLoaderError, wasm_split},
};

use super::{
    app::{Ctx, STEP_HEADING},
    dkim_records::DkimRecords,
    dns_checks::DnsChecks,
    dns_tool::DnsTool,
    doctor_tool::DoctorTool,
    errors_tool::ErrorsTool,
    headers_tool::HeadersTool,
    link_tool::LinkTool,
    nav::StepIndicator,
    provider_step::ProviderStep,
    relay,
    settings_card::{SettingsCard, TestEmail},
    spf_tool::SpfTool,
    walkthrough::Walkthrough,
    ways,
};
use crate::{
    detect::{self, DomainReading},
    dns::endpoint::Endpoint,
    ispdb::service::Service,
    presets::{Provider, Widget},
    text::T,
    wizard::Screen,
};

/// What a split point gives: a view, or the error of a chunk that could not be downloaded.
type Part = Result<AnyView, SplitLoaderError>;

#[wasm_split(
    screens,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_screens)
)]
pub fn screen(screen: Screen) -> Part {
    let body = match screen {
        Screen::Provider => view! { <ProviderStep /> }.into_any(),
        Screen::Walkthrough(step) => {
            // The step's texts are in the full providers, which only the chunks read.
            let ctx = expect_context::<Ctx>();
            match ctx
                .state
                .with_untracked(|s| s.route.provider())
                .and_then(|p| p.step(&step.id))
            {
                Some(step) => view! { <Walkthrough step=step /> }.into_any(),
                None => ().into_any(),
            }
        }
        Screen::Settings => view! { <SettingsCard /> }.into_any(),
        Screen::TestEmail => view! { <TestEmail /> }.into_any(),
        // Drawn in the first load, never sent here.
        Screen::Address => ().into_any(),
    };
    Ok(view! { <StepIndicator />{body} }.into_any())
}

#[wasm_split(spf_tool, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn spf_tool() -> Part {
    Ok(view! { <SpfTool /> }.into_any())
}

#[wasm_split(dns_tool, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn dns_tool() -> Part {
    Ok(view! { <DnsTool /> }.into_any())
}

#[wasm_split(link_tool, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn link_tool() -> Part {
    Ok(view! { <LinkTool /> }.into_any())
}

#[wasm_split(doctor_tool, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn doctor_tool() -> Part {
    Ok(view! { <DoctorTool /> }.into_any())
}

#[wasm_split(headers_tool, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn headers_tool() -> Part {
    Ok(view! { <HeadersTool /> }.into_any())
}

#[wasm_split(errors_tool, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn errors_tool() -> Part {
    Ok(view! { <ErrorsTool /> }.into_any())
}

/// The DNS checks under the settings of a custom domain.
#[wasm_split(dns_checks, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn dns_checks(domain: String, chosen: Option<&'static Provider>, smtp_host: Option<String>) -> Part {
    Ok(view! { <DnsChecks domain=domain chosen=chosen smtp_host=smtp_host auto=false /> }.into_any())
}

/// The computed parts of the Microsoft 365 relay's screens, and the SPF and DKIM steps.
#[wasm_split(relay, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_relay))]
pub fn relay(widget: Widget) -> Part {
    Ok(match widget {
        Widget::RelayDomain => view! { <relay::RelayDomain /> }.into_any(),
        Widget::RelayIps => view! { <relay::RelayIps /> }.into_any(),
        Widget::RelayAddresses => view! { <relay::RelayAddresses /> }.into_any(),
        Widget::RelaySpf => view! { <relay::RelaySpf /> }.into_any(),
        Widget::RelaySettings | Widget::DirectSendSettings => view! { <relay::RelaySettings /> }.into_any(),
        Widget::RelayVerify => view! { <relay::RelayVerify /> }.into_any(),
        Widget::ProviderSpf => view! { <relay::ProviderSpf /> <DkimRecords /> }.into_any(),
        Widget::DkimRecords => view! { <DkimRecords /> }.into_any(),
        // Drawn by the screens' code or the ways' part, never sent here (`Widget::part`).
        _ => ().into_any(),
    })
}

/// The ways to send: Microsoft 365's method chooser and the ways out.
#[wasm_split(ways, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_ways))]
pub fn ways(widget: Widget) -> Part {
    Ok(match widget {
        Widget::MethodChooser => view! { <ways::MethodChooser /> }.into_any(),
        Widget::WaysOut => view! { <ways::WaysOut /> }.into_any(),
        // Drawn by the screens' code or the relay's part, never sent here (`Widget::part`).
        _ => ().into_any(),
    })
}

/// What the provider screen reads of a domain no preset names: the provider its MX records
/// suggest, the server its SRV records publish, or what Thunderbird's provider database says,
/// read over DNS-over-HTTPS and HTTP.
#[wasm_split(mx_finding, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn mx_finding(
    endpoint: Endpoint,
    service: Service,
    domain: String,
) -> Result<Pin<Box<dyn Future<Output = DomainReading>>>, SplitLoaderError> {
    let resolver = crate::dns::transport::DohResolver::shared(&endpoint);
    let database = (service != Service::Off).then(|| crate::ispdb::transport::Client::shared(&service));
    Ok(Box::pin(async move {
        detect::read_domain(&*resolver, database.as_deref(), &domain).await
    }))
}

/// A split point as `Deferred` takes it. One type for all of them: generic, `Deferred` and
/// the task under it would be compiled once per split point into the first load; boxed, once.
pub type Load = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Part>>> + Send + Sync>;

pub fn load<F: Future<Output = Part> + 'static>(split: impl Fn() -> F + Send + Sync + 'static) -> Load {
    Arc::new(move || Box::pin(split()))
}

/// Shows what `load` gives once its chunk has arrived: a short notice meanwhile, and when
/// the download fails (offline, a deployment replaced the files) a message and a retry.
/// A whole screen (`screen`) that fails gets a heading, and holds Next back while missing.
///
/// A task and a signal rather than `<Suspense>`: its machinery (resources, transitions, the
/// boundary's own signals) weighed 5.5 KB gzipped of the first load (`cargo xtask size`,
/// 117.3 → 111.8 KB), for one pending part at a time.
#[component]
pub fn Deferred(load: Load, #[prop(optional)] screen: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The part once loaded, until the view below takes it; `None` while its chunk downloads.
    let loaded: RwSignal<Option<Part>, LocalStorage> = RwSignal::new_local(None);
    // The download runs under this component's owner, even when a retry's click starts it:
    // the part's components find the page's context, and go with this component.
    let owner = Owner::current();
    let fetch = move || {
        let load = load.clone();
        let start = move || {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let part = load().await;
                if screen {
                    ctx.screen_missing.try_set(part.is_err());
                    // Each screen's Next reads it: let the screens gone go (see `Ctx`).
                    ctx.screen_missing.clear_subscribers();
                }
                loaded.try_set(Some(part));
            })
        };
        match &owner {
            Some(owner) => owner.with(start),
            None => start(),
        }
    };
    fetch.clone()();
    move || {
        loaded.track();
        match loaded.try_update_untracked(Option::take).flatten() {
            None => view! { <p class="part-loading" role="status">{move || ctx.t(T::PartLoading)}</p> }.into_any(),
            Some(Ok(view)) => view,
            Some(Err(_)) => {
                let fetch = fetch.clone();
                view! {
                    <div class="part-failed" role="alert">
                        {screen.then(|| view! { <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || ctx.t(T::PartFailedTitle)}</h1> })}
                        <p>{move || ctx.t(T::PartFailed)}</p>
                        <button type="button" on:click=move |_| {
                            loaded.set(None);
                            fetch();
                        }>{move || ctx.t(T::TryAgain)}</button>
                    </div>
                }
                .into_any()
            }
        }
    }
}
