//! Async work that runs one at a time (a DNS check, a verification): a request while a run is
//! under way is dropped, and the last result is hidden while a new run is under way.

use leptos::prelude::*;

/// Runs `action` with `input`, unless a run is under way.
pub fn run_once<I: 'static, O: 'static>(action: Action<I, O>, input: I) {
    if !action.pending().get_untracked() {
        action.dispatch_local(input);
    }
}

/// The last run's result, `None` while a run is under way or before the first one ends.
pub fn settled<I: 'static, O: Clone + 'static>(action: Action<I, O>) -> Option<O> {
    if action.pending().get() {
        None
    } else {
        action.value().get()
    }
}
