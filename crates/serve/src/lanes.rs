//! Fair scheduling of the endpoint's work: a fast lane and a slow lane.
//!
//! Every query (and every page, which runs queries) starts in the fast lane, unless the same
//! work was expensive before: then it goes straight to the slow lane. Work in the fast lane
//! that has used up its CPU budget (`fast_budget`, CPU time of its own thread, so a busy
//! machine does not make cheap work look expensive), or has held its worker for `HOLD` budgets
//! of wall time (a long answer that its client reads slowly uses no CPU), moves to the slow
//! lane if the slow lane has room; if not, and others wait for the fast lane, it is stopped
//! and answered 503 (`Retry-After`). Work is remembered as cheap only when it used at most
//! half its budget and held its worker no longer than one budget: a huge answer broken off at
//! its size limit is no cheap query, whatever CPU it used. The slow lane has few workers,
//! waits briefly for one, and runs its work at a lower CPU priority (`nice`), so cheap work
//! keeps its share of the cores however much expensive work arrives. A job holding more than its memory limit is stopped for good (the
//! counting allocator of `memory` tells what each job's thread holds; it would hold as much
//! again, so no `Retry-After`). Past the server's memory limit (the process's resident size),
//! work in the slow lane and work past half its budget is stopped (503, `Retry-After`).
//!
//! Work not yet known to be cheap (a query never run, or never under half its budget) takes a
//! place among the *unproven*, at most half the fast lane: new expensive queries, however many,
//! leave the other half to work known to be cheap (the named queries, the pages).
//!
//! Each job runs on a thread of its own (ended with the job: its priority dies with it), holds
//! its lane's permit until the thread really ends (a cancelled query stops at its next step),
//! and is watched by a supervisor task that enforces the time limit through oxigraph's
//! cancellation token. The number of threads is bounded by the permits.

use super::ApiError;
use oxigraph::sparql::CancellationToken;
use std::collections::{HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicI32, AtomicIsize, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

/// How the lanes are sized and when work changes lane.
#[derive(Debug, Clone)]
pub struct LaneLimits {
    /// Wall time from arrival to the end of the work, waiting included.
    pub timeout: Duration,
    /// Workers of the fast lane.
    pub fast: usize,
    /// Workers of the slow lane.
    pub slow: usize,
    /// CPU time after which work leaves the fast lane.
    pub fast_budget: Duration,
    /// How long known-expensive work waits for a slow worker before it is turned away.
    pub slow_wait: Duration,
    /// Resident memory (bytes) past which expensive work is stopped.
    pub max_memory: u64,
    /// Memory (bytes) one job may hold (counted by `memory::Counting`).
    pub max_job_memory: u64,
}

/// The work's identity for the lanes' memory of what was expensive.
pub type Key = u64;

/// A key from the text of the work (whitespace runs count as one space).
pub fn key(kind: &str, text: &str) -> Key {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    kind.hash(&mut h);
    for word in text.split_whitespace() {
        word.hash(&mut h);
    }
    h.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Fast,
    Slow,
}

/// The lanes of one server.
pub struct Lanes {
    limits: LaneLimits,
    fast: Arc<Semaphore>,
    slow: Arc<Semaphore>,
    waiting_fast: AtomicUsize,
    /// Work not known to be cheap holds one of these too: at most half the fast lane.
    unproven: Arc<Semaphore>,
    expensive: Mutex<Remembered>,
    cheap: Mutex<Remembered>,
}

/// Keys of work, the oldest forgotten first.
#[derive(Default)]
struct Remembered {
    set: HashSet<Key>,
    order: VecDeque<Key>,
}

const REMEMBERED: usize = 4096;

impl Remembered {
    fn insert(&mut self, k: Key) {
        if self.set.insert(k) {
            self.order.push_back(k);
            if self.order.len() > REMEMBERED {
                if let Some(old) = self.order.pop_front() {
                    self.set.remove(&old);
                }
            }
        }
    }
    fn contains(&self, k: Key) -> bool {
        self.set.contains(&k)
    }
}

fn remember(m: &Mutex<Remembered>, k: Key) {
    m.lock().unwrap_or_else(|e| e.into_inner()).insert(k);
}

fn known(m: &Mutex<Remembered>, k: Key) -> bool {
    m.lock().unwrap_or_else(|e| e.into_inner()).contains(k)
}

/// Where the one answer of a job goes (whoever sends first: the work or its supervisor).
type ReplySlot<T> = Arc<Mutex<Option<oneshot::Sender<Result<T, ApiError>>>>>;

/// What the work's thread is given: the token to pass to the query, and the way to answer
/// (once; the work may go on after answering, as a streamed result does).
pub struct Job<T> {
    pub token: CancellationToken,
    reply: ReplySlot<T>,
}

impl<T> Job<T> {
    /// Sends the answer; a second answer, or one after the supervisor's, is dropped.
    pub fn reply(&self, answer: Result<T, ApiError>) {
        send(&self.reply, answer);
    }
}

fn take(slot: &Mutex<Option<OwnedSemaphorePermit>>) {
    let permit = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(permit);
}

fn send<T>(slot: &Mutex<Option<oneshot::Sender<T>>>, answer: T) {
    if let Some(tx) = slot.lock().unwrap_or_else(|e| e.into_inner()).take() {
        let _ = tx.send(answer);
    }
}

/// What the supervisor knows of the job's thread.
struct Running {
    /// The thread's CPU clock and kernel thread id, once it has started.
    clock: AtomicI32,
    tid: AtomicI32,
    /// Bytes the thread holds (see `memory`).
    memory: AtomicIsize,
    /// CPU time (ns) the work used, set when it ends.
    cpu_used: AtomicU64,
    /// The lane permit, released when the thread ends.
    permit: Mutex<Option<OwnedSemaphorePermit>>,
    /// Work not known to be cheap: its place among the unproven, released when it ends or
    /// leaves the fast lane.
    probation: Mutex<Option<OwnedSemaphorePermit>>,
}

impl Lanes {
    pub fn new(limits: LaneLimits) -> Arc<Self> {
        Arc::new(Self {
            fast: Arc::new(Semaphore::new(limits.fast.max(1))),
            slow: Arc::new(Semaphore::new(limits.slow.max(1))),
            unproven: Arc::new(Semaphore::new((limits.fast / 2).max(1))),
            limits,
            waiting_fast: AtomicUsize::new(0),
            expensive: Mutex::new(Remembered::default()),
            cheap: Mutex::new(Remembered::default()),
        })
    }

    /// Runs `work` in its lane and returns its answer (or the supervisor's: time limit,
    /// busy, memory).
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        k: Key,
        work: impl FnOnce(&Job<T>) + Send + 'static,
    ) -> Result<T, ApiError> {
        let arrived = tokio::time::Instant::now();
        let deadline = arrived + self.limits.timeout;
        let lane = if known(&self.expensive, k) {
            Lane::Slow
        } else {
            Lane::Fast
        };
        let probation = if lane == Lane::Fast && !known(&self.cheap, k) {
            let wait = self.unproven.clone().acquire_owned();
            let got = tokio::time::timeout_at(deadline, wait).await;
            Some(
                got.map_err(|_| ApiError::Timeout(self.limits.timeout))?
                    .map_err(closed)?,
            )
        } else {
            None
        };
        let permit = self.admit(lane, deadline).await?;
        let (tx, rx) = oneshot::channel::<Result<T, ApiError>>();
        let job = Job {
            token: CancellationToken::new(),
            reply: Arc::new(Mutex::new(Some(tx))),
        };
        let running = Arc::new(Running {
            clock: AtomicI32::new(0),
            tid: AtomicI32::new(0),
            memory: AtomicIsize::new(0),
            cpu_used: AtomicU64::new(0),
            permit: Mutex::new(Some(permit)),
            probation: Mutex::new(probation),
        });
        let thread = spawn_worker(lane, running.clone(), &job, work)?;
        let supervisor = Supervisor {
            lanes: self.clone(),
            key: k,
            lane,
            started: tokio::time::Instant::now(),
            deadline,
            token: job.token.clone(),
            reply: job.reply.clone(),
            running,
        };
        tokio::spawn(supervisor.watch(thread));
        // A client that goes away before the answer stops the work.
        let guard = CancelOnDrop(Some(job.token.clone()));
        let answer = rx.await.unwrap_or_else(|_| {
            Err(ApiError::Internal(
                "the work ended without an answer".into(),
            ))
        });
        guard.disarm();
        answer
    }

    /// A permit of the lane, waited for within the lane's limit.
    async fn admit(
        &self,
        lane: Lane,
        deadline: tokio::time::Instant,
    ) -> Result<OwnedSemaphorePermit, ApiError> {
        match lane {
            Lane::Fast => {
                self.waiting_fast.fetch_add(1, Ordering::SeqCst);
                let got =
                    tokio::time::timeout_at(deadline, self.fast.clone().acquire_owned()).await;
                self.waiting_fast.fetch_sub(1, Ordering::SeqCst);
                got.map_err(|_| ApiError::Timeout(self.limits.timeout))?
                    .map_err(closed)
            }
            Lane::Slow => {
                let until = deadline.min(tokio::time::Instant::now() + self.limits.slow_wait);
                let got = tokio::time::timeout_at(until, self.slow.clone().acquire_owned()).await;
                let permit = got.map_err(|_| ApiError::Busy)?.map_err(closed)?;
                Ok(permit)
            }
        }
    }
}

fn closed(_: tokio::sync::AcquireError) -> ApiError {
    ApiError::Internal("the endpoint is shutting down".into())
}

/// Cancels the work when dropped armed: the request's future was dropped (the client left).
struct CancelOnDrop(Option<CancellationToken>);

impl CancelOnDrop {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if let Some(t) = self.0.take() {
            t.cancel();
        }
    }
}

/// Starts the job's own thread: it publishes its CPU clock, lowers its priority in the slow
/// lane, runs the work, and releases the permit when it ends.
fn spawn_worker<T: Send + 'static>(
    lane: Lane,
    running: Arc<Running>,
    job: &Job<T>,
    work: impl FnOnce(&Job<T>) + Send + 'static,
) -> Result<std::thread::JoinHandle<()>, ApiError> {
    let job = Job {
        token: job.token.clone(),
        reply: job.reply.clone(),
    };
    std::thread::Builder::new()
        .name("query".into())
        .spawn(move || {
            super::memory::watch(&running.memory);
            running.clock.store(os::own_cpu_clock(), Ordering::SeqCst);
            running.tid.store(os::own_tid(), Ordering::SeqCst);
            if lane == Lane::Slow {
                os::lower_priority(os::own_tid());
            }
            work(&job);
            drop(job);
            super::memory::unwatch();
            let used = os::cpu_time(os::own_cpu_clock());
            running
                .cpu_used
                .store(used.as_nanos() as u64, Ordering::SeqCst);
            take(&running.probation);
            let permit = running
                .permit
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            drop(permit);
            // Expensive work leaves freed memory behind in the allocator: give it back.
            if used > Duration::from_millis(200) {
                os::release_memory();
            }
        })
        .map_err(|e| ApiError::Internal(format!("no thread for the query: {e}")))
}

/// Watches one job until its thread ends.
struct Supervisor<T> {
    lanes: Arc<Lanes>,
    key: Key,
    lane: Lane,
    /// When the work's thread started: how long it has held its worker.
    started: tokio::time::Instant,
    deadline: tokio::time::Instant,
    token: CancellationToken,
    reply: ReplySlot<T>,
    running: Arc<Running>,
}

const TICK: Duration = Duration::from_millis(20);

/// Wall time, in CPU budgets, that work may hold a worker of the fast lane: a cheap query
/// takes a fraction of its budget even on a busy machine; a long answer read slowly takes more.
const HOLD: u32 = 4;

impl<T> Supervisor<T> {
    async fn watch(mut self, thread: std::thread::JoinHandle<()>) {
        let mut tick = tokio::time::interval(TICK);
        while !thread.is_finished() {
            tick.tick().await;
            if self.token.is_cancelled() {
                continue; // stopped: waiting for the thread to notice
            }
            if let Some(reason) = self.verdict() {
                self.token.cancel();
                send(&self.reply, Err(reason));
            }
        }
        let used = Duration::from_nanos(self.running.cpu_used.load(Ordering::SeqCst));
        if self.lane == Lane::Fast
            && !self.token.is_cancelled()
            && used <= self.lanes.limits.fast_budget / 2
            && self.started.elapsed() <= self.lanes.limits.fast_budget
        {
            remember(&self.lanes.cheap, self.key);
        }
        // The work's answer stands if it gave one; else this one.
        let missing = match thread.join() {
            Ok(()) => "the query ended without an answer",
            Err(_) => "the query failed (a panic)",
        };
        send(&self.reply, Err(ApiError::Internal(missing.into())));
    }

    /// Why the job must stop now, if it must; moves it to the slow lane when it may go on.
    fn verdict(&mut self) -> Option<ApiError> {
        let seen = Seen {
            past_deadline: tokio::time::Instant::now() >= self.deadline,
            job_memory: self.running.memory.load(Ordering::Relaxed).max(0) as u64,
            cpu: os::cpu_time(self.running.clock.load(Ordering::SeqCst)),
            resident: os::resident(),
            held: self.started.elapsed(),
            lane: self.lane,
        };
        match judge(&self.lanes.limits, &seen) {
            Verdict::Go => None,
            Verdict::Stop(reason) => Some(reason),
            Verdict::LeaveFastLane => self.leave_fast_lane(),
        }
    }

    fn leave_fast_lane(&mut self) -> Option<ApiError> {
        let lanes = &self.lanes;
        remember(&lanes.expensive, self.key);
        if let Ok(slow) = lanes.slow.clone().try_acquire_owned() {
            let fast = self
                .running
                .permit
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .replace(slow);
            drop(fast);
            take(&self.running.probation);
            os::lower_priority(self.running.tid.load(Ordering::SeqCst));
            self.lane = Lane::Slow;
            return None;
        }
        if lanes.waiting_fast.load(Ordering::SeqCst) > 0 {
            return Some(ApiError::Busy);
        }
        None // nobody waits: it may go on in the fast lane
    }
}

/// What the supervisor sees of a job at one tick.
#[derive(Debug, Clone, Copy)]
struct Seen {
    past_deadline: bool,
    /// What the job's thread holds (bytes).
    job_memory: u64,
    /// The job's CPU time.
    cpu: Duration,
    /// The server's resident memory (bytes).
    resident: u64,
    /// How long the job has held its worker.
    held: Duration,
    lane: Lane,
}

/// What becomes of a job.
#[derive(Debug)]
enum Verdict {
    Go,
    Stop(ApiError),
    LeaveFastLane,
}

/// The lanes' decision, from what is seen of a job: past its time, it stops; holding more than
/// a job may, it stops; over the server's memory, expensive work stops (in the slow lane, or
/// half-way through its budget: memory grows with work done, cheap queries never get that far);
/// holding a worker of the fast lane too long, by CPU or by a client reading a long answer
/// slowly (the work waits, using no CPU), it leaves the fast lane: others wait behind it.
fn judge(limits: &LaneLimits, seen: &Seen) -> Verdict {
    if seen.past_deadline {
        return Verdict::Stop(ApiError::Timeout(limits.timeout));
    }
    if seen.job_memory > limits.max_job_memory {
        return Verdict::Stop(ApiError::QueryMemory(limits.max_job_memory >> 20));
    }
    let expensive = seen.lane == Lane::Slow || seen.cpu > limits.fast_budget / 2;
    if expensive && seen.resident > limits.max_memory {
        return Verdict::Stop(ApiError::ServerMemory);
    }
    if seen.lane == Lane::Fast
        && (seen.cpu > limits.fast_budget || seen.held > limits.fast_budget * HOLD)
    {
        return Verdict::LeaveFastLane;
    }
    Verdict::Go
}

/// What the lanes ask of the operating system (Linux; elsewhere the checks see nothing).
mod os {
    use std::time::Duration;

    /// The calling thread's CPU-time clock.
    pub fn own_cpu_clock() -> i32 {
        #[cfg(target_os = "linux")]
        {
            let mut id: libc::clockid_t = 0;
            // SAFETY: pthread_self is the calling thread; `id` is a valid out pointer.
            if unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut id) } == 0 {
                return id;
            }
        }
        0
    }

    pub fn own_tid() -> i32 {
        #[cfg(target_os = "linux")]
        // SAFETY: gettid has no preconditions.
        return unsafe { libc::syscall(libc::SYS_gettid) as i32 };
        #[cfg(not(target_os = "linux"))]
        0
    }

    /// CPU time used so far on `clock` (zero when unknown).
    pub fn cpu_time(clock: i32) -> Duration {
        #[cfg(target_os = "linux")]
        if clock != 0 {
            let mut t = libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            // SAFETY: `t` is a valid out pointer; a stale clock id only makes the call fail.
            if unsafe { libc::clock_gettime(clock, &mut t) } == 0 {
                return Duration::new(t.tv_sec as u64, t.tv_nsec as u32);
            }
        }
        let _ = clock;
        Duration::ZERO
    }

    /// Lowers the thread's priority (nice 10): cheap work keeps its share of the cores.
    pub fn lower_priority(tid: i32) {
        #[cfg(target_os = "linux")]
        if tid > 0 {
            // SAFETY: plain system call on a thread id of this process.
            unsafe { libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10) };
        }
        let _ = tid;
    }

    /// The process's resident memory in bytes.
    pub fn resident() -> u64 {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
        let pages: u64 = statm
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        pages * 4096
    }

    /// Gives freed memory back to the system.
    pub fn release_memory() {
        crate::memory::release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> LaneLimits {
        LaneLimits {
            timeout: Duration::from_secs(30),
            fast: 2,
            slow: 1,
            fast_budget: Duration::from_secs(1),
            slow_wait: Duration::from_secs(5),
            max_memory: 1 << 30,
            max_job_memory: 128 << 20,
        }
    }

    fn cheap() -> Seen {
        Seen {
            past_deadline: false,
            job_memory: 1 << 20,
            cpu: Duration::from_millis(10),
            resident: 100 << 20,
            held: Duration::from_millis(20),
            lane: Lane::Fast,
        }
    }

    fn verdict(seen: Seen) -> String {
        format!("{:?}", judge(&limits(), &seen))
    }

    #[test]
    fn cheap_work_goes_on() {
        assert_eq!(verdict(cheap()), "Go");
        let slow = Seen {
            lane: Lane::Slow,
            cpu: Duration::from_secs(20),
            ..cheap()
        };
        assert_eq!(verdict(slow), "Go");
    }

    #[test]
    fn time_and_a_jobs_memory_stop_any_work() {
        assert!(verdict(Seen {
            past_deadline: true,
            ..cheap()
        })
        .starts_with("Stop(Timeout"));
        let holding = Seen {
            job_memory: 129 << 20,
            ..cheap()
        };
        assert_eq!(verdict(holding), "Stop(QueryMemory(128))");
    }

    #[test]
    fn the_servers_memory_stops_expensive_work_only() {
        let full = Seen {
            resident: 2 << 30,
            ..cheap()
        };
        assert_eq!(verdict(full), "Go");
        let expensive = Seen {
            cpu: Duration::from_millis(600),
            ..full
        };
        assert_eq!(verdict(expensive), "Stop(ServerMemory)");
        let slow = Seen {
            lane: Lane::Slow,
            ..full
        };
        assert_eq!(verdict(slow), "Stop(ServerMemory)");
    }

    #[test]
    fn holding_a_fast_worker_too_long_leaves_the_fast_lane() {
        let cpu = Seen {
            cpu: Duration::from_millis(1100),
            ..cheap()
        };
        assert_eq!(verdict(cpu), "LeaveFastLane");
        let read_slowly = Seen {
            held: Duration::from_secs(5),
            ..cheap()
        };
        assert_eq!(verdict(read_slowly), "LeaveFastLane");
        let within = Seen {
            held: Duration::from_secs(3),
            ..cheap()
        };
        assert_eq!(verdict(within), "Go");
    }
}
