import ArgumentParser

@main
struct JoineryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "joinery",
        abstract: "Joinery's command-line tool.",
        subcommands: [TranslateCommand.self, ExplainCommand.self, ConformanceCommand.self])
}
