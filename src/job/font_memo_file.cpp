#include "job/font_memo_file.h"

#include "deflate/deflate.h"
#include "job/cache_file.h"
#include "job/file_output.h"
#include "util/text.h"

namespace handout {
namespace {

constexpr const char* kMagic = "handout-fonts 2";  // the format's version
constexpr const char* kFolder = ".handout-cache/fonts/";
constexpr std::size_t kMaxFile = 64u << 20, kMaxRuns = 64u << 20;
// The runs deflated (fast): their text and the faces' names repeat, a third of the bytes
// remain. The subsets are deflated fonts already.
constexpr int kRunsLevel = 1;

// The binary and the shaping engine: either changed, and text may shape or subset differently.
std::string stamp() { return binary_stamp() + " " + shaping_engine(); }

std::string counted(const std::string& bytes) { return std::to_string(bytes.size()) + "\n" + bytes; }

}  // namespace

std::string font_memo_text(const FontMemo::Contents& memo, const std::string& stamp) {
  return cache_file_text(kMagic, stamp,
                         counted(deflate_zlib(font_memo_runs_bytes(memo), kRunsLevel)) + font_memo_subsets_bytes(memo));
}

bool parse_font_memo(const std::string& text, const std::string& stamp, FontMemo::Contents& out) {
  out = {};
  std::string_view payload;
  if (!cache_file_payload(text, kMagic, stamp, payload)) return false;
  const std::size_t line = payload.find('\n');
  std::size_t size = 0;
  for (std::size_t i = 0; i < line && i < 12 && payload[i] >= '0' && payload[i] <= '9'; ++i)
    size = size * 10 + (payload[i] - '0');
  std::string runs;
  if (line == std::string_view::npos || line == 0 || line > 12 || std::to_string(size) != payload.substr(0, line) ||
      size > payload.size() - line - 1 || !inflate_zlib(payload.substr(line + 1, size), kMaxRuns, runs) ||
      !parse_font_memo_runs(runs, out) || !parse_font_memo_subsets(payload.substr(line + 1 + size), out))
    return out = {}, false;
  return true;
}

FontMemo load_font_memo(const std::string& out_dir, const std::string& stem) {
  std::string text;
  FontMemo::Contents earlier;
  if (read_file(join_path(out_dir, kFolder + stem), text) && text.size() <= kMaxFile)
    parse_font_memo(text, stamp(), earlier);
  return FontMemo(std::move(earlier));
}

void save_font_memo(const std::string& out_dir, const std::string& stem, const FontMemo& memo) {
  if (!memo.changed()) return;
  std::string error;
  write_output_file(out_dir, kFolder + stem, font_memo_text(memo.used(), stamp()), error, Durability::kCache);
}

}  // namespace handout
