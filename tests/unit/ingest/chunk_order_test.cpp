// The shadda-fragment chunk repair (CORPUS.md C1/A13), on 000's lines.
#include "sijill/ingest/chunk_order.h"

#include <boost/test/unit_test.hpp>

namespace sijill::ingest {

BOOST_AUTO_TEST_SUITE(ingest)
BOOST_AUTO_TEST_SUITE(chunk_order)

BOOST_AUTO_TEST_CASE(FragmentRejoinsItsPrefixAndTheChunksSwap) {
  BOOST_TEST(RejoinShaddaFragment("بالأشخاص، تِّجاربروتوكول منع وقمع ومعاقبة الا") ==
             "بروتوكول منع وقمع ومعاقبة الاتِّجار بالأشخاص،");  // 000:8
  BOOST_TEST(RejoinShaddaFragment("تِّجارمن أجل ترويج ودعم تنفيذ بروتوكول منع وقمع ومعاقبة الا") ==
             "من أجل ترويج ودعم تنفيذ بروتوكول منع وقمع ومعاقبة الاتِّجار");  // 000:12
  BOOST_TEST(RejoinShaddaFragment("عبر الوطنية والبروتوكولات الملحقة بها: نظَّمةالجريمة الم") ==
             "الجريمة المنظَّمة عبر الوطنية والبروتوكولات الملحقة بها:");  // 000:6
}

BOOST_AUTO_TEST_CASE(LinesWithMoreChunksThanTheRuleSeesAreLeftAlone) {
  // 000:217: the other side is two chunks ("التقرير" belongs at the end).
  const std::string l217 =
      "التقرير بالأشخاص على كل من الصعيد الوطني والإقليمي والدولي لكي تُنشر في تِّجاروتدفقات الا";
  BOOST_TEST(RejoinShaddaFragment(l217) == l217);
  // 000:1023: a full stop inside the other side.
  const std::string l1023 = "زيادة مطَّردة. بالأشخاص، بجميع أشكاله، تِّجاروالضحايا على زيادة فعالية مكافحة الا";
  BOOST_TEST(RejoinShaddaFragment(l1023) == l1023);
  // The prefix is not the last word: no rule applies.
  const std::string l = "بالأشخاص تِّجارالا في عام";
  BOOST_TEST(RejoinShaddaFragment(l) == l);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::ingest
