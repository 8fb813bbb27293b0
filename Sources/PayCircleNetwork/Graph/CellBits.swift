/// One bit per cell of a `width` × `height` grid, each row in whole 64-bit words, so that a run of cells in
/// a row is set or checked a word at a time.
///
/// The words are memory the bits own and write through a pointer, without copy-on-write: copies share
/// them. Rows never share a word, so threads may set cells at once as long as each has rows of its own
/// (``ReachRaster`` fills a large grid's two halves in parallel); once filled, the bits are only read.
struct CellBits: @unchecked Sendable {
    private final class Storage {
        let words: UnsafeMutableBufferPointer<UInt64>
        init(count: Int) {
            words = .allocate(capacity: count)
            words.initialize(repeating: 0)
        }
        deinit { words.deallocate() }
    }

    let width: Int, height: Int
    let wordsPerRow: Int
    private let storage: Storage
    private var words: UnsafeMutableBufferPointer<UInt64> { storage.words }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        wordsPerRow = (width + 63) / 64
        storage = Storage(count: wordsPerRow * height)
    }

    /// Whether cell (i, j) is set; false outside the grid.
    func contains(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j >= 0 && i < width && j < height && words[j * wordsPerRow + i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// The bits of cells `first...last` (within one word) of the word holding `first`.
    private static func mask(_ first: Int, _ last: Int) -> UInt64 {
        let low = UInt64(first & 63), high = UInt64(last & 63)
        return (high == 63 ? ~0 : (1 << (high + 1)) - 1) & ~((1 << low) - 1)
    }

    /// Whether every cell of row `j` from `first` through `last` is set.
    func allSet(row j: Int, from first: Int, through last: Int) -> Bool {
        var start = first
        while start <= last {
            let end = min(last, start | 63), mask = Self.mask(start, end)
            if words[j * wordsPerRow + start >> 6] & mask != mask { return false }
            start = end + 1
        }
        return true
    }

    /// Sets the cells of row `j` from `first` through `last`. Copies share the words: only the raster that
    /// made the bits sets them, each thread in rows of its own.
    func set(row j: Int, from first: Int, through last: Int) {
        var start = first
        while start <= last {
            let end = min(last, start | 63)
            words[j * wordsPerRow + start >> 6] |= Self.mask(start, end)
            start = end + 1
        }
    }

    /// Word `index` of row `j` (cells 64·index to 64·index + 63 as bits 0 to 63); zero outside the grid.
    func word(row j: Int, index: Int) -> UInt64 {
        j >= 0 && j < height && index >= 0 && index < wordsPerRow ? words[j * wordsPerRow + index] : 0
    }

    /// How many cells are set.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
