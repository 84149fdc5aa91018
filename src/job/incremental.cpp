#include "job/incremental.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "config/config.h"
#include "util/text.h"

namespace handout {
namespace {

// Names in a folder, sorted; `dirs` picks folders, else regular files.
std::vector<std::string> list(const std::string& dir, bool dirs) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    struct stat st {};
    // lstat: a symbolic link (to a folder or file elsewhere) is never listed, so never pruned.
    if (name[0] == '.' || ::lstat(join_path(dir, name).c_str(), &st) != 0) continue;
    if (dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) out.push_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// The places searched before the data folder `used` was found in: each is an input while empty.
void add_shadowing(const RunContext& run, const std::string& relative, const std::string& used,
                   std::set<std::string>& files) {
  for (const auto& d : run.dirs) {
    const std::string candidate = join_path(d, relative);
    if (candidate == used) return;
    files.insert(kAbsentPrefix + candidate);
  }
}

}  // namespace

std::vector<std::string> handout_inputs(const RunContext& run, const HandoutJob& job, const Article& article,
                                        const PagedDocument& doc) {
  std::set<std::string> files{"/proc/self/exe", run.config.path, run.layout_paths[job.layout],
                              job.content->strings_path, article.path};
  if (job.asked != job.content && job.asked->strings_ok) files.insert(job.asked->strings_path);
  for (const auto& tagline : run.taglines) files.insert(tagline.strings_path);  // the notice quotes each
  if (!article.resources_path.empty()) files.insert(article.resources_path);
  add_shadowing(run, "content/" + job.content->code + "/strings.yaml", job.content->strings_path, files);
  add_shadowing(run, "content/" + job.content->code + "/" + job.name + ".md", article.path, files);
  add_shadowing(run, "layouts/" + run.config.layouts[job.layout] + ".yaml", run.layout_paths[job.layout], files);
  for (const auto& [url, image] : article.images) files.insert(image.path);
  if (!run.config.clinic.logo_path.empty()) files.insert(run.config.clinic.logo_path);
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* t = std::get_if<TextItem>(&item)) {
        const std::string& path = run.fonts.face(t->font).path();
        files.insert(path.substr(0, path.rfind('#') == std::string::npos ? path.size() : path.rfind('#')));
      }
  for (const auto& d : run.dirs) files.insert(kFolderPrefix + join_path(d, "fonts"));
  files.erase("");
  // Absolute, so a run from another folder finds the same files.
  std::vector<std::string> out;
  char buf[PATH_MAX];
  const std::string cwd = ::getcwd(buf, sizeof buf) ? buf : ".";
  for (const auto& f : files) {
    const char* prefix = f.rfind(kFolderPrefix, 0) == 0 ? kFolderPrefix : f.rfind(kAbsentPrefix, 0) == 0 ? kAbsentPrefix : "";
    const std::string path = f.substr(std::strlen(prefix));
    out.push_back(prefix + (path[0] == '/' ? path : join_path(cwd, path)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> stale_pdfs(const std::string& out_dir, const std::set<std::string>& expected,
                                    const Manifest& manifest) {
  std::set<std::string> found;
  for (const auto& lang : list(out_dir, true))
    if (valid_language_code(lang))
      for (const auto& file : list(join_path(out_dir, lang), false))
        if (file.size() > 4 && file.ends_with(".pdf")) found.insert(lang + "/" + file);
  for (const auto& [pdf, entry] : manifest.entries())
    if (is_file(join_path(out_dir, pdf))) found.insert(pdf);
  std::vector<std::string> out;
  for (const auto& pdf : found)
    if (!expected.count(pdf)) out.push_back(pdf);
  return out;
}

std::vector<std::string> stale_thumbnails(const std::string& out_dir, const std::set<std::string>& expected) {
  std::vector<std::string> out;
  const std::string root = join_path(out_dir, "thumbnails");
  for (const auto& lang : list(root, true))
    if (valid_language_code(lang))
      for (const auto& file : list(join_path(root, lang), false))
        if (file.size() > 4 && file.ends_with(".png") && !expected.count(lang + "/" + file.substr(0, file.size() - 4) + ".pdf"))
          out.push_back("thumbnails/" + lang + "/" + file);
  return out;
}

}  // namespace handout
