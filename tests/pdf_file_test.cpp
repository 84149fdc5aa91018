// The PDF file writer (src/render/pdf/pdf_file.h): object streams, the cross-reference stream,
// the deterministic /ID, read back by qpdf.
#include <doctest/doctest.h>

#include <string>

#include "pdf_reader.h"
#include "hash/content_hash.h"
#include "render/pdf/pdf_file.h"

using namespace handout;

namespace {

// One page drawing `content`, plus `extra` small objects hung from the catalog.
PdfFile one_page(const std::string& content, int extra = 0) {
  PdfFile f;
  std::string kids = "[";
  for (int i = 0; i < extra; ++i) kids += std::to_string(6 + i) + " 0 R ";
  const auto object = [&](const std::string& value) { f.objects.push_back({value, false, "", ""}); };
  object("<</Type/Catalog/Pages 2 0 R/Extra" + kids + "]>>");
  object("<</Type/Pages/Kids[3 0 R]/Count 1>>");
  object("<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Resources<</Font<<>>/XObject<<>>>>/Contents 4 0 R>>");
  f.objects.push_back({"", true, content, ""});
  object("<</Title(A test)>>");
  for (int i = 0; i < extra; ++i) object("<</N " + std::to_string(i) + ">>");
  f.root = 1;
  f.info = 5;
  return f;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("pdf file: objects in an object stream, a cross-reference stream, read back by qpdf") {
  std::string content;
  for (int i = 0; i < 50; ++i) content += "0 0 m " + std::to_string(i) + " 10 l S\n";
  const std::string bytes = write_pdf_file(one_page(content));
  CHECK(bytes.rfind("%PDF-1.7\n", 0) == 0);
  CHECK(count(bytes, "/Type/ObjStm") == 1);
  CHECK(count(bytes, "/Type/XRef") == 1);
  CHECK(bytes.find("trailer") == std::string::npos);  // no classic xref table
  CHECK(bytes.find("0 0 m 1 10 l") == std::string::npos);  // the unfiltered content came deflated
  const auto read = test::read_pdf(bytes);
  REQUIRE(read.readable);
  CHECK_FALSE(read.warnings);
  CHECK(read.has_id);
  CHECK(read.info_title == "A test");
  REQUIRE(read.page_contents.size() == 1);
  CHECK(read.page_contents[0] == content);
}

TEST_CASE("pdf file: the same document gives the same bytes; another gives another /ID") {
  const std::string a = write_pdf_file(one_page("0 0 m 10 10 l S\n"));
  CHECK(write_pdf_file(one_page("0 0 m 10 10 l S\n")) == a);
  const std::string b = write_pdf_file(one_page("0 0 m 10 20 l S\n"));
  const auto id = [](const std::string& pdf) { return pdf.substr(pdf.find("/ID[")); };
  CHECK(id(a).substr(0, 40) != id(b).substr(0, 40));
}

TEST_CASE("pdf file: a stream marked plain (XMP metadata) is written unfiltered, however well it would deflate") {
  PdfFile f = one_page("S");
  const std::string xmp(500, 'x');
  f.objects.push_back({"/Type/Metadata/Subtype/XML", true, xmp, "", true});
  const std::string bytes = write_pdf_file(f);
  CHECK(bytes.find("<</Type/Metadata/Subtype/XML/Length 500>>stream\n" + xmp + "\nendstream") != std::string::npos);
}

TEST_CASE("pdf file: more than 100 small objects take several object streams; a stream deflate would grow stays") {
  const std::string bytes = write_pdf_file(one_page("S", 250));  // 254 objects outside streams
  CHECK(count(bytes, "/Type/ObjStm") == 3);
  CHECK(bytes.find("/Length 1>>stream\nS\nendstream") != std::string::npos);
  const auto read = test::read_pdf(bytes);
  REQUIRE(read.readable);
  CHECK_FALSE(read.warnings);
  CHECK(read.page_contents[0] == "S");
}

TEST_CASE("pdf file: options: without object streams each object stands alone, and qpdf still reads it") {
  PdfWriteOptions options;
  options.object_streams = false;
  const std::string bytes = write_pdf_file(one_page("0 0 m 10 10 l S\n", 3), options);
  CHECK(count(bytes, "/Type/ObjStm") == 0);
  CHECK(bytes.find("1 0 obj\n<</Type/Catalog") != std::string::npos);
  CHECK(count(bytes, "/Type/XRef") == 1);
  const auto read = test::read_pdf(bytes);
  REQUIRE(read.readable);
  CHECK_FALSE(read.warnings);
  CHECK(read.info_title == "A test");
  CHECK(read.page_contents[0] == "0 0 m 10 10 l S\n");
}

TEST_CASE("pdf file: options: compression level and a random /ID") {
  std::string content;
  for (int i = 0; i < 400; ++i) content += std::to_string(i * 7919 % 1000) + " 0 m 10 " + std::to_string(i) + " l S\n";
  PdfWriteOptions fast, small;
  fast.compression_level = 1;
  small.compression_level = 12;
  const std::string a = write_pdf_file(one_page(content), fast), b = write_pdf_file(one_page(content), small);
  CHECK(b.size() < a.size());
  CHECK(test::read_pdf(b).page_contents[0] == content);
  PdfWriteOptions random;
  random.deterministic_id = false;
  const auto id = [](const std::string& pdf) { return pdf.substr(pdf.find("/ID["), 40); };
  const std::string c = write_pdf_file(one_page(content), random), d = write_pdf_file(one_page(content), random);
  CHECK(id(c) != id(d));
  CHECK(id(write_pdf_file(one_page(content))) == id(write_pdf_file(one_page(content))));
}

TEST_CASE("pdf file: options: a password encrypts the file; the plain hash is of the bytes before") {
  PdfWriteOptions options;
  options.user_password = "open sesame";
  std::string bytes, error;
  std::uint64_t plain = 0;
  REQUIRE_MESSAGE(write_pdf(one_page("0 0 m 10 10 l S\n"), options, bytes, error, &plain), error);
  CHECK(bytes.find("/Encrypt") != std::string::npos);
  CHECK(bytes.find("A test") == std::string::npos);  // the Info title is encrypted too
  CHECK(plain == content_hash(write_pdf_file(one_page("0 0 m 10 10 l S\n"))));
  std::string clear;
  REQUIRE(write_pdf(one_page("0 0 m 10 10 l S\n"), PdfWriteOptions{}, clear, error));
  CHECK(clear == write_pdf_file(one_page("0 0 m 10 10 l S\n")));
}
