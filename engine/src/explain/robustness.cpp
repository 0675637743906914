// Monte Carlo robustness: evaluate perturbed versions of the graph in
// parallel, each thread re-evaluating its graph after the changes a sample makes.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "edit.hpp"

namespace agon {

namespace {

// SplitMix64: decorrelates (seed, sample) pairs into generator seeds.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// Per-claim and per-edge sampling rules resolved to dense indices.
struct Plan {
    std::vector<double> lo, hi;    // base range per claim
    std::vector<double> presence;  // per claim
    std::vector<double> wlo, whi;  // weight range per edge
};

// Uncertainty built in code (the bindings' spread=, C++) gets the checks
// parse_uncertainty makes of a file: a spread of -3 drew base scores far
// outside [0,1], and NaN a range of all of it.
void check(const Uncertainty& u) {
    auto in_unit = [](double x) { return x >= 0 && x <= 1; };  // false for NaN
    if (!in_unit(u.default_spread))
        throw Error(ErrorKind::usage, "the spread must be a number in [0,1], not " + (std::ostringstream() << u.default_spread).str());
    for (const auto& [id, r] : u.base_range)
        if (!(in_unit(r.first) && in_unit(r.second) && r.first <= r.second))
            throw Error(ErrorKind::usage, "the base range of '" + id + "' must satisfy 0 <= low <= high <= 1");
    for (const auto& [id, prob] : u.presence)
        if (!in_unit(prob)) throw Error(ErrorKind::usage, "the presence of '" + id + "' must be in [0,1]");
    for (const auto& [id, r] : u.weight_range)
        if (!(r.first >= 0 && r.first <= r.second && r.second <= 1e9))
            throw Error(ErrorKind::usage, "the weight range of '" + id + "' must satisfy 0 <= low <= high <= 1e9");
}

Plan make_plan(const Snapshot& s, const Uncertainty& u) {
    check(u);
    Plan p;
    for (const auto& [id, range] : u.base_range)
        if (!s.index_of(id)) throw Error(ErrorKind::not_found, "uncertainty names an unknown claim '" + id + "'");
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        const auto [lo, hi] = base_range(u, s.id(v), s.base(v));
        p.lo.push_back(lo);
        p.hi.push_back(hi);
        p.presence.push_back(1.0);
    }
    for (const auto& [id, prob] : u.presence) {
        auto v = s.index_of(id);
        if (!v) throw Error(ErrorKind::not_found, "uncertainty names an unknown claim '" + id + "'");
        p.presence[*v] = prob;
    }
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        p.wlo.push_back(s.edge_weight(e));
        p.whi.push_back(s.edge_weight(e));
    }
    for (const auto& [id, range] : u.weight_range) {
        bool found = false;
        for (std::uint32_t e = 0; e < s.edge_count() && !found; ++e)
            if (s.edge_id(e) == id) {
                p.wlo[e] = range.first;
                p.whi[e] = range.second;
                found = true;
            }
        if (!found) throw Error(ErrorKind::not_found, "uncertainty names an unknown edge '" + id + "'");
    }
    return p;
}

detail::SnapshotEdit draw(const Plan& p, std::uint64_t seed, std::uint64_t sample) {
    std::mt19937_64 rng(mix(seed ^ mix(sample)));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    detail::SnapshotEdit edit;
    const std::size_t n = p.lo.size(), m = p.wlo.size();
    edit.base.resize(n);
    edit.cut.assign(n, 0);
    edit.weight.resize(m);
    for (std::size_t v = 0; v < n; ++v) {
        edit.base[v] = p.lo[v] + (p.hi[v] - p.lo[v]) * unit(rng);
        edit.cut[v] = unit(rng) >= p.presence[v];
    }
    for (std::size_t e = 0; e < m; ++e) edit.weight[e] = p.wlo[e] + (p.whi[e] - p.wlo[e]) * unit(rng);
    return edit;
}

// The sum of f(x) over xs by Neumaier's compensated summation: good to the
// last digit or two however many samples (a plain sum of a million drifts by
// up to a million roundings).
template <class F>
double compensated_sum(const std::vector<double>& xs, F f) {
    double sum = 0, lost = 0;
    for (const double x0 : xs) {
        const double x = f(x0), t = sum + x;
        lost += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }
    return sum + lost;
}

}  // namespace

std::pair<double, double> base_range(const Uncertainty& u, const std::string& id, double base) {
    if (auto it = u.base_range.find(id); it != u.base_range.end()) return it->second;
    return {std::max(0.0, base - u.default_spread), std::min(1.0, base + u.default_spread)};
}

Robustness robustness(const Snapshot& s, const Request& request, const Uncertainty& uncertainty,
                      std::uint64_t samples, std::uint64_t seed, const Control& control, unsigned threads,
                      std::optional<double> threshold) {
    if (samples == 0) throw Error(ErrorKind::usage, "the number of samples must be at least 1");
    const std::uint32_t n = s.size();
    if (samples * n > 200'000'000ull)
        throw Error(ErrorKind::limit, "samples x claims exceeds 200 million; use fewer samples");
    const Plan plan = make_plan(s, uncertainty);
    const bool labels = gives_labels(request.semantics);
    // Left uninitialised: every slot is written by its sample before it is
    // read, and pages untouched cost nothing (zeroing up to 800 MB took
    // seconds on a loaded machine, before the first sample could be stopped).
    const auto values = std::make_unique_for_overwrite<double[]>(samples * n);
    std::atomic<std::uint64_t> next{0}, finished{0};
    std::atomic<bool> failed{false};
    std::string failure;
    ErrorKind failure_kind = ErrorKind::usage;
    std::mutex failure_lock;

    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, samples));
    auto worker = [&] {
        try {
            detail::EditedEvaluation sampler(s, request);
            for (std::uint64_t i; !failed && (i = next++) < samples;) {
                control.check();  // a stop between samples says why: cancelled or time limit
                const detail::SnapshotEdit edit = draw(plan, seed, i);
                sampler.evaluate(edit, control);
                // An absent claim does not stand in that sample: out, strength 0
                // (its own evaluation, unattacked, would count it in).
                for (std::uint32_t v = 0; v < n; ++v) values[i * n + v] = edit.cut[v] ? 0.0 : sampler.value(v);
                ++finished;
            }
        } catch (const Error& e) {
            std::lock_guard<std::mutex> hold(failure_lock);
            if (!failed.exchange(true)) {
                failure = e.message();
                failure_kind = e.kind();
            }
        } catch (const std::exception& e) {
            std::lock_guard<std::mutex> hold(failure_lock);
            if (!failed.exchange(true)) failure = e.what();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    while (finished < samples && !failed) {
        control.report("robustness", static_cast<double>(finished) / static_cast<double>(samples));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& t : pool) t.join();
    if (failed) throw Error(failure_kind, failure);
    control.report("robustness", 1.0);

    Robustness out;
    out.samples = samples;
    const double inv = 1.0 / static_cast<double>(samples);
    std::vector<double> column(samples);
    for (std::uint32_t v = 0; v < n; ++v) {
        double in = 0, undec = 0;
        std::vector<std::uint64_t> bins(Robustness::kHistogramBins, 0);
        for (std::uint64_t i = 0; i < samples; ++i) {
            const double x = values[i * n + v];
            column[i] = x;
            ++bins[std::min(Robustness::kHistogramBins - 1,
                            static_cast<std::size_t>(std::max(0.0, x) * Robustness::kHistogramBins))];
            in += x == 1.0;
            undec += x == 0.5;
        }
        if (labels) {
            out.p_in.push_back(in * inv);
            out.p_undec.push_back(undec * inv);
            out.p_out.push_back(1.0 - (in + undec) * inv);
        }
        if (threshold)
            out.at_or_above.push_back(static_cast<std::uint64_t>(
                std::count_if(column.begin(), column.end(), [&](double x) { return x >= *threshold; })));
        // The mean, then the deviations from it: E[x^2] - mean^2 lost every
        // digit of a spread that is small next to its mean.
        const double mean = compensated_sum(column, [](double x) { return x; }) * inv;
        out.mean.push_back(mean);
        out.stddev.push_back(std::sqrt(compensated_sum(column, [&](double x) { return (x - mean) * (x - mean); }) * inv));
        std::sort(column.begin(), column.end());
        auto quantile = [&](double q) { return column[static_cast<std::size_t>(q * static_cast<double>(samples - 1) + 0.5)]; };
        out.q05.push_back(quantile(0.05));
        out.q95.push_back(quantile(0.95));
        out.histogram.push_back(std::move(bins));
    }
    return out;
}

}  // namespace agon
