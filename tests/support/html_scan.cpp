#include "support/html_scan.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>

namespace sijill::testing {

namespace {

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// A URL as a browser resolves its scheme: ASCII whitespace and control characters anywhere are
// ignored ("java\tscript:" runs), case does not matter.
std::string Scheme(const std::string& url) {
  std::string squeezed;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20) squeezed += c;
  squeezed = Lower(squeezed);
  size_t colon = squeezed.find(':');
  size_t slash = squeezed.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return "";
  return squeezed.substr(0, colon);
}

std::string Clip(const std::string& text) {
  return text.size() > 60 ? text.substr(0, 60) + "…" : text;
}

std::string Content(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr const char* kUrlAttributes[] = {"href",   "src",        "action", "formaction",
                                          "data",   "poster",     "background", "cite",
                                          "srcset", "xlink:href", "lowsrc", "dynsrc", "codebase"};
// Elements that embed or run active content whatever their attributes say.
constexpr const char* kActiveElements[] = {"iframe", "frame",  "frameset", "object",
                                           "embed",  "applet", "base",     "portal"};
constexpr const char* kTextAttributes[] = {"title", "alt", "value", "content", "placeholder",
                                           "aria-label"};

class Scanner {
 public:
  Scanner(const HtmlScanOptions& options, HtmlScan& scan) : options_(options), scan_(scan) {}

  void Walk(xmlNode* node) {
    for (; node; node = node->next) {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content) scan_.text += reinterpret_cast<const char*>(node->content);
        continue;
      }
      if (node->type != XML_ELEMENT_NODE) continue;
      std::string name = Lower(reinterpret_cast<const char*>(node->name));
      Element(node, name);
      if (name == "script" || name == "style") continue;  // their text is not shown
      Walk(node->children);
    }
  }

 private:
  void Find(const std::string& what) { scan_.injections.push_back(what); }

  void Element(xmlNode* node, const std::string& name) {
    for (const char* active : kActiveElements)
      if (name == active) Find("<" + name + ">");
    std::string src;
    for (xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
      std::string key = Lower(reinterpret_cast<const char*>(attribute->name));
      if (attribute->ns && attribute->ns->prefix)
        key = Lower(reinterpret_cast<const char*>(attribute->ns->prefix)) + ":" + key;
      std::string value = Content(reinterpret_cast<xmlNode*>(attribute));
      if (key.rfind("on", 0) == 0) Find("<" + name + " " + key + "=" + Clip(value) + ">");
      for (const char* url_attribute : kUrlAttributes) {
        if (key != url_attribute) continue;
        std::string scheme = Scheme(value);
        bool image_data = scheme == "data" && name == "img" &&
                          Lower(value).find("data:image/") != std::string::npos &&
                          Lower(value).find("svg") == std::string::npos;
        if (scheme == "javascript" || scheme == "vbscript" || (scheme == "data" && !image_data))
          Find("<" + name + " " + key + "=" + Clip(value) + ">");
      }
      if (key == "style" && (Lower(value).find("expression(") != std::string::npos ||
                             Lower(value).find("javascript:") != std::string::npos))
        Find("<" + name + " style=" + Clip(value) + ">");
      if (key == "http-equiv" && Lower(value) == "refresh") Find("<meta http-equiv=refresh>");
      if (key == "src") src = value;
      for (const char* text_attribute : kTextAttributes)
        if (key == text_attribute) scan_.text += "\n" + value + "\n";
    }
    if (name == "script") {
      std::string code = Content(node);
      bool allowed = !src.empty() && std::any_of(options_.allowed_script_srcs.begin(),
                                                 options_.allowed_script_srcs.end(),
                                                 [&](const std::string& ok) { return EndsWith(src, ok); });
      if (!allowed || code.find_first_not_of(" \t\r\n") != std::string::npos)
        Find("<script src=" + Clip(src) + "> with " + Clip(code));
    }
  }

  const HtmlScanOptions& options_;
  HtmlScan& scan_;
};

}  // namespace

HtmlScan ScanHtml(const std::string& html, const HtmlScanOptions& options) {
  HtmlScan scan;
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> document(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!document) {
    if (!html.empty()) scan.injections.push_back("unparsable HTML");
    return scan;
  }
  Scanner(options, scan).Walk(xmlDocGetRootElement(document.get()));
  return scan;
}

std::string Describe(const HtmlScan& scan) {
  std::string out;
  for (const std::string& finding : scan.injections) out += (out.empty() ? "" : "; ") + finding;
  return out;
}

}  // namespace sijill::testing
