// The grow-only string set (rules: base/unique_strings.hpp).
#include "base/unique_strings.hpp"

#include <functional>
#include <stdexcept>

namespace rvanno {

void UniqueStrings::reserve(std::size_t n) {
    std::size_t slots = 16;
    while (slots < 2 * n) slots *= 2;
    if (slots > slots_.size()) rehash(slots);
}

void UniqueStrings::rehash(std::size_t slots) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(slots, Slot{});
    const std::size_t mask = slots - 1;
    for (const Slot& s : old) {
        if (s.length == kEmpty) continue;
        std::size_t i = s.hash & mask;
        while (slots_[i].length != kEmpty) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

bool UniqueStrings::insert(std::string_view s) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    const std::uint64_t h = std::hash<std::string_view>{}(s);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (; slots_[i].length != kEmpty; i = (i + 1) & mask) {
        const Slot& t = slots_[i];
        if (t.hash == h && std::string_view(text_).substr(t.offset, t.length) == s) return false;
    }
    if (text_.size() + s.size() >= kEmpty || s.size() >= kEmpty)
        throw std::length_error("UniqueStrings: more than 4 GB of strings");
    slots_[i] = {h, static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())};
    text_.append(s);
    ++size_;
    return true;
}

}  // namespace rvanno
