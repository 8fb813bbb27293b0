/// Something a map can be drawn on in pixel coordinates (x right, y down): a ``RasterCanvas`` for PNG or
/// an ``SVGDocument``.
public protocol MapSurface {
    var width: Int { get }
    var height: Int { get }
    mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), color: MapColor, width: Double)
    mutating func disc(centre: (x: Double, y: Double), radius: Double, color: MapColor, outline: MapColor?)
    mutating func fillPolygon(_ rings: [[(x: Double, y: Double)]], color: MapColor, opacity: Double)
    mutating func text(_ string: String, at origin: (x: Int, y: Int), color: MapColor, scale: Int)
}

extension RasterCanvas: MapSurface {}
