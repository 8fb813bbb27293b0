/// Something a map can be drawn on in pixel coordinates (x right, y down): a ``RasterCanvas`` for PNG or
/// an ``SVGDocument``.
public protocol MapSurface {
    /// Pixels across.
    var width: Int { get }
    /// Pixels down.
    var height: Int { get }
    /// A straight line `width` pixels wide with round ends.
    mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), color: MapColor, width: Double)
    /// A filled circle, with a one-pixel outline when `outline` is given.
    mutating func disc(centre: (x: Double, y: Double), radius: Double, color: MapColor, outline: MapColor?)
    /// Rings (an outer ring and holes) filled by the even-odd rule, blended at `opacity`.
    mutating func fillPolygon(_ rings: [[(x: Double, y: Double)]], color: MapColor, opacity: Double)
    /// A line of text whose top-left corner is `origin`, 7 × `scale` pixels tall.
    mutating func text(_ string: String, at origin: (x: Int, y: Int), color: MapColor, scale: Int)
}

extension RasterCanvas: MapSurface {}
