import PayCircleCore
import PayCircleSimulation
import Testing

/// `Double(shortDecimal:)` reads what `Double(_:)` reads, bit for bit, or declines: on hand-picked edges
/// and on random decimals of every length and number of places, including the halfway cases strtod must
/// round to even.
@Suite struct ShortDecimalTests {
    @Test(arguments: [
        "0", "-0", "-0.0", "+7", ".25", "1.", "22.912345", "-113.500000", "0.1", "0.3", "9007199254740992",
        "9007199254740993", "900719925474099.3", "1.7976931348623157", "0.0000000000000000000001",
        "1234567890123456789", "12345678901234567890", "1e3", "1.5E-3", "nan", "inf", "-", "+", ".", "-.",
        "1.2.3", "1,5", " 1", "1 ", "0x1p3", "", "٣", "１",
    ])
    func edgesReadAsDoubleReadsThem(_ text: String) {
        let fast = Double(shortDecimal: text)
        if let fast {
            #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        let plain = text.utf8.count <= 20 && text.contains(where: \.isNumber) && text.allSatisfy { "+-.0123456789".contains($0) }
        if plain, Double(text) != nil, text.filter(\.isNumber).count <= 15 {
            #expect(fast != nil, "a short plain decimal is read by the fast path: \(text)")
        }
    }

    @Test func randomDecimalsReadAsDoubleReadsThem() {
        var random = SeededGenerator(seed: 11)
        var read = 0
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...19, using: &random)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            if Bool.random(using: &random) {
                let point = Int.random(in: 0...digits, using: &random)
                text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            }
            if Int.random(in: 0..<4, using: &random) == 0 { text = "-" + text }
            guard let fast = Double(shortDecimal: text) else { continue }
            read += 1
            #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        // Most random decimals of up to 19 digits fit the fast path.
        #expect(read > 100_000)
    }
}
