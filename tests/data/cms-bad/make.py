#!/usr/bin/env python3
"""make.py: build the malformed CMS inputs of tests/test_cms.c from the draft's
blobs, one fault each, and write INDEX.tsv (file, expected status, flags,
what is wrong). Run from anywhere: python3 tests/data/cms-bad/make.py

Each input is a draft blob decoded into a tree, edited in one place and
re-encoded in DER, so everything but the named fault stays valid. The outputs
are committed; this script documents how each was made."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BLOBS = os.path.join(HERE, "..", "draft", "cms")


def parse(b, pos=0, end=None):
    """Decode DER elements in b[pos:end] into [tag_bytes, children-or-bytes]."""
    end = len(b) if end is None else end
    out = []
    while pos < end:
        t0 = pos
        pos += 1
        if b[t0] & 0x1F == 0x1F:
            while b[pos] & 0x80:
                pos += 1
            pos += 1
        tag = b[t0:pos]
        n = b[pos]
        pos += 1
        if n & 0x80:
            k = n & 0x7F
            n = int.from_bytes(b[pos:pos + k], "big")
            pos += k
        if tag[0] & 0x20:
            out.append([tag, parse(b, pos, pos + n)])
        else:
            out.append([tag, b[pos:pos + n]])
        pos += n
    return out


def length(n):
    if n < 0x80:
        return bytes([n])
    k = (n.bit_length() + 7) // 8
    return bytes([0x80 | k]) + n.to_bytes(k, "big")


def enc(node):
    tag, val = node
    body = b"".join(enc(c) for c in val) if isinstance(val, list) else val
    return tag + length(len(body)) + body


def tlv(tag, body):
    return bytes([tag]) + length(len(body)) + body


def load(name):
    with open(os.path.join(BLOBS, name), "rb") as f:
        return f.read()


def oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    subids = [arcs[0] * 40 + arcs[1]] + arcs[2:]
    out = b""
    for v in subids:
        chunk = [v & 0x7F]
        v >>= 7
        while v:
            chunk.insert(0, 0x80 | (v & 0x7F))
            v >>= 7
        out += bytes(chunk)
    return tlv(0x06, out)


SIGNED = "1.2.840.113549.1.7.2"
CT_CONTENT_INFO = "1.2.840.113549.1.9.16.1.6"

cases = []


def case(name, data, status, flags, why):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    cases.append((name, status, flags, why))


blob1 = load("blob1-signed.der")
blob2 = load("blob2-enveloped.der")


def signed_tree():
    return parse(blob1)[0]


def signer(t):
    # ContentInfo > [0] > SignedData > signerInfos (last) > SignerInfo 0
    return t[1][1][1][0][1][-1][1][0]


def signed_attr(t, index):
    return signer(t)[1][3][1][index]  # signedAttrs [0] > Attribute


# The faults issue #4 names.
case("signed-no-content.der", tlv(0x30, oid(SIGNED)), "SF_CMS_MISSING_CONTENT", "",
     "ContentInfo of type signedData with its [0] content missing")

t = parse(blob2)[0]
eci = t[1][1][1][0][1][2]  # ContentInfo > [0] > EnvelopedData > encryptedContentInfo
del eci[1][2]
case("enveloped-no-encrypted-content.der", enc(t), "SF_CMS_MISSING_ENCRYPTED_CONTENT", "",
     "EnvelopedData whose EncryptedContentInfo has no [0] encryptedContent")
case("enveloped-no-encrypted-content-allowed.der", enc(t), "SF_CMS_OK",
     "SF_CMS_ALLOW_DETACHED_ENCRYPTED",
     "the same, accepted with SF_CMS_ALLOW_DETACHED_ENCRYPTED")

t = signed_tree()
signer(t)[1][2][1][0][1] = oid("1.2.3.4.5")[2:]  # digestAlgorithm OID
case("unknown-digest-oid.der", enc(t), "SF_CMS_UNKNOWN_DIGEST_ALG", "",
     "a signer whose digest algorithm OID (1.2.3.4.5) is no known hash")

t = signed_tree()
signed_attr(t, 2)[1][1][1] = [[b"\x02", bytes.fromhex("00da23800f1eb9e195cc7e553d49aec17ad599da2b")]]
case("message-digest-integer.der", enc(t), "SF_CMS_BAD_MESSAGE_DIGEST", "",
     "a messageDigest attribute holding an INTEGER instead of an OCTET STRING")

inner = blob1
for _ in range(5):  # id-ct-contentInfo wrapping: 6 ContentInfo levels
    inner = tlv(0x30, oid(CT_CONTENT_INFO) + tlv(0xA0, inner))
case("nesting-too-deep.der", inner, "SF_CMS_TOO_DEEP_NESTING", "",
     "ContentInfo nested inside ContentInfo (id-ct-contentInfo) 6 levels deep")
inner = blob1
for _ in range(3):
    inner = tlv(0x30, oid(CT_CONTENT_INFO) + tlv(0xA0, inner))
case("nesting-at-limit.der", inner, "SF_CMS_OK", "",
     "the same, 4 levels: exactly SF_CMS_MAX_NESTING")

t = signed_tree()
signer(t)[1][5][1] = bytes(range(256)) * 16 + b"\x01"  # signature OCTET STRING
case("signature-too-long.der", enc(t), "SF_CMS_SIGNATURE_TOO_LONG", "",
     "a 4097-byte signature, longer than any RSA key (SF_CMS_MAX_SIGNATURE_LEN 2048)")

case("trailing-bytes.der", blob1 + b"\x00\x00", "SF_CMS_TRAILING_DATA", "",
     "two bytes after the outer ContentInfo")

assert blob1[:4] == b"\x30\x82\x04\xe0"
case("nonminimal-length.der", b"\x30\x83\x00\x04\xe0" + blob1[4:], "SF_CMS_NONMINIMAL_LENGTH", "",
     "the outer length in four octets (83 00 04 E0) where DER wants 82 04 E0")
case("nonminimal-length-ber.der", b"\x30\x83\x00\x04\xe0" + blob1[4:], "SF_CMS_OK",
     "SF_CMS_ALLOW_BER", "the same, accepted in BER mode (warning SF_DER_W_NONMINIMAL_LENGTH)")

assert blob1[4] == 0x06
case("high-tag-low-number.der", b"\x30\x82\x04\xe1\x1f\x06" + blob1[5:], "SF_CMS_NONMINIMAL_TAG", "",
     "the contentType OID tag written in high-tag form (1F 06) where 06 fits")

# Further RFC 5652 rules.
t = signed_tree()
signed_attr(t, 2)[1][1][1][0][1] = b"\x00" * 19
case("message-digest-length.der", enc(t), "SF_CMS_MESSAGE_DIGEST_LENGTH", "",
     "a 19-byte messageDigest with a SHA-1 signer")

t = signed_tree()
signed_attr(t, 0)[1][1][1][0][1] = oid("1.2.840.113549.1.7.3")[2:]
case("content-type-mismatch.der", enc(t), "SF_CMS_BAD_CONTENT_TYPE_ATTR", "",
     "the contentType attribute says envelopedData, eContentType says data")

t = signed_tree()
del signer(t)[1][3][1][2]
case("missing-message-digest.der", enc(t), "SF_CMS_MISSING_MESSAGE_DIGEST", "",
     "signedAttrs without a messageDigest attribute")

t = signed_tree()
signer(t)[1][3][1].append(signed_attr(t, 1))
case("duplicate-signing-time.der", enc(t), "SF_CMS_DUPLICATE_ATTRIBUTE", "",
     "two signingTime attributes")

t = signed_tree()
signer(t)[1][0][1] = b"\x03"
case("signer-version.der", enc(t), "SF_CMS_BAD_VERSION", "",
     "SignerInfo version 3 with an issuerAndSerialNumber sid")

t = signed_tree()
signed_attr(t, 1)[1][1][1][0][1] = b"050230201712Z"
case("signing-time-february-30.der", enc(t), "SF_CMS_BAD_TIME", "",
     "a signingTime of 30 February 2005")

t = signed_tree()
del t[1][1][1][0][1][-1]
case("no-signer-infos.der", enc(t), "SF_CMS_MISSING_SIGNER_INFOS", "",
     "SignedData without its signerInfos SET")

t = parse(blob2)[0]
t[1][1][1][0][1][2][1][1][1][1][1] = b"\x05\x8b\xc4\xdc\x50\x5e\xd7"
case("iv-short.der", enc(t), "SF_CMS_BAD_IV", "", "a 7-byte IV for des-ede3-cbc")

t = signed_tree()
cert = t[1][1][1][0][1][3][1][0]
exts = cert[1][0][1][7][1][0][1]
exts.append(exts[0])
case("duplicate-extension.der", enc(t), "SF_CMS_DUPLICATE_EXTENSION", "",
     "the certificate carries subjectAltName twice")

t = signed_tree()
cert = t[1][1][1][0][1][3][1][0]
cert[1][0][1][7][1][0][1][0][1][1][1] = b"\x30\x00"
case("empty-san.der", enc(t), "SF_CMS_BAD_SUBJECT_ALT_NAME", "",
     "an empty subjectAltName SEQUENCE (SIZE (1..MAX))")

# Shapes the fuzzers found (crashes/INDEX.tsv has the original inputs).
t = signed_tree()
issuer = signer(t)[1][1][1][0]  # sid > issuerAndSerialNumber > issuer Name
issuer[1][0][1][0][1][1][0] = b"\x80"  # countryName value tagged [0]
case("name-value-context-tag.der", enc(t), "SF_CMS_BAD_NAME", "",
     "an issuer attribute value tagged [0] instead of a universal string type")

t = signed_tree()
t[1][1][1][0][1][-1][0] = b"\x11"  # signerInfos as a primitive SET
case("primitive-set.der", enc(t), "SF_CMS_BAD_FORM", "",
     "signerInfos encoded as a primitive SET (X.690 8.12.1: always constructed)")

t = signed_tree()
t[1][1][1][0][1][3][0] = b"\x80"  # certificates [0] in primitive form
case("primitive-certificates.der", enc(t), "SF_CMS_BAD_FORM", "",
     "certificates as a primitive [0] (an IMPLICIT SET OF stays constructed, X.690 8.14.3)")

t = signed_tree()
t[1][1][1][0][1][2][1][0][1] = oid(CT_CONTENT_INFO)[2:]  # eContentType
del signer(t)[1][3]  # signedAttrs
case("no-signed-attrs-not-data.der", enc(t), "SF_CMS_MISSING_SIGNED_ATTRS", "",
     "eContentType id-ct-contentInfo and a signer without signedAttrs (RFC 5652 5.3)")

with open(os.path.join(HERE, "INDEX.tsv"), "w") as f:
    f.write("file\tstatus\tflags\tdescription\n")
    for c in cases:
        f.write("\t".join(c) + "\n")
print("wrote %d cases to %s" % (len(cases), HERE))
