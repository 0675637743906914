// libFuzzer harness for one reader, chosen at compile time with
// AGON_FUZZ_FORMAT (a format name such as "json" or "i23").
//
// Properties checked on every input: the reader either returns a graph or
// throws agon::Error (nothing else escapes, nothing crashes); a graph it
// returns survives grounded evaluation and a native JSON round trip unchanged.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "agon/semantics.hpp"

#ifndef AGON_FUZZ_FORMAT
#error "define AGON_FUZZ_FORMAT"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const agon::Format format = *agon::format_from_name(AGON_FUZZ_FORMAT);
    std::string_view text(reinterpret_cast<const char*>(data), size);
    agon::ReadLimits limits;
    limits.max_claims = 100'000;
    limits.max_edges = 1'000'000;
    agon::Graph g;
    try {
        g = agon::parse_graph(text, format, "fuzz", nullptr, limits);
    } catch (const agon::Error&) {
        return 0;
    }
    agon::evaluate(agon::Snapshot::of(g), agon::Request{"grounded", {}});
    std::string json = agon::format_graph(g, agon::Format::json);
    agon::Graph back = agon::parse_graph(json, agon::Format::json, "round-trip");
    if (!(back == g) && format == agon::Format::json) std::abort();  // native round trip must be exact
    return 0;
}
