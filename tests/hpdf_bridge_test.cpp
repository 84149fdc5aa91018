// The calls into libharu's internals (src/render/pdf/hpdf_bridge.h), one check each, so a
// libharu upgrade that changes them fails here first.
#include <doctest/doctest.h>
#include <hpdf.h>

#include <string>

#include "render/pdf/hpdf_bridge.h"
#include "pdf_reader.h"
#include "render/pdf/pdf_compact.h"

using namespace handout;

namespace {

std::string saved(HPDF_Doc pdf) {
  HPDF_SaveToStream(pdf);
  HPDF_ResetStream(pdf);
  std::string out;
  for (;;) {
    HPDF_BYTE buf[4096];
    HPDF_UINT32 n = sizeof buf;
    const HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf, &n);
    out.append(reinterpret_cast<char*>(buf), n);
    if (st != HPDF_OK || n == 0) break;
  }
  return out;
}

}  // namespace

TEST_CASE("hpdf bridge: the libharu version is one the bridge was checked against") {
  CHECK(hpdf_bridge::version_supported());
}

TEST_CASE("hpdf bridge: our font dictionaries get page resource names, our operators reach the page") {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Dict a = hpdf_bridge::new_dict(pdf), b = hpdf_bridge::new_dict(pdf);
  REQUIRE(a);
  HPDF_Dict_AddName(a, "Type", "Font");
  HPDF_Dict_AddName(b, "Type", "Font");
  const std::string first = hpdf_bridge::font_resource(page, a);
  CHECK_FALSE(first.empty());
  CHECK(hpdf_bridge::font_resource(page, a) == first);  // registered once
  CHECK(hpdf_bridge::font_resource(page, b) != first);
  HPDF_Page_SetRGBFill(page, 1, 0, 0);  // libharu's own operator, then ours after it
  CHECK(hpdf_bridge::append_content(page, "q\nBT\n/" + first + " 12 Tf\n[<0001>] TJ\nET\nQ\n"));
  HPDF_Dict stream = hpdf_bridge::new_stream(pdf, "first");
  hpdf_bridge::set_stream_bytes(stream, "replaced bytes");
  HPDF_Dict_Add(a, "Probe", stream);
  const std::string bytes = saved(pdf);
  CHECK(bytes.find("1 0 0 rg\nq\nBT\n/" + first + " 12 Tf\n[<0001>] TJ") != std::string::npos);
  CHECK(bytes.find("replaced bytes") != std::string::npos);
  CHECK(bytes.find("first") == std::string::npos);
  CHECK(bytes.find("/Font <<\n/" + first) != std::string::npos);  // in the page's resources
  HPDF_Free(pdf);
}

TEST_CASE("hpdf bridge: an image from deflated bytes is one libharu draws, marked for compact_pdf") {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Image mask = hpdf_bridge::new_flate_image(pdf, "mask bytes", 2, 1, true, nullptr);
  HPDF_Image image = hpdf_bridge::new_flate_image(pdf, "image bytes", 2, 1, false, mask);
  REQUIRE(image);
  CHECK(HPDF_Page_DrawImage(page, image, 10, 10, 20, 10) == HPDF_OK);
  const std::string bytes = saved(pdf);
  CHECK(bytes.find("/Subtype /Image") != std::string::npos);
  CHECK(bytes.find("/ColorSpace /DeviceRGB") != std::string::npos);
  CHECK(bytes.find("/SMask ") != std::string::npos);
  CHECK(bytes.find("/Filter /FlateDecode\n>>\nstream\r\nimage bytes") != std::string::npos);  // as given
  CHECK(bytes.find("/XObject <<\n/X1 ") != std::string::npos);  // in the page's resources
  HPDF_Free(pdf);
}

TEST_CASE("hpdf bridge: a page's content stream, libharu's operators and ours, is deflated in place") {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Page_SetRGBFill(page, 1, 0, 0);
  std::string ours;
  for (int i = 0; i < 2000; ++i) ours += "0 0 " + std::to_string(i) + " 1 re f\n";  // past libharu's 4 KB buffers
  CHECK(hpdf_bridge::append_content(page, ours));
  REQUIRE(hpdf_bridge::deflate_content(page));
  const std::string bytes = saved(pdf);
  CHECK(bytes.find("re f") == std::string::npos);  // not in plain text any more
  CHECK(bytes.find("/Filter /FlateDecode\n>>\nstream") != std::string::npos);
  // qpdf, and so every reader, inflates it back to what was drawn.
  std::string out = bytes, error;
  REQUIRE(compact_pdf(out, error));
  const auto read = test::read_pdf(out);
  REQUIRE(read.page_contents.size() == 1);
  CHECK(read.page_contents[0] == "1 0 0 rg\n" + ours);
  HPDF_Free(pdf);
}
