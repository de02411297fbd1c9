//! The page: shared state (language, URL state, the typed address), URL synchronisation, and
//! the choice of the screen to show.

use leptos::{prelude::*, reactive::graph::Source};

use super::{
    address_step::AddressStep,
    lazy::{self, Deferred},
    nav::{PageLink, StepButtons},
    notices::Notices,
};
use crate::{
    address::Address,
    browser,
    i18n::Lang,
    presets::{self, App as AppProfile, AppIndex},
    text::{T, screens::W},
    url_state::{self, HistoryWrite, Notice, Tool, UrlState},
    wizard::{Route, Screen},
};

/// State shared by every component. The address lives only in memory: it is never written
/// to the URL or to storage.
///
/// In reactive_graph 0.2.16 a closure or effect that is dropped stays in the subscriber list
/// of every `RwSignal` or `Memo` it read, holding a 48-byte block: each screen ever shown left
/// its readers of the state and the language there (issue 25's heap growth). So the state
/// and the language (a signal, not a `Memo` of the state) are written by `write` only, which
/// empties their lists after each write, as a `WriteSignal`'s own write does.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    /// The browser's language, for a link that names none.
    browser_lang: Lang,
    pub state: RwSignal<UrlState>,
    pub address: RwSignal<Option<Address>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The Microsoft 365 relay's inputs, kept while moving between its steps.
    pub relay: RwSignal<crate::m365::RelayInputs>,
    /// The server host a control panel shows (OVHcloud E-mail Pro, Hosted Exchange), as typed.
    pub typed_host: RwSignal<Option<String>>,
    /// The address as typed on the first screen, sent or not (memory only).
    pub draft: RwSignal<String>,
    /// The replies to Microsoft 365's method screen.
    pub answers: RwSignal<crate::m365::Replies>,
    /// The current screen's code could not be downloaded: Next waits for it.
    pub screen_missing: RwSignal<bool>,
    /// The current screen's heading, where focus goes after a move (see `go`).
    pub heading: NodeRef<leptos::html::H1>,
    /// A move is waiting for its screen's heading to take the focus.
    focus_pending: RwSignal<bool>,
}

impl Ctx {
    /// The application's profile with its form labels: for the screens after the first.
    pub fn app(&self) -> &'static AppProfile {
        self.state.with(|s| presets::app_or_default(&s.app))
    }

    /// What the first screen knows of the application (see `presets::app_index`).
    pub fn app_index(&self) -> &'static AppIndex {
        self.state.with(|s| presets::indexed_app_or_default(&s.app))
    }

    /// The application's name in the current language, as typed for an app password.
    pub fn app_name(&self) -> String {
        self.app_index().name.get(self.lang.get()).to_owned()
    }

    /// Changes the state, and sets the language from it even when it stays, then forgets
    /// their readers: those just notified subscribe again as they run, those of screens gone
    /// are let go (see `Ctx`).
    pub fn write(&self, change: impl FnOnce(&mut UrlState)) {
        self.state.update(change);
        self.lang
            .set(self.state.with_untracked(|s| s.lang).unwrap_or(self.browser_lang));
        self.state.clear_subscribers();
        self.lang.clear_subscribers();
    }

    /// Moves to another screen; the URL follows (see `App`), and focus goes to its heading.
    pub fn go(&self, route: Route) {
        self.focus_pending.set(true);
        self.write(|s| s.route = route);
    }

    /// Starts again at `route`, the typed address forgotten (another provider, Start over).
    pub fn start_over(&self, route: Route) {
        self.address.set(None);
        self.draft.set(String::new());
        self.go(route);
    }

    /// Moves to another screen and tool at once (a link inside the page).
    pub fn open(&self, state: UrlState) {
        self.focus_pending.set(true);
        self.write(|s| *s = state);
    }

    /// The other language, in place: every text follows the language signal, so no screen
    /// is rebuilt and what was typed or found stays.
    pub fn switch_language(&self) {
        let next = self.lang.get_untracked().other();
        self.write(|s| s.lang = Some(next));
    }

    /// A text of the presets in the current language: in a view, a node that follows it.
    pub fn local(
        &self,
        text: &'static crate::presets::Localized,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || text.get(lang.get())
    }

    pub fn t(&self, key: T) -> &'static str {
        key.get(self.lang.get())
    }

    /// A word of the later screens (`text::screens`), in the current language.
    pub fn w(&self, key: W) -> &'static str {
        key.get(self.lang.get())
    }
}

/// Every screen's heading carries this id, so focus can move to it after navigation.
pub const STEP_HEADING: &str = "step-heading";

#[component]
pub fn App() -> impl IntoView {
    let (initial, notices) = url_state::parse(&browser::query(), browser::to_ascii);
    let languages = browser::languages();
    let browser_lang = Lang::negotiate(None, languages.iter().map(String::as_str));
    let lang = RwSignal::new(initial.lang.unwrap_or(browser_lang));
    let state = RwSignal::new(initial);
    let ctx = Ctx {
        lang,
        browser_lang,
        state,
        address: RwSignal::new(None),
        notices: RwSignal::new(notices),
        relay: RwSignal::new(Default::default()),
        typed_host: RwSignal::new(None),
        draft: RwSignal::new(String::new()),
        answers: RwSignal::new(Default::default()),
        screen_missing: RwSignal::new(false),
        heading: NodeRef::new(),
        focus_pending: RwSignal::new(false),
    };
    provide_context(ctx);

    // The URL is written here only, from the state: a new screen is a new history entry, the
    // same screen otherwise worded or looked up rewrites the current one, and a state read
    // from the history (Back, Forward) only rewrites the entry it came from.
    let from_history = StoredValue::new(false);
    Effect::new(move |before: Option<UrlState>| {
        let now = state.get();
        let query = url_state::to_query(&now);
        let moved_in_history = from_history.try_update_value(std::mem::take).unwrap_or(false);
        if query != browser::query() {
            match before.map(|before| url_state::history_write(&before, &now)) {
                Some(HistoryWrite::Push) if !moved_in_history => browser::push(&query),
                _ => browser::replace(&query),
            }
        }
        now
    });

    // After a move, focus goes to the new screen's heading once it is drawn (a screen whose
    // code is still downloading draws it later).
    Effect::new(move |_| {
        if let Some(heading) = ctx.heading.get()
            && ctx.focus_pending.get_untracked()
        {
            ctx.focus_pending.set(false);
            let _ = heading.focus();
        }
    });

    // Back and Forward in the browser move between steps.
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let (read, notices) = url_state::parse(&browser::query(), browser::to_ascii);
        let typed = ctx.address.with_untracked(|a| a.as_ref().map(|a| a.domain.clone()));
        let (state, keep) = url_state::from_history(read, ctx.state.with_untracked(|s| s.lang), typed.as_deref());
        if !keep {
            ctx.address.set(None);
        }
        from_history.set_value(true);
        ctx.write(|s| *s = state);
        ctx.notices.set(notices);
    });
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        let lang = lang.get();
        browser::set_document(lang, &format!("mailsetup · {}", T::tagline(lang, &ctx.app_name())));
    });

    // Whoever types an address goes on to the next screens: their chunk is fetched as soon
    // as the first screen is drawn.
    browser::when_idle(|| {
        leptos::task::spawn_local(async {
            let _ = lazy::preload_screens().await;
        })
    });

    // A link to a step drawn by a part of its own (the ways', the relay's) asks for that part
    // at once, not once the screens' code has come and drawn the step. The screens' load is
    // asked for first, so the part fetches its pack without their files (`split::AFTER` in
    // xtask).
    if let Some(part) = state
        .with_untracked(|s| s.route.widget())
        .map(presets::Widget::part)
        .filter(|p| *p != presets::WidgetPart::Screens)
    {
        leptos::task::spawn_local(async {
            let _ = lazy::preload_screens().await;
        });
        leptos::task::spawn_local(async move {
            let _ = match part {
                presets::WidgetPart::Ways => lazy::preload_ways().await,
                _ => lazy::preload_relay().await,
            };
        });
    }

    if state.with_untracked(|s| s.embed) {
        browser::embed();
    }
    for theme in &ctx.app_index().theme {
        browser::set_css_property(&format!("--ms-{}", theme.property), &theme.value);
    }
    let embedded = state.with_untracked(|s| s.embed);
    let tool = Memo::new(move |_| state.with(|s| s.tool));
    let route = Memo::new(move |_| state.with(|s| s.route.clone()));
    view! {
        <header class="page-header" hidden=embedded>
            <p class="brand">"mailsetup"</p>
            <p class="tagline">{move || T::tagline(ctx.lang.get(), &ctx.app_name())}</p>
            <button type="button" class="lang-switch" lang=move || lang.get().other().code()
                on:click=move |_| ctx.switch_language()>
                {move || ctx.t(T::SwitchLanguage)}
            </button>
        </header>
        <main class="page">
            <Notices />
            {move || screen(tool, route)}
        </main>
        <footer class="page-footer" hidden=embedded>
            <nav class="tools">{move || tool_links(ctx)}</nav>
            <p>{move || ctx.t(T::Privacy)}</p>
        </footer>
    }
}

/// Links between the assistant and the tools, as real links that also open in a new tab.
fn tool_links(ctx: Ctx) -> impl IntoView {
    let state = ctx.state.get();
    let lang = ctx.lang.get();
    let link = |tool: Option<Tool>, label: T| {
        let current = (state.tool == tool).then_some("page");
        view! { <PageLink to=UrlState { tool, ..state.clone() } {..} aria-current=current>{label.get(lang)}</PageLink> }
    };
    view! {
        {link(None, T::ToolAssistant)}
        {link(Some(Tool::Spf), T::ToolSpf)}
        {link(Some(Tool::Dns), T::ToolDns)}
        {link(Some(Tool::Errors), T::ToolErrors)}
        {link(Some(Tool::Doctor), T::ToolDoctor)}
        {link(Some(Tool::Headers), T::ToolHeaders)}
        {link(Some(Tool::Link), T::ToolLink)}
    }
}

/// The screen of the current step or tool; rebuilt when the step or the tool changes, never
/// on a language switch: every text of a screen follows the language itself.
fn screen(tool: Memo<Option<Tool>>, route: Memo<Route>) -> impl IntoView {
    let Some(tool) = tool.get() else {
        return wizard_screen(route);
    };
    // Each tool's code is a chunk of its own, downloaded when the tool is first opened.
    let part = match tool {
        Tool::Spf => view! { <Deferred load=lazy::load(lazy::spf_tool) /> }.into_any(),
        Tool::Dns => view! { <Deferred load=lazy::load(lazy::dns_tool) /> }.into_any(),
        Tool::Errors => view! { <Deferred load=lazy::load(lazy::errors_tool) /> }.into_any(),
        Tool::Link => view! { <Deferred load=lazy::load(lazy::link_tool) /> }.into_any(),
        Tool::Headers => view! { <Deferred load=lazy::load(lazy::headers_tool) /> }.into_any(),
        Tool::Doctor => view! { <Deferred load=lazy::load(lazy::doctor_tool) /> }.into_any(),
    };
    view! { <section class="screen" data-tool=tool.id()>{part}</section> }.into_any()
}

fn wizard_screen(route: Memo<Route>) -> AnyView {
    let route = route.get();
    // The first screen is in the first load; the others come in a chunk fetched meanwhile.
    // A step the path does not have never comes from a link (the link's step is checked).
    let body = match route.screen() {
        Some(Screen::Address) | None => view! { <AddressStep /> }.into_any(),
        Some(screen) => view! { <Deferred load=lazy::load(move || lazy::screen(screen)) screen=true /> }.into_any(),
    };
    view! {
        <section class="screen" data-step=route.step.clone()>
            {body}
            <StepButtons />
        </section>
    }
    .into_any()
}
