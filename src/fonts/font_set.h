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

/// Families of four faces each, found as fonts/<FamilyWithoutSpaces>-<Style>.ttf.
class FontSet {
 public:
  /// Loads a family's four faces from the first data dir that has them; reports missing files
  /// at `at`. Returns the family index, or -1 on error. Loading the same family twice is free.
  int load_family(const std::string& family, const std::vector<std::string>& dirs,
                  const SourcePos& at, Diagnostics& diags);
  /// The face id for a family index and style.
  FontId face_id(int family, FaceStyle style) const { return family * 4 + static_cast<int>(style); }
  const FontFace& face(FontId id) const { return *faces_.at(id); }
  std::size_t size() const { return faces_.size(); }

 private:
  std::vector<std::string> families_;
  std::vector<std::unique_ptr<FontFace>> faces_;
};

/// The file name stem of a family: "Noto Sans" -> "NotoSans".
std::string family_file_stem(const std::string& family);

}  // namespace handout
