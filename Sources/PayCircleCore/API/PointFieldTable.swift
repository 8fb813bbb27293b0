import CPrefetch
import Synchronization

/// Points' JSON fields (``PointJSON``) rendered once and kept by ``PointSlot``, for answers that write the
/// same records on every request (nearest). A table serves one static tree of a ``PointIndex`` and one
/// coordinate system; snapshots written on that tree share it, since a slot's point never changes.
///
/// A kept record is read without a lock: each slot holds its record's place in one byte area, published
/// with release ordering after the bytes are written. Rendering and keeping a new record takes a lock.
/// At most ``byteLimit`` bytes are kept; points beyond that, points without a slot of this tree (written
/// since it was built) and other coordinate systems are rendered each time.
///
/// ```swift
/// let table = PointFieldTable(for: index, crs: .wgs84)
/// json.object { json in table.writeFields(of: match.point, slot: match.slot, to: &json) }
/// ```
// Sendable by hand: the area's bytes are written once, under `used`'s lock and before the release store that
// publishes their slot, and read only after an acquiring load of that slot has seen it.
public final class PointFieldTable: @unchecked Sendable {
    /// The most record bytes a table keeps unless told otherwise (untouched pages of its area cost no memory).
    public static let defaultByteLimit = 32 << 20
    /// A slot holds `offset << lengthBits | length`; 0 is a slot not kept yet (no record is empty).
    private static let lengthBits: UInt64 = 24

    /// The coordinate system of the records' positions.
    public let crs: CoordinateSystem
    /// The most record bytes this table keeps (below 2^40, the largest offset a slot holds).
    public let byteLimit: Int
    /// The tree whose slots this table keeps (``PointIndex/slotGeneration``).
    public let generation: UInt64
    private let slotCount: Int
    private let slots: UnsafeMutablePointer<Atomic<UInt64>>
    private let area: UnsafeMutableRawPointer
    /// Bytes of the area in use; held while a record is copied in and its slot published.
    private let used = Mutex(0)

    public init(for index: PointIndex, crs: CoordinateSystem, byteLimit: Int = PointFieldTable.defaultByteLimit) {
        precondition((0..<1 << (64 - Int(Self.lengthBits))).contains(byteLimit), "byteLimit must be below 2^40")
        self.crs = crs
        self.byteLimit = byteLimit
        generation = index.slotGeneration
        slotCount = index.slotCount
        slots = .allocate(capacity: max(slotCount, 1))
        for position in 0..<slotCount { (slots + position).initialize(to: Atomic(0)) }
        area = .allocate(byteCount: max(byteLimit, 1), alignment: 8)
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
        area.deallocate()
    }

    /// The record bytes kept so far.
    public var keptByteCount: Int { used.withLock { $0 } }

    /// Writes the fields of `point`, kept in `slot`, into the object `json` is writing, as
    /// `PointJSON(point, crs: crs).writeFields(to:)` would. The point is read only when its record is
    /// not kept yet.
    public func writeFields(of point: @autoclosure () -> PaymentPoint, slot: PointSlot?, to json: inout JSONWriter) {
        guard let slot, slot.generation == generation, slot.position < slotCount else {
            PointJSON(point(), crs: crs).writeFields(to: &json)
            return
        }
        if let kept = keptRecord(at: slot.position) {
            json.fields(kept)
            return
        }
        var writer = JSONWriter()
        writer.object { json in PointJSON(point(), crs: crs).writeFields(to: &json) }
        writer.withBytes { rendered in
            // Without the object's braces.
            let fields = UnsafeRawBufferPointer(rebasing: rendered[1..<rendered.count - 1])
            json.fields(fields)
            keep(fields, at: slot.position)
        }
    }

    /// Asks the processor for the kept records of `answer` before they are copied: an answer's records lie
    /// apart in memory, and copied one after the other, each would wait for its own lines in turn.
    public func prefetchRecords(of answer: NearestAnswer) {
        for position in answer.indices {
            guard let slot = answer.slot(at: position), slot.generation == generation, slot.position < slotCount,
                  let kept = keptRecord(at: slot.position) else { continue }
            paycircle_prefetch_bytes(kept.baseAddress, kept.count)
        }
    }

    /// The record kept for `position`, or nil when none is kept yet; the acquiring load makes its bytes,
    /// written before the slot was published, visible here.
    private func keptRecord(at position: Int) -> UnsafeRawBufferPointer? {
        let packed = slots[position].load(ordering: .acquiring)
        guard packed != 0 else { return nil }
        return UnsafeRawBufferPointer(start: area + Int(packed >> Self.lengthBits), count: Int(packed & ((1 << Self.lengthBits) - 1)))
    }

    private func keep(_ fields: UnsafeRawBufferPointer, at position: Int) {
        guard !fields.isEmpty, fields.count < 1 << Self.lengthBits else { return }
        used.withLock { used in
            guard slots[position].load(ordering: .relaxed) == 0, used + fields.count <= byteLimit else { return }
            (area + used).copyMemory(from: fields.baseAddress!, byteCount: fields.count)
            slots[position].store(UInt64(used) << Self.lengthBits | UInt64(fields.count), ordering: .releasing)
            used += fields.count
        }
    }
}
