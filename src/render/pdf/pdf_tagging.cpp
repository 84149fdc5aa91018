#include "render/pdf/pdf_tagging.h"

#include <hpdf_doc.h>

#include <algorithm>

#include "render/pdf/hpdf_bridge.h"
#include "util/text.h"

namespace handout {
namespace {

// The XMP packet: the same title, author and tools as the Info dictionary, the language, and
// the PDF/UA-1 identification.
std::string xmp(const DocumentInfo& info) {
  const std::string lang = info.language.empty() ? "x-default" : info.language;
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
         "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
         "<dc:format>application/pdf</dc:format>\n"
         "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         html_escape(info.title) + "</rdf:li></rdf:Alt></dc:title>\n" +
         (info.author.empty() ? ""
                              : "<dc:creator><rdf:Seq><rdf:li>" + html_escape(info.author) +
                                    "</rdf:li></rdf:Seq></dc:creator>\n") +
         "<dc:language><rdf:Bag><rdf:li>" + html_escape(lang) + "</rdf:li></rdf:Bag></dc:language>\n" +
         "<pdf:Producer>handout with libharu</pdf:Producer>\n" +
         (info.creator.empty() ? "" : "<xmp:CreatorTool>" + html_escape(info.creator) + "</xmp:CreatorTool>\n") +
         "<pdfuaid:part>1</pdfuaid:part>\n"
         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

// One child of an element, in reading order: a marked-content reference, an annotation
// reference or a child element. A marked-content reference on the element's own page is
// written as a bare MCID (the common case, and the smallest).
struct Kid {
  int order = 0;
  HPDF_Dict object = nullptr;  // a child element or an annotation reference
  int page = -1, mcid = -1;    // marked content
};

class TreeWriter {
 public:
  TreeWriter(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const std::vector<StructElement>& structure,
             const MarkedPages& marked)
      : pdf_(pdf), structure_(structure), marked_(marked), pages_(pages) {}

  bool write(const DocumentInfo& info) {
    HPDF_Dict root = hpdf_bridge::new_dict(pdf_);
    if (!root || HPDF_Dict_AddName(root, "Type", "StructTreeRoot") != HPDF_OK) return false;
    for (std::size_t i = 0; i < structure_.size(); ++i) {
      elements_.push_back(hpdf_bridge::new_dict(pdf_));
      if (!elements_.back()) return false;
    }
    std::vector<std::vector<Kid>> kids(structure_.size());
    HPDF_STATUS st = collect_content(kids);
    for (std::size_t i = 0; i < structure_.size(); ++i) st += write_element(static_cast<int>(i), root, kids[i]);
    st += HPDF_Dict_Add(root, "K", elements_.front());
    st += HPDF_Dict_Add(root, "ParentTree", parent_tree());
    st += HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(pages_.size() + marked_.links.size()));
    HPDF_Dict catalog = pdf_->catalog;
    st += HPDF_Dict_Add(catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = hpdf_bridge::new_direct_dict(pdf_);
    st += HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    st += HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
    HPDF_Dict metadata = hpdf_bridge::new_stream(pdf_, xmp(info));
    st += HPDF_Dict_AddName(metadata, "Type", "Metadata");
    st += HPDF_Dict_AddName(metadata, "Subtype", "XML");
    st += HPDF_Dict_Add(catalog, "Metadata", metadata);
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      st += HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p));
      st += HPDF_Dict_AddName(pages_[p], "Tabs", "S");
    }
    return st == HPDF_OK;
  }

 private:
  // Marked content and link annotations, as kids of their elements.
  HPDF_STATUS collect_content(std::vector<std::vector<Kid>>& kids) {
    first_page_.assign(structure_.size(), -1);
    for (std::size_t p = 0; p < marked_.pages.size() && p < pages_.size(); ++p) {
      for (std::size_t mcid = 0; mcid < marked_.pages[p].size(); ++mcid) {
        const auto& c = marked_.pages[p][mcid];
        if (first_page_[c.element] < 0) first_page_[c.element] = static_cast<int>(p);
        kids[c.element].push_back({c.order, nullptr, static_cast<int>(p), static_cast<int>(mcid)});
      }
    }
    HPDF_STATUS st = HPDF_OK;
    for (std::size_t k = 0; k < marked_.links.size(); ++k) {
      const auto& l = marked_.links[k];
      st += HPDF_Dict_AddNumber(l.annotation, "StructParent", static_cast<HPDF_INT32>(pages_.size() + k));
      st += HPDF_Dict_Add(l.annotation, "Contents", hpdf_bridge::text_string(pdf_, l.description));
      HPDF_Dict ref = hpdf_bridge::new_direct_dict(pdf_);
      st += HPDF_Dict_AddName(ref, "Type", "OBJR");
      st += HPDF_Dict_Add(ref, "Pg", pages_[l.page]);
      st += HPDF_Dict_Add(ref, "Obj", l.annotation);
      kids[l.element].push_back({l.order, ref, -1, -1});
    }
    return st;
  }

  HPDF_STATUS write_element(int i, HPDF_Dict root, std::vector<Kid>& kids) {
    const StructElement& e = structure_[i];
    HPDF_Dict dict = elements_[i];
    HPDF_STATUS st = HPDF_Dict_AddName(dict, "S", e.role.c_str());  // (/Type /StructElem is optional)
    st += HPDF_Dict_Add(dict, "P", e.parent < 0 ? root : elements_[e.parent]);
    if (!e.alt.empty()) st += HPDF_Dict_Add(dict, "Alt", hpdf_bridge::text_string(pdf_, e.alt));
    if (!e.lang.empty()) st += HPDF_Dict_Add(dict, "Lang", hpdf_bridge::text_string(pdf_, e.lang));
    if (!e.scope.empty()) {  // a table header cell: which cells it heads (PDF/UA, ISO 32000 14.8.5.7)
      HPDF_Dict attributes = hpdf_bridge::new_direct_dict(pdf_);
      if (!attributes) return HPDF_FAILD_TO_ALLOC_MEM;
      st += HPDF_Dict_AddName(attributes, "O", "Table");
      st += HPDF_Dict_AddName(attributes, "Scope", e.scope.c_str());
      st += HPDF_Dict_Add(dict, "A", attributes);
    }
    const int page = first_page_[i];
    if (page >= 0) st += HPDF_Dict_Add(dict, "Pg", pages_[page]);
    for (int child : e.kids) kids.push_back({structure_[child].order, elements_[child], -1, -1});
    // Content first, then child elements, each in logical order (a line's runs are visual).
    std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) { return a.order < b.order; });
    HPDF_Array array = hpdf_bridge::new_array(pdf_);
    for (const auto& k : kids) {
      if (k.mcid < 0) {
        st += HPDF_Array_Add(array, k.object);
      } else if (k.page == page) {
        st += HPDF_Array_AddNumber(array, k.mcid);
      } else {
        HPDF_Dict ref = hpdf_bridge::new_direct_dict(pdf_);
        st += HPDF_Dict_AddName(ref, "Type", "MCR");
        st += HPDF_Dict_Add(ref, "Pg", pages_[k.page]);
        st += HPDF_Dict_AddNumber(ref, "MCID", k.mcid);
        st += HPDF_Array_Add(array, ref);
      }
    }
    return st + HPDF_Dict_Add(dict, "K", array);
  }

  // Number tree: each page's MCIDs to their elements, then each link annotation to its Link.
  HPDF_Dict parent_tree() {
    HPDF_Dict tree = hpdf_bridge::new_dict(pdf_);
    HPDF_Array nums = hpdf_bridge::new_array(pdf_);
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      HPDF_Array of_page = hpdf_bridge::new_array(pdf_);
      if (p < marked_.pages.size())
        for (const auto& c : marked_.pages[p]) HPDF_Array_Add(of_page, elements_[c.element]);
      HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
      HPDF_Array_Add(nums, of_page);
    }
    for (std::size_t k = 0; k < marked_.links.size(); ++k) {
      HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(pages_.size() + k));
      HPDF_Array_Add(nums, elements_[marked_.links[k].element]);
    }
    if (tree) HPDF_Dict_Add(tree, "Nums", nums);
    return tree;
  }

  HPDF_Doc pdf_;
  const std::vector<StructElement>& structure_;
  const MarkedPages& marked_;
  const std::vector<HPDF_Page>& pages_;
  std::vector<HPDF_Dict> elements_;
  std::vector<int> first_page_;  // per element: the page of its first content, or -1
};

}  // namespace

bool add_structure(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const std::vector<StructElement>& structure,
                   const MarkedPages& marked, const DocumentInfo& info) {
  return structure.empty() || TreeWriter(pdf, pages, structure, marked).write(info);
}

}  // namespace handout
