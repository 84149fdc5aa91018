// Text pasted from a word processor into an article, read as the Markdown it was meant to be.
#pragma once
#include <string>

#include "diag/diagnostic.h"

namespace handout {

/// Word's bullets as Markdown: a line that starts (after at most three spaces) with '•', '·',
/// '▪', '◦', '–' (en dash) or Word's Symbol-font bullet U+F0B7, then a space or tab and some
/// text, becomes a list item ("- text"). Without this, such lines run together into one
/// paragraph. Line for line, and column for column where the marker's width allows, so every
/// later message points at the file. Fenced code is left as it is (indented code always is: it
/// starts four columns in). One warning per file, at the first such line, names the bullets.
std::string normalise_pasted_bullets(const std::string& markdown_body, const std::string& path, Diagnostics& diags);

}  // namespace handout
