// Patient copies' encryption: qpdf (libqpdf) rewrites a finished handout with AES-256, which
// libharu cannot write. The only file that sees qpdf.
#pragma once
#include <string>

namespace handout {

/// Encrypts `pdf` in place with AES-256 (PDF 2.0's revision 6, which qpdf writes; libharu has
/// only RC4): `password` opens it. Printing and extraction for accessibility stay allowed (a
/// screen reader must read the patient's copy); changing it needs an owner password made of
/// random bytes and never kept. The /ID is random too, as encryption needs.
bool encrypt_pdf(std::string& pdf, const std::string& password, std::string& error);

/// Sets up libqpdf's process-wide state (compression level, crypto registry) once; encrypt_pdf
/// calls it, and a parallel build calls it before its threads start.
void prepare_pdf_writer();

}  // namespace handout
