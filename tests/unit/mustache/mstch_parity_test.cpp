// The engine against mstch::render itself on thousands of generated templates: text with
// spaces, tabs and line ends around every kind of tag, nested sections, indented partials,
// over data of every kind a page builder produces. Both must print the same bytes.
// (Dotted names stay out: mstch looks them up through a reference into a temporary.)
#include <boost/test/unit_test.hpp>
#include <random>

#include "sijill/mustache/template_set.h"

namespace sijill::mustache {

namespace {

const char* const kNames[] = {"s", "n", "e", "t", "f", "list", "map", "words", "nested", "."};
const char* const kText[] = {"x", " ", "  ", "\n", "\t", "a b\n", "<&>", "\r\n", "/", " \n"};

class TemplateMaker {
 public:
  explicit TemplateMaker(unsigned seed) : random_(seed) {}

  // A template of `parts` pieces; sections nest to `depth`; partials only if `partials`.
  std::string Make(int parts, int depth, bool partials) {
    std::string out;
    for (int i = 0; i < parts; ++i) out += Piece(depth, partials);
    return out;
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
  std::string Name() { return kNames[Pick(std::size(kNames))]; }
  std::string Space() { return Pick(3) == 0 ? (Pick(4) == 0 ? "\t" : " ") : ""; }

  std::string Piece(int depth, bool partials) {
    switch (Pick(9)) {
      case 0:
        return "{{" + Space() + Name() + Space() + "}}";
      case 1:
        return "{{{" + Name() + "}}}";
      case 2:
        return "{{&" + Space() + Name() + "}}";
      case 3:
        return "{{! note }}";
      case 4:
        if (partials)
          return "{{>" + std::string(Pick(3) == 0 ? " " : "") + (Pick(2) ? "p" : "q") + "}}";
        return kText[Pick(std::size(kText))];
      case 5:
      case 6:
        if (depth > 0) {
          std::string name = Name();
          std::string open = Pick(3) == 0 ? "^" : "#";
          return "{{" + open + name + "}}" + Make(Pick(5), depth - 1, partials) + "{{/" + name +
                 "}}";
        }
        [[fallthrough]];
      default:
        return kText[Pick(std::size(kText))];
    }
  }

  std::mt19937 random_;
};

mstch::node Data() {
  mstch::map item1{{"s", std::string("i1 & <b>")}, {"n", 7}};
  mstch::map item2{{"t", false}, {"e", std::string("\"quoted\" 'single'")}};
  return mstch::map{
      {"s", std::string("text/with <html> & \"quotes\"")},
      {"n", 3},
      {"e", std::string()},
      {"t", true},
      {"f", 2.25},
      {"list", mstch::array{item1, item2, mstch::map{}}},
      {"map", mstch::map{{"s", std::string("inner")}, {"list", mstch::array{}}}},
      {"words", mstch::array{std::string("w1"), std::string("w/2"), 0, false}},
      {"nested", mstch::array{mstch::array{1, 2}, mstch::array{}}},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mustache)
BOOST_AUTO_TEST_SUITE(mstch_parity)

BOOST_AUTO_TEST_CASE(generated_templates_render_as_mstch_renders_them) {
  TemplateMaker maker(20261203);
  mstch::node data = Data();
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string q = maker.Make(3, 2, false);
    std::string p = maker.Make(4, 2, false) + (round % 2 ? "{{>q}}" : "\n  {{>q}}\n");
    std::string main = maker.Make(1 + round % 12, 3, true);
    TemplateSet set({{"main", "main", main}}, {{"p", "p", p}, {"q", "q", q}}, Escape::kMstch);
    std::string expected = mstch::render(main, data, {{"p", p}, {"q", q}});
    std::string actual = set.Render("main", data);
    BOOST_TEST(actual == expected, "template: [" << main << "] p: [" << p << "] q: [" << q
                                                 << "] mstch: [" << expected << "] engine: ["
                                                 << actual << "]");
    if (actual != expected) break;
    ++compared;
  }
  BOOST_TEST(compared == 3000);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::mustache
