#!/bin/bash
# t05-dsn-format - DSNs written by mmhs_dsn (through tests/tools/mmhs-dsngen)
# are read by an independent MIME implementation, python3's email package,
# as RFC 6522 multipart/report; report-type=delivery-status with a
# message/delivery-status part whose fields are those asked for, and the
# third part of the type RFC 3461 RET calls for; no parser defects.
. "$srcdir/tests/e2e/common.sh"

gen=$builddir/tests/tools/mmhs-dsngen
orig=$srcdir/tests/unit/data/dsn/orig.eml

if ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 # skip no python3"
	exit 0
fi
if [ ! -x "$gen" ]; then
	echo "ok 1 # skip tests/tools/mmhs-dsngen not built"
	exit 0
fi

# pycheck - FILE THIRD-TYPE ENVID ACTION:STATUS:ADDR...: python3 agrees
pycheck() {
	python3 - "$@" <<'EOP'
import email, email.policy, sys
path, third, envid = sys.argv[1:4]
want = [r.split(":") for r in sys.argv[4:]]
with open(path, "rb") as f:
    raw = f.read()
assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
assert max(len(l) for l in raw.split(b"\r\n")) <= 998, "long line"
m = email.message_from_bytes(raw, policy=email.policy.default)
assert m.get_content_type() == "multipart/report", m.get_content_type()
assert m.get_param("report-type") == "delivery-status"
assert m["Auto-Submitted"] == "auto-replied"
parts = m.get_payload()
assert [p.get_content_type() for p in parts] == \
    ["text/plain", "message/delivery-status", third], \
    [p.get_content_type() for p in parts]
blocks = parts[1].get_payload()
assert blocks[0]["Reporting-MTA"] == "dns; mta.example.mil"
if envid != "-":
    assert blocks[0]["Original-Envelope-Id"] == envid
rcpts = blocks[1:]
assert len(rcpts) == len(want), (len(rcpts), len(want))
for b, (action, status, addr) in zip(rcpts, want):
    assert b["Action"] == action and b["Status"] == status, (b["Action"], b["Status"])
    assert b["Final-Recipient"] == "rfc822;" + addr, b["Final-Recipient"]
if third == "message/rfc822":
    inner = parts[2].get_payload()[0]
    assert inner["Message-ID"] == "<20231114091238.77@hq.example.mil>"
    assert inner.get_content_type() == "multipart/mixed"
    assert len(inner.get_payload()) == 2
for part in m.walk():
    assert not part.defects, part.defects
print("python3 email: %s, %d recipients" % (m.get_content_type(), len(rcpts)))
EOP
}

# one - NAME THIRD ENVID DSNGEN-ARGS... -- ACTION:STATUS:ADDR...
one() {
	local name=$1 third=$2 envid=$3 args=() want=()
	shift 3
	while [ "$1" != "--" ]; do args+=("$1"); shift; done
	shift
	want=("$@")
	if ! "$gen" "${args[@]}" > "$testdir/$name.eml" 2>> "$testdir/commands.log"; then
		not_ok "$name: mmhs-dsngen refused"
		return
	fi
	check "$name: python3 reads $third" pycheck "$testdir/$name.eml" \
	    "$third" "$envid" "${want[@]}"
}

one fail-full message/rfc822 "QQ+1234" -e QQ+2B1234 -r full -a 1699999000 \
    -R mx1.fleet.example.mil -d "550 5.1.1 <x@fleet.example.mil>: user unknown" \
    -s j.smith@hq.example.mil "$orig" \
    "failed:5.1.1:x@fleet.example.mil:rfc822;x+40fleet.example.mil" \
    "failed:5.7.1:y@fleet.example.mil" \
    -- failed:5.1.1:x@fleet.example.mil failed:5.7.1:y@fleet.example.mil
one fail-hdrs text/rfc822-headers - -r hdrs -s j.smith@hq.example.mil "$orig" \
    "failed:5.2.2:x@fleet.example.mil" -- failed:5.2.2:x@fleet.example.mil
one fail-default message/rfc822 - -s j.smith@hq.example.mil "$orig" \
    "failed:4.4.7:x@fleet.example.mil" -- failed:4.4.7:x@fleet.example.mil
one delay text/rfc822-headers E2 -e E2 -r full -d "421 4.4.1 timed out" \
    -s j.smith@hq.example.mil "$orig" "delayed:4.4.1:x@fleet.example.mil" \
    -- delayed:4.4.1:x@fleet.example.mil
one success text/rfc822-headers - -r full -s j.smith@hq.example.mil "$orig" \
    "delivered:2.0.0:a@fleet.example.mil" "relayed:2.0.0:b@nato.example.int" \
    "expanded:2.0.0:dl@fleet.example.mil" \
    -- delivered:2.0.0:a@fleet.example.mil relayed:2.0.0:b@nato.example.int \
    expanded:2.0.0:dl@fleet.example.mil

# a large original streams through unchanged
big=$testdir/big.eml
{ cat "$orig"; for i in $(seq 1 20000); do
	echo "line $i of a large body, long enough to add up to a few megabytes....."
done; } > "$big"
if "$gen" -s j.smith@hq.example.mil "$big" failed:5.3.4:x@fleet.example.mil \
    > "$testdir/big-dsn.eml" 2>> "$testdir/commands.log"; then
	check "large original: python3 reads message/rfc822" pycheck \
	    "$testdir/big-dsn.eml" message/rfc822 - failed:5.3.4:x@fleet.example.mil
else
	not_ok "large original: mmhs-dsngen refused"
fi

# no DSN to the null return path
if "$gen" -s "<>" "$orig" failed:5.1.1:x@fleet.example.mil > /dev/null \
    2> "$testdir/null.err"; then
	not_ok "a DSN to <> is refused"
else
	check "a DSN to <> is refused" grep -q "null return path" "$testdir/null.err"
fi
