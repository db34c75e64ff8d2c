/*
 * The libxml2 headers Ankang uses, plus small helpers for what Swift 6 cannot
 * reach directly (C globals and function-like macros). Imported by the AnkangXML module only.
 */
#ifndef ANKANG_CLIBXML2_SHIM_H
#define ANKANG_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose system <unicode/ucnv.h> (ICU 72) clashes with the toolchain's
   _FoundationICU (ICU 76) on `enum UErrorCode` in a clean build. Only the trailing ICU fields of
   struct _xmlCharEncodingHandler depend on this, and Swift never touches them. */
#undef LIBXML_ICU_ENABLED

#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlIO.h>
#include <libxml/encoding.h>

/** xmlFree is a C global variable, which Swift 6 refuses as not concurrency-safe. */
static inline void ankang_xml_free(void *pointer) { xmlFree(pointer); }

/** The libxml2 version this process runs (xmlParserVersion is a function-like macro). */
static inline const char *ankang_xml_runtime_version(void) { return xmlParserVersion; }

/** Process-wide element nesting limit of the tree parser (a plain C global). */
static inline void ankang_xml_set_max_depth(unsigned int depth) { xmlParserMaxDepth = depth; }

static inline void ankang_xml_ignore_message(void *context, const char *message, ...) {
    (void)context; (void)message;
}

/**
 * Routes libxml2's unstructured messages on the calling thread (a thread-local setting) to nowhere,
 * so that nothing an untrusted document provokes is printed; structured errors are collected instead.
 */
static inline void ankang_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, ankang_xml_ignore_message);
}

/**
 * A parser input that reads `length` bytes from memory (copied) and carries `url` as its file name,
 * so relative xs:include locations resolve against it. Used by the entity loader to serve the
 * trusted, in-memory schema set: nothing is read from disk or the network.
 */
static inline xmlParserInputPtr ankang_xml_input_from_memory(xmlParserCtxtPtr ctxt, const char *url,
                                                             const char *bytes, int length) {
    xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateMem(bytes, length, XML_CHAR_ENCODING_NONE);
    if (buffer == NULL) return NULL;
    xmlParserInputPtr input = xmlNewIOInputStream(ctxt, buffer, XML_CHAR_ENCODING_NONE);
    if (input == NULL) { xmlFreeParserInputBuffer(buffer); return NULL; }
    input->filename = (const char *)xmlStrdup((const xmlChar *)url);
    return input;
}

#endif
