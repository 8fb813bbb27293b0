import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP port that no socket holds at the moment of asking: the kernel picks it for a socket
/// bound to port 0, and the socket is closed again. For servers started by tests in other processes.
public enum FreePort {
    public static func take() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ProcessFailure(message: "cannot open a socket (errno \(errno))") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw ProcessFailure(message: "cannot bind a loopback socket (errno \(errno))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
