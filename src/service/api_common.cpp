#include "service/api_internal.h"
#include "sijill/error.h"
#include "sijill/model/record_json.h"

namespace sijill::service::api {

nlohmann::json ParseBody(const Request& request) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's message names the byte and what was expected: "parse error at line 1,
    // column 9: syntax error while parsing object key - ..."; its "[json.exception...]" tag
    // is noise for a client.
    std::string what = error.what();
    size_t tag = what.find("] ");
    throw Error(Error::Kind::kInvalid,
                "malformed JSON: " + (tag == std::string::npos ? what : what.substr(tag + 2)));
  }
  if (!body.is_object()) throw Error(Error::Kind::kInvalid, "the body must be a JSON object");
  return body;
}

std::string StringField(const nlohmann::json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) throw Error(Error::Kind::kInvalid, std::string("'") + name + "' is required");
    return "";
  }
  if (!it->is_string())
    throw Error(Error::Kind::kInvalid, std::string("'") + name + "' must be a string");
  return it->get<std::string>();
}

std::string QuoteEtag(const std::string& etag) { return "\"" + etag + "\""; }

std::optional<std::string> IfMatch(const Request& request) {
  auto it = request.headers.find("if-match");
  if (it == request.headers.end()) return std::nullopt;
  std::string value = it->second;
  if (value.rfind("W/", 0) == 0) value = value.substr(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  return value;
}

std::string Dump(const nlohmann::ordered_json& document) {
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response JsonOk(const nlohmann::ordered_json& document, int status) {
  return Response::Json(Dump(document), status);
}

}  // namespace sijill::service::api
