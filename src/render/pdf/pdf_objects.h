// The PDF objects handout writes into a libharu document, as small typed handles: dictionaries,
// arrays, streams and pages, holding names, text strings, numbers and references. libharu
// owns the document (pages, graphics, links, outline, saving) and every object made here, which
// lives until the document is freed; a handle is a pointer into it. Fonts, the structure tree,
// images, link and outline entries and the metadata are written through these calls only.
//
// Everything declared here is implemented in hpdf_bridge.cpp, the one file that touches
// libharu's internals (its object layer: hpdf_objects.h, hpdf_pages.h, hpdf_streams.h, checked
// against 2.3 and 2.4); tests/hpdf_bridge_test.cpp has a test per internal it relies on, and
// tests/pdf_internals_test.cpp fails if any other file reaches into them.
#pragma once
#include <hpdf.h>

#include <string>
#include <string_view>

namespace handout {
struct PdfFile;
}

namespace handout::pdf {

/// A name object (/Type), its bytes as given (the writer escapes what needs it).
struct Name {
  std::string_view value;
};
/// A text string (/Title, /Alt, /Lang): a literal when printable ASCII (the same in
/// PDFDocEncoding), else UTF-16BE with a byte order mark, as PDF text outside ASCII must be.
struct Text {
  std::string_view utf8;
};
/// A real number, written as libharu writes its single-precision reals.
struct Real {
  double value;
};

class Document;
class Array;

/// A dictionary: direct (written inside the object holding it) or indirect (an object of its
/// own, written as a reference wherever it is set). A stream is an indirect dictionary with bytes.
class Dict {
 public:
  Dict() = default;
  explicit operator bool() const { return obj_ != nullptr; }
  Dict& set(const char* key, int value);
  Dict& set(const char* key, bool value);
  Dict& set(const char* key, Real value);
  Dict& set(const char* key, Name value);
  Dict& set(const char* key, Text value);
  Dict& set(const char* key, const Dict& value);  ///< a reference when `value` is indirect
  Dict& set(const char* key, const Array& value);
  Dict& set(const char* key, const char*) = delete;  // say Name or Text
  Dict& set(const char* key, const std::string&) = delete;
  /// Replaces a stream's bytes (as given; a deflated stream's stay deflated).
  bool set_bytes(const std::string& bytes);

 protected:
  friend class Document;
  friend class Array;
  friend class Page;
  Dict(HPDF_Dict obj, Document* doc) : obj_(obj), doc_(doc) {}
  HPDF_Dict obj_ = nullptr;
  Document* doc_ = nullptr;
};

/// An array, always direct.
class Array {
 public:
  Array() = default;
  explicit operator bool() const { return obj_ != nullptr; }
  Array& add(int value);
  Array& add(Real value);
  Array& add(Name value);
  Array& add(const Dict& value);  ///< a reference when `value` is indirect
  Array& add(const Array& value);

 private:
  friend class Document;
  friend class Dict;
  Array(HPDF_Array obj, Document* doc) : obj_(obj), doc_(doc) {}
  HPDF_Array obj_ = nullptr;
  Document* doc_ = nullptr;
};

/// A page: its dictionary, its content stream and its resources.
class Page : public Dict {
 public:
  Page() = default;
  /// libharu's page, for its drawing calls (HPDF_Page_LineTo, ...).
  HPDF_Page handle() const { return obj_; }
  /// Appends raw content-stream operators (written as given: callers keep their operators
  /// inside q ... Q and BT ... ET so libharu's graphics-state bookkeeping holds).
  bool append(const std::string& operators);
  /// Deflates the content stream (libharu's operators and ours) in place, with /Filter
  /// /FlateDecode, at `level` (deflate.h). Call once, when the page is drawn.
  bool deflate_content(int level);
  /// Registers `font` (a font dictionary) in the page's resources; its resource name ("F1").
  std::string font_resource(const Dict& font);

 private:
  friend class Document;
  Page(HPDF_Page obj, Document* doc) : Dict(obj, doc) {}
};

/// A libharu document seen as objects. Not copyable: the handles point at it. The first failure
/// of any call on it, or on a handle made from it, is kept in words for the diagnostic.
class Document {
 public:
  /// `pdf` stays libharu's (its owner frees it after this is gone).
  explicit Document(HPDF_Doc pdf) : pdf_(pdf) {}
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// The catalog (/Root).
  Dict catalog();
  /// The Info dictionary, made if the document has none yet.
  Dict info();
  /// A new indirect dictionary.
  Dict new_dict();
  /// A new direct dictionary.
  Dict new_direct_dict();
  /// A new direct array.
  Array new_array();
  /// A new stream holding `bytes`, unfiltered (the file writer deflates it when that helps).
  Dict new_stream(const std::string& bytes);
  /// A new stream holding `deflated`, bytes in the zlib format already, written as they are
  /// with /Filter /FlateDecode.
  Dict new_deflated_stream(const std::string& deflated);
  /// A new image XObject from pixels already Flate-compressed (8 bits per component, grey or
  /// RGB, or indexes into `palette`'s RGB triples when it is not empty), usable with
  /// HPDF_Page_DrawImage; `mask`, when given, becomes its /SMask.
  HPDF_Image new_flate_image(const std::string& deflated, int width, int height, bool grey, HPDF_Image mask,
                             const std::string& palette = "");
  /// A page libharu made (HPDF_AddPage).
  Page page(HPDF_Page page) { return Page(page, this); }
  /// A dictionary libharu made: a link annotation, an outline entry, an image.
  Dict object(HPDF_Dict made_by_libharu) { return Dict(made_by_libharu, this); }
  /// The document's objects as plain data for the file writer, in place of HPDF_SaveToStream:
  /// every object in libharu's cross-reference table, numbered anew from 1 in its order (a
  /// stream's /Length is written in its dictionary, not as an object of its own), after the
  /// dictionaries' write hooks have run as HPDF_SaveToStream runs them (page counts, text
  /// objects left open). False with `error` on anything it does not know how to write.
  bool collect(PdfFile& file, std::string& error);

  /// The first thing that failed ("cannot set /K: out of memory"), or empty.
  const std::string& failure() const { return failure_; }
  /// Records a failure (the first one is kept).
  void fail(const std::string& what) {
    if (failures_++ == 0) failure_ = what;
  }
  HPDF_Doc handle() const { return pdf_; }

 private:
  HPDF_Doc pdf_;
  std::string failure_;
  int failures_ = 0;
};

/// True for the libharu versions these calls were checked against (2.3.x, 2.4.x).
bool version_supported();
/// libharu's error codes that input can cause, in words ("the image is damaged").
std::string error_text(HPDF_STATUS code);

}  // namespace handout::pdf
