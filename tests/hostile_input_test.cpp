// Hostile input (issue 7): every loader refuses or repairs bad bytes, keys, labels, links and
// images with a message at the place written, and nothing is lost silently.
#include <doctest/doctest.h>

#include "assets/image.h"
#include "config/config.h"
#include "util/link.h"
#include "util/text.h"
#include "test_support.h"

using namespace handout;

namespace {

template <typename T, typename Parse>
std::string errors_of(Parse parse, const std::string& yaml, const std::string& name = "f.yaml") {
  T out;
  Diagnostics d;
  parse(yaml, name, out, d);
  return d.to_string();
}

}  // namespace

TEST_CASE("a duplicate key is an error at the second, naming the first's line, in every YAML file") {
  const std::string dup = "duplicate key 'name' (first given at line 2)";
  CHECK(errors_of<ClinicConfig>(parse_clinic_config, "clinic:\n  name: A\n  name: B\n") ==
        "f.yaml:3:3: error: " + dup + "\n");
  CHECK(errors_of<ResourceList>(parse_resources, "resources:\n  - name: A\n    name: B\n") ==
        "f.yaml:3:5: error: " + dup + "\n");
  CHECK(errors_of<LayoutConfig>(parse_layout, "body_size: 12\nbody_size: 13\n") ==
        "f.yaml:2:1: error: duplicate key 'body_size' (first given at line 1)\n");
  // Nested maps the loaders do not walk key by key are checked too.
  CHECK(errors_of<ClinicConfig>(parse_clinic_config, "clinic:\n  name: A\n  tagline:\n    en: x\n    en: y\n") ==
        "f.yaml:5:5: error: duplicate key 'en' (first given at line 4)\n");
  ArticleMeta meta;
  Diagnostics d;
  parse_front_matter("title: A\ntitle: B\n", "a.md", 2, meta, d);
  CHECK(d.to_string() == "a.md:3:1: error: duplicate key 'title' (first given at line 2)\n");
}

TEST_CASE("YAML nested too deeply or blown up by aliases is refused with a reason") {
  std::string deep = "clinic:\n  name: X\nextra_resources: " + std::string(3000, '[');
  const auto nested = errors_of<ClinicConfig>(parse_clinic_config, deep);
  CHECK(nested.find("error: YAML nested more than") != std::string::npos);
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c)
    laughs += std::string(1, c) + ": &" + c + " [" + std::string(9, ' ').replace(0, 0, "") + "*" + char(c - 1) +
              ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
              char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
              "]\n";
  CHECK(errors_of<ClinicConfig>(parse_clinic_config, laughs) ==
        "f.yaml: error: YAML aliases expand to more than 1000000 values\n");
}

TEST_CASE("links: only https, http, mailto and tel, whatever the case or spacing") {
  CHECK(link_target("https://www.nva.org/help").uri == "https://www.nva.org/help");
  CHECK(link_target("  HTTP://Example.org ").uri == "http://Example.org");
  CHECK(link_target("mailto:care@clinic.example").uri == "mailto:care@clinic.example");
  CHECK(link_target("TEL:+1-503-555-0142").uri == "tel:+1-503-555-0142");
  for (const char* bad : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "file:///etc/passwd",
                          "data:text/html,<b>", "\\\\server\\share", "//server/share", "other.md", "/etc/passwd",
                          "vbscript:x", "https:///nohost", "https://a b.example", "https://x.example\\evil",
                          "mailto:", "tel:call-me", "", "https://x.example/\x01"}) {
    CAPTURE(bad);
    const LinkTarget t = link_target(bad);
    CHECK_FALSE(t.ok());
    CHECK(t.refusal.find("is not made a link") != std::string::npos);
  }
  CHECK(web_link("www.nva.org").uri == "https://www.nva.org");
  CHECK(web_link("nva.org/help?x=1").uri == "https://nva.org/help?x=1");
  CHECK(web_link("https://nva.org").uri == "https://nva.org");
  CHECK_FALSE(web_link("javascript:alert(1)").ok());
  CHECK_FALSE(web_link("\\\\server\\share").ok());
  CHECK(email_link("care@clinic.example").uri == "mailto:care@clinic.example");
  CHECK_FALSE(email_link("care@clinic.example?bcc=x@evil.example").ok());
  CHECK_FALSE(email_link("javascript:alert(1)//@x.example").ok());
}

TEST_CASE("a refused link keeps its text in the article and loses its link, with a warning at the link") {
  Diagnostics d;
  const Document doc = parse_markdown("Call [us](javascript:alert(1)) or [write](mailto:a@b.example).\n", "a.md", d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(plain_text(doc.blocks[0].spans) == "Call us or write.");
  for (const auto& span : doc.blocks[0].spans) CHECK(span.link.find("javascript") == std::string::npos);
  CHECK(d.to_string().starts_with("a.md:1:6: warning: link target 'javascript:alert(1)' is not made a link"));
}

TEST_CASE("hostile image bytes are refused by name, never decoded past the pixel limit") {
  DecodedImage out;
  std::string error;
  CHECK_FALSE(decode_image("", "empty.png", {}, {}, out, error));
  CHECK(error == "'empty.png' is not a PNG or JPEG image");
  // A PNG header declaring 60000 x 60000 pixels.
  std::string bomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\xea\x60\0\0\xea\x60\x08\x02\0\0\0", 29);
  CHECK_FALSE(decode_image(bomb, "bomb.png", {}, {}, out, error));
  CHECK(error.find("over the limit of 40.0 megapixels") != std::string::npos);
  // The same header under a raised limit still fails cleanly: its data is missing.
  ImageLimits generous;
  generous.max_pixels = 4'000'000'000LL;
  CHECK_FALSE(decode_image(bomb.substr(0, 29), "bomb.png", {}, generous, out, error));
  std::string logo;
  REQUIRE(read_file(test::source_dir() + "/assets/logo.png", logo));
  for (std::size_t cut : {40ul, 100ul, logo.size() / 2, logo.size() - 13}) {
    CAPTURE(cut);
    CHECK_FALSE(decode_image(logo.substr(0, cut), "logo.png", {}, {}, out, error));
    CHECK(error.starts_with("image 'logo.png': broken PNG"));
  }
  std::string photo;
  REQUIRE(read_file(test::source_dir() + "/tests/fixtures/photo.jpg", photo));
  CHECK_FALSE(decode_image(photo.substr(0, photo.size() / 2), "photo.jpg", {}, {}, out, error));
  CHECK(error.starts_with("image 'photo.jpg': broken JPEG"));
}

TEST_CASE("large images keep just the pixels print needs") {
  DecodedImage out;
  std::string error;
  // The 256 px logo placed at most 36 pt wide needs 150 px at 300 dpi.
  REQUIRE(load_image(test::source_dir() + "/assets/logo.png", {36, 36}, {}, out, error));
  CHECK(out.width == 150);
  CHECK(out.height == 150);
  CHECK(out.pixels.size() == 150u * 150 * 3);
  CHECK(out.alpha.size() == 150u * 150);
  // A JPEG that must shrink is re-encoded rather than embedded whole.
  REQUIRE(load_image(test::source_dir() + "/tests/fixtures/photo.jpg", {18, 18}, {}, out, error));
  CHECK(out.width == 75);
  CHECK_FALSE(out.jpeg.empty());
  std::string original;
  REQUIRE(read_file(test::source_dir() + "/tests/fixtures/photo.jpg", original));
  CHECK(out.jpeg != original);
}
