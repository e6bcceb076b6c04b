// The fixed parts of the .docx package. Arabic: every paragraph style is right to left
// (w:bidi), complex-script runs use Amiri (fonts-hosny-amiri; Word substitutes a font it has)
// and are marked Arabic (w:lang w:bidi="ar-SA"), so Word and LibreOffice shape, order and
// spell-check the text as Arabic. Headings are Word's own "heading 1-3" styles, so the
// navigation pane and a table of contents find them.
#include "record/docx_internal.h"

namespace sijill::record::docx {

namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string HeadingStyle(int level, int size_half_points) {
  std::string n = std::to_string(level);
  return "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + n + "\"><w:name w:val=\"heading " + n +
         "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
         "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:bidi/><w:spacing w:before=\"240\" "
         "w:after=\"120\"/><w:outlineLvl w:val=\"" +
         std::to_string(level - 1) + "\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"" +
         std::to_string(size_half_points) + "\"/><w:szCs w:val=\"" +
         std::to_string(size_half_points) + "\"/></w:rPr></w:style>";
}

}  // namespace

const std::string& ContentTypes() {
  static const std::string kPart =
      std::string(kXmlDecl) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
      "</Types>\n";
  return kPart;
}

const std::string& PackageRels() {
  static const std::string kPart =
      std::string(kXmlDecl) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"word/document.xml\"/>"
      "</Relationships>\n";
  return kPart;
}

const std::string& DocumentRels() {
  static const std::string kPart =
      std::string(kXmlDecl) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/settings\" Target=\"settings.xml\"/>"
      "</Relationships>\n";
  return kPart;
}

const std::string& Settings() {
  static const std::string kPart = std::string(kXmlDecl) + "<w:settings xmlns:w=\"" + kW +
                                   "\"><w:defaultTabStop w:val=\"708\"/>"
                                   "<w:themeFontLang w:val=\"en-US\" w:bidi=\"ar-SA\"/>"
                                   "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                                   "w:uri=\"http://schemas.microsoft.com/office/word\" "
                                   "w:val=\"15\"/></w:compat></w:settings>\n";
  return kPart;
}

const std::string& Styles() {
  static const std::string kPart =
      std::string(kXmlDecl) + "<w:styles xmlns:w=\"" + kW +
      "\">"
      "<w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"Amiri\" w:hAnsi=\"Amiri\" w:eastAsia=\"Amiri\" w:cs=\"Amiri\"/>"
      "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
      "<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>"
      "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:bidi/>"
      "<w:spacing w:after=\"80\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
      "</w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:bidi/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn "
      "w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:bidi/><w:spacing "
      "w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz "
      "w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr></w:style>" +
      HeadingStyle(1, 32) + HeadingStyle(2, 28) + HeadingStyle(3, 24) +
      "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"RecordText\"><w:name "
      "w:val=\"Record Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:bidi/><w:pBdr>"
      "<w:right w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"888888\"/></w:pBdr>"
      "<w:spacing w:before=\"80\" w:after=\"200\"/><w:ind w:right=\"284\"/><w:jc "
      "w:val=\"both\"/></w:pPr></w:style>"
      "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name "
      "w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
      "Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top "
      "w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" "
      "w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
      "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn "
      "w:val=\"TableNormal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
      "w:lineRule=\"auto\"/></w:pPr><w:tblPr><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
      "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
      "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
      "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
      "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
      "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
      "</w:tblBorders></w:tblPr></w:style>"
      "</w:styles>\n";
  return kPart;
}

}  // namespace sijill::record::docx
