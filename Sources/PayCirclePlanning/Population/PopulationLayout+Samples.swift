import PayCircleCore
import PayCircleNetwork

extension PopulationLayout {
    /// Hands every sample to `sink` with its walking seconds from the nearest source: along the network
    /// from `times` (street and building samples; infinity without it), by straight line from
    /// `straightLineSeconds` (surface samples). Generic over the sink, so that the loop over millions of
    /// street samples is compiled with the sink's work inline.
    func forEachSample<Sink: SampleSink>(times: WalkingTimes?, straightLineSeconds: (Coordinate) -> Double, into sink: inout Sink) {
        for piece in pieces {
            let people = Double(piece.peoplePerSample)
            guard let along = times?.along(piece.edge) else {
                for index in 0..<piece.samples { sink.add(sample: Int(piece.firstSample + index), area: piece.area, people: people, seconds: .infinity) }
                continue
            }
            for index in 0..<piece.samples {
                sink.add(sample: Int(piece.firstSample + index), area: piece.area, people: people, seconds: along.seconds(at: piece.fraction(ofSample: index)))
            }
        }
        for (offset, place) in places.enumerated() {
            let seconds = (times?.seconds(onEdge: place.location.edge, at: place.location.fraction) ?? .infinity)
                + place.location.snapDistance / walkingSpeed
            sink.add(sample: streetSampleCount + offset, area: place.area, people: place.people, seconds: seconds)
        }
        let first = streetSampleCount + places.count
        for (offset, sample) in surfaceSamples.enumerated() {
            sink.add(sample: first + offset, area: sample.area, people: sample.people, seconds: straightLineSeconds(sample.coordinate))
        }
    }

    /// What a sample stands for on the map: a stretch of street, a building or a grid square, as a
    /// segment (a point when both ends are equal) to be widened by `radius` metres.
    func footprint(ofSample sample: Int, on graph: WalkingGraph?) -> (from: Coordinate, to: Coordinate, radius: Double) {
        if sample < streetSampleCount, let graph {
            let piece = pieces[piece(holding: sample)], index = Int32(sample) - piece.firstSample
            let width = Double(piece.end - piece.start) / Double(piece.samples)
            let start = Double(piece.start) + Double(index) * width
            return (graph.point(on: piece.edge, at: start), graph.point(on: piece.edge, at: start + width), WalkingGraph.isochroneBuffer)
        }
        if sample < streetSampleCount + places.count {
            let place = places[sample - streetSampleCount]
            return (place.location.coordinate, place.location.coordinate, WalkingGraph.isochroneBuffer)
        }
        let square = surfaceSamples[sample - streetSampleCount - places.count]
        return (square.coordinate, square.coordinate, square.halfSpacing * 1.5)
    }

    /// The index of the street piece whose samples include `sample` (a street sample).
    private func piece(holding sample: Int) -> Int {
        var low = 0, high = pieces.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(pieces[middle].firstSample) <= sample { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension PopulationLayout {
    /// The street pieces on `edge`.
    func pieces(onEdge edge: Int32) -> ArraySlice<StreetPiece> {
        guard Int(edge) + 1 < pieceOffsets.count else { return [] }
        return pieces[Int(pieceOffsets[Int(edge)])..<Int(pieceOffsets[Int(edge) + 1])]
    }

    /// The building samples on `edge`, with their offsets among all building samples.
    func places(onEdge edge: Int32) -> [(offset: Int, element: PlaceSample)] {
        guard Int(edge) + 1 < placeOffsets.count else { return [] }
        let range = Int(placeOffsets[Int(edge)])..<Int(placeOffsets[Int(edge) + 1])
        return range.map { ($0, places[$0]) }
    }
}
