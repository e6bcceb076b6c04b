// The template engine on the Mustache features our templates use. Where mstch is sound on a
// case, the expected text is also checked against mstch::render itself (the engine replaced
// it and must print the same bytes).
#include "sijill/mustache/template_set.h"

#include <boost/test/unit_test.hpp>
#include <thread>

#include "sijill/error.h"

namespace sijill::mustache {

namespace {

using Partials = std::map<std::string, std::string>;

std::vector<Source> Sources(const Partials& texts) {
  std::vector<Source> out;
  for (const auto& [name, text] : texts) out.push_back({name, "t/" + name + ".mustache", text});
  return out;
}

std::string Render(const std::string& text, const mstch::node& data, const Partials& partials = {},
                   Escape escape = Escape::kMstch) {
  TemplateSet set({{"main", "t/main.mustache", text}}, Sources(partials), escape);
  return set.Render("main", data);
}

// Renders with the engine and with mstch; both must print `expected`.
void ExpectSame(const std::string& text, const mstch::node& data, const std::string& expected,
                const Partials& partials = {}) {
  BOOST_TEST(Render(text, data, partials) == expected);
  BOOST_TEST(mstch::render(text, data, partials) == expected);
}

// The message of the Error that building a set with `text` throws.
std::string LoadError(const std::string& text, const Partials& partials = {}) {
  try {
    Render(text, mstch::map{}, partials);
  } catch (const Error& error) {
    BOOST_TEST((error.kind() == Error::Kind::kInvalid));
    return error.what();
  }
  return "no error";
}

mstch::map Person(const std::string& name) { return mstch::map{{"name", name}}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(mustache)
BOOST_AUTO_TEST_SUITE(template_set)

BOOST_AUTO_TEST_CASE(variables_escape_exactly_as_mstch_does) {
  mstch::map data{{"x", std::string("a & b < c > d \" e ' f / g")}};
  ExpectSame("{{x}}", data, "a &amp; b &lt; c &gt; d &quot; e &#39; f &#x2F; g");
  ExpectSame("{{{x}}}|{{&x}}|{{{ x }}}|{{& x }}", data,
             "a & b < c > d \" e ' f / g|a & b < c > d \" e ' f / g|"
             "a & b < c > d \" e ' f / g|a & b < c > d \" e ' f / g");
  // The site's escaping: the same five characters, "/" left alone.
  BOOST_TEST(Render("{{x}}", data, {}, Escape::kHtml) ==
             "a &amp; b &lt; c &gt; d &quot; e &#39; f / g");
  // Bytes of UTF-8 text pass through.
  ExpectSame("{{x}}", mstch::map{{"x", std::string("الاتجار")}}, "الاتجار");
}

BOOST_AUTO_TEST_CASE(values_other_than_text) {
  mstch::map data{{"i", 42},
                  {"z", 0},
                  {"d", 1.5},
                  {"t", true},
                  {"f", false},
                  {"m", mstch::map{}},
                  {"l", mstch::array{1}},
                  {"n", nullptr}};
  ExpectSame("{{i}} {{z}} {{d}} {{t}} {{f}} [{{m}}{{l}}{{n}}{{missing}}]", data,
             "42 0 1.5 true false []");
}

BOOST_AUTO_TEST_CASE(sections_over_lists_maps_booleans_and_values) {
  mstch::map data{{"people", mstch::array{Person("a"), Person("b")}},
                  {"boss", Person("c")},
                  {"yes", true},
                  {"no", false},
                  {"empty", mstch::array{}},
                  {"word", std::string("w")},
                  {"blank", std::string()},
                  {"zero", 0}};
  ExpectSame("{{#people}}<{{name}}>{{/people}}", data, "<a><b>");
  ExpectSame("{{#boss}}{{name}}{{/boss}}", data, "c");
  ExpectSame("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{#empty}}e{{/empty}}", data, "y");
  ExpectSame("{{#word}}[{{.}}]{{/word}}{{#blank}}b{{/blank}}{{#zero}}0{{/zero}}", data, "[w]");
  ExpectSame(
      "{{^no}}1{{/no}}{{^empty}}2{{/empty}}{{^missing}}3{{/missing}}{{^yes}}4{{/yes}}"
      "{{^blank}}5{{/blank}}{{^boss}}6{{/boss}}",
      data, "1235");
}

BOOST_AUTO_TEST_CASE(nested_sections_and_lookup_up_the_stack) {
  mstch::map data{
      {"title", std::string("T")},
      {"groups", mstch::array{mstch::map{{"name", std::string("g1")},
                                         {"items", mstch::array{Person("x"), mstch::map{}}}},
                              mstch::map{{"items", mstch::array{Person("y")}}}}}};
  // An item without "name" finds its group's; a group without one finds nothing more.
  ExpectSame("{{#groups}}({{#items}}{{name}}/{{title}};{{/items}}){{/groups}}", data,
             "(x/T;g1/T;)(y/T;)");
  // Items of a list of lists are lists themselves: {{.}} on a list prints nothing.
  ExpectSame("{{#l}}[{{#.}}{{.}}{{/.}}]{{/l}}",
             mstch::map{{"l", mstch::array{mstch::array{1, 2}, std::string("s")}}}, "[12][s]");
}

BOOST_AUTO_TEST_CASE(dotted_names_and_the_current_item) {
  mstch::map data{{"t", mstch::map{{"home", std::string("Home")}}},
                  {"a", mstch::map{{"b", mstch::map{{"c", std::string("deep")}}}}},
                  {"list", mstch::array{std::string("p"), std::string("<q>")}}};
  // (mstch's own lookup of dotted names returns a reference into a temporary: these are
  // checked against the expected text only.)
  BOOST_TEST(Render("{{t.home}} {{a.b.c}} [{{a.x.c}}{{t.home.x}}{{nope.home}}]", data) ==
             "Home deep []");
  BOOST_TEST(Render("{{#a}}{{#b}}{{c}}:{{t.home}}{{/b}}{{/a}}", data) == "deep:Home");
  // "b" is looked up inside "a" only, not up the stack.
  BOOST_TEST(Render("{{#a.b}}{{c}}{{/a.b}}{{^a.c}}none{{/a.c}}", data) == "deepnone");
  ExpectSame("{{#list}}<li>{{.}}</li>{{/list}}", data, "<li>p</li><li>&lt;q&gt;</li>");
  // {{.}} outside any list: the root is a map, which {{.}} skips.
  ExpectSame("[{{.}}]", data, "[]");
}

BOOST_AUTO_TEST_CASE(comments_print_nothing) {
  ExpectSame("a{{! a comment }}b\n  {{! standalone }}\nc\n", mstch::map{}, "ab\nc\n");
}

BOOST_AUTO_TEST_CASE(standalone_lines) {
  mstch::map data{{"yes", true}, {"x", std::string("v")}};
  // A line of section tags and whitespace prints nothing of its own.
  ExpectSame("<ul>\n  {{#yes}}\n  <li>{{x}}</li>\n  {{/yes}}\n</ul>\n", data,
             "<ul>\n  <li>v</li>\n</ul>\n");
  ExpectSame("a\n{{^yes}}\nno\n{{/yes}}\nb\n", data, "a\nb\n");
  // A variable makes the line an ordinary one.
  ExpectSame("  {{#yes}}{{x}}\n  {{/yes}}\n", data, "  v\n");
  // The last line, without its line end, is standalone too when it ends in a tag.
  ExpectSame("a\n  {{#yes}}\nb\n  {{/yes}}", data, "a\nb\n");
  // ... but not when whitespace follows the tag there (mstch's rule).
  ExpectSame("a\n{{#yes}}\nb\n{{/yes}}  ", data, "a\nb\n  ");
  // Tabs and "\r" are whitespace to mstch; other spaces (\v, \f, U+00A0) are not.
  ExpectSame("\t{{#yes}}\t\nb\n{{/yes}}\r\n", data, "b\n");
  ExpectSame("{{#yes}}\v\nb\n{{/yes}}\n", data, "\v\nb\n");
}

BOOST_AUTO_TEST_CASE(partials_and_their_indentation) {
  mstch::map data{{"items", mstch::array{Person("a"), Person("b")}}};
  Partials partials{{"item", "<li>{{name}}</li>\n"}, {"two", "1\n2\n"}};
  ExpectSame("{{#items}}{{> item}}{{/items}}", data, "<li>a</li>\n<li>b</li>\n", partials);
  // A standalone partial's lines take its indentation.
  ExpectSame("<ul>\n  {{>two}}\n</ul>\n", data, "<ul>\n  1\n  2\n</ul>\n", partials);
  // Every line of an indented partial takes the indentation, lines inside its sections too.
  Partials lines{{"p", "a\n{{#items}}\n{{name}}\n{{/items}}\nz\n"}};
  ExpectSame("  {{>p}}\n", data, "  a\n  a\n  b\n  z\n", lines);
  // The same partial indented twice in one page.
  ExpectSame("{{>two}}\n    {{>two}}\n", data, "1\n2\n    1\n    2\n", partials);
}

BOOST_AUTO_TEST_CASE(a_partial_may_include_itself) {
  mstch::map tree{
      {"name", std::string("r")},
      {"kids", mstch::array{mstch::map{{"name", std::string("k")}, {"kids", mstch::array{}}}}}};
  ExpectSame("{{>node}}", tree, "r(k())", {{"node", "{{name}}({{#kids}}{{>node}}{{/kids}})"}});
}

BOOST_AUTO_TEST_CASE(a_partial_that_includes_itself_without_end_stops) {
  TemplateSet set({{"main", "t/main.mustache", "{{>loop}}"}},
                  {{"loop", "t/loop.mustache", "x{{>loop}}"}}, Escape::kMstch);
  BOOST_CHECK_EXCEPTION(set.Render("main", mstch::map{}), Error, [](const Error& e) {
    return e.kind() == Error::Kind::kInvalid && std::string(e.what()) ==
                                                    "t/loop.mustache: partial 'loop' nested more "
                                                    "than 100 deep (does it include itself?)";
  });
}

BOOST_AUTO_TEST_CASE(errors_name_the_file_and_line) {
  BOOST_TEST(LoadError("a\n\n{{#s}}\nb\n") == "t/main.mustache:3: section 's' is never closed");
  BOOST_TEST(LoadError("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}") ==
             "t/main.mustache:3: {{/a}} closes section 'b' opened on line 2");
  BOOST_TEST(LoadError("x\n{{/a}}") == "t/main.mustache:2: {{/a}} closes no open section");
  BOOST_TEST(LoadError("x\n\n{{> nope}}\n") ==
             "t/main.mustache:3: no partial 'nope' for {{> nope}}");
  BOOST_TEST(LoadError("{{=<% %>=}}") ==
             "t/main.mustache:1: set delimiters ({{=...=}}) are not supported");
  // An error in a partial names the partial's file, even when no template uses it.
  BOOST_TEST(LoadError("ok", {{"p", "line\n{{^x}}"}}) ==
             "t/p.mustache:2: section 'x' is never closed");
}

BOOST_AUTO_TEST_CASE(unknown_template_is_not_found) {
  TemplateSet set({{"a", "a.mustache", "x"}}, {}, Escape::kMstch);
  BOOST_TEST(set.Has("a"));
  BOOST_TEST(!set.Has("b"));
  BOOST_CHECK_EXCEPTION(set.Render("b", mstch::map{}), Error,
                        [](const Error& e) { return e.kind() == Error::Kind::kNotFound; });
}

BOOST_AUTO_TEST_CASE(inner_context_is_looked_up_before_outer) {
  TemplateSet set({{"layout", "layout.mustache", "{{{title}}}|{{page}}|{{{content}}}"}}, {},
                  Escape::kMstch);
  mstch::node page = mstch::map{{"title", std::string("page's")}, {"page", std::string("p")}};
  mstch::node layout =
      mstch::map{{"title", std::string("layout's")}, {"content", std::string("<b>")}};
  std::string out = "start:";
  set.Render("layout", page, layout, out);
  BOOST_TEST(out == "start:layout's|p|<b>");
}

BOOST_AUTO_TEST_CASE(renders_from_several_threads) {
  TemplateSet set({{"main", "main.mustache", "{{#items}}{{>item}}{{/items}}"}},
                  {{"item", "item.mustache", "<{{name}}>\n"}}, Escape::kMstch);
  mstch::array items;
  std::string expected;
  for (int i = 0; i < 200; ++i) {
    items.push_back(Person(std::to_string(i)));
    expected += "<" + std::to_string(i) + ">\n";
  }
  mstch::node data = mstch::map{{"items", items}};
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::string& out : outputs)
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) out = set.Render("main", data);
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& out : outputs) BOOST_TEST(out == expected);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::mustache
