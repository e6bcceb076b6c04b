// The parts of the .docx package (WordprocessingML, ECMA-376): the fixed parts and the body.
#pragma once

#include <ostream>
#include <string>

#include "sijill/record/consolidated.h"

namespace sijill::record::docx {

// Fixed parts: [Content_Types].xml, _rels/.rels, word/_rels/document.xml.rels,
// word/settings.xml, word/styles.xml (Normal right to left with Arabic fonts, Title,
// Heading 1-3, the record text, a grid table style).
const std::string& ContentTypes();
const std::string& PackageRels();
const std::string& DocumentRels();
const std::string& Settings();
const std::string& Styles();

// word/document.xml, streamed.
void WriteDocument(const Consolidated& record, std::ostream& out);

// Text for a w:t element or an attribute: & < > " escaped, characters XML 1.0 forbids dropped.
std::string EscapeXml(const std::string& text);

}  // namespace sijill::record::docx
