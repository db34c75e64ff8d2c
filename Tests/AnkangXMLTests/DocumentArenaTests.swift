@testable import AnkangXML
import CDocumentArena
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The allocator libxml2 uses: blocks of an open window come from the thread's slab and are given back
/// all at once; everything else is the C heap, and every pointer goes back where it came from.
@Suite struct DocumentArenaTests {
    init() { LibXML.ensureInitialized() }

    private func owned(_ pointer: UnsafeMutableRawPointer?) -> Bool { ankang_arena_owns(pointer) != 0 }

    @Test func aWindowAllocatesFromTheSlabAndResetsIt() {
        let first = DocumentArena.withArena { () -> UInt in
            let block = ankang_arena_malloc(100)
            #expect(owned(block))
            ankang_arena_free(block)  // a no-op: the block stays until the window closes
            return UInt(bitPattern: block)
        }
        let second = DocumentArena.withArena { UInt(bitPattern: ankang_arena_malloc(100)) }
        #expect(first == second, "the next window starts at the beginning of the slab again")
    }

    @Test func outsideAWindowAndWhilePausedTheHeapIsUsed() {
        let outside = ankang_arena_malloc(64)
        #expect(!owned(outside))
        ankang_arena_free(outside)
        DocumentArena.withArena {
            let paused = DocumentArena.paused { ankang_arena_malloc(64) }
            #expect(!owned(paused))
            ankang_arena_free(paused)
        }
    }

    @Test func aNestedWindowDoesNotResetTheOuterOne() {
        DocumentArena.withArena {
            let outer = ankang_arena_malloc(32)!.assumingMemoryBound(to: UInt8.self)
            outer.initialize(repeating: 0xAB, count: 32)
            DocumentArena.paused {
                DocumentArena.withArena {
                    let inner = ankang_arena_malloc(32)
                    #expect(!owned(inner), "a window opened while another is paused uses the heap")
                    inner?.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
                    ankang_arena_free(inner)
                }
            }
            #expect((0..<32).allSatisfy { outer[$0] == 0xAB })
            let next = ankang_arena_malloc(32)
            #expect(UInt(bitPattern: next) > UInt(bitPattern: outer), "the outer window keeps its place")
        }
    }

    @Test func reallocGrowsInPlaceAtTheEndAndCopiesOtherwise() {
        DocumentArena.withArena {
            let block = ankang_arena_malloc(16)!
            block.initializeMemory(as: UInt8.self, repeating: 7, count: 16)
            let grown = ankang_arena_realloc(block, 4096)!
            #expect(grown == block, "the last block grows in place")
            _ = ankang_arena_malloc(8)
            let moved = ankang_arena_realloc(grown, 8192)!
            #expect(moved != grown)
            #expect(owned(moved))
            #expect((0..<16).allSatisfy { moved.load(fromByteOffset: $0, as: UInt8.self) == 7 })
            let copy = ankang_arena_strdup("安康")!
            #expect(String(cString: copy) == "安康")
        }
    }

    /// A document whose every block is in the slab is not walked by `xmlFreeDoc` (the reset takes it back);
    /// once a block of the window came from the heap, the window is marked and documents are freed again.
    @Test func aWindowThatSpillsToTheHeapIsMarkedUntilTheReset() throws {
        let slab = try #require(DocumentArena.withArena { ankang_arena_thread_slab() })
        DocumentArena.withArena {
            _ = ankang_arena_malloc(1000)
            #expect(slab.pointee.spilled == 0)
            DocumentArena.paused { ankang_arena_free(ankang_arena_malloc(64)) }
            #expect(slab.pointee.spilled == 0, "the caller's own allocations while paused are not the document's")
            let huge = ankang_arena_malloc(DocumentArena.slabSize + 1)
            #expect(slab.pointee.spilled == 1)
            ankang_arena_free(huge)
        }
        DocumentArena.withArena { #expect(slab.pointee.spilled == 0) }
    }

    @Test func aBlockLargerThanTheSlabComesFromTheHeap() {
        DocumentArena.withArena {
            let huge = ankang_arena_malloc(DocumentArena.slabSize + 1)
            #expect(huge != nil)
            #expect(!owned(huge))
            ankang_arena_free(huge)
            let overflow = ankang_arena_malloc(Int.max)
            #expect(overflow == nil, "a size that cannot be rounded up is refused, not wrapped")
        }
    }

    /// 80 threads one after another, more than there are slabs: each exiting thread hands its slab back.
    @Test func anExitingThreadGivesItsSlabBack() throws {
        for _ in 0..<(DocumentArena.slabCount + 16) {
            let result = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
            defer { result.deallocate() }
            result.initialize(to: false)
            var thread = pthread_t()
            let created = pthread_create(&thread, nil, { context in
                let result = context!.assumingMemoryBound(to: Bool.self)
                result.pointee = DocumentArena.withArena { ankang_arena_owns(ankang_arena_malloc(16)) != 0 }
                return nil
            }, result)
            try #require(created == 0)
            pthread_join(thread, nil)
            #expect(result.pointee, "a new thread still gets a slab")
        }
    }

    @Test func documentsValidatedOnManyThreadsAtOnceGiveTheSerialFindings() async {
        let documents = (0..<64).map { index in
            Array("""
            <root xmlns="urn:test" code="\(index % 2 == 0 ? "A1" : "bad")"><date>2011-0\(index % 9 + 1)-01</date>\
            <hazard id="h\(index)" grade="\(index % 3 == 0 ? "minor" : "major")">地点 \(index)</hazard></root>
            """.utf8)
        }
        let validator = XMLValidator()
        func findings(_ bytes: [UInt8]) -> [String] {
            validator.validate(bytes, selectSchema: { _ in .validate(toySchema) }, inspect: { root, _ in root.name })
                .diagnostics.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0) \($0.en)" }
        }
        let serial = documents.map(findings)
        await withTaskGroup(of: (Int, [String]).self) { group in
            for (index, bytes) in documents.enumerated() {
                group.addTask { (index, findings(bytes)) }
            }
            for await (index, concurrent) in group {
                #expect(concurrent == serial[index])
            }
        }
    }
}
