//! Group commit for the SQLite writer: the write transactions of many requests share one
//! COMMIT, so under `synchronous=FULL` many submissions cost one fsync, not one each.
//!
//! Every write runs on **one writer thread**, the only one that touches the writer connection:
//! the requests' threads hand their writes to it and wait. Queued writes run back to back on
//! that thread, so no lock changes hands between two writes (on a busy server, each hand-over
//! of a contended lock cost a thread switch, and the writer sat idle during each).
//!
//! Every write runs in a SAVEPOINT of the batch's one open transaction: a write that fails is
//! rolled back alone, the others of its batch stay. Whoever appends last commits: a write that
//! sees nobody queued behind it commits the batch; one that sees others queued leaves the
//! transaction open for them, and its caller waits until the batch has ended. Writes arriving
//! while a COMMIT (an fsync) runs queue up and form the next batch, so the batch grows with the
//! load and a lone write commits at once. A write returns only after its batch is committed:
//! the storage's promise (durable once a method returns) holds as before.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use rusqlite::Connection;

use super::{Finish, WriteJob};
use crate::error::Error;

/// Most writes in one batch: a steady stream still commits this often.
pub(super) const MAX_BATCH: usize = 128;
/// How many failed batches are remembered for writers not yet woken.
const FAILURES_KEPT: usize = 64;

/// The writer connection and the batch it collects; only the writer thread locks it.
struct Writer {
    conn: Connection,
    /// A transaction is open, collecting the batch numbered `batch`.
    open: bool,
    /// Writes in the open batch.
    in_batch: usize,
    /// The number of the batch being collected; every lower number has ended.
    batch: u64,
}

/// Which batches have ended, for the callers waiting on them.
struct Ended {
    /// Every batch below this number has ended.
    below: u64,
    /// Batches whose COMMIT failed (or that the database rolled back), with why.
    failed: VecDeque<(u64, String)>,
}

/// What a write on the writer thread left to its caller.
enum Appended<T> {
    /// Its batch is committed (or lost, with the error) already.
    Ended(Result<T, Error>),
    /// It succeeded and others append after it: its batch ends later.
    Waits { value: T, batch: u64 },
}

/// The writer thread, its connection and its batches.
pub(super) struct GroupCommit {
    /// A pool of one thread: it runs the writes of every caller, one after the other.
    thread: rayon::ThreadPool,
    writer: Mutex<Writer>,
    /// Most writes per batch (1: every write commits alone, the benchmark's baseline).
    max_batch: usize,
    /// Writes handed to the thread and not yet started.
    queued: AtomicUsize,
    ended: Mutex<Ended>,
    batch_ended: Condvar,
    /// The last batch the running job ([`GroupCommit::spawn`]) wrote into; only the writer
    /// thread touches it.
    touched: Mutex<Option<u64>>,
    /// Jobs whose writes are done and whose batch has not ended yet: told when it does.
    waiting: Mutex<Vec<(u64, Finish)>>,
}

fn poisoned() -> Error {
    Error::Task("the database writer was poisoned".into())
}

impl GroupCommit {
    pub(super) fn new(conn: Connection, max_batch: usize) -> Result<GroupCommit, Error> {
        let thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "sqlite-writer".to_string())
            .build()
            .map_err(|e| Error::Task(format!("the database writer thread: {e}")))?;
        Ok(GroupCommit {
            thread,
            max_batch: max_batch.max(1),
            writer: Mutex::new(Writer {
                conn,
                open: false,
                in_batch: 0,
                batch: 0,
            }),
            queued: AtomicUsize::new(0),
            ended: Mutex::new(Ended {
                below: 0,
                failed: VecDeque::new(),
            }),
            batch_ended: Condvar::new(),
            touched: Mutex::new(None),
            waiting: Mutex::new(Vec::new()),
        })
    }

    /// Runs `job` on the writer thread without a thread waiting for it: its writes do not
    /// wait for their batch there, and what it returns is told the batch's end (the COMMIT's
    /// outcome) once it has ended. The way for callers that must not block a thread (the
    /// service's async requests): one hand-over to the writer and one back.
    pub(super) fn spawn(self: &std::sync::Arc<Self>, job: WriteJob) {
        self.queued.fetch_add(1, Ordering::SeqCst);
        let group = std::sync::Arc::clone(self);
        self.thread.spawn(move || {
            group.queued.fetch_sub(1, Ordering::SeqCst);
            if let Ok(mut touched) = group.touched.lock() {
                *touched = None;
            }
            // A panic would end the writer thread's pool (rayon aborts on one): the job's
            // finisher is then dropped, and its caller sees the channel closed.
            let Ok(finish) = catch_unwind(AssertUnwindSafe(job)) else {
                tracing::error!("a storage write job panicked");
                return;
            };
            let touched = group.touched.lock().ok().and_then(|mut t| t.take());
            group.finish_after(touched, finish);
        });
    }

    /// Tells `finish` the outcome of batch `touched` now if it has ended, else when it does.
    fn finish_after(&self, touched: Option<u64>, finish: Finish) {
        let Some(batch) = touched else {
            return finish(Ok(()));
        };
        let outcome = match self.ended.lock() {
            Ok(ended) if ended.below > batch => Some(Self::outcome_of(&ended, batch)),
            Ok(_) => None,
            Err(_) => Some(Err(poisoned())),
        };
        match outcome {
            Some(outcome) => finish(outcome),
            None => match self.waiting.lock() {
                Ok(mut waiting) => waiting.push((batch, finish)),
                Err(_) => finish(Err(poisoned())),
            },
        }
    }

    fn outcome_of(ended: &Ended, batch: u64) -> Result<(), Error> {
        match ended.failed.iter().find(|(failed, _)| *failed == batch) {
            Some((_, why)) => Err(Error::Task(format!("the batch was not committed: {why}"))),
            None => Ok(()),
        }
    }

    /// Runs `f` as one atomic write (a savepoint) on the writer thread and returns once it is
    /// committed.
    pub(super) fn write<T: Send>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, Error> + Send,
    ) -> Result<T, Error> {
        if self.thread.current_thread_index().is_some() {
            // A job of `spawn`, on the writer thread: it must not wait for its batch (only
            // this thread could end it); `spawn` tells its caller when the batch ended.
            return match self.append(f)? {
                Appended::Ended(result) => result,
                Appended::Waits { value, batch } => {
                    if let Ok(mut touched) = self.touched.lock() {
                        *touched = Some(batch);
                    }
                    Ok(value)
                }
            };
        }
        self.queued.fetch_add(1, Ordering::SeqCst);
        // `install` blocks until the thread has run the closure, so `f` may borrow.
        let appended = self.thread.install(|| {
            self.queued.fetch_sub(1, Ordering::SeqCst);
            self.append(f)
        });
        match appended? {
            Appended::Ended(result) => result,
            Appended::Waits { value, batch } => {
                let ended = self.until_ended(batch)?;
                Self::outcome_of(&ended, batch).map(|()| value)
            }
        }
    }

    /// On the writer thread: appends `f` to the open batch, and commits it if nobody is queued.
    fn append<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, Error>,
    ) -> Result<Appended<T>, Error> {
        let mut writer = self.writer.lock().map_err(|_| poisoned())?;
        if !writer.open {
            writer.conn.execute_batch("BEGIN IMMEDIATE")?;
            writer.open = true;
            writer.in_batch = 0;
        }
        writer.in_batch += 1;
        let mine = writer.batch;
        let result = Self::in_savepoint(&writer.conn, f);
        if writer.conn.is_autocommit() {
            // The batch's transaction ended under this write (SQLite rolls a transaction back
            // by itself on some errors, a full disk among them): every write of the batch is
            // lost, and none may be told otherwise by a later COMMIT of other writes.
            let why = "the database rolled the batch back".to_string();
            self.end(&mut writer, mine, Some(why.clone()));
            return Ok(Appended::Ended(Err(match result {
                Err(e) => e,
                Ok(_) => Error::Task(why),
            })));
        }
        let others_queued = self.queued.load(Ordering::SeqCst) > 0;
        if others_queued && writer.in_batch < self.max_batch {
            // Someone queued behind us appends next and commits (or leaves it to the next).
            return Ok(match result {
                Ok(value) => Appended::Waits { value, batch: mine },
                Err(e) => Appended::Ended(Err(e)),
            });
        }
        let committed = writer.conn.execute_batch("COMMIT");
        let failure = match &committed {
            Ok(()) => None,
            Err(e) => {
                // A failed COMMIT may leave the transaction open: end it, so the next batch
                // starts clean.
                let _ = writer.conn.execute_batch("ROLLBACK");
                Some(e.to_string())
            }
        };
        self.end(&mut writer, mine, failure);
        Ok(Appended::Ended(committed.map_err(Error::from).and(result)))
    }

    fn in_savepoint<T>(
        conn: &Connection,
        f: impl FnOnce(&Connection) -> Result<T, Error>,
    ) -> Result<T, Error> {
        conn.prepare_cached("SAVEPOINT write")?.execute([])?;
        let result = catch_unwind(AssertUnwindSafe(|| f(conn)))
            .unwrap_or_else(|_| Err(Error::Task("a storage write panicked".into())));
        match &result {
            Ok(_) => {
                conn.prepare_cached("RELEASE write")?.execute([])?;
            }
            Err(_) => conn.execute_batch("ROLLBACK TO write; RELEASE write")?,
        }
        result
    }

    /// Ends batch `batch` (lost if `failure` says why) and wakes the callers waiting on it.
    fn end(&self, writer: &mut Writer, batch: u64, failure: Option<String>) {
        writer.open = false;
        writer.batch = batch + 1;
        let outcome = match &failure {
            None => Ok(()),
            Some(why) => Err(why.clone()),
        };
        if let Ok(mut ended) = self.ended.lock() {
            ended.below = batch + 1;
            if let Some(why) = failure {
                ended.failed.push_back((batch, why));
                while ended.failed.len() > FAILURES_KEPT {
                    ended.failed.pop_front();
                }
            }
        }
        self.batch_ended.notify_all();
        let ready: Vec<(u64, Finish)> = match self.waiting.lock() {
            Ok(mut waiting) => std::mem::take(&mut *waiting),
            Err(_) => Vec::new(),
        };
        for (waited, finish) in ready {
            // Batches end in order: everything waiting is on this batch.
            debug_assert!(waited <= batch, "a job waits on a later batch");
            finish(
                outcome
                    .clone()
                    .map_err(|why| Error::Task(format!("the batch was not committed: {why}"))),
            );
        }
    }

    /// Waits until batch `mine` has ended.
    fn until_ended(&self, mine: u64) -> Result<MutexGuard<'_, Ended>, Error> {
        let mut ended = self.ended.lock().map_err(|_| poisoned())?;
        while ended.below <= mine {
            ended = self.batch_ended.wait(ended).map_err(|_| poisoned())?;
        }
        Ok(ended)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn group(dir: &std::path::Path) -> GroupCommit {
        let conn = Connection::open(dir.join("g.sqlite3")).expect("opens");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("wal");
        conn.pragma_update(None, "synchronous", "FULL")
            .expect("full");
        conn.execute_batch("CREATE TABLE t (n INTEGER PRIMARY KEY)")
            .expect("table");
        GroupCommit::new(conn, MAX_BATCH).expect("writer")
    }

    fn count(dir: &std::path::Path) -> i64 {
        let conn = Connection::open(dir.join("g.sqlite3")).expect("opens");
        conn.query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .expect("count")
    }

    #[test]
    fn concurrent_writes_all_land_and_a_failing_one_alone_is_rolled_back() {
        let dir = tempfile::tempdir().expect("dir");
        let group = Arc::new(group(dir.path()));
        let threads: Vec<_> = (0..16)
            .map(|thread| {
                let group = Arc::clone(&group);
                std::thread::spawn(move || {
                    let mut outcomes = Vec::new();
                    for i in 0..50 {
                        let n = thread * 1000 + i;
                        outcomes.push(group.write(|conn| {
                            conn.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
                            if n % 7 == 0 {
                                // A write that fails after writing: its insert must go too.
                                return Err(Error::Corrupt("refused".into()));
                            }
                            Ok(n)
                        }));
                    }
                    outcomes
                })
            })
            .collect();
        let mut ok = 0;
        for thread in threads {
            for outcome in thread.join().expect("thread") {
                match outcome {
                    Ok(n) => {
                        assert_ne!(n % 7, 0, "a refused write does not succeed");
                        ok += 1;
                    }
                    Err(Error::Corrupt(_)) => {}
                    Err(e) => panic!("unexpected failure: {e}"),
                }
            }
        }
        let expected = (0..16)
            .flat_map(|t| (0..50).map(move |i| t * 1000 + i))
            .filter(|n| n % 7 != 0)
            .count() as i64;
        assert_eq!(ok, expected, "every good write answered Ok");
        assert_eq!(count(dir.path()), expected, "and is in the file, committed");
    }

    /// Waits until another writer queues for the connection.
    fn until_queued(group: &GroupCommit) {
        while group.queued.load(Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
    }

    #[test]
    fn a_batch_the_database_rolled_back_fails_all_its_writers_even_if_others_commit_after() {
        use std::sync::atomic::AtomicBool;
        let dir = tempfile::tempdir().expect("dir");
        let group = Arc::new(group(dir.path()));
        let inside = Arc::new([AtomicBool::new(false), AtomicBool::new(false)]);
        let until_inside = |n: usize| {
            while !inside[n].load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
        };
        let first = {
            let (group, inside) = (Arc::clone(&group), Arc::clone(&inside));
            std::thread::spawn(move || {
                group.write(|conn| {
                    conn.execute("INSERT INTO t (n) VALUES (1)", [])?;
                    inside[0].store(true, Ordering::SeqCst);
                    until_queued(&group);
                    Ok(())
                })
            })
        };
        until_inside(0);
        // The second ends the batch's transaction under everyone (as SQLite does by itself on
        // a full disk), then a third writes and commits.
        let second = {
            let (group, inside) = (Arc::clone(&group), Arc::clone(&inside));
            std::thread::spawn(move || {
                group.write(|conn| {
                    conn.execute_batch("ROLLBACK")?;
                    inside[1].store(true, Ordering::SeqCst);
                    until_queued(&group);
                    Ok(())
                })
            })
        };
        until_inside(1);
        let third = group.write(|conn| Ok(conn.execute("INSERT INTO t (n) VALUES (3)", [])?));
        let first = first.join().expect("first");
        let second = second.join().expect("second");
        assert!(second.is_err(), "the write that lost the batch is told");
        let kept: Vec<i64> = {
            let conn = Connection::open(dir.path().join("g.sqlite3")).expect("opens");
            let mut stmt = conn
                .prepare("SELECT n FROM t ORDER BY n")
                .expect("prepared");
            let rows = stmt.query_map([], |r| r.get(0)).expect("rows");
            rows.collect::<Result<_, _>>().expect("read")
        };
        assert_eq!(
            first.is_ok(),
            kept.contains(&1),
            "the first write is told it landed only if it did: kept {kept:?}"
        );
        assert_eq!(
            third.is_ok(),
            kept.contains(&3),
            "so is the third: {kept:?}"
        );
    }

    #[test]
    fn a_lone_write_commits_at_once_and_a_panic_is_an_error() {
        let dir = tempfile::tempdir().expect("dir");
        let group = group(dir.path());
        group
            .write(|conn| Ok(conn.execute("INSERT INTO t (n) VALUES (1)", [])?))
            .expect("written");
        assert_eq!(
            count(dir.path()),
            1,
            "visible to another connection at once"
        );
        let panicked = group.write(|_conn| -> Result<(), Error> { panic!("boom") });
        assert!(
            matches!(panicked, Err(Error::Task(_))),
            "a panic is an error"
        );
        group
            .write(|conn| Ok(conn.execute("INSERT INTO t (n) VALUES (2)", [])?))
            .expect("the writer still works");
        assert_eq!(count(dir.path()), 2);
    }

    #[test]
    fn spawned_jobs_and_waiting_writers_share_batches_and_each_is_told_its_outcome() {
        let dir = tempfile::tempdir().expect("dir");
        let group = Arc::new(group(dir.path()));
        let (tell, told) = std::sync::mpsc::channel::<(i64, Result<i64, Error>)>();
        // Two threads spawn jobs (as async requests do), two others write and wait.
        let spawners: Vec<_> = (0..2)
            .map(|thread| {
                let (group, tell) = (Arc::clone(&group), tell.clone());
                std::thread::spawn(move || {
                    for i in 0..100 {
                        let n = thread * 1000 + i;
                        let (writer, tell) = (Arc::clone(&group), tell.clone());
                        group.spawn(Box::new(move || {
                            let result = writer.write(|conn| {
                                conn.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
                                if n % 7 == 0 {
                                    return Err(Error::Corrupt("refused".into()));
                                }
                                Ok(n)
                            });
                            Box::new(move |committed: Result<(), Error>| {
                                let _ = tell.send((n, committed.and(result)));
                            })
                        }));
                    }
                })
            })
            .collect();
        let waiters: Vec<_> = (2..4)
            .map(|thread| {
                let group = Arc::clone(&group);
                std::thread::spawn(move || {
                    (0..100)
                        .map(|i| {
                            let n = thread * 1000 + i;
                            group.write(|conn| {
                                conn.execute("INSERT INTO t (n) VALUES (?1)", [n])?;
                                Ok(n)
                            })
                        })
                        .filter(Result::is_ok)
                        .count()
                })
            })
            .collect();
        drop(tell);
        for spawner in spawners {
            spawner.join().expect("spawner");
        }
        let waited: usize = waiters.into_iter().map(|w| w.join().expect("waiter")).sum();
        assert_eq!(waited, 200, "every waiting writer's write landed");
        let outcomes: Vec<(i64, Result<i64, Error>)> = told.iter().collect();
        assert_eq!(outcomes.len(), 200, "every spawned job is told, once");
        let mut landed = 0;
        for (n, outcome) in outcomes {
            match outcome {
                Ok(value) => {
                    assert_eq!(value, n);
                    assert_ne!(n % 7, 0, "a refused write is not told it landed");
                    landed += 1;
                }
                Err(Error::Corrupt(_)) => assert_eq!(n % 7, 0, "only refused writes fail"),
                Err(e) => panic!("unexpected failure: {e}"),
            }
        }
        assert_eq!(
            count(dir.path()),
            200 + landed,
            "what the jobs were told landed is in the file, committed"
        );
    }
}
