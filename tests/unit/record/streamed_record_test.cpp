// The record of a repository is built streaming (entries spilled to a temporary file, one
// meeting in memory at a time) so 20,000 reports fit in bounded memory; the service builds it
// from the snapshot it already holds. Both must say the same thing to the byte, and the pieces
// the streaming build relies on (the spill, counting in any order) must not lose anything.

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <sstream>

#include "record/entry_spill_internal.h"
#include "record/summaries_internal.h"
#include "sijill/record/build.h"
#include "sijill/record/formats.h"
#include "sijill/records/snapshot.h"
#include "unit/record/sample_repo.h"

namespace sijill::testing {

namespace {

std::string Render(const sijill::record::Consolidated& built, std::string_view format) {
  std::ostringstream out;
  sijill::record::FindFormat(format)->write(built, out);
  return out.str();
}

bool SameTable(const sijill::record::CountTable& a, const sijill::record::CountTable& b) {
  if (a.title != b.title || a.columns != b.columns || a.column_totals != b.column_totals ||
      a.total != b.total || a.rows.size() != b.rows.size())
    return false;
  for (size_t i = 0; i < a.rows.size(); ++i)
    if (a.rows[i].label != b.rows[i].label || a.rows[i].counts != b.rows[i].counts ||
        a.rows[i].total != b.rows[i].total)
      return false;
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record)
BOOST_AUTO_TEST_SUITE(streamed_record)

BOOST_AUTO_TEST_CASE(TheStreamedRecordIsTheSnapshotRecordInEveryFormat) {
  SampleRepo sample;
  sijill::record::Consolidated streamed = sample.Build();
  BOOST_REQUIRE(streamed.more_meetings);  // the repository build streams
  BOOST_TEST(streamed.meetings.empty());

  sijill::record::BuildOptions options;
  options.lineage["ctoc-cop-wg.4-2013-5.p5"] = {"a-res-64-293.annex.p53"};
  sijill::records::Snapshot snapshot = sijill::records::LoadSnapshot(sample.repo.repo(), "HEAD");
  sijill::record::Consolidated in_memory = sijill::record::BuildRecord(snapshot, options);
  BOOST_TEST(!in_memory.more_meetings);
  // What only the repository build knows (dates of commits, the --since table).
  in_memory.as_of.date = streamed.as_of.date;
  in_memory.since = streamed.since;
  in_memory.changes = streamed.changes;
  BOOST_TEST(in_memory.MeetingCount() == streamed.MeetingCount());
  BOOST_TEST(!streamed.changes.empty());
  for (const sijill::record::Format& format : sijill::record::Formats())
    BOOST_TEST((Render(in_memory, format.name) == Render(streamed, format.name)), format.name);
}

BOOST_AUTO_TEST_CASE(AStreamedRecordCanBeWrittenTwice) {
  SampleRepo sample;
  sijill::record::Consolidated streamed = sample.Build();
  BOOST_TEST(Render(streamed, "csv") == Render(streamed, "csv"));
}

BOOST_AUTO_TEST_CASE(TheSpillGivesBackEveryFieldOfAnEntry) {
  sijill::record::Entry full;
  full.id = "a-res-64-293.annex.p53";
  full.symbol = "A/RES/64/293";
  full.paragraph = "annex.53";
  full.source = {"A/RES/64/293 المرفق ¶53", "a-res-64-293.html#annex.p53"};
  full.adopted = "2010-07-30";
  full.text = "تشجيع الدول الأعضاء على\nالتعاون مع المجتمع المدني \"والقطاع الخاص\"";
  full.addressees = {"الدول الأعضاء", ""};
  full.modality = "encourages";
  full.topics = {"الشراكات"};
  full.status = "in-progress";
  full.status_label = "قيد التنفيذ";
  full.latest = sijill::record::LatestFollowUp{"2018-07-23", "in-progress", "قيد التنفيذ", "ملاحظة",
                                       "Amina <a@example.org>",
                                       {{"CTOC/COP/2018/2 ¶22", "ctoc-cop-2018-2.html#p22"},
                                        {"https://undocs.org/x", "https://undocs.org/x"}}};
  full.repeats = {"x.p1"};
  full.repeat_links = {{"X ¶1", "x.html#p1"}};
  sijill::record::Entry bare;
  bare.id = "b.p1";

  sijill::record::EntrySpill spill;
  uint64_t at_full = spill.Write(full);
  uint64_t at_bare = spill.Write(bare);
  spill.Finish();
  // Read back out of order, and the same one twice.
  sijill::record::Entry bare_back = spill.Read(at_bare);
  sijill::record::Entry full_back = spill.Read(at_full);
  sijill::record::Entry full_again = spill.Read(at_full);
  for (const sijill::record::Entry* back : {&full_back, &full_again}) {
    BOOST_TEST(back->id == full.id);
    BOOST_TEST(back->source.target == full.source.target);
    BOOST_TEST(back->text == full.text);
    BOOST_TEST(back->addressees == full.addressees);
    BOOST_TEST(back->topics == full.topics);
    BOOST_TEST(back->status_label == full.status_label);
    BOOST_REQUIRE(back->latest);
    BOOST_TEST(back->latest->note == full.latest->note);
    BOOST_TEST(back->latest->by == full.latest->by);
    BOOST_REQUIRE(back->latest->evidence.size() == 2u);
    BOOST_TEST(back->latest->evidence[1].target == "https://undocs.org/x");
    BOOST_TEST(back->repeats == full.repeats);
    BOOST_TEST(back->repeat_links[0].target == "x.html#p1");
  }
  BOOST_TEST(bare_back.id == "b.p1");
  BOOST_TEST(!bare_back.latest);
  BOOST_TEST(bare_back.addressees.empty());
}

BOOST_AUTO_TEST_CASE(SummariesDoNotDependOnTheOrderRecordsArrive) {
  SampleRepo sample;
  sijill::records::Snapshot snapshot = sijill::records::LoadSnapshot(sample.repo.repo(), "HEAD");
  std::vector<model::Recommendation> records = snapshot.records;
  // A status sijill.yaml does not list, on two records: its column comes after the listed ones.
  records[3].status = "zz-unlisted";
  records[40].status = "aa-unlisted";
  sijill::record::SummaryCounter by_id(snapshot.settings), reversed(snapshot.settings);
  for (const model::Recommendation& r : records) by_id.Add(r);
  std::reverse(records.begin(), records.end());
  for (const model::Recommendation& r : records) reversed.Add(r);
  std::vector<sijill::record::CountTable> a = by_id.Tables(), b = reversed.Tables();
  BOOST_REQUIRE(a.size() == 2u);
  BOOST_REQUIRE(b.size() == 2u);
  BOOST_TEST(SameTable(a[0], b[0]));
  BOOST_TEST(SameTable(a[1], b[1]));
  // The unlisted statuses follow in the order of the first record (by id) that has them.
  const std::vector<std::string>& columns = a[0].columns;
  BOOST_REQUIRE(columns.size() >= 2u);
  BOOST_TEST(columns[columns.size() - 2] == "zz-unlisted");
  BOOST_TEST(columns.back() == "aa-unlisted");
  BOOST_TEST(a[0].total == snapshot.records.size());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace sijill::testing
