// Incremental builds on top of the manifest: what a handout will read, decided before it is
// built and compared with its record; the record of a handout just written; the PDFs in the
// output folder that no longer belong to the build.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "build/article_input.h"
#include "build/language_catalogue.h"
#include "build/manifest.h"
#include "build/run_context.h"

namespace handout {

/// An input known before a handout is built, and what about it matters.
struct PlannedInput {
  enum class Check {
    Content,   ///< a file read whole: the bytes (its hash), known by its stamp while that holds
    Stamp,     ///< a file known by its stamp alone (hyphenation patterns)
    Presence,  ///< a path searched before the one used: absent, or a folder, must stay so
  };
  std::string path;  ///< absolute
  Check check = Check::Content;
  InputState seen;   ///< what the run saw there when it planned
};

/// What `job` reads that is known before it is built: the config; its layout file, the strings
/// of its languages and the content folder, each with the data folders searched before the
/// one used; the article (or its absence, which sends the handout to the fallback language);
/// the strings quoted by the notice's taglines; the hyphenation patterns; the logo.
std::vector<PlannedInput> planned_inputs(const RunContext& run, const HandoutJob& job);

/// What the run that builds `pdf` (relative) with `layout` stands for beyond its inputs: the
/// program that builds it and the tool's version.
ManifestEntry entry_for(const std::string& pdf, const std::string& layout);

/// True when `recorded` still describes the handout: the same program and layout, every input
/// this run plans recorded, every recorded input as it was (by stamp when the stamp is
/// trustworthy, else by the hash of its bytes, read through the run's InputFiles), every font
/// family found in the same files, and the PDF as it was written. When inputs recorded as
/// racy proved unchanged and are racy no longer, `refreshed` (if given) gets the record with
/// their stamps, for the manifest. When it is not current, `why` (if given) says why.
bool still_current(const ManifestEntry& recorded, const ManifestEntry& now, const std::vector<PlannedInput>& planned,
                   const RunContext& run, ManifestEntry* refreshed = nullptr, std::string* why = nullptr);

/// Completes `entry` for a handout just written from `pdf` bytes: the planned inputs as they
/// were read, the resource list and images the article brought, the font families it looked
/// at (`families`) and their files, the PDF's state.
void record_inputs(const RunContext& run, const Article& article, const std::vector<PlannedInput>& planned,
                   const std::vector<FontSet::Consulted>& families, const std::string& pdf_path,
                   const std::string& pdf, ManifestEntry& entry);

/// Thumbnails of the catalogue page (thumbnails/<lang>/<name>.png, relative to `out_dir`) whose
/// handout is not in `expected` (<lang>/<name>.pdf): left by a handout no longer built.
std::vector<std::string> stale_thumbnails(const std::string& out_dir, const std::set<std::string>& expected);

/// PDFs in the output folder (`<lang>/<name>.pdf` in a real folder, or named in the manifest)
/// that are not in `expected` (paths relative to the output folder), sorted.
std::vector<std::string> stale_pdfs(const std::string& out_dir, const std::set<std::string>& expected,
                                    const Manifest& manifest);

}  // namespace handout
