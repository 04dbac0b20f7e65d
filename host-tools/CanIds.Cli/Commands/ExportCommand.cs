using CanIds.Traffic.Files;
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids export`: from a model file to a signed weight image, the RTL's parameter files and golden test vectors.</summary>
    public static class ExportCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var model = new Argument<string>("model") { Description = "Model file (from canids train), or built-in." };
            var image = new Option<string?>("--image") { Description = "Write the weight image here (needs --key)." };
            var key = new Option<string?>("--key") { Description = "Device key file (hex or binary, ≥ 16 bytes; canids keygen makes one) for the image's HMAC-SHA256 tag." };
            var rtl = new Option<string?>("--rtl") { Description = "Write the RTL parameter files here (cqmlp_params.vh and memory init files: a bitstream of the family, booting with this model; fpga/gen is the shipped one's)." };
            var family = new Option<string?>("--family") { Description = "The FPGA build to pack for: its cqmlp_params.vh. Default: the shipped FPGA (fpga/gen) when the model fits its family, else the model's own family (a new bitstream)." };
            var golden = new Option<string?>("--golden") { Description = "Write golden test vectors (windows and expected integer outputs) here." };
            var goldenCount = new Option<int>("--golden-windows") { Description = "Most windows in the golden vectors.", DefaultValueFactory = _ => 100_000 };
            var folding = new Option<string?>("--folding") { Description = "A new family of the model's shape with this PE×SIMD per layer, e.g. 1x10,1x32,1x8,1x2,1x1." };
            var target = new Option<int?>("--target-cycles") { Description = $"A new family of the model's shape with the cheapest folding meeting this many cycles per inference (the shipped one: {HardwareConfig.DefaultTargetCycles})." };
            var data = new DataOptions("Logs whose windows become golden vectors (default: generated traffic).", 60, 3, withWindow: false);
            var command = new Command("export", "Export a model: signed weight image, RTL parameters, golden vectors.") { model, image, key, rtl, family, golden, goldenCount, folding, target };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var m = Models.Load(parse.GetValue(model)!);
                var hardware = Hardware(m, parse.GetValue(family), parse.GetValue(folding), parse.GetValue(target));
                var summary = new Table().AddColumns("what", "where", "detail");
                if (parse.GetValue(image) is { } imagePath)
                {
                    var keyPath = parse.GetValue(key) ?? throw new ArgumentException("--image needs --key (the device key the firmware verifies with)");
                    var bytes = WeightImageWriter.Build(m, hardware, WeightImageWriter.ReadKey(keyPath));
                    OutputFile.WriteAllBytes(imagePath, bytes);
                    summary.AddRow("weight image", Markup.Escape(imagePath), $"{bytes.Length:N0} bytes, family {hardware.ConfigId:x8}{(hardware.ConfigId == HardwareConfig.Shipped.ConfigId ? " (the shipped FPGA's)" : " (not the shipped FPGA's: it needs a bitstream built from --rtl)")}");
                }

                if (parse.GetValue(rtl) is { } rtlDir)
                {
                    var files = RtlExport.Write(rtlDir, m, hardware);
                    summary.AddRow("RTL parameters", Markup.Escape(rtlDir), $"{files.Count} files, folding {hardware.FoldingText}, {hardware.InitiationInterval} cycles/inference");
                }

                if (parse.GetValue(golden) is { } goldenPath)
                {
                    var windows = data.Load(parse, m.WindowFrames, null);
                    int n = Math.Min(windows.Count, parse.GetValue(goldenCount));
                    GoldenVectors.Write(goldenPath, m, windows.Inputs.AsSpan(0, n * windows.InputLength), Enumerable.Range(0, n).Select(i => (string?)windows.Classes[windows.Labels[i]]).ToArray());
                    summary.AddRow("golden vectors", Markup.Escape(goldenPath), $"{n:N0} windows");
                }

                if (summary.Rows.Count == 0) throw new ArgumentException("nothing to export: give --image, --rtl and/or --golden");
                AnsiConsole.Write(summary);
                return ExitCodes.Ok;
            }));
            return command;
        }

        /// <summary>
        /// The family to pack <paramref name="model"/> for: the build whose parameters are <paramref name="familyFile"/>;
        /// a new family of the model's shape with <paramref name="folding"/> (e.g. "1x10,1x32,...") or the cheapest folding
        /// meeting <paramref name="targetCycles"/>; else <see cref="HardwareConfig.FamilyFor"/>.
        /// </summary>
        public static HardwareConfig Hardware(IntegerModel model, string? familyFile, string? folding, int? targetCycles)
        {
            if (familyFile != null && (folding != null || targetCycles != null)) throw new ArgumentException("--family names an existing build; --folding and --target-cycles make a new one: give one or the other");
            if (familyFile != null)
            {
                var family = HardwareConfig.FromRtlParams(familyFile);
                if (family.Misfit(model) is { } why) throw new ArgumentException($"the model does not fit the family of {familyFile}: {why}");
                return family;
            }

            if (targetCycles != null) return HardwareConfig.For(model, targetCycles.Value);
            if (folding == null) return HardwareConfig.FamilyFor(model);
            var parts = folding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != model.Layers.Count) throw new ArgumentException($"--folding gives {parts.Length} layers, the model has {model.Layers.Count}");
            return HardwareConfig.For(model, parts.Select(p =>
            {
                var pe = p.Split('x', '×');
                if (pe.Length != 2 || !int.TryParse(pe[0], NumberStyles.None, CultureInfo.InvariantCulture, out int a) || !int.TryParse(pe[1], NumberStyles.None, CultureInfo.InvariantCulture, out int b))
                    throw new ArgumentException($"--folding: \"{p}\" is not PExSIMD (e.g. 1x32)");
                return new LayerFolding(a, b);
            }).ToArray());
        }
    }
}
