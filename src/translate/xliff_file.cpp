// XLIFF 1.2 with libxml2: part of the handout-translate.so module (see formats.h).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>

#include "translate/formats.h"

namespace handout::translate {
namespace {

const char* kXliffNs = "urn:oasis:names:tc:xliff:document:1.2";

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return X(s.c_str()); }

std::string attr(xmlNodePtr n, const char* name) {
  xmlChar* v = xmlGetProp(n, X(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

bool is(xmlNodePtr n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, X(name));
}

// Tagged text as the children of `parent`: <g id ctype> for paired codes, <x id ctype/> for
// standalone ones, text nodes (libxml2 escapes them) between.
void add_tagged(xmlNodePtr parent, const std::string& tagged, const std::vector<InlineCode>& codes) {
  std::map<int, const InlineCode*> by_id;
  for (const auto& c : codes) by_id[c.id] = &c;
  std::vector<xmlNodePtr> stack{parent};
  for (const TaggedPiece& p : split_tagged(tagged)) {
    const auto it = by_id.find(p.id);
    const char* type = it != by_id.end() ? ctype(it->second->kind) : "x-unknown";
    switch (p.type) {
      case TaggedPiece::Type::Text: xmlAddChild(stack.back(), xmlNewText(X(p.text))); break;
      case TaggedPiece::Type::Open: {
        xmlNodePtr g = xmlNewChild(stack.back(), nullptr, X("g"), nullptr);
        xmlNewProp(g, X("id"), X(std::to_string(p.id)));
        xmlNewProp(g, X("ctype"), X(type));
        stack.push_back(g);
        break;
      }
      case TaggedPiece::Type::Close:
        if (stack.size() > 1) stack.pop_back();
        break;
      case TaggedPiece::Type::Standalone: {
        xmlNodePtr x = xmlNewChild(stack.back(), nullptr, X("x"), nullptr);
        xmlNewProp(x, X("id"), X(std::to_string(p.id)));
        xmlNewProp(x, X("ctype"), X(type));
        break;
      }
    }
  }
}

// The note a translator sees: the unit's kind and place, and what its codes stand for.
std::string unit_note(const Unit& u) {
  std::string note = u.note;
  for (const InlineCode& c : u.codes) {
    if (c.kind == InlineCode::Kind::Link) note += "; <" + std::to_string(c.id) + "> links to " + c.value;
    if (c.kind == InlineCode::Kind::Code) note += "; <" + std::to_string(c.id) + "/> is the code `" + c.value + "`";
  }
  return note;
}

void add_unit(xmlNodePtr body, const FileUnit& f) {
  xmlNodePtr tu = xmlNewChild(body, nullptr, X("trans-unit"), nullptr);
  xmlNewProp(tu, X("id"), X(f.unit.id));
  xmlNewProp(tu, X("resname"), X(f.unit.id));
  if (f.state == FileUnit::State::Translated || f.state == FileUnit::State::Final) xmlNewProp(tu, X("translate"), X("no"));
  xmlNodePtr source = xmlNewChild(tu, nullptr, X("source"), nullptr);
  add_tagged(source, f.unit.text, f.unit.codes);
  if (!f.target.empty()) {
    xmlNodePtr target = xmlNewChild(tu, nullptr, X("target"), nullptr);
    xmlNewProp(target, X("state"), X(f.state == FileUnit::State::Final ? "final" : "translated"));
    add_tagged(target, f.target, f.unit.codes);
  }
  if (f.state == FileUnit::State::Changed) {
    xmlNodePtr alt = xmlNewChild(tu, nullptr, X("alt-trans"), nullptr);
    xmlNewProp(alt, X("origin"), X("previous-translation"));
    if (!f.previous_source.empty()) add_tagged(xmlNewChild(alt, nullptr, X("source"), nullptr), f.previous_source, f.unit.codes);
    add_tagged(xmlNewChild(alt, nullptr, X("target"), nullptr), f.previous_target, f.unit.codes);
  }
  xmlNodePtr note = xmlNewChild(tu, nullptr, X("note"), nullptr);
  xmlNewProp(note, X("from"), X("handout"));
  xmlAddChild(note, xmlNewText(X(unit_note(f.unit) +
                                 (f.state == FileUnit::State::Changed ? "; the source changed since it was translated" : ""))));
}

bool write_xliff_file(const UnitFile& file, const std::string& path, std::string& error) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr root = xmlNewNode(nullptr, X("xliff"));
  xmlDocSetRootElement(doc, root);
  xmlNewProp(root, X("version"), X("1.2"));
  xmlSetNs(root, xmlNewNs(root, X(kXliffNs), nullptr));
  xmlNodePtr f = xmlNewChild(root, nullptr, X("file"), nullptr);
  xmlNewProp(f, X("original"), X(file.original));
  xmlNewProp(f, X("source-language"), X(file.source_language));
  xmlNewProp(f, X("target-language"), X(file.target_language));
  xmlNewProp(f, X("datatype"), X("x-markdown"));
  xmlNodePtr header = xmlNewChild(f, nullptr, X("header"), nullptr);
  xmlNodePtr tool = xmlNewChild(header, nullptr, X("tool"), nullptr);
  xmlNewProp(tool, X("tool-id"), X("handout"));
  xmlNewProp(tool, X("tool-name"), X("handout"));
  xmlNodePtr props = xmlNewChild(header, nullptr, X("prop-group"), nullptr);
  xmlNewProp(props, X("name"), X("handout"));
  xmlNodePtr base = xmlNewChild(props, nullptr, X("prop"), nullptr);
  xmlNewProp(base, X("prop-type"), X("x-translation-base"));
  xmlAddChild(base, xmlNewText(X(file.base)));
  xmlNodePtr body = xmlNewChild(f, nullptr, X("body"), nullptr);
  for (const FileUnit& u : file.units) add_unit(body, u);
  const int written = xmlSaveFormatFileEnc(path.c_str(), doc, "UTF-8", 1);
  xmlFreeDoc(doc);
  if (written < 0) error = "cannot write '" + path + "'";
  return written >= 0;
}

// An element's content as tagged text; false when it holds markup other than <g> and <x/>.
bool read_tagged(xmlNodePtr parent, std::string& out, std::string& error) {
  for (xmlNodePtr n = parent->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      xmlChar* text = xmlNodeGetContent(n);
      out += reinterpret_cast<const char*>(text);
      xmlFree(text);
    } else if (is(n, "g")) {
      const std::string id = attr(n, "id");
      out += "<" + id + ">";
      if (!read_tagged(n, out, error)) return false;
      out += "</" + id + ">";
    } else if (is(n, "x")) {
      out += "<" + attr(n, "id") + "/>";
    } else if (n->type == XML_ELEMENT_NODE) {
      error = "<" + std::string(reinterpret_cast<const char*>(n->name)) + "> is no inline code handout wrote (only <g> and <x/>)";
      return false;
    }
  }
  return true;
}

bool read_xliff_file(const std::string& path, UnitFile& out, std::string& error) {
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    error = "not well-formed XML" + (e && e->message ? ": line " + std::to_string(e->line) + ": " + std::string(e->message) : "");
    while (!error.empty() && error.back() == '\n') error.pop_back();
    return false;
  }
  xmlNodePtr root = xmlDocGetRootElement(doc);
  bool ok = is(root, "xliff");
  if (!ok) error = "not an XLIFF file (its root is no <xliff>)";
  xmlNodePtr file = nullptr;
  for (xmlNodePtr n = ok ? root->children : nullptr; n; n = n->next)
    if (is(n, "file")) { file = n; break; }
  if (ok && !file) ok = false, error = "the XLIFF file has no <file>";
  if (ok) {
    out.original = attr(file, "original");
    out.source_language = attr(file, "source-language");
    out.target_language = attr(file, "target-language");
    for (xmlNodePtr body = file->children; body && ok; body = body->next) {
      if (is(body, "header"))
        for (xmlNodePtr g = body->children; g; g = g->next)
          for (xmlNodePtr p = is(g, "prop-group") ? g->children : nullptr; p; p = p->next)
            if (is(p, "prop") && attr(p, "prop-type") == "x-translation-base") {
              xmlChar* v = xmlNodeGetContent(p);
              out.base = reinterpret_cast<const char*>(v);
              xmlFree(v);
            }
      if (!is(body, "body")) continue;
      for (xmlNodePtr tu = body->children; tu && ok; tu = tu->next) {
        if (!is(tu, "trans-unit")) continue;
        FileUnit u;
        u.unit.id = attr(tu, "id");
        u.line = static_cast<int>(xmlGetLineNo(tu));
        for (xmlNodePtr c = tu->children; c && ok; c = c->next) {
          if (is(c, "source") && !read_tagged(c, u.unit.text, error)) ok = false;
          if (is(c, "target")) {
            const std::string state = attr(c, "state");
            u.state = state == "signed-off" || state == "final" ? FileUnit::State::Final : FileUnit::State::Translated;
            if (!read_tagged(c, u.target, error)) ok = false;
          }
        }
        if (!ok) error = "unit '" + u.unit.id + "': " + error;
        out.units.push_back(std::move(u));
      }
    }
  }
  xmlFreeDoc(doc);
  return ok;
}

}  // namespace

bool xliff_write_entry(const UnitFile& file, const std::string& path, std::string& error) {
  return write_xliff_file(file, path, error);
}
bool xliff_read_entry(const std::string& path, UnitFile& out, std::string& error) {
  return read_xliff_file(path, out, error);
}

}  // namespace handout::translate
