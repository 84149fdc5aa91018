#include "render/pdf/pdf_tagging.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>

namespace handout {
namespace {

using Obj = QPDFObjectHandle;

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

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
         xml_escaped(info.title) + "</rdf:li></rdf:Alt></dc:title>\n" +
         (info.author.empty() ? ""
                              : "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(info.author) +
                                    "</rdf:li></rdf:Seq></dc:creator>\n") +
         "<dc:language><rdf:Bag><rdf:li>" + xml_escaped(lang) + "</rdf:li></rdf:Bag></dc:language>\n" +
         "<pdf:Producer>handout with libharu</pdf:Producer>\n" +
         (info.creator.empty() ? "" : "<xmp:CreatorTool>" + xml_escaped(info.creator) + "</xmp:CreatorTool>\n") +
         "<pdfuaid:part>1</pdfuaid:part>\n"
         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

// One child of an element, in reading order: a marked-content reference, an annotation
// reference or a child element. A marked-content reference on the element's own page is
// written as a bare MCID (the common case, and the smallest).
struct Kid {
  int order = 0;
  Obj object;
  int page = -1, mcid = -1;  // marked content
};

class TreeWriter {
 public:
  TreeWriter(QPDF& pdf, const std::vector<StructElement>& structure, const MarkedPages& marked)
      : pdf_(pdf), structure_(structure), marked_(marked), pages_(pdf.getAllPages()) {}

  void write(const DocumentInfo& info) {
    Obj root = pdf_.makeIndirectObject(Obj::parse("<< /Type /StructTreeRoot >>"));
    for (const auto& e : structure_) {
      (void)e;
      elements_.push_back(pdf_.makeIndirectObject(Obj::newDictionary()));
    }
    std::vector<std::vector<Kid>> kids(structure_.size());
    collect_content(kids);
    for (std::size_t i = 0; i < structure_.size(); ++i) write_element(static_cast<int>(i), root, kids[i]);
    root.replaceKey("/K", elements_.front());
    root.replaceKey("/ParentTree", parent_tree());
    root.replaceKey("/ParentTreeNextKey", Obj::newInteger(static_cast<long long>(pages_.size() + marked_.links.size())));
    Obj catalog = pdf_.getRoot();
    catalog.replaceKey("/StructTreeRoot", root);
    catalog.replaceKey("/MarkInfo", Obj::parse("<< /Marked true >>"));
    Obj metadata = pdf_.newStream(xmp(info));
    metadata.getDict().replaceKey("/Type", Obj::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", Obj::newName("/XML"));
    catalog.replaceKey("/Metadata", metadata);
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      pages_[p].replaceKey("/StructParents", Obj::newInteger(static_cast<long long>(p)));
      pages_[p].replaceKey("/Tabs", Obj::newName("/S"));
    }
  }

 private:
  // Marked content and link annotations, as kids of their elements.
  void collect_content(std::vector<std::vector<Kid>>& kids) {
    first_page_.assign(structure_.size(), -1);
    for (std::size_t p = 0; p < marked_.pages.size() && p < pages_.size(); ++p) {
      for (std::size_t mcid = 0; mcid < marked_.pages[p].size(); ++mcid) {
        const auto& c = marked_.pages[p][mcid];
        if (first_page_[c.element] < 0) first_page_[c.element] = static_cast<int>(p);
        kids[c.element].push_back({c.order, Obj::newNull(), static_cast<int>(p), static_cast<int>(mcid)});
      }
    }
    for (std::size_t k = 0; k < marked_.links.size(); ++k) {
      const auto& l = marked_.links[k];
      Obj annots = pages_[l.page].getKey("/Annots");
      if (!annots.isArray() || l.annotation >= annots.getArrayNItems()) continue;
      Obj annot = annots.getArrayItem(l.annotation);
      annot.replaceKey("/StructParent", Obj::newInteger(static_cast<long long>(pages_.size() + k)));
      annot.replaceKey("/Contents", Obj::newUnicodeString(l.description));
      Obj ref = Obj::newDictionary();
      ref.replaceKey("/Type", Obj::newName("/OBJR"));
      ref.replaceKey("/Pg", pages_[l.page]);
      ref.replaceKey("/Obj", annot);
      kids[l.element].push_back({l.order, ref, -1, -1});
    }
  }

  void write_element(int i, Obj root, std::vector<Kid>& kids) {
    const StructElement& e = structure_[i];
    Obj dict = elements_[i];
    dict.replaceKey("/S", Obj::newName("/" + e.role));  // (/Type /StructElem is optional)
    dict.replaceKey("/P", e.parent < 0 ? root : elements_[e.parent]);
    if (!e.alt.empty()) dict.replaceKey("/Alt", Obj::newUnicodeString(e.alt));
    if (!e.lang.empty()) dict.replaceKey("/Lang", Obj::newUnicodeString(e.lang));
    if (first_page_[i] >= 0) dict.replaceKey("/Pg", pages_[first_page_[i]]);
    for (int child : e.kids) kids.push_back({structure_[child].order, elements_[child], -1, -1});
    // Content first, then child elements, each in logical order (a line's runs are visual).
    std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) { return a.order < b.order; });
    Obj array = Obj::newArray();
    for (auto& k : kids) array.appendItem(k.mcid < 0 ? k.object : content_ref(k, first_page_[i]));
    dict.replaceKey("/K", array);
  }

  Obj content_ref(const Kid& k, int element_page) {
    if (k.page == element_page) return Obj::newInteger(k.mcid);
    Obj ref = Obj::newDictionary();
    ref.replaceKey("/Type", Obj::newName("/MCR"));
    ref.replaceKey("/Pg", pages_[k.page]);
    ref.replaceKey("/MCID", Obj::newInteger(k.mcid));
    return ref;
  }

  // Number tree: each page's MCIDs to their elements, then each link annotation to its Link.
  Obj parent_tree() {
    Obj nums = Obj::newArray();
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      Obj of_page = Obj::newArray();
      if (p < marked_.pages.size())
        for (const auto& c : marked_.pages[p]) of_page.appendItem(elements_[c.element]);
      nums.appendItem(Obj::newInteger(static_cast<long long>(p)));
      nums.appendItem(pdf_.makeIndirectObject(of_page));
    }
    for (std::size_t k = 0; k < marked_.links.size(); ++k) {
      nums.appendItem(Obj::newInteger(static_cast<long long>(pages_.size() + k)));
      nums.appendItem(elements_[marked_.links[k].element]);
    }
    Obj tree = Obj::newDictionary();
    tree.replaceKey("/Nums", nums);
    return pdf_.makeIndirectObject(tree);
  }

  QPDF& pdf_;
  const std::vector<StructElement>& structure_;
  const MarkedPages& marked_;
  std::vector<Obj> pages_;
  std::vector<Obj> elements_;
  std::vector<int> first_page_;  // per element: the page of its first content, or -1
};

}  // namespace

void add_structure(QPDF& pdf, const std::vector<StructElement>& structure, const MarkedPages& marked,
                   const DocumentInfo& info) {
  if (structure.empty()) return;
  TreeWriter(pdf, structure, marked).write(info);
}

}  // namespace handout
