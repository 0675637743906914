// Internal: how big the PDF report draws the whole map. Plain arithmetic,
// apart from pdf_cairo.cpp so that it builds and is tested without cairo.
#pragma once

#include <vector>

namespace agon::report_detail {

/// A4 in points, and the PDF report's page furniture.
inline constexpr double kPageW = 595.28, kPageH = 841.89, kMargin = 50, kFooter = 28;
/// The claims' text size on a map at scale 1 (render/dot.cpp: node fontsize 11).
inline constexpr double kMapFontPt = 11;
/// The smallest text a reader reads on paper without a magnifier.
inline constexpr double kReadablePt = 8;
/// At most this many landscape pages for the whole map; a taller map is made smaller to fit.
inline constexpr int kMaxMapPages = 4;

/// Where and at what scale the whole map goes.
struct MapFit {
    bool landscape = false;  ///< on landscape pages of its own, cut into strips
    double scale = 1;        ///< points per map unit
};

/// The scale of a figure of `width` x `height` units on a portrait page: the
/// content width and the page's height less furniture and caption, at most
/// 1.25 times natural size.
double portrait_scale(double width, double height);

/// The fit for a map of `width` x `height` units: on the portrait page, as
/// every other figure, when its text stays at least kReadablePt there;
/// otherwise on landscape pages at the width of the page (at most natural
/// size), cut into strips over up to kMaxMapPages pages.
MapFit fit_whole_map(double width, double height);

/// The height of one strip of the whole map on a landscape page, in points
/// (the page less margins, footer and a caption line).
double landscape_strip_height();

/// A box's vertical extent on the map, in map units.
struct Span {
    double top, bottom;
};

/// The tops of the strips a map `height` units tall is cut into, each at
/// most `strip` units: the first is 0; each cut is moved up above a box it
/// would cross, unless that would leave less than half a strip, so that
/// every box is whole on one page.
std::vector<double> strip_tops(const std::vector<Span>& boxes, double height, double strip);

}  // namespace agon::report_detail
