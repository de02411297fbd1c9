//! The DKIM records a walkthrough asks for (Microsoft 365's two CNAMEs, Google's key, a
//! sending service's records), read from DNS for the route's domain and provider, and read
//! again on demand once published.

use leptos::prelude::*;

use super::{app::Ctx, dns_checks::resolver};
use crate::{
    dns::checks::{self, Published},
    text::{
        dns as dns_words,
        relay::{self as words, R},
    },
};

#[component]
pub fn DkimRecords() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (domain, selectors) = ctx.state.with_untracked(|s| {
        let selectors = s.route.provider().map(|p| p.dkim_selectors.clone()).unwrap_or_default();
        (s.route.domain.clone(), selectors)
    });
    let (Some(domain), false) = (domain, selectors.is_empty()) else {
        return ().into_any();
    };
    let again = RwSignal::new(0_u32);
    let records = LocalResource::new({
        let (resolver, domain) = (resolver(&ctx), domain.clone());
        move || {
            again.track();
            let (resolver, domain, selectors) = (resolver.clone(), domain.clone(), selectors.clone());
            async move { checks::dkim_records(&*resolver, &domain, &selectors).await }
        }
    });
    let title = domain.clone();
    view! {
        <div class="dkim-records" role="status">
            <h3>{move || R::dkim_title(ctx.lang.get(), &title)}</h3>
            {move || records.get().map(|fetched| {
                let lang = ctx.lang.get();
                match fetched {
                    Err(failure) => view! { <p class="error">{R::mx_failed(lang, dns_words::failure(failure, lang))}</p> }.into_any(),
                    Ok(list) => {
                        let done = list.iter().all(|r| matches!(r.published, Published::Cname(_) | Published::Key(crate::dns::dkim::Key::Valid)));
                        view! {
                            <ul>
                                {list.iter().map(|r| {
                                    let state = match r.published {
                                        Published::Missing => "missing",
                                        Published::Cname(_) | Published::Key(crate::dns::dkim::Key::Valid) => "published",
                                        Published::Key(_) => "broken",
                                    };
                                    view! { <li data-selector=r.selector.clone() data-state=state>{words::dkim_record(r, &domain, lang)}</li> }
                                }).collect_view()}
                            </ul>
                            {done.then(|| view! { <p class="ok">{R::DkimDone.get(lang)}</p> })}
                        }.into_any()
                    }
                }
            })}
            <button type="button" class="secondary" data-action="dkim-again" on:click=move |_| again.update(|n| *n += 1)>
                {move || R::DkimCheckAgain.get(ctx.lang.get())}
            </button>
        </div>
    }
    .into_any()
}
