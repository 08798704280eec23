//! Destinations and their keys, FIT-Connect style. Each authority that receives applications
//! is a destination with its own signing key; its public keys are published as a key set
//! signed under the trust anchor, whose public key ships inside the app. The authority signs
//! the receipt of each application it receives with its key, so the citizen can check the
//! receipt without trusting the state API in the middle.
//!
//! In the reference setup the authority's side runs in this process: the destinations'
//! private keys live here (in memory, or in their own key directory, apart from the data
//! directory), never in the database. The trust anchor stands for the state's PKI; a
//! production anchor signs key sets offline.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use jose::claims::{KEY_SET_TYPE, RECEIPT_TYPE};
use jose::{DecryptionKey, DestinationKeys, Receipt, RsaPublicJwk, SigningKey};

use crate::error::Error;

/// How long a published key set is valid.
const KEY_SET_VALIDITY_SECS: i64 = 24 * 60 * 60;
/// A cached key set is signed again when less than this is left of it.
const KEY_SET_RENEW_SECS: i64 = 60 * 60;

/// The trust anchor and the destinations' signing keys.
pub struct Destinations {
    /// Made on first use when none was configured (a server that never publishes keys
    /// spends nothing on it).
    anchor: OnceLock<SigningKey>,
    bits: usize,
    dir: Option<PathBuf>,
    keys: Mutex<HashMap<String, Arc<SigningKey>>>,
    /// The destinations' encryption keys (RSA-OAEP-256): only the authority decrypts.
    enc_keys: Mutex<HashMap<String, Arc<DecryptionKey>>>,
    /// Signed key sets with their expiry (Unix seconds).
    published: Mutex<HashMap<String, (String, i64)>>,
}

impl std::fmt::Debug for Destinations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Destinations")
            .field("anchor", &self.anchor.get().map(SigningKey::kid))
            .finish_non_exhaustive()
    }
}

/// A file name for a destination's key (ids are catalog ids; anything else is hex-escaped).
fn file_name(destination: &str, kind: &str) -> String {
    let safe = destination
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if safe {
        format!("{destination}.{kind}.pk8")
    } else {
        format!("x{}.{kind}.pk8", hex::encode(destination))
    }
}

impl Destinations {
    /// The anchor from its PKCS #8 form, or a new one (demo and test servers: the app must
    /// then be given its public key). Destination keys of `bits` are made on first use and
    /// kept in `dir` when one is given.
    pub fn new(
        anchor_pkcs8: Option<&[u8]>,
        bits: usize,
        dir: Option<PathBuf>,
    ) -> Result<Destinations, Error> {
        let anchor = OnceLock::new();
        if let Some(der) = anchor_pkcs8 {
            let key = SigningKey::from_pkcs8("trust-anchor", der)
                .map_err(|e| Error::Config(format!("trust anchor: {e}")))?;
            let _ = anchor.set(key);
        }
        if let Some(dir) = &dir {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::Config(format!("destination key directory: {e}")))?;
        }
        Ok(Destinations {
            anchor,
            bits,
            dir,
            keys: Mutex::new(HashMap::new()),
            enc_keys: Mutex::new(HashMap::new()),
            published: Mutex::new(HashMap::new()),
        })
    }

    fn anchor_key(&self) -> Result<&SigningKey, Error> {
        if let Some(key) = self.anchor.get() {
            return Ok(key);
        }
        let made = SigningKey::generate_sized("trust-anchor", self.bits)
            .map_err(|e| Error::Task(format!("trust anchor: {e}")))?;
        Ok(self.anchor.get_or_init(|| made))
    }

    /// The anchor's public key, as the app must be built with it.
    pub fn anchor(&self) -> Result<RsaPublicJwk, Error> {
        Ok(self.anchor_key()?.public_jwk())
    }

    fn signing_key(&self, destination: &str) -> Result<Arc<SigningKey>, Error> {
        self.destination_key(
            &self.keys,
            destination,
            "sig",
            SigningKey::from_pkcs8,
            SigningKey::public_jwk,
        )
    }

    fn decryption_key(&self, destination: &str) -> Result<Arc<DecryptionKey>, Error> {
        self.destination_key(
            &self.enc_keys,
            destination,
            "enc",
            DecryptionKey::from_pkcs8,
            DecryptionKey::public_jwk,
        )
    }

    /// A destination's key of `kind` (`sig` or `enc`), kept in `keys` once made: read from the
    /// key directory, or made now (and kept there when there is one). It is named by its
    /// thumbprint, so a key made anew never goes by an old key's name.
    fn destination_key<K>(
        &self,
        keys: &Mutex<HashMap<String, Arc<K>>>,
        destination: &str,
        kind: &str,
        open: fn(String, &[u8]) -> Result<K, jose::JoseError>,
        public: fn(&K) -> RsaPublicJwk,
    ) -> Result<Arc<K>, Error> {
        let problem = |e: jose::JoseError| Error::Task(format!("destination key: {e}"));
        let mut keys = keys
            .lock()
            .map_err(|_| Error::Task("destination keys poisoned".into()))?;
        if let Some(key) = keys.get(destination) {
            return Ok(key.clone());
        }
        let path = self
            .dir
            .as_ref()
            .map(|d| d.join(file_name(destination, kind)));
        let der = match path.as_ref().filter(|p| p.exists()) {
            Some(path) => std::fs::read(path)
                .map_err(|e| Error::Task(format!("read a destination key: {e}")))?,
            None => {
                // Signing and encryption keys are both RSA keys in PKCS #8.
                let der = SigningKey::generate_sized(String::new(), self.bits)
                    .and_then(|key| key.to_pkcs8())
                    .map_err(problem)?;
                if let Some(path) = &path {
                    write_private(path, &der)?;
                }
                der
            }
        };
        let thumbprint = public(&open(String::new(), &der).map_err(problem)?).thumbprint();
        let kid = format!("{destination}-{kind}-{}", short(&thumbprint));
        let key = Arc::new(open(kid, &der).map_err(problem)?);
        keys.insert(destination.to_string(), key.clone());
        Ok(key)
    }

    /// The authority's side (FIT-Connect's subscriber): opens a JWE made for `destination`.
    /// The plaintext stays with the caller; it is never stored by the state API.
    pub fn decrypt(&self, destination: &str, token: &str) -> Result<Vec<u8>, jose::JoseError> {
        let key = self
            .decryption_key(destination)
            .map_err(|e| jose::JoseError::Key(e.to_string()))?;
        Ok(key.decrypt(token)?.0)
    }

    /// The destination's key set, signed under the anchor, valid a day from `now` (Unix
    /// seconds); the same token until an hour before it expires.
    pub fn key_set(&self, destination: &str, now: i64) -> Result<String, Error> {
        if let Ok(published) = self.published.lock() {
            if let Some((token, exp)) = published.get(destination) {
                if *exp - KEY_SET_RENEW_SECS > now {
                    return Ok(token.clone());
                }
            }
        }
        let key = self.signing_key(destination)?;
        let enc = self.decryption_key(destination)?;
        let exp = now + KEY_SET_VALIDITY_SECS;
        let set = DestinationKeys {
            destination: destination.to_string(),
            keys: vec![key.public_jwk(), enc.public_jwk()],
            iat: now,
            nbf: now - 60,
            exp,
        };
        let token = self
            .anchor_key()?
            .sign(KEY_SET_TYPE, &set)
            .map_err(|e| Error::Task(format!("sign a key set: {e}")))?;
        if let Ok(mut published) = self.published.lock() {
            published.insert(destination.to_string(), (token.clone(), exp));
        }
        Ok(token)
    }

    /// The receipt signed with the destination's key.
    pub fn sign_receipt(&self, receipt: &Receipt) -> Result<String, Error> {
        self.signing_key(&receipt.destination)?
            .sign(RECEIPT_TYPE, receipt)
            .map_err(|e| Error::Task(format!("sign a receipt: {e}")))
    }
}

/// The trust anchor kept at `path`, made there first if there is none: its public half.
pub fn anchor_at(path: &std::path::Path) -> Result<RsaPublicJwk, Error> {
    let key = if path.exists() {
        let der = std::fs::read(path)
            .map_err(|e| Error::Config(format!("read {}: {e}", path.display())))?;
        SigningKey::from_pkcs8("trust-anchor", &der)
    } else {
        let key = SigningKey::generate("trust-anchor")
            .map_err(|e| Error::Config(format!("trust anchor: {e}")))?;
        let der = key
            .to_pkcs8()
            .map_err(|e| Error::Config(format!("trust anchor: {e}")))?;
        write_private(path, &der)?;
        Ok(key)
    }
    .map_err(|e| Error::Config(format!("trust anchor: {e}")))?;
    Ok(key.public_jwk())
}

/// The first 16 characters of a thumbprint: enough to tell a destination's keys apart.
fn short(thumbprint: &str) -> &str {
    thumbprint.get(..16).unwrap_or(thumbprint)
}

/// Writes a private key readable by its owner only.
fn write_private(path: &std::path::Path, der: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| Error::Task(format!("keep a destination key: {e}")))?;
    file.write_all(der)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::Task(format!("keep a destination key: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_sets_verify_under_the_anchor_and_keys_survive_a_restart() {
        let dir = tempfile::tempdir().expect("dir");
        let destinations = Destinations::new(None, 2048, Some(dir.path().into())).expect("new");
        let anchors = [destinations.anchor().expect("anchor")];
        let token = destinations
            .key_set("gemeinde-16051000", 1_000)
            .expect("set");
        let set =
            jose::verify_key_set(&token, &anchors, "gemeinde-16051000", 1_000).expect("verifies");
        assert_eq!(
            destinations
                .key_set("gemeinde-16051000", 1_100)
                .expect("set"),
            token,
            "cached"
        );
        let receipt = Receipt {
            submission: "s".into(),
            destination: "gemeinde-16051000".into(),
            received_at: 1,
            data_sha512: "00".into(),
            attachments: vec![],
            iat: 1,
        };
        let signed = destinations.sign_receipt(&receipt).expect("sign");
        assert_eq!(jose::verify_receipt(&signed, &set).expect("valid"), receipt);
        // Another process with the same key directory signs with the same key.
        let anchor = destinations
            .anchor_key()
            .expect("anchor")
            .to_pkcs8()
            .expect("der");
        let again = Destinations::new(Some(&anchor), 2048, Some(dir.path().into())).expect("new");
        let signed = again.sign_receipt(&receipt).expect("sign");
        assert_eq!(jose::verify_receipt(&signed, &set).expect("valid"), receipt);
        assert_eq!(
            file_name("a/../b", "sig"),
            format!("x{}.sig.pk8", hex::encode("a/../b"))
        );
        // The key set names the encryption key; what is sealed to it opens after a restart.
        let enc = set
            .keys
            .iter()
            .find(|k| k.usage == "enc")
            .expect("an encryption key");
        let sealed = jose::encrypt(b"{}", enc, "application/json").expect("seal");
        assert_eq!(
            again.decrypt("gemeinde-16051000", &sealed).expect("opens"),
            b"{}"
        );
    }
}
