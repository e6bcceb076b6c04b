// Fuzz target: a report file (front matter + Markdown body): model::ParseReport,
// markdown::ParseReport and RenderHtml. Never throws for bad data (parse.h, front_matter.h);
// paragraph ids are unique (DESIGN.md ids address one paragraph); the HTML has no raw tag
// from the input (render_html.h: "safe: no raw HTML, no javascript: links").
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_check.h"
#include "sijill/markdown/parse.h"
#include "sijill/markdown/render_html.h"
#include "sijill/model/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sijill;
  const std::string text(fuzz::AsText(data, size));
  model::ParsedReport front = model::ParseReport("corpus/fuzz.md", text);
  markdown::ParseResult parsed = markdown::ParseReport("corpus/fuzz.md", text);
  std::set<std::string> ids;
  for (const markdown::Paragraph& paragraph : parsed.document.paragraphs)
    fuzz::Check(ids.insert(paragraph.id).second, "two paragraphs share an id", paragraph.id);
  if (front.parsed) {
    // What WriteFrontMatter writes must read back as the same front matter.
    std::string again = model::WriteFrontMatter(front.report.meta);
    model::ParsedReport reread = model::ParseReport("corpus/fuzz.md", again + "\n");
    fuzz::Check(reread.parsed, "written front matter does not parse", again);
    if (!HasErrors(front.problems)) {
      const model::FrontMatter& a = front.report.meta;
      const model::FrontMatter& b = reread.report.meta;
      fuzz::Check(a.symbol == b.symbol && a.title == b.title && a.type == b.type &&
                      a.date == b.date && a.language == b.language && a.session == b.session &&
                      a.agenda_item == b.agenda_item && a.furniture == b.furniture &&
                      a.extra == b.extra,
                  "front matter changes when written and read again", again);
    }
  }
  std::string body(model::SplitFrontMatter(text) ? model::SplitFrontMatter(text)->body : text);
  std::string html = markdown::RenderHtml(body);
  std::string lower = html;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* tag :
       {"<script", "<iframe", "<style", "href=\"javascript:", "src=\"javascript:"})
    fuzz::Check(lower.find(tag) == std::string::npos, "unsafe HTML rendered", html);
  return 0;
}
