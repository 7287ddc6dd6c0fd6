#pragma once
/// The names the engine gives the inputs of its use cases in InputError::field(), in the words
/// of the domain. A front-end maps each to its own flag or form field (the CLI: "first day" is
/// --from) before it shows the error; fields of files are named "table.column" instead.
namespace gge::fields {

inline constexpr const char* k_first_day = "first day";        ///< first day of a scope or window
inline constexpr const char* k_last_day = "last day";          ///< last day of a scope, inclusive
inline constexpr const char* k_body = "body";                  ///< a body symbol
inline constexpr const char* k_mandate = "mandate";            ///< a mandate key
inline constexpr const char* k_station = "station";            ///< a duty-station code
inline constexpr const char* k_expert = "expert";              ///< an expert key
inline constexpr const char* k_session = "session";            ///< a session as BODY#N
inline constexpr const char* k_meeting_day = "meeting day";    ///< a day of a session's meetings
inline constexpr const char* k_meeting_start = "meeting start";///< a meeting's local start time
inline constexpr const char* k_alarm_days = "reminder days";   ///< days before a deadline's reminder
inline constexpr const char* k_plans = "plans wanted";         ///< how many plans to propose
inline constexpr const char* k_session_days = "session days";  ///< working days per planned session
inline constexpr const char* k_venues = "venues";              ///< duty stations allowed per session
inline constexpr const char* k_sessions = "sessions";          ///< sessions of the mandate in all
inline constexpr const char* k_min_gap = "minimum gap";        ///< days from start to start, at least
inline constexpr const char* k_max_gap = "maximum gap";        ///< days from start to start, at most
inline constexpr const char* k_avoid_month = "avoided month";  ///< a month sessions should avoid
inline constexpr const char* k_base_url = "base URL";          ///< where published feeds are served
inline constexpr const char* k_revision = "revision";  ///< the revision a write was made from
inline constexpr const char* k_status = "status";      ///< a session status
inline constexpr const char* k_feed_dir = "feed directory";    ///< where feeds are written
inline constexpr const char* k_room = "room";                  ///< a room as STATION/ROOM
inline constexpr const char* k_calendar_file = "calendar file";  ///< an .ics file to import
inline constexpr const char* k_import_source =
    "import source";  ///< the name of an import of busy time
inline constexpr const char* k_floating_zone =
    "zone of floating times";  ///< IANA zone for times without one

}  // namespace gge::fields
