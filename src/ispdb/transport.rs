//! The database over HTTP from the browser: one GET per domain through the DNS transport's
//! (never a redirect followed), a time limit, a size cap, and a per-page cache (an answer is
//! asked once an hour at most).

use std::{cell::RefCell, collections::HashMap, pin::pin, rc::Rc};

use futures_util::future::{Either, select};
use gloo_timers::future::TimeoutFuture;

use super::{
    config::MAX_BYTES,
    service::Service,
    ways::{Database, Reply},
};
use crate::{
    dns::transport::get,
    resolver::{Failure, LookupError},
};

const TIMEOUT_MS: u32 = 6_000;
/// How long a listed or unlisted domain is kept, in milliseconds: the database changes
/// seldom, and a failure is never kept.
const KEPT_MS: f64 = 3_600_000.0;

pub struct Client {
    service: Service,
    cache: RefCell<HashMap<String, (f64, Reply)>>,
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

impl Client {
    /// The page's client for `service`: one at a time, so that every screen shares its cache.
    pub fn shared(service: &Service) -> Rc<Client> {
        SHARED.with(|cell| {
            let mut cell = cell.borrow_mut();
            match cell.as_ref() {
                Some(existing) if existing.service == *service => existing.clone(),
                _ => {
                    let fresh = Rc::new(Client {
                        service: service.clone(),
                        cache: RefCell::default(),
                    });
                    *cell = Some(fresh.clone());
                    fresh
                }
            }
        })
    }

    async fn fetch(&self, url: &str) -> Reply {
        let response = match get(url, [("", ""), ("", "")], "application/xml, text/xml").await {
            Ok(response) if response.status() == 200 => response,
            Ok(response) => return Reply::Failed(Failure::Http(response.status())),
            Err(LookupError::Temporary(Failure::Http(404))) => return Reply::NotListed,
            Err(LookupError::Temporary(Failure::Network)) if !crate::browser::online() => return Reply::Offline,
            Err(LookupError::Temporary(failure)) => return Reply::Failed(failure),
            Err(LookupError::NxDomain) => return Reply::Failed(Failure::Network),
        };
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|l| l.parse::<usize>().ok());
        if declared.is_some_and(|l| l > MAX_BYTES) {
            return Reply::Failed(Failure::Malformed);
        }
        match response.text().await {
            Ok(text) if text.len() <= MAX_BYTES => Reply::Listed(text),
            Ok(_) => Reply::Failed(Failure::Malformed),
            Err(_) => Reply::Failed(Failure::Network),
        }
    }
}

impl Database for Client {
    async fn get(&self, domain: &str) -> Reply {
        let now = js_sys::Date::now();
        if let Some((_, kept)) = self.cache.borrow().get(domain).filter(|(until, _)| *until > now) {
            return kept.clone();
        }
        let Some(url) = self.service.url_for(domain) else {
            return Reply::NotListed;
        };
        let reply = match select(pin!(self.fetch(&url)), TimeoutFuture::new(TIMEOUT_MS)).await {
            Either::Left((reply, _)) => reply,
            Either::Right(_) => Reply::Failed(Failure::Timeout),
        };
        if matches!(reply, Reply::Listed(_) | Reply::NotListed) {
            self.cache
                .borrow_mut()
                .insert(domain.to_owned(), (now + KEPT_MS, reply.clone()));
        }
        reply
    }
}
