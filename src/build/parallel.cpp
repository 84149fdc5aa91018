#include "build/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace handout {

void run_in_order(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& done) {
  if (threads <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i), done(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<char> finished(count, 0);
  std::exception_ptr failure;
  std::size_t stop = count;  // after a failure: the first item no thread took
  std::mutex mutex;
  std::condition_variable changed;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception(), stop = std::min(stop, next.exchange(count));
      }
      {
        std::lock_guard lock(mutex);
        finished[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads && static_cast<std::size_t>(t) < count; ++t) pool.emplace_back(worker);
  for (std::size_t i = 0; i < count; ++i) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return finished[i] || (failure && i >= stop); });
    if (!finished[i]) break;  // never taken: a failure stopped the run
    lock.unlock();
    if (!failure) done(i);
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace handout
