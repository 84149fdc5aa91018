// The internals of libharu that src/render/pdf/hpdf_bridge.cpp relies on, one test each,
// through the typed objects of pdf_objects.h, so a libharu upgrade that changes them fails here
// first: the document's mmgr and xref (new objects), catalog and info, a page's attr (its
// content stream and resources), a stream's memory buffer, a dictionary's write hooks and
// object class, and the cross-reference table read back by Document::collect.
#include <doctest/doctest.h>
#include <hpdf.h>

#include <string>

#include "pdf_reader.h"
#include "render/pdf/pdf_file.h"
#include "render/pdf/pdf_objects.h"
#include "render/pdf/pdf_tagging.h"

using namespace handout;

namespace {

// A libharu document for one test, freed when the test ends, also when a REQUIRE stops it.
struct NewDoc {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  NewDoc() { REQUIRE(doc); }
  ~NewDoc() { HPDF_Free(doc); }
  NewDoc(const NewDoc&) = delete;
  NewDoc& operator=(const NewDoc&) = delete;
};

// A document written uncompressed, so its objects' bytes can be searched, with the typed layer
// over it: what most tests here start from.
HPDF_Doc uncompressed(HPDF_Doc doc) {
  HPDF_SetCompressionMode(doc, HPDF_COMP_NONE);
  return doc;
}

struct PlainDoc {
  NewDoc owned;
  HPDF_Doc doc = uncompressed(owned.doc);
  pdf::Document pdf{doc};
};

// Every object the bridge collects for the file writer: values, filters and stream bytes.
std::string collected(pdf::Document& pdf) {
  PdfFile file;
  std::string error;
  REQUIRE(pdf.collect(file, error));
  std::string out;
  for (const auto& o : file.objects)
    out += o.value + (o.stream ? " filter=" + o.filter + " stream=" + o.data : "") + "\n";
  return out;
}

}  // namespace

TEST_CASE("hpdf bridge: the libharu version is one the bridge was checked against") {
  CHECK(pdf::version_supported());
}

TEST_CASE_FIXTURE(PlainDoc, "hpdf bridge: page attr: our font dictionaries get resource names, our operators reach the page") {
  pdf::Page page = pdf.page(HPDF_AddPage(doc));
  pdf::Dict a = pdf.new_dict(), b = pdf.new_dict();
  REQUIRE(a);
  a.set("Type", pdf::Name{"Font"});
  b.set("Type", pdf::Name{"Font"});
  const std::string first = page.font_resource(a);
  CHECK_FALSE(first.empty());
  CHECK(page.font_resource(a) == first);  // registered once
  CHECK(page.font_resource(b) != first);
  HPDF_Page_SetRGBFill(page.handle(), 1, 0, 0);  // libharu's own operator, then ours after it
  CHECK(page.append("q\nBT\n/" + first + " 12 Tf\n[<0001>] TJ\nET\nQ\n"));
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("1 0 0 rg\nq\nBT\n/" + first + " 12 Tf\n[<0001>] TJ") != std::string::npos);
  CHECK(bytes.find("/Font<</" + first + " ") != std::string::npos);  // in the page's resources
  CHECK(pdf.failure().empty());
}

TEST_CASE("hpdf bridge: a stream's memory buffer: its bytes are replaced, not appended to") {
  const NewDoc owned;
  HPDF_Doc doc = owned.doc;
  pdf::Document pdf(doc);
  pdf::Dict stream = pdf.new_stream("first");
  REQUIRE(stream);
  CHECK(stream.set_bytes("replaced bytes"));
  pdf.catalog().set("Probe", stream);
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("stream=replaced bytes\n") != std::string::npos);
  CHECK(bytes.find("first") == std::string::npos);
  CHECK_FALSE(pdf.new_dict().set_bytes("x"));  // a dictionary has no bytes
  CHECK(pdf.failure() == "cannot write the bytes of an object that is not a stream");
}

TEST_CASE_FIXTURE(PlainDoc, "hpdf bridge: object class and write hook: an image from deflated bytes libharu draws") {
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Image mask = pdf.new_flate_image("mask bytes", 2, 1, true, nullptr);
  HPDF_Image image = pdf.new_flate_image("image bytes", 2, 1, false, mask);
  HPDF_Image indexed = pdf.new_flate_image("index bytes", 2, 1, false, nullptr, std::string("\x00\x10\x20\xFF\xEE\xDD", 6));
  REQUIRE(image);
  REQUIRE(indexed);
  CHECK(HPDF_Page_DrawImage(page, image, 10, 10, 20, 10) == HPDF_OK);  // it checks the object class
  CHECK(HPDF_Page_DrawImage(page, indexed, 10, 30, 20, 10) == HPDF_OK);
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("/Subtype/Image") != std::string::npos);
  CHECK(bytes.find("/ColorSpace/DeviceRGB") != std::string::npos);
  CHECK(bytes.find("/ColorSpace[/Indexed/DeviceRGB 1<001020FFEEDD>]") != std::string::npos);
  CHECK(bytes.find("/SMask ") != std::string::npos);
  CHECK(bytes.find(" filter=/FlateDecode stream=image bytes") != std::string::npos);  // as given
  CHECK(bytes.find("/XObject<</X1 ") != std::string::npos);  // in the page's resources
}

TEST_CASE_FIXTURE(PlainDoc, "hpdf bridge: page attr: the content stream, libharu's operators and ours, is deflated in place") {
  pdf::Page page = pdf.page(HPDF_AddPage(doc));
  HPDF_Page_SetRGBFill(page.handle(), 1, 0, 0);
  std::string ours;
  for (int i = 0; i < 2000; ++i) ours += "0 0 " + std::to_string(i) + " 1 re f\n";  // past libharu's 4 KB buffers
  CHECK(page.append(ours));
  REQUIRE(page.deflate_content(6));
  const std::string bytes = collected(pdf);
  CHECK(bytes.find("re f") == std::string::npos);  // not in plain text any more
  CHECK(bytes.find(" filter=/FlateDecode stream=") != std::string::npos);
  // qpdf, and so every reader, inflates it back to what was drawn.
  PdfFile file;
  std::string error;
  REQUIRE(pdf.collect(file, error));
  const auto read = test::read_pdf(write_pdf_file(file));
  REQUIRE(read.page_contents.size() == 1);
  CHECK(read.page_contents[0] == "1 0 0 rg\n" + ours);
}

TEST_CASE_FIXTURE(PlainDoc, "hpdf bridge: catalog, info, mmgr and xref: objects are collected renumbered, lengths in place, hooks run") {
  HPDF_AddPage(doc);
  HPDF_AddPage(doc);
  pdf::Dict probe = pdf.new_dict();
  pdf::Dict stream = pdf.new_stream("stream bytes");
  pdf::Dict metadata = pdf.new_stream("<x:xmpmeta/>");
  metadata.set("Type", pdf::Name{"Metadata"});
  probe.set("Metadata", metadata);
  probe.set("Ascii", pdf::Text{"a(b)\\c"});
  probe.set("Accented", pdf::Text{"\xC3\xA9"});  // é
  probe.set("Name", pdf::Name{"A B#"});
  probe.set("Real", pdf::Real{1.5});
  probe.set("Int", -3);
  probe.set("Stream", stream);
  probe.set("Array", pdf.new_array().add(1).add(2).add(pdf::Name{"N"}));
  probe.set("Direct", pdf.new_direct_dict().set("On", true));
  pdf.catalog().set("Probe", probe);
  pdf.info().set("Title", pdf::Text{"A title"});

  PdfFile file;
  std::string error;
  REQUIRE(pdf.collect(file, error));
  REQUIRE(file.root > 0);
  REQUIRE(file.info > 0);
  CHECK(file.objects[file.root - 1].value.find("/Type/Catalog") != std::string::npos);
  CHECK(file.objects[file.info - 1].value.find("/Title(A title)") != std::string::npos);
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
                           std::to_string(stream_number) + " 0 R/Array[1 2/N]/Direct<</On true>>>>");
  CHECK(probe_value.rfind("<</Metadata ", 0) == 0);
  CHECK(file.objects[stream_number - 1].filter.empty());  // unfiltered: the file writer deflates it
  CHECK(all.find("/Count 2") != std::string::npos);       // set by the page tree's write hook
  CHECK(all.find("/Probe ") != std::string::npos);        // the catalog refers to it
  CHECK(pdf.failure().empty());
}

TEST_CASE("hpdf bridge: a failed call is kept in words, with libharu's reason") {
  const NewDoc owned;
  HPDF_Doc doc = owned.doc;
  pdf::Document pdf(doc);
  pdf::Dict never_made;
  pdf::Dict first = pdf.new_direct_dict(), second = pdf.new_direct_dict();
  first.set("K", never_made);
  CHECK(pdf.failure() == "cannot set /K: a value that was never made, or is already inside another object"
                         " (libharu error 0x1033)");
  second.set("Other", never_made);
  CHECK(pdf.failure().find("/K:") != std::string::npos);  // the first failure is the one kept
  // Placed in the catalog, so the document frees them (a direct object placed nowhere leaks).
  pdf.catalog().set("ProbeA", first).set("ProbeB", second);
}

TEST_CASE("hpdf bridge: a structure tree that cannot be written says why, not \"out of memory\"") {
  const NewDoc owned;
  HPDF_Doc doc = owned.doc;
  pdf::Document pdf(doc);
  const std::vector<pdf::Page> pages = {pdf.page(HPDF_AddPage(doc))};
  std::vector<StructElement> structure(2);
  structure[0].role = "Document";
  structure[0].kids = {1};
  structure[1].role = "Link";
  structure[1].parent = 0;
  MarkedPages marked;
  marked.pages = {{{1, 0}}};
  marked.links.push_back({0, pdf::Dict(), 1, 1, "example.org"});  // an annotation that was never made
  DocumentInfo info;
  info.title = "Title";
  CHECK_FALSE(add_structure(pdf, pages, structure, marked, info));
  CHECK(pdf.failure().rfind("cannot set /Obj: a value that was never made", 0) == 0);
}
