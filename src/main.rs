fn main() {
    std::process::exit(crossread::cli::main());
}
