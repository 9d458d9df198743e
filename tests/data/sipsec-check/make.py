#!/usr/bin/env python3
"""make.py: the messages tests/test_sipsec_check.py needs that take a new
signature or a new encryption, made with the openssl command from the draft's
keys and the draft's message 5.1. Run: python3 tests/data/sipsec-check/make.py

openssl's output differs from run to run (random content keys and IVs,
signingTime), so the committed files are the test inputs and this script
documents how each was made. The variants that need no new cryptography
(a changed From, a changed byte of Hello, base64 re-encoding...) are derived
by the test itself at run time."""
import os
import subprocess
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


def write(name, data, how):
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


if __name__ == "__main__":
    main()
