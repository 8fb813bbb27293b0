import CPrefetch

extension WalkingGraph {
    /// Walking times from every node within `limit` seconds to the nearest of `seeds` (a search over the
    /// incoming arcs), or with `outgoing` from the seeds to every node, by a label-correcting search over a
    /// ``BucketQueue`` of one-second buckets: a node is expanded when its bucket comes up, and again
    /// whenever its time improves later, so the times are exact shortest times as with Dijkstra's heap, at
    /// a fraction of the cost for searches that sweep an area. The arc each node was reached by and metres
    /// are not kept.
    func withBucketSearch<T>(seeds: [Seed], limit: Double, outgoing: Bool = false, _ body: (DijkstraWorkspace) throws -> T) rethrows -> T {
        try workspaces.withWorkspace { workspace in
            // A node is new to the search while its time is infinite; arcs are not kept.
            let seconds = workspace.seconds
            // `queue` shares the workspace's bucket memory (a push may move it), and is written back below
            // before anything else reads the workspace's copy.
            var touched = workspace.touched, queue = workspace.buckets
            workspace.touched = []; workspace.wroteArcs = false
            for seed in seeds where seed.seconds < seconds[Int(seed.node)] {
                if seconds[Int(seed.node)] == .infinity { touched.append(seed.node) }
                seconds[Int(seed.node)] = seed.seconds
                queue.push(seed.seconds, seed.node)
            }
            (outgoing ? self.offsets : incomingOffsets).withUnsafeBufferPointer { offsets in
                (outgoing ? arcTarget : incomingSource).withUnsafeBufferPointer { tails in
                    (outgoing ? self.arcSeconds : incomingSeconds).withUnsafeBufferPointer { arcSeconds in
                        while let (pushed, node) = queue.pop() {
                            if queue.floor > limit { break }
                            // The nodes a few places on are scattered over memory: their arc offsets are
                            // asked for eight pops ahead, their arcs and times four.
                            if let far = queue.upcoming(8), let base = offsets.baseAddress { paycircle_prefetch(base + Int(far)) }
                            if let near = queue.upcoming(4), let tailBase = tails.baseAddress, let secondsBase = arcSeconds.baseAddress {
                                let arc = Int(offsets[Int(near)])
                                paycircle_prefetch(tailBase + arc)
                                paycircle_prefetch(secondsBase + arc)
                                paycircle_prefetch(seconds.baseAddress.unsafelyUnwrapped + Int(near))
                            }
                            // Stale when the node became cheaper after this entry was pushed (rounding to
                            // Float may keep a stale entry live; expanding it again is harmless).
                            let cost = seconds[Int(node)]
                            if Float(cost) < pushed { continue }
                            for arc in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                                let next = Int(tails[arc])
                                let candidate = cost + arcSeconds[arc]
                                let known = seconds[next]
                                if candidate < known {
                                    if known == .infinity { touched.append(Int32(next)) }
                                    seconds[next] = candidate
                                    queue.push(candidate, Int32(next))
                                }
                            }
                        }
                    }
                }
            }
            queue.removeAll()
            workspace.touched = touched; workspace.buckets = queue
            return try body(workspace)
        }
    }
}
