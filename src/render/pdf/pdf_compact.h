// The last step of writing a PDF: qpdf (libqpdf) packs objects into compressed object streams
// with a cross-reference stream (PDF 1.5) and deflates the streams not deflated yet, at level 6
// (the renderer deflates the big ones itself, with libdeflate). A handout is about a third
// smaller than libharu writes it. The only file that sees qpdf.
#pragma once
#include <functional>
#include <string>

class QPDF;

namespace handout {

/// Rewrites `pdf` in place: object streams, a cross-reference stream, every unfiltered stream
/// deflated, a deterministic /ID (the same bytes in give the same bytes out). False with
/// `error` when qpdf cannot read the document (which would be a bug in the writer).
/// `edit`, when given, changes the document in between (the tagging step adds its objects).
/// The file says PDF 1.7 (tagged PDF/UA-1 is built on it).
bool compact_pdf(std::string& pdf, std::string& error, const std::function<void(QPDF&)>& edit = {});

/// Encrypts `pdf` in place with AES-256 (PDF 2.0's revision 6, which qpdf writes; libharu has
/// only RC4): `password` opens it. Printing and extraction for accessibility stay allowed (a
/// screen reader must read the patient's copy); changing it needs an owner password made of
/// random bytes and never kept. The /ID is random too, as encryption needs.
bool encrypt_pdf(std::string& pdf, const std::string& password, std::string& error);

/// Sets up libqpdf's process-wide state (compression level, crypto registry) once; compact_pdf
/// calls it, and a parallel build calls it before its threads start.
void prepare_pdf_writer();

}  // namespace handout
