#include <string>

#include "service/ui/pages_internal.h"

namespace sijill::service::ui {

namespace {

struct Heading {
  int status;
  const char* ar;
  const char* en;
};

constexpr Heading kHeadings[] = {
    {400, "طلب غير صالح", "Bad request"},
    {401, "يلزم تسجيل الدخول", "Please log in"},
    {403, "غير مسموح", "Not allowed"},
    {404, "الصفحة غير موجودة", "Not found"},
    {409, "تعارض مع تعديل آخر", "Conflicting change"},
    {412, "حدّث شخص آخر هذه الصفحة", "Someone else updated this"},
    {413, "الطلب كبير جداً", "Request too large"},
};

}  // namespace

std::string RenderErrorPage(const Chrome& chrome, int status, const std::string& message) {
  std::string heading = chrome.English() ? "Something went wrong" : "حدث خطأ";
  for (const Heading& known : kHeadings) {
    if (known.status == status) heading = chrome.English() ? known.en : known.ar;
  }
  mstch::map context{
      {"heading", heading},
      {"status", std::to_string(status)},
      {"message", message},
  };
  return RenderPage(chrome, "error", heading, std::move(context));
}

}  // namespace sijill::service::ui
