/* sf/der.h: a reader for ASN.1 DER and BER (ITU-T X.690), in the spirit of
 * BoringSSL's CBS.
 *
 * Contract (sf/common.h): input is never written, never read outside its
 * bounds, never assumed to end in NUL; results are slices into it; nothing is
 * allocated; every count has a named limit below; a failure returns a code
 * from SF_DER_STATUS_LIST and records the byte offset (from the start of the
 * top-level buffer) and the fixed reason in the cursor's sf_der_state.
 *
 * Strict DER (X.690 section 10) by default. BER (X.690 section 8) features are
 * separate opt-in flags (SF_DER_ALLOW_*), each reported back as a warning bit
 * (SF_DER_W_*) when an input used it: CMS (RFC 5652 section 2) allows BER and
 * real senders stream it.
 *
 * Naming, as in text.h: *get* reads and advances (only on success), *peek*
 * looks without moving, *is_* only checks. Outputs are named out_*. After a
 * structure the caller calls sf_der_finish() to check that nothing is left
 * over. A failed get records its error in the shared state once: the first
 * (innermost) failure wins, and callers simply return the code upwards. */
#ifndef SF_DER_H
#define SF_DER_H

#include "sf/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Named limits ------------------------------------------------------ */

/* Nesting of constructed elements below the top-level cursor (definite or
 * indefinite). CMS needs about 12 (SignedData > SignerInfo > signedAttrs >
 * attribute > SMIMECapabilities > capability > parameters); OpenSSL stops at
 * 30 (ASN1_MAX_CONSTRUCTED_NEST). Exceeding it is SF_DER_TOO_DEEP. */
#define SF_DER_MAX_DEPTH 30
/* Significant octets of a long-form length: lengths below 2^32. */
#define SF_DER_MAX_LENGTH_OCTETS 4
/* Octets after the first of a high tag number (X.690 8.1.2.4): tag numbers
 * below 2^28. */
#define SF_DER_MAX_TAG_OCTETS 4
/* Constructed strings nested inside a constructed string (X.690 8.7.3,
 * 8.6.3), the outer one not counted; the same as OpenSSL's
 * ASN1_MAX_STRING_NEST. */
#define SF_DER_MAX_STRING_NEST 5
/* Arcs of one OBJECT IDENTIFIER (the two first arcs count as two). */
#define SF_DER_MAX_OID_ARCS 32
/* Bytes sf_der_oid_to_text may need: each arc has at most 20 digits and a
 * dot, plus the NUL. */
#define SF_DER_OID_TEXT_MAX (SF_DER_MAX_OID_ARCS * 21 + 1)

/* ---- Status codes ------------------------------------------------------- */

#define SF_DER_STATUS_LIST(X)                                                                  \
  X(OK, "parsed")                                                                              \
  X(TRUNCATED, "the input ends inside an element (identifier, length or contents)")           \
  X(TAG_TOO_LONG, "a high tag number has more than SF_DER_MAX_TAG_OCTETS octets")              \
  X(NONMINIMAL_TAG, "a tag number is not minimally encoded (X.690 8.1.2: low form fits, or a leading 0x80)") \
  X(RESERVED_LENGTH, "the length octet 0xFF is reserved (X.690 8.1.3.5)")                      \
  X(LENGTH_TOO_LONG, "a long-form length has more than SF_DER_MAX_LENGTH_OCTETS significant octets") \
  X(NONMINIMAL_LENGTH, "a length is not in its shortest form (X.690 10.1)")                    \
  X(INDEFINITE_LENGTH, "an indefinite length where DER requires a definite one (X.690 10.1)")  \
  X(INDEFINITE_PRIMITIVE, "an indefinite length on a primitive element (X.690 8.1.3.2)")       \
  X(MISSING_EOC, "indefinite-length contents end without end-of-contents octets")              \
  X(BAD_EOC, "end-of-contents octets where no indefinite length is open, or not 00 00")        \
  X(TOO_DEEP, "constructed elements nested deeper than SF_DER_MAX_DEPTH")                      \
  X(BAD_FORM, "an element in the wrong form (a constructed INTEGER, a primitive SEQUENCE or SET OF)") \
  X(CONSTRUCTED_STRING, "a constructed string encoding where DER requires a primitive one")     \
  X(BAD_STRING_SEGMENT, "a segment of a constructed string is not of the string's type")       \
  X(STRING_TOO_DEEP, "constructed strings nested deeper than SF_DER_MAX_STRING_NEST")          \
  X(UNEXPECTED_TAG, "an element does not have the tag the structure requires")                \
  X(MISSING_ELEMENT, "the structure ends where a required element should be")                 \
  X(TRAILING_DATA, "bytes are left over after a complete structure")                          \
  X(BAD_INTEGER, "an INTEGER or ENUMERATED has no contents octets")                            \
  X(NONMINIMAL_INTEGER, "an INTEGER has a redundant leading 00 or FF octet (X.690 8.3.2)")     \
  X(NEGATIVE_INTEGER, "a negative INTEGER where only non-negative values are allowed")         \
  X(INTEGER_TOO_LARGE, "an INTEGER does not fit the width this field allows")                  \
  X(BAD_BOOLEAN, "a BOOLEAN is not one octet, or (DER) neither 00 nor FF")                     \
  X(BAD_NULL, "a NULL has contents octets")                                                    \
  X(BAD_OID, "an OBJECT IDENTIFIER is empty or ends inside an arc")                            \
  X(NONMINIMAL_OID_ARC, "an OBJECT IDENTIFIER arc starts with the octet 0x80 (X.690 8.19.2)")  \
  X(OID_ARC_TOO_LARGE, "an OBJECT IDENTIFIER arc does not fit in 64 bits")                     \
  X(TOO_MANY_OID_ARCS, "an OBJECT IDENTIFIER has more than SF_DER_MAX_OID_ARCS arcs")          \
  X(BAD_OID_TEXT, "dotted OID text is not arc.arc[.arc...] with valid first arcs")             \
  X(BAD_BIT_STRING, "a BIT STRING has no unused-bits octet, more than 7 unused bits, or (DER) nonzero padding") \
  X(BAD_TIME, "a UTCTime or GeneralizedTime is not in the DER form YYMMDDHHMMSSZ / YYYYMMDDHHMMSS[.f]Z or names no real instant") \
  X(BAD_STRING, "a character string holds bytes its type does not allow (or bad UTF-8/UCS-2/UCS-4)") \
  X(BUFFER_TOO_SMALL, "the caller's output buffer is too small")

enum sf_der_status {
#define SF_X(name, reason) SF_DER_##name,
  SF_DER_STATUS_LIST(SF_X)
#undef SF_X
  SF_DER_STATUS_COUNT
};

/* sf_der_status_name returns "SF_DER_OK" etc.; "?" for unknown codes. */
const char *sf_der_status_name(int code);
/* sf_der_status_reason returns the fixed sentence for |code|. */
const char *sf_der_status_reason(int code);

/* ---- Leniency flags and warnings --------------------------------------- */

enum {
  /* Indefinite lengths (0x80) closed by end-of-contents (X.690 8.1.3.6), on
   * constructed elements. What streaming CMS senders (openssl cms -stream,
   * Outlook) produce. Security cost: finding the end means walking the
   * contents, so each nesting level may rescan its children: time is bounded
   * by SF_DER_MAX_DEPTH times the input length. */
  SF_DER_ALLOW_INDEFINITE = 1u << 0,
  /* Constructed encodings of strings (X.690 8.7.3 OCTET STRING, 8.6.3 BIT
   * STRING, 8.23.6 character strings), segments of the same type. Security
   * cost: the value is no longer one contiguous slice; sf_der_string_copy
   * joins it into a caller buffer. */
  SF_DER_ALLOW_CONSTRUCTED_STRINGS = 1u << 1,
  /* Long-form lengths that are not the shortest (leading 00 octets, or long
   * form for a length below 128; X.690 8.1.3.5 allows them, 10.1 does not).
   * Security cost: two encodings of one value, so byte comparisons of
   * "the same" structure can differ. */
  SF_DER_ALLOW_NONMINIMAL_LENGTH = 1u << 2,
  /* BOOLEAN TRUE as any nonzero octet (X.690 8.2.2; DER 11.1 wants FF). */
  SF_DER_ALLOW_BER_BOOLEAN = 1u << 3,
  /* BIT STRING padding bits that are not zero (DER 11.2.1 wants zero). */
  SF_DER_ALLOW_BIT_PADDING = 1u << 4,
  /* A field encoded with its DEFAULT value (DER 11.5 omits it; BER may
   * encode it). The reader cannot see DEFAULTs, which belong to the schema:
   * the CMS parser applies this flag to the DEFAULTs it decodes, an
   * extension's critical FALSE, basicConstraints' cA FALSE and a
   * certificate's version v1. Security cost: two encodings of one value,
   * as with non-minimal lengths. */
  SF_DER_ALLOW_ENCODED_DEFAULT = 1u << 5,
};
/* SF_DER_BER: every BER leniency. The reader applies all of them but
 * SF_DER_ALLOW_ENCODED_DEFAULT, which only a parser that knows the schema
 * (the CMS one) can. */
#define SF_DER_BER                                                                   \
  (SF_DER_ALLOW_INDEFINITE | SF_DER_ALLOW_CONSTRUCTED_STRINGS |                      \
   SF_DER_ALLOW_NONMINIMAL_LENGTH | SF_DER_ALLOW_BER_BOOLEAN | SF_DER_ALLOW_BIT_PADDING |   \
   SF_DER_ALLOW_ENCODED_DEFAULT)

/* Warning bits: the same bit as the flag that let the input through. */
enum {
  SF_DER_W_INDEFINITE = SF_DER_ALLOW_INDEFINITE,
  SF_DER_W_CONSTRUCTED_STRING = SF_DER_ALLOW_CONSTRUCTED_STRINGS,
  SF_DER_W_NONMINIMAL_LENGTH = SF_DER_ALLOW_NONMINIMAL_LENGTH,
  SF_DER_W_BER_BOOLEAN = SF_DER_ALLOW_BER_BOOLEAN,
  SF_DER_W_BIT_PADDING = SF_DER_ALLOW_BIT_PADDING,
  SF_DER_W_ENCODED_DEFAULT = SF_DER_ALLOW_ENCODED_DEFAULT,
};

/* ---- Tags ---------------------------------------------------------------- */

/* sf_der_tag packs class (top two bits), the constructed bit and the tag
 * number, like BoringSSL's CBS_ASN1_TAG: SF_DER_SEQUENCE is
 * universal|constructed|16, SF_DER_CONTEXT_CONS(0) is [0] constructed. */
typedef uint32_t sf_der_tag;

#define SF_DER_CLASS_UNIVERSAL 0x00000000u
#define SF_DER_CLASS_APPLICATION 0x40000000u
#define SF_DER_CLASS_CONTEXT 0x80000000u
#define SF_DER_CLASS_PRIVATE 0xC0000000u
#define SF_DER_CLASS_MASK 0xC0000000u
#define SF_DER_CONSTRUCTED 0x20000000u
#define SF_DER_NUMBER_MASK 0x1FFFFFFFu

#define SF_DER_EOC 0u
#define SF_DER_BOOLEAN 1u
#define SF_DER_INTEGER 2u
#define SF_DER_BIT_STRING 3u
#define SF_DER_OCTET_STRING 4u
#define SF_DER_NULL 5u
#define SF_DER_OID 6u
#define SF_DER_ENUMERATED 10u
#define SF_DER_UTF8STRING 12u
#define SF_DER_NUMERICSTRING 18u
#define SF_DER_PRINTABLESTRING 19u
#define SF_DER_T61STRING 20u
#define SF_DER_VIDEOTEXSTRING 21u
#define SF_DER_IA5STRING 22u
#define SF_DER_UTCTIME 23u
#define SF_DER_GENERALIZEDTIME 24u
#define SF_DER_GRAPHICSTRING 25u
#define SF_DER_VISIBLESTRING 26u
#define SF_DER_GENERALSTRING 27u
#define SF_DER_UNIVERSALSTRING 28u
#define SF_DER_BMPSTRING 30u
#define SF_DER_SEQUENCE (0x10u | SF_DER_CONSTRUCTED)
#define SF_DER_SET (0x11u | SF_DER_CONSTRUCTED)
#define SF_DER_CONTEXT(n) (SF_DER_CLASS_CONTEXT | (sf_der_tag)(n))
#define SF_DER_CONTEXT_CONS(n) (SF_DER_CLASS_CONTEXT | SF_DER_CONSTRUCTED | (sf_der_tag)(n))

/* ---- The cursor --------------------------------------------------------- */

/* sf_der_state is shared by a top-level cursor and every cursor opened inside
 * it: the buffer (offsets count from |base|), the flags, the warnings used so
 * far and the first error. */
typedef struct sf_der_state {
  const uint8_t *base;
  size_t len;
  unsigned flags;    /* SF_DER_ALLOW_* */
  unsigned warnings; /* SF_DER_W_* */
  sf_error err;      /* code SF_DER_OK until something fails */
} sf_der_state;

/* sf_der is a cursor over [pos, end) of st->base at nesting |depth|. It owns
 * nothing; copying it is how a caller saves a position. */
typedef struct sf_der {
  sf_der_state *st;
  size_t pos;
  size_t end;
  unsigned depth;
} sf_der;

/* sf_der_elem is one element as read. For an indefinite length, |contents|
 * excludes and |whole| includes the end-of-contents octets. */
typedef struct sf_der_elem {
  sf_der_tag tag;
  size_t header_len; /* identifier and length octets */
  sf_slice contents;
  sf_slice whole;
  int indefinite;
  unsigned depth; /* nesting depth of the cursor it was read from */
} sf_der_elem;

/* sf_der_init sets up |st| over [data, data+len) with |flags| and points |d|
 * at all of it, at depth 0. */
void sf_der_init(sf_der *d, sf_der_state *st, const uint8_t *data, size_t len, unsigned flags);

/* sf_der_left returns the bytes left; sf_der_at_end 1 if none. */
static inline size_t sf_der_left(const sf_der *d) { return d->end - d->pos; }
static inline int sf_der_at_end(const sf_der *d) { return d->pos >= d->end; }
/* sf_der_rest returns what is left as a slice, without moving. */
sf_slice sf_der_rest(const sf_der *d);

/* sf_der_fail records |code| at absolute |offset| (if nothing was recorded
 * before) and returns |code|. For parsers built on this reader. */
int sf_der_fail(sf_der_state *st, int code, size_t offset);

/* sf_der_peek_tag stores the next element's tag in |*out_tag| without moving.
 * Returns 1, or 0 (nothing recorded) if no valid identifier follows. */
int sf_der_peek_tag(const sf_der *d, sf_der_tag *out_tag);
/* sf_der_is_next returns 1 if the next element has tag |tag|. */
int sf_der_is_next(const sf_der *d, sf_der_tag tag);

/* sf_der_get_any reads the next element, whatever its tag, checking its
 * identifier and length octets, the form of universal types and the contents
 * of the universal primitive types whose encoding rules X.690 fixes (BOOLEAN,
 * INTEGER, ENUMERATED, NULL, OBJECT IDENTIFIER, BIT STRING, BMPString,
 * UniversalString). It does not descend into constructed contents of definite
 * length; an indefinite length is walked to its end-of-contents. Returns
 * SF_DER_OK or the code it recorded. */
int sf_der_get_any(sf_der *d, sf_der_elem *out);

/* sf_der_get_elem is sf_der_get_any requiring tag |tag|
 * (SF_DER_UNEXPECTED_TAG, or SF_DER_MISSING_ELEMENT at the end). */
int sf_der_get_elem(sf_der *d, sf_der_tag tag, sf_der_elem *out);

/* sf_der_get reads an element with tag |tag| and points |out| at its contents,
 * one level deeper (SF_DER_TOO_DEEP past SF_DER_MAX_DEPTH). */
int sf_der_get(sf_der *d, sf_der_tag tag, sf_der *out);

/* sf_der_get_optional is sf_der_get when the next element has tag |tag|
 * (*out_present = 1); otherwise it reads nothing and sets *out_present = 0. */
int sf_der_get_optional(sf_der *d, sf_der_tag tag, sf_der *out, int *out_present);

/* sf_der_open points |out| at the contents of |e| (read from |d|), one level
 * deeper than |d|. */
int sf_der_open(const sf_der *d, const sf_der_elem *e, sf_der *out);

/* sf_der_finish returns SF_DER_OK if |d| has nothing left, else records
 * SF_DER_TRAILING_DATA at the first byte left over. */
int sf_der_finish(sf_der *d);

/* ---- Primitive values ----------------------------------------------------- */

/* sf_der_get_integer reads an INTEGER (minimal, X.690 8.3.2) into its two's
 * complement contents octets. */
int sf_der_get_integer(sf_der *d, sf_slice *out);
/* sf_der_get_u64 reads a non-negative INTEGER that fits in 64 bits. */
int sf_der_get_u64(sf_der *d, uint64_t *out);
/* sf_der_get_bool reads a BOOLEAN (FF/00; any nonzero with
 * SF_DER_ALLOW_BER_BOOLEAN). */
int sf_der_get_bool(sf_der *d, int *out);
/* sf_der_get_null reads a NULL. */
int sf_der_get_null(sf_der *d);
/* sf_der_get_oid reads an OBJECT IDENTIFIER (validated) into its contents. */
int sf_der_get_oid(sf_der *d, sf_slice *out);
/* sf_der_get_octets reads a primitive OCTET STRING (where DER is required
 * even in BER input, e.g. a messageDigest value). */
int sf_der_get_octets(sf_der *d, sf_slice *out);

/* sf_der_string is a string-type value that may be constructed (BER). */
typedef struct sf_der_string {
  sf_der_tag tag;    /* the universal tag, always primitive form */
  sf_slice element;  /* the whole element as encoded */
  sf_slice contents; /* primitive: the value octets; constructed: the segments */
  size_t length;     /* octets of the value once joined (BIT STRING: with its unused-bits octet) */
  size_t segments;   /* primitive segments joined (1 if primitive) */
  int constructed;
  unsigned flags;    /* the reader flags it was read with (for sf_der_string_copy) */
} sf_der_string;

/* sf_der_get_string reads a value of universal string type |tag| (OCTET
 * STRING, BIT STRING or a character string type), primitive or, with
 * SF_DER_ALLOW_CONSTRUCTED_STRINGS, constructed from segments of the same
 * type. A BIT STRING's unused-bits octets are checked. */
int sf_der_get_string(sf_der *d, sf_der_tag tag, sf_der_string *out);

/* sf_der_get_implicit_string is sf_der_get_string for a value of universal
 * string type |type| under the implicit tag |tag| (primitive form given), as
 * CMS's encryptedContent [0] IMPLICIT OCTET STRING. */
int sf_der_get_implicit_string(sf_der *d, sf_der_tag tag, uint32_t type, sf_der_string *out);

/* sf_der_string_copy joins the value of |s| into |out|. Fails with
 * SF_DER_BUFFER_TOO_SMALL (writing nothing) if |cap| < s->length. */
int sf_der_string_copy(const sf_der_string *s, uint8_t *out, size_t cap, size_t *out_len);

/* sf_der_check_text checks |value| against character string type |tag|:
 * NumericString, PrintableString, IA5String, VisibleString character sets,
 * well-formed UTF-8 (RFC 3629), BMPString (UCS-2, even length, no
 * surrogates), UniversalString (UCS-4, multiple of 4, <= 0x10FFFF). Other
 * types are accepted as they are. Returns SF_DER_OK or SF_DER_BAD_STRING
 * (nothing recorded). */
int sf_der_check_text(sf_der_tag tag, sf_slice value);

/* ---- OBJECT IDENTIFIER helpers -------------------------------------------- */

/* sf_der_oid_check validates OID contents octets (SF_DER_OK or a code). */
int sf_der_oid_check(sf_slice oid);
/* sf_der_oid_to_text writes |oid| (valid contents) in dotted form and a NUL;
 * SF_DER_OID_TEXT_MAX bytes always suffice. */
int sf_der_oid_to_text(sf_slice oid, char *out, size_t cap, size_t *out_len);
/* sf_der_oid_from_text encodes dotted |text| of |len| bytes (no NUL needed)
 * into contents octets. */
int sf_der_oid_from_text(const char *text, size_t len, uint8_t *out, size_t cap,
                         size_t *out_len);
/* sf_der_oid_eq returns 1 if |oid| holds the contents octets |bytes|. */
int sf_der_oid_eq(sf_slice oid, const uint8_t *bytes, size_t len);

/* ---- Time ---------------------------------------------------------------- */

typedef struct sf_der_time {
  int year, month, day, hour, minute, second;
  sf_slice fraction; /* GeneralizedTime fractional seconds digits (DER: none end in 0) */
  int generalized;   /* 1 for GeneralizedTime, 0 for UTCTime */
  sf_slice raw;      /* the contents octets */
} sf_der_time;

/* sf_der_get_time reads a UTCTime (YYMMDDHHMMSSZ; YY < 50 is 20YY, RFC 5280
 * 4.1.2.5.1) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z), checking that the date
 * and time exist (no 30 February, no 24:00, no leap second). */
int sf_der_get_time(sf_der *d, sf_der_time *out);
/* sf_der_time_to_unix returns the seconds since 1970-01-01T00:00:00Z. */
int64_t sf_der_time_to_unix(const sf_der_time *t);

/* ---- BER to DER ---------------------------------------------------------- */

/* sf_der_ber_to_der converts the one BER element in [in, in+len) (read with
 * |flags|, nothing may follow it) to DER in |out|: definite minimal lengths,
 * constructed strings joined, BOOLEAN TRUE as FF, BIT STRING padding zeroed.
 * SET members are not re-sorted and encoded DEFAULT values are kept (both
 * need the schema; BoringSSL's CBS_asn1_ber_to_der does neither), so a
 * strict parse of the result may still fail on an encoded DEFAULT. The
 * size needed is computed first; if it exceeds |cap| nothing is written,
 * *out_len holds the size and the result is SF_DER_BUFFER_TOO_SMALL. |err| gets the code and offset. */
int sf_der_ber_to_der(const uint8_t *in, size_t len, unsigned flags, uint8_t *out, size_t cap,
                      size_t *out_len, sf_error *err);

/* SF_DER_MAX_HEADER_LEN bounds the identifier and length octets that
 * sf_der_write_header writes (1 + SF_DER_MAX_TAG_OCTETS + 1 + 8). */
#define SF_DER_MAX_HEADER_LEN 16

/* sf_der_write_header writes the DER identifier and length octets of an
 * element with tag |tag| and |len| contents octets into |out| (room for
 * SF_DER_MAX_HEADER_LEN bytes) and returns how many it wrote. */
size_t sf_der_write_header(sf_der_tag tag, size_t len, uint8_t *out);

#ifdef __cplusplus
}
#endif

#endif /* SF_DER_H */
