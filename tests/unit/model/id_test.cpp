#include "sijill/model/id.h"

#include <boost/test/unit_test.hpp>
#include <string>

#include "sijill/error.h"

namespace sijill::model {

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(id)

BOOST_AUTO_TEST_CASE(DesignIdsMapToRecordPathsAndBack) {
  struct Case {
    const char* id;
    const char* slug;
    const char* rest;
    const char* paragraph;
  };
  const Case cases[] = {
      {"ctoc-cop-wg.4-2013-5.p22", "ctoc-cop-wg.4-2013-5", "p22", "22"},
      {"ctoc-cop-wg.4-2013-5.annex.p15", "ctoc-cop-wg.4-2013-5", "annex.p15", "annex.15"},
      {"a-res-55-25.preamble", "a-res-55-25", "preamble", "preamble"},
      {"ctoc-cop-2012-6.annex", "ctoc-cop-2012-6", "annex", "annex"},
      {"ctoc-cop-wg.4-2011-8.p51-dup", "ctoc-cop-wg.4-2011-8", "p51-dup", "51"},
  };
  for (const Case& c : cases) {
    RecordId id = ParseRecordId(c.id);
    BOOST_TEST(id.slug == c.slug);
    BOOST_TEST(id.rest == c.rest);
    BOOST_TEST(id.ToString() == c.id);
    BOOST_TEST(id.Paragraph() == c.paragraph);
    std::string path = RecordPath(c.id);
    BOOST_TEST(path == std::string("recommendations/") + c.slug + "/" + c.rest + ".yaml");
    std::optional<RecordId> back = RecordIdFromPath(path);
    BOOST_REQUIRE(back);
    BOOST_TEST(back->ToString() == c.id);
  }
}

BOOST_AUTO_TEST_CASE(HostileIdsAreRefusedNamingTheId) {
  const std::string hostile[] = {
      "",
      "../x",
      "a/b",
      "..p1",
      ".p1",
      "x",
      "x.p",
      "x.p0",
      "x.p01",
      "x.p1/../../etc",
      "x/../y.p1",
      "x.p1.yaml",
      "X.p1",
      "x.annex.q1",
      "x.p1-dup-dup",
      "x..y.p1",
      "x.p1234567",
      "x.annex.p",
      "x.pre amble",
      std::string("x\0y.p1", 6),
      std::string("x.p1\0", 5),
      std::string(300, 'a') + ".p1",
  };
  for (const std::string& id : hostile) {
    BOOST_TEST_CONTEXT("id '" << QuoteForMessage(id) << "'") {
      BOOST_TEST(!TryParseRecordId(id));
      try {
        RecordPath(id);
        BOOST_FAIL("accepted");
      } catch (const Error& error) {
        BOOST_TEST(error.kind() == Error::Kind::kInvalid);
        BOOST_TEST(std::string(error.what()).find("invalid record id '") == 0u);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(ErrorMessagesEscapeControlBytesAndStayShort) {
  try {
    ParseRecordId(std::string("a\0\n", 3) + std::string(500, 'z'));
    BOOST_FAIL("accepted");
  } catch (const Error& error) {
    std::string message = error.what();
    BOOST_TEST(message.find("a\\x00\\x0A") != std::string::npos);
    BOOST_TEST(message.size() < 120u);
  }
}

BOOST_AUTO_TEST_CASE(OnlyExactRecordPathsGiveIds) {
  BOOST_TEST(!RecordIdFromPath("recommendations/x/p1.yml"));
  BOOST_TEST(!RecordIdFromPath("recommendations/x/y/p1.yaml"));
  BOOST_TEST(!RecordIdFromPath("recommendations/../p1.yaml"));
  BOOST_TEST(!RecordIdFromPath("corpus/x/p1.yaml"));
  BOOST_TEST(!RecordIdFromPath("recommendations/x/.yaml"));
  BOOST_TEST(RecordIdFromPath("recommendations/x/annex.p3.yaml")->ToString() == "x.annex.p3");
}

BOOST_AUTO_TEST_CASE(ParagraphNumbersGiveRests) {
  BOOST_TEST(*RestForParagraph("22") == "p22");
  BOOST_TEST(*RestForParagraph("annex.15") == "annex.p15");
  BOOST_TEST(*RestForParagraph("preamble") == "preamble");
  BOOST_TEST(!RestForParagraph("../1"));
  BOOST_TEST(!RestForParagraph(""));
  BOOST_TEST(!RestForParagraph("22-dup"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model
