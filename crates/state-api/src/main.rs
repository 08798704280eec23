//! The `state-api` binary: `state-api serve --listen 127.0.0.1:8787 --data-dir DIR`.
//!
//! Glue only: parse flags, set up logging, build a [`state_api::Config`], serve. It never logs
//! personal data.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "state-api",
    about = "ThüringenApp's reference state API server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API.
    Serve {
        /// Address to listen on (loopback by default).
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: SocketAddr,
        /// Directory for the SQLite database.
        #[arg(long, default_value = "state-api-data")]
        data_dir: PathBuf,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!(%error, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve { listen, data_dir } => {
            let catalog = load_catalog()?;
            let config = state_api::Config::new(data_dir, catalog);
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
            let local = listener.local_addr().map_err(|e| e.to_string())?;
            tracing::info!(address = %local, "state API listening");
            state_api::serve(listener, config)
                .await
                .map_err(|e| e.to_string())
        }
    }
}

/// The catalog to serve. Until the seed-catalog crate lands, an empty catalog.
fn load_catalog() -> Result<domain::Catalog, String> {
    Ok(domain::Catalog {
        version: "empty".to_string(),
        ..Default::default()
    })
}
