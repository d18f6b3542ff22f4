#!/usr/bin/env bash
# Real-window check of typing Bengali through an input method: ibus (XIM) with the
# m17n engines bn:itrans and bn:probhat types words into the note editor of a running
# Pathok under Xvfb with `xdotool type`; the note is read back from the sidecar and
# compared with the word meant. Prints PASS/FAIL per engine and word; exits 1 on a FAIL.
#
# Needs: Xvfb, xdotool, dbus-daemon, ibus, ibus-m17n, m17n-db (Debian packages), and a
# built binary (target/release/pathok, or PATHOK=path).
# Usage: bench/ime-check.sh [DISPLAY_NUMBER (default 99)] [DELAY_MS (default 150)]
set -u
DISPLAY_NUMBER=${1:-99}
DELAY=${2:-150}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PATHOK=${PATHOK:-$ROOT/target/release/pathok}
WORK=$(mktemp -d)
export DISPLAY=:$DISPLAY_NUMBER
export GTK_IM_MODULE=ibus XMODIFIERS=@im=ibus QT_IM_MODULE=ibus
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    [ -n "${IBUS_PID:-}" ] && kill "$IBUS_PID" 2>/dev/null
    [ -n "${DBUS_PID:-}" ] && kill "$DBUS_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in Xvfb xdotool dbus-daemon ibus-daemon ibus python3; do
    command -v "$tool" >/dev/null || { echo "ime-check: $tool is missing (see README)"; exit 2; }
done
[ -x "$PATHOK" ] || { echo "ime-check: no binary, build it first: $PATHOK"; exit 2; }

if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
    Xvfb "$DISPLAY" -screen 0 1400x900x24 >/dev/null 2>&1 &
    PIDS+=($!)
    sleep 1
fi
# A session bus of our own, and an ibus daemon serving XIM on this display only.
read -r DBUS_SESSION_BUS_ADDRESS DBUS_PID < <(dbus-daemon --session --fork --print-address=1 --print-pid=1 | tr '\n' ' ')
export DBUS_SESSION_BUS_ADDRESS
ibus-daemon --xim -r -n pathok-ime-check --panel=disable --emoji-extension=disable >/dev/null 2>&1 &
IBUS_PID=$!
for _ in $(seq 50); do ibus engine >/dev/null 2>&1 && break; sleep 0.2; done

# word meant, then the keys typed, per engine; each word ends with a space, as in a
# sentence (the space ends the composition: that is where ibus over XIM sends the
# space before the composed syllable).
ITRANS=("আমি বাংলা |aami baa.nlaa " "কোথায় |kothaaYa " "ক্ষমা |kShamaa " "উৎসব |ut.hsaba ")
PROBHAT=("আমি বাংলা |vmi baLla " "কোথায় |k]Faz " "ক্ষমা |k/Sma " "উৎসব |U*sb ")

failures=0
check() { # engine "meant|keys"
    local engine=$1 meant=${2%%|*} keys=${2#*|}
    local dir
    dir=$(mktemp -d "$WORK/XXXX")
    printf 'পরীক্ষা\n\nএকটি বাক্য।\n' > "$dir/a.txt"
    ibus engine xkb:us::eng
    "$PATHOK" "$dir/a.txt" >"$dir/log" 2>&1 &
    local pid=$! win=""
    for _ in $(seq 100); do
        win=$(xdotool search --pid "$pid" 2>/dev/null | tail -1)
        [ -n "$win" ] && break
        sleep 0.1
    done
    sleep 1.5
    xdotool windowfocus --sync "$win"
    sleep 0.3
    xdotool key ctrl+a; sleep 0.3   # select the article
    xdotool key n; sleep 0.5        # the note editor
    ibus engine "m17n:bn:$engine"; sleep 0.3
    xdotool type --delay "$DELAY" "$keys"
    sleep 1
    xdotool key ctrl+Return         # save the note
    sleep 1.5
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    ibus engine xkb:us::eng
    local got
    got=$(grep -o 'note: "[^"]*"' "$dir"/*.annotations.ron 2>/dev/null | tail -1 | sed 's/^note: "\(.*\)"$/\1/')
    # What the typist meant, in NFC as Pathok stores it.
    meant=$(printf '%s' "$meant" | python3 -c 'import sys, unicodedata; print(unicodedata.normalize("NFC", sys.stdin.read()), end="")')
    if [ "$got" = "$meant" ]; then
        echo "PASS bn:$engine  '$keys' -> '$got'"
    else
        echo "FAIL bn:$engine  '$keys' -> '$got' (meant '$meant')"
        failures=$((failures + 1))
    fi
}
for w in "${ITRANS[@]}"; do check itrans "$w"; done
for w in "${PROBHAT[@]}"; do check probhat "$w"; done
[ "$failures" -eq 0 ]
