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
            var rtl = new Option<string?>("--rtl") { Description = "Write the RTL parameter files here (cqmlp_params.vh and memory init files; fpga/gen is the build's)." };
            var golden = new Option<string?>("--golden") { Description = "Write golden test vectors (windows and expected integer outputs) here." };
            var goldenCount = new Option<int>("--golden-windows") { Description = "Most windows in the golden vectors.", DefaultValueFactory = _ => 100_000 };
            var folding = new Option<string?>("--folding") { Description = "PE×SIMD per layer, e.g. 1x10,1x32,1x8,1x2,1x1; default: the cheapest meeting --target-cycles." };
            var target = new Option<int>("--target-cycles") { Description = "Cycles per inference the default folding must meet.", DefaultValueFactory = _ => HardwareConfig.DefaultTargetCycles };
            var data = new DataOptions("Logs whose windows become golden vectors (default: generated traffic).", 60, 3, withWindow: false);
            var command = new Command("export", "Export a model: signed weight image, RTL parameters, golden vectors.") { model, image, key, rtl, golden, goldenCount, folding, target };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var m = Models.Load(parse.GetValue(model)!);
                var hardware = Hardware(m, parse.GetValue(folding), parse.GetValue(target));
                var summary = new Table().AddColumns("what", "where", "detail");
                if (parse.GetValue(image) is { } imagePath)
                {
                    var keyPath = parse.GetValue(key) ?? throw new ArgumentException("--image needs --key (the device key the firmware verifies with)");
                    var bytes = WeightImageWriter.Build(m, hardware, WeightImageWriter.ReadKey(keyPath));
                    File.WriteAllBytes(imagePath, bytes);
                    summary.AddRow("weight image", Markup.Escape(imagePath), $"{bytes.Length:N0} bytes, config {hardware.ConfigId:x8}");
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

        /// <summary>The hardware for <paramref name="model"/>: the folding given (e.g. "1x10,1x32,..."), else the default for <paramref name="targetCycles"/>.</summary>
        public static HardwareConfig Hardware(IntegerModel model, string? folding, int targetCycles)
        {
            if (folding == null) return HardwareConfig.For(model, targetCycles);
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
