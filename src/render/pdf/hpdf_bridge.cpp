#include "render/pdf/hpdf_bridge.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstring>

#include "deflate/deflate.h"

namespace handout::hpdf_bridge {

bool version_supported() {
  const char* v = HPDF_GetVersion();
  return v && (std::strncmp(v, "2.3.", 4) == 0 || std::strncmp(v, "2.4.", 4) == 0);
}

HPDF_Dict new_dict(HPDF_Doc pdf) {
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (dict && HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;  // the xref owns it now
  return dict;
}

HPDF_Dict new_stream(HPDF_Doc pdf, const std::string& bytes) {
  HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);  // indirect already
  if (!dict) return nullptr;
  set_stream_bytes(dict, bytes);
  return dict;
}

namespace {

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

}  // namespace

HPDF_Dict new_deflated_stream(HPDF_Doc pdf, const std::string& deflated) {
  HPDF_Dict dict = new_stream(pdf, deflated);
  return dict && say_deflated(dict) ? dict : nullptr;
}

bool deflate_content(HPDF_Page page) {
  HPDF_Dict contents = static_cast<HPDF_PageAttr>(page->attr)->contents;
  if (!contents || !contents->stream) return false;
  std::string bytes(HPDF_Stream_Size(contents->stream), '\0');
  auto size = static_cast<HPDF_UINT>(bytes.size());
  if (HPDF_Stream_Seek(contents->stream, 0, HPDF_SEEK_SET) != HPDF_OK) return false;
  const HPDF_STATUS read = HPDF_Stream_Read(contents->stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  if ((read != HPDF_OK && read != HPDF_STREAM_EOF) || size != bytes.size()) return false;
  const std::string deflated = deflate_zlib(bytes, kDeflateFast);
  if (deflated.empty()) return false;
  set_stream_bytes(contents, deflated);
  return say_deflated(contents);
}

void set_stream_bytes(HPDF_Dict stream, const std::string& bytes) {
  HPDF_MemStream_FreeData(stream->stream);
  if (!bytes.empty())
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                      static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Image new_flate_image(HPDF_Doc pdf, const std::string& deflated, int width, int height, bool grey,
                           HPDF_Image mask) {
  HPDF_Dict image = new_deflated_stream(pdf, deflated);
  if (!image) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;  // what HPDF_Page_DrawImage checks for
  HPDF_STATUS st = HPDF_Dict_AddName(image, "Type", "XObject");
  st += HPDF_Dict_AddName(image, "Subtype", "Image");
  st += HPDF_Dict_AddNumber(image, "Width", width);
  st += HPDF_Dict_AddNumber(image, "Height", height);
  st += HPDF_Dict_AddName(image, "ColorSpace", grey ? "DeviceGray" : "DeviceRGB");
  st += HPDF_Dict_AddNumber(image, "BitsPerComponent", 8);
  if (mask) st += HPDF_Dict_Add(image, "SMask", mask);
  return st == HPDF_OK ? image : nullptr;
}

HPDF_Array new_array(HPDF_Doc pdf) { return HPDF_Array_New(pdf->mmgr); }

std::string font_resource(HPDF_Page page, HPDF_Dict font) {
  const char* name = HPDF_Page_GetLocalFontName(page, reinterpret_cast<HPDF_Font>(font));
  return name ? name : "";
}

bool append_content(HPDF_Page page, const std::string& operators) {
  // Read the stream each time: libharu replaces it when a page gets a new content stream.
  HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                           static_cast<HPDF_UINT>(operators.size())) == HPDF_OK;
}

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
    default: return "internal error";
  }
}

}  // namespace handout::hpdf_bridge
