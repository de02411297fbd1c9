//! Where the user is in the path, and the buttons that move along it.

use leptos::prelude::*;

use super::{app::Ctx, copy_button::CopyLink};
use crate::{
    text::T,
    url_state::{self, UrlState},
    wizard::{self, Route},
};

/// A link to another state of the page: a real link, which also opens in a new tab, followed
/// in place (focus goes to the new screen's heading). A `fresh` start forgets the address.
#[component]
pub fn PageLink(to: UrlState, #[prop(optional)] fresh: bool, children: Children) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let href = url_state::to_query(&to);
    let follow = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        match fresh {
            true => ctx.start_over(to.route.clone()),
            false => ctx.open(to.clone()),
        }
    };
    view! { <a href=href on:click=follow>{children()}</a> }
}

/// A short name for each screen, for the step list (see `text::wizard::step_title`).
pub(super) fn step_title(ctx: &Ctx, route: &Route, step: &str) -> String {
    crate::text::wizard::step_title(route, step, &ctx.app_name(), ctx.lang.get())
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
    let route = ctx.state.get_untracked().route;
    let own_form = route.moves_on_itself();
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
                <button type="button" class="secondary" data-action="start-over" on:click=move |_| ctx.start_over(Route::default())>
                    {move || ctx.t(T::StartOver)}
                </button>
            })}
        </div>
        {(route.step != wizard::ADDRESS).then(|| view! { <CopyLink /> })}
    }
}
