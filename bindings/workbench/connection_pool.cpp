#include "connection_pool.hpp"

#include <utility>

namespace agon::workbench {

void ConnectionPool::enqueue(std::function<void()> job) {
    std::lock_guard hold(mutex_);
    jobs_.push_back(std::move(job));
    // Idle threads that were woken but have not taken their job yet still
    // count as idle: compare with the jobs waiting, not with zero.
    if (idle_ < jobs_.size() && threads_.size() < max_threads_) threads_.emplace_back([this] { work(); });
    ready_.notify_one();
}

void ConnectionPool::shutdown() {
    {
        std::lock_guard hold(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
}

void ConnectionPool::work() {
    std::unique_lock hold(mutex_);
    for (;;) {
        ++idle_;
        ready_.wait(hold, [this] { return stopping_ || !jobs_.empty(); });
        --idle_;
        if (jobs_.empty()) return;  // stopping, and nothing left to serve
        std::function<void()> job = std::move(jobs_.front());
        jobs_.pop_front();
        hold.unlock();
        job();
        hold.lock();
    }
}

}  // namespace agon::workbench
