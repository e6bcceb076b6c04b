// The static site's search against the server's (issue 7 item 3): the browser analyzer
// (site/theme/assets/analyzer.js, run under node) makes exactly the terms of the C++ site
// index (site::SearchTerms); those are the Arabic stems of the server's index
// (index::Analyzer's Z terms); and a query finds on the site what `sijill search` finds.
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "sijill/index/analyzer.h"
#include "sijill/index/terms.h"
#include "sijill/site/search_terms.h"
#include "sijill/text/aliases.h"
#include "sijill/text/normalize.h"
#include "site_fixture.h"
#include "text/broken_plurals_internal.h"
#include "text/root_initial_internal.h"
#include "support/run_cli.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

bool HaveNode() { return std::system("node --version >/dev/null 2>&1") == 0; }

// Runs `node site_node.js MODE DIR` with `lines` on stdin; one output line per input line.
std::vector<std::string> RunNode(const std::string& mode, const std::string& dir,
                                 const std::vector<std::string>& lines) {
  TempDir work;
  std::string input = work.path() + "/in.txt";
  std::ofstream(input) << [&] {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
  }();
  std::string script = std::string(SIJILL_SOURCE_DIR) + "/tests/unit/site/site_node.js";
  std::string command = "node '" + script + "' " + mode + " '" + dir + "' < '" + input + "'";
  std::vector<std::string> out;
  FILE* pipe = popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe);
  std::string current;
  for (int c; (c = fgetc(pipe)) != EOF;) {
    if (c == '\n') {
      out.push_back(current);
      current.clear();
    } else {
      current += static_cast<char>(c);
    }
  }
  BOOST_TEST(pclose(pipe) == 0);
  return out;
}

// The queries of tests/relevance/queries.tsv.
std::vector<std::string> RelevanceQueries() {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/tests/relevance/queries.tsv");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line.substr(0, line.find('\t')));
  return out;
}

// Lines to analyse: the relevance queries, hand-picked damage (CORPUS.md §2), and every line
// of the sample corpus.
std::vector<std::string> ParityLines() {
  std::vector<std::string> lines = RelevanceQueries();
  for (const char* text :
       {"الاتِّجار بالأشخاص", "تِّجار", "نظَّمة الجريمة", "خدِّرات", "التراع المسلح", "الاختراع",
        "مسؤول مسئول", "قانوناً", "مكافحتها", "ﻻ ﺍﻟﺪﻭﻝ", "٦٤/٢٩٣ و۱۲۳", "A/RES/64/293",
        "الـــدول", "‏الدول‎", "Trafficking in Persons UNODC", "وللشركات بالشركات للشركات",
        "إلى على التي", "ک ی", "٪٥٠"})
    lines.push_back(text);
  // The stemmer's table of broken plurals (analyzer.js holds a copy) and the ي → م verbs.
  for (const text::internal::StemPair& pair : text::internal::BrokenPlurals())
    lines.push_back(std::string(pair.word) + " وال" + std::string(pair.word) + "هم بال" +
                    std::string(pair.takes_stem_of));
  lines.push_back("يعاقب ويعاقبون معاقبة يتاح يراعى مراعاة تعاون");
  for (std::string_view word : text::internal::RootInitialWords())
    lines.push_back(std::string(word) + " وال" + std::string(word) + " لل" + std::string(word));
  for (const std::string& file : ListFiles(std::string(SIJILL_SOURCE_DIR) + "/corpus")) {
    std::istringstream in(ReadText(std::string(SIJILL_SOURCE_DIR) + "/corpus/" + file));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(search_parity)

BOOST_AUTO_TEST_CASE(BrowserAnalyzerMakesTheTermsOfTheIndex) {
  if (!HaveNode()) {
    BOOST_TEST_MESSAGE("node is not installed (tools/setup installs nodejs): skipped");
    return;
  }
  std::vector<std::string> lines = ParityLines();
  std::vector<std::string> js =
      RunNode("terms", std::string(SIJILL_SOURCE_DIR) + "/site/theme/assets", lines);
  BOOST_REQUIRE_EQUAL(js.size(), lines.size());
  size_t differ = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::json cpp = SearchTerms(lines[i]);
    if (nlohmann::json::parse(js[i]) == cpp) continue;
    if (++differ <= 5)
      BOOST_ERROR("line " << i << " \"" << lines[i].substr(0, 80) << "\": js " << js[i]
                          << " c++ " << cpp.dump());
  }
  BOOST_TEST(differ == 0u);
  BOOST_TEST(lines.size() > 500u);
}

BOOST_AUTO_TEST_CASE(ArabicTermsAreTheStemsOfTheServerIndex) {
  index::Analyzer analyzer;
  size_t checked = 0;
  for (const std::string& line : ParityLines()) {
    index::IndexDoc doc;
    doc.id = "x";
    doc.kind = "paragraph";
    doc.text = line;
    Xapian::Document xdoc = analyzer.Build(doc);
    std::set<std::string> server;
    for (auto it = xdoc.termlist_begin(); it != xdoc.termlist_end(); ++it) {
      std::string term = *it;
      if (term.size() > 1 && term[0] == 'Z' && text::ContainsArabic(term) &&
          !index::IsStopwordStem(term))
        server.insert(term.substr(1));
    }
    // The server also indexes the parts of words the extraction glued together (aliases.h).
    Xapian::Stem stem = index::SearchStemmer();
    for (const std::string& part : text::GluedParts(text::NormalizeForSearch(line)))
      server.erase(stem(part));
    std::set<std::string> site;
    for (const std::string& term : SearchTerms(line))
      if (text::ContainsArabic(term)) site.insert(term);
    for (const std::string& term : server)
      BOOST_TEST(site.count(term), "server term " << term << " missing on the site: " << line.substr(0, 80));
    for (const std::string& term : site) {
      bool glued = false;
      for (const std::string& part : text::GluedParts(text::NormalizeForSearch(line)))
        glued |= stem(part) == term;
      BOOST_TEST((server.count(term) || glued), "site term " << term << " not in the server index");
    }
    ++checked;
  }
  BOOST_TEST(checked > 500u);
}

BOOST_AUTO_TEST_CASE(SiteFindsWhatSijillSearchFinds) {
  if (!HaveNode()) {
    BOOST_TEST_MESSAGE("node is not installed (tools/setup installs nodejs): skipped");
    return;
  }
  sijill::testing::TestRepo repo = sijill::testing::TestRepo::FromText(SampleFiles());
  TempDir out;
  Build(repo.repo(), Options(out.path()));
  auto indexed = sijill::testing::RunSijill({"--repo", repo.root(), "index"});
  BOOST_REQUIRE_EQUAL(indexed.exit_code, 0);
  std::vector<std::string> queries;
  for (const std::string& query : RelevanceQueries())
    if (text::ContainsArabic(query)) queries.push_back(query);  // symbols: see RESULTS.md
  std::vector<std::string> site = RunNode("search", out.path(), queries);
  BOOST_REQUIRE_EQUAL(site.size(), queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    auto server = sijill::testing::RunSijill(
        {"--repo", repo.root(), "search", queries[i], "--json", "--limit", "10"});
    BOOST_REQUIRE_EQUAL(server.exit_code, 0);
    std::set<std::string> found;
    // Named, not temporaries: a range-for over a member of a temporary reads freed memory (C++20).
    const nlohmann::json site_answer = nlohmann::json::parse(site[i]);
    const nlohmann::json server_answer = nlohmann::json::parse(server.out);
    for (const auto& id : site_answer["ids"]) found.insert(id.get<std::string>());
    for (const auto& result : server_answer["results"]) {
      std::string id = result["id"];
      BOOST_TEST(found.count(id), "\"" << queries[i] << "\": sijill search finds " << id
                                        << ", the site does not");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site::testing
