//! Empty: this package only runs the domain's test files in wasm32 (see Cargo.toml).
