#!/bin/bash
# smime.sh - mmhs-smime against "openssl cms" on the same messages: sign
# (with an ESS label for ours), verify (chain and CRL), encrypt, decrypt,
# one process per message for both, as a client or a script runs them.
#
# usage: tests/bench/smime.sh BUILDDIR [MESSAGES] [SIZE]
#
# A CA, a CRL and one RSA-2048 holder are made with the openssl command
# in a scratch directory; the message is SIZE octets of text (default
# 4096) with the header of an MMHS message.  Each operation runs MESSAGES
# times (default 200) for each tool, one after the other on the same
# input, and the table gives the mean wall time per message and the ratio
# ours/openssl.  Ours reads its key from a PKCS#12 file (what the agents
# use: the key derivation is part of every sign and decrypt), openssl
# from a PEM file.  Each tool's output is checked by the other tool
# once before timing, so the rows compare work that interoperates.
set -u
build=$(cd "${1:?usage: smime.sh BUILDDIR [MESSAGES] [SIZE]}" && pwd) || exit 2
n=${2:-200}
size=${3:-4096}
smime=$build/agents/smime/mmhs-smime
[ -x "$smime" ] || { echo "smime.sh: $smime is not built" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/smime-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
policy=2.25.59028202126315117165413111612054445617.6.1

# the PKI: CA, holder, empty CRL
cat > ca.cnf <<EOF
[ca]
default_ca = bench
[bench]
database = $work/index.txt
crlnumber = $work/crlnumber
certificate = $work/ca.pem
private_key = $work/ca.key
default_md = sha256
default_crl_days = 30
EOF
: > index.txt
echo 01 > crlnumber
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -sha256 -subj "/CN=Bench CA" \
    -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null &&
openssl req -new -newkey rsa:2048 -nodes -subj "/CN=Bench User" \
    -keyout user.key -out user.csr 2>/dev/null &&
openssl x509 -req -in user.csr -CA ca.pem -CAkey ca.key -set_serial 2 \
    -days 30 -sha256 -out user.pem -extfile <(printf '%s\n' \
    'subjectAltName=email:bench.user@mod.westland.example' \
    'keyUsage=critical,digitalSignature,keyEncipherment' \
    'extendedKeyUsage=emailProtection') 2>/dev/null &&
openssl ca -config ca.cnf -gencrl -out crl.pem 2>/dev/null &&
echo bench > pass &&
openssl pkcs12 -export -inkey user.key -in user.pem -passout file:pass \
    -out user.p12 2>/dev/null || { echo "smime.sh: cannot make the PKI" >&2; exit 2; }
cat ca.pem crl.pem > ca+crl.pem

{
	printf 'From: bench.user@mod.westland.example\r\n'
	printf 'To: ops.jfhq@mod.westland.example\r\nSubject: bench\r\n'
	printf 'MMHS-Primary-Precedence: 2 (immediate)\r\n'
	printf 'Content-Type: text/plain; charset=us-ascii\r\n\r\n'
	head -c "$size" /dev/zero | tr '\0' 'x' | fold -w 76 | sed 's/$/\r/'
} > msg.eml

ours_sign() { "$smime" sign -k user.p12 -p pass --label "$policy:3" < msg.eml; }
ossl_sign() { openssl cms -sign -nodetach -signer user.pem -inkey user.key -md sha256 -in msg.eml; }
ours_verify() { "$smime" verify --ca ca.pem --crl crl.pem < "$1" > /dev/null; }
ossl_verify() { openssl cms -verify -CAfile ca+crl.pem -crl_check -in "$1" -out /dev/null 2>/dev/null; }
ours_encrypt() { "$smime" encrypt -r user.pem < msg.eml; }
ossl_encrypt() { openssl cms -encrypt -aes256 -in msg.eml user.pem; }
ours_decrypt() { "$smime" decrypt -k user.p12 -p pass < "$1"; }
ossl_decrypt() { openssl cms -decrypt -recip user.pem -inkey user.key -in "$1"; }

# cross-check once: each tool reads what the other wrote
ours_sign > s-ours.eml && ossl_sign > s-ossl.eml &&
ossl_verify s-ours.eml && ours_verify s-ossl.eml &&
ours_encrypt > e-ours.eml && ossl_encrypt > e-ossl.eml &&
ossl_decrypt e-ours.eml > /dev/null && ours_decrypt e-ossl.eml > /dev/null ||
    { echo "smime.sh: the tools do not read each other's output" >&2; exit 1; }

# per_msg FN [ARG] - mean microseconds of one run of FN, over $n runs
per_msg() {
	local i t0 t1
	t0=$(date +%s%N)
	for ((i = 0; i < n; i++)); do
		"$@" > /dev/null 2>&1 || { echo "smime.sh: $1 failed" >&2; exit 1; }
	done
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 / n ))
}

row() {
	local op=$1 a=$2 b=$3
	awk -v op="$op" -v a="$a" -v b="$b" 'BEGIN {
		printf "%-10s %12.2f %14.2f %8.2f\n", op, a / 1000, b / 1000, a / b }'
}

echo "mmhs-smime vs openssl cms: $n messages of $size octets, one process each"
printf '%-10s %12s %14s %8s\n' operation "ours ms/msg" "openssl ms/msg" ratio
row sign "$(per_msg ours_sign)" "$(per_msg ossl_sign)"
row verify "$(per_msg ours_verify s-ours.eml)" "$(per_msg ossl_verify s-ours.eml)"
row encrypt "$(per_msg ours_encrypt)" "$(per_msg ossl_encrypt)"
row decrypt "$(per_msg ours_decrypt e-ours.eml)" "$(per_msg ossl_decrypt e-ours.eml)"
