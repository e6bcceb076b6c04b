// Fuzz target: a theme template (mustache::TemplateSet). A records repository may commit its own
// site/theme/*.mustache, so the engine reads untrusted bytes. The input is a template "fuzz",
// also a partial of itself, beside the project's own theme templates as partials, rendered over
// page-like data. Invariants: only Error kInvalid is thrown; a render is deterministic; text
// without "{{" renders as itself.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "sijill/error.h"
#include "sijill/mustache/template_set.h"

namespace {

using sijill::mustache::Source;

const std::vector<Source>& ThemeTemplates() {
  static const std::vector<Source> sources = [] {
    std::vector<Source> out;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SIJILL_SOURCE_DIR) + "/site/theme")) {
      if (entry.path().extension() != ".mustache") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back({entry.path().stem().string(), entry.path().string(), text.str()});
    }
    return out;
  }();
  return sources;
}

const mstch::node& PageData() {
  static const mstch::node data = mstch::map{
      {"title", std::string("A/RES/64/293 <b>&</b>")},
      {"lang", std::string("ar")},
      {"dir", std::string("rtl")},
      {"root", std::string("../")},
      {"count", 3},
      {"share", 0.5},
      {"draft", false},
      {"t", mstch::map{{"home", std::string("الرئيسية")}, {"next", std::string("next >")}}},
      {"items", mstch::array{mstch::map{{"href", std::string("a.html")}, {"id", std::string("a")}},
                             mstch::map{{"href", std::string("b.html?x=1&y='2'")}},
                             std::string("plain"), mstch::array{}}},
      {"pager", mstch::map{{"next", std::string("2.html")}}},
  };
  return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sijill;
  std::string text(fuzz::AsText(data, size));
  std::vector<Source> partials = ThemeTemplates();
  partials.push_back({"fuzz", "fuzz.mustache", text});
  for (mustache::Escape escape : {mustache::Escape::kMstch, mustache::Escape::kHtml}) {
    try {
      mustache::TemplateSet set({{"fuzz", "fuzz.mustache", text}}, partials, escape);
      std::string once = set.Render("fuzz", PageData());
      fuzz::Check(set.Render("fuzz", PageData()) == once, "two renders differ", text);
      if (text.find("{{") == std::string::npos)
        fuzz::Check(once == text, "text without tags changed", text);
    } catch (const Error& error) {
      fuzz::Check(error.kind() == Error::Kind::kInvalid, "an error other than kInvalid",
                  error.what());
    }
  }
  return 0;
}
