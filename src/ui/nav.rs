//! Where the user is in the path, and the buttons that move along it.

use leptos::prelude::*;

use super::{app::Ctx, copy_button::CopyLink};
use crate::{
    presets::Widget,
    text::T,
    url_state::{self, UrlState},
    wizard::{self, Route},
};

/// A link to another state of the page: a real link, which also opens in a new tab, followed
/// in place (focus goes to the new screen's heading).
#[component]
pub fn PageLink(to: UrlState, children: Children) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <a href=url_state::to_query(&to) on:click=move |ev| { ev.prevent_default(); ctx.open(to.clone()); }>{children()}</a>
    }
}

/// A short name for each screen, for the step list.
pub(super) fn step_title(ctx: &Ctx, route: &Route, step: &str) -> String {
    let (lang, app) = (ctx.lang.get(), ctx.app_name());
    match step {
        wizard::ADDRESS => T::AddressLabel.get(lang).to_owned(),
        wizard::CHOOSE_PROVIDER => T::ChooseTitleNoDomain.get(lang).to_owned(),
        wizard::SETTINGS => T::settings_title(lang, &app),
        wizard::TEST_EMAIL => T::test_title(lang, &app),
        _ => route
            .provider()
            .and_then(|p| p.step(step))
            .map(|s| ctx.fill_app(s.title.get(lang)))
            .unwrap_or_default(),
    }
}

#[component]
pub fn StepIndicator() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let route = ctx.state.with_untracked(|s| s.route.clone());
    let (n, total) = route.position();
    let provider = route.provider();
    let items = route
        .path()
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let current = step == route.step;
            let route = route.clone();
            view! {
                <li class:done=i + 1 < n class:current=current aria-current=current.then_some("step")>
                    <span class="visually-hidden">{move || step_title(&ctx, &route, step)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="step-indicator" aria-label=move || ctx.t(T::Steps)>
            {provider.map(|p| view! { <p class="provider-name">{move || p.name.get(ctx.lang.get()).to_owned()}</p> })}
            <p class="step-of">{move || match total {
                Some(total) => T::step_of(ctx.lang.get(), &n.to_string(), &total.to_string()),
                None => T::step_n(ctx.lang.get(), &n.to_string()),
            }}</p>
            <ol class="dots">{items}</ol>
        </nav>
    }
}

#[component]
pub fn StepButtons() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = ctx.state.get_untracked();
    let route = state.route.clone();
    // The address and provider screens move on by their own form.
    let chooser =
        route.indexed().and_then(|p| p.step(&route.step)).and_then(|s| s.widget) == Some(Widget::MethodChooser);
    let own_form = chooser || [wizard::ADDRESS, wizard::CHOOSE_PROVIDER].contains(&route.step.as_str());
    let back = route.back();
    let next = route.next().filter(|_| !own_form);
    let start_over = route.next().is_none() && !own_form;
    view! {
        <div class="step-buttons">
            {back.map(|to| view! {
                <button type="button" class="secondary" data-action="back" on:click=move |_| ctx.go(to.clone())>
                    {move || ctx.t(T::Back)}
                </button>
            })}
            {next.map(|to| view! {
                <button type="button" class="primary" data-action="next" disabled=move || ctx.screen_missing.get()
                    on:click=move |_| ctx.go(to.clone())>
                    {move || ctx.t(T::Next)}
                </button>
            })}
            {start_over.then(|| view! {
                <button type="button" class="secondary" data-action="start-over"
                    on:click=move |_| {
                        ctx.address.set(None);
                        ctx.draft.set(String::new());
                        ctx.go(Route::default());
                    }>
                    {move || ctx.t(T::StartOver)}
                </button>
            })}
        </div>
        {(route.step != wizard::ADDRESS).then(|| view! { <CopyLink /> })}
    }
}
