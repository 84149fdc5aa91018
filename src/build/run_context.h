// What a run loads once and every handout shares: the config with the command line's
// overrides, the layout, the fonts and the decoded images.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "assets/image.h"
#include "config/types.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "cli/build.h"
#include "build/input_files.h"
#include "layout/handout_layout.h"

namespace handout {

/// Everything loaded once per run and shared by all handouts.
struct RunContext {
  ClinicConfig config;
  /// The config's own `languages`, before `--lang` chose some of them (config.languages).
  std::vector<std::string> config_languages;
  std::vector<LayoutConfig> layouts;       ///< every layout of the run, the main one first
  std::vector<std::string> layout_paths;   ///< the files they were read from
  LayoutConfig layout;                     ///< the main layout (layouts.front())
  FontSet fonts;
  HandoutFonts faces;
  std::optional<ImageInfo> logo;
  std::vector<std::string> dirs;
  std::string layout_path;  ///< the layout file read
  ImageLimits image_limits;
  ImageSet images;                                  // every image decoded so far, by path
  std::map<std::string, std::string> image_errors;  // images that could not be used, and why
  std::mutex images_mutex;                          // handouts built in parallel share the two maps
  std::vector<Tagline> taglines;  ///< the language-assistance notice, the same on every handout
  /// Every file the run reads whole, read once: the bytes each reader gets and their hashes
  /// for the manifest. Mutable: reading through it changes nothing a reader of the run sees.
  mutable InputFiles files;
  /// Strings files parsed this run, by path, with their messages (a language's labels are also
  /// quoted by every handout's notice).
  struct ParsedStrings {
    bool ok = false;
    Strings strings;
    Diagnostics diags;
  };
  mutable std::map<std::string, std::unique_ptr<ParsedStrings>> strings;
  mutable std::mutex strings_mutex;
  /// The block hashes of each source article translations record (src/build/translation_state.h),
  /// by path, computed once per run however many translations share a source.
  mutable std::map<std::string, std::shared_ptr<const std::vector<std::string>>> source_hashes;
  mutable std::mutex source_hashes_mutex;
};

/// Reads an input file whole through the run's InputFiles, with the size limit's message, and
/// checks its text (check_input_text: a UTF-8 byte-order mark removed, any other encoding an
/// error). False when it cannot be used. `what` names it in errors.
bool read_input(const RunContext& run, const std::string& path, const std::string& what, long long max_bytes,
                std::string& text, Diagnostics& diags);

/// A strings file, parsed once per run: true when it loaded, its messages appended to `diags`.
bool run_strings(const RunContext& run, const std::string& path, Strings& out, Diagnostics& diags);

/// Loads the config (with the command line's overrides), layout, fonts and the logo's header.
/// False on any error, which is then in `diags`.
bool load_run(const BuildOptions& opt, RunContext& run, Diagnostics& diags);
/// Decodes the logo (once per run), before a handout that prints it is built. False (with an
/// error at the config's logo) when its pixels cannot be used.
bool decode_logo(RunContext& run, Diagnostics& diags);

/// The largest of a kind of box (a logo's, a figure's) over the run's layouts: images are
/// decoded once, for the layout that prints them biggest.
PlacementBox largest_box(const std::vector<LayoutConfig>& layouts, PlacementBox (*box_of)(const LayoutConfig&));

/// Decodes an image once per run: later handouts that place it share the pixels. Safe to call
/// from several threads.
const DecodedImage* run_image(RunContext& run, const std::string& path, const PlacementBox& box, std::string& error);
/// The decoded images `doc` places, for its renderer.
PlacedImages placed_images(RunContext& run, const PagedDocument& doc);

/// The content folder of a language: the first data folder that has it.
std::string content_dir(const RunContext& run, const std::string& lang);
/// A language's labels: the first data folder's content/<lang>/strings.yaml (the clinic's own,
/// else the program's defaults); when none has one, the clinic's own path (for the error).
std::string strings_file(const RunContext& run, const std::string& lang);

/// The article names (file names without .md) in a folder, sorted.
std::vector<std::string> articles_in(const std::string& dir);

/// The languages with labels in any of `dirs` (content/<code>/strings.yaml: the clinic's own
/// and those shipped with handout), sorted, each once: what a language code may have meant.
std::vector<std::string> languages_with_labels(const std::vector<std::string>& dirs);
/// True when a folder content/<code>/ exists in any of `dirs`: the language is one of the
/// clinic's (or handout's), even without labels of its own.
bool has_language_folder(const std::vector<std::string>& dirs, const std::string& code);

}  // namespace handout
