// connection_pool.hpp - the threads that serve the workbench's connections.
// httplib gives each connection a thread for as long as it is open (keep-alive
// included) and its own pool has 8: eight idle or slow clients (a browser keeps
// six connections open) left every other request waiting. This pool starts a
// thread whenever a connection would wait, up to a cap far above what a class
// of browsers opens.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace agon::workbench {

class ConnectionPool final : public httplib::TaskQueue {
public:
    explicit ConnectionPool(std::size_t max_threads) : max_threads_(max_threads) {}

    void enqueue(std::function<void()> job) override;
    /// Runs what is queued, then joins every thread.
    void shutdown() override;

private:
    void work();

    const std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;  ///< never shrinks: at most the peak of open connections, capped
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace agon::workbench
