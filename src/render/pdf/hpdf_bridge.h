// Every use of libharu's internals, in one place. libharu owns the document (pages, graphics,
// images, links, outline, compression, saving); handout writes its own fonts and text
// operators into it through these calls, which rely on libharu 2.3's object layer
// (hpdf_objects.h, hpdf_pages.h, hpdf_streams.h). Re-check them on a libharu upgrade:
// tests/pdf_test.cpp has a test per call.
#pragma once
#include <hpdf.h>

#include <string>

namespace handout {
struct PdfFile;
}

namespace handout::hpdf_bridge {

/// True for the libharu versions these calls were checked against (2.3.x, 2.4.x).
bool version_supported();
/// libharu's error codes that input can cause, in words ("the image is damaged").
std::string error_text(HPDF_STATUS code);
/// A new indirect dictionary, owned by the document.
HPDF_Dict new_dict(HPDF_Doc pdf);
/// A new indirect stream holding `bytes` (write_pdf_file deflates it).
HPDF_Dict new_stream(HPDF_Doc pdf, const std::string& bytes);
/// A new indirect stream holding `deflated`, bytes in the zlib format already: written as they
/// are, with /Filter /FlateDecode.
HPDF_Dict new_deflated_stream(HPDF_Doc pdf, const std::string& deflated);
/// Replaces the bytes of a stream made by new_stream.
void set_stream_bytes(HPDF_Dict stream, const std::string& bytes);
/// Deflates the page's content stream (libharu's operators and ours) in place, with /Filter
/// /FlateDecode. Call once, when the page is drawn.
bool deflate_content(HPDF_Page page);
/// A new image XObject from pixels already Flate-compressed (8 bits per component, grey or
/// RGB, or indexes into `palette`'s RGB triples when it is not empty), usable with
/// HPDF_Page_DrawImage; `mask`, when given, becomes its /SMask.
HPDF_Image new_flate_image(HPDF_Doc pdf, const std::string& deflated, int width, int height, bool grey,
                           HPDF_Image mask, const std::string& palette = "");
/// A new direct dictionary (inside another object).
HPDF_Dict new_direct_dict(HPDF_Doc pdf);
/// A new direct array.
HPDF_Array new_array(HPDF_Doc pdf);
/// Registers a font dictionary in a page's resources; returns its resource name ("F1").
std::string font_resource(HPDF_Page page, HPDF_Dict font);
/// A text string for a dictionary (/Title, /Alt): a literal when ASCII (PDFDocEncoding),
/// else UTF-16BE with a byte order mark, as PDF text strings outside ASCII must be.
void* text_string(HPDF_Doc pdf, const std::string& utf8);
/// The document's objects as plain data for write_pdf_file, in place of HPDF_SaveToStream:
/// every object in libharu's cross-reference table, numbered anew from 1 in its order (a
/// stream's /Length is written in its dictionary, not as an object of its own), after the
/// dictionaries' write hooks have run as HPDF_SaveToStream runs them (page counts, text
/// objects left open). False with `error` on anything it does not know how to write.
bool collect_objects(HPDF_Doc pdf, PdfFile& file, std::string& error);
/// Appends raw content-stream operators to a page (written as given: callers keep their
/// operators inside q ... Q and BT ... ET so libharu's graphics-state bookkeeping holds).
bool append_content(HPDF_Page page, const std::string& operators);

}  // namespace handout::hpdf_bridge
