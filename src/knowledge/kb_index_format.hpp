// The knowledge index's file layout, shared by its writer and reader (knowledge/kb_index.hpp).
// Private to src/knowledge.
#pragma once
#include <zlib.h>

#include <cstddef>
#include <cstdint>

namespace rvanno::detail::kb_index {

inline constexpr char kMagic[8] = {'R', 'V', 'K', 'B', 'I', 'D', 'X', '\n'};
inline constexpr std::uint32_t kFormat = 1;
inline constexpr std::uint32_t kByteOrder = 0x01020304;
// u32 table, u32 text length, i64 line, u64 text offset, u32 CRC-32 of those 24 bytes and the
// text, u32 zero
inline constexpr std::size_t kRowRecord = 32;
inline constexpr std::size_t kPrefix = 32;  // u64 tail_at, tail_size, keys_size, CRC-32 of [kPrefix, tail_at)

inline std::uint32_t crc(std::uint32_t sum, const void* p, std::size_t n) {
    return static_cast<std::uint32_t>(::crc32(sum, static_cast<const Bytef*>(p), static_cast<uInt>(n)));
}

}  // namespace rvanno::detail::kb_index
