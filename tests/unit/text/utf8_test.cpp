#include "sijill/text/utf8.h"

#include <boost/test/unit_test.hpp>
#include <string>

namespace sijill::text {

BOOST_AUTO_TEST_SUITE(text)
BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(ArabicTextIsValid) {
  // From seed 003: the first numbered paragraph.
  BOOST_TEST(IsValidUtf8("١ - أُعد هذا التقرير عملاً بقرار مؤتمر الأطراف\nسطر ثانٍ\n"));
  BOOST_TEST(IsValidUtf8(""));
  BOOST_TEST(IsValidUtf8("\xF0\x9F\x98\x80 emoji (4 bytes)"));
}

BOOST_AUTO_TEST_CASE(BadByteIsReportedWithLineAndCharacterColumn) {
  // Line 2 holds three Arabic letters (2 bytes each) and then a lone continuation byte.
  std::string text = "id: x\nنصّ\x80 more\n";
  auto error = FindInvalidUtf8(text);
  BOOST_REQUIRE(error);
  BOOST_TEST(error->line == 2);
  BOOST_TEST(error->column == 4);
  BOOST_TEST(error->offset == text.find('\x80'));
}

BOOST_AUTO_TEST_CASE(InvalidFormsAreRejected) {
  BOOST_TEST(!IsValidUtf8("\xC0\xAF"));          // overlong '/'
  BOOST_TEST(!IsValidUtf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  BOOST_TEST(!IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  BOOST_TEST(!IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  BOOST_TEST(!IsValidUtf8("\xFF"));
  BOOST_TEST(!IsValidUtf8("abc\xD8"));  // truncated at the end
  auto error = FindInvalidUtf8("abc\xD8");
  BOOST_REQUIRE(error);
  BOOST_TEST(error->column == 4);
  BOOST_TEST(error->line == 1);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::text
