//! The notices about values of the link that were not usable.

use leptos::prelude::*;

use super::app::Ctx;
use crate::text::{self, T};

#[component]
pub fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let notices = ctx.notices.get();
        let lang = ctx.lang.get();
        (!notices.is_empty()).then(|| {
            let items = notices.iter().map(|n| view! { <li>{text::notice(n, lang)}</li> }).collect_view();
            view! {
                <div class="notice" role="status">
                    <ul>{items}</ul>
                    <button type="button" class="secondary" data-action="dismiss" on:click=move |_| ctx.notices.set(Vec::new())>
                        {T::Dismiss.get(lang)}
                    </button>
                </div>
            }
        })
    }
}
