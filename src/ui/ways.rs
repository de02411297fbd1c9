//! The ways to send: Microsoft 365's method chooser and the ways out when a mailbox refuses
//! passwords. A part of its own (`lazy::ways`), light beside the relay's (no DNS, no SPF), so
//! that a link to these steps does not wait for the relay's code.

use leptos::prelude::*;

use super::{app::Ctx, lazy};
use crate::{
    browser,
    m365::{self, Method, Question, Replies},
    presets::{self, Localized},
    text::relay::{self as words, R},
    timeline,
    wizard::Route,
};

#[component]
pub fn MethodChooser() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let phase = timeline::phase(browser::today());
    let lang = ctx.lang;
    let provider = ctx.state.with_untracked(|s| s.route.provider());
    // The comparison's cells, worded once per language rather than once a cell.
    let facts = Memo::new(move |_| provider.map(|p| Method::ALL.map(|m| words::method_facts(p, m, phase, lang.get()))));
    // A text of the screen, following the language in place.
    let r = move |key: R| move || key.get(lang.get());
    // Kept in `Ctx`: the replies survive a language switch and a visit to another step.
    let replies = ctx.answers;
    let question = move |question: Question| {
        let name = format!("q-{}", question.id());
        let choice = move |yes: bool| {
            let id = format!("{name}-{}", if yes { "yes" } else { "no" });
            view! {
                <input type="radio" id=id.clone() name=name.clone() prop:checked=move || replies.with(|r| r.get(question) == Some(yes))
                    on:change=move |_| replies.update(|r| r.set(question, yes)) />
                <label for=id class="inline">{r(if yes { R::AnswerYes } else { R::AnswerNo })}</label>
            }
        };
        view! {
            <li>
                <fieldset class="question" data-question=question.id()>
                    <legend>{move || words::question(question, phase, lang.get())}</legend>
                    {choice(true)}
                    {choice(false)}
                </fieldset>
            </li>
        }
    };
    // Most who answer go on to the relay, whose code is the largest part: it comes while
    // they read.
    browser::when_idle(|| {
        leptos::task::spawn_local(async {
            let _ = lazy::preload_relay().await;
        })
    });
    let recommended = Memo::new(move |_| {
        replies
            .with(Replies::complete)
            .map(|answers| m365::recommend(answers, phase))
    });
    view! {
        <p class="timeline-now" data-phase=words::phase_id(phase)>{move || words::timeline_now(phase, lang.get())}</p>
        <ul class="checks questions">{Question::ALL.map(question).collect_view()}</ul>
        <div class="recommendation" role="status">
            {move || match recommended.get() {
                None => view! { <p class="answer-first">{r(R::AnswerFirst)}</p> }.into_any(),
                Some(recommendation) => {
                    let lang = lang.get();
                    view! {
                    <h2 data-recommended=recommendation.method.branch()>
                        {R::recommended(lang, words::method(recommendation.method, lang))}
                    </h2>
                    <ul>{recommendation.reasons.iter().map(|reason| view! { <li>{words::reason(*reason, phase, lang)}</li> }).collect_view()}</ul>
                    }.into_any()
                }
            }}
        </div>
        // Every way stays open to whoever already knows theirs; the recommended one leads.
        <div class="step-buttons">
            {Method::ALL.map(|method| {
                let branch = method.branch();
                let to = ctx.state.with_untracked(|s| s.route.with_branch(branch));
                let primary = move || recommended.with(|r| r.as_ref().is_some_and(|r| r.method == method));
                view! {
                    <button type="button" class=move || if primary() { "primary" } else { "secondary" } data-method=branch
                        on:click=move |_| if let Some(to) = to.clone() { ctx.go(to) }>
                        {move || R::choose(lang.get(), words::method(method, lang.get()))}
                    </button>
                }
            }).collect_view()}
        </div>
        <h2>{r(R::Compare)}</h2>
        <div class="table-scroll">
            <table class="compare">
                <thead>
                    <tr><th scope="col"></th>
                        {Method::ALL.map(|m| view! { <th scope="col">{move || words::method(m, lang.get())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {[R::Server, R::Port, R::Security, R::Authentication, R::Receivers, R::Limits, R::Needs].into_iter().enumerate().map(|(i, key)| view! {
                        <tr>
                            <th scope="row">{r(key)}</th>
                            {(0..Method::ALL.len()).map(|m| view! { <td>{move || facts.with(|f| f.as_ref().map(|f| f[m][i].clone()))}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The ways to send when the mailbox's own SMTP refuses passwords: each sending service
/// (started with the same domain) and the provider's own ways out, side by side.
#[component]
pub fn WaysOut() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let route = ctx.state.with_untracked(|s| s.route.clone());
    let own = route
        .provider()
        .map(|p| p.guide().ways_out.as_slice())
        .unwrap_or_default();
    // A way's cells: its name, what it needs, what it costs, and how to take it.
    let cells = move |name: AnyView, needs: &'static Localized, cost: &'static Localized, action: AnyView| {
        view! { <th scope="row">{name}</th><td>{ctx.local(needs)}</td><td>{ctx.local(cost)}</td><td>{action}</td> }
    };
    let services = presets::sending_services().filter_map(|service| {
        let offer = service.guide().offer.as_ref()?;
        let to = route.with_provider(&service.id);
        let name = ctx.local(&service.name);
        let action = view! {
            <button type="button" class="secondary" data-provider=service.id.clone() on:click=move |_| ctx.go(to.clone())>
                {move || R::set_up(ctx.lang.get(), name())}
            </button>
        };
        Some(view! { <tr data-way-out=service.id.clone()>{cells(name.into_any(), &offer.needs, &offer.cost, action.into_any())}</tr> })
    }).collect_view();
    let others = own.iter().map(|way| {
        let action = if way.ruled_out {
            view! { <strong class="ruled-out">{move || R::RuledOut.get(ctx.lang.get())}</strong> }.into_any()
        } else if let Some(to) = way.step.as_deref().filter(|s| route.has_step(s)).map(|s| Route { step: s.to_owned(), ..route.clone() }) {
            view! {
                <button type="button" class="secondary" data-step=to.step.clone() on:click=move |_| ctx.go(to.clone())>{move || R::OpenStep.get(ctx.lang.get())}</button>
            }.into_any()
        } else {
            ().into_any()
        };
        let name = way.title.as_ref().map(|t| ctx.local(t)).into_any();
        view! { <tr class:ruled-out=way.ruled_out>{cells(name, &way.needs, &way.cost, action)}</tr> }
    }).collect_view();
    view! {
        <div class="table-scroll">
            <table class="compare ways-out">
                <thead>
                    <tr>
                        {[R::WayOut, R::Needs, R::Cost].map(|key| view! { <th scope="col">{move || key.get(ctx.lang.get())}</th> })}
                        <th scope="col"><span class="visually-hidden">{move || R::Action.get(ctx.lang.get())}</span></th>
                    </tr>
                </thead>
                <tbody>{services}{others}</tbody>
            </table>
        </div>
    }
}
