// What a run loads once and every handout shares: the config with the command line's
// overrides, the layout, the fonts and the decoded images.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "assets/image.h"
#include "config/types.h"
#include "diag/diagnostic.h"
#include "fonts/font_set.h"
#include "job/build_job.h"
#include "job/config_cache.h"
#include "job/strings_cache.h"
#include "layout/handout_layout.h"

namespace handout {

/// Everything loaded once per run and shared by all handouts.
struct RunContext {
  ClinicConfig config;
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
  bool keep_images = false;  ///< use and fill the output folder's image cache (builds, not checks)
  std::map<std::string, std::string> images_to_keep;  // decoded this run: path -> cache entry
  std::vector<Tagline> taglines;  ///< the language-assistance notice, the same on every handout
  /// Strings files parsed in earlier builds into this output folder (builds, not checks). Mutable:
  /// reading through it changes nothing a reader of the run sees.
  mutable StringsCache strings_cache;
  /// The config parsed in an earlier build into this output folder (read by checks too).
  ConfigCache config_cache;
};

/// Loads the config (with the command line's overrides), layout, fonts and logo. False on
/// any error, which is then in `diags`.
bool load_run(const BuildOptions& opt, RunContext& run, Diagnostics& diags);

/// The largest of a kind of box (a logo's, a figure's) over the run's layouts: images are
/// decoded once, for the layout that prints them biggest.
PlacementBox largest_box(const std::vector<LayoutConfig>& layouts, PlacementBox (*box_of)(const LayoutConfig&));

/// Decodes an image once per run: later handouts that place it share the pixels. Safe to call
/// from several threads.
const DecodedImage* run_image(RunContext& run, const std::string& path, const PlacementBox& box, std::string& error);
/// The decoded images `doc` places, for its renderer.
/// Writes the images this run decoded into the output folder's cache (src/job/image_cache.h).
/// A build calls it after writing its handouts, so a run that fails early writes nothing.
void keep_images(RunContext& run);

PlacedImages placed_images(RunContext& run, const PagedDocument& doc);

/// The content folder of a language: the first data folder that has it.
std::string content_dir(const RunContext& run, const std::string& lang);
/// A language's labels: the first data folder's content/<lang>/strings.yaml (the clinic's own,
/// else the program's defaults); when none has one, the path in content_dir (for the error).
std::string strings_file(const RunContext& run, const std::string& lang);

/// The article names (file names without .md) in a folder, sorted.
std::vector<std::string> articles_in(const std::string& dir);

}  // namespace handout
