#!/usr/bin/env python3
"""test_sipsec_check.py: sipsec-check's expected results (issue #7), run on
the draft's messages (tests/data/draft/) and on variants of them.

    test_sipsec_check.py SIPSEC_CHECK          run every case against the binary
    test_sipsec_check.py --coverage            every finding id of
                                               tools/sipsec-check/findings.h is
                                               expected by some case below and
                                               listed in docs/sipsec-check.md

Variants that need no new cryptography are derived here at run time from the
originals (From changed, a byte of Hello changed, the signature part
re-encoded as base64 with its Content-Transfer-Encoding and Content-Length
fixed, a certificate removed from the SignedData...). Those that need a new
signature or encryption are committed in tests/data/sipsec-check/ (made by
its make.py); PEM files of several certificates for --ca are written at run
time from the draft's (Bundle). Every case runs twice, --json (whose output must parse, with
python3 -m json.tool too) and text, and both must give the same exit status
and findings. A case names the findings it expects; the run fails if a
finding id of the table is expected by no case, or if a case's expected
finding does not appear."""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRAFT = os.path.join(ROOT, "tests", "data", "draft")
MADE = os.path.join(ROOT, "tests", "data", "sipsec-check")
FINDINGS_H = os.path.join(ROOT, "tools", "sipsec-check", "findings.h")
DOC = os.path.join(ROOT, "docs", "sipsec-check.md")

DRAFT_TIME = ["--at", "2005-02-04T20:20:00Z"]
CA = ["--ca", os.path.join(DRAFT, "certs", "ca-cert.pem")]
KUMIKO = ["--key", os.path.join(DRAFT, "certs", "kumiko-key.pem"),
          "--cert", os.path.join(DRAFT, "certs", "kumiko-cert.pem")]
FLUFFY = ["--key", os.path.join(DRAFT, "certs", "fluffy-key.pem"),
          "--cert", os.path.join(DRAFT, "certs", "fluffy-cert.pem")]


def read(*parts):
    with open(os.path.join(*parts), "rb") as f:
        return f.read()


def message(name):
    return read(DRAFT, "messages", name)


M42 = "4.2-message-over-tls.sip"
M42_OK = "4.2-200-ok.sip"
M51 = "5.1-message-signed.sip"
M52 = "5.2-message-encrypted.sip"
M53 = "5.3-message-encrypted-signed.sip"
BLOB1 = read(DRAFT, "cms", "blob1-signed.der")
BLOB2 = read(DRAFT, "cms", "blob2-enveloped.der")
BOUNDARY = b"151aa2144df0f6bd"


# ---- Variants --------------------------------------------------------------

def fix_length(msg):
    """Sets Content-Length to the size of the body after the blank line."""
    head, body = msg.split(b"\r\n\r\n", 1) if b"\r\n\r\n" in msg else msg.split(b"\n\n", 1)
    head = re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % len(body), head)
    sep = b"\r\n\r\n" if b"\r\n\r\n" in msg else b"\n\n"
    return head + sep + body


def replace(msg, old, new, count=1):
    assert msg.count(old) == count, (old, msg.count(old))
    return fix_length(msg.replace(old, new))


def drop_header(msg, name):
    lines = msg.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    line = [l for l in lines if l.lower().startswith(name.lower() + b":")]
    assert len(line) == 1
    return msg.replace(line[0] + b"\r\n", b"", 1)


def signature_base64(msg, corrupt=False):
    """5.1 with the signature part's body base64-encoded (76-character lines,
    RFC 2045 6.8), its Content-Transfer-Encoding saying so, and Content-Length
    fixed. With |corrupt|, a '!' in the middle of the base64."""
    text = base64.encodebytes(BLOB1).replace(b"\n", b"\r\n").rstrip(b"\r\n")
    if corrupt:
        text = text[:100] + b"!" + text[100:]
    old = b"Content-Transfer-Encoding: binary\r\n\r\n" + BLOB1
    return replace(msg, old, b"Content-Transfer-Encoding: base64\r\n\r\n" + text)


def lf_only(msg):
    """5.1 with bare LF line ends everywhere but inside the binary signature:
    the SIP header section, the MIME delimiter and part header lines, and
    the line end before each delimiter."""
    head, body = msg.split(b"\r\n\r\n", 1)
    start = body.index(BLOB1)
    text, sig, tail = body[:start], body[start:start + len(BLOB1)], body[start + len(BLOB1):]
    body = text.replace(b"\r\n", b"\n") + sig + tail.replace(b"\r\n", b"\n")
    return fix_length(head.replace(b"\r\n", b"\n") + b"\n\n" + body)


def der_elements(b):
    """Splits DER contents |b| into its elements (tag, header length, total)."""
    out, i = [], 0
    while i < len(b):
        n, h = b[i + 1], 2
        if n & 0x80:
            k = n & 0x7F
            n, h = int.from_bytes(b[i + 2:i + 2 + k], "big"), 2 + k
        out.append(b[i:i + h + n])
        i += h + n
    return out


def der(tag, content):
    n = len(content)
    if n < 0x80:
        return bytes([tag, n]) + content
    k = (n.bit_length() + 7) // 8
    return bytes([tag, 0x80 | k]) + n.to_bytes(k, "big") + content


def contents(element):
    n = element[1]
    return element[2 + (n & 0x7F if n & 0x80 else 0):]


def edit_signed_data(blob, edit):
    """Re-encodes blob 1 with |edit| applied to the list of SignedData fields
    (version, digestAlgorithms, encapContentInfo, [0] certificates,
    signerInfos)."""
    oid, explicit = der_elements(contents(blob))
    fields = der_elements(contents(der_elements(contents(explicit))[0]))
    fields = edit(fields)
    signed_data = der(0x30, b"".join(fields))
    return der(0x30, oid + der(0xA0, signed_data))


def without_certificates(fields):
    assert fields[3][0] == 0xA0
    return fields[:3] + fields[4:]


def without_signers(fields):
    assert fields[-1][0] == 0x31
    return fields[:-1] + [der(0x31, b"")]


def with_signature(msg, new_der):
    return replace(msg, BLOB1, new_der)


def blob1_changed(old, new):
    assert BLOB1.count(old) >= 1
    return BLOB1.replace(old, new)


# ---- Cases -----------------------------------------------------------------

class Case:
    """A message, the command-line arguments, the exit status and the
    findings: |expect| must all be there and no id may start with a prefix of
    |absent|; or, with |exactly|, the findings are exactly those ids (in any
    order, each as many times as listed)."""
    def __init__(self, name, data, args, exit, expect=(), absent=(), check=None, exactly=None):
        self.name, self.data, self.args, self.exit = name, data, args, exit
        self.expect, self.absent, self.check = list(expect), list(absent), check
        self.exactly = None if exactly is None else sorted(exactly)
        if exactly is not None:
            assert not expect and not absent, "exactly replaces expect and absent"
            self.expect = list(exactly)


class Bundle:
    """A PEM file written at run time: the certificates of tests/data/draft/
    certs/ |names| one after the other (a --ca argument)."""
    def __init__(self, *names):
        self.names = names

    def write(self, tmp):
        path = os.path.join(tmp, "+".join(n.replace(".pem", "") for n in self.names) + ".pem")
        with open(path, "wb") as f:
            for n in self.names:
                f.write(read(DRAFT, "certs", n))
        return path


def signature(doc, i=0):
    return doc["files"][0]["signatures"][i]


def entity(doc, path):
    return [e for e in doc["files"][0]["entities"] if e["path"] == path][0]


def check_51_valid(doc):
    s = signature(doc)
    assert s["valid"] is True and s["trust_checked"] is True
    assert s["verified_at"] == "2005-02-04T20:20:00Z"
    signer = s["signers"][0]
    assert signer["signature"] == "VALID" and signer["digest"] == "SHA1"
    assert signer["certificate"]["problems"] == []
    assert "sip:fluffy@example.com" in signer["certificate"]["san_uris"]
    assert signer["from_matches_san"] is True
    # The signed bytes are exactly those of the draft's blob 1.
    part = entity(doc, "body")["parts"][0]
    signed = part["signed"]
    content = message(M51)[signed["offset"]:signed["offset"] + signed["length"]]
    assert content == read(DRAFT, "cms", "blob1-signed-content.bin")


def check_inner_text(path, text, source="decrypted"):
    def check(doc):
        e = entity(doc, path)
        assert e["source"] == source and e["parsed"] is True, e
        root = e["parts"][0]
        assert root["type"] == "text/plain" and root["text"] == text, root
    return check


def check_no_smime(doc):
    f = doc["files"][0]
    assert f["sip"]["status"] == "parsed"
    assert f["signatures"] == [] and f["decryptions"] == []


def check_identity_reported(doc):
    headers = doc["files"][0]["sip"]["headers"]
    identity = [h for h in headers if h.get("known_as") == "Identity"]
    assert len(identity) == 1 and identity[0]["verified"] is False


def check_200(doc):
    start = doc["files"][0]["sip"]["start_line"]
    assert start["kind"] == "response" and start["status_code"] == 200


def check_both_checked(doc):
    s = signature(doc)
    assert s["valid"] is True and s["part"] == "body"
    d = doc["files"][0]["decryptions"][0]
    assert d["part"] == "body.1" and d["status"] == "SF_SMIME_OK" and d["cipher"] == "DES-EDE3-CBC"


def check_same_as_binary(binary_doc_args, original_name=M51):
    """The base64 variant gives the binary original's verdict: the same
    findings (ids, severities), signature validity, decryption results and
    exit status."""
    def check(doc, run):
        original = run(message(original_name), binary_doc_args)
        def verdict(d):
            f = d["files"][0]
            return (sorted((x["id"], x["severity"]) for x in f["findings"]),
                    [s["valid"] for s in f["signatures"]],
                    [(x["status"], x.get("cipher")) for x in f["decryptions"]],
                    f["summary"]["exit"])
        assert verdict(doc) == verdict(original), (verdict(doc), verdict(original))
    return check


def check_subject(doc):
    headers = doc["files"][0]["sip"]["headers"]
    subject = [h for h in headers if h["name"] == "Subject"][0]
    # UTF-8 kept, bytes that are not UTF-8 read as Latin-1 (\u00XX), a tab escaped.
    assert subject["value"] == "caf\u00e9\tand \u00ff\u00fe \"q\" \\", subject["value"]


def check_bodyless_part(doc):
    """crashes/sip_smime/54de4d...: a part with no blank line has no body;
    its finding is at the end of the part, inside the input."""
    f = doc["files"][0]
    cms = [x for x in f["findings"] if x["id"] == "cms.malformed"][0]
    part = entity(doc, "body")["parts"][1]
    assert "body" not in part, part
    assert cms["where"] == "body.1" and "inner_offset" not in cms, cms
    assert cms["offset"] == part["whole"]["offset"] + part["whole"]["length"], (cms, part)


def check_canonicalised(doc):
    assert signature(doc)["canonicalised"] is True and signature(doc)["valid"] is True


def check_signed_inside(doc):
    assert signature(doc)["part"] == "body/decrypted", signature(doc)["part"]
    assert entity(doc, "body/decrypted")["parts"][0]["type"] == "multipart/signed"


def check_finding_offset(doc, finding_id, offset):
    """The |finding_id| finding points at byte |offset| of the message."""
    offsets = [x["offset"] for x in doc["files"][0]["findings"] if x["id"] == finding_id]
    assert offsets == [offset], (finding_id, offsets, offset)


def check_detail(finding_id, text):
    """The |finding_id| finding's detail is |text|."""
    def check(doc):
        details = [x.get("detail", "") for x in doc["files"][0]["findings"] if x["id"] == finding_id]
        assert details == [text], (finding_id, details, text)
    return check


def check_san(uris, matches):
    """The signer certificate's subjectAltName URIs are |uris| and the From
    matches one of them exactly when |matches|."""
    def check(doc):
        signer = signature(doc)["signers"][0]
        assert signer["certificate"]["san_uris"] == uris, signer["certificate"]["san_uris"]
        assert signer["from_matches_san"] is matches, signer["from_matches_san"]
    return check


def all_of(*checks):
    def check(doc):
        for c in checks:
            c(doc)
    return check


def base64_body(msg, der):
    """|msg| (whose body is |der| in binary, labelled so by the SIP
    Content-Transfer-Encoding header) with the body in base64 (76-character
    lines, RFC 2045 6.8), the header saying base64 and Content-Length fixed."""
    text = base64.encodebytes(der).replace(b"\n", b"\r\n").rstrip(b"\r\n")
    msg = replace(msg, der, text)
    return replace(msg, b"Content-Transfer-Encoding: binary\r\n", b"Content-Transfer-Encoding: base64\r\n")


def from_changed(uri):
    return replace(message(M51), b"From: <sip:fluffy@example.com>", b"From: <" + uri + b">")


# 5.1's findings when all is well at the draft's time: the two interop
# quirks of the draft's client, and the signature, certificate and sender.
M51_OK = ["mime.unquoted-parameter", "mime.signature-label", "smime.signature-valid",
          "smime.cert-valid", "smime.san-match"]
M51_SAN_MISMATCH = [i for i in M51_OK if i != "smime.san-match"] + ["smime.san-mismatch"]
FLUFFY_SAN = ["sip:fluffy@example.com", "im:fluffy@example.com", "pres:fluffy@example.com"]

M51_FROM_ALICE = lambda: replace(message(M51), b"From: <sip:fluffy@example.com>",
                                 b"From: <sip:alice@example.com>")

CASES = [
    # The expected results, one bullet each.
    Case("5.1 with the CA at the draft's time", message(M51), CA + DRAFT_TIME, 0,
         ["smime.signature-valid", "smime.cert-valid", "smime.san-match",
          "mime.unquoted-parameter", "mime.signature-label"],
         ["smime.cert-expired", "smime.san-mismatch"], check_51_valid),
    Case("5.1 without --at: the certificate expired in 2008", message(M51), CA, 1,
         ["smime.cert-expired", "smime.signature-valid", "smime.san-match"]),
    Case("5.1 with From another user at example.com", M51_FROM_ALICE(), CA + DRAFT_TIME, 1,
         ["smime.san-mismatch", "smime.signature-valid"], ["smime.san-match"]),
    Case("5.1 with a byte of Hello changed",
         replace(message(M51), b"\r\n\r\nHello\r\n--", b"\r\n\r\nJello\r\n--"), CA + DRAFT_TIME, 1,
         ["smime.digest-mismatch"], ["smime.signature-valid"]),
    Case("5.1 with the signature part in base64", signature_base64(message(M51)), CA + DRAFT_TIME,
         0, ["smime.signature-valid", "smime.cert-valid", "smime.san-match"], [],
         check_same_as_binary(CA + DRAFT_TIME)),
    Case("5.1 in base64 without --at", signature_base64(message(M51)), CA, 1,
         ["smime.cert-expired"], [], check_same_as_binary(CA)),
    Case("5.2 with kumiko's key", message(M52), KUMIKO, 0, ["smime.decrypted"], [],
         check_inner_text("body/decrypted", "Hello")),
    Case("5.3 with the CA, the time and kumiko's key", message(M53), CA + DRAFT_TIME + KUMIKO, 0,
         ["smime.signature-valid", "smime.decrypted", "smime.san-match", "smime.cert-valid"], [],
         lambda d: (check_both_checked(d), check_inner_text("body.1/decrypted", "Hi There")(d))),
    Case("4.2 over TLS: Identity present, not verified", message(M42), [], 0,
         ["sip.identity-not-verified", "sip.unquoted-identity", "body.no-smime"], ["smime."],
         lambda d: (check_no_smime(d), check_identity_reported(d))),
    Case("4.2's 200 OK", message(M42_OK), [], 0, ["body.no-smime"], ["smime.", "sip.identity"],
         lambda d: (check_no_smime(d), check_200(d))),

    # The SIP message.
    Case("not a SIP message", b"hello\r\n\r\n", [], 1, ["sip.malformed"]),
    Case("5.1 without CSeq", drop_header(message(M51), b"CSeq"), CA + DRAFT_TIME, 1,
         ["sip.semantic", "smime.signature-valid"]),
    Case("5.1 with LF line ends but in the signature", lf_only(message(M51)), CA + DRAFT_TIME, 0,
         ["sip.lf-line-ends", "mime.lf-line-ends", "smime.canonicalised", "smime.signature-valid"],
         ["smime.digest-mismatch"], check_canonicalised),
    Case("5.1 with a Latin-1 Content-Description on the signature part (not UTF-8)",
         replace(message(M51), b"Content-Disposition: attachment;",
                 b"Content-Description: signatur\xe9\r\nContent-Disposition: attachment;"),
         CA + DRAFT_TIME, 0, ["mime.non-utf8", "smime.signature-valid", "smime.san-match"],
         ["mime.malformed"],
         lambda d: check_finding_offset(
             d, "mime.non-utf8", message(M51).index(b"Content-Disposition: attachment;") + 29)),
    Case("5.1 with a token display name against '<'",
         replace(message(M51), b"From: <sip:fluffy", b"From: Fluffy<sip:fluffy"), CA + DRAFT_TIME,
         0, ["sip.display-name-no-space", "smime.san-match"]),
    Case("5.1 with a Latin-1 display name (not UTF-8)",
         replace(message(M51), b"From: <sip:fluffy", b"From: \"Fl\xfcffy\" <sip:fluffy"), CA + DRAFT_TIME,
         0, ["sip.non-utf8", "smime.san-match", "smime.signature-valid"], ["sip.malformed"],
         lambda d: check_finding_offset(d, "sip.non-utf8", message(M51).index(b"From: <sip:fluffy") + 9)),
    Case("5.1 with bytes after the body", message(M51) + b"\r\n\r\ntrailing", CA + DRAFT_TIME, 0,
         ["sip.trailing-bytes", "smime.signature-valid"]),
    Case("5.1 with a Subject in UTF-8, Latin-1, a tab, quotes and a backslash",
         replace(message(M51), b"User-Agent:",
                 b"Subject: caf\xc3\xa9\tand \xff\xfe \"q\" \\\r\nUser-Agent:"),
         CA + DRAFT_TIME, 0, ["smime.signature-valid"], [], check_subject),
    Case("5.1 without Content-Length", drop_header(message(M51), b"Content-Length"),
         CA + DRAFT_TIME, 0, ["sip.no-content-length", "smime.signature-valid"]),

    # MIME.
    Case("5.1 without its close delimiter",
         replace(message(M51), b"--" + BOUNDARY + b"--", b"--" + BOUNDARY + b"xx"), CA + DRAFT_TIME,
         1, ["mime.malformed"], ["smime.signature-valid"]),
    Case("5.1 with a '!' inside the base64 signature", signature_base64(message(M51), True),
         CA + DRAFT_TIME, 1, ["mime.bad-encoding"], ["smime.signature-valid"]),
    Case("5.1 with an unknown transfer encoding on the signature",
         replace(message(M51), b"Content-Transfer-Encoding: binary\r\n\r\n0",
                 b"Content-Transfer-Encoding: x-unknown\r\n\r\n0"), CA + DRAFT_TIME, 1,
         ["mime.unknown-encoding"]),

    # Regression inputs of crashes/sip_smime/ (crashes/INDEX.tsv).
    Case("an application/pkcs7-mime part without a body",
         read(ROOT, "crashes", "sip_smime", "54de4d4f65eba9a15ae16d9816b221cd2059f970"), [], 1,
         ["cms.malformed", "sip.semantic"], [], check_bodyless_part),

    # The S/MIME objects.
    Case("5.1 with text for a signature", with_signature(message(M51), b"not a CMS message"),
         CA + DRAFT_TIME, 1, ["cms.malformed"], ["smime.signature-valid"]),
    Case("5.1 with an EnvelopedData for a signature", with_signature(message(M51), BLOB2),
         CA + DRAFT_TIME, 1, ["smime.wrong-cms-type"]),
    Case("5.2 labelled smime-type=signed-data",
         replace(message(M52), b"smime-type=enveloped-data", b"smime-type=signed-data"), KUMIKO, 0,
         ["smime.smime-type-mismatch", "smime.decrypted"]),
    Case("5.1 with protocol=application/pgp-signature",
         replace(message(M51), b"protocol=application/pkcs7-signature",
                 b"protocol=\"application/pgp-signature\""), CA + DRAFT_TIME, 0,
         ["smime.unsupported-protocol"], ["smime.signature-valid"]),
    Case("5.1 with micalg=sha-256", replace(message(M51), b"micalg=sha1", b"micalg=sha-256"),
         CA + DRAFT_TIME, 0, ["smime.micalg-mismatch", "smime.signature-valid"]),
    Case("5.1 with no SignerInfo",
         with_signature(message(M51), edit_signed_data(BLOB1, without_signers)), CA + DRAFT_TIME, 1,
         ["smime.no-signer"], ["smime.signature-valid"]),
    Case("5.1 with a digit of signingTime changed",
         with_signature(message(M51), blob1_changed(b"050204201712Z", b"050204201713Z")),
         CA + DRAFT_TIME, 1, ["smime.bad-signature"], ["smime.digest-mismatch"]),
    Case("5.1 with SHA-1 renamed to an unknown OID",
         with_signature(message(M51), blob1_changed(bytes.fromhex("06052b0e03021a"),
                                                    bytes.fromhex("06052b0e03027f"))),
         CA + DRAFT_TIME, 1, ["smime.unknown-algorithm", "cms.malformed"]),
    Case("5.1 without the certificates",
         with_signature(message(M51), edit_signed_data(BLOB1, without_certificates)),
         CA + DRAFT_TIME, 1, ["smime.no-signer-cert"], ["smime.san-match"]),
    Case("5.1 before the certificate was issued", message(M51),
         CA + ["--at", "2005-01-01T00:00:00Z"], 1, ["smime.cert-not-yet-valid",
                                                    "smime.signature-valid"]),
    Case("5.1 with another trust anchor", message(M51),
         ["--ca", os.path.join(DRAFT, "certs", "example.com-cert.pem")] + DRAFT_TIME, 1,
         ["smime.cert-untrusted", "smime.signature-valid"]),
    Case("5.1 without --ca", message(M51), DRAFT_TIME, 0,
         ["smime.no-trust-anchor", "smime.signature-valid", "smime.san-match"],
         ["smime.cert-valid", "smime.cert-untrusted"]),
    Case("5.1 signed by example.com (no URI in its subjectAltName)",
         read(MADE, "no-san-uri.sip"), CA + DRAFT_TIME, 1, ["smime.no-san-uri",
                                                            "smime.signature-valid"]),
    Case("5.2 without a key", message(M52), [], 0, ["smime.not-decrypted"], ["smime.decrypted"]),
    Case("5.2 with fluffy's key", message(M52), FLUFFY, 1, ["smime.decrypt-failed"]),
    Case("five EnvelopedData inside each other", read(MADE, "too-deep.sip"), KUMIKO, 1,
         ["smime.too-deep", "smime.decrypted"]),
    Case("opaque signed-data", read(MADE, "opaque-signed.sip"), CA + DRAFT_TIME, 0,
         ["smime.signature-valid", "smime.san-match"], [],
         check_inner_text("body/content", "Hello, opaque", "encapsulated")),
    Case("5.1's body signed then encrypted", read(MADE, "encrypted-signed.sip"),
         CA + DRAFT_TIME + KUMIKO, 0,
         ["smime.decrypted", "smime.signature-valid", "smime.san-match", "smime.cert-valid"], [],
         check_signed_inside),

    # Binary and base64 alike for an application/pkcs7-mime body too: 5.2
    # with its EnvelopedData in base64 (the SIP Content-Transfer-Encoding
    # header saying so) gets the binary original's verdict and content.
    Case("5.2 in base64 with kumiko's key", base64_body(message(M52), BLOB2), KUMIKO, 0,
         exactly=["smime.decrypted"],
         check=lambda d, run: (check_same_as_binary(KUMIKO, M52)(d, run),
                               check_inner_text("body/decrypted", "Hello")(d))),
    Case("5.2 in base64 without a key", base64_body(message(M52), BLOB2), [], 0,
         exactly=["smime.not-decrypted"], check=check_same_as_binary([], M52)),
    Case("5.2 in base64 with fluffy's key", base64_body(message(M52), BLOB2), FLUFFY, 1,
         exactly=["smime.decrypt-failed"], check=check_same_as_binary(FLUFFY, M52)),

    # Several trust anchors: --ca given twice (the CA first or last, next to
    # a certificate that is no CA), and one PEM file holding several
    # certificates (the CA last, or not there at all).
    Case("5.1 with --ca example.com then --ca the CA", message(M51),
         ["--ca", os.path.join(DRAFT, "certs", "example.com-cert.pem")] + CA + DRAFT_TIME, 0,
         exactly=M51_OK, check=check_51_valid),
    Case("5.1 with --ca the CA then --ca example.com", message(M51),
         CA + ["--ca", os.path.join(DRAFT, "certs", "example.com-cert.pem")] + DRAFT_TIME, 0,
         exactly=M51_OK, check=check_51_valid),
    Case("5.1 with one PEM file of three certificates, the CA last", message(M51),
         ["--ca", Bundle("example.com-cert.pem", "example.net-cert.pem", "ca-cert.pem")]
         + DRAFT_TIME, 0, exactly=M51_OK, check=check_51_valid),
    Case("5.1 with one PEM file of two certificates, no CA", message(M51),
         ["--ca", Bundle("example.com-cert.pem", "kumiko-cert.pem")] + DRAFT_TIME, 1,
         exactly=[i for i in M51_OK if i != "smime.cert-valid"] + ["smime.cert-untrusted"]),

    # The signer is the sender, by RFC 3261 19.1.4 (docs/sipsec-check.md):
    # scheme and host case-insensitive, user case-sensitive, sip never sips.
    Case("5.1 with From's host in capitals", from_changed(b"sip:fluffy@EXAMPLE.COM"),
         CA + DRAFT_TIME, 0, exactly=M51_OK,
         check=all_of(check_san(FLUFFY_SAN, True),
                      check_detail("smime.san-match", "signer 1: From sip:fluffy@EXAMPLE.COM "
                                   "equals sip:fluffy@example.com"))),
    Case("5.1 with From's scheme and host in mixed case", from_changed(b"SIP:fluffy@Example.Com"),
         CA + DRAFT_TIME, 0, exactly=M51_OK, check=check_san(FLUFFY_SAN, True)),
    Case("5.1 with From's user capitalised", from_changed(b"sip:Fluffy@example.com"),
         CA + DRAFT_TIME, 1, exactly=M51_SAN_MISMATCH,
         check=all_of(check_san(FLUFFY_SAN, False),
                      check_detail("smime.san-mismatch", "signer 1: From sip:Fluffy@example.com; "
                                   "certificate URIs: " + ", ".join(FLUFFY_SAN)))),
    Case("5.1 with a sips: From against the sip: subjectAltName",
         from_changed(b"sips:fluffy@example.com"), CA + DRAFT_TIME, 1, exactly=M51_SAN_MISMATCH,
         check=all_of(check_san(FLUFFY_SAN, False),
                      check_detail("smime.san-mismatch", "signer 1: From sips:fluffy@example.com; "
                                   "certificate URIs: " + ", ".join(FLUFFY_SAN) + " (only sip "
                                   "versus sips differs, which RFC 3261 19.1.4 never equates)"))),
    Case("5.1 signed with a certificate of only im: and pres: URIs",
         read(MADE, "im-pres-only.sip"), CA + DRAFT_TIME, 1,
         exactly=[i for i in M51_OK if i != "smime.san-match"] + ["smime.no-san-uri"],
         check=all_of(check_san(["im:fluffy@example.com", "pres:fluffy@example.com"], False),
                      check_detail("smime.no-san-uri", "signer 1 (CN=fluffy@example.com,O=sipit,"
                                   "L=San Jose,ST=California,C=US): subjectAltName URIs: "
                                   "im:fluffy@example.com, pres:fluffy@example.com"))),
]


# ---- Running ---------------------------------------------------------------

def table_ids():
    """The finding ids and severities of tools/sipsec-check/findings.h."""
    with open(FINDINGS_H) as f:
        text = f.read()
    rows = re.findall(r'X\(\w+, "([a-z0-9.-]+)", (INFO|WARNING|ERROR),', text)
    assert rows, "no rows found in findings.h"
    return {i: s.lower() for i, s in rows}


class Runner:
    def __init__(self, binary, tmp):
        self.binary, self.tmp, self.n = binary, tmp, 0

    def run(self, data, args, json_out=True):
        self.n += 1
        path = os.path.join(self.tmp, "case%d.sip" % self.n)
        with open(path, "wb") as f:
            f.write(data)
        args = [a.write(self.tmp) if isinstance(a, Bundle) else a for a in args]
        cmd = [self.binary] + (["--json"] if json_out else []) + args + [path]
        return subprocess.run(cmd, capture_output=True, timeout=60)

    def run_json(self, data, args):
        p = self.run(data, args)
        tool = subprocess.run([sys.executable, "-m", "json.tool"], input=p.stdout,
                              capture_output=True)
        assert tool.returncode == 0, "python3 -m json.tool rejects the output: %s" % tool.stderr
        doc = json.loads(p.stdout)
        assert doc["exit"] == p.returncode, (doc["exit"], p.returncode)
        return doc, p


def check_case(runner, case, table):
    doc, p = runner.run_json(case.data, case.args)
    f = doc["files"][0]
    found = [x["id"] for x in f["findings"]]
    problems = []
    if p.returncode != case.exit:
        problems.append("exit %d, want %d" % (p.returncode, case.exit))
    for want in case.expect:
        if want not in found:
            problems.append("no %s finding" % want)
    if case.exactly is not None and sorted(found) != case.exactly:
        problems.append("findings %s, want exactly %s" % (sorted(found), case.exactly))
    for prefix in case.absent:
        hits = [x for x in found if x.startswith(prefix)]
        if hits:
            problems.append("unexpected %s" % ", ".join(hits))
    for x in f["findings"]:
        if table.get(x["id"]) != x["severity"]:
            problems.append("%s has severity %s, the table says %s" % (x["id"], x["severity"],
                                                                         table.get(x["id"])))
        if x["offset"] > f["size"] or not x["where"] or not x["message"]:
            problems.append("finding %s: offset %d of %d, where %r" % (x["id"], x["offset"],
                                                                      f["size"], x["where"]))
    errors = sum(1 for x in f["findings"] if x["severity"] == "error")
    if (errors > 0) != (p.returncode == 1):
        problems.append("%d error findings but exit %d" % (errors, p.returncode))
    # The text form: same exit status, same findings.
    text = runner.run(case.data, case.args, json_out=False)
    if text.returncode != p.returncode:
        problems.append("text exit %d, JSON exit %d" % (text.returncode, p.returncode))
    text_ids = re.findall(rb"^  - id: (\S+)$", text.stdout, re.M)
    if [t.decode() for t in text_ids] != found:
        problems.append("text findings %s differ from JSON %s" % (text_ids, found))
    if case.check is not None and not problems:
        try:
            if case.check.__code__.co_argcount == 2:
                case.check(doc, lambda data, args: runner.run_json(data, args)[0])
            else:
                case.check(doc)
        except AssertionError as e:
            problems.append("check failed: %r" % (e,))
    return problems


def check_command_line(runner):
    """--help, usage errors and I/O errors (exit status 2), standard input,
    several files (the exit status is the worst)."""
    problems = []
    b = runner.binary
    h = subprocess.run([b, "--help"], capture_output=True)
    for option in [b"--ca", b"--at", b"--key", b"--cert", b"--json", b"--quiet", b"--help",
                   b"--version", b"exit status"]:
        if option not in h.stdout:
            problems.append("--help does not explain %s" % option.decode())
    if h.returncode != 0:
        problems.append("--help exits %d" % h.returncode)
    for args in (["--bogus", "x"], ["--at", "yesterday", "x"], ["--key", "k.pem", "x"], [],
                 ["--ca", os.path.join(ROOT, "README.md"), "x"],
                 [os.path.join(runner.tmp, "missing.sip")]):
        p = subprocess.run([b] + args, capture_output=True)
        if p.returncode != 2 or not p.stderr:
            problems.append("%s: exit %d (want 2 and a reason)" % (args, p.returncode))
    p = subprocess.run([b, "-q", "-"], input=message(M42_OK), capture_output=True)
    if p.returncode != 0 or b"body.no-smime" not in p.stdout:
        problems.append("standard input: exit %d" % p.returncode)
    both = [os.path.join(DRAFT, "messages", M42_OK), os.path.join(DRAFT, "messages", M51)]
    p = subprocess.run([b, "--json"] + CA + both, capture_output=True)
    doc = json.loads(p.stdout)
    if p.returncode != 1 or [f["summary"]["exit"] for f in doc["files"]] != [0, 1]:
        problems.append("two files: exit %d" % p.returncode)
    return problems


def coverage(table):
    expected = set(i for c in CASES for i in c.expect)
    missing = sorted(set(table) - expected)
    unknown = sorted(expected - set(table))
    problems = ["finding %s is expected by no case" % i for i in missing]
    problems += ["a case expects %s, which findings.h does not have" % i for i in unknown]
    with open(DOC) as f:
        doc = f.read()
    problems += ["docs/sipsec-check.md does not list %s" % i for i in sorted(table)
                 if "| `%s` | %s |" % (i, table[i]) not in doc]
    return problems


def main():
    table = table_ids()
    if sys.argv[1:] == ["--coverage"]:
        problems = coverage(table)
        for p in problems:
            print("FAIL:", p)
        print("%d finding ids, each expected by a case" % len(table) if not problems else "")
        return 1 if problems else 0
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    failures = coverage(table)
    with tempfile.TemporaryDirectory() as tmp:
        runner = Runner(sys.argv[1], tmp)
        for case in CASES:
            problems = check_case(runner, case, table)
            print("%s: %s" % ("ok  " if not problems else "FAIL", case.name))
            for p in problems:
                print("      " + p)
            failures += problems
        problems = check_command_line(runner)
        print("%s: command line" % ("ok  " if not problems else "FAIL"))
        for p in problems:
            print("      " + p)
        failures += problems
    print("%d cases, %d problems" % (len(CASES) + 1, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
