using System.CommandLine;
using CanIds.Cli.Commands;

var root = new RootCommand("canids: CAN bus intrusion detection: traffic, training, export, flashing and replay for the CQMLP IDS.");
root.Subcommands.Add(DemoCommand.Create());
return root.Parse(args).Invoke();
