// libFuzzer target: an article file (front matter and Markdown) to the document model.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "content/markdown.h"
#include "util/input_file.h"

using namespace handout;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Diagnostics diags;
  const std::string text = repair_utf8(std::string(reinterpret_cast<const char*>(data), size), "a.md", diags);
  const ArticleSource src = split_front_matter(text);
  ArticleMeta meta;
  if (src.front_matter_line > 0) parse_front_matter(src.front_matter, "a.md", src.front_matter_line, meta, diags);
  const Document doc = parse_markdown(src.body, "a.md", diags);
  (void)describe(doc);
  (void)smart_punctuation(text.substr(0, 200));
  (void)diags.to_string();
  return 0;
}
