//! A fault-injecting TCP proxy on loopback, between the app's client and the state API.
//!
//! Every request (the first client bytes after a response) draws one fate from a seeded RNG:
//! pass through, refuse (close at once), answer itself with 500/502/503 or 429 + `Retry-After` (the request never reaches
//! the server), cut the request after a random number of bytes (mid-request, mid-upload), cut
//! the response after a random number of bytes (the server did the work, the answer is lost
//! or truncated), or add delays to every piece. Kept-alive connections get a fate per request, so
//! faults land on the first request of a connection as often as on the hundredth. The upstream can be switched (a restarted
//! server on a new port), and [`FaultProxy::set_offline`] cuts everything like a lost network.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// What happens to one connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Pass,
    Refuse,
    Answer { status: u16 },
    CutRequestAfter(usize),
    CutResponseAfter(usize),
    Delay(Duration),
}

/// How often each fault happens (per connection, out of 1.0; the rest passes).
#[derive(Debug, Clone, Copy)]
pub struct FaultRates {
    pub refuse: f64,
    pub answer_5xx: f64,
    pub answer_429: f64,
    pub cut_request: f64,
    pub cut_response: f64,
    pub delay: f64,
}

impl FaultRates {
    pub fn none() -> Self {
        FaultRates {
            refuse: 0.0,
            answer_5xx: 0.0,
            answer_429: 0.0,
            cut_request: 0.0,
            cut_response: 0.0,
            delay: 0.0,
        }
    }
    pub fn harsh() -> Self {
        FaultRates {
            refuse: 0.05,
            answer_5xx: 0.08,
            answer_429: 0.05,
            cut_request: 0.12,
            cut_response: 0.12,
            delay: 0.08,
        }
    }
}

/// Counts of what the proxy did.
#[derive(Debug, Default)]
pub struct Stats {
    pub connections: AtomicU64,
    pub refused: AtomicU64,
    pub answered: AtomicU64,
    pub cut_request: AtomicU64,
    pub cut_response: AtomicU64,
    pub delayed: AtomicU64,
    pub upstream_down: AtomicU64,
}

impl Stats {
    pub fn summary(&self) -> String {
        let g = |a: &AtomicU64| a.load(Ordering::Relaxed);
        format!(
            "connections {}, refused {}, 5xx/429 answered {}, cut mid-request {}, cut mid-response {}, delayed {}, upstream down {}",
            g(&self.connections),
            g(&self.refused),
            g(&self.answered),
            g(&self.cut_request),
            g(&self.cut_response),
            g(&self.delayed),
            g(&self.upstream_down)
        )
    }
}

struct Shared {
    upstream: Mutex<SocketAddr>,
    rng: Mutex<StdRng>,
    rates: Mutex<FaultRates>,
    offline: AtomicBool,
    /// Fates for the next request that starts with these bytes, before the random draw
    /// (targeted faults; each is used once).
    next: Mutex<Vec<(Vec<u8>, Fate)>>,
    kill: watch::Sender<u64>,
    stats: Stats,
}

/// A running proxy; dropping it stops accepting.
pub struct FaultProxy {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultProxy {
    pub async fn start(upstream: SocketAddr, seed: u64, rates: FaultRates) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a proxy port");
        let addr = listener.local_addr().expect("the proxy address");
        let shared = Arc::new(Shared {
            upstream: Mutex::new(upstream),
            rng: Mutex::new(StdRng::seed_from_u64(seed)),
            rates: Mutex::new(rates),
            offline: AtomicBool::new(false),
            next: Mutex::new(Vec::new()),
            kill: watch::channel(0).0,
            stats: Stats::default(),
        });
        let serving = shared.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                let shared = serving.clone();
                tokio::spawn(async move { handle(shared, client).await });
            }
        });
        FaultProxy { addr, shared, task }
    }

    pub fn base(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn set_upstream(&self, upstream: SocketAddr) {
        if let Ok(mut current) = self.shared.upstream.lock() {
            *current = upstream;
        }
    }

    pub fn set_rates(&self, rates: FaultRates) {
        if let Ok(mut current) = self.shared.rates.lock() {
            *current = rates;
        }
    }

    /// Like pulling the cable: open connections are cut, new ones refused.
    pub fn set_offline(&self, offline: bool) {
        self.shared.offline.store(offline, Ordering::SeqCst);
        if offline {
            self.shared.kill.send_modify(|n| *n += 1);
        }
    }

    /// The next request that starts with `start` (e.g. `POST /oauth/token`) gets `fate`,
    /// whatever the rates say (the answer to a refresh lost: `Fate::CutResponseAfter(0)`).
    pub fn next_request(&self, start: &str, fate: Fate) {
        if let Ok(mut next) = self.shared.next.lock() {
            next.push((start.as_bytes().to_vec(), fate));
        }
    }

    pub fn stats(&self) -> &Stats {
        &self.shared.stats
    }
}

fn fate(shared: &Shared, request: &[u8]) -> Fate {
    if let Ok(mut next) = shared.next.lock() {
        if let Some(i) = next
            .iter()
            .position(|(start, _)| request.starts_with(start))
        {
            return next.remove(i).1;
        }
    }
    let rates = shared
        .rates
        .lock()
        .map(|r| *r)
        .unwrap_or(FaultRates::none());
    let Ok(mut rng) = shared.rng.lock() else {
        return Fate::Pass;
    };
    let draw: f64 = rng.gen();
    let mut edge = 0.0;
    let mut hit = |rate: f64| {
        edge += rate;
        draw < edge
    };
    if hit(rates.refuse) {
        Fate::Refuse
    } else if hit(rates.answer_5xx) {
        Fate::Answer {
            status: [500, 502, 503][rng.gen_range(0..3)],
        }
    } else if hit(rates.answer_429) {
        Fate::Answer { status: 429 }
    } else if hit(rates.cut_request) {
        Fate::CutRequestAfter(rng.gen_range(0..48 * 1024))
    } else if hit(rates.cut_response) {
        Fate::CutResponseAfter(rng.gen_range(0..4 * 1024))
    } else if hit(rates.delay) {
        Fate::Delay(Duration::from_millis(rng.gen_range(5..120)))
    } else {
        Fate::Pass
    }
}

async fn handle(shared: Arc<Shared>, client: TcpStream) {
    let stats = &shared.stats;
    stats.connections.fetch_add(1, Ordering::Relaxed);
    if shared.offline.load(Ordering::SeqCst) {
        stats.refused.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let upstream = match shared.upstream.lock() {
        Ok(upstream) => *upstream,
        Err(_) => return,
    };
    let Ok(server) = TcpStream::connect(upstream).await else {
        stats.upstream_down.fetch_add(1, Ordering::Relaxed);
        return;
    };
    let _ = server.set_nodelay(true);
    let _ = client.set_nodelay(true);
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let mut kill = shared.kill.subscribe();
    let mut up = vec![0u8; 16 * 1024];
    let mut down = vec![0u8; 16 * 1024];
    // A fate is drawn for every request: the first client bytes after a response start one.
    let mut new_request = true;
    let (mut up_budget, mut down_budget, mut delay): (
        Option<usize>,
        Option<usize>,
        Option<Duration>,
    ) = (None, None, None);
    loop {
        tokio::select! {
            read = client_read.read(&mut up) => {
                let n = match read { Ok(0) | Err(_) => return, Ok(n) => n };
                if new_request {
                    new_request = false;
                    (up_budget, down_budget, delay) = (None, None, None);
                    match fate(&shared, &up[..n]) {
                        Fate::Pass => {}
                        Fate::Refuse => {
                            stats.refused.fetch_add(1, Ordering::Relaxed);
                            return;
                        }
                        Fate::Answer { status } => {
                            stats.answered.fetch_add(1, Ordering::Relaxed);
                            let reason = match status {
                                429 => "Too Many Requests\r\nRetry-After: 1",
                                500 => "Internal Server Error",
                                502 => "Bad Gateway",
                                _ => "Service Unavailable",
                            };
                            let answer = format!(
                                "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nfault"
                            );
                            let _ = client_write.write_all(answer.as_bytes()).await;
                            let _ = client_write.shutdown().await;
                            return;
                        }
                        Fate::CutRequestAfter(n) => {
                            stats.cut_request.fetch_add(1, Ordering::Relaxed);
                            up_budget = Some(n);
                        }
                        Fate::CutResponseAfter(n) => {
                            stats.cut_response.fetch_add(1, Ordering::Relaxed);
                            down_budget = Some(n);
                        }
                        Fate::Delay(d) => {
                            stats.delayed.fetch_add(1, Ordering::Relaxed);
                            delay = Some(d);
                        }
                    }
                }
                if !forward(&up[..n], &mut server_write, &mut up_budget, delay).await {
                    return;
                }
            }
            read = server_read.read(&mut down) => {
                let n = match read { Ok(0) | Err(_) => return, Ok(n) => n };
                new_request = true;
                if !forward(&down[..n], &mut client_write, &mut down_budget, delay).await {
                    return;
                }
            }
            _ = kill.changed() => return,
        }
    }
}

/// Forwards `bytes` within `budget` (then the connection is cut: false).
async fn forward(
    bytes: &[u8],
    to: &mut tokio::net::tcp::OwnedWriteHalf,
    budget: &mut Option<usize>,
    delay: Option<Duration>,
) -> bool {
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let allowed = budget.map_or(bytes.len(), |b| bytes.len().min(b));
    if allowed > 0 && to.write_all(&bytes[..allowed]).await.is_err() {
        return false;
    }
    if let Some(b) = budget {
        *b -= allowed;
    }
    allowed == bytes.len()
}
