// The one TSV helper of the tests: lines of a text and the cells of a line. Test-only.
#pragma once
#include <sstream>
#include <string>
#include <vector>

namespace rvanno::test {

inline std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string l;
    while (std::getline(in, l)) out.push_back(l);
    return out;
}

// The tab-separated cells of one line ("" gives one empty cell).
inline std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0, p;
    while ((p = line.find('\t', start)) != std::string::npos) {
        out.push_back(line.substr(start, p - start));
        start = p + 1;
    }
    out.push_back(line.substr(start));
    return out;
}

}  // namespace rvanno::test
