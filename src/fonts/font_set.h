// The faces a run uses, loaded once and shared by every handout of the run.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "fonts/font_face.h"

namespace handout {

/// Index of a face in a FontSet; layout items refer to fonts by this id.
using FontId = int;

enum class FaceStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

/// Families of four faces each, found as fonts/<FamilyWithoutSpaces>-<Style>.ttf, plus a
/// fallback chain of families for characters the chosen face does not cover.
class FontSet {
 public:
  /// Loads a family from the first data dir that has it. Regular is required; a missing Bold,
  /// Italic or BoldItalic is stood in for by the nearest face the family has (scripts such as
  /// Chinese have no italics). Reports missing files at `at`. Returns the family index, or -1.
  /// Loading the same family twice is free.
  int load_family(const std::string& family, const std::vector<std::string>& dirs, const SourcePos& at,
                  Diagnostics& diags);
  /// The face id for a family index and style.
  FontId face_id(int family, FaceStyle style) const { return family * 4 + static_cast<int>(style); }
  const FontFace& face(FontId id) const { return *faces_.at(id); }
  /// True for a bold face that its family lacks and the regular face stands in for (most CJK
  /// fonts): the renderer then emboldens the strokes itself.
  bool needs_synthetic_bold(FontId id) const {
    const int style = id % 4;
    return (style == 1 || style == 3) && faces_.at(id) == faces_.at(id - style);
  }
  std::size_t size() const { return faces_.size(); }

  /// Families tried, in order, for a character the preferred face lacks.
  void set_fallbacks(std::vector<int> families) { fallbacks_ = std::move(families); }
  /// Families tried first for text in `language` (a primary tag such as "ko" or "ja", or a
  /// whole code such as "zh-Hant"), as browsers prefer a Korean font for Korean: Han characters
  /// and punctuation take that language's forms.
  void prefer_for_language(const std::string& language, std::vector<int> families);
  /// The face to draw `c` with: `preferred` if it covers it, else the same style of the first
  /// fallback family that does. `covered` is false when none does (then `preferred` is returned).
  FontId resolve(FontId preferred, char32_t c, bool& covered, const std::string& lang = "") const;
  /// The same style of the first fallback family that covers every character of `text`, or -1.
  FontId resolve_all(FontId preferred, const std::u32string& text, const std::string& lang = "") const;

 private:
  std::vector<std::string> families_;
  std::vector<std::shared_ptr<FontFace>> faces_;  // shared: a missing style reuses another face
  std::vector<int> fallbacks_;
  std::vector<std::pair<std::string, std::vector<int>>> by_language_;
  std::vector<int> chain(const std::string& lang) const;  // the fallback order for a language
};

/// The file name stem of a family: "Noto Sans" -> "NotoSans".
std::string family_file_stem(const std::string& family);

}  // namespace handout
