// PDF output: deterministic bytes, document language and title flag, atomic writes.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <set>

#include "assets/image.h"
#include "deflate/deflate.h"
#include "render/pdf/pdf_encrypt.h"
#include "build/file_output.h"
#include "render/pdf/pdf_renderer.h"
#include "pdf_reader.h"
#include "test_support.h"
#include "util/text.h"
#include "util/utf8.h"

using namespace handout;

// Within one process only: that two processes write the same bytes, for every language, is
// checked end to end (tests/e2e/languages.sh and example_pdf.sh build twice and cmp).
TEST_CASE("rendering the same pages twice in one process gives the same PDF bytes") {
  test::Fixture f;
  Diagnostics d;
  auto doc = f.lay_out("# Heading\n\nSome text with a [link](https://x.org).\n", d);
  std::string a, b, error;
  REQUIRE(render_pdf(doc, *test::fonts().set, {}, a, error));
  REQUIRE(render_pdf(doc, *test::fonts().set, {}, b, error));
  CHECK(a == b);
  // Read back with qpdf: objects in compressed object streams; PDF 1.7, which PDF/UA-1 builds on.
  const auto pdf = test::read_pdf(a);
  REQUIRE(pdf.readable);
  CHECK(pdf.header == "%PDF-1.7");
  CHECK(pdf.lang == "en");
  CHECK(pdf.display_doc_title);
  CHECK_FALSE(pdf.has_creation_date);  // no clock in the output
  CHECK(pdf.has_id);                   // deterministic, from the content
  CHECK_FALSE(pdf.warnings);
  CHECK(pdf.info_title == "A Test Article");  // ASCII: one byte a character, not UTF-16
}

TEST_CASE("a title outside ASCII is written in UTF-16 with a byte order mark") {
  test::Fixture f;
  Diagnostics d;
  f.meta.title = "Vaginismo: qué es";
  auto doc = f.lay_out("Texto.\n", d);
  std::string bytes, error;
  REQUIRE(render_pdf(doc, *test::fonts().set, {}, bytes, error));
  const auto pdf = test::read_pdf(bytes);
  CHECK(pdf.info_title.substr(0, 6) == std::string("\xFE\xFF\0V\0a", 6));
}

TEST_CASE("fonts are our own Type0 subsets with ToUnicode; text is drawn by glyph id") {
  test::Fixture f;
  Diagnostics d;
  auto doc = f.lay_out("Office hours, *AVA*.\n", d);
  std::string bytes, error;
  REQUIRE(render_pdf(doc, *test::fonts().set, {}, bytes, error));
  const auto pdf = test::read_pdf(bytes);
  REQUIRE(pdf.readable);
  CHECK(pdf.fonts.size() >= 2);  // regular and italic
  for (const auto& font : pdf.fonts) {
    CHECK(font.subtype == "/Type0");
    CHECK(font.encoding == "/Handout-OneByte-Identity");  // under 256 glyphs: one byte each
    CHECK(font.to_unicode);
    CHECK(font.descendant_subtype == "/CIDFontType2");
    CHECK(font.widths);
    REQUIRE(font.base_font.size() > 8);
    CHECK(font.base_font[7] == '+');          // a subset tag: /ABCDEF+NotoSans-Regular
    CHECK(font.font_file_bytes < 40000);      // a subset, not the 500 KB font
  }
  for (const auto& ops : pdf.page_contents) {
    CHECK(ops.find(" TJ") != std::string::npos);
    CHECK(ops.find("Tj") == std::string::npos);  // glyph arrays, never code-point strings
  }
}

TEST_CASE("a font drawing more than 255 glyphs keeps two-byte codes (Identity-H)") {
  test::Fixture f;
  Diagnostics d;
  std::u32string many;  // over 300 different letters of Noto Sans: Latin, Latin Extended-A, Cyrillic
  for (char32_t c = U'a'; c <= U'z'; ++c) many += c, many += U' ';
  for (char32_t c = 0x100; c < 0x180; ++c) many += c, many += U' ';
  for (char32_t c = 0x410; c < 0x450; ++c) many += c, many += U' ';
  for (char32_t c = 0x1E00; c < 0x1E80; ++c) many += c, many += U' ';
  auto doc = f.lay_out(utf8_encode(many) + "\n", d);
  std::string bytes, error;
  REQUIRE(render_pdf(doc, *test::fonts().set, {}, bytes, error));
  const auto pdf = test::read_pdf(bytes);
  REQUIRE(pdf.readable);
  std::set<std::string> encodings;
  for (const auto& font : pdf.fonts) encodings.insert(font.encoding);
  // The body's regular face is past one byte; the title's bold face is not.
  CHECK(encodings == std::set<std::string>{"/Handout-OneByte-Identity", "/Identity-H"});
}

TEST_CASE("atomic write: creates folders, replaces the file, leaves no temporary behind") {
  const std::string dir = test::scratch_dir("test");
  std::string error;
  REQUIRE(write_file_atomically(dir + "/a/b/file.pdf", "one", error));
  REQUIRE(write_file_atomically(dir + "/a/b/file.pdf", "two", error));
  std::string back;
  REQUIRE(read_file(dir + "/a/b/file.pdf", back));
  CHECK(back == "two");
  CHECK(system(("test $(ls " + dir + "/a/b | wc -l) -eq 1").c_str()) == 0);
  // A folder that cannot be created: an error, and nothing written.
  REQUIRE(write_file_atomically(dir + "/blocker", "x", error));
  CHECK_FALSE(write_file_atomically(dir + "/blocker/sub/file.pdf", "x", error));
  CHECK(error.find("cannot create folder") != std::string::npos);
  CHECK(system(("rm -rf " + dir).c_str()) == 0);
}

TEST_CASE("images: PNG and JPEG are decoded whole; anything else is refused with its name") {
  DecodedImage png, jpeg, bad;
  std::string error;
  REQUIRE(load_image(test::source_dir() + "/assets/logo.png", {}, {}, png, error));
  CHECK(png.info.format == ImageInfo::Format::Png);
  CHECK(png.info.width == 256);
  CHECK(png.info.height == 256);
  CHECK(png.palette.size() == 47u * 3);  // the logo's 47 colours: a byte a pixel, indexing them
  CHECK(png.pixels.size() == 256u * 256);
  CHECK(png.alpha.size() == 256u * 256);  // the logo has transparent corners
  REQUIRE(load_image(test::source_dir() + "/tests/fixtures/photo.jpg", {}, {}, jpeg, error));
  CHECK(jpeg.info.format == ImageInfo::Format::Jpeg);
  CHECK(jpeg.info.width == 160);
  CHECK(jpeg.info.height == 100);
  CHECK_FALSE(jpeg.jpeg.empty());  // small enough: embedded as it is
  CHECK_FALSE(load_image(test::source_dir() + "/handout.yaml", {}, {}, bad, error));
  CHECK(error.ends_with("handout.yaml' is not a PNG or JPEG image"));
  CHECK_FALSE(load_image("/nonexistent.png", {}, {}, bad, error));
  CHECK(error == "cannot read image '/nonexistent.png'");
}

TEST_CASE("an RGB image of at most 256 colours is indexed, in order of first use; one of more stays RGB") {
  DecodedImage few;
  few.channels = 3, few.width = 4, few.height = 1;
  few.pixels = {9, 9, 9, 1, 2, 3, 9, 9, 9, 255, 0, 0};
  index_colours(few);
  CHECK(few.palette == std::string("\x09\x09\x09\x01\x02\x03\xff\x00\x00", 9));
  CHECK(few.pixels == std::vector<std::uint8_t>{0, 1, 0, 2});
  DecodedImage many;
  many.channels = 3, many.width = 257, many.height = 1;
  for (int i = 0; i < 257; ++i) many.pixels.insert(many.pixels.end(), {std::uint8_t(i), std::uint8_t(i / 2), 7});
  const auto rgb = many.pixels;
  index_colours(many);
  CHECK(many.palette.empty());
  CHECK(many.pixels == rgb);
  DecodedImage grey;
  grey.channels = 1, grey.pixels = {1, 2, 3};
  index_colours(grey);
  CHECK(grey.palette.empty());
}

TEST_CASE("a PNG with alpha reaches the PDF as its own pixels and an /SMask, deflated once") {
  test::Fixture f;
  Diagnostics d;
  ImageSet images;
  std::string error;
  const std::string path = test::source_dir() + "/assets/logo.png";
  REQUIRE(load_image(path, {}, {}, images[path], error));
  const DecodedImage& logo = images[path];
  REQUIRE_FALSE(logo.alpha.empty());
  f.images["logo.png"] = {path, logo.info};
  auto doc = f.lay_out("Text.\n\n![The clinic's logo.](logo.png)\n", d);
  std::string pdf;
  REQUIRE(render_pdf(doc, *test::fonts().set, all_images(images), pdf, error));
  const auto read = test::read_pdf(pdf);
  REQUIRE(read.images.size() == 1);
  const auto& image = read.images[0];
  CHECK(image.filter == "/FlateDecode");
  CHECK(image.width == logo.width);
  CHECK(image.pixels == std::string(logo.pixels.begin(), logo.pixels.end()));
  CHECK(image.alpha == std::string(logo.alpha.begin(), logo.alpha.end()));
}

TEST_CASE("a JPEG figure is embedded as a JPEG") {
  test::Fixture f;
  Diagnostics d;
  ImageSet images;
  std::string error;
  const std::string path = test::source_dir() + "/tests/fixtures/photo.jpg";
  REQUIRE(load_image(path, {}, {}, images[path], error));
  f.images["photo.jpg"] = {path, images[path].info};
  auto doc = f.lay_out("Text.\n\n![A photo.](photo.jpg)\n", d);
  std::string pdf;
  REQUIRE(render_pdf(doc, *test::fonts().set, all_images(images), pdf, error));
  CHECK(pdf.find("/DCTDecode") != std::string::npos);
  CHECK(pdf.find("/Width 160") != std::string::npos);
}

TEST_CASE("deflate: zlib streams that inflate back to their bytes, smaller at the higher level") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "BT /F1 12 Tf (" + std::to_string(i * 7919 % 1000) + ") Tj ET\n";
  const std::string fast = deflate_zlib(text, kDeflateFast), small = deflate_zlib(text, kDeflateSmall);
  REQUIRE_FALSE(fast.empty());
  CHECK(static_cast<unsigned char>(fast[0]) == 0x78);  // a zlib header, what /FlateDecode reads
  CHECK(small.size() <= fast.size());
  CHECK(fast.size() < text.size() / 4);
  std::string back;
  REQUIRE(inflate_zlib(fast, text.size(), back));
  CHECK(back == text);
  REQUIRE(inflate_zlib(small, text.size(), back));
  CHECK(back == text);
  CHECK_FALSE(inflate_zlib(fast, text.size() - 1, back));  // past the room given
  CHECK_FALSE(inflate_zlib("not zlib", 100, back));
  REQUIRE(inflate_zlib(deflate_zlib("", kDeflateFast), 10, back));
  CHECK(back.empty());
}
