// Agreement of extracted addressees and modalities with the hand-made inventories
// (tests/golden/extract/recs-001.tsv, ops-004.tsv: copies of shared/corpus-notes, CORPUS.md §3-4),
// shared by extract_inventory_test (the tool's own output) and extract_sample_test (the
// committed, hand-fixed sample corpus).
#pragma once

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "golden/extract/golden_support.h"
#include "sijill/ingest/extract.h"
#include "sijill/markdown/parse.h"

namespace sijill::testing {

inline const std::string kInventoryDir = std::string(SIJILL_SOURCE_DIR) + "/tests/golden/extract/";

inline std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::istringstream in(ReadText(path));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t')) fields.push_back(cell);
    rows.push_back(fields);
  }
  return rows;
}

inline std::string Trim(std::string text) {
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
}

inline std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, separator))
    if (!Trim(part).empty()) parts.push_back(Trim(part));
  return parts;
}

// The inventories name addressees in English; "(re X)", "(assisting)" etc. qualify, not add.
inline std::vector<std::string> AddresseeIds(const std::string& column) {
  static const std::map<std::string, std::vector<std::string>> kNames = {
      {"States parties", {"states-parties"}},
      {"States", {"states"}},
      {"UNODC", {"unodc"}},
      {"secretariat", {"secretariat"}},
      {"Conference of the Parties", {"conference"}},
      {"Working Group", {"working-group"}},
      {"General Assembly", {"general-assembly"}},
      {"Member States", {"member-states"}},
      {"Member States not yet parties", {"member-states"}},
      {"United Nations", {"united-nations"}},
      {"United Nations system", {"united-nations"}},
      {"UN entities", {"united-nations"}},
      {"UN agencies, funds and programmes", {"united-nations"}},
      {"international, regional and subregional organizations", {"international-organizations"}},
      {"international and regional organizations", {"international-organizations"}},
      {"civil society incl. NGOs, private sector, media",
       {"civil-society", "ngos", "private-sector", "media"}},
      {"Secretary-General", {"secretary-general"}},
      {"special rapporteurs and representatives", {"mandate-holders"}},
      {"Governments", {"governments"}},
  };
  std::vector<std::string> ids;
  for (std::string name : Split(column, ';')) {
    size_t paren = name.find(" (");
    if (paren != std::string::npos) name = name.substr(0, paren);
    auto found = kNames.find(name);
    BOOST_REQUIRE_MESSAGE(found != kNames.end(), "unmapped inventory addressee '" + name + "'");
    for (const std::string& id : found->second)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

// "تقرر؛ تحث (decides; urges)" -> {"decides", "urges"}; "تُشجَّع (is encouraged)" -> encouraged.
inline std::vector<std::string> Modalities(const std::string& column) {
  size_t open = column.find('(');
  size_t close = column.rfind(')');
  std::vector<std::string> out;
  for (std::string gloss : Split(column.substr(open + 1, close - open - 1), ';'))
  {
    // Modality ids are single words: "adopt and implement" is written adopt-and-implement.
    std::replace(gloss.begin(), gloss.end(), ' ', '-');
    out.push_back(gloss == "is-encouraged" ? "encouraged" : gloss);
  }
  return out;
}

inline std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}


struct Expected {
  std::string id;
  std::vector<std::string> addressees;
  std::vector<std::string> modalities;
};

// Extracts the records of the report in `file`, named corpus/<slug>.md in problems.
inline ingest::Extraction ExtractFile(const std::string& slug, const std::string& file) {
  std::string path = "corpus/" + slug + ".md";
  markdown::ParseResult parsed = markdown::ParseReport(path, ReadText(file));
  return ingest::ExtractRecommendations(parsed.document, path);
}

// recs-001.tsv: para, section, addressees, modality, gist (CORPUS.md §3).
inline std::vector<Expected> Recs001(const std::string& slug) {
  std::vector<Expected> expected;
  for (const auto& row : ReadTsv(kInventoryDir + "recs-001.tsv"))
    expected.push_back({slug + ".p" + row[0], AddresseeIds(row[2]), Modalities(row[3])});
  return expected;
}

// ops-004.tsv: part (resolution|annex), para, addressees, modality, gist (CORPUS.md §4).
inline std::vector<Expected> Ops004(const std::string& slug) {
  std::vector<Expected> expected;
  for (const auto& row : ReadTsv(kInventoryDir + "ops-004.tsv")) {
    std::string id = slug + (row[0] == "annex" ? ".annex.p" : ".p") + row[1];
    expected.push_back({id, AddresseeIds(row[2]), Modalities(row[3])});
  }
  return expected;
}

// allow.tsv: id <TAB> field <TAB> reason.
inline std::map<std::pair<std::string, std::string>, std::string> AllowList(
    const std::string& file) {
  std::map<std::pair<std::string, std::string>, std::string> allowed;
  for (const auto& row : ReadTsv(file)) {
    BOOST_REQUIRE_MESSAGE(row.size() >= 3 && !row[2].empty(), "allow.tsv rows need a reason");
    allowed[{row[0], row[1]}] = row[2];
  }
  return allowed;
}

// Counts agreement per field and fails on a disagreement that `allow_file` does not list, and on
// a listed one that agrees again (so the list cannot go stale).
inline void Compare(const std::string& name, const std::vector<Expected>& expected,
                    const ingest::Extraction& extraction, const std::string& allow_file) {
  auto allowed = AllowList(allow_file);
  std::map<std::string, const ingest::ExtractedRecord*> by_id;
  for (const auto& record : extraction.records) by_id[record.record.id] = &record;
  BOOST_TEST(extraction.records.size() == expected.size(), name << ": record count");
  int addressees_ok = 0, modality_ok = 0;
  for (const Expected& want : expected) {
    auto found = by_id.find(want.id);
    BOOST_REQUIRE_MESSAGE(found != by_id.end(), want.id << " not extracted");
    const ingest::ExtractedRecord& got = *found->second;
    std::set<std::string> want_set(want.addressees.begin(), want.addressees.end());
    std::set<std::string> got_set(got.record.addressees.begin(), got.record.addressees.end());
    std::map<std::string, std::pair<std::string, std::string>> fields = {
        {"addressees", {Join(want.addressees), Join(got.record.addressees)}},
        {"modality", {Join(want.modalities), Join(got.modalities)}}};
    bool agree_addressees = want_set == got_set;
    bool agree_modality = want.modalities == got.modalities;
    addressees_ok += agree_addressees;
    modality_ok += agree_modality;
    for (const auto& [field, values] : fields) {
      bool agree = field == "addressees" ? agree_addressees : agree_modality;
      auto allowance = allowed.find({want.id, field});
      if (agree) {
        BOOST_CHECK_MESSAGE(allowance == allowed.end(),
                            want.id << " " << field << " agrees now: remove it from allow.tsv");
      } else {
        BOOST_CHECK_MESSAGE(allowance != allowed.end(), want.id << " " << field << ": inventory ["
                                                                << values.first << "] extracted ["
                                                                << values.second << "]");
      }
    }
  }
  // The quality figures of issue #3 item 5 (bench/import-quality) read this line.
  std::cout << "agreement " << name << ": records " << extraction.records.size() << "/"
            << expected.size() << ", addressees " << addressees_ok << "/" << expected.size()
            << ", modality " << modality_ok << "/" << expected.size() << "\n";
}

}  // namespace sijill::testing
