// What one handout asked of its fonts, kept between builds of that handout: the runs it shaped
// and the subsets it embedded. HarfBuzz spends most of a handout's shaping time reading each
// face's layout tables the first time, and hb-subset and deflate most of the rest; a handout
// built again from unchanged text (a forced build, a new phone number in the config) takes
// both from its memo. The job keeps a memo per handout in the output folder
// (job/font_memo_file); this module only fills and consults it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace handout {

/// A glyph as HarfBuzz placed it, in font units (FontFace::shape returns it in em).
struct RawGlyph {
  std::uint32_t id = 0;
  std::uint32_t cluster = 0;  ///< relative to the run
  std::int32_t advance = 0, dx = 0, dy = 0;
  bool unsafe_to_break = false;
  bool operator==(const RawGlyph&) const = default;
};

/// While a memo is current on a thread (FontMemo::Use), FontFace::shape and FontFace::subset
/// take what an earlier build got from the same face file for the same input, and record all
/// they return. Keys name the face (its file, size and time) and everything HarfBuzz saw.
class FontMemo {
 public:
  /// A subset as a PDF embeds it (FontFace::Subset without the uncompressed file).
  struct Subset {
    bool cff = false;
    std::vector<unsigned> codes;
    std::string deflated;
    std::size_t file_size = 0;
    bool operator==(const Subset&) const = default;
  };
  struct Contents {
    std::unordered_map<std::string, std::vector<RawGlyph>> runs;
    std::unordered_map<std::string, Subset> subsets;
    bool operator==(const Contents&) const = default;
  };
  FontMemo() = default;
  /// A memo holding what an earlier build used.
  explicit FontMemo(Contents earlier) : earlier_(std::move(earlier)) {}

  /// What an earlier build got for `key`, or null.
  const std::vector<RawGlyph>* find_run(const std::string& key) const;
  const Subset* find_subset(const std::string& key) const;
  /// Notes what this build used.
  void record_run(const std::string& key, const std::vector<RawGlyph>& glyphs);
  void record_subset(const std::string& key, const Subset& subset);
  /// What this build used.
  const Contents& used() const { return used_; }
  /// True when this build used anything else than the earlier one (the memo is worth saving).
  bool changed() const { return !(used_ == earlier_); }

  /// Makes a memo current on this thread for the life of the object (null: none).
  class Use {
   public:
    explicit Use(FontMemo* memo);
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    FontMemo* previous_;
  };
  /// The memo current on this thread, or null.
  static FontMemo* current();

 private:
  Contents earlier_, used_;
};

/// The engine that shaped and subset (HarfBuzz and its version): memos of another are not used.
std::string shaping_engine();

/// The runs in a compact binary form (variable-length integers), and back.
std::string font_memo_runs_bytes(const FontMemo::Contents& memo);
/// The subsets in binary form (their deflated fonts as they are), and back.
std::string font_memo_subsets_bytes(const FontMemo::Contents& memo);
/// Both readers leave their part empty and return false for bytes damaged or cut short.
bool parse_font_memo_runs(std::string_view bytes, FontMemo::Contents& out);
bool parse_font_memo_subsets(std::string_view bytes, FontMemo::Contents& out);

/// Appends `values` (characters, glyph ids) to `key`, seven bits a byte: unambiguous, and most
/// text takes one or two bytes a character.
template <typename Values>
void append_key_numbers(std::string& key, const Values& values) {
  for (auto v : values) {
    auto n = static_cast<std::uint32_t>(v);
    for (; n >= 0x80; n >>= 7) key += static_cast<char>((n & 0x7F) | 0x80);
    key += static_cast<char>(n);
  }
}

}  // namespace handout
