// The incremental build's record: files known by their stamps and the hashes of the bytes a run
// read, the manifest's blocks (round trip, damage, torn writes, concurrent appends), shards.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>

#include "hash/content_hash.h"
#include "build/file_output.h"
#include "build/input_files.h"
#include "build/manifest.h"
#include "test_support.h"
#include "util/text.h"

namespace handout {
namespace {

TEST_CASE("a run reads each input once: later readers get the bytes hashed, whatever the file does meanwhile") {
  const std::string dir = test::scratch_dir("inputs");
  test::write_file(dir + "/a.yaml", "phone: 555-0142\n");
  InputFiles files;
  const InputFiles::File& first = files.read(dir + "/a.yaml", 1 << 20);
  REQUIRE(first.bytes);
  CHECK(first.state.kind == InputState::Kind::File);
  CHECK(first.state.hash == content_hash("phone: 555-0142\n"));
  CHECK(first.state.racy);  // written a moment ago: its stamp proves nothing yet
  test::write_file(dir + "/a.yaml", "phone: 555-0199\n");
  const InputFiles::File& again = files.read(dir + "/a.yaml", 1 << 20);
  CHECK(*again.bytes == "phone: 555-0142\n");  // what the run used, recorded with its hash
  CHECK(files.read_state(dir + "/./a.yaml")->hash == first.state.hash);  // one file, however named
  // The stamp sees the change even with the size and time put back (ctime cannot be).
  const InputState now = look_at(dir + "/a.yaml");
  CHECK(now.stamp.size == first.state.stamp.size);
  REQUIRE(std::system(("touch -d '2020-01-01' " + dir + "/a.yaml").c_str()) == 0);
  CHECK(look_at(dir + "/a.yaml").stamp != first.state.stamp);
  CHECK(look_at(dir + "/a.yaml").stamp.ctime_ns != 0);
  // Not inputs: a folder, a FIFO (never blocks), a missing file, one over the limit.
  REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0600) == 0);
  CHECK_FALSE(files.read(dir + "/fifo", 1 << 20).bytes);
  CHECK(files.read(dir, 1 << 20).error == "it is a folder");
  CHECK(files.read(dir + "/none", 1 << 20).state.kind == InputState::Kind::Absent);
  test::write_file(dir + "/big", std::string(5000, 'x'));
  CHECK(files.read(dir + "/big", 4096).error == "too large");
  CHECK(look_at(dir).kind == InputState::Kind::Folder);
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

ManifestEntry sample_entry(const std::string& pdf) {
  ManifestEntry e;
  e.pdf = pdf;
  e.layout = "large-print";
  e.pages = 4;
  e.program = 0x0123456789abcdefULL;
  e.settings = "version 0.1.0";
  e.output = {InputState::Kind::File, {1, 2, 3000, 4, 5}, 0xfeedULL, true};
  e.inputs.push_back({"/clinic/with space/handout.yaml", {InputState::Kind::File, {7, 8, 9, 10, 11}, 12, false}});
  e.inputs.push_back({"/clinic/line\nbreak\tand \\ tab.md", {InputState::Kind::Absent, {}, 0, false}});
  e.inputs.push_back({"/clinic/content/en", {InputState::Kind::Folder, {}, 0, false}});
  e.families.push_back({"Noto Sans", {"/f/NotoSans-Regular.ttf", "/f/NotoSans-Bold.ttf", "", ""}});
  e.families.push_back({"Noto Sans CJK JP", {"/f/NotoSansCJK-Regular.ttc#1", "", "", ""}});
  return e;
}

void same(const ManifestEntry& a, const ManifestEntry& b) {
  CHECK(a.pdf == b.pdf);
  CHECK(a.layout == b.layout);
  CHECK(a.pages == b.pages);
  CHECK(a.program == b.program);
  CHECK(a.settings == b.settings);
  CHECK(a.output == b.output);
  CHECK(a.inputs == b.inputs);
  CHECK(a.families == b.families);
}

TEST_CASE("manifest blocks read back as written; the last intact block of a PDF is its record") {
  const ManifestEntry e = sample_entry("en/a.large-print.pdf");
  Manifest m;
  m.parse("handout-manifest 3\n" + manifest_block(e));
  REQUIRE(m.find("en/a.large-print.pdf"));
  same(*m.find("en/a.large-print.pdf"), e);
  ManifestEntry newer = e;
  newer.pages = 5;
  Manifest twice;
  twice.parse("handout-manifest 3\n" + manifest_block(e) + manifest_block(newer));
  CHECK(twice.find("en/a.large-print.pdf")->pages == 5);
  CHECK(twice.blocks() == 2);
  CHECK(twice.entries().size() == 1);
}

TEST_CASE("a damaged, torn or foreign block is ignored, and never hides the blocks after it") {
  const std::string a = manifest_block(sample_entry("en/a.pdf")), b = manifest_block(sample_entry("es/b.pdf"));
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {  // every byte of the first block altered, but its last newline
    std::string text = "handout-manifest 3\n" + a + b;
    text[19 + i] ^= 0x01;
    Manifest m;
    m.parse(text);
    CAPTURE(i);
    CHECK(m.find("es/b.pdf"));
    if (m.find("en/a.pdf")) CHECK(m.find("en/a.pdf")->pages == 4);  // only if the byte did not matter
  }
  // A crash mid-append, then the next run's append, which starts on a line of its own.
  const std::string dir = test::scratch_dir("manifest-torn");
  test::write_file(dir + "/.handout-manifest", "handout-manifest 3\n" + a.substr(0, a.size() / 2));
  {
    ManifestWriter w(dir);
    std::string error;
    REQUIRE(w.append(sample_entry("es/b.pdf"), error));
  }
  Manifest torn;
  torn.load(dir);
  CHECK_FALSE(torn.find("en/a.pdf"));
  CHECK(torn.find("es/b.pdf"));
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
  Manifest old;  // another format: everything is built again
  old.parse("handout-manifest 2\n" + a);
  CHECK(old.entries().empty());
  Manifest escape;  // a path leaving the output folder is not ours
  escape.parse("handout-manifest 3\n" + manifest_block(sample_entry("../x.pdf")));
  CHECK(escape.entries().empty());
}

TEST_CASE("appends from several processes at once all arrive whole; nothing is written through a link") {
  const std::string dir = test::scratch_dir("manifest");
  const pid_t child = ::fork();
  if (child == 0) {
    ManifestWriter w(dir);
    std::string error;
    for (int i = 0; i < 200; ++i)
      if (!w.append(sample_entry("es/c" + std::to_string(i) + ".pdf"), error)) std::_Exit(1);
    std::_Exit(0);
  }
  {
    ManifestWriter w(dir);
    std::string error;
    for (int i = 0; i < 200; ++i) CHECK(w.append(sample_entry("en/p" + std::to_string(i) + ".pdf"), error));
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WEXITSTATUS(status) == 0);
  Manifest m;
  m.load(dir);
  CHECK(m.entries().size() == 400);
  CHECK(m.blocks() == 400);
  // Compaction keeps the last block of each PDF still there (none is: all are dropped).
  test::write_file(dir + "/kept.txt", "");
  REQUIRE(std::system(("mkdir -p " + dir + "/en && touch " + dir + "/en/p1.pdf").c_str()) == 0);
  {
    ManifestWriter w(dir);
    w.compact_if_grown(m.blocks());
  }
  Manifest compacted;
  compacted.load(dir);
  CHECK(compacted.entries().size() == 1);
  CHECK(compacted.find("en/p1.pdf"));
  // A manifest that is a link (to /dev/zero, say) is neither read nor written through.
  REQUIRE(std::system(("rm " + dir + "/.handout-manifest && ln -s /dev/zero " + dir + "/.handout-manifest").c_str()) == 0);
  Manifest none;
  none.load(dir);
  CHECK(none.entries().empty());
  ManifestWriter w(dir);
  std::string error;
  CHECK_FALSE(w.append(sample_entry("en/a.pdf"), error));
  CHECK(error == "it is a symbolic link");
  CHECK(w.failure() == error);
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

TEST_CASE("a manifest of another format is started anew by the first append") {
  const std::string dir = test::scratch_dir("manifest-old");
  test::write_file(dir + "/.handout-manifest", "handout-manifest 2\npdf 0123456789abcdef 4 0.1.0 letter en/a.pdf\n");
  {
    ManifestWriter w(dir);
    std::string error;
    REQUIRE(w.append(sample_entry("es/b.pdf"), error));
  }
  Manifest m;
  m.load(dir);
  CHECK(m.find("es/b.pdf"));
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

TEST_CASE("a run that writes nothing leaves no manifest") {
  const std::string dir = test::scratch_dir("manifest-none");
  {
    ManifestWriter w(dir);
    w.compact_if_grown(1000);
  }
  CHECK_FALSE(is_file(dir + "/.handout-manifest"));
  CHECK(std::system(("rm -rf " + dir).c_str()) == 0);
}

}  // namespace
}  // namespace handout
