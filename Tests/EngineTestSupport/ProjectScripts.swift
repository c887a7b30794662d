import Foundation
import Joinery

/// Runs the project's scripts (scripts/services.sh, scripts/cluster.sh …) and other commands
/// for the tests that start servers of their own.
public enum ProjectScripts {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts")

    /// Runs a command and returns its standard output. (Foundation's `Process.waitUntilExit`
    /// can hang off the main thread on Linux: posix_spawn and waitpid cannot.)
    @discardableResult
    public static func run(
        _ command: String, arguments: [String] = [], environment: [String: String], allowFailure: Bool = false
    ) throws -> String {
        let executable = command.hasPrefix("/") ? command : directory.appendingPathComponent(command).path
        var merged = ProcessInfo.processInfo.environment
        merged["JOINERY_POSTGRES_URL"] = nil
        merged["JOINERY_MARIADB_URL"] = nil
        for variable in ["JOINERY_GALERA_URLS", "JOINERY_PG_PRIMARY_URL", "JOINERY_PG_REPLICA_URL"] { merged[variable] = nil }
        for (key, value) in environment { merged[key] = value }
        let outputPath = NSTemporaryDirectory() + "joinery-run-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, outputPath + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { try? FileManager.default.removeItem(atPath: outputPath + ".err") }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw JoineryError(.connectionFailed, "cannot run \(command): errno \(spawned)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard allowFailure || exitCode == 0 else {
            let errors = (try? String(contentsOfFile: outputPath + ".err", encoding: .utf8)) ?? ""
            throw JoineryError(.connectionFailed, "\(command) failed (\(exitCode)): \(errors.suffix(2000))")
        }
        return output
    }
}
