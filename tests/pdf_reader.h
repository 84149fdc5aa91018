// Reads a PDF back with qpdf for the unit tests, as plain data. (qpdf 11's headers do not build
// as C++20 with clang 14, so they stay in pdf_reader.cpp, which is compiled as C++17.)
#pragma once
#include <string>
#include <vector>

namespace handout::test {

/// One font of a page's resources, as the checks need it.
struct PdfFontInfo {
  std::string subtype, encoding, base_font, descendant_subtype;
  bool to_unicode = false, widths = false;
  std::size_t font_file_bytes = 0;
};

/// One image XObject of a page's resources, decoded.
struct PdfImageInfo {
  int width = 0, height = 0;
  std::string filter;         ///< e.g. "/FlateDecode"
  std::string pixels, alpha;  ///< the decoded samples of the image and of its /SMask
};

/// What the checks need of a PDF.
struct PdfSummary {
  bool readable = false, warnings = false;
  std::string header;  ///< e.g. "%PDF-1.5"
  std::string lang;
  bool display_doc_title = false, has_creation_date = false, has_id = false;
  std::string info_title;  ///< the Info dictionary's /Title as stored: its bytes, not decoded
  std::vector<PdfFontInfo> fonts;
  std::vector<PdfImageInfo> images;
  std::vector<std::string> page_contents;  ///< each page's decoded content stream
};

PdfSummary read_pdf(const std::string& bytes);

}  // namespace handout::test
