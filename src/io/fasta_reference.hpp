// Reference sequence from an indexed FASTA (HTSlib faidx), answering in canonical contig
// names whatever the FASTA calls its sequences ("chr2" or "2", "chrM" or "MT").
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "rvanno/reference.hpp"

namespace rvanno {

class FastaReference : public ReferenceSequence {
public:
    // Opens `path` and its .fai (HTSlib builds a missing .fai when it can).
    // Throws UserError("cannot open FASTA index for '<path>'", hint) on failure.
    explicit FastaReference(const std::filesystem::path& path);
    ~FastaReference() override;
    FastaReference(FastaReference&&) noexcept;
    FastaReference& operator=(FastaReference&&) noexcept;

    // Upper-case [begin, end) of a canonical contig (or of a sequence by its own FASTA
    // name); nullopt when absent or past the end. Not safe to call from several threads.
    std::optional<std::string> fetch(const std::string& contig, std::int64_t begin, std::int64_t end) const override;

private:
    struct Index;  // keeps HTSlib out of this header
    std::unique_ptr<Index> index_;
    std::map<std::string, std::string> fasta_name_;  // canonical -> name in the FASTA
};

}  // namespace rvanno
