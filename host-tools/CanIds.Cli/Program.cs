using System.CommandLine;
using System.Runtime.InteropServices;
using CanIds.Cli.Commands;
using CanIds.Traffic.Files;

// Ctrl-C and SIGTERM end the process as usual, but leave no temporary output behind (outputs are written beside their
// destination and moved into place when complete).
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => OutputFile.DeleteTemporaries());
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => OutputFile.DeleteTemporaries());

// The verbs in the order of the workflow: traffic → model → image → device → replay → measurements.
var root = new RootCommand("canids: CAN bus intrusion detection: traffic, training, export, flashing and replay for the CQMLP IDS.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(ExploreCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(KeygenCommand.Create());
root.Subcommands.Add(FlashCommand.Create());
root.Subcommands.Add(DeviceCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(SynthCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
