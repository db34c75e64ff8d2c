/*
 * The document arena's allocation functions, installed as libxml2's allocator (xmlMemSetup) by AnkangXML's
 * DocumentArena.swift, which describes the design. They are C because Swift has no thread-local variables,
 * and a thread-local look-up on every libxml2 allocation is most of what the arena costs.
 */
#ifndef ANKANG_DOCUMENT_ARENA_H
#define ANKANG_DOCUMENT_ARENA_H

#include <stddef.h>
#include <stdint.h>

enum { ANKANG_ARENA_IDLE = 0, ANKANG_ARENA_OPEN = 1, ANKANG_ARENA_PAUSED = 2 };

/** One thread's slab of the reserved range. Blocks carry a 16-byte header with their size. */
typedef struct ankang_arena_slab {
    char *start;
    char *end;
    char *cursor;
    /** The highest `cursor` since the slab's pages were last given back. */
    char *touched;
    /** ANKANG_ARENA_IDLE, _OPEN (allocations come from the slab) or _PAUSED (from the heap). */
    int state;
    int index;
    /** Set when an allocation made while open did not fit and came from the heap; cleared by the reset. */
    int spilled;
} ankang_arena_slab;

/** Sets the reserved range [low, high), once, before the functions below are installed. */
void ankang_arena_set_range(uintptr_t low, uintptr_t high);
uintptr_t ankang_arena_range_start(void);

/** Whether `pointer` lies in the reserved range, i.e. came from some thread's slab. */
int ankang_arena_owns(const void *pointer);

/** The calling thread's slab, or NULL. */
ankang_arena_slab *ankang_arena_thread_slab(void);
void ankang_arena_set_thread_slab(ankang_arena_slab *slab);

/** malloc, free, realloc and strdup for libxml2: from the calling thread's open slab, else the C heap. */
void *ankang_arena_malloc(size_t size);
void ankang_arena_free(void *pointer);
void *ankang_arena_realloc(void *pointer, size_t size);
char *ankang_arena_strdup(const char *string);

#endif
