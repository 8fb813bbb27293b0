/// Receives the samples of a ``PopulationLayout``, each with the walking seconds to the nearest source
/// (see ``PopulationLayout/forEachSample(times:straightLineSeconds:into:)``).
protocol SampleSink {
    mutating func add(sample: Int, area: Int32, people: Double, seconds: Double)
}
