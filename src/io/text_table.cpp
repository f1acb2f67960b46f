#include "io/text_table.hpp"

#include <htslib/bgzf.h>

#include "rvanno/error.hpp"

namespace rvanno {

namespace {

constexpr std::size_t kBlock = 1 << 16;

}  // namespace

void TextLines::Close::operator()(BGZF* f) const noexcept { bgzf_close(f); }

// bgzf_open reads plain files as they are, gzip and bgzip files decompressed, and "-" as stdin.
TextLines::TextLines(const std::filesystem::path& path) : path_(path.string()), file_(bgzf_open(path_.c_str(), "r")) {}

TextLines::TextLines(TextLines&&) noexcept = default;
TextLines& TextLines::operator=(TextLines&&) noexcept = default;
TextLines::~TextLines() = default;

// bgzf_compression: 0 no compression, 1 gzip, 2 BGZF.
bool TextLines::compressed() const { return file_ && bgzf_compression(file_.get()) != 0; }

bool TextLines::fill() {
    if (!file_ || bad_) return false;
    buf_.resize(kBlock);
    const ssize_t n = bgzf_read(file_.get(), buf_.data(), kBlock);
    pos_ = 0;
    if (n < 0) bad_ = true;
    buf_.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    if (!decided_ && n > 0) {  // old Mac: CR line ends and no LF anywhere in the first block
        decided_ = true;
        end_ = buf_.find('\n') == std::string::npos && buf_.find('\r') != std::string::npos ? '\r' : '\n';
    }
    return n > 0;
}

bool TextLines::next(std::string& line) {
    line.clear();
    bool any = false;
    while (pos_ < buf_.size() || fill()) {
        const std::size_t k = buf_.find(end_, pos_);
        if (k == std::string::npos) {
            line.append(buf_, pos_, std::string::npos);
            pos_ = buf_.size();
            any = true;
            continue;
        }
        line.append(buf_, pos_, k - pos_);
        pos_ = k + 1;
        any = true;
        break;
    }
    if (!any) return false;
    if (end_ == '\n' && !line.empty() && line.back() == '\r') line.pop_back();  // CR LF
    ++line_;
    return true;
}

TextTable::TextTable(const std::filesystem::path& path, const std::vector<std::string>& required)
    : path_(path), lines_(path) {
    if (!lines_.is_open()) {
        throw UserError("cannot open '" + path.string() + "'", "check that the file exists and is readable");
    }
    std::string l;
    while (lines_.next(l)) {
        if (l.empty() || l[0] == '#') continue;
        header_ = split(l, '\t');
        break;
    }
    if (lines_.bad())
        throw UserError("read error on '" + path.string() + "'", "the file may be truncated or its gzip data corrupt");
    if (header_.empty())
        throw InputError(path.string(), "no header line", "the first non-'#' line must name the columns");
    for (std::size_t i = 0; i < header_.size(); ++i) index_[header_[i]] = i;
    for (const auto& r : required)
        if (!index_.count(r))
            throw InputError(where(), "missing column '" + r + "'",
                             "see db/README.md for the columns this table needs");
}

bool TextTable::next(const std::set<std::string, std::less<>>* first_cell_in) {
    while (lines_.next(line_)) {
        if (line_.empty() || line_[0] == '#') continue;
        if (first_cell_in && !first_cell_in->count(std::string_view(line_).substr(0, line_.find('\t')))) continue;
        // Split into the cells kept from the last row: their capacity is reused, so a table of
        // 18,000 transcript rows costs no allocation per cell.
        std::size_t n = 0, from = 0;
        while (true) {
            const auto tab = line_.find('\t', from);
            const auto len = (tab == std::string::npos ? line_.size() : tab) - from;
            if (n == cells_.size()) cells_.emplace_back();
            cells_[n++].assign(line_, from, len);
            if (tab == std::string::npos) break;
            from = tab + 1;
        }
        cells_.resize(n);
        if (cells_.size() > header_.size())
            throw InputError(where(),
                             "row has " + std::to_string(cells_.size()) + " columns but the header has " +
                                 std::to_string(header_.size()),
                             "check for stray tab characters in the row");
        return true;
    }
    if (lines_.bad())
        throw UserError("read error on '" + path_.string() + "' after line " + std::to_string(lines_.line()),
                        "the file may be truncated or its gzip data corrupt");
    return false;
}

std::size_t TextTable::column(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? kNoColumn : it->second;
}

const std::string& TableRow::cell(std::size_t column) const {
    static const std::string empty;
    return column < cells->size() ? (*cells)[column] : empty;
}

const std::string& TableRow::get(const std::string& column) const {
    static const std::string empty;
    auto it = index->find(column);
    if (it == index->end() || it->second >= cells->size()) return empty;
    return (*cells)[it->second];
}

const std::string& TextTable::cell(std::size_t column) const { return row().cell(column); }

const std::string& TextTable::get(const std::string& column) const { return row().get(column); }

}  // namespace rvanno
