import Foundation
import PayCircleCore

/// An opaque 8-bit sRGB colour for drawing maps.
///
/// ```swift
/// let road = MapColor(hex: "#e8a33d")!
/// let cell = MapColor.walkingTime(420, limit: 600)   // between yellow and orange
/// ```
public struct MapColor: Sendable, Hashable {
    /// Channel intensities, 0 (none) to 255 (full).
    public var red, green, blue: UInt8

    /// Creates a colour from its three channel values.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `"#rrggbb"` (hex digits in either case); `nil` for anything else.
    public init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#") else { return nil }
        var channels: [UInt8] = []
        for index in stride(from: 1, to: 7, by: 2) {
            guard let high = bytes[index].hexDigitValue, let low = bytes[index + 1].hexDigitValue else { return nil }
            channels.append(high << 4 | low)
        }
        self.init(red: channels[0], green: channels[1], blue: channels[2])
    }

    /// The colour as `"#rrggbb"` with lowercase digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "#")]
        for channel in [red, green, blue] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `#ffffff`.
    public static let white = MapColor(red: 255, green: 255, blue: 255)
    /// `#000000`.
    public static let black = MapColor(red: 0, green: 0, blue: 0)
    /// `#808080`, also the colour of unreachable places in ``walkingTime(_:limit:)``.
    public static let grey = MapColor(red: 128, green: 128, blue: 128)

    /// The colour for a walking time: green at 0 s, yellow at `limit / 2`, orange at `limit`,
    /// dark red from `2 × limit` on, linearly blended in between; grey when `seconds` is infinite
    /// or NaN (unreachable) or `limit` is not a positive finite number.
    ///
    /// ```swift
    /// MapColor.walkingTime(.infinity, limit: 600) == .grey
    /// ```
    public static func walkingTime(_ seconds: Double, limit: Double) -> MapColor {
        guard seconds.isFinite, limit.isFinite, limit > 0 else { return .grey }
        let position = max(seconds / limit, 0)
        for (lower, upper) in zip(rampStops, rampStops.dropFirst()) where position < upper.at {
            return lower.color.mixed(with: upper.color, fraction: (position - lower.at) / (upper.at - lower.at))
        }
        return rampStops[rampStops.count - 1].color
    }

    /// Stops of the walking-time ramp, positioned as multiples of the limit.
    private static let rampStops: [(at: Double, color: MapColor)] = [
        (0, MapColor(red: 26, green: 152, blue: 80)),
        (0.5, MapColor(red: 255, green: 215, blue: 0)),
        (1, MapColor(red: 255, green: 140, blue: 0)),
        (2, MapColor(red: 139, green: 0, blue: 0)),
    ]

    /// Linear blend towards `other`; `fraction` (0...1) 0 gives `self`, 1 gives `other`.
    func mixed(with other: MapColor, fraction: Double) -> MapColor {
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * fraction).rounded())
        }
        return MapColor(red: channel(red, other.red), green: channel(green, other.green), blue: channel(blue, other.blue))
    }
}
