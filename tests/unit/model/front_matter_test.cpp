#include "sijill/model/front_matter.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace sijill::model {

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(front_matter)

// The start of corpus/ctoc-cop-2018-2.md as imported from seed 000.
const char kReport[] =
    "---\n"
    "symbol: \"CTOC/COP/2018/2\"\n"
    "title: \"الأنشطة التي يضطلع بها مكتب الأمم المتحدة المعني بالمخدِّرات والجريمة\"\n"
    "type: \"secretariat-report\"\n"
    "body: \"مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظَّمة عبر الوطنية\"\n"
    "date: \"2018-07-23\"\n"
    "language: \"ar\"\n"
    "session: \"الدورة التاسعة، فيينا، ١٥-١٩ تشرين الأول/أكتوبر ٢٠١٨\"\n"
    "agenda_item: \"2 (b)\"\n"
    "symbol_confidence: \"confirmed\"\n"
    "job_number: \"V.18-05123\"\n"
    "furniture:\n"
    "  - \"CTOC/COP/2018/2\"\n"
    "  - \"V.18-05123 9/21\"\n"
    "order_unverified: 371\n"
    "---\n"
    "\n"
    "# أولاً - مقدِّمة\n";

BOOST_AUTO_TEST_CASE(ASeedReportSplitsAndParses) {
  ParsedReport parsed = ParseReport("corpus/ctoc-cop-2018-2.md", kReport);
  BOOST_TEST(parsed.parsed);
  BOOST_TEST(parsed.problems.empty());
  const FrontMatter& meta = parsed.report.meta;
  BOOST_TEST(parsed.report.slug == "ctoc-cop-2018-2");
  BOOST_TEST(meta.symbol == "CTOC/COP/2018/2");
  BOOST_TEST(meta.type == "secretariat-report");
  BOOST_TEST(meta.date == "2018-07-23");
  BOOST_TEST(meta.agenda_item == "2 (b)");
  BOOST_TEST(meta.symbol_confidence == "confirmed");
  BOOST_TEST(meta.furniture.size() == 2u);
  BOOST_TEST(meta.extra.at("order_unverified") == "371");
  BOOST_TEST(meta.extra.at("job_number") == "V.18-05123");
  BOOST_TEST(parsed.report.body_line == 17);
  BOOST_TEST(parsed.report.body == "\n# أولاً - مقدِّمة\n");
  BOOST_TEST(parsed.At("date").ToString() == "corpus/ctoc-cop-2018-2.md:6:7");
}

BOOST_AUTO_TEST_CASE(WrittenFrontMatterReadsBack) {
  ParsedReport parsed = ParseReport("corpus/ctoc-cop-2018-2.md", kReport);
  std::string text = WriteFrontMatter(parsed.report.meta) + "body\n";
  ParsedReport again = ParseReport("corpus/ctoc-cop-2018-2.md", text);
  BOOST_TEST(again.problems.empty());
  BOOST_TEST(again.report.meta.title == parsed.report.meta.title);
  BOOST_TEST(again.report.meta.furniture == parsed.report.meta.furniture);
  BOOST_TEST((again.report.meta.extra == parsed.report.meta.extra));
  FrontMatter provisional = parsed.report.meta;
  provisional.symbol.clear();
  BOOST_TEST(WriteFrontMatter(provisional).starts_with("---\nsymbol: ~\ntitle: "));
}

BOOST_AUTO_TEST_CASE(ProblemsCarryLinesOfTheWholeFile) {
  ParsedReport parsed = ParseReport("corpus/x.md", "---\ntitle: t\ncolour: red\n---\nbody\n");
  std::vector<std::string> lines;
  for (const Problem& problem : parsed.problems) lines.push_back(problem.ToString());
  std::vector<std::string> expected = {
      "corpus/x.md:3:1: warning: unknown key 'colour' (kept)",
      "corpus/x.md:2:1: error: missing key 'symbol'",
      "corpus/x.md:2:1: error: missing key 'type'",
      "corpus/x.md:2:1: error: missing key 'body'",
      "corpus/x.md:2:1: error: missing key 'date'",
      "corpus/x.md:2:1: error: missing key 'language'",
  };
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
  BOOST_TEST(parsed.report.meta.extra.at("colour") == "red");
  ParsedReport bad = ParseReport("corpus/x.md", "---\nsymbol: A/1\ntitle: [\n---\n");
  BOOST_REQUIRE(bad.problems.size() == 1u);
  BOOST_TEST(bad.problems[0].ToString().starts_with("corpus/x.md:4:1: error: malformed YAML"));
}

BOOST_AUTO_TEST_CASE(AReportWithoutFrontMatterIsAProblem) {
  for (const char* text : {"# title\n", "---\nsymbol: x\n", ""}) {
    ParsedReport parsed = ParseReport("corpus/x.md", text);
    BOOST_TEST(!parsed.parsed);
    BOOST_REQUIRE(parsed.problems.size() == 1u);
    BOOST_TEST(parsed.problems[0].message.starts_with("missing front matter"));
  }
  auto split = SplitFrontMatter("---\na: 1\n---");
  BOOST_REQUIRE(split);
  BOOST_TEST(split->yaml == "a: 1\n");
  BOOST_TEST(split->body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::model
