//! Spreading independent pieces of work over a few threads, with results in input order so the
//! outcome never depends on the thread count or on which thread finished first.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The threads worth using on this machine (at least 1).
pub fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `(0..count).map(work)` on up to `threads` threads, in index order.
///
/// Threads take the next `chunk` indices from a shared counter, so a piece of work that runs
/// long (a site with few eligible candidates, say) does not leave the other threads idle.
/// `work` gets its own `state` per thread, for buffers reused from one index to the next.
pub fn map_indexed<S, T, W>(
    count: usize,
    threads: usize,
    chunk: usize,
    state: impl Fn() -> S + Sync,
    work: W,
) -> Vec<T>
where
    T: Send,
    W: Fn(&mut S, usize) -> T + Sync,
{
    let chunk = chunk.max(1);
    let threads = threads.clamp(1, count.div_ceil(chunk).max(1));
    if threads == 1 {
        let mut s = state();
        return (0..count).map(|i| work(&mut s, i)).collect();
    }
    let next = AtomicUsize::new(0);
    let pieces: Vec<Vec<(usize, Vec<T>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut s = state();
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(chunk, Ordering::Relaxed);
                        if start >= count {
                            break;
                        }
                        let end = (start + chunk).min(count);
                        done.push((start, (start..end).map(|i| work(&mut s, i)).collect()));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut pieces: Vec<(usize, Vec<T>)> = pieces.into_iter().flatten().collect();
    pieces.sort_unstable_by_key(|(start, _)| *start);
    pieces.into_iter().flat_map(|(_, items)| items).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_index_order_whatever_the_threads() {
        for threads in 1..5 {
            for chunk in [1, 3, 64] {
                let squares = map_indexed(100, threads, chunk, || (), |_, i| i * i);
                assert_eq!(squares, (0..100).map(|i| i * i).collect::<Vec<_>>());
            }
        }
        assert!(map_indexed(0, 4, 8, || (), |_, i| i).is_empty());
    }

    #[test]
    fn each_thread_keeps_its_own_state() {
        let counted = map_indexed(
            50,
            2,
            5,
            || 0usize,
            |seen, _| {
                *seen += 1;
                *seen
            },
        );
        assert_eq!(counted.len(), 50);
        assert!(counted.iter().all(|&n| (1..=50).contains(&n)));
    }
}
