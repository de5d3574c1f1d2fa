#include "graph/xml_document.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

#include <fmt/format.h>

#include "graph/network_builder.h"

namespace leaktrace {
namespace {

constexpr std::size_t max_errors_kept = 100;

// XML_PARSE_NONET: no network; no XML_PARSE_NOENT / DTDLOAD: entities stay references and no
// external DTD is fetched; libxml2's own limits guard against entity expansion bombs.
constexpr int parse_options = XML_PARSE_NONET | XML_PARSE_RECOVER |
                              XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;

std::string trim_message(const char* message) {
  std::string out = message ? message : "XML error";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

void XmlDocument::on_error(void* self, xmlError* error) {
  auto* document = static_cast<XmlDocument*>(self);
  if (!error || error->level == XML_ERR_WARNING) return;
  if (document->errors_.size() >= max_errors_kept) {
    ++document->errors_not_kept_;
    return;
  }
  document->errors_.push_back(
      Error{static_cast<std::uint64_t>(error->line > 0 ? error->line : 0), trim_message(error->message)});
}

XmlDocument::XmlDocument(std::string_view text) {
  xmlSetStructuredErrorFunc(this, &XmlDocument::on_error);
  if (text.size() <= static_cast<std::size_t>(INT_MAX)) {
    document_ = xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr, parse_options);
  } else {
    errors_.push_back(Error{0, "the document is larger than 2 GiB, more than libxml2 reads at once"});
  }
  xmlSetStructuredErrorFunc(nullptr, nullptr);
}

XmlDocument::~XmlDocument() {
  if (document_) xmlFreeDoc(document_);
}

xmlNode* XmlDocument::root() const { return document_ ? xmlDocGetRootElement(document_) : nullptr; }

std::string_view xml_name(const xmlNode* node) {
  return node && node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

std::uint64_t xml_line(const xmlNode* node) {
  long line = xmlGetLineNo(node);
  return line > 0 ? static_cast<std::uint64_t>(line) : 0;
}

std::optional<std::string> xml_attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string xml_content(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::vector<xmlNode*> xml_children(const xmlNode* node, std::string_view name) {
  std::vector<xmlNode*> out;
  if (!node) return out;
  for (xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && (name.empty() || xml_name(child) == name)) out.push_back(child);
  }
  return out;
}

xmlNode* xml_first_child(const xmlNode* node, std::string_view name) {
  if (!node) return nullptr;
  for (xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && xml_name(child) == name) return child;
  }
  return nullptr;
}

void XmlDeclarations::add(const std::string& id, Declaration declaration) {
  if (by_id_.emplace(id, declarations.size()).second) declarations.push_back(std::move(declaration));
}

const XmlDeclarations::Declaration* XmlDeclarations::find(const std::optional<std::string>& id, bool or_name) const {
  if (!id) return nullptr;
  if (auto it = by_id_.find(*id); it != by_id_.end()) return &declarations[it->second];
  if (!or_name) return nullptr;
  for (const Declaration& declaration : declarations) {
    if (declaration.name == *id) return &declaration;
  }
  return nullptr;
}

xmlNode* network_root(const XmlDocument& document, std::string_view root_name, NetworkBuilder& builder) {
  for (const XmlDocument::Error& error : document.errors()) builder.reject(error.line, "XML: " + error.message);
  if (document.errors_not_kept() > 0) builder.note(fmt::format("{} more XML errors", document.errors_not_kept()));
  xmlNode* root = document.root();
  if (!root || xml_name(root) != root_name) {
    builder.reject(root ? xml_line(root) : 0, fmt::format("no <{}> root element", root_name));
    return nullptr;
  }
  return root;
}

}  // namespace leaktrace
