#include "formats/ical/ical_fixture.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace gge::test {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

const DutyStation& IcalFixture::station(const std::string& code) const {
  for (const auto& s : stations)
    if (s.code == code) return s;
  throw std::logic_error("fixture: no station " + code);
}

const Body* IcalFixture::body(const std::string& symbol) const {
  for (const auto& b : bodies)
    if (b.symbol == symbol) return &b;
  return nullptr;
}

const Session& IcalFixture::add_session(Session s) {
  const Session& ses = sessions.emplace_back(std::move(s));
  calendar.sessions.push_back({&ses, &station(ses.station), body(ses.body), nullptr, nullptr, {}});
  return ses;
}

const Meeting& IcalFixture::add_meeting(const Session& session, Date day, Minutes start,
                                        Minutes end, std::string kind, int number) {
  Meeting m;
  m.body = session.body;
  m.session = session.number;
  m.date = day;
  m.start = start;
  m.end = end;
  m.kind = std::move(kind);
  m.number = number;
  m.uid = fmt::format("meeting-{}-{}-{}-{}@test.gge", session.body, session.number,
                      to_iso(day), start.count());
  m.revision = 1;
  const Meeting& ref = meetings.emplace_back(std::move(m));
  calendar.meetings.push_back({&ref, &session, &station(session.station), body(session.body), {}});
  return ref;
}

IcalFixture stations_fixture() {
  IcalFixture f;
  f.stations = {{"NY", "New York (UNHQ)", "America/New_York"},
                {"GVA", "Geneva (UNOG)", "Europe/Zurich"},
                {"VIE", "Vienna (UNOV)", "Europe/Vienna"},
                {"NBO", "Nairobi (UNON)", "Africa/Nairobi"}};
  return f;
}

IcalFixture golden_fixture() {
  IcalFixture f = stations_fixture();
  f.resolutions.push_back({"58/32", ymd(2003, 12, 8), 58,
                           "Developments in the field of information and telecommunications in "
                           "the context of international security",
                           "85"});
  f.bodies.push_back({"GGE-ICT-2004", "Group of Governmental Experts on Developments in the Field "
                      "of Information and Telecommunications in the Context of International "
                      "Security (2004-2005)", BodyKind::gge, 15, 0});
  f.bodies.push_back({"GGE-FR", "Groupe d'experts gouvernementaux chargé d'examiner les progrès "
                      "de l'informatique et des télécommunications", BodyKind::gge, 15, 0});
  f.bodies.push_back({"GGE-ES", "Grupo de Expertos Gubernamentales sobre los avances en la esfera "
                      "de la información y las telecomunicaciones", BodyKind::gge, 15, 0});
  f.bodies.push_back({"GGE-RU", "Группа правительственных экспертов по достижениям в сфере "
                      "информатизации и телекоммуникаций", BodyKind::gge, 15, 0});
  f.bodies.push_back({"GGE-ZH", "从国际安全角度看信息和电信领域发展政府专家组", BodyKind::gge, 15, 0});
  f.bodies.push_back({"GGE-AR", "فريق الخبراء الحكوميين المعني بالتطورات في ميدان المعلومات "
                      "والاتصالات السلكية واللاسلكية", BodyKind::gge, 15, 0});
  Mandate m;
  m.key = "58/32-ict";
  m.body = "GGE-ICT-2004";
  m.resolution = "58/32";
  m.start = ymd(2004, 1, 1);
  m.report_to_session = 60;
  f.mandates.push_back(m);

  auto session = [&](std::string body, int n, Date first, Date last, std::string station,
                     std::string room, SessionStatus st, int rev) -> const Session& {
    Session s{std::move(body), n, first, last, std::move(station), std::move(room), st,
              fmt::format("session-{}-{}@test.gge", n, first.time_since_epoch().count()), rev};
    const Session& ref = f.add_session(std::move(s));
    if (ref.body == "GGE-ICT-2004") {
      f.calendar.sessions.back().mandate = &f.mandates.front();
      f.calendar.sessions.back().resolution = &f.resolutions.front();
    }
    f.calendar.sessions.back().last_modified = Instant{std::chrono::seconds{1090000000 + rev}};
    return ref;
  };
  const auto& s1 = session("GGE-ICT-2004", 1, ymd(2004, 7, 12), ymd(2004, 7, 16), "NY",
                           "Conference Room 4", SessionStatus::held, 3);
  const auto& s2 = session("GGE-ICT-2004", 2, ymd(2005, 4, 11), ymd(2005, 4, 15), "GVA",
                           "Salle XVII", SessionStatus::confirmed, 2);
  const auto& s3 = session("GGE-ICT-2004", 3, ymd(2005, 7, 11), ymd(2005, 7, 15), "NY", "",
                           SessionStatus::planned, 0);
  const auto& fr = session("GGE-FR", 1, ymd(2005, 3, 21), ymd(2005, 3, 25), "GVA",
                           "Salle des Assemblées", SessionStatus::postponed, 1);
  const auto& es = session("GGE-ES", 1, ymd(2005, 10, 24), ymd(2005, 10, 28), "VIE",
                           "Sala de conferencias; edificio M, planta 1", SessionStatus::confirmed, 0);
  const auto& ru = session("GGE-RU", 2, ymd(2005, 11, 7), ymd(2005, 11, 11), "NBO",
                           "Зал заседаний № 2", SessionStatus::cancelled, 4);
  const auto& zh = session("GGE-ZH", 1, ymd(2005, 3, 7), ymd(2005, 3, 11), "NY", "第4会议室",
                           SessionStatus::planned, 0);
  const auto& ar = session("GGE-AR", 1, ymd(2005, 10, 31), ymd(2005, 11, 4), "GVA",
                           "قاعة الجمعية", SessionStatus::held, 1);

  f.add_meeting(s1, ymd(2004, 7, 12), k_morning_start, k_morning_end, "plenary", 1);
  f.add_meeting(s1, ymd(2004, 7, 12), k_afternoon_start, k_afternoon_end, "informal consultations, closed", 2);
  f.add_meeting(s2, ymd(2005, 4, 11), k_morning_start, k_morning_end, "plenary", 1);
  f.add_meeting(s3, ymd(2005, 7, 15), k_afternoon_start, k_afternoon_end, "adoption of the report; closing", 10);
  f.add_meeting(fr, ymd(2005, 3, 21), k_morning_start, k_morning_end, "séance plénière", 1);
  f.add_meeting(es, ymd(2005, 10, 28), k_afternoon_start, k_afternoon_end, "sesión plenaria", 10);
  f.add_meeting(ru, ymd(2005, 11, 7), k_morning_start, k_morning_end, "пленарное заседание", 1);
  f.add_meeting(zh, ymd(2005, 3, 7), k_morning_start, k_morning_end, "全体会议", 1);
  f.add_meeting(ar, ymd(2005, 10, 31), k_morning_start, k_morning_end, "جلسة عامة", 1);
  // The Sunday of the autumn change in Geneva, after it: 15:00 CET.
  f.add_meeting(ar, ymd(2005, 10, 30), k_afternoon_start, k_afternoon_end, "réunion informelle", 0);

  f.deadlines.push_back({"58/32-ict", "submission", ymd(2005, 7, 1),
                         "10 weeks before consideration on 2005-09-09 (rule: submission, 10 weeks)"});
  f.deadlines.push_back({"58/32-ict", "distribution", ymd(2005, 8, 12),
                         "6 weeks before consideration; source: A/59/116, \"six languages\""});
  for (const auto& d : f.deadlines) f.calendar.deadlines.push_back({&d, &f.mandates.front(), {}});
  return f;
}

IcalOptions fixed_options() {
  IcalOptions o;
  o.name = "GGE-ICT-2004: sessions, meetings, deadlines";
  o.description = "Exported by gge; times in each duty station's zone";
  o.dtstamp = Instant{std::chrono::seconds{1100000000}};
  return o;
}

std::string write_to_string(const IcalCalendar& c, const IcalOptions& o) {
  std::string out;
  write_calendar(c, o, [&](std::string_view chunk) { out.append(chunk); });
  return out;
}

TempFile::TempFile(const std::string& name, const std::string& content)
    : path(std::filesystem::temp_directory_path() / fmt::format("gge-{}-{}", ::getpid(), name)) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = ::pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace gge::test
