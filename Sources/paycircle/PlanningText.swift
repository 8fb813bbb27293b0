import Foundation

/// Figures as the planning tables print them: shares as percentages, people as whole numbers, walks in
/// minutes (over an hour shown as >60).
func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

func people(_ count: Double) -> String { String(format: "%.0f", count) }

func minutesText(_ seconds: Double?) -> String { seconds.map { String(format: "%.1f", $0 / 60) } ?? ">60" }
