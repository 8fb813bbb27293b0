import Synchronization

extension PointIndex {
    /// A static tree's field tables, one per coordinate system, each held by this value (as an unmanaged
    /// reference it releases when the tree goes) and read with one atomic load: no lock, and no reference
    /// counted on a table that both cores would then pass back and forth.
    struct FieldTables: ~Copyable, @unchecked Sendable {
        /// The table's address for each coordinate system (in ``CoordinateSystem/allCases`` order), 0
        /// until it is made.
        private let tables: UnsafeMutablePointer<Atomic<UInt>>

        init() {
            tables = .allocate(capacity: CoordinateSystem.allCases.count)
            for position in CoordinateSystem.allCases.indices { (tables + position).initialize(to: Atomic(0)) }
        }

        deinit {
            for position in CoordinateSystem.allCases.indices {
                let address = tables[position].load(ordering: .acquiring)
                if address != 0 { Self.table(at: address).release() }
            }
            tables.deinitialize(count: CoordinateSystem.allCases.count)
            tables.deallocate()
        }

        /// Calls `body` with the table of `crs`, made by `make` if there is none yet; of two callers
        /// making it at once, the first to publish its table wins and the other's is dropped.
        func withTable<Result>(crs: CoordinateSystem, making make: () -> PointFieldTable,
                               _ body: (PointFieldTable) throws -> Result) rethrows -> Result {
            let slot = tables + Self.position(of: crs)
            var address = slot.pointee.load(ordering: .acquiring)
            if address == 0 {
                let made = UInt(bitPattern: Unmanaged.passRetained(make()).toOpaque())
                let (published, found) = slot.pointee.compareExchange(expected: 0, desired: made, ordering: .acquiringAndReleasing)
                if published {
                    address = made
                } else {
                    Self.table(at: made).release()
                    address = found
                }
            }
            return try Self.table(at: address)._withUnsafeGuaranteedRef(body)
        }

        private static func table(at address: UInt) -> Unmanaged<PointFieldTable> {
            Unmanaged.fromOpaque(UnsafeRawPointer(bitPattern: address)!)
        }

        private static func position(of crs: CoordinateSystem) -> Int {
            switch crs {
            case .wgs84: 0
            case .gcj02: 1
            case .bd09: 2
            }
        }
    }
}
