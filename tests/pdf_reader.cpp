#include "pdf_reader.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>

#include <exception>

namespace handout::test {
namespace {

std::string decoded(QPDFObjectHandle stream) {
  if (!stream.isStream()) return "";
  const auto data = stream.getStreamData();
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

PdfImageInfo read_image(QPDFObjectHandle stream) {
  PdfImageInfo i;
  QPDFObjectHandle image = stream.getDict();
  i.width = image.getKey("/Width").getIntValueAsInt();
  i.height = image.getKey("/Height").getIntValueAsInt();
  QPDFObjectHandle filter = image.getKey("/Filter");
  if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
  i.filter = filter.isName() ? filter.getName() : "";
  if (i.filter != "/DCTDecode") i.pixels = decoded(stream);
  i.alpha = decoded(image.getKey("/SMask"));
  return i;
}

}  // namespace

PdfSummary read_pdf(const std::string& bytes) {
  PdfSummary s;
  s.header = bytes.substr(0, 8);
  try {
    QPDF pdf;
    pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
    QPDFObjectHandle root = pdf.getRoot();
    if (root.getKey("/Lang").isString()) s.lang = root.getKey("/Lang").getUTF8Value();
    QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
    s.display_doc_title = prefs.isDictionary() && prefs.getKey("/DisplayDocTitle").isBool() &&
                          prefs.getKey("/DisplayDocTitle").getBoolValue();
    QPDFObjectHandle trailer = pdf.getTrailer();
    s.has_creation_date = !trailer.getKey("/Info").getKey("/CreationDate").isNull();
    if (trailer.getKey("/Info").getKey("/Title").isString())
      s.info_title = trailer.getKey("/Info").getKey("/Title").getStringValue();
    s.has_id = trailer.getKey("/ID").isArray();
    for (QPDFObjectHandle page : pdf.getAllPages()) {
      for (auto item : page.getKey("/Resources").getKey("/Font").ditems()) {
        QPDFObjectHandle font = item.second;
        PdfFontInfo f;
        f.subtype = font.getKey("/Subtype").getName();
        QPDFObjectHandle encoding = font.getKey("/Encoding");  // a predefined CMap's name, or an embedded CMap
        f.encoding = encoding.isName()     ? encoding.getName()
                     : encoding.isStream() ? encoding.getDict().getKey("/CMapName").getName()
                                           : "";
        f.base_font = font.getKey("/BaseFont").getName();
        f.to_unicode = font.getKey("/ToUnicode").isStream();
        QPDFObjectHandle cid = font.getKey("/DescendantFonts").getArrayItem(0);
        f.descendant_subtype = cid.getKey("/Subtype").getName();
        f.widths = cid.getKey("/W").isArray();
        f.font_file_bytes = cid.getKey("/FontDescriptor").getKey("/FontFile2").getStreamData()->getSize();
        s.fonts.push_back(f);
      }
      QPDFObjectHandle xobjects = page.getKey("/Resources").getKey("/XObject");
      if (xobjects.isDictionary())
        for (auto item : xobjects.ditems())
          if (item.second.isStream() && item.second.getDict().getKey("/Subtype").isNameAndEquals("/Image"))
            s.images.push_back(read_image(item.second));
      QPDFObjectHandle contents = page.getKey("/Contents");
      const auto data = contents.getStreamData();
      s.page_contents.emplace_back(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    }
    s.warnings = pdf.anyWarnings();
    s.readable = true;
  } catch (const std::exception&) {
    s.readable = false;
  }
  return s;
}

}  // namespace handout::test
