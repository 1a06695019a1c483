//! The command line: every action the app offers, from a terminal.
//!
//! Subcommands end in the same model calls as the window, so a plan author
//! can check plans in their own CI and an operator can run an incident over
//! SSH when the laptop's screen is what broke. This is the edge where the
//! clock, the time zone and the environment are read.

mod board;
mod clean;
mod diff;
#[doc(hidden)]
pub mod generate;
mod incident;
mod lessons;
mod print;
mod report;
mod show;
mod term;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

use crate::i18n::Lang;
use crate::i18n::cli::CliTr;
use crate::io::{log, plan_file};
use crate::model::plan::Severity;
use clean::say;

/// Offline emergency-plan runbook for the command room of an online
/// education platform.
#[derive(Debug, Parser)]
#[command(
    name = "runbook",
    version = crate::VERSION.as_str(),
    about,
    long_about = "Offline emergency-plan runbook for the command room of an online education \
        platform. Without a command it opens the window on a plan: the organisation chart, \
        the contacts and call trees, the plan's text, the fault classes, and the incident \
        walk. The commands do the same from a terminal. Every incident action is written \
        to a hash-chained log before it counts as saved; nothing needs a network.",
    after_long_help = "ENVIRONMENT:\n  RUNBOOK_DATA_DIR  where incidents are kept \
        (default: ~/.local/share/runbook)\n  RUNBOOK_OPERATOR  who is recording (default: \
        the user name)\n  RUNBOOK_DEVICE    this device's name (default: the host name)\n\n\
        FILES:\n  <data>/incidents/<incident>/   plan.ron (the plan pinned) and \
        log-<device>.jsonl (each device's log)\n  /usr/share/runbook/plans/      the bundled \
        plans, in Chinese and English\n\nSee /usr/share/doc/runbook/incident-log.md for the \
        log's format, what `verify` checks, and running one incident on several laptops."
)]
pub struct Cli {
    /// The plan to open in the window [default: the plan opened last, else the bundled plan]
    #[arg(value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// Who records incidents in the window, and where.
    #[command(flatten)]
    pub who: Who,
    /// Close the window once its first frame is shown: start-up is measured
    /// from outside (`scripts/bench.sh`, figures 1 and 6).
    #[arg(long, hide = true)]
    pub first_frame: bool,
    /// The language of the command line's words: zh or en [default:
    /// RUNBOOK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE)]
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Print whole lines, whatever the terminal's width (without it a line
    /// is cut with "…" at COLUMNS, else the terminal's width; never when
    /// the output is piped).
    #[arg(long, global = true)]
    pub wide: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The `--lang` among the arguments, before clap reads them.
fn lang_in_args(args: impl Iterator<Item = String>) -> Option<Lang> {
    let mut args = args.skip(1);
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::named(v);
        }
        if a == "--lang" {
            return args.next().as_deref().and_then(Lang::named);
        }
    }
    None
}

/// The command with its summaries, and its subcommands', from `help`
/// (keyed by the command's path under `runbook`); as written where the
/// table has none.
fn in_language(cmd: clap::Command, tr: &'static CliTr, path: &str) -> clap::Command {
    let help = tr.help;
    let mut cmd = match help.iter().find(|(p, _)| *p == path) {
        Some((_, about)) => cmd.about(*about).long_about(*about),
        None => cmd,
    };
    // Each argument's help, found by its English words: an argument whose
    // English changed keeps it until the table follows (a test sees that).
    let args: Vec<(String, &'static str)> = cmd
        .get_arguments()
        .filter_map(|a| {
            let english = a.get_help()?.to_string();
            let (_, zh) = tr.arg_help.iter().find(|(en, _)| *en == english)?;
            Some((a.get_id().to_string(), *zh))
        })
        .collect();
    if let Some(words) = tr.help_words {
        cmd = headings_in(cmd, words, path.is_empty());
    }
    for (id, zh) in args {
        cmd = cmd.mut_arg(id, |a| {
            // The long form only where the argument has one: setting it
            // would change how the whole help is laid out.
            if a.get_long_help().is_some() {
                a.help(zh).long_help(zh)
            } else {
                a.help(zh)
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| in_language(s, tr, &sub_path));
    }
    cmd
}

/// The line of clap's own `help` subcommand in the operator's words: clap
/// adds that subcommand only when the command is built, so it is built
/// first (parsing a built command builds nothing again).
fn help_command_in(mut cmd: clap::Command, tr: &CliTr) -> clap::Command {
    let Some(words) = tr.help_words else {
        return cmd;
    };
    cmd.build();
    relabel_help(cmd, words.help_command)
}

fn relabel_help(cmd: clap::Command, about: &'static str) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names.into_iter().fold(cmd, |cmd, name| {
        if name == "help" {
            cmd.mut_subcommand(&name, |s| s.about(about).long_about(about))
        } else {
            cmd.mut_subcommand(&name, |s| relabel_help(s, about))
        }
    })
}

/// clap's refusal of the arguments, in the operator's language: clap's
/// own text in English (and for help, version and the kinds not reworded
/// here), else our words with clap's suggestion and usage; clap's exit
/// status either way (2 for a refusal).
fn refused(lang: Lang, e: &clap::Error) -> ExitCode {
    let reworded = if lang == Lang::En {
        None
    } else {
        clap_words(e, lang.tr().cli)
    };
    let Some(text) = reworded else { e.exit() };
    eprintln!("{text}");
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// A refusal of clap's in the words of `tr`, from its kind and context;
/// `None` for the kinds not reworded (help, version).
fn clap_words(e: &clap::Error, tr: &CliTr) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let text = |kind| match e.get(kind) {
        Some(V::String(s)) => Some(s.clone()),
        Some(V::Strings(list)) if !list.is_empty() => Some(list.join(", ")),
        Some(V::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let suggestion = |kind| text(kind).map(|s| (tr.did_you_mean)(&s));
    let mut lines = match e.kind() {
        ErrorKind::UnknownArgument => vec![
            Some((tr.unknown_argument)(&text(K::InvalidArg)?)),
            suggestion(K::SuggestedArg),
        ],
        ErrorKind::InvalidSubcommand => vec![
            Some((tr.unknown_command)(&text(K::InvalidSubcommand)?)),
            suggestion(K::SuggestedSubcommand),
        ],
        ErrorKind::InvalidValue => vec![
            Some((tr.invalid_value)(
                &format!("{:?}", text(K::InvalidValue)?),
                &text(K::InvalidArg)?,
            )),
            text(K::ValidValue).map(|v| (tr.valid_values)(&v)),
            suggestion(K::SuggestedValue),
        ],
        // A value one of our own parsers refused: said again in the
        // operator's words, from the option it was given to.
        ErrorKind::ValueValidation => {
            let (value, arg) = (text(K::InvalidValue)?, text(K::InvalidArg)?);
            let why = if arg.starts_with("--head") {
                (tr.head_hash_form)(crate::i18n::HEAD_SHOWN)
            } else if arg.starts_with("--lang") {
                tr.lang_values.to_owned()
            } else {
                return None;
            };
            vec![
                Some((tr.invalid_value)(&format!("{value:?}"), &arg)),
                Some(why),
            ]
        }
        ErrorKind::MissingRequiredArgument => {
            vec![Some((tr.missing_arguments)(&text(K::InvalidArg)?))]
        }
        ErrorKind::ArgumentConflict => {
            let (arg, prior) = (text(K::InvalidArg)?, text(K::PriorArg)?);
            vec![Some(if arg == prior {
                (tr.repeated)(&arg)
            } else {
                (tr.conflict)(&arg, &prior)
            })]
        }
        _ => return None,
    };
    let mut out = format!("{}{}{}", tr.error, tr.colon, lines.remove(0)?);
    for line in lines.into_iter().flatten() {
        out.push_str("\n  ");
        out.push_str(&line);
    }
    if let Some(usage) = text(K::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n\n{}{usage}", tr.usage));
    }
    out.push_str("\n\n");
    out.push_str(tr.more_help);
    Some(out)
}

/// clap's headings and its help and version flags in `words`: each
/// argument is put under the heading of its kind, and the two flags clap
/// adds are replaced by the same flags with our words (clap's `help`
/// subcommand stays as clap words it).
fn headings_in(
    mut cmd: clap::Command,
    words: crate::i18n::cli::HelpWords,
    root: bool,
) -> clap::Command {
    use clap::{Arg, ArgAction};
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .filter(|a| a.get_help_heading().is_none())
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional {
            words.arguments
        } else {
            words.options
        };
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    cmd = cmd
        .subcommand_help_heading(words.commands)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            words.usage
        ))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words.help_flag)
                .help_heading(words.options),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version_flag)
                .help_heading(words.options),
        );
    }
    cmd
}

/// `--lang`: a language the app speaks.
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::named(text).ok_or_else(|| format!("{text:?}: give zh (中文) or en (English)"))
}

/// Who records, on which device, and where incidents are kept: the window's
/// options (the options of `incident` say the same, for the terminal).
#[derive(Clone, Debug, Default, clap::Args)]
pub struct Who {
    /// Where incidents are kept [default: RUNBOOK_DATA_DIR, else the platform's data folder]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Who is recording [default: RUNBOOK_OPERATOR, else the user name]
    #[arg(long, value_name = "NAME")]
    pub operator: Option<String>,
    /// This device's name, for the log file [default: RUNBOOK_DEVICE, else the host name]
    #[arg(long, value_name = "NAME")]
    pub device: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files: report every error and warning with its line and
    /// column, or a one-line summary when the plan is valid.
    ///
    /// The report is in the locale's language: Chinese when LC_ALL,
    /// LC_MESSAGES or LANG starts with zh, English otherwise. Exits 0 when
    /// every plan is valid, 1 when any has an error (or, with --strict, a
    /// warning), 2 on a usage error.
    Check {
        /// Plan files (RON) to check.
        #[arg(required = true, value_name = "PLAN")]
        plans: Vec<PathBuf>,
        /// Treat warnings as errors, for a plan's own CI.
        #[arg(long)]
        strict: bool,
    },
    /// What changed between two revisions of a plan, keyed by id, as an
    /// approver needs it: steps added, removed, reworded or moved; owners,
    /// deadlines and levels changed; people and phone numbers; call trees.
    Diff {
        /// The earlier revision (RON).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later revision (RON).
        #[arg(value_name = "NEW")]
        new: PathBuf,
        /// `text` for a terminal, `md` (Markdown) for a change request.
        #[arg(long, value_enum, default_value_t)]
        format: diff::Format,
    },
    /// Write the plan as a binder to print: one HTML file with the text, the
    /// organisation, every phone number, each level's call tree and each fault
    /// class's checklist with boxes to tick by hand. Needs no network and no
    /// installed font; open it in a browser and print it on A4.
    Print {
        /// The plan file (RON).
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Where to write it [default: the plan's name with .html, in the current folder]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write the papers about an incident: the report for the review (a
    /// drill's with its evaluation), the handover briefing, or the draft
    /// report to the provincial 网信 office; HTML to print, or Markdown.
    Report(report::ReportArgs),
    /// What the records of incidents and drills propose the plan should
    /// change, keyed by the plan's ids, each with its evidence: steps done
    /// late against their deadline, steps set aside, calls not answered or
    /// wrong numbers, templates rewritten before sending, placeholders
    /// always typed by hand, drill targets missed. In the locale's language.
    Lessons(lessons::LessonsArgs),
    /// The numbers across incidents, drills apart: per fault class and
    /// level, how many, and the median and worst time from discovery to
    /// the declaration, the commander reached, the first message to
    /// students and parents, the first report to the regulator and the
    /// close; reporting duties met on time.
    Stats(lessons::StatsArgs),
    /// The wall board: an incident, read-only and in large type, for the
    /// command room's projector or TV; it follows every device's entries.
    Board(board::BoardArgs),
    /// Declare, work and close incidents; every action is logged durably.
    ///
    /// A command saves first and prints after; warnings go to standard
    /// error. Exits 0 when saved, 1 when not (refused, or nowhere to write
    /// it), 2 on a usage error, 3 when saved but standard output could not
    /// take the confirmation (do not run it again).
    Incident {
        /// Who records, on which device, and where.
        #[command(flatten)]
        who: incident::args::IncidentWho,
        /// What to do.
        #[command(subcommand)]
        cmd: incident::IncidentCommand,
    },
    /// Show a plan's organisation, contacts, text or fault classes in the terminal.
    #[command(subcommand)]
    Show(show::ShowCommand),
    /// Print a shell completion script: `runbook completions bash >
    /// ~/.local/share/bash-completion/completions/runbook` (the package
    /// installs them for bash, zsh and fish).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write synthetic plans and incidents of a given size, for the
    /// benchmarks (`scripts/bench.sh`).
    #[command(hide = true, subcommand)]
    Generate(generate::GenerateCommand),
    /// Write the manual pages, `runbook.1` and one per subcommand, into a
    /// folder: for packaging.
    #[command(hide = true)]
    Manual {
        /// The folder.
        dir: PathBuf,
    },
    /// Verify incident logs strictly: every line's hash chain, every repair
    /// and what it cut, the links between files, sessions that never ended,
    /// and, for a folder, the whole record. Exits 0 when everything checks
    /// out (and the head is found), 1 otherwise.
    Verify {
        /// Incident folders, or log files (`log-*.jsonl`).
        #[arg(required = true, value_name = "LOG")]
        logs: Vec<PathBuf>,
        /// A head hash written down earlier (16 to 64 hex digits): says
        /// whether it is still a line of the chain, which shows a rewrite
        /// that recomputed every hash after it.
        #[arg(long, value_name = "HASH")]
        head: Option<verify::HeadPrefix>,
        /// Where incidents are kept, for incidents given by name [default: RUNBOOK_DATA_DIR, else the platform's data folder]
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
}

/// The exit status of a command that saved what it was asked to but could
/// not say so on standard output (a closed pipe, a full disk): a script
/// must not do it again.
pub const SAVED_NOT_PRINTED: u8 = 3;

/// Runs an incident subcommand, then prints what it came to: save first,
/// then speak. The command does its work with its words held back; only
/// then are they printed, warnings to standard error. A closed or full
/// standard output after a save is exit status 3 with a word on standard
/// error, never success and never "failed" (which a script would retry,
/// saving the entry twice); a reader that leaves a command that only reads
/// (`status | head`) is no failure at all.
fn speak(
    term: &term::Term,
    who: &incident::args::IncidentWho,
    cmd: &incident::IncidentCommand,
) -> ExitCode {
    use std::io::Write as _;
    let t = term.tr().cli;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ran = incident::run(term, who, cmd, &mut out, &mut err);
    let _ = std::io::stderr().write_all(&err);
    let printed = {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&out).and_then(|()| stdout.flush())
    };
    match (ran, printed) {
        (Ok(ran), Ok(())) => ran.code,
        (Ok(ran), Err(e)) if ran.saved => {
            eprintln!("runbook: {}", (t.saved_not_printed)(&e.to_string()));
            ExitCode::from(SAVED_NOT_PRINTED)
        }
        (Ok(ran), Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ran.code,
        (Ok(_), Err(e)) => {
            eprintln!("runbook: {}", (t.stdout_failed)(&e.to_string()));
            ExitCode::FAILURE
        }
        (Err(e), _) => {
            eprintln!("runbook: {}", clean::clean(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Runs the command line and returns the process's exit code.
#[must_use]
pub fn main() -> ExitCode {
    log::survive_file_size_limit();
    // The help's summaries are in the language asked for, so it is read
    // before the arguments are (`--lang` among them, or the environment).
    let lang = lang_in_args(std::env::args()).unwrap_or_else(Lang::from_env);
    let cli = match help_command_in(
        in_language(Cli::command(), lang.tr().cli, ""),
        lang.tr().cli,
    )
    .try_get_matches()
    .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return refused(lang, &e),
    };
    let term = term::Term::from_env(cli.lang, cli.wide);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Some(Command::Check { ref plans, strict }) => check(term.lang, plans, strict, &mut out),
        Some(Command::Diff {
            ref old,
            ref new,
            format,
        }) => diff::run(&term, old, new, format, &mut out),
        Some(Command::Report(ref args)) => report::run(&term, args, &mut out),
        Some(Command::Lessons(ref args)) => lessons::run(&term, args, &mut out),
        Some(Command::Stats(ref args)) => lessons::run_stats(&term, args, &mut out),
        Some(Command::Board(ref args)) => board::run(&term, args),
        Some(Command::Generate(ref cmd)) => generate::run(cmd, &mut out),
        Some(Command::Print {
            ref plan,
            out: ref file,
        }) => print::run(&term, plan, file.as_deref(), &mut out),
        Some(Command::Verify {
            ref logs,
            ref head,
            ref data_dir,
        }) => verify::run(&term, logs, head.as_ref(), data_dir.clone(), &mut out),
        Some(Command::Incident { ref who, ref cmd }) => {
            drop(out);
            return speak(&term, who, cmd);
        }
        Some(Command::Show(ref cmd)) => show::run(&term, cmd, &mut out),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "runbook", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Manual { ref dir }) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), dir))
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| {
                anyhow::anyhow!("cannot write the manual pages to {}: {e}", dir.display())
            }),
        None => match &cli.plan {
            // A word that is neither a subcommand nor a file is a typo, not
            // a plan: say so instead of opening a window with an error.
            Some(plan) if !plan.exists() => {
                eprintln!(
                    "runbook: {}",
                    (term.tr().cli.not_a_command)(&plan.display().to_string())
                );
                return ExitCode::from(2);
            }
            plan => {
                let overrides = crate::service::context::Overrides {
                    data_dir: cli.who.data_dir.clone(),
                    operator: cli.who.operator.clone(),
                    device: cli.who.device.clone(),
                    ..Default::default()
                };
                if crate::app::display_missing() {
                    Err(anyhow::anyhow!(term.tr().cli.no_display))
                } else {
                    crate::app::run(plan.clone(), overrides, cli.first_frame)
                        .map(|()| ExitCode::SUCCESS)
                }
            }
        },
    };
    match result {
        Ok(code) => code,
        // The reader went away (`runbook show … | head`): nothing to report.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        // The message can quote a log or a plan (a name, a value): escaped.
        Err(e) => {
            eprintln!("runbook: {}", clean::clean(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// `runbook check`: prints a report for each plan, in the language given
/// (the locale's, from `main`); 0 when all are valid.
///
/// # Errors
/// Only when the report cannot be written.
pub fn check(
    lang: Lang,
    plans: &[PathBuf],
    strict: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<ExitCode> {
    let t = lang.tr().plan;
    let mut failed = false;
    for path in plans {
        let file = plan_file::load(path);
        let name = path.display().to_string();
        match &file.outcome {
            Ok(checked) => {
                // Notes are for the author's information: they never fail
                // `--strict`.
                let notes = checked
                    .warnings
                    .iter()
                    .filter(|d| d.severity == Severity::Note)
                    .count();
                let warnings = checked.warnings.len() - notes;
                let summary = (t.summary)(&checked.plan.summary());
                if warnings == 0 && notes == 0 {
                    say!(out, "{}", (t.check_ok)(&name, &summary))?;
                } else if strict && warnings > 0 {
                    // Never "OK" beside a failing exit code.
                    say!(out, "{}", (t.check_failed_strict)(&name, warnings, notes))?;
                    failed = true;
                } else {
                    say!(
                        out,
                        "{}",
                        (t.check_ok_warnings)(&name, warnings, notes, &summary)
                    )?;
                }
            }
            Err(diags) => {
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let warnings = diags.len() - errors;
                say!(out, "{}", (t.check_failed)(&name, errors, warnings))?;
                failed = true;
            }
        }
        for text in file.rendered(t) {
            clean::lines(out, &text)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::{Cli, in_language};
    use crate::i18n::cli;

    /// Every argument of every command has its help in Chinese: an option
    /// added, or its English reworded, without the table following fails
    /// here.
    #[test]
    fn every_argument_has_its_help_in_chinese() {
        fn walk(c: &clap::Command, path: &str, english: &mut Vec<String>) {
            // clap's help and version flags are worded by `HelpWords`.
            for a in c
                .get_arguments()
                .filter(|a| !a.is_hide_set() && !["help", "version"].contains(&a.get_id().as_str()))
            {
                let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                if !cli::ZH.arg_help.iter().any(|(_, zh)| *zh == help) {
                    english.push(format!("{path} {}: {help}", a.get_id()));
                }
            }
            for s in c.get_subcommands() {
                walk(s, &format!("{path} {}", s.get_name()), english);
            }
        }
        let mut english = Vec::new();
        walk(
            &in_language(Cli::command(), &cli::ZH, ""),
            "runbook",
            &mut english,
        );
        assert!(english.is_empty(), "{english:#?}");
        // English stays as the doc comments say.
        let en = in_language(Cli::command(), &cli::EN, "");
        let wide = en.get_arguments().find(|a| a.get_id() == "wide");
        assert!(
            wide.and_then(|a| a.get_help())
                .is_some_and(|h| h.to_string().starts_with("Print whole lines"))
        );
    }
}
