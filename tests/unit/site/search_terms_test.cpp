// site::SearchTerms remembers what each word became per thread (search_terms.cpp): the terms
// must not depend on what the thread looked up before, nor on which words took which slots.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sijill/site/search_terms.h"
#include "sijill/text/aliases.h"
#include "sijill/text/normalize.h"
#include "sijill/text/stem.h"
#include "site/term_ids_internal.h"

namespace sijill::site {

namespace {

std::vector<std::string> SeedLines() {
  std::vector<std::string> lines;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(SIJILL_SOURCE_DIR) / "corpus")) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  BOOST_REQUIRE(lines.size() > 500u);
  return lines;
}

// `count` distinct Arabic words, to push the seeds' words out of their slots.
std::vector<std::string> Flood(size_t count, size_t offset) {
  static const char32_t kLetters[] = U"ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
  std::vector<std::string> words;
  for (size_t n = offset; n < offset + count; ++n) {
    std::string word;
    for (size_t k = n + 28 * 28 * 28; k > 0; k /= 28) {
      char32_t c = kLetters[k % 28];
      word += static_cast<char>(0xC0 | (c >> 6));
      word += static_cast<char>(0x80 | (c & 0x3F));
    }
    words.push_back(word);
  }
  return words;
}

using Terms = std::vector<std::vector<std::string>>;

// On a thread of its own, so that it starts with nothing remembered.
Terms OnFreshThread(const std::vector<std::string>& lines, size_t flood_between) {
  Terms out;
  std::thread([&] {
    size_t offset = 0;
    for (const std::string& line : lines) {
      out.push_back(SearchTerms(line));
      for (const std::string& word : Flood(flood_between, offset)) SearchTermsOfNormalized(word);
      offset += flood_between;
    }
  }).join();
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)
BOOST_AUTO_TEST_SUITE(search_terms)

BOOST_AUTO_TEST_CASE(TermsDoNotDependOnWhatTheThreadLookedUpBefore) {
  std::vector<std::string> lines = SeedLines();
  Terms fresh = OnFreshThread(lines, 0);
  Terms flooded = OnFreshThread(lines, 150);  // ~2^18 other words in all: every slot reused
  std::vector<std::string> reversed(lines.rbegin(), lines.rend());
  Terms backwards = OnFreshThread(reversed, 0);
  BOOST_REQUIRE(flooded.size() == fresh.size());
  size_t differing = 0;
  for (size_t i = 0; i < fresh.size(); ++i) {
    bool same = flooded[i] == fresh[i] && backwards[fresh.size() - 1 - i] == fresh[i];
    if (!same && ++differing <= 3) BOOST_TEST(same, lines[i]);
  }
  BOOST_TEST(differing == 0u);
}

// A single normalised Arabic word: nothing when a stop word, else its stem.
BOOST_AUTO_TEST_CASE(AnArabicWordIsItsStemUnlessAStopWord) {
  size_t stops = 0, stems = 0;
  for (const std::string& line : SeedLines()) {
    std::istringstream words(text::NormalizeForSearch(line));
    for (std::string word; words >> word;) {
      std::u32string letters;
      bool arabic = !word.empty();
      for (size_t i = 0; arabic && i + 1 < word.size(); i += 2) {
        auto c = static_cast<char32_t>(((word[i] & 0x1F) << 6) | (word[i + 1] & 0x3F));
        arabic = (static_cast<unsigned char>(word[i]) & 0xE0) == 0xC0 && text::IsArabicLetter(c);
      }
      if (!arabic || word.size() % 2 || word.size() > 64) continue;
      std::vector<std::string> expected;
      if (text::IsStopword(word)) ++stops;
      else expected.push_back(text::StemArabic(word)), ++stems;
      BOOST_TEST(SearchTermsOfNormalized(word) == expected, word);
    }
  }
  BOOST_TEST(stops > 100u);
  BOOST_TEST(stems > 1000u);
}

// The index's terms as ids (term_ids_internal.h) are the same terms: on every seed line, in two
// TermIds one after the other on one thread (its remembered ids belong to the first), on two
// threads at once sharing one, and with every slot taken by other words in between.
BOOST_AUTO_TEST_CASE(TermIdsNameTheSameTerms) {
  std::vector<std::string> lines = SeedLines();
  auto as_terms = [](const internal::TermIds& ids, const std::vector<uint32_t>& numbers) {
    std::vector<std::string> out;
    for (uint32_t id : numbers) out.push_back(ids.Term(id));
    return out;
  };
  auto check = [&](size_t flood_between, size_t threads) {
    internal::TermIds ids;
    std::vector<std::vector<uint32_t>> words(lines.size()), glued(lines.size());
    auto work = [&](size_t t) {
      size_t offset = 0;
      for (size_t i = t; i < lines.size(); i += threads) {
        std::string normalized = text::NormalizeForSearch(lines[i]);
        internal::AppendSearchTermIds(normalized, ids, words[i]);
        internal::AppendGluedTermIds(normalized, ids, glued[i]);
        for (const std::string& word : Flood(flood_between, offset)) SearchTermsOfNormalized(word);
        offset += flood_between;
      }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);  // on this thread: what it remembers outlives each check
    for (std::thread& thread : pool) thread.join();
    size_t differing = 0, glued_terms = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string normalized = text::NormalizeForSearch(lines[i]);
      bool same = as_terms(ids, words[i]) == SearchTermsOfNormalized(normalized) &&
                  as_terms(ids, glued[i]) == GluedTermsOfNormalized(normalized);
      glued_terms += glued[i].size();
      if (!same && ++differing <= 3) BOOST_TEST(same, lines[i]);
    }
    BOOST_TEST(differing == 0u);
    BOOST_TEST(glued_terms > 0u);
    std::set<std::string> distinct;
    for (size_t id = 0; id < ids.size(); ++id) distinct.insert(ids.Term(static_cast<uint32_t>(id)));
    BOOST_TEST(distinct.size() == ids.size());  // each term has one id
  };
  check(0, 1);
  check(0, 1);  // a second TermIds: the thread's remembered ids are the first one's
  check(0, 2);
  check(50, 2);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::site
