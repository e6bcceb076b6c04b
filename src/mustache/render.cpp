// Walks a parsed template over mstch::node data the way mstch 1.0.2's render_context and
// visitors do (render_node, render_section, is_node_empty, has_token, get_token), by const
// reference: the context stack holds pointers into the caller's data.
#include <sstream>

#include "mustache/template_internal.h"
#include "sijill/error.h"

namespace sijill::mustache::internal {

namespace {

using Object = std::shared_ptr<mstch::object>;

const mstch::node kNull = nullptr;

// `key` inside one value: a map's entry, an object's method; "." is any other value itself.
const mstch::node* FindIn(const mstch::node& node, const std::string& key) {
  if (const auto* map = boost::get<mstch::map>(&node)) {
    auto found = map->find(key);
    return found == map->end() ? nullptr : &found->second;
  }
  if (const auto* object = boost::get<Object>(&node))
    return (*object)->has(key) ? &(*object)->at(key) : nullptr;
  return key == "." ? &node : nullptr;
}

// The first segment up the stack (innermost first), the others inside what it found.
const mstch::node& Lookup(const std::vector<const mstch::node*>& stack,
                          const std::vector<std::string>& path) {
  const mstch::node* found = nullptr;
  for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) found = FindIn(**it, path[0]);
  for (size_t i = 1; found && i < path.size(); ++i) found = FindIn(*found, path[i]);
  return found ? *found : kNull;
}

// What skips a section and shows an inverted one.
bool IsEmpty(const mstch::node& node) {
  switch (node.which()) {
    case 0:
      return true;  // nullptr
    case 1:
      return boost::get<std::string>(node).empty();
    case 2:
      return boost::get<int>(node) == 0;
    case 3:
      return boost::get<double>(node) == 0;
    case 4:
      return !boost::get<bool>(node);
    case 8:
      return boost::get<mstch::array>(node).empty();
    default:
      return false;  // lambda, object, map
  }
}

[[noreturn]] void NoLambdas(const Node& node) {
  throw Error(Error::Kind::kInvalid, "'" + node.text + "' is a lambda: not supported");
}

void AppendValue(const Node& where, const mstch::node& value, bool escaped, Escape escape,
                 std::string& out) {
  if (const auto* text = boost::get<std::string>(&value)) {
    if (escaped)
      AppendEscaped(out, *text, escape);
    else
      out += *text;
  } else if (const auto* number = boost::get<int>(&value)) {
    out += std::to_string(*number);
  } else if (const auto* real = boost::get<double>(&value)) {
    std::ostringstream printed;
    printed << *real;
    out += printed.str();
  } else if (const auto* flag = boost::get<bool>(&value)) {
    out += *flag ? "true" : "false";
  } else if (boost::get<mstch::lambda>(&value)) {
    NoLambdas(where);
  }  // null, map, array, object print nothing
}

void RenderWith(const std::vector<Node>& body, const mstch::node& top, RenderState& state) {
  state.stack.push_back(&top);
  RenderNodes(body, state);
  state.stack.pop_back();
}

void RenderSection(const Node& node, RenderState& state) {
  const mstch::node& value = Lookup(state.stack, node.path);
  if (node.kind == Node::Kind::kInverted) {
    if (IsEmpty(value)) RenderWith(node.children, kNull, state);
    return;
  }
  if (IsEmpty(value)) return;
  if (const auto* items = boost::get<mstch::array>(&value)) {
    // Each item is the context of one pass, an item that is itself a list included.
    for (const mstch::node& item : *items) {
      if (boost::get<mstch::lambda>(&item)) NoLambdas(node);
      RenderWith(node.children, item, state);
    }
  } else if (boost::get<mstch::lambda>(&value)) {
    NoLambdas(node);
  } else {
    RenderWith(node.children, value, state);
  }
}

void RenderPartial(const Node& node, RenderState& state) {
  if (state.partial_depth == kMaxPartialDepth)
    throw Error(Error::Kind::kInvalid,
                "partial '" + node.text + "' nested more than " + std::to_string(kMaxPartialDepth) +
                    " deep (does it include itself?)",
                Location{node.partial->file, 0});
  ++state.partial_depth;
  RenderNodes(node.partial->nodes, state);
  --state.partial_depth;
}

}  // namespace

void RenderNodes(const std::vector<Node>& nodes, RenderState& state) {
  for (const Node& node : nodes) {
    switch (node.kind) {
      case Node::Kind::kText:
        state.out += node.text;
        break;
      case Node::Kind::kEscaped:
      case Node::Kind::kRaw:
        AppendValue(node, Lookup(state.stack, node.path), node.kind == Node::Kind::kEscaped,
                    state.escape, state.out);
        break;
      case Node::Kind::kSection:
      case Node::Kind::kInverted:
        RenderSection(node, state);
        break;
      case Node::Kind::kPartial:
        RenderPartial(node, state);
        break;
    }
  }
}

}  // namespace sijill::mustache::internal
