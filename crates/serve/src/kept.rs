//! The listings of the store this server writes (`landtag_publish::listings`), brought up to
//! date in the background after the server starts and after documents are handed to it, so
//! that a listing asked for finds its rows kept and is not computed under a query's limits.

use landtag_publish::listings::Listings;
use oxigraph::store::Store;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct Kept {
    pub listings: Listings,
    store: Store,
    busy: AtomicBool,
    again: AtomicBool,
}

impl Kept {
    pub fn new(listings: Listings, store: Store) -> Arc<Self> {
        Arc::new(Self {
            listings,
            store,
            busy: AtomicBool::new(false),
            again: AtomicBool::new(false),
        })
    }

    /// Refreshes the listings on a thread of their own; asked while one runs, once more after.
    pub fn refresh_soon(self: &Arc<Self>) {
        self.again.store(true, Ordering::SeqCst);
        if self.busy.swap(true, Ordering::SeqCst) {
            return;
        }
        let kept = self.clone();
        std::thread::spawn(move || loop {
            while kept.again.swap(false, Ordering::SeqCst) {
                match kept.listings.refresh(&kept.store) {
                    Ok(r) if r.blocks + r.whole > 0 => tracing::info!(
                        "listings: rows of {} document graphs and {} whole listings computed",
                        r.blocks,
                        r.whole
                    ),
                    Ok(_) => {}
                    Err(e) => tracing::warn!("listings: {e}"),
                }
            }
            kept.busy.store(false, Ordering::SeqCst);
            // A request that came between the last look and the release starts no thread.
            if !kept.again.load(Ordering::SeqCst) || kept.busy.swap(true, Ordering::SeqCst) {
                return;
            }
        });
    }
}
