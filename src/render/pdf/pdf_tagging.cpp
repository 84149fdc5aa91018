#include "render/pdf/pdf_tagging.h"

#include <algorithm>

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
  pdf::Dict object;          // a child element or an annotation reference
  int page = -1, mcid = -1;  // marked content
};

class TreeWriter {
 public:
  TreeWriter(pdf::Document& pdf, const std::vector<pdf::Page>& pages, const std::vector<StructElement>& structure,
             const MarkedPages& marked)
      : pdf_(pdf), structure_(structure), marked_(marked), pages_(pages) {}

  bool write(const DocumentInfo& info) {
    pdf::Dict root = pdf_.new_dict();
    if (!root.set("Type", pdf::Name{"StructTreeRoot"})) return false;
    for (std::size_t i = 0; i < structure_.size(); ++i) {
      elements_.push_back(pdf_.new_dict());
      if (!elements_.back()) return false;
    }
    std::vector<std::vector<Kid>> kids(structure_.size());
    collect_content(kids);
    for (std::size_t i = 0; i < structure_.size(); ++i) write_element(static_cast<int>(i), root, kids[i]);
    root.set("K", elements_.front());
    root.set("ParentTree", parent_tree());
    root.set("ParentTreeNextKey", static_cast<int>(pages_.size() + marked_.links.size()));
    pdf::Dict catalog = pdf_.catalog();
    catalog.set("StructTreeRoot", root);
    catalog.set("MarkInfo", pdf_.new_direct_dict().set("Marked", true));
    pdf::Dict metadata = pdf_.new_stream(xmp(info));
    metadata.set("Type", pdf::Name{"Metadata"}).set("Subtype", pdf::Name{"XML"});
    catalog.set("Metadata", metadata);
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      pdf::Page page = pages_[p];
      page.set("StructParents", static_cast<int>(p)).set("Tabs", pdf::Name{"S"});
    }
    return pdf_.failure().empty();
  }

 private:
  // Marked content and link annotations, as kids of their elements.
  void collect_content(std::vector<std::vector<Kid>>& kids) {
    first_page_.assign(structure_.size(), -1);
    for (std::size_t p = 0; p < marked_.pages.size() && p < pages_.size(); ++p) {
      for (std::size_t mcid = 0; mcid < marked_.pages[p].size(); ++mcid) {
        const auto& c = marked_.pages[p][mcid];
        if (first_page_[c.element] < 0) first_page_[c.element] = static_cast<int>(p);
        kids[c.element].push_back({c.order, pdf::Dict(), static_cast<int>(p), static_cast<int>(mcid)});
      }
    }
    for (std::size_t k = 0; k < marked_.links.size(); ++k) {
      const auto& l = marked_.links[k];
      pdf::Dict annotation = l.annotation;
      annotation.set("StructParent", static_cast<int>(pages_.size() + k)).set("Contents", pdf::Text{l.description});
      pdf::Dict ref = pdf_.new_direct_dict();
      ref.set("Type", pdf::Name{"OBJR"}).set("Pg", pages_[l.page]).set("Obj", annotation);
      kids[l.element].push_back({l.order, ref, -1, -1});
    }
  }

  void write_element(int i, const pdf::Dict& root, std::vector<Kid>& kids) {
    const StructElement& e = structure_[i];
    pdf::Dict dict = elements_[i];
    dict.set("S", pdf::Name{e.role});  // (/Type /StructElem is optional)
    dict.set("P", e.parent < 0 ? root : elements_[e.parent]);
    if (!e.alt.empty()) dict.set("Alt", pdf::Text{e.alt});
    if (!e.lang.empty()) dict.set("Lang", pdf::Text{e.lang});
    if (!e.scope.empty()) {  // a table header cell: which cells it heads (PDF/UA, ISO 32000 14.8.5.7)
      pdf::Dict attributes = pdf_.new_direct_dict();
      attributes.set("O", pdf::Name{"Table"}).set("Scope", pdf::Name{e.scope});
      dict.set("A", attributes);
    }
    const int page = first_page_[i];
    if (page >= 0) dict.set("Pg", pages_[page]);
    for (int child : e.kids) kids.push_back({structure_[child].order, elements_[child], -1, -1});
    // Content first, then child elements, each in logical order (a line's runs are visual).
    std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) { return a.order < b.order; });
    pdf::Array array = pdf_.new_array();
    for (const auto& k : kids) {
      if (k.mcid < 0) {
        array.add(k.object);
      } else if (k.page == page) {
        array.add(k.mcid);
      } else {
        pdf::Dict ref = pdf_.new_direct_dict();
        ref.set("Type", pdf::Name{"MCR"}).set("Pg", pages_[k.page]).set("MCID", k.mcid);
        array.add(ref);
      }
    }
    dict.set("K", array);
  }

  // Number tree: each page's MCIDs to their elements, then each link annotation to its Link.
  pdf::Dict parent_tree() {
    pdf::Dict tree = pdf_.new_dict();
    pdf::Array nums = pdf_.new_array();
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      pdf::Array of_page = pdf_.new_array();
      if (p < marked_.pages.size())
        for (const auto& c : marked_.pages[p]) of_page.add(elements_[c.element]);
      nums.add(static_cast<int>(p)).add(of_page);
    }
    for (std::size_t k = 0; k < marked_.links.size(); ++k)
      nums.add(static_cast<int>(pages_.size() + k)).add(elements_[marked_.links[k].element]);
    tree.set("Nums", nums);
    return tree;
  }

  pdf::Document& pdf_;
  const std::vector<StructElement>& structure_;
  const MarkedPages& marked_;
  const std::vector<pdf::Page>& pages_;
  std::vector<pdf::Dict> elements_;
  std::vector<int> first_page_;  // per element: the page of its first content, or -1
};

}  // namespace

bool add_structure(pdf::Document& pdf, const std::vector<pdf::Page>& pages, const std::vector<StructElement>& structure,
                   const MarkedPages& marked, const DocumentInfo& info) {
  return structure.empty() || TreeWriter(pdf, pages, structure, marked).write(info);
}

}  // namespace handout
