// The whole map in the PDF report: portrait when readable, else landscape strips.
#include "page_fit.hpp"

#include <algorithm>
#include <cmath>

namespace agon::report_detail {

namespace {

// Room a portrait figure may take: the page less margins, footer and caption.
constexpr double kFigureMaxH = kPageH - 2 * kMargin - kFooter - 40;
constexpr double kCaptionLine = 24;
// Clear space kept between a cut and a box's outline, in map units.
constexpr double kGap = 2;

}  // namespace

double landscape_strip_height() { return kPageW - 2 * kMargin - kFooter - kCaptionLine; }

double portrait_scale(double width, double height) {
    return std::min({(kPageW - 2 * kMargin) / width, kFigureMaxH / height, 1.25});
}

MapFit fit_whole_map(double width, double height) {
    const double portrait = portrait_scale(width, height);
    if (portrait * kMapFontPt >= kReadablePt) return {false, portrait};
    const double strip = landscape_strip_height();
    double scale = std::min((kPageH - 2 * kMargin) / width, 1.0);
    scale = std::min(scale, kMaxMapPages * strip / height);
    return {true, scale};
}

std::vector<double> strip_tops(const std::vector<Span>& boxes, double height, double strip) {
    std::vector<double> tops{0};
    for (double top = 0; top + strip < height;) {
        double cut = top + strip;
        // Each step moves the cut up to a box's top, so the loop ends.
        for (bool moved = true; moved;) {
            moved = false;
            for (const Span& b : boxes)
                if (b.top - kGap < cut && cut < b.bottom + kGap) {
                    cut = b.top - kGap;
                    moved = true;
                }
        }
        if (cut < top + strip / 2) cut = top + strip;  // a box taller than half a strip is cut through
        tops.push_back(cut);
        top = cut;
    }
    return tops;
}

}  // namespace agon::report_detail
