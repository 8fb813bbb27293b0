import Foundation
import PayCircleCore
import PayCircleNetwork
@testable import PayCirclePlanning
import Testing

/// Kept planning answers: one computation for every moment at which the same channels count, another as
/// soon as the counted channels differ, each answer reported at the moment asked.
@Suite struct PlanningAnswersTests {
    @Test func momentsWithTheSameOpenChannelsShareOneAnswer() throws {
        let (layout, graph, hall, candidates) = SuggestionTests.gridCity()
        let shop = PaymentPoint(id: "shop", name: "便利店", kind: .agency, openingHours: OpeningHours("Mo-Su 08:00-20:00"),
                                location: candidates[candidates.count / 2].location)
        let answers = PlanningAnswers(planner: CoveragePlanner(channels: [hall, shop], layout: layout, graph: graph))
        func at(_ text: String) throws -> CoverageSettings { CoverageSettings(minutes: 5, at: try #require(PointRecord.parseTimestamp(text))) }

        let ten = answers.coverage(try at("2026-11-24T10:00:00+08:00"))
        let eleven = answers.coverage(try at("2026-11-24T11:00:00+08:00"))
        #expect(answers.count == 1, "10:00 and 11:00 count the same two channels")
        #expect(ten.coveredPopulation == eleven.coveredPopulation && ten.at != eleven.at)
        #expect(eleven.at == (try at("2026-11-24T11:00:00+08:00")).at)

        // At 22:00 the shop is closed: another answer, computed, and equal to a fresh planner's.
        let night = answers.coverage(try at("2026-11-24T22:00:00+08:00"))
        #expect(answers.count == 2 && night.channels.counted == 1 && ten.channels.counted == 2)
        let fresh = CoveragePlanner(channels: [hall, shop], layout: layout, graph: graph).coverage(try at("2026-11-24T22:00:00+08:00"))
        #expect(night.coveredPopulation == fresh.coveredPopulation && night.areas == fresh.areas)
        _ = answers.gaps(try at("2026-11-24T10:00:00+08:00"), threshold: 0.9)
        #expect(answers.count == 3, "gaps are kept apart from coverage")
    }
}
