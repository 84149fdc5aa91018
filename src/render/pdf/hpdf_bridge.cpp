// The one file that touches libharu's internals: the document's catalog, info, mmgr and xref,
// a page's attr, and libharu's object, stream and cross-reference calls. It implements the
// typed objects of pdf_objects.h over them, and reads the cross-reference table back as plain
// data for pdf_file's writer. Checked against libharu 2.3 and 2.4 (version_supported);
// tests/hpdf_bridge_test.cpp has a test per internal used here.
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "deflate/deflate.h"
#include "render/pdf/pdf_file.h"
#include "render/pdf/pdf_objects.h"
#include "render/pdf/pdf_text_encoding.h"
#include "util/utf8.h"

namespace handout::pdf {

bool version_supported() {
  const char* v = HPDF_GetVersion();
  return v && (std::strncmp(v, "2.3.", 4) == 0 || std::strncmp(v, "2.4.", 4) == 0);
}

namespace {

// "out of memory (libharu error 0x1015)"
std::string in_words(HPDF_STATUS code) {
  char hex[40];
  std::snprintf(hex, sizeof hex, " (libharu error 0x%04X)", static_cast<unsigned>(code));
  return error_text(code) + hex;
}

// Records a failed call on `doc`: what was being done and libharu's reason.
bool check(Document* doc, HPDF_STATUS st, const char* doing, const char* key) {
  if (st == HPDF_OK) return true;
  if (doc) doc->fail(std::string("cannot ") + doing + " /" + key + ": " + in_words(st));
  return false;
}

// A text string object (see Text).
void* text_object(HPDF_MMgr mmgr, std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c <= 0x7E; }))
    return HPDF_String_New(mmgr, std::string(utf8).c_str(), nullptr);
  std::string bytes = "\xFE\xFF";
  for (char32_t cp : utf8_decode(utf8)) {
    auto unit = [&](unsigned u) { bytes += static_cast<char>(u >> 8), bytes += static_cast<char>(u & 0xFF); };
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

// libharu writes a /Filter only for a filter it applies itself, and drops any other. A stream
// holding deflated bytes gets its /Filter from the dictionary's write hook, which
// HPDF_Dict_Write calls after the entries (the hook is free on the streams we make and on page
// contents).
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

bool say_deflated(HPDF_Dict stream) {
  if (stream->write_fn && stream->write_fn != write_flate_filter) return false;
  stream->write_fn = write_flate_filter;
  return true;
}

// The bytes a libharu memory stream holds.
bool read_stream(HPDF_Stream stream, std::string& bytes) {
  bytes.assign(HPDF_Stream_Size(stream), '\0');
  if (bytes.empty()) return true;
  auto size = static_cast<HPDF_UINT>(bytes.size());
  if (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK) return false;
  const HPDF_STATUS read = HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  return (read == HPDF_OK || read == HPDF_STREAM_EOF) && size == bytes.size();
}

void replace_bytes(HPDF_Dict stream, const std::string& bytes) {
  HPDF_MemStream_FreeData(stream->stream);
  if (!bytes.empty())
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                      static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

// --- Dict ---------------------------------------------------------------------------------

Dict& Dict::set(const char* key, int value) {
  if (obj_) check(doc_, HPDF_Dict_AddNumber(obj_, key, value), "set", key);
  return *this;
}

Dict& Dict::set(const char* key, bool value) {
  if (obj_) check(doc_, HPDF_Dict_AddBoolean(obj_, key, value ? HPDF_TRUE : HPDF_FALSE), "set", key);
  return *this;
}

Dict& Dict::set(const char* key, Real value) {
  if (obj_) check(doc_, HPDF_Dict_AddReal(obj_, key, static_cast<HPDF_REAL>(value.value)), "set", key);
  return *this;
}

Dict& Dict::set(const char* key, Name value) {
  if (obj_) check(doc_, HPDF_Dict_AddName(obj_, key, std::string(value.value).c_str()), "set", key);
  return *this;
}

Dict& Dict::set(const char* key, Text value) {
  if (obj_) check(doc_, HPDF_Dict_Add(obj_, key, text_object(obj_->mmgr, value.utf8)), "set", key);
  return *this;
}

Dict& Dict::set(const char* key, const Dict& value) {
  if (obj_) check(doc_, HPDF_Dict_Add(obj_, key, value.obj_), "set", key);
  return *this;
}

Dict& Dict::set(const char* key, const Array& value) {
  if (obj_) check(doc_, HPDF_Dict_Add(obj_, key, value.obj_), "set", key);
  return *this;
}

bool Dict::set_bytes(const std::string& bytes) {
  if (!obj_ || !obj_->stream) {
    if (doc_) doc_->fail("cannot write the bytes of an object that is not a stream");
    return false;
  }
  replace_bytes(obj_, bytes);
  return true;
}

// --- Array --------------------------------------------------------------------------------

Array& Array::add(int value) {
  if (obj_) check(doc_, HPDF_Array_AddNumber(obj_, value), "add to an array", "Number");
  return *this;
}

Array& Array::add(Real value) {
  if (obj_) check(doc_, HPDF_Array_AddReal(obj_, static_cast<HPDF_REAL>(value.value)), "add to an array", "Real");
  return *this;
}

Array& Array::add(Name value) {
  if (obj_) check(doc_, HPDF_Array_AddName(obj_, std::string(value.value).c_str()), "add to an array", "Name");
  return *this;
}

Array& Array::add(const Dict& value) {
  if (obj_) check(doc_, HPDF_Array_Add(obj_, value.obj_), "add to an array", "Dict");
  return *this;
}

Array& Array::add(const Array& value) {
  if (obj_) check(doc_, HPDF_Array_Add(obj_, value.obj_), "add to an array", "Array");
  return *this;
}

// --- Page ---------------------------------------------------------------------------------

bool Page::append(const std::string& operators) {
  // Read the stream each time: libharu replaces it when a page gets a new content stream.
  HPDF_Stream stream = static_cast<HPDF_PageAttr>(obj_->attr)->stream;
  return check(doc_,
               HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                                 static_cast<HPDF_UINT>(operators.size())),
               "write a page's", "Contents");
}

bool Page::deflate_content(int level) {
  HPDF_Dict contents = static_cast<HPDF_PageAttr>(obj_->attr)->contents;
  std::string bytes;
  if (!contents || !contents->stream || !read_stream(contents->stream, bytes)) return false;
  const std::string deflated = deflate_zlib(bytes, level);
  if (deflated.empty()) return false;
  replace_bytes(contents, deflated);
  return say_deflated(contents);
}

std::string Page::font_resource(const Dict& font) {
  const char* name = HPDF_Page_GetLocalFontName(obj_, reinterpret_cast<HPDF_Font>(font.obj_));
  if (!name && doc_) doc_->fail("cannot add a font to a page's resources");
  return name ? name : "";
}

// --- Document -----------------------------------------------------------------------------

Dict Document::catalog() { return Dict(pdf_->catalog, this); }

Dict Document::info() {
  if (!pdf_->info) {  // as libharu makes it for HPDF_SetInfoAttr
    HPDF_Dict info = new_dict().obj_;
    if (info) pdf_->info = info;
  }
  return Dict(pdf_->info, this);
}

Dict Document::new_dict() {
  HPDF_Dict dict = HPDF_Dict_New(pdf_->mmgr);
  if (!dict) return fail("cannot make a dictionary: out of memory"), Dict();
  // The xref owns it now, even when adding fails.
  if (!check(this, HPDF_Xref_Add(pdf_->xref, dict), "make an indirect", "Dict")) return Dict();
  return Dict(dict, this);
}

Dict Document::new_direct_dict() {
  HPDF_Dict dict = HPDF_Dict_New(pdf_->mmgr);
  if (!dict) fail("cannot make a dictionary: out of memory");
  return Dict(dict, this);
}

Array Document::new_array() {
  HPDF_Array array = HPDF_Array_New(pdf_->mmgr);
  if (!array) fail("cannot make an array: out of memory");
  return Array(array, this);
}

Dict Document::new_stream(const std::string& bytes) {
  HPDF_Dict dict = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);  // indirect already
  if (!dict) return fail("cannot make a stream: out of memory"), Dict();
  replace_bytes(dict, bytes);
  return Dict(dict, this);
}

Dict Document::new_deflated_stream(const std::string& deflated) {
  Dict stream = new_stream(deflated);
  if (stream && !say_deflated(stream.obj_)) return fail("cannot mark a stream as deflated"), Dict();
  return stream;
}

HPDF_Image Document::new_flate_image(const std::string& deflated, int width, int height, bool grey, HPDF_Image mask,
                                     const std::string& palette) {
  Dict image = new_deflated_stream(deflated);
  if (!image) return nullptr;
  image.obj_->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;  // what HPDF_Page_DrawImage checks for
  const int failures_before = failures_;
  image.set("Type", Name{"XObject"}).set("Subtype", Name{"Image"}).set("Width", width).set("Height", height);
  if (palette.empty()) {
    image.set("ColorSpace", Name{grey ? "DeviceGray" : "DeviceRGB"});
  } else {  // [/Indexed /DeviceRGB hival <RGB triples>]
    Array space = new_array();
    space.add(Name{"Indexed"}).add(Name{"DeviceRGB"}).add(static_cast<int>(palette.size() / 3 - 1));
    if (space)
      check(this, HPDF_Array_Add(space.obj_, HPDF_Binary_New(pdf_->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(palette.data())),
                                                             static_cast<HPDF_UINT>(palette.size()))),
            "add to an array", "Binary");
    image.set("ColorSpace", space);
  }
  image.set("BitsPerComponent", 8);
  if (mask) image.set("SMask", Dict(mask, this));
  return failures_ == failures_before ? image.obj_ : nullptr;
}

namespace {

bool is_delimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr; }
bool is_regular(char c) { return c > ' ' && c < 0x7F && !is_delimiter(c); }

// Each object of libharu's cross-reference table as PDF syntax, in the numbering of PdfFile:
// what HPDF_Xref_WriteToStream writes, without the whitespace it puts between entries, with
// stream lengths written in place and strings as literals.
class ObjectSerializer {
 public:
  explicit ObjectSerializer(HPDF_Doc pdf) : pdf_(pdf) {}

  bool run(PdfFile& file, std::string& error) {
    HPDF_List entries = pdf_->xref->entries;
    number_.assign(entries->count, 0);
    for (HPDF_UINT i = 1, next = 1; i < entries->count; ++i) {
      const auto* header = static_cast<const HPDF_Obj_Header*>(object_at(i));
      // Numbers are stream lengths: written where they are used.
      if (header && (header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_NUMBER) number_[i] = next++;
    }
    // The hooks HPDF_Dict_Write runs first (a page tree's /Count, a page's open text object).
    for (HPDF_UINT i = 1; i < entries->count; ++i) {
      auto* d = static_cast<HPDF_Dict>(object_at(i));
      if (number_[i] && (d->header.obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && d->before_write_fn &&
          d->before_write_fn(d) != HPDF_OK)
        return fail(error, "a libharu write hook failed");
    }
    for (HPDF_UINT i = 1; i < entries->count; ++i) {
      if (!number_[i]) continue;
      PdfObject o;
      if (!indirect(object_at(i), o)) return fail(error, error_);
      file.objects.push_back(std::move(o));
    }
    file.root = static_cast<int>(number_of(pdf_->catalog));
    file.info = pdf_->info ? static_cast<int>(number_of(pdf_->info)) : 0;
    return file.root > 0 || fail(error, "the document has no catalog");
  }

 private:
  void* object_at(HPDF_UINT i) const {
    return static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(pdf_->xref->entries, i))->obj;
  }
  std::size_t number_of(const void* obj) const {
    const HPDF_UINT32 id = static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF;
    return id < number_.size() ? number_[id] : 0;
  }
  static bool fail(std::string& error, const std::string& what) {
    error = what;
    return false;
  }
  // Appends a token, with a space only where two would run together ("/Count 3", "0 0 612").
  static void token(std::string& out, std::string_view t) {
    if (!out.empty() && !t.empty() && is_regular(out.back()) && is_regular(t.front())) out += ' ';
    out += t;
  }

  bool indirect(void* obj, PdfObject& o) {
    auto* d = static_cast<HPDF_Dict>(obj);
    if ((d->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || !d->stream) return value(obj, o.value);
    o.stream = true;
    if (!entries(d, o.value) || !read_stream(d->stream, o.data)) return false;
    if (d->write_fn == write_flate_filter) o.filter = "/FlateDecode";  // deflated by us already
    else if (d->filter & HPDF_STREAM_FILTER_DCT_DECODE) o.filter = "/DCTDecode";  // a JPEG as it came
    else if (d->filter & ~HPDF_STREAM_FILTER_FLATE_DECODE) return (error_ = "a stream filter handout does not write"), false;
    // XMP stays plain text, as qpdf and PDF/A keep it: tools find the packet by scanning the file.
    const auto* type = static_cast<HPDF_Name>(HPDF_Dict_GetItem(d, "Type", HPDF_OCLASS_NAME));
    o.plain = o.filter.empty() && type && !std::strcmp(type->value, "Metadata");
    return true;  // unfiltered, or to be deflated: write_pdf_file deflates it
  }

  bool entries(HPDF_Dict d, std::string& out) {
    if (d->write_fn && d->write_fn != write_flate_filter)
      return (error_ = "a libharu object with a write hook handout does not know"), false;
    for (HPDF_UINT i = 0; i < d->list->count; ++i) {
      auto* e = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(d->list, i));
      if (static_cast<HPDF_Obj_Header*>(e->value)->obj_id & HPDF_OTYPE_HIDDEN) continue;
      if (d->stream && (!std::strcmp(e->key, "Length") || !std::strcmp(e->key, "Filter"))) continue;
      name(out, e->key);
      if (!value(e->value, out)) return false;
    }
    if (d->stream && d->filterParams) return (error_ = "stream decode parameters handout does not write"), false;
    return true;
  }

  static void name(std::string& out, const char* n) {
    static const char* kHex = "0123456789ABCDEF";
    out += '/';
    for (const char* p = n; *p; ++p) {
      const auto c = static_cast<unsigned char>(*p);
      if (c <= ' ' || c >= 0x7F || c == '#' || is_delimiter(static_cast<char>(c)))
        out += '#', out += kHex[c >> 4], out += kHex[c & 15];
      else
        out += static_cast<char>(c);
    }
  }

  static void literal(std::string& out, const HPDF_BYTE* bytes, HPDF_UINT len) {
    out += '(';
    for (HPDF_UINT i = 0; i < len; ++i) {
      const unsigned char c = bytes[i];
      if (c == '(' || c == ')' || c == '\\') {
        out += '\\', out += static_cast<char>(c);
      } else if (c < ' ' || c >= 0x7F) {
        const char octal[] = {'\\', static_cast<char>('0' + (c >> 6)), static_cast<char>('0' + ((c >> 3) & 7)),
                              static_cast<char>('0' + (c & 7))};
        out.append(octal, 4);
      } else {
        out += static_cast<char>(c);
      }
    }
    out += ')';
  }

  static void hex_string(std::string& out, const HPDF_BYTE* bytes, HPDF_UINT len) {
    static const char* kHex = "0123456789ABCDEF";
    out += '<';
    for (HPDF_UINT i = 0; i < len; ++i) out += kHex[bytes[i] >> 4], out += kHex[bytes[i] & 15];
    out += '>';
  }

  bool value(void* obj, std::string& out) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(obj);
    switch (header->obj_class & HPDF_OCLASS_ANY) {
      case HPDF_OCLASS_NULL: token(out, "null"); return true;
      case HPDF_OCLASS_BOOLEAN: token(out, static_cast<HPDF_Boolean>(obj)->value ? "true" : "false"); return true;
      case HPDF_OCLASS_NUMBER: token(out, std::to_string(static_cast<HPDF_Number>(obj)->value)); return true;
      case HPDF_OCLASS_REAL: token(out, pdf_number(static_cast<HPDF_Real>(obj)->value)); return true;
      case HPDF_OCLASS_NAME: name(out, static_cast<HPDF_Name>(obj)->value); return true;
      case HPDF_OCLASS_STRING: {
        auto* s = static_cast<HPDF_String>(obj);
        if (s->encoder) return (error_ = "a string with a libharu encoder"), false;
        literal(out, s->value, s->len);
        return true;
      }
      case HPDF_OCLASS_BINARY: hex_string(out, static_cast<HPDF_Binary>(obj)->value, static_cast<HPDF_Binary>(obj)->len); return true;
      case HPDF_OCLASS_ARRAY: {
        HPDF_List items = static_cast<HPDF_Array>(obj)->list;
        out += '[';
        for (HPDF_UINT i = 0; i < items->count; ++i) {
          void* item = HPDF_List_ItemAt(items, i);
          if (!(static_cast<HPDF_Obj_Header*>(item)->obj_id & HPDF_OTYPE_HIDDEN) && !value(item, out)) return false;
        }
        out += ']';
        return true;
      }
      case HPDF_OCLASS_DICT:
        if (static_cast<HPDF_Dict>(obj)->stream) return (error_ = "a stream that is not an indirect object"), false;
        out += "<<";
        if (!entries(static_cast<HPDF_Dict>(obj), out)) return false;
        out += ">>";
        return true;
      case HPDF_OCLASS_PROXY: {
        void* target = static_cast<HPDF_Proxy>(obj)->obj;
        const std::size_t n = number_of(target);
        if (!n) return value(target, out);  // a stream length: its value in place
        token(out, std::to_string(n) + " 0 R");
        return true;
      }
      default: error_ = "a libharu object of an unknown kind"; return false;
    }
  }

  HPDF_Doc pdf_;
  std::vector<std::size_t> number_;  // by libharu's object id: the number in the file, or 0
  std::string error_;
};

}  // namespace

bool Document::collect(PdfFile& file, std::string& error) { return ObjectSerializer(pdf_).run(file, error); }

std::string error_text(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR:
    case HPDF_FILE_OPEN_ERROR: return "cannot read the file";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence does not allow embedding";
    case HPDF_TTF_INVALID_CMAP: return "the font has no usable Unicode character map";
    case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "the font lacks a required table";
    case HPDF_NAME_INVALID_VALUE:
    case HPDF_INVALID_FONTDEF_DATA: return "the font's data is damaged";
    case HPDF_INVALID_IMAGE:
    case HPDF_INVALID_PNG_IMAGE:
    case HPDF_LIBPNG_ERROR: return "the image is damaged";
    case HPDF_INVALID_JPEG_DATA:
    case HPDF_UNSUPPORTED_JPEG_FORMAT: return "unsupported JPEG data";
    case HPDF_ZLIB_ERROR: return "compression failed";
    case HPDF_INVALID_OBJECT: return "a value that was never made, or is already inside another object";
    case HPDF_DICT_COUNT_ERR:
    case HPDF_ARRAY_COUNT_ERR: return "too many entries";
    default: return "internal error";
  }
}

}  // namespace handout::pdf
