#include "record/entry_spill_internal.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sijill/error.h"

namespace sijill::record {

namespace {

// Lengths and counts as 4 little-endian bytes; strings as length + bytes. No versioning: the
// file lives only as long as the build that wrote it.
void PutCount(std::string& out, size_t n) {
  uint32_t v = static_cast<uint32_t>(n);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void Put(std::string& out, const std::string& s) {
  PutCount(out, s.size());
  out += s;
}
void Put(std::string& out, const std::vector<std::string>& items) {
  PutCount(out, items.size());
  for (const std::string& s : items) Put(out, s);
}
void Put(std::string& out, const Link& link) {
  Put(out, link.text);
  Put(out, link.target);
}
void Put(std::string& out, const std::vector<Link>& links) {
  PutCount(out, links.size());
  for (const Link& link : links) Put(out, link);
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  size_t Count() {
    Need(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<unsigned char>(bytes_[at_ + i])) << (8 * i);
    at_ += 4;
    return v;
  }
  std::string String() {
    size_t n = Count();
    Need(n);
    std::string s = bytes_.substr(at_, n);
    at_ += n;
    return s;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> out(Count());
    for (std::string& s : out) s = String();
    return out;
  }
  Link GetLink() {
    Link link;
    link.text = String();
    link.target = String();
    return link;
  }
  std::vector<Link> Links() {
    std::vector<Link> out(Count());
    for (Link& link : out) link = GetLink();
    return out;
  }

 private:
  void Need(size_t n) const {
    if (at_ + n > bytes_.size()) throw Error(Error::Kind::kIo, "record: temporary entry file is damaged");
  }
  const std::string& bytes_;
  size_t at_ = 0;
};

void Encode(std::string& out, const Entry& e) {
  for (const std::string* s : {&e.id, &e.symbol, &e.paragraph}) Put(out, *s);
  Put(out, e.source);
  for (const std::string* s : {&e.adopted, &e.text}) Put(out, *s);
  Put(out, e.addressees);
  Put(out, e.modality);
  Put(out, e.topics);
  Put(out, e.status);
  Put(out, e.status_label);
  PutCount(out, e.latest ? 1 : 0);
  if (e.latest) {
    const LatestFollowUp& l = *e.latest;
    for (const std::string* s : {&l.date, &l.status, &l.status_label, &l.note, &l.by}) Put(out, *s);
    Put(out, l.evidence);
  }
  Put(out, e.repeats);
  Put(out, e.repeat_links);
}

Entry Decode(const std::string& bytes) {
  Reader in(bytes);
  Entry e;
  for (std::string* s : {&e.id, &e.symbol, &e.paragraph}) *s = in.String();
  e.source = in.GetLink();
  for (std::string* s : {&e.adopted, &e.text}) *s = in.String();
  e.addressees = in.Strings();
  e.modality = in.String();
  e.topics = in.Strings();
  e.status = in.String();
  e.status_label = in.String();
  if (in.Count()) {
    LatestFollowUp l;
    for (std::string* s : {&l.date, &l.status, &l.status_label, &l.note, &l.by}) *s = in.String();
    l.evidence = in.Links();
    e.latest = std::move(l);
  }
  e.repeats = in.Strings();
  e.repeat_links = in.Links();
  return e;
}

[[noreturn]] void Fail(const char* what) {
  throw Error(Error::Kind::kIo, std::string("record: ") + what + " the temporary entry file: " +
                                    std::strerror(errno));
}

}  // namespace

EntrySpill::EntrySpill() : file_(std::tmpfile()) {
  if (!file_) Fail("cannot create");
}

EntrySpill::~EntrySpill() { std::fclose(file_); }

uint64_t EntrySpill::Write(const Entry& entry) {
  buffer_.clear();
  PutCount(buffer_, 0);  // the length, filled in below
  Encode(buffer_, entry);
  uint32_t length = static_cast<uint32_t>(buffer_.size() - 4);
  for (int i = 0; i < 4; ++i) buffer_[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) Fail("cannot write");
  uint64_t offset = size_;
  size_ += buffer_.size();
  return offset;
}

void EntrySpill::Finish() {
  if (std::fflush(file_) != 0) Fail("cannot write");
}

Entry EntrySpill::Read(uint64_t offset) const {
  int fd = fileno(file_);
  unsigned char head[4];
  if (pread(fd, head, 4, static_cast<off_t>(offset)) != 4) Fail("cannot read");
  uint32_t length = head[0] | head[1] << 8 | head[2] << 16 | uint32_t(head[3]) << 24;
  std::string bytes(length, '\0');
  if (pread(fd, bytes.data(), length, static_cast<off_t>(offset + 4)) != static_cast<ssize_t>(length))
    Fail("cannot read");
  return Decode(bytes);
}

}  // namespace sijill::record
