// load_round: a round file by its extension, with format files read beside it.
#include <filesystem>

#include "agon/file.hpp"
#include "agon/round.hpp"
#include "io/formats.hpp"
#include "reader_util.hpp"

namespace agon {

Round load_round(const std::string& path) {
    const std::string file_text = read_file(path, std::size_t(64) << 20);
    const std::string_view text = detail::without_bom(file_text);  // spreadsheets export CSV with one
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    FormatLoader load = [&](const std::string& value, const Location& where) {
        const std::filesystem::path file = dir / value;
        if (!std::filesystem::is_regular_file(file)) detail::unknown_format(value, where);
        return parse_round_format(read_file(file.string(), std::size_t(1) << 20), file.string());
    };
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".csv") return parse_round_csv(text, path, load);
    if (ext == ".json") return parse_round_json(text, path, load);
    return parse_round_text(text, path, load);
}

}  // namespace agon
