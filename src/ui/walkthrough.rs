//! One screen of a provider's walkthrough, rendered from its preset. Every text is plain
//! text: nothing in the presets or the link is interpreted as HTML.

use leptos::prelude::*;

use super::{
    app::{Ctx, STEP_HEADING},
    nav::step_title,
    settings_card::SourceLink,
    widgets::Widget,
};
use crate::{presets::Step, text::fill_app};

#[component]
pub fn Walkthrough(step: &'static Step) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Each text follows the language in place: the step's widget keeps what was typed in it.
    let text = move |t: &'static crate::presets::Localized| move || fill_app(t.get(ctx.lang.get()), &ctx.app_name());
    let route = ctx.state.with_untracked(|s| s.route.clone());
    view! {
        <h1 id=STEP_HEADING tabindex="-1" node_ref=ctx.heading>{move || step_title(&ctx, &route, &step.id)}</h1>
        {step.body.iter().map(|p| view! { <p>{text(p)}</p> }).collect_view()}
        {(!step.actions.is_empty()).then(|| view! {
            <ol class="actions">{step.actions.iter().map(|a| view! { <li>{text(a)}</li> }).collect_view()}</ol>
        })}
        {step.link.as_ref().map(|link| view! {
            <p>
                <a class="external" href=link.url.clone() target="_blank" rel="noopener noreferrer">
                    {text(&link.label)}
                </a>
            </p>
        })}
        {step.widget.map(|widget| view! { <Widget widget=widget /> })}
        {step.trouble.as_ref().map(|trouble| view! {
            <details class="trouble">
                <summary>{text(&trouble.summary)}</summary>
                <ul>{trouble.items.iter().map(|i| view! { <li>{text(i)}</li> }).collect_view()}</ul>
            </details>
        })}
        <p><SourceLink source=&step.source /></p>
    }
}
