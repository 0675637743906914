// The report's charts, drawn as SVG by hand: a fixed 640-unit-wide canvas,
// text in DejaVu Sans (installed with the maps' fonts), nice axis ticks.
#include "charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "markup.hpp"
#include "util/utf8.hpp"
#include "sections.hpp"

namespace agon::report_detail {

namespace {

constexpr double kWidth = 640;
constexpr const char* kFont = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";

std::string f(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    return buf;
}

std::string open_svg(double height, const std::string& label) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + f(kWidth) + " " + f(height) + "\" width=\"" +
           f(kWidth) + "\" height=\"" + f(height) + "\" role=\"img\" aria-label=\"" + escape(label) + "\" " + kFont +
           " font-size=\"11\">\n";
}

std::string text(double x, double y, const std::string& s, const char* anchor = "start", const char* extra = "") {
    return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" + escape(s) +
           "</text>\n";
}

std::string rect(double x, double y, double w, double h, const char* fill, const char* extra = "") {
    return "<rect x=\"" + f(x) + "\" y=\"" + f(y) + "\" width=\"" + f(std::max(w, 0.0)) + "\" height=\"" + f(h) +
           "\" fill=\"" + fill + "\"" + extra + "/>\n";
}

std::string line(double x1, double y1, double x2, double y2, const char* stroke, const char* extra = "") {
    return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\"" + stroke +
           "\"" + extra + "/>\n";
}

// Width of 11-unit DejaVu Sans text, estimated at 0.6 em a character
// (generous, so that an estimate keeps text inside the canvas).
double text_width(const std::string& s) {
    return static_cast<double>(detail::utf8_chars(s)) * 6.6;
}

// A tick step giving about 5 ticks over [lo, hi].
double tick_step(double span) {
    for (double step : {0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25})
        if (span / step <= 6) return step;
    return 0.25;
}

// A horizontal value axis from lo to hi mapped onto [x0, x1], ticks below y.
struct Axis {
    double lo, hi, x0, x1;
    double at(double v) const { return x0 + (v - lo) / (hi - lo) * (x1 - x0); }
    std::string draw(double y, double grid_top, const std::string& title) const {
        std::string out = line(x0, y, x1, y, "#333");
        const double step = tick_step(hi - lo);
        const int digits = step < 0.01 ? 3 : 2;
        for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) {
            out += line(at(t), grid_top, at(t), y, "#ddd");
            out += line(at(t), y, at(t), y + 4, "#333");
            out += text(at(t), y + 15, number(t, digits), "middle");
        }
        // Centred under the axis, moved in so that the whole title stays on the canvas.
        const double half = text_width(title) / 2;
        const double centre = std::clamp((x0 + x1) / 2, std::min(half + 4, kWidth / 2), std::max(kWidth - half - 4, kWidth / 2));
        out += text(centre, y + 30, title, "middle", " fill=\"#333\"");
        return out;
    }
};

}  // namespace

std::string tornado_svg(const Report& r, std::size_t max_bars) {
    const auto& bars = *r.tornado;
    const std::size_t n = std::min(bars.size(), max_bars);
    const double row = 22, top = 34, label_w = 290;
    const double height = top + row * static_cast<double>(n) + 44;
    double lo = r.status.value, hi = r.status.value;
    for (std::size_t i = 0; i < n; ++i) {
        lo = std::min({lo, bars[i].at_low, bars[i].at_high});
        hi = std::max({hi, bars[i].at_low, bars[i].at_high});
    }
    const double pad = std::max((hi - lo) * 0.08, 0.005);
    Axis axis{std::max(0.0, lo - pad), std::min(1.0, hi + pad), label_w + 10, kWidth - 20};
    if (axis.hi - axis.lo < 1e-6) axis = {0, 1, axis.x0, axis.x1};
    std::string out = open_svg(height, "Tornado chart of the target's " + std::string(r.gradual ? "strength" : "value"));
    out += rect(axis.x0, 8, 10, 10, kOrange) + text(axis.x0 + 14, 17, "input at the low end of its range");
    out += rect(axis.x0 + 200, 8, 10, 10, kBlue) + text(axis.x0 + 214, 17, "input at the high end");
    const double bottom = top + row * static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) {
        const ReportTornadoBar& b = bars[i];
        const double y = top + row * static_cast<double>(i);
        const double base = axis.at(r.status.value);
        out += text(label_w, y + 14, input_text(r, b, 44), "end");
        for (const auto& [v, colour] : {std::pair{b.at_low, kOrange}, std::pair{b.at_high, kBlue}}) {
            const double x = axis.at(v);
            out += rect(std::min(x, base), y + 4, std::max(std::abs(x - base), 1.0), row - 8, colour);
        }
        const std::string range = "[" + number(b.low) + ", " + number(b.high) + "]";
        out += "<title>" + escape(b.input + " over " + range + ": " + number(b.at_low, 3) + " to " + number(b.at_high, 3)) +
               "</title>\n";
    }
    out += line(axis.at(r.status.value), top - 4, axis.at(r.status.value), bottom, "#000", " stroke-width=\"1.5\"");
    out += axis.draw(bottom, top - 4,
                     std::string(r.gradual ? "strength" : "value (in = 1, undecided = 0.5, out = 0)") +
                         " of the target (baseline " + number(r.status.value, 3) + ")");
    return out + "</svg>\n";
}

std::string histogram_svg(const Report& r) {
    const ReportRobustness& rb = *r.robustness;
    // The threshold and mean labels sit above the plot, clear of the bars.
    const double height = 258, top = 44, bottom = 208, left = 60;
    Axis axis{0, 1, left, kWidth - 20};
    std::uint64_t peak = 1;
    for (std::uint64_t c : rb.histogram) peak = std::max(peak, c);
    const double peak_share = static_cast<double>(peak) / static_cast<double>(rb.samples);
    const double ystep = tick_step(peak_share * 1.2);
    const double ymax = std::ceil(peak_share / ystep - 1e-9) * ystep;
    std::string out = open_svg(height, "Histogram of the target's strength over Monte Carlo samples");
    for (double share = 0; share <= ymax + 1e-9; share += ystep) {
        const double y = bottom - (bottom - top) * share / ymax;
        out += line(left, y, axis.x1, y, "#eee");
        out += text(left - 6, y + 4, number(100 * share, 0) + "%", "end");
    }
    const double bw = (axis.x1 - axis.x0) / static_cast<double>(rb.histogram.size());
    for (std::size_t b = 0; b < rb.histogram.size(); ++b) {
        const double share = static_cast<double>(rb.histogram[b]) / static_cast<double>(rb.samples);
        const double h = (bottom - top) * share / ymax;
        out += rect(axis.x0 + bw * static_cast<double>(b) + 1, bottom - h, bw - 2, h, kBlue);
    }
    out += line(left, top, left, bottom, "#333");
    // A label left of its line near the right edge, right of it elsewhere.
    auto marker = [&](double x, double y, const std::string& label, const char* extra) {
        return x > kWidth - 120 ? text(x - 4, y, label, "end", extra) : text(x + 4, y, label, "start", extra);
    };
    if (r.gradual) {
        const double x = axis.at(r.threshold);
        out += line(x, 6, x, bottom, kVermillion, " stroke-width=\"2\" stroke-dasharray=\"5,3\"");
        out += marker(x, 15, "threshold " + threshold_text(r.threshold), " fill=\"#D55E00\"");
    }
    const double xm = axis.at(rb.mean);
    out += line(xm, 22, xm, bottom, "#000", " stroke-width=\"1.5\"");
    out += marker(xm, 32, "mean " + number(rb.mean), "");
    out += axis.draw(bottom, bottom, "strength of the target (" + std::to_string(rb.samples) + " samples, seed " +
                                         std::to_string(rb.seed) + ")");
    out += text(14, (top + bottom) / 2, "share of samples", "middle",
                (" transform=\"rotate(-90 14 " + f((top + bottom) / 2) + ")\"").c_str());
    return out + "</svg>\n";
}

std::string labels_svg(const ReportRobustness& rb) {
    const double height = 70, left = 20, right = kWidth - 20, y = 10, h = 26;
    std::string out = open_svg(height, "Share of samples in which the target is in, undecided or out");
    double x = left;
    const std::pair<double, const char*> parts[] = {{*rb.p_in, kGreen}, {*rb.p_undec, kYellow}, {*rb.p_out, kVermillion}};
    const char* names[] = {"in", "undecided", "out"};
    for (int i = 0; i < 3; ++i) {
        const double w = (right - left) * parts[i].first;
        out += rect(x, y, w, h, parts[i].second);
        if (w > 60) out += text(x + w / 2, y + 17, std::string(names[i]) + " " + percent(parts[i].first), "middle");
        x += w;
    }
    out += text(left, y + h + 22, "in " + percent(*rb.p_in, 1) + "   undecided " + percent(*rb.p_undec, 1) + "   out " +
                                      percent(*rb.p_out, 1) + "   (" + std::to_string(rb.samples) +
                                      " samples, seed " + std::to_string(rb.seed) + ")");
    return out + "</svg>\n";
}

std::string scenarios_svg(const Report& r) {
    const auto& rows = *r.scenarios;
    const double row = 24, top = 10, label_w = 230;
    const double bottom = top + row * static_cast<double>(rows.size()), height = bottom + 44;
    double hi = r.status.value;
    for (const ReportScenarioRow& s : rows)
        if (s.target) hi = std::max(hi, s.target->value);
    if (r.gradual) hi = std::max(hi, r.threshold);
    // Bars start at 0: a bar cut at 0.45 made 0.50 look twice 0.475.
    Axis axis{0.0, std::min(1.0, hi + std::max(hi * 0.1, 0.01)), label_w + 10, kWidth - 70};
    std::string out = open_svg(height, "The target in each scenario");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = top + row * static_cast<double>(i);
        out += text(label_w, y + 16, shorten(rows[i].name, 36), "end");
        if (!rows[i].target) {
            out += text(axis.x0 + 4, y + 16, "(the target is removed)", "start", " fill=\"#555\"");
            continue;
        }
        const ReportStatus& st = *rows[i].target;
        const char* colour = st.label ? (*st.label == Label::in ? kGreen : *st.label == Label::out ? kVermillion : kYellow)
                                      : kBlue;
        const double w = axis.at(st.value) - axis.x0;
        out += rect(axis.x0, y + 5, std::max(w, 1.0), row - 10, colour);
        // Values in a column right of the axis, clear of the bars and the lines.
        out += text(axis.x1 + 8, y + 16, st.label ? std::string(to_string(*st.label)) : number(st.value, 3));
    }
    const double xb = axis.at(r.status.value);
    out += line(xb, top - 2, xb, bottom, "#000", " stroke-dasharray=\"3,3\"");
    if (r.gradual) {
        const double xt = axis.at(r.threshold);
        out += line(xt, top - 2, xt, bottom, kVermillion, " stroke-width=\"1.5\" stroke-dasharray=\"5,3\"");
    }
    out += axis.draw(bottom, bottom,
                     std::string(r.gradual ? "strength" : "value") + " of the target (dotted: baseline" +
                         (r.gradual ? "; dashed: threshold)" : ")"));
    return out + "</svg>\n";
}

}  // namespace agon::report_detail
