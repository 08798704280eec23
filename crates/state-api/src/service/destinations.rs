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

use crate::config::Config;
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
    /// The destinations' current encryption keys (RSA-OAEP-256): only the authority decrypts.
    enc_keys: Mutex<HashMap<String, Arc<DecryptionKey>>>,
    /// Encryption keys a rotation retired, by `kid`: they still open what was sealed to them
    /// before (submissions in flight); new key sets name only the current key.
    retired: Mutex<HashMap<String, Arc<DecryptionKey>>>,
    /// One rotation at a time.
    rotating: Mutex<()>,
    /// Signed key sets with their expiry (Unix seconds).
    published: Mutex<HashMap<String, (String, i64)>>,
    /// Whether a destination's missing key is made (the state API's, which publishes them);
    /// an authority's own program only reads the keys there are ([`Destinations::existing`]).
    make_keys: bool,
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
            retired: Mutex::new(HashMap::new()),
            rotating: Mutex::new(()),
            published: Mutex::new(HashMap::new()),
            make_keys: true,
        })
    }

    /// The destinations' keys in `dir` as the authorities' own program (the subscriber) holds
    /// them: it opens and signs with the keys there are and never makes one (a key it made
    /// would be published by nobody).
    pub fn existing(dir: PathBuf) -> Result<Destinations, Error> {
        if !dir.is_dir() {
            return Err(Error::Config(format!(
                "no destination key directory at {}",
                dir.display()
            )));
        }
        let mut destinations = Destinations::new(None, Config::DESTINATION_KEY_BITS, Some(dir))?;
        destinations.make_keys = false;
        Ok(destinations)
    }

    /// Whether this holds `destination`'s keys (in memory, or in the key directory).
    pub fn knows(&self, destination: &str) -> bool {
        let in_memory = self
            .enc_keys
            .lock()
            .is_ok_and(|keys| keys.contains_key(destination));
        in_memory
            || self.dir.as_ref().is_some_and(|dir| {
                dir.join(file_name(destination, "enc")).exists()
                    && dir.join(file_name(destination, "sig")).exists()
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
            None if !self.make_keys => {
                return Err(Error::Task(format!(
                    "no {kind} key of destination {destination:?} in the key directory"
                )))
            }
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
        let key = Arc::new(named(destination, kind, &der, open, public).map_err(problem)?);
        keys.insert(destination.to_string(), key.clone());
        Ok(key)
    }

    /// The authority's side (FIT-Connect's subscriber): opens a JWE made for `destination`,
    /// with its current encryption key or one a rotation retired. The plaintext stays with
    /// the caller; it is never stored by the state API.
    pub fn decrypt(&self, destination: &str, token: &str) -> Result<Vec<u8>, jose::JoseError> {
        let unusable = |e: Error| jose::JoseError::Key(e.to_string());
        let current = self.decryption_key(destination).map_err(unusable)?;
        let kid = jose::key_id(token).unwrap_or_default();
        let key = if kid == current.kid() {
            current
        } else {
            self.retired_key(destination, &kid)
                .map_err(unusable)?
                .ok_or(jose::JoseError::UnknownKey(kid))?
        };
        Ok(key.decrypt(token)?.0)
    }

    /// Whether `kid` names an encryption key of `destination`'s, current or retired: what a
    /// JWE's header must name for the authority to open it (checked without opening it).
    pub fn holds_key(&self, destination: &str, kid: &str) -> Result<bool, Error> {
        if self.decryption_key(destination)?.kid() == kid {
            return Ok(true);
        }
        Ok(self.retired_key(destination, kid)?.is_some())
    }

    /// A retired encryption key of `destination` named `kid`: kept in memory since its
    /// rotation, or read from the key directory. The name comes from a sender's header, so
    /// only a well-formed name of this destination's is looked up, and a file is taken only
    /// when its key has that name.
    fn retired_key(
        &self,
        destination: &str,
        kid: &str,
    ) -> Result<Option<Arc<DecryptionKey>>, Error> {
        let poisoned = || Error::Task("retired keys poisoned".into());
        if let Some(key) = self.retired.lock().map_err(|_| poisoned())?.get(kid) {
            return Ok(Some(key.clone()));
        }
        let Some(thumb) = kid
            .strip_prefix(destination)
            .and_then(|rest| rest.strip_prefix("-enc-"))
            .filter(|t| {
                t.len() == SHORT_THUMBPRINT
                    && t.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
        else {
            return Ok(None);
        };
        let Some(path) = self
            .dir
            .as_ref()
            .map(|d| d.join(file_name(destination, &retired_kind(thumb))))
            .filter(|p| p.exists())
        else {
            return Ok(None);
        };
        let der = std::fs::read(&path)
            .map_err(|e| Error::Task(format!("read a retired destination key: {e}")))?;
        let key = named(
            destination,
            "enc",
            &der,
            DecryptionKey::from_pkcs8,
            DecryptionKey::public_jwk,
        )
        .map_err(|e| Error::Task(format!("retired destination key: {e}")))?;
        if key.kid() != kid {
            return Ok(None);
        }
        let key = Arc::new(key);
        self.retired
            .lock()
            .map_err(|_| poisoned())?
            .insert(kid.to_string(), key.clone());
        Ok(Some(key))
    }

    /// Rotates `destination`'s encryption key: a new key becomes current (key sets signed
    /// from now on name it), the old one is retired and still opens what was sealed to it.
    /// With a key directory the old key is kept there first and the new one then replaces
    /// the current file in one rename, so a crash in between loses neither. The kids of the
    /// retired and the new key.
    pub fn rotate(&self, destination: &str) -> Result<(String, String), Error> {
        let _one = self
            .rotating
            .lock()
            .map_err(|_| Error::Task("rotation poisoned".into()))?;
        let old = self.decryption_key(destination)?;
        let problem = |e: jose::JoseError| Error::Task(format!("destination key: {e}"));
        let der = SigningKey::generate_sized(String::new(), self.bits)
            .and_then(|key| key.to_pkcs8())
            .map_err(problem)?;
        let new = named(
            destination,
            "enc",
            &der,
            DecryptionKey::from_pkcs8,
            DecryptionKey::public_jwk,
        )
        .map_err(problem)?;
        if let Some(dir) = &self.dir {
            let prefix = format!("{destination}-enc-");
            let thumb = old
                .kid()
                .strip_prefix(prefix.as_str())
                .filter(|t| t.len() == SHORT_THUMBPRINT)
                .ok_or_else(|| Error::Task("a destination key without a thumbprint".into()))?;
            let retired = dir.join(file_name(destination, &retired_kind(thumb)));
            if !retired.exists() {
                write_private(&retired, &old.to_pkcs8())?;
            }
            let current = dir.join(file_name(destination, "enc"));
            let staged = dir.join(format!("{}.new", file_name(destination, "enc")));
            let _ = std::fs::remove_file(&staged);
            write_private(&staged, &der)?;
            std::fs::rename(&staged, &current)
                .and_then(|()| sync_dir(dir))
                .map_err(|e| Error::Task(format!("replace a destination key: {e}")))?;
        }
        let (retired_kid, new_kid) = (old.kid().to_string(), new.kid().to_string());
        let poisoned = || Error::Task("destination keys poisoned".into());
        self.retired
            .lock()
            .map_err(|_| poisoned())?
            .insert(retired_kid.clone(), old);
        self.enc_keys
            .lock()
            .map_err(|_| poisoned())?
            .insert(destination.to_string(), Arc::new(new));
        self.published
            .lock()
            .map_err(|_| poisoned())?
            .remove(destination);
        Ok((retired_kid, new_kid))
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

    /// The destination's key set as it is published, checked under the anchor as the app
    /// checks it: what a signature in the destination's name must hold under.
    pub fn published_keys(&self, destination: &str, now: i64) -> Result<DestinationKeys, Error> {
        let token = self.key_set(destination, now)?;
        jose::verify_key_set(&token, &[self.anchor()?], destination, now)
            .map_err(|e| Error::Task(format!("the published key set does not hold: {e}")))
    }

    /// A status event signed with the key of the destination that issues it.
    pub fn sign_event(&self, event: &jose::StatusEvent) -> Result<String, Error> {
        self.signing_key(&event.iss)?
            .sign(jose::claims::EVENT_TYPE, event)
            .map_err(|e| Error::Task(format!("sign a status event: {e}")))
    }

    /// The receipt signed with the destination's key.
    pub fn sign_receipt(&self, receipt: &Receipt) -> Result<String, Error> {
        self.signing_key(&receipt.destination)?
            .sign(RECEIPT_TYPE, receipt)
            .map_err(|e| Error::Task(format!("sign a receipt: {e}")))
    }
}

/// The step `status` (taken at `at`, Unix milliseconds, for `reasons`) that `destination`
/// took with the citizen's submission `submission`, as a Security Event Token issued `now`
/// (Unix milliseconds) under a new id: what the authority signs, in process or apart.
pub fn step_event(
    destination: &str,
    submission: &str,
    status: &str,
    at: i64,
    reasons: Vec<String>,
    now: i64,
) -> jose::StatusEvent {
    jose::StatusEvent::new(
        destination,
        submission,
        jose::EventDetail {
            status: status.to_string(),
            at,
            reasons,
        },
        now / 1000,
        uuid::Uuid::new_v4().to_string(),
    )
}

/// The receipt of the citizen's submission `submission` at `destination`, received `now`
/// (Unix milliseconds), naming the data's hash and every attachment's (id, plain SHA-512).
pub fn receipt(
    submission: &str,
    destination: &str,
    data_sha512: &str,
    attachments: &[(String, String)],
    now: i64,
) -> Receipt {
    Receipt {
        submission: submission.to_string(),
        destination: destination.to_string(),
        received_at: now,
        data_sha512: data_sha512.to_string(),
        attachments: attachments
            .iter()
            .map(|(id, sha512)| jose::ReceiptAttachment {
                id: id.clone(),
                sha512: sha512.clone(),
            })
            .collect(),
        iat: now / 1000,
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

/// How many characters of a thumbprint name a key: enough to tell a destination's keys apart.
const SHORT_THUMBPRINT: usize = 16;

/// The first characters of a thumbprint.
fn short(thumbprint: &str) -> &str {
    thumbprint.get(..SHORT_THUMBPRINT).unwrap_or(thumbprint)
}

/// The file kind of a retired encryption key with the short thumbprint `thumb`.
fn retired_kind(thumb: &str) -> String {
    format!("enc.retired-{thumb}")
}

/// A destination's key of `kind` from its PKCS #8 form, named by its thumbprint
/// (`<destination>-<kind>-<thumbprint>`).
fn named<K>(
    destination: &str,
    kind: &str,
    der: &[u8],
    open: fn(String, &[u8]) -> Result<K, jose::JoseError>,
    public: fn(&K) -> RsaPublicJwk,
) -> Result<K, jose::JoseError> {
    let thumbprint = public(&open(String::new(), der)?).thumbprint();
    open(format!("{destination}-{kind}-{}", short(&thumbprint)), der)
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &std::path::Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
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

    fn enc_key(token: &str, destination: &str, now: i64, anchor: &RsaPublicJwk) -> RsaPublicJwk {
        let set = jose::verify_key_set(token, std::slice::from_ref(anchor), destination, now)
            .expect("verifies");
        set.keys
            .into_iter()
            .find(|k| k.usage == "enc")
            .expect("an encryption key")
    }

    #[test]
    fn a_rotated_key_still_opens_what_was_sealed_to_it_also_after_a_restart() {
        let dir = tempfile::tempdir().expect("dir");
        let id = "gemeinde-16053000";
        let destinations = Destinations::new(None, 2048, Some(dir.path().into())).expect("new");
        let anchor = destinations.anchor().expect("anchor");
        let old = enc_key(
            &destinations.key_set(id, 1_000).expect("set"),
            id,
            1_000,
            &anchor,
        );
        let in_flight = jose::encrypt(b"vorher", &old, "application/json").expect("seal");

        let (retired, current) = destinations.rotate(id).expect("rotates");
        assert_eq!(retired, old.kid);
        assert_ne!(current, old.kid);
        let new = enc_key(
            &destinations.key_set(id, 1_100).expect("set"),
            id,
            1_100,
            &anchor,
        );
        assert_eq!(
            new.kid, current,
            "the key set is signed anew with the new key only"
        );
        let sealed = jose::encrypt(b"nachher", &new, "application/json").expect("seal");
        assert_eq!(
            destinations.decrypt(id, &in_flight).expect("retired"),
            b"vorher"
        );
        assert_eq!(
            destinations.decrypt(id, &sealed).expect("current"),
            b"nachher"
        );

        // Another process on the same key directory: the new key is current, the old one
        // still opens from its file.
        let der = destinations
            .anchor_key()
            .expect("anchor")
            .to_pkcs8()
            .expect("der");
        let again = Destinations::new(Some(&der), 2048, Some(dir.path().into())).expect("new");
        assert_eq!(again.decrypt(id, &in_flight).expect("retired"), b"vorher");
        assert_eq!(again.decrypt(id, &sealed).expect("current"), b"nachher");
        assert_eq!(
            enc_key(&again.key_set(id, 1_200).expect("set"), id, 1_200, &anchor).kid,
            current
        );

        // A name from a sender's header never leads outside this destination's retired keys.
        for kid in [
            format!("{id}-enc-../../../../etc"),
            format!("{id}-sig-{}", &old.kid[old.kid.len() - 16..]),
            "gemeinde-16051000-enc-AAAAAAAAAAAAAAAA".to_string(),
        ] {
            let forged = jose::encrypt(
                b"x",
                &RsaPublicJwk {
                    kid: kid.clone(),
                    ..new.clone()
                },
                "application/json",
            )
            .expect("seal");
            assert_eq!(
                again.decrypt(id, &forged).expect_err("unknown"),
                jose::JoseError::UnknownKey(kid)
            );
        }
        // A retired file that holds another key is not taken under the retired name.
        let thumb = &old.kid[old.kid.len() - 16..];
        let path = dir.path().join(file_name(id, &retired_kind(thumb)));
        std::fs::remove_file(&path).expect("remove");
        write_private(&path, &again.decryption_key(id).expect("key").to_pkcs8()).expect("write");
        let third = Destinations::new(Some(&der), 2048, Some(dir.path().into())).expect("new");
        assert_eq!(
            third.decrypt(id, &in_flight).expect_err("no such key"),
            jose::JoseError::UnknownKey(old.kid.clone())
        );
    }
}
