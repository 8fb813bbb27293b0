import Foundation
import PayCircleCore

/// Turns the legs of a route into steps: consecutive legs on the same street form one step, and the turn
/// into each step comes from the change of bearing where the streets meet.
struct RouteInstructions {
    let graph: WalkingGraph

    func steps(for legs: [RouteLeg]) -> [WalkingRoute.Step] {
        var groups: [(name: String?, label: String, legs: [RouteLeg])] = []
        for leg in legs {
            let edge = graph.edges[Int(leg.edge)]
            let label = edge.name ?? Self.describe(edge.highway)
            if let last = groups.last, last.label == label { groups[groups.count - 1].legs.append(leg) } else {
                groups.append((edge.name, label, [leg]))
            }
        }
        var steps: [WalkingRoute.Step] = []
        var previousBearing: Double?
        for group in groups {
            let first = group.legs[0], last = group.legs[group.legs.count - 1]
            let bearingIn = bearing(first)
            let instruction: String
            if let previousBearing {
                instruction = "\(Self.turn(from: previousBearing, to: bearingIn)) onto \(group.label)"
            } else {
                instruction = "Head \(Self.compass(bearingIn)) on \(group.label)"
            }
            let distance = group.legs.reduce(0) { $0 + abs($1.to - $1.from) * graph.edges[Int($1.edge)].length }
            let duration = group.legs.reduce(0) { $0 + abs($1.to - $1.from) * graph.edgeSeconds[Int($1.edge)] }
            steps.append(.init(instruction: instruction, name: group.name, distance: distance, duration: duration))
            previousBearing = bearing(last)
        }
        steps.append(.init(instruction: "Arrive at your destination", name: nil, distance: 0, duration: 0))
        return steps
    }

    private func bearing(_ leg: RouteLeg) -> Double {
        let edge = graph.edges[Int(leg.edge)]
        let a = graph.coordinates[Int(edge.source)], b = graph.coordinates[Int(edge.target)]
        return leg.to > leg.from ? Self.initialBearing(a, b) : Self.initialBearing(b, a)
    }

    /// Initial great-circle bearing from `a` to `b`, degrees clockwise from north.
    static func initialBearing(_ a: Coordinate, _ b: Coordinate) -> Double {
        let degree = Double.pi / 180
        let dLon = (b.longitude - a.longitude) * degree
        let y = sin(dLon) * cos(b.latitude * degree)
        let x = cos(a.latitude * degree) * sin(b.latitude * degree) - sin(a.latitude * degree) * cos(b.latitude * degree) * cos(dLon)
        return (atan2(y, x) / degree + 360).truncatingRemainder(dividingBy: 360)
    }

    /// The turn from one bearing to another: straight within 20°, slight to 60°, sharp from 150°.
    static func turn(from incoming: Double, to outgoing: Double) -> String {
        var change = (outgoing - incoming).truncatingRemainder(dividingBy: 360)
        if change > 180 { change -= 360 }
        if change <= -180 { change += 360 }
        let side = change > 0 ? "right" : "left"
        switch abs(change) {
        case ..<20: return "Continue"
        case ..<60: return "Turn slightly \(side)"
        case ..<150: return "Turn \(side)"
        default: return "Make a U-turn"
        }
    }

    static func compass(_ bearing: Double) -> String {
        let names = ["north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"]
        return names[Int((bearing + 22.5) / 45) % 8]
    }

    static func describe(_ highway: String) -> String {
        switch highway {
        case "steps": "the steps"
        case "footway", "path", "pedestrian", "corridor", "cycleway", "track", "bridleway": "the \(highway)"
        default: "an unnamed \(highway.replacingOccurrences(of: "_", with: " ")) road"
        }
    }
}
