//! A round-robin TCP balancer on loopback: one address in front of several server instances,
//! each new connection to the next instance, as a load balancer in front of a scaled-out
//! state API does. A client's retry on a new connection lands on another instance.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};

/// A running balancer; dropping it stops accepting.
pub struct Balancer {
    pub addr: SocketAddr,
    /// Connections handed to each instance so far.
    pub handed: Arc<Vec<AtomicUsize>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Balancer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Balancer {
    pub async fn start(instances: Vec<SocketAddr>) -> Balancer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a balancer port");
        let addr = listener.local_addr().expect("the balancer address");
        let handed: Arc<Vec<AtomicUsize>> =
            Arc::new(instances.iter().map(|_| AtomicUsize::new(0)).collect());
        let counts = handed.clone();
        let task = tokio::spawn(async move {
            let mut next = 0usize;
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    continue;
                };
                let index = next % instances.len();
                next += 1;
                counts[index].fetch_add(1, Ordering::Relaxed);
                let upstream = instances[index];
                tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        Balancer { addr, handed, task }
    }

    /// Connections per instance, in order.
    pub fn spread(&self) -> Vec<usize> {
        self.handed
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .collect()
    }
}
