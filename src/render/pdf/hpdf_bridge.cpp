#include "render/pdf/hpdf_bridge.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstring>

#include "render/pdf/pdf_compact.h"

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

HPDF_Dict new_stream(HPDF_Doc pdf, const std::string& bytes, bool compress) {
  HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);  // indirect already
  if (!dict) return nullptr;
  if (compress) dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  set_stream_bytes(dict, bytes);
  return dict;
}

void set_stream_bytes(HPDF_Dict stream, const std::string& bytes) {
  HPDF_MemStream_FreeData(stream->stream);
  if (!bytes.empty())
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                      static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Image new_flate_image(HPDF_Doc pdf, const std::string& deflated, int width, int height, bool grey,
                           HPDF_Image mask) {
  HPDF_Dict image = new_stream(pdf, deflated, false);  // compressed already: written as it is
  if (!image) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;  // what HPDF_Page_DrawImage checks for
  HPDF_STATUS st = HPDF_Dict_AddName(image, "Type", "XObject");
  st += HPDF_Dict_AddName(image, "Subtype", "Image");
  st += HPDF_Dict_AddNumber(image, "Width", width);
  st += HPDF_Dict_AddNumber(image, "Height", height);
  st += HPDF_Dict_AddName(image, "ColorSpace", grey ? "DeviceGray" : "DeviceRGB");
  st += HPDF_Dict_AddNumber(image, "BitsPerComponent", 8);
  st += HPDF_Dict_AddBoolean(image, kDeflatedMark, HPDF_TRUE);  // compact_pdf names the filter
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

}  // namespace handout::hpdf_bridge
