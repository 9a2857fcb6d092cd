// The server allocates and frees small buffers on every request; glibc's malloc was a sixth of
// the ballot path's CPU under load (bench/vote.rs), mimalloc's thread-local pages cost less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    kapok::cli::main()
}
