#include "sijill/model/settings.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace sijill::model {

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(settings)

BOOST_AUTO_TEST_CASE(TheBuiltInTextHasNoProblemsAndGivesTheDesignDefaults) {
  ParsedSettings parsed = ParseSettings("sijill.yaml", DefaultSettingsYaml());
  BOOST_TEST(parsed.problems.empty());
  const Settings& settings = DefaultSettings();
  // ⚑ Statuses (defaults): open, in-progress, implemented, ongoing, superseded, closed.
  std::vector<std::string> statuses = {"open",    "in-progress", "implemented",
                                       "ongoing", "superseded",  "closed"};
  BOOST_TEST(settings.statuses == statuses, boost::test_tools::per_element());
  for (const char* modality : {"must", "should", "encouraged", "may", "requested", "recommended",
                               "proposed", "decides", "urges"})
    BOOST_TEST(settings.HasModality(modality), modality);
  for (const char* addressee : {"states-parties", "unodc", "conference", "secretariat",
                                "working-group", "member-states", "icat"})
    BOOST_TEST(settings.HasAddressee(addressee), addressee);
  BOOST_TEST(settings.FindAddressee("states-parties")->ar == "الدول الأطراف");
  BOOST_TEST(settings.FindTopic("consent")->en == "Consent");
  BOOST_TEST(settings.topics.size() == 15u);
  BOOST_TEST(settings.HasLanguage("ar"));
  BOOST_TEST(!settings.HasStatus("opne"));
  BOOST_TEST(parsed.settings.statuses == settings.statuses);
}

BOOST_AUTO_TEST_CASE(KeysLeftOutTakeTheDefaults) {
  ParsedSettings parsed =
      ParseSettings("sijill.yaml", "title: سجل\nstatuses: [open, closed, deferred]\n");
  BOOST_TEST(parsed.problems.empty());
  BOOST_TEST(parsed.settings.title == "سجل");
  BOOST_TEST(parsed.settings.HasStatus("deferred"));
  BOOST_TEST(!parsed.settings.HasStatus("implemented"));
  BOOST_TEST(parsed.settings.topics == DefaultSettings().topics);
  BOOST_TEST(ParseSettings("sijill.yaml", "").settings.statuses == DefaultSettings().statuses);
  BOOST_TEST(ParseSettings("sijill.yaml", "statuses: [open]\n").settings.title ==
             DefaultSettings().title);
  // A file with an unknown key is reported and read as the defaults.
  ParsedSettings unknown = ParseSettings("sijill.yaml", "colour: blue\n");
  BOOST_TEST(unknown.problems.size() == 1u);
  BOOST_TEST(unknown.settings.roles == DefaultSettings().roles);
}

BOOST_AUTO_TEST_CASE(BadSettingsAreReportedAtTheirLine) {
  ParsedSettings parsed = ParseSettings(
      "sijill.yaml",
      "statuses: [open, open]\nstates: []\ntopics:\n  - {id: a, ar: أ}\n  - {ar: ب}\nroles: []\n");
  std::vector<std::string> lines;
  for (const Problem& problem : parsed.problems) lines.push_back(problem.ToString());
  std::vector<std::string> expected = {
      "sijill.yaml:2:1: error: unknown key 'states'",
      "sijill.yaml:1:18: error: 'open' is listed twice in 'statuses'",
      "sijill.yaml:5:5: error: missing key 'topics[1].id'",
      "sijill.yaml:6:8: error: 'roles' must not be empty",
  };
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
  BOOST_TEST(parsed.settings.roles == DefaultSettings().roles);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model
