// Running independent pieces of work on several threads while their results are used in order.
#pragma once
#include <cstddef>
#include <functional>

namespace handout {

/// Runs work(i) for every i in [0, count) on `threads` threads, and done(i) in the calling
/// thread in index order, each as soon as item i and every item before it have finished (so
/// output comes in a stable order while the work overlaps). With one thread, or one item,
/// everything runs in the calling thread, work(i) then done(i). An exception thrown by work
/// is rethrown here once every thread has stopped.
void run_in_order(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& done);

}  // namespace handout
