// Writing a report file in the format its name asks for.
#include <filesystem>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/report.hpp"

namespace agon {

std::string report_format(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".html" || ext == ".htm") return "html";
    if (ext == ".pdf") return "pdf";
    if (ext == ".json") return "json";
    throw Error(ErrorKind::usage, "cannot tell the report format of '" + path + "': use .html, .pdf or .json");
}

void write_report(const Report& report, const std::string& path) {
    const std::string format = report_format(path);
    write_file_atomic(path, format == "html" ? report_html(report) : format == "pdf" ? report_pdf(report) : report_json(report) + "\n");
}

}  // namespace agon
