import Foundation
import PayCircleCore

extension ContiguousBytes {
    /// `withUnsafeBytes` for bodies that throw ``InputError``, keeping the error's type.
    func withByteBuffer<Value>(_ body: (UnsafeRawBufferPointer) throws(InputError) -> Value) throws(InputError) -> Value {
        try withUnsafeBytes { buffer in Result { () throws(InputError) in try body(buffer) } }.get()
    }
}
