//! DNS over HTTPS from the browser (RFC 8484, GET with `?dns=`): the only code that speaks
//! HTTP. A time limit per query, one retry on another resolver, a per-page cache that
//! honours TTLs, and a handful of queries in flight at most.

use std::{
    cell::{Cell, RefCell},
    future::Future,
    pin::pin,
    rc::Rc,
};

use async_lock::Semaphore;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use futures_util::future::{Either, select};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsValue;

use super::{
    cache::{Answer, Cache},
    endpoint::Endpoint,
    json::{self, JsonAnswer, JsonRecord},
    message,
};
use crate::resolver::{Failure, LookupError, Rdata, RecordType, Resolver};

const TIMEOUT_MS: u32 = 5_000;
const IN_FLIGHT: usize = 6;

pub struct DohResolver {
    endpoint: Endpoint,
    cache: RefCell<Cache>,
    slots: Semaphore,
    sent: Cell<usize>,
}

thread_local! {
    static SHARED: RefCell<Option<Rc<DohResolver>>> = const { RefCell::new(None) };
}

impl DohResolver {
    /// The page's resolver for `endpoint`: one at a time, so every check shares its cache.
    pub fn shared(endpoint: &Endpoint) -> Rc<DohResolver> {
        SHARED.with(|cell| {
            let mut cell = cell.borrow_mut();
            match cell.as_ref() {
                Some(existing) if existing.endpoint() == endpoint => existing.clone(),
                _ => {
                    let fresh = Rc::new(DohResolver::new(endpoint.clone()));
                    *cell = Some(fresh.clone());
                    fresh
                }
            }
        })
    }

    pub fn new(endpoint: Endpoint) -> DohResolver {
        DohResolver {
            endpoint,
            cache: RefCell::default(),
            slots: Semaphore::new(IN_FLIGHT),
            sent: Cell::new(0),
        }
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Queries sent over the network so far (cache hits excluded).
    pub fn sent(&self) -> usize {
        self.sent.get()
    }

    /// Forgets cached answers, for "check again".
    pub fn forget(&self) {
        self.cache.borrow_mut().clear();
    }

    async fn ask(&self, endpoint: &Endpoint, name: &str, kind: RecordType) -> Answer {
        self.sent.set(self.sent.get() + 1);
        match with_timeout(wire(endpoint, name, kind)).await {
            // Some resolvers refuse the wire format from some networks; their JSON dialect
            // carries the same answer.
            Err(LookupError::Temporary(Failure::Http(status)))
                if endpoint.json_url().is_some() && (400..500).contains(&status) && kind != RecordType::ChaosTxt =>
            {
                with_timeout(json_dialect(endpoint, name, kind)).await
            }
            other => other,
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

async fn with_timeout(query: impl Future<Output = Answer>) -> Answer {
    match select(pin!(query), TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((answer, _)) => answer,
        Either::Right(_) => Err(LookupError::Temporary(Failure::Timeout)),
    }
}

/// A GET with query parameters (gloo-net appends them to the URL's own) and an `Accept`
/// type; a network failure or a non-2xx status is a temporary failure. The page's one way of
/// asking a service: the DNS resolver here, Thunderbird's database in `ispdb::transport`.
///
/// A redirect is never followed: the names go to the service the user chose or none. The
/// browser's `manual` mode stops at the redirect and, unlike `error`, lets it be told apart
/// from a network failure.
pub(crate) async fn get(
    url: &str,
    query: [(&str, &str); 2],
    accept: &str,
) -> Result<gloo_net::http::Response, LookupError> {
    let params = query.into_iter().filter(|(name, _)| !name.is_empty());
    let response = Request::get(url)
        .query(params)
        .header("accept", accept)
        .redirect(web_sys::RequestRedirect::Manual)
        .send()
        .await
        .map_err(|_| LookupError::Temporary(Failure::Network))?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect {
        return Err(LookupError::Temporary(Failure::Redirected));
    }
    if response.ok() {
        Ok(response)
    } else {
        Err(LookupError::Temporary(Failure::Http(response.status())))
    }
}

async fn wire(endpoint: &Endpoint, name: &str, kind: RecordType) -> Answer {
    let query = URL_SAFE_NO_PAD.encode(message::query(name, kind).ok_or(LookupError::NxDomain)?);
    let response = get(
        endpoint.wire_url(),
        [("dns", &query), ("", "")],
        "application/dns-message",
    )
    .await?;
    let body = response
        .binary()
        .await
        .map_err(|_| LookupError::Temporary(Failure::Network))?;
    message::decode(&body, kind)
}

async fn json_dialect(endpoint: &Endpoint, name: &str, kind: RecordType) -> Answer {
    let base = endpoint.json_url().ok_or(LookupError::Temporary(Failure::Http(415)))?;
    let response = get(base, [("name", name), ("type", kind.name())], "application/dns-json").await?;
    let text = response
        .text()
        .await
        .map_err(|_| LookupError::Temporary(Failure::Network))?;
    let parsed = js_sys::JSON::parse(&text).map_err(|_| LookupError::Temporary(Failure::Malformed))?;
    json::decode(&read_json(&parsed), kind)
}

/// Reads the fields of a parsed JSON answer; missing fields read as empty.
fn read_json(value: &JsValue) -> JsonAnswer {
    let field = |object: &JsValue, key: &str| {
        js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let answer = js_sys::Array::from(&field(value, "Answer"));
    JsonAnswer {
        status: field(value, "Status").as_f64().unwrap_or(2.0) as u8,
        truncated: field(value, "TC").as_bool().unwrap_or(false),
        answer: answer
            .iter()
            .map(|r| JsonRecord {
                name: field(&r, "name").as_string().unwrap_or_default(),
                rtype: field(&r, "type").as_f64().unwrap_or(0.0) as u16,
                ttl: field(&r, "TTL").as_f64().unwrap_or(0.0) as u32,
                data: field(&r, "data").as_string().unwrap_or_default(),
            })
            .collect(),
    }
}

impl Resolver for DohResolver {
    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<Rdata>, LookupError> {
        self.lookup_with_ttl(name, kind).await.map(|(records, _)| records)
    }

    async fn lookup_with_ttl(&self, name: &str, kind: RecordType) -> Answer {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if let Some(hit) = self.cache.borrow().get(&name, kind, now()) {
            return hit;
        }
        let answer = {
            let _slot = self.slots.acquire().await;
            match self.ask(&self.endpoint, &name, kind).await {
                Err(LookupError::Temporary(_)) if self.endpoint.fallback().is_some() => {
                    let fallback = self.endpoint.fallback().expect("checked");
                    self.ask(&fallback, &name, kind).await
                }
                answer => answer,
            }
        };
        self.cache.borrow_mut().put(&name, kind, &answer, now());
        answer
    }
}
