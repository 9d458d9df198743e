/* emit.h: one description of a report, written as JSON or as indented
 * text.
 *
 * The printer (describe.c) says what to write (objects, lists, keys,
 * values) once; this file decides how. JSON is written by hand with every
 * string escaped (RFC 8259 7): no dependency, and a byte that is not valid
 * UTF-8 is written as \u00XX (its Latin-1 reading) so the output always
 * parses. The text form is YAML-like: "key: value", two spaces per level,
 * "- " before list items, and values that are not plain printable ASCII in
 * double quotes with C-style escapes. */
#ifndef SF_CHECK_EMIT_H
#define SF_CHECK_EMIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SF_CHECK_EMIT_MAX_DEPTH 32

typedef struct sf_check_emit {
  FILE *out;
  int json;
  int depth;
  int items[SF_CHECK_EMIT_MAX_DEPTH];   /* values written at each level (JSON commas) */
  int is_list[SF_CHECK_EMIT_MAX_DEPTH]; /* the level is a list */
  int dash_pending;                     /* text: the next line starts a list item */
} sf_check_emit;

void sf_check_emit_init(sf_check_emit *e, FILE *out, int json);
/* An object or list; |key| is NULL inside a list (and for the document). */
void sf_check_emit_object(sf_check_emit *e, const char *key);
void sf_check_emit_list(sf_check_emit *e, const char *key);
void sf_check_emit_end(sf_check_emit *e);
/* Values. */
void sf_check_emit_str(sf_check_emit *e, const char *key, const char *s);
void sf_check_emit_bytes(sf_check_emit *e, const char *key, const uint8_t *p, size_t n);
void sf_check_emit_uint(sf_check_emit *e, const char *key, uint64_t v);
void sf_check_emit_int(sf_check_emit *e, const char *key, int64_t v);
void sf_check_emit_bool(sf_check_emit *e, const char *key, int v);
/* A byte range: {"offset": o, "length": n} in JSON, "o..o+n (n bytes)" in text. */
void sf_check_emit_range(sf_check_emit *e, const char *key, size_t offset, size_t len);
/* sf_check_emit_done ends the document (a final newline). */
void sf_check_emit_done(sf_check_emit *e);

/* sf_check_json_string writes |p| as a JSON string, quotes included. */
void sf_check_json_string(FILE *out, const uint8_t *p, size_t n);

#endif /* SF_CHECK_EMIT_H */
