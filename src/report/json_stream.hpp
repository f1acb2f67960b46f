// Writing a large JSON document piece by piece (report/json.cpp): the text nlohmann's
// dump(2) of the whole document would give, without building the whole document.
#pragma once
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace rvanno::report_json {

using json = nlohmann::ordered_json;

// The document is written element by element, never built whole: a panel's report can hold
// tens of thousands of matches, and a DOM of them takes ten times the output's size. The text is
// what `doc.dump(2)` of the whole document would give: each value is dumped alone and indented
// to its depth (JSON strings hold no raw newline, so every '\n' of a dump starts a line).
// Appends `text` to `out` with every line after the first indented by `n` more spaces (how a
// value dumped alone is placed at its depth in a larger dump).
inline void append_indented(std::string& out, std::string_view text, std::size_t n) {
    std::size_t from = 0;
    for (std::size_t nl; (nl = text.find('\n', from)) != std::string_view::npos; from = nl + 1) {
        out.append(text, from, nl + 1 - from);
        out.append(n, ' ');
    }
    out.append(text, from);
}

class DocWriter {
public:
    // `opening`: this writer starts the document ("{"); else it continues one after its first key.
    explicit DocWriter(std::ostream& out, bool opening = true) : out_(out), first_(opening) {
        if (opening) out_ << "{";
    }
    void value(const char* key, const json& v) {
        open_key(key);
        indented(v, 2);
    }
    // An array whose elements `each(emit)` produces one at a time.
    template <class Each>
    void array(const char* key, Each each) {
        open_key(key);
        bool any = false;
        each([&](const json& element) {
            out_ << (any ? ",\n    " : "[\n    ");
            any = true;
            indented(element, 4);
        });
        out_ << (any ? "\n  ]" : "[]");
    }
    // The same with elements given as their own dump(2) text.
    template <class Each>
    void array_of_text(const char* key, Each each) {
        open_key(key);
        bool any = false;
        each([&](const std::string& element) {
            out_ << (any ? ",\n    " : "[\n    ");
            any = true;
            indented(element, 4);
        });
        out_ << (any ? "\n  ]" : "[]");
    }
    void close() { out_ << "\n}\n"; }

private:
    std::ostream& out_;
    bool first_;
    std::string buffer_;  // reused by indented()
    void open_key(const char* key) {
        out_ << (first_ ? "\n  \"" : ",\n  \"") << key << "\": ";
        first_ = false;
    }
    void indented(const json& v, int depth) { indented(v.dump(2, ' ', false, json::error_handler_t::replace), depth); }
    void indented(const std::string& text, int depth) {
        buffer_.clear();
        append_indented(buffer_, text, static_cast<std::size_t>(depth));
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    }
};

// A temporary file (removed by the destructor) for the part of a document written before the
// part that precedes it is known; a file, not memory, so that memory stays bounded.
class SpillFile {
public:
    SpillFile();  // in std::filesystem::temp_directory_path() ($TMPDIR); throws UserError
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;
    std::ostream& stream() { return out_; }
    // Closes the file and copies everything written to `to`.
    void copy_to(std::ostream& to);

private:
    std::filesystem::path path_;
    std::ofstream out_;
};

}  // namespace rvanno::report_json
