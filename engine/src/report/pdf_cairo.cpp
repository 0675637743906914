// The report as an A4 PDF: pango lays out the blocks of document() on a
// cairo PDF surface, librsvg draws the maps and charts. The only file that
// sees cairo, pango or librsvg.
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "agon/error.hpp"
#include "agon/report.hpp"
#include "document.hpp"
#include "page_fit.hpp"

namespace agon {

namespace {

using report_detail::Block;
using report_detail::Cell;
using report_detail::kFooter;
using report_detail::kMargin;
using report_detail::kPageH;
using report_detail::kPageW;

constexpr double kContentW = kPageW - 2 * kMargin;
// Paragraphs and notes: the writer draws them, and measures them to keep a heading with one.
constexpr const char *kParagraphFont = "DejaVu Sans 9.5", *kNoteFont = "DejaVu Sans Italic 9";
constexpr double kNoteW = kContentW - 12;
constexpr double kPad = 3;

struct Rgb {
    double r, g, b;
};

Rgb tone_colour(const std::string& tone) {
    if (tone == "in" || tone == "good") return {0.85, 0.94, 0.91};
    if (tone == "out" || tone == "bad") return {0.97, 0.88, 0.82};
    if (tone == "undec") return {0.98, 0.97, 0.81};
    return {1, 1, 1};
}

// Collects the PDF bytes cairo writes.
cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

class Writer {
public:
    Writer(std::string& out, std::string footer)
        : surface_(cairo_pdf_surface_create_for_stream(append, &out, kPageW, kPageH)),
          cr_(cairo_create(surface_)),
          footer_(std::move(footer)) {}
    ~Writer() {
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // `next` is the block after `b`, if any: a heading is kept with it.
    void block(const Block& b, const Block* next) {
        switch (b.kind) {
            case Block::Kind::title: text(b.text, "DejaVu Sans Bold 19", kContentW, 0, {0.1, 0.1, 0.1}, 6); break;
            case Block::Kind::lead: text(b.text, "DejaVu Sans 8.5", kContentW, 0, {0.35, 0.35, 0.35}, 10); break;
            case Block::Kind::heading: heading(b.text, next); break;
            case Block::Kind::paragraph: text(b.text, kParagraphFont, kContentW, 0, {0.1, 0.1, 0.1}, 7); break;
            case Block::Kind::note: text(b.text, kNoteFont, kNoteW, 8, {0.33, 0.33, 0.33}, 8); break;
            case Block::Kind::bullets:
                for (const std::string& item : b.items) {
                    const double h = measure(item, "DejaVu Sans 9.5", kContentW - 14);
                    room(h);
                    draw("\u2022", "DejaVu Sans 9.5", 20, kMargin + 2, y_, {0, 0.45, 0.7});
                    draw(item, "DejaVu Sans 9.5", kContentW - 14, kMargin + 14, y_, {0.1, 0.1, 0.1});
                    y_ += h + 5;
                }
                y_ += 4;
                break;
            case Block::Kind::table: table(b); break;
            case Block::Kind::figure: figure(b); break;
        }
    }

    void finish() {
        footer();
        cairo_surface_finish(surface_);
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
            throw Error(ErrorKind::io, std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface_)));
    }

private:
    using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

    Layout layout(const std::string& s, const char* font, double width) {
        Layout l(pango_cairo_create_layout(cr_), g_object_unref);
        PangoFontDescription* desc = pango_font_description_from_string(font);
        pango_layout_set_font_description(l.get(), desc);
        pango_font_description_free(desc);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(l.get(), s.c_str(), static_cast<int>(s.size()));
        return l;
    }
    double measure(const std::string& s, const char* font, double width) {
        int w = 0, h = 0;
        pango_layout_get_size(layout(s, font, width).get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    // Width of `s` on one line.
    double line_width(const std::string& s, const char* font) {
        Layout l = layout(s, font, 0);
        pango_layout_set_width(l.get(), -1);
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        return static_cast<double>(w) / PANGO_SCALE;
    }
    void draw(const std::string& s, const char* font, double width, double x, double y, Rgb c, bool right = false) {
        Layout l = layout(s, font, width);
        if (right) pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
        show(l, x, y, c);
    }
    void show(const Layout& l, double x, double y, Rgb c) {
        cairo_set_source_rgb(cr_, c.r, c.g, c.b);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, l.get());
    }
    void text(const std::string& s, const char* font, double width, double indent, Rgb c, double after) {
        const double h = measure(s, font, width);
        room(h);
        draw(s, font, width, kMargin + indent, y_, c);
        y_ += h + after;
    }
    void heading(const std::string& s, const Block* next) {
        const double h = measure(s, "DejaVu Sans Bold 13", kContentW);
        room(h + 18 + kept_with_heading(next));
        y_ += 8;
        draw(s, "DejaVu Sans Bold 13", kContentW, kMargin, y_, {0.1, 0.1, 0.1});
        y_ += h + 2;
        cairo_set_source_rgb(cr_, 0, 0.447, 0.698);
        cairo_set_line_width(cr_, 1.5);
        cairo_move_to(cr_, kMargin, y_);
        cairo_line_to(cr_, kMargin + kContentW, y_);
        cairo_stroke(cr_);
        y_ += 8;
    }

    // How much of the block after a heading must fit on the heading's page:
    // a paragraph or note whole (it is never split), else 60 points of a
    // table, a figure or a list.
    double kept_with_heading(const Block* next) {
        if (next && next->kind == Block::Kind::paragraph) return measure(next->text, kParagraphFont, kContentW);
        if (next && next->kind == Block::Kind::note) return measure(next->text, kNoteFont, kNoteW);
        return 60;
    }

    // Start a new page when `h` points do not fit; true when it did.
    bool room(double h) {
        if (y_ + h <= page_h_ - kMargin - kFooter || y_ == kMargin) return false;
        new_page(page_w_, page_h_);
        return true;
    }
    // A new page of the given size; the current one ends unless nothing is on it yet.
    void new_page(double width, double height) {
        if (y_ > kMargin) {
            footer();
            cairo_show_page(cr_);
        }
        cairo_pdf_surface_set_size(surface_, width, height);
        page_w_ = width;
        page_h_ = height;
        y_ = kMargin;
    }
    // The title on one line, cut with an ellipsis before it would reach the
    // page number at the right margin: a long title would otherwise wrap off
    // the foot of the page and push the page number with it.
    void footer() {
        const char* font = "DejaVu Sans 7.5";
        const Rgb grey{0.45, 0.45, 0.45};
        const double y = page_h_ - kMargin + 6, width = page_w_ - 2 * kMargin;
        const std::string page = "page " + std::to_string(++page_);
        Layout title = layout(footer_, font, width - line_width(page, font) - 12);
        pango_layout_set_single_paragraph_mode(title.get(), TRUE);
        pango_layout_set_ellipsize(title.get(), PANGO_ELLIPSIZE_END);
        show(title, kMargin, y, grey);
        draw(page, font, width, kMargin, y, grey, true);
    }

    double row_height(const std::vector<Cell>& cells, const std::vector<double>& widths, const char* font) {
        double h = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) h = std::max(h, measure(cells[i].text, font, widths[i] - 2 * kPad));
        return h + 2 * kPad;
    }
    void row(const std::vector<Cell>& cells, const std::vector<double>& widths, bool header) {
        const char* font = header ? header_font_.c_str() : "DejaVu Sans 8";
        const double h = row_height(cells, widths, font);
        if (room(h) && !header) row(header_, widths, true);
        double x = kMargin;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Rgb bg = header ? Rgb{0.93, 0.95, 0.97} : tone_colour(cells[i].tone);
            cairo_rectangle(cr_, x, y_, widths[i], h);
            cairo_set_source_rgb(cr_, bg.r, bg.g, bg.b);
            cairo_fill_preserve(cr_);
            cairo_set_source_rgb(cr_, 0.8, 0.8, 0.8);
            cairo_set_line_width(cr_, 0.5);
            cairo_stroke(cr_);
            const Rgb ink = cells[i].tone == "muted" ? Rgb{0.47, 0.47, 0.47} : Rgb{0.1, 0.1, 0.1};
            draw(cells[i].text, font, widths[i] - 2 * kPad, x + kPad, y_ + kPad, ink, cells[i].number);
            x += widths[i];
        }
        y_ += h;
    }
    // The header font: bold 8 pt, smaller (down to 5.5 pt) when a word of a
    // header would not fit its column and pango would break it mid-word.
    // Stepped down and measured again: hinted widths do not scale linearly.
    std::string header_font(const std::vector<double>& widths) {
        char font[48];
        for (double size = 8; ; size -= 0.25) {
            std::snprintf(font, sizeof font, "DejaVu Sans Bold %.2f", size);
            if (size <= 5.5 || header_words_fit(widths, font)) return font;
        }
    }
    bool header_words_fit(const std::vector<double>& widths, const char* font) {
        for (std::size_t i = 0; i < header_.size(); ++i) {
            const std::string& text = header_[i].text;
            for (std::size_t at = 0; at < text.size();) {
                const std::size_t end = std::min(text.find(' ', at), text.size());
                if (end > at && line_width(text.substr(at, end - at), font) > widths[i] - 2 * kPad) return false;
                at = end + 1;
            }
        }
        return true;
    }
    void table(const Block& b) {
        double total = 0;
        for (double w : b.widths) total += w;
        std::vector<double> widths;
        for (double w : b.widths) widths.push_back(kContentW * w / total);
        header_.clear();
        for (const std::string& h : b.header) header_.push_back({h, "", false});
        header_font_ = header_font(widths);
        // The caption, the header and the first row stay on one page.
        const char* caption_font = "DejaVu Sans Bold 8.5";
        const double caption = b.text.empty() ? 0 : measure(b.text, caption_font, kContentW) + 3;
        room(caption + row_height(header_, widths, header_font_.c_str()) +
             (b.rows.empty() ? 0 : row_height(b.rows[0], widths, "DejaVu Sans 8")));
        if (!b.text.empty()) {
            draw(b.text, caption_font, kContentW, kMargin, y_, {0.1, 0.1, 0.1});
            y_ += caption;
        }
        row(header_, widths, true);
        for (const auto& r : b.rows) row(r, widths, false);
        y_ += 10;
    }

    void figure(const Block& b) {
        GError* error = nullptr;
        RsvgHandle* svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(b.svg.data()), b.svg.size(), &error);
        if (!svg) {
            const std::string message = error ? error->message : "unknown error";
            if (error) g_error_free(error);
            throw Error(ErrorKind::invalid_input, "cannot draw a figure of the report: " + message);
        }
        double w = 0, h = 0;
        if (!rsvg_handle_get_intrinsic_size_in_pixels(svg, &w, &h) || w <= 0 || h <= 0) w = kContentW, h = kContentW * 0.6;
        if (b.whole_map) {
            if (const report_detail::MapFit fit = report_detail::fit_whole_map(w, h); fit.landscape) {
                landscape_map(svg, w, h, fit.scale, b.text);
                g_object_unref(svg);
                return;
            }
        }
        double scale = report_detail::portrait_scale(w, h);
        const double cap = measure(b.text, "DejaVu Sans Italic 8", kContentW);
        // A figure shrinks into the rest of the page when it keeps at least 70% of its size.
        const double left = kPageH - kMargin - kFooter - y_ - cap - 6;
        if (h * scale > left && left >= 0.7 * h * scale) scale = left / h;
        room(h * scale + cap + 6);
        RsvgRectangle viewport{kMargin + (kContentW - w * scale) / 2, y_, w * scale, h * scale};
        rsvg_handle_render_document(svg, cr_, &viewport, nullptr);
        g_object_unref(svg);
        y_ += h * scale + 4;
        draw(b.text, "DejaVu Sans Italic 8", kContentW, kMargin, y_, {0.33, 0.33, 0.33});
        y_ += cap + 12;
    }

    // The whole map on landscape pages of its own, in strips cut between boxes.
    void landscape_map(RsvgHandle* svg, double w, double h, double scale, const std::string& caption) {
        const std::vector<double> tops =
            report_detail::strip_tops(boxes(svg, w, h), h, report_detail::landscape_strip_height() / scale);
        const double content_w = kPageH - 2 * kMargin;
        for (std::size_t i = 0; i < tops.size(); ++i) {
            new_page(kPageH, kPageW);
            const double bottom = i + 1 < tops.size() ? tops[i + 1] : h;
            cairo_save(cr_);
            cairo_rectangle(cr_, kMargin, y_, content_w, (bottom - tops[i]) * scale);
            cairo_clip(cr_);
            RsvgRectangle viewport{kMargin + (content_w - w * scale) / 2, y_ - tops[i] * scale, w * scale, h * scale};
            rsvg_handle_render_document(svg, cr_, &viewport, nullptr);
            cairo_restore(cr_);
            y_ += (bottom - tops[i]) * scale + 4;
            const std::string part = tops.size() == 1 ? caption
                                     : caption + " Part " + std::to_string(i + 1) + " of " + std::to_string(tops.size()) +
                                           (i + 1 < tops.size() ? ", continued on the next page." : ".");
            draw(part, "DejaVu Sans Italic 8", content_w, kMargin, y_, {0.33, 0.33, 0.33});
        }
        new_page(kPageW, kPageH);
    }
    // The vertical extent of each box (Graphviz ids node1, node2, ... and the
    // legend's clust1, ...) in map units, so that no cut goes through one.
    static std::vector<report_detail::Span> boxes(RsvgHandle* svg, double w, double h) {
        std::vector<report_detail::Span> out;
        const RsvgRectangle viewport{0, 0, w, h};
        for (const char* kind : {"#node", "#clust"})
            for (int i = 1;; ++i) {
                const std::string id = kind + std::to_string(i);
                RsvgRectangle ink, logical;
                if (!rsvg_handle_has_sub(svg, id.c_str()) ||
                    !rsvg_handle_get_geometry_for_layer(svg, id.c_str(), &viewport, &ink, &logical, nullptr))
                    break;
                out.push_back({ink.y, ink.y + ink.height});
            }
        return out;
    }

    cairo_surface_t* surface_;
    cairo_t* cr_;
    std::string footer_;
    std::vector<Cell> header_;
    std::string header_font_ = "DejaVu Sans Bold 8";
    double page_w_ = kPageW, page_h_ = kPageH;
    double y_ = kMargin;
    int page_ = 0;
};

}  // namespace

bool report_pdf_available() noexcept { return true; }

std::string report_pdf(const Report& report) {
    std::string out;
    {
        Writer writer(out, report.title);
        const std::vector<Block> blocks = report_detail::document(report);
        for (std::size_t i = 0; i < blocks.size(); ++i) writer.block(blocks[i], i + 1 < blocks.size() ? &blocks[i + 1] : nullptr);
        writer.finish();
    }
    return out;
}

}  // namespace agon
