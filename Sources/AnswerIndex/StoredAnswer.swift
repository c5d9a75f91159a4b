/// What a command printed: kept by `AnswerIndex` and given back byte for byte.
public struct StoredAnswer: Sendable, Equatable {
    /// The bytes the command wrote to standard output.
    public var stdout: ArraySlice<UInt8>
    /// The bytes the command wrote to standard error (warnings).
    public var stderr: ArraySlice<UInt8>

    /// An answer from the two outputs' bytes.
    public init(stdout: ArraySlice<UInt8>, stderr: ArraySlice<UInt8> = []) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// An answer from the two outputs' bytes.
    public init(stdout: [UInt8], stderr: [UInt8] = []) {
        self.init(stdout: stdout[...], stderr: stderr[...])
    }

    /// Writes stdout's bytes to the descriptor `stdout` and stderr's to `stderr` (the caller
    /// chooses them: this module never writes to the process's own output on its own).
    public func write(stdout: Int32, stderr: Int32) {
        DescriptorWriting.write(self.stdout, to: stdout)
        DescriptorWriting.write(self.stderr, to: stderr)
    }
}
