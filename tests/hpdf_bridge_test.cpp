// The calls into libharu's internals (src/render/pdf/hpdf_bridge.h), one check each, so a
// libharu upgrade that changes them fails here first.
#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>

#include <string>

#include "render/pdf/hpdf_bridge.h"
#include "pdf_reader.h"
#include "render/pdf/pdf_file.h"

using namespace handout;

namespace {

// Every object the bridge collects for the file writer: values, filters and stream bytes.
std::string collected(HPDF_Doc pdf) {
  PdfFile file;
  std::string error;
  REQUIRE(hpdf_bridge::collect_objects(pdf, file, error));
  std::string out;
  for (const auto& o : file.objects)
    out += o.value + (o.stream ? " filter=" + o.filter + " stream=" + o.data : "") + "\n";
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
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("1 0 0 rg\nq\nBT\n/" + first + " 12 Tf\n[<0001>] TJ") != std::string::npos);
  CHECK(bytes.find("replaced bytes") != std::string::npos);
  CHECK(bytes.find("first") == std::string::npos);
  CHECK(bytes.find("/Font<</" + first + " ") != std::string::npos);  // in the page's resources
  HPDF_Free(pdf);
}

TEST_CASE("hpdf bridge: an image from deflated bytes is one libharu draws, marked as deflated") {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  HPDF_Page page = HPDF_AddPage(pdf);
  HPDF_Image mask = hpdf_bridge::new_flate_image(pdf, "mask bytes", 2, 1, true, nullptr);
  HPDF_Image image = hpdf_bridge::new_flate_image(pdf, "image bytes", 2, 1, false, mask);
  REQUIRE(image);
  CHECK(HPDF_Page_DrawImage(page, image, 10, 10, 20, 10) == HPDF_OK);
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("/Subtype/Image") != std::string::npos);
  CHECK(bytes.find("/ColorSpace/DeviceRGB") != std::string::npos);
  CHECK(bytes.find("/SMask ") != std::string::npos);
  CHECK(bytes.find(" filter=/FlateDecode stream=image bytes") != std::string::npos);  // as given
  CHECK(bytes.find("/XObject<</X1 ") != std::string::npos);  // in the page's resources
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
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("re f") == std::string::npos);  // not in plain text any more
  CHECK(bytes.find(" filter=/FlateDecode stream=") != std::string::npos);
  // qpdf, and so every reader, inflates it back to what was drawn.
  PdfFile file;
  std::string error;
  REQUIRE(hpdf_bridge::collect_objects(pdf, file, error));
  const auto read = test::read_pdf(write_pdf_file(file));
  REQUIRE(read.page_contents.size() == 1);
  CHECK(read.page_contents[0] == "1 0 0 rg\n" + ours);
  HPDF_Free(pdf);
}

TEST_CASE("hpdf bridge: objects are collected as PDF syntax, renumbered, with lengths in place and hooks run") {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  HPDF_AddPage(pdf);
  HPDF_AddPage(pdf);
  HPDF_Dict probe = hpdf_bridge::new_dict(pdf);
  HPDF_Dict stream = hpdf_bridge::new_stream(pdf, "stream bytes");
  HPDF_Dict metadata = hpdf_bridge::new_stream(pdf, "<x:xmpmeta/>");
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_Add(probe, "Metadata", metadata);
  HPDF_Dict_Add(probe, "Ascii", hpdf_bridge::text_string(pdf, "a(b)\\c"));
  HPDF_Dict_Add(probe, "Accented", hpdf_bridge::text_string(pdf, "\xC3\xA9"));  // é
  HPDF_Dict_AddName(probe, "Name", "A B#");
  HPDF_Dict_AddReal(probe, "Real", 1.5f);
  HPDF_Dict_AddNumber(probe, "Int", -3);
  HPDF_Dict_Add(probe, "Stream", stream);
  HPDF_Array array = hpdf_bridge::new_array(pdf);
  HPDF_Array_AddNumber(array, 1);
  HPDF_Array_AddNumber(array, 2);
  HPDF_Array_AddName(array, "N");
  HPDF_Dict_Add(probe, "Array", array);
  HPDF_Dict_Add(pdf->catalog, "Probe", probe);

  PdfFile file;
  std::string error;
  REQUIRE(hpdf_bridge::collect_objects(pdf, file, error));
  REQUIRE(file.root > 0);
  CHECK(file.objects[file.root - 1].value.find("/Type/Catalog") != std::string::npos);
  std::string probe_value, all;
  std::size_t stream_number = 0;
  for (std::size_t i = 0; i < file.objects.size(); ++i) {
    const auto& o = file.objects[i];
    all += o.value + "\n";
    if (o.value.find("/Ascii") != std::string::npos) probe_value = o.value;
    if (o.stream && o.data == "stream bytes") stream_number = i + 1;
    if (o.stream) CHECK(o.plain == (o.data == "<x:xmpmeta/>"));  // metadata stays plain text
    // Stream lengths are written in place, not as objects of their own.
    if (!o.stream) CHECK(o.value.find_first_not_of("0123456789") != std::string::npos);
    CHECK(o.value.find("/Length") == std::string::npos);
  }
  REQUIRE(stream_number > 0);
  CHECK(probe_value.substr(probe_value.find("/Ascii")) == "/Ascii(a\\(b\\)\\\\c)/Accented<FEFF00E9>/Name/A#20B#23/Real 1.5/Int -3/Stream " +
                           std::to_string(stream_number) + " 0 R/Array[1 2/N]>>");
  CHECK(probe_value.rfind("<</Metadata ", 0) == 0);
  CHECK(file.objects[stream_number - 1].filter.empty());  // unfiltered: the file writer deflates it
  CHECK(all.find("/Count 2") != std::string::npos);       // set by the page tree's write hook
  HPDF_Free(pdf);
}
