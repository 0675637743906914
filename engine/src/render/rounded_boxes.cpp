#include "rounded_boxes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace agon::detail {

namespace {

// A number as Graphviz's SVG renderer prints it: "%.2f", then trailing zeros
// and a bare point dropped; "0" near zero.
void put_number(std::string& out, double x) {
    long long hundredths = std::llround(x * 100);
    if (hundredths == 0) {
        out += '0';
        return;
    }
    if (hundredths < 0) out += '-', hundredths = -hundredths;
    out += std::to_string(hundredths / 100);
    const int cents = static_cast<int>(hundredths % 100);
    if (cents == 0) return;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    if (cents % 10) out += static_cast<char>('0' + cents % 10);
}

struct Point {
    double x, y;
};

// The 5 points of "x,y x,y ..." when they close an axis-aligned rectangle
// in Graphviz's order (right top, left top, left bottom, right bottom).
bool rectangle(std::string_view points, Point p[5]) {
    const std::string text(points);
    const char* at = text.c_str();
    for (int i = 0; i < 5; ++i) {
        char* end = nullptr;
        p[i].x = std::strtod(at, &end);
        if (end == at || *end != ',') return false;
        at = end + 1;
        p[i].y = std::strtod(at, &end);
        if (end == at) return false;
        at = end;
        while (*at == ' ') ++at;
    }
    return *at == '\0' && p[0].x == p[4].x && p[0].y == p[4].y && p[0].y == p[1].y && p[1].x == p[2].x &&
           p[2].y == p[3].y && p[3].x == p[0].x && p[0].x > p[1].x && p[2].y > p[1].y;
}

// Graphviz's round_corners for a box: along each side from the top right
// corner anticlockwise, the straight part, then the corner's curve with its
// control points half a radius from the corner.
void put_rounded(std::string& out, const Point p[5]) {
    const double right = p[0].x, left = p[1].x, top = p[0].y, bottom = p[2].y;
    const double r = std::min({12.0, (right - left) / 3, (bottom - top) / 3}), h = r / 2;
    const Point path[] = {{right - r, top},   {right - r, top},    {left + r, top},     {left + r, top},
                          {left + h, top},    {left, top + h},     {left, top + r},     {left, top + r},
                          {left, bottom - r}, {left, bottom - r},  {left, bottom - h},  {left + h, bottom},
                          {left + r, bottom}, {left + r, bottom},  {right - r, bottom}, {right - r, bottom},
                          {right - h, bottom}, {right, bottom - h}, {right, bottom - r}, {right, bottom - r},
                          {right, top + r},   {right, top + r},    {right, top + h},    {right - h, top},
                          {right - r, top}};
    out += "M";
    for (std::size_t i = 0; i < std::size(path); ++i) {
        if (i == 1) out += 'C';
        else if (i > 1) out += ' ';
        put_number(out, path[i].x);
        out += ',';
        put_number(out, path[i].y);
    }
}

}  // namespace

std::string rounded_boxes(const std::string& svg) {
    constexpr std::string_view node = "class=\"node\">", polygon = "<polygon ", points = " points=\"";
    std::string out;
    out.reserve(svg.size() + svg.size() / 4);
    std::size_t copied = 0;
    for (std::size_t at = svg.find(node); at != std::string::npos; at = svg.find(node, at + 1)) {
        // The group's first shape, before any other shape or text (searched
        // within the group only: a search to the end made this quadratic).
        const std::size_t end = svg.find("</g>", at);
        if (end == std::string::npos) break;
        const std::string_view group = std::string_view(svg).substr(at, end - at);
        const std::size_t start = group.find(polygon);
        if (start == std::string_view::npos ||
            std::min({group.find("<text"), group.find("<ellipse"), group.find("<path")}) < start)
            continue;
        const std::size_t p = group.find(points, start), close = p == std::string_view::npos ? p : group.find('"', p + points.size());
        if (close == std::string_view::npos) continue;
        Point corners[5];
        if (!rectangle(group.substr(p + points.size(), close - p - points.size()), corners)) continue;
        out.append(svg, copied, at + start - copied);
        out += "<path ";
        out.append(group.substr(start + polygon.size(), p - start - polygon.size()));  // fill, stroke, ...
        out += " d=\"";
        put_rounded(out, corners);
        copied = at + close;  // the closing quote and "/>" follow
    }
    out.append(svg, copied, std::string::npos);
    return out;
}

}  // namespace agon::detail
