// The frame of the files kept in <out>/.handout-cache (parsed strings, shape memos): a line
// naming the format, a stamp naming the program that wrote it, a checksum of what follows. A
// file written by another binary, damaged or cut short is ignored whole: a cache only ever
// saves time, and a build without it writes the same bytes.
#pragma once
#include <string>
#include <string_view>

namespace handout {

/// The running program: its version, size and time (a rebuilt binary may read or lay out text
/// differently, so it starts afresh).
std::string binary_stamp();

/// `payload` behind the frame: `magic`, then `stamp`, then the payload's checksum.
std::string cache_file_text(std::string_view magic, std::string_view stamp, std::string_view payload);
/// The payload of `text` framed with this `magic` and `stamp`; false when the text is damaged,
/// truncated, of another format or stamped otherwise (or `stamp` is empty).
bool cache_file_payload(std::string_view text, std::string_view magic, std::string_view stamp,
                        std::string_view& payload);

}  // namespace handout
