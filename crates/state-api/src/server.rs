//! Runs the router on a listener: one task per connection, a header-read timeout against slow
//! clients, graceful shutdown, and the background sweep of expired submissions.
//!
//! It never binds sockets itself (the caller passes a listener, so tests use `127.0.0.1:0`).

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::config::Config;
use crate::error::Error;
use crate::state::AppState;

/// Serves `config` on `listener` until a shutdown signal (Ctrl-C, SIGTERM) or until the
/// returned future is dropped (which ends every connection). No back office.
pub async fn serve(listener: TcpListener, config: Config) -> Result<(), Error> {
    serve_with_back_office(listener, None, config).await
}

/// Serves the public API on `listener` and, if given, the back office on `back_office` (a
/// listener of its own, so it is never reachable where the public API is), until a shutdown
/// signal.
pub async fn serve_with_back_office(
    listener: TcpListener,
    back_office: Option<TcpListener>,
    config: Config,
) -> Result<(), Error> {
    let state = AppState::new(config)?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop.send(true);
    });
    let until_stopped = |mut stopped: tokio::sync::watch::Receiver<bool>| async move {
        let _ = stopped.wait_for(|s| *s).await;
    };
    match back_office {
        None => serve_with_shutdown(listener, state, until_stopped(stopped)).await,
        Some(back_office) => {
            let office = serve_back_office_with_shutdown(
                back_office,
                state.clone(),
                until_stopped(stopped.clone()),
            );
            let public = serve_with_shutdown(listener, state, until_stopped(stopped));
            let (public, office) = tokio::join!(public, office);
            public.and(office)
        }
    }
}

/// Serves the public API of `state` on `listener` until `shutdown` completes; open requests
/// get a few seconds. Runs the background sweep.
pub async fn serve_with_shutdown(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> Result<(), Error> {
    let app = crate::http::router(state.clone());
    run(listener, app, &state, true, shutdown).await
}

/// Serves the back office of `state` (`/admin/v1/...`) on `listener` until `shutdown`.
pub async fn serve_back_office_with_shutdown(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> Result<(), Error> {
    let app = crate::http::back_office_router(state.clone());
    run(listener, app, &state, false, shutdown).await
}

async fn run(
    listener: TcpListener,
    app: axum::Router,
    state: &AppState,
    background_tasks: bool,
    shutdown: impl Future<Output = ()>,
) -> Result<(), Error> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(state.config().limits.header_read_timeout);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut background = JoinSet::new();
    if background_tasks {
        for task in state.background_tasks() {
            background.spawn(task);
        }
    }
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors and the like: wait a little, do not spin.
                        tracing::warn!(%error, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let app = app.clone();
                let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
                    request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                    app.clone().oneshot(request)
                });
                let connection = builder
                    .serve_connection_with_upgrades(TokioIo::new(stream), service)
                    .into_owned();
                let watched = graceful.watch(connection);
                connections.spawn(async move {
                    if let Err(error) = watched.await {
                        tracing::debug!(%error, "connection ended with an error");
                    }
                });
            }
        }
    }
    tracing::info!("shutting down");
    drop(listener);
    background.abort_all();
    if tokio::time::timeout(Duration::from_secs(5), graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("open connections did not finish in time");
    }
    connections.abort_all();
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
