use clap::Parser;
use plan_explorer::cli::{Cli, run};

fn main() {
    let cli = Cli::parse();
    if cli.command.is_some() {
        let code = run(&cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
        std::process::exit(code);
    }
    println!("GUI not built yet");
}
