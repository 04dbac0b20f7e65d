using System;
using System.CommandLine;
using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Model.Integer;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids calibrate`: learns a model's identifier rule (the identifier words its vehicle's bus uses) from
    /// attack-free or labelled traffic of that vehicle, and writes the model with it; the network is unchanged.
    /// </summary>
    public static class CalibrateCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var model = new Argument<string>("model") { Description = "Model file (from canids train), or built-in." };
            var data = new DataOptions("Logs of the vehicle's traffic: its benign frames' identifiers become the known ones.", 450, 1, withWindow: false);
            var foreign = new Option<string?>("--foreign-class") { Description = "Class of a frame the network calls benign on an unknown identifier; default: learned from labelled attacks in the logs, else the model's." };
            var output = new Option<string>("--output", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => "calibrated.model.json" };
            var command = new Command("calibrate", "Learn the identifier rule (the identifiers the vehicle's bus uses) from its traffic and write the model with it.") { model, foreign, output };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var m = Models.Load(parse.GetValue(model)!);
                var path = parse.GetValue(output)!;
                Traffic.Files.CommandInputs.Refuse(path);
                int named = Named(m, parse.GetValue(foreign)); // checked before the logs are read
                var windows = data.Load(parse, m.WindowFrames, null);
                if (windows.Classes[0] != Traffic.TrafficClasses.Benign) throw new ArgumentException($"the traffic has no {Traffic.TrafficClasses.Benign} frames to learn the identifiers from");
                int cls = named > 0 ? named : ForeignClass(m, windows);
                var known = IdentifierLearner.Learn(windows, cls);
                var calibrated = m.WithIdentifiers(known);
                ModelFile.Save(calibrated, path);
                AnsiConsole.MarkupLine(Markup.Escape($"{known.Count} identifier words known from {windows.ClassCounts()[0]:N0} benign frames of {data.Describe(parse)}; a frame on any other that the network calls benign is {m.Classes[cls]}. Model: {path}"));
                return ExitCodes.Ok;
            }));
            return command;
        }

        // The class --foreign-class names; 0 when not given.
        private static int Named(IntegerModel model, string? named)
        {
            if (named == null) return 0;
            int i = model.Classes.ToList().IndexOf(named);
            if (i < 1) throw new ArgumentException($"--foreign-class: \"{named}\" is not one of the model's attack classes ({string.Join(", ", model.Classes.Skip(1))})");
            return i;
        }

        // The class the labelled attacks show on unknown identifiers, else the model's own.
        private static int ForeignClass(IntegerModel model, Traffic.Windows.WindowSet windows)
        {
            if (IdentifierLearner.Learn(windows) is { } learned)
            {
                int i = model.Classes.ToList().IndexOf(windows.Classes[learned.ForeignClass]);
                if (i >= 1) return i;
            }

            return model.Identifiers?.ForeignClass
                ?? throw new ArgumentException("no attack class to name foreign frames by: the logs show none on unknown identifiers and the model has no identifier rule; give --foreign-class");
        }
    }
}
