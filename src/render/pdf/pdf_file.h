// The bytes of a PDF file from its objects: PDF 1.7 with every object that is not a stream
// packed into compressed object streams, and a compressed cross-reference stream (ISO 32000-1,
// 7.5.7 and 7.5.8), about a third smaller than objects one after another with a plain xref
// table. Plain data in, bytes out: the renderer gives it libharu's objects through
// pdf::Document::collect. What the writer does is set by named options (PdfWriteOptions), as
// qpdf's QPDFWriter is.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "deflate/deflate.h"

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

/// How the file is written. The defaults are what every handout gets; a patient's copy with a
/// password adds encryption.
struct PdfWriteOptions {
  /// Objects that are not streams go into compressed object streams of at most 100 (as qpdf's
  /// --object-streams=generate); off: each is an object of its own, uncompressed.
  bool object_streams = true;
  /// The deflate level (libdeflate's 1-12) of the streams deflated while writing: page
  /// contents, ToUnicode maps, unfiltered streams, object streams and the cross-reference
  /// stream. Font subsets and images come deflated already, at their own levels.
  int compression_level = kDeflateFast;
  /// The /ID from a hash of the bytes written, so the same document gives the same file (as
  /// qpdf's setDeterministicID); off: random bytes.
  bool deterministic_id = true;
  /// Not empty: the file is encrypted with AES-256 (pdf_encrypt.h) and opens with this
  /// password; its /ID is then random, as encryption needs.
  std::string user_password;
};

/// The file: a PDF 1.7 header, streams as they are (an unfiltered one not marked plain deflated
/// when that makes it smaller), the other objects as `options` say, and a cross-reference
/// stream with a PNG Up predictor. Never encrypted (see write_pdf).
std::string write_pdf_file(const PdfFile& file, const PdfWriteOptions& options = {});

/// write_pdf_file, then encryption when `options` has a password. `plain_hash`, when given,
/// gets the content hash of the bytes before encryption (which is random). False with `error`
/// when encryption fails: nothing is then written to `out`.
bool write_pdf(const PdfFile& file, const PdfWriteOptions& options, std::string& out, std::string& error,
               std::uint64_t* plain_hash = nullptr);

}  // namespace handout
