// Hostile input (issue 7): every loader refuses bad bytes, keys, labels, links and
// images with a message at the place written, and nothing is lost silently.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistd.h>

#include <cstdlib>

#include "assets/image.h"
#include "config/config.h"
#include "fonts/font_face.h"
#include "build/file_output.h"
#include "layout/placement_check.h"
#include "util/input_file.h"
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
  CHECK(out.pixels.size() == 150u * 150 * (out.palette.empty() ? 3 : 1));
  CHECK(out.alpha.size() == 150u * 150);
  // A JPEG that must shrink is re-encoded rather than embedded whole.
  REQUIRE(load_image(test::source_dir() + "/tests/fixtures/photo.jpg", {18, 18}, {}, out, error));
  CHECK(out.width == 75);
  CHECK_FALSE(out.jpeg.empty());
  std::string original;
  REQUIRE(read_file(test::source_dir() + "/tests/fixtures/photo.jpg", original));
  CHECK(out.jpeg != original);
}

TEST_CASE("labels: balanced braces, known placeholders, the required ones present") {
  test::Fixture f;  // its strings are valid: change one label at a time
  auto errors_with = [](const std::string& key, const std::string& value) {
    std::string yaml =
        "helpful_resources: R\ncontact_us: C\npage_of: 'Page {n} of {total}'\nreviewed: 'Reviewed {date}'\n"
        "date: '{month} {day}, {year}'\nphone: P\nemail: E\nwebsite: W\nhours: H\n"
        "translation_draft: 'From {source}'\nfallback_notice: 'In {language}'\nmonths: [a, b, c, d, e, f, g, h, i, "
        "j, k, l]\n";
    const auto at = yaml.find(key + ":");
    yaml.replace(at, yaml.find('\n', at) - at, key + ": \"" + value + "\"");
    Strings s;
    Diagnostics d;
    parse_strings(yaml, "strings.yaml", s, d);
    return d.to_string();
  };
  CHECK(errors_with("page_of", "Page {n} of {total}") == "");
  CHECK(errors_with("page_of", "Page {{n} of {total") ==
        "strings.yaml:3:10: error: 'page_of' has a '{' without its '}' (unbalanced braces)\n");
  CHECK(errors_with("page_of", "Page n} of {total}") ==
        "strings.yaml:3:10: error: 'page_of' has a '}' without its '{' (unbalanced braces)\n");
  CHECK(errors_with("page_of", "Page {n}") == "strings.yaml:3:10: error: 'page_of' must contain {total}\n");
  CHECK(errors_with("date", "{month} {unknown}, {year}") ==
        "strings.yaml:5:7: error: 'date' uses {unknown}, which it does not know (it may use {month}, {day}, {year}, "
        "{month_number})\n");
  CHECK(errors_with("date", "{day}/{year}") == "strings.yaml:5:7: error: 'date' must contain {month} or {month_number}\n");
  CHECK(errors_with("contact_us", "Contact {clinic}") ==
        "strings.yaml:2:13: error: 'contact_us' uses {clinic}, which it does not know (it may use none)\n");
}

TEST_CASE("dates in front matter must exist on the calendar") {
  auto errors_of_date = [](const std::string& date) {
    ArticleMeta meta;
    Diagnostics d;
    parse_front_matter("title: T\nreviewed: " + date + "\n", "a.md", 2, meta, d);
    return d.to_string();
  };
  CHECK(errors_of_date("2026-02-28") == "");
  CHECK(errors_of_date("2028-02-29") == "");  // a leap year
  CHECK(errors_of_date("2026-02-29") != "");
  CHECK(errors_of_date("2026-02-30") == "a.md:3:11: error: 'reviewed' must be a real date written YYYY-MM-DD (got '2026-02-30')\n");
  CHECK(errors_of_date("2026-04-31") != "");
  CHECK(errors_of_date("1900-02-29") != "");  // not a leap year
}

namespace {

// check_input_text's verdict on `bytes`: the text the parsers get, or the messages.
std::string checked(std::string bytes, const std::string& file = "f.md") {
  Diagnostics d;
  const bool ok = check_input_text(bytes, file, d);
  CHECK(ok == d.items().empty());
  return ok ? "ok: " + bytes : d.to_string();
}

}  // namespace

TEST_CASE("a UTF-8 byte-order mark is removed; lines and columns count from after it") {
  CHECK(checked("\xEF\xBB\xBF---\ntitle: T\n---\n") == "ok: ---\ntitle: T\n---\n");
  CHECK(checked("\xEF\xBB\xBF") == "ok: ");
  // Only the first three bytes: a second mark is a character of the text (U+FEFF).
  CHECK(checked("\xEF\xBB\xBF\xEF\xBB\xBFx") == "ok: \xEF\xBB\xBFx");
  CHECK(checked("\xEF\xBB\xBF" "ab\x92") ==
        "f.md:1:3: error: invalid UTF-8 (byte 0x92): the file looks like Windows-1252; save it as UTF-8\n");
  const std::string text = "Vaginismus — 阴道痉挛 — تشنج المهبل 🙂\r\nline two\n";
  CHECK(checked(text) == "ok: " + text);
}

TEST_CASE("text that is not UTF-8 is one error per file, at the first bad byte, naming the encoding") {
  // Windows-1252: curly quotes and dashes are bytes 0x91-0x97 there.
  CHECK(checked("---\ntitle: T\n---\nIt\x92s a \x93test\x94 \x96 ok\n") ==
        "f.md:4:3: error: invalid UTF-8 (byte 0x92): the file looks like Windows-1252; save it as UTF-8 "
        "(3 more invalid bytes follow)\n");
  // Letters alone (0xA0-0xFF) are the same in Latin-1.
  CHECK(checked("Caf\xe9 and cr\xe8me\n") ==
        "f.md:1:4: error: invalid UTF-8 (byte 0xE9): the file looks like Windows-1252 or Latin-1; save it as UTF-8 "
        "(1 more invalid byte follows)\n");
  // Columns count characters, as the editor shows them.
  CHECK(checked("ok\n\xc3\xa9t\xe9\n").starts_with("f.md:2:3: error: invalid UTF-8 (byte 0xE9)"));
  // A byte Windows-1252 has no character for.
  CHECK(checked("x\x81y") == "f.md:1:2: error: invalid UTF-8 (byte 0x81): the file is not UTF-8 (nor Windows-1252); "
                             "save it as UTF-8\n");
  // One bad byte in a UTF-8 file: a damaged character (a file cut short, a paste), not an encoding.
  CHECK(checked("Vaginismus — caf\xe9 — é\n") ==
        "f.md:1:17: error: invalid UTF-8 (byte 0xE9): the rest of the file is UTF-8, so the character here was "
        "damaged or pasted from another encoding; retype it\n");
  CHECK(checked("é é \xc3").starts_with("f.md:1:5: error: invalid UTF-8 (byte 0xC3): the rest of the file is UTF-8"));
}

TEST_CASE("UTF-16, NUL bytes and word-processor files are refused, saying what the file is") {
  const std::string utf16 = "the file is UTF-16 (\"Unicode\" in Notepad and Word); save it as UTF-8\n";
  CHECK(checked(std::string("\xFF\xFE-\0-\0-\0\n\0", 10)) == "f.md:1:1: error: invalid UTF-8 (byte 0xFF): " + utf16);
  CHECK(checked(std::string("\xFE\xFF\0-\0-\0-", 8)) == "f.md:1:1: error: invalid UTF-8 (byte 0xFE): " + utf16);
  // Without its byte-order mark: every other byte of English text is NUL.
  CHECK(checked(std::string("t\0i\0t\0l\0e\0:\0", 12)) ==
        "f.md:1:2: error: NUL byte: the file looks like UTF-16 (\"Unicode\" in Notepad and Word); save it as UTF-8\n");
  // One NUL in a text file.
  CHECK(checked(std::string("Some words\nand a \0 NUL in the middle of them.\n", 44)) ==
        "f.md:2:7: error: NUL byte: a text file has none (is this one damaged?); remove it\n");
  CHECK(checked(std::string("a\0b\xfe\xfe\xfe\xfe\xfe and more text to make it text", 36)) ==
        "f.md:1:2: error: NUL byte: a text file has none (is this one damaged?); remove it (5 more invalid bytes "
        "follow)\n");
  CHECK(checked("PK\x03\x04\x14\0\x06\0") ==
        "f.md:1:1: error: not a text file: a zip archive, such as a Word document (.docx); in Word, Save As "
        "\"Plain Text\" with the encoding \"Unicode (UTF-8)\"\n");
  CHECK(checked("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0") ==
        "f.md:1:1: error: not a text file: a Word 97-2003 document (.doc) or another Office file; save it as plain "
        "text, encoding UTF-8\n");
  CHECK(checked("{\\rtf1\\ansi\\deff0 {\\fonttbl}}\n") ==
        "f.md:1:1: error: not a text file: Rich Text Format (what WordPad and TextEdit save); save it as plain text, "
        "encoding UTF-8\n");
}

TEST_CASE("a U+FFFD in the text is an error: it never reaches a handout") {
  CHECK(checked("ab\xEF\xBF\xBD\nc \xEF\xBF\xBD d \xEF\xBF\xBD\n") ==
        "f.md:1:3: error: U+FFFD (\xEF\xBF\xBD) stands for a character lost before this text was saved; retype the "
        "character it replaced (2 more follow)\n");
  CHECK(checked("x \xEF\xBF\xBD and \x92") ==
        "f.md:1:9: error: invalid UTF-8 (byte 0x92): the file looks like Windows-1252; save it as UTF-8\n"
        "f.md:1:3: error: U+FFFD (\xEF\xBF\xBD) stands for a character lost before this text was saved; retype the "
        "character it replaced\n");
}

TEST_CASE("every reader of a clinic's YAML accepts a byte-order mark and refuses other encodings") {
  const std::string dir = "/tmp/handout-bom-test-" + std::to_string(::getpid());
  REQUIRE(std::system(("mkdir -p " + dir).c_str()) == 0);
  std::string error;
  REQUIRE(write_file_atomically(dir + "/r.yaml", "\xEF\xBB\xBFresources:\n  - name: A\n", error));
  ResourceList list;
  Diagnostics d;
  CHECK(load_resources(dir + "/r.yaml", kDefaultMaxInputBytes, list, d));
  CHECK(d.items().empty());
  CHECK(list.resources.size() == 1);
  REQUIRE(write_file_atomically(dir + "/r.yaml", "resources:\n  - name: Caf\xe9\n", error));
  Diagnostics bad;
  CHECK_FALSE(load_resources(dir + "/r.yaml", kDefaultMaxInputBytes, list, bad));
  CHECK(bad.to_string() == dir + "/r.yaml:2:14: error: invalid UTF-8 (byte 0xE9): the file looks like Windows-1252 "
                                 "or Latin-1; save it as UTF-8\n");
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

TEST_CASE("limits can be raised in the config, within bounds") {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(parse_clinic_config("clinic:\n  name: X\nlimits:\n  pages: 500\n  input_megabytes: 16\n  image_megapixels: 100\n",
                              "c.yaml", c, d));
  CHECK(c.limits.pages == 500);
  CHECK(c.limits.input_bytes == 16LL << 20);
  CHECK(c.limits.image_pixels == 100'000'000LL);
  Diagnostics bad;
  CHECK_FALSE(parse_clinic_config("clinic:\n  name: X\nlimits:\n  pages: 0\n", "c.yaml", c, bad));
  CHECK(bad.to_string() == "c.yaml:4:10: error: 'pages' in 'limits' must be between 1 and 100000 (got 0)\n");
}

TEST_CASE("temporary files no run holds are removed; those a run holds, new ones and other files are not") {
  const std::string dir = "/tmp/handout-stale-test-" + std::to_string(::getpid());
  REQUIRE(std::system(("rm -rf " + dir + " && mkdir -p " + dir + "/sub").c_str()) == 0);
  const std::string orphan = dir + "/sub/a.pdf.handout-tmp-999999999-AbC123";  // the old naming, too
  const std::string held = dir + "/sub/b.pdf.handout-tmp-AbC123";
  const std::string young = dir + "/sub/c.pdf.handout-tmp-XyZ789";
  const std::string other = dir + "/sub/d.pdf.tmp-AbC123";
  const std::string unwritten = dir + "/e.pdf.handout-tmp-AbC123";  // in a folder nothing is written to
  for (const auto& p : {orphan, held, other, unwritten})
    REQUIRE(std::system(("touch -d '-1 hour' " + p).c_str()) == 0);
  REQUIRE(std::system(("touch " + young).c_str()) == 0);
  // Another run's lock (another process, PID namespace or machine holds it the same way).
  const int fd = ::open(held.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  const pid_t child = ::fork();
  if (child == 0) {  // the sweep runs in another process, which cannot take the lock
    std::string error;
    std::_Exit(write_output_file(dir, "sub/out.pdf", "x", error) ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WEXITSTATUS(status) == 0);
  ::close(fd);
  CHECK_FALSE(is_file(orphan));  // nobody holds it: a killed run's
  CHECK(is_file(held));          // a run still writing it
  CHECK(is_file(young));         // made a moment ago: its writer may not have locked it yet
  CHECK(is_file(other));         // not our name
  CHECK(is_file(unwritten));     // a folder not written to
  CHECK(is_file(dir + "/sub/out.pdf"));
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

TEST_CASE("a damaged font is refused when it is loaded, naming the file and the table") {
  std::string font;
  const std::string noto = test::fonts().set->face(0).path();  // Debian's fonts-noto-core
  REQUIRE(read_file(noto, font));
  const std::string dir = "/tmp/handout-font-test-" + std::to_string(::getpid());
  REQUIRE(std::system(("mkdir -p " + dir).c_str()) == 0);
  std::string error;
  REQUIRE(write_file_atomically(dir + "/half.ttf", font.substr(0, font.size() / 2), error));
  REQUIRE(write_file_atomically(dir + "/stub.ttf", font.substr(0, 20), error));
  REQUIRE(write_file_atomically(dir + "/text.ttf", "not a font at all", error));
  REQUIRE(write_file_atomically(dir + "/empty.ttf", "", error));
  CHECK_FALSE(FontFace::load(dir + "/empty.ttf", error));  // read, and found wanting
  CHECK(error == "font '" + dir + "/empty.ttf' is damaged: the file is too short to be a font");
  CHECK_FALSE(FontFace::load(dir + "/absent.ttf", error));
  CHECK(error == "cannot read font file '" + dir + "/absent.ttf'");
  CHECK_FALSE(FontFace::load(dir, error));  // a folder
  CHECK(error == "cannot read font file '" + dir + "'");
  CHECK_FALSE(FontFace::load(dir + "/half.ttf", error));
  CHECK(error.starts_with("font '" + dir + "/half.ttf' is damaged: table '"));
  CHECK(error.find("runs past the end of the file") != std::string::npos);
  CHECK_FALSE(FontFace::load(dir + "/stub.ttf", error));
  CHECK(error == "font '" + dir + "/stub.ttf' is damaged: its table directory runs past the end of the file");
  CHECK_FALSE(FontFace::load(dir + "/text.ttf", error));
  CHECK(error == "font '" + dir + "/text.ttf' is damaged: it is not a TrueType or OpenType font");
  CHECK(FontFace::load(noto, error));
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

TEST_CASE("the placement proof catches a block too tall for its frame, one never placed, and text off the page") {
  Flow flow;
  auto text_box = [](const std::string& text, double height) {
    FlowBox b;
    b.height = height;
    TextItem t;
    t.text = text;
    b.items.push_back(t);
    return b;
  };
  flow.boxes = {text_box("First line", 20), text_box("Second line", 20), text_box("Tall resource entry", 300)};
  const std::vector<FrameArea> areas{{0, 50, 50, 400, 200}, {1, 50, 50, 400, 200}};
  Diagnostics ok;
  CHECK(check_frames(flow, {{{0, 0}, {1, 20}}, {{2, 0}}}, {areas[0], {1, 50, 50, 400, 400}}, "a.md", ok));
  CHECK(ok.items().empty());
  Diagnostics tall;
  CHECK_FALSE(check_frames(flow, {{{0, 0}, {1, 20}}, {{2, 0}}}, areas, "a.md", tall));
  CHECK(tall.to_string() ==
        "a.md: error: 'Tall resource entry' does not fit on a page: it is 300 pt tall and a page has room for 200 pt\n");
  Diagnostics lost;
  CHECK_FALSE(check_frames(flow, {{{0, 0}}, {{2, 0}}}, {areas[0], {1, 50, 50, 400, 400}}, "a.md", lost));
  CHECK(lost.to_string() == "a.md: error: 'Second line' was not placed on any page\n");

  PagedDocument doc;
  doc.pages.resize(2);
  TextItem inside, below;
  inside.x = 72, inside.baseline = 700, inside.width = 100, inside.text = "Fine";
  below.x = 72, below.baseline = 900, below.width = 100, below.text = "Below the page edge";
  doc.pages[0].items.push_back(inside);
  doc.pages[1].items = {inside, below};
  Diagnostics off;
  CHECK_FALSE(check_inside_pages(doc, "a.md", off, 18));
  CHECK(off.to_string() == "a.md: error: page 2: 'Below the page edge' lies outside the page\n");
  // Inside the sheet, but where a printer may clip it.
  TextItem edge = inside;
  edge.baseline = 20, edge.text = "Too near the top";
  doc.pages[1].items = {inside, edge};
  Diagnostics near;
  CHECK_FALSE(check_inside_pages(doc, "a.md", near, 18));
  CHECK(near.to_string() ==
        "a.md: error: page 2: 'Too near the top' lies within 0.25 in of the sheet's edge, where printers may cut it "
        "off; widen the layout's margins\n");
  doc.pages[1].items = {inside};
  Diagnostics fine;
  CHECK(check_inside_pages(doc, "a.md", fine, 18));
}

TEST_CASE("layouts with no room for body text are refused at the layout's line") {
  auto errors_of_layout = [](const std::string& yaml) {
    LayoutConfig l;
    Diagnostics d;
    parse_layout(yaml, "tiny.yaml", l, d);
    return d.to_string();
  };
  CHECK(errors_of_layout("page_size: letter\n") == "");
  CHECK(errors_of_layout("page_size: [612, 144]\nmargin_top: 200\nmargin_bottom: 200\n")
            .starts_with("tiny.yaml:1:12: error: this layout leaves room for 0.0 lines of body text"));
  CHECK(errors_of_layout("body_size: 12\npage_size: [612, 300]\nheader_band: 200\n")
            .starts_with("tiny.yaml:2:12: error: this layout leaves room for"));
  CHECK(errors_of_layout("columns: 2\nbody_size: 32\npage_size: [300, 900]\nmargin_left: 18\nmargin_right: 18\n") ==
        "tiny.yaml:3:12: error: a column of this layout is 120 pt wide, too narrow for 32 pt body text (at least 320 "
        "pt, about 20 letters, are needed)\n");
  for (const char* shipped : {"letter", "a4", "large-print", "two-column", "trifold"}) {
    LayoutConfig l;
    Diagnostics d;
    CAPTURE(shipped);
    CHECK(load_layout({test::source_dir()}, shipped, {}, l, d));
  }
}

TEST_CASE("output files stay inside the output folder, whatever the name or the links in it") {
  const std::string dir = "/tmp/handout-out-test-" + std::to_string(::getpid());
  REQUIRE(std::system(("rm -rf " + dir + " && mkdir -p " + dir + "/out " + dir + "/elsewhere").c_str()) == 0);
  std::string error;
  CHECK(write_output_file(dir + "/out", "en/a.pdf", "x", error));
  CHECK(is_file(dir + "/out/en/a.pdf"));
  for (const char* bad : {"../a.pdf", "en/../../a.pdf", "/etc/a.pdf", "en//a.pdf", "./a.pdf", "en\n/a.pdf", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(write_output_file(dir + "/out", bad, "x", error));
    CHECK(error.find("would leave the output folder") != std::string::npos);
  }
  // A folder inside out/ that is a link to somewhere else: nothing written or created through it.
  REQUIRE(std::system(("ln -s " + dir + "/elsewhere " + dir + "/out/fr").c_str()) == 0);
  CHECK_FALSE(write_output_file(dir + "/out", "fr/a.pdf", "x", error));
  CHECK(error.find("it is a symbolic link") != std::string::npos);
  CHECK_FALSE(write_output_file(dir + "/out", "fr/sub/a.pdf", "x", error));
  CHECK_FALSE(is_file(dir + "/elsewhere/a.pdf"));
  CHECK_FALSE(is_dir(dir + "/elsewhere/sub"));
  // Removing goes through no link either.
  REQUIRE(std::system(("touch " + dir + "/elsewhere/b.pdf").c_str()) == 0);
  CHECK_FALSE(remove_output_file(dir + "/out", "fr/b.pdf", error));
  CHECK(is_file(dir + "/elsewhere/b.pdf"));
  CHECK(remove_output_file(dir + "/out", "en/a.pdf", error));
  CHECK_FALSE(is_file(dir + "/out/en/a.pdf"));
  // A private file and its folders are its owner's alone.
  CHECK(write_output_file(dir + "/private", "p1/en/a.pdf", "x", error, kPrivateModes));
  struct stat st {};
  REQUIRE(::stat((dir + "/private/p1/en/a.pdf").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat((dir + "/private/p1").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}
