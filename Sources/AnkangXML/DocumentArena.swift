import CDocumentArena
import CLibXML2
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for libxml2's work on one document, handed out by bumping a pointer and given back all at once.
///
/// Parsing and validating a document makes tens of thousands of small allocations (nodes, names, text,
/// validation state) that all die together when the document is freed. With glibc's allocator a fifth of a
/// validation run went to `malloc`, `free` and the consolidation of freed chunks; here an allocation is a
/// pointer bump and a free costs nothing.
///
/// How it works:
/// - At start-up one address range is reserved (not committed: pages are only backed once touched) and split
///   into ``slabCount`` slabs of ``slabSize`` bytes; a thread takes a slab the first time it opens an arena
///   and gives it back when it exits.
/// - libxml2's allocation functions are replaced (`xmlMemSetup`, before `xmlInitParser`) by the `ankang_arena_*`
///   functions of `CDocumentArena`. While the calling thread has its arena open, `xmlMalloc` bumps its slab;
///   otherwise, or when the slab is full, it falls back to the C heap. `xmlFree` of an address inside the
///   reserved range does nothing; any other address goes to `free`. So each pointer goes back to where it came
///   from, whichever thread or phase frees it.
/// - ``withArena(_:)`` opens the arena for one document's parse and validation and then resets it: the
///   document, its dictionary and the contexts die together. Schema compilation and the caller's own code run
///   with the arena paused (``paused(_:)``): whatever must outlive the document is made on the heap.
///
/// Nothing of a document may be used after its arena is reset: ``XMLValidator`` frees the document (see
/// ``free(_:)``), its parser and validation contexts, and the thread's last-error record inside the window.
enum DocumentArena {
    /// Bytes per slab: several times the libxml2 tree of the largest document the default limits admit; a
    /// document that needs more continues on the heap.
    static let slabSize = 64 << 20
    /// Slabs reserved (threads that validate at once); a thread beyond that validates on the heap.
    static let slabCount = 64
    /// What a slab keeps backed after a document: above this, pages go back to the system.
    static let residentBytes = 8 << 20

    /// Slab states, as `CDocumentArena` keeps them.
    private static let idle = Int32(ANKANG_ARENA_IDLE), open = Int32(ANKANG_ARENA_OPEN), paused = Int32(ANKANG_ARENA_PAUSED)

    private static let freeSlabs = Mutex<[Int32]>([])
    /// Only for its destructor, which hands an exiting thread's slab back.
    private static let exitKey: pthread_key_t? = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, { slab in
            if let slab { DocumentArena.release(slab.assumingMemoryBound(to: ankang_arena_slab.self)) }
        }) == 0 else { return nil }
        return key
    }()

    /// Reserves the range and installs the allocation functions. Called once, before `xmlInitParser()`.
    static func install() {
        let bytes = slabSize * slabCount
        guard exitKey != nil,
              let base = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              base != MAP_FAILED
        else { return }
        freeSlabs.withLock { $0 = Array((0..<Int32(slabCount)).reversed()) }
        ankang_arena_set_range(UInt(bitPattern: base), UInt(bitPattern: base) + UInt(bytes))
        xmlMemSetup(ankang_arena_free, ankang_arena_malloc, ankang_arena_realloc, ankang_arena_strdup)
    }

    /// Runs `body` with this thread's arena open, then resets it. Not re-entrant: a call made while another
    /// window of this thread is open or paused runs on the heap.
    static func withArena<T>(_ body: () -> T) -> T {
        guard let slab = threadSlab(), slab.pointee.state == idle else { return body() }
        slab.pointee.state = open
        defer {
            slab.pointee.state = idle
            // The thread's last-error record may hold strings from the arena: drop it before they go.
            xmlResetLastError()
            reset(slab)
        }
        return body()
    }

    /// Runs `body` with this thread's arena paused: what libxml2 allocates meanwhile comes from the heap.
    static func paused<T>(_ body: () -> T) -> T {
        guard let slab = ankang_arena_thread_slab(), slab.pointee.state == open else { return body() }
        slab.pointee.state = paused
        defer { slab.pointee.state = open }
        return body()
    }

    /// Frees `document`, unless all of it lies in this thread's open arena: then the reset at the end of the
    /// window takes it back whole, and `xmlFreeDoc` would only walk the tree to make no-op frees (2 % of a
    /// validation run). A document made on the heap, or partly so because the slab filled up, is freed.
    static func free(_ document: xmlDocPtr) {
        if let slab = ankang_arena_thread_slab(), slab.pointee.state == open, slab.pointee.spilled == 0 { return }
        xmlFreeDoc(document)
    }

    /// This thread's slab, taken from the free list on first use; nil without a reservation or a free slab.
    private static func threadSlab() -> UnsafeMutablePointer<ankang_arena_slab>? {
        if let slab = ankang_arena_thread_slab() { return slab }
        guard let exitKey, let index = freeSlabs.withLock({ $0.popLast() }),
              let start = UnsafeMutablePointer<CChar>(bitPattern: ankang_arena_range_start() + UInt(Int(index) * slabSize))
        else { return nil }
        let slab = UnsafeMutablePointer<ankang_arena_slab>.allocate(capacity: 1)
        slab.initialize(to: ankang_arena_slab(start: start, end: start + slabSize, cursor: start, touched: start,
                                              state: idle, index: index, spilled: 0))
        ankang_arena_set_thread_slab(slab)
        pthread_setspecific(exitKey, slab)
        return slab
    }

    private static func reset(_ slab: UnsafeMutablePointer<ankang_arena_slab>) {
        slab.pointee.touched = max(slab.pointee.touched, slab.pointee.cursor)
        slab.pointee.cursor = slab.pointee.start
        slab.pointee.spilled = 0
        let keep = slab.pointee.start + residentBytes
        if slab.pointee.touched > keep {
            madvise(keep, slab.pointee.touched - keep, MADV_DONTNEED)
            slab.pointee.touched = keep
        }
    }

    /// A thread exits: its slab's pages go back to the system and the slab to the free list. Runs on the exiting
    /// thread, whose later allocations (other destructors) then go to the heap.
    private static func release(_ slab: UnsafeMutablePointer<ankang_arena_slab>) {
        ankang_arena_set_thread_slab(nil)
        let used = max(slab.pointee.touched, slab.pointee.cursor) - slab.pointee.start
        if used > 0 { madvise(slab.pointee.start, used, MADV_DONTNEED) }
        freeSlabs.withLock { $0.append(slab.pointee.index) }
        slab.deallocate()
    }
}
