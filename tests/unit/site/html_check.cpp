// A small strict reader of the HTML the site writes: every element closed in order (void
// elements excepted), attributes quoted, ids and links collected. Stricter than a browser on
// purpose: the theme writes well-formed HTML, so anything else is a bug.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "site_fixture.h"

namespace sijill::site::testing {

namespace fs = std::filesystem;

namespace {

const std::set<std::string> kVoid = {"area", "base", "br",   "col",   "embed", "hr",  "img",
                                     "input", "link", "meta", "source", "track", "wbr"};

int LineOf(const std::string& html, size_t at) {
  return 1 + static_cast<int>(std::count(html.begin(), html.begin() + at, '\n'));
}

// Parses `name="value"` pairs of one tag; false on an unquoted or unterminated value.
bool Attributes(const std::string& tag, std::map<std::string, std::string>& out) {
  size_t i = 0;
  while (i < tag.size()) {
    while (i < tag.size() && (isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/')) ++i;
    size_t start = i;
    while (i < tag.size() && tag[i] != '=' && !isspace(static_cast<unsigned char>(tag[i]))) ++i;
    std::string name = tag.substr(start, i - start);
    if (name.empty()) break;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      if (i >= tag.size() || tag[i] != '"') return false;
      size_t end = tag.find('"', i + 1);
      if (end == std::string::npos) return false;
      out[name] = tag.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      out[name] = "";
    }
  }
  return true;
}

std::string Unescape(std::string text) {
  for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}}) {
    for (size_t at; (at = text.find(from)) != std::string::npos;) text.replace(at, std::strlen(from), to);
  }
  return text;
}

}  // namespace

HtmlPage ParseHtml(const std::string& html) {
  HtmlPage page;
  std::vector<std::pair<std::string, size_t>> open;
  for (size_t at = 0; (at = html.find('<', at)) != std::string::npos;) {
    if (html.compare(at, 4, "<!--") == 0) {
      size_t end = html.find("-->", at);
      if (end == std::string::npos) page.problems.push_back("unclosed comment");
      at = end == std::string::npos ? html.size() : end + 3;
      continue;
    }
    size_t end = html.find('>', at);
    if (end == std::string::npos) {
      page.problems.push_back("line " + std::to_string(LineOf(html, at)) + ": unclosed tag");
      break;
    }
    std::string tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.empty() || tag[0] == '!' || tag[0] == '?') continue;  // <!DOCTYPE html>, <?xml ?>
    bool closing = tag[0] == '/';
    size_t name_end = tag.find_first_of(" \t\n/", closing ? 1 : 0);
    if (name_end == 0) name_end = tag.find_first_of(" \t\n", 1);
    std::string name = tag.substr(closing ? 1 : 0, name_end == std::string::npos
                                                       ? std::string::npos
                                                       : name_end - (closing ? 1 : 0));
    for (char& c : name) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    int line = LineOf(html, at);
    if (closing) {
      if (open.empty() || open.back().first != name) {
        page.problems.push_back("line " + std::to_string(line) + ": </" + name + "> closes " +
                                (open.empty() ? "nothing" : "<" + open.back().first + ">"));
        continue;
      }
      open.pop_back();
      continue;
    }
    std::map<std::string, std::string> attributes;
    if (!Attributes(name_end == std::string::npos ? "" : tag.substr(name_end), attributes))
      page.problems.push_back("line " + std::to_string(line) + ": bad attribute in <" + name + ">");
    if (attributes.count("id")) {
      if (!page.ids.insert(Unescape(attributes["id"])).second)
        page.problems.push_back("line " + std::to_string(line) + ": duplicate id " +
                                attributes["id"]);
    }
    for (const char* key : {"href", "src"})
      if (attributes.count(key)) page.links.push_back(Unescape(attributes[key]));
    if (name == "html") {
      page.lang = attributes["lang"];
      page.dir = attributes["dir"];
    }
    if (name == "script" || name == "style") {
      size_t close = html.find("</" + name + ">", at);
      if (close == std::string::npos) {
        page.problems.push_back("unclosed <" + name + ">");
        break;
      }
      at = close + name.size() + 3;
      continue;
    }
    if (!kVoid.count(name) && !tag.ends_with("/")) open.push_back({name, at});
  }
  for (const auto& [name, at] : open)
    page.problems.push_back("line " + std::to_string(LineOf(html, at)) + ": <" + name +
                            "> never closed");
  return page;
}

std::vector<std::string> BrokenLinks(const std::string& site) {
  std::map<std::string, HtmlPage> pages;
  for (const std::string& path : ListFiles(site))
    if (path.ends_with(".html")) pages[path] = ParseHtml(ReadText(site + "/" + path));
  std::vector<std::string> broken;
  for (const auto& [path, page] : pages) {
    fs::path dir = fs::path(path).parent_path();
    for (const std::string& link : page.links) {
      if (link.find("://") != std::string::npos || link.starts_with("mailto:")) continue;
      size_t hash = link.find('#');
      std::string file = link.substr(0, hash);
      std::string anchor = hash == std::string::npos ? "" : link.substr(hash + 1);
      std::string target =
          file.empty() ? path : (dir / file).lexically_normal().generic_string();
      if (target.starts_with("..")) {
        broken.push_back(path + " -> " + link + ": outside the site");
        continue;
      }
      if (!fs::exists(site + "/" + target)) {
        broken.push_back(path + " -> " + link + ": no such file");
        continue;
      }
      if (anchor.empty()) continue;
      auto it = pages.find(target);
      if (it == pages.end() || !it->second.ids.count(anchor))
        broken.push_back(path + " -> " + link + ": no id \"" + anchor + "\"");
    }
  }
  return broken;
}

}  // namespace sijill::site::testing
