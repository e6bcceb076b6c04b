// index::CollectParsedReport (the static site's search units from the snapshot's parse) against
// index::CollectFile (the file read again): the same units for every report of this repository
// and for variants of their front matter, wherever the parse found no problem before the body.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sijill/index/collect.h"
#include "sijill/markdown/parse.h"

namespace sijill::index {

namespace {

std::string Describe(const std::vector<IndexDoc>& docs) {
  std::ostringstream out;
  for (const IndexDoc& d : docs) {
    out << "id=" << d.id << "\nkind=" << d.kind << "\nfile=" << d.file << "\nsymbol=" << d.symbol
        << "\nparagraph=" << (d.paragraph ? std::to_string(*d.paragraph) : "-")
        << "\ntitle=" << d.title << "\nsection=" << d.section << "\ntext=" << d.text
        << "\nnotes=" << d.notes << "\ntype=" << d.type << "\nstatus=" << d.status
        << "\nmodality=" << d.modality << "\nlanguage=" << d.language << "\ndate=" << d.date
        << "\nunverified=" << d.order_unverified << "\n";
    for (const std::string& t : d.topics) out << "topic=" << t << "\n";
    for (const std::string& a : d.addressees) out << "addressee=" << a << "\n";
    for (const auto& [language, summary] : d.summary) out << language << "=" << summary << "\n";
  }
  return out.str();
}

std::vector<std::string> Seeds() {
  std::vector<std::string> texts;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(SIJILL_SOURCE_DIR) / "corpus")) {
    std::ifstream in(entry.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  BOOST_REQUIRE(texts.size() >= 4u);
  return texts;
}

// The front matter's lines (between the fences) and the rest, of a text that has one.
struct Split {
  std::vector<std::string> lines;
  std::string body;
};

Split SplitSeed(const std::string& text) {
  BOOST_REQUIRE(text.rfind("---\n", 0) == 0);
  size_t end = text.find("\n---\n", 3);
  BOOST_REQUIRE(end != std::string::npos);
  Split split;
  std::istringstream yaml(text.substr(4, end - 3));
  for (std::string line; std::getline(yaml, line);) split.lines.push_back(line);
  split.body = text.substr(end + 5);
  return split;
}

std::string Join(const std::vector<std::string>& lines, const std::string& body) {
  std::string text = "---\n";
  for (const std::string& line : lines) text += line + "\n";
  return text + "---\n" + body;
}

// `lines` with the line of `key` replaced by `line` ("" drops it; appended when absent).
std::vector<std::string> WithKey(std::vector<std::string> lines, const std::string& key,
                                 const std::string& line) {
  for (auto it = lines.begin(); it != lines.end(); ++it) {
    if (it->rfind(key + ":", 0) != 0) continue;
    if (line.empty()) lines.erase(it);
    else *it = line;
    return lines;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Each seed, and each with its front matter changed in the ways a person or the importer might.
std::vector<std::string> Variants() {
  std::vector<std::string> out;
  for (const std::string& seed : Seeds()) {
    out.push_back(seed);
    Split s = SplitSeed(seed);
    out.push_back(s.body);                                  // no front matter
    out.push_back("---\n" + s.body);                        // never closed
    out.push_back("---\n---\n" + s.body);                   // empty
    out.push_back("---\n- a\n- b\n---\n" + s.body);         // not a mapping
    out.push_back("---\ntitle: [unclosed\n---\n" + s.body);  // not YAML
    std::string crlf = seed;
    crlf.replace(0, 4, "---\r\n");
    out.push_back(crlf);
    for (size_t i = 0; i < s.lines.size(); ++i) {  // each line dropped
      std::vector<std::string> lines = s.lines;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
      out.push_back(Join(lines, s.body));
    }
    const std::pair<const char*, const char*> changes[] = {
        {"type", "type: resolution"},  {"type", "type: \"report\""},  {"type", "type: ~"},
        {"language", "language: \"\""}, {"language", "language: en"}, {"language", "language:"},
        {"title", "title: ~"},          {"title", "title: [a, b]"},   {"title", "title: 12"},
        {"title", "title: 'a: b'"},     {"title", "title: |\n  two\n  lines"},
        {"symbol", "symbol: ~"},        {"date", "date: 2010-07-30"}, {"extra_key", "extra_key: 1"},
        {"title", "title: \"dup\"\ntitle: \"again\""},  // a duplicate key: a problem
    };
    for (const auto& [key, line] : changes) out.push_back(Join(WithKey(s.lines, key, line), s.body));
  }
  return out;
}

bool FrontMatterReadWithoutProblems(const markdown::ParseResult& parsed) {
  for (const Problem& problem : parsed.problems)
    if (problem.where.line < parsed.document.report.body_line) return false;
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index)
BOOST_AUTO_TEST_SUITE(collect_parsed)

BOOST_AUTO_TEST_CASE(TheSnapshotsParseGivesTheUnitsOfTheFile) {
  size_t compared = 0, skipped = 0;
  for (const std::string& text : Variants()) {
    for (const std::string path : {"corpus/seed-x.md", "briefs/seed-x.md"}) {
      markdown::ParseResult parsed = markdown::ParseReport(path, text);
      if (!FrontMatterReadWithoutProblems(parsed)) {
        ++skipped;
        continue;
      }
      Problems problems;
      std::string expected = Describe(CollectFile(path, text, problems));
      std::string actual = Describe(CollectParsedReport(path, parsed.document.report));
      BOOST_TEST(actual == expected, path << " from\n" << text.substr(0, 600));
      ++compared;
    }
  }
  BOOST_TEST_MESSAGE(compared << " texts compared, " << skipped << " with front matter problems");
  BOOST_TEST(compared > 100u);
  BOOST_TEST(skipped > 0u);  // the duplicate key at least: the callers' check is exercised
}

// The one difference the contract names: ParseReport takes "--- " as a fence, CollectFile not.
BOOST_AUTO_TEST_CASE(AFenceWithATrailingSpaceIsReadAsTheParseReadsIt) {
  const std::string text =
      "--- \nsymbol: S\ntitle: T\ntype: report\nbody: B\ndate: 2020-01-02\nlanguage: en\n---\n"
      "\n1. One.\n";
  markdown::ParseResult parsed = markdown::ParseReport("corpus/x.md", text);
  BOOST_TEST(FrontMatterReadWithoutProblems(parsed));
  std::vector<IndexDoc> docs = CollectParsedReport("corpus/x.md", parsed.document.report);
  BOOST_REQUIRE(docs.size() == 2u);
  BOOST_TEST(docs[0].title == "T");
  BOOST_TEST(docs[1].id == "x.p1");
  BOOST_TEST(docs[1].text == "One.");
  Problems problems;
  std::vector<IndexDoc> from_file = CollectFile("corpus/x.md", text, problems);
  BOOST_TEST(from_file[0].title == "");  // the front matter taken for body text
  BOOST_TEST(Describe(from_file) != Describe(docs));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::index
