// The faces a run uses, loaded once and shared by every handout of the run.
#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "fonts/font_face.h"
#include "fonts/system_fonts.h"

namespace handout {

/// Index of a face in a FontSet; layout items refer to fonts by this id.
using FontId = int;

enum class FaceStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

/// Families of four faces each, plus a fallback chain of families for characters the chosen
/// face does not cover. A family's files are found as fonts/<FamilyWithoutSpaces>-<Style>.ttf
/// in the data folders, then in the folders Debian installs Noto into, then through fontconfig.
class FontSet {
 public:
  /// Loads a family now. Regular is required; a missing Bold, Italic or BoldItalic is stood in
  /// for by the nearest face the family has (scripts such as Chinese have no italics). Reports
  /// missing or damaged files at `at`. Returns the family index, or -1. Loading the same family
  /// twice is free.
  int load_family(const std::string& family, const std::vector<std::string>& dirs, const SourcePos& at,
                  Diagnostics& diags);
  /// Registers a family that is found and loaded only when a character needs it (fallbacks:
  /// an English handout never opens the Thai font). Returns the family index.
  int add_lazy_family(const std::string& family, const std::vector<std::string>& dirs);
  /// The face id for a family index and style.
  FontId face_id(int family, FaceStyle style) const { return family * 4 + static_cast<int>(style); }
  /// A face; its family must have loaded (every face layout picks has).
  const FontFace& face(FontId id) const;
  /// Where a family's four faces are: fonts/<Stem>-<Style>.ttf in the data folders, then
  /// Debian's Noto folders and collections, then fontconfig (which may be asked nothing).
  struct Location {
    SystemFont files[4];
    std::string tried;  ///< the files looked for, for a message when Regular is not found
    /// "path" or "path#index" of a style, "" when the family lacks it.
    std::string file(int style) const;
  };
  static Location locate(const std::string& family, const std::vector<std::string>& dirs);
  /// locate(), asked once per run for each family (every handout's record names the same
  /// families): the first answer stands for the run. Thread-safe.
  Location locate_once(const std::string& family, const std::vector<std::string>& dirs) const;
  /// A family a handout looked at, where it was found and each face's file state (empty when
  /// that style is not a file of its own).
  struct Consulted {
    std::string name;
    Location location;
    InputState states[4];
  };
  /// While one lives, the families the calling thread looks at (a face drawn, a fallback tried
  /// for a character) are noted: what one handout's text depended on. Thread-local, nestable.
  class Consultation {
   public:
    explicit Consultation(const FontSet& set);
    ~Consultation();
    Consultation(const Consultation&) = delete;
    Consultation& operator=(const Consultation&) = delete;
    /// The families noted, where they were found and each face's file state.
    std::vector<Consulted> families() const;

   private:
    const FontSet& set_;
    std::vector<bool> seen_;
    std::vector<bool>* previous_;
  };
  /// Why lazy families could not be loaded, one message each.
  std::vector<std::string> problems() const;
  /// True for a bold face that its family lacks and the regular face stands in for (most CJK
  /// fonts): the renderer then emboldens the strokes itself.
  bool needs_synthetic_bold(FontId id) const;
  /// True for an italic face its family lacks (Chinese, Korean, Arabic, Thai fonts): the
  /// upright face stands in for it.
  bool italic_stands_in(FontId id) const;

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
  struct Family {
    std::string name;
    std::vector<std::string> dirs;
    std::shared_ptr<FontFace> faces[4];  // shared: a missing style reuses another face
    std::string problem;                 // why it could not be loaded
    std::once_flag loaded;
    Location location;                   // set once loaded is done
    std::atomic<bool> located{false};
  };
  void load(Family& f, Diagnostics* diags, const SourcePos& at) const;
  void open_faces(Family& f, Diagnostics* diags, const SourcePos& at) const;
  Family& family_of(FontId id) const;
  bool covers(FontId id, char32_t c) const;
  std::vector<int> chain(const std::string& lang) const;  // the fallback order for a language

  std::vector<std::unique_ptr<Family>> families_;
  mutable std::map<std::string, Location> located_;  // locate_once's answers
  mutable std::mutex located_mutex_;
  std::vector<int> fallbacks_;
  std::vector<std::pair<std::string, std::vector<int>>> by_language_;
};

/// The file name stem of a family: "Noto Sans" -> "NotoSans".
std::string family_file_stem(const std::string& family);

}  // namespace handout
