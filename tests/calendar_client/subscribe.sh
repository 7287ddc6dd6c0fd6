#!/usr/bin/env bash
# A real calendar client subscribes to a feed of a running `gge serve` (issue 15): vdirsyncer
# (Debian) syncs the feed's secret URL into a local folder, khal (Debian) lists the meetings at the
# right local times; after `gge session move` a second sync updates each event in place (same UID,
# higher SEQUENCE in the feed; the same events, at their new times, in the folder), and a removed
# meeting is cancelled for the client.
#
#   subscribe.sh GGE_BINARY SOURCE_DIR
#
# Everything lives in a temporary HOME/XDG folder; the server listens on 127.0.0.1 only and is
# stopped on exit. The planner's calendar is in New York; the session meets in Geneva.
set -euo pipefail
gge_bin=$1
src=$2
work=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true  # a failure already said so; the trap keeps its status
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export XDG_CACHE_HOME=$work/cache TZ=UTC
unset SOURCE_DATE_EPOCH  # DTSTAMP from the database's newest change, as a real server does
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$work/calendar" "$work/status"
fail() { echo "FAIL: $*" >&2; exit 1; }
gge() { "$gge_bin" --db "$work/plan.db" "$@"; }

gge load "$src/examples/gge-2004-2005/scenario.toml" >/dev/null
gge holidays import "$src"/data/holidays/*.toml >/dev/null
gge meeting generate 'GGE-ICT-2004#2' >/dev/null  # Geneva, 11 to 15 April 2005, 10:00 and 15:00

# Started directly, not through the gge function: $! is then the server itself, not a subshell.
"$gge_bin" --db "$work/plan.db" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
[[ -n $port ]] || fail "gge serve did not start: $(cat "$work/serve.out")"
base=http://127.0.0.1:$port

# The feed's secret link, made as a planner's browser would: a session, its CSRF token, a POST.
url=$(python3 - "$base" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
r = urllib.request.urlopen(base + "/api/session")
cookie = r.headers["Set-Cookie"].split(";")[0]
csrf = json.load(r)["csrf"]
req = urllib.request.Request(base + "/api/feeds/body-GGE-ICT-2004.ics/rotate", data=b"{}",
                             headers={"Cookie": cookie, "X-CSRF-Token": csrf,
                                      "Content-Type": "application/json"})
print(json.load(urllib.request.urlopen(req))["secret_url"])
PY
)
[[ $url == "$base/feeds/"*"/body-GGE-ICT-2004.ics" ]] || fail "no secret link: $url"

mkdir -p "$XDG_CONFIG_HOME/vdirsyncer" "$XDG_CONFIG_HOME/khal"
cat >"$XDG_CONFIG_HOME/vdirsyncer/config" <<CONF
[general]
status_path = "$work/status/"

[pair gge]
a = "gge_feed"
b = "gge_local"
collections = null
conflict_resolution = "a wins"

[storage gge_feed]
type = "http"
url = "$url"

[storage gge_local]
type = "filesystem"
path = "$work/calendar/"
fileext = ".ics"
CONF
cat >"$XDG_CONFIG_HOME/khal/config" <<CONF
[calendars]
[[gge]]
path = $work/calendar/
type = calendar

[locale]
local_timezone = America/New_York
default_timezone = America/New_York
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
CONF

sync() { vdirsyncer sync >"$work/sync.out" 2>&1 || fail "vdirsyncer sync: $(cat "$work/sync.out")"; }
listing() { khal list --format '{start} {end} {status}{title}' "$@" 2>&1; }
# "UID SEQUENCE" of the feed's event starting at Geneva time $1 (YYYYMMDDTHHMMSS), fetched from
# the same URL. vdirsyncer 0.19 (Debian 12) replaces each UID of an http storage by a hash of the
# event's text (its `_ignore_uids`, not configurable there), so the local copies cannot show the
# UID; the feed can, and the local folder shows the update in place (no event added or left).
event_at() {
  python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' "$url" | tr -d '\r' | awk -v start="DTSTART;TZID=Europe/Zurich:$1" '
    /^BEGIN:VEVENT/ { uid = ""; seq = ""; hit = 0 }
    /^UID:/ { uid = substr($0, 5) }
    /^SEQUENCE:/ { seq = substr($0, 10) }
    $0 == start { hit = 1 }
    /^END:VEVENT/ && hit { print uid, seq }'
}

vdirsyncer discover </dev/null >"$work/discover.out" 2>&1 || fail "vdirsyncer discover: $(cat "$work/discover.out")"
sync
count=$(ls "$work/calendar"/*.ics | wc -l)
(( count >= 10 )) || fail "expected the session's meetings in the folder, found $count files"

# Geneva 10:00-13:00 CEST (UTC+2) is 04:00-07:00 in New York (EDT, UTC-4); 15:00 is 09:00.
before=$(listing 2005-04-11 2005-04-16)
echo "$before" | grep -q '^2005-04-11 04:00 2005-04-11 07:00 ' || fail "no meeting at 04:00-07:00 New York time on 11 April"
echo "$before" | grep -q '^2005-04-15 09:00 2005-04-15 12:00 ' || fail "no meeting at 09:00-12:00 New York time on 15 April"
read -r uid seq_before < <(event_at 20050411T100000)
[[ -n $uid && -n $seq_before ]] || fail "no event at 11 April 10:00 Geneva in the feed"

# A planner moves the session a week later; the next sync updates the events in place.
gge session move 'GGE-ICT-2004#2' --first 2005-04-18 >/dev/null
sync
after=$(listing 2005-04-11 2005-04-23)
echo "$after" | grep -q '^2005-04-1[1-5] ' && fail "meetings still listed on their old days"
echo "$after" | grep -q '^2005-04-18 04:00 2005-04-18 07:00 .*meeting 1 ' || fail "meeting 1 is not on 18 April 04:00 New York time"
(( $(ls "$work/calendar"/*.ics | wc -l) == count )) || fail "the folder's events changed in number: updated in place expected"
read -r uid_after seq_after < <(event_at 20050418T100000)
[[ $uid_after == "$uid" ]] || fail "the moved meeting has another UID: $uid -> $uid_after"
(( seq_after > seq_before )) || fail "SEQUENCE of $uid did not rise: $seq_before -> $seq_after"

# A removed meeting is cancelled: the client no longer shows it as taking place.
gge meeting remove 'GGE-ICT-2004#2' --date 2005-04-22 --start 15:00 >/dev/null
sync
last=$(listing 2005-04-22 2005-04-23)
echo "$last" | grep '^2005-04-22 09:00 ' | grep -vq 'CANCELLED' && fail "the removed meeting of 22 April 15:00 Geneva is still listed as taking place"
echo "$last" | grep -q '^2005-04-22 04:00 2005-04-22 07:00 ' || fail "the other meeting of 22 April is gone too"
echo "calendar client: vdirsyncer $(vdirsyncer --version | awk '{print $NF}'), khal $(khal --version | awk '{print $NF}'): subscribed, moved in place, cancelled"
