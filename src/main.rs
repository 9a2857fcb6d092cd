fn main() -> std::process::ExitCode {
    kapok::cli::main()
}
