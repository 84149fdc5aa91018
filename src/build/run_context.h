// What a run works from. Its inputs (RunInputs: the config with the command line's overrides,
// the layouts, the data folders, the fonts' faces, the logo's header) are loaded once, before
// anything is planned or any thread starts, and are const after. Its services (RunServices:
// the files read, the fonts, decoded images, parsed strings files, translation sources) are
// filled as handouts need them and are each safe to use from the build's threads. Every step of
// a run gets both as one RunContext.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "assets/image.h"
#include "build/input_files.h"
#include "config/types.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/handout_layout.h"

namespace handout {

/// What a command asks of a run beyond the config; empty fields mean "as the config says".
struct RunRequest {
  std::string config_path = "handout.yaml";
  std::vector<std::string> languages;
  std::vector<std::string> articles;
  std::string layout;
  std::string out_dir;
  std::string patients_path;  ///< a patients' CSV: build each visit's personal copies instead
  std::string patients_out;   ///< where personal copies go (default: the config's patients_output)
};

/// The run's inputs: made by load_run before anything is planned; const after.
struct RunInputs {
  ClinicConfig config;  ///< with the command line's overrides
  /// The config's own `languages`, before `--lang` chose some of them (config.languages).
  std::vector<std::string> config_languages;
  std::vector<std::string> dirs;          ///< the data folders: the clinic's, then handout's
  std::vector<LayoutConfig> layouts;      ///< every layout of the run, the main one first
  std::vector<std::string> layout_paths;  ///< the files they were read from
  HandoutFonts faces;                     ///< the body and heading families, in RunServices::fonts
  std::optional<ImageInfo> logo;          ///< the logo's header (its pixels: decode_logo)
  ImageLimits image_limits;

  const LayoutConfig& main_layout() const { return layouts.front(); }
  const std::string& main_layout_path() const { return layout_paths.front(); }
};

/// Strings files parsed once per run, by path, with their messages (a language's labels are
/// also quoted by every handout's notice). Thread-safe.
class StringsCache {
 public:
  struct Parsed {
    bool ok = false;
    Strings strings;
    Diagnostics diags;
  };
  /// The file at `path`: `parse` fills it on the first call (under the lock: once per run).
  const Parsed& get(const std::string& path, const std::function<void(Parsed&)>& parse);

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Parsed>> parsed_;
};

/// Images decoded once per run, by path, and those that could not be used, with why.
/// Thread-safe: later handouts that place an image share its pixels.
class ImageCache {
 public:
  using Decode = std::function<bool(DecodedImage& image, std::string& error)>;
  /// The image at `path`: `decode` makes it on the first call (under the lock: each image
  /// once per run). Null with `error` when it cannot be used (said again on every call).
  const DecodedImage* get(const std::string& path, const Decode& decode, std::string& error);
  /// The decoded images `doc` places, for its renderer.
  PlacedImages placed(const PagedDocument& doc);

 private:
  std::mutex mutex_;
  ImageSet images_;
  std::map<std::string, std::string> errors_;
};

/// The block hashes of each source article translations record (build/translation_state.h), by
/// path, computed once per run however many translations share a source. Thread-safe.
class SourceHashCache {
 public:
  using Hashes = std::shared_ptr<const std::vector<std::string>>;
  /// The hashes of `path`: `compute` (outside the lock) on the first call; the first answer stands.
  Hashes get(const std::string& path, const std::function<Hashes()>& compute);

 private:
  std::mutex mutex_;
  std::map<std::string, Hashes> hashes_;
};

/// What the handouts of a run share and fill as they go. Each member is thread-safe.
struct RunServices {
  /// Every file the run reads whole, read once: the bytes each reader gets and their hashes
  /// for the manifest.
  InputFiles files;
  /// The families load_run loaded; fallback families are opened when a character needs them.
  FontSet fonts;
  ImageCache images;
  StringsCache strings;
  SourceHashCache source_hashes;
};

/// A run as each step sees it: its inputs, const, and its services.
class RunContext {
 public:
  RunContext(RunInputs inputs, std::unique_ptr<RunServices> services)
      : in(std::move(inputs)), services(*services), owned_(std::move(services)) {}
  RunContext(const RunContext&) = delete;
  const RunContext& operator=(const RunContext&) = delete;

  const RunInputs in;
  RunServices& services;

 private:
  std::unique_ptr<RunServices> owned_;
};

/// Loads the config (with `request`'s overrides), the layouts, the fonts and the logo's header.
/// Null on any error, which is then in `diags`.
std::unique_ptr<RunContext> load_run(const RunRequest& request, Diagnostics& diags);
/// Only the config and the data folders (no layouts, fonts or logo): what `handout translate`
/// needs. Null on an error, which is then in `diags`.
std::unique_ptr<RunContext> load_config_run(const std::string& config_path, Diagnostics& diags);

/// Reads an input file whole through the run's InputFiles, with the size limit's message, and
/// checks its text (check_input_text: a UTF-8 byte-order mark removed, any other encoding an
/// error). False when it cannot be used. `what` names it in errors.
bool read_input(const RunContext& run, const std::string& path, const std::string& what, long long max_bytes,
                std::string& text, Diagnostics& diags);

/// A strings file, parsed once per run: true when it loaded, its messages appended to `diags`.
bool run_strings(const RunContext& run, const std::string& path, Strings& out, Diagnostics& diags);

/// Decodes the logo (once per run), before a handout that prints it is built. False (with an
/// error at the config's logo) when its pixels cannot be used.
bool decode_logo(const RunContext& run, Diagnostics& diags);

/// The largest of a kind of box (a logo's, a figure's) over the run's layouts: images are
/// decoded once, for the layout that prints them biggest.
PlacementBox largest_box(const std::vector<LayoutConfig>& layouts, PlacementBox (*box_of)(const LayoutConfig&));

/// Decodes an image once per run: later handouts that place it share the pixels. Safe to call
/// from several threads.
const DecodedImage* run_image(const RunContext& run, const std::string& path, const PlacementBox& box,
                              std::string& error);

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
