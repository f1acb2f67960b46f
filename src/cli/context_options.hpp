// Options shared by `rvanno annotate`, `compare` and `batch`: the sample's clinical context
// (--tumor-type, --driver, --therapy-history) and the copy-number thresholds of compare/batch.
// Throws UsageError (exit 2) for values that cannot be meant; never exits.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rvanno/gene_copy_number.hpp"
#include "rvanno/knowledge.hpp"
#include "rvanno/verdict.hpp"

namespace rvanno::cli {

// Builds the context of one sample (detected_drivers stays empty: the caller fills it from the
// report with detect_drivers()).
//   tumor_type           OncoTree-style code ("NSCLC", "IMT"): letters, digits, '_', '-';
//                        upper-cased; "" = unknown.
//   drivers              each "<GENE> fusion" (case-insensitive, e.g. "alk fusion"), GENE a
//                        gene of the knowledge base; stored as "ALK fusion"; duplicates dropped.
//                        Anything else is a UsageError with the accepted syntax as hint.
//   therapy_history_csv  comma-separated drugs in the order given ("crizotinib,alectinib");
//                        each a drug id, name or synonym of drugs.tsv, case-insensitive, stored
//                        as the drug id. A class row (ALK_TKI) or an unknown name is a
//                        UsageError naming the entry (with the closest drug as hint).
SampleContext parse_sample_context(const std::string& tumor_type, const std::vector<std::string>& drivers,
                                   const std::string& therapy_history_csv, const KnowledgeBase& kb);

// The drug id for a drug id, name or synonym (case-insensitive), or nullopt. Class rows are
// returned too (the caller decides whether a class is acceptable).
std::optional<std::string> find_drug(const std::string& name, const KnowledgeBase& kb);

// Copy-number threshold options as given (compare, batch): --cn-thresholds, --amp-cn, ...
struct CnThresholdOptions {
    std::string mode = "absolute";
    std::optional<double> amplification, gain, loss, deep_deletion;
};
// The run's thresholds: defaults of `mode` (absolute: 5/3/1/0.5, relative: 3/1.5/0.5/0.5)
// overridden by the values given. `command` prefixes messages ("compare"). Throws UsageError.
CnThresholds make_cn_thresholds(const CnThresholdOptions& o, const std::string& command);

}  // namespace rvanno::cli
