fn main() -> std::process::ExitCode {
    ancrage::cli::run()
}
