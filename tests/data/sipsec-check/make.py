#!/usr/bin/env python3
"""make.py: the messages tests/test_sipsec_check.py needs that take a new
signature or a new encryption, made with the openssl command from the draft's
keys and the draft's message 5.1. Run: python3 tests/data/sipsec-check/make.py
[NAME...] (with names, only those files are written; the others stay as
committed).

openssl's output differs from run to run (random content keys and IVs,
signingTime), so the committed files are the test inputs and this script
documents how each was made. The variants that need no new cryptography
(a changed From, a changed byte of Hello, base64 re-encoding...) are derived
by the test itself at run time."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DRAFT = os.path.join(HERE, "..", "draft")
CERTS = os.path.join(DRAFT, "certs")


def read(*parts):
    with open(os.path.join(*parts), "rb") as f:
        return f.read()


def openssl(args, data, recipients=()):
    """Run `openssl cms ARGS` on DATA and return its output (the recipient
    certificates of -encrypt come last, after every option)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in")
        with open(src, "wb") as f:
            f.write(data)
        return subprocess.run(["openssl", "cms"] + args + ["-in", src, "-binary", "-outform", "DER"] + list(recipients),
                              check=True, capture_output=True).stdout


def cert(name):
    return os.path.join(CERTS, name)


def with_body(headers, content_type, body):
    """The header section of |headers| (a whole message) with its Content-Type
    value and Content-Length replaced, followed by |body|."""
    head = headers.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    out = []
    for line in head:
        name = line.split(b":", 1)[0].strip().lower()
        if name == b"content-type":
            line = b"Content-Type: " + content_type
        elif name == b"content-length":
            line = b"Content-Length: " + str(len(body)).encode()
        out.append(line)
    return b"\r\n".join(out) + b"\r\n\r\n" + body


def draft_ca_issue(subject, key, extensions):
    """A certificate for |key| (a PEM file) with |subject| and the X.509v3
    |extensions| (openssl config lines), issued by the draft's CA with the
    draft's CA key (password "password", seed README) by `openssl ca`, valid
    over the same dates as fluffy's (2005-02-03T18:49:34Z to 2008), so that
    it verifies at the draft's time. Returns the PEM certificate."""
    with tempfile.TemporaryDirectory() as tmp:
        def at(name):
            return os.path.join(tmp, name)
        with open(at("index.txt"), "w"):
            pass
        with open(at("serial"), "w") as f:
            f.write("1001\n")
        with open(at("ca.cnf"), "w") as f:
            f.write("[ca]\ndefault_ca = draft\n[draft]\n"
                    f"database = {at('index.txt')}\nnew_certs_dir = {tmp}\nserial = {at('serial')}\n"
                    "default_md = sha1\npolicy = any\nunique_subject = no\n"
                    "copy_extensions = none\nx509_extensions = ext\n"
                    "[any]\ncommonName = supplied\n[ext]\n" + extensions + "\n")
        subprocess.run(["openssl", "req", "-new", "-key", key, "-subj", subject, "-out", at("req.csr")],
                       check=True, capture_output=True)
        subprocess.run(["openssl", "ca", "-batch", "-config", at("ca.cnf"), "-cert", cert("ca-cert.pem"),
                        "-keyfile", cert("ca-key-encrypted.pem"), "-passin", "pass:password",
                        "-startdate", "20050203184934Z", "-enddate", "20080203184934Z",
                        "-preserveDN", "-notext", "-in", at("req.csr"), "-out", at("cert.pem")],
                       check=True, capture_output=True)
        return read(at("cert.pem"))


def write(name, data, how):
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes, {how}")


M51 = read(DRAFT, "messages", "5.1-message-signed.sip")
BLOB1 = read(DRAFT, "cms", "blob1-signed.der")
CONTENT1 = read(DRAFT, "cms", "blob1-signed-content.bin")
PKCS7_ENVELOPED = b"application/pkcs7-mime;smime-type=enveloped-data;name=smime.p7m"
TO_KUMIKO = ["-encrypt", "-aes128"]


def main():
    # 1. 5.1 signed by example.com, whose certificate (from the same CA) has
    #    only a DNS subjectAltName: no URI to compare with From.
    sig = openssl(["-sign", "-md", "sha1", "-signer", cert("example.com-cert.pem"),
                   "-inkey", cert("example.com-key.pem")], CONTENT1)
    assert M51.count(BLOB1) == 1
    body = M51.split(b"\r\n\r\n", 1)[1].replace(BLOB1, sig)
    write("no-san-uri.sip", with_body(M51, b"multipart/signed;boundary=151aa2144df0f6bd;"
                                      b"micalg=sha1;protocol=application/pkcs7-signature", body),
          "5.1 with its signature made by example.com's key over the same signed part")

    # 2. Opaque signing (RFC 8551 3.5.2): the SignedData carries a MIME entity.
    inner = b"Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\nHello, opaque"
    signed = openssl(["-sign", "-nodetach", "-md", "sha256", "-signer", cert("fluffy-cert.pem"),
                      "-inkey", cert("fluffy-key.pem")], inner)
    write("opaque-signed.sip",
          with_body(M51, b"application/pkcs7-mime;smime-type=signed-data;name=smime.p7m", signed),
          "application/pkcs7-mime signed-data by fluffy (SHA-256) over a text/plain entity")

    # 3. Signed, then encrypted (RFC 8551 3.6): 5.1's multipart/signed body as
    #    an entity, encrypted to kumiko.
    entity = (b"Content-Type: multipart/signed;boundary=151aa2144df0f6bd;micalg=sha1;"
              b"protocol=\"application/pkcs7-signature\"\r\n\r\n" + M51.split(b"\r\n\r\n", 1)[1])
    write("encrypted-signed.sip", with_body(M51, PKCS7_ENVELOPED, openssl(TO_KUMIKO, entity, [cert("kumiko-cert.pem")])),
          "5.1's multipart/signed body encrypted (AES-128) to kumiko")

    # 4. Five EnvelopedData inside each other, one more than sipsec-check
    #    follows (SF_CHECK_MAX_NESTING is 4).
    content = b"Content-Type: text/plain\r\n\r\ndeep"
    for _ in range(5):
        der = openssl(TO_KUMIKO, content, [cert("kumiko-cert.pem")])
        content = (b"Content-Type: " + PKCS7_ENVELOPED + b"\r\n"
                   b"Content-Transfer-Encoding: binary\r\n\r\n" + der)
    write("too-deep.sip", with_body(M51, PKCS7_ENVELOPED, der),
          "five EnvelopedData to kumiko, each holding the next")

    # 5. 5.1 signed (SHA-1, over the same signed part) by fluffy's key with a
    #    certificate from the draft's CA whose subjectAltName holds only the
    #    im: and pres: URIs of fluffy's (no sip: URI to compare with From).
    im_pres = draft_ca_issue("/C=US/ST=California/L=San Jose/O=sipit/CN=fluffy@example.com",
                             cert("fluffy-key.pem"),
                             "subjectAltName = URI:im:fluffy@example.com, URI:pres:fluffy@example.com\n"
                             "basicConstraints = CA:FALSE")
    with tempfile.TemporaryDirectory() as tmp:
        signer = os.path.join(tmp, "im-pres-cert.pem")
        with open(signer, "wb") as f:
            f.write(im_pres)
        sig = openssl(["-sign", "-md", "sha1", "-signer", signer, "-inkey", cert("fluffy-key.pem")],
                      CONTENT1)
    body = M51.split(b"\r\n\r\n", 1)[1].replace(BLOB1, sig)
    write("im-pres-only.sip", with_body(M51, b"multipart/signed;boundary=151aa2144df0f6bd;"
                                        b"micalg=sha1;protocol=application/pkcs7-signature", body),
          "5.1 signed by fluffy's key, certificate with only im: and pres: subjectAltName URIs")


if __name__ == "__main__":
    main()
