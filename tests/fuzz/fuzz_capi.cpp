// libFuzzer harness for the C API's loader: the first byte picks a format,
// the rest is the text. Property: agon_graph_parse returns a status for any
// input (no exception or crash crosses the C boundary), and a graph it
// returns evaluates, serialises and is freed cleanly.
#include <cstdint>
#include <cstdlib>

#include "agon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kFormats[] = {"json", "i23", "apx", "tgf", "argdown", "aif", "kialo", "carneades"};
    if (size == 0) return 0;
    const char* format = kFormats[data[0] % 8];
    agon_graph* g = nullptr;
    const agon_status st = agon_graph_parse(reinterpret_cast<const char*>(data + 1), size - 1, format, &g);
    if (st != AGON_OK) {
        if (g) std::abort();  // a failed call must not hand out a handle
        return 0;
    }
    agon_result* r = nullptr;
    if (agon_evaluate(g, "grounded", nullptr, nullptr, &r) == AGON_OK) agon_result_free(r);
    char* text = nullptr;
    std::size_t length = 0;
    if (agon_graph_write(g, "json", &text, &length) == AGON_OK) agon_free(text);
    agon_graph_free(g);
    return 0;
}
