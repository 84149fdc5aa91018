#include "cli/new_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <ostream>

#include "config/config.h"
#include "config/suggest.h"
#include "cli/exit_code.h"
#include "build/run_context.h"
#include "cli/templates.h"
#include "util/input_file.h"
#include "util/text.h"

namespace handout {
namespace {

// Replaces each @NAME@ of `values` in `text`.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string key = "@" + name + "@";
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  }
  return text;
}

// A template line ending in "# @lang:CODE" is kept (without the marker) only when CODE is one
// of the clinic's languages: handout.yaml shows per-language texts for those it has.
std::string keep_languages(const std::string& text, const std::vector<std::string>& languages) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (const auto marker = line.find("# @lang:"); marker != std::string::npos) {
      const std::string code = line.substr(marker + 8);
      if (std::find(languages.begin(), languages.end(), code) == languages.end()) continue;
      line.erase(marker);
      while (!line.empty() && line.back() == ' ') line.pop_back();
    }
    out += line + '\n';
  }
  return out;
}

// The template of `file` for `lang` (templates/<kind>/<lang>/<file>), else the English one;
// `translated` says whether the English stood in.
std::string language_template(const std::string& kind, const std::string& lang, const std::string& file,
                              bool& translated) {
  auto own = embedded_template(kind + "/" + lang + "/" + file);
  translated = !own;
  return std::string(own ? *own : embedded_template(kind + "/en/" + file).value_or(""));
}

// An English example standing in for a language handout has no text for: marked as a draft
// translation, so the handout says so and `handout check` reports it until someone translates it.
std::string as_draft_translation(const std::string& markdown, const std::string& today) {
  const auto close = markdown.find("\n---\n", 3);
  if (close == std::string::npos) return markdown;
  return markdown.substr(0, close + 1) + "translation: draft\nsource_language: en\ntranslated: " + today + "\n" +
         markdown.substr(close + 1);
}

std::vector<std::string> or_english(const std::vector<std::string>& languages) {
  std::vector<std::string> out;
  for (const auto& code : languages)
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  if (out.empty()) out.push_back("en");
  return out;
}

// "knee-pain" -> "Knee pain": a title to replace, but a readable one.
std::string title_of(const std::string& article) {
  std::string title = article;
  std::replace_if(title.begin(), title.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

// Creates `dir` and its parents.
bool make_dirs(const std::string& dir, std::string& error) {
  for (std::size_t slash = dir.find('/', 1);; slash = dir.find('/', slash + 1)) {
    const std::string part = dir.substr(0, slash);
    if (::mkdir(part.c_str(), 0777) != 0 && errno != EEXIST) {
      error = "cannot create folder '" + part + "': " + std::strerror(errno);
      return false;
    }
    if (slash == std::string::npos) return true;
  }
}

// Writes a file that must not exist yet (O_EXCL: never over one made since the check).
bool write_new_file(const PlannedFile& file, std::string& error) {
  const int fd = ::open(file.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < file.text.size()) {
    const ssize_t n = ::write(fd, file.text.data() + done, file.text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

bool check_languages(const std::vector<std::string>& languages, Diagnostics& diags) {
  for (const auto& code : languages)
    if (!valid_language_code(code))
      diags.error("", 0, 0, "invalid language code '" + code + "' given with --lang (expected a BCP 47 code such as "
                            "en, es, zh-Hans)");
  return !diags.has_errors();
}

bool english_labels(const std::vector<std::string>& dirs, Strings& out, Diagnostics& diags) {
  for (const auto& d : dirs)
    if (const std::string path = join_path(d, "content/en/strings.yaml"); is_file(path))
      return load_strings(path, kDefaultMaxInputBytes, out, diags);
  diags.error("", 0, 0, "no English labels to start from: content/en/strings.yaml is in none of handout's data folders");
  return false;
}

int print_result(const std::vector<PlannedFile>& files, const Diagnostics& diags, std::ostream& out,
                 std::ostream& err) {
  err << diags.to_string();
  if (diags.has_errors()) return kExitConfigError;
  for (const auto& f : files) out << "wrote " << f.path << "\n";
  return kExitOk;
}

std::vector<PlannedFile> plan_init(const std::string& dir, const std::vector<std::string>& languages,
                                   const TemplateValues& values) {
  const auto langs = or_english(languages);
  std::string list;
  for (const auto& code : langs) list += (list.empty() ? "[" : ", ") + code;
  const std::vector<std::pair<std::string, std::string>> common{
      {"SCHEMA_DIR", values.schema_dir}, {"TODAY", values.today}, {"LANGUAGES", list + "]"}};
  std::vector<PlannedFile> files{
      {join_path(dir, "handout.yaml"), keep_languages(fill(std::string(*embedded_template("init/handout.yaml")), common),
                                                      langs)}};
  for (const auto& lang : langs) {
    bool translated = false;
    std::string article = fill(language_template("init", lang, "welcome.md", translated), common);
    if (translated) article = as_draft_translation(article, values.today);
    files.push_back({join_path(dir, "content/" + lang + "/welcome.md"), article});
    files.push_back({join_path(dir, "content/" + lang + "/welcome.resources.yaml"),
                     fill(language_template("init", lang, "welcome.resources.yaml", translated), common)});
  }
  return files;
}

std::vector<PlannedFile> plan_new(const std::string& content_root, const std::string& article,
                                  const std::vector<std::string>& languages, const TemplateValues& values) {
  std::string keyword = title_of(article);
  std::transform(keyword.begin(), keyword.end(), keyword.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; });
  const std::vector<std::pair<std::string, std::string>> fields{{"SCHEMA_DIR", values.schema_dir},
                                                                {"TODAY", values.today},
                                                                {"ARTICLE", article},
                                                                {"TITLE", title_of(article)},
                                                                {"KEYWORD", keyword}};
  std::vector<PlannedFile> files;
  for (const auto& lang : or_english(languages)) {
    bool english = false;  // a skeleton is no translation: the English one stands in unmarked
    const std::string base = join_path(content_root, lang + "/" + article);
    files.push_back({base + ".md", fill(language_template("new", lang, "article.md", english), fields)});
    files.push_back({base + ".resources.yaml", fill(language_template("new", lang, "article.resources.yaml", english), fields)});
  }
  return files;
}

PlannedFile plan_new_language(const std::string& content_root, const std::string& code, const Strings& english,
                              const TemplateValues& values) {
  // LABELS last: the labels' own text is never searched for placeholders.
  return {join_path(content_root, code + "/strings.yaml"),
          fill(std::string(*embedded_template("new-language/strings.yaml")),
               {{"SCHEMA_DIR", values.schema_dir}, {"LANG", code}, {"LABELS", untranslated_strings_yaml(english, "en")}})};
}

bool write_new_files(const std::vector<PlannedFile>& files, Diagnostics& diags) {
  struct stat st{};
  for (const auto& f : files)
    if (::lstat(f.path.c_str(), &st) == 0) {
      diags.error(f.path, 0, 0, "already exists; nothing was written (this command never overwrites a file)");
      return false;
    }
  for (const auto& f : files) {
    std::string error;
    if (!make_dirs(dir_of(f.path), error)) {
      diags.error("", 0, 0, error);
      return false;
    }
    if (!write_new_file(f, error)) {
      diags.error(f.path, 0, 0, "cannot write: " + error);
      return false;
    }
  }
  return true;
}

std::string today_iso() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {  // as `handout check` reads it
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
  return day;
}

std::string schema_dir() {
  // The tool's own data folder is the last one data_dirs searches (the first is the clinic's),
  // so this follows wherever the build or an installation puts it.
  const auto dirs = data_dirs(ClinicConfig{});
  std::string dir = join_path(dirs.back(), "schema");
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it)
    if (!it->empty() && is_file(join_path(*it, "schema/handout.schema.json"))) {
      dir = join_path(*it, "schema");
      break;
    }
  char resolved[PATH_MAX];
  return ::realpath(dir.c_str(), resolved) ? std::string(resolved) : dir;
}

}  // namespace handout
