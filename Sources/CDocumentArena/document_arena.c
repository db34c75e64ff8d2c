#include "document_arena.h"

#include <stdlib.h>
#include <string.h>

#define HEADER 16

static uintptr_t range_low, range_high;
static __thread ankang_arena_slab *thread_slab;

void ankang_arena_set_range(uintptr_t low, uintptr_t high) {
    range_low = low;
    range_high = high;
}

uintptr_t ankang_arena_range_start(void) { return range_low; }

ankang_arena_slab *ankang_arena_thread_slab(void) { return thread_slab; }

void ankang_arena_set_thread_slab(ankang_arena_slab *slab) { thread_slab = slab; }

static inline int owns(const void *pointer) {
    uintptr_t address = (uintptr_t)pointer;
    return address >= range_low && address < range_high;
}

int ankang_arena_owns(const void *pointer) { return owns(pointer); }

/** `size` rounded up to 16 bytes (at least 16), or 0 on overflow. */
static inline size_t rounded(size_t size) {
    if (size == 0) return 16;
    size_t up = (size + 15) & ~(size_t)15;
    return up < size ? 0 : up;
}

/** A block of `size` bytes from this thread's open slab, or NULL (no slab, not open, full). */
static inline void *bump(size_t size) {
    ankang_arena_slab *slab = thread_slab;
    if (slab == NULL || slab->state != ANKANG_ARENA_OPEN) return NULL;
    size_t need = rounded(size);
    size_t left = (size_t)(slab->end - slab->cursor);
    if (need == 0 || left < HEADER || left - HEADER < need) return NULL;
    char *block = slab->cursor;
    slab->cursor = block + HEADER + need;
    *(size_t *)block = size;
    return block + HEADER;
}

void *ankang_arena_malloc(size_t size) {
    void *block = bump(size);
    if (block != NULL) return block;
    ankang_arena_slab *slab = thread_slab;
    if (slab != NULL && slab->state == ANKANG_ARENA_OPEN) slab->spilled = 1;
    return malloc(size);
}

/* A block of the arena goes back with the arena; anything else goes to the heap. */
void ankang_arena_free(void *pointer) {
    if (!owns(pointer)) free(pointer);
}

void *ankang_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return ankang_arena_malloc(size);
    if (!owns(pointer)) return realloc(pointer, size);
    size_t old = *(size_t *)((char *)pointer - HEADER);
    if (size <= old) return pointer;
    /* The last block of the open slab grows in place (libxml2 grows its buffers and stacks this way). */
    ankang_arena_slab *slab = thread_slab;
    size_t need = rounded(size);
    if (slab != NULL && slab->state == ANKANG_ARENA_OPEN && (char *)pointer + rounded(old) == slab->cursor
        && need != 0 && (size_t)(slab->end - (char *)pointer) >= need) {
        slab->cursor = (char *)pointer + need;
        *(size_t *)((char *)pointer - HEADER) = size;
        return pointer;
    }
    void *moved = ankang_arena_malloc(size);
    if (moved != NULL) memcpy(moved, pointer, old);
    return moved;
}

char *ankang_arena_strdup(const char *string) {
    if (string == NULL) return NULL;
    size_t count = strlen(string) + 1;
    char *copy = ankang_arena_malloc(count);
    if (copy != NULL) memcpy(copy, string, count);
    return copy;
}
