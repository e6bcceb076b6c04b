#include "sijill/mustache/template_set.h"

#include <utility>

#include "mustache/template_internal.h"
#include "sijill/error.h"

namespace sijill::mustache {

using internal::Node;
using internal::Token;

struct TemplateSet::Parts {
  Escape escape = Escape::kMstch;
  std::map<std::string, Compiled, std::less<>> templates;
  // A partial's tokens and file, kept to parse it again for each indentation it is used with.
  std::map<std::string, std::pair<std::vector<Token>, std::string>> partial_tokens;
  // Each partial parsed once per indentation: mstch indents every line of a partial included
  // on a standalone line, so "  {{> p}}" and "{{> p}}" print different text.
  std::map<std::pair<std::string, std::string>, Compiled> partials;

  void Link(std::vector<Node>& nodes, const std::string& file);
  const Compiled& Partial(const Node& node, const std::string& file);
};

// Points every {{> name}} at its parsed partial, parsing partials as they are first needed.
void TemplateSet::Parts::Link(std::vector<Node>& nodes, const std::string& file) {
  for (Node& node : nodes) {
    if (node.kind == Node::Kind::kPartial) node.partial = &Partial(node, file);
    Link(node.children, file);
  }
}

const TemplateSet::Compiled& TemplateSet::Parts::Partial(const Node& node,
                                                         const std::string& file) {
  auto source = partial_tokens.find(node.text);
  if (source == partial_tokens.end())
    throw Error(Error::Kind::kInvalid, "no partial '" + node.text + "' for {{> " + node.text + "}}",
                Location{file, node.line});
  auto key = std::make_pair(node.text, node.partial_prefix);
  auto [it, added] = partials.try_emplace(key);
  if (added) {  // entered before linking, so a partial that includes itself finds itself
    const auto& [tokens, partial_file] = source->second;
    it->second.file = partial_file;
    it->second.nodes = internal::Parse(
        key.second.empty() ? tokens : internal::Indent(tokens, key.second), partial_file);
    Link(it->second.nodes, partial_file);
  }
  return it->second;
}

TemplateSet::TemplateSet(const std::vector<Source>& templates, const std::vector<Source>& partials,
                         Escape escape)
    : parts_(std::make_unique<Parts>()) {
  parts_->escape = escape;
  for (const Source& partial : partials)
    parts_->partial_tokens[partial.name] = {internal::Tokenize(partial.text, partial.file),
                                            partial.file};
  // Every partial is checked, used or not.
  for (const Source& partial : partials) {
    Node use;
    use.text = partial.name;
    parts_->Partial(use, partial.file);
  }
  for (const Source& source : templates) {
    Compiled& compiled = parts_->templates[source.name];
    compiled.file = source.file;
    compiled.nodes = internal::Parse(internal::Tokenize(source.text, source.file), source.file);
    parts_->Link(compiled.nodes, source.file);
  }
}

TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

bool TemplateSet::Has(std::string_view name) const {
  return parts_->templates.find(name) != parts_->templates.end();
}

const TemplateSet::Compiled& TemplateSet::Lookup(std::string_view name) const {
  auto found = parts_->templates.find(name);
  if (found == parts_->templates.end())
    throw Error(Error::Kind::kNotFound, "no template '" + std::string(name) + "'");
  return found->second;
}

void TemplateSet::Render(std::string_view name, const mstch::node& context,
                         std::string& out) const {
  internal::RenderState state{parts_->escape, {&context}, out};
  internal::RenderNodes(Lookup(name).nodes, state);
}

std::string TemplateSet::Render(std::string_view name, const mstch::node& context) const {
  std::string out;
  Render(name, context, out);
  return out;
}

void TemplateSet::Render(std::string_view name, const mstch::node& outer, const mstch::node& inner,
                         std::string& out) const {
  Render(name, {&outer, &inner}, out);
}

void TemplateSet::Render(std::string_view name,
                         std::initializer_list<const mstch::node*> contexts,
                         std::string& out) const {
  internal::RenderState state{parts_->escape, contexts, out};
  internal::RenderNodes(Lookup(name).nodes, state);
}

}  // namespace sijill::mustache
