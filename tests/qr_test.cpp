// QR codes: the symbols libqrencode makes, and where layout puts them.
#include <doctest/doctest.h>

#include "config/config.h"
#include "qr/qr_code.h"
#include "test_support.h"

using namespace handout;

namespace {

std::vector<QrItem> codes_in(const PagedDocument& doc) {
  std::vector<QrItem> out;
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* q = std::get_if<QrItem>(&item)) out.push_back(*q);
  return out;
}

// A finder pattern: a 7x7 dark ring, a light ring, a 3x3 dark centre, at (row, col).
bool finder_at(const QrSymbol& s, int row, int col) {
  for (int r = 0; r < 7; ++r)
    for (int c = 0; c < 7; ++c) {
      const bool ring = r == 0 || r == 6 || c == 0 || c == 6, centre = r >= 2 && r <= 4 && c >= 2 && c <= 4;
      if (s.is_dark(row + r, col + c) != (ring || centre)) return false;
    }
  return true;
}

}  // namespace

TEST_CASE("a URL becomes the smallest QR symbol at error correction M, finder patterns in three corners") {
  const auto short_code = encode_qr("https://www.nva.org");  // 19 bytes: version 2 holds 26 at M
  REQUIRE(short_code);
  CHECK(short_code->modules == 25);
  CHECK(finder_at(*short_code, 0, 0));
  CHECK(finder_at(*short_code, 0, 18));
  CHECK(finder_at(*short_code, 18, 0));
  CHECK_FALSE(finder_at(*short_code, 18, 18));
  // 27 bytes no longer fit version 2 at M (26), and version 3 (29 modules) holds them.
  CHECK(encode_qr(std::string("https://") + std::string(19, 'a'))->modules == 29);
  CHECK_FALSE(encode_qr(""));
  CHECK_FALSE(encode_qr(std::string(3000, 'x')));  // more than version 40 holds at M
}

TEST_CASE("qr_codes: resources puts a code beside each resource with a website, the text narrowed") {
  test::Fixture f;
  f.layout.qr_resources = true;
  const std::string long_text = "A description long enough to run the whole width of the box several times over, "
                                "so that it would run under a code that took no room of its own.";
  f.resources = {{"With a website", long_text, "nva.org", "https://www.nva.org", "", {}},
                 {"Phone only", "Call them.", "", "", "555-0101", {}}};
  Diagnostics d;
  const auto doc = f.lay_out("Some text.", d);
  const auto codes = codes_in(doc);
  REQUIRE(codes.size() == 1);
  const QrItem& q = codes[0];
  CHECK(q.text == "https://www.nva.org");
  CHECK(q.module() >= 72 / 25.4 * 0.5);  // at least 0.5 mm
  CHECK(q.quiet == 4);
  CHECK(q.w == doctest::Approx((q.symbol.modules + 8) * q.module()));
  CHECK(q.tag.element < 0);  // an artifact: the address is printed beside it
  for (const auto& item : doc.pages[0].items)
    if (const auto* t = std::get_if<TextItem>(&item)) {
      INFO(t->text);
      const bool beside = t->x + t->width <= q.x || t->baseline < q.y || t->baseline - t->size > q.y + q.h;
      CHECK(beside);  // no text runs under the code
    }
}

TEST_CASE("qr_codes: online puts the handout's own address on page 1, printed beside its code") {
  test::Fixture f;
  f.layout.qr_online = true;
  f.strings.labels["online_copy"] = "Online";
  Diagnostics d;
  CHECK(codes_in(f.lay_out("Text.", d)).empty());  // no online_url: no code
  f.online_url = "https://clinic.example/h/en/a.pdf";
  const auto doc = f.lay_out("Text.", d);
  const auto codes = codes_in(doc);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].text == f.online_url);
  bool printed = false;
  for (const auto& item : doc.pages[0].items)
    if (const auto* t = std::get_if<TextItem>(&item)) printed = printed || t->text == "clinic.example/h/en/a.pdf";
  CHECK(printed);
  f.layout.qr_online = false;
  CHECK(codes_in(f.lay_out("Text.", d)).empty());  // the layout decides
}

TEST_CASE("qr_codes in a layout file: none, resources, online, both; anything else is an error") {
  auto parse = [](const std::string& value, LayoutConfig& l) {
    Diagnostics d;
    const bool ok = parse_layout("qr_codes: " + value + "\n", "l.yaml", l, d);
    return ok ? std::string() : d.to_string();
  };
  LayoutConfig both, none, one;
  CHECK(parse("[resources, online]", both).empty());
  CHECK((both.qr_resources && both.qr_online));
  CHECK(parse("none", none).empty());
  CHECK_FALSE((none.qr_resources || none.qr_online));
  CHECK(parse("online", one).empty());
  CHECK((one.qr_online && !one.qr_resources));
  LayoutConfig bad;
  CHECK(parse("resource", bad) ==
        "l.yaml:1:11: error: 'qr_codes' must be none, or one or both of resources and online (got 'resource') "
        "(did you mean 'resources'?)\n");
}

TEST_CASE("online_url: a web address with {article}, only {lang} and {article} filled in") {
  auto error_of = [](const std::string& url) {
    ClinicConfig c;
    Diagnostics d;
    parse_clinic_config("clinic:\n  name: X\nonline_url: \"" + url + "\"\n", "c.yaml", c, d);
    return d.to_string();
  };
  CHECK(error_of("https://c.example/{lang}/{article}.pdf").empty());
  CHECK(error_of("https://c.example/handout.pdf") ==
        "c.yaml:3:13: error: 'online_url' must contain {article}, or every handout would point to the same address\n");
  CHECK(error_of("https://c.example/{name}/{article}.pdf") ==
        "c.yaml:3:13: error: 'online_url' may only use {lang} and {article} (got "
        "'https://c.example/{name}/{article}.pdf')\n");
  CHECK(error_of("javascript:alert(1)/{article}") ==
        "c.yaml:3:13: error: 'online_url' must start with https:// (got 'javascript:alert(1)/{article}')\n");
}

TEST_CASE("a right-to-left page moves its codes to the other side and never mirrors them") {
  test::Fixture f;
  f.layout.qr_resources = true;
  f.resources = {{"A resource", "Described.", "nva.org", "https://www.nva.org", "", {}}};
  Diagnostics d;
  const auto ltr = codes_in(f.lay_out("Text.", d));
  f.rtl = true;
  const auto rtl = codes_in(f.lay_out("Text.", d));
  REQUIRE((ltr.size() == 1 && rtl.size() == 1));
  CHECK(rtl[0].x == doctest::Approx(f.layout.page_width - ltr[0].x - ltr[0].w));
  CHECK(rtl[0].symbol.dark == encode_qr("https://www.nva.org")->dark);  // a mirror image would not scan
}
