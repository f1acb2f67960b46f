#include "io/content_hash.hpp"

#include <htslib/hts.h>

#include <fstream>
#include <memory>
#include <system_error>
#include <utility>

#include "rvanno/error.hpp"

namespace rvanno {
namespace {
struct Md5Destroy {
    void operator()(hts_md5_context* p) const noexcept { hts_md5_destroy(p); }
};
}  // namespace

std::string md5_of_files(const std::filesystem::path& base, const std::vector<std::filesystem::path>& files) {
    std::unique_ptr<hts_md5_context, Md5Destroy> ctx(hts_md5_init());
    if (!ctx) throw UserError("cannot initialise MD5");
    std::vector<char> buf(1 << 16);
    for (const auto& f : files) {
        auto name = std::filesystem::relative(f, base).generic_string();
        hts_md5_update(ctx.get(), name.c_str(), name.size() + 1);
        std::ifstream in(f, std::ios::binary);
        if (!in) throw UserError("cannot read '" + f.string() + "'");
        while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
            hts_md5_update(ctx.get(), buf.data(), static_cast<unsigned long>(in.gcount()));
        hts_md5_update(ctx.get(), "", 1);
    }
    unsigned char digest[16];
    hts_md5_final(digest, ctx.get());
    char hex[33];
    hts_md5_hex(hex, digest);
    return hex;
}

std::future<std::string> md5_of_files_async(std::filesystem::path base, std::vector<std::filesystem::path> files) {
    auto job = [base = std::move(base), files = std::move(files)] { return md5_of_files(base, files); };
    try {
        return std::async(std::launch::async, job);
    } catch (const std::system_error&) {  // no thread to be had (a resource limit): hash in get()
        return std::async(std::launch::deferred, std::move(job));
    }
}

}  // namespace rvanno
