// libFuzzer target: an article file (front matter and Markdown, Word's bullets made a list) to the
// document model.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config.h"
#include "content/markdown.h"
#include "content/pasted_text.h"
#include "util/input_file.h"

using namespace handout;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Diagnostics diags;
  // Read the way the tool reads an article: text that is not UTF-8 never reaches the parsers.
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!check_input_text(text, "a.md", diags)) return 0;
  const ArticleSource src = split_front_matter(text);
  ArticleMeta meta;
  if (src.front_matter_line > 0) parse_front_matter(src.front_matter, "a.md", src.front_matter_line, meta, diags);
  const Document doc = parse_markdown(normalise_pasted_bullets(src.body, "a.md", diags), "a.md", diags);
  (void)describe(doc);
  (void)smart_punctuation(text.substr(0, 200));
  (void)diags.to_string();
  return 0;
}
