/// Opening hours in the OpenStreetMap `opening_hours` syntax, kept verbatim and evaluated when parsed.
///
/// Supported: `24/7`; rules separated by `;` (a later rule replaces earlier ones on its days) or by `,`
/// before a weekday (an additional rule); weekday lists and ranges (`Mo-Fr`, `Sa,Su`, `Fr-Mo`); several
/// time ranges (`08:00-12:00,14:00-18:00`); ranges past midnight (`22:00-02:00`, `18:00-26:00`); `off` and
/// `closed`; a weekday selector without times (open all day); and `PH` (public holidays). Anything else is
/// kept as text and evaluates to unknown.
///
/// ```swift
/// let hours = OpeningHours("Mo-Fr 08:30-12:00,14:00-17:30; Sa 09:00-12:00; Su off")
/// hours.isOpen(at: LocalTime(weekday: 0, minuteOfDay: 9 * 60))   // true
/// ```
public struct OpeningHours: Sendable, Hashable {
    private let parsed: ParsedHours

    public init(_ text: String) {
        parsed = ParsedHours.shared(text)
    }

    /// The text as given.
    public var text: String { parsed.text }
    /// The parsed rules, or `nil` when the text is outside the supported syntax.
    public var schedule: WeeklySchedule? { parsed.schedule }

    public static func == (lhs: OpeningHours, rhs: OpeningHours) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Whether the hours say open at `time`, or `nil` when unknown (unparsed hours, or an answer that
    /// depends on whether the day is a public holiday).
    public func isOpen(at time: LocalTime) -> Bool? {
        schedule?.openState(at: time)
    }
}
