// A set of strings that only grows and answers one question, "was this one seen before?", for
// many short keys: the knowledge base's duplicate-id check over 100k row ids (issue 10), where a
// node-based std::unordered_set cost three cache misses per row (bucket, the node before the
// bucket's first, the node) and a tenth of the load. Open addressing over (hash, offset, length)
// slots of 16 bytes, the strings appended to one buffer: one miss per insert, one free at the end.
// Private to src/.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rvanno {

class UniqueStrings {
public:
    // Room for n strings without growing (the slot table is then 2n to 4n slots).
    void reserve(std::size_t n);
    // Adds s; false if it was already there (then nothing changes).
    bool insert(std::string_view s);
    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uint64_t hash{0};
        std::uint32_t offset{0};
        std::uint32_t length{kEmpty};  // kEmpty: a free slot
    };
    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    void rehash(std::size_t slots);  // slots: a power of two
    std::vector<Slot> slots_;
    std::string text_;  // every string, one after the other
    std::size_t size_{0};
};

}  // namespace rvanno
