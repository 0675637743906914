// The text layout plugin of graphviz_text.hpp. It stands in front of Pango's
// (a higher quality wins Graphviz's choice) and hands it every line it has
// not measured before.
#include "graphviz_text.hpp"

#include <dlfcn.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin_textlayout.h>

#include <cstring>
#include <string>
#include <unordered_map>

namespace agon::detail {

namespace {

// What Graphviz reads back from a measured line when it draws SVG.
struct Measured {
    pointf size;
    double yoffset_layout, yoffset_centerline;
};

// Graphviz calls the plugin under the renderer's process-wide lock.
bool g_remember = false;
std::size_t g_measured = 0;
std::unordered_map<std::string, Measured> g_sizes;
// A bound on the memory a long session's texts can take (a few MB; a
// 1,000-claim map has about 3,000 lines): past it, forget them all.
constexpr std::size_t kMaxLines = 50'000;

gvtextlayout_engine_t* pango_engine() {
    static gvtextlayout_engine_t* engine = []() -> gvtextlayout_engine_t* {
        // Pango's plugin lives in "graphviz/" beside libgvc, where Graphviz looks for it too.
        Dl_info info{};
        if (!dladdr(reinterpret_cast<void*>(&gvContext), &info) || !info.dli_fname) return nullptr;
        std::string dir = info.dli_fname;
        dir.erase(dir.find_last_of('/') + 1);
        void* lib = dlopen((dir + "graphviz/libgvplugin_pango.so.6").c_str(), RTLD_NOW);
        if (!lib) return nullptr;
        auto* library = static_cast<gvplugin_library_t*>(dlsym(lib, "gvplugin_pango_LTX_library"));
        for (gvplugin_api_t* api = library ? library->apis : nullptr; api && api->types; ++api)
            if (api->api == API_textlayout) return static_cast<gvtextlayout_engine_t*>(api->types[0].engine);
        return nullptr;
    }();
    return engine;
}

boolean measure(textspan_t* span, char** fontpath) {
    const textfont_t& font = *span->font;
    std::string key = font.name ? font.name : "";
    key += '\0';
    key.append(reinterpret_cast<const char*>(&font.size), sizeof font.size);
    key += static_cast<char>(font.flags);
    key += span->str ? span->str : "";
    if (g_remember)
        if (auto it = g_sizes.find(key); it != g_sizes.end()) {
            span->size = it->second.size;
            span->yoffset_layout = it->second.yoffset_layout;
            span->yoffset_centerline = it->second.yoffset_centerline;
            span->layout = nullptr;
            span->free_layout = nullptr;
            return TRUE;
        }
    ++g_measured;
    if (!pango_engine()->textlayout(span, fontpath)) return FALSE;
    if (g_sizes.size() >= kMaxLines) g_sizes.clear();
    g_sizes.insert_or_assign(std::move(key), Measured{span->size, span->yoffset_layout, span->yoffset_centerline});
    return TRUE;
}

gvtextlayout_engine_t g_engine = {measure};
gvplugin_installed_t g_types[] = {{0, "textlayout", 100, &g_engine, nullptr}, {0, nullptr, 0, nullptr, nullptr}};
gvplugin_api_t g_apis[] = {{API_textlayout, g_types}, {static_cast<api_t>(0), nullptr}};
char g_package[] = "agon_text";
gvplugin_library_t g_library = {g_package, g_apis};

}  // namespace

const lt_symlist_t* remembered_text_plugins() {
    static const lt_symlist_t with[] = {{"gvplugin_agon_text_LTX_library", &g_library}, {nullptr, nullptr}};
    static const lt_symlist_t without[] = {{nullptr, nullptr}};
    return pango_engine() ? with : without;
}

void remember_text_sizes(bool on) { g_remember = on; }

std::size_t text_lines_measured() { return g_measured; }

}  // namespace agon::detail
