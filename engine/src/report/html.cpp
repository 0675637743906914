// The report as one self-contained HTML page: inline CSS and SVG, no
// scripts, no network. Every text from the graph goes through escape().
#include <sstream>

#include "document.hpp"
#include "markup.hpp"

namespace agon {

namespace {

using report_detail::Block;
using report_detail::escape;

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 60rem;
       margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2.2rem; }
p.lead { color: #555; font-size: 0.9rem; margin-top: 0; }
ul.summary li { margin-bottom: 0.4rem; }
p.note { color: #555; font-style: italic; background: #f4f4f4; padding: 0.5rem 0.8rem; border-left: 3px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.85rem; }
th { background: #eef3f8; text-align: left; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.45rem; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th, td, p, li, caption, figcaption { overflow-wrap: anywhere; }
th { hyphens: auto; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.2rem 0; }
td.in, td.good { background: #d9f0e8; }
td.out, td.bad { background: #f8e0d2; }
td.undec { background: #fbf8cf; }
td.muted { color: #777; }
figure { margin: 1rem 0; text-align: center; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; max-height: 60rem; }
figcaption { color: #555; font-size: 0.85rem; margin-top: 0.3rem; }
div.whole-map { overflow: auto; max-height: 85vh; border: 1px solid #ccc; text-align: left; }
div.whole-map svg { max-width: none; max-height: none; }
@media print { body { max-width: none; margin: 0; } h2 { page-break-after: avoid; }
               div.whole-map { overflow: visible; max-height: none; border: 0; }
               div.whole-map svg { max-width: 100%; } }
)";

void write_block(std::ostringstream& os, const Block& b) {
    switch (b.kind) {
        case Block::Kind::title: os << "<h1>" << escape(b.text) << "</h1>\n"; break;
        case Block::Kind::lead: os << "<p class=\"lead\">" << escape(b.text) << "</p>\n"; break;
        case Block::Kind::heading: os << "<h2>" << escape(b.text) << "</h2>\n"; break;
        case Block::Kind::paragraph: os << "<p>" << escape(b.text) << "</p>\n"; break;
        case Block::Kind::note: os << "<p class=\"note\">" << escape(b.text) << "</p>\n"; break;
        case Block::Kind::bullets:
            os << "<ul class=\"summary\">\n";
            for (const auto& item : b.items) os << "<li>" << escape(item) << "</li>\n";
            os << "</ul>\n";
            break;
        case Block::Kind::table:
            os << "<table>\n";
            if (!b.text.empty()) os << "<caption>" << escape(b.text) << "</caption>\n";
            os << "<colgroup>";
            for (double w : b.widths) os << "<col style=\"width:" << w << "%\">";
            os << "</colgroup>\n<tr>";
            for (const auto& h : b.header) os << "<th>" << escape(h) << "</th>";
            os << "</tr>\n";
            for (const auto& row : b.rows) {
                os << "<tr>";
                for (const auto& c : row) {
                    std::string cls = c.tone;
                    if (c.number) cls += cls.empty() ? "num" : " num";
                    os << (cls.empty() ? "<td>" : "<td class=\"" + cls + "\">") << escape(c.text) << "</td>";
                }
                os << "</tr>\n";
            }
            os << "</table>\n";
            break;
        case Block::Kind::figure:
            // The whole map at its natural size, in a frame that scrolls both
            // ways: shrunk to the column, its claims were 7.7 px high.
            os << "<figure>\n"
               << (b.whole_map ? "<div class=\"whole-map\">" + b.svg + "</div>\n" : b.svg) << "<figcaption>"
               << escape(b.text) << (b.whole_map ? " Scroll inside the frame to see all of it." : "")
               << "</figcaption>\n</figure>\n";
            break;
    }
}

}  // namespace

std::string report_html(const Report& report) {
    std::ostringstream os;
    os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
          "<title>"
       << escape(report.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    for (const Block& b : report_detail::document(report)) write_block(os, b);
    os << "</body>\n</html>\n";
    return os.str();
}

}  // namespace agon
