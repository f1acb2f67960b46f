// `rvanno annotate -f html` rendered by a real browser: the index case (PTPN1 c.1088+1G>A,
// focal ALK/CCND1/PPM1D amplification, ALK-fusion IMT after four ALK TKIs) is written as one
// HTML file, rendered headless by Debian's chromium to a PNG and printed to PDF, and the PDF's
// text (pdftotext) must show the key findings; a hostile sample name must print as literal
// text. Skipped when chromium or pdftotext is not installed (scripts/install-deps.sh installs
// both).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace rvanno::test;

namespace {

bool have(const std::string& tool) { return std::system(("command -v " + tool + " > /dev/null 2>&1").c_str()) == 0; }

// Headless chromium with everything that could reach the network or a profile turned off.
int chromium(const fs::path& tmp, const std::string& what, const fs::path& html) {
    const std::string cmd = "cd " + shell_quote(tmp.string()) + " && HOME=" + shell_quote(tmp.string()) +
                            " timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
                            " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
                            " --user-data-dir=" +
                            shell_quote((tmp / "profile").string()) + " " + what + " " +
                            shell_quote("file://" + fs::absolute(html).string()) + " > " +
                            shell_quote((tmp / "chromium.log").string()) + " 2>&1";
    return std::system(cmd.c_str());
}

// The PDF's text with runs of white space folded to one space.
std::string pdf_text(const fs::path& pdf) {
    const fs::path txt = pdf.string() + ".txt";
    const std::string cmd = "pdftotext -enc UTF-8 " + shell_quote(pdf.string()) + " " + shell_quote(txt.string());
    if (std::system(cmd.c_str()) != 0) return "";
    std::string s, raw = slurp(txt);
    for (char c : raw) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && (s.empty() || s.back() == ' ')) continue;
        s += space ? ' ' : c;
    }
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const fs::path kCase = fs::path(RVANNO_TESTDATA) / "cases" / "annotate" / "index_case";

std::vector<std::string> index_case_args(const fs::path& out, const std::string& vcf) {
    return {"annotate",
            "--cnv",
            "../index_case_cnv/tumour.cns",
            "--driver",
            "ALK fusion",
            "--tumor-type",
            "IMT",
            "--therapy-history",
            "crizotinib,alectinib,brigatinib,lorlatinib",
            "-f",
            "html",
            "-o",
            out.string(),
            vcf};
}

}  // namespace

// Why: the HTML report is what a tumour board reads or prints; the findings must be on the
// rendered page, not only in the markup.
TEST(HtmlReport, index_case_renders_with_its_key_findings) {
    if (!have("chromium") || !have("pdftotext")) GTEST_SKIP() << "chromium or pdftotext not installed";
    TempDir tmp("index");
    const fs::path html = tmp.path() / "report.html";
    const auto r = run_rvanno(kCase, index_case_args(html, "input.vcf"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string markup = slurp(html);
    ASSERT_FALSE(markup.empty());
    EXPECT_EQ(lower(markup).find("<script"), std::string::npos);

    const fs::path png = tmp.path() / "r.png";
    EXPECT_EQ(chromium(tmp.path(), "--window-size=1280,4000 --screenshot=" + shell_quote(png.string()), html), 0)
        << slurp(tmp.path() / "chromium.log");
    ASSERT_TRUE(fs::exists(png)) << slurp(tmp.path() / "chromium.log");
    EXPECT_GT(fs::file_size(png), 20u * 1024u);

    const fs::path pdf = tmp.path() / "r.pdf";
    EXPECT_EQ(chromium(tmp.path(), "--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf.string()), html), 0)
        << slurp(tmp.path() / "chromium.log");
    ASSERT_TRUE(fs::exists(pdf)) << slurp(tmp.path() / "chromium.log");
    const std::string text = pdf_text(pdf);
    ASSERT_FALSE(text.empty());
    for (const char* want :
         {"PTPN1", "c.1088+1G>A", "ALK", "amplification", "CCND1", "PPM1D", "crizotinib", "ceritinib", "alectinib",
          "brigatinib", "lorlatinib", "IMT", "ALK fusion", "RESISTANT", "Legend"}) {
        EXPECT_NE(text.find(want), std::string::npos) << "not on the rendered page: " << want;
    }
    EXPECT_NE(lower(text).find("research use"), std::string::npos);
    EXPECT_NE(text.find("ALREADY GIVEN"), std::string::npos);
    EXPECT_NE(text.find("focal 2p"), std::string::npos);
    // Key findings come before the matrix and the methods on the printed page.
    const auto key = text.find("Key findings"), matrix = text.find("Per-drug matrix"), methods = text.find("Methods");
    EXPECT_LT(key, matrix);
    EXPECT_LT(matrix, methods);
    EXPECT_LT(text.find("PTPN1"), matrix);
    EXPECT_LT(text.find("PPM1D"), matrix);
}

// Why: sample names come from the input file; one that looks like markup must print as text
// and must not become a script.
TEST(HtmlReport, hostile_sample_name_renders_as_literal_text) {
    if (!have("chromium") || !have("pdftotext")) GTEST_SKIP() << "chromium or pdftotext not installed";
    TempDir tmp("hostile");
    const std::string hostile = "<script>alert(1)</script>";
    // The index case with its tumour column renamed (no ##tumor_sample: --sample picks it).
    std::string vcf;
    for (const auto& l : lines(slurp(kCase / "input.vcf"))) {
        if (l.rfind("##tumor_sample=", 0) == 0) continue;
        std::string line = l;
        if (line.rfind("#CHROM", 0) == 0) line = line.substr(0, line.rfind('\t') + 1) + hostile;
        vcf += line + "\n";
    }
    std::ofstream(tmp.path() / "hostile.vcf") << vcf;
    const fs::path html = tmp.path() / "report.html";
    auto args = index_case_args(html, (tmp.path() / "hostile.vcf").string());
    args.insert(args.begin() + 1, {"--sample", hostile});
    const auto r = run_rvanno(kCase, args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string markup = slurp(html);
    EXPECT_EQ(lower(markup).find("<script"), std::string::npos);
    EXPECT_NE(markup.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);

    const fs::path pdf = tmp.path() / "r.pdf";
    EXPECT_EQ(chromium(tmp.path(), "--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf.string()), html), 0)
        << slurp(tmp.path() / "chromium.log");
    const std::string text = pdf_text(pdf);
    EXPECT_NE(text.find(hostile), std::string::npos) << "the sample name is not printed as text";
    EXPECT_NE(text.find("PTPN1"), std::string::npos);
}
