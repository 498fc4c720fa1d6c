//! What each query holds in memory: a global allocator that counts, per thread, the bytes a
//! thread allocated and has not freed, and publishes the count where the query's supervisor
//! reads it. The binary installs it (`#[global_allocator]` in `main.rs`); without it the
//! counts stay zero and only the process-wide limit applies.
//!
//! Under the count is mimalloc, and (feature `override`) it is the process's `malloc` too, so
//! RocksDB's C++ allocations go there as well. Why: oxigraph opens a RocksDB iterator for every
//! index look-up, and glibc's malloc spent half of a look-up-bound query's time on their
//! allocations (`_int_malloc`, `malloc_consolidate`); with mimalloc (version 2) the same query
//! ran in half the time (ARCHITECTURE.md, Scale).
//!
//! Bytes a query's thread hands to another thread (a streamed chunk) are taken off its count
//! with [`handed_over`], so a long streamed answer is not mistaken for memory held.

use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

/// mimalloc, counting.
pub struct Counting;

thread_local! {
    /// Bytes allocated minus bytes freed on this thread since it was watched.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    /// Where this thread's count is published (null: not watched).
    static WATCH: Cell<*const AtomicIsize> = const { Cell::new(std::ptr::null()) };
}

fn add(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = WATCH.try_with(|w| {
            let p = w.get();
            if !p.is_null() {
                // SAFETY: `watch` keeps the target alive until `unwatch` resets the pointer.
                unsafe { (*p).store(now, Ordering::Relaxed) };
            }
        });
    });
}

// SAFETY: every call is passed on to `MiMalloc` unchanged; only counters are kept beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = MiMalloc.alloc(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = MiMalloc.alloc_zeroed(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        MiMalloc.dealloc(p, layout);
        add(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = MiMalloc.realloc(p, layout, new_size);
        if !q.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        q
    }
}

/// From now on, this thread's count (from zero) is published in `target`, which must outlive
/// the matching [`unwatch`].
pub fn watch(target: &AtomicIsize) {
    let _ = LIVE.try_with(|l| l.set(0));
    let _ = WATCH.try_with(|w| w.set(target as *const AtomicIsize));
}

/// Stops publishing this thread's count.
pub fn unwatch() {
    let _ = WATCH.try_with(|w| w.set(std::ptr::null()));
}

/// `bytes` this thread allocated are now another thread's to free.
pub fn handed_over(bytes: usize) {
    add(-(bytes as isize));
}

/// mimalloc's number for its option `purge_delay` (v2 `mimalloc.h`, `mi_option_e`; the sys
/// crate names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory is kept for reuse before it goes back to the system. mimalloc's 10 ms
/// gave memory back between one document's parse and the next: every page was taken, zeroed by
/// the kernel (as a transparent huge page) and given back again, a twentieth of an ingest's
/// CPU. A second keeps it for the next document; the endpoint still gives memory back at once
/// when it nears its limit ([`release`]).
const PURGE_DELAY_MS: std::ffi::c_long = 1000;

/// Sets mimalloc's options for this program (the binary calls it first thing).
pub fn tune() {
    // SAFETY: a plain call into the allocator's option table.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

/// Gives memory freed by every thread back to the system where mimalloc can (it otherwise keeps
/// freed pages a while for reuse).
pub fn release() {
    // SAFETY: a plain call into the allocator; `true` forces the collection.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Option 15 is `purge_delay` (mimalloc's default 10 ms; no other option defaults to 10
    /// but the two multipliers, 21 and 23), and `tune` sets it.
    #[test]
    fn tune_sets_the_purge_delay() {
        // SAFETY: plain reads of the allocator's option table.
        let get = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(get(), 10, "mimalloc's default purge delay under number 15");
        tune();
        assert_eq!(get(), PURGE_DELAY_MS);
    }
}
