#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <libxml/tree.h>

namespace leaktrace {

class NetworkBuilder;

// An XML document parsed by libxml2 for the GraphML and GEXF readers: no network access, no
// external entities or DTDs loaded, entities not substituted into the tree, line numbers beyond
// 65535 kept. A document that is not well-formed is recovered as far as libxml2 can, and each
// error is kept with its line (the readers report them and use what was recovered).
class XmlDocument {
 public:
  struct Error {
    std::uint64_t line = 0;
    std::string message;
  };

  explicit XmlDocument(std::string_view text);
  ~XmlDocument();
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  xmlNode* root() const;  // nullptr when nothing could be parsed
  const std::vector<Error>& errors() const { return errors_; }
  std::uint64_t errors_not_kept() const { return errors_not_kept_; }

 private:
  static void on_error(void* self, xmlError* error);

  xmlDoc* document_ = nullptr;
  std::vector<Error> errors_;
  std::uint64_t errors_not_kept_ = 0;
};

// Helpers to walk a parsed tree by local names (namespaces vary between versions of a format).
std::string_view xml_name(const xmlNode* node);
std::uint64_t xml_line(const xmlNode* node);
std::optional<std::string> xml_attribute(const xmlNode* node, const char* name);
std::string xml_content(const xmlNode* node);  // the text inside, entities resolved
// The element children of `node` with this local name (all elements when name is empty).
std::vector<xmlNode*> xml_children(const xmlNode* node, std::string_view name = {});
xmlNode* xml_first_child(const xmlNode* node, std::string_view name);

// Attributes a GraphML <key> or a GEXF <attribute> declares, in document order, found by id.
struct XmlDeclarations {
  struct Declaration {
    std::string name;  // GraphML attr.name, GEXF title
    std::optional<std::string> default_value;
  };
  std::vector<Declaration> declarations;

  void add(const std::string& id, Declaration declaration);
  // By id; with `or_name` also by name (some GEXF writers put the title in `for`).
  const Declaration* find(const std::optional<std::string>& id, bool or_name = false) const;

 private:
  std::unordered_map<std::string, std::size_t> by_id_;
};

// For the network readers: rejects the document's XML errors (with their lines) and returns its
// root element when it is named `root_name`; else rejects that and returns nullptr.
xmlNode* network_root(const XmlDocument& document, std::string_view root_name, NetworkBuilder& builder);

}  // namespace leaktrace
