// Transparent huge pages for one large array that is filled once (the knowledge base's entries:
// 100k rows are ~60 MB, ~15,000 4 KB page faults, a tenth of the load; issue 10). Private to src/.
#pragma once
#include <cstddef>

namespace rvanno {

// Asks the kernel (Linux madvise MADV_HUGEPAGE) to back the whole 2 MB pages inside
// [data, data + bytes) with huge pages when they are first touched. Advice only: the contents,
// the addresses and who frees the memory do not change, and it is harmless where refused.
// Returns whether advice was given (false: no whole 2 MB page inside, or not Linux, or refused).
bool advise_huge_pages(void* data, std::size_t bytes);

}  // namespace rvanno
