/// One bit per cell of a `width` × `height` grid, each row in whole 64-bit words, so that a run of cells in
/// a row is set or checked a word at a time.
struct CellBits: Sendable {
    let width: Int, height: Int
    let wordsPerRow: Int
    private var words: [UInt64]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        wordsPerRow = (width + 63) / 64
        words = [UInt64](repeating: 0, count: wordsPerRow * height)
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

    /// Calls `body` with each word index of row `j` that cells `first...last` touch, and the mask of them.
    private func eachWord(row j: Int, from first: Int, through last: Int, _ body: (Int, UInt64) -> Bool) -> Bool {
        var start = first
        while start <= last {
            let end = min(last, start | 63)
            if !body(j * wordsPerRow + start >> 6, Self.mask(start, end)) { return false }
            start = end + 1
        }
        return true
    }

    /// Whether every cell of row `j` from `first` through `last` is set.
    func allSet(row j: Int, from first: Int, through last: Int) -> Bool {
        if first >> 6 == last >> 6 {
            let mask = Self.mask(first, last)
            return words[j * wordsPerRow + first >> 6] & mask == mask
        }
        return eachWord(row: j, from: first, through: last) { index, mask in words[index] & mask == mask }
    }

    /// Sets the cells of row `j` from `first` through `last`.
    mutating func set(row j: Int, from first: Int, through last: Int) {
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
