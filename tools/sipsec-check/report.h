/* report.h: what sipsec-check finds in one message, kept for the printers.
 *
 * sf_check_run() is the whole check: SIP parser, MIME parser, the project's
 * CMS parser, and the OpenSSL layer (sf/smime.h). The sip_smime fuzz target
 * runs exactly this function, so the tool and the harness take the same
 * path. Everything the printers show comes from the report; nothing is
 * checked twice. */
#ifndef SF_CHECK_REPORT_H
#define SF_CHECK_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "findings.h"
#include "sf/cms.h"
#include "sf/mime.h"
#include "sf/sip.h"
#include "sf/smime.h"

/* ---- Limits ------------------------------------------------------------ */

/* The largest input, in bytes (a SIP message over TCP is rarely past 64 KB). */
#define SF_CHECK_MAX_INPUT (4u << 20)
/* Findings kept per message (more are counted in |dropped|). */
#define SF_CHECK_MAX_FINDINGS 256
/* MIME entities per message: the SIP body and every decrypted or
 * encapsulated entity inside it. */
#define SF_CHECK_MAX_ENTITIES 16
/* Entities inside each other: a decrypted entity holding a signed one
 * holding an encrypted one... The SIP body is level 0. */
#define SF_CHECK_MAX_NESTING 4
/* Signatures checked and parts decrypted per message. */
#define SF_CHECK_MAX_SIGNATURES 16
#define SF_CHECK_MAX_DECRYPTIONS 16
/* The detail text of one finding. */
#define SF_CHECK_DETAIL_LEN 384
/* A part's path ("body.2/decrypted.1"). */
#define SF_CHECK_PATH_LEN 96

/* ---- Configuration ------------------------------------------------------- */

typedef struct sf_check_config {
  const sf_smime *smime; /* trust anchors, time, recipient key */
  unsigned sip_flags;    /* SF_SIP_INTEROP by default */
  unsigned mime_flags;   /* SF_MIME_INTEROP by default */
} sf_check_config;

/* sf_check_config_default returns the configuration sipsec-check uses. */
sf_check_config sf_check_config_default(const sf_smime *smime);

/* ---- The model ----------------------------------------------------------- */

typedef struct sf_check_finding {
  int id;                          /* enum sf_check_finding_id */
  size_t offset;                   /* byte offset in the input */
  char where[SF_CHECK_PATH_LEN];   /* "sip", "body", "body.2", "body.1/decrypted" */
  int has_inner;                   /* the fault is inside decoded or decrypted bytes: */
  size_t inner_offset;             /*   its offset there, */
  const char *inner_of;            /*   "decoded body", "decrypted content" or "encapsulated content" */
  char detail[SF_CHECK_DETAIL_LEN];
} sf_check_finding;

enum sf_check_entity_kind {
  SF_CHECK_ENTITY_SIP_BODY,     /* the SIP message's body; offsets are the input's */
  SF_CHECK_ENTITY_DECRYPTED,    /* the content of an EnvelopedData */
  SF_CHECK_ENTITY_ENCAPSULATED, /* the eContent of an opaque SignedData */
};

typedef struct sf_check_entity {
  int kind;                      /* enum sf_check_entity_kind */
  int parent;                    /* entity index; -1 for the SIP body */
  size_t parent_part;            /* the part of |parent| it came from */
  unsigned level;                /* 0 for the SIP body */
  size_t origin;                 /* input offset of the bytes it came from */
  const uint8_t *data;           /* the bytes its slices point into: the input, */
  size_t len;                    /*   or |owned| */
  uint8_t *owned;
  char path[SF_CHECK_PATH_LEN];  /* "body", "body.1/decrypted" */
  int parsed;                    /* the MIME parse succeeded */
  sf_mime_tree *tree;            /* the parts (heap) */
} sf_check_entity;

typedef struct sf_check_signature {
  int entity;                    /* where the signature is: */
  size_t part;                   /*   the multipart/signed part, or the pkcs7-mime part (opaque) */
  int opaque;                    /* 1: an application/pkcs7-mime signed-data */
  int canonicalised;             /* verified over the CRLF form of the signed bytes */
  int from_match[SF_SMIME_MAX_SIGNERS]; /* -1 not compared, 0 no, 1 a SAN URI equals From */
  sf_smime_verdict *verdict;     /* heap */
} sf_check_signature;

typedef struct sf_check_decryption {
  int entity;
  size_t part;                   /* the application/pkcs7-mime part */
  sf_smime_decryption result;
  char cipher[32];               /* content-encryption algorithm, from the CMS parse */
  int inner;                     /* the entity holding the content; -1 if none */
} sf_check_decryption;

typedef struct sf_check_report {
  const uint8_t *data;           /* the input */
  size_t len;
  sf_check_config config;
  /* The SIP message. */
  int sip_status;                /* SF_SIP_OK or the parse failure */
  sf_error sip_err;
  sf_sip_msg msg;
  int has_from;
  sf_sip_addr from;              /* the From header, parsed */
  /* The MIME entities, signatures and decryptions, in the order met. */
  sf_check_entity entities[SF_CHECK_MAX_ENTITIES];
  size_t entity_count;
  sf_check_signature signatures[SF_CHECK_MAX_SIGNATURES];
  size_t signature_count;
  sf_check_decryption decryptions[SF_CHECK_MAX_DECRYPTIONS];
  size_t decryption_count;
  int smime_seen;                /* some part was S/MIME */
  /* Findings, in the order found. */
  sf_check_finding findings[SF_CHECK_MAX_FINDINGS];
  size_t finding_count;
  size_t dropped;                /* findings past SF_CHECK_MAX_FINDINGS */
  /* Scratch for re-parsing (locating where a tolerance was needed). */
  sf_sip_msg scratch_msg;
  sf_mime_tree *scratch_tree;
} sf_check_report;

/* sf_check_new returns a zeroed report (about 100 KB, so on the heap), or
 * NULL. sf_check_free frees it and everything it owns. */
sf_check_report *sf_check_new(void);
void sf_check_free(sf_check_report *r);

/* sf_check_run checks the message in [data, data+len) (which must outlive
 * the report) and fills |r|, which must be fresh from sf_check_new. */
void sf_check_run(sf_check_report *r, const sf_check_config *config, const uint8_t *data,
                  size_t len);

/* sf_check_count returns how many findings of |severity| the report has. */
size_t sf_check_count(const sf_check_report *r, int severity);

/* sf_check_part_path writes the path of part |part| of entity |e|
 * ("body.2.1"). */
void sf_check_part_path(const sf_check_report *r, int e, size_t part, char *out, size_t cap);

/* ---- Internal: shared by the files of the walk ---------------------------- */

/* A place in the input, for a finding. */
typedef struct sf_check_loc {
  size_t offset;
  int has_inner;
  size_t inner_offset;
  const char *inner_of;
  char where[SF_CHECK_PATH_LEN];
} sf_check_loc;

/* sf_check_add records finding |id| at |loc| with a printf-style detail. */
void sf_check_add(sf_check_report *r, int id, const sf_check_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* sf_check_part_body returns part |part|'s body, or, for a part without
 * one (no blank line), the empty slice where it would start: the end of
 * the part. Never an absent slice, so offsets can be taken from it. */
sf_slice sf_check_part_body(const sf_check_report *r, int e, size_t part);

/* sf_check_loc_sip returns the place at input offset |offset| ("sip"). */
sf_check_loc sf_check_loc_sip(size_t offset);
/* sf_check_loc_in returns the place of byte |p| of entity |e|'s data, in
 * part |part| (SF_MIME_NONE: the entity as a whole). */
sf_check_loc sf_check_loc_in(const sf_check_report *r, int e, size_t part, const uint8_t *p);
/* sf_check_loc_decoded returns the place of byte |p| of a decoded copy
 * |decoded| of part |part|'s body (the body itself when it needed no
 * decoding). */
sf_check_loc sf_check_loc_decoded(const sf_check_report *r, int e, size_t part,
                                  const uint8_t *decoded, const uint8_t *p);

/* sf_check_parse_entity parses entity |e| with |flags| into |tree|. */
int sf_check_parse_entity(const sf_check_report *r, int e, unsigned flags, sf_mime_tree *tree,
                          sf_error *err);

/* sf_check_walk_entity parses entity |e| and checks every part of it. */
void sf_check_walk_entity(sf_check_report *r, int e);

/* sf_check_can_nest says whether an entity of |kind| found in part |part|
 * of entity |parent| may be added; if not, it records SMIME_TOO_DEEP. */
int sf_check_can_nest(sf_check_report *r, int kind, int parent, size_t part);

/* sf_check_new_entity adds an entity of |kind| made of |owned| (taken over),
 * found in part |part| of entity |parent|; returns its index, or -1 (with a
 * finding) when the nesting or entity limit is reached. */
int sf_check_new_entity(sf_check_report *r, int kind, int parent, size_t part, uint8_t *owned,
                        size_t len);

/* sf_check_decode_part returns part |part|'s body decoded: the body itself
 * for 7bit/8bit/binary, else a heap copy in |*owned| (free() it). NULL
 * with a finding when the encoding is unknown or the body invalid. */
const uint8_t *sf_check_decode_part(sf_check_report *r, int e, size_t part, size_t *out_len,
                                    uint8_t **owned);

/* sf_check_parse_cms parses the CMS message |der| (in part |part|'s
 * decoded body |decoded|) with the project's parser: a heap sf_cms, or NULL
 * with a finding. */
sf_cms *sf_check_parse_cms(sf_check_report *r, int e, size_t part, const uint8_t *decoded,
                           const uint8_t *der, size_t len);

/* Per-kind checks (signed.c, enveloped.c, identity.c, tolerances.c). */
void sf_check_signed_part(sf_check_report *r, int e, size_t part);
void sf_check_pkcs7_part(sf_check_report *r, int e, size_t part);
int sf_check_report_signature(sf_check_report *r, int e, size_t part, int opaque,
                              const uint8_t *der, size_t der_len, const uint8_t *decoded,
                              const uint8_t *content, size_t content_len, uint8_t **out_content,
                              size_t *out_content_len);
void sf_check_identity(sf_check_report *r, size_t sig, size_t signer, const sf_check_loc *at);
void sf_check_sip_tolerances(sf_check_report *r);
void sf_check_mime_tolerances(sf_check_report *r, int e);

#endif /* SF_CHECK_REPORT_H */
