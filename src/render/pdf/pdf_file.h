// The bytes of a PDF file from its objects: PDF 1.7 with every object that is not a stream
// packed into compressed object streams, and a compressed cross-reference stream (ISO 32000-1,
// 7.5.7 and 7.5.8), about a third smaller than objects one after another with a plain xref
// table. Plain data in, bytes out: the renderer gives it libharu's objects through the bridge.
#pragma once
#include <string>
#include <vector>

namespace handout {

/// One indirect object. References in it are written with the numbers of PdfFile.
struct PdfObject {
  /// The object as PDF syntax; for a stream, its dictionary's entries without the << >>,
  /// /Length and /Filter, which the writer adds.
  std::string value;
  bool stream = false;
  std::string data;    ///< a stream's bytes, as stored
  std::string filter;  ///< a stream's /Filter as written ("/FlateDecode"); empty: deflated here
  bool plain = false;  ///< an unfiltered stream kept as it is (XMP metadata, which tools find by scanning)
};

/// A document: object n is objects[n - 1].
struct PdfFile {
  std::vector<PdfObject> objects;
  int root = 0;  ///< the catalog's number
  int info = 0;  ///< the Info dictionary's number, or 0
};

/// The file: a PDF 1.7 header, streams as they are (an unfiltered one not marked plain deflated
/// when that makes it smaller), the other objects in object streams of at most 100, a cross-reference stream
/// with a PNG Up predictor, and an /ID made from the bytes written (the same document gives the
/// same file).
std::string write_pdf_file(const PdfFile& file);

}  // namespace handout
